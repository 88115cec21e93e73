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

from collections.abc import Mapping

import numpy as np
import pandas as pd

from regio.errors import InputError, UnknownCodeError, format_codes
from regio.names import fold
from regio.validate import to_numeric

__all__ = ["CODE_COLUMNS", "read_region_values", "table_values"]

#: Column names (lower case) accepted for the region in a file of values per region.
CODE_COLUMNS = ("statcode", "code", "regiocode", "region", "regio", "gemeente", "provincie", "instituut",
                "institute", "institute_id", "id", "statnaam", "naam", "name")


def table_values(table: pd.DataFrame, *, what: str, column: str | None = None) -> pd.Series:
    """Take the values per region out of a table read from a user's file: the region and one value column.

    The region column is the first of :data:`CODE_COLUMNS` (codes before
    names) the table has, whatever the order of its columns; the value column
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
        If the table has no region column or no single value column.

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
    source = f"{what} in {path}" if path else what
    # the region column by priority (codes before names), whatever the order of the columns in the file
    lower = {str(c).lower(): c for c in table.columns}
    key = next((lower[name] for name in CODE_COLUMNS if name in lower), None)
    rest = [c for c in table.columns if c != key and str(c).lower() not in CODE_COLUMNS]
    if column is not None and column in table.columns and column != key:
        value = column
    elif len(rest) == 1:
        value = rest[0]
    else:
        value = None
    if key is None or value is None:
        raise InputError(f"{source}: needs a region column ({', '.join(CODE_COLUMNS[:9])}, ...) and one value "
                         f"column{f' (or a column named {column!r})' if column else ''}; columns: "
                         f"{', '.join(table.columns)}.")
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
    source, column_name, file = what, what, None
    if isinstance(spec, pd.Series):
        read = spec.attrs.get("region_values") or {}
        source, column_name, file = read.get("source", what), read.get("column", what), read.get("path")
        keys, values = [str(k) for k in spec.index], list(spec.to_numpy())
    elif isinstance(spec, Mapping):
        keys, values = [str(k) for k in spec], list(spec.values())
    else:
        raise InputError(f"{what}: give the values per region as a mapping or a Series (e.g. {{'PV20': 30}}), not "
                         f"{type(spec).__name__} {spec!r}; read a file with table_values(read_table(path), ...).")
    lookup = _alias_map(index, names)
    if aliases:
        lookup.update({fold(k): v for k, v in aliases.items() if v in set(index)})
    codes = [lookup.get(fold(k)) for k in keys]
    unknown = [k for k, c in zip(keys, codes, strict=True) if c is None]
    given = [c for c in codes if c is not None]
    problems = []
    if unknown:
        problems.append(f"unknown {noun}, that do not exist at this level: {format_codes(unknown)} "
                        f"(known: {format_codes(index, limit=12)}, codes or names)")
    dup = sorted({c for c in given if given.count(c) > 1})
    if dup:
        problems.append(f"{noun} given more than once: {format_codes(dup)}")
    absent = [c for c in index if c not in set(given)] if require_all else []
    if absent:
        problems.append(f"missing for {format_codes(absent)}")
    if problems:
        error = UnknownCodeError if unknown else InputError
        raise error(f"{source}: " + "; ".join(problems) + ".")
    text = pd.Series(["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
                      for v in values], index=codes)
    labels = pd.Series([f"{k} ({c})" if fold(k) != fold(c) else c for k, c in zip(keys, codes, strict=True)],
                       index=codes)
    num = to_numeric(text, column=column_name, source=file, integer=whole, codes=labels)
    out = pd.Series(num.to_numpy(dtype=float), index=codes)
    return out.reindex(index) if require_all else out
