"""Compact map engine (shared arcs) and the density maps as a person sees them in Chromium."""

from __future__ import annotations

import re
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from browser import render, require_browser
from hypothesis import given
from hypothesis import strategies as st
from shapely import box

from regio.errors import CRSError, InputError
from regio.maps.core import Layer, format_number, map_html, region_map
from regio.maps.density import SIZE_BUDGETS
from regio.maps.shapes import decode_ints, decode_topology, encode_ints, prepare_shapes, topology

RD = "EPSG:28992"


@given(st.lists(st.integers(min_value=-(2**29), max_value=2**29), max_size=50))
def test_int_encoding_round_trips(values):
    text = encode_ints(values)
    assert decode_ints(text) == values
    assert all(63 <= ord(c) <= 126 for c in text)


def _grid(n=3, size=1000.0, x0=150_000.0, y0=450_000.0):
    cells = {f"C{i}{j}": box(x0 + i * size, y0 + j * size, x0 + (i + 1) * size, y0 + (j + 1) * size)
             for i in range(n) for j in range(n)}
    return gpd.GeoDataFrame({"v": range(n * n)}, geometry=list(cells.values()), index=list(cells), crs=RD)


def test_topology_stores_each_border_once_and_decodes_to_the_shapes():
    g = _grid(3)
    topo = topology(g, tolerance=0, precision=1e-6)
    dec = decode_topology(topo).to_crs(RD)
    assert list(dec.index) == list(g.index)
    for code in g.index:  # back to the same squares, to within the quantisation (1e-6 deg ~ 0.1 m)
        assert shapely.symmetric_difference(dec[code], g.geometry[code]).area < 1000 * 0.5
    # 3x3 grid: 12 interior border pieces, and the coast cut into 8 pieces where the 4 inner lines meet it
    # (a corner cell's coast bends around the corner without a junction): each stored once
    assert len(topo["arcs"]) == 12 + 8
    # neighbours decode to exactly the same border: their union has no gap
    union = shapely.union_all(dec.to_numpy())
    assert union.geom_type == "Polygon" and len(union.interiors) == 0


def test_topology_enclave_shares_its_ring_and_keeps_holes():
    outer = shapely.Polygon(box(0, 0, 3000, 3000).exterior.coords, [box(1000, 1000, 2000, 2000).exterior.coords])
    g = gpd.GeoDataFrame(geometry=[outer, box(1000, 1000, 2000, 2000)], index=["ring", "enclave"],
                         crs=RD).translate(150_000, 450_000)
    g = gpd.GeoDataFrame(geometry=g, crs=RD)
    topo = topology(g, tolerance=0, precision=1e-6)
    assert len(topo["arcs"]) == 2  # the coast and the one ring both regions share
    dec = decode_topology(topo).to_crs(RD)
    assert dec["ring"].area == pytest.approx(8e6, rel=1e-3)
    assert dec["enclave"].area == pytest.approx(1e6, rel=1e-3)


def test_topology_refuses_missing_crs_and_keeps_rows_without_geometry_out():
    g = _grid(2)
    with pytest.raises(CRSError, match="CRS"):
        topology(gpd.GeoDataFrame(geometry=g.geometry.to_numpy()))
    g2 = g.copy()
    g2.loc["C00", "geometry"] = None
    topo = topology(g2)
    assert [f[0] for f in topo["features"]] == ["C01", "C10", "C11"]


def test_region_map_refuses_a_layer_for_other_regions():
    g = _grid(2)
    other = pd.Series([1.0, 2.0], index=["X1", "X2"])  # e.g. integer or other-year codes: all would be "no data"
    with pytest.raises(InputError, match="values for regions not on the map: X1, X2"):
        region_map(g, [Layer.from_values("v", other)], tooltip={}, title="t", source="s", tiles=None)


def test_region_map_encodings_and_inputs_unchanged(tmp_path):
    g = _grid(4)
    g["tip"] = ["{{ x }} {% y %}"] * len(g)  # template syntax in a tooltip must survive branca's second pass
    before = g.copy()
    layer = Layer.from_values("v", g["v"].astype(float))
    sizes = {}
    for enc in ("topology", "geojson"):
        fmap = region_map(g, [layer], tooltip={"tip": "Tip"}, title="t", source="s", encoding=enc, tiles=None)
        text = map_html(fmap)
        (tmp_path / f"{enc}.html").write_text(text, encoding="utf-8")
        sizes[enc] = len(text)
        assert "{{ x }}" in text.replace("\\u007b", "{")
    assert "regioDecode" in (tmp_path / "topology.html").read_text(encoding="utf-8")
    assert '"type":"Polygon"' in (tmp_path / "geojson.html").read_text(encoding="utf-8")
    pd.testing.assert_frame_equal(pd.DataFrame(g.drop(columns="geometry")),
                                  pd.DataFrame(before.drop(columns="geometry")))
    assert g.geometry.equals(before.geometry)
    with pytest.raises(InputError, match="encoding"):
        region_map(g, [layer], tooltip={}, title="t", source="s", encoding="svg")


@pytest.mark.realdata
def test_cleaning_closes_sliver_gaps_of_the_municipal_coverage(real_data):
    import regio

    g = regio.boundaries("gemeente", 2024)
    dec = decode_topology(topology(g[["geometry"]])).to_crs(RD)
    assert len(dec) == len(g) == 342

    def slivers(geoms):  # gaps in the union narrower than 20 m (lakes and rivers are wider)
        u = shapely.union_all(shapely.make_valid(np.asarray(geoms)), grid_size=0.1)
        holes = np.array([shapely.Polygon(r) for p in shapely.get_parts(u) for r in p.interiors])
        return int((2 * shapely.length(shapely.maximum_inscribed_circle(holes, 0.5)) < 20).sum())

    before, after = slivers(g.geometry), slivers(dec.geometry)
    assert before > 400 and after < before / 10  # 442 -> about 20 (what is left comes from rounding to 1e-4 deg)
    # areas kept: simplified at 100 m, each municipality within 5 % (most within 1 %)
    rel = (dec.area / g.area.reindex(dec.index) - 1).abs()
    assert rel.median() < 0.01 and rel.max() < 0.05
    ps = prepare_shapes(g[["geometry"]])
    assert ps.crs.to_epsg() == 4326 and len(ps) == 342


# ----------------------------------------------------------------------------- density maps in Chromium

@pytest.fixture(scope="module")
def density_atlas(real_data, tmp_path_factory):
    from regio.report.atlas import build_atlas

    out = tmp_path_factory.mktemp("density_atlas")
    items, skipped = build_atlas(out, sections=["density"], data_dir=real_data, progress=False)
    assert skipped == []
    return out, items


def _tooltip_value(tooltip: str, label: str) -> str:
    return re.search(rf"{re.escape(label)}\s+(.+)", tooltip).group(1).strip()


@pytest.mark.realdata
def test_a_map_opens_as_a_file_without_internet(density_atlas, tmp_path):
    """A map someone was sent opens from disk with no network: Leaflet is in the page, not on a CDN."""
    from regio.maps.core import map_html

    require_browser()
    out, items = density_atlas
    html_path = out / next(it.path for it in items if it.kind == "map")
    page = html_path.read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in page and "/* @preserve" in page
    shown = render(html_path, offline=True, hover=False, screenshot="offline_file_map.png")
    assert shown.errors == [], shown.errors
    assert shown.regions == 12 and shown.legends >= 1 and "huisarts" in shown.title.lower()
    # the other choice links the CDN: smaller, but it needs internet
    g = _grid(2)
    fmap = region_map(g, [Layer.from_values("v", g["v"].astype(float))], tooltip={}, title="t", source="s", tiles=None)
    linked, inline = map_html(fmap, assets="cdn"), map_html(fmap)
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in linked
    assert len(inline) - len(linked) > 150_000
    with pytest.raises(InputError, match="inline.*cdn"):
        map_html(fmap, assets="web")


@pytest.mark.realdata
def test_atlas_gp_province_map_in_chromium(density_atlas):
    from regio.density.run import density_inputs, density_result

    require_browser()
    out, items = density_atlas
    maps = [it for it in items if it.kind == "map"]
    assert [m.path for m in maps] == ["density_huisarts_provincie_2018.html"]
    html_path = out / maps[0].path
    assert html_path.stat().st_size < SIZE_BUDGETS["default"]
    shown = render(html_path, screenshot="density_huisarts_provincie_2018.png")
    assert shown.errors == [], shown.errors
    assert shown.regions == 12
    assert shown.markers == 11  # the 8 GP training institutes and their 3 satellite locations
    # the map opens on the answer: below / like / above the national rate
    assert shown.visible_legend.startswith("Vergeleken met landelijk\nlager dan landelijk") and shown.legends == 5
    assert shown.checked == "Vergeleken met landelijk"
    assert "huisartsopleiding (locatie bij benadering)" in shown.visible_legend  # the dots are explained
    assert "Huisartsen per 100.000 inwoners, per provincie, 2018" in shown.title
    assert "Woonplaats is niet werkplaats" in shown.title and "84777NED" in shown.title
    assert "bevolking op 1-1-2019" in shown.title and "45 niet in te delen" in shown.title
    # the hovered province's numbers are those of the table
    table = density_result(density_inputs("huisarts", level="provincie", year=2018)).table
    name = _tooltip_value(shown.tooltip, "Regio")
    row = table[table["statnaam"] == name].iloc[0]
    assert _tooltip_value(shown.tooltip, "Aantal") == f"{int(row['count']):,}".replace(",", ".")
    assert _tooltip_value(shown.tooltip, "Inwoners") == f"{int(row['population']):,}".replace(",", ".")
    rate = f"{row['rate_per_100k']:.1f}".replace(".", ",")
    assert _tooltip_value(shown.tooltip, "Per 100.000 (95%-interval)").startswith(rate + " (")
    assert _tooltip_value(shown.tooltip, "Rang (hoogste = 1)") == f"{int(row['rank'])} / 12"
    assert shown.switch_labels == ["Vergeleken met landelijk", "T.o.v. landelijk gemiddelde", "Per 100.000 inwoners",
                                   "Gladgestreken (EB)", "Gladgestreken naar buren"]
    bands = render(html_path, hover=False, switch_to=1)
    # without a norm the bands compare with the national average, which is no norm: no "ondervoorzien"
    assert bands.visible_legend.startswith("T.o.v. landelijk gemiddelde\nruim onder landelijk (< 75%)")
    assert "een gemiddelde, geen norm" in bands.visible_legend and "ondervoorzien" not in bands.visible_legend
    assert bands.errors == []
    assert (out / "density_huisarts_provincie_2018.png").stat().st_size > 10_000
    csv = pd.read_csv(out / "density_huisarts_provincie_2018.csv", dtype={"statcode": str}).set_index("statcode")
    assert csv.loc["PV99", "count"] == 45 and csv.loc["BRON", "count"] == 12_245


def _made_up_counts(pop: pd.DataFrame, year: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    counts = rng.poisson(pop["population"].fillna(0).to_numpy() * 70e-5)
    return pd.DataFrame({"region": pop.index, "year": year, "profession": "huisarts", "count": counts})


@pytest.mark.realdata
@pytest.mark.parametrize(("level", "year", "regions"), [("gemeente", 2024, 342), ("pc4", 2021, None)])
def test_made_up_counts_maps_fit_their_budget_in_chromium(real_data, tmp_path, level, year, regions):
    from click.testing import CliRunner

    import regio
    from regio.cli import main

    require_browser()
    pop = regio.population(level, year)
    path = tmp_path / "counts.csv"
    _made_up_counts(pop, year, seed=11).to_csv(path, index=False)
    # the command shows warnings to the user (one 'warning: ...' line) rather than raising them: catch both ways
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", regio.RegioWarning)
        res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "map", "density", "--level", level,
                                        "--year", str(year), "--counts", str(path), "--out", str(tmp_path),
                                        "--no-institutes"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    said = res.output + " ".join(str(w.message) for w in caught)
    assert ("empty geometry" in said) == (level == "pc4")  # PC4 5028 has no shape
    html_path = tmp_path / f"density_huisarts_{level}_{year}.html"
    size = html_path.stat().st_size
    assert size < SIZE_BUDGETS.get(level, SIZE_BUDGETS["default"]), size
    shown = render(html_path, screenshot=f"density_{level}_{year}.png")
    assert shown.errors == [], shown.errors
    table = pd.read_csv(tmp_path / f"density_huisarts_{level}_{year}.csv", dtype={"statcode": str})
    table = table[table["kind"] == "region"]
    with pytest.warns(regio.RegioWarning) if level == "pc4" else _Nothing():
        shapes = regio.boundaries(level, 2020 if level == "pc4" else year)
    drawable = shapes.index[~(shapes.geometry.isna() | shapes.geometry.is_empty)]
    assert shown.regions == len(set(table["statcode"]) & set(drawable.astype(str)))
    if regions:
        assert shown.regions == regions
    if table["rate_per_100k"].isna().any():  # PC4: suppressed populations are drawn as no data
        assert "geen gegevens" in shown.visible_legend
    name = _tooltip_value(shown.tooltip, "Regio")
    row = table[table["statnaam"].astype(str) == name].iloc[0]
    assert _tooltip_value(shown.tooltip, "Aantal") == f"{int(row['count']):,}".replace(",", ".")


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.mark.realdata
def test_two_years_on_one_map_switch_in_chromium(real_data, tmp_path):
    import regio
    from regio.density.run import density_inputs, density_result
    from regio.report.density import write_density

    require_browser()
    path = tmp_path / "counts.csv"
    pd.concat([_made_up_counts(regio.population("gemeente", y), y, seed=y) for y in (2017, 2024)]).to_csv(
        path, index=False)
    later = density_result(density_inputs("huisarts", level="provincie", year=2024, counts_path=path))
    earlier = density_result(density_inputs("huisarts", level="provincie", year=2017, counts_path=path,
                                             division=2024))
    assert earlier.table["count"].sum() == pd.read_csv(path).query("year == 2017")["count"].sum()
    written = write_density([earlier, later], tmp_path, "two", png=False, tables=False)
    shown = render(written["html"], hover=False, switch_to=7)
    assert shown.errors == []
    assert shown.switch_labels[0] == "Vergeleken met landelijk 2024"  # the newest answer first
    assert shown.switch_labels[2] == "Per 100.000 inwoners 2024"
    assert shown.switch_labels[7] == "Per 100.000 inwoners 2017"
    assert shown.visible_legend.startswith("Per 100.000 inwoners 2017")
    assert shown.regions == 12 and "2017, 2024" in shown.title


def test_region_map_reuses_prepared_shapes():
    g = _grid(3)
    layer = Layer.from_values("v", g["v"].astype(float))
    shapes = prepare_shapes(g[["geometry"]], tolerance=0)
    fmap = region_map(g, [layer], tooltip={}, title="t", source="s", shapes=shapes, tiles=None)
    text = map_html(fmap)
    topo = re.search(r"var data = (\{.*?\});\n", text)
    assert topo is not None
    import json

    data = json.loads(topo.group(1))
    assert len(data["features"]) == 9 and len(data["arcs"]) == 20  # shared borders once, also from 4326 input


def _label_range(label: str) -> tuple[float, float]:
    """(exclusive low, inclusive high) of a Dutch legend label such as '≤ 60,4', '60,4 – 62,6', '> 77,5'."""
    num = lambda s: float(s.replace(".", "").replace(",", "."))  # noqa: E731
    if label.startswith("≤ "):
        return -np.inf, num(label[2:])
    if label.startswith("> "):
        return num(label[2:]), np.inf
    lo, hi = label.split(" – ")
    return num(lo), num(hi)


def test_rate_legend_has_the_tooltip_decimals_and_every_region_sits_in_its_label():
    # the 2018 GP rates of the provinces: the quantile edge 60.354 was labelled '≤ 60', so Noord-Brabant
    # (tooltip 60,3) sat in '≤ 60' and Overijssel (60,5) and Fryslân (60,8) in '60 – 63'
    from regio.density import analyse
    from regio.maps.density import _tooltip_frame, density_layers

    counts = pd.Series({"PV20": 455, "PV21": 395, "PV22": 350, "PV23": 700, "PV24": 145, "PV25": 1600,
                        "PV26": 1325, "PV27": 2305, "PV28": 2395, "PV29": 200, "PV30": 1535, "PV31": 805})
    pop = pd.Series({"PV20": 586_218, "PV21": 649_733, "PV22": 494_171, "PV23": 1_157_374, "PV24": 418_600,
                     "PV25": 2_072_930, "PV26": 1_339_502, "PV27": 2_849_620, "PV28": 3_670_861, "PV29": 383_647,
                     "PV30": 2_544_668, "PV31": 1_117_849})
    table = analyse(counts, pop)
    tips, _ = _tooltip_frame({2018: table}, "nl")
    layers = [lay for lay in density_layers({2018: table}, scheme="quantiles", lang="nl")
              if lay.title in ("Per 100.000 inwoners", "Gladgestreken (EB)")]
    rate = layers[0]
    assert all(re.fullmatch(r"(≤ |> )?\d+,\d( – \d+,\d)?", label) for label in rate.classes.labels)
    assert rate.index["PV30"] == 0 and rate.index["PV23"] == rate.index["PV21"] == 1
    # the default for a dozen regions is natural breaks: Flevoland (34.8, half the national rate) in a class of
    # its own instead of with Noord-Brabant (60.3), as quantiles put two or three provinces in every class
    auto = next(lay for lay in density_layers({2018: table}, lang="nl") if lay.title == "Per 100.000 inwoners")
    assert (auto.index == auto.index["PV24"]).sum() == 1 and auto.index["PV24"] != auto.index["PV30"]
    assert "Fisher-Jenks" in auto.note
    for layer, column in zip(layers[:2], ("rate_per_100k", "eb_per_100k"), strict=True):
        for code, cls in layer.index.items():
            shown = float(format_number(table.loc[code, column], 1).replace(".", "").replace(",", "."))
            lo, hi = _label_range(layer.classes.labels[cls])
            assert lo < shown <= hi, (layer.title, code, shown, layer.classes.labels[cls])
    assert tips.loc["PV30", "t_rate"].startswith("60,3 (")


def test_rate_edges_are_rounded_and_duplicates_merged():
    from regio.maps.density import _rate_edges

    # quantile edges 60.32 and 60.34 would both read '60,3': one class, not '60,3 – 60,3'
    values = pd.Series([60.30, 60.32, 60.33, 60.34, 60.36, 75.0])
    edges = _rate_edges(values, "quantiles", 5)
    finite = edges[:-1]
    assert finite == sorted(set(finite)) and edges[-1] == np.inf
    assert all(round(e, 1) == e for e in finite)
    assert _rate_edges(pd.Series([7.0, 7.0]), "quantiles", 5) == [np.inf]


def test_rate_classes_pool_the_years_as_before():
    # the pooled edges are mapclassify's (rounded as shown), whatever year a value comes from; the last is open
    import mapclassify

    from regio.maps.density import _rate_edges

    a, b = pd.Series([10.0, 20.0, 30.0, np.nan]), pd.Series([40.0, 50.0, 60.0])
    edges = _rate_edges(pd.concat([a, b]), "quantiles", 3)
    bins = mapclassify.Quantiles(np.array([10, 20, 30, 40, 50, 60.0]), k=3).bins[:-1]
    assert edges[:-1] == [round(float(e), 1) for e in bins]  # with the tooltip's one decimal
    assert edges[-1] == np.inf
    with pytest.raises(InputError, match="policy bands"):
        _rate_edges(a, "bands", 3)


def _table_at(level: float) -> pd.DataFrame:
    """A density table of three made-up regions, computed at the given confidence level."""
    from regio.density import analyse

    return analyse(pd.Series({"A": 30.0, "B": 60.0, "C": 90.0}), pd.Series({"A": 1e5, "B": 1e5, "C": 1e5}),
                   level=level)


def test_tooltip_names_the_confidence_level_of_the_result():
    from regio.maps.density import _tooltip_frame, density_layers

    for level, nl, en in ((0.9, "90%", "90%"), (0.95, "95%", "95%"), (0.975, "97,5%", "97.5%")):
        table = _table_at(level)
        assert _tooltip_frame({2018: table}, "nl")[1]["t_rate"] == f"Per 100.000 ({nl}-interval)"
        assert _tooltip_frame({2018: table}, "en")[1]["t_rate"] == f"Per 100,000 ({en} interval)"
        comparison = next(la for la in density_layers({2018: table}, lang="nl") if la.title.startswith("Vergeleken"))
        assert comparison.note.startswith(f"{nl}-interval")  # the legend and the tooltip agree


def test_maps_draw_the_words_of_the_codes_in_the_table():
    """The table holds codes (below/similar/above, under/around/over); legend and tooltip show the words."""
    from regio.maps.density import _tooltip_frame, density_layers

    table = _table_at(0.95)  # 30, 60 and 90 per 100,000: national 60
    assert table["comparison"].tolist() == ["below", "similar", "above"]
    assert table["band"].tolist() == ["under", "around", "over"]
    for lang, comparison, band in (("nl", ["lager dan landelijk", "niet significant afwijkend", "hoger dan landelijk"],
                                    "ruim onder landelijk (< 75%)"),
                                   ("en", ["below national", "not significantly different", "above national"],
                                    "well below national (< 75%)")):
        layers = density_layers({2018: table}, lang=lang)
        assert list(layers[0].classes.labels) == comparison  # the map opens on the comparison
        assert layers[1].classes.labels[0] == band
        assert _tooltip_frame({2018: table}, lang)[0]["t_comp"].tolist() == comparison


# ----------------------------------------------------------------------------- shared classify (maps.core)

@pytest.mark.parametrize(("values", "decimals"), [
    # the allocation map's per 100,000 of the shortfall key: six provinces get 0, quantile edges 0 and 0
    ([0, 0, 0, 0, 0, 0, 6.12, 11.48, 11.77, 11.80, 21.45, 39.70], 1),
    ([0, 0, 0, 0, 0, 0, 76, 140, 179, 235, 84, 312], 0),
    # edges that differ below the legend's decimals
    ([5.7101, 5.7102, 5.7104, 5.7106, 5.72, 5.73, 5.74, 5.75, 5.76, 5.9], 2),
])
def test_classify_labels_never_read_x_to_x_and_hold_their_values(values, decimals):
    from regio.maps.core import classify

    s = pd.Series(values, dtype=float)
    idx, classes = classify(s, scheme="quantiles", k=5, decimals=decimals, lang="nl")
    labels = list(classes.labels)
    for label in labels:
        if " – " in label:
            lo, hi = label.split(" – ")
            assert lo != hi, labels
    assert len(set(labels)) == len(labels)
    num = lambda text: float(text.replace(".", "").replace(",", "."))  # noqa: E731
    for value, cls in zip(s, idx, strict=True):
        shown = num(format_number(value, decimals))
        label = labels[cls]
        if " – " in label:
            lo, hi = (num(x) for x in label.split(" – "))
            assert lo <= shown <= hi, (value, label, labels)  # as the reader sees both numbers
        else:
            assert shown == num(label), (value, label, labels)


@pytest.mark.realdata
def test_dutch_atlas_index_names_the_sets_left_out_in_dutch(density_atlas):
    _, items = density_atlas
    text = items[0].description
    assert "Andere tellingen, niet als kaart omdat ze onvolledig zijn: " in text
    assert "BIG-geregistreerden 2022 per provincie: een aantal voor maar 1 regio" in text
    assert ("BIG-geregistreerden 2023 per provincie: alleen de sector Universitair medische centra is geteld, geen "
            "totaal over alle sectoren") in text
    assert " only" not in text and "region" not in text
    assert "big_totaal" not in text  # the profession's label, not its internal code


def test_atlas_candidates_in_english_and_dutch():
    from regio.report.sections.density import candidates

    phys = pd.DataFrame({"profession": ["huisarts"] * 2 + ["arts"], "year": [2018] * 3,
                         "level": ["provincie"] * 3, "kind": ["region"] * 3, "statcode": ["PV20", "PV21", "PV20"],
                         "sector": ["Totaal"] * 3})
    assert candidates(phys, lang="en")[1] == ["Physicians 2018 by province: a count for only 1 region"]
    assert candidates(phys)[1] == ["Artsen 2018 per provincie: een aantal voor maar 1 regio"]
