"""Rates per 100,000 with intervals, comparison with the country, norms and provision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import special

from regio.errors import InputError, UnknownCodeError, format_codes, said_value
from regio.labels import BAND_CODES, COMPARISON_CODES

# The table holds codes, the same in every language (regio.labels.COMPARISON_CODES, BAND_CODES); the words for
# people are looked up in the catalogue regio.labels when a map, a table file or the terminal shows them.


def joined_problems(problems: Sequence[InputError]) -> InputError:
    """Say several problems as one error, one after the other ("a; b"), in the language it is said in.

    Each problem is an error with its own message key; the result is an error
    whose message puts them in a row, so that a raise site can pass it as a
    value (``problems=joined_problems(problems)``) and the command line says
    every problem in the user's language.

    Examples
    --------
    >>> one = InputError("negative counts: A", key="density.negative_counts", codes="A")
    >>> two = InputError("zero or missing population: B", key="density.zero_population", codes="B")
    >>> str(joined_problems([one, two]))
    'negative counts: A; zero or missing population: B'
    >>> joined_problems([one, two]).message("nl")
    'negatieve aantallen: A; bevolking nul of onbekend: B'
    """
    from regio.text import joined

    return joined(list(problems))


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
                         f"got {inhabitants_per_physician!r}.", key="density.bad_norm_inhabitants",
                         value=said_value(inhabitants_per_physician))
    return 1e5 / float(inhabitants_per_physician)


def _aligned(counts: pd.Series, population: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Check that counts and population cover the same regions; return float copies.

    Gathers every problem and raises one :class:`InputError` naming the codes.
    """
    if not isinstance(counts, pd.Series) or not isinstance(population, pd.Series):
        raise InputError(
            f"counts and population must be pandas Series indexed by region code, got "
            f"{type(counts).__name__} and {type(population).__name__}.", key="density.not_series_pair",
            counts_type=type(counts).__name__, population_type=type(population).__name__)
    problems = []
    for name, s in (("counts", counts), ("population", population)):
        if s.index.has_duplicates:
            dup = s.index[s.index.duplicated()]
            problems.append(InputError(f"duplicate codes in {name}: {format_codes(dup)}", key="density.duplicate_codes",
                                       name=name, codes=format_codes(dup)))
    only_c = counts.index.difference(population.index)
    only_p = population.index.difference(counts.index)
    if len(only_c):
        problems.append(InputError(f"counts for codes without population: {format_codes(only_c)}",
                                   key="density.counts_without_population", codes=format_codes(only_c)))
    if len(only_p):
        problems.append(InputError(f"population for codes without counts (missing is not zero; pass 0 "
                                   f"explicitly): {format_codes(only_p)}", key="density.population_without_counts",
                                   codes=format_codes(only_p)))
    c = pd.to_numeric(counts, errors="coerce").astype(float)
    p = pd.to_numeric(population, errors="coerce").astype(float).reindex(c.index)
    bad_c = c.index[c.isna() | (c < 0)].difference(only_c)
    if len(bad_c):
        problems.append(InputError(f"missing or negative counts: {format_codes(bad_c)}",
                                   key="density.missing_or_negative_counts", codes=format_codes(bad_c)))
    bad_p = p.index[(p.isna() | (p <= 0)) & c.notna()].difference(only_c)
    if len(bad_p):
        problems.append(InputError(f"zero or missing population: {format_codes(bad_p)}",
                                   key="density.zero_population", codes=format_codes(bad_p)))
    if problems:
        raise InputError(f"Cannot compute rates per 100,000: {joined_problems(problems)}.", key="density.cannot_rate",
                         problems=joined_problems(problems))
    return c, p


def provision(
    counts: pd.Series,
    population: pd.Series,
    *,
    norm_per_100k: float | None = None,
    bands: Sequence[float] = (75, 110),
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

    Returns
    -------
    pandas.DataFrame
        Indexed like ``counts``: ``count``, ``population``, ``rate_per_100k``,
        ``norm_per_100k``, ``provision_pct``, ``band`` (an ordered categorical
        of the codes ``under`` < ``around`` < ``over``,
        :data:`regio.labels.BAND_CODES`; the words, e.g. "ondervoorzien",
        come from :func:`regio.labels.band_label`) and ``needed``
        (physicians needed to reach the norm, 0 where at or above it; not
        rounded). ``attrs`` holds ``norm_per_100k``, ``bands``,
        ``needed_total`` and ``norm_is_average`` (no norm was given: the
        bands then compare with the national average, which is no norm,
        and their words say so).

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
    >>> t = provision(counts, pop, norm_per_100k=norm_from_inhabitants(1000))
    >>> t[["provision_pct", "band", "needed"]]
       provision_pct    band  needed
    A           70.0   under     3.0
    B          100.0  around     0.0
    >>> t.attrs["needed_total"]
    3.0
    """
    c, p = _aligned(counts, population)
    lo, hi = (float(b) for b in bands) if len(bands) == 2 else (np.nan, np.nan)
    if not (np.isfinite(lo) and np.isfinite(hi) and 0 <= lo <= hi):
        raise InputError(f"bands must be two ascending percentages such as (75, 110), "
                         f"got {tuple(bands)!r}.", key="density.bad_bands", value=said_value(tuple(bands)))
    if norm_per_100k is None:
        norm = float(c.sum() / p.sum() * 1e5)
    else:
        norm = float(norm_per_100k)
        if not np.isfinite(norm) or norm <= 0:
            raise InputError(f"norm_per_100k must be a positive number, got {norm_per_100k!r}.",
                             key="density.bad_norm", value=said_value(norm_per_100k))
    expected = p * norm / 1e5
    pct = c / expected * 100
    code = np.where(pct < lo, 0, np.where(pct > hi, 2, 1))
    band = pd.Categorical.from_codes(code, categories=list(BAND_CODES), ordered=True)
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

def _chi2_ppf(q: float, df: np.ndarray) -> np.ndarray:
    """Return ``scipy.stats.chi2.ppf(q, df)`` for 0 < q < 1 as scipy computes it (NaN for df <= 0)."""
    with np.errstate(invalid="ignore"):
        return np.where(df > 0, 2 * special.gammaincinv(df / 2, q), np.nan)


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
        raise InputError(f"level must be between 0 and 1 (e.g. 0.95), got {level!r}.", key="density.bad_confidence",
                         value=said_value(level))
    index = counts.index if isinstance(counts, pd.Series) else None
    o = np.asarray(pd.to_numeric(pd.Series(np.asarray(counts, dtype=object)), errors="coerce"), dtype=float)
    if np.any(o[~np.isnan(o)] < 0):
        raise InputError("Counts for an interval must not be negative.", key="density.negative_interval_counts")
    alpha = 1 - level
    z = special.ndtri(1 - alpha / 2)  # scipy.stats.norm.ppf (scipy.stats takes about 1 s to import)
    exact = (o < exact_below) | (o == 0)  # Byar's lower bound is undefined at 0: exact there, always
    with np.errstate(divide="ignore", invalid="ignore"):
        ex_lo = np.where(o > 0, _chi2_ppf(alpha / 2, 2 * o) / 2, 0.0)
        ex_hi = _chi2_ppf(1 - alpha / 2, 2 * o + 2) / 2
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
            raise InputError(f"{name} must be a pandas Series indexed by region code, got {type(s).__name__}.",
                             key="density.not_series", name=name, type=type(s).__name__)
    problems = []
    for name, s in (("counts", counts), ("population", population)):
        if s.index.has_duplicates:
            dup = format_codes(s.index[s.index.duplicated()])
            problems.append(InputError(f"duplicate codes in {name}: {dup}", key="density.duplicate_codes",
                                       name=name, codes=dup))
    unknown = counts.index.difference(population.index)
    if len(unknown):
        problems.append(InputError(f"counts for codes that are not regions of the population table (another level "
                                   f"or another year's division?): {format_codes(unknown)}",
                                   key="density.counts_not_regions", codes=format_codes(unknown)))
    c = pd.to_numeric(counts, errors="coerce").astype(float).reindex(population.index)
    p = pd.to_numeric(population, errors="coerce").astype(float)
    negative = c.index[c < 0]
    if len(negative):
        problems.append(InputError(f"negative counts: {format_codes(negative)}", key="density.negative_counts",
                                   codes=format_codes(negative)))
    no_people = p.isna() | (p <= 0)
    bad_pop = p.index[no_people & (c > 0)]
    if len(bad_pop):
        problems.append(InputError(f"zero or missing population for regions with physicians: "
                                   f"{format_codes(bad_pop)}", key="density.zero_population_physicians",
                                   codes=format_codes(bad_pop)))
    if problems:
        kind = UnknownCodeError if len(unknown) else InputError
        raise kind(f"Cannot compute densities: {joined_problems(problems)}.", key="density.cannot_density",
                   problems=joined_problems(problems))
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

    Returns
    -------
    pandas.DataFrame
        Indexed like ``population``: [``statnaam``,] ``count``,
        ``population``, ``rate_per_100k``, ``lower_per_100k``,
        ``upper_per_100k``, ``ci_method``, ``national_per_100k``,
        ``ratio_to_national``, ``comparison`` (an ordered categorical of the
        codes ``below`` < ``similar`` < ``above``,
        :data:`regio.labels.COMPARISON_CODES`: whether the interval lies
        entirely below or above the national rate; missing where there is
        no data or nothing to compare with) and ``rank`` (1 = highest rate). ``attrs`` holds ``national_per_100k``,
        ``level``, ``total_count``, ``total_population``, ``no_data``
        (codes without a count) and ``reference``: ``"national"``;
        ``"regions"`` when the rate over the regions with data is not a
        national figure (a region without a count, or not the whole
        profession), and the words of the comparison then say "the mean"
        instead of "national" (:func:`regio.labels.comparison_label`); ``None`` when only one
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
    >>> t = density_table(pd.Series({"A": 3, "B": 200}), pd.Series({"A": 10_000, "B": 100_000}))
    >>> t[["rate_per_100k", "lower_per_100k", "upper_per_100k", "comparison"]].round(1)
       rate_per_100k  lower_per_100k  upper_per_100k comparison
    A           30.0             6.2            87.7      below
    B          200.0           173.2           229.7    similar
    >>> round(t.attrs["national_per_100k"], 2)   # 203 / 110,000 × 100,000
    184.55
    """
    c, p = _check_rates_input(counts, population)
    has = c.notna()
    total_c, total_p = float(c[has].sum()), float(p[has].sum())
    if national_rate is None:
        if total_p <= 0:
            raise InputError("No region has both a count and a population: no national rate.",
                             key="density.no_national_rate")
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
    below, similar, above = COMPARISON_CODES
    comp = np.where(out["upper_per_100k"] < national, below,
                    np.where(out["lower_per_100k"] > national, above, similar))
    out["comparison"] = pd.Categorical(np.where(has & compared, comp, None), categories=list(COMPARISON_CODES),
                                       ordered=True)
    rank = out["rate_per_100k"].rank(ascending=False, method="min").astype("Int64")
    out["rank"] = rank if compared else pd.array([pd.NA] * len(out), dtype="Int64")
    out.attrs.update({"national_per_100k": national, "level": level, "total_count": total_c,
                      "total_population": total_p, "no_data": list(p.index[~has]), "reference": reference})
    return out


def totals_rows(table: pd.DataFrame, *, unplaced: pd.Series | None = None,
                source_total: tuple[str, str, float] | None = None) -> pd.DataFrame:
    """Rows to print below a density table: totals, counts that cannot be placed, the source's total.

    Codes and numbers only: the words of each row (its ``statnaam``, "Totaal
    regio's", and its code in English, ``TOTAL``) are the report's, from the
    catalogue (:func:`regio.report.density.totals_words`).

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

    Returns
    -------
    pandas.DataFrame
        Rows ``TOTAAL`` (regions), the unplaced codes, ``TOTAAL+`` (regions +
        unplaced) and ``BRON`` (the source's own total), with ``statnaam``
        (empty: words are the report's), ``count``, ``population``,
        ``rate_per_100k`` and ``kind`` (and ``needed``, the total of
        physicians needed, when the table has it);
        ``attrs["unplaced_total"]`` is the sum of the unplaced counts and
        ``attrs["source_total"]`` the code and name of the source's total (or ``None``).

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
    unplaced = unplaced if unplaced is not None else pd.Series(dtype=float)
    total_c, total_p = table.attrs["total_count"], table.attrs["total_population"]
    rows = [("TOTAAL", None, total_c, total_p, table.attrs["national_per_100k"], "total")]
    needed = float(table["needed"].sum()) if "needed" in table else np.nan
    for code, value in unplaced.items():
        rows.append((str(code), None, float(value), np.nan, np.nan, "unplaced"))
    if len(unplaced):
        all_c = total_c + float(unplaced.sum())
        rows.append(("TOTAAL+", None, all_c, total_p, all_c / total_p * 1e5, "total+unplaced"))
    if source_total is not None:
        # keyed BRON, not by the source's code: at level land that code (NL01) is also the region's
        rows.append(("BRON", None, float(source_total[2]), np.nan, np.nan, "source total"))
    out = pd.DataFrame(rows, columns=["statcode", "statnaam", "count", "population", "rate_per_100k", "kind"])
    out["statnaam"] = out["statnaam"].astype(object)
    out = out.set_index("statcode").rename_axis(None)
    if "needed" in table:
        out["needed"] = np.where(out["kind"] == "total", needed, np.nan)
    out.attrs["unplaced_total"] = float(unplaced.sum())
    out.attrs["source_total"] = None if source_total is None else (str(source_total[0]), str(source_total[1]))
    return out
