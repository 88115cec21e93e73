"""Charts and the map of the GP model: supply versus demand (PNG and a self-contained HTML page).

Everything drawn comes from the model's yearly table
(:func:`regio.model.core.project`) and regional table
(:func:`regio.model.regional.regional_advice`); nothing is computed here. The
HTML page has the chart as inline SVG and the numbers as a table, with no
outside resources. The functions return the page, the PNG bytes or the map
page; :mod:`regio.report.export` writes them.
"""

from __future__ import annotations

import base64
import io
import sys
from collections.abc import Sequence

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from regio.errors import InputError
from regio.labels import label
from regio.maps.allocation import per_100k_layer
from regio.maps.core import Layer, format_number, map_html, region_map
from regio.maps.escape import html_text
from regio.maps.static import figure_png, kept_png, static_map
from regio.model.core import SCENARIO_LABELS, ProjectionMarks, get_scenario, projection_marks

__all__ = ["advice_map", "band_series", "chart_lines", "supply_demand_html", "supply_demand_png", "tornado_html",
           "tornado_png"]

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
            raise InputError(f"The yearly table has no column {col!r}; make it with regio.model.project().",
                             key="maps.chart.no_column", column=col)
        lines.append((col, t["demand"].format(s=label), {"color": _COLORS[sc], "lw": 2.0}))
        adv = marks.advice.get(sc)
        if f"supply_advice_{sc}" in table.columns and adv is not None:
            lines.append((f"supply_advice_{sc}", t["advice"].format(s=label, n=format_number(adv, 0, lang)),
                          {"color": _COLORS[sc], "lw": 1.4, "ls": "--"}))
    return lines


def band_series(bands: pd.DataFrame | None, *, scenario: str = "full", lang: str = "nl") -> list[tuple[str, str, str]]:
    """Return the bands a chart draws from an uncertainty table: ``(column prefix, label, colour)``.

    Parameters
    ----------
    bands
        Per year, quantile columns ``demand_lo95`` ... ``fte_hi95``
        (:attr:`regio.model.uncertainty.Uncertainty.bands`); ``None`` for none.
    scenario
        The demand scenario the bands are of (sets the colour of the demand band).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of tuple
        One entry per band present: supply at the current intake (``fte``) and demand.

    Examples
    --------
    >>> cols = {f"{c}_{q}": [1.0] for c in ("fte", "demand") for q in ("lo95", "lo80", "median", "hi80", "hi95")}
    >>> [(c, lab) for c, lab, _ in band_series(pd.DataFrame(cols, index=[2025]), lang="en")]
    [('fte', 'supply at current intake: 80% and 95% band'), ('demand', 'demand: 80% and 95% band')]
    >>> band_series(None)
    []
    """
    if bands is None:
        return []
    out = []
    for prefix, key, colour in (("fte", "uncertainty.band.supply", "#1f77b4"),
                                ("demand", "uncertainty.band.demand", _COLORS.get(get_scenario(scenario), "#2ca02c"))):
        if f"{prefix}_lo95" in bands.columns:
            out.append((prefix, label(key, lang), colour))
    return out


def _figure(table: pd.DataFrame, *, scenarios: Sequence[str], title: str, source: str, lang: str,
            marks: ProjectionMarks | None, texts: bool = True, bands: pd.DataFrame | None = None,
            band_scenario: str = "full"):
    t = _t(lang)
    marks = marks if marks is not None else projection_marks(table)
    fig, ax = plt.subplots(figsize=(8.5, 5.2))
    for prefix, text, colour in band_series(bands, scenario=band_scenario, lang=lang):
        b = bands.reindex(table.index)
        ax.fill_between(table.index, b[f"{prefix}_lo95"], b[f"{prefix}_hi95"], color=colour, alpha=0.12, lw=0,
                        label=text)
        ax.fill_between(table.index, b[f"{prefix}_lo80"], b[f"{prefix}_hi80"], color=colour, alpha=0.22, lw=0)
    for col, text, style in chart_lines(table, scenarios=scenarios, lang=lang, marks=marks):
        ax.plot(table.index, table[col], label=text, **style)
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
                      marks: ProjectionMarks | None = None, bands: pd.DataFrame | None = None,
                      band_scenario: str = "full") -> bytes:
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
    bands, band_scenario
        Optional uncertainty bands per year (see :func:`band_series`), shaded
        (80% darker, 95% lighter), and the scenario they are of.

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
    marks = marks if marks is not None else projection_marks(table)  # what the chart takes from the table's attrs
    parts = (table, tuple(scenarios), title, source, lang, int(dpi), marks, bands, band_scenario)
    return kept_png("model_chart", sys.modules[__name__], parts, lambda: figure_png(
        _figure(table, scenarios=scenarios, title=title, source=source, lang=lang, marks=marks, bands=bands,
                band_scenario=band_scenario), dpi=dpi))


def supply_demand_html(table: pd.DataFrame, *, title: str, source: str,
                       scenarios: Sequence[str] = ("demography", "full"), notes: Sequence[str] = (),
                       lang: str = "nl", marks: ProjectionMarks | None = None, bands: pd.DataFrame | None = None,
                       band_scenario: str = "full", png: bytes | None = None) -> str:
    """Make a self-contained HTML page: the chart, the yearly numbers, notes.

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
    marks, bands, band_scenario
        As :func:`supply_demand_png`; the table gets the 95% band of each
        band drawn (``low - high``).
    png
        The image of :func:`supply_demand_png` for the same arguments, embedded as a data URI (the
        chart is then drawn once for both files); without it the chart is drawn here as inline SVG.

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
    >>> png = supply_demand_png(table, title="Huisartsen", source="Bron: voorbeeld", dpi=30)
    >>> page = supply_demand_html(table, title="Huisartsen", source="Bron: voorbeeld", png=png)
    >>> "<img src='data:image/png;base64," in page, "<svg" in page
    (True, False)
    """
    marks = marks if marks is not None else projection_marks(table)
    if png is not None:
        svg = _img(png, title)
    else:
        svg = _svg(_figure(table, scenarios=scenarios, title=title, source=source, lang=lang, marks=marks,
                           texts=False, bands=bands, band_scenario=band_scenario))
    lines = chart_lines(table, scenarios=scenarios, lang=lang, marks=marks)
    t = _t(lang)
    series = band_series(bands, scenario=band_scenario, lang=lang)
    head = "".join(f"<th>{html_text(text)}</th>" for _, text, _ in lines)
    head += "".join(f"<th>{html_text(label(f'uncertainty.band95.{p}', lang))}</th>" for p, _, _ in series)
    b = bands.reindex(table.index) if series else None

    def band_cells(year: int) -> str:
        return "".join(f"<td>{format_number(b.at[year, f'{p}_lo95'], 0, lang)} - "
                       f"{format_number(b.at[year, f'{p}_hi95'], 0, lang)}</td>" for p, _, _ in series)

    rows = "".join(
        f"<tr><th>{year}</th>" + "".join(f"<td>{format_number(table.at[year, c], 0, lang)}</td>" for c, _, _ in lines)
        + band_cells(year) + "</tr>" for year in table.index)
    return _page(title, svg, source, notes, lang, drawn_in_chart=png is not None, table_html=
                 f"<h2>{html_text(t['table'])}</h2><table class='data'><thead><tr><th>{html_text(t['year'])}</th>"
                 f"{head}</tr></thead><tbody>{rows}</tbody></table>")


def _svg(fig) -> str:
    """Render the figure as inline SVG (no XML declaration or doctype) and close it."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _img(png: bytes, title: str) -> str:
    """Embed PNG bytes as an image (a data URI: the page stays self-contained)."""
    return f"<img src='data:image/png;base64,{base64.b64encode(png).decode('ascii')}' alt='{html_text(title)}'>"


def _page(title: str, svg: str, source: str, notes: Sequence[str], lang: str, table_html: str, css: str = "",
          *, drawn_in_chart: bool = False, width: int = 980) -> str:
    """Make a self-contained page: heading, the chart, source, notes, then ``table_html``.

    With ``drawn_in_chart`` (the chart is the PNG, which draws its own title and source) the heading and
    the source line stay in the page for screen readers and search but are not shown a second time.
    """
    hidden = " class='vh'" if drawn_in_chart else ""
    note_html = "".join(f"<li>{html_text(n)}</li>" for n in notes)
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><link rel='icon' href='data:,'>"
            f"<title>{html_text(title)}</title><style>body{{font:14px/1.45 system-ui,sans-serif;max-width:{width}px;"
            "margin:1.5em auto;padding:0 1em}svg,img{max-width:100%;height:auto}table{border-collapse:collapse;"
            "font-size:12px}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right}"
            "thead th{text-align:center;vertical-align:bottom}.src{color:#444;font-size:12px}"
            ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
            f"{css}</style></head><body>"
            f"<h1{hidden}>{html_text(title)}</h1><figure class='chart'>{svg}</figure>"
            f"<p class='src{' vh' if drawn_in_chart else ''}'>{html_text(source)}</p>"
            + (f"<ul class='notes'>{note_html}</ul>" if notes else "")
            + f"{table_html}</body></html>")


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
    quantiles = label("map.quantiles", lang)
    layers = [  # more trainees needed is no "worse": a sequential ramp without red, classes no finer than whole aios
        per_100k_layer(rate_title, frame["advice_per_100k"], frame["advice"], frame["population"], cmap="BuPu",
                       lang=lang, note=f"{quantiles}; {label('map.advice_colours', lang)}"),
        Layer.from_values("Instroomadvies (aios per jaar)" if nl else "Intake advice (trainees a year)",
                          frame["advice"], scheme="quantiles", k=5, cmap="PuBu", lang=lang,
                          note=f"{quantiles}; {label('map.advice_number_colours', lang)}"),
    ]
    tooltip = {"t_name": level_label, "t_adv": "Advies (aios/jaar)" if nl else "Advice (trainees/year)",
               "t_rate": rate_title, "t_raw": "Eigen modeluitkomst" if nl else "Region's own model result",
               "t_share": "Aandeel huisartsen" if nl else "Share of GPs",
               "t_pop": "Inwoners" if nl else "Inhabitants"}
    fmap = region_map(frame, layers, tooltip=tooltip, title=title, source=source, caveat=caveat, lang=lang)
    return (map_html(fmap, title=title),
            static_map(frame, layers[0], title=title, source=source, caveat=caveat))


def _tornado_figure(sens: pd.DataFrame, *, title: str, source: str, lang: str, texts: bool = True):
    rows = sens.iloc[::-1]  # largest effect at the top
    mid = float(sens["advice_mid"].iloc[0])
    fig, ax = plt.subplots(figsize=(8.5, 0.9 + 0.36 * len(rows)))
    names = [label(f"uncertainty.factor.{code}", lang) for code in rows.index]
    y = range(len(rows))
    ax.barh(y, rows["advice_low"] - mid, left=mid, color="#4c72b0", label=label("uncertainty.low", lang))
    ax.barh(y, rows["advice_high"] - mid, left=mid, color="#dd8452", label=label("uncertainty.high", lang))
    ax.axvline(mid, color="#333333", lw=0.9)
    ax.set_yticks(list(y), names, fontsize=8)
    ax.set_xlabel(label("uncertainty.advice_axis", lang))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_number(v, 0, lang)))
    ax.grid(True, axis="x", color="#e5e5e5")
    ax.legend(fontsize=8, loc="lower right")
    if texts:
        ax.set_title(title, fontsize=11, loc="left")
        fig.text(0.01, 0.01, source, fontsize=7, color="#333333", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.04, 1, 1) if texts else (0, 0, 1, 1))
    return fig


def tornado_png(sens: pd.DataFrame, *, title: str, source: str, lang: str = "nl", dpi: int = 150) -> bytes:
    """Draw the sensitivity of the advice as a tornado chart (PNG): one bar per factor, low and high.

    Parameters
    ----------
    sens
        From :func:`regio.model.uncertainty.sensitivity` (largest effect first).
    title, source
        Title and source line.
    lang
        ``"nl"`` or ``"en"`` (the factors are named from :mod:`regio.labels`).
    dpi
        Resolution in dots per inch.

    Returns
    -------
    bytes
        The PNG image.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> from regio.model.uncertainty import sensitivity, uncertainty_factors
    >>> p = example_parameters()
    >>> png = tornado_png(sensitivity(p, uncertainty_factors(p)), title="Gevoeligheid", source="Bron: voorbeeld",
    ...                   dpi=50)
    >>> png[1:4]
    b'PNG'
    """
    return figure_png(_tornado_figure(sens, title=title, source=source, lang=lang), dpi=dpi)


def tornado_html(sens: pd.DataFrame, *, title: str, source: str, ranges: Sequence[str], notes: Sequence[str] = (),
                 lang: str = "nl") -> str:
    """Make a self-contained HTML page of the tornado chart (inline SVG) and the sensitivity table.

    Parameters
    ----------
    sens
        From :func:`regio.model.uncertainty.sensitivity`.
    title, source
        Page title (also the heading) and source line.
    ranges
        The range of each factor in words, in the order of ``sens`` (where it comes from; "assumption").
    notes
        Lines listed under the chart.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The page.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> from regio.model.uncertainty import sensitivity, uncertainty_factors
    >>> p = example_parameters()
    >>> s = sensitivity(p, uncertainty_factors(p))
    >>> page = tornado_html(s, title="Gevoeligheid", source="Bron: voorbeeld", ranges=["r"] * len(s))
    >>> "<svg" in page, page.count("<tr>") == len(s) + 1
    (True, True)
    """
    svg = _svg(_tornado_figure(sens, title=title, source=source, lang=lang, texts=False))
    cols = ("factor", "range", "advice_low", "advice_high", "effect")
    head = "".join(f"<th>{html_text(label(f'uncertainty.column.{c}', lang))}</th>" for c in cols)
    rows = "".join(
        f"<tr><th>{html_text(label(f'uncertainty.factor.{code}', lang))}</th><td>{html_text(rng)}</td>"
        + "".join(f"<td>{format_number(sens.at[code, c], 0, lang)}</td>" for c in cols[2:]) + "</tr>"
        for code, rng in zip(sens.index, ranges, strict=True))
    return _page(title, svg, source, notes, lang,
                 f"<table class='data'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>",
                 css="tbody th{text-align:left}")
