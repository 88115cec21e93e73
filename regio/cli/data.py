"""``regio data``: what data there is, where it came from, and fetching it when online."""

from __future__ import annotations

import sys

import click

from regio.cli import said
from regio.cli._common import echo_written, lang_option, progress_enabled
from regio.config import data_dir
from regio.errors import InputError
from regio.sources import pdok, statline
from regio.sources._files import require_data_dir
from regio.sources.catalog import catalog
from regio.sources.fetch import DEFAULT_PARTS, FAILED, fetch_data
from regio.text import t


@click.group("data")
def cli() -> None:
    """Inspect and fetch the data directory."""


@cli.command("list")
@lang_option("Language of the listing.")
def list_(lang: str) -> None:
    """List boundaries (levels x years), tables, physician counts and crosswalks, with their sources."""
    from regio.report.data_list import catalog_text

    root = require_data_dir()  # a missing directory is an error (exit code 2), not an empty list
    click.echo(catalog_text(catalog(root), root, lang=lang))


@cli.command("path")
def path() -> None:
    """Print the data directory in use."""
    click.echo(str(data_dir()))


@cli.command("fetch")
@click.option("--year", "-y", type=int, default=None,
              help="Year of the boundaries and of the population (1 January); with --what proximity alone, default "
                   "the newest year regio knows a CBS proximity table of.")
@click.option("--levels", default=",".join(pdok.DEFAULT_LEVELS), show_default=True,
              help=f"Boundary levels, comma separated; PDOK has {', '.join(pdok.PDOK_LEVELS)}.")
@click.option("--what", default=",".join(DEFAULT_PARTS), show_default=True,
              help="What to fetch, comma separated: boundaries, population, physicians, proximity (the CBS "
                   "proximity indicators per municipality: distance to the nearest GP practice, practices within "
                   "1/3/5 km, huisartsenpost, pharmacy, hospital).")
@click.option("--physician-table", "physician_tables", multiple=True, default=("84777NED",), show_default=True,
              help="CBS table(s) of BIG-registered professionals: 84777NED (sector), 84779NED (age).")
@click.option("--physician-year", type=int, default=None,
              help="Year of the physician counts (default: --year, or the newest year CBS has before it).")
@click.option("--proximity-table", default=None,
              help="CBS table of the proximity indicators, for a year regio does not know one of (e.g. 85560NED "
                   "is 2022).")
@click.option("--dry-run", is_flag=True,
              help="Show what the services answer (metadata, one feature per level) and what regio would take "
                   "from them; write nothing.")
@lang_option("Language of the notes, failures and dry-run lines.")
def fetch(year: int | None, levels: str, what: str, physician_tables: tuple[str, ...], physician_year: int | None,
          proximity_table: str | None, dry_run: bool, lang: str) -> None:
    """Download boundaries (PDOK), population and physician counts (CBS StatLine) into the data directory.

    Needs internet access. Writes boundaries/{level}_{year}.geojson,
    tables/population_gemeente_timeseries.csv (the year's rows),
    physicians/cbs{table}_woonregio_{year}.csv and the manifest
    regio-sources.json that `regio data list` reads; with --what proximity,
    tables/proximity_gemeente_{year}.csv (read by regio.data.proximity). Set
    REGIO_CBS_URL / REGIO_PDOK_URL to use a mirror.
    """
    parts = [p.strip().lower() for p in what.split(",") if p.strip()]
    if year is None:
        if parts and set(parts) == {"proximity"}:
            from regio.sources.statline_proximity import PROXIMITY_TABLES

            year = max(PROXIMITY_TABLES)
        else:
            raise InputError("Give --year (the year of the boundaries and the population); only --what "
                             "proximity alone has a default year.", key="cli.data.fetch_needs_year")
    if dry_run:
        from regio.sources.fetch import dry_run as describe

        lines = describe(year, levels=[lv for lv in levels.split(",") if lv.strip()],
                         parts=parts, physician_tables=physician_tables, proximity_table=proximity_table, lang=lang)
        for line in lines:
            click.echo(line)
        if any(line.lstrip().startswith(f"{FAILED[lang == 'nl']}:") for line in lines):
            sys.exit(2)
        return
    root = data_dir()
    click.echo(t(lang, f"Ophalen naar {root}", f"Fetching into {root}")
               + f"\n  CBS StatLine: {statline.cbs_url()}\n  PDOK: {pdok.pdok_url()}")
    result = fetch_data(
        year,
        levels=[lv for lv in levels.split(",") if lv.strip()],
        parts=parts,
        data_dir=root,
        physician_tables=physician_tables,
        physician_year=physician_year,
        proximity_table=proximity_table,
        progress=progress_enabled(),
    )
    for name in result.written:
        echo_written(name, lang)
    for note in result.notes:  # phrases said in the chosen language, naming this command's options
        click.echo(t(lang, "let op: ", "note: ") + said(note, lang))
    for failure in result.failures:
        click.secho(f"{FAILED[lang == 'nl']}: " + said(failure, lang), err=True, fg="red")
    if result.failures:
        sys.exit(2)
    click.echo(t(lang, f"Klaar. `regio data list` laat zien wat de gegevensmap {root} bevat.",
                 f"Done. `regio data list` shows what the data directory {root} holds."))
