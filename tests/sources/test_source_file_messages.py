"""The errors and warnings of regio's file readers (regio.sources: physicians, practices, nivel, boundaries, ...)
said in Dutch (the default on the command line) and English (``--lang en``).

In Python the catalogue's English text, filled with the error's own values, is the error's message (so the two
cannot drift apart) and the Dutch text names the same file, column and fix. Parts of a message that are there
only sometimes (a hint, a second problem) are keyed phrases, said in the language of the error around them.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner
from online_servers import FakeServers

from regio.cli import main
from regio.errors import InputError, RegioError, RegioWarning, _Formatter, for_reader
from regio.labels import LABELS
from regio.sources import capaciteitsorgaan, geodata, nivel, pdok, physicians, practices, proximity, trainers
from regio.sources.boundaries import read_boundary_file
from regio.sources.user_values import areas_mapping, read_region_values, table_values


def _catalogue_english(said: RegioError | RegioWarning) -> str:
    """The catalogue's English text of ``said``'s key, filled with its values (as :meth:`message` fills Dutch)."""
    entry = LABELS[f"{said._group}.{said.key}"]
    params = {k: (v.message("en") if isinstance(v, (RegioError, RegioWarning)) else v) for k, v in said.params.items()}
    return _Formatter("en").format(for_reader(entry["en"]), **params)  # the text for a Python user


def _dutch(said: RegioError | RegioWarning) -> str:
    """Assert the key is one of these readers and its English entry is the message; return the Dutch."""
    assert said.key.startswith("src."), said.key
    assert _catalogue_english(said) == str(said)
    dutch = said.message("nl")
    assert dutch != str(said)
    return dutch


def _raised(func, *args, **kwargs) -> RegioError:
    with pytest.raises(RegioError) as caught:
        func(*args, **kwargs)
    return caught.value


def _counts(tmp_path, text: str, name: str = "tellingen.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"REGIO_LANG": None})


def _lines(result, start: str) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(start)]


# ----------------------------------------------------------------------------- on the command line

def test_a_bad_region_code_in_a_counts_file_is_said_in_dutch_and_with_lang_en_in_english(tmp_path):
    counts = _counts(tmp_path, "region,year,profession,count\nXX12,2024,huisarts,2\n")
    data = tmp_path / "data"
    data.mkdir()
    args = ["--data-dir", data, "density", "--counts", counts, "--year", 2024, "--out", tmp_path / "out"]
    nl = _invoke(*args)
    assert nl.exit_code == 2
    assert _lines(nl, "fout:") == [
        "fout: tellingen.csv, kolom 'region': geen CBS-regiocode of PC4 in rij 2 (XX12). Gebruik codes als "
        "GM0363, PV27 of postcodes van 4 cijfers (PC6 moet eerst tot PC4 worden opgeteld)."]
    en = _invoke(*args, "--lang", "en")
    assert en.exit_code == 2
    assert _lines(en, "error:") == [f"error: {_raised(physicians.read_counts_file, counts)}"]
    assert "not a CBS region code or PC4 at row 2 (XX12)" in en.output


def test_a_code_written_with_spaces_is_a_dutch_warning_and_with_lang_en_an_english_one(tmp_path):
    counts = _counts(tmp_path, "region,year,profession,count\nGM 0014,2024,huisarts,2\n")
    data = tmp_path / "data"
    data.mkdir()
    args = ["--data-dir", data, "density", "--counts", counts, "--year", 2024, "--out", tmp_path / "out"]
    with warnings.catch_warnings():  # every time, not once per place (and not as an error, as pytest is set up)
        warnings.simplefilter("always", RegioWarning)
        nl, en = _invoke(*args), _invoke(*args, "--lang", "en")
    assert _lines(nl, "waarschuwing:") == [
        "waarschuwing: tellingen.csv, kolom 'region': 1 code(s) met spaties geschreven, zonder spaties gelezen "
        "(bijv. 'GM 0014' als 'GM0014')."]
    assert _lines(en, "warning:") == [
        "warning: tellingen.csv, column 'region': 1 code(s) written with spaces, read without them (e.g. 'GM 0014' "
        "as 'GM0014')."]


def test_a_missing_column_with_its_hint_is_said_in_one_language(tmp_path):
    counts = _counts(tmp_path, "regio;jaar;aantal\nGM0014;2024;3\n")
    err = _raised(physicians.read_counts_file, counts)  # no profession column and none given
    dutch = _dutch(err)
    assert dutch.startswith("tellingen.csv: kolom(men) profession ontbreken")
    assert dutch.endswith("Zonder kolom met het beroep: zeg welk beroep het bestand bevat (profession=...).")
    assert "Without" not in dutch


# ----------------------------------------------------------------------------- in Python, per reader

def test_counts_files(tmp_path):
    head = "region,year,profession,count\n"
    no_rows = _raised(physicians.read_counts_file, _counts(tmp_path, head))
    assert "heeft een kopregel (region, year, profession, count) maar geen rijen" in _dutch(no_rows)
    twice = _raised(physicians.read_counts_file, _counts(tmp_path, head + "GM0014,2024,huisarts,2\n" * 2))
    assert _dutch(twice) == ("tellingen.csv: meer dan één rij voor regio/jaar/beroep GM0014/2024/huisarts. Tel ze op "
                             "tot één rij.")
    empty = _raised(physicians.read_counts_file, _counts(tmp_path, head + "GM0014,2024,,2\n" * 12))
    _every_part_said_both_ways(empty)
    assert "geen beroep in rij 2, rij 3, rij 4, rij 5, rij 6, rij 7, rij 8, rij 9, rij 10, rij 11 ... en nog 2. Vul " \
        "deze cellen in." in _dutch(empty)
    assert "no profession at row 2, row 3, row 4, row 5, row 6, row 7, row 8, row 9, row 10, row 11 ... and 2 " \
        "more. Fill these cells." in str(empty)
    both = _raised(physicians.read_counts_file,
                   _counts(tmp_path, "gemeentecode,statcode,year,count\nGM0014,GM0034,2024,2\n"), profession="huisarts")
    assert "meer dan één regiokolom met regiocodes ('statcode', 'gemeentecode')" in _dutch(both)


def test_practice_and_trainer_lists(tmp_path):
    ods = _raised(practices.read_practice_list, _counts(tmp_path, "x", "lijst.ods"))
    assert _dutch(ods).endswith("lijst.ods: regio leest .xlsx- en .csv-bestanden, geen .ods; sla het op als .xlsx "
                                "of .csv.")
    nowhere = _raised(practices.read_practice_list, _counts(tmp_path, "naam,huisartsen\nA,2\n", "lijst.csv"))
    assert "rij 1 (de kopregel): geen kolom zegt waar de praktijken zijn; de kolommen zijn 'naam', 'huisartsen'" \
        in _dutch(nowhere)
    both = _raised(trainers.read_trainer_counts,
                   _counts(tmp_path, "instituut,gemeentecode,opleiders\namc,GM0363,3\n", "opleiders.csv"))
    assert "geef opleiders per instituut (kolommen instituut, opleiders) of per gemeente" in _dutch(both)
    no_institute = _raised(trainers.read_trainer_list, _counts(tmp_path, "postcode\n1011 AB\n", "opleiders.csv"))
    assert "geen kolom voor het instituut waar de opleider bij hoort; de kolommen zijn 'postcode'" \
        in _dutch(no_institute)
    twice = _raised(trainers.read_trainer_list,
                    _counts(tmp_path, "instituut,institute,postcode\namc,amc,1011 AB\n", "opleiders.csv"))
    dutch = _dutch(twice)
    assert dutch.startswith(f"{tmp_path / 'opleiders.csv'}: 1 probleem (de opleiderslijst); er is niets "
                            "gelezen:")
    assert "1 problem(s) in the trainer list; nothing was read" in str(twice)


def test_nivel_series(tmp_path):
    columns = ",".join(nivel.SERIES_COLUMNS)
    missing = _raised(nivel.read_nivel_series, _counts(tmp_path, "year,value\n2020,1\n", "nivel.csv"))
    assert _dutch(missing).startswith("nivel.csv: kolom(men) ")
    row = dict.fromkeys(nivel.SERIES_COLUMNS, "x") | {"year": "2020", "unit": "persons", "value": "2.5",
                                                     "series": nivel.TOTAL, "peildatum": "1 januari"}
    fractional = _raised(nivel.read_nivel_series,
                       _counts(tmp_path, columns + "\n" + ",".join(row[c] for c in nivel.SERIES_COLUMNS) + "\n",
                               "nivel.csv"))
    assert fractional.key == "src.nivel_not_whole"
    _every_part_said_both_ways(fractional)
    assert f"geen geheel getal in rij 2 ({nivel.TOTAL} 2020: 2.5)" in _dutch(fractional)


def test_rows_named_in_a_bad_number_are_said_in_the_language_of_the_message(tmp_path):
    # the rows of a counts file (with their codes) and of a Nivel series file inside "non-numeric values at ...":
    # "rij 2 (PV20)" in Dutch, as the message around them, not "row 2 (PV20)"
    counts = _counts(tmp_path, "region,year,profession,count\nPV20,2024,huisarts,inf\nGM0014,2024,huisarts,x\n")
    err = _raised(physicians.read_counts_file, counts)
    assert "non-numeric values at row 3 (GM0014) (e.g. 'x'); infinite values at row 2 (PV20)" in str(err)
    dutch = err.message("nl")
    assert "niet-numerieke waarden bij rij 3 (GM0014) (bijv. 'x'); oneindige waarden bij rij 2 (PV20)" in dutch
    assert "row" not in dutch
    row = dict.fromkeys(nivel.SERIES_COLUMNS, "x") | {"year": "2020", "unit": "persons", "value": "veel",
                                                     "series": nivel.TOTAL, "peildatum": "1 januari"}
    columns = ",".join(nivel.SERIES_COLUMNS)
    bad = _raised(nivel.read_nivel_series,
                  _counts(tmp_path, columns + "\n" + ",".join(row[c] for c in nivel.SERIES_COLUMNS) + "\n",
                          "nivel.csv"))
    assert "non-numeric values at row 2 (e.g. 'veel')" in str(bad)
    assert "niet-numerieke waarden bij rij 2 (bijv. 'veel')" in bad.message("nl")
    data = tmp_path / "data"
    data.mkdir()
    nl = _invoke("--data-dir", data, "density", "--counts", counts, "--year", 2024, "--out", tmp_path / "out")
    assert nl.exit_code == 2
    assert "rij 2 (PV20)" in nl.output and "row " not in nl.output


def test_boundaries_pdok_geodata_proximity_and_parameters(tmp_path):
    empty = _counts(tmp_path, "", "grenzen.geojson")
    dutch = _dutch(_raised(read_boundary_file, empty))
    assert dutch == (f"Kan {empty} niet lezen: het bestand is leeg (0 bytes). Controleer of het een volledig "
                     "bestand met polygonen en een opgegeven CRS is.")
    assert "Niveaus met een laag: gemeente" in _dutch(_raised(pdok.type_name, "pc4"))
    assert _dutch(_raised(geodata.geodata_path, "nope")).startswith("Onbekende geodata 'nope'. Bekend: ")
    (tmp_path / "tables").mkdir()
    none = _raised(proximity.read_proximity, 2023, data_dir=tmp_path)
    assert "Jaren met indicatoren: geen." in _dutch(none)
    params = _counts(tmp_path, "Naam;raming_2024\nx;1\n", "parameters.csv")
    assert _dutch(_raised(capaciteitsorgaan.read_parameter_table, path=params)) == (
        f"{params} heeft geen kolom 'Variabele' (kolommen: Naam, raming_2024).")


def test_region_values_say_every_problem_in_dutch():
    err = _raised(read_region_values, {"PV20": 3, "PV99": 1, "PV98": 2}, index=pd.Index(["PV20", "PV21"]), names={},
                  what="bovengrenzen", require_all=True)
    assert _dutch(err) == ("bovengrenzen: onbekende regio's, die op dit niveau niet bestaan: PV98, PV99 (bekend: PV20, "
                           "PV21, codes of namen); ontbreekt voor PV21.")
    assert str(err) == ("bovengrenzen: unknown regions, that do not exist at this level: PV98, PV99 (known: PV20, "
                        "PV21, codes or names); missing for PV21.")
    areas = pd.DataFrame({"naam": ["a"], "x": ["b"], "y": ["c"]})
    assert "er is een kolom met de gemeentecodes nodig" in _dutch(_raised(areas_mapping, areas))
    with pytest.raises(InputError) as caught:
        table_values(pd.DataFrame({"a": [1], "b": [2]}), what="waarden", column="c")
    assert "(of een kolom met de naam 'c')" in _dutch(caught.value)


def test_the_dutch_of_these_readers_uses_no_value_the_english_does_not():
    from regio._messages.sources_files import MESSAGES

    def fields(text: str) -> set[str]:
        import string
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}

    assert all(key.split(".", 1)[1].startswith("src.") for key in MESSAGES)
    # Dutch may leave out a word the English takes from the raise site (a column's role, "regions"), no more
    for key, entry in MESSAGES.items():
        assert fields(entry["nl"]) <= fields(entry["en"]), key


def test_a_warning_of_these_readers_names_its_key():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        physicians._one_column_each(pd.DataFrame({"region": ["GM0014"], "naam": ["a"], "statnaam": ["b"]}), "f.csv")
    said = [w.message for w in caught if isinstance(w.message, RegioWarning)]
    assert [w.key for w in said] == ["src.names_column_used"]
    assert _dutch(said[0]) == "f.csv: regionamen uit de kolom 'statnaam'; kolom(men) 'naam' niet gebruikt."


def _every_part_said_both_ways(said: RegioError | RegioWarning) -> None:
    """Assert, down through every part of a message, that each part's catalogue English is its message."""
    if said.key.startswith("kernel."):  # parts joined (regio.text.joined) or plain text: check the parts
        for value in said.params.values():
            if isinstance(value, (RegioError, RegioWarning)):
                _every_part_said_both_ways(value)
        return
    assert said.key.startswith("src."), said.key
    assert _catalogue_english(said) == str(said)
    for value in said.params.values():
        if isinstance(value, (RegioError, RegioWarning)):
            _every_part_said_both_ways(value)


def test_every_problem_of_a_practice_list_is_said_in_dutch(tmp_path):
    rows = ["naam,postcode,pc4,gemeentecode,lon,lat,huisartsen,fte",
            "A,10,,,,,2,1",                   # not a postcode
            "B,1011 AB,1012,,,,2,1",          # PC4 differs from the postcode
            "C,,10x,,,,2,1",                  # not a PC4
            "D,,,XX1,,,2,1",                  # not a municipal code
            "E,,,,4.9,,2,1",                  # lon without lat
            "F,,,,=A1,52.37,2,1",             # a formula, not degrees
            "G,,,,121000,487000,2,1",         # RD coordinates
            "H,1011 AB,,,,,,1",               # no number of GPs
            "I,1011 AB,,,,,2.5,x",            # not whole GPs, not FTE
            "naam,postcode,pc4,gemeentecode,lon,lat,huisartsen,fte",  # the header again
            "J,,,,,,2,1"]                     # no location
    path = _counts(tmp_path, "\n".join(rows) + "\n", "praktijken.csv")
    err = _raised(practices.read_practice_list, path)
    _every_part_said_both_ways(err)
    dutch = _dutch(err)
    assert dutch.startswith(f"{path}: 13 problemen (de praktijkenlijst); er is niets gelezen:\n  rij 2, "
                            "kolom postcode (B): '10' is geen Nederlandse postcode")
    for english in ("row ", "column ", " is not ", "empty;", "Paste special"):
        assert english not in dutch, english
    assert "Plakken speciaal > Waarden" in dutch and "dit lijken RD-coördinaten in meters" in dutch


def test_every_problem_of_trainer_files_is_said_in_dutch(tmp_path):
    listed = _counts(tmp_path, "instituut,postcode,geboortejaar,leeftijd,aios\n,1011 AB,1960,30,2\namc,,1800,,11\n",
                     "opleiders.csv")
    counts = _counts(tmp_path, "gemeentecode,opleiders\n,3\nXX,\n", "aantallen.csv")
    intake = _counts(tmp_path, "instituut,jaar,aangeboden,gevuld\namc,2020,80,85\namc,2020,,3\n", "instroom.csv")
    for read, path in ((trainers.read_trainer_list, listed), (trainers.read_trainer_counts, counts),
                       (trainers.read_intake, intake)):
        err = _raised(read, path)
        _every_part_said_both_ways(err)
        dutch = _dutch(err)
        for english in ("row ", "column ", " is not ", "empty;", "a whole number"):
            assert english not in dutch, (english, dutch)


def test_an_incomplete_pdok_download_is_said_in_dutch(monkeypatch, tmp_path):
    with FakeServers() as servers:
        monkeypatch.setenv("REGIO_PDOK_URL", servers.pdok_url)
        servers.pdok_number_matched = 342  # a server that reports more than it hands out
        err = _raised(pdok.download_boundaries, "gemeente", 2025, tmp_path / "gemeente_2025.geojson")
    _every_part_said_both_ways(err)
    assert "reports 342 features (numberMatched) but handed out 5" in str(err)
    assert _dutch(err).startswith("PDOK gebiedsindelingen 2025, laag gebiedsindelingen:gemeente_gegeneraliseerd: "
                                  "de dienst meldt 342 objecten (numberMatched) maar gaf er 5 in pagina's van "
                                  "hoogstens ")
