"""Unit tests of regio.geography on small hand-made fixtures (no real data)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from regio import geography
from regio.errors import CRSError, InputError, RegioWarning, UnknownCodeError, UnknownYearError

# --- fixtures: a made-up country of four municipalities in 2020 that becomes three in 2021 ----------

KNOWN = {2020: {"GM1", "GM2", "GM3", "GM4"}}
# 2020->2021: GM3 merges into GM2 (code kept); GM4 is split between GM1 (30 addresses) and GM5 (70, new code).
# As in the CBS grenswijzigingen, every municipality that changes is listed, receivers included.
STEPS = pd.DataFrame({
    "from_year": [2020] * 5,
    "to_year": [2021] * 5,
    "from_code": ["GM1", "GM2", "GM3", "GM4", "GM4"],
    "to_code": ["GM1", "GM2", "GM2", "GM1", "GM5"],
    "weight": [200.0, 100.0, 50.0, 30.0, 70.0],
})


def _divisions():
    return geography.derive_divisions(KNOWN, STEPS)


def test_derive_divisions_applies_steps_forward_and_backward():
    divs = _divisions()
    assert divs[2021] == {"GM1", "GM2", "GM5"}
    back = geography.derive_divisions({2021: divs[2021]}, STEPS)
    assert back[2020] == {"GM1", "GM2", "GM3", "GM4"}


def test_crosswalk_shares_sum_to_one_and_map_into_new_division():
    cw = geography.build_crosswalk(2020, 2021, divisions=_divisions(), exact=STEPS, exact_span=(2020, 2021))
    assert set(cw["to_code"]) == {"GM1", "GM2", "GM5"}
    sums = cw.groupby("from_code")["share"].sum()
    np.testing.assert_allclose(sums.to_numpy(), 1.0)
    gm4 = cw[cw["from_code"] == "GM4"].set_index("to_code")["share"]
    assert gm4["GM1"] == pytest.approx(0.3) and gm4["GM5"] == pytest.approx(0.7)


def test_crosswalk_chain_of_two_steps_maps_to_last_division():
    # 2021->2022: GM5 and GM1 merge into GM6
    steps = pd.concat([STEPS, pd.DataFrame({"from_year": [2021, 2021], "to_year": [2022, 2022],
                                             "from_code": ["GM1", "GM5"], "to_code": ["GM6", "GM6"],
                                             "weight": [1.0, 1.0]})], ignore_index=True)
    divs = geography.derive_divisions(KNOWN, steps)
    cw = geography.build_crosswalk(2020, 2022, divisions=divs, exact=steps, exact_span=(2020, 2022))
    assert set(cw["to_code"]) == {"GM2", "GM6"}
    assert cw.set_index("from_code").loc["GM4", "to_code"] == "GM6"
    assert cw.attrs["path"] == ["2020->2021 (grenswijzigingen)", "2021->2022 (grenswijzigingen)"]


def test_crosswalk_refuses_backwards_and_unknown_years():
    with pytest.raises(UnknownYearError, match="back"):
        geography.build_crosswalk(2021, 2020, divisions=_divisions(), exact=STEPS)
    with pytest.raises(UnknownYearError, match="2030"):
        geography.build_crosswalk(2020, 2030, divisions=_divisions(), exact=STEPS)


def test_overlay_step_keeps_persisting_codes_and_splits_vanished_by_area():
    divs = {2014: frozenset({"GM1", "GM2", "GM3"}), 2015: frozenset({"GM1", "GM2"})}
    overlay = pd.DataFrame({"from_year": [2014] * 4, "to_year": [2015] * 4,
                            "from_code": ["GM1", "GM1", "GM3", "GM3"], "to_code": ["GM1", "GM2", "GM1", "GM2"],
                            "weight": [0.8, 0.15, 0.45, 0.45]})
    empty = overlay.iloc[:0]
    cw = geography.build_crosswalk(2014, 2015, divisions=divs, exact=empty, overlay=overlay, exact_span=(0, 0))
    shares = cw.set_index(["from_code", "to_code"])["share"]
    assert shares[("GM1", "GM1")] == 1.0  # a sliver overlap of a persisting municipality is ignored
    assert shares[("GM3", "GM1")] == pytest.approx(0.5)  # normalised area shares


def test_carry_conserves_whole_counts_exactly_and_per_old_code():
    cw = geography.build_crosswalk(2020, 2021, divisions=_divisions(), exact=STEPS, exact_span=(2020, 2021))
    counts = pd.DataFrame({"population": [10, 20, 7, 13], "fte": [1.5, 2.0, 0.5, 1.0]},
                          index=["GM1", "GM2", "GM3", "GM4"])
    before = counts.copy()
    out = geography.carry(counts, cw)
    pd.testing.assert_frame_equal(counts, before)  # input untouched
    assert out["population"].dtype == "int64"
    assert out["population"].sum() == 50
    assert out["fte"].sum() == pytest.approx(5.0)
    # GM4's 13 split 30/70 -> 3.9/9.1 -> 4 to GM1, 9 to GM5
    assert out.loc["GM5", "population"] == 9 and out.loc["GM1", "population"] == 14
    assert out.loc["GM2", "population"] == 27


def test_carry_missing_is_not_zero():
    """A new municipality with a predecessor without a count has no count; the rest is reported, not lost."""
    cw = geography.build_crosswalk(2020, 2021, divisions=_divisions(), exact=STEPS, exact_span=(2020, 2021))
    # GM3 merges into GM2: without GM3's count, GM2 (2021) is unknown, whatever GM2 (2020) had
    for counts in (pd.DataFrame({"n": [10, 20, 13]}, index=["GM1", "GM2", "GM4"]),
                   pd.DataFrame({"n": [10, 20, np.nan, 13]}, index=["GM1", "GM2", "GM3", "GM4"])):
        before = counts.copy()
        out = geography.carry(counts, cw)
        pd.testing.assert_frame_equal(counts, before)
        assert pd.isna(out.loc["GM2", "n"])
        assert out.attrs["incomplete"] == {"GM2": ["GM3"]}
        assert out.attrs["unplaced"] == {"n": 20.0}
        # everything else is carried whole and conserved: GM1 14 + GM5 9 = 10 + 13
        assert out.loc[["GM1", "GM5"], "n"].sum() + out.attrs["unplaced"]["n"] == counts["n"].sum()
    # the same with a fraction column: NaN, not a partial sum
    fte = geography.carry(pd.DataFrame({"fte": [1.5, 2.0, 1.0]}, index=["GM1", "GM2", "GM4"]), cw)
    assert np.isnan(fte.loc["GM2", "fte"]) and fte.loc["GM5", "fte"] == pytest.approx(0.7)
    # per column: a NaN in one column leaves the other complete
    two = geography.carry(pd.DataFrame({"n": [10, 20, 7, 13], "fte": [1.5, 2.0, np.nan, 1.0]},
                                       index=["GM1", "GM2", "GM3", "GM4"]), cw)
    assert two.loc["GM2", "n"] == 27 and pd.isna(two.loc["GM2", "fte"])
    assert two.attrs["incomplete_by_column"] == {"fte": {"GM2": ["GM3"]}}
    complete = geography.carry(pd.DataFrame({"n": [10, 20, 7, 13]}, index=["GM1", "GM2", "GM3", "GM4"]), cw)
    assert complete.attrs["incomplete"] == {} and complete.attrs["unplaced"] == {}
    assert complete["n"].dtype == "int64"


def test_carry_names_unknown_codes():
    cw = geography.build_crosswalk(2020, 2021, divisions=_divisions(), exact=STEPS, exact_span=(2020, 2021))
    with pytest.raises(UnknownCodeError, match="GM9"):
        geography.carry(pd.DataFrame({"n": [1, 2]}, index=["GM1", "GM9"]), cw)
    # bare numbers are not CBS codes: the message says what a code looks like
    with pytest.raises(UnknownCodeError, match=r"written like GM0363 \(Amsterdam\), not '363'"):
        geography.carry(pd.DataFrame({"n": [1]}, index=["363"]), cw)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=4, max_size=4),
       st.lists(st.floats(0.01, 100), min_size=2, max_size=2))
def test_carry_total_is_conserved_for_any_counts_and_weights(values, weights):
    steps = STEPS.copy()
    steps.loc[steps["from_code"] == "GM4", "weight"] = weights  # any split of GM4
    cw = geography.build_crosswalk(2020, 2021, divisions=_divisions(), exact=steps, exact_span=(2020, 2021))
    out = geography.carry(pd.DataFrame({"n": values}, index=["GM1", "GM2", "GM3", "GM4"]), cw)
    assert out["n"].sum() == sum(values)
    assert (out["n"] >= 0).all()


@pytest.mark.realdata
def test_aggregate_to_describes_the_sums_not_the_units(real_data):
    import regio

    carried = regio.carry_to(regio.population("gemeente", 2017)[["population"]], 2017, 2024)
    prov = regio.aggregate_to(carried, "provincie", year=2024)
    assert prov.attrs["level"] == "provincie" and prov.attrs["year"] == 2017 and prov.attrs["division"] == 2024
    assert "crosswalk" not in prov.attrs and "provincie" in prov.attrs["method"]
    assert int(prov["population"].sum()) == int(carried["population"].sum())


def test_aggregate_sums_and_names_units_without_region():
    frame = pd.DataFrame({"population": [1, 2, 3]}, index=["GM1", "GM2", "GM3"])
    member = pd.Series({"GM1": "PV1", "GM2": "PV2", "GM3": "PV2"})
    out = geography.aggregate(frame, member)
    assert out["population"].to_dict() == {"PV1": 1, "PV2": 5}
    with pytest.raises(UnknownCodeError, match="GM3"):
        geography.aggregate(frame, member.drop("GM3"))


def test_define_level_from_a_series_indexed_like_the_units():
    out = geography.define_level(pd.Series({"GM2": "B", "GM1": "A"}), units=["GM1", "GM2"], source="mijn.csv")
    assert out.to_dict() == {"GM1": "A", "GM2": "B"} and out.index.name == "statcode"
    assert out.attrs["source"] == "mijn.csv"


def test_define_level_lists_every_problem_at_once():
    mapping = pd.DataFrame({"gemeente": ["GM1", "GM1", "GM9"], "region": ["A", "B", "C"]})
    with pytest.raises(InputError) as err:
        geography.define_level(mapping, units=["GM1", "GM2"])
    text = str(err.value)
    assert "more than once: GM1" in text and "not in the division: GM9" in text and "without a region: GM2" in text


def _squares():
    units = gpd.GeoDataFrame({"statnaam": ["a", "b", "c"]},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)],
                             index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"), crs="EPSG:28992")
    regions = gpd.GeoDataFrame(geometry=[box(-0.1, -0.1, 2.1, 1.1), box(4.5, 4.5, 5.4, 5.4)],
                               index=["R1", "R2"], crs="EPSG:28992")
    return units, regions


def test_membership_by_points_uses_representative_points_and_nearest_fallback():
    units, regions = _squares()
    with pytest.warns(RegioWarning, match="1 of 3 units lie in no region; placed in the nearest region: GM3"):
        out = geography.membership_by_points(units, regions)  # one in three: more than a coastline's slivers
    assert out["region"].to_dict() == {"GM1": "R1", "GM2": "R1", "GM3": "R2"}
    assert out.loc["GM3", "method"] == "nearest"  # its point (5.5, 5.5) lies outside R2


def test_membership_by_points_refuses_mismatched_crs():
    units, regions = _squares()
    with pytest.raises(CRSError, match="to_crs"):
        geography.membership_by_points(units, regions.set_crs("EPSG:4326", allow_override=True))


def test_dissolve_builds_region_shapes_and_keeps_area():
    units, _ = _squares()
    out = geography.dissolve(units, pd.Series({"GM1": "R1", "GM2": "R1", "GM3": "R2"}), names={"R1": "Een"})
    assert list(out.index) == ["R1", "R2"]
    assert out.loc["R1", "statnaam"] == "Een"
    assert out.geometry.area.sum() == pytest.approx(units.geometry.area.sum())


def test_aggregate_keeps_missing_as_missing_and_names_the_units():
    frame = pd.DataFrame({"n": [10.0, np.nan, 5.0]}, index=["GM1", "GM2", "GM3"])
    member = pd.Series({"GM1": "PV1", "GM2": "PV1", "GM3": "PV2"})
    out = geography.aggregate(frame, member)
    assert np.isnan(out.loc["PV1", "n"]) and out.loc["PV2", "n"] == 5.0
    assert out.attrs["incomplete"] == {"PV1": ["GM2"]}
