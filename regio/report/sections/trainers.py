"""Atlas section: the trainer forecast per GP training institute (advice 1,026 from 2027) and where to recruit."""

from __future__ import annotations

from regio.maps.core import format_number
from regio.report.items import AtlasContext, AtlasItem, table_items
from regio.report.trainers import texts, write_outputs
from regio.text import t
from regio.trainers.run import TrainerSpec, run_trainers

__all__ = ["build"]


def build(ctx: AtlasContext) -> list[AtlasItem]:
    """Write the forecast chart (PNG, HTML), the map "Wie gaat waar werven?" and the tables.

    Parameters
    ----------
    ctx
        Where to write, the data directory and the language;
        ``ctx.options["trainers"]`` may set ``intake`` (default the advice,
        1,026), ``base_year`` (2025), ``horizon`` (2035) and ``target_year`` (2030).

    Returns
    -------
    list of AtlasItem
        The chart (HTML, PNG), the map (HTML, PNG) and the forecast, summary
        and where-to-recruit tables as CSV and Excel with their notes.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()), lang="en", progress=False)
    >>> items = build(ctx)
    >>> [item.path for item in items][:2]
    ['trainers_2025_2035_chart.html', 'trainers_2025_2035_chart.png']
    """
    opts = ctx.options.get("trainers", {})
    spec = TrainerSpec(intake=opts.get("intake"), base_year=opts.get("base_year", 2025),
                       horizon=opts.get("horizon", 2035), target_year=opts.get("target_year", 2030))
    res = run_trainers(spec, data_dir=ctx.data_dir, lang=ctx.lang)
    stem = f"trainers_{res.base_year}_{res.horizon}"
    written = write_outputs(res, ctx.out, lang=ctx.lang, stem=stem)
    title, source, caveat = texts(res, ctx.lang)
    f = lambda v: format_number(v, 0, ctx.lang)  # noqa: E731
    nl = res.summary.loc["NL"]
    desc = t(ctx.lang,
             f"In {res.target_year} zijn {f(nl['required_target'])} opleiders nodig; zonder werving zijn er dan "
             f"{f(nl['base_trainers'] - nl['leaving_by_target'])}; werf {f(nl['recruit_per_year'])} per jaar. "
             f"{caveat} ",
             f"In {res.target_year} {f(nl['required_target'])} trainers are required; without recruitment "
             f"{f(nl['base_trainers'] - nl['leaving_by_target'])} are left; recruit {f(nl['recruit_per_year'])} a "
             f"year. {caveat} ")
    map_title = t(ctx.lang, "Wie gaat waar werven?", "Who recruits where?")

    def part(suffix: str) -> list:
        return [p for p in written if p.name.startswith(f"{stem}_{suffix}.")]

    return [
        AtlasItem("trainers", title, f"{stem}_chart.html", "chart", desc + source),
        AtlasItem("trainers", title + " (PNG)", f"{stem}_chart.png", "image", ""),
        AtlasItem("trainers", map_title, f"{stem}_map.html", "map", caveat),
        AtlasItem("trainers", map_title + " (PNG)", f"{stem}_map.png", "image", ""),
        *table_items("trainers", t(ctx.lang, "Prognose per instituut en jaar", "Forecast per institute and year"),
                     part("forecast"), ctx.out, lang=ctx.lang),
        *table_items("trainers", t(ctx.lang, "Samenvatting per instituut", "Summary per institute"),
                     part("summary"), ctx.out, lang=ctx.lang),
        *table_items("trainers", t(ctx.lang, "Werving per gemeente", "Recruitment per municipality"),
                     part("where_to_recruit"), ctx.out, lang=ctx.lang),
    ]
