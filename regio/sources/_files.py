"""File helpers shared by the loaders: locating files and reading tables robustly."""

from __future__ import annotations

import csv
import io
import logging
import re
from pathlib import Path

import pandas as pd

from regio.config import ENV_VAR, data_dir
from regio.errors import DataNotFoundError, InputError

__all__ = [
    "NO_DATA_HINT",
    "data_file",
    "read_table",
    "require_data_dir",
]

log = logging.getLogger(__name__)

NO_DATA_HINT = (
    "How to get data: when online, run `regio data fetch --year 2024` (CBS StatLine and "
    "PDOK downloads into the user cache directory); or point the environment variable "
    f"{ENV_VAR} (or `regio --data-dir DIR`) at a folder laid out like shared/data "
    "(boundaries/, tables/, physicians/, crosswalks/, training_institutes/, capaciteitsorgaan/)."
)


def require_data_dir(path: str | Path | None = None) -> Path:
    """Return the data directory, or raise one clear error if it does not exist."""
    root = data_dir(path)
    if not root.is_dir():
        raise DataNotFoundError(f"No regio data directory at {root}. {NO_DATA_HINT}")
    return root


def data_file(*parts: str, data_dir: str | Path | None = None, what: str | None = None) -> Path:
    """Return the path of a file in the data directory, or raise naming what is missing.

    Parameters
    ----------
    *parts
        Path components below the data directory, e.g. ``("tables", "x.csv")``.
    data_dir
        Explicit data directory.
    what
        Description for the error message.
    """
    root = require_data_dir(data_dir)
    path = root.joinpath(*parts)
    if not path.is_file():
        label = f"{what} " if what else ""
        raise DataNotFoundError(f"Missing {label}file {path}. {NO_DATA_HINT}")
    return path


_DECIMAL_COMMA = re.compile(r"^\s*-?\d{1,3}(\.\d{3})*,\d+\s*$|^\s*-?\d+,\d+\s*$")


def _sniff_sep(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def read_table(path: str | Path, *, sheet: str | int | None = 0, dtype: dict | None = None) -> pd.DataFrame:
    """Read a CSV (any of ``, ; tab``, optional BOM) or Excel file into a frame of strings.

    Everything is read as text so that codes keep their leading zeros and the
    caller decides, column by column, how to parse numbers (see
    :func:`regio.validate.to_numeric`, which also handles decimal commas).

    Raises
    ------
    DataNotFoundError
        If the file does not exist.
    InputError
        If it cannot be parsed, naming the file.
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
