"""Which counts of a physician table belong to which regions, and the population that goes with them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from regio.density.rates import density_table, joined_problems, provision
from regio.density.smoothing import eb_global, eb_spatial
from regio.errors import InputError, UnknownCodeError, format_codes
from regio.geography import aggregate
from regio.sectors import choose_sector
from regio.text import fmt_number, t

# ----------------------------------------------------------------------------- placing counts


def _file_names(rows: pd.DataFrame) -> str:
    """Return the file(s) the rows came from, comma separated, or nothing."""
    return ", ".join(sorted({str(f) for f in rows["source"].dropna()}) if "source" in rows else [])


def _files_of(rows: pd.DataFrame) -> str:
    """Return " in FILE", naming the file(s) the rows came from, or nothing."""
    files = _file_names(rows)
    return f" in {files}" if files else ""


def counts_reference_date(physicians: pd.DataFrame) -> pd.Timestamp:
    """Return the one day the counts refer to (``reference_date`` of the tidy table), NaT when unknown.

    Parameters
    ----------
    physicians
        A tidy physician table (:func:`regio.physicians`); without a
        ``reference_date`` column the day is unknown.

    Returns
    -------
    pandas.Timestamp
        The day, or NaT when no row has one.

    Raises
    ------
    InputError
        When the rows refer to more than one day (counts of two moments mixed).

    Examples
    --------
    >>> counts_reference_date(pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", None])}))
    Timestamp('2018-12-21 00:00:00')
    >>> counts_reference_date(pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", "2019-12-20"])}))
    Traceback (most recent call last):
    ...
    regio.errors.InputError: The counts refer to more than one day: 2018-12-21, 2019-12-20; keep ...
    """
    if "reference_date" not in physicians:
        return pd.NaT
    days = sorted(set(pd.to_datetime(physicians["reference_date"]).dropna()))
    if len(days) > 1:
        named = ", ".join(d.strftime("%Y-%m-%d") for d in days)
        raise InputError(f"The counts refer to more than one day: {named}; keep the counts of one moment.",
                         key="density.several_days", days=named)
    return days[0] if days else pd.NaT


def population_year(reference_date: pd.Timestamp | None, *, year: int) -> int:
    """Year of the 1 January nearest to the counts' reference date (``year`` when the date is unknown).

    Population tables count the inhabitants on 1 January. CBS counts BIG
    registrations on the last Friday before Christmas, ten days before the
    next 1 January: the 2018 counts go with the population of 1 January 2019.
    Use this for every rate of such counts, so that counts and inhabitants are
    taken on (nearly) the same day.

    Parameters
    ----------
    reference_date
        The day the counts refer to (:func:`counts_reference_date`); None or
        NaT when unknown.
    year
        The year of the counts, used when the date is unknown.

    Returns
    -------
    int
        The year of that 1 January (a date halfway goes to its own year's).

    Examples
    --------
    >>> population_year(pd.Timestamp("2018-12-21"), year=2018)
    2019
    >>> population_year(pd.Timestamp("2019-06-01"), year=2019)
    2019
    >>> population_year(pd.NaT, year=2018)
    2018
    """
    if reference_date is None or pd.isna(reference_date):
        return int(year)
    day = pd.Timestamp(reference_date)
    before, after = pd.Timestamp(day.year, 1, 1), pd.Timestamp(day.year + 1, 1, 1)
    return day.year if day - before <= after - day else day.year + 1


def population_years_for_counts(reference_date: pd.Timestamp | None, *, year: int) -> list[int]:
    """List the 1 January years to take the population of, in order of preference, for counts of a date.

    First the nearest 1 January (:func:`population_year`); then, when the date
    is known, the other 1 January around it. The newest counts (CBS: 20
    December 2024) are nearest to a 1 January without a population table yet,
    and regio does not extrapolate: they take the 1 January of their own year.
    Every user of counts (density, the shortfall key, the model) follows this one rule.

    Parameters
    ----------
    reference_date
        The day the counts refer to; None or NaT when unknown.
    year
        The year of the counts, used when the date is unknown.

    Returns
    -------
    list of int
        Two years when the date is known, else ``[year]``.

    Examples
    --------
    >>> population_years_for_counts(pd.Timestamp("2024-12-20"), year=2024)
    [2025, 2024]
    >>> population_years_for_counts(pd.NaT, year=2018)
    [2018]
    """
    nearest = population_year(reference_date, year=year)
    if reference_date is None or pd.isna(reference_date):
        return [nearest]
    day = pd.Timestamp(reference_date)
    return [nearest, day.year if nearest != day.year else day.year + 1]


@dataclass
class PlacedCounts:
    """Counts of one profession and year sorted into what a density table needs.

    Attributes
    ----------
    counts
        Count per region code of the target level (NaN: no data).
    unplaced
        Counts per code that cannot be placed in a region ("niet in te
        delen", abroad) at the level of the counts used; reported, never
        dropped. Such rows of other levels (``LD99`` beside ``PV99``) count
        the same people again and are named in the notes only.
    source_total
        ``(code, name, count)`` of the source's own national total row, if any.
    from_level
        Level of the counts used (equal to the target, or ``gemeente`` when
        summed to the target through ``membership``).
    notes
        Sentences for the table notes.
    sector
        The sector of the counts (``None`` when not split by sector).
    sector_is_total
        Whether that is the total of all sectors.
    uncoded
        Rows the source names without a region code (``statnaam``, ``count``,
        ``source``), e.g. arbeidsmarktregio's; named in the notes, not placed.
    incomplete
        Region -> municipalities without a count; such regions are no data.
    reference_date
        The day the counts refer to (NaT when unknown).
    """

    counts: pd.Series
    unplaced: pd.Series
    source_total: tuple[str, str, float] | None
    from_level: str
    notes: list[str] = field(default_factory=list)
    sector: str | None = None
    sector_is_total: bool = True
    uncoded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["statnaam", "count", "source"]))
    incomplete: dict[str, list[str]] = field(default_factory=dict)
    reference_date: pd.Timestamp = pd.NaT


def _series(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(rows["count"].astype(float).to_numpy(), index=rows["statcode"].astype(str).to_numpy())


def _sum_municipalities(gm: pd.Series, membership: pd.Series, level: str, lang: str,
                        unit_level: str = "gemeente") -> tuple[pd.Series, dict[str, list[str]], list[str]]:
    """Sum counts of units (municipalities, or provinces) to the regions they lie in.

    A region missing the count of some of its units is no data (the rule of
    :func:`regio.geography.aggregate`); the notes name those units.
    """
    member = membership.dropna()
    full = gm.reindex(member.index)
    summed = aggregate(full.rename("count"), member)
    counts = summed["count"].rename_axis(None)
    size = member.value_counts()
    gaps = summed.attrs["incomplete"]  # regions with a unit without count, not those without any count
    incomplete = {r: gaps[r] for r in sorted(gaps) if len(gaps[r]) < size[r]}
    municipal = unit_level == "gemeente"
    one = len(gm) == 1
    counted_nl, counted_en = ("aantal", "count") if one else ("aantallen", "counts")
    if municipal:
        notes = [t(lang, f"{len(gm)} {'gemeentelijk' if one else 'gemeentelijke'} {counted_nl} opgeteld tot {level} "
                         "via de indeling van gemeenten.",
                   f"{len(gm)} municipal {counted_en} summed to {level} through the membership of municipalities.")]
    elif level == "land":
        notes = [t(lang, f"{len(gm)} {counted_nl} per {unit_level} opgeteld tot het land.",
                   f"{len(gm)} {unit_level} {counted_en} summed to the country.")]
    else:
        notes = [t(lang, f"{len(gm)} {counted_nl} per {unit_level} opgeteld tot {level}: elke {level}-regio bestaat "
                         f"uit hele {unit_level}-regio's (via de indeling van gemeenten).",
                   f"{len(gm)} {unit_level} {counted_en} summed to {level}: each {level} region is made of whole "
                   f"{unit_level} regions (through the membership of municipalities).")]
    units_nl, units_en = ("gemeenten", "municipalities") if municipal else (f"{unit_level}-regio's",
                                                                            f"{unit_level} regions")
    for region, codes in incomplete.items():
        have = float(full[(member == region).to_numpy()].sum())
        notes.append(t(
            lang,
            f"{region}: geen aantal voor {len(codes)} van de {size[region]} {units_nl} ({format_codes(codes)}); "
            f"de andere tellen op tot {fmt_number(have, 0, lang)}, maar een ontbrekend aantal is geen nul: "
            f"{region} is 'geen gegevens'.",
            f"{region}: no count for {len(codes)} of its {size[region]} {units_en} ({format_codes(codes)}); "
            f"the others sum to {fmt_number(have, 0, lang)}, but a missing count is not zero: {region} "
            "is no data."))
    return counts, incomplete, notes


def _nested_level(nesting: pd.DataFrame | None, levels_present: Sequence[str],
                  level: str) -> tuple[str | None, pd.Series | None, dict[str, list[str]]]:
    """Find the coarsest level of the counts whose regions each lie in one region of ``level``.

    Returns that level, its region -> ``level`` region, and, when none fits,
    the regions that lie in several ``level`` regions (to name in the error).
    """
    if nesting is None or level not in nesting.columns:
        return None, None, {}
    candidates = [lv for lv in levels_present if lv != level and lv in nesting.columns]
    split: dict[str, list[str]] = {}
    for lv in sorted(candidates, key=lambda lv: (nesting[lv].nunique(), lv)):
        targets = nesting.groupby(lv)[level].unique()
        parts = {str(r): sorted(map(str, tg)) for r, tg in targets.items() if len(tg) > 1}
        if not parts:
            return lv, nesting.groupby(lv)[level].first(), {}
        split = split or parts
    return None, None, split


def place_counts(
    physicians: pd.DataFrame,
    *,
    level: str,
    regions: pd.Index,
    membership: pd.Series | None = None,
    nesting: pd.DataFrame | None = None,
    sector: str | None = None,
    level_order: Sequence[str] = ("pc4", "wijk", "gemeente"),
    lang: str = "nl",
) -> PlacedCounts:
    """Pick the counts of a tidy physician table that belong to the regions of ``level``.

    Parameters
    ----------
    physicians
        One profession and year in the layout of :func:`regio.physicians`
        (``statcode``, ``statnaam``, ``level``, ``count``, ``kind``; optional
        ``sector``, ``source``, ``reference_date``).
    level
        Target level (canonical name).
    regions
        Codes of the target regions (those of the population table).
    membership
        Target region per municipality, needed when the counts are
        municipal and the target level groups municipalities. A region
        that misses the count of one of its municipalities is no data.
    nesting
        Region per municipality for several levels (columns, as
        :func:`regio.membership` returns), including ``level``. When the
        counts are at a level whose regions each lie in one ``level`` region
        (provinces in landsdelen or the country), they are summed; a
        ``level`` region missing one of them is no data. The "niet in te
        delen" row of the counts' level stays unplaced.
    sector
        Sector of the counts (:func:`choose_sector`; default the total of all
        sectors).
    level_order
        Levels finer than a municipality first; used to explain errors.
    lang
        Language of the notes, ``"nl"`` or ``"en"``.

    Returns
    -------
    PlacedCounts
        The counts per target region, the unplaced counts, the source's own
        total, the level the counts came from and notes for the table.

    Raises
    ------
    UnknownCodeError
        Counts for codes that are not regions of the target level in this
        division (named).
    InputError
        Counts only at a coarser level than the target, or at a level finer
        than municipalities for a grouped level (named, with the fix); an
        unknown or ambiguous sector; two counts for one region.

    Examples
    --------
    >>> phys = pd.DataFrame({"statcode": ["NL01", "PV20", "PV21", "PV99", "LD99"],
    ...                      "statnaam": ["Nederland", "Groningen", "Fryslân", "Niet in te delen", "Niet in te delen"],
    ...                      "level": ["land", "provincie", "provincie", "provincie", "landsdeel"],
    ...                      "count": [100, 60, 35, 5, 5],
    ...                      "kind": ["total", "region", "region", "unplaced", "unplaced"]})
    >>> placed = place_counts(phys, level="provincie", regions=pd.Index(["PV20", "PV21"]))
    >>> placed.counts.to_dict(), placed.unplaced.to_dict(), placed.source_total
    ({'PV20': 60.0, 'PV21': 35.0}, {'PV99': 5.0}, ('NL01', 'Nederland', 100.0))
    """
    need = {"statcode", "level", "count", "kind"}
    missing = need - set(physicians.columns)
    if missing:
        raise InputError(f"The physician table lacks column(s) {', '.join(sorted(missing))}.",
                         key="density.physicians_columns", columns=", ".join(sorted(missing)))
    choice = choose_sector(physicians, sector=sector)
    frame = choice.rows
    nl = lang == "nl"
    notes: list[str] = []
    if not choice.is_total:
        notes.append(t(lang, f"Alleen de sector {choice.sector}: een deel van de beroepsgroep, niet het totaal over "
                             "alle sectoren.",
                       f"Sector {choice.sector} only: part of the profession, not the total of all sectors."))
    total_rows = frame[frame["kind"] == "total"]
    source_total = None
    if len(total_rows):
        row = total_rows.iloc[0]
        source_total = (str(row["statcode"]), str(row.get("statnaam", row["statcode"])), float(row["count"]))
    is_region = frame["kind"] == "region"
    uncoded_mask = (frame["kind"] == "uncoded") | (is_region & (frame["statcode"].isna() | frame["level"].isna()))
    regions_rows = frame[is_region & ~uncoded_mask]
    uncoded = pd.DataFrame({
        "statnaam": frame.loc[uncoded_mask, "statnaam" if "statnaam" in frame else "statcode"],
        "count": frame.loc[uncoded_mask, "count"].astype(float),
        "source": frame.loc[uncoded_mask, "source"] if "source" in frame else "",
    }).reset_index(drop=True)
    if regions_rows["statcode"].duplicated().any():
        dup = regions_rows.loc[regions_rows["statcode"].duplicated(), "statcode"]
        files = sorted({str(s) for s in regions_rows.get("source", pd.Series(dtype=str)).dropna()})
        named = ", ".join(files)
        raise InputError("Several counts for the same region (more than one profession, year or sector"
                         + (f"; files {named}" if files else "") + f"?): {format_codes(dup)}.",
                         key="density.duplicate_counts_files" if files else "density.duplicate_counts",
                         files=named, codes=format_codes(dup))
    levels_present = sorted({str(lv) for lv in regions_rows["level"]})
    incomplete: dict[str, list[str]] = {}
    nested_from, groups, split = (None, None, {}) if level in levels_present else \
        _nested_level(nesting, levels_present, level)
    if level in levels_present:
        from_level = level
        counts = _series(regions_rows[regions_rows["level"] == level])
        unknown = counts.index.difference(regions)
        if len(unknown):
            raise UnknownCodeError(
                f"Counts{_files_of(regions_rows)} for {len(unknown)} code(s) that are not {level} regions of this "
                f"division: {format_codes(unknown)}. If they are municipalities of another year, say which "
                "(command line: --counts-division YEAR; Python: carry them with regio.carry_to); otherwise correct "
                "the codes.",
                key="density.unknown_codes_in" if _file_names(regions_rows) else "density.unknown_codes",
                files=_file_names(regions_rows), n=len(unknown), level=level, codes=format_codes(unknown))
    elif "gemeente" in levels_present and membership is not None:
        from_level = "gemeente"
        gm = _series(regions_rows[regions_rows["level"] == "gemeente"])
        unknown = gm.index.difference(membership.dropna().index)
        if len(unknown):
            raise UnknownCodeError(
                f"Municipal counts{_files_of(regions_rows)} for {len(unknown)} code(s) that are not municipalities "
                f"of the division used: {format_codes(unknown)}. If they are of another year's division, say which "
                "(command line: --counts-division YEAR; Python: carry them with regio.carry_to); otherwise correct "
                "the codes.",
                key="density.unknown_municipalities_in" if _file_names(regions_rows) else
                "density.unknown_municipalities",
                files=_file_names(regions_rows), n=len(unknown), codes=format_codes(unknown))
        counts, incomplete, more = _sum_municipalities(gm, membership, level, lang)
        notes += more
        unknown = counts.index.difference(regions)
        if len(unknown):
            raise UnknownCodeError(f"Membership maps municipalities to codes that are not {level} regions: "
                                   f"{format_codes(unknown)}.", key="density.membership_unknown", level=level,
                                   codes=format_codes(unknown))
    elif nested_from is not None and groups is not None:
        from_level = nested_from
        units = _series(regions_rows[regions_rows["level"] == from_level])
        unknown = units.index.difference(groups.index)
        if len(unknown):
            raise UnknownCodeError(
                f"Counts for {len(unknown)} code(s) that are not {from_level} regions of the division used: "
                f"{format_codes(unknown)}; correct the codes.", key="density.unknown_units", n=len(unknown),
                level=from_level, codes=format_codes(unknown))
        counts, incomplete, more = _sum_municipalities(units, groups, level, lang, unit_level=from_level)
        notes += more
        unknown = counts.index.difference(regions)
        if len(unknown):
            raise UnknownCodeError(f"Membership maps {from_level} regions to codes that are not {level} regions: "
                                   f"{format_codes(unknown)}.", key="density.membership_unknown_units",
                                   from_level=from_level, level=level, codes=format_codes(unknown))
    else:
        finer = [lv for lv in levels_present if lv in level_order]
        codes = regions_rows["statcode"]
        if finer:
            raise InputError(
                f"The counts are at level {', '.join(finer)}, finer than {level} and not municipalities "
                f"(e.g. {format_codes(codes, limit=5)}); regio cannot place them in {level} regions. "
                f"Sum them to municipalities or to {level} first.", key="density.counts_finer",
                finer=", ".join(finer), level=level, codes=format_codes(codes, limit=5))
        if not levels_present:
            raise InputError(f"No counts at level {level}: the counts are at no level "
                             f"(e.g. {format_codes(codes, limit=5)}), which cannot be split into {level} regions. "
                             f"Use --level {level}.", key="density.no_counts_no_level", level=level,
                             codes=format_codes(codes, limit=5))
        lies = [InputError(f"{code} lies in {', '.join(parts)}", key="density.lies_in", code=code,
                           parts=", ".join(parts)) for code, parts in list(split.items())[:5]]
        pieces = joined_problems(lies) if lies else ""
        more = " ..." if len(split) > 5 else ""
        present, first = ", ".join(levels_present), levels_present[0]
        raise InputError(
            f"No counts at level {level}: the counts are at {present} (e.g. {format_codes(codes, limit=5)}), "
            f"which cannot be split into {level} regions" + (f" ({pieces}{more})" if lies else "")
            + f". Use --level {first}, or a level made of whole {first} regions.",
            key="density.no_counts_at_level_split" if lies else "density.no_counts_at_level",
            level=level, present=present, codes=format_codes(codes, limit=5), pieces=pieces, more=more, first=first)
    unplaced_rows = frame[frame["kind"] == "unplaced"]
    own = (unplaced_rows["level"] == from_level).to_numpy()
    unplaced = _series(unplaced_rows[own])
    other = _series(unplaced_rows[~own])
    unplaced.index.name = counts.index.name = "statcode"
    n = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    if len(unplaced):
        notes.append(
            f"{n(unplaced.sum())} geteld maar niet in een regio in te delen ({', '.join(unplaced.index)}): "
            "wel in de totalen, niet in de dichtheden van de regio's." if nl else
            f"{n(unplaced.sum())} counted but not placed in a region ({', '.join(unplaced.index)}): "
            "in the totals, not in the regions' rates.")
    if len(other):
        listed = ", ".join(f"{code} {n(v)}" for code, v in other.items())
        notes.append(t(lang, f"Niet in te delen op een ander niveau dan {from_level} ({listed}): dezelfde mensen "
                             "nog eens geteld, dus niet opgeteld.",
                       f"Not placed at a level other than {from_level} ({listed}): the same people counted again, "
                       "so not added."))
    if len(uncoded):
        listed = "; ".join(f"{name} {n(v)}" for name, v in zip(uncoded["statnaam"], uncoded["count"], strict=True))
        files = ", ".join(sorted({str(s) for s in uncoded["source"] if str(s)}))
        notes.append(t(lang, f"Zonder regiocode, niet ingedeeld en niet in de totalen: {listed}"
                             + (f" ({files})" if files else "") + " — regio's van een andere indeling.",
                       f"Without a region code, not placed and not in the totals: {listed}"
                       + (f" ({files})" if files else "") + " — regions of another division."))
    if source_total is not None:
        placed = float(counts.sum())
        with_unplaced = placed + float(unplaced.sum())
        diff = source_total[2] - with_unplaced
        signed = fmt_number(diff, 0, lang, signed=True)
        notes.append(
            (f"Het eigen totaal van de bron, {source_total[0]} ({source_total[1]}), is {n(source_total[2])}; "
             f"de regio's tellen op tot {n(placed)}"
             + (f", met de niet in te delen {n(with_unplaced)}" if len(unplaced) else "")
             + f" (verschil {signed}). Het wordt gemeld, niet gebruikt: de dichtheden gebruiken de "
             "aantallen van de regio's zelf.") if nl else
            (f"The source's own total {source_total[0]} ({source_total[1]}) is {n(source_total[2])}; regions "
             f"sum to {n(placed)}" + (f", with the not placed {n(with_unplaced)}" if len(unplaced) else "")
             + f" (difference {signed}). It is reported, not used: rates use the regions' own counts.")
        )
        if diff and abs(diff) <= 2.5 * (len(counts) + len(unplaced) + 1):
            notes.append("CBS rondt elk getal af op een veelvoud van 5; het verschil past daarbij." if nl else
                         "CBS rounds every figure to a multiple of 5; the difference is within that rounding.")
    return PlacedCounts(counts=counts, unplaced=unplaced, source_total=source_total, from_level=from_level,
                        notes=notes, sector=choice.sector, sector_is_total=choice.is_total, uncoded=uncoded,
                        incomplete=incomplete, reference_date=counts_reference_date(frame))


# ----------------------------------------------------------------------------- all together

def analyse(
    counts: pd.Series,
    population: pd.Series,
    *,
    names: Mapping[str, str] | None = None,
    neighbours: pd.DataFrame | None = None,
    level: float = 0.95,
    norm_per_100k: float | None = None,
    bands: Sequence[float] = (75, 110),
    whole_profession: bool = True,
) -> pd.DataFrame:
    """Density table with smoothed rates and provision side by side, one row per region.

    Combines :func:`density_table`, :func:`eb_global`, :func:`eb_spatial`
    (when ``neighbours`` are given) and :func:`provision` (for regions with
    data; the norm defaults to the national rate of the table). Without an
    explicit ``norm_per_100k`` there is no provision when the table's rate is
    not national (``attrs["reference"]`` not ``"national"``: one sector,
    regions without a count, or a single region): a mean of some regions, or
    of one, is no norm.

    Parameters
    ----------
    counts
        Physicians per region code (NaN or absent: no data).
    population
        Inhabitants per region code; defines the regions.
    names
        Region names by code (added as ``statnaam``).
    neighbours
        Pairs ``focal``, ``neighbour`` (:func:`queen_neighbours`) for the
        spatial smoothing; without them there is no ``eb_spatial_per_100k``.
    level
        Confidence level of the intervals.
    norm_per_100k
        Norm for the provision (default: the national rate of the table).
    bands
        Two ascending limits of the provision bands, in % of the norm.
    whole_profession
        Whether the counts are the whole profession (see :func:`density_table`).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`density_table`, then ``eb_per_100k``,
        [``eb_spatial_per_100k``,] and, with provision, ``norm_per_100k``,
        ``provision_pct``, ``band`` and ``needed`` (``comparison`` and ``band``
        hold codes, the same in every language: :mod:`regio.labels`); ``attrs`` merged from the
        parts (``provision`` (bool), ``needed_total``, ``norm_per_100k``,
        ``bands``, ``islands``).

    Raises
    ------
    InputError, UnknownCodeError
        As :func:`density_table` and :func:`provision`.

    Examples
    --------
    >>> t = analyse(pd.Series({"A": 2, "B": 120}), pd.Series({"A": 2_000, "B": 100_000}))
    >>> t[["rate_per_100k", "eb_per_100k", "provision_pct", "band"]].round(1)
       rate_per_100k  eb_per_100k  provision_pct    band
    A          100.0        119.6           83.6  around
    B          120.0        119.6          100.3  around

    (The two rates differ no more than chance would make them, so the prior
    variance is clipped to zero and both are smoothed to the national rate.)
    """
    table = density_table(counts, population, level=level, names=names, whole_profession=whole_profession)
    national = table.attrs["national_per_100k"]
    c, p = table["count"], table["population"]
    table["eb_per_100k"] = eb_global(c, p, prior_rate=national)["eb_per_100k"]
    if neighbours is not None:
        table["eb_spatial_per_100k"] = eb_spatial(c, p, neighbours)["eb_spatial_per_100k"]
    table.attrs["islands"] = list(neighbours.attrs.get("islands", [])) if neighbours is not None else []
    with_provision = norm_per_100k is not None or table.attrs["reference"] == "national"
    table.attrs["provision"] = with_provision
    if not with_provision:
        return table
    has = c.notna()
    prov = provision(c[has], p[has], norm_per_100k=norm_per_100k, bands=bands)
    for col in ("norm_per_100k", "provision_pct", "band", "needed"):
        table[col] = prov[col].reindex(table.index)
    table["norm_per_100k"] = prov.attrs["norm_per_100k"]
    table.attrs.update({"needed_total": prov.attrs["needed_total"], "norm_per_100k": prov.attrs["norm_per_100k"],
                        "bands": prov.attrs["bands"], "norm_is_average": prov.attrs["norm_is_average"]})
    return table
