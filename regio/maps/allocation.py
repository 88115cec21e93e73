"""Maps of a disaggregation: allocated numbers per 100,000 inhabitants, as labels, and the difference to now.

Draws the audit table of :func:`regio.allocation.allocate`; nothing is
computed here except colours, label texts and tooltip texts.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from itertools import pairwise

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from regio import derived
from regio.allocation.keys import per_100k_rounding_only
from regio.labels import label as word
from regio.maps.core import Classes, Layer, class_edges, format_number, region_map, text_labels
from regio.maps.static import label_points, static_map
from regio.text import t

__all__ = ["DIFF_COLORS", "allocation_layers", "allocation_map", "allocation_png", "difference_layer", "drawable",
           "per_100k_layer", "value_layer"]

#: Diverging colours for the difference to the current distribution: fewer (red) ... more (blue).
DIFF_COLORS = ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0")
#: Up to this many regions the map writes the allocated number on each region.
MAX_LABELS = 60
#: Up to this many regions the number comes with the region's name (institute areas, provinces).
MAX_NAMED = 12


def _label_texts(table: pd.DataFrame, lang: str) -> pd.Series:
    """Return the texts written on the regions: the allocated number, with the name for a few regions."""
    numbers = table["allocated"].map(lambda v: format_number(v, 0, lang))
    if _named(table):
        return table["statnaam"].astype(str) + "\n" + numbers
    return numbers


def _named(table: pd.DataFrame) -> bool:
    return len(table) <= MAX_NAMED and "statnaam" in table


def drawable(shapes: gpd.GeoDataFrame, *, dissolved: bool, close: float = 60.0) -> gpd.GeoDataFrame:
    """Close the slivers that dissolving generalised municipal borders leaves inside regions (drawing only).

    Applied to dissolved shapes (:attr:`regio.allocation.AllocationResult.dissolved`);
    others are returned unchanged.

    Parameters
    ----------
    shapes
        Region polygons in a metric CRS (EPSG:28992).
    dissolved
        Whether they were dissolved from municipalities.
    close
        Width in metres of the slivers closed (buffered out and back in).

    Returns
    -------
    geopandas.GeoDataFrame
        The shapes to draw: a new frame for dissolved shapes, else ``shapes``
        itself.

    Examples
    --------
    Two halves dissolved into one region with a 0.5 m sliver between them are
    drawn as one polygon:

    >>> from shapely.geometry import box
    >>> region = box(0, 0, 1_000, 1_000).union(box(1_000.5, 0, 2_000, 1_000))
    >>> shapes = gpd.GeoDataFrame(geometry=[region], index=["R1"], crs="EPSG:28992")
    >>> region.geom_type, drawable(shapes, dissolved=True).geometry.iloc[0].geom_type
    ('MultiPolygon', 'Polygon')
    >>> drawable(shapes, dissolved=False) is shapes  # not dissolved: unchanged
    True
    """
    if not dissolved:
        return shapes
    def compute():
        closed = shapes.geometry.buffer(close).buffer(-close)
        return closed.where(~closed.is_empty, shapes.geometry).to_numpy()

    # the same regions are drawn on the map and the PNG, often for several splits: closed once (regio.derived)
    key = derived.content_key("drawable", shapes.geometry.to_numpy(), float(close))
    geoms = derived.cached("drawable", key, compute, dumps=derived.dump_geometries,
                           loads=lambda b: derived.load_geometries(b)[0])
    return shapes.set_geometry(gpd.GeoSeries(geoms.copy(), index=shapes.index, name=shapes.geometry.name),  # own copy
                               crs=shapes.crs)


def difference_layer(difference: pd.Series, *, title: str, lang: str = "nl", reference: str | None = None) -> Layer:
    """Five classes symmetric around zero: clearly fewer, fewer, equal, more, clearly more.

    Parameters
    ----------
    difference
        Allocated minus current per region.
    title
        Layer title.
    lang
        ``"nl"`` or ``"en"`` (legend note).
    reference
        What the allocation is compared with, for the legend note ("de
        verdeling naar inwoners"); default the current distribution ("nu").

    Returns
    -------
    regio.maps.core.Layer
        Classes in :data:`DIFF_COLORS`, the middle one exactly ``0``.

    Examples
    --------
    >>> lay = difference_layer(pd.Series({"A": -7, "B": 0, "C": 2, "D": 9}), title="verschil")
    >>> lay.index.tolist(), lay.classes.labels
    ([0, 2, 3, 4], ('≤ −6', '−5 … −1', '0', '+1 … +5', '≥ +6'))
    """
    d = pd.to_numeric(difference, errors="coerce").astype(float)
    m = float(d.abs().max()) if d.notna().any() else 1.0
    a = max(1, math.ceil(m / 2))
    edges = [-(a + 0.5), -0.5, 0.5, a + 0.5, np.inf]
    labels = [f"≤ −{a + 1}", f"−{a} … −1", "0", f"+1 … +{a}", f"≥ +{a + 1}"]
    if reference:
        note = t(lang, f"rood: minder dan bij {reference}, blauw: meer",
                 f"red: fewer than with {reference}, blue: more")
    else:
        note = t(lang, "rood: minder dan nu, blauw: meer dan nu", "red: fewer than now, blue: more than now")
    return Layer.from_values(title, d, scheme="bands", bins=edges, labels=labels, colors=list(DIFF_COLORS),
                             lang=lang, note=note)


def value_layer(title: str, values: pd.Series, *, k: int = 5, cmap: str = "YlGnBu", decimals: int = 0,
                lang: str = "nl", note: str = "", same: Callable[[pd.Index], bool] | None = None) -> Layer:
    """Quantile classes labelled by the values in them; exact zeros in a class of their own (``0``).

    A key such as the shortfall gives many regions exactly 0; quantiles would
    then make classes such as "0 – 0" and "0 – 81". Here the zeros form the
    class ``0`` and the other values share the remaining classes. Each label
    is the range of the values in its class as shown (one value when they
    print alike); classes without regions are dropped, and classes whose
    labels would print alike get more decimals (or are merged), so that no
    class is empty or repeated.

    Parameters
    ----------
    title
        Layer title.
    values
        Numbers per region (NaN: no data).
    k
        Number of classes, the class ``0`` included.
    cmap
        Matplotlib colour map of the classes.
    decimals
        Decimals of the labels (more where needed to tell classes apart).
    lang
        ``"nl"`` or ``"en"``.
    note
        Line under the legend.
    same
        Whether the values of some regions (an index) differ only by
        rounding (e.g. :func:`regio.allocation.per_100k_rounding_only` of
        their whole numbers): neighbouring classes whose regions together
        pass are merged, so that no two classes differ only by rounding.

    Returns
    -------
    regio.maps.core.Layer

    Examples
    --------
    >>> lay = value_layer("n", pd.Series([0, 0, 0, 0, 5, 9, 40, 81]), k=3)
    >>> lay.classes.labels
    ('0', '5 – 9', '40 – 81')
    >>> lay.index.tolist()
    [0, 0, 0, 0, 1, 1, 2, 2]

    Classes whose values differ only by rounding are one class:

    >>> rates = pd.Series({"A": 5.58, "B": 5.59, "C": 5.60, "D": 6.05})
    >>> value_layer("r", rates, k=4, decimals=2, same=lambda idx: rates[idx].max() - rates[idx].min() < 0.1
    ...             ).classes.labels
    ('5,58 – 5,60', '6,05')
    """
    v = pd.to_numeric(values, errors="coerce").astype(float)
    known = v.dropna()
    zero = known.eq(0)
    rest = known[~zero]
    groups: list[pd.Index] = [known.index[zero.to_numpy()]] if zero.any() and len(rest) else []
    if len(rest):
        edges = np.asarray(class_edges(rest, scheme="quantiles", k=k - len(groups)), dtype=float)
        if same is None:
            cls = np.searchsorted(edges, rest.to_numpy(), side="left")
            groups += [rest.index[cls == i] for i in range(len(edges)) if (cls == i).any()]
        else:  # runs of values that differ only by rounding are never split: each run goes whole into a class
            runs: list[pd.Index] = []
            for code in rest.sort_values(kind="stable").index:
                if runs and same(runs[-1].append(pd.Index([code]))):
                    runs[-1] = runs[-1].append(pd.Index([code]))
                else:
                    runs.append(pd.Index([code]))
            cls = [int(np.searchsorted(edges, rest[r].median(), side="left")) for r in runs]
            for i in sorted(set(cls)):
                groups.append(pd.Index([c for r, j in zip(runs, cls, strict=True) if j == i for c in r]))
    elif len(known):
        groups = [known.index]

    def ends(idx: pd.Index, d: int) -> tuple[str, str]:
        lo, hi = float(known[idx].min()), float(known[idx].max())
        return format_number(lo, 0 if lo == 0 else d, lang), format_number(hi, 0 if hi == 0 else d, lang)

    def label(idx: pd.Index, d: int) -> str:
        a, b = ends(idx, d)
        return a if a == b else f"{a} – {b}"

    def distinct(d: int) -> bool:  # every class prints apart from its neighbour: "5,2 – 5,8" after "3,8 – 5,2" is not
        shown = [ends(g, d) for g in groups]
        return all(prev[1] != nxt[0] for prev, nxt in pairwise(shown))

    for d in range(decimals, decimals + 4):
        labels = [label(g, d) for g in groups]
        if distinct(d):
            break
    else:  # still alike: merge neighbours that print alike
        merged: list[pd.Index] = []
        for g in groups:
            if merged and ends(merged[-1], d)[1] == ends(g, d)[0]:
                merged[-1] = merged[-1].append(g)
            else:
                merged.append(g)
        groups, labels = merged, [label(g, d) for g in merged]
    index = pd.Series(-1, index=v.index, dtype=int)
    for i, g in enumerate(groups):
        index[g] = i
    colors = _ramp(cmap, len(groups))
    return Layer(title, index, Classes(tuple(colors), tuple(labels), nodata_label=t(lang, "geen gegevens", "no data")),
                 note=note)


def _ramp(cmap: str, k: int) -> list[str]:
    import matplotlib as mpl

    cm = mpl.colormaps[cmap]
    if k <= 1:
        return [mpl.colors.to_hex(cm(0.6))] * k
    return [mpl.colors.to_hex(cm(0.15 + 0.8 * i / (k - 1))) for i in range(k)]


def allocation_layers(table: pd.DataFrame, *, lang: str = "nl", current_label: str | None = None,
                      rounding_only: bool | None = None) -> list[Layer]:
    """Layers of an allocation map: per 100,000 inhabitants, the allocated number, and the difference to now.

    The first two are quantile classes of the values with a class ``0`` of
    their own (:func:`value_layer`).

    Parameters
    ----------
    table
        Audit table of :func:`regio.allocation.allocate`: ``allocated``, and
        ``per_100k`` and ``difference`` when it has them.
    lang
        ``"nl"`` or ``"en"``.
    current_label
        What the current distribution is, for the title of the difference layer.
    rounding_only
        Whether the numbers per 100,000 differ only by rounding (one neutral
        class): :attr:`regio.allocation.AllocationResult.per_100k_rounding_only`;
        ``None``: :func:`regio.allocation.per_100k_rounding_only` of the
        table's ``allocated`` and ``population``.

    Returns
    -------
    list of regio.maps.core.Layer
        Per 100,000 (with a population), allocated number, difference (with
        a current distribution).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from regio.allocation import allocate
    >>> pop = pd.Series({"PV20": 590_000, "PV21": 650_000, "PV22": 500_000})
    >>> table = allocate(100, pop.astype(float), population=pop, current={"PV20": 40, "PV21": 30, "PV22": 30},
    ...                  names={"PV20": "Groningen", "PV21": "Fryslân", "PV22": "Drenthe"})
    >>> shapes = gpd.GeoDataFrame(geometry=[box(230_000, 560_000, 270_000, 600_000),
    ...                                     box(160_000, 540_000, 220_000, 600_000),
    ...                                     box(220_000, 520_000, 270_000, 560_000)],
    ...                           index=pop.index, crs="EPSG:28992")
    >>> layers = allocation_layers(table, current_label="verdeling 2024")
    >>> [lay.title for lay in layers]
    ['Toegewezen per 100.000 inwoners', 'Toegewezen aantal', 'Verschil met verdeling 2024']
    >>> table["difference"].tolist(), layers[2].index.tolist()  # −6 in the lowest class, +7 in the highest
    ([-6, 7, -1], [0, 4, 1])
    """
    note = t(lang, "klassen: kwantielen", "classes: quantiles")
    layers = []
    if "per_100k" in table.columns:
        title = t(lang, "Toegewezen per 100.000 inwoners", "Allocated per 100,000 inhabitants")
        layers.append(per_100k_layer(title, table["per_100k"], table["allocated"], table.get("population"),
                                     rounding_only=rounding_only, lang=lang, note=note))
    layers.append(value_layer(t(lang, "Toegewezen aantal", "Allocated number"), table["allocated"], k=5,
                              cmap="PuBu", lang=lang, note=note))
    if "difference" in table.columns:
        what = current_label or t(lang, "huidige verdeling", "current distribution")
        layers.append(difference_layer(table["difference"], lang=lang,
                                       title=t(lang, f"Verschil met {what}", f"Difference to {what}"),
                                       reference=current_label))
    return layers


def per_100k_layer(title: str, per_100k: pd.Series, whole: pd.Series, population: pd.Series | None, *,
                   rounding_only: bool | None = None, cmap: str = "YlGnBu", lang: str = "nl",
                   note: str = "") -> Layer:
    """Classes of whole numbers per 100,000 inhabitants, never finer than the whole numbers allow.

    One neutral class when all regions differ only by rounding (the rule of
    :func:`regio.allocation.per_100k_rounding_only`: every region within one
    place of the common number per inhabitant); otherwise quantile classes
    (:func:`value_layer`) in which neighbouring classes that differ only by
    rounding by the same rule are merged. The allocation map and the model's
    advice map both class their numbers per 100,000 so.

    Parameters
    ----------
    title
        Layer title.
    per_100k
        Numbers per 100,000 per region.
    whole, population
        The whole numbers and the inhabitants behind them (no population: no
        rule, plain quantiles).
    rounding_only
        Whether all differ only by rounding, if already known
        (:attr:`regio.allocation.AllocationResult.per_100k_rounding_only`).
    cmap, lang, note
        Colours, language and legend note of the classes.

    Returns
    -------
    regio.maps.core.Layer

    Examples
    --------
    >>> pop = pd.Series({"A": 2_000_000, "B": 1_950_000, "C": 1_000_000})
    >>> whole = pd.Series({"A": 112, "B": 109, "C": 61})
    >>> lay = per_100k_layer("per 100.000", whole / pop * 1e5, whole, pop)
    >>> lay.classes.labels, lay.index.tolist()  # A and B differ by rounding only; C has one place more
    (('5,59 – 5,60', '6,10'), [0, 0, 1])
    """
    spread = float(per_100k.max() - per_100k.min())
    decimals = 1 if spread >= 2 else 2 if spread >= 0.2 else 3
    if population is None:
        return value_layer(title, per_100k, k=5, cmap=cmap, decimals=decimals, lang=lang, note=note)
    if rounding_only is None:
        rounding_only = per_100k_rounding_only(whole, population)
    if rounding_only:
        return _same_layer(title, per_100k, decimals=decimals, lang=lang)
    runs = word("map.rounding_runs", lang)
    return value_layer(title, per_100k, k=5, cmap=cmap, decimals=decimals, lang=lang,
                       note=f"{note}; {runs}" if note else runs,
                       same=lambda idx: per_100k_rounding_only(whole[idx], population[idx]))


def _same_layer(title: str, per_100k: pd.Series, *, decimals: int, lang: str) -> Layer:
    """One neutral class: the regions differ per 100,000 only by rounding to whole numbers."""
    v = pd.to_numeric(per_100k, errors="coerce").astype(float)
    known = v.dropna()
    label = f"{format_number(known.min(), decimals, lang)} – {format_number(known.max(), decimals, lang)}"
    index = pd.Series(np.where(v.notna(), 0, -1), index=v.index, dtype=int)
    note = t(lang, "overal gelijk, op de afronding op hele aantallen na (minder dan 1 per regio)",
             "the same everywhere but for rounding to whole numbers (less than 1 per region)")
    return Layer(title, index, Classes(("#c6dbef",), (label,), nodata_label=t(lang, "geen gegevens", "no data")),
                 note=note)


def _tooltips(frame: pd.DataFrame, table: pd.DataFrame, lang: str, current_label: str | None) -> dict[str, str]:
    f = lambda v, d=0: format_number(v, d, lang)  # noqa: E731
    frame["t_name"] = table["statnaam"] if "statnaam" in table else table.index.astype(str)
    frame["t_key"] = table["key"].map(lambda v: f(v, 0 if abs(v) >= 100 else 3))
    frame["t_share"] = (table["share"] * 100).map(lambda v: f(v, 2) + "%")
    frame["t_quota"] = table[("quota_bounded" if "quota_bounded" in table else "quota")].map(lambda v: f(v, 2))
    frame["t_alloc"] = table["allocated"].map(f)
    tips = {"t_name": t(lang, "Regio", "Region"), "t_key": t(lang, "Sleutelwaarde", "Key value"),
            "t_share": t(lang, "Aandeel", "Share"), "t_quota": "Quotum" if lang == "nl" else "Quota",
            "t_alloc": t(lang, "Toegewezen", "Allocated")}
    if "bound" in table:
        frame["t_bound"] = table["bound"].map({"lower": t(lang, "ondergrens", "lower bound"),
                                               "upper": t(lang, "bovengrens", "upper bound")}).fillna("–")
        tips["t_bound"] = t(lang, "Vastgezet op", "Held at")
    if "per_100k" in table:
        frame["t_pop"] = table["population"].map(f)
        frame["t_rate"] = table["per_100k"].map(lambda v: f(v, 2))
        tips["t_pop"] = t(lang, "Inwoners", "Inhabitants")
        tips["t_rate"] = t(lang, "Per 100.000 inwoners", "Per 100,000 inhabitants")
    if "difference" in table:
        what = current_label or t(lang, "nu", "now")
        frame["t_cur"] = table["current"].map(f)
        frame["t_diff"] = table["difference"].map(lambda v: ("+" if v > 0 else "") + f(v))
        tips["t_cur"] = what[:1].upper() + what[1:]
        tips["t_diff"] = t(lang, "Verschil", "Difference")
    return tips


def _with_label_note(layer: Layer, lang: str, named: bool = False) -> Layer:
    """Return the layer with a legend note saying that the numbers on the map are the allocated ones."""
    what = t(lang, "getallen op de kaart: toegewezen aantal", "numbers on the map: allocated number")
    if named:  # the names are written with the numbers
        what = word("map.names_and_numbers", lang)
    return dataclasses.replace(layer, note=f"{layer.note}; {what}" if layer.note else what)


def allocation_map(
    table: pd.DataFrame,
    shapes: gpd.GeoDataFrame,
    *,
    title: str,
    source: str,
    caveat: str | None = None,
    lang: str = "nl",
    labels: bool | None = None,
    current_label: str | None = None,
    rounding_only: bool | None = None,
    dissolved: bool = False,
) -> folium.Map:
    """Interactive map of an allocation: layers per 100,000, number and difference; numbers as labels.

    Parameters
    ----------
    table
        Audit table (:func:`regio.allocation.allocate`), indexed by region code.
    shapes
        Region polygons in EPSG:28992, same codes.
    title, source, caveat
        Texts of the title box.
    lang
        ``"nl"`` or ``"en"``.
    labels
        Write the allocated number on each region (default: when there are at
        most :data:`MAX_LABELS` regions).
    current_label
        What the current distribution is (e.g. "verdeling naar inwoners"), for
        the difference layer and tooltip.
    rounding_only
        As :func:`allocation_layers`.
    dissolved
        Whether the shapes were dissolved from municipalities (:func:`drawable`).

    Returns
    -------
    folium.Map
        The map; :func:`regio.maps.core.map_html` makes the page.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from regio.allocation import allocate
    >>> pop = pd.Series({"PV20": 590_000, "PV21": 650_000, "PV22": 500_000})
    >>> table = allocate(100, pop.astype(float), population=pop, current={"PV20": 40, "PV21": 30, "PV22": 30},
    ...                  names={"PV20": "Groningen", "PV21": "Fryslân", "PV22": "Drenthe"})
    >>> shapes = gpd.GeoDataFrame(geometry=[box(230_000, 560_000, 270_000, 600_000),
    ...                                     box(160_000, 540_000, 220_000, 600_000),
    ...                                     box(220_000, 520_000, 270_000, 560_000)],
    ...                           index=pop.index, crs="EPSG:28992")
    >>> from regio.maps.core import map_html
    >>> page = map_html(allocation_map(table, shapes, title="Verdeling", source="Bron: CBS"))
    >>> page.count('"lines":'), "Fryslân" in page  # a label with the name and number on each of the 3 regions
    (3, True)
    """
    frame = drawable(shapes, dissolved=dissolved)[[shapes.geometry.name]].copy()
    tips = _tooltips(frame, table.reindex(frame.index), lang, current_label)
    layers = allocation_layers(table, lang=lang, current_label=current_label, rounding_only=rounding_only)
    show = labels if labels is not None else len(table) <= MAX_LABELS
    if show:  # the numbers written on the regions are the allocated ones, whichever layer is shown
        layers = [_with_label_note(lay, lang, _named(table)) for lay in layers]
    fmap = region_map(frame, layers, tooltip=tips, title=title, source=source, caveat=caveat, lang=lang)
    if show:
        text_labels(fmap, label_points(frame), _label_texts(table, lang))
    return fmap


def allocation_png(
    table: pd.DataFrame,
    shapes: gpd.GeoDataFrame,
    *,
    title: str,
    source: str,
    caveat: str | None = None,
    lang: str = "nl",
    labels: bool | None = None,
    rounding_only: bool | None = None,
    dissolved: bool = False,
) -> bytes:
    """Draw a static PNG of the first layer (per 100,000) with the allocated numbers as labels.

    Parameters
    ----------
    table
        Audit table of :func:`regio.allocation.allocate`, indexed by region code.
    shapes
        Region polygons in EPSG:28992, same codes.
    title, source, caveat
        Texts above and below the map.
    lang
        ``"nl"`` or ``"en"``.
    labels
        Write the allocated numbers (default: with at most :data:`MAX_LABELS`
        regions).
    rounding_only, dissolved
        As :func:`allocation_map`.

    Returns
    -------
    bytes
        The PNG image (write it with :func:`regio.report.export.write_image`).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from regio.allocation import allocate
    >>> pop = pd.Series({"PV20": 590_000, "PV21": 650_000, "PV22": 500_000})
    >>> table = allocate(100, pop.astype(float), population=pop, current={"PV20": 40, "PV21": 30, "PV22": 30},
    ...                  names={"PV20": "Groningen", "PV21": "Fryslân", "PV22": "Drenthe"})
    >>> shapes = gpd.GeoDataFrame(geometry=[box(230_000, 560_000, 270_000, 600_000),
    ...                                     box(160_000, 540_000, 220_000, 600_000),
    ...                                     box(220_000, 520_000, 270_000, 560_000)],
    ...                           index=pop.index, crs="EPSG:28992")
    >>> png = allocation_png(table, shapes, title="Verdeling", source="Bron: CBS")
    >>> png[1:4]
    b'PNG'
    """
    layer = allocation_layers(table, lang=lang, rounding_only=rounding_only)[0]
    show = labels if labels is not None else len(table) <= MAX_LABELS
    layer = _with_label_note(layer, lang, _named(table)) if show else layer
    texts = _label_texts(table, lang) if show else None
    return static_map(drawable(shapes, dissolved=dissolved), layer, title=title, source=source, caveat=caveat,
                      labels=texts)
