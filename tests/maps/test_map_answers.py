"""Maps that answer their question first (issue 13): the opening layer, palettes, classes, tooltips, basemap."""

from __future__ import annotations

import io
import itertools
import json
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from browser import render, require_browser
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, box

from regio.allocation import per_100k_rounding_only
from regio.errors import InputError
from regio.maps.core import Layer, map_html, region_map, resolve_tiles, use_tiles
from regio.maps.density import band_percent, density_layers
from regio.maps.recruitment import INSTITUTE_COLORS, area_names

RD = "EPSG:28992"


def _grid(n: int) -> gpd.GeoDataFrame:
    cells = [box(100_000 + 10_000 * i, 400_000 + 10_000 * j, 110_000 + 10_000 * i, 410_000 + 10_000 * j)
             for j in range(n) for i in range(n)]
    return gpd.GeoDataFrame({"v": range(n * n)}, geometry=cells, index=[f"R{i}" for i in range(n * n)], crs=RD)


# ----------------------------------------------------------------------------- the opening layer and its colours

def _density_table():
    from regio.density import analyse

    # 30, 60 and 90 per 100,000 against a national 60: below, similar, above
    return analyse(pd.Series({"A": 30.0, "B": 60.0, "C": 90.0}), pd.Series({"A": 1e5, "B": 1e5, "C": 1e5}))


def test_density_maps_open_on_the_comparison_red_for_below():
    table = _density_table()
    layers = density_layers({2018: table}, lang="en")
    first = layers[0]
    assert first.title == "Compared with national"
    below, similar, above = first.classes.colors
    red = lambda c: int(c[1:3], 16) - int(c[5:7], 16)  # noqa: E731  red minus blue
    assert red(below) > 80 and red(above) < -80 and abs(red(similar)) < 10  # diverging, neutral middle
    assert first.index.tolist() == [0, 1, 2]
    # the rate layers are diverging around the national rate too: every class below it red, above it blue
    rate = next(lay for lay in layers if lay.title == "Per 100,000 inhabitants")
    assert "60.0" in rate.note and "red: below" in rate.note
    colours = [rate.classes.colors[k] for k in rate.index]
    assert red(colours[0]) > 0 > red(colours[2])
    # the institutes are dots of their own colour, never the red that means "below"
    from regio.maps.core import POINT_COLOR, Marker

    assert Marker(52.0, 5.0, "x").color == POINT_COLOR and abs(red(POINT_COLOR)) < 10


def test_two_years_open_on_the_newest_answer():
    table = _density_table()
    layers = density_layers({2017: table, 2024: table}, lang="nl")
    assert layers[0].title == "Vergeleken met landelijk 2024"
    assert [lay.title for lay in layers].index("Vergeleken met landelijk 2017") > 2


def test_the_png_shows_the_opening_layer():
    """The PNG of a density map is drawn in the colours of the comparison, the layer the page opens on."""
    import matplotlib.image as mpimg

    from regio.maps.static import static_map

    table = _density_table()
    g = _grid(2).iloc[:3].set_index(pd.Index(["A", "B", "C"]))
    layers = density_layers({2018: table}, lang="nl")
    png = static_map(g, layers[0], title="t", source="s", dpi=40)
    pixels = (mpimg.imread(io.BytesIO(png))[..., :3] * 255).round().astype(int).reshape(-1, 3)
    present = {"#{:02x}{:02x}{:02x}".format(*p) for p in np.unique(pixels, axis=0)}
    assert set(layers[0].classes.colors) <= present


def test_advice_map_says_more_trainees_needed_without_red():
    from regio.maps.charts import advice_map

    regions = gpd.GeoDataFrame(
        {"statnaam": ["A", "B", "C"], "advice": [40, 80, 20], "advice_per_100k": [4.0, 8.0, 2.0],
         "raw_advice": [40.2, 79.9, 19.9], "population": [1_000_000] * 3, "stock_share": [0.3, 0.5, 0.2]},
        geometry=list(_grid(2).geometry[:3]), index=["PV20", "PV21", "PV22"], crs=RD)
    page, _png = advice_map(regions, title="Advies", source="s", caveat="c", level_label="Provincie", lang="en")
    layer = _spec(page)["layers"][0]
    assert layer["title"] == "Advice per 100,000 inhabitants" and "more trainees needed" in page
    for colour in layer["colors"]:  # no red: red well above green and blue
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert not (r > g + 40 and r > b + 40), colour
    assert '<html lang="en">' in page


def _spec(page: str) -> dict:
    """The layers, legends and switches a map page draws (its ``spec``)."""
    return json.loads(re.search(r"var spec = (\{.*?\});\n", page).group(1))


# ----------------------------------------------------------------------------- institutes

def _lab(colour: str) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB colour."""
    rgb = np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ lin
    xyz /= np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_institute_colours_are_eight_distinguishable_ones():
    assert len(INSTITUTE_COLORS) == 8 and len(set(INSTITUTE_COLORS.values())) == 8
    distance = {(a, b): float(np.linalg.norm(_lab(INSTITUTE_COLORS[a]) - _lab(INSTITUTE_COLORS[b])))
                for a, b in itertools.combinations(INSTITUTE_COLORS, 2)}
    assert min(distance.values()) > 15, min(distance.items(), key=lambda kv: kv[1])
    # the pairs that looked alike (two blues, two oranges) are now far apart
    assert distance[("amc", "vumc")] > 50 and distance[("radboudumc", "erasmusmc")] > 30


def test_one_name_per_area_on_its_largest_part():
    shapes = gpd.GeoDataFrame(geometry=[MultiPolygon([box(0, 0, 30_000, 10_000), box(50_000, 0, 51_000, 1_000)]),
                                        box(0, 20_000, 10_000, 30_000)], index=["umcg", "lumc"], crs=RD)
    named = area_names(shapes, pd.DataFrame({"name": ["UMCG", "LUMC"]}, index=["umcg", "lumc"]))
    assert named["label"].tolist() == ["UMCG", "LUMC"]
    assert named.geometry.iloc[0].within(box(0, 0, 30_000, 10_000))  # not on the small island
    assert named.geometry.iloc[0].distance(box(0, 0, 30_000, 10_000).exterior) > 4_000  # well inside


def test_recruitment_map_writes_each_institute_name_once():
    from regio.maps.recruitment import recruitment_map
    from regio.recruitment import area_summary

    codes = ["GM0001", "GM0002", "GM0003"]
    shapes = gpd.GeoDataFrame(geometry=[box(100_000 + i * 10_000, 450_000, 110_000 + i * 10_000, 460_000)
                                        for i in range(3)], index=codes, crs=RD)
    municipal = pd.DataFrame({"statnaam": ["West", "Midden", "Oost"], "institute": ["lumc", "umcu", "lumc"],
                              "institute_name": ["LUMC", "UMC Utrecht", "LUMC"], "joint": ["", "", ""],
                              "cost": [4.0, 9.5, 3.0], "population": [50_000, 30_000, 40_000],
                              "gps": [40, 20, 30], "gps_estimated": False, "trainers": [8, 4, 9],
                              "trainers_estimated": False}, index=codes)
    areas = area_summary(municipal, municipal, institutes=["lumc", "umcu"]).assign(name=["LUMC", "UMC Utrecht"])
    area_shapes = shapes.join(municipal["institute"]).dissolve("institute")  # LUMC in two pieces
    locations = gpd.GeoDataFrame({"institute_id": ["lumc", "umcu"], "institute": ["LUMC", "UMC Utrecht"],
                                  "kind": "main", "site": ["Leiden", "Utrecht"], "city": ["Leiden", "Utrecht"]},
                                 geometry=gpd.points_from_xy([105_000, 115_000], [455_000, 455_000]), crs=RD)
    locations[["lon", "lat"]] = locations.to_crs("EPSG:4326").get_coordinates().to_numpy()
    page = map_html(recruitment_map(shapes, municipal, areas, area_shapes=area_shapes, joint_shapes=shapes.iloc[:0],
                                    locations=locations, title="Werving", source="s"))
    names = _labels(page)
    assert sorted(names) == ["LUMC", "UMC Utrecht"]  # one label for the area in two pieces


def _labels(page: str) -> list[str]:
    """The texts written on a map (:func:`regio.maps.core.text_labels`), as folium puts them into the page."""
    found = re.search(r"var labels = (\[.*?\]);\n", page)
    return [" ".join(label["lines"]) for label in json.loads(found.group(1))] if found else []


# ----------------------------------------------------------------------------- classes and rounding

def test_classes_never_split_what_differs_only_by_rounding():
    from regio.maps.allocation import per_100k_layer

    rng = np.random.default_rng(3)
    for _ in range(30):
        pop = pd.Series(rng.integers(300_000, 4_000_000, 8), index=[f"R{i}" for i in range(8)])
        whole = (pop * rng.uniform(5.5e-5, 6.1e-5, 8)).round().astype(int)
        per = whole / pop * 1e5
        layer = per_100k_layer("x", per, whole, pop)
        groups = [layer.index.index[layer.index == k] for k in range(len(layer.classes.labels))]
        assert all(len(g) for g in groups)
        for left, right in itertools.pairwise(groups):  # neighbours differ by more than rounding
            assert not per_100k_rounding_only(whole[left.append(right)], pop[left.append(right)])
        if per_100k_rounding_only(whole, pop):
            assert len(layer.classes.labels) == 1  # one neutral class, the allocation map's rule


@given(st.floats(min_value=0, max_value=300, allow_nan=False))
def test_percentages_agree_with_their_band(value):
    lo, hi = 75, 110
    band = "under" if value < lo else "over" if value > hi else "around"
    text = band_percent(value, band, (lo, hi))
    shown = float(text.rstrip("%").replace(",", "."))
    assert {"under": shown < lo, "around": lo <= shown <= hi, "over": shown > hi}[band] or abs(shown - value) < 0.01
    if shown in (lo, hi):
        assert round(value, 2) in (lo, hi)


def test_groningen_like_percentage_keeps_its_band():
    assert band_percent(109.88, "around", (75, 110)) == "109,9%"
    assert band_percent(74.96, "under", (75, 110), "en") == "74.96%"
    assert band_percent(float("nan"), None, (75, 110)) == "–"


# ----------------------------------------------------------------------------- basemap and page language

def test_tiles_choice_default_env_and_block(monkeypatch):
    g = _grid(2)
    layer = Layer.from_values("v", g["v"].astype(float), k=2)
    monkeypatch.delenv("REGIO_TILES", raising=False)
    page = map_html(region_map(g, [layer], tooltip={}, title="t", source="s"))
    assert "basemaps.cartocdn.com/light_all" in page and "carto.com/attributions" in page
    assert '<html lang="nl">' in page
    monkeypatch.setenv("REGIO_TILES", "none")
    bare = map_html(region_map(g, [layer], tooltip={}, title="t", source="s"))
    assert "L.tileLayer(" not in bare and _spec(bare)["bare"]
    with use_tiles("osm"):
        assert "tile.openstreetmap.org" in map_html(region_map(g, [layer], tooltip={}, title="t", source="s"))
    assert resolve_tiles() == "none"
    with pytest.raises(InputError, match="positron, osm or none"):
        resolve_tiles("satellite")


def test_cli_tiles_option_and_env(real_data, tmp_path, monkeypatch):
    from regio.cli import main

    monkeypatch.delenv("REGIO_TILES", raising=False)
    args = ["-q", "map", "density", "--level", "provincie", "--year", "2018", "--no-institutes"]
    res = CliRunner().invoke(main, [*args, "--tiles", "none", "--out", str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    assert "L.tileLayer(" not in (tmp_path / "a" / "density_huisarts_provincie_2018.html").read_text(encoding="utf-8")
    res = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "b")], env={"REGIO_TILES": "none"})
    assert "L.tileLayer(" not in (tmp_path / "b" / "density_huisarts_provincie_2018.html").read_text(encoding="utf-8")
    res = CliRunner().invoke(main, [*args, "--lang", "en", "--out", str(tmp_path / "c")])
    page = (tmp_path / "c" / "density_huisarts_provincie_2018.html").read_text(encoding="utf-8")
    assert "cartocdn" in page and '<html lang="en">' in page  # the option was for one command only
    res = CliRunner().invoke(main, [*args, "--tiles", "satellite", "--out", str(tmp_path / "d")])
    assert res.exit_code == 2 and "satellite" in res.output


# ----------------------------------------------------------------------------- as a person sees them

@pytest.fixture(scope="module")
def bare_atlas(real_data, tmp_path_factory):
    """The atlas's maps, every section, drawn without a background map (``regio atlas --tiles none``)."""
    from regio.cli import main

    out = tmp_path_factory.mktemp("bare_atlas")
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "atlas", "--out", str(out), "--tiles", "none"])
    assert res.exit_code == 0, res.output
    return out


def _maps(out):
    return sorted(p for p in out.glob("*.html") if p.name != "index.html" and "var spec" in p.read_text("utf-8"))


@pytest.mark.realdata
def test_every_map_opens_offline_on_its_first_layer_with_no_request(bare_atlas):
    require_browser()
    pages = _maps(bare_atlas)
    assert len(pages) >= 10  # access (2), population, density, recruitment, trainers, allocation (3), model
    for page in pages:
        shown = render(page, offline=True, hover="north", screenshot=f"bare_{page.stem}.png")
        assert shown.errors == [], (page.name, shown.errors)
        assert shown.requests == [], (page.name, shown.requests)  # not a tile, not a script
        assert shown.lang == "nl"
        if shown.switch_labels:  # the layer that answers the question is checked when the page opens
            assert shown.checked == shown.switch_labels[0], page.name
        box_ = shown.tooltip_box
        width, height = shown.viewport
        assert box_["top"] >= 0 and box_["left"] >= 0 and box_["bottom"] <= height and box_["right"] <= width, (
            page.name, shown.hovered, box_)
    density = next(p for p in pages if p.name.startswith("density_"))
    shown = render(density, offline=True, hover="north")
    assert shown.checked == "Vergeleken met landelijk" and shown.hovered == "Groningen"


@pytest.mark.realdata
def test_institute_names_and_colours_in_chromium(bare_atlas):
    require_browser()
    page = bare_atlas / "recruitment_nearest_2024.html"
    shown = render(page, offline=True, hover=False, screenshot="recruitment_names.png")
    assert shown.errors == [] and shown.checked == "Opleidingsinstituut (primair)"
    text = page.read_text(encoding="utf-8")
    for name in ("UMCG", "Erasmus MC", "Radboudumc", "LUMC", "UMC Utrecht", "Maastricht UMC+",
                 "Amsterdam UMC (AMC)", "Amsterdam UMC (VUmc)"):
        assert _labels(text).count(name) == 1, name  # once, on the area's largest part


@pytest.mark.realdata
def test_institute_areas_by_need_are_not_coloured_by_rounding(real_data):
    """The GP advice over the 8 institute areas by need: 5.57-6.04 per 100,000 in classes no finer than a trainee."""
    from regio.allocation import AllocationSpec
    from regio.allocation.run import run_allocation
    from regio.maps.allocation import allocation_layers

    table = run_allocation(AllocationSpec(figure="gp_trainees_2027", level="instituut", year=2024, key="need"),
                           data_dir=real_data, with_shapes=False).table
    layer = allocation_layers(table, lang="en")[0]
    groups = [table.index[(layer.index == k).to_numpy()] for k in range(len(layer.classes.labels))]
    assert 1 < len(groups) < 5  # was five strong colours for 5.575 ... 6.045
    for left, right in itertools.pairwise(groups):
        both = left.append(right)
        assert not per_100k_rounding_only(table.loc[both, "allocated"], table.loc[both, "population"])
    assert all(re.fullmatch(r"\d\.\d\d( – \d\.\d\d)?", label) for label in layer.classes.labels), layer.classes
    assert "rounding" in layer.note
