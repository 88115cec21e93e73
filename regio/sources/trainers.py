r"""GP trainers (opleiders) and trainee intake as users give them: a trainer list, counts, intake per institute.

Three file kinds, each CSV (comma, semicolon or tab; UTF-8 or Windows-1252)
or Excel (``.xlsx``), header in row 1, read cell by cell as text (a formula
is never evaluated) so that every bad cell is named with its row and column:

* :func:`read_trainer_list` -- one row per trainer: the institute, where the
  practice is (postcode, PC4 or municipal code), and optionally the birth
  year or age, the year they became a trainer and how many trainees they
  take at once;
* :func:`read_trainer_counts` -- trainers per institute or per municipality;
* :func:`read_intake` -- trainee places per institute and year: offered and
  filled.

This module only reads and checks the cells. Whether an institute id or a
place exists is checked by :mod:`regio.data.trainers`, which knows the
institutes and the municipalities of a year.

Examples
--------
>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "made_up_trainers.csv"
>>> _ = path.write_text("instituut;postcode;geboortejaar\nlumc;2333 ZA;1961\numcg;;\n", encoding="utf-8")
>>> read_trainer_list(path)
Traceback (most recent call last):
...
regio.errors.InputError: .../made_up_trainers.csv: 1 problem(s) in the trainer list; nothing was read:
  row 3: no place. Give each trainer a postcode (1011 AB), pc4 (1011) or gemeentecode (GM0363) of the practice.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from regio.errors import InputError, RegioWarning
from regio.sources._files import data_file
from regio.sources._said import Listed, said
from regio.sources.practices import (
    _GM,
    COLUMN_NAMES,
    _Cells,
    _formula_hint,
    _letter,
    _problems_error,
    column_label,
    header_roles,
    open_cells,
    place_cells,
)

__all__ = ["HOSPITALS_FILE", "INTAKE_COLUMNS", "LIST_COLUMNS", "read_hospitals", "read_intake", "read_trainer_counts",
           "read_trainer_list"]

#: Hospitals and outpatient clinics (VZinfo/RIVM, November 2016), candidates for new training locations.
HOSPITALS_FILE = ("training_institutes", "ziekenhuizen_vzinfo_2016.csv")

_INSTITUTE = ("instituut", "institute", "institute_id", "instituut_id", "opleidingsinstituut", "hao",
              "huisartsopleiding")
_MUNICIPALITY = COLUMN_NAMES["statcode"] + ("gemeente",)

#: Role -> accepted column names of a trainer list (lower case; spaces, hyphens and dots read as ``_``).
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "institute": _INSTITUTE,
    "postcode": COLUMN_NAMES["postcode"],
    "pc4": COLUMN_NAMES["pc4"],
    "statcode": _MUNICIPALITY,
    "birth_year": ("geboortejaar", "birth_year", "year_of_birth", "born", "geboren"),
    "age": ("leeftijd", "age"),
    "start_year": ("startjaar", "start_year", "opleider_sinds", "trainer_since", "since", "jaar_start"),
    "trainees": ("aios", "trainees", "aios_tegelijk", "trainees_at_once", "n_aios", "capaciteit", "capacity"),
    "name": ("naam", "name", "opleider", "trainer"),
}
#: Role -> accepted column names of an intake table.
INTAKE_COLUMNS: dict[str, tuple[str, ...]] = {
    "institute": _INSTITUTE,
    "year": ("jaar", "year", "cohort", "startjaar", "start_year"),
    "offered": ("aangeboden", "offered", "plaatsen", "places", "opleidingsplaatsen", "places_offered"),
    "filled": ("gevuld", "filled", "geplaatst", "placed", "ingestroomd", "instroom", "intake", "places_filled"),
}
_COUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "institute": _INSTITUTE,
    "statcode": _MUNICIPALITY,
    "trainers": ("opleiders", "trainers", "aantal", "count", "n", "aantal_opleiders", "n_trainers"),
}
_PLACE = "postcode (1011 AB), pc4 (1011) or gemeentecode (GM0363) of the practice"


def _cells(path: str | Path, sheet: str | int | None) -> tuple[Path, _Cells]:
    return open_cells(path, sheet)  # the practice lists' reader: same files, same --encoding


def _roles(path: Path, header: list[str], names: dict[str, tuple[str, ...]], what: str) -> dict[str, int]:
    """Role -> column number; one error for duplicate headers or two columns of one role."""
    return header_roles(path, header, {alias: role for role, aliases in names.items() for alias in aliases}, what)


def _need(path: Path, roles: dict[str, int], header: list[str], role: str, names: tuple[str, ...],
          why: RegioWarning) -> None:
    """Refuse a header without a column of ``role``; ``why``: a keyed phrase, said in the error's language."""
    if role not in roles:
        raise InputError(f"{path}, row 1 (the header): no {role.replace('_', ' ')} column ({why}); the columns are "
                         f"{', '.join(map(repr, header))}. Add a column named {' or '.join(names[:3])}.",
                         key="src.trainers_no_column", path=path, role=role.replace("_", " "), why=why,
                         columns=", ".join(map(repr, header)), names=_one_of(names[:3]))


def _one_of(names: tuple[str, ...]) -> Listed:
    """Return ``a or b or c``, said in the language of the message (``a of b of c``)."""
    parts: list[str | RegioWarning] = []
    for name in names:
        parts += [said(" or ", "src.or"), name] if parts else [name]
    return Listed(parts, sep="")


def _whole(text: str | None, *, lo: int, hi: int | None, number: int, where: str | RegioWarning,
           what: RegioWarning, problems: list[str | RegioWarning]) -> float:
    """Return a whole number in [lo, hi] from a cell (NaN for an empty cell), else a problem.

    ``what`` is a keyed phrase ("a birth year"), said in the language of the message.
    """
    if text is None:
        return np.nan
    value = int(text) if text.isdigit() else None
    if value is None and text.endswith(".0") and text[:-2].isdigit():  # Excel's 1961.0
        value = int(text[:-2])
    if value is None or value < lo or (hi is not None and value > hi):
        bound = f"from {lo} to {hi}" if hi is not None else f"{lo} or more"
        problems.append(said(f"row {number}, {where}: {text!r} is not {what} (a whole number {bound})."
                             f"{_formula_hint(text)}", "src.p_not_whole_between" if hi is not None else
                             "src.p_not_whole_from", row=number, where=where, text=text, what=what, lo=lo, hi=hi,
                             formula=_formula_hint(text)))
        return np.nan
    return float(value)


def read_trainer_list(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    r"""Read a list of GP trainers: one row per trainer (CSV or Excel).

    Columns (Dutch or English names, any case; others ignored):

    * ``instituut``/``institute`` (required): the institute id of
      ``geodata/institutes.csv`` (amc, vumc, umcg, lumc, mumc, radboudumc,
      erasmusmc, umcu; checked by :func:`regio.data.trainers.trainer_list`);
    * where the practice is (at least one per row): ``postcode`` (``2333 ZA``),
      ``pc4`` (``2333``) or ``gemeentecode`` (``GM0546`` or ``546``);
    * optional: ``geboortejaar``/``birth_year`` (1930 to this year) or
      ``leeftijd``/``age`` (18 to 100), ``startjaar``/``start_year`` (year they
      became a trainer), ``aios``/``trainees`` (trainees they take at once,
      1 to 10), ``naam``/``name``.

    Parameters
    ----------
    path
        The list; the header is row 1.
    sheet
        Sheet name or number of an Excel file (default: the first).

    Returns
    -------
    pandas.DataFrame
        One row per trainer in the file's order: ``row`` (spreadsheet row),
        ``institute`` (as written), ``postcode``, ``pc4``, ``statcode``
        (normalised, or None), ``birth_year``, ``age``, ``start_year``,
        ``trainees`` (floats, NaN where not given). ``attrs``: ``path``,
        ``source``, ``columns`` (role -> header), ``column_letters``,
        ``ignored`` and ``blank_rows``.

    Raises
    ------
    InputError
        Once for all problems, each as ``row 3, column postcode (B): ...``
        with the fix: no institute column or no place column, an empty
        institute, a malformed postcode, PC4 or municipal code, a postcode
        and PC4 that disagree, a row without a place, a birth year, age,
        start year or number of trainees that is not a whole number in range,
        and birth year and age that disagree by more than a year.
    DataNotFoundError
        If the file does not exist.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_trainers.csv"
    >>> _ = path.write_text("instituut,postcode,gemeentecode,geboortejaar,aios\n"
    ...                     "lumc,2333 ZA,,1961,1\nUMCG,,GM0014,,2\n", encoding="utf-8")
    >>> read_trainer_list(path)[["row", "institute", "pc4", "statcode", "birth_year", "trainees"]]
       row institute   pc4 statcode  birth_year  trainees
    0    2      lumc  2333      NaN      1961.0       1.0
    1    3      UMCG   NaN   GM0014         NaN       2.0
    """
    path, cells = _cells(path, sheet)
    what = RegioWarning("the trainer list", key="src.what_trainer_list")  # a phrase in the error's language
    roles = _roles(path, cells.header, LIST_COLUMNS, what)
    _need(path, roles, cells.header, "institute", _INSTITUTE,
          RegioWarning("which institute the trainer belongs to", key="src.why_trainer_institute"))
    if not {"postcode", "pc4", "statcode"} & set(roles):
        raise InputError(f"{path}, row 1 (the header): no column says where the practices are; the columns are "
                         f"{', '.join(map(repr, cells.header))}. Add a {_PLACE}.", key="src.trainers_no_place_column",
                         path=path, columns=", ".join(map(repr, cells.header)))
    header = cells.header
    where = {role: column_label(header, i) for role, i in roles.items()}
    this_year = datetime.date.today().year
    problems: list[str | RegioWarning] = []
    unplaced: list[int] = []
    blank: list[int] = []
    out: dict[str, list] = {k: [] for k in ("row", "institute", "name", "postcode", "pc4", "statcode", "birth_year",
                                            "age", "start_year", "trainees")}
    for number, row in zip(cells.numbers, cells.rows, strict=True):
        if not any(row):
            blank.append(number)
            continue
        get = {role: (row[i] if i < len(row) else None) for role, i in roles.items()}
        institute = get.get("institute")
        if institute is None:
            problems.append(said(f"row {number}, {where['institute']}: empty; give the institute id (amc, vumc, "
                                 "umcg, lumc, mumc, radboudumc, erasmusmc, umcu).", "src.p_no_institute", row=number,
                                 where=where["institute"]))
        postcode, pc4, statcode = place_cells(number, get, where, problems)
        if not any(get.get(r) for r in ("postcode", "pc4", "statcode")):
            unplaced.append(number)
        born = _whole(get.get("birth_year"), lo=1930, hi=this_year, number=number, where=where.get("birth_year", ""),
                      what=said("a birth year", "src.a_birth_year"), problems=problems)
        age = _whole(get.get("age"), lo=18, hi=100, number=number, where=where.get("age", ""),
                     what=said("an age", "src.an_age"), problems=problems)
        if not np.isnan(born) and not np.isnan(age) and abs(this_year - born - age) > 1:
            problems.append(said(f"row {number}, {where['birth_year']} and {where['age']}: born {born:.0f} and aged "
                                 f"{age:.0f} disagree (in {this_year}); keep one of them.", "src.p_born_and_aged",
                                 row=number, where=where["birth_year"], where_age=where["age"], born=int(born),
                                 age=int(age), year=this_year))
        start = _whole(get.get("start_year"), lo=1950, hi=this_year + 1, number=number,
                       where=where.get("start_year", ""), what=said("a start year", "src.a_start_year"),
                       problems=problems)
        trainees = _whole(get.get("trainees"), lo=1, hi=10, number=number, where=where.get("trainees", ""),
                          what=said("a number of trainees at once", "src.a_number_of_trainees"), problems=problems)
        for key, value in (("row", number), ("institute", institute), ("name", get.get("name")),
                           ("postcode", postcode), ("pc4", pc4), ("statcode", statcode), ("birth_year", born),
                           ("age", age), ("start_year", start), ("trainees", trainees)):
            out[key].append(value)
    if unplaced:
        problems.append(said(f"row{'s' if len(unplaced) > 1 else ''} {', '.join(map(str, unplaced))}: no place. "
                             f"Give each trainer a {_PLACE}.", "src.p_rows_no_place" if len(unplaced) > 1 else
                             "src.p_row_no_place", rows=", ".join(map(str, unplaced))))
    if problems:
        raise _problems_error(path, what, problems)
    frame = pd.DataFrame(out)
    for col in ("institute", "name", "postcode", "pc4", "statcode"):
        frame[col] = frame[col].astype(object)
    for col in ("birth_year", "age", "start_year", "trainees"):
        frame[col] = frame[col].astype(float)
    if "name" not in roles:
        frame = frame.drop(columns="name")
    used = set(roles.values())
    frame.attrs = {"path": str(path), "source": f"trainer list {path}",
                   "columns": {role: header[i] for role, i in roles.items()},
                   "column_letters": {role: _letter(i) for role, i in roles.items()},
                   "ignored": [h for i, h in enumerate(header) if h and i not in used], "blank_rows": blank}
    return frame


def read_trainer_counts(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    r"""Read trainer counts per institute (``instituut``, ``opleiders``) or municipality (``gemeentecode``).

    Parameters
    ----------
    path
        CSV or Excel; header in row 1.
    sheet
        Sheet of an Excel file.

    Returns
    -------
    pandas.DataFrame
        ``row``, ``unit`` (the institute or municipal code as written; a
        municipal code normalised to ``GM0546``), ``trainers`` (int64);
        ``attrs``: ``path``, ``level`` (``"institute"`` or ``"gemeente"``),
        ``columns``, ``column_letters``.

    Raises
    ------
    InputError
        Once for all problems: no institute or municipality column, both, no
        trainers column, empty units, malformed municipal codes, counts that
        are not whole numbers of at least 0.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_counts.csv"
    >>> _ = path.write_text("instituut,opleiders\namc,210\nlumc,x\n", encoding="utf-8")
    >>> read_trainer_counts(path)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: .../made_up_counts.csv: 1 problem(s) in the trainer counts; nothing was read:
      row 3, column opleiders (B): 'x' is not a number of trainers (a whole number 0 or more).
    """
    path, cells = _cells(path, sheet)
    what = RegioWarning("the trainer counts", key="src.what_trainer_counts")
    roles = _roles(path, cells.header, _COUNT_COLUMNS, what)
    if ("institute" in roles) == ("statcode" in roles):
        raise InputError(f"{path}, row 1 (the header): give trainers per institute (columns instituut, opleiders) "
                         "or per municipality (gemeentecode, opleiders), one of the two; the columns are "
                         f"{', '.join(map(repr, cells.header))}.", key="src.trainer_counts_per", path=path,
                         columns=", ".join(map(repr, cells.header)))
    _need(path, roles, cells.header, "trainers", _COUNT_COLUMNS["trainers"],
          RegioWarning("the number of trainers", key="src.why_trainer_number"))
    level = "institute" if "institute" in roles else "gemeente"
    key = "institute" if level == "institute" else "statcode"
    where = {role: column_label(cells.header, i) for role, i in roles.items()}
    problems: list[str | RegioWarning] = []
    rows, units, counts = [], [], []
    for number, row in zip(cells.numbers, cells.rows, strict=True):
        if not any(row):
            continue
        get = {role: (row[i] if i < len(row) else None) for role, i in roles.items()}
        unit = get.get(key)
        if unit is None:
            unit_word = "institute id" if key == "institute" else "municipal code"
            problems.append(said(f"row {number}, {where[key]}: empty; give the {unit_word}.",
                                 "src.p_empty_institute" if key == "institute" else "src.p_empty_gm_code",
                                 row=number, where=where[key]))
        elif key == "statcode":
            m = _GM.fullmatch(unit.replace(" ", ""))
            if m:
                unit = f"GM{int(m.group(1)):04d}"
            else:
                problems.append(said(f"row {number}, {where[key]}: {unit!r} is not a municipal code: write GM and 4 "
                                     "digits, e.g. GM0546 (Leiden).", "src.p_not_a_gm_code", row=number,
                                     where=where[key], text=unit, example="GM0546 (Leiden)"))
        n = _whole(get.get("trainers"), lo=0, hi=None, number=number, where=where["trainers"],
                   what=said("a number of trainers", "src.a_number_of_trainers"), problems=problems)
        if get.get("trainers") is None:
            problems.append(said(f"row {number}, {where['trainers']}: empty; fill in the number of trainers (0 or "
                                 "more).", "src.p_trainers_empty", row=number, where=where["trainers"]))
        rows.append(number)
        units.append(unit)
        counts.append(n)
    if problems:
        raise _problems_error(path, what, problems)
    frame = pd.DataFrame({"row": rows, "unit": pd.Series(units, dtype=object),
                          "trainers": pd.Series(counts, dtype=float).astype("int64")})
    frame.attrs = {"path": str(path), "source": f"trainer counts {path}", "level": level,
                   "columns": {role: cells.header[i] for role, i in roles.items()},
                   "column_letters": {role: _letter(i) for role, i in roles.items()}}
    return frame


def read_intake(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    r"""Read trainee places per institute and year: ``instituut``, ``jaar``, ``aangeboden``, ``gevuld``.

    ``aangeboden`` are the places offered, ``gevuld`` those filled.

    At least one of offered and filled; filled may not exceed offered.

    Parameters
    ----------
    path
        CSV or Excel; header in row 1.
    sheet
        Sheet of an Excel file.

    Returns
    -------
    pandas.DataFrame
        ``row``, ``institute`` (as written), ``year`` (int64), ``offered``,
        ``filled`` (floats, NaN where the column is absent); ``attrs``:
        ``path``, ``columns``, ``column_letters``.

    Raises
    ------
    InputError
        Once for all problems: missing institute or year column, neither
        offered nor filled, empty cells, numbers that are not whole, filled
        above offered, an institute and year given twice.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_intake.csv"
    >>> _ = path.write_text("instituut,jaar,aangeboden,gevuld\namc,2024,96,90\nlumc,2024,80,85\n", encoding="utf-8")
    >>> read_intake(path)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: .../made_up_intake.csv: 1 problem(s) in the intake table; nothing was read:
      row 3, column gevuld (D): 85 places filled of 80 offered; filled cannot exceed offered.
    """
    path, cells = _cells(path, sheet)
    what = RegioWarning("the intake table", key="src.what_intake_table")
    roles = _roles(path, cells.header, INTAKE_COLUMNS, what)
    _need(path, roles, cells.header, "institute", _INSTITUTE, RegioWarning("which institute", key="src.why_institute"))
    _need(path, roles, cells.header, "year", INTAKE_COLUMNS["year"],
          RegioWarning("the year of intake", key="src.why_intake_year"))
    if not {"offered", "filled"} & set(roles):
        raise InputError(f"{path}, row 1 (the header): no aangeboden/offered or gevuld/filled column; the columns "
                         f"are {', '.join(map(repr, cells.header))}.", key="src.intake_no_places_column", path=path,
                         columns=", ".join(map(repr, cells.header)))
    where = {role: column_label(cells.header, i) for role, i in roles.items()}
    problems: list[str | RegioWarning] = []
    out: dict[str, list] = {k: [] for k in ("row", "institute", "year", "offered", "filled")}
    seen: dict[tuple[str, float], int] = {}
    for number, row in zip(cells.numbers, cells.rows, strict=True):
        if not any(row):
            continue
        get = {role: (row[i] if i < len(row) else None) for role, i in roles.items()}
        for role in roles:
            if role in ("institute", "year", "offered", "filled") and get.get(role) is None:
                problems.append(said(f"row {number}, {where[role]}: empty; fill it in.", "src.p_empty_cell", row=number,
                                     where=where[role]))
        year = _whole(get.get("year"), lo=1990, hi=2100, number=number, where=where["year"],
                      what=said("a year", "src.a_year"), problems=problems)
        vals = {role: _whole(get.get(role), lo=0, hi=None, number=number, where=where.get(role, ""),
                             what=said("a number of places", "src.a_number_of_places"), problems=problems)
                for role in ("offered", "filled")}
        if not np.isnan(vals["offered"]) and not np.isnan(vals["filled"]) and vals["filled"] > vals["offered"]:
            problems.append(said(f"row {number}, {where['filled']}: {vals['filled']:.0f} places filled of "
                                 f"{vals['offered']:.0f} offered; filled cannot exceed offered.", "src.p_overfilled",
                                 row=number, where=where["filled"], filled=int(vals["filled"]),
                                 offered=int(vals["offered"])))
        inst = get.get("institute")
        if inst is not None and not np.isnan(year):
            key = (inst.strip().lower(), year)
            if key in seen:
                problems.append(said(f"row {number}: {inst} {year:.0f} is given twice (also row {seen[key]}); keep "
                                     "one.", "src.p_intake_twice", row=number, institute=inst, year=int(year),
                                     other=seen[key]))
            seen.setdefault(key, number)
        for k, v in (("row", number), ("institute", inst), ("year", year), ("offered", vals["offered"]),
                     ("filled", vals["filled"])):
            out[k].append(v)
    if problems:
        raise _problems_error(path, what, problems)
    frame = pd.DataFrame(out)
    frame["institute"] = frame["institute"].astype(object)
    frame["year"] = frame["year"].astype("int64")
    frame.attrs = {"path": str(path), "source": f"intake table {path}",
                   "columns": {role: cells.header[i] for role, i in roles.items()},
                   "column_letters": {role: _letter(i) for role, i in roles.items()}}
    return frame


def read_hospitals(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Read the hospitals of VZinfo (November 2016): candidates for new training locations.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``H`` + hospital number (``H102404``): ``name``,
        ``organisation``, ``kind`` (``Algemeen ziekenhuis``, ``Academisch
        ziekenhuis``, ``Buitenpolikliniek``, ``Kinderziekenhuis``), ``place``,
        ``postcode``, ``lon``, ``lat``; ``attrs["source"]``.

    Raises
    ------
    DataNotFoundError
        Without the file.
    InputError
        For rows without coordinates, or hospital numbers given twice.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> h = read_hospitals()
    >>> len(h), int((h["kind"] == "Academisch ziekenhuis").sum())
    (265, 8)
    """
    path = data_file(*HOSPITALS_FILE, data_dir=data_dir, what="hospitals (VZinfo 2016)")
    raw = pd.read_csv(path, dtype={"postcode": str}, encoding="utf-8")
    bad = raw.index[raw["lon"].isna() | raw["lat"].isna() | raw["ziekenhuisnummer"].isna()]
    if len(bad):
        raise InputError(f"{path}: rows {', '.join(str(i + 2) for i in bad)} lack a hospital number or coordinates.",
                         key="src.hospitals_incomplete", path=path, rows=", ".join(str(i + 2) for i in bad))
    index = "H" + raw["ziekenhuisnummer"].astype(float).astype(int).astype(str)
    if index.duplicated().any():
        twice = ", ".join(sorted(set(index[index.duplicated()])))
        raise InputError(f"{path}: hospital numbers given twice: {twice}.", key="src.hospitals_twice", path=path,
                         numbers=twice)
    kind = raw["soort_ziekenhuis"].astype(str).str.strip()
    kind = kind.str[:1].str.upper() + kind.str[1:].str.lower()
    kind = kind.replace({"Buitenpoliklniek": "Buitenpolikliniek"})
    out = pd.DataFrame({"name": raw["naam_ziekenhuis"].astype(str).str.strip(),
                        "organisation": raw["naam_organisatie"].astype(str).str.strip(), "kind": kind.to_numpy(),
                        "place": raw["plaats"].astype(str), "postcode": raw["postcode"],
                        "lon": raw["lon"].astype(float), "lat": raw["lat"].astype(float)})
    out.index = pd.Index(index.to_numpy(), name="hospital")
    out.attrs["source"] = ("VZinfo/RIVM hospitals of November 2016 (nl-hugo/mapNL, geocoded by the package's "
                           f"author): {'/'.join(HOSPITALS_FILE)}")
    return out
