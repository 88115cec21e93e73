"""The words of regio's error and warning messages in Dutch and English (part of :mod:`regio.labels`).

Every error regio raises on purpose (a :class:`~regio.errors.RegioError`) and
every :class:`~regio.errors.RegioWarning` carries a message ``key`` and the
values its text is made of; the command line says it in the user's language
from these entries (``error.<key>`` or ``warning.<key>``). The entries are
kept per part of the package, one module each, and merged here into one
table that :data:`regio.labels.LABELS` includes, so there is still one
catalogue to look in. ``tests/core/test_messages.py`` checks that every raise
site names a key that is here, with both languages and no placeholder the
raise site does not fill.

Examples
--------
>>> from regio._messages import MESSAGES
>>> all(set(entry) == {"nl", "en"} for entry in MESSAGES.values())
True
"""

from __future__ import annotations

from regio._messages import (
    access,
    allocation,
    data,
    density,
    kernel,
    model,
    present,
    recruitment,
    sources,
    sources_files,
    trainers,
)

__all__ = ["MESSAGES"]


def _merged() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in (kernel, sources, sources_files, data, model, density, access, trainers, allocation, recruitment,
                 present):
        for key, entry in part.MESSAGES.items():
            if key in merged:
                raise AssertionError(f"message {key} is in two parts of regio._messages ({part.__name__})")
            merged[key] = entry
    return merged


#: key (``error.<key>`` / ``warning.<key>``) -> {language: words with {placeholders}}.
MESSAGES: dict[str, dict[str, str]] = _merged()
