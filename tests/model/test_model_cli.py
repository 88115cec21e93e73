"""`regio model`, the regional model on real data, the chart and map outputs, and the atlas section."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from browser import ARTIFACTS, CHROMEDRIVER, CHROMIUM, _serve, render, require_browser
from click.testing import CliRunner

from regio.cli import main
from regio.maps.charts import supply_demand_html, supply_demand_png
from regio.model import example_parameters, intake_advice, project, read_parameters
from regio.model.inputs import load_regional_inputs
from regio.model.regional import regional_advice


def run(*args):
    result = CliRunner().invoke(main, ["model", *args])
    return result


def test_cli_prints_advice_beside_published(real_data):
    result = run("--round", "2025", "--variant", "midden", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "intake advice from 2027: 1,027 trainees a year (published: 1,026; +0.1%)" in out
    assert "reproduction of the published 2025 round" in out and "decomposition of the advice" in out
    assert re.search(r"supply 2025: 14,347 GPs, 10,769 FTE", out)


def test_cli_summary_in_dutch_by_default(real_data, tmp_path):
    # the terminal summary, the regional block and the notes of a Dutch run are Dutch, numbers in Dutch format
    result = run("--level", "provincie", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "instroomadvies vanaf 2027: 1.027 aios per jaar (gepubliceerd: 1.026; +0,1%)" in out
    assert "aanbod 2025: 14.347 huisartsen, 10.769 fte" in out and "opbouw van het advies" in out
    assert "som van de regionale adviezen: 1.027 = landelijk advies 1.027,47 afgerond" in out
    for english in ("intake advice", "trainees a year", "supply 2025", "decomposition", "sum of regional",
                    "regional parameters", "inputs:", "model per region", "GPs: CBS", "population 2014"):
        assert english not in out, english
    notes = (tmp_path / "model_2025_midden_decompositie.notes.txt").read_text(encoding="utf-8")
    assert "aios per jaar van het advies" in notes and "regio-huisartsenmodel" in notes
    regional = (tmp_path / "model_2025_midden_provincie.notes.txt").read_text(encoding="utf-8")
    assert "model per regio" in regional and "model per region" not in regional
    english = run("--out", str(tmp_path / "en"), "--lang", "en")
    notes = (tmp_path / "en" / "model_2025_midden_decompositie.notes.txt").read_text(encoding="utf-8")
    assert "trainees a year of the advice" in notes and "aios" not in notes


def test_cli_what_if_shows_new_advice_and_difference(real_data):
    result = run("--set", "uren_per_week=45", "--set", "instroom=850", "--lang", "en")
    assert result.exit_code == 0, result.output
    m = re.search(r"advice ([\d,]+) -> ([\d,]+) \(\+([\d,]+) trainees a year\)", result.output)
    assert m, result.output
    before, after, diff = (int(g.replace(",", "")) for g in m.groups())
    assert before == 1027 and after > before and abs(after - before - diff) <= 1
    assert "current intake of 850" in result.output


def test_cli_errors_are_one_line(real_data):
    for args, text in ((["--set", "uren"], "NAME=VALUE"), (["--set", "bogus=1"], "Unknown model parameter 'bogus'"),
                       (["--round", "2020"], "No round 2020"), (["--scenario", "maximal"], "Unknown scenario"),
                       (["--set", "instroom=1,026"], "e.g. '1026'"), (["--set", "instroom=1.000"], "e.g. '1000'")):
        result = run(*args, "--lang", "en")
        assert result.exit_code == 2 and text in result.output, result.output


def test_cli_wrong_level_is_refused_before_the_national_model(real_data):
    for level, text in (("foo", "Unknown region level 'foo'"), ("pc4", "not pc4"), ("wijk", "not wijk")):
        result = run("--level", level, "--lang", "en")  # the English wording (Dutch: tests/cli/test_language.py)
        assert result.exit_code == 2 and text in result.output, result.output
        assert "Capaciteitsorgaan" not in result.output and "advice" not in result.output, result.output


def test_cli_all_rounds(real_data):
    result = run("--all-rounds", "--lang", "en", "--wide")
    assert result.exit_code == 0, result.output
    table = result.output.split("beside the published advice")[1]
    for raming, published in ((2016, "630"), (2019, "879"), (2022, "1,190"), (2025, "1,026")):
        assert re.search(rf"^{raming} .*{published}", table, flags=re.M), table


def test_cli_level_writes_tables_chart_and_map(real_data, tmp_path):
    result = run("--level", "provincie", "--out", str(tmp_path), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "sum of regional advices: 1,027 = national advice 1,027.47 rounded" in result.output
    regional = pd.read_csv(tmp_path / "model_2025_midden_provincie.csv", index_col=0)
    assert len(regional) == 12 and regional["advice"].sum() == 1027
    years = pd.read_csv(tmp_path / "model_2025_midden_jaren.csv", index_col=0)
    assert years.index[0] == 2025 and years.index[-1] == 2043
    page = (tmp_path / "model_2025_midden_grafiek.html").read_text(encoding="utf-8")
    # the chart is the PNG next to it, embedded (drawn once), and nothing is fetched
    assert "<img src='data:image/png;base64," in page and not re.search(r"(src|href)=[\"']https?://", page)
    for name in ("model_2025_midden_grafiek.png", "model_2025_midden_provincie_kaart.html",
                 "model_2025_midden_provincie_kaart.png", "model_2025_midden_decompositie.xlsx"):
        assert (tmp_path / name).stat().st_size > 1000, name


def test_cli_institute_areas(real_data, tmp_path):
    result = run("--level", "instituut", "--lang", "en")
    assert result.exit_code == 0, result.output
    block = result.output.split("per institute area")[1].split("sum of regional")[0]
    for name in ("Amsterdam UMC (AMC)", "Erasmus MC", "LUMC", "Maastricht UMC+", "Radboudumc", "UMCG",
                 "UMC Utrecht", "Amsterdam UMC (VUmc)"):
        assert name in block
    assert "sum of regional advices: 1,027 = national advice" in result.output


def test_regional_inputs_and_advice_real(real_data):
    inputs = load_regional_inputs("provincie", data_dir=real_data)
    assert len(inputs) == 12 and inputs["gps"].sum() == 12_210  # CBS 2018: 12,255 minus 45 not placeable
    assert inputs["population"].sum() == 17_942_942
    assert inputs.loc["PV21", "statnaam"] == "Fryslân"
    p = read_parameters(2025, data_dir=real_data)
    out = regional_advice(p, inputs, growth_years=inputs.attrs["growth_years"])
    assert int(out["advice"].sum()) == intake_advice(p).rounded
    assert out["growth_pct"].idxmax() == "PV24"  # Flevoland grows fastest
    # the estimate for other levels spreads each province's GPs over its municipalities: totals are kept
    ggd = load_regional_inputs("ggdregio", data_dir=real_data)
    assert len(ggd) == 25 and ggd["gps"].sum() == pytest.approx(12_210)
    out_ggd = regional_advice(p, ggd, growth_years=10, unfulfilled="density")
    assert int(out_ggd["advice"].sum()) == intake_advice(p).rounded


def test_regional_density_is_the_density_of_regio_density(real_data):
    """--unfulfilled density sets the 2018 GPs against the inhabitants regio density uses (1-1-2019), not 2024's."""
    from regio.density.run import density_inputs, density_result

    inputs = load_regional_inputs("provincie", data_dir=real_data)
    p = read_parameters(2025, data_dir=real_data)
    out = regional_advice(p, inputs, growth_years=inputs.attrs["growth_years"], unfulfilled="density")
    dens = density_result(density_inputs("huisarts", level="provincie", year=2018, with_shapes=False,
                                         data_dir=real_data)).table
    pd.testing.assert_series_equal(out["gps_per_100k"], dens["rate_per_100k"].reindex(out.index),
                                   check_names=False, rtol=1e-12)
    assert inputs.attrs["gps_population_year"] == 2019 != inputs.attrs["year"]
    # the institute areas use the same 1 January, summed from their municipalities
    from regio.recruitment.run import institute_membership

    member = institute_membership(2024, data_dir=real_data)
    inst = load_regional_inputs("instituut", membership=member, names=member.attrs["names"], data_dir=real_data)
    assert inst["population_gps"].sum() == inputs["population_gps"].sum()


def test_chart_png_and_html(tmp_path):
    table = project(example_parameters())
    png = supply_demand_png(table, title="t", source="s", lang="en")
    assert png[:4] == b"\x89PNG"
    page = supply_demand_html(table, title="Supply & demand", source="src", notes=["n1"], lang="en")
    assert page.count("<tr>") == len(table) + 1  # header row and one per year
    assert "Supply &amp; demand" in page and "demand: full (temporary trend)" in page
    assert "supply at advice full (temporary trend) (1,027)" in page


def test_chart_and_map_render_in_browser(real_data, tmp_path):
    require_browser()
    result = run("--level", "provincie", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    shown = render(tmp_path / "model_2025_midden_provincie_kaart.html", screenshot="model_provincie_kaart.png")
    assert shown.regions == 12 and not shown.errors and not shown.external
    assert "Advies per 100.000 inwoners" in shown.visible_legend
    assert "Advies (aios/jaar)" in shown.tooltip
    chart = _render_page(tmp_path / "model_2025_midden_grafiek.html", "model_grafiek.png")
    assert chart["chart_width"] > 500 and chart["rows"] == 19 and not chart["errors"]


@pytest.mark.browser
def test_uncertainty_pages_render_in_browser(real_data, tmp_path):
    require_browser()
    result = run("--uncertainty", "300", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    band = _render_page(tmp_path / "model_2025_midden_onzekerheid_grafiek.html", "model_onzekerheid.png")
    assert band["chart_width"] > 500 and band["rows"] == 19 and not band["errors"]
    tornado = _render_page(tmp_path / "model_2025_midden_gevoeligheid_grafiek.html", "model_gevoeligheid.png")
    assert tornado["chart_width"] > 500 and tornado["rows"] == 15 and not tornado["errors"]


def _render_page(path, screenshot):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with _serve({"/chart.html": path.read_bytes()}) as base:
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1200,1400"):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        try:
            driver.get(base + "/chart.html")
            info = driver.execute_script("""
                var chart = document.querySelector('figure.chart svg, figure.chart img');
                return {chart_width: chart ? chart.getBoundingClientRect().width : 0,
                        rows: document.querySelectorAll('table.data tbody tr').length};""")
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(ARTIFACTS / screenshot))
            info["errors"] = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        finally:
            driver.quit()
    return info


def test_atlas_section_model(real_data, tmp_path):
    from regio.report.atlas import build_atlas

    items, skipped = build_atlas(tmp_path, sections=["model"], data_dir=real_data, progress=False)
    assert not skipped
    paths = {it.path for it in items}
    assert {"model_huisartsen_2025_midden.html", "model_huisartsen_2025_midden.png",
            "model_huisartsen_2025_provincie.html", "model_huisartsen_rondes.csv"} <= paths
    for p in paths:
        assert (tmp_path / p).is_file(), p
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "model_huisartsen_2025_midden.html" in index
    # the regional map says its total is the model's own advice beside the published one, and what it follows
    page = (tmp_path / "model_huisartsen_2025_provincie.html").read_text(encoding="utf-8")
    assert "Totaal 1.027 = het eigen landelijke modeladvies (1.027,47; gepubliceerd: 1.026)" in page
    assert "geen maat voor zorgbehoefte" in page
    # the rounds table explains itself, and why the model's GPs are not the density map's
    notes = (tmp_path / "model_huisartsen_rondes.notes.txt").read_text(encoding="utf-8")
    assert "ramingen 2010, 2013, 2016, 2019, 2022, 2025" in notes and "docs/model.md (Older rounds)" in notes
    model_doc = (Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text(encoding="utf-8")
    assert "\n## Older rounds" in model_doc  # the section the notes point to
    assert "14.347 werkzame huisartsen in 2025" in notes and "12.210 huisartsen naar woonplaats in 2018" in notes
