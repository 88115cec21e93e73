"""Static map images (PNG) for reports, drawn with matplotlib from the same classes as the web maps.

The images are returned as PNG bytes (write them with
:func:`regio.report.export.write_image`); every figure drawn here is closed before
the function returns.
"""

from __future__ import annotations

import io
import sys
import textwrap
import types

import geopandas as gpd
import matplotlib
import numpy as np
import shapely

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import patheffects
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path
from PIL import Image
from shapely.ops import polylabel

from regio import derived
from regio.maps.core import POINT_COLOR, Layer
from regio.validate import check_crs

__all__ = ["PNG_COMPRESSION", "figure_png", "kept_png", "label_points", "pixel_tolerance", "place_texts",
           "region_paths", "static_map", "wrap"]


def label_points(gdf: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Return a point well inside the largest part of each region, where a label reads well (not on an island).

    Parameters
    ----------
    gdf
        Regions (polygons or multipolygons).

    Returns
    -------
    geopandas.GeoSeries
        One point per region, same index and CRS.

    Examples
    --------
    A municipality of a 10 km square and a small island gets its label on the square:

    >>> from shapely.geometry import MultiPolygon, box
    >>> gdf = gpd.GeoDataFrame(geometry=[MultiPolygon([box(0, 0, 10_000, 10_000), box(20_000, 0, 21_000, 1_000)])],
    ...                        index=["GM0001"], crs="EPSG:28992")
    >>> spots = label_points(gdf)
    >>> spots.index.tolist(), spots.crs.to_string(), round(spots.iloc[0].x), round(spots.iloc[0].y)
    (['GM0001'], 'EPSG:28992', 5000, 5000)
    """

    def spot(geom):
        part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        # the point farthest from the part's border (to 1/100 of its size): a centred text stays on it
        size = max(part.bounds[2] - part.bounds[0], part.bounds[3] - part.bounds[1])
        return polylabel(part, tolerance=max(size / 100, 1e-9))

    return gpd.GeoSeries([spot(g) for g in gdf.geometry], index=gdf.index, crs=gdf.crs)


def pixel_tolerance(bounds, *, width_in: float, dpi: float, share: float = 0.5) -> float:
    """Return a simplification tolerance (in map units) of ``share`` of a pixel of a map of ``bounds``.

    The map is at most ``width_in`` inches (the figure's width) in its longest direction, so a pixel
    is at least ``max(width, height) / (width_in * dpi)`` map units: a shape simplified at this
    tolerance differs from the original by less than ``share`` of a pixel of the image.

    Parameters
    ----------
    bounds
        ``(minx, miny, maxx, maxy)`` of what the map shows.
    width_in
        Width of the figure in inches (larger than the map's axes).
    dpi
        Resolution of the image.
    share
        Largest error, as a share of a pixel.

    Returns
    -------
    float
        The tolerance (0 for an empty or degenerate extent).

    Examples
    --------
    The Netherlands (about 265 by 313 km) on an 8.6 inch figure at 150 dpi: a pixel is at least
    243 m, half a pixel 121 m.

    >>> round(pixel_tolerance((13_000, 306_000, 278_000, 619_000), width_in=8.6, dpi=150))
    121
    """
    extent = max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    if not np.isfinite(extent) or extent <= 0:
        return 0.0
    return float(share * extent / (width_in * dpi))


def region_paths(geoms, tolerance: float = 0.0) -> list[Path]:
    """Return one matplotlib path per (multi)polygon, its rings simplified at ``tolerance`` (Douglas-Peucker).

    Each ring is a sub-path (holes included), as geopandas draws them; the topology of each shape
    is preserved (no ring collapses or crosses itself), empty or missing shapes give an empty path.

    Parameters
    ----------
    geoms
        Polygons or multipolygons (a GeoSeries or an array of shapely geometries).
    tolerance
        Largest distance a simplified ring may lie from the original, in map units (0: unchanged).

    Returns
    -------
    list of matplotlib.path.Path
        One per geometry, in order.

    Examples
    --------
    >>> from shapely.geometry import Polygon, box
    >>> ring = [(0, 0), (5, 0.01), (10, 0), (10, 10), (0, 10)]  # an almost straight bottom edge
    >>> donut = box(0, 0, 10, 10).difference(box(4, 4, 6, 6))
    >>> paths = region_paths([Polygon(ring), donut], tolerance=0.1)
    >>> len(paths[0].vertices), len(paths[1].vertices)  # the bottom edge loses a vertex; the hole stays
    (5, 10)
    """
    arr = _simplified(np.asarray(getattr(geoms, "values", geoms), dtype=object), tolerance)
    parts, part_of = shapely.get_parts(arr, return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)
    counts = shapely.get_num_coordinates(rings)
    coords = shapely.get_coordinates(rings)
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(int)
    codes[starts[counts > 0]] = Path.MOVETO
    # coordinates per geometry: the rings come in the order of their geometries
    per_geom = np.bincount(part_of[ring_of], weights=counts, minlength=len(arr)).astype(int)
    cuts = np.cumsum(per_geom)[:-1]
    return [Path(v, c) for v, c in zip(np.split(coords, cuts), np.split(codes, cuts), strict=True)]


#: Shapes with more coordinates than this are simplified through the derived cache (a dissolved province or
#: institute area has tens of thousands; simplifying 60,000 coordinates takes about 0.1 s, hashing them 1 ms).
_KEEP_FROM = 20_000


def _simplified(arr: np.ndarray, tolerance: float) -> np.ndarray:
    """Return ``arr`` simplified at ``tolerance`` (topology kept), through the derived cache for large shapes."""
    if tolerance <= 0:
        return arr
    if int(shapely.get_num_coordinates(arr).sum()) < _KEEP_FROM:
        return shapely.simplify(arr, tolerance, preserve_topology=True)
    key = derived.content_key("simplified", arr, float(tolerance))
    return derived.cached("simplified", key, lambda: shapely.simplify(arr, tolerance, preserve_topology=True),
                          dumps=derived.dump_geometries, loads=lambda b: derived.load_geometries(b)[0])


def _line_segments(geoms, tolerance: float) -> list[np.ndarray]:
    """Return the lines of ``geoms`` (e.g. the boundaries of areas), simplified, as arrays of points."""
    arr = _simplified(np.asarray(getattr(geoms, "values", geoms), dtype=object), tolerance)
    lines = shapely.get_parts(arr)
    return [shapely.get_coordinates(line) for line in lines if not line.is_empty]


def wrap(text: str, width: int) -> str:
    """Wrap each paragraph of ``text`` at ``width`` characters.

    Parameters
    ----------
    text
        Text; its line breaks separate paragraphs and are kept.
    width
        Longest line, in characters.

    Returns
    -------
    str
        The wrapped text.

    Examples
    --------
    >>> print(wrap("een twee drie vier", 9))
    een twee
    drie vier
    """
    return "\n".join(textwrap.fill(part, width) if part else "" for part in text.split("\n"))


def place_texts(fig, ax, *, title: str, foot: str, title_size: float = 12, foot_size: float = 7,
                dpi: float = 150) -> None:
    """Put a wrapped title above the axes and a wrapped footer (source, caveat) below, leaving room for both.

    Each text is wrapped until, measured with the figure's renderer, it is at
    most 95% of the figure wide, so long titles (a sector warning, an advice
    with its key and level) and file names in the source are never cut off.

    Parameters
    ----------
    fig, ax
        The matplotlib figure and its (map) axes; changed in place.
    title
        Title, at the top left of ``fig``.
    foot
        Footer (source, caveat; line breaks kept), at the bottom left of ``fig``.
    title_size, foot_size
        Font sizes in points.
    dpi
        Resolution the figure will be saved with (text is measured at it).

    Returns
    -------
    None

    Examples
    --------
    >>> fig, ax = plt.subplots(figsize=(4, 3))
    >>> place_texts(fig, ax, title="Huisartsen per 100.000 inwoners, per provincie, 1 januari 2019",
    ...             foot="Bron: CBS 84777NED")
    >>> title, foot = fig.texts
    >>> print(title.get_text())  # wrapped at the width of a 4 inch figure
    Huisartsen per 100.000 inwoners,
    per provincie, 1 januari 2019
    >>> foot.get_text()
    'Bron: CBS 84777NED'
    >>> plt.close(fig)
    """
    title = _fit(fig, title, title_size, dpi=dpi)
    foot = _fit(fig, foot, foot_size, dpi=dpi)
    height_pt = fig.get_figheight() * 72
    # both on the figure, not the axes: a map's axes shrink to its aspect, and a title set on them would
    # start where the map starts and run off the right edge
    fig.text(0.02, 0.99, title, fontsize=title_size, va="top", ha="left")
    fig.text(0.02, 0.01, foot, fontsize=foot_size, color="#333333", va="bottom")
    top = min(0.3, ((title.count("\n") + 1) * title_size * 1.3 + 10) / height_pt)
    bottom = min(0.4, ((foot.count("\n") + 1) * foot_size * 1.35 + 8) / height_pt)
    fig.tight_layout(rect=(0, bottom, 1, 1 - top))


def _fit(fig, text: str, size: float, share: float = 0.95, dpi: float = 150) -> str:
    """Wrap ``text`` so that, drawn at ``size`` points, it is at most ``share`` of the figure wide.

    Measured at the resolution the figure will be saved with: hinted glyphs are relatively wider at
    150 dpi than at the screen's 100 (a line of 94.5% of the width at 100 dpi takes 97.9% at 150).
    """
    old_dpi = fig.dpi
    fig.set_dpi(dpi)
    try:
        renderer = fig.canvas.get_renderer()
        limit = fig.get_figwidth() * dpi * share
        width = max(20, int(fig.get_figwidth() * 72 / (size * 0.5)))  # a first guess, then narrower until it fits
        while True:
            wrapped = wrap(text, width)
            probe = fig.text(0, 0, wrapped, fontsize=size)
            wide = probe.get_window_extent(renderer).width
            probe.remove()
            if wide <= limit or width <= 20:
                return wrapped
            width = max(20, int(width * min(0.97, limit / wide)))
    finally:
        fig.set_dpi(old_dpi)


#: zlib level of the PNG images: 3 of 9 (Pillow's default is 6) takes about 30 % less time for files about 5 %
#: larger; written as RGB, they are still smaller than the RGBA files of ``savefig`` at 6.
PNG_COMPRESSION = 3


def figure_png(fig, *, dpi: int = 150) -> bytes:
    """Render a matplotlib figure as PNG bytes and close it.

    Parameters
    ----------
    fig
        The figure; it is closed afterwards, also when rendering fails.
    dpi
        Resolution in dots per inch.

    Returns
    -------
    bytes
        The PNG file: RGB when every pixel is opaque (else RGBA), zlib level
        :data:`PNG_COMPRESSION`, the pixels exactly as ``Figure.savefig``
        draws them.

    Examples
    --------
    >>> fig, ax = plt.subplots(figsize=(2, 1))
    >>> png = figure_png(fig, dpi=100)
    >>> png[1:4], plt.fignum_exists(fig.number)
    (b'PNG', False)
    >>> Image.open(io.BytesIO(png)).mode, Image.open(io.BytesIO(png)).size  # opaque: RGB, 2 x 1 inch at 100 dpi
    ('RGB', (200, 100))
    """
    raw = io.BytesIO()
    try:
        fig.savefig(raw, format="rgba", dpi=dpi)
        # the canvas keeps the buffer it drew for savefig: its shape is the image's
        shape = np.asarray(fig.canvas.buffer_rgba()).shape
    finally:
        plt.close(fig)
    pixels = np.frombuffer(raw.getbuffer(), dtype=np.uint8).reshape(shape)
    # An opaque image is written as RGB: the same pixels in a smaller file, encoded faster (regio's images are
    # opaque; one with transparency keeps its alpha channel).
    image = Image.fromarray(pixels[..., :3] if (pixels[..., 3] == 255).all() else pixels)
    out = io.BytesIO()
    image.save(out, format="png", dpi=(dpi, dpi), compress_level=PNG_COMPRESSION)
    return out.getvalue()


def static_map(
    gdf: gpd.GeoDataFrame,
    layer: Layer,
    *,
    title: str,
    source: str,
    caveat: str | None = None,
    outlines: gpd.GeoDataFrame | None = None,
    points: gpd.GeoDataFrame | None = None,
    dpi: int = 150,
    labels: pd.Series | None = None,
    points_label: str | None = None,
    area_labels: gpd.GeoDataFrame | None = None,
) -> bytes:
    """Draw one layer of a choropleth as a PNG in RD New.

    Parameters
    ----------
    gdf
        Regions in EPSG:28992, indexed like ``layer.index``.
    layer
        Classes and colours (the same object the web map uses).
    title, source, caveat
        Texts above and below the map.
    outlines
        Optional borders drawn on top (e.g. institute areas).
    points
        Optional points (e.g. institutes) drawn on top.
    points_label
        Legend entry of the points (none without it).
    labels
        Optional texts per region code (e.g. allocated numbers), written at
        each region's representative point.
    area_labels
        Optional texts at points of their own (a ``label`` column and point
        geometries in EPSG:28992), e.g. institute names on their areas.
    dpi
        Resolution in dots per inch.

    Returns
    -------
    bytes
        The PNG image (write it with :func:`regio.report.export.write_image`).
        Kept in the derived cache (``static_map/``) under everything it is
        drawn from: the shapes, codes, classes, texts, dpi, this module's code
        and matplotlib's version and style; the same inputs give the same
        image without drawing it again.

    Raises
    ------
    regio.errors.CRSError
        If ``gdf`` is not in EPSG:28992.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame(geometry=[box(0, 0, 1_000, 1_000), box(1_000, 0, 2_000, 1_000)],
    ...                        index=["A", "B"], crs="EPSG:28992")
    >>> layer = Layer.from_values("Inwoners", pd.Series([1_200.0, 3_400.0], index=gdf.index), k=2)
    >>> png = static_map(gdf, layer, title="Inwoners", source="Bron: CBS", labels=pd.Series({"A": "1.200"}), dpi=50)
    >>> png[1:4], int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # 8.6 x 8.2 inch at 50 dpi
    (b'PNG', 430, 410)
    """
    check_crs(gdf, name="static map regions")
    args = {"title": title, "source": source, "caveat": caveat, "outlines": outlines, "points": points, "dpi": dpi,
            "labels": labels, "points_label": points_label, "area_labels": area_labels}

    def geoms(frame):
        return None if frame is None else frame.geometry.to_numpy()

    key = derived.content_key(
        "static_map", _drawing_key(), geoms(gdf), gdf.index, layer.title, layer.index, layer.classes, layer.note,
        title, source, caveat, geoms(outlines), geoms(points), int(dpi),
        None if labels is None else labels.astype(str), points_label,
        None if area_labels is None else area_labels["label"].astype(str), geoms(area_labels))
    return derived.cached("static_map", key, lambda: _draw_static_map(gdf, layer, **args), dumps=bytes, loads=bytes,
                          memo=False)


def _drawing_key(*modules: types.ModuleType) -> tuple:
    """Return what a drawing depends on beyond its inputs: the drawing code, matplotlib and its style.

    :func:`regio.derived.code_key` of this module, of :mod:`regio.maps.core` (colours, number formats) and of
    ``modules`` (every function's instructions, constants and defaults, and the modules' plain constants such
    as tables of words and colours; so a changed rule makes a new key, also where a test replaces a
    function), matplotlib's version and its rcParams (a style set in a notebook). Installed fonts are not in
    the key: after installing fonts, clear the cache (``static_map/`` and the charts' folders).
    """
    from regio.maps import core

    code = derived.code_key(sys.modules[__name__], core, *modules)
    return (matplotlib.__version__, code, repr(sorted((k, str(v)) for k, v in matplotlib.rcParams.items())))


def kept_png(kind: str, module: types.ModuleType, parts: tuple, draw) -> bytes:
    """Return the PNG ``draw()`` makes, kept in the derived cache under ``parts`` and the drawing code.

    The key holds ``parts``, the code of ``module`` and of the modules it draws with (:func:`_drawing_key`),
    and the catalogue of words (:mod:`regio.labels`, :mod:`regio.text`): a chart looks its legend words up
    while drawing.

    Parameters
    ----------
    kind
        What is drawn (a folder of the derived cache), e.g. ``"trainer_chart"``.
    module
        The module whose functions draw it (their bytecode is part of the key).
    parts
        Everything the image is drawn from (frames, series, geometries, texts, numbers; see
        :func:`regio.derived.content_key`).
    draw
        Makes the PNG bytes.

    Returns
    -------
    bytes
        The PNG image.

    Examples
    --------
    >>> import sys
    >>> calls = []
    >>> def draw():
    ...     calls.append(1)
    ...     fig, ax = plt.subplots(figsize=(1, 1))
    ...     return figure_png(fig, dpi=20)
    >>> first = kept_png("doctest_png", sys.modules[__name__], ("a", 1), draw)
    >>> kept_png("doctest_png", sys.modules[__name__], ("a", 1), draw) == first, len(calls)
    (True, 1)
    """
    import regio.labels
    import regio.text

    key = derived.content_key(kind, _drawing_key(module, regio.labels, regio.text), *parts)
    return derived.cached(kind, key, draw, dumps=bytes, loads=bytes, memo=False)


def _draw_static_map(gdf: gpd.GeoDataFrame, layer: Layer, *, title: str, source: str, caveat: str | None,
                     outlines: gpd.GeoDataFrame | None, points: gpd.GeoDataFrame | None, dpi: int,
                     labels: pd.Series | None, points_label: str | None,
                     area_labels: gpd.GeoDataFrame | None) -> bytes:
    """Draw the PNG of :func:`static_map` (which keeps it in the derived cache by its inputs)."""
    idx = layer.index.reindex(gdf.index).fillna(-1).astype(int)
    colors = [layer.classes.colors[i] if i >= 0 else layer.classes.nodata_color for i in idx]
    fig, ax = plt.subplots(figsize=(8.6, 8.2))  # the map (taller than wide) and the legend beside it
    # drawn from shapes simplified to under half a pixel of the image (the static maps are not zoomed), as
    # one collection each, without geopandas' plot (which draws the whole figure once per call)
    tol = pixel_tolerance(gdf.total_bounds, width_in=fig.get_figwidth(), dpi=dpi)
    ax.add_collection(PathCollection(region_paths(gdf.geometry, tol), facecolors=colors, edgecolors="#666666",
                                     linewidths=0.2))
    if outlines is not None:
        ax.add_collection(LineCollection(_line_segments(outlines.boundary, tol), colors="#222222", linewidths=1.0))
    if points is not None:
        ax.scatter(points.geometry.x, points.geometry.y, color=POINT_COLOR, s=30, edgecolor="white", zorder=5)
    ax.set_aspect("equal")
    ax.autoscale_view()
    if labels is not None:
        spots = label_points(gdf)
        for code, text in labels.reindex(gdf.index).dropna().items():
            ax.annotate(str(text), xy=(spots[code].x, spots[code].y), ha="center", va="center", fontsize=7,
                        fontweight="bold", color="#111111", zorder=6, in_layout=False,
                        path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
    if area_labels is not None:
        for point, text in zip(area_labels.geometry, area_labels["label"], strict=True):
            ax.annotate(str(text), xy=(point.x, point.y), ha="center", va="center", fontsize=8, fontweight="bold",
                        color="#111111", zorder=7, in_layout=False,
                        path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])
    handles = [Patch(facecolor=c, edgecolor="#888888", label=wrap(lbl, 30))
               for c, lbl in zip(layer.classes.colors, layer.classes.labels, strict=True)]
    if (idx < 0).any():
        handles.append(Patch(facecolor=layer.classes.nodata_color, edgecolor="#888888",
                             label=layer.classes.nodata_label))
    if points is not None and points_label:
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor=POINT_COLOR, markeredgecolor="white",
                              markersize=7, label=wrap(points_label, 30)))
    legend_title = wrap(layer.title, 34) + (f"\n{wrap(layer.note, 36)}" if layer.note else "")  # e.g. the scheme
    # beside the map, never on it (inside it would cover the Wadden islands or Limburg)
    ax.legend(handles=handles, title=legend_title, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              title_fontsize=9, frameon=True, alignment="left")
    ax.set_axis_off()
    ax.set_anchor("NW")  # the map to the left, the legend in the room its aspect leaves on the right
    place_texts(fig, ax, title=title, foot=source + (f"\n{caveat}" if caveat else ""), dpi=dpi)
    return figure_png(fig, dpi=dpi)
