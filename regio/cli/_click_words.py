"""Click's own error messages in Dutch when the command runs in Dutch.

Click says its usage errors ("Missing option '--year'", "-3.0 is not in the range x>0") through
:func:`gettext.gettext`, which each of its modules imported as ``_`` (and ``ngettext``). regio
puts its own functions there: in a Dutch run (``--lang nl`` anywhere on the command line, else
``REGIO_LANG``, else Dutch) a message Click raises is said in Dutch, with Dutch numbers, and the
lines around it ("Gebruik: ...", "Zie 'regio density -h' voor hulp.") too. Help texts stay English
(the issue allows it): only the messages of errors are in the catalogue below, and "Usage:" is
translated only while an error is shown.

Examples
--------
>>> install()
>>> with speaking(["density", "--lang", "nl"]):
...     import click.types
...     click.types._("{value} is not in the range {range}.").format(value=-3.0, range="x>0")
'-3 ligt niet in het bereik x>0.'
>>> with speaking(["density", "--lang", "en"]):
...     click.types._("{value} is not in the range {range}.").format(value=-3.0, range="x>0")
'-3.0 is not in the range x>0.'
"""

from __future__ import annotations

import contextlib
import gettext
import os
import re
from collections.abc import Iterator, Sequence

import click

__all__ = ["DUTCH", "install", "lang_of_args", "said_click", "show", "speaking", "typed"]

#: Click's messages (its msgids) and their Dutch.
DUTCH: dict[str, str] = {
    "Error: {message}": "fout: {message}",
    "Usage:": "Gebruik:",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Missing option": "Ontbrekende optie",
    "Missing argument": "Ontbrekend argument",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekende {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing command.": "Geef een opdracht.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Did you mean {possibility}?": "Bedoelde u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelde u een van: {possibilities}?)",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Option {name!r} requires an argument.": "Optie {name!r} vraagt een waarde.",
    "Option {name!r} requires {nargs} arguments.": "Optie {name!r} vraagt {nargs} waarden.",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Takes {nargs} values but 1 was given.": "Vraagt {nargs} waarden, maar kreeg er 1.",
    "Takes {nargs} values but {len} were given.": "Vraagt {nargs} waarden, maar kreeg er {len}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen {number_type}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} is geen ja/nee-waarde. Herkende waarden: {states}",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is geen van {choices}.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "{value!r} does not match the format {format}.": "{value!r} past niet bij de vorm {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} past bij geen van de vormen {formats}.",
    "Aborted!": "Afgebroken.",
}

#: Words Click fills into its messages (type and path names), and their Dutch.
_WORDS = {"integer": "geheel getal", "float": "getal", "integer range": "geheel getal", "float range": "getal",
          "File": "Bestand", "Directory": "Map", "Path": "Pad", "file": "bestand", "directory": "map",
          "path": "pad", "option": "optie", "argument": "argument", "parameter": "parameter"}

_NUMBER = re.compile(r"(?<![\w.])(-?\d+)\.(\d+)(?![\w.])")


def _dutch_number(value: object) -> object:
    """Say a float the Dutch way (``-3.0`` -> ``-3``, ``0.5`` -> ``0,5``), as regio's own messages do."""
    from regio.errors import _value_text

    return _value_text(value, "nl") if isinstance(value, float) else value


def _dutch_range(text: str) -> str:
    """Say the numbers of a range (``0.0<x<=1.5``) the Dutch way (``0<x<=1,5``)."""
    return _NUMBER.sub(lambda m: m.group(1) if set(m.group(2)) == {"0"} else f"{m.group(1)},{m.group(2)}", text)


class _Dutch(str):
    """A Dutch message template whose ``format`` says numbers and Click's words in Dutch."""

    def format(self, *args: object, **kwargs: object) -> str:
        said = {}
        for key, value in kwargs.items():
            if key == "range" and isinstance(value, str):
                said[key] = _dutch_range(value)
            elif key == "param_hint" and isinstance(value, str):  # Click adds "(env var: ...)" untranslated
                said[key] = value.replace("(env var: ", "(omgevingsvariabele: ")
            elif key in ("name", "number_type", "param_type") and isinstance(value, str):
                said[key] = _WORDS.get(value, value)
            else:
                said[key] = _dutch_number(value)
        return str.format(self, *args, **said)


class _State:
    args: tuple[str, ...] | None = None
    showing_error = False


_state = _State()


def lang_of_args(args: Sequence[str]) -> str:
    """Return the language a command line asks for: its last ``--lang``, else ``REGIO_LANG``, else ``nl``.

    Examples
    --------
    >>> lang_of_args(["--lang", "en", "density", "--lang=nl"]), lang_of_args(["atlas", "--lang", "en"])
    ('nl', 'en')
    """
    lang = None
    items = list(args)
    for i, item in enumerate(items):
        if item == "--lang" and i + 1 < len(items):
            lang = items[i + 1]
        elif item.startswith("--lang="):
            lang = item.split("=", 1)[1]
    lang = lang or os.environ.get("REGIO_LANG", "nl")
    return lang if lang in ("nl", "en") else "nl"


def typed() -> tuple[str, ...]:
    """Return the words of the command line being run (``sys.argv[1:]`` outside :func:`speaking`)."""
    import sys

    return _state.args if _state.args is not None else tuple(sys.argv[1:])


def said_click(message: str) -> str:
    """Return Click's ``message`` (a msgid) in the language of the command line being run."""
    return _gettext(message)


def _gettext(message: str) -> str:
    if _state.args is None or lang_of_args(_state.args) != "nl" or message not in DUTCH:
        return message
    if message == "Usage:" and not _state.showing_error:  # help stays English
        return message
    return _Dutch(DUTCH[message])


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Put regio's ``_`` and ``ngettext`` into Click's modules (once; harmless to repeat)."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if getattr(module, "_", None) in (gettext.gettext, _gettext):
            module._ = _gettext
        if getattr(module, "ngettext", None) in (gettext.ngettext, _ngettext):
            module.ngettext = _ngettext


@contextlib.contextmanager
def speaking(args: Sequence[str]) -> Iterator[None]:
    """Say Click's messages in the language of ``args`` (the command line) inside the block."""
    before = _state.args
    _state.args = tuple(args)
    try:
        yield
    finally:
        _state.args = before


def show(error: click.ClickException) -> None:
    """Show a Click error (usage line, hint, message) in the language of the command line."""
    _state.showing_error = True
    try:
        error.show()
    finally:
        _state.showing_error = False
