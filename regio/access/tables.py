"""Spatial access per PC4 area and per region, and the need-adjusted provision built on it.

Pure functions over the PC4 points of :func:`regio.data.pc4_points` (or any
frame with the same columns): they return new frames of numbers and codes.

The provision of a region compares the practices its inhabitants reach with
what they would reach at the national level, adjusted for their age:

* ``effective`` — Σ over its PC4 areas of access × demand: the share of the
  practices within reach that falls to its inhabitants (the effective supply;
  over all regions it adds up to every practice that has inhabitants within
  reach);
* ``need`` — its inhabitants weighted by relative GP use by age (the need key's
  weights: Nivel contacts per patient by age);
* ``expected`` — need × the norm, by default the national level
  Σ effective / Σ need, so that the country as a whole is at 100%;
* ``provision_pct`` — effective / expected × 100, banded like the German
  Bedarfsplanung (below 75%, 75–110%, above 110%; options);
* ``needed`` — max(0, expected − effective): the practices (or GPs, FTE) needed
  to reach the norm, in the spirit of HRSA's "FTE needed to reach the target".

Every component is a column, so each result can be recomputed from the table.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from regio.access.fca import catchment_pairs, nearest_distance, two_step_fca
from regio.density.rates import provision
from regio.errors import InputError

__all__ = ["PER", "national_total", "pc4_access", "provision_table", "region_access"]

#: Access and practices are expressed per this many inhabitants.
PER = 10_000

_SUMS = ("population", "need", "demand", "supply", "effective", "far_population")


def _bands(points: pd.DataFrame) -> list[str]:
    return [c for c in points.columns if isinstance(c, str) and c.startswith("age_")]


def pc4_access(
    points: pd.DataFrame,
    *,
    catchment_km: float = 5.0,
    decay: str = "gaussian",
    need: bool = False,
    supply: str = "n_practices",
    far_km: float = 5.0,
    use: pd.Series | None = None,
) -> pd.DataFrame:
    """Two-step floating catchment access at each point (PC4 area).

    Parameters
    ----------
    points
        One row per area with ``x``, ``y`` (metres, EPSG:28992),
        ``population`` (NaN = suppressed, counted as 0 demand), the supply
        column and, for ``need``, age band columns ``age_0_4`` … (as
        :func:`regio.data.pc4_points` returns). Other columns (``gemeente``)
        are kept.
    catchment_km
        Catchment radius in km (straight line).
    decay
        ``"gaussian"`` (default) or ``"none"`` (classic 2SFCA); see
        :func:`regio.access.fca.decay_weights`.
    need
        Weight the demand by relative GP use by age (the need key's weights)
        instead of counting inhabitants.
    supply
        The supply column: ``n_practices`` (default), ``gps`` or ``fte``.
    far_km
        Distance beyond which the nearest supply point counts as far.
    use
        Relative use per age band (default :func:`regio.allocation.keys.relative_gp_use`).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``points``: the kept columns, ``x``, ``y``,
        ``population`` (0 where suppressed), ``need`` (need-weighted
        inhabitants; equal to ``population`` without age bands), ``demand``
        (the one used: population or need), ``supply``, ``access`` (supply per
        unit of demand within reach), ``access_per_10k``, ``effective``
        (access × demand), ``nearest_km`` (to the nearest point with supply),
        ``far`` (nearest farther than ``far_km``) and ``far_population``.

    Raises
    ------
    InputError
        Missing columns, negative values, no supply at all, or ``need``
        without age bands.

    Examples
    --------
    Three made-up areas in a row, 3 km apart, one practice in the middle:

    >>> pts = pd.DataFrame({"x": [0.0, 3000.0, 6000.0], "y": 0.0, "population": [2000, 4000, 4000],
    ...                     "n_practices": [0, 1, 0]}, index=["A", "B", "C"])
    >>> t = pc4_access(pts, catchment_km=5, decay="none")
    >>> t["access_per_10k"].round(3).tolist(), float(t["effective"].sum())
    ([1.0, 1.0, 1.0], 1.0)
    """
    missing = [c for c in ("x", "y", "population", supply) if c not in points.columns]
    if missing:
        raise InputError(f"The points need the columns x, y, population and {supply}; missing {', '.join(missing)}.",
                         key="access.points_columns", supply=supply, missing=", ".join(missing))
    frame = points.drop(columns=[c for c in ("geometry",) if c in points.columns])
    pop = pd.to_numeric(frame["population"], errors="coerce").astype(float).fillna(0.0)
    bands = _bands(frame)
    if need and not bands:
        raise InputError("Need-weighted demand needs inhabitants per age band (columns age_0_4 … age_95plus).",
                         key="access.need_without_bands")
    if bands:
        from regio.allocation.keys import need_key

        counts = frame[bands].apply(pd.to_numeric, errors="coerce").astype(float).fillna(0.0)
        need_values = need_key(counts, use=use).astype(float)
    else:
        need_values = pop
    s = pd.to_numeric(frame[supply], errors="coerce").astype(float)
    if s.isna().any() or (s < 0).any():
        where = ", ".join(map(str, s.index[s.isna() | (s < 0)][:10]))
        raise InputError(f"The supply column {supply!r} has missing or negative values at {where}.",
                         key="access.supply_bad_values", supply=supply, where=where)
    if s.sum() <= 0:
        raise InputError(f"There is no supply ({supply} sums to 0): nothing to measure access to.",
                         key="access.no_supply", supply=supply)
    demand = need_values.astype(float) if need else pop
    xy = frame[["x", "y"]].to_numpy(dtype=float)
    has = s.to_numpy() > 0
    pairs = catchment_pairs(xy, xy[has], catchment_km * 1000.0, decay)
    access, _ = two_step_fca(demand.to_numpy(), s.to_numpy()[has], pairs)
    nearest = nearest_distance(xy, xy[has]) / 1000.0
    out = frame.drop(columns=bands).copy()
    out["population"] = pop
    out["need"] = need_values.astype(float).to_numpy()
    out["demand"] = demand.to_numpy()
    out["supply"] = s.to_numpy()
    out["access"] = access
    out["access_per_10k"] = access * PER
    out["effective"] = access * demand.to_numpy()
    out["nearest_km"] = nearest
    out["far"] = nearest > far_km
    out["far_population"] = np.where(out["far"], pop, 0.0)
    return out


def region_access(pc4: pd.DataFrame, membership: pd.Series) -> pd.DataFrame:
    """Sum the PC4 results to regions and take their demand-weighted means.

    Parameters
    ----------
    pc4
        The table of :func:`pc4_access`.
    membership
        Region code per PC4 code (every PC4 area with demand or supply must have one).

    Returns
    -------
    pandas.DataFrame
        Indexed by region code: ``population``, ``need``, ``demand``,
        ``supply``, ``effective``, ``far_population`` (sums), ``access_per_10k``
        (effective / demand × 10,000: the demand-weighted mean of the PC4
        access) and ``share_far`` (far_population / population).

    Raises
    ------
    InputError
        If PC4 areas with inhabitants or supply have no region.

    Examples
    --------
    >>> pc4 = pd.DataFrame({"population": [10.0, 30.0], "need": [10.0, 30.0], "demand": [10.0, 30.0],
    ...                     "supply": [1.0, 0.0], "effective": [0.25, 0.75], "far_population": [0.0, 30.0]},
    ...                    index=["1011", "1012"])
    >>> region_access(pc4, pd.Series({"1011": "GM1", "1012": "GM1"}))[["access_per_10k", "share_far"]]
              access_per_10k  share_far
    statcode
    GM1                250.0       0.75
    """
    member = membership.reindex(pc4.index)
    lost = pc4.index[member.isna() & ((pc4["population"] > 0) | (pc4["supply"] > 0))]
    if len(lost):
        codes = ", ".join(map(str, lost[:10])) + (" …" if len(lost) > 10 else "")
        raise InputError(f"PC4 areas with inhabitants or supply have no region: {codes}.",
                         key="access.pc4_without_region", codes=codes)
    sums = pc4[list(_SUMS)].groupby(member.to_numpy()).sum()
    sums.index.name = "statcode"
    with np.errstate(divide="ignore", invalid="ignore"):
        sums["access_per_10k"] = sums["effective"] / sums["demand"] * PER
        sums["share_far"] = sums["far_population"] / sums["population"]
    return sums


def provision_table(regions: pd.DataFrame, *, norm_per_10k: float | None = None,
                    bands: Sequence[float] = (75, 110)) -> pd.DataFrame:
    """Need-adjusted provision: effective supply against the need-weighted norm, banded.

    Parameters
    ----------
    regions
        With ``effective`` and ``need`` (as :func:`region_access` returns).
    norm_per_10k
        The norm in supply per 10,000 need-weighted inhabitants. Default: the
        national level, Σ effective / Σ need (no norm: the bands then compare
        with the national average, and their words say so).
    bands
        Lower and upper limit in % of the norm.

    Returns
    -------
    pandas.DataFrame
        ``regions`` with ``norm_per_10k``, ``expected`` (need × norm),
        ``provision_pct``, ``band`` (ordered codes under < around < over) and
        ``needed`` (max(0, expected − effective)).

    Examples
    --------
    >>> regions = pd.DataFrame({"effective": [1.0, 3.0], "need": [20_000.0, 20_000.0]}, index=["A", "B"])
    >>> provision_table(regions)[["provision_pct", "band", "needed"]]
       provision_pct    band  needed
    A           50.0   under     1.0
    B          150.0    over     0.0
    """
    if (regions["need"] <= 0).any():
        empty = regions.index[regions["need"] <= 0]
        codes = ", ".join(map(str, empty[:10]))
        raise InputError(f"Regions without inhabitants cannot have a provision: {codes}.",
                         key="access.provision_without_inhabitants", codes=codes)
    p = provision(regions["effective"], regions["need"],
                  norm_per_100k=None if norm_per_10k is None else float(norm_per_10k) * 10, bands=bands)
    out = regions.copy()
    out["norm_per_10k"] = p["norm_per_100k"] / 10
    out["expected"] = regions["need"] * out["norm_per_10k"] / PER
    out["provision_pct"] = p["provision_pct"]
    out["band"] = p["band"]
    out["needed"] = p["needed"]
    return out


#: Columns summed in the national total of a region table (those it has).
SUMMED = ("population", "practices", "gps", "needed", "expected", "effective", "need", "demand", "supply",
          "pc4_population", "far_population")


def national_total(regions: pd.DataFrame, *, norm_per_10k: float) -> dict[str, float]:
    """Return the national total of a region table: the counts summed, the ratios taken of the sums.

    Parameters
    ----------
    regions
        The region table of :func:`regio.access.run_access`.
    norm_per_10k
        The norm the provision compared with.

    Returns
    -------
    dict
        Column -> national value (so each total can be checked against the regions).

    Examples
    --------
    >>> t = pd.DataFrame({"population": [10_000.0, 30_000.0], "practices": [1, 5], "effective": [1.0, 5.0],
    ...                   "demand": [10_000.0, 30_000.0], "expected": [1.5, 4.5]})
    >>> total = national_total(t, norm_per_10k=1.5)
    >>> int(total["practices"]), round(float(total["practices_per_10k"]), 6), float(total["provision_pct"])
    (6, 1.5, 100.0)
    """
    total = {c: regions[c].sum() for c in SUMMED if c in regions}
    if "practices" in total:
        total["practices_per_10k"] = total["practices"] / total["population"] * PER
    if "effective" in total:
        total["access_per_10k"] = total["effective"] / total["demand"] * PER
        total["provision_pct"] = total["effective"] / total["expected"] * 100
    total["norm_per_10k"] = float(norm_per_10k)
    if "far_population" in total:
        total["share_far"] = total["far_population"] / total["pc4_population"]
    if "gps" in total:
        total["gps_per_100k"] = total["gps"] / total["population"] * 1e5
    return total
