"""Files the atlas reads in several places are read once per process, while they stay the same (issue 15)."""

from __future__ import annotations

import os
import warnings

import geopandas as gpd
import pytest
from shapely.geometry import Polygon, box

from regio.errors import RegioWarning
from regio.sources import boundaries as bnd
from regio.sources import physicians as phys


def _write(path, gdf):
    path.parent.mkdir(parents=True, exist_ok=True)
    gdf.to_file(path, driver="GeoJSON")


def _pc4(tmp_path, codes):
    gdf = gpd.GeoDataFrame({"pc4": codes}, crs="EPSG:28992",
                           geometry=[box(120_000 + 1_000 * i, 480_000, 121_000 + 1_000 * i, 481_000)
                                     for i in range(len(codes))])
    _write(tmp_path / "boundaries" / "pc4_2020.geojson", gdf.to_crs("EPSG:4326"))


def test_a_boundary_file_is_normalised_once_and_each_caller_gets_its_own_copy(tmp_path):
    _pc4(tmp_path, [1011, 1012])
    bnd._normalised.cache_clear()
    first = bnd.read_boundaries("pc4", 2020, data_dir=tmp_path)
    first.loc["1011", "statnaam"] = "changed by a caller"
    second = bnd.read_boundaries("pc4", 2020, data_dir=tmp_path)
    assert bnd._normalised.cache_info().misses == 1 and bnd._normalised.cache_info().hits == 1
    assert second.loc["1011", "statnaam"] == "1011" and second.crs.to_epsg() == 28992
    assert second.attrs["source"] == "boundaries/pc4_2020.geojson"


def test_a_changed_boundary_file_is_read_again(tmp_path):
    _pc4(tmp_path, [1011, 1012])
    assert bnd.read_boundaries("pc4", 2020, data_dir=tmp_path).index.tolist() == ["1011", "1012"]
    path = tmp_path / "boundaries" / "pc4_2020.geojson"
    before = path.stat().st_mtime_ns
    _pc4(tmp_path, [1011, 1012, 1013])
    os.utime(path, ns=(before + 10**9, before + 10**9))  # a new stamp even on a coarse clock
    assert bnd.read_boundaries("pc4", 2020, data_dir=tmp_path).index.tolist() == ["1011", "1012", "1013"]


def test_repairs_are_warned_on_every_read_not_only_the_first(tmp_path):
    x, y = 136_000, 455_000
    bowtie = Polygon([(x, y), (x + 2, y + 2), (x + 2, y), (x, y + 2), (x, y)])
    _write(tmp_path / "boundaries" / "gemeente_2020.geojson",
           gpd.GeoDataFrame({"statcode": ["GM0007"], "statnaam": ["Strik"]}, geometry=[bowtie], crs="EPSG:28992"))
    for _ in range(2):
        with pytest.warns(RegioWarning, match="Repaired 1 invalid geometry.*GM0007"):
            out = bnd.read_boundaries("gemeente", 2020, data_dir=tmp_path)
        assert out.geometry.is_valid.all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert bnd.read_boundaries("gemeente", 2020, data_dir=tmp_path, warn=False).attrs["repairs"]


def test_the_physician_folder_is_read_once_while_its_files_stay_the_same(tmp_path):
    folder = tmp_path / "physicians"
    folder.mkdir()
    path = folder / "counts_eigen.csv"
    path.write_text("gemeente,jaar,beroep,aantal\nGM0001,2020,huisarts,3\n", encoding="utf-8")
    phys._read_dir.cache_clear()
    first = phys.read_physician_dir(data_dir=tmp_path)
    first.loc[0, "count"] = 99  # a caller's change stays its own
    assert phys.read_physician_dir(data_dir=tmp_path)["count"].tolist() == [3]
    assert phys._read_dir.cache_info().misses == 1 and phys._read_dir.cache_info().hits == 1
    path.write_text("gemeente,jaar,beroep,aantal\nGM0001,2020,huisarts,30\n", encoding="utf-8")
    assert phys.read_physician_dir(data_dir=tmp_path)["count"].tolist() == [30]  # another size: read again


def test_the_physician_folder_warns_on_every_read(tmp_path):
    folder = tmp_path / "physicians"
    folder.mkdir()
    (folder / "counts_eigen.csv").write_text("gemeente,jaar,beroep,aantal\nGM 0001,2020,huisarts,3\n",
                                             encoding="utf-8")
    for _ in range(2):
        with pytest.warns(RegioWarning, match="written with spaces"):
            assert phys.read_physician_dir(data_dir=tmp_path)["statcode"].tolist() == ["GM0001"]
