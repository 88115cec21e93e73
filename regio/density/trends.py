"""Change of density between two years on one division."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from regio.density.rates import _check_rates_input
from regio.errors import InputError, UnknownCodeError, format_codes

# ----------------------------------------------------------------------------- trends

def trend(
    counts_from: pd.Series,
    population_from: pd.Series,
    counts_to: pd.Series,
    population_to: pd.Series,
    *,
    years: tuple[int, int],
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Change of counts, population and rate between two years, on one division.

    All four series must be on the same regions (carry the earlier year's
    municipal counts to the later division first, e.g. with
    :func:`regio.carry_to`).

    Parameters
    ----------
    counts_from, population_from, counts_to, population_to
        Per region code.
    years
        ``(from_year, to_year)`` for the column names.
    names
        Region names by code.

    Returns
    -------
    pandas.DataFrame
        ``count_{y}``, ``population_{y}``, ``rate_{y}`` for both years, then
        ``count_change``, ``count_growth_pct``, ``population_growth_pct``,
        ``rate_change`` (per 100,000) and ``rate_growth_pct``; ``attrs`` has
        the national rates and growths.

    Raises
    ------
    InputError
        If the two years are the same, no region has counts in both years, or
        for negative counts or missing population where there are physicians.
    UnknownCodeError
        If the four series are not on the same codes.

    Notes
    -----
    (1 + rate growth) = (1 + count growth) / (1 + population growth): a rate
    falls where population grows faster than the number of physicians.

    Examples
    --------
    >>> t = trend(pd.Series({"A": 100}), pd.Series({"A": 100_000}), pd.Series({"A": 110}),
    ...           pd.Series({"A": 125_000}), years=(2018, 2024))
    >>> t[["count_growth_pct", "population_growth_pct"]]
       count_growth_pct  population_growth_pct
    A              10.0                   25.0
    >>> t[["rate_2018", "rate_2024", "rate_growth_pct"]]
       rate_2018  rate_2024  rate_growth_pct
    A      100.0       88.0            -12.0
    """
    y0, y1 = (int(y) for y in years)
    if y0 == y1:
        raise InputError(f"A trend needs two different years, got {y0} twice.", key="density.trend_same_year", year=y0)
    pieces = {"counts_from": counts_from, "population_from": population_from,
              "counts_to": counts_to, "population_to": population_to}
    codes = [set(s.index) for s in pieces.values()]
    if any(cs != codes[0] for cs in codes[1:]):
        diff = set.union(*codes) - set.intersection(*codes)
        raise UnknownCodeError(
            f"The two years are not on one division: codes present in some inputs only: {format_codes(diff)}. "
            "Carry the earlier year's counts to the later division first (regio.carry_to).",
            key="density.trend_divisions", codes=format_codes(diff))
    c0, p0 = _check_rates_input(counts_from, population_from)
    c1, p1 = _check_rates_input(counts_to.reindex(p0.index), population_to.reindex(p0.index))
    out = pd.DataFrame(index=p0.index)
    if names is not None:
        out["statnaam"] = [names.get(code, code) for code in out.index]
    out[f"count_{y0}"], out[f"count_{y1}"] = c0, c1
    out[f"population_{y0}"], out[f"population_{y1}"] = p0, p1
    out[f"rate_{y0}"], out[f"rate_{y1}"] = c0 / p0 * 1e5, c1 / p1 * 1e5
    out["count_change"] = c1 - c0
    with np.errstate(divide="ignore", invalid="ignore"):
        out["count_growth_pct"] = (c1 / c0 - 1) * 100
    out["population_growth_pct"] = (p1 / p0 - 1) * 100
    out["rate_change"] = out[f"rate_{y1}"] - out[f"rate_{y0}"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate_growth_pct"] = (out[f"rate_{y1}"] / out[f"rate_{y0}"] - 1) * 100
    has = c0.notna() & c1.notna()
    if not has.any():
        raise InputError(
            f"No region has counts in both {y0} and {y1} (with {int(c0.notna().sum())} in {y0} and "
            f"{int(c1.notna().sum())} in {y1}): there is no change to compute. Check that the counts of both years "
            "cover the same regions (a municipality whose predecessors lack counts has none).",
            key="density.trend_no_common", y0=y0, y1=y1, n0=int(c0.notna().sum()), n1=int(c1.notna().sum()))
    n0 = c0[has].sum() / p0[has].sum() * 1e5
    n1 = c1[has].sum() / p1[has].sum() * 1e5
    out.attrs.update({
        "years": (y0, y1), "national_from_per_100k": n0, "national_to_per_100k": n1,
        "national_count_growth_pct": (c1[has].sum() / c0[has].sum() - 1) * 100,
        "national_population_growth_pct": (p1[has].sum() / p0[has].sum() - 1) * 100,
    })
    return out
