"""Apportion an integer total over regions so that the parts add up exactly.

The core used everywhere regio turns fractional shares into whole numbers:
carrying counts through municipal mergers, age bands from rounded
percentages, splitting national advice over regions.

Three methods, all returning whole numbers that add up to the total:

* **largest remainder** (Hamilton, Hare quota; the default): every region
  gets the floor of its quota ``T·w/Σw``; the units left over go to the
  largest remainders. Each result lies within the floor and ceiling of its
  quota.
* **Sainte-Laguë** (Webster) and **D'Hondt** (Jefferson), divisor methods:
  find a divisor ``D`` so that rounding ``w/D`` (to the nearest whole number,
  resp. down) adds up to the total. Computed as "highest averages": unit
  after unit goes to the region with the largest ``w / (s + 0.5)``
  (Sainte-Laguë) or ``w / (s + 1)`` (D'Hondt), ``s`` being its units so far.
  A divisor search within the bounds first awards every unit whose average
  is certainly among the best, so only the last few (about one per region
  at most) go one at a time: fast at any total, the same result.

Optional **lower and upper bounds** per region (e.g. current training
capacity) are honoured exactly. For largest remainder, the bounded quotas are
``clip(λ·w, lower, upper)`` with the one scale ``λ`` that makes them add up
to the total; regions at a bound get the bound, the others are apportioned by
largest remainder over what is left. For the divisor methods, each region
gets ``median(lower, rounded w/D, upper)``.

**Ties** are broken the same way everywhere, so that the result never depends
on the order of the rows: equal remainders (or equal averages) go first to the
larger weight, then to the region whose code sorts first as text.

Examples
--------
>>> import pandas as pd
>>> largest_remainder(10, pd.Series({"a": 1.0, "b": 1.0, "c": 1.0})).to_dict()
{'a': 4, 'b': 3, 'c': 3}
>>> w = pd.Series({"A": 5.0, "B": 3.0, "C": 2.0})
>>> apportion(7, w).to_dict()
{'A': 4, 'B': 2, 'C': 1}
>>> apportion(7, w, method="dhondt").to_dict()
{'A': 4, 'B': 2, 'C': 1}
>>> apportion(7, w, lower=pd.Series({"C": 2})).to_dict()
{'A': 3, 'B': 2, 'C': 2}
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from fractions import Fraction
from numbers import Integral, Real

import numpy as np
import pandas as pd

from regio.errors import InputError, UnknownCodeError, format_codes
from regio.text import joined

__all__ = ["MAX_NUMBER", "METHODS", "apportion", "apportion_details", "largest_remainder", "largest_remainder_rows",
           "normalise_method"]

#: The largest number regio takes in a total, a bound or a column of a user's table: 2**53, above which floats
#: no longer hold every whole number (and int64 sums wrap soon after). No count, bound, figure or parameter of
#: regio comes near it; :func:`regio.validate.to_numeric` refuses larger values.
MAX_NUMBER = 2**53

#: Canonical method names and the spellings accepted for them.
METHODS: dict[str, tuple[str, ...]] = {
    "hamilton": ("hamilton", "largest_remainder", "largest-remainder", "lr", "hare"),
    "sainte-lague": ("sainte-lague", "sainte_lague", "saintelague", "sainte-laguë", "webster", "sl"),
    "dhondt": ("dhondt", "d'hondt", "d-hondt", "d_hondt", "jefferson"),
}

#: Offset ``c`` of the divisor methods: the average of a region with ``s`` units is ``w / (s + c)``.
_OFFSET = {"sainte-lague": 0.5, "dhondt": 1.0}


def normalise_method(method: str) -> str:
    """Return the canonical name of an apportionment method.

    Parameters
    ----------
    method
        A name or alias of :data:`METHODS` (case and surrounding spaces do not matter).

    Returns
    -------
    str
        ``"hamilton"``, ``"sainte-lague"`` or ``"dhondt"``.

    Raises
    ------
    InputError
        For an unknown method (the message lists the names and aliases).

    Examples
    --------
    >>> normalise_method("Webster"), normalise_method("D'Hondt"), normalise_method("largest_remainder")
    ('sainte-lague', 'dhondt', 'hamilton')
    >>> normalise_method("borda")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown apportionment method 'borda'; use one of hamilton (largest_remainder, ...
    """
    key = str(method).strip().lower()
    for name, aliases in METHODS.items():
        if key in aliases:
            return name
    known = ", ".join(f"{name} ({', '.join(a for a in aliases if a != name)})" for name, aliases in METHODS.items())
    raise InputError(f"Unknown apportionment method {method!r}; use one of {known}.",
                     key="kernel.apportion.unknown_method", method=method, known=known)


# ----------------------------------------------------------------------------- validation

def _check_total(total: object) -> int:
    """Return ``total`` as an int, or raise if it is not a non-negative whole number."""
    if isinstance(total, bool | np.bool_) or not isinstance(total, Real):
        raise InputError(f"The total must be a non-negative whole number, got {total!r} "
                         f"({type(total).__name__}).", key="kernel.apportion.total_type", total=total,
                         type=type(total).__name__)
    if not isinstance(total, Integral):
        value = float(total)
        if not math.isfinite(value) or not value.is_integer():
            raise InputError(f"The total must be a whole number, got {total!r}.", key="kernel.apportion.total_whole",
                             total=total)
    value = int(total)
    if value < 0:
        raise InputError(f"The total must be non-negative, got {value}.", key="kernel.apportion.total_negative",
                         total=value)
    if value > MAX_NUMBER:
        raise InputError(f"The total {value:,} is too large: at most {MAX_NUMBER:,} (2**53) can be apportioned "
                         "exactly. Give a smaller total.", key="kernel.apportion.total_large", total=value,
                         maximum=MAX_NUMBER)
    return value


def _check_weights(weights: pd.Series) -> np.ndarray:
    if not isinstance(weights, pd.Series):
        raise InputError(f"Weights must be a pandas Series indexed by region code, got {type(weights).__name__}.",
                         key="kernel.apportion.weights_type", type=type(weights).__name__)
    if weights.index.has_duplicates:
        codes = format_codes(weights.index[weights.index.duplicated()])
        raise InputError(f"Duplicate region codes in the weights: {codes}.",
                         key="kernel.apportion.weights_duplicate", codes=codes)
    w = pd.to_numeric(weights, errors="coerce").to_numpy(dtype=float)
    problems = []
    missing = ~np.isfinite(w)
    if missing.any():
        codes = format_codes(weights.index[missing])
        problems.append(InputError(f"missing, non-numeric or infinite for {codes}",
                                   key="kernel.apportion.weights_missing", codes=codes))
    negative = np.isfinite(w) & (w < 0)
    if negative.any():
        codes = format_codes(weights.index[negative])
        problems.append(InputError(f"negative for {codes}", key="kernel.apportion.negative_for", codes=codes))
    if problems:
        raise InputError("Weights must be finite and non-negative; bad weights: " + "; ".join(map(str, problems)) + ".",
                         key="kernel.apportion.bad_weights", problems=joined(problems))
    with np.errstate(over="ignore"):
        if not np.isfinite(w.sum()):
            raise InputError(f"Weights too large: their sum exceeds the largest number ({np.finfo(float).max:.3g}). "
                             "Scale them down (only their ratios matter).", key="kernel.apportion.weights_large",
                             largest=np.finfo(float).max)
    return w


def _labels(index: pd.Index) -> np.ndarray:
    return np.asarray([str(i) for i in index])


def _check_bounds(
    bounds: pd.Series | Mapping | None, index: pd.Index, *, which: str,
) -> np.ndarray | None:
    """Bounds aligned to ``index`` as floats (NaN = no bound), or None."""
    if bounds is None:
        return None
    b = pd.Series(bounds, dtype=object) if not isinstance(bounds, pd.Series) else bounds
    if b.index.has_duplicates:
        codes = format_codes(b.index[b.index.duplicated()])
        raise InputError(f"Duplicate region codes in the {which} bounds: {codes}.",
                         key=("kernel.apportion.lower_duplicate" if which == "lower"
                              else "kernel.apportion.upper_duplicate"),
                         codes=codes)
    unknown = b.index.difference(index)
    if len(unknown):
        raise UnknownCodeError(
            f"{which.capitalize()} bounds for {len(unknown)} region(s) that are not among the regions "
            f"apportioned over: {format_codes(unknown)}. Known regions: {format_codes(index, limit=12)}.",
            key="kernel.apportion.lower_unknown" if which == "lower" else "kernel.apportion.upper_unknown",
            n=len(unknown), codes=format_codes(unknown), known=format_codes(index, limit=12),
        )
    values = pd.to_numeric(b, errors="coerce").astype(float)
    text_bad = b.notna() & values.isna()
    problems = []
    if text_bad.any():
        codes = format_codes(b.index[text_bad])
        problems.append(InputError(f"not a number for {codes}", key="kernel.apportion.not_number_for", codes=codes))
    finite = values.dropna()
    neg = finite.index[finite < 0]
    if len(neg):
        problems.append(InputError(f"negative for {format_codes(neg)}", key="kernel.apportion.negative_for",
                                   codes=format_codes(neg)))
    frac = finite.index[(finite >= 0) & np.isfinite(finite) & (finite != np.floor(finite))]
    if len(frac):
        problems.append(InputError(f"not a whole number for {format_codes(frac)}", key="kernel.apportion.fraction_for",
                                   codes=format_codes(frac)))
    if which == "lower":
        inf = finite.index[np.isinf(finite)]
        if len(inf):
            problems.append(InputError(f"infinite for {format_codes(inf)}", key="kernel.apportion.infinite_for",
                                       codes=format_codes(inf)))
    huge = finite.index[np.isfinite(finite) & (finite > MAX_NUMBER)]
    if len(huge):
        problems.append(InputError(f"larger than {MAX_NUMBER:,} (2**53) for {format_codes(huge)}",
                                   key="kernel.apportion.larger_for", maximum=MAX_NUMBER, codes=format_codes(huge)))
    if problems:
        raise InputError(f"{which.capitalize()} bounds must be non-negative whole numbers (empty = no bound): "
                         + "; ".join(map(str, problems)) + ".",
                         key="kernel.apportion.lower_bad" if which == "lower" else "kernel.apportion.upper_bad",
                         problems=joined(problems))
    return values.reindex(index).to_numpy(dtype=float)


def _prepare(total, weights, lower, upper):
    """Validate everything; bounds come back as floats with NaN for "no bound"."""
    t = _check_total(total)
    w = _check_weights(weights)
    lo = _check_bounds(lower, weights.index, which="lower")
    hi = _check_bounds(upper, weights.index, which="upper")
    lo = np.full(len(w), np.nan) if lo is None else lo
    hi = np.full(len(w), np.nan) if hi is None else hi
    crossed = np.nan_to_num(lo, nan=0.0) > np.where(np.isnan(hi), np.inf, hi)
    if crossed.any():
        pairs = joined([InputError(f"{c} (lower {int(a)} > upper {int(b)})", key="kernel.apportion.pair", code=c,
                                   lower=int(a), upper=int(b))
                        for c, a, b in sorted(zip(_labels(weights.index[crossed]), lo[crossed], hi[crossed],
                                                  strict=True))[:20]], sep=", ")
        raise InputError(f"Bounds contradict each other: {pairs}.", key="kernel.apportion.crossed", pairs=pairs)
    return t, w, lo, hi


def _check_feasible(t: int, w: np.ndarray, lo: np.ndarray, hi: np.ndarray, index: pd.Index) -> None:
    if len(w) == 0:
        if t:
            raise InputError(f"Cannot apportion {t} over no regions.", key="kernel.apportion.no_regions", total=t)
        return
    low_sum = int(lo.sum())
    if low_sum > t:
        raise InputError(
            f"Infeasible bounds: the lower bounds add up to {low_sum:,}, {low_sum - t:,} more than the total "
            f"{t:,}. Lower some bounds or raise the total.",
            key="kernel.apportion.lower_too_high", low=low_sum, over=low_sum - t, total=t,
        )
    if t == 0:
        return
    positive = w > 0
    if not positive.any() and np.array_equal(lo, np.zeros(len(w))):
        raise InputError(f"All weights are zero; cannot apportion {t:,} over {format_codes(index)}.",
                         key="kernel.apportion.all_zero", total=t, codes=format_codes(index))
    # regions with zero weight never take more than their lower bound
    reach = np.where(positive, hi, lo).sum()
    if reach < t:
        zero_open = index[~positive & (hi > lo)]
        extra = (f" Regions with weight zero take no more than their lower bound: {format_codes(zero_open)}."
                 if len(zero_open) else "")
        raise InputError(
            f"Infeasible bounds: at most {int(reach):,} can be placed within the upper bounds, "
            f"{t - int(reach):,} short of the total {t:,}. Raise some upper bounds or lower the total.{extra}",
            key="kernel.apportion.upper_too_low_zero" if len(zero_open) else "kernel.apportion.upper_too_low",
            reach=int(reach), short=t - int(reach), total=t, codes=format_codes(zero_open),
        )


# ----------------------------------------------------------------------------- largest remainder

def _scaled_ints(w: np.ndarray) -> list[int]:
    """Return the weights as whole numbers on one common scale, exactly (floats are binary fractions)."""
    ratios = [float(x).as_integer_ratio() for x in w]
    scale = max((q for _, q in ratios), default=1)  # all powers of two, so the largest is a common multiple
    return [p * (scale // q) for p, q in ratios]


def _hamilton(total: int, w: np.ndarray, labels: np.ndarray):
    """Largest remainder without bounds: (result, quota, floor, order of remainders).

    ``order`` lists the positions by remainder rank (first = first to get a
    unit left over). Floors and remainders are computed exactly in integers
    (``T·w mod Σw`` on a common scale of the weights), so equal remainders
    are equal and the result does not depend on the order of the rows or on
    floating point rounding.
    """
    n = len(w)
    ints = _scaled_ints(w)
    wsum = sum(ints)
    if n == 0 or total == 0 or wsum == 0:
        zero = np.zeros(n, dtype=np.int64)
        return zero, np.zeros(n), zero.copy(), np.lexsort((labels, -w))
    num = [total * x for x in ints]
    base = np.array([x // wsum for x in num], dtype=np.int64)
    rem = [x % wsum for x in num]
    # sort by remainder desc, weight desc, label asc
    order = np.array(sorted(range(n), key=lambda i: (-rem[i], -w[i], labels[i])), dtype=np.int64)
    quota = np.array([x / wsum for x in num])  # int / int is correctly rounded
    result = base.copy()
    left = total - int(base.sum())
    if left:
        result[order[:left]] += 1
    return result, quota, base, order


def largest_remainder(total: int, weights: pd.Series) -> pd.Series:
    """Split ``total`` over ``weights`` by largest remainder (Hamilton).

    Each region gets the floor of its quota ``total * w / sum(w)``; the units
    left over go to the largest remainders.

    Parameters
    ----------
    total
        A non-negative whole number.
    weights
        Non-negative weights indexed by region; not all zero unless ``total`` is 0.

    Returns
    -------
    pandas.Series
        Integers (``int64``) indexed like ``weights``, summing to ``total``;
        each within the floor and ceiling of its quota.

    Raises
    ------
    InputError
        A total that is not a non-negative whole number; duplicate codes;
        negative, missing or (with a positive total) all-zero weights.

    Notes
    -----
    Ties between equal remainders go to the larger weight, then to the region
    that sorts first by its index label, so the result does not depend on the
    order of the rows.

    Examples
    --------
    >>> largest_remainder(5, pd.Series({"x": 2.0, "y": 1.0, "z": 0.0})).tolist()
    [3, 2, 0]
    >>> largest_remainder(5, pd.Series({"x": 0.0, "y": 0.0}))
    Traceback (most recent call last):
    ...
    regio.errors.InputError: All weights are zero; cannot apportion 5 over x, y.
    """
    total = _check_total(total)
    w = _check_weights(weights)
    if len(w) == 0:
        if total:
            raise InputError(f"Cannot apportion {total} over no regions.", key="kernel.apportion.no_regions",
                             total=total)
        return pd.Series([], index=weights.index, dtype="int64")
    if not (w > 0).any():
        if total == 0:
            return pd.Series(0, index=weights.index, dtype="int64")
        raise InputError(
            f"All weights are zero; cannot apportion {total} over {format_codes(weights.index)}.",
            key="kernel.apportion.all_zero", total=total, codes=format_codes(weights.index),
        )
    result = _hamilton(total, w, _labels(weights.index))[0]
    return pd.Series(result, index=weights.index, dtype="int64")


def largest_remainder_rows(totals: pd.Series, weights: pd.DataFrame) -> pd.DataFrame:
    """Split each row's total over that row's weights by largest remainder, as :func:`largest_remainder` does.

    The same result as ``largest_remainder(totals[r], weights.loc[r])`` for
    every row ``r``, with the weights checked once for the whole frame rather
    than per row (for hundreds of small splits, such as a municipality's
    population over five age bands).

    Parameters
    ----------
    totals
        Non-negative whole numbers indexed by row.
    weights
        Non-negative weights, one row per entry of ``totals`` (same index),
        one column per share; a row with a positive total needs a positive weight.

    Returns
    -------
    pandas.DataFrame
        Integers (``int64``) shaped like ``weights``; each row sums to its total.

    Raises
    ------
    InputError
        As :func:`largest_remainder`, or when ``totals`` and ``weights`` have different rows.

    Examples
    --------
    >>> w = pd.DataFrame({"a": [2.0, 1.0], "b": [1.0, 1.0], "c": [0.0, 1.0]}, index=["x", "y"])
    >>> largest_remainder_rows(pd.Series({"x": 5, "y": 2}), w)
       a  b  c
    x  3  2  0
    y  1  1  0
    >>> largest_remainder(2, w.loc["y"]).tolist()  # the same, one row at a time
    [1, 1, 0]
    """
    if not totals.index.equals(weights.index):
        raise InputError("The totals and the weights must have the same rows (the same index, in the same order).",
                         key="kernel.apportion.rows_differ")
    if weights.columns.has_duplicates:
        codes = format_codes(weights.columns[weights.columns.duplicated()])
        raise InputError(f"Duplicate columns in the weights: {codes}.", key="kernel.apportion.columns_duplicate",
                         codes=codes)
    labels = _labels(weights.columns)
    values = np.column_stack([_check_weights(weights[c].rename(None)) for c in weights.columns]) \
        if len(weights.columns) else np.zeros((len(weights), 0))
    out = np.zeros(values.shape, dtype=np.int64)
    for r, (code, total) in enumerate(totals.items()):
        total = _check_total(total)
        w = values[r]
        if total and not (w > 0).any():
            raise InputError(f"All weights are zero for {code}; cannot apportion {total:,} over "
                             f"{format_codes(weights.columns)}.", key="kernel.apportion.row_all_zero", code=code,
                             total=total, codes=format_codes(weights.columns))
        if len(w):
            out[r] = _hamilton(total, w, labels)[0]
    return pd.DataFrame(out, index=weights.index, columns=weights.columns)


def _bounded_classes(total: int, w: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Which regions sit at a bound in the bounded continuous solution: -1 lower, +1 upper, 0 free.

    Solves ``Σ clip(λ·w, lo, hi) = total`` exactly (rational arithmetic). A
    trial ``λ`` shares what the fixed regions leave over the free regions'
    weights. If the clipped sum over all regions at that ``λ`` falls short of
    the total, ``λ`` is below every solution, so each free region whose quota
    reaches its upper bound is truly held there; if it overshoots, each free
    region at or under its lower bound is truly held there; if it is exact,
    ``λ`` solves the problem and every violator sits at its bound. Each round
    fixes at least one region. Regions with weight zero stay at their lower
    bound.
    """
    fw = [Fraction(float(x)) for x in w]
    flo = [Fraction(int(x)) for x in lo]
    fhi = [None if math.isinf(x) else Fraction(int(x)) for x in hi]

    def clip(value: Fraction, i: int) -> Fraction:
        value = max(value, flo[i])
        return value if fhi[i] is None else min(value, fhi[i])

    state = np.where(w > 0, 0, -1)
    while True:
        free = np.flatnonzero(state == 0)
        if len(free) == 0:
            return state
        fixed = sum((flo[i] if state[i] < 0 else fhi[i] for i in np.flatnonzero(state != 0)), Fraction(0))
        lam = (total - fixed) / sum((fw[i] for i in free), Fraction(0))
        below = [i for i in free if lam * fw[i] <= flo[i]]
        above = [i for i in free if fhi[i] is not None and lam * fw[i] >= fhi[i]]
        if not below and not above:
            return state
        clipped = sum((clip(lam * fw[i], i) for i in range(len(fw))), Fraction(0))
        if clipped <= total:
            state[above] = 1
        if clipped >= total:
            state[below] = -1


def _hamilton_bounded(total, w, lo, hi, labels):
    """Largest remainder with bounds: (result, bounded quota, floor, state, order over free regions)."""
    state = _bounded_classes(total, w, lo, hi)
    while True:
        free = state == 0
        fixed_total = int(lo[state < 0].sum() + hi[state > 0].sum())
        res_f, quota_f, floor_f, order_f = _hamilton(total - fixed_total, w[free], labels[free])
        # floating point can only matter for a quota within an ulp of a bound: hold it there
        viol_lo, viol_hi = res_f < lo[free], res_f > hi[free]
        if not (viol_lo.any() or viol_hi.any()):
            break
        pos = np.flatnonzero(free)
        state[pos[viol_lo]] = -1
        state[pos[viol_hi]] = 1
    at_bound = np.where(state < 0, lo, np.where(state > 0, hi, 0.0))
    result, quota, floor = at_bound.astype(np.int64), at_bound.astype(float), at_bound.astype(np.int64)
    result[free], quota[free], floor[free] = res_f, quota_f, floor_f
    return result, quota, floor, state, np.flatnonzero(free)[order_f]


# ----------------------------------------------------------------------------- divisor methods

def _units_above(w: np.ndarray, q: float, offset: float) -> np.ndarray:
    """Approximate number of units whose average ``w / (k - 1 + offset)`` exceeds ``q`` (±1)."""
    return np.maximum(np.floor(w / q + 1 - offset), 0)


def _generous_start(total: int, w: np.ndarray, lo: np.ndarray, hi: np.ndarray, offset: float) -> np.ndarray:
    """Units certainly awarded, counted generously (the fallback when the divisor search cannot run).

    Those whose average exceeds a threshold ``q`` at which, even counting one unit too many per
    region, no more than the total would be handed out.
    """
    n, wsum = len(w), math.fsum(w)
    s = lo.astype(np.int64).copy()
    margin = 2 * n
    while margin < total:
        q = wsum / (total - margin)
        generous = np.clip(_units_above(w, q, offset) + 1, lo, hi).sum()
        if generous <= total:
            return np.clip(_units_above(w, q, offset) - 1, lo, hi).astype(np.int64)
        margin *= 2
    return s


def _counts_above(w: np.ndarray, d: float, offset: float, lo: np.ndarray, hi: np.ndarray,
                  cap: int) -> np.ndarray:
    """Units of each region whose average exceeds ``d``, exactly, held within its bounds.

    Unit ``k`` of a region (``k = 1, 2, ...``) has the average ``w / (k - 1 + offset)``; it exceeds
    ``d`` for ``k < w / d + 1 - offset``. That bound is computed in floating point, and where it lies
    so close to a whole number that rounding could decide the count, again in rational arithmetic,
    so the count is exact. Counts beyond ``cap`` are cut to ``cap + 1`` (they are too many anyway).
    """
    with np.errstate(over="ignore"):
        x = w / d + (1.0 - offset)
    x = np.minimum(x, float(cap) + 2.0)
    count = np.maximum(np.ceil(x) - 1.0, 0.0)
    # w / d and the shift are rounded once each: x is within 2 units in the last place (< 4.5e-16 |x|) of its
    # exact value, so a count can only be off where x lies that close to a whole number
    # exact value, so a count can only be off where x lies that close to a whole number, and it only matters
    # where the bounds do not hold the region anyway
    tol = 9e-16 * np.abs(x)
    below = np.clip(np.maximum(np.ceil(x - tol) - 1.0, 0.0), lo, hi)
    above = np.clip(np.maximum(np.ceil(x + tol) - 1.0, 0.0), lo, hi)
    near = np.flatnonzero((below != above) & (w > 0) & (x <= cap + 1.0))
    if len(near):
        fd, shift = Fraction(d), 1 - Fraction(offset)
        for i in near:
            count[i] = min(max(math.ceil(Fraction(float(w[i])) / fd + shift) - 1, 0), cap + 1)
    count = np.where(w > 0, count, 0.0)
    return np.clip(count, lo, hi)


def _bounded_start(total: int, w: np.ndarray, lo: np.ndarray, hi: np.ndarray, offset: float) -> np.ndarray | None:
    """Units certainly awarded: for a divisor ``d`` found by bisection, every unit whose average exceeds ``d``.

    With ``S(d) = Σ clip(#units of the region with average > d, lower, upper)``, a divisor with
    ``S(d) <= total`` awards only units among the ``total`` best (anything with an average above ``d``
    ranks before anything at or below it), so handing out the rest one at a time from there gives the
    same result as from the lower bounds. The bisection narrows ``d`` until ``S(d) = total`` or ``d``
    and the next float below it straddle the last units; then at most one unit per region (those whose
    averages tie at the divisor, or lie within a rounding step of it) is left. ``None`` when the
    divisor leaves the float range (weights hundreds of orders of magnitude apart).
    """
    open_ = (w > 0) & (lo < hi)
    if not open_.any():
        return None

    def count(d: float) -> tuple[np.ndarray, int]:
        s = _counts_above(w, d, offset, lo, hi, total).astype(np.int64)  # summed exactly, even beyond 2**53
        return s, int(s.sum())

    with np.errstate(over="ignore", divide="ignore"):
        top = float(np.max(w[open_] / (lo[open_] + offset)))  # no unit beyond the lower bounds has a larger average
    if not (math.isfinite(top) and top > 0):
        return None
    d_hi, s_hi = 2 * top, count(2 * top)[0]
    d = math.fsum(w) / total
    if not (math.isfinite(d) and 0 < d < d_hi):
        d = top
    s, got = count(d)
    d_lo = None
    while True:  # bracket: S(d_lo) > total >= S(d_hi)
        if got == total:
            return s
        if got > total:
            d_lo = d
            break
        d_hi, s_hi = d, s
        d = d / 16
        if not (math.isfinite(d) and d > 0):
            return None
        s, got = count(d)
    while True:
        mid = math.sqrt(d_lo) * math.sqrt(d_hi) if d_hi > 4 * d_lo else d_lo + (d_hi - d_lo) / 2
        if not d_lo < mid < d_hi:
            return s_hi
        s, got = count(mid)
        if got == total:
            return s
        if got > total:
            d_lo = mid
        else:
            d_hi, s_hi = mid, s


def _divisor(total, w, lo, hi, index, offset):
    """Highest averages with bounds: (result, divisor, state).

    Hands out the units above the lower bounds one at a time to the largest average
    ``w / (s + offset)`` among regions below their upper bound (exact rational averages; ties to the
    larger weight, then the code). Since every region's averages fall with each unit, this awards the
    ``total - Σ lower`` best units over all regions; :func:`_bounded_start` finds, by a divisor
    search that respects the bounds, the units certainly among them, so that only the last few (at
    most about one per region) are handed out one at a time.
    """
    n = len(w)
    s = lo.astype(np.int64).copy()
    start = _bounded_start(total, w, lo, hi, offset) if total - int(s.sum()) > 0 else None
    if start is not None:
        s = start.astype(np.int64)
    elif total - int(s.sum()) > 4 * n and math.fsum(w) > 0:  # divisor out of float range: the generous jump
        s = _generous_start(total, w, lo, hi, offset)
    rest = total - int(s.sum())
    # exact averages (rational), so that equal averages tie and are broken by weight, then code
    c = Fraction(offset)
    candidates = np.flatnonzero((w > 0) & (s < hi))
    if 0 < rest < len(candidates):  # only regions whose next average is among the `rest` best can receive
        nxt = w[candidates] / (s[candidates] + offset)
        cut = np.partition(nxt, len(nxt) - rest)[len(nxt) - rest]
        candidates = candidates[nxt >= cut * (1 - 1e-15)]  # one rounding each: order kept within an ulp
    candidates = candidates if rest else candidates[:0]
    labels = {i: str(index[i]) for i in candidates}  # codes as text break the last ties; only these are needed
    heap = [(-Fraction(float(w[i])) / (int(s[i]) + c), -w[i], labels[i], i) for i in candidates]
    heapq.heapify(heap)
    while rest > 0:
        _, _, _, i = heapq.heappop(heap)
        s[i] += 1
        rest -= 1
        if s[i] < hi[i]:
            heapq.heappush(heap, (-Fraction(float(w[i])) / (int(s[i]) + c), -w[i], labels[i], i))
    # a divisor that reproduces the result: between the largest average left out and the smallest awarded
    positive = w > 0
    awarded = w[(s > lo) & positive] / (s[(s > lo) & positive] - 1 + offset)
    left_out = w[(s < hi) & positive] / (s[(s < hi) & positive] + offset)
    last = float(awarded.min()) if len(awarded) else math.inf
    nxt_out = float(left_out.max()) if len(left_out) else 0.0
    if math.isinf(last):  # every unit was forced by a lower bound: any divisor above nxt will do
        last = 4 * nxt_out if nxt_out > 0 else math.nan
    divisor = (last + nxt_out) / 2
    state = np.where((s == lo) & (lo > 0), -1, np.where(s == hi, 1, 0))
    return s, divisor, state


def _scaled(w: np.ndarray) -> tuple[np.ndarray, int]:
    """Return the weights times ``2**e`` (the largest near ``2**511``) and ``e``; unscaled if that is not exact.

    Multiplying by a power of two changes no ratio, so the divisor methods give
    the same result; it keeps divisors and quotients of very small (even
    subnormal) weights away from underflow and overflow.
    """
    top = float(w.max()) if len(w) else 0.0
    if not top > 0:
        return w, 0
    e = 511 - math.frexp(top)[1]
    scaled = np.ldexp(w, e)
    if e < 0 and not np.array_equal(np.ldexp(scaled, -e), w):  # scaling down would lose tiny weights
        return w, 0
    return scaled, e


def _unscaled(divisor: float, e: int) -> float:
    """Return the divisor for the unscaled weights; NaN where it cannot be represented (0 or beyond float range)."""
    if not (math.isfinite(divisor) and divisor > 0):
        return math.nan
    try:
        value = math.ldexp(divisor, -e)
    except OverflowError:
        return math.nan
    return value if value > 0 else math.nan


def _quotients(w: np.ndarray, divisor: float) -> np.ndarray:
    """``w / divisor``; NaN where it cannot be computed or exceeds the float range (never inf)."""
    if not (math.isfinite(divisor) and divisor > 0):
        return np.full(len(w), np.nan)
    with np.errstate(over="ignore"):  # overflow is handled: such quotients are shown as missing
        q = w / divisor
    return np.where(np.isfinite(q), q, np.nan)


# ----------------------------------------------------------------------------- public API

def apportion_details(
    total: int,
    weights: pd.Series,
    *,
    method: str = "hamilton",
    lower: pd.Series | Mapping | None = None,
    upper: pd.Series | Mapping | None = None,
) -> pd.DataFrame:
    """Apportion ``total`` over ``weights`` and show every step of the rounding.

    Parameters
    ----------
    total
        A non-negative whole number.
    weights
        Non-negative weights indexed by region code (unique).
    method
        ``"hamilton"`` (largest remainder, default), ``"sainte-lague"`` or
        ``"dhondt"`` (aliases in :data:`METHODS`).
    lower, upper
        Optional whole-number bounds per region (a Series or mapping by region
        code; regions left out or NaN have no bound). Honoured exactly.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``weights``:

        * ``weight``, ``share`` (w/Σw), ``quota`` (total × share, ignoring bounds);
        * with bounds: ``lower``, ``upper`` and ``bound`` (``"lower"`` or
          ``"upper"`` if the region is held at that bound, else ``""``);
        * largest remainder: with bounds ``quota_bounded`` (``clip(λ·w,
          lower, upper)``, the quota that is rounded); ``floor`` (its whole
          part), ``remainder``, ``remainder_rank`` (1 = first in line for a
          unit left over; empty for regions held at a bound) and ``extra``
          (1 if it received one);
        * divisor methods: ``divisor``, ``quotient`` (weight / divisor) and
          ``rounded`` (down for D'Hondt, to the nearest whole number for
          Sainte-Laguë); never infinite: with weights so far apart (hundreds
          of orders of magnitude) that a divisor or quotient cannot be
          represented as a float it is left empty (NaN);
        * ``allocated``.

        ``attrs``: ``method``, ``total``, ``weight_sum``, ``left_over`` (units
        handed out by remainder) and ``divisor``.

    Raises
    ------
    InputError
        A total that is not a non-negative whole number; negative, missing or
        (with a positive total) all-zero weights, naming the regions; bounds
        that are not whole numbers, contradict each other (lower > upper) or
        the total (saying by how much); an unknown method.
    UnknownCodeError
        Bounds for regions that are not in ``weights``.

    Notes
    -----
    Largest remainder: ``allocated = floor + extra``; ``extra`` is 1 for the
    ``left_over`` regions with the best ``remainder_rank`` (ranked by
    remainder, then weight, then code); regions held at a bound get the bound.
    Divisor methods: ``allocated = median(lower, rounded, upper)``; only when
    two regions tie exactly for the last unit can ``rounded`` exceed
    ``allocated`` by one for the one that lost the tie (by weight, then code).

    Examples
    --------
    >>> t = apportion_details(10, pd.Series({"A": 4.0, "B": 3.0, "C": 2.0}))
    >>> t[["quota", "floor", "remainder_rank", "extra", "allocated"]].round(3)
       quota  floor  remainder_rank  extra  allocated
    A  4.444      4               1      1          5
    B  3.333      3               2      0          3
    C  2.222      2               3      0          2
    >>> t.attrs["left_over"]
    1
    >>> apportion_details(10, pd.Series({"A": 5.0, "B": 3.0, "C": 2.0}), method="dhondt")[
    ...     ["quotient", "rounded", "allocated"]]
       quotient  rounded  allocated
    A  5.454545        5          5
    B  3.272727        3          3
    C  2.181818        2          2
    """
    name = normalise_method(method)
    t, w, lo_given, hi_given = _prepare(total, weights, lower, upper)
    lo, hi = np.nan_to_num(lo_given, nan=0.0), np.where(np.isnan(hi_given), np.inf, hi_given)
    index = weights.index
    _check_feasible(t, w, lo, hi, index)
    has_bounds = lower is not None or upper is not None
    n = len(w)
    wsum = math.fsum(w)
    share = w / wsum if wsum > 0 else np.zeros(n)
    out = pd.DataFrame({"weight": w, "share": share, "quota": t * share}, index=index)
    if has_bounds:
        out["lower"] = _int_or_na(lo_given)
        out["upper"] = _int_or_na(hi_given)
    if name == "hamilton":
        if has_bounds and t > 0:
            result, quota, floor, state, order = _hamilton_bounded(t, w, lo, hi, _labels(index))
        else:
            result, quota, floor, order = _hamilton(t, w, _labels(index))
            state = np.zeros(n, dtype=int)
        rank = np.full(n, -1)
        rank[order] = np.arange(1, len(order) + 1)
        if has_bounds:
            out["bound"] = _bound_labels(state, lo_given, hi_given)
            out["quota_bounded"] = quota
        out["floor"] = floor
        out["remainder"] = np.where(state == 0, quota - floor, 0.0)
        out["remainder_rank"] = _int_or_na(np.where(rank > 0, rank, np.nan))
        out["extra"] = (result - floor).astype(np.int64)
        left_over, divisor = int(out["extra"].sum()), math.nan
    else:
        # the divisor methods are scale-free: compute on weights scaled by a power of two (exact), so that
        # tiny weights neither underflow the divisor to zero nor divide by it
        scaled, exponent = _scaled(w)
        if t == 0:
            result, scaled_divisor, state = lo.astype(np.int64), math.nan, np.zeros(n, dtype=int)
        else:
            result, scaled_divisor, state = _divisor(t, scaled, lo, hi, index, _OFFSET[name])
        if has_bounds:
            out["bound"] = _bound_labels(state, lo_given, hi_given)
        quotient = _quotients(scaled, scaled_divisor)
        divisor = _unscaled(scaled_divisor, exponent)
        out["divisor"] = divisor
        out["quotient"] = quotient
        out["rounded"] = _int_or_na(np.floor(quotient + (0.5 if name == "sainte-lague" else 0.0)))
        left_over = 0
    out["allocated"] = pd.Series(result, index=index, dtype="int64")
    out.attrs.update({"method": name, "total": t, "weight_sum": wsum, "left_over": left_over,
                      "divisor": divisor})
    return out


def _int_or_na(values: np.ndarray) -> pd.arrays.IntegerArray:
    v = np.asarray(values, dtype=float)
    ok = np.isfinite(v)
    if np.any(np.abs(v[ok]) >= 2.0**63):  # beyond int64: let pandas say so, as for any other value
        return pd.array([pd.NA if not np.isfinite(x) else int(x) for x in v], dtype="Int64")
    return pd.arrays.IntegerArray(np.where(ok, v, 0.0).astype(np.int64), ~ok)


def _bound_labels(state: np.ndarray, lo_given: np.ndarray, hi_given: np.ndarray) -> np.ndarray:
    """``"lower"``/``"upper"`` where a region is held at a bound that was given, else ``""``."""
    return np.where((state < 0) & ~np.isnan(lo_given), "lower",
                    np.where((state > 0) & ~np.isnan(hi_given), "upper", ""))


def apportion(
    total: int,
    weights: pd.Series,
    *,
    method: str = "hamilton",
    lower: pd.Series | Mapping | None = None,
    upper: pd.Series | Mapping | None = None,
) -> pd.Series:
    """Split ``total`` over ``weights`` in whole numbers that add up exactly.

    See :func:`apportion_details` for the rules; this returns only the
    ``allocated`` column.

    Parameters
    ----------
    total
        A non-negative whole number.
    weights
        Non-negative weights indexed by region code (unique).
    method
        ``"hamilton"`` (largest remainder, default), ``"sainte-lague"`` or
        ``"dhondt"`` (aliases in :data:`METHODS`).
    lower
        Optional whole-number lower bound per region (Series or mapping;
        regions left out or NaN have none).
    upper
        Optional whole-number upper bound per region, likewise.

    Returns
    -------
    pandas.Series
        ``int64`` indexed like ``weights``, named ``allocated``, summing to ``total``.

    Raises
    ------
    InputError
        As :func:`apportion_details`: a bad total, bad weights, bounds that
        contradict each other or the total, an unknown method.
    UnknownCodeError
        Bounds for regions that are not in ``weights``.

    Examples
    --------
    >>> w = pd.Series({"A": 60.0, "B": 30.0, "C": 10.0})
    >>> apportion(10, w, method="sainte-lague").tolist()
    [6, 3, 1]
    >>> apportion(10, w, upper={"A": 5}).tolist()
    [5, 4, 1]
    >>> apportion(10, w, lower={"A": 8, "B": 4})
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Infeasible bounds: the lower bounds add up to 12, 2 more than the total 10. ...
    """
    return apportion_details(total, weights, method=method, lower=lower, upper=upper)["allocated"].rename("allocated")
