"""``regio recruit``: recruitment areas of the GP training institutes, trainers, targets and gaps."""

from __future__ import annotations

from pathlib import Path

import click

from regio.cli._common import print_table, year_option
from regio.recruitment import DEFAULT_TARGET_SHARE, NATIONAL_TRAINERS_2009, NATIONAL_TRAINERS_TARGET
from regio.recruitment.run import METHODS, RecruitmentResult, run_recruitment
from regio.report.export import write_html, write_image, write_table
from regio.text import fmt_number, t

__all__ = ["cli", "texts", "write_outputs"]


def texts(res: RecruitmentResult, lang: str = "nl") -> tuple[str, str, str]:
    """Title, source line and caveat of a recruitment map, from what the run used (``res.texts``)."""
    nl = lang == "nl"
    pick = 0 if nl else 1
    how = {"nearest": ("dichtstbijzijnde locatie", "nearest location"),
           "agreement": ("afsprakentabel", "agreement table"),
           "capacitated": ("capaciteit (p-median)", "capacitated (p-median)")}[res.method][pick]
    title = (f"Wervingsgebieden huisartsopleidingen {res.year}: {how}" if nl
             else f"Recruitment areas of GP training {res.year}: {how}")
    parts = [f"CBS bevolking 1-1-{res.year}" if nl else f"CBS population 1 January {res.year}"]
    parts += [res.texts[k][pick] for k in ("gps_source", "trainers_source") if k in res.texts]
    parts.append("instituten: regio geodata (VZinfo 2016, nl-hugo/mapNL)" if nl
                 else "institutes: regio geodata (VZinfo 2016, nl-hugo/mapNL)")
    source = ("Bron: " if nl else "Source: ") + ", ".join(parts)
    estimates = [res.texts[k][pick] for k in ("gps_estimate", "trainers_estimate") if k in res.texts]
    caveat = (("Schattingen" if nl else "Estimates") + f" ({'; '.join(estimates)}). ") if estimates else ""
    if res.method == "agreement":
        caveat += "Indeling volgens de afsprakentabel." if nl else "Assignment from the agreement table."
    else:
        caveat += ("Geen officiële werkgebieden: indeling berekend." if nl
                   else "Not official work areas: computed assignment.")
    return title, source, caveat


def write_outputs(res: RecruitmentResult, out: Path, *, lang: str = "nl", stem: str | None = None) -> list[Path]:
    """Write the map (HTML, PNG) and the area and municipality tables (CSV, Excel) into ``out``."""
    from regio.maps.core import map_html
    from regio.maps.recruitment import recruitment_map, recruitment_png

    stem = stem or f"recruitment_{res.method}_{res.year}"
    title, source, caveat = texts(res, lang)
    out.mkdir(parents=True, exist_ok=True)
    fmap = recruitment_map(res.shapes, res.municipal, res.areas, area_shapes=res.area_shapes,
                           joint_shapes=res.joint_shapes, locations=res.locations, title=title, source=source,
                           caveat=caveat, lang=lang)
    written = [write_html(map_html(fmap, title=title), out / f"{stem}.html")]
    written.append(write_image(recruitment_png(res.shapes, res.municipal, res.areas, area_shapes=res.area_shapes,
                                               locations=res.locations, title=title, source=source, caveat=caveat,
                                               lang=lang), out / f"{stem}.png"))
    notes = [title, source, caveat, *res.notes]
    written += write_table(res.areas, out / f"{stem}_areas", notes=notes, sheet="areas")
    written += write_table(res.municipal, out / f"{stem}_municipalities", notes=notes, sheet="municipalities")
    return written


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
@click.option("--trainers", type=click.Path(dir_okay=False, path_type=Path),
              help="Trainers per institute (institute, trainers) or per municipality (gemeente, trainers).")
@click.option("--national-trainers", type=int, default=NATIONAL_TRAINERS_2009, show_default=True,
              help="Without --trainers: national trainers split by GP share (estimate).")
@click.option("--target-share", type=float, default=DEFAULT_TARGET_SHARE, show_default=True,
              help="Target trainers as a share of GPs.")
@click.option("--trainees-per-trainer", type=float, default=1.0, show_default=True,
              help="Trainees one trainer trains at a time (capacity = trainers x this).")
@click.option("--extra", "extra_trainers", type=int,
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
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Label language.")
def cli(method: str, agreement: Path | None, travel_times: Path | None, margin: float, no_satellites: bool,
        year: int, gps_path: Path | None, trainers: Path | None, national_trainers: int, target_share: float,
        trainees_per_trainer: float, extra_trainers: int, split_by: str, need: str | None, intake: str | None,
        need_total: float, allow_shortfall: bool, out: Path | None, lang: str) -> None:
    """Assign municipalities to the 8 GP training institutes and show trainers, targets and gaps per area."""
    res = run_recruitment(
        method, year=year, agreement=agreement, travel_times=travel_times, margin=margin,
        satellites=not no_satellites, gps_path=gps_path, trainers=trainers, national_trainers=national_trainers,
        target_share=target_share, trainees_per_trainer=trainees_per_trainer, extra_trainers=extra_trainers,
        split_by=split_by, need=need, intake=intake, need_total=need_total, allow_shortfall=allow_shortfall,
        lang=lang)
    print_table(res.areas, lang=lang)
    f = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    a = res.areas
    click.echo(t(lang, f"totaal: {f(len(res.municipal))} gemeenten, {f(a['population'].sum())} inwoners, "
                       f"{f(a['gps'].sum())} huisartsen, {f(a['trainers'].sum())} opleiders",
                 f"total: {f(len(res.municipal))} municipalities, {f(a['population'].sum())} inhabitants, "
                 f"{f(a['gps'].sum())} GPs, {f(a['trainers'].sum())} trainers"))
    for line in res.notes:
        click.echo(t(lang, "noot: ", "note: ") + line)
    if out:
        for p in write_outputs(res, out, lang=lang):
            click.echo(f"wrote {p}")
