"""Kept results of the data facade equal what it computes afresh (real data)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

import regio.data.regions as regions
from regio import derived


def test_population_centres_read_back_from_the_cache_equal_the_computed_ones(real_data, monkeypatch, tmp_path):
    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    regions._centre_points.cache_clear()
    computed = regions.population_centres(2024, data_dir=real_data)
    assert len(list(tmp_path.glob("centres_v*_2024_*.csv"))) == 1  # in the cache folder, keyed by the files
    regions._centre_points.cache_clear()
    kept = regions.population_centres(2024, data_dir=real_data)
    pd.testing.assert_frame_equal(kept.drop(columns="geometry"), computed.drop(columns="geometry"))
    assert np.array_equal(shapely_xy(kept), shapely_xy(computed))  # the floats go through the CSV exactly
    assert kept.attrs == computed.attrs
    kept.loc[kept.index[0], "statnaam"] = "changed by the caller"
    assert regions.population_centres(2024, data_dir=real_data)["statnaam"].iloc[0] != "changed by the caller"
    regions._centre_points.cache_clear()


def shapely_xy(frame: gpd.GeoDataFrame) -> np.ndarray:
    return np.column_stack([frame.geometry.x, frame.geometry.y])


def test_a_dissolve_of_the_facade_is_made_once_per_run(real_data, monkeypatch, tmp_path):
    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(derived, "_memo", type(derived._memo)())
    first = regions.boundaries("provincie", 2024, dissolve=True, data_dir=real_data)  # no file of 2024
    entries = list((tmp_path / "dissolve").iterdir())
    assert len(entries) == 1
    derived._memo.clear()  # a second run reads it back
    again = regions.boundaries("provincie", 2024, dissolve=True, data_dir=real_data)
    assert list((tmp_path / "dissolve").iterdir()) == entries
    pd.testing.assert_frame_equal(again.drop(columns="geometry"), first.drop(columns="geometry"))
    assert again.geometry.geom_equals_exact(first.geometry, 0).all() and again.attrs == first.attrs
