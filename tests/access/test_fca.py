"""The 2SFCA core against PySAL ``access`` and a dense numpy computation, on made-up points (fixtures)."""


from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.access import catchment_pairs, decay_weights, nearest_distance, pc4_access, provision_table, region_access
from regio.access.fca import two_step_fca
from regio.errors import InputError

access = pytest.importorskip("access")

pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword")  # inside PySAL access, with pandas 3


def _points(n: int = 300, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 40_000, size=(n, 2))
    pop = rng.integers(0, 8_000, size=n).astype(float)
    practices = rng.poisson(0.8, size=n)
    return pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "population": pop, "n_practices": practices},
                        index=[f"{1000 + i}" for i in range(n)])


def _dense(points: pd.DataFrame, radius: float, decay: str) -> np.ndarray:
    xy = points[["x", "y"]].to_numpy()
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    w = np.where(d <= radius, decay_weights(np.minimum(d, radius), radius, decay), 0.0)
    pop, s = points["population"].to_numpy(), points["n_practices"].to_numpy().astype(float)
    reached = w.T @ pop
    ratio = np.divide(s, reached, out=np.zeros_like(s), where=reached > 0)
    return w @ ratio


def _pysal(points: pd.DataFrame, radius: float, decay: str) -> pd.Series:
    pairs = catchment_pairs(points[["x", "y"]].to_numpy(), points[["x", "y"]].to_numpy(), radius, "none")
    ids = points.index.to_numpy()
    cost = pd.DataFrame({"origin": ids[pairs.demand], "dest": ids[pairs.supply], "cost": pairs.distance_m})
    demand = pd.DataFrame({"geoid": ids, "pop": points["population"].to_numpy()})
    supply = pd.DataFrame({"geoid": ids, "doc": points["n_practices"].to_numpy().astype(float)})
    model = access.Access(demand_df=demand, demand_index="geoid", demand_value="pop", supply_df=supply,
                          supply_index="geoid", supply_value="doc", cost_df=cost, cost_origin="origin",
                          cost_dest="dest", cost_name="cost")
    if decay == "none":
        out = model.two_stage_fca(name="a", max_cost=radius)
    else:
        out = model.enhanced_two_stage_fca(name="a", max_cost=radius,
                                           weight_fn=lambda d: decay_weights(np.asarray(d), radius, "gaussian"))
    return out.iloc[:, 0].reindex(points.index).fillna(0.0)


@pytest.mark.parametrize("decay", ["none", "gaussian"])
def test_two_step_fca_equals_pysal_access_and_a_dense_computation(decay):
    points = _points()
    got = pc4_access(points, catchment_km=5, decay=decay)["access"]
    np.testing.assert_allclose(got.to_numpy(), _dense(points, 5_000, decay), rtol=1e-12, atol=0)
    np.testing.assert_allclose(got.to_numpy(), _pysal(points, 5_000, decay).to_numpy(), rtol=1e-9, atol=1e-15)


def test_demand_weighted_access_adds_up_to_the_supply_reached():
    points = _points(seed=7)
    t = pc4_access(points, catchment_km=3, decay="gaussian")
    reached = catchment_pairs(points[["x", "y"]].to_numpy(), points[["x", "y"]].to_numpy(), 3_000, "gaussian")
    has_demand = np.bincount(reached.supply, weights=reached.weight * points["population"].to_numpy()[reached.demand],
                             minlength=len(points)) > 0
    assert t["effective"].sum() == pytest.approx(points["n_practices"].to_numpy()[has_demand].sum(), rel=1e-12)


def test_supply_without_demand_in_reach_serves_no_one():
    xy = np.array([[0.0, 0.0], [100_000.0, 0.0]])
    pairs = catchment_pairs(xy, xy, 5_000, "none")
    access_, ratio = two_step_fca(np.array([1_000.0, 0.0]), np.array([1.0, 3.0]), pairs)
    assert access_.tolist() == [1 / 1_000, 0.0]
    assert np.isnan(ratio[1])


def test_pairs_at_the_edge_are_in_and_beyond_are_out():
    pairs = catchment_pairs(np.array([[0.0, 0.0]]), np.array([[5_000.0, 0.0], [5_000.001, 0.0]]), 5_000, "none")
    assert pairs.supply.tolist() == [0]


def test_nearest_distance_and_far_flag():
    points = pd.DataFrame({"x": [0.0, 3_000.0, 9_000.0], "y": 0.0, "population": [10.0, 10.0, 10.0],
                           "n_practices": [1, 0, 0]}, index=["a", "b", "c"])
    t = pc4_access(points, catchment_km=5, decay="none", far_km=5)
    assert t["nearest_km"].tolist() == [0.0, 3.0, 9.0]
    assert t["far"].tolist() == [False, False, True]
    assert region_access(t, pd.Series("R", index=t.index))["share_far"].iloc[0] == pytest.approx(1 / 3)


def test_need_weighting_moves_supply_towards_older_areas():
    points = pd.DataFrame({"x": [0.0, 1_000.0], "y": 0.0, "population": [100.0, 100.0], "n_practices": [1, 0],
                           "age_0_49": [100.0, 0.0], "age_50plus": [0.0, 100.0]}, index=["young", "old"])
    use = pd.Series({"age_0_49": 0.5, "age_50plus": 1.5})
    plain = pc4_access(points, decay="none", use=use)
    weighted = pc4_access(points, decay="none", need=True, use=use)
    assert plain["effective"].tolist() == pytest.approx([0.5, 0.5])
    assert weighted["effective"].tolist() == pytest.approx([0.25, 0.75])
    with pytest.raises(InputError, match="age band"):
        pc4_access(points.drop(columns=["age_0_49", "age_50plus"]), need=True)


def test_provision_is_recomputable_and_needed_sums():
    points = _points(seed=3)
    regions = region_access(pc4_access(points), pd.Series([f"R{i % 7}" for i in range(len(points))],
                                                          index=points.index))
    t = provision_table(regions, bands=(80, 120))
    norm = t["effective"].sum() / t["need"].sum() * 10_000
    assert t["norm_per_10k"].eq(norm).all()
    pct = t["effective"] / (t["need"] * norm / 10_000) * 100
    np.testing.assert_allclose(t["provision_pct"], pct, rtol=1e-12)
    band = np.where(pct < 80, "under", np.where(pct > 120, "over", "around"))
    assert t["band"].astype(str).tolist() == band.tolist()
    assert t["needed"].sum() == pytest.approx((t["expected"] - t["effective"]).clip(lower=0).sum())
    assert (t["effective"] * 1).sum() == pytest.approx(t["expected"].sum())  # the country at 100%


def test_bad_input_is_refused_with_the_reason():
    points = _points(n=5)
    with pytest.raises(InputError, match="missing x"):
        pc4_access(points.drop(columns="x"))
    bad = points.assign(n_practices=[1, -1, 0, 0, 0])
    with pytest.raises(InputError, match="negative"):
        pc4_access(bad)
    with pytest.raises(InputError, match="no supply"):
        pc4_access(points.assign(n_practices=0))
    with pytest.raises(InputError, match="decay"):
        catchment_pairs(np.zeros((1, 2)), np.zeros((1, 2)), 5, "linear")
    with pytest.raises(InputError, match="finite"):
        catchment_pairs(np.array([[np.nan, 0.0]]), np.zeros((1, 2)), 5)
    with pytest.raises(InputError, match="no supply point"):
        nearest_distance(np.zeros((1, 2)), np.zeros((0, 2)))


def test_inputs_are_not_mutated():
    points = _points(n=50)
    before = points.copy()
    pc4_access(points, need=False)
    pd.testing.assert_frame_equal(points, before)
