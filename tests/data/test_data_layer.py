"""The data layer's promises: attrs and index of every loader, carrying, dissolving, the 2016 crosswalk, counts files.

Unit tests on hand-made fixtures first; tests on the real data (``real_data``) after them.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pandas as pd
import pytest

import regio
from regio import geography
from regio.errors import InputError, UnknownYearError
from regio.sources import physicians as phys
from regio.sources.user_values import CODE_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"


# ----------------------------------------------------------------------------- crosswalk inside an overlay step

# 2015: GM1..GM4. On 1 January 2016 GM3 merges into GM1; on 1 January 2017 GM4 merges into the new GM9.
# The area overlay has one step 2015->2017; the grenswijzigingen start in 2016.
DIVS = {2015: frozenset({"GM1", "GM2", "GM3", "GM4"}), 2016: frozenset({"GM1", "GM2", "GM4"}),
        2017: frozenset({"GM1", "GM2", "GM9"})}
OVERLAY = pd.DataFrame({"from_year": 2015, "to_year": 2017,
                        "from_code": ["GM1", "GM2", "GM3", "GM3", "GM4"],
                        "to_code": ["GM1", "GM2", "GM1", "GM2", "GM9"],
                        "weight": [0.95, 0.97, 0.8, 0.2, 0.99]})
EXACT = pd.DataFrame({"from_year": [2016, 2016], "to_year": [2017, 2017], "from_code": ["GM4", "GM2"],
                      "to_code": ["GM9", "GM9"], "weight": [500.0, 0.0]})


def test_a_year_inside_an_overlay_step_takes_the_part_of_the_step_up_to_it():
    cw = geography.build_crosswalk(2015, 2016, divisions=DIVS, exact=EXACT, overlay=OVERLAY, exact_span=(2016, 2017))
    assert cw.attrs["path"] == ["2015->2016 (part of the area overlay 2015->2017)"]
    shares = cw.set_index(["from_code", "to_code"])["share"]
    # GM3 vanished by 2016: split by area over its successors; GM4 still exists in 2016: kept whole
    assert shares.to_dict() == pytest.approx({("GM1", "GM1"): 1.0, ("GM2", "GM2"): 1.0, ("GM3", "GM1"): 0.8,
                                              ("GM3", "GM2"): 0.2, ("GM4", "GM4"): 1.0})
    assert set(cw["to_code"]) == DIVS[2016]
    counts = pd.DataFrame({"n": [10, 20, 31, 7]}, index=["GM1", "GM2", "GM3", "GM4"])
    carried = geography.carry(counts, cw)
    assert int(carried["n"].sum()) == 68 and carried.loc["GM4", "n"] == 7


def test_an_overlay_step_is_not_cut_where_a_vanished_municipality_goes_to_a_later_one():
    divs = {**DIVS, 2016: frozenset({"GM1", "GM2", "GM3"})}  # now GM4 vanishes by 2016, into GM9 of 2017
    with pytest.raises(UnknownYearError, match=r"GM4.*GM9.*cannot be cut") as err:
        geography.build_crosswalk(2015, 2016, divisions=divs, exact=EXACT, overlay=OVERLAY, exact_span=(2016, 2017))
    assert "2015->2016" in str(err.value)


# ----------------------------------------------------------------------------- counts files

def test_counts_files_accept_the_region_columns_of_the_other_region_files():
    institutes_and_names = {"instituut", "institute", "institute_id", "id", "statnaam", "naam", "name"}
    code_columns = [c for c in CODE_COLUMNS if c not in institutes_and_names]
    assert "gemeente" in code_columns
    assert set(code_columns) <= set(phys.REGION_COLUMNS)


@pytest.mark.parametrize(("column", "given", "code"), [
    ("gemeente", "GM0363", "GM0363"), ("gemeente", "363", "GM0363"), ("Gemeentecode", "14", "GM0014"),
    ("provincie", "27", "PV27"), ("provincie", "PV20", "PV20"), ("postcode", "999", "0999"), ("regio", "1011", "1011"),
])
def test_counts_file_region_column_names_and_bare_numbers(tmp_path, column, given, code):
    path = tmp_path / "counts.csv"
    path.write_text(f"{column};jaar;aantal\n{given};2024;12\n", encoding="utf-8")
    out = phys.read_counts_file(path, profession="huisarts")
    assert out["statcode"].tolist() == [code]
    assert out["count"].tolist() == [12.0]


def test_counts_file_without_profession_column_says_what_it_assumed(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("gemeente,year,count\nGM0363,2024,400\n", encoding="utf-8")
    assert phys.read_counts_file(path, profession="Arts; huisartsgeneeskunde").attrs["profession_assumed"] == "huisarts"
    with pytest.raises(InputError, match=r"missing column\(s\) profession.*profession=\.\.\."):
        phys.read_counts_file(path)
    path.write_text("gemeente,year,count,beroep\nGM0363,2024,400,basisarts\n", encoding="utf-8")
    withcol = phys.read_counts_file(path, profession="huisarts")  # the file's own column wins
    assert withcol["profession"].tolist() == ["basisarts"] and withcol.attrs["profession_assumed"] is None


def test_docs_document_the_counts_file_region_columns():
    text = (DOCS / "density.md").read_text(encoding="utf-8")
    section = text[text.index("**Counts files**"):text.index("**Bad input**")]
    for column in phys.REGION_COLUMNS:
        assert f"`{column}`" in section, column
    assert "without a profession column" in section


# ----------------------------------------------------------------------------- real data

def _has_provenance(frame) -> bool:
    return all(isinstance(frame.attrs.get(k), str) and frame.attrs[k] for k in ("source", "method", "method_nl"))


@pytest.mark.realdata
def test_physicians_is_a_long_table_with_source_and_method(real_data):
    gps = regio.physicians("huisarts", year=2018)
    assert isinstance(gps.index, pd.RangeIndex)  # several kinds of rows: a long table, the code in a column
    assert set(gps["kind"]) == {"region", "unplaced", "total"} and gps["statcode"].notna().all()
    assert _has_provenance(gps)
    assert "cbs84777NED_huisartsen_woonregio_provincie_2018.csv" in gps.attrs["source"]
    assert gps.attrs["method"] == "as published" and gps.attrs["method_nl"] == "zoals gepubliceerd"


@pytest.mark.realdata
def test_physicians_from_a_file_without_profession_column_is_read_as_the_profession_asked_for(real_data, tmp_path):
    path = tmp_path / "eigen_aantallen.csv"
    path.write_text("gemeente;jaar;aantal\n363;2024;400\nGM0014;2024;150\n", encoding="utf-8")
    gps = regio.physicians("huisarts", path=path)
    assert gps["profession"].tolist() == ["huisarts", "huisarts"]
    assert gps["statcode"].tolist() == ["GM0363", "GM0014"]
    assert gps.attrs["source"] == "eigen_aantallen.csv"
    assert "no profession column" in gps.attrs["method"] and "huisarts" in gps.attrs["method"]
    assert "geen kolom beroep" in gps.attrs["method_nl"]


@pytest.mark.realdata
def test_density_inputs_read_a_counts_file_without_profession_as_the_profession_asked_for(real_data, tmp_path):
    from regio.density.run import density_inputs

    cbs = regio.data.gp_counts(2018)
    path = tmp_path / "huisartsen_2018.csv"
    pd.DataFrame({"provincie": cbs.index, "jaar": 2018, "aantal": cbs.to_numpy()}).to_csv(path, index=False)
    inputs = density_inputs("huisarts", level="provincie", year=2018, counts_path=path, lang="en")
    assert int(inputs.placed.counts.sum()) == int(cbs.sum())
    assert inputs.profession == "huisarts"
    assert any("huisartsen_2018.csv has no profession column" in n and "general practitioner" in n
               for n in inputs.notes)
    nl = density_inputs("huisarts", level="provincie", year=2018, counts_path=path)
    assert any("geen kolom beroep" in n for n in nl.notes)


@pytest.mark.realdata
def test_every_loader_says_where_its_numbers_come_from(real_data):
    framed = {
        "boundaries": regio.boundaries("provincie", 2022),
        "boundaries, same division": regio.boundaries("gemeente", 2023),
        "boundaries, dissolved": regio.boundaries("landsdeel", 2024, dissolve=True),
        "population": regio.population("provincie", 2024),
        "physicians": regio.physicians("huisarts", year=2018),
        "crosswalk": regio.crosswalk(2014, 2018),
        "carry_to": regio.carry_to(regio.population("gemeente", 2022)[["population"]], 2022, 2024),
        "gp_counts": regio.data.gp_counts(2018),
    }
    for name, frame in framed.items():
        assert _has_provenance(frame), name
    for name in ("boundaries", "population", "carry_to", "gp_counts"):  # keyed by code
        assert framed[name].index.name == "statcode" and framed[name].index.is_unique, name
    assert "grenswijzigingen_gemeente_2016_2024.csv" in framed["crosswalk"].attrs["source"]
    assert "area_overlay" in framed["crosswalk"].attrs["source"]
    member = regio.membership(2024, levels=["provincie", "ggdregio"])
    assert member.index.name == "statcode"
    assert set(member.attrs["sources"]) == set(member.attrs["sources_nl"]) == {"provincie", "ggdregio"}


@pytest.mark.realdata
def test_docs_name_the_attrs_the_loaders_have(real_data):
    text = " ".join((DOCS / "python.md").read_text(encoding="utf-8").split())
    claim = text[text.index("Regions are keyed by CBS code"):text.index("## Levels and years")]
    assert not any("Every frame is keyed" in page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    for loader in ("boundaries", "population", "physicians", "crosswalk", "gp_counts"):
        assert re.search(rf'`attrs\["source"\]`.*`{loader}`', claim), loader
    assert "RangeIndex" in claim and '`attrs["incomplete"]`' in claim and '`attrs["sources"]`' in claim


@pytest.mark.realdata
def test_carry_to_keeps_the_source_and_adds_to_the_method(real_data):
    pop = regio.population("gemeente", 2017)[["population"]]
    before = copy.deepcopy(pop.attrs)
    carried = regio.carry_to(pop, 2017, 2024)
    assert pop.attrs == before  # the input is not changed
    assert carried.attrs["source"] == pop.attrs["source"]
    assert carried.attrs["method"].startswith(pop.attrs["method"] + "; carried from the 2017 to the 2024 ")
    assert carried.attrs["method_nl"].startswith(pop.attrs["method_nl"] + "; omgezet van de gemeentelijke indeling")
    assert carried.attrs["division"] == 2024 and carried.attrs["year"] == 2017
    assert carried.attrs["crosswalk"][0] == "2017->2018 (grenswijzigingen)"
    assert carried.attrs["incomplete"] == {} and carried.attrs["unplaced"] == {}
    # a predecessor without a value: the successor has none, and carry's report survives carry_to
    partial = regio.carry_to(pd.DataFrame({"gps": [410]}, index=["GM0363"]), 2021, 2024)
    assert partial.attrs["incomplete"] == {"GM0363": ["GM0457"]} and partial.attrs["unplaced"] == {"gps": 410.0}
    assert partial.attrs["method"].startswith("carried from the 2021 to the 2024 municipal division")


@pytest.mark.realdata
def test_regions_of_a_year_without_municipal_boundaries_are_dissolved_from_the_successors(real_data, data_without):
    root = data_without("boundaries/gemeente_2018.geojson")
    later = min(int(f.stem.split("_")[1]) for f in (root / "boundaries").glob("gemeente_*.geojson")
                if int(f.stem.split("_")[1]) > 2018)
    ggd = regio.boundaries("ggdregio", 2018, dissolve=True, data_dir=root)
    member = regio.membership(2018, levels=["ggdregio"], data_dir=root)["ggdregio"]
    assert set(ggd.index) == set(member) and len(ggd) == 25
    assert ggd.crs.to_epsg() == 28992 and ggd.geometry.is_valid.all()
    assert ggd.attrs["source"] == f"dissolved from boundaries/gemeente_{later}.geojson"
    assert f"largest successor in {later}" in ggd.attrs["method"] and ggd.attrs["year"] == 2018
    # the dissolved regions cover the municipalities of the successor year
    gm = regio.boundaries("gemeente", later, data_dir=root)
    assert abs(ggd.area.sum() / gm.area.sum() - 1) < 0.001
    assert len(regio.boundaries("provincie", 2016, dissolve=True, data_dir=root)) == 12
    # with municipal boundaries of 2018 the regions are dissolved from those
    own = regio.boundaries("ggdregio", 2018, dissolve=True)
    assert own.attrs["source"] == "dissolved from boundaries/gemeente_2018.geojson" and len(own) == 25
    assert "largest successor" not in own.attrs["method"]


@pytest.mark.realdata
def test_a_region_year_that_cannot_be_dissolved_is_one_clear_error(real_data):
    with pytest.raises(UnknownYearError) as err:
        regio.boundaries("ggdregio", 2030, dissolve=True)
    message = str(err.value)
    assert "ggdregio 2030" in message and "2022, 2024" in message
    assert "municipal division of 2030 is unknown" in message
    assert err.value.__cause__ is None and err.value.__context__ is None  # not a chain of tracebacks
    with pytest.raises(UnknownYearError) as plain:
        regio.boundaries("ggdregio", 2018)
    assert plain.value.__context__ is None


@pytest.mark.realdata
@pytest.mark.parametrize("start", [2014, 2015])
def test_counts_carry_into_the_2016_division_conserving_totals(real_data, start):
    pop = regio.population("gemeente", start)[["population"]]
    carried = regio.carry_to(pop, start, 2016)
    assert int(carried["population"].sum()) == int(pop["population"].sum())
    assert set(carried.index) == regio.divisions()[2016]
    cw = regio.crosswalk(start, 2016)
    assert cw.groupby("from_code")["share"].sum().round(12).eq(1).all()
    # Bussum, Muiden and Naarden formed Gooise Meren (GM1942) on 1 January 2016; Naarden went whole
    p15 = regio.population("gemeente", 2015)["population"]
    assert carried.loc["GM1942", "population"] > p15["GM0425"]
    assert not {"GM0381", "GM0424", "GM0425"} & set(carried.index)


def test_refused_trainer_counts_are_said_row_by_row_in_dutch(tmp_path):
    """Each refused row of a trainer-counts file is said in the reader's language; English stays the raise text."""
    from regio.data.trainers import trainer_counts
    from regio.errors import InputError

    path = tmp_path / "made_up_counts.csv"
    path.write_text("instituut,opleiders\namc,210\nGroningen?,5\nAMC,3\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        trainer_counts(path)
    english = str(exc.value)
    assert exc.value.message("en") == english
    assert "2 row(s) of the trainer counts refused" in english and "row 4, column instituut (A): amc is given twice" \
        in english
    dutch = exc.value.message("nl")
    assert dutch.startswith(f"{path}: 2 rij(en) van de opleidersaantallen geweigerd; er is niets geteld:\n  ")
    assert "rij 3, kolom instituut (A): onbekend instituut 'Groningen?'; kies uit amc, " in dutch
    assert "rij 4, kolom instituut (A): amc staat er twee keer in (ook in rij 2); houd er één." in dutch
