"""Read Nivel's national series of working GPs (``physicians/nivel_gp_workforce_nl_2012_2025.csv``).

Nivel ("Huisartsen en praktijken in kaart; Beroepenregistraties", revised
series of January 2025) counts the GPs who work as GPs in the Netherlands on
1 January of each year, by type: practice owners (praktijkhouders), GPs in
salaried employment and regular locums (hidha's en vaste waarnemers) and
itinerant locums (wisselende waarnemers). These are **working GPs** of the
Nivel registration, not CBS's BIG registrations by place of residence
(84777NED), and only for the country as a whole.

The file is long, one row per year and series:

================== ==========================================================
column             meaning
================== ==========================================================
year               year of the figure
peildatum          the day it refers to (``1 januari``; ``year-end``, ``survey``
                   for the pension fund's members and the hours surveys)
series             ``praktijkhouders``, ``hidha_en_vaste_waarnemers``,
                   ``wisselende_waarnemers``, ``werkzame_huisartsen_totaal``
                   (:data:`COMPONENTS`, :data:`TOTAL`), and other series
                   (practices, SPH members, aios, hours per week)
value              the figure (whole for ``persons`` and ``practices``)
unit               ``persons``, ``practices``, ``hours/week``
source_publisher,  where it comes from; ``same`` repeats the row above
source_title,
transcribed_from
================== ==========================================================

The three components must add up to the total in every year: a file in which
they do not is refused, naming the year, the rows and the fix. The
categories were revised between 1 January 2019 and 2020
(:data:`CATEGORY_REVISION`), so the components do not compare across that
break. An older vintage (``nivel_vzinfo_werkzame_huisartsen_nl_2000_2019.csv``,
via VZinfo) labels the same counts one year later (its "2019" is this
series' 2018); it is not read here and must not be mixed with this one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from regio.errors import DataNotFoundError, InputError
from regio.sources._files import read_table, require_data_dir
from regio.sources._said import Listed, said
from regio.sources.physicians import COLUMNS, reference_date
from regio.validate import to_numeric

__all__ = ["CATEGORY_REVISION", "COMPONENTS", "FILE", "SERIES_COLUMNS", "TOTAL", "gp_components", "read_nivel_gps",
           "read_nivel_series"]

#: The file in ``physicians/`` of the data directory.
FILE = "nivel_gp_workforce_nl_2012_2025.csv"
#: Columns of the file.
SERIES_COLUMNS = ("year", "peildatum", "series", "value", "unit", "source_publisher", "source_title",
                  "transcribed_from")
#: The types of working GPs, in the order of the file; they add up to :data:`TOTAL`.
COMPONENTS = ("praktijkhouders", "hidha_en_vaste_waarnemers", "wisselende_waarnemers")
#: The series of all working GPs.
TOTAL = "werkzame_huisartsen_totaal"
#: ``(last year before, first year after)`` Nivel revised its categories of working GPs.
CATEGORY_REVISION = (2019, 2020)

_WHOLE_UNITS = {"persons", "practices"}
_REPEAT = {"same", "idem"}


def read_nivel_series(path: str | Path | None = None, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Read and check the Nivel file: every series, one row per year and series.

    Parameters
    ----------
    path
        The file (default: :data:`FILE` in ``physicians/`` of the data directory).
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`SERIES_COLUMNS` (``year`` int, ``value``
        float; ``same`` replaced by the cell above) and ``row``, the line of
        the file (the header is line 1). ``attrs["path"]`` is the file.

    Raises
    ------
    DataNotFoundError
        If the file is missing.
    InputError
        Naming the file, row and column: a missing column, a year or value
        that is not a number, a fractional or negative count of persons or
        practices, a series twice in one year, or working GPs whose
        components (:data:`COMPONENTS`) do not add up to the total
        (:data:`TOTAL`) or lack one of them.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> series = read_nivel_series()
    >>> gps = series[series["series"] == TOTAL].set_index("year")["value"]
    >>> int(gps[2012]), int(gps[2023]), len(gps)
    (11133, 14102, 12)
    >>> series.loc[series["series"] == TOTAL, ["peildatum", "unit", "source_publisher"]].iloc[0].tolist()
    ['1 januari', 'persons', 'Nivel']
    """
    path = Path(path) if path is not None else _default_path(data_dir)
    raw = read_table(path)
    name = path.name
    missing = [c for c in SERIES_COLUMNS if c not in raw.columns]
    if missing:
        raise InputError(f"{name}: missing column(s) {', '.join(missing)}. A Nivel series file has the columns "
                         f"{', '.join(SERIES_COLUMNS)}; columns found: {', '.join(map(str, raw.columns))}.",
                         key="src.nivel_missing_columns", name=name, missing=", ".join(missing),
                         expected=", ".join(SERIES_COLUMNS), columns=", ".join(map(str, raw.columns)))

    def rows() -> pd.Series:  # "row 2" per row (said in the message's language), built only for a message
        return pd.Series([said(f"row {i + 2}", "src.row", row=i + 2) for i in range(len(raw))], index=raw.index,
                         dtype=object)

    frame = raw[list(SERIES_COLUMNS)].copy()
    for col in ("peildatum", "series", "unit"):
        frame[col] = frame[col].astype("string").str.strip()
        empty = frame[col].isna() | (frame[col] == "")
        if empty.any():
            where = Listed([said(f"row {i + 2}", "src.row", row=int(i) + 2)
                            for i in np.flatnonzero(empty.to_numpy())[:10]], sep=", ")
            raise InputError(f"{name}, column {col!r}: empty at {where}. Fill in the {col} of every row.",
                             key="src.nivel_empty", name=name, column=col, where=where)
    for col in ("source_publisher", "source_title", "transcribed_from"):
        text = frame[col].astype("string").str.strip()
        frame[col] = text.mask(text.str.lower().isin(_REPEAT)).ffill()  # "same": the cell above
    frame["year"] = to_numeric(frame["year"], column="year", source=name, integer=True, codes=rows).astype(int)
    whole = frame["unit"].isin(_WHOLE_UNITS)
    frame["value"] = to_numeric(frame["value"], column="value", source=name, codes=rows)
    fractional = whole & (frame["value"] != np.floor(frame["value"]))
    negative = frame["value"] < 0
    for bad, what in ((fractional, "not a whole number"), (negative, "negative")):
        if bad.any():
            cells = list(zip(np.flatnonzero(bad.to_numpy())[:10] + 2, frame.loc[bad, "series"],
                             frame.loc[bad, "year"], frame.loc[bad, "value"], strict=False))
            where = Listed([said(f"row {r} ({s} {y}: {v:g})", "src.row_with", row=int(r), what=f"{s} {y}: {v:g}")
                            for r, s, y, v in cells], sep=", ")
            raise InputError(f"{name}, column 'value': {what} at {where}. Counts of persons and practices are whole "
                             "numbers of at least 0.",
                             key="src.nivel_not_whole" if what == "not a whole number" else "src.nivel_negative",
                             name=name, where=where)
    frame["row"] = np.arange(2, len(frame) + 2)
    twice = frame.duplicated(["year", "series"], keep=False)
    if twice.any():
        numbers = frame[twice].groupby(["series", "year"])["row"].apply(list)
        listed = Listed([said(f"{s} {y} ({at})", "src.series_rows", series=s, year=y, rows=at)
                         for (s, y), nums in numbers.items()
                         for at in [Listed([said(f"row {i}", "src.row", row=int(i)) for i in nums], sep=", ")]],
                        sep="; ")
        raise InputError(f"{name}: a series twice in one year: {listed}. Keep one row per year and series.",
                         key="src.nivel_twice", name=name, listed=listed)
    _check_components(frame, name)
    out = frame.reset_index(drop=True)
    out.attrs["path"] = path
    return out


def _default_path(data_dir: str | Path | None) -> Path:
    path = require_data_dir(data_dir) / "physicians" / FILE
    if not path.is_file():
        raise DataNotFoundError(
            f"Missing Nivel file {path}: the national series of working GPs (Nivel, Huisartsen en praktijken in "
            f"kaart). `regio data fetch` does not download it: copy physicians/{FILE} from a full data directory "
            "laid out like shared/data.", key="src.nivel_missing_file", path=path, file=FILE)
    return path


def _check_components(frame: pd.DataFrame, name: str) -> None:
    """Refuse a year whose components of working GPs miss one or do not add up to the total."""
    gps = frame[frame["series"].isin([*COMPONENTS, TOTAL])]
    wide = gps.pivot(index="year", columns="series", values="value")
    where = gps.pivot(index="year", columns="series", values="row")
    for year in wide.index:
        have = wide.loc[year].dropna()
        lacking = [s for s in (*COMPONENTS, TOTAL) if s not in have]
        if lacking:
            present = Listed([said(f"{s} (row {int(where.loc[year, s])})", "src.named_row", name=s,
                                   row=int(where.loc[year, s])) for s in have.index], sep=", ")
            raise InputError(
                f"{name}: year {year} has working GPs {present} but no {', '.join(lacking)}. Give the three "
                f"types {', '.join(COMPONENTS)} and their total {TOTAL} for every year, or none of them.",
                key="src.nivel_component_missing", name=name, year=year, present=present, lacking=", ".join(lacking),
                components=", ".join(COMPONENTS), total=TOTAL)
        parts = sum(float(have[s]) for s in COMPONENTS)
        if parts != float(have[TOTAL]):
            listed = Listed([said(f"{s} {have[s]:,.0f} (row {int(where.loc[year, s])})", "src.named_value_row",
                                  name=s, value=float(have[s]), row=int(where.loc[year, s])) for s in COMPONENTS],
                            sep=" + ")
            raise InputError(
                f"{name}: year {year}: the components do not add up to the total: {listed} = {parts:,.0f}, but "
                f"{TOTAL} is {have[TOTAL]:,.0f} (row {int(where.loc[year, TOTAL])}, column 'value'; difference "
                f"{parts - float(have[TOTAL]):+,.0f}). Correct the row that differs from the source, so that the "
                "three types add up to the total.", key="src.nivel_components_sum", name=name, year=year,
                listed=listed, parts=parts, total=TOTAL, value=float(have[TOTAL]), row=int(where.loc[year, TOTAL]),
                difference=parts - float(have[TOTAL]))


def gp_components(series: pd.DataFrame) -> pd.DataFrame:
    """Working GPs per year by type: one row per year, the columns of :data:`COMPONENTS` and :data:`TOTAL`.

    Parameters
    ----------
    series
        From :func:`read_nivel_series`.

    Returns
    -------
    pandas.DataFrame
        Whole numbers (int64), indexed by ``year``.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gp_components(read_nivel_series()).loc[2012].to_dict()
    {'praktijkhouders': 7856, 'hidha_en_vaste_waarnemers': 1152, 'wisselende_waarnemers': 2125, \
'werkzame_huisartsen_totaal': 11133}
    """
    gps = series[series["series"].isin([*COMPONENTS, TOTAL])]
    wide = gps.pivot(index="year", columns="series", values="value")
    return wide.reindex(columns=[*COMPONENTS, TOTAL]).astype("int64").rename_axis(columns=None)


def read_nivel_gps(path: str | Path | None = None, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Read Nivel's working GPs of every year as national physician counts (the tidy layout of :data:`COLUMNS`).

    One row per year: ``statcode`` NL01, ``level`` land, ``kind`` region (the
    country is the one region of this source), ``profession`` huisarts,
    ``count`` the total of working GPs and ``reference_date`` the file's
    ``peildatum`` (1 January of ``year``), so that the population of that
    same 1 January goes with it.

    Parameters
    ----------
    path, data_dir
        As :func:`read_nivel_series`.

    Returns
    -------
    pandas.DataFrame
        The tidy frame; ``source`` names the publisher, title, the compilation
        it was transcribed from and the file. ``attrs``: ``components`` (the
        frame of :func:`gp_components`), ``category_revision``
        (:data:`CATEGORY_REVISION`) and ``source``.

    Raises
    ------
    DataNotFoundError, InputError
        As :func:`read_nivel_series`; also a ``peildatum`` of working GPs
        that is not a day ("1 januari").

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gps = read_nivel_gps()
    >>> gps.loc[gps["year"] == 2023, ["statcode", "level", "count", "kind"]].to_numpy().tolist()
    [['NL01', 'land', 14102.0, 'region']]
    >>> str(gps["reference_date"].iloc[0].date()), gps["source"].iloc[0]
    ('2012-01-01', 'Nivel, Huisartsen en praktijken in kaart; Beroepenregistraties (herziene reeks januari 2025), \
via Socev/huisartsincijfers (nivel_gp_workforce_nl_2012_2025.csv)')
    """
    series = read_nivel_series(path, data_dir=data_dir)
    name = Path(series.attrs["path"]).name
    total = series[series["series"] == TOTAL].sort_values("year")
    days = [reference_date(p, y) for p, y in zip(total["peildatum"], total["year"], strict=True)]
    undated = [said(f"row {r} ({p!r})", "src.row_code_repr", row=int(r), code=p)
               for r, p, d in zip(total["row"], total["peildatum"], days, strict=True) if pd.isna(d)]
    if undated:
        where = Listed(undated, sep=", ")
        raise InputError(f"{name}, column 'peildatum': not a day at {where}. Give the day the count "
                         "refers to, e.g. '1 januari'.", key="src.nivel_no_day", name=name, where=where)
    first = total.iloc[0] if len(total) else None
    source = name if first is None else (
        f"{first['source_publisher']}, {first['source_title']}, via "
        f"{str(first['transcribed_from']).split('@')[0].strip()} ({name})")
    frame = pd.DataFrame({
        "statcode": "NL01", "statnaam": "Nederland", "level": "land", "year": total["year"].to_numpy(),
        "reference_date": pd.to_datetime(days), "profession": "huisarts",
        "count": total["value"].astype(float).to_numpy(), "fte": np.full(len(total), np.nan), "kind": "region",
        "sector": np.nan, "provisional": False, "source": source,
    }, index=range(len(total)), columns=COLUMNS)
    frame.attrs = {"components": gp_components(series), "category_revision": CATEGORY_REVISION, "source": source}
    return frame
