"""Two-step floating catchment access (2SFCA) on points, with a sparse neighbour search.

The method of Luo and Wang (2003): every supply point ``j`` gets the ratio of
its supply to the (distance-weighted) demand within reach,
``R_j = S_j / Σ_k W(d_kj) D_k``; every demand point ``i`` sums the ratios of
the supply within its reach, ``A_i = Σ_j W(d_ij) R_j``. With ``W = 1`` inside
the catchment it is the classic 2SFCA; a Gaussian decay (Dai 2010) gives the
enhanced variant. Distances are straight lines between the points, in metres
(EPSG:28992); pairs are found with a search tree over the supply points
(:class:`shapely.STRtree`, ``dwithin``), so memory grows with the pairs within reach, not with all
pairs. Every distance is then computed from the coordinates (``numpy.hypot``), which decides which
pairs are in.

Because the same weights are used in both steps, the demand-weighted access
adds up to the supply that has demand within reach: ``Σ_i D_i A_i = Σ_j S_j``
over those supply points (:func:`two_step_fca` returns which supply had none).
The numbers equal PySAL ``access`` (``two_stage_fca``,
``enhanced_two_stage_fca`` with the same weight function); ``tests/access``
checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import shapely

from regio.errors import InputError, said_value

__all__ = ["DECAYS", "Catchment", "catchment_pairs", "decay_weights", "nearest_distance", "two_step_fca"]

Decay = Literal["gaussian", "none"]

#: The distance decays: ``none`` (classic 2SFCA, weight 1 within the catchment)
#: and ``gaussian`` (Dai 2010: 1 at distance 0 falling to 0 at the catchment's edge).
DECAYS: tuple[str, ...] = ("gaussian", "none")

_EDGE = float(np.exp(-0.5))


@dataclass(frozen=True)
class Catchment:
    """The pairs of demand and supply points within reach, with their distances and weights.

    Attributes
    ----------
    demand, supply
        Positions (0-based) of the demand and supply point of each pair.
    distance_m
        Straight-line distance of each pair in metres.
    weight
        The decay weight of each pair.
    radius_m
        The catchment radius in metres.
    decay
        ``"gaussian"`` or ``"none"``.
    """

    demand: np.ndarray
    supply: np.ndarray
    distance_m: np.ndarray
    weight: np.ndarray
    radius_m: float
    decay: str

    def __len__(self) -> int:
        """Return the number of pairs."""
        return len(self.demand)


def _xy(points: np.ndarray, what: str) -> np.ndarray:
    xy = np.asarray(points, dtype=float)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise InputError(f"{what} must be an array of shape (n, 2) with x and y in metres (EPSG:28992); "
                         f"got shape {xy.shape}.",
                         key="access.demand_shape" if what == "demand points" else "access.supply_shape",
                         shape=str(xy.shape))
    if not np.isfinite(xy).all():
        bad = np.flatnonzero(~np.isfinite(xy).all(axis=1))
        raise InputError(f"{what} has points without finite coordinates at positions {bad[:10].tolist()}; "
                         "drop them (or give them a location) first.",
                         key="access.demand_not_finite" if what == "demand points" else "access.supply_not_finite",
                         positions=str(bad[:10].tolist()))
    return xy


def decay_weights(distance_m: np.ndarray, radius_m: float, decay: str = "gaussian") -> np.ndarray:
    """Weight of each distance within the catchment.

    Parameters
    ----------
    distance_m
        Distances in metres, all at most ``radius_m``.
    radius_m
        The catchment radius in metres.
    decay
        ``"none"``: 1 everywhere in the catchment (classic 2SFCA).
        ``"gaussian"``: ``(exp(-½(d/r)²) − exp(-½)) / (1 − exp(-½))``, 1 at
        distance 0 and 0 at the edge (Dai 2010).

    Returns
    -------
    numpy.ndarray
        Weights between 0 and 1.

    Examples
    --------
    >>> decay_weights(np.array([0.0, 2500.0, 5000.0]), 5000.0).round(3).tolist()
    [1.0, 0.701, 0.0]
    >>> decay_weights(np.array([0.0, 5000.0]), 5000.0, "none").tolist()
    [1.0, 1.0]
    """
    d = np.asarray(distance_m, dtype=float)
    if decay == "none":
        return np.ones_like(d)
    if decay == "gaussian":
        return (np.exp(-0.5 * (d / radius_m) ** 2) - _EDGE) / (1.0 - _EDGE)
    raise InputError(f"Unknown decay {decay!r}; choose one of {', '.join(DECAYS)}.", key="access.unknown_decay",
                     decay=decay, known=", ".join(DECAYS))


def catchment_pairs(demand_xy: np.ndarray, supply_xy: np.ndarray, radius_m: float,
                    decay: str = "gaussian") -> Catchment:
    """Find every demand/supply pair within ``radius_m`` of each other.

    Parameters
    ----------
    demand_xy, supply_xy
        Arrays of shape (n, 2) and (m, 2): x and y in metres (EPSG:28992).
    radius_m
        Catchment radius in metres (pairs at exactly this distance are in).
    decay
        ``"gaussian"`` or ``"none"`` (see :func:`decay_weights`).

    Returns
    -------
    Catchment
        The pairs, sorted by demand then supply position.

    Examples
    --------
    >>> pairs = catchment_pairs(np.array([[0.0, 0.0], [10_000.0, 0.0]]), np.array([[3_000.0, 4_000.0]]), 5_000,
    ...                         "none")
    >>> pairs.demand.tolist(), pairs.supply.tolist(), pairs.distance_m.tolist()
    ([0], [0], [5000.0])
    """
    if decay not in DECAYS:
        raise InputError(f"Unknown decay {decay!r}; choose one of {', '.join(DECAYS)}.", key="access.unknown_decay",
                         decay=decay, known=", ".join(DECAYS))
    radius = float(radius_m)
    if not np.isfinite(radius) or radius <= 0:
        raise InputError(f"The catchment radius must be a positive number of metres; got {radius_m!r}.",
                         key="access.bad_radius", radius=said_value(radius_m))
    dxy, sxy = _xy(demand_xy, "demand points"), _xy(supply_xy, "supply points")
    if len(dxy) == 0 or len(sxy) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Catchment(empty, empty.copy(), np.zeros(0), np.zeros(0), radius, decay)
    # candidates a hair beyond the radius: the distances computed below decide which pairs are in
    near = shapely.STRtree(shapely.points(sxy)).query(shapely.points(dxy), predicate="dwithin",
                                                       distance=radius * (1 + 1e-9))
    order = np.lexsort((near[1], near[0]))
    fi, fj = near[0][order].astype(np.int64), near[1][order].astype(np.int64)
    dist = np.hypot(*(dxy[fi] - sxy[fj]).T)
    inside = dist <= radius
    i, j, dist = fi[inside], fj[inside], dist[inside]
    return Catchment(i, j, dist, decay_weights(dist, radius, decay), radius, decay)


def two_step_fca(demand: np.ndarray, supply: np.ndarray, pairs: Catchment) -> tuple[np.ndarray, np.ndarray]:
    """Access per demand point and the supply-to-demand ratio per supply point.

    Parameters
    ----------
    demand
        Demand per demand point (inhabitants or need-weighted inhabitants), ≥ 0.
    supply
        Supply per supply point (practices, GPs, FTE), ≥ 0.
    pairs
        The pairs within reach, from :func:`catchment_pairs` on the same points.

    Returns
    -------
    access : numpy.ndarray
        ``A_i``: supply per unit of demand within reach of each demand point
        (0 where no supply is within reach).
    ratio : numpy.ndarray
        ``R_j``: supply over the weighted demand within reach of each supply
        point; NaN where no demand is within reach (that supply serves no one
        and is left out of every ``A_i``).

    Raises
    ------
    InputError
        Negative or missing demand or supply, or arrays that do not match the pairs.

    Examples
    --------
    Two villages 4 km apart, one practice in the first:

    >>> xy = np.array([[0.0, 0.0], [4_000.0, 0.0]])
    >>> pairs = catchment_pairs(xy, xy[:1], 5_000, "none")
    >>> access, ratio = two_step_fca(np.array([1_000.0, 3_000.0]), np.array([1.0]), pairs)
    >>> (access * 10_000).tolist(), ratio.tolist()
    ([2.5, 2.5], [0.00025])
    """
    d = np.asarray(demand, dtype=float)
    s = np.asarray(supply, dtype=float)
    for name, values in (("demand", d), ("supply", s)):
        if values.ndim != 1:
            raise InputError(f"{name} must be one value per point.",
                             key="access.demand_not_1d" if name == "demand" else "access.supply_not_1d")
        if not np.isfinite(values).all() or (values < 0).any():
            bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
            raise InputError(f"{name} must be finite and not negative; positions {bad[:10].tolist()} are not.",
                             key="access.demand_negative" if name == "demand" else "access.supply_negative",
                             positions=str(bad[:10].tolist()))
    if len(pairs) and (pairs.demand.max() >= len(d) or pairs.supply.max() >= len(s)):
        raise InputError("The pairs refer to more points than the demand or supply given; "
                         "build them from the same points.", key="access.pairs_beyond_points")
    reached = np.bincount(pairs.supply, weights=pairs.weight * d[pairs.demand], minlength=len(s))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(reached > 0, s / reached, np.nan)
    contribution = pairs.weight * np.nan_to_num(ratio[pairs.supply], nan=0.0)
    access = np.bincount(pairs.demand, weights=contribution, minlength=len(d))
    return access, ratio


def nearest_distance(demand_xy: np.ndarray, supply_xy: np.ndarray) -> np.ndarray:
    """Straight-line distance from each demand point to the nearest supply point, in metres.

    Parameters
    ----------
    demand_xy, supply_xy
        Arrays of shape (n, 2) and (m, 2) in metres (EPSG:28992); ``m ≥ 1``.

    Returns
    -------
    numpy.ndarray
        One distance per demand point.

    Examples
    --------
    >>> nearest_distance(np.array([[0.0, 0.0], [6_000.0, 8_000.0]]), np.array([[0.0, 0.0]])).tolist()
    [0.0, 10000.0]
    """
    dxy, sxy = _xy(demand_xy, "demand points"), _xy(supply_xy, "supply points")
    if len(sxy) == 0:
        raise InputError("There is no supply point to measure a distance to.", key="access.no_supply_point")
    which = shapely.STRtree(shapely.points(sxy)).query_nearest(shapely.points(dxy), all_matches=False)
    distance = np.full(len(dxy), np.nan)
    distance[which[0]] = np.hypot(*(dxy[which[0]] - sxy[which[1]]).T)
    return distance
