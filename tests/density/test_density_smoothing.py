"""regio.density.smoothing on hand-made data: empirical Bayes rates, queen neighbours (real data: test_density_real)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from regio.density import eb_global, queen_neighbours


def test_eb_is_between_crude_and_prior_and_clips_variance():
    counts = pd.Series({"a": 0, "b": 3, "c": 70, "d": 90, "e": 1})
    pop = pd.Series({"a": 1_000, "b": 1_500, "c": 100_000, "d": 100_000, "e": 800})
    eb = eb_global(counts, pop)
    crude = counts / pop * 1e5
    prior = eb.attrs["prior_per_100k"]
    assert prior == pytest.approx(counts.sum() / pop.sum() * 1e5)
    lo, hi = np.minimum(crude, prior), np.maximum(crude, prior)
    assert ((eb["eb_per_100k"] >= lo - 1e-9) & (eb["eb_per_100k"] <= hi + 1e-9)).all()
    # identical rates: the between-region variance is negative before clipping -> all at the prior
    flat = eb_global(pd.Series({"x": 1, "y": 10}), pd.Series({"x": 1000, "y": 10_000}))
    assert flat.attrs["prior_variance"] == 0
    assert flat["eb_per_100k"].to_numpy() == pytest.approx([100.0, 100.0])


def test_queen_neighbours_on_a_grid_and_islands():
    from shapely import box

    cells = {f"{i}{j}": box(i, j, i + 1, j + 1) for i in range(3) for j in range(3)}
    cells["island"] = box(10, 10, 11, 11)
    g = gpd.GeoDataFrame(geometry=list(cells.values()), index=list(cells), crs="EPSG:28992")
    pairs = queen_neighbours(g, distance=0)
    degree = pairs.groupby("focal").size()
    assert degree["11"] == 8 and degree["00"] == 3 + 0 and degree["01"] == 5
    assert set(map(tuple, pairs.to_numpy())) == {(b, a) for a, b in pairs.to_numpy()}  # symmetric
    assert not (pairs["focal"] == pairs["neighbour"]).any()
    assert pairs.attrs["islands"] == ["island"]
    assert pairs.loc[pairs["focal"] == "island", "neighbour"].tolist() == ["22"]
    assert "island" not in set(queen_neighbours(g, distance=0, islands="none")["focal"])
