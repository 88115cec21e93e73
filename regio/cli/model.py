"""``regio model``: the Capaciteitsorgaan GP model — supply, demand, intake advice, what-if, per region."""

from __future__ import annotations

from pathlib import Path

import click

from regio.cli._common import csv_option, echo_parts, echo_written, lang_option, wide_option
from regio.errors import InputError
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.model import available_rounds, decompose, get_scenario, project, read_parameters
from regio.model.parameters import VARIANTS, apply_overrides
from regio.model.published import compare_rounds
from regio.text import joined


def _parse_sets(items: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    bad, twice = [], []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            bad.append(item)
        elif name.strip() in out:
            twice.append(InputError(f"{name.strip()} ({out[name.strip()]} and {value.strip()})",
                                    key="cli.pairs.twice_item", name=name.strip(), first=out[name.strip()],
                                    second=value.strip()))
        else:
            out[name.strip()] = value.strip()
    if bad:
        got = ", ".join(repr(b) for b in bad)
        raise InputError(f"--set takes NAME=VALUE (e.g. --set uren_per_week=45 or --set instroom=850); got {got}.",
                         key="cli.model.set_form", got=got)
    if twice:
        raise InputError(f"--set given more than once for {', '.join(map(str, twice))}: give each parameter once.",
                         key="cli.model.set_twice", names=joined(twice, sep=", "))
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
@click.option("--spread", type=click.Choice(["practices", "population"]), default="practices", show_default=True,
              help="With --level other than provincie: spread each 2018 province GP count over its municipalities by "
                   "their share of GP practices (derived counts, ZorgkaartNederland 2026) or of inhabitants (an "
                   "estimate either way).")
@click.option("--ages", type=click.Choice(["auto", "kerncijfers", "2020", "national"]), default="auto",
              show_default=True,
              help="With --level: the regions' age structure for their ageing (demography): 2020 = the municipal "
                   "10-year bands of 1 January 2020 carried to 2024; kerncijfers = the five CBS bands of 2024; "
                   "national = every region ages as the nation; auto = 2020, else kerncijfers, else national.")
@click.option("--unfulfilled", type=click.Choice(["national", "density"]), default="national", show_default=True,
              help="Regional unfulfilled demand: the national value, or from GP density relative to the nation.")
@click.option("--years", "show_years", is_flag=True, help="Print the yearly table.")
@click.option("--all-rounds", is_flag=True, help="Print the model's advice for every round beside the published one.")
@click.option("--uncertainty", "draws", type=click.IntRange(min=10), default=None, metavar="N",
              help="Draw the uncertain parameters N times (the round's laag/hoog variants where they differ, else "
                   "regio's assumed ranges, said as such) and print the advice's median with 80% and 95% intervals "
                   "and the sensitivity (tornado) table; with --out also the band chart, tornado chart and tables.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the draws of --uncertainty.")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the yearly table, decomposition, chart (PNG, HTML) and regional table and map here.")
@lang_option("Language of the terminal output, notes, tables and charts.")
@csv_option()
@wide_option()
def cli(raming: int, variant: str, scenario: str, sets: tuple[str, ...], level: str | None, spread: str,
        ages: str, unfulfilled: str, show_years: bool, all_rounds: bool, draws: int | None, seed: int,
        out: Path | None, lang: str) -> None:
    """Run the national GP supply/demand model of one round and print the intake advice.

    Supply (current GPs minus outflow, trainees, intake, abroad) and demand
    (unfulfilled demand, demography, non-demographic trends) from the base year
    to the equilibrium year; the advice is the yearly intake from the
    bijsturingsjaar that closes the gap in the equilibrium year.
    """
    from regio.report.model import national_summary, regional_summary, rounds_summary, write_model

    if level is not None:
        level = _check_level(level)  # before any output: a wrong level must not print the national model first
    sc = get_scenario(scenario)
    overrides = _parse_sets(sets)  # a malformed --set is said before any data is read
    base = read_parameters(raming, variant)
    params = apply_overrides(base, overrides) if overrides else base
    table, dec = project(params), decompose(params, scenario=sc)
    echo_parts(national_summary(params, base=base, overrides=overrides, scenario=sc, variant=variant, table=table,
                                dec=dec, show_years=show_years, lang=lang), lang=lang)
    regional = shapes = None
    if level is not None:
        from regio.model.inputs import level_inputs
        from regio.model.regional import regional_advice

        inputs, shapes = level_inputs(level, spread=spread, ages=ages)
        regional = regional_advice(params, inputs, growth_years=inputs.attrs["growth_years"], scenario=sc,
                                   unfulfilled=unfulfilled)
        echo_parts(regional_summary(regional, inputs, level=level, unfulfilled=unfulfilled, lang=lang), lang=lang)
        regional.attrs["inputs"] = dict(inputs.attrs)
    if all_rounds:
        comp = compare_rounds({r: read_parameters(r, variant) for r in available_rounds()}, scenario=sc)
        echo_parts(rounds_summary(comp, variant=variant, scenario=sc, lang=lang), lang=lang)
    spread = None
    if draws is not None:
        from regio.model.uncertainty import draw_uncertainty, sensitivity, uncertainty_factors
        from regio.report.model import uncertainty_summary

        low, high = (read_parameters(raming, v) for v in ("laag", "hoog"))
        factors = uncertainty_factors(params, low=low, high=high)
        spread = (draw_uncertainty(params, factors, n=draws, seed=seed, scenario=sc),
                  sensitivity(params, factors, scenario=sc))
        echo_parts(uncertainty_summary(*spread, lang=lang), lang=lang)
    if out is not None:
        written = write_model(out, params, table, dec, regional, shapes, sc, lang)
        if spread is not None:
            from regio.report.model import write_uncertainty

            written += write_uncertainty(out, params, table, *spread, lang=lang)
        for p in written:
            echo_written(p, lang)


_INSTITUTE = ("instituut", "institute", "huisartsopleiding", "opleiding")


def _check_level(level: str) -> str:
    """Return the level name for ``--level`` (``instituut`` or a level made of whole municipalities), or refuse it."""
    if level.strip().lower() in _INSTITUTE:
        return "instituut"
    name = get_level(level).name  # an unknown name is an error listing the known levels
    if name not in MUNICIPAL_GROUPINGS:
        raise InputError(f"The regional model runs on levels made of whole municipalities "
                         f"({', '.join(MUNICIPAL_GROUPINGS)}) or instituut, not {name}.",
                         key="cli.model.level", known=", ".join(MUNICIPAL_GROUPINGS), level=name)
    return name
