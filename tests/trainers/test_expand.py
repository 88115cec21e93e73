"""Expansion planning: k = 0 is the nearest location, the objective falls with k, brute force agrees."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from regio.errors import InputError
from regio.trainers.expand import brute_force, expansion_core, expansion_plan


def _case(seed: int, units: int = 14, existing: int = 2, candidates: int = 6):
    rng = np.random.default_rng(seed)
    pts = rng.uniform(0, 100, size=(units, 2))
    locs = rng.uniform(0, 100, size=(existing + candidates, 2))
    names = [f"E{i}" for i in range(existing)] + [f"C{i}" for i in range(candidates)]
    d = np.hypot(pts[:, None, 0] - locs[None, :, 0], pts[:, None, 1] - locs[None, :, 1])
    cost = pd.DataFrame(d, index=[f"GM{i:04d}" for i in range(units)], columns=names)
    weights = pd.Series(rng.integers(1_000, 100_000, units).astype(float), index=cost.index)
    return cost, weights, names[:existing]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_milp_equals_brute_force_on_small_cases(seed):
    cost, weights, existing = _case(seed)
    for k in range(0, 4):
        milp = expansion_core(cost, weights, existing=existing, k=k)
        brute = brute_force(cost, weights, existing=existing, k=k)
        assert milp.objective == pytest.approx(brute.objective, rel=1e-9)
        assert len(milp.opened) == k


def test_k0_is_the_nearest_existing_location_and_the_objective_never_rises():
    cost, weights, existing = _case(5, units=30, existing=3, candidates=10)
    table, solves = expansion_plan(cost, weights, existing=existing, institute_of={e: e.lower() for e in existing},
                                   ks=range(0, 6))
    assert (solves[0].location == cost[existing].idxmin(axis=1)).all()
    objectives = [solves[k].objective for k in range(6)]
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(objectives))
    # every municipality taken over by a new location is nearer to it than to any existing one
    for k in range(1, 6):
        sol = solves[k]
        for code, where in sol.location.items():
            assert cost.at[code, where] == pytest.approx(cost.loc[code, [*existing, *sol.opened]].min())
    assert set(table.loc[table["k"] == 3, "location"]) == set(solves[3].opened)


def test_bad_inputs_are_refused():
    cost, weights, existing = _case(0)
    with pytest.raises(InputError, match="k must be a whole number"):
        expansion_core(cost, weights, existing=existing, k=99)
    with pytest.raises(InputError, match="Existing locations not in the cost matrix"):
        expansion_core(cost, weights, existing=["nope"], k=1)


def test_real_k0_reproduces_the_nearest_areas(real_data):
    from regio import data
    from regio.recruitment import assign_nearest
    from regio.sources.geodata import institutes
    from regio.trainers.expand_run import run_expansion

    res = run_expansion(range(0, 3), data_dir=real_data)
    centres = data.population_centres(2024, data_dir=real_data)
    nearest = assign_nearest(centres, institutes())["institute"]
    assert (res.municipal["institute_k0"] == nearest.reindex(res.municipal.index)).all()
    first = res.table.groupby("k")["objective_inhabitant_km"].first()
    assert first.is_monotonic_decreasing and first.iloc[-1] < first.iloc[0]
    assert (res.table.loc[res.table["k"] == 2, "location"] != "").sum() == 2
