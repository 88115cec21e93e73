"""Chart pages that embed the PNG say the title and source once (the image draws them)."""

from __future__ import annotations

import re

import pandas as pd

from regio.maps.charts import supply_demand_html, supply_demand_png
from regio.maps.trainers import forecast_html, forecast_png
from regio.model.core import project
from regio.model.parameters import example_parameters


def _shown_headings(page: str) -> list[str]:
    """The h1 texts that are not visually hidden."""
    return re.findall(r"<h1>([^<]*)</h1>", page)


def test_model_chart_page_with_png_hides_its_own_title_and_source():
    table = project(example_parameters())
    png = supply_demand_png(table, title="Fixture-titel", source="Bron: fixture", lang="nl")
    with_png = supply_demand_html(table, title="Fixture-titel", source="Bron: fixture", png=png)
    drawn = supply_demand_html(table, title="Fixture-titel", source="Bron: fixture")
    assert _shown_headings(drawn) == ["Fixture-titel"]  # the SVG has no title of its own
    assert _shown_headings(with_png) == []
    assert "<h1 class='vh'>Fixture-titel</h1>" in with_png  # kept for screen readers and the tab
    assert "<p class='src vh'>Bron: fixture</p>" in with_png and "<p class='src'>Bron: fixture</p>" in drawn


def test_trainers_chart_page_with_png_hides_its_own_title():
    idx = pd.MultiIndex.from_product([["NL", "a"], [2025, 2026]], names=["institute", "year"])
    table = pd.DataFrame({"required": [10.0, 11.0, 10.0, 11.0], "trainers": [9.0, 9.0, 9.0, 9.0]}, index=idx)
    png = forecast_png(table, names={"a": "A"}, title="Opleiders", source="Bron: fixture", dpi=30)
    page = forecast_html(table, names={"a": "A"}, title="Opleiders", source="Bron: fixture", png=png)
    assert _shown_headings(page) == [] and "<h1 class='vh'>Opleiders</h1>" in page
    assert _shown_headings(forecast_html(table, names={"a": "A"}, title="Opleiders", source="Bron: fixture")) == [
        "Opleiders"]
