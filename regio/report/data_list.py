"""``regio data list`` in words: what the data directory holds, per kind of file, with its sources.

The inventory itself (:func:`regio.sources.catalog.catalog`) is a table of
codes; this module says it in the user's language.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd

from regio.text import t

__all__ = ["catalog_text"]

#: The kinds of file of :func:`regio.sources.catalog.catalog`, as a heading (Dutch, English).
_KIND_WORDS = {"boundaries": ("Grenzen", "Boundaries"), "table": ("Tabellen", "Tables"),
               "physicians": ("Artsen", "Physicians"), "crosswalk": ("Omzettabellen", "Crosswalks"),
               "institutes": ("Opleidingsinstituten", "Institutes"),
               "model parameters": ("Modelparameters", "Model parameters"), "practices": ("Praktijken", "Practices")}


def catalog_text(table: pd.DataFrame, root: Path, *, lang: str = "nl") -> str:
    """Return the summary of a data directory that ``regio data list`` prints.

    Parameters
    ----------
    table
        The frame of :func:`regio.sources.catalog.catalog`.
    root
        The data directory it lists (named in the text).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The years of each boundary level, then the files of each kind with
        their sources; for an empty table, how to get data.

    Examples
    --------
    >>> import json, tempfile
    >>> from regio.sources.catalog import MANIFEST, catalog
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "boundaries").mkdir()
    >>> for year in (2024, 2025):
    ...     _ = (root / "boundaries" / f"gemeente_{year}.geojson").write_text("")
    >>> _ = (root / MANIFEST).write_text(json.dumps({"gemeente_2025.geojson": {"source": "PDOK"}}))
    >>> print(catalog_text(catalog(root), root, lang="en"))
    Data directory: ...
    <BLANKLINE>
    Boundaries (level: years):
      gemeente           2024, 2025
    <BLANKLINE>
    Boundaries:
      gemeente_2024.geojson
      gemeente_2025.geojson
          source: PDOK
    <BLANKLINE>
    >>> print(catalog_text(catalog(root), root).splitlines()[2])
    Grenzen (niveau: jaren):
    >>> print(catalog_text(catalog(root / "missing"), root / "missing", lang="en"))
    Data directory .../missing is empty or missing.
    How to get data: when online, run `regio data fetch --year 2024` ...
    <BLANKLINE>
    """
    from regio.sources._files import no_data_hint

    if table.empty:
        return t(lang, f"Gegevensmap {root} is leeg of ontbreekt.", f"Data directory {root} is empty or missing.") \
            + "\n" + no_data_hint(root, lang) + "\n"
    at = 0 if lang == "nl" else 1
    lines = [t(lang, f"Gegevensmap: {root}", f"Data directory: {root}"), "",
             t(lang, "Grenzen (niveau: jaren):", "Boundaries (level: years):")]
    bnd = table[table["kind"] == "boundaries"]
    for level, group in bnd.groupby("level", sort=True):
        years = ", ".join(str(int(y)) for y in sorted(group["year"]))
        lines.append(f"  {level:18s} {years}")
    lines.append("")
    source = t(lang, "bron", "source")
    for kind in dict.fromkeys([*_KIND_WORDS, *table["kind"]]):
        sub = table[table["kind"] == kind]
        if sub.empty:
            continue
        lines.append(f"{_KIND_WORDS.get(kind, (kind.capitalize(),) * 2)[at]}:")
        for _, r in sub.iterrows():
            lines.append(f"  {r['name']}")
            if r["source"]:
                lines.append(textwrap.fill(f"{source}: {r['source']}", 110, initial_indent="      ",
                                           subsequent_indent="        ", break_on_hyphens=False))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
