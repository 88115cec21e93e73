"""Writing outputs: regio.report.export writes what regio.maps draws in memory; regio.maps touches no disk."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

import regio.maps
from regio.maps.core import Layer, map_html, region_map
from regio.report.export import write_html, write_image, write_table
from regio.report.index_page import index_html
from regio.report.items import AtlasItem, SectionPage, SkippedSection


def _regions() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"t_name": ["Fryslân", "'s-Hertogenbosch"]},
                            geometry=[box(150_000, 450_000, 160_000, 460_000), box(150_000, 440_000, 160_000, 450_000)],
                            index=["PV21", "GM0796"], crs="EPSG:28992")


def test_write_html_writes_the_exact_utf8_text_and_makes_the_folder(tmp_path):
    page = "<!doctype html>\n<p>Fryslân &amp; 's-Hertogenbosch</p>\r\n"
    path = write_html(page, tmp_path / "a" / "b" / "p.html")
    assert path == tmp_path / "a" / "b" / "p.html"
    assert path.read_bytes() == page.encode("utf-8")  # no newline translation, no BOM


def test_write_image_writes_the_bytes(tmp_path):
    data = bytes(range(256))
    path = write_image(data, str(tmp_path / "x" / "i.png"))
    assert isinstance(path, Path) and path.read_bytes() == data


def test_export_does_not_import_folium_or_matplotlib():
    code = "import sys, regio.report.export; print(sorted(m for m in ('folium', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_map_html_is_the_same_page_each_time_and_leaves_the_map_alone():
    gdf = _regions()
    layer = Layer.from_values("Inwoners", pd.Series([650_000.0, 160_000.0], index=gdf.index), k=2)
    fmap = region_map(gdf, [layer], tooltip={"t_name": "Regio"}, title="t", source="s")
    root = fmap.get_root()
    parts_before = [list(part._children) for part in (root.header, root.html, root.script)]
    first = map_html(fmap, title="Inwoners <2024>")
    assert map_html(fmap, title="Inwoners <2024>") == first
    assert [list(part._children) for part in (root.header, root.html, root.script)] == parts_before
    assert first.count("<title>Inwoners &lt;2024&gt;</title>") == 1
    assert first.count('<link rel="icon" href="data:,">') == 1
    assert first.count(".addTo(map_") == map_html(fmap).count(".addTo(map_")  # nothing added twice
    assert "<title>" not in map_html(fmap)


def test_map_html_page_is_what_folium_itself_writes_with_the_title(tmp_path):
    import branca

    gdf = _regions()
    layer = Layer.from_values("v", pd.Series([1.0, 2.0], index=gdf.index), k=2)
    page = map_html(region_map(gdf, [layer], tooltip={}, title="t", source="s", tiles=None), title="T",
                    assets="cdn")
    # folium's own writer on a fresh map with the same header element (ids differ per map); folium links Leaflet
    # from its CDN, which map_html also does with assets="cdn"
    fmap = region_map(gdf, [layer], tooltip={}, title="t", source="s", tiles=None)
    fmap.get_root().header.add_child(branca.element.Element('<link rel="icon" href="data:,"><title>T</title>'))
    fmap.save(str(tmp_path / "f.html"))
    folium_page = (tmp_path / "f.html").read_text(encoding="utf-8")
    ids = re.compile(r"[0-9a-f]{32}")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')  # map_html adds the page's language
    assert ids.sub("ID", page.replace('<html lang="nl">', "<html>", 1)) == ids.sub("ID", folium_page)


def test_index_html_lists_items_and_skipped_sections():
    items = (AtlasItem("population", "Bevolking & dichtheid", "p.html", "map", "12 provincies"),)
    page = index_html([SectionPage("population", "Bevolking", "12 provincies & meer.", items)],
                      [SkippedSection("density", "geen tellingen")], lang="nl")
    assert "href='p.html'" in page and "Bevolking &amp; dichtheid" in page and "12 provincies &amp; meer." in page
    assert "Artsendichtheid" in page and "geen tellingen" in page


def _calls(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            names.append(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return names


@pytest.mark.parametrize("module", sorted(Path(regio.maps.__file__).parent.glob("*.py")), ids=lambda p: p.name)
def test_maps_modules_do_not_write_files(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    writers = {"open", "write_text", "write_bytes", "mkdir", "to_csv", "to_excel", "to_file"}
    assert writers.isdisjoint(_calls(tree)), module.name
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "regio.report.export" not in imported, module.name
    buffers = {n.targets[0].id for n in ast.walk(tree) if isinstance(n, ast.Assign) and len(n.targets) == 1
               and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Call)
               and getattr(n.value.func, "attr", "") in ("BytesIO", "StringIO")}
    for node in ast.walk(tree):  # figures and images are rendered into memory buffers (io.BytesIO, StringIO) only
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("savefig", "save"):
            assert isinstance(node.args[0], ast.Name) and node.args[0].id in buffers, (module.name, node.lineno)



def test_counts_are_written_as_whole_numbers_and_rates_keep_their_type(tmp_path):
    frame = pd.DataFrame({"count": [455.0, np.nan], "population": [586218.0, 649733.0], "rate_per_100k": [77.0, 60.5],
                          "needed": [0.0, 63.96]}, index=pd.Index(["PV20", "PV21"], name="statcode"))
    before = frame.copy()
    write_table(frame, tmp_path / "t", formats=("csv",))
    pd.testing.assert_frame_equal(frame, before)  # the caller's frame is untouched
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "PV20,455,586218,77.0,0.0" and lines[2] == "PV21,,649733,60.5,63.96"


def test_write_table_keeps_frames_in_attrs_and_writes_whole_counts(tmp_path):
    from regio.report.export import write_table

    frame = pd.DataFrame({"count": [455.0, None], "share": [0.5, 0.25]}, index=pd.Index(["PV20", "PV21"]))
    frame.attrs = {"inputs": pd.DataFrame({"a": [1, 2]}), "source": "test"}  # as an allocation's table has
    before = frame.copy()
    written = write_table(frame, tmp_path / "t")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()[1] == "PV20,455,0.5"
    assert [p.name for p in written] == ["t.csv", "t.xlsx"]
    pd.testing.assert_frame_equal(frame, before)  # the input is not changed
    assert set(frame.attrs) == {"inputs", "source"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_safe_text_is_formula_safe_of_one_cell(fmt):
    from regio.report.export import formula_safe, formula_safe_text

    for value in ["=1+1", "+31 6", "-2x", "@SUM(A1)", "\tx", "a\rb", "a\x01b", "Noord", "", 5, -2.5, None]:
        frame = pd.DataFrame({"v": [value]}, dtype=object)
        assert formula_safe_text(value, fmt) == formula_safe(frame, fmt).iat[0, 0]
