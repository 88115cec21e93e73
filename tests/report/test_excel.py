"""Excel files for people and CSV for machines or Dutch Excel: regio.report.export.write_table."""

from __future__ import annotations

import csv
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from regio.labels import column_label
from regio.report.excel import NUMBER_FORMATS
from regio.report.export import table_style, use_table_style, write_table


def _areas() -> pd.DataFrame:
    return pd.DataFrame({"name": ["Amsterdam UMC (AMC)", "Erasmus MC"], "population": [572_210, 3_405_762],
                         "gps": [306.0, 2035.0], "trainers_estimated": [True, False],
                         "trainer_share": [0.1405, 0.1410], "trainers_per_100_gps": [14.05, 14.10],
                         "target_trainers": [76.5, 508.75], "gap": [33.5, 221.75], "provision_pct": [110.28, 75.0]},
                        index=pd.Index(["amc", "erasmusmc"], name="institute"))


def test_excel_has_labelled_frozen_filtered_header_formats_and_a_glossary(tmp_path):
    frame = _areas()
    csv_path, _notes, xlsx = write_table(frame, tmp_path / "areas", notes=["Bron: test"], lang="nl")
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["tabel", "toelichting", "kolommen"]  # Dutch sheet names (the catalogue's)
    ws = book["tabel"]
    header = [c.value for c in ws[1]]
    assert header == [column_label(c, "nl") for c in ["institute", *frame.columns]]
    assert "Doel opleiders" in header and "target_trainers" not in header
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == ws.dimensions
    assert all(c.font.bold for c in ws[1])
    formats = {h: ws.cell(row=2, column=j).number_format for j, h in enumerate(header, start=1)}
    assert formats[column_label("population")] == NUMBER_FORMATS["count"] == "#,##0"
    assert formats[column_label("trainers_per_100_gps")] == "#,##0.0"
    assert formats[column_label("trainer_share")] == "0.0%"
    numeric = [h for h, c in zip(header[1:], frame.columns, strict=True)
               if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]
    assert len(numeric) == 7
    assert all(formats[h] != "General" for h in numeric)  # every numeric column has a format
    # persons are whole: targets and gaps rounded up, in Excel only; the notes say so
    j = header.index("Doel opleiders") + 1
    assert [ws.cell(row=r, column=j).value for r in (2, 3)] == [77, 509]
    assert [ws.cell(row=r, column=header.index("Tekort opleiders") + 1).value for r in (2, 3)] == [34, 222]
    notes = [c.value for c in book["toelichting"]["A"]]
    assert notes[:2] == ["Toelichting", "Bron: test"]
    assert notes[-1] == ("Doelen en tekorten (Doel opleiders, Tekort opleiders) zijn naar boven afgerond op hele "
                         "aantallen; het CSV-bestand houdt de onafgeronde waarden.")
    # widths fit the header's longest word and the values, within bounds
    for letter, dim in ws.column_dimensions.items():
        assert 6 <= dim.width <= 60, letter
    assert ws.column_dimensions["B"].width >= len("Amsterdam UMC (AMC)")
    glossary = list(book["kolommen"].iter_rows(values_only=True))
    assert glossary[0] == ("Kolom", "Code", "Betekenis")
    assert glossary[1 + 1 + list(frame.columns).index("target_trainers")][:2] == ("Doel opleiders", "target_trainers")
    assert all(row[2] for row in glossary[1:])  # every column of this table is explained
    # CSV keeps the codes and the unrounded values
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert rows[0] == ["institute", *frame.columns] and rows[1][frame.columns.get_loc("target_trainers") + 1] == "76.5"


def test_excel_words_follow_the_language(tmp_path):
    xlsx = write_table(_areas(), tmp_path / "a", formats=["xlsx"], notes=["x"], lang="en")[0]
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["table", "notes", "columns"]
    assert [c.value for c in book["table"][1]][:3] == ["Institute (code)", "Name", "Inhabitants"]
    assert [c.value for c in book["notes"]["A"]][-1] == (  # whole numbers: a gap may be of practices, not persons
        "Targets and gaps (Target trainers, Trainer gap) are rounded up to whole numbers; the CSV file keeps the "
        "unrounded values.")
    assert [row[0] for row in book["columns"].iter_rows(max_row=1, values_only=True)] == ["Column"]
    with use_table_style(lang="en"):
        xlsx = write_table(_areas()[["name", "population"]], tmp_path / "b", formats=["xlsx"])[0]
    assert openpyxl.load_workbook(xlsx).sheetnames == ["table", "columns"]  # no notes, nothing rounded: no notes


def test_unknown_columns_keep_their_code_and_still_get_a_number_format(tmp_path):
    frame = pd.DataFrame({"visits": [3.0, 4.0], "ratio": [0.25, 1.5], "big": [12.5, 1234.25], "word": ["a", "b"]})
    ws = openpyxl.load_workbook(write_table(frame, tmp_path / "u", formats=["xlsx"])[0]).worksheets[0]
    assert [c.value for c in ws[1]][1:] == ["visits", "ratio", "big", "word"]
    assert [ws.cell(row=2, column=j).number_format for j in (2, 3, 4)] == ["#,##0", "#,##0.00", "#,##0.0"]
    assert ws.cell(row=2, column=2).value == 3 and isinstance(ws.cell(row=2, column=2).value, int)


def test_csv_nl_is_semicolons_decimal_commas_and_a_bom(tmp_path):
    frame = pd.DataFrame({"statnaam": ["Fryslân", "Súdwest-Fryslân"], "rate_per_100k": [60.98, np.nan],
                          "population": [661_904, 90_765]}, index=pd.Index(["PV21", "GM1900"], name="statcode"))
    path = write_table(frame, tmp_path / "nl", formats=["csv"], csv="nl")[0]
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines() == ["statcode;statnaam;rate_per_100k;population", "PV21;Fryslân;60,98;661904",
                                 "GM1900;Súdwest-Fryslân;;90765"]
    back = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig", index_col=0)
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    standard = write_table(frame, tmp_path / "std", formats=["csv"])[0].read_bytes()
    assert not standard.startswith(b"\xef\xbb\xbf") and b"60.98" in standard and b";" not in standard
    assert table_style().csv == "standard"


def test_an_unknown_csv_dialect_is_refused(tmp_path):
    from regio.errors import InputError

    with pytest.raises(InputError, match="choose one of standard, nl"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "x", csv="excel")


def test_a_year_index_is_formatted_as_a_year(tmp_path):
    frame = pd.DataFrame({"fte": [10768.86, 10900.5]}, index=pd.Index([2025, 2026], name="year"))
    ws = openpyxl.load_workbook(write_table(frame, tmp_path / "y", formats=["xlsx"], lang="en")[0]).worksheets[0]
    assert [c.value for c in ws[1]] == ["Year", "FTE"]
    assert (ws["A2"].value, ws["A2"].number_format, ws["B2"].number_format) == (2025, "0", "#,##0.0")


def test_excel_cells_say_words_where_the_csv_has_codes(tmp_path):
    frame = pd.DataFrame({"kind": ["region", "total"], "statnaam": ["Fryslân", "Totaal"],
                          "band": ["under", None], "band_label": ["ruim onder landelijk", None],
                          "gps_estimated": [True, False], "counts_source": ["cbs", "cbs"]},
                         index=pd.Index(["PV21", "TOTAAL"], name="statcode"))
    for lang, words in (("nl", ["regio", "Fryslân", "ruim onder landelijk", "ja", "CBS"]),
                        ("en", ["region", "Fryslân", "ruim onder landelijk", "yes", "CBS"])):
        csv_path, xlsx = write_table(frame, tmp_path / lang, formats=["csv", "xlsx"], lang=lang)
        ws = openpyxl.load_workbook(xlsx).worksheets[0]
        header = [c.value for c in ws[1]]
        assert column_label("band", lang) not in header and column_label("band_label", lang) in header
        assert [c.value for c in ws[2]][1:] == words
        assert [c.value for c in ws[3]][1] == ("totaal" if lang == "nl" else "total")
        assert ws.cell(row=3, column=header.index(column_label("gps_estimated", lang)) + 1).value == \
            ("nee" if lang == "nl" else "no")
        rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
        assert rows[0] == ["statcode", *frame.columns] and rows[1][1] == "region" and rows[1][5] == "True"


def test_method_codes_of_the_estimates_read_as_estimates_in_excel(tmp_path):
    frame = pd.DataFrame({"gps": [10, 3], "gps_method": ["province_by_weights", "province_by_population"],
                          "trainers_method": ["national_by_gp_share", "given"]},
                         index=pd.Index(["GM1", "GM2"], name="statcode"))
    ws = openpyxl.load_workbook(write_table(frame, tmp_path / "m", formats=["xlsx"], lang="nl")[0]).worksheets[0]
    cells = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert cells[0][2].startswith("SCHATTING") and "praktijken" in cells[0][2] and "inwoners" in cells[1][2]
    assert cells[0][3].startswith("SCHATTING") and cells[1][3] == "opgegeven (eigen bestand)"


def test_every_column_of_a_density_trend_has_words():
    """regio density --compare-year headed columns rate_2015, count_growth_pct, ... with their codes."""
    from regio.labels import column_kind, column_label, column_meaning

    for code in ("count_2015", "count_2020", "population_2015", "rate_2015", "rate_2020", "count_change",
                 "count_growth_pct", "population_growth_pct", "rate_change", "rate_growth_pct"):
        for lang in ("nl", "en"):
            assert column_label(code, lang) != code and column_meaning(code, lang), (code, lang)
        assert column_kind(code) is not None
    assert column_label("rate_growth_pct") == "Per 100.000 inwoners: groei (%)"
    assert column_kind("rate_growth_pct") == "pct" and column_kind("rate_2015") == "rate"
