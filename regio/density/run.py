"""Gather and compute densities from the data directory: the glue between :mod:`regio.data` and :mod:`regio.density`.

:func:`density_inputs` collects counts, population and boundaries of one
profession, level and year (interpolating a missing population year when
allowed, carrying municipal counts to the population's division, sorting out
counts that cannot be placed) and :func:`density_result` runs the analysis.
Everything that was assumed is written to ``notes``, which the tables and maps
print. The trend between two years is :func:`trend_result`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio import data, geography, labels
from regio._display import result_html, result_repr
from regio.data.workforce import PROFESSIONS, normalise_profession
from regio.density.placing import (
    PlacedCounts,
    analyse,
    counts_reference_date,
    place_counts,
    population_year,
    population_years_for_counts,
)
from regio.density.rates import totals_rows
from regio.density.smoothing import queen_neighbours
from regio.density.trends import trend
from regio.errors import DataNotFoundError, InputError, UnknownYearError, format_codes
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.sectors import choose_sector
from regio.text import fmt_number, fmt_percent, source_text, t

__all__ = ["DensityInputs", "DensityResult", "density_inputs", "density_result", "density_results",
           "trend_result"]

log = logging.getLogger(__name__)

PathLike = str | Path | None


@dataclass
class DensityInputs:
    """Counts, population and shapes of one profession, level and year, with notes on each.

    ``year`` is the year of the counts; ``population_year`` the 1 January whose
    population goes with them (:func:`regio.density.population_year`: the
    nearest to the counts' ``reference_date``, e.g. 1 January 2019 for CBS
    counts of 21 December 2018). When that 1 January has no population (the
    newest counts: regio does not extrapolate), it is the other 1 January
    around the reference date, and ``nearest_population_year`` keeps the
    nearest (:attr:`population_fallback`).
    """

    profession: str
    level: str
    year: int
    placed: PlacedCounts
    population: pd.DataFrame
    shapes: gpd.GeoDataFrame | None
    physician_source: str
    notes: list[str] = field(default_factory=list)
    population_year: int | None = None
    reference_date: pd.Timestamp = pd.NaT
    nearest_population_year: int | None = None

    def __repr__(self) -> str:
        what = f"{self.profession}, {self.level} {self.year} (population 1-1-{self.population_year})"
        return result_repr("DensityInputs", what, self.population, ["placed", "population", "shapes", "notes"])

    def __post_init__(self) -> None:
        if self.population_year is None:
            self.population_year = self.year
        if self.nearest_population_year is None:
            self.nearest_population_year = self.population_year

    @property
    def population_fallback(self) -> bool:
        """Whether the population is not that of the nearest 1 January (which has none), but of another.

        Returns
        -------
        bool
            ``True`` when ``population_year`` differs from
            ``nearest_population_year`` (the notes then say why).

        Examples
        --------
        Needs the data directory (REGIO_DATA_DIR).
        >>> import dataclasses
        >>> inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
        >>> inputs.population_year, inputs.nearest_population_year, inputs.population_fallback
        (2019, 2019, False)
        >>> dataclasses.replace(inputs, nearest_population_year=2020).population_fallback
        True
        """
        return self.population_year != self.nearest_population_year

    @property
    def sector(self) -> str | None:
        """The sector of the counts when it is not the total of all sectors, else ``None``.

        Returns
        -------
        str or None
            The sector's name as in the source, for notes and titles.

        Examples
        --------
        Needs the data directory (REGIO_DATA_DIR).
        >>> density_inputs("huisarts", level="provincie", year=2018, with_shapes=False).sector is None
        True
        >>> density_inputs("big_totaal", level="landsdeel", year=2023, with_shapes=False).sector  # a partial extract
        'Universitair medische centra'
        """
        return None if self.placed.sector_is_total else self.placed.sector

    @property
    def population_interpolated(self) -> bool:
        """Whether the population was interpolated between two years.

        Returns
        -------
        bool
            ``True`` when the population's ``attrs["method"]`` is an interpolation.

        Examples
        --------
        Needs the data directory (REGIO_DATA_DIR).
        >>> gps = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
        >>> gps.population_year, gps.population_interpolated  # CBS 37259eng has 1 January 2019
        (2019, False)
        >>> density_inputs("big_totaal", level="landsdeel", year=2023, with_shapes=False).population_interpolated
        False
        """
        return "interpolation" in str(self.population.attrs.get("method", ""))


@dataclass
class DensityResult:
    """A computed density table with everything needed to print, export and draw it."""

    inputs: DensityInputs
    table: pd.DataFrame
    totals: pd.DataFrame
    notes: list[str]
    lang: str = "nl"

    def _what(self) -> str:
        return f"{self.inputs.profession}, {self.inputs.level} {self.inputs.year}"

    def __repr__(self) -> str:
        return result_repr("DensityResult", self._what(), self.table, ["table", "totals", "notes", "source", "inputs"])

    def _repr_html_(self) -> str:
        return result_html("DensityResult", self._what(), self.table, self.notes)

    @property
    def source(self) -> str:
        """The data sources with their years, for a map or table footer.

        Returns
        -------
        str
            ``Source: <counts>; population <date>: <source>`` in the result's
            language, with ``(interpolated)`` when the population was.

        Examples
        --------
        Needs the data directory (REGIO_DATA_DIR).
        >>> inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
        >>> print(density_result(inputs, lang="en").source)
        Source: CBS 84777NED (...2018.csv) (2018); population 1 January 2019: CBS 37259eng (...)
        >>> print(density_result(inputs).source)
        Bron: CBS 84777NED (...2018.csv) (2018); bevolking 1-1-2019: CBS 37259eng (...)
        """
        nl = self.lang == "nl"
        pop = self.inputs.population.attrs
        when = t(self.lang, f"1-1-{self.inputs.population_year}", f"1 January {self.inputs.population_year}")
        pop_text = f"{'bevolking' if nl else 'population'} {when}: {source_text(pop.get('source', ''), self.lang)}"
        if self.inputs.population_interpolated:
            pop_text += " (" + ("geïnterpoleerd" if nl else "interpolated") + ")"
        return f"{'Bron' if nl else 'Source'}: {source_text(self.inputs.physician_source, self.lang)}; {pop_text}"


def _regions(k: int, lang: str) -> str:
    """``1 regio`` / ``4 regio's`` (``1 region`` / ``4 regions``)."""
    return t(lang, f"{k} regio" if k == 1 else f"{k} regio's", f"{k} region" if k == 1 else f"{k} regions")


def _physician_source(frame: pd.DataFrame, year: int) -> str:
    sources = sorted({str(s) for s in frame.get("source", pd.Series(dtype=str)).dropna()})
    text = "; ".join(sources) if sources else "physician counts"
    return f"{text} ({year})"


def _population(level: str, year: int, *, interpolate: bool, division: int | None,
                data_dir: PathLike, lang: str = "nl") -> tuple[pd.DataFrame, list[str]]:
    """Load the population of ``level`` in ``year``, interpolated or carried to ``division`` if needed."""
    published = year in data.population_years("gemeente", data_dir=data_dir)
    if level == "land" and not published and interpolate:
        # the country on the same footing as every other level (the municipalities, interpolated), so that
        # the national rate is one number; CBS's own national figure is given as a check
        pop = data.population(level, year, interpolate=True, division=division, data_dir=data_dir)
        return pop, _interpolation_notes(pop, year, data_dir, lang)
    if division is None or level in ("pc4", "wijk") or (published and int(division) == year):
        try:
            return data.population(level, year, data_dir=data_dir), []
        except UnknownYearError:
            if not interpolate:
                raise
        pop = data.population(level, year, interpolate=True, data_dir=data_dir)
        return pop, _interpolation_notes(pop, year, data_dir, lang)
    if published:
        pop = _carried_population(level, year, int(division), data_dir)
        return pop, [t(lang, f"Bevolking {year} overgezet naar de gemeentelijke indeling van {division}.",
                       f"Population {year} carried to the municipal division of {division}.")]
    if not interpolate:
        raise UnknownYearError(f"No population table for {year}; allow interpolation (--interpolate).")
    pop = data.population(level, year, interpolate=True, division=int(division), data_dir=data_dir)
    return pop, _interpolation_notes(pop, year, data_dir, lang)


def _interpolation_notes(pop: pd.DataFrame, year: int, data_dir: PathLike, lang: str) -> list[str]:
    """Say that the population was interpolated, and compare with CBS's published national total."""
    method = pop.attrs.get("method_nl" if lang == "nl" else "method", pop.attrs.get("method", ""))
    notes = [t(lang, f"Er is geen bevolkingstabel voor {year}: {method}.",
               f"No population table for {year}: {method}.")]
    try:
        official = float(data.population("land", year, data_dir=data_dir)["population"].iloc[0])
    except (UnknownYearError, DataNotFoundError, IndexError):
        return notes
    total = float(pop["population"].sum())
    pct = (total / official - 1) * 100
    notes.append(t(
        lang,
        f"Ter controle: CBS publiceert voor 1-1-{year} {fmt_number(official, 0, lang)} inwoners voor Nederland; "
        f"de interpolatie geeft {fmt_number(total, 0, lang)} ({fmt_number(pct, 2, lang, signed=True)}%).",
        f"Check: CBS publishes {fmt_number(official, 0, lang)} inhabitants for the Netherlands on 1 January {year}; "
        f"the interpolation gives {fmt_number(total, 0, lang)} ({fmt_number(pct, 2, lang, signed=True)}%)."))
    return notes


def _carried_population(level: str, year: int, division: int, data_dir: PathLike) -> pd.DataFrame:
    gm = data.population("gemeente", year, data_dir=data_dir)
    carried = data.carry_to(gm[["population"]], year, division, data_dir=data_dir)
    if level == "gemeente":
        out = carried
    else:
        member = data.membership(division, levels=[level], data_dir=data_dir)[level]
        out = carried[["population"]].groupby(member.reindex(carried.index).to_numpy()).sum()
        names = data.region_names(level, division, data_dir=data_dir)
        out.insert(0, "statnaam", out.index.map(lambda c: names.get(c, c)))
        out.index.name = "statcode"
    out.attrs.update({"level": level, "year": year, "division": division, "source": gm.attrs["source"],
                      "method": f"{gm.attrs['method']}; carried to the {division} division",
                      "method_nl": f"{gm.attrs.get('method_nl', gm.attrs['method'])}; overgezet naar de "
                                   f"indeling van {division}"})
    return out


def _shapes(level: str, years: list[int], data_dir: PathLike) -> gpd.GeoDataFrame:
    """Boundaries of ``level`` for the first of ``years`` that has them, else the nearest file.

    The country (``land``) has no boundary file: its shape is the provinces
    dissolved.
    """
    if level == "land":
        prov = _shapes("provincie", years, data_dir)
        out = geography.dissolve(prov, pd.Series("NL01", index=prov.index), names={"NL01": "Nederland"})
        out.attrs.update({"level": "land", "source": f"dissolved from {prov.attrs.get('source', 'provinces')}"})
        return out
    for y in years:
        try:
            return data.boundaries(level, y, dissolve=True, data_dir=data_dir)
        except (UnknownYearError, DataNotFoundError):
            continue
    if level == "gemeente":  # municipalities of another division would not match the counts
        raise UnknownYearError(f"No gemeente boundaries for {', '.join(map(str, years))}.")
    nearest = data.nearest_boundary_year(level, years[0], data_dir=data_dir)
    out = data.boundaries(level, nearest, data_dir=data_dir)
    out.attrs["source"] = out.attrs.get("source", "") + f" (boundaries of {nearest})"
    return out


def density_inputs(
    profession: str,
    *,
    level: str = "provincie",
    year: int,
    interpolate: bool = True,
    division: int | None = None,
    counts_path: PathLike = None,
    counts_division: int | None = None,
    sector: str | None = None,
    with_shapes: bool = True,
    lang: str = "nl",
    data_dir: PathLike = None,
) -> DensityInputs:
    """Collect what a density table of ``profession`` at ``level`` in ``year`` needs.

    The population is that of the 1 January nearest to the day the counts
    refer to (:func:`regio.density.population_year`): CBS counts BIG
    registrations on the last Friday before Christmas, so the counts of 2018
    go with the population of 1 January 2019. When that 1 January has no
    population and cannot be interpolated (the newest counts: regio never
    extrapolates), the other 1 January around the reference date is used,
    normally that of ``year`` (counts of 20 December 2024: 1 January 2024).
    Counts without a known day take 1 January of ``year``. The notes say
    which.

    Parameters
    ----------
    profession
        ``huisarts``, ``basisarts``, ... (an unknown one is an error listing
        those in the data).
    level, year
        Regions and the year of the counts.
    interpolate
        When there is no population table for the population year, interpolate between
        the nearest years (said in the notes). With ``False`` that is an error.
    division
        Municipal division to use (e.g. the later year of a trend).
    counts_path
        A user's counts file instead of the data directory's CBS extracts
        (schema: :func:`regio.data.user_files.read_counts_file`). A file
        without a profession column is read as ``profession``; the notes say
        so.
    counts_division
        Municipal division of municipal counts (default ``year``); they are
        carried to the population's division when it differs.
    sector
        Sector of the counts (default: the total of all sectors; see
        :func:`regio.density.choose_sector`). A single sector is named in the
        notes and titles.
    with_shapes
        Also load the boundaries (for maps and neighbours).
    lang
        Language of the notes.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    DensityInputs
        The placed counts, the population (indexed by region code), the
        shapes (``None`` without ``with_shapes``), the sources and the notes.

    Raises
    ------
    InputError, UnknownCodeError, UnknownYearError, DataNotFoundError
        Naming the profession, codes, years or files concerned.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> inputs = density_inputs("huisarts", level="provincie", year=2018, lang="en")
    >>> print(inputs.notes[0])
    Counts on 21 December 2018 (the source's reference date); population on 1 January 2019, the nearest 1 January.
    >>> int(inputs.placed.counts.sum()), inputs.placed.unplaced.to_dict(), len(inputs.shapes)
    (12210, {'PV99': 45.0}, 12)
    >>> int(inputs.population["population"].sum())  # CBS 37259eng, 1 January 2019
    17282163
    """
    lvl = get_level(level).name
    year = int(year)
    phys = data.physicians(profession, year=year, path=counts_path, data_dir=data_dir)
    assumed = phys.attrs.get("profession_assumed")  # a counts file without a profession column
    phys = choose_sector(phys, sector=sector).rows
    key = normalise_profession(profession) or profession
    ref = counts_reference_date(phys)
    nearest = population_year(ref, year=year)
    pop_year, pop, notes = _population_for_counts(lvl, ref, year, nearest, interpolate=interpolate,
                                                  division=division, data_dir=data_dir, lang=lang)
    notes.insert(0, _reference_note(ref, year, pop_year, lang, nearest=nearest, interpolate=interpolate))
    if assumed:
        label = PROFESSIONS.get(assumed, (assumed, assumed))
        notes.insert(1, t(lang, f"{Path(counts_path).name} heeft geen kolom beroep: alle aantallen zijn gelezen als "
                                f"{label[0]} (het gevraagde beroep).",
                          f"{Path(counts_path).name} has no profession column: every count is read as {label[1]} "
                          "(the profession asked for)."))
    pop_division = pop.attrs.get("division")
    gm_rows = (phys["kind"] == "region") & (phys["level"] == "gemeente")
    if gm_rows.any() and lvl != "pc4" and pop_division is not None:
        from_div = int(counts_division) if counts_division is not None else year
        if from_div != int(pop_division):
            gm = phys[gm_rows].set_index("statcode")[["count"]]
            divs = data.divisions(data_dir=data_dir)
            if from_div not in divs:  # not the codes' fault: the division asked for is not known
                raise InputError(f"No municipal division of {from_div} (counts_division=, --counts-division): "
                                 f"regio knows those of {', '.join(map(str, sorted(divs)))}.")
            unknown = gm.index.difference(pd.Index(sorted(divs.get(from_div, frozenset()))))
            if len(unknown):
                raise InputError(
                    f"Municipal counts of {year} have codes that are not municipalities of {from_div}: "
                    f"{format_codes(unknown)}. Give their division (counts_division=, --counts-division)."
                )
            carried = data.carry_to(gm, from_div, int(pop_division), data_dir=data_dir)
            template = phys[gm_rows].iloc[0]
            rows = pd.DataFrame({c: template[c] for c in phys.columns}, index=range(len(carried)))
            rows["statcode"] = carried.index.to_numpy()
            rows["statnaam"] = carried["statnaam"].to_numpy() if "statnaam" in carried else carried.index
            rows["count"] = carried["count"].to_numpy()
            phys = pd.concat([phys[~gm_rows], rows], ignore_index=True)
            lacking = carried.attrs.get("incomplete_by_column", {}).get("count", {})
            kept_nl, kept_en = (("", "") if lacking else
                                ("; totalen behouden", "; totals conserved"))
            notes.append(t(lang, f"Gemeentelijke aantallen overgezet van de indeling {from_div} naar "
                                  f"{pop_division} (regio.carry_to{kept_nl}).",
                            f"Municipal counts carried from the {from_div} to the {pop_division} division "
                            f"(regio.carry_to{kept_en})."))
            for new_code, old_codes in lacking.items():
                notes.append(t(
                    lang,
                    f"{new_code}: geen aantal voor voorganger(s) {format_codes(old_codes)} (indeling {from_div}); "
                    f"een ontbrekend aantal is geen nul, dus {new_code} heeft geen aantal.",
                    f"{new_code}: no count for its predecessor(s) {format_codes(old_codes)} ({from_div} division); "
                    f"a missing count is not zero, so {new_code} has no count."))
            lost = carried.attrs.get("unplaced", {}).get("count")
            if lost:
                notes.append(t(lang, f"{fmt_number(lost, 0, lang)} getelde artsen van andere voorgangers van die "
                                     "gemeenten zijn daardoor niet in een regio geplaatst.",
                               f"{fmt_number(lost, 0, lang)} counted physicians of other predecessors of those "
                               "municipalities are therefore not placed in a region."))
    membership = nesting = None
    own_level = ((phys["kind"] == "region") & (phys["level"] == lvl)).any()
    if lvl in MUNICIPAL_GROUPINGS and lvl != "land" and gm_rows.any() and not own_level:
        membership = data.membership(int(pop_division or year), levels=[lvl], data_dir=data_dir)[lvl]
    coarser = sorted({str(lv) for lv in phys.loc[phys["kind"] == "region", "level"].dropna()}
                     & (set(MUNICIPAL_GROUPINGS) - {lvl}))
    if lvl in MUNICIPAL_GROUPINGS and not own_level and not gm_rows.any() and coarser:
        # e.g. province counts for landsdelen or the country: summed where each region is made of whole provinces
        nesting = data.membership(int(pop_division or year), levels=[lvl, *coarser], data_dir=data_dir)
    placed = place_counts(phys, level=lvl, regions=pop.index, membership=membership, nesting=nesting,
                          sector=sector, lang=lang)
    shapes = None
    if with_shapes:
        years = [y for y in (pop_division, pop_year, year) if y is not None]
        shapes = _shapes(lvl, [int(y) for y in dict.fromkeys(years)], data_dir)
        not_drawn = pop.index.difference(shapes.index)
        if len(not_drawn):
            notes.append(t(lang, f"Geen grens voor {format_codes(not_drawn)}: in de tabel, niet op de kaart.",
                            f"No boundary for {format_codes(not_drawn)}: in the table, not on the map."))
    return DensityInputs(profession=key, level=lvl, year=year, placed=placed, population=pop, shapes=shapes,
                         physician_source=_physician_source(phys, year), notes=notes, population_year=pop_year,
                         reference_date=ref, nearest_population_year=nearest)


def _counts_date(ref: pd.Timestamp, year: int) -> str:
    """``21 December 2018``, or the year with 'date unknown' (for errors, in English)."""
    return f"{ref.day} {ref:%B} {ref.year}" if pd.notna(ref) else f"{year} (reference date unknown)"


def _population_for_counts(level: str, ref: pd.Timestamp, year: int, nearest: int, *, interpolate: bool,
                           division: int | None, data_dir: PathLike,
                           lang: str) -> tuple[int, pd.DataFrame, list[str]]:
    """Load the population of the nearest 1 January, else of the other one around the counts' reference date.

    The newest counts (CBS: 20 December 2024) are nearest to a 1 January that
    has no table yet and cannot be interpolated (regio never extrapolates):
    they take the 1 January of their own year instead, which the notes say.
    A count without a known date has only its year's 1 January. Raises one
    :class:`UnknownYearError` naming the counts' date and each population
    date tried.
    """
    tried = population_years_for_counts(ref, year=year)
    problems = []
    for pop_year in tried:
        try:
            pop, notes = _population(level, pop_year, interpolate=interpolate, division=division,
                                     data_dir=data_dir, lang=lang)
        except UnknownYearError as exc:  # "use --year" would choose other counts here: left out
            problems.append((pop_year, str(exc).replace(getattr(exc, "suggestion", ""), "")))
            continue
        return pop_year, pop, notes
    when = _counts_date(ref, year)
    first, *rest = problems
    message = f"No population for the counts: counts of {when} → population 1 January {first[0]}"
    message += " (the nearest 1 January)" if pd.notna(ref) else ""
    message += f": {first[1]}"
    for pop_year, text in rest:
        message += f" Nor population 1 January {pop_year} (the other 1 January around the counts' date)"
        same = text.replace(str(pop_year), str(first[0])) == first[1]
        message += ", for the same reason." if same else f": {text}"
    raise UnknownYearError(message)


def _reference_note(ref: pd.Timestamp, year: int, pop_year: int, lang: str, *, nearest: int | None = None,
                    interpolate: bool = True) -> str:
    if pd.isna(ref):
        return t(lang, f"De peildatum van de aantallen is niet bekend: bevolking op 1 januari {pop_year}.",
                 f"The counts' reference date is not known: population on 1 January {pop_year}.")
    if nearest is not None and nearest != pop_year:
        why_nl = "geen bevolkingstabel" + (", en regio extrapoleert niet" if interpolate else
                                            " (interpolatie uitgezet)")
        why_en = "no population table" + (", and regio does not extrapolate" if interpolate else
                                          " (interpolation turned off)")
        return t(lang, f"Aantallen op {ref.day}-{ref.month}-{ref.year} (peilmoment van de bron); bevolking op "
                       f"1-1-{pop_year}: de 1 januari die daar het dichtst bij ligt, 1-1-{nearest}, heeft "
                       f"{why_nl}.",
                 f"Counts on {ref:%d %B %Y} (the source's reference date); population on 1 January {pop_year}: "
                 f"the nearest 1 January, 1 January {nearest}, has {why_en}.")
    return t(lang, f"Aantallen op {ref.day}-{ref.month}-{ref.year} (peilmoment van de bron); bevolking op "
                   f"1-1-{pop_year}, de 1 januari die daar het dichtst bij ligt.",
             f"Counts on {ref:%d %B %Y} (the source's reference date); population on 1 January {pop_year}, "
             "the nearest 1 January.")


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
                             f"density_inputs(level=...); here give the confidence level as confidence=0.95.")
        confidence = float(level)
    table = analyse(inputs.placed.counts, pop["population"], names=names, neighbours=neighbours, level=confidence,
                    norm_per_100k=norm_per_100k, bands=bands, whole_profession=inputs.placed.sector_is_total)
    totals = totals_rows(table, unplaced=inputs.placed.unplaced, source_total=inputs.placed.source_total,
                         lang=lang)
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
    if a["provision"] and norm_per_100k is None:
        provision_note = t(
            lang, f"Zonder norm: elke regio vergeleken met het landelijk gemiddelde ({n(a['norm_per_100k'], 1)} "
                  f"{per}), in % daarvan; klassen < {n(bands[0])}%, {n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%. "
                  f"Een gemiddelde is geen norm: ongeveer de helft van de regio's ligt er altijd onder. Tekort tot "
                  f"het gemiddelde, totaal: {n(a['needed_total'])}. Geef een norm (--norm-per-100k of "
                  "--norm-inhabitants) voor een voorzieningsgraad.",
            f"Without a norm: each region compared with the national average ({n(a['norm_per_100k'], 1)} {per}), "
            f"in % of it; bands < {n(bands[0])}%, {n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%. An average is "
            f"not a norm: about half the regions always lie below it. Short of the average, total: "
            f"{n(a['needed_total'])}. Give a norm (--norm-per-100k or --norm-inhabitants) for a provision level.")
    elif a["provision"]:
        own = norm_per_100k is None
        provision_note = t(
            lang, f"Voorzieningsgraad: norm {n(a['norm_per_100k'], 1)} {per}"
                  f"{' (de dichtheid hierboven)' if own else ''}; klassen < {n(bands[0])}%, "
                  f"{n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%; nodig om de norm te halen, totaal: "
                  f"{n(a['needed_total'])}.",
            f"Provision: norm {n(a['norm_per_100k'], 1)} {per}{' (the rate above)' if own else ''}; bands "
            f"< {n(bands[0])}%, {n(bands[0])}–{n(bands[1])}%, > {n(bands[1])}%; physicians needed to reach the "
            f"norm, total: {n(a['needed_total'])}.")
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
        labels.label("caveat", lang),
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
    return DensityResult(inputs=inputs, table=table, totals=totals, notes=notes, lang=lang)


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
    data_dir: PathLike = None,
) -> list[DensityResult]:
    """Density results of several years on the same regions, oldest first (one map's layer sets).

    The latest year is gathered first and fixes the municipal division of the
    others (:func:`density_inputs` with ``division=``).

    Parameters
    ----------
    years
        Years of the counts (repeats are dropped).
    profession, level, counts_path, counts_division, sector, interpolate
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
    results = []
    division = None
    for year in sorted(set(years), reverse=True):  # the latest year fixes the division of the others
        inputs = density_inputs(profession, level=level, year=year, interpolate=interpolate,
                                division=division, counts_path=counts_path, counts_division=counts_division,
                                sector=sector, lang=lang, data_dir=data_dir)
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
        raise InputError(f"Give the earlier year first: {y0} → {y1}.")
    later = density_inputs(profession, level=level, year=y1, interpolate=interpolate, counts_path=counts_path,
                           counts_division=counts_divisions[1], sector=sector, with_shapes=False, lang=lang,
                           data_dir=data_dir)
    division = later.population.attrs.get("division")
    earlier = density_inputs(profession, level=level, year=y0, interpolate=interpolate, counts_path=counts_path,
                             counts_division=counts_divisions[0], division=division, sector=sector,
                             with_shapes=False, lang=lang, data_dir=data_dir)
    p1, p0 = later.population, earlier.population
    common = p1.index
    if not p0.index.equals(common) and set(p0.index) != set(common):
        raise InputError(f"The regions of {y0} and {y1} differ: {format_codes(set(p0.index) ^ set(common))}.")
    c0 = earlier.placed.counts.reindex(common)
    c1 = later.placed.counts.reindex(common)
    names = p1["statnaam"].to_dict() if "statnaam" in p1 else None
    table = trend(c0, p0["population"].reindex(common), c1, p1["population"], years=(y0, y1), names=names)
    both = c0.notna() & c1.notna()
    whole = bool(both.all()) and earlier.placed.sector_is_total and later.placed.sector_is_total
    table.attrs["reference"] = "national" if whole else "regions"
    notes = [*earlier.notes, *later.notes, *earlier.placed.notes, *later.placed.notes,
             t(lang, f"Beide jaren op de gemeentelijke indeling van {division}.",
               f"Both years on the municipal division of {division}.") if division else "",
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
