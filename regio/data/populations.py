"""Population of any level and year: published counts, carried and interpolated."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from regio import geography
from regio.apportion import largest_remainder, largest_remainder_rows
from regio.data._common import _AS_PUBLISHED, PathLike, _root
from regio.data.carry import carry_to
from regio.data.regions import _spell, membership, region_names
from regio.errors import DataNotFoundError, InputError, UnknownYearError, format_codes
from regio.levels import LEVELS, PROVINCES, get_level
from regio.sources import boundaries as _bnd
from regio.sources import population as _pop
from regio.sources._files import no_data_hint
from regio.text import fmt_number, source_text

# ----------------------------------------------------------------------------- population

def population_years(level: str = "gemeente", *, data_dir: PathLike = None) -> list[int]:
    """Years for which :func:`population` has data at ``level`` without interpolation.

    Parameters
    ----------
    level
        Any level name or alias.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    list of int
        Sorted years: the municipal years (summed to any level) and, for
        higher levels, years with a complete published regional total; PC4 and
        wijk have their own single year.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> population_years("gemeente")  # CBS 37259eng
    [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
    >>> population_years("provincie")
    [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
    >>> population_years("pc4"), population_years("wijk")
    ([2021], [2022])
    """
    lvl = get_level(level).name
    root = _root(data_dir)
    years = set(_pop.municipal_years(root))
    if lvl == "pc4":
        return [2021] if root and (Path(root) / "tables" / _pop.PC4_AGE[1]).is_file() else []
    if lvl == "wijk":
        return [2022] if 2022 in set(_bnd.available_boundaries(root).query("level == 'wijk'")["year"]) else []
    if lvl != "gemeente":
        sl = _pop.read_statline_population(data_dir=root)
        years |= {int(y) for y in set(sl["year"]) if _regional_table(lvl, int(y), root) is not None}
    return sorted(years)


def _regional_table(level: str, year: int, root: str) -> pd.DataFrame | None:
    """Return published totals of ``level`` in ``year`` (StatLine pages) if they list every region."""
    sl = _pop.read_statline_population(data_dir=root)
    prefix = LEVELS[level].code_prefix
    if level == "land":
        sub = sl[(sl["year"] == year) & (sl["statcode"] == "NL01")]
    elif prefix:
        sub = sl[(sl["year"] == year) & sl["statcode"].str.startswith(prefix)]
    else:
        return None
    # a page may list only some regions (e.g. 2018: Overijssel only): use it only when complete
    if sub.empty or not (level == "land" or set(region_names(level, year, data_dir=root)) <= set(sub["statcode"])):
        return None
    out = sub.set_index("statcode")[["statnaam", "population"]]
    out.attrs["source"] = "; ".join(sorted(set(sub["source"])))
    return out




#: regio level -> level name in CBS 37259eng (levels with their own published rows).
_REGISTER_LEVELS = {"provincie": "provincie", "coropgebied": "corop", "landsdeel": "landsdeel", "land": "land"}


def _register_table(level: str, year: int, root: str) -> pd.DataFrame | None:
    """Return the published CBS 37259eng counts of ``level`` in ``year`` (None if absent).

    Rule: for provincie, COROP, landsdeel and land the register table's own rows
    are used, in that year's division; names come from the boundary files.
    """
    if level not in _REGISTER_LEVELS:
        return None
    reg = _pop.read_register_population(data_dir=root)
    sub = reg[(reg["level"] == _REGISTER_LEVELS[level]) & (reg["year"] == year)]
    if sub.empty:
        return None
    try:
        names = region_names(level, year, data_dir=root)
    except (DataNotFoundError, UnknownYearError):
        names = {}
    if level == "provincie":
        names = {**names, **PROVINCES}  # the official names (Fryslân), whatever a boundary file spells
    out = sub.set_index("statcode")[["population"]].astype("int64")
    out.insert(0, "statnaam", [names.get(c, n) for c, n in zip(sub["statcode"], sub["statnaam"], strict=True)])
    if level == "land":
        out["statnaam"] = "Nederland"
    out.attrs["source"] = _pop.REGISTER_SOURCE
    return out


def _bands_of_a_published_year(year: int, root: str, division: int | None) -> pd.DataFrame:
    """Return the published population of ``year`` over age bands interpolated from the nearest years with bands.

    Rule: the population is the published count (CBS 37259eng); only the bands'
    shares are interpolated, and each municipality's count is apportioned over
    them by largest remainder, so the bands add up to the published count.
    """
    est = _interpolated(year, root, division, True, years=_pop.age_band_years(root))
    target = est.attrs["division"]
    pub = _municipal(year, root, False)
    pub = carry_to(pub.drop(columns="statnaam"), year, target, data_dir=root)["population"].round().astype("int64")
    bands = [c for c in est.columns if c.startswith("age_")]
    split = largest_remainder_rows(pub.loc[est.index].astype("int64"), est[bands].astype(float).clip(lower=0))
    out = pd.DataFrame(index=est.index)
    out["statnaam"] = est["statnaam"]
    out["population"] = pub.reindex(est.index)
    out[bands] = split[bands].astype("Int64")
    y0, y1 = est.attrs["interpolated_between"]
    method = (f"as published; age bands' shares interpolated linearly between {y0} and {y1}, carried to the "
              f"{target} municipal division, the population apportioned over them by largest remainder",
              f"zoals gepubliceerd; aandelen van de leeftijdsgroepen lineair geïnterpoleerd tussen {y0} en {y1}, "
              f"omgezet naar de gemeentelijke indeling van {target}, de bevolking erover verdeeld naar grootste "
              "overschot")
    out = _finish(out, level="gemeente", year=year, division=target,
                  source="; ".join(dict.fromkeys([pub.attrs.get("source", str(year)),
                                                  *est.attrs["source"].split("; ")])), method=method)
    out.attrs.update({"ages": f"the kerncijfers' shares interpolated between {y0} and {y1}",
                      "ages_nl": f"de aandelen uit de kerncijfers geïnterpoleerd tussen {y0} en {y1}",
                      "age_source": "interpolated"})
    return out


def _finish(frame: pd.DataFrame, *, level: str, year: int, division: int | None, source: str,
            method: tuple[str, str]) -> pd.DataFrame:
    """Record where the numbers come from; ``method`` is (English, Dutch)."""
    frame.attrs.update({"level": level, "year": year, "division": division, "source": source,
                        "method": method[0], "method_nl": method[1]})
    return frame


def _municipal(year: int, root: str, age_bands: bool) -> pd.DataFrame:
    pop = _pop.read_municipal_population(year, data_dir=root)
    src = pop.attrs.get("source", "")
    pop = _spell(pop, "gemeente", root)
    pop.attrs["source"] = src
    if pop.empty:
        known = ", ".join(map(str, _pop.municipal_years(root)))
        raise UnknownYearError(
            f"No municipal population for {year}. Years available: {known}. Use interpolate=True (command line: "
            "--interpolate) to interpolate linearly between the nearest years, carried to one division.",
            key="no_population_year", year=year, known=known)
    if age_bands:
        ages = _age_bands(year, pop["population"], root)
        if ages is None:
            raise UnknownYearError(
                f"No age bands for municipalities in {year}. Years with age bands: "
                f"{', '.join(map(str, _pop.age_band_years(root)))}. Use interpolate=True (command line: "
                f"--interpolate) to interpolate the bands' shares between the nearest of those years and "
                f"apportion the population of {year} over them.",
                key="data.no_age_bands_year", year=year, known=", ".join(map(str, _pop.age_band_years(root)))
            )
        pop = pop.join(ages)
        src += f"; age bands: {ages.attrs['source']}"
        out = _finish(pop, level="gemeente", year=year, division=year, source=src, method=_AS_PUBLISHED)
        out.attrs.update({"ages": f"the kerncijfers of {year} ({ages.attrs['source']})",
                          "ages_nl": f"de kerncijfers van {year} ({ages.attrs['source_nl']})",
                          "age_source": "kerncijfers"})
        return out
    return _finish(pop, level="gemeente", year=year, division=year, source=src, method=_AS_PUBLISHED)


def _age_bands(year: int, population: pd.Series, root: str) -> pd.DataFrame | None:
    """Municipal counts in the five CBS age bands, from the rounded percentages CBS publishes.

    The percentages need not add to 100: they are normalised and each
    municipality's population is apportioned over the bands by largest
    remainder, so the bands add up exactly to the population.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> pop = _pop.read_municipal_population(2024)["population"]
    >>> bands = _age_bands(2024, pop, None)
    >>> bands.loc["GM0014"].tolist()  # Groningen: 243,768 inhabitants
    [29548, 54171, 73869, 49246, 36934]
    >>> bool((bands.sum(axis=1) == pop).all())
    True
    >>> _age_bands(2023, pop, None) is None
    True
    """
    pct = _pop.read_age_percentages(year, data_dir=root)
    if pct is None:
        return None
    pct = pct.reindex(population.index)
    usable = pct.notna().all(axis=1) & (pct.sum(axis=1) > 0)  # one look-up per municipality, not three
    kept = pct[usable]
    out = largest_remainder_rows(population.reindex(kept.index).astype("int64"), kept).reindex(population.index)
    out.index.name = "statcode"
    out.attrs["source"] = f"{pct.attrs['source']} (rounded percentages apportioned over the population)"
    out.attrs["source_nl"] = f"{pct.attrs['source']} (afgeronde percentages, de bevolking erover verdeeld)"
    return out.astype("Int64")


# ----------------------------------------------------------------------------- age structure

#: What ``population(..., age_bands=...)`` takes besides True/False: where the five CBS bands come from.
AGE_SOURCES = ("kerncijfers", "2020", "national", "auto")

_BAND_RE = re.compile(r"^age_(\d+)(?:_(\d+)|plus)$")


def _band_ages(column: str) -> tuple[int, int | None]:
    m = _BAND_RE.match(column)
    if not m:
        raise ValueError(f"{column!r} is not an age band column")
    return int(m[1]), (int(m[2]) if m[2] is not None else None)


def split_bands(frame: pd.DataFrame, to: tuple[str, ...] = _pop.AGE_BANDS_CBS) -> pd.DataFrame:
    """Regroup age band counts into other bands, splitting a band evenly over its single years of age.

    The rule: a band that straddles two target bands goes to them in
    proportion to its years of age in each (people are taken to be spread
    evenly over the years of a band). For the 10-year bands of 2020 and the
    five CBS bands: ``age_10_19`` half to 0-14 and half to 15-24,
    ``age_20_29`` half to 15-24 and half to 25-44, ``age_40_49`` half to
    25-44 and half to 45-64, ``age_60_69`` half to 45-64 and half to 65+; the
    other bands lie in one CBS band. An open band (``age_90plus``) goes to the
    target band that holds its first age.

    Parameters
    ----------
    frame
        Age band columns (``age_<from>_<to>``, ``age_<from>plus``); other columns are ignored.
    to
        The target bands, covering every age from 0 up to an open top band.

    Returns
    -------
    pandas.DataFrame
        The columns ``to`` (floats: halves where a band is split), indexed like ``frame``; the row sums are kept.

    Examples
    --------
    >>> ten = pd.DataFrame({"age_0_9": [10], "age_10_19": [10], "age_20_29": [10], "age_30_39": [10],
    ...                     "age_40_49": [10], "age_50_59": [10], "age_60_69": [10], "age_70_79": [10],
    ...                     "age_80_89": [10], "age_90plus": [10]})
    >>> split_bands(ten).iloc[0].to_dict()
    {'age_0_14': 15.0, 'age_15_24': 10.0, 'age_25_44': 20.0, 'age_45_64': 20.0, 'age_65plus': 35.0}
    """
    targets = [(c, *_band_ages(c)) for c in to]
    out = pd.DataFrame(0.0, index=frame.index, columns=list(to))
    for col in frame.columns:
        if not isinstance(col, str) or not _BAND_RE.match(col):
            continue
        lo, hi = _band_ages(col)
        values = pd.to_numeric(frame[col], errors="coerce").astype(float)
        if hi is None:  # open band: wholly to the target band holding its first age
            name = next(c for c, tlo, thi in targets if tlo <= lo and (thi is None or lo <= thi))
            out[name] += values
            continue
        width = hi - lo + 1
        for name, tlo, thi in targets:
            overlap = min(hi, thi if thi is not None else hi) - max(lo, tlo) + 1
            if overlap > 0:
                out[name] += values * overlap / width
    return out


def age_structure(division: int | None = None, *, data_dir: PathLike = None) -> pd.DataFrame:
    """Municipal population of 1 January 2020 in 10-year age bands, carried to a later municipal division.

    Parameters
    ----------
    division
        Municipal division to carry the counts to (default 2020, as published);
        2020 or later (counts cannot be carried backwards).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by municipal code of ``division``: ``statnaam``,
        ``population`` (the sum of the bands) and ``age_0_9`` ... ``age_80_89``,
        ``age_90plus`` (int64). Each band is carried with
        :func:`regio.carry_to`, whole people kept whole (a municipality that is
        split goes over its successors by largest remainder per band), so every
        band's national total is kept exactly. ``attrs``: ``year`` (2020),
        ``division``, ``source``, ``method``, ``method_nl``.

    Raises
    ------
    DataNotFoundError
        If the file ``tables/population_gemeente_agebands10_2020.csv`` is missing.
    UnknownYearError
        For a division before 2020 or one that cannot be reached.
    InputError
        If the file is malformed (naming file, row and column).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> st = age_structure()
    >>> len(st), int(st["population"].sum())
    (355, 17407585)
    >>> st24 = age_structure(2024)  # Weesp (GM0457) is in Amsterdam from 2022
    >>> len(st24), int(st24["population"].sum()), int(st24.loc["GM0363", "age_90plus"])
    (342, 17407585, 4165)
    """
    root = _root(data_dir)
    year = _pop.AGE_STRUCTURE_YEAR
    target = year if division is None else int(division)
    kept = _age_structure(target, root, _pop.age_structure_stamp(data_dir=root))
    out = kept.copy()
    out.attrs = copy.deepcopy(kept.attrs)
    return out


@functools.lru_cache(maxsize=8)
def _age_structure(target: int, root: str, stamp: tuple) -> pd.DataFrame:
    """Return the frame of :func:`age_structure`, made once per process per division while the file stays."""
    year = _pop.AGE_STRUCTURE_YEAR
    if target < year:
        raise UnknownYearError(f"The municipal age structure is of {year}; it cannot be carried back to the "
                               f"{target} division.", key="data.age_structure_back", year=year, target=target)
    st = _pop.read_age_structure(data_dir=root)
    bands = list(_pop.AGE_BANDS_10)
    source = st.attrs["source"]
    if target == year:
        out = st.copy()
        method = ("as published", "zoals gepubliceerd")
    else:
        carried = carry_to(st[bands], year, target, data_dir=root)
        out = pd.DataFrame(index=carried.index)
        out["statnaam"] = carried.get("statnaam", pd.Series(carried.index, index=carried.index))
        out["population"] = carried[bands].sum(axis=1).astype("int64")
        for b in bands:
            out[b] = carried[b].astype("int64")
        method = (f"as published; each age band carried from the {year} to the {target} municipal division "
                  "(whole people, largest remainder where a municipality is split)",
                  f"zoals gepubliceerd; elke leeftijdsgroep omgezet van de gemeentelijke indeling van {year} naar "
                  f"die van {target} (hele mensen, grootste overschot waar een gemeente gesplitst is)")
    out.index.name = "statcode"
    return _finish(out, level="gemeente", year=year, division=target, source=source, method=method)


def _national_shares(root) -> pd.Series:
    """Shares of the five CBS bands in the national age profile (``geodata/age_profile_nl_2021.csv``)."""
    from regio.data.shipped import national_age_profile

    prof = national_age_profile()
    cols = {(f"age_{int(a)}plus" if pd.isna(b) else f"age_{int(a)}_{int(b)}"): p
            for a, b, p in zip(prof["age_from"], prof["age_to"], prof["population"], strict=True)}
    shares = split_bands(pd.DataFrame([cols])).iloc[0]
    shares.attrs["source"] = prof.attrs.get("source", "geodata/age_profile_nl_2021.csv")
    return shares


def _age_choice(choice: str | bool, year: int, root, interpolate: bool) -> str:
    """Which age source the population of ``year`` uses: kerncijfers, interpolated, 2020 or national.

    ``auto``: the kerncijfers of the year; else (with ``interpolate``) their
    shares interpolated between the nearest years; else the 2020 structure
    carried to the year's division (2020 and later); else the national profile.
    """
    if choice is True or choice == "kerncijfers":
        return "kerncijfers"
    if choice not in AGE_SOURCES:
        from regio.errors import InputError

        raise InputError(f"age_bands={choice!r}: give True (the kerncijfers), False, or one of "
                         f"{', '.join(map(repr, AGE_SOURCES))}.", key="data.unknown_age_bands", choice=choice,
                         choices=", ".join(map(repr, AGE_SOURCES)))
    if choice != "auto":
        return choice
    kern = _pop.age_band_years(root)
    if year in kern:
        return "kerncijfers"
    if interpolate and any(y < year for y in kern) and any(y > year for y in kern):
        return "kerncijfers"  # the existing rule: the bands' shares interpolated between the nearest years
    if _pop.age_structure_years(root) and year >= _pop.AGE_STRUCTURE_YEAR:
        return "2020"
    return "national"


def _bands_from_structure(year: int, root, kind: str) -> pd.DataFrame:
    """Return the published municipal population of ``year`` over the CBS bands of the 2020 structure or the nation.

    Rule: each municipality's published count (CBS 37259eng) is apportioned by
    largest remainder over the shares of its 2020 structure carried to the
    year's division (10-year bands regrouped by :func:`split_bands`), or over
    the national shares.
    """
    pub = _municipal(year, root, False)
    bands = list(_pop.AGE_BANDS_CBS)
    if kind == "2020":
        if year < _pop.AGE_STRUCTURE_YEAR:
            raise UnknownYearError(f"The municipal age structure of {_pop.AGE_STRUCTURE_YEAR} cannot be carried "
                                   f"back to the {year} division; use the kerncijfers (age_bands=True, with "
                                   "interpolate=True between their years) or age_bands='national'.",
                                   key="data.age_structure_before", structure=_pop.AGE_STRUCTURE_YEAR, year=year)
        st = age_structure(year, data_dir=root)
        missing = pub.index.difference(st.index)
        if len(missing):
            from regio.errors import UnknownCodeError

            raise UnknownCodeError(f"The 2020 age structure carried to {year} lacks {format_codes(missing)}.",
                                   key="data.age_structure_lacks", year=year, codes=format_codes(missing))
        shares = split_bands(st).reindex(pub.index)
        src = f"{st.attrs['source']}, carried to the {year} division"
        ages = (f"the municipal age structure of 1 January 2020 ({_pop.AGE_STRUCTURE[1]}) carried to the {year} "
                "division, 10-year bands split evenly by year of age into the CBS bands (age_10_19, age_20_29, "
                "age_40_49 and age_60_69 half to each neighbouring band; an assumption)",
                f"de gemeentelijke leeftijdsopbouw van 1 januari 2020 ({_pop.AGE_STRUCTURE[1]}) omgezet naar de "
                f"indeling van {year}, 10-jaarsgroepen gelijk over de leeftijdsjaren verdeeld over de CBS-groepen "
                "(age_10_19, age_20_29, age_40_49 en age_60_69 voor de helft naar elk van de twee groepen; een "
                "aanname)")
    else:
        nat = _national_shares(root)
        shares = pd.DataFrame([nat.to_numpy()] * len(pub), index=pub.index, columns=nat.index)
        src = nat.attrs["source"]
        ages = (f"the national age profile ({src}) for every region, as fallback: no municipal age bands for "
                f"{year}; the need key then follows the population",
                f"de landelijke leeftijdsopbouw ({source_text(src)}) voor elke regio, als terugval: geen "
                f"gemeentelijke leeftijdsgroepen voor {year}; de zorgbehoeftesleutel volgt dan de bevolking")
    split = largest_remainder_rows(pub["population"].astype("int64"), shares.loc[pub.index, bands])
    out = pub.copy()
    out[bands] = split[bands].astype("Int64")
    method = ("as published; age bands: " + ages[0] + ", the population apportioned over them by largest remainder",
              "zoals gepubliceerd; leeftijdsgroepen: " + ages[1] + ", de bevolking erover verdeeld naar grootste "
              "overschot")
    out = _finish(out, level="gemeente", year=year, division=year,
                  source=f"{pub.attrs.get('source', '')}; age bands: {src}", method=method)
    out.attrs.update({"ages": ages[0], "ages_nl": ages[1], "age_source": kind})
    return out


def _interpolated(year: int, root: str, division: int | None, age_bands: bool,
                  years: list[int] | None = None) -> pd.DataFrame:
    years = _pop.municipal_years(root) if years is None else years
    before = [y for y in years if y < year]
    after = [y for y in years if y > year]
    if not before or not after:
        raise UnknownYearError(
            f"Cannot interpolate municipal population for {year}: it needs a year before and after "
            f"(available: {', '.join(map(str, years))}); regio does not extrapolate.",
            key="data.cannot_interpolate", year=year, known=", ".join(map(str, years))
        )
    y0, y1 = before[-1], after[0]
    target = y1 if division is None else int(division)
    if target < y1:
        raise UnknownYearError(f"Interpolating {year} between {y0} and {y1} needs a division of {y1} or later, "
                               f"not {target} (counts cannot be carried backwards).",
                               key="data.interpolation_division", year=year, y0=y0, y1=y1, target=target)
    p0 = carry_to(_municipal(y0, root, age_bands).drop(columns="statnaam"), y0, target, data_dir=root)
    p1 = carry_to(_municipal(y1, root, age_bands).drop(columns="statnaam"), y1, target, data_dir=root)
    t = (year - y0) / (y1 - y0)
    cols = [c for c in p1.columns if c != "statnaam"]
    est = p0[cols].astype(float) * (1 - t) + p1[cols].astype(float) * t
    out = pd.DataFrame(index=p1.index)
    out["statnaam"] = p1.get("statnaam", p1.index)
    total = largest_remainder(round(float(est["population"].sum())), est["population"])
    out["population"] = total
    if len(cols) > 1:  # age bands: apportion each region's estimated population over its bands
        bands = [c for c in cols if c != "population"]
        split = largest_remainder_rows(out["population"].astype("int64"), est.loc[out.index, bands].clip(lower=0))
        out[bands] = split[bands].astype("Int64")
    method = (f"linear interpolation between {y0} and {y1} (weight {t:.2f} on {y1}), both carried to the "
              f"{target} municipal division; national total rounded, regions by largest remainder",
              f"lineair geïnterpoleerd tussen {y0} en {y1} (gewicht {fmt_number(t, 2, 'nl')} op {y1}), beide "
              f"omgezet naar de gemeentelijke indeling van {target}; landelijk totaal afgerond, regio's naar "
              "grootste overschot")
    # the publications, CBS first; said once when both years come from one table
    sources = "; ".join(dict.fromkeys([str(p0.attrs.get("source", y0)), str(p1.attrs.get("source", y1))]))
    out = _finish(out, level="gemeente", year=year, division=target, source=sources, method=method)
    out.attrs["interpolated_between"] = (y0, y1)
    return out


def _extrapolated(year: int, root: str, division: int | None, age_bands: bool | str) -> pd.DataFrame:
    """Extend the trend of the last two municipal years to a later ``year``: an extrapolation, labelled as one.

    Rule: per municipality the straight line through the last two published
    years (both carried to one division, default the last year's) is extended
    to ``year`` and cut at zero; the national total is rounded and the
    municipalities get whole people by largest remainder. With ``age_bands``
    each municipality's extrapolated count is apportioned over the band
    shares of the last year (the same ``age_bands`` choice).
    """
    years = _pop.municipal_years(root)
    y0, y1 = years[-2], years[-1]
    target = y1 if division is None else int(division)
    if target < y1:
        raise UnknownYearError(f"Extrapolating {year} from {y0} and {y1} needs a division of {y1} or later, not "
                               f"{target} (counts cannot be carried backwards).",
                               key="data.extrapolation_division", year=year, y0=y0, y1=y1, target=target)
    p0 = carry_to(_municipal(y0, root, False)[["population"]], y0, target, data_dir=root)
    p1 = carry_to(_municipal(y1, root, False)[["population"]], y1, target, data_dir=root)
    t = (year - y0) / (y1 - y0)
    est = (p0["population"].astype(float) * (1 - t) + p1["population"].astype(float) * t).clip(lower=0)
    names = region_names("gemeente", target, data_dir=root)
    out = pd.DataFrame(index=p1.index)
    out["statnaam"] = [names.get(c, c) for c in out.index]
    out["population"] = largest_remainder(round(float(est.sum())), est).astype("int64")
    ages_attrs: dict[str, str] = {}
    if age_bands is not False:
        if target != y1:  # checked before the (slower) read of the bands
            raise UnknownYearError(f"Extrapolated age bands keep the band shares of {y1} in its own division; "
                                   f"leave the division out (not {target}).", key="data.extrapolated_bands_division",
                                   y1=y1, target=target)
        last = population("gemeente", y1, age_bands=age_bands, division=None, data_dir=root)
        bands = [c for c in last.columns if isinstance(c, str) and _BAND_RE.match(c)]
        shares = last.reindex(out.index)[bands].apply(pd.to_numeric, errors="coerce")
        without = out.index[shares.isna().any(axis=1) | (shares.sum(axis=1) <= 0)]
        if len(without):
            raise InputError(f"Municipalities without age bands in {y1}: {format_codes(without)}; their "
                             f"extrapolated count cannot be split over the bands (leave age_bands out).",
                             key="data.without_age_bands", y1=y1, codes=format_codes(without))
        split = largest_remainder_rows(out["population"].astype("int64"),
                                       last.loc[out.index, bands].astype(float).clip(lower=0))
        out[bands] = split[bands].astype("Int64")
        ages_attrs = {k: last.attrs[k] for k in ("ages", "ages_nl", "age_source") if k in last.attrs}
        if "ages" in ages_attrs:
            ages_attrs["ages"] += f", with the band shares of {y1} kept for the extrapolated {year}"
            ages_attrs["ages_nl"] += f", met de verdeling over de groepen van {y1} voor het geëxtrapoleerde {year}"
    method = (f"EXTRAPOLATION: the linear trend of {y0}-{y1} per municipality extended to {year}, "
              f"{year - y1} year{'s' if year - y1 != 1 else ''} past the last published year {y1} (both carried to "
              f"the {target} municipal division, cut at zero); national total rounded, regions by largest "
              "remainder; an extrapolation, not a count or a forecast",
              f"EXTRAPOLATIE: de lineaire trend van {y0}-{y1} per gemeente doorgetrokken naar {year}, "
              f"{year - y1} jaar na het laatst gepubliceerde jaar {y1} (beide omgezet naar de gemeentelijke indeling "
              f"van {target}, niet onder nul); landelijk totaal afgerond, regio's naar grootste overschot; een "
              "extrapolatie, geen telling of prognose")
    sources = "; ".join(dict.fromkeys([str(p0.attrs.get("source", y0)), str(p1.attrs.get("source", y1))]))  # once
    out = _finish(out, level="gemeente", year=year, division=target, source=sources, method=method)
    out.attrs.update({"extrapolated_from": (y0, y1), "extrapolation": True, **ages_attrs})
    return out


def _past_the_last_year(lvl: str, year: int, root: str) -> UnknownYearError:
    """Make the error for a year after the last population table: it names the last year and the option."""
    years = _pop.municipal_years(root)
    return UnknownYearError(
        f"No population for {lvl} {year}. Years available: {', '.join(map(str, years))}; the last is {years[-1]}, "
        "and regio does not extrapolate unless asked. Use extrapolate=True (command line: regio population "
        f"--extrapolate) to extend the trend of {years[-2]}-{years[-1]} to {year}, labelled an extrapolation; or "
        f"a year up to {years[-1]}.", key="data.past_the_last_year", level=lvl, year=year,
        known=", ".join(map(str, years)), last=years[-1], before=years[-2]
    )


def _single_year_error(what: str, only: int, year: int, *, level: str, source: str) -> UnknownYearError:
    """Make the error for a level whose population exists for one year only, saying which year to ask for.

    The suggestion is also kept as ``suggestion`` on the error, so that a
    caller for whom ``--year`` means something else (the counts' year of
    ``regio density``) can leave it out.

    Examples
    --------
    >>> err = _single_year_error("Wijk population exists for 2022 only", 2022, 2024, level="wijk", source="CBS")
    >>> str(err)
    'Wijk population exists for 2022 only, not 2024. Use year 2022 (`--year 2022` on the command line).'
    >>> str(err).replace(err.suggestion, "")
    'Wijk population exists for 2022 only, not 2024.'
    """
    suggestion = f" Use year {only} (`--year {only}` on the command line)."
    err = UnknownYearError(f"{what}, not {year}.{suggestion}", key="data.single_year", level=level, source=source,
                           only=only, year=year)
    err.suggestion = suggestion
    return err


def population(
    level: str,
    year: int,
    *,
    interpolate: bool = False,
    division: int | None = None,
    age_bands: bool | str = False,
    extrapolate: bool = False,
    data_dir: PathLike = None,
) -> pd.DataFrame:
    """Inhabitants per region of ``level`` on 1 January of ``year``.

    Municipal counts are summed to higher levels through :func:`membership`;
    where a level has an official CBS total for a year without municipal
    counts (StatLine 70072ned pages), that total is used.

    Parameters
    ----------
    level
        Any level; ``pc4`` (2021) and ``wijk`` (2022) have their own tables.
    year
        Reference year (1 January).
    interpolate
        When the municipal year is missing, interpolate linearly between the
        nearest years before and after, both carried to one municipal division
        (``division``, default the later year). Never done unless asked.
    division
        Municipal division for interpolated counts.
    age_bands
        Add counts per age band where the source has them (CBS five bands from
        rounded percentages, apportioned to add up; PC4: 5-year bands).
        ``True`` or ``"kerncijfers"``: the kerncijfers of ``year`` (with
        ``interpolate``, their shares interpolated between the nearest years).
        ``"2020"``: the municipal 10-year bands of 1 January 2020
        (:func:`age_structure`) carried to the division of ``year`` (2020 or
        later), regrouped into the five CBS bands by :func:`split_bands` and the
        published population of ``year`` apportioned over their shares.
        ``"national"``: the national age profile for every municipality.
        ``"auto"``: the kerncijfers of ``year``, else (with ``interpolate``)
        their interpolated shares, else the 2020 structure, else the national
        profile. ``attrs["ages"]`` (``ages_nl``) says which was used,
        ``attrs["age_source"]`` is ``kerncijfers``, ``interpolated``, ``2020``
        or ``national``.
    extrapolate
        For a year after the last municipal year (2024): extend the linear
        trend of the last two years per municipality (carried to one division)
        to ``year``. Never done unless asked; ``attrs["method"]`` starts with
        "EXTRAPOLATION" (``method_nl``: "EXTRAPOLATIE") and
        ``attrs["extrapolation"]`` is True. Without it such a year is an error
        naming the last year and this option.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode``: ``statnaam``, ``population`` (whole numbers)
        and age band columns; ``attrs`` has ``source``, ``method``,
        ``division``.

    Raises
    ------
    UnknownYearError
        Naming the years available and the interpolation option, or, past
        the last year, that year and the extrapolation option.
    DataNotFoundError
        If the data directory has no municipal population (or no age bands
        for the year asked).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gm = population("gemeente", 2024)
    >>> len(gm), int(gm["population"].sum()), gm.attrs["method"]
    (342, 17942942, 'as published')
    >>> population("provincie", 2023).attrs["source"]  # CBS 37259eng: every year 2012-2024
    'CBS 37259eng (via ValenteMendez/population-dynamics-netherlands)'
    >>> population("gemeente", 2030)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownYearError: No population for gemeente 2030. Years available: ...; the last is 2024, ...
    >>> ext = population("gemeente", 2026, extrapolate=True)
    >>> int(ext["population"].sum()), ext.attrs["method"].split(":")[0], ext.attrs["extrapolated_from"]
    (18206244, 'EXTRAPOLATION', (2023, 2024))
    """
    lvl = get_level(level).name
    root = _root(data_dir)
    year = int(year)
    if lvl == "pc4":
        if year != 2021:
            raise _single_year_error("PC4 population exists for 2021 only (CBS 83502NED)", 2021, year, level="PC4",
                                     source="CBS 83502NED")
        out = _pop.read_pc4_population(data_dir=root)
        if not age_bands:
            out = out[["statnaam", "population"]]
        return _finish(out, level=lvl, year=year, division=None, source=out.attrs["source"], method=_AS_PUBLISHED)
    if lvl == "wijk":
        if year != 2022:
            raise _single_year_error("Wijk population exists for 2022 only (CBS kerncijfers wijken en buurten)",
                                     2022, year, level="wijk", source="CBS kerncijfers wijken en buurten")
        out = _pop.read_wijk_population(data_dir=root)
        return _finish(out, level=lvl, year=year, division=None, source=out.attrs["source"], method=_AS_PUBLISHED)
    if not _pop.municipal_years(root):
        raise DataNotFoundError(f"No municipal population in {Path(root) / 'tables'}. {no_data_hint(root)}",
                                key="data.no_municipal_population", root=root,
                                hint=no_data_hint(root))
    if year > _pop.municipal_years(root)[-1] and (lvl == "gemeente" or _regional_table(lvl, year, root) is None):
        if not extrapolate:
            raise _past_the_last_year(lvl, year, root)
        return _summed(_extrapolated(year, root, division, age_bands), lvl, year, root)
    if age_bands is not False and age_bands is not True:
        choice = _age_choice(age_bands, year, root, interpolate)
        if choice in ("2020", "national") and year in _pop.municipal_years(root):
            return _summed(_bands_from_structure(year, root, choice), lvl, year, root)
        age_bands = True
    published = None if age_bands or interpolate else _register_table(lvl, year, root)
    if published is not None:
        return _finish(published, level=lvl, year=year, division=year, source=published.attrs["source"],
                       method=_AS_PUBLISHED)
    if age_bands and interpolate and year in _pop.municipal_years(root) and year not in _pop.age_band_years(root):
        gm = _bands_of_a_published_year(year, root, division)
    elif year in _pop.municipal_years(root):
        gm = _municipal(year, root, age_bands)
    elif lvl != "gemeente" and not interpolate:
        table = None if age_bands else _regional_table(lvl, year, root)
        if table is not None:
            return _finish(table, level=lvl, year=year, division=None, source=table.attrs["source"],
                           method=("as published (regional table)", "zoals gepubliceerd (regionale tabel)"))
        regional = sorted(set(population_years(lvl, data_dir=root)) - set(_pop.municipal_years(root)))
        by_age = InputError(" by age band", key="data.part.by_age_band") if age_bands else ""
        also = InputError(f"; published {lvl} totals (without age bands) also for {', '.join(map(str, regional))}",
                          key="data.part.published_totals", level=lvl, years=", ".join(map(str, regional))) \
            if regional else ""
        raise UnknownYearError(
            f"No population for {lvl} {year}{by_age}. Municipal years (summed to any level): "
            f"{', '.join(map(str, _pop.municipal_years(root)))}{also}. Use interpolate=True (command line: "
            "--interpolate) to interpolate linearly between the nearest municipal years, carried to one division.",
            key="data.no_level_population", level=lvl, year=year, by_age=by_age,
            known=", ".join(map(str, _pop.municipal_years(root))), also=also)
    elif interpolate:
        gm = _interpolated(year, root, division, age_bands)
    else:
        gm = _municipal(year, root, age_bands)
    return _summed(gm, lvl, year, root)


def _summed(gm: pd.DataFrame, lvl: str, year: int, root) -> pd.DataFrame:
    """Sum municipal counts to ``lvl`` by the membership of their division, keeping where the age bands came from."""
    if lvl == "gemeente":
        return gm
    div = gm.attrs["division"]
    members = membership(div, levels=[lvl], data_dir=root)
    out = geography.aggregate(gm.drop(columns="statnaam"), members[lvl])
    out = out.astype({c: "int64" for c in out.columns if out[c].notna().all()})
    names = region_names(lvl, div, data_dir=root)
    out.insert(0, "statnaam", out.index.map(lambda c: names.get(c, c)))
    out = _finish(out, level=lvl, year=year, division=div, source=gm.attrs["source"],
                  method=(f"{gm.attrs['method']}; summed from municipalities ({members.attrs['sources'][lvl]})",
                          f"{gm.attrs['method_nl']}; opgeteld uit gemeenten ({members.attrs['sources_nl'][lvl]})"))
    out.attrs.update({k: gm.attrs[k] for k in ("ages", "ages_nl", "age_source") if k in gm.attrs})
    return out


def method_text(attrs: Mapping, lang: str) -> str:
    """Return the method text of a frame from :func:`population` in ``lang`` (``method_nl`` for Dutch).

    Examples
    --------
    >>> method_text({"method": "as published", "method_nl": "zoals gepubliceerd"}, "nl")
    'zoals gepubliceerd'
    >>> method_text({"method": "as published"}, "nl")
    'as published'
    """
    if lang == "nl":
        return str(attrs.get("method_nl") or attrs.get("method", ""))
    return str(attrs.get("method", ""))


def published_or_interpolated(level: str, year: int, *, interpolate: bool = True, age_bands: bool | str = False,
                              data_dir: PathLike = None) -> pd.DataFrame:
    """Inhabitants of ``level`` on 1 January ``year`` as published, else interpolated (when ``interpolate``).

    The level's own table of the year when there is one (:func:`population`,
    also a CBS total of a province without municipal counts), else linearly
    interpolated between the nearest municipal years.

    Raises
    ------
    UnknownYearError
        If the year has no table and ``interpolate`` is off, or it cannot be interpolated.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> published_or_interpolated("provincie", 2023).attrs["method"]  # CBS 37259eng
    'as published'
    >>> published_or_interpolated("gemeente", 2023, age_bands=True).attrs["method"].split(";")[1]
    " age bands' shares interpolated linearly between 2022 and 2024, ..."
    """
    if not isinstance(age_bands, bool):  # "auto" & co.: with interpolate, the kerncijfers' interpolated shares first
        choice = _age_choice(age_bands, int(year), _root(data_dir), interpolate)
        age_bands = True if choice == "kerncijfers" else choice
    try:
        return population(level, year, age_bands=age_bands, data_dir=data_dir)
    except UnknownYearError:
        if not interpolate:
            raise
    return population(level, year, age_bands=age_bands, interpolate=True, data_dir=data_dir)


def counts_population(
    level: str,
    year: int,
    *,
    division: int,
    membership: pd.Series | None = None,
    data_dir: PathLike = None,
) -> pd.DataFrame:
    """Inhabitants on 1 January ``year`` per region, to set counts of that moment against.

    For a CBS level (``provincie``, ``ggdregio``, ...) as ``regio density``
    takes them: the level's table of ``year``, else interpolated between the
    nearest years (:func:`regio.population`). For municipalities and groupings
    of them (``membership``: municipality of ``division`` -> region, e.g.
    institute areas or an own grouping) the municipal counts of ``year`` in the
    municipal ``division`` (carried with :func:`regio.carry_to`, or
    interpolated into it), summed by ``membership``.

    Parameters
    ----------
    level
        Level name (a CBS level, ``gemeente``, or a label of the grouping).
    year
        The 1 January of the inhabitants (see :func:`regio.density.population_year`).
    division
        Municipal division of the regions.
    membership
        Municipality -> region for a grouping; None for a CBS level.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        ``population`` per region; ``attrs``: ``year``, ``source``, ``method``, ``method_nl``.

    Raises
    ------
    UnknownYearError
        If ``year`` has no population and cannot be interpolated.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> prov = counts_population("provincie", 2019, division=2024)  # CBS 37259eng, as published
    >>> int(prov.loc["PV21", "population"]), prov.attrs["method"].split(" (")[0]
    (647672, 'as published')
    >>> gm = counts_population("gemeente", 2022, division=2024)  # carried to the 2024 division
    >>> int(gm.loc["GM1992", "population"]), gm.attrs["method"]
    (73238, 'as published; carried to the 2024 division')
    """
    year, division = int(year), int(division)
    if membership is None and level in LEVELS and level != "gemeente":
        out = published_or_interpolated(level, year, data_dir=data_dir)[["population"]].copy()
        out.attrs = {**out.attrs, "year": year}
        return out
    if year in population_years("gemeente", data_dir=data_dir):
        gm = population("gemeente", year, data_dir=data_dir)
        attrs = dict(gm.attrs)
        if year != division:
            gm = carry_to(gm[["population"]], year, division, data_dir=data_dir)
            attrs["method"] = f"{attrs.get('method', '')}; carried to the {division} division"
            attrs["method_nl"] = f"{method_text(attrs, 'nl')}; overgezet naar de indeling van {division}"
    else:
        gm = population("gemeente", year, interpolate=True, division=division, data_dir=data_dir)
        attrs = dict(gm.attrs)
    out = gm[["population"]] if membership is None else geography.aggregate(gm[["population"]], membership)
    out = out.astype({"population": "int64"}) if out["population"].notna().all() else out
    if membership is not None:
        attrs["method"] = f"{attrs.get('method', '')}; summed from municipalities"
        attrs["method_nl"] = f"{method_text(attrs, 'nl')}; opgeteld uit gemeenten"
    out.attrs = {"year": year, "source": attrs.get("source", ""), "method": attrs.get("method", ""),
                 "method_nl": method_text(attrs, "nl")}
    return out
