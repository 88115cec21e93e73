"""Static PNG maps: long titles and footers stay inside the image."""

from __future__ import annotations

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from shapely.geometry import box

from regio.maps.core import Layer
from regio.maps.static import place_texts, static_map

LONG_TITLE = ("BIG-geregistreerden (alleen sector Universitair medische centra) per 100.000 inwoners, "
              "per provincie, 2023")
LONG_FOOT = "Bron: " + "CBS 84777NED, bevolking 1-1-2024 geïnterpoleerd; " * 6


# 74 characters of wide glyphs: an estimate of 0.55 em a character let it run off the right edge
WIDE_TITLE = "Instroomadvies huisartsen per 100.000 inwoners per provincie (raming 2025)"
WIDE_FOOT = ("Bron: Capaciteitsorgaan, parameterwaarden_huisartsen_2010_2025.csv, raming 2025, variant midden; "
             "CBS 84777NED (cbs84777NED_huisartsen_woonregio_provincie_2018.csv); CBS 85984NED kerncijfers wijken en "
             "buurten 2024 (via finleydavis1999/nprz-data-prep gemeente_2024_stats)")


# measured at 100 dpi this line fitted in 94.5% of the width; saved at 150 dpi it ran off the edge
RECRUIT_FOOT = ("Bron: CBS bevolking 1-1-2024, CBS 84777NED huisartsen 2018 (provincie), huisartsenpraktijken "
                "ZorgkaartNederland 2026 (afgeleid), instituten: regio geodata (VZinfo 2016, nl-hugo/mapNL)\n"
                "Schattingen (huisartsen: schatting, provincietelling 2018 verdeeld naar aandeel huisartsenpraktijken "
                "(afgeleid, ZorgkaartNederland 2026); opleiders: landelijk 1.700 naar aandeel huisartsen). Geen "
                "officiële werkgebieden: indeling berekend.")


@pytest.mark.parametrize(("title", "foot"), [(LONG_TITLE, LONG_FOOT), (WIDE_TITLE, WIDE_FOOT),
                                             ("Wervingsgebieden", RECRUIT_FOOT)])
def test_long_title_and_footer_fit_in_the_figure(title, foot):
    fig, ax = plt.subplots(figsize=(7, 8.2))
    ax.plot([0, 1], [0, 1.6])
    ax.set_aspect("equal")  # like a map of the Netherlands: taller than wide, so the axes shrink sideways
    ax.set_axis_off()
    place_texts(fig, ax, title=title, foot=foot)
    fig.set_dpi(150)  # measured as saved: hinted glyphs are relatively wider at 150 dpi than at 100
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    figure_box = fig.bbox
    title_text, foot_text = fig.texts
    for text in fig.texts:
        box_ = text.get_window_extent(renderer)
        assert box_.x0 >= figure_box.x0 - 1 and box_.x1 <= figure_box.x1 * 0.985, text.get_text()[:40]  # a margin
        assert box_.y0 >= figure_box.y0 - 1 and box_.y1 <= figure_box.y1 + 1, text.get_text()[:40]
    # the footer does not run into the map
    assert foot_text.get_window_extent(renderer).y1 <= ax.get_window_extent(renderer).y0 + 1
    assert title_text.get_window_extent(renderer).y0 >= ax.get_window_extent(renderer).y1 - 1
    assert "\n" in title_text.get_text() or title != LONG_TITLE  # wrapped where needed, never cut
    plt.close(fig)


def test_static_map_draws_a_png_with_a_long_title():
    gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)],
                           index=pd.Index(["A", "B"], name="statcode"), crs="EPSG:28992")
    layer = Layer.from_values("waarde", pd.Series([1.0, 2.0], index=gdf.index), k=2)
    figures_before = plt.get_fignums()
    png = static_map(gdf, layer, title=LONG_TITLE, source=LONG_FOOT, caveat="Let op.")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000
    assert plt.get_fignums() == figures_before  # the figure is closed, not left open


def test_legend_stands_beside_the_map_inside_the_image():
    """A legend with long labels beside a tall map: nothing reaches the image's right edge, nothing covers the map."""
    import io

    from PIL import Image

    gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1000, 1200), box(0, 1200, 1000, 2400)],
                           index=pd.Index(["A", "B"], name="statcode"), crs="EPSG:28992")
    layer = Layer.from_values("Toegewezen per 100.000 inwoners", pd.Series([1.0, 2.0], index=gdf.index), k=2,
                              note="klassen: kwantielen; getallen op de kaart: toegewezen aantal")
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy([500], [600]), crs="EPSG:28992")
    png = static_map(gdf, layer, title="t", source="s", points=points,
                     points_label="huisartsopleiding (locatie bij benadering)", dpi=60)
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    right_edge = [image.getpixel((width - 2, y)) for y in range(height)]
    assert min(right_edge) > 240  # white: the legend's frame and text end before the edge


def _decoded(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


@pytest.mark.parametrize("transparent", [False, True])
def test_figure_png_has_the_pixels_savefig_draws(transparent):
    """figure_png writes opaque images as RGB (faster, smaller) with exactly the pixels of savefig's PNG."""
    import io

    import numpy as np
    from PIL import Image

    from regio.maps.static import figure_png

    def drawn():
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.plot([0, 1], [0, 1], lw=3)
        ax.text(0.2, 0.8, "Súdwest-Fryslân", fontsize=9)
        if transparent:
            fig.patch.set_alpha(0.0)
            ax.patch.set_alpha(0.0)
        return fig

    reference = io.BytesIO()
    fig = drawn()
    fig.savefig(reference, format="png", dpi=120)
    plt.close(fig)
    ours = figure_png(drawn(), dpi=120)
    image = Image.open(io.BytesIO(ours))
    assert image.mode == ("RGBA" if transparent else "RGB")
    assert image.size == (360, 240)
    assert image.info["dpi"] == pytest.approx((120, 120), abs=0.02)  # PNG keeps dots per metre
    assert np.array_equal(_decoded(ours), _decoded(reference.getvalue()))


def test_a_static_map_is_drawn_once_for_the_same_inputs_and_again_when_one_changes(monkeypatch):
    """The PNG is kept by everything it is drawn from: shapes, classes, texts, dpi, code and matplotlib's style."""
    import matplotlib

    from regio import derived
    from regio.maps import static

    monkeypatch.setattr(derived, "_memo", type(derived._memo)())
    monkeypatch.setattr(derived, "_store", None)
    drawn = []
    real = static._draw_static_map

    def counting(*a, **k):
        drawn.append(1)
        return real(*a, **k)

    gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1_000, 1_000), box(1_000, 0, 2_000, 1_000)], index=["A", "B"],
                           crs="EPSG:28992")
    layer = Layer.from_values("Inwoners", pd.Series([1_200.0, 3_400.0], index=gdf.index), k=2)
    fresh = static.static_map(gdf, layer, title="Inwoners", source="Bron: CBS", dpi=40)
    monkeypatch.setattr(static, "_draw_static_map", counting)
    # the key covers the module's functions: replacing one is a new key, once
    assert static.static_map(gdf, layer, title="Inwoners", source="Bron: CBS", dpi=40) == fresh
    assert static.static_map(gdf, layer, title="Inwoners", source="Bron: CBS", dpi=40) == fresh
    assert len(drawn) == 1
    moved = gdf.set_geometry([box(0, 0, 1_000, 1_000), box(1_000, 0, 2_000, 1_500)])
    changes = [{"gdf": moved}, {"title": "Inwoners 2024"}, {"source": "Bron: CBS 2024"}, {"dpi": 41},
               {"labels": pd.Series({"A": "1.200"})},
               {"layer": Layer.from_values("Inwoners", pd.Series([3_400.0, 1_200.0], index=gdf.index), k=2)}]
    for change in changes:
        kwargs = {"gdf": gdf, "layer": layer, "title": "Inwoners", "source": "Bron: CBS", "dpi": 40} | change
        static.static_map(kwargs.pop("gdf"), kwargs.pop("layer"), **kwargs)
    assert len(drawn) == 1 + len(changes)
    with matplotlib.rc_context({"font.size": 13}):
        static.static_map(gdf, layer, title="Inwoners", source="Bron: CBS", dpi=40)
    assert len(drawn) == 2 + len(changes)


def test_the_drawing_key_is_the_same_in_every_process():
    """A key that differed between runs (marshal's bytes depend on reference counts) would never hit the cache."""
    import subprocess
    import sys

    code = ("import sys, regio.maps.trainers, regio.maps.static as s; "
            "print(s._drawing_key(sys.modules['regio.maps.trainers']))")
    keys = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(2)}
    assert len(keys) == 1 and keys != {""}


def test_the_drawing_key_follows_constants_defaults_and_the_catalogue(monkeypatch):
    """The key held only the functions' own code: a changed colour table, default or word kept an old image."""
    import regio.labels
    import regio.text
    from regio.maps import core, static, trainers

    def key():
        return static._drawing_key(trainers, regio.labels, regio.text)

    first = key()
    assert key() == first
    monkeypatch.setattr(core, "POINT_COLOR", "#000001")
    second = key()
    assert second != first
    monkeypatch.setattr(static.pixel_tolerance, "__kwdefaults__", {"share": 0.25})
    third = key()
    assert third != second
    entry = next(iter(regio.labels.LABELS))
    monkeypatch.setitem(regio.labels.LABELS, entry, {"nl": "iets anders", "en": "something else"})
    assert key() != third
