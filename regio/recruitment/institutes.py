"""Institute ids and names, municipal codes, and assignment by an agreement table."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from regio.errors import InputError, format_codes
from regio.geography import define_level
from regio.text import joined

log = logging.getLogger(__name__)

#: Columns of every assignment frame (index: municipality code ``statcode``).
ASSIGNMENT_COLUMNS = ["institute", "joint", "location", "cost", "method"]
#: Trainers in 2009 and the agreed target (Huisartsopleiding Nederland newsletter, 2009).
NATIONAL_TRAINERS_2009 = 1700
NATIONAL_TRAINERS_TARGET = 2000
#: "The number of trainers per region at least 25%" (of GPs), the 2009 starting point.
DEFAULT_TARGET_SHARE = 0.25

_SPLIT = re.compile(r"\s*[;,/+|]\s*")
_GM = re.compile(r"^(?:GM)?(\d{1,4})$", re.IGNORECASE)


class InfeasibleTargetError(InputError):
    """The institutes need more trainers than the municipalities can hold.

    Attributes
    ----------
    shortfall
        Trainers short per institute (0 where the need is met).
    assignment
        The assignment with the least total shortfall (and, among those, the
        least population-weighted distance), or ``None``.
    """

    def __init__(self, message: str, *, shortfall: pd.Series, assignment: pd.DataFrame | None = None,
                 key: str | None = None, **params: object):
        super().__init__(message, key=key, **params)
        self.shortfall = shortfall
        self.assignment = assignment


# ----------------------------------------------------------------------------- names and ids

def joint_list(value: object) -> list[str]:
    """Split a cell of joint institutes (``"lumc; erasmusmc"``) into ids.

    Parameters
    ----------
    value
        A cell: ids separated by ``;``, ``,``, ``/``, ``+`` or ``|``; empty,
        None or NaN for none.

    Returns
    -------
    list of str
        The ids in the order given (not checked against known institutes).

    Examples
    --------
    >>> joint_list("lumc; erasmusmc"), joint_list(None), joint_list("")
    (['lumc', 'erasmusmc'], [], [])
    >>> joint_list("amc / vumc + lumc"), joint_list(float("nan"))
    (['amc', 'vumc', 'lumc'], [])
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):
        return []
    return [p for p in _SPLIT.split(str(value).strip()) if p]


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text).replace("’", "'").replace("`", "'")).strip().lower()


def institute_aliases(locations: pd.DataFrame) -> dict[str, str]:
    """Spellings accepted for each institute id: id, ``HAO-`` id, short name, UMC and city.

    A spelling shared by two institutes (``Amsterdam``, ``Amsterdam UMC``) is
    not accepted for either.

    Parameters
    ----------
    locations
        Institute locations with ``institute_id``, ``kind`` and optionally
        ``short_name``, ``umc``, ``city`` (as :func:`regio.sources.geodata.institutes`).

    Returns
    -------
    dict
        Lower-case spelling -> institute id.

    Examples
    --------
    >>> loc = pd.DataFrame({"institute_id": ["amc", "vumc", "lumc"], "kind": "main",
    ...                     "city": ["Amsterdam", "Amsterdam", "Leiden"]})
    >>> a = institute_aliases(loc)
    >>> a["leiden"], a["hao-amc"], "amsterdam" in a
    ('lumc', 'amc', False)
    """
    main = locations[locations["kind"] == "main"] if "kind" in locations else locations
    seen: dict[str, set[str]] = {}
    for _, row in main.iterrows():
        iid = str(row["institute_id"])
        spellings = {iid, f"hao-{iid}"}
        for col in ("short_name", "umc", "city"):
            if col in row and pd.notna(row[col]):
                spellings.add(str(row[col]))
        for s in spellings:
            seen.setdefault(_norm(s), set()).add(iid)
    ids = {str(i) for i in main["institute_id"]}
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    out.update({_norm(i): i for i in ids})  # an id always means itself
    return out


def resolve_institutes(values: Iterable[object], aliases: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Map spellings to institute ids; return ``(ids, unknown spellings)``.

    Spellings are matched case-insensitively, with surrounding and repeated
    spaces ignored.

    Parameters
    ----------
    values
        Spellings of institutes (ids, short names, cities ...).
    aliases
        Lower-case spelling -> institute id, as from :func:`institute_aliases`.

    Returns
    -------
    tuple of list
        One id per value (None where unknown), and the unknown spellings as given.

    Examples
    --------
    >>> resolve_institutes(["LUMC", "x"], {"lumc": "lumc"})
    (['lumc', None], ['x'])
    >>> resolve_institutes(["  Leiden "], {"leiden": "lumc"})
    (['lumc'], [])
    """
    ids, unknown = [], []
    for v in values:
        key = _norm(v)
        if key in aliases:
            ids.append(aliases[key])
        else:
            ids.append(None)
            unknown.append(str(v))
    return ids, unknown


def resolve_municipalities(values: pd.Series, *, names: Mapping[str, str] | None = None) -> pd.Series:
    """Turn municipality codes (``GM0363``, ``363``, ``0363``) or names into ``GMxxxx`` codes.

    Values that are neither a code nor a known name are returned unchanged, so
    that a later check against the division lists them.

    Parameters
    ----------
    values
        Codes or names.
    names
        Code -> name of the division (names matched case-insensitively; a
        name shared by two codes is not matched).

    Returns
    -------
    pandas.Series
        Same index as ``values``; missing values stay missing.

    Examples
    --------
    >>> resolve_municipalities(pd.Series(["363", "Leiden", "Atlantis"]), names={"GM0546": "Leiden"}).tolist()
    ['GM0363', 'GM0546', 'Atlantis']
    """
    by_name: dict[str, str] = {}
    if names:
        counts: dict[str, int] = {}
        for code, name in names.items():
            counts[_norm(name)] = counts.get(_norm(name), 0) + 1
            by_name[_norm(name)] = str(code)
        by_name = {k: v for k, v in by_name.items() if counts[k] == 1}

    def one(v: object) -> object:
        if pd.isna(v):
            return v
        text = str(v).strip()
        m = _GM.match(text)
        if m:
            return "GM" + m.group(1).zfill(4)
        return by_name.get(_norm(text), text)

    return values.map(one)


def _institute_ids(locations: pd.DataFrame) -> list[str]:
    return sorted({str(i) for i in locations["institute_id"]})


def _finish(frame: pd.DataFrame, method: str, notes: Mapping[str, object]) -> pd.DataFrame:
    out = frame[ASSIGNMENT_COLUMNS].copy()
    out.index.name = "statcode"
    out.attrs.update({"method": method, **notes})
    return out


# ----------------------------------------------------------------------------- agreement

_CODE_COLS = ("gemeente", "statcode", "gemeentecode", "code", "gm_code", "municipality_code")
_NAME_COLS = ("gemeentenaam", "statnaam", "naam", "name", "municipality", "gemeente_naam")
_PRIMARY_COLS = ("primary", "institute", "instituut", "primair", "primary_institute", "lead")
_JOINT_COLS = ("joint", "gezamenlijk", "joint_institutes", "samen", "also")


def _find(columns: Iterable[str], wanted: Iterable[str]) -> str | None:
    lower = {str(c).strip().lower(): c for c in columns}
    return next((lower[w] for w in wanted if w in lower), None)


def assign_from_agreement(
    table: pd.DataFrame,
    *,
    units: Iterable[str],
    locations: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """Read an assignment from an agreement table: municipality -> primary (+ joint) institutes.

    Parameters
    ----------
    table
        One row per municipality with a code column (``gemeente``,
        ``statcode``, ``code``; ``GM0363``, ``0363`` and ``363`` are
        accepted) or a name column (``gemeentenaam``, ``naam``, ``name``), a
        primary institute column (``primary``, ``institute``, ``instituut``)
        and optionally joint institutes (``joint``, ``gezamenlijk``;
        separated by ``;``, ``,``, ``/`` or ``+``). Institutes by id
        (``amc``, ``vumc``, ``umcg``, ``lumc``, ``mumc``, ``radboudumc``,
        ``erasmusmc``, ``umcu``), short name or unambiguous city.
    units
        The municipal codes of the boundary year the table must match.
    locations
        Institute locations (for the known ids).
    names
        Code -> name of the municipalities of that year (to accept names).
    source
        File name for messages.

    Returns
    -------
    pandas.DataFrame
        Indexed by municipality code (all of ``units``), columns
        :data:`ASSIGNMENT_COLUMNS`; ``method`` is ``"agreement"``.

    Raises
    ------
    InputError
        Once, listing every problem: missing columns, unknown institutes,
        codes or names not in the boundary year, municipalities assigned twice
        and municipalities without an institute.

    Examples
    --------
    >>> loc = pd.DataFrame({"institute_id": ["a", "b"], "kind": "main"})
    >>> t = pd.DataFrame({"gemeente": ["GM0001", "2"], "primary": ["a", "B"], "joint": ["b", ""]})
    >>> assign_from_agreement(t, units=["GM0001", "GM0002"], locations=loc)[["institute", "joint"]]
             institute joint
    statcode
    GM0001           a     b
    GM0002           b
    """
    where = f" in {source}" if source else ""
    code_col, name_col = _find(table.columns, _CODE_COLS), _find(table.columns, _NAME_COLS)
    primary_col, joint_col = _find(table.columns, _PRIMARY_COLS), _find(table.columns, _JOINT_COLS)
    no_code, no_primary = code_col is None and name_col is None, primary_col is None
    if no_code or no_primary:
        code_names = f"{', '.join(_CODE_COLS[:3])} or {', '.join(_NAME_COLS[:3])}"
        primary_names = ", ".join(_PRIMARY_COLS[:3])
        lacking = [InputError(f"a municipality column ({code_names})", key="recruitment.part.code_column",
                              names=code_names)] * no_code \
            + [InputError(f"a primary institute column ({primary_names})", key="recruitment.part.primary_column",
                          names=primary_names)] * no_primary
        columns = ", ".join(map(str, table.columns))
        raise InputError(f"Agreement table{where} lacks {' and '.join(map(str, lacking))}; its columns: {columns}.",
                         key="recruitment.agreement_lacks_both" if len(lacking) == 2 else "recruitment.agreement_lacks",
                         where=where, lacking=lacking[0], code_names=code_names, primary_names=primary_names,
                         columns=columns)
    units = pd.Index([str(u) for u in units])
    key = table[code_col] if code_col is not None else table[name_col]
    if code_col is not None and name_col is not None:
        key = key.where(key.notna() & (key.astype(str).str.strip() != ""), table[name_col])
    codes = resolve_municipalities(key, names=names)
    aliases = institute_aliases(locations)
    problems = []
    primary_raw = table[primary_col]
    filled = primary_raw.notna() & (primary_raw.astype(str).str.strip() != "")
    primary_ids, unknown = resolve_institutes(primary_raw[filled], aliases)
    primary = pd.Series(None, index=table.index, dtype=object)
    primary[filled] = primary_ids
    joints: list[str] = []
    for i, cell in (table[joint_col] if joint_col is not None else pd.Series("", index=table.index)).items():
        ids, bad = resolve_institutes(joint_list(cell), aliases)
        unknown += bad
        keep = [j for j in dict.fromkeys(ids) if j is not None and j != primary[i]]
        joints.append(";".join(keep))
    if unknown:
        known = ", ".join(_institute_ids(locations))
        problems.append(InputError(f"unknown institutes {format_codes(unknown)} (known: {known})",
                                   key="recruitment.part.unknown_institutes", codes=format_codes(unknown),
                                   known=known))
    mapping = pd.DataFrame({"gemeente": codes.to_numpy(), "institute": primary.to_numpy(), "joint": joints})
    unknown_institute_rows = filled.to_numpy() & mapping["institute"].isna().to_numpy()
    try:
        level = define_level(
            mapping.assign(institute=mapping["institute"].where(~unknown_institute_rows, "?")),
            units=units, unit_column="gemeente", region_column="institute", source=source)
    except InputError as exc:
        problems.append(InputError(str(exc).replace(". Fix the mapping table.", "").replace(
            f"Mapping{where}: units", "municipalities"), key="recruitment.part.mapping", inner=exc))
        level = None
    if problems:
        raise InputError(f"Agreement table{where}: " + "; ".join(map(str, problems)) + ". Fix the table: one row "
                         f"per municipality of the boundary year ({len(units)} municipalities), each with a known "
                         "primary institute.", key="recruitment.bad_agreement", where=where,
                         problems=joined(problems), n=len(units))
    assert level is not None
    joint = pd.Series(joints, index=mapping["gemeente"].astype(str)).reindex(units).fillna("")
    out = pd.DataFrame({"institute": level.to_numpy(), "joint": joint.to_numpy(), "location": None,
                        "cost": np.nan, "method": "agreement"}, index=units)
    return _finish(out, "agreement", {"source": source or "agreement table"})
