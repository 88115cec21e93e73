"""Values per region that a user gives: a mapping, a Series, or the region and value columns of a table.

One reader for bounds, current distributions and GP counts per region
(``regio allocate``), and trainers, needs and intakes per institute
(``regio recruit``): keys are codes, names or aliases; problems (unknown
keys, keys given twice, keys missing where every region is required, values
that are not numbers, negative, fractional or ambiguous) are named.
:func:`table_values` takes the values out of a table read from a CSV/Excel
file; text such as ``"PV20=30,PV21=25"`` is the command line's to parse
(:mod:`regio.cli._parse`).

Examples
--------
>>> idx = pd.Index(["amc", "lumc"])
>>> read_region_values({"amc": 80, "Leiden": "40"}, index=idx, names={}, aliases={"leiden": "lumc"},
...                    what="trainers", require_all=True).tolist()
[80.0, 40.0]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from regio.errors import InputError, Phrase, RegioWarning, UnknownCodeError, format_codes
from regio.names import fold
from regio.text import said_what
from regio.validate import to_numeric

__all__ = ["CODE_COLUMNS", "UNIT_COLUMNS", "areas_mapping", "code_column_of", "read_region_values", "table_values"]

#: Column names (lower case) accepted for the region in a file of values per region.
CODE_COLUMNS = ("statcode", "code", "regiocode", "region", "regio", "gemeente", "provincie", "instituut",
                "institute", "institute_id", "id", "statnaam", "naam", "name")
#: Column names (lower case) accepted for the municipality in an ``--areas`` file (municipality -> region).
UNIT_COLUMNS = ("gemeente", "gemeentecode", "gemeente_code", "gm_code", "gmcode", "gemcode", "statcode", "code")

#: A CBS region code (``GM0363``, ``PV20``, ``GG3406``) or a bare municipal number (``363``).
_CODE_VALUE = re.compile(r"^(?:[A-Za-z]{2}\d{2,4}|\d{1,4})$")


def _holds_codes(values: pd.Series) -> bool:
    """Whether every filled cell of a column looks like a region code (``GM0363``, ``PV20``, ``363``)."""
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    return bool(len(text)) and bool(text.str.fullmatch(_CODE_VALUE).all())


def code_column_of(table: pd.DataFrame, *, names: tuple[str, ...], source: str, code_column: str | None = None,
                   what: str = "the region codes") -> str | None:
    """Return the column of region codes of a user's table; refuse to guess between two.

    A column counts when its name (any case) is one of ``names`` or ends in
    ``code``, and every filled cell looks like a region code. Two such columns
    with different codes are an error naming both and ``--code-column`` (the
    same codes twice, as in ``statcode`` beside ``gemeentecode`` copied from
    it, are not). ``code_column`` chooses one.

    Parameters
    ----------
    table
        The table (text columns).
    names
        Accepted column names, lower case, in order of preference.
    source
        What the table is, for messages (``"lower bounds in bounds.csv"``).
    code_column
        The column to take, as the user named it.
    what
        What the column holds, for messages.

    Returns
    -------
    str or None
        The column, or None when no column holds codes.

    Raises
    ------
    InputError
        ``code_column`` is not a column; or two columns hold different codes.

    Examples
    --------
    >>> t = pd.DataFrame({"statcode": ["GM0014", "GM0034"], "gemeentecode": ["GM0014", "GM0037"], "n": ["1", "2"]})
    >>> code_column_of(t, names=CODE_COLUMNS, source="counts.csv")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: counts.csv: 2 columns could hold the region codes: 'statcode' and 'gemeentecode', with ...
    >>> code_column_of(t, names=CODE_COLUMNS, source="counts.csv", code_column="gemeentecode")
    'gemeentecode'
    """
    if code_column is not None:
        if code_column in table.columns:
            return code_column
        lower = {str(c).lower(): c for c in table.columns}
        if code_column.lower() in lower:
            return lower[code_column.lower()]
        raise InputError(f"{source}: no column {code_column!r} (--code-column); columns: "
                         f"{', '.join(map(str, table.columns))}.", key="src.no_code_column", source=source,
                         column=code_column, columns=", ".join(map(str, table.columns)))
    order = {name: i for i, name in enumerate(names)}
    found = [c for c in table.columns if (str(c).lower() in order or str(c).lower().endswith("code"))
             and _holds_codes(table[c])]
    distinct: list = []
    for col in found:  # a copy of a column already seen is no second choice
        same = [d for d in distinct if table[d].astype(str).str.strip().equals(table[col].astype(str).str.strip())]
        if not same:
            distinct.append(col)
    if len(distinct) > 1:
        listed = " and ".join(repr(str(c)) for c in distinct) if len(distinct) == 2 else \
            ", ".join(repr(str(c)) for c in distinct)
        raise InputError(
            f"{source}: {len(distinct)} columns could hold {what}: {listed}, with different codes; regio does not "
            f"guess. Choose one with --code-column NAME (code_column= in Python), e.g. --code-column "
            f"{distinct[0]}, or remove the other column from the file.", key="src.code_columns_differ",
            source=source, n=len(distinct), what=what, listed=listed, first=distinct[0])
    return min(found, key=lambda c: order.get(str(c).lower(), len(order))) if found else None


def areas_mapping(table: pd.DataFrame, *, code_column: str | None = None) -> pd.DataFrame:
    """Read an ``--areas`` table (municipality -> region) into the columns ``gemeente`` and ``region``.

    The municipality column is the one of :data:`UNIT_COLUMNS` (or another
    ``...code`` column) that holds municipal codes, chosen by
    :func:`code_column_of` (two with different codes are an error naming them
    and ``--code-column``); the region column is ``region`` (or ``regio``),
    else the only other column that is not a name column.

    Parameters
    ----------
    table
        The table as read (:func:`regio.sources._files.read_table`; ``attrs["path"]`` names it).
    code_column
        The municipality column, when more than one could be it.

    Returns
    -------
    pandas.DataFrame
        Columns ``gemeente`` and ``region`` (text), ``attrs["path"]`` kept;
        :func:`regio.geography.define_level` checks the codes.

    Raises
    ------
    InputError
        Naming the file and its columns: no municipality column, two that could
        be it, or no single region column.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeentecode": ["GM0014", "GM0034"], "gemeentenaam": ["Groningen", "Almere"],
    ...                   "regio": ["Noord", "Midden"]})
    >>> areas_mapping(t).to_dict("list")
    {'gemeente': ['GM0014', 'GM0034'], 'region': ['Noord', 'Midden']}
    """
    path = table.attrs.get("path")
    source = f"--areas {path}" if path else "the areas table"
    unit = code_column_of(table, names=UNIT_COLUMNS, source=source, code_column=code_column,
                          what="the municipality codes")
    if unit is None:
        unit = next((c for c in table.columns if str(c).lower() == "gemeente"), None)
    if unit is None:
        raise InputError(f"{source}: needs a column with the municipality codes (gemeente, gemeentecode or "
                         f"statcode: GM0363) and one with the region; columns: {', '.join(map(str, table.columns))}.",
                         key="src.areas_no_unit_column", source=source, columns=", ".join(map(str, table.columns)))
    lower = {str(c).lower(): c for c in table.columns if c != unit}
    region = next((lower[n] for n in ("region", "regio", "regionaam", "regiocode") if n in lower), None)
    if region is None:
        names = {"statnaam", "naam", "name", "gemeentenaam", "gemeente"}
        others = [c for c in table.columns if c != unit and str(c).lower() not in names and not _holds_codes(table[c])]
        region = others[0] if len(others) == 1 else None
    if region is None:
        raise InputError(f"{source}: needs one region column (region or regio) beside the municipality column "
                         f"{unit!r}; columns: {', '.join(map(str, table.columns))}.", key="src.areas_no_region_column",
                         source=source, unit=unit, columns=", ".join(map(str, table.columns)))
    out = pd.DataFrame({"gemeente": table[unit].to_numpy(), "region": table[region].to_numpy()})
    out.attrs["path"] = path
    return out


def table_values(table: pd.DataFrame, *, what: str, column: str | None = None,
                 code_column: str | None = None) -> pd.Series:
    """Take the values per region out of a table read from a user's file: the region and one value column.

    The region column is the one that holds region codes (a name of
    :data:`CODE_COLUMNS` or ending in ``code``; two with different codes are
    an error naming them and ``--code-column``, see :func:`code_column_of`),
    else the first of :data:`CODE_COLUMNS` (names) the table has; the value column
    is ``column`` if given and present, else the only other column. Rows
    without a value are left out. The values stay as written (text), so that
    :func:`read_region_values` names the cells it cannot read.

    Parameters
    ----------
    table
        The table (:func:`regio.sources._files.read_table`; its
        ``attrs["path"]`` names the file in messages).
    what
        What the values are (``"lower bounds"``), for messages.
    column
        Preferred value column (``"lower"`` in a file with both bounds).
    code_column
        The region column, when more than one could be it (``--code-column``).

    Returns
    -------
    pandas.Series
        Value (as written) per region key (as written), in the order of the
        file; ``attrs["region_values"]`` holds ``source`` (``"lower bounds in
        FILE"``), ``column`` and ``path``, which :func:`read_region_values`
        uses in its messages.

    Raises
    ------
    InputError
        If the table has no region column, two that could be it, or no single
        value column.

    Examples
    --------
    >>> t = pd.DataFrame({"naam": ["Groningen", "Fryslân"], "code": ["PV20", "PV21"], "aantal": ["34", ""]})
    >>> t.attrs["path"] = "instroom.csv"
    >>> values = table_values(t, what="current distribution")
    >>> values.to_dict(), values.attrs["region_values"]["source"]
    ({'PV20': '34'}, 'current distribution in instroom.csv')
    >>> table_values(t[["naam", "code"]], what="lower bounds")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: lower bounds in instroom.csv: needs a region column (statcode, code, regiocode, ...
    """
    path = table.attrs.get("path")
    # what the values are, in the words of the message's language (a phrase that is also the English text)
    source = Phrase(f"{what} in {path}", "src.what_in", what=what, path=path) if path else said_what(what)
    # the region column by priority (codes before names), whatever the order of the columns in the file
    lower = {str(c).lower(): c for c in table.columns}
    key = code_column_of(table, names=CODE_COLUMNS, source=source, code_column=code_column)
    if key is None:
        key = next((lower[name] for name in CODE_COLUMNS if name in lower), None)
    codes = {c for c in table.columns if str(c).lower().endswith("code") and _holds_codes(table[c])}
    rest = [c for c in table.columns if c != key and str(c).lower() not in CODE_COLUMNS and c not in codes
            and not str(c).lower().endswith(("naam", "name"))]  # names (gemeentenaam) are no values
    if column is not None and column in table.columns and column != key:
        value = column
    elif len(rest) == 1:
        value = rest[0]
    else:
        value = None
    if key is None or value is None:
        raise InputError(f"{source}: needs a region column ({', '.join(CODE_COLUMNS[:9])}, ...) and one value "
                         f"column{f' (or a column named {column!r})' if column else ''}; columns: "
                         f"{', '.join(table.columns)}.", key="src.values_columns_named" if column else
                         "src.values_columns", source=source, names=", ".join(CODE_COLUMNS[:9]), column=column,
                         columns=", ".join(table.columns))
    keep = table[value].notna() & (table[value].astype(str).str.strip() != "")
    out = pd.Series(table.loc[keep, value].tolist(), index=table.loc[keep, key].astype(str).tolist(), dtype=object)
    out.attrs["region_values"] = {"source": source, "column": str(value), "path": None if path is None else str(path)}
    return out


def _alias_map(index: pd.Index, names: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code in index:
        out[fold(code)] = code
        if names.get(code):
            out.setdefault(fold(names[code]), code)
    return out


def read_region_values(
    spec: Mapping[str, float] | pd.Series | None,
    *,
    index: pd.Index,
    names: Mapping[str, str],
    what: str,
    aliases: Mapping[str, str] | None = None,
    whole: bool = True,
    require_all: bool = False,
    noun: str = "regions",
) -> pd.Series | None:
    """Values per region from a mapping or a Series, keyed by codes, names or other spellings.

    Keys are codes, names (``names``) or other spellings (``aliases``), compared
    without case and diacritics. Regions may be left out (e.g. no bound for
    them) unless ``require_all``. A file is read first, by
    :func:`table_values` (whose Series names the file and column in the
    messages here); text such as ``"PV20=30,PV21=25"`` is the command line's
    to parse.

    Numbers are read by :func:`regio.validate.to_numeric`: a Dutch decimal
    comma (``"2,5"``, ``"1.234,5"``) is read with a warning. With ``whole``
    (the default: counts, bounds and current places are whole numbers) a
    value with a fraction is an error, and so is ``"1.535"`` or ``"1,026"``,
    which may mean 1535 (thousands separator) or a decimal number: regio does
    not guess, the message names the cells.

    Parameters
    ----------
    spec
        The values, numbers or numbers as written; None gives None.
    index
        The codes of the regions that exist.
    names
        Code -> name, so names are accepted as keys.
    what
        What the values are (``"lower bounds"``), for messages.
    aliases
        Other accepted spellings -> code.
    whole
        Values must be whole numbers.
    require_all
        Every region of ``index`` must be given.
    noun
        What the keys are, for messages (``"institutes"``).

    Returns
    -------
    pandas.Series or None
        Float values indexed by code, in the order given (``require_all``:
        in the order of ``index``).

    Raises
    ------
    InputError, UnknownCodeError
        Once, listing every problem of the keys: unknown regions (listing the
        known ones), regions given twice, regions missing (``require_all``);
        or non-numeric, negative or (with ``whole``) fractional values,
        naming the cells; or values that are no mapping or Series (a path, a
        text).

    Examples
    --------
    >>> idx = pd.Index(["PV20", "PV21"])
    >>> read_region_values({"PV20": 30, "Fryslân": "25"}, index=idx, names={"PV21": "Fryslân"},
    ...                    what="lower").tolist()
    [30.0, 25.0]
    >>> read_region_values({"PV20": "1.535"}, index=idx, names={}, what="GP counts")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Column 'GP counts': ambiguous numbers at PV20 (e.g. '1.535': a thousands ...
    >>> read_region_values({"PV20": 3, "PV99": 1}, index=idx, names={}, what="trainers", require_all=True)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: trainers: unknown regions, that do not exist at this level: PV99 ...; missing ...
    """
    if spec is None:
        return None
    source, column_name, file = said_what(what), said_what(what), None
    if isinstance(spec, pd.Series):
        read = spec.attrs.get("region_values") or {}
        source, column_name, file = read.get("source", source), read.get("column", column_name), read.get("path")
        keys, values = [str(k) for k in spec.index], list(spec.to_numpy())
    elif isinstance(spec, Mapping):
        keys, values = [str(k) for k in spec], list(spec.values())
    else:
        raise InputError(f"{what}: give the values per region as a mapping or a Series (e.g. {{'PV20': 30}}), not "
                         f"{type(spec).__name__} {spec!r}; read a file with table_values(read_table(path), ...).",
                         key="src.values_not_mapping", what=what, type=type(spec).__name__, spec=spec)
    lookup = _alias_map(index, names)
    if aliases:
        lookup.update({fold(k): v for k, v in aliases.items() if v in set(index)})
    codes = [lookup.get(fold(k)) for k in keys]
    unknown = [k for k, c in zip(keys, codes, strict=True) if c is None]
    given = [c for c in codes if c is not None]
    # each problem a keyed phrase (a RegioWarning not emitted), said in the language of the error it is part of
    problems: list[RegioWarning] = []
    institutes = noun == "institutes"
    if unknown:
        problems.append(RegioWarning(
            f"unknown {noun}, that do not exist at this level: {format_codes(unknown)} "
            f"(known: {format_codes(index, limit=12)}, codes or names)",
            key="src.unknown_institutes" if institutes else "src.unknown_regions", noun=noun,
            codes=format_codes(unknown), known=format_codes(index, limit=12)))
    dup = sorted({c for c in given if given.count(c) > 1})
    if dup:
        problems.append(RegioWarning(f"{noun} given more than once: {format_codes(dup)}",
                                     key="src.institutes_twice" if institutes else "src.regions_twice",
                                     noun=noun, codes=format_codes(dup)))
    absent = [c for c in index if c not in set(given)] if require_all else []
    if absent:
        problems.append(RegioWarning(f"missing for {format_codes(absent)}", key="src.values_missing_for",
                                     codes=format_codes(absent)))
    if problems:
        first, second, third = [*problems, "", ""][:3]
        parts = {"first": first, "sep2": "; " if second else "", "second": second, "sep3": "; " if third else "",
                 "third": third}
        listed = "; ".join(map(str, problems))
        if unknown:
            raise UnknownCodeError(f"{source}: " + listed + ".", key="src.region_values_problems", source=source,
                                   **parts)
        raise InputError(f"{source}: " + listed + ".", key="src.region_values_problems", source=source, **parts)
    text = pd.Series(["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
                      for v in values], index=codes)
    labels = pd.Series([f"{k} ({c})" if fold(k) != fold(c) else c for k, c in zip(keys, codes, strict=True)],
                       index=codes)
    num = to_numeric(text, column=column_name, source=file, integer=whole, codes=labels)
    out = pd.Series(num.to_numpy(dtype=float), index=codes)
    return out.reindex(index) if require_all else out
