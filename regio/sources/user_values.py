"""Values per region that a user gives: ``"PV20=30,PV21=25"``, a mapping, a Series or a CSV/Excel file.

One reader for bounds, current distributions and GP counts per region
(``regio allocate``), and trainers, needs and intakes per institute
(``regio recruit``): keys are codes, names or aliases; problems (unknown
keys, keys given twice, keys missing where every region is required, values
that are not numbers, negative, fractional or ambiguous) are named.

Examples
--------
>>> idx = pd.Index(["amc", "lumc"])
>>> read_region_values("amc=80, Leiden=40", index=idx, names={}, aliases={"leiden": "lumc"},
...                    what="trainers", require_all=True).tolist()
[80.0, 40.0]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from regio.errors import InputError, UnknownCodeError, format_codes
from regio.names import fold
from regio.sources._files import read_table
from regio.validate import to_numeric

__all__ = ["CODE_COLUMNS", "parse_pairs", "read_region_values"]

#: Column names (lower case) accepted for the region in a file of values per region.
CODE_COLUMNS = ("statcode", "code", "regiocode", "region", "regio", "gemeente", "provincie", "instituut",
                "institute", "institute_id", "id", "statnaam", "naam", "name")


def parse_pairs(text: str, *, what: str) -> dict[str, str]:
    """Parse ``"a=1,b=2"`` (commas or semicolons) into a mapping, values kept as text.

    Parameters
    ----------
    text
        Pairs ``name=value`` separated by commas or semicolons.
    what
        What the values are, for the error message.

    Returns
    -------
    dict
        Name -> value text, in the order given.

    Raises
    ------
    InputError
        A part without ``=``, or a name given twice, naming it.

    Examples
    --------
    >>> parse_pairs("population=0.5, need=0.5", what="mix")
    {'population': '0.5', 'need': '0.5'}
    >>> parse_pairs("population", what="mix")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: mix: write name=value pairs separated by commas (e.g. population=0.5,need=0.5), ...
    >>> parse_pairs("PV20=10,PV20=12", what="lower bounds")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: lower bounds: given more than once: PV20 (10 and 12). Give each once.
    """
    out: dict[str, str] = {}
    twice = []
    for part in str(text).replace(";", ",").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise InputError(f"{what}: write name=value pairs separated by commas (e.g. population=0.5,need=0.5), "
                             f"not {part.strip()!r}.")
        k, v = part.split("=", 1)
        if k.strip() in out:
            twice.append(f"{k.strip()} ({out[k.strip()]} and {v.strip()})")
        out[k.strip()] = v.strip()
    if twice:
        raise InputError(f"{what}: given more than once: {', '.join(twice)}. Give each once.")
    return out


def _alias_map(index: pd.Index, names: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code in index:
        out[fold(code)] = code
        if names.get(code):
            out.setdefault(fold(names[code]), code)
    return out


def read_region_values(
    spec: str | Path | Mapping[str, float] | pd.Series | None,
    *,
    index: pd.Index,
    names: Mapping[str, str],
    what: str,
    column: str | None = None,
    aliases: Mapping[str, str] | None = None,
    whole: bool = True,
    require_all: bool = False,
    noun: str = "regions",
) -> pd.Series | None:
    """Values per region from a CSV/Excel file, ``"PV20=30,PV21=25"``, a mapping or a Series.

    Keys are codes, names (``names``) or other spellings (``aliases``), compared
    without case and diacritics. A file needs a region column (one of
    :data:`CODE_COLUMNS`: ``statcode``, ``code``, ``region``, ``regio``,
    ``gemeente``, ``provincie``, ``instituut``, ``naam``, ...) and a value
    column: ``column`` if given and present, else the only other column.
    Regions may be left out (e.g. no bound for them) unless ``require_all``.

    Numbers are read by :func:`regio.validate.to_numeric`: a Dutch decimal
    comma (``"2,5"``, ``"1.234,5"``) is read with a warning. With ``whole``
    (the default: counts, bounds and current places are whole numbers) a
    value with a fraction is an error, and so is ``"1.535"`` or ``"1,026"``,
    which may mean 1535 (thousands separator) or a decimal number: regio does
    not guess, the message names the cells.

    Parameters
    ----------
    spec
        The values; None gives None.
    index
        The codes of the regions that exist.
    names
        Code -> name, so names are accepted as keys.
    what
        What the values are (``"lower bounds"``), for messages.
    column
        Preferred value column of a file.
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
        or unreadable file, missing columns, non-numeric, negative or (with
        ``whole``) fractional values, naming the cells.

    Examples
    --------
    >>> idx = pd.Index(["PV20", "PV21"])
    >>> read_region_values("PV20=30, Fryslân=25", index=idx, names={"PV21": "Fryslân"}, what="lower").tolist()
    [30.0, 25.0]
    >>> read_region_values("PV20=1.535", index=idx, names={}, what="GP counts")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Column 'GP counts': ambiguous numbers at PV20 (e.g. '1.535': a thousands ...
    >>> read_region_values("PV20=3, PV99=1", index=idx, names={}, what="trainers", require_all=True)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: trainers: unknown regions, that do not exist at this level: PV99 ...; missing ...
    """
    if spec is None:
        return None
    source, column_name, file = what, what, None
    if isinstance(spec, pd.Series):
        keys, values = [str(k) for k in spec.index], list(spec.to_numpy())
    elif isinstance(spec, Mapping):
        keys, values = [str(k) for k in spec], list(spec.values())
    elif isinstance(spec, str) and "=" in spec and not Path(spec).is_file():
        pairs = parse_pairs(spec, what=what)
        keys, values = list(pairs), list(pairs.values())
    else:
        table = read_table(spec)
        source = f"{what} in {spec}"
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
        column_name, file = str(value), str(spec)
        keep = table[value].notna() & (table[value].astype(str).str.strip() != "")
        keys, values = table.loc[keep, key].astype(str).tolist(), table.loc[keep, value].tolist()
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
