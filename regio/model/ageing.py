"""How much faster (or slower) a region's demand for GP care grows from ageing than the nation's.

The regional model (:mod:`regio.model.regional`) takes the national
demographic growth of demand (``demo_5`` ... ``demo_20``, population and
ageing together) and makes it regional. Population growth is regional from
the growth between two years; ageing is regional through the factor of this
module, from each region's own age structure:

1. the age bands of a region are spread evenly over single years of age 0-99
   (an open top band over its first age up to 99);
2. the structure is aged ``k`` years: everyone ``k`` years older (ages past
   99 stay at 99), with the ages below ``k`` as they are now (births as now);
   nobody dies or moves — a crude projection, but the factor below is a ratio
   to the nation aged the same way, so what is crude for every region cancels;
3. the region's GP use per inhabitant, by the relative use of each year of
   age (the need key's contact rates, :func:`regio.allocation.relative_gp_use`),
   after ``k`` years over now is its ageing ``A_r(k)``; the nation's, from the
   sum of the regions' structures, is ``A_NL(k)``;
4. the factor is ``A_r(k) / A_NL(k)``: 1 for a region that ages as the nation,
   above 1 for one that ages faster (many people about to enter the ages of
   high use).

Examples
--------
An old region (many 60-69) and a young one (many 20-29), with a use that
rises with age:

>>> import pandas as pd
>>> bands = pd.DataFrame({"age_0_29": [100, 300], "age_30_59": [300, 300], "age_60_69": [300, 100],
...                       "age_70plus": [100, 100]}, index=["old", "young"])
>>> use = pd.Series([1.0] * 60 + [2.0] * 10 + [3.0] * 30)
>>> f = ageing_factors(bands, use)
>>> bool(f.loc["old", "ageing_10"] > 1 > f.loc["young", "ageing_10"])
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from regio.allocation.keys import band_range
from regio.errors import InputError, format_codes

__all__ = ["AGEING_COLUMNS", "HORIZONS", "TOP_AGE", "ageing_factors", "single_years"]

#: The horizons (years after the base year) of the model's demography parameters ``demo_5`` ... ``demo_20``.
HORIZONS: tuple[int, ...] = (5, 10, 15, 20)
#: The columns of :func:`ageing_factors`, one per horizon.
AGEING_COLUMNS: tuple[str, ...] = tuple(f"ageing_{k}" for k in HORIZONS)
#: Single years of age 0 .. TOP_AGE - 1; an open band ends there.
TOP_AGE = 100


def single_years(structure: pd.DataFrame) -> pd.DataFrame:
    """Spread age band counts evenly over single years of age 0-99.

    Parameters
    ----------
    structure
        Counts per region (rows) in age band columns ``age_<from>_<to>`` and
        one open ``age_<from>plus``, together covering ages 0 up; other
        columns are ignored.

    Returns
    -------
    pandas.DataFrame
        Columns 0 .. 99 (floats), indexed like ``structure``; row sums kept.

    Raises
    ------
    InputError
        Without age band columns, for bands that do not cover every age from 0
        to an open top band once, or for missing or negative counts (named).

    Examples
    --------
    >>> years = single_years(pd.DataFrame({"age_0_49": [100], "age_50plus": [50]}))
    >>> float(years.loc[0, 0]), float(years.loc[0, 99]), float(years.sum(axis=1).iloc[0])
    (2.0, 1.0, 150.0)
    """
    bands = [c for c in structure.columns if isinstance(c, str) and c.startswith("age_")]
    if not bands:
        raise InputError("The age structure has no age band columns (age_<from>_<to>, age_<from>plus).",
                         key="model.no_age_bands")
    cover = np.zeros(TOP_AGE, dtype=int)
    out = np.zeros((len(structure), TOP_AGE))
    for band in bands:
        lo, hi = band_range(band)
        end = TOP_AGE - 1 if hi is None else min(hi, TOP_AGE - 1)
        values = pd.to_numeric(structure[band], errors="coerce").astype(float).to_numpy()
        bad = np.isnan(values) | (values < 0)
        if bad.any():
            raise InputError(f"Age band {band}: missing or negative counts for {format_codes(structure.index[bad])}.",
                             key="model.bad_age_band", band=band, codes=format_codes(structure.index[bad]))
        cover[lo:end + 1] += 1
        out[:, lo:end + 1] += (values / (end - lo + 1))[:, None]
    if (cover != 1).any():
        wrong = np.flatnonzero(cover != 1)
        raise InputError(f"The age bands {', '.join(bands)} do not cover every age from 0 to an open top band "
                         f"once (ages {wrong.min()}-{wrong.max()}).", key="model.age_bands_cover",
                         bands=", ".join(bands), first=int(wrong.min()), last=int(wrong.max()))
    return pd.DataFrame(out, index=structure.index, columns=range(TOP_AGE))


def _aged(years: np.ndarray, k: int) -> np.ndarray:
    """Age single-year counts ``k`` years: all older, past 99 kept at 99, the ages below ``k`` as now."""
    out = np.zeros_like(years)
    out[:, k:] = years[:, :TOP_AGE - k]
    out[:, TOP_AGE - 1] += years[:, TOP_AGE - k:].sum(axis=1)
    out[:, :k] = years[:, :k]
    return out


def ageing_factors(structure: pd.DataFrame, use: pd.Series | np.ndarray,
                   horizons: tuple[int, ...] = HORIZONS) -> pd.DataFrame:
    """Each region's growth of GP use per inhabitant from ageing, relative to the nation's (see the module notes).

    Parameters
    ----------
    structure
        Counts per region in age bands (:func:`single_years` takes them);
        the nation is the sum of the rows.
    use
        Relative GP use of each single year of age 0-99 (100 values; any
        scale, only ratios count).
    horizons
        Years ahead.

    Returns
    -------
    pandas.DataFrame
        ``ageing_<k>`` per horizon, indexed like ``structure``: 1 where a
        region ages as the nation. ``attrs["national"]``: the nation's own
        ``A_NL(k)`` per horizon (use per inhabitant after ``k`` years over
        now, births as now, nobody dying).

    Raises
    ------
    InputError
        As :func:`single_years`; for ``use`` without 100 positive values, a
        horizon outside 1-99 or a region without inhabitants.

    Examples
    --------
    A region with the nation's own structure ages as the nation:

    >>> same = pd.DataFrame({"age_0_49": [100, 200], "age_50plus": [50, 100]}, index=["A", "B"])
    >>> ageing_factors(same, pd.Series(range(1, 101), dtype=float)).round(6).to_dict("list")
    {'ageing_5': [1.0, 1.0], 'ageing_10': [1.0, 1.0], 'ageing_15': [1.0, 1.0], 'ageing_20': [1.0, 1.0]}
    """
    u = np.asarray(use, dtype=float)
    if u.shape != (TOP_AGE,) or not np.isfinite(u).all() or (u <= 0).any():
        raise InputError(f"use needs {TOP_AGE} positive values, one per year of age 0-{TOP_AGE - 1}.",
                         key="model.bad_use", n=TOP_AGE, last=TOP_AGE - 1)
    bad_k = [k for k in horizons if not 0 < int(k) < TOP_AGE]
    if bad_k:
        raise InputError(f"Horizons must lie in 1-{TOP_AGE - 1} years, got {bad_k}.", key="model.bad_horizons",
                         last=TOP_AGE - 1, value=str(bad_k))
    years = single_years(structure).to_numpy()
    total = years.sum(axis=1)
    if (total <= 0).any():
        raise InputError(f"No inhabitants in the age structure of {format_codes(structure.index[total <= 0])}.",
                         key="model.no_inhabitants_ages", codes=format_codes(structure.index[total <= 0]))
    nation = years.sum(axis=0, keepdims=True)

    def per_head(y: np.ndarray) -> np.ndarray:
        return (y * u).sum(axis=1) / y.sum(axis=1)

    out, national = {}, {}
    now_r, now_nl = per_head(years), per_head(nation)[0]
    for k in horizons:
        a_r = per_head(_aged(years, int(k))) / now_r
        a_nl = per_head(_aged(nation, int(k)))[0] / now_nl
        out[f"ageing_{int(k)}"] = a_r / a_nl
        national[int(k)] = float(a_nl)
    frame = pd.DataFrame(out, index=structure.index)
    frame.attrs["national"] = national
    return frame
