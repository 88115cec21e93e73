"""Readers of data files and online sources: the only code that touches disk or network.

Each submodule reads one kind of source and returns validated frames keyed by
CBS code. The public, composed API is :mod:`regio.data`.
"""
