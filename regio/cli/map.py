"""``regio map ...``: write one interactive map.

Each analysis command module may define ``map_cli`` (a click command); those
of the modules in :data:`regio.cli.COMMANDS` become subcommands here, e.g.
``regio map density``. Each of them (and ``regio atlas``) takes ``--tiles``
(:func:`tiles_option`), the background map of its pages.
"""

from __future__ import annotations

import importlib

import click

#: The background maps ``--tiles`` offers (:data:`regio.maps.core.TILES`).
TILE_CHOICES = ("positron", "osm", "none")
_TILES_HELP = ("Background map of the HTML maps: positron (CartoDB Positron, light; default), osm (OpenStreetMap) "
               "or none (no requests: the page opens offline and draws the country's outline itself). "
               "Default: $REGIO_TILES, else positron.")


def _use_tiles(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:  # for this command only: the maps it draws take it as their default
        from regio.maps.core import use_tiles

        ctx.with_resource(use_tiles(value))


def tiles_option() -> callable:
    """``--tiles positron|osm|none`` (or ``REGIO_TILES``): the background map of the pages a command draws.

    A decorator, of a command's function or of a command (its parameter is
    added); the value is not passed to the function but set for the maps the
    command draws (:func:`regio.maps.core.use_tiles`).
    """
    return click.option("--tiles", type=click.Choice(TILE_CHOICES, case_sensitive=False), envvar="REGIO_TILES",
                        expose_value=False, callback=_use_tiles, help=_TILES_HELP)


@click.group("map")
def cli() -> None:
    """Write one interactive HTML map (and its PNG); see each subcommand's --help."""


def register(modules: tuple[str, ...]) -> None:
    """Add the ``map_cli`` commands of ``modules`` to this group."""
    for name in modules:
        command = getattr(importlib.import_module(name), "map_cli", None)
        if command is not None:
            if not any(p.name == "tiles" for p in command.params):
                tiles_option()(command)
            cli.add_command(command)
