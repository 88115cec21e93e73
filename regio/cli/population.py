"""``regio population``: inhabitants per region for a level and year."""

from __future__ import annotations

from pathlib import Path

import click

from regio import data
from regio.cli._common import level_option, print_table, year_option
from regio.report.export import write_table
from regio.text import fmt_number, source_text, t


@click.command("population")
@level_option("provincie")
@year_option(2024, "Year (1 January).")
@click.option("--interpolate", is_flag=True,
              help="If the municipal year is missing, interpolate linearly between the nearest years "
                   "(both carried to one municipal division). Off unless asked.")
@click.option("--extrapolate", is_flag=True,
              help="For a year after the last one (2024): extend the trend of the last two years per municipality, "
                   "labelled an extrapolation. Off unless asked.")
@click.option("--division", type=int, default=None, help="Municipal division for interpolated counts.")
@click.option("--age-bands", is_flag=True, help="Add counts per age band where the source has them.")
@click.option("--ages", type=click.Choice(["auto", "kerncijfers", "2020", "national"]), default=None,
              help="With --age-bands: where the five CBS bands come from (default kerncijfers of the year; 2020: "
                   "the municipal structure of 1 January 2020 carried to the year's division; national: the "
                   "national profile; auto: kerncijfers, else 2020, else national).")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the table to this path (.csv and .xlsx).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the summary and number format (Dutch 1.234,5 or English 1,234.5).")
def cli(level: str, year: int, interpolate: bool, extrapolate: bool, division: int | None, age_bands: bool,
        ages: str | None,
        out: Path | None, lang: str) -> None:
    """Print inhabitants per region of LEVEL in YEAR, with the source and method."""
    if ages is not None and not age_bands:
        raise click.UsageError("--ages chooses the source of --age-bands: give --age-bands too.")
    bands = (ages if ages not in (None, "kerncijfers") else True) if age_bands else False
    table = data.population(level, year, interpolate=interpolate, division=division, age_bands=bands,
                            extrapolate=extrapolate)
    print_table(table, lang=lang)
    total = fmt_number(int(table["population"].sum()), 0, lang)
    source = source_text(table.attrs["source"], lang)
    method = table.attrs["method_nl" if lang == "nl" else "method"]
    click.echo(t(lang, f"totaal: {total} inwoners in {len(table)} regio's", f"total: {total} in {len(table)} regions"))
    click.echo(t(lang, "bron: ", "source: ") + source)
    click.echo(t(lang, "methode: ", "method: ") + method)
    if out:
        notes = [t(lang, "Bron: ", "Source: ") + source, t(lang, "Methode: ", "Method: ") + method]
        for p in write_table(table, out, notes=notes):
            click.echo(t(lang, f"geschreven: {p}", f"wrote {p}"))
