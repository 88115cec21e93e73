"""Charts and the map of the GP model: supply versus demand (PNG and a self-contained HTML page).

Everything drawn comes from the model's yearly table
(:func:`regio.model.core.project`) and regional table
(:func:`regio.model.regional.regional_advice`); nothing is computed here. The
HTML page has the chart as inline SVG and the numbers as a table, with no
outside resources. The functions return the page, the PNG bytes or the map
page; :mod:`regio.report.export` writes them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from regio.errors import InputError
from regio.labels import label as word
from regio.maps.allocation import per_100k_layer
from regio.maps.core import Layer, format_number, map_html, region_map
from regio.maps.escape import html_text
from regio.maps.static import figure_png, static_map
from regio.model.core import SCENARIO_LABELS, ProjectionMarks, get_scenario, projection_marks

__all__ = ["advice_map", "chart_lines", "supply_demand_html", "supply_demand_png"]

_TEXT = {
    "nl": {"supply": "aanbod bij huidige instroom ({n})", "advice": "aanbod bij advies {s} ({n})",
           "demand": "vraag: {s}", "year": "jaar", "fte": "fte", "eq": "evenwichtsjaar {y}",
           "bij": "bijsturingsjaar {y}", "table": "Cijfers per jaar (fte)"},
    "en": {"supply": "supply at current intake ({n})", "advice": "supply at advice {s} ({n})",
           "demand": "demand: {s}", "year": "year", "fte": "FTE", "eq": "equilibrium year {y}",
           "bij": "steering year {y}", "table": "Figures per year (FTE)"},
}
_COLORS = {"demography": "#7f7f7f", "full": "#2ca02c", "full_lasting": "#ff7f0e"}


def _t(lang: str) -> dict[str, str]:
    return _TEXT.get(lang, _TEXT["en"])


def chart_lines(table: pd.DataFrame, *, scenarios: Sequence[str] = ("demography", "full"),
                lang: str = "nl", marks: ProjectionMarks | None = None) -> list[tuple[str, str, dict]]:
    """Return the lines of the supply/demand chart: ``(column, label, style)``.

    Supply at the current intake, supply at each scenario's advice (dashed) and
    demand per scenario, labelled in ``lang``.

    Parameters
    ----------
    table
        The yearly table of :func:`regio.model.project`.
    scenarios
        Demand scenarios (names or Dutch aliases).
    lang
        ``"nl"`` or ``"en"``.
    marks
        The intake and advices that go into the labels (default: those of
        ``table``, :func:`regio.model.core.projection_marks`).

    Returns
    -------
    list of tuple
        ``(column of table, legend label, matplotlib line style)`` per line.

    Raises
    ------
    regio.errors.InputError
        For an unknown scenario, or a scenario whose demand column is not in
        ``table``.

    Examples
    --------
    >>> from regio.model.core import project
    >>> from regio.model.parameters import example_parameters
    >>> table = project(example_parameters())
    >>> for column, label, style in chart_lines(table, scenarios=("full",), lang="en"):
    ...     print(column, "|", label, "|", style.get("ls", "-"))
    fte | supply at current intake (718) | -
    demand_full | demand: full (temporary trend) | -
    supply_advice_full | supply at advice full (temporary trend) (1,027) | --
    >>> chart_lines(table, scenarios=("volledig",))[1][1]  # a Dutch alias, Dutch labels
    'vraag: volledig (tijdelijke trend)'
    """
    t = _t(lang)
    i = 0 if lang == "nl" else 1
    marks = marks if marks is not None else projection_marks(table)
    intake = marks.intake
    lines = [("fte", t["supply"].format(n=format_number(intake, 0, lang)), {"color": "#1f77b4", "lw": 2.4})]
    for name in scenarios:
        sc = get_scenario(name)
        label = SCENARIO_LABELS[sc][i]
        col = f"demand_{sc}"
        if col not in table.columns:
            raise InputError(f"The yearly table has no column {col!r}; make it with regio.model.project().")
        lines.append((col, t["demand"].format(s=label), {"color": _COLORS[sc], "lw": 2.0}))
        adv = marks.advice.get(sc)
        if f"supply_advice_{sc}" in table.columns and adv is not None:
            lines.append((f"supply_advice_{sc}", t["advice"].format(s=label, n=format_number(adv, 0, lang)),
                          {"color": _COLORS[sc], "lw": 1.4, "ls": "--"}))
    return lines


def _figure(table: pd.DataFrame, *, scenarios: Sequence[str], title: str, source: str, lang: str,
            marks: ProjectionMarks | None, texts: bool = True):
    t = _t(lang)
    marks = marks if marks is not None else projection_marks(table)
    fig, ax = plt.subplots(figsize=(8.5, 5.2))
    for col, label, style in chart_lines(table, scenarios=scenarios, lang=lang, marks=marks):
        ax.plot(table.index, table[col], label=label, **style)
    eq, bij = marks.equilibrium_year, marks.bijsturingsjaar
    if eq is not None:
        ax.axvline(eq, color="#444444", lw=0.8, ls=":")
        ax.annotate(t["eq"].format(y=eq), (eq, ax.get_ylim()[0]), xytext=(-4, 6), textcoords="offset points",
                    rotation=90, ha="right", va="bottom", fontsize=8, color="#444444")
    if bij is not None:
        ax.axvline(bij, color="#999999", lw=0.8, ls=":")
        ax.annotate(t["bij"].format(y=bij), (bij, ax.get_ylim()[0]), xytext=(-4, 6), textcoords="offset points",
                    rotation=90, ha="right", va="bottom", fontsize=8, color="#777777")
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(t["year"])
    ax.set_ylabel(t["fte"])
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_number(v, 0, lang)))
    ax.grid(True, color="#e5e5e5")
    ax.legend(fontsize=8, loc="upper left", frameon=True)
    if texts:  # the HTML page prints title and source itself
        ax.set_title(title, fontsize=11, loc="left")
        fig.text(0.01, 0.01, source, fontsize=7, color="#333333", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.05, 1, 1) if texts else (0, 0, 1, 1))
    return fig


def supply_demand_png(table: pd.DataFrame, *, title: str, source: str,
                      scenarios: Sequence[str] = ("demography", "full"), lang: str = "nl", dpi: int = 150,
                      marks: ProjectionMarks | None = None) -> bytes:
    """Draw supply versus demand per scenario as a PNG.

    Parameters
    ----------
    table
        The yearly table of :func:`regio.model.project`.
    title, source
        Title and source line.
    scenarios
        Demand scenarios to draw.
    lang
        ``"nl"`` or ``"en"``.
    dpi
        Resolution in dots per inch.
    marks
        As :func:`chart_lines` (also the equilibrium year and bijsturingsjaar marked).

    Returns
    -------
    bytes
        The PNG image (write it with :func:`regio.report.export.write_image`).

    Raises
    ------
    regio.errors.InputError
        For an unknown scenario, or a scenario whose demand column is not in
        ``table``.

    Examples
    --------
    >>> from regio.model.core import project
    >>> from regio.model.parameters import example_parameters
    >>> png = supply_demand_png(project(example_parameters()), title="Huisartsen", source="Bron: voorbeeld", dpi=50)
    >>> png[1:4], int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # 8.5 x 5.2 inch
    (b'PNG', 425, 260)
    """
    fig = _figure(table, scenarios=scenarios, title=title, source=source, lang=lang, marks=marks)
    return figure_png(fig, dpi=dpi)


def supply_demand_html(table: pd.DataFrame, *, title: str, source: str,
                       scenarios: Sequence[str] = ("demography", "full"), notes: Sequence[str] = (),
                       lang: str = "nl", marks: ProjectionMarks | None = None) -> str:
    """Make a self-contained HTML page: the chart as inline SVG, the yearly numbers, notes.

    Parameters
    ----------
    table
        The yearly table of :func:`regio.model.project`.
    title, source
        Page title (also the heading) and source line.
    scenarios
        Demand scenarios to draw and tabulate.
    notes
        Lines listed under the chart.
    lang
        ``"nl"`` or ``"en"``.
    marks
        As :func:`supply_demand_png`.

    Returns
    -------
    str
        The page (write it with :func:`regio.report.export.write_html`).

    Raises
    ------
    regio.errors.InputError
        For an unknown scenario, or a scenario whose demand column is not in
        ``table``.

    Examples
    --------
    >>> from regio.model.core import project
    >>> from regio.model.parameters import example_parameters
    >>> table = project(example_parameters())
    >>> page = supply_demand_html(table, title="Huisartsen: aanbod & vraag", source="Bron: voorbeeld",
    ...                           notes=["Evenwichtsjaar 2043."])
    >>> "<h1>Huisartsen: aanbod &amp; vraag</h1>" in page, "<svg" in page
    (True, True)
    >>> page.count("<tr>") == len(table) + 1  # a header row and one row per year
    True
    """
    marks = marks if marks is not None else projection_marks(table)
    fig = _figure(table, scenarios=scenarios, title=title, source=source, lang=lang, marks=marks, texts=False)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and doctype
    lines = chart_lines(table, scenarios=scenarios, lang=lang, marks=marks)
    t = _t(lang)
    head = "".join(f"<th>{html_text(label)}</th>" for _, label, _ in lines)
    rows = "".join(
        f"<tr><th>{year}</th>" + "".join(f"<td>{format_number(table.at[year, c], 0, lang)}</td>" for c, _, _ in lines)
        + "</tr>" for year in table.index)
    note_html = "".join(f"<li>{html_text(n)}</li>" for n in notes)
    page = (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><link rel='icon' href='data:,'>"
            f"<title>{html_text(title)}</title><style>body{{font:14px/1.45 system-ui,sans-serif;max-width:980px;"
            "margin:1.5em auto;padding:0 1em}svg{max-width:100%;height:auto}table{border-collapse:collapse;"
            "font-size:12px}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right}"
            "thead th{text-align:center;vertical-align:bottom}.src{color:#444;font-size:12px}</style></head><body>"
            f"<h1>{html_text(title)}</h1><figure class='chart'>{svg}</figure>"
            f"<p class='src'>{html_text(source)}</p>"
            + (f"<ul class='notes'>{note_html}</ul>" if notes else "")
            + f"<h2>{html_text(t['table'])}</h2><table class='data'><thead><tr><th>{html_text(t['year'])}</th>"
            f"{head}</tr></thead><tbody>{rows}</tbody></table></body></html>")
    return page


def advice_map(regions: gpd.GeoDataFrame, *, title: str, source: str, caveat: str,
               level_label: str, lang: str = "nl") -> tuple[str, bytes]:
    """Map the regional intake advice per 100,000 inhabitants (HTML and PNG).

    Parameters
    ----------
    regions
        Shapes (EPSG:28992) joined with the table of
        :func:`regio.model.regional.regional_advice` (``statnaam``, ``advice``,
        ``advice_per_100k``, ``raw_advice``, ``population``, ``stock_share``).
    title, source, caveat
        Texts of the map.
    level_label
        Label of the region level in the tooltip (e.g. ``Provincie``).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    tuple of (str, bytes)
        The HTML page of the map and the PNG of its first layer (write them with
        :func:`regio.report.export.write_html` and :func:`regio.report.export.write_image`).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> regions = gpd.GeoDataFrame(
    ...     {"statnaam": ["Groningen", "Fryslân"], "advice": [40, 50], "advice_per_100k": [6.8, 7.7],
    ...      "raw_advice": [39.6, 50.4], "population": [590_000, 650_000], "stock_share": [0.045, 0.05]},
    ...     geometry=[box(230_000, 560_000, 270_000, 600_000), box(160_000, 540_000, 220_000, 600_000)],
    ...     index=["PV20", "PV21"], crs="EPSG:28992")
    >>> page, png = advice_map(regions, title="Instroomadvies", source="Bron: voorbeeld",
    ...                        caveat="Geen officieel regionaal advies.", level_label="Provincie")
    >>> "<title>Instroomadvies</title>" in page, page.count("data-layer="), png[1:4]  # two layers to switch
    (True, 2, b'PNG')
    """
    nl = lang == "nl"
    frame = regions.copy()
    frame["t_name"] = frame["statnaam"]
    frame["t_adv"] = frame["advice"].map(lambda v: format_number(v, 0, lang))
    frame["t_rate"] = frame["advice_per_100k"].map(lambda v: format_number(v, 1, lang))
    frame["t_raw"] = frame["raw_advice"].map(lambda v: format_number(v, 1, lang))
    frame["t_pop"] = frame["population"].map(lambda v: format_number(v, 0, lang))
    frame["t_share"] = (frame["stock_share"] * 100).map(lambda v: format_number(v, 1, lang) + "%")
    rate_title = "Advies per 100.000 inwoners" if nl else "Advice per 100,000 inhabitants"
    quantiles = word("map.quantiles", lang)
    layers = [  # more trainees needed is no "worse": a sequential ramp without red, classes no finer than whole aios
        per_100k_layer(rate_title, frame["advice_per_100k"], frame["advice"], frame["population"], cmap="BuPu",
                       lang=lang, note=f"{quantiles}; {word('map.advice_colours', lang)}"),
        Layer.from_values("Instroomadvies (aios per jaar)" if nl else "Intake advice (trainees a year)",
                          frame["advice"], scheme="quantiles", k=5, cmap="PuBu", lang=lang,
                          note=f"{quantiles}; {word('map.advice_number_colours', lang)}"),
    ]
    tooltip = {"t_name": level_label, "t_adv": "Advies (aios/jaar)" if nl else "Advice (trainees/year)",
               "t_rate": rate_title, "t_raw": "Eigen modeluitkomst" if nl else "Region's own model result",
               "t_share": "Aandeel huisartsen" if nl else "Share of GPs",
               "t_pop": "Inwoners" if nl else "Inhabitants"}
    fmap = region_map(frame, layers, tooltip=tooltip, title=title, source=source, caveat=caveat, lang=lang)
    return (map_html(fmap, title=title),
            static_map(frame, layers[0], title=title, source=source, caveat=caveat))
