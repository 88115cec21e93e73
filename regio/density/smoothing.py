"""Empirical Bayes smoothing of small-area rates, towards the country or the neighbours."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from regio.density.rates import _check_rates_input
from regio.errors import InputError, said_value
from regio.validate import check_crs

# ----------------------------------------------------------------------------- smoothing

def _rates_for_smoothing(counts: pd.Series, population: pd.Series) -> tuple[pd.Series, pd.Series]:
    c, p = _check_rates_input(counts, population)
    has = c.notna() & p.notna() & (p > 0)
    return c[has], p[has]


def eb_global(counts: pd.Series, population: pd.Series, *, prior_rate: float | None = None) -> pd.DataFrame:
    """Empirical Bayes rates per 100,000 shrunk towards the overall rate (Marshall's method).

    Parameters
    ----------
    counts, population
        Per region code (NaN counts: no data, left NaN).
    prior_rate
        Rate per 100,000 to shrink towards (default: Σ count / Σ population).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``population``: ``eb_per_100k`` and ``shrinkage`` (the
        weight on the prior, 0 = crude rate kept, 1 = prior rate).

    Raises
    ------
    InputError, UnknownCodeError
        As :func:`density_table` (negative counts, counts without population,
        codes that are not in ``population``).

    Notes
    -----
    With r_i = x_i / n_i, prior mean b and n̄ = Σ n / k, the prior variance
    a = Σ n_i (r_i − b)² / Σ n_i − b / n̄, clipped at 0. Each rate becomes
    b + C_i (r_i − b) with C_i = a / (a + b / n_i): small populations (large
    b / n_i) are pulled most. (Marshall 1991, Applied Statistics 40:283.)

    Examples
    --------
    >>> counts = pd.Series({"small": 0, "big1": 700, "big2": 900})
    >>> pop = pd.Series({"small": 1_000, "big1": 1_000_000, "big2": 1_000_000})
    >>> eb_global(counts, pop).round(2)
           eb_per_100k  shrinkage
    small        79.06       0.99
    big1         70.80       0.08
    big2         89.19       0.08
    """
    c, p = _rates_for_smoothing(counts, population)
    r = c / p
    b = c.sum() / p.sum() if prior_rate is None else float(prior_rate) / 1e5
    nbar = p.mean()
    s2 = float((p * (r - b) ** 2).sum() / p.sum())
    a = max(0.0, s2 - b / nbar)
    weight_crude = a / (a + b / p) if a > 0 else pd.Series(0.0, index=p.index)
    eb = b + weight_crude * (r - b)
    out = pd.DataFrame({"eb_per_100k": eb * 1e5, "shrinkage": 1 - weight_crude}).reindex(population.index)
    out.attrs.update({"prior_per_100k": b * 1e5, "prior_variance": a})
    return out


def queen_neighbours(gdf: gpd.GeoDataFrame, *, distance: float = 50.0, islands: str = "nearest") -> pd.DataFrame:
    """Pairs of neighbouring regions: queen contiguity (sharing a border or a corner).

    Parameters
    ----------
    gdf
        Regions in EPSG:28992, indexed by code.
    distance
        Regions closer than this (metres) count as touching, so that
        generalised borders with slivers, and land-only boundaries across a
        narrow river, still make neighbours.
    islands
        ``"nearest"``: a region without neighbours (a Wadden island) gets the
        nearest region as its neighbour; ``"none"``: it keeps none.

    Returns
    -------
    pandas.DataFrame
        Columns ``focal`` and ``neighbour`` (codes), both directions, no
        self-pairs; ``attrs["islands"]`` lists the regions that had none.

    Raises
    ------
    CRSError
        If ``gdf`` is not in EPSG:28992.
    InputError
        For an unknown ``islands``.

    Examples
    --------
    >>> from shapely import box
    >>> g = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1), box(1, 1, 2, 2), box(5, 5, 6, 6)],
    ...                      index=["A", "B", "C"], crs="EPSG:28992")
    >>> queen_neighbours(g, distance=0).values.tolist()
    [['A', 'B'], ['B', 'A'], ['C', 'B'], ['B', 'C']]
    """
    check_crs(gdf, name="regions")
    if islands not in ("nearest", "none"):
        raise InputError(f"islands must be 'nearest' or 'none', got {islands!r}.", key="density.bad_islands",
                         value=said_value(islands))
    geoms = gdf.geometry.to_numpy()
    has = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    codes = np.asarray(gdf.index)[has]
    geoms = geoms[has]
    tree = shapely.STRtree(geoms)
    if distance > 0:
        left, right = tree.query(geoms, predicate="dwithin", distance=distance)
    else:
        left, right = tree.query(geoms, predicate="intersects")
    keep = left != right
    pairs = pd.DataFrame({"focal": codes[left[keep]], "neighbour": codes[right[keep]]})
    alone = sorted(set(codes) - set(pairs["focal"]))
    if islands == "nearest" and alone and len(codes) > 1:
        extra = []
        for code in alone:
            i = int(np.flatnonzero(codes == code)[0])
            others = np.delete(np.arange(len(codes)), i)
            j = others[int(np.argmin(shapely.distance(geoms[i], geoms[others])))]
            extra += [(code, codes[j]), (codes[j], code)]
        pairs = pd.concat([pairs, pd.DataFrame(extra, columns=["focal", "neighbour"])], ignore_index=True)
    pairs = pairs.drop_duplicates().reset_index(drop=True)
    pairs.attrs["islands"] = alone
    return pairs


def eb_spatial(counts: pd.Series, population: pd.Series, neighbours: pd.DataFrame) -> pd.DataFrame:
    """Local empirical Bayes rates per 100,000, shrunk towards each region's neighbourhood.

    Parameters
    ----------
    counts, population
        Per region code (NaN counts: no data; such regions are left NaN and
        left out of their neighbours' neighbourhoods).
    neighbours
        Pairs ``focal``, ``neighbour`` (from :func:`queen_neighbours`).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``population``: ``eb_spatial_per_100k``,
        ``local_per_100k`` (the neighbourhood's pooled rate) and
        ``shrinkage`` (weight on the local rate).

    Raises
    ------
    InputError, UnknownCodeError
        As :func:`density_table` (negative counts, counts without population,
        codes that are not in ``population``).

    Notes
    -----
    As :func:`eb_global`, with b, a and n̄ computed over the neighbourhood of
    each region (the region and its neighbours): b_i = Σ x_j / Σ n_j,
    a_i = max(0, Σ n_j (r_j − b_i)² / Σ n_j − b_i / n̄_i) (Anselin's local
    empirical Bayes; variance clipped at zero).

    Examples
    --------
    >>> counts = pd.Series({"A": 0, "B": 80, "C": 100})
    >>> pop = pd.Series({"A": 1_000, "B": 100_000, "C": 100_000})
    >>> nb = pd.DataFrame({"focal": ["A", "B", "B", "C"], "neighbour": ["B", "A", "C", "B"]})
    >>> eb_spatial(counts, pop, nb).round(2)
       eb_spatial_per_100k  local_per_100k  shrinkage
    A                79.21           79.21       1.00
    B                88.96           89.55       0.94
    C                91.00           90.00       0.90
    """
    c, p = _rates_for_smoothing(counts, population)
    pairs = neighbours[["focal", "neighbour"]]
    pairs = pairs[pairs["focal"].isin(c.index) & pairs["neighbour"].isin(c.index)]
    own = pd.DataFrame({"focal": c.index, "neighbour": c.index})
    hood = pd.concat([own, pairs], ignore_index=True).drop_duplicates()
    x = c.reindex(hood["neighbour"]).to_numpy()
    n = p.reindex(hood["neighbour"]).to_numpy()
    hood = hood.assign(x=x, n=n, r=x / n)
    sums = hood.groupby("focal").agg(x=("x", "sum"), n=("n", "sum"), k=("n", "size"))
    b = sums["x"] / sums["n"]
    hood["b"] = b.reindex(hood["focal"]).to_numpy()
    s2 = (hood["n"] * (hood["r"] - hood["b"]) ** 2).groupby(hood["focal"]).sum() / sums["n"]
    nbar = sums["n"] / sums["k"]
    a = (s2 - b / nbar).clip(lower=0)
    b, a = b.reindex(c.index), a.reindex(c.index)
    r = c / p
    weight_crude = (a / (a + b / p)).where(a > 0, 0.0)
    out = pd.DataFrame({"eb_spatial_per_100k": (b + weight_crude * (r - b)) * 1e5,
                        "local_per_100k": b * 1e5, "shrinkage": 1 - weight_crude})
    return out.reindex(population.index)
