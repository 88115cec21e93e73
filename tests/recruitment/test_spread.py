"""How a province's GP count is spread over its municipalities: by practices (default) or by population."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from regio import recruitment as rec
from regio.apportion import largest_remainder
from regio.errors import InputError, UnknownYearError
from regio.recruitment import RecruitmentSpec

POP = pd.Series({"GM1": 300, "GM2": 100, "GM3": 50, "GM4": 40})
PROV = pd.Series({"GM1": "PV1", "GM2": "PV1", "GM3": "PV2", "GM4": "PV2"})
COUNTS = pd.Series({"PV1": 101, "PV2": 7})


# ----------------------------------------------------------------------------- the pure estimate

def test_spread_by_weights_keeps_every_province_whole():
    est = rec.estimate_gps(POP, province_counts=COUNTS, province_of=PROV,
                           weights=pd.Series({"GM1": 1, "GM2": 3, "GM3": 2, "GM4": 5}), weights_name="practices")
    assert est["gps"].dtype == "int64"
    assert est["gps"].groupby(PROV).sum().to_dict() == {"PV1": 101, "PV2": 7}
    # by practices GM2 has three times GM1's share of PV1, against a third by inhabitants
    assert est.loc["GM2", "gps"] > est.loc["GM1", "gps"]
    assert est["gps_estimated"].all() and (est["gps_method"] == "province_by_weights").all()
    assert (rec.estimate_gps(POP, province_counts=COUNTS, province_of=PROV)["gps_method"]
            == "province_by_population").all()
    by_pop = rec.estimate_gps(POP, province_counts=COUNTS, province_of=PROV)
    assert by_pop.loc["GM1", "gps"] > by_pop.loc["GM2", "gps"]


def test_a_province_without_practices_is_spread_by_population_and_said():
    est = rec.estimate_gps(POP, province_counts=COUNTS, province_of=PROV,
                           weights=pd.Series({"GM1": 1, "GM2": 3, "GM3": 0, "GM4": 0}), weights_name="practices")
    assert est.loc[["GM3", "GM4"], "gps"].tolist() == largest_remainder(7, POP[["GM3", "GM4"]]).tolist()
    # the municipalities of the province without practices say they were split by population; the others not
    assert est["gps_method"].to_dict() == {"GM1": "province_by_weights", "GM2": "province_by_weights",
                                           "GM3": "province_by_population", "GM4": "province_by_population"}


@pytest.mark.parametrize(("weights", "message"), [
    (pd.Series({"GM1": 1, "GM2": 3, "GM3": 2}), "missing for GM4"),
    (pd.Series({"GM1": 1, "GM2": -3, "GM3": 2, "GM4": 1}), "negative for GM2"),
])
def test_bad_weights_are_named(weights, message):
    with pytest.raises(InputError, match=message):
        rec.estimate_gps(POP, province_counts=COUNTS, province_of=PROV, weights=weights)


def test_weights_need_province_counts():
    with pytest.raises(InputError, match="weights split province counts"):
        rec.estimate_gps(POP, national_rate=70, weights=POP)


def test_the_spread_is_a_spec_field():
    assert RecruitmentSpec().spread == "practices"
    assert RecruitmentSpec(spread="population").spread == "population"
    with pytest.raises(InputError, match="spread='area': use one of practices, population"):
        RecruitmentSpec(spread="area")


# ----------------------------------------------------------------------------- on the real data

def _population_split(real_data, year=2024):
    """Today's estimate, recomputed here: each province's count by largest remainder over its inhabitants."""
    from regio import data

    pop = data.population("gemeente", year, data_dir=real_data)["population"]
    prov = data.membership(year, levels=["provincie"], data_dir=real_data)["provincie"].reindex(pop.index)
    counts = data.gp_counts(2018, level="provincie", data_dir=real_data)
    parts = [largest_remainder(int(counts[p]), pop[prov == p]) for p in sorted(set(prov))]
    return pd.concat(parts).reindex(pop.index), prov, counts, pop


@pytest.mark.realdata
def test_practices_spread_conserves_each_province_and_follows_the_practices(real_data):
    import regio

    expected_pop, prov, counts, pop = _population_split(real_data)
    gps = rec.municipal_gps(pop, year=2024, data_dir=real_data)
    assert gps.attrs["spread"] == "practices" and "(derived)" in gps.attrs["spread_source"]
    assert "(estimate)" in gps.attrs["method"] and "(schatting)" in gps.attrs["method_nl"]
    assert gps["gps"].dtype == "int64"
    assert gps["gps"].groupby(prov).sum().to_dict() == counts.to_dict()  # every province kept exactly
    practices = regio.practices("gemeente", 2024, data_dir=real_data)["n_practices"]
    # within a province, a municipality with more practices never gets fewer GPs (up to the one of rounding)
    for p in sorted(set(prov)):
        inside = prov[prov == p].index
        share = practices[inside] / practices[inside].sum() * counts[p]
        assert (gps.loc[inside, "gps"] - share).abs().max() < 1
    assert int(gps.loc[practices[practices == 0].index, "gps"].sum()) == 0  # Rozendaal: no practice, no GPs
    assert (gps["gps"] != expected_pop).sum() > len(pop) / 2  # no longer the population split


@pytest.mark.realdata
def test_population_spread_reproduces_the_old_estimate_exactly(real_data):
    expected, _prov, _counts, pop = _population_split(real_data)
    gps = rec.municipal_gps(pop, year=2024, spread="population", data_dir=real_data)
    assert gps["gps"].tolist() == expected.tolist()
    assert gps.attrs["spread"] == "population" and "by population share" in gps.attrs["method"]


@pytest.mark.realdata
def test_practices_spread_refuses_another_division_and_names_the_fix(real_data):
    from regio import data

    pop = data.population("gemeente", 2021, data_dir=real_data)["population"]
    with pytest.raises(UnknownYearError, match="spread='population' \\(command line: --spread population\\)"):
        rec.municipal_gps(pop, year=2021, data_dir=real_data)
    assert int(rec.municipal_gps(pop, year=2021, spread="population", data_dir=real_data)["gps"].sum()) == 12_210


@pytest.mark.realdata
def test_recruitment_areas_by_practices_and_their_notes(real_data):
    by_practices = rec.run_recruitment(RecruitmentSpec(), data_dir=real_data, lang="en")
    by_population = rec.run_recruitment(RecruitmentSpec(spread="population"), data_dir=real_data, lang="en")
    a, b = by_practices.areas, by_population.areas
    assert int(a["gps"].sum()) == int(b["gps"].sum()) == 12_210 and int(a["trainers"].sum()) == 1_700
    assert (a["gps"] != b["gps"]).sum() >= 6  # the areas' GPs follow the practices now
    assert (a["trainers"] != b["trainers"]).any() and (a["gap"] != b["gap"]).any()
    note = next(n for n in by_practices.notes if n.startswith("GPs:"))
    assert note.startswith("GPs: ESTIMATE") and "GP practices" in note and "(derived)" in note
    assert "estimate" in by_practices.texts["gps_estimate"][1] and "derived" in by_practices.texts["gps_estimate"][1]
    assert "schatting" in by_practices.texts["gps_estimate"][0] and "afgeleid" in by_practices.texts["gps_estimate"][0]
    assert "GP practices ZorgkaartNederland 2026 (derived)" in by_practices.texts["gps_source"][1]
    assert "practices" not in by_population.texts["gps_source"][1]
    assert "population share" in next(n for n in by_population.notes if n.startswith("GPs:"))
    assert set(by_practices.municipal["gps_method"]) <= {"province_by_weights", "province_by_population"}
    assert (by_practices.municipal["gps_method"] == "province_by_weights").mean() > 0.9
    # trainers are the national number split by GP share, so trainers per 100 GPs stays the national ratio in
    # every area (up to the rounding of whole trainers), whichever spread: only counted trainers make it differ
    national = 100 * 1_700 / 12_210
    for areas in (a, b):
        assert (areas["trainers_per_100_gps"] - national).abs().max() < 0.6


@pytest.mark.realdata
def test_cli_recruit_spread(real_data):
    from regio.cli import main

    runner = CliRunner()
    res = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--spread", "population", "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "by 2024 population share" in res.output
    res = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--lang", "en"])
    assert res.exit_code == 0 and "share of the province's GP practices" in res.output
    res = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--spread", "area"])
    assert res.exit_code == 2 and "practices" in res.output
