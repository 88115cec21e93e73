"""Readers of the data directory, on small made-up files in a temporary data directory."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Polygon, box

import regio
from regio.errors import CRSError, DataNotFoundError, InputError, RegioWarning, UnknownLevelError, UnknownYearError
from regio.sources import boundaries as bnd
from regio.sources import physicians as phys
from regio.validate import to_numeric


def _write_geojson(path, gdf):
    path.parent.mkdir(parents=True, exist_ok=True)
    gdf.to_file(path, driver="GeoJSON")


@pytest.fixture
def tiny_dir(tmp_path):
    """A made-up data directory: two municipalities and one province in RD New."""
    gm = gpd.GeoDataFrame({"statcode": ["GM0001", "GM0002"], "statnaam": ["Een", "Twee"]},
                          geometry=[box(100_000, 400_000, 110_000, 410_000), box(110_000, 400_000, 120_000, 410_000)],
                          crs="EPSG:28992")
    _write_geojson(tmp_path / "boundaries" / "gemeente_2020.geojson", gm)
    pv = gpd.GeoDataFrame({"statcode": ["PV99"], "statnaam": ["Testland"]},
                          geometry=[box(99_000, 399_000, 121_000, 411_000)], crs="EPSG:28992")
    _write_geojson(tmp_path / "boundaries" / "provincie_2020.geojson", pv)
    (tmp_path / "tables").mkdir()
    pd.DataFrame({"year": [2020, 2020], "statcode": ["GM0001", "GM0002"], "statnaam": ["Een", "Twee"],
                  "population": [1000, 3000], "source": "test fixture"}).to_csv(
        tmp_path / "tables" / "population_gemeente_timeseries.csv", index=False)
    return tmp_path


def test_missing_data_dir_says_how_to_get_data(tmp_path):
    with pytest.raises(DataNotFoundError, match="regio data fetch") as err:
        regio.boundaries("gemeente", 2020, data_dir=tmp_path / "nothing")
    assert "REGIO_DATA_DIR" in str(err.value)


def test_unknown_level_and_year_list_what_exists(tiny_dir):
    with pytest.raises(UnknownLevelError, match="Known levels"):
        regio.boundaries("county", 2020, data_dir=tiny_dir)
    with pytest.raises(UnknownYearError, match="Years available for gemeente: 2020"):
        regio.boundaries("gemeente", 1999, data_dir=tiny_dir)
    with pytest.raises(UnknownLevelError, match="Levels with boundaries: gemeente, provincie"):
        regio.boundaries("ggdregio", 2020, data_dir=tiny_dir)


def test_boundaries_are_indexed_by_code_in_rd_new(tiny_dir):
    gm = regio.boundaries("gemeente", 2020, data_dir=tiny_dir)
    assert list(gm.index) == ["GM0001", "GM0002"] and gm.index.name == "statcode"
    assert gm.crs.to_epsg() == 28992
    assert gm["statnaam"].tolist() == ["Een", "Twee"]


def test_population_aggregates_to_a_level_and_conserves_total(tiny_dir):
    pv = regio.population("provincie", 2020, data_dir=tiny_dir)
    assert pv.loc["PV99", "population"] == 4000
    assert "summed from municipalities" in pv.attrs["method"]


def test_loader_returns_copies_not_cached_objects(tiny_dir):
    a = regio.boundaries("gemeente", 2020, data_dir=tiny_dir)
    a.loc["GM0001", "statnaam"] = "changed"
    assert regio.boundaries("gemeente", 2020, data_dir=tiny_dir).loc["GM0001", "statnaam"] == "Een"


def test_file_without_crs_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "nocrs.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": "GM0001", "statnaam": "Een"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}))
    gdf = gpd.read_file(path).set_crs(None, allow_override=True)
    with pytest.raises(CRSError, match=r"set_crs\('EPSG:28992'\)"):
        bnd._normalise(gdf, code_column="statcode", name_column="statnaam", source="nocrs.geojson")


def test_duplicate_codes_are_named(tmp_path):
    gdf = gpd.GeoDataFrame({"statcode": ["GM0001", "GM0001"], "statnaam": ["a", "b"]},  # in Utrecht
                           geometry=[box(136_000, 455_000, 136_001, 455_001), box(136_001, 455_000, 136_002, 455_001)],
                           crs="EPSG:28992")
    path = tmp_path / "dup.geojson"
    _write_geojson(path, gdf)
    with pytest.raises(InputError, match="Duplicate codes.*GM0001"):
        bnd.read_boundary_file(path)


def test_invalid_geometry_is_repaired_with_a_warning_naming_the_code(tmp_path):
    x, y = 136_000, 455_000  # in Utrecht: coordinates outside the Netherlands are refused
    bowtie = Polygon([(x, y), (x + 2, y + 2), (x + 2, y), (x, y + 2), (x, y)])
    gdf = gpd.GeoDataFrame({"statcode": ["GM0007"], "statnaam": ["Strik"]}, geometry=[bowtie], crs="EPSG:28992")
    path = tmp_path / "bowtie.geojson"
    _write_geojson(path, gdf)
    with pytest.warns(RegioWarning, match="Repaired 1 invalid geometry.*GM0007"):
        out = bnd.read_boundary_file(path)
    assert out.geometry.is_valid.all()
    assert out.geometry.area.iloc[0] == pytest.approx(2.0)


def test_missing_columns_are_named(tmp_path):
    gdf = gpd.GeoDataFrame({"code": ["GM0001"]}, geometry=[box(0, 0, 1, 1)], crs="EPSG:28992")
    path = tmp_path / "x.geojson"
    _write_geojson(path, gdf)
    with pytest.raises(InputError, match="missing column.*'statcode'.*code_column="):
        bnd.read_boundary_file(path)


def test_to_numeric_reads_decimal_commas_with_a_warning():
    with pytest.warns(RegioWarning, match="'fte'.*decimal commas"):
        out = to_numeric(pd.Series(["1,5", "2", "1.234,5"]), column="fte", source="f.csv")
    assert out.tolist() == [1.5, 2.0, 1234.5]


def test_to_numeric_lists_all_bad_rows():
    with pytest.raises(InputError) as err:
        to_numeric(pd.Series(["3", "x", "-1", ""]), column="count", source="f.csv",
                   codes=pd.Series(["GM1", "GM2", "GM3", "GM4"]))
    text = str(err.value)
    assert "non-numeric values at GM2" in text and "negative values at GM3" in text and "missing values at GM4" in text


# --- physician counts from a user's file -----------------------------------------------------------

def test_user_counts_file_semicolons_dutch_headers_and_decimal_commas(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("regiocode;jaar;beroep;aantal;fte\nGM0363;2024;huisarts;1200;850,5\n1011;2024;huisarts;3;2,1\n"
                    "PV99;2024;huisarts;4;\n", encoding="utf-8")
    with pytest.warns(RegioWarning) as caught:
        out = phys.read_counts_file(path)
    said = [str(w.message) for w in caught]
    assert any("decimal commas" in m for m in said) and any("row 4 (PV99)" in m for m in said)  # PV99 said
    assert out["statcode"].tolist() == ["GM0363", "1011", "PV99"]
    assert out["level"].tolist() == ["gemeente", "pc4", "provincie"]
    assert out["kind"].tolist() == ["region", "region", "unplaced"]
    assert out["fte"].iloc[0] == pytest.approx(850.5)
    assert out["profession"].unique().tolist() == ["huisarts"]


@pytest.mark.parametrize(("body", "match"), [
    ("region,year,profession,count\nGM0363,2024,huisarts,-2\n", r"negative values at row 2 \(GM0363\)"),
    ("region,year,profession,count\nGM0363,2024,huisarts,abc\n", "non-numeric"),
    ("region,year,profession,count\nGM0363,2024,huisarts,2.5\n", "fractional"),
    ("region,year,profession,count\nXX12,2024,huisarts,2\n", r"not a CBS region code or PC4 at row 2 \(XX12\)"),
    ("region,year,profession,count\n1011AB,2024,huisarts,2\n", "PC6 must be summed"),
    ("region,year,count\nGM0363,2024,2\n", "missing column.*profession"),
    ("region,year,profession,count\nGM0363,2024,huisarts,2\nGM0363,2024,huisarts,3\n", "more than one row"),
])
def test_user_counts_file_errors_name_the_problem(tmp_path, body, match):
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        phys.read_counts_file(path)


def test_user_counts_excel(tmp_path):
    path = tmp_path / "counts.xlsx"
    pd.DataFrame({"statcode": ["PV20", "PV21"], "year": [2020, 2020], "count": [10, 20]}).to_excel(path, index=False)
    out = phys.read_counts_file(path, profession="huisarts")
    assert out["count"].sum() == 30 and set(out["profession"]) == {"huisarts"}


def test_unknown_profession_lists_those_present(tiny_dir):
    (tiny_dir / "physicians").mkdir()
    pd.DataFrame({"region": ["GM0001"], "year": [2020], "profession": ["huisarts"], "count": [3]}).to_csv(
        tiny_dir / "physicians" / "counts_test.csv", index=False)
    with pytest.raises(InputError, match="Unknown profession 'tandarts'.*huisarts"):
        regio.physicians("tandarts", data_dir=tiny_dir)
    assert regio.physicians("huisarts", data_dir=tiny_dir)["count"].sum() == 3


def test_counts_file_in_the_data_directory_without_profession_names_the_file_and_the_fix(tiny_dir):
    folder = tiny_dir / "physicians"
    folder.mkdir()
    path = folder / "counts_eigen.csv"
    path.write_text("gemeente,jaar,aantal\nGM0001,2020,3\n", encoding="utf-8")
    for read in (lambda: phys.read_physician_dir(data_dir=tiny_dir),
                 lambda: regio.physicians("huisarts", data_dir=tiny_dir)):
        with pytest.raises(InputError) as err:
            read()
        text = str(err.value)
        assert text.startswith(f"{path}: missing column(s) profession")
        assert "add one" in text and "--counts FILE" in text and "--profession" in text
    # the same file passed as path= is read as the profession asked for
    assert regio.physicians("huisarts", path=path)["count"].sum() == 3
    path.write_text("gemeente,jaar,beroep,aantal\nGM0001,2020,huisarts,3\n", encoding="utf-8")  # the fix
    assert regio.physicians("huisarts", data_dir=tiny_dir)["count"].sum() == 3


def test_missing_model_parameters_do_not_send_the_user_to_regio_data_fetch(tiny_dir):
    from regio.model import read_parameters

    with pytest.raises(DataNotFoundError) as err:
        read_parameters(2025, "midden", data_dir=tiny_dir)
    text = str(err.value)
    assert "capaciteitsorgaan/parameterwaarden_huisartsen_2010_2025.csv" in text
    assert "`regio data fetch` does not download it" in text and "run `regio data fetch" not in text


def test_no_physician_counts_says_how_to_pass_a_file_on_both_interfaces(tiny_dir):
    with pytest.raises(DataNotFoundError, match=r"--counts FILE; in Python path=\.\.\."):
        regio.physicians("huisarts", data_dir=tiny_dir)


def test_the_same_counts_in_two_files_are_kept_once_and_conflicts_named(tiny_dir):
    folder = tiny_dir / "physicians"
    folder.mkdir()
    rows = pd.DataFrame({"region": ["GM0001", "GM0002"], "year": [2020, 2020], "profession": ["huisarts"] * 2,
                         "count": [3, 4]})
    rows.to_csv(folder / "counts_a.csv", index=False)
    rows.to_csv(folder / "counts_b.csv", index=False)
    assert regio.physicians("huisarts", data_dir=tiny_dir)["count"].sum() == 7
    rows.assign(count=[3, 5]).to_csv(folder / "counts_b.csv", index=False)
    with pytest.raises(InputError, match=r"counts_a.csv, counts_b.csv: GM0002 2020 huisarts"):
        regio.physicians("huisarts", data_dir=tiny_dir)


def test_provenance_tables_resolve_idem_and_same_commit(tmp_path):
    from regio.sources.catalog import provenance

    (tmp_path / "PROVENANCE.md").write_text(
        "| file | year / reference | source repo @ snapshot commit : path | original publisher |\n"
        "|---|---|---|---|\n"
        "| a_2020.geojson | 2020 | `org/repo` @ abc : data/a.rda | CBS |\n"
        "| b_2020.geojson | idem (other layer) | same commit : data/b.rda | idem |\n", encoding="utf-8")
    prov = provenance(tmp_path)
    assert prov["a_2020.geojson"] == "CBS; 2020; org/repo @ abc : data/a.rda"
    assert prov["b_2020.geojson"] == "CBS; 2020 (other layer); org/repo @ abc : data/b.rda"


def test_level_filter_keeps_only_that_levels_unplaced_row(tiny_dir):
    folder = tiny_dir / "physicians"
    folder.mkdir()
    pd.DataFrame({"region": ["PV20", "PV99", "LD01", "LD99", "NL01"], "year": [2020] * 5,
                  "profession": ["huisarts"] * 5, "count": [10, 1, 30, 2, 50],
                  "name": ["Groningen", "Niet in te delen (PV)", "Noord-Nederland", "Niet in te delen (LD)",
                           "Nederland"]}).to_csv(folder / "counts_levels.csv", index=False)
    out = regio.physicians("huisarts", level="provincie", data_dir=tiny_dir)
    assert sorted(out["statcode"]) == ["NL01", "PV20", "PV99"]
    assert out.set_index("statcode")["kind"].to_dict() == {"PV20": "region", "PV99": "unplaced", "NL01": "total"}


@pytest.mark.parametrize("cell", ["1.000", "1,026", "12.345.678", "1,234,567"])
def test_ambiguous_grouped_whole_numbers_are_refused(cell):
    with pytest.raises(InputError, match=rf"ambiguous numbers at GM0363 .*{cell.replace('.', '')[:1]}"):
        to_numeric(pd.Series(["12", cell]), column="count", source="f.csv", integer=True,
                   codes=pd.Series(["GM0001", "GM0363"]))


def test_grouped_looking_decimals_are_fine_where_fractions_are_allowed():
    assert to_numeric(pd.Series(["1.000", "0.750"]), column="fte").tolist() == [1.0, 0.75]


def test_user_counts_file_refuses_a_dotted_thousand(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("regiocode;jaar;beroep;aantal\nGM0363;2024;huisarts;1.000\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ambiguous numbers at row 2 \(GM0363\).*'1000'"):
        phys.read_counts_file(path)


def test_provenance_expands_shared_stems_and_see_above(tmp_path):
    from regio.sources.catalog import provenance

    (tmp_path / "PROVENANCE.md").write_text(
        "| file | source repo @ snapshot commit : path |\n|---|---|\n"
        "| a_2015.geojson | `ties/cbs_topo` @ abc123 : x.json |\n\n"
        "| file | content | source |\n|---|---|---|\n"
        "| inst.csv / .geojson | the institutes | VZinfo |\n"
        "| indeling_2015.csv | membership | ties (see above) |\n", encoding="utf-8")
    prov = provenance(tmp_path)
    assert prov["inst.csv"] == prov["inst.geojson"] == "VZinfo"
    assert prov["indeling_2015.csv"] == "ties/cbs_topo @ abc123"


def test_provenance_idem_is_the_source_above_for_the_rows_own_file(tmp_path):
    from regio.sources.catalog import provenance

    # as in shared/data/PROVENANCE.md: "idem" = the same source as the row above, but for this row's own layer
    (tmp_path / "PROVENANCE.md").write_text(
        "| file | year / reference | source repo @ snapshot commit : path | original publisher | licence |\n"
        "|---|---|---|---|---|\n"
        "| zorgkantoorregio_2024.geojson | gebiedsindelingen 2024 (zorgkantoorregio_gegeneraliseerd) "
        "| `org/maps` @ abc : zorgkantoorregio_2024.json | CBS via PDOK | CC0 |\n"
        "| veiligheidsregio_2024.geojson | idem | same commit : veiligheidsregio_2024.json | idem | idem |\n"
        "| ggdregio_2024.geojson | idem (with GG codes) | same commit : ggdregio_2024.json | idem | idem |\n"
        "| provincie_2015, landsdeel_2015 | idem | `org/other` @ def : p.json | CBS | idem |\n",
        encoding="utf-8")
    prov = provenance(tmp_path)
    assert prov["zorgkantoorregio_2024.geojson"] == ("CBS via PDOK; gebiedsindelingen 2024 (zorgkantoorregio_"
                                                     "gegeneraliseerd); org/maps @ abc : zorgkantoorregio_2024.json")
    assert prov["veiligheidsregio_2024.geojson"] == ("CBS via PDOK; gebiedsindelingen 2024 (veiligheidsregio_"
                                                     "gegeneraliseerd); org/maps @ abc : veiligheidsregio_2024.json")
    assert prov["ggdregio_2024.geojson"] == ("CBS via PDOK; gebiedsindelingen 2024 (ggdregio_gegeneraliseerd) "
                                             "(with GG codes); org/maps @ abc : ggdregio_2024.json")
    # a row naming several files keeps the text above as it is (no single file to put in its place)
    assert prov["landsdeel_2015.geojson"] == ("CBS; gebiedsindelingen 2024 (ggdregio_gegeneraliseerd) (with GG codes); "
                                              "org/other @ def : p.json")


@pytest.mark.realdata
def test_real_provenance_gives_each_cartomap_layer_its_own_source(real_data):
    from regio.sources.catalog import catalog

    src = catalog(real_data).set_index("name")["source"]
    for level in ("zorgkantoorregio", "veiligheidsregio", "ggdregio"):
        line = src[f"{level}_2024.geojson"]
        assert f"CBS gebiedsindelingen 2024 ({level}_gegeneraliseerd)" in line, line
        assert "cartomap/nl @ 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6" in line
        others = {"zorgkantoorregio", "veiligheidsregio", "ggdregio"} - {level}
        assert not any(o in line for o in others), line
    assert "with GG codes" in src["ggdregio_2024.geojson"]


# ----------------------------------------------------------------------------- Nivel's national series of working GPs

_NIVEL_HEADER = "year,peildatum,series,value,unit,source_publisher,source_title,transcribed_from\n"


def _nivel_file(tmp_path, rows, name="nivel_gp_workforce_nl_2012_2025.csv"):
    """A made-up Nivel file (a test fixture, not Nivel's figures): ``rows`` of (year, series, value[, unit])."""
    folder = tmp_path / "physicians"
    folder.mkdir(parents=True, exist_ok=True)
    lines = [_NIVEL_HEADER]
    for i, row in enumerate(rows):
        year, series, value, unit = (*row, "persons") if len(row) == 3 else row
        source = "Nivel,Made-up title,made/up@0:fixture.json" if i == 0 else "Nivel,same,same"
        lines.append(f"{year},1 januari,{series},{value},{unit},{source}\n")
    path = folder / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _nivel_year(year, owners, hidha, locums, total=None):
    return [(year, "praktijkhouders", owners), (year, "hidha_en_vaste_waarnemers", hidha),
            (year, "wisselende_waarnemers", locums),
            (year, "werkzame_huisartsen_totaal", owners + hidha + locums if total is None else total)]


def test_nivel_reader_reads_a_made_up_series(tmp_path):
    from regio.sources import nivel

    _nivel_file(tmp_path, [*_nivel_year(2030, 100, 20, 10), *_nivel_year(2031, 101, 22, 9),
                           (2031, "huisartsenpraktijken", 50, "practices"),
                           (2031, "uren_per_week", 44.5, "hours/week")])
    series = nivel.read_nivel_series(data_dir=tmp_path)
    assert len(series) == 10 and series["row"].tolist() == list(range(2, 12))
    assert set(series["source_title"]) == {"Made-up title"}  # "same" repeats the row above
    gps = nivel.read_nivel_gps(data_dir=tmp_path)
    assert gps[["statcode", "level", "kind", "year", "count"]].to_numpy().tolist() == [
        ["NL01", "land", "region", 2030, 130.0], ["NL01", "land", "region", 2031, 132.0]]
    assert gps["reference_date"].dt.strftime("%Y-%m-%d").tolist() == ["2030-01-01", "2031-01-01"]
    assert gps["source"].iloc[0] == "Nivel, Made-up title, via made/up (nivel_gp_workforce_nl_2012_2025.csv)"
    assert gps.attrs["components"].loc[2031].tolist() == [101, 22, 9, 132]


def test_nivel_reader_refuses_components_that_do_not_add_up(tmp_path):
    from regio.sources import nivel

    # made up: 2031's types add up to 132, its total says 135
    path = _nivel_file(tmp_path, [*_nivel_year(2030, 100, 20, 10), *_nivel_year(2031, 101, 22, 9, total=135)])
    with pytest.raises(InputError) as err:
        nivel.read_nivel_series(path)
    text = str(err.value)
    assert text.startswith("nivel_gp_workforce_nl_2012_2025.csv: year 2031: the components do not add up")
    assert "praktijkhouders 101 (row 6)" in text and "werkzame_huisartsen_totaal is 135 (row 9, column 'value'" in text
    assert "= 132" in text and "difference -3" in text and "Correct the row" in text


@pytest.mark.parametrize(("rows", "message"), [
    ([(2030, "praktijkhouders", 100), (2030, "werkzame_huisartsen_totaal", 100)],
     "year 2030 has working GPs praktijkhouders (row 2), werkzame_huisartsen_totaal (row 3) but no "
     "hidha_en_vaste_waarnemers, wisselende_waarnemers"),
    ([*_nivel_year(2030, 100, 20, 10)[:3], (2030, "werkzame_huisartsen_totaal", 130.5)],
     "column 'value': not a whole number at row 5 (werkzame_huisartsen_totaal 2030: 130.5)"),
    ([*_nivel_year(2030, 100, 20, 10), (2030, "praktijkhouders", 100)],
     "a series twice in one year: praktijkhouders 2030 (row 2, row 6)"),
    ([(2030, "praktijkhouders", "veel")],
     "Column 'value' in nivel_gp_workforce_nl_2012_2025.csv: non-numeric values at row 2"),
])
def test_nivel_reader_names_the_row_and_the_fix(tmp_path, rows, message):
    from regio.sources import nivel

    with pytest.raises(InputError) as err:
        nivel.read_nivel_series(_nivel_file(tmp_path, rows))
    assert message in str(err.value)


def test_nivel_reader_needs_its_columns_and_file(tmp_path):
    from regio.sources import nivel

    path = tmp_path / "physicians" / "nivel_gp_workforce_nl_2012_2025.csv"
    path.parent.mkdir()
    path.write_text("year,series,value\n2030,praktijkhouders,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column.s. peildatum, unit, source_publisher"):
        nivel.read_nivel_series(data_dir=tmp_path)
    path.unlink()
    with pytest.raises(DataNotFoundError, match="Missing Nivel file .*nivel_gp_workforce_nl_2012_2025.csv"):
        nivel.read_nivel_series(data_dir=tmp_path)


def test_nivel_counts_through_the_data_layer_are_national_only(tmp_path):
    from regio import data

    _nivel_file(tmp_path, [*_nivel_year(2030, 100, 20, 10), *_nivel_year(2031, 101, 22, 9)])
    gps = data.physicians("huisarts", year=2031, level="land", source="nivel", data_dir=tmp_path)
    assert gps["count"].tolist() == [132.0] and gps.attrs["counted"] == "working"
    assert gps.attrs["source"].startswith("Nivel, Made-up title")
    with pytest.raises(InputError, match="Netherlands as a whole only .level land., not per provincie"):
        data.physicians("huisarts", year=2031, level="provincie", source="nivel", data_dir=tmp_path)
    with pytest.raises(InputError, match="GPs .huisarts. only, not 'basisarts'"):
        data.nivel_gps("basisarts", data_dir=tmp_path)
    with pytest.raises(UnknownYearError, match="Nivel has 1 January 2030-2031"):
        data.nivel_gps(year=2012, data_dir=tmp_path)
    with pytest.raises(InputError, match="Unknown source of physician counts 'rivm'"):
        data.physicians("huisarts", source="rivm", data_dir=tmp_path)
