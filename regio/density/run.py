"""Compute densities from gathered inputs: the glue between :mod:`regio.data` and :mod:`regio.density`.

:func:`density_inputs` (:mod:`regio.density.inputs`) collects counts,
population and boundaries of one profession, level and year (interpolating a
missing population year when allowed, carrying municipal counts to the
population's division, sorting out counts that cannot be placed) and
:func:`density_result` runs the analysis. Everything that was assumed is
written to ``notes``, which the tables and maps print. The trend between two
years is :func:`trend_result`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from regio import labels
from regio._display import result_html, result_repr
from regio.density.facts import DensityFacts, density_facts
from regio.density.inputs import (
    COUNTS_SOURCE_CHOICES,
    DensityInputs,
    PathLike,
    choose_counts_source,
    density_inputs,
)
from regio.density.placing import analyse
from regio.density.rates import totals_rows
from regio.density.smoothing import queen_neighbours
from regio.density.trends import trend
from regio.errors import InputError, format_codes, said_value
from regio.text import cite, fmt_number, fmt_percent, round_up, source_text, t

__all__ = ["COUNTS_SOURCE_CHOICES", "DensityFacts", "DensityInputs", "DensityResult", "choose_counts_source",
           "density_inputs", "density_result", "density_results", "trend_result"]

log = logging.getLogger(__name__)


@dataclass
class DensityResult:
    """A computed density table with everything needed to print, export and draw it."""

    inputs: DensityInputs
    table: pd.DataFrame
    totals: pd.DataFrame
    notes: list[str]
    facts: DensityFacts
    lang: str = "nl"

    def _what(self) -> str:
        return f"{self.inputs.profession}, {self.inputs.level} {self.inputs.year}"

    def __repr__(self) -> str:
        return result_repr("DensityResult", self._what(), self.table,
                           ["table", "totals", "notes", "facts", "source", "inputs"])

    def _repr_html_(self) -> str:
        return result_html("DensityResult", self._what(), self.table, self.notes)

    @property
    def source_full(self) -> str:
        """The data sources with their years, the copies and files read included: for the notes of a table.

        Returns
        -------
        str
            ``Source: <counts>; population <date>: <source>`` in the result's
            language, with ``(interpolated)`` when the population was.

        Examples
        --------
        Needs the data directory (REGIO_DATA_DIR).
        >>> inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
        >>> print(density_result(inputs, lang="en").source_full)
        Source: CBS 84777NED (...2018.csv) (2018); population 1 January 2019: CBS 37259eng (...)
        >>> print(density_result(inputs).source_full)
        Bron: CBS 84777NED (...2018.csv) (2018); bevolking 1-1-2019: CBS 37259eng (...)
        """
        nl = self.lang == "nl"
        pop = self.inputs.population.attrs
        when = t(self.lang, f"1-1-{self.inputs.population_year}", f"1 January {self.inputs.population_year}")
        pop_text = f"{'bevolking' if nl else 'population'} {when}: {source_text(pop.get('source', ''), self.lang)}"
        if self.inputs.population_interpolated:
            pop_text += " (" + ("geïnterpoleerd" if nl else "interpolated") + ")"
        return f"{'Bron' if nl else 'Source'}: {source_text(self.inputs.physician_source, self.lang)}; {pop_text}"

    @property
    def source(self) -> str:
        """The sources as a map's title box names them: publisher and table (:func:`regio.text.cite`).

        The copies and files read are in :attr:`source_full` (the notes).

        Examples
        --------
        Needs the data directory (REGIO_DATA_DIR).
        >>> inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
        >>> print(density_result(inputs, lang="en").source)
        Source: CBS 84777NED (2018); population 1 January 2019: CBS 37259eng
        """
        return cite(self.source_full, self.lang)


def _regions(k: int, lang: str) -> str:
    """``1 regio`` / ``4 regio's`` (``1 region`` / ``4 regions``)."""
    return t(lang, f"{k} regio" if k == 1 else f"{k} regio's", f"{k} region" if k == 1 else f"{k} regions")


def _one_source(asked: str, chosen: str) -> str:
    """Return the ``source=`` to give :func:`density_inputs` for each year of a run whose years share ``chosen``.

    ``auto`` stays ``auto`` where it gives the same for every single year (CBS,
    which then has each year; a file), so that the notes still say the rule
    chose it; Nivel is named outright, as one year alone might have gone to CBS.
    """
    return "auto" if asked == "auto" and chosen in ("cbs", "file") else chosen


def density_result(
    inputs: DensityInputs,
    *,
    confidence: float = 0.95,
    norm_per_100k: float | None = None,
    bands: tuple[float, float] = (75, 110),
    spatial: bool = True,
    neighbour_distance: float = 50.0,
    lang: str = "nl",
    level: float | None = None,
) -> DensityResult:
    """Compute the density table (rates, intervals, smoothing, provision) for gathered inputs.

    Parameters
    ----------
    inputs
        From :func:`density_inputs`.
    confidence
        Confidence level of the intervals (0.95).
    norm_per_100k
        Norm for the provision level (default: the national rate).
    bands
        Provision bands in % of the norm.
    spatial
        Also smooth towards neighbours (queen contiguity of the shapes).
    neighbour_distance
        Regions closer than this (m) are neighbours.
    lang
        ``"nl"`` or ``"en"``.
    level
        Older name of ``confidence`` (a number); a region level here is an
        error that points to :func:`density_inputs`.

    Returns
    -------
    DensityResult
        The table of :func:`regio.density.analyse` (its ``attrs`` also hold the
        counts' and population's dates and the sector), the total rows of
        :func:`regio.density.totals_rows` and the notes: the method, the rate
        compared with, the provision norm, the smoothing, the inputs' notes and
        the caveat.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> result = density_result(density_inputs("huisarts", level="provincie", year=2018), lang="en")
    >>> result.table.loc[["PV21", "PV24"], ["rate_per_100k", "eb_per_100k", "comparison"]].round(1)
              rate_per_100k  eb_per_100k comparison
    statcode
    PV21               61.0         61.6      below
    PV24               34.8         38.4      below
    >>> print(result.notes[1])
    National rate 70.7 = 12,210 / 17,282,163 × 100,000 (counts that cannot be placed are not in it).
    >>> result.totals["kind"].tolist()
    ['total', 'unplaced', 'total+unplaced', 'source total']
    """
    pop = inputs.population
    names = pop["statnaam"].to_dict() if "statnaam" in pop else None
    neighbours = None
    if spatial and inputs.shapes is not None and len(inputs.shapes) > 1:
        neighbours = queen_neighbours(inputs.shapes.loc[inputs.shapes.index.intersection(pop.index)],
                                      distance=neighbour_distance)
    if level is not None:  # the older name of ``confidence``; the region level belongs to density_inputs
        if not isinstance(level, (int, float)) or isinstance(level, bool):
            raise InputError(f"density_result(level={level!r}): the region level is chosen in "
                             f"density_inputs(level=...); here give the confidence level as confidence=0.95.",
                             key="density.level_is_not_confidence", level=said_value(level))
        confidence = float(level)
    table = analyse(inputs.placed.counts, pop["population"], names=names, neighbours=neighbours, level=confidence,
                    norm_per_100k=norm_per_100k, bands=bands, whole_profession=inputs.placed.sector_is_total)
    totals = totals_rows(table, unplaced=inputs.placed.unplaced, source_total=inputs.placed.source_total)
    ref = inputs.reference_date
    table.attrs.update({"reference_date": ref, "population_date": pd.Timestamp(int(inputs.population_year), 1, 1),
                        "population_nearest_date": pd.Timestamp(int(inputs.nearest_population_year), 1, 1),
                        "population_fallback": inputs.population_fallback,
                        "sector": inputs.placed.sector, "sector_is_total": inputs.placed.sector_is_total})
    a = table.attrs
    n = lambda v, d=0: fmt_number(v, d, lang)  # noqa: E731
    per = t(lang, "per 100.000 inwoners", "per 100,000 inhabitants")
    pct = fmt_percent(confidence, lang)
    rate = n(a["national_per_100k"], 1)
    no_data, regions = list(a["no_data"]), len(table)
    with_data = regions - len(no_data)
    formula = t(lang, f"{n(a['total_count'])} / {n(a['total_population'])} × 100.000",
                f"{n(a['total_count'])} / {n(a['total_population'])} × 100,000")
    not_in = t(lang, "niet in te delen aantallen tellen niet mee", "counts that cannot be placed are not in it")
    why_nl, why_en = [], []
    if no_data:
        why_nl.append(f"{_regions(len(no_data), 'nl')} {'heeft' if len(no_data) == 1 else 'hebben'} geen aantal")
        why_en.append(f"{_regions(len(no_data), 'en')} {'has' if len(no_data) == 1 else 'have'} no count")
    if not inputs.placed.sector_is_total:
        why_nl.append(f"het is alleen de sector {inputs.placed.sector}")
        why_en.append(f"it is the {inputs.placed.sector} sector only")
    if a["reference"] == "national":
        rate_note = t(lang, f"Landelijke dichtheid {rate} = {formula} ({not_in}).",
                      f"National rate {rate} = {formula} ({not_in}).")
    elif a["reference"] == "regions":
        rate_note = t(
            lang,
            f"Vergeleken met het gemiddelde van de {with_data} van de {regions} regio's met gegevens: {rate} = "
            f"{formula} ({not_in}). Geen landelijk cijfer: {' en '.join(why_nl)}.",
            f"Compared with the mean of the {with_data} of {regions} regions with data: {rate} = {formula} "
            f"({not_in}). Not a national figure: {' and '.join(why_en)}.")
    else:
        rate_note = t(
            lang,
            f"Eén regio met gegevens{f' ({with_data} van de {regions})' if regions > 1 else ''}, dichtheid {rate} "
            f"= {formula}: geen "
            "vergelijking en geen rangorde, want er is niets om mee te vergelijken"
            + (f" ({' en '.join(why_nl)})." if why_nl else "."),
            f"One region with data{f' ({with_data} of {regions})' if regions > 1 else ''}, rate {rate} = {formula}: "
            "no comparison and no rank, "
            "as there is nothing to compare with" + (f" ({' and '.join(why_en)})." if why_en else "."))
    if a["provision"]:  # persons rounded up, the total as itself: the terminal and Excel show the same
        whole, added = round_up(a["needed_total"]), sum(round_up(v) for v in table["needed"].dropna())
        short_nl = (f"{n(whole)} (naar boven afgerond, zoals elk getal van de kolom: het onafgeronde totaal "
                    f"{n(a['needed_total'], 1)}; de afgeronde regio's samen {n(added)})")
        short_en = (f"{n(whole)} (rounded up like every figure of the column: the unrounded total "
                    f"{n(a['needed_total'], 1)}; the regions' rounded figures add up to {n(added)})")
    if a["provision"] and norm_per_100k is None:
        provision_note = t(
            lang, f"Zonder norm: elke regio vergeleken met het landelijk gemiddelde ({n(a['norm_per_100k'], 1)} "
                  f"{per}), in % daarvan; klassen < {n(bands[0])}%, {n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%. "
                  f"Een gemiddelde is geen norm: ongeveer de helft van de regio's ligt er altijd onder. Tekort tot "
                  f"het gemiddelde, totaal: {short_nl}. Geef een norm (--norm-per-100k of "
                  "--norm-inhabitants) voor een voorzieningsgraad.",
            f"Without a norm: each region compared with the national average ({n(a['norm_per_100k'], 1)} {per}), "
            f"in % of it; bands < {n(bands[0])}%, {n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%. An average is "
            f"not a norm: about half the regions always lie below it. Short of the average, total: "
            f"{short_en}. Give a norm (--norm-per-100k or --norm-inhabitants) for a provision level.")
    elif a["provision"]:
        own = norm_per_100k is None
        provision_note = t(
            lang, f"Voorzieningsgraad: norm {n(a['norm_per_100k'], 1)} {per}"
                  f"{' (de dichtheid hierboven)' if own else ''}; klassen < {n(bands[0])}%, "
                  f"{n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%; nodig om de norm te halen, totaal: "
                  f"{short_nl}.",
            f"Provision: norm {n(a['norm_per_100k'], 1)} {per}{' (the rate above)' if own else ''}; bands "
            f"< {n(bands[0])}%, {n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%; physicians needed to reach the "
            f"norm, total: {short_en}.")
    else:
        provision_note = t(
            lang, "Geen voorzieningsgraad en geen aantal nodig om een norm te halen: de dichtheid hierboven is "
                  + ("die van één regio" if a["reference"] is None else "geen landelijk cijfer")
                  + " en dus geen norm. Geef een norm om ze te berekenen (--norm-per-100k of --norm-inhabitants).",
            "No provision level and no physicians needed to reach a norm: the rate above is "
            + ("that of one region" if a["reference"] is None else "not a national figure")
            + " and so no norm. Give a norm to compute them (--norm-per-100k or --norm-inhabitants).")
    towards = t(lang, "de landelijke dichtheid" if a["reference"] == "national" else
                "het gemiddelde van de regio's met gegevens",
                "the national rate" if a["reference"] == "national" else "the mean of the regions with data")
    notes = [
        t(lang, f"Dichtheid {per} = aantal / inwoners × 100.000; {pct}-interval: exact (Poisson, "
                "chi-kwadraat) onder 10, benadering van Byar vanaf 10.",
          f"Rate {per} = count / population × 100,000; {pct} interval: exact Poisson (chi-square) "
          "below 10, Byar's approximation from 10."),
        rate_note,
        provision_note,
        t(lang, f"Gladgestreken: empirisch Bayes naar {towards} (Marshall)"
                + ("; ruimtelijk: naar de regio met haar buren (queen-contiguïteit)" if neighbours is not None
                   else "") + "; negatieve variantie op nul gezet.",
          f"Smoothed: empirical Bayes towards {towards} (Marshall)"
          + ("; spatial: towards the region and its neighbours (queen contiguity)" if neighbours is not None
             else "") + "; negative prior variance clipped at zero.")
        if a["reference"] is not None else
        t(lang, "Gladgestreken (empirisch Bayes): bij één regio met gegevens gelijk aan de dichtheid zelf.",
          "Smoothed (empirical Bayes): with one region of data, equal to its rate."),
        *inputs.placed.notes,
        *inputs.notes,
        labels.label("caveat.working" if inputs.counts_source == "nivel" else "caveat", lang),
    ]
    if no_data:
        notes.append(t(lang, f"Geen aantal voor {len(no_data)} van de {regions} regio's ({format_codes(no_data)}): "
                             "getoond als 'geen gegevens', niet als nul.",
                       f"No count for {len(no_data)} of {regions} regions ({format_codes(no_data)}): shown as no "
                       "data, not as zero."))
    if neighbours is not None and neighbours.attrs.get("islands"):
        notes.append(t(lang, f"Zonder buur binnen {neighbour_distance:g} m, gekoppeld aan de dichtstbijzijnde "
                             f"regio: {format_codes(neighbours.attrs['islands'])}.",
                       f"Without a neighbour within {neighbour_distance:g} m, joined to the nearest region: "
                       f"{format_codes(neighbours.attrs['islands'])}."))
    facts = density_facts(table, unplaced_total=totals.attrs["unplaced_total"], bands=tuple(bands))
    return DensityResult(inputs=inputs, table=table, totals=totals, notes=notes, facts=facts, lang=lang)


def density_results(
    years: Sequence[int],
    profession: str,
    *,
    level: str = "provincie",
    counts_path: PathLike = None,
    counts_division: int | None = None,
    sector: str | None = None,
    interpolate: bool = True,
    confidence: float = 0.95,
    norm_per_100k: float | None = None,
    bands: tuple[float, float] = (75, 110),
    spatial: bool = True,
    lang: str = "nl",
    source: str = "auto",
    data_dir: PathLike = None,
) -> list[DensityResult]:
    """Density results of several years on the same regions, oldest first (one map's layer sets).

    The latest year is gathered first and fixes the municipal division of the
    others (:func:`density_inputs` with ``division=``). All years take their
    counts from one source (:func:`choose_counts_source`).

    Parameters
    ----------
    years
        Years of the counts (repeats are dropped).
    profession, level, counts_path, counts_division, sector, interpolate, source
        As :func:`density_inputs`.
    confidence, norm_per_100k, bands, spatial, lang
        As :func:`density_result`.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    list of DensityResult
        One per year, in increasing order of year.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> [r.inputs.year for r in density_results([2018, 2018], "huisarts", spatial=False)]
    [2018]
    """
    source = _one_source(source, choose_counts_source(profession, level=level, years=years, source=source,
                                                      counts_path=counts_path, data_dir=data_dir))
    results = []
    division = None
    for year in sorted(set(years), reverse=True):  # the latest year fixes the division of the others
        inputs = density_inputs(profession, level=level, year=year, interpolate=interpolate,
                                division=division, counts_path=counts_path, counts_division=counts_division,
                                sector=sector, lang=lang, source=source, data_dir=data_dir)
        division = division or inputs.population.attrs.get("division")
        results.append(density_result(inputs, confidence=confidence, norm_per_100k=norm_per_100k,
                                      bands=tuple(bands), spatial=spatial, lang=lang))
    return results[::-1]


def trend_result(
    profession: str,
    *,
    level: str,
    years: tuple[int, int],
    interpolate: bool = True,
    counts_path: PathLike = None,
    counts_divisions: tuple[int | None, int | None] = (None, None),
    sector: str | None = None,
    lang: str = "nl",
    source: str = "auto",
    data_dir: PathLike = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Change between two years on the later year's division (counts, population, rate).

    Municipal counts and population of the earlier year are carried to the
    later division through the crosswalks (:func:`regio.carry_to`), so both
    years are compared on the same regions. Each year's counts go with the
    population of the 1 January nearest to their reference date (see
    :func:`density_inputs`); the columns are named by the years of the counts.

    Parameters
    ----------
    profession
        ``huisarts``, ``basisarts``, ... as in :func:`density_inputs`.
    level
        Level of the regions.
    years
        ``(earlier, later)`` years of the counts.
    interpolate
        Interpolate a population year without table (said in the notes).
    counts_path
        A user's counts file with both years instead of the data directory's
        CBS extracts.
    counts_divisions
        Municipal divisions of the earlier and later municipal counts
        (default: their own years).
    sector
        Sector of the counts (default: the total of all sectors).
    lang
        Language of the notes.
    source
        Where the counts come from (:func:`choose_counts_source`): both years
        from the same source, so that ``auto`` takes Nivel's working GPs for
        a national trend of GPs whenever CBS lacks one of the years.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    tuple
        The :func:`regio.density.trend` table and notes.

    Raises
    ------
    InputError
        If the years are not in order or the two years' regions differ; and
        whatever :func:`density_inputs` raises for either year.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "gps.csv"
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"region": ["LD01", "LD02", "LD03", "LD04"] * 2, "year": [2017] * 4 + [2022] * 4,
    ...                        "profession": "huisarts", "count": [1200, 2300, 5400, 2900, 1250, 2500, 5900, 3100]})
    >>> counts.to_csv(path, index=False)
    >>> table, notes = trend_result("huisarts", level="landsdeel", years=(2017, 2022), counts_path=path, lang="en")
    >>> table[["count_2017", "count_2022", "rate_2017", "rate_2022", "rate_growth_pct"]].round(1)
              count_2017  count_2022  rate_2017  rate_2022  rate_growth_pct
    statcode
    LD01          1200.0      1250.0       69.7       71.8              3.0
    LD02          2300.0      2500.0       63.8       67.3              5.4
    LD03          5400.0      5900.0       66.5       70.1              5.4
    LD04          2900.0      3100.0       79.9       83.5              4.6
    >>> print(notes[-1])
    National from 2017 to 2022: count +8.1%, population +3.0%, rate 69.1 → 72.5 per 100,000.
    """
    y0, y1 = (int(y) for y in years)
    if y0 >= y1:
        raise InputError(f"Give the earlier year first: {y0} → {y1}.", key="density.years_order", y0=y0, y1=y1)
    source = _one_source(source, choose_counts_source(profession, level=level, years=(y0, y1), source=source,
                                                      counts_path=counts_path, data_dir=data_dir))
    later = density_inputs(profession, level=level, year=y1, interpolate=interpolate, counts_path=counts_path,
                           counts_division=counts_divisions[1], sector=sector, with_shapes=False, lang=lang,
                           source=source, data_dir=data_dir)
    division = later.population.attrs.get("division")
    earlier = density_inputs(profession, level=level, year=y0, interpolate=interpolate, counts_path=counts_path,
                             counts_division=counts_divisions[0], division=division, sector=sector,
                             with_shapes=False, lang=lang, source=source, data_dir=data_dir)
    p1, p0 = later.population, earlier.population
    common = p1.index
    if not p0.index.equals(common) and set(p0.index) != set(common):
        differ = format_codes(set(p0.index) ^ set(common))
        raise InputError(f"The regions of {y0} and {y1} differ: {differ}.", key="density.regions_differ",
                         y0=y0, y1=y1, codes=differ)
    c0 = earlier.placed.counts.reindex(common)
    c1 = later.placed.counts.reindex(common)
    names = p1["statnaam"].to_dict() if "statnaam" in p1 else None
    table = trend(c0, p0["population"].reindex(common), c1, p1["population"], years=(y0, y1), names=names)
    both = c0.notna() & c1.notna()
    whole = bool(both.all()) and earlier.placed.sector_is_total and later.placed.sector_is_total
    table.attrs["reference"] = "national" if whole else "regions"
    notes = [*earlier.notes, *later.notes, *earlier.placed.notes, *later.placed.notes,
             t(lang, f"Beide jaren op de gemeentelijke indeling van {division}.",
               f"Both years on the municipal division of {division}.") if division and later.level != "land" else "",
             _trend_summary(table, whole=whole, regions=int(both.sum()), lang=lang)]
    return table, list(dict.fromkeys(n for n in notes if n))


def _trend_summary(table: pd.DataFrame, *, whole: bool, regions: int, lang: str) -> str:
    """One sentence with the change of the total count, population and rate (national only when it is)."""
    a = table.attrs
    y0, y1 = a["years"]
    pct = lambda v: fmt_number(v, 1, lang, signed=True) + "%"  # noqa: E731
    rate = lambda v: fmt_number(v, 1, lang)  # noqa: E731
    which_nl = "Landelijk" if whole else (f"Over de {_regions(regions, 'nl')} met gegevens in beide jaren "
                                          "(geen landelijk cijfer)")
    which_en = "National" if whole else (f"Over the {_regions(regions, 'en')} with data in both years "
                                         "(not a national figure)")
    return t(lang,
             f"{which_nl} van {y0} naar {y1}: aantal {pct(a['national_count_growth_pct'])}, inwoners "
             f"{pct(a['national_population_growth_pct'])}, dichtheid {rate(a['national_from_per_100k'])} → "
             f"{rate(a['national_to_per_100k'])} per 100.000.",
             f"{which_en} from {y0} to {y1}: count {pct(a['national_count_growth_pct'])}, population "
             f"{pct(a['national_population_growth_pct'])}, rate {rate(a['national_from_per_100k'])} → "
             f"{rate(a['national_to_per_100k'])} per 100,000.")
