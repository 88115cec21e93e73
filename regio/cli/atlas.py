"""``regio atlas``: build every map and table the data allows, with an index page."""

from __future__ import annotations

from pathlib import Path

import click

from regio.atlas import SECTIONS, build_atlas
from regio.cli._common import out_option, progress_enabled
from regio.config import data_dir


@click.command("atlas")
@out_option("maps")
@click.option("--section", "-s", "sections", multiple=True, type=click.Choice([name for name, _ in SECTIONS]),
              help="Build only these sections (repeatable). Default: all.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of labels and texts.")
def cli(out: Path, sections: tuple[str, ...], lang: str) -> None:
    """Build the atlas: maps (HTML, PNG) and tables (CSV, Excel) plus OUT/index.html.

    Sections whose data is missing are listed on the index page with the reason.
    """
    items, skipped = build_atlas(out, sections=sections or None, data_dir=data_dir(), lang=lang,
                                 progress=progress_enabled())
    for item in items:  # every file written: maps, images, tables with their Excel and notes
        click.echo(f"  {item.kind:6s} {out / item.path}")
    click.echo(f"  {'index':6s} {out / 'index.html'}")
    for skip in skipped:
        click.secho(f"  skipped {skip.section}: {skip.reason}", fg="yellow", err=True)
    click.echo(f"{len(items) + 1} files written into {out}, the index included; open {out / 'index.html'}")
