"""``regio map ...``: write one interactive map.

Each analysis command module may define ``map_cli`` (a click command); those
of the modules in :data:`regio.cli.COMMANDS` become subcommands here, e.g.
``regio map density``.
"""

from __future__ import annotations

import importlib

import click


@click.group("map")
def cli() -> None:
    """Write one interactive HTML map (and its PNG); see each subcommand's --help."""


def register(modules: tuple[str, ...]) -> None:
    """Add the ``map_cli`` commands of ``modules`` to this group."""
    for name in modules:
        command = getattr(importlib.import_module(name), "map_cli", None)
        if command is not None:
            cli.add_command(command)
