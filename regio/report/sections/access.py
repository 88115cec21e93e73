"""Atlas section, the first: "Waar is de huisartsenzorg het krapst?" — access to GP practices and provision for need.

The municipal map opens on the provision band (practices within reach against
the national level for the inhabitants' age-weighted need), with the PC4 map,
the PNG and the region and PC4 tables. Its description on the index page is
the headline: the municipalities with the lowest provision, named, with their
numbers.
"""

from __future__ import annotations

import warnings

from regio import data
from regio.access import AccessSpec, run_access
from regio.errors import RegioWarning
from regio.maps.access import access_texts
from regio.report.access import access_stem, headline, write_access
from regio.report.items import AtlasContext, AtlasItem, SectionPage, section_title, table_items
from regio.text import t

__all__ = ["build"]


def build(ctx: AtlasContext) -> SectionPage:
    """Write the access maps (municipal HTML and PNG, PC4 HTML) and tables (CSV, Excel with notes).

    Parameters
    ----------
    ctx
        Where to write, the data directory and the language;
        ``ctx.options["access"]`` may hold :class:`regio.access.AccessSpec`
        fields (``catchment_km``, ``decay``, ...).

    Returns
    -------
    SectionPage
        The headline (the municipalities with the lowest provision, with their numbers) and the files: the
        municipal map first, its PNG, the PC4 map, then the tables.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()), lang="en", progress=False)
    >>> page = build(ctx)
    >>> items = page.items
    >>> [item.path for item in items if item.kind == "map"]
    ['access_gemeente_2024.html', 'access_pc4_2024.html']
    >>> items[0].description
    'Lowest provision for need: Rozendaal (31%), Etten-Leur (39%), Boekel (41%); ...'
    """
    lang = ctx.lang
    spec = AccessSpec(**ctx.options.get("access", {}))
    result = run_access(spec, data_dir=ctx.data_dir)
    with warnings.catch_warnings():  # PC4 areas without a polygon: the notes name them
        warnings.simplefilter("ignore", RegioWarning)
        shapes = data.boundaries(result.facts.level, spec.year, dissolve=result.facts.level != "pc4",
                                 data_dir=ctx.data_dir)
        pc4_shapes = data.boundaries("pc4", data.nearest_boundary_year("pc4", spec.year, data_dir=ctx.data_dir),
                                     data_dir=ctx.data_dir)
    written = write_access(result, ctx.out, shapes=shapes, pc4_shapes=pc4_shapes, institutes=data.institutes(),
                           lang=lang)
    title, source, _ = access_texts(result, lang)
    pc4_title = t(lang, f"Bereikbaarheid van huisartsenpraktijken per PC4-gebied ({spec.year})",
                  f"Access to GP practices per PC4 area ({spec.year})")
    stem, pc4_stem = access_stem(result), access_stem(result, "pc4")
    tables = written["tables"]
    region_tables = [p for p in tables if p.name.startswith(stem + ".")]
    pc4_tables = [p for p in tables if p.name.startswith(pc4_stem + ".")]
    items = (
        AtlasItem("access", title, f"{stem}.html", "map", f"{headline(result, lang)} {source}."),
        AtlasItem("access", title + " (PNG)", f"{stem}.png", "image", ""),
        AtlasItem("access", pc4_title, f"{pc4_stem}.html", "map",
                  t(lang, "Dezelfde maat per PC4-gebied (punt: het representatieve punt van het gebied).",
                    "The same measure per PC4 area (point: the area's representative point).")),
        *table_items("access", title, region_tables, ctx.out, lang=lang,
                     description=t(lang, "Elk onderdeel van de voorziening als kolom, met de CBS-nabijheid en een "
                                         "totaalrij.",
                                   "Every component of the provision as a column, with the CBS proximity and a "
                                   "total row.")),
        *table_items("access", pc4_title, pc4_tables, ctx.out, lang=lang,
                     description=t(lang, "Per PC4-gebied: punt (x, y in EPSG:28992), inwoners, praktijken, "
                                         "bereikbaarheid.",
                                   "Per PC4 area: point (x, y in EPSG:28992), inhabitants, practices, access.")),
    )
    return SectionPage("access", section_title("access", lang), headline(result, lang), items)
