"""Maps of the recruitment areas: institute colours, joint zones, trainer gap, institute markers.

Draws the numbers of :func:`regio.recruitment.run.run_recruitment` (or the
pure functions of :mod:`regio.recruitment`); nothing is computed here except
colours and texts.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from regio import derived
from regio.maps.core import POINT_COLOR, Classes, Layer, Marker, format_number, region_map, text_labels
from regio.maps.escape import html_text
from regio.maps.static import label_points, static_map
from regio.text import t

__all__ = ["INSTITUTE_COLORS", "area_names", "institute_layer", "recruitment_map", "recruitment_png"]

#: One colour per institute from a qualitative palette of 8 (Tableau 10, without its grey and olive): hues
#: that differ in lightness too, assigned so that neighbouring areas never share a hue family (AMC blue beside
#: VUmc yellow, Erasmus MC teal beside Radboudumc brown, LUMC pink, UMC Utrecht purple, UMCG green, Maastricht red).
INSTITUTE_COLORS = {
    "amc": "#4e79a7",
    "vumc": "#edc948",
    "umcg": "#59a14f",
    "lumc": "#ff9da7",
    "mumc": "#e15759",
    "radboudumc": "#9c755f",
    "erasmusmc": "#76b7b2",
    "umcu": "#b07aa1",
}
_FALLBACK = ("#f28e2b", "#bab0ac", "#8cd17d", "#d4a6c8", "#86bcb6", "#f1ce63")
_JOINT_COLOR = "#111111"


def _outline(frame: gpd.GeoDataFrame, *, close: float = 60.0, min_hole: float = 2e6) -> gpd.GeoDataFrame:
    """Close slivers between generalised municipal borders and drop small holes, for drawing borders only."""
    from shapely.geometry import MultiPolygon, Polygon

    def clean(geom):
        geom = geom.buffer(close).buffer(-close)
        parts = getattr(geom, "geoms", [geom])
        polys = [Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area >= min_hole])
                 for p in parts if isinstance(p, Polygon)]
        return MultiPolygon(polys) if len(polys) != 1 else polys[0]

    key = derived.content_key("outline", frame.geometry.to_numpy(), float(close), float(min_hole))
    geoms = derived.cached("outline", key, lambda: frame.geometry.map(clean).to_numpy(),
                           dumps=derived.dump_geometries, loads=lambda b: derived.load_geometries(b)[0])
    return frame.set_geometry(gpd.GeoSeries(geoms.copy(), index=frame.index, name=frame.geometry.name),  # own copy
                              crs=frame.crs)


def _colors(ids: list[str]) -> list[str]:
    extra = iter(_FALLBACK * 4)
    return [INSTITUTE_COLORS.get(i) or next(extra) for i in ids]


def area_names(area_shapes: gpd.GeoDataFrame, areas: pd.DataFrame) -> gpd.GeoDataFrame:
    """One label per institute area: its name at a point inside the area's largest part.

    Parameters
    ----------
    area_shapes
        Dissolved areas, indexed by institute id (EPSG:28992).
    areas
        Per institute id; ``name`` when it has one (else the id is shown).

    Returns
    -------
    geopandas.GeoDataFrame
        ``label`` and a point per area (same index and CRS); an area in
        several pieces (islands, an exclave) gets one label, on the largest.

    Examples
    --------
    >>> from shapely.geometry import MultiPolygon, box
    >>> shapes = gpd.GeoDataFrame(geometry=[MultiPolygon([box(0, 0, 10_000, 10_000), box(20_000, 0, 21_000, 500)])],
    ...                           index=["umcg"], crs="EPSG:28992")
    >>> named = area_names(shapes, pd.DataFrame({"name": ["UMCG"]}, index=["umcg"]))
    >>> named["label"].tolist(), round(named.geometry.iloc[0].x), round(named.geometry.iloc[0].y)
    (['UMCG'], 5000, 5000)
    """
    names = areas["name"] if "name" in areas else pd.Series(areas.index, index=areas.index)
    spots = label_points(area_shapes)
    texts = pd.Series([str(names.get(i, i)) for i in area_shapes.index], index=area_shapes.index)
    return gpd.GeoDataFrame({"label": texts}, geometry=spots, crs=area_shapes.crs)


def institute_layer(municipal: pd.DataFrame, areas: pd.DataFrame, *, lang: str = "nl") -> Layer:
    """Categorical layer: each municipality in its primary institute's colour, legend by institute name.

    Parameters
    ----------
    municipal
        Per municipality: ``institute`` (the primary institute id).
    areas
        Per institute id (index), in legend order; ``name`` for the legend
        when it has one.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    regio.maps.core.Layer
        Class ``i`` is the ``i``-th institute of ``areas`` in its colour of
        :data:`INSTITUTE_COLORS`; ``-1`` a municipality without institute.

    Examples
    --------
    >>> municipal = pd.DataFrame({"institute": ["lumc", "umcu", "lumc", None]},
    ...                          index=["GM0546", "GM0344", "GM0599", "GM9999"])
    >>> areas = pd.DataFrame({"name": ["LUMC", "UMC Utrecht"]}, index=["lumc", "umcu"])
    >>> lay = institute_layer(municipal, areas, lang="en")
    >>> lay.title, lay.index.tolist()
    ('Training institute (primary)', [0, 1, 0, -1])
    >>> lay.classes.labels, lay.classes.colors, lay.classes.nodata_label
    (('LUMC', 'UMC Utrecht'), ('#ff9da7', '#b07aa1'), 'no institute')
    """
    ids = list(areas.index)
    index = municipal["institute"].map({i: k for k, i in enumerate(ids)}).fillna(-1).astype(int)
    labels = tuple(str(areas.loc[i, "name"]) if "name" in areas else i for i in ids)
    return Layer(t(lang, "Opleidingsinstituut (primair)", "Training institute (primary)"), index,
                 Classes(tuple(_colors(ids)), labels, nodata_label=t(lang, "geen instituut", "no institute")),
                 note=t(lang, "Stippellijn: gezamenlijke werving", "Dashed line: joint recruitment"))


def _joint_layer(municipal: pd.DataFrame, lang: str) -> Layer:
    n = municipal["joint"].fillna("").astype(str).map(lambda s: len([p for p in s.split(";") if p]))
    index = n.clip(upper=2).astype(int)
    labels = (t(lang, "alleen primair instituut", "primary institute only"),
              t(lang, "gezamenlijk met 1 ander instituut", "joint with 1 other institute"),
              t(lang, "gezamenlijk met 2 of meer", "joint with 2 or more"))
    return Layer(t(lang, "Gezamenlijke werving", "Joint recruitment"), index,
                 Classes(("#f7f7f7", "#9e9ac8", "#54278f"), labels))


def recruitment_map(
    shapes: gpd.GeoDataFrame,
    municipal: pd.DataFrame,
    areas: pd.DataFrame,
    *,
    area_shapes: gpd.GeoDataFrame,
    joint_shapes: gpd.GeoDataFrame,
    locations: gpd.GeoDataFrame,
    title: str,
    source: str,
    caveat: str | None = None,
    lang: str = "nl",
    cost_unit: str | None = None,
) -> folium.Map:
    """Draw institute areas, joint zones, the trainer gap and the institute locations.

    Parameters
    ----------
    shapes
        Municipal polygons (EPSG:28992), indexed like ``municipal``.
    municipal
        Per municipality: ``statnaam``, ``institute``, ``institute_name``,
        ``joint``, ``cost``, ``population``, ``gps`` (+ ``gps_estimated``),
        ``trainers`` (+ ``trainers_estimated``).
    areas
        Per institute (as :func:`regio.recruitment.area_summary` plus ``name``).
    area_shapes, joint_shapes
        Dissolved areas (outlined solid) and joint zones (outlined dashed).
    locations
        Institute locations (``institute_id``, ``kind``, ``site``, ``city``, ``lon``, ``lat``).
    title, source, caveat, lang
        Texts.
    cost_unit
        What ``cost`` is, ``"km"`` or ``"min"``
        (:attr:`regio.recruitment.run.RecruitmentResult.cost_unit`); ``None``: not said.

    Returns
    -------
    folium.Map
        Layers: institute (categorical), joint recruitment, trainer gap of the
        area and, when the trainers were counted or given (not estimated),
        trainers per 100 GPs of the area (also in the tooltip); one marker per
        location.

    Examples
    --------
    Three municipalities, two institutes, the middle municipality recruited
    jointly:

    >>> from shapely.geometry import box
    >>> from regio.recruitment import area_summary
    >>> codes = ["GM0001", "GM0002", "GM0003"]
    >>> shapes = gpd.GeoDataFrame(geometry=[box(100_000 + i * 10_000, 450_000, 110_000 + i * 10_000, 460_000)
    ...                                     for i in range(3)], index=codes, crs="EPSG:28992")
    >>> municipal = pd.DataFrame({"statnaam": ["West", "Midden", "Oost"], "institute": ["lumc", "lumc", "umcu"],
    ...                           "institute_name": ["LUMC", "LUMC", "UMC Utrecht"], "joint": ["", "umcu", ""],
    ...                           "cost": [4.0, 9.5, 3.0], "population": [50_000, 30_000, 40_000],
    ...                           "gps": [40, 20, 30], "gps_estimated": False, "trainers": [8, 4, 9],
    ...                           "trainers_estimated": False}, index=codes)
    >>> areas = area_summary(municipal, municipal, institutes=["lumc", "umcu"]).assign(name=["LUMC", "UMC Utrecht"])
    >>> area_shapes = shapes.join(municipal["institute"]).dissolve("institute")
    >>> locations = gpd.GeoDataFrame({"institute_id": ["lumc", "umcu"], "institute": ["LUMC", "UMC Utrecht"],
    ...                               "kind": "main", "site": ["Leiden", "Utrecht"], "city": ["Leiden", "Utrecht"]},
    ...                              geometry=gpd.points_from_xy([105_000, 125_000], [455_000, 455_000]),
    ...                              crs="EPSG:28992")
    >>> locations[["lon", "lat"]] = locations.to_crs("EPSG:4326").get_coordinates().to_numpy()
    >>> from regio.maps.core import map_html
    >>> fmap = recruitment_map(shapes, municipal, areas, area_shapes=area_shapes,
    ...                        joint_shapes=shapes.loc[["GM0002"]], locations=locations,
    ...                        title="Wervingsgebieden", source="Bron: made up")
    >>> page = map_html(fmap)
    >>> page.count("data-layer="), "Opleiders per 100 huisartsen (gebied)" in page  # trainers were counted
    (4, True)
    """
    f = lambda v, d=0: format_number(v, d, lang)  # noqa: E731
    est = t(lang, " (schatting)", " (estimate)")
    frame = shapes[[shapes.geometry.name]].join(municipal)
    area_of = frame["institute"]
    gap = area_of.map(areas["gap"])
    names = areas["name"] if "name" in areas else pd.Series(areas.index, index=areas.index)
    frame["t_name"] = frame["statnaam"]
    frame["t_inst"] = frame["institute_name"].fillna(frame["institute"])
    frame["t_joint"] = frame["joint"].fillna("").map(
        lambda s: ", ".join(str(names.get(j, j)) for j in s.split(";") if j) or "–")
    frame["t_pop"] = frame["population"].map(f)
    frame["t_gps"] = frame["gps"].map(f) + frame["gps_estimated"].map(lambda e: est if e else "")
    frame["t_tr"] = frame["trainers"].map(f) + frame["trainers_estimated"].map(lambda e: est if e else "")
    frame["t_gap"] = gap.map(lambda v: f(v, 0))  # trainers are people: whole numbers
    tooltip = {"t_name": t(lang, "Gemeente", "Municipality"), "t_inst": t(lang, "Instituut", "Institute"),
               "t_joint": t(lang, "Gezamenlijk met", "Joint with"), "t_pop": t(lang, "Inwoners", "Inhabitants"),
               "t_gps": t(lang, "Huisartsen", "GPs"), "t_tr": t(lang, "Opleiders", "Trainers"),
               "t_gap": t(lang, "Tekort opleiders (gebied)", "Trainer gap (area)")}
    if frame["cost"].notna().any():
        unit = cost_unit
        frame["t_cost"] = frame["cost"].map(lambda v: f(v, 1) + (f" {unit}" if unit and pd.notna(v) else ""))
        tooltip["t_cost"] = {"km": t(lang, "Afstand tot locatie", "Distance to location"),
                             "min": t(lang, "Reistijd tot locatie", "Travel time to location")}.get(
                                 unit, t(lang, "Afstand/reistijd tot locatie", "Distance/time to location"))
    gap_note = t(lang, "doel − opleiders; positief = tekort", "target − trainers; positive = short")
    if areas["trainers_estimated"].astype(bool).all():
        # estimated trainers are a national number split by GP share, so the gap is a fixed share of the GPs
        gap_note += t(lang, ". Opleiders geschat (landelijk aantal naar aandeel huisartsen): het tekort volgt dan "
                            "alleen het aantal huisartsen; alleen getelde opleiders per instituut geven een echt "
                            "beeld.",
                      ". Trainers estimated (national number by share of GPs): the gap then only follows the number "
                      "of GPs; only counted trainers per institute give a real picture.")
    layers = [
        institute_layer(frame, areas, lang=lang),
        _joint_layer(frame, lang),
        Layer.from_values(t(lang, "Tekort opleiders t.o.v. doel (gebied)", "Trainer gap to target (area)"), gap,
                          scheme="equal_interval", k=5, cmap="OrRd", decimals=0, lang=lang, note=gap_note),
    ]
    if not areas["trainers_estimated"].astype(bool).any():
        # only counted or given trainers differ between areas: estimated ones are a national number split by GP
        # share, so trainers per 100 GPs is the same everywhere by construction and is not drawn
        per_100 = area_of.map(areas["trainers_per_100_gps"])
        frame["t_per100"] = per_100.map(lambda v: f(v, 1))
        tooltip["t_per100"] = t(lang, "Opleiders per 100 huisartsen (gebied)", "Trainers per 100 GPs (area)")
        layers.append(Layer.from_values(t(lang, "Opleiders per 100 huisartsen (gebied)", "Trainers per 100 GPs (area)"),
                                        per_100, scheme="equal_interval", k=4, cmap="YlGn", decimals=1, lang=lang))
    markers = []
    for _, row in locations.iterrows():
        iid = row["institute_id"]
        a = areas.loc[iid] if iid in areas.index else None
        rows = [(t(lang, "Locatie", "Location"), f"{row['site']}, {row['city']}"),
                (t(lang, "Soort", "Kind"), t(lang, "hoofdlocatie", "main location") if row["kind"] == "main"
                 else t(lang, "satellietlocatie", "satellite location"))]
        if a is not None:
            rows += [(t(lang, "Gemeenten in gebied", "Municipalities in area"), f(a["municipalities"])),
                     (t(lang, "Inwoners gebied", "Area inhabitants"), f(a["population"])),
                     (t(lang, "Huisartsen", "GPs"), f(a["gps"]) + (est if a["gps_estimated"] else "")),
                     (t(lang, "Opleiders", "Trainers"), f(a["trainers"]) + (est if a["trainers_estimated"] else "")),
                     (t(lang, "Doel opleiders", "Target trainers"), f(a["target_trainers"], 0)),
                     (t(lang, "Tekort", "Gap"), f(a["gap"], 0))]
        popup = (f"<b>{html_text(str(row['institute']))}</b><table class='regio-tip'>"
                 + "".join(f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in rows)
                 + "</table>")
        label = str(names.get(iid, iid)) + ("" if row["kind"] == "main" else f" – {row['city']}")
        markers.append(Marker(lat=float(row["lat"]), lon=float(row["lon"]), label=label, popup=popup,
                              color=INSTITUTE_COLORS.get(iid, POINT_COLOR), radius=9 if row["kind"] == "main" else 6,
                              kind=str(row["kind"])))
    outlines = [(_outline(area_shapes), {"color": "#222222", "weight": 2.2})]
    if len(joint_shapes):
        outlines.append((_outline(joint_shapes), {"color": _JOINT_COLOR, "weight": 1.6, "dash": "5 4"}))
    fmap = region_map(frame, layers, tooltip=tooltip, title=title, source=source, caveat=caveat,
                      markers=markers, outlines=outlines, lang=lang)
    named = area_names(area_shapes, areas)  # the institute's name on its area, whichever layer is shown
    text_labels(fmap, named.geometry, named["label"], size=13)
    return fmap


def recruitment_png(
    shapes: gpd.GeoDataFrame,
    municipal: pd.DataFrame,
    areas: pd.DataFrame,
    *,
    area_shapes: gpd.GeoDataFrame,
    locations: gpd.GeoDataFrame,
    title: str,
    source: str,
    caveat: str | None = None,
    lang: str = "nl",
) -> bytes:
    """Draw the institute layer as a PNG with area borders and location points.

    Parameters
    ----------
    shapes
        Municipal polygons (EPSG:28992), indexed like ``municipal``.
    municipal
        Per municipality: ``institute``.
    areas
        Per institute (see :func:`institute_layer`).
    area_shapes
        Dissolved areas, outlined.
    locations
        Institute locations as points in EPSG:28992.
    title, source, caveat
        Texts above and below the map.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    bytes
        The PNG image (write it with :func:`regio.report.export.write_image`).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from regio.recruitment import area_summary
    >>> codes = ["GM0001", "GM0002", "GM0003"]
    >>> shapes = gpd.GeoDataFrame(geometry=[box(100_000 + i * 10_000, 450_000, 110_000 + i * 10_000, 460_000)
    ...                                     for i in range(3)], index=codes, crs="EPSG:28992")
    >>> municipal = pd.DataFrame({"statnaam": ["West", "Midden", "Oost"], "institute": ["lumc", "lumc", "umcu"],
    ...                           "institute_name": ["LUMC", "LUMC", "UMC Utrecht"], "joint": ["", "umcu", ""],
    ...                           "cost": [4.0, 9.5, 3.0], "population": [50_000, 30_000, 40_000],
    ...                           "gps": [40, 20, 30], "gps_estimated": False, "trainers": [8, 4, 9],
    ...                           "trainers_estimated": False}, index=codes)
    >>> areas = area_summary(municipal, municipal, institutes=["lumc", "umcu"]).assign(name=["LUMC", "UMC Utrecht"])
    >>> area_shapes = shapes.join(municipal["institute"]).dissolve("institute")
    >>> locations = gpd.GeoDataFrame({"institute_id": ["lumc", "umcu"], "institute": ["LUMC", "UMC Utrecht"],
    ...                               "kind": "main", "site": ["Leiden", "Utrecht"], "city": ["Leiden", "Utrecht"]},
    ...                              geometry=gpd.points_from_xy([105_000, 125_000], [455_000, 455_000]),
    ...                              crs="EPSG:28992")
    >>> locations[["lon", "lat"]] = locations.to_crs("EPSG:4326").get_coordinates().to_numpy()
    >>> png = recruitment_png(shapes, municipal, areas, area_shapes=area_shapes, locations=locations,
    ...                       title="Wervingsgebieden", source="Bron: made up")
    >>> png[1:4]
    b'PNG'
    """
    frame = shapes[[shapes.geometry.name]].join(municipal[["institute"]])
    return static_map(frame, institute_layer(frame, areas, lang=lang), title=title, source=source,
                      caveat=caveat, outlines=_outline(area_shapes), points=locations,
                      area_labels=area_names(area_shapes, areas))
