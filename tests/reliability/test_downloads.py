"""Issue 14 item 8: downloads that drop, servers that page for ever, servers that ignore startIndex.

Against the fake CBS StatLine and PDOK servers of ``tests/_support/online_servers.py`` (real formats,
made-up fixtures): a connection that drops in the middle of one answer is that page tried again; one
that keeps dropping is one failed part, named with what was fetched and how far it got, the rest of the
fetch goes on and no file is half-written; a chain of ``odata.nextLink`` has a page limit.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from online_servers import FakeServers

from regio.cli import main
from regio.errors import OfflineError, RegioWarning, SourceError
from regio.sources import _online, fetch, pdok, statline


@pytest.fixture
def servers(monkeypatch):
    monkeypatch.setattr(_online, "BACKOFF", 0.0)          # retries without waiting
    with FakeServers() as s:
        monkeypatch.setenv("REGIO_CBS_URL", s.url)
        monkeypatch.setenv("REGIO_PDOK_URL", s.pdok_url)
        yield s


def _data_queries(servers, table):
    return [r.raw for r in servers.requests if r.path.lower().rstrip("/").endswith(f"/{table}/typeddataset")]


def test_a_statline_page_cut_off_once_is_fetched_again(servers):
    whole = statline.fetch_population(2025)
    servers.requests.clear()
    servers.drop = {"TypedDataSet": 1}
    again = statline.fetch_population(2025)
    pd.testing.assert_frame_equal(again, whole)
    asked = _data_queries(servers, "70072ned")
    assert len(asked) == 2 and asked[0] == asked[1]        # the one page, sent twice
    assert servers.drop == {"TypedDataSet": 0}


def test_a_dropped_next_page_is_fetched_again_not_the_whole_table(servers):
    servers.page_size = 4                                   # two pages: $skip=4 comes by odata.nextLink
    whole = statline.fetch_physicians(year=2023, professions=["huisarts"])
    servers.requests.clear()
    servers.drop = {"*/TypedDataSet?*$skip=4": 1}
    again = statline.fetch_physicians(year=2023, professions=["huisarts"])
    pd.testing.assert_frame_equal(again, whole)
    asked = _data_queries(servers, "84777ned")
    assert len(asked) == 3 and asked[1] == asked[2] and asked[1].endswith("$skip=4")


def test_a_page_that_keeps_dropping_names_the_table_the_page_and_how_far_it_got(servers):
    servers.page_size = 4
    servers.drop = {"*/TypedDataSet?*$skip=4": 99}
    with pytest.raises(SourceError) as err:
        statline.fetch_physicians(year=2023, professions=["huisarts"])
    message = str(err.value)
    assert "CBS StatLine table 84777NED" in message
    assert "page 2 (4 rows or features received before it)" in message
    assert f"each of {_online.ATTEMPTS} attempts" in message and "nothing of it was written" in message
    assert len([q for q in _data_queries(servers, "84777ned") if q.endswith("$skip=4")]) == _online.ATTEMPTS


def test_a_failing_part_leaves_the_old_file_whole_and_the_rest_is_fetched(servers, tmp_path):
    root = tmp_path / "data"
    (root / "tables").mkdir(parents=True)
    old = root / "tables" / "population_gemeente_timeseries.csv"
    old.write_text("year,statcode,statnaam,population,source\n2024,GM0001,Oud,10,earlier\n", encoding="utf-8")
    before = old.read_bytes()
    servers.drop = {"70072ned/TypedDataSet": 99}
    result = CliRunner().invoke(main, ["-q", "--data-dir", str(root), "data", "fetch", "--year", "2025",
                                       "--what", "population,physicians", "--physician-year", "2023"])
    assert result.exit_code == 2, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1 and failed[0].startswith("failed: population 2025: CBS StatLine table 70072ned")
    assert "Traceback" not in result.output and "ChunkedEncodingError" in failed[0]
    assert old.read_bytes() == before                                  # the earlier file is untouched
    assert (root / "physicians" / "cbs84777NED_woonregio_2023.csv").is_file()   # the rest went on
    assert not [p for p in root.rglob("*") if ".part-" in p.name]       # no half-written file anywhere
    manifest = json.loads((root / "regio-sources.json").read_text(encoding="utf-8"))
    assert "population_gemeente_timeseries.csv" not in manifest


def test_a_server_that_keeps_sending_next_link_stops_at_the_page_limit(servers, monkeypatch):
    monkeypatch.setattr(_online, "MAX_PAGES", 6)
    servers.page_size = 2
    servers.loop_next_link = "TypedDataSet"
    with pytest.raises(SourceError, match=r"more than 6 pages of TypedDataSet \(12 rows so far\) and the server "
                                          r"still sends a next page \(odata\.nextLink\)"):
        statline.fetch_population(2025)
    assert len(_data_queries(servers, "70072ned")) == 6               # no seventh request


def test_the_page_limit_is_per_chain_not_per_table(servers, monkeypatch):
    monkeypatch.setattr(_online, "MAX_PAGES", 2)                     # metadata sets are one page each
    servers.page_size = 4
    frame = statline.fetch_physicians(year=2023, professions=["huisarts"])   # the data set takes 2 pages
    assert len(frame) and len(_data_queries(servers, "84777ned")) == 2


def test_a_pdok_page_cut_off_once_is_fetched_again(servers, tmp_path):
    servers.pdok_max = 2
    whole, _, _ = pdok.fetch_features("gemeente", 2025, page_size=2)
    servers.drop = {"startIndex=2": 1}
    again, _, _ = pdok.fetch_features("gemeente", 2025, page_size=2)
    assert again == whole


def test_a_pdok_page_that_keeps_dropping_is_one_failed_part(servers, tmp_path):
    servers.pdok_max = 2
    servers.drop = {"*gemeente_gegeneraliseerd*startIndex=2*": 99}
    result = fetch.fetch_data(2025, levels=["gemeente", "provincie"], parts=["boundaries"],
                              data_dir=tmp_path)
    assert result.written == ["boundaries/provincie_2025.geojson"]
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert failure.startswith("boundaries gemeente 2025: PDOK gebiedsindelingen 2025, layer "
                              "gebiedsindelingen:gemeente_gegeneraliseerd")
    assert "page 2 (2 rows or features received before it)" in failure
    assert not (tmp_path / "boundaries" / "gemeente_2025.geojson").exists()
    assert not [p for p in tmp_path.rglob("*") if ".part-" in p.name]


def test_a_pdok_server_ignoring_start_index_is_said(servers):
    servers.pdok_max = 3                                              # 5 municipalities in the fixture
    servers.pdok_ignore_start = True
    with pytest.raises(SourceError, match=r"reports 5 features \(numberMatched\) but handed out"):
        pdok.fetch_features("gemeente", 2025)
    servers.pdok_number_matched = False
    with pytest.warns(RegioWarning, match=r"seems to ignore startIndex.*cannot tell whether the 3 features"):
        features, _, _ = pdok.fetch_features("gemeente", 2025)
    assert len(features) == 3


def test_a_connection_never_made_is_not_retried(monkeypatch, servers):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("REGIO_CBS_URL", f"http://127.0.0.1:{port}")
    sleeps = []
    monkeypatch.setattr(_online.time, "sleep", sleeps.append)
    with pytest.raises(OfflineError, match="No connection to 127.0.0.1"):
        statline.fetch_population(2025)
    assert sleeps == []
