"""Hostile and broken input (issue 14, items 6, 7, 9-12): one line and exit code 2, or a warning that says what.

Every file here is a made-up fixture written to ``tmp_path``; none is real data. Commands
run through :class:`click.testing.CliRunner` on :data:`regio.cli.main`; a refused input
must end with exit code 2 and a single ``error:`` line, never a traceback.
"""

from __future__ import annotations

import errno
import json
import math
import os
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from click.testing import CliRunner
from shapely.geometry import box

from regio.apportion import MAX_NUMBER, apportion
from regio.cli import main
from regio.errors import CRSError, InputError, RegioWarning
from regio.geography import membership_by_points
from regio.sources._files import read_table
from regio.sources.boundaries import read_boundary_file
from regio.sources.physicians import read_counts_file
from regio.text import round_half_up
from regio.validate import to_numeric


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests read the English wording of messages: run the commands with REGIO_LANG=en (Dutch is the
    default; tests/cli/test_language.py checks the Dutch ones)."""
    monkeypatch.setenv("REGIO_LANG", "en")


#: Every province with a current value of 1, to be overridden per test.
PROVINCES = [f"PV{n}" for n in range(20, 32)]


def _pairs(**override: str) -> str:
    values = dict.fromkeys(PROVINCES, "1") | override
    return ",".join(f"{code}={value}" for code, value in values.items())


def run(*args: str, data: object | None = None):
    """Run ``regio ARGS`` (with ``--data-dir data`` when given); exceptions are kept in the result."""
    prefix = ["--data-dir", str(data)] if data is not None else []
    return CliRunner().invoke(main, [*prefix, "-q", *args])


def run_warned(*args: str, data: object | None = None):
    """Run ``regio ARGS`` with warnings shown as the command line shows them (not raised, as pytest is told to)."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", RegioWarning)
        return run(*args, data=data)


def warned(result, *words: str):
    """Assert that ``result`` succeeded with a one-line warning naming ``words``; return it."""
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert any(all(word in line for word in words) for line in lines), result.output
    return result


def refused(result, *words: str) -> str:
    """Assert that ``result`` is a one-line error naming ``words``; return the line."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    for word in words:
        assert word in errors[0], (word, errors[0])
    return errors[0]


# ----------------------------------------------------------------------------- item 7: inf and huge numbers

@pytest.mark.parametrize(("text", "kind"), [("inf", "infinite values"), ("-inf", "infinite values"),
                                        ("Infinity", "infinite values"), ("1e308", "values too large"),
                                        ("9007199254740994", "values too large")])
def test_to_numeric_refuses_infinite_and_huge_values_naming_file_row_and_column(text, kind):
    values = pd.Series(["12", text])
    with pytest.raises(InputError, match=rf"Column 'aantal' in counts\.csv: {kind} at row 3"):
        to_numeric(values, column="aantal", source="counts.csv", integer=True,
                   codes=pd.Series(["row 2", "row 3"]))
    with pytest.raises(InputError, match=kind):  # not only for whole numbers
        to_numeric(values, column="fte", source="counts.csv")


def test_to_numeric_keeps_the_largest_exact_whole_number():
    assert to_numeric(pd.Series([str(MAX_NUMBER)]), column="n", integer=True).tolist() == [float(MAX_NUMBER)]


@pytest.mark.realdata
def test_counts_file_with_inf_and_1e308_is_one_line(tmp_path, real_data):
    counts = tmp_path / "counts.csv"
    counts.write_text("gemeente,jaar,aantal\nGM0014,2024,inf\nGM0034,2024,1e308\n", encoding="utf-8")
    line = refused(run("density", "--counts", str(counts), "--level", "gemeente", "--year", "2024",
                       "--out", str(tmp_path / "out"), data=real_data),
                   "counts.csv", "'aantal'", "infinite values at row 2 (GM0014)", "too large at row 3 (GM0034)")
    assert "Infinity" not in line


@pytest.mark.realdata
@pytest.mark.parametrize("value", ["1e308", "inf", "9223372036854775808"])
def test_current_beyond_int64_is_refused_not_wrapped(value, real_data):
    result = run("allocate", "--total", "1026", "--current", _pairs(PV20=value), data=real_data)
    refused(result, "current distribution", "PV20")
    assert "-9.223.372.036.854.775.808" not in result.output


@pytest.mark.realdata
@pytest.mark.parametrize("option", ["--lower", "--upper"])
def test_bounds_of_1e308_are_refused(option, real_data):
    refused(run("allocate", "--total", "1026", option, "PV20=1e308", data=real_data), "too large", "PV20")


@pytest.mark.realdata
def test_total_beyond_2_53_is_one_line(real_data):
    refused(run("allocate", "--total", "100000000000000000000", data=real_data), "total", "too large")


def test_apportion_refuses_totals_and_bounds_it_cannot_hold_exactly():
    weights = pd.Series([1.0, 2.0], index=["a", "b"])
    assert apportion(MAX_NUMBER, weights).sum() == MAX_NUMBER  # the largest total is still exact
    with pytest.raises(InputError, match="too large"):
        apportion(2**63 + 1, weights)  # the Hamilton method overflowed int64 here
    with pytest.raises(InputError, match="larger than"):
        apportion(10, weights, upper=pd.Series({"a": 1e300}))


@pytest.mark.realdata
@pytest.mark.parametrize("value", ["1e308", "inf"])
def test_model_set_of_a_huge_intake_is_one_line(value, real_data):
    refused(run("model", "--set", f"instroom={value}", data=real_data), "instroom")


def test_round_half_up_takes_every_float():
    assert round_half_up(1e308) == 1e308  # decimal.InvalidOperation beyond 28 digits before
    assert round_half_up(-1.7976931348623157e308, 2) == -1.7976931348623157e308
    assert round_half_up(123456789012345678901234567890.0, -5) == 123456789012345678901200000000.0
    assert math.isinf(round_half_up(math.inf))


# ----------------------------------------------------------------------------- item 6: coordinates and their CRS

def _boundary_file(path, boxes, crs: str | None) -> None:
    """Write a made-up boundary file: one square region per (xmin, ymin, xmax, ymax), ``crs`` declared as given."""
    features = [{"type": "Feature", "properties": {"statcode": f"GM{i + 1:04d}", "statnaam": f"Test {i + 1}"},
                 "geometry": {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}}
                for i, (x0, y0, x1, y1) in enumerate(boxes)]
    collection = {"type": "FeatureCollection", "features": features}
    if crs is not None:
        collection["crs"] = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{crs.split(':')[1]}"}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(collection), encoding="utf-8")


LONLAT = [(5.0, 52.0, 5.1, 52.1), (5.1, 52.0, 5.2, 52.1)]  # near Utrecht, in degrees
METRES = [(136_000, 455_000, 137_000, 456_000), (137_000, 455_000, 138_000, 456_000)]  # the same, in RD New


@pytest.mark.parametrize(("boxes", "crs", "words"), [
    (LONLAT, "EPSG:28992", ["look like longitude/latitude", "declares EPSG:28992", "set its crs to EPSG:4326"]),
    (METRES, "EPSG:4326", ["look like RD New metres", "declares EPSG:4326", "set its crs to EPSG:28992"]),
    ([(52.0, 5.0, 52.1, 5.1)], "EPSG:4326", ["latitude/longitude with the axes swapped", "longitude first"]),
    ([(-74.1, 40.6, -73.9, 40.8)], "EPSG:4326", ["do not lie in the Netherlands", "Check the file's crs"]),
    ([(0, 0, 1, 1)], "EPSG:28992", ["do not lie in the Netherlands"]),
])
def test_boundary_coordinates_must_fit_the_declared_crs(tmp_path, boxes, crs, words):
    path = tmp_path / "districts.geojson"
    _boundary_file(path, boxes, crs)
    with pytest.raises(CRSError) as caught:
        read_boundary_file(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message


@pytest.mark.parametrize(("boxes", "crs"), [(LONLAT, "EPSG:4326"), (METRES, "EPSG:28992"), (LONLAT, None)])
def test_boundaries_that_fit_their_crs_are_read(tmp_path, boxes, crs):
    path = tmp_path / "districts.geojson"
    _boundary_file(path, boxes, crs)  # no crs: GeoJSON's own, lon/lat
    out = read_boundary_file(path)
    assert out.index.tolist() == ["GM0001", "GM0002"] and out.crs.to_epsg() == 28992


@pytest.mark.realdata
def test_lonlat_boundaries_declared_rd_in_the_data_directory_stop_the_command(data_without, tmp_path):
    root = data_without("boundaries/gemeente_2024.geojson")
    _boundary_file(root / "boundaries" / "gemeente_2024.geojson", LONLAT, "EPSG:28992")
    refused(run("allocate", "--total", "100", "--level", "gemeente", "--map", str(tmp_path / "maps"), data=root),
            "boundaries/gemeente_2024.geojson", "look like longitude/latitude", "set its crs to EPSG:4326")
    assert not (tmp_path / "maps").exists() or not any((tmp_path / "maps").iterdir())


def test_many_units_outside_every_region_are_a_warning_with_counts():
    units = gpd.GeoDataFrame(geometry=[box(*b) for b in METRES], index=["GM0001", "GM0002"], crs="EPSG:28992")
    far = gpd.GeoDataFrame(geometry=[box(200_000, 550_000, 201_000, 551_000)], index=["PV20"], crs="EPSG:28992")
    units.attrs["source"], far.attrs["source"] = "units.geojson", "regions.geojson"
    with pytest.warns(RegioWarning, match=r"2 of 2 units of units\.geojson lie in no region of regions\.geojson; "
                                          r"placed in the nearest region: GM0001, GM0002"):
        joined = membership_by_points(units, far)
    assert joined["method"].tolist() == ["nearest", "nearest"]


# ----------------------------------------------------------------------------- item 10: damaged files

TRUNCATED = '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"statcode": "GM00'


@pytest.mark.realdata
@pytest.mark.parametrize(("content", "words"), [
    ("", ["the file is empty (0 bytes)"]),
    ("<html><body>502 Bad Gateway</body></html>", ["not recognized", "not a GeoJSON"]),
    (TRUNCATED, ["Failed to read GeoJSON data", "truncated"]),
    ('{"type": "FeatureCollection", "features": []}', ["has no regions (no features)"]),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "GM0014"}, '
     '"geometry": {"type": "Point", "coordinates": [5.0, 52.0]}}]}', ["has no 'statnaam' column (columns: code"]),
])
def test_damaged_boundary_file_in_the_data_directory_is_one_line_with_the_fix(data_without, tmp_path, content,
                                                                              words):
    root = data_without("boundaries/gemeente_2024.geojson")
    (root / "boundaries" / "gemeente_2024.geojson").write_text(content, encoding="utf-8")
    refused(run("allocate", "--total", "100", "--level", "gemeente", "--map", str(tmp_path / "maps"), data=root),
            "gemeente_2024.geojson", "regio data fetch --year 2024 --levels gemeente --what boundaries", *words)


def test_damaged_boundary_file_of_ones_own_is_named(tmp_path):
    path = tmp_path / "districts.geojson"
    path.write_text(TRUNCATED, encoding="utf-8")
    with pytest.raises(InputError, match=r"Cannot read .*districts\.geojson: Failed to read GeoJSON data"):
        read_boundary_file(path)


# ----------------------------------------------------------------------------- item 10: outputs that cannot be written

@pytest.mark.realdata
def test_out_below_a_file_is_one_line(tmp_path, real_data):
    (tmp_path / "a_file").write_text("not a folder\n", encoding="utf-8")
    line = refused(run("allocate", "--total", "100", "--out", str(tmp_path / "a_file" / "x.csv"), data=real_data),
                   "Could not write", "a_file", "a file where a folder is needed")
    assert "FileExistsError" not in line and "NotADirectoryError" not in line


@pytest.mark.realdata
def test_default_maps_folder_in_a_read_only_folder_is_one_line(tmp_path, real_data, monkeypatch):
    here = tmp_path / "read_only"
    here.mkdir()
    monkeypatch.chdir(here)
    real_mkdir = Path.mkdir

    def refuse_here(self, *args, **kwargs):  # as a folder without write permission does (tests may run as root)
        if Path(os.path.abspath(self)).is_relative_to(here):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse_here)
    refused(run("map", "allocation", "--total", "100", data=real_data),
            "Could not write maps", "Permission denied", "--out")


@pytest.mark.parametrize(("error", "words"), [
    (OSError(errno.ENOSPC, "No space left on device", "out/map.html"), ["No space left", "free some space"]),
    (OSError(errno.EFBIG, "File too large", "out/map.html"), ["File too large", "free some space"]),
    (OSError(errno.EROFS, "Read-only file system", "/mnt/cd/out"), ["Read-only", "writable disk"]),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "out"), ["Is a directory", "give a file name"]),
])
def test_os_errors_are_worded_with_path_reason_and_fix(error, words):
    from regio.cli import _os_error_line

    line = _os_error_line(error)
    assert line.startswith("cannot write /") and "\n" not in line
    for word in words:
        assert word in line


# ----------------------------------------------------------------------------- item 9: large counts files

def _large_counts(path: Path, rows: int, *, extra: str = "") -> None:
    """Write a made-up counts file of ``rows`` rows: 100 PC4 codes by year, one profession."""
    lines = [f"{1000 + i % 100};{1900 + i // 100};huisarts;{i % 7}" for i in range(rows)]
    path.write_text("pc4;jaar;beroep;aantal\n" + "\n".join(lines) + "\n" + extra, encoding="utf-8")


def test_a_duplicate_row_in_a_large_counts_file_is_named(tmp_path):
    path = tmp_path / "counts_large.csv"
    _large_counts(path, 50_000, extra="1042;1900;huisarts;3\n")
    with pytest.raises(InputError, match=r"counts_large\.csv: more than one row for region/year/profession "
                                         r"1042/1900/huisarts\. Sum them"):
        read_counts_file(path)


def test_a_large_counts_file_is_judged_per_distinct_value_not_per_row(tmp_path, monkeypatch):
    import regio.sources.physicians as physicians

    path = tmp_path / "counts_large.csv"
    _large_counts(path, 20_000)
    calls = []
    real = physicians.level_of_code
    monkeypatch.setattr(physicians, "level_of_code", lambda code: calls.append(code) or real(code))
    counts = read_counts_file(path)
    assert len(counts) == 20_000 and set(counts["level"]) == {"pc4"}
    assert len(calls) <= 2 * 100  # 100 distinct codes, each worked out once (for the check and the level)


def test_a_missing_profession_cell_is_named(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("pc4;jaar;beroep;aantal\n1011;2024;huisarts;3\n1012;2024;;4\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"column 'beroep': no profession at row 3"):
        read_counts_file(path)


# ----------------------------------------------------------------------------- item 11: silent choices (columns)

@pytest.mark.parametrize(("header", "row", "words"), [
    ("gemeente;jaar;aantal;n", "GM0014;2024;5;6", ["2 columns for the count ('aantal', 'n')", "use 'aantal'"]),
    ("gemeente;provincie;jaar;aantal", "GM0014;PV20;2024;5",
     ["more than one region column with region codes ('gemeente', 'provincie')"]),
    ("gemeente;jaar;peiljaar;aantal", "GM0014;2024;2023;5", ["2 columns for the year ('jaar', 'peiljaar')"]),
])
def test_two_columns_for_one_thing_are_refused(tmp_path, header, row, words):
    path = tmp_path / "counts.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_counts_file(path, profession="huisarts")
    for word in words:
        assert word in str(caught.value)


def test_a_name_column_beside_the_code_column_is_not_a_second_region(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("gemeentecode;gemeente;jaar;aantal\nGM0014;Groningen;2024;5\n", encoding="utf-8")
    counts = read_counts_file(path, profession="huisarts")
    assert counts["statcode"].tolist() == ["GM0014"]


def test_two_name_columns_say_which_is_used(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("gemeente;statnaam;naam;jaar;aantal\nGM0014;Groningen;Stad;2024;5\n", encoding="utf-8")
    with pytest.warns(RegioWarning, match=r"region names from column 'statnaam'; column\(s\) 'naam' not used"):
        counts = read_counts_file(path, profession="huisarts")
    assert counts["statnaam"].tolist() == ["Groningen"]


# ----------------------------------------------------------------------------- item 12: messages that help

def test_a_cp1252_file_is_read_with_a_warning_naming_the_byte(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_bytes("gemeente;naam;jaar;aantal\nGM1900;Súdwest-Fryslân;2024;5\n".encode("cp1252"))
    with pytest.warns(RegioWarning, match=r"counts\.csv is not UTF-8 \(byte 0xfa at position 34\): read as "
                                          r"Windows-1252 \(cp1252\)"):
        counts = read_counts_file(path, profession="huisarts")
    assert counts["statnaam"].tolist() == ["Súdwest-Fryslân"]


def test_read_table_takes_an_encoding(tmp_path):
    path = tmp_path / "table.csv"
    path.write_bytes("code;naam\nGM1900;Súdwest-Fryslân\n".encode("latin-1"))
    assert read_table(path, encoding="latin-1")["naam"].tolist() == ["Súdwest-Fryslân"]


@pytest.mark.realdata
def test_a_file_in_no_known_encoding_is_one_line(tmp_path, real_data):
    path = tmp_path / "counts.csv"
    path.write_bytes(b"gemeente;jaar;aantal\nGM0014;2024;5\n\x81\x8d;2024;1\n")  # bytes Windows-1252 lacks
    refused(run("density", "--counts", str(path), "--level", "gemeente", "--year", "2024",
                "--out", str(tmp_path / "out"), data=real_data),
            "counts.csv is not UTF-8 (byte 0x81 at position 35) nor Windows-1252", "save it as UTF-8")


def test_codes_with_spaces_are_read_without_them_with_a_warning(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("gemeente,jaar,aantal\nGM 0014,2024,100\n", encoding="utf-8")
    with pytest.warns(RegioWarning, match=r"1 code\(s\) written with spaces, read without them \(e\.g\. 'GM 0014' as "
                                          r"'GM0014'\)"):
        counts = read_counts_file(path, profession="huisarts")
    assert counts["statcode"].tolist() == ["GM0014"]


@pytest.mark.realdata
def test_a_header_only_counts_file_is_named_not_called_missing(tmp_path, real_data):
    path = tmp_path / "counts.csv"
    path.write_text("gemeente;jaar;aantal\n", encoding="utf-8")
    refused(run("density", "--counts", str(path), "--level", "gemeente", "--year", "2024",
                "--out", str(tmp_path / "out"), data=real_data),
            "counts.csv has a header (gemeente, jaar, aantal) but no rows of counts")


@pytest.mark.realdata
def test_codes_of_another_division_name_the_file_and_counts_division(tmp_path, real_data):
    path = tmp_path / "counts.csv"
    path.write_text("gemeente;jaar;aantal\nGM0003;2024;5\nGM0014;2024;100\n", encoding="utf-8")  # GM0003: to 2021
    refused(run("density", "--counts", str(path), "--level", "gemeente", "--year", "2024",
                "--out", str(tmp_path / "out"), data=real_data),
            "in counts.csv", "GM0003", "--counts-division YEAR")


@pytest.mark.realdata
def test_a_fake_xlsx_is_one_line_with_the_fix(tmp_path, real_data):
    path = tmp_path / "counts.xlsx"
    path.write_text("gemeente;jaar;aantal\nGM0014;2024;5\n", encoding="utf-8")
    refused(run("density", "--counts", str(path), "--level", "gemeente", "--year", "2024",
                "--out", str(tmp_path / "out"), data=real_data),
            "counts.xlsx is not an Excel workbook", "looks like text (CSV?)", "rename it to counts.csv")


def _workbook(path: Path, sheets: dict[str, pd.DataFrame | None]) -> None:
    with pd.ExcelWriter(path) as writer:
        for name, frame in sheets.items():
            (frame if frame is not None else pd.DataFrame()).to_excel(writer, sheet_name=name, index=False)


COUNTS = pd.DataFrame({"gemeente": ["GM0014"], "jaar": [2024], "aantal": [5]})


def test_an_empty_first_sheet_reads_the_only_sheet_with_data_with_a_warning(tmp_path):
    path = tmp_path / "counts.xlsx"
    _workbook(path, {"Blad1": None, "Data": COUNTS})
    with pytest.warns(RegioWarning, match=r"the first sheet 'Blad1' is empty; read the sheet 'Data'"):
        counts = read_counts_file(path, profession="huisarts")
    assert counts["count"].tolist() == [5.0]


def test_sheets_are_named_when_regio_cannot_tell_which(tmp_path):
    path = tmp_path / "counts.xlsx"
    _workbook(path, {"Blad1": None, "Data": COUNTS, "Oud": COUNTS})
    with pytest.raises(InputError, match=r"first sheet 'Blad1' is empty and several others have data \('Data', "
                                         r"'Oud'\)"):
        read_counts_file(path, profession="huisarts")
    _workbook(path, {"Toelichting": pd.DataFrame({"uitleg": ["zie blad Data"]}), "Data": COUNTS})
    with pytest.raises(InputError, match=r"missing column.*The workbook's sheets are 'Toelichting', 'Data': regio "
                                         r"reads the first"):
        read_counts_file(path, profession="huisarts")
    with pytest.raises(InputError, match=r"has no sheet 'Gegevens'; its sheets are 'Toelichting', 'Data'"):
        read_table(path, sheet="Gegevens")


def test_the_first_byte_that_is_not_utf8_is_found_across_blocks(tmp_path):
    from regio.sources._files import _first_undecodable

    path = tmp_path / "big.csv"
    block = 1 << 22
    path.write_bytes(b"a" * (block - 1) + "é".encode() + b"x\xfa")  # é split over the first two blocks
    assert _first_undecodable(path, "utf-8") == (block + 2, 0xFA)
    path.write_bytes(b"a" * (block - 1) + "é".encode()[:1])  # cut off at the end
    assert _first_undecodable(path, "utf-8") == (block - 1, 0xC3)
    path.write_bytes(b"a" * (block + 5))
    assert _first_undecodable(path, "utf-8") is None


# ----------------------------------------------------------------------------- item 11: silent choices (options)

@pytest.mark.realdata
@pytest.mark.parametrize(("sets", "words"), [
    (["epi=0.5", "epi=0.6"], ["--set given more than once for epi (0.5 and 0.6)"]),
    (["instroom=850", "n_inopleiding_perjaar3=900"], ["instroom and n_inopleiding_perjaar3 are both"]),
])
def test_one_parameter_set_twice_is_refused(sets, words, real_data):
    args = [arg for value in sets for arg in ("--set", value)]
    refused(run("model", *args, data=real_data), *words)


@pytest.mark.realdata
@pytest.mark.parametrize("option", ["--lower", "--upper", "--current"])
def test_a_region_twice_in_pairs_is_refused_as_in_a_file(option, real_data):
    refused(run("allocate", "--total", "1026", option, "PV20=10,PV20=12", data=real_data),
            "given more than once: PV20 (10 and 12)")


def test_mix_weights_twice_are_refused():
    from regio.cli._parse import parse_pairs

    with pytest.raises(InputError, match=r"mix: given more than once: population \(0.5 and 0.3\)"):
        parse_pairs("population=0.5,need=0.5,population=0.3", what="mix")


@pytest.mark.realdata
def test_a_region_called_nl_is_refused(tmp_path, real_data):
    from regio.data import region_names

    codes = sorted(region_names("gemeente", 2024, data_dir=real_data))
    areas = tmp_path / "areas.csv"
    pd.DataFrame({"gemeente": codes, "region": ["NL" if i < 100 else "Rest" for i in range(len(codes))]}).to_csv(
        areas, index=False)
    refused(run("allocate", "--total", "100", "--areas", str(areas), "--out", str(tmp_path / "out.csv"),
                data=real_data), "A region is called 'NL', the code of the national total row")
    assert not list(tmp_path.glob("out*"))


@pytest.mark.realdata
def test_travel_times_all_zero_are_a_warning(tmp_path, real_data):
    from regio.data import region_names
    from regio.sources.geodata import institutes

    codes = sorted(region_names("gemeente", 2024, data_dir=real_data))
    ids = sorted(set(institutes()["institute_id"]))
    times = tmp_path / "times.csv"
    pd.DataFrame({"gemeente": codes, **dict.fromkeys(ids, 0)}).to_csv(times, index=False)
    result = warned(run_warned("recruit", "--travel-times", str(times), data=real_data),
                    "every municipality has the same time to every location (e.g. GM0014: 0 min), so the "
                    "tie-break decides and they go to amc")
    assert "Traceback" not in result.output


def test_a_cache_entry_cut_short_is_recomputed_not_read(monkeypatch, tmp_path):
    from regio.sources.cache import read_cached, write_cached

    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path / "cache"))
    frame = pd.DataFrame({"statcode": [f"GM{i:04d}" for i in range(50)], "region": "PV20"})
    write_cached("membership-test", frame)
    assert read_cached("membership-test")["statcode"].tolist() == frame["statcode"].tolist()
    entry = tmp_path / "cache" / "membership-test.csv"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text[: len(text) // 2], encoding="utf-8")  # a full disk or a killed process mid-write
    assert read_cached("membership-test") is None


@pytest.mark.realdata
def test_an_unknown_counts_division_is_blamed_on_the_division_not_the_codes(tmp_path, real_data):
    path = tmp_path / "counts.csv"
    path.write_text("gemeente;jaar;aantal\nGM0014;2024;5\n", encoding="utf-8")
    line = refused(run("density", "--counts", str(path), "--counts-division", "1990", "--level", "provincie",
                       "--year", "2024", "--out", str(tmp_path / "out"), data=real_data),
                   "No municipal division of 1990", "--counts-division", "2024")
    assert "GM0014" not in line


@pytest.mark.realdata
def test_negative_extra_trainers_name_the_option(real_data):
    result = run("recruit", "--extra", "-5", "--lang", "en", data=real_data)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Invalid value for '--extra': -5 is not in the range x>=0" in result.output
    assert "the total" not in result.output


def test_weights_whose_sum_overflows_are_named_not_called_zero():
    with pytest.raises(InputError, match="Weights too large: their sum exceeds"):
        apportion(10, pd.Series({"a": 1e308, "b": 1e308}))
