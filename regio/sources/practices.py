"""GP practices: the shared counts per PC4 area and region, and a user's own list of practices.

Practices (huisartsenpraktijken), not GPs: one practice may hold one GP or
ten. The counts of the data directory (``practices/DERIVED_*_zorgkaart.csv``)
are **derived**: counted by the data's maintainers from the practices that
ZorgkaartNederland listed on 2026-03-11, per 4-digit postcode of the practice,
and placed in the 2024 municipality holding most of that PC4 area (see
``PROVENANCE.md``, section 8). A listing, not a register: Nivel counted 4,837
practices on 1 January 2024, the listing 4,866.

A user's own list (:func:`read_practice_list`) has one row per practice and
says where it is by postcode, PC4, municipal code or longitude and latitude;
bad rows are named with the row number a spreadsheet shows (the header is row
1), never dropped.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> counts = read_practice_counts("gemeente")
>>> len(counts), int(counts["n_practices"].sum()), counts.attrs["derived"]
(342, 4866, True)
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from regio.config import user_encoding
from regio.errors import DataNotFoundError, InputError, RegioWarning
from regio.levels import get_level
from regio.sources._files import _sniff_sep, data_file, text_encoding
from regio.sources._said import Listed, said

__all__ = [
    "COLUMN_NAMES",
    "COUNT_FILES",
    "DIVISION",
    "LISTING",
    "NL_LAT",
    "NL_LON",
    "read_practice_counts",
    "read_practice_list",
]

#: What the shared counts are, for ``attrs["source"]``.
LISTING = "ZorgkaartNederland listing of 2026-03-11"

#: The municipal division of the shared municipal (and labour-market) counts.
DIVISION = 2024

#: Folder of the shared counts in the data directory.
FOLDER = "practices"


@dataclass(frozen=True)
class _CountFile:
    name: str
    code: str
    count: str
    pattern: str
    example: str
    names: str | None = None
    rows: tuple[str, str] | None = None  # (column, value) selecting this level's rows


#: Level -> the shared file of practice counts at that level.
COUNT_FILES: dict[str, _CountFile] = {
    "pc4": _CountFile("DERIVED_gp_practices_per_pc4_2026_zorgkaart.csv", "pc4", "n_practices",
                      r"[1-9]\d{3}", "1011"),
    "gemeente": _CountFile("DERIVED_gp_practices_per_gemeente_2026_zorgkaart.csv", "statcode", "n_practices",
                           r"GM\d{4}", "GM0363", names="statnaam"),
    "arbeidsmarktregio": _CountFile("DERIVED_gp_practices_per_arbeidsmarktregio_2026_zorgkaart.csv", "statcode",
                                    "n_practices_zorgkaart_2026", r"AM\d{2}", "AM01", names="statnaam",
                                    rows=("level", "arbeidsmarktregio")),
    "regioplusarbeidsmarktregio": _CountFile("DERIVED_gp_practices_per_arbeidsmarktregio_2026_zorgkaart.csv",
                                             "statcode", "n_practices_zorgkaart_2026", r"RA\d{4}", "RA0101",
                                             names="statnaam", rows=("level", "regioplus_arbeidsmarktregio")),
}

_RESTORE = ("The file is derived (PROVENANCE.md, section 8 'GP practices'): restore it from a full data "
            "directory such as shared/data.")
_RESTORE_SAID = RegioWarning(_RESTORE, key="src.restore_derived")

_MAX_SHOWN = 25

#: What a file is, for messages: keyed phrases, said in the language of the error they are part of.
_WHAT_COUNTS = RegioWarning("the practice counts", key="src.what_practice_counts")
_WHAT_LIST = RegioWarning("the practice list", key="src.what_practice_list")


def _problems_error(path: Path | str, what: str | RegioWarning, problems: list[str | RegioWarning]) -> InputError:
    """One error listing the problems of a file; ``what``: a keyed phrase (said in the error's language) or text."""
    shown: list[str | RegioWarning] = list(problems[:_MAX_SHOWN])
    if len(problems) > _MAX_SHOWN:
        shown.append(said(f"... and {len(problems) - _MAX_SHOWN} more", "src.and_more", n=len(problems) - _MAX_SHOWN))
    listed = Listed(shown, sep="\n  ")
    return InputError(f"{path}: {len(problems)} problem(s) in {what}; nothing was read:\n  {listed}",
                      key="src.problems" if len(problems) > 1 else "src.problem", path=path, n=len(problems),
                      what=what, problems=listed)


# ----------------------------------------------------------------------------- the shared counts

def read_practice_counts(level: str = "gemeente", *, data_dir: str | Path | None = None) -> pd.DataFrame:
    r"""Read the shared counts of GP practices per PC4 area, municipality or labour-market region.

    The files ``practices/DERIVED_gp_practices_per_{pc4,gemeente,arbeidsmarktregio}_2026_zorgkaart.csv``
    are derived (counted by the data's maintainers from the ZorgkaartNederland
    listing of 2026-03-11) and are labelled so in ``attrs``. They count
    practices, not GPs.

    Parameters
    ----------
    level
        ``pc4``, ``gemeente`` (the 2024 division), ``arbeidsmarktregio`` or
        ``regioplusarbeidsmarktregio`` (aliases accepted).
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Indexed by code (``statcode``: PC4 code, ``GM....``, ``AM..``,
        ``RA....``), column ``n_practices`` (int64) and, except for PC4,
        ``statnaam``; in the file's order. PC4 areas without a listed practice
        are absent (their count is 0). ``attrs``: ``source`` (the listing and
        the file, marked derived), ``derived`` (True), ``file``, ``level``,
        ``division`` (2024, ``None`` for PC4).

    Raises
    ------
    UnknownLevelError
        For a level name regio does not know.
    InputError
        For a level without a shared file (naming those with one), a missing
        column, an empty or malformed code, a count that is not a whole number
        of at least 0, or a code given twice: naming the file, row and column.
    DataNotFoundError
        If the file is not in the data directory.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> pc4 = read_practice_counts("pc4")
    >>> len(pc4), int(pc4["n_practices"].sum()), int(pc4.loc["1012", "n_practices"])
    (2084, 4866, 5)
    >>> pc4.attrs["source"]
    'ZorgkaartNederland listing of 2026-03-11, practices counted per PC4 (derived): practices/DERIVED_gp_practices_per_pc4_2026_zorgkaart.csv'
    >>> ra = read_practice_counts("regioplus")
    >>> len(ra), ra.loc["RA0101", "statnaam"], int(ra.loc["RA0101", "n_practices"])
    (28, 'Groningen', 172)
    """  # noqa: E501
    lvl = get_level(level).name
    if lvl not in COUNT_FILES:
        raise InputError(f"No shared practice counts per {lvl}: they exist per {', '.join(COUNT_FILES)}. "
                         "regio.practices() sums the municipal counts to every other level.",
                         key="src.no_practice_counts_level", level=lvl, known=", ".join(COUNT_FILES))
    spec = COUNT_FILES[lvl]
    path = data_file(FOLDER, spec.name, data_dir=data_dir, what="GP practice counts")
    raw = _read_csv_cells(path)
    header, rows = raw.header, raw.rows
    need = [c for c in (spec.code, spec.count, spec.names, spec.rows[0] if spec.rows else None) if c]
    missing = [c for c in need if c not in header]
    if missing:
        raise InputError(f"{path}, row 1 (the header): missing column(s) {', '.join(missing)}; the columns are "
                         f"{', '.join(header)}. {_RESTORE}", key="src.practice_counts_missing_columns", path=path,
                         missing=", ".join(missing), columns=", ".join(header))
    col = {c: header.index(c) for c in need}
    problems: list[str | RegioWarning] = []
    codes, counts, names, seen = [], [], [], {}
    for number, cells in zip(raw.numbers, rows, strict=True):
        if spec.rows and _cell(cells, col[spec.rows[0]]) != spec.rows[1]:
            continue
        code, count = _cell(cells, col[spec.code]), _cell(cells, col[spec.count])
        if code is None:
            problems.append(said(f"row {number}, column {spec.code}: empty code; fill in the code (e.g. "
                                 f"{spec.example}).", "src.p_empty_code", row=number, column=spec.code,
                                 example=spec.example))
        elif not re.fullmatch(spec.pattern, code):
            problems.append(said(f"row {number}, column {spec.code}: {code!r} is not a {lvl} code (e.g. "
                                 f"{spec.example}).", "src.p_not_a_code", row=number, column=spec.code, code=code,
                                 level=lvl, example=spec.example))
        elif code in seen:
            problems.append(said(f"row {number}, column {spec.code}: {code} is also in row {seen[code]}; "
                                 "keep one row per code.", "src.p_code_twice", row=number, column=spec.code,
                                 code=code, other=seen[code]))
        else:
            seen[code] = number
        if count is None or not re.fullmatch(r"\d+", count):
            problems.append(said(f"row {number}, column {spec.count}: {count or 'an empty cell'!r} is not a whole "
                                 "number of practices (0 or more).",
                                 "src.p_count_not_whole" if count else "src.p_count_empty", row=number,
                                 column=spec.count, count=count or "an empty cell"))
        codes.append(code)
        counts.append(int(count) if count is not None and count.isdigit() else 0)
        names.append(_cell(cells, col[spec.names]) if spec.names else None)
    if problems:
        raise _problems_error(path, _WHAT_COUNTS, [*problems, _RESTORE_SAID])
    out = pd.DataFrame({"n_practices": np.asarray(counts, dtype="int64")}, index=pd.Index(codes, name="statcode"))
    if spec.names:
        out.insert(0, "statnaam", names)
    rel = f"{FOLDER}/{spec.name}"
    out.attrs = {"source": f"{LISTING}, practices counted per PC4 (derived): {rel}", "derived": True,
                 "file": rel, "level": lvl, "division": None if lvl == "pc4" else DIVISION}
    return out


# ----------------------------------------------------------------------------- reading cells

@dataclass
class _Cells:
    header: list[str]
    rows: list[list[str | None]]
    numbers: list[int]  # the row number a spreadsheet shows (the header is row 1)


def _cell(cells: list[str | None], i: int) -> str | None:
    return cells[i] if i < len(cells) else None


def _text(value: object) -> str | None:
    """Return a cell as text, as a spreadsheet shows it: never evaluated (``=SUM(A1)`` stays that text)."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, datetime.datetime | datetime.date | datetime.time):
        text = value.isoformat()
    else:
        text = str(getattr(value, "text", value))  # an array formula: its text
    text = text.strip()
    return text or None


def _read_csv_cells(path: Path, encoding: str | None = None) -> _Cells:
    chosen = text_encoding(path, encoding)  # the one given, else UTF-8, else cp1252 with a warning
    try:
        text = path.read_bytes().decode(chosen).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"Cannot read {path} as {chosen}: {exc}. Give the encoding it was saved in (--encoding, "
                         "encoding= in Python), or save it as UTF-8.", key="src.wrong_encoding", path=path,
                         encoding=chosen, reason=exc) from None
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_sep(text)))
    if not records:
        raise InputError(f"{path}: the file is empty; row 1 should be the header (e.g. naam,postcode,huisartsen).",
                         key="src.list_empty_file", path=path)
    return _Cells([str(c).strip().lstrip("\ufeff") for c in records[0]],
                  [[_text(c) for c in r] for r in records[1:]], list(range(2, len(records) + 1)))


def _read_excel_cells(path: Path, sheet: str | int | None) -> _Cells:
    from openpyxl import load_workbook  # only for Excel files

    try:
        # data_only=False: a formula is read as its text, never evaluated (nor its cached result used)
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError(f"Cannot read {path} as an Excel workbook ({exc}). Save it as .xlsx or .csv.",
                         key="src.not_a_workbook", path=path, reason=exc) from exc
    try:
        names = book.sheetnames
        if sheet is None:
            ws = book.worksheets[0]
        elif isinstance(sheet, int) and 0 <= sheet < len(names):
            ws = book.worksheets[sheet]
        elif isinstance(sheet, str) and sheet in names:
            ws = book[sheet]
        else:
            raise InputError(f"{path}: no sheet {sheet!r}; the sheets are {', '.join(map(repr, names))}.",
                             key="src.no_sheet", path=path, sheet=sheet, sheets=", ".join(map(repr, names)))
        records = [[_text(v) for v in row] for row in ws.iter_rows(min_row=1, values_only=True)]
    finally:
        book.close()
    if not records or not any(records[0]):
        raise InputError(f"{path}: row 1 is empty; it should be the header (e.g. naam, postcode, huisartsen).",
                         key="src.list_empty_header", path=path)
    return _Cells([c or "" for c in records[0]], records[1:], list(range(2, len(records) + 1)))


# ----------------------------------------------------------------------------- a user's list

#: Role -> the column names accepted for it (compared in lower case, spaces, hyphens and dots as ``_``).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name", "praktijk", "praktijknaam", "practice", "practice_name", "huisartsenpraktijk"),
    "postcode": ("postcode", "post_code", "postal_code", "postalcode", "zip", "zipcode", "zip_code", "pc6",
                 "postcode6"),
    "pc4": ("pc4", "pc_4", "postcode4", "postcode_4", "pc4_code", "postcodegebied"),
    "statcode": ("statcode", "gemeentecode", "gemeente_code", "gm_code", "gmcode", "gemcode",
                 "municipality_code", "municipalitycode", "cbs_code"),
    "lon": ("lon", "lng", "long", "longitude", "lengtegraad", "lon_wgs84"),
    "lat": ("lat", "latitude", "breedtegraad", "lat_wgs84"),
    "gps": ("gps", "huisartsen", "aantal_huisartsen", "n_huisartsen", "n_gps", "number_of_gps", "gp_count",
            "artsen"),
    "fte": ("fte", "fte_huisartsen", "huisartsen_fte", "gp_fte"),
}
_ROLE_OF = {alias: role for role, aliases in COLUMN_NAMES.items() for alias in aliases}

#: Longitude and latitude (WGS84) of a box around the Netherlands, Wadden and Zeeland included.
NL_LON = (3.2, 7.3)
NL_LAT = (50.7, 53.6)

_POSTCODE = re.compile(r"([1-9]\d{3})\s*([A-Za-z]{2})?")
_PC4 = re.compile(r"[1-9]\d{3}")
_GM = re.compile(r"(?:GM)?(\d{1,4})", re.IGNORECASE)
_WHOLE = re.compile(r"\d+")
_DECIMAL = re.compile(r"-?\d+(?:[.,]\d+)?")
_ACCEPTED = ("postcode (1011 AB), pc4 (1011), gemeentecode/statcode (GM0363), or lon and lat (WGS84 degrees, "
             "e.g. 4.9 and 52.37)")


def _normalise(header: str) -> str:
    return re.sub(r"[\s_\-.()/]+", "_", header.strip().lower()).strip("_")


def _letter(i: int) -> str:
    """Spreadsheet column letter of column ``i`` (0 -> A, 26 -> AA)."""
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = chr(65 + rem) + out
    return out


def _number(text: str) -> float | None:
    return float(text.replace(",", ".")) if _DECIMAL.fullmatch(text) else None


def _formula_hint(text: str) -> str | RegioWarning:
    return (said(" It is a formula, and regio reads a cell's text, never evaluating it: paste the values instead "
                 "(Paste special > Values).", "src.hint_formula") if text.startswith("=") else "")


def column_label(header: list[str], i: int) -> RegioWarning:
    """``column NAME (B)`` for messages: a keyed phrase, said in the language of the message.

    Examples
    --------
    >>> str(column_label(["naam", "postcode"], 1))
    'column postcode (B)'
    """
    return said(f"column {header[i]} ({_letter(i)})", "src.column", name=header[i], letter=_letter(i))


def _rows_text(numbers: Iterable[int], limit: int = 30) -> str:
    items = list(numbers)
    shown = ", ".join(map(str, items[:limit]))
    return shown + (f" ... and {len(items) - limit} more" if len(items) > limit else "")


def read_practice_list(path: str | Path, *, sheet: str | int | None = None,
                       encoding: str | None = None) -> pd.DataFrame:
    r"""Read a user's list of GP practices: a CSV or Excel file with one row per practice.

    Each row says where the practice is, by one or more of these columns
    (Dutch or English names, any case): a postcode (``postcode``: ``1011 AB``
    or ``1011AB``, read as PC4 ``1011``), a PC4 area (``pc4``), a municipal
    code (``gemeentecode``/``statcode``: ``GM0363``, or ``363``), or
    longitude and latitude in WGS84 degrees (``lon``/``lng``/``longitude``
    and ``lat``/``latitude``). Optional: the practice's name (``naam``/
    ``name``), its number of GPs (``huisartsen``/``gps``, whole numbers) and
    their FTE (``fte``). Other columns are ignored (listed in
    ``attrs["ignored"]``).

    Cells are read as the text they hold, never evaluated: ``=HYPERLINK(...)``
    or ``+31 20 ...`` stays that text, and a formula where a number belongs is
    refused with the advice to paste values. Decimal commas (``4,9``) are
    read as decimal points. Fully empty rows are skipped (their numbers are in
    ``attrs["blank_rows"]``); every other row is read or named in the error.

    Parameters
    ----------
    path
        A ``.csv`` (comma, semicolon or tab separated; UTF-8, or Windows-1252
        as Excel saves it) or ``.xlsx``/``.xlsm`` file; the header is row 1.
    sheet
        Sheet name or number of an Excel file (default: the first sheet).
    encoding
        The text encoding of a CSV file (e.g. ``"latin-1"``); default the
        command line's ``--encoding`` (:func:`regio.config.user_encoding`), else
        UTF-8, else Windows-1252 with a warning.

    Returns
    -------
    pandas.DataFrame
        One row per practice (RangeIndex), in the file's order: ``row`` (the
        spreadsheet row number), ``name`` (if the file has that column),
        ``postcode`` (``1011AB``, or ``None``), ``pc4`` (from the pc4 column,
        else the postcode), ``statcode``, ``lon`` and ``lat`` (floats, NaN
        where not given), and ``gps`` (int64) / ``fte`` (float) if the file
        has them. ``attrs``: ``source`` and ``path`` (the file), ``derived``
        (False), ``columns`` (role -> the header used), ``column_letters``
        (role -> its spreadsheet column, ``A``...), ``ignored`` (other
        headers) and ``blank_rows``.

    Raises
    ------
    InputError
        Once, listing every problem with file, row and column (as
        ``row 3, column postcode (B)``) and the fix: two columns with one
        name or for one role, a row repeating the header, a malformed
        postcode, PC4 or municipal code, a postcode and PC4 that disagree,
        coordinates that are not numbers, only one of lon and lat, a point
        outside the Netherlands (or lon and lat swapped, or RD metres), GPs
        that are not a whole number of at least 0, FTE that is not a number of
        at least 0, an empty GP or FTE cell, and rows without any location. A
        file without any location column, or an ``.xls``/``.ods`` file, is
        refused with the columns it has.
    DataNotFoundError
        If the file does not exist.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_practices.csv"
    >>> _ = path.write_text("naam;postcode;gemeentecode;lat;lon;huisartsen\n"
    ...                     "Praktijk A;1011 AB;;;;3\n"
    ...                     "=HYPERLINK(\"x\");;GM0014;;;2\n"
    ...                     "Praktijk C;;;52,37;4,9;1\n", encoding="utf-8")
    >>> table = read_practice_list(path)
    >>> table[["row", "name", "pc4", "statcode", "lon", "lat", "gps"]]
       row             name   pc4 statcode  lon    lat  gps
    0    2       Praktijk A  1011      NaN  NaN    NaN    3
    1    3  =HYPERLINK("x")   NaN   GM0014  NaN    NaN    2
    2    4       Praktijk C   NaN      NaN  4.9  52.37    1
    >>> _ = path.write_text("naam,postcode,lat\nPraktijk A,12AB,\nPraktijk B,,48.86\nPraktijk C,,\n")
    >>> read_practice_list(path)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: .../made_up_practices.csv: 3 problem(s) in the practice list; nothing was read:
      row 2, column postcode (B): '12AB' is not a Dutch postcode: write 4 digits and 2 letters, e.g. 1011 AB.
      row 3, column lat (C): lat without lon; give both (WGS84 degrees), or neither.
      row 4: no location. Give each practice a postcode (1011 AB), pc4 (1011), ...
    """
    path, cells = open_cells(path, sheet, encoding)
    cols = _columns(path, cells.header)
    return _parse_rows(path, cells, cols)


def open_cells(path: str | Path, sheet: str | int | None = None, encoding: str | None = None) -> tuple[Path, _Cells]:
    """Read a user's CSV or Excel file as text cells with the row numbers a spreadsheet shows (practice, trainer lists).

    Parameters
    ----------
    path
        A ``.csv``, ``.xlsx`` or ``.xlsm`` file.
    sheet
        Sheet of an Excel file (default the first).
    encoding
        Text encoding of a CSV file (default ``--encoding``, else UTF-8 or cp1252 with a warning).

    Returns
    -------
    tuple
        The path and its cells.

    Raises
    ------
    DataNotFoundError
        If the file does not exist.
    InputError
        For ``.xls``/``.ods`` files.
    """
    path = Path(path)
    if not path.is_file():
        raise DataNotFoundError(f"File not found: {path}", key="file_not_found", path=path)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods"):
        raise InputError(f"{path}: regio reads .xlsx and .csv files, not {suffix}; save it as .xlsx or .csv.",
                         key="src.list_format", path=path, suffix=suffix)
    return path, (_read_excel_cells(path, sheet) if suffix in (".xlsx", ".xlsm")
                  else _read_csv_cells(path, encoding or user_encoding()))


def header_roles(path: Path, header: list[str], of: dict[str, str], what: str | RegioWarning) -> dict[str, int]:
    """Role -> column number of a header; one error for headers given twice or two columns of one role.

    Parameters
    ----------
    path
        The file (for the message).
    header
        The header cells (row 1).
    of
        Normalised column name -> role.
    what
        What the file is, for the message ("the practice list").

    Returns
    -------
    dict
        Role -> 0-based column number.

    Examples
    --------
    >>> header_roles(Path("l.csv"), ["Postcode", "naam"], {"postcode": "postcode", "naam": "name"}, "a list")
    {'postcode': 0, 'name': 1}
    """
    problems, seen, roles = [], {}, {}
    for i, name in enumerate(header):
        key = _normalise(name)
        if not key:
            continue
        if key in seen:
            problems.append(said(f"row 1 (the header): columns {_letter(seen[key])} and {_letter(i)} are both named "
                                 f"{name!r}: a duplicate header; rename or delete one.", "src.p_header_twice",
                                 first=_letter(seen[key]), second=_letter(i), name=name))
            continue
        seen[key] = i
        role = of.get(key)
        if role is None:
            continue
        if role in roles:
            j = roles[role]
            problems.append(said(f"row 1 (the header): columns {header[j]!r} ({_letter(j)}) and {name!r} "
                                 f"({_letter(i)}) both give the {role.replace('_', ' ')}; keep one.",
                                 "src.p_role_twice", first=header[j], first_letter=_letter(j), name=name,
                                 letter=_letter(i), role=role.replace("_", " ")))
            continue
        roles[role] = i
    if problems:
        raise _problems_error(path, what, problems)
    return roles


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    """Role -> column number of a practice list; an error without a column that says where."""
    roles = header_roles(path, header, _ROLE_OF, _WHAT_LIST)
    if not {"postcode", "pc4", "statcode", "lon", "lat"} & set(roles):
        raise InputError(f"{path}, row 1 (the header): no column says where the practices are; the columns are "
                         f"{', '.join(map(repr, header))}. Add one of: {_ACCEPTED}.", key="src.list_no_location_column",
                         path=path, columns=", ".join(map(repr, header)))
    return roles


def _parse_rows(path: Path, cells: _Cells, cols: dict[str, int]) -> pd.DataFrame:
    header = cells.header
    where = {role: column_label(header, i) for role, i in cols.items()}
    normal_header = [_normalise(h) for h in header]
    problems: list[str | RegioWarning] = []
    unlocated: list[int] = []
    blank: list[int] = []
    out: dict[str, list] = {k: [] for k in ("row", "name", "postcode", "pc4", "statcode", "lon", "lat", "gps",
                                            "fte")}
    for number, row in zip(cells.numbers, cells.rows, strict=True):
        if not any(row):
            blank.append(number)
            continue
        padded = [*row[:len(header)], *[None] * (len(header) - len(row))]
        if [_normalise(c or "") for c in padded] == normal_header:
            problems.append(said(f"row {number}: repeats the header (row 1), a duplicate header; delete the row.",
                                 "src.p_header_repeated", row=number))
            continue
        get = {role: _cell(row, i) for role, i in cols.items()}
        postcode, pc4, statcode = place_cells(number, get, where, problems)
        lon, lat, located_by_point = _coordinates(number, get, where, problems)
        given = get.get("postcode") or get.get("pc4") or get.get("statcode")
        if pc4 is None and statcode is None and not located_by_point and not given:
            unlocated.append(number)
        out["row"].append(number)
        out["name"].append(get.get("name"))
        out["postcode"].append(postcode)
        out["pc4"].append(pc4)
        out["statcode"].append(statcode)
        out["lon"].append(lon)
        out["lat"].append(lat)
        out["gps"].append(_count(number, "gps", get, where, problems, whole=True))
        out["fte"].append(_count(number, "fte", get, where, problems, whole=False))
    if unlocated:
        label = "row" if len(unlocated) == 1 else "rows"
        problems.append(said(f"{label} {_rows_text(unlocated)}: no location. Give each practice a {_ACCEPTED}.",
                             "src.p_row_no_location" if len(unlocated) == 1 else "src.p_rows_no_location",
                             rows=_rows_text(unlocated)))
    if problems:
        raise _problems_error(path, _WHAT_LIST, problems)
    frame = pd.DataFrame(out)
    frame["lon"] = frame["lon"].astype(float)
    frame["lat"] = frame["lat"].astype(float)
    for role in ("postcode", "pc4", "statcode", "name"):
        frame[role] = frame[role].astype(object)
    if "name" not in cols:
        frame = frame.drop(columns="name")
    if "gps" in cols:
        frame["gps"] = frame["gps"].astype("int64")
    else:
        frame = frame.drop(columns="gps")
    if "fte" in cols:
        frame["fte"] = frame["fte"].astype(float)
    else:
        frame = frame.drop(columns="fte")
    used = set(cols.values())
    frame.attrs = {"source": f"practice list {path}", "path": str(path), "derived": False,
                   "columns": {role: header[i] for role, i in cols.items()},
                   "column_letters": {role: _letter(i) for role, i in cols.items()},
                   "ignored": [h for i, h in enumerate(header) if h and i not in used], "blank_rows": blank}
    return frame


def place_cells(number: int, get: dict[str, str | None], where: dict[str, str | RegioWarning],
                problems: list[str | RegioWarning]) -> tuple[str | None, str | None, str | None]:
    """Read a row's postcode, PC4 and municipal code cells: ``(postcode, pc4, statcode)``, problems appended.

    ``get`` holds the row's cells by role (``postcode``, ``pc4``, ``statcode``), ``where`` their column labels
    (``column postcode (B)``). A postcode gives its PC4; a PC4 that disagrees with it is a problem.

    Examples
    --------
    >>> problems = []
    >>> place_cells(2, {"postcode": "1011 ab", "statcode": "363"}, {}, problems), problems
    (('1011AB', '1011', 'GM0363'), [])
    """
    postcode = pc4 = statcode = None
    if (text := get.get("postcode")) is not None:
        m = _POSTCODE.fullmatch(text)
        if m:
            postcode = m.group(1) + m.group(2).upper() if m.group(2) else None
            pc4 = m.group(1)
        else:
            problems.append(said(f"row {number}, {where['postcode']}: {text!r} is not a Dutch postcode: write 4 "
                                 "digits and 2 letters, e.g. 1011 AB.", "src.p_not_a_postcode", row=number,
                                 where=where["postcode"], text=text))
    if (text := get.get("pc4")) is not None:
        if _PC4.fullmatch(text):
            if pc4 is not None and pc4 != text:
                problems.append(said(f"row {number}, {where['pc4']}: PC4 {text} differs from the postcode "
                                     f"{get['postcode']!r}; correct one of them.", "src.p_pc4_differs", row=number,
                                     where=where["pc4"], text=text, postcode=get["postcode"]))
            pc4 = text
        else:
            problems.append(said(f"row {number}, {where['pc4']}: {text!r} is not a PC4 code: write the 4 digits "
                                 "of the postcode, e.g. 1011.", "src.p_not_a_pc4", row=number, where=where["pc4"],
                                 text=text))
    if (text := get.get("statcode")) is not None:
        m = _GM.fullmatch(text.replace(" ", ""))
        if m:
            statcode = f"GM{int(m.group(1)):04d}"
        else:
            problems.append(said(f"row {number}, {where['statcode']}: {text!r} is not a municipal code: write GM "
                                 "and 4 digits, e.g. GM0363 (Amsterdam).", "src.p_not_a_gm_code", row=number,
                                 where=where["statcode"], text=text, example="GM0363 (Amsterdam)"))
    return postcode, pc4, statcode


def _coordinates(number: int, get: dict[str, str | None], where: dict[str, str | RegioWarning],
                 problems: list[str | RegioWarning]) -> tuple[float, float, bool]:
    """Longitude and latitude of a row (NaN where not given) and whether they locate it."""
    lon_text, lat_text = get.get("lon"), get.get("lat")
    if lon_text is None and lat_text is None:
        return np.nan, np.nan, False
    if lon_text is None or lat_text is None:
        have, lack = ("lon", "lat") if lat_text is None else ("lat", "lon")
        problems.append(said(f"row {number}, {where[have]}: {have} without {lack}; give both (WGS84 degrees), or "
                             "neither.", "src.p_half_a_point", row=number, where=where[have], have=have, lack=lack))
        return np.nan, np.nan, True
    lon, lat = _number(lon_text), _number(lat_text)
    bad = [(role, text) for role, text, value in (("lon", lon_text, lon), ("lat", lat_text, lat)) if value is None]
    for role, text in bad:
        problems.append(said(f"row {number}, {where[role]}: {text!r} is not a number of degrees (e.g. "
                             f"{'4.9' if role == 'lon' else '52.37'}).{_formula_hint(text)}", "src.p_not_degrees",
                             row=number, where=where[role], text=text, example="4.9" if role == "lon" else "52.37",
                             formula=_formula_hint(text)))
    if bad:
        return np.nan, np.nan, True
    assert lon is not None
    assert lat is not None
    inside_lon = NL_LON[0] <= lon <= NL_LON[1]
    inside_lat = NL_LAT[0] <= lat <= NL_LAT[1]
    if inside_lon and inside_lat:
        return lon, lat, True
    if abs(lon) > 1000 or abs(lat) > 1000:
        hint = said("these look like RD coordinates in metres (EPSG:28992); give WGS84 degrees (e.g. lon 4.9, "
                    "lat 52.37), or the postcode", "src.hint_rd_coordinates")
    elif NL_LON[0] <= lat <= NL_LON[1] and NL_LAT[0] <= lon <= NL_LAT[1]:
        hint = said("lon and lat look swapped (in the Netherlands lon is about 3-7, lat about 51-53); swap them",
                    "src.hint_swapped")
    else:
        hint = said("check the coordinates (WGS84 degrees), or give the postcode instead", "src.hint_check_point")
    for role, value, ok, box in (("lon", lon, inside_lon, NL_LON), ("lat", lat, inside_lat, NL_LAT)):
        if not ok:
            problems.append(said(f"row {number}, {where[role]}: {role} {value:g} lies outside the Netherlands "
                                 f"({box[0]} to {box[1]}); {hint}.", "src.p_outside_nl", row=number,
                                 where=where[role], role=role, value=f"{value:g}", low=str(box[0]), high=str(box[1]),
                                 hint=hint))
    return np.nan, np.nan, True


def _count(number: int, role: str, get: dict[str, str | None], where: dict[str, str | RegioWarning],
           problems: list[str | RegioWarning], *,
           whole: bool) -> float:
    if role not in where:
        return np.nan
    text = get.get(role)
    what = "number of GPs" if role == "gps" else "FTE"
    if text is None:
        problems.append(said(f"row {number}, {where[role]}: empty; fill in the {what} (0 or more), or delete the "
                             "column to count practices only.", "src.p_gps_empty" if role == "gps" else
                             "src.p_fte_empty", row=number, where=where[role]))
        return np.nan
    value = (float(text) if _WHOLE.fullmatch(text) else None) if whole else _number(text)
    if value is None or value < 0:
        kind = "a whole number of GPs" if whole else "a number of FTE"
        problems.append(said(f"row {number}, {where[role]}: {text!r} is not {kind} (0 or more).{_formula_hint(text)}",
                             "src.p_not_gps" if whole else "src.p_not_fte", row=number, where=where[role], text=text,
                             formula=_formula_hint(text)))
        return np.nan
    return value
