"""Expansion planning: where k new training locations shorten the way to training most.

A p-median with the existing locations fixed: choose ``k`` candidates (for
example hospitals) that, together with the existing locations, minimise the
population-weighted distance of every municipality to its nearest location.
Solved as a mixed-integer programme by HiGHS (:func:`scipy.optimize.milp`):

* ``y_j`` = 1 if candidate ``j`` opens (binary), ``sum y_j = k``;
* ``x_ij`` = share of municipality ``i`` served by location ``j`` (continuous,
  0..1; with the ``y`` integral an optimal ``x`` is 0 or 1), ``sum_j x_ij = 1``;
* ``x_ij <= y_j`` for candidates; existing locations are always open;
* minimise ``sum w_i d_ij x_ij``.

Only candidates nearer to a municipality than its nearest existing location
get an ``x_ij`` (the others can never serve it), which keeps the programme
small. With ``k = 0`` every municipality goes to its nearest existing
location (the nearest-location areas); the objective never gets worse as
``k`` grows.

Examples
--------
>>> cost = pd.DataFrame({"A": [0.0, 4.0, 9.0], "c1": [5.0, 1.0, 2.0], "c2": [9.0, 5.0, 0.0]},
...                     index=["GM1", "GM2", "GM3"])
>>> res = expansion_core(cost, pd.Series([1.0, 1.0, 1.0], index=cost.index), existing=["A"], k=1)
>>> res.opened, res.objective, res.location.to_dict()
(['c1'], 3.0, {'GM1': 'A', 'GM2': 'c1', 'GM3': 'c1'})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from regio.errors import InputError, format_codes, said_value

__all__ = ["Expansion", "brute_force", "expansion_core", "expansion_plan"]


@dataclass
class Expansion:
    """One solve: the candidates opened, where each municipality goes, and the objective.

    Attributes
    ----------
    k
        Candidates to open.
    opened
        The opened candidates (sorted).
    location
        Location (existing or opened) per municipality.
    objective
        Population-weighted distance: ``sum w_i d_i``.
    """

    k: int
    opened: list[str]
    location: pd.Series
    objective: float


def _check(cost: pd.DataFrame, weights: pd.Series, existing: Sequence[str], k: int) -> tuple[list[str], np.ndarray]:
    missing = [e for e in existing if e not in cost.columns]
    if missing or not existing:
        raise InputError(f"Existing locations not in the cost matrix: {format_codes(missing)}" if missing
                         else "Expansion planning needs at least one existing location.",
                         key="trainers.existing_not_in_cost" if missing else "trainers.no_existing",
                         codes=format_codes(missing))
    if cost.isna().to_numpy().any() or (cost.to_numpy() < 0).any():
        raise InputError("The cost matrix has missing or negative values.", key="trainers.cost_bad_values")
    w = pd.Series(weights, dtype=float).reindex(cost.index)
    if w.isna().any() or (w < 0).any():
        codes = format_codes(cost.index[w.isna() | (w < 0)])
        raise InputError(f"Weights missing or negative for {codes}.", key="trainers.weights_bad", codes=codes)
    candidates = [c for c in cost.columns if c not in set(existing)]
    if not 0 <= k <= len(candidates) or int(k) != k:
        raise InputError(f"k must be a whole number from 0 to {len(candidates)} (the candidates), got {k!r}.",
                         key="trainers.bad_k", n=len(candidates), k=said_value(k))
    return candidates, w.to_numpy()


def expansion_core(cost: pd.DataFrame, weights: pd.Series, *, existing: Sequence[str], k: int) -> Expansion:
    """Open ``k`` candidates (columns of ``cost`` not in ``existing``) minimising the weighted distance.

    Parameters
    ----------
    cost
        Municipalities x locations (existing and candidate), km or minutes.
    weights
        Per municipality (inhabitants).
    existing
        Columns that are always open.
    k
        Candidates to open.

    Returns
    -------
    Expansion

    Raises
    ------
    InputError
        For missing or negative costs or weights, unknown existing columns,
        or ``k`` outside 0..candidates.
    RuntimeError
        If HiGHS finds no optimum.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    candidates, w = _check(cost, weights, existing, k)
    d = cost.to_numpy(dtype=float)
    ex = [cost.columns.get_loc(e) for e in existing]
    near_ex = d[:, ex].min(axis=1)
    best_ex = np.asarray(existing, dtype=object)[d[:, ex].argmin(axis=1)]
    if k == 0 or not candidates:
        loc = pd.Series(best_ex, index=cost.index, name="location")
        return Expansion(0, [], loc, float((w * near_ex).sum()))
    cand_col = [cost.columns.get_loc(c) for c in candidates]
    # variables: one x per (municipality, its nearest existing location), one x per (municipality, nearer
    # candidate), then one y per candidate
    pairs_i, pairs_j, costs = [], [], []
    for i in range(len(d)):
        pairs_i.append(i)
        pairs_j.append(-1)  # the nearest existing location
        costs.append(w[i] * near_ex[i])
        for jj, col in enumerate(cand_col):
            if d[i, col] < near_ex[i]:
                pairs_i.append(i)
                pairs_j.append(jj)
                costs.append(w[i] * d[i, col])
    nx, ny = len(pairs_i), len(candidates)
    c = np.concatenate([np.asarray(costs), np.zeros(ny)])
    pi, pj = np.asarray(pairs_i), np.asarray(pairs_j)
    rows, cols, vals = [], [], []
    # each municipality served once
    rows += pi.tolist()
    cols += list(range(nx))
    vals += [1.0] * nx
    n_rows = len(d)
    # x_ij <= y_j for candidate pairs
    cand_pairs = np.flatnonzero(pj >= 0)
    for r, v in enumerate(cand_pairs):
        rows += [n_rows + r, n_rows + r]
        cols += [int(v), nx + int(pj[v])]
        vals += [1.0, -1.0]
    n_link = len(cand_pairs)
    # sum y = k
    rows += [n_rows + n_link] * ny
    cols += list(range(nx, nx + ny))
    vals += [1.0] * ny
    a = coo_matrix((vals, (rows, cols)), shape=(n_rows + n_link + 1, nx + ny)).tocsr()
    lo = np.concatenate([np.ones(n_rows), np.full(n_link, -np.inf), [k]])
    hi = np.concatenate([np.ones(n_rows), np.zeros(n_link), [k]])
    integrality = np.concatenate([np.zeros(nx), np.ones(ny)])
    res = milp(c, constraints=LinearConstraint(a, lo, hi), integrality=integrality,
               bounds=Bounds(np.zeros(nx + ny), np.ones(nx + ny)), options={"disp": False})
    if res.x is None or res.status != 0:
        raise RuntimeError(f"HiGHS found no optimum for k={k}: {res.message}")
    y = res.x[nx:] > 0.5
    opened = sorted(candidates[j] for j in np.flatnonzero(y))
    open_cols = ex + [cost.columns.get_loc(o) for o in opened]
    sub = d[:, open_cols]
    names = np.asarray([*existing, *opened], dtype=object)
    loc = pd.Series(names[sub.argmin(axis=1)], index=cost.index, name="location")
    objective = float((w * sub.min(axis=1)).sum())
    return Expansion(int(k), opened, loc, objective)


def brute_force(cost: pd.DataFrame, weights: pd.Series, *, existing: Sequence[str], k: int) -> Expansion:
    """Solve the same problem by trying every set of ``k`` candidates (for small cases and tests).

    Examples
    --------
    >>> cost = pd.DataFrame({"A": [0.0, 4.0, 9.0], "c1": [5.0, 1.0, 2.0], "c2": [9.0, 5.0, 0.0]},
    ...                     index=["GM1", "GM2", "GM3"])
    >>> brute_force(cost, pd.Series([1.0, 1.0, 1.0], index=cost.index), existing=["A"], k=1).objective
    3.0
    """
    import itertools

    candidates, w = _check(cost, weights, existing, k)
    best = None
    for combo in itertools.combinations(candidates, k):
        sub = cost[[*existing, *combo]].to_numpy(dtype=float)
        value = float((w * sub.min(axis=1)).sum())
        if best is None or value < best[0] - 1e-9:
            best = (value, combo, sub.argmin(axis=1))
    assert best is not None
    names = np.asarray([*existing, *best[1]], dtype=object)
    return Expansion(int(k), sorted(best[1]), pd.Series(names[best[2]], index=cost.index, name="location"), best[0])


def expansion_plan(cost: pd.DataFrame, weights: pd.Series, *, existing: Sequence[str],
                   institute_of: Mapping[str, str], ks: Iterable[int]) -> tuple[pd.DataFrame, dict[int, Expansion]]:
    """For each ``k``: the new locations, the institute each joins, the municipalities they take over, the objective.

    A new location joins the institute of the existing location nearest to
    it (by the municipalities it takes over: the institute that served most
    of their weight before).

    Parameters
    ----------
    cost, weights, existing
        As :func:`expansion_core`.
    institute_of
        Existing location -> institute id.
    ks
        The numbers of new locations to try (e.g. ``range(0, 6)``).

    Returns
    -------
    tuple
        A table with one row per ``k`` and new location (``k``, ``location``,
        ``institute``, ``municipalities``, ``weight`` taken over,
        ``objective``, ``mean_distance`` = objective / total weight; a row
        with an empty location for ``k = 0``), and the solves by ``k``.

    Examples
    --------
    >>> cost = pd.DataFrame({"A": [0.0, 4.0, 9.0], "c1": [5.0, 1.0, 2.0], "c2": [9.0, 5.0, 0.0]},
    ...                     index=["GM1", "GM2", "GM3"])
    >>> table, _ = expansion_plan(cost, pd.Series([1.0, 1.0, 1.0], index=cost.index), existing=["A"],
    ...                           institute_of={"A": "a"}, ks=[0, 1])
    >>> table[["k", "location", "institute", "municipalities", "objective"]].to_dict("list")
    {'k': [0, 1], 'location': ['', 'c1'], 'institute': ['', 'a'], 'municipalities': [0, 2], 'objective': [13.0, 3.0]}
    """
    w = pd.Series(weights, dtype=float).reindex(cost.index)
    total = float(w.sum())
    base = expansion_core(cost, w, existing=existing, k=0)
    before = base.location.map(institute_of)
    rows, solves = [], {}
    for k in ks:
        sol = expansion_core(cost, w, existing=existing, k=int(k))
        solves[int(k)] = sol
        if not sol.opened:
            rows.append({"k": int(k), "location": "", "institute": "", "municipalities": 0, "weight": 0.0,
                         "objective": sol.objective, "mean_distance": sol.objective / total if total else np.nan})
        for new in sol.opened:
            taken = sol.location.index[sol.location == new]
            served = w[taken].groupby(before[taken]).sum()
            inst = str(served.idxmax()) if len(served) else ""
            rows.append({"k": int(k), "location": new, "institute": inst, "municipalities": len(taken),
                         "weight": float(w[taken].sum()), "objective": sol.objective,
                         "mean_distance": sol.objective / total if total else np.nan})
    return pd.DataFrame(rows), solves
