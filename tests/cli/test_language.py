"""One language on the command line (--lang, REGIO_LANG) and CSV for Dutch Excel (--csv nl, REGIO_CSV)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from regio.cli import main
from regio.errors import UnknownLevelError
from regio.labels import LABELS, column_label
from regio.levels import get_level

ROOT = Path(__file__).parents[2]


def _invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env={"REGIO_LANG": None, "REGIO_CSV": None, **(env or {})})


def _error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(("fout:", "error:"))]


def test_errors_are_dutch_by_default_and_english_with_lang_en_or_regio_lang(tmp_path):
    missing = tmp_path / "none"
    nl = _invoke("--data-dir", str(missing), "population", "--year", "2024")
    assert nl.exit_code == 2 and _error_lines(nl) == nl.output.strip().splitlines()
    assert nl.output.startswith(f"fout: Geen regio-gegevensmap op {missing} (gegeven met --data-dir).")
    en = _invoke("--data-dir", str(missing), "population", "--year", "2024", "--lang", "en")
    assert en.exit_code == 2 and en.output.startswith(f"error: No regio data directory at {missing}")
    env = _invoke("--data-dir", str(missing), "population", "--year", "2024", env={"REGIO_LANG": "en"})
    assert env.output == en.output
    # the command line wins over the environment
    both = _invoke("--data-dir", str(missing), "population", "--year", "2024", "--lang", "nl", env={"REGIO_LANG": "en"})
    assert both.output == nl.output


def test_an_unknown_level_says_so_in_the_chosen_language(tmp_path):
    nl = _invoke("--data-dir", str(tmp_path), "population", "--level", "county", "--year", "2024")
    assert nl.exit_code == 2 and nl.output.startswith("fout: Onbekend regioniveau 'county'. Bekende niveaus: gemeente")
    en = _invoke("--data-dir", str(tmp_path), "population", "--level", "county", "--year", "2024", "--lang", "en")
    with pytest.raises(UnknownLevelError) as raised:  # the English text is the one Python users see
        get_level("county")
    assert en.output.strip() == f"error: {raised.value}"


def test_every_error_text_of_the_catalogue_has_both_languages_and_the_same_placeholders():
    import string

    for key, entry in LABELS.items():
        if key.startswith("error."):
            fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("nl", "en")]
            assert fields[0] <= fields[1] | {"layout", "hint"} or fields[0] == fields[1], key


@pytest.mark.realdata
def test_unknown_year_and_written_lines_are_dutch_by_default(real_data, tmp_path):
    year = _invoke("--data-dir", str(real_data), "population", "--level", "gemeente", "--year", "1990")
    assert year.exit_code == 2 and year.output.startswith("fout: Geen gemeentelijke bevolking voor 1990. "
                                                          "Beschikbare jaren: 2012")
    out = tmp_path / "p"
    nl = _invoke("--data-dir", str(real_data), "population", "--year", "2024", "--out", str(out))
    assert nl.exit_code == 0, nl.output
    assert f"geschreven: {out}.csv" in nl.output and "wrote" not in nl.output
    en = _invoke("--data-dir", str(real_data), "population", "--year", "2024", "--out", str(out), "--lang", "en")
    assert f"wrote {out}.csv" in en.output and "geschreven" not in en.output
    header = [c.value for c in openpyxl.load_workbook(f"{out}.xlsx").worksheets[0][1]]
    assert header == ["Code", "Name", "Inhabitants"]  # Excel words follow --lang; the CSV keeps the codes
    assert Path(f"{out}.csv").read_text(encoding="utf-8").splitlines()[0] == "statcode,statnaam,population"


@pytest.mark.realdata
def test_csv_nl_on_the_command_line_and_from_regio_csv(real_data, tmp_path):
    out = tmp_path / "dens"
    res = _invoke("--data-dir", str(real_data), "density", "--year", "2018", "--out", str(out), "--csv", "nl")
    assert res.exit_code == 0, res.output
    (path,) = out.glob("density_*.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, first = data.decode("utf-8-sig").splitlines()[:2]
    assert header.startswith("statcode;") and ";rate_per_100k;" in header
    rate = first.split(";")[header.split(";").index("rate_per_100k")]
    assert "," in rate and "." not in rate  # a decimal comma
    book = openpyxl.load_workbook(next(out.glob("density_*.xlsx")))
    ws = book.worksheets[0]
    header_row = [c.value for c in ws[1]]
    assert "Per 100.000 inwoners" in header_row and ws.freeze_panes == "B2" and ws.auto_filter.ref
    for j, code in enumerate(["statcode", *header.split(";")[1:]], start=1):  # every numeric column is formatted
        cell = ws.cell(row=2, column=j)
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            assert cell.number_format != "General", code
    assert "kolommen" in book.sheetnames
    env_out = tmp_path / "env"
    res = _invoke("--data-dir", str(real_data), "density", "--year", "2018", "--out", str(env_out),
                  env={"REGIO_CSV": "nl"})
    assert res.exit_code == 0 and next(env_out.glob("density_*.csv")).read_bytes() == data
    std = tmp_path / "std"
    _invoke("--data-dir", str(real_data), "density", "--year", "2018", "--out", str(std))
    assert next(std.glob("density_*.csv")).read_bytes().startswith(b"statcode,")


def test_atlas_without_data_is_one_message_and_exit_code_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("REGIO_DATA_DIR", "REGIO_LANG")}
    env.update({"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)})
    run = subprocess.run([sys.executable, "-m", "regio", "atlas", "--out", str(tmp_path / "atlas")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert run.returncode == 2
    lines = (run.stdout + run.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("fout: Geen regio-gegevensmap op ") and "REGIO_DATA_DIR" in lines[0]
    assert str(tmp_path / "cache") in lines[0]  # names the data directory it looked for
    assert not (tmp_path / "atlas").exists()  # nothing written, no empty index


def test_atlas_on_an_empty_data_directory_is_one_error_line_and_exit_code_2(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    res = _invoke("-q", "--data-dir", str(data), "atlas", "--out", str(tmp_path / "atlas"), "--lang", "en")
    assert res.exit_code == 2
    errors = _error_lines(res)
    assert len(errors) == 1 and errors[0].startswith(f"error: No atlas: there is no data in the data directory "
                                                     f"{data} (given with --data-dir)")
    assert errors == res.output.strip().splitlines()  # that one line only
    assert "No year with both municipal population" in (tmp_path / "atlas" / "index.html").read_text("utf-8")


def test_terminal_tables_fit_100_characters_unless_wide():
    import click
    import pandas as pd

    from regio.cli._common import print_table, wide_option

    frame = pd.DataFrame({f"column_number_{i}": [1234.5 * i, 2.0] for i in range(12)} | {"words": ["x" * 60, "y"]},
                         index=pd.Index(["PV20", "PV21"], name="statcode"))

    @click.command()
    @wide_option()
    def show():
        print_table(frame, lang="en")

    narrow = CliRunner().invoke(show, [])
    lines = narrow.output.splitlines()
    assert narrow.exit_code == 0 and max(map(len, lines)) <= 100
    assert lines[-1].startswith("(not shown:") or lines[-2].startswith("(not shown:")
    shown = lines[0].split()[1:]  # the first header is the index's ("Code")
    assert lines[0].split()[0] == "Code"
    hidden = narrow.output.split("(not shown: ")[1].split(";")[0].replace("\n", " ").split(", ")
    assert sorted(shown + hidden) == sorted(frame.columns)  # every column shown or named
    wide = CliRunner().invoke(show, ["--wide"])
    assert all(c in wide.output for c in frame.columns) and "x" * 60 in wide.output and "not shown" not in wide.output


@pytest.mark.realdata
def test_density_table_on_the_terminal_fits_100_characters(real_data, tmp_path):
    res = _invoke("--data-dir", str(real_data), "density", "--year", "2018", "--out", str(tmp_path))
    assert res.exit_code == 0
    table = res.output.split("\n\n")[0].splitlines()[1:]  # the title, then the regions
    assert len(table) >= 14 and max(map(len, table)) <= 100
    header = " ".join(line for line in table[:3] if not line.startswith("PV"))
    assert "inwoners" in header and "Vergelijking" in header  # words, not the code names of the CSV
    assert "rate_per_100k" not in header and "comparison" not in header
    english = _invoke("--data-dir", str(real_data), "density", "--year", "2018", "--out", str(tmp_path / "en"),
                      "--lang", "en").output.split("\n\n")[0]
    assert "inhabitants" in english and "Comparison" in english and "Vergelijking" not in english


def test_atlas_listing_says_every_kind_of_file_in_the_chosen_language(real_data, tmp_path):
    for lang, words, foreign in (("nl", {"kaart", "tabel", "toelichting", "overzicht"}, {"notes", "index"}),
                                 ("en", {"map", "table", "notes", "index"}, {"toelichting", "overzicht"})):
        out = tmp_path / lang
        res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "atlas", "--out", str(out),
                                        "--section", "population", "--lang", lang])
        assert res.exit_code == 0, res.output
        kinds = {line.split()[0] for line in res.output.splitlines() if line.startswith("  ")}
        assert words <= kinds and not (kinds & foreign), (lang, kinds)


@pytest.mark.realdata
def test_density_total_rows_read_in_the_chosen_language_and_the_csv_keeps_the_codes(real_data, tmp_path):
    # the rows below the table: their codes, names and kinds in words on the terminal and in Excel (as Excel's
    # cells read), TOTAL/TOTAL+/SOURCE in English; the CSV keeps the codes TOTAAL/TOTAAL+/BRON and kind codes
    import pandas as pd

    expected = {"nl": {"TOTAAL": ("Totaal regio's", "totaal"), "TOTAAL+": ("Totaal incl. niet in te delen",
                                                                         "totaal incl. niet in te delen"),
                       "BRON": ("NL01 Nederland, Buitenland, Niet in te delen (eigen totaal van de bron)",
                                "eigen totaal van de bron")},
                "en": {"TOTAL": ("Total of regions", "total"), "TOTAL+": ("Total incl. not placed",
                                                                        "total incl. not placed"),
                       "SOURCE": ("NL01 Nederland, Buitenland, Niet in te delen (total of the source)",
                                  "the source's own total")}}
    for lang, rows in expected.items():
        out = tmp_path / lang
        res = _invoke("--data-dir", str(real_data), "density", "--year", "2018", "--level", "provincie", "--wide",
                      "--lang", lang, "--out", str(out))
        assert res.exit_code == 0, res.output
        lines = {line.split()[0]: line for line in res.output.splitlines() if line.strip()}
        for code, (name, kind) in rows.items():
            assert name in lines[code] and kind in lines[code], (lang, lines[code])
        if lang == "nl":  # the kind in words, not its code
            assert " total " not in lines["TOTAAL"] + " " and " total+unplaced" not in lines["TOTAAL+"]
        book = openpyxl.load_workbook(next(out.glob("density_*.xlsx")), read_only=True)
        sheet = book[book.sheetnames[0]]
        cells = [[c.value for c in row] for row in sheet.iter_rows()]
        header = cells[0]
        by_code = {row[0]: row for row in cells[1:]}
        for code, (name, kind) in rows.items():
            assert by_code[code][header.index(column_label("statnaam", lang))] == name
            assert by_code[code][header.index(column_label("kind", lang))] == kind
        csv = pd.read_csv(next(out.glob("density_*.csv")), index_col="statcode")
        assert {"TOTAAL", "TOTAAL+", "BRON"} <= set(csv.index) and not {"TOTAL", "SOURCE"} & set(csv.index)
        assert csv.loc["TOTAAL", "kind"] == "total" and csv.loc["BRON", "kind"] == "source total"
        assert csv.loc["TOTAAL", "statnaam"] == rows["TOTAAL" if lang == "nl" else "TOTAL"][0]


def test_lang_before_the_command_sets_its_language_and_the_commands_own_lang_wins(tmp_path):
    import os

    missing = tmp_path / "none"
    en = _invoke("--data-dir", str(missing), "population", "--year", "2024", "--lang", "en")
    group = _invoke("--lang", "en", "--data-dir", str(missing), "population", "--year", "2024")
    assert group.exit_code == 2 and group.output == en.output and group.output.startswith("error: No regio data")
    own = _invoke("--lang", "en", "--data-dir", str(missing), "population", "--year", "2024", "--lang", "nl")
    assert own.output.startswith("fout: Geen regio-gegevensmap")
    assert "REGIO_LANG" not in os.environ or os.environ["REGIO_LANG"] != "en"  # for that command only
    listing = _invoke("--lang", "en", "--data-dir", str(missing), "data", "list")
    assert listing.output.startswith("error:")


def test_clicks_own_errors_are_dutch_by_default_and_english_with_lang_en(tmp_path):
    """Click's usage errors ("Missing option", ranges, files) follow --lang; help texts stay English."""
    def run(*args, env=None):
        return CliRunner().invoke(main, list(args), prog_name="regio",
                                  env={"REGIO_LANG": None, "REGIO_CSV": None, **(env or {})})

    nl = run("density")
    assert nl.exit_code == 2
    assert nl.output.splitlines() == ["Gebruik: regio density [OPTIONS]", "Zie 'regio density --help' voor hulp.", "",
                                      "fout: Ontbrekende optie '--year' / '-y'."]
    en = run("density", "--lang", "en")
    assert en.exit_code == 2 and en.output.splitlines()[-1] == "Error: Missing option '--year' / '-y'."
    assert run("density", env={"REGIO_LANG": "en"}).output == en.output
    assert run("--lang", "en", "density").output == en.output
    ranged = run("density", "--year", "2018", "--norm-per-100k", "-3").output.splitlines()[-1]
    assert ranged == "fout: Ongeldige waarde voor '--norm-per-100k': -3 ligt niet in het bereik x>0."
    assert "-3.0 is not in the range x>0" in run("density", "--year", "2018", "--norm-per-100k", "-3",
                                                 "--lang", "en").output
    missing = run("access", "--practices", str(tmp_path / "none.csv")).output.splitlines()[-1]
    assert missing == f"fout: Ongeldige waarde voor '--practices': Bestand '{tmp_path / 'none.csv'}' bestaat niet."
    choice = run("atlas", "--section", "foo").output.splitlines()[-1]
    assert choice.startswith("fout: Ongeldige waarde voor '--section' / '-s': 'foo' is geen van 'access',")
    assert run("--bogus").output.splitlines()[-1] == "fout: Onbekende optie '--bogus'. Bedoelde u '--verbose'?"
    helped = run("density", "--help")
    assert helped.exit_code == 0 and helped.output.startswith("Usage: regio density [OPTIONS]")
