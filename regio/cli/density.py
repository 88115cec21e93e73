"""``regio density`` (table) and ``regio map density`` (map): physicians per 100,000 inhabitants."""

from __future__ import annotations

from pathlib import Path

import click

from regio.cli import encoding_option
from regio.cli._common import csv_option, echo_written, lang_option, level_option, out_option, print_table, wide_option
from regio.density import norm_from_inhabitants
from regio.density.run import COUNTS_SOURCE_CHOICES, choose_counts_source, density_results, trend_result
from regio.errors import InputError
from regio.maps.density import SCHEMES, density_title
from regio.report.density import density_stem, terminal_tables, write_density
from regio.report.export import write_table
from regio.report.outputs import output_file


def _common(f):
    options = [
        click.option("--profession", "-p", default="huisarts", show_default=True,
                     help="Profession: huisarts, basisarts, medisch_specialist, arts or big_totaal; which have counts "
                          "depends on the data directory (see `regio data list`)."),
        level_option("provincie"),
        click.option("--source", "source", type=click.Choice(COUNTS_SOURCE_CHOICES), default="auto",
                     show_default=True,
                     help="Where the counts come from: cbs = the CBS extracts in the data directory (BIG "
                          "registrations by place of residence); nivel = Nivel's working GPs of the whole country, "
                          "1 January 2012-2023 (huisarts, --level land only); auto = CBS where CBS has every year "
                          "asked for, else Nivel for GPs at --level land. The notes say which."),
        click.option("--counts", "counts_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                     default=None, help="Your own counts file (CSV/Excel: region, year, count and optionally "
                                        "profession; without it every row counts as --profession) instead of "
                                        "the CBS extracts in the data directory."),
        click.option("--counts-division", type=int, default=None,
                     help="Municipal division (year) of municipal counts, if not the count year."),
        click.option("--sector", default=None,
                     help="Sector of the counts as in the CBS table (e.g. 'Universitair medische centra'); "
                          "default the total of all sectors. A single sector is named in titles and notes."),
        click.option("--interpolate/--no-interpolate", default=True, show_default=True,
                     help="Interpolate the population of a year without a table between the nearest years "
                          "(CBS 37259eng has every 1 January 2012-2024; said in the notes)."),
        click.option("--confidence", type=click.FloatRange(0.5, 0.999), default=0.95, show_default=True,
                     help="Confidence level of the intervals."),
        click.option("--norm-per-100k", type=click.FloatRange(min=0, min_open=True), default=None,
                     help="Norm in physicians per 100,000 (default: the national rate; without a norm, counts "
                          "of one sector or with regions without a count get no provision level)."),
        click.option("--norm-inhabitants", type=click.FloatRange(min=0, min_open=True), default=None,
                     help="Norm as inhabitants per physician (e.g. 2350), instead of --norm-per-100k."),
        click.option("--bands", nargs=2, type=float, default=(75.0, 110.0), show_default=True,
                     help="Provision bands in % of the norm: under-supplied below the first, well supplied "
                          "above the second."),
        click.option("--no-spatial", is_flag=True, help="Skip the smoothing towards neighbours."),
        lang_option("Language of labels and notes."), csv_option(), wide_option(),
        encoding_option(),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _norm(norm_per_100k: float | None, norm_inhabitants: float | None) -> float | None:
    if norm_per_100k is not None and norm_inhabitants is not None:
        raise InputError("Give either --norm-per-100k or --norm-inhabitants, not both.", key="cli.density.two_norms")
    return norm_from_inhabitants(norm_inhabitants) if norm_inhabitants is not None else norm_per_100k


@click.command("density")
@_common
@click.option("--year", "-y", type=int, required=True, help="Year of the counts.")
@click.option("--compare-year", type=int, default=None,
              help="Also show the change from this earlier year to --year (counts, population, rate), both "
                   "on the later year's municipal division.")
@out_option("maps")
def cli(profession, level, source, counts_path, counts_division, sector, interpolate, confidence, norm_per_100k,
        norm_inhabitants, bands, no_spatial, lang, year, compare_year, out):
    """Print physicians per 100,000 inhabitants per region and write the table (CSV, Excel).

    Rates with their interval, comparison with the national rate (with the
    mean of the regions with data when the counts are one sector or miss
    regions), smoothed rates, provision level against a norm and the
    physicians needed to reach it; totals include counts that cannot be
    placed in a region. With --compare-year, the change per region and a
    summary line in the notes.
    """
    norm = _norm(norm_per_100k, norm_inhabitants)
    if compare_year is not None and compare_year >= year:  # said before any work, and before a file is written
        raise InputError(f"--compare-year {compare_year} is not before --year {year}: the change is shown from an "
                         f"earlier year to --year. Give an earlier --compare-year (e.g. {year - 1}), or swap them.",
                         key="cli.density.compare_year_order", compare=compare_year, year=year, before=year - 1)
    if compare_year is not None and source == "auto":  # the table and the trend from one source
        chosen = choose_counts_source(profession, level=level, years=[compare_year, year], counts_path=counts_path)
        source = "nivel" if chosen == "nivel" else source
    (result,) = density_results([year], profession, level=level, counts_path=counts_path,
                                counts_division=counts_division, sector=sector, interpolate=interpolate,
                                confidence=confidence, norm_per_100k=norm, bands=bands, spatial=not no_spatial,
                                lang=lang, source=source)
    click.echo(density_title([result], lang))
    shown, totals = terminal_tables(result)
    print_table(shown, lang=lang)
    click.echo("")
    print_table(totals, lang=lang)
    click.echo("")
    for note in result.notes:
        click.echo(f"- {note}")
    click.echo(result.source_full)
    stem = density_stem([result])
    written = write_density([result], out, stem, lang=lang, html_map=False, png=False)
    for p in written["tables"]:
        echo_written(p, lang)
    if compare_year is not None:
        table, notes = trend_result(profession, level=level, years=(compare_year, year), interpolate=interpolate,
                                    counts_path=counts_path, counts_divisions=(None, counts_division),
                                    sector=sector, lang=lang, source=source)
        click.echo("")
        rates = [c for c in (f"rate_{compare_year}", f"rate_{year}") if c in table.columns]  # the answer first
        print_table(table[[*table.columns[:1], *rates, *(c for c in table.columns[1:] if c not in rates)]],
                    lang=lang)
        for note in notes:
            click.echo(f"- {note}")
        for p in write_table(table, output_file(out, f"{stem}_trend_{compare_year}"), notes=notes, lang=lang):
            echo_written(p, lang)


@click.command("density")
@_common
@click.option("--year", "-y", "years", type=int, multiple=True, required=True,
              help="Year of the counts; repeat for one layer set per year (same regions).")
@click.option("--scheme", type=click.Choice(SCHEMES), default="auto", show_default=True,
              help="Class scheme of the rate layers: auto = natural breaks (Fisher-Jenks) up to 60 regions, "
                   "quantiles above (the provision layer uses the fixed policy bands).")
@click.option("--classes", "-k", type=click.IntRange(2, 9), default=5, show_default=True, help="Number of classes.")
@click.option("--institutes/--no-institutes", default=True, show_default=True,
              help="Markers for the 8 GP training institutes.")
@click.option("--tolerance", type=click.FloatRange(min=0), default=100.0, show_default=True,
              help="Simplification of the shapes in metres (larger: smaller file).")
@out_option("maps")
def map_cli(profession, level, source, counts_path, counts_division, sector, interpolate, confidence, norm_per_100k,
            norm_inhabitants, bands, no_spatial, lang, years, scheme, classes, institutes, tolerance, out):
    """Write the density map (HTML with layers per indicator and year, PNG) and its tables."""
    norm = _norm(norm_per_100k, norm_inhabitants)
    results = density_results(years, profession, level=level, counts_path=counts_path,
                              counts_division=counts_division, sector=sector, interpolate=interpolate,
                              confidence=confidence, norm_per_100k=norm, bands=bands, spatial=not no_spatial,
                              lang=lang, source=source)
    points = None
    if institutes:
        from regio.data import institutes as shipped_institutes

        points = shipped_institutes()
    stem = density_stem(results)
    written = write_density(results, out, stem, scheme=scheme, k=classes, institutes=points, lang=lang,
                            tolerance=tolerance)
    for key in ("html", "png"):
        echo_written(written[key], lang)
    for p in written["tables"]:
        echo_written(p, lang)
