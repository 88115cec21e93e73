"""Atlas section: inhabitants and population density per municipality, newest year."""

from __future__ import annotations

import warnings

from regio import data
from regio.demography import population_density
from regio.errors import DataNotFoundError, RegioWarning
from regio.maps.core import Layer, format_number, map_html, region_map
from regio.maps.static import static_map
from regio.report.export import write_html, write_image, write_table
from regio.report.items import AtlasContext, AtlasItem, SectionPage, section_title, table_items
from regio.text import cite

__all__ = ["build", "newest_year"]


def newest_year(data_dir=None, *, said: set | None = None) -> int:
    """Newest year with both municipal population and municipal boundaries.

    A newer year with population but no municipal boundaries (no file of the
    year, nor of a year with the same division) is not passed over in
    silence: a :class:`~regio.errors.RegioWarning` names the year used, the
    years left out and why, and how to add their boundaries.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).
    said
        Warnings already given (:attr:`AtlasContext.said`): the warning is given once per build.

    Returns
    -------
    int
        The year.

    Raises
    ------
    DataNotFoundError
        If no year has both.

    Warns
    -----
    RegioWarning
        When newer years with population were left out for lack of boundaries.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> newest_year()
    2024
    >>> import tempfile
    >>> newest_year(tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    regio.errors.DataNotFoundError: No year with both municipal population and boundaries.
    """
    passed: list[tuple[int, str]] = []
    for year in sorted(data.population_years("gemeente", data_dir=data_dir), reverse=True):
        try:
            data.boundaries("gemeente", year, data_dir=data_dir)
        except (DataNotFoundError, ValueError) as exc:
            passed.append((year, exc))
            continue
        if passed:
            newest, reason = passed[0]
            years = ", ".join(str(y) for y, _ in passed)
            text = (f"The atlas maps the municipalities of {year}, not of {newest}: {years} "
                    f"{'has' if len(passed) == 1 else 'have'} population but no municipal boundaries ({reason}). "
                    f"Add boundaries/gemeente_{newest}.geojson to the data directory (when online: `regio data "
                    f"fetch --year {newest} --what boundaries`) to map {newest}.")
            if said is None or text not in said:
                warnings.warn(RegioWarning(text, key="report.atlas.year_without_boundaries" if len(passed) == 1
                                           else "report.atlas.years_without_boundaries",
                                           year=year, newest=newest, years=years, reason=reason), stacklevel=2)
            if said is not None:
                said.add(text)
        return year
    raise DataNotFoundError("No year with both municipal population and boundaries."
                            + (f" Years with population: {', '.join(str(y) for y, _ in passed)}; the newest has no "
                               f"municipal boundaries ({passed[0][1]})." if passed else ""),
                            key="report.atlas.no_year_passed" if passed else "report.atlas.no_year",
                            years=", ".join(str(y) for y, _ in passed), reason=passed[0][1] if passed else "")


def build(ctx: AtlasContext) -> SectionPage:
    """Write the population map (HTML + PNG) and table for the newest municipal year.

    Parameters
    ----------
    ctx
        Where to write (``ctx.out``), the data directory and the language.

    Returns
    -------
    SectionPage
        The headline (municipalities, inhabitants, the largest and the densest) and the files: the map, its
        PNG, and the table as CSV and Excel with its notes.

    Raises
    ------
    DataNotFoundError
        If no year has both municipal population and boundaries.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()), lang="en", progress=False)
    >>> page = build(ctx)
    >>> items = page.items
    >>> [(item.kind, item.path) for item in items]  # doctest: +NORMALIZE_WHITESPACE
    [('map', 'population_gemeente_2024.html'), ('image', 'population_gemeente_2024.png'),
     ('table', 'population_gemeente_2024.csv'), ('table', 'population_gemeente_2024.xlsx'),
     ('notes', 'population_gemeente_2024.notes.txt')]
    >>> items[0].description
    '342 municipalities, 17,942,942 inhabitants. Source: CBS ...'
    >>> all((ctx.out / item.path).is_file() for item in items)
    True
    """
    nl = ctx.lang == "nl"
    year = newest_year(ctx.data_dir, said=ctx.said)
    shapes = data.boundaries("gemeente", year, data_dir=ctx.data_dir)
    pop = data.population("gemeente", year, data_dir=ctx.data_dir)
    table = population_density(pop, shapes)
    members = data.membership(year, levels=["provincie"], data_dir=ctx.data_dir)["provincie"]
    prov_names = data.region_names("provincie", year, data_dir=ctx.data_dir)
    table.insert(1, "provincie", members.reindex(table.index).map(prov_names))
    frame = shapes[["geometry"]].join(table)
    frame["t_name"] = frame["statnaam"]
    frame["t_prov"] = frame["provincie"]
    frame["t_pop"] = frame["population"].map(lambda v: format_number(v, 0, ctx.lang))
    frame["t_dens"] = frame["per_km2"].map(lambda v: format_number(v, 0, ctx.lang))
    rank = frame["population"].rank(ascending=False, method="min").astype(int)
    frame["t_rank"] = rank.astype(str) + f" / {len(frame)}"
    pop_title = "Inwoners" if nl else "Inhabitants"
    dens_title = "Inwoners per km²" if nl else "Inhabitants per km²"
    layers = [
        Layer.from_values(dens_title, frame["per_km2"], scheme="quantiles", k=6, cmap="YlOrBr", lang=ctx.lang,
                          note="kwantielen" if nl else "quantiles"),
        Layer.from_values(pop_title, frame["population"], scheme="quantiles", k=6, cmap="PuBu", lang=ctx.lang,
                          note="kwantielen" if nl else "quantiles"),
    ]
    title = (f"Bevolking per gemeente, 1 januari {year}" if nl else f"Population per municipality, 1 January {year}")
    source = f"{'Bron' if nl else 'Source'}: {pop.attrs['source']}; {shapes.attrs['source']}"
    caveat = ("Oppervlakte gemeten op gegeneraliseerde grenzen (benadering)." if nl
              else "Areas measured on generalised boundaries (approximate).")
    tooltip = {"t_name": "Gemeente" if nl else "Municipality", "t_prov": "Provincie" if nl else "Province",
               "t_pop": pop_title, "t_dens": dens_title, "t_rank": "Rang (inwoners)" if nl else "Rank (inhabitants)"}
    box = cite(source, ctx.lang)  # the publisher on the map; the copies and files in the notes
    fmap = region_map(frame, layers, tooltip=tooltip, title=title, source=box, caveat=caveat)
    stem = f"population_gemeente_{year}"
    write_html(map_html(fmap, title=title), ctx.path(f"{stem}.html"))
    write_image(static_map(frame, layers[0], title=title, source=box, caveat=caveat), ctx.path(f"{stem}.png"))
    out_table = table.rename(columns={"per_km2": "inwoners_per_km2", "per_100km2": "inwoners_per_100km2"})
    method = ("Methode: " if nl else "Method: ") + pop.attrs["method_nl" if nl else "method"]
    tables = write_table(out_table, ctx.path(f"{stem}"), notes=[title, source, caveat, method],
                         lang=ctx.lang)
    desc = (f"{len(frame)} gemeenten, {format_number(pop['population'].sum(), 0, ctx.lang)} inwoners. " if nl
            else f"{len(frame)} municipalities, {format_number(pop['population'].sum(), 0, ctx.lang)} inhabitants. ")
    items = (
        AtlasItem("population", title, f"{stem}.html", "map", desc + box),
        AtlasItem("population", title + " (PNG)", f"{stem}.png", "image", ""),
        *table_items("population", title, tables, ctx.out, lang=ctx.lang),
    )
    big, dense = table["population"].idxmax(), table["per_km2"].idxmax()
    f = lambda v: format_number(v, 0, ctx.lang)  # noqa: E731
    headline = (f"{len(frame)} gemeenten met samen {f(pop['population'].sum())} inwoners op 1 januari {year}; de "
                f"grootste is {table.at[big, 'statnaam']} ({f(table.at[big, 'population'])}), de dichtstbevolkte "
                f"{table.at[dense, 'statnaam']} ({f(table.at[dense, 'per_km2'])} per km²)." if nl else
                f"{len(frame)} municipalities with {f(pop['population'].sum())} inhabitants on 1 January {year}; the "
                f"largest is {table.at[big, 'statnaam']} ({f(table.at[big, 'population'])}), the most densely "
                f"populated {table.at[dense, 'statnaam']} ({f(table.at[dense, 'per_km2'])} per km²).")
    return SectionPage("population", section_title("population", ctx.lang), headline, items)
