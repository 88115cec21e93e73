"""``regio population``: inhabitants per region for a level and year."""

from __future__ import annotations

from pathlib import Path

import click

from regio import data
from regio.cli._common import level_option, print_table, year_option
from regio.export import write_table


@click.command("population")
@level_option("provincie")
@year_option(2024, "Year (1 January).")
@click.option("--interpolate", is_flag=True,
              help="If the municipal year is missing, interpolate linearly between the nearest years "
                   "(both carried to one municipal division). Off unless asked.")
@click.option("--division", type=int, default=None, help="Municipal division for interpolated counts.")
@click.option("--age-bands", is_flag=True, help="Add counts per age band where the source has them.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the table to this path (.csv and .xlsx).")
def cli(level: str, year: int, interpolate: bool, division: int | None, age_bands: bool, out: Path | None) -> None:
    """Print inhabitants per region of LEVEL in YEAR, with the source and method."""
    table = data.population(level, year, interpolate=interpolate, division=division, age_bands=age_bands)
    print_table(table)
    click.echo(f"total: {int(table['population'].sum()):,} in {len(table)} regions")
    click.echo(f"source: {table.attrs['source']}")
    click.echo(f"method: {table.attrs['method']}")
    if out:
        for p in write_table(table, out, notes=[table.attrs["source"], table.attrs["method"]]):
            click.echo(f"wrote {p}")
