"""Read region boundaries from the data directory.

Files are ``boundaries/{level}_{year}.geojson`` (GeoJSON in EPSG:4326, as CBS
and PDOK publish them, or any CRS that the file declares). The loader returns
them indexed by CBS code (``statcode``) with a ``statnaam`` column, in RD New
(EPSG:28992), with valid geometries.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio import derived
from regio.errors import DataNotFoundError, InputError, RegioWarning, UnknownLevelError, UnknownYearError
from regio.levels import get_level
from regio.sources._files import no_data_hint, require_data_dir
from regio.sources.cache import cache_key, read_cached, write_cached
from regio.validate import RD_NEW, check_extent, check_unique_codes, ensure_rd, repair_geometries, warn_repairs

__all__ = ["available_boundaries", "read_boundaries", "read_boundary_file", "read_boundary_names",
           "read_raw_boundaries"]

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(?P<level>[a-z0-9]+)_(?P<year>\d{4})\.(geojson|gpkg|json)$")


def available_boundaries(data_dir: str | Path | None = None) -> pd.DataFrame:
    """List the boundary files in the data directory.

    Files named ``{level}_{year}.geojson`` (or ``.gpkg``, ``.json``) in
    ``boundaries/`` are listed; other files there are ignored.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``year``, ``path``, sorted by level and year; no
        rows when there is no ``boundaries/`` folder.

    Raises
    ------
    DataNotFoundError
        If the data directory does not exist.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> avail = available_boundaries()
    >>> avail.columns.tolist(), 2024 in avail.loc[avail["level"] == "gemeente", "year"].tolist()
    (['level', 'year', 'path'], True)
    >>> bool(avail["path"].map(lambda p: p.is_file()).all())
    True
    """
    root = require_data_dir(data_dir) / "boundaries"
    rows = []
    if root.is_dir():
        for path in sorted(root.iterdir()):
            m = _NAME.match(path.name)
            if m:
                rows.append({"level": m["level"], "year": int(m["year"]), "path": path})
    return pd.DataFrame(rows, columns=["level", "year", "path"]).sort_values(
        ["level", "year"], ignore_index=True
    )


def _years(level: str, data_dir: str | Path | None) -> dict[int, Path]:
    avail = available_boundaries(data_dir)
    sub = avail[avail["level"] == level]
    return dict(zip(sub["year"].astype(int), sub["path"], strict=True))


def boundary_path(level: str, year: int, *, data_dir: str | Path | None = None) -> Path:
    """Return the file of ``level`` in ``year``, or raise listing the years that exist.

    Parameters
    ----------
    level
        Level name or alias (see :func:`regio.levels.get_level`).
    year
        Year of the boundaries.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pathlib.Path
        The boundary file.

    Raises
    ------
    DataNotFoundError
        If the data directory has no boundary files at all.
    UnknownLevelError
        For an unknown level, or one without boundary files (listing the
        levels that have them).
    UnknownYearError
        For a year without a file (listing the years of the level).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> boundary_path("gemeente", 2024).name
    'gemeente_2024.geojson'
    >>> boundary_path("gemeente", 1990)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownYearError: No boundaries for gemeente 1990. Years available for gemeente: ...
    """
    lvl = get_level(level).name
    years = _years(lvl, data_dir)
    if not years:
        avail = available_boundaries(data_dir)
        have = ", ".join(sorted(set(avail["level"]))) or "none"
        if avail.empty:
            root = require_data_dir(data_dir)
            raise DataNotFoundError(f"No boundary files in {root / 'boundaries'}. {no_data_hint(root)}",
                                    key="src.no_boundary_files", folder=root / "boundaries", root=root,
                                    hint=no_data_hint(root))
        raise UnknownLevelError(
            f"No boundaries for level {lvl!r} in the data directory. Levels with boundaries: {have}.",
            key="src.no_boundaries_level", level=lvl, known=have)
    if int(year) not in years:
        known = ", ".join(map(str, sorted(years)))
        raise UnknownYearError(f"No boundaries for {lvl} {year}. Years available for {lvl}: {known}.",
                               key="no_boundaries_year", level=lvl, year=year, known=known)
    return years[int(year)]


@functools.lru_cache(maxsize=32)
def _read_cached(path: str, mtime: float, size: int) -> gpd.GeoDataFrame:
    return _read_file(Path(path), fix=_refetch_hint(Path(path)))


def _refetch_hint(path: Path) -> RegioWarning:
    """How to replace a damaged boundary file of the data directory: fetch it again, or copy it.

    A keyed sentence (a :class:`~regio.errors.RegioWarning`, not emitted): ``str()`` is the English; as a
    value of an error's message it is said in the error's language.
    """
    m = _NAME.match(path.name)
    if m is None:
        return RegioWarning("Replace it with a complete copy.", key="src.replace_file")
    return RegioWarning(f"Delete it and, when online, run `regio data fetch --year {m['year']} --levels "
                        f"{m['level']} --what boundaries` (it writes the file again), or copy {path.name} from a "
                        "complete data directory.", key="src.refetch_boundaries", year=m["year"], level=m["level"],
                        file=path.name)


def _read_file(path: Path, *, fix: str | RegioWarning) -> gpd.GeoDataFrame:
    """:func:`geopandas.read_file`, a damaged file (empty, truncated, not GeoJSON) one :class:`InputError`."""
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(f"Cannot read {path}: the file is empty (0 bytes). {fix}", key="src.boundary_file_empty",
                         path=path, fix=fix)
    try:
        return gpd.read_file(path)
    except (RuntimeError, ValueError) as exc:  # pyogrio's DataSourceError, DataLayerError ... are RuntimeErrors
        reason = str(exc).split("; It might help")[0].replace(f"'{path}' ", "").replace(str(path), "the file")
        raise InputError(f"Cannot read {path}: {reason.rstrip('.')} (empty, truncated or not a GeoJSON/GeoPackage "
                         f"file?). {fix}", key="src.boundary_file_unreadable", path=path, reason=reason.rstrip("."),
                         fix=fix) from None


def read_raw_boundaries(level: str, year: int, *, data_dir: str | Path | None = None) -> gpd.GeoDataFrame:
    """Return the boundary file of ``level`` in ``year`` as read, with all its attributes.

    The frame is a copy: changing it does not change the cache.

    Parameters
    ----------
    level
        Level name or alias.
    year
        Year of the boundaries.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    geopandas.GeoDataFrame
        The file's columns and CRS as they are (no code index, no repairs,
        no reprojection); see :func:`read_boundaries` for the regio form.

    Raises
    ------
    DataNotFoundError, UnknownLevelError, UnknownYearError
        As :func:`boundary_path`.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> raw = read_raw_boundaries("provincie", 2022)
    >>> raw.columns.tolist(), raw.crs.to_epsg()
    (['statcode', 'statnaam', 'year', 'geometry'], 4326)
    """
    path = boundary_path(level, year, data_dir=data_dir)
    st = path.stat()
    return _read_cached(str(path), st.st_mtime, st.st_size).copy()


def read_boundary_names(level: str, year: int, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the codes and names of a boundary file as text, without reading its geometry when it can.

    The columns ``statcode`` and ``statnaam`` of the file (those it has), each value as ``str`` as
    :func:`read_raw_boundaries` gives it. Kept in the cache (:func:`regio.config.cache_dir`) under the
    file's path, size and modification time, so that looking up every vintage (the municipal codes of
    each year, the spelling of names) does not read every file's geometry in every run.

    Parameters
    ----------
    level
        Level name or alias.
    year
        Year of the boundaries.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        One row per feature of the file, in its order; a new frame.

    Raises
    ------
    DataNotFoundError, UnknownLevelError, UnknownYearError
        As :func:`boundary_path`.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> names = read_boundary_names("provincie", 2022)
    >>> names.columns.tolist(), len(names)
    (['statcode', 'statnaam'], 12)
    """
    path = boundary_path(level, year, data_dir=data_dir)
    name = f"boundary_names_{path.stem}_{cache_key(path)}"
    kept = read_cached(name)
    if kept is not None and len(kept):
        return kept.drop(columns="rows")
    raw = read_raw_boundaries(level, year, data_dir=data_dir)
    out = pd.DataFrame({c: raw[c].astype(str).to_numpy() for c in ("statcode", "statnaam") if c in raw.columns})
    write_cached(name, out.assign(rows=len(out)))  # a column in every row, so that no entry is empty
    return out


def _codes_by_name(raw: gpd.GeoDataFrame, level: str, year: int, data_dir) -> pd.Series:
    """Give a file without ``statcode`` the codes of the nearest vintage with the same names."""
    years = sorted(_years(level, data_dir), key=lambda y: (abs(y - year), -y))
    names = raw["statnaam"].astype(str).str.strip()
    for other in years:
        if other == year:
            continue
        ref = read_raw_boundaries(level, other, data_dir=data_dir)
        if "statcode" not in ref.columns:
            continue
        lookup = dict(zip(ref["statnaam"].astype(str).str.strip(), ref["statcode"].astype(str), strict=True))
        if names.isin(list(lookup)).all():
            log.info("%s %s has no codes; took them by name from %s %s", level, year, level, other)
            return names.map(lookup).rename(f"statcode (by name from {level}_{other})")
    raise InputError(
        f"boundaries/{level}_{year}: no 'statcode' column, and its names do not all match another "
        f"vintage of {level}. Add a 'statcode' column with CBS codes.", key="src.boundaries_no_statcode",
        level=level, year=year,
    )


def read_boundary_file(
    path: str | Path,
    *,
    code_column: str = "statcode",
    name_column: str = "statnaam",
    source: str | None = None,
) -> gpd.GeoDataFrame:
    """Read any polygon file into the regio boundary form.

    Parameters
    ----------
    path
        GeoJSON, GeoPackage, shapefile ... with a declared CRS.
    code_column, name_column
        Columns holding the region code and name.
    source
        Name of the file in messages and warnings (default: ``path``).

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by ``statcode``, with ``statnaam`` and ``geometry``, in EPSG:28992.

    Raises
    ------
    CRSError
        If the file declares no CRS.
    InputError
        For missing columns or duplicate codes.

    Examples
    --------
    A file of one's own, in WGS84 with other column names:

    >>> import tempfile
    >>> from shapely.geometry import box
    >>> path = Path(tempfile.mkdtemp()) / "districts.geojson"
    >>> own = gpd.GeoDataFrame({"code": [" D1", "D2"], "naam": ["Noord", "Zuid"]},
    ...                        geometry=[box(120000, 481000, 122000, 482000), box(120000, 480000, 121000, 481000)],
    ...                        crs="EPSG:28992")
    >>> own.to_crs("EPSG:4326").to_file(path)
    >>> districts = read_boundary_file(path, code_column="code", name_column="naam")
    >>> districts.index.tolist(), districts["statnaam"].tolist(), districts.crs.to_epsg()
    (['D1', 'D2'], ['Noord', 'Zuid'], 28992)
    >>> (districts.area / 1e6).round(2).tolist()  # km2, back in RD New
    [2.0, 1.0]
    """
    raw = _read_file(Path(path), fix=RegioWarning("Check that it is a complete polygon file with a declared CRS.",
                                                  key="src.check_polygon_file"))
    return _normalise(raw, code_column=code_column, name_column=name_column, source=source or str(path))


def _normalise(raw: gpd.GeoDataFrame, *, code_column: str, name_column: str, source: str,
               codes: pd.Series | None = None, warn: bool = True) -> gpd.GeoDataFrame:
    needed = [name_column] if codes is not None else [code_column, name_column]
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise InputError(
            f"{source}: missing column(s) {', '.join(map(repr, missing))}; columns are "
            f"{', '.join(map(str, raw.columns))}. Pass code_column=/name_column= to name them.",
            key="src.boundaries_missing_columns", source=source, missing=", ".join(map(repr, missing)),
            columns=", ".join(map(str, raw.columns)),
        )
    check_extent(raw, source=source)
    raw = ensure_rd(raw, name=source)
    code = (codes if codes is not None else raw[code_column]).astype(str).str.strip()
    out = gpd.GeoDataFrame(
        {"statnaam": raw[name_column].astype(str).str.strip().to_numpy()},
        geometry=raw.geometry.to_numpy(),
        index=pd.Index(code.to_numpy(), name="statcode"),
        crs=RD_NEW,
    )
    check_unique_codes(out.index, source=source)
    return repair_geometries(out, source=source, warn=warn)


def read_boundaries(level: str, year: int, *, data_dir: str | Path | None = None,
                    warn: bool = True) -> gpd.GeoDataFrame:
    """Read the boundaries of ``level`` in ``year`` from the data directory.

    A file without ``statcode`` takes the codes of the nearest vintage of the
    level whose names all match; PC4 files are coded by their ``pc4``
    column (zero-padded to four digits).

    Parameters
    ----------
    level
        Level name or alias (see :func:`regio.levels.get_level`).
    year
        Year of the boundaries.
    data_dir
        Data directory (default: the one in use).
    warn
        Warn (:class:`~regio.errors.RegioWarning`) about repaired geometries.

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by ``statcode`` (str), columns ``statnaam`` and ``geometry``,
        CRS EPSG:28992, valid geometries. ``attrs["source"]`` names the file,
        ``attrs["repairs"]`` lists repairs (also warned unless ``warn=False``),
        ``attrs["level"]`` and ``attrs["year"]`` say what was read.

    Raises
    ------
    DataNotFoundError, UnknownLevelError, UnknownYearError
        As :func:`boundary_path`.
    InputError
        For a file without the needed columns, with duplicate codes, or
        without codes that can be taken from another vintage.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> prov = read_boundaries("provincie", 2022)
    >>> len(prov), prov.crs.to_epsg(), prov.attrs["source"]
    (12, 28992, 'boundaries/provincie_2022.geojson')
    >>> prov.loc["PV26", "statnaam"], bool(prov.is_valid.all())
    ('Utrecht', True)
    """
    lvl = get_level(level).name
    path = boundary_path(lvl, year, data_dir=data_dir)
    st = path.stat()
    if lvl == "pc4" or _self_coded(str(path), st.st_mtime, st.st_size):
        # the file alone makes the frame: normalised once per process while it stays the same (the atlas reads
        # the PC4 areas in two places), a copy each time, the repairs warned again from attrs
        out = _normalised(lvl, int(year), None if data_dir is None else str(data_dir), str(path), st.st_mtime_ns,
                          st.st_size).copy()
        if warn:
            warn_repairs(out, stacklevel=2)
        return out
    return _read_boundaries(lvl, int(year), data_dir=data_dir, warn=warn)


def _self_coded(path: str, mtime: float, size: int) -> bool:
    """Whether a boundary file has its own codes (``statcode``), so that no other vintage is read to code it."""
    return "statcode" in _read_cached(path, mtime, size).columns


@functools.lru_cache(maxsize=16)
def _normalised(lvl: str, year: int, data_dir: str | None, path: str, mtime_ns: int, size: int) -> gpd.GeoDataFrame:
    """Return the regio form of one boundary file (its path and stamp are part of the key: never stale).

    Kept between runs in the derived cache (``boundaries/``) as WKB, codes, names and attrs, keyed by the
    file and by the code that reads and repairs it (:func:`regio.derived.code_key` of this module and
    :mod:`regio.validate`): reading the GeoJSON, reprojecting and repairing the PC4 file takes most of a
    second, its WKB a tenth of that.
    """
    from regio import validate

    # the file (path, stamp) and the code that normalises it: a changed rule makes a new entry
    code = derived.code_key(sys.modules[__name__], validate)
    key = derived.content_key("boundaries", lvl, int(year), str(Path(path).resolve()), int(mtime_ns), int(size), code)
    return derived.cached("boundaries", key, lambda: _read_boundaries(lvl, year, data_dir=data_dir, warn=False),
                          dumps=lambda frame: derived.dump_regions(frame, attrs=True),
                          loads=lambda b: derived.load_regions(b, RD_NEW))


def _read_boundaries(lvl: str, year: int, *, data_dir: str | Path | None, warn: bool) -> gpd.GeoDataFrame:
    raw = read_raw_boundaries(lvl, year, data_dir=data_dir)
    path = boundary_path(lvl, year, data_dir=data_dir)
    source = f"boundaries/{path.name}"
    need = "pc4" if lvl == "pc4" else "statnaam"
    if raw.empty or need not in raw.columns:
        what = ("has no regions (no features)" if raw.empty else
                f"has no {need!r} column (columns: {', '.join(map(str, raw.columns))})")
        raise InputError(f"{path} {what}: it is not a boundary file of regio's layout. {_refetch_hint(path)}",
                         key="src.boundaries_no_regions" if raw.empty else "src.boundaries_no_column", path=path,
                         column=need, columns=", ".join(map(str, raw.columns)), fix=_refetch_hint(path))
    codes = None
    name_col = "statnaam"
    if lvl == "pc4":
        codes = raw["pc4"].astype(float).astype(int).astype(str).str.zfill(4)
        raw = raw.assign(statnaam=codes.to_numpy())
    elif "statcode" not in raw.columns:
        codes = _codes_by_name(raw, lvl, int(year), data_dir)
    out = _normalise(raw, code_column="statcode", name_column=name_col, source=source, codes=codes, warn=warn)
    out.attrs.update({"source": source, "level": lvl, "year": int(year)})
    return out
