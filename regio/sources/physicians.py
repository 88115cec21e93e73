"""Read physician counts: CBS StatLine extracts and users' own files.

Every reader returns the same tidy frame, one row per region, year and
profession (see :data:`COLUMNS`):

``statcode``
    CBS region code (``GM0363``, ``PV27``, PC4 ``1011`` ...); ``NL01`` for the
    national total row and e.g. ``PV99`` for "niet in te delen".
``statnaam``
    Region name as in the source.
``level``
    Level of the code (``gemeente``, ``provincie``, ``pc4`` ...).
``year``, ``profession``, ``count``, ``fte``
    Count of persons (and FTE where given; else NaN).
``reference_date``
    The day the count refers to (CBS 84777NED: the last Friday before
    Christmas of ``year``, e.g. 2018-12-21); NaT when the source does not say.
``kind``
    ``"region"``, ``"unplaced"`` (cannot be placed in a region: niet in te
    delen, abroad), ``"total"`` (the source's own national total) or
    ``"uncoded"`` (a region the source names without a code that regio knows,
    e.g. an arbeidsmarktregio "Midden-Gelderland (RA)" of 84779NED; kept
    with ``statcode`` NaN and ``level`` None, never placed).
``sector``, ``provisional``, ``source``
    Sector of the CBS table (NaN for user files), whether CBS marks the figure
    provisional (``*``), and the file or table it came from.

User files (CSV with ``,`` or ``;``, or Excel) need the columns below; Dutch
names are accepted too:

========== ============================================ =====================
column     meaning                                      also accepted
========== ============================================ =====================
region     CBS code (GM0363, PV27, ...) or PC4 (1011)   :data:`REGION_COLUMNS`:
                                                        statcode, regiocode,
                                                        code, gemeentecode,
                                                        pc4, postcode, regio,
                                                        gemeente, provincie
year       year of the count                            jaar, peiljaar
profession e.g. ``huisarts``; optional when the reader  beroep, beroepsgroep
           is told the profession (the file's rows are
           then all of that profession)
count      number of persons (whole, >= 0)              aantal, n, personen
fte        optional FTE                                 fte_totaal
name       optional region name                         statnaam, naam,
                                                        regionaam
========== ============================================ =====================

A bare number is a postcode (``1011``), except in a ``gemeente`` or
``gemeentecode`` column (``363`` is GM0363) and a ``provincie`` column (``27``
is PV27). Municipality names (three letters or more, not in a ``provincie``
column) are matched to the codes of the municipal boundaries
(:mod:`regio.sources.count_names`).
"""

from __future__ import annotations

import functools
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from regio.config import user_encoding
from regio.errors import InputError, RegioWarning, format_codes
from regio.levels import PROVINCES, level_of_code
from regio.sources._files import read_table, require_data_dir
from regio.sources._said import rows_said, said
from regio.sources.count_names import codes_of_names, is_name
from regio.validate import to_numeric

__all__ = [
    "COLUMNS",
    "PROFESSIONS",
    "REFERENCE_MOMENTS",
    "REGION_COLUMNS",
    "normalise_profession",
    "read_cbs_extract",
    "read_counts_file",
    "read_physician_dir",
    "reference_date",
    "tidy_cbs_extract",
]

COLUMNS = ["statcode", "statnaam", "level", "year", "reference_date", "profession", "count", "fte",
           "kind", "sector", "provisional", "source"]

#: Known professions: key -> (Dutch label, English label, labels used by CBS).
PROFESSIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "huisarts": ("huisarts", "general practitioner",
                 ("Arts; huisartsgeneeskunde", "huisartsgeneeskunde", "huisartsen", "gp")),
    "basisarts": ("basisarts", "basic physician", ("Arts; basisarts", "basisartsen")),
    "medisch_specialist": ("medisch specialist", "medical specialist",
                           ("Arts; medisch specialist", "medisch specialisten")),
    "arts": ("arts (alle)", "physician (all)", ("Arts", "Arts; totaal", "artsen")),
    "big_totaal": ("alle BIG-geregistreerde beroepen", "all BIG-registered professions",
                   ("Totaal BIG-geregistreerde beroepen", "Totaal BIG-geregistreerd")),
}

_LOOKUP = {
    alias.strip().lower(): key
    for key, (nl, en, cbs) in PROFESSIONS.items()
    for alias in (key, nl, en, *cbs)
}


def normalise_profession(label: str) -> str:
    """Return the regio key of a profession label; unknown labels are kept as given.

    Parameters
    ----------
    label
        A key of :data:`PROFESSIONS`, its Dutch or English label, or a CBS
        title (case and surrounding spaces do not matter).

    Returns
    -------
    str
        The key (``huisarts``, ``basisarts``, ``medisch_specialist``,
        ``arts``, ``big_totaal``), or the stripped label when it is unknown.

    Examples
    --------
    >>> normalise_profession("Arts; huisartsgeneeskunde")
    'huisarts'
    >>> normalise_profession("Verpleegkundige")
    'Verpleegkundige'
    """
    text = str(label).strip()
    return _LOOKUP.get(text.lower(), text)


_UNPLACED_CODE = re.compile(r"[A-Za-z]{2}9{2,}")


def _kind(code: str, name: str) -> str:
    if code.upper().startswith("NL"):
        return "total"
    lowered = name.lower()
    # CBS codes of only nines after the prefix (PV99, GM9999) mean "niet in te delen"; codes that merely end
    # in 99 are real regions: GM0599 Rotterdam, GM0299 Zevenaar, PC4 3999 Tull en 't Waal
    if _UNPLACED_CODE.fullmatch(code) or "niet in te delen" in lowered or "buitenland" in lowered:
        return "unplaced"
    return "region"


#: Reference moment of a CBS table whose period text does not give one: the cbs.nl page of 84777NED titles
#: its period "2018 (peilmoment: laatste vrijdag voor kerst)"; StatLine's own period title is just "2018".
REFERENCE_MOMENTS: dict[str, str] = {"84777NED": "laatste vrijdag voor kerst"}

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
_DAY_MONTH = re.compile(r"(\d{1,2})\s+(" + "|".join(_MONTHS) + r")", re.IGNORECASE)


def reference_date(period: str, year: int, *, table: str | None = None) -> pd.Timestamp:
    """Return the day a CBS count refers to, from its period text; NaT when neither text nor table says.

    Understands "laatste vrijdag voor kerst" (the last Friday before
    25 December) and a day and Dutch month ("peildatum 31 december"); a
    period without either takes the table's moment in
    :data:`REFERENCE_MOMENTS`.

    Parameters
    ----------
    period
        The period text of the source, e.g. ``"2018 (peilmoment: laatste
        vrijdag voor kerst)"`` or ``"2023*"``.
    year
        The year of the count.
    table
        CBS table identifier, for its documented moment.

    Returns
    -------
    pandas.Timestamp
        The reference day, or ``NaT``.

    Examples
    --------
    >>> reference_date("2018 (peilmoment: laatste vrijdag voor kerst)", 2018)
    Timestamp('2018-12-21 00:00:00')
    >>> reference_date("2023*", 2023, table="84777NED")
    Timestamp('2023-12-22 00:00:00')
    >>> reference_date("2022*", 2022, table="84779NED")
    NaT
    """
    text = str(period).lower()
    if "vrijdag voor kerst" not in text and not _DAY_MONTH.search(text):
        text = REFERENCE_MOMENTS.get(str(table or "").strip().upper(), "")
    if "vrijdag voor kerst" in text:
        day = pd.Timestamp(int(year), 12, 24)
        return day - pd.Timedelta(days=(day.weekday() - 4) % 7)
    found = _DAY_MONTH.search(text)
    if found:
        return pd.Timestamp(int(year), _MONTHS.index(found.group(2).lower()) + 1, int(found.group(1)))
    return pd.NaT


def _per_value(values: pd.Series, func) -> pd.Series:
    """``func`` of each value, called once per distinct value (a file of millions of rows has a few thousand)."""
    distinct = pd.unique(values.dropna().to_numpy(dtype=object))
    return pd.Series(values.to_numpy(dtype=object), index=values.index).map({v: func(v) for v in distinct})


def _levels(codes: pd.Series) -> pd.Series:
    """:func:`~regio.levels.level_of_code` of each code, worked out once per distinct code; NaN where none."""
    present = codes.dropna()
    known = {c: level_of_code(str(c)) for c in pd.unique(present.to_numpy(dtype=object))}
    return pd.Series(codes.to_numpy(dtype=object), index=codes.index).map(known)


def _kinds(codes: pd.Series, names: pd.Series) -> np.ndarray:
    """:func:`_kind` of each row, worked out per distinct code and name (no Python call per row)."""
    by_code = _per_value(codes, lambda c: "total" if c.upper().startswith("NL") else
                         "unplaced" if _UNPLACED_CODE.fullmatch(c) else "region").to_numpy(dtype=object)
    unplaced_name = _per_value(names, lambda n: "niet in te delen" in n.lower() or "buitenland" in n.lower())
    unplaced_name = unplaced_name.fillna(False).to_numpy(dtype=bool)
    return np.where((by_code == "region") & unplaced_name, "unplaced", by_code).astype(object)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reindex(columns=COLUMNS)
    kind = out["kind"].to_numpy(dtype=object)
    level = _levels(out["statcode"].where(out["statcode"].notna(), None)).to_numpy(dtype=object)
    out["level"] = np.where(kind == "uncoded", None, np.where(kind == "total", "land", level))
    out["reference_date"] = pd.to_datetime(out["reference_date"])
    out["provisional"] = out["provisional"].fillna(False).astype(bool)
    out["fte"] = out["fte"].astype(float)
    out["count"] = out["count"].astype(float)
    out["year"] = out["year"].astype(int)
    return out.reset_index(drop=True)


_PV_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>[A-Z]{2})\)\s*$")
_PROVINCE_CODES = {name.lower(): code for code, name in PROVINCES.items()} | {"friesland": "PV21"}


def read_cbs_extract(path: str | Path) -> pd.DataFrame:
    """Read a CBS StatLine extract of BIG-registered professionals by place of residence.

    Accepts the layout of the files in ``physicians/`` (tables 84777NED and
    84779NED as shown on cbs.nl): ``cbs_table, period, beroep_specialisme,
    woonregio, medisch_geschoolden`` and, where present, ``region_code``,
    ``sector``, ``sociaaleconomische_categorie``, ``leeftijd``. Rows that CBS
    cannot place ("Niet in te delen") are kept with ``kind="unplaced"``; the
    national row with ``kind="total"``.

    Rows for regions without a code in the file (84779NED shows names such as
    "Gelderland (PV)") get the code of the province; names of other levels
    (arbeidsmarktregio's, "(RA)") are kept as ``kind="uncoded"`` with their
    name as shown, ``statcode`` NaN and ``level`` None.

    ``reference_date`` comes from the period text ("2018 (peilmoment:
    laatste vrijdag voor kerst)" is 2018-12-21); where the text does not say,
    from the table's documented moment (:data:`REFERENCE_MOMENTS`), else NaT.

    Parameters
    ----------
    path
        The CSV (or Excel) file.

    Returns
    -------
    pandas.DataFrame
        The tidy frame of :data:`COLUMNS`, ``source`` naming the table and file.

    Raises
    ------
    DataNotFoundError
        If the file does not exist.
    InputError
        If it lacks a column of the layout or a count is not a whole number.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> from regio.config import data_dir
    >>> gps = read_cbs_extract(data_dir() / "physicians" / "cbs84777NED_huisartsen_woonregio_provincie_2018.csv")
    >>> gps.groupby("kind")["count"].sum().to_dict()
    {'region': 12210.0, 'total': 12245.0, 'unplaced': 45.0}
    >>> utrecht = gps[gps["statcode"] == "PV26"].iloc[0]
    >>> utrecht["statnaam"], int(utrecht["count"]), str(utrecht["reference_date"].date())
    ('Utrecht', 1325, '2018-12-21')
    """
    path = Path(path)
    return tidy_cbs_extract(read_table(path), source=path.name)


def tidy_cbs_extract(raw: pd.DataFrame, *, source: str) -> pd.DataFrame:
    """Turn a frame in the layout of a CBS extract into the tidy frame of :data:`COLUMNS`.

    The pure part of :func:`read_cbs_extract`, shared with the online reader
    (:mod:`regio.sources.statline`) so that a fetched table and the file it
    is written to give the same frame. ``raw`` holds text columns as
    :func:`read_cbs_extract` describes; ``source`` names it in messages.

    Parameters
    ----------
    raw
        Text columns ``cbs_table, period, beroep_specialisme, woonregio,
        medisch_geschoolden`` and optionally ``region_code``, ``sector``,
        ``sociaaleconomische_categorie``, ``leeftijd``.
    source
        Name of the file or table, for messages and the ``source`` column.

    Returns
    -------
    pandas.DataFrame
        The tidy frame of :data:`COLUMNS`.

    Raises
    ------
    InputError
        If a column of the layout is missing or a count is not a whole number.

    Examples
    --------
    Rows of 84779NED as cbs.nl shows them, without codes: the province gets
    its code, the arbeidsmarktregio is kept uncoded.

    >>> raw = pd.DataFrame({"cbs_table": "84779NED", "period": "2022*",
    ...                     "beroep_specialisme": "Arts; huisartsgeneeskunde", "leeftijd": "Totaal leeftijd",
    ...                     "woonregio": ["Gelderland (PV)", "Midden-Gelderland (RA)"],
    ...                     "medisch_geschoolden": ["1480", "310"]})
    >>> tidy = tidy_cbs_extract(raw, source="example")
    >>> tidy[["statcode", "statnaam", "count", "kind"]].to_numpy().tolist()
    [['PV25', 'Gelderland', 1480.0, 'region'], [None, 'Midden-Gelderland (RA)', 310.0, 'uncoded']]
    >>> tidy["profession"].tolist(), tidy["provisional"].tolist()
    (['huisarts', 'huisarts'], [True, True])
    """
    need = {"cbs_table", "period", "beroep_specialisme", "woonregio", "medisch_geschoolden"}
    if not need <= set(raw.columns):
        raise InputError(f"{source}: not a CBS extract; needs columns {sorted(need)}.", key="src.not_cbs_extract",
                         source=source, need=sorted(need))
    # One measure per region: the category "Werknemer of zelfstandige" and all ages, if those columns exist.
    if "sociaaleconomische_categorie" in raw:
        raw = raw[raw["sociaaleconomische_categorie"].str.strip() == "Werknemer of zelfstandige"]
    if "leeftijd" in raw:
        raw = raw[raw["leeftijd"].str.strip().str.lower().isin(["totaal leeftijd", "totaal"])]
    names = raw["woonregio"].str.strip()
    if "region_code" in raw:
        codes = raw["region_code"].str.strip()
    else:
        parsed = names.str.extract(_PV_SUFFIX)
        codes = pd.Series(
            [_PROVINCE_CODES.get(str(n).lower()) if k == "PV" else None
             for n, k in zip(parsed["name"], parsed["kind"], strict=True)],
            index=raw.index, dtype=object,
        )
        names = parsed["name"].where(codes.notna(), names).fillna(names)  # uncoded rows keep "(RA)"
    counts = to_numeric(raw["medisch_geschoolden"], column="medisch_geschoolden", source=source,
                        codes=codes.fillna(names), integer=True)
    period = raw["period"].str.strip()
    year = period.str.extract(r"(\d{4})")[0].astype(int)
    tables = raw["cbs_table"].astype(str).str.strip()
    frame = pd.DataFrame({
        "statcode": codes,
        "statnaam": names,
        "year": year,
        "reference_date": [reference_date(p, y, table=tb) for p, y, tb in zip(period, year, tables, strict=True)],
        "profession": raw["beroep_specialisme"].map(normalise_profession),
        "count": counts,
        "fte": np.nan,
        "kind": [_kind(str(c), n) if isinstance(c, str) else "uncoded" for c, n in zip(codes, names, strict=True)],
        "sector": raw["sector"].str.strip() if "sector" in raw else "Totaal",
        "provisional": period.str.contains(r"\*", regex=True),
        "source": f"CBS {raw['cbs_table'].iloc[0] if len(raw) else ''} ({source})",
    })
    return _tidy(frame)


#: Region columns of a counts file (lower case), in order of preference: the CBS-code columns of
#: :data:`regio.sources.user_values.CODE_COLUMNS` (the files of bounds, current places and groupings) and
#: ``gemeentecode``, ``pc4``, ``postcode``. A name column (``statnaam``, ``naam``) is the optional ``name``.
REGION_COLUMNS = ("region", "statcode", "regiocode", "code", "gemeentecode", "pc4", "postcode", "regio", "gemeente",
                  "provincie")

#: Region columns whose bare numbers are municipal (``363`` is GM0363) or province (``27`` is PV27) codes.
_NUMBERED = {"gemeente": ("GM", 4), "gemeentecode": ("GM", 4), "provincie": ("PV", 2)}

_ALIASES = {
    "region": REGION_COLUMNS,
    "year": ("year", "jaar", "peiljaar"),
    "profession": ("profession", "beroep", "beroepsgroep"),
    "count": ("count", "aantal", "n", "personen"),
    "fte": ("fte", "fte_totaal"),
    "name": ("name", "statnaam", "naam", "regionaam"),
}


def _find(columns: list[str], key: str) -> str | None:
    found = _find_all(columns, key)
    return found[0] if found else None


def _find_all(columns: list[str], key: str) -> list[str]:
    """Every column that is one of the names of ``key``, in the order of preference."""
    lowered: dict[str, str] = {}
    for c in columns:
        lowered.setdefault(c.lower(), c)
    return [lowered[alias] for alias in _ALIASES[key] if alias in lowered]


def _one_column_each(raw: pd.DataFrame, name: str) -> dict[str, str | None]:
    """Find the column of each key of :data:`_ALIASES`; refuse two columns for one number, say which name is used.

    Of several region columns, the one that holds region codes is used (a ``gemeente`` column beside
    ``gemeentecode`` usually holds names); two that both hold codes are refused.
    """
    cols = [str(c) for c in raw.columns]
    found: dict[str, str | None] = {}
    for key in _ALIASES:
        candidates = _find_all(cols, key)
        if key == "region" and len(candidates) > 1:
            coded = [c for c in candidates if _holds_codes(raw[c], c)]
            if len(coded) > 1:
                raise InputError(
                    f"{name}: more than one region column with region codes ({', '.join(map(repr, coded))}); "
                    "regio cannot tell which the counts are of. Keep one, or rename the others (e.g. "
                    f"{coded[1]}_info).", key="src.two_region_code_columns", name=name,
                    columns=", ".join(map(repr, coded)), other=coded[1])
            candidates = coded or candidates[:1]
        if len(candidates) > 1 and key != "name":
            raise InputError(
                f"{name}: {len(candidates)} columns for the {key} ({', '.join(map(repr, candidates))}); regio would "
                f"use {candidates[0]!r} and ignore the others. Keep one, or rename the others (e.g. "
                f"{candidates[1]}_info).", key="src.two_columns", name=name, what=key, n=len(candidates),
                columns=", ".join(map(repr, candidates)), used=candidates[0], other=candidates[1])
        if len(candidates) > 1:
            warnings.warn(RegioWarning(f"{name}: region names from column {candidates[0]!r}; column(s) "
                                       f"{', '.join(map(repr, candidates[1:]))} not used.",
                                       key="src.names_column_used", name=name, used=candidates[0],
                                       unused=", ".join(map(repr, candidates[1:]))), stacklevel=4)
        found[key] = candidates[0] if candidates else None
    return found


def _holds_codes(values: pd.Series, column: str) -> bool:
    """Whether most of a column's distinct values are region codes (not names)."""
    prefix, width = _NUMBERED.get(column.lower(), ("", 4))
    distinct = pd.unique(values.dropna().astype(str).str.strip().str.upper().to_numpy(dtype=object))[:1000]
    coded = [level_of_code(prefix + v.zfill(width) if v.isdigit() and len(v) <= width else v) for v in distinct]
    return bool(len(distinct)) and sum(c is not None for c in coded) >= 0.5 * len(distinct)


def read_counts_file(path: str | Path, *, sheet: str | int = 0, profession: str | None = None,
                     encoding: str | None = None, data_dir: str | Path | None = None,
                     division: int | None = None) -> pd.DataFrame:
    r"""Read a user's file of physician counts (see the module docstring for the schema).

    Parameters
    ----------
    path
        CSV (``,`` or ``;`` separated, decimal commas accepted with a warning) or Excel.
    sheet
        Excel sheet.
    profession
        Profession for all rows when the file has no ``profession`` column
        (ignored when it has one).
    encoding
        The text encoding of a CSV file (e.g. ``"cp1252"``); default the
        command line's ``--encoding`` (:func:`regio.config.user_encoding`), else
        UTF-8, else Windows-1252 with a warning.
    data_dir, division
        Where municipality names written instead of codes are looked up: the municipal boundaries of
        ``division`` (default each row's year) in ``data_dir`` (default the one in use); see
        :mod:`regio.sources.count_names`.

    Returns
    -------
    pandas.DataFrame
        The tidy frame of :data:`COLUMNS` (``sector`` NaN, ``source`` the
        file name); PC4 codes written without leading zeros are padded, bare
        numbers in a ``gemeente``/``gemeentecode`` column are municipal codes
        (``363`` is GM0363) and in a ``provincie`` column province codes.
        ``attrs["profession_assumed"]`` is ``profession`` when the file has no
        profession column, else None; ``attrs["path"]`` is the file.

    Raises
    ------
    InputError
        Naming the file and the columns, rows or codes at fault: missing
        columns, codes that are not CBS region codes or PC4, non-numeric,
        negative or fractional counts, duplicate (region, year, profession).
    DataNotFoundError
        If the file does not exist.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "counts_huisartsen.csv"
    >>> _ = path.write_text("postcode;jaar;aantal;fte\n1011;2024;12;9.5\n1012;2024;7;\n", encoding="utf-8")
    >>> gps = read_counts_file(path, profession="huisarts")
    >>> gps[["statcode", "level", "year", "profession", "count", "fte"]].to_numpy().tolist()
    [['1011', 'pc4', 2024, 'huisarts', 12.0, 9.5], ['1012', 'pc4', 2024, 'huisarts', 7.0, nan]]
    >>> _ = path.write_text("postcode;jaar;aantal\n1011AB;2024;12\n", encoding="utf-8")
    >>> read_counts_file(path, profession="huisarts")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: counts_huisartsen.csv, column 'postcode': not a CBS region code or PC4 at row 2 ...
    """
    out = _read_counts(Path(path), sheet=sheet, profession=profession, in_data_dir=False,
                       encoding=encoding or user_encoding(), data_dir=data_dir, division=division)
    out.attrs["path"] = str(path)
    return out


def _read_counts(path: Path, *, sheet: str | int, profession: str | None, in_data_dir: bool,
                 encoding: str | None = None, data_dir: str | Path | None = None,
                 division: int | None = None) -> pd.DataFrame:
    """:func:`read_counts_file`; ``in_data_dir``: the file lies in ``physicians/`` (the error then says so)."""
    raw = read_table(path, sheet=sheet, encoding=encoding)
    cols = list(raw.columns)
    found = _one_column_each(raw, path.name)
    required = ["region", "year", "count"] + ([] if profession else ["profession"])
    missing = [k for k in required if found[k] is None]
    if missing:
        hint: str | RegioWarning = ""  # a sentence said in the error's language (see _other_sheets)
        if "profession" in missing and in_data_dir:  # read with every physician table, for whatever profession
            hint = RegioWarning(
                " A counts file in the data directory's physicians/ folder is read for every profession, so "
                "it needs a profession column: add one (e.g. profession with huisarts in every row), or move "
                "the file out of physicians/ and pass it with --counts FILE (in Python path=...), where "
                "the profession is taken from --profession (profession=...).", key="src.hint_profession_dir")
        elif "profession" in missing:
            hint = RegioWarning(" Without a profession column, say which profession the file holds (profession=...).",
                                key="src.hint_profession")
        accepted = "; ".join(f"{k}: {', '.join(_ALIASES[k])}" for k in missing)
        sheets = _other_sheets(raw)
        raise InputError(
            f"{path if in_data_dir else path.name}: missing column(s) {', '.join(missing)} (accepted names: "
            + accepted + f"). Columns found: {', '.join(cols)}." + str(sheets) + str(hint),
            key="src.counts_missing_columns", path=path if in_data_dir else path.name, missing=", ".join(missing),
            accepted=accepted, columns=", ".join(cols), sheets=sheets, hint=hint,
        )
    if raw.empty:
        fix = ("Fill in the counts, or remove the file from physicians/." if in_data_dir else
               "Fill in the counts, or leave out --counts (in Python: path=) to use the CBS counts of the data "
               "directory.")
        raise InputError(f"{path if in_data_dir else path.name} has a header ({', '.join(cols)}) but no rows of "
                         f"counts. {fix}", key="src.counts_no_rows_dir" if in_data_dir else "src.counts_no_rows",
                         path=path if in_data_dir else path.name, columns=", ".join(cols))
    prefix, width = _NUMBERED.get(found["region"].lower(), ("", 4))  # a bare number in a PC4 column is a postcode
    bare = re.compile(rf"\d{{1,{width}}}")

    spaced: list[str] = []

    def normalised(value: str) -> str:
        if is_name(value):  # a municipality's name (matched below), not a code: its spaces are its own
            return value.strip()
        text = value.strip().upper()
        if any(ch.isspace() for ch in text):  # "GM 0014": no code has a space in it
            spaced.append(value)
            text = "".join(text.split())
        return prefix + text.zfill(width) if bare.fullmatch(text) else text

    code = _per_value(raw[found["region"]], normalised)
    if spaced:
        n, example = len(spaced), spaced[0]
        read = normalised(example)  # (which notes the example once more)
        warnings.warn(RegioWarning(f"{path.name}, column {found['region']!r}: {n} code(s) written with spaces, read "
                                   f"without them (e.g. {example!r} as {read!r}).", key="src.codes_with_spaces",
                                   file=path.name, column=found["region"], n=n, example=example, read=read),
                      stacklevel=3)

    def row_labels() -> pd.Series:  # "row 2 (GM0014)" per row, built only for a message (files of millions of rows)
        return pd.Series([said(f"row {i + 2} ({c})", "src.row_code", row=i + 2, code=c)
                          for i, c in enumerate(code.to_numpy(dtype=object))], index=raw.index, dtype=object)

    levels = _levels(code)
    named = (levels.isna().to_numpy() & code.map(is_name, na_action="ignore").fillna(False).to_numpy(dtype=bool)
             & (prefix != "PV"))  # names in a provincie column are no municipalities: refused as codes below
    unknown = np.flatnonzero(levels.isna().to_numpy() & ~named)
    bad = [f"row {i + 2} ({code.iloc[i]})" for i in unknown[:10]]
    if bad:
        where = rows_said([said(f"row {i + 2} ({code.iloc[i]})", "src.row_code", row=i + 2, code=code.iloc[i])
                           for i in unknown[:10]], total=len(unknown))
        raise InputError(
            f"{path.name}, column {found['region']!r}: not a CBS region code or PC4 at {where}"
            + ". Use codes like GM0363, PV27 or 4-digit postcodes (PC6 must be summed to PC4 first).",
            key="src.counts_bad_codes", file=path.name, column=found["region"], where=where,
        )
    year = to_numeric(raw[found["year"]], column=found["year"], source=path.name, integer=True, codes=row_labels)
    count = to_numeric(raw[found["count"]], column=found["count"], source=path.name, integer=True, codes=row_labels)
    fte = (to_numeric(raw[found["fte"]], column=found["fte"], source=path.name, allow_missing=True, codes=row_labels)
           if found["fte"] else pd.Series(np.nan, index=raw.index))
    names = _per_value(raw[found["name"]], str.strip) if found["name"] else code.copy()
    if named.any():
        code, names = _named_municipalities(code, names, named, year, path.name, found["region"],
                                            data_dir=data_dir, division=division)
    prof = (_per_value(raw[found["profession"]], normalise_profession) if found["profession"]
            else pd.Series(normalise_profession(profession), index=raw.index))
    if prof.isna().any():
        rows = np.flatnonzero(prof.isna().to_numpy())
        where = rows_said([said(f"row {i + 2}", "src.row", row=i + 2) for i in rows[:10]], total=len(rows))
        raise InputError(f"{path.name}, column {found['profession']!r}: no profession at {where}. Fill these cells.",
                         key="src.counts_no_profession", file=path.name, column=found["profession"], where=where)
    frame = pd.DataFrame({
        "statcode": code.astype(object), "statnaam": names.astype(object), "year": year.astype(int),
        "profession": prof, "count": count, "fte": fte,
        "kind": _kinds(code, names),
        "sector": np.nan, "provisional": False, "source": path.name,
    })
    twice = frame.duplicated(["statcode", "year", "profession"], keep=False)  # column-wise: no row-by-row work
    if twice.any():
        rows = frame.loc[twice]
        dup = rows["statcode"].astype(str) + "/" + rows["year"].astype(str) + "/" + rows["profession"].astype(str)
        raise InputError(f"{path.name}: more than one row for region/year/profession {format_codes(dup)}. "
                         "Sum them into one row.", key="src.counts_duplicate_rows", file=path.name,
                         codes=format_codes(dup))
    if not in_data_dir:
        _say_unplaced(frame, path.name, found["region"])
    out = _tidy(frame)
    out.attrs["profession_assumed"] = None if found["profession"] else normalise_profession(profession)
    return out


def _say_unplaced(frame: pd.DataFrame, file: str, column: str) -> None:
    """Warn of a user's rows read as "niet in te delen" (GM9999, PV99 or such a name): nothing is placed silently."""
    rows = np.flatnonzero((frame["kind"] == "unplaced").to_numpy())
    if not len(rows):
        return
    where = rows_said([said(f"row {i + 2} ({frame['statcode'].iat[i]})", "src.row_code", row=i + 2,
                            code=frame["statcode"].iat[i]) for i in rows[:10]], total=len(rows))
    total = float(frame["count"].iloc[rows].sum())
    warnings.warn(RegioWarning(
        f"{file}, column {column!r}: {len(rows)} row(s) read as 'niet in te delen' (a code of only nines or such "
        f"a name), {total:,.0f} counted in no region: in the totals, not in any region's rate, at {where}. Give "
        "the region's code if you know it.", key="src.counts_unplaced_rows", file=file, column=column,
        n=len(rows), total=total, where=where), stacklevel=4)


def _named_municipalities(code: pd.Series, names: pd.Series, named: np.ndarray, year: pd.Series, file: str,
                           column: str, *, data_dir: str | Path | None, division: int | None
                           ) -> tuple[pd.Series, pd.Series]:
    """Replace the municipality names among the region cells by their codes (:mod:`regio.sources.count_names`).

    Looked up in the municipal boundaries of ``division`` (else each row's year); said in a warning.
    """
    from regio.sources.boundaries import read_boundary_names

    code, names = code.copy(), names.copy()
    for div in sorted({division} if division is not None else set(year[named].astype(int))):
        rows = np.flatnonzero(named & ((year == div).to_numpy() if division is None else True))
        table = read_boundary_names("gemeente", int(div), data_dir=data_dir)
        official = dict(zip(table["statcode"], table["statnaam"], strict=True))
        written = code.iloc[rows].astype(str).tolist()
        codes = codes_of_names(written, official, file=file, column=column, rows=[i + 2 for i in rows],
                               division=int(div))
        code.iloc[rows] = codes
        names.iloc[rows] = [official[c] for c in codes]
        first, got, spelled = written[0], codes[0], official[codes[0]]
        warnings.warn(RegioWarning(f"{file}, column {column!r}: {len(rows)} municipality name(s) read as the codes "
                                   f"of the municipalities of {div} (e.g. {first!r} as {got} {spelled}); give "
                                   "codes to be sure.", key="src.counts_names_read", file=file, column=column,
                                   n=len(rows), division=int(div), name=first, code=got, official=spelled),
                      stacklevel=4)
    return code, names


def _other_sheets(raw: pd.DataFrame) -> str | RegioWarning:
    """Name the sheets of an Excel file of several sheets (regio reads the first) in a sentence; else nothing.

    The sentence is a keyed :class:`~regio.errors.RegioWarning` (not emitted): as a value of an error's message
    it is said in the error's language; ``str()`` of it is the English sentence.
    """
    sheets = raw.attrs.get("sheets") or []
    if len(sheets) < 2:
        return ""
    names = ", ".join(map(repr, sheets))
    return RegioWarning(f" The workbook's sheets are {names}: regio reads the first; put the table there "
                        "(in Python: sheet=NAME).", key="src.other_sheets", sheets=names)


def read_physician_dir(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Read every physician table in ``physicians/`` of the data directory.

    CBS extracts (``cbs*.csv``) and files in the user schema
    (``counts_*.csv``/``.xlsx``, which here need a profession column: they are
    read whatever profession is asked for) are read; other files (national
    series) are left to their own readers. The same count in two files (e.g. a year fetched
    again) is kept once; different counts for the same region, year,
    profession and sector are an error naming both files.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        The tidy frame of :data:`COLUMNS`, all files together; no rows when
        there is no ``physicians/`` folder or no file in it.

    Raises
    ------
    DataNotFoundError
        If the data directory does not exist.
    InputError
        For a file that cannot be read, a ``counts_*`` file without a
        profession column (naming the file and the fix: add the column, or
        pass the file with ``--counts``/``path=``), or two files with
        different counts.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> phys = read_physician_dir()
    >>> gps = phys[(phys["profession"] == "huisarts") & (phys["kind"] == "region")]
    >>> sorted(set(gps["year"].tolist())), int(gps["count"].sum())
    ([2018], 12210)
    >>> sorted(set(phys["profession"]))
    ['big_totaal', 'huisarts']
    """
    root = require_data_dir(data_dir) / "physicians"
    if not root.is_dir():
        return pd.DataFrame(columns=COLUMNS)
    # read once per process while the files stay the same (the atlas asks nine times); a copy each time, and
    # the warnings of the first read given again
    stamps = tuple((p.name, st.st_mtime_ns, st.st_size) for p in sorted(root.iterdir()) if _physician_file(p)
                   for st in (p.stat(),))
    frame, said = _read_dir(str(root), stamps)
    for message in said:
        warnings.warn_explicit(message.message, message.category, message.filename, message.lineno)
    return frame.copy()


def _physician_file(path: Path) -> bool:
    name = path.name.lower()
    return ((name.startswith("cbs") and path.suffix == ".csv")
            or (name.startswith("counts_") and path.suffix in {".csv", ".xlsx"}))


@functools.lru_cache(maxsize=4)
def _read_dir(root: str, stamps: tuple) -> tuple[pd.DataFrame, tuple]:
    frames = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, _, _ in stamps:
            path = Path(root) / name
            if name.lower().startswith("cbs"):
                frames.append(read_cbs_extract(path))
            else:
                frames.append(_read_counts(path, sheet=0, profession=None, in_data_dir=True))
    out = _one_row_per_measure(pd.concat(frames, ignore_index=True)) if frames else pd.DataFrame(columns=COLUMNS)
    return out, tuple(caught)


def _one_row_per_measure(frame: pd.DataFrame) -> pd.DataFrame:
    key = ["statcode", "statnaam", "year", "profession", "sector", "kind"]
    keyed = frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "").astype(str) for c in key})
    dup = keyed.duplicated(key, keep=False)
    if not dup.any():
        return frame
    clash = keyed[dup].groupby(key)["count"].nunique()
    clash = clash[clash > 1]
    if len(clash):
        rows = keyed[dup].set_index(key).loc[clash.index]
        files = sorted(set(rows["source"]))
        codes = sorted({f"{k[0]} {k[2]} {k[3]}" for k in clash.index})
        raise InputError(
            f"Different physician counts for the same region, year and profession in {', '.join(files)}: "
            f"{format_codes(codes)}. Keep one of the files in physicians/.", key="src.physicians_files_differ",
            files=", ".join(files), codes=format_codes(codes),
        )
    return frame[~keyed.duplicated(key, keep="first")].reset_index(drop=True)
