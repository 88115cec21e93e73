"""``regio trainers``: the trainer forecast per GP training institute and year, and where to recruit."""

from __future__ import annotations

from pathlib import Path

import click

from regio.cli._common import csv_option, echo_written, lang_option, print_table, wide_option
from regio.cli._parse import parse_pairs, said_as_options
from regio.data.trainers import intake_table, trainer_counts, trainer_list
from regio.errors import InputError
from regio.recruitment import DEFAULT_TARGET_SHARE, NATIONAL_TRAINERS_2009
from regio.report.trainers import summary_lines, write_outputs
from regio.text import t
from regio.trainers import DEFAULT_OUTFLOW_RATE, DEFAULT_RETIREMENT_AGE, KEYS
from regio.trainers.run import TrainerSpec, run_trainers

__all__ = ["MESSAGES", "cli", "intake_option"]

#: The :class:`~regio.errors.OptionError` kinds of :class:`~regio.trainers.TrainerSpec`, said with options.
MESSAGES = {"places_without_table": lambda **_: InputError(
    "--key places needs an intake table (--intake FILE with places per institute and year).",
    key="cli.trainers.places_without_table")}


def intake_option(text: str | None):
    """Read ``--intake``: a national number (``1026``), ``amc=120,lumc=90,...`` or an intake table file.

    Returns
    -------
    tuple
        ``(intake, intake_table)``: a number or mapping (or None), and the table (or None).

    Examples
    --------
    >>> intake_option("1026"), intake_option(None)
    ((1026.0, None), (None, None))
    >>> intake_option("amc=120,lumc=90")
    ({'amc': '120', 'lumc': '90'}, None)
    >>> intake_option("abc")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: --intake 'abc' is not a number of trainees a year (e.g. 1026), not 'amc=120,...' and ...
    >>> intake_option("1.026")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: --intake '1.026': write trainees a year without a thousands separator (1026), ...
    """
    if text is None:
        return None, None
    s = text.strip()
    if s.replace(".", "", 1).isdigit() and not Path(s).is_file():
        if "." in s and len(s.split(".")[1]) == 3:
            raise InputError(f"--intake {text!r}: write trainees a year without a thousands separator (1026), or "
                             "give a file or 'amc=120,...'.", key="cli.trainers.intake_grouped", text=text)
        return float(s), None
    if "=" in s and not Path(s).is_file():
        return parse_pairs(s, what="intake (trainees per institute)"), None
    if not Path(s).exists():  # neither a number, nor institute=number pairs, nor a file
        raise InputError(f"--intake {text!r} is not a number of trainees a year (e.g. 1026), not 'amc=120,...' and "
                         "not a file (an intake table with instituut, jaar, aangeboden, gevuld).",
                         key="cli.trainers.intake_unreadable", text=text)
    return None, intake_table(s)


@click.command("trainers")
@click.option("--intake", "intake_text",
              help="Trainees a year from --intake-from: a national number (default 1026, the 2025 advice), "
                   "'amc=120,...' per institute, or a file of places per institute and year (instituut, jaar, "
                   "aangeboden, gevuld).")
@click.option("--intake-from", type=int, default=2027, show_default=True, help="First year of --intake.")
@click.option("--current-intake", type=float, help="National intake before --intake-from (default: the model "
                                                   "round's current intake).")
@click.option("--key", type=click.Choice(KEYS), help="Split of a national intake: need (inhabitants of the areas) "
                                                     "or places (filled places of the intake file).")
@click.option("--trainers", "trainers_list", type=click.Path(dir_okay=False, path_type=Path),
              help="Trainer list (CSV/Excel): one row per trainer: instituut, postcode/pc4/gemeentecode, optional "
                   "geboortejaar or leeftijd, startjaar, aios.")
@click.option("--trainer-counts", "trainer_counts_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Trainers per institute (instituut, opleiders) or per municipality (gemeentecode, opleiders).")
@click.option("--national-trainers", type=click.IntRange(min=0), default=NATIONAL_TRAINERS_2009, show_default=True,
              help="Without a list or counts: national trainers split by GP share (estimate).")
@click.option("--base-year", type=int, default=2025, show_default=True, help="First year of the forecast.")
@click.option("--horizon", type=int, default=2035, show_default=True, help="Last year of the forecast.")
@click.option("--target-year", type=int, default=2030, show_default=True, help="Close the gap by this year.")
@click.option("--trainees-per-trainer", type=float, default=1.0, show_default=True,
              help="Trainees one trainer takes at once.")
@click.option("--retirement-age", type=click.IntRange(50, 80), default=DEFAULT_RETIREMENT_AGE, show_default=True,
              help="Trainers with a known age stop at this age.")
@click.option("--outflow-rate", "leaving_rate", type=click.FloatRange(0, 1, max_open=True),
              default=DEFAULT_OUTFLOW_RATE, show_default=True,
              help="Yearly outflow of trainers of unknown age (an assumption).")
@click.option("--rendement", type=click.FloatRange(0, 1, min_open=True),
              help="Share of trainees finishing (default: the model round's intern rendement).")
@click.option("--round", "model_round", type=int, default=2025, show_default=True, help="Round of the national model.")
@click.option("--target-share", type=float, default=DEFAULT_TARGET_SHARE, show_default=True,
              help="Second yardstick: trainers as a share of GPs per area.")
@click.option("--recruit", "recruit_plan",
              help="A recruitment plan instead of the computed one: recruits a year per institute, 'amc=10,...' "
                   "(every institute).")
@click.option("--margin", type=float, default=5.0, show_default=True,
              help="Joint recruitment where another institute's location is within this many km.")
@click.option("--year", type=int, default=2024, show_default=True, help="Municipal division of the areas.")
@click.option("--expand", type=click.IntRange(0, 20), default=None,
              help="Also plan up to this many new training locations among the hospitals (VZinfo 2016).")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the tables (CSV, Excel), the chart (PNG, HTML) and the map into this directory.")
@lang_option("Label language.")
@csv_option()
@wide_option()
def cli(intake_text: str | None, intake_from: int, current_intake: float | None, key: str | None,
        trainers_list: Path | None, trainer_counts_file: Path | None, national_trainers: int, base_year: int,
        horizon: int, target_year: int, trainees_per_trainer: float, retirement_age: int, leaving_rate: float,
        rendement: float | None, model_round: int, target_share: float, recruit_plan: str | None, margin: float,
        year: int, expand: int | None, out: Path | None, lang: str) -> None:
    """Forecast GP trainers required and available per training institute and year, and where to recruit."""
    if trainers_list is not None and trainer_counts_file is not None:
        raise click.UsageError("Give --trainers or --trainer-counts, not both.")
    intake, table = intake_option(intake_text)
    trainers = (trainer_list(trainers_list, year=year) if trainers_list is not None
                else trainer_counts(trainer_counts_file, year=year) if trainer_counts_file is not None else None)
    with said_as_options(MESSAGES):
        spec = TrainerSpec(base_year=base_year, horizon=horizon, target_year=target_year, intake=intake,
                           intake_from=intake_from, current_intake=current_intake, intake_table=table, key=key,
                           rendement=rendement, model_round=model_round, trainees_per_trainer=trainees_per_trainer,
                           trainers=trainers, national_trainers=national_trainers, retirement_age=retirement_age,
                           outflow_rate=leaving_rate, target_share=target_share, margin=margin, year=year,
                           recruitment=None if recruit_plan is None else parse_pairs(
                               recruit_plan, what="recruitment (trainers a year per institute)"))
    res = run_trainers(spec, lang=lang)
    print_table(res.summary, lang=lang)
    for line in summary_lines(res, lang):
        click.echo(line)
    plan = None
    if expand is not None:
        from regio.trainers.expand_run import run_expansion

        plan = run_expansion(range(0, expand + 1), lang=lang)
        print_table(plan.table.set_index("k"), lang=lang)
        for line in plan.notes:
            click.echo(t(lang, "noot: ", "note: ") + line)
    if out:
        for p in write_outputs(res, out, lang=lang, expansion=plan):
            echo_written(p, lang)
