"""Draw the trainer forecast (a chart per institute, PNG and self-contained HTML) and "Wie gaat waar werven?".

Everything drawn comes from :func:`regio.trainers.run.run_trainers` (the
forecast table, the where-to-recruit table); nothing is computed here. The
functions return PNG bytes, an HTML page or a folium map;
:mod:`regio.report.trainers` writes them.
"""

from __future__ import annotations

import io
import sys

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from regio.errors import InputError
from regio.labels import label
from regio.maps.charts import _img, _page
from regio.maps.core import Layer, format_number, region_map
from regio.maps.escape import html_text
from regio.maps.recruitment import _outline
from regio.maps.static import figure_png, kept_png, static_map
from regio.text import t

__all__ = ["CHART_LINES", "forecast_html", "forecast_png", "recruit_map", "recruit_png"]

#: Lines of the chart: column of the forecast table -> matplotlib style (the words: ``trainers.<column>`` in
#: :mod:`regio.labels`).
CHART_LINES: dict[str, dict] = {
    "required": {"color": "#d62728", "lw": 2.2},
    "available_without_recruitment": {"color": "#7f7f7f", "lw": 1.6, "ls": "--"},
    "available": {"color": "#1f77b4", "lw": 2.2},
    "target_share_trainers": {"color": "#2ca02c", "lw": 1.2, "ls": ":"},
}


def _label(column: str, lang: str) -> str:
    return label(f"trainers.{column}", lang)


def _figure(table: pd.DataFrame, names: dict[str, str], *, title: str, source: str, lang: str, texts: bool = True):
    units = list(dict.fromkeys(table.index.get_level_values("institute")))
    cols = 3
    rows = -(-len(units) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(11, 3.0 * rows), sharex=True, squeeze=False)
    for ax, unit in zip(axes.flat, units, strict=False):
        part = table.loc[unit]
        for col, style in CHART_LINES.items():
            if col in part and part[col].notna().any():
                ax.plot(part.index, part[col], label=_label(col, lang), **style)
        ax.set_title(names.get(unit, unit), fontsize=9, loc="left")
        ax.grid(True, color="#e5e5e5")
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=5))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_number(v, 0, lang)))
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(units):]:
        ax.set_visible(False)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=4, fontsize=8, frameon=False,
               bbox_to_anchor=(0.5, 0.035 if texts else 0.0))
    if texts:
        fig.suptitle(title, fontsize=11, x=0.01, ha="left")
        fig.text(0.01, 0.005, source, fontsize=7, color="#333333", va="bottom", wrap=True)
    # fixed margins for the fixed figure size: tight_layout measured every tick label and cost ~0.6 s a chart
    top = 1 - (0.8 if texts else 0.3) / fig.get_figheight()
    bottom = (1.0 if texts else 0.8) / fig.get_figheight()
    fig.subplots_adjust(left=0.06, right=0.99, top=top, bottom=bottom, hspace=0.45, wspace=0.2)
    return fig


def forecast_png(table: pd.DataFrame, *, names: dict[str, str], title: str, source: str, lang: str = "nl",
                 dpi: int = 120) -> bytes:
    """Draw trainers required and available per institute (one panel each, and ``NL``) as a PNG.

    Parameters
    ----------
    table
        The forecast table (index institute, year).
    names
        Institute id -> name for the panel titles.
    title, source
        Title and source line.
    lang
        ``"nl"`` or ``"en"``.
    dpi
        Resolution.

    Returns
    -------
    bytes
        The PNG image.

    Examples
    --------
    >>> idx = pd.MultiIndex.from_product([["a", "NL"], [2025, 2026]], names=["institute", "year"])
    >>> table = pd.DataFrame({"required": [1, 2, 1, 2], "available": [2, 2, 2, 2]}, index=idx)
    >>> forecast_png(table, names={"a": "A"}, title="Opleiders", source="Bron: voorbeeld", dpi=30)[1:4]
    b'PNG'
    """
    parts = (table, sorted(names.items()), title, source, lang, int(dpi))
    return kept_png("trainer_chart", sys.modules[__name__], parts,
                    lambda: figure_png(_figure(table, names, title=title, source=source, lang=lang), dpi=dpi))


def forecast_html(table: pd.DataFrame, *, names: dict[str, str], title: str, source: str,
                  notes: list[str] | tuple[str, ...] = (), lang: str = "nl", png: bytes | None = None) -> str:
    """Make a self-contained HTML page: the chart, the national numbers per year, notes.

    The chart is ``png`` (the image of :func:`forecast_png`, embedded as a data URI, so that the chart
    is drawn once for both files) or, without it, an inline SVG drawn here.

    Examples
    --------
    >>> idx = pd.MultiIndex.from_product([["a", "NL"], [2025, 2026]], names=["institute", "year"])
    >>> table = pd.DataFrame({"required": [1, 2, 1, 2], "available": [2, 2, 2, 2]}, index=idx)
    >>> page = forecast_html(table, names={"a": "<A>"}, title="Opleiders & aios", source="Bron: voorbeeld")
    >>> "<h1>Opleiders &amp; aios</h1>" in page, "<svg" in page, page.count("<tr>")
    (True, True, 3)
    >>> png = forecast_png(table, names={"a": "A"}, title="Opleiders", source="Bron: voorbeeld", dpi=30)
    >>> page = forecast_html(table, names={"a": "A"}, title="Opleiders", source="Bron: voorbeeld", png=png)
    >>> "<img src='data:image/png;base64," in page, "<svg" in page
    (True, False)
    """
    if png is not None:
        chart = _img(png, title)
    else:
        fig = _figure(table, names, title=title, source=source, lang=lang, texts=False)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
        svg = buf.getvalue()
        chart = svg[svg.index("<svg"):]
    if "NL" not in table.index.get_level_values("institute"):
        raise InputError("The forecast table has no national rows (institute NL); make them with "
                         "regio.trainers.forecast.national_row.", key="maps.trainers.no_national")
    national = table.loc["NL"]
    cols = [c for c in CHART_LINES if c in national]
    head = "".join(f"<th>{html_text(_label(c, lang))}</th>" for c in cols)
    rows = "".join(f"<tr><th>{year}</th>" + "".join(
        f"<td>{format_number(national.at[year, c], 0, lang)}</td>" for c in cols) + "</tr>" for year in national.index)
    return _page(title, chart, source, list(notes), lang, drawn_in_chart=png is not None, width=1100, table_html=(
        f"<h2>{html_text(t(lang, 'Landelijk per jaar', 'National per year'))}</h2><table class='data'><thead>"
        f"<tr><th>{html_text(t(lang, 'jaar', 'year'))}</th>{head}</tr></thead><tbody>{rows}</tbody></table>"))


def _layer(municipal: pd.DataFrame, lang: str) -> Layer:
    est = municipal["trainers_estimated"].astype(bool).any() if "trainers_estimated" in municipal else False
    return Layer.from_values(t(lang, "Opleiders per praktijk", "Trainers per practice")
                             + (t(lang, " (schatting)", " (estimate)") if est else ""),
                             municipal["trainers_per_practice"], scheme="quantiles", k=5, cmap="YlGn", decimals=2,
                             lang=lang)


def recruit_png(shapes: gpd.GeoDataFrame, municipal: pd.DataFrame, *, area_shapes: gpd.GeoDataFrame, title: str,
                source: str, caveat: str | None = None, lang: str = "nl") -> bytes:
    """Draw "Wie gaat waar werven?" as a PNG: trainers per practice as colour, the targets as labels.

    A label is the municipality's recruitment target, with ``*`` where
    institutes recruit jointly; institute areas are outlined.
    """
    frame = shapes[[shapes.geometry.name]].join(municipal)
    target = frame["recruit_target"].fillna(0).astype(int)
    labels = (target.astype(str) + frame["joint"].map(lambda j: "*" if j else "")).where(target > 0)
    return static_map(frame, _layer(frame, lang), title=title, source=source, caveat=caveat,
                      outlines=_outline(area_shapes), labels=labels.dropna())


def recruit_map(shapes: gpd.GeoDataFrame, municipal: pd.DataFrame, *, area_shapes: gpd.GeoDataFrame,
                names: dict[str, str], title: str, source: str, caveat: str | None = None, lang: str = "nl"):
    """Draw "Wie gaat waar werven?" as a web map: per municipality the primary institute or "gezamenlijk".

    The tooltip names who recruits (primary institute, or jointly with
    which), the target, trainers, practices and trainers per practice; the
    colour is trainers per practice.
    """
    f = lambda v, d=0: format_number(v, d, lang)  # noqa: E731
    est = t(lang, " (schatting)", " (estimate)")
    frame = shapes[[shapes.geometry.name]].join(municipal)
    jointly = t(lang, "gezamenlijk", "jointly")
    frame["t_name"] = frame["statnaam"]
    frame["t_who"] = [names.get(i, i) if not j else f"{jointly}: " + ", ".join(
        names.get(x, x) for x in [i, *j.split("; ")]) for i, j in zip(frame["institute"], frame["joint"], strict=True)]
    frame["t_target"] = frame["recruit_target"].map(f)
    frame["t_tr"] = frame["trainers"].map(f) + frame["trainers_estimated"].map(lambda e: est if e else "")
    frame["t_prac"] = frame["practices"].map(f)
    frame["t_free"] = frame["recruitable_practices"].map(f)
    frame["t_pp"] = frame["trainers_per_practice"].map(lambda v: f(v, 2))
    tooltip = {"t_name": t(lang, "Gemeente", "Municipality"), "t_who": t(lang, "Werft", "Recruits"),
               "t_target": t(lang, "Wervingsdoel (opleiders)", "Recruitment target (trainers)"),
               "t_tr": t(lang, "Opleiders", "Trainers"), "t_prac": t(lang, "Praktijken", "Practices"),
               "t_free": t(lang, "Werfbare praktijken (hoogstens)", "Recruitable practices (at most)"),
               "t_pp": t(lang, "Opleiders per praktijk", "Trainers per practice")}
    target = Layer.from_values(t(lang, "Wervingsdoel (opleiders)", "Recruitment target (trainers)"),
                               frame["recruit_target"].astype(float), scheme="quantiles", k=5, cmap="OrRd",
                               decimals=0, lang=lang)
    return region_map(frame, [_layer(frame, lang), target], tooltip=tooltip, title=title, source=source,
                      caveat=caveat, outlines=[(_outline(area_shapes), {"color": "#222222", "weight": 2.0})])
