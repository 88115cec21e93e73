"""The fast paths of the maps give the numbers of the slow ones: encoding, class edges, kept topologies."""

from __future__ import annotations

import itertools
import warnings

import geopandas as gpd
import mapclassify
import numpy as np
import pytest
import shapely

from regio import derived
from regio.maps import shapes
from regio.maps.core import _SCHEMES, class_edges


def _encode_loop(values) -> str:
    """The polyline encoding one number at a time (regio's former encode_ints)."""
    z = np.where(np.asarray(values) < 0, ~(np.asarray(values, dtype=np.int64) << 1),
                 np.asarray(values, dtype=np.int64) << 1)
    chars = []
    for n in z.tolist():
        while n >= 0x20:
            chars.append(chr((0x20 | (n & 0x1F)) + 63))
            n >>= 5
        chars.append(chr(n + 63))
    return "".join(chars)


def test_vectorised_encoding_equals_the_loop_for_runs_of_any_length():
    rng = np.random.default_rng(7)
    for _ in range(200):
        lengths = rng.integers(0, 7, size=rng.integers(1, 9))
        values = (rng.standard_normal(int(lengths.sum())) * 10.0 ** rng.integers(0, 12)).astype(np.int64)
        runs = list(itertools.pairwise(np.r_[0, np.cumsum(lengths)]))
        got = shapes._encode_many(values, lengths)
        assert got == [_encode_loop(values[a:b]) for a, b in runs]
        assert [shapes.decode_ints(g) for g in got] == [values[a:b].tolist() for a, b in runs]


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "fisher_jenks"])
def test_class_edges_are_mapclassify_s_to_the_bit(scheme):
    klass = {"quantiles": mapclassify.Quantiles, "equal_interval": mapclassify.EqualInterval,
             "fisher_jenks": mapclassify.FisherJenks}[scheme]
    rng = np.random.default_rng(3)
    for trial in range(60):
        n = int(rng.integers(2, 50 if scheme == "fisher_jenks" else 300))
        y = [rng.standard_normal(n) * 10.0 ** rng.integers(-3, 6), rng.integers(0, 5, n).astype(float),
             rng.lognormal(3, 2, n), rng.integers(0, 10**6, n)][trial % 4]
        for k in range(2, min(8, len(np.unique(y))) + 1):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = klass(y, k=k).bins
            got = _SCHEMES[scheme](np.asarray(y).flatten(), k)
            assert got.dtype == expected.dtype and np.array_equal(got, expected), (scheme, y, k)
    assert class_edges([1.0, 2.0, 3.0, 4.0], scheme=scheme, k=2)[-1] == np.inf


def _grid(n: int = 4) -> gpd.GeoDataFrame:
    cells = [shapely.box(150_000 + i * 1_000, 450_000 + j * 1_000, 151_000 + i * 1_000, 451_000 + j * 1_000)
             for i in range(n) for j in range(n)]
    # wobbly borders, so that cleaning and simplification have work to do
    cells = [shapely.segmentize(c, 50) for c in cells]
    return gpd.GeoDataFrame(index=[f"R{i}" for i in range(len(cells))], geometry=cells, crs="EPSG:28992")


def test_a_kept_topology_equals_a_fresh_one_and_is_not_changed_by_a_map(monkeypatch, tmp_path):
    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(derived, "_memo", type(derived._memo)())
    from regio.sources.cache import DiskStore

    before = derived.set_store(DiskStore())
    try:
        gdf = _grid()
        fresh = shapes._topology(gdf, False, 100.0, 1e-4, None, None)
        first = shapes.topology(gdf, tolerance=100.0)
        first["features"][0][1].append(3)  # region_map fills slots 1 and 2 of its own copy
        first["arcs"].append("changed")
        first["features"][0][3][0].append("changed")  # and its rings
        again = shapes.topology(gdf, tolerance=100.0)
        derived._memo.clear()
        from_disk = shapes.topology(gdf, tolerance=100.0)
        for topo in (again, from_disk):
            assert topo["arcs"] == fresh["arcs"] and topo["translate"] == fresh["translate"]
            assert topo["features"] == [[code, [], [], polys] for code, polys in fresh["features"]]
        assert sorted(p.parent.name for p in tmp_path.rglob("*.bin")) == ["coverage", "topology"]
        unsimplified = shapes.topology(gdf, tolerance=0)  # another tolerance: another entry
        assert len(list((tmp_path / "topology").iterdir())) == 2
        assert sum(map(len, unsimplified["arcs"])) > sum(map(len, again["arcs"]))
    finally:
        derived.set_store(before)
