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
        raw = _bnd.read_boundary_names("gemeente", int(year), data_dir=root)  # codes only: kept, no geometry read
        known[int(year)] = frozenset(raw["statcode"])
    try:
        ts = _pop._series(root)
        for year, group in ts.groupby("year"):
            codes = frozenset(group["statcode"])
            if int(year) in known and known[int(year)] != codes:
                raise InputError(
                    f"The municipal codes of {year} differ between boundaries/gemeente_{year}.geojson and "
                    f"{_pop.TIMESERIES[1]}: {format_codes(known[int(year)] ^ codes)}.",
                    key="data.codes_differ", year=year, table=_pop.TIMESERIES[1],
                    codes=format_codes(known[int(year)] ^ codes))
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
        raw = _bnd.read_boundary_names(level, int(year), data_dir=root)  # codes and names: kept, no geometry read
        if "statcode" not in raw.columns:
            continue
        for code, name in zip(raw["statcode"], raw["statnaam"], strict=True):
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
                            f"municipalities of {year}: pass dissolve=True.", key="data.can_dissolve",
                            inner=missing, year=year) from None
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
            + ". Use a year of those, or add the boundaries to the data directory.",
            key="data.no_dissolve_division" if year not in divs else "data.no_dissolve_files", inner=missing,
            year=year, known=", ".join(map(str, sorted(divs))), files=", ".join(map(str, files)))
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
        raise DataNotFoundError(f"No boundary file for level {level!r} in {root}/boundaries. {no_data_hint(root)}",
                                key="data.no_boundary_file", level=level, root=root, hint=no_data_hint(root))
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
            f"The municipal division of {year} is unknown. Known years: {', '.join(map(str, sorted(divs)))}.",
            key="data.unknown_division", year=year, known=", ".join(map(str, sorted(divs))))
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
            raise InputError(f"Membership of {level} {year}: no region for {format_codes(cols[level].index[missing])}.",
                             key="data.no_region_for", level=level, year=year,
                             codes=format_codes(cols[level].index[missing]))
    out = pd.DataFrame(cols, index=pd.Index(codes, name="statcode")).astype(str)
    out.attrs["sources"] = sources
    out.attrs["sources_nl"] = {lv: source_text(src) for lv, src in sources.items()}
    return out


def _membership_via_successors(year: int, levels: tuple[str, ...], root: str) -> pd.DataFrame:
    """Membership of a division without boundary file, through its largest successor in a later one."""
    files = sorted(_bnd.available_boundaries(root).query("level == 'gemeente'")["year"].astype(int))
    later = [y for y in files if y > year]
    if not later:
        raise UnknownYearError(f"No municipal boundaries for {year} or later; cannot place its municipalities.",
                               key="data.no_later_boundaries", year=year)
    target = later[0]
    from regio.data.carry import _crosswalk  # carry imports this module: import on use

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
                         f"({', '.join(MUNICIPAL_GROUPINGS)}), not {', '.join(bad)}.", key="data.membership_levels",
                         levels=", ".join(MUNICIPAL_GROUPINGS), bad=", ".join(bad))
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
        raise InputError(f"unit_membership is for levels finer than a municipality (pc4, wijk), not {lvl}.",
                         key="data.unit_membership_level", level=lvl)
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
    xy = _centre_points(int(year), root)
    x, y, weighted = xy["x"].reindex(gm.index), xy["y"].reindex(gm.index), xy["weighted"].reindex(gm.index)
    inside = gm.geometry.representative_point()
    geometry = gpd.GeoSeries(gpd.points_from_xy(x.fillna(0), y.fillna(0)), index=gm.index, crs=gm.crs)
    geometry = geometry.where(weighted.to_numpy(), inside)
    out = gpd.GeoDataFrame({"statnaam": gm["statnaam"],
                            "method": np.where(weighted, "population-weighted", "representative point")},
                           geometry=geometry, crs=gm.crs)
    out.attrs["source"] = f"PC4 inhabitants 2021 ({_pop.PC4_AGE[1]}) at representative points of the PC4 areas"
    return out


#: Version of the computation of the population centres, part of their cache key: raise it when the method changes.
_CENTRES_VERSION = 1


@functools.lru_cache(maxsize=8)
def _centre_points(year: int, root: str) -> pd.DataFrame:
    """Return the weighted centres (``x``, ``y``, ``weighted``) by municipal code, kept on disk by the input files.

    The key is that of the other derived tables (:func:`regio.sources.cache.cache_key`): the municipal and
    PC4 boundary files and the PC4 population table, with their sizes and modification times. The floats go
    through the CSV exactly (shortest repr). Callers do not change the frame.
    """
    gm_year = _division_year_with_file("gemeente", year, root) or year
    pc4_year = _nearest_file_year("pc4", year, root)
    pop_path = _pop.pc4_population_path(data_dir=root)
    name = None
    if pop_path is not None:  # else the computation below raises the loader's error
        paths = [_bnd.boundary_path("gemeente", gm_year, data_dir=root),
                 _bnd.boundary_path("pc4", pc4_year, data_dir=root), pop_path]
        name = f"centres_v{_CENTRES_VERSION}_{year}_{cache_key(*paths)}"
        kept = read_cached(name)
        if kept is not None and len(kept):
            return pd.DataFrame({"x": kept["x"].map(float).to_numpy(), "y": kept["y"].map(float).to_numpy(),
                                 "weighted": (kept["weighted"] == "1").to_numpy()},
                                index=pd.Index(kept["statcode"], name="statcode"))
    gm = boundaries("gemeente", year, data_dir=root)
    pop = _pop.read_pc4_population(data_dir=root)["population"].dropna().astype(float)
    pc4 = _boundaries("pc4", pc4_year, root)
    pc4 = pc4[~(pc4.geometry.isna() | pc4.geometry.is_empty) & pc4.index.isin(pop.index)]
    member = unit_membership("pc4", year=year, data_dir=root).reindex(pc4.index)
    pts = pc4.geometry.representative_point()
    w = pop.reindex(pc4.index)
    frame = pd.DataFrame({"gm": member, "wx": pts.x * w, "wy": pts.y * w, "w": w}).dropna()
    frame = frame[frame["w"] > 0].groupby("gm")[["wx", "wy", "w"]].sum()
    x = (frame["wx"] / frame["w"]).reindex(gm.index)
    y = (frame["wy"] / frame["w"]).reindex(gm.index)
    out = pd.DataFrame({"x": x.to_numpy(), "y": y.to_numpy(), "weighted": x.notna().to_numpy()},
                       index=pd.Index(gm.index, name="statcode"))
    if name is not None:
        write_cached(name, pd.DataFrame({"statcode": out.index, "x": [repr(float(v)) for v in out["x"]],
                                         "y": [repr(float(v)) for v in out["y"]],
                                         "weighted": out["weighted"].map(int)}))
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
