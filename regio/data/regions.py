"""Regions of any level and year: boundaries, divisions, crosswalks and carrying counts, membership."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd

from regio import geography
from regio.data._common import _AS_PUBLISHED, PathLike, _root, log
from regio.errors import DataNotFoundError, InputError, UnknownLevelError, UnknownYearError, format_codes
from regio.levels import MUNICIPAL_GROUPINGS, PROVINCES, get_level
from regio.names import restore_diacritics
from regio.sources import boundaries as _bnd
from regio.sources import crosswalks as _cw
from regio.sources import membership as _mem
from regio.sources import population as _pop
from regio.sources._files import no_data_hint
from regio.sources.cache import cache_key, read_cached, write_cached
from regio.text import source_text
from regio.validate import warn_repairs

# ----------------------------------------------------------------------------- divisions

@functools.lru_cache(maxsize=8)
def _divisions(root: str) -> dict[int, frozenset[str]]:
    known: dict[int, frozenset[str]] = {}
    for year in _bnd.available_boundaries(root).query("level == 'gemeente'")["year"]:
        raw = _bnd.read_raw_boundaries("gemeente", int(year), data_dir=root)
        known[int(year)] = frozenset(raw["statcode"].astype(str))
    try:
        ts = _pop._series(root)
        for year, group in ts.groupby("year"):
            codes = frozenset(group["statcode"])
            if int(year) in known and known[int(year)] != codes:
                raise InputError(
                    f"The municipal codes of {year} differ between boundaries/gemeente_{year}.geojson and "
                    f"{_pop.TIMESERIES[1]}: {format_codes(known[int(year)] ^ codes)}."
                )
            known[int(year)] = codes
    except DataNotFoundError:
        pass
    steps = _cw.read_grenswijzigingen(data_dir=root)
    return geography.derive_divisions(known, steps, span=_exact_span(steps))


def _exact_span(steps: pd.DataFrame) -> tuple[int, int]:
    """Years covered by the grenswijzigingen (a year without rows inside means: no change)."""
    if steps.empty:
        return (0, 0)
    last = steps.attrs.get("last_year") or int(steps["to_year"].max())
    return int(steps["from_year"].min()), int(last)


def divisions(*, data_dir: PathLike = None) -> dict[int, frozenset[str]]:
    """Municipal codes of every year that the data can reconstruct.

    Known from boundary files and population tables, extended year by year
    through the grenswijzigingen crosswalk.

    Parameters
    ----------
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    dict
        Year -> frozenset of the municipal codes on 1 January of that year,
        in year order.

    Raises
    ------
    InputError
        If a boundary file and the population table disagree on the codes of a year.
    DataNotFoundError
        If the data directory is missing.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> divs = divisions()
    >>> len(divs[2022]), len(divs[2023]), list(divs) == sorted(divs)
    (345, 342, True)
    >>> sorted(divs[2022] - divs[2023]), sorted(divs[2023] - divs[2022])  # Weesp; Voorne aan Zee
    (['GM0457', 'GM0501', 'GM0530', 'GM0614'], ['GM1992'])
    """
    return dict(_divisions(_root(data_dir)))


def _division_year_with_file(level: str, year: int, root: str) -> int | None:
    """Return a year with a boundary file whose municipal division equals that of ``year``."""
    if level != "gemeente":
        return None
    divs = _divisions(root)
    if year not in divs:
        return None
    years = _bnd.available_boundaries(root).query("level == 'gemeente'")["year"].astype(int)
    same = [y for y in years if divs.get(y) == divs[year]]
    return min(same, key=lambda y: abs(y - year)) if same else None


# ----------------------------------------------------------------------------- boundaries

@functools.lru_cache(maxsize=16)
def _name_reference(level: str, root: str) -> dict[str, str]:
    """Code -> name with diacritics, from every vintage of ``level`` (and the official province names)."""
    ref: dict[str, str] = dict(PROVINCES) if level == "provincie" else {}
    for year in _bnd.available_boundaries(root).query("level == @level")["year"]:
        raw = _bnd.read_raw_boundaries(level, int(year), data_dir=root)
        if "statcode" not in raw.columns:
            continue
        for code, name in zip(raw["statcode"].astype(str), raw["statnaam"].astype(str), strict=True):
            if not name.isascii():
                ref.setdefault(code, name)
    return ref


def _spell(frame: pd.DataFrame, level: str, root: str) -> pd.DataFrame:
    if "statnaam" in frame.columns and level in ("gemeente", "provincie", "wijk"):
        frame = frame.copy()
        frame["statnaam"] = restore_diacritics(frame["statnaam"], _name_reference(level, root))
    return frame


@functools.lru_cache(maxsize=32)
def _boundaries(level: str, year: int, root: str) -> gpd.GeoDataFrame:
    out = _bnd.read_boundaries(level, year, data_dir=root, warn=False)
    spelled = _spell(out, level, root)
    spelled.attrs = dict(out.attrs)
    return spelled


def boundaries(level: str, year: int, *, dissolve: bool = False, data_dir: PathLike = None) -> gpd.GeoDataFrame:
    """Region boundaries of ``level`` in ``year``.

    Parameters
    ----------
    level
        ``gemeente``, ``provincie``, ``ggdregio``, ``coropgebied``,
        ``veiligheidsregio``, ``zorgkantoorregio``, ``pc4``, ``wijk``, ... (Dutch
        or English aliases accepted).
    year
        Year of the division. For municipalities, a year without a file whose
        division is identical to one with a file (e.g. 2023 = 2024) uses that file.
    dissolve
        If the level has no file for the year, dissolve the municipalities of
        that year by :func:`membership` instead of raising. A division without
        municipal boundaries (2018) dissolves those of the next year with a
        file (2021): each of its municipalities lies in the region of its
        largest successor there, as :func:`membership` places it.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by CBS code ``statcode``, with ``statnaam``; EPSG:28992; valid
        geometries. ``attrs``: ``source`` (the file), ``method`` and
        ``method_nl`` (as published, or how the regions were dissolved),
        ``level``, ``year``.

    Raises
    ------
    UnknownYearError
        Listing the years that exist for the level (and, with ``dissolve``,
        why the municipalities cannot be dissolved instead).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gm = boundaries("gemeente", 2024)
    >>> len(gm), gm.crs.to_epsg()
    (342, 28992)
    >>> ggd = boundaries("ggdregio", 2018, dissolve=True)  # no GGD boundaries of 2018
    >>> len(ggd), ggd.attrs["source"].startswith("dissolved from boundaries/gemeente_")
    (25, True)
    """
    lvl = get_level(level).name
    root = _root(data_dir)
    try:
        out = _boundaries(lvl, int(year), root).copy()
    except (UnknownYearError, UnknownLevelError) as exc:  # no file of the year (or of the level at all)
        missing = exc
    else:
        warn_repairs(out, stacklevel=2)
        out.attrs.update({"method": _AS_PUBLISHED[0], "method_nl": _AS_PUBLISHED[1]})
        return out
    same = _division_year_with_file(lvl, int(year), root)
    if same is not None:
        out = _boundaries(lvl, same, root).copy()
        warn_repairs(out, stacklevel=2)
        out.attrs.update({"year": int(year), "source": out.attrs["source"] + f" (division of {year} = {same})",
                          "method": f"as published (the same municipal division as {same})",
                          "method_nl": f"zoals gepubliceerd (dezelfde gemeentelijke indeling als {same})"})
        log.info("gemeente %s: same division as %s, using its boundaries", year, same)
        return out
    if dissolve and lvl in MUNICIPAL_GROUPINGS:
        return _dissolved(lvl, int(year), root, missing)
    if lvl in MUNICIPAL_GROUPINGS and int(year) in _divisions(root):
        raise type(missing)(f"{missing} Regions made of whole municipalities can be dissolved from the "
                            f"municipalities of {year}: pass dissolve=True.") from None
    raise missing


def _dissolved(level: str, year: int, root: str, missing: InputError) -> gpd.GeoDataFrame:
    """Regions of ``level`` dissolved from the municipalities of ``year``, or of their successors."""
    divs = _divisions(root)
    files = sorted(_bnd.available_boundaries(root).query("level == 'gemeente'")["year"].astype(int))
    later = [y for y in files if y > year]
    has_file = _division_year_with_file("gemeente", year, root) is not None
    if year not in divs or (not has_file and not later):
        raise UnknownYearError(
            f"{missing} Nor can they be dissolved from municipalities: "
            + (f"the municipal division of {year} is unknown (known: {', '.join(map(str, sorted(divs)))})"
               if year not in divs else f"no municipal boundaries of {year} or later (files: "
               f"{', '.join(map(str, files))})")
            + ". Use a year of those, or add the boundaries to the data directory."
        )
    if has_file:
        gm_year, via = year, None
        gm = boundaries("gemeente", year, data_dir=root)
    else:  # no municipal shapes of this division: the regions are those of its municipalities' successors
        gm_year = later[0]  # the year membership() places such a division through (largest successor)
        gm = boundaries("gemeente", gm_year, data_dir=root)
        via = (f"; {year} has no municipal boundaries: each of its municipalities lies in the region of its "
               f"largest successor in {gm_year}, so the municipalities of {gm_year} are dissolved",
               f"; {year} heeft geen gemeentegrenzen: elke gemeente van {year} ligt in de regio van haar grootste "
               f"opvolger in {gm_year}, dus de gemeenten van {gm_year} zijn samengevoegd")
    member = membership(gm_year, levels=[level], data_dir=root)
    out = geography.dissolve(gm, member[level], names=region_names(level, year, data_dir=root))
    out.attrs.update({
        "level": level, "year": year, "source": f"dissolved from {gm.attrs['source']}",
        "method": (f"municipalities dissolved by membership ({member.attrs['sources'][level]})"
                   + (via[0] if via else "")),
        "method_nl": (f"gemeenten samengevoegd naar lidmaatschap ({member.attrs['sources_nl'][level]})"
                      + (via[1] if via else "")),
    })
    return out


def _nearest_file_year(level: str, year: int, root: str) -> int:
    years = _bnd.available_boundaries(root).query("level == @level")["year"].astype(int).tolist()
    if not years:
        raise DataNotFoundError(f"No boundary file for level {level!r} in {root}/boundaries. {no_data_hint(root)}")
    return min(years, key=lambda y: (abs(y - year), -y))


def nearest_boundary_year(level: str, year: int, *, data_dir: PathLike = None) -> int:
    """Return the year of the boundary file of ``level`` nearest to ``year`` (the later one on a tie).

    For drawing small areas whose files are of other years than their
    counts (PC4 boundaries of 2020 for the population of 2021).

    Parameters
    ----------
    level
        Region level.
    year
        The year wanted.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    int

    Raises
    ------
    DataNotFoundError
        No boundary file of the level at all.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> from regio.sources.boundaries import available_boundaries
    >>> years = available_boundaries().query("level == 'pc4'")["year"].tolist()
    >>> nearest_boundary_year("pc4", 2021) == min(years, key=lambda y: (abs(y - 2021), -y))
    True
    >>> nearest_boundary_year("gemeente", 2024)
    2024
    """
    return _nearest_file_year(get_level(level).name, int(year), _root(data_dir))


def region_names(level: str, year: int, *, data_dir: PathLike = None) -> dict[str, str]:
    """Code -> name of the regions of ``level``, from the boundary file nearest to ``year``.

    Parameters
    ----------
    level
        Any level name or alias.
    year
        Year of the division. Municipalities use the file of a year with the
        same division where there is one; other levels (and years without
        such a file) the file nearest in time.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    dict
        Region code -> name, spelled with diacritics (``Fryslân``).

    Raises
    ------
    DataNotFoundError
        If the level has no boundary file at all.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> region_names("provincie", 2024)["PV21"]
    'Fryslân'
    >>> region_names("gemeente", 2023)["GM1992"]  # no file of 2023: its division equals 2024's
    'Voorne aan Zee'
    >>> region_names("land", 2024)
    {'NL01': 'Nederland'}
    """
    lvl = get_level(level).name
    if lvl == "land":
        return {"NL01": "Nederland"}
    root = _root(data_dir)
    try:
        gdf = boundaries(lvl, year, data_dir=root)
    except UnknownYearError:
        gdf = _boundaries(lvl, _nearest_file_year(lvl, int(year), root), root)
    return gdf["statnaam"].to_dict()


# ----------------------------------------------------------------------------- crosswalks

#: What a derived step was worked out from (its ``basis``, shown in the crosswalk's path).
_BY_POPULATION = "population"
_BY_POPULATION_AND_BOUNDARIES = "population and boundaries"


def _overlay_successors(overlay: pd.DataFrame, year: int, new: frozenset[str]) -> pd.DataFrame | None:
    """Return the successors each municipality of ``year`` may go to: its area overlay step, within ``new``."""
    rows = overlay[overlay["from_year"] == year]
    if rows.empty:
        return None
    rows = rows[(rows["to_year"] == rows["to_year"].min()) & rows["to_code"].isin(new)]
    return rows.rename(columns={"weight": "share"})[["from_code", "to_code", "share"]]


_DERIVED_COLUMNS = ["from_year", "to_year", "from_code", "to_code", "weight", "rule", "basis"]


@functools.lru_cache(maxsize=16)
def _derived_step(year: int, root: str) -> pd.DataFrame | None:
    """Return the step ``year`` -> ``year`` + 1 derived from the population (geography.derive_step), or None.

    Derived where the population on 31 December of ``year`` (CBS 37259eng) and
    on the next 1 January cover both divisions, its successors limited to the
    area overlay where there are boundaries of both years. None leaves the
    year to the area overlay (said in the log).
    """
    divs = _divisions(root)
    if year not in divs or year + 1 not in divs:
        return None
    end = _pop.read_year_end_population(data_dir=root)
    before = end[end["year"] == year].set_index("statcode")["population"]
    after = _pop.read_municipal_population(year + 1, data_dir=root)["population"]
    if set(before.index) != divs[year] or set(after.index) != divs[year + 1]:
        log.info("municipal step %s->%s not derived: no population on 31 December %s and 1 January %s of "
                 "both divisions", year, year + 1, year, year + 1)
        return None
    allowed = _overlay_successors(_cw.read_area_overlay(data_dir=root), year, divs[year + 1])
    basis = _BY_POPULATION if allowed is None else _BY_POPULATION_AND_BOUNDARIES
    try:
        try:
            step = geography.derive_step(before, after, allowed=allowed)
        except InputError:
            if allowed is None:
                raise
            step, basis = geography.derive_step(before, after), _BY_POPULATION
            log.info("municipal step %s->%s derived from the population alone: within the area overlay no "
                     "assignment explains it", year, year + 1)
    except InputError as exc:
        log.warning("municipal step %s->%s not derived from the population (%s); the area overlay is used",
                    year, year + 1, exc)
        return None
    if step.attrs["ties"]:
        log.warning("municipal step %s->%s: %d other assignment(s) fit the population equally well; the first "
                    "is used", year, year + 1, step.attrs["ties"])
    return step.assign(from_year=year, to_year=year + 1, basis=basis)[_DERIVED_COLUMNS]


def _derived(from_year: int, to_year: int, exact: pd.DataFrame, root: str) -> tuple[pd.DataFrame, list[int]]:
    """Return the derived steps from ``from_year`` to ``to_year`` (years without a CBS change file)."""
    span = _exact_span(exact)
    steps = {y: _derived_step(y, root) for y in range(from_year, to_year) if not span[0] <= y < span[1]}
    steps = {y: step for y, step in steps.items() if step is not None}
    frame = (pd.concat(steps.values(), ignore_index=True) if steps
             else pd.DataFrame(columns=_DERIVED_COLUMNS))
    frame.attrs["source"] = "/".join(_pop.REGISTER)
    return frame, sorted(steps)


@functools.lru_cache(maxsize=32)
def _crosswalk(from_year: int, to_year: int, root: str) -> pd.DataFrame:
    exact = _cw.read_grenswijzigingen(data_dir=root)
    overlay = _cw.read_area_overlay(data_dir=root)
    derived, derived_years = _derived(from_year, to_year, exact, root)
    cw = geography.build_crosswalk(
        from_year, to_year, divisions=_divisions(root), exact=exact, overlay=overlay, exact_span=_exact_span(exact),
        derived=derived, derived_years=derived_years,
    )
    path = cw.attrs["path"]
    used: list[str | None] = []
    for step in path:
        if "grenswijzigingen" in step:
            used.append(exact.attrs.get("source"))
        elif "derived" in step:
            used += [derived.attrs["source"]] + ([overlay.attrs.get("source")] if "boundaries" in step else [])
        else:
            used.append(overlay.attrs.get("source"))
    method = _carry_method(path, from_year, to_year)
    cw.attrs.update({"source": "; ".join(dict.fromkeys(u for u in used if u)) or "no change",
                     "method": method[0], "method_nl": method[1]})
    return cw


def _carry_method(path: list[str], from_year: int, to_year: int) -> tuple[str, str]:
    """How counts are carried from one municipal division to another: (English, Dutch)."""
    if not path:
        return (f"the {from_year} municipal division (nothing to carry)",
                f"de gemeentelijke indeling van {from_year} (niets om te zetten)")
    derived = [step for step in path if "derived" in step]
    kinds = {}
    for step in path:
        if "grenswijzigingen" in step:
            kinds[("CBS grenswijzigingen, weighted by addresses", "CBS-grenswijzigingen, gewogen naar adressen")] = None
        elif "derived" in step:
            kinds[_derived_method(derived)] = None
        else:
            kinds[("area overlay of boundary files", "oppervlakte-overlap van grensbestanden")] = None
    en = ", then ".join(k[0] for k in kinds)
    nl = ", daarna ".join(k[1] for k in kinds)
    return (f"carried from the {from_year} to the {to_year} municipal division ({en}; whole numbers kept whole by "
            "largest remainder)",
            f"omgezet van de gemeentelijke indeling van {from_year} naar die van {to_year} ({nl}; hele aantallen "
            "blijven heel, naar grootste overschot)")


def _derived_method(steps: list[str]) -> tuple[str, str]:
    """Name the rule of the derived steps in ``steps`` (path entries ``2014->2015 (derived from ...)``)."""
    first, last = steps[0].split("->")[0], steps[-1].split("->")[1].split(" ")[0]
    bounded = any("boundaries" in s for s in steps)
    return (f"{first}-{last} derived from the CBS population (37259eng): a municipality that disappears goes "
            "wholly to the successor in which its people of 31 December reappear on 1 January, a split one by "
            "the numbers of people its successors gain"
            + (" (successors limited to those its area overlaps in the boundary files)" if bounded else ""),
            f"{first}-{last} afgeleid uit de CBS-bevolking (37259eng): een opgeheven gemeente gaat geheel naar de "
            "opvolger waarin haar inwoners van 31 december op 1 januari terugkomen, een gesplitste naar de "
            "aantallen inwoners die haar opvolgers erbij krijgen"
            + (" (alleen opvolgers waarmee haar oppervlak in de grensbestanden overlapt)" if bounded else ""))


def crosswalk(from_year: int, to_year: int, *, data_dir: PathLike = None) -> pd.DataFrame:
    """Crosswalk from the municipal division of ``from_year`` to that of ``to_year``.

    Uses the address-weighted grenswijzigingen for 2016-2024. Before 2016
    (no CBS change file) each yearly step is derived from the population
    (:func:`regio.geography.derive_step`; path entries ``derived from ...``):
    the people counted on 31 December in the old division (CBS 37259eng) are
    those counted on 1 January in the new one, so a municipality that
    disappears goes wholly to the successor in which its people reappear, and
    one that was split (Boarnsterhim in 2014, Maasdonk in 2015) goes to its
    successors in the numbers of people they gained. Where boundaries of both
    years exist (2014-2016) a municipality may only go to successors its area
    overlaps; 2012-2014 rest on the population alone. A year that cannot be
    derived (no year-end counts) uses the area overlay between boundary
    vintages, as before: municipalities keeping their code map to
    themselves, vanished ones are split by area share, and the 2016 division
    (inside the overlay step 2015-2017) is reached by the part of that step
    for the municipalities that vanished by 2016.

    Parameters
    ----------
    from_year, to_year
        The municipal divisions (1 January); ``to_year`` not earlier than
        ``from_year``.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        ``from_code, to_code, share`` (a long table: RangeIndex);
        ``attrs["path"]`` lists the steps, ``attrs["source"]`` the crosswalk
        files used and ``attrs["method"]`` (``method_nl``) says how.

    Raises
    ------
    UnknownYearError
        If ``to_year`` is earlier, a division is unknown, or no chain of steps
        connects the years.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> cw = crosswalk(2022, 2024)
    >>> cw[cw["from_code"] != cw["to_code"]]  # Weesp to Amsterdam, three into Voorne aan Zee, a boundary fix
        from_code to_code     share
    57     GM0232  GM0269  0.000067
    137    GM0457  GM0363  1.000000
    144    GM0501  GM1992  1.000000
    152    GM0530  GM1992  1.000000
    173    GM0614  GM1992  1.000000
    >>> cw.attrs["path"]
    ['2022->2023 (grenswijzigingen)', '2023->2024 (grenswijzigingen)']
    >>> crosswalk(2014, 2018).attrs["path"]  # doctest: +NORMALIZE_WHITESPACE
    ['2014->2015 (derived from population and boundaries)', '2015->2016 (derived from population and boundaries)',
     '2016->2017 (grenswijzigingen)', '2017->2018 (grenswijzigingen)']
    >>> cw = crosswalk(2015, 2016)  # Bussum, Muiden and Naarden wholly into Gooise Meren
    >>> cw[cw["to_code"] == "GM1942"].set_index("from_code")["share"].to_dict()
    {'GM0381': 1.0, 'GM0424': 1.0, 'GM0425': 1.0}
    >>> cw = crosswalk(2014, 2015)  # Maasdonk split by the people 's-Hertogenbosch and Oss gained
    >>> cw[cw["from_code"] == "GM1671"].set_index("to_code")["share"].round(3).to_dict()
    {'GM0796': 0.592, 'GM0828': 0.408}
    >>> crosswalk(2012, 2014).attrs["path"]  # no boundaries of 2012 and 2013: the population alone
    ['2012->2013 (derived from population)', '2013->2014 (derived from population)']
    """
    cw = _crosswalk(int(from_year), int(to_year), _root(data_dir))
    out = cw.copy()
    out.attrs = dict(cw.attrs)
    return out


def carry_to(frame: pd.DataFrame | pd.Series, from_year: int, to_year: int, *,
             columns: Iterable[str] | None = None, data_dir: PathLike = None) -> pd.DataFrame:
    """Carry municipal counts of ``from_year`` into the division of ``to_year``.

    Totals are conserved exactly (whole numbers stay whole). A municipality
    that merged whole goes wholly to its successor, also before 2016, where
    the steps are derived from the population (see :func:`crosswalk`). Names
    of the new division are added as ``statnaam`` when a boundary file or
    population table gives them.

    Parameters
    ----------
    frame
        Counts indexed by municipal code of ``from_year`` (a Series is taken
        as one column).
    from_year, to_year
        The divisions to carry from and to (see :func:`crosswalk`).
    columns
        Columns to carry (default: all numeric columns).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by municipal code of ``to_year`` (``statcode``), with
        ``statnaam`` where known and the carried columns; whole-number columns
        stay whole (split by largest remainder), others are split in
        proportion. ``attrs``: the input's ``source`` (and ``level``,
        ``year``) kept; ``method`` and ``method_nl`` the input's method with
        how the counts were carried added; ``division`` (``to_year``);
        ``crosswalk`` (the steps); ``incomplete`` and ``unplaced`` (new
        municipalities without a value because a predecessor had none, and
        what the others contributed to them; see :func:`regio.geography.carry`).

    Raises
    ------
    UnknownCodeError
        Listing codes that are not municipalities of ``from_year``.
    UnknownYearError
        If the two divisions cannot be connected (see :func:`crosswalk`).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> counts = pd.DataFrame({"gps": [410, 12], "fte": [301.5, 9.25]}, index=["GM0363", "GM0457"])
    >>> carry_to(counts, 2021, 2024)  # Weesp joined Amsterdam in 2022
               statnaam  gps     fte
    statcode
    GM0363    Amsterdam  422  310.75
    >>> from regio.data import population
    >>> pop = carry_to(population("gemeente", 2017)[["population"]], 2017, 2024)
    >>> pop.attrs["source"] == population("gemeente", 2017).attrs["source"], pop.attrs["method"][:70]
    (True, 'as published; carried from the 2017 to the 2024 municipal division (CB')
    >>> pop14 = population("gemeente", 2014)["population"]  # Bussum, Muiden, Naarden: Gooise Meren in 2016
    >>> int(carry_to(pop14, 2014, 2016).loc["GM1942", "population"]), int(pop14[["GM0381", "GM0424", "GM0425"]].sum())
    (56123, 56123)
    >>> carry_to(counts, 2023, 2024)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: 1 code(s) of counts of 2023 are not in the crosswalk: GM0457. ...
    """
    cw = crosswalk(from_year, to_year, data_dir=data_dir)
    out = geography.carry(frame, cw, columns=columns, source=f"counts of {from_year}")
    try:
        names = region_names("gemeente", to_year, data_dir=data_dir)
        out.insert(0, "statnaam", out.index.map(names))
    except (UnknownYearError, DataNotFoundError):
        pass
    before = frame.attrs.get("method")
    steps = [before, cw.attrs["method"] if cw.attrs["path"] else None]
    steps_nl = [frame.attrs.get("method_nl", before), cw.attrs["method_nl"] if cw.attrs["path"] else None]
    out.attrs = {
        **{k: frame.attrs[k] for k in ("source", "level", "year") if k in frame.attrs},
        "division": int(to_year),
        "method": "; ".join(m for m in steps if m) or cw.attrs["method"],
        "method_nl": "; ".join(m for m in steps_nl if m) or cw.attrs["method_nl"],
        "crosswalk": cw.attrs["path"],
        "incomplete": out.attrs.get("incomplete", {}),
        "incomplete_by_column": out.attrs.get("incomplete_by_column", {}),
        "unplaced": out.attrs.get("unplaced", {}),
    }
    return out


# ----------------------------------------------------------------------------- membership

def _spatial_membership(level: str, year: int, root: str) -> pd.Series:
    gm_year = _division_year_with_file("gemeente", year, root) or year
    other = _nearest_file_year(level, year, root)
    paths = [_bnd.boundary_path("gemeente", gm_year, data_dir=root), _bnd.boundary_path(level, other, data_dir=root)]
    name = f"membership_{level}_{year}_{cache_key(*paths)}"
    cached = read_cached(name)
    if cached is not None and len(cached):
        member = cached.set_index("statcode")["region"]
        member.attrs["source"] = cached["source"].iloc[0]
        return member
    gm = _boundaries("gemeente", gm_year, root)
    regions = _boundaries(level, other, root)
    joined = geography.membership_by_points(gm, regions)
    nearest = joined.index[joined["method"] == "nearest"]
    source = (f"representative points of boundaries/gemeente_{gm_year} in boundaries/{level}_{other}"
              + (f"; nearest region for {format_codes(nearest)}" if len(nearest) else ""))
    table = joined.assign(source=source).rename_axis("statcode").reset_index()
    write_cached(name, table[["statcode", "region", "source"]])
    member = joined["region"]
    member.attrs["source"] = source
    return member


@functools.lru_cache(maxsize=16)
def _membership(year: int, levels: tuple[str, ...], root: str) -> pd.DataFrame:
    divs = _divisions(root)
    if year not in divs:
        raise UnknownYearError(
            f"The municipal division of {year} is unknown. Known years: {', '.join(map(str, sorted(divs)))}."
        )
    codes = sorted(divs[year])
    if _division_year_with_file("gemeente", year, root) is None:
        return _membership_via_successors(year, levels, root)
    table = _mem.read_membership_table(year, data_dir=root)
    cols, sources = {}, {}
    for level in levels:
        if level == "land":
            cols[level] = pd.Series("NL01", index=codes)
            sources[level] = "all municipalities"
        elif table is not None and level in table.columns and set(codes) <= set(table.index):
            cols[level] = table[level].reindex(codes)
            sources[level] = table.attrs["source"]
        elif (level in ("arbeidsmarktregio", "regioplusarbeidsmarktregio")
              and (lm := _mem.read_labour_market_membership(data_dir=root)) is not None
              and set(codes) <= set(lm.index)):
            cols[level] = lm[level].reindex(codes)
            sources[level] = lm.attrs["source"]
        else:
            member = _spatial_membership(level, year, root)
            cols[level] = member.reindex(codes)
            sources[level] = member.attrs["source"]
        missing = cols[level].isna()
        if missing.any():
            raise InputError(f"Membership of {level} {year}: no region for {format_codes(cols[level].index[missing])}.")
    out = pd.DataFrame(cols, index=pd.Index(codes, name="statcode")).astype(str)
    out.attrs["sources"] = sources
    out.attrs["sources_nl"] = {lv: source_text(src) for lv, src in sources.items()}
    return out


def _membership_via_successors(year: int, levels: tuple[str, ...], root: str) -> pd.DataFrame:
    """Membership of a division without boundary file, through its largest successor in a later one."""
    files = sorted(_bnd.available_boundaries(root).query("level == 'gemeente'")["year"].astype(int))
    later = [y for y in files if y > year]
    if not later:
        raise UnknownYearError(f"No municipal boundaries for {year} or later; cannot place its municipalities.")
    target = later[0]
    cw = _crosswalk(year, target, root)
    successor = cw.sort_values(["share", "to_code"]).groupby("from_code")["to_code"].last()
    base = _membership(target, levels, root)
    out = base.reindex(successor.to_numpy())
    out.index = pd.Index(successor.index, name="statcode")
    out.attrs["sources"] = {lv: f"{src} (municipalities of {year} via their largest successor in {target})"
                            for lv, src in base.attrs["sources"].items()}
    out.attrs["sources_nl"] = {lv: source_text(src) for lv, src in out.attrs["sources"].items()}
    return out


def membership(year: int, *, levels: Iterable[str] | None = None, data_dir: PathLike = None) -> pd.DataFrame:
    """Which higher region each municipality of ``year`` belongs to.

    Taken from a CBS membership table where the data directory has one for
    that year, else by a spatial join of each municipality's representative
    point with the level's boundaries of the nearest year (cached on disk in
    :func:`regio.config.cache_dir`).

    Parameters
    ----------
    year
        Year of the municipal division.
    levels
        Levels wanted (default: provincie, ggdregio, coropgebied,
        veiligheidsregio, zorgkantoorregio and land).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by municipal code; one column of region codes per level;
        ``attrs["sources"]`` says how each column was obtained
        (``attrs["sources_nl"]`` in Dutch). A division without boundary file
        is placed through each municipality's largest successor.

    Raises
    ------
    InputError
        For a level not made of whole municipalities, or a municipality left
        without region.
    UnknownYearError
        If the municipal division of ``year`` is unknown.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> member = membership(2024, levels=["provincie", "GGD", "land"])
    >>> member.loc[["GM0363", "GM1900"]]
             provincie ggdregio  land
    statcode
    GM0363        PV27   GG3406  NL01
    GM1900        PV21   GG7206  NL01
    >>> member.attrs["sources"]["provincie"]
    'representative points of boundaries/gemeente_2024 in boundaries/provincie_2022'
    """
    wanted = tuple(get_level(lv).name for lv in (levels or
                   ("provincie", "ggdregio", "coropgebied", "veiligheidsregio", "zorgkantoorregio", "land")))
    bad = [lv for lv in wanted if lv not in MUNICIPAL_GROUPINGS]
    if bad:
        raise InputError(f"Membership is defined for levels made of whole municipalities "
                         f"({', '.join(MUNICIPAL_GROUPINGS)}), not {', '.join(bad)}.")
    m = _membership(int(year), wanted, _root(data_dir))
    out = m.copy()
    out.attrs = {"sources": dict(m.attrs["sources"]), "sources_nl": dict(m.attrs["sources_nl"])}
    return out


def unit_membership(level: str, *, year: int, units_year: int | None = None,
                    data_dir: PathLike = None) -> pd.Series:
    """Municipality of ``year`` that each unit of a finer level (PC4, wijk) lies in.

    Wijken carry their municipality in their code (``WK036300`` lies in
    ``GM0363``); PC4 areas are placed by a spatial join of their representative
    points in the municipal boundaries of ``year`` (nearest municipality for
    points outside every polygon).

    Parameters
    ----------
    level
        ``pc4`` or ``wijk``.
    year
        Year of the municipal division.
    units_year
        Year of the unit boundaries (default: the nearest with a file).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.Series
        Municipal code per unit code, named ``gemeente``; ``attrs["source"]``
        says how. Units without geometry are missing (and named in the source).

    Raises
    ------
    InputError
        For a level other than ``pc4`` or ``wijk``.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> unit_membership("wijk", year=2024)["WK036300"]
    'GM0363'
    >>> pc4 = unit_membership("pc4", year=2024)
    >>> pc4["1011"], pc4["9711"]
    ('GM0363', 'GM0014')
    >>> pc4.attrs["source"]
    'representative points of boundaries/pc4_2020 in boundaries/gemeente_2024.geojson; not placed (no geometry): 5028'
    """
    lvl = get_level(level).name
    root = _root(data_dir)
    if lvl not in ("pc4", "wijk"):
        raise InputError(f"unit_membership is for levels finer than a municipality (pc4, wijk), not {lvl}.")
    uyear = units_year or _nearest_file_year(lvl, int(year), root)
    units = boundaries(lvl, uyear, data_dir=root) if lvl == "wijk" else _boundaries(lvl, uyear, root)
    if lvl == "wijk":
        member = pd.Series("GM" + units.index.str[2:6], index=units.index, name="gemeente")
        source = "municipal code in the wijk code"
    else:
        gm = boundaries("gemeente", year, data_dir=root)
        placed = units[~(units.geometry.isna() | units.geometry.is_empty)]
        member = geography.membership_by_points(placed, gm)["region"].reindex(units.index).rename("gemeente")
        source = f"representative points of boundaries/{lvl}_{uyear} in {gm.attrs['source']}"
        if member.isna().any():
            source += f"; not placed (no geometry): {format_codes(member.index[member.isna()])}"
    member.attrs["source"] = source
    return member


def population_centres(year: int, *, data_dir: PathLike = None) -> gpd.GeoDataFrame:
    """Population-weighted centre of each municipality of ``year`` (EPSG:28992 points).

    The mean of the representative points of the municipality's PC4 areas,
    weighted by their inhabitants (CBS PC4 population 2021), so that a large
    rural municipality is represented where its people live rather than by the
    middle of its area. A municipality without populated PC4 areas gets a point
    inside its polygon; ``method`` says which.

    Parameters
    ----------
    year
        Year of the municipal division.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    geopandas.GeoDataFrame
        Indexed by municipal code: ``statnaam``, ``method``
        (``"population-weighted"`` or ``"representative point"``), point geometry.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> centres = population_centres(2024)
    >>> centres["method"].value_counts().to_dict()
    {'population-weighted': 342}
    >>> ams = centres.geometry["GM0363"]
    >>> round(ams.x / 1000, 1), round(ams.y / 1000, 1)  # km, EPSG:28992: near the centre of Amsterdam
    (121.4, 485.8)
    """
    root = _root(data_dir)
    gm = boundaries("gemeente", year, data_dir=root)
    pop = _pop.read_pc4_population(data_dir=root)["population"].dropna().astype(float)
    pc4 = _boundaries("pc4", _nearest_file_year("pc4", int(year), root), root)
    pc4 = pc4[~(pc4.geometry.isna() | pc4.geometry.is_empty) & pc4.index.isin(pop.index)]
    member = unit_membership("pc4", year=year, data_dir=root).reindex(pc4.index)
    pts = pc4.geometry.representative_point()
    w = pop.reindex(pc4.index)
    frame = pd.DataFrame({"gm": member, "wx": pts.x * w, "wy": pts.y * w, "w": w}).dropna()
    frame = frame[frame["w"] > 0].groupby("gm")[["wx", "wy", "w"]].sum()
    x = (frame["wx"] / frame["w"]).reindex(gm.index)
    y = (frame["wy"] / frame["w"]).reindex(gm.index)
    inside = gm.geometry.representative_point()
    weighted = x.notna()
    geometry = gpd.GeoSeries(gpd.points_from_xy(x.fillna(0), y.fillna(0)), index=gm.index, crs=gm.crs)
    geometry = geometry.where(weighted, inside)
    out = gpd.GeoDataFrame({"statnaam": gm["statnaam"],
                            "method": np.where(weighted, "population-weighted", "representative point")},
                           geometry=geometry, crs=gm.crs)
    out.attrs["source"] = f"PC4 inhabitants 2021 ({_pop.PC4_AGE[1]}) at representative points of the PC4 areas"
    return out


def aggregate_to(frame: pd.DataFrame, level: str, *, year: int, from_level: str = "gemeente",
                 columns: Iterable[str] | None = None, data_dir: PathLike = None) -> pd.DataFrame:
    """Sum counts of municipalities (or PC4 areas, wijken) to ``level`` in the division of ``year``.

    Parameters
    ----------
    frame
        Counts indexed by code of ``from_level``.
    level
        Target level (any level made of whole municipalities, or ``gemeente``).
    year
        Year of the municipal division used for membership.
    from_level
        ``gemeente``, ``pc4`` or ``wijk``.
    columns
        Columns to sum (default: all numeric columns; others are dropped).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Counts per region with ``statnaam``; totals equal those of ``frame``
        (units that cannot be placed raise an error naming them).

    Raises
    ------
    UnknownCodeError
        Naming units of ``frame`` that have no region.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> counts = pd.DataFrame({"gps": [5, 7, 2]}, index=["1011", "1012", "9711"])  # PC4 areas
    >>> aggregate_to(counts, "provincie", year=2024, from_level="pc4")
                   statnaam  gps
    statcode
    PV20          Groningen    2
    PV27      Noord-Holland   12
    """
    src = get_level(from_level).name
    lvl = get_level(level).name
    cols = list(columns) if columns is not None else list(frame.select_dtypes("number").columns)
    counts = frame[cols]
    if src in ("pc4", "wijk"):
        counts = geography.aggregate(counts, unit_membership(src, year=year, data_dir=data_dir))
    if lvl != "gemeente":
        counts = geography.aggregate(counts, membership(year, levels=[lvl], data_dir=data_dir)[lvl])
    names = region_names(lvl, year, data_dir=data_dir)
    out = counts.copy()
    out.insert(0, "statnaam", out.index.map(lambda c: names.get(c, c)))
    out.attrs = {"level": lvl, "year": int(frame.attrs.get("year", year)), "division": int(year),
                 **({"source": frame.attrs["source"]} if "source" in frame.attrs else {}),
                 "method": f"summed from {src} to {lvl} (membership of {year})",
                 "method_nl": f"opgeteld van {src} naar {lvl} (indeling van {year})",
                 "incomplete": counts.attrs.get("incomplete", {})}
    return out
