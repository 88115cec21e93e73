"""``regio atlas``: build every map and table the data allows, with an index page."""

from __future__ import annotations

from pathlib import Path

import click

from regio.cli._common import csv_option, lang_option, out_option, progress_enabled, wide_option
from regio.cli.map import tiles_option
from regio.config import data_dir
from regio.report.atlas import SECTIONS, build_atlas
from regio.text import t


@click.command("atlas")
@out_option("maps")
@click.option("--section", "-s", "sections", multiple=True, type=click.Choice([name for name, _ in SECTIONS]),
              help="Build only these sections (repeatable). Default: all.")
@lang_option("Language of labels and texts.")
@csv_option()
@wide_option()
@tiles_option()
def cli(out: Path, sections: tuple[str, ...], lang: str) -> None:
    """Build the atlas: maps (HTML, PNG) and tables (CSV, Excel) plus OUT/index.html.

    Sections whose data is missing are listed on the index page with the reason.
    """
    from regio.config import data_dir_origin
    from regio.errors import DataNotFoundError
    from regio.sources._files import require_data_dir

    require_data_dir()  # no data directory: one message naming it and how to set it (exit code 2), nothing written
    items, skipped = build_atlas(out, sections=sections or None, data_dir=data_dir(), lang=lang,
                                 progress=progress_enabled())
    if not items:  # a data directory without any of the data: the same, after the index says why per section
        from regio.labels import LABELS, label

        root, origin = data_dir(), data_dir_origin()
        words = label(f"origin.{origin}", "en") if f"origin.{origin}" in LABELS else origin
        raise DataNotFoundError(f"No atlas: there is no data in the data directory {root} ({words}). Point the "
                                "environment variable REGIO_DATA_DIR (or `regio --data-dir DIR`) at a folder laid out "
                                "like shared/data, or run `regio data fetch --year 2024` when online.",
                                key="atlas_no_data", path=root, origin=origin)
    kinds = {"map": t(lang, "kaart", "map"), "image": t(lang, "afbeelding", "image"),
             "table": t(lang, "tabel", "table"), "notes": t(lang, "toelichting", "notes"),
             "chart": t(lang, "grafiek", "chart"), "index": t(lang, "overzicht", "index")}
    width = max(len(k) for k in kinds.values())
    for item in items:  # every file written: maps, images, tables with their Excel and notes
        click.echo(f"  {kinds.get(item.kind, item.kind):{width}s} {out / item.path}")
    click.echo(f"  {kinds['index']:{width}s} {out / 'index.html'}")
    for skip in skipped:
        click.secho("  " + t(lang, f"overgeslagen: {skip.section}: {skip.reason}",
                             f"skipped {skip.section}: {skip.reason}"), fg="yellow", err=True)
    click.echo(t(lang, f"{len(items) + 1} bestanden geschreven in {out}, de index meegeteld; open {out / 'index.html'}",
                 f"{len(items) + 1} files written into {out}, the index included; open {out / 'index.html'}"))
