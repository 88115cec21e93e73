"""``regio model``: the Capaciteitsorgaan GP model — supply, demand, intake advice, what-if, per region."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from regio.cli._common import print_table
from regio.errors import InputError
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.model import (
    SCENARIO_LABELS,
    SCENARIOS,
    available_rounds,
    decompose,
    decomposition_note,
    get_scenario,
    intake_advice,
    project,
    read_parameters,
    supply,
    what_if,
)
from regio.model.parameters import VARIANTS, apply_overrides
from regio.model.published import PUBLISHED, compare_rounds, reproduction_2025
from regio.model.regional import regional_caveat
from regio.report.export import write_html, write_image, write_table
from regio.text import fmt_number, t


def _parse_sets(items: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    bad = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            bad.append(item)
        else:
            out[name.strip()] = value.strip()
    if bad:
        raise InputError(f"--set takes NAME=VALUE (e.g. --set uren_per_week=45 or --set instroom=850); "
                         f"got {', '.join(repr(b) for b in bad)}.")
    return out


@click.command("model")
@click.option("--round", "raming", type=int, default=2025, show_default=True,
              help="Round (raming) of the Capaciteitsorgaan: 2010, 2013, 2016, 2019, 2022 or 2025.")
@click.option("--variant", type=click.Choice(VARIANTS), default="midden", show_default=True,
              help="Variant of the demand parameters.")
@click.option("--scenario", default="full", show_default=True,
              help="Demand scenario of the advice: full (temporary trend, the published one), demography, "
                   "workprocess, working_time, full_lasting (Dutch: volledig, demografie, werkproces, arbeidstijd, "
                   "doorgaand).")
@click.option("--set", "sets", multiple=True, metavar="NAME=VALUE",
              help="Change a parameter (repeatable): a field of regio.model.GPParameters (the Capaciteitsorgaan's "
                   "variable names, e.g. n_inopleiding_perjaar3, fte_vrouw_basis_tien, epi), an alias "
                   "(instroom, evenwichtsjaar, onvervulde_vraag) or uren_per_week. Shows the advice before and "
                   "after.")
@click.option("--level", "-l", default=None,
              help="Also run the model per region of this level (provincie, ggdregio, ..., or instituut for the "
                   "areas of the 8 GP training institutes by nearest location) and apportion the national advice "
                   "over the regions.")
@click.option("--unfulfilled", type=click.Choice(["national", "density"]), default="national", show_default=True,
              help="Regional unfulfilled demand: the national value, or from GP density relative to the nation.")
@click.option("--years", "show_years", is_flag=True, help="Print the yearly table.")
@click.option("--all-rounds", is_flag=True, help="Print the model's advice for every round beside the published one.")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the yearly table, decomposition, chart (PNG, HTML) and regional table and map here.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the terminal output, notes, tables and charts.")
def cli(raming: int, variant: str, scenario: str, sets: tuple[str, ...], level: str | None, unfulfilled: str,
        show_years: bool, all_rounds: bool, out: Path | None, lang: str) -> None:
    """Run the national GP supply/demand model of one round and print the intake advice.

    Supply (current GPs minus outflow, trainees, intake, abroad) and demand
    (unfulfilled demand, demography, non-demographic trends) from the base year
    to the equilibrium year; the advice is the yearly intake from the
    bijsturingsjaar that closes the gap in the equilibrium year.
    """
    if level is not None:
        level = _check_level(level)  # before any output: a wrong level must not print the national model first
    sc = get_scenario(scenario)
    base = read_parameters(raming, variant)
    overrides = _parse_sets(sets)
    params = apply_overrides(base, overrides) if overrides else base
    adv = intake_advice(params, scenario=sc)
    sup = supply(params)
    nl = lang == "nl"
    f = lambda v, d=0: fmt_number(v, d, lang)  # noqa: E731
    label = lambda s: SCENARIO_LABELS[s][0 if nl else 1]  # noqa: E731
    say = lambda nl_text, en_text: click.echo(nl_text if nl else en_text)  # noqa: E731
    say(f"Capaciteitsorgaan-model huisartsen: raming {params.raming}, variant {params.variant}, scenario {label(sc)}",
        f"Capaciteitsorgaan GP model: round {params.raming}, variant {params.variant} "
        f"({_VARIANT_EN.get(params.variant, params.variant)}), scenario {label(sc)}")
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
        say("\nreproductie van de gepubliceerde raming 2025 (midden, volledig scenario):",
            "\nreproduction of the published 2025 round (midden, full scenario):")
        print_table(reproduction_2025(params).round(2), lang=lang)
    if overrides:
        say(f"\nwat-als: {', '.join(f'{k}={v}' for k, v in overrides.items())}",
            f"\nwhat-if: {', '.join(f'{k}={v}' for k, v in overrides.items())}")
        w = what_if(base, overrides, scenario=sc)
        print_table(w.round(1), lang=lang)
        before, after = f(w.loc["base", "advice"]), f(w.loc["what_if", "advice"])
        diff = fmt_number(w.loc["difference", "advice"], 0, lang, signed=True)
        say(f"advies {before} -> {after} ({diff} aios per jaar)",
            f"advice {before} -> {after} ({diff} trainees a year)")
    dec = decompose(params, scenario=sc)
    rest = f(adv.advice - adv.current_intake, 1)
    say(f"\nopbouw van het advies ({label(sc)}, aios per jaar; telt op tot advies − huidige instroom = {rest}):",
        f"\ndecomposition of the advice ({label(sc)}, trainees a year; sums to advice − current intake = {rest}):")
    shown = dec[[f"label_{lang}", "fte", "trainees"]].rename(columns={f"label_{lang}": "label"})
    print_table(shown.round(1), lang=lang)
    table = project(params)
    if show_years:
        cols = ["persons", "fte", *[c for c in table.columns if c.startswith(("demand_", "gap_"))]]
        print_table(table[cols].round(0), lang=lang)
    regional = shapes = None
    if level is not None:
        regional, shapes = _regional(params, level, sc, unfulfilled, lang)
    if all_rounds:
        say(f"\nmodeladvies per raming naast het gepubliceerde advies (variant {variant}, scenario {label(sc)}):",
            f"\nmodel advice per round beside the published advice (variant {variant} "
            f"({_VARIANT_EN.get(variant, variant)}), scenario {label(sc)}):")
        params_by_round = {r: read_parameters(r, variant) for r in available_rounds()}
        comp = compare_rounds(params_by_round, scenario=sc)
        print_table(comp.drop(columns="source").round(1), lang=lang)
    if out is not None:
        _write(out, params, table, dec, regional, shapes, sc, lang)


#: The Capaciteitsorgaan's variant names (kept as published) glossed in English.
_VARIANT_EN = {"laag": "low", "midden": "middle", "hoog": "high"}

_INSTITUTE = ("instituut", "institute", "huisartsopleiding", "opleiding")


def _check_level(level: str) -> str:
    """Return the level name for ``--level`` (``instituut`` or a level made of whole municipalities), or refuse it."""
    if level.strip().lower() in _INSTITUTE:
        return "instituut"
    name = get_level(level).name  # an unknown name is an error listing the known levels
    if name not in MUNICIPAL_GROUPINGS:
        raise InputError(f"The regional model runs on levels made of whole municipalities "
                         f"({', '.join(MUNICIPAL_GROUPINGS)}) or instituut, not {name}.")
    return name


def _regional(params, level: str, sc: str, unfulfilled: str, lang: str):
    from regio.model.inputs import load_regional_inputs
    from regio.model.regional import REGIONAL_PARAMETERS, REGIONAL_PARAMETERS_NL, regional_advice
    from regio.recruitment.run import institute_membership, institute_shapes

    nl = lang == "nl"
    shapes = None
    if level == "instituut":
        member = institute_membership(2024)
        shapes = institute_shapes(member, year=2024)
        inputs = load_regional_inputs("instituut", membership=member, names=member.attrs["names"])
        inputs.attrs["method"] += f"; institute areas (computed, not official work areas): {member.attrs['method']}"
        inputs.attrs["method_nl"] += ("; instituutsgebieden (berekend, geen officiële werkgebieden): "
                                      f"{member.attrs['method_nl']}")
        label = t(lang, "instituutsgebied", "institute area")
    else:
        inputs = load_regional_inputs(level)
        label = get_level(level).label(lang)
    res = regional_advice(params, inputs, growth_years=inputs.attrs["growth_years"], scenario=sc,
                          unfulfilled=unfulfilled)
    method = res.attrs["method_nl" if nl else "method"]
    click.echo(f"\nper {label} ({method}):")
    cols = ["statnaam", "stock_share", "growth_pct", "demo_eq", "onv_vraag", "raw_advice", "advice",
            "advice_per_100k"]
    if unfulfilled == "density":
        cols.insert(1, "gps_per_100k")
    print_table(res[cols].round(3), lang=lang)
    n, national, raw = (fmt_number(int(res["advice"].sum()), 0, lang),
                        fmt_number(res.attrs["national_advice"], 2, lang), fmt_number(res.attrs["raw_total"], 1, lang))
    click.echo(t(lang, f"som van de regionale adviezen: {n} = landelijk advies {national} afgerond (de eigen adviezen "
                       f"van de regio's tellen op tot {raw})",
                 f"sum of regional advices: {n} = national advice {national} rounded (regions' own advices sum to "
                 f"{raw})"))
    parameters = REGIONAL_PARAMETERS_NL if nl else REGIONAL_PARAMETERS
    click.echo(t(lang, "regionale parameters: ", "regional parameters: ")
               + "; ".join(f"{k}: {v}" for k, v in parameters.items()))
    click.echo(t(lang, "invoer: ", "inputs: ") + inputs.attrs["method_nl" if nl else "method"])
    res.attrs["inputs"] = dict(inputs.attrs)
    return res, shapes


def _write(out: Path, params, table: pd.DataFrame, dec: pd.DataFrame, regional, shapes, sc: str,
           lang: str) -> None:
    from regio.maps.charts import advice_map, supply_demand_html, supply_demand_png
    from regio.model.inputs import load_region_shapes

    nl = lang == "nl"
    stem = f"model_{params.raming}_{params.variant}"
    src = t(lang, f"Bron: {params.bron}; regio-huisartsenmodel", f"Source: {params.bron}; regio GP model")
    notes = [src, f"scenario: {SCENARIO_LABELS[sc][0 if nl else 1]}",
             f"{'evenwichtsjaar' if nl else 'equilibrium year'} {params.evenwichtsjaar2}"]
    written = write_table(table, out / f"{stem}_jaren", notes=notes)
    written += write_table(dec, out / f"{stem}_decompositie", notes=[*notes, decomposition_note(lang)])
    title = (f"Huisartsen: aanbod en vraag in fte, raming {params.raming} ({params.variant})" if nl
             else f"GPs: supply and demand in FTE, round {params.raming} ({params.variant})")
    written.append(write_image(supply_demand_png(table, title=title, source=src, lang=lang),
                               out / f"{stem}_grafiek.png"))
    written.append(write_html(supply_demand_html(table, title=title, source=src, lang=lang, notes=notes[1:]),
                              out / f"{stem}_grafiek.html"))
    if regional is not None:
        lvl = regional.attrs["inputs"]["level"]
        year = regional.attrs["inputs"]["year"]
        method = "method_nl" if nl else "method"
        written += write_table(regional, out / f"{stem}_{lvl}",
                               notes=[src, regional.attrs[method], regional.attrs["inputs"][method]])
        if shapes is None:
            shapes = load_region_shapes(lvl, year, regional.index)
        frame = shapes[["geometry"]].join(regional, how="inner")
        unit = _level_label(lvl, lang).lower()
        mtitle = (f"Instroomadvies huisartsen per 100.000 inwoners, per {unit}" if nl
                  else f"GP intake advice per 100,000 inhabitants, by {unit}")
        published = (PUBLISHED[params.raming].advice if params.raming in PUBLISHED and params.variant == "midden"
                     and sc == "full" else None)
        caveat = regional_caveat(regional, lang=lang, published=published)
        page, png = advice_map(frame, title=mtitle, source=f"{src}; {regional.attrs['inputs']['source']}",
                               caveat=caveat, level_label=_level_label(lvl, lang), lang=lang)
        written += [write_html(page, out / f"{stem}_{lvl}_kaart.html"),
                    write_image(png, out / f"{stem}_{lvl}_kaart.png")]
    for p in written:
        click.echo(f"wrote {p}")


def _level_label(level: str, lang: str) -> str:
    if level == "instituut":
        return "Huisartsopleiding" if lang == "nl" else "GP training institute"
    return get_level(level).label(lang).capitalize()
