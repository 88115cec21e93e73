"""Municipality names in a user's counts file, matched to the codes of a municipal boundary file.

A counts file should give CBS codes (GM0363), but people write names (``Amsterdam``,
``Sudwest-Fryslan``). A value that cannot be a code (it has three letters or more, e.g. not ``XX12`` or
the PC6 ``1011AB``) is matched to the municipality of that name in the boundary file of the counts'
division, up to accents, case and surrounding spaces (:func:`regio.names.fold`); a name that matches no
municipality is an error naming the file, rows, column, the nearest names and the fix.

Examples
--------
>>> is_name("Súdwest-Fryslân"), is_name("GM0363"), is_name("1011AB"), is_name("XX12")
(True, False, False, False)
>>> names = {"GM0363": "Amsterdam", "GM1900": "Súdwest-Fryslân", "GM0796": "'s-Hertogenbosch"}
>>> codes_of_names(["amsterdam ", "Sudwest-Fryslan"], names, file="f.csv", column="gemeente",
...                rows=[2, 3], division=2018)
['GM0363', 'GM1900']
>>> codes_of_names(["den bosch"], names, file="f.csv", column="gemeente", rows=[5], division=2018)
Traceback (most recent call last):
...
regio.errors.InputError: f.csv, column 'gemeente': no municipality of 2018 of this name at row 5 ('den bosch'; \
nearest: 's-Hertogenbosch). Write the name as in the municipal boundaries of 2018, or give the CBS code (e.g. GM0363).
>>> codes_of_names(["Amsterdamm"], names, file="f.csv", column="gemeente", rows=[4], division=2018)
Traceback (most recent call last):
...
regio.errors.InputError: f.csv, column 'gemeente': no municipality of 2018 of this name at row 4 ('Amsterdamm'; \
nearest: Amsterdam). Write the name as in the municipal boundaries of 2018, or give the CBS code (e.g. GM0363).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from regio.errors import InputError
from regio.names import fold
from regio.sources._said import rows_said, said

__all__ = ["codes_of_names", "is_name"]


def is_name(value: str) -> bool:
    """Whether a region cell holds a name rather than a (mistyped) code: three letters or more.

    Examples
    --------
    >>> is_name("den bosch"), is_name("PV27"), is_name("GM 0363")
    (True, False, False)
    """
    return sum(ch.isalpha() for ch in str(value)) >= 3


def codes_of_names(values: Sequence[str], names: Mapping[str, str], *, file: str, column: str,
                   rows: Sequence[int], division: int) -> list[str]:
    """Return the municipal code of each name in ``values``; refuse names of no municipality.

    Parameters
    ----------
    values
        The names as written in the file.
    names
        Code -> name of every municipality of the division (a boundary file).
    file, column, rows, division
        For the error: the file's name, the region column, the file row (1 = header) of each value and
        the year of the municipal division the names were looked up in.

    Returns
    -------
    list of str
        One code per value, in order.

    Raises
    ------
    InputError
        Naming the file, column and rows of the names that match no municipality (with the nearest
        names of the division), and the fix.
    """
    by_fold: dict[str, str] = {}
    for code, name in names.items():
        by_fold.setdefault(fold(name), code)
    folded = [fold(v) for v in values]
    missing = [i for i, f in enumerate(folded) if f not in by_fold]
    if missing:
        keys = list(by_fold)
        parts = []
        for i in missing[:10]:
            words = [w for w in folded[i].replace("-", " ").split() if len(w) >= 4]  # "den bosch": 's-Hertogenbosch
            near = [k for k in keys if any(w in k for w in words)][:3]
            near += [k for k in difflib.get_close_matches(folded[i], keys, n=3, cutoff=0.6) if k not in near]
            nearest = ", ".join(names[by_fold[k]] for k in near[:3]) or "-"
            parts.append(said(f"row {rows[i]} ({values[i]!r}; nearest: {nearest})", "src.row_name_nearest",
                              row=rows[i], name=values[i], nearest=nearest))
        where = rows_said(parts, total=len(missing))
        raise InputError(
            f"{file}, column {column!r}: no municipality of {division} of this name at {where}. Write the name "
            f"as in the municipal boundaries of {division}, or give the CBS code (e.g. GM0363).",
            key="src.counts_unknown_names", file=file, column=column, division=division, where=where)
    return [by_fold[f] for f in folded]
