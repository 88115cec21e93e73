"""Municipal changes before 2016 derived from the population: whole mergers go wholly to their successor.

Made-up steps first (the rule of ``geography.derive_step``), then the real data (``real_data``).
"""

from __future__ import annotations

import pandas as pd
import pytest

import regio
from regio import geography
from regio.errors import InputError
from regio.sources.crosswalks import read_grenswijzigingen
from regio.sources.population import read_year_end_population

# ----------------------------------------------------------------------------- made-up steps

# MADE-UP counts of one 1 January, not real municipalities. On 31 December (``before``) GM0001..GM0008;
# on 1 January (``after``): GM0002 + GM0003 merged into the new GM0009; GM0004 joined GM0001 whole;
# GM0005 was split between GM0001 (300 people) and GM0009 (200); GM0006 was renamed GM0010;
# GM0007 handed 40 people to GM0008 in a boundary correction.
MADE_UP_BEFORE = pd.Series({"GM0001": 10_000, "GM0002": 2_000, "GM0003": 1_500, "GM0004": 700,
                            "GM0005": 500, "GM0006": 3_000, "GM0007": 900, "GM0008": 1_200})
MADE_UP_AFTER = pd.Series({"GM0001": 11_000, "GM0007": 860, "GM0008": 1_240, "GM0009": 3_700, "GM0010": 3_000})


def test_made_up_step_whole_mergers_split_renaming_and_a_boundary_correction():
    step = geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER)
    got = {(f, t): (w, r) for f, t, w, r in step[["from_code", "to_code", "weight", "rule"]].itertuples(index=False)}
    assert got == {
        ("GM0002", "GM0009"): (2000, "whole"), ("GM0003", "GM0009"): (1500, "whole"),
        ("GM0004", "GM0001"): (700, "whole"), ("GM0006", "GM0010"): (3000, "whole"),
        ("GM0005", "GM0001"): (300, "split"), ("GM0005", "GM0009"): (200, "split"),
        ("GM0007", "GM0007"): (860, "boundary"), ("GM0007", "GM0008"): (40, "boundary"),
    }
    assert step.attrs["ties"] == 0 and step.attrs["split"] == ["GM0005"]
    # every old municipality's people are all accounted for, and every new one's
    assert step.groupby("from_code")["weight"].sum().to_dict() == {
        c: MADE_UP_BEFORE[c] for c in step["from_code"].unique()}


def test_made_up_step_the_area_overlay_decides_which_municipality_was_split():
    # GM0001 (300) and GM0002 (500) disappear; the new GM0009 gains 650 and GM0005 150.
    before = pd.Series({"GM0001": 300, "GM0002": 500, "GM0005": 1000})
    after = pd.Series({"GM0005": 1150, "GM0009": 650})
    alone = geography.derive_step(before, after)  # the counts alone: the smaller one split (fewer people split)
    assert alone.attrs["split"] == ["GM0001"]
    # the boundaries say GM0001 lies only in GM0009: then GM0002 was split
    allowed = pd.DataFrame({"from_code": ["GM0001", "GM0002", "GM0002", "GM0005"],
                            "to_code": ["GM0009", "GM0009", "GM0005", "GM0005"]})
    bounded = geography.derive_step(before, after, allowed=allowed)
    assert bounded.attrs["split"] == ["GM0002"]
    assert bounded.set_index(["from_code", "to_code"])["weight"].to_dict() == {
        ("GM0001", "GM0009"): 300, ("GM0002", "GM0005"): 150, ("GM0002", "GM0009"): 350}


def test_made_up_step_that_the_counts_cannot_decide_reports_the_ties():
    before = pd.Series({"GM0001": 100, "GM0002": 100})
    after = pd.Series({"GM0008": 100, "GM0009": 100})
    assert geography.derive_step(before, after).attrs["ties"] == 1


def test_made_up_counts_of_different_days_are_refused():
    with pytest.raises(InputError, match="differ by -5 people"):
        geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER - pd.Series({"GM0001": 5}).reindex(MADE_UP_AFTER.index,
                                                                                               fill_value=0))
    allowed = pd.DataFrame({"from_code": ["GM0002"], "to_code": ["GM0001"]})
    with pytest.raises(InputError, match="No assignment"):
        geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER, allowed=allowed)


def test_derived_steps_compose_with_the_exact_ones_in_a_crosswalk():
    step = geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER).assign(from_year=2014, to_year=2015,
                                                                       basis="population")
    exact = pd.DataFrame({"from_year": [2016], "to_year": [2017], "from_code": ["GM0010"], "to_code": ["GM0001"],
                          "weight": [5]})
    divs = geography.derive_divisions({2014: MADE_UP_BEFORE.index, 2015: MADE_UP_AFTER.index}, exact,
                                      span=(2015, 2017))
    cw = geography.build_crosswalk(2014, 2017, divisions=divs, exact=exact, exact_span=(2016, 2017),
                                   derived=step, derived_years=[2014, 2015])
    assert cw.attrs["path"] == ["2014->2015 (derived from population)", "2015->2016 (derived from population)",
                                "2016->2017 (grenswijzigingen)"]
    shares = cw.set_index(["from_code", "to_code"])["share"]
    assert shares[("GM0002", "GM0009")] == 1 and shares[("GM0005", "GM0001")] == pytest.approx(0.6)
    assert shares[("GM0006", "GM0001")] == 1  # renamed in 2015, merged in 2017
    assert shares[("GM0007", "GM0008")] == pytest.approx(40 / 900)


# ----------------------------------------------------------------------------- the real data

def _carried_alone(codes: list[str], start: int, end: int) -> pd.Series:
    """Carry the population of ``codes`` only (every other municipality counts 0)."""
    pop = regio.population("gemeente", start)[["population"]]
    only = pop.copy()
    only.loc[~only.index.isin(codes), "population"] = 0
    carried = regio.carry_to(only, start, end)["population"]
    assert int(carried.sum()) == int(pop.loc[codes, "population"].sum())
    return carried[carried > 0]


@pytest.mark.realdata
def test_bussum_muiden_and_naarden_go_wholly_to_gooise_meren(real_data):
    pop = regio.population("gemeente", 2014)["population"]
    # the derived steps 2014->2016: all of them
    assert _carried_alone(["GM0381", "GM0424", "GM0425"], 2014, 2016).to_dict() == {
        "GM1942": int(pop[["GM0381", "GM0424", "GM0425"]].sum())}
    # to 2024 too, but for the CBS change file's one address of Gooise Meren's 24,565 that went to Hilversum
    # (GM0402) in 2017: a share of 4.1e-5, one person of Bussum's 32,631
    cbs = read_grenswijzigingen().query("from_year == 2016 and from_code == 'GM1942'").set_index("to_code")["weight"]
    assert cbs.to_dict() == {"GM0402": 1, "GM1942": 24564}
    to_2024 = _carried_alone(["GM0381", "GM0424"], 2014, 2024)
    assert set(to_2024.index) <= {"GM1942", "GM0402"} and to_2024.get("GM0402", 0) <= 1
    assert to_2024["GM1942"] >= int(pop[["GM0381", "GM0424"]].sum()) - 1
    carried = regio.carry_to(pop.to_frame(), 2014, 2024)
    assert carried.loc["GM1942", "population"] >= int(pop[["GM0381", "GM0424", "GM0425"]].sum()) - 2
    assert "derived from the CBS population (37259eng)" in carried.attrs["method"]
    assert "goes wholly to the successor in which its people of 31 December reappear" in carried.attrs["method"]
    assert carried.attrs["crosswalk"][:2] == ["2014->2015 (derived from population and boundaries)",
                                               "2015->2016 (derived from population and boundaries)"]


@pytest.mark.realdata
def test_schoonhoven_goes_wholly_to_krimpenerwaard(real_data):
    pop = regio.population("gemeente", 2014)["population"]
    assert _carried_alone(["GM0608"], 2014, 2024).to_dict() == {"GM1931": int(pop["GM0608"])}
    # and the five municipalities of 2014 make up Krimpenerwaard of 2015 with the people counted there
    five = ["GM0491", "GM0608", "GM0623", "GM0643", "GM0644"]
    end = read_year_end_population().query("year == 2014").set_index("statcode")["population"]
    assert int(end[five].sum()) == int(regio.population("gemeente", 2015).loc["GM1931", "population"])
    assert _carried_alone(five, 2014, 2015).to_dict() == {"GM1931": int(pop[five].sum())}


@pytest.mark.realdata
def test_real_splits_still_split(real_data):
    # Haaren (GM0788), split on 1 January 2021 (CBS change file): over Boxtel, Oisterwijk, Tilburg and Vught
    cw = regio.crosswalk(2020, 2021)
    haaren = cw[cw["from_code"] == "GM0788"].set_index("to_code")["share"]
    assert set(haaren.index) == {"GM0757", "GM0824", "GM0855", "GM0865"} and (haaren > 0.05).all()
    # Maasdonk (GM1671), 2015: by the people 's-Hertogenbosch and Oss gained, not by area
    maasdonk = regio.crosswalk(2014, 2015).query("from_code == 'GM1671'").set_index("to_code")["share"]
    assert maasdonk.round(4).to_dict() == {"GM0796": round(6719 / 11348, 4), "GM0828": round(4629 / 11348, 4)}
    # Boarnsterhim (GM0055), 2014 (population alone): over Heerenveen, Leeuwarden, Súdwest-Fryslân, De Friese Meren
    boarn = regio.crosswalk(2013, 2014).query("from_code == 'GM0055'").set_index("to_code")["share"]
    assert set(boarn.index) == {"GM0074", "GM0080", "GM1900", "GM1921"} and boarn.sum() == pytest.approx(1)


@pytest.mark.realdata
def test_the_derived_steps_find_the_changes_the_cbs_change_file_lists(real_data):
    # Where the CBS change file exists, the population alone finds the successors it lists, in the years with at
    # most one split (a year like 2018, with several splits among many mergers, needs the boundaries). The file's
    # rows of fewer than 10 addresses move no people on the count; the population shows 11 people moving from
    # Rotterdam to Lansingerland on 1 January 2020, a correction the file does not list. (Weesp joined
    # Amsterdam on 24 March 2022: CBS counts it in Amsterdam on 31 December 2022, not as a change of 1 January.)
    exact = read_grenswijzigingen()
    end = read_year_end_population()
    for year in (2016, 2019, 2020, 2021, 2022):
        before = end.query("year == @year").set_index("statcode")["population"]
        after = regio.population("gemeente", year + 1)["population"]
        step = geography.derive_step(before, after)
        assert step.attrs["ties"] == 0, year
        moved = step[step["from_code"] != step["to_code"]]
        found = {(f, t) for f, t in zip(moved["from_code"], moved["to_code"], strict=True)}
        cbs = exact[(exact["from_year"] == year) & (exact["from_code"] != exact["to_code"])]
        listed = {(f, t) for f, t in zip(cbs["from_code"], cbs["to_code"], strict=True)}
        material = {(f, t) for f, t, w in zip(cbs["from_code"], cbs["to_code"], cbs["weight"], strict=True)
                    if w >= 10 and f != "GM0457"}
        assert material <= found, (year, material - found)
        assert found - listed <= ({("GM0599", "GM1621")} if year == 2019 else set()), (year, found - listed)


@pytest.mark.realdata
def test_growth_of_unchanged_municipalities_is_that_of_their_own_tables(real_data):
    p14 = regio.population("gemeente", 2014)["population"]
    p24 = regio.population("gemeente", 2024)["population"]
    carried = regio.carry_to(p14.to_frame(), 2014, 2024)["population"]
    # unchanged: a code of every division 2014-2024 that neither gains nor loses people on any 1 January before
    # 2016 (31 December = 1 January) nor is paired with another code for 10 addresses or more in the CBS file
    divs = regio.divisions()
    end = read_year_end_population().set_index(["year", "statcode"])["population"]
    next_jan = {y: regio.population("gemeente", y + 1)["population"] for y in (2014, 2015)}
    exact = read_grenswijzigingen()
    paired = exact[(exact["from_code"] != exact["to_code"]) & (exact["weight"] >= 10)]
    touched = set(paired["from_code"]) | set(paired["to_code"])
    unchanged = [c for c in sorted(set.intersection(*(set(divs[y]) for y in range(2014, 2025))))
                 if c not in touched and all(end[(y, c)] == next_jan[y][c] for y in (2014, 2015))]
    assert len(unchanged) > 290
    through_carry = p24[unchanged] / carried[unchanged] - 1
    own = p24[unchanged] / p14[unchanged] - 1
    assert ((through_carry - own).abs() * 100).max() < 0.1  # percentage points


@pytest.mark.realdata
@pytest.mark.parametrize("start", [2012, 2013, 2014, 2015])
def test_carrying_to_2024_conserves_the_national_total_exactly(real_data, start):
    pop = regio.population("gemeente", start)[["population"]]
    carried = regio.carry_to(pop, start, 2024)
    assert carried["population"].dtype == "int64"
    assert int(carried["population"].sum()) == int(pop["population"].sum())
    assert set(carried.index) == regio.divisions()[2024]
    cw = regio.crosswalk(start, 2024)
    assert cw.groupby("from_code")["share"].sum().round(12).eq(1).all()
    if start < 2014:
        assert cw.attrs["path"][0] == f"{start}->{start + 1} (derived from population)"


@pytest.mark.realdata
def test_without_year_end_counts_the_area_overlay_is_used_as_before(real_data, data_without):
    root = data_without("tables/population_regions_1jan_2012_2024_cbs37259eng.csv")
    cw = regio.crosswalk(2014, 2016, data_dir=root)
    assert cw.attrs["path"] == ["2014->2015 (area overlay)", "2015->2016 (part of the area overlay 2015->2017)"]
    assert "area overlay of boundary files" in cw.attrs["method"] and "derived" not in cw.attrs["method"]
