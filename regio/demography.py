"""Population indicators per region: inhabitants, area and density.

Examples
--------
>>> import geopandas as gpd, pandas as pd
>>> from shapely.geometry import box
>>> shapes = gpd.GeoDataFrame(geometry=[box(0, 0, 10_000, 10_000)], index=pd.Index(["GM1"], name="statcode"),
...                           crs="EPSG:28992")
>>> pop = pd.DataFrame({"statnaam": ["A"], "population": [25_000]}, index=shapes.index)
>>> population_density(pop, shapes)[["area_km2", "per_km2", "per_100km2"]].round(1).to_dict("records")
[{'area_km2': 100.0, 'per_km2': 250.0, 'per_100km2': 25000.0}]
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from regio.errors import InputError, UnknownCodeError, format_codes
from regio.text import joined
from regio.validate import check_crs

__all__ = ["population_density"]


def population_density(population: pd.DataFrame, shapes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Inhabitants per km² (and per 100 km²) from counts and region shapes.

    Areas are measured in EPSG:28992 on the shapes given, which are generalised
    for maps, so they are approximate (within a few percent for municipalities).

    Parameters
    ----------
    population
        ``population`` per region code (e.g. from :func:`regio.population`).
    shapes
        Region polygons in EPSG:28992 with the same codes.

    Returns
    -------
    pandas.DataFrame
        A new frame: the columns of ``population`` plus ``area_km2``,
        ``per_km2`` and ``per_100km2``.

    Raises
    ------
    UnknownCodeError
        If codes of one input are missing in the other.
    InputError
        If ``population`` has no ``population`` column.
    CRSError
        If ``shapes`` has no CRS or another one than EPSG:28992.

    Examples
    --------
    >>> import geopandas as gpd, pandas as pd
    >>> from shapely.geometry import box
    >>> codes = pd.Index(["GM0001", "GM0002"], name="statcode")
    >>> shapes = gpd.GeoDataFrame(geometry=[box(0, 0, 5_000, 4_000), box(5_000, 0, 15_000, 10_000)],
    ...                           index=codes, crs="EPSG:28992")
    >>> pop = pd.DataFrame({"population": [12_000, 3_500]}, index=codes)
    >>> population_density(pop, shapes).round(1)
              population  area_km2  per_km2  per_100km2
    statcode
    GM0001         12000      20.0    600.0     60000.0
    GM0002          3500     100.0     35.0      3500.0
    >>> population_density(pop.iloc[:1], shapes)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: Population and shapes do not cover the same regions: no population for GM0002. ...
    """
    check_crs(shapes, name="shapes")
    if "population" not in population.columns:
        raise InputError("population_density needs a 'population' column.", key="kernel.needs_population")
    only_pop = population.index.difference(shapes.index)
    only_shape = shapes.index.difference(population.index)
    if len(only_pop) or len(only_shape):
        parts = ([InputError(f"no shape for {format_codes(only_pop)}", key="kernel.no_shape_for",
                             codes=format_codes(only_pop))] if len(only_pop) else []) \
            + ([InputError(f"no population for {format_codes(only_shape)}", key="kernel.no_population_for",
                           codes=format_codes(only_shape))] if len(only_shape) else [])
        raise UnknownCodeError(
            "Population and shapes do not cover the same regions: " + "; ".join(map(str, parts))
            + ". Use one division for both (e.g. the same year).",
            key="kernel.population_shapes", problems=joined(parts),
        )
    out = population.copy()
    area = shapes.geometry.area.reindex(out.index) / 1e6
    out["area_km2"] = area
    out["per_km2"] = out["population"] / area.where(area > 0)
    out["per_100km2"] = out["per_km2"] * 100
    return out
