"""The vectorised model (regio.model.sweep) against the scalar one (regio.model.core), scenario by scenario."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.errors import InputError
from regio.model import SCENARIOS, apply_overrides, example_parameters, intake_advice, project, sweep
from regio.model.parameters import COHORT_SUFFIXES
from regio.model.sweep import _as_params, sweep_paths, sweep_values

STEPS5 = ("vijf", "tien", "vijftien", "twintig")
STEPS_R = ("1jaar", "5jaar", "10jaar", "15jaar")


def random_overrides(n: int, seed: int) -> pd.DataFrame:
    """n scenarios moving most parameters at once, years and training durations included.

    The extern rendement is drawn so that its extrapolation after 15 years often reaches 1 (rising)
    or 0 (falling steeply) within the horizon: the cut-off the closed form has to get right.
    """
    rng = np.random.default_rng(seed)
    p = example_parameters()
    cols: dict[str, np.ndarray] = {}
    u = lambda a, b: rng.uniform(a, b, n)  # noqa: E731
    cols["aanbod_personen"] = u(12_000, 16_000)
    cols["per_vrouw_basis"] = u(0.4, 0.8)
    for sex in ("vrouw", "man"):
        cols[f"fte_{sex}_basis"] = u(0.6, 0.9)
        for t in STEPS5:
            cols[f"fte_{sex}_basis_{t}"] = u(0.55, 1.0)
        cols.update(zip((f"uitstroom_{sex}_basis_{t}" for t in STEPS5),
                        np.sort(rng.uniform(0.0, 0.9, (4, n)), axis=0), strict=True))
    for sfx in COHORT_SUFFIXES:
        cols[f"n_inopleiding_perjaar{sfx}"] = u(500, 1200)
        cols[f"per_vrouw_opleiding{sfx}"] = u(0.5, 0.9)
        cols[f"opleidingsduur{sfx}"] = u(2.5, 4.3)
        cols[f"intern_rendement{sfx}"] = u(0.8, 1.0)
        for sex in ("vrouw", "man"):
            shape = rng.integers(0, 3, n)  # 0 gentle decline, 1 rising to 1 after 15 years, 2 falling to 0
            pts = np.sort(rng.uniform(0.7, 1.0, (4, n)), axis=0)[::-1]
            rising = np.vstack([u(0.85, 0.95), u(0.85, 0.95), u(0.85, 0.93), u(0.97, 1.0)])
            falling = np.vstack([u(0.9, 1.0), u(0.8, 0.9), u(0.6, 0.8), u(0.0, 0.3)])
            pts = np.where(shape == 1, rising, np.where(shape == 2, falling, pts))
            cols.update(zip((f"extern_rendement_{sex}_{t}{sfx}" for t in STEPS_R), pts, strict=True))
    cols["n_buitenland"] = u(0, 60)
    cols["per_vrouw_buitenland"] = u(0, 1)
    cols["rendement_buitenland"] = u(0.5, 1)
    cols["onv_vraag"] = u(-0.02, 0.12)
    cols.update(zip((f"demo_{t}" for t in (5, 10, 15, 20)), np.sort(rng.uniform(-0.05, 0.25, (4, n)), axis=0),
                    strict=True))
    for f in ("epi", "soc", "vak", "eff", "hor", "ver"):
        cols[f] = u(-0.015, 0.025)
    cols["tijd"] = u(-0.01, 0.02)
    cols["bijsturingsjaar"] = rng.integers(p.basisjaar + 1, p.basisjaar + 4, n).astype(float)
    cols["trendjaar"] = rng.integers(p.basisjaar, p.basisjaar + 16, n).astype(float)
    cols["evenwichtsjaar2"] = rng.integers(p.basisjaar + 11, p.basisjaar + 21, n).astype(float)
    return pd.DataFrame(cols, index=pd.RangeIndex(n, name="scenario"))


def one_by_one(params, frame: pd.DataFrame, scenario: str) -> pd.DataFrame:
    rows = {}
    for i, row in frame.iterrows():
        q = params.replace(**{k: (int(v) if k in ("bijsturingsjaar", "trendjaar", "evenwichtsjaar2") else float(v))
                              for k, v in row.items()})
        a = intake_advice(q, scenario=scenario)
        rows[i] = {"advice": a.advice, "current_intake": a.current_intake, "demand_fte": a.demand_fte,
                   "supply_fte": a.supply_fte, "supply_without_intake_fte": a.supply_without_intake_fte,
                   "fte_per_trainee": a.fte_per_trainee, "gap_fte": a.gap_fte, "year": a.year}
    return pd.DataFrame.from_dict(rows, orient="index")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_sweep_equals_intake_advice_on_100_random_scenarios(scenario):
    p = example_parameters()
    frame = random_overrides(100, seed=SCENARIOS.index(scenario))
    got = sweep(p, frame, scenario=scenario)
    ref = one_by_one(p, frame, scenario)
    assert got.index.equals(frame.index)
    for col in ("advice", "demand_fte", "supply_fte", "supply_without_intake_fte", "fte_per_trainee", "gap_fte"):
        rel = np.abs(got[col] - ref[col]) / np.maximum(np.abs(ref[col]), 1.0)
        assert rel.max() < 1e-9, (col, rel.max())
    assert (got["year"] == ref["year"]).all()
    assert (got["current_intake"] == ref["current_intake"]).all()


def test_round_parameters_give_the_round_advice():
    p = example_parameters()
    got = sweep(p, pd.DataFrame(index=range(4)))
    a = intake_advice(p)
    assert np.allclose(got["advice"], a.advice, rtol=1e-12, atol=0)
    assert (got["advice"].round() == a.rounded).all() and a.rounded == 1027
    assert got["year"].tolist() == [a.year] * 4


def test_overrides_by_any_name_apply_overrides_takes():
    p = example_parameters()
    frame = pd.DataFrame({"instroom": [700, 900], "epi_midden": [0.0, 0.02], "uren_per_week": [44, 50],
                          "onvervulde_vraag": [0.05, 0.1]})
    got = sweep(p, frame)
    for i, row in frame.iterrows():
        assert got.loc[i, "advice"] == pytest.approx(intake_advice(apply_overrides(p, row.to_dict())).advice,
                                                     rel=1e-12)


def test_year_argument_and_paths_equal_project():
    p = example_parameters()
    assert sweep(p, {"epi": [0.01]}, year=2037)["advice"].iloc[0] == pytest.approx(
        intake_advice(p, year=2037).advice, rel=1e-12)
    frame = random_overrides(5, seed=9).drop(columns=["bijsturingsjaar", "trendjaar", "evenwichtsjaar2"])
    paths = sweep_paths(p, frame)
    values = sweep_values(p, frame)
    for i in frame.index:
        t = project(_as_params(p, values, i), scenarios=("full",), until=p.basisjaar + 20)
        assert np.allclose(paths["demand"].loc[i], t["demand_full"], rtol=1e-10)
        assert np.allclose(paths["supply"].loc[i], t["fte"], rtol=1e-10)
        assert np.allclose(paths["supply_advice"].loc[i], t["supply_advice_full"], rtol=1e-10)


def test_inputs_not_changed_and_index_kept():
    p = example_parameters()
    frame = pd.DataFrame({"epi": [0.01, 0.02]}, index=["a", "b"])
    before = frame.copy()
    out = sweep(p, frame)
    pd.testing.assert_frame_equal(frame, before)
    assert out.index.tolist() == ["a", "b"]


@pytest.mark.parametrize(("frame", "match"), [
    ({"epi_hoog": [0.01]}, "variant 'hoog'"),
    ({"nonsense": [1.0]}, "Unknown model parameter 'nonsense'"),
    ({"instroom": [700], "n_inopleiding_perjaar3": [800]}, "both n_inopleiding_perjaar3"),
    ({"epi": ["x"]}, r"epi is not a finite number in row\(s\) 0"),
    ({"per_vrouw_basis": [0.5, 66.0]}, r"per_vrouw_basis is not a share between 0 and 1 in row\(s\) 1"),
    ({"evenwichtsjaar2": [2043.5]}, "whole year"),
    ({"evenwichtsjaar2": [2028]}, r"before the first trainees .* row\(s\) 0"),
    ({"bron": ["x"]}, "cannot be set"),
])
def test_bad_overrides_name_the_rows(frame, match):
    with pytest.raises(InputError, match=match):
        sweep(example_parameters(), frame)
