"""Atlas section: physicians per 100,000 inhabitants, for every profession, level and year the data allows.

A map is made for each profession and year whose counts cover every region of
their level (in a sector total, not a single sector such as the UMCs); partial
extracts are named in the description instead of being drawn as mostly empty
maps. With the project's data this is the GP density per province in 2018
(CBS 84777NED, counted on 21 December 2018), on the population of 1 January
2019 (CBS 37259eng).
"""

from __future__ import annotations

import logging

import pandas as pd

from regio import data
from regio.density import choose_sector
from regio.density.run import density_inputs, density_result
from regio.errors import DataNotFoundError, InputError, RegioError, UnknownLevelError
from regio.labels import label as catalogue_label
from regio.levels import get_level
from regio.maps.core import format_number
from regio.maps.density import SIZE_BUDGETS, density_title, profession_label
from regio.report.density import density_stem, write_density
from regio.report.items import AtlasContext, AtlasItem, SectionPage, section_title, table_items
from regio.text import t

__all__ = ["build", "candidates"]

log = logging.getLogger(__name__)


def candidates(physicians: pd.DataFrame, *, lang: str = "nl") -> tuple[list[tuple[str, int, str]], list[str]]:
    """Split the (profession, year, level) combinations of a physician table into drawable and partial.

    Drawable: counts for regions of one level in the sector total (or without
    sector; the sector is chosen by :func:`regio.density.choose_sector`, as
    for tables), more than one region. Rows without a region code are not
    regions.

    Parameters
    ----------
    physicians
        A tidy physician table (:func:`regio.physicians`): ``profession``,
        ``year``, ``level``, ``kind``, ``statcode`` and optionally ``sector``.
    lang
        Language of the sentences, ``"nl"`` or ``"en"``.

    Returns
    -------
    tuple of list
        The drawable ``(profession, year, level)`` combinations, and a
        sentence for each one left out (in ``lang``), naming the profession
        by its label (:func:`regio.maps.density.profession_label`), the year
        and the level, and saying why it is not mapped.

    Examples
    --------
    >>> phys = pd.DataFrame({"profession": ["huisarts"] * 3 + ["big_totaal"],
    ...                      "year": [2018] * 3 + [2023], "level": ["provincie"] * 3 + ["provincie"],
    ...                      "kind": ["region"] * 4, "statcode": ["PV20", "PV21", "PV22", "PV20"],
    ...                      "sector": ["Totaal", "Totaal", "Totaal", "Universitair medische centra"]})
    >>> candidates(phys, lang="en")  # doctest: +NORMALIZE_WHITESPACE
    ([('huisarts', 2018, 'provincie')], ['BIG-registered professionals 2023 by province: only the sector
      Universitair medische centra is counted, no total over all sectors'])
    >>> candidates(phys)[1]  # doctest: +NORMALIZE_WHITESPACE
    ['BIG-geregistreerden 2023 per provincie: alleen de sector Universitair medische centra is geteld, geen
      totaal over alle sectoren']
    """
    drawable, left_out = [], []
    for (prof, year), group in physicians.groupby(["profession", "year"], sort=True):
        regions = group[(group["kind"] == "region") & group["level"].notna()]
        try:
            choice = choose_sector(regions)
        except InputError as exc:
            left_out.append(f"{_subject(prof, int(year), None, lang)}: {exc}")
            continue
        for level, rows in choice.rows.groupby("level", sort=True):
            label = _subject(prof, int(year), level, lang)
            n = rows["statcode"].nunique()
            if not choice.is_total:
                left_out.append(t(lang, f"{label}: alleen de sector {choice.sector} is geteld, geen totaal over "
                                        "alle sectoren",
                                  f"{label}: only the sector {choice.sector} is counted, no total over all sectors"))
            elif n < 2:
                regio_nl, regio_en = ("regio", "region") if n == 1 else ("regio's", "regions")
                left_out.append(t(lang, f"{label}: een aantal voor maar {n} {regio_nl}",
                                  f"{label}: a count for only {n} {regio_en}"))
            else:
                drawable.append((str(prof), int(year), str(level)))
    return drawable, left_out


def _subject(profession: str, year: int, level: str | None, lang: str) -> str:
    """``Huisartsen 2018 per provincie``: what a set of counts is, in words (no internal profession code)."""
    text = f"{profession_label(str(profession), lang)} {year}"
    if level is None:
        return text
    try:
        name = get_level(level).label(lang)
    except UnknownLevelError:
        name = str(level)
    return text + t(lang, f" per {name}", f" by {name}")


def build(ctx: AtlasContext) -> SectionPage:
    """Write density maps (HTML, PNG) and tables (CSV, Excel) for every complete set of counts.

    Combinations that :func:`candidates` leaves out, or whose counts cover
    half the regions or fewer, are named in the first map's description.

    Parameters
    ----------
    ctx
        Where to write, the data directory and the language;
        ``ctx.options["density"]`` may set ``scheme`` (default
        ``"auto"``) and ``k`` (classes, default 5).

    Returns
    -------
    SectionPage
        The headline (the regions with the lowest density of the first map, with their numbers and the
        national rate) and five files per map: the map, its PNG, and the table as CSV and Excel with its notes.

    Raises
    ------
    DataNotFoundError
        If no counts cover the regions of a level.
    RegioError
        If a map's HTML is over its size budget (:data:`regio.maps.density.SIZE_BUDGETS`).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()), lang="en", progress=False)
    >>> page = build(ctx)
    >>> items = page.items
    >>> [item.path for item in items if item.kind == "map"]
    ['density_huisarts_provincie_2018.html']
    >>> items[0].description
    'National 70.7 per 100,000; lowest Flevoland (34.8). Source: CBS 84777NED ...'
    """
    lang = ctx.lang
    opts = ctx.options.get("density", {})
    physicians = data.physicians(data_dir=ctx.data_dir)
    drawable, left_out = candidates(physicians, lang=lang)
    institutes = data.institutes()
    items: list[AtlasItem] = []
    headline = ""
    for prof, year, level in drawable:
        try:
            inputs = density_inputs(prof, level=level, year=year, lang=lang, data_dir=ctx.data_dir)
        except (InputError, DataNotFoundError) as exc:
            left_out.append(f"{_subject(prof, year, level, lang)}: {exc.message(lang)}")
            continue
        have = inputs.placed.counts.dropna().index  # a region missing part of its count is no data
        missing = inputs.population.index.difference(have)
        if len(missing) > len(inputs.population) / 2:
            label = _subject(prof, year, level, lang)
            left_out.append(t(lang, f"{label}: aantallen voor maar {len(have)} van de {len(inputs.population)} "
                                    "regio's",
                              f"{label}: counts for only {len(have)} of {len(inputs.population)} regions"))
            continue
        result = density_result(inputs, lang=lang)
        stem = density_stem([result])
        written = write_density([result], ctx.out, stem, institutes=institutes, lang=lang,
                                scheme=opts.get("scheme", "auto"), k=opts.get("k", 5))
        size = written["html"].stat().st_size
        budget = SIZE_BUDGETS.get(level, SIZE_BUDGETS["default"])
        if size > budget:
            raise RegioError(f"{written['html'].name} is {size:,} bytes, over its budget of {budget:,} "
                             f"for level {level}; raise the simplification tolerance.",
                             key="report.density.over_budget", name=written["html"].name, size=size, limit=budget,
                             level=level)
        table = result.table
        title = density_title([result], lang)
        national = format_number(result.facts.national_per_100k, 1, lang)
        lowest = table.sort_values("rate_per_100k").iloc[0]
        name, low = lowest.get("statnaam", lowest.name), format_number(lowest["rate_per_100k"], 1, lang)
        if result.facts.reference == "national":
            desc = t(lang, f"Landelijk {national} per 100.000; laagst {name} ({low}). {result.source}.",
                     f"National {national} per 100,000; lowest {name} ({low}). {result.source}.")
        else:  # some regions without a count: not a national figure
            desc = t(lang, f"Gemiddelde van de regio's met gegevens {national} per 100.000; laagst {name} ({low}). "
                           f"{result.source}.",
                     f"Mean of the regions with data {national} per 100,000; lowest {name} ({low}). "
                     f"{result.source}.")
        if not headline:  # the first map answers "where is provision lowest", with the numbers
            regions = table[table["kind"] == "region"] if "kind" in table.columns else table
            low3 = regions.sort_values("rate_per_100k").head(3)
            named = [f"{r.get('statnaam', i)} ({format_number(r['rate_per_100k'], 1, lang)})"
                     for i, r in low3.iterrows()]
            listed = (", ".join(named[:-1]) + t(lang, " en ", " and ") + named[-1]) if len(named) > 1 else named[0]
            ref_words = t(lang, "landelijk", "national") if result.facts.reference == "national" else t(
                lang, "gemiddelde van de regio's met gegevens", "mean of the regions with data")
            what = _subject(prof, year, level, lang)
            headline = t(lang, f"{what}: de laagste dichtheid hebben {listed} per 100.000 inwoners ({ref_words} "
                               f"{national}).",
                         f"{what}: the lowest densities are {listed} per 100,000 inhabitants ({ref_words} "
                         f"{national}).")
        pop_year, ref = inputs.population_year, inputs.reference_date
        if inputs.population_fallback and pd.notna(ref):
            nearest = inputs.nearest_population_year
            desc += t(lang, f" Aantallen van {ref.day}-{ref.month}-{ref.year}, bevolking op 1-1-{pop_year} "
                            f"(er is geen bevolking voor 1-1-{nearest}).",
                      f" Counts of {ref:%d %B %Y}, population on 1 January {pop_year} (there is none for "
                      f"1 January {nearest}).")
        elif pd.notna(ref) and pop_year != ref.year:
            desc += t(lang, f" Aantallen van {ref.day}-{ref.month}-{ref.year}, bevolking op 1-1-{pop_year}.",
                      f" Counts of {ref:%d %B %Y}, population on 1 January {pop_year}.")
        if inputs.population_interpolated:
            desc += t(lang, f" Bevolking 1-1-{pop_year} geïnterpoleerd.",
                      f" Population 1 January {pop_year} interpolated.")
        items += [
            AtlasItem("density", title, f"{stem}.html", "map", desc),
            AtlasItem("density", title + " (PNG)", f"{stem}.png", "image", ""),
            *table_items("density", title, written["tables"], ctx.out, lang=lang,
                         description=t(lang, "Met totalen, niet in te delen en noten.",
                                       "With totals, unplaced and notes.")),
        ]
    if not items:
        raise DataNotFoundError("No physician counts that cover the regions of a level: "
                                + ("; ".join(left_out) or "none found") + ".",
                                key="report.density.no_counts" if left_out else "report.density.no_counts_at_all",
                                left_out="; ".join(left_out))
    if left_out:
        note = (t(lang, "Andere tellingen, niet als kaart omdat ze onvolledig zijn: ",
                  "Other counts, not mapped because they are incomplete: ") + "; ".join(left_out) + ".")
        first = items[0]
        items[0] = AtlasItem(first.section, first.title, first.path, first.kind, f"{first.description} {note}")
    return SectionPage("density", section_title("density", lang), f"{headline} {catalogue_label('caveat', lang)}",
                       tuple(items))
