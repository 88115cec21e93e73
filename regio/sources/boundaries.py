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
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio.errors import DataNotFoundError, InputError, UnknownLevelError, UnknownYearError
from regio.levels import get_level
from regio.sources._files import NO_DATA_HINT, require_data_dir
from regio.validate import RD_NEW, check_unique_codes, ensure_rd, repair_geometries

__all__ = ["available_boundaries", "read_boundaries", "read_boundary_file", "read_raw_boundaries"]

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(?P<level>[a-z0-9]+)_(?P<year>\d{4})\.(geojson|gpkg|json)$")


def available_boundaries(data_dir: str | Path | None = None) -> pd.DataFrame:
    """List the boundary files in the data directory.

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``year``, ``path``, sorted by level and year.
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
    """Return the file of ``level`` in ``year``, or raise listing the years that exist."""
    lvl = get_level(level).name
    years = _years(lvl, data_dir)
    if not years:
        avail = available_boundaries(data_dir)
        have = ", ".join(sorted(set(avail["level"]))) or "none"
        if avail.empty:
            raise DataNotFoundError(f"No boundary files in {require_data_dir(data_dir) / 'boundaries'}. {NO_DATA_HINT}")
        raise UnknownLevelError(
            f"No boundaries for level {lvl!r} in the data directory. Levels with boundaries: {have}.")
    if int(year) not in years:
        raise UnknownYearError(
            f"No boundaries for {lvl} {year}. Years available for {lvl}: "
            f"{', '.join(map(str, sorted(years)))}."
        )
    return years[int(year)]


@functools.lru_cache(maxsize=32)
def _read_cached(path: str, mtime: float, size: int) -> gpd.GeoDataFrame:
    return gpd.read_file(path)


def read_raw_boundaries(level: str, year: int, *, data_dir: str | Path | None = None) -> gpd.GeoDataFrame:
    """Return the boundary file of ``level`` in ``year`` as read, with all its attributes.

    The frame is a copy: changing it does not change the cache.
    """
    path = boundary_path(level, year, data_dir=data_dir)
    st = path.stat()
    return _read_cached(str(path), st.st_mtime, st.st_size).copy()


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
        f"vintage of {level}. Add a 'statcode' column with CBS codes."
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
    """
    raw = gpd.read_file(path)
    return _normalise(raw, code_column=code_column, name_column=name_column, source=source or str(path))


def _normalise(raw: gpd.GeoDataFrame, *, code_column: str, name_column: str, source: str,
               codes: pd.Series | None = None, warn: bool = True) -> gpd.GeoDataFrame:
    needed = [name_column] if codes is not None else [code_column, name_column]
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise InputError(
            f"{source}: missing column(s) {', '.join(map(repr, missing))}; columns are "
            f"{', '.join(map(str, raw.columns))}. Pass code_column=/name_column= to name them."
        )
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

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by ``statcode`` (str), columns ``statnaam`` and ``geometry``,
        CRS EPSG:28992, valid geometries. ``attrs["source"]`` names the file,
        ``attrs["repairs"]`` lists repairs (also warned unless ``warn=False``).
    """
    lvl = get_level(level).name
    raw = read_raw_boundaries(lvl, year, data_dir=data_dir)
    path = boundary_path(lvl, year, data_dir=data_dir)
    source = f"boundaries/{path.name}"
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
