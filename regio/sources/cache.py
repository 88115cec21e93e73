"""A small on-disk cache for computed tables (e.g. memberships from spatial joins).

Entries live in :func:`regio.config.cache_dir` as CSV files named by a key that
includes the size and modification time of the input files, so a changed input
makes a new entry. A cache that cannot be written is not an error.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pandas as pd

from regio.config import cache_dir

__all__ = ["cache_key", "read_cached", "write_cached"]

log = logging.getLogger(__name__)


def cache_key(*paths: Path) -> str:
    """Short hash of the paths, sizes and modification times of input files."""
    h = hashlib.sha256()
    for p in paths:
        st = p.stat()
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def read_cached(name: str) -> pd.DataFrame | None:
    """Return the cached table ``name`` (all columns as text), or ``None``."""
    path = cache_dir() / f"{name}.csv"
    if not path.is_file():
        return None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:  # a damaged entry is recomputed
        log.debug("ignoring cache entry %s: %s", path, exc)
        return None


def write_cached(name: str, frame: pd.DataFrame) -> None:
    """Store ``frame`` (written without its index) as the cached table ``name``."""
    path = cache_dir() / f"{name}.csv"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        frame.to_csv(tmp, index=False)
        tmp.replace(path)
    except OSError as exc:  # a read-only cache is not fatal
        log.debug("cannot write cache %s: %s", path, exc)
