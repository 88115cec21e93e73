"""Unit tests of the GP model core with small hand-made parameters (no data directory)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd
import pytest

from regio.errors import InputError, RegioWarning
from regio.model import (
    FACTORS,
    SCENARIOS,
    GPParameters,
    apply_overrides,
    decompose,
    demand,
    example_parameters,
    intake_advice,
    project,
    supply,
    what_if,
)
from regio.model.core import rendement_curve
from regio.model.parameters import COHORT_SUFFIXES, parse_value
from regio.model.regional import regional_advice, regional_parameters

STEPS5 = ("vijf", "tien", "vijftien", "twintig")
STEPS_R = ("1jaar", "5jaar", "10jaar", "15jaar")


def simple(**changes) -> GPParameters:
    """1,000 GPs (half women), FTE 1, outflow 20/40/60/80%, 100 trainees a year for 3 years, all finish and stay."""
    v: dict[str, object] = {
        "raming": 2025, "variant": "midden", "basisjaar": 2025, "bijsturingsjaar": 2027, "trendjaar": 2035,
        "evenwichtsjaar1": 2037, "evenwichtsjaar2": 2043, "aanbod_personen": 1000.0, "per_vrouw_basis": 0.5,
        "n_buitenland": 0.0, "per_vrouw_buitenland": 0.5, "rendement_buitenland": 1.0, "onv_vraag": 0.0,
        "demo_5": 0.0, "demo_10": 0.0, "demo_15": 0.0, "demo_20": 0.0, "epi": 0.0, "soc": 0.0, "vak": 0.0,
        "eff": 0.0, "hor": 0.0, "tijd": 0.0, "ver": 0.0,
    }
    for sex in ("vrouw", "man"):
        v[f"fte_{sex}_basis"] = 1.0
        for t, out in zip(STEPS5, (0.2, 0.4, 0.6, 0.8), strict=True):
            v[f"fte_{sex}_basis_{t}"] = 1.0
            v[f"uitstroom_{sex}_basis_{t}"] = out
    for sfx in COHORT_SUFFIXES:
        v.update({f"n_inopleiding_perjaar{sfx}": 100.0, f"per_vrouw_opleiding{sfx}": 0.5,
                  f"opleidingsduur{sfx}": 3.0, f"intern_rendement{sfx}": 1.0})
        for s in ("vrouw", "man"):
            for t in STEPS_R:
                v[f"extern_rendement_{s}_{t}{sfx}"] = 1.0
    v.update(changes)
    return GPParameters(**v)


# ----------------------------------------------------------------------------- parameters

def test_parameters_reject_bad_values_all_at_once():
    with pytest.raises(InputError) as exc:
        simple(per_vrouw_basis=1.5, uitstroom_man_basis_twintig=0.1, opleidingsduur2=0.0, evenwichtsjaar2=2050)
    msg = str(exc.value)
    for name in ("per_vrouw_basis", "uitstroom_man_basis", "opleidingsduur2", "evenwichtsjaar2 2050"):
        assert name in msg


def test_parameters_reject_non_numbers():
    with pytest.raises(InputError, match="aanbod_personen must be a number"):
        simple(aanbod_personen="veel")


def test_overrides_accept_names_aliases_and_decimal_commas():
    p = example_parameters()
    with pytest.warns(RegioWarning, match=r"'0,70' for fte_vrouw_basis_tien read with a decimal comma as 0\.7"):
        q = apply_overrides(p, {"instroom": "850", "fte_vrouw_basis_tien": "0,70", "epi_midden": 0.02,
                                "evenwichtsjaar": "2040"})
    assert (q.n_inopleiding_perjaar3, q.fte_vrouw_basis_tien, q.epi, q.evenwichtsjaar2) == (850.0, 0.70, 0.02, 2040)
    assert p.n_inopleiding_perjaar3 == 718.0  # the input is not changed


def test_overrides_name_unknown_parameters_and_wrong_variant():
    p = example_parameters()
    with pytest.raises(InputError, match=r"Unknown model parameter 'instrom'.*Did you mean instroom"):
        apply_overrides(p, {"instrom": 850})
    with pytest.raises(InputError, match="belongs to variant 'hoog'"):
        apply_overrides(p, {"epi_hoog": 0.02})
    with pytest.raises(InputError, match="--variant"):
        apply_overrides(p, {"variant": "hoog"})
    with pytest.raises(InputError) as exc:
        apply_overrides(p, {"instroom": "veel", "basisjaar": "2025.5"})
    assert "'veel'" in str(exc.value) and "whole year" in str(exc.value)


def test_hours_override_scales_only_future_fte_factors():
    p = example_parameters()
    q = apply_overrides(p, {"uren_per_week": 45})
    assert q.fte_vrouw_basis == p.fte_vrouw_basis
    assert q.fte_man_basis_vijf == pytest.approx(p.fte_man_basis_vijf * 45 / p.base_hours)
    assert p.base_hours == pytest.approx(0.66 * 46.6 + 0.34 * 50.7)


def test_parse_value():
    assert parse_value("1.026", name="x") == 1.026  # a point is a decimal point
    with pytest.raises(InputError, match="not a number"):
        parse_value("veel", name="x")
    with pytest.raises(InputError, match="non-numeric"):
        parse_value("1,2,3", name="x")


@pytest.mark.parametrize(("text", "plain"), [("1,026", "1026"), ("1.000", "1000"), ("1.234.567", "1234567")])
def test_whole_number_parameters_refuse_grouped_numbers(text, plain):
    # "1,026" used to become 1.026 trainees a year (or 1 in a reading that drops the decimals): now refused
    p = example_parameters()
    for name in ("instroom", "n_inopleiding_perjaar", "n_buitenland", "aanbod_personen"):
        with pytest.raises(InputError, match=rf"'{re.escape(text)}'.*ambiguous.*'{plain}'"):
            apply_overrides(p, {name: text})
    assert apply_overrides(p, {"instroom": plain}).n_inopleiding_perjaar3 == float(plain)
    with pytest.raises(InputError, match="whole numbers"):
        apply_overrides(p, {"instroom": "850,5"})


def test_whole_number_parameters_refuse_python_fractions():
    """The same slip from Python: 1.026 trainees (meant 1,026) would cut supply by some 6,000 FTE."""
    p = example_parameters()
    with pytest.raises(InputError, match=r"must be whole.*did you mean 1,026\?"):
        what_if(p, {"instroom": 1.026})
    with pytest.raises(InputError, match="must be whole"):
        apply_overrides(p, {"n_buitenland": 12.5})
    assert apply_overrides(p, {"instroom": 850.0}).n_inopleiding_perjaar3 == 850.0
    assert apply_overrides(p, {"uren_per_week": 45.5}) != p  # hours may have a fraction


def test_fractional_parameters_read_a_decimal_comma_with_a_warning():
    p = example_parameters()
    with pytest.warns(RegioWarning, match="decimal comma as 1.026"):
        assert apply_overrides(p, {"epi": "1,026"}).epi == pytest.approx(1.026)
    with pytest.warns(RegioWarning, match="decimal comma as -0.01"):
        assert apply_overrides(p, {"vak": "−0,01"}).vak == pytest.approx(-0.01)
    assert apply_overrides(p, {"epi": "0.02"}).epi == 0.02  # no warning with a decimal point


# ----------------------------------------------------------------------------- supply

def test_extern_rendement_curve_integral():
    x, cum = rendement_curve(np.array([0.9, 0.9, 0.9, 0.9]))
    # r falls linearly from 1 to 0.9 in the first year, then stays: R(3) = 0.95 + 2 * 0.9
    assert np.interp(3.0, x, cum) == pytest.approx(0.95 + 1.8)


def test_zero_intake_supply_is_stock_minus_outflow_plus_trainees_in_training():
    p = simple(n_inopleiding_perjaar2=0.0, n_inopleiding_perjaar3=0.0)
    s = supply(p)
    # by hand: stock 1000 × (1 − outflow interpolated), trainees 100 a year for 3 years, all stay
    expected = {2025: 1000.0, 2026: 1000 * (1 - 0.04) + 100, 2028: 1000 * (1 - 0.12) + 300,
                2035: 1000 * (1 - 0.4) + 300, 2043: 1000 * (1 - 0.72) + 300}
    for year, value in expected.items():
        assert s.loc[year, "persons"] == pytest.approx(value, abs=1e-9)
    assert (s[["training_before_female", "intake_female", "abroad_female"]] == 0).all().all()


def test_zero_intake_real_shaped_parameters():
    p = example_parameters().replace(n_inopleiding_perjaar2=0.0, n_buitenland=0.0)
    s = supply(p, intake=0)
    parts = s[["stock_female", "stock_male", "training_now_female", "training_now_male"]].sum(axis=1)
    assert np.allclose(s["persons"], parts)
    stock = 14347 * (0.66 * (1 - 0.51) + 0.34 * (1 - 0.632))
    assert s.loc[2045, ["stock_female", "stock_male"]].sum() == pytest.approx(stock)
    # the trainees now in training: at most 718 × 3.2 × 0.94 of them, fewer as some leave
    now = s[["training_now_female", "training_now_male"]].sum(axis=1)
    assert now.max() <= 718 * 3.2 * 0.94 + 1e-9 and now.loc[2025] == 0
    assert now.loc[2029] > 0.95 * 718 * 3.2 * 0.94


@pytest.mark.parametrize(("low", "high"), [(0, 1), (718, 800), (500, 1500)])
def test_more_intake_gives_more_supply_in_every_later_year(low, high):
    p = example_parameters()
    a, b = supply(p, intake=low), supply(p, intake=high)
    first = p.bijsturingsjaar + p.opleidingsduur3  # first trainees of the intake graduate in 2030.2
    later = a.index > first
    assert (b.loc[later, "fte"] > a.loc[later, "fte"]).all()
    assert (b.loc[later, "persons"] > a.loc[later, "persons"]).all()
    assert np.allclose(b.loc[~later, "fte"], a.loc[~later, "fte"])


def test_supply_by_sex_and_fte():
    p = example_parameters()
    s = supply(p)
    assert s.loc[2025, "persons"] == pytest.approx(14347)
    assert s.loc[2025, "fte"] == pytest.approx(14347 * (0.66 * 0.72 + 0.34 * 0.81))
    assert np.allclose(s["persons"], s["persons_female"] + s["persons_male"])
    fte_parts = s[[c for c in s.columns if c.startswith("fte_") and not c.startswith("fte_factor")]].sum(axis=1)
    assert np.allclose(fte_parts, s["fte"])


def test_supply_rejects_negative_intake():
    with pytest.raises(InputError, match="non-negative"):
        supply(example_parameters(), intake=-5)


# ----------------------------------------------------------------------------- demand and advice

def test_demand_formula_by_hand():
    p = simple(onv_vraag=0.1, demo_5=0.05, demo_10=0.08, demo_15=0.12, demo_20=0.2, epi=0.01, soc=0.02,
               ver=-0.005, tijd=0.01)
    b = 1000.0
    g = 0.01 + 0.02 - 0.005 + (1 / 0.99 - 1)
    d = demand(p, scenario="full")
    assert d[2030] == pytest.approx(b * 1.1 * 1.05 * (1 + 5 * g))
    assert d[2042] == pytest.approx(b * 1.1 * (1 + 0.12 + 0.08 * 2 / 5) * (1 + 10 * g))  # capped at trendjaar
    assert demand(p, scenario="full_lasting")[2042] == pytest.approx(b * 1.1 * 1.152 * (1 + 17 * g))
    assert demand(p, scenario="demography")[2042] == pytest.approx(b * 1.1 * 1.152)
    assert demand(p, scenario="workprocess")[2030] == pytest.approx(b * 1.1 * 1.05 * (1 + 5 * 0.03))
    assert demand(p, scenario="volledig").equals(d)


def test_advice_by_hand():
    # demand stays 1,000; in 2043 the stock is 1000 × (1 − 0.72) = 280, now in training 300, before the
    # bijsturingsjaar 200; each trainee a year from 2027 on has graduated 13 years' worth by 2043
    a = intake_advice(simple())
    assert a.year == 2043 and a.from_year == 2027
    assert a.fte_per_trainee == pytest.approx(13.0)
    assert a.advice == pytest.approx((1000 - 280 - 300 - 200) / 13)


def test_advice_closes_the_gap_and_does_not_depend_on_current_intake():
    p = example_parameters()
    for sc in SCENARIOS:
        a = intake_advice(p, scenario=sc)
        s = supply(p, intake=a.advice)
        assert s.loc[a.year, "fte"] == pytest.approx(a.demand_fte, rel=1e-12)
    other = p.replace(n_inopleiding_perjaar3=900.0)
    assert intake_advice(other).advice == pytest.approx(intake_advice(p).advice)


def test_advice_for_another_equilibrium_year_and_too_early():
    p = example_parameters()
    assert intake_advice(p, year=2037).year == 2037
    with pytest.raises(InputError, match="before the first trainees"):
        intake_advice(p, year=2029)
    with pytest.raises(InputError, match="must lie in"):
        intake_advice(p, year=2050)


def test_scenarios_order():
    p = example_parameters()
    adv = {sc: intake_advice(p, scenario=sc).advice for sc in SCENARIOS}
    assert adv["demography"] < adv["full"] < adv["full_lasting"]
    assert adv["full"] < adv["workprocess"]  # vertical substitution lowers demand


def test_project_table():
    p = example_parameters()
    t = project(p)
    assert t.index[0] == 2025 and t.index[-1] == 2043
    for sc in SCENARIOS:
        assert np.allclose(t[f"gap_{sc}"], t[f"demand_{sc}"] - t["fte"])
        assert t.loc[2043, f"supply_advice_{sc}"] == pytest.approx(t.loc[2043, f"demand_{sc}"])
    assert project(p, until=2045).index[-1] == 2045


# ----------------------------------------------------------------------------- decomposition and what-if

@pytest.mark.parametrize("scenario", SCENARIOS)
def test_decomposition_adds_up_to_advice_minus_current_intake(scenario):
    p = example_parameters()
    d = decompose(p, scenario=scenario)
    a = intake_advice(p, scenario=scenario)
    assert list(d.index) == list(FACTORS)
    assert d["trainees"].sum() == pytest.approx(a.advice - a.current_intake, abs=1e-9)
    assert d["trainees"].drop("huidige_instroom").sum() == pytest.approx(a.advice, abs=1e-9)
    assert d.loc["huidige_instroom", "trainees"] == pytest.approx(-a.current_intake)


def test_decomposition_of_hand_made_case():
    p = simple(onv_vraag=0.1)
    d = decompose(p)
    assert d.loc["onv_vraag", "fte"] == pytest.approx(100.0)
    assert d.loc["uitstroom", "fte"] == pytest.approx(720.0)
    assert d.loc["nu_in_opleiding", "fte"] == pytest.approx(-300.0)
    assert d.loc["instroom_voor_bijsturing", "fte"] == pytest.approx(-200.0)
    assert (d.loc[["epi", "soc", "vak", "eff", "hor", "tijd", "ver", "demografie"], "fte"] == 0).all()


def test_decomposition_row_of_a_factor_is_its_effect_on_the_advice():
    p = example_parameters()
    d = decompose(p)
    for factor in ("soc", "ver"):
        without = intake_advice(p.replace(**{factor: 0.0})).advice
        assert intake_advice(p).advice - without == pytest.approx(d.loc[factor, "trainees"])


def test_decomposition_shows_hours_change():
    q = apply_overrides(example_parameters(), {"uren_per_week": 45})
    d = decompose(q)
    assert d.loc["fte_huidig", "trainees"] > 0
    a = intake_advice(q)
    assert d["trainees"].sum() == pytest.approx(a.advice - a.current_intake)


def test_what_if_hours_and_intake():
    p = example_parameters()
    before = dataclasses.asdict(p)
    w = what_if(p, {"uren_per_week": 45})
    assert w.loc["difference", "advice"] > 50
    assert w.loc["difference", "advice"] == pytest.approx(w.loc["what_if", "advice"] - w.loc["base", "advice"])
    w2 = what_if(p, {"instroom": 850})
    assert w2.loc["difference", "advice"] == pytest.approx(0, abs=1e-9)
    assert w2.loc["difference", "supply_fte"] > 0 and w2.loc["difference", "gap_fte"] < 0
    assert dataclasses.asdict(p) == before


# ----------------------------------------------------------------------------- regions

def regions(**extra) -> pd.DataFrame:
    frame = pd.DataFrame({"statnaam": ["Noord", "Midden", "Zuid"], "gps": [200.0, 500.0, 300.0],
                          "population": [300_000.0, 800_000.0, 400_000.0],
                          "population_start": [300_000.0, 800_000.0, 400_000.0]}, index=["R1", "R2", "R3"])
    return frame.assign(**extra)


def test_regions_with_equal_growth_get_their_share_of_the_advice():
    p = example_parameters()
    out = regional_advice(p, regions(), growth_years=10)
    national = intake_advice(p).advice
    assert np.allclose(out["raw_advice"], out["stock_share"] * national)
    assert int(out["advice"].sum()) == round(national)
    assert out.attrs["total"] == round(national)


def test_regional_advices_sum_to_national_and_inputs_unchanged():
    p = example_parameters()
    inputs = regions(population=[330_000.0, 820_000.0, 380_000.0])
    copy = inputs.copy()
    out = regional_advice(p, inputs, growth_years=10, scenario="demography")
    pd.testing.assert_frame_equal(inputs, copy)
    assert int(out["advice"].sum()) == intake_advice(p, scenario="demography").rounded
    assert out["advice"].dtype == "int64"
    # the growing region gets more than its stock share, the shrinking one less
    share = out["advice"] / out["advice"].sum()
    assert share["R1"] > out.loc["R1", "stock_share"] and share["R3"] < out.loc["R3", "stock_share"]
    assert np.allclose(out["advice_per_100k"], out["advice"] / inputs["population"] * 1e5)


def test_regional_parameters_split():
    p = example_parameters()
    rp = regional_parameters(p, regions(per_vrouw_basis=[0.7, np.nan, 0.6], onv_vraag=[np.nan, 0.1, np.nan]),
                             growth_years=10)
    assert sum(q.aanbod_personen for q in rp.values()) == pytest.approx(p.aanbod_personen)
    assert sum(q.n_inopleiding_perjaar for q in rp.values()) == pytest.approx(p.n_inopleiding_perjaar)
    assert (rp["R1"].per_vrouw_basis, rp["R2"].per_vrouw_basis) == (0.7, p.per_vrouw_basis)
    assert (rp["R1"].onv_vraag, rp["R2"].onv_vraag) == (p.onv_vraag, 0.1)
    assert rp["R2"].fte_vrouw_basis_tien == p.fte_vrouw_basis_tien and rp["R2"].epi == p.epi


def test_density_based_unfulfilled_demand_follows_population():
    p = example_parameters()
    out = regional_advice(p, regions(), growth_years=10, unfulfilled="density")
    base_demand = out["supply_base_fte"] * (1 + out["onv_vraag"])
    assert np.allclose(base_demand / base_demand.sum(), out["population"] / out["population"].sum())


def test_density_sets_the_gps_against_the_inhabitants_of_their_own_moment():
    # GPs counted years before `population`: their density uses `population_gps` (the counts' 1 January)
    p = example_parameters()
    then = [300_000.0, 800_000.0, 200_000.0]
    out = regional_advice(p, regions(population_gps=then), growth_years=10, unfulfilled="density")
    assert np.allclose(out["gps_per_100k"], np.array([200.0, 500.0, 300.0]) / then * 1e5)
    dens, dens_nl = out["gps_per_100k"], 1000.0 / sum(then) * 1e5
    assert np.allclose(out["onv_vraag"], (1 + p.onv_vraag) * dens_nl / dens - 1)
    # without it the density is that of `population` (as before)
    plain = regional_advice(p, regions(), growth_years=10, unfulfilled="density")
    assert np.allclose(plain["gps_per_100k"], plain["gps"] / plain["population"] * 1e5)
    with pytest.raises(InputError, match="population_gps.*R3"):
        regional_advice(p, regions(population_gps=[1.0, 2.0, 0.0]), growth_years=10)


def test_negative_regional_advice_warns_and_gets_weight_zero():
    p = example_parameters()
    inputs = regions(population=[300_000.0, 800_000.0, 160_000.0])  # R3 loses 60% of its people
    with pytest.warns(RegioWarning, match="R3"):
        out = regional_advice(p, inputs, growth_years=10)
    assert out.loc["R3", "advice"] == 0 and int(out["advice"].sum()) == intake_advice(p).rounded


def test_regional_inputs_are_validated():
    p = example_parameters()
    with pytest.raises(InputError, match="population_start"):
        regional_advice(p, regions().drop(columns="population_start"), growth_years=10)
    with pytest.raises(InputError, match="R2"):
        regional_advice(p, regions(population=[1.0, -5.0, 2.0]), growth_years=10)
    with pytest.raises(InputError, match="unfulfilled"):
        regional_advice(p, regions(), growth_years=10, unfulfilled="vacatures")
