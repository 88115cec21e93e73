"""Atlas section: the Capaciteitsorgaan GP model — supply versus demand, the advice and its regional split."""

from __future__ import annotations

from regio.data import gp_counts
from regio.errors import DataNotFoundError, UnknownYearError
from regio.maps.core import format_number
from regio.model import available_rounds, decompose, decomposition_note, intake_advice, project, read_parameters
from regio.model.inputs import load_region_shapes, load_regional_inputs
from regio.model.published import PUBLISHED, compare_rounds
from regio.model.regional import regional_advice, regional_caveat
from regio.report.export import write_table
from regio.report.items import AtlasContext, AtlasItem, SectionPage, section_title, table_items
from regio.report.model import map_level_label, parameters_source, published_advice, write_advice_map, write_chart
from regio.text import cite

__all__ = ["build"]


def build(ctx: AtlasContext) -> SectionPage:
    """Chart (PNG, HTML), yearly table, decomposition and rounds of the newest round; map of the regional advice.

    The map (by province, :func:`regio.model.regional.regional_advice`) is
    left out when the data directory lacks the regional inputs.

    Parameters
    ----------
    ctx
        Where to write, the data directory and the language;
        ``ctx.options["model"]`` may set ``round`` (default: the newest) and
        ``variant`` (default ``"midden"``).

    Returns
    -------
    SectionPage
        The headline (the advice, the published one, the equilibrium year and, with the regional inputs,
        the provinces with the highest and lowest advice per 100,000) and the files: chart, PNG and three tables
        (each as CSV, Excel and notes); with the
        regional inputs also the map, its PNG and its table (CSV, Excel, notes).

    Raises
    ------
    DataNotFoundError
        If the Capaciteitsorgaan's parameter file is missing.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()), lang="en", progress=False)
    >>> page = build(ctx)
    >>> items = page.items
    >>> [item.kind for item in items]  # doctest: +NORMALIZE_WHITESPACE
    ['chart', 'image', 'table', 'table', 'notes', 'table', 'table', 'notes', 'table', 'table', 'notes',
     'map', 'image', 'table', 'table', 'notes']
    >>> items[0].description
    'Intake advice from 2027: 1,027 trainees a year (published: 1,026); equilibrium year 2043. Source: ...'
    """
    nl = ctx.lang == "nl"
    opts = ctx.options.get("model", {})
    rounds = available_rounds(data_dir=ctx.data_dir)
    raming = int(opts.get("round", max(rounds)))
    variant = opts.get("variant", "midden")
    params = read_parameters(raming, variant, data_dir=ctx.data_dir)
    table = project(params)
    adv = intake_advice(params)
    pub = PUBLISHED.get(raming)
    src = (f"{'Bron' if nl else 'Source'}: Capaciteitsorgaan, {parameters_source(params, ctx.lang)}; "
           f"{'berekend met het regio-huisartsenmodel' if nl else 'computed with the regio GP model'}")
    advice_text = format_number(adv.advice, 0, ctx.lang)
    pub_text = (f" ({'gepubliceerd' if nl else 'published'}: {format_number(pub.advice, 0, ctx.lang)})" if pub else "")
    title = (f"Huisartsen: aanbod en vraag in fte, raming {raming}" if nl
             else f"GPs: supply and demand in FTE, round {raming}")
    notes = [
        (f"Instroomadvies vanaf {adv.from_year}: {advice_text} aios per jaar{pub_text}; evenwichtsjaar {adv.year}."
         if nl else f"Intake advice from {adv.from_year}: {advice_text} trainees a year{pub_text}; "
                    f"equilibrium year {adv.year}."),
        ("Vraag = aanbod in het basisjaar × (1 + onvervulde vraag) × (1 + demografie) × (1 + niet-demografische "
         "groei × jaren tot het trendjaar)." if nl else
         "Demand = base-year supply × (1 + unfulfilled demand) × (1 + demography) × (1 + non-demographic growth × "
         "years up to the trend year)."),
    ]
    stem = f"model_huisartsen_{raming}_{variant}"
    png, page = write_chart(table, ctx.path(f"{stem}.png"), ctx.path(f"{stem}.html"), title=title,
                            source=cite(src, ctx.lang),
                            notes=notes, lang=ctx.lang)
    years = write_table(table, ctx.path(f"{stem}_jaren"), notes=[title, src, *notes], lang=ctx.lang)
    dec = decompose(params)
    parts = write_table(dec, ctx.path(f"{stem}_decompositie"), notes=[src, decomposition_note(ctx.lang)],
                        lang=ctx.lang)
    comp = compare_rounds({r: read_parameters(r, variant, data_dir=ctx.data_dir) for r in rounds})
    rounds_text = ", ".join(map(str, rounds))
    round_notes = [
        (f"Bron: Capaciteitsorgaan, parameterwaarden huisartsen van de ramingen {rounds_text}, variant {variant}; "
         "berekend met het regio-huisartsenmodel, zonder parameters aan te passen." if nl else
         f"Source: Capaciteitsorgaan, GP parameters of the rounds {rounds_text}, variant {variant}; computed with "
         "the regio GP model, no parameter tuned."),
        ("Per raming het modeladvies (aios per jaar) in vijf scenario's naast het gepubliceerde advies; "
         "difference_pct = volledig scenario t.o.v. gepubliceerd. De verschillen en hun waarschijnlijke oorzaken "
         "staan in docs/model.md (Older rounds)." if nl else
         "Per round the model's advice (trainees a year) in five scenarios beside the published advice; "
         "difference_pct = full scenario vs published. The differences and their likely causes are in docs/model.md "
         "(Older rounds)."),
    ]
    try:  # the model's stock and the density map's counts are different numbers: say why, with both
        cbs = format_number(float(gp_counts(2018, level="provincie", data_dir=ctx.data_dir).sum()), 0, ctx.lang)
        model_gps = format_number(params.aanbod_personen, 0, ctx.lang)
        round_notes.append(
            f"Let op: het model telt {model_gps} werkzame huisartsen in {raming} (Capaciteitsorgaan); de "
            f"dichtheidskaart telt {cbs} huisartsen naar woonplaats in 2018 (CBS 84777NED, BIG-geregistreerd): "
            "andere bron, jaar en afbakening." if nl else
            f"Note: the model counts {model_gps} working GPs in {raming} (Capaciteitsorgaan); the density map "
            f"counts {cbs} GPs by residence in 2018 (CBS 84777NED, BIG-registered): another source, year and "
            "definition.")
    except (DataNotFoundError, UnknownYearError):
        pass
    per_round = write_table(comp, ctx.path("model_huisartsen_rondes"), notes=round_notes, lang=ctx.lang)
    desc = notes[0] + " " + cite(src, ctx.lang)
    items = [
        AtlasItem("model", title, page.name, "chart", desc),
        AtlasItem("model", title + " (PNG)", png.name, "image", ""),
        *table_items("model", "Modeluitkomsten per jaar" if nl else "Model results per year", years, ctx.out,
                     lang=ctx.lang),
        *table_items("model", "Opbouw van het advies" if nl else "Decomposition of the advice", parts, ctx.out,
                     lang=ctx.lang),
        *table_items("model", "Advies per raming: model en gepubliceerd" if nl
                     else "Advice per round: model and published", per_round, ctx.out, lang=ctx.lang),
    ]
    headline = notes[0]
    try:
        inputs = load_regional_inputs("provincie", data_dir=ctx.data_dir)
    except DataNotFoundError:
        return SectionPage("model", section_title("model", ctx.lang), headline, tuple(items))
    regional = regional_advice(params, inputs, growth_years=inputs.attrs["growth_years"])
    shapes = load_region_shapes("provincie", inputs.attrs["year"], regional.index, data_dir=ctx.data_dir)
    mtitle = (f"Instroomadvies huisartsen per 100.000 inwoners per provincie (raming {raming})" if nl
              else f"GP intake advice per 100,000 inhabitants by province (round {raming})")
    caveat = regional_caveat(regional, published=published_advice(params), lang=ctx.lang)
    mstem = f"model_huisartsen_{raming}_provincie"
    write_advice_map(regional, shapes, ctx.path(f"{mstem}.html"), ctx.path(f"{mstem}.png"), title=mtitle,
                     source=cite(f"{src}; {inputs.attrs['source']}", ctx.lang), caveat=caveat,
                     level_label=map_level_label("provincie", ctx.lang), lang=ctx.lang)
    method = "method_nl" if nl else "method"
    regional_tables = write_table(regional, ctx.path(mstem), lang=ctx.lang,
                                  notes=[mtitle, src, regional.attrs[method], inputs.attrs[method]])
    total = format_number(regional["advice"].sum(), 0, ctx.lang)
    items += [
        AtlasItem("model", mtitle, f"{mstem}.html", "map",
                  (f"12 provincies, samen {total} aios per jaar. " if nl else f"12 provinces, {total} trainees a year "
                   "in total. ") + caveat),
        AtlasItem("model", mtitle + " (PNG)", f"{mstem}.png", "image", ""),
        *table_items("model", mtitle, regional_tables, ctx.out, lang=ctx.lang),
    ]
    per = regional["advice_per_100k"]
    hi, lo = per.idxmax(), per.idxmin()
    name = lambda i: regional.at[i, "statnaam"] if "statnaam" in regional.columns else i  # noqa: E731
    rate = lambda i: format_number(per[i], 1, ctx.lang)  # noqa: E731
    headline += (f" Per provincie (samen {total}) het hoogst in {name(hi)} ({rate(hi)} per 100.000 inwoners), het "
                 f"laagst in {name(lo)} ({rate(lo)})." if nl else
                 f" By province ({total} in all) highest in {name(hi)} ({rate(hi)} per 100,000 inhabitants), lowest "
                 f"in {name(lo)} ({rate(lo)}).")
    return SectionPage("model", section_title("model", ctx.lang), headline, tuple(items))
