"""The atlas's ``index.html`` as an overview: per section the answer with its numbers and pictures; the files below.

The sections (:mod:`regio.report.sections`) each return a
:class:`regio.report.items.SectionPage`; this module lays them out in the
order they come (the order of :data:`regio.report.atlas.SECTIONS`), so a
new section needs no change here. The page holds no script and loads
nothing from elsewhere: it works opened from disk. Every text is escaped
(:func:`regio.maps.escape.html_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from regio.labels import label
from regio.maps.escape import html_text
from regio.report.items import SectionPage, SkippedSection, section_title
from regio.text import t

__all__ = ["index_html"]

_KINDS = {"nl": {"map": "kaart", "image": "afbeelding", "table": "tabel", "chart": "grafiek",
                 "notes": "tekst: bron en methode"},
          "en": {"map": "map", "image": "image", "table": "table", "chart": "chart",
                 "notes": "text: source and method"}}

_STYLE = ("body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}"
          "h1{margin-bottom:.2em}.meta{color:#555;font-size:13px;margin-top:0}"
          "section{border-top:1px solid #ddd;margin-top:1.6em;padding-top:.4em}"
          ".finding{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
          ".finding .text{flex:1 1 380px}.finding h2{margin:.2em 0}"
          ".headline{font-size:17px;margin:.3em 0 .6em}"
          ".thumbs{display:flex;flex-wrap:wrap;gap:10px;margin:.4em 0}"
          ".thumbs figure{margin:0;width:170px}.thumbs img{width:170px;height:auto;border:1px solid #ccc;"
          "display:block}.thumbs figcaption{font-size:11px;color:#444}"
          "details{margin:.4em 0}summary{cursor:pointer;color:#333;font-weight:600}li{margin:.25em 0}"
          ".kind{color:#666;font-size:12px}.desc{color:#444;font-size:13px}.skipped{color:#8a4b00}")


def index_html(pages: Sequence[SectionPage], skipped: Sequence[SkippedSection] = (), *, lang: str = "nl",
               data: str = "", made: date | None = None) -> str:
    """Make the atlas's ``index.html``: title, date and data, then per section headline, thumbnails and files.

    Parameters
    ----------
    pages
        One :class:`~regio.report.items.SectionPage` per section built, in the order to show.
    skipped
        Sections not built, with the reason.
    lang
        ``"nl"`` or ``"en"``.
    data
        The data the atlas was made from, in a few words (the data directory).
    made
        Date shown (default today).

    Returns
    -------
    str
        The page (write it with :func:`regio.report.export.write_html`).

    Examples
    --------
    >>> from regio.report.items import AtlasItem
    >>> items = (AtlasItem("density", "Huisartsen per provincie", "d.html", "map", "Landelijk 70,7."),
    ...          AtlasItem("density", "Huisartsen per provincie (PNG)", "d.png", "image"),
    ...          AtlasItem("density", "Tabel (CSV)", "d.csv", "table"))
    >>> page = index_html([SectionPage("density", "Artsendichtheid", "Laagst: Flevoland 34,8 <per 100.000>.",
    ...                                items)], [SkippedSection("model", "geen parameters")], made=date(2026, 1, 2))
    >>> "<p class='headline'>Laagst: Flevoland 34,8 &lt;per 100.000&gt;.</p>" in page
    True
    >>> "<a href='d.html'><img src='d.png' alt='Huisartsen per provincie'" in page, "2026-01-02" in page
    (True, True)
    """
    made = made or date.today()
    title = t(lang, "regio — atlas van de regionale artsenvoorziening",
              "regio — atlas of the regional medical workforce")
    kinds = _KINDS.get(lang, _KINDS["en"])
    meta = t(lang, f"Gemaakt op {made.isoformat()}", f"Made on {made.isoformat()}")
    if data:
        meta += t(lang, f" met de gegevens in {data}", f" from the data in {data}")
    parts = [f"<!doctype html><html lang='{html_text(lang)}'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>{html_text(title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{html_text(title)}</h1>",
             f"<p class='meta'>{html_text(meta)}. {html_text(label('caveat', lang))}</p>"]
    if pages:
        parts.append("<nav><p>" + " · ".join(f"<a href='#{html_text(p.section)}'>{html_text(p.title)}</a>"
                                              for p in pages) + "</p></nav>")
    for page in pages:  # the overview: per section its answer and its pictures
        parts.append(f"<section id='{html_text(page.section)}' class='finding'><div class='text'>"
                     f"<h2>{html_text(page.title)}</h2>")
        if page.headline:
            parts.append(f"<p class='headline'>{html_text(page.headline)}</p>")
        if page.items:
            parts.append(f"<p class='kind'><a href='#files-{html_text(page.section)}'>"
                         f"{html_text(t(lang, 'Alle bestanden', 'All files'))} ({len(page.items)})</a></p>")
        parts.append("</div>")
        thumbs = page.thumbnails
        if thumbs:
            parts.append("<div class='thumbs'>")
            for th in thumbs:
                parts.append(f"<figure><a href='{html_text(th.link)}'><img src='{html_text(th.image)}' "
                             f"alt='{html_text(th.caption)}'></a>"
                             f"<figcaption>{html_text(th.caption)}</figcaption></figure>")
            parts.append("</div>")
        parts.append("</section>")
    if any(page.items for page in pages):  # then the files, per section
        parts.append(f"<section id='files'><h2>{html_text(t(lang, 'Bestanden', 'Files'))}</h2>")
        for page in pages:
            if not page.items:
                continue
            parts.append(f"<details open id='files-{html_text(page.section)}'><summary>{html_text(page.title)} "
                         f"({len(page.items)})</summary><ul>")
            for it in page.items:
                parts.append(
                    f"<li><a href='{html_text(it.path)}'>{html_text(it.title)}</a> "
                    f"<span class='kind'>({html_text(kinds.get(it.kind, it.kind))})</span>"
                    + (f"<br><span class='desc'>{html_text(it.description)}</span>" if it.description else "")
                    + "</li>")
            parts.append("</ul></details>")
        parts.append("</section>")
    if skipped:
        parts.append(f"<section id='skipped'><h2>{html_text(t(lang, 'Niet gemaakt', 'Not built'))}</h2><ul>")
        parts.extend(f"<li class='skipped'><b>{html_text(section_title(s.section, lang))}</b>: "
                     f"{html_text(s.reason)}</li>" for s in skipped)
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts)
