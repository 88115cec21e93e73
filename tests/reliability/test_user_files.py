"""Issue 14: a user's files with two columns that could be the region column, and files in another encoding.

* Two columns that could hold the codes (``statcode`` and ``gemeentecode`` with different codes) in
  ``--areas`` or a value file are an error naming both and ``--code-column``; regio does not guess.
* ``--encoding`` (``regio --encoding`` or per command) reads counts, ``--areas``, value files and practice
  lists in the encoding given, instead of UTF-8 with the Windows-1252 fallback.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import regio.config
import regio.data
from regio.cli import main
from regio.data.user_files import areas_mapping, read_counts_file, read_table, table_values
from regio.errors import InputError, RegioWarning
from regio.sources.practices import read_practice_list


def _run(*args):
    return CliRunner().invoke(main, ["-q", *map(str, args)])


def _error_lines(result):
    return [line for line in result.output.splitlines() if line.startswith("error:")]


# ----------------------------------------------------------------------------- two code columns

def test_a_value_file_with_two_code_columns_names_both_and_the_option():
    table = pd.DataFrame({"statcode": ["PV20", "PV21"], "provinciecode": ["PV21", "PV20"], "lower": ["3", "4"]})
    table.attrs["path"] = "bounds.csv"
    with pytest.raises(InputError) as err:
        table_values(table, what="lower bounds")
    message = str(err.value)
    assert "lower bounds in bounds.csv: 2 columns could hold the region codes: 'statcode' and 'provinciecode'" \
        in message
    assert "--code-column" in message and "does not guess" in message
    assert table_values(table, what="lower bounds", code_column="provinciecode").to_dict() == {"PV21": "3",
                                                                                            "PV20": "4"}


def test_a_copy_of_the_code_column_is_no_second_choice():
    table = pd.DataFrame({"gemeentecode": ["GM0014", "GM0034"], "statcode": ["GM0014", "GM0034"],
                          "gemeentenaam": ["Groningen", "Almere"], "aantal": ["3", "4"]})
    assert table_values(table, what="counts").to_dict() == {"GM0014": "3", "GM0034": "4"}


def test_an_unknown_code_column_is_named():
    table = pd.DataFrame({"statcode": ["PV20"], "lower": ["3"]})
    with pytest.raises(InputError, match=r"no column 'code' \(--code-column\); columns: statcode, lower"):
        table_values(table, what="lower bounds", code_column="code")


def test_areas_with_two_municipality_columns_is_refused_and_chosen_with_code_column(tmp_path, real_data):
    gm = pd.read_csv(real_data / "tables" / "kerncijfers_gemeente_2024.csv", usecols=["gemeentecode"],
                     dtype=str)["gemeentecode"].tolist()
    path = tmp_path / "areas.csv"
    shifted = gm[1:] + gm[:1]                       # another municipality's code on every row
    pd.DataFrame({"statcode": gm, "gemeentecode": shifted,
                  "region": ["Noord" if i % 2 else "Zuid" for i in range(len(gm))]}).to_csv(path, index=False)
    refused = _run("allocate", "--total", 100, "--areas", path)
    assert refused.exit_code == 2
    errors = _error_lines(refused)
    assert len(errors) == 1 and "Traceback" not in refused.output
    assert "2 columns could hold the municipality codes: 'statcode' and 'gemeentecode'" in errors[0]
    assert "--code-column" in errors[0] and "areas.csv" in errors[0]
    by_code = {}
    for column in ("statcode", "gemeentecode"):
        done = _run("allocate", "--total", 100, "--areas", path, "--code-column", column, "--out",
                    tmp_path / f"{column}.csv")
        assert done.exit_code == 0, done.output
        by_code[column] = pd.read_csv(tmp_path / f"{column}.csv").set_index("statcode").drop(index="NL")
        assert by_code[column]["allocated"].sum() == 100
    # the choice matters (other municipalities in each region), and was the user's
    assert not by_code["statcode"]["population"].equals(by_code["gemeentecode"]["population"])


def test_areas_keyed_by_gemeentecode_beside_names_need_no_gemeente_column():
    table = pd.DataFrame({"gemeentecode": ["GM0014", "GM0034"], "gemeentenaam": ["Groningen", "Almere"],
                          "regio": ["Noord", "Midden"]})
    table.attrs["path"] = "areas.csv"
    out = areas_mapping(table)
    assert out.to_dict("list") == {"gemeente": ["GM0014", "GM0034"], "region": ["Noord", "Midden"]}
    with pytest.raises(InputError, match=r"needs one region column"):
        areas_mapping(table.assign(extra=["a", "b"], other=["c", "d"]).drop(columns="regio"))


# ----------------------------------------------------------------------------- --encoding

NAMES = ["Súdwest-Fryslân", "Nuenen, Gerwen en Nederwetten"]


def _counts(path, encoding):
    path.write_bytes(f"gemeente;naam;jaar;aantal\nGM1900;{NAMES[0]};2024;5\nGM0820;{NAMES[1]};2024;7\n"
                     .encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_counts_in_the_encoding_given_are_read_without_a_warning(tmp_path, encoding):
    path = _counts(tmp_path / "counts.csv", encoding)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RegioWarning)
        counts = read_counts_file(path, profession="huisarts", encoding=encoding)
    assert counts["statnaam"].tolist() == NAMES
    with pytest.warns(RegioWarning, match=r"not UTF-8 .*give --encoding"):       # without it: the fallback, said
        read_counts_file(path, profession="huisarts")


def test_a_latin1_file_that_is_not_cp1252_needs_encoding(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_bytes("gemeente;naam;jaar;aantal\nGM1900;Fryslân\x81;2024;5\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"is not UTF-8 .* nor Windows-1252 .*--encoding"):
        read_counts_file(path, profession="huisarts")
    assert read_counts_file(path, profession="huisarts", encoding="latin-1")["statnaam"].tolist() == ["Fryslân\x81"]


@pytest.mark.parametrize("where", ["command", "group"])
def test_the_cli_option_reaches_the_counts_file(tmp_path, real_data, where):
    path = _counts(tmp_path / "counts.csv", "cp1252")
    args = ["density", "--counts", path, "--year", 2024, "--level", "gemeente", "--out", tmp_path / "out"]
    args = [*args, "--encoding", "cp1252"] if where == "command" else ["--encoding", "cp1252", *args]
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert "not UTF-8" not in result.output
    written = next((tmp_path / "out").glob("density_*.csv"))
    assert NAMES[0] in written.read_text(encoding="utf-8")
    assert regio.config.user_encoding() is None                      # for that command only
    with warnings.catch_warnings():                                  # without it: the fallback, said
        warnings.simplefilter("always", RegioWarning)
        plain = _run("density", "--counts", path, "--year", 2024, "--level", "gemeente", "--out", tmp_path / "o2")
    assert plain.exit_code == 0, plain.output
    assert "warning:" in plain.output and "not UTF-8 (byte 0xfa" in plain.output


def test_the_cli_option_reaches_value_files_and_areas(tmp_path, real_data):
    lower = tmp_path / "lower.csv"
    lower.write_bytes("provincie;lower\nFryslân;30\nGroningen;20\n".encode("latin-1"))
    result = _run("allocate", "--total", 100, "--lower", lower, "--encoding", "latin-1", "--out", tmp_path / "a.csv")
    assert result.exit_code == 0, result.output
    final = pd.read_csv(tmp_path / "a.csv", dtype={"statcode": str}).set_index("statcode")
    assert final.loc["PV21", "allocated"] >= 30 and final.loc["PV21", "lower"] == 30   # Fryslân read, bound kept
    gm = pd.read_csv(real_data / "tables" / "kerncijfers_gemeente_2024.csv", usecols=["gemeentecode"],
                     dtype=str)["gemeentecode"].tolist()
    areas = tmp_path / "areas.csv"
    areas.write_bytes(("gemeentecode;regio\n" + "".join(f"{c};{'Fryslân' if i % 2 else 'Zuid'}\n"
                                                         for i, c in enumerate(gm))).encode("latin-1"))
    result = _run("allocate", "--total", 100, "--areas", areas, "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    assert "Fryslân" in result.output


def test_an_unknown_encoding_is_one_line(tmp_path):
    result = _run("--encoding", "klingon", "data", "path")
    assert result.exit_code == 2 and "Unknown encoding 'klingon'" in result.output
    with pytest.raises(InputError, match=r"Unknown encoding 'klingon' for .*counts\.csv"):
        read_table(_counts(tmp_path / "counts.csv", "utf-8"), encoding="klingon")


def test_a_practice_list_in_latin1(tmp_path, monkeypatch):
    path = tmp_path / "praktijken.csv"
    path.write_bytes("naam;postcode\nHuisartsenpraktijk Súdwest;8701 AB\n".encode("latin-1"))
    assert read_practice_list(path, encoding="latin-1")["name"].tolist() == ["Huisartsenpraktijk Súdwest"]
    monkeypatch.setattr(regio.config, "_user_encoding", "latin-1")  # as --encoding sets it
    with warnings.catch_warnings():
        warnings.simplefilter("error", RegioWarning)
        assert read_practice_list(path)["name"].tolist() == ["Huisartsenpraktijk Súdwest"]


# ----------------------------------------------------------------------------- the atlas's year, said

NEWER = ("boundaries/gemeente_2023.geojson", "boundaries/gemeente_2024.geojson", "boundaries/gemeente_2025.geojson")


def test_the_atlas_says_which_year_it_maps_when_the_newest_has_no_boundaries(data_without, tmp_path):
    from regio.report.sections.population import newest_year

    root = data_without(*NEWER)
    newest = max(regio.data.population_years("gemeente", data_dir=root))
    with pytest.warns(RegioWarning) as caught:
        year = newest_year(root)
    assert year < newest
    message = str(caught[0].message)
    assert f"The atlas maps the municipalities of {year}, not of {newest}" in message
    assert f"No boundaries for gemeente {newest}" in message                       # why
    assert f"boundaries/gemeente_{newest}.geojson" in message and "regio data fetch" in message
    said: set = set()
    with pytest.warns(RegioWarning):
        newest_year(root, said=said)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RegioWarning)
        assert newest_year(root, said=said) == year                               # said once per build
    with warnings.catch_warnings():
        warnings.simplefilter("always", RegioWarning)
        result = _run("--data-dir", root, "atlas", "--out", tmp_path / "atlas", "-s", "population", "-s",
                      "allocation")
    assert result.exit_code == 0, result.output
    said_lines = [line for line in result.output.splitlines() if "The atlas maps the municipalities" in line]
    assert len(said_lines) == 1 and said_lines[0].startswith("warning:")
    assert (tmp_path / "atlas" / f"population_gemeente_{year}.html").is_file()


def test_the_atlas_year_with_every_file_is_the_newest_without_a_word(real_data):
    from regio.report.sections.population import newest_year

    with warnings.catch_warnings():
        warnings.simplefilter("error", RegioWarning)
        assert newest_year(real_data) == max(regio.data.population_years("gemeente", data_dir=real_data))
