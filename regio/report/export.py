"""Write files for users: tables (CSV for machines and Dutch Excel, Excel for people), HTML pages and images.

This is where regio's outputs reach the disk. The presentation code in
:mod:`regio.maps` draws maps and charts into memory (an HTML string, PNG
bytes); the functions here write them, creating the folder when needed.
Nothing here imports folium or matplotlib.

Every file is written by :func:`regio.report.outputs.write_atomic`: checked
(not in the data directory, not over an input, inside the output folder),
written to a temporary file and renamed into place. Text cells that a
spreadsheet would run as a formula are written as text (:func:`formula_safe`).
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from regio.labels import label
from regio.report.outputs import check_output, write_atomic

__all__ = ["CSV_DIALECTS", "TableStyle", "check_csv_dialect", "formula_safe", "reset_table_style", "set_table_style",
           "table_style", "use_table_style", "write_html", "write_image", "write_table"]


#: The CSV dialects: ``standard`` (comma, decimal point, UTF-8: for machines and most tools) and ``nl``
#: (semicolon, decimal comma, UTF-8 with a byte-order mark: what a Dutch-locale Excel opens in columns).
CSV_DIALECTS: dict[str, dict[str, str]] = {
    "standard": {"sep": ",", "decimal": ".", "encoding": "utf-8"},
    "nl": {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"},
}


@dataclass(frozen=True)
class TableStyle:
    """How :func:`write_table` writes when a caller does not say: the language of the Excel words, the CSV dialect.

    Attributes
    ----------
    lang
        ``"nl"`` or ``"en"``: headers, glossary and sheet names of Excel files.
    csv
        A key of :data:`CSV_DIALECTS`.
    """

    lang: str = "nl"
    csv: str = "standard"


_STYLE: ContextVar[TableStyle] = ContextVar("regio_table_style", default=TableStyle())  # noqa: B039 (frozen)


def table_style() -> TableStyle:
    """Return the style in force (:func:`use_table_style`), by default Dutch Excel words and standard CSV.

    Examples
    --------
    >>> table_style()
    TableStyle(lang='nl', csv='standard')
    """
    return _STYLE.get()


@contextmanager
def use_table_style(*, lang: str | None = None, csv: str | None = None) -> Iterator[TableStyle]:
    """Write the tables inside the ``with`` block in ``lang`` and the CSV dialect ``csv`` (``None``: unchanged).

    The command line sets it from ``--lang``/``REGIO_LANG`` and ``--csv``/``REGIO_CSV`` for each command, so
    that every table a command writes (the atlas's too) follows the options.

    Examples
    --------
    >>> with use_table_style(csv="nl") as style:
    ...     style
    TableStyle(lang='nl', csv='nl')
    >>> table_style().csv
    'standard'
    """
    token = set_table_style(lang=lang, csv=csv)
    try:
        yield _STYLE.get()
    finally:
        _STYLE.reset(token)


def set_table_style(*, lang: str | None = None, csv: str | None = None) -> contextvars.Token:
    """Set the style of the tables written from now on (``None``: unchanged); return the token that undoes it.

    For a command line option, which holds until its command closes (``_STYLE.reset(token)``); in code,
    :func:`use_table_style` sets and undoes it around a block.

    Examples
    --------
    >>> token = set_table_style(csv="nl")
    >>> table_style().csv
    'nl'
    >>> reset_table_style(token)
    >>> table_style().csv
    'standard'
    """
    current = _STYLE.get()
    return _STYLE.set(TableStyle(lang=lang or current.lang, csv=check_csv_dialect(csv or current.csv)))


def reset_table_style(token: contextvars.Token) -> None:
    """Undo :func:`set_table_style`."""
    _STYLE.reset(token)


def check_csv_dialect(name: str) -> str:
    """Return ``name`` if it is a CSV dialect, else raise an :class:`~regio.errors.InputError` naming the choices.

    Examples
    --------
    >>> check_csv_dialect("nl")
    'nl'
    >>> check_csv_dialect("excel")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown CSV dialect 'excel'; choose one of standard, nl.
    """
    if name not in CSV_DIALECTS:
        from regio.errors import InputError

        raise InputError(f"Unknown CSV dialect {name!r}; choose one of {', '.join(CSV_DIALECTS)}.",
                         key="csv_dialect", name=name, choices=", ".join(CSV_DIALECTS))
    return name


def write_table(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    formats: Sequence[str] = ("csv", "xlsx"),
    sheet: str | None = None,
    notes: Sequence[str] = (),
    lang: str | None = None,
    csv: str | None = None,
) -> list[Path]:
    r"""Write ``frame`` as ``path.csv`` and/or ``path.xlsx`` (the suffix of ``path`` is replaced).

    The CSV file is for machines: the column codes as headers, every number
    as computed. The Excel file is for people (:func:`regio.report.excel.format_sheet`):
    headers in words (:func:`regio.labels.column_label`), numbers formatted
    by their kind (counts whole, rates with one decimal, shares as
    percentages), targets and gaps in persons rounded up, a frozen header
    row, fitting column widths, an autofilter, and a sheet ``kolommen``
    (``columns``) that explains each code.

    Parameters
    ----------
    frame
        The table; its index is written as the first column.
    path
        Target path; its suffix is ignored.
    formats
        ``"csv"`` and/or ``"xlsx"``.
    sheet
        Excel sheet name (words of the catalogue, ``label("sheet.forecast", lang)``, or a year); default
        ``tabel`` (``table``), the catalogue's ``sheet.table``.
    notes
        Lines (source, method, caveats) written to a second sheet
        ``toelichting`` (``notes``) in Excel and to a ``<name>.notes.txt``
        beside the CSV.
    lang
        Language of the Excel words, ``"nl"`` or ``"en"`` (default: :func:`table_style`).
    csv
        CSV dialect, a key of :data:`CSV_DIALECTS` (default: :func:`table_style`).

    Returns
    -------
    list of pathlib.Path
        The files written. Missing parent directories are created.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> from pathlib import Path
    >>> frame = pd.DataFrame({"statnaam": ["Amsterdam", "Súdwest-Fryslân"], "population": [931_298, 90_765]},
    ...                      index=pd.Index(["GM0363", "GM1900"], name="statcode"))
    >>> folder = Path(tempfile.mkdtemp())
    >>> written = write_table(frame, folder / "out" / "population.txt", notes=["Source: CBS, 1 January 2024"])
    >>> [p.name for p in written]
    ['population.csv', 'population.notes.txt', 'population.xlsx']
    >>> print((folder / "out" / "population.csv").read_text(encoding="utf-8"), end="")
    statcode,statnaam,population
    GM0363,Amsterdam,931298
    GM1900,Súdwest-Fryslân,90765
    >>> pd.read_excel(written[2], sheet_name="toelichting")["Toelichting"].tolist()
    ['Source: CBS, 1 January 2024']
    >>> pd.read_excel(written[2]).columns.tolist()  # words for people; the codes in the sheet "kolommen"
    ['Code', 'Naam', 'Inwoners']
    >>> [p.name for p in write_table(frame, folder / "only", formats=["csv"])]  # no notes: no notes file
    ['only.csv']

    For a Dutch-locale Excel (``csv="nl"``): semicolons, decimal commas and a byte-order mark:

    >>> rates = pd.DataFrame({"statnaam": ["Fryslân"], "rate_per_100k": [60.5]})
    >>> (write_table(rates, folder / "nl", formats=["csv"], csv="nl")[0]).read_bytes().decode("utf-8")
    '\ufeff;statnaam;rate_per_100k\n0;Fryslân;60,5\n'

    A text cell that a spreadsheet would run as a formula is written as text
    (see :func:`formula_safe`):

    >>> hostile = pd.DataFrame({"region": ["=1+1", "Noord"], "count": [-2, 3]})
    >>> print((write_table(hostile, folder / "h", formats=["csv"])[0]).read_text(encoding="utf-8"), end="")
    ,region,count
    0,'=1+1,-2
    1,Noord,3
    """
    from regio.report.excel import workbook

    style = table_style()
    lang = lang or style.lang
    sheet = sheet if sheet is not None else label("sheet.table", lang)
    dialect = CSV_DIALECTS[check_csv_dialect(csv or style.csv)]
    frame = _whole_counts(frame)
    base = Path(path).with_suffix("")
    jobs: list[tuple[Path, Callable[[Path], object]]] = []
    if "csv" in formats:
        text = formula_safe(frame, "csv")
        jobs.append((base.with_suffix(".csv"), lambda p: text.to_csv(p, **dialect)))
        if notes:
            lines = "\n".join(notes) + "\n"
            jobs.append((base.with_name(base.name + ".notes.txt"), lambda p: p.write_text(lines, encoding="utf-8")))
    if "xlsx" in formats:
        jobs.append((base.with_suffix(".xlsx"),
                     lambda p: p.write_bytes(workbook(formula_safe(frame, "xlsx"), sheet=sheet[:31], notes=notes,
                                                       lang=lang))))
    for target, _fill in jobs:  # refuse before anything is written, so no half of a table is replaced
        check_output(target)
    return [write_atomic(target, fill) for target, fill in jobs]


#: What starts a formula in a spreadsheet (OWASP "CSV injection"): =, +, -, @, a tab or a carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters an .xlsx cannot hold (openpyxl refuses them): written as U+FFFD.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _csv_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    quote = "'" if value.startswith(_FORMULA_START) else ""
    if "\r" in value:  # the CSV writer quotes a field with a newline but not one with a lone CR, which splits rows
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return quote + value


def _xlsx_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    if "\r" in value:  # a line break is a newline in a cell (a carriage return would be stored as _x000D_)
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _XLSX_ILLEGAL.sub("\ufffd", value)


def formula_safe_text(value: object, fmt: str) -> object:
    r"""Return one cell as :func:`formula_safe` leaves it (a text defused for ``fmt``; anything else unchanged).

    For single texts (notes, glossary lines), without making a frame of each.

    Parameters
    ----------
    value
        A cell value.
    fmt
        ``"csv"`` or ``"xlsx"``.

    Returns
    -------
    object
        The defused text, or ``value`` itself when it is not a text.

    Examples
    --------
    >>> formula_safe_text("=1+1", "csv"), formula_safe_text("a\x01b", "xlsx"), formula_safe_text(-2, "csv")
    ("'=1+1", 'a�b', -2)
    """
    return {"csv": _csv_text, "xlsx": _xlsx_text}[fmt](value)


def formula_safe(frame: pd.DataFrame, fmt: str) -> pd.DataFrame:
    r"""Return a copy of ``frame`` whose text cells (values, index and column labels) cannot run as a formula.

    The one place where regio defuses text for spreadsheets, used for every
    table it writes:

    * ``"csv"``: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
      or a carriage return gets a leading ``'`` (the OWASP advice against CSV
      injection), and a carriage return inside a text becomes a newline (which
      the CSV writer quotes; a lone CR would end the row for most readers);
    * ``"xlsx"``: characters an Excel file cannot hold become U+FFFD; the
      writer then stores every text cell as text, never as a formula
      (openpyxl would make ``=...`` a formula).

    Numbers (negative ones too) stay numbers: only text cells change.

    Parameters
    ----------
    frame
        The table.
    fmt
        ``"csv"`` or ``"xlsx"``.

    Returns
    -------
    pandas.DataFrame
        The copy (``frame`` itself when nothing changes).

    Examples
    --------
    >>> table = pd.DataFrame({"name": ['=HYPERLINK("http://evil.example","klik")', "+1", "-2x", "@SUM(A1)",
    ...                                "\tx", "Noord"], "n": [1, -2, 3, -4.5, 5, 6]})
    >>> for name in formula_safe(table, "csv")["name"]:
    ...     print(repr(name))
    '\'=HYPERLINK("http://evil.example","klik")'
    "'+1"
    "'-2x"
    "'@SUM(A1)"
    "'\tx"
    'Noord'
    >>> formula_safe(table, "csv")["n"].tolist()  # numbers stay numbers
    [1.0, -2.0, 3.0, -4.5, 5.0, 6.0]
    """
    fix = {"csv": _csv_text, "xlsx": _xlsx_text}[fmt]

    def labels(index: pd.Index) -> pd.Index:
        if isinstance(index, pd.MultiIndex):
            return pd.MultiIndex.from_arrays([labels(index.get_level_values(i)) for i in range(index.nlevels)],
                                             names=[fix(n) for n in index.names])
        if _no_text(index.dtype):
            return index.rename(fix(index.name))
        return pd.Index([fix(v) for v in index], dtype=object, name=fix(index.name))

    out = frame.copy()
    out.attrs = {}  # attrs may hold frames; they are not written
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if not _no_text(column.dtype):
            out.isetitem(i, column.astype(object).map(fix))
    out.index = labels(out.index)
    out.columns = labels(out.columns)
    return out


def _no_text(dtype: object) -> bool:
    """Whether a column of this type holds no text (numbers, booleans, dates)."""
    return bool(pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)
                or pd.api.types.is_datetime64_any_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype))


#: Columns that hold counts of people or places (by name): written as whole numbers when they are whole.
_COUNT_COLUMN = re.compile(r"^(count|population|allocated|current|difference|floor|extra|gps|trainers|"
                           r"municipalities|joint_municipalities|extra_trainers|inhabitants|inwoners|aantal)"
                           r"(_\d{4})?$|^(count|population)_(change|\d{4})$")


def _whole_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Write counts held as floats (a missing value makes them float) as whole numbers: 455, not 455.0."""
    change = {}
    for col in frame.columns:
        values = frame[col]
        if (isinstance(col, str) and _COUNT_COLUMN.match(col) and pd.api.types.is_float_dtype(values)
                and values.notna().any() and (values.dropna() == values.dropna().round()).all()
                and np.isfinite(values.dropna()).all()):
            change[col] = "Int64"
    if not change:
        return frame
    # astype joins the columns again, which compares their attrs; attrs may hold frames (an allocation's inputs),
    # whose comparison is ambiguous: convert without them and give them back
    out = frame.copy()
    out.attrs = {}
    out = out.astype(change)
    out.attrs = frame.attrs
    return out


def write_html(html: str, path: str | Path) -> Path:
    """Write an HTML page as UTF-8, creating its folder.

    The text is written as is (no newline translation), so the file holds
    exactly the page that :func:`regio.maps.core.map_html` or another
    presentation function returned.

    Parameters
    ----------
    html
        The page.
    path
        Target file (its folder is created when missing).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = write_html("<p>Fryslân</p>", Path(tmp) / "kaarten" / "f.html")
    ...     p.name, p.read_text(encoding="utf-8"), p.stat().st_size  # â takes two bytes in UTF-8
    ('f.html', '<p>Fryslân</p>', 15)
    """
    data = html.encode("utf-8")
    return write_atomic(Path(path), lambda p: p.write_bytes(data))


def write_image(data: bytes, path: str | Path) -> Path:
    """Write an image (e.g. the PNG bytes of :func:`regio.maps.static.static_map`), creating its folder.

    Parameters
    ----------
    data
        The encoded image.
    path
        Target file (its folder is created when missing).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> png = bytes([137, 80, 78, 71, 13, 10, 26, 10])  # the signature that starts every PNG
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = write_image(png, Path(tmp) / "kaarten" / "f.png")
    ...     p.read_bytes() == png
    True
    """
    data = bytes(data)
    return write_atomic(Path(path), lambda p: p.write_bytes(data))
