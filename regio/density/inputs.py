"""Gather the inputs of a density table from the data directory: counts, population and boundaries.

:func:`density_inputs` collects counts, population and boundaries of one
profession, level and year (interpolating a missing population year when
allowed, carrying municipal counts to the population's division, sorting out
counts that cannot be placed); :func:`choose_counts_source` chooses whether
the counts are CBS's, Nivel's or a file's. Everything that was assumed is
written to ``notes``. :mod:`regio.density.run` computes the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio import data, geography, labels
from regio._display import result_repr
from regio.data.workforce import NIVEL_COMPONENTS, PROFESSIONS, normalise_profession
from regio.density.placing import (
    PlacedCounts,
    counts_reference_date,
    place_counts,
    population_year,
    population_years_for_counts,
)
from regio.errors import DataNotFoundError, InputError, UnknownYearError, format_codes, said_value
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.sectors import choose_sector
from regio.text import fmt_number, t

__all__ = ["COUNTS_SOURCE_CHOICES", "DensityInputs", "choose_counts_source", "density_inputs"]

PathLike = str | Path | None

#: Choices of ``source=`` (``--source``): ``auto`` (:func:`choose_counts_source`), ``cbs`` or ``nivel``.
COUNTS_SOURCE_CHOICES = ("auto", "cbs", "nivel")


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
    counts_source: str = "cbs"
    """Code of what the counts are: ``cbs`` (the data directory's CBS extracts: BIG registrations by place of
    residence), ``nivel`` (Nivel's working GPs, national) or ``file`` (a user's counts file); words in
    :mod:`regio.labels` (``counts.<code>``)."""

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
    # the country is the same in every municipal division: its published population needs no carrying
    if division is None or level in ("pc4", "wijk", "land") or (published and int(division) == year):
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
        raise UnknownYearError(f"No population table for {year}; allow interpolation (--interpolate).",
                               key="density.no_population_interpolate", year=year)
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
        raise UnknownYearError(f"No gemeente boundaries for {', '.join(map(str, years))}.",
                               key="density.no_municipal_boundaries", years=", ".join(map(str, years)))
    nearest = data.nearest_boundary_year(level, years[0], data_dir=data_dir)
    out = data.boundaries(level, nearest, data_dir=data_dir)
    out.attrs["source"] = out.attrs.get("source", "") + f" (boundaries of {nearest})"
    return out


def _cbs_years(profession: str, data_dir: PathLike) -> set[int]:
    """Years of the data directory's CBS counts (and counts files) of ``profession``; empty without any."""
    try:
        return {int(y) for y in data.physicians(profession, data_dir=data_dir)["year"]}
    except DataNotFoundError:
        return set()


def _nivel_years(data_dir: PathLike) -> set[int]:
    """Years of Nivel's working GPs; empty without the file."""
    try:
        return {int(y) for y in data.nivel_gps(data_dir=data_dir)["year"]}
    except DataNotFoundError:
        return set()


def _span(years: Sequence[int]) -> str:
    """``2012-2023`` for consecutive years, else the years listed."""
    ys = sorted(years)
    if ys and ys == list(range(ys[0], ys[-1] + 1)) and len(ys) > 2:
        return f"{ys[0]}-{ys[-1]}"
    return ", ".join(map(str, ys))


def choose_counts_source(
    profession: str,
    *,
    level: str,
    years: Sequence[int],
    source: str = "auto",
    counts_path: PathLike = None,
    data_dir: PathLike = None,
) -> str:
    """Choose where the counts of a density table come from: ``cbs``, ``nivel`` or ``file``.

    The rule of ``source="auto"`` (``--source auto``, the default): the data
    directory's CBS counts (BIG registrations by place of residence, 84777NED)
    when they have every year asked for; else, for GPs (``huisarts``) at level
    ``land``, Nivel's working GPs (1 January 2012-2023) when Nivel has every
    year. All years of one run (a map's years, the two years of a trend) take
    the same source, so a trend never mixes them: 2018-2023 at ``land`` is
    Nivel's, although CBS has 2018. ``cbs`` and ``nivel`` choose
    outright; a counts file (``counts_path``) is its own source.

    Parameters
    ----------
    profession
        ``huisarts``, ...
    level
        Level of the regions.
    years
        Years of the counts.
    source
        ``"auto"``, ``"cbs"`` or ``"nivel"`` (:data:`COUNTS_SOURCE_CHOICES`).
    counts_path
        A user's counts file (then ``"file"``).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    str
        ``"cbs"``, ``"nivel"`` or ``"file"`` (:attr:`DensityInputs.counts_source`).

    Raises
    ------
    InputError
        An unknown ``source``, or ``"nivel"`` with a counts file.
    UnknownYearError
        With ``auto``, GP counts asked for a level below the country in years that
        only Nivel has (Nivel is national only: use ``--level land``).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> choose_counts_source("huisarts", level="land", years=[2018]), choose_counts_source(
    ...     "huisarts", level="land", years=[2012])
    ('cbs', 'nivel')
    >>> choose_counts_source("huisarts", level="land", years=[2018, 2023])  # one series for a trend
    'nivel'
    >>> choose_counts_source("huisarts", level="provincie", years=[2012])
    Traceback (most recent call last):
    ...
    regio.errors.UnknownYearError: No GP counts per provincie for 2012: the CBS counts by place of residence have \
2018; Nivel's working GPs (1 January 2012-2023) are for the whole country only: use --level land (level='land') \
for them.
    """
    if source not in COUNTS_SOURCE_CHOICES:
        raise InputError(f"Unknown source of counts {source!r}; choose one of {', '.join(COUNTS_SOURCE_CHOICES)}.",
                         key="density.unknown_source", source=said_value(source),
                         known=", ".join(COUNTS_SOURCE_CHOICES))
    if counts_path is not None:
        if source == "nivel":
            raise InputError("A counts file (--counts, counts_path=) is its own source: leave out --source nivel "
                             "(source='nivel'), or the file.", key="density.file_and_nivel")
        return "file"
    if source != "auto":
        return source
    wanted = {int(y) for y in years}
    if normalise_profession(profession) != "huisarts":
        return "cbs"
    cbs = _cbs_years("huisarts", data_dir)
    if wanted <= cbs:
        return "cbs"
    nivel = _nivel_years(data_dir)
    if not wanted <= nivel:
        return "cbs"  # neither has them all: the CBS error lists the years there are
    lvl = get_level(level).name
    if lvl == "land":
        return "nivel"
    absent = ", ".join(map(str, sorted(wanted - cbs)))
    raise UnknownYearError(
        f"No GP counts per {lvl} for {absent}: the CBS counts by place of "
        f"residence have {_span(cbs) or 'no year'}; Nivel's working GPs (1 January {_span(nivel)}) are for the "
        "whole country only: use --level land (level='land') for them.",
        key="density.gp_counts_only_national" if cbs else "density.gp_counts_only_national_no_cbs",
        level=lvl, years=absent, cbs=_span(cbs), nivel=_span(nivel))


def _nivel_notes(attrs: dict, year: int, lang: str) -> list[str]:
    """Say what Nivel's counts are (``attrs`` of :func:`regio.data.nivel_gps`): working GPs by type, the revision."""
    comp = attrs["components"]
    n = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    row = comp.loc[int(year)]
    what = labels.label("counts.nivel", lang)
    parts = ", ".join(f"{labels.label(f'nivel.{c}', lang)} {n(row[c])}" for c in NIVEL_COMPONENTS)
    total = n(row.iloc[-1])
    when = t(lang, f"1-1-{year}", f"1 January {year}")
    notes = [t(lang, f"Aantallen: {what}, {total} op {when} ({parts}): personen die als huisarts werken, geen "
                     f"{labels.label('counts.cbs', lang)}.",
               f"Counts: {what}, {total} on {when} ({parts}): persons working as GPs, not "
               f"{labels.label('counts.cbs', lang)}.")]
    before, after = attrs["category_revision"]
    if before in comp.index and after in comp.index:
        changed = "; ".join(f"{labels.label(f'nivel.{c}', lang)} {n(comp.loc[before, c])} → {n(comp.loc[after, c])}"
                            for c in NIVEL_COMPONENTS)
        notes.append(t(lang, f"Nivel heeft de soorten huisartsen tussen 1-1-{before} en 1-1-{after} anders ingedeeld "
                             f"(een herziening van de categorieën: {changed}); de soorten zijn over die breuk niet "
                             "vergelijkbaar.",
                       f"Nivel revised its types of GPs between 1 January {before} and 1 January {after} (a "
                       f"category revision: {changed}); the types do not compare across that break."))
    return notes


def _nivel_also_note(year: int, data_dir: PathLike, lang: str, *, asked: str) -> str | None:
    """At level land with CBS's counts: say that Nivel counts working GPs of the same year too, and their rate."""
    try:
        gps = data.nivel_gps(year=year, data_dir=data_dir)
        pop = float(data.population("land", year, data_dir=data_dir)["population"].iloc[0])
    except (DataNotFoundError, UnknownYearError):
        return None
    count = float(gps["count"].iloc[0])
    rate = fmt_number(count / pop * 100_000, 1, lang)
    n = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    why_nl = ("--source auto neemt CBS waar CBS het jaar heeft" if asked == "auto" else "gekozen met --source cbs")
    why_en = ("--source auto takes CBS where CBS has the year" if asked == "auto" else "chosen with --source cbs")
    return t(lang,
             f"Aantallen: {labels.label('counts.cbs', lang)}; {why_nl}. Nivel telt ook "
             f"{labels.label('counts.nivel', lang)}: {n(count)} op 1-1-{year}, {rate} per 100.000 met de {n(pop)} "
             "inwoners van die dag; kies die met --source nivel (source='nivel').",
             f"Counts: {labels.label('counts.cbs', lang)}; {why_en}. Nivel also counts "
             f"{labels.label('counts.nivel', lang)}: {n(count)} on 1 January {year}, {rate} per 100,000 with the "
             f"{n(pop)} inhabitants of that day; choose them with --source nivel (source='nivel').")


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
    source: str = "auto",
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
    source
        Where the counts come from: ``"auto"`` (the rule of
        :func:`choose_counts_source`: CBS where CBS has the year, else
        Nivel's working GPs for GPs at level ``land``), ``"cbs"`` or
        ``"nivel"`` (national only: another level is an error). The notes say
        which, and name the other where both have the year.
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

    Nivel's working GPs of the whole country, on 1 January with the population of that day:

    >>> nivel = density_inputs("huisarts", level="land", year=2012, with_shapes=False, lang="en")
    >>> nivel.counts_source, int(nivel.placed.counts["NL01"]), int(nivel.population["population"].iloc[0])
    ('nivel', 11133, 16730348)
    >>> print(nivel.notes[1])
    Counts: working GPs (Nivel), 11,133 on 1 January 2012 (practice owners 7,856, GPs employed by a practice (hidha) \
and regular locums 1,152, itinerant locums 2,125): persons working as GPs, not BIG registrations by place of \
residence (CBS).
    """
    lvl = get_level(level).name
    year = int(year)
    chosen = choose_counts_source(profession, level=lvl, years=[year], source=source, counts_path=counts_path,
                                  data_dir=data_dir)
    if chosen == "nivel":
        phys = data.physicians(profession, year=year, level=lvl, source="nivel", data_dir=data_dir)
    else:
        phys = data.physicians(profession, year=year, path=counts_path, data_dir=data_dir)
    counts_attrs = dict(phys.attrs)
    assumed = phys.attrs.get("profession_assumed")  # a counts file without a profession column
    phys = choose_sector(phys, sector=sector).rows
    key = normalise_profession(profession) or profession
    ref = counts_reference_date(phys)
    nearest = population_year(ref, year=year)
    pop_year, pop, notes = _population_for_counts(lvl, ref, year, nearest, interpolate=interpolate,
                                                  division=division, data_dir=data_dir, lang=lang)
    notes.insert(0, _reference_note(ref, year, pop_year, lang, nearest=nearest, interpolate=interpolate))
    if chosen == "nivel":
        notes[1:1] = _nivel_notes(counts_attrs, year, lang)
    elif chosen == "cbs" and lvl == "land" and key == "huisarts":
        also = _nivel_also_note(year, data_dir, lang, asked=source)
        if also:
            notes.insert(1, also)
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
                                 f"regio knows those of {', '.join(map(str, sorted(divs)))}.",
                                 key="density.unknown_counts_division", division=from_div,
                                 known=", ".join(map(str, sorted(divs))))
            unknown = gm.index.difference(pd.Index(sorted(divs.get(from_div, frozenset()))))
            if len(unknown):
                raise InputError(
                    f"Municipal counts of {year} have codes that are not municipalities of {from_div}: "
                    f"{format_codes(unknown)}. Give their division (counts_division=, --counts-division).",
                    key="density.counts_not_of_division", year=year, division=from_div, codes=format_codes(unknown))
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
            rule_nl, rule_en = carried.attrs["carry_method_nl"], carried.attrs["carry_method"]  # mergers, splits
            notes.append(t(lang, f"Gemeentelijke aantallen overgezet van de indeling {from_div} naar "
                                  f"{pop_division}{kept_nl}: {rule_nl}.",
                            f"Municipal counts carried from the {from_div} to the {pop_division} division"
                            f"{kept_en}: {rule_en}."))
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
                         reference_date=ref, nearest_population_year=nearest, counts_source=chosen)


def _counts_date(ref: pd.Timestamp, year: int) -> InputError:
    """``21 December 2018``, or the year with 'date unknown', as words for an error (said in its language)."""
    if pd.notna(ref):
        month = InputError(f"{ref:%B}", key=f"density.month.{ref:%B}".lower())
        return InputError(f"{ref.day} {month} {ref.year}", key="density.counts_day", day=ref.day, month=month,
                          year=ref.year)
    return InputError(f"{year} (reference date unknown)", key="density.counts_year", year=year)


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
            problems.append((pop_year, str(exc).replace(getattr(exc, "suggestion", ""), ""), exc))
            continue
        return pop_year, pop, notes
    when = _counts_date(ref, year)
    (first_year, first_text, first_exc), *rest = problems
    first = InputError(
        f"No population for the counts: counts of {when} → population 1 January {first_year}"
        + (" (the nearest 1 January)" if pd.notna(ref) else "") + f": {first_text}",
        key="density.no_population_for_counts_nearest" if pd.notna(ref) else "density.no_population_for_counts",
        when=when, year=first_year, inner=first_exc)
    second: InputError | str = ""
    for pop_year, text, exc in rest:
        same = text.replace(str(pop_year), str(first_year)) == first_text
        second = InputError(
            f" Nor population 1 January {pop_year} (the other 1 January around the counts' date)"
            + (", for the same reason." if same else f": {text}"),
            key="density.nor_population_same" if same else "density.nor_population", year=pop_year, inner=exc)
    raise UnknownYearError(f"{first}{second}", key="density.no_population_pair", first=first, second=second)


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
                 f"Counts on {ref.day} {ref:%B %Y} (the source's reference date); population on 1 January {pop_year}: "
                 f"the nearest 1 January, 1 January {nearest}, has {why_en}.")
    if ref == pd.Timestamp(pop_year, 1, 1):  # Nivel counts on 1 January, as population tables do
        return t(lang, f"Aantallen en bevolking op dezelfde dag, 1-1-{pop_year} (peilmoment van de bron).",
                 f"Counts and population on the same day, 1 January {pop_year} (the source's reference date).")
    return t(lang, f"Aantallen op {ref.day}-{ref.month}-{ref.year} (peilmoment van de bron); bevolking op "
                   f"1-1-{pop_year}, de 1 januari die daar het dichtst bij ligt.",
             f"Counts on {ref.day} {ref:%B %Y} (the source's reference date); population on 1 January {pop_year}, "
             "the nearest 1 January.")
