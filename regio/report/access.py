"""Access outputs: the region and PC4 tables (CSV, Excel with notes), the maps (HTML, PNG) and the headline.

Shared by ``regio access`` and the atlas's first section
(:mod:`regio.report.sections.access`). The analysis tables hold numbers and
codes; the words (band labels, notes, the headline) are made here from
:mod:`regio.labels`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from regio.access.tables import national_total
from regio.labels import LABELS, band_words, column_label, label
from regio.maps.core import format_number, map_html
from regio.report.export import write_html, write_image, write_table
from regio.report.outputs import output_file, safe_stem
from regio.text import round_up, source_text, t

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from regio.access.run import AccessResult

__all__ = ["PC4_COLUMNS", "REGION_COLUMNS", "SIZE_BUDGETS", "access_notes", "access_stem", "export_pc4",
           "export_regions", "headline", "terminal_table", "write_access"]

#: Columns of the region table as written, in this order (those the table has).
REGION_COLUMNS = ["statnaam", "population", "practices", "practices_per_10k", "access_per_10k", "provision_pct",
                  "band", "band_label", "needed", "expected", "effective", "need", "demand", "supply",
                  "pc4_population", "norm_per_10k", "share_far", "far_population", "age_65plus_share",
                  "huisartsenpraktijk_afstand_km", "huisartsenpraktijk_binnen_1km", "huisartsenpraktijk_binnen_3km",
                  "huisartsenpraktijk_binnen_5km", "huisartsenpost_afstand_km", "apotheek_afstand_km",
                  "ziekenhuis_afstand_km", "proximity_year", "gps", "gps_per_100k", "gps_lower_per_100k",
                  "gps_upper_per_100k", "gps_comparison"]
#: Columns of the PC4 table as written.
PC4_COLUMNS = ["gemeente", "x", "y", "population", "need", "demand", "practices", "supply", "access_per_10k",
               "effective", "nearest_km", "far", "provision_pct", "band", "band_label", "needed"]
#: Largest HTML size per level in bytes (the PC4 map stays under 2 MB).
SIZE_BUDGETS = {"pc4": 2_000_000, "default": 400_000}

def access_stem(result: AccessResult, level: str | None = None) -> str:
    """File name without suffix: ``access_<level>_<year>``.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    level
        Another level's stem (``"pc4"`` for the PC4 table).

    Returns
    -------
    str
    """
    return safe_stem(f"access_{level or result.facts.level}_{result.facts.spec.year}")


def _with_words(table: pd.DataFrame, result: AccessResult, lang: str) -> pd.DataFrame:
    out = table.copy()
    words = band_words(out["band"], norm_is_average=result.facts.norm_is_average, lang=lang)
    out.insert(out.columns.get_loc("band") + 1, "band_label", words.astype(object))
    out["band"] = out["band"].astype(object)
    return out


def export_regions(result: AccessResult, lang: str = "nl") -> pd.DataFrame:
    """Return the region table as written: the regions (``kind`` ``region``) and the national total row.

    The total row sums the counts (practices, needed, expected, effective,
    need, population) and takes the ratios of the sums, so each total can be
    checked against the regions above it.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    lang
        Language of ``band_label``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode``.
    """
    regions = _with_words(result.regions, result, lang)
    regions = regions[[c for c in REGION_COLUMNS if c in regions]]
    total = national_total(regions, norm_per_10k=result.facts.norm_per_10k)
    total["statnaam"] = t(lang, "Nederland", "Netherlands")
    frame = pd.concat([regions.assign(kind="region"),
                       pd.DataFrame([{**total, "kind": "total"}], index=pd.Index(["NL01"], name="statcode"))])
    frame.index.name = "statcode"
    return frame[["kind", *regions.columns]]


def export_pc4(result: AccessResult, lang: str = "nl") -> pd.DataFrame:
    """Return the PC4 table as written: one row per PC4 area, with the point it was computed at.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    lang
        Language of ``band_label``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``pc4``: :data:`PC4_COLUMNS`.
    """
    pc4 = _with_words(result.pc4, result, lang)
    out = pc4[[c for c in PC4_COLUMNS if c in pc4]].copy()
    out.index.name = "pc4"
    return out


def access_notes(result: AccessResult, lang: str = "nl") -> list[str]:
    """Return the method and sources, one line each, for the notes beside the tables.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of str
    """
    f = result.facts
    spec = f.spec
    km = format_number(spec.catchment_km, 1, lang)
    decay = {"gaussian": t(lang, "Gaussisch (1 op afstand 0, 0 aan de rand; Dai 2010)",
                           "Gaussian (1 at distance 0, 0 at the edge; Dai 2010)"),
             "none": t(lang, "geen (klassieke 2SFCA)", "none (classic 2SFCA)")}[spec.decay]
    supply = {"practices": t(lang, "huisartsenpraktijken", "GP practices"),
              "gps": t(lang, "huisartsen uit de opgegeven praktijklijst", "GPs from the given practice list"),
              "fte": t(lang, "fte uit de opgegeven praktijklijst", "FTE from the given practice list")}[spec.supply]
    demand = (t(lang, "inwoners gewogen naar huisartscontacten per leeftijd (Nivel 2017)",
                "inhabitants weighted by GP contacts per age (Nivel 2017)") if spec.need
              else t(lang, "inwoners", "inhabitants"))
    lo, hi = spec.bands
    norm = format_number(f.norm_per_10k, 3, lang)
    lines = [
        label("access.note.method", lang, km=km, decay=decay, supply=supply, demand=demand),
        t(lang, "Bereikbaar per 10.000: per PC4-gebied de som van aanbod/vraag binnen bereik; per regio het "
                "vraaggewogen gemiddelde over haar PC4-gebieden (elk PC4-gebied in de gemeente met het grootste deel "
                "van zijn oppervlak).",
          "Within reach per 10,000: per PC4 area the sum of supply/demand within reach; per region the "
          "demand-weighted mean over its PC4 areas (each PC4 area in the municipality with most of its area)."),
        t(lang, f"Voorziening = effectief aanbod (bereikbaar × vraag) / verwacht (zorgbehoefte × {norm} per 10.000) "
                f"× 100; klassen < {lo:g}%, {lo:g}–{hi:g}%, > {hi:g}%; 'nodig' = max(0, verwacht − effectief). "
                "Zorgbehoefte: inwoners per 5-jaarsklasse (PC4, 2021) gewogen naar huisartscontacten per leeftijd "
                "(Nivel 2017). Elk onderdeel staat als kolom in de tabel.",
          f"Provision = effective supply (within reach × demand) / expected (need × {norm} per 10,000) × 100; "
          f"bands < {lo:g}%, {lo:g}–{hi:g}%, > {hi:g}%; 'needed' = max(0, expected − effective). Need: "
          "inhabitants per 5-year band (PC4, 2021) weighted by GP contacts per age (Nivel 2017). Every component "
          "is a column of the table."),
        (t(lang, f"De norm is het landelijke niveau ({norm} per 10.000 leeftijdgewogen inwoners): een gemiddelde, "
                 "geen vastgestelde norm; het land als geheel staat op 100%.",
           f"The norm is the national level ({norm} per 10,000 age-weighted inhabitants): an average, not an "
           "agreed norm; the country as a whole is at 100%.") if f.norm_is_average
         else t(lang, f"Norm: {norm} per 10.000 leeftijdgewogen inwoners (opgegeven).",
                f"Norm: {norm} per 10,000 age-weighted inhabitants (given).")),
        t(lang, f"Afstandscriterium: aandeel inwoners van wie het dichtstbijzijnde PC4-punt met een praktijk "
                f"verder dan {format_number(spec.far_km, 1, lang)} km hemelsbreed ligt "
                f"({column_label('share_far', lang)} [share_far]).",
          f"Distance criterion: share of inhabitants whose nearest PC4 point with a practice is farther than "
          f"{format_number(spec.far_km, 1, lang)} km in a straight line ({column_label('share_far', lang)} "
          "[share_far])."),
        label("access.caveat", lang),
    ]
    if f.supply_reached < f.supply_total - 1e-9:
        lost = format_number(f.supply_total - f.supply_reached, 1, lang)
        lines.append(t(lang, f"{lost} van het aanbod heeft niemand "
                             "binnen bereik en telt in geen enkele regio mee.",
                       f"{lost} of the supply has no one within "
                       "reach and counts in no region."))
    if f.suppressed:
        lines.append(t(lang, f"PC4-gebieden waarvan CBS de aantallen onderdrukte (als 0 inwoners geteld): "
                             f"{', '.join(f.suppressed)}.",
                       f"PC4 areas whose counts CBS suppressed (counted as 0 inhabitants): {', '.join(f.suppressed)}."))
    if f.unplaced:
        lines.append(t(lang, f"PC4-gebieden zonder polygoon (niet meegenomen): {', '.join(f.unplaced)}.",
                       f"PC4 areas without a polygon (left out): {', '.join(f.unplaced)}."))
    src = f.sources
    parts = [f"{label(f'access.source_of.{what}', lang) if f'access.source_of.{what}' in LABELS else what}: "
             f"{source_text(text, lang)}" for what, text in src.items() if text]
    lines.append(label("access.note.sources", lang, sources="; ".join(parts)))
    if f.derived:
        lines.append(t(lang, "De praktijktelling is afgeleid (DERIVED_): door ons geteld uit een vermelding van "
                             "ZorgkaartNederland, geen register (Nivel telde 4.837 praktijken op 1-1-2024).",
                       "The practice count is derived (DERIVED_): counted by us from a ZorgkaartNederland listing, "
                       "not a register (Nivel counted 4,837 practices on 1 January 2024)."))
    if f.proximity_year is not None:
        lines.append(t(lang, f"CBS-nabijheidskolommen (huisartsenpraktijk_…, huisartsenpost_…, apotheek_…, "
                             f"ziekenhuis_…) zijn van {f.proximity_year}: gemiddelde afstand over de weg per inwoner "
                             "en het gemiddelde aantal praktijken binnen 1, 3 en 5 km; boven de gemeente "
                             "inwonergewogen gemiddelden.",
                       f"CBS proximity columns (huisartsenpraktijk_…, huisartsenpost_…, apotheek_…, ziekenhuis_…) "
                       f"are of {f.proximity_year}: mean road distance per inhabitant and the mean number of practices "
                       "within 1, 3 and 5 km; above the municipality population-weighted means."))
    return lines


def headline(result: AccessResult, lang: str = "nl", n: int = 3) -> str:
    """One sentence that answers "where is GP care scarcest?", with names and numbers.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    lang
        ``"nl"`` or ``"en"``.
    n
        How many of the lowest regions to name.

    Returns
    -------
    str
        E.g. ``Laagste voorziening naar zorgbehoefte: Rozendaal (31%), …; 65 van de 342 gemeenten onder 75%
        van landelijk; samen 369 praktijken tekort tot landelijk niveau (praktijken, geen huisartsen;
        afgeleide telling: een schatting).``
    """
    t_ = result.regions.dropna(subset=["provision_pct"]).sort_values("provision_pct")
    names = ", ".join(f"{row.statnaam} ({format_number(row.provision_pct, 0, lang)}%)"
                      for row in t_.head(n).itertuples())
    under = int((t_["band"] == "under").sum())
    lo = result.facts.spec.bands[0]
    needed = format_number(round_up(result.facts.needed_total), 0, lang)  # rounded up, as the table and Excel
    level = result.facts.level
    key = f"access.regions.{level}"
    regions = label(key, lang) if key in LABELS else label("access.regions.other", lang, level=level)
    what = (t(lang, " (praktijken, geen huisartsen; afgeleide telling: een schatting)",
              " (practices, not GPs; a derived count: an estimate)") if result.facts.derived
            else t(lang, " (een schatting)", " (an estimate)"))
    return t(lang, f"Laagste voorziening naar zorgbehoefte: {names}; {under} van de {len(t_)} {regions} "
                   f"onder {lo:g}% van landelijk; samen {needed} praktijken tekort tot landelijk niveau{what}.",
             f"Lowest provision for need: {names}; {under} of {len(t_)} {regions} below {lo:g}% of "
             f"national; together {needed} practices short of the national level{what}.")


def terminal_table(result: AccessResult, lang: str = "nl", n: int = 15) -> pd.DataFrame:
    """Return the regions with the lowest provision first, as the terminal shows them.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    lang
        ``"nl"`` or ``"en"``.
    n
        How many rows.

    Returns
    -------
    pandas.DataFrame
        Indexed by rank (1 = lowest provision): name, practices, provision %,
        band (words), practices needed and the CBS distance where there is one;
        columns by their codes (the terminal heads them with their labels in ``lang``).
    """
    t_ = result.regions.sort_values("provision_pct").head(n)
    cols = ["statnaam", "practices", "provision_pct", "band", "needed", "huisartsenpraktijk_afstand_km"]
    out = t_[[c for c in cols if c in t_]].copy()
    out["band"] = band_words(out["band"], norm_is_average=result.facts.norm_is_average, lang=lang)
    out = out.round({"provision_pct": 1, "needed": 1})
    out = out.reset_index(drop=True)  # the name says which region; the code is in the table file
    out.index = out.index + 1  # rank, lowest provision first
    return out


def write_access(
    result: AccessResult,
    out: str | Path,
    *,
    shapes: gpd.GeoDataFrame,
    pc4_shapes: gpd.GeoDataFrame | None = None,
    institutes: gpd.GeoDataFrame | None = None,
    lang: str = "nl",
    html_map: bool = True,
    png: bool = True,
    tiles: str | None = "default",
) -> dict[str, Path | list[Path]]:
    """Write the region and PC4 tables, the region map (HTML, PNG) and the PC4 map.

    Parameters
    ----------
    result
        From :func:`regio.access.run_access`.
    out
        Output folder.
    shapes
        Polygons of the result's regions (EPSG:28992).
    pc4_shapes
        PC4 polygons for the PC4 map (none: no PC4 map).
    institutes
        Training institute points, drawn as markers.
    lang
        ``"nl"`` or ``"en"``.
    html_map, png
        Which map files to write.
    tiles
        Background tiles of the HTML maps.

    Returns
    -------
    dict
        ``html``, ``png``, ``pc4_html`` (paths, when written) and ``tables``
        (the region table's CSV, notes and Excel, then the PC4 table's CSV and notes).

    Raises
    ------
    regio.errors.RegioError
        If a map's HTML is over its size budget (:data:`SIZE_BUDGETS`).
    """
    from dataclasses import replace

    from regio.errors import RegioError
    from regio.maps.access import access_layers, access_map, access_texts
    from regio.maps.static import static_map

    out = Path(out)
    stem = access_stem(result)
    notes = access_notes(result, lang)
    title, source, caveat = access_texts(result, lang)
    written: dict[str, Path | list[Path]] = {}

    def budget(path: Path, level: str) -> Path:
        size, limit = path.stat().st_size, SIZE_BUDGETS.get(level, SIZE_BUDGETS["default"])
        if size > limit:
            raise RegioError(f"{path.name} is {size:,} bytes, over its budget of {limit:,} for level {level}.",
                             key="report.access.over_budget", name=path.name, size=size, limit=limit, level=level)
        return path

    if html_map:
        fmap, *_ = access_map(result, shapes, institutes=institutes, lang=lang, tiles=tiles)
        written["html"] = budget(write_html(map_html(fmap, title=title), output_file(out, stem, ".html")),
                                 result.facts.level)
    if png:
        layer = access_layers(result, lang=lang)[0]
        frame = shapes.loc[shapes.index.intersection(result.regions.index)]
        points = institutes.to_crs(frame.crs) if institutes is not None and len(institutes) else None
        written["png"] = write_image(static_map(frame, layer, title=title, source=source, caveat=caveat,
                                                points=points, points_label=label("access.institutes", lang)),
                                     output_file(out, stem, ".png"))
    if html_map and pc4_shapes is not None and result.facts.level != "pc4":
        as_pc4 = replace(result, regions=result.pc4, facts=replace(result.facts, level="pc4", proximity_year=None))
        fmap, *_ = access_map(as_pc4, pc4_shapes, institutes=institutes, lang=lang, tiles=tiles, tolerance=150.0)
        pc4_title = access_texts(as_pc4, lang)[0]
        written["pc4_html"] = budget(write_html(map_html(fmap, title=pc4_title),
                                                output_file(out, access_stem(result, "pc4"), ".html")), "pc4")
    tables = write_table(export_regions(result, lang), output_file(out, stem), sheet=str(result.facts.spec.year),
                         notes=[title, source, *notes], lang=lang)
    if result.facts.level != "pc4":
        # 4,000 rows of points for machines: CSV (with its notes) only; an Excel of it took 3 s and helped no one
        tables += write_table(export_pc4(result, lang), output_file(out, access_stem(result, "pc4")),
                              formats=("csv",), sheet="pc4", notes=[title, source, *notes], lang=lang)
    written["tables"] = tables
    return written

