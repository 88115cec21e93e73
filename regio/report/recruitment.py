"""Recruitment outputs: the title, source and caveat of the areas, the map (HTML, PNG), tables and terminal lines.

Shared by ``regio recruit`` and the atlas section (:mod:`regio.report.sections.recruitment`).
"""

from __future__ import annotations

from pathlib import Path

from regio.labels import label
from regio.recruitment.run import RecruitmentResult
from regio.report.export import write_html, write_image, write_table
from regio.report.outputs import output_file, safe_stem
from regio.text import cite, fmt_number, t

__all__ = ["summary_lines", "texts", "write_outputs"]


def texts(res: RecruitmentResult, lang: str = "nl", *, full: bool = False) -> tuple[str, str, str]:
    """Title, source line and caveat of a recruitment map, from what the run used (``res.texts``).

    The source names the publishers (:func:`regio.text.cite`); ``full`` gives it with the copies and
    files read, for the notes.
    """
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
    return title, source if full else cite(source, lang), caveat


def write_outputs(res: RecruitmentResult, out: Path, *, lang: str = "nl", stem: str | None = None) -> list[Path]:
    """Write the map (HTML, PNG) and the area and municipality tables (CSV, Excel) into ``out``."""
    from regio.maps.core import map_html
    from regio.maps.recruitment import recruitment_map, recruitment_png

    stem = safe_stem(stem or f"recruitment_{res.method}_{res.year}")
    title, source, caveat = texts(res, lang)
    fmap = recruitment_map(res.shapes, res.municipal, res.areas, area_shapes=res.area_shapes,
                           joint_shapes=res.joint_shapes, locations=res.locations, title=title, source=source,
                           caveat=caveat, lang=lang, cost_unit=res.cost_unit)
    written = [write_html(map_html(fmap, title=title), output_file(out, stem, ".html"))]
    written.append(write_image(recruitment_png(res.shapes, res.municipal, res.areas, area_shapes=res.area_shapes,
                                               locations=res.locations, title=title, source=source, caveat=caveat,
                                               lang=lang), output_file(out, stem, ".png")))
    notes = [title, texts(res, lang, full=True)[1], caveat, *res.notes]
    written += write_table(res.areas, output_file(out, f"{stem}_areas"), notes=notes,
                           sheet=label("sheet.areas", lang), lang=lang)
    written += write_table(res.municipal, output_file(out, f"{stem}_municipalities"), notes=notes, lang=lang,
                           sheet=label("sheet.municipalities", lang))
    return written


def summary_lines(res: RecruitmentResult, lang: str = "nl") -> list[str]:
    """Return the lines under the area table on the terminal: the totals, then each note."""
    f = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    a = res.areas
    lines = [t(lang, f"totaal: {f(len(res.municipal))} gemeenten, {f(a['population'].sum())} inwoners, "
                     f"{f(a['gps'].sum())} huisartsen, {f(a['trainers'].sum())} opleiders",
               f"total: {f(len(res.municipal))} municipalities, {f(a['population'].sum())} inhabitants, "
               f"{f(a['gps'].sum())} GPs, {f(a['trainers'].sum())} trainers")]
    lines += [t(lang, "noot: ", "note: ") + line for line in res.notes]
    return lines
