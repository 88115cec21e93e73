"""The errors and warnings of regio.sources said in Dutch (the default) and English (``--lang en``).

On the command line: a user's file that regio cannot read (an encoding, an Excel file that is a web page),
the Windows-1252 fallback and an unknown part of ``regio data fetch`` print Dutch by default ("fout: ...",
"waarschuwing: ...") and English with ``--lang en`` / ``REGIO_LANG=en``. In Python: the catalogue's English
text, filled with the error's own values, is the error's message (so the two cannot drift apart), and the
Dutch text names the same file, row, column and fix.
"""

from __future__ import annotations

import string
import warnings

import openpyxl
import pytest
from click.testing import CliRunner

from regio.cli import main
from regio.errors import InputError, RegioError, RegioWarning, _Formatter, for_reader
from regio.labels import LABELS
from regio.sources._files import read_table
from regio.sources.crosswalks import GRENS, read_grenswijzigingen
from regio.sources.membership import LABOUR_MARKET, read_labour_market_membership
from regio.sources.population import AGE_STRUCTURE, REGISTER, read_age_structure, read_register_population


def _invoke(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"REGIO_LANG": None, **(env or {})})


def _lines(result, start: str) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(start)]


def _catalogue_english(said: RegioError | RegioWarning) -> str:
    """The catalogue's English text of ``said``'s key, filled with its values (as :meth:`message` fills Dutch)."""
    entry = LABELS[f"{said._group}.{said.key}"]
    params = {k: (v.message("en") if isinstance(v, (RegioError, RegioWarning)) else v) for k, v in said.params.items()}
    if f"origin.{params.get('origin')}" in LABELS:
        params["origin"] = LABELS[f"origin.{params['origin']}"]["en"]
    return _Formatter("en").format(for_reader(entry["en"]), **params)  # the text for a Python user


def _said_both_ways(said: RegioError | RegioWarning) -> str:
    """Assert the key is one of regio.sources, its English entry is the message; return the Dutch."""
    assert said.key.startswith("sources."), said.key
    assert _catalogue_english(said) == str(said)
    dutch = said.message("nl")
    assert dutch != str(said)
    return dutch


def _not_utf8_nor_cp1252(path):
    path.write_bytes("gemeente;naam;jaar;aantal\nGM1900;Fryslân\x81;2024;5\n".encode("latin-1"))
    return path


# ----------------------------------------------------------------------------- on the command line

def test_a_file_in_neither_utf8_nor_windows1252_is_said_in_dutch_and_with_lang_en_in_english(tmp_path):
    counts = _not_utf8_nor_cp1252(tmp_path / "tellingen.csv")
    args = ["--data-dir", tmp_path, "density", "--counts", counts, "--year", 2024]
    nl = _invoke(*args)
    assert nl.exit_code == 2
    assert _lines(nl, "fout:") == [
        f"fout: {counts} is geen UTF-8 (byte 0xe2 op positie 38) en ook geen Windows-1252 (byte 0x81 op positie "
        "40): sla het bestand op als UTF-8 (in Excel: Opslaan als, CSV UTF-8), of geef met --encoding de tekenset "
        "waarin het is opgeslagen."]
    en = _invoke(*args, "--lang", "en")
    with pytest.raises(InputError) as raised:  # the English text is the one Python users see, with encoding=
        read_table(counts)
    assert str(raised.value).endswith(" (encoding= in Python).")
    assert _lines(en, "error:") == [f"error: {raised.value}".replace(" (encoding= in Python)", "")]
    assert "nor Windows-1252 (byte 0x81 at position 40)" in str(raised.value)


def test_a_web_page_saved_as_xlsx_is_said_in_both_languages(tmp_path):
    page = tmp_path / "tellingen.xlsx"
    page.write_text("<!doctype html><html><body>Log in</body></html>", encoding="utf-8")
    args = ["--data-dir", tmp_path, "density", "--counts", page, "--year", 2024]
    [nl] = _lines(_invoke(*args), "fout:")
    assert nl.startswith(f"fout: {page} is geen Excel-werkmap (")
    assert nl.endswith("het lijkt een HTML-pagina. Is het CSV-tekst, hernoem het dan naar tellingen.csv; open het "
                       "anders in Excel en sla het op als .xlsx.")
    [en] = _lines(_invoke(*args, "--lang", "en"), "error:")
    assert en.startswith(f"error: {page} is not an Excel workbook (") and "it looks like an HTML page" in en


def test_the_windows1252_fallback_warns_in_the_language_of_the_command(tmp_path):
    counts = tmp_path / "tellingen.csv"
    counts.write_bytes("gemeente;naam;jaar;aantal\nGM1900;Súdwest-Fryslân;2024;5\n".encode("cp1252"))
    args = ["--data-dir", tmp_path, "density", "--counts", counts, "--year", 2024]
    with warnings.catch_warnings():  # every time, not once per place
        warnings.simplefilter("always", RegioWarning)
        nl, en = _invoke(*args), _invoke(*args, "--lang", "en")
    assert _lines(nl, "waarschuwing:") == [
        f"waarschuwing: {counts} is geen UTF-8 (byte 0xfa op positie 34): gelezen als Windows-1252 (cp1252), zoals "
        "Excel CSV schrijft op Windows. Controleer de namen met accenten; geef --encoding (bijv. --encoding "
        "latin-1) als het bestand een andere tekenset heeft, of sla het op als UTF-8 (in "
        "Excel: Opslaan als, CSV UTF-8); dan verdwijnt deze waarschuwing."]
    [warned] = _lines(en, "warning:")
    assert warned.startswith(f"warning: {counts} is not UTF-8 (byte 0xfa at position 34): read as Windows-1252")
    assert not _lines(en, "waarschuwing:")


def test_an_unknown_part_to_fetch_is_said_in_dutch_or_english(tmp_path):
    args = ["--data-dir", tmp_path, "data", "fetch", "--what", "kaarten", "--year", 2024]
    for extra in ([], ["--dry-run"]):
        nl = _invoke(*args, *extra)
        assert nl.exit_code == 2
        [line] = _lines(nl, "fout:")
        assert line.startswith("fout: Onbekende delen") and line.endswith(
            ": kaarten. Kies uit boundaries, population, physicians, proximity.")
        [en] = _lines(_invoke(*args, *extra, env={"REGIO_LANG": "en"}), "error:")
        assert en.startswith("error: Unknown part(s)") and en.endswith(
            ": kaarten. Choose from boundaries, population, physicians, proximity.")
    assert not any(path.name.startswith(".regio-write-test") for path in tmp_path.iterdir())


# ----------------------------------------------------------------------------- the catalogue says the message

def _workbook(path, sheets: dict[str, list[list[object]]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_excel_sheets_that_are_not_there_or_empty(tmp_path):
    book = _workbook(tmp_path / "b.xlsx", {"Leeg": [], "Data": [["pc4", "n"], ["1011", 3]], "Meer": [["x"], [1]]})
    with pytest.raises(InputError) as raised:
        read_table(book, sheet="Blad1")
    assert _said_both_ways(raised.value) == f"{book} heeft geen werkblad 'Blad1'; de werkbladen zijn 'Leeg', " \
                                            "'Data', 'Meer'."
    with pytest.raises(InputError) as raised:
        read_table(book, sheet=5)
    assert "werkblad nummer 5 (geteld vanaf 0)" in _said_both_ways(raised.value)
    with pytest.raises(InputError) as raised:
        read_table(book)
    assert "meerdere andere werkbladen hebben gegevens ('Data', 'Meer')" in _said_both_ways(raised.value)
    single = _workbook(tmp_path / "c.xlsx", {"Leeg": [], "Data": [["pc4", "n"], ["1011", 3]]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert read_table(single)["pc4"].tolist() == ["1011"]
    [warned] = [w.message for w in caught if isinstance(w.message, RegioWarning)]
    assert _said_both_ways(warned).startswith(f"{single}: het eerste werkblad 'Leeg' is leeg; gelezen is "
                                              "werkblad 'Data'")


def test_encodings_given_that_do_not_exist_or_do_not_fit(tmp_path):
    path = tmp_path / "namen.csv"
    path.write_text("naam\nSúdwest-Fryslân\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_table(path, encoding="klingon")
    assert _said_both_ways(raised.value).startswith("Onbekende tekenset (encoding) 'klingon' voor")
    with pytest.raises(InputError) as raised:
        read_table(path, encoding="ascii")
    assert _said_both_ways(raised.value).startswith(f"Kan {path} niet lezen als ascii: ")
    with pytest.raises(InputError) as raised:
        read_table(_not_utf8_nor_cp1252(tmp_path / "t.csv"))
    _said_both_ways(raised.value)


def test_population_files_with_a_column_missing_a_bad_count_or_bands_that_do_not_add_up(tmp_path):
    (tmp_path / "tables").mkdir()
    register = tmp_path.joinpath(*REGISTER)
    register.write_text("level,statcode,year\ngemeente,GM0014,2024\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_register_population(data_dir=tmp_path)
    assert "kolom(men) population_total ontbreken" in _said_both_ways(raised.value)
    register.write_text("level,statcode,year,population_total\ngemeente,GM0014,2024,12.5\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_register_population(data_dir=tmp_path)
    assert _said_both_ways(raised.value) == (f"{register}, rij 2, kolom population_total: '12.5' is geen geheel "
                                             "getal (GM0014); verbeter of verwijder de rij.")
    register.write_text("level,statcode,year,population_total\ngemeente,GM0014,2024,5\ngemeente,GM0014,2024,6\n",
                        encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_register_population(data_dir=tmp_path)
    assert "GM0014 komt twee keer voor in 2024" in _said_both_ways(raised.value)
    ages = tmp_path.joinpath(*AGE_STRUCTURE)
    bands = [f"age_{lo}_{lo + 9}" for lo in range(0, 90, 10)] + ["age_90plus"]
    ages.write_text(",".join(["statcode", *bands, "population_total"]) + "\n"
                    + ",".join(["GM0014", *["1000"] * len(bands), "12345"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_age_structure(data_dir=tmp_path)
    assert "population_total: 12.345, maar de leeftijdsklassen tellen op tot 10.000" in _said_both_ways(raised.value)
    ages.unlink()
    with pytest.raises(RegioError) as raised:
        read_age_structure(data_dir=tmp_path)
    assert _said_both_ways(raised.value) == f"De leeftijdsopbouw per gemeente ontbreekt: {ages}."


def test_crosswalks_and_memberships_name_the_column_and_the_row(tmp_path):
    (tmp_path / "crosswalks").mkdir()
    grens = tmp_path.joinpath(*GRENS)
    grens.write_text("from_year,to_year,from_code\n2023,2024,GM0001\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_grenswijzigingen(data_dir=tmp_path)
    assert "de kolommen [" in _said_both_ways(raised.value)
    members = tmp_path.joinpath(*LABOUR_MARKET)
    members.write_text("statcode,am_code,ra_code\nGM0014,AM01,\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_labour_market_membership(data_dir=tmp_path)
    assert _said_both_ways(raised.value) == f"{members}, rij 2, kolom ra_code: lege code; vul de regiocode in."


def test_every_entry_of_regio_sources_has_the_same_placeholders_in_both_languages_or_fewer_in_dutch():
    ours = {k: v for k, v in LABELS.items() if k.split(".", 1)[-1].startswith("sources.")}
    assert len(ours) > 60
    for key, entry in ours.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("nl", "en")]
        assert fields[0] <= fields[1], key
