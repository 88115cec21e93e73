"""Parts of one error message, each said in the language of the whole (for messages made of several problems).

An error that lists what is wrong with an input ("no weight for need; mix
weights are all zero") is made of keyed parts; :class:`Phrases` joins them
and says each part in the language asked, so the error can pass them as one
value of its own message (see :meth:`regio.errors.RegioError.message`).

Examples
--------
>>> from regio.errors import InputError
>>> parts = Phrases([InputError("no weight for need", key="allocation.no_weight", names="need"),
...                  InputError("mix weights are all zero", key="allocation.mix_all_zero")])
>>> str(parts)
'no weight for need; mix weights are all zero'
>>> parts.message("nl")
'geen gewicht voor need; de gewichten van de mix zijn alle 0'
"""

from __future__ import annotations

from collections.abc import Iterable

from regio.errors import InputError

__all__ = ["Phrases"]


class Phrases(InputError):  # noqa: N818 -- never raised: a value of another error's message
    """Keyed parts of a message joined by ``sep``; :meth:`message` says each part in the language asked.

    Parameters
    ----------
    parts
        The parts, each a keyed :class:`~regio.errors.RegioError` (never raised itself).
    sep
        What stands between two parts.
    """

    def __init__(self, parts: Iterable[InputError], sep: str = "; ") -> None:
        self.parts = list(parts)
        self.sep = sep
        super().__init__(sep.join(map(str, self.parts)))

    def message(self, lang: str = "en") -> str:
        """Return the parts in ``lang``, joined."""
        return self.sep.join(part.message(lang) for part in self.parts)
