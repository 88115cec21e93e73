"""The kernel's errors and warnings (validate, apportion, geography, mergers) said in Dutch and English.

The English message is what the error was raised with (``str(err)``); ``message("nl")`` is the catalogue's Dutch,
also for messages gathered from parts (:func:`regio.text.joined`).
"""

from __future__ import annotations

import warnings

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Polygon, box

from regio.apportion import apportion
from regio.errors import CRSError, InputError, RegioWarning, UnknownCodeError
from regio.geography import define_level
from regio.text import joined
from regio.validate import check_crs, check_extent, coverage_problems, repair_geometries, to_numeric, warn_repairs


def test_gathered_problems_of_a_column_are_all_said_in_dutch():
    with pytest.raises(InputError) as caught:
        to_numeric(pd.Series(["1", "x", "-2", ""]), column="count", source="counts.csv", integer=True)
    err = caught.value
    assert str(err).startswith("Column 'count' in counts.csv: non-numeric values at 1 (e.g. 'x'); missing values at 3")
    nl = err.message("nl")
    assert nl.startswith("Kolom 'count' in counts.csv: niet-numerieke waarden bij 1 (bijv. 'x'); ontbrekende "
                         "waarden bij 3; negatieve waarden bij 2.")
    assert "Verbeter deze cellen" in nl and "values" not in nl


def test_decimal_commas_warn_in_dutch():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        to_numeric(pd.Series(["1,5"]), column="fte", source="f.csv")
    (w,) = [c.message for c in caught if isinstance(c.message, RegioWarning)]
    assert str(w).startswith("Column 'fte' in f.csv uses decimal commas")
    assert w.message("nl").startswith("Kolom 'fte' in f.csv gebruikt decimale komma's (bijv. '1,5')")


def test_crs_errors_say_the_fix_in_dutch_with_dutch_numbers():
    rd = gpd.GeoDataFrame(geometry=[box(0, 0, 1_000, 1_000)], crs="EPSG:28992")
    with pytest.raises(CRSError) as caught:
        check_crs(rd.to_crs("EPSG:4326"), name="shapes")
    assert caught.value.message("nl") == ("'shapes' is in EPSG:4326, verwacht is EPSG:28992. Projecteer om met "
                                          "gdf.to_crs('EPSG:28992').")
    lonlat = gpd.GeoDataFrame(geometry=[box(5.0, 52.0, 5.25, 52.1)], crs="EPSG:28992")
    with pytest.raises(CRSError) as caught:
        check_extent(lonlat, source="u.geojson")
    assert "x 5.00..5.25" in str(caught.value)
    assert caught.value.message("nl").startswith("u.geojson: de coördinaten lijken lengte-/breedtegraden (x 5,00..5,25")


def test_bounds_and_weights_errors_are_dutch():
    weights = pd.Series([1.0, 2.0], index=["PV20", "PV21"])
    with pytest.raises(InputError) as caught:
        apportion(10, weights, lower={"PV20": 6}, upper={"PV20": 5})
    assert str(caught.value) == "Bounds contradict each other: PV20 (lower 6 > upper 5)."
    assert caught.value.message("nl") == "Grenzen spreken elkaar tegen: PV20 (onder 6 > boven 5)."
    with pytest.raises(InputError) as caught:
        apportion(10, pd.Series([1.0, -1.0, float("nan")], index=["a", "b", "c"]))
    assert caught.value.message("nl") == ("Gewichten moeten eindig en niet-negatief zijn; foute gewichten: "
                                          "ontbrekend, niet-numeriek of oneindig voor c; negatief voor b.")
    with pytest.raises(InputError) as caught:
        apportion(12_345, weights, lower={"PV20": 10_000, "PV21": 3_000})
    assert "13.000, 655 meer dan het totaal 12.345" in caught.value.message("nl")


def test_a_mapping_with_problems_is_said_in_dutch():
    mapping = pd.DataFrame({"gemeente": ["GM1", "GM1", "GM9"], "region": ["A", "B", "C"]})
    with pytest.raises(InputError) as caught:
        define_level(mapping, units=["GM1", "GM2"], source="m.csv")
    assert str(caught.value) == ("Mapping in m.csv: units assigned more than once: GM1; not in the division: GM9; "
                                 "without a region: GM2. Fix the mapping table.")
    assert caught.value.message("nl") == ("Indeling in m.csv: eenheden meer dan eens ingedeeld: GM1; niet in de "
                                          "indeling: GM9; zonder regio: GM2. Verbeter de indelingstabel.")


def test_coverage_problems_stay_text_without_keys():
    assert coverage_problems(["GM1", "GM9"], ["GM1", "GM2"]) == ["not in the division: GM9", "missing: GM2"]
    keyed = coverage_problems(["GM9"], ["GM9"], keys=("kernel.mapping.twice", "kernel.mapping.unknown",
                                                      "kernel.mapping.unassigned"), also_missing=["GM9"])
    assert [str(p) for p in keyed] == ["missing: GM9"] and keyed[0].message("nl") == "zonder regio: GM9"


def test_repairs_warn_in_dutch_also_from_a_cached_frame():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    shapes = gpd.GeoDataFrame(geometry=[bowtie, None], index=["GM0001", "GM0002"], crs="EPSG:28992")
    fixed = repair_geometries(shapes, source="s.geojson", warn=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_repairs(fixed.copy())
        warn_repairs(fixed, key="ignored.key", origin="extra")  # the form other packages may call it in
    said = [c.message for c in caught]
    assert [str(w) for w in said[:2]] == fixed.attrs["repairs"] and len(said) == 4
    assert said[0].message("nl") == "1 ongeldige geometrie(ën) in s.geojson hersteld: GM0001."
    assert said[1].message("nl").startswith("1 regio('s) in s.geojson hebben een lege geometrie")


def test_joined_says_each_part_in_the_same_language():
    parts = [UnknownCodeError("no shape for GM1", key="kernel.no_shape_for", codes="GM1"),
             UnknownCodeError("no population for GM2", key="kernel.no_population_for", codes="GM2")]
    both = joined(parts)
    assert str(both) == "no shape for GM1; no population for GM2"
    assert both.message("nl") == "geen vorm voor GM1; geen bevolking voor GM2"
    assert joined(["a", "b"], sep=" or ").message("nl") == "a of b"
