"""Results carry their decisions as typed fields; the maps read those, never ``DataFrame.attrs``."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

import regio

MAPS = Path(regio.__file__).parent / "maps"

#: ``attrs`` keys that were decisions the maps read; now fields of typed results or explicit arguments.
CONVERTED_KEYS = ("reference", "national_per_100k", "level", "bands", "norm_per_100k", "norm_is_average",
                  "unplaced_total", "no_data",  # DensityResult.facts
                  "per_100k_rounding_only", "source",  # AllocationResult.per_100k_rounding_only, .dissolved
                  "intake", "advice_", "equilibrium_year", "bijsturingsjaar",  # ProjectionMarks
                  "cost_unit")  # RecruitmentResult.cost_unit


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
    pattern = re.compile(rf"""\.attrs(\[|\.get\()\s*f?["'](?:{keys})""")
    hits = [f"{path.name}:{n}: {line.strip()}" for path in sorted(MAPS.rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert hits == []


def test_the_maps_read_no_attrs_at_all():
    hits = [f"{path.name}:{n}: {line.strip()}" for path in sorted(MAPS.rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if ".attrs" in line and not line.lstrip().startswith((">>>", "..."))]
    assert hits == []


def test_allocation_layers_take_rounding_only_as_an_argument():
    from regio.allocation import allocate, per_100k_rounding_only
    from regio.maps.allocation import allocation_layers

    pop = pd.Series({"PV20": 590_000, "PV21": 650_000, "PV22": 500_000})
    table = allocate(100, pop.astype(float), population=pop)
    assert per_100k_rounding_only(table["allocated"], table["population"])
    assert table.attrs["per_100k_rounding_only"]  # still in the table's attrs, for the CSV notes
    bare = table.copy()
    bare.attrs = {}
    one_class = allocation_layers(bare, rounding_only=True)[0]
    assert len(one_class.classes.labels) == 1 and "afronding" in one_class.note
    assert allocation_layers(bare)[0].classes == one_class.classes  # computed from the columns, not attrs
    told_not = allocation_layers(bare, rounding_only=False)[0]  # the argument is taken: not the neutral class ...
    assert told_not.classes != one_class.classes and "kwantielen" in told_not.note
    assert len(told_not.classes.labels) == 1  # ... but classes never split what differs only by rounding


def test_drawable_is_told_whether_the_shapes_were_dissolved():
    import geopandas as gpd
    from shapely.geometry import box

    from regio.maps.allocation import drawable

    region = box(0, 0, 1_000, 1_000).union(box(1_000.5, 0, 2_000, 1_000))
    shapes = gpd.GeoDataFrame(geometry=[region], index=["R1"], crs="EPSG:28992")
    shapes.attrs["source"] = "dissolved from municipalities"  # provenance only: not read
    assert drawable(shapes, dissolved=False) is shapes
    assert drawable(shapes.set_geometry(shapes.geometry), dissolved=True).geometry.iloc[0].geom_type == "Polygon"


def test_the_model_chart_reads_projection_marks_not_attrs():
    from regio.maps.charts import chart_lines, supply_demand_html
    from regio.model.core import ProjectionMarks, project, projection_marks
    from regio.model.parameters import example_parameters

    table = project(example_parameters(), scenarios=("full",))
    marks = projection_marks(table)
    assert isinstance(marks, ProjectionMarks)
    assert (round(marks.intake), round(marks.advice["full"]), marks.equilibrium_year) == (718, 1027, 2043)
    with pytest.raises(dataclasses.FrozenInstanceError):
        marks.intake = 0  # type: ignore[misc]
    bare = table.copy()
    bare.attrs = {}
    with pytest.raises(KeyError):  # a table without the marks fails loudly, not with a silent default
        projection_marks(bare)
    assert chart_lines(bare, scenarios=("full",), lang="en", marks=marks) == chart_lines(
        table, scenarios=("full",), lang="en")
    def page(tab, **kw):  # without matplotlib's random clip-path ids
        return re.sub(r"\b[pm][0-9a-f]{10}\b", "id", supply_demand_html(tab, title="t", source="s", scenarios=("full",),
                                                                    **kw))

    assert page(bare, marks=marks) == page(table)


def test_the_recruitment_map_takes_the_cost_unit_as_an_argument():
    import geopandas as gpd
    from shapely.geometry import box

    from regio.maps.recruitment import recruitment_map
    from regio.recruitment import area_summary

    codes = ["GM0001", "GM0002", "GM0003"]
    shapes = gpd.GeoDataFrame(geometry=[box(100_000 + i * 10_000, 450_000, 110_000 + i * 10_000, 460_000)
                                        for i in range(3)], index=codes, crs="EPSG:28992")
    municipal = pd.DataFrame({"statnaam": ["West", "Midden", "Oost"], "institute": ["lumc", "lumc", "umcu"],
                              "institute_name": ["LUMC", "LUMC", "UMC Utrecht"], "joint": ["", "umcu", ""],
                              "cost": [4.0, 9.5, 3.0], "population": [50_000, 30_000, 40_000],
                              "gps": [40, 20, 30], "gps_estimated": False, "trainers": [8, 4, 9],
                              "trainers_estimated": False}, index=codes)
    areas = area_summary(municipal, municipal, institutes=["lumc", "umcu"]).assign(name=["LUMC", "UMC Utrecht"])
    locations = gpd.GeoDataFrame({"institute_id": ["lumc", "umcu"], "institute": ["LUMC", "UMC Utrecht"],
                                  "kind": "main", "site": ["Leiden", "Utrecht"], "city": ["Leiden", "Utrecht"]},
                                 geometry=gpd.points_from_xy([105_000, 125_000], [455_000, 455_000]),
                                 crs="EPSG:28992")
    locations[["lon", "lat"]] = locations.to_crs("EPSG:4326").get_coordinates().to_numpy()
    municipal.attrs["cost_unit"] = "km"  # provenance only: the map does not read it

    def page(**kw):
        fmap = recruitment_map(shapes, municipal, areas, area_shapes=shapes.join(municipal["institute"])
                               .dissolve("institute"), joint_shapes=shapes.iloc[:0], locations=locations,
                               title="t", source="s", **kw)
        return fmap.get_root().render()

    assert "Reistijd tot locatie" in page(cost_unit="min")
    told_nothing = page()
    assert "Afstand/reistijd tot locatie" in told_nothing and "Afstand tot locatie" not in told_nothing
