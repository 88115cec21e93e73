"""Apportion an integer total over regions so that the parts add up exactly.

The core used everywhere regio turns fractional shares into whole numbers:
carrying counts through municipal mergers, age bands from rounded
percentages, splitting national advice over regions.

Examples
--------
>>> import pandas as pd
>>> largest_remainder(10, pd.Series({"a": 1.0, "b": 1.0, "c": 1.0})).to_dict()
{'a': 4, 'b': 3, 'c': 3}
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from regio.errors import InputError, format_codes

__all__ = ["largest_remainder"]


def _check_weights(weights: pd.Series) -> np.ndarray:
    w = pd.to_numeric(weights, errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(w) | (w < 0)
    if bad.any():
        raise InputError(
            f"Weights must be finite and non-negative; bad weights for: {format_codes(weights.index[bad])}."
        )
    return w


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

    Notes
    -----
    Ties between equal remainders go to the larger weight, then to the region
    that sorts first by its index label, so the result does not depend on the
    order of the rows.
    """
    if isinstance(total, float) and not float(total).is_integer():
        raise InputError(f"Total must be a whole number, got {total!r}.")
    total = int(total)
    if total < 0:
        raise InputError(f"Total must be non-negative, got {total}.")
    w = _check_weights(weights)
    if len(w) == 0:
        if total:
            raise InputError(f"Cannot apportion {total} over no regions.")
        return pd.Series([], index=weights.index, dtype="int64")
    wsum = w.sum()
    if wsum <= 0:
        if total == 0:
            return pd.Series(0, index=weights.index, dtype="int64")
        raise InputError(
            f"All weights are zero; cannot apportion {total} over {format_codes(weights.index)}."
        )
    quota = total * w / wsum
    base = np.floor(quota)
    # guard against floating point: floor may exceed by an ulp
    base = np.minimum(base, quota).astype(np.int64)
    left = total - int(base.sum())
    if left:
        rem = quota - base
        labels = np.asarray([str(i) for i in weights.index])
        # sort by remainder desc, weight desc, label asc
        order = np.lexsort((labels, -w, -rem))
        base[order[:left]] += 1
    return pd.Series(base, index=weights.index, dtype="int64")
