"""Writing results: tables (CSV, Excel), notes, maps to files, and the atlas of all sections.

The report layer sits above :mod:`regio.maps` (which draws into memory) and below
:mod:`regio.cli`; it is where words and files come in.
"""
