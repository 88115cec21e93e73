"""Time of regio.apportion per method, region count and total, with and without bounds.

Run: ``python benchmarks/apportion_speed.py``. No data needed: weights are random (seeded), the
sizes are those of regio's levels (12 provinces, 342 municipalities, ~4,000 PC4 areas) and totals
from the advice (1,026) up to a population-sized total (17.9 million, where the divisor methods
search for a divisor within the bounds before handing out the last units one by one; see also
``benchmarks/apportion_bounds.py`` on the real PC4 inhabitants).
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from regio.apportion import apportion


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    rng = np.random.default_rng(0)
    print(f"{'regions':>8} {'total':>11} {'method':>13} {'bounds':>7} {'seconds':>9}")
    for n in (12, 342, 4000):
        w = pd.Series(rng.lognormal(10, 1, n), index=[f"R{i:05d}" for i in range(n)])
        for total in (1026, 17_942_942):
            lower = pd.Series(1, index=w.index[::7])
            upper = (w.iloc[::5] / w.sum() * total * 0.9).round().astype(int).clip(lower=1)  # binds for some
            for method in ("hamilton", "sainte-lague", "dhondt"):
                for bounded in (False, True):
                    kw = {"lower": lower, "upper": upper} if bounded else {}
                    try:
                        seconds = _time(lambda: apportion(total, w, method=method, **kw))  # noqa: B023
                    except ValueError as exc:  # bounds infeasible for this total
                        print(f"{n:>8} {total:>11,} {method:>13} {bounded!s:>7} {'-':>9}  ({exc})")
                        continue
                    print(f"{n:>8} {total:>11,} {method:>13} {bounded!s:>7} {seconds:>9.4f}")


if __name__ == "__main__":
    main()
