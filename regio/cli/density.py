"""``regio density`` (table) and ``regio map density`` (map): physicians per 100,000 inhabitants."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pandas as pd

from regio.cli._common import level_option, out_option, print_table
from regio.density import norm_from_inhabitants
from regio.density.run import density_inputs, density_result, trend_result
from regio.errors import InputError
from regio.maps.core import map_html
from regio.maps.density import INSTITUTES_LEGEND, SCHEMES, density_map
from regio.maps.static import static_map
from regio.report.export import write_html, write_image, write_table

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from regio.density.run import DensityResult

log = logging.getLogger(__name__)

_SHOWN = ["statnaam", "count", "population", "rate_per_100k", "lower_per_100k", "upper_per_100k", "comparison",
          "rank", "eb_per_100k", "eb_spatial_per_100k", "provision_pct", "band", "needed"]


def _common(f):
    options = [
        click.option("--profession", "-p", default="huisarts", show_default=True,
                     help="Profession: huisarts, basisarts, medisch_specialist, arts or big_totaal; which have counts "
                          "depends on the data directory (see `regio data list`)."),
        level_option("provincie"),
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
                     help="Interpolate the population of a year without a table (e.g. 1 January 2019, for "
                          "the CBS counts of December 2018, between 2017 and 2022; said in the notes)."),
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
        click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                     help="Language of labels and notes."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _norm(norm_per_100k: float | None, norm_inhabitants: float | None) -> float | None:
    if norm_per_100k is not None and norm_inhabitants is not None:
        raise InputError("Give either --norm-per-100k or --norm-inhabitants, not both.")
    return norm_from_inhabitants(norm_inhabitants) if norm_inhabitants is not None else norm_per_100k


def _results(years, *, profession, level, counts_path, counts_division, sector, interpolate, confidence, norm,
             bands, spatial, lang):
    years = sorted(set(years))
    results = []
    division = None
    for year in reversed(years):  # the latest year fixes the division of the others
        inputs = density_inputs(profession, level=level, year=year, interpolate=interpolate,
                                division=division, counts_path=counts_path, counts_division=counts_division,
                                sector=sector, lang=lang)
        division = division or inputs.population.attrs.get("division")
        results.append(density_result(inputs, confidence=confidence, norm_per_100k=norm, bands=tuple(bands),
                                      spatial=spatial, lang=lang))
    return results[::-1]


def _export_table(result: DensityResult) -> pd.DataFrame:
    t = result.table.copy()
    reference = t.attrs.get("reference", "national")
    if reference == "regions":  # not a national figure: the columns say what it is
        t = t.rename(columns={"national_per_100k": "mean_of_regions_with_data_per_100k",
                              "ratio_to_national": "ratio_to_mean_of_regions_with_data"})
    elif reference is None:  # one region with data: compared with nothing
        t = t.drop(columns=["national_per_100k", "ratio_to_national", "comparison", "rank"])
    t.insert(0, "kind", "region")
    totals = result.totals.copy()
    out = pd.concat([t, totals], axis=0)
    out.index.name = "statcode"
    for col in ("comparison", "band"):
        if col in out:
            out[col] = out[col].astype(object)
    return out


def write_density(
    results: Sequence[DensityResult],
    out: str | Path,
    stem: str,
    *,
    scheme: str = "auto",
    k: int = 5,
    institutes: gpd.GeoDataFrame | None = None,
    lang: str = "nl",
    html_map: bool = True,
    png: bool = True,
    tables: bool = True,
    **map_options,
) -> dict[str, Path | list[Path]]:
    """Write the map (HTML), its first layer as PNG and each year's table (CSV, Excel with notes).

    The map is drawn by :func:`regio.maps.density.density_map` and
    :func:`regio.maps.static.static_map` and written by :mod:`regio.report.export`.

    Parameters
    ----------
    results
        :class:`regio.density.run.DensityResult` per year, oldest first, all
        on the same regions.
    out
        Output folder (created when missing).
    stem
        File name without suffix; with more than one year the tables get
        ``_<year>`` appended.
    scheme, k
        Class scheme and number of classes of the rate layers.
    institutes
        Points of the training institutes, drawn as markers and PNG points.
    lang
        ``"nl"`` or ``"en"``.
    html_map, png, tables
        Which files to write.
    map_options
        Passed to :func:`regio.maps.core.region_map` (``tolerance``, ...).

    Returns
    -------
    dict
        ``{"html": path, "png": path, "tables": [paths]}`` for what was written.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).

    >>> import tempfile
    >>> from regio.density.run import density_inputs, density_result
    >>> result = density_result(density_inputs("huisarts", level="provincie", year=2018))
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = write_density([result], tmp, "dichtheid", png=False)
    ...     sorted(written), [p.name for p in written["tables"]]
    (['html', 'tables'], ['dichtheid.csv', 'dichtheid.notes.txt', 'dichtheid.xlsx'])
    """
    out = Path(out)
    written: dict[str, Path | list[Path]] = {}
    fmap, frame, layers, (title, source, caveat) = density_map(results, scheme=scheme, k=k,
                                                               institutes=institutes, lang=lang, **map_options)
    if html_map:
        written["html"] = write_html(map_html(fmap, title=title), out / f"{stem}.html")
    if png:
        points = institutes.to_crs(frame.crs) if institutes is not None and len(institutes) else None
        written["png"] = write_image(static_map(frame, layers[0], title=title, source=source, caveat=caveat,
                                                points=points, points_label=INSTITUTES_LEGEND[lang]),
                                     out / f"{stem}.png")
    if tables:
        paths: list[Path] = []
        for r in results:
            name = stem if len(results) == 1 else f"{stem}_{r.inputs.year}"
            paths += write_table(_export_table(r), out / name, sheet=str(r.inputs.year),
                                 notes=[title, r.source, *r.notes])
        written["tables"] = paths
    return written


@click.command("density")
@_common
@click.option("--year", "-y", type=int, required=True, help="Year of the counts.")
@click.option("--compare-year", type=int, default=None,
              help="Also show the change from this earlier year to --year (counts, population, rate), both "
                   "on the later year's municipal division.")
@out_option("maps")
def cli(profession, level, counts_path, counts_division, sector, interpolate, confidence, norm_per_100k,
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
    (result,) = _results([year], profession=profession, level=level, counts_path=counts_path,
                         counts_division=counts_division, sector=sector, interpolate=interpolate,
                         confidence=confidence, norm=norm, bands=bands, spatial=not no_spatial, lang=lang)
    single = result.table.attrs.get("reference", "national") is None  # one region with data: compared with nothing
    shown = result.table[[c for c in _SHOWN if c in result.table and not (single and c in ("comparison", "rank"))]]
    whole = {"needed": 0}  # physicians are people: the table files keep the decimals
    print_table(shown.round(whole), lang=lang)
    click.echo("")
    print_table(result.totals.round(whole), lang=lang)
    click.echo("")
    for note in result.notes:
        click.echo(f"- {note}")
    click.echo(result.source)
    stem = f"density_{result.inputs.profession}_{result.inputs.level}_{year}"
    written = write_density([result], out, stem, lang=lang, html_map=False, png=False)
    for p in written["tables"]:
        click.echo(f"wrote {p}")
    if compare_year is not None:
        table, notes = trend_result(profession, level=level, years=(compare_year, year), interpolate=interpolate,
                                    counts_path=counts_path, counts_divisions=(None, counts_division),
                                    sector=sector, lang=lang)
        click.echo("")
        print_table(table, lang=lang)
        for note in notes:
            click.echo(f"- {note}")
        for p in write_table(table, Path(out) / f"{stem}_trend_{compare_year}", notes=notes):
            click.echo(f"wrote {p}")


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
def map_cli(profession, level, counts_path, counts_division, sector, interpolate, confidence, norm_per_100k,
            norm_inhabitants, bands, no_spatial, lang, years, scheme, classes, institutes, tolerance, out):
    """Write the density map (HTML with layers per indicator and year, PNG) and its tables."""
    norm = _norm(norm_per_100k, norm_inhabitants)
    results = _results(years, profession=profession, level=level, counts_path=counts_path,
                       counts_division=counts_division, sector=sector, interpolate=interpolate,
                       confidence=confidence, norm=norm, bands=bands, spatial=not no_spatial, lang=lang)
    points = None
    if institutes:
        from regio.sources.geodata import institutes as shipped_institutes

        points = shipped_institutes()
    inp = results[-1].inputs
    stem = f"density_{inp.profession}_{inp.level}_{'_'.join(str(r.inputs.year) for r in results)}"
    written = write_density(results, out, stem, scheme=scheme, k=classes, institutes=points, lang=lang,
                            tolerance=tolerance)
    for key in ("html", "png"):
        click.echo(f"wrote {written[key]}")
    for p in written["tables"]:
        click.echo(f"wrote {p}")
