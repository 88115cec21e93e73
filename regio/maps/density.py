"""Density maps: draw computed density tables as choropleths (HTML, PNG).

Nothing is computed here: the rates, intervals, ranks, smoothed rates,
comparison classes and provision bands come from
:func:`regio.density.run.density_result`; this module only chooses classes
and colours, formats the numbers for tooltips and looks up the words of the
codes (comparison, band) and the caveat in the catalogue :mod:`regio.labels`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from regio.density.facts import DensityFacts, density_facts
from regio.errors import InputError
from regio.labels import band_words, comparison_words, label, reference_name
from regio.levels import get_level
from regio.maps.core import Layer, Marker, class_edges, format_number, region_map
from regio.maps.escape import html_text
from regio.text import fmt_percent, round_half_up, t

if TYPE_CHECKING:  # pragma: no cover
    import folium

    from regio.density.run import DensityResult

__all__ = ["INSTITUTES_LEGEND", "SCHEMES", "SIZE_BUDGETS", "band_percent", "density_layers", "density_map",
           "density_title", "institute_markers", "profession_label"]

#: Largest size in bytes of a map's HTML file per level (issue 3: municipal < 400 KB, PC4 < 2 MB).
SIZE_BUDGETS: dict[str, int] = {"pc4": 2_000_000, "wijk": 2_000_000, "default": 400_000}

#: Legend entry of the institute markers (HTML map and PNG).
INSTITUTES_LEGEND = {"nl": "huisartsopleiding (locatie bij benadering)",
                     "en": "GP training institute (approximate location)"}

#: Class schemes of the rate layers.
SCHEMES = ("auto", "quantiles", "fisher_jenks", "equal_interval")
#: Up to this many regions ``auto`` uses natural breaks (Fisher-Jenks), above it quantiles. With a dozen
#: provinces, quantiles put two or three in each class whatever their values (Flevoland at 34.8 with
#: Noord-Brabant at 60.3); natural breaks keep outliers apart. For hundreds of regions quantiles show the
#: spread evenly and are fast.
AUTO_NATURAL_BREAKS = 60

#: Below / like / above the reference: diverging, red for worse (fewer physicians per inhabitant), a neutral middle.
_COMPARISON_COLORS = ("#d6604d", "#f7f7f7", "#4393c3")
_BAND_COLORS = ("#d7301f", "#fdcc8a", "#31a354")
_NEUTRAL = "#f7f7f7"

_PROFESSION_LABEL = {
    "huisarts": ("Huisartsen", "General practitioners"),
    "basisarts": ("Basisartsen", "Basic physicians"),
    "medisch_specialist": ("Medisch specialisten", "Medical specialists"),
    "arts": ("Artsen", "Physicians"),
    "big_totaal": ("BIG-geregistreerden", "BIG-registered professionals"),
}


def profession_label(key: str, lang: str = "nl") -> str:
    """Plural label of a profession key for titles (``huisarts`` -> ``Huisartsen``).

    Parameters
    ----------
    key
        Profession key as in the data (``huisarts``, ``medisch_specialist``, ...).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The label; an unknown key is returned as it is.

    Examples
    --------
    >>> profession_label("huisarts"), profession_label("huisarts", "en")
    ('Huisartsen', 'General practitioners')
    """
    return t(lang, *_PROFESSION_LABEL.get(key, (key, key)))


#: Decimals of rates in tooltips and in the rate legends (one number format for both).
RATE_DECIMALS = 1


def _shown(values: pd.Series, decimals: int = RATE_DECIMALS) -> pd.Series:
    """Values as the tooltip prints them (halves away from zero, :func:`regio.text.round_half_up`)."""
    return pd.to_numeric(values, errors="coerce").astype(float).map(
        lambda v: v if pd.isna(v) else round_half_up(v, decimals))


def _rate_edges(values: pd.Series, scheme: str, k: int, decimals: int = RATE_DECIMALS) -> list[float]:
    """Upper class edges for rates (shared by all rate layers, so their colours compare).

    The edges are rounded to the tooltip's decimals and duplicates merged, so
    that a legend label never shows a value other than the edge used and no
    class reads "60,3 – 60,3"; the values are classed as shown
    (:func:`_shown`), so every region sits in the class its tooltip number
    belongs to.
    """
    if scheme not in SCHEMES:
        raise InputError(f"Unknown class scheme {scheme!r}; choose one of {', '.join(SCHEMES)} "
                         "(policy bands are the provision layer).", key="maps.density.unknown_scheme", scheme=scheme,
                         known=", ".join(SCHEMES))
    edges = class_edges(_shown(values, decimals), scheme=scheme, k=k)
    finite = sorted({round_half_up(e, decimals) for e in edges if np.isfinite(e)})
    return [*finite, np.inf]


def _diverging(edges: Sequence[float], reference: float) -> list[str]:
    """Colours of rate classes around ``reference``: reds below it (darkest lowest), blues above, neutral across.

    Examples
    --------
    >>> _diverging([50.0, 60.0, 70.0, 80.0, np.inf], 70.0)
    ['#b1182b', '#e58368', '#fddbc7', '#d1e5f0', '#2065ab']
    """
    import matplotlib as mpl

    cm = mpl.colormaps["RdBu"]
    lows = [-np.inf, *edges[:-1]]
    side = ["below" if hi <= reference else "above" if lo >= reference else "across"
            for lo, hi in zip(lows, edges, strict=True)]
    below, above = side.count("below"), side.count("above")
    out, i, j = [], 0, 0
    for where in side:
        if where == "below":  # 0.1 (dark red) ... 0.4 (light)
            out.append(mpl.colors.to_hex(cm(0.1 + 0.3 * i / (below - 1) if below > 1 else 0.3)))
            i += 1
        elif where == "above":  # 0.6 (light) ... 0.9 (dark blue)
            out.append(mpl.colors.to_hex(cm(0.6 + 0.3 * j / (above - 1) if above > 1 else 0.75)))
            j += 1
        else:
            out.append(_NEUTRAL)
    return out


def _category_layer(title: str, column: pd.Series, colors: Sequence[str], note: str, lang: str) -> Layer:
    cats = list(column.cat.categories)
    codes = column.cat.codes.astype(float).where(column.notna())
    return Layer.from_values(title, codes, scheme="bands", bins=[*range(len(cats) - 1), np.inf],
                             labels=cats, colors=list(colors), note=note, lang=lang)


def density_layers(
    tables: dict[int, pd.DataFrame],
    *,
    facts: dict[int, DensityFacts] | None = None,
    scheme: str = "auto",
    k: int = 5,
    lang: str = "nl",
) -> list[Layer]:
    """Layers of a density map: per year the crude rate, smoothed rates, comparison and provision band.

    The comparison is named after its reference (national, or the mean of the
    regions with data) and left out for a single region with data; the
    provision band only when the table has one (a norm).

    Parameters
    ----------
    tables
        Year -> table from :func:`regio.density.analyse` (all on the same regions).
    facts
        Year -> :attr:`regio.density.run.DensityResult.facts`: the reference,
        national rate, confidence level, norm and bands the layers are named
        and classed by. Without them, collected from the bare tables of
        :func:`regio.density.analyse` by :func:`regio.density.density_facts`.
    scheme, k
        Class scheme of the rate layers (one set of classes for all years and
        for crude and smoothed rates, so that colours compare); ``"auto"``:
        Fisher-Jenks up to :data:`AUTO_NATURAL_BREAKS` regions, else quantiles.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of regio.maps.core.Layer
        Per year, newest first: the comparison with the reference (below /
        not significantly different / above, red for below), the provision
        level (when the table has one), then the crude rate, smoothed rate
        and smoothed towards neighbours (when the table has it). The first
        layer is the one the map opens on and the PNG shows. The rate layers
        share classes whose edges include the newest year's reference rate,
        coloured red below it and blue above (lower is worse); without a
        reference, a sequential ramp.

    Raises
    ------
    regio.errors.InputError
        For a ``scheme`` not in :data:`SCHEMES`.

    Examples
    --------
    >>> from regio.density import analyse
    >>> population = pd.Series({"PV20": 590_000, "PV21": 650_000, "PV22": 500_000})
    >>> tab = analyse(pd.Series({"PV20": 400, "PV21": 380, "PV22": 330}), population, norm_per_100k=65)
    >>> layers = density_layers({2024: tab}, k=2)
    >>> [lay.title for lay in layers]
    ['Vergeleken met landelijk', 'Voorzieningsgraad', 'Per 100.000 inwoners', 'Gladgestreken (EB)']
    >>> tab["rate_per_100k"].round(1).tolist(), layers[2].index.tolist(), layers[2].classes.labels
    ([67.8, 58.5, 66.0], [2, 0, 2], ('≤ 58,5', '58,5 – 63,8', '> 63,8'))
    >>> layers[2].note  # the national rate 63.8 is an edge: red below it, blue above
    'natuurlijke grenzen (Fisher-Jenks); rood: lager dan landelijk (63,8), blauw: hoger'
    """
    facts = _facts(tables, facts)
    pooled = pd.concat([tab["rate_per_100k"] for tab in tables.values()], ignore_index=True)
    if scheme == "auto":
        regions = max(int(tab["rate_per_100k"].notna().sum()) for tab in tables.values())
        scheme = "fisher_jenks" if regions <= AUTO_NATURAL_BREAKS else "quantiles"
    edges = _rate_edges(pooled, scheme, k)
    newest = facts[max(tables)]
    if newest.reference is not None and np.isfinite(newest.national_per_100k) and len(edges) > 1:
        # the reference is a class edge: no class holds regions both below and above it
        edges = [*sorted({*edges[:-1], round_half_up(newest.national_per_100k, RATE_DECIMALS)}), np.inf]
    scheme_note = {"quantiles": t(lang, "kwantielen", "quantiles"),
                   "fisher_jenks": t(lang, "natuurlijke grenzen (Fisher-Jenks)", "natural breaks (Fisher-Jenks)"),
                   "equal_interval": t(lang, "gelijke intervallen", "equal intervals")}[scheme]
    several = len(tables) > 1
    layers = []
    for year in sorted(tables, reverse=True):  # the newest year first: the map opens on its answer
        tab, fact = tables[year], facts[year]
        suffix = f" {year}" if several else ""
        reference = fact.reference
        rate_kw = {"scheme": "bands", "bins": edges, "decimals": RATE_DECIMALS, "lang": lang}
        colours_note = ""
        if reference is not None and np.isfinite(fact.national_per_100k):  # lower is worse: diverging
            rate_kw["colors"] = _diverging(edges, fact.national_per_100k)
            colours_note = "; " + label("map.rate_colours", lang, what=reference_name(reference, lang),
                                        rate=format_number(fact.national_per_100k, RATE_DECIMALS, lang))
        else:
            rate_kw["cmap"] = "YlGnBu"
        towards = reference_name("national" if reference == "national" else "regions", lang)
        towards = t(lang, "het landelijk gemiddelde", "the national rate") if reference == "national" else towards
        national = format_number(fact.national_per_100k, 1, lang)
        pct = fmt_percent(fact.confidence, lang)
        answer = []  # the layers that answer "where are there fewer": comparison, then provision
        if reference is not None:  # a single region with data is compared with nothing
            what = reference_name(reference, lang)
            answer.append(_category_layer(t(lang, f"Vergeleken met {what}", f"Compared with {what}") + suffix,
                                          comparison_words(tab["comparison"], reference, lang), _COMPARISON_COLORS,
                                          t(lang, f"{pct}-interval t.o.v. {national}",
                                            f"{pct} interval vs {national}")
                                          + "; " + label("map.comparison_colours", lang), lang))
        if "band" in tab:  # no norm: no provision (see regio.density.analyse)
            lo, hi = fact.bands
            norm = format_number(fact.norm_per_100k if fact.norm_per_100k is not None else np.nan, 1, lang)
            band = band_words(tab["band"], norm_is_average=fact.norm_is_average, lang=lang, limits=(lo, hi))
            if fact.norm_is_average:
                title = t(lang, "T.o.v. landelijk gemiddelde", "Relative to the national average")
                note = t(lang, f"landelijk {norm} per 100.000 (een gemiddelde, geen norm)",
                         f"national {norm} per 100,000 (an average, not a norm)")
            else:
                title = t(lang, "Voorzieningsgraad", "Provision level")
                note = t(lang, f"norm {norm} per 100.000", f"norm {norm} per 100,000")
            answer.append(_category_layer(title + suffix, band, _BAND_COLORS, note, lang))
        layers += answer
        layers.append(Layer.from_values(t(lang, "Per 100.000 inwoners", "Per 100,000 inhabitants") + suffix,
                                        _shown(tab["rate_per_100k"]), note=scheme_note + colours_note, **rate_kw))
        layers.append(Layer.from_values(t(lang, "Gladgestreken (EB)", "Smoothed (EB)") + suffix,
                                        _shown(tab["eb_per_100k"]), note=t(
                                            lang, f"empirisch Bayes naar {towards}; klassen als de ruwe dichtheid",
                                            f"empirical Bayes towards {towards}; classes as the crude rate"),
                                        **rate_kw))
        if "eb_spatial_per_100k" in tab:
            layers.append(Layer.from_values(
                t(lang, "Gladgestreken naar buren", "Smoothed towards neighbours") + suffix,
                _shown(tab["eb_spatial_per_100k"]),
                note=t(lang, "lokaal empirisch Bayes (de regio en haar buren); klassen als de ruwe dichtheid",
                       "local empirical Bayes (the region and its neighbours); classes as the crude rate"),
                **rate_kw))
    return layers


def band_percent(value: float, band: str | None, bands: tuple[float, float], lang: str = "nl") -> str:
    """Write a provision percentage so that it agrees with its band: whole, unless that would read as a limit.

    The band is the analysis's (``under`` below the lower limit, ``around``
    between the limits, both included, ``over`` above). The value is shown
    with the fewest decimals (0, 1 or 2) at which the shown number lies in
    its band and reads as a limit only when it is one: 109.88 (``around``,
    limits 75 and 110) shows as ``109,9%``, not as ``110%``, 110.04 (``over``)
    as ``110,04%``; 97.4 as ``97%``.

    Parameters
    ----------
    value
        Provision in % of the norm (NaN: a dash).
    band
        Its band code (:data:`regio.labels.BAND_CODES`).
    bands
        The limits in % (lower, upper).
    lang
        ``"nl"`` or ``"en"`` (decimal separator).

    Returns
    -------
    str

    Examples
    --------
    >>> band_percent(109.88, "around", (75, 110)), band_percent(110.04, "over", (75, 110), "en")
    ('109,9%', '110.04%')
    >>> band_percent(97.4, "around", (75, 110)), band_percent(110.0, "around", (75, 110))
    ('97%', '110%')
    """
    if pd.isna(value):
        return "–"
    lo, hi = bands
    for decimals in (0, 1, 2):
        shown = round_half_up(float(value), decimals)
        at_limit = shown in (lo, hi) and float(value) not in (lo, hi)
        inside = {"under": shown < lo, "around": lo <= shown <= hi, "over": shown > hi}.get(str(band), True)
        if inside and not at_limit:
            break
    return f"{format_number(shown, decimals, lang)}%"


def _facts(tables: dict[int, pd.DataFrame], facts: dict[int, DensityFacts] | None) -> dict[int, DensityFacts]:
    """Return the facts per year: as given, else collected from bare tables of :func:`regio.density.analyse`."""
    if facts is None:
        return {year: density_facts(tab) for year, tab in tables.items()}
    missing = set(tables) - set(facts)
    if missing:
        raise InputError(f"No density facts for {sorted(missing)}.", key="maps.density.no_facts",
                         years=sorted(missing))
    return facts


def _tooltip_frame(tables: dict[int, pd.DataFrame], lang: str,
                   facts: dict[int, DensityFacts] | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    year = max(tables)
    tab = tables[year]
    fact = _facts(tables, facts)[year]
    f = lambda v, d=0: format_number(v, d, lang)  # noqa: E731
    d = RATE_DECIMALS  # the rate legends use the same decimals
    out = pd.DataFrame(index=tab.index)
    out["t_name"] = tab["statnaam"] if "statnaam" in tab else tab.index.to_series()
    out["t_count"] = tab["count"].map(f)
    out["t_pop"] = tab["population"].map(f)
    out["t_rate"] = [
        "–" if pd.isna(r) else f"{f(r, d)} ({f(lo, d)}–{f(hi, d)})"
        for r, lo, hi in zip(tab["rate_per_100k"], tab["lower_per_100k"], tab["upper_per_100k"], strict=True)
    ]
    reference = fact.reference
    if reference is not None:  # a single region with data has no rank and no comparison
        n = int(tab["rank"].notna().sum())
        out["t_rank"] = [("–" if pd.isna(r) else f"{int(r)} / {n}") for r in tab["rank"]]
        comparison = comparison_words(tab["comparison"], reference, lang).astype(object)
        out["t_comp"] = comparison.where(comparison.notna(), "–")
    out["t_eb"] = tab["eb_per_100k"].map(lambda v: f(v, d))
    if "eb_spatial_per_100k" in tab:
        out["t_ebs"] = tab["eb_spatial_per_100k"].map(lambda v: f(v, d))
    average = fact.norm_is_average
    if "band" in tab:
        out["t_prov"] = [band_percent(v, code, fact.bands, lang)
                         for v, code in zip(tab["provision_pct"], tab["band"], strict=True)]
        out["t_need"] = tab["needed"].map(lambda v: f(v, 0))
    several = len(tables) > 1
    pct = fmt_percent(fact.confidence, lang)  # the confidence level the intervals were computed with
    labels = {
        "t_name": t(lang, "Regio", "Region"),
        "t_count": t(lang, "Aantal", "Count") + (f" {year}" if several else ""),
        "t_pop": t(lang, "Inwoners", "Inhabitants") + (f" {year}" if several else ""),
        "t_rate": t(lang, f"Per 100.000 ({pct}-interval)", f"Per 100,000 ({pct} interval)")
                  + (f" {year}" if several else ""),
        "t_rank": t(lang, "Rang (hoogste = 1)", "Rank (highest = 1)"),
        "t_comp": t(lang, f"Vergelijking ({pct}-interval)", f"Comparison ({pct} interval)"),
        "t_eb": t(lang, "Gladgestreken (EB)", "Smoothed (EB)"),
        "t_ebs": t(lang, "Gladgestreken naar buren", "Smoothed towards neighbours"),
        "t_prov": (t(lang, "In % van landelijk gemiddelde", "In % of the national average") if average
                   else t(lang, "Voorzieningsgraad", "Provision level")),
        "t_need": (t(lang, "Verschil tot landelijk gemiddelde", "Short of the national average") if average
                   else t(lang, "Nodig tot de norm", "Needed to reach the norm")),
    }
    labels = {c: lbl for c, lbl in labels.items() if c in out}
    for other in sorted(tables, reverse=True)[1:]:
        col = f"t_rate_{other}"
        out[col] = tables[other]["rate_per_100k"].reindex(out.index).map(lambda v: f(v, d))
        labels[col] = t(lang, f"Per 100.000 in {other}", f"Per 100,000 in {other}")
    return out, labels


def institute_markers(institutes: gpd.GeoDataFrame | None, *, lang: str = "nl") -> list[Marker]:
    """Markers for the GP training institutes and their satellite locations.

    Parameters
    ----------
    institutes
        Points in any CRS with ``institute``, ``city``, ``site`` and ``kind``
        (``main``/``satellite``), as :func:`regio.sources.geodata.institutes`
        returns them; ``None`` for none.
    lang
        ``"nl"`` or ``"en"`` (popup texts).

    Returns
    -------
    list of regio.maps.core.Marker
        One per point, in WGS84; satellite locations drawn smaller.

    Examples
    --------
    >>> points = gpd.GeoDataFrame({"institute": ["Huisartsopleiding LUMC"], "city": ["Leiden"], "site": ["LUMC"],
    ...                            "kind": ["main"]},
    ...                           geometry=gpd.points_from_xy([93_600], [463_900]), crs="EPSG:28992")
    >>> (marker,) = institute_markers(points)
    >>> marker.label, round(marker.lat, 2), round(marker.lon, 2), marker.radius
    ('Huisartsopleiding LUMC', 52.16, 4.49, 7)
    >>> marker.popup
    '<b>Huisartsopleiding LUMC</b><br>Leiden<br><small>locatie op de kaart: LUMC (benadering)</small>'
    >>> institute_markers(None)
    []
    """
    if institutes is None or not len(institutes):
        return []
    pts = institutes.to_crs("EPSG:4326")
    markers = []
    for _, row in pts.iterrows():
        name = str(row.get("institute", ""))
        kind = str(row.get("kind", "main"))
        popup = f"<b>{html_text(name)}</b><br>{html_text(str(row.get('city', '')))}"
        site = row.get("site")
        if isinstance(site, str) and site:
            where = t(lang, "locatie op de kaart", "location on the map")
            popup += f"<br><small>{html_text(where)}: {html_text(site)} "
            popup += html_text(t(lang, "(benadering)", "(approximate)")) + "</small>"
        markers.append(Marker(lat=float(row.geometry.y), lon=float(row.geometry.x), label=name, popup=popup,
                              kind=kind, radius=7 if kind == "main" else 5, legend=INSTITUTES_LEGEND[lang]))
    return markers


def density_title(results: Sequence[DensityResult], lang: str = "nl") -> str:
    """Title of a density map or table: profession (and sector, when only one), level and years.

    Parameters
    ----------
    results
        :class:`regio.density.run.DensityResult` per year, oldest first; the
        last one gives profession, sector and level.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).

    >>> from regio.density.run import density_inputs, density_result
    >>> result = density_result(density_inputs("huisarts", level="provincie", year=2018))
    >>> density_title([result])
    'Huisartsen per 100.000 inwoners, per provincie, 2018'
    >>> density_title([result], "en")
    'General practitioners per 100,000 inhabitants, by province, 2018'

    Nivel's counts are named for what they are, working GPs:

    >>> nivel = density_result(density_inputs("huisarts", level="land", year=2012, with_shapes=False), spatial=False)
    >>> density_title([nivel], "en")
    'Working GPs (Nivel) per 100,000 inhabitants, the Netherlands, 2012'
    """
    inp = results[-1].inputs
    prof = profession_label(inp.profession, lang)
    if getattr(inp, "counts_source", "cbs") == "nivel":
        prof = label("counts.nivel", lang)
        prof = prof[0].upper() + prof[1:]
    if inp.sector:  # a part of the profession, never presented as the whole
        prof += t(lang, f" (alleen sector {inp.sector})", f" ({inp.sector} sector only)")
    lvl = get_level(inp.level).label(lang)
    years = ", ".join(str(r.inputs.year) for r in results)
    if inp.level == "land":  # one region, the country: "Nederland", not "per Nederland"
        return t(lang, f"{prof} per 100.000 inwoners, {lvl}, {years}",
                 f"{prof} per 100,000 inhabitants, {lvl}, {years}")
    return t(lang, f"{prof} per 100.000 inwoners, per {lvl}, {years}",
             f"{prof} per 100,000 inhabitants, by {lvl}, {years}")


def _titles(results: Sequence[DensityResult], lang: str) -> tuple[str, str, str]:
    title = density_title(results, lang)
    source = " | ".join(r.source for r in results)
    working = any(getattr(r.inputs, "counts_source", "cbs") == "nivel" for r in results)
    caveat_parts = [label("caveat.working" if working else "caveat", lang)]
    for r in results:
        pop_year, ref = r.inputs.population_year, r.inputs.reference_date
        if r.inputs.population_fallback and pd.notna(ref):
            nearest = r.inputs.nearest_population_year
            caveat_parts.append(t(lang, f"Aantallen van {ref.day}-{ref.month}-{ref.year} met de bevolking op "
                                        f"1-1-{pop_year}: er is geen bevolking voor 1-1-{nearest}.",
                                  f"Counts of {ref:%d %B %Y} with the population on 1 January {pop_year}: "
                                  f"there is no population for 1 January {nearest}."))
        elif pd.notna(ref) and pop_year != ref.year:
            caveat_parts.append(t(lang, f"Aantallen van {ref.day}-{ref.month}-{ref.year} met de bevolking op "
                                        f"1-1-{pop_year}.",
                                  f"Counts of {ref:%d %B %Y} with the population on 1 January {pop_year}."))
        if r.inputs.population_interpolated:
            caveat_parts.append(t(lang, f"Bevolking 1-1-{pop_year} geïnterpoleerd tussen twee jaren "
                                        "(er is geen tabel voor dat jaar).",
                                  f"Population 1 January {pop_year} interpolated between two years "
                                  "(there is no table for that year)."))
        unplaced = r.facts.unplaced_total
        if unplaced:
            caveat_parts.append(t(lang, f"{format_number(unplaced, 0, lang)} niet in te delen "
                                        f"({r.inputs.year}) staan niet op de kaart, wel in de tabel.",
                                  f"{format_number(unplaced, 0, lang)} not placed ({r.inputs.year}) "
                                  "are not on the map but are in the table."))
        no_data = r.facts.no_data
        if len(no_data):
            caveat_parts.append(t(lang, f"Geen aantal voor {len(no_data)} van de {len(r.table)} regio's "
                                        f"({r.inputs.year}): grijs, en de vergelijking is met de regio's met "
                                        "gegevens, niet met heel Nederland.",
                                  f"No count for {len(no_data)} of {len(r.table)} regions ({r.inputs.year}): "
                                  "grey, and the comparison is with the regions with data, not the whole "
                                  "country."))
    return title, source, " ".join(caveat_parts)


def density_map(
    results: Sequence[DensityResult],
    *,
    shapes: gpd.GeoDataFrame | None = None,
    scheme: str = "auto",
    k: int = 5,
    institutes: gpd.GeoDataFrame | None = None,
    lang: str = "nl",
    tiles: str | None = "default",
    **map_options,
) -> tuple[folium.Map, gpd.GeoDataFrame, list[Layer], tuple[str, str, str]]:
    """Draw one or more years of density results on one map.

    Parameters
    ----------
    results
        :class:`regio.density.run.DensityResult` per year, oldest first, all
        on the same regions (the last one's shapes are drawn).
    shapes
        Region shapes (default: those of the last result).
    scheme, k
        Class scheme of the rate layers (:data:`SCHEMES`).
    institutes
        Points of the training institutes for markers (optional).
    lang
        ``"nl"`` or ``"en"``.
    tiles
        Background map (:func:`regio.maps.core.resolve_tiles`; ``None`` for none).
    map_options
        Passed to :func:`regio.maps.core.region_map` (``tolerance``,
        ``precision``, ...).

    Returns
    -------
    tuple
        The map, the frame drawn (shapes + tooltip columns), the layers and
        ``(title, source, caveat)``.

    Raises
    ------
    regio.errors.InputError
        Without results or shapes, with two results of one year, or with
        years on different regions.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).

    >>> from regio.density.run import density_inputs, density_result
    >>> from regio.maps.core import map_html
    >>> result = density_result(density_inputs("huisarts", level="provincie", year=2018))
    >>> fmap, frame, layers, (title, source, caveat) = density_map([result], tiles=None)
    >>> len(frame), [lay.title for lay in layers]
    (12, ['Vergeleken met landelijk', 'T.o.v. landelijk gemiddelde', 'Per 100.000 inwoners', 'Gladgestreken (EB)',
          'Gladgestreken naar buren'])
    >>> f"<title>{title}</title>" in map_html(fmap, title=title)
    True
    >>> density_map([result, result])
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Each result must be of another year.
    """
    if not results:
        raise InputError("No density results to draw.", key="maps.density.no_results")
    shapes = shapes if shapes is not None else results[-1].inputs.shapes
    if shapes is None:
        raise InputError("No shapes to draw: gather the inputs with with_shapes=True.", key="maps.density.no_shapes")
    tables = {r.inputs.year: r.table for r in results}
    if len(tables) != len(results):
        raise InputError("Each result must be of another year.", key="maps.density.same_year")
    first = next(iter(tables.values())).index
    for year, tab in tables.items():
        if set(tab.index) != set(first):
            raise InputError(f"The regions of {year} differ from those of the other years: "
                             "carry the counts to one division first.", key="maps.density.other_regions", year=year)
    facts = {r.inputs.year: r.facts for r in results}
    tips, tooltip = _tooltip_frame(tables, lang, facts)
    regions = tips.index
    frame = gpd.GeoDataFrame(tips, geometry=shapes.geometry.reindex(regions), crs=shapes.crs)
    layers = density_layers(tables, facts=facts, scheme=scheme, k=k, lang=lang)
    title, source, caveat = _titles(results, lang)
    fmap = region_map(frame, layers, tooltip=tooltip, title=title, source=source, caveat=caveat,
                      markers=institute_markers(institutes, lang=lang), tiles=tiles, lang=lang, **map_options)
    return fmap, frame, layers, (title, source, caveat)
