"""The data layer on the real data directory (REGIO_DATA_DIR=../shared/data)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import regio
from regio import geography
from regio.errors import RegioWarning, UnknownCodeError, UnknownYearError
from regio.sources.boundaries import available_boundaries
from regio.sources.crosswalks import read_grenswijzigingen
from regio.sources.population import read_statline_population

pytestmark = pytest.mark.realdata


def test_municipalities_2024_count_and_population(real_data):
    gm = regio.boundaries("gemeente", 2024)
    pop = regio.population("gemeente", 2024)
    assert len(gm) == 342 and len(pop) == 342
    assert set(gm.index) == set(pop.index)
    assert int(pop["population"].sum()) == 17_942_942


def test_provinces_from_municipalities_match_the_province_layer(real_data):
    layer = regio.boundaries("provincie", 2022)
    assert len(layer) == 12
    gm = regio.population("gemeente", 2024)
    pv = regio.population("provincie", 2024)
    assert set(pv.index) == set(layer.index)
    assert int(pv["population"].sum()) == int(gm["population"].sum())
    # and within 0.2% of the CBS StatLine 70072ned provincial totals of the same date
    official = read_statline_population().query("year == 2024 and statcode.str.startswith('PV')")
    official = official.set_index("statcode")["population"]
    rel = (pv["population"] - official.reindex(pv.index)).abs() / official.reindex(pv.index)
    assert rel.max() < 0.002


@pytest.mark.parametrize("year", [2014, 2015, 2017, 2022])
def test_carrying_population_into_2024_keeps_the_national_total(real_data, year):
    pop = regio.population("gemeente", year)[["population"]]
    carried = regio.carry_to(pop, year, 2024)
    assert int(carried["population"].sum()) == int(pop["population"].sum())
    assert set(carried.index) <= regio.divisions()[2024]
    assert carried["population"].dtype == "int64"


def test_known_mergers_are_carried(real_data):
    pop17 = regio.population("gemeente", 2017)[["population"]]
    carried = regio.carry_to(pop17, 2017, 2024)
    # Leeuwarderadeel (GM0081) merged into Leeuwarden (GM0080) in 2018; Haren (GM0017) into Groningen in 2019
    p17 = pop17["population"]
    assert carried.loc["GM0080", "population"] > p17["GM0080"] + p17["GM0081"] * 0.9
    assert carried.loc["GM0014", "population"] >= p17["GM0014"] + p17["GM0017"]
    assert "GM0081" not in carried.index and "GM0017" not in carried.index


def test_divisions_derived_through_the_crosswalk_match_the_boundary_files(real_data):
    steps = read_grenswijzigingen()
    files = {y: set(regio.boundaries("gemeente", y).index) for y in (2017, 2021, 2022, 2024)}
    derived = geography.derive_divisions({2017: files[2017]}, steps, span=(2016, steps.attrs["last_year"]))
    for year in (2021, 2022, 2024):
        assert derived[year] == files[year], year
    assert len(derived[2019]) == 355 and len(derived[2023]) == 342


def test_codes_not_in_the_start_division_are_listed(real_data):
    bad = pd.DataFrame({"population": [1, 2]}, index=["GM0363", "GM9998"])
    with pytest.raises(UnknownCodeError, match="GM9998"):
        regio.carry_to(bad, 2017, 2024)


def test_every_level_loads_with_crs_and_unique_codes(real_data):
    for _, row in available_boundaries().iterrows():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RegioWarning)  # pc4 2020 has one invalid and one empty shape
            gdf = regio.boundaries(row["level"], int(row["year"]))
        assert gdf.crs.to_epsg() == 28992, row["path"]
        assert gdf.index.is_unique, row["path"]
        assert gdf.index.name == "statcode" and gdf["statnaam"].notna().all(), row["path"]
        has = ~(gdf.geometry.isna() | gdf.geometry.is_empty)
        assert gdf.geometry[has].is_valid.all(), row["path"]


def test_pc4_repairs_are_reported(real_data):
    with pytest.warns(RegioWarning) as record:
        pc4 = regio.boundaries("pc4", 2020)
    messages = " ".join(str(w.message) for w in record)
    assert "5028" in messages and "empty geometry" in messages
    assert len(pc4) == 4068


def test_layers_without_codes_get_them_by_name(real_data):
    corop22 = regio.boundaries("coropgebied", 2022)
    ggd22 = regio.boundaries("ggdregio", 2022)
    assert corop22.index.str.match(r"CR\d\d").all() and len(corop22) == 40
    assert set(ggd22.index) == set(regio.boundaries("ggdregio", 2024).index)


def test_missing_year_lists_available_years_and_identical_division_is_used(real_data, data_without):
    root = data_without("boundaries/gemeente_2023.geojson")  # 2023 has the division of 2024
    files = sorted(int(f.stem.split("_")[1]) for f in (root / "boundaries").glob("gemeente_*.geojson"))
    assert 2023 not in files
    with pytest.raises(UnknownYearError, match=", ".join(map(str, files))):
        regio.boundaries("gemeente", 1990, data_dir=root)
    gm23 = regio.boundaries("gemeente", 2023, data_dir=root)
    assert set(gm23.index) == set(regio.boundaries("gemeente", 2024, data_dir=root).index)
    assert "division of 2023 = 2024" in gm23.attrs["source"]
    # with its own file, the year reads that file
    assert regio.boundaries("gemeente", 2023).attrs["source"] == "boundaries/gemeente_2023.geojson"


def test_membership_2024_agrees_with_the_derived_table(real_data):
    m = regio.membership(2024)
    derived = pd.read_csv(real_data / "crosswalks" / "DERIVED_gemeente_2024_regio_membership.csv",
                          dtype=str).set_index("statcode")
    for ours, theirs in [("provincie", "provincie_code"), ("ggdregio", "ggdregio_2024_code"),
                         ("zorgkantoorregio", "zorgkantoorregio_code"), ("veiligheidsregio", "veiligheidsregio_code")]:
        assert (m[ours] == derived[theirs].reindex(m.index)).all(), ours
    names = regio.region_names("coropgebied", 2024)
    assert (m["coropgebied"].map(names) == derived["coropgebied_naam"].reindex(m.index)).all()


def test_membership_from_table_agrees_with_spatial_join_2015(real_data):
    m = regio.membership(2015, levels=["provincie", "coropgebied"])
    assert m.attrs["sources"]["provincie"].startswith("tables/")
    gm = regio.boundaries("gemeente", 2015)
    spatial = geography.membership_by_points(gm, regio.boundaries("provincie", 2015))["region"]
    assert (spatial.reindex(m.index) == m["provincie"]).all()


def test_membership_of_a_year_without_boundaries(real_data):
    m = regio.membership(2018)
    assert len(m) == 380 and m.notna().all().all()
    assert m.loc["GM0080", "provincie"] == "PV21"  # Leeuwarden in Fryslân


@pytest.mark.parametrize("year", [2014, 2015, 2017, 2022, 2024])
def test_membership_covers_every_municipality(real_data, year):
    m = regio.membership(year)
    assert set(m.index) == regio.divisions()[year]
    assert m["provincie"].nunique() == 12


REGISTER = "tables/population_regions_1jan_2012_2024_cbs37259eng.csv"


def test_missing_population_year_is_an_error_that_offers_interpolation(real_data, data_without):
    root = data_without(REGISTER)  # without CBS 37259eng, 2018 has no municipal population file
    with pytest.raises(UnknownYearError, match="interpolate"):
        regio.population("gemeente", 2018, data_dir=root)


def test_a_year_after_the_data_is_an_error_that_lists_the_years(real_data):
    last = max(regio.population_years("gemeente"))
    with pytest.raises(UnknownYearError, match=str(last)):
        regio.population("gemeente", last + 5)


def test_interpolated_2018_population_is_explicit_and_close_to_cbs(real_data, data_without):
    root = data_without(REGISTER)
    pv = regio.population("provincie", 2018, interpolate=True, data_dir=root)
    assert "linear interpolation between 2017 and 2022" in pv.attrs["method"]
    assert pv.attrs["division"] == 2022
    total = int(pv["population"].sum())
    nl_2017 = regio.population("gemeente", 2017, data_dir=root)["population"].sum()
    nl_2022 = regio.population("gemeente", 2022, data_dir=root)["population"].sum()
    assert total == round(nl_2017 + (nl_2022 - nl_2017) * 0.2)
    cbs = read_statline_population().query("year == 2018 and statcode == 'NL01'")["population"].iloc[0]
    assert abs(total - cbs) / cbs < 0.001  # 17,181,084 on 1 January 2018 (70072ned)


def test_published_2018_population_is_used_instead_of_interpolation(real_data):
    pv = regio.population("provincie", 2018, interpolate=True)
    assert "37259eng" in pv.attrs["source"] and "interpolation" not in pv.attrs.get("method", "")
    cbs = read_statline_population().query("year == 2018 and statcode == 'NL01'")["population"].iloc[0]
    assert int(pv["population"].sum()) == cbs  # equal, not close: both are CBS's count on 1 January 2018


def test_regional_table_is_used_where_municipal_counts_are_missing(real_data, data_without):
    pv = regio.population("provincie", 2023, data_dir=data_without(REGISTER))
    assert len(pv) == 12 and "70072ned" in pv.attrs["source"]


def test_register_table_gives_every_level_of_2023(real_data):
    pv = regio.population("provincie", 2023)
    assert len(pv) == 12 and "37259eng" in pv.attrs["source"]
    assert int(pv["population"].sum()) == int(regio.population("gemeente", 2023)["population"].sum())


def test_age_bands_add_up_to_population(real_data):
    pop = regio.population("gemeente", 2024, age_bands=True)
    bands = [c for c in pop.columns if c.startswith("age_")]
    assert len(bands) == 5
    assert (pop[bands].sum(axis=1) == pop["population"]).all()


def test_pc4_population_and_bands(real_data):
    pc4 = regio.population("pc4", 2021, age_bands=True)
    assert len(pc4) == 4074 and int(pc4["population"].sum()) == 17_472_870
    # 15 areas whose counts CBS suppressed stay missing (not zero) and are listed
    assert len(pc4.attrs["suppressed"]) == 15 and pc4.loc[pc4.attrs["suppressed"], "population"].isna().all()
    assert (pc4.filter(like="age_").sum(axis=1) == pc4["population"]).all()


def test_names_are_spelled_right(real_data):
    assert regio.boundaries("provincie", 2022).loc["PV21", "statnaam"] == "Fryslân"
    assert regio.population("gemeente", 2022).loc["GM1900", "statnaam"] == "Súdwest-Fryslân"
    assert regio.boundaries("gemeente", 2024).loc["GM0796", "statnaam"] == "'s-Hertogenbosch"


def test_gp_counts_2018_keep_the_unplaced_row(real_data):
    gps = regio.physicians("huisarts", year=2018)
    regions = gps[gps["kind"] == "region"]
    assert len(regions) == 12 and set(regions["level"]) == {"provincie"}
    unplaced = gps[gps["kind"] == "unplaced"]
    assert unplaced["statcode"].tolist() == ["PV99"] and unplaced["count"].sum() == 45
    total = gps[gps["kind"] == "total"]
    assert total["count"].iloc[0] == 12_245  # CBS's own national figure (rounded to 5)
    assert regions["count"].sum() + unplaced["count"].sum() == 12_255  # rounding: not equal to the total row


def test_pc4_counts_aggregate_to_provinces_conserving_the_total(real_data):
    pc4 = regio.population("pc4", 2021)[["population"]].dropna()
    pv = regio.aggregate_to(pc4, "provincie", year=2022, from_level="pc4")
    assert int(pv["population"].sum()) == int(pc4["population"].sum())
    official = read_statline_population().query("year == 2021 and statcode.str.startswith('PV')")
    official = official.set_index("statcode")["population"]
    rel = (pv["population"] - official.reindex(pv.index)).abs() / official.reindex(pv.index)
    assert rel.max() < 0.01  # PC4 areas cross municipal borders and CBS rounds their counts


def test_wijk_counts_aggregate_to_their_municipality(real_data):
    wijk = regio.population("wijk", 2022)[["population"]]
    gm = regio.aggregate_to(wijk, "gemeente", year=2022, from_level="wijk")
    assert int(gm["population"].sum()) == int(wijk["population"].sum())
    published = regio.population("gemeente", 2022)["population"]
    assert ((gm["population"] - published.reindex(gm.index)).abs() / published.reindex(gm.index)).median() < 0.001


def test_levels_without_a_file_can_be_dissolved_from_municipalities(real_data):
    with pytest.raises(UnknownYearError, match=r"Years available for landsdeel: 2015\..*pass dissolve=True"):
        regio.boundaries("landsdeel", 2024)
    ld = regio.boundaries("landsdeel", 2024, dissolve=True)
    assert len(ld) == 4 and ld.crs.to_epsg() == 28992
    assert "dissolved" in ld.attrs["source"]
    gm_area = regio.boundaries("gemeente", 2024).geometry.area.sum()
    assert ld.geometry.area.sum() == pytest.approx(gm_area, rel=5e-3)  # generalised borders overlap a little
    def holes(gdf):
        return sum(len(part.interiors) for geom in gdf.geometry for part in getattr(geom, "geoms", [geom]))

    # slivers between generalised municipalities are closed, not drawn as holes (what is left are lakes)
    member = regio.membership(2024, levels=["landsdeel"])["landsdeel"]
    raw = geography.dissolve(regio.boundaries("gemeente", 2024), member, gap_width=0)
    assert holes(ld) < 40 < 10 * 40 < holes(raw)
    pop = regio.population("landsdeel", 2024)
    assert set(pop.index) == set(ld.index) and int(pop["population"].sum()) == 17_942_942


def test_spatial_membership_is_cached_on_disk_and_reused(real_data, tmp_path, monkeypatch):
    from regio.data import regions as facade

    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    facade._membership.cache_clear()
    first = regio.membership(2024, levels=["veiligheidsregio"])
    files = list(tmp_path.glob("membership_veiligheidsregio_2024_*.csv"))
    assert len(files) == 1
    facade._membership.cache_clear()
    second = regio.membership(2024, levels=["veiligheidsregio"])
    pd.testing.assert_frame_equal(first, second)
    assert second.attrs["sources"] == first.attrs["sources"]


def test_population_centres_lie_where_people_live(real_data):
    centres = regio.data.population_centres(2024)
    gm = regio.boundaries("gemeente", 2024)
    assert list(centres.index) == list(gm.index) and centres.crs.to_epsg() == 28992
    inside = centres.within(gm.geometry.reindex(centres.index))
    assert inside.mean() > 0.99  # a weighted mean of points may fall in a bay of a crescent-shaped municipality
    # Súdwest-Fryslân: most people live in Sneek, north-east of the middle of its large area
    code = gm.index[gm["statnaam"] == "Súdwest-Fryslân"][0]
    shift = centres.geometry[code].distance(gm.geometry[code].centroid)
    assert shift > 2_000


def test_population_years_are_the_years_population_accepts(real_data):
    for level in ("provincie", "landsdeel", "land", "coropgebied", "gemeente"):
        years = regio.population_years(level)
        for year in years:
            assert len(regio.population(level, year)) > 0, (level, year)
        for year in set(range(2013, 2026)) - set(years):  # within the years: interpolate; after them: extrapolate
            with pytest.raises(UnknownYearError, match="interpolate" if year < max(years) else "extrapolate=True"):
                regio.population(level, year)
    assert regio.population_years("provincie") == list(range(2012, 2025))  # CBS 37259eng


def test_population_method_is_said_in_dutch_too(real_data, data_without):
    pv = regio.population("provincie", 2018, interpolate=True, data_dir=data_without(REGISTER))
    assert pv.attrs["method_nl"].startswith("lineair geïnterpoleerd tussen 2017 en 2022 (gewicht 0,20 op 2022)")
    assert "opgeteld uit gemeenten (representatieve punten van boundaries/gemeente_2022" in pv.attrs["method_nl"]
    assert regio.population("gemeente", 2024).attrs["method_nl"] == "zoals gepubliceerd"


def test_empty_data_directory_says_how_to_get_data(tmp_path):
    (tmp_path / "boundaries").mkdir()
    with pytest.raises(regio.errors.DataNotFoundError, match="regio data fetch"):
        regio.population("provincie", 2024, data_dir=tmp_path)
