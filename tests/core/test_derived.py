"""The derived-geometry cache: keys by content, a memo, the store on disk, damaged entries recomputed."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal

from regio import derived, geography
from regio.config import cache_dir
from regio.sources.cache import DiskStore


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty memo and cache folder, the disk store in use (as after importing regio.sources)."""
    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(derived, "_memo", type(derived._memo)())
    before = derived.set_store(DiskStore())
    yield tmp_path / "cache"
    derived.set_store(before)


def _squares(n: int = 3, shift: float = 0.0) -> np.ndarray:
    return np.array([shapely.box(i * 1_000 + shift, 0, (i + 1) * 1_000, 1_000) for i in range(n)])


def test_the_key_follows_every_coordinate_code_and_parameter():
    geoms = _squares()
    key = derived.content_key("x", geoms, pd.Index(["A", "B", "C"]), 100.0)
    assert key == derived.content_key("x", _squares(), pd.Index(["A", "B", "C"]), 100.0)  # same content
    assert key != derived.content_key("x", _squares(shift=1e-9), pd.Index(["A", "B", "C"]), 100.0)
    assert key != derived.content_key("x", geoms, pd.Index(["A", "C", "B"]), 100.0)
    assert key != derived.content_key("x", geoms, pd.Index(["A", "B", "C"]), 50.0)
    assert key != derived.content_key("y", geoms, pd.Index(["A", "B", "C"]), 100.0)
    with_gap = geoms.copy()
    with_gap[1] = None  # a missing geometry is part of the content
    assert key != derived.content_key("x", with_gap, pd.Index(["A", "B", "C"]), 100.0)
    codes = np.array(["GM1", "GM2"], dtype=object)  # text in an object array is hashed as text
    assert derived.content_key(codes) != derived.content_key(np.array(["GM1", "GM3"], dtype=object))


def test_a_result_is_computed_once_per_run_and_read_back_in_the_next(fresh):
    calls = []

    def compute():
        calls.append(1)
        return _squares()

    def run():
        return derived.cached("test", "k", compute, dumps=derived.dump_geometries,
                              loads=lambda b: derived.load_geometries(b)[0])

    first = run()
    assert run() is first and len(calls) == 1  # the memo
    assert (fresh / "test" / "k.bin").is_file()  # in the cache folder, not the data directory
    derived._memo.clear()  # a new process
    again = run()
    assert len(calls) == 1 and all(a.equals_exact(b, 0) for a, b in zip(first, again, strict=True))


def test_a_damaged_entry_is_recomputed_not_read(fresh):
    store = DiskStore()
    store.put("test", "k", b"payload")
    path = fresh / "test" / "k.bin"
    data = path.read_bytes()
    path.write_bytes(data[:3] + b"X" + data[4:])  # one byte changed
    assert store.get("test", "k") is None
    path.write_bytes(data[:-5])  # cut short
    assert store.get("test", "k") is None
    derived._memo.clear()
    assert derived.cached("test", "k", lambda: "computed", dumps=str.encode, loads=bytes.decode) == "computed"


def test_a_cache_that_cannot_be_written_is_no_error(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REGIO_CACHE_DIR", str(blocker))
    assert cache_dir() == blocker
    DiskStore().put("test", "k", b"x")  # nothing written, nothing raised
    assert DiskStore().get("test", "k") is None


def test_regions_survive_the_store():
    regions = gpd.GeoDataFrame({"statnaam": ["West", "Oost"]}, geometry=list(_squares(2)), crs="EPSG:28992",
                               index=pd.Index(["PV01", "PV02"], name="statcode"))
    back = derived.load_regions(derived.dump_regions(regions), regions.crs)
    pd.testing.assert_frame_equal(back.drop(columns="geometry"), regions.drop(columns="geometry"))
    assert back.crs == regions.crs and back.geometry.geom_equals_exact(regions.geometry, 0).all()
    with pytest.raises(ValueError, match="wrong length"):
        derived.load_geometries(derived.dump_regions(regions)[:-1])


def test_a_kept_dissolve_equals_a_fresh_one_and_is_the_caller_s_own_copy(fresh):
    units = gpd.GeoDataFrame(geometry=list(_squares(4)), crs="EPSG:28992",
                             index=pd.Index(["GM1", "GM2", "GM3", "GM4"], name="statcode"))
    member = pd.Series({"GM1": "R1", "GM2": "R1", "GM3": "R2", "GM4": "R2"})
    first = geography.dissolve(units, member, names={"R1": "West"})
    first.loc["R1", "statnaam"] = "changed by the caller"
    first.attrs["mine"] = True
    derived._memo.clear()
    from_disk = geography.dissolve(units, member, names={"R1": "West"})
    fresh_one = geography._dissolve(units, member.reindex(units.index).astype(str).to_numpy(), {"R1": "West"}, 200.0)
    for kept in (geography.dissolve(units, member, names={"R1": "West"}), from_disk):
        assert_geodataframe_equal(kept, fresh_one)
        assert kept.attrs == {}
    other = geography.dissolve(units, member.replace({"R2": "R3"}))  # another membership: another entry
    assert other.index.tolist() == ["R1", "R3"]


def test_the_disk_store_keeps_the_most_recently_used_entries_of_each_kind(monkeypatch, tmp_path):
    import os

    from regio.sources import cache

    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "KEEP_PER_KIND", 3)
    disk = DiskStore()
    for i in range(3):
        disk.put("images", f"k{i}", b"x" * i)
        path = tmp_path / "images" / f"k{i}.bin"
        os.utime(path, ns=(10**18 + i * 10**9, 10**18 + i * 10**9))  # written in this order, a second apart
    disk.put("other", "k0", b"another kind is its own")
    os.utime(tmp_path / "images" / "k0.bin", ns=(10**18 - 10**9, 10**18 - 10**9))
    assert disk.get("images", "k0") == b""  # read: now the most recently used
    disk.put("images", "k3", b"new")  # one too many: the least recently used (k1) goes
    assert sorted(p.stem for p in (tmp_path / "images").glob("*.bin")) == ["k0", "k2", "k3"]
    assert disk.get("images", "k1") is None and disk.get("other", "k0") == b"another kind is its own"
