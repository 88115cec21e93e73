"""Trainer forecast outputs: tables (CSV, Excel with notes), the chart per institute, the recruitment map, lines.

Shared by ``regio trainers`` (and an atlas section, when there is one).
"""

from __future__ import annotations

from pathlib import Path

from regio.labels import label
from regio.report.export import write_html, write_image, write_table
from regio.report.outputs import output_file, safe_stem
from regio.text import fmt_number, t
from regio.trainers.expand_run import ExpansionResult
from regio.trainers.run import TrainerResult

__all__ = ["summary_lines", "texts", "write_outputs"]


def texts(res: TrainerResult, lang: str = "nl") -> tuple[str, str, str]:
    """Title, source line and caveat of the forecast chart and the recruitment map."""
    est = res.estimated
    title = t(lang, f"Opleiders huisartsgeneeskunde {res.base_year}–{res.horizon}: nodig en beschikbaar per instituut",
              f"GP trainers {res.base_year}–{res.horizon}: required and available per institute")
    if est:
        title += t(lang, " (SCHATTING)", " (ESTIMATE)")
    source = t(lang, "Bron: Capaciteitsorgaan (instroomadvies 2025, intern rendement), Huisartsopleiding Nederland "
                     "(nieuwsbrief 2009: 1.700 opleiders, doel 25%), CBS, ZorgkaartNederland 2026 (afgeleid)",
               "Source: Capaciteitsorgaan (2025 intake advice, intern rendement), Huisartsopleiding Nederland "
               "(2009 newsletter: 1,700 trainers, 25% target), CBS, ZorgkaartNederland 2026 (derived)")
    caveat = t(lang, "Prognose onder aannames (uitstroom, opleiders per aios); ",
               "Forecast under assumptions (outflow, trainees per trainer); ")
    caveat += (label("trainers.estimate", lang) + t(lang, "; ", "; ") if est else "")
    caveat += t(lang, "huisartsen per gemeente geschat.", "GPs per municipality estimated.")
    return title, source, caveat


def write_outputs(res: TrainerResult, out: Path, *, lang: str = "nl", stem: str | None = None,
                  maps: bool = True, expansion: ExpansionResult | None = None) -> list[Path]:
    """Write the forecast, summary and where-to-recruit tables, the chart (PNG, HTML) and the map into ``out``.

    With ``expansion`` (:func:`regio.trainers.expand_run.run_expansion`) also its table (``_expansion``).
    """
    from regio.maps.core import map_html
    from regio.maps.trainers import forecast_html, forecast_png, recruit_map, recruit_png

    stem = safe_stem(stem or f"trainers_{res.base_year}_{res.horizon}")
    title, source, caveat = texts(res, lang)
    notes = [title, source, caveat, *res.notes]
    names = res.summary["name"].to_dict()
    written = write_table(res.table, output_file(out, f"{stem}_forecast"), notes=notes,
                          sheet=label("sheet.forecast", lang), lang=lang)
    written += write_table(res.summary, output_file(out, f"{stem}_summary"), notes=notes,
                           sheet=label("sheet.summary", lang), lang=lang)
    written += write_table(res.municipal, output_file(out, f"{stem}_where_to_recruit"), notes=notes,
                           sheet=label("sheet.where_to_recruit", lang), lang=lang)
    png = forecast_png(res.table, names=names, title=title, source=source, lang=lang)
    written.append(write_image(png, output_file(out, f"{stem}_chart", ".png")))
    # the page shows the same image (drawn once) above the national numbers
    written.append(write_html(forecast_html(res.table, names=names, title=title, source=source, notes=notes,
                                            lang=lang, png=png), output_file(out, f"{stem}_chart", ".html")))
    if expansion is not None:
        written += write_table(expansion.table.set_index("k"), output_file(out, f"{stem}_expansion"),
                               notes=expansion.notes, sheet=label("sheet.expansion", lang), lang=lang)
    if maps:
        map_title = t(lang, f"Wie gaat waar werven? Wervingsdoel opleiders tot {res.target_year}",
                      f"Who recruits where? Trainer recruitment target up to {res.target_year}")
        map_caveat = caveat + t(lang, " Label: wervingsdoel; * = gezamenlijk werven (de huisarts kiest).",
                                " Label: recruitment target; * = joint recruitment (the GP chooses).")
        fmap = recruit_map(res.shapes, res.municipal, area_shapes=res.area_shapes, names=names, title=map_title,
                           source=source, caveat=map_caveat, lang=lang)
        written.append(write_html(map_html(fmap, title=map_title), output_file(out, f"{stem}_map", ".html")))
        written.append(write_image(recruit_png(res.shapes, res.municipal, area_shapes=res.area_shapes,
                                               title=map_title, source=source, caveat=map_caveat, lang=lang),
                                   output_file(out, f"{stem}_map", ".png")))
    return written


def summary_lines(res: TrainerResult, lang: str = "nl") -> list[str]:
    """Return the lines under the summary on the terminal: what the forecast says nationally, then the notes."""
    f = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    nl = res.summary.loc["NL"]
    row = res.table.loc["NL"]
    est = t(lang, " (SCHATTING)", " (ESTIMATE)") if res.estimated else ""
    lines = [t(lang,
               f"landelijk: {f(nl['base_trainers'])} opleiders in {res.base_year}{est}, {f(nl['required_base'])} "
               f"nodig; in {res.target_year} {f(nl['required_target'])} nodig, zonder werving "
               f"{f(row.at[res.target_year, 'available_without_recruitment'])} over (−{f(nl['leaving_by_target'])}); "
               f"tekort {f(nl['shortfall_target'])} (som van de tekorten per instituut): "
               f"werf {f(nl['recruit_per_year'])} per jaar.",
               f"national: {f(nl['base_trainers'])} trainers in {res.base_year}{est}, {f(nl['required_base'])} "
               f"required; in {res.target_year} {f(nl['required_target'])} required, without recruitment "
               f"{f(row.at[res.target_year, 'available_without_recruitment'])} left (−{f(nl['leaving_by_target'])}); "
               f"shortfall {f(nl['shortfall_target'])} (sum of the institutes' shortfalls): "
               f"recruit {f(nl['recruit_per_year'])} a year.")]
    lines += [t(lang, "noot: ", "note: ") + line for line in res.notes]
    return lines
