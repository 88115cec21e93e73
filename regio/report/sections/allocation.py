"""Atlas section: the GP training advice (1,026 a year from 2027) split over provinces and institute areas.

Three maps with their audit tables, newest municipal population year:

* over the 12 provinces by inhabitants;
* over the 12 provinces by need (inhabitants weighted by GP contacts per age
  band), with the difference to the split by inhabitants;
* over the areas of the 8 GP training institutes by need.
"""

from __future__ import annotations

from regio.allocation.run import AllocationSpec, run_allocation
from regio.maps.core import format_number
from regio.report.allocation import allocation_stem, texts, write_audit_table, write_maps
from regio.report.items import AtlasContext, AtlasItem, table_items
from regio.report.sections.population import newest_year

__all__ = ["FIGURE", "build"]

#: The national figure the atlas splits (geodata/national_figures.csv).
FIGURE = "gp_trainees_2027"


def _items(ctx: AtlasContext, res, desc: str, current_label: str | None = None) -> list[AtlasItem]:
    stem = allocation_stem(res)
    write_maps(res, ctx.out, stem=stem, lang=ctx.lang, current_label=current_label)
    title, source, caveat = texts(res, ctx.lang)
    tables = write_audit_table(res, ctx.path(stem), notes=[title, source, caveat, *res.notes], lang=ctx.lang)
    table = "Rekentabel" if ctx.lang == "nl" else "Audit table"
    return [
        AtlasItem("allocation", title, f"{stem}.html", "map", f"{desc} {caveat} {source}"),
        AtlasItem("allocation", title + " (PNG)", f"{stem}.png", "image", ""),
        *table_items("allocation", table, tables, ctx.out, lang=ctx.lang),
    ]


def build(ctx: AtlasContext) -> list[AtlasItem]:
    """Write the allocation maps (HTML + PNG) and audit tables (CSV + Excel).

    Three allocations of the national figure (:data:`FIGURE`) with
    :func:`regio.allocation.run.run_allocation`: over the provinces by
    inhabitants, over the provinces by need (with the difference to the first)
    and over the institute areas by need. No example: building it takes
    several seconds (see ``regio atlas --section allocation``).

    Parameters
    ----------
    ctx
        Where to write, the data directory and the language;
        ``ctx.options["allocation"]`` may set ``figure`` (a name of
        ``geodata/national_figures.csv``) and ``year`` (default: the newest
        year with municipal population and boundaries).

    Returns
    -------
    list of AtlasItem
        Five per allocation (map, PNG, CSV, Excel, notes): fifteen in all.

    Raises
    ------
    DataNotFoundError, UnknownYearError
        If the data directory lacks the year's population, boundaries or
        the need key's tables; other errors as
        :func:`regio.allocation.run.run_allocation`.
    """
    opts = ctx.options.get("allocation", {})
    figure = opts.get("figure", FIGURE)
    year = opts.get("year") or newest_year(ctx.data_dir, said=ctx.said)
    nl = ctx.lang == "nl"
    f = lambda v, d=0: format_number(v, d, ctx.lang)  # noqa: E731
    items: list[AtlasItem] = []

    pop = run_allocation(AllocationSpec(figure=figure, level="provincie", year=year, key="population"),
                         data_dir=ctx.data_dir, lang=ctx.lang)
    t = pop.table
    hi, lo = t["allocated"].idxmax(), t["allocated"].idxmin()
    low = f"{f(t.at[lo, 'allocated'])} ({t.at[lo, 'statnaam']})"
    high = f"{f(t.at[hi, 'allocated'])} ({t.at[hi, 'statnaam']})"
    desc = (f"{f(pop.total)} over 12 provincies naar inwoners: van {low} tot {high}; elke provincie binnen 1 van "
            "haar quotum." if nl else
            f"{f(pop.total)} over 12 provinces by inhabitants: from {low} to {high}; each province within 1 of its "
            "quota.")
    items += _items(ctx, pop, desc)

    label = "de verdeling naar inwoners" if nl else "the split by inhabitants"
    need = run_allocation(AllocationSpec(figure=figure, level="provincie", year=year, key="need",
                                         current=pop.table["allocated"], current_label=label),
                          data_dir=ctx.data_dir, lang=ctx.lang)
    d = need.table["difference"]
    up, down = d.idxmax(), d.idxmin()
    gain = f"{need.table.at[up, 'statnaam']} {int(d[up]):+d}"
    loss = f"{need.table.at[down, 'statnaam']} {int(d[down]):+d}"
    desc = (f"Naar zorgbehoefte (inwoners × relatief huisartsgebruik per leeftijdsgroep, Nivel 2017): {gain}, {loss} "
            "t.o.v. de verdeling naar inwoners." if nl else
            f"By need (inhabitants × relative GP use per age band, Nivel 2017): {gain}, {loss} compared with the "
            "split by inhabitants.")
    items += _items(ctx, need, desc, current_label=label)

    inst = run_allocation(AllocationSpec(figure=figure, level="instituut", year=year, key="need"),
                          data_dir=ctx.data_dir, lang=ctx.lang)
    desc = ("Over de gebieden van de 8 huisartsopleidingen (elke gemeente naar de dichtstbijzijnde locatie, incl. "
            "satellieten; geen officiële werkgebieden) naar zorgbehoefte." if nl else
            "Over the areas of the 8 GP training institutes (each municipality to the nearest location, satellites "
            "included; not official work areas) by need.")
    items += _items(ctx, inst, desc)
    return items
