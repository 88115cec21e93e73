r"""Trainer lists, trainer counts and intake tables, checked against the institutes and placed in municipalities.

The readers (:mod:`regio.sources.trainers`) check the cells; here each row's
institute is matched to the ids of ``geodata/institutes.csv`` (an id, the
``HAO-`` id or the short name, any case) and each trainer's practice is
placed in a municipality of ``year``: a municipal code as given, else the
municipality holding most of its PC4 area (:func:`regio.data.pc4_municipalities`).
Rows with an unknown institute or place are refused, all named at once;
nothing is dropped.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "made_up_trainers.csv"
>>> _ = path.write_text("instituut,postcode,gemeentecode\nlumc,2333 ZA,\nHAO-UMCG,,GM0014\n", encoding="utf-8")
>>> trainer_list(path)[["row", "institute", "statcode", "placed_by"]]
   row   institute statcode       placed_by
0    2        lumc   GM0546        PC4 area
1    3        umcg   GM0014  municipal code
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regio.data._common import PathLike, _root
from regio.data._placing import lonlat_points
from regio.data.practices import pc4_municipalities
from regio.data.regions import boundaries
from regio.errors import InputError
from regio.sources import trainers as _src
from regio.sources.geodata import institutes
from regio.text import joined

__all__ = ["hospitals", "institute_ids", "intake_table", "match_institutes", "trainer_counts", "trainer_list"]

_MAX_SHOWN = 25


def institute_ids() -> list[str]:
    """Return the 8 institute ids of ``geodata/institutes.csv``, sorted.

    Examples
    --------
    >>> institute_ids()
    ['amc', 'erasmusmc', 'lumc', 'mumc', 'radboudumc', 'umcg', 'umcu', 'vumc']
    """
    return sorted(set(institutes()["institute_id"].astype(str)))


def _spellings() -> dict[str, str]:
    loc = institutes()
    main = loc[loc["kind"] == "main"]
    out = {}
    for iid, short in zip(main["institute_id"].astype(str), main["short_name"].astype(str), strict=True):
        for s in (iid, f"hao-{iid}", short):
            out[" ".join(s.lower().split())] = iid
    return out


def match_institutes(values: pd.Series) -> pd.Series:
    """Institute id per value (an id, ``HAO-`` id or short name, any case), None where unknown.

    Examples
    --------
    >>> match_institutes(pd.Series(["LUMC", "hao-amc", "Erasmus MC", "Leiden?"])).tolist()
    ['lumc', 'amc', 'erasmusmc', None]
    """
    known = _spellings()
    ids = [None if v is None or pd.isna(v) else known.get(" ".join(str(v).lower().split())) for v in values]
    return pd.Series(ids, index=values.index, dtype=object)


#: What a refused table is, as said in the messages (key of the words in :mod:`regio._messages.data`).
_REFUSED = {"the trainer list": "data.refused_trainer_list", "the trainer counts": "data.refused_trainer_counts",
            "the intake table": "data.refused_intake_table"}


def _refuse(path: str, what: str, problems: list[tuple[int, InputError]]) -> InputError:
    problems = sorted(problems, key=lambda p: p[0])
    shown = [text for _, text in problems[:_MAX_SHOWN]]
    if len(problems) > _MAX_SHOWN:
        shown.append(InputError(f"... and {len(problems) - _MAX_SHOWN} more", key="data.part.and_more",
                                n=len(problems) - _MAX_SHOWN))
    return InputError(f"{path}: {len(problems)} row(s) of {what} refused; nothing was counted:\n  "
                      + "\n  ".join(map(str, shown)), key=_REFUSED[what], path=path, n=len(problems),
                      problems=joined(shown, sep="\n  "))


def _column(cols: dict, letters: dict, role: str) -> InputError:
    """Name the column of ``role`` as the file has it, for a message: ``column instituut (A)``."""
    name, letter = cols.get(role, role), letters.get(role, "?")
    return InputError(f"column {name} ({letter})", key="data.part.column", names=name, letters=letter)


def _unknown_institute(row: int, where: InputError, value: object) -> tuple[int, InputError]:
    known = ", ".join(institute_ids())
    return row, InputError(f"row {row}, {where}: unknown institute {value!r}; use one of {known} "
                           "(the ids of geodata/institutes.csv).", key="data.part.unknown_institute", row=row,
                           column=where, value=value, known=known)


def trainer_list(path: str | Path, *, year: int = 2024, sheet: str | int | None = None,
                 data_dir: PathLike = None) -> pd.DataFrame:
    """Read a trainer list and place each trainer: institute id and municipality of ``year``.

    Parameters
    ----------
    path
        The list (see :func:`regio.sources.trainers.read_trainer_list`).
    year
        Year of the municipal division the practices are placed in.
    sheet
        Sheet of an Excel file.
    data_dir
        Data directory.

    Returns
    -------
    pandas.DataFrame
        One row per trainer (every row of the file, once): ``row``,
        ``institute`` (id), ``statcode`` (municipality of ``year``),
        ``placed_by`` (``"municipal code"`` or ``"PC4 area"``), ``pc4``,
        ``birth_year``, ``age``, ``start_year``, ``trainees``; ``attrs`` of
        the list plus ``year``.

    Raises
    ------
    InputError
        Once, naming every refused row with its column: an unknown institute,
        a municipal code not of ``year``, a PC4 without an area; and the
        problems of the list itself.
    """
    root = _root(data_dir)
    year = int(year)
    rows = _src.read_trainer_list(path, sheet=sheet)
    cols, letters = rows.attrs["columns"], rows.attrs["column_letters"]
    label = lambda role: _column(cols, letters, role)  # noqa: E731
    problems: list[tuple[int, InputError]] = []
    ids = match_institutes(rows["institute"])
    for i in rows.index[ids.isna()]:
        problems.append(_unknown_institute(int(rows.at[i, "row"]), label("institute"), rows.at[i, "institute"]))
    gm = boundaries("gemeente", year, data_dir=root)
    pc4 = pc4_municipalities(year, data_dir=root)["gemeente"]
    placed = pd.Series(None, index=rows.index, dtype=object)
    how = pd.Series(None, index=rows.index, dtype=object)
    for i in rows.index:
        number = int(rows.at[i, "row"])
        code, area = rows.at[i, "statcode"], rows.at[i, "pc4"]
        if isinstance(code, str):
            how[i] = "municipal code"
            if code in gm.index:
                placed[i] = code
            else:
                column = label("statcode")
                problems.append((number, InputError(
                    f"row {number}, {column}: {code} is not a municipality of {year} ({gm.attrs['source']}); check "
                    "the code, or give the postcode.", key="data.part.trainer_not_a_municipality", row=number,
                    column=column, code=code, year=year, source=gm.attrs["source"])))
        elif isinstance(area, str):
            how[i] = "PC4 area"
            if area in pc4.index:
                placed[i] = pc4[area]
            else:
                role = "postcode" if "postcode" in cols else "pc4"
                column = label(role)
                problems.append((number, InputError(
                    f"row {number}, {column}: PC4 {area} has no area in the PC4 boundaries (so it cannot be placed "
                    "in a municipality); give the municipal code (gemeentecode) for this row.",
                    key="data.part.trainer_pc4_no_area", row=number, column=column, area=area)))
    if problems:
        raise _refuse(str(path), "the trainer list", problems)
    out = rows.copy()
    out["institute"] = ids
    out["statcode"] = placed
    out.insert(3, "placed_by", how)
    out = out.drop(columns=["postcode"])
    out.attrs = {**rows.attrs, "year": year}
    return out


def trainer_counts(path: str | Path, *, year: int = 2024, sheet: str | int | None = None,
                   data_dir: PathLike = None) -> pd.Series:
    r"""Read trainer counts per institute or per municipality, checked.

    Parameters
    ----------
    path
        See :func:`regio.sources.trainers.read_trainer_counts`.
    year
        Municipal division of counts per municipality.
    sheet
        Sheet of an Excel file.
    data_dir
        Data directory.

    Returns
    -------
    pandas.Series
        Trainers (int64) per institute id or municipal code (index named
        ``institute`` or ``statcode``), every unit once; ``attrs``: ``path``,
        ``level``. Institutes not in the file are 0; municipalities not in
        the file too.

    Raises
    ------
    InputError
        Once, naming the rows: unknown institutes or municipalities, a unit
        given twice.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_counts.csv"
    >>> _ = path.write_text("instituut,opleiders\namc,210\nUMCG,180\n", encoding="utf-8")
    >>> trainer_counts(path)[["amc", "umcg", "lumc"]].to_dict()
    {'amc': 210, 'umcg': 180, 'lumc': 0}
    """
    frame = _src.read_trainer_counts(path, sheet=sheet)
    level = frame.attrs["level"]
    cols, letters = frame.attrs["columns"], frame.attrs["column_letters"]
    role = "institute" if level == "institute" else "statcode"
    where = _column(cols, letters, role)
    problems: list[tuple[int, InputError]] = []
    if level == "institute":
        units = match_institutes(frame["unit"])
        for i in frame.index[units.isna()]:
            problems.append(_unknown_institute(int(frame.at[i, "row"]), where, frame.at[i, "unit"]))
        index = pd.Index(institute_ids(), name="institute")
    else:
        gm = boundaries("gemeente", int(year), data_dir=_root(data_dir))
        units = frame["unit"].where(frame["unit"].isin(gm.index))
        for i in frame.index[units.isna()]:
            number = int(frame.at[i, "row"])
            code = frame.at[i, "unit"]
            problems.append((number, InputError(
                f"row {number}, {where}: {code} is not a municipality of {year} ({gm.attrs['source']}); check the "
                "code.", key="data.part.count_not_a_municipality", row=number, column=where, code=code, year=year,
                source=gm.attrs["source"])))
        index = pd.Index(gm.index, name="statcode")
    first: dict[str, int] = {}
    for i, unit in units.dropna().items():
        number = int(frame.at[i, "row"])
        if unit in first:
            problems.append((number, InputError(
                f"row {number}, {where}: {unit} is given twice (also row {first[unit]}); keep one.",
                key="data.part.unit_twice", row=number, column=where, unit=unit, first=first[unit])))
        first.setdefault(unit, number)
    if problems:
        raise _refuse(str(path), "the trainer counts", problems)
    out = pd.Series(frame["trainers"].to_numpy(), index=units.to_numpy()).reindex(index, fill_value=0)
    out = out.astype("int64").rename("trainers")
    out.index.name = index.name
    out.attrs = {"path": str(path), "level": level}
    return out


def intake_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    r"""Read places offered and filled per institute and year, institutes checked.

    Parameters
    ----------
    path
        See :func:`regio.sources.trainers.read_intake`.
    sheet
        Sheet of an Excel file.

    Returns
    -------
    pandas.DataFrame
        ``row``, ``institute`` (id), ``year``, ``offered``, ``filled``;
        ``attrs["path"]``.

    Raises
    ------
    InputError
        Once, naming the rows with an unknown institute (and the problems of
        the table itself).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_intake.csv"
    >>> _ = path.write_text("instituut,jaar,aangeboden,gevuld\namc,2024,96,90\nGroningen,2024,70,60\n")
    >>> intake_table(path)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: .../made_up_intake.csv: 1 row(s) of the intake table refused; nothing was counted:
      row 3, column instituut (A): unknown institute 'Groningen'; use one of amc, erasmusmc, lumc, ...
    """
    frame = _src.read_intake(path, sheet=sheet)
    cols, letters = frame.attrs["columns"], frame.attrs["column_letters"]
    ids = match_institutes(frame["institute"])
    where = _column(cols, letters, "institute")
    problems = [_unknown_institute(int(frame.at[i, "row"]), where, frame.at[i, "institute"])
                for i in frame.index[ids.isna()]]
    if problems:
        raise _refuse(str(path), "the intake table", problems)
    out = frame.copy()
    out["institute"] = ids
    dup = out.duplicated(["institute", "year"], keep=False)
    if dup.any():
        raise _refuse(str(path), "the intake table",
                      [(int(r), InputError(f"row {int(r)}: institute and year given twice (spelled differently); "
                                           "keep one.", key="data.part.intake_twice", row=int(r)))
                       for r in out.loc[dup, "row"]])
    out.attrs = dict(frame.attrs)
    return out


def hospitals(*, kinds: tuple[str, ...] | None = None, data_dir: PathLike = None):
    """Hospitals (VZinfo 2016) as points in EPSG:28992: the candidates for new training locations.

    Parameters
    ----------
    kinds
        Keep only these kinds (``"Algemeen ziekenhuis"``, ``"Academisch
        ziekenhuis"``, ``"Buitenpolikliniek"``, ``"Kinderziekenhuis"``); all by default.
    data_dir
        Data directory.

    Returns
    -------
    geopandas.GeoDataFrame
        As :func:`regio.sources.trainers.read_hospitals`, with point geometry.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> h = hospitals(kinds=("Algemeen ziekenhuis", "Academisch ziekenhuis"))
    >>> len(h), h.crs.to_epsg()
    (115, 28992)
    """
    import geopandas as gpd

    table = _src.read_hospitals(data_dir=_root(data_dir))
    if kinds is not None:
        unknown = sorted(set(kinds) - set(table["kind"]))
        if unknown:
            known = ", ".join(map(repr, sorted(set(table["kind"]))))
            raise InputError(f"Unknown hospital kinds {', '.join(map(repr, unknown))}; the kinds are {known}.",
                             key="data.unknown_hospital_kinds", kinds=", ".join(map(repr, unknown)), known=known)
        table = table[table["kind"].isin(kinds)]
    out = gpd.GeoDataFrame(table, geometry=lonlat_points(table["lon"], table["lat"], index=table.index))
    out.attrs = dict(table.attrs)
    return out
