"""A small on-disk cache for computed tables (e.g. memberships from spatial joins) and derived geometry.

Tables live in :func:`regio.config.cache_dir` as CSV files named by a key that
includes the size and modification time of the input files, so a changed input
makes a new entry. A cache that cannot be written is not an error. Each entry
ends with a line that gives its number of rows, so an entry cut short (a full
disk, a killed process) is noticed and recomputed, never read as data.

Derived geometry (cleaned and simplified map coverages with their shared
borders, dissolved regions; see :mod:`regio.derived`) goes to
``{cache_dir}/{kind}/{key}.bin``, keyed by the content of its inputs. Importing
this module makes :class:`DiskStore` the store of :mod:`regio.derived`.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
from pathlib import Path

import pandas as pd

from regio import derived
from regio.config import cache_dir

__all__ = ["DiskStore", "cache_key", "read_cached", "write_cached"]

log = logging.getLogger(__name__)

#: The last line of every entry: ``#regio-cache-end rows=N``.
_END = "#regio-cache-end rows="
_END_LINE = re.compile(r"#regio-cache-end rows=(\d+)\n\Z")


def cache_key(*paths: Path) -> str:
    """Return a short hash of the paths, sizes and modification times of input files.

    Parameters
    ----------
    *paths
        The input files (which must exist).

    Returns
    -------
    str
        16 hexadecimal digits; it changes when any file is moved, resized
        or touched, so an entry named by it is never stale.

    Raises
    ------
    FileNotFoundError
        If a file does not exist.

    Examples
    --------
    >>> import tempfile
    >>> src = Path(tempfile.mkdtemp()) / "gemeente.geojson"
    >>> _ = src.write_text("{}")
    >>> key = cache_key(src)
    >>> len(key), key == cache_key(src)
    (16, True)
    >>> _ = src.write_text('{"type": "FeatureCollection"}')  # a changed input makes a new key
    >>> key == cache_key(src)
    False
    """
    h = hashlib.sha256()
    for p in paths:
        st = p.stat()
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def read_cached(name: str) -> pd.DataFrame | None:
    """Return the cached table ``name`` (all columns as text), or ``None``.

    Parameters
    ----------
    name
        Entry name (the file ``{cache_dir}/{name}.csv``), usually ending in a
        :func:`cache_key`.

    Returns
    -------
    pandas.DataFrame or None
        The table with text columns (empty cells as ``""``); ``None`` when
        there is no entry or it cannot be read (it is then recomputed).

    Examples
    --------
    >>> write_cached("doctest-membership", pd.DataFrame({"statcode": ["GM0363"], "share": [0.25]}))
    >>> read_cached("doctest-membership")
      statcode share
    0   GM0363  0.25
    >>> read_cached("doctest-never-written") is None
    True
    >>> entry = cache_dir() / "doctest-membership.csv"
    >>> _ = entry.write_text(entry.read_text()[:-10])  # cut short, as by a full disk
    >>> read_cached("doctest-membership") is None  # recomputed, not read as data
    True
    """
    path = cache_dir() / f"{name}.csv"
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        end = _END_LINE.search(text)
        if end is None:
            raise ValueError("no end line: the entry was cut short (or written by an older regio)")
        frame = pd.read_csv(io.StringIO(text[:end.start()]), dtype=str, keep_default_na=False)
        if len(frame) != int(end.group(1)):
            raise ValueError(f"{len(frame)} rows, the end line says {end.group(1)}")
        return frame
    except (OSError, ValueError) as exc:  # a damaged entry is recomputed
        log.info("recomputing damaged cache entry %s: %s", path, exc)
        return None


def write_cached(name: str, frame: pd.DataFrame) -> None:
    """Store ``frame`` (written without its index) as the cached table ``name``.

    The entry is written to a temporary file and moved into place, so a
    reader never sees half of it; a cache folder that cannot be written is
    skipped silently (logged at debug level).

    Parameters
    ----------
    name
        Entry name (see :func:`read_cached`).
    frame
        The table; its index is not stored, so keep keys in columns.

    Returns
    -------
    None

    Examples
    --------
    >>> frame = pd.DataFrame({"statcode": ["GM0344", "GM0363"], "population": [367984, 931298]},
    ...                      index=["a", "b"])
    >>> write_cached("doctest-population", frame)
    >>> read_cached("doctest-population")["population"].tolist()  # text, index dropped
    ['367984', '931298']
    """
    path = cache_dir() / f"{name}.csv"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(frame.to_csv(index=False) + f"{_END}{len(frame)}\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:  # a read-only cache is not fatal
        log.debug("cannot write cache %s: %s", path, exc)


#: The end of every binary entry: this marker and the blake2b digest (16 bytes) of what precedes it.
_BIN_END = b"#regio-cache-end"


#: Entries kept per kind of the derived cache: writing one more removes the least recently used ones.
KEEP_PER_KIND = 200


class DiskStore:
    """The files of :func:`regio.config.cache_dir` as the store of :mod:`regio.derived`.

    An entry is ``{cache_dir}/{kind}/{key}.bin``: the data, a marker and a
    digest of the data, written to a temporary file and moved into place. An
    entry cut short or changed does not match its digest and is recomputed;
    a cache folder that cannot be written is skipped (logged at debug level).
    Each kind keeps at most :data:`KEEP_PER_KIND` entries: reading an entry
    marks it used (its modification time), and writing a new one removes the
    least recently used beyond that number, so the cache does not grow with
    every change of data or code. Delete the folders to clear the cache:
    every entry is made again when needed.

    Examples
    --------
    >>> disk = DiskStore()
    >>> disk.put("doctest", "k1", b"some bytes")
    >>> disk.get("doctest", "k1"), disk.get("doctest", "never-written")
    (b'some bytes', None)
    >>> entry = cache_dir() / "doctest" / "k1.bin"
    >>> _ = entry.write_bytes(entry.read_bytes()[:-3])  # cut short
    >>> disk.get("doctest", "k1") is None
    True
    """

    def _path(self, kind: str, key: str) -> Path:
        return cache_dir() / kind / f"{key}.bin"

    def get(self, kind: str, key: str) -> bytes | None:
        """Return the data of the entry, or ``None`` when it is missing or damaged."""
        path = self._path(kind, key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        cut = len(raw) - len(_BIN_END) - 16
        data, end, digest = raw[:cut], raw[cut:cut + len(_BIN_END)], raw[cut + len(_BIN_END):]
        if cut < 0 or end != _BIN_END or hashlib.blake2b(data, digest_size=16).digest() != digest:
            log.info("recomputing damaged cache entry %s", path)
            return None
        with contextlib.suppress(OSError):  # marks the entry used (a read-only cache is still read)
            os.utime(path)
        return data

    def put(self, kind: str, key: str, data: bytes) -> None:
        """Write the entry whole (or not at all)."""
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data + _BIN_END + hashlib.blake2b(data, digest_size=16).digest())
            tmp.replace(path)
            _prune(path.parent, KEEP_PER_KIND)
        except OSError as exc:  # a read-only cache is not fatal
            log.debug("cannot write cache %s: %s", path, exc)


def _prune(folder: Path, keep: int) -> None:
    """Remove the least recently used entries of ``folder`` beyond ``keep``."""
    entries = []
    for entry in folder.glob("*.bin"):
        with contextlib.suppress(OSError):  # removed meanwhile by another run
            entries.append((entry.stat().st_mtime_ns, entry))
    entries.sort(reverse=True)
    for _, entry in entries[keep:]:
        with contextlib.suppress(OSError):
            entry.unlink()


derived.set_store(DiskStore())
