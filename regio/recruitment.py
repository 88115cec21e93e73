"""Recruitment areas of the GP training institutes: assignment, trainer capacity and gaps.

An institute area is a user-defined region level: every municipality belongs
to one *primary* institute (which leads trainer recruitment there) and may
have *joint* institutes (recruiting together; the GP then chooses). Three ways
to make that table all return the same frame (:data:`ASSIGNMENT_COLUMNS`):

* :func:`assign_from_agreement` -- from a table agreed between the institutes
  (the 2009 agreements were made municipality by municipality);
* :func:`assign_nearest` -- the nearest location (main or satellite) by
  straight-line distance in EPSG:28992 or by a travel-time matrix, with joint
  zones where the second-nearest institute is within a margin;
* :func:`assign_capacitated` -- each area must hold the trainers its intake
  needs, at the least population-weighted distance (a p-median with the 8
  fixed institutes and capacity constraints, solved as an integer programme
  with HiGHS through :func:`scipy.optimize.milp`).

Per area, :func:`area_summary` sums inhabitants, GPs and trainers, and
computes the target at a share of GPs (default 25%), the gap, the trainee
capacity and the split of a national extra-trainer target in whole numbers.

All functions are pure: frames in, new frames out; numbers are computed here
once and only drawn by :mod:`regio.maps.recruitment`. The numeric cores
(:func:`nearest_core`, :func:`capacitated_core`) work on cost matrices and
are tested with hand-made matrices; thin adapters build the matrices from
geometries.

Examples
--------
>>> import pandas as pd
>>> cost = pd.DataFrame({"a": [1.0, 9.0, 5.0], "b": [8.0, 2.0, 6.0]}, index=["GM1", "GM2", "GM3"])
>>> nearest_core(cost, institute_of={"a": "A", "b": "B"}, margin=1.5)[["institute", "joint"]]
    institute joint
GM1         A
GM2         B
GM3         A     B
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd

from regio.apportion import largest_remainder
from regio.errors import InputError, UnknownCodeError, format_codes
from regio.geography import define_level
from regio.text import fmt_number
from regio.validate import check_crs, coverage_problems, to_numeric

__all__ = [
    "ASSIGNMENT_COLUMNS",
    "DEFAULT_TARGET_SHARE",
    "NATIONAL_TRAINERS_2009",
    "NATIONAL_TRAINERS_TARGET",
    "InfeasibleTargetError",
    "area_summary",
    "assign_capacitated",
    "assign_from_agreement",
    "assign_nearest",
    "capacitated_core",
    "distance_matrix",
    "estimate_gps",
    "institute_aliases",
    "joint_list",
    "municipal_trainers",
    "nearest_core",
    "resolve_institutes",
    "resolve_municipalities",
    "travel_time_matrix",
]

log = logging.getLogger(__name__)

#: Columns of every assignment frame (index: municipality code ``statcode``).
ASSIGNMENT_COLUMNS = ["institute", "joint", "location", "cost", "method"]
#: Trainers in 2009 and the agreed target (Huisartsopleiding Nederland newsletter, 2009).
NATIONAL_TRAINERS_2009 = 1700
NATIONAL_TRAINERS_TARGET = 2000
#: "The number of trainers per region at least 25%" (of GPs), the 2009 starting point.
DEFAULT_TARGET_SHARE = 0.25

_SPLIT = re.compile(r"\s*[;,/+|]\s*")
_GM = re.compile(r"^(?:GM)?(\d{1,4})$", re.IGNORECASE)


class InfeasibleTargetError(InputError):
    """The institutes need more trainers than the municipalities can hold.

    Attributes
    ----------
    shortfall
        Trainers short per institute (0 where the need is met).
    assignment
        The assignment with the least total shortfall (and, among those, the
        least population-weighted distance), or ``None``.
    """

    def __init__(self, message: str, *, shortfall: pd.Series, assignment: pd.DataFrame | None = None):
        super().__init__(message)
        self.shortfall = shortfall
        self.assignment = assignment


# ----------------------------------------------------------------------------- names and ids

def joint_list(value: object) -> list[str]:
    """Split a cell of joint institutes (``"lumc; erasmusmc"``) into ids.

    Parameters
    ----------
    value
        A cell: ids separated by ``;``, ``,``, ``/``, ``+`` or ``|``; empty,
        None or NaN for none.

    Returns
    -------
    list of str
        The ids in the order given (not checked against known institutes).

    Examples
    --------
    >>> joint_list("lumc; erasmusmc"), joint_list(None), joint_list("")
    (['lumc', 'erasmusmc'], [], [])
    >>> joint_list("amc / vumc + lumc"), joint_list(float("nan"))
    (['amc', 'vumc', 'lumc'], [])
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):
        return []
    return [p for p in _SPLIT.split(str(value).strip()) if p]


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text).replace("’", "'").replace("`", "'")).strip().lower()


def institute_aliases(locations: pd.DataFrame) -> dict[str, str]:
    """Spellings accepted for each institute id: id, ``HAO-`` id, short name, UMC and city.

    A spelling shared by two institutes (``Amsterdam``, ``Amsterdam UMC``) is
    not accepted for either.

    Parameters
    ----------
    locations
        Institute locations with ``institute_id``, ``kind`` and optionally
        ``short_name``, ``umc``, ``city`` (as :func:`regio.sources.geodata.institutes`).

    Returns
    -------
    dict
        Lower-case spelling -> institute id.

    Examples
    --------
    >>> loc = pd.DataFrame({"institute_id": ["amc", "vumc", "lumc"], "kind": "main",
    ...                     "city": ["Amsterdam", "Amsterdam", "Leiden"]})
    >>> a = institute_aliases(loc)
    >>> a["leiden"], a["hao-amc"], "amsterdam" in a
    ('lumc', 'amc', False)
    """
    main = locations[locations["kind"] == "main"] if "kind" in locations else locations
    seen: dict[str, set[str]] = {}
    for _, row in main.iterrows():
        iid = str(row["institute_id"])
        spellings = {iid, f"hao-{iid}"}
        for col in ("short_name", "umc", "city"):
            if col in row and pd.notna(row[col]):
                spellings.add(str(row[col]))
        for s in spellings:
            seen.setdefault(_norm(s), set()).add(iid)
    ids = {str(i) for i in main["institute_id"]}
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    out.update({_norm(i): i for i in ids})  # an id always means itself
    return out


def resolve_institutes(values: Iterable[object], aliases: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Map spellings to institute ids; return ``(ids, unknown spellings)``.

    Spellings are matched case-insensitively, with surrounding and repeated
    spaces ignored.

    Parameters
    ----------
    values
        Spellings of institutes (ids, short names, cities ...).
    aliases
        Lower-case spelling -> institute id, as from :func:`institute_aliases`.

    Returns
    -------
    tuple of list
        One id per value (None where unknown), and the unknown spellings as given.

    Examples
    --------
    >>> resolve_institutes(["LUMC", "x"], {"lumc": "lumc"})
    (['lumc', None], ['x'])
    >>> resolve_institutes(["  Leiden "], {"leiden": "lumc"})
    (['lumc'], [])
    """
    ids, unknown = [], []
    for v in values:
        key = _norm(v)
        if key in aliases:
            ids.append(aliases[key])
        else:
            ids.append(None)
            unknown.append(str(v))
    return ids, unknown


def resolve_municipalities(values: pd.Series, *, names: Mapping[str, str] | None = None) -> pd.Series:
    """Turn municipality codes (``GM0363``, ``363``, ``0363``) or names into ``GMxxxx`` codes.

    Values that are neither a code nor a known name are returned unchanged, so
    that a later check against the division lists them.

    Parameters
    ----------
    values
        Codes or names.
    names
        Code -> name of the division (names matched case-insensitively; a
        name shared by two codes is not matched).

    Returns
    -------
    pandas.Series
        Same index as ``values``; missing values stay missing.

    Examples
    --------
    >>> resolve_municipalities(pd.Series(["363", "Leiden", "Atlantis"]), names={"GM0546": "Leiden"}).tolist()
    ['GM0363', 'GM0546', 'Atlantis']
    """
    by_name: dict[str, str] = {}
    if names:
        counts: dict[str, int] = {}
        for code, name in names.items():
            counts[_norm(name)] = counts.get(_norm(name), 0) + 1
            by_name[_norm(name)] = str(code)
        by_name = {k: v for k, v in by_name.items() if counts[k] == 1}

    def one(v: object) -> object:
        if pd.isna(v):
            return v
        text = str(v).strip()
        m = _GM.match(text)
        if m:
            return "GM" + m.group(1).zfill(4)
        return by_name.get(_norm(text), text)

    return values.map(one)


def _institute_ids(locations: pd.DataFrame) -> list[str]:
    return sorted({str(i) for i in locations["institute_id"]})


def _finish(frame: pd.DataFrame, method: str, notes: Mapping[str, object]) -> pd.DataFrame:
    out = frame[ASSIGNMENT_COLUMNS].copy()
    out.index.name = "statcode"
    out.attrs.update({"method": method, **notes})
    return out


# ----------------------------------------------------------------------------- agreement

_CODE_COLS = ("gemeente", "statcode", "gemeentecode", "code", "gm_code", "municipality_code")
_NAME_COLS = ("gemeentenaam", "statnaam", "naam", "name", "municipality", "gemeente_naam")
_PRIMARY_COLS = ("primary", "institute", "instituut", "primair", "primary_institute", "lead")
_JOINT_COLS = ("joint", "gezamenlijk", "joint_institutes", "samen", "also")


def _find(columns: Iterable[str], wanted: Iterable[str]) -> str | None:
    lower = {str(c).strip().lower(): c for c in columns}
    return next((lower[w] for w in wanted if w in lower), None)


def assign_from_agreement(
    table: pd.DataFrame,
    *,
    units: Iterable[str],
    locations: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """Read an assignment from an agreement table: municipality -> primary (+ joint) institutes.

    Parameters
    ----------
    table
        One row per municipality with a code column (``gemeente``,
        ``statcode``, ``code``; ``GM0363``, ``0363`` and ``363`` are
        accepted) or a name column (``gemeentenaam``, ``naam``, ``name``), a
        primary institute column (``primary``, ``institute``, ``instituut``)
        and optionally joint institutes (``joint``, ``gezamenlijk``;
        separated by ``;``, ``,``, ``/`` or ``+``). Institutes by id
        (``amc``, ``vumc``, ``umcg``, ``lumc``, ``mumc``, ``radboudumc``,
        ``erasmusmc``, ``umcu``), short name or unambiguous city.
    units
        The municipal codes of the boundary year the table must match.
    locations
        Institute locations (for the known ids).
    names
        Code -> name of the municipalities of that year (to accept names).
    source
        File name for messages.

    Returns
    -------
    pandas.DataFrame
        Indexed by municipality code (all of ``units``), columns
        :data:`ASSIGNMENT_COLUMNS`; ``method`` is ``"agreement"``.

    Raises
    ------
    InputError
        Once, listing every problem: missing columns, unknown institutes,
        codes or names not in the boundary year, municipalities assigned twice
        and municipalities without an institute.

    Examples
    --------
    >>> loc = pd.DataFrame({"institute_id": ["a", "b"], "kind": "main"})
    >>> t = pd.DataFrame({"gemeente": ["GM0001", "2"], "primary": ["a", "B"], "joint": ["b", ""]})
    >>> assign_from_agreement(t, units=["GM0001", "GM0002"], locations=loc)[["institute", "joint"]]
             institute joint
    statcode
    GM0001           a     b
    GM0002           b
    """
    where = f" in {source}" if source else ""
    code_col, name_col = _find(table.columns, _CODE_COLS), _find(table.columns, _NAME_COLS)
    primary_col, joint_col = _find(table.columns, _PRIMARY_COLS), _find(table.columns, _JOINT_COLS)
    missing = []
    if code_col is None and name_col is None:
        missing.append(f"a municipality column ({', '.join(_CODE_COLS[:3])} or {', '.join(_NAME_COLS[:3])})")
    if primary_col is None:
        missing.append(f"a primary institute column ({', '.join(_PRIMARY_COLS[:3])})")
    if missing:
        raise InputError(f"Agreement table{where} lacks " + " and ".join(missing)
                         + f"; its columns: {', '.join(map(str, table.columns))}.")
    units = pd.Index([str(u) for u in units])
    key = table[code_col] if code_col is not None else table[name_col]
    if code_col is not None and name_col is not None:
        key = key.where(key.notna() & (key.astype(str).str.strip() != ""), table[name_col])
    codes = resolve_municipalities(key, names=names)
    aliases = institute_aliases(locations)
    problems = []
    primary_raw = table[primary_col]
    filled = primary_raw.notna() & (primary_raw.astype(str).str.strip() != "")
    primary_ids, unknown = resolve_institutes(primary_raw[filled], aliases)
    primary = pd.Series(None, index=table.index, dtype=object)
    primary[filled] = primary_ids
    joints: list[str] = []
    for i, cell in (table[joint_col] if joint_col is not None else pd.Series("", index=table.index)).items():
        ids, bad = resolve_institutes(joint_list(cell), aliases)
        unknown += bad
        keep = [j for j in dict.fromkeys(ids) if j is not None and j != primary[i]]
        joints.append(";".join(keep))
    if unknown:
        problems.append(f"unknown institutes {format_codes(unknown)} (known: {', '.join(_institute_ids(locations))})")
    mapping = pd.DataFrame({"gemeente": codes.to_numpy(), "institute": primary.to_numpy(), "joint": joints})
    unknown_institute_rows = filled.to_numpy() & mapping["institute"].isna().to_numpy()
    try:
        level = define_level(
            mapping.assign(institute=mapping["institute"].where(~unknown_institute_rows, "?")),
            units=units, unit_column="gemeente", region_column="institute", source=source)
    except InputError as exc:
        problems.append(str(exc).replace(". Fix the mapping table.", "").replace(
            f"Mapping{where}: units", "municipalities"))
        level = None
    if problems:
        raise InputError(f"Agreement table{where}: " + "; ".join(problems) + ". Fix the table: one row per "
                         f"municipality of the boundary year ({len(units)} municipalities), each with a known "
                         "primary institute.")
    assert level is not None
    joint = pd.Series(joints, index=mapping["gemeente"].astype(str)).reindex(units).fillna("")
    out = pd.DataFrame({"institute": level.to_numpy(), "joint": joint.to_numpy(), "location": None,
                        "cost": np.nan, "method": "agreement"}, index=units)
    return _finish(out, "agreement", {"source": source or "agreement table"})


# ----------------------------------------------------------------------------- nearest

def _unit_points(units: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Centroid of each unit, or a point inside it where the centroid falls outside (points stay as they are)."""
    centroid = units.geometry.centroid
    inside = centroid.within(units.geometry)
    return centroid.where(inside, units.geometry.representative_point())


def distance_matrix(units: gpd.GeoDataFrame, locations: gpd.GeoDataFrame) -> pd.DataFrame:
    """Straight-line distance in km from each unit to each location, in EPSG:28992.

    A unit is represented by its centroid, or by a point inside it where the
    centroid falls outside (a crescent-shaped municipality); units given as
    points (e.g. population-weighted centres) are used as they are.

    Parameters
    ----------
    units
        Municipality polygons indexed by code, EPSG:28992.
    locations
        Points indexed by location id, EPSG:28992.

    Returns
    -------
    pandas.DataFrame
        Units x locations, kilometres.

    Examples
    --------
    >>> from shapely.geometry import Point, box
    >>> u = gpd.GeoDataFrame(geometry=[box(0, 0, 2000, 2000)], index=["GM1"], crs=28992)
    >>> loc = gpd.GeoDataFrame(geometry=[Point(1000, 4000)], index=["x"], crs=28992)
    >>> distance_matrix(u, loc)
           x
    GM1  3.0
    """
    check_crs(units, name="municipalities")
    check_crs(locations, name="institute locations")
    pts = _unit_points(units)
    ux, uy = pts.x.to_numpy(), pts.y.to_numpy()
    lx, ly = locations.geometry.x.to_numpy(), locations.geometry.y.to_numpy()
    d = np.hypot(ux[:, None] - lx[None, :], uy[:, None] - ly[None, :]) / 1000.0
    return pd.DataFrame(d, index=units.index, columns=locations.index)


def travel_time_matrix(
    table: pd.DataFrame,
    *,
    units: Iterable[str],
    locations: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    source: str | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Validate a user's travel-time matrix (municipality x location or institute).

    Accepted layouts: *wide* -- a municipality column (code or name) and one
    column per location id (``vumc-hengelo``) or institute id (``vumc``);
    *long* -- columns municipality, ``location`` or ``institute``, and
    ``minutes`` (or ``time``, ``cost``, ``travel_time``).

    Parameters
    ----------
    table
        The matrix as read from the user's file, wide or long.
    units
        The municipal codes of the boundary year; every one needs a row.
    locations
        Institute locations indexed by location id, with ``institute_id``
        (:func:`regio.sources.geodata.institutes`).
    names
        Code -> name of the municipalities (to accept names).
    source
        File name for messages.

    Returns
    -------
    tuple
        The matrix (all ``units`` x the columns given, floats) and the
        institute of each column.

    Raises
    ------
    InputError
        Listing unknown columns, institutes without a column, municipalities
        not in the division, missing municipalities, duplicates, and missing
        (also pairs left out of a long table) or negative times.

    Examples
    --------
    >>> loc = pd.DataFrame({"institute_id": ["a", "b", "b"], "kind": ["main", "main", "satellite"]},
    ...                    index=["a", "b", "b-zwolle"])
    >>> wide = pd.DataFrame({"gemeente": ["GM0001", "GM0002"], "a": [10, 40], "b-zwolle": [35, 15]})
    >>> m, institute_of = travel_time_matrix(wide, units=["GM0001", "GM0002"], locations=loc)
    >>> m
               a  b-zwolle
    GM0001  10.0      35.0
    GM0002  40.0      15.0
    >>> institute_of
    {'a': 'a', 'b-zwolle': 'b'}
    >>> long = pd.DataFrame({"gemeente": ["1", "1", "2", "2"], "institute": ["a", "b", "a", "b"],
    ...                      "minutes": [10, 30, 40, 15]})
    >>> travel_time_matrix(long, units=["GM0001", "GM0002"], locations=loc)[0].loc["GM0002"].tolist()
    [40.0, 15.0]
    >>> travel_time_matrix(wide, units=["GM0001", "GM0003"], locations=loc)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Travel times: not in the division: GM0002; missing municipalities: GM0003.
    """
    where = f" in {source}" if source else ""
    units = pd.Index([str(u) for u in units])
    key_col = _find(table.columns, _CODE_COLS) or _find(table.columns, _NAME_COLS)
    if key_col is None:
        raise InputError(f"Travel times{where}: no municipality column ({', '.join(_CODE_COLS[:3])}); "
                         f"columns: {', '.join(map(str, table.columns))}.")
    loc_ids = {str(i): str(inst) for i, inst in zip(locations.index, locations["institute_id"], strict=True)}
    inst_ids = {i: i for i in _institute_ids(locations)}
    target_col = _find(table.columns, ("location", "locatie", "institute", "instituut"))
    value_col = _find(table.columns, ("minutes", "minuten", "time", "cost", "travel_time", "reistijd"))
    if target_col is not None and value_col is not None:
        if table.duplicated([key_col, target_col]).any():
            dup = table.loc[table.duplicated([key_col, target_col], keep=False), key_col]
            raise InputError(f"Travel times{where}: pairs given twice for {format_codes(dup)}.")
        # unstack keeps empty times and absent pairs as missing (pivot_table would drop them)
        wide = table.set_index([key_col, target_col])[value_col].unstack()
        wide.columns = [str(c) for c in wide.columns]
        wide = wide.reset_index()
        key_col_w = key_col
    else:
        wide, key_col_w = table, key_col
    cols = [c for c in wide.columns if c != key_col_w]
    problems = []
    column_institute = {}
    for c in cols:
        k = str(c).strip().lower()
        if k in loc_ids:
            column_institute[str(c)] = loc_ids[k]
        elif k in inst_ids:
            column_institute[str(c)] = k
        else:
            problems.append(f"column {c!r} is neither a location ({', '.join(loc_ids)}) nor an institute")
    uncovered = sorted(set(inst_ids) - set(column_institute.values()))
    if uncovered and len(column_institute) == len(cols):
        problems.append(f"no column for institute(s) {', '.join(uncovered)}: give a time to each institute "
                        "(or to one of its locations) for every municipality")
    codes = resolve_municipalities(wide[key_col_w], names=names).astype(str)
    problems += coverage_problems(codes, units, twice="municipalities given twice", missing="missing municipalities")
    if problems:
        raise InputError(f"Travel times{where}: " + "; ".join(problems) + ".")
    values = {}
    for c in cols:
        values[str(c)] = to_numeric(wide[c], column=str(c), source=source, codes=codes).to_numpy()
    matrix = pd.DataFrame(values, index=pd.Index(codes.to_numpy(), name="statcode")).reindex(units)
    return matrix, column_institute


def nearest_core(cost: pd.DataFrame, *, institute_of: Mapping[str, str], margin: float = 0.0) -> pd.DataFrame:
    """Assign each row to the institute of its cheapest column; joint where others are close.

    Parameters
    ----------
    cost
        Units x locations (km, minutes ...), no missing values.
    institute_of
        Institute of each location (column).
    margin
        An institute other than the nearest is *joint* where its cost is at
        most the nearest cost plus ``margin`` (same unit as ``cost``).

    Returns
    -------
    pandas.DataFrame
        :data:`ASSIGNMENT_COLUMNS`; ``location`` is the nearest column,
        ``cost`` its cost, ``joint`` the close institutes by rising cost
        (``;``-separated). Ties go to the institute id that sorts first.

    Raises
    ------
    InputError
        For a negative or infinite ``margin`` or missing costs.
    UnknownCodeError
        For a column without an institute in ``institute_of``.

    Examples
    --------
    Two locations of institute B; unit GM2 is nearest to B's second one:

    >>> cost = pd.DataFrame({"a": [1.0, 9.0, 5.0], "b1": [8.0, 7.0, 6.0], "b2": [9.0, 2.0, 9.0]},
    ...                     index=["GM1", "GM2", "GM3"])
    >>> nearest_core(cost, institute_of={"a": "A", "b1": "B", "b2": "B"}, margin=1.0)
        institute joint location  cost   method
    GM1         A              a   1.0  nearest
    GM2         B             b2   2.0  nearest
    GM3         A     B        a   5.0  nearest
    >>> nearest_core(cost, institute_of={"a": "A"})
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: Locations without an institute: b1, b2.
    """
    if margin < 0 or not np.isfinite(margin):
        raise InputError(f"The joint margin must be a non-negative number, got {margin!r}.")
    if cost.isna().to_numpy().any():
        raise InputError(f"Costs missing for {format_codes(cost.index[cost.isna().any(axis=1)])}.")
    unknown = [c for c in cost.columns if c not in institute_of]
    if unknown:
        raise UnknownCodeError(f"Locations without an institute: {format_codes(unknown)}.")
    inst = pd.Series({c: institute_of[c] for c in cost.columns})
    per_inst = cost.T.groupby(inst.to_numpy()).min().T  # units x institutes (sorted ids)
    values = per_inst.to_numpy()
    best_i = values.argmin(axis=1)
    best = values[np.arange(len(values)), best_i]
    primary = per_inst.columns.to_numpy()[best_i]
    joints = []
    for row, b, p in zip(values, best, primary, strict=True):
        close = [(v, j) for v, j in zip(row, per_inst.columns, strict=True) if j != p and v <= b + margin]
        joints.append(";".join(j for _, j in sorted(close)))
    # the cheapest location of the primary institute
    loc = []
    arr = cost.to_numpy()
    for r, p in enumerate(primary):
        cols = np.flatnonzero(inst.to_numpy() == p)
        loc.append(str(cost.columns[cols[arr[r, cols].argmin()]]))
    return pd.DataFrame({"institute": primary.astype(object), "joint": joints, "location": loc, "cost": best,
                         "method": "nearest"}, index=cost.index)


def assign_nearest(
    units: gpd.GeoDataFrame,
    locations: gpd.GeoDataFrame,
    *,
    margin: float = 0.0,
    satellites: bool = True,
    travel_times: tuple[pd.DataFrame, Mapping[str, str]] | None = None,
) -> pd.DataFrame:
    """Assign each municipality to the institute with the nearest location.

    Parameters
    ----------
    units
        Municipalities (EPSG:28992), indexed by code.
    locations
        Institute locations (:func:`regio.sources.geodata.institutes`).
    margin
        Joint zone margin in km (or minutes with ``travel_times``).
    satellites
        Count satellite locations (Hengelo, Zwolle, Den Haag) as locations of
        their institute; with False only main locations count.
    travel_times
        ``(matrix, column -> institute)`` from :func:`travel_time_matrix`
        instead of straight-line distances.

    Returns
    -------
    pandas.DataFrame
        :data:`ASSIGNMENT_COLUMNS` per municipality; ``method`` ``"nearest"``;
        ``attrs`` record the cost unit and margin.

    Raises
    ------
    CRSError
        For boundaries or locations not in EPSG:28992.
    InputError
        For a negative margin, or travel times missing for municipalities.

    Examples
    --------
    Four 10 km squares in a row; institute a at the west end, b at the east
    end with a satellite location over the third square:

    >>> from shapely.geometry import Point, box
    >>> units = gpd.GeoDataFrame(geometry=[box(i * 10_000, 0, (i + 1) * 10_000, 10_000) for i in range(4)],
    ...                          index=["GM0001", "GM0002", "GM0003", "GM0004"], crs=28992)
    >>> loc = gpd.GeoDataFrame({"institute_id": ["a", "b", "b"], "kind": ["main", "main", "satellite"]},
    ...                        geometry=[Point(5_000, 5_000), Point(35_000, 5_000), Point(25_000, 5_000)],
    ...                        index=["a", "b", "b-sat"], crs=28992)
    >>> assign_nearest(units, loc, margin=5)
             institute joint location  cost   method
    statcode
    GM0001           a              a   0.0  nearest
    GM0002           a     b        a  10.0  nearest
    GM0003           b          b-sat   0.0  nearest
    GM0004           b              b   0.0  nearest
    >>> assign_nearest(units, loc, satellites=False)["cost"].tolist()
    [0.0, 10.0, 10.0, 0.0]
    """
    if travel_times is not None:
        cost, institute_of = travel_times
        cost = cost.reindex(units.index)
        unit, how, how_nl = "min", "travel time (user matrix)", "reistijd (matrix van de gebruiker)"
    else:
        use = locations if satellites else locations[locations["kind"] == "main"]
        cost = distance_matrix(units, use)
        institute_of = dict(zip(use.index.astype(str), use["institute_id"].astype(str), strict=True))
        centre = units.attrs.get("centre", "centroid")
        centre_nl = units.attrs.get("centre_nl", "zwaartepunt" if centre == "centroid" else centre)
        unit, how = "km", f"straight-line distance in EPSG:28992 from the municipality's {centre}"
        how_nl = f"hemelsbrede afstand in EPSG:28992 vanaf het {centre_nl} van de gemeente"
    if not satellites and travel_times is not None:
        keep = [c for c in cost.columns if c not in set(locations.index[locations["kind"] != "main"])]
        cost = cost[keep]
    out = nearest_core(cost, institute_of=institute_of, margin=margin)
    note = (f"nearest location ({'main and satellite' if satellites else 'main only'}) by {how}; "
            f"joint where another institute is within {margin:g} {unit}")
    note_nl = (f"dichtstbijzijnde locatie ({'hoofd- en satellietlocaties' if satellites else 'alleen hoofdlocaties'}) "
               f"naar {how_nl}; gezamenlijk waar een ander instituut binnen {f'{margin:g}'.replace('.', ',')} "
               f"{unit} ligt")
    return _finish(out, "nearest", {"cost_unit": unit, "margin": margin, "satellites": satellites,
                                    "description": note, "description_nl": note_nl})


# ----------------------------------------------------------------------------- capacitated

def capacitated_core(
    cost: np.ndarray,
    weights: np.ndarray,
    supply: np.ndarray,
    need: np.ndarray,
    *,
    time_limit: float = 60.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Capacitated p-median with fixed facilities: assign rows to columns at least weighted cost.

    Minimise ``sum_ij w_i c_ij x_ij`` subject to ``sum_j x_ij = 1`` (every
    unit to one facility), ``sum_i s_i x_ij >= r_j`` (every facility's area
    holds its need) and ``x`` binary -- an integer programme solved by HiGHS
    (:func:`scipy.optimize.milp`).

    Parameters
    ----------
    cost
        ``n x m`` costs (distance), finite and non-negative.
    weights
        ``n`` weights (inhabitants).
    supply
        ``n`` capacities of the units (trainers, or GPs x target share).
    need
        ``m`` needs of the facilities (trainers).
    time_limit
        Seconds for the solver.

    Returns
    -------
    tuple of numpy.ndarray
        Column index per row, and the shortfall per column (all zero when
        the needs are met).

    Raises
    ------
    InputError
        For arrays of the wrong shape, negative or infinite values, or when
        even the least-shortfall programme cannot be solved.

    Notes
    -----
    When the needs cannot all be met (``sum(need) > sum(supply)``, or no
    whole-unit assignment meets them) a second programme minimises the total
    shortfall ``sum_j u_j`` with ``sum_i s_i x_ij + u_j >= r_j``, and a third
    the weighted cost at that total; the shortfall is returned (the caller
    decides whether to raise).

    Examples
    --------
    >>> cost = np.array([[1.0, 4.0], [2.0, 3.0], [5.0, 1.0]])
    >>> x, short = capacitated_core(cost, np.ones(3), np.array([1.0, 1.0, 1.0]), np.array([1.0, 2.0]))
    >>> x.tolist(), short.tolist()
    ([0, 1, 1], [0.0, 0.0])
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix, hstack, identity, kron

    cost = np.asarray(cost, dtype=float)
    n, m = cost.shape
    w = np.asarray(weights, dtype=float)
    s = np.asarray(supply, dtype=float)
    r = np.asarray(need, dtype=float)
    for label, arr, size in (("weights", w, n), ("supply", s, n), ("need", r, m)):
        if arr.shape != (size,):
            raise InputError(f"{label} has shape {arr.shape}, expected ({size},).")
        if not np.isfinite(arr).all() or (arr < 0).any():
            raise InputError(f"{label} must be finite and non-negative.")
    if not np.isfinite(cost).all() or (cost < 0).any():
        raise InputError("Costs must be finite and non-negative.")
    obj = (w[:, None] * cost).ravel()
    scale = obj.max() if obj.size and obj.max() > 0 else 1.0
    obj = obj / scale
    one_each = kron(identity(n, format="csr"), np.ones((1, m)), format="csr")          # n x nm
    cap = kron(csr_matrix(s.reshape(1, n)), identity(m, format="csr"), format="csr")   # m x nm
    options = {"time_limit": float(time_limit), "mip_rel_gap": 1e-6, "disp": False}

    def pick(xvals: np.ndarray) -> np.ndarray:
        return np.asarray(xvals[: n * m]).reshape(n, m).argmax(axis=1)

    if r.sum() <= s.sum() + 1e-9:
        res = milp(obj, constraints=[LinearConstraint(one_each, 1, 1), LinearConstraint(cap, r - 1e-9, np.inf)],
                   integrality=np.ones(n * m), bounds=Bounds(0, 1), options=options)
        if res.x is not None and res.status in (0, 1):
            if res.status == 1:
                log.warning("capacitated assignment: solver stopped at the time limit (%s s); "
                            "the result may not be optimal", time_limit)
            return pick(res.x), np.zeros(m)
    # infeasible: least total shortfall, then least cost at that shortfall
    one_each_u = hstack([one_each, csr_matrix((n, m))], format="csr")
    cap_u = hstack([cap, identity(m, format="csr")], format="csr")
    integ = np.r_[np.ones(n * m), np.zeros(m)]
    bounds = Bounds(np.zeros(n * m + m), np.r_[np.ones(n * m), np.full(m, np.inf)])
    cons = [LinearConstraint(one_each_u, 1, 1), LinearConstraint(cap_u, r, np.inf)]
    first = milp(np.r_[np.zeros(n * m), np.ones(m)], constraints=cons, integrality=integ, bounds=bounds,
                 options=options)
    if first.x is None:
        raise InputError(f"The capacity programme could not be solved: {first.message}")
    total = float(first.x[n * m:].sum())
    cap_total = LinearConstraint(np.r_[np.zeros(n * m), np.ones(m)].reshape(1, -1), 0, total + 1e-6)
    second = milp(np.r_[obj, np.zeros(m)], constraints=[*cons, cap_total], integrality=integ, bounds=bounds,
                  options=options)
    sol = second.x if second.x is not None else first.x
    x = pick(sol)
    held = np.bincount(x, weights=s, minlength=m)
    return x, np.clip(r - held, 0, None)


def assign_capacitated(
    units: gpd.GeoDataFrame,
    locations: gpd.GeoDataFrame,
    *,
    weights: pd.Series,
    supply: pd.Series,
    need: pd.Series,
    satellites: bool = True,
    travel_times: tuple[pd.DataFrame, Mapping[str, str]] | None = None,
    allow_shortfall: bool = False,
    time_limit: float = 60.0,
) -> pd.DataFrame:
    """Assign municipalities so that each institute's area holds the trainers it needs.

    The cost of a municipality for an institute is the distance (or travel
    time) to the institute's nearest location; the programme minimises the
    population-weighted cost (see :func:`capacitated_core`).

    Parameters
    ----------
    units
        Municipalities (EPSG:28992), indexed by code.
    locations
        Institute locations.
    weights
        Inhabitants per municipality.
    supply
        Trainers each municipality can hold (e.g. trainers, or GPs x the
        target share), per municipality.
    need
        Trainers each institute needs (indexed by institute id, all 8).
    satellites, travel_times
        As in :func:`assign_nearest`.
    allow_shortfall
        Return the least-shortfall assignment (with ``attrs["shortfall"]``)
        instead of raising when the needs cannot be met.
    time_limit
        Seconds for the solver.

    Returns
    -------
    pandas.DataFrame
        :data:`ASSIGNMENT_COLUMNS`; ``method`` ``"capacitated"``;
        ``attrs["shortfall"]`` (trainers per institute, zeros when met).

    Raises
    ------
    InfeasibleTargetError
        Saying by how much the needs exceed what the municipalities hold, in
        total and per institute.
    InputError
        For unknown institutes in ``need``, or missing or negative numbers.

    Examples
    --------
    Four 10 km squares in a row holding 10 trainers each; institute a (west)
    needs 30, so it gets the third square too although b's satellite is nearer:

    >>> from shapely.geometry import Point, box
    >>> units = gpd.GeoDataFrame(geometry=[box(i * 10_000, 0, (i + 1) * 10_000, 10_000) for i in range(4)],
    ...                          index=["GM0001", "GM0002", "GM0003", "GM0004"], crs=28992)
    >>> loc = gpd.GeoDataFrame({"institute_id": ["a", "b", "b"], "kind": ["main", "main", "satellite"]},
    ...                        geometry=[Point(5_000, 5_000), Point(35_000, 5_000), Point(25_000, 5_000)],
    ...                        index=["a", "b", "b-sat"], crs=28992)
    >>> inhabitants = pd.Series(1000.0, index=units.index)
    >>> trainers = pd.Series(10.0, index=units.index)
    >>> out = assign_capacitated(units, loc, weights=inhabitants, supply=trainers,
    ...                          need=pd.Series({"a": 30.0, "b": 10.0}))
    >>> out["institute"].tolist(), out.attrs["moved"], out.attrs["shortfall"].tolist()
    (['a', 'a', 'a', 'b'], 1, [0.0, 0.0])
    >>> assign_capacitated(units, loc, weights=inhabitants, supply=trainers,
    ...                    need=pd.Series({"a": 30.0, "b": 20.0}))
    Traceback (most recent call last):
    ...
    regio.recruitment.InfeasibleTargetError: Capacity target infeasible: the institutes need 50.0 trainers in total, ...
    """
    ids = _institute_ids(locations)
    need = _validated(need, what="need per institute", index=pd.Index(ids), unit_label="institute")
    weights = _validated(weights, what="inhabitants", index=units.index)
    supply = _validated(supply, what="trainer capacity (supply)", index=units.index)
    if travel_times is not None:
        cost, institute_of = travel_times
        cost = cost.reindex(units.index)
    else:
        use = locations if satellites else locations[locations["kind"] == "main"]
        cost = distance_matrix(units, use)
        institute_of = dict(zip(use.index.astype(str), use["institute_id"].astype(str), strict=True))
    inst = pd.Series({c: institute_of[c] for c in cost.columns})
    per_inst = cost.T.groupby(inst.to_numpy()).min().T.reindex(columns=ids)
    if per_inst.isna().to_numpy().any():
        lacking = per_inst.columns[per_inst.isna().all()]
        raise InputError(f"No cost for institutes {format_codes(lacking)}: give travel times to each institute.")
    x, short = capacitated_core(per_inst.to_numpy(), weights.to_numpy(), supply.to_numpy(), need.to_numpy(),
                                time_limit=time_limit)
    primary = np.asarray(ids, dtype=object)[x]
    nearest = nearest_core(cost, institute_of=institute_of)
    out = pd.DataFrame({"institute": primary, "joint": "", "location": None,
                        "cost": per_inst.to_numpy()[np.arange(len(x)), x], "method": "capacitated"},
                       index=units.index)
    # the institute's cheapest location for the unit
    arr = cost.to_numpy()
    out["location"] = [str(cost.columns[np.flatnonzero(inst.to_numpy() == p)[
        arr[r, np.flatnonzero(inst.to_numpy() == p)].argmin()]]) for r, p in enumerate(primary)]
    shortfall = pd.Series(short, index=pd.Index(ids, name="institute")).round(6)
    held = supply.groupby(primary).sum().reindex(ids, fill_value=0.0)
    result = _finish(out, "capacitated", {
        "cost_unit": "min" if travel_times is not None else "km",
        "shortfall": shortfall, "need": need, "held": held,
        "moved": int((nearest["institute"] != out["institute"]).sum()),
        "description": "capacitated p-median (HiGHS): least population-weighted distance such that each "
                       "area holds its institute's trainer need",
        "description_nl": "p-median met capaciteit (HiGHS): de kleinste naar inwoners gewogen afstand waarbij elk "
                          "gebied de opleiders heeft die zijn instituut nodig heeft",
    })
    if shortfall.sum() > 1e-6:
        total_need, total_supply = float(need.sum()), float(supply.sum())
        per = ", ".join(f"{i} {v:,.1f}" for i, v in shortfall[shortfall > 1e-6].items())
        head = (f"Capacity target infeasible: the institutes need {total_need:,.1f} trainers in total, the "
                f"municipalities hold {total_supply:,.1f}, short by {total_need - total_supply:,.1f}."
                if total_need > total_supply else
                f"Capacity target infeasible: in total the municipalities hold enough ({total_supply:,.1f} for "
                f"{total_need:,.1f}), but no assignment of whole municipalities meets every need; short by "
                f"{shortfall.sum():,.1f}.")
        message = (f"{head} Shortfall per institute (trainers): {per}. Lower the needs (or the trainees per "
                   "trainer), raise the target share, or give more trainers.")
        if not allow_shortfall:
            raise InfeasibleTargetError(message, shortfall=shortfall, assignment=result)
        f = lambda v: fmt_number(v, 1, "nl")  # noqa: E731
        per_nl = ", ".join(f"{i} {f(v)}" for i, v in shortfall[shortfall > 1e-6].items())
        head_nl = (f"Capaciteitsdoel niet haalbaar: de instituten hebben samen {f(total_need)} opleiders nodig, de "
                   f"gemeenten hebben er {f(total_supply)}, een tekort van {f(total_need - total_supply)}."
                   if total_need > total_supply else
                   f"Capaciteitsdoel niet haalbaar: samen hebben de gemeenten genoeg ({f(total_supply)} voor "
                   f"{f(total_need)}), maar geen indeling van hele gemeenten haalt elke behoefte; tekort "
                   f"{f(shortfall.sum())}.")
        result.attrs["warning"] = message
        result.attrs["warning_nl"] = (f"{head_nl} Tekort per instituut (opleiders): {per_nl}. Verlaag de behoefte "
                                      "(of het aantal aios per opleider), verhoog het doelaandeel of geef meer "
                                      "opleiders.")
    return result


def _validated(values: pd.Series, *, what: str, index: pd.Index, unit_label: str = "municipality") -> pd.Series:
    values = pd.Series(values)
    values.index = values.index.astype(str)
    extra = values.index.difference(index)
    problems = []
    if len(extra):
        problems.append(f"unknown {unit_label} codes {format_codes(extra)}")
    absent = index.difference(values.index)
    if len(absent):
        problems.append(f"missing for {format_codes(absent)}")
    num = pd.to_numeric(values, errors="coerce")
    bad = num.isna() | ~np.isfinite(num.astype(float))
    if bad.any():
        problems.append(f"missing or non-numeric for {format_codes(values.index[bad])}")
    neg = num < 0
    if neg.any():
        problems.append(f"negative for {format_codes(values.index[neg])}")
    if problems:
        raise InputError(f"{what.capitalize()}: " + "; ".join(problems) + ".")
    return num.astype(float).reindex(index)


# ----------------------------------------------------------------------------- counts

def estimate_gps(
    population: pd.Series,
    *,
    province_counts: pd.Series | None = None,
    province_of: pd.Series | None = None,
    national_rate: float | None = None,
) -> pd.DataFrame:
    """Estimate GPs per municipality where no municipal counts exist.

    Two methods, both flagged as estimates:

    * ``province_counts`` + ``province_of``: each province's count split over
      its municipalities by population share (largest remainder, whole GPs;
      every province's total kept exactly);
    * ``national_rate`` (GPs per 100,000 inhabitants): the national total
      ``rate x population`` rounded and split by population share.

    Parameters
    ----------
    population
        Inhabitants per municipality.
    province_counts
        GPs per province code (e.g. CBS 84777NED 2018, by residence).
    province_of
        Province code per municipality.
    national_rate
        GPs per 100,000 inhabitants (e.g. 76).

    Returns
    -------
    pandas.DataFrame
        ``gps`` (int), ``gps_estimated`` (True) and ``gps_method``.

    Raises
    ------
    InputError
        Without either method's inputs, for municipalities without a
        province, provinces without a count, a negative rate, or missing or
        negative inhabitants.

    Examples
    --------
    >>> pop = pd.Series({"GM1": 300, "GM2": 100, "GM3": 50})
    >>> est = estimate_gps(pop, province_counts=pd.Series({"PV1": 10, "PV2": 3}),
    ...                    province_of=pd.Series({"GM1": "PV1", "GM2": "PV1", "GM3": "PV2"}))
    >>> est["gps"].to_dict()
    {'GM1': 8, 'GM2': 2, 'GM3': 3}
    """
    pop = _validated(population, what="inhabitants", index=pd.Index(population.index.astype(str)))
    if province_counts is not None:
        if province_of is None:
            raise InputError("estimate_gps with province_counts needs province_of (province per municipality).")
        prov = pd.Series(province_of).astype(str).reindex(pop.index)
        if prov.isna().any() or (prov == "nan").any():
            lost = pop.index[prov.isna() | (prov == "nan")]
            raise InputError(f"No province for municipalities {format_codes(lost)}.")
        counts = pd.Series(province_counts)
        lacking = sorted(set(prov) - set(counts.index.astype(str)))
        if lacking:
            raise InputError(f"No GP count for provinces {format_codes(lacking)}.")
        parts = [largest_remainder(round(float(counts[p])), pop[prov == p]) for p in sorted(set(prov))]
        gps = pd.concat(parts).reindex(pop.index)
        method = "province count split over its municipalities by population share (estimate)"
    elif national_rate is not None:
        if national_rate < 0:
            raise InputError(f"national_rate must be non-negative, got {national_rate}.")
        total = round(national_rate * pop.sum() / 100_000)
        gps = largest_remainder(total, pop)
        method = f"national rate {national_rate:g} per 100,000 x population (estimate)"
    else:
        raise InputError("estimate_gps needs province_counts (with province_of) or national_rate.")
    return pd.DataFrame({"gps": gps.astype("int64"), "gps_estimated": True, "gps_method": method}, index=pop.index)


def municipal_trainers(gps: pd.Series, *, national_total: int = NATIONAL_TRAINERS_2009) -> pd.DataFrame:
    """Split a national number of trainers over municipalities by GP share (estimate).

    Parameters
    ----------
    gps
        GPs per municipality code.
    national_total
        Trainers to split (default :data:`NATIONAL_TRAINERS_2009`, 1700);
        whole trainers by largest remainder.

    Returns
    -------
    pandas.DataFrame
        ``trainers`` (int, summing to ``national_total``), ``trainers_estimated``
        (True) and ``trainers_method``.

    Raises
    ------
    InputError
        For missing, non-numeric or negative GP counts.

    Examples
    --------
    >>> municipal_trainers(pd.Series({"GM1": 30, "GM2": 10}), national_total=10)["trainers"].to_dict()
    {'GM1': 8, 'GM2': 2}
    """
    g = _validated(gps, what="GPs", index=pd.Index(gps.index.astype(str)))
    t = largest_remainder(int(national_total), g)
    return pd.DataFrame({"trainers": t, "trainers_estimated": True,
                         "trainers_method": f"national {int(national_total):,} trainers split by GP share (estimate)"},
                        index=g.index)


def area_summary(
    assignment: pd.DataFrame,
    municipal: pd.DataFrame,
    *,
    institutes: Iterable[str],
    institute_trainers: pd.Series | None = None,
    target_share: float = DEFAULT_TARGET_SHARE,
    trainees_per_trainer: float = 1.0,
    extra_trainers: int | None = None,
    split_by: str = "gap",
) -> pd.DataFrame:
    """Inhabitants, GPs, trainers, target and gap per institute area.

    Each municipality counts once, in its primary institute's area (joint
    zones are counted with the primary institute and listed separately).

    Parameters
    ----------
    assignment
        From one of the ``assign_*`` functions.
    municipal
        Per municipality: ``population``, ``gps`` (with ``gps_estimated``)
        and, unless ``institute_trainers`` is given, ``trainers`` (with
        ``trainers_estimated``).
    institutes
        All institute ids (areas without municipalities are kept, with zeros).
    institute_trainers
        Trainers per institute (overrides municipal trainers).
    target_share
        Target trainers as a share of GPs (default 0.25).
    trainees_per_trainer
        Trainees one trainer can train at a time (capacity = trainers x this).
    extra_trainers
        A national number of extra trainers (e.g. 300) to split over the areas
        in whole numbers (largest remainder) by ``split_by``.
    split_by
        The weights of that split: ``"gap"`` (default; the positive gaps),
        ``"gps"`` or ``"population"``.

    Returns
    -------
    pandas.DataFrame
        Indexed by institute id: ``municipalities``, ``joint_municipalities``,
        ``population``, ``gps``, ``gps_estimated``, ``trainers``,
        ``trainers_estimated``, ``trainer_share`` (trainers / GPs),
        ``trainers_per_100_gps`` (the same per 100 GPs, as maps show it;
        empty where an area has no GPs), ``target_trainers``,
        ``gap`` (target - trainers; positive is a shortfall),
        ``trainee_capacity`` and, with ``extra_trainers``, ``extra_trainers``.
        Totals of counts equal the municipal totals.

    Raises
    ------
    InputError
        For ``target_share`` outside (0, 1], ``trainees_per_trainer`` not
        positive, municipalities without an institute, missing columns or
        bad numbers, an unknown ``split_by``, or extra trainers to split by
        weights that are all zero.
    UnknownCodeError
        For institutes not in ``institutes``, or municipalities in the
        assignment but not in ``municipal`` (or the other way round).

    Examples
    --------
    >>> assignment = pd.DataFrame({"institute": ["a", "a", "b"], "joint": ["", "b", ""]},
    ...                           index=["GM1", "GM2", "GM3"])
    >>> municipal = pd.DataFrame({"population": [50_000, 30_000, 20_000], "gps": [40, 20, 20],
    ...                           "trainers": [8, 4, 3]}, index=["GM1", "GM2", "GM3"])
    >>> s = area_summary(assignment, municipal, institutes=["a", "b", "c"], extra_trainers=10)
    >>> s[["municipalities", "gps", "trainers", "target_trainers", "gap", "extra_trainers"]]
               municipalities  gps  trainers  target_trainers  gap  extra_trainers
    institute
    a                       2   60        12             15.0  3.0               6
    b                       1   20         3              5.0  2.0               4
    c                       0    0         0              0.0  0.0               0
    >>> s["joint_municipalities"].tolist()
    [1, 0, 0]
    >>> s["trainers_per_100_gps"].tolist()  # c has no GPs
    [20.0, 15.0, nan]
    """
    if not 0 < target_share <= 1:
        raise InputError(f"target_share must be in (0, 1], got {target_share}.")
    if not trainees_per_trainer > 0:
        raise InputError(f"trainees_per_trainer must be positive, got {trainees_per_trainer}.")
    ids = pd.Index([str(i) for i in institutes], name="institute")
    unknown = sorted(set(assignment["institute"].dropna()) - set(ids))
    if unknown:
        raise UnknownCodeError(f"Unknown institutes in the assignment: {format_codes(unknown)} "
                               f"(known: {', '.join(ids)}).")
    none = assignment.index[assignment["institute"].isna()]
    if len(none):
        raise InputError(f"Municipalities without an institute: {format_codes(none)}.")
    missing = assignment.index.difference(municipal.index)
    if len(missing):
        raise UnknownCodeError(f"No counts for assigned municipalities {format_codes(missing)}.")
    stray = municipal.index.difference(assignment.index)
    if len(stray):
        raise UnknownCodeError(f"Municipalities with counts but no assignment: {format_codes(stray)}.")
    cols = ["population", "gps"] + (["trainers"] if institute_trainers is None else [])
    lacking = [c for c in cols if c not in municipal.columns]
    if lacking:
        raise InputError(f"Municipal table lacks column(s) {', '.join(lacking)}.")
    for c in cols:
        _validated(municipal[c], what=c, index=municipal.index)
    primary = assignment["institute"].reindex(municipal.index)
    grouped = municipal[cols].groupby(primary.to_numpy())
    out = grouped.sum().reindex(ids, fill_value=0)
    out.insert(0, "municipalities", primary.value_counts().reindex(ids, fill_value=0).astype("int64"))
    has_joint = assignment["joint"].fillna("").astype(str) != ""
    out.insert(1, "joint_municipalities",
               primary[has_joint.reindex(municipal.index)].value_counts().reindex(ids, fill_value=0).astype("int64"))
    flag = lambda col: (municipal[col].astype(bool).groupby(primary.to_numpy()).any()  # noqa: E731
                        .reindex(ids, fill_value=False) if col in municipal else pd.Series(False, index=ids))
    out["gps_estimated"] = flag("gps_estimated")
    if institute_trainers is not None:
        out["trainers"] = _validated(institute_trainers, what="trainers per institute", index=ids,
                                     unit_label="institute")
        out["trainers_estimated"] = False
    else:
        out["trainers_estimated"] = flag("trainers_estimated")
    out = out[["municipalities", "joint_municipalities", "population", "gps", "gps_estimated",
               "trainers", "trainers_estimated"]]
    gps = out["gps"].astype(float)
    out["trainer_share"] = (out["trainers"] / gps).where(gps > 0)
    out["trainers_per_100_gps"] = (out["trainers"] / gps * 100).where(gps > 0)
    out["target_trainers"] = target_share * gps
    out["gap"] = out["target_trainers"] - out["trainers"]
    out["trainee_capacity"] = out["trainers"] * trainees_per_trainer
    if extra_trainers is not None:
        keys = {"gap": out["gap"].clip(lower=0), "gps": gps, "population": out["population"].astype(float)}
        if split_by not in keys:
            raise InputError(f"split_by must be one of {', '.join(keys)}, got {split_by!r}.")
        weights = keys[split_by]
        if int(extra_trainers) > 0 and weights.sum() <= 0:
            raise InputError(f"No area has a positive {split_by}; split the extra trainers by 'gps' instead.")
        out["extra_trainers"] = largest_remainder(int(extra_trainers), weights)
    out.attrs.update({"target_share": target_share, "trainees_per_trainer": trainees_per_trainer,
                      "split_by": split_by, "method": assignment.attrs.get("method", "")})
    return out
