"""`regio data fetch` in one language (issue 13): its notes, failures and --dry-run lines are Dutch by default and
English with --lang en (or REGIO_LANG=en), against the fake CBS StatLine and PDOK servers on 127.0.0.1."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from online_servers import FakeServers

from regio.cli import main
from regio.sources import fetch

#: English words of regio's own that a Dutch fetch must not print.
ENGLISH = ("note:", "failed:", "wrote ", "Fetching", "Done.", "Dry run", "nothing is written", "what regio takes",
           "dimensions (", "topics (", "boundaries gemeente", "physicians:", "population:", "has no", "fetched",
           "would write", "read as", "first feature", "properties:", "the connection dropped", "cannot plan")


@pytest.fixture
def servers(monkeypatch):
    with FakeServers() as s:
        monkeypatch.setenv("REGIO_CBS_URL", s.url)
        monkeypatch.setenv("REGIO_PDOK_URL", s.pdok_url)
        yield s


def _fetch(root, *args, env=None):
    return CliRunner().invoke(main, ["-q", "--data-dir", str(root), "data", "fetch", *map(str, args)],
                              env={"REGIO_LANG": None, **(env or {})})


def _no_english(output: str) -> None:
    said = [word for word in ENGLISH if word in output]
    assert not said, f"{said} in a Dutch fetch:\n{output}"


def test_notes_are_dutch_by_default_and_english_with_lang_en(servers, tmp_path):
    root = tmp_path / "data"
    nl = _fetch(root, "--year", 2025, "--levels", "gemeente")
    assert nl.exit_code == 0, nl.output
    assert ("let op: artsen: CBS 84777NED heeft 2025 nog niet; het nieuwste jaar, 2023 (voorlopig), is opgehaald. "
            "Kies een ander jaar met --physician-year.") in nl.output
    assert "geschreven: tables/population_gemeente_timeseries.csv" in nl.output and "Klaar." in nl.output
    _no_english(nl.output)
    again = _fetch(root, "--year", 2025, "--what", "population")  # the year's rows are replaced: said so
    assert "let op: bevolking: 5 rijen van 2025 vervangen in population_gemeente_timeseries.csv." in again.output
    _no_english(again.output)
    en = _fetch(root, "--year", 2025, "--levels", "gemeente", "--lang", "en")
    assert en.exit_code == 0, en.output
    assert "note: population: replaced 5 rows of 2025 in population_gemeente_timeseries.csv." in en.output
    assert ("note: physicians: CBS 84777NED has no 2025 yet; fetched its newest year 2023 (provisional). Use "
            "--physician-year to choose another.") in en.output
    assert "let op" not in en.output and "geschreven" not in en.output
    assert _fetch(root, "--year", 2025, "--levels", "gemeente", env={"REGIO_LANG": "en"}).output == en.output


def test_the_notes_of_the_python_api_are_english_and_said_in_dutch_on_request(servers, tmp_path):
    result = fetch.fetch_data(2025, parts=["physicians"], data_dir=tmp_path)
    [note] = result.notes
    assert note.startswith("physicians: CBS 84777NED has no 2025 yet")  # a text, as before
    assert "physician_year=" in note.message("nl") and "--physician-year" not in note.message("nl")


def test_a_failed_part_is_said_in_the_chosen_language(servers, tmp_path):
    servers.pdok_max = 2
    servers.drop = {"*gemeente_gegeneraliseerd*startIndex=2*": 99}
    nl = _fetch(tmp_path, "--year", 2025, "--levels", "gemeente", "--what", "boundaries")
    assert nl.exit_code == 2
    assert ("mislukt: grenzen gemeente 2025: PDOK gebiedsindelingen 2025, laag "
            "gebiedsindelingen:gemeente_gegeneraliseerd: de verbinding viel weg tijdens pagina 2") in nl.output
    _no_english(nl.output)
    en = _fetch(tmp_path, "--year", 2025, "--levels", "gemeente", "--what", "boundaries", "--lang", "en")
    assert en.exit_code == 2
    assert ("failed: boundaries gemeente 2025: PDOK gebiedsindelingen 2025, layer "
            "gebiedsindelingen:gemeente_gegeneraliseerd: the connection dropped during page 2") in en.output


def test_a_fetch_without_year_is_refused_in_the_chosen_language(tmp_path):
    nl = _fetch(tmp_path, "--what", "population")
    assert nl.exit_code == 2 and nl.output.startswith("fout: Geef --year (het jaar van de grenzen en de bevolking)")
    en = _fetch(tmp_path, "--what", "population", "--lang", "en")
    assert en.exit_code == 2 and en.output.startswith("error: Give --year")


def test_the_dry_run_is_dutch_by_default_and_english_with_lang_en(servers, tmp_path):
    args = ("--dry-run", "--year", 2025, "--levels", "gemeente", "--physician-table", "84777NED")
    nl = _fetch(tmp_path / "data", *args)
    assert nl.exit_code == 0, nl.output
    assert nl.output.startswith("Proefdraaien: er wordt niets geschreven.")
    for words in ("  dimensies (Type Key 'Title': categorieën):", "  wat regio neemt:",
                  "gelezen als het landelijke totaal", "categorie (SociaaleconomischeCategorie) vast op",
                  "numberMatched 5, numberReturned ontbreekt; 1 feature(s) in dit antwoord",
                  "  eerste feature: id 'gemeente_gegeneraliseerd.1', geometrie MultiPolygon, eigen bbox ja"):
        assert words in nl.output, words
    assert "'Totaal BIG-geregistreerd'" in nl.output  # what CBS sends stays as sent
    _no_english(nl.output)
    en = _fetch(tmp_path / "data", *args, "--lang", "en")
    assert en.exit_code == 0 and en.output.startswith("Dry run: nothing is written.")
    assert "  what regio takes:" in en.output and "read as the national total" in en.output
    assert "Proefdraaien" not in en.output and "wat regio neemt" not in en.output
    # a part that fails: a "mislukt:" line in Dutch, and exit code 2 in both languages
    failed = _fetch(tmp_path / "data", "--dry-run", "--year", 2025, "--what", "proximity")
    assert failed.exit_code == 2 and "mislukt: CBS nabijheid 2025: CBS StatLine-tabel 86270NED" in failed.output
    _no_english(failed.output)
    failed_en = _fetch(tmp_path / "data", "--dry-run", "--year", 2025, "--what", "proximity", "--lang", "en")
    assert failed_en.exit_code == 2 and "failed: CBS proximity 2025: CBS StatLine table 86270NED" in failed_en.output
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").rglob("*")) == []
