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

import string
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


class _Said:
    """What an error and a warning share: an English message and, for the user's language, a catalogue key."""

    def __init__(self, *args: object, key: str | None = None, **params: object) -> None:
        super().__init__(*args)
        self.key = key
        self.params = params

    #: ``error`` or ``warning``: the group of :attr:`key` in the catalogue.
    _group = "error"

    def message(self, lang: str = "en") -> str:
        """Return the message in ``lang``: the words of :attr:`key` with :attr:`params`, else ``str(self)``.

        English is always the message the error was raised with; another
        language falls back to it when the catalogue has no text for the key.
        A value that is itself an error or a warning of regio is said in the
        same language; in Dutch, numbers get a decimal comma and points
        between thousands (``{n:,}`` gives ``12.345``).

        Examples
        --------
        >>> err = UnknownYearError("No population for 1990; years: 2023, 2024.", key="unknown_year",
        ...                        what="population", year=1990, known="2023, 2024")
        >>> err.message("en")
        'No population for 1990; years: 2023, 2024.'
        >>> err.message("nl")
        'Geen gegevens (population) voor 1990; beschikbare jaren: 2023, 2024.'
        """
        if lang == "en" or not self.key:
            return str(self)
        from regio.labels import LABELS

        entry = LABELS.get(f"{self._group}.{self.key}")
        if entry is None or lang not in entry:
            return str(self)
        params = {name: (value.message(lang) if isinstance(value, _Said) else value)
                  for name, value in self.params.items()}
        if f"origin.{params.get('origin')}" in LABELS:  # where a path came from, in words
            params["origin"] = LABELS[f"origin.{params['origin']}"][lang]
        try:
            return _Formatter(lang).format(entry[lang], **params)
        except (KeyError, IndexError, ValueError, TypeError):  # a text whose placeholders the error does not fill
            return str(self)


class _Formatter(string.Formatter):
    """``str.format`` that writes numbers the Dutch way for ``lang="nl"`` (``1.234,5``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if self.lang == "nl" and isinstance(value, (int, float)) and not isinstance(value, bool):
            text = text.translate(str.maketrans(",.", ".,"))
        return text


class RegioError(_Said, Exception):
    """Base class of every error regio raises on purpose.

    The message (``str(error)``) is English, for Python users and logs. An
    error also carries a message ``key`` of the catalogue (``error.<key>`` in
    :data:`regio.labels.LABELS`, kept in :mod:`regio._messages`) and the
    ``params`` its text is made of, so that the command line can say it in the
    user's language (:meth:`message`).

    Parameters
    ----------
    *args
        The English message.
    key
        Key of the message in the catalogue (without ``error.``), or ``None``.
    **params
        Values for the placeholders of the catalogue's text.

    Examples
    --------
    >>> err = DataNotFoundError("No data directory /x.", key="no_data_dir", path="/x", fix="set REGIO_DATA_DIR")
    >>> str(err), err.key, err.params["path"]
    ('No data directory /x.', 'no_data_dir', '/x')
    """


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
    key
        Key of the message in the catalogue (see :class:`RegioError`); the details are its values.
    **details
        The values the message is made of (names of the options concerned, ...).

    Examples
    --------
    >>> err = OptionError("mix= is used only by the mix key.", kind="unused", unused=["mix"])
    >>> isinstance(err, InputError), err.kind, err.details
    (True, 'unused', {'unused': ['mix']})
    """

    def __init__(self, message: str, *, kind: str, key: str | None = None, **details: object) -> None:
        super().__init__(message, key=key, **details)
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


class RegioWarning(_Said, UserWarning):
    """Something was repaired or assumed; the message says what and where.

    Like :class:`RegioError`: the English message, a ``key`` (``warning.<key>``
    in the catalogue) and the values of its text.

    Examples
    --------
    >>> w = RegioWarning("3 rows left out.", key="rows_left_out", n=3)
    >>> w.message("en"), w.key
    ('3 rows left out.', 'rows_left_out')
    """

    _group = "warning"


def format_codes(codes: Iterable[object], *, limit: int = 20) -> str:
    """Format region codes for an error message, sorted and truncated.

    Parameters
    ----------
    codes
        The codes to list.
    limit
        How many to show before summarising the rest as ``… (+N)`` (the same in Dutch and English, since
        the codes go into messages in either language).

    Returns
    -------
    str
        A comma separated list.

    Examples
    --------
    >>> format_codes(["GM0003", "GM0001", "GM0002"], limit=2)
    'GM0001, GM0002, … (+1)'
    """
    items = sorted({str(c) for c in codes})
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += f", … (+{len(items) - limit})"
    return shown
