"""Read the locations of the GP training institutes (huisartsopleidingen).

The data directory's ``training_institutes/gp_training_institutes.csv`` lists
the 8 institutes with the coordinates of their UMC main hospital (a proxy for
the institute's building) and notes on satellite locations.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from regio.errors import InputError, format_codes
from regio.sources._files import data_file, read_table
from regio.validate import RD_NEW, WGS84, to_numeric

__all__ = ["INSTITUTES_FILE", "read_institutes"]

INSTITUTES_FILE = ("training_institutes", "gp_training_institutes.csv")
_REQUIRED = ("institute_id", "institute", "city", "lon", "lat")


def read_institutes(*, data_dir: str | Path | None = None) -> gpd.GeoDataFrame:
    """Read the GP training institutes as points.

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by ``institute_id``; columns ``institute``, ``umc``, ``city``,
        ``regional_location_note`` and more as in the file; EPSG:28992;
        ``attrs["source"]`` names the file.

    Raises
    ------
    DataNotFoundError
        If the file is not in the data directory.
    InputError
        If a required column is missing or a coordinate is not a number or lies
        outside the Netherlands.

    Examples
    --------
    >>> inst = read_institutes()   # doctest: +SKIP
    >>> len(inst)                  # doctest: +SKIP
    8
    """
    path = data_file(*INSTITUTES_FILE, data_dir=data_dir, what="GP training institutes")
    raw = read_table(path)
    missing = [c for c in _REQUIRED if c not in raw.columns]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}; "
                         f"the file needs {', '.join(_REQUIRED)}.")
    codes = raw["institute_id"]
    lon = to_numeric(raw["lon"], column="lon", source=str(path), allow_negative=True, codes=codes)
    lat = to_numeric(raw["lat"], column="lat", source=str(path), allow_negative=True, codes=codes)
    outside = codes[~(lon.between(3.0, 7.5) & lat.between(50.6, 53.7))]
    if len(outside):
        raise InputError(f"{path}: coordinates outside the Netherlands for {format_codes(outside)} "
                         "(columns lon, lat in WGS84 degrees).")
    frame = raw.drop(columns=["lon", "lat"]).set_index("institute_id")
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lon, lat), crs=WGS84).to_crs(RD_NEW)
    gdf.attrs["source"] = f"{path.parent.name}/{path.name}"
    return gdf
