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

import math
import numbers
import re
import string
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = [
    "CRSError",
    "DataNotFoundError",
    "InputError",
    "OfflineError",
    "OptionError",
    "OutputError",
    "Phrase",
    "RegioError",
    "RegioWarning",
    "SaidValue",
    "SourceError",
    "UnknownCodeError",
    "UnknownLevelError",
    "UnknownYearError",
    "command_line",
    "for_reader",
    "format_codes",
    "said_value",
]

#: How a message asks for an option, by the name of its ``{opt_<name>}`` placeholder: (Python keyword, command-line
#: option). A command-line option is named only to a command that has it (its first word); ``None``: Python only.
ASKS: dict[str, tuple[str, str | None]] = {
    "interpolate": ("interpolate=True", "--interpolate"),
    "counts": ("path=...", "--counts FILE"),
    "counts_path": ("counts_path=", "--counts"),
    "counts_file": ("path=", "--counts"),
    "counts_division": ("counts_division=", "--counts-division"),
    "extrapolate": ("extrapolate=True", "--extrapolate"),
    "physician_year": ("physician_year=", "--physician-year"),
    "sector": ("sector=", "--sector"),
    "spread_population": ("spread='population'", "--spread population"),
    "unfulfilled_density": ("unfulfilled='density'", "--unfulfilled density"),
    "level_land": ("level='land'", "--level land"),
    "level_gemeente": ("level='gemeente'", "--level gemeente"),
    "source_nivel": ("source='nivel'", "--source nivel"),
    "source_cbs": ("source='cbs'", "--source cbs"),
    "profession": ("profession=...", "--profession"),
    "practices_path": ("practices_path=", "--practices FILE"),
    "year": ("year=...", "--year"),
    "with_shapes": ("with_shapes=True", None),
    "age_bands": ("age_bands=True", None),
    "age_bands_national": ("age_bands='national'", None),
    "sheet": ("sheet=...", None),
    "target_share": ("target_share=", "--target-share"),
    "trainees_per_trainer": ("trainees_per_trainer=", "--trainees-per-trainer"),
    "base_year": ("base_year=", "--base-year"),
    "target_year": ("target_year=", "--target-year"),
    "horizon": ("horizon=", "--horizon"),
}

#: Who reads the messages said now: ``None`` for Python, else the options of the command being run.
_AUDIENCE: ContextVar[frozenset[str] | None] = ContextVar("regio_audience", default=None)

#: A part of a catalogue text kept only for some readers: ``[[interpolate| Use {opt_interpolate} ...]]`` is kept
#: for Python and for a command that has ``--interpolate``; ``[[python| ...]]`` for Python only, ``[[cli| ...]]``
#: for the command line only. Several names (``[[counts,profession| ...]]``) must all be there; ``!name``: must not.
_PART = re.compile(r"\[\[([\w,!]+)\|(.*?)\]\]", re.S)
_ASKED = re.compile(r"\{opt_(\w+)\}")


@contextmanager
def command_line(options: Iterable[str]) -> Iterator[None]:
    """Say the messages said inside the block to a command-line user whose command has ``options``.

    A placeholder ``{opt_<name>}`` of the catalogue (see :data:`ASKS`) is then
    the command-line option (``--interpolate``) instead of the Python keyword
    (``interpolate=True``), and a part of a text that asks for an option the
    command lacks is left out.

    Parameters
    ----------
    options
        The command's options as typed (``--interpolate``, ``--level``, ...).

    Examples
    --------
    >>> err = InputError("No age bands; use interpolate=True.", key="test_ask")
    >>> from regio.labels import LABELS
    >>> LABELS["error.test_ask"] = {"nl": "Geen groepen.[[interpolate| Gebruik {opt_interpolate}.]]",
    ...                             "en": "No age bands.[[interpolate| Use {opt_interpolate}.]]"}
    >>> err.message("nl")
    'Geen groepen. Gebruik interpolate=True.'
    >>> with command_line({"--interpolate"}):
    ...     err.message("nl"), err.message("en")
    ('Geen groepen. Gebruik --interpolate.', 'No age bands. Use --interpolate.')
    >>> with command_line({"--level"}):
    ...     err.message("en")
    'No age bands.'
    >>> del LABELS["error.test_ask"]
    """
    token = _AUDIENCE.set(frozenset(options))
    try:
        yield
    finally:
        _AUDIENCE.reset(token)


def _can_ask(name: str, options: frozenset[str] | None) -> bool:
    """Whether a message may ask for ``name`` (an :data:`ASKS` name, ``python`` or ``cli``) of this reader."""
    if name.startswith("!"):
        return not _can_ask(name[1:], options)
    if name == "python":
        return options is None
    if name == "cli":
        return options is not None
    if options is None:
        return name in ASKS
    cli = ASKS.get(name, (None, None))[1]
    return cli is not None and cli.split()[0] in options


def for_reader(text: str) -> str:
    """Return a catalogue text with its parts for other readers left out and ``{opt_<name>}`` said for this reader.

    Examples
    --------
    >>> for_reader("No bands.[[interpolate| Use {opt_interpolate}.]][[cli| (command line)]]")
    'No bands. Use interpolate=True.'
    """
    options = _AUDIENCE.get()
    text = _PART.sub(lambda m: m[2] if all(_can_ask(n, options) for n in m[1].split(",")) else "", text)

    def ask(m: re.Match) -> str:
        python, cli = ASKS[m[1]]
        form = python if options is None or cli is None else cli
        return form.replace("{", "{{").replace("}", "}}")

    return _ASKED.sub(ask, text)


class Phrase(str):
    """Words of a message that are also a string: a label, a part of a file name, said in the message's language.

    ``str()`` and ``repr()`` are those of the English (so that a phrase can be a
    column label, go into an f-string or ``{x!r}``); as a value of a message it
    is said from the catalogue entry ``error.<key>`` with ``params``.

    Examples
    --------
    >>> where = Phrase("lower bounds in f.csv", "src.what_in", what="lower bounds", path="f.csv")
    >>> where, where.message("nl")
    ('lower bounds in f.csv', 'ondergrenzen in f.csv')
    """

    key: str | None
    params: dict[str, object]

    def __new__(cls, english: str, key: str | None = None, **params: object) -> Phrase:
        """Make the phrase: its English, the key of its words and their values."""
        phrase = super().__new__(cls, english)
        phrase.key = key
        phrase.params = params
        return phrase

    def message(self, lang: str = "en") -> str:
        """Return the phrase in ``lang`` (its English without a catalogue entry)."""
        return RegioError(str(self), key=self.key, **self.params).message(lang)


class SaidValue:
    """A value given by a user (an option), said in the language of the message it is part of.

    ``str()`` is its ``repr`` (the English message says ``got (110.0, 75.0)``,
    as Python writes it); in Dutch a number is written the Dutch way: a whole
    float as a whole number, decimals after a comma (``-3``, ``3,5``,
    ``(110, 75)``). Made by :func:`said_value`.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __str__(self) -> str:
        """Return the value as Python writes it (the English message)."""
        return repr(self.value)

    def __repr__(self) -> str:
        """Show how it was made: ``said_value(-3.0)``."""
        return f"said_value({self.value!r})"

    def said(self, lang: str) -> str:
        """Return the value in ``lang``: Dutch numbers for ``"nl"``, else as ``str()``."""
        return _value_text(self.value, lang)


def said_value(value: object) -> SaidValue:
    """Return an option's value for a message: its ``repr`` in English, Dutch numbers in Dutch.

    Examples
    --------
    >>> err = InputError("got (110.0, 75.0)", key="access.reason_bands", got=said_value((110.0, 75.0)))
    >>> str(err.params["got"]), err.message("nl")
    ('(110.0, 75.0)', 'moet twee oplopende percentages zijn, zoals 75 110, gegeven: (110, 75)')
    >>> said_value(-3.0).said("nl"), said_value(3.5).said("nl"), said_value("x").said("nl")
    ('-3', '3,5', "'x'")
    """
    return SaidValue(value)


def _value_text(value: object, lang: str) -> str:
    """Return a user's value as a message says it.

    Python's ``repr`` to Python readers in English; on the command line numbers as typed (``-3``, not
    ``-3.0``), in Dutch with a decimal comma (``3,5``).
    """
    if lang != "nl" and _AUDIENCE.get() is None:
        return repr(value)
    if isinstance(value, (tuple, list)):
        items = ", ".join(_value_text(v, lang) for v in value)
        return f"({items}{',' if len(value) == 1 else ''})" if isinstance(value, tuple) else f"[{items}]"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return str(int(value))
        number = float(value)
        if not math.isfinite(number):
            return repr(number)
        if number.is_integer():
            return str(int(number))
        return repr(number).replace(".", ",") if lang == "nl" else repr(number)
    return repr(value)


def _is_number_or_numbers(value: object) -> bool:
    if isinstance(value, (tuple, list)):
        return bool(value) and all(_is_number_or_numbers(v) for v in value)
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _uses_catalogue(value: object) -> bool:
    """Whether an English value must be said from the catalogue for this reader (it asks for an option)."""
    if not isinstance(value, (_Said, Phrase)) or not value.key or _AUDIENCE.get() is None:
        return False
    from regio.labels import LABELS

    entry = LABELS.get(f"{getattr(value, '_group', 'error')}.{value.key}", {})
    return "[[" in entry.get("en", "") or "{opt_" in entry.get("en", "") or any(
        _uses_catalogue(v) for v in value.params.values())


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
        'Geen gegevens (bevolking) voor 1990; beschikbare jaren: 2023, 2024.'
        """
        if not self.key or (lang == "en" and not _uses_catalogue(self)):
            return str(self)
        from regio.labels import LABELS

        entry = LABELS.get(f"{self._group}.{self.key}")
        if entry is None or lang not in entry:
            return str(self)
        params = {name: _said(value, lang, name) for name, value in self.params.items()}
        if f"origin.{params.get('origin')}" in LABELS:  # where a path came from, in words
            params["origin"] = LABELS[f"origin.{params['origin']}"][lang]
        try:
            return _Formatter(lang).format(for_reader(entry[lang]), **params)
        except (KeyError, IndexError, ValueError, TypeError):  # a text whose placeholders the error does not fill
            return str(self)


def _said(value: object, lang: str, name: str = "") -> object:
    """Return a value of a message as said in ``lang``: keyed parts in words, users' values in its numbers, ``what``."""
    if isinstance(value, (_Said, Phrase)):
        return value.message(lang)
    if isinstance(value, SaidValue):
        return value.said(lang)
    if name == "what" and isinstance(value, str):  # what a caller reads ("lower bounds"), in the catalogue's words
        from regio.text import what_words

        return what_words(value, lang)
    return value


class _Formatter(string.Formatter):
    """``str.format`` that writes numbers the Dutch way for ``lang="nl"`` (``1.234,5``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "r" and self.lang == "nl" and _is_number_or_numbers(value):
            return _value_text(value, self.lang)  # {margin!r} of -2.0: -2, of (110.0, 75.0): (110, 75)
        return super().convert_field(value, conversion)

    def format_field(self, value: object, format_spec: str) -> str:
        if self.lang == "nl" and not format_spec and isinstance(value, float) and value.is_integer():
            value = int(value)  # a whole float as a whole number (3, not 3,0)
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
