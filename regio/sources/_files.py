"""File helpers shared by the loaders: locating files and reading tables robustly."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from pathlib import Path

import pandas as pd

from regio.config import ENV_VAR, data_dir, data_dir_origin, default_data_dir
from regio.errors import DataNotFoundError, InputError

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


def no_data_hint(root: str | Path | None = None) -> str:
    """How to get data, naming the data directory ``regio data fetch`` would write into.

    Parameters
    ----------
    root
        The data directory in use (``None``: :func:`regio.config.data_dir`).

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
    """
    root = data_dir(root)
    where = (f"the user cache directory {root}" if root == default_data_dir() else str(root.absolute()))
    return (f"How to get data: when online, run `regio data fetch --year 2024` (CBS StatLine and PDOK downloads "
            f"into {where}); or point the environment variable {ENV_VAR} (or `regio --data-dir DIR`) at a folder "
            f"laid out like shared/data ({_LAYOUT}).")


def _missing_dir_message(root: Path, origin: str) -> str:
    """Say that the data directory does not exist, where its path came from, and how to fix it (one line)."""
    text = f"No regio data directory at {root}"
    if origin == "default":
        return (f"{text} (the user cache directory: neither --data-dir nor {ENV_VAR} is set). "
                f"{no_data_hint(root)}")
    if not root.is_absolute():
        cwd = Path.cwd()
        resolved = Path(os.path.abspath(root))
        # the folder the path was probably meant from: a parent of the current one where it exists
        found = next((Path(os.path.abspath(p / root)) for p in cwd.parents if (p / root).is_dir()), None)
        seen = f" (from a parent folder it would be {found}, which exists)" if found else ""
        # the option as the user gave it: the environment variable, the command line's --data-dir, or Python's data_dir=
        name = {ENV_VAR: ENV_VAR, "--data-dir": "--data-dir"}.get(origin, "data_dir=")
        example = {ENV_VAR: f"{ENV_VAR}=", "--data-dir": "--data-dir "}.get(origin, "data_dir=")
        # suggest a folder only where one exists (the resolved path does not)
        fix = (f"Give an absolute path, e.g. {example}{found.as_posix()}" if found
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
        raise DataNotFoundError(_missing_dir_message(root, data_dir_origin(path)))
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
        hint = (no_data_hint(root) if parts[0] in _FETCHED_DIRS else
                f"`regio data fetch` does not download it: point {ENV_VAR} (or `regio --data-dir DIR`) at a full "
                f"data directory laid out like shared/data, or copy {'/'.join(parts)} from one into {root}.")
        raise DataNotFoundError(f"Missing {label}file {path}. {hint}")
    return path


_DECIMAL_COMMA = re.compile(r"^\s*-?\d{1,3}(\.\d{3})*,\d+\s*$|^\s*-?\d+,\d+\s*$")


def _sniff_sep(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def read_table(path: str | Path, *, sheet: str | int | None = 0, dtype: dict | None = None) -> pd.DataFrame:
    r"""Read a CSV (any of ``, ; tab``, optional BOM) or Excel file into a frame of strings.

    Everything is read as text so that codes keep their leading zeros and the
    caller decides, column by column, how to parse numbers (see
    :func:`regio.validate.to_numeric`, which also handles decimal commas).

    Parameters
    ----------
    path
        A ``.csv`` (or other text) file, or an Excel file (``.xlsx``,
        ``.xlsm``, ``.xls``).
    sheet
        Sheet name or number of an Excel file.
    dtype
        Accepted for compatibility; every column is read as text regardless.

    Returns
    -------
    pandas.DataFrame
        Text columns (empty cells NaN), header names stripped;
        ``attrs["path"]`` is the file.

    Raises
    ------
    DataNotFoundError
        If the file does not exist.
    InputError
        If it cannot be parsed, naming the file.

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
    """
    path = Path(path)
    if not path.is_file():
        raise DataNotFoundError(f"File not found: {path}")
    suffix = path.suffix.lower()
    try:
        if suffix in {".xlsx", ".xlsm", ".xls"}:
            frame = pd.read_excel(path, sheet_name=sheet, dtype=str)
        else:
            text = path.read_text(encoding="utf-8-sig")
            frame = pd.read_csv(io.StringIO(text), sep=_sniff_sep(text), dtype=str,
                                keep_default_na=False, na_values=[""])
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(f"Cannot read {path}: {exc}") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.attrs["path"] = str(path)
    return frame
