"""Gather the regional inputs of the GP model from the data directory (through :mod:`regio.data`).

The one module of :mod:`regio.model` that reads data (via the facade, which
owns the file access); everything else in the package is pure.

* GPs per region: CBS 84777NED, BIG-registered GPs by province of residence
  (2018). For other levels than the province, a province's GPs are spread
  over its municipalities by population in whole GPs
  (:func:`regio.recruitment_run.municipal_gps`, the same estimate as
  ``regio recruit``) and summed to the level — an estimate, said in
  ``attrs["method"]``.
* Institute areas (``regio model --level instituut``) come from
  :func:`regio.recruitment_run.institute_membership`, the one definition of
  that level.
* Population: municipal counts of the two years, the older carried to the
  newer municipal division (:func:`regio.carry_to`) so both refer to the
  same areas, then summed to the level by membership.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regio import data
from regio.errors import DataNotFoundError, InputError, UnknownYearError, format_codes
from regio.geography import aggregate
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.recruitment_run import municipal_gps

__all__ = ["load_region_shapes", "load_regional_inputs"]


def load_regional_inputs(
    level: str = "provincie",
    *,
    year: int = 2024,
    start_year: int = 2014,
    gp_year: int = 2018,
    membership: pd.Series | None = None,
    names: dict[str, str] | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Regional inputs for :func:`regio.model.regional.regional_advice`.

    Parameters
    ----------
    level
        A level made of whole municipalities (default ``provincie``, the only
        level with published GP counts in the data).
    year, start_year
        Years of the population (1 January); growth is measured between them.
    gp_year
        Year of the GP counts by province.
    membership
        Optional municipality (of ``year``) -> region mapping for a user-defined
        level such as institute areas; ``level`` is then only a label.
    names
        Region names for ``membership`` (default: the codes).
    data_dir
        Data directory.

    Returns
    -------
    pandas.DataFrame
        Indexed by region code: ``statnaam``, ``gps``, ``population``,
        ``population_start``; ``attrs`` has ``growth_years``, ``level``,
        ``year``, ``method`` and ``source``.
    """
    lvl = get_level(level).name if membership is None else str(level)
    if membership is None and lvl not in MUNICIPAL_GROUPINGS:
        raise InputError(f"The regional model runs on levels made of whole municipalities "
                         f"({', '.join(MUNICIPAL_GROUPINGS)}), not {lvl}.")
    if start_year >= year:
        raise InputError(f"start_year {start_year} must come before year {year}.")
    pop = data.population("gemeente", year, data_dir=data_dir)
    pop_start = data.carry_to(data.population("gemeente", start_year, data_dir=data_dir)[["population"]],
                              start_year, year, data_dir=data_dir)
    gm = pd.DataFrame({"population": pop["population"].astype(float),
                       "population_start": pop_start["population"].reindex(pop.index).astype(float)})
    if gm["population_start"].isna().any():
        raise InputError(f"Carried population of {start_year} lacks municipalities "
                         f"{format_codes(gm.index[gm['population_start'].isna()])} of {year}.")
    province = data.membership(year, levels=["provincie"], data_dir=data_dir)["provincie"]
    if membership is None:
        member = province if lvl == "provincie" else data.membership(year, levels=[lvl], data_dir=data_dir)[lvl]
        names = data.region_names(lvl, year, data_dir=data_dir)
    else:
        member = membership.astype(str)
        unknown = member.index.difference(gm.index)
        missing = gm.index.difference(member.index)
        if len(unknown) or len(missing):
            raise InputError(f"The membership for {lvl} must list every municipality of {year} once: "
                             + (f"unknown {format_codes(unknown)}; " if len(unknown) else "")
                             + (f"missing {format_codes(missing)}" if len(missing) else "") + ".")
        names = dict(names or {})
    gps = municipal_gps(pop["population"], year=year, gp_year=gp_year, data_dir=data_dir)
    gm["gps"] = gps["gps"].reindex(gm.index).astype(float)
    regions = aggregate(gm[["gps", "population", "population_start"]], member.reindex(gm.index))
    if lvl == "provincie" and membership is None:  # the estimate keeps each province's count exactly
        gp_method = f"GPs: CBS 84777NED {gp_year} by province of residence"
    else:
        gp_method = f"GPs: estimated — {gps.attrs['method']}, summed to {lvl}"
    regions.insert(0, "statnaam", [names.get(c, c) for c in regions.index])
    regions.attrs.update({
        "growth_years": float(year - start_year), "level": lvl, "year": year,
        "method": (f"{gp_method}; population {start_year} carried to the municipal division of {year} "
                   f"and summed to {lvl} ({pop.attrs.get('source', '')})"),
        "source": f"{gps.attrs['source']}; {pop.attrs.get('source', '')}",
        "gps_year": gp_year, "start_year": start_year,
    })
    return regions


def load_region_shapes(level: str, year: int, codes: pd.Index, *, data_dir: str | Path | None = None):
    """Load boundaries of ``codes`` for a map.

    The level's file of ``year``, or of the nearest earlier year with exactly
    these codes (up to 10 years back), else the municipalities of ``year``
    dissolved by membership.
    """
    lvl = get_level(level).name
    wanted = set(map(str, codes))
    for y in range(int(year), int(year) - 11, -1):
        try:
            shapes = data.boundaries(lvl, y, data_dir=data_dir)
        except (UnknownYearError, DataNotFoundError):
            continue
        if set(shapes.index) == wanted:
            return shapes
    return data.boundaries(lvl, year, dissolve=True, data_dir=data_dir)
