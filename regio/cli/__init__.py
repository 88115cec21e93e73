"""The ``regio`` command line.

Each subcommand lives in its own module of this package and exposes a click
command (or group) named ``cli``; :data:`COMMANDS` lists them. The CLI is the
only place that configures logging and progress output.
"""

from __future__ import annotations

import importlib
import logging
import sys
import warnings

import click

from regio import __version__
from regio.config import ENV_VAR, set_data_dir
from regio.errors import RegioError, RegioWarning

__all__ = ["COMMANDS", "main"]

#: Modules with a ``cli`` command, in the order of ``regio --help``.
COMMANDS = (
    "regio.cli.atlas",
    "regio.cli.data",
    "regio.cli.population",
    "regio.cli.density",
    "regio.cli.recruit",
    "regio.cli.model",
    "regio.cli.allocate",
    "regio.cli.map",
)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Show a warning as one line for the user, without Python's source location."""
    text = str(message)
    if not issubclass(category, RegioWarning):
        text = f"{category.__name__}: {text}"
    click.secho(f"warning: {text}", err=True, fg="yellow")


class _Group(click.Group):
    """A group that turns :class:`RegioError` into one clear line and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RegioError as exc:
            click.secho(f"error: {exc}", err=True, fg="red")
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="regio")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="REGIO_DATA_DIR",
              help="Data directory (default: $REGIO_DATA_DIR, else the user cache directory).")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars; warnings and errors only.")
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, verbose: int, quiet: bool) -> None:
    """Regional planning of the Dutch medical workforce.

    Densities of physicians per 100,000 inhabitants, recruitment areas of the
    GP training institutes, national advice split into regional numbers, the
    national GP supply/demand model behind the advice, and maps. Start with
    `regio atlas`; `regio data list` shows what data there is.
    """
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    if quiet:
        level = logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    shown_before = warnings.showwarning
    warnings.showwarning = _show_warning  # for this command only
    ctx.call_on_close(lambda: setattr(warnings, "showwarning", shown_before))
    if data_dir:  # a value read from REGIO_DATA_DIR is said to come from there in messages
        from_env = ctx.get_parameter_source("data_dir") is click.core.ParameterSource.ENVIRONMENT
        set_data_dir(data_dir, origin=ENV_VAR if from_env else "--data-dir")
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet


for _name in COMMANDS:
    main.add_command(importlib.import_module(_name).cli)
importlib.import_module("regio.cli.map").register(COMMANDS)
