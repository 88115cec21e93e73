"""Time of the bounded divisor methods at PC4, against a numpy float floor apportionment in the same run.

Run: ``REGIO_DATA_DIR=../shared/data python benchmarks/apportion_bounds.py [--reference]``.

Weights are the inhabitants per PC4 area on 1 January 2021 (``regio.population("pc4", 2021)``, about
4,000 areas). Every 5th area has an upper bound of 90% of its quota, so the bounds bind, and every 7th a
lower bound of 1. Totals run from the advice (1,026) over a population-sized 17,942,942 to 2**53. The
anchor is the cheapest apportionment there is: ``numpy.floor`` of the float quotas and the units left
over to the largest float remainders (no bounds, no exact ties), timed on the same weights in the same
run, so the ratio holds across machines. ``--reference`` also times the former one-unit-at-a-time
handing out at the largest total (seconds) and checks that the results are identical.
Without the data directory it says so and stops.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import pandas as pd

import regio
from regio.apportion import apportion
from regio.errors import RegioError

TOTALS = (1_026, 100_000, 17_942_942, 10**9, 10**12, 2**53)


def _best(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _float_floor(total: int, w: np.ndarray) -> np.ndarray:
    quota = total * w / w.sum()
    out = np.floor(quota).astype(np.int64)
    left = total - int(out.sum())
    if left:
        out[np.argpartition(-(quota - out), left)[:left]] += 1
    return out


def _one_at_a_time(total, w, lower, upper, method):
    """The former implementation (in tests/core/test_apportion.py), on the same problem."""
    sys.path.insert(0, "tests/core")
    from test_apportion import _divisor_one_at_a_time

    from regio.apportion import _OFFSET, _scaled

    lo = lower.reindex(w.index).fillna(0).to_numpy(float)
    hi = upper.reindex(w.index).to_numpy(float)
    hi = np.where(np.isnan(hi), np.inf, hi)
    labels = np.asarray([str(i) for i in w.index])
    return _divisor_one_at_a_time(total, _scaled(w.to_numpy(float))[0], lo, hi, labels, _OFFSET[method])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", action="store_true", help="also time the one-at-a-time handing out")
    args = parser.parse_args()
    try:
        pop = regio.population("pc4", 2021)["population"].astype(float)
    except (RegioError, OSError) as exc:
        print(f"skipped: no PC4 population in the data directory ({exc})")
        return
    pop = pop[pop > 0]
    w = pop.to_numpy()
    print(f"PC4 areas: {len(pop):,}, inhabitants {int(w.sum()):,}")
    print(f"{'total':>21} {'method':>13} {'regio ms':>9} {'float ms':>9} {'ratio':>7} {'at upper':>9}")
    for total in TOTALS:
        lower = pd.Series(1, index=pop.index[::7])
        upper = (pop.iloc[::5] / pop.sum() * total * 0.9).round().astype(int).clip(lower=1)
        anchor = _best(lambda: _float_floor(total, w))  # noqa: B023
        for method in ("sainte-lague", "dhondt"):
            seconds = _best(lambda: apportion(total, pop, method=method, lower=lower, upper=upper))  # noqa: B023
            got = apportion(total, pop, method=method, lower=lower, upper=upper)
            held = int((got[upper.index] == upper).sum())
            print(f"{total:>21,} {method:>13} {seconds * 1e3:>9.2f} {anchor * 1e3:>9.3f} "
                  f"{seconds / anchor:>6.0f}x {held:>9,}")
            if args.reference and total == 17_942_942:
                t0 = time.perf_counter()
                ref = _one_at_a_time(total, pop, lower, upper, method)
                slow = time.perf_counter() - t0
                same = ref.tolist() == got.tolist()
                print(f"{'':>21} {'one at a time':>13} {slow * 1e3:>9.0f} ms, {slow / seconds:.0f}x slower; "
                      f"identical: {same}")


if __name__ == "__main__":
    main()
