"""2SFCA at PC4: regio.access against PySAL ``access`` on the same points, end to end and core alone.

Run: ``python benchmarks/access_vs_pysal.py [--repeat 5] [--catchment-km 5]``. Needs the data directory
(REGIO_DATA_DIR) and PySAL ``access`` (a test dependency).

Both start from the same PC4 points (x, y in EPSG:28992, inhabitants, practices; from
``regio.data.pc4_points``). *End to end* is what a user runs from those points to the access per PC4:
for regio ``regio.access.pc4_access`` (KD-tree pairs, both steps, the nearest distance); for PySAL the
cheapest cost table a user would write (a KD-tree for the pairs within the catchment between every
point and the points with practices, as a long DataFrame of origin, destination and distance) plus
``Access(...).two_stage_fca``. *Core* is the two
steps alone, each handed its pairs. The results are checked equal (1e-9 relative) before timing. Times
are medians of CPU seconds over interleaved rounds; ratios below 1 mean regio is faster.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

import numpy as np
import pandas as pd


def _pysal_cost(points: pd.DataFrame, radius: float) -> pd.DataFrame:
    from scipy.spatial import cKDTree

    xy = points[["x", "y"]].to_numpy()
    has = points["n_practices"].to_numpy() > 0  # only destinations with supply: the smallest table
    pairs = cKDTree(xy).sparse_distance_matrix(cKDTree(xy[has]), radius, output_type="ndarray")
    ids = points.index.to_numpy()
    return pd.DataFrame({"origin": ids[pairs["i"]], "dest": ids[has][pairs["j"]], "cost": pairs["v"]})


def _pysal(points: pd.DataFrame, cost: pd.DataFrame, radius: float) -> pd.Series:
    import access

    ids = points.index.to_numpy()
    model = access.Access(demand_df=pd.DataFrame({"geoid": ids, "pop": points["population"].to_numpy()}),
                          demand_index="geoid", demand_value="pop",
                          supply_df=pd.DataFrame({"geoid": ids, "doc": points["n_practices"].to_numpy(float)}),
                          supply_index="geoid", supply_value="doc", cost_df=cost, cost_origin="origin",
                          cost_dest="dest", cost_name="cost")
    return model.two_stage_fca(name="a", max_cost=radius).iloc[:, 0].reindex(points.index).fillna(0.0)


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--catchment-km", type=float, default=5.0)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # PySAL access uses pandas' deprecated inplace=
    from regio.access import catchment_pairs, pc4_access, two_step_fca
    from regio.data import pc4_points

    radius = args.catchment_km * 1000
    points = pd.DataFrame(pc4_points(2024).frame.drop(columns="geometry"))
    points["population"] = points["population"].fillna(0.0)
    points = points[["x", "y", "population", "n_practices"]]
    ours = pc4_access(points, catchment_km=args.catchment_km, decay="none")["access"]
    cost = _pysal_cost(points, radius)
    theirs = _pysal(points, cost, radius)
    np.testing.assert_allclose(ours.to_numpy(), theirs.to_numpy(), rtol=1e-9, atol=1e-15)
    xy = points[["x", "y"]].to_numpy()
    has = points["n_practices"].to_numpy() > 0
    pairs = catchment_pairs(xy, xy[has], radius, "none")
    pop, supply = points["population"].to_numpy(), points["n_practices"].to_numpy(float)[has]
    runs = {
        "regio end to end": lambda: pc4_access(points, catchment_km=args.catchment_km, decay="none"),
        "pysal end to end (cost table + 2SFCA)": lambda: _pysal(points, _pysal_cost(points, radius), radius),
        "regio core": lambda: two_step_fca(pop, supply, pairs),
        "pysal core": lambda: _pysal(points, cost, radius),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, fn in runs.items():
            times[name].append(_cpu(fn))
    med = {name: statistics.median(v) for name, v in times.items()}
    print(f"{len(points)} PC4 points, {len(cost):,} pairs within {args.catchment_km:g} km (PySAL's cost table), "
          f"{len(pairs):,} demand-supply pairs (regio's)")
    for name, value in med.items():
        print(f"{name:42s} {value * 1000:8.1f} ms CPU")
    print(f"ratio end to end regio/pysal: {med['regio end to end'] / med['pysal end to end (cost table + 2SFCA)']:.3f}")
    print(f"ratio core regio/pysal:       {med['regio core'] / med['pysal core']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
