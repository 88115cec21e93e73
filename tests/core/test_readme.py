"""The README and the reference in docs/: Python examples run as written, on the real data; links resolve."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
MAX_README_LINES = 250


def _name(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def _blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)


EXAMPLES = [(page, number) for page in PAGES for number in range(len(_blocks(page)))]


def test_the_readme_has_python_examples():
    assert len(_blocks(README)) >= 1


def test_the_docs_have_python_examples():
    assert len(DOCS) >= 9
    assert sum(len(_blocks(page)) for page in DOCS) >= 4


def test_the_readme_is_a_front_page():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines; the reference belongs in docs/"


@pytest.mark.realdata
@pytest.mark.parametrize(("page", "number"), EXAMPLES, ids=[f"{_name(p)}-{n + 1}" for p, n in EXAMPLES])
def test_python_example_runs(page, number, real_data, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIO_DATA_DIR", str(real_data))
    monkeypatch.chdir(tmp_path)  # examples that write files write here
    code = _blocks(page)[number]
    exec(compile(code, f"{_name(page)} python block {number + 1}", "exec"), {"__name__": "readme"})


# ----------------------------------------------------------------------------- links

def _without_fences(text: str) -> str:
    """The text without fenced code blocks (a "# comment" there is no heading, a link there no link)."""
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


def _prose(text: str) -> str:
    """The text without fenced code blocks and inline code."""
    return re.sub(r"`[^`\n]*`", "", _without_fences(text))


def _slugs(text: str) -> set[str]:
    """Anchors of the headings, as GitHub and mkdocs (Python-Markdown toc) make them."""
    slugs = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", _without_fences(text), flags=re.M):
        plain = re.sub(r"[`*_]", "", heading).strip().lower()
        slugs.add(re.sub(r" ", "-", re.sub(r"[^\w\- ]", "", plain)))  # GitHub
        ascii_ = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
        slugs.add(re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_).strip()))  # mkdocs
    return slugs


LINKS = list(dict.fromkeys(  # each (page, target) once, in the order of the pages
    (page, target)
    for page in PAGES
    for target in re.findall(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", _prose(page.read_text(encoding="utf-8")))
    if not re.match(r"[a-z][a-z0-9+.-]*:", target)  # http:, https:, mailto: are not checked here
))


def test_the_pages_have_relative_links():
    assert any(page == README for page, _ in LINKS)
    index = {target for page, target in LINKS if page.name == "index.md"}
    assert {p.name for p in DOCS if p.name != "index.md"} <= index  # docs/index.md links every page


@pytest.mark.parametrize(("page", "target"), LINKS, ids=[f"{_name(p)}->{t}" for p, t in LINKS])
def test_relative_link_resolves(page, target):
    path, _, anchor = target.partition("#")
    dest = (page.parent / path).resolve() if path else page
    assert dest.exists(), f"{_name(page)} links to {target}: {path} does not exist"
    if anchor and dest.suffix == ".md":
        assert anchor in _slugs(dest.read_text(encoding="utf-8")), f"{_name(page)} links to {target}: no such heading"


# ----------------------------------------------------------------------------- the headline

@pytest.mark.realdata
def test_the_readme_headline_is_the_atlas_headline(real_data, monkeypatch):
    """The headline on the first screen has the numbers the atlas's density section prints."""
    from regio.density.run import density_inputs, density_result
    from regio.maps.core import format_number

    monkeypatch.setenv("REGIO_DATA_DIR", str(real_data))
    table = density_result(density_inputs("huisarts", level="provincie", year=2018)).table
    assert table.attrs["reference"] == "national"
    national = format_number(table.attrs["national_per_100k"], 1, "nl")
    low = table.sort_values("rate_per_100k").iloc[0]
    high = table.sort_values("rate_per_100k").iloc[-1]
    lines = README.read_text(encoding="utf-8").splitlines()
    first_screen = " ".join(" ".join(lines[:45]).split())
    headline = (f"Landelijk {national} huisartsen per 100.000 inwoners; "
                f"laagst {low['statnaam']} ({format_number(low['rate_per_100k'], 1, 'nl')})")
    assert headline in first_screen
    assert f"highest {high['statnaam']} ({format_number(high['rate_per_100k'], 1, 'en')})" in first_screen
    assert f"{int(table['count'].sum()):,} GPs placed in a province" in first_screen


@pytest.mark.realdata
def test_the_readme_leads_with_the_access_headline(real_data):
    """The first screen names the municipalities with the lowest provision, as the atlas's first section does."""
    from regio.access import run_access
    from regio.report.access import headline

    lines = README.read_text(encoding="utf-8").splitlines()
    first_screen = " ".join(" ".join(lines[:45]).split())
    sentence = headline(run_access(data_dir=real_data), "nl")
    lowest = sentence.split(";")[0]  # "Laagste voorziening naar zorgbehoefte: Rozendaal (31%), ..."
    assert lowest in first_screen
    under = sentence.split("; ")[1]  # "65 van de 342 gemeenten onder 75% van landelijk"
    assert under in first_screen
