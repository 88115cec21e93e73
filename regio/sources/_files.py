"""File helpers shared by the loaders: locating files and reading tables robustly."""

from __future__ import annotations

import codecs
import csv
import logging
import os
import re
import warnings
from pathlib import Path

import pandas as pd

from regio.config import ENV_VAR, check_encoding, data_dir, data_dir_origin, default_data_dir
from regio.errors import DataNotFoundError, InputError, RegioWarning

__all__ = [
    "NO_DATA_HINT",
    "data_file",
    "no_data_hint",
    "read_table",
    "require_data_dir",
]

log = logging.getLogger(__name__)

_LAYOUT = "boundaries/, tables/, physicians/, crosswalks/, training_institutes/, capaciteitsorgaan/"

#: How to get data, without naming a directory; :func:`no_data_hint` names the one in use.
NO_DATA_HINT = (
    "How to get data: when online, run `regio data fetch --year 2024` (CBS StatLine and "
    "PDOK downloads into the data directory in use; `regio data path` prints it); or point the environment "
    f"variable {ENV_VAR} (or `regio --data-dir DIR`) at a folder laid out like shared/data ({_LAYOUT})."
)

#: Folders that ``regio data fetch`` writes into; other files come only from a full data directory.
_FETCHED_DIRS = ("boundaries", "tables", "physicians")

_ORIGIN = {"--data-dir": "given with --data-dir", ENV_VAR: f"from {ENV_VAR}", "data_dir": "given as data_dir"}


def _where(root: Path, lang: str = "en") -> str:
    """Return the data directory ``regio data fetch`` writes into, as :func:`no_data_hint` names it."""
    if root != default_data_dir():
        return str(root.absolute())
    return f"de gebruikerscachemap {root}" if lang == "nl" else f"the user cache directory {root}"


def no_data_hint(root: str | Path | None = None, lang: str = "en") -> str:
    """How to get data, naming the data directory ``regio data fetch`` would write into.

    Parameters
    ----------
    root
        The data directory in use (``None``: :func:`regio.config.data_dir`).
    lang
        ``"en"`` (for the English message of an error) or ``"nl"``.

    Returns
    -------
    str
        One line: ``regio data fetch`` downloads into ``root`` (said to be the
        user cache directory only when it is the default one), or point
        ``REGIO_DATA_DIR`` / ``--data-dir`` at a folder laid out like shared/data.

    Examples
    --------
    >>> print(no_data_hint("/srv/regio-data"))  # doctest: +NORMALIZE_WHITESPACE
    How to get data: when online, run `regio data fetch --year 2024` (CBS StatLine and PDOK downloads into
    /srv/regio-data); or point the environment variable REGIO_DATA_DIR (or `regio --data-dir DIR`) at a folder
    laid out like shared/data (boundaries/, tables/, physicians/, crosswalks/, training_institutes/,
    capaciteitsorgaan/).
    >>> "into the user cache directory" in no_data_hint(default_data_dir())
    True
    >>> no_data_hint("/srv/regio-data", "nl").startswith("Gegevens krijgen: draai online `regio data fetch")
    True
    """
    where = _where(data_dir(root), lang)
    if lang == "nl":
        return (f"Gegevens krijgen: draai online `regio data fetch --year 2024` (downloadt van CBS StatLine en PDOK "
                f"naar {where}), of wijs met de omgevingsvariabele {ENV_VAR} (of `regio --data-dir MAP`) een map aan "
                f"die is ingedeeld als shared/data ({_LAYOUT}).")
    return (f"How to get data: when online, run `regio data fetch --year 2024` (CBS StatLine and PDOK downloads "
            f"into {where}); or point the environment variable {ENV_VAR} (or `regio --data-dir DIR`) at a folder "
            f"laid out like shared/data ({_LAYOUT}).")


def _relative_facts(root: Path, origin: str) -> dict[str, object]:
    """Return what the message on a relative data directory that does not exist is made of.

    The current folder, the path it gives, a parent folder's path where it exists (``found``, a POSIX
    string, or ``""``), and the option as the user gave it (``name``; ``example`` to write before a path).
    """
    cwd = Path.cwd()
    # the folder the path was probably meant from: a parent of the current one where it exists
    found = next((Path(os.path.abspath(p / root)) for p in cwd.parents if (p / root).is_dir()), None)
    # the option as the user gave it: the environment variable, the command line's --data-dir, or Python's data_dir=
    return {"cwd": cwd, "resolved": Path(os.path.abspath(root)), "found": found.as_posix() if found else "",
            "name": {ENV_VAR: ENV_VAR, "--data-dir": "--data-dir"}.get(origin, "data_dir="),
            "example": {ENV_VAR: f"{ENV_VAR}=", "--data-dir": "--data-dir "}.get(origin, "data_dir=")}


def _missing_dir_message(root: Path, origin: str) -> str:
    """Say that the data directory does not exist, where its path came from, and how to fix it (one line)."""
    text = f"No regio data directory at {root}"
    if origin == "default":
        return (f"{text} (the user cache directory: neither --data-dir nor {ENV_VAR} is set). "
                f"{no_data_hint(root)}")
    if not root.is_absolute():
        facts = _relative_facts(root, origin)
        cwd, resolved, found, name, example = (facts[k] for k in ("cwd", "resolved", "found", "name", "example"))
        seen = f" (from a parent folder it would be {found}, which exists)" if found else ""
        # suggest a folder only where one exists (the resolved path does not)
        fix = (f"Give an absolute path, e.g. {example}{found}" if found
               else f"Give {name} an absolute path (of an existing folder laid out like shared/data)")
        return (f"{text} ({_ORIGIN.get(origin, origin)}): a relative path is taken relative to the current folder "
                f"{cwd}, which gives {resolved}, and that does not exist{seen}. {fix}.")
    give = {"--data-dir": "Give --data-dir", ENV_VAR: f"Point {ENV_VAR} at"}.get(origin,
                                                                                f"Give data_dir (or {ENV_VAR})")
    return (f"{text} ({_ORIGIN.get(origin, origin)}). {give} an existing folder laid out like shared/data "
            f"({_LAYOUT}), or run `regio data fetch --year 2024` when online to download the data into {root}.")


def require_data_dir(path: str | Path | None = None) -> Path:
    """Return the data directory, or raise one clear error if it does not exist.

    Parameters
    ----------
    path
        Explicit data directory; ``None`` takes the one in use
        (:func:`regio.config.data_dir`: ``--data-dir``, ``REGIO_DATA_DIR``, the
        user cache directory).

    Returns
    -------
    pathlib.Path
        The data directory, which exists.

    Raises
    ------
    DataNotFoundError
        If the folder does not exist: one line naming it, where its path came
        from (``--data-dir``, ``REGIO_DATA_DIR``, the user cache directory)
        and the fix; a relative path is shown resolved against the current
        folder, with the advice to give an absolute one.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> root = Path(tempfile.mkdtemp())
    >>> require_data_dir(root) == root
    True
    >>> require_data_dir(root / "nowhere")
    Traceback (most recent call last):
    ...
    regio.errors.DataNotFoundError: No regio data directory at .../nowhere (given as data_dir). Give data_dir (or ...
    >>> with mock.patch.dict(os.environ, {ENV_VAR: "../no/such/data"}):
    ...     require_data_dir()
    Traceback (most recent call last):
    ...
    regio.errors.DataNotFoundError: No regio data directory at ../no/such/data (from REGIO_DATA_DIR): a relative path \
is taken relative to the current folder ..., which gives /.../no/such/data, and that does not exist. Give \
REGIO_DATA_DIR an absolute path (of an existing folder laid out like shared/data).
    """
    root = data_dir(path)
    if not root.is_dir():
        origin = data_dir_origin(path)
        message = _missing_dir_message(root, origin)
        if origin != "default" and not root.is_absolute():  # its own advice: the folder it is relative to
            facts = _relative_facts(root, origin)
            raise DataNotFoundError(
                message, key="sources.no_data_dir.relative_found" if facts["found"] else "sources.no_data_dir.relative",
                path=root, origin=origin, cwd=facts["cwd"], resolved=facts["resolved"], found=facts["found"],
                name=facts["name"], example=facts["example"])
        raise DataNotFoundError(message, key="no_data_dir.default" if origin == "default" else "no_data_dir.given",
                                path=root, origin=origin, layout=_LAYOUT)
    return root


def data_file(*parts: str, data_dir: str | Path | None = None, what: str | None = None) -> Path:
    r"""Return the path of a file in the data directory, or raise naming what is missing.

    Parameters
    ----------
    *parts
        Path components below the data directory, e.g. ``("tables", "x.csv")``.
    data_dir
        Explicit data directory.
    what
        Description for the error message.

    Returns
    -------
    pathlib.Path
        The file, which exists.

    Raises
    ------
    DataNotFoundError
        If the data directory or the file does not exist (naming ``what`` and
        saying how to get data).

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "tables").mkdir()
    >>> _ = (root / "tables" / "a.csv").write_text("x\n1\n")
    >>> data_file("tables", "a.csv", data_dir=root).relative_to(root).as_posix()
    'tables/a.csv'
    >>> data_file("tables", "b.csv", data_dir=root, what="population")
    Traceback (most recent call last):
    ...
    regio.errors.DataNotFoundError: Missing population file .../tables/b.csv. How to get data: ...
    """
    root = require_data_dir(data_dir)
    path = root.joinpath(*parts)
    if not path.is_file():
        label = f"{what} " if what else ""
        inside = "/".join(parts)
        if parts[0] in _FETCHED_DIRS:
            cache = root == default_data_dir()  # named as the user cache directory
            raise DataNotFoundError(f"Missing {label}file {path}. {no_data_hint(root)}",
                                    key="sources.missing_file.cache" if cache else "sources.missing_file",
                                    label=label, path=path, root=root.absolute(), layout=_LAYOUT)
        raise DataNotFoundError(
            f"Missing {label}file {path}. `regio data fetch` does not download it: point {ENV_VAR} (or `regio "
            f"--data-dir DIR`) at a full data directory laid out like shared/data, or copy {inside} from one into "
            f"{root}.", key="sources.missing_file.not_fetched", label=label, path=path, inside=inside, root=root)
    return path


_DECIMAL_COMMA = re.compile(r"^\s*-?\d{1,3}(\.\d{3})*,\d+\s*$|^\s*-?\d+,\d+\s*$")


def _sniff_sep(text: str) -> str:
    r"""Return the separator of a CSV text: the one of ``, ; tab`` that splits its header into most columns.

    The header decides, not a sample of the rows, whose names and decimal commas (``"Praktijk, Dam";4,9``)
    mislead a sniffer. A header of one column is read with commas.

    Examples
    --------
    >>> _sniff_sep('naam;lon\n"Praktijk, Dam";4,9\n'), _sniff_sep("naam,lon\nA,4.9\n"), _sniff_sep("naam\n")
    (';', ',', ',')
    >>> _sniff_sep("gemeente\tjaar\taantal\nGM0014\t2024\t5\n")
    '\t'
    """
    first = text.splitlines()[0] if text else ""
    counts = {sep: len(next(csv.reader([first], delimiter=sep), [])) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 1 else ","


def read_table(path: str | Path, *, sheet: str | int | None = 0, dtype: dict | None = None,
               encoding: str | None = None) -> pd.DataFrame:
    r"""Read a CSV (any of ``, ; tab``, optional BOM) or Excel file into a frame of strings.

    Everything is read as text so that codes keep their leading zeros and the
    caller decides, column by column, how to parse numbers (see
    :func:`regio.validate.to_numeric`, which also handles decimal commas).

    A text file is UTF-8 unless ``encoding`` says otherwise; one that is not
    (Excel's "CSV" on Windows writes Windows-1252) is read as Windows-1252
    with a :class:`~regio.errors.RegioWarning` naming the first byte that is
    not UTF-8. An Excel file whose first sheet is empty is read from its only
    sheet with data, with a warning; with several, the error names them.

    Parameters
    ----------
    path
        A ``.csv`` (or other text) file, or an Excel file (``.xlsx``,
        ``.xlsm``, ``.xls``).
    sheet
        Sheet name or number of an Excel file.
    dtype
        Accepted for compatibility; every column is read as text regardless.
    encoding
        The text file's encoding (e.g. ``"cp1252"``); default UTF-8 with the
        Windows-1252 fallback above.

    Returns
    -------
    pandas.DataFrame
        Text columns (empty cells NaN), header names stripped;
        ``attrs["path"]`` is the file, ``attrs["sheets"]`` the sheet names of
        an Excel file.

    Raises
    ------
    DataNotFoundError
        If the file does not exist.
    InputError
        If it cannot be parsed (not a table, not an Excel workbook, an unknown
        sheet, an encoding that does not fit), naming the file and the fix.

    Examples
    --------
    A semicolon-separated file with a byte-order mark, as Excel writes it:

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "counts.csv"
    >>> _ = path.write_text("\ufeffpc4 ; aantal\n0101;1.234,5\n1011;\n", encoding="utf-8")
    >>> table = read_table(path)
    >>> table.columns.tolist(), table["pc4"].tolist()
    (['pc4', 'aantal'], ['0101', '1011'])
    >>> table["aantal"].isna().tolist()
    [False, True]

    Windows-1252, as Excel's plain "CSV" writes it on Windows:

    >>> _ = path.write_text("gemeente;naam\nGM1900;Súdwest-Fryslân\n", encoding="cp1252")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     read_table(path)["naam"].tolist()
    ['Súdwest-Fryslân']
    >>> print(str(caught[0].message).replace(str(path), "counts.csv"))  # doctest: +ELLIPSIS
    counts.csv is not UTF-8 (byte 0xfa at position 22): read as Windows-1252 (cp1252), as Excel writes CSV ...
    """
    path = Path(path)
    if not path.is_file():
        raise DataNotFoundError(f"File not found: {path}", key="file_not_found", path=path)
    suffix = path.suffix.lower()
    try:
        frame = _read_excel(path, sheet) if suffix in {".xlsx", ".xlsm", ".xls"} else _read_text(path, encoding)
    except PermissionError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}. Give regio a file it may read.", key="cannot_read",
                         path=path, reason=exc.strerror) from exc
    except (ValueError, pd.errors.ParserError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"Cannot read {path}: {exc}", key="sources.cannot_parse", path=path, reason=exc) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.attrs["path"] = str(path)
    return frame


#: Bytes read to find the separator (and the first lines); the file itself is read by pandas from disk.
_SAMPLE = 64 * 1024


def text_encoding(path: Path, encoding: str | None = None, *, stacklevel: int = 5) -> str:
    r"""Return the encoding to read a text file with: ``encoding``, else UTF-8, else cp1252 with a warning.

    A file that is not UTF-8 is read as Windows-1252 (as Excel writes CSV on Windows), saying so with
    the first byte that is not UTF-8; one that is neither is an error naming the bytes and the fix.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "praktijken.csv"
    >>> _ = path.write_bytes("naam\nSúdwest-Fryslân\n".encode("utf-8"))
    >>> text_encoding(path)
    'utf-8-sig'
    """
    chosen = encoding or "utf-8-sig"
    if encoding is not None:
        try:
            check_encoding(encoding, where=f" for {path}")
        except ValueError as exc:
            raise InputError(str(exc), key="sources.unknown_encoding", encoding=encoding, path=path) from None
    else:
        bad = _first_undecodable(path, "utf-8")
        if bad is not None:
            position, byte = bad
            chosen = "cp1252"
            other = _first_undecodable(path, chosen)
            if other is not None:
                raise InputError(
                    f"{path} is not UTF-8 (byte 0x{byte:02x} at position {position}) nor Windows-1252 (byte "
                    f"0x{other[1]:02x} at position {other[0]}): save it as UTF-8 (in Excel: Save as, CSV UTF-8), or "
                    "give the encoding it was saved in with --encoding (encoding= in Python).",
                    key="sources.not_utf8_nor_cp1252", path=path, byte=byte, position=position, other_byte=other[1],
                    other_position=other[0],
                )
            warnings.warn(RegioWarning(
                f"{path} is not UTF-8 (byte 0x{byte:02x} at position {position}): read as Windows-1252 (cp1252), "
                "as Excel writes CSV on Windows. Check the names with accents; give --encoding (e.g. --encoding "
                "latin-1; encoding= in Python) if it is another, or save it as UTF-8 (in Excel: Save as, CSV "
                "UTF-8) to silence this warning.", key="sources.read_as_cp1252", path=path, byte=byte,
                position=position,
            ), stacklevel=stacklevel)
    return chosen


def _read_text(path: Path, encoding: str | None) -> pd.DataFrame:
    """Read a text table with pandas straight from the file (no copy of its text in memory)."""
    chosen = text_encoding(path, encoding)
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE)
    try:
        sample = head.decode(chosen, errors="ignore" if len(head) == _SAMPLE else "strict")
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"Cannot read {path} as {chosen}: {exc}. Save it as UTF-8, or give the encoding "
                         "it was saved in (--encoding, encoding= in Python).", key="sources.wrong_encoding",
                         path=path, encoding=chosen, reason=exc) from None
    sample = sample.removeprefix("\ufeff")
    lines = sample.splitlines()
    if len(head) == _SAMPLE and len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut off
    try:
        return pd.read_csv(path, sep=_sniff_sep("\n".join(lines)), dtype=str, keep_default_na=False,
                           na_values=[""], encoding=chosen)
    except UnicodeDecodeError as exc:  # an encoding given that does not fit
        raise InputError(f"Cannot read {path} as {chosen}: {exc}. Save it as UTF-8, or give the encoding "
                         "it was saved in (--encoding, encoding= in Python).", key="sources.wrong_encoding",
                         path=path, encoding=chosen, reason=exc) from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{path} is empty: it has no header line (the column names) and no rows.", key="empty_file",
                         path=path) from None


def _first_undecodable(path: Path, encoding: str) -> tuple[int, int] | None:
    """Return the position and value of the first byte ``encoding`` cannot decode, or None; read in blocks."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as handle:
        while True:
            block = handle.read(1 << 22)
            pending = len(decoder.getstate()[0])  # bytes of a character cut off at the end of the last block
            try:
                decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                return offset - pending + exc.start, exc.object[exc.start]
            if not block:
                return None
            offset += len(block)


def _read_excel(path: Path, sheet: str | int | None) -> pd.DataFrame:
    """Read an Excel sheet as text; a file that is no workbook, an unknown or empty sheet is said, with the sheets."""
    try:
        book = pd.ExcelFile(path)
    except Exception as exc:  # zip, XML and engine errors alike: the file is no workbook
        with path.open("rb") as handle:
            head = handle.read(512).lstrip().lower()
        kind = ("html" if head.startswith((b"<!doctype html", b"<html")) else
                "text" if head and all(32 <= b < 127 or b in b"\t\r\n" for b in head[:200]) else "other")
        looks = {"html": "an HTML page", "text": "text (CSV?)", "other": "something else"}[kind]
        message = (f"{path} is not an Excel workbook ({type(exc).__name__}: {exc}); it looks like {looks}. If it is "
                   f"CSV text, rename it to {path.with_suffix('.csv').name}; else open it in Excel and save it as "
                   ".xlsx.")
        said = {"path": path, "kind": type(exc).__name__, "reason": exc, "csv": path.with_suffix(".csv").name}
        if kind == "html":
            raise InputError(message, key="sources.excel.html", path=said["path"], kind=said["kind"],
                             reason=said["reason"], csv=said["csv"]) from None
        raise InputError(message, key="sources.excel.text" if kind == "text" else "sources.excel.other",
                         path=said["path"], kind=said["kind"], reason=said["reason"], csv=said["csv"]) from None
    names = [str(n) for n in book.sheet_names]
    with book:
        if isinstance(sheet, str) and sheet not in names:
            raise InputError(f"{path} has no sheet {sheet!r}; its sheets are {', '.join(map(repr, names))}.",
                             key="sources.excel.no_sheet", path=path, sheet=sheet, sheets=", ".join(map(repr, names)))
        if isinstance(sheet, int) and not 0 <= sheet < len(names):
            raise InputError(f"{path} has no sheet number {sheet} (counting from 0); its sheets are "
                             f"{', '.join(map(repr, names))}.", key="sources.excel.no_sheet_number", path=path,
                             sheet=sheet, sheets=", ".join(map(repr, names)))
        frame = pd.read_excel(book, sheet_name=sheet, dtype=str)
        if sheet == 0 and frame.empty and len(frame.columns) == 0 and len(names) > 1:
            others = {n: pd.read_excel(book, sheet_name=n, dtype=str) for n in names[1:]}
            full = [n for n, f in others.items() if len(f.columns)]
            if len(full) == 1:
                warnings.warn(RegioWarning(
                    f"{path}: the first sheet {names[0]!r} is empty; read the sheet {full[0]!r}, the only "
                    "one with data. Put the table on the first sheet to silence this warning.",
                    key="sources.excel.first_sheet_empty", path=path, first=names[0], sheet=full[0]), stacklevel=5)
                frame = others[full[0]]
            elif full:
                raise InputError(f"{path}: the first sheet {names[0]!r} is empty and several others have data "
                                 f"({', '.join(map(repr, full))}): put the table on the first sheet (regio reads "
                                 "the first), or in Python pass sheet=NAME.", key="sources.excel.several_sheets",
                                 path=path, first=names[0], sheets=", ".join(map(repr, full)))
    frame.attrs["sheets"] = names
    return frame
