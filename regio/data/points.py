"""PC4 areas as points: where people live and where the GP practices are, for spatial access.

One point per PC4 area (its representative point, always inside the polygon,
in EPSG:28992), carrying the area's inhabitants (CBS 83502NED, 1 January 2021,
5-year age bands), its GP practices (the shared ZorgkaartNederland counts or a
user's list) and the municipality of the chosen year that holds most of its
area. The same point stands for the demand and the supply of its area.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> pts = pc4_points(2024).frame
>>> len(pts), str(pts.crs), int(pts["n_practices"].sum()), int(pts["population"].sum())
(4067, 'EPSG:28992', 4866, 17472870)
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from regio.data._common import PathLike, _root
from regio.data.practices import _pc4_geometry, practices
from regio.errors import InputError, format_codes
from regio.sources import population as _pop

__all__ = ["PC4Points", "pc4_points"]


@dataclass(frozen=True)
class PC4Points:
    """The PC4 points and what was found in gathering them.

    Attributes
    ----------
    frame
        One row per PC4 area with a polygon (see :func:`pc4_points`).
    sources
        What → source (points, population, practices, municipality).
    suppressed
        PC4 codes whose counts CBS suppressed (their population is NaN).
    unplaced
        PC4 codes with inhabitants or a polygon entry but no drawable polygon (left out).
    derived
        Whether the practice counts are derived (the shared listing).
    year
        The municipal division.
    """

    frame: gpd.GeoDataFrame
    sources: dict[str, str]
    suppressed: tuple[str, ...]
    unplaced: tuple[str, ...]
    derived: bool
    year: int


def pc4_points(year: int = 2024, *, practices_path: str | None = None, data_dir: PathLike = None) -> PC4Points:
    """Return one point per PC4 area with its inhabitants, age bands, practices and municipality.

    Parameters
    ----------
    year
        Year of the municipal division the areas are placed in (each PC4 area
        in the municipality holding most of its area,
        :func:`regio.data.pc4_municipalities`).
    practices_path
        A list of your own practices (see :func:`regio.practices`) instead
        of the shared counts; its ``gps`` and ``fte`` columns come along.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    PC4Points
        ``frame``: indexed by PC4 code (``statcode``), EPSG:28992 points (the
        representative point of each PC4 polygon of the file nearest to
        ``year``): ``x``, ``y`` (metres), ``gemeente``, ``population``
        (float; NaN where CBS suppressed the count), the 5-year band columns
        ``age_0_4`` … ``age_95plus``, ``n_practices`` (0 where none) and, from
        a list that has them, ``gps`` and ``fte``; with ``sources``,
        ``suppressed``, ``unplaced`` and ``derived`` beside it.

    Raises
    ------
    InputError
        If practices lie in PC4 areas that have no polygon (they would be lost).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> pts = pc4_points(2024)
    >>> row = pts.frame.loc["1011"]
    >>> row["gemeente"], float(row["population"]), int(row["n_practices"])
    ('GM0363', 9630.0, 2)
    >>> pts.suppressed[:3], pts.unplaced
    (('1044', '1322', '1329'), ('5028',))
    """
    root = _root(data_dir)
    year = int(year)
    geo = _pc4_geometry(year, root)
    drawn = geo[geo["drawn"]]
    pop = _pop.read_pc4_population(data_dir=root)
    prac = practices("pc4", year, path=practices_path, data_dir=root)
    prac_cols = [c for c in ("n_practices", "gps", "fte") if c in prac.columns]
    lost = prac.index[(prac["n_practices"] > 0) & ~prac.index.isin(drawn.index)]
    if len(lost):
        where = geo.attrs["areas"]
        n = int(prac.loc[lost, "n_practices"].sum())
        raise InputError(f"GP practices lie in PC4 areas without a polygon in {where}: {format_codes(lost)} "
                         f"({n} practices). Place them in a neighbouring PC4 area, or give them a municipal code "
                         "instead.", key="data.practices_without_polygon", where=where, codes=format_codes(lost), n=n)
    people = pop["population"].astype("Float64")
    unplaced = sorted(set(pop.index[people.fillna(0) > 0]) - set(drawn.index)
                      | set(geo.index) - set(drawn.index))
    out = gpd.GeoDataFrame(
        {"x": drawn["x"].to_numpy(), "y": drawn["y"].to_numpy(), "gemeente": drawn["gemeente"].to_numpy()},
        geometry=gpd.points_from_xy(drawn["x"], drawn["y"]), index=drawn.index, crs="EPSG:28992")
    bands = [c for c in pop.columns if c.startswith("age_")]
    values = pop[["population", *bands]].reindex(drawn.index)
    for col in values.columns:
        out[col] = pd.to_numeric(values[col], errors="coerce").astype(float).to_numpy()
    for col in prac_cols:
        v = prac[col].reindex(drawn.index)
        out[col] = (v.fillna(0).astype(np.int64) if col != "fte" else v.fillna(0.0).astype(float)).to_numpy()
    out.index.name = "statcode"
    suppressed = [c for c in pop.attrs.get("suppressed", []) if c in out.index]
    return PC4Points(
        frame=out,
        sources={"points": f"representative points of {geo.attrs['areas']} (EPSG:28992)",
                 "population": pop.attrs["source"], "practices": prac.attrs["source"],
                 "municipality": geo.attrs["municipality"]},
        suppressed=tuple(suppressed), unplaced=tuple(unplaced), derived=bool(prac.attrs.get("derived", False)),
        year=year,
    )
