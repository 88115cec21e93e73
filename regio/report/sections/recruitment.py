"""Atlas section: recruitment areas of the 8 GP training institutes (nearest location, joint zones)."""

from __future__ import annotations

import math

import pandas as pd

from regio.maps.core import format_number
from regio.recruitment.run import RecruitmentSpec, run_recruitment
from regio.report.items import AtlasContext, AtlasItem, SectionPage, section_title, table_items
from regio.report.recruitment import texts, write_outputs

__all__ = ["build"]

YEAR = 2024


def build(ctx: AtlasContext) -> SectionPage:
    """Write the recruitment map (HTML + PNG) and the area and municipality tables.

    Parameters
    ----------
    ctx
        Where to write, the data directory and the language;
        ``ctx.options["recruitment"]`` may set ``method`` (default
        ``"nearest"``), ``year`` (default 2024) and ``margin`` (km, default 5).

    Returns
    -------
    SectionPage
        The headline (the institutes with the largest trainer gap, in whole persons) and the files: the map,
        its PNG, and the area and municipality tables as CSV and Excel with their notes.

    Raises
    ------
    DataNotFoundError, UnknownYearError
        If the data directory lacks the year's boundaries or population;
        other errors as :func:`regio.recruitment.run.run_recruitment`.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()), lang="en", progress=False)
    >>> page = build(ctx)
    >>> items = page.items
    >>> [item.path for item in items][:2]
    ['recruitment_nearest_2024.html', 'recruitment_nearest_2024.png']
    >>> items[0].description
    '342 municipalities over 8 institutes (main and satellite locations), 66 in joint zones; ...'
    """
    opts = ctx.options.get("recruitment", {})
    spec = RecruitmentSpec(opts.get("method", "nearest"), year=opts.get("year", YEAR), margin=opts.get("margin", 5.0))
    res = run_recruitment(spec, data_dir=ctx.data_dir, lang=ctx.lang)
    stem = f"recruitment_{res.method}_{res.year}"
    written = write_outputs(res, ctx.out, lang=ctx.lang, stem=stem)
    title, source, caveat = texts(res, ctx.lang)
    nl = ctx.lang == "nl"
    joint = int((res.assignment["joint"] != "").sum())
    # persons: each institute's gap rounded up, as in the Excel file and the headline (the same number on the page)
    gaps = res.areas["gap"].map(lambda v: math.ceil(float(v) - 1e-9))
    gap = format_number(int(gaps.clip(lower=0).sum()), 0, ctx.lang)
    estimated = bool(res.areas["trainers_estimated"].astype(bool).any())
    trainers = format_number(res.areas["trainers"].sum(), 0, ctx.lang)  # the national number that was split
    est_nl = f" (geschat: 25% van de huisartsen min de landelijke {trainers} opleiders van 2009)" if estimated else ""
    est_en = f" (estimated: 25% of the GPs minus the national {trainers} trainers of 2009)" if estimated else ""
    desc = (f"{len(res.municipal)} gemeenten over 8 instituten (hoofd- en satellietlocaties), {joint} in "
            f"gezamenlijke zones; tekort aan opleiders bij 25% doel: {gap} (hele personen, per instituut naar boven "
            "afgerond)"
            + est_nl
            + f". {caveat} " if nl else
            f"{len(res.municipal)} municipalities over 8 institutes (main and satellite locations), {joint} in "
            f"joint zones; trainer gap at the 25% target: {gap} (whole persons, each institute rounded up)"
            + est_en
            + f". {caveat} ")
    tables = ("Tabel per gebied", "Tabel per gemeente") if nl else ("Table per area", "Table per municipality")
    def part(suffix: str) -> list:
        return [p for p in written if p.name.startswith(f"{stem}_{suffix}.")]

    items = (
        AtlasItem("recruitment", title, f"{stem}.html", "map", desc + source),
        AtlasItem("recruitment", title + " (PNG)", f"{stem}.png", "image", ""),
        *table_items("recruitment", tables[0], part("areas"), ctx.out, lang=ctx.lang),
        *table_items("recruitment", tables[1], part("municipalities"), ctx.out, lang=ctx.lang),
    )
    top = gaps.sort_values(ascending=False).head(3)
    names = res.areas["name"] if "name" in res.areas.columns else pd.Series(res.areas.index, index=res.areas.index)
    listed = [f"{names[i]} ({format_number(v, 0, ctx.lang)})" for i, v in top.items()]
    joined = ", ".join(listed[:-1]) + (" en " if nl else " and ") + listed[-1] if len(listed) > 1 else listed[0]
    total = format_number(int(gaps.clip(lower=0).sum()), 0, ctx.lang)
    est = (" (geschat)" if nl else " (estimated)") if estimated else ""
    headline = (f"Het grootste tekort aan opleiders bij het doel van 25% van de huisartsen: {joined}; samen {total} "
                f"over de 8 instituten{est}, in hele personen naar boven afgerond." if nl else
                f"The largest trainer gaps at the target of 25% of the GPs: {joined}; {total} over the 8 institutes"
                f"{est}, rounded up to whole persons.")
    return SectionPage("recruitment", section_title("recruitment", ctx.lang), headline, items)
