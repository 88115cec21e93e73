"""Online sources (CBS StatLine via cbsodata, PDOK WFS) and ``regio data fetch``.

Never against the internet: a fake server on 127.0.0.1 (``tests/_support/online_servers.py``) serves
MADE-UP fixtures (``tests/fixtures/online/``) in the formats that real recorded answers show
(``$skip`` paging in steps of 10,000, padded keys of one width, Double topics, Status-based
provisional years, MapServer's WFS answers), and the base URLs are pointed at it with
REGIO_CBS_URL / REGIO_PDOK_URL. Expected values are read from the fixture files directly, not
from regio's output. The contract tests at the end run regio's readers on real recorded
answers (``tests/fixtures/online/recorded/``) and replay two of them through the fake server.
"""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import cbsodata
import geopandas as gpd
import pandas as pd
import pytest
import requests
from click.testing import CliRunner
from online_servers import CBS_HOST, RECORDED, FakeServers, load

import regio
from regio.cli import main
from regio.errors import InputError, OfflineError, RegioWarning, SourceError, UnknownYearError
from regio.sources import fetch, pdok, statline
from regio.sources._online import sha256
from regio.sources.physicians import COLUMNS, read_physician_dir

# CBS profession titles -> regio keys, written out here independently of regio's own table.
PROFESSION = {"Totaal BIG-geregistreerde beroepen": "big_totaal", "Arts; huisartsgeneeskunde": "huisarts",
              "Arts; medisch specialist": "medisch_specialist"}


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests read the English wording of `regio data fetch`: REGIO_LANG=en (Dutch is the default)."""
    monkeypatch.setenv("REGIO_LANG", "en")


@pytest.fixture
def servers(monkeypatch):
    with FakeServers() as s:
        monkeypatch.setenv("REGIO_CBS_URL", s.url)
        monkeypatch.setenv("REGIO_PDOK_URL", s.pdok_url)
        yield s


@pytest.fixture
def closed_port(monkeypatch) -> str:
    """Point both sources at a port on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    monkeypatch.setenv("REGIO_CBS_URL", url)
    monkeypatch.setenv("REGIO_PDOK_URL", url)
    return url


def _titles(fx: dict, dim: str) -> dict[str, str]:
    return {c["Key"]: c["Title"] for c in fx[dim]}


def expected_counts(table: str, year: int, *, fixed: dict[str, str]) -> dict[tuple[str, str], float | None]:
    """(region code, regio profession) -> count, straight from the fixture rows."""
    fx = load(f"statline_{table}.json")
    out = {}
    for row in fx["TypedDataSet"]:
        if row["Perioden"] != f"{year}JJ00":
            continue
        if any(_titles(fx, dim)[row[dim]] != title for dim, title in fixed.items()):
            continue
        prof = _titles(fx, "BeroepenEnSpecialismen")[row["BeroepenEnSpecialismen"]]
        if prof in PROFESSION:
            out[(row["RegioS"].strip(), PROFESSION[prof])] = row["MedischGeschoolden_1"]
    return out


DEFAULT_84777 = {"SociaaleconomischeCategorie": "Werknemer of zelfstandige", "Sector": "Totaal inclusief geen sector"}


# ----------------------------------------------------------------------------- StatLine: physicians

def test_physicians_from_statline_are_tidy_and_complete(servers):
    frame = statline.fetch_physicians(year=2023)
    assert list(frame.columns) == COLUMNS
    got = {(c, p): n for c, p, n in zip(frame["statcode"], frame["profession"], frame["count"], strict=True)}
    assert got == expected_counts("84777NED", 2023, fixed=DEFAULT_84777)
    kinds = dict(zip(frame["statcode"], frame["kind"], strict=False))
    assert kinds == {"NL01": "total", "LD01": "region", "LD99": "unplaced", "PV26": "region", "PV27": "region",
                     "PV99": "unplaced"}
    assert frame.loc[frame["statcode"] == "PV99", "statnaam"].iloc[0] == "Niet in te delen (PV) incl. buitenland"
    assert frame.loc[frame["statcode"] == "LD99", "statnaam"].iloc[0] == "Niet in te delen (LD) incl. buitenland"
    assert set(frame.loc[frame["statcode"] == "PV26", "statnaam"]) == {"Utrecht"}   # "(PV)" dropped
    assert set(frame["level"][frame["statcode"].str.startswith("PV")]) == {"provincie"}
    assert set(frame["level"][frame["statcode"].str.startswith("LD")]) == {"landsdeel"}
    assert frame["provisional"].all()                      # 2023: Status "Voorlopig", title "2023" (no "*")
    assert set(frame["sector"]) == {"Totaal inclusief geen sector"}
    assert cbsodata.options.use_https is True               # restored after pointing it at http://


def test_statline_filters_selects_and_pages_on_the_server(servers):
    servers.page_size = 4                   # CBS pages at 10,000; 4 makes 6 regions take two pages
    statline.fetch_physicians(year=2023, professions=["huisarts"])
    pages = servers.data_requests("84777NED")
    first = pages[0]
    assert "Perioden eq '2023JJ00'" in first["$filter"]
    assert "SociaaleconomischeCategorie eq 'A047590'" in first["$filter"]   # key looked up by title
    assert "Sector eq 'T001081'" in first["$filter"]
    assert "BeroepenEnSpecialismen eq '101100 '" in first["$filter"]        # padded, as CBS needs it
    assert set(first["$select"].split(",")) == {"RegioS", "Perioden", "BeroepenEnSpecialismen",
                                                "SociaaleconomischeCategorie", "Sector", "MedischGeschoolden_1"}
    # the second page came through odata.nextLink: the same options and a literal $skip=4
    assert len(pages) == 2 and pages[1] == {**first, "$skip": "4"}
    raw = [r.raw for r in servers.requests if r.path.endswith("/TypedDataSet")]
    assert raw[0].startswith("%24format=json&")          # what cbsodata (requests) sends
    assert raw[1].startswith("$format=json&$select=RegioS%2CPerioden%2C") and raw[1].endswith("&$skip=4")
    assert "$filter=%28Perioden%20eq%20%272023JJ00%27%29%20and%20" in raw[1]   # %20, as CBS's nextLinks


def test_a_server_that_ignores_filters_gives_the_same_frame(servers):
    filtered = statline.fetch_physicians(year=2018)
    servers.ignore_filters = True
    unfiltered = statline.fetch_physicians(year=2018)
    assert len(servers.data_requests("84777NED")[-1]) > 0
    pd.testing.assert_frame_equal(filtered, unfiltered)


def _rename_keys(table: dict, renames: dict[str, str]) -> dict:
    """The same table with other keys for its dimensions and topic (titles unchanged)."""
    out = {k: v for k, v in table.items() if k not in renames}
    out["DataProperties"] = [{**p, "Key": renames.get(p["Key"], p["Key"])} for p in table["DataProperties"]]
    for old, new in renames.items():
        if old in table:
            out[new] = table[old]
    out["TypedDataSet"] = [{renames.get(k, k): v for k, v in row.items()} for row in table["TypedDataSet"]]
    return out


def test_parser_works_from_metadata_not_from_guessed_keys(servers):
    reference = statline.fetch_physicians(year=2023)
    servers.tables["84777ned"] = _rename_keys(servers.tables["84777ned"], {
        "SociaaleconomischeCategorie": "Arbeidspositie", "BeroepenEnSpecialismen": "BeroepSpecialisme",
        "Sector": "SectorX", "RegioS": "Woonregio", "Perioden": "Tijd", "MedischGeschoolden_1": "Aantal_7"})
    renamed = statline.fetch_physicians(year=2023)
    pd.testing.assert_frame_equal(reference, renamed)
    assert "Arbeidspositie eq 'A047590'" in servers.data_requests("84777NED")[-1]["$filter"]


def test_84779_takes_the_age_total_and_reports_missing_figures(servers):
    with pytest.warns(RegioWarning, match=r"null.*RA06 2022 Arts; huisartsgeneeskunde"):
        frame = statline.fetch_physicians(table="84779NED", year=2022, professions=["huisarts"])
    expected = expected_counts("84779NED", 2022, fixed={"SociaaleconomischeCategorie": "Werknemer of zelfstandige",
                                                         "Leeftijd": "Totaal leeftijd"})
    expected = {k: v for k, v in expected.items() if v is not None and k[1] == "huisarts"}
    got = {(c, p): n for c, p, n in zip(frame["statcode"], frame["profession"], frame["count"], strict=True)}
    assert got == expected
    assert set(frame["sector"]) == {"Totaal"} and frame["provisional"].all()   # Status "NaderVoorlopig"
    assert set(frame["year"]) == {2022}                                         # title "2022 " (a space)
    assert dict(zip(frame["statcode"], frame["statnaam"], strict=True))["RA05"] == "Zuid-West Gelderland"


def test_physician_choices_pick_other_categories(servers):
    frame = statline.fetch_physicians(year=2018, professions=["huisarts"],
                                      choices={"sector": "Universitair medische centra",
                                               "category": "Totaal BIG-geregistreerd"})
    expected = expected_counts("84777NED", 2018, fixed={"SociaaleconomischeCategorie": "Totaal BIG-geregistreerd",
                                                        "Sector": "Universitair medische centra"})
    assert dict(zip(frame["statcode"], frame["count"], strict=True)) == \
        {c: n for (c, p), n in expected.items() if p == "huisarts"}
    assert not frame["provisional"].any()
    with pytest.raises(InputError, match="no category 'Tandartspraktijk'.*Universitair medische centra"):
        statline.fetch_physicians(year=2018, choices={"sector": "Tandartspraktijk"})


def test_unknown_year_and_profession_say_what_exists(servers):
    with pytest.raises(UnknownYearError, match="no figures for 2020.*2018, 2023"):
        statline.fetch_physicians(year=2020)
    with pytest.raises(InputError, match="tandarts.*Arts; huisartsgeneeskunde"):
        statline.fetch_physicians(year=2023, professions=["tandarts"])
    with pytest.raises(SourceError, match="99999NED"):
        statline.fetch_physicians(table="99999NED", year=2023)
    assert statline.physician_years("84777NED") == {2018: False, 2023: True}


# ----------------------------------------------------------------------------- StatLine: population

def test_population_of_municipalities_from_70072ned(servers):
    pop = statline.fetch_population(2025)
    fx = load("statline_70072ned.json")
    expected = {r["RegioS"].strip(): r["TotaleBevolking_1"] for r in fx["TypedDataSet"]
                if r["Perioden"] == "2025JJ00" and r["RegioS"].startswith("GM") and r["TotaleBevolking_1"] is not None}
    assert list(pop.columns) == ["year", "statcode", "statnaam", "population", "source"]
    assert dict(zip(pop["statcode"], pop["population"], strict=True)) == expected
    assert "GM0393" not in set(pop["statcode"])                 # merged away: empty in 2025, not a loss
    names = dict(zip(pop["statcode"], pop["statnaam"], strict=True))
    assert names["GM0344"] == "Utrecht" and names["GM0373"] == "Bergen (NH.)"   # "(NH.)" is part of the name
    assert pop["population"].map(type).eq(int).all()                           # 7559.0 -> 7559
    assert (pop["year"] == 2025).all() and pop["source"].str.contains("70072ned").all()
    query = servers.data_requests("70072ned")[0]
    assert query["$filter"] == "Perioden eq '2025JJ00' and startswith(RegioS,'GM')"
    assert query["$select"] == "RegioS,Perioden,TotaleBevolking_1"
    assert set(statline.fetch_population(2018)["statcode"]) == set(expected) | {"GM0393"}


def test_population_year_without_figures_is_an_error(servers):
    with pytest.raises(UnknownYearError, match="2026.*no municipal figures yet.*2018, 2024, 2025, 2026"):
        statline.fetch_population(2026)
    with pytest.raises(UnknownYearError, match="2030.*not in the table"):
        statline.fetch_population(2030)


# ----------------------------------------------------------------------------- PDOK

def test_pdok_pages_by_what_the_server_hands_out(servers, tmp_path):
    pages: list[int] = []
    servers.pdok_max = 3                    # the server caps answers (PDOK: 1000), whatever count asks
    path = tmp_path / "boundaries" / "gemeente_2025.geojson"
    info = pdok.download_boundaries("gemeente", 2025, path, page_size=1000, on_page=pages.append)
    assert pages == [3, 2]
    starts = [r.query["startIndex"] for r in servers.requests if r.path.endswith("/wfs/v1_0")]
    assert starts == ["0", "3", "5"]        # moved on by the page length, stopped at the empty page
    assert info["features"] == 5 and info["table"] == "gebiedsindelingen:gemeente_gegeneraliseerd"
    assert sorted(p.name for p in path.parent.iterdir()) == ["gemeente_2025.geojson"]   # no temp file left
    raw = gpd.read_file(path)
    assert raw.crs.to_epsg() == 4326 and {"statcode", "statnaam", "jrstatcode", "rubriek"} <= set(raw.columns)
    gdf = regio.sources.boundaries.read_boundary_file(path)
    assert gdf.crs.to_epsg() == 28992
    layer = load("pdok_gebiedsindelingen.json")["years"]["2025"]["gemeente"]
    fx = {f["properties"]["statcode"]: f["bbox"] for f in layer}
    for code, (x0, y0, x1, y1) in fx.items():   # written in degrees, read back in metres: same squares
        assert gdf.loc[code, "geometry"].area == pytest.approx((x1 - x0) * (y1 - y0), rel=1e-4)


def test_pdok_small_pages_and_no_crs_member(servers, tmp_path):
    servers.pdok_crs = False                # then the CRS asked for (EPSG:28992) is assumed
    pages: list[int] = []
    features, crs, _ = pdok.fetch_features("provincie", 2025, page_size=1, on_page=pages.append)
    assert pages == [1, 1] and crs == "EPSG:28992"
    assert sorted(f["properties"]["statcode"] for f in features) == ["PV26", "PV27"]


def test_pdok_errors_name_the_layer_and_year(servers, tmp_path):
    with pytest.raises(SourceError, match="ggdregio_gegeneraliseerd.*Feature type .* unknown"):
        pdok.fetch_features("ggdregio", 2025)
    with pytest.raises(SourceError, match="2019.*404"):
        pdok.fetch_features("gemeente", 2019)
    with pytest.raises(InputError, match="no layer for level 'pc4'"):
        pdok.type_name("pc4")
    assert not (tmp_path / "boundaries").exists()


# ----------------------------------------------------------------------------- regio data fetch

def test_fetch_command_writes_the_layout_and_regio_reads_it_back(servers, tmp_path):
    root = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(root), "data", "fetch", "--year", "2025",
                                       "--levels", "gemeente,provincie"])      # with progress bars
    assert result.exit_code == 0, result.output
    assert "CBS 84777NED has no 2025 yet; fetched its newest year 2023 (provisional)" in result.output
    written = {"boundaries/gemeente_2025.geojson", "boundaries/provincie_2025.geojson",
               "tables/population_gemeente_timeseries.csv", "physicians/cbs84777NED_woonregio_2023.csv"}
    assert all(f"wrote {w}\n" in result.output for w in written)

    manifest = json.loads((root / "regio-sources.json").read_text(encoding="utf-8"))
    assert set(manifest) == {w.rsplit("/", 1)[1] for w in written}
    for entry in manifest.values():
        assert entry["sha256"] == sha256(root / entry["path"])
        assert entry["url"].startswith(servers.url) and entry["retrieved"][:4].isdigit()
    assert manifest["population_gemeente_timeseries.csv"]["table"] == "70072ned"
    assert manifest["cbs84777NED_woonregio_2023.csv"]["table"] == "84777NED"

    gm = regio.boundaries("gemeente", 2025, data_dir=root)
    assert sorted(gm.index) == ["GM0307", "GM0344", "GM0363", "GM0373", "GM0392"] and gm.crs.to_epsg() == 28992
    fx = load("statline_70072ned.json")["TypedDataSet"]
    value = {r["RegioS"].strip(): r["TotaleBevolking_1"] for r in fx if r["Perioden"] == "2025JJ00"}
    pop = regio.population("gemeente", 2025, data_dir=root)
    assert pop["population"].to_dict() == {c: value[c] for c in gm.index}
    prov = regio.population("provincie", 2025, data_dir=root)
    assert prov["population"].to_dict() == {"PV26": value["GM0307"] + value["GM0344"],
                                            "PV27": value["GM0363"] + value["GM0373"] + value["GM0392"]}

    fetched = statline.fetch_physicians(year=2023)
    read_back = read_physician_dir(data_dir=root)
    cols = [c for c in COLUMNS if c != "source"]
    pd.testing.assert_frame_equal(read_back[cols], fetched[cols])
    gps = regio.physicians("huisarts", data_dir=root)
    assert set(gps.loc[gps["kind"] == "unplaced", "statcode"]) == {"LD99", "PV99"}

    listing = CliRunner().invoke(main, ["--data-dir", str(root), "data", "list"])
    assert listing.exit_code == 0
    assert "gemeente" in listing.output and "2025" in listing.output
    assert "table: 70072ned" in listing.output and f"url: {servers.url}" in listing.output
    assert "source: CBS StatLine 70072ned" in listing.output and "source: source:" not in listing.output


def test_fetch_again_replaces_the_year_and_keeps_the_others(servers, tmp_path):
    root = tmp_path / "data"
    (root / "tables").mkdir(parents=True)
    old = pd.DataFrame({"year": [2024, 2025], "statcode": ["GM0001", "GM0001"], "statnaam": ["Oud", "Oud"],
                        "population": [10, 11], "source": ["earlier file", "earlier file"]})
    old.to_csv(root / "tables" / "population_gemeente_timeseries.csv", index=False)
    (root / "regio-sources.json").write_text(json.dumps({"other.csv": {"source": "kept"}}), encoding="utf-8")
    for _ in range(2):
        result = fetch.fetch_data(2025, parts=["population"], data_dir=root)
    assert result.failures == [] and any("replaced 5 rows of 2025" in n for n in result.notes)
    ts = pd.read_csv(root / "tables" / "population_gemeente_timeseries.csv", dtype={"statcode": str})
    assert ts[ts["year"] == 2024]["statcode"].tolist() == ["GM0001"]          # other year kept
    assert sorted(ts[ts["year"] == 2025]["statcode"]) == ["GM0307", "GM0344", "GM0363", "GM0373", "GM0392"]
    assert json.loads((root / "regio-sources.json").read_text())["other.csv"] == {"source": "kept"}


def test_merge_population_does_not_change_its_inputs():
    old = pd.DataFrame({"year": ["2025", "2024"], "statcode": ["GM2", "GM1"], "statnaam": ["B", "A"],
                        "population": ["5", "7"], "source": ["s", "s"]})
    new = pd.DataFrame({"year": [2025], "statcode": ["GM3"], "statnaam": ["C"], "population": [9], "source": ["t"]})
    before_old, before_new = old.copy(), new.copy()
    merged = fetch.merge_population(old, new)
    pd.testing.assert_frame_equal(old, before_old)
    pd.testing.assert_frame_equal(new, before_new)
    assert merged[["year", "statcode", "population"]].values.tolist() == [["2024", "GM1", "7"], ["2025", "GM3", "9"]]


def test_a_part_that_fails_is_reported_and_the_rest_is_fetched(servers, tmp_path):
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(tmp_path), "data", "fetch", "--year", "2026",
                                       "--what", "population,physicians", "--physician-year", "2023"])
    assert result.exit_code == 2
    assert "failed: population 2026: CBS 70072ned has no municipal population for 2026" in result.output
    assert (tmp_path / "physicians" / "cbs84777NED_woonregio_2023.csv").is_file()
    assert not (tmp_path / "tables").exists()


def test_offline_is_one_clear_error(closed_port, tmp_path):
    with pytest.raises(OfflineError, match=r"No connection to 127\.0\.0\.1.*REGIO_DATA_DIR"):
        statline.fetch_population(2025)
    with pytest.raises(OfflineError, match="PDOK gebiedsindelingen 2025"):
        pdok.fetch_features("gemeente", 2025)
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(tmp_path / "data"), "data", "fetch", "--year", "2025"])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "No connection" in errors[0] and "REGIO_DATA_DIR" in errors[0]
    assert not (tmp_path / "data" / "boundaries").exists()


def test_unwritable_data_directory_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match="Cannot write to the data directory.*--data-dir"):
        fetch.check_writable(blocker / "data")
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(blocker / "data"), "data", "fetch", "--year", "2025"])
    assert result.exit_code == 2 and "Cannot write to the data directory" in result.output


def test_unknown_parts_and_levels_are_refused_before_any_download(tmp_path):
    with pytest.raises(InputError, match="Unknown part.*maps.*boundaries, population, physicians"):
        fetch.fetch_data(2025, parts=["maps"], data_dir=tmp_path)
    with pytest.raises(InputError, match="no layer for level 'pc4'"):
        fetch.fetch_data(2025, levels=["pc4"], data_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cbsodata_gets_the_proxies_of_the_environment(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    assert statline._request_kwargs("https://opendata.cbs.nl/ODataFeed/odata/70072ned/")["proxies"]["https"] \
        == "http://proxy.example:3128"
    assert statline._request_kwargs("http://127.0.0.1:8080/ODataFeed/odata/70072ned/")["proxies"] == {}


def test_fetch_notes_when_boundaries_and_population_disagree(servers, tmp_path):
    layer = servers.pdok["2025"]["gemeente"]
    servers.pdok["2025"]["gemeente"] = [f for f in layer if f["properties"]["statcode"] != "GM0392"]
    result = fetch.fetch_data(2025, levels=["gemeente"], parts=["boundaries", "population"], data_dir=tmp_path)
    assert result.failures == []
    assert any("gemeente 2025: boundaries and population differ in codes GM0392" in n for n in result.notes)


# ----------------------------------------------------------------------------- the real data, round trip

def _served_layer(path, level: str, year: int) -> list[dict]:
    """Features of a real boundary file as PDOK serves them: RD New, with jrstatcode and rubriek."""
    gdf = gpd.read_file(path).to_crs(28992)
    gdf = gdf.assign(jrstatcode=[f"{year}{c}" for c in gdf["statcode"]], rubriek=level)
    return [{"type": "Feature", "id": f"{level}_gegeneraliseerd.{i}", "geometry": f["geometry"],
             "properties": {k: f["properties"][k] for k in ("statcode", "statnaam", "jrstatcode", "rubriek")}}
            for i, f in enumerate(gdf[["statcode", "statnaam", "jrstatcode", "rubriek", "geometry"]]
                                  .__geo_interface__["features"], start=1)]


def _table_from_real(dims: dict[str, list[tuple[str, str]]], rows: list[dict], topic: tuple[str, str]) -> dict:
    """A StatLine table (fixture layout) holding real numbers."""
    types = {"RegioS": "GeoDimension", "Perioden": "TimeDimension"}
    props = [{"ID": i, "Type": types.get(k, "Dimension"), "Key": k, "Title": k} for i, k in enumerate(dims)]
    props.append({"ID": len(dims), "Type": "Topic", "Key": topic[0], "Title": topic[1], "Unit": "aantal",
                  "Datatype": "Double", "Decimals": 0, "Default": "Zero"})
    table = {"TableInfos": [], "DataProperties": props, "CategoryGroups": [], "TypedDataSet": rows}
    table.update({k: [{"Key": key, "Title": title, "Description": None, "Status": "Definitief"}
                      for key, title in cats] for k, cats in dims.items()})
    return table


@pytest.mark.realdata
def test_real_data_round_trip_through_the_online_path(servers, real_data, tmp_path):
    """Real 2024 municipalities, population and 2018 GP counts, served in the CBS/PDOK formats,
    fetched, written and read back, give the numbers of the data directory."""
    ts = pd.read_csv(real_data / "tables" / "population_gemeente_timeseries.csv", dtype={"statcode": str})
    ts = ts[ts["year"] == 2024]
    servers.tables["70072ned"] = _table_from_real(
        {"RegioS": [(c.ljust(6), n) for c, n in zip(ts["statcode"], ts["statnaam"], strict=True)],
         "Perioden": [("2024JJ00", "2024")]},
        [{"RegioS": c.ljust(6), "Perioden": "2024JJ00", "TotaleBevolking_1": float(p)}
         for c, p in zip(ts["statcode"], ts["population"], strict=True)],
        ("TotaleBevolking_1", "Totale bevolking"))
    gp = pd.read_csv(real_data / "physicians" / "cbs84777NED_huisartsen_woonregio_provincie_2018.csv")
    servers.tables["84777ned"] = _table_from_real(
        {"SociaaleconomischeCategorie": [("A1", "Werknemer of zelfstandige")],
         "BeroepenEnSpecialismen": [("B1", "Arts; huisartsgeneeskunde")],
         "Sector": [("S1", "Totaal inclusief geen sector")],
         "RegioS": [(c.ljust(6), n) for c, n in zip(gp["region_code"], gp["woonregio"], strict=True)],
         "Perioden": [("2018JJ00", "2018")]},
        [{"SociaaleconomischeCategorie": "A1", "BeroepenEnSpecialismen": "B1", "Sector": "S1",
          "RegioS": c.ljust(6), "Perioden": "2018JJ00", "MedischGeschoolden_1": float(n)}
         for c, n in zip(gp["region_code"], gp["medisch_geschoolden"], strict=True)],
        ("MedischGeschoolden_1", "Medisch geschoolden"))
    servers.pdok = {"2024": {"gemeente": _served_layer(real_data / "boundaries" / "gemeente_2024.geojson",
                                                       "gemeente", 2024),
                             "provincie": _served_layer(real_data / "boundaries" / "provincie_2022.geojson",
                                                        "provincie", 2024)}}
    servers.page_size, servers.pdok_max = 100, 100

    root = tmp_path / "data"
    result = fetch.fetch_data(2024, levels=["gemeente", "provincie"], data_dir=root, physician_year=2018)
    assert result.failures == [] and result.notes == []
    assert len(servers.data_requests("70072ned")) == 4          # 342 rows in pages of 100

    gm = regio.boundaries("gemeente", 2024, data_dir=root)
    ref = regio.boundaries("gemeente", 2024, data_dir=real_data)
    assert len(gm) == 342 and sorted(gm.index) == sorted(ref.index)
    assert gm.area.sum() == pytest.approx(ref.area.sum(), rel=1e-6)
    pop = regio.population("gemeente", 2024, data_dir=root)
    assert len(pop) == 342 and int(pop["population"].sum()) == 17_942_942
    prov = regio.population("provincie", 2024, data_dir=root)
    assert len(prov) == 12 and int(prov["population"].sum()) == 17_942_942
    pd.testing.assert_series_equal(prov["population"].sort_index(),
                                   regio.population("provincie", 2024, data_dir=real_data)["population"].sort_index(),
                                   check_dtype=False)
    online = regio.physicians("huisarts", year=2018, data_dir=root)
    offline = regio.physicians("huisarts", year=2018, data_dir=real_data)
    cols = [c for c in COLUMNS if c != "source"]
    pd.testing.assert_frame_equal(online[cols], offline[cols], check_dtype=False)  # str vs object (concat)
    assert online["count"][online["kind"] == "total"].sum() == 12_245


# ----------------------------------------------------------------------------- the fake servers answer as the real ones

def _recorded(name: str) -> dict:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def _here(url: str, servers) -> str:
    return url.replace(CBS_HOST, servers.url)


def _table_around(rows_at: dict[int, dict], total: int, topic: str, decimals: int) -> dict:
    """A fake table of ``total`` typed rows that holds the given (recorded, untyped) rows at their IDs."""
    first = next(iter(rows_at.values()))
    dims = [k for k in first if k not in ("ID", topic)]
    filler = {k: first[k] for k in dims}
    rows = []
    for i in range(total):
        row = rows_at.get(i, {**filler, "ID": i, topic: "     1.0"})
        rows.append({"ID": i, **{k: row[k] for k in dims}, topic: float(row[topic])})
    props = [{"ID": n, "Position": n, "Type": "Dimension", "Key": k, "Title": k} for n, k in enumerate(dims)]
    props.append({"ID": len(dims), "Position": len(dims), "Type": "Topic", "Key": topic, "Title": topic,
                  "Datatype": "Double", "Decimals": decimals})
    return {"TableInfos": [], "DataProperties": props, "CategoryGroups": [], "TypedDataSet": rows}


def test_fake_statline_pages_as_the_recorded_83599ned_answer(servers):
    """The fake's page 1 and 2 of a 15,504-row UntypedDataSet equal the recorded ones where they were recorded."""
    page1, page2 = (_recorded(f"cbs_83599NED_UntypedDataSet_page{n}_cut.json") for n in (1, 2))
    rows_at = {r["ID"]: r for r in page1["value"] + page2["value"]}
    servers.replay.clear()                                  # answer from the fake table, not the recording
    servers.tables["83599ned"] = _table_around(rows_at, 15_504, "OpenstaandeVacatures_1", 1)
    got1 = requests.get(f"{servers.url}/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json", timeout=30).json()
    assert got1["odata.metadata"] == _here(page1["odata.metadata"], servers)
    assert got1["odata.nextLink"] == _here(page1["odata.nextLink"], servers)    # .../?$format=json&$skip=10000
    assert len(got1["value"]) == 10_000
    assert [got1["value"][r["ID"]] for r in page1["value"]] == page1["value"]   # '   135.5', 'NL01  ', '300010 '
    got2 = requests.get(got1["odata.nextLink"], timeout=30).json()
    assert "odata.nextLink" not in got2 and len(got2["value"]) == 5_504
    assert got2["value"][-len(page2["value"]):] == page2["value"]


def test_fake_nextlink_repeats_the_query_options_as_cbs_did(servers):
    """cbsodata PR #15 quotes the URL it asked after CBS's second nextLink: the options of the request
    (cbsodata then appended its own again) repeated in order, values with %20, then $skip=20000."""
    recorded = _recorded("cbs_nextlinks.json")["cbsodata_PR15_requested"]
    next_link, appended = recorded.split("&%24format=", 1)
    servers.tables["83251ned"] = {"TableInfos": [], "CategoryGroups": [], "DataProperties": [], "TypedDataSet": [
        {"ID": i, "RegioS": "GM0363", "Geslacht": "3000   ", "Leeftijd": "10010  ", "Bevolking_1": 1.0}
        for i in range(20_001)]}
    asked = next_link.replace("&$skip=20000", "").split("&$format=json&$filter=")[0]   # the first nextLink ...
    asked = f"{asked}&$skip=10000&%24format={appended}"                               # ... + cbsodata's options
    got = requests.get(_here(asked, servers), timeout=30).json()
    assert got["odata.nextLink"] == _here(next_link, servers)
    for link in _recorded("cbs_nextlinks.json")["cbsodataR_issue17_nextLinks"]:      # the same form in 2018
        assert urlsplit(link).query.endswith(("&$skip=5040000", "&$skip=5050000"))
        assert "$format=json&$filter=%28Periods%20eq%20%272015JJ00%27%29" in link


def test_fake_statline_case_and_padding_as_cbs(servers):
    root = requests.get(f"{servers.url}/ODataFeed/odata/84777NED/?$format=json", timeout=30).json()
    assert root["odata.metadata"] == f"{servers.url}/ODataFeed/OData/84777NED/$metadata"          # capital D
    assert root["value"][0] == {"name": "TableInfos", "url": f"{servers.url}/ODataFeed/odata/84777NED/TableInfos"}
    upper = requests.get(f"{servers.url}/ODataFeed/OData/84777ned/DataProperties", timeout=30).json()
    lower = requests.get(f"{servers.url}/ODataFeed/odata/84777NED/DataProperties", timeout=30).json()
    assert upper["value"] == lower["value"]
    assert upper["odata.metadata"].endswith("/ODataFeed/OData/84777ned/$metadata#Cbs.OData.WebAPI.DataProperties")
    topic = next(p for p in upper["value"] if p["Type"] == "Topic")
    assert (topic["Datatype"], topic["Default"], topic["Description"]) == ("Double", "Zero", None)
    # keys of one dimension share one width; a filter must quote them padded (85984NED note)
    for dim in ("BeroepenEnSpecialismen", "RegioS", "Perioden"):
        cats = requests.get(f"{servers.url}/ODataFeed/odata/84777NED/{dim}", timeout=30).json()["value"]
        assert len({len(c["Key"]) for c in cats}) == 1 and all(c["Description"] is None for c in cats)
    url = f"{servers.url}/ODataFeed/odata/84777NED/TypedDataSet"
    assert requests.get(url, params={"$filter": "BeroepenEnSpecialismen eq '101100'"}, timeout=30).json()["value"] == []
    hits = requests.get(url, params={"$filter": "BeroepenEnSpecialismen eq '101100 '"}, timeout=30).json()["value"]
    assert hits and all(isinstance(r["MedischGeschoolden_1"], float) for r in hits)              # 7559.0 style


def test_statline_pages_in_steps_of_ten_thousand(servers):
    """At CBS's page size: 5,001 municipalities x 2 years with a server that ignores the filter = two pages."""
    fx = servers.tables["70072ned"]
    regions = [{"Key": f"GM{i:04d}", "Title": f"Gemeente {i}", "Description": None, "CategoryGroupID": None}
               for i in range(1, 5002)]
    periods = [c for c in fx["Perioden"] if c["Key"] in ("2024JJ00", "2025JJ00")]
    fx.update(RegioS=regions, Perioden=periods, TypedDataSet=[
        {"ID": n, "RegioS": r["Key"], "Perioden": p["Key"], "TotaleBevolking_1": 1000.0 + n % 7,
         "Mannen_2": 500.0, "Vrouwen_3": 500.0 + n % 7}
        for n, (r, p) in enumerate((r, p) for r in regions for p in periods)])
    servers.ignore_filters = True
    pop = statline.fetch_population(2025)
    assert len(pop) == 5_001 and pop["population"].between(1000, 1006).all()
    pages = servers.data_requests("70072ned")
    assert [q.get("$skip") for q in pages] == [None, "10000"]


def test_fake_wfs_answers_as_pdoks_mapserver(servers):
    url = f"{servers.pdok_url}/2025/wfs/v1_0"
    resp = requests.get(url, params={"service": "WFS", "version": "2.0.0", "request": "GetFeature",
                                     "typeNames": "gebiedsindelingen:gemeente_gegeneraliseerd",
                                     "outputFormat": "application/json", "count": 2, "STARTINDEX": 1}, timeout=30)
    page = resp.json()
    assert resp.headers["Content-Type"] == "application/json; charset=utf-8"
    assert list(page) == ["type", "name", "numberMatched", "crs", "bbox", "features"]     # no numberReturned
    assert page["numberMatched"] == 5 and len(page["features"]) == 2                      # the total
    assert page["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::28992"
    assert list(page["features"][0]["properties"]) == ["statcode", "jrstatcode", "statnaam", "rubriek", "id"]
    assert page["features"][0]["properties"]["statcode"] == "GM0307"                      # STARTINDEX=1 honoured


# ----------------------------------------------------------------------------- counts arrive as floats

def test_counts_arrive_as_floats_and_must_be_whole(servers, tmp_path):
    extract = statline.fetch_physician_extract(year=2018, professions=["huisarts"])
    assert not extract["medisch_geschoolden"].str.contains(r"\.").any()     # 120.0 -> "120"
    rows = servers.tables["70072ned"]["TypedDataSet"]
    row = next(r for r in rows if r["RegioS"] == "GM0363" and r["Perioden"] == "2025JJ00")
    row["TotaleBevolking_1"] += 0.5
    with pytest.raises(SourceError, match=r"TotaleBevolking_1 \(Totale bevolking\): 6107\.5 for GM0363 2025 is not "
                                          r"a whole number.*--dry-run"):
        statline.fetch_population(2025)
    result = fetch.fetch_data(2025, parts=["population"], data_dir=tmp_path)
    assert "not a whole number" in result.failures[0] and not (tmp_path / "tables").exists()
    cell = next(r for r in servers.tables["84777ned"]["TypedDataSet"]
                if r["RegioS"] == "PV26  " and r["Perioden"] == "2018JJ00" and r["BeroepenEnSpecialismen"] == "101100 ")
    cell["MedischGeschoolden_1"] = 7559.5
    with pytest.raises(SourceError, match=r"7559\.5 for PV26 2018 Arts; huisartsgeneeskunde is not a whole number"):
        statline.fetch_physicians(year=2018, professions=["huisarts"],
                                  choices={"category": "Totaal BIG-geregistreerd"})


# ----------------------------------------------------------------------------- PDOK numberMatched

def test_pdok_without_number_matched_pages_to_the_empty_page(servers):
    servers.pdok_number_matched, servers.pdok_max = False, 2
    features, crs, _ = pdok.fetch_features("gemeente", 2025)
    assert len(features) == 5 and crs == "EPSG:28992"
    assert [r.query["startIndex"] for r in servers.requests if r.path.endswith("/wfs/v1_0")] == ["0", "2", "4", "5"]


def test_pdok_fewer_features_than_number_matched_is_an_error(servers, tmp_path):
    servers.pdok_number_matched = 342                       # a server that reports more than it hands out
    path = tmp_path / "boundaries" / "gemeente_2025.geojson"
    with pytest.raises(SourceError, match=r"reports 342 features \(numberMatched\) but handed out 5"):
        pdok.download_boundaries("gemeente", 2025, path)
    assert not path.parent.exists() or not any(path.parent.iterdir())


# ----------------------------------------------------------------------------- contract tests on real recorded answers

def _recorded_80137ned() -> statline.StatlineTable:
    """The real 80137ned metadata and rows as regio's StatlineTable (BedrijfstakkenSBI93 was not recorded)."""
    props = _recorded("cbs_80137ned_DataProperties.json")["value"]
    dims = {"Persoonskenmerken": _recorded("cbs_80137ned_Persoonskenmerken.json")["value"],
            "Perioden": _recorded("cbs_80137ned_Perioden.json")["value"]}
    return statline.StatlineTable("80137ned", "https://opendata.cbs.nl/ODataFeed/odata/80137ned/", props, dims,
                                  _recorded("cbs_80137ned_TypedDataSet_head.json")["value"])


def test_contract_80137ned_root_metadata_and_rows():
    root = _recorded("cbs_80137ned_root.json")
    assert root["odata.metadata"] == "https://opendata.cbs.nl/ODataFeed/OData/80137ned/$metadata"
    assert [v["name"] for v in root["value"]][:5] == ["TableInfos", "UntypedDataSet", "TypedDataSet",
                                                      "DataProperties", "CategoryGroups"]
    assert all(v["url"] == f"https://opendata.cbs.nl/ODataFeed/odata/80137ned/{v['name']}" for v in root["value"])
    table = _recorded_80137ned()
    assert table.dimension_keys() == ["Persoonskenmerken", "BedrijfstakkenSBI93", "Perioden"]
    assert statline._dimension(table, "period") == "Perioden"
    assert table.titles("Persoonskenmerken")["1"] == "Totaal"              # key '1 ', padded to width 2
    assert {len(c["Key"]) for c in table.dimensions["Persoonskenmerken"]} == {2}
    years = statline.period_years(table)
    assert sorted(years) == [2001, 2002, 2003, 2004, 2005] and not any(map(statline._provisional, years.values()))
    topics = [p for p in table.properties if p["Type"] == "Topic"]
    assert {(p["Datatype"], p["Default"]) for p in topics} == {("Double", "Zero")}
    assert [p["Position"] for p in table.properties if p["Type"] == "TopicGroup"] == [None] * 4
    topic = statline._topic(table, r"per\s+gewerkt\s+uur")                  # matched by title
    assert topic["Key"] == "PerGewerktUur_12"
    with pytest.raises(SourceError, match="expected one topic titled like 'werknemers', found 3"):
        statline._topic(table, "werknemers")
    row = table.rows[0]
    assert row["Werknemers_2"] == 7559.0 and isinstance(row["Werknemers_2"], float)
    assert statline._count(statline._number(row["Werknemers_2"]), table="80137ned", topic=topics[1], row="0") == 7559
    with pytest.raises(SourceError, match="5858.4 for row 0 is not a whole number"):
        statline._count(row["Werknemers_5"], table="80137ned", topic=topics[4], row="row 0")
    lines = statline.describe_table(table)
    assert "    Dimension      Persoonskenmerken 'Persoonskenmerken': 9, keys 2 wide, e.g. '1 ' 'Totaal'" in lines
    assert "    Werknemers_2 'Werknemers': Double, '1 000 banen', 0, Zero (group 'Gemiddeld aantal banen')" in lines


def test_contract_recorded_nextlink_is_followed(servers):
    """cbsodata, as regio calls it, follows the real recorded nextLink of 83599NED (replayed by the fake server:
    capital-D path, trailing slash, literal $skip) and regio's readers parse the real untyped rows."""
    with statline._cbsodata_at(servers.url) as catalog:
        rows = cbsodata.get_meta("83599NED", "UntypedDataSet", catalog_url=catalog,
                                 **statline._request_kwargs(servers.url))
    asked = [r for r in servers.requests if "83599NED" in r.path]
    assert [(r.path, r.raw) for r in asked] == [
        ("/ODataFeed/odata/83599NED/UntypedDataSet", "%24format=json"),
        ("/ODataFeed/OData/83599NED/UntypedDataSet/", "$format=json&$skip=10000")]
    assert [r["ID"] for r in rows][:3] == [0, 1, 2] and rows[-1]["ID"] == 15_503
    table = statline.StatlineTable("83599NED", "", [
        {"Type": "Dimension", "Key": "BedrijfstakkenBranchesSBI2008", "Title": "Bedrijfstakken/branches (SBI 2008)"},
        {"Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
        {"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
        {"Type": "Topic", "Key": "OpenstaandeVacatures_1", "Title": "Openstaande vacatures"}], {}, rows)
    assert statline._dimension(table, "region") == "RegioS"
    assert {len(r["RegioS"]) for r in rows} == {6} and {r["RegioS"].strip() for r in rows} >= {"NL01", "PV22", "PV31"}
    assert {len(r["BedrijfstakkenBranchesSBI2008"]) for r in rows} == {7}    # 'T001081', '300010 '
    assert statline._number(rows[0]["OpenstaandeVacatures_1"]) == 135.5      # '   135.5'


def _v4_as_v3(codes: list[dict]) -> list[dict]:
    """v4 code list entries as v3 categories: Identifier -> Key padded to one width (the same codes and titles)."""
    width = max(len(c["Identifier"]) for c in codes)
    return [{"Key": c["Identifier"].ljust(width), "Title": c["Title"], "Description": c.get("Description"),
             "Status": c.get("Status")} for c in codes]


def test_contract_v4_code_lists_of_70072ned_and_03759ned():
    v4_70072 = _recorded("cbs_v4_70072ned_codes_excerpt.json")
    v4_03759 = _recorded("cbs_v4_03759ned_codes-RegioS_excerpt.json")["value_excerpt"]
    props = [{"Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
             {"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
             {"Type": "Topic", "Key": "TotaleBevolking_1", "Title": "Totale bevolking", "Decimals": 0}]
    for regions in (v4_70072["codes-RegioS"], v4_03759):
        periods = [{"Key": "2024JJ00", "Title": "2024", "Status": None}]
        cats = _v4_as_v3(regions)
        gm = [c["Key"] for c in cats if c["Key"].startswith("GM")]
        table = statline.StatlineTable("70072ned", "", props, {"RegioS": cats, "Perioden": periods},
                                       [{"RegioS": k, "Perioden": "2024JJ00", "TotaleBevolking_1": 1000.0} for k in gm])
        pop = statline.population_from_table(table, 2024)
        names = dict(zip(pop["statcode"], pop["statnaam"], strict=True))
        assert len(pop) == len(gm) and pop["population"].tolist() == [1000] * len(gm)
        assert names["GM0344"] == "Utrecht" and names["GM0373"] == "Bergen (NH.)"      # "(gemeente)" only dropped
        assert all("(gemeente)" not in n for n in names.values())
    names = {c["Identifier"]: statline._clean_name(c["Title"]) for c in v4_70072["codes-RegioS"] + v4_03759}
    assert (names["GM0888"], names["GM0619"], names["GM0518"], names["GM0014"]) == \
        ("Beek (L.)", "Valkenburg (ZH.)", "'s-Gravenhage", "Groningen")
    assert (names["PV26"], names["CR17"], names["LD01"]) == ("Utrecht", "Utrecht", "Noord-Nederland")
    # periods: 70072ned has Status null everywhere (provisional topics only in Description); 03759ned Definitief;
    # other tables 'Voorlopig' / 'NaderVoorlopig' with a title that may end in a space (82610NED '2024 ')
    for codes, expected in ((v4_70072["codes-Perioden"], False),
                            (_recorded("cbs_v4_03759ned_codes-Perioden.json")["value"], False),
                            ([{"Identifier": "2024JJ00", "Title": "2024", "Status": "Voorlopig"}], True),
                            ([{"Identifier": "2024JJ00", "Title": "2024 ", "Status": "NaderVoorlopig"}], True)):
        table = statline.StatlineTable("x", "", props, {"Perioden": _v4_as_v3(codes)})
        years = statline.period_years(table)
        assert years and {statline._provisional(c) for c in years.values()} == {expected}
        assert all("*" not in c["Title"] for c in years.values())


# ----------------------------------------------------------------------------- the dry run

def test_dry_run_prints_what_a_first_online_user_must_confirm(servers, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert fetch.main(["--dry-run", "--year", "2025", "--levels", "gemeente"]) == 0
    out = capsys.readouterr().out
    assert "Dry run: nothing is written" in out and list(tmp_path.iterdir()) == []
    # 84777NED: dimensions with keys, widths and titles; the categories and topic regio takes
    assert "    Dimension      BeroepenEnSpecialismen 'Beroepen en specialismen': 4, keys 7 wide" in out
    assert "    GeoDimension   RegioS \"Regio's\": 6, keys 6 wide, e.g. 'NL01  '" in out
    assert "by code prefix: NL 1, LD 2, PV 3" in out
    assert "    profession 'Arts; huisartsgeneeskunde': key '101100 '" in out
    assert "    region 'LD99  ' 'Niet in te delen (LD) incl. buitenland': read as not placeable" in out
    assert "    region 'NL01  ' 'Nederland, Buitenland, Niet in te delen': read as the national total" in out
    assert "'NL01  ' 'Nederland, Buitenland, Niet in te delen': read as not placeable" not in out
    assert "    topic MedischGeschoolden_1 'Medisch geschoolden' (Double, 'aantal')" in out
    assert "Status 'Definitief'/'Voorlopig'" in out and "regio reads as provisional: 2023" in out
    # 84779NED: a title with a space and NaderVoorlopig
    assert "2022 '2022 ' Status 'NaderVoorlopig'; regio reads as provisional: 2022" in out
    # 70072ned: Status null, the width of the region keys, the GM sample
    assert "Status None; newest:" in out and "regio reads as provisional: none; Description of 2026: " \
        "'Uitkomsten zijn voorlopig over: Bedrijfsvestigingen'" in out
    assert "    region RegioS: 6 GM categories (keys 6 wide, e.g. 'GM0307' 'GM0344' 'GM0363')" in out
    # PDOK: the members, numberMatched / numberReturned, crs, content type, properties
    assert "  members: type, name, numberMatched, crs, bbox, features" in out
    assert "  numberMatched 5, numberReturned absent; 1 feature(s) in this answer" in out
    assert "  Content-Type: application/json; charset=utf-8" in out
    assert "properties: statcode str 'GM0344', jrstatcode str '2025GM0344'" in out and "id int 1" in out
    assert [r.query.get("count") for r in servers.requests if r.path.endswith("/wfs/v1_0")] == ["1"]
    assert servers.data_requests("84777NED") == [] and servers.data_requests("70072ned") == []   # metadata only


def test_dry_run_offline_is_one_error(closed_port, capsys):
    assert fetch.main(["--dry-run", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: No connection to 127.0.0.1") and err.count("error:") == 1


def test_regio_data_fetch_dry_run_is_the_same_report(servers, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from regio.cli import main

    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "data", "fetch", "--dry-run",
                                    "--year", "2025", "--levels", "gemeente", "--physician-table", "84777NED"])
    assert res.exit_code == 0, res.output
    assert "Dry run: nothing is written" in res.output and "numberMatched 5" in res.output
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").rglob("*")) == []
