"""`regio atlas` end to end on the real data, and its maps as a person sees them in Chromium."""

from __future__ import annotations

import re

import pytest
from browser import render, require_browser
from click.testing import CliRunner

import regio
from regio.cli import main

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def atlas_dir(real_data, tmp_path_factory):
    out = tmp_path_factory.mktemp("atlas")
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "atlas", "--out", str(out),
                                    "--section", "population"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return out


def test_atlas_index_links_real_files(atlas_dir):
    index = (atlas_dir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r"href='([^'#]+)'", index)
    assert "population_gemeente_2024.html" in links
    for link in links:  # every file link (not the anchors within the page)
        assert (atlas_dir / link).is_file(), link


def test_population_map_in_chromium(atlas_dir):
    require_browser()
    html = atlas_dir / "population_gemeente_2024.html"
    shown = render(html, screenshot="population_gemeente_2024.png")
    pop = regio.population("gemeente", 2024)
    assert shown.errors == [], shown.errors
    assert shown.external == [] or all("openstreetmap" in u for u in shown.external)
    assert shown.regions == len(pop) == 342
    assert shown.legends == 2 and "Inwoners per km²" in shown.visible_legend
    assert "Bevolking per gemeente, 1 januari 2024" in shown.title and "CBS" in shown.title
    # the tooltip carries the numbers of the region hovered, formatted in Dutch
    name = re.search(r"Gemeente\s+(.+)", shown.tooltip).group(1).strip()
    code = pop.index[pop["statnaam"] == name][0]
    expected = f"{int(pop.loc[code, 'population']):,}".replace(",", ".")
    assert expected in shown.tooltip
    assert shown.screenshot is not None and shown.screenshot.stat().st_size > 10_000


def test_switching_layer_shows_its_legend(atlas_dir):
    require_browser()
    shown = render(atlas_dir / "population_gemeente_2024.html", hover=False, switch_to=1)
    assert shown.switch_labels == ["Inwoners per km²", "Inwoners"]
    assert shown.visible_legend.startswith("Inwoners\n")
    assert shown.errors == []


def test_atlas_tables_conserve_the_population(atlas_dir):
    import pandas as pd

    table = pd.read_csv(atlas_dir / "population_gemeente_2024.csv", dtype={"statcode": str})
    assert int(table["population"].sum()) == int(regio.population("gemeente", 2024)["population"].sum())


def test_the_index_and_the_listing_account_for_every_file_written(real_data, tmp_path):
    out = tmp_path / "atlas"
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "atlas", "--out", str(out)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    listed = [line.split(None, 1)[1].strip() for line in res.output.splitlines() if line.startswith("  ")]
    assert sorted(str(out / p) for p in written) == sorted(listed)  # the listing names every file, once
    count = re.search(r"^(\d+) bestanden geschreven in", res.output, re.M)  # Dutch by default
    assert count and int(count.group(1)) == len(written) == len(listed)
    index = (out / "index.html").read_text(encoding="utf-8")
    files = index[index.index("<section id='files'>"):]  # the overview's pictures link the maps again, above
    links = re.findall(r"href='([^']+)'", files)
    assert sorted(links) == sorted(written - {"index.html"})  # every file linked from the list of files, once
    overview = index[:index.index("<section id='files'>")]
    assert set(re.findall(r"(?:href|src)='([^'#]+)'", overview)) <= written
    # each table with its Excel and its notes, the model's tables included
    for csv in [p for p in written if p.endswith(".csv")]:
        stem = csv.removesuffix(".csv")
        csv_only = stem.startswith("access_pc4_")  # 4,000 PC4 points for machines: CSV and notes only
        assert ({f"{stem}.notes.txt"} if csv_only else {f"{stem}.xlsx", f"{stem}.notes.txt"}) <= set(links), stem
    assert "model_huisartsen_rondes.xlsx" in links and "model_huisartsen_rondes.notes.txt" in links
    # the density entry names professions by their label, not by an internal code
    assert "big_totaal" not in index and "BIG-geregistreerden 2022 per provincie" in index


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_recruitment_section_says_one_trainer_gap(real_data, tmp_path, lang):
    """The headline and the map's description gave 1.355 (rounded up per institute) and 1.353 on one page."""
    import math

    from regio.recruitment.run import RecruitmentSpec, run_recruitment
    from regio.report.items import AtlasContext
    from regio.report.sections import recruitment

    page = recruitment.build(AtlasContext(out=tmp_path, lang=lang, progress=False, data_dir=real_data))
    res = run_recruitment(RecruitmentSpec("nearest", year=2024), data_dir=real_data, lang=lang)
    expected = sum(max(math.ceil(float(v) - 1e-9), 0) for v in res.areas["gap"])
    said = f"{expected:,}".replace(",", "." if lang == "nl" else ",")
    description = next(item.description for item in page.items if item.kind == "map")
    assert said in page.headline and said in description
    assert round(float(res.areas["gap"].sum())) != expected  # the net unrounded sum, which the map said before
