"""Disaggregation of national advice: keys, audit table, figures, command, atlas section and map."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from browser import render, require_browser
from click.testing import CliRunner

from regio.allocation import (
    allocate,
    audit_notes,
    band_range,
    mix_key,
    need_key,
    population_key,
    relative_gp_use,
    shortfall_key,
    with_total_row,
)
from regio.allocation.run import AllocationSpec
from regio.cli import main
from regio.cli._parse import region_values
from regio.data.user_files import read_table
from regio.errors import InputError, OptionError, UnknownCodeError
from regio.sources.figures import gp_contacts_by_age, national_age_profile, national_figure, national_figures

# ----------------------------------------------------------------------------- fixtures


@pytest.fixture
def pop():
    return pd.DataFrame(
        {"statnaam": ["Aa", "Bb", "Cc"], "population": [1000, 600, 400],
         "age_0_49": [800, 300, 300], "age_50plus": [200, 300, 100]},
        index=pd.Index(["R1", "R2", "R3"], name="statcode"))


def recompute_row(row: pd.Series, total: int, key_sum: float, left_over: int, method: str) -> int:
    """Recompute one region's number from its row of the audit table, as a reader would."""
    assert math.isclose(row["share"], row["key"] / key_sum, rel_tol=1e-12)
    assert math.isclose(row["quota"], total * row["share"], rel_tol=1e-9, abs_tol=1e-9)
    if method == "hamilton":
        if row.get("bound", "") in ("lower", "upper"):
            return int(row[row["bound"]])
        q = row["quota_bounded"] if "quota_bounded" in row else row["quota"]
        assert row["floor"] == math.floor(q + 1e-9) or row["remainder"] > 1 - 1e-9
        extra = 1 if (pd.notna(row["remainder_rank"]) and row["remainder_rank"] <= left_over) else 0
        assert row["extra"] == extra
        return int(row["floor"]) + extra
    rounded = math.floor(row["key"] / row["divisor"] + (0.5 if method == "sainte-lague" else 0))
    lo = 0 if pd.isna(row.get("lower", np.nan)) else int(row["lower"])
    hi = math.inf if pd.isna(row.get("upper", np.nan)) else int(row["upper"])
    return int(min(max(rounded, lo), hi))


def assert_recomputable(table: pd.DataFrame) -> None:
    a = table.attrs
    for code, row in table.iterrows():
        got = recompute_row(row, a["total"], a["key_sum"], a["left_over"], a["method"])
        assert got == row["allocated"], (code, got, row["allocated"])
    assert int(table["allocated"].sum()) == a["total"]


# ----------------------------------------------------------------------------- keys


def test_band_range():
    assert band_range("age_0_14") == (0, 14)
    assert band_range("age_95plus") == (95, None)
    with pytest.raises(InputError, match="not an age band"):
        band_range("population")


def test_population_key_accepts_frame_or_series(pop):
    assert population_key(pop).tolist() == [1000.0, 600.0, 400.0]
    assert population_key(pop["population"]).name == "key"


def test_need_key_weights_bands(pop):
    key = need_key(pop, use={"age_0_49": 0.5, "age_50plus": 2.0})
    assert key.tolist() == [800 * 0.5 + 200 * 2, 300 * 0.5 + 300 * 2, 300 * 0.5 + 100 * 2]
    assert key.attrs["use"] == {"age_0_49": 0.5, "age_50plus": 2.0}


def test_need_key_default_weights_older_more(pop):
    key = need_key(pop)
    use = key.attrs["use"]
    assert use["age_50plus"] > use["age_0_49"]
    # the older region R2 weighs more than its share of inhabitants
    assert key["R2"] / key.sum() > 600 / 2000


def test_need_key_bad_input(pop):
    with pytest.raises(InputError, match="age band"):
        need_key(pop[["population"]])
    with pytest.raises(InputError, match="no weight for age_50plus"):
        need_key(pop, use={"age_0_49": 1.0})
    with pytest.raises(InputError, match="not in the population table: age_90plus"):
        need_key(pop, use={"age_0_49": 1.0, "age_50plus": 1.0, "age_90plus": 3.0})
    gappy = pop.astype({"age_50plus": float})
    gappy.loc["R3", "age_50plus"] = np.nan
    with pytest.raises(InputError, match="Missing or negative age band counts for R3"):
        need_key(gappy)


def test_relative_gp_use_hand_example():
    rates = pd.DataFrame({"age_from": [0, 10], "age_to": [9, np.nan], "contacts_per_patient": [1.0, 4.0]})
    profile = pd.DataFrame({"age_from": [0, 5, 10], "age_to": [4, 9, np.nan], "population": [10, 10, 20]})
    use = relative_gp_use(["age_0_4", "age_5_14", "age_10plus"], rates=rates, profile=profile)
    mean = (20 * 1.0 + 20 * 4.0) / 40
    # age_5_14: years 5-9 (10 people at 1.0) and 10-14 (20 people spread over 10-99, i.e. 20/90 per year, at 4.0)
    p10_14 = 5 * 20 / 90
    assert use["age_0_4"] == pytest.approx(1.0 / mean)
    assert use["age_5_14"] == pytest.approx((10 * 1.0 + p10_14 * 4.0) / (10 + p10_14) / mean)
    assert use["age_10plus"] == pytest.approx(4.0 / mean)


def test_relative_gp_use_defaults_match_hand_computation():
    # Nivel 2017 contacts per patient, weighted by the national 2021 profile, computed here by hand
    prof = national_age_profile().set_index("age_from")["population"]
    assert gp_contacts_by_age()["contacts_per_patient"].tolist() == [3.5, 2.3, 3.6, 4.4, 6.0, 8.9, 13.3]
    use = relative_gp_use(["age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65plus"])
    c = use.attrs["contacts"]
    p0, p5 = prof[0], prof[5] + prof[10]
    assert c["age_0_14"] == pytest.approx((p0 * 3.5 + p5 * 2.3) / (p0 + p5))
    # ages 15-17 belong to the 5-17 band, 18-19 to 18-44 (spread evenly over the 5-year band 15-19)
    rate_15_19 = 0.6 * 2.3 + 0.4 * 3.6
    assert c["age_15_24"] == pytest.approx((prof[15] * rate_15_19 + prof[20] * 3.6) / (prof[15] + prof[20]))
    assert c["age_25_44"] == pytest.approx(3.6)
    assert c["age_45_64"] == pytest.approx(4.4)
    p65, p75, p85 = prof[65] + prof[70], prof[75] + prof[80], prof[85] + prof[90] + prof[95]
    assert c["age_65plus"] == pytest.approx((p65 * 6.0 + p75 * 8.9 + p85 * 13.3) / (p65 + p75 + p85))
    # the national mean over the 2021 profile lies near the published all-ages average of 4.4
    assert 4.3 < use.attrs["mean"] < 4.6
    assert list(use) == sorted(use)  # use rises with age over the CBS bands


def test_shortfall_key():
    counts = pd.Series({"A": 50, "B": 150, "C": 80})
    popn = pd.Series({"A": 100_000, "B": 100_000, "C": 100_000})
    key = shortfall_key(counts, popn)  # national rate 93.33 per 100,000
    assert key["B"] == 0
    assert key["A"] == pytest.approx(280 / 3 - 50)
    assert key.attrs["norm_per_100k"] == pytest.approx(280 / 3)
    assert shortfall_key(counts, popn, norm_per_100k=100).tolist() == [50.0, 0.0, 20.0]
    with pytest.raises(InputError, match="No region falls short.*A, B, C"):
        shortfall_key(counts, popn, norm_per_100k=10)


def test_mix_key():
    a = pd.Series({"X": 3.0, "Y": 1.0})
    b = pd.Series({"Y": 2.0, "X": 2.0})
    mixed = mix_key({"population": a, "need": b}, {"population": 3, "need": 1})
    assert mixed.tolist() == pytest.approx([0.75 * 0.75 + 0.25 * 0.5, 0.75 * 0.25 + 0.25 * 0.5])
    assert mixed.sum() == pytest.approx(1.0)
    with pytest.raises(InputError, match="no weight for need"):
        mix_key({"population": a, "need": b}, {"population": 1})
    with pytest.raises(InputError, match="other regions: Z"):
        mix_key({"population": a, "need": pd.Series({"X": 1.0, "Y": 1.0, "Z": 1.0})}, {"population": 1, "need": 1})
    with pytest.raises(InputError, match="non-negative"):
        mix_key({"population": a}, {"population": -1})


# ----------------------------------------------------------------------------- audit table


@pytest.mark.parametrize("method", ["hamilton", "sainte-lague", "dhondt"])
def test_audit_table_recomputes_every_row(method):
    key = pd.Series({"A": 5_123.0, "B": 3_001.0, "C": 1_877.0, "D": 999.0, "E": 0.0})
    popn = pd.Series({"A": 500_000, "B": 300_000, "C": 200_000, "D": 100_000, "E": 1_000})
    t = allocate(97, key, method=method, population=popn, names={"A": "Aa"})
    assert_recomputable(t)
    assert t.loc["A", "statnaam"] == "Aa" and t.loc["B", "statnaam"] == "B"
    assert np.allclose(t["per_100k"], t["allocated"] / popn * 1e5)


@pytest.mark.parametrize("method", ["hamilton", "sainte-lague", "dhondt"])
def test_audit_table_with_bounds_recomputes(method):
    key = pd.Series({"A": 50.0, "B": 30.0, "C": 15.0, "D": 5.0})
    t = allocate(40, key, method=method, lower={"D": 6}, upper={"A": 15})
    assert_recomputable(t)
    assert t.loc["D", "allocated"] == 6 and t.loc["A", "allocated"] == 15
    assert t.loc["D", "bound"] == "lower" and t.loc["A", "bound"] == "upper"


def test_current_distribution_and_total_row():
    key = pd.Series({"A": 2.0, "B": 1.0, "C": 1.0})
    popn = pd.Series({"A": 200_000, "B": 100_000, "C": 100_000})
    t = allocate(9, key, population=popn, current={"A": 5, "B": 2, "C": 0})  # quotas 4.5, 2.25, 2.25
    assert t["allocated"].tolist() == [5, 2, 2]
    assert t["difference"].tolist() == [0, 0, 2]
    assert t["current_per_100k"].tolist() == [2.5, 2.0, 0.0]
    full = with_total_row(t, lang="en")
    assert full.loc["NL", "allocated"] == 9 and full.loc["NL", "current"] == 7 and full.loc["NL", "difference"] == 2
    assert full.loc["NL", "per_100k"] == pytest.approx(2.25)
    notes = audit_notes(t, lang="en")
    assert any("Difference [difference] = allocated − Comparison [current]" in n for n in notes)
    assert not any("remainder_rank" in n for n in audit_notes(allocate(8, key), lang="en"))  # nothing left over
    assert any("the 1 unit left over goes to the region with Remainder rank [remainder_rank] 1 " in n for n in notes)


def test_allocate_bad_input():
    key = pd.Series({"A": 2.0, "B": 1.0})
    with pytest.raises(InputError, match="no value for B.*missing is not zero"):
        allocate(5, key, current={"A": 3})
    with pytest.raises(UnknownCodeError, match="not in the allocation: Q"):
        allocate(5, key, current={"A": 3, "B": 1, "Q": 1})
    with pytest.raises(InputError, match="Population: no value for B"):
        allocate(5, key, population={"A": 10})
    with pytest.raises(InputError, match=r"negative for A.*NaN|missing, non-numeric or infinite for B.*negative for A"):
        allocate(5, pd.Series({"A": -1.0, "B": np.nan}))
    with pytest.raises(InputError, match="All weights are zero.*A, B"):
        allocate(5, pd.Series({"A": 0.0, "B": 0.0}))
    with pytest.raises(InputError, match="total must be a whole number"):
        allocate(5.5, key)
    with pytest.raises(UnknownCodeError, match="PV99"):
        allocate(5, key, upper={"PV99": 1})


def test_allocate_does_not_mutate_inputs(pop):
    before = pop.copy()
    key = need_key(pop, use={"age_0_49": 1.0, "age_50plus": 2.0})
    key_before = key.copy()
    lower = pd.Series({"R3": 2})
    allocate(10, key, population=pop["population"], lower=lower, components=pop[["age_0_49", "age_50plus"]])
    pd.testing.assert_frame_equal(pop, before)
    pd.testing.assert_series_equal(key, key_before)
    assert lower.to_dict() == {"R3": 2}


def test_audit_notes_in_dutch_and_english():
    key = pd.Series({"A": 2.0, "B": 1.0, "C": 1.0})
    t = allocate(9, key, population=pd.Series({"A": 200_000, "B": 100_000, "C": 100_000}),
                 current={"A": 5, "B": 2, "C": 0}, lower={"C": 2})
    nl, en = audit_notes(t, lang="nl"), audit_notes(t, lang="en")
    assert len(nl) == len(en) and nl != en
    assert nl[0].startswith("Totaal 9 verdeeld volgens grootste overschot") and en[0].startswith("Total 9 split by")
    english = ("split by", "key sum", "whole part", "left over", "Bounds:", "regions")
    assert not [n for n in nl if any(w in n for w in english)], nl
    assert any("100.000" in n for n in nl) and any("100,000" in n for n in en)
    divisor = allocate(9, key, method="dhondt")
    assert "deler" in audit_notes(divisor, lang="nl")[-1] and "divisor" in audit_notes(divisor, lang="en")[-1]
    assert "Σ inwoners per leeftijdsgroep" in " ".join(audit_notes(allocate(9, need_key(
        pd.DataFrame({"age_0_49": [10, 20], "age_50plus": [5, 5]}, index=["A", "B"]),
        use={"age_0_49": 1.0, "age_50plus": 2.0})), lang="nl"))


# ----------------------------------------------------------------------------- values per region (files, pairs)

REGIONS = pd.Index(["PV20", "PV21", "PV22"])
NAMES = {"PV20": "Groningen", "PV21": "Fryslân", "PV22": "Drenthe"}


def read_option(text, *, what, column=None):
    """Values per region of an option as regio allocate reads them: the CLI parses, the library checks."""
    from regio.allocation.run import read_region_values

    return read_region_values(region_values(str(text), what=what, column=column), index=REGIONS, names=NAMES,
                              what=what)


def test_region_values_thousands_separators_are_not_guessed(tmp_path):
    path = tmp_path / "gps.csv"
    path.write_text('regio;aantal\nPV20;1.535\nPV21;"1,026"\nPV22;1.000\n', encoding="utf-8")
    # before: read as 1.535 and 1.026 without a word; a count column is whole numbers, and these are ambiguous
    with pytest.raises(InputError, match=r"'aantal' in .*gps.csv: ambiguous numbers at PV20, PV21, PV22 "
                                         r"\(e\.g\. '1\.535'.*'1535'"):
        read_option(path, what="GP counts", column="count")
    path.write_text("regio;aantal\nGroningen;1535\nFryslan;1026\nPV22;350\n", encoding="utf-8")
    got = read_option(path, what="GP counts", column="count")
    assert got.to_dict() == {"PV20": 1535.0, "PV21": 1026.0, "PV22": 350.0}


def test_region_values_find_the_code_column_whatever_the_column_order(tmp_path):
    # a name column before the code column: the code column is the key, not a second value column
    path = tmp_path / "instroom.csv"
    path.write_text("naam,code,aantal\nGroningen,PV20,34\nFryslân,PV21,39\n", encoding="utf-8")
    got = read_option(path, what="current distribution")
    assert got.to_dict() == {"PV20": 34.0, "PV21": 39.0}


def test_region_values_decimal_commas_and_fractions_named(tmp_path):
    from regio.allocation.run import read_region_values
    from regio.errors import RegioWarning

    # a Dutch decimal comma is read as a decimal (with a warning), and a fraction is no whole number
    path = tmp_path / "instroom.csv"
    path.write_text("provincie;current\nPV20;3\nFryslân;2,5\n", encoding="utf-8")
    with pytest.warns(RegioWarning, match="decimal commas"), \
            pytest.raises(InputError, match=r"'current' in .*instroom.csv: fractional values at Fryslân \(PV21\)"):
        read_option(path, what="current distribution", column="current")
    with pytest.raises(InputError, match="fractional values at PV20"):
        read_region_values({"PV20": 1.5}, index=REGIONS, names=NAMES, what="lower bounds")
    with pytest.raises(InputError, match="negative values at PV22"):
        read_option("PV22=-1", what="upper bounds")
    with pytest.raises(InputError, match=r"non-numeric values at PV20 \(e\.g\. 'veel'\)"):
        read_option("PV20=veel", what="upper bounds")
    assert read_option("PV20=30,PV22=0", what="lower").to_dict() == {"PV20": 30.0, "PV22": 0.0}
    # the library takes values, not text or paths: reading them is the caller's
    with pytest.raises(InputError, match="give the values per region as a mapping or a Series"):
        read_region_values("PV20=30", index=REGIONS, names=NAMES, what="lower bounds")


# ----------------------------------------------------------------------------- shipped figures


def test_national_figures_shipped():
    figs = national_figures()
    assert figs["value"].to_dict() == {"gp_trainees_2027": 1026, "gp_trainees_2024": 1190, "medical_places_2025": 3330,
                                       "medical_places_funded": 3015, "gp_vacancies_2025": 904}
    assert figs["publisher"].str.contains("Capaciteitsorgaan").all()
    assert figs["document"].notna().all() and figs["local_copy"].notna().all()
    with pytest.raises(InputError, match="Known figures: gp_trainees_2027 \\(1,026\\)"):
        national_figure("gp_trainees")


@pytest.mark.realdata
def test_figures_quoted_from_the_source_documents(real_data):
    docs = real_data.parent / "docs" / "sources"
    if not docs.is_dir():
        pytest.skip(f"no source documents next to the data directory ({docs})")
    figs = national_figures()
    for name, row in figs.iterrows():
        m = re.match(r"shared/docs/sources/(\S+)", row["local_copy"])
        text = (docs / m.group(1)).read_text(encoding="utf-8")
        dutch = f"{row['value']:,}".replace(",", ".")
        assert dutch in text, (name, dutch)


@pytest.mark.realdata
def test_age_profile_recomputes_from_the_pc4_table(real_data):
    raw = pd.read_csv(real_data / "tables" / "population_pc4_age5_certegis.csv")
    sums = raw.groupby("leeftijd", sort=False)["inwoners"].sum()
    shipped = national_age_profile()
    assert shipped["population"].tolist() == [int(v) for v in sums.to_numpy()]
    assert shipped["age_from"].tolist() == [int(re.match(r"\d+", b).group()) for b in sums.index]


# ----------------------------------------------------------------------------- real data


@pytest.fixture(scope="module")
def gp_by_population(real_data):
    from regio.allocation.run import run_allocation

    return run_allocation(AllocationSpec(figure="gp_trainees_2027", level="provincie", year=2024, key="population"),
                          data_dir=real_data, with_shapes=False)


@pytest.mark.realdata
def test_1026_over_provinces_by_population(gp_by_population):
    import regio

    t = gp_by_population.table
    assert len(t) == 12 and int(t["allocated"].sum()) == 1026
    pop = regio.population("provincie", 2024)
    assert t["population"].sum() == pop["population"].sum()
    quota = 1026 * pop["population"] / pop["population"].sum()
    assert ((t["allocated"] - quota.reindex(t.index)).abs() < 1).all()
    assert t.loc["PV21", "statnaam"] == "Fryslân"
    assert_recomputable(t)


@pytest.mark.realdata
def test_need_shifts_toward_older_provinces(real_data, gp_by_population):
    from regio.allocation.run import run_allocation

    need = run_allocation(AllocationSpec(figure="gp_trainees_2027", year=2024, key="need",
                                         current=gp_by_population.table["allocated"]),
                          data_dir=real_data, with_shapes=False).table
    assert int(need["allocated"].sum()) == 1026
    assert_recomputable(need)
    # share of 65+ predicts the direction of the shift: Limburg (old) gains, Flevoland (young) loses
    old = (need["age_65plus"] / need[[c for c in need if c.startswith("age_")]].sum(axis=1))
    assert old["PV31"] > old.median() > old["PV24"]
    assert need.loc["PV31", "per_100k"] > need.loc["PV24", "per_100k"]
    assert need["difference"].sum() == 0


@pytest.mark.realdata
def test_dutch_notes_carry_no_english_source_phrases(real_data):
    """Source descriptions are written in English where the data is read; Dutch notes translate regio's phrases."""
    from regio.allocation.run import run_allocation

    run = run_allocation(AllocationSpec(figure="gp_trainees_2027", year=2024, key="need"),
                         data_dir=real_data, with_shapes=False)
    text = " ".join(run.notes)
    assert "leeftijdsgroepen: " in text and "hoofdstuk" in text and "opgeteld door regio" in text
    for english in ("age bands", "rounded percentages", "chapter", "summed by", "representative points", " and "):
        assert english not in text, english
    en = " ".join(run_allocation(AllocationSpec(figure="gp_trainees_2027", year=2024, key="need"),
                                 data_dir=real_data, with_shapes=False, lang="en").notes)
    assert "age bands: " in en and "chapter" in en


@pytest.mark.realdata
def test_shortfall_goes_to_provinces_below_the_national_rate(real_data):
    from regio.allocation.run import run_allocation

    t = run_allocation(AllocationSpec(total=904, year=2024, key="shortfall"),
                       data_dir=real_data, with_shapes=False).table
    assert int(t["allocated"].sum()) == 904
    below = t["gps_per_100k"] < t["norm_per_100k"]
    assert (t.loc[~below, "allocated"] == 0).all()
    # Flevoland has the lowest GP density (CBS 84777NED 2018), so the most per 100,000
    assert t["per_100k"].idxmax() == "PV24" == t["gps_per_100k"].idxmin()
    assert_recomputable(t)


@pytest.mark.realdata
def test_3330_over_institute_areas(real_data):
    import regio
    from regio.allocation.run import run_allocation

    res = run_allocation(AllocationSpec(figure="medical_places_2025", level="instituut", year=2024, key="population"),
                         data_dir=real_data)
    t = res.table
    assert len(t) == 8 and int(t["allocated"].sum()) == 3330
    assert int(t["population"].sum()) == int(regio.population("gemeente", 2024)["population"].sum())
    assert ((t["allocated"] - t["quota"]).abs() < 1).all()
    assert res.shapes is not None and res.shapes.index.equals(t.index) and res.shapes.crs.to_epsg() == 28992
    assert_recomputable(t)


# ----------------------------------------------------------------------------- command line


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.realdata
def test_cli_allocate_prints_and_writes(real_data, tmp_path):
    res = run("--data-dir", str(real_data), "allocate", "--figure", "gp_trainees_2027", "--key", "need",
              "--out", str(tmp_path / "verdeling"), "--lower", "Zeeland=30")
    assert res.exit_code == 0, res.output
    assert "Nederland (totaal)" in res.output and "remainder_rank" in res.output
    csv = pd.read_csv(tmp_path / "verdeling.csv", index_col=0)
    regions = csv.drop(index="NL")
    assert int(regions["allocated"].sum()) == 1026 == int(csv.loc["NL", "allocated"])
    assert regions.loc["PV29", "allocated"] == 30 and regions.loc["PV29", "bound"] == "lower"
    # the CSV alone explains every number
    free = regions[regions["bound"].isna()]
    assert ((free["floor"] + free["extra"]) == free["allocated"]).all()
    assert np.allclose(free["floor"], np.floor(free["quota_bounded"] + 1e-9))
    assert (tmp_path / "verdeling.xlsx").is_file()
    notes = (tmp_path / "verdeling.notes.txt").read_text(encoding="utf-8")
    assert "1.026" in notes and "Nivel" in notes
    # Dutch notes: the figure's Dutch label and number format, no English method texts
    assert "gp_trainees_2027 = 1.026 aios huisartsgeneeskunde per jaar vanaf 2027" in notes
    for english in ("1,026", "trainees per year", "Advised yearly intake", "weighted by", "as published",
                    "summed from municipalities"):
        assert english not in notes, english
    assert "Sleutel: zorgbehoefte (inwoners gewogen naar huisartscontacten per leeftijd);" in notes
    en = run("--data-dir", str(real_data), "allocate", "--figure", "gp_trainees_2027", "--key", "need",
             "--level", "instituut", "--lang", "en")
    assert en.exit_code == 0, en.output
    assert "Key: need (inhabitants weighted by GP contacts per age); level: training institute" in en.output
    assert "(need (" not in en.output and "1,026 trainees per year" in en.output
    assert "nearest location (main and satellite)" in en.output
    nl = run("--data-dir", str(real_data), "allocate", "--figure", "gp_trainees_2027", "--level", "instituut")
    assert "dichtstbijzijnde locatie (hoofd- en satellietlocaties)" in nl.output and "nearest" not in nl.output


@pytest.mark.realdata
def test_cli_printed_quota_agrees_with_its_floor(real_data, tmp_path):
    # Flevoland's shortfall quota was 178.995...: with two decimals it printed as "179.00" beside floor 178
    # (with CBS's population of 1-1-2019 it is 177.x now; every row must print a quota whose floor is its floor)
    res = run("--data-dir", str(real_data), "allocate", "--figure", "gp_trainees_2027", "--key", "shortfall",
              "--out", str(tmp_path / "tekort"), "--wide")  # every column, the steps of the rounding included
    assert res.exit_code == 0, res.output
    # the terminal shows the table's columns in the CSV's order, headed by their labels
    header = list(pd.read_csv(tmp_path / "tekort.csv", nrows=0).columns.drop(["statcode", "statnaam"]))
    rows = {line.split()[0]: line.split() for line in res.output.splitlines() if line.startswith("PV")}
    flevoland = rows["PV24"][-len(header):]
    shown = dict(zip(header, flevoland, strict=True))
    def dutch(text):  # the terminal table is in Dutch by default: 1.234,5678
        return float(text.replace(".", "").replace(",", "."))

    quota, floor, remainder = (dutch(shown[c]) for c in ("quota", "floor", "remainder"))
    assert int(quota) == floor and 0 <= remainder < 1, shown
    for code, cells in rows.items():
        cell = dict(zip(header, cells[-len(header):], strict=True))
        assert int(dutch(cell["quota"])) == int(dutch(cell["floor"])), code
    csv = pd.read_csv(tmp_path / "tekort.csv", index_col=0).drop(index="NL")    # the table keeps every digit
    assert csv.loc["PV24", "quota"] == pytest.approx(1026 * csv.loc["PV24", "key"] / csv["key"].sum(), rel=1e-12)
    assert csv.loc["PV24", "quota"] != round(csv.loc["PV24", "quota"], 4)


@pytest.mark.realdata
@pytest.mark.parametrize(("args", "message"), [
    (["--total", "-5"], "non-negative"),
    (["--figure", "x"], "Known figures"),
    (["--total", "10", "--figure", "gp_trainees_2027"], "not both"),
    (["--total", "10", "--upper", "PV20=1,PV99=3"], "unknown regions, that do not exist at this level: PV99"),
    (["--total", "100", "--upper", "PV20=1", "--lower", "PV20=2"], "contradict"),
    (["--total", "10", "--lower", "PV20=8,PV21=5"], "13, 3 more than the total 10"),
    (["--total", "10", "--key", "shortfall", "--level", "ggd"], "only for provinces"),
    (["--total", "10", "--method", "adams"], "Unknown apportionment method"),
    # options the chosen key would ignore are refused, not silently dropped
    (["--total", "10", "--mix", "population=0.5,need=0.7"], "--mix / mix= is used only by the mix key"),
    (["--total", "10", "--key", "need", "--norm", "76"], "only by the shortfall key, not by need"),
    (["--total", "10", "--use", "age_0_14=1"], "--use / use= is used only by the need key, not by population"),
    (["--total", "10", "--key", "mix", "--mix", "population=1", "--counts-date", "2018"], "shortfall key"),
    # the spec's errors in the command's option names
    (["--key", "need"], "Give either a total (--total N) or a named national figure (--figure NAME), not neither"),
    (["--total", "10", "--key", "mix"], "The mix key needs weights, e.g. --mix population=0.5,need=0.3,shortfall=0.2."),
    (["--total", "10", "--key", "shortfall", "--level", "instituut"], "(--counts FILE with a region and a count"),
    (["--total", "10", "--use", "x"], "relative use: write name=value pairs"),
])
def test_cli_bad_input(real_data, args, message):
    res = run("--data-dir", str(real_data), "allocate", *args, "--lang", "en")  # the messages in English
    assert res.exit_code == 2, res.output
    assert message in res.output


def test_allocation_spec_checks_what_needs_no_data_in_its_keywords():
    """AllocationSpec refuses what it can without data, naming its keywords; the CLI says each kind in options."""
    from regio.allocation.run import run_allocation
    from regio.cli.allocate import MESSAGES

    cases = [
        ({}, "total_figure", "Give either a total (total=N) or a named national figure (figure=NAME), not neither"),
        ({"total": 1, "figure": "gp_trainees_2027"}, "total_figure", "not both"),
        ({"total": 1, "key": "mix"}, "mix_missing", "mix={'population': 0.5"),
        ({"total": 1, "use": {"age_0_14": 1}}, "unused",
         "use= is used only by the need key, not by population: choose that key (key='need', or key='mix' with it "
         "in mix=) or leave the option out."),
        ({"total": 1, "key": "need", "mix": {"need": 1}}, "unused", "mix= is used only by the mix key, not by need"),
    ]
    for kwargs, kind, message in cases:
        with pytest.raises(OptionError) as exc:
            AllocationSpec(**kwargs)
        assert exc.value.kind == kind and message in str(exc.value), (kwargs, str(exc.value))
        assert "--" not in str(exc.value), str(exc.value)               # no command-line option in the library
        assert kind in MESSAGES and "--" in str(MESSAGES[kind](**exc.value.details))   # the CLI says it with options
    # structured values only: text and paths are read before, by the command line or the caller
    with pytest.raises(InputError, match=r"lower= takes values per region as a mapping or a Series"):
        AllocationSpec(total=1, lower="PV20=30")
    with pytest.raises(InputError, match=r"areas= takes the grouping as a DataFrame .*read_table\(path\)"):
        AllocationSpec(total=1, areas="areas.csv")
    with pytest.raises(InputError, match="Mix weight for 'need' is not a number: 'veel'"):
        AllocationSpec(total=1, key="mix", mix={"population": 1, "need": "veel"})
    with pytest.raises(InputError, match="Relative use for 'age_0_14' is not a number"):
        AllocationSpec(total=1, key="need", use={"age_0_14": "x"})
    with pytest.raises(InputError, match="Unknown apportionment method"):
        AllocationSpec(total=1, method="adams")
    with pytest.raises(TypeError, match="takes an AllocationSpec"):
        run_allocation(100)
    spec = AllocationSpec(total=5, key=" Need ", method="d'hondt", upper={"PV20": "2"})
    assert (spec.key, spec.method, spec.upper) == ("need", "dhondt", {"PV20": "2"})
    assert repr(spec) == "AllocationSpec(total=5, key='need', method='dhondt', upper={'PV20': '2'})"


@pytest.mark.realdata
def test_shortfall_without_counts_needs_provinces_said_in_keywords(real_data):
    """The two option errors the run raises once the regions are known: in keywords, and in options for the CLI."""
    from regio.allocation.run import run_allocation
    from regio.cli.allocate import MESSAGES

    cases = [(AllocationSpec(total=1, key="shortfall", level="ggd"), "counts_level",
              "not for ggdregio. Allocate over provinces, or give your own counts per region (counts="),
             (AllocationSpec(total=1, key="mix", mix={"need": 1, "shortfall": 1}, level="instituut"), "counts_level",
              "not for instituut"),
             (AllocationSpec(total=1, key="shortfall", counts_date="2018-12-21"), "counts_date_day",
              "(e.g. counts_date=2018)")]
    for spec, kind, message in cases:
        with pytest.raises(OptionError) as exc:
            run_allocation(spec, data_dir=real_data, with_shapes=False)
        assert exc.value.kind == kind and message in str(exc.value) and "--" not in str(exc.value), str(exc.value)
        assert "--" in str(MESSAGES[kind](**exc.value.details))


@pytest.mark.realdata
def test_cli_interpolate_for_a_year_without_a_population_table(real_data, data_without, tmp_path):
    # the population error tells the user to add --interpolate: regio allocate must have it
    args = ["--data-dir", str(real_data), "allocate", "--total", "100", "--key", "need", "--year", "2023"]
    res = run(*args, "--ages", "kerncijfers")  # 2023 has no kerncijfers
    assert res.exit_code == 2 and "--interpolate" in res.output
    res = run(*args)  # by default the municipal age structure of 2020, carried to 2023
    assert res.exit_code == 0 and "leeftijdsopbouw van 1 januari 2020" in res.output, res.output
    res = run(*args, "--interpolate", "--out", str(tmp_path / "v2023"))
    assert res.exit_code == 0, res.output
    table = pd.read_csv(tmp_path / "v2023.csv", index_col=0)
    assert int(table.loc["NL", "allocated"]) == 100
    notes = (tmp_path / "v2023.notes.txt").read_text(encoding="utf-8")
    assert "geïnterpoleerd tussen 2022 en 2024" in notes and "interpolation" not in notes   # Dutch notes in Dutch
    # institute areas of an interpolated year use the division the inhabitants were carried to
    # (without CBS 37259eng, 2023 has no municipal table and is interpolated between 2022 and 2024)
    root = data_without("tables/population_regions_1jan_2012_2024_cbs37259eng.csv")
    inst = run("--data-dir", str(root), "allocate", "--total", "100", "--level", "instituut", "--year", "2023",
               "--interpolate")
    assert inst.exit_code == 0, inst.output
    assert "Gemeenten van de indeling 2024" in inst.output
    published = run("--data-dir", str(real_data), "allocate", "--total", "100", "--level", "instituut",
                    "--year", "2023")
    assert published.exit_code == 0 and "17.811.291" in published.output  # CBS 37259eng, 1 January 2023


@pytest.mark.realdata
def test_shortfall_key_uses_the_counts_and_population_of_regio_density(real_data):
    from regio.allocation.run import run_allocation
    from regio.density.run import density_inputs

    t = run_allocation(AllocationSpec(total=904, year=2024, key="shortfall"),
                       data_dir=real_data, with_shapes=False).table
    inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False, data_dir=real_data)
    pop_year = int(inputs.population.attrs["year"])
    assert t["gps"].tolist() == inputs.placed.counts.reindex(t.index).tolist()
    assert t[f"population_{pop_year}"].tolist() == inputs.population["population"].reindex(t.index).tolist()


def test_cli_list_figures_in_the_language_asked_with_sources_a_user_can_find():
    from regio.allocation.run import resolve_total

    figs = national_figures()
    nl, en = run("allocate", "--list-figures"), run("allocate", "--list-figures", "--lang", "en")
    assert nl.exit_code == 0 and en.exit_code == 0
    assert "gp_trainees_2027" in nl.output and "1.026" in nl.output and "1,026" not in nl.output
    assert "1,026" in en.output and "bron: " in nl.output and "source: " in en.output
    for name, row in figs.iterrows():
        assert row["label_nl"] in nl.output and row["what"] in en.output, name
        url = row["source_url"] if isinstance(row["source_url"], str) else ""
        # the web address where there is one, else the document's title; never the project's local copy
        assert (url or row["document"]) in en.output, name
        cite = resolve_total(None, name, lang="en")[1]
        assert (url or row["document"]) in cite and "shared/docs" not in cite, name
    assert "Advised yearly intake" not in nl.output and "aios huisartsgeneeskunde per jaar" not in en.output
    assert "shared/docs" not in nl.output + en.output and ".txt" not in nl.output + en.output


@pytest.mark.realdata
def test_map_in_chromium(real_data, tmp_path):
    res = run("--data-dir", str(real_data), "map", "allocation", "--figure", "gp_trainees_2027", "--key", "need",
              "--current", "PV20=34,PV21=38,PV22=29,PV23=68,PV24=26,PV25=123,PV26=80,PV27=170,PV28=220,PV29=22,"
              "PV30=151,PV31=65", "--out", str(tmp_path))
    assert res.exit_code == 0, res.output
    html = tmp_path / "allocation_gp_trainees_2027_provincie_need_2024.html"
    text = html.read_text(encoding="utf-8")
    labels = json.loads(re.search(r"var labels = (\[.*?\]);\n", text).group(1))
    assert len(labels) == 12  # one label per province, with its name and allocated number
    table = pd.read_csv(tmp_path / "allocation_gp_trainees_2027_provincie_need_2024.csv", index_col=0).drop(index="NL")
    assert sorted(label["lines"][1] for label in labels) == sorted(str(int(n)) for n in table["allocated"])
    assert sorted(label["lines"][0] for label in labels) == sorted(table["statnaam"])
    assert (tmp_path / "allocation_gp_trainees_2027_provincie_need_2024.png").stat().st_size > 10_000
    require_browser()
    shown = render(html, screenshot="allocation_provincie_need.png", switch_to=2)
    assert shown.errors == []
    assert shown.regions == 12
    assert shown.switch_labels == ["Toegewezen per 100.000 inwoners", "Toegewezen aantal",
                                   "Verschil met huidige verdeling"]
    assert shown.visible_legend.startswith("Verschil met huidige verdeling")
    assert "Toegewezen" in shown.tooltip and "Verschil" in shown.tooltip


def _check_classes(layer, values):
    """Every class has regions, no two labels alike, neighbours print apart; every value in its class's range."""
    labels = layer.classes.labels
    assert len(set(labels)) == len(labels), labels
    counts = layer.index[layer.index >= 0].value_counts()
    assert sorted(counts.index) == list(range(len(labels))), (labels, counts)
    for i, label in enumerate(labels):
        members = values[layer.index == i]
        assert not re.fullmatch(r"(.+) – \1", label), label
        if label == "0":
            assert (members == 0).all()
        else:
            assert (members != 0).all(), label


@pytest.mark.parametrize("values", [
    [0, 0, 0, 0, 0, 0, 76, 84, 140, 179, 235, 312],
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 6.12, 11.48, 11.77, 11.80, 21.45, 39.70],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 9.3],
    [5.711, 5.712, 5.713, 5.714, 5.719, 5.72, 5.721],
    [3, 3, 3, 3],
    [0, 0, 0],
])
def test_allocation_legend_has_a_zero_class_and_no_empty_or_repeated_class(values):
    from regio.maps.allocation import value_layer

    s = pd.Series(values, index=[f"R{i}" for i in range(len(values))], dtype=float)
    layer = value_layer("t", s, k=5, decimals=1, lang="nl")
    _check_classes(layer, s)
    if (s == 0).any() and (s > 0).any():
        assert layer.classes.labels[0] == "0" and not any(lab.startswith("0 –") for lab in layer.classes.labels)


@pytest.mark.realdata
def test_shortfall_map_legends(real_data, tmp_path):
    # `regio map allocation --key shortfall`: half the provinces get 0 (legends read "0.0 – 0.0", "0 – 81")
    from regio.maps.allocation import allocation_layers

    res = run("--data-dir", str(real_data), "map", "allocation", "--figure", "gp_trainees_2027", "--key",
              "shortfall", "--out", str(tmp_path))
    assert res.exit_code == 0, res.output
    table = pd.read_csv(tmp_path / "allocation_gp_trainees_2027_provincie_shortfall_2024.csv",
                        index_col=0).drop(index="NL")
    per_100k, number = allocation_layers(table, lang="nl")
    for layer, column in ((per_100k, "per_100k"), (number, "allocated")):
        _check_classes(layer, table[column])
        assert layer.classes.labels[0] == "0"
    text = (tmp_path / "allocation_gp_trainees_2027_provincie_shortfall_2024.html").read_text(encoding="utf-8")
    assert "0,0 – 0,0" not in text and "0 – 0" not in text


@pytest.mark.realdata
def test_per_100k_layer_does_not_colour_rounding_noise(real_data):
    """1,026 by population: every province gets the national rate but for rounding, so one neutral class."""
    from regio.allocation.run import run_allocation
    from regio.maps.allocation import allocation_layers

    pop = run_allocation(AllocationSpec(figure="gp_trainees_2027", year=2024),
                         data_dir=real_data, with_shapes=False).table
    spread = pop["per_100k"].max() - pop["per_100k"].min()
    assert spread > 0.1  # 5.6 ... 5.8 per 100,000: what a five-class ramp made look like regional differences
    layer = allocation_layers(pop)[0]
    assert len(layer.classes.labels) == 1 and (layer.index == 0).all()
    assert "afronding" in layer.note
    # by need the differences are real (older provinces get more): classes, not one
    need = run_allocation(AllocationSpec(figure="gp_trainees_2027", year=2024, key="need", current=pop["allocated"]),
                          data_dir=real_data, with_shapes=False).table
    layers = allocation_layers(need, current_label="de verdeling naar inwoners")
    assert len(layers[0].classes.labels) > 1
    # the difference layer says what it is compared with, not "now"
    assert layers[2].note == "rood: minder dan bij de verdeling naar inwoners, blauw: meer"
    assert "dan nu" in allocation_layers(need)[2].note


@pytest.mark.realdata
def test_atlas_section(real_data, tmp_path):
    from regio.report.atlas import build_atlas

    items, skipped = build_atlas(tmp_path, sections=["allocation"], data_dir=real_data, progress=False)
    assert skipped == []
    paths = [i.path for i in items]
    assert "allocation_gp_trainees_2027_provincie_population_2024.html" in paths
    assert "allocation_gp_trainees_2027_provincie_need_2024.html" in paths
    for p in paths:
        assert (tmp_path / p).is_file(), p
    need = pd.read_csv(tmp_path / "allocation_gp_trainees_2027_provincie_need_2024.csv", index_col=0)
    assert int(need.loc["NL", "allocated"]) == 1026 and int(need.loc["NL", "difference"]) == 0
    # the "current" column is the split by inhabitants, and the notes say so (not "de huidige verdeling")
    notes = (tmp_path / "allocation_gp_trainees_2027_provincie_need_2024.notes.txt").read_text(encoding="utf-8")
    assert ("Verschil [difference] = toegewezen − Vergelijking [current] (Vergelijking: de verdeling naar "
            "inwoners).") in notes


@pytest.mark.realdata
def test_own_grouping_and_counts_by_name(real_data, tmp_path):
    import regio
    from regio.allocation.run import run_allocation

    member = regio.membership(2024, levels=["provincie"])["provincie"]
    north = {"PV20", "PV21", "PV22", "PV23", "PV24"}
    areas = pd.DataFrame({"gemeente": member.index, "region": ["Noord" if p in north else "Zuid" for p in member]})
    areas.to_csv(tmp_path / "areas.csv", index=False)
    res = run_allocation(AllocationSpec(total=100, areas=read_table(tmp_path / "areas.csv"), year=2024),
                         data_dir=real_data, with_shapes=False)
    assert res.notes[2] == "Regio's: eigen indeling van gemeenten uit areas.csv."
    assert sorted(res.table.index) == ["Noord", "Zuid"] and int(res.table["allocated"].sum()) == 100
    assert int(res.table["population"].sum()) == int(regio.population("gemeente", 2024)["population"].sum())
    # GP counts given by province name, spelled without the circumflex, with a Dutch column name
    gps = regio.physicians("huisarts", year=2018, level="provincie")
    gps = gps[gps["kind"] == "region"]
    names = gps["statnaam"].str.replace("â", "a")
    pd.DataFrame({"provincie": names, "aantal": gps["count"].astype(int)}).to_csv(tmp_path / "gps.csv", index=False)
    gps_file = region_values(str(tmp_path / "gps.csv"), what="GP counts", column="count")  # as --counts FILE
    default = run_allocation(AllocationSpec(total=904, key="shortfall", year=2024), data_dir=real_data,
                             with_shapes=False).table
    # the same counts given with the day they were counted (from the data, not typed in): one rule decides the
    # inhabitants they are set against, so the GP rate, the norm, the key and the allocation are those of the
    # default path (which takes counts and inhabitants from regio density)
    day = pd.Timestamp(gps["reference_date"].dropna().unique()[0])
    given = run_allocation(AllocationSpec(total=904, key="shortfall", counts=gps_file,
                                          counts_date=day.strftime("%Y-%m-%d"), year=2024),
                           data_dir=real_data, with_shapes=False).table
    compared = [c for c in default.columns if c != "statnaam"]
    assert any(c.startswith("population_") for c in compared)
    pd.testing.assert_frame_equal(given[compared], default[compared], check_dtype=False)


@pytest.mark.realdata
def test_counts_date_follows_the_density_rule(real_data, tmp_path):
    """--counts with only a year: the inhabitants of 1 January of that year, as regio density takes a user's file."""
    import regio
    from regio.allocation.run import run_allocation
    from regio.density import population_year
    from regio.density.run import density_inputs

    gps = regio.physicians("huisarts", year=2018, level="provincie", data_dir=real_data)
    gps = gps[gps["kind"] == "region"]
    pd.DataFrame({"statcode": gps["statcode"], "count": gps["count"].astype(int)}).to_csv(
        tmp_path / "gps.csv", index=False)
    pd.DataFrame({"region": gps["statcode"], "year": 2018, "profession": "huisarts",
                  "count": gps["count"].astype(int)}).to_csv(tmp_path / "gps_user.csv", index=False)
    gps_file = region_values(str(tmp_path / "gps.csv"), what="GP counts", column="count")  # as --counts FILE
    res = run_allocation(AllocationSpec(total=904, key="shortfall", counts=gps_file, counts_date=2018, year=2024),
                         data_dir=real_data, with_shapes=False)
    user = density_inputs("huisarts", level="provincie", year=2018, counts_path=tmp_path / "gps_user.csv",
                          with_shapes=False, data_dir=real_data)
    assert user.population_year == population_year(pd.NaT, year=2018) == 2018
    assert list(res.table["population_2018"]) == list(user.population["population"].reindex(res.table.index))
    assert any("21-12-2018" in n and "--counts-date" in n for n in res.notes)     # the note says how to give the day
    # counts of 20-12-2024 are nearest to 1-1-2025, which has no table: 1-1-2024, as regio density falls back
    late = run_allocation(AllocationSpec(total=904, key="shortfall", counts=gps_file, counts_date="2024-12-20",
                                         year=2024), data_dir=real_data, with_shapes=False)
    assert "population_2024" in late.table.columns
    assert any("1-1-2025, heeft geen bevolkingstabel" in n for n in late.notes)
    # a day counts, a full date without --counts does not (the CBS counts know their own day): the spec says so in
    # its keywords, the command line in its options
    with pytest.raises(OptionError, match="counts_date= gives the day of your own counts=") as exc:
        run_allocation(AllocationSpec(total=904, key="shortfall", counts_date="2018-12-21"), data_dir=real_data,
                       with_shapes=False)
    assert exc.value.kind == "counts_date_day" and exc.value.details == {"year": 2018}
    cli = run("--data-dir", str(real_data), "allocate", "--total", "904", "--key", "shortfall", "--counts-date",
              "2018-12-21", "--lang", "en")
    assert cli.exit_code == 2 and "--counts-date gives the day of your own --counts" in cli.output
    assert "(e.g. --counts-date 2018)" in cli.output
    with pytest.raises(InputError, match="not a date"):
        AllocationSpec(total=904, key="shortfall", counts=gps_file, counts_date="kerst")


@pytest.mark.realdata
def test_counts_of_another_year_over_institute_areas(real_data):
    """A grouping of municipalities sets counts against the inhabitants of their 1 January in its own division."""
    import regio
    from regio.allocation.run import run_allocation

    base = run_allocation(AllocationSpec(total=1026, level="instituut", year=2024), data_dir=real_data,
                          with_shapes=False).table
    counts = {code: 100 + i for i, code in enumerate(base.index)}
    res = run_allocation(AllocationSpec(total=1026, level="instituut", key="shortfall", counts=counts,
                                        counts_date="2018-12-21", year=2024), data_dir=real_data, with_shapes=False)
    table = res.table
    national = regio.population("gemeente", 2019, interpolate=True, division=2024, data_dir=real_data)
    assert int(table["population_2019"].sum()) == int(national["population"].sum())
    assert table["population_2019"].ne(table["population"]).all()
    assert int(table["allocated"].sum()) == 1026


def test_left_over_units_in_proper_singular_and_plural():
    one = allocate(5, pd.Series({"A": 2.0, "B": 1.0}))  # quotas 3.33 and 1.67: 1 unit left over
    assert one.attrs["left_over"] == 1
    nl, en = audit_notes(one)[-1], audit_notes(one, lang="en")[-1]
    assert "de 1 overgebleven eenheid gaat naar de regio met Rang rest [remainder_rank] 1 " in nl
    assert "the 1 unit left over goes to the region with Remainder rank [remainder_rank] 1 " in en
    many = allocate(6, pd.Series({f"R{i}": 1.0 for i in range(7)}))  # 7 quotas of 0.86: 6 units left over
    assert many.attrs["left_over"] == 6
    nl, en = audit_notes(many)[-1], audit_notes(many, lang="en")[-1]
    assert "de 6 overgebleven eenheden gaan één voor één naar de regio's met Rang rest [remainder_rank] 1..6" in nl
    assert "the 6 units left over go one each to the regions with Remainder rank [remainder_rank] 1..6" in en
    for text in (*audit_notes(one), *audit_notes(many), *audit_notes(many, lang="en")):
        assert "(i)" not in text and "(en)" not in text and "(s)" not in text


@pytest.mark.realdata
def test_small_areas_without_inhabitants_or_with_suppressed_counts(real_data):
    """Wijken with 0 inhabitants get nothing and no rate; PC4 areas CBS suppressed are left out and named."""
    from regio.allocation.run import run_allocation

    wijk = run_allocation(AllocationSpec(100, level="wijk", year=2022), data_dir=real_data, with_shapes=False)
    empty = wijk.table["population"] == 0
    assert empty.any() and (wijk.table.loc[empty, "allocated"] == 0).all()
    assert wijk.table.loc[empty, "per_100k"].isna().all() and wijk.table.loc[~empty, "per_100k"].notna().all()
    assert int(wijk.table["allocated"].sum()) == 100
    pc4 = run_allocation(AllocationSpec(100, level="pc4", year=2021), data_dir=real_data, with_shapes=False)
    assert int(pc4.table["allocated"].sum()) == 100 and "1044" not in pc4.table.index
    note = next(n for n in pc4.notes if n.startswith("Buiten de verdeling"))
    assert "15 regio's" in note and "1044" in note and "9662" in note
    # a bound for such an area is no unknown region: it is set aside, and said so
    bounded = run_allocation(AllocationSpec(100, level="pc4", year=2021, upper={"1044": 1, "1011": 0}),
                             data_dir=real_data, with_shapes=False)
    assert bounded.table.loc["1011", "allocated"] == 0 and int(bounded.table["allocated"].sum()) == 100
    assert any(n.startswith("Bovengrenzen: de waarden van 1044 (samen 1) zijn opzij gezet") for n in bounded.notes)
    # PC4 boundaries exist for 2020 only: the map of 2021 uses them, and says so
    drawn = run_allocation(AllocationSpec(100, level="pc4", year=2021), data_dir=real_data)
    assert drawn.shapes.index.equals(drawn.table.index) and drawn.shapes.crs.to_epsg() == 28992
    assert any(n.startswith("Kaart: grenzen van 2020 (er zijn geen grenzen van 2021)") for n in drawn.notes)


def test_allocate_says_when_rates_differ_only_by_rounding():
    pop = pd.Series({"A": 100_000, "B": 200_000, "C": 300_000})
    by_population = allocate(10, pop.astype(float), population=pop)
    assert by_population.attrs["per_100k_rounding_only"]  # 10/6 per 100,000 everywhere but for whole numbers
    skewed = allocate(10, pd.Series({"A": 5.0, "B": 1.0, "C": 1.0}), population=pop)
    assert not skewed.attrs["per_100k_rounding_only"]
