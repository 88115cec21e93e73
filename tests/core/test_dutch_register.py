"""The Dutch words address the reader one way: "u", never "je" or "jij" (a walkthrough found both)."""

from __future__ import annotations

import re

from regio.labels import LABELS

_INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


def test_the_dutch_catalogue_says_u_not_je():
    informal = {key: entry["nl"] for key, entry in LABELS.items()
                if isinstance(entry, dict) and isinstance(entry.get("nl"), str) and _INFORMAL.search(entry["nl"])}
    assert informal == {}
    assert _INFORMAL.search("Bedoelde je dit?") and not _INFORMAL.search("Kies uit jaren; bijvoorbeeld")
