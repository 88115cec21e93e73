"""Assignment of municipalities to institutes: nearest location and capacitated p-median."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd

from regio.errors import InputError, RegioWarning, UnknownCodeError, format_codes
from regio.recruitment.institutes import (
    _CODE_COLS,
    _NAME_COLS,
    InfeasibleTargetError,
    _find,
    _finish,
    _institute_ids,
    resolve_municipalities,
)
from regio.text import joined
from regio.validate import check_crs, coverage_problems, to_numeric

log = logging.getLogger(__name__)

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
                         f"columns: {', '.join(map(str, table.columns))}.", key="recruitment.travel_no_code_column",
                         where=where, names=", ".join(_CODE_COLS[:3]), columns=", ".join(map(str, table.columns)))
    loc_ids = {str(i): str(inst) for i, inst in zip(locations.index, locations["institute_id"], strict=True)}
    inst_ids = {i: i for i in _institute_ids(locations)}
    target_col = _find(table.columns, ("location", "locatie", "institute", "instituut"))
    value_col = _find(table.columns, ("minutes", "minuten", "time", "cost", "travel_time", "reistijd"))
    if target_col is not None and value_col is not None:
        if table.duplicated([key_col, target_col]).any():
            dup = table.loc[table.duplicated([key_col, target_col], keep=False), key_col]
            raise InputError(f"Travel times{where}: pairs given twice for {format_codes(dup)}.",
                             key="recruitment.travel_pairs_twice", where=where, codes=format_codes(dup))
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
            problems.append(InputError(f"column {c!r} is neither a location ({', '.join(loc_ids)}) nor an institute",
                                       key="recruitment.part.travel_column", column=c, locations=", ".join(loc_ids)))
    uncovered = sorted(set(inst_ids) - set(column_institute.values()))
    if uncovered and len(column_institute) == len(cols):
        problems.append(InputError(f"no column for institute(s) {', '.join(uncovered)}: give a time to each "
                                   "institute (or to one of its locations) for every municipality",
                                   key="recruitment.part.travel_uncovered", institutes=", ".join(uncovered)))
    codes = resolve_municipalities(wide[key_col_w], names=names).astype(str)
    problems += coverage_problems(codes, units, twice="municipalities given twice", missing="missing municipalities")
    if problems:
        raise InputError(f"Travel times{where}: " + "; ".join(map(str, problems)) + ".",
                         key="recruitment.bad_travel_times", where=where, problems=joined(problems))
    values = {}
    for c in cols:
        values[str(c)] = to_numeric(wide[c], column=str(c), source=source, codes=codes).to_numpy()
    matrix = pd.DataFrame(values, index=pd.Index(codes.to_numpy(), name="statcode")).reindex(units)
    _warn_ties(matrix, column_institute, where)
    return matrix, column_institute


def _warn_ties(matrix: pd.DataFrame, column_institute: Mapping[str, str], where: str) -> None:
    """Warn when municipalities have one and the same travel time to every location: the tie-break decides."""
    if matrix.shape[1] < 2 or len(set(column_institute.values())) < 2:
        return
    tied = matrix.index[(matrix.max(axis=1) == matrix.min(axis=1)).to_numpy()]
    if not len(tied):
        return
    first = sorted(set(column_institute.values()))[0]
    example = tied[0]
    everywhere = "every municipality has" if len(tied) == len(matrix) else f"{len(tied)} of {len(matrix)} " \
        "municipalities have"
    minutes = float(matrix.loc[example].iloc[0])
    warnings.warn(RegioWarning(
        f"Travel times{where}: {everywhere} the same time to every location (e.g. {example}: "
        f"{minutes:g} min), so the tie-break decides and they go to {first}, the institute that "
        f"sorts first: {format_codes(tied, limit=10)}. Check the file (all zero?).",
        key="recruitment.travel_ties_all" if len(tied) == len(matrix) else "recruitment.travel_ties",
        where=where, n=len(tied), of=len(matrix), example=example, minutes=minutes, first=first,
        codes=format_codes(tied, limit=10)), stacklevel=3)


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
        raise InputError(f"The joint margin must be a non-negative number, got {margin!r}.",
                         key="recruitment.bad_margin", margin=margin)
    if cost.isna().to_numpy().any():
        raise InputError(f"Costs missing for {format_codes(cost.index[cost.isna().any(axis=1)])}.",
                         key="recruitment.costs_missing", codes=format_codes(cost.index[cost.isna().any(axis=1)]))
    unknown = [c for c in cost.columns if c not in institute_of]
    if unknown:
        raise UnknownCodeError(f"Locations without an institute: {format_codes(unknown)}.",
                               key="recruitment.locations_without_institute", codes=format_codes(unknown))
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
            raise InputError(f"{label} has shape {arr.shape}, expected ({size},).", key="recruitment.bad_shape",
                             label=label, shape=arr.shape, size=size)
        if not np.isfinite(arr).all() or (arr < 0).any():
            raise InputError(f"{label} must be finite and non-negative.", key="recruitment.not_finite", label=label)
    if not np.isfinite(cost).all() or (cost < 0).any():
        raise InputError("Costs must be finite and non-negative.", key="recruitment.costs_not_finite")
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
        raise InputError(f"The capacity programme could not be solved: {first.message}",
                         key="recruitment.not_solved", reason=first.message)
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
    regio.recruitment.institutes.InfeasibleTargetError: Capacity target infeasible: the institutes need ...
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
        raise InputError(f"No cost for institutes {format_codes(lacking)}: give travel times to each institute.",
                         key="recruitment.institutes_without_cost", codes=format_codes(lacking))
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
        per = joined([InputError(f"{i} {v:,.1f}", key="recruitment.part.shortfall", institute=i, short=v)
                         for i, v in shortfall[shortfall > 1e-6].items()], sep=", ")
        head = (f"Capacity target infeasible: the institutes need {total_need:,.1f} trainers in total, the "
                f"municipalities hold {total_supply:,.1f}, short by {total_need - total_supply:,.1f}."
                if total_need > total_supply else
                f"Capacity target infeasible: in total the municipalities hold enough ({total_supply:,.1f} for "
                f"{total_need:,.1f}), but no assignment of whole municipalities meets every need; short by "
                f"{shortfall.sum():,.1f}.")
        message = (f"{head} Shortfall per institute (trainers): {per}. Lower the needs (or the trainees per "
                   "trainer), raise the target share, or give more trainers.")
        error = InfeasibleTargetError(
            message, shortfall=shortfall, assignment=result,
            key="recruitment.infeasible_total" if total_need > total_supply else "recruitment.infeasible_split",
            need=total_need, supply=total_supply, short=total_need - total_supply, short_sum=float(shortfall.sum()),
            per=per)
        if not allow_shortfall:
            raise error
        result.attrs["warning"] = message
        result.attrs["warning_nl"] = error.message("nl")
    return result


#: The values :func:`_validated` checks, as named at the start of its message (key of the words in the catalogue).
_WHAT = {"inhabitants": "recruitment.part.inhabitants", "GPs": "recruitment.part.gps",
         "trainers per institute": "recruitment.part.trainers_per_institute",
         "need per institute": "recruitment.part.need_per_institute",
         "trainer capacity (supply)": "recruitment.part.trainer_capacity",
         "GP practices (derived counts)": "recruitment.part.practices_derived"}


def _validated(values: pd.Series, *, what: str, index: pd.Index, unit_label: str = "municipality") -> pd.Series:
    values = pd.Series(values)
    values.index = values.index.astype(str)
    extra = values.index.difference(index)
    problems = []
    if len(extra):
        problems.append(InputError(f"unknown {unit_label} codes {format_codes(extra)}",
                                   key="recruitment.part.unknown_institute" if unit_label == "institute"
                                   else "recruitment.part.unknown_municipality",
                                   codes=format_codes(extra)))
    absent = index.difference(values.index)
    if len(absent):
        problems.append(InputError(f"missing for {format_codes(absent)}", key="recruitment.part.missing_for",
                                   codes=format_codes(absent)))
    num = pd.to_numeric(values, errors="coerce")
    bad = num.isna() | ~np.isfinite(num.astype(float))
    if bad.any():
        problems.append(InputError(f"missing or non-numeric for {format_codes(values.index[bad])}",
                                   key="recruitment.part.non_numeric", codes=format_codes(values.index[bad])))
    neg = num < 0
    if neg.any():
        problems.append(InputError(f"negative for {format_codes(values.index[neg])}",
                                   key="recruitment.part.negative", codes=format_codes(values.index[neg])))
    if problems:
        raise InputError(f"{what.capitalize()}: " + "; ".join(map(str, problems)) + ".",
                         key="recruitment.bad_values", problems=joined(problems),
                         what=InputError(what.capitalize(), key=_WHAT[what]) if what in _WHAT else what.capitalize())
    return num.astype(float).reindex(index)
