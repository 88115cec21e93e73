"""Read population counts from the data directory.

Sources (all CBS counts of inhabitants on 1 January):

* ``tables/population_gemeente_timeseries.csv`` -- municipal totals per year,
  each year in its own municipal division (columns ``year, statcode,
  statnaam, population, source``); ``regio data fetch`` adds years to it;
* the municipal kerncijfers of a year (``tables/kerncijfers_gemeente_{year}.csv``
  or the attributes of ``boundaries/gemeente_2014.geojson``) for five age
  bands, published as rounded percentages;
* ``tables/population_gemeente_agebands10_2020.csv`` -- municipalities of the
  2020 division with 10-year age bands on 1 January 2020 (each municipality's
  total equals CBS 37259eng);
* ``tables/population_pc4_age5_certegis.csv`` -- PC4 areas with 5-year age
  bands (CBS 83502NED, 1 January 2021);
* ``boundaries/wijk_2022.geojson`` -- wijken 2022;
* ``tables/population_region_cbs_statline_pages.csv`` -- CBS 70072ned totals for
  provinces, landsdelen and the country in some years.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from regio.errors import DataNotFoundError, format_codes
from regio.sources._files import read_table, require_data_dir
from regio.validate import check_unique_codes, to_numeric

__all__ = [
    "AGE_BANDS_5",
    "AGE_BANDS_10",
    "AGE_BANDS_CBS",
    "AGE_STRUCTURE_YEAR",
    "age_band_years",
    "age_structure_stamp",
    "age_structure_years",
    "cbs_first",
    "dutch_register_name",
    "municipal_years",
    "read_age_percentages",
    "read_age_structure",
    "read_municipal_population",
    "read_pc4_population",
    "read_register_population",
    "read_statline_population",
    "read_wijk_population",
    "read_year_end_population",
]

TIMESERIES = ("tables", "population_gemeente_timeseries.csv")
STATLINE = ("tables", "population_region_cbs_statline_pages.csv")
REGISTER = ("tables", "population_regions_1jan_2012_2024_cbs37259eng.csv")
#: How the register table is cited (CBS first, the copy second).
REGISTER_SOURCE = "CBS 37259eng (via ValenteMendez/population-dynamics-netherlands)"
PC4_AGE = ("tables", "population_pc4_age5_certegis.csv")
#: The year of the municipal 10-year age bands.
AGE_STRUCTURE_YEAR = 2020
AGE_STRUCTURE = ("tables", f"population_gemeente_agebands10_{AGE_STRUCTURE_YEAR}.csv")

#: The five age bands of the CBS kerncijfers, as regio names them.
AGE_BANDS_CBS = ("age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65plus")
#: Five-year bands of the PC4 table.
AGE_BANDS_5 = (*(f"age_{a}_{a + 4}" for a in range(0, 95, 5)), "age_95plus")
#: Ten-year bands of the municipal age structure of 2020.
AGE_BANDS_10 = (*(f"age_{a}_{a + 9}" for a in range(0, 90, 10)), "age_90plus")


@dataclass(frozen=True)
class _AgeSource:
    parts: tuple[str, ...]
    code: str
    columns: tuple[str, ...]  # in the order of AGE_BANDS_CBS


_AGE_SOURCES = {
    2014: _AgeSource(("boundaries", "gemeente_2014.geojson"), "statcode",
                     ("pop_0_14", "pop_15_24", "pop_25_44", "pop_45_64", "pop_65plus")),
    2015: _AgeSource(("tables", "kerncijfers_gemeente_2015.csv"), "gemeentecode",
                     tuple(f"percentage_personen_{b}" for b in ("0_tot_15_jaar", "15_tot_25_jaar",
                           "25_tot_45_jaar", "45_tot_65_jaar", "65_jaar_en_ouder"))),
    2017: _AgeSource(("tables", "kerncijfers_gemeente_2017.csv"), "statcode",
                     ("p_00_14_jr", "p_15_24_jr", "p_25_44_jr", "p_45_64_jr", "p_65_eo_jr")),
    2022: _AgeSource(("tables", "kerncijfers_gemeente_2022.csv"), "statcode",
                     ("pop_0_14", "pop_15_24", "pop_25_44", "pop_45_64", "pop_65plus")),
    2024: _AgeSource(("tables", "kerncijfers_gemeente_2024.csv"), "gemeentecode",
                     tuple(f"percentage_personen_{b}" for b in ("0_tot_15_jaar", "15_tot_25_jaar",
                           "25_tot_45_jaar", "45_tot_65_jaar", "65_jaar_en_ouder"))),
}


def _stamp(path: Path) -> tuple[str, float, int]:
    st = path.stat()
    return str(path), st.st_mtime, st.st_size


@functools.lru_cache(maxsize=8)
def _timeseries(path: str, mtime: float, size: int) -> pd.DataFrame:
    raw = read_table(path)
    src = Path(path).name
    need = {"year", "statcode", "population"}
    if not need <= set(raw.columns):
        from regio.errors import InputError

        raise InputError(f"{path}: needs columns {sorted(need)}, has {list(raw.columns)}.",
                         key="sources.needs_columns", path=path, need=sorted(need), has=list(raw.columns))
    out = pd.DataFrame({
        "year": to_numeric(raw["year"], column="year", source=src, integer=True).astype(int),
        "statcode": raw["statcode"].str.strip(),
        "statnaam": raw.get("statnaam", raw["statcode"]).map(dutch_register_name),
        "population": to_numeric(raw["population"], column="population", source=src,
                                 integer=True, codes=raw["statcode"]).astype("int64"),
        "source": raw.get("source", pd.Series(src, index=raw.index)),
    })
    return out


#: CBS 37259eng's English labels that differ from the Dutch name (after the suffixes are removed).
_REGISTER_NAMES = {"The Hague": "'s-Gravenhage", "s-Hertogenbosch": "'s-Hertogenbosch",
                   "The Netherlands": "Nederland"}


def dutch_register_name(name: str) -> str:
    """Return the Dutch name of a region labelled in English in CBS 37259eng.

    The English table disambiguates with suffixes (``(PV)``, ``(CR)``,
    ``(LD)``, ``Municipality``, ``Province``) and translates two names.

    Examples
    --------
    >>> [dutch_register_name(n) for n in ("Groningen Municipality", "Utrecht Province (PV)", "The Hague",
    ...                                   "s-Hertogenbosch", "Fryslân (PV)", "Groot-Amsterdam (CR)")]
    ['Groningen', 'Utrecht', "'s-Gravenhage", "'s-Hertogenbosch", 'Fryslân', 'Groot-Amsterdam']
    """
    out = str(name).strip()
    for suffix in (" (PV)", " (CR)", " (LD)", " Municipality", " Province"):
        out = out.removesuffix(suffix)
    return _REGISTER_NAMES.get(out, out)


@functools.lru_cache(maxsize=4)
def _register(path: str, mtime: float, size: int) -> pd.DataFrame:
    from regio.errors import InputError

    raw = read_table(path)
    src = Path(path).name
    need = ["level", "statcode", "year", "population_total"]
    missing = [c for c in need if c not in raw.columns]
    if missing:
        absent, has = ", ".join(missing), ", ".join(raw.columns)
        raise InputError(f"{path}: missing column(s) {absent} (has {has}); "
                         "expected the CBS 37259eng export with columns level, statcode, year, population_total.",
                         key="sources.population.register_columns", path=path, missing=absent, has=has)
    for col in ("year", "population_total"):
        bad = pd.to_numeric(raw[col], errors="coerce")
        bad = bad.isna() | (bad % 1 != 0)
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            value, code = raw[col].iloc[i], raw["statcode"].iloc[i]
            raise InputError(f"{path}, row {i + 2}, column {col}: {value!r} is not a whole number "
                             f"({code}); fix or remove the row.", key="sources.population.not_whole",
                             path=path, row=i + 2, column=col, value=value, code=code)
    out = pd.DataFrame({
        "level": raw["level"].str.strip(),
        "year": pd.to_numeric(raw["year"]).astype(int),
        "statcode": raw["statcode"].str.strip(),
        "statnaam": raw.get("statnaam", raw["statcode"]).map(dutch_register_name),
        "population": pd.to_numeric(raw["population_total"]).astype("int64"),
        "source": REGISTER_SOURCE,
    })
    dup = out.duplicated(["year", "statcode"], keep=False)
    if dup.any():
        i = int(dup.to_numpy().nonzero()[0][0])
        code, year = out["statcode"].iloc[i], out["year"].iloc[i]
        raise InputError(f"{src}, row {i + 2}, column statcode: {code} appears twice in "
                         f"{year}; keep one row per code and year.", key="sources.population.code_year_twice",
                         path=src, row=i + 2, code=code, year=year)
    return out


def read_register_population(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the CBS 37259eng population on 1 January 2012-2024 of every region.

    The rows of 2024 are CBS's population on 31 December 2023 (the same
    count as 1 January 2024, in the 2023 division, which equals that of 2024);
    each other year is in its own municipal division. Names are CBS's English
    labels: use the codes.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Columns ``level`` (gemeente, provincie, corop, landsdeel, land),
        ``year``, ``statcode``, ``statnaam``, ``population`` (int64),
        ``source``. Empty if the file is absent.

    Raises
    ------
    DataNotFoundError
        If the data directory is missing.
    InputError
        If a column is missing, a year or count is not a whole number, or a
        code appears twice in a year (naming file, row and column).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> reg = read_register_population()
    >>> gm = reg[(reg["level"] == "gemeente") & (reg["year"] == 2013)]
    >>> len(gm), int(gm["population"].sum())
    (408, 16779575)
    """
    path = require_data_dir(data_dir).joinpath(*REGISTER)
    if not path.is_file():
        return pd.DataFrame(columns=["level", "year", "statcode", "statnaam", "population", "source"])
    return _register(*_stamp(path)).copy()


@functools.lru_cache(maxsize=4)
def _year_end(path: str, mtime: float, size: int) -> pd.DataFrame:
    raw = read_table(path)
    cols = ["year", "statcode", "population"]
    if not {"level", "statcode", "year", "population_31dec"} <= set(raw.columns):
        return pd.DataFrame(columns=cols)
    raw = raw[raw["level"].str.strip() == "gemeente"]
    src = Path(path).name
    count = pd.to_numeric(raw["population_31dec"], errors="coerce")
    # A year whose "31 December" equals its 1 January in every municipality is no year end: the table's
    # rows of 2024 hold CBS's 31 December 2023 in both columns.
    same = (count == pd.to_numeric(raw["population_total"], errors="coerce")).groupby(raw["year"]).transform("all")
    keep = count.notna() & ~same
    raw, count = raw[keep], count[keep]
    return pd.DataFrame({
        "year": to_numeric(raw["year"], column="year", source=src, integer=True).astype(int).to_numpy(),
        "statcode": raw["statcode"].str.strip().to_numpy(),
        "population": to_numeric(count, column="population_31dec", source=src, integer=True,
                                 codes=raw["statcode"]).astype("int64").to_numpy(),
    })


def read_year_end_population(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the CBS 37259eng municipal population on 31 December of each year, in that year's division.

    A municipal merger takes effect on 1 January: the people counted on 31
    December in the old municipalities are those counted on 1 January in the
    new one. Set against the next year's 1 January counts, these year-end
    counts show exactly how many people each municipality that disappears
    passed on (see :func:`regio.geography.derive_step`).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (the year whose 31 December it is, counted in that
        year's division), ``statcode``, ``population`` (int64). Empty if the
        file or its column ``population_31dec`` is absent. The table's rows of
        2024 (already CBS's 31 December 2023) are left out.

    Raises
    ------
    DataNotFoundError
        If the data directory is missing.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> end = read_year_end_population().query("year == 2015").set_index("statcode")["population"]
    >>> int(end[["GM0381", "GM0424", "GM0425"]].sum())  # Bussum, Muiden, Naarden on 31 December 2015
    56696
    >>> int(read_municipal_population(2016).loc["GM1942", "population"])  # Gooise Meren on 1 January 2016
    56696
    """
    path = require_data_dir(data_dir).joinpath(*REGISTER)
    if not path.is_file():
        return pd.DataFrame(columns=["year", "statcode", "population"])
    return _year_end(*_stamp(path)).copy()


def _series(data_dir) -> pd.DataFrame:
    """Municipal counts per year: the register table (37259eng) first, then the time series.

    One rule when two files give a year: the CBS register table 37259eng is
    used and the kerncijfers-based time series only for years it lacks (its
    2014 is rounded to 5).
    """
    root = require_data_dir(data_dir)
    path = root.joinpath(*TIMESERIES)
    reg = read_register_population(data_dir=root)
    reg = reg[reg["level"] == "gemeente"].drop(columns="level")
    if not path.is_file():
        if reg.empty:
            raise DataNotFoundError(f"Missing municipal population table {path}.",
                                    key="sources.population.no_municipal_table", path=path)
        return reg.reset_index(drop=True)
    ts = _timeseries(*_stamp(path))
    if reg.empty:  # no register table: the time series alone (an empty frame would make every column object)
        return ts.copy()
    ts = ts[~ts["year"].isin(set(reg["year"]))]
    return pd.concat([reg, ts], ignore_index=True)


def municipal_years(data_dir: str | Path | None = None) -> list[int]:
    """List the years with municipal population in the data directory.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    list of int
        Years of the CBS 37259eng table and of
        ``tables/population_gemeente_timeseries.csv``, sorted; empty
        when the data directory or the file is missing.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> municipal_years()  # CBS 37259eng: every year 2012-2024
    [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
    >>> municipal_years("/no/such/folder")
    []
    """
    try:
        return sorted(_series(data_dir)["year"].unique().tolist())
    except DataNotFoundError:
        return []


def read_municipal_population(year: int, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the municipal population of ``year`` in that year's division.

    Parameters
    ----------
    year
        Year; the counts are of 1 January.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode``; columns ``statnaam``, ``population`` (int64).
        ``attrs["source"]`` describes the source. Empty if the year is absent.

    Raises
    ------
    DataNotFoundError
        If the data directory or the time series file is missing.
    InputError
        If the file lacks a column, holds a count that is not a whole number,
        or lists a code twice in the year.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gm = read_municipal_population(2024)
    >>> len(gm), int(gm["population"].sum())
    (342, 17942942)
    >>> gm.loc["GM0363", "statnaam"], int(gm.loc["GM0363", "population"])
    ('Amsterdam', 931298)
    >>> read_municipal_population(2011).empty
    True
    """
    ts = _series(data_dir)
    sub = ts[ts["year"] == int(year)]
    check_unique_codes(sub["statcode"], source=f"{TIMESERIES[1]} ({year})")
    out = sub.set_index("statcode")[["statnaam", "population"]]
    out.attrs["source"] = "; ".join(sorted({cbs_first(x) for x in sub["source"]})) or TIMESERIES[1]
    return out


def cbs_first(source: str) -> str:
    """Name the CBS table first and the copy it was read from second.

    The data directory records where each number was read (a public mirror)
    with the CBS publication in brackets; maps and notes cite the publisher.

    Parameters
    ----------
    source
        ``"mirror (CBS title)"`` as in the ``source`` column of the population table.

    Returns
    -------
    str
        ``"CBS title (via mirror)"``; other texts unchanged.

    Examples
    --------
    >>> cbs_first("mapNL gem_2017 (CBS wijk- en buurtkaart 2017)")
    'CBS wijk- en buurtkaart 2017 (via mapNL gem_2017)'
    >>> cbs_first("CBS 70072ned")
    'CBS 70072ned'
    """
    match = re.fullmatch(r"(.+?) \((CBS [^()]+)\)", str(source).strip())
    return f"{match[2]} (via {match[1]})" if match else str(source)


def age_band_years(data_dir: str | Path | None = None) -> list[int]:
    """Years with municipal age bands in the data directory.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    list of int
        Sorted years whose kerncijfers file (with the five CBS age bands) is present.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> age_band_years()
    [2014, 2015, 2017, 2022, 2024]
    """
    try:
        root = require_data_dir(data_dir)
    except DataNotFoundError:
        return []
    return sorted(y for y, spec in _AGE_SOURCES.items() if root.joinpath(*spec.parts).is_file())


def read_age_percentages(year: int, *, data_dir: str | Path | None = None) -> pd.DataFrame | None:
    """Municipal shares of the five CBS age bands, as CBS publishes them: whole percentages.

    The percentages need not add to 100; :func:`regio.population` (with
    ``age_bands=True``) apportions each municipality's population over them.

    Parameters
    ----------
    year
        Year of the kerncijfers: 2014, 2015, 2017, 2022 or 2024.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame or None
        Indexed by ``statcode``, columns :data:`AGE_BANDS_CBS` (floats, NaN
        where a municipality has none); ``attrs["source"]`` names the file.
        ``None`` when no age table exists for ``year``.

    Raises
    ------
    DataNotFoundError
        If the data directory is missing.
    InputError
        If a percentage is not a number.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> pct = read_age_percentages(2024)
    >>> pct.columns.tolist()
    ['age_0_14', 'age_15_24', 'age_25_44', 'age_45_64', 'age_65plus']
    >>> pct.loc["GM0014"].tolist()  # Groningen
    [12.0, 22.0, 30.0, 20.0, 15.0]
    >>> read_age_percentages(2023) is None
    True
    """
    spec = _AGE_SOURCES.get(int(year))
    if spec is None:
        return None
    path = require_data_dir(data_dir).joinpath(*spec.parts)
    if not path.is_file():
        return None
    if path.suffix == ".geojson":
        import geopandas as gpd

        raw = pd.DataFrame(gpd.read_file(path).drop(columns="geometry")).astype(str)
    else:
        raw = read_table(path)
    pct = pd.DataFrame({
        band: to_numeric(raw[col], column=col, source=path.name, codes=raw[spec.code])
        for band, col in zip(AGE_BANDS_CBS, spec.columns, strict=True)
    })
    pct.index = raw[spec.code].str.strip()
    pct.attrs["source"] = path.name
    return pct


@functools.lru_cache(maxsize=2)
def _pc4(path: str, mtime: float, size: int) -> pd.DataFrame:
    raw = read_table(path)
    src = Path(path).name
    # CBS suppresses the counts of a few (nearly) uninhabited PC4 areas: all bands empty. Missing is not zero:
    # those areas get NaN and are listed in attrs["suppressed"].
    counts = to_numeric(raw["inwoners"], column="inwoners", source=src, integer=True, codes=raw["pc4"],
                        allow_missing=True)
    band = "age_" + raw["leeftijd"].str.replace("-", "_", regex=False).str.replace("+", "plus", regex=False)
    table = pd.DataFrame({"pc4": raw["pc4"].str.strip().str.zfill(4), "band": band, "n": counts})
    wide = table.groupby(["pc4", "band"])["n"].sum(min_count=1).unstack("band")
    wide = wide.reindex(columns=list(AGE_BANDS_5)).astype("Int64")
    wide.index.name = "statcode"
    partial = wide.isna().any(axis=1) & wide.notna().any(axis=1)
    if partial.any():
        from regio.errors import InputError

        codes = format_codes(wide.index[partial])
        raise InputError(f"{src}: some but not all age bands are missing for PC4 {codes}.",
                         key="sources.population.pc4_bands_partial", path=src, codes=codes)
    wide.attrs["suppressed"] = wide.index[wide.isna().all(axis=1)].tolist()
    return wide


def pc4_population_path(*, data_dir: str | Path | None = None) -> Path | None:
    """Return the path of the PC4 population table, or ``None`` when the data directory has none.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pathlib.Path or None
    """
    path = require_data_dir(data_dir).joinpath(*PC4_AGE)
    return path if path.is_file() else None


def read_pc4_population(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the PC4 population on 1 January 2021 with 5-year age bands (CBS 83502NED).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Indexed by 4-digit ``statcode``; ``statnaam`` (the code), ``population``
        (sum of the bands) and the columns :data:`AGE_BANDS_5` (nullable
        integers). Areas whose counts CBS suppressed have missing values (not
        zero) and are listed in ``attrs["suppressed"]``.

    Raises
    ------
    DataNotFoundError
        If the data directory or the PC4 table is missing.
    InputError
        If a count is not a whole number, or an area has some bands but not all.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> pc4 = read_pc4_population()
    >>> len(pc4), len(pc4.attrs["suppressed"])
    (4074, 15)
    >>> pc4.loc["1011", ["population", "age_0_4", "age_95plus"]].tolist()
    [9630, 275, 10]
    >>> pc4.loc[pc4.attrs["suppressed"][0], "population"]  # suppressed: missing, not zero
    <NA>
    """
    path = require_data_dir(data_dir).joinpath(*PC4_AGE)
    if not path.is_file():
        raise DataNotFoundError(f"Missing PC4 population table {path}.", key="sources.population.no_pc4_table",
                                path=path)
    cached = _pc4(*_stamp(path))
    wide = cached.copy()
    out = pd.concat([
        pd.Series(wide.index, index=wide.index, name="statnaam"),
        wide.sum(axis=1, min_count=1).rename("population"),
        wide,
    ], axis=1)
    out.attrs["source"] = f"{PC4_AGE[1]} (CBS 83502NED, 1 January 2021)"
    out.attrs["suppressed"] = list(cached.attrs["suppressed"])
    return out


def read_wijk_population(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the wijk population on 1 January 2022 from ``boundaries/wijk_2022.geojson``.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode`` (``WK036300`` ...); ``statnaam`` and
        ``population`` (nullable integers). ``attrs["source"]`` names the file.

    Raises
    ------
    DataNotFoundError, UnknownYearError
        If the data directory or the wijk boundaries of 2022 are missing.
    InputError
        If a count is not a whole number.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> wijk = read_wijk_population()
    >>> len(wijk), int(wijk["population"].sum())
    (3340, 17588925)
    >>> wijk.loc["WK036300", "statnaam"], int(wijk.loc["WK036300", "population"])
    ('Burgwallen-Oude Zijde', 4550)
    """
    from regio.sources.boundaries import read_raw_boundaries

    raw = read_raw_boundaries("wijk", 2022, data_dir=data_dir)
    src = "boundaries/wijk_2022.geojson"
    pop = to_numeric(raw["population"].astype("string"), column="population", source=src,
                     integer=True, allow_missing=True, codes=raw["statcode"])
    out = pd.DataFrame({"statnaam": raw["statnaam"].to_numpy(), "population": pop.astype("Int64").to_numpy()},
                       index=pd.Index(raw["statcode"].astype(str), name="statcode"))
    out.attrs["source"] = src
    return out


def read_statline_population(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return regional totals transcribed from CBS StatLine pages (70072ned).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Columns ``year, statcode, statnaam, population, source`` for the rows
        measuring the total population on 1 January (one row per year and
        code). Empty if the file is absent.

    Raises
    ------
    DataNotFoundError
        If the data directory is missing.
    InputError
        If a value is not a whole number.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> totals = read_statline_population()
    >>> nl = totals[totals["statcode"] == "NL01"].sort_values("year")
    >>> nl[["year", "population"]].to_numpy().tolist()
    [[2018, 17181084], [2019, 17282163], [2020, 17407585], [2021, 17475415], [2023, 17815508], [2024, 17947684]]
    >>> sorted(set(totals["statcode"].str[:2]))  # the country, landsdelen, provinces, COROP areas
    ['CR', 'LD', 'NL', 'PV']
    """
    path = require_data_dir(data_dir).joinpath(*STATLINE)
    cols = ["year", "statcode", "statnaam", "population", "source"]
    if not path.is_file():
        return pd.DataFrame(columns=cols)
    raw = read_table(path)
    keep = raw["measure"].str.startswith("Totale bevolking op 1 januari") & raw["period"].str.endswith("-01-01")
    raw = raw[keep]
    out = pd.DataFrame({
        "year": raw["period"].str[:4].astype(int),
        "statcode": raw["region_code"].str.strip(),
        "statnaam": raw["region_name"].str.strip(),
        "population": to_numeric(raw["value"], column="value", source=path.name, integer=True).astype("int64"),
        "source": "CBS " + raw["cbs_table"] + " (" + raw["source_url"] + ")",
    })
    return out.drop_duplicates(["year", "statcode"]).reset_index(drop=True)


@functools.lru_cache(maxsize=2)
def _age_structure(path: str, mtime: float, size: int) -> pd.DataFrame:
    from regio.errors import InputError

    raw = read_table(path)
    src = Path(path).name
    need = ["statcode", *AGE_BANDS_10, "population_total"]
    missing = [c for c in need if c not in raw.columns]
    if missing:
        absent, has, bands = ", ".join(missing), ", ".join(raw.columns), ", ".join(AGE_BANDS_10)
        raise InputError(f"{src}: missing column(s) {absent} (has {has}); expected "
                         f"statcode, {bands}, population_total.", key="sources.population.age_columns",
                         path=src, missing=absent, has=has, bands=bands)
    codes = raw["statcode"].astype(str).str.strip()
    counts = {}
    for col in (*AGE_BANDS_10, "population_total"):
        num = pd.to_numeric(raw[col].astype(str).str.strip(), errors="coerce")
        bad = num.isna() | (num % 1 != 0) | (num < 0)
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            value, code = raw[col].iloc[i], codes.iloc[i]
            raise InputError(f"{src}, row {i + 2}, column {col}: {value!r} is not a non-negative whole "
                             f"number ({code}); fix or remove the row.", key="sources.population.not_count",
                             path=src, row=i + 2, column=col, value=value, code=code)
        counts[col] = num.astype("int64").to_numpy()
    out = pd.DataFrame(counts, index=pd.Index(codes.to_numpy(), name="statcode"))
    dup = out.index.duplicated(keep=False)
    if dup.any():
        i = int(dup.nonzero()[0][0])
        raise InputError(f"{src}, row {i + 2}, column statcode: {codes.iloc[i]} appears twice; keep one row per "
                         "municipality.", key="sources.population.code_twice", path=src, row=i + 2,
                         code=codes.iloc[i])
    off = out[list(AGE_BANDS_10)].sum(axis=1) != out["population_total"]
    if off.any():
        i = int(off.to_numpy().nonzero()[0][0])
        total, bands = int(out["population_total"].iloc[i]), int(out[list(AGE_BANDS_10)].iloc[i].sum())
        raise InputError(f"{src}, row {i + 2}, column population_total: {total:,} "
                         f"but the age bands add up to {bands:,} "
                         f"({codes.iloc[i]}); the bands must add up to the total.", key="sources.population.bands_sum",
                         path=src, row=i + 2, total=total, bands=bands, code=codes.iloc[i])
    out.insert(0, "statnaam", raw.get("statnaam", codes).astype(str).str.strip().to_numpy())
    out = out.rename(columns={"population_total": "population"})
    return out[["statnaam", "population", *AGE_BANDS_10]]


def age_structure_years(data_dir: str | Path | None = None) -> list[int]:
    """Years with municipal 10-year age bands in the data directory (``[2020]`` or ``[]``).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> age_structure_years(), age_structure_years("/no/such/folder")
    ([2020], [])
    """
    try:
        root = require_data_dir(data_dir)
    except DataNotFoundError:
        return []
    return [AGE_STRUCTURE_YEAR] if root.joinpath(*AGE_STRUCTURE).is_file() else []


def age_structure_stamp(*, data_dir: str | Path | None = None) -> tuple[str, float, int] | None:
    """Return the path, modification time and size of the municipal age structure file (``None`` if absent).

    For callers that keep what they derive from the file for the process (a changed file: a new stamp).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    tuple or None
    """
    path = require_data_dir(data_dir).joinpath(*AGE_STRUCTURE)
    return _stamp(path) if path.is_file() else None


def read_age_structure(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the municipal population on 1 January 2020 in 10-year age bands (the 2020 division).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode`` (355 municipalities of 2020): ``statnaam``,
        ``population`` (the file's ``population_total``) and the columns
        :data:`AGE_BANDS_10` (int64). ``attrs["source"]`` names the file.

    Raises
    ------
    DataNotFoundError
        If the data directory or the file is missing.
    InputError
        If a column is missing, a count is not a non-negative whole number, a
        code appears twice or a row's bands do not add up to its
        ``population_total`` (naming file, row and column).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> ages = read_age_structure()
    >>> len(ages), int(ages["population"].sum())
    (355, 17407585)
    >>> ages.loc["GM0014", ["age_0_9", "age_20_29", "age_90plus"]].tolist()  # Groningen
    [19165, 61686, 1472]
    """
    path = require_data_dir(data_dir).joinpath(*AGE_STRUCTURE)
    if not path.is_file():
        raise DataNotFoundError(f"Missing municipal age structure {path}.", key="sources.population.no_age_structure",
                                path=path)
    out = _age_structure(*_stamp(path)).copy()
    out.attrs["source"] = f"{AGE_STRUCTURE[1]} (1 January {AGE_STRUCTURE_YEAR}, 10-year age bands)"
    return out
