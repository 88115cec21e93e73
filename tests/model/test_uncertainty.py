"""Uncertainty of the advice: the factors' ranges, the draws, the sensitivity table, and what is written."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.errors import InputError
from regio.model import example_parameters, intake_advice, project
from regio.model.uncertainty import (
    ASSUMED,
    BAND_QUANTILES,
    draw_uncertainty,
    sensitivity,
    uncertainty_factors,
)
from regio.report.model import factor_range, sensitivity_table, uncertainty_summary, write_uncertainty


def test_assumed_ranges_without_differing_variants():
    p = example_parameters()
    for factors in (uncertainty_factors(p), uncertainty_factors(p, low=p.replace(variant="laag"),
                                                                high=p.replace(variant="hoog"))):
        assert [f.name for f in factors] == list(ASSUMED)
        for f in factors:
            assert f.assumed and f.kind in ("absolute", "relative")
            assert all(lo <= m <= hi for lo, m, hi in zip(f.low, f.mid, f.high, strict=True)), f.name
            assert f.mid == tuple(float(getattr(p, name)) for name in f.fields)
    rend = {f.name: f for f in uncertainty_factors(p)}["extern_rendement"]
    assert max(rend.high) <= 1.0  # a share stays a share


def test_variants_where_they_differ():
    p = example_parameters()
    low, high = p.replace(variant="laag", soc=0.012, demo_20=0.12), p.replace(variant="hoog", soc=0.025)
    f = {f.name: f for f in uncertainty_factors(p, low=low, high=high)}
    assert f["soc"].kind == "variants" and f["soc"].low == (0.012,) and f["soc"].high == (0.025,)
    assert f["demografie"].kind == "variants" and f["demografie"].low[3] == 0.12
    assert f["epi"].kind == "absolute"  # equal in all three variants: the assumed range
    assert factor_range(f["soc"], "en") == "the round's laag/hoog (low/high) variants"
    with pytest.raises(InputError, match="round 2025"):
        uncertainty_factors(p, low=p.replace(raming=2022), high=high)


def test_draws_reproducible_ordered_and_equal_to_the_scalar_model():
    p = example_parameters()
    factors = uncertainty_factors(p)
    a = draw_uncertainty(p, factors, n=400, seed=5)
    b = draw_uncertainty(p, factors, n=400, seed=5)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a.lo95 < a.lo80 < a.median < a.hi80 < a.hi95
    adv = a.table["advice"]
    assert a.median == pytest.approx(adv.median()) and a.lo80 == pytest.approx(adv.quantile(0.1))
    assert a.round_advice == pytest.approx(intake_advice(p).advice, rel=1e-12)
    z = a.table[[f"z_{f.name}" for f in factors]].to_numpy()
    assert (np.abs(z) <= 1).all() and abs(z.mean()) < 0.05  # triangular around the round's value
    for i in (0, 17, 399):  # a draw's advice is the scalar model's on the drawn parameters
        changes = {}
        for f in factors:
            changes.update({k: float(v[0]) for k, v in f.values(z[i:i + 1, factors.index(f)]).items()})
        assert adv.iloc[i] == pytest.approx(intake_advice(p.replace(**changes)).advice, rel=1e-9)
    # the yearly bands: ordered quantiles, demand band around the round's demand
    t = project(p, scenarios=("full",))
    bands = a.bands
    for prefix in ("demand", "fte", "supply_advice"):
        cols = [f"{prefix}_{q}" for q in BAND_QUANTILES]
        assert (np.diff(bands[cols].to_numpy(), axis=1) >= 0).all()
    assert ((bands.loc[t.index, "demand_lo95"] <= t["demand_full"] + 1e-6)
            & (t["demand_full"] <= bands.loc[t.index, "demand_hi95"] + 1e-6)).all()
    with pytest.raises(InputError, match="at least 10"):
        draw_uncertainty(p, factors, n=3)


def test_sensitivity_moves_one_factor_and_orders_by_effect():
    p = example_parameters()
    factors = uncertainty_factors(p)
    s = sensitivity(p, factors)
    assert s["effect"].is_monotonic_decreasing and set(s.index) == set(ASSUMED)
    mid = intake_advice(p).advice
    assert np.allclose(s["advice_mid"], mid)
    for f in factors:
        low = intake_advice(p.replace(**dict(zip(f.fields, f.low, strict=True)))).advice
        high = intake_advice(p.replace(**dict(zip(f.fields, f.high, strict=True)))).advice
        assert s.loc[f.name, "advice_low"] == pytest.approx(low, rel=1e-9)
        assert s.loc[f.name, "advice_high"] == pytest.approx(high, rel=1e-9)
    assert s.loc["epi", "value_low"] == pytest.approx(p.epi - 0.003) and np.isnan(s.loc["uitstroom", "value_low"])
    words = sensitivity_table(s, factors, lang="nl")
    assert words.loc["uitstroom", "factor"] == "uitstroom huidige huisartsen"
    assert words.loc["uitstroom", "range"] == "aanname: ±10% van de waarde"


def test_summary_and_files_say_assumption_and_interval(tmp_path):
    p = example_parameters()
    factors = uncertainty_factors(p)
    u, s = draw_uncertainty(p, factors, n=200, seed=1), sensitivity(p, factors)
    parts = uncertainty_summary(u, s, lang="en")
    text = "\n".join(x for x in parts if isinstance(x, str))
    assert "80% interval" in text and "95% interval" in text and "200 draws, seed 1" in text
    assert "regio's assumptions" in text
    table = next(x for x in parts if isinstance(x, pd.DataFrame))
    assert len(table) == len(ASSUMED) and "assumption: ±10% of the value" in table.iloc[:, 1].tolist()
    written = write_uncertainty(tmp_path, p, project(p), u, s, lang="en")
    names = {w.name for w in written}
    for name in ("model_2025_midden_onzekerheid_grafiek.png", "model_2025_midden_onzekerheid_grafiek.html",
                 "model_2025_midden_gevoeligheid_grafiek.png", "model_2025_midden_gevoeligheid_grafiek.html",
                 "model_2025_midden_gevoeligheid.csv", "model_2025_midden_onzekerheid_banden.csv"):
        assert name in names
    page = (tmp_path / "model_2025_midden_onzekerheid_grafiek.html").read_text(encoding="utf-8")
    assert "<svg" in page and "http" not in page.split("<svg", 1)[0]  # self-contained
    assert "demand: 95% band" in page and "assumption: ±0.003 (absolute)" in page
    tornado = (tmp_path / "model_2025_midden_gevoeligheid_grafiek.html").read_text(encoding="utf-8")
    assert tornado.count("<tr>") == len(ASSUMED) + 1 and "outflow of current GPs" in tornado
    csv = pd.read_csv(tmp_path / "model_2025_midden_gevoeligheid.csv")
    assert csv["effect"].is_monotonic_decreasing
    notes = (tmp_path / "model_2025_midden_gevoeligheid.notes.txt").read_text(encoding="utf-8")
    assert notes.count("assumption") >= len(ASSUMED)
