"""Physician density per 100,000 inhabitants: rates, intervals, smoothing, norms and trends.

Pure analysis over pandas objects: counts and population go in, tables come
out. Nothing here reads files or draws maps (see :mod:`regio.sources` and
:mod:`regio.maps`).

Examples
--------
>>> import pandas as pd
>>> counts = pd.Series({"A": 50, "B": 150})
>>> pop = pd.Series({"A": 100_000, "B": 100_000})
>>> t = provision(counts, pop)
>>> t[["rate_per_100k", "norm_per_100k", "provision_pct", "needed"]]
   rate_per_100k  norm_per_100k  provision_pct  needed
A           50.0          100.0           50.0    50.0
B          150.0          100.0          150.0     0.0
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from regio.errors import InputError, format_codes

__all__ = [
    "BAND_LABELS",
    "norm_from_inhabitants",
    "provision",
]

#: Labels of the three default provision bands, per language.
BAND_LABELS: dict[str, tuple[str, str, str]] = {
    "nl": ("ondervoorzien", "rond de norm", "ruim voorzien"),
    "en": ("under-supplied", "around the norm", "well supplied"),
}


def norm_from_inhabitants(inhabitants_per_physician: float) -> float:
    """Convert a norm "one physician per N inhabitants" to physicians per 100,000.

    Examples
    --------
    >>> norm_from_inhabitants(2350)
    42.5531914893617
    """
    if not inhabitants_per_physician or inhabitants_per_physician <= 0:
        raise InputError(f"A norm of inhabitants per physician must be positive, "
                         f"got {inhabitants_per_physician!r}.")
    return 1e5 / float(inhabitants_per_physician)


def _aligned(counts: pd.Series, population: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Check that counts and population cover the same regions; return float copies.

    Gathers every problem and raises one :class:`InputError` naming the codes.
    """
    if not isinstance(counts, pd.Series) or not isinstance(population, pd.Series):
        raise InputError(
            f"counts and population must be pandas Series indexed by region code, got "
            f"{type(counts).__name__} and {type(population).__name__}."
        )
    problems = []
    for name, s in (("counts", counts), ("population", population)):
        if s.index.has_duplicates:
            dup = s.index[s.index.duplicated()]
            problems.append(f"duplicate codes in {name}: {format_codes(dup)}")
    only_c = counts.index.difference(population.index)
    only_p = population.index.difference(counts.index)
    if len(only_c):
        problems.append(f"counts for codes without population: {format_codes(only_c)}")
    if len(only_p):
        problems.append(f"population for codes without counts (missing is not zero; pass 0 "
                        f"explicitly): {format_codes(only_p)}")
    c = pd.to_numeric(counts, errors="coerce").astype(float)
    p = pd.to_numeric(population, errors="coerce").astype(float).reindex(c.index)
    bad_c = c.index[c.isna() | (c < 0)].difference(only_c)
    if len(bad_c):
        problems.append(f"missing or negative counts: {format_codes(bad_c)}")
    bad_p = p.index[(p.isna() | (p <= 0)) & c.notna()].difference(only_c)
    if len(bad_p):
        problems.append(f"zero or missing population: {format_codes(bad_p)}")
    if problems:
        raise InputError("Cannot compute rates per 100,000: " + "; ".join(problems) + ".")
    return c, p


def provision(
    counts: pd.Series,
    population: pd.Series,
    *,
    norm_per_100k: float | None = None,
    bands: Sequence[float] = (75, 110),
    lang: str = "nl",
) -> pd.DataFrame:
    """Supply of physicians against a norm per region: provision level, band and shortfall.

    Parameters
    ----------
    counts
        Physicians per region, indexed by region code.
    population
        Inhabitants per region, same codes.
    norm_per_100k
        The norm in physicians per 100,000 inhabitants. Default: the national
        rate, total count / total population × 100,000. For a norm stated as
        inhabitants per physician use :func:`norm_from_inhabitants`.
    bands
        Two ascending limits in % of the norm: below the first is
        under-supplied, above the second well supplied, in between around
        the norm (both limits belong to the middle band).
    lang
        ``"nl"`` or ``"en"`` for the band labels (:data:`BAND_LABELS`).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``counts``: ``count``, ``population``, ``rate_per_100k``,
        ``norm_per_100k``, ``provision_pct``, ``band`` (ordered categorical) and
        ``needed`` (physicians needed to reach the norm, 0 where at or above
        it; not rounded). ``attrs`` holds ``norm_per_100k``, ``bands`` and
        ``needed_total``.

    Raises
    ------
    InputError
        If codes differ between counts and population, a count is missing or
        negative, a population is zero or missing, or the norm or bands are
        not valid.

    Notes
    -----
    rate = count / population × 10⁵; expected = population × norm / 10⁵;
    provision % = count / expected × 100; needed = max(0, expected − count).

    Examples
    --------
    >>> counts = pd.Series({"A": 7, "B": 10})
    >>> pop = pd.Series({"A": 10_000, "B": 10_000})
    >>> t = provision(counts, pop, norm_per_100k=norm_from_inhabitants(1000), lang="en")
    >>> t[["provision_pct", "band", "needed"]]
       provision_pct             band  needed
    A           70.0   under-supplied     3.0
    B          100.0  around the norm     0.0
    >>> t.attrs["needed_total"]
    3.0
    """
    c, p = _aligned(counts, population)
    lo, hi = (float(b) for b in bands) if len(bands) == 2 else (np.nan, np.nan)
    if not (np.isfinite(lo) and np.isfinite(hi) and 0 <= lo <= hi):
        raise InputError(f"bands must be two ascending percentages such as (75, 110), "
                         f"got {tuple(bands)!r}.")
    if lang not in BAND_LABELS:
        raise InputError(f"Unknown language {lang!r}; choose one of {', '.join(BAND_LABELS)}.")
    if norm_per_100k is None:
        norm = float(c.sum() / p.sum() * 1e5)
    else:
        norm = float(norm_per_100k)
        if not np.isfinite(norm) or norm <= 0:
            raise InputError(f"norm_per_100k must be a positive number, got {norm_per_100k!r}.")
    expected = p * norm / 1e5
    pct = c / expected * 100
    labels = BAND_LABELS[lang]
    code = np.where(pct < lo, 0, np.where(pct > hi, 2, 1))
    band = pd.Categorical.from_codes(code, categories=list(labels), ordered=True)
    out = pd.DataFrame(
        {
            "count": c,
            "population": p,
            "rate_per_100k": c / p * 1e5,
            "norm_per_100k": norm,
            "provision_pct": pct,
            "band": pd.Series(band, index=c.index),
            "needed": (expected - c).clip(lower=0),
        },
        index=c.index,
    )
    out.attrs.update({"norm_per_100k": norm, "bands": (lo, hi),
                      "needed_total": float(out["needed"].sum())})
    return out
