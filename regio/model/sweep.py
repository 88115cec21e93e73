"""The national GP model for many parameter sets at once: :func:`sweep` (the advice) and :func:`sweep_paths` (years).

The same formulas as :mod:`regio.model.core`, on numpy arrays with one row per
scenario instead of one :class:`~regio.model.parameters.GPParameters` at a
time, so that thousands of what-if scenarios (or uncertainty draws) take
milliseconds. Per scenario the results equal those of
:func:`~regio.model.core.intake_advice` on the same parameters (to rounding,
about 1e-13 relative; the tests hold them to 1e-9).

The one step that is not plain arithmetic in :mod:`regio.model.core` is the
cumulative extern rendement ``R(x) = ∫₀ˣ r``: there it is summed by the
trapezoid rule on a grid of 1/64 year and read off by linear interpolation.
Here the same quantity is computed in closed form: on every grid cell without
a kink the trapezoid rule is exact for the piecewise linear ``r`` (its knots
1, 5, 10, 15 lie on the grid); the one cell where the extrapolation after 15
years is cut off at 0 or 1 is corrected to its trapezoid; between grid points
the value is interpolated linearly, as ``numpy.interp`` does.

Examples
--------
>>> import pandas as pd
>>> from regio.model.parameters import example_parameters
>>> p = example_parameters()
>>> s = sweep(p, pd.DataFrame({"instroom": [718, 850], "epi": [0.01, 0.02]}))
>>> s["advice"].round(1).tolist()
[1027.5, 1182.9]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np
import pandas as pd

from regio.errors import InputError
from regio.model.core import SCENARIO_FACTORS, get_scenario
from regio.model.parameters import (
    _INT_FIELDS,
    COHORT_SUFFIXES,
    GPParameters,
    _clause,
    _resolve,
    _share_fields,
    joined,
    parameter_fields,
)

__all__ = ["SWEEP_COLUMNS", "sweep", "sweep_paths", "sweep_values"]

#: Columns of :func:`sweep`, as the fields of :class:`~regio.model.core.IntakeAdvice`.
SWEEP_COLUMNS = ("advice", "current_intake", "demand_fte", "supply_fte", "supply_without_intake_fte",
                 "fte_per_trainee", "gap_fte", "year")

_SEXES = (("female", "vrouw"), ("male", "man"))
_STEPS5 = ("vijf", "tien", "vijftien", "twintig")
_STEPS_R = ("1jaar", "5jaar", "10jaar", "15jaar")
_H = 1.0 / 64  # the grid of regio.model.core.rendement_curve
_KNOTS = (0.0, 1.0, 5.0, 10.0, 15.0)
_KNOT_ARRAY = np.asarray(_KNOTS)
_HORIZON = 20


# ----------------------------------------------------------------------------- parameter arrays

def sweep_values(params: GPParameters, overrides: pd.DataFrame | Mapping[str, object]) -> dict[str, np.ndarray]:
    """Every numeric field of ``params`` as an array with one value per scenario, ``overrides`` applied.

    Parameters
    ----------
    params
        The parameter set the scenarios start from.
    overrides
        One column (or mapping entry) per parameter that varies, one row per
        scenario; names as :func:`~regio.model.parameters.apply_overrides` takes
        them (field names, the file's variant names such as ``epi_midden``, the
        aliases such as ``instroom``, and ``uren_per_week``). Values are numbers,
        taken as they are (as :meth:`GPParameters.replace` takes them: a count
        of persons need not be whole, as it must be in a ``--set`` value).

    Returns
    -------
    dict of str to numpy.ndarray
        Field -> float array of length n (the number of scenarios).

    Raises
    ------
    InputError
        Unknown names, a name given twice, columns of different lengths,
        values that are not numbers, or scenarios whose parameters
        :class:`~regio.model.parameters.GPParameters` would refuse (the rows are named).

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> v = sweep_values(example_parameters(), {"instroom": [800, 900]})
    >>> v["n_inopleiding_perjaar3"].tolist(), v["aanbod_personen"].tolist()
    ([800.0, 900.0], [14347.0, 14347.0])
    """
    frame = overrides if isinstance(overrides, pd.DataFrame) else pd.DataFrame(dict(overrides))
    n = len(frame)
    kinds = parameter_fields()
    values = {name: np.full(n, float(getattr(params, name)), dtype=float)
              for name, kind in kinds.items() if kind is not str and getattr(params, name) is not None}
    named: dict[str, str] = {}
    hours = None
    problems: list[InputError] = []
    for column in frame.columns:
        try:
            key = _resolve(str(column), params.variant)
        except InputError as exc:
            problems.append(_clause(exc))
            continue
        if key in named:
            problems.append(InputError(f"{named[key]} and {column} are both {key}: give it once",
                                       key="model.given_twice", first=named[key], second=column, field=key))
            continue
        named[key] = str(column)
        if kinds.get(key) is str:
            problems.append(InputError(f"{column} is text and cannot vary in a sweep", key="model.sweep_text",
                                       column=column))
            continue
        col = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
        bad = ~np.isfinite(col)
        if bad.any():
            rows = _rows(frame.index[bad])
            problems.append(InputError(f"{column} is not a finite number in row(s) {rows}",
                                       key="model.sweep_not_finite", column=column, rows=rows))
            continue
        if kinds.get(key) is int and np.any(col != np.floor(col)):
            rows = _rows(frame.index[col != np.floor(col)])
            problems.append(InputError(f"{column} must be a whole year in row(s) {rows}",
                                       key="model.sweep_not_whole_year", column=column, rows=rows))
            continue
        if key == "uren_per_week":
            hours = col
        else:
            values[key] = col
    if problems:
        said = joined(problems, sentences=True)
        raise InputError(f"Cannot sweep the parameter changes: {said}.", key="model.cannot_sweep", problems=said)
    if hours is not None:
        if "werkzame_uren_vrouw" not in values or "werkzame_uren_man" not in values:
            raise InputError(f"Round {params.raming} has no working hours (werkzame_uren_vrouw/man) to scale; "
                             "set the FTE factors fte_vrouw_basis_vijf ... fte_man_basis_twintig directly.",
                             key="model.no_working_hours", round=params.raming)
        bad = ~((hours > 0) & (hours < 100))
        if bad.any():
            raise InputError(f"uren_per_week must be a number of hours a week; not in row(s) "
                             f"{_rows(frame.index[bad])}.", key="model.sweep_bad_hours", rows=_rows(frame.index[bad]))
        p = values["per_vrouw_basis"]
        scale = hours / (p * values["werkzame_uren_vrouw"] + (1 - p) * values["werkzame_uren_man"])
        for sex in ("vrouw", "man"):
            for t in _STEPS5:
                values[f"fte_{sex}_basis_{t}"] = values[f"fte_{sex}_basis_{t}"] * scale
    _check(values, frame.index)
    return values


def _rows(index: pd.Index, limit: int = 8) -> str:
    items = [str(i) for i in index[:limit]]
    return ", ".join(items) + (f", … (+{len(index) - limit})" if len(index) > limit else "")


def _check(v: dict[str, np.ndarray], index: pd.Index) -> None:
    """Run the checks of :class:`GPParameters` on every row at once; raise naming the rows that fail."""
    problems: list[InputError] = []

    def need(ok: np.ndarray, what: str, key: str, **params: object) -> None:
        """Add a problem unless ``ok``: ``what`` in English, ``key`` its message (``model.rows_<key>``)."""
        if not np.all(ok):
            rows = _rows(index[~ok])
            problems.append(InputError(f"{what} in row(s) {rows}", key=f"model.rows_{key}", rows=rows, **params))

    for name in _share_fields():
        need((v[name] >= 0) & (v[name] <= 1), f"{name} is not a share between 0 and 1", "not_share", name=name)
    for sex in ("vrouw", "man"):
        for name in (f"fte_{sex}_basis", *(f"fte_{sex}_basis_{t}" for t in _STEPS5)):
            need((v[name] > 0) & (v[name] <= 1.5), f"{name} is not an FTE factor between 0 and 1.5", "not_fte",
                 name=name)
        flow = np.stack([np.zeros_like(v["aanbod_personen"])]
                        + [v[f"uitstroom_{sex}_basis_{t}"] for t in _STEPS5])
        need(np.all(np.diff(flow, axis=0) >= 0, axis=0), f"uitstroom_{sex}_basis_* decreases (they are cumulative)",
             "outflow_decreases", sex=sex)
    need(v["aanbod_personen"] > 0, "aanbod_personen is not positive", "not_positive", name="aanbod_personen")
    for sfx in COHORT_SUFFIXES:
        need(v[f"n_inopleiding_perjaar{sfx}"] >= 0, f"n_inopleiding_perjaar{sfx} is negative", "negative",
             name=f"n_inopleiding_perjaar{sfx}")
        d = v[f"opleidingsduur{sfx}"]
        need((d > 0) & (d <= 10), f"opleidingsduur{sfx} is not between 0 and 10 years", "bad_duration",
             name=f"opleidingsduur{sfx}")
    need(v["n_buitenland"] >= 0, "n_buitenland is negative", "negative", name="n_buitenland")
    need(v["onv_vraag"] > -1, "onv_vraag is not above -1", "above_minus_one", name="onv_vraag")
    for t in (5, 10, 15, 20):
        need(v[f"demo_{t}"] > -1, f"demo_{t} is not above -1", "above_minus_one", name=f"demo_{t}")
    need(v["tijd"] < 1, "tijd is not below 1", "tijd_below_one")
    for name in ("werkzame_uren_vrouw", "werkzame_uren_man"):
        if name in v:
            need((v[name] > 0) & (v[name] < 100), f"{name} is not a number of hours a week", "not_hours", name=name)
    base = v["basisjaar"]
    need(v["bijsturingsjaar"] > base, "bijsturingsjaar does not come after basisjaar", "steering_after_base")
    need(v["trendjaar"] >= base, "trendjaar comes before basisjaar", "trend_before_base")
    for name in ("evenwichtsjaar1", "evenwichtsjaar2"):
        need((v[name] > base) & (v[name] <= base + _HORIZON), f"{name} is not within {_HORIZON} years of basisjaar",
             "equilibrium", name=name, horizon=_HORIZON)
    if problems:
        raise InputError(f"Invalid GP model parameters: {joined(problems)}.", key="model.invalid_sweep_parameters",
                         problems=joined(problems))


# ----------------------------------------------------------------------------- the formulas on arrays

def _interp5(k: np.ndarray, pts: list[np.ndarray]) -> np.ndarray:
    """``numpy.interp(k, [0, 5, 10, 15, 20], pts)`` row by row (``pts``: five arrays of shape (n, 1))."""
    kk = np.clip(k, 0.0, 20.0)
    j = np.minimum((kk // 5.0).astype(np.intp), 3)
    table = _stack(pts, kk.shape)
    y0, y1 = _pick(table, j), _pick(table, j + 1)
    out = (y1 - y0) / 5.0 * (kk - 5.0 * j) + y0
    return np.where(kk >= 20.0, pts[4], out)


def _stack(pts: list[np.ndarray], shape: tuple[int, ...]) -> np.ndarray:
    """Columns (n, 1) side by side: (n, len(pts))."""
    n = max(np.shape(p)[0] for p in pts)
    return np.concatenate([np.broadcast_to(p, (n, 1)) for p in pts], axis=1)


def _pick(table: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``table[row, j[row, c]]`` for every cell of ``j`` (shape (n, K) or (1, K))."""
    rows = np.arange(table.shape[0])[:, None] * table.shape[1]
    return np.take(table.ravel(), rows + j)


class _Rendement:
    """The cumulative extern rendement ``R(u)`` of :mod:`regio.model.core`, for one sex and cohort, per row."""

    def __init__(self, points: list[np.ndarray]) -> None:
        self.v = [np.ones_like(points[0]), *points]  # r(0) = 1, then after 1, 5, 10, 15 years
        self.table = _stack(self.v, ())
        # the slopes as numpy.interp computes them, segment by segment
        self.slopes = _stack([(self.v[i + 1] - self.v[i]) / (_KNOTS[i + 1] - _KNOTS[i]) for i in range(4)], ())
        self.slope = (self.v[4] - self.v[3]) / 5.0
        lengths = np.diff(_KNOTS)
        seg = [(self.v[i] + self.v[i + 1]) * 0.5 * lengths[i] for i in range(4)]
        self.before = [np.zeros_like(seg[0]), seg[0], seg[0] + seg[1], seg[0] + seg[1] + seg[2],
                       seg[0] + seg[1] + seg[2] + seg[3]]
        self.before_table = _stack(self.before, ())
        s, v4 = self.slope, self.v[4]
        with np.errstate(divide="ignore", invalid="ignore"):
            self.kink = np.where(s > 0, 15.0 + (1.0 - v4) / s, np.where(s < 0, 15.0 + v4 / -s, np.inf))
        self.cap = np.where(s > 0, 1.0, 0.0)
        a = np.floor(self.kink / _H) * _H  # the grid cell [a, a + h] that holds the kink
        inside = np.isfinite(self.kink) & (a < self.kink)
        a = np.where(inside, a, 0.0)
        ra, rb = self.r(a), self.r(a + _H)
        trapezoid = (ra + rb) * 0.5 * _H
        self.cell_end = np.where(inside, a + _H, np.inf)
        self.correction = np.where(inside, trapezoid - (self._exact(a + _H, rb) - self._exact(a, ra)), 0.0)

    def r(self, x: np.ndarray) -> np.ndarray:
        """``r(x)`` as :func:`~regio.model.core.rendement_curve` samples it."""
        x = np.asarray(x, dtype=float)
        j = np.minimum(np.searchsorted(_KNOT_ARRAY, x, side="right") - 1, 3)
        inner = _pick(self.slopes, j) * (x - _KNOT_ARRAY[j]) + _pick(self.table, j)
        out = np.where(x > 15.0, self.v[4] + self.slope * (x - 15.0), np.where(x >= 15.0, self.v[4], inner))
        return np.clip(out, 0.0, 1.0)

    def _exact(self, x: np.ndarray, rx: np.ndarray) -> np.ndarray:
        """``∫₀ˣ r`` exactly (x ≥ 0), given ``rx = r(x)``."""
        j = np.minimum(np.searchsorted(_KNOT_ARRAY, x, side="right") - 1, 4)
        within = _pick(self.before_table, j) + (_pick(self.table, j) + rx) * 0.5 * (x - _KNOT_ARRAY[j])
        # after 15 years: the line v15 + slope·(x − 15), cut off at the cap (0 or 1) from the kink on
        end = np.minimum(x, self.kink)
        line = (self.v[4] + (self.v[4] + self.slope * (end - 15.0))) * 0.5 * (end - 15.0)
        after = self.before[4] + line + self.cap * np.maximum(x - self.kink, 0.0)
        return np.where(x > 15.0, after, within)

    def __call__(self, u: np.ndarray) -> np.ndarray:
        """``R(u)`` as :mod:`regio.model.core` reads it off its grid: zero for ``u <= 0``."""
        uu = np.maximum(u, 0.0)
        x = np.floor(uu / _H) * _H
        r0 = self.r(x)
        grid = self._exact(x, r0) + np.where(x >= self.cell_end, self.correction, 0.0)
        out = grid + (uu - x) * ((r0 + self.r(x + _H)) * 0.5)
        return np.where(u > 0, out, 0.0)


def _parts(v: dict[str, np.ndarray], k: np.ndarray, scenario: str) -> dict[str, np.ndarray]:
    """Supply (FTE, with and without cohort 3 at the current intake), FTE per trainee and demand at ``k``."""
    col = {name: a[:, None] for name, a in v.items()}
    m = col["bijsturingsjaar"] - col["basisjaar"]
    fte_total = np.zeros(np.broadcast_shapes(k.shape, m.shape))
    fte_intake = np.zeros_like(fte_total)
    unit = np.zeros_like(fte_total)
    base = np.zeros_like(m)
    for sex, nl in _SEXES:
        women = sex == "female"

        def share(p: np.ndarray, women: bool = women) -> np.ndarray:
            return p if women else 1 - p

        fte_pts = [col[f"fte_{nl}_basis"], *(col[f"fte_{nl}_basis_{t}"] for t in _STEPS5)]
        out_pts = [np.zeros_like(m), *(col[f"uitstroom_{nl}_basis_{t}"] for t in _STEPS5)]
        fte = _interp5(k, fte_pts)
        n0 = col["aanbod_personen"] * share(col["per_vrouw_basis"])
        stock = n0 * (1 - _interp5(k, out_pts))
        curves = [_Rendement([col[f"extern_rendement_{nl}_{t}{sfx}"] for t in _STEPS_R]) for sfx in COHORT_SUFFIXES]
        cs = [share(col[f"per_vrouw_opleiding{sfx}"]) * col[f"intern_rendement{sfx}"] for sfx in COHORT_SUFFIXES]
        d1, d2, d3 = col["opleidingsduur"], col["opleidingsduur2"], col["opleidingsduur3"]
        now = col["n_inopleiding_perjaar"] * cs[0] * (curves[0](k) - curves[0](k - np.minimum(k, d1)))
        before = col["n_inopleiding_perjaar2"] * cs[1] * (curves[1](k - d2) - curves[1](k - np.minimum(k, d2 + m)))
        per_trainee = cs[2] * curves[2](k - m - d3)
        later = col["n_inopleiding_perjaar3"] * per_trainee
        abroad = (col["n_buitenland"] * share(col["per_vrouw_buitenland"]) * col["rendement_buitenland"]
                  * curves[0](k))
        fte_total = fte_total + (stock + now + before + later + abroad) * fte
        fte_intake = fte_intake + later * fte
        unit = unit + 1.0 * per_trainee * fte
        base = base + n0 * fte_pts[0]
    factors = {"epi": col["epi"], "soc": col["soc"], "vak": col["vak"], "eff": col["eff"], "hor": col["hor"],
               "tijd": 1.0 / (1.0 - col["tijd"]) - 1.0, "ver": col["ver"]}
    g = sum((factors[f] for f in SCENARIO_FACTORS[scenario]), np.zeros_like(m))
    if scenario == "demography":
        tau = np.zeros_like(k + m)
    elif scenario == "full_lasting":
        tau = k + np.zeros_like(m)
    else:
        tau = np.minimum(k, col["trendjaar"] - col["basisjaar"])
    demo = _interp5(k, [np.zeros_like(m), col["demo_5"], col["demo_10"], col["demo_15"], col["demo_20"]])
    demand = base * (1 + col["onv_vraag"]) * (1 + demo) * (1 + g * tau)
    return {"supply": fte_total, "without": fte_total - fte_intake, "per_trainee": unit, "demand": demand}


def _years(v: dict[str, np.ndarray], year: int | None, index: pd.Index) -> np.ndarray:
    y = v["evenwichtsjaar2"] if year is None else np.full(len(index), float(int(year)))
    bad = ~((y > v["basisjaar"]) & (y <= v["basisjaar"] + _HORIZON))
    if bad.any():
        raise InputError(f"Equilibrium year must lie within {_HORIZON} years after the base year; not in row(s) "
                         f"{_rows(index[bad])}.", key="model.sweep_equilibrium", horizon=_HORIZON,
                         rows=_rows(index[bad]))
    return y


def sweep(params: GPParameters, overrides: pd.DataFrame | Mapping[str, object], *, scenario: str = "full",
          year: int | None = None) -> pd.DataFrame:
    """Compute the intake advice, and the supply and demand it comes from, for every row of ``overrides``.

    Row ``i`` gives what :func:`~regio.model.core.intake_advice` gives for
    ``apply_overrides(params, overrides.iloc[i])``, at once for all rows.

    Parameters
    ----------
    params
        The parameter set the scenarios start from (the round's parameters).
    overrides
        A DataFrame with one column per parameter that varies and one row per
        scenario (or a mapping name -> values of equal length); names as
        :func:`~regio.model.parameters.apply_overrides` accepts. An empty
        DataFrame with n rows gives n copies of the round's advice.
    scenario
        Demand scenario (any name :func:`~regio.model.core.get_scenario` accepts).
    year
        Equilibrium year for all rows (default: each row's ``evenwichtsjaar2``).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``overrides``: ``advice``, ``current_intake``,
        ``demand_fte``, ``supply_fte`` (at the current intake),
        ``supply_without_intake_fte``, ``fte_per_trainee``, ``gap_fte`` and
        ``year``, as the fields of :class:`~regio.model.core.IntakeAdvice`.

    Raises
    ------
    InputError
        As :func:`sweep_values`; an unknown scenario; an equilibrium year out of
        range or before the first trainees of the intake can work (rows named).

    Examples
    --------
    >>> from regio.model.core import intake_advice
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> s = sweep(p, pd.DataFrame(index=range(3)))
    >>> s["advice"].round(6).tolist() == [round(intake_advice(p).advice, 6)] * 3
    True
    >>> sweep(p, {"uren_per_week": [40, 45, 50]}, scenario="demografie")["advice"].round().tolist()
    [934.0, 727.0, 561.0]
    """
    sc = get_scenario(scenario)
    frame = overrides if isinstance(overrides, pd.DataFrame) else pd.DataFrame(dict(overrides))
    v = sweep_values(params, frame)
    y = _years(v, year, frame.index)
    k = (y - v["basisjaar"])[:, None]
    parts = {name: a[:, 0] for name, a in _parts(v, k, sc).items()}
    phi = parts["per_trainee"]
    late = ~(phi > 0)
    if late.any():
        raise InputError(f"The equilibrium year comes before the first trainees of the intake from the "
                         f"bijsturingsjaar can work in row(s) {_rows(frame.index[late])}; choose a later year.",
                         key="model.sweep_too_early", rows=_rows(frame.index[late]))
    advice = (parts["demand"] - parts["without"]) / phi
    out = pd.DataFrame({"advice": advice, "current_intake": v["n_inopleiding_perjaar3"],
                        "demand_fte": parts["demand"], "supply_fte": parts["supply"],
                        "supply_without_intake_fte": parts["without"], "fte_per_trainee": phi,
                        "gap_fte": parts["demand"] - parts["supply"], "year": y.astype(np.int64)},
                       index=frame.index)
    return out


def sweep_paths(params: GPParameters, overrides: pd.DataFrame | Mapping[str, object], *,
                scenario: str = "full") -> dict[str, pd.DataFrame]:
    """Demand, supply at the current intake and supply at the advice, per year, for every row of ``overrides``.

    Parameters
    ----------
    params, overrides, scenario
        As :func:`sweep` (the advice is that of each row's ``evenwichtsjaar2``).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``demand``, ``supply`` (at the current intake) and ``supply_advice``
        (at the row's advice, or 0 if it is negative, as
        :func:`~regio.model.core.project` draws it): rows as ``overrides``,
        one column per year from the base year of ``params`` on, in FTE.

    Raises
    ------
    InputError
        As :func:`sweep`; also when rows differ in their base year.

    Examples
    --------
    >>> from regio.model.core import project
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> paths = sweep_paths(p, pd.DataFrame(index=[0]))
    >>> t = project(p, scenarios=("full",))
    >>> bool(abs(paths["supply_advice"].loc[0, 2043] - t.loc[2043, "supply_advice_full"]) < 1e-6)
    True
    """
    sc = get_scenario(scenario)
    frame = overrides if isinstance(overrides, pd.DataFrame) else pd.DataFrame(dict(overrides))
    advice = sweep(params, frame, scenario=sc)["advice"].to_numpy()
    v = sweep_values(params, frame)
    if np.any(v["basisjaar"] != params.basisjaar):
        raise InputError("sweep_paths needs one base year for all rows (basisjaar cannot vary).",
                         key="model.sweep_one_base_year")
    k = np.arange(_HORIZON + 1, dtype=float)[None, :]
    parts = _parts(v, k, sc)
    unit = parts["per_trainee"]
    years = pd.Index(params.basisjaar + np.arange(_HORIZON + 1), name="year")
    table = lambda a: pd.DataFrame(a, index=frame.index, columns=years)  # noqa: E731
    return {"demand": table(parts["demand"]), "supply": table(parts["supply"]),
            "supply_advice": table(parts["without"] + np.maximum(advice, 0.0)[:, None] * unit)}


def _as_params(params: GPParameters, values: dict[str, np.ndarray], i: int) -> GPParameters:
    """Row ``i`` of ``values`` as a parameter set (for tests and checks against the scalar model)."""
    kinds = parameter_fields()
    changes = {name: (int(a[i]) if name in _INT_FIELDS else float(a[i])) for name, a in values.items()
               if kinds.get(name) is not str}
    return dataclasses.replace(params, **changes)
