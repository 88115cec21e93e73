"""The access map: "Waar is de huisartsenzorg het krapst?" — provision for need per region, and its components.

Draws :class:`regio.access.AccessResult`; computes nothing. The layer that
opens is the provision band (red: well below the national level for need),
then access within reach (2SFCA), the CBS distance to the nearest practice,
practices per 10,000 inhabitants and the share aged 65 and over. The tooltip
shows every component, so that a region's band can be followed back.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from regio.labels import band_words, label
from regio.levels import get_level
from regio.maps.core import Layer, format_number, region_map
from regio.maps.density import institute_markers

if TYPE_CHECKING:  # pragma: no cover
    import folium

    from regio.access.run import AccessResult

__all__ = ["BAND_COLORS", "access_layers", "access_map", "access_texts"]

#: Provision bands, lowest first: red for under-provision, a light middle, blue for well supplied (red and blue,
#: not red and green, so that colour-blind readers tell them apart, as the density comparison does).
BAND_COLORS = ("#d7301f", "#f7f4e8", "#2c7bb6")


def _band_layer(result: AccessResult, lang: str) -> Layer:
    facts = result.facts
    lo, hi = facts.spec.bands
    words = band_words(result.regions["band"], norm_is_average=facts.norm_is_average, lang=lang, limits=(lo, hi))
    codes = words.cat.codes.astype(float).where(words.notna())
    norm = format_number(facts.norm_per_10k, 2, lang)
    note = (label("access.note.average", lang, norm=norm) if facts.norm_is_average
            else label("access.note.norm", lang, norm=norm))
    return Layer.from_values(label("access.layer.band", lang), codes, scheme="bands", bins=[0, 1, np.inf],
                             labels=list(words.cat.categories), colors=list(BAND_COLORS), note=note, lang=lang)


def access_layers(result: AccessResult, *, k: int = 5, lang: str = "nl") -> list[Layer]:
    """Return the layers of the access map, the decision layer first.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    k
        Number of classes of the quantity layers (quantiles).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of regio.maps.core.Layer
        Provision band; access per 10,000; CBS distance to the nearest
        practice (where the result has it); practices per 10,000; share 65+.
    """
    t = result.regions
    quantiles = label("access.note.quantiles", lang)
    layers = [
        _band_layer(result, lang),
        Layer.from_values(label("access.layer.access", lang), t["access_per_10k"].round(2), k=k, decimals=2,
                          cmap="YlGnBu", note=label("access.note.catchment", lang, km=format_number(
                              result.facts.spec.catchment_km, 1, lang),
                              decay=label(f"access.decay.{result.facts.spec.decay}", lang)), lang=lang),
    ]
    if "huisartsenpraktijk_afstand_km" in t:
        layers.append(Layer.from_values(label("access.layer.distance", lang), t["huisartsenpraktijk_afstand_km"],
                                        k=k, decimals=1, cmap="OrRd",
                                        note=label("access.note.cbs_distance", lang, year=result.facts.proximity_year),
                                        lang=lang))
    layers.append(Layer.from_values(label("access.layer.practices", lang), t["practices_per_10k"].round(2), k=k,
                                    decimals=2, cmap="YlGnBu", note=quantiles, lang=lang))
    layers.append(Layer.from_values(label("access.layer.old", lang), (t["age_65plus_share"] * 100).round(1), k=k,
                                    decimals=1, cmap="Purples", note=quantiles, lang=lang))
    return layers


def _tooltips(result: AccessResult, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    t = result.regions
    facts = result.facts
    # one text per distinct value: the PC4 tables repeat most of theirs (tens of thousands of cells)
    f = functools.lru_cache(maxsize=None)(lambda v, d=0: format_number(v, d, lang))
    pct = lambda v, d=0: "–" if pd.isna(v) else f"{f(v, d)}%"  # noqa: E731
    norm = not facts.norm_is_average
    out = pd.DataFrame(index=t.index)
    out["t_name"] = t["statnaam"].astype(str)
    out["t_prov"] = t["provision_pct"].map(lambda v: pct(v, 1))  # one decimal: 109.9% is in the band up to 110%
    out["t_band"] = band_words(t["band"], norm_is_average=facts.norm_is_average, lang=lang).astype(object)
    out["t_access"] = t["access_per_10k"].map(lambda v: f(v, 2))
    out["t_practices"] = t["practices"].map(f)
    out["t_per10k"] = t["practices_per_10k"].map(lambda v: f(v, 2))
    out["t_needed"] = t["needed"].map(lambda v: f(v, 1))
    labels = {"t_name": label("access.col.statnaam", lang),
              "t_prov": label("access.col.provision_pct_norm" if norm else "access.col.provision_pct", lang),
              "t_band": label("access.col.band", lang),
              "t_access": label("access.col.access_per_10k", lang),
              "t_practices": label("access.col.practices", lang),
              "t_per10k": label("access.col.practices_per_10k", lang),
              "t_needed": label("access.col.needed_norm" if norm else "access.col.needed", lang)}
    if "huisartsenpraktijk_afstand_km" in t:
        out["t_dist"] = t["huisartsenpraktijk_afstand_km"].map(lambda v: f(v, 1))
        labels["t_dist"] = label("access.col.huisartsenpraktijk_afstand_km", lang)
    out["t_far"] = (t["share_far"] * 100).map(lambda v: pct(v, 1))
    labels["t_far"] = label("access.col.share_far", lang, km=format_number(facts.spec.far_km, 0, lang))
    out["t_old"] = (t["age_65plus_share"] * 100).map(lambda v: pct(v, 1))
    labels["t_old"] = label("access.col.age_65plus_share", lang)
    return out, labels


def access_texts(result: AccessResult, lang: str = "nl") -> tuple[str, str, str]:
    """Title, source line and caveat of the access map.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    tuple of str
        ``(title, source, caveat)``; the source names the publishers and says
        that the practice counts are derived.
    """
    facts = result.facts
    title = f"{label('access.title', lang)} ({get_level(facts.level).label(lang)} {facts.spec.year})"
    parts = [label("access.source.practices", lang, derived=label("access.derived", lang) if facts.derived else ""),
             label("access.source.population", lang)]
    if facts.proximity_year is not None:
        parts.append(label("access.source.proximity", lang, year=facts.proximity_year))
    source = label("access.source", lang) + ": " + "; ".join(p.replace(" ()", "") for p in parts)
    return title, source, label("access.caveat", lang)


def access_map(
    result: AccessResult,
    shapes: gpd.GeoDataFrame,
    *,
    institutes: gpd.GeoDataFrame | None = None,
    k: int = 5,
    lang: str = "nl",
    tiles: str | None = "default",
    **map_options,
) -> tuple[folium.Map, gpd.GeoDataFrame, list[Layer], tuple[str, str, str]]:
    """Draw the access result on its regions' shapes.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    shapes
        Region polygons in EPSG:28992 indexed by the result's codes.
    institutes
        Points of the training institutes (markers), optional.
    k
        Classes of the quantity layers.
    lang
        ``"nl"`` or ``"en"``.
    tiles
        Background map (:func:`regio.maps.core.resolve_tiles`; ``None`` for none).
    map_options
        Passed to :func:`regio.maps.core.region_map`.

    Returns
    -------
    tuple
        The map, the frame drawn, the layers and ``(title, source, caveat)``.
    """
    tips, tooltip = _tooltips(result, lang)
    frame = gpd.GeoDataFrame(tips, geometry=shapes.geometry.reindex(tips.index), crs=shapes.crs)
    frame = frame[frame.geometry.notna()]
    layers = access_layers(result, k=k, lang=lang)
    layers = [Layer(title=lay.title, index=lay.index.reindex(frame.index), classes=lay.classes, note=lay.note)
              for lay in layers]
    title, source, caveat = access_texts(result, lang)
    fmap = region_map(frame, layers, tooltip=tooltip, title=title, source=source, caveat=caveat,
                      markers=institute_markers(institutes, lang=lang), tiles=tiles, **map_options)
    return fmap, frame, layers, (title, source, caveat)
