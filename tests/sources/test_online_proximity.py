"""``regio data fetch --what proximity``: CBS proximity indicators per municipality, against the fake StatLine.

The fake server serves the MADE-UP fixture ``tests/fixtures/online/statline_85830NED.json`` (a table
"Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers 2023" in the OData v3 Feed format; its
``_comment`` says which parts follow public code quoting the real keys and which are assumed). Expected
values are read from the fixture, not from regio's output.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from click.testing import CliRunner
from online_servers import FakeServers, load

import regio.data
from regio.cli import main
from regio.errors import SourceError, UnknownYearError
from regio.sources import _online, statline_proximity
from regio.sources.proximity import COLUMNS

#: regio column -> the fixture's topic key, written out here independently of regio's topic matching.
KEYS = {"huisartsenpraktijk_afstand_km": "AfstandTotHuisartsenpraktijk_5",
        "huisartsenpraktijk_binnen_1km": "Binnen1Km_6", "huisartsenpraktijk_binnen_3km": "Binnen3Km_7",
        "huisartsenpraktijk_binnen_5km": "Binnen5Km_8", "huisartsenpost_afstand_km": "AfstandTotHuisartsenpost_9",
        "apotheek_afstand_km": "AfstandTotApotheek_10", "ziekenhuis_afstand_km": "AfstandTotZiekenhuis_11"}


@pytest.fixture
def servers(monkeypatch):
    monkeypatch.setattr(_online, "BACKOFF", 0.0)
    with FakeServers() as s:
        monkeypatch.setenv("REGIO_CBS_URL", s.url)
        monkeypatch.setenv("REGIO_PDOK_URL", s.pdok_url)
        yield s


def expected() -> dict[str, dict[str, float | None]]:
    rows = load("statline_85830NED.json")["TypedDataSet"]
    return {r["WijkenEnBuurten"].strip(): {name: r[key] for name, key in KEYS.items()} for r in rows
            if r["WijkenEnBuurten"].startswith("GM")}


def test_fetch_proximity_takes_the_municipalities_and_the_seven_topics(servers):
    frame, url = statline_proximity.fetch_proximity(2023)
    assert url == f"{servers.url}/ODataFeed/odata/85830NED/"
    want = expected()
    assert frame["gemeentecode"].tolist() == sorted(want)                 # no country, wijk or buurt
    for _, row in frame.iterrows():
        for name, value in want[row["gemeentecode"]].items():
            got = row[COLUMNS[name]]
            assert (math.isnan(got) if value is None else got == value), (row["gemeentecode"], name)
    assert frame.loc[frame["gemeentecode"] == "GM0373", "gemeentenaam"].item() == "Bergen (NH.)"   # unpadded
    assert set(frame["year_of_kerncijfers"]) == {2023} and set(frame["jaar"]) == {2023}
    query = servers.data_requests("85830NED")[0]
    assert query["$filter"] == "startswith(WijkenEnBuurten,'GM')"
    assert set(query["$select"].split(",")) == {"WijkenEnBuurten", "Gemeentenaam_1", *KEYS.values()}


def test_the_hospital_is_the_one_including_outpatient_clinics_whatever_the_order(servers):
    table = servers.tables["85830ned"]
    props = table["DataProperties"]
    incl = next(p for p in props if p["Key"] == "AfstandTotZiekenhuis_11")
    excl = next(p for p in props if p["Key"] == "AfstandTotZiekenhuis_15")
    props.remove(excl)
    props.insert(props.index(incl), excl)                                 # excl. listed first now
    frame, _ = statline_proximity.fetch_proximity(2023)
    want = expected()
    assert frame.set_index("gemeentecode")["ziekenhuis_incl_buitenpolikliniek_gem_afst_in_km"].to_dict() == {
        c: v["ziekenhuis_afstand_km"] for c, v in want.items()}


def test_a_table_without_a_topic_says_which(servers):
    table = servers.tables["85830ned"]
    table["DataProperties"] = [p for p in table["DataProperties"] if p["Key"] != "AfstandTotApotheek_10"]
    with pytest.raises(SourceError, match=r"CBS 85830NED: no topic for apotheek_afstand_km .*--what proximity"):
        statline_proximity.fetch_proximity(2023)


def test_fetch_command_writes_the_kerncijfers_layout_that_regio_data_proximity_reads(servers, tmp_path):
    root = tmp_path / "data"
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(root), "data", "fetch", "--what", "proximity",
                                       "--year", "2023"])
    assert result.exit_code == 0, result.output
    assert "wrote tables/proximity_gemeente_2023.csv" in result.output
    assert not (root / "boundaries").exists() and not (root / "physicians").exists()   # only what was asked
    table = regio.data.proximity(2023, data_dir=root)
    want = expected()
    assert sorted(table.index) == sorted(want) and set(table["year"]) == {2023}
    for code, values in want.items():
        for name, value in values.items():
            got = table.loc[code, name]
            assert (math.isnan(got) if value is None else got == value), (code, name)
    manifest = json.loads((root / "regio-sources.json").read_text(encoding="utf-8"))
    entry = manifest["proximity_gemeente_2023.csv"]
    assert entry["table"] == "85830NED" and entry["rows"] == len(want) and entry["url"].startswith(servers.url)


def test_the_fetched_file_has_the_columns_of_the_shared_2024_file(servers, tmp_path, real_data):
    frame, _ = statline_proximity.fetch_proximity(2023)
    header = pd.read_csv(real_data / "tables" / "kerncijfers_gemeente_2024.csv", nrows=0).columns
    assert set(frame.columns) <= set(header)


def test_a_year_without_a_known_table_names_the_option(servers, tmp_path):
    root = tmp_path / "data"
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(root), "data", "fetch", "--what", "proximity",
                                       "--year", "2019"])
    assert result.exit_code == 2
    assert "failed: proximity 2019: regio knows the CBS proximity tables of 2022, 2023, 2024, 2025" in result.output
    assert "--proximity-table" in result.output
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(root), "data", "fetch", "--what", "proximity",
                                       "--year", "2021", "--proximity-table", "85830NED"])
    assert result.exit_code == 0, result.output
    assert set(regio.data.proximity(2021, data_dir=root)["year"]) == {2021}
    with pytest.raises(UnknownYearError):
        statline_proximity.proximity_table(2019)


def test_without_year_the_newest_known_table_is_asked_for(servers, tmp_path):
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(tmp_path), "data", "fetch", "--what", "proximity"])
    assert result.exit_code == 2                                          # the fake server has no 86270NED
    newest = max(statline_proximity.PROXIMITY_TABLES)
    assert f"failed: proximity {newest}: CBS StatLine table {statline_proximity.PROXIMITY_TABLES[newest]}" \
        in result.output
    other = CliRunner().invoke(main, ["-q", "--data-dir", str(tmp_path), "data", "fetch", "--what", "population"])
    assert other.exit_code == 2 and "Give --year" in other.output


def test_dry_run_lists_what_it_would_take_and_writes_nothing(servers, tmp_path):
    root = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(root), "data", "fetch", "--dry-run", "--what", "proximity",
                                       "--year", "2023"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "CBS 85830NED" in out and "what regio takes:" in out
    for name, key in KEYS.items():
        assert f"{name} <- {key} " in out
    assert "-> column huisartsenpraktijk_gemiddeld_aantal_binnen_5_km" in out
    assert "would write tables/proximity_gemeente_2023.csv" in out
    assert not root.exists() or not any(root.rglob("*.csv"))
    assert servers.data_requests("85830NED") == []                        # metadata only


def test_default_fetch_does_not_fetch_proximity(servers, tmp_path):
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(tmp_path), "data", "fetch", "--year", "2025",
                                       "--what", "population"])
    assert result.exit_code == 0, result.output
    assert servers.data_requests("85830NED") == []
    assert not (tmp_path / "tables" / "proximity_gemeente_2025.csv").exists()
