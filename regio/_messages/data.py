"""Error and warning messages of data (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/data/_common.py said_list: parts of a message, each said in the reader's language
    "error.data.joined": {"nl": "{first}; {then}", "en": "{first}; {then}"},
    "error.data.lines": {"nl": "{first}\n  {then}", "en": "{first}\n  {then}"},
}
