"""Derived geometry worth keeping: a memo keyed by content, with an optional store on disk.

Cleaning a coverage (``shapely.coverage_clean``), dissolving municipalities and
encoding a map's shared borders take seconds and depend only on their input
geometry and a few numbers (tolerance, grid, gap width). :func:`cached` keeps
such results by a key made from exactly those inputs (:func:`content_key`: the
coordinates and ring structure of every geometry, codes and parameters), so a
changed input makes a new key and an entry is never stale, whether the frame
came from a boundary file, a dissolve or a buffer.

Results are kept for the process (a small memo) and, when a store is set with
:func:`set_store`, between runs. :mod:`regio.sources.cache` sets its store
(files in :func:`regio.config.cache_dir`) when it is imported, so only
:mod:`regio.sources` touches files; this kernel module imports no layer.
Callers get the kept value itself: they must not change it (the functions of
regio that use this module return copies or build new objects from it).

Examples
--------
>>> import numpy as np, shapely
>>> calls = []
>>> def area(geoms):
...     calls.append(1)
...     return float(shapely.area(geoms).sum())
>>> squares = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 3, 1)])
>>> key = content_key("doctest-area", squares)
>>> [cached("doctest", key, lambda: area(squares)) for _ in range(2)], len(calls)  # computed once
([3.0, 3.0], 1)
>>> key == content_key("doctest-area", np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 3, 2)]))
False
"""

from __future__ import annotations

import hashlib
import json
import logging
import types
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

__all__ = ["VERSION", "Store", "cached", "code_key", "content_key", "dump_geometries", "dump_regions",
           "load_geometries", "load_regions", "set_store", "store"]

log = logging.getLogger(__name__)

#: Part of every key: raise it when a cached computation changes its result, so old entries are not used.
VERSION = "2"

T = TypeVar("T")


class Store(Protocol):
    """Where :func:`cached` keeps results between runs (bytes by kind and key)."""

    def get(self, kind: str, key: str) -> bytes | None:
        """Return the bytes kept under ``kind``/``key``, or ``None``."""

    def put(self, kind: str, key: str, data: bytes) -> None:
        """Keep ``data`` under ``kind``/``key`` (failing silently when it cannot)."""


_store: Store | None = None
_memo: OrderedDict[tuple[str, str], Any] = OrderedDict()
_MEMO_SIZE = 64


def set_store(new: Store | None) -> Store | None:
    """Set (``None``: unset) the store kept results go to between runs; return the previous one.

    Parameters
    ----------
    new
        An object with ``get(kind, key)`` and ``put(kind, key, data)``.

    Returns
    -------
    Store or None
        The store set before.

    Examples
    --------
    >>> class Dict:
    ...     def __init__(self): self.d = {}
    ...     def get(self, kind, key): return self.d.get((kind, key))
    ...     def put(self, kind, key, data): self.d[(kind, key)] = data
    >>> mine = Dict()
    >>> before = set_store(mine)
    >>> cached("doctest-store", "k1", lambda: {"a": 1}, dumps=lambda v: json.dumps(v).encode(), loads=json.loads)
    {'a': 1}
    >>> mine.d
    {('doctest-store', 'k1'): b'{"a": 1}'}
    >>> set_store(before) is mine
    True
    """
    global _store
    old, _store = _store, new
    return old


def store() -> Store | None:
    """Return the store in use (``None``: results are kept for this process only).

    Returns
    -------
    Store or None

    Examples
    --------
    >>> store() is None or hasattr(store(), "put")
    True
    """
    return _store


def _feed(h: Any, part: object) -> None:
    if isinstance(part, np.ndarray) and part.dtype == object and not (
            shapely.is_geometry(part) | shapely.is_missing(part)).all():  # text (codes)
        h.update(b"T" + json.dumps([str(v) for v in part.tolist()]).encode())
    elif isinstance(part, np.ndarray) and part.dtype == object:  # geometries (or None)
        geoms = part
        missing = shapely.is_missing(geoms)
        h.update(b"G" + missing.tobytes())
        valid = geoms[~missing]
        # the WKB of each geometry: types, ring structure and every coordinate, exactly
        h.update(b"".join(shapely.to_wkb(valid, byte_order=1, include_srid=False)) if len(valid) else b"")
    elif isinstance(part, np.ndarray):
        h.update(f"A{part.dtype.str}{part.shape}".encode() + np.ascontiguousarray(part).tobytes())
    elif isinstance(part, pd.DataFrame):  # columns, dtypes, index and every value (hashed per row)
        h.update(b"F" + json.dumps([[str(c), str(t)] for c, t in part.dtypes.items()]).encode()
                 + json.dumps([str(n) for n in part.index.names]).encode()
                 + json.dumps([str(v) for v in part.index.tolist()]).encode()
                 + pd.util.hash_pandas_object(part, index=False).to_numpy().tobytes())
    elif isinstance(part, (pd.Index, pd.Series)):
        h.update(b"I" + json.dumps([str(v) for v in part.tolist()]).encode())
        if isinstance(part, pd.Series):
            h.update(b"V" + json.dumps([str(v) for v in part.index.tolist()]).encode())
    else:
        h.update(b"S" + repr(part).encode())
    h.update(b"|")


def content_key(*parts: object) -> str:
    """Return a short hash of geometries, arrays, codes and parameters: the key of a derived result.

    Parameters
    ----------
    *parts
        Object arrays of geometries (hashed by their WKB, so every
        coordinate counts), numeric arrays, ``pandas`` indexes or series
        (their values as text, a series with its index), data frames (their
        columns, dtypes, index names and values, and values; not their
        ``attrs``), and anything with a stable ``repr`` (numbers, strings,
        tuples).

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> import shapely
    >>> a = np.array([shapely.box(0, 0, 1, 1)])
    >>> content_key(a, 100.0) == content_key(a.copy(), 100.0), content_key(a, 100.0) == content_key(a, 50.0)
    (True, False)
    >>> f = pd.DataFrame({"n": [1.0, 2.0]}, index=["A", "B"])
    >>> content_key(f) == content_key(f.copy()), content_key(f) == content_key(f.assign(n=[1.0, 2.5]))
    (True, False)
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(VERSION.encode())
    for part in parts:
        _feed(h, part)
    return h.hexdigest()


def _plain(value: object, depth: int = 0) -> bool:
    """Whether ``value`` is data with a stable ``repr`` (numbers, text, and containers of them)."""
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return True
    if depth > 3:
        return False
    if isinstance(value, (tuple, list, frozenset)):
        return all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def _feed_code(h: Any, code: Any) -> None:
    """Feed a function's instructions, names and constants (nested functions too) to the hash ``h``.

    Not :func:`marshal.dumps`, whose bytes depend on reference counts and differ between processes.
    """
    h.update(code.co_name.encode() + b"|" + code.co_code + b"|" + repr(code.co_names).encode())
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            _feed_code(h, const)
        else:
            h.update(repr(const).encode())


def code_key(*modules: Any) -> str:
    r"""Return a digest of the code that makes a kept result: its modules' functions and plain constants.

    For every function defined in ``modules`` its instructions, names, constants
    and default values; for every other name of a module whose value is plain
    data (numbers, text, tuples, lists, dicts of them, e.g. a table of words or
    colours) its ``repr``. A changed rule, default or constant makes a new
    digest, so a result kept from older code is not used. The same in every
    process (unlike :func:`marshal.dumps`).

    Parameters
    ----------
    *modules
        The modules whose code makes the result.

    Returns
    -------
    str
        32 hexadecimal digits.

    Examples
    --------
    >>> import types
    >>> m = types.ModuleType("doctest_rules")
    >>> exec("WIDTH = 3\ndef area(h, w=WIDTH):\n    return h * w\n", m.__dict__)
    >>> before = code_key(m)
    >>> m.WIDTH = 4
    >>> code_key(m) == before  # a constant changed
    False
    """
    h = hashlib.blake2b(digest_size=16)
    for module in modules:
        name = module.__name__
        h.update(name.encode() + b"|")
        for attr, value in sorted(vars(module).items()):
            if attr.startswith("__"):
                continue
            value = getattr(value, "__wrapped__", value)  # a function behind functools.lru_cache
            if isinstance(value, types.FunctionType) and value.__module__ == name:
                h.update(b"f" + attr.encode())
                _feed_code(h, value.__code__)
                h.update(repr(value.__defaults__).encode() + repr(value.__kwdefaults__).encode())
            elif _plain(value):
                h.update(b"v" + attr.encode() + repr(value).encode())
    return h.hexdigest()


def cached(kind: str, key: str, compute: Callable[[], T], *, dumps: Callable[[T], bytes] | None = None,
           loads: Callable[[bytes], T] | None = None, memo: bool = True) -> T:
    """Return the result kept under ``kind``/``key``, computing (and keeping) it when there is none.

    Parameters
    ----------
    kind
        What is kept (``"topology"``, ``"dissolve"``, ...): a folder of the store.
    key
        Its key, from :func:`content_key` over every input of ``compute``.
    compute
        Makes the result.
    dumps, loads
        Turn the result into bytes and back for the store; without them the
        result is kept for this process only.
    memo
        Keep the result in the process's memo too (default); ``False`` for
        results read once a run (images), so that they do not push the
        geometry out of the memo (they are then kept in the store only,
        when there is one).

    Returns
    -------
    object
        The result (the kept object itself: do not change it).

    Examples
    --------
    >>> cached("doctest", "answer", lambda: 42), cached("doctest", "answer", lambda: 0)
    (42, 42)
    """
    memo_key = (kind, key)
    memo = memo or _store is None or dumps is None or loads is None  # without a store the memo is all there is
    if memo and memo_key in _memo:
        _memo.move_to_end(memo_key)
        return _memo[memo_key]
    value: T | None = None
    found = False
    if _store is not None and loads is not None:
        data = _store.get(kind, key)
        if data is not None:
            try:
                value, found = loads(data), True
            except (ValueError, KeyError, TypeError, shapely.errors.GEOSException) as exc:  # a damaged entry
                log.info("recomputing damaged %s entry %s: %s", kind, key, exc)
    if not found:
        value = compute()
        if _store is not None and dumps is not None:
            _store.put(kind, key, dumps(value))
    if not memo:
        return value  # type: ignore[return-value]
    _memo[memo_key] = value
    while len(_memo) > _MEMO_SIZE:
        _memo.popitem(last=False)
    return value  # type: ignore[return-value]


def dump_geometries(geoms: np.ndarray, header: object = None) -> bytes:
    """Geometries (``None`` allowed) and a JSON-able header as bytes, for a store; :func:`load_geometries` reverses it.

    Parameters
    ----------
    geoms
        Object array of shapely geometries or ``None``.
    header
        Anything :mod:`json` can write (codes, names, ...).

    Returns
    -------
    bytes
        Header length, header, the WKB length of each geometry (-1: missing), the WKB.

    Examples
    --------
    >>> geoms = np.array([shapely.box(0, 0, 1, 1), None], dtype=object)
    >>> back, header = load_geometries(dump_geometries(geoms, {"codes": ["A", "B"]}))
    >>> back[0].equals(geoms[0]), back[1] is None, header
    (True, True, {'codes': ['A', 'B']})
    """
    geoms = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(geoms)
    wkb = shapely.to_wkb(geoms[~missing], byte_order=1, include_srid=False) if (~missing).any() else []
    sizes = np.full(len(geoms), -1, dtype="<i8")
    sizes[~missing] = [len(w) for w in wkb]
    head = json.dumps(header).encode()
    return (np.array([len(head), len(geoms)], dtype="<i8").tobytes() + head + sizes.tobytes() + b"".join(wkb))


def load_geometries(data: bytes) -> tuple[np.ndarray, object]:
    """Read :func:`dump_geometries` back: ``(geometries, header)``.

    Parameters
    ----------
    data
        Bytes of :func:`dump_geometries`.

    Returns
    -------
    tuple
        Object array of geometries (``None`` where missing) and the header.

    Raises
    ------
    ValueError
        If the bytes are not of that form.
    """
    n_head, n = np.frombuffer(data[:16], dtype="<i8").tolist()
    header = json.loads(data[16:16 + n_head])
    at = 16 + n_head
    sizes = np.frombuffer(data[at:at + 8 * n], dtype="<i8")
    if len(sizes) != n or int(sizes[sizes > 0].sum()) != len(data) - at - 8 * n:
        raise ValueError("geometry entry of the wrong length")
    at += 8 * n
    ends = at + np.cumsum(np.where(sizes > 0, sizes, 0))
    starts = ends - np.where(sizes > 0, sizes, 0)
    present = sizes >= 0
    out = np.full(n, None, dtype=object)
    if present.any():
        out[present] = shapely.from_wkb([data[a:b] for a, b in zip(starts[present].tolist(), ends[present].tolist(),
                                                                    strict=True)])
    return out, header


def dump_regions(regions: gpd.GeoDataFrame, *, attrs: bool = False) -> bytes:
    """Regions (index of codes, ``statnaam``, geometry) as bytes for a store; :func:`load_regions` reverses it.

    Parameters
    ----------
    regions
        A frame with a ``statnaam`` column and a geometry.
    attrs
        Keep its ``attrs`` too (they must be JSON-able; lists come back as lists).

    Returns
    -------
    bytes

    Examples
    --------
    >>> regions = gpd.GeoDataFrame({"statnaam": ["West"]}, geometry=[shapely.box(0, 0, 1, 1)], crs="EPSG:28992",
    ...                            index=pd.Index(["PV01"], name="statcode"))
    >>> back = load_regions(dump_regions(regions), regions.crs)
    >>> back.index.name, back["statnaam"].tolist(), bool(back.geometry.geom_equals_exact(regions.geometry, 0).all())
    ('statcode', ['West'], True)
    >>> regions.attrs = {"source": "boundaries/provincie_2022.geojson"}  # kept with attrs=True (JSON-able)
    >>> load_regions(dump_regions(regions, attrs=True), regions.crs).attrs
    {'source': 'boundaries/provincie_2022.geojson'}
    """
    return dump_geometries(regions.geometry.to_numpy(), {"codes": [str(c) for c in regions.index],
                                                          "index_name": regions.index.name,
                                                          "names": [str(n) for n in regions["statnaam"]],
                                                          "attrs": regions.attrs if attrs else {}})


def load_regions(data: bytes, crs: object) -> gpd.GeoDataFrame:
    """Read :func:`dump_regions` back, in ``crs``.

    Parameters
    ----------
    data
        Bytes of :func:`dump_regions`.
    crs
        The CRS of the regions.

    Returns
    -------
    geopandas.GeoDataFrame
    """
    geoms, head = load_geometries(data)
    out = gpd.GeoDataFrame({"statnaam": head["names"]}, geometry=geoms, crs=crs,
                           index=pd.Index(head["codes"], name=head["index_name"]))
    out.attrs = head.get("attrs", {})
    return out
