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


@pytest.mark.parametrize(("title", "foot"), [(LONG_TITLE, LONG_FOOT), (WIDE_TITLE, WIDE_FOOT)])
def test_long_title_and_footer_fit_in_the_figure(title, foot):
    fig, ax = plt.subplots(figsize=(7, 8.2))
    ax.plot([0, 1], [0, 1.6])
    ax.set_aspect("equal")  # like a map of the Netherlands: taller than wide, so the axes shrink sideways
    ax.set_axis_off()
    place_texts(fig, ax, title=title, foot=foot)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    figure_box = fig.bbox
    title_text, foot_text = fig.texts
    for text in fig.texts:
        box_ = text.get_window_extent(renderer)
        assert box_.x0 >= figure_box.x0 - 1 and box_.x1 <= figure_box.x1 + 1, text.get_text()[:40]
        assert box_.y0 >= figure_box.y0 - 1 and box_.y1 <= figure_box.y1 + 1, text.get_text()[:40]
    # the footer does not run into the map
    assert foot_text.get_window_extent(renderer).y1 <= ax.get_window_extent(renderer).y0 + 1
    assert title_text.get_window_extent(renderer).y0 >= ax.get_window_extent(renderer).y1 - 1
    assert "\n" in title_text.get_text() or title == WIDE_TITLE  # wrapped where needed, never cut
    plt.close(fig)


def test_static_map_draws_a_png_with_a_long_title():
    gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)],
                           index=pd.Index(["A", "B"], name="statcode"), crs="EPSG:28992")
    layer = Layer.from_values("waarde", pd.Series([1.0, 2.0], index=gdf.index), k=2)
    figures_before = plt.get_fignums()
    png = static_map(gdf, layer, title=LONG_TITLE, source=LONG_FOOT, caveat="Let op.")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000
    assert plt.get_fignums() == figures_before  # the figure is closed, not left open
