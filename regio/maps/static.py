"""Static map images (PNG) for reports, drawn with matplotlib from the same classes as the web maps."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import patheffects
from matplotlib.patches import Patch

from regio.maps.core import Layer
from regio.validate import check_crs

__all__ = ["label_points", "static_map"]


def label_points(gdf: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Return a point inside the largest part of each region, where a label reads well (not on an island)."""

    def spot(geom):
        parts = getattr(geom, "geoms", [geom])
        return max(parts, key=lambda g: g.area).representative_point()

    return gpd.GeoSeries([spot(g) for g in gdf.geometry], index=gdf.index, crs=gdf.crs)


def static_map(
    gdf: gpd.GeoDataFrame,
    layer: Layer,
    path: str | Path,
    *,
    title: str,
    source: str,
    caveat: str | None = None,
    outlines: gpd.GeoDataFrame | None = None,
    points: gpd.GeoDataFrame | None = None,
    dpi: int = 150,
    labels: pd.Series | None = None,
) -> Path:
    """Draw one layer of a choropleth as a PNG in RD New.

    Parameters
    ----------
    gdf
        Regions in EPSG:28992, indexed like ``layer.index``.
    layer
        Classes and colours (the same object the web map uses).
    path
        Output file.
    title, source, caveat
        Texts above and below the map.
    outlines
        Optional borders drawn on top (e.g. institute areas).
    points
        Optional points (e.g. institutes) drawn on top.
    labels
        Optional texts per region code (e.g. allocated numbers), written at
        each region's representative point.

    Returns
    -------
    pathlib.Path
    """
    check_crs(gdf, name="static map regions")
    idx = layer.index.reindex(gdf.index).fillna(-1).astype(int)
    colors = [layer.classes.colors[i] if i >= 0 else layer.classes.nodata_color for i in idx]
    fig, ax = plt.subplots(figsize=(7, 8.2))
    gdf.plot(ax=ax, color=colors, edgecolor="#666666", linewidth=0.2)
    if outlines is not None:
        outlines.boundary.plot(ax=ax, color="#222222", linewidth=1.0)
    if points is not None:
        points.plot(ax=ax, color="#d7301f", markersize=30, edgecolor="white", zorder=5)
    if labels is not None:
        spots = label_points(gdf)
        for code, text in labels.reindex(gdf.index).dropna().items():
            ax.annotate(str(text), xy=(spots[code].x, spots[code].y), ha="center", va="center", fontsize=7,
                        fontweight="bold", color="#111111", zorder=6,
                        path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
    handles = [Patch(facecolor=c, edgecolor="#888888", label=lbl)
               for c, lbl in zip(layer.classes.colors, layer.classes.labels, strict=True)]
    if (idx < 0).any():
        handles.append(Patch(facecolor=layer.classes.nodata_color, edgecolor="#888888",
                             label=layer.classes.nodata_label))
    ax.legend(handles=handles, title=layer.title, loc="upper left", fontsize=8, title_fontsize=9, frameon=True)
    ax.set_axis_off()
    ax.set_title(title, fontsize=12, loc="left")
    foot = source + (f"\n{caveat}" if caveat else "")
    fig.text(0.02, 0.015, foot, fontsize=7, color="#333333", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=dpi)
    plt.close(fig)
    return path
