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


def test_pc4_points_read_back_from_the_cache_equal_the_computed_ones(real_data, monkeypatch, tmp_path):
    """The PC4 points and municipalities are kept by the two boundary files; warm, no PC4 polygon is read."""
    import importlib

    prac = importlib.import_module("regio.data.practices")  # the module (regio.data.practices is also a function)
    from regio.data.points import pc4_points

    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    prac._pc4_geometry.cache_clear()
    computed = pc4_points(2024, data_dir=real_data)
    assert len(list((tmp_path / "pc4points").glob("*.bin"))) == 1
    prac._pc4_geometry.cache_clear()
    read = []
    monkeypatch.setattr(prac.gpd, "read_file", lambda *a, **k: read.append(a))  # no boundary file is read
    kept = pc4_points(2024, data_dir=real_data)
    assert read == []
    pd.testing.assert_frame_equal(kept.frame.drop(columns="geometry"), computed.frame.drop(columns="geometry"))
    assert np.array_equal(shapely_xy(kept.frame), shapely_xy(computed.frame))
    assert (kept.sources, kept.suppressed, kept.unplaced, kept.derived) == (
        computed.sources, computed.suppressed, computed.unplaced, computed.derived)
    assert kept.frame.crs == computed.frame.crs
    prac._pc4_geometry.cache_clear()


def test_a_boundary_file_read_back_from_the_disk_cache_equals_the_file(real_data, monkeypatch, tmp_path):
    """The normalised PC4 file (repairs and all) comes back from the derived cache as it was made."""
    from regio.sources import boundaries as bnd

    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(derived, "_memo", type(derived._memo)())
    bnd._normalised.cache_clear()
    made = bnd.read_boundaries("pc4", 2020, data_dir=real_data, warn=False)
    assert len(list((tmp_path / "boundaries").glob("*.bin"))) == 1
    bnd._normalised.cache_clear()
    derived._memo.clear()
    calls = []
    monkeypatch.setattr(bnd.gpd, "read_file", lambda *a, **k: calls.append(a))  # (not a function of bnd: the key
    kept = bnd.read_boundaries("pc4", 2020, data_dir=real_data, warn=False)      # holds that module's code)
    assert calls == []  # read from the cache, not from the GeoJSON
    pd.testing.assert_frame_equal(kept.drop(columns="geometry"), made.drop(columns="geometry"))
    assert kept.index.dtype == made.index.dtype and kept.crs == made.crs
    assert kept.geometry.to_wkb().tolist() == made.geometry.to_wkb().tolist()
    assert kept.attrs == made.attrs and kept.attrs["repairs"]  # 5028 has no geometry: said on every read
    bnd._normalised.cache_clear()
