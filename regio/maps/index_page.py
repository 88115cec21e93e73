"""The atlas index page: one HTML page linking every map, image and table (written by :mod:`regio.report.atlas`).

Like all of :mod:`regio.maps` it knows nothing of the report layer: items are any objects with the
attributes of :class:`regio.report.items.AtlasItem` and :class:`regio.report.items.SkippedSection`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from regio.labels import label
from regio.maps.escape import html_text

__all__ = ["index_html"]

_TEXT = {
    "nl": {"title": "regio — atlas van de regionale artsenvoorziening", "made": "Gemaakt op",
           "skipped": "Niet gemaakt (gegevens ontbreken)", "map": "kaart", "image": "afbeelding",
           "table": "tabel", "chart": "grafiek", "notes": "tekst: bron en methode",
           "intro": "Kaarten en tabellen van regio."},
    "en": {"title": "regio — atlas of the regional medical workforce", "made": "Made on",
           "skipped": "Not built (data missing)", "map": "map", "image": "image", "table": "table",
           "chart": "chart", "notes": "text: source and method",
           "intro": "Maps and tables made by regio."},
}


#: Section headings on the index page.
SECTION_TITLES = {
    "nl": {"access": "Waar is de huisartsenzorg het krapst?",
           "population": "Bevolking", "density": "Artsendichtheid", "recruitment": "Wervingsgebieden opleiders",
           "allocation": "Verdeling van het landelijke advies", "model": "Ramingsmodel huisartsen"},
    "en": {"access": "Where is GP care scarcest?",
           "population": "Population", "density": "Physician density", "recruitment": "Trainer recruitment areas",
           "allocation": "National advice split over regions", "model": "GP forecasting model"},
}


def index_html(items: Sequence, skipped: Sequence, *, lang: str = "nl") -> str:
    """Make the atlas's ``index.html``: the items per section and the sections skipped.

    Parameters
    ----------
    items
        Objects with ``section``, ``title``, ``path``, ``kind`` and ``description``
        (:class:`regio.report.items.AtlasItem`), grouped by section in this order.
    skipped
        Objects with ``section`` and ``reason`` (:class:`regio.report.items.SkippedSection`).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The page, dated today (write it with :func:`regio.report.export.write_html`).

    Examples
    --------
    >>> from types import SimpleNamespace as Item
    >>> items = [Item(section="population", title="Bevolking 2024", path="bevolking.html", kind="map",
    ...               description="342 gemeenten."),
    ...          Item(section="population", title="Bevolking 2024 (PNG)", path="bevolking.png", kind="image",
    ...               description="")]
    >>> page = index_html(items, [Item(section="density", reason="geen tellingen")])
    >>> for line in page.splitlines()[4:9]:
    ...     print(line)
    <h2 id='population'>Bevolking</h2><ul>
    <li><a href='bevolking.html'>Bevolking 2024</a> <span class='kind'>(kaart)</span><br><span
        class='desc'>342 gemeenten.</span></li>
    <li><a href='bevolking.png'>Bevolking 2024 (PNG)</a> <span class='kind'>(afbeelding)</span></li>
    </ul>
    <h2>Niet gemaakt (gegevens ontbreken)</h2><ul>
    """
    t = _TEXT.get(lang, _TEXT["en"])
    intro = f"{t['intro']} {label('caveat', lang if lang in _TEXT else 'en')}"  # the caveat of the catalogue
    parts = [f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>",
             f"<title>{html_text(t['title'])}</title>",
             "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em}"
             "h2{border-bottom:1px solid #ddd;margin-top:1.6em}li{margin:.4em 0}.kind{color:#666;font-size:12px}"
             ".desc{color:#333;font-size:13px}</style></head><body>",
             f"<h1>{html_text(t['title'])}</h1><p>{html_text(intro)}</p>"]
    for section, group in groupby(items, key=lambda it: it.section):
        heading = SECTION_TITLES.get(lang, SECTION_TITLES["en"]).get(section, section)
        parts.append(f"<h2 id='{html_text(section)}'>{html_text(heading)}</h2><ul>")
        for it in group:
            parts.append(
                f"<li><a href='{html_text(it.path)}'>{html_text(it.title)}</a> "
                f"<span class='kind'>({html_text(t.get(it.kind, it.kind))})</span>"
                + (f"<br><span class='desc'>{html_text(it.description)}</span>" if it.description else "")
                + "</li>")
        parts.append("</ul>")
    if skipped:
        parts.append(f"<h2>{html_text(t['skipped'])}</h2><ul>")
        titles = SECTION_TITLES.get(lang, SECTION_TITLES["en"])
        parts.extend(f"<li><b>{html_text(titles.get(s.section, s.section))}</b>: {html_text(s.reason)}</li>"
                     for s in skipped)
        parts.append("</ul>")
    parts.append(f"<p class='kind'>{t['made']} {date.today().isoformat()}.</p></body></html>")
    return "\n".join(parts)
