"""``regio recruit``: recruitment areas of the GP training institutes, trainers, targets and gaps."""

from __future__ import annotations

from pathlib import Path

import click

from regio.cli import encoding_option
from regio.cli._common import csv_option, echo_written, lang_option, print_table, wide_option, year_option
from regio.cli._parse import region_values, said_as_options, table
from regio.data.user_files import read_counts_file
from regio.errors import InputError
from regio.recruitment import DEFAULT_TARGET_SHARE, NATIONAL_TRAINERS_2009, NATIONAL_TRAINERS_TARGET, SPREADS
from regio.recruitment.run import METHODS, RecruitmentSpec, run_recruitment
from regio.report.recruitment import summary_lines, write_outputs

__all__ = ["MESSAGES", "cli"]

#: The :class:`~regio.errors.OptionError` kinds of :class:`~regio.recruitment.RecruitmentSpec`, said with options.
MESSAGES = {"agreement_missing": lambda **_: InputError(
    "method 'agreement' needs an agreement table (--agreement FILE).", key="cli.recruit.agreement_missing")}


@click.command("recruit")
@click.option("--method", "-m", type=click.Choice(METHODS), default="nearest", show_default=True,
              help="How municipalities are assigned to institutes.")
@click.option("--agreement", type=click.Path(dir_okay=False, path_type=Path),
              help="Agreement table (CSV/Excel): gemeente (code or name), primary, joint.")
@click.option("--travel-times", type=click.Path(dir_okay=False, path_type=Path),
              help="Travel-time matrix (CSV/Excel) instead of straight-line distance: gemeente x location/institute.")
@click.option("--margin", type=float, default=5.0, show_default=True,
              help="nearest: joint zone where another institute is within this many km (minutes with --travel-times).")
@click.option("--no-satellites", is_flag=True, help="Ignore the satellite locations (Hengelo, Zwolle, Den Haag).")
@year_option(2024, "Boundary and population year.")
@click.option("--gps", "gps_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Municipal GP counts (columns region, year, count); default: estimated from 2018 province counts.")
@click.option("--spread", type=click.Choice(SPREADS), default="practices", show_default=True,
              help="Without --gps: spread each 2018 province count over its municipalities by their share of GP "
                   "practices (derived counts, ZorgkaartNederland 2026) or of inhabitants (an estimate either way).")
@click.option("--trainers", type=click.Path(dir_okay=False, path_type=Path),
              help="Trainers per institute (institute, trainers) or per municipality (gemeente, trainers).")
@click.option("--national-trainers", type=int, default=NATIONAL_TRAINERS_2009, show_default=True,
              help="Without --trainers: national trainers split by GP share (estimate).")
@click.option("--target-share", type=float, default=DEFAULT_TARGET_SHARE, show_default=True,
              help="Target trainers as a share of GPs.")
@click.option("--trainees-per-trainer", type=float, default=1.0, show_default=True,
              help="Trainees one trainer trains at a time (capacity = trainers x this).")
@click.option("--extra", "extra_trainers", type=click.IntRange(min=0),
              default=NATIONAL_TRAINERS_TARGET - NATIONAL_TRAINERS_2009, show_default=True,
              help="National extra trainers to split over the areas (whole numbers).")
@click.option("--split-by", type=click.Choice(["gap", "gps", "population"]), default="gap", show_default=True,
              help="Key for splitting --extra.")
@click.option("--need", help="capacitated: trainers needed per institute, 'amc=80,vumc=120,...' or a file.")
@click.option("--intake", help="capacitated: trainees per institute ('amc=40,...' or a file); need = intake / "
                               "trainees per trainer.")
@click.option("--need-total", type=float, default=NATIONAL_TRAINERS_TARGET, show_default=True,
              help="capacitated without --need/--intake: national need split by the nearest areas' inhabitants.")
@click.option("--allow-shortfall", is_flag=True,
              help="capacitated: write the least-shortfall assignment instead of stopping when infeasible.")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the map (HTML, PNG) and tables (CSV, Excel) into this directory.")
@lang_option("Label language.")
@csv_option()
@wide_option()
@encoding_option()
def cli(method: str, agreement: Path | None, travel_times: Path | None, margin: float, no_satellites: bool,
        year: int, gps_path: Path | None, spread: str, trainers: Path | None, national_trainers: int,
        target_share: float, trainees_per_trainer: float, extra_trainers: int, split_by: str, need: str | None,
        intake: str | None,
        need_total: float, allow_shortfall: bool, out: Path | None, lang: str) -> None:
    """Assign municipalities to the 8 GP training institutes and show trainers, targets and gaps per area."""
    with said_as_options(MESSAGES):
        spec = RecruitmentSpec(
            method, year=year, agreement=table(agreement), travel_times=table(travel_times), margin=margin,
            satellites=not no_satellites,
            gps=None if gps_path is None else read_counts_file(gps_path, profession="huisarts"), spread=spread,
            trainers=table(trainers), national_trainers=national_trainers, target_share=target_share,
            trainees_per_trainer=trainees_per_trainer, extra_trainers=extra_trainers, split_by=split_by,
            need=region_values(need, what="need (trainers per institute)"),
            intake=region_values(intake, what="intake (trainees per institute)"),
            need_total=need_total, allow_shortfall=allow_shortfall)
    res = run_recruitment(spec, lang=lang)
    print_table(res.areas, lang=lang)
    for line in summary_lines(res, lang):
        click.echo(line)
    if out:
        for p in write_outputs(res, out, lang=lang):
            echo_written(p, lang)
