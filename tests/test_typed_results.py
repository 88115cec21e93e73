"""Results carry their decisions as typed fields; the maps read those, never ``DataFrame.attrs``."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

import regio

MAPS = Path(regio.__file__).parent / "maps"

#: ``attrs`` keys that were decisions the maps read; now fields of typed results.
CONVERTED_KEYS = ("reference", "national_per_100k", "level", "bands", "norm_per_100k", "norm_is_average",
                  "unplaced_total", "no_data")


@pytest.fixture(scope="module")
def gp_2018(real_data):
    from regio.density.run import density_inputs, density_result

    return density_result(density_inputs("huisarts", level="provincie", year=2018, data_dir=real_data))


def _cleared(result):
    """The same result with every ``attrs`` of its tables emptied."""
    table, totals = result.table.copy(), result.totals.copy()
    table.attrs, totals.attrs = {}, {}
    return dataclasses.replace(result, table=table, totals=totals)


def _drawn(result):
    from regio.maps.density import density_map

    _, frame, layers, texts = density_map([result], tiles=None)
    legend = [(lay.title, lay.note, lay.classes.labels, lay.index.tolist()) for lay in layers]
    return pd.DataFrame(frame.drop(columns="geometry")), legend, texts


def test_density_facts_are_frozen():
    from regio.density import DensityFacts, analyse, density_facts

    facts = density_facts(analyse(pd.Series({"A": 2, "B": 120}), pd.Series({"A": 2_000, "B": 100_000})))
    assert isinstance(facts, DensityFacts)
    with pytest.raises(dataclasses.FrozenInstanceError):
        facts.reference = "regions"  # type: ignore[misc]


def test_density_facts_of_a_table_that_is_not_an_analysis_fail_loudly():
    from regio.density import density_facts

    with pytest.raises(KeyError):
        density_facts(pd.DataFrame({"rate_per_100k": [1.0]}))


@pytest.mark.realdata
def test_density_facts_have_the_values_of_the_2018_gp_density(gp_2018):
    facts = gp_2018.facts
    assert facts.reference == "national"
    assert round(facts.national_per_100k, 1) == 70.7
    assert facts.confidence == 0.95
    assert facts.bands == (75, 110)
    assert facts.provision and facts.norm_is_average  # no norm given: the national average
    assert facts.norm_per_100k == pytest.approx(facts.national_per_100k)
    assert facts.no_data == ()
    assert facts.unplaced_total == gp_2018.totals.attrs["unplaced_total"]


@pytest.mark.realdata
def test_density_map_draws_the_same_without_any_attrs(gp_2018):
    frame, legend, texts = _drawn(gp_2018)
    frame_c, legend_c, texts_c = _drawn(_cleared(gp_2018))
    pd.testing.assert_frame_equal(frame, frame_c)
    assert legend == legend_c
    assert texts == texts_c
    assert any("70,7" in note for _, note, _, _ in legend)  # the national rate in the comparison's note
    assert "t_comp" in frame and "t_prov" in frame


def test_the_maps_read_no_converted_decision_from_attrs():
    keys = "|".join(CONVERTED_KEYS)
    pattern = re.compile(rf"""\.attrs(\[|\.get\()\s*f?["'](?:{keys})["']""")
    hits = [f"{path.name}:{n}: {line.strip()}" for path in sorted(MAPS.rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert hits == []
