"""Parts of messages said in the language of the message they are part of (keyed phrases).

An error's message is one catalogue entry filled with values; a part that is
there only sometimes (a hint, a list of problems, "row 2 (GM0014), row 3 ...")
is a value that is itself a keyed :class:`~regio.errors.RegioWarning` (never
emitted), which :meth:`~regio.errors.RegioError.message` says in the same
language. ``str()`` of each part is its English, so the raise sites' English
messages stay as they were.

Examples
--------
>>> from regio.errors import InputError
>>> where = rows_said([said("row 2 (XX12)", "src.row_code", row=2, code="XX12")], total=3)
>>> str(where)
'row 2 (XX12) ... and 2 more'
>>> err = InputError(f"not a code at {where}.", key="src.test_said", where=where)
>>> where.message("nl")
'rij 2 (XX12) ... en nog 2'
"""

from __future__ import annotations

from collections.abc import Sequence

from regio.errors import RegioError, RegioWarning
from regio.text import joined

__all__ = ["Listed", "rows_said", "said"]


def said(english: str, key: str, **params: object) -> RegioWarning:
    """Return a part of a message (a problem, a column label): a keyed phrase, never emitted as a warning.

    ``str()`` of it is ``english``; as a value of an error's message (or in a :class:`Listed`) it is said in the
    language of that message, from the catalogue entry ``warning.<key>``.

    Examples
    --------
    >>> part = said("column B", "src.test_column", letter="B")
    >>> str(part), part.key
    ('column B', 'src.test_column')
    """
    return RegioWarning(english, key=key, **params)


def Listed(parts: Sequence[str | RegioWarning], *, sep: str) -> RegioError | str:  # noqa: N802 -- reads as a value
    """Return parts of a message joined by ``sep``, each said in the language the message is said in.

    :func:`regio.text.joined` (the one joiner of message parts) under the name these readers use.

    Examples
    --------
    >>> str(Listed(["row 2: empty", said("row 3: empty", "src.none")], sep="; "))
    'row 2: empty; row 3: empty'
    """
    return joined(list(parts), sep=sep)


def rows_said(shown: Sequence[str | RegioWarning], total: int, *, sep: str = ", ") -> RegioError | str:
    """Join the rows (or cells) shown in a message, with `` ... and N more`` when ``total`` is larger.

    Examples
    --------
    >>> str(rows_said(["row 2", "row 3"], total=2)), str(rows_said(["row 2"], total=12))
    ('row 2, row 3', 'row 2 ... and 11 more')
    """
    parts: list[object] = [Listed(shown, sep=sep)]
    if total > len(shown):
        parts.append(said(f" ... and {total - len(shown)} more", "src.and_more_inline", n=total - len(shown)))
    return Listed(parts, sep="")
