"""The atlas index page as an overview: per section a headline with numbers, thumbnails, then the files."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from regio.report.index_page import index_html
from regio.report.items import AtlasItem, SectionPage, SkippedSection, Thumbnail, thumbnails

HOSTILE = "<script>alert(1)</script>' onerror='x"


def _page(section: str, headline: str) -> SectionPage:
    items = (AtlasItem(section, f"{section} map", f"{section}.html", "map", "desc"),
             AtlasItem(section, f"{section} map (PNG)", f"{section}.png", "image"),
             AtlasItem(section, f"{section} table (CSV)", f"{section}.csv", "table"))
    return SectionPage(section, section.title(), headline, items)


def test_sections_come_in_the_order_given_with_headline_thumbnail_and_files():
    pages = [_page("access", "Eerst toegang."), _page("density", "Laagst Flevoland (34,8).")]
    html = index_html(pages, [SkippedSection("model", "geen parameters")], made=date(2026, 12, 2), data="/d")
    assert (html.index("id='access'") < html.index("id='density'") < html.index("id='files'")
            < html.index("id='files-access'") < html.index("id='files-density'") < html.index("id='skipped'"))
    for page in pages:  # headline, picture; its files below, after every section's answer
        section = html[html.index(f"id='{page.section}'"):]
        assert section.index(page.title) < section.index(page.headline) < section.index("<img src=")
        assert section.index("<img src=") < section.index("id='files'")
        assert html.index(f"{page.section}.csv") > html.index("id='files'")
    assert "<a href='density.html'><img src='density.png'" in html
    assert "2026-12-02" in html and "/d" in html and "<script" not in html


def test_user_strings_are_escaped():
    items = (AtlasItem("density", HOSTILE, "a.html", "map", HOSTILE), AtlasItem("density", HOSTILE, "a.png", "image"))
    html = index_html([SectionPage("density", HOSTILE, HOSTILE, items)], [SkippedSection(HOSTILE, HOSTILE)],
                      data=HOSTILE)
    assert HOSTILE not in html and "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#x27; onerror=&#x27;x" in html


def test_thumbnails_pair_a_png_with_its_page_and_can_be_given():
    items = [AtlasItem("m", "Kaart", "a/k.html", "map"), AtlasItem("m", "Kaart (PNG)", "a/k.png", "image"),
             AtlasItem("m", "Los (PNG)", "los.png", "image")]
    assert thumbnails(items) == (Thumbnail("a/k.png", "a/k.html", "Kaart"),
                                 Thumbnail("los.png", "los.png", "Los (PNG)"))
    given = SectionPage("m", "M", "h", tuple(items), pictures=(Thumbnail("x.png", "x.html", "X"),))
    assert given.thumbnails == (Thumbnail("x.png", "x.html", "X"),)


def test_a_section_listed_in_sections_is_built_in_that_order(tmp_path, monkeypatch):
    """The order of the index is the order of SECTIONS; a new first section is one entry there."""
    import sys
    import types

    import regio.report.atlas as atlas

    module = types.ModuleType("regio_test_access_section")

    def build(ctx):
        (ctx.out / "first.html").write_text("<p>x</p>", encoding="utf-8")
        return SectionPage("first", "Eerst", "Binnen 15 minuten: 99%.",
                           (AtlasItem("first", "Eerst", "first.html", "map"),))

    module.build = build
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(atlas, "SECTIONS", (("first", module.__name__), *atlas.SECTIONS))
    items, skipped = atlas.build_atlas(tmp_path, sections=["first", "population"], data_dir=tmp_path / "none",
                                       progress=False)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert [i.path for i in items] == ["first.html"] and [s.section for s in skipped] == ["population"]
    assert html.index("Binnen 15 minuten: 99%.") < html.index("id='skipped'")


def _open_from_disk(path: Path, screenshot: str) -> dict:
    """Open a page as a file with every host unresolvable; the text, images loaded and console errors."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from tests._support.browser import ARTIFACTS, CHROMEDRIVER, CHROMIUM

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--window-size=1200,1400", "--host-resolver-rules=MAP * ~NOTFOUND"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.get(path.resolve().as_uri())
        for img in driver.find_elements("css selector", ".thumbs img"):  # every thumbnail shows (loaded from disk)
            assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)
        seen = driver.execute_script("""
            return {text: document.body.innerText, lang: document.documentElement.lang,
                    sections: Array.from(document.querySelectorAll('section[id]')).filter(function(s) {
                      return s.id !== 'files' && s.id !== 'skipped'; }).map(function(s) {
                      return {id: s.id, headline: (s.querySelector('.headline') || {}).innerText || '',
                              thumbs: Array.from(s.querySelectorAll('.thumbs a > img')).map(function(i) {
                                return {src: i.getAttribute('src'), link: i.parentElement.getAttribute('href')}; })};
                    })};""")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / screenshot))
        seen["errors"] = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    finally:
        driver.quit()
    return seen


@pytest.mark.realdata
@pytest.mark.browser
@pytest.mark.slow
def test_the_atlas_index_opens_from_disk_with_findings_and_a_thumbnail_per_section(real_data, tmp_path):
    from regio.report.atlas import SECTIONS, build_atlas
    from tests._support.browser import require_browser

    require_browser()
    out = tmp_path / "atlas"
    _items, skipped = build_atlas(out, data_dir=real_data, progress=False)
    assert skipped == []
    seen = _open_from_disk(out / "index.html", "atlas_index.png")
    assert seen["errors"] == [] and seen["lang"] == "nl"
    sections = {s["id"]: s for s in seen["sections"]}
    assert [s["id"] for s in seen["sections"]] == [name for name, _ in SECTIONS]
    for name, _module in SECTIONS:
        section = sections[name]
        assert re.search(r"\d", section["headline"]), name  # the answer comes with its numbers
        assert section["thumbs"], name
        for thumb in section["thumbs"]:
            assert (out / thumb["src"]).is_file() and (out / thumb["link"]).is_file()
            assert thumb["link"].endswith(".html")
    # the findings name regions and institutes, with numbers from the tables written
    import pandas as pd

    density = pd.read_csv(next(out.glob("density_huisarts_provincie_*.csv")), index_col=0)
    lowest = density[density["kind"] == "region"].sort_values("rate_per_100k").iloc[0]
    assert f"{lowest['statnaam']} ({lowest['rate_per_100k']:.1f}".replace(".", ",") in sections["density"]["headline"]
    areas = pd.read_csv(next(out.glob("recruitment_*_areas.csv")), index_col=0)
    top = areas.sort_values("gap", ascending=False).iloc[0]
    assert top["name"] in sections["recruitment"]["headline"]
    assert "1.026" in sections["allocation"]["headline"]  # the published advice (Capaciteitsplan 2025)
    # sources cite the publisher on the index and in every map's title box; the copies read are in the notes
    assert "(via " not in seen["text"] and "CBS 37259eng" in seen["text"]
    for page in out.glob("*.html"):
        assert "(via " not in page.read_text(encoding="utf-8"), page.name
    notes = (out / "population_gemeente_2024.notes.txt").read_text(encoding="utf-8")
    assert "(via " in notes and "boundaries/gemeente_2024.geojson" in notes
