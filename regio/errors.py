"""Errors and warnings raised by regio.

A small hierarchy so that callers can catch everything regio raises with one
``except RegioError`` while the messages stay specific: each names the file,
column, row or region code concerned and says how to fix it.

Examples
--------
>>> from regio.errors import RegioError, UnknownLevelError
>>> issubclass(UnknownLevelError, RegioError) and issubclass(UnknownLevelError, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CRSError",
    "DataNotFoundError",
    "InputError",
    "OfflineError",
    "OptionError",
    "OutputError",
    "RegioError",
    "RegioWarning",
    "SourceError",
    "UnknownCodeError",
    "UnknownLevelError",
    "UnknownYearError",
    "format_codes",
]


class RegioError(Exception):
    """Base class of every error regio raises on purpose."""


class DataNotFoundError(RegioError, FileNotFoundError):
    """A data file or data directory that regio needs is not there."""


class InputError(RegioError, ValueError):
    """Input data (a file, a frame or a parameter) is not valid."""


class OptionError(InputError):
    """Options that do not go together, or one missing, said so that each front end can name its own options.

    The message names the options as Python keywords (``mix=``); ``kind``
    says which rule was broken and ``details`` hold what the message is made
    of, so that the command line says the same in its option names
    (``--mix``) without parsing the text.

    Parameters
    ----------
    message
        The message, naming the options as keywords.
    kind
        Which rule: a short name such as ``"unused"`` or ``"mix_missing"``.
    **details
        The values the message is made of (names of the options concerned, ...).

    Examples
    --------
    >>> err = OptionError("mix= is used only by the mix key.", kind="unused", unused=["mix"])
    >>> isinstance(err, InputError), err.kind, err.details
    (True, 'unused', {'unused': ['mix']})
    """

    def __init__(self, message: str, *, kind: str, **details: object) -> None:
        super().__init__(message)
        self.kind = kind
        self.details = details


class UnknownLevelError(InputError):
    """A region level that regio does not know."""


class UnknownYearError(InputError):
    """A year for which the requested data does not exist."""


class UnknownCodeError(InputError):
    """Region codes that do not exist in the division they are matched to."""


class CRSError(InputError):
    """A missing or mismatched coordinate reference system."""


class SourceError(RegioError):
    """An online source (CBS StatLine, PDOK) answered with an error or in an unexpected form."""


class OfflineError(SourceError, ConnectionError):
    """An online source could not be reached (no connection, refused, timed out)."""


class OutputError(RegioError):
    """An output file that must not or could not be written (outside ``--out``, over an input, a full disk)."""


class RegioWarning(UserWarning):
    """Something was repaired or assumed; the message says what and where."""


def format_codes(codes: Iterable[object], *, limit: int = 20) -> str:
    """Format region codes for an error message, sorted and truncated.

    Parameters
    ----------
    codes
        The codes to list.
    limit
        How many to show before summarising the rest as "... and N more".

    Returns
    -------
    str
        A comma separated list.

    Examples
    --------
    >>> format_codes(["GM0003", "GM0001", "GM0002"], limit=2)
    'GM0001, GM0002 ... and 1 more'
    """
    items = sorted({str(c) for c in codes})
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += f" ... and {len(items) - limit} more"
    return shown
