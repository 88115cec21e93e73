"""``regio model``: the Capaciteitsorgaan GP model — supply, demand, intake advice, what-if, per region."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from regio.cli._common import print_table
from regio.errors import InputError
from regio.export import write_table
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.model import SCENARIO_LABELS, SCENARIOS, decompose, get_scenario, intake_advice, project, supply, what_if
from regio.model.parameters import VARIANTS, apply_overrides
from regio.model.published import PUBLISHED, compare_rounds, reproduction_2025
from regio.sources.capaciteitsorgaan import available_rounds, read_parameters


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


def _fmt(v: float, d: int = 0) -> str:
    return f"{v:,.{d}f}"


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
              help="Language of labels in tables and charts.")
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
    click.echo(f"Capaciteitsorgaan GP model: round {params.raming}, variant {params.variant}, "
               f"scenario {SCENARIO_LABELS[sc][1]}")
    click.echo(f"base year {params.basisjaar}, advice from {params.bijsturingsjaar}, trend to {params.trendjaar}, "
               f"equilibrium year {adv.year}")
    click.echo(f"supply {params.basisjaar}: {_fmt(sup['persons'].iloc[0])} GPs, {_fmt(sup['fte'].iloc[0])} FTE")
    click.echo(f"demand {adv.year} and advice per scenario:")
    for s in SCENARIOS:
        a = intake_advice(params, scenario=s)
        click.echo(f"  {SCENARIO_LABELS[s][1]:<32} demand {_fmt(a.demand_fte):>7} FTE   advice {_fmt(a.advice):>6}")
    click.echo(f"supply {adv.year} at the current intake of {_fmt(adv.current_intake)}: {_fmt(adv.supply_fte)} FTE "
               f"(gap {_fmt(adv.gap_fte)} FTE)")
    pub = PUBLISHED.get(params.raming)
    pub_text = ""
    if pub is not None and not overrides and sc == "full" and variant == "midden":
        rng = f", range {pub.advice_low}-{pub.advice_high}" if pub.advice_low is not None else ""
        pub_text = f" (published: {pub.advice:,}{rng}; {(adv.advice / pub.advice - 1) * 100:+.1f}%)"
    click.echo(f"intake advice from {adv.from_year}: {_fmt(adv.advice)} trainees a year{pub_text}")
    if params.raming == 2025 and not overrides and variant == "midden":
        click.echo("\nreproduction of the published 2025 round (midden, full scenario):")
        print_table(reproduction_2025(params).round(2))
    if overrides:
        click.echo(f"\nwhat-if: {', '.join(f'{k}={v}' for k, v in overrides.items())}")
        w = what_if(base, overrides, scenario=sc)
        print_table(w.round(1))
        click.echo(f"advice {_fmt(w.loc['base', 'advice'])} -> {_fmt(w.loc['what_if', 'advice'])} "
                   f"({w.loc['difference', 'advice']:+,.0f} trainees a year)")
    dec = decompose(params, scenario=sc)
    click.echo(f"\ndecomposition of the advice ({SCENARIO_LABELS[sc][1]}, trainees a year; sums to advice - current "
               f"intake = {_fmt(adv.advice - adv.current_intake)}):")
    shown = dec[[f"label_{lang}", "fte", "trainees"]].rename(columns={f"label_{lang}": "label"})
    print_table(shown.round(1))
    table = project(params)
    if show_years:
        cols = ["persons", "fte", *[c for c in table.columns if c.startswith(("demand_", "gap_"))]]
        print_table(table[cols].round(0))
    regional = shapes = None
    if level is not None:
        regional, shapes = _regional(params, level, sc, unfulfilled, lang)
    if all_rounds:
        click.echo("\nmodel advice per round beside the published advice (variant "
                   f"{variant}, scenario {SCENARIO_LABELS[sc][1]}):")
        params_by_round = {r: read_parameters(r, variant) for r in available_rounds()}
        comp = compare_rounds(params_by_round, scenario=sc)
        print_table(comp.drop(columns="source").round(1))
    if out is not None:
        _write(out, params, table, dec, regional, shapes, sc, lang)


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
    from regio.model.regional import REGIONAL_PARAMETERS, regional_advice
    from regio.recruitment_run import institute_membership, institute_shapes

    shapes = None
    if level.strip().lower() in _INSTITUTE:
        member = institute_membership(2024)
        shapes = institute_shapes(member, year=2024)
        inputs = load_regional_inputs("instituut", membership=member, names=member.attrs["names"])
        inputs.attrs["method"] += f"; institute areas (computed, not official work areas): {member.attrs['method']}"
        label = "institute area"
    else:
        inputs = load_regional_inputs(level)
        label = get_level(level).label("en")
    res = regional_advice(params, inputs, growth_years=inputs.attrs["growth_years"], scenario=sc,
                          unfulfilled=unfulfilled)
    click.echo(f"\nper {label} ({res.attrs['method']}):")
    cols = ["statnaam", "stock_share", "growth_pct", "demo_eq", "onv_vraag", "raw_advice", "advice",
            "advice_per_100k"]
    print_table(res[cols].round(3))
    click.echo(f"sum of regional advices: {int(res['advice'].sum()):,} = national advice "
               f"{res.attrs['national_advice']:,.1f} rounded "
               f"(regions' own advices sum to {res.attrs['raw_total']:,.1f})")
    click.echo("regional parameters: " + "; ".join(f"{k}: {v}" for k, v in REGIONAL_PARAMETERS.items()))
    click.echo(f"inputs: {inputs.attrs['method']}")
    res.attrs["inputs"] = dict(inputs.attrs)
    return res, shapes


def _write(out: Path, params, table: pd.DataFrame, dec: pd.DataFrame, regional, shapes, sc: str,
           lang: str) -> None:
    from regio.maps.charts import advice_map, supply_demand_html, supply_demand_png
    from regio.model.inputs import load_region_shapes

    nl = lang == "nl"
    stem = f"model_{params.raming}_{params.variant}"
    src = f"{'Bron' if nl else 'Source'}: {params.bron}; regio GP model"
    notes = [src, f"scenario: {SCENARIO_LABELS[sc][0 if nl else 1]}",
             f"{'evenwichtsjaar' if nl else 'equilibrium year'} {params.evenwichtsjaar2}"]
    written = write_table(table, out / f"{stem}_jaren", notes=notes)
    written += write_table(dec, out / f"{stem}_decompositie", notes=notes)
    title = (f"Huisartsen: aanbod en vraag in fte, raming {params.raming} ({params.variant})" if nl
             else f"GPs: supply and demand in FTE, round {params.raming} ({params.variant})")
    written.append(supply_demand_png(table, out / f"{stem}_grafiek.png", title=title, source=src, lang=lang))
    written.append(supply_demand_html(table, out / f"{stem}_grafiek.html", title=title, source=src, lang=lang,
                                      notes=notes[1:]))
    if regional is not None:
        lvl = regional.attrs["inputs"]["level"]
        year = regional.attrs["inputs"]["year"]
        written += write_table(regional, out / f"{stem}_{lvl}", notes=[src, regional.attrs["method"]])
        if shapes is None:
            shapes = load_region_shapes(lvl, year, regional.index)
        frame = shapes[["geometry"]].join(regional, how="inner")
        unit = _level_label(lvl, lang).lower()
        mtitle = (f"Instroomadvies huisartsen per 100.000 inwoners, per {unit}" if nl
                  else f"GP intake advice per 100,000 inhabitants, by {unit}")
        caveat = ("Landelijk advies verdeeld naar regionaal model; huisartsen naar woonplaats (CBS 2018)." if nl
                  else "National advice apportioned by a regional model; GPs by residence (CBS 2018).")
        written += advice_map(frame, out / f"{stem}_{lvl}_kaart", title=mtitle,
                              source=f"{src}; {regional.attrs['inputs']['source']}", caveat=caveat,
                              level_label=_level_label(lvl, lang), lang=lang)
    for p in written:
        click.echo(f"wrote {p}")


def _level_label(level: str, lang: str) -> str:
    if level == "instituut":
        return "Huisartsopleiding" if lang == "nl" else "GP training institute"
    return get_level(level).label(lang).capitalize()
