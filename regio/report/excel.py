"""Excel files for people: words for headers, numbers formatted by kind, a glossary (for :mod:`regio.report.export`).

:func:`regio.report.export.write_table` is the one writer of tables; it
saves the :func:`workbook` made here (in memory) of a frame already made safe for spreadsheets
(:func:`regio.report.export.formula_safe`). What each column is (its label,
meaning and number kind) comes from the catalogue
(:func:`regio.labels.column_label`, :func:`regio.labels.column_kind`).
"""

from __future__ import annotations

import datetime
import io
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from regio.labels import cell_words, column_kind, column_label, column_meaning, label

__all__ = ["NUMBER_FORMATS", "excel_kind", "workbook"]

#: Excel number format of each column kind (:data:`regio._columns.COLUMN_KINDS`). Excel shows them in the
#: reader's locale: ``#,##0.0`` is ``12.345,6`` in a Dutch Excel.
NUMBER_FORMATS: dict[str, str] = {
    "count": "#,##0", "target": "#,##0", "rate": "#,##0.0", "share": "0.0%", "pct": '0.0"%"',
    "decimal": "#,##0.00", "fte": "#,##0.0", "year": "0",
}
_WIDEST = 60  # characters: a longer text wraps to the next line of its cell instead
_HEADER_WIDEST = 28


def excel_kind(code: object, values: pd.Series) -> str | None:
    """How a column is shown in Excel: its catalogue kind, else a guess from its numbers; ``None`` for text.

    Parameters
    ----------
    code
        The column code.
    values
        The column.

    Returns
    -------
    str or None
        A key of :data:`NUMBER_FORMATS`, or ``None`` for a column without numbers (text, flags, dates).

    Examples
    --------
    >>> excel_kind("rate_per_100k", pd.Series([1.5])), excel_kind("visits", pd.Series([3.0, 4.0]))
    ('rate', 'count')
    >>> excel_kind("ratio", pd.Series([0.25, 1.5])), excel_kind("name", pd.Series(["a"]))
    ('decimal', None)
    """
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    if not numeric:
        return None
    kind = column_kind(code)
    if kind is not None and kind != "text":
        return kind
    known = values.dropna().astype(float)
    known = known[np.isfinite(known)]
    if len(known) and (known == known.round()).all():
        return "count"
    return "decimal" if len(known) and known.abs().max() < 10 else "fte"


def _round_up(values: pd.Series) -> pd.Series:
    """Whole persons, rounded up (a target of 76.5 trainers needs 77); 1e-9 above a whole number is that number."""
    return values.map(lambda v: v if pd.isna(v) else float(math.ceil(float(v) - 1e-9)))


def workbook(frame: pd.DataFrame, *, sheet: str, notes: Sequence[str], lang: str = "nl") -> bytes:
    """Make the Excel workbook for people of ``frame`` (the bytes of an .xlsx), with its notes and a glossary.

    :func:`regio.report.export.write_table` writes it. Sheets: the table
    (``sheet``), ``toelichting``/``notes`` (the notes, when there are any)
    and ``kolommen``/``columns`` (header, code and meaning of each column);
    the names of the sheets and their headings are ``sheet.*`` and ``excel.*`` in :mod:`regio.labels`.
    Cells hold what a person reads: codes that have words in the catalogue
    (:func:`regio.labels.cell_words`: the kind of row, the source of the
    counts, ...) as those words, true/false as yes/no, and a code column next
    to its ``*_label`` column (``band`` and ``band_label``) only as the words.
    The frame must already be safe (text cells as
    :func:`regio.report.export.formula_safe` leaves them); every text cell is
    stored as text, never as a formula. Written with XlsxWriter (about 2.5
    times faster than openpyxl for these small tables; openpyxl reads them).

    Parameters
    ----------
    frame
        The table; its index is the first column.
    sheet
        Name of the table's sheet.
    notes
        Lines for the notes sheet.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    bytes
        The .xlsx file.

    Examples
    --------
    >>> import io
    >>> from openpyxl import load_workbook
    >>> frame = pd.DataFrame({"statnaam": ["Flevoland"], "target_trainers": [76.5], "share": [0.25]},
    ...                      index=pd.Index(["PV24"], name="statcode"))
    >>> book = load_workbook(io.BytesIO(workbook(frame, sheet="table", notes=["Bron: CBS"], lang="en")))
    >>> book.sheetnames
    ['table', 'notes', 'columns']
    >>> ws = book["table"]
    >>> [c.value for c in ws[1]], [c.value for c in ws[2]], ws.freeze_panes, ws["C2"].number_format
    (['Code', 'Name', 'Target trainers', 'Share'], ['PV24', 'Flevoland', 77, 0.25], 'B2', '#,##0')
    >>> [c.value for c in book["notes"]["A"]]  # doctest: +NORMALIZE_WHITESPACE
    ['Notes', 'Bron: CBS', 'Targets and gaps (Target trainers) are rounded up to whole numbers; the
      CSV file keeps the unrounded values.']
    """
    import xlsxwriter

    twins = [c for c in frame.columns if f"{c}_label" in frame.columns]  # a code next to its words: words only
    other = "label_en" if lang == "nl" else "label_nl"  # words in both languages (the CSV's): the reader's only
    if other in frame.columns and f"label_{lang}" in frame.columns:
        twins.append(other)
    frame = frame.drop(columns=twins)
    frame = frame.set_axis(_index_words(frame.index, lang), axis=0)  # TOTAAL reads TOTAL in English
    columns = list(frame.columns)
    index_names = [n if n is not None else "" for n in frame.index.names]
    table = frame.copy()
    table.attrs = {}
    for c in columns:  # codes in cells as words, true/false as yes/no (the CSV keeps the codes)
        table[c] = cell_words(c, table[c], lang)
    kinds = {c: excel_kind(c, table[c]) for c in columns}
    rounded = [c for c in columns if kinds[c] == "target" and pd.api.types.is_float_dtype(table[c])
               and not (table[c].dropna() == table[c].dropna().round()).all()]
    for c in rounded:
        table[c] = _round_up(table[c])
    notes = list(notes)
    if rounded:
        names = ", ".join(column_label(c, lang) for c in rounded)
        notes.append(label("excel.rounded_up", lang, names=names))
    buf = io.BytesIO()
    # text is never a formula or a link: regio writes every cell with the writer of its type
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    formats = _Formats(book)
    _table_sheet(book.add_worksheet(sheet), formats, frame, table, kinds, lang)
    if notes:
        ns = book.add_worksheet(label("sheet.notes", lang))
        _plain(ns, formats, [[label("excel.notes", lang)], *([_text(line)] for line in notes)], widths=[100])
    glossary = [[label("excel.column", lang), "Code", label("excel.meaning", lang)]]
    glossary += [[_text(column_label(code, lang) if code != "" else ""), _text(str(code)),
                  _text(column_meaning(code, lang))] for code in [*index_names, *columns]]
    _plain(book.add_worksheet(label("sheet.columns", lang)), formats, glossary, widths=None)
    book.close()
    return buf.getvalue()


def _index_words(index: pd.Index, lang: str) -> pd.Index:
    """Return an index with its codes as words (:func:`regio.labels.cell_words`), as a column's cells are.

    Examples
    --------
    >>> _index_words(pd.Index(["PV20", "TOTAAL", "BRON"], name="statcode"), "en").tolist()
    ['PV20', 'TOTAL', 'SOURCE']
    """
    levels = []
    for j, name in enumerate(index.names):
        values = index.get_level_values(j)
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            values = pd.Index(cell_words(name, pd.Series(values, dtype=object), lang), dtype=object)
        levels.append(values)
    if index.nlevels > 1:
        return pd.MultiIndex.from_arrays(levels, names=index.names)
    return pd.Index(levels[0], name=index.name)


class _Formats:
    """The cell formats of one workbook, made once each (XlsxWriter formats belong to their workbook)."""

    def __init__(self, book) -> None:
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.wrapped = book.add_format({"text_wrap": True, "valign": "top"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self._book = book
        self._numbers: dict[str, object] = {}

    def number(self, kind: str | None):
        """Return the format of numbers of this kind (``None``: Excel's general format)."""
        if kind is None:
            return None
        if kind not in self._numbers:
            self._numbers[kind] = self._book.add_format({"num_format": NUMBER_FORMATS[kind]})
        return self._numbers[kind]


def _write(ws, row: int, col: int, value: object, fmt) -> None:
    """Write one cell by its type: empty, number, yes/no flag, date or text (never a formula)."""
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, datetime.datetime):
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _text(value: str) -> str:
    from regio.report.export import formula_safe_text  # the one place that defuses text (no cycle: imported late)

    return formula_safe_text(value, "xlsx")


def _cell(value: object, whole: bool = False) -> object:
    """Return a value as it is written: missing as empty, numpy numbers as Python ones, 77.0 as 77 if whole."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return str(value)
        return int(value) if whole and float(value).is_integer() else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _table_sheet(ws, formats: _Formats, frame: pd.DataFrame, table: pd.DataFrame, kinds: dict, lang: str) -> None:
    """Write the table: labelled bold header, number formats by kind, fitting widths, frozen header, autofilter."""
    n_index = frame.index.nlevels
    headers = [*(column_label(n, lang) if n is not None else "" for n in frame.index.names),
               *(column_label(c, lang) for c in frame.columns)]
    for j, text in enumerate(headers):
        ws.write_string(0, j, str(text), formats.header)
    # a numeric index (a year, say) is formatted as a column is
    index_kinds = [excel_kind(frame.index.names[j], pd.Series(frame.index.get_level_values(j))) for j in range(n_index)]
    cell_formats = [*(formats.number(k) for k in index_kinds),
                    *(formats.number(kinds[c]) if kinds[c] is not None else None for c in frame.columns)]
    whole = [False] * n_index + [kinds[c] in ("count", "target", "year") for c in frame.columns]
    for j, c in enumerate(frame.columns, start=n_index):
        if pd.api.types.is_datetime64_any_dtype(table[c]):
            cell_formats[j] = formats.date
    index_rows = frame.index.tolist() if n_index > 1 else [(v,) for v in frame.index]
    for i, (key, row) in enumerate(zip(index_rows, table.itertuples(index=False, name=None), strict=True), start=1):
        for j, value in enumerate((*key, *row)):
            _write(ws, i, j, _cell(value, whole[j]), cell_formats[j])
    for j, text in enumerate(headers):
        if j < n_index:
            values = frame.index.get_level_values(j)
            kind = None
        else:
            values = table.iloc[:, j - n_index]
            kind = kinds[frame.columns[j - n_index]]
        longest = max((len(_shown(v, kind)) for v in values), default=0)
        header = min(max((len(w) for w in str(text).split()), default=0) + 2, _HEADER_WIDEST)
        header = max(header, min(len(str(text)), _HEADER_WIDEST))
        ws.set_column(j, j, max(6, min(max(longest, header) + 2, _WIDEST)))
    ws.freeze_panes(1, n_index)
    ws.autofilter(0, 0, len(frame), len(headers) - 1)


def _shown(value: object, kind: str | None) -> str:
    """Roughly the text Excel shows for a value of this kind (for the column width)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if kind in ("count", "target"):
        return f"{float(value):,.0f}"
    if kind in ("rate", "fte", "pct"):
        return f"{float(value):,.1f}" + ("%" if kind == "pct" else "")
    if kind == "share":
        return f"{float(value) * 100:.1f}%"
    if kind == "decimal":
        return f"{float(value):,.2f}"
    return str(value)


def _plain(ws, formats: _Formats, rows: list[list[object]], widths: list[int] | None) -> None:
    """Rows of text under a bold header; fitting widths (or the given ones), frozen header row, long texts wrapped."""
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            _write(ws, i, j, _cell(value), formats.header if i == 0 else formats.wrapped)
    for j in range(max(len(r) for r in rows)):
        longest = max((len(str(r[j])) for r in rows if j < len(r) and r[j] is not None), default=6)
        ws.set_column(j, j, widths[j] if widths and j < len(widths) else min(longest + 2, 80))
    ws.freeze_panes(1, 0)
