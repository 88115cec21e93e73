"""``regio access``: spatial access to GP practices per PC4 area and region, and the need-adjusted provision."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from regio.access import DECAYS, SUPPLIES, AccessSpec, run_access
from regio.cli._common import csv_option, echo_written, lang_option, level_option, out_option, print_table, wide_option
from regio.cli._parse import said_as_options
from regio.errors import InputError, RegioWarning

__all__ = ["MESSAGES", "cli"]

_OPTION = {"catchment_km": "--catchment-km", "far_km": "--far-km", "decay": "--decay", "supply": "--supply",
           "bands": "--bands", "norm_per_10k": "--norm"}

#: The :class:`~regio.errors.OptionError` kinds of :class:`~regio.access.AccessSpec`, said with options.
MESSAGES = {
    "invalid": lambda option, reason, **_: InputError(f"{_OPTION.get(option, option)} {reason}.",
                                                      key="cli.access.invalid", option=_OPTION.get(option, option),
                                                      reason=reason),
    "supply_needs_list": lambda supply, **_: InputError(
        f"--supply {supply} needs a list of your own practices with a {supply} column (--practices FILE).",
        key="cli.access.supply_needs_list", supply=supply),
}


@click.command("access")
@click.option("--year", "-y", type=int, default=2024, show_default=True,
              help="Municipal division and year of the CBS proximity indicators.")
@level_option("gemeente", "Level of the region table: gemeente, pc4, ggdregio, regioplusarbeidsmarktregio, "
                          "provincie, ... (any level made of municipalities).")
@click.option("--catchment-km", type=float, default=5.0, show_default=True,
              help="Catchment radius in km (straight line between PC4 points).")
@click.option("--decay", type=click.Choice(DECAYS), default="gaussian", show_default=True,
              help="Distance decay inside the catchment: gaussian (1 at 0 km, 0 at the edge) or none (classic 2SFCA).")
@click.option("--need/--no-need", default=False, show_default=True,
              help="Weight the demand in the catchments by GP contacts per age (the provision is always for need).")
@click.option("--practices", "practices_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Your own list of practices (CSV/Excel, one per row: postcode, PC4, municipal code or lon/lat; "
                   "optional gps, fte) instead of the shared ZorgkaartNederland counts.")
@click.option("--gps", "gps_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Your own GP counts per region (CSV/Excel: region, year, count): adds GPs per 100,000 with "
                   "their 95% interval.")
@click.option("--supply", type=click.Choice(SUPPLIES), default="practices", show_default=True,
              help="What counts as supply: practices, or gps / fte from --practices.")
@click.option("--norm", "norm_per_10k", type=float, default=None,
              help="Norm in supply per 10,000 age-weighted inhabitants (default: the national level).")
@click.option("--bands", nargs=2, type=float, default=(75.0, 110.0), show_default=True,
              help="Provision bands in % of the norm (below the first: under; above the second: over).")
@click.option("--far-km", type=float, default=5.0, show_default=True,
              help="Distance criterion: inhabitants whose nearest practice is farther than this (km).")
@click.option("--maps/--no-maps", default=True, show_default=True, help="Write the HTML maps and the PNG.")
@lang_option("Language of labels and notes.")
@csv_option()
@wide_option()
@out_option("maps")
def cli(year, level, catchment_km, decay, need, practices_path, gps_path, supply, norm_per_10k, bands, far_km, maps,
        lang, out):
    """Print where GP care is scarcest: access to GP practices and provision for need per region.

    Two-step floating catchment (2SFCA) at PC4 points with the shared
    practice counts (or your list), summed to the regions of --level; the
    provision compares each region's practices within reach with the national
    level for its age-weighted need, in bands. Writes the region table and the
    PC4 table (CSV, Excel with notes), the map that opens on the provision
    bands (HTML, PNG) and a PC4 map.
    """
    from regio import data
    from regio.report.access import headline, terminal_table, write_access

    with said_as_options(MESSAGES):
        spec = AccessSpec(year=year, level=level, catchment_km=catchment_km, decay=decay, need=need,
                          supply=supply, practices_path=practices_path, norm_per_10k=norm_per_10k,
                          bands=tuple(bands), far_km=far_km, gps_path=gps_path)
    result = run_access(spec)
    click.echo(headline(result, lang))
    print_table(terminal_table(result, lang), lang=lang)
    shapes = None
    if maps:
        shape_year = year if result.facts.level != "pc4" else data.nearest_boundary_year("pc4", year)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RegioWarning)
            # a level without a file of the year (provinces 2024) is drawn from its municipalities
            shapes = data.boundaries(result.facts.level, shape_year, dissolve=result.facts.level != "pc4")
    pc4_shapes = None
    if maps and result.facts.level != "pc4":
        with warnings.catch_warnings():  # PC4 areas without a polygon: the notes name them (facts.unplaced)
            warnings.simplefilter("ignore", RegioWarning)
            pc4_shapes = data.boundaries("pc4", data.nearest_boundary_year("pc4", year))
    written = write_access(result, out, shapes=shapes, pc4_shapes=pc4_shapes,
                           institutes=data.institutes() if maps else None, lang=lang, html_map=maps, png=maps)
    for key in ("html", "png", "pc4_html"):
        if key in written:
            echo_written(written[key], lang)
    for p in written["tables"]:
        echo_written(p, lang)
