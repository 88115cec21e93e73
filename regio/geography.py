"""Region geography: membership, aggregation, dissolving and municipal mergers.

Pure functions over (Geo)DataFrames; they never touch files and never change
their inputs. The facade :mod:`regio.data` feeds them from the data directory.

* :func:`membership_by_points` -- which higher region each unit lies in;
* :func:`aggregate` -- sum counts of units (municipalities, PC4) to regions;
* :func:`dissolve` -- region shapes from unit shapes, for levels without a file;
* :func:`define_level` -- a user-defined level from a mapping table;
* :func:`derive_divisions`, :func:`build_crosswalk`, :func:`carry` -- carry
  counts from one year's municipal division to another's (in :mod:`regio.mergers`,
  re-exported here).

Examples
--------
>>> import pandas as pd
>>> counts = pd.DataFrame({"population": [10, 20, 5]}, index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"))
>>> member = pd.Series({"GM1": "PV1", "GM2": "PV1", "GM3": "PV2"})
>>> aggregate(counts, member)["population"].to_dict()
{'PV1': 30, 'PV2': 5}
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from regio import derived
from regio.errors import InputError, RegioWarning, UnknownCodeError, format_codes
from regio.text import joined
from regio.validate import check_crs, check_same_crs, coverage_problems

__all__ = [
    "aggregate",
    "build_crosswalk",
    "carry",
    "define_level",
    "derive_divisions",
    "derive_step",
    "dissolve",
    "membership_by_points",
]

log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------- membership

def membership_by_points(units: gpd.GeoDataFrame, regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """Assign each unit to the region containing its representative point.

    A representative point lies inside its polygon (unlike a centroid). Units
    whose point falls in no region (generalised coastlines of different
    vintages) go to the nearest region; the ``method`` column says which.
    A handful of such units is logged; more than 1% of them is a
    :class:`~regio.errors.RegioWarning` with the counts (the two frames
    probably do not cover the same area).

    Parameters
    ----------
    units, regions
        GeoDataFrames indexed by code, in the same CRS.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``units``: ``region`` (code) and ``method``
        (``"within"`` or ``"nearest"``).

    Raises
    ------
    CRSError
        If the two frames do not share one CRS.
    InputError
        Naming units without geometry (they cannot be placed).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> units = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1), box(2, 0, 3, 1)], index=["a", "b"], crs=28992)
    >>> regions = gpd.GeoDataFrame(geometry=[box(0, 0, 1.5, 2)], index=["R"], crs=28992)
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     joined = membership_by_points(units, regions)
    >>> joined
      region   method
    a      R   within
    b      R  nearest
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    1 of 2 units lie in no region; placed in the nearest region: b. Check that both cover the same area ...
    """
    check_same_crs(("units", units), ("regions", regions))
    has_geom = ~(units.geometry.isna() | units.geometry.is_empty)
    pts = gpd.GeoDataFrame(geometry=units.geometry[has_geom].representative_point(), crs=units.crs)
    reg = gpd.GeoDataFrame(geometry=regions.geometry.to_numpy(), index=pd.Index(regions.index, name="region"),
                           crs=regions.crs).reset_index()
    hit = gpd.sjoin(pts, reg, how="left", predicate="within")
    hit = hit[~hit.index.duplicated(keep="first")]
    region = hit["region"].reindex(units.index)
    method = pd.Series(np.where(region.notna(), "within", None), index=units.index, dtype=object)
    lost = region.isna() & has_geom
    if lost.any():
        near = gpd.sjoin_nearest(pts.loc[lost[lost].index], reg, how="left")
        near = near[~near.index.duplicated(keep="first")]
        region.loc[near.index] = near["region"]
        method.loc[near.index] = "nearest"
        n, of = int(lost.sum()), int(has_geom.sum())
        named = [InputError(f" of {frame.attrs['source']}", key="kernel.of_source", source=frame.attrs["source"])
                 if frame.attrs.get("source") else "" for frame in (units, regions)]
        message = (f"{n} of {of} units{named[0]} lie in no region{named[1]}; placed in the nearest region: "
                   f"{format_codes(near.index)}.")
        if n > 0.01 * of:  # a few along generalised coastlines are normal; more means the files do not match
            warnings.warn(RegioWarning(message + " Check that both cover the same area in the same coordinates (CRS).",
                                       key="kernel.placed_nearest", n=n, of=of, units_source=named[0],
                                       regions_source=named[1], codes=format_codes(near.index)), stacklevel=2)
        else:
            log.info(message)
    if (~has_geom).any():
        raise InputError(
            f"Cannot place units without geometry: {format_codes(units.index[~has_geom])}. "
            "Give them a region in a membership table instead.",
            key="kernel.no_geometry_units", codes=format_codes(units.index[~has_geom]),
        )
    return pd.DataFrame({"region": region.astype(object), "method": method}, index=units.index)


def define_level(
    mapping: pd.DataFrame | pd.Series,
    *,
    units: Iterable[str],
    unit_column: str = "gemeente",
    region_column: str = "region",
    source: str | None = None,
    allow_unassigned: bool = False,
) -> pd.Series:
    """Build a user-defined level from a mapping table (unit code -> region code).

    Parameters
    ----------
    mapping
        One row per unit: its code and the code of its region; or a Series
        region per unit code (its index).
    units
        All unit codes of the division (e.g. the 342 municipalities of 2024).
    unit_column, region_column
        Column names in ``mapping``.
    source
        File name for messages.
    allow_unassigned
        If False (default) every unit must be mapped.

    Returns
    -------
    pandas.Series
        Region code per unit code (index ``statcode``), named ``region_column``;
        ``attrs["source"]`` names the mapping.

    Raises
    ------
    InputError
        Naming units mapped twice, unknown unit codes, and unmapped units.

    Examples
    --------
    >>> m = pd.DataFrame({"gemeente": ["GM1", "GM2"], "region": ["A", "B"]})
    >>> define_level(m, units=["GM1", "GM2"]).to_dict()
    {'GM1': 'A', 'GM2': 'B'}
    """
    where = f" in {source}" if source else ""
    if isinstance(mapping, pd.Series):  # region per unit code
        mapping = pd.DataFrame({unit_column: mapping.index.astype(str), region_column: mapping.to_numpy()})
    for col in (unit_column, region_column):
        if col not in mapping.columns:
            columns = ", ".join(map(str, mapping.columns))
            raise InputError(f"Mapping{where} has no column {col!r}; columns: {columns}.",
                             key="kernel.mapping.no_column", where=where, column=col, columns=columns)
    codes = mapping[unit_column].astype(str).str.strip()
    regions = mapping[region_column]
    units = pd.Index([str(u) for u in units])
    empty = codes[regions.isna() | (regions.astype(str).str.strip() == "")]
    problems = coverage_problems(codes, units, twice="assigned more than once",
                                 missing=None if allow_unassigned else "without a region", also_missing=empty,
                                 keys=("kernel.mapping.twice", "kernel.mapping.unknown", "kernel.mapping.unassigned"))
    if problems:
        raise InputError(f"Mapping{where}: units " + "; ".join(map(str, problems)) + ". Fix the mapping table.",
                         key="kernel.mapping.bad", where=where, problems=joined(problems))
    out = pd.Series(regions.astype(str).str.strip().to_numpy(), index=pd.Index(codes.to_numpy(), name="statcode"),
                    name=region_column)
    out = out.reindex(pd.Index(units, name="statcode"))
    out.attrs["source"] = source or "user-defined mapping"
    return out


def aggregate(
    frame: pd.DataFrame | pd.Series,
    membership: pd.Series,
    *,
    columns: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Sum count columns of units to the regions they belong to.

    Rates must not be aggregated this way: sum their numerator and denominator
    and recompute them.

    Parameters
    ----------
    frame
        Indexed by unit code; numeric count columns.
    membership
        Region code per unit code.
    columns
        Columns to sum (default: all numeric columns).

    Returns
    -------
    pandas.DataFrame
        Indexed by region code (``statcode``), one column per summed column.
        Column totals equal those of ``frame``. A region with a missing value
        in one of its units gets a missing total (missing is not zero);
        ``attrs["incomplete"]`` maps such regions to those units.

    Raises
    ------
    UnknownCodeError
        If units of ``frame`` have no region in ``membership``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> counts = pd.DataFrame({"population": [10_000, 2_500, 800], "gps": [7.0, np.nan, 1.0]},
    ...                       index=pd.Index(["GM0001", "GM0002", "GM0003"], name="statcode"))
    >>> member = pd.Series({"GM0001": "PV01", "GM0002": "PV01", "GM0003": "PV02"})
    >>> out = aggregate(counts, member)
    >>> out
              population  gps
    statcode
    PV01           12500  NaN
    PV02             800  1.0
    >>> out.attrs["incomplete"]  # PV01 has no GP total: GM0002's count is missing
    {'PV01': ['GM0002']}
    >>> aggregate(counts, member.drop("GM0003"))
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: 1 unit(s) have no region in the membership: GM0003. Carry the counts ...
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    cols = list(columns) if columns is not None else list(frame.select_dtypes("number").columns)
    missing = frame.index.difference(membership.dropna().index)
    if len(missing):
        raise UnknownCodeError(
            f"{len(missing)} unit(s) have no region in the membership: {format_codes(missing)}. "
            "Carry the counts to the membership's division first (regio.carry_to), or complete the mapping.",
            key="kernel.no_membership", n=len(missing), codes=format_codes(missing),
        )
    groups = membership.reindex(frame.index).astype(str)
    values = frame[cols]
    # Missing is not zero: a region with a unit whose count is missing gets a missing total.
    out = values.groupby(groups.to_numpy(), sort=True).sum(skipna=False)
    out.index.name = "statcode"
    # what described the units (their level, year, crosswalk) does not describe the sums
    out.attrs = {k: v for k, v in frame.attrs.items() if k in ("source", "year")}
    out.attrs["method"] = "summed from units by membership"
    gaps = values.isna().any(axis=1)
    out.attrs["incomplete"] = {str(r): sorted(map(str, units))
                               for r, units in values.index[gaps].groupby(groups[gaps].to_numpy()).items()}
    return out


def dissolve(
    units: gpd.GeoDataFrame,
    membership: pd.Series,
    *,
    names: Mapping[str, str] | None = None,
    gap_width: float = 200.0,
) -> gpd.GeoDataFrame:
    """Dissolve unit shapes into region shapes.

    Generalised municipal boundaries do not fit exactly: thin gaps and
    overlaps between neighbours would leave slivers and holes inside the
    dissolved regions. The units are therefore first made into a clean
    coverage (``shapely.coverage_clean``), closing gaps narrower than
    ``gap_width`` metres, and then dissolved.

    Parameters
    ----------
    units
        Unit polygons indexed by code, in EPSG:28992.
    membership
        Region code per unit code; every unit must have one.
    names
        Optional region names; defaults to the codes.
    gap_width
        Gaps between units narrower than this (metres) are closed; 0 keeps them.

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by region code, with ``statnaam`` and the dissolved geometry
        (for drawing; measure areas on the units themselves).

    Raises
    ------
    UnknownCodeError
        If units have no region in ``membership``.
    CRSError
        If ``units`` is not in EPSG:28992.

    Examples
    --------
    Four municipalities around a 20 m wide gap, and a fifth in another region:

    >>> import geopandas as gpd, pandas as pd
    >>> from shapely.geometry import box
    >>> units = gpd.GeoDataFrame(
    ...     geometry=[box(0, 0, 1000, 2000), box(1000, 0, 2000, 990), box(1000, 1010, 2000, 2000),
    ...               box(2000, 0, 3000, 2000), box(3000, 0, 4000, 2000)],
    ...     index=pd.Index(["GM0001", "GM0002", "GM0003", "GM0004", "GM0005"], name="statcode"), crs="EPSG:28992")
    >>> member = pd.Series({"GM0001": "PV01", "GM0002": "PV01", "GM0003": "PV01", "GM0004": "PV01",
    ...                     "GM0005": "PV02"})
    >>> regions = dissolve(units, member, names={"PV01": "West"})
    >>> regions["statnaam"].to_dict(), regions.area.tolist()
    ({'PV01': 'West', 'PV02': 'PV02'}, [6000000.0, 2000000.0])
    >>> [len(g.interiors) for g in dissolve(units, member, gap_width=0).geometry]  # the gap kept as a hole
    [1, 0]
    """
    check_crs(units, name="units")
    missing = units.index.difference(membership.dropna().index)
    if len(missing):
        raise UnknownCodeError(f"{len(missing)} unit(s) have no region: {format_codes(missing)}.",
                               key="kernel.no_region", n=len(missing), codes=format_codes(missing))
    groups = membership.reindex(units.index).astype(str).to_numpy()
    geoms = units.geometry.to_numpy()
    # kept by content (regio.derived): the same dissolve is made once, and with the store on disk once at all
    key = derived.content_key("dissolve", geoms, units.index, groups, sorted((names or {}).items()),
                              float(gap_width), str(units.crs))
    kept = derived.cached("dissolve", key, lambda: _dissolve(units, groups, names, gap_width),
                          dumps=derived.dump_regions, loads=lambda b: derived.load_regions(b, units.crs))
    out = kept.copy()  # the caller may change its copy
    out.attrs = {}
    return out


def _dissolve(units: gpd.GeoDataFrame, groups: np.ndarray, names: Mapping[str, str] | None,
              gap_width: float) -> gpd.GeoDataFrame:
    """:func:`dissolve` without its cache."""
    geoms = units.geometry.to_numpy()
    has = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if has.any():
        geoms = geoms.copy()
        cleaned = shapely.coverage_clean(geoms[has], gap_width=gap_width)
        keep = ~shapely.is_empty(cleaned)  # a unit swallowed by cleaning keeps its own shape
        geoms[np.flatnonzero(has)[keep]] = cleaned[keep]
    parts = gpd.GeoDataFrame(geometry=geoms, crs=units.crs)
    parts["statcode"] = groups
    out = parts.dissolve(by="statcode")
    out.geometry = out.geometry.make_valid()
    out.insert(0, "statnaam", [(names or {}).get(code, code) for code in out.index])
    return out


# the municipal mergers live in regio.mergers; re-exported here, where they were
from regio.mergers import build_crosswalk, carry, derive_divisions, derive_step  # noqa: E402
