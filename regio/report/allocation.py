"""Allocation outputs: the title, source and caveat of a split, its map (HTML, PNG), audit table and terminal view.

Shared by ``regio allocate``, ``regio map allocation`` and the atlas section
(:mod:`regio.report.sections.allocation`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regio import data
from regio.allocation import with_total_row
from regio.allocation.run import AllocationResult
from regio.labels import key_label, label
from regio.maps.core import format_number, map_html
from regio.report.export import write_html, write_image, write_table
from regio.report.outputs import output_file, safe_stem
from regio.text import cite, fmt_number

__all__ = ["allocation_stem", "audit_sheet", "figure_lines", "terminal_table", "texts", "write_audit_table",
           "write_maps"]


def allocation_stem(res: AllocationResult) -> str:
    """File name (without suffix) of an allocation's outputs: ``allocation_<figure or total>_<level>_<key>_<year>``.

    Made safe for a file name (:func:`regio.report.outputs.safe_stem`): a name from a user's file cannot make a path.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> allocation_stem(NS(figure="gp_trainees_2027", total=1026, level="provincie", key="need", year=2024))
    'allocation_gp_trainees_2027_provincie_need_2024'
    """
    return safe_stem(f"allocation_{res.figure or res.total}_{res.level}_{res.key}_{res.year}")


def audit_sheet(lang: str = "nl") -> str:
    """Name of the Excel sheet of the audit table: ``verdeling`` or ``allocation``."""
    return label("sheet.allocation", lang)


def texts(res: AllocationResult, lang: str = "nl", *, full: bool = False) -> tuple[str, str, str]:
    """Title, source line and caveat of an allocation map (``full``: the source with its files, for notes)."""
    nl = lang == "nl"
    what = ""
    if res.figure:
        what = " " + str(data.national_figures().at[res.figure, "label_nl" if nl else "label_en"])
    key = key_label(res.key, "nl" if nl else "en", short=True)
    n = format_number(res.total, 0, lang)
    title = (f"Verdeling van {n}{what}, per {res.level_label}, naar {key}, {res.year}" if nl else
             f"{n}{what}, split by {res.level_label}, by {key}, {res.year}")
    source = (f"Bron: CBS bevolking 1-1-{res.year}" if nl else f"Source: CBS population 1 January {res.year}")
    if res.figure:
        source += "; Capaciteitsorgaan (regio geodata/national_figures.csv)"
    if res.key in ("need", "mix"):
        source += "; Nivel huisartscontacten naar leeftijd 2017" if nl else "; Nivel GP contacts by age 2017"
    if res.key in ("shortfall", "mix"):
        source += "; CBS 84777NED huisartsen 2018" if nl else "; CBS 84777NED GPs 2018"
    method = {"hamilton": "grootste overschot" if nl else "largest remainder", "sainte-lague": "Sainte-Laguë",
              "dhondt": "D'Hondt"}[res.table.attrs["method"]]
    caveat = (f"Afronding: {method}; de regionale aantallen tellen op tot precies {format_number(res.total, 0, lang)}. "
              "Rekenvoorbeeld per regio in de tabel (CSV/Excel)." if nl else
              f"Rounding: {method}; regional numbers add up to exactly {format_number(res.total, 0, lang)}. "
              "Every region's figure can be recomputed from its row in the table (CSV/Excel).")
    if res.key in ("shortfall", "mix"):
        caveat += " " + label("caveat.gps_by_residence", lang)
    return title, source if full else cite(source, lang), caveat


def write_maps(res: AllocationResult, out: Path, *, stem: str, lang: str = "nl",
               current_label: str | None = None) -> list[Path]:
    """Write the HTML map and the PNG of an allocation into ``out``."""
    from regio.maps.allocation import allocation_map, allocation_png

    title, source, caveat = texts(res, lang)
    drawn = {"rounding_only": res.per_100k_rounding_only, "dissolved": res.dissolved}
    fmap = allocation_map(res.table, res.shapes, title=title, source=source, caveat=caveat, lang=lang,
                          current_label=current_label, **drawn)
    return [write_html(map_html(fmap, title=title), output_file(out, stem, ".html")),
            write_image(allocation_png(res.table, res.shapes, title=title, source=source, caveat=caveat, lang=lang,
                                       **drawn),
                        output_file(out, stem, ".png"))]


def write_audit_table(res: AllocationResult, path: str | Path, *, notes: list[str], lang: str = "nl") -> list[Path]:
    """Write the audit table with its total row (CSV, Excel with a notes sheet, notes text)."""
    return write_table(with_total_row(res.table, lang=lang), path, notes=notes, sheet=audit_sheet(lang), lang=lang)


def terminal_table(res: AllocationResult, lang: str = "nl") -> pd.DataFrame:
    """Return the audit table as the terminal shows it: total row, shares with 6 decimals, quotas with 4.

    Quotas and remainders get 4 decimals, so that 178.9953 is not shown as
    179.00 beside floor 178 (the CSV and Excel keep every digit).
    """
    table = with_total_row(res.table, lang=lang)
    shown = table.drop(columns=[c for c in ("divisor",) if c in table.columns])
    shown["share"] = shown["share"].map(lambda v: fmt_number(v, 6, lang))
    for c in ("quota", "quota_bounded", "remainder", "quotient"):
        if c in shown.columns:
            shown[c] = shown[c].map(lambda v: "" if pd.isna(v) else fmt_number(v, 4, lang))
    return shown


def figure_lines(lang: str = "nl") -> list[str]:
    """List the named national figures: name, value and label in ``lang``, then where each comes from.

    Examples
    --------
    >>> for line in figure_lines("en")[:2]:
    ...     print(line)  # doctest: +ELLIPSIS
    gp_trainees_2027          1,026  ...
                                     source: ...
    """
    figs = data.national_figures()
    label = "bron" if lang == "nl" else "source"
    lines = []
    for name, row in figs.iterrows():
        what = row["label_nl"] if lang == "nl" else row["what"]
        lines.append(f"{name:24s} {fmt_number(int(row['value']), 0, lang):>6s}  {what}")
        lines.append(f"{'':24s} {'':6s}  {label}: {data.figure_source(row, lang=lang)}")
    return lines
