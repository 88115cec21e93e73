"""Interactive choropleth maps with Leaflet (through folium).

One map draws one set of regions once and can switch between several
indicators (layers) without repeating the geometry: each region carries the
class of each indicator, the colours live in a small palette per layer, and a
switcher restyles the regions in the browser. Legends, tooltips, a title box
with the source and a caveat, markers (institutes) and outlines (area borders)
come with it.

Everything drawn is computed before: :func:`region_map` takes the numbers
and preformatted tooltip texts and only draws them.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib.resources
import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import branca
import folium
import geopandas as gpd
import matplotlib as mpl
import numpy as np
import pandas as pd
from jinja2 import Template

from regio.errors import InputError, RegioWarning
from regio.maps.escape import html_text, script_json
from regio.maps.shapes import DECODE_JS, prepare_shapes, topology
from regio.text import fmt_number

__all__ = [
    "NODATA_COLOR",
    "POINT_COLOR",
    "TILES",
    "TILES_ENV",
    "Classes",
    "Layer",
    "Marker",
    "class_edges",
    "classify",
    "format_number",
    "inline_leaflet",
    "map_html",
    "region_map",
    "resolve_tiles",
    "text_labels",
    "use_tiles",
]

NODATA_COLOR = "#d9d9d9"
#: Colour of points (institutes) on a map: near black, so that it never reads as a class ("red: below").
POINT_COLOR = "#252525"
_NODATA_LABEL = {"nl": "geen gegevens", "en": "no data"}


#: Background maps by name: (folium tiles, attribution). ``positron`` (CartoDB Positron, light grey, the
#: default: the colours of a choropleth stay readable on it), ``osm`` (OpenStreetMap's standard map) and
#: ``none`` (no background: the page asks no server for anything and draws the country's outline itself).
TILES: dict[str, tuple[str | None, str | None]] = {
    "positron": ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
                 '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
                 '&copy; <a href="https://carto.com/attributions">CARTO</a>'),
    "osm": ("OpenStreetMap", None),
    "none": (None, None),
}
#: Environment variable choosing the background map when none is given: a name of :data:`TILES`.
TILES_ENV = "REGIO_TILES"
_TILE_ALIASES = {"cartodb positron": "positron", "openstreetmap": "osm", "": "none", "off": "none"}
_TILES_CHOICE: contextvars.ContextVar[str | None] = contextvars.ContextVar("regio_tiles", default=None)


def resolve_tiles(tiles: str | None = "default") -> str:
    """Return the name (in :data:`TILES`) of the background map to draw.

    Parameters
    ----------
    tiles
        A name of :data:`TILES` (``"OpenStreetMap"`` and ``"CartoDB positron"``
        as folium names them are accepted), ``None`` for none, or ``"default"``:
        the choice of :func:`use_tiles`, else the environment variable
        ``REGIO_TILES``, else ``"positron"``.

    Returns
    -------
    str
        ``"positron"``, ``"osm"`` or ``"none"``.

    Raises
    ------
    regio.errors.InputError
        For a name that is not one of them.

    Examples
    --------
    >>> resolve_tiles("none"), resolve_tiles(None), resolve_tiles("OpenStreetMap")
    ('none', 'none', 'osm')
    >>> with use_tiles("none"):
    ...     resolve_tiles()
    'none'
    >>> resolve_tiles("satellite")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown background map 'satellite': use positron, osm or none (--tiles or REGIO_TILES).
    """
    if tiles is None:
        return "none"
    name = str(tiles).strip().lower()
    if name == "default":
        name = (_TILES_CHOICE.get() or os.environ.get(TILES_ENV) or "positron").strip().lower()
    name = _TILE_ALIASES.get(name, name)
    if name not in TILES:
        raise InputError(f"Unknown background map {tiles!r}: use positron, osm or none (--tiles or {TILES_ENV}).",
                         key="maps.unknown_tiles", tiles=tiles, env=TILES_ENV)
    return name


@contextlib.contextmanager
def use_tiles(tiles: str | None):
    """Draw the maps made inside this block on the background ``tiles`` (a name of :data:`TILES`).

    The command line's ``--tiles`` sets it for one command; ``None`` leaves
    the choice to ``REGIO_TILES`` (or the default). Examples: :func:`resolve_tiles`.
    """
    token = _TILES_CHOICE.set(None if tiles is None else resolve_tiles(tiles))
    try:
        yield
    finally:
        _TILES_CHOICE.reset(token)


def format_number(value: float | None, decimals: int = 0, lang: str = "nl") -> str:
    """Format a number for display: Dutch ``12.345,6`` or English ``12,345.6`` (see :func:`regio.text.fmt_number`).

    Parameters
    ----------
    value
        The number; ``None`` or NaN shows as a dash.
    decimals
        Digits after the decimal separator.
    lang
        ``"nl"`` (Dutch separators) or ``"en"``.

    Returns
    -------
    str
        The text for a tooltip, legend or label.

    Examples
    --------
    >>> format_number(12345.678, 1)
    '12.345,7'
    >>> format_number(12345.678, 1, lang="en")
    '12,345.7'
    >>> format_number(float("nan"))
    '–'
    """
    return fmt_number(value, decimals, lang)


@dataclass(frozen=True)
class Classes:
    """A classification for a legend.

    Attributes
    ----------
    colors
        One colour per class.
    labels
        One legend label per class.
    nodata_label
        Legend label for regions without a value.
    """

    colors: tuple[str, ...]
    labels: tuple[str, ...]
    nodata_label: str = "geen gegevens"
    nodata_color: str = NODATA_COLOR


def _palette(cmap: str, k: int) -> list[str]:
    cm = mpl.colormaps[cmap]
    if k == 1:
        return [mpl.colors.to_hex(cm(0.6))]
    return [mpl.colors.to_hex(cm(0.15 + 0.8 * i / (k - 1))) for i in range(k)]


def _quantile_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper edges of ``mapclassify.Quantiles(y, k).bins``, computed alike (scipy's ``scoreatpercentile``)."""
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    ys = np.sort(y)
    out = []
    for per in p:
        idx = per / 100.0 * (len(ys) - 1)
        i = int(idx)
        if i == idx:
            out.append(np.add.reduce(ys[i:i + 1] * np.array(1)) / 1.0)
        else:
            weights = np.array([(i + 1 - idx), (idx - i)], float)
            out.append(np.add.reduce(ys[i:i + 2] * weights) / weights.sum())
    return np.unique(np.array(out))


def _equal_interval_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper edges of ``mapclassify.EqualInterval(y, k).bins``, computed alike."""
    max_y, min_y = max(y), min(y)
    width = (max_y - min_y) * 1.0 / k
    cuts = np.arange(min_y + width, max_y + width, width)
    if len(cuts) > k:  # overshooting
        cuts = cuts[0:k]
    cuts[-1] = max_y
    return cuts.copy()


def _fisher_jenks_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper edges of ``mapclassify.FisherJenks(y, k).bins`` (natural breaks), computed alike.

    The loop is mapclassify's ``_fisher_jenks_means`` (mapclassify 2.10, BSD-3-Clause, from D. J. Lewis' Python
    port of Jenks' algorithm) as it runs without numba, in the same float32 arithmetic, so that the edges are
    the same numbers; importing mapclassify would load scipy and scikit-learn (about 1.5 s) for it.
    """
    values = np.sort(y).astype("f8")
    n_data, classes = len(values), int(k)
    mat1 = np.zeros((n_data + 1, classes + 1), dtype=np.int32)
    mat2 = np.zeros((n_data + 1, classes + 1), dtype=np.float32)
    mat1[1, 1:] = 1
    mat2[2:, 1:] = np.inf
    v = np.float32(0)
    for end in range(2, n_data + 1):
        s1 = s2 = w = np.float32(0)
        for m in range(1, end + 1):
            i3 = end - m + 1
            val = np.float32(values[i3 - 1])
            s2 += val * val
            s1 += val
            w += np.float32(1)
            v = s2 - (s1 * s1) / w
            i4 = i3 - 1
            if i4 != 0:
                for j in range(2, classes + 1):
                    if mat2[end, j] >= (v + mat2[i4, j - 1]):
                        mat1[end, j] = i3
                        mat2[end, j] = v + mat2[i4, j - 1]
        mat1[end, 1] = 1
        mat2[end, 1] = v
    at = n_data
    kclass = np.zeros(classes + 1, dtype=values.dtype)
    kclass[classes] = values[n_data - 1]
    kclass[0] = values[0]
    for count_num in range(classes, 1, -1):
        pivot = mat1[at, count_num]
        kclass[count_num - 1] = values[int(pivot - 2)]
        at = int(pivot - 1)
    return np.delete(kclass, 0)


#: Class schemes -> upper edges of the classes, computed as mapclassify computes them (tests/maps compare
#: the two on random values), so that drawing a map need not import mapclassify with scipy (about 1.5 s).
_SCHEMES = {"quantiles": _quantile_bins, "fisher_jenks": _fisher_jenks_bins, "equal_interval": _equal_interval_bins}


def class_edges(values: pd.Series | Sequence[float], *, scheme: str = "quantiles", k: int = 5) -> list[float]:
    """Upper edges of at most ``k`` classes of the known values by a mapclassify scheme; the last is ``inf``.

    Several sets of values classed with one call (e.g. two years pooled) get
    one set of edges, so that their colours compare. Pass the edges to
    :func:`classify` with ``scheme="bands"``.

    Parameters
    ----------
    values
        Numbers (NaN ignored).
    scheme
        ``"quantiles"``, ``"fisher_jenks"`` or ``"equal_interval"``.
    k
        Number of classes (fewer if there are fewer distinct values).

    Returns
    -------
    list of float
        Upper edges, ascending; the last is ``inf``.

    Raises
    ------
    regio.errors.InputError
        If ``scheme`` is not one of the three.

    Examples
    --------
    >>> class_edges(pd.Series([1.0, 2.0, 3.0, 4.0, np.nan]), k=2)
    [2.5, inf]
    >>> class_edges(pd.Series([7.0, 7.0]))
    [inf]
    """
    klass = _SCHEMES.get(scheme)
    if klass is None:
        raise InputError(f"Unknown class scheme {scheme!r}; use quantiles, fisher_jenks, equal_interval or bands.",
                         key="maps.unknown_scheme", scheme=scheme)
    known = pd.to_numeric(pd.Series(np.asarray(values, dtype=float)), errors="coerce").dropna().to_numpy()
    k = max(1, min(int(k), len(np.unique(known))))
    if k == 1:
        return [np.inf]
    with warnings.catch_warnings():  # mapclassify notes that numba would be faster; irrelevant here
        warnings.filterwarnings("ignore", message="Numba not installed")
        warnings.filterwarnings("ignore", message="Not enough unique values")  # repeated edges merged below
        upper = np.unique(klass(np.asarray(known).flatten(), k))
    return [*upper[:-1].tolist(), np.inf]


def classify(
    values: pd.Series,
    *,
    scheme: str = "quantiles",
    k: int = 5,
    bins: Sequence[float] | None = None,
    labels: Sequence[str] | None = None,
    colors: Sequence[str] | None = None,
    cmap: str = "YlGnBu",
    decimals: int = 0,
    lang: str = "nl",
) -> tuple[pd.Series, Classes]:
    """Assign each value to a class for a choropleth legend.

    Parameters
    ----------
    values
        Numbers per region; NaN means no data.
    scheme
        ``"quantiles"``, ``"fisher_jenks"``, ``"equal_interval"`` (via
        mapclassify) or ``"bands"`` (fixed upper edges in ``bins``, e.g.
        policy bands).
    k
        Number of classes (fewer if there are fewer distinct values).
    bins
        Upper edges for ``"bands"``; the last may be ``inf``. As in mapclassify,
        a value equal to an edge belongs to the class below it.
    labels, colors
        Legend labels and colours (default: ranges and a ``cmap`` ramp).
    cmap
        Matplotlib colour map of the default colours.
    decimals, lang
        Number format of generated labels.

    Returns
    -------
    tuple
        Class index per region (``-1`` for no data) and the :class:`Classes`.

    Examples
    --------
    >>> idx, cls = classify(pd.Series([60.0, 80.0, 120.0, np.nan]), scheme="bands", bins=[75, 110, np.inf],
    ...                     labels=["< 75%", "75-110%", "> 110%"])
    >>> idx.tolist(), cls.labels
    ([0, 1, 2, -1], ('< 75%', '75-110%', '> 110%'))
    >>> classify(pd.Series([75.0]), scheme="bands", bins=[75, 110, np.inf])[1].labels
    ('≤ 75', '75 – 110', '> 110')
    """
    values = pd.to_numeric(values, errors="coerce").astype(float)
    known = values.dropna()
    nodata = _NODATA_LABEL.get(lang, "no data")
    if scheme == "bands":
        if bins is None:
            raise InputError("scheme='bands' needs bins= (upper edges of the classes).", key="maps.bands_need_bins")
        edges = np.asarray(bins, dtype=float)
        idx = np.searchsorted(edges, values.to_numpy(), side="left")
        idx = np.where(values.isna(), -1, np.minimum(idx, len(edges) - 1))
        k_eff = len(edges)
        if labels is None:
            lows = [-np.inf, *edges[:-1]]
            labels = [_range_label(lo, hi, decimals, lang) for lo, hi in zip(lows, edges, strict=True)]
    else:
        edges = class_edges(known, scheme=scheme, k=k)
        if not len(known):
            idx = np.full(len(values), -1)
            labels = labels or []
            k_eff = 0
        else:
            upper = np.array([*edges[:-1], known.max()])  # the last class ends at the largest value
            if labels is None:  # edges that read the same at the legend's decimals: one class, not "x – x"
                shown = [format_number(v, decimals, lang) for v in upper]
                upper = upper[[i for i in range(len(upper)) if i == len(upper) - 1 or shown[i] != shown[i + 1]]]
            k_eff = len(upper)
            idx = np.searchsorted(upper, values.to_numpy(), side="left")
            idx = np.where(values.isna(), -1, np.minimum(idx, k_eff - 1))
            if labels is None:
                lows = [known.min(), *upper[:-1]]
                labels = [_range_label(lo, hi, decimals, lang, closed_low=i == 0)
                          for i, (lo, hi) in enumerate(zip(lows, upper, strict=True))]
    if labels is not None and len(labels) != k_eff:
        raise InputError(f"{len(labels)} labels for {k_eff} classes.", key="maps.labels_classes", n=len(labels),
                         k=k_eff)
    cols = list(colors) if colors is not None else _palette(cmap, max(k_eff, 1))[:k_eff]
    if len(cols) != k_eff:
        raise InputError(f"{len(cols)} colours for {k_eff} classes.", key="maps.colours_classes", n=len(cols),
                         k=k_eff)
    return (pd.Series(idx.astype(int), index=values.index),
            Classes(tuple(cols), tuple(labels or ()), nodata_label=nodata))


def _range_label(lo: float, hi: float, decimals: int, lang: str, closed_low: bool = False) -> str:
    """Label a class whose upper edge belongs to it (as in mapclassify): ``≤ hi``, ``lo – hi``, ``> lo``."""
    f = lambda v: format_number(v, decimals, lang)  # noqa: E731
    if closed_low and f(lo) == f(hi):  # a first class of one value (e.g. all zeros): "0", not "0 – 0"
        return f(hi)
    if np.isinf(lo) and np.isinf(hi):
        return "alle" if lang == "nl" else "all"
    if np.isinf(lo):
        return f"≤ {f(hi)}"
    if np.isinf(hi):
        return f"> {f(lo)}"
    return f"{f(lo)} – {f(hi)}"


@dataclass(frozen=True)
class Layer:
    """One indicator of a map: a class per region and its legend.

    Attributes
    ----------
    title
        Name in the switcher and legend title.
    index
        Class per region (from :func:`classify`), indexed like the map frame.
    classes
        Colours and labels.
    note
        Optional line under the legend (e.g. the class scheme).
    """

    title: str
    index: pd.Series
    classes: Classes
    note: str = ""

    @classmethod
    def from_values(cls, title: str, values: pd.Series, *, note: str = "", **kwargs) -> Layer:
        """Classify ``values`` (see :func:`classify`) into a layer.

        Parameters
        ----------
        title
            Name in the switcher and legend title.
        values
            Numbers per region (NaN: no data), indexed like the map frame.
        note
            Optional line under the legend (e.g. the class scheme).
        **kwargs
            Passed to :func:`classify` (``scheme``, ``k``, ``bins``,
            ``labels``, ``colors``, ``cmap``, ``decimals``, ``lang``).

        Returns
        -------
        Layer

        Raises
        ------
        regio.errors.InputError
            As :func:`classify` (unknown scheme, labels or colours that do not
            match the classes).

        Examples
        --------
        >>> layer = Layer.from_values("Artsen per 100.000", pd.Series({"PV20": 61.5, "PV21": np.nan, "PV22": 70.4}),
        ...                           k=2, decimals=1, note="kwantielen")
        >>> layer.index.to_dict()
        {'PV20': 0, 'PV21': -1, 'PV22': 1}
        >>> layer.classes.labels, layer.classes.nodata_label, layer.note
        (('61,5 – 66,0', '66,0 – 70,4'), 'geen gegevens', 'kwantielen')
        """
        idx, classes = classify(values, **kwargs)
        return cls(title=title, index=idx, classes=classes, note=note)


@dataclass(frozen=True)
class Marker:
    """A point on the map (e.g. a training institute), drawn as a circle.

    ``lat``/``lon`` are WGS84; ``popup`` is HTML made by the caller.
    """

    lat: float
    lon: float
    label: str
    popup: str = ""
    color: str = POINT_COLOR
    radius: int = 7
    kind: str = "main"
    legend: str = ""  # entry in the map's legend (markers with the same text share one)


_TEMPLATE = Template("""
{% macro header(this, kwargs) %}
<style>
.regio-box{background:rgba(255,255,255,.92);padding:6px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);
 font:12px/1.35 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:340px}
.regio-title h1{font-size:15px;margin:0 0 3px}.regio-title p{margin:2px 0;color:#333;overflow-wrap:anywhere}
.regio-title .regio-caveat{color:#7a4b00}
.regio-legend h2{font-size:12px;margin:0 0 4px}.regio-legend i{display:inline-block;width:14px;height:12px;
 margin-right:6px;vertical-align:middle;border:1px solid #888}.regio-legend div{white-space:nowrap}
.regio-legend .regio-note{color:#555;font-size:11px;margin-top:3px;white-space:normal}
.regio-marker-legend{margin-top:5px}.regio-marker-legend i{display:inline-block;width:10px;height:10px;
 border-radius:50%;margin:0 8px 0 2px;vertical-align:middle;border:2px solid #fff;box-shadow:0 0 0 1px #888}
.regio-tip th{text-align:left;padding-right:8px;font-weight:600}.regio-tip td{text-align:right}
.regio-switch label{display:block;cursor:pointer;white-space:nowrap}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.decoder }}
(function() {
  var map = {{ this._parent.get_name() }};
  var spec = {{ this.spec }};
  var data = {{ this.data }};
  var current = 0;
  // without a background map the regions are drawn opaque on a light ground, over their own outline
  var bare = spec.bare, opacity = bare ? 1 : 0.78;
  if (bare) { map.getContainer().style.background = '#f4f6f8'; }
  function style(f) {
    var k = f.properties.k[current], lay = spec.layers[current];
    return {className: 'regio-region', fillColor: k < 0 ? lay.nodata : lay.colors[k], fillOpacity: opacity,
            color: '#666', weight: 0.5, opacity: 1};
  }
  function tip(f) {
    var rows = f.properties.t.map(function(v, i) {
      return '<tr><th>' + spec.header[i] + '</th><td>' + v + '</td></tr>'; });
    return '<table class="regio-tip">' + rows.join('') + '</table>';
  }
  if (spec.encoding === 'topology') { data = regioDecode(data); }
  if (bare) {  // the country's outline: a broad border under the regions, of which only the outer edge shows
    L.geoJSON(data, {interactive: false, style: {className: 'regio-country', color: '#555', weight: 3,
      fill: true, fillColor: '#fff', fillOpacity: 1}}).addTo(map);
  }
  // keep a tooltip inside the map: below the cursor near the top, above it near the bottom, then shifted
  // in where it would still stick out (a tall tooltip of a northern region, a region at the edge)
  function keepInside(t, point) {
    var size = map.getSize(), el = t.getElement();
    t.options.direction = point.y < size.y * 0.35 ? 'bottom' : (point.y > size.y * 0.65 ? 'top' : 'auto');
    t.update();
    if (!el) { return; }
    var box = el.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect(), dx = 0, dy = 0;
    if (box.top < frame.top + 4) { dy = frame.top + 4 - box.top; }
    else if (box.bottom > frame.bottom - 4) { dy = frame.bottom - 4 - box.bottom; }
    if (box.left < frame.left + 4) { dx = frame.left + 4 - box.left; }
    else if (box.right > frame.right - 4) { dx = frame.right - 4 - box.right; }
    if (dx || dy) { L.DomUtil.setPosition(el, L.DomUtil.getPosition(el).add([dx, dy])); }
  }
  var regions = L.geoJSON(data, {style: style, onEachFeature: function(f, layer) {
    layer.bindTooltip(function() { return tip(f); }, {sticky: true});
    layer.on({mouseover: function(e) { e.target.setStyle({weight: 2, color: '#000'}); e.target.bringToFront();
                var t = layer.getTooltip(); if (t && t.isOpen()) { keepInside(t, e.containerPoint); } },
              mouseout: function(e) { regions.resetStyle(e.target); },
              mousemove: function(e) {
                var t = layer.getTooltip(); if (t && t.isOpen()) { keepInside(t, e.containerPoint); } }});
  }}).addTo(map);
  window.{{ this.get_name() }} = regions;
  spec.outlines.forEach(function(o) {
    L.geoJSON(regioDecode(o.topo), {interactive: false, style: {color: o.color, weight: o.weight, fill: false,
      dashArray: o.dash, className: 'regio-outline'}}).addTo(map);
  });
  spec.markers.forEach(function(m) {
    var c = L.circleMarker([m.lat, m.lon], {radius: m.radius, color: '#fff', weight: 2, fillColor: m.color,
      fillOpacity: 1, className: 'regio-marker regio-marker-' + m.kind}).addTo(map);
    c.bindTooltip(m.label);
    if (m.popup) { c.bindPopup(m.popup, {maxWidth: 320}); }
  });
  var b = regions.getBounds(); if (b.isValid()) { map.fitBounds(b, {padding: [10, 10], animate: false}); }
  L.control.scale({imperial: false}).addTo(map);  // kilometres only
  var title = L.control({position: 'topleft'});
  title.onAdd = function() { var d = L.DomUtil.create('div', 'regio-box regio-title'); d.innerHTML = spec.title;
    L.DomEvent.disableClickPropagation(d); return d; };
  title.addTo(map);
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function() { var d = L.DomUtil.create('div', 'regio-box regio-legend-box');
    d.innerHTML = spec.legends.join('') + spec.marker_legend; return d; };
  legend.addTo(map);
  function show(i) {
    current = i; regions.setStyle(style);
    document.querySelectorAll('.regio-legend').forEach(function(el) {
      el.style.display = (+el.dataset.layer === i) ? 'block' : 'none'; });
  }
  if (spec.layers.length > 1) {
    var sw = L.control({position: 'topright'});
    sw.onAdd = function() {
      var d = L.DomUtil.create('div', 'regio-box regio-switch');
      d.innerHTML = spec.layers.map(function(l, i) {
        return '<label><input type="radio" name="{{ this.get_name() }}_layer" value="' + i + '"' +
          (i === spec.open ? ' checked' : '') + '> ' + l.title + '</label>'; }).join('');
      d.addEventListener('change', function(e) { show(+e.target.value); });
      L.DomEvent.disableClickPropagation(d); return d; };
    sw.addTo(map);
  }
  show(spec.open);
})();
{% endmacro %}
""")


class _Rendered(branca.element.Element):
    """Text already rendered: put into the page as it is.

    branca's ``MacroElement.render`` wraps what a macro rendered in ``Element(text)``, which compiles that
    text as a new jinja template, about 200 KB of map data at a time, only to render it back unchanged.
    """

    def __init__(self, text: str):
        super().__init__()
        # as the compiled template would give it back: jinja drops one trailing newline
        self._text = text[:-1] if text.endswith("\n") else text

    def render(self, **kwargs) -> str:
        """Return the text."""
        return self._text


class _DirectMacro(branca.element.MacroElement):
    """A MacroElement whose rendered header, html and script go into the page without a second template."""

    def render(self, **kwargs) -> None:
        """Add the rendered macros to the page's header, html and script (as ``MacroElement.render`` does)."""
        figure = self.get_root()
        if not isinstance(figure, branca.element.Figure):
            raise TypeError("You cannot render this Element if it is not in a Figure.")
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = macros.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Rendered(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class _RegionLayer(_DirectMacro):
    _name = "RegionLayer"

    def __init__(self, data: dict, spec: dict):
        super().__init__()
        self._template = _TEMPLATE
        self.decoder = DECODE_JS if spec.get("encoding") == "topology" or spec.get("outlines") else ""
        self.data = script_json(data)  # every text enters the page's script through script_json
        self.spec = script_json(spec)


def _legend_html(i: int, layer: Layer, show_nodata: bool) -> str:
    rows = [f'<div><i style="background:{c}"></i>{html_text(lbl)}</div>'
            for c, lbl in zip(layer.classes.colors, layer.classes.labels, strict=True)]
    if show_nodata:
        rows.append(f'<div class="regio-nodata"><i style="background:{layer.classes.nodata_color}"></i>'
                    f"{html_text(layer.classes.nodata_label)}</div>")
    note = f'<div class="regio-note">{html_text(layer.note)}</div>' if layer.note else ""
    return (f'<div class="regio-legend" data-layer="{i}"><h2>{html_text(layer.title)}</h2>'
            + "".join(rows) + note + "</div>")


def _marker_legend_html(markers: Sequence[Marker]) -> str:
    """Legend rows for the markers: one per legend text, a dot in the marker's colour."""
    seen: dict[str, str] = {}
    for m in markers:
        if m.legend and m.legend not in seen:
            seen[m.legend] = m.color
    rows = [f'<div><i style="background:{c}"></i>{html_text(text)}</div>' for text, c in seen.items()]
    return f'<div class="regio-marker-legend">{"".join(rows)}</div>' if rows else ""


def region_map(
    gdf: gpd.GeoDataFrame,
    layers: Sequence[Layer],
    *,
    tooltip: dict[str, str],
    title: str,
    source: str,
    caveat: str | None = None,
    markers: Sequence[Marker] = (),
    outlines: Sequence[tuple[gpd.GeoDataFrame, dict]] = (),
    tolerance: float = 100.0,
    precision: float = 1e-4,
    tiles: str | None = "default",
    shapes: gpd.GeoDataFrame | None = None,
    encoding: str = "topology",
    snap: float | None = None,
    gap_width: float | None = None,
    lang: str | None = None,
) -> folium.Map:
    """Draw regions coloured by one or more indicators.

    The map opens on the first layer (its radio button checked): callers put
    the layer that answers the map's question first (the PNG shows it too).

    Parameters
    ----------
    gdf
        Regions in EPSG:28992, indexed by code; holds the tooltip columns.
    layers
        Indicators; with more than one, a switcher chooses which colours the map.
    tooltip
        Column -> label of the (preformatted) texts shown on hover.
    title, source, caveat
        Text of the title box: title, data source with year, and a caveat.
    markers
        Points drawn on top (institutes, satellite locations).
    outlines
        ``(GeoDataFrame, style)`` pairs drawn as borders (e.g. institute areas);
        style keys ``color``, ``weight``, ``dash``.
    tolerance, precision
        Simplification (metres) and coordinate rounding (degrees) of the shapes.
    tiles
        Background map: a name of :data:`TILES` (``positron``, ``osm``, ``none``;
        ``None`` for none) or ``"default"`` (:func:`resolve_tiles`: ``--tiles``,
        ``REGIO_TILES``, else ``positron``). Without one the page requests
        nothing and draws the regions opaque over the country's outline.
    shapes
        Already prepared shapes (from :func:`prepare_shapes`) to reuse.
    encoding
        ``"topology"`` (default): borders stored once as quantised,
        delta-encoded arcs and decoded by a few lines of JavaScript in the page
        (see :func:`regio.maps.shapes.topology`), about a third of the size of
        ``"geojson"`` (plain GeoJSON with rounded coordinates).
    snap, gap_width
        Cleaning of the coverage before simplification, in metres (see
        :func:`regio.maps.shapes.prepare_shapes`).
    lang
        Language of the page (its ``lang`` attribute, :func:`map_html`);
        default: that of the layers' no-data label (``"nl"`` if unknown).

    Returns
    -------
    folium.Map
        The map; :func:`map_html` makes the page.

    Raises
    ------
    regio.errors.InputError
        Without layers, with tooltip columns missing from ``gdf``, a layer
        with values for regions not in ``gdf``, or an unknown ``encoding``.
    regio.errors.CRSError
        If ``gdf`` is not in EPSG:28992.

    Examples
    --------
    Two regions, two indicators to switch between, a tooltip with the name:

    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"t_name": ["Noord", "Zuid"]},
    ...                        geometry=[box(150_000, 450_000, 160_000, 460_000),
    ...                                  box(150_000, 440_000, 160_000, 450_000)],
    ...                        index=["R1", "R2"], crs="EPSG:28992")
    >>> layers = [Layer.from_values("Inwoners", pd.Series([100.0, 300.0], index=gdf.index), k=2),
    ...           Layer.from_values("Dichtheid", pd.Series([1.5, np.nan], index=gdf.index), k=2, decimals=1)]
    >>> fmap = region_map(gdf, layers, tooltip={"t_name": "Regio"}, title="Bevolking", source="Bron: CBS",
    ...                   tiles=None)
    >>> page = map_html(fmap, title="Bevolking")
    >>> "regioDecode" in page, page.count("data-layer=")  # the decoder of the shared borders; a legend per layer
    (True, 2)
    >>> region_map(gdf, layers, tooltip={"t_pop": "Inwoners"}, title="t", source="s")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Tooltip columns not in the frame: t_pop.
    """
    if not layers:
        raise InputError("A map needs at least one layer.", key="maps.no_layer")
    missing = [c for c in tooltip if c not in gdf.columns]
    if missing:
        raise InputError(f"Tooltip columns not in the frame: {', '.join(missing)}.", key="maps.tooltip_columns",
                         columns=", ".join(missing))
    if encoding not in ("topology", "geojson"):
        raise InputError(f"Unknown map encoding {encoding!r}; use 'topology' or 'geojson'.",
                         key="maps.unknown_encoding", encoding=encoding)
    for lay in layers:  # a layer for other regions would draw every region as "no data" without a word
        stray = lay.index.index.difference(gdf.index)
        if len(stray):
            codes = f"{', '.join(map(str, stray[:10]))}{' ...' if len(stray) > 10 else ''}"
            raise InputError(f"Layer {lay.title!r} has values for regions not on the map: {codes}; index the "
                             "layer's values by the same codes as the regions.", key="maps.stray_layer",
                             title=lay.title, codes=codes)
    tips = {c: gdf[c].astype(object).where(gdf[c].notna(), "–").map(html_text) for c in tooltip}
    klass = [lay.index.reindex(gdf.index).fillna(-1).astype(int) for lay in layers]
    pos = {str(code): i for i, code in enumerate(gdf.index)}
    # plain lists, looked up by position: .iat per region and column took a second for the PC4 maps
    klass_rows = list(zip(*(k.tolist() for k in klass), strict=True))
    tip_rows = list(zip(*(tips[c].tolist() for c in tooltip), strict=True)) if tooltip else [()] * len(gdf)

    def props(code: object) -> tuple[list[int], list[str]]:
        i = pos[str(code)]
        return [int(k) for k in klass_rows[i]], list(tip_rows[i])

    if encoding == "topology":
        source_shapes = (shapes.reindex(gdf.index) if shapes is not None
                         else gdf[[gdf.geometry.name]])
        data = topology(source_shapes, tolerance=tolerance, precision=precision, snap=snap, gap_width=gap_width)
        for feature in data["features"]:
            feature[1], feature[2] = props(feature[0])
    else:
        web = shapes if shapes is not None else prepare_shapes(gdf[[gdf.geometry.name]], tolerance=tolerance,
                                                              precision=precision, snap=snap,
                                                              gap_width=gap_width)
        web = web.reindex(gdf.index)
        features = []
        for code, geom in zip(gdf.index, web.geometry, strict=True):
            if geom is None or geom.is_empty:
                continue
            k, t = props(code)
            features.append({"type": "Feature", "geometry": geom.__geo_interface__,
                             "properties": {"id": str(code), "k": k, "t": t}})
        data = {"type": "FeatureCollection", "features": features}
    title_html = (f"<h1>{html_text(title)}</h1><p class='regio-source'>{html_text(source)}</p>"
                  + (f"<p class='regio-caveat'>{html_text(caveat)}</p>" if caveat else ""))
    spec = {
        "encoding": encoding,
        "title": title_html,
        "header": [html_text(lbl) for lbl in tooltip.values()],
        "layers": [{"title": html_text(lay.title), "colors": list(lay.classes.colors),
                    "nodata": lay.classes.nodata_color} for lay in layers],
        "legends": [_legend_html(i, lay, bool((lay.index.reindex(gdf.index).fillna(-1) < 0).any()))
                    for i, lay in enumerate(layers)],
        "markers": [{**m.__dict__, "label": html_text(m.label)} for m in markers],  # the label is text
        "marker_legend": _marker_legend_html(markers),
        "outlines": [],
        "open": 0,  # the first layer answers the question: the map opens on it
        "bare": resolve_tiles(tiles) == "none",
    }
    for frame, style in outlines:  # borders are encoded like the regions: shared arcs, quantised
        topo = topology(frame[[frame.geometry.name]], tolerance=tolerance, precision=precision)
        spec["outlines"].append({"topo": topo, "color": style.get("color", "#222"),
                                 "weight": style.get("weight", 2), "dash": style.get("dash")})
    background, attribution = TILES[resolve_tiles(tiles)]
    fmap = folium.Map(location=[52.2, 5.3], zoom_start=7, tiles=background, attr=attribution, control_scale=False,
                      prefer_canvas=False, zoom_snap=0.25)
    fmap._regio_lang = lang or _layers_lang(layers)  # for the page's lang attribute (map_html)
    # Only Leaflet is needed: drop folium's default jQuery/Bootstrap/awesome-markers assets.
    fmap.default_js = [js for js in fmap.default_js if js[0] == "leaflet"]
    fmap.default_css = [css for css in fmap.default_css if css[0] == "leaflet_css"]
    _RegionLayer(data, spec).add_to(fmap)
    return fmap


def _layers_lang(layers: Sequence[Layer]) -> str:
    """Return the language of the layers' words, told by their no-data label (``"nl"`` when it says neither)."""
    by_label = {text: lang for lang, text in _NODATA_LABEL.items()}
    return next((by_label[lay.classes.nodata_label] for lay in layers if lay.classes.nodata_label in by_label), "nl")


_LABELS_TEMPLATE = Template("""
{% macro script(this, kwargs) %}
(function() {
  var map = {{ this._parent.get_name() }};
  var labels = {{ this.data }};
  labels.forEach(function(l) {
    var html = '<div class="regio-label" style="font:bold ' + l.size + 'px system-ui,sans-serif;color:#111;' +
      'text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;white-space:nowrap;width:max-content;' +
      'transform:translate(-50%,-50%);pointer-events:none;text-align:center">' + l.lines.join('<br>') + '</div>';
    L.marker([l.lat, l.lon], {interactive: false, keyboard: false,
      icon: L.divIcon({className: 'regio-label-icon', iconSize: [0, 0], iconAnchor: [0, 0], html: html})}).addTo(map);
  });
})();
{% endmacro %}
""")


class _TextLabels(_DirectMacro):
    _name = "TextLabels"

    def __init__(self, labels: list[dict]):
        super().__init__()
        self._template = _LABELS_TEMPLATE
        self.data = script_json(labels)  # names may come from a user's file: escaped, then safe JSON


def text_labels(fmap: folium.Map, points: gpd.GeoSeries, texts: pd.Series, *, size: int = 12) -> None:
    r"""Write a text on the map at each point (not interactive), e.g. numbers or institute names.

    The texts enter the page as escaped HTML inside :func:`regio.maps.escape.script_json`,
    like every other text of a map (a name from a user's file runs nothing).

    Parameters
    ----------
    fmap
        The map (of :func:`region_map`); changed in place.
    points
        Where, in any CRS (e.g. :func:`regio.maps.static.label_points`), indexed like ``texts``.
    texts
        The texts (a line break starts a new line); points without one get none.
    size
        Font size in pixels.

    Returns
    -------
    None

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> fmap = folium.Map(tiles=None)
    >>> text_labels(fmap, gpd.GeoSeries([Point(155_000, 463_000)], index=["R1"], crs="EPSG:28992"),
    ...             pd.Series({"R1": "UMC <Utrecht>\n{% raw %} 112"}))
    >>> page = fmap.get_root().render()
    >>> page.count('"lines":'), "<Utrecht>" in page  # the name is text: escaped
    (1, False)
    """
    spots = points.to_crs("EPSG:4326")
    labels = [{"lat": round(float(spots[code].y), 5), "lon": round(float(spots[code].x), 5), "size": int(size),
               "lines": [html_text(line) for line in str(text).split("\n")]}
              for code, text in texts.reindex(spots.index).dropna().items()]
    _TextLabels(labels).add_to(fmap)


#: Leaflet as folium links it, and the copy regio ships (``regio/maps/assets``).
_LEAFLET = {
    "js": ("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", "leaflet-1.9.3.js"),
    "css": ("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", "leaflet-1.9.3.css"),
}
#: Environment variable choosing how pages get Leaflet: ``inline`` (default) or ``cdn``.
ASSETS_ENV = "REGIO_MAP_ASSETS"


@functools.cache
def _asset(name: str) -> str:
    return importlib.resources.files("regio.maps").joinpath("assets", name).read_text(encoding="utf-8")


def inline_leaflet(page: str) -> str:
    """Put Leaflet's script and style into ``page`` instead of links to the CDN, so it opens offline.

    Leaflet 1.9.3 (BSD-2-Clause, ``regio/maps/assets/LICENSE-leaflet.txt``)
    adds about 170 KB; its images are data URIs, so the page needs nothing
    from the network but the background tiles.

    Parameters
    ----------
    page
        An HTML page that links Leaflet 1.9.3 from cdn.jsdelivr.net (as folium does).

    Returns
    -------
    str
        The page with ``<script>`` and ``<style>`` in place of the links.

    Examples
    --------
    >>> page = inline_leaflet('<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"></script>')
    >>> page.startswith("<script>/* @preserve") and "cdn.jsdelivr" not in page
    True
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = inline_leaflet('<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"></script>')
    >>> "will not open offline" in str(caught[0].message)
    True
    """
    js_url, js_file = _LEAFLET["js"]
    css_url, css_file = _LEAFLET["css"]
    page = page.replace(f'<script src="{js_url}"></script>', f"<script>{_asset(js_file)}</script>")
    page = page.replace(f'<link rel="stylesheet" href="{css_url}"/>', f"<style>{_asset(css_file)}</style>")
    linked = sorted(set(re.findall(r'(?:src|href)="(https://cdn\.jsdelivr\.net/npm/leaflet@[^"]+)"', page)))
    if linked:  # e.g. a folium that links another Leaflet version: the page would need internet after all
        warnings.warn(RegioWarning(f"The map still links Leaflet from the internet ({', '.join(linked)}): regio ships "
                                   "Leaflet 1.9.3 only, so this page will not open offline. Install a folium that uses "
                                   "Leaflet 1.9.3 or update regio/maps/assets.", key="maps.leaflet_online",
                                   links=", ".join(linked)), stacklevel=2)
    return page


def map_html(fmap: folium.Map, *, title: str | None = None, assets: str | None = None) -> str:
    """Render a map as one standalone HTML page (write it with :func:`regio.report.export.write_html`).

    The page gets a ``<title>`` and an empty favicon (so the browser asks
    for none). The map itself is left as it was: rendering it twice gives
    the same page.

    Parameters
    ----------
    fmap
        A map of :func:`region_map` (or any folium map).
    title
        Text of the page's ``<title>`` (escaped); none when ``None``.
    assets
        ``"inline"`` puts Leaflet into the page, so that it opens without
        internet (about 170 KB more); ``"cdn"`` links it from cdn.jsdelivr.net.
        Default: the environment variable ``REGIO_MAP_ASSETS``, else ``"inline"``.

    Returns
    -------
    str
        The HTML page.

    Examples
    --------
    >>> import geopandas as gpd
    >>> import pandas as pd
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"t_name": ["Noord", "Zuid"]},
    ...                        geometry=[box(150_000, 450_000, 160_000, 460_000),
    ...                                  box(150_000, 440_000, 160_000, 450_000)],
    ...                        index=["R1", "R2"], crs="EPSG:28992")
    >>> layer = Layer.from_values("Inwoners", pd.Series([100.0, 300.0], index=gdf.index), scheme="equal_interval", k=2)
    >>> fmap = region_map(gdf, [layer], tooltip={"t_name": "Regio"}, title="Inwoners", source="CBS", tiles=None)
    >>> page = map_html(fmap, title="Inwoners & dichtheid")
    >>> page.startswith("<!DOCTYPE html>"), "<title>Inwoners &amp; dichtheid</title>" in page
    (True, True)
    >>> map_html(fmap, title="Inwoners & dichtheid") == page
    True
    """
    root = fmap.get_root()
    head = '<link rel="icon" href="data:,">'  # no favicon request
    if title:
        head += f"<title>{html_text(title)}</title>"
    # Rendering adds the title to the page header, and folium adds its links and scripts to the
    # header, body and script parts of the page (some anew each time). Put the parts back afterwards,
    # so the map is not changed and a second call gives the same page.
    parts = (root.header, root.html, root.script)
    before = [part._children.copy() for part in parts]
    how = (assets or os.environ.get(ASSETS_ENV) or "inline").strip().lower()
    if how not in ("inline", "cdn"):
        raise InputError(f"Map assets {how!r}: use 'inline' (pages that open offline) or 'cdn' "
                         f"(set {ASSETS_ENV} or assets=).", key="maps.unknown_assets", how=how, env=ASSETS_ENV)
    try:
        root.header.add_child(branca.element.Element(head))
        page = root.render()
        lang = getattr(fmap, "_regio_lang", None)
        if lang:  # the page says its language (screen readers, hyphenation, translation offers)
            page = page.replace("<html>", f'<html lang="{html_text(lang)}">', 1)
        return inline_leaflet(page) if how == "inline" else page
    finally:
        for part, children in zip(parts, before, strict=True):
            part._children = children
