"""Physician counts of the data directory per region, and the GP model's parameters.

The professions and :func:`choose_sector` (pure, :mod:`regio.sectors`) are
offered here too, so that the analysis packages need nothing of
:mod:`regio.sources`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regio.data._common import _AS_PUBLISHED, PathLike
from regio.errors import DataNotFoundError, InputError, UnknownYearError, format_codes
from regio.levels import get_level
from regio.sectors import SectorChoice, choose_sector
from regio.sources import capaciteitsorgaan as _co
from regio.sources import nivel as _nivel
from regio.sources import physicians as _phys
from regio.sources._files import require_data_dir

__all__ = ["COUNTS_SOURCES", "NIVEL_COMPONENTS", "PROFESSIONS", "SectorChoice", "choose_sector", "gp_counts",
           "nivel_gps", "normalise_profession", "parameter_rounds", "parameter_table", "physicians"]

#: Known professions: key -> (Dutch label, English label, labels used by CBS); see :mod:`regio.sources.physicians`.
PROFESSIONS = _phys.PROFESSIONS
normalise_profession = _phys.normalise_profession

#: Where physician counts can come from (``source=`` of :func:`physicians`): ``cbs``, the CBS extracts (BIG
#: registrations by place of residence) and ``counts_*`` files in ``physicians/`` of the data directory;
#: ``nivel``, Nivel's working GPs of the whole country (:func:`nivel_gps`).
COUNTS_SOURCES = ("cbs", "nivel")
#: The types of working GPs in Nivel's series, which add up to its total (:mod:`regio.sources.nivel`).
NIVEL_COMPONENTS = _nivel.COMPONENTS

# ----------------------------------------------------------------------------- physicians

def physicians(
    profession: str | None = None,
    *,
    year: int | None = None,
    level: str | None = None,
    path: str | Path | None = None,
    source: str = "cbs",
    data_dir: PathLike = None,
) -> pd.DataFrame:
    """Physician counts per region and year (tidy; see :mod:`regio.sources.physicians`).

    Parameters
    ----------
    profession
        ``huisarts`` etc. (see :data:`regio.sources.physicians.PROFESSIONS`);
        ``None`` keeps all.
    year, level
        Keep one year / one level: its regions and its own "niet in te delen"
        row (e.g. PV99 for provinces), plus the national ``total`` row.
    path
        A user's CSV/Excel file instead of the data directory's CBS extracts
        (schema: :func:`regio.sources.physicians.read_counts_file`). A file
        without a profession column is read as ``profession``.
    source
        ``"cbs"`` (default): the CBS extracts and ``counts_*`` files in
        ``physicians/`` of the data directory. ``"nivel"``: Nivel's working
        GPs of the whole country, 1 January 2012-2023 (:func:`nivel_gps`;
        profession ``huisarts``, level ``land`` only).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        A tidy long table with a RangeIndex, one row per region, year,
        profession and sector: columns as in
        :data:`regio.sources.physicians.COLUMNS`, the region's code in
        ``statcode``. Rows that CBS cannot place ("Niet in te delen") are kept
        with ``kind="unplaced"``, the source's national total with
        ``kind="total"``. ``attrs``: ``source`` (the tables and files the rows
        come from), ``method`` and ``method_nl``, and ``profession_assumed``
        when a file without a profession column was read as ``profession``;
        with ``source="nivel"`` those of :func:`nivel_gps`.

    Raises
    ------
    InputError
        For an unknown profession, listing those present; an unknown
        ``source``; Nivel counts asked for another profession or level, or
        with ``path``.
    UnknownYearError
        For a year without counts, listing those present.
    DataNotFoundError
        If no counts are found.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gps = physicians("huisarts", year=2018, level="provincie")
    >>> gps.groupby("kind")["count"].sum().astype(int).to_dict()  # national total, 12 provinces, PV99
    {'region': 12210, 'total': 12245, 'unplaced': 45}
    >>> gps.loc[gps["statcode"] == "PV21", ["statnaam", "count"]].to_dict("records")
    [{'statnaam': 'Fryslân', 'count': 395.0}]
    >>> gps.attrs["source"], gps.attrs["method"]
    ('CBS 84777NED (cbs84777NED_huisartsen_woonregio_provincie_2018.csv)', 'as published')
    >>> physicians("tandarts")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown profession 'tandarts'. Professions in the data: big_totaal, huisarts. ...
    >>> physicians("huisarts", year=2012, level="land", source="nivel")[["statcode", "count"]].to_numpy().tolist()
    [['NL01', 11133.0]]
    """
    if source not in COUNTS_SOURCES:
        raise InputError(f"Unknown source of physician counts {source!r}; choose one of {', '.join(COUNTS_SOURCES)}.",
                         key="data.unknown_counts_source", source=source, choices=", ".join(COUNTS_SOURCES))
    if source == "nivel":
        if path is not None:
            raise InputError("A counts file (path=, --counts) is its own source: leave out source='nivel' "
                             "(--source nivel), or the file.", key="data.counts_file_and_nivel")
        return nivel_gps(profession, year=year, level=level, data_dir=data_dir)
    # a user's file without a profession column holds counts of the profession asked for
    frame = (_phys.read_counts_file(path, profession=profession, data_dir=data_dir) if path is not None
             else _phys.read_physician_dir(data_dir=data_dir))
    assumed = frame.attrs.get("profession_assumed")
    if frame.empty:
        raise DataNotFoundError(
            f"No physician counts found (looked in {require_data_dir(data_dir) / 'physicians'}). "
            "Fetch CBS 84777NED with `regio data fetch` when online, or pass your own file "
            "(--counts FILE; in Python path=...).", key="data.no_physician_counts",
            path=require_data_dir(data_dir) / "physicians"
        )
    if profession is not None:
        key = _phys.normalise_profession(profession)
        have = sorted(set(frame["profession"]))
        if key not in have:
            known = key in _phys.PROFESSIONS
            raise (DataNotFoundError if known else InputError)(
                (f"No counts for profession {profession!r} in the data" if known else
                 f"Unknown profession {profession!r}") + f". Professions in the data: {', '.join(have)}."
                + (" Fetch them when online (`regio data fetch --what physicians`) or pass your own counts file."
                   if known else f" Known professions: {', '.join(_phys.PROFESSIONS)}."),
                key="data.profession_not_in_data" if known else "data.unknown_profession", profession=profession,
                have=", ".join(have), professions=", ".join(_phys.PROFESSIONS))
        frame = frame[frame["profession"] == key]
    if year is not None:
        years = sorted(set(frame["year"]))
        if int(year) not in years:
            known = ", ".join(map(str, years))
            raise UnknownYearError(f"No counts for {year}; years available: {known}.", key="no_counts_year",
                                   year=year, known=known)
        frame = frame[frame["year"] == int(year)]
    if level is not None:
        lvl = get_level(level).name
        # the level's own regions and "niet in te delen" row (PV99 for provinces), and the national total
        frame = frame[(frame["level"] == lvl) | (frame["kind"] == "total")]
    out = frame.reset_index(drop=True)
    published = out["source"].astype(str).str.startswith("CBS ")
    method = (_AS_PUBLISHED if published.all() else
              ("as given in the counts file", "zoals gegeven in het bestand met aantallen") if not published.any()
              else ("as published (CBS extracts) and as given (counts files)",
                    "zoals gepubliceerd (CBS-extracten) en zoals gegeven (bestanden met aantallen)"))
    if assumed:
        method = (f"{method[0]}; the file has no profession column: every row read as {assumed}",
                  f"{method[1]}; het bestand heeft geen kolom beroep: elke rij gelezen als {assumed}")
    out.attrs = {"source": "; ".join(sorted(set(out["source"].astype(str)))), "method": method[0],
                 "method_nl": method[1], **({"profession_assumed": assumed} if assumed else {})}
    return out


def nivel_gps(
    profession: str | None = "huisarts",
    *,
    year: int | None = None,
    level: str | None = None,
    data_dir: PathLike = None,
) -> pd.DataFrame:
    """Nivel's working GPs of the whole country on 1 January of each year, as physician counts.

    The national series of :mod:`regio.sources.nivel` (Nivel, Huisartsen en
    praktijken in kaart; Beroepenregistraties, revised series of January
    2025): persons working as GPs, not CBS's BIG registrations by place of
    residence. One row per year with ``statcode`` NL01, ``level`` land and
    ``reference_date`` 1 January of the year (the population of that day
    goes with it).

    Parameters
    ----------
    profession
        ``huisarts`` (or ``None``); Nivel counts no other profession.
    year
        Keep one year.
    level
        ``land`` (or ``None``); Nivel's series is national only.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        The tidy layout of :func:`physicians`. ``attrs``: ``source``,
        ``method`` and ``method_nl``, ``counted`` (``"working"``: working GPs
        of the Nivel registration), ``components`` (working GPs per year by
        type, :data:`NIVEL_COMPONENTS` and their total, of every year) and
        ``category_revision`` (``(2019, 2020)``: the types were revised
        between those 1 Januaries).

    Raises
    ------
    InputError
        Another profession or level than Nivel counts (naming what to use instead).
    UnknownYearError
        A year the series does not have, listing those it has.
    DataNotFoundError
        Without the Nivel file.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gps = nivel_gps(year=2023)
    >>> gps[["statcode", "level", "year", "count"]].to_numpy().tolist(), str(gps["reference_date"].iloc[0].date())
    ([['NL01', 'land', 2023, 14102.0]], '2023-01-01')
    >>> gps.attrs["source"]
    'Nivel, Huisartsen en praktijken in kaart; Beroepenregistraties (herziene reeks januari 2025), via \
Socev/huisartsincijfers (nivel_gp_workforce_nl_2012_2025.csv)'
    >>> gps.attrs["counted"], gps.attrs["components"].loc[2023].tolist()
    ('working', [7561, 4341, 2200, 14102])
    >>> nivel_gps(level="provincie")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Nivel counts working GPs for the Netherlands as a whole only (level land), not per \
provincie. ...
    """
    if profession is not None and _phys.normalise_profession(profession) != "huisarts":
        raise InputError(f"Nivel's series counts GPs (huisarts) only, not {profession!r}: use the CBS counts "
                         "(source='cbs', --source cbs) for other professions.", key="data.nivel_gps_only",
                         profession=profession)
    if level is not None and get_level(level).name != "land":
        raise InputError(
            f"Nivel counts working GPs for the Netherlands as a whole only (level land), not per "
            f"{get_level(level).name}. Use --level land (level='land') for Nivel's counts, or the CBS counts by "
            "place of residence (--source cbs) for regions: CBS 84777NED has GPs per province for 2018.",
            key="data.nivel_national_only", level=get_level(level).name)
    frame = _nivel.read_nivel_gps(data_dir=data_dir)
    read = dict(frame.attrs)
    if year is not None:
        years = sorted(set(frame["year"]))
        if int(year) not in years:
            raise UnknownYearError(f"No Nivel counts of working GPs for {year}; Nivel has 1 January "
                                   f"{years[0]}-{years[-1]}." if years else f"No Nivel counts for {year}.",
                                   key="data.no_nivel_year" if years else "data.no_nivel_counts", year=year,
                                   first=years[0] if years else None, last=years[-1] if years else None)
        frame = frame[frame["year"] == int(year)]
    out = frame.reset_index(drop=True)
    out.attrs = {"source": read["source"], "method": "as published: working GPs of the Nivel registration",
                 "method_nl": "zoals gepubliceerd: werkzame huisartsen volgens de Nivel-registratie",
                 "counted": "working", "components": read["components"],
                 "category_revision": read["category_revision"]}
    return out


def gp_counts(year: int = 2018, *, level: str = "provincie", data_dir: PathLike = None) -> pd.Series:
    """GPs (huisartsen) per region of ``level`` in ``year``: the one loader of GP counts for recruit, model, allocate.

    The regions' counts of :func:`physicians` (CBS 84777NED, by place of
    residence, in the data directory: provinces, 2018). Counts that CBS cannot
    place in a region are not in the Series; their sum is in ``attrs``.

    Parameters
    ----------
    year
        Year of the counts (CBS: 2018 only).
    level
        Level of the regions (CBS: provinces only).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.Series
        Named ``gps`` (int64), indexed by ``statcode``; ``attrs``: ``year``,
        ``level``, ``source``, ``method`` and ``method_nl``, ``unplaced``
        (count not placeable) and ``placed`` (the sum of the Series).

    Raises
    ------
    DataNotFoundError
        No GP counts at ``level`` in ``year`` (naming the levels that have them).
    InputError
        A region with two counts (naming it).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gps = gp_counts(2018, level="provincie")
    >>> int(gps.sum()), gps.attrs["unplaced"]
    (12210, 45)
    """
    lvl = get_level(level).name
    choice = choose_sector(physicians("huisarts", year=year, data_dir=data_dir))  # the sector total
    phys = choice.rows
    sector = ("all sectors", "alle sectoren") if choice.is_total else (f"sector {choice.sector} only",
                                                                       f"alleen sector {choice.sector}")
    regions = phys[(phys["kind"] == "region") & (phys["level"] == lvl)]
    if regions.empty:
        have = sorted(set(phys.loc[phys["kind"] == "region", "level"]))
        raise DataNotFoundError(f"No GP counts per {lvl} for {year}; counts exist per {', '.join(have) or 'nothing'}.",
                                key="data.no_gp_counts_level" if have else "data.no_gp_counts", level=lvl, year=year,
                                have=", ".join(have))
    dup = regions["statcode"][regions["statcode"].duplicated()]
    if len(dup):
        raise InputError(f"GP counts of {year}: more than one count for {format_codes(dup)}.",
                         key="data.gp_counts_twice", year=year, codes=format_codes(dup))
    out = regions.set_index("statcode")["count"].astype("int64").rename("gps")
    out.attrs = {"year": int(year), "level": lvl, "source": "; ".join(sorted(set(regions["source"].astype(str)))),
                 "method": f"as published: the regions' counts, {sector[0]}, by place of residence; the count that "
                           f"cannot be placed in a {lvl} left out",
                 "method_nl": f"zoals gepubliceerd: de aantallen van de regio's, {sector[1]}, naar woonplaats; het "
                              f"aantal dat niet in een {lvl} is in te delen weggelaten",
                 "unplaced": int(phys.loc[(phys["kind"] == "unplaced") & (phys["level"] == lvl), "count"].sum()),
                 "placed": int(out.sum())}
    return out


# ----------------------------------------------------------------------------- the GP model's parameters

def parameter_table(*, data_dir: PathLike = None, path: str | Path | None = None) -> pd.DataFrame:
    """Read the Capaciteitsorgaan's parameter file as text: one row per variable, one column per round.

    See :func:`regio.sources.capaciteitsorgaan.read_parameter_table`;
    :func:`regio.model.read_parameters` reads one round and variant of it.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> parameter_table().loc["opleidingsduur", 2025]
    '3,2'
    """
    return _co.read_parameter_table(data_dir=data_dir, path=path)


def parameter_rounds(*, data_dir: PathLike = None, path: str | Path | None = None) -> list[int]:
    """List the rounds (years) in the Capaciteitsorgaan's parameter file, in increasing order.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> parameter_rounds()[-1]
    2025
    """
    return _co.available_rounds(data_dir=data_dir, path=path)
