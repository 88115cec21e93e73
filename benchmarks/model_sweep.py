"""Time of ``regio.model.sweep`` on many scenarios against the per-scenario loop of ``intake_advice``, in one run.

Run: ``python benchmarks/model_sweep.py [--scenarios 10000] [--loop 200]``. No data needed: the
scenarios are uncertainty draws around the 2025 round typed into ``example_parameters`` (every factor
of ``regio.model.uncertainty`` moves, and with it every parameter it moves). The loop anchor applies each row to the
parameters (``GPParameters.replace``) and calls ``intake_advice``, on the first ``--loop`` scenarios only,
and its time is extrapolated linearly to all scenarios (each call is independent, so it scales with
their number); the loop's results are checked against the sweep's (largest relative difference).
The ratio holds across machines; the seconds are this machine's.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from regio.model import example_parameters, intake_advice, sweep
from regio.model.uncertainty import _frame, uncertainty_factors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=10_000)
    parser.add_argument("--loop", type=int, default=200, help="scenarios the loop runs (extrapolated to all)")
    args = parser.parse_args()
    p = example_parameters()
    factors = uncertainty_factors(p)
    z = np.random.default_rng(0).triangular(-1.0, 0.0, 1.0, size=(args.scenarios, len(factors)))
    frame = _frame(factors, z, pd.RangeIndex(args.scenarios))
    sweep(p, frame.iloc[:10])  # warm up
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = sweep(p, frame)
        runs.append(time.perf_counter() - t0)
    vec = min(runs)
    subset = frame.iloc[: args.loop]
    t0 = time.perf_counter()
    loop = [intake_advice(p.replace(**row)).advice for row in subset.to_dict("records")]
    per = (time.perf_counter() - t0) / len(subset)
    extrapolated = per * args.scenarios
    rel = np.max(np.abs(result["advice"].to_numpy()[: len(loop)] - loop) / np.abs(loop))
    print(f"scenarios {args.scenarios:,}; parameters varied {frame.shape[1]}")
    print(f"sweep           {vec:8.3f} s  ({vec / args.scenarios * 1e6:.1f} µs a scenario; best of 3)")
    print(f"loop            {extrapolated:8.1f} s  (intake_advice {per * 1e3:.2f} ms a scenario, measured on "
          f"{len(subset)}, extrapolated)")
    print(f"ratio loop/sweep {extrapolated / vec:7.0f}x; largest relative difference {rel:.1e}")


if __name__ == "__main__":
    main()
