"""Run a disaggregation on the data directory: the facade used by ``regio allocate`` and the atlas.

Loads inhabitants (with age bands), GP counts and region shapes for a level
and year (:mod:`regio.data`), builds the chosen key with
the pure functions of :mod:`regio.allocation`, apportions the national total
and returns the audit table with notes on sources and method.

Levels: every level of :mod:`regio.levels` built from municipalities
(``provincie``, ``ggdregio``, ``coropgebied``, ``zorgkantoorregio``, ...,
``gemeente``), ``instituut`` (the areas of the 8 GP training institutes, each
municipality to the nearest institute location from its population-weighted
centre, :func:`regio.recruitment.run.institute_membership`, as ``regio recruit``
and ``regio model`` use them),
or a user's own grouping of municipalities (``areas=`` a table with columns
``gemeente`` and ``region``).

What to allocate is an :class:`~regio.allocation.spec.AllocationSpec` of
structured values; reading files and command-line text is the caller's
(:mod:`regio.cli._parse` for ``regio allocate``).

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> res = run_allocation(AllocationSpec(figure="gp_trainees_2027", level="provincie", year=2024))
>>> int(res.table["allocated"].sum())
1026
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio import data, labels
from regio._display import result_html, result_repr
from regio.allocation.keys import (
    KEY_LABELS,
    KEYS,
    allocate,
    audit_notes,
    mix_key,
    need_key,
    per_100k_rounding_only,
    population_key,
    shortfall_key,
)
from regio.allocation.spec import AllocationSpec, check_total_or_figure, known_figures, read_counts_date
from regio.data.populations import counts_population, method_text, published_or_interpolated
from regio.data.shipped import figure_source, institutes, national_figures
from regio.data.user_files import read_region_values
from regio.errors import InputError, OptionError, RegioWarning, UnknownCodeError, UnknownYearError, format_codes
from regio.geography import aggregate, define_level, dissolve
from regio.levels import get_level
from regio.text import fmt_number, joined, source_text, t

__all__ = [
    "GP_COUNTS_YEAR",
    "INSTITUTE_LEVEL",
    "AllocationResult",
    "AllocationSpec",
    "counts_population",
    "read_counts_date",
    "read_region_values",
    "region_inputs",
    "resolve_total",
    "run_allocation",
]

log = logging.getLogger(__name__)

#: The level name of the GP training institutes' areas (and its aliases).
INSTITUTE_LEVEL = "instituut"
_INSTITUTE_ALIASES = {"instituut", "institute", "institutes", "instituutsgebied", "institute_area",
                      "huisartsopleiding", "opleiding"}
#: The only year with real GP counts per region (per province, CBS 84777NED).
GP_COUNTS_YEAR = 2018


@dataclass
class AllocationResult:
    """Everything one disaggregation computes, ready to print, export and draw.

    Attributes
    ----------
    table
        The audit table (:func:`regio.allocation.allocate`), one row per region.
    level, level_label
        Level name (``provincie``, ``instituut``, ``eigen``...) and its label.
    year
        Year of the population (1 January).
    key
        ``population``, ``need``, ``shortfall`` or ``mix``.
    total, figure
        The national total and, if it came from ``geodata/``, the figure's name.
    shapes
        Region polygons (EPSG:28992) indexed like ``table``, or None.
    notes
        Sources and method, one line each (also written to the notes sheet).
    per_100k_rounding_only
        Whether the numbers per 100,000 differ only by rounding to whole
        numbers (:func:`regio.allocation.per_100k_rounding_only`): the map
        then draws them as one class.
    dissolved
        Whether ``shapes`` were dissolved from municipalities (the map closes
        the slivers between their generalised borders).
    """

    table: pd.DataFrame
    level: str
    level_label: str
    year: int
    key: str
    total: int
    figure: str | None
    shapes: gpd.GeoDataFrame | None
    notes: list[str] = field(default_factory=list)
    per_100k_rounding_only: bool = False
    dissolved: bool = False

    def _what(self) -> str:
        return f"{self.total:,} over {self.level} {self.year} by {self.key}"

    def __repr__(self) -> str:
        return result_repr("AllocationResult", self._what(), self.table, ["table", "notes", "shapes"])

    def _repr_html_(self) -> str:
        return result_html("AllocationResult", self._what(), self.table, self.notes)


def resolve_total(total: int | None, figure: str | None, *, lang: str = "en") -> tuple[int, str | None]:
    """Return the total and a one-line citation: from ``total``, or from the named national figure.

    The citation is in ``lang``: in Dutch the figure's ``label_nl`` and Dutch
    number format (``gp_trainees_2027 = 1.026 aios huisartsgeneeskunde per jaar
    vanaf 2027 (advies 2025) ...``), in English its unit and description.

    Parameters
    ----------
    total
        A national number given by the user (e.g. ``--total``).
    figure
        The name of a national figure that regio ships
        (:func:`regio.sources.figures.national_figures`), e.g. ``gp_trainees_2027``.
    lang
        Language of the citation.

    Returns
    -------
    tuple
        ``(total, citation)``; the citation is ``None`` for a ``total`` given
        by the user.

    Raises
    ------
    OptionError
        Neither or both given (kind ``total_figure``, as :class:`AllocationSpec`).
    InputError
        An unknown figure name (listing the known ones).

    Examples
    --------
    >>> resolve_total(500, None)
    (500, None)
    >>> value, cite = resolve_total(None, "gp_trainees_2027")
    >>> value, cite[:58]
    (1026, 'gp_trainees_2027 = 1,026 trainees per year: Advised yearly')
    >>> resolve_total(None, "gp_trainees_2027", lang="nl")[1][:64]
    'gp_trainees_2027 = 1.026 aios huisartsgeneeskunde per jaar vanaf'
    >>> resolve_total(None, "gp_trainees")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown national figure 'gp_trainees'. Known figures: gp_trainees_2027 (1,026), ...
    """
    check_total_or_figure(total, figure)
    if figure is None:
        return total, None
    figs = national_figures()
    if figure not in figs.index:
        known = known_figures()
        raise InputError(f"Unknown national figure {figure!r}. Known figures: {known}.",
                         key="allocation.unknown_figure", figure=figure, known=known)
    row = figs.loc[figure]
    value = fmt_number(int(row["value"]), 0, lang)
    what = (f"{row['label_nl']}" if lang == "nl" and isinstance(row.get("label_nl"), str)
            else f"{row['unit']}: {row['what']}")
    cite = f"{figure} = {value} {what} ({figure_source(row, lang=lang)})"  # web address or title, no local path
    return int(row["value"]), cite


def _is_institute(level: str) -> bool:
    return str(level).strip().lower() in _INSTITUTE_ALIASES


def region_inputs(
    level: str,
    year: int,
    *,
    age_bands: bool = False,
    areas: pd.DataFrame | pd.Series | None = None,
    interpolate: bool = False,
    data_dir: str | Path | None = None,
    with_shapes: bool = True,
    lang: str = "nl",
) -> tuple[pd.DataFrame, gpd.GeoDataFrame | None, str, str, list[str]]:
    """Inhabitants (with age bands) and shapes of the regions of a level.

    Parameters
    ----------
    level
        A CBS level (name or alias), ``instituut`` for the GP training
        institutes' areas; ignored when ``areas`` is given.
    year
        The 1 January of the inhabitants (and the municipal division).
    age_bands
        Also return inhabitants per age band (for the need key).
    areas
        A grouping of the municipalities of ``year`` into own regions: a
        table with columns ``gemeente`` and ``region`` (its ``attrs["path"]``,
        set by :func:`regio.data.user_files.read_table`, is named in the
        notes) or a Series region per municipal code.
    interpolate
        Interpolate the inhabitants of a year without a municipal table
        between the nearest years (:func:`regio.population`); groupings of
        municipalities then use the division the counts were carried to.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).
    with_shapes
        Also return the region shapes (dissolved from municipalities for
        institutes and own groupings).
    lang
        Language of the level label and the notes.

    Returns
    -------
    tuple
        ``(population, shapes, level name, level label, notes)``; population
        is indexed by region code with ``statnaam`` and ``population`` (and
        age bands), shapes are EPSG:28992 polygons indexed alike (or None).

    Raises
    ------
    UnknownCodeError
        If the population and the boundaries cover different regions.
    InputError
        For ``areas`` that do not assign every municipality once.
    UnknownYearError
        For a year without population (and no ``interpolate``).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> pop, shapes, name, label, notes = region_inputs("GGD", 2024, age_bands=True, lang="en")
    >>> name, label, len(pop), shapes.index.equals(pop.index)
    ('ggdregio', 'public health region', 25, True)
    >>> pop.columns.tolist()
    ['statnaam', 'population', 'age_0_14', 'age_15_24', 'age_25_44', 'age_45_64', 'age_65plus']
    >>> bool((pop.filter(like="age_").sum(axis=1) == pop["population"]).all())  # the bands add up
    True

    An own grouping of the municipalities of 2024, here the three northern
    provinces against the rest:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from regio import data
    >>> from regio.data.user_files import read_table
    >>> member = data.membership(2024, levels=["provincie"])["provincie"]
    >>> path = Path(tempfile.mkdtemp()) / "areas.csv"
    >>> pd.DataFrame({"gemeente": member.index,
    ...               "region": ["Noord" if p in ("PV20", "PV21", "PV22") else "Rest" for p in member]}
    ...              ).to_csv(path, index=False)
    >>> pop, _, name, label, notes = region_inputs("provincie", 2024, areas=read_table(path), with_shapes=False,
    ...                                            lang="en")
    >>> pop["population"].to_dict(), name, notes[0]
    ({'Noord': 1767380, 'Rest': 16175562}, 'eigen', 'Regions: own grouping of municipalities from areas.csv.')

    The same grouping as a Series (region per municipality), not read from a file:

    >>> grouping = member.map(lambda p: "Noord" if p in ("PV20", "PV21", "PV22") else "Rest")
    >>> region_inputs("provincie", 2024, areas=grouping, with_shapes=False, lang="en")[4][0]
    'Regions: own grouping of municipalities (given, not read from a file).'

    """
    pop, shapes, name, label, notes, _member = _region_inputs(
        level, year, age_bands=age_bands, areas=areas, interpolate=interpolate, data_dir=data_dir,
        with_shapes=with_shapes, lang=lang)
    return pop, shapes, name, label, notes


def _region_inputs(level, year, *, age_bands, areas, interpolate, data_dir, with_shapes, lang):
    """:func:`region_inputs` plus the membership municipality -> region of a grouping (None for a CBS level)."""
    notes: list[str] = []
    if areas is not None or _is_institute(level):
        gm = published_or_interpolated("gemeente", year, age_bands=age_bands, interpolate=interpolate,
                                       data_dir=data_dir)
        division = int(gm.attrs.get("division") or year)  # interpolated counts are in a later division
        if division != year:
            notes.append(t(lang, f"Gemeenten van de indeling {division} (inwoners van {year} daarheen overgezet).",
                           f"Municipalities of the {division} division (inhabitants of {year} carried to it)."))
        if areas is not None:
            path = areas.attrs.get("path")
            member = define_level(areas, units=gm.index, source=path)
            names = {str(r): str(r) for r in member.unique()}
            name, label = "eigen", ("eigen indeling" if lang == "nl" else "own grouping")
            notes.append(t(lang, f"Regio's: eigen indeling van gemeenten uit {Path(path).name}." if path else
                                 "Regio's: eigen indeling van gemeenten (opgegeven, niet uit een bestand).",
                           f"Regions: own grouping of municipalities from {Path(path).name}." if path else
                           "Regions: own grouping of municipalities (given, not read from a file)."))
        else:
            from regio.recruitment.run import institute_membership

            member = institute_membership(division, data_dir=data_dir)
            names = member.attrs["names"]
            name, label = INSTITUTE_LEVEL, ("opleidingsinstituut" if lang == "nl" else "training institute")
            notes.append(t(lang, "Instituutsgebieden (berekend, geen officiële werkgebieden): "
                           + member.attrs.get("method_nl", member.attrs["method"]) + ".",
                           "Institute areas (computed, not official work areas): " + member.attrs["method"] + "."))
        pop = aggregate(gm.drop(columns="statnaam"), member)
        pop = pop.astype({c: "int64" for c in pop.columns if pop[c].notna().all()})
        pop.insert(0, "statnaam", pop.index.map(lambda c: names.get(c, c)))
        pop.attrs = {"source": gm.attrs.get("source", ""), "year": year, "division": division,
                     "method": f"{gm.attrs.get('method', '')}; summed from municipalities",
                     "method_nl": f"{method_text(gm.attrs, 'nl')}; opgeteld uit gemeenten",
                     **{k: gm.attrs[k] for k in ("ages", "ages_nl", "age_source") if k in gm.attrs}}
        shapes = None
        if with_shapes:
            shapes_gm = data.boundaries("gemeente", division, data_dir=data_dir)
            shapes = dissolve(shapes_gm.loc[shapes_gm.index.intersection(member.index)], member, names=names)
            shapes.attrs["source"] = f"dissolved from gemeente {division} boundaries"
    else:
        member = None
        lvl = get_level(level)
        name, label = lvl.name, lvl.label(lang)
        pop = published_or_interpolated(name, year, age_bands=age_bands, interpolate=interpolate, data_dir=data_dir)
        shapes = _small_area_shapes(name, year, pop.index, pop.index[pop["population"].notna()], notes, lang,
                                    data_dir) if with_shapes else None
    if shapes is not None:
        stray = pop.index.symmetric_difference(shapes.index)
        if len(stray):
            raise UnknownCodeError(f"Population and boundaries of {label} {year} differ in {format_codes(stray)}.",
                                   key="allocation.population_boundaries_differ", label=label, year=year,
                                   codes=format_codes(stray))
        shapes = shapes.loc[pop.index]
    notes.append(t(lang, f"Inwoners 1 januari {year}: ", f"Inhabitants 1 January {year}: ")
                 + f"{source_text(pop.attrs.get('source', ''), lang)}; {method_text(pop.attrs, lang)}.")
    return pop, shapes, name, label, notes, member


def _kept(values: pd.Series | None, left_out: pd.Index, what: tuple[str, str], notes: list[str],
          lang: str) -> pd.Series | None:
    """Drop the values of regions left out of the split, and say what was set aside (nothing silently)."""
    if values is None or not len(left_out):
        return values
    aside = values[values.index.isin(left_out)]
    if len(aside):
        total = fmt_number(float(aside.sum()), 0 if (aside == aside.round()).all() else 2, lang)
        notes.append(t(lang, f"{what[0].capitalize()}: de waarden van {format_codes(aside.index)} (samen {total}) "
                             "zijn opzij gezet: die regio's vallen buiten de verdeling.",
                       f"{what[1].capitalize()}: the values of {format_codes(aside.index)} (together {total}) are set "
                       "aside: those regions are left out of the split."))
    return values[~values.index.isin(left_out)]


def _small_area_shapes(level: str, year: int, codes: pd.Index, known: pd.Index, notes: list[str], lang: str,
                       data_dir: str | Path | None) -> gpd.GeoDataFrame:
    """Boundaries of ``level`` in ``year``; for PC4 and wijken, whose files are of other years, the nearest file.

    Only for drawing: areas of that file that the population lacks are left off the map, and areas of the
    population without a shape are drawn as none (both said in the notes).
    """
    try:
        return data.boundaries(level, year, dissolve=True, data_dir=data_dir)
    except UnknownYearError:
        if level not in ("pc4", "wijk"):
            raise
    nearest = data.nearest_boundary_year(level, year, data_dir=data_dir)
    with warnings.catch_warnings():  # an empty geometry of that file is reported below like any area without one
        warnings.simplefilter("ignore", RegioWarning)
        shapes = data.boundaries(level, nearest, data_dir=data_dir)
    shapes = shapes[~(shapes.geometry.isna() | shapes.geometry.is_empty)]
    no_shape = codes.difference(shapes.index)
    extra = shapes.index.difference(codes)
    shapes = shapes.drop(index=extra)
    if len(no_shape):
        empty = gpd.GeoDataFrame({"statnaam": list(no_shape)}, geometry=[None] * len(no_shape),
                                 index=pd.Index(no_shape, name=shapes.index.name), crs=shapes.crs)
        shapes = pd.concat([shapes, empty])
    no_shape = no_shape.intersection(known)  # those without known inhabitants are left out of the split anyway
    notes.append(t(lang, f"Kaart: grenzen van {nearest} (er zijn geen grenzen van {year})"
                         + (f"; {len(no_shape)} gebied(en) zonder grens van {nearest} staan niet op de kaart, wel in "
                            f"de tabel: {format_codes(no_shape)}" if len(no_shape) else "") + ".",
                   f"Map: boundaries of {nearest} (there are none of {year})"
                   + (f"; {len(no_shape)} area(s) without a {nearest} boundary are not on the map but in the "
                      f"table: {format_codes(no_shape)}" if len(no_shape) else "") + "."))
    return shapes


def _counts_note(ref: pd.Timestamp, cy: int, pop_year: int, lang: str, *, nearest: int | None = None) -> str:
    if pd.notna(ref) and nearest is not None and nearest != pop_year:
        return t(lang,
                 f"Opgegeven aantallen op {ref.day}-{ref.month}-{ref.year}; inwoners van 1-1-{pop_year}: de 1 januari "
                 f"die daar het dichtst bij ligt, 1-1-{nearest}, heeft geen bevolkingstabel en regio extrapoleert "
                 "niet (als in regio density).",
                 f"Given counts on {ref:%d %B %Y}; inhabitants of 1 January {pop_year}: the nearest 1 January, "
                 f"1 January {nearest}, has no population table and regio does not extrapolate (as in regio density).")
    if pd.isna(ref):
        return t(lang,
                 f"De dag van de opgegeven aantallen is niet bekend (jaar {cy}): inwoners van 1 januari {pop_year}, "
                 "zoals regio density aantallen zonder peildatum behandelt (regio.density.population_year). CBS "
                 "84777NED telt op de laatste vrijdag voor kerst (voor 2018: 21-12-2018); geef zo'n dag met "
                 "--counts-date en de inwoners zijn die van de 1 januari die er het dichtst bij ligt.",
                 f"The day of the given counts is not known (year {cy}): inhabitants of 1 January {pop_year}, as "
                 "regio density takes counts without a reference date (regio.density.population_year). CBS 84777NED "
                 "counts on the last Friday before Christmas (for 2018: 2018-12-21); give such a day with "
                 "--counts-date and the inhabitants are those of the nearest 1 January.")
    return t(lang,
             f"Opgegeven aantallen op {ref.day}-{ref.month}-{ref.year}; inwoners van 1-1-{pop_year}, de 1 januari die "
             "daar het dichtst bij ligt (regio.density.population_year, als in regio density).",
             f"Given counts on {ref:%d %B %Y}; inhabitants of 1 January {pop_year}, the nearest 1 January "
             "(regio.density.population_year, as in regio density).")


def _key(
    name: str,
    pop: pd.DataFrame,
    *,
    level: str,
    year: int,
    data_dir,
    use: Mapping[str, float] | None,
    norm_per_100k: float | None,
    counts: pd.Series | None,
    when: object,
    member: pd.Series | None,
    notes: list[str],
    lang: str,
) -> tuple[pd.Series, pd.DataFrame | None]:
    if name == "population":
        return population_key(pop), None
    if name == "need":
        key = need_key(pop, use=use)
        bands = list(key.attrs["use"])
        notes.append(t(lang, "Sleutel zorgbehoefte: relatief huisartsgebruik per leeftijdsgroep uit "
                       + key.attrs.get("source_nl", key.attrs["source"]) + ".",
                       "Need key: relative GP use per age band from " + key.attrs["source"] + "."))
        if pop.attrs.get("ages"):  # which age source: the kerncijfers of the year, the 2020 structure or the nation
            notes.append(t(lang, "Leeftijdsgroepen van de zorgbehoeftesleutel: " + pop.attrs.get("ages_nl", "") + ".",
                           "Age bands of the need key: " + pop.attrs["ages"] + "."))
            key.attrs["age_source"] = pop.attrs.get("age_source")
        return key, pop[bands]
    if name == "shortfall":
        if counts is None:
            if level != "provincie":
                raise OptionError(
                    f"GP counts per region exist in the data only for provinces (CBS 84777NED, {GP_COUNTS_YEAR}), "
                    f"not for {level}. Allocate over provinces, or give your own counts per region (counts=, a "
                    "mapping or Series region -> count).", kind="counts_level", key="allocation.counts_level",
                    level=level, counts_year=GP_COUNTS_YEAR)
            ref, cy = read_counts_date(when, year=GP_COUNTS_YEAR)
            if not pd.isna(ref):
                raise OptionError("counts_date= gives the day of your own counts=; the CBS counts in the data know "
                                  f"their day. Give only a year to choose the CBS counts (e.g. counts_date={cy}).",
                                  kind="counts_date_day", key="allocation.counts_date_day", year=cy)
            # the counts and the inhabitants they are set against come from the density code, so that the key
            # uses the GP rate of `regio density`
            from regio.density.run import density_inputs

            inputs = density_inputs("huisarts", level=level, year=cy, with_shapes=False, lang=lang,
                                    data_dir=data_dir)
            counts = inputs.placed.counts.astype(float)
            cpop = inputs.population["population"]
            cpop_year = int(inputs.population_year)
            placed, unplaced = fmt_number(counts.sum(), 0, lang), fmt_number(inputs.placed.unplaced.sum(), 0, lang)
            notes.append(t(lang,
                           f"Huisartsen naar woonplaats: {inputs.physician_source} ({placed} in een regio; "
                           f"{unplaced} niet in te delen, niet meegeteld). {labels.label('caveat', 'nl')}",
                           f"GPs by place of residence: {inputs.physician_source} ({placed} in regions; "
                           f"{unplaced} not placeable left out). {labels.label('caveat', 'en')}"))
            source = inputs.population.attrs.get("source", "")
            notes.append(t(lang, f"Inwoners {cpop_year} voor de dichtheid (als in regio density): {source}.",
                           f"Inhabitants {cpop_year} for the GP rate (as in regio density): {source}."))
            notes.extend(n for n in inputs.notes if n not in notes)
        else:
            # one rule for every user of counts: the inhabitants of the 1 January nearest to the day counted
            from regio.density import population_years_for_counts

            ref, cy = read_counts_date(when, year=year)
            # as regio density: the nearest 1 January, else (no table, and regio does not extrapolate) the other
            # 1 January around the day counted
            tried = population_years_for_counts(ref, year=cy)
            nearest = tried[0]
            problems: list[InputError] = []
            for cpop_year in tried:
                if cpop_year == year:
                    cpop, p = pop["population"], None
                    break
                try:
                    p = counts_population(level, cpop_year, division=int(pop.attrs.get("division") or year),
                                          membership=member, data_dir=data_dir)
                except UnknownYearError as exc:
                    problems.append(InputError(f"1-1-{cpop_year}: {exc}", key="allocation.year_problem",
                                               year=cpop_year, inner=exc))
                    continue
                cpop = p["population"]
                break
            else:
                day = ref.date() if pd.notna(ref) else cy
                said = joined(list(problems), sep=" ")
                raise UnknownYearError(f"No inhabitants for the counts of {day}: {said}",
                                       key="allocation.no_counts_population", day=str(day), problems=said)
            notes.append(_counts_note(ref, cy, cpop_year, lang, nearest=nearest))
            if p is not None:
                notes.append(t(lang, f"Inwoners {cpop_year} (voor de dichtheid): {p.attrs['source']}; "
                                     f"{method_text(p.attrs, 'nl')}.",
                               f"Inhabitants {cpop_year} (for the GP rate): {p.attrs['source']}; "
                               f"{p.attrs['method']}."))
        stray = counts.index.symmetric_difference(pop.index)
        if len(stray):
            raise UnknownCodeError(f"GP counts and regions differ in {format_codes(stray)} (missing is not zero: "
                                   "give 0 explicitly).", key="allocation.counts_regions_differ",
                                   codes=format_codes(stray))
        counts = counts.reindex(pop.index)
        key = shortfall_key(counts, cpop.reindex(pop.index), norm_per_100k=norm_per_100k)
        prov = key.attrs["provision"]
        comp = prov[["count", "population", "rate_per_100k", "norm_per_100k"]].rename(
            columns={"count": "gps", "population": f"population_{cpop_year}", "rate_per_100k": "gps_per_100k"})
        norm = fmt_number(key.attrs["norm_per_100k"], 1, lang)
        given = norm_per_100k is not None
        moment = f"{cy}" if cpop_year == cy else t(lang, f"huisartsen {cy}, inwoners {cpop_year}",
                                                   f"GPs {cy}, inhabitants {cpop_year}")
        notes.append(t(lang,
                       f"Sleutel tekort: huisartsen nodig om {'de norm' if given else 'de landelijke dichtheid'} van "
                       f"{norm} per 100.000 inwoners te halen ({moment}), 0 waar een regio erop of erboven zit: "
                       "max(0, inwoners × norm / 100.000 − huisartsen) (regio.density.provision).",
                       f"Shortfall key: GPs needed to reach {'a norm' if given else 'the national rate'} of {norm} "
                       f"per 100,000 inhabitants ({moment}), 0 where a region is at or above it: "
                       "max(0, population × norm / 100,000 − GPs) (regio.density.provision)."))
        return key, comp.reindex(pop.index)
    raise InputError(f"Unknown key {name!r}; use one of {', '.join(KEYS)}.", key="allocation.unknown_key",
                     name=name, known=", ".join(KEYS))


def run_allocation(
    spec: AllocationSpec,
    *,
    with_shapes: bool = True,
    lang: str = "nl",
    data_dir: str | Path | None = None,
) -> AllocationResult:
    """Split a national total over the regions of a level and return the audit table.

    Parameters
    ----------
    spec
        What to allocate: the total or figure, the level and year, the key
        and its options, bounds and a current distribution
        (:class:`~regio.allocation.spec.AllocationSpec`, checked when made).
    with_shapes
        Also return region shapes (for maps).
    lang
        ``"nl"`` or ``"en"`` for labels and notes.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    AllocationResult
        The audit table (:func:`regio.allocation.allocate`, with the key's
        component columns such as age bands or GP counts), the level, the
        shapes and the notes: the citation of the total, the key, the sources
        and :func:`regio.allocation.audit_notes`.

    Raises
    ------
    TypeError
        If ``spec`` is no :class:`~regio.allocation.spec.AllocationSpec`.
    OptionError
        The shortfall key without counts at a level other than the
        provinces (kind ``counts_level``), or with the day of the CBS counts
        (``counts_date_day``), which know their own.
    InputError
        An unknown figure, bounds or a current distribution that do not fit
        the regions, a need key without age bands.
    UnknownCodeError, UnknownYearError
        Values for regions that do not exist, or a year without population.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> res = run_allocation(AllocationSpec(figure="gp_trainees_2027", level="provincie", year=2024),
    ...                      with_shapes=False, lang="en")
    >>> res.table[["statnaam", "quota", "allocated", "per_100k"]].head(3).round(2)
               statnaam  quota  allocated  per_100k
    statcode
    PV20      Groningen  34.39         34      5.65
    PV21        Fryslân  37.85         38      5.74
    PV22        Drenthe  28.83         29      5.75

    The shortfall key (GPs needed to reach the national rate of CBS's 2018
    counts) with an upper bound for Noord-Brabant:

    >>> spec = AllocationSpec(100, level="provincie", year=2024, key="shortfall", upper={"PV30": 20})
    >>> res = run_allocation(spec, with_shapes=False, lang="en")
    >>> res.table.loc[res.table["allocated"] > 0, ["gps_per_100k", "allocated", "bound"]].round(1)
              gps_per_100k  allocated  bound
    statcode
    PV21              61.0          8
    PV23              60.5         16
    PV24              34.8         20
    PV28              65.2         27
    PV29              52.2          9
    PV30              60.3         20  upper
    >>> res.notes[0]
    'Total 100 given on the command line.'
    """
    if not isinstance(spec, AllocationSpec):
        raise TypeError(f"run_allocation takes an AllocationSpec, e.g. run_allocation(AllocationSpec(total=100, "
                        f"key='need')), not {type(spec).__name__}.")
    value, cite = resolve_total(spec.total, spec.figure, lang=lang)
    key, year, parts = spec.key, spec.year, spec.parts
    ages = (spec.ages or "auto") if "need" in parts else False
    pop, shapes, lvl, label, notes, member = _region_inputs(spec.level, year, age_bands=ages,
                                                            areas=spec.areas, interpolate=spec.interpolate,
                                                            data_dir=data_dir, with_shapes=with_shapes, lang=lang)
    unknown_pop = pop.index[pop["population"].isna()]
    all_regions, all_names = pop.index, pop["statnaam"].to_dict()  # values given for left-out regions are valid
    if len(unknown_pop):  # e.g. PC4 areas whose counts CBS suppressed: no inhabitants known, so no share
        pop = pop.drop(index=unknown_pop)
        shapes = shapes.drop(index=unknown_pop, errors="ignore") if shapes is not None else None
        k = len(unknown_pop)
        regios = "regio" if k == 1 else "regio's"
        notes.append(t(lang, f"Buiten de verdeling, want zonder bekend inwonertal (door CBS niet gepubliceerd): "
                             f"{k} {regios} ({label}): {format_codes(unknown_pop)}.",
                       f"Left out of the split, having no known number of inhabitants (not published by CBS): "
                       f"{k} {'region' if k == 1 else 'regions'} ({label}): {format_codes(unknown_pop)}."))
    names = pop["statnaam"].to_dict()
    aliases = None
    if lvl == INSTITUTE_LEVEL:
        from regio import recruitment

        aliases = recruitment.institute_aliases(institutes())
    read = {"index": all_regions, "names": all_names, "aliases": aliases}
    count_values = _kept(read_region_values(spec.counts, what="GP counts", **read), unknown_pop,
                         ("huisartsen", "GP counts"), notes, lang)
    keys, comps = {}, []
    for part in parts:
        k, comp = _key(part, pop, level=lvl, year=year, data_dir=data_dir, use=spec.use,
                       norm_per_100k=spec.norm_per_100k, counts=count_values, when=spec.counts_date, member=member,
                       notes=notes, lang=lang)
        keys[part] = k
        if comp is not None:
            comps.append(comp)
    if key == "mix" and spec.mix:
        the_key = mix_key(keys, spec.mix)
        comps.append(the_key.attrs["components"])
    else:
        the_key = keys[key]
    components = pd.concat(comps, axis=1) if comps else None
    if components is not None:
        components = components.loc[:, ~components.columns.duplicated()]
        components = components.drop(columns=[c for c in ("population",) if c in components.columns])
    lo = _kept(read_region_values(spec.lower, what="lower bounds", **read), unknown_pop,
               ("ondergrenzen", "lower bounds"), notes, lang)
    hi = _kept(read_region_values(spec.upper, what="upper bounds", **read), unknown_pop,
               ("bovengrenzen", "upper bounds"), notes, lang)
    cur = _kept(read_region_values(spec.current, what="current distribution", **read), unknown_pop,
                ("huidige verdeling", "current distribution"), notes, lang)
    if cur is not None:
        missing = pop.index.difference(cur.index)
        if len(missing):
            raise InputError(f"Current distribution: no value for {format_codes(missing)} (missing is not zero: "
                             "give 0 explicitly).", key="allocation.current_missing", codes=format_codes(missing))
    table = allocate(value, the_key, method=spec.method, lower=lo, upper=hi, population=pop["population"],
                                current=cur, names=names, components=components)
    label_key = KEY_LABELS.get(lang, KEY_LABELS["en"])[key]
    head = [cite] if cite else [t(lang, f"Totaal {fmt_number(value, 0, lang)} opgegeven op de opdrachtregel.",
                                  f"Total {fmt_number(value, 0, lang)} given on the command line.")]
    head.append(t(lang, f"Sleutel: {label_key}; niveau: {label}; jaar {year}.",
                  f"Key: {label_key}; level: {label}; year {year}."))
    if spec.current_label:
        table.attrs["current_label"] = spec.current_label
    table.attrs["notes"] = head + notes + audit_notes(table, lang=lang)
    rounding_only = "per_100k" in table and per_100k_rounding_only(table["allocated"], table["population"])
    # the data layer says in the shapes' source (provenance) that it dissolved them from municipalities
    dissolved = shapes is not None and "dissolved" in str(shapes.attrs.get("source", ""))
    return AllocationResult(table=table, level=lvl, level_label=label, year=year, key=key, total=value,
                            figure=spec.figure, shapes=shapes, notes=table.attrs["notes"],
                            per_100k_rounding_only=rounding_only, dissolved=dissolved)
