"""Run the recruitment analysis on the data directory: the facade used by ``regio recruit`` and the atlas.

Loads municipalities, inhabitants, GP counts and the institutes
(:mod:`regio.data`), calls the pure functions of
:mod:`regio.recruitment` and returns every table the maps and exports draw,
with notes on sources and estimates. What to run is a
:class:`~regio.recruitment.spec.RecruitmentSpec` of structured values (tables
already read); reading files and command-line text is the caller's
(:mod:`regio.cli._parse` for ``regio recruit``).

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> res = run_recruitment(RecruitmentSpec("nearest", year=2024, margin=5))
>>> int(res.areas["population"].sum())
17942942
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio import data, labels
from regio._display import result_html, result_repr
from regio.apportion import largest_remainder
from regio.data.shipped import institutes
from regio.data.user_files import read_region_values, table_values
from regio.errors import DataNotFoundError, InputError, UnknownCodeError, UnknownYearError, format_codes
from regio.geography import dissolve
from regio.recruitment.assign import assign_capacitated, assign_nearest, travel_time_matrix
from regio.recruitment.counts import SPREADS, area_summary, estimate_gps, municipal_trainers
from regio.recruitment.institutes import (
    NATIONAL_TRAINERS_2009,
    assign_from_agreement,
    institute_aliases,
    resolve_municipalities,
)
from regio.recruitment.spec import METHODS, RecruitmentSpec
from regio.text import fmt_number, fmt_percent, joined, source_text, t
from regio.validate import to_numeric

__all__ = [
    "GP_YEAR",
    "METHODS",
    "RecruitmentResult",
    "RecruitmentSpec",
    "institute_membership",
    "institute_shapes",
    "municipal_gps",
    "read_institute_values",
    "run_recruitment",
]

log = logging.getLogger(__name__)

GP_YEAR = 2018  # the only year with real GP counts (per province, CBS 84777NED)


@dataclass
class RecruitmentResult:
    """Everything one run computes, ready to draw and export.

    Attributes
    ----------
    year, method
        Boundary year and assignment method.
    assignment
        :data:`regio.recruitment.ASSIGNMENT_COLUMNS` per municipality.
    municipal
        Per municipality: name, province, institute, joint, cost, counts and flags.
    areas
        :func:`regio.recruitment.area_summary` with the institute names.
    shapes
        Municipal polygons (EPSG:28992).
    area_shapes, joint_shapes
        Dissolved institute areas and joint zones (EPSG:28992).
    locations
        Institute locations (EPSG:28992).
    notes
        Sources, methods and estimates, one line each.
    texts
        Short texts for map source lines and caveats, each ``(Dutch, English)``:
        ``gps_source`` (where the GP counts come from), ``gps_estimate`` and
        ``trainers_estimate`` (how they were estimated; absent when counted
        or given).
    cost_unit
        What ``municipal["cost"]`` is: ``"km"`` (from the population-weighted
        centre), ``"min"`` (the user's travel times) or ``None`` (an
        agreement table).
    """

    year: int
    method: str
    assignment: pd.DataFrame
    municipal: pd.DataFrame
    areas: pd.DataFrame
    shapes: gpd.GeoDataFrame
    area_shapes: gpd.GeoDataFrame
    joint_shapes: gpd.GeoDataFrame
    locations: gpd.GeoDataFrame
    notes: list[str] = field(default_factory=list)
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    cost_unit: str | None = None

    def _what(self) -> str:
        return f"{self.method}, {self.year}: {len(self.municipal)} municipalities"

    def __repr__(self) -> str:
        return result_repr("RecruitmentResult", self._what(), self.areas, ["areas", "municipal", "notes", "shapes"])

    def _repr_html_(self) -> str:
        return result_html("RecruitmentResult", self._what(), self.areas, self.notes)


def read_institute_values(
    spec: Mapping[str, float] | pd.Series | None,
    *,
    locations: pd.DataFrame,
    what: str,
    whole: bool = True,
) -> pd.Series | None:
    """Values per institute from a mapping or a Series, every institute given.

    A file is read first (:func:`regio.data.user_files.table_values`): it
    needs an institute column (``institute``, ``instituut``, ``id``) and a
    value column (the only other column).
    Institutes are named by id, ``HAO-`` id, short name, UMC or city
    (:func:`regio.recruitment.institute_aliases`). Read by
    :func:`regio.data.user_files.read_region_values`: with ``whole`` (the
    default: trainers, needs and intakes are counts) a fraction is an error,
    and so is ``"1.000"`` or ``"1,026"`` (a thousands separator or a decimal
    one?), naming the institute.

    Parameters
    ----------
    spec
        A mapping or Series institute -> value (numbers, or numbers as
        written in a file), or None.
    locations
        Institute locations with ``institute_id`` and ``kind`` (optionally
        ``short_name``, ``umc``, ``city`` for the spellings), as
        :func:`regio.data.institutes`.
    what
        What the values are, for messages (``"trainers"``, ``"need"`` ...).
    whole
        Whether the values must be whole numbers.

    Returns
    -------
    pandas.Series or None
        Value per institute id (float, sorted by id, index named
        ``institute``); None when ``spec`` is None.

    Raises
    ------
    InputError, UnknownCodeError
        Once for all problems of the keys: unknown institutes (and the known
        ids), institutes given twice, missing institutes; or missing,
        negative, fractional or ambiguous values.

    Examples
    --------
    >>> loc = pd.DataFrame({"institute_id": ["amc", "lumc"], "kind": "main", "city": ["Amsterdam", "Leiden"]})
    >>> read_institute_values({"amc": 80, "Leiden": "60"}, locations=loc, what="trainers").to_dict()
    {'amc': 80.0, 'lumc': 60.0}
    >>> read_institute_values({"AMC": 80, "hao-lumc": 60.5}, locations=loc, what="need", whole=False).to_dict()
    {'amc': 80.0, 'lumc': 60.5}
    >>> read_institute_values({"amc": "80", "lumc": "1.000"}, locations=loc, what="trainers")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Column 'trainers': ambiguous numbers at lumc (e.g. '1.000': ...
    """
    if spec is None:
        return None
    ids = pd.Index(sorted(set(locations["institute_id"])), name="institute")
    out = read_region_values(spec, index=ids, names={}, aliases=institute_aliases(locations),
                             what=what, whole=whole, require_all=True, noun="institutes")
    out.index.name = "institute"
    return out


def _decimals(value: float) -> int:
    """Decimals a reader needs for ``value`` (0 for 1.0, 1 for 1.5, up to 3)."""
    return next((d for d in range(3) if round(float(value), d) == float(value)), 3)


def _institute_names(locations: pd.DataFrame) -> dict[str, str]:
    main = locations[locations["kind"] == "main"]
    return dict(zip(main["institute_id"].astype(str), main["short_name"].astype(str), strict=True))


def _centres(year: int, *, data_dir, shapes: gpd.GeoDataFrame | None = None,
             lang: str = "nl") -> tuple[gpd.GeoDataFrame, str | None]:
    """Where distances are measured from: population-weighted centres, else the polygons (with a note)."""
    try:
        centres = data.population_centres(year, data_dir=data_dir)
    except DataNotFoundError:
        shapes = data.boundaries("gemeente", year, data_dir=data_dir) if shapes is None else shapes
        return shapes, t(lang, "Afstanden vanaf het zwaartepunt van de gemeente (geen PC4-inwoners in de "
                               "gegevensmap).",
                         "Distances from municipal centroids (no PC4 population in the data directory).")
    centres.attrs["centre"] = "population-weighted centre (PC4 inhabitants 2021)"
    centres.attrs["centre_nl"] = "naar inwoners gewogen middelpunt (PC4-inwoners 2021)"
    return centres, None


def institute_membership(year: int = 2024, *, data_dir: str | Path | None = None,
                         satellites: bool = True) -> pd.Series:
    """Municipality -> GP training institute: the ``instituut`` level of regio.

    Each municipality of ``year`` goes to the institute with the nearest
    location (main or satellite) measured from its population-weighted centre
    (:func:`regio.data.population_centres`; municipal centroids when the data
    directory has no PC4 inhabitants). This is the one definition used by
    ``regio recruit --method nearest`` (as the primary institute),
    ``regio allocate --level instituut`` and ``regio model --level instituut``.

    Parameters
    ----------
    year
        Municipal division (boundaries of 1 January).
    data_dir
        Data directory.
    satellites
        Count the satellite locations (Hengelo, Zwolle, Den Haag).

    Returns
    -------
    pandas.Series
        Institute id per municipal code, named ``instituut``; ``attrs``:
        ``names`` (institute id -> short name), ``method`` (``method_nl`` in
        Dutch) and ``year``.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> member = institute_membership(2024)
    >>> int(member.value_counts()["erasmusmc"])
    58
    """
    locations = institutes()
    centres, fallback = _centres(year, data_dir=data_dir, lang="en")
    fallback_nl = _centres(year, data_dir=data_dir, lang="nl")[1] if fallback else None
    assignment = assign_nearest(centres, locations, satellites=satellites)
    member = assignment["institute"].astype(str).rename("instituut")
    member.index.name = "statcode"
    how = assignment.attrs["description"].split("; joint")[0]
    how_nl = assignment.attrs["description_nl"].split("; gezamenlijk")[0]
    member.attrs = {"names": _institute_names(locations), "year": int(year),
                    "method": f"{how} (regio.recruitment.run.institute_membership)"
                              + (f"; {fallback}" if fallback else ""),
                    "method_nl": f"{how_nl} (regio.recruitment.run.institute_membership)"
                                 + (f"; {fallback_nl}" if fallback_nl else "")}
    return member


def institute_shapes(membership: pd.Series, *, year: int, data_dir: str | Path | None = None) -> gpd.GeoDataFrame:
    """Institute areas as polygons (EPSG:28992): the municipalities of ``year`` dissolved by ``membership``.

    Parameters
    ----------
    membership
        Institute per municipal code of ``year`` (:func:`institute_membership`
        or an assignment's ``institute`` column); ``attrs["names"]`` names them.
    year
        Year of the municipal boundaries.
    data_dir
        Data directory.

    Returns
    -------
    geopandas.GeoDataFrame
        One polygon per institute, indexed by institute id, with ``statnaam``
        (the name from ``attrs["names"]``); ``attrs["source"]``.

    Raises
    ------
    UnknownCodeError
        If ``membership`` does not list exactly the municipalities of ``year``.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> areas = institute_shapes(institute_membership(2024), year=2024)
    >>> len(areas), areas.crs.to_epsg(), areas.loc["erasmusmc", "statnaam"]
    (8, 28992, 'Erasmus MC')
    """
    shapes = data.boundaries("gemeente", year, data_dir=data_dir)
    stray = membership.index.symmetric_difference(shapes.index)
    if len(stray):
        raise UnknownCodeError(f"Institute membership and the municipalities of {year} differ in "
                               f"{format_codes(stray)}.", key="recruitment.membership_differs", year=year,
                               codes=format_codes(stray))
    out = dissolve(shapes.loc[membership.index], membership, names=membership.attrs.get("names"))
    out.attrs["source"] = f"dissolved from gemeente {year} boundaries"
    return out


def municipal_gps(
    population: pd.Series,
    *,
    year: int,
    gp_year: int = GP_YEAR,
    spread: str = "practices",
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """GPs per municipality estimated from the province counts: the one estimate for recruit and model.

    Each province's GP count (:func:`regio.data.gp_counts`, CBS 84777NED by
    residence) is spread over its municipalities of ``year`` in whole GPs
    that add up to the province's count (:func:`regio.recruitment.estimate_gps`,
    largest remainder), by ``spread``:

    * ``"practices"`` (default): by their share of the province's GP practices
      (:func:`regio.practices`, the derived counts of the ZorgkaartNederland
      listing of 2026 in the municipal division of 2024, which 2023 and 2025
      share): GPs work in practices, so this follows where care is given
      better than inhabitants do;
    * ``"population"``: by their share of its inhabitants of ``year``.

    Either way an estimate. The provinces are those of the ``year`` division:
    the 2018 counts of a province go to its municipalities of ``year``
    (Vijfheerenlanden, in Utrecht since 2019, was partly Zuid-Holland in 2018).

    Parameters
    ----------
    population
        Inhabitants per municipality of ``year``.
    year
        Municipal division (for the province of each municipality).
    gp_year
        Year of the province counts.
    spread
        ``"practices"`` or ``"population"`` (:data:`regio.recruitment.SPREADS`).
    data_dir
        Data directory.

    Returns
    -------
    pandas.DataFrame
        ``gps`` (int), ``gps_estimated`` (True), ``gps_method``; ``attrs``:
        ``source``, ``gp_year``, ``placed``, ``unplaced``, ``spread``,
        ``spread_source`` (the practice counts, marked derived; the
        population for ``"population"``), ``method`` and ``method_nl``.

    Raises
    ------
    InputError
        For an unknown ``spread``, municipalities without a province in
        ``year`` or missing or negative inhabitants (see
        :func:`regio.recruitment.estimate_gps`).
    UnknownYearError
        For ``spread="practices"`` in a year of another municipal division
        than the practice counts' (naming the fix).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> from regio import data
    >>> pop = data.population("gemeente", 2024)["population"]
    >>> gps = municipal_gps(pop, year=2024)
    >>> int(gps["gps"].sum()) == gps.attrs["placed"], gps.attrs["placed"], gps.attrs["unplaced"]
    (True, 12210, 45)
    >>> by_pop = municipal_gps(pop, year=2024, spread="population")
    >>> int(gps.loc["GM0014", "gps"]), int(by_pop.loc["GM0014", "gps"])  # Groningen: by practices, by inhabitants
    (164, 184)
    """
    if spread not in SPREADS:
        raise InputError(f"spread={spread!r}: use one of {', '.join(SPREADS)} (command line: --spread).",
                         key="recruitment.unknown_spread_option", spread=spread, choices=", ".join(SPREADS))
    counts = data.gp_counts(gp_year, level="provincie", data_dir=data_dir)
    province_of = data.membership(year, levels=["provincie"], data_dir=data_dir)["provincie"]
    head = f"CBS 84777NED {gp_year} GPs per province (by residence)"
    head_nl = f"CBS 84777NED {gp_year} huisartsen per provincie (naar woonplaats)"
    if spread == "practices":
        try:
            prac = data.practices("gemeente", year, data_dir=data_dir)
        except UnknownYearError as exc:
            raise UnknownYearError(f"{exc} To spread the GPs of {gp_year} by population instead, use "
                                   "spread='population' (command line: --spread population).",
                                   key="recruitment.no_practices_to_spread", inner=exc, gp_year=gp_year) from exc
        weights = prac["n_practices"].reindex(population.index.astype(str)).fillna(0)
        out = estimate_gps(population, province_counts=counts, province_of=province_of, weights=weights,
                           weights_name="GP practices (derived counts)")
        spread_source = prac.attrs["source"]
        by = f"by their share of the province's GP practices ({spread_source})"
        by_nl = ("naar hun aandeel in de huisartsenpraktijken van de provincie (afgeleide tellingen: "
                 f"{source_text(spread_source)})")
    else:
        out = estimate_gps(population, province_counts=counts, province_of=province_of)
        spread_source = f"inhabitants 1 January {year}"
        by, by_nl = "by population share", "naar inwoneraandeel"
    out.attrs = {"source": counts.attrs["source"], "gp_year": int(gp_year), "placed": counts.attrs["placed"],
                 "unplaced": counts.attrs["unplaced"], "spread": spread, "spread_source": spread_source,
                 "method": (f"{head} spread over the municipalities of {year} {by}, whole GPs by largest "
                            "remainder (estimate)"),
                 "method_nl": (f"{head_nl} verdeeld over de gemeenten van {year} {by_nl}, hele huisartsen naar "
                               "grootste overschot (schatting)")}
    return out


def _counted_gps(frame: pd.DataFrame, units: pd.Index, year: int, lang: str = "nl") -> tuple[pd.DataFrame, str, str]:
    """Municipal GP counts from a user's file (read): huisarts rows, the newest year; say which and what was ignored."""
    gps_path = frame.attrs.get("path") or "gps"
    name = Path(gps_path).name
    years_of = {p: sorted({int(y) for y in g["year"]}) for p, g in frame.groupby("profession", sort=True)}
    found = ", ".join(f"{p} ({', '.join(map(str, ys))})" for p, ys in years_of.items())
    counts = frame[(frame["profession"] == "huisarts") & (frame["level"] == "gemeente")]
    if counts.empty:
        raise InputError(f"{gps_path}: no municipal (GMxxxx) counts of huisartsen (GPs); the file has "
                         f"{found or 'no rows'} (profession (years)). Give GP counts per municipality with "
                         "profession huisarts (or no profession column).",
                         key="recruitment.no_municipal_gps" if found else "recruitment.no_gp_rows",
                         path=gps_path, found=found)
    years = sorted({int(y) for y in counts["year"]})
    newest = int(years[-1])
    counts = counts[counts["year"] == newest]
    unplaced = int(counts.loc[counts["kind"] == "unplaced", "count"].sum())
    counts = counts[counts["kind"] == "region"].set_index("statcode")["count"]
    stray, absent = counts.index.difference(units), units.difference(counts.index)
    if len(stray) or len(absent):
        parts = [InputError(f"not in {year}: {format_codes(stray)} (carry them with regio.carry_to)",
                            key="recruitment.part.not_in_year_carry", year=year, codes=format_codes(stray))] \
            * bool(len(stray)) + [InputError(f"missing: {format_codes(absent)}", key="recruitment.part.missing",
                                             codes=format_codes(absent))] * bool(len(absent))
        raise UnknownCodeError(
            f"{gps_path}: GP counts ({newest}) must cover the {len(units)} municipalities of {year}; "
            + "; ".join(map(str, parts)) + ".", key="recruitment.gps_cover", path=gps_path, newest=newest,
            n=len(units), year=year, problems=joined(parts))
    gps = pd.DataFrame({"gps": counts.reindex(units).astype("int64"), "gps_estimated": False,
                        "gps_method": "counted"})
    older = [y for y in years_of.get("huisarts", []) if y != newest]
    others = ", ".join(f"{p} ({', '.join(map(str, ys))})" for p, ys in years_of.items() if p != "huisarts")
    listed = lambda ys: ", ".join(map(str, ys))  # noqa: E731
    note = t(lang, f"Huisartsen: geteld per gemeente ({name}), jaar {newest}",
             f"GPs: counted per municipality ({name}), year {newest}")
    if older:
        note += t(lang, f" (het nieuwste; huisartsen van {listed(older)} in het bestand niet gebruikt)",
                  f" (the newest; GPs of {listed(older)} in the file not used)")
    if unplaced:
        note += t(lang, f"; {fmt_number(unplaced, 0, lang)} niet in te delen, niet meegeteld",
                  f"; {fmt_number(unplaced, 0, lang)} not placeable left out")
    if others:
        note += t(lang, f"; andere beroepen in het bestand niet gebruikt: {others}",
                  f"; other professions in the file ignored: {others}")
    return gps, note + ".", f"{name} ({newest})"


def _municipal_counts(
    year: int, *, data_dir, gps_counts: pd.DataFrame | None, trainers_table: pd.DataFrame | None,
    national_trainers: int, locations, names, spread: str = "practices", lang: str = "nl",
) -> tuple[pd.DataFrame, pd.Series | None, list[str], dict[str, tuple[str, str]]]:
    """Return population, GPs (counted or estimated) and trainers per municipality, notes and map texts."""
    notes: list[str] = []
    texts: dict[str, tuple[str, str]] = {}
    try:
        pop = data.population("gemeente", year, data_dir=data_dir)
    except UnknownYearError as exc:
        years = ", ".join(map(str, data.population_years("gemeente", data_dir=data_dir)))
        raise UnknownYearError(f"No municipal population for {year}: recruitment areas need the boundaries and "
                               f"inhabitants of one year (--year); years with both: {years}.",
                               key="recruitment.no_population_year", year=year, known=years) from exc
    notes.append(t(lang, f"Inwoners: {source_text(pop.attrs['source'])} (1 januari {year}).",
                   f"Inhabitants: {pop.attrs['source']} (1 January {year})."))
    units = pop.index
    if gps_counts is not None:
        gps, note, counted = _counted_gps(gps_counts, units, year, lang)
        notes.append(note)
        texts["gps_source"] = (f"huisartsen: {counted}", f"GPs: {counted}")
    else:
        gps = municipal_gps(pop["population"], year=year, gp_year=GP_YEAR, spread=spread, data_dir=data_dir)
        placed, unplaced = fmt_number(gps.attrs["placed"], 0, lang), fmt_number(gps.attrs["unplaced"], 0, lang)
        if spread == "practices":
            src = gps.attrs["spread_source"]
            by_nl = ("naar hun aandeel in de huisartsenpraktijken van de provincie (afgeleide tellingen: "
                     f"{source_text(src)})")
            by_en = f"by their share of the province's GP practices ({src})"
        else:
            by_nl, by_en = f"naar hun aandeel in de inwoners van {year}", f"by {year} population share"
        notes.append(t(
            lang,
            f"Huisartsen: SCHATTING — CBS 84777NED {GP_YEAR} per provincie (naar woonplaats), verdeeld over de "
            f"gemeenten {by_nl}; {placed} huisartsen in een provincie "
            f"({unplaced} 'niet in te delen' niet meegeteld). {labels.label('caveat.residence', 'nl')}",
            f"GPs: ESTIMATE — CBS 84777NED {GP_YEAR} count per province (by residence), split over its "
            f"municipalities {by_en}; {placed} GPs placed in a province ({unplaced} "
            f"not placeable in a province ('niet in te delen') left out). {labels.label('caveat.residence', 'en')}"))
        texts["gps_source"] = (f"CBS 84777NED huisartsen {GP_YEAR} (provincie)"
                               + (", huisartsenpraktijken ZorgkaartNederland 2026 (afgeleid)"
                                  if spread == "practices" else ""),
                               f"CBS 84777NED GPs {GP_YEAR} (province)"
                               + (", GP practices ZorgkaartNederland 2026 (derived)" if spread == "practices" else ""))
        texts["gps_estimate"] = (f"huisartsen: schatting, provincietelling {GP_YEAR} "
                                 + labels.label(f"spread.{spread}", "nl"),
                                 f"GPs: estimate, {GP_YEAR} province counts " + labels.label(f"spread.{spread}", "en"))
    mun = pop[["statnaam", "population"]].join(gps)
    institute_trainers = None
    if trainers_table is not None:
        table = trainers_table
        trainers_path = table.attrs.get("path") or "trainers"
        file = Path(trainers_path).name
        texts["trainers_source"] = (f"opleiders: {file}", f"trainers: {file}")
        key = next((c for c in table.columns
                    if c.lower() in ("institute", "instituut", "institute_id", "id")), None)
        if key is not None:
            institute_trainers = read_institute_values(table_values(table, what="trainers"), locations=locations,
                                                       what="trainers")
            notes.append(t(lang, f"Opleiders: opgegeven per instituut ({file}).",
                           f"Trainers: given per institute ({file})."))
            mun = mun.join(municipal_trainers(mun["gps"], national_total=int(institute_trainers.sum()))
                           .assign(trainers_method="institute_by_gp_share"))
        else:
            code_col = next((c for c in table.columns if c.lower() in
                             ("gemeente", "statcode", "gemeentecode", "code", "gemeentenaam", "statnaam", "naam",
                              "name")), None)
            val_col = next((c for c in table.columns if c.lower() in
                            ("trainers", "opleiders", "count", "aantal", "n")), None)
            if code_col is None or val_col is None:
                raise InputError(f"{trainers_path}: trainers need an institute or municipality column and a "
                                 f"trainers column (trainers, opleiders); columns: {', '.join(table.columns)}.",
                                 key="recruitment.trainer_columns", path=trainers_path,
                                 columns=", ".join(table.columns))
            codes = resolve_municipalities(table[code_col], names=names).astype(str)
            vals = to_numeric(table[val_col], column=val_col, source=str(trainers_path), integer=True, codes=codes)
            stray, absent = sorted(set(codes) - set(units)), sorted(set(units) - set(codes))
            dup = codes[codes.duplicated(keep=False)]
            if stray or absent or len(dup):
                parts = [InputError(f"not in {year}: {format_codes(stray)}", key="recruitment.part.not_in_year",
                                    year=year, codes=format_codes(stray))] * bool(stray) \
                    + [InputError(f"missing: {format_codes(absent)}", key="recruitment.part.missing",
                                  codes=format_codes(absent))] * bool(absent) \
                    + [InputError(f"twice: {format_codes(dup)}", key="recruitment.part.twice",
                                  codes=format_codes(dup))] * bool(len(dup))
                raise InputError(
                    f"{trainers_path}: trainers per municipality must cover the {len(units)} municipalities of "
                    f"{year} once; " + "; ".join(map(str, parts)) + ".", key="recruitment.trainers_cover",
                    path=trainers_path, n=len(units), year=year, problems=joined(parts))
            mun["trainers"] = pd.Series(vals.to_numpy(), index=codes.to_numpy()).reindex(units)
            mun["trainers_estimated"] = False
            mun["trainers_method"] = "given"
            notes.append(t(lang, f"Opleiders: opgegeven per gemeente ({file}).",
                           f"Trainers: given per municipality ({file})."))
    else:
        mun = mun.join(municipal_trainers(mun["gps"], national_total=national_trainers))
        n = fmt_number(national_trainers, 0, lang)
        letter = national_trainers == NATIONAL_TRAINERS_2009
        notes.append(t(lang,
                       f"Opleiders: SCHATTING — de landelijke {n} " + ("(nieuwsbrief 2009) " if letter else "")
                       + "verdeeld over de gemeenten naar aandeel huisartsen; er zijn geen aantallen opleiders per "
                         "instituut gevonden.",
                       f"Trainers: ESTIMATE — the national {n} " + ("(2009 newsletter) " if letter else "")
                       + "split over municipalities by GP share; no trainer counts per institute were found."))
        texts["trainers_estimate"] = (f"opleiders: landelijk {fmt_number(national_trainers, 0, 'nl')} naar aandeel "
                                      "huisartsen",
                                      f"trainers: national {fmt_number(national_trainers, 0, 'en')} by GP share")
    return mun, institute_trainers, notes, texts


def run_recruitment(
    spec: RecruitmentSpec,
    *,
    data_dir: str | Path | None = None,
    lang: str = "nl",
) -> RecruitmentResult:
    """Assign municipalities to institutes and compute the per-area numbers.

    Parameters
    ----------
    spec
        What to run: the method and its tables, the year, the GP and
        trainer counts, the target and the need
        (:class:`~regio.recruitment.spec.RecruitmentSpec`, checked when made).
    data_dir
        Data directory.
    lang
        Language of the notes (``"nl"`` or ``"en"``; numbers in that
        language's format).

    Returns
    -------
    RecruitmentResult
        The assignment, the municipal and area tables, the shapes to draw,
        and notes on sources and estimates in ``lang``.

    Raises
    ------
    TypeError
        If ``spec`` is no :class:`~regio.recruitment.spec.RecruitmentSpec`.
    InputError
        For bad tables or values (an agreement, travel times, counts,
        trainers or needs that do not fit the municipalities or institutes).
    UnknownCodeError, UnknownYearError
        When tables or data do not match the municipalities of ``year``.
    regio.recruitment.InfeasibleTargetError
        For ``capacitated`` when the needs cannot be met (unless ``allow_shortfall``).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> res = run_recruitment(RecruitmentSpec("nearest", year=2024, margin=5), lang="en")
    >>> row = res.areas.loc["erasmusmc"]
    >>> row["name"], int(row["municipalities"]), int(row["joint_municipalities"]), float(row["gap"])
    ('Erasmus MC', 58, 7, 220.75)
    >>> int(res.areas["trainers"].sum()), int(res.areas["extra_trainers"].sum()), len(res.area_shapes)
    (1700, 300, 8)
    >>> res.notes[2]
    'Trainers: ESTIMATE — the national 1,700 (2009 newsletter) split over municipalities by GP share; ...'
    """
    if not isinstance(spec, RecruitmentSpec):
        raise TypeError(f"run_recruitment takes a RecruitmentSpec, e.g. run_recruitment(RecruitmentSpec('nearest', "
                        f"margin=5)), not {type(spec).__name__}.")
    method, year, satellites, tt_table = spec.method, spec.year, spec.satellites, spec.travel_times
    target_share, trainees_per_trainer = spec.target_share, spec.trainees_per_trainer
    extra_trainers, split_by = spec.extra_trainers, spec.split_by
    shapes = data.boundaries("gemeente", year, data_dir=data_dir)
    names = shapes["statnaam"].to_dict()
    locations = institutes()
    ids = sorted(set(locations["institute_id"]))
    mun, institute_trainers, notes, texts = _municipal_counts(
        year, data_dir=data_dir, gps_counts=spec.gps, trainers_table=spec.trainers,
        national_trainers=spec.national_trainers, locations=locations, names=names, spread=spec.spread, lang=lang)
    stray = mun.index.symmetric_difference(shapes.index)
    if len(stray):
        raise UnknownCodeError(f"Population and boundaries of {year} differ in {format_codes(stray)}.",
                               key="recruitment.population_boundaries_differ", year=year, codes=format_codes(stray))
    shapes = shapes.loc[mun.index]
    # distances from where people live: population-weighted centres (PC4 inhabitants), else polygon centroids;
    # the same points as institute_membership, so the nearest method's primary institutes are the instituut level
    centres, fallback = _centres(year, data_dir=data_dir, shapes=shapes, lang=lang)
    centres = centres.loc[mun.index]
    if fallback:
        notes.append(fallback)
    tt = None
    if tt_table is not None:
        tt = travel_time_matrix(tt_table, units=shapes.index, locations=locations, names=names,
                                source=tt_table.attrs.get("path") or "travel_times")
    if method == "agreement":
        agreement = spec.agreement.attrs.get("path") or "agreement"
        assignment = assign_from_agreement(spec.agreement, units=shapes.index, locations=locations, names=names,
                                           source=agreement)
        notes.append(t(lang, f"Indeling: afsprakentabel {Path(agreement).name}.",
                       f"Assignment: agreement table {Path(agreement).name}."))
    elif method == "nearest":
        assignment = assign_nearest(centres, locations, margin=spec.margin, satellites=satellites, travel_times=tt)
        notes.append(t(lang, f"Indeling: {assignment.attrs['description_nl']}.",
                       f"Assignment: {assignment.attrs['description']}."))
    else:
        need_s = read_institute_values(spec.need, locations=locations, what="need (trainers per institute)")
        if need_s is None and spec.intake is not None:
            need_s = read_institute_values(spec.intake, locations=locations, what="intake (trainees per institute)")
            need_s = need_s / trainees_per_trainer
            per = fmt_number(trainees_per_trainer, _decimals(trainees_per_trainer), lang)
            notes.append(t(lang, f"Behoefte: instroom aios per instituut / {per} aios per opleider.",
                           f"Need: trainee intake per institute / {per} trainees per trainer."))
        if need_s is None:
            near = assign_nearest(centres, locations, satellites=satellites, travel_times=tt)
            pop_near = mun["population"].groupby(near["institute"]).sum().reindex(ids, fill_value=0)
            need_s = largest_remainder(round(spec.need_total), pop_near).astype(float)
            total = fmt_number(spec.need_total, 0, lang)
            notes.append(t(lang,
                           f"Behoefte: AANNAME — landelijk {total} opleiders verdeeld over de instituten naar de "
                           "inwoners van hun dichtstbijzijnde gebied (geen instroom per instituut gevonden).",
                           f"Need: ASSUMPTION — national {total} trainers split over institutes by the inhabitants "
                           "of their nearest areas (no intake per institute was found)."))
        if institute_trainers is None and "trainers_estimated" in mun and not mun["trainers_estimated"].any():
            supply = mun["trainers"]
            supply_note = t(lang, "opgegeven opleiders per gemeente", "trainers given per municipality")
        else:
            supply = mun["gps"] * target_share
            supply_note = t(lang, f"huisartsen × doelaandeel {fmt_percent(target_share, lang)}",
                            f"GPs × target share {fmt_percent(target_share, lang)}")
        assignment = assign_capacitated(
            centres, locations, weights=mun["population"], supply=supply, need=need_s, satellites=satellites,
            travel_times=tt, allow_shortfall=spec.allow_shortfall)
        moved = assignment.attrs["moved"]
        notes.append(t(lang,
                       f"Indeling: {assignment.attrs['description_nl']}; capaciteit per gemeente = {supply_note}; "
                       f"{moved} gemeenten anders ingedeeld dan bij de dichtstbijzijnde locatie.",
                       f"Assignment: {assignment.attrs['description']}; capacity per municipality = {supply_note}; "
                       f"{moved} municipalities differ from the nearest method."))
        if assignment.attrs.get("warning"):
            notes.append(t(lang, assignment.attrs["warning_nl"], assignment.attrs["warning"]))
    areas = area_summary(
        assignment, mun, institutes=ids, institute_trainers=institute_trainers, target_share=target_share,
        trainees_per_trainer=trainees_per_trainer, extra_trainers=extra_trainers, split_by=split_by)
    main = locations[locations["kind"] == "main"].set_index("institute_id")
    areas.insert(0, "name", main["short_name"].reindex(areas.index))
    if method == "capacitated":
        areas["trainers_needed"] = assignment.attrs["need"].reindex(areas.index)
        areas["trainers_held"] = assignment.attrs["held"].reindex(areas.index)
        areas["trainer_shortfall"] = assignment.attrs["shortfall"].reindex(areas.index)
    share = fmt_percent(target_share, lang)
    per = fmt_number(trainees_per_trainer, _decimals(trainees_per_trainer), lang)
    key_nl = {"gap": "tekort", "gps": "huisartsen", "population": "inwoners"}.get(split_by, split_by)
    extra = fmt_number(extra_trainers, 0, lang) if extra_trainers else ""
    notes.append(t(lang,
                   f"Doel: {share} van de huisartsen opleider (afspraak 2009); tekort = doel − opleiders (positief = "
                   f"tekort); capaciteit aios = opleiders × {per}."
                   + (f" Extra {extra} opleiders verdeeld naar {key_nl} (grootste overschot)." if extra_trainers
                      else ""),
                   f"Target: {share} of GPs as trainers (2009 agreement); gap = target − trainers (positive = "
                   f"shortfall); trainee capacity = trainers × {per}."
                   + (f" Extra {extra} trainers split by {split_by} (largest remainder)." if extra_trainers else "")))
    prov = data.membership(year, levels=["provincie"], data_dir=data_dir)["provincie"]
    prov_names = data.region_names("provincie", year, data_dir=data_dir)
    municipal = pd.DataFrame({"statnaam": mun["statnaam"], "provincie": prov.reindex(mun.index).map(prov_names)})
    municipal = municipal.join(assignment)
    municipal.insert(3, "institute_name", municipal["institute"].map(main["short_name"]))
    municipal = municipal.join(mun.drop(columns="statnaam"))
    municipal.index.name = "statcode"
    # what the cost column is: km from the population-weighted centre, or minutes of the user's matrix
    cost_unit = assignment.attrs.get("cost_unit")  # none for an agreement table
    municipal.attrs["cost_unit"] = cost_unit  # provenance of the table; the map takes RecruitmentResult.cost_unit
    member = assignment["institute"]
    area_shapes = dissolve(shapes, member, names=main["short_name"].to_dict())
    joint = assignment["joint"].fillna("") != ""
    if joint.any():
        joint_shapes = dissolve(shapes[joint], pd.Series("joint", index=shapes.index[joint]))
    else:
        joint_shapes = gpd.GeoDataFrame({"statnaam": []}, geometry=[], crs=shapes.crs)
    return RecruitmentResult(year=year, method=method, assignment=assignment, municipal=municipal, areas=areas,
                             shapes=shapes, area_shapes=area_shapes, joint_shapes=joint_shapes,
                             locations=locations, notes=notes, texts=texts, cost_unit=cost_unit)

