"""The command line: help, errors as one line with exit code 2, the data commands."""

from __future__ import annotations

import subprocess
import sys

import click
import pandas as pd
import pytest
from click.testing import CliRunner

import regio
from regio.cli import main


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests read the English wording of messages: run the commands with REGIO_LANG=en (Dutch is the
    default; tests/cli/test_language.py checks the Dutch ones)."""
    monkeypatch.setenv("REGIO_LANG", "en")


def _run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_every_command_has_help():
    top = _run("--help")
    assert top.exit_code == 0
    names = main.list_commands(click.Context(main))  # the commands load on first use
    assert {"atlas", "data", "population", "map"} <= set(names)
    for name in names:
        res = _run(name, "--help")
        assert res.exit_code == 0, name
        assert "Usage:" in res.output


def test_python_dash_m_regio_works():
    out = subprocess.run([sys.executable, "-m", "regio", "--version"], capture_output=True, text=True, check=True)
    assert "regio" in out.stdout


def test_missing_data_is_one_clear_line_and_exit_code_2(tmp_path):
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "none"), "population", "--year", "2024"])
    assert res.exit_code == 2
    assert "error: No regio data directory" in res.output and "regio data fetch" in res.output
    assert "Traceback" not in res.output


def test_data_list_on_an_empty_dir_says_how_to_get_data(tmp_path):
    res = _run("--data-dir", str(tmp_path), "data", "list")
    assert "How to get data" in res.output


@pytest.mark.realdata
def test_data_list_shows_levels_years_and_sources(real_data):
    res = _run("--data-dir", str(real_data), "data", "list")
    assert res.exit_code == 0
    files = sorted((real_data / "boundaries").glob("*_*.geojson"))
    levels = {f.stem.rsplit("_", 1)[0] for f in files}
    for level in levels:  # one line per level, its years as the files have them
        years = sorted(int(f.stem.rsplit("_", 1)[1]) for f in files if f.stem.rsplit("_", 1)[0] == level)
        assert f"  {level:18s} {', '.join(map(str, years))}\n" in res.output, level
    assert "source:" in res.output and "cbs84777NED_huisartsen_woonregio_provincie_2018.csv" in res.output


@pytest.mark.realdata
def test_population_command_prints_total_source_and_method(real_data, data_without, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIO_LANG", "nl")  # the Dutch default
    root = data_without("tables/population_regions_1jan_2012_2024_cbs37259eng.csv")  # 2018 must be interpolated
    res = _run("--data-dir", str(root), "population", "--level", "provincie", "--year", "2018",
               "--interpolate", "--out", str(tmp_path / "pv2018"))
    assert res.exit_code == 0
    assert "Fryslân" in res.output and "lineair geïnterpoleerd" in res.output
    assert "totaal: " in res.output and "inwoners in 12 regio's" in res.output
    assert (tmp_path / "pv2018.csv").is_file() and (tmp_path / "pv2018.xlsx").is_file()
    en = _run("--data-dir", str(root), "population", "--level", "provincie", "--year", "2018",
              "--interpolate", "--lang", "en")
    assert "linear interpolation between 2017 and 2022" in en.output and "in 12 regions" in en.output
    real = _run("--data-dir", str(real_data), "population", "--level", "provincie", "--year", "2018", "--lang", "en")
    assert real.exit_code == 0 and "17,181,084" in real.output and "37259eng" in real.output


@pytest.mark.realdata
def test_population_command_unknown_year_lists_years(real_data):
    years = regio.population_years("gemeente")
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "population", "--level", "gemeente",
                                    "--year", str(max(years) + 1)])
    assert res.exit_code == 2
    assert f"Years available: {', '.join(map(str, years))}" in res.output


def test_warnings_are_one_line_without_source_location(tmp_path, capsys):
    import warnings

    from regio.cli import _show_warning
    from regio.errors import RegioWarning

    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "population_gemeente_timeseries.csv").write_text(
        "year;statcode;statnaam;population\n2020;GM0001;Een;1000,0\n", encoding="utf-8")
    before = warnings.showwarning
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "population", "--level", "gemeente",
                                        "--year", "2020"])
    assert res.exit_code == 0, res.output
    assert "warning: Column 'population' in population_gemeente_timeseries.csv uses decimal commas" in res.output
    assert "population.py" not in res.output  # no Python source location
    assert warnings.showwarning is before  # the command's handler is gone afterwards
    _show_warning(RegioWarning("Column 'fte' in x.csv uses decimal commas"), RegioWarning, "/src/regio/x.py", 307)
    assert capsys.readouterr().err == "warning: Column 'fte' in x.csv uses decimal commas\n"


def test_terminal_tables_print_years_without_separator(capsys):
    from regio.cli._common import print_table

    table = pd.DataFrame({"equilibrium_year": [2028, 2043], "advice": [1026.0, 1190.5], "count": [12210, 45]})
    print_table(table, lang="nl")
    out = capsys.readouterr().out
    assert "2028" in out and "2.028" not in out and "1.190,5" in out and "12.210" in out
    print_table(table, lang="en")
    out = capsys.readouterr().out
    assert "2043" in out and "2,043" not in out and "1,190.5" in out and "12,210" in out


def test_wijk_and_pc4_years_say_which_year_to_ask_for(tmp_path):
    import regio
    from regio.errors import UnknownYearError

    with pytest.raises(UnknownYearError, match=r"Wijk population exists for 2022 only .*not 2024\. Use year 2022 "
                                               r"\(`--year 2022`"):
        regio.population("wijk", 2024, data_dir=tmp_path)
    with pytest.raises(UnknownYearError, match=r"PC4 population exists for 2021 only .*not 2024\. Use year 2021 "
                                               r"\(`--year 2021`"):
        regio.population("pc4", 2024, data_dir=tmp_path)


@pytest.mark.realdata
def test_allocate_over_wijken_suggests_the_wijk_year(real_data):
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "allocate", "--level", "wijk", "--key", "shortfall",
                                    "--total", "100"])
    assert res.exit_code == 2
    assert "Wijk population exists for 2022 only" in res.output and "`--year 2022`" in res.output
    pc4 = CliRunner().invoke(main, ["--data-dir", str(real_data), "allocate", "--level", "pc4", "--total", "100"])
    assert pc4.exit_code == 2 and "`--year 2021`" in pc4.output
    # in `regio density` --year chooses the counts, so the suggestion would mislead: it is left out there
    dens = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--level", "pc4", "--year", "2018"])
    assert dens.exit_code == 2 and "PC4 population exists for 2021 only" in dens.output
    assert "--year 2021" not in dens.output


def test_data_list_on_a_missing_dir_is_an_error_naming_it_and_the_fix(tmp_path):
    missing = tmp_path / "nonexistent"
    res = CliRunner().invoke(main, ["--data-dir", str(missing), "data", "list"])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: No regio data directory at {missing} (given with "
                                                   "--data-dir)")
    assert f"download the data into {missing}" in lines[0] and "regio data fetch" in lines[0]
    assert "user cache directory" not in res.output


def test_hints_name_the_data_directory_in_use(tmp_path):
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "population", "--year", "2024"])
    assert res.exit_code == 2
    assert f"PDOK downloads into {tmp_path})" in res.output and "user cache directory" not in res.output
    listing = CliRunner().invoke(main, ["data", "list"], env={"REGIO_DATA_DIR": str(tmp_path)})
    assert f"downloads into {tmp_path})" in listing.output and "user cache directory" not in listing.output


def test_relative_data_dir_from_a_subfolder_says_what_it_was_taken_relative_to(tmp_path, monkeypatch):
    (tmp_path / "shared" / "data").mkdir(parents=True)
    sub = tmp_path / "main" / "regio"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)  # ../shared/data from main/ would be right; from main/regio it is not
    res = CliRunner().invoke(main, ["data", "list"], env={"REGIO_DATA_DIR": "../shared/data"})
    assert res.exit_code == 2
    text = res.output
    assert "No regio data directory at ../shared/data (from REGIO_DATA_DIR)" in text
    assert f"relative to the current folder {sub}, which gives {tmp_path / 'main' / 'shared' / 'data'}" in text
    assert f"Give an absolute path, e.g. REGIO_DATA_DIR={tmp_path / 'shared' / 'data'}" in text
    flag = CliRunner().invoke(main, ["--data-dir", "../nowhere", "population", "--year", "2024"])
    assert flag.exit_code == 2
    assert f"which gives {tmp_path / 'main' / 'nowhere'}" in flag.output
    # no folder exists to suggest: the message asks for an absolute path instead of naming one that does not exist
    assert "Give --data-dir an absolute path (of an existing folder" in flag.output and "e.g." not in flag.output
    env = CliRunner().invoke(main, ["data", "list"], env={"REGIO_DATA_DIR": "../nowhere"})
    assert env.exit_code == 2 and "Give REGIO_DATA_DIR an absolute path" in env.output
    assert "REGIO_DATA_DIR=/" not in env.output
    # from Python the fix names the argument, not a command-line option
    import regio
    from regio.errors import DataNotFoundError

    with pytest.raises(DataNotFoundError, match=r"Give an absolute path, e\.g\. data_dir=") as err:
        regio.population("provincie", 2024, data_dir="../shared/data")
    assert "--data-dir" not in str(err.value)


def test_density_names_a_counts_file_without_profession_in_physicians_and_how_to_pass_a_file(tmp_path):
    (tmp_path / "physicians").mkdir()
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "density", "--year", "2020"])
    assert res.exit_code == 2
    assert "No physician counts found" in res.output and "or pass your own file (--counts FILE)." in res.output
    assert "path=" not in res.output  # the command line is told its option, not the Python keyword
    path = tmp_path / "physicians" / "counts_huisartsen.csv"
    path.write_text("gemeente,jaar,aantal\nGM0001,2020,3\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "density", "--year", "2020"])
    lines = res.output.strip().splitlines()
    assert res.exit_code == 2 and len(lines) == 1
    assert lines[0].startswith(f"error: {path}: missing column(s) profession")
    assert "add one" in lines[0] and "pass it with --counts FILE" in lines[0] and "--profession" in lines[0]
    assert "path=" not in lines[0] and "profession=" not in lines[0]


@pytest.mark.realdata
def test_data_list_shows_the_nivel_series_with_its_provenance(real_data):
    res = _run("--data-dir", str(real_data), "data", "list")
    block = res.output.split("nivel_gp_workforce_nl_2012_2025.csv", 1)[1].split("\n  nivel_vzinfo", 1)[0]
    assert "source:" in block and "Nivel" in block and "Socev/huisartsincijfers" in block


@pytest.mark.realdata
def test_density_national_trend_from_nivel(real_data, tmp_path):
    res = _run("--data-dir", str(real_data), "density", "--level", "land", "--year", "2023", "--compare-year",
               "2012", "--out", str(tmp_path), "--lang", "en")
    assert res.exit_code == 0, res.output
    assert res.output.startswith("Working GPs (Nivel) per 100,000 inhabitants, the Netherlands, 2023\n")
    assert "14,102 / 17,811,291" in res.output and "working GPs (Nivel)" in res.output
    assert "National from 2012 to 2023: count +26.7%, population +6.5%, rate 66.5 → 79.2 per 100,000." in res.output
    csv = pd.read_csv(tmp_path / "density_huisarts_land_2023.csv")
    assert set(csv["counts_source"]) == {"nivel"} and csv["source"].str.contains("Nivel").all()
    assert (tmp_path / "density_huisarts_land_2023_trend_2012.csv").is_file()


@pytest.mark.realdata
def test_density_source_option_at_land_2018_and_its_refusal_below(real_data, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIO_LANG", "nl")  # the Dutch default
    common = ["--data-dir", str(real_data), "density", "--year", "2018", "--out", str(tmp_path)]
    cbs = _run(*common, "--level", "land")
    assert cbs.exit_code == 0 and "BIG-geregistreerden naar woonplaats (CBS)" in cbs.output
    assert "--source nivel" in cbs.output and "12.210" in cbs.output
    assert "--source auto neemt CBS waar CBS het jaar heeft" in cbs.output  # the rule, said where it applies
    series = pd.read_csv(real_data / "physicians" / "nivel_gp_workforce_nl_2012_2025.csv")
    gps = series.query("year == 2018 and series == 'werkzame_huisartsen_totaal'")["value"].item()
    pop = pd.read_csv(real_data / "tables" / "population_regions_1jan_2012_2024_cbs37259eng.csv")
    pop = pop.query("level == 'land' and date == '2018-01-01'")["population_total"].item()
    nivel = _run(*common, "--level", "land", "--source", "nivel")
    dutch = lambda v: f"{v:,.0f}".replace(",", ".")  # noqa: E731
    assert nivel.exit_code == 0 and f"{dutch(gps)} / {dutch(pop)}" in nivel.output
    refused = CliRunner().invoke(main, [*common, "--level", "provincie", "--source", "nivel"])
    assert refused.exit_code == 2 and "Nivel telt werkzame huisartsen alleen voor heel Nederland" in refused.output
