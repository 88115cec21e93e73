"""Error and warning messages of allocation (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
}
