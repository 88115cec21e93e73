"""Pure placement of units and points in regions: largest area overlap and point in polygon (EPSG:28992).

No files are read here: the frames come from :mod:`regio.data`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from regio import derived
from regio.validate import RD_NEW, WGS84, check_crs, check_same_crs

__all__ = ["largest_overlap", "lonlat_points", "points_in"]


def _coded(frame: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    keep = ~(frame.geometry.isna() | frame.geometry.is_empty)
    return gpd.GeoDataFrame({name: frame.index[keep].astype(str)}, geometry=frame.geometry[keep].to_numpy(),
                            crs=frame.crs)


def largest_overlap(units: gpd.GeoDataFrame, regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the region holding most of each unit's area, and the share of the unit's area it holds.

    Parameters
    ----------
    units, regions
        GeoDataFrames indexed by code, both in EPSG:28992 (areas in square
        metres).

    Returns
    -------
    pandas.DataFrame
        Indexed by unit code (``statcode``), sorted: ``region`` (the code of
        the region with the largest intersection; of equal ones the first
        code) and ``share`` (that intersection's area over the unit's area).
        Units without geometry or outside every region are absent.

    Raises
    ------
    CRSError
        If a frame is not in EPSG:28992, or the two differ.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> units = gpd.GeoDataFrame(geometry=[box(0, 0, 10, 10), box(20, 0, 30, 10)], index=["u1", "u2"], crs=28992)
    >>> regions = gpd.GeoDataFrame(geometry=[box(0, 0, 3, 10), box(3, 0, 40, 10)], index=["A", "B"], crs=28992)
    >>> largest_overlap(units, regions)
             region  share
    statcode
    u1            B    0.7
    u2            B    1.0
    """
    check_crs(units, name="units", expected=RD_NEW)
    check_crs(regions, name="regions", expected=RD_NEW)
    check_same_crs(("units", units), ("regions", regions))
    a, b = _coded(units, "unit"), _coded(regions, "region")
    # the overlay takes about a second at PC4 x municipalities: kept by the content of both (regio.derived)
    key = derived.content_key("largest_overlap", a["unit"].to_numpy(), a.geometry.to_numpy(),
                              b["region"].to_numpy(), b.geometry.to_numpy())
    return derived.cached("overlap", key, lambda: _largest_overlap(a, b), dumps=_dump_table, loads=_load_table).copy()


def _dump_table(table: pd.DataFrame) -> bytes:
    """Return the table as JSON bytes for the derived cache (floats round-trip exactly)."""
    return json.dumps({"statcode": table.index.tolist(), "region": table["region"].tolist(),
                       "share": table["share"].tolist()}).encode("utf-8")


def _load_table(data: bytes) -> pd.DataFrame:
    kept = json.loads(data.decode("utf-8"))
    if set(kept) != {"statcode", "region", "share"}:
        raise ValueError("not a largest-overlap table")
    return pd.DataFrame({"region": kept["region"], "share": kept["share"]},
                        index=pd.Index(kept["statcode"], name="statcode"))


def _largest_overlap(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame) -> pd.DataFrame:
    pieces = gpd.overlay(a, b, how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.geometry.area
    pieces = pieces.groupby(["unit", "region"], as_index=False)["area"].sum()
    # the largest piece; on a tie the first region code
    best = pieces.sort_values(["unit", "area", "region"], ascending=[True, False, True]).drop_duplicates("unit")
    whole = a.set_index("unit").geometry.area
    out = pd.DataFrame({"region": best["region"].to_numpy(),
                        "share": (best["area"].to_numpy() / whole.reindex(best["unit"]).to_numpy()).round(6)},
                       index=pd.Index(best["unit"].to_numpy(), name="statcode"))
    return out.sort_index()


def lonlat_points(lon: Sequence[float], lat: Sequence[float], *, index: Sequence | None = None) -> gpd.GeoSeries:
    """Return points of longitude and latitude (WGS84 degrees) reprojected to EPSG:28992 (RD New, metres).

    Parameters
    ----------
    lon, lat
        Degrees east and north.
    index
        Index of the result (default: a RangeIndex).

    Returns
    -------
    geopandas.GeoSeries
        Points in EPSG:28992.

    Examples
    --------
    >>> pts = lonlat_points([5.387206], [52.155174])  # the Amersfoort origin of RD New
    >>> round(pts.x.iloc[0]), round(pts.y.iloc[0]), pts.crs.to_epsg()
    (155000, 463000, 28992)
    """
    pts = gpd.GeoSeries(gpd.points_from_xy(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)),
                        index=index, crs=WGS84)
    return pts.to_crs(RD_NEW)


def points_in(points: gpd.GeoSeries, regions: gpd.GeoDataFrame, *, tolerance: float = 0.0) -> pd.DataFrame:
    """Return the region each point lies in (point in polygon), or the nearest within ``tolerance`` metres.

    Parameters
    ----------
    points
        Points in EPSG:28992.
    regions
        Polygons indexed by code, in EPSG:28992.
    tolerance
        A point outside every polygon goes to the nearest one if that is at
        most this many metres away (generalised coastlines and water).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``points``: ``region`` (code, missing if outside every
        region by more than ``tolerance``) and ``distance`` (metres to it: 0
        inside, NaN where no region).

    Raises
    ------
    CRSError
        If a frame is not in EPSG:28992.

    Examples
    --------
    >>> from shapely.geometry import Point, box
    >>> regions = gpd.GeoDataFrame(geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100)], index=["A", "B"],
    ...                            crs=28992)
    >>> pts = gpd.GeoSeries([Point(50, 50), Point(150, 120), Point(500, 500)], index=[2, 3, 4], crs=28992)
    >>> points_in(pts, regions, tolerance=50)
      region  distance
    2      A       0.0
    3      B      20.0
    4    NaN       NaN
    """
    check_crs(gpd.GeoDataFrame(geometry=points), name="points", expected=RD_NEW)
    check_crs(regions, name="regions", expected=RD_NEW)
    reg = _coded(regions, "region")
    pts = gpd.GeoDataFrame({"key": np.arange(len(points))}, geometry=points.to_numpy(), crs=points.crs)
    hit = gpd.sjoin(pts, reg, how="left", predicate="intersects").sort_values(["key", "region"])
    hit = hit.drop_duplicates("key").set_index("key")
    region = hit["region"].reindex(np.arange(len(points))).to_numpy(dtype=object)
    distance = np.where(pd.notna(region), 0.0, np.nan)
    lost = np.flatnonzero(pd.isna(region))
    if len(lost) and tolerance > 0:
        near = gpd.sjoin_nearest(pts.iloc[lost], reg, how="left", max_distance=tolerance, distance_col="distance")
        near = near.sort_values(["key", "region"]).drop_duplicates("key").dropna(subset=["region"])
        region[near["key"].to_numpy()] = near["region"].to_numpy()
        distance[near["key"].to_numpy()] = near["distance"].to_numpy()
    return pd.DataFrame({"region": region, "distance": distance}, index=points.index)
