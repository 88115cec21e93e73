"""Model outputs: the terminal summary of ``regio model``, the supply/demand chart, the advice map and the tables.

Shared by ``regio model`` and the atlas section (:mod:`regio.report.sections.model`):
both write the chart with :func:`write_chart` and the map of the regional
advice with :func:`write_advice_map`, and compare with the published advice
by :func:`published_advice`. The terminal summaries are lists of parts, each
a line (``str``) or a table (``pandas.DataFrame``), which the command line
prints in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from regio import labels as catalogue
from regio.labels import column_label, label
from regio.levels import get_level
from regio.maps.charts import advice_map, supply_demand_html, supply_demand_png, tornado_html, tornado_png
from regio.model import SCENARIO_LABELS, SCENARIOS, decomposition_note, intake_advice, supply, what_if
from regio.model.published import PUBLISHED, reproduction_2025
from regio.model.regional import REGIONAL_PARAMETERS, REGIONAL_PARAMETERS_NL, regional_caveat
from regio.report.export import write_html, write_image, write_table
from regio.report.outputs import output_file, safe_stem
from regio.text import cite, fmt_number, t

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from regio.model import GPParameters
    from regio.model.uncertainty import UncertainFactor, Uncertainty

__all__ = ["VARIANT_EN", "Part", "factor_range", "map_level_label", "national_summary", "parameters_source",
           "published_advice", "regional_summary", "rounds_summary", "sensitivity_table", "uncertainty_summary",
           "write_advice_map", "write_chart", "write_model", "write_uncertainty"]

#: A line or a table of a terminal summary.
Part = str | pd.DataFrame

#: The Capaciteitsorgaan's variant names (kept as published) glossed in English.
VARIANT_EN = {"laag": "low", "midden": "middle", "hoog": "high"}


def parameters_source(params: GPParameters, lang: str = "nl") -> str:
    """Say where the parameters come from in ``lang``: the file, the round and the variant.

    A parameter set read by :func:`regio.model.read_parameters` names its
    file, round and variant in ``bron`` (the Capaciteitsorgaan's words); other
    sets (an example, a region) keep their ``bron`` as it is.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters().replace(bron="parameters.csv, raming 2025, variant midden")
    >>> parameters_source(p, "en"), parameters_source(p, "nl")
    ('parameters.csv, round 2025, variant midden (middle)', 'parameters.csv, raming 2025, variant midden')
    """
    tail = f", raming {params.raming}, variant {params.variant}"
    if not params.bron.endswith(tail):
        return params.bron
    return catalogue.label("model.source", lang, file=params.bron[: -len(tail)], round=params.raming,
                           variant=params.variant, variant_en=VARIANT_EN.get(params.variant, params.variant))


def published_advice(params: GPParameters, scenario: str = "full") -> float | None:
    """Return the published advice to compare with: that of the round, midden variant, full scenario only.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> published_advice(NS(raming=2025, variant="midden"))
    1026
    >>> published_advice(NS(raming=2025, variant="hoog")) is None
    True
    """
    if params.raming in PUBLISHED and params.variant == "midden" and scenario == "full":
        return PUBLISHED[params.raming].advice
    return None


def map_level_label(level: str, lang: str = "nl") -> str:
    """Name a region of ``level`` in a legend: ``Provincie``, ``Huisartsopleiding`` (``instituut``), ...

    Examples
    --------
    >>> map_level_label("instituut", "en"), map_level_label("provincie")
    ('GP training institute', 'Provincie')
    """
    if level == "instituut":
        return "Huisartsopleiding" if lang == "nl" else "GP training institute"
    return get_level(level).label(lang).capitalize()


def write_chart(table: pd.DataFrame, png: Path, html: Path, *, title: str, source: str, notes: list[str],
                lang: str = "nl") -> list[Path]:
    """Write the chart of supply versus demand per scenario as PNG and as a self-contained HTML page.

    Parameters
    ----------
    table
        The yearly table (:func:`regio.model.project`).
    png, html
        Where to write them.
    title, source
        The chart's title and source line.
    notes
        Lines under the HTML chart.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of pathlib.Path
        ``[png, html]``.
    """
    image = supply_demand_png(table, title=title, source=source, lang=lang)
    # the page shows the same image (drawn once) above the yearly numbers
    return [write_image(image, png),
            write_html(supply_demand_html(table, title=title, source=source, lang=lang, notes=notes, png=image), html)]


def write_advice_map(regional: pd.DataFrame, shapes: gpd.GeoDataFrame, html: Path, png: Path, *, title: str,
                     source: str, caveat: str, level_label: str, lang: str = "nl") -> list[Path]:
    """Write the map of the regional advice per 100,000 inhabitants as HTML and PNG.

    Parameters
    ----------
    regional
        From :func:`regio.model.regional.regional_advice`.
    shapes
        Region polygons; the regions of ``regional`` are drawn.
    html, png
        Where to write them.
    title, source, caveat, level_label
        Texts of the map (``level_label`` names a region in the legend).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of pathlib.Path
        ``[html, png]``.
    """
    page, image = advice_map(shapes[["geometry"]].join(regional, how="inner"), title=title, source=source,
                             caveat=caveat, level_label=level_label, lang=lang)
    return [write_html(page, html), write_image(image, png)]


def national_summary(params: GPParameters, *, base: GPParameters, overrides: dict[str, str], scenario: str,
                     variant: str, table: pd.DataFrame, dec: pd.DataFrame, show_years: bool = False,
                     lang: str = "nl") -> list[Part]:
    """Summarise the national model as ``regio model`` prints it: the advice per scenario, what-if, decomposition.

    Parameters
    ----------
    params
        The parameters run (``base`` with ``overrides`` applied).
    base, overrides
        The round's own parameters and the changes asked for (``--set``).
    scenario
        The scenario of the advice.
    variant
        The variant asked for.
    table, dec
        The yearly table (:func:`regio.model.project`) and the decomposition
        (:func:`regio.model.decompose`) of ``params``.
    show_years
        Also the yearly table.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of str or pandas.DataFrame
        Lines and tables, in the order printed.
    """
    sc = scenario
    adv = intake_advice(params, scenario=sc)
    sup = supply(params)
    nl = lang == "nl"
    parts: list[Part] = []
    f = lambda v, d=0: fmt_number(v, d, lang)  # noqa: E731
    label = lambda s: SCENARIO_LABELS[s][0 if nl else 1]  # noqa: E731
    say = lambda nl_text, en_text: parts.append(nl_text if nl else en_text)  # noqa: E731
    say(f"Capaciteitsorgaan-model huisartsen: raming {params.raming}, variant {params.variant}, scenario {label(sc)}",
        f"Capaciteitsorgaan GP model: round {params.raming}, variant {params.variant} "
        f"({VARIANT_EN.get(params.variant, params.variant)}), scenario {label(sc)}")
    say(f"basisjaar {params.basisjaar}, advies vanaf {params.bijsturingsjaar}, trend tot {params.trendjaar}, "
        f"evenwichtsjaar {adv.year}",
        f"base year {params.basisjaar}, advice from {params.bijsturingsjaar}, trend to {params.trendjaar}, "
        f"equilibrium year {adv.year}")
    persons, fte = f(sup["persons"].iloc[0]), f(sup["fte"].iloc[0])
    say(f"aanbod {params.basisjaar}: {persons} huisartsen, {fte} fte",
        f"supply {params.basisjaar}: {persons} GPs, {fte} FTE")
    say(f"vraag {adv.year} en advies per scenario:", f"demand {adv.year} and advice per scenario:")
    for s in SCENARIOS:
        a = intake_advice(params, scenario=s)
        say(f"  {label(s):<32} vraag {f(a.demand_fte):>7} fte   advies {f(a.advice):>6}",
            f"  {label(s):<32} demand {f(a.demand_fte):>7} FTE   advice {f(a.advice):>6}")
    say(f"aanbod {adv.year} bij de huidige instroom van {f(adv.current_intake)}: {f(adv.supply_fte)} fte "
        f"(tekort {f(adv.gap_fte)} fte)",
        f"supply {adv.year} at the current intake of {f(adv.current_intake)}: {f(adv.supply_fte)} FTE "
        f"(gap {f(adv.gap_fte)} FTE)")
    pub = PUBLISHED.get(params.raming)
    pub_text = ""
    if pub is not None and not overrides and sc == "full" and variant == "midden":
        rng = (t(lang, ", bandbreedte ", ", range ") + f"{f(pub.advice_low)}-{f(pub.advice_high)}"
               if pub.advice_low is not None else "")
        diff = fmt_number((adv.advice / pub.advice - 1) * 100, 1, lang, signed=True)
        pub_text = f" ({t(lang, 'gepubliceerd', 'published')}: {f(pub.advice)}{rng}; {diff}%)"
    say(f"instroomadvies vanaf {adv.from_year}: {f(adv.advice)} aios per jaar{pub_text}",
        f"intake advice from {adv.from_year}: {f(adv.advice)} trainees a year{pub_text}")
    if params.raming == 2025 and not overrides and variant == "midden":
        parts.append("\n" + catalogue.label("model.reproduction_2025", lang))
        repro = reproduction_2025(params).round(2)
        y, word = adv.year, catalogue.label
        rows = {"supply_base_fte": word("model.figure.supply_base", lang, year=params.basisjaar),
                f"demand_demography_{y}_fte": word("model.figure.demand_demography", lang, year=y),
                f"demand_full_{y}_fte": word("model.figure.demand_full", lang, year=y),
                f"supply_{y}_current_intake_fte": word("model.figure.supply_current_intake", lang, year=y),
                "intake_advice": word("model.figure.intake_advice", lang)}
        repro = repro.rename(index=rows, columns={"model": word("model.figure.model", lang),
                                                  "published": word("model.figure.published", lang),
                                                  "difference_pct": column_label("difference_pct", lang)})
        repro.index.name = word("model.figure", lang)
        parts.append(repro)
    if overrides:
        say(f"\nwat-als: {', '.join(f'{k}={v}' for k, v in overrides.items())}",
            f"\nwhat-if: {', '.join(f'{k}={v}' for k, v in overrides.items())}")
        w = what_if(base, overrides, scenario=sc)
        rows = {"base": t(lang, "basis", "base"), "what_if": t(lang, "wat-als", "what-if"),
                "difference": t(lang, "verschil", "difference")}
        parts.append(w.round(1).rename(index=rows, columns={c: column_label(c, lang) for c in w.columns}))
        before, after = f(w.loc["base", "advice"]), f(w.loc["what_if", "advice"])
        diff = fmt_number(w.loc["difference", "advice"], 0, lang, signed=True)
        say(f"advies {before} -> {after} ({diff} aios per jaar)",
            f"advice {before} -> {after} ({diff} trainees a year)")
    rest = f(adv.advice - adv.current_intake, 1)
    say(f"\nopbouw van het advies ({label(sc)}, aios per jaar; telt op tot advies − huidige instroom = {rest}):",
        f"\ndecomposition of the advice ({label(sc)}, trainees a year; sums to advice − current intake = {rest}):")
    shown = dec.set_index(f"label_{'nl' if nl else 'en'}")[["fte", "trainees"]].round(1)
    shown.index.name = catalogue.label("model.decomposition_part", lang)
    parts.append(shown.rename(columns={c: column_label(c, lang) for c in shown.columns}))
    if show_years:
        cols = ["persons", "fte", *[c for c in table.columns if c.startswith(("demand_", "gap_"))]]
        parts.append(table[cols].round(0))
    return parts


def regional_summary(regional: pd.DataFrame, inputs: pd.DataFrame, *, level: str, unfulfilled: str = "national",
                     lang: str = "nl") -> list[Part]:
    """Summarise the regional advice as ``regio model --level`` prints it: the table, its sum, parameters and inputs.

    Parameters
    ----------
    regional
        From :func:`regio.model.regional.regional_advice`.
    inputs
        The regional inputs it was computed from (:func:`regio.model.inputs.level_inputs`).
    level
        The level (``instituut`` or a level name).
    unfulfilled
        ``national`` or ``density`` (then the GP density is shown too).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of str or pandas.DataFrame
        Lines and the table, in the order printed.
    """
    nl = lang == "nl"
    label = t(lang, "instituutsgebied", "institute area") if level == "instituut" else get_level(level).label(lang)
    method = regional.attrs["method_nl" if nl else "method"]
    cols = ["statnaam", "stock_share", "growth_pct", "demo_eq", "onv_vraag", "raw_advice", "advice",
            "advice_per_100k"]
    if unfulfilled == "density":
        cols.insert(1, "gps_per_100k")
    n, national, raw = (fmt_number(int(regional["advice"].sum()), 0, lang),
                        fmt_number(regional.attrs["national_advice"], 2, lang),
                        fmt_number(regional.attrs["raw_total"], 1, lang))
    parameters = REGIONAL_PARAMETERS_NL if nl else REGIONAL_PARAMETERS
    return [
        f"\nper {label} ({method}):",
        regional[cols].round(3),
        t(lang, f"som van de regionale adviezen: {n} = landelijk advies {national} afgerond (de eigen adviezen "
                f"van de regio's tellen op tot {raw})",
          f"sum of regional advices: {n} = national advice {national} rounded (regions' own advices sum to "
          f"{raw})"),
        t(lang, "regionale parameters: ", "regional parameters: ") + "; ".join(f"{k}: {v}"
                                                                             for k, v in parameters.items()),
        t(lang, "invoer: ", "inputs: ") + inputs.attrs["method_nl" if nl else "method"],
    ]


def rounds_summary(comp: pd.DataFrame, *, variant: str, scenario: str, lang: str = "nl") -> list[Part]:
    """Summarise the rounds as ``regio model --all-rounds`` prints them: model advice beside the published.

    Parameters
    ----------
    comp
        From :func:`regio.model.published.compare_rounds`.
    variant, scenario
        Those of the comparison.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of str or pandas.DataFrame
        The heading and the table.
    """
    label = SCENARIO_LABELS[scenario][0 if lang == "nl" else 1]
    heading = t(lang, f"\nmodeladvies per raming naast het gepubliceerde advies (variant {variant}, scenario "
                      f"{label}):",
                f"\nmodel advice per round beside the published advice (variant {variant} "
                f"({VARIANT_EN.get(variant, variant)}), scenario {label}):")
    return [heading, comp.drop(columns="source").round(1)]


def write_model(out: Path, params: GPParameters, table: pd.DataFrame, dec: pd.DataFrame,
                regional: pd.DataFrame | None, shapes: gpd.GeoDataFrame | None, scenario: str,
                lang: str = "nl") -> list[Path]:
    """Write what ``regio model --out`` writes: yearly table, decomposition, chart and the regional table and map.

    Parameters
    ----------
    out
        Output directory.
    params
        The parameters run.
    table, dec
        Yearly table and decomposition of ``params``.
    regional, shapes
        The regional advice (``attrs["inputs"]``: the inputs' attrs) and its
        shapes (``None``: loaded with :func:`regio.model.inputs.load_region_shapes`);
        ``regional`` ``None`` without ``--level``.
    scenario
        The scenario of the advice.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of pathlib.Path
        The files written, in order.
    """
    from regio.model.inputs import load_region_shapes

    nl = lang == "nl"
    stem = safe_stem(f"model_{params.raming}_{params.variant}")
    said = parameters_source(params, lang)
    src = t(lang, f"Bron: {said}; regio-huisartsenmodel", f"Source: {said}; regio GP model")
    notes = [src, f"scenario: {SCENARIO_LABELS[scenario][0 if nl else 1]}",
             f"{'evenwichtsjaar' if nl else 'equilibrium year'} {params.evenwichtsjaar2}"]
    written = write_table(table, output_file(out, f"{stem}_jaren"), notes=notes, lang=lang)
    written += write_table(dec, output_file(out, f"{stem}_decompositie"), notes=[*notes, decomposition_note(lang)],
                           lang=lang)
    title = (f"Huisartsen: aanbod en vraag in fte, raming {params.raming} ({params.variant})" if nl
             else f"GPs: supply and demand in FTE, round {params.raming} ({params.variant})")
    written += write_chart(table, output_file(out, f"{stem}_grafiek", ".png"),
                           output_file(out, f"{stem}_grafiek", ".html"), title=title,
                           source=cite(src, lang), notes=notes[1:], lang=lang)
    if regional is not None:
        lvl = regional.attrs["inputs"]["level"]
        year = regional.attrs["inputs"]["year"]
        method = "method_nl" if nl else "method"
        written += write_table(regional, output_file(out, f"{stem}_{lvl}"), lang=lang,
                               notes=[src, regional.attrs[method], regional.attrs["inputs"][method]])
        if shapes is None:
            shapes = load_region_shapes(lvl, year, regional.index)
        unit = map_level_label(lvl, lang).lower()
        mtitle = (f"Instroomadvies huisartsen per 100.000 inwoners, per {unit}" if nl
                  else f"GP intake advice per 100,000 inhabitants, by {unit}")
        caveat = regional_caveat(regional, lang=lang, published=published_advice(params, scenario))
        written += write_advice_map(regional, shapes, output_file(out, f"{stem}_{lvl}_kaart", ".html"),
                                    output_file(out, f"{stem}_{lvl}_kaart", ".png"), title=mtitle,
                                    source=cite(f"{src}; {regional.attrs['inputs']['source']}", lang), caveat=caveat,
                                    level_label=map_level_label(lvl, lang), lang=lang)
    return written


def factor_range(factor: UncertainFactor, lang: str = "nl") -> str:
    """Say where a factor's range comes from: the round's variants, or regio's assumption with its ±.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> from regio.model.uncertainty import uncertainty_factors
    >>> f = {f.name: f for f in uncertainty_factors(example_parameters())}
    >>> factor_range(f["epi"], "en"), factor_range(f["uitstroom"], "nl")
    ('assumption: ±0.003 (absolute)', 'aanname: ±10% van de waarde')
    """
    if factor.kind == "variants":
        return label("uncertainty.kind.variants", lang)
    if factor.kind == "relative":
        return label("uncertainty.kind.relative", lang, spread=fmt_number(factor.spread * 100, 0, lang))
    return label("uncertainty.kind.absolute", lang, spread=fmt_number(factor.spread, 3, lang))


def _interval_line(u: Uncertainty, lang: str) -> str:
    f = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    return label("uncertainty.interval", lang, median=f(u.median), mid=f(u.round_advice), lo80=f(u.lo80),
                 hi80=f(u.hi80), lo95=f(u.lo95), hi95=f(u.hi95))


def sensitivity_table(sens: pd.DataFrame, factors: Sequence[UncertainFactor], *, lang: str = "nl") -> pd.DataFrame:
    """Put the sensitivity table in words: factor, range (and where it comes from), advice at low and high, effect.

    Parameters
    ----------
    sens
        From :func:`regio.model.uncertainty.sensitivity`.
    factors
        The factors (for their ranges).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    pandas.DataFrame
        Indexed by factor code, largest effect first.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> from regio.model.uncertainty import sensitivity, uncertainty_factors
    >>> p = example_parameters()
    >>> fs = uncertainty_factors(p)
    >>> t = sensitivity_table(sensitivity(p, fs), fs, lang="en")
    >>> list(t.columns)[:3], t.loc["epi", "range"]
    (['factor', 'range', 'value_low'], 'assumption: ±0.003 (absolute)')
    """
    by_name = {f.name: f for f in factors}
    out = pd.DataFrame({"factor": [label(f"uncertainty.factor.{c}", lang) for c in sens.index],
                        "range": [factor_range(by_name[c], lang) for c in sens.index]}, index=sens.index)
    for col in ("value_low", "value_mid", "value_high", "advice_low", "advice_mid", "advice_high", "effect"):
        out[col] = sens[col]
    return out


def uncertainty_summary(u: Uncertainty, sens: pd.DataFrame, *, lang: str = "nl") -> list[Part]:
    """Summarise ``regio model --uncertainty`` for the terminal: the interval, how it was drawn, the tornado table.

    Parameters
    ----------
    u
        From :func:`regio.model.uncertainty.draw_uncertainty`.
    sens
        From :func:`regio.model.uncertainty.sensitivity`.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of str or pandas.DataFrame
        Lines and the sensitivity table, in the order printed.
    """
    scenario = SCENARIO_LABELS[u.scenario][0 if lang == "nl" else 1]
    table = sensitivity_table(sens, u.factors, lang=lang)
    shown = table[["factor", "range", "advice_low", "advice_high", "effect"]].rename(
        columns={c: label(f"uncertainty.column.{c}", lang) for c in ("factor", "range", "advice_low",
                                                                     "advice_high", "effect")})
    return ["\n" + label("uncertainty.heading", lang, n=fmt_number(u.n, 0, lang), seed=u.seed, scenario=scenario),
            _interval_line(u, lang), label("uncertainty.method", lang),
            "\n" + label("uncertainty.sensitivity", lang), shown.round(0).reset_index(drop=True)]


def write_uncertainty(out: Path, params: GPParameters, table: pd.DataFrame, u: Uncertainty, sens: pd.DataFrame, *,
                      lang: str = "nl") -> list[Path]:
    """Write what ``regio model --uncertainty --out`` adds: band chart, tornado chart, sensitivity and band tables.

    Parameters
    ----------
    out
        Output directory.
    params
        The parameters run.
    table
        The yearly table (:func:`regio.model.project`) the band chart draws its lines from.
    u, sens
        From :func:`regio.model.uncertainty.draw_uncertainty` and :func:`regio.model.uncertainty.sensitivity`.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of pathlib.Path
        The files written: ``*_onzekerheid_grafiek.png/.html``, ``*_gevoeligheid_grafiek.png/.html``,
        ``*_gevoeligheid.csv/.xlsx`` and ``*_onzekerheid_banden.csv/.xlsx`` (with notes).
    """
    stem = safe_stem(f"model_{params.raming}_{params.variant}")
    said = parameters_source(params, lang)
    src = t(lang, f"Bron: {said}; regio-huisartsenmodel", f"Source: {said}; regio GP model")
    ranges = [f"{label(f'uncertainty.factor.{f.name}', lang)}: {factor_range(f, lang)}" for f in u.factors]
    notes = [_interval_line(u, lang), label("uncertainty.method", lang),
             label("uncertainty.bands", lang, k=fmt_number(u.band_draws, 0, lang)),
             f"seed {u.seed}, n = {u.n}", *ranges]
    title = label("uncertainty.chart_title", lang, round=params.raming)
    written = [write_image(supply_demand_png(table, title=title, source=src, scenarios=(u.scenario,), lang=lang,
                                             bands=u.bands, band_scenario=u.scenario),
                           output_file(out, f"{stem}_onzekerheid_grafiek", ".png")),
               write_html(supply_demand_html(table, title=title, source=src, scenarios=(u.scenario,), notes=notes,
                                             lang=lang, bands=u.bands, band_scenario=u.scenario),
                          output_file(out, f"{stem}_onzekerheid_grafiek", ".html"))]
    ttitle = label("uncertainty.tornado_title", lang, round=params.raming)
    words = sensitivity_table(sens, u.factors, lang=lang)
    written.append(write_image(tornado_png(sens, title=ttitle, source=src, lang=lang),
                               output_file(out, f"{stem}_gevoeligheid_grafiek", ".png")))
    written.append(write_html(tornado_html(sens, title=ttitle, source=src, ranges=list(words["range"]),
                                           notes=[label("uncertainty.sensitivity", lang), *notes[1:2]], lang=lang),
                              output_file(out, f"{stem}_gevoeligheid_grafiek", ".html")))
    written += write_table(words, output_file(out, f"{stem}_gevoeligheid"),
                           notes=[src, label("uncertainty.sensitivity", lang), *ranges], lang=lang)
    written += write_table(u.bands, output_file(out, f"{stem}_onzekerheid_banden"), notes=[src, *notes],
                           lang=lang)
    return written
