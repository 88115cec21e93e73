"""Physician density per 100,000 inhabitants: rates, intervals, smoothing, norms and trends.

Pure analysis over pandas objects: counts and population go in, tables come
out. Nothing here reads files or draws maps (see :mod:`regio.sources`,
:mod:`regio.density_data` for gathering the inputs, and :mod:`regio.maps`).

* :func:`density_table` -- count, population, rate per 100,000 with a
  confidence interval (:func:`poisson_interval`), national rate, ratio and
  comparison with the national rate;
* :func:`eb_global`, :func:`eb_spatial` -- empirical Bayes smoothed rates for
  small areas, towards the national rate or the neighbours' rate
  (:func:`queen_neighbours`);
* :func:`provision` -- supply against a norm, bands and physicians needed;
* :func:`trend` -- change between two years on one division;
* :func:`place_counts` -- which counts of a tidy physician table belong to the
  regions of a level, which cannot be placed, and the source's own total
  (one sector: :func:`choose_sector`);
* :func:`population_year` -- the 1 January nearest to the counts' reference
  date (:func:`counts_reference_date`), whose population goes with them.

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import stats

from regio.errors import InputError, UnknownCodeError, format_codes
from regio.sources.physicians import SectorChoice, choose_sector
from regio.text import fmt_number, t
from regio.validate import check_crs

__all__ = [
    "AVERAGE_BAND_LABELS",
    "BAND_LABELS",
    "CAVEAT",
    "COMPARISON_LABELS",
    "MEAN_COMPARISON_LABELS",
    "REFERENCE_NAMES",
    "PlacedCounts",
    "SectorChoice",
    "analyse",
    "choose_sector",
    "counts_reference_date",
    "density_table",
    "eb_global",
    "eb_spatial",
    "norm_from_inhabitants",
    "place_counts",
    "poisson_interval",
    "population_year",
    "population_years_for_counts",
    "provision",
    "queen_neighbours",
    "totals_rows",
    "trend",
]

#: The caveat printed with every density map and table.
CAVEAT: dict[str, str] = {
    "nl": "Woonplaats is niet werkplaats, en dichtheid is geen tekort: een tekort is aanbod ten opzichte van vraag.",
    "en": "Residence is not workplace, and density is not shortage: shortage is supply relative to demand.",
}

#: Labels of the three default provision bands, per language.
BAND_LABELS: dict[str, tuple[str, str, str]] = {
    "nl": ("ondervoorzien", "rond de norm", "ruim voorzien"),
    "en": ("under-supplied", "around the norm", "well supplied"),
}
#: Labels of the bands when the "norm" is the national average itself: no norm, so no under-supply either
#: (half the regions lie below an average by construction).
AVERAGE_BAND_LABELS: dict[str, tuple[str, str, str]] = {
    "nl": ("ruim onder landelijk", "rond landelijk", "ruim boven landelijk"),
    "en": ("well below national", "around national", "well above national"),
}


def norm_from_inhabitants(inhabitants_per_physician: float) -> float:
    """Convert a norm "one physician per N inhabitants" to physicians per 100,000.

    Parameters
    ----------
    inhabitants_per_physician
        N in "one physician per N inhabitants" (e.g. 2350 for GPs).

    Returns
    -------
    float
        ``100,000 / N``.

    Raises
    ------
    InputError
        If N is zero, negative or missing.

    Examples
    --------
    >>> norm_from_inhabitants(2350)
    42.5531914893617
    >>> norm_from_inhabitants(0)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: A norm of inhabitants per physician must be positive, got 0.
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
        ``"nl"`` or ``"en"`` for the band labels (:data:`BAND_LABELS`, or
        :data:`AVERAGE_BAND_LABELS` without a norm: the bands then compare
        with the national average, which is no norm).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``counts``: ``count``, ``population``, ``rate_per_100k``,
        ``norm_per_100k``, ``provision_pct``, ``band`` (ordered categorical) and
        ``needed`` (physicians needed to reach the norm, 0 where at or above
        it; not rounded). ``attrs`` holds ``norm_per_100k``, ``bands``,
        ``needed_total`` and ``norm_is_average`` (no norm was given).

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
    labels = (AVERAGE_BAND_LABELS if norm_per_100k is None else BAND_LABELS)[lang]
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
    out.attrs.update({"norm_per_100k": norm, "bands": (lo, hi), "needed_total": float(out["needed"].sum()),
                      "norm_is_average": norm_per_100k is None})
    return out


# ----------------------------------------------------------------------------- intervals

#: Labels of the comparison with the national rate: (below, similar, above).
COMPARISON_LABELS: dict[str, tuple[str, str, str]] = {
    "nl": ("lager dan landelijk", "niet significant afwijkend", "hoger dan landelijk"),
    "en": ("below national", "not significantly different", "above national"),
}

#: Labels of the comparison with the mean of the regions with data, when that is not a national figure
#: (one sector, or regions without a count): (below, similar, above).
MEAN_COMPARISON_LABELS: dict[str, tuple[str, str, str]] = {
    "nl": ("lager dan het gemiddelde", "niet significant afwijkend", "hoger dan het gemiddelde"),
    "en": ("below the mean", "not significantly different", "above the mean"),
}

#: What the comparison is with, per reference (``attrs["reference"]`` of a density table) and language.
REFERENCE_NAMES: dict[str, dict[str, str]] = {
    "national": {"nl": "landelijk", "en": "national"},
    "regions": {"nl": "het gemiddelde van de regio's met gegevens", "en": "the mean of the regions with data"},
}


def poisson_interval(counts: pd.Series | np.ndarray | Sequence[float], *, level: float = 0.95,
                     exact_below: float = 10) -> pd.DataFrame:
    """Confidence interval of a Poisson count: exact below ``exact_below`` events, Byar otherwise.

    Parameters
    ----------
    counts
        Observed counts (NaN gives NaN).
    level
        Confidence level, e.g. 0.95.
    exact_below
        Counts below this use the exact interval, the others Byar's
        approximation (a count of 0 always gets the exact interval: Byar's
        lower bound is undefined there).

    Returns
    -------
    pandas.DataFrame
        ``lower``, ``upper`` (in counts) and ``method`` (``"exact"`` or
        ``"Byar"``), indexed like ``counts``.

    Raises
    ------
    InputError
        If ``level`` is not between 0 and 1, or a count is negative.

    Notes
    -----
    Exact (Garwood): lower = χ²(α/2; 2O)/2, upper = χ²(1−α/2; 2O+2)/2, with
    lower = 0 for O = 0. Byar: lower = O (1 − 1/(9O) − z/(3√O))³, upper =
    (O+1) (1 − 1/(9(O+1)) + z/(3√(O+1)))³, z the standard normal quantile
    of 1 − α/2 (the methods of England's public health indicators).

    Examples
    --------
    >>> poisson_interval([0, 4, 100]).round(2)
       lower   upper method
    0   0.00    3.69  exact
    1   1.09   10.24  exact
    2  81.36  121.63   Byar
    """
    if not 0 < level < 1:
        raise InputError(f"level must be between 0 and 1 (e.g. 0.95), got {level!r}.")
    index = counts.index if isinstance(counts, pd.Series) else None
    o = np.asarray(pd.to_numeric(pd.Series(np.asarray(counts, dtype=object)), errors="coerce"), dtype=float)
    if np.any(o[~np.isnan(o)] < 0):
        raise InputError("Counts for an interval must not be negative.")
    alpha = 1 - level
    z = stats.norm.ppf(1 - alpha / 2)
    exact = (o < exact_below) | (o == 0)  # Byar's lower bound is undefined at 0: exact there, always
    with np.errstate(divide="ignore", invalid="ignore"):
        ex_lo = np.where(o > 0, stats.chi2.ppf(alpha / 2, 2 * o) / 2, 0.0)
        ex_hi = stats.chi2.ppf(1 - alpha / 2, 2 * o + 2) / 2
        by_lo = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
        o1 = o + 1
        by_hi = o1 * (1 - 1 / (9 * o1) + z / (3 * np.sqrt(o1))) ** 3
    lower = np.where(exact, ex_lo, by_lo)
    upper = np.where(exact, ex_hi, by_hi)
    nan = np.isnan(o)
    lower[nan] = np.nan
    upper[nan] = np.nan
    method = np.where(nan, None, np.where(exact, "exact", "Byar"))
    return pd.DataFrame({"lower": lower, "upper": upper, "method": method}, index=index)


# ----------------------------------------------------------------------------- density table

def _check_rates_input(counts: pd.Series, population: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Align counts (NaN = no data) to the population's codes; raise once on all problems."""
    for name, s in (("counts", counts), ("population", population)):
        if not isinstance(s, pd.Series):
            raise InputError(f"{name} must be a pandas Series indexed by region code, got {type(s).__name__}.")
    problems = []
    for name, s in (("counts", counts), ("population", population)):
        if s.index.has_duplicates:
            problems.append(f"duplicate codes in {name}: {format_codes(s.index[s.index.duplicated()])}")
    unknown = counts.index.difference(population.index)
    if len(unknown):
        problems.append(f"counts for codes that are not regions of the population table (another level or "
                        f"another year's division?): {format_codes(unknown)}")
    c = pd.to_numeric(counts, errors="coerce").astype(float).reindex(population.index)
    p = pd.to_numeric(population, errors="coerce").astype(float)
    negative = c.index[c < 0]
    if len(negative):
        problems.append(f"negative counts: {format_codes(negative)}")
    no_people = p.isna() | (p <= 0)
    bad_pop = p.index[no_people & (c > 0)]
    if len(bad_pop):
        problems.append(f"zero or missing population for regions with physicians: {format_codes(bad_pop)}")
    if problems:
        kind = UnknownCodeError if len(unknown) else InputError
        raise kind("Cannot compute densities: " + "; ".join(problems) + ".")
    # no physicians and no inhabitants: the rate is undefined, so no data (not an error, not zero)
    return c.where(~no_people), p


def density_table(
    counts: pd.Series,
    population: pd.Series,
    *,
    level: float = 0.95,
    national_rate: float | None = None,
    names: Mapping[str, str] | None = None,
    whole_profession: bool = True,
    lang: str = "nl",
) -> pd.DataFrame:
    """Physicians per 100,000 inhabitants per region, with interval and comparison to the national rate.

    Parameters
    ----------
    counts
        Physicians per region code; NaN (or a region missing from ``counts``)
        means no data, never zero.
    population
        Inhabitants per region code; defines the regions of the table.
    level
        Confidence level of the intervals (:func:`poisson_interval`).
    national_rate
        Rate per 100,000 to compare with. Default: total count over total
        population of the regions with data.
    names
        Region names by code (added as ``statnaam``).
    whole_profession
        Whether the counts are the whole profession (``False`` for one sector
        or another part of it).
    lang
        ``"nl"`` or ``"en"`` for the comparison labels.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``population``: [``statnaam``,] ``count``,
        ``population``, ``rate_per_100k``, ``lower_per_100k``,
        ``upper_per_100k``, ``ci_method``, ``national_per_100k``,
        ``ratio_to_national``, ``comparison`` (below / similar / above: whether
        the interval lies entirely below or above the national rate) and
        ``rank`` (1 = highest rate). ``attrs`` holds ``national_per_100k``,
        ``level``, ``total_count``, ``total_population``, ``no_data``
        (codes without a count) and ``reference``: ``"national"``;
        ``"regions"`` when the rate over the regions with data is not a
        national figure (a region without a count, or not the whole
        profession), and the labels then say "the mean" instead of
        "national" (:data:`MEAN_COMPARISON_LABELS`); ``None`` when only one
        region has data, which is compared with nothing (no comparison, ratio
        or rank).

    Raises
    ------
    UnknownCodeError
        For counts of codes that are not regions of ``population``.
    InputError
        For zero or missing population where there is a count, negative
        counts, duplicate codes (all problems named at once).

    Notes
    -----
    rate = count / population × 10⁵; interval = Poisson interval of the
    count / population × 10⁵; national = Σ count / Σ population × 10⁵ (over
    regions with data); ratio = rate / national.

    Examples
    --------
    >>> t = density_table(pd.Series({"A": 3, "B": 200}), pd.Series({"A": 10_000, "B": 100_000}), lang="en")
    >>> t[["rate_per_100k", "lower_per_100k", "upper_per_100k", "comparison"]].round(1)
       rate_per_100k  lower_per_100k  upper_per_100k                   comparison
    A           30.0             6.2            87.7               below national
    B          200.0           173.2           229.7  not significantly different
    >>> round(t.attrs["national_per_100k"], 2)   # 203 / 110,000 × 100,000
    184.55
    """
    if lang not in COMPARISON_LABELS:
        raise InputError(f"Unknown language {lang!r}; choose one of {', '.join(COMPARISON_LABELS)}.")
    c, p = _check_rates_input(counts, population)
    has = c.notna()
    total_c, total_p = float(c[has].sum()), float(p[has].sum())
    if national_rate is None:
        if total_p <= 0:
            raise InputError("No region has both a count and a population: no national rate.")
        national = total_c / total_p * 1e5
    else:
        national = float(national_rate)
    ci = poisson_interval(c, level=level)
    out = pd.DataFrame(index=p.index)
    if names is not None:
        out["statnaam"] = [names.get(code, code) for code in p.index]
    out["count"] = c
    out["population"] = p
    out["rate_per_100k"] = c / p * 1e5
    out["lower_per_100k"] = ci["lower"].to_numpy() / p * 1e5
    out["upper_per_100k"] = ci["upper"].to_numpy() / p * 1e5
    out["ci_method"] = ci["method"].to_numpy()
    compared = int(has.sum()) > 1 or national_rate is not None
    reference = None if not compared else (
        "national" if (whole_profession and bool(has.all())) or national_rate is not None else "regions")
    out["national_per_100k"] = national
    out["ratio_to_national"] = out["rate_per_100k"] / national if compared else np.nan
    below, similar, above = (COMPARISON_LABELS if reference == "national" else MEAN_COMPARISON_LABELS)[lang]
    comp = np.where(out["upper_per_100k"] < national, below,
                    np.where(out["lower_per_100k"] > national, above, similar))
    out["comparison"] = pd.Categorical(np.where(has & compared, comp, None), categories=[below, similar, above],
                                       ordered=True)
    rank = out["rate_per_100k"].rank(ascending=False, method="min").astype("Int64")
    out["rank"] = rank if compared else pd.array([pd.NA] * len(out), dtype="Int64")
    out.attrs.update({"national_per_100k": national, "level": level, "total_count": total_c,
                      "total_population": total_p, "no_data": list(p.index[~has]), "reference": reference})
    return out


def totals_rows(table: pd.DataFrame, *, unplaced: pd.Series | None = None,
                source_total: tuple[str, str, float] | None = None, lang: str = "nl") -> pd.DataFrame:
    """Rows to print below a density table: totals, counts that cannot be placed, the source's total.

    Parameters
    ----------
    table
        From :func:`density_table`.
    unplaced
        Counts per code that cannot be placed in a region (e.g. ``PV99`` "niet
        in te delen"); shown as their own rows and in the total.
    source_total
        ``(code, name, count)`` of the source's own national total (e.g.
        ``NL01``), shown as reported; never used in the computation.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    pandas.DataFrame
        Rows ``TOTAAL`` (regions), the unplaced codes, ``TOTAAL+`` (regions +
        unplaced) and ``BRON`` (the source's own total), with ``statnaam``, ``count``,
        ``population``, ``rate_per_100k`` and ``kind`` (and ``needed``, the
        total of physicians needed, when the table has it);
        ``attrs["unplaced_total"]`` is the sum of the unplaced counts.

    Examples
    --------
    >>> t = density_table(pd.Series({"A": 10, "B": 30}), pd.Series({"A": 10_000, "B": 20_000}))
    >>> totals_rows(t, unplaced=pd.Series({"X99": 5}), source_total=("NL01", "Totaal", 44))[["count", "kind"]]
             count          kind
    TOTAAL    40.0         total
    X99        5.0      unplaced
    TOTAAL+   45.0  total+unplaced
    BRON      44.0  source total
    """
    nl = lang == "nl"
    unplaced = unplaced if unplaced is not None else pd.Series(dtype=float)
    total_c, total_p = table.attrs["total_count"], table.attrs["total_population"]
    rows = [("TOTAAL", "Totaal regio's" if nl else "Total of regions", total_c, total_p,
             table.attrs["national_per_100k"], "total")]
    needed = float(table["needed"].sum()) if "needed" in table else np.nan
    for code, value in unplaced.items():
        rows.append((str(code), "Niet in te delen" if nl else "Cannot be placed", float(value), np.nan, np.nan,
                     "unplaced"))
    if len(unplaced):
        all_c = total_c + float(unplaced.sum())
        rows.append(("TOTAAL+", "Totaal incl. niet in te delen" if nl else "Total incl. not placed", all_c,
                     total_p, all_c / total_p * 1e5, "total+unplaced"))
    if source_total is not None:
        code, name, value = source_total
        # keyed BRON, not by the source's code: at level land that code (NL01) is also the region's
        rows.append(("BRON", f"{code} {name} ({'eigen totaal van de bron' if nl else 'total of the source'})",
                     float(value), np.nan, np.nan, "source total"))
    out = pd.DataFrame(rows, columns=["statcode", "statnaam", "count", "population", "rate_per_100k", "kind"])
    out = out.set_index("statcode").rename_axis(None)
    if "needed" in table:
        out["needed"] = np.where(out["kind"] == "total", needed, np.nan)
    out.attrs["unplaced_total"] = float(unplaced.sum())
    return out


# ----------------------------------------------------------------------------- smoothing

def _rates_for_smoothing(counts: pd.Series, population: pd.Series) -> tuple[pd.Series, pd.Series]:
    c, p = _check_rates_input(counts, population)
    has = c.notna() & p.notna() & (p > 0)
    return c[has], p[has]


def eb_global(counts: pd.Series, population: pd.Series, *, prior_rate: float | None = None) -> pd.DataFrame:
    """Empirical Bayes rates per 100,000 shrunk towards the overall rate (Marshall's method).

    Parameters
    ----------
    counts, population
        Per region code (NaN counts: no data, left NaN).
    prior_rate
        Rate per 100,000 to shrink towards (default: Σ count / Σ population).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``population``: ``eb_per_100k`` and ``shrinkage`` (the
        weight on the prior, 0 = crude rate kept, 1 = prior rate).

    Raises
    ------
    InputError, UnknownCodeError
        As :func:`density_table` (negative counts, counts without population,
        codes that are not in ``population``).

    Notes
    -----
    With r_i = x_i / n_i, prior mean b and n̄ = Σ n / k, the prior variance
    a = Σ n_i (r_i − b)² / Σ n_i − b / n̄, clipped at 0. Each rate becomes
    b + C_i (r_i − b) with C_i = a / (a + b / n_i): small populations (large
    b / n_i) are pulled most. (Marshall 1991, Applied Statistics 40:283.)

    Examples
    --------
    >>> counts = pd.Series({"small": 0, "big1": 700, "big2": 900})
    >>> pop = pd.Series({"small": 1_000, "big1": 1_000_000, "big2": 1_000_000})
    >>> eb_global(counts, pop).round(2)
           eb_per_100k  shrinkage
    small        79.06       0.99
    big1         70.80       0.08
    big2         89.19       0.08
    """
    c, p = _rates_for_smoothing(counts, population)
    r = c / p
    b = c.sum() / p.sum() if prior_rate is None else float(prior_rate) / 1e5
    nbar = p.mean()
    s2 = float((p * (r - b) ** 2).sum() / p.sum())
    a = max(0.0, s2 - b / nbar)
    weight_crude = a / (a + b / p) if a > 0 else pd.Series(0.0, index=p.index)
    eb = b + weight_crude * (r - b)
    out = pd.DataFrame({"eb_per_100k": eb * 1e5, "shrinkage": 1 - weight_crude}).reindex(population.index)
    out.attrs.update({"prior_per_100k": b * 1e5, "prior_variance": a})
    return out


def queen_neighbours(gdf: gpd.GeoDataFrame, *, distance: float = 50.0, islands: str = "nearest") -> pd.DataFrame:
    """Pairs of neighbouring regions: queen contiguity (sharing a border or a corner).

    Parameters
    ----------
    gdf
        Regions in EPSG:28992, indexed by code.
    distance
        Regions closer than this (metres) count as touching, so that
        generalised borders with slivers, and land-only boundaries across a
        narrow river, still make neighbours.
    islands
        ``"nearest"``: a region without neighbours (a Wadden island) gets the
        nearest region as its neighbour; ``"none"``: it keeps none.

    Returns
    -------
    pandas.DataFrame
        Columns ``focal`` and ``neighbour`` (codes), both directions, no
        self-pairs; ``attrs["islands"]`` lists the regions that had none.

    Raises
    ------
    CRSError
        If ``gdf`` is not in EPSG:28992.
    InputError
        For an unknown ``islands``.

    Examples
    --------
    >>> from shapely import box
    >>> g = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1), box(1, 1, 2, 2), box(5, 5, 6, 6)],
    ...                      index=["A", "B", "C"], crs="EPSG:28992")
    >>> queen_neighbours(g, distance=0).values.tolist()
    [['A', 'B'], ['B', 'A'], ['C', 'B'], ['B', 'C']]
    """
    check_crs(gdf, name="regions")
    if islands not in ("nearest", "none"):
        raise InputError(f"islands must be 'nearest' or 'none', got {islands!r}.")
    geoms = gdf.geometry.to_numpy()
    has = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    codes = np.asarray(gdf.index)[has]
    geoms = geoms[has]
    tree = shapely.STRtree(geoms)
    if distance > 0:
        left, right = tree.query(geoms, predicate="dwithin", distance=distance)
    else:
        left, right = tree.query(geoms, predicate="intersects")
    keep = left != right
    pairs = pd.DataFrame({"focal": codes[left[keep]], "neighbour": codes[right[keep]]})
    alone = sorted(set(codes) - set(pairs["focal"]))
    if islands == "nearest" and alone and len(codes) > 1:
        extra = []
        for code in alone:
            i = int(np.flatnonzero(codes == code)[0])
            others = np.delete(np.arange(len(codes)), i)
            j = others[int(np.argmin(shapely.distance(geoms[i], geoms[others])))]
            extra += [(code, codes[j]), (codes[j], code)]
        pairs = pd.concat([pairs, pd.DataFrame(extra, columns=["focal", "neighbour"])], ignore_index=True)
    pairs = pairs.drop_duplicates().reset_index(drop=True)
    pairs.attrs["islands"] = alone
    return pairs


def eb_spatial(counts: pd.Series, population: pd.Series, neighbours: pd.DataFrame) -> pd.DataFrame:
    """Local empirical Bayes rates per 100,000, shrunk towards each region's neighbourhood.

    Parameters
    ----------
    counts, population
        Per region code (NaN counts: no data; such regions are left NaN and
        left out of their neighbours' neighbourhoods).
    neighbours
        Pairs ``focal``, ``neighbour`` (from :func:`queen_neighbours`).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``population``: ``eb_spatial_per_100k``,
        ``local_per_100k`` (the neighbourhood's pooled rate) and
        ``shrinkage`` (weight on the local rate).

    Raises
    ------
    InputError, UnknownCodeError
        As :func:`density_table` (negative counts, counts without population,
        codes that are not in ``population``).

    Notes
    -----
    As :func:`eb_global`, with b, a and n̄ computed over the neighbourhood of
    each region (the region and its neighbours): b_i = Σ x_j / Σ n_j,
    a_i = max(0, Σ n_j (r_j − b_i)² / Σ n_j − b_i / n̄_i) (Anselin's local
    empirical Bayes; variance clipped at zero).

    Examples
    --------
    >>> counts = pd.Series({"A": 0, "B": 80, "C": 100})
    >>> pop = pd.Series({"A": 1_000, "B": 100_000, "C": 100_000})
    >>> nb = pd.DataFrame({"focal": ["A", "B", "B", "C"], "neighbour": ["B", "A", "C", "B"]})
    >>> eb_spatial(counts, pop, nb).round(2)
       eb_spatial_per_100k  local_per_100k  shrinkage
    A                79.21           79.21       1.00
    B                88.96           89.55       0.94
    C                91.00           90.00       0.90
    """
    c, p = _rates_for_smoothing(counts, population)
    pairs = neighbours[["focal", "neighbour"]]
    pairs = pairs[pairs["focal"].isin(c.index) & pairs["neighbour"].isin(c.index)]
    own = pd.DataFrame({"focal": c.index, "neighbour": c.index})
    hood = pd.concat([own, pairs], ignore_index=True).drop_duplicates()
    x = c.reindex(hood["neighbour"]).to_numpy()
    n = p.reindex(hood["neighbour"]).to_numpy()
    hood = hood.assign(x=x, n=n, r=x / n)
    sums = hood.groupby("focal").agg(x=("x", "sum"), n=("n", "sum"), k=("n", "size"))
    b = sums["x"] / sums["n"]
    hood["b"] = b.reindex(hood["focal"]).to_numpy()
    s2 = (hood["n"] * (hood["r"] - hood["b"]) ** 2).groupby(hood["focal"]).sum() / sums["n"]
    nbar = sums["n"] / sums["k"]
    a = (s2 - b / nbar).clip(lower=0)
    b, a = b.reindex(c.index), a.reindex(c.index)
    r = c / p
    weight_crude = (a / (a + b / p)).where(a > 0, 0.0)
    out = pd.DataFrame({"eb_spatial_per_100k": (b + weight_crude * (r - b)) * 1e5,
                        "local_per_100k": b * 1e5, "shrinkage": 1 - weight_crude})
    return out.reindex(population.index)


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
        raise InputError(f"A trend needs two different years, got {y0} twice.")
    pieces = {"counts_from": counts_from, "population_from": population_from,
              "counts_to": counts_to, "population_to": population_to}
    codes = [set(s.index) for s in pieces.values()]
    if any(cs != codes[0] for cs in codes[1:]):
        diff = set.union(*codes) - set.intersection(*codes)
        raise UnknownCodeError(
            f"The two years are not on one division: codes present in some inputs only: {format_codes(diff)}. "
            "Carry the earlier year's counts to the later division first (regio.carry_to)."
        )
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
            "cover the same regions (a municipality whose predecessors lack counts has none)."
        )
    n0 = c0[has].sum() / p0[has].sum() * 1e5
    n1 = c1[has].sum() / p1[has].sum() * 1e5
    out.attrs.update({
        "years": (y0, y1), "national_from_per_100k": n0, "national_to_per_100k": n1,
        "national_count_growth_pct": (c1[has].sum() / c0[has].sum() - 1) * 100,
        "national_population_growth_pct": (p1[has].sum() / p0[has].sum() - 1) * 100,
    })
    return out


# ----------------------------------------------------------------------------- placing counts

def counts_reference_date(physicians: pd.DataFrame) -> pd.Timestamp:
    """Return the one day the counts refer to (``reference_date`` of the tidy table), NaT when unknown.

    Parameters
    ----------
    physicians
        A tidy physician table (:func:`regio.physicians`); without a
        ``reference_date`` column the day is unknown.

    Returns
    -------
    pandas.Timestamp
        The day, or NaT when no row has one.

    Raises
    ------
    InputError
        When the rows refer to more than one day (counts of two moments mixed).

    Examples
    --------
    >>> counts_reference_date(pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", None])}))
    Timestamp('2018-12-21 00:00:00')
    >>> counts_reference_date(pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", "2019-12-20"])}))
    Traceback (most recent call last):
    ...
    regio.errors.InputError: The counts refer to more than one day: 2018-12-21, 2019-12-20; keep ...
    """
    if "reference_date" not in physicians:
        return pd.NaT
    days = sorted(set(pd.to_datetime(physicians["reference_date"]).dropna()))
    if len(days) > 1:
        raise InputError(f"The counts refer to more than one day: {', '.join(d.strftime('%Y-%m-%d') for d in days)}; "
                         "keep the counts of one moment.")
    return days[0] if days else pd.NaT


def population_year(reference_date: pd.Timestamp | None, *, year: int) -> int:
    """Year of the 1 January nearest to the counts' reference date (``year`` when the date is unknown).

    Population tables count the inhabitants on 1 January. CBS counts BIG
    registrations on the last Friday before Christmas, ten days before the
    next 1 January: the 2018 counts go with the population of 1 January 2019.
    Use this for every rate of such counts, so that counts and inhabitants are
    taken on (nearly) the same day.

    Parameters
    ----------
    reference_date
        The day the counts refer to (:func:`counts_reference_date`); None or
        NaT when unknown.
    year
        The year of the counts, used when the date is unknown.

    Returns
    -------
    int
        The year of that 1 January (a date halfway goes to its own year's).

    Examples
    --------
    >>> population_year(pd.Timestamp("2018-12-21"), year=2018)
    2019
    >>> population_year(pd.Timestamp("2019-06-01"), year=2019)
    2019
    >>> population_year(pd.NaT, year=2018)
    2018
    """
    if reference_date is None or pd.isna(reference_date):
        return int(year)
    day = pd.Timestamp(reference_date)
    before, after = pd.Timestamp(day.year, 1, 1), pd.Timestamp(day.year + 1, 1, 1)
    return day.year if day - before <= after - day else day.year + 1


def population_years_for_counts(reference_date: pd.Timestamp | None, *, year: int) -> list[int]:
    """List the 1 January years to take the population of, in order of preference, for counts of a date.

    First the nearest 1 January (:func:`population_year`); then, when the date
    is known, the other 1 January around it. The newest counts (CBS: 20
    December 2024) are nearest to a 1 January without a population table yet,
    and regio does not extrapolate: they take the 1 January of their own year.
    Every user of counts (density, the shortfall key, the model) follows this one rule.

    Parameters
    ----------
    reference_date
        The day the counts refer to; None or NaT when unknown.
    year
        The year of the counts, used when the date is unknown.

    Returns
    -------
    list of int
        Two years when the date is known, else ``[year]``.

    Examples
    --------
    >>> population_years_for_counts(pd.Timestamp("2024-12-20"), year=2024)
    [2025, 2024]
    >>> population_years_for_counts(pd.NaT, year=2018)
    [2018]
    """
    nearest = population_year(reference_date, year=year)
    if reference_date is None or pd.isna(reference_date):
        return [nearest]
    day = pd.Timestamp(reference_date)
    return [nearest, day.year if nearest != day.year else day.year + 1]


@dataclass
class PlacedCounts:
    """Counts of one profession and year sorted into what a density table needs.

    Attributes
    ----------
    counts
        Count per region code of the target level (NaN: no data).
    unplaced
        Counts per code that cannot be placed in a region ("niet in te
        delen", abroad) at the level of the counts used; reported, never
        dropped. Such rows of other levels (``LD99`` beside ``PV99``) count
        the same people again and are named in the notes only.
    source_total
        ``(code, name, count)`` of the source's own national total row, if any.
    from_level
        Level of the counts used (equal to the target, or ``gemeente`` when
        summed to the target through ``membership``).
    notes
        Sentences for the table notes.
    sector
        The sector of the counts (``None`` when not split by sector).
    sector_is_total
        Whether that is the total of all sectors.
    uncoded
        Rows the source names without a region code (``statnaam``, ``count``,
        ``source``), e.g. arbeidsmarktregio's; named in the notes, not placed.
    incomplete
        Region -> municipalities without a count; such regions are no data.
    reference_date
        The day the counts refer to (NaT when unknown).
    """

    counts: pd.Series
    unplaced: pd.Series
    source_total: tuple[str, str, float] | None
    from_level: str
    notes: list[str] = field(default_factory=list)
    sector: str | None = None
    sector_is_total: bool = True
    uncoded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["statnaam", "count", "source"]))
    incomplete: dict[str, list[str]] = field(default_factory=dict)
    reference_date: pd.Timestamp = pd.NaT


def _series(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(rows["count"].astype(float).to_numpy(), index=rows["statcode"].astype(str).to_numpy())


def _sum_municipalities(gm: pd.Series, membership: pd.Series, level: str, lang: str,
                        unit_level: str = "gemeente") -> tuple[pd.Series, dict[str, list[str]], list[str]]:
    """Sum counts of units (municipalities, or provinces) to the regions they lie in.

    A region missing the count of some of its units is no data.
    """
    member = membership.dropna()
    full = gm.reindex(member.index)
    group = member.to_numpy()
    counts = full.groupby(group).sum(min_count=1)
    missing = full.isna().groupby(group).sum()
    size = full.groupby(group).size()
    partial = missing.index[(missing > 0) & (missing < size)]
    incomplete = {str(r): sorted(full.index[full.isna() & (member == r).to_numpy()]) for r in partial}
    municipal = unit_level == "gemeente"
    one = len(gm) == 1
    counted_nl, counted_en = ("aantal", "count") if one else ("aantallen", "counts")
    if municipal:
        notes = [t(lang, f"{len(gm)} {'gemeentelijk' if one else 'gemeentelijke'} {counted_nl} opgeteld tot {level} "
                         "via de indeling van gemeenten.",
                   f"{len(gm)} municipal {counted_en} summed to {level} through the membership of municipalities.")]
    elif level == "land":
        notes = [t(lang, f"{len(gm)} {counted_nl} per {unit_level} opgeteld tot het land.",
                   f"{len(gm)} {unit_level} {counted_en} summed to the country.")]
    else:
        notes = [t(lang, f"{len(gm)} {counted_nl} per {unit_level} opgeteld tot {level}: elke {level}-regio bestaat "
                         f"uit hele {unit_level}-regio's (via de indeling van gemeenten).",
                   f"{len(gm)} {unit_level} {counted_en} summed to {level}: each {level} region is made of whole "
                   f"{unit_level} regions (through the membership of municipalities).")]
    units_nl, units_en = ("gemeenten", "municipalities") if municipal else (f"{unit_level}-regio's",
                                                                            f"{unit_level} regions")
    for region, codes in incomplete.items():
        have = float(counts[region])
        notes.append(t(
            lang,
            f"{region}: geen aantal voor {len(codes)} van de {size[region]} {units_nl} ({format_codes(codes)}); "
            f"de andere tellen op tot {fmt_number(have, 0, lang)}, maar een ontbrekend aantal is geen nul: "
            f"{region} is 'geen gegevens'.",
            f"{region}: no count for {len(codes)} of its {size[region]} {units_en} ({format_codes(codes)}); "
            f"the others sum to {fmt_number(have, 0, lang)}, but a missing count is not zero: {region} "
            "is no data."))
    counts[list(partial)] = np.nan
    return counts, incomplete, notes


def _nested_level(nesting: pd.DataFrame | None, levels_present: Sequence[str],
                  level: str) -> tuple[str | None, pd.Series | None, dict[str, list[str]]]:
    """Find the coarsest level of the counts whose regions each lie in one region of ``level``.

    Returns that level, its region -> ``level`` region, and, when none fits,
    the regions that lie in several ``level`` regions (to name in the error).
    """
    if nesting is None or level not in nesting.columns:
        return None, None, {}
    candidates = [lv for lv in levels_present if lv != level and lv in nesting.columns]
    split: dict[str, list[str]] = {}
    for lv in sorted(candidates, key=lambda lv: (nesting[lv].nunique(), lv)):
        targets = nesting.groupby(lv)[level].unique()
        parts = {str(r): sorted(map(str, tg)) for r, tg in targets.items() if len(tg) > 1}
        if not parts:
            return lv, nesting.groupby(lv)[level].first(), {}
        split = split or parts
    return None, None, split


def place_counts(
    physicians: pd.DataFrame,
    *,
    level: str,
    regions: pd.Index,
    membership: pd.Series | None = None,
    nesting: pd.DataFrame | None = None,
    sector: str | None = None,
    level_order: Sequence[str] = ("pc4", "wijk", "gemeente"),
    lang: str = "nl",
) -> PlacedCounts:
    """Pick the counts of a tidy physician table that belong to the regions of ``level``.

    Parameters
    ----------
    physicians
        One profession and year in the layout of :func:`regio.physicians`
        (``statcode``, ``statnaam``, ``level``, ``count``, ``kind``; optional
        ``sector``, ``source``, ``reference_date``).
    level
        Target level (canonical name).
    regions
        Codes of the target regions (those of the population table).
    membership
        Target region per municipality, needed when the counts are
        municipal and the target level groups municipalities. A region
        that misses the count of one of its municipalities is no data.
    nesting
        Region per municipality for several levels (columns, as
        :func:`regio.membership` returns), including ``level``. When the
        counts are at a level whose regions each lie in one ``level`` region
        (provinces in landsdelen or the country), they are summed; a
        ``level`` region missing one of them is no data. The "niet in te
        delen" row of the counts' level stays unplaced.
    sector
        Sector of the counts (:func:`choose_sector`; default the total of all
        sectors).
    level_order
        Levels finer than a municipality first; used to explain errors.
    lang
        Language of the notes, ``"nl"`` or ``"en"``.

    Returns
    -------
    PlacedCounts
        The counts per target region, the unplaced counts, the source's own
        total, the level the counts came from and notes for the table.

    Raises
    ------
    UnknownCodeError
        Counts for codes that are not regions of the target level in this
        division (named).
    InputError
        Counts only at a coarser level than the target, or at a level finer
        than municipalities for a grouped level (named, with the fix); an
        unknown or ambiguous sector; two counts for one region.

    Examples
    --------
    >>> phys = pd.DataFrame({"statcode": ["NL01", "PV20", "PV21", "PV99", "LD99"],
    ...                      "statnaam": ["Nederland", "Groningen", "Fryslân", "Niet in te delen", "Niet in te delen"],
    ...                      "level": ["land", "provincie", "provincie", "provincie", "landsdeel"],
    ...                      "count": [100, 60, 35, 5, 5],
    ...                      "kind": ["total", "region", "region", "unplaced", "unplaced"]})
    >>> placed = place_counts(phys, level="provincie", regions=pd.Index(["PV20", "PV21"]))
    >>> placed.counts.to_dict(), placed.unplaced.to_dict(), placed.source_total
    ({'PV20': 60.0, 'PV21': 35.0}, {'PV99': 5.0}, ('NL01', 'Nederland', 100.0))
    """
    need = {"statcode", "level", "count", "kind"}
    missing = need - set(physicians.columns)
    if missing:
        raise InputError(f"The physician table lacks column(s) {', '.join(sorted(missing))}.")
    choice = choose_sector(physicians, sector=sector)
    frame = choice.rows
    nl = lang == "nl"
    notes: list[str] = []
    if not choice.is_total:
        notes.append(t(lang, f"Alleen de sector {choice.sector}: een deel van de beroepsgroep, niet het totaal over "
                             "alle sectoren.",
                       f"Sector {choice.sector} only: part of the profession, not the total of all sectors."))
    total_rows = frame[frame["kind"] == "total"]
    source_total = None
    if len(total_rows):
        row = total_rows.iloc[0]
        source_total = (str(row["statcode"]), str(row.get("statnaam", row["statcode"])), float(row["count"]))
    is_region = frame["kind"] == "region"
    uncoded_mask = (frame["kind"] == "uncoded") | (is_region & (frame["statcode"].isna() | frame["level"].isna()))
    regions_rows = frame[is_region & ~uncoded_mask]
    uncoded = pd.DataFrame({
        "statnaam": frame.loc[uncoded_mask, "statnaam" if "statnaam" in frame else "statcode"],
        "count": frame.loc[uncoded_mask, "count"].astype(float),
        "source": frame.loc[uncoded_mask, "source"] if "source" in frame else "",
    }).reset_index(drop=True)
    if regions_rows["statcode"].duplicated().any():
        dup = regions_rows.loc[regions_rows["statcode"].duplicated(), "statcode"]
        files = sorted({str(s) for s in regions_rows.get("source", pd.Series(dtype=str)).dropna()})
        raise InputError("Several counts for the same region (more than one profession, year or sector"
                         + (f"; files {', '.join(files)}" if files else "") + f"?): {format_codes(dup)}.")
    levels_present = sorted({str(lv) for lv in regions_rows["level"]})
    incomplete: dict[str, list[str]] = {}
    nested_from, groups, split = (None, None, {}) if level in levels_present else \
        _nested_level(nesting, levels_present, level)
    if level in levels_present:
        from_level = level
        counts = _series(regions_rows[regions_rows["level"] == level])
        unknown = counts.index.difference(regions)
        if len(unknown):
            raise UnknownCodeError(
                f"Counts for {len(unknown)} code(s) that are not {level} regions of this division: "
                f"{format_codes(unknown)}. If they are municipalities of another year, carry them to this "
                "year's division first (regio.carry_to); otherwise correct the codes."
            )
    elif "gemeente" in levels_present and membership is not None:
        from_level = "gemeente"
        gm = _series(regions_rows[regions_rows["level"] == "gemeente"])
        unknown = gm.index.difference(membership.dropna().index)
        if len(unknown):
            raise UnknownCodeError(
                f"Municipal counts for {len(unknown)} code(s) that are not municipalities of the division "
                f"used: {format_codes(unknown)}. Carry them to this division first (regio.carry_to)."
            )
        counts, incomplete, more = _sum_municipalities(gm, membership, level, lang)
        notes += more
        unknown = counts.index.difference(regions)
        if len(unknown):
            raise UnknownCodeError(f"Membership maps municipalities to codes that are not {level} regions: "
                                   f"{format_codes(unknown)}.")
    elif nested_from is not None and groups is not None:
        from_level = nested_from
        units = _series(regions_rows[regions_rows["level"] == from_level])
        unknown = units.index.difference(groups.index)
        if len(unknown):
            raise UnknownCodeError(
                f"Counts for {len(unknown)} code(s) that are not {from_level} regions of the division used: "
                f"{format_codes(unknown)}; correct the codes."
            )
        counts, incomplete, more = _sum_municipalities(units, groups, level, lang, unit_level=from_level)
        notes += more
        unknown = counts.index.difference(regions)
        if len(unknown):
            raise UnknownCodeError(f"Membership maps {from_level} regions to codes that are not {level} regions: "
                                   f"{format_codes(unknown)}.")
    else:
        finer = [lv for lv in levels_present if lv in level_order]
        codes = regions_rows["statcode"]
        if finer:
            raise InputError(
                f"The counts are at level {', '.join(finer)}, finer than {level} and not municipalities "
                f"(e.g. {format_codes(codes, limit=5)}); regio cannot place them in {level} regions. "
                f"Sum them to municipalities or to {level} first."
            )
        pieces = "; ".join(f"{code} lies in {', '.join(parts)}" for code, parts in list(split.items())[:5])
        raise InputError(
            f"No counts at level {level}: the counts are at {', '.join(levels_present) or 'no level'} "
            f"(e.g. {format_codes(codes, limit=5)}), which cannot be split into {level} regions"
            + (f" ({pieces}{' ...' if len(split) > 5 else ''})" if pieces else "")
            + f". Use --level {levels_present[0] if levels_present else level}"
            + (f", or a level made of whole {levels_present[0]} regions" if levels_present else "") + "."
        )
    unplaced_rows = frame[frame["kind"] == "unplaced"]
    own = (unplaced_rows["level"] == from_level).to_numpy()
    unplaced = _series(unplaced_rows[own])
    other = _series(unplaced_rows[~own])
    unplaced.index.name = counts.index.name = "statcode"
    n = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    if len(unplaced):
        notes.append(
            f"{n(unplaced.sum())} geteld maar niet in een regio in te delen ({', '.join(unplaced.index)}): "
            "wel in de totalen, niet in de dichtheden van de regio's." if nl else
            f"{n(unplaced.sum())} counted but not placed in a region ({', '.join(unplaced.index)}): "
            "in the totals, not in the regions' rates.")
    if len(other):
        listed = ", ".join(f"{code} {n(v)}" for code, v in other.items())
        notes.append(t(lang, f"Niet in te delen op een ander niveau dan {from_level} ({listed}): dezelfde mensen "
                             "nog eens geteld, dus niet opgeteld.",
                       f"Not placed at a level other than {from_level} ({listed}): the same people counted again, "
                       "so not added."))
    if len(uncoded):
        listed = "; ".join(f"{name} {n(v)}" for name, v in zip(uncoded["statnaam"], uncoded["count"], strict=True))
        files = ", ".join(sorted({str(s) for s in uncoded["source"] if str(s)}))
        notes.append(t(lang, f"Zonder regiocode, niet ingedeeld en niet in de totalen: {listed}"
                             + (f" ({files})" if files else "") + " — regio's van een andere indeling.",
                       f"Without a region code, not placed and not in the totals: {listed}"
                       + (f" ({files})" if files else "") + " — regions of another division."))
    if source_total is not None:
        placed = float(counts.sum())
        with_unplaced = placed + float(unplaced.sum())
        diff = source_total[2] - with_unplaced
        signed = fmt_number(diff, 0, lang, signed=True)
        notes.append(
            (f"Het eigen totaal van de bron, {source_total[0]} ({source_total[1]}), is {n(source_total[2])}; "
             f"de regio's tellen op tot {n(placed)}"
             + (f", met de niet in te delen {n(with_unplaced)}" if len(unplaced) else "")
             + f" (verschil {signed}). Het wordt gemeld, niet gebruikt: de dichtheden gebruiken de "
             "aantallen van de regio's zelf.") if nl else
            (f"The source's own total {source_total[0]} ({source_total[1]}) is {n(source_total[2])}; regions "
             f"sum to {n(placed)}" + (f", with the not placed {n(with_unplaced)}" if len(unplaced) else "")
             + f" (difference {signed}). It is reported, not used: rates use the regions' own counts.")
        )
        if diff and abs(diff) <= 2.5 * (len(counts) + len(unplaced) + 1):
            notes.append("CBS rondt elk getal af op een veelvoud van 5; het verschil past daarbij." if nl else
                         "CBS rounds every figure to a multiple of 5; the difference is within that rounding.")
    return PlacedCounts(counts=counts, unplaced=unplaced, source_total=source_total, from_level=from_level,
                        notes=notes, sector=choice.sector, sector_is_total=choice.is_total, uncoded=uncoded,
                        incomplete=incomplete, reference_date=counts_reference_date(frame))


# ----------------------------------------------------------------------------- all together

def analyse(
    counts: pd.Series,
    population: pd.Series,
    *,
    names: Mapping[str, str] | None = None,
    neighbours: pd.DataFrame | None = None,
    level: float = 0.95,
    norm_per_100k: float | None = None,
    bands: Sequence[float] = (75, 110),
    whole_profession: bool = True,
    lang: str = "nl",
) -> pd.DataFrame:
    """Density table with smoothed rates and provision side by side, one row per region.

    Combines :func:`density_table`, :func:`eb_global`, :func:`eb_spatial`
    (when ``neighbours`` are given) and :func:`provision` (for regions with
    data; the norm defaults to the national rate of the table). Without an
    explicit ``norm_per_100k`` there is no provision when the table's rate is
    not national (``attrs["reference"]`` not ``"national"``: one sector,
    regions without a count, or a single region): a mean of some regions, or
    of one, is no norm.

    Parameters
    ----------
    counts
        Physicians per region code (NaN or absent: no data).
    population
        Inhabitants per region code; defines the regions.
    names
        Region names by code (added as ``statnaam``).
    neighbours
        Pairs ``focal``, ``neighbour`` (:func:`queen_neighbours`) for the
        spatial smoothing; without them there is no ``eb_spatial_per_100k``.
    level
        Confidence level of the intervals.
    norm_per_100k
        Norm for the provision (default: the national rate of the table).
    bands
        Two ascending limits of the provision bands, in % of the norm.
    whole_profession
        Whether the counts are the whole profession (see :func:`density_table`).
    lang
        ``"nl"`` or ``"en"`` for labels.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`density_table`, then ``eb_per_100k``,
        [``eb_spatial_per_100k``,] and, with provision, ``norm_per_100k``,
        ``provision_pct``, ``band`` and ``needed``; ``attrs`` merged from the
        parts (``provision`` (bool), ``needed_total``, ``norm_per_100k``,
        ``bands``, ``islands``).

    Raises
    ------
    InputError, UnknownCodeError
        As :func:`density_table` and :func:`provision`.

    Examples
    --------
    >>> t = analyse(pd.Series({"A": 2, "B": 120}), pd.Series({"A": 2_000, "B": 100_000}), lang="en")
    >>> t[["rate_per_100k", "eb_per_100k", "provision_pct", "band"]].round(1)
       rate_per_100k  eb_per_100k  provision_pct             band
    A          100.0        119.6           83.6  around national
    B          120.0        119.6          100.3  around national

    (The two rates differ no more than chance would make them, so the prior
    variance is clipped to zero and both are smoothed to the national rate.)
    """
    table = density_table(counts, population, level=level, names=names, whole_profession=whole_profession,
                          lang=lang)
    national = table.attrs["national_per_100k"]
    c, p = table["count"], table["population"]
    table["eb_per_100k"] = eb_global(c, p, prior_rate=national)["eb_per_100k"]
    if neighbours is not None:
        table["eb_spatial_per_100k"] = eb_spatial(c, p, neighbours)["eb_spatial_per_100k"]
    table.attrs["islands"] = list(neighbours.attrs.get("islands", [])) if neighbours is not None else []
    with_provision = norm_per_100k is not None or table.attrs["reference"] == "national"
    table.attrs["provision"] = with_provision
    if not with_provision:
        return table
    has = c.notna()
    prov = provision(c[has], p[has], norm_per_100k=norm_per_100k, bands=bands, lang=lang)
    for col in ("norm_per_100k", "provision_pct", "band", "needed"):
        table[col] = prov[col].reindex(table.index)
    table["norm_per_100k"] = prov.attrs["norm_per_100k"]
    table.attrs.update({"needed_total": prov.attrs["needed_total"], "norm_per_100k": prov.attrs["norm_per_100k"],
                        "bands": prov.attrs["bands"], "norm_is_average": prov.attrs["norm_is_average"]})
    return table
