"""regio.density.placing: which counts belong to the regions of a level, which are reported, the counts' dates."""

from __future__ import annotations

import pandas as pd
import pytest

from regio.density import analyse, density_table, place_counts, totals_rows
from regio.errors import InputError, RegioWarning, UnknownCodeError

# ----------------------------------------------------------------------------- placing counts

def _phys(rows):
    return pd.DataFrame(rows, columns=["statcode", "statnaam", "level", "count", "kind"])


def test_place_counts_errors_and_unplaced():
    regions = pd.Index(["PV20", "PV21"])
    phys = _phys([("PV20", "Groningen", "provincie", 5, "region"), ("PV77", "?", "provincie", 1, "region")])
    with pytest.raises(UnknownCodeError, match="PV77"):
        place_counts(phys, level="provincie", regions=regions)
    pc4 = _phys([("1011", "1011", "pc4", 5, "region"), ("1012", "1012", "pc4", 1, "region")])
    with pytest.raises(InputError, match=r"finer than provincie.*1011"):
        place_counts(pc4, level="provincie", regions=regions)
    prov = _phys([("PV20", "Groningen", "provincie", 5, "region")])
    with pytest.raises(InputError, match="cannot be split into gemeente"):
        place_counts(prov, level="gemeente", regions=pd.Index(["GM0014"]))
    gm = _phys([("GM0014", "Groningen", "gemeente", 5, "region"), ("GM0080", "Leeuwarden", "gemeente", 3, "region"),
                ("GM9999", "Niet in te delen", "gemeente", 2, "unplaced")])
    placed = place_counts(gm, level="provincie", regions=regions,
                          membership=pd.Series({"GM0014": "PV20", "GM0080": "PV21"}), lang="en")
    assert placed.counts.to_dict() == {"PV20": 5.0, "PV21": 3.0}
    assert placed.unplaced.to_dict() == {"GM9999": 2.0}
    assert placed.from_level == "gemeente"
    assert any("not placed" in n for n in placed.notes)


def test_codes_ending_in_99_are_regions_not_unplaced(tmp_path):
    # PC4 3999 (Tull en 't Waal) and 9999 (Stitswerd) are inhabited areas; PV99 is CBS's "niet in te delen"
    from regio.sources.physicians import read_counts_file

    path = tmp_path / "counts.csv"
    path.write_text("region,year,profession,count\n3999,2021,huisarts,1\n9999,2021,huisarts,0\n"
                    "1011,2021,huisarts,4\n", encoding="utf-8")
    frame = read_counts_file(path)
    assert frame.set_index("statcode")["kind"].to_dict() == {"3999": "region", "9999": "region", "1011": "region"}
    path.write_text("region,year,profession,count\nPV20,2018,huisarts,5\nPV99,2018,huisarts,1\n"
                    "GM0599,2018,huisarts,400\nGM0299,2018,huisarts,20\nGM9999,2018,huisarts,2\n", encoding="utf-8")
    with pytest.warns(RegioWarning, match=r"2 row\(s\) read as 'niet in te delen'.*row 3 \(PV99\), row 6 \(GM9999\)"):
        kinds = read_counts_file(path).set_index("statcode")["kind"].to_dict()
    assert kinds == {"PV20": "region", "PV99": "unplaced", "GM0599": "region", "GM0299": "region",
                     "GM9999": "unplaced"}  # Rotterdam and Zevenaar are municipalities


# ----------------------------------------------------------------------------- reported, not placed

def test_unplaced_rows_of_other_levels_are_not_added():
    # a real 84777NED fetch has a "niet in te delen" row per level: PV99 and LD99 count the same people twice
    phys = _phys([("NL01", "Nederland", "land", 110, "total"), ("PV20", "Groningen", "provincie", 60, "region"),
                  ("PV21", "Fryslân", "provincie", 40, "region"), ("PV99", "Niet in te delen", "provincie", 5,
                                                                   "unplaced"),
                  ("LD01", "Noord", "landsdeel", 100, "region"), ("LD99", "Niet in te delen", "landsdeel", 5,
                                                                  "unplaced")])
    placed = place_counts(phys, level="provincie", regions=pd.Index(["PV20", "PV21"]), lang="en")
    assert placed.unplaced.to_dict() == {"PV99": 5.0}
    assert "LD99" in " ".join(placed.notes)  # reported, not added
    table = analyse(placed.counts, pd.Series({"PV20": 100_000, "PV21": 100_000}))
    rows = totals_rows(table, unplaced=placed.unplaced, source_total=placed.source_total)
    assert rows.loc["TOTAAL+", "count"] == 105 and "LD99" not in rows.index
    by_land = place_counts(phys, level="landsdeel", regions=pd.Index(["LD01"]))
    assert by_land.unplaced.to_dict() == {"LD99": 5.0}
    # summed from municipalities: only the municipal "niet in te delen" belongs to those counts
    gm = _phys([("GM0014", "Groningen", "gemeente", 5, "region"), ("GM9999", "Niet in te delen", "gemeente", 2,
                                                                    "unplaced"),
                ("PV99", "Niet in te delen", "provincie", 3, "unplaced")])
    placed = place_counts(gm, level="provincie", regions=pd.Index(["PV20"]), membership=pd.Series({"GM0014": "PV20"}))
    assert placed.unplaced.to_dict() == {"GM9999": 2.0}


def test_a_region_with_a_municipality_without_count_is_no_data():
    phys = _phys([("GM0001", "A", "gemeente", 10, "region"), ("GM0002", "B", "gemeente", 20, "region"),
                  ("GM0004", "D", "gemeente", 7, "region")])
    member = pd.Series({"GM0001": "PV1", "GM0002": "PV1", "GM0003": "PV1", "GM0004": "PV2"})
    before = phys.copy()
    placed = place_counts(phys, level="provincie", regions=pd.Index(["PV1", "PV2"]), membership=member, lang="en")
    pd.testing.assert_frame_equal(phys, before)
    assert pd.isna(placed.counts["PV1"])  # not 30: missing is not zero
    assert placed.counts["PV2"] == 7
    assert placed.incomplete == {"PV1": ["GM0003"]}
    text = " ".join(placed.notes)
    assert "PV1" in text and "GM0003" in text and "30" in text  # the counted 30 are named, not lost
    t = density_table(placed.counts, pd.Series({"PV1": 1000, "PV2": 1000}))
    assert t.attrs["no_data"] == ["PV1"]


def test_uncoded_regions_are_reported_not_placed(tmp_path):
    from regio.sources.physicians import read_cbs_extract

    path = tmp_path / "cbs84779NED_test.csv"
    path.write_text(
        "cbs_table,period,leeftijd,beroep_specialisme,sociaaleconomische_categorie,woonregio,medisch_geschoolden\n"
        "84779NED,2022*,Totaal leeftijd,Arts; huisartsgeneeskunde,Werknemer of zelfstandige,Gelderland (PV),40\n"
        "84779NED,2022*,Totaal leeftijd,Arts; huisartsgeneeskunde,Werknemer of zelfstandige,Achterhoek (RA),15\n"
        "84779NED,2022*,Totaal leeftijd,Arts; huisartsgeneeskunde,Werknemer of zelfstandige,"
        "Midden-Gelderland (RA),12\n",
        encoding="utf-8")
    phys = read_cbs_extract(path)
    assert phys["kind"].tolist() == ["region", "uncoded", "uncoded"]
    assert phys["statnaam"].tolist() == ["Gelderland", "Achterhoek (RA)", "Midden-Gelderland (RA)"]
    placed = place_counts(phys, level="provincie", regions=pd.Index(["PV25", "PV26"]), lang="en")
    assert placed.counts.to_dict() == {"PV25": 40.0}
    assert placed.uncoded["statnaam"].tolist() == ["Achterhoek (RA)", "Midden-Gelderland (RA)"]
    text = " ".join(placed.notes)
    assert "Achterhoek (RA)" in text and "Midden-Gelderland (RA)" in text and path.name in text
    one = place_counts(phys.iloc[:2], level="provincie", regions=pd.Index(["PV25"]))  # used to raise TypeError
    assert one.counts.to_dict() == {"PV25": 40.0} and len(one.uncoded) == 1


# ----------------------------------------------------------------------------- one sector of the extract

def test_sector_total_by_default_and_a_single_sector_says_so():
    rows = []
    for sector, n in (("Totaal inclusief geen sector", 100), ("Universitair medische centra", 30),
                      ("Huisartsenpraktijk", 50)):
        rows += [("NL01", "Nederland", "land", 2 * n, "total", sector), ("PV20", "Groningen", "provincie", n,
                                                                         "region", sector),
                 ("PV21", "Fryslân", "provincie", n, "region", sector)]
    phys = pd.DataFrame(rows, columns=["statcode", "statnaam", "level", "count", "kind", "sector"])
    regions = pd.Index(["PV20", "PV21"])
    placed = place_counts(phys, level="provincie", regions=regions, lang="en")
    assert placed.counts.to_dict() == {"PV20": 100.0, "PV21": 100.0} and placed.sector_is_total
    assert placed.source_total[2] == 200
    umc = place_counts(phys, level="provincie", regions=regions, sector="universitair medische centra", lang="en")
    assert umc.counts.to_dict() == {"PV20": 30.0, "PV21": 30.0}
    assert umc.sector == "Universitair medische centra" and not umc.sector_is_total
    assert any("Universitair medische centra" in n for n in umc.notes)
    with pytest.raises(InputError, match="Tandarts.*Huisartsenpraktijk"):
        place_counts(phys, level="provincie", regions=regions, sector="Tandarts")
    # no sector total: a choice is needed, the sectors are named
    parts = phys[phys["sector"] != "Totaal inclusief geen sector"]
    with pytest.raises(InputError, match="sector.*Huisartsenpraktijk, Universitair medische centra"):
        place_counts(parts, level="provincie", regions=regions)
    only_umc = phys[phys["sector"] == "Universitair medische centra"]
    alone = place_counts(only_umc, level="provincie", regions=regions, lang="en")
    assert alone.sector == "Universitair medische centra" and not alone.sector_is_total
    assert any("not the total of all sectors" in n for n in alone.notes)


# ----------------------------------------------------------------------------- reference date and population year

def test_reference_date_and_population_year():
    from regio.density import counts_reference_date, population_year
    from regio.sources.physicians import reference_date

    assert reference_date("2018 (peilmoment: laatste vrijdag voor kerst)", 2018) == pd.Timestamp("2018-12-21")
    assert reference_date("2020 (peilmoment: laatste vrijdag voor kerst)", 2020) == pd.Timestamp("2020-12-18")
    assert reference_date("2021", 2021, table="84777NED") == pd.Timestamp("2021-12-24")  # Christmas on Saturday
    assert reference_date("2019 (peildatum 1 januari)", 2019) == pd.Timestamp("2019-01-01")
    assert pd.isna(reference_date("2022*", 2022, table="84779NED"))
    assert population_year(pd.Timestamp("2018-12-21"), year=2018) == 2019
    assert population_year(pd.Timestamp("2018-06-30"), year=2018) == 2018
    assert population_year(pd.NaT, year=2018) == 2018
    phys = pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", "2018-12-21", None])})
    assert counts_reference_date(phys) == pd.Timestamp("2018-12-21")
    with pytest.raises(InputError, match="2018-12-14.*2018-12-21"):
        counts_reference_date(pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", "2018-12-14"])}))


# ----------------------------------------------------------------------------- notes in Dutch and English

def test_source_total_difference_is_written_the_dutch_way():
    phys = _phys([("NL01", "Nederland", "land", 28_575, "total"), ("PV20", "Groningen", "provincie", 17_935,
                                                                   "region")])
    nl = " ".join(place_counts(phys, level="provincie", regions=pd.Index(["PV20"])).notes)
    assert "verschil +10.640" in nl and "+10,640" not in nl
    en = " ".join(place_counts(phys, level="provincie", regions=pd.Index(["PV20"]), lang="en").notes)
    assert "difference +10,640" in en


def test_one_municipal_count_is_singular():
    gm = _phys([("GM0014", "Groningen", "gemeente", 5, "region")])
    placed = place_counts(gm, level="provincie", regions=pd.Index(["PV20"]), membership=pd.Series({"GM0014": "PV20"}))
    assert "1 gemeentelijk aantal opgeteld" in " ".join(placed.notes)
    en = place_counts(gm, level="provincie", regions=pd.Index(["PV20"]), membership=pd.Series({"GM0014": "PV20"}),
                      lang="en")
    assert "1 municipal count summed" in " ".join(en.notes)


# ----------------------------------------------------------------------------- counts summed to coarser levels

def _nesting():
    """Three municipalities: two in PV20 and PV21 of landsdeel LD01, one in PV22 of LD02; all in NL01."""
    return pd.DataFrame({"provincie": ["PV20", "PV21", "PV22"], "landsdeel": ["LD01", "LD01", "LD02"],
                         "land": ["NL01"] * 3}, index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"))


def test_province_counts_are_summed_to_landsdelen_and_the_country():
    phys = _phys([("NL01", "Nederland", "land", 120, "total"), ("PV20", "Groningen", "provincie", 60, "region"),
                  ("PV21", "Fryslân", "provincie", 40, "region"), ("PV22", "Drenthe", "provincie", 10, "region"),
                  ("PV99", "Niet in te delen", "provincie", 5, "unplaced")])
    before, nesting = phys.copy(), _nesting()
    nesting_before = nesting.copy()
    placed = place_counts(phys, level="landsdeel", regions=pd.Index(["LD01", "LD02"]), nesting=nesting, lang="en")
    assert placed.counts.to_dict() == {"LD01": 100.0, "LD02": 10.0}
    assert placed.from_level == "provincie" and placed.unplaced.to_dict() == {"PV99": 5.0}  # still not placed
    assert any("3 provincie counts summed to landsdeel" in n for n in placed.notes)
    land = place_counts(phys, level="land", regions=pd.Index(["NL01"]), nesting=nesting)
    assert land.counts.to_dict() == {"NL01": 110.0} and land.unplaced.sum() == 5
    assert land.source_total == ("NL01", "Nederland", 120.0)
    pd.testing.assert_frame_equal(phys, before)
    pd.testing.assert_frame_equal(nesting, nesting_before)
    # a landsdeel missing one of its provinces is no data, not undercounted
    partial = place_counts(phys[phys["statcode"] != "PV21"], level="landsdeel", regions=pd.Index(["LD01", "LD02"]),
                           nesting=nesting, lang="en")
    assert pd.isna(partial.counts["LD01"]) and partial.counts["LD02"] == 10
    assert partial.incomplete == {"LD01": ["PV21"]}


def test_counts_are_not_summed_to_regions_that_split_them():
    phys = _phys([("PV20", "Groningen", "provincie", 60, "region"), ("PV21", "Fryslân", "provincie", 40, "region")])
    split = pd.DataFrame({"provincie": ["PV20", "PV21", "PV21"], "ggdregio": ["GG1", "GG2", "GG3"]},
                         index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"))
    with pytest.raises(InputError, match=r"PV21 lies in GG2, GG3.*Use --level provincie"):
        place_counts(phys, level="ggdregio", regions=pd.Index(["GG1", "GG2", "GG3"]), nesting=split)
    with pytest.raises(InputError, match="cannot be split into gemeente"):  # no nesting given: as before
        place_counts(phys, level="gemeente", regions=pd.Index(["GM1"]))
