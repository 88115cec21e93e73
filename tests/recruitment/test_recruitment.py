"""Recruitment areas: institutes registry, the three assignment methods, per-area numbers, map and command."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from shapely.geometry import Point, box

from regio import recruitment as rec
from regio.allocation import AllocationSpec
from regio.cli._parse import region_values
from regio.data.user_files import read_counts_file, read_table
from regio.errors import InputError, OptionError, RegioWarning, UnknownCodeError
from regio.recruitment import RecruitmentSpec
from regio.sources import geodata

IDS = ["amc", "erasmusmc", "lumc", "mumc", "radboudumc", "umcg", "umcu", "vumc"]


# ----------------------------------------------------------------------------- geodata registry

def test_institutes_registry_and_loader():
    inst = geodata.institutes()
    assert inst.crs.to_epsg() == 28992
    assert inst.index.is_unique
    assert sorted(inst.loc[inst["kind"] == "main", "institute_id"]) == IDS
    sat = inst[inst["kind"] == "satellite"].set_index("city")["institute_id"].to_dict()
    assert sat == {"Hengelo": "vumc", "Zwolle": "umcg", "Den Haag": "lumc"}
    # all points in the Netherlands (RD New bounds) and each satellite in its own municipality code
    assert inst.geometry.x.between(0, 290_000).all() and inst.geometry.y.between(290_000, 630_000).all()
    entry = geodata.registry()["institutes"]
    for key in ("url", "license", "attribution", "retrieved", "rows", "sha256"):
        assert entry[key]
    path = geodata.geodata_path("institutes")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    assert entry["rows"] == len(inst)


def test_geodata_unknown_name_lists_known():
    with pytest.raises(InputError, match=r"Unknown geodata 'nope'\. Known: .*institutes"):
        geodata.geodata_path("nope")


def test_geodata_hash_mismatch_is_refused(tmp_path, monkeypatch):
    src = geodata.geodata_dir()
    shutil.copy(src / "registry.json", tmp_path / "registry.json")
    text = (src / "institutes.csv").read_text(encoding="utf-8")
    (tmp_path / "institutes.csv").write_text(text.replace("52.294428", "52.294429"), encoding="utf-8")
    monkeypatch.setattr(geodata, "GEODATA_DIRS", (tmp_path,))
    with pytest.raises(InputError, match="sha256"):
        geodata.institutes()


def test_registry_copy_is_fresh():
    reg = geodata.registry()
    reg["institutes"]["rows"] = -1
    assert geodata.registry()["institutes"]["rows"] == 11
    json.dumps(reg)  # plain JSON types


# ----------------------------------------------------------------------------- nearest core

def test_nearest_core_joint_and_ties():
    cost = pd.DataFrame({"a1": [1.0, 9.0, 5.0, 4.0], "a2": [7.0, 8.0, 9.0, 9.0], "b": [8.0, 2.0, 6.0, 4.0]},
                        index=["GM1", "GM2", "GM3", "GM4"])
    before = cost.copy()
    out = rec.nearest_core(cost, institute_of={"a1": "A", "a2": "A", "b": "B"}, margin=1.0)
    pd.testing.assert_frame_equal(cost, before)
    assert out["institute"].tolist() == ["A", "B", "A", "A"]      # GM4: tie 4 = 4 goes to the first id
    assert out["joint"].tolist() == ["", "", "B", "B"]            # within 1.0 of the nearest
    assert out["location"].tolist() == ["a1", "b", "a1", "a1"]
    assert out["cost"].tolist() == [1.0, 2.0, 5.0, 4.0]
    assert rec.nearest_core(cost, institute_of={"a1": "A", "a2": "A", "b": "B"})["joint"].tolist() == ["", "", "", "B"]


def test_nearest_core_rejects_bad_input():
    cost = pd.DataFrame({"a": [1.0, np.nan]}, index=["GM1", "GM2"])
    with pytest.raises(InputError, match="GM2"):
        rec.nearest_core(cost, institute_of={"a": "A"})
    with pytest.raises(InputError, match="margin"):
        rec.nearest_core(cost.fillna(1), institute_of={"a": "A"}, margin=-1)
    with pytest.raises(UnknownCodeError, match="a"):
        rec.nearest_core(cost.fillna(1), institute_of={})


def test_distance_matrix_refuses_wgs84():
    u = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], index=["GM1"], crs=4326)
    loc = gpd.GeoDataFrame(geometry=[Point(0, 0)], index=["x"], crs=28992)
    with pytest.raises(InputError, match="EPSG:28992"):
        rec.distance_matrix(u, loc)


# ----------------------------------------------------------------------------- capacitated core

def _brute_force(cost, w, s, r):
    best = None
    n, m = cost.shape
    for x in itertools.product(range(m), repeat=n):
        held = np.bincount(x, weights=s, minlength=m)
        if (held >= r - 1e-9).all():
            value = sum(w[i] * cost[i, j] for i, j in enumerate(x))
            if best is None or value < best[0] - 1e-12:
                best = (value, list(x))
    return best


def test_capacitated_core_hand_made_three_by_two():
    # nearest puts GM1 and GM2 with facility 0, but facility 1 needs 5 trainers and holds 2 (GM3):
    # moving GM2 (+1 x weight 10) would hold only 4; moving GM1 (+3 x weight 1) holds 6.
    cost = np.array([[1.0, 4.0], [2.0, 3.0], [6.0, 1.0]])
    w = np.array([1.0, 10.0, 1.0])
    s = np.array([4.0, 2.0, 2.0])
    r = np.array([2.0, 5.0])
    x, short = rec.capacitated_core(cost, w, s, r)
    value = sum(w[i] * cost[i, j] for i, j in enumerate(x))
    expect_value, expect_x = _brute_force(cost, w, s, r)
    assert x.tolist() == expect_x == [1, 0, 1]   # GM1 (holding 4) moves: 3 x 1 is cheaper than 1 x 10
    assert value == pytest.approx(expect_value)
    assert short.tolist() == [0.0, 0.0]


@pytest.mark.parametrize("seed", range(6))
def test_capacitated_core_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    cost = rng.uniform(0, 10, (5, 3))
    w = rng.integers(1, 20, 5).astype(float)
    s = rng.integers(1, 6, 5).astype(float)
    r = np.floor(s.sum() * rng.dirichlet(np.ones(3)) * 0.8)
    expect = _brute_force(cost, w, s, r)
    x, short = rec.capacitated_core(cost, w, s, r)
    if expect is None:
        assert short.sum() > 0
    else:
        assert sum(w[i] * cost[i, j] for i, j in enumerate(x)) == pytest.approx(expect[0])
        held = np.bincount(x, weights=s, minlength=3)
        assert (held >= r - 1e-9).all() and short.sum() == 0


def test_capacitated_core_reports_shortfall():
    cost = np.array([[1.0, 2.0], [2.0, 1.0]])
    # in total too little: 4 held, 6 needed
    x, short = rec.capacitated_core(cost, np.ones(2), np.array([2.0, 2.0]), np.array([3.0, 3.0]))
    assert short.sum() == pytest.approx(2.0)
    # enough in total (4 for 4) but whole municipalities cannot be split: least shortfall 1
    x, short = rec.capacitated_core(cost, np.ones(2), np.array([2.0, 2.0]), np.array([3.0, 1.0]))
    assert short.sum() == pytest.approx(1.0)
    assert len(x) == 2


def _toy():
    units = gpd.GeoDataFrame({"statnaam": ["Een", "Twee", "Drie"]},
                             geometry=[box(0, 0, 1000, 1000), box(2000, 0, 3000, 1000), box(9000, 0, 10000, 1000)],
                             index=pd.Index(["GM0001", "GM0002", "GM0003"], name="statcode"), crs=28992)
    locs = gpd.GeoDataFrame({"institute_id": ["a", "b", "b"], "kind": ["main", "main", "satellite"],
                             "short_name": ["Inst A", "Inst B", "Inst B sat"], "city": ["Aa", "Bb", "Cc"]},
                            geometry=[Point(500, 500), Point(20000, 500), Point(9500, 3000)],
                            index=["a", "b", "b-sat"], crs=28992)
    return units, locs


def test_assign_nearest_with_and_without_satellite():
    units, locs = _toy()
    with_sat = rec.assign_nearest(units, locs)
    without = rec.assign_nearest(units, locs, satellites=False)
    assert with_sat["institute"].tolist() == ["a", "a", "b"]
    assert with_sat.loc["GM0003", "location"] == "b-sat"
    assert without["institute"].tolist() == ["a", "a", "a"]
    assert list(with_sat.columns) == rec.ASSIGNMENT_COLUMNS


def test_assign_capacitated_raises_with_shortfall_and_allows_it():
    units, locs = _toy()
    w = pd.Series([100, 100, 100], index=units.index)
    s = pd.Series([1.0, 1.0, 1.0], index=units.index)
    ok = rec.assign_capacitated(units, locs, weights=w, supply=s, need=pd.Series({"a": 1, "b": 2}))
    assert ok["institute"].tolist() == ["a", "b", "b"]
    assert ok.attrs["shortfall"].sum() == 0
    msg = r"need 5\.0 trainers in total.*hold 3\.0, short by 2\.0"
    with pytest.raises(rec.InfeasibleTargetError, match=msg) as exc:
        rec.assign_capacitated(units, locs, weights=w, supply=s, need=pd.Series({"a": 2, "b": 3}))
    assert exc.value.shortfall.sum() == pytest.approx(2.0)
    got = rec.assign_capacitated(units, locs, weights=w, supply=s, need=pd.Series({"a": 2, "b": 3}),
                               allow_shortfall=True)
    assert got.attrs["shortfall"].sum() == pytest.approx(2.0)
    with pytest.raises(InputError, match=r"unknown institute codes zz.*missing for b"):
        rec.assign_capacitated(units, locs, weights=w, supply=s, need=pd.Series({"a": 1, "zz": 2}))
    with pytest.raises(InputError, match="negative for GM0002"):
        rec.assign_capacitated(units, locs, weights=w, supply=s.mul([1, -1, 1]), need=pd.Series({"a": 1, "b": 1}))


# ----------------------------------------------------------------------------- agreement

def test_agreement_codes_names_and_joint():
    _, locs = _toy()
    table = pd.DataFrame({"gemeente": ["GM0001", "2", None], "gemeentenaam": ["Een", "Twee", "Drie"],
                          "primary": ["a", "Inst B", "B"], "joint": ["b", "", "a; b"]})
    before = table.copy()
    out = rec.assign_from_agreement(table, units=["GM0001", "GM0002", "GM0003"], locations=locs,
                                  names={"GM0001": "Een", "GM0002": "Twee", "GM0003": "Drie"})
    pd.testing.assert_frame_equal(table, before)
    assert out["institute"].tolist() == ["a", "b", "b"]
    assert out["joint"].tolist() == ["b", "", "a"]       # the primary itself is not joint
    assert (out["method"] == "agreement").all()


def test_agreement_lists_every_problem_once():
    _, locs = _toy()
    table = pd.DataFrame({"gemeente": ["GM0001", "GM0001", "GM9999", "GM0003"],
                          "primary": ["a", "b", "a", "x-unknown"], "joint": ["", "", "", "nope"]})
    with pytest.raises(InputError) as exc:
        rec.assign_from_agreement(table, units=["GM0001", "GM0002", "GM0003"], locations=locs, source="afspraken.csv")
    msg = str(exc.value)
    assert "afspraken.csv" in msg
    assert re.search(r"unknown institutes nope, x-unknown \(known: a, b\)", msg)
    assert "assigned more than once: GM0001" in msg
    assert "not in the division: GM9999" in msg
    assert re.search(r"without a region: GM0002", msg)


def test_agreement_empty_primary_is_unassigned():
    _, locs = _toy()
    table = pd.DataFrame({"code": ["GM0001", "GM0002"], "institute": ["a", ""]})
    with pytest.raises(InputError, match="without a region: GM0002"):
        rec.assign_from_agreement(table, units=["GM0001", "GM0002"], locations=locs)
    with pytest.raises(InputError, match="lacks a primary institute column"):
        rec.assign_from_agreement(table.rename(columns={"institute": "x"}), units=["GM0001"], locations=locs)


# ----------------------------------------------------------------------------- travel times

def test_travel_time_matrix_wide_and_long():
    _, locs = _toy()
    units = ["GM0001", "GM0002"]
    wide = pd.DataFrame({"gemeente": ["GM0001", "GM0002"], "a": ["10", "30"], "b-sat": ["20", "5"]})
    m, inst = rec.travel_time_matrix(wide, units=units, locations=locs)
    assert inst == {"a": "a", "b-sat": "b"}
    long = wide.melt(id_vars="gemeente", var_name="location", value_name="minutes")
    m2, _ = rec.travel_time_matrix(long, units=units, locations=locs)
    pd.testing.assert_frame_equal(m, m2[m.columns])
    out = rec.nearest_core(m, institute_of=inst, margin=10)
    assert out["institute"].tolist() == ["a", "b"] and out["joint"].tolist() == ["b", ""]
    bad = wide.assign(a=["-1", ""], z=["1", "2"])
    with pytest.raises(InputError, match="neither a location"):
        rec.travel_time_matrix(bad, units=units, locations=locs)
    with pytest.raises(InputError, match="missing municipalities: GM0002"):
        rec.travel_time_matrix(wide.iloc[:1], units=units, locations=locs)
    with pytest.raises(InputError, match="negative values at GM0001"):
        rec.travel_time_matrix(wide.assign(a=["-1", "3"]), units=units, locations=locs)
    # an institute without any time is named, not left out of the assignment
    with pytest.raises(InputError, match=r"no column for institute\(s\) b"):
        rec.travel_time_matrix(wide[["gemeente", "a"]], units=units, locations=locs)
    with pytest.raises(InputError, match=r"no column for institute\(s\) b"):
        rec.travel_time_matrix(long[long["location"] == "a"], units=units, locations=locs)
    # an empty time, or a pair left out of a long table, is missing (not dropped)
    with pytest.raises(InputError, match="b-sat.*GM0001|GM0001.*b-sat"):
        rec.travel_time_matrix(long.assign(minutes=["10", "30", None, "5"]), units=units, locations=locs)
    with pytest.raises(InputError, match="b-sat.*GM0002|GM0002.*b-sat"):
        rec.travel_time_matrix(long.iloc[:3], units=units, locations=locs)


# ----------------------------------------------------------------------------- counts and areas

def test_estimate_gps_conserves_province_totals():
    pop = pd.Series({"GM1": 1000, "GM2": 333, "GM3": 667, "GM4": 50})
    prov = pd.Series({"GM1": "PV1", "GM2": "PV1", "GM3": "PV1", "GM4": "PV2"})
    est = rec.estimate_gps(pop, province_counts=pd.Series({"PV1": 101, "PV2": 7}), province_of=prov)
    assert est["gps"].groupby(prov).sum().to_dict() == {"PV1": 101, "PV2": 7}
    assert est["gps_estimated"].all()
    nat = rec.estimate_gps(pop, national_rate=76.0)
    assert nat["gps"].sum() == round(76.0 * pop.sum() / 100_000)
    with pytest.raises(InputError, match="No GP count for provinces PV2"):
        rec.estimate_gps(pop, province_counts=pd.Series({"PV1": 101}), province_of=prov)


def _area_inputs():
    assignment = pd.DataFrame({"institute": ["a", "a", "b"], "joint": ["b", "", ""], "location": None,
                               "cost": np.nan, "method": "agreement"},
                              index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"))
    mun = pd.DataFrame({"population": [1000, 3000, 2000], "gps": [10, 30, 20], "gps_estimated": [True, False, False],
                        "trainers": [1, 2, 6], "trainers_estimated": False}, index=assignment.index)
    return assignment, mun


def test_area_summary_numbers_conserved_and_inputs_unchanged():
    assignment, mun = _area_inputs()
    a0, m0 = assignment.copy(), mun.copy()
    out = rec.area_summary(assignment, mun, institutes=["a", "b", "c"], target_share=0.25, trainees_per_trainer=1.5,
                         extra_trainers=7)
    pd.testing.assert_frame_equal(assignment, a0)
    pd.testing.assert_frame_equal(mun, m0)
    assert out.loc[["a", "b", "c"], "population"].tolist() == [4000, 2000, 0]
    assert out["population"].sum() == mun["population"].sum() and out["gps"].sum() == mun["gps"].sum()
    assert out.loc["a", "joint_municipalities"] == 1
    assert out.loc["a", "gps_estimated"] and not out.loc["b", "gps_estimated"]
    assert out.loc["a", "target_trainers"] == pytest.approx(10.0)      # 25% of 40 GPs
    assert out.loc["a", "gap"] == pytest.approx(7.0)                   # 10 - 3
    assert out.loc["b", "gap"] == pytest.approx(-1.0)                  # 5 - 6: a surplus
    assert out.loc["a", "trainee_capacity"] == pytest.approx(4.5)
    assert out["extra_trainers"].sum() == 7 and out.loc["a", "extra_trainers"] == 7   # only a has a gap
    by_gps = rec.area_summary(assignment, mun, institutes=["a", "b"], extra_trainers=7, split_by="gps")
    assert by_gps["extra_trainers"].to_dict() == {"a": 5, "b": 2}      # 7 x 40/60 = 4.67, 7 x 20/60 = 2.33


def test_area_summary_bad_input_is_named():
    assignment, mun = _area_inputs()
    with pytest.raises(InputError, match="negative for GM2"):
        rec.area_summary(assignment, mun.assign(trainers=[1, -2, 6]), institutes=["a", "b"])
    with pytest.raises(InputError, match="missing or non-numeric for GM3"):
        rec.area_summary(assignment, mun.assign(trainers=[1, 2, np.nan]), institutes=["a", "b"])
    with pytest.raises(UnknownCodeError, match=r"Unknown institutes in the assignment: b \(known: a\)"):
        rec.area_summary(assignment, mun, institutes=["a"])
    with pytest.raises(InputError, match="without an institute: GM3"):
        rec.area_summary(assignment.assign(institute=["a", "a", None]), mun, institutes=["a", "b"])
    with pytest.raises(InputError, match=r"Trainers per institute: unknown institute codes x.*negative for a"):
        rec.area_summary(assignment, mun, institutes=["a", "b"],
                         institute_trainers=pd.Series({"a": -1, "b": 2, "x": 1}))


def test_trainers_per_100_gps_computed_once_and_drawn():
    from regio.geography import dissolve
    from regio.maps.recruitment import recruitment_map

    units, _ = _toy()
    assignment = pd.DataFrame({"institute": ["amc", "amc", "umcg"], "joint": "", "location": None, "cost": np.nan,
                               "method": "agreement"}, index=units.index)
    mun = pd.DataFrame({"population": [1000, 3000, 2000], "gps": [10, 30, 20], "gps_estimated": False,
                        "trainers": [1, 2, 6], "trainers_estimated": False}, index=units.index)
    areas = rec.area_summary(assignment, mun, institutes=IDS)
    assert areas.loc["amc", "trainers_per_100_gps"] == pytest.approx(7.5)     # 3 trainers / 40 GPs x 100
    assert areas.loc["umcg", "trainers_per_100_gps"] == pytest.approx(30.0)
    assert areas["trainers_per_100_gps"].drop(["amc", "umcg"]).isna().all()  # no GPs: no share, not 0 or inf
    # the map draws the analysis' column: it needs nothing else to show trainers per 100 GPs
    drawn = areas.drop(columns="trainer_share")
    drawn.insert(0, "name", drawn.index.str.upper())
    municipal = units[["statnaam"]].join(assignment).join(mun).assign(institute_name=assignment["institute"])
    fmap = recruitment_map(units, municipal, drawn, area_shapes=dissolve(units, assignment["institute"]),
                           joint_shapes=units.iloc[:0], locations=geodata.institutes(), title="t", source="s",
                           lang="en")
    assert "Trainers per 100 GPs (area)" in fmap.get_root().render()


def test_estimated_trainers_per_100_gps_are_not_drawn():
    """Trainers estimated as a national number × GP share give every area the same trainers per 100 GPs."""
    from regio.geography import dissolve
    from regio.maps.recruitment import recruitment_map

    units, _ = _toy()
    assignment = pd.DataFrame({"institute": ["amc", "amc", "umcg"], "joint": "", "location": None, "cost": np.nan,
                               "method": "agreement"}, index=units.index)
    gps = pd.Series([10, 30, 20], index=units.index)
    mun = pd.DataFrame({"population": [1000, 3000, 2000], "gps": gps, "gps_estimated": False},
                       index=units.index).join(rec.municipal_trainers(gps, national_total=9))
    areas = rec.area_summary(assignment, mun, institutes=IDS)
    areas.insert(0, "name", areas.index.str.upper())
    municipal = units[["statnaam"]].join(assignment).join(mun).assign(institute_name=assignment["institute"])

    def drawn(areas, municipal):
        fmap = recruitment_map(units, municipal, areas, area_shapes=dissolve(units, assignment["institute"]),
                               joint_shapes=units.iloc[:0], locations=geodata.institutes(), title="t", source="s",
                               lang="en")
        return fmap.get_root().render()

    page = drawn(areas, municipal)
    assert "Trainers per 100 GPs" not in page and "Trainer gap to target (area)" in page
    # the same trainers given (not estimated): the layer and the tooltip row are back
    given = areas.assign(trainers_estimated=False)
    page = drawn(given, municipal.assign(trainers_estimated=False))
    assert page.count("Trainers per 100 GPs (area)") >= 2


def test_municipal_trainers_sum_exactly():
    gps = pd.Series({"GM1": 13, "GM2": 7, "GM3": 1})
    out = rec.municipal_trainers(gps, national_total=1700)
    assert out["trainers"].sum() == 1700 and out["trainers_estimated"].all()


# ----------------------------------------------------------------------------- real data (2024)

def test_recruitment_spec_checks_what_needs_no_data():
    from regio.cli.recruit import MESSAGES
    from regio.recruitment.run import run_recruitment

    with pytest.raises(OptionError, match=r"needs an agreement table \(agreement=, a DataFrame\)") as exc:
        RecruitmentSpec("agreement")
    assert exc.value.kind == "agreement_missing" and "--agreement FILE" in str(MESSAGES[exc.value.kind]())
    with pytest.raises(InputError, match="Unknown method 'voronoi'; use one of nearest, agreement, capacitated"):
        RecruitmentSpec("voronoi")
    with pytest.raises(InputError, match="must be non-negative, got -1"):
        RecruitmentSpec(national_trainers=-1)
    # tables and values, not paths or text: reading them is the caller's (regio recruit reads the files)
    with pytest.raises(InputError, match=r"trainers= takes a table .*read_table\(path\)"):
        RecruitmentSpec(trainers="opleiders.csv")
    with pytest.raises(InputError, match=r"gps= takes a table .*read_counts_file\(path, profession='huisarts'\)"):
        RecruitmentSpec(gps="gps.csv")
    with pytest.raises(InputError, match="need= takes values per institute as a mapping or a Series"):
        RecruitmentSpec("capacitated", need="amc=80")
    with pytest.raises(TypeError, match="takes a RecruitmentSpec"):
        run_recruitment("nearest")
    assert repr(RecruitmentSpec("capacitated", need={"amc": 80})) == "RecruitmentSpec(method='capacitated', " \
                                                                      "need={'amc': 80})"


@pytest.fixture(scope="module")
def nearest(real_data):
    from regio.recruitment.run import run_recruitment

    return run_recruitment(RecruitmentSpec("nearest", year=2024, margin=5.0), data_dir=real_data)


def _check_complete(res, real_data):
    import regio

    codes = regio.boundaries("gemeente", 2024, data_dir=real_data).index
    a = res.assignment
    assert a.index.is_unique and set(a.index) == set(codes) and len(a) == 342
    assert a["institute"].notna().all() and set(a["institute"]) <= set(IDS)
    total = int(regio.population("gemeente", 2024, data_dir=real_data)["population"].sum())
    assert int(res.areas["population"].sum()) == total
    assert int(res.areas["municipalities"].sum()) == 342
    assert int(res.areas["gps"].sum()) == int(res.municipal["gps"].sum())


@pytest.mark.realdata
def test_nearest_assigns_every_municipality_and_zeeland_to_erasmus(nearest, real_data):
    import regio

    _check_complete(nearest, real_data)
    prov = regio.membership(2024, levels=["provincie"], data_dir=real_data)["provincie"]
    zeeland = nearest.assignment.loc[prov[prov == "PV29"].index, "institute"]
    assert len(zeeland) == 13 and (zeeland == "erasmusmc").all()
    # trainers: the national 1,700 split exactly; GPs: the 2018 province counts kept per province
    assert nearest.areas["trainers"].sum() == 1700
    gp_prov = nearest.municipal["gps"].groupby(prov).sum()
    counts = regio.physicians("huisarts", year=2018, level="provincie", data_dir=real_data)
    counts = counts[counts["kind"] == "region"].set_index("statcode")["count"]
    assert (gp_prov == counts.reindex(gp_prov.index)).all()
    assert nearest.areas["extra_trainers"].sum() == 300


@pytest.mark.realdata
def test_satellites_change_twente_zwolle_and_den_haag(nearest, real_data):
    import regio

    centres = regio.data.population_centres(2024, data_dir=real_data)  # as run_recruitment measures
    locs = geodata.institutes()
    without = rec.assign_nearest(centres, locs, satellites=False)
    with_sat = nearest.assignment
    changed = with_sat.index[with_sat["institute"] != without["institute"]]
    # every change goes to the institute of a satellite location, and is served from that satellite
    sat = locs[locs["kind"] == "satellite"]
    assert set(with_sat.loc[changed, "location"]) == set(sat.index)
    by_sat = with_sat.loc[changed].groupby("location").size()
    assert (by_sat > 0).all()
    expect = {"GM0164": ("vumc", "vumc-hengelo"),    # Hengelo
              "GM0153": ("vumc", "vumc-hengelo"),    # Enschede
              "GM0193": ("umcg", "umcg-zwolle"),     # Zwolle
              "GM1783": ("lumc", "lumc-denhaag"),    # Westland
              "GM0503": ("lumc", "lumc-denhaag")}    # Delft
    for code, (inst, loc) in expect.items():
        assert code in changed, code
        assert (with_sat.loc[code, "institute"], with_sat.loc[code, "location"]) == (inst, loc)
    assert without.loc["GM0164", "institute"] != "vumc" and without.loc["GM0193", "institute"] != "umcg"
    # Den Haag itself was already LUMC's (Leiden is nearer than Rotterdam) and stays so
    assert without.loc["GM0518", "institute"] == with_sat.loc["GM0518", "institute"] == "lumc"


@pytest.mark.realdata
def test_agreement_from_a_file_round_trips(nearest, real_data, tmp_path):
    from regio.recruitment.run import run_recruitment

    a = nearest.assignment
    table = pd.DataFrame({"gemeente": a.index.str[2:], "primary": a["institute"].str.upper(),
                          "joint": a["joint"]}).reset_index(drop=True)
    table.iloc[:10, 0] = nearest.municipal["statnaam"].iloc[:10].to_numpy()   # names accepted too
    path = tmp_path / "afspraken.csv"
    table.to_csv(path, sep=";", index=False)
    res = run_recruitment(RecruitmentSpec("agreement", agreement=read_table(path)), data_dir=real_data)
    _check_complete(res, real_data)
    assert (res.assignment["institute"] == a["institute"]).all()
    assert (res.assignment["joint"] == a["joint"]).all()
    table.iloc[:-1].to_csv(path, index=False)
    with pytest.raises(InputError, match=rf"without a region: {a.index[-1]}"):
        run_recruitment(RecruitmentSpec("agreement", agreement=read_table(path)), data_dir=real_data)


@pytest.mark.realdata
def test_capacitated_meets_targets_or_reports_shortfall(real_data):
    from regio.recruitment.run import run_recruitment

    res = run_recruitment(RecruitmentSpec("capacitated", need_total=2800), data_dir=real_data)
    _check_complete(res, real_data)
    supply = res.municipal["gps"] * 0.25
    held = supply.groupby(res.assignment["institute"]).sum().reindex(IDS, fill_value=0)
    assert (held >= res.areas["trainers_needed"] - 1e-6).all()
    assert res.areas["trainers_needed"].sum() == 2800
    assert (res.areas["trainers_held"] - held).abs().max() < 1e-6 and (res.areas["trainer_shortfall"] == 0).all()
    assert res.assignment.attrs["moved"] > 0          # the tight need forces moves away from the nearest
    national = float(supply.sum())
    with pytest.raises(rec.InfeasibleTargetError, match="short by") as exc:
        run_recruitment(RecruitmentSpec("capacitated", need_total=4000), data_dir=real_data)
    assert exc.value.shortfall.sum() == pytest.approx(4000 - national, abs=0.01)


@pytest.mark.realdata
def test_cli_recruit_errors_are_named(real_data, tmp_path):
    from regio.cli import main

    runner = CliRunner()
    r = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--method", "capacitated",
                             "--need", "amc=10,xyz=3", "--lang", "en"])
    assert r.exit_code == 2 and "missing for" in r.output
    assert "unknown institutes, that do not exist at this level: xyz" in r.output
    r = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--method", "capacitated",
                             "--need-total", "5000", "--lang", "en"])
    assert r.exit_code == 2 and "short by" in r.output
    r = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--method", "capacitated",
                             "--need-total", "5000"])  # Dutch by default, Dutch numbers
    assert r.exit_code == 2 and "fout: Capaciteitsdoel niet haalbaar" in r.output and "5.000,0 opleiders" in r.output
    assert "Tekort per instituut (opleiders): " in r.output and "short by" not in r.output
    r = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--method", "agreement"])
    assert r.exit_code == 2 and "--agreement" in r.output
    bad = tmp_path / "trainers.csv"
    bad.write_text("institute,trainers\n" + "\n".join(f"{i},{-5 if i == 'lumc' else 100}" for i in IDS) + "\n")
    r = runner.invoke(main, ["--data-dir", str(real_data), "recruit", "--trainers", str(bad), "--lang", "en"])
    assert r.exit_code == 2 and "negative values at lumc" in r.output


@pytest.mark.realdata
def test_one_institute_level_for_recruit_allocate_and_model(nearest, real_data, tmp_path):
    """The instituut level is one membership and one GP estimate, whichever command uses it."""
    from regio.allocation.run import run_allocation
    from regio.cli import main
    from regio.recruitment.run import institute_membership

    member = institute_membership(2024, data_dir=real_data)
    assert member.index.equals(nearest.assignment.index)
    assert (member == nearest.assignment["institute"]).all()        # regio recruit (primary institute)
    areas = nearest.areas
    alloc = run_allocation(AllocationSpec(total=3330, level="instituut", year=2024),
                           data_dir=real_data, with_shapes=False).table
    assert alloc["population"].to_dict() == areas["population"].to_dict()     # regio allocate --level instituut
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "model", "--level", "instituut", "--out",
                                    str(tmp_path)])
    assert res.exit_code == 0, res.output
    model = pd.read_csv(tmp_path / "model_2025_midden_instituut.csv", index_col=0)
    assert model["population"].to_dict() == areas["population"].to_dict()     # regio model --level instituut
    # and the same GPs per area: each province's 2018 count split over its municipalities in whole GPs
    assert model["gps"].to_dict() == areas["gps"].astype(float).to_dict()
    assert int(model["gps"].sum()) == 12_210


@pytest.mark.realdata
def test_gp_counts_one_loader(real_data):
    import regio

    gps = regio.data.gp_counts(2018, level="provincie", data_dir=real_data)
    rows = regio.physicians("huisarts", year=2018, level="provincie", data_dir=real_data)
    assert gps.to_dict() == rows[rows["kind"] == "region"].set_index("statcode")["count"].astype(int).to_dict()
    assert gps.attrs["unplaced"] == int(rows.loc[rows["kind"] == "unplaced", "count"].sum())
    with pytest.raises(regio.errors.DataNotFoundError, match="No GP counts per gemeente for 2018.*provincie"):
        regio.data.gp_counts(2018, level="gemeente", data_dir=real_data)


def _counts_file(path, nearest, rows):
    """Write municipal counts: one block per (profession, year, offset) in ``rows``."""
    gps = nearest.municipal["gps"]
    frames = [pd.DataFrame({"region": gps.index, "year": year, "profession": prof, "count": gps.to_numpy() + add})
              for prof, year, add in rows]
    pd.concat(frames).to_csv(path, index=False)
    return path


@pytest.mark.realdata
def test_gps_file_keeps_gp_rows_and_says_which_year(nearest, real_data, tmp_path):
    from regio.cli import main
    from regio.recruitment.run import run_recruitment
    from regio.report.recruitment import texts

    path = _counts_file(tmp_path / "gps.csv", nearest,
                        [("huisarts", 2022, 1), ("huisarts", 2020, 0), ("basisarts", 2022, 50)])
    spec = RecruitmentSpec("nearest", gps=read_counts_file(path, profession="huisarts"), national_trainers=2000)
    res = run_recruitment(spec, data_dir=real_data)
    assert (res.municipal["gps"] == nearest.municipal["gps"] + 1).all()       # huisarts 2022 only
    assert not res.municipal["gps_estimated"].any()
    note = next(n for n in res.notes if n.startswith("Huisartsen:"))
    assert "jaar 2022 (het nieuwste; huisartsen van 2020 in het bestand niet gebruikt)" in note
    assert "andere beroepen in het bestand niet gebruikt: basisarts (2022)" in note
    # the map texts say what was used: the file, and 2,000 trainers (not the default 1,700)
    _title, source, caveat = texts(res, "nl")
    assert "gps.csv (2022)" in source and "84777NED" not in source
    assert "landelijk 2.000 naar aandeel huisartsen" in caveat and "1.700" not in caveat
    assert "provincietelling" not in caveat
    assert "national 2,000 by GP share" in texts(res, "en")[2]
    # a file without GP rows is an error naming what it holds (exit code 2, not a traceback)
    other = _counts_file(tmp_path / "basisartsen.csv", nearest, [("basisarts", 2022, 0), ("basisarts", 2023, 0)])
    r = CliRunner().invoke(main, ["--data-dir", str(real_data), "recruit", "--gps", str(other), "--lang", "en"])
    assert r.exit_code == 2, r.output
    assert "no municipal (GMxxxx) counts of huisartsen" in r.output and "basisarts (2022, 2023)" in r.output
    r = CliRunner().invoke(main, ["--data-dir", str(real_data), "recruit", "--gps", str(other)])
    assert r.exit_code == 2, r.output
    assert "fout: " in r.output and "geen aantallen huisartsen per gemeente (GMxxxx)" in r.output
    assert "basisarts (2022, 2023)" in r.output and "Geef aantallen huisartsen per gemeente" in r.output


@pytest.mark.realdata
@pytest.mark.parametrize(("cell", "plain"), [("1.000", "1000"), ("1,026", "1026")])
def test_grouped_numbers_in_recruit_files_are_refused(nearest, real_data, tmp_path, cell, plain):
    """'1.000' or '1,026' in a column of counts: a thousands separator or a decimal one? Named, not guessed."""
    from regio.recruitment.run import run_recruitment

    ambiguous = rf"ambiguous numbers at .*'{re.escape(cell)}'.*'{plain}'"
    gps = nearest.municipal["gps"].astype(str)
    gps.iloc[0] = cell
    path = tmp_path / "gps.csv"
    pd.DataFrame({"region": gps.index, "year": 2022, "count": gps.to_numpy()}).to_csv(path, index=False, sep=";")
    with pytest.raises(InputError, match=ambiguous):
        run_recruitment(RecruitmentSpec("nearest", gps=read_counts_file(path, profession="huisarts")),
                        data_dir=real_data)
    per_institute = tmp_path / "trainers_institute.csv"
    per_institute.write_text("institute;trainers\n" + "\n".join(f"{i};{cell if i == 'lumc' else 100}" for i in IDS)
                             + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lumc.*" + ambiguous.removeprefix("ambiguous numbers at .*")):
        run_recruitment(RecruitmentSpec("nearest", trainers=read_table(per_institute)), data_dir=real_data)
    trainers = nearest.municipal["trainers"].astype(str)
    trainers.iloc[-1] = cell
    per_municipality = tmp_path / "trainers_gemeente.csv"
    pd.DataFrame({"gemeente": trainers.index, "trainers": trainers.to_numpy()}).to_csv(per_municipality, index=False,
                                                                                        sep=";")
    with pytest.raises(InputError, match=rf"ambiguous numbers at {trainers.index[-1]}.*'{plain}'"):
        run_recruitment(RecruitmentSpec("nearest", trainers=read_table(per_municipality)), data_dir=real_data)
    if "," not in cell:  # inline pairs are separated by commas, so only "1.000" can be written inline
        inline = ",".join(f"{i}={cell if i == 'umcg' else 80}" for i in IDS)
        need = region_values(inline, what="need (trainers per institute)")  # as regio recruit --need reads it
        with pytest.raises(InputError, match=r"ambiguous numbers at umcg"):
            run_recruitment(RecruitmentSpec("capacitated", need=need), data_dir=real_data)
    need_file = tmp_path / "need.csv"
    need_file.write_text("institute;need\n" + "\n".join(f"{i};{cell if i == 'umcg' else 80}" for i in IDS) + "\n",
                         encoding="utf-8")
    need = region_values(str(need_file), what="need (trainers per institute)")
    with pytest.raises(InputError, match=r"ambiguous numbers at umcg.*'" + plain):
        run_recruitment(RecruitmentSpec("capacitated", need=need), data_dir=real_data)


@pytest.mark.realdata
def test_gps_file_note_lists_only_other_professions(nearest, real_data, tmp_path):
    # huisarts 2022 and 2023 and tandarts 2024: huisarts used to be listed among the "other professions"
    from regio.recruitment.run import run_recruitment

    path = _counts_file(tmp_path / "gps.csv", nearest,
                        [("huisarts", 2022, 0), ("huisarts", 2023, 2), ("tandarts", 2024, 0)])
    for lang, used, other in (("nl", "jaar 2023", "andere beroepen in het bestand niet gebruikt: "),
                              ("en", "year 2023", "other professions in the file ignored: ")):
        res = run_recruitment(RecruitmentSpec("nearest", gps=read_counts_file(path, profession="huisarts")),
                              data_dir=real_data, lang=lang)
        assert (res.municipal["gps"] == nearest.municipal["gps"] + 2).all()          # huisarts 2023
        note = next(n for n in res.notes if "gps.csv" in n)
        assert used in note and "2022" in note.split(other)[0]                      # the huisarts year not used
        clause = note.split(other)[1]
        assert clause.startswith("tandarts (2024)") and "huisarts" not in clause


@pytest.mark.realdata
def test_recruit_notes_in_the_language_asked(nearest, real_data):
    from regio.cli import main

    dutch = CliRunner().invoke(main, ["--data-dir", str(real_data), "recruit"])
    assert dutch.exit_code == 0, dutch.output
    notes = [line for line in dutch.output.splitlines() if line.startswith(("noot:", "totaal:"))]
    text = "\n".join(notes)
    assert "12.210 huisartsen" in text and "12,210" not in text and "GPs" not in text and "ESTIMATE" not in text
    assert "dichtstbijzijnde locatie (hoofd- en satellietlocaties)" in text and "nearest location" not in text
    english = CliRunner().invoke(main, ["--data-dir", str(real_data), "recruit", "--lang", "en"])
    assert "12,210 GPs" in english.output and "Huisartsen" not in english.output
    assert "nearest location (main and satellite)" in english.output


@pytest.mark.realdata
def test_recruit_year_without_population_names_the_years(real_data):
    from regio.cli import main

    r = CliRunner().invoke(main, ["--data-dir", str(real_data), "recruit", "--year", "2025", "--lang", "en"])
    assert r.exit_code == 2
    assert "--interpolate" not in r.output and "years with both: " in r.output and "2024" in r.output
    r = CliRunner().invoke(main, ["--data-dir", str(real_data), "recruit", "--year", "2025"])  # Dutch by default
    assert r.exit_code == 2
    assert r.output.startswith("fout: Geen gemeentelijke bevolking voor 2025") and "jaren met beide: " in r.output
    assert "--interpolate" not in r.output and "2024" in r.output


@pytest.mark.realdata
@pytest.mark.browser
def test_recruitment_map_renders_all_institutes_and_municipalities(nearest, tmp_path):
    from browser import render, require_browser

    from regio.report.recruitment import write_outputs

    require_browser()
    written = write_outputs(nearest, tmp_path, lang="nl")
    html = next(p for p in written if p.suffix == ".html")
    text = html.read_text(encoding="utf-8")
    assert text.count('"kind":"main"') == 8 and text.count('"kind":"satellite"') == 3
    # every municipality has an institute colour: no "no institute" class in the layer or the legend
    from regio.maps.recruitment import institute_layer

    layer = institute_layer(nearest.municipal, nearest.areas)
    assert len(layer.index) == 342 and (layer.index >= 0).all()
    shown = render(html, screenshot="recruitment_nearest.png")
    assert shown.errors == [] and shown.external == []
    assert shown.regions == 342
    assert shown.markers == 11
    assert shown.outlines >= 2                       # institute areas and joint zones
    for name in ("Erasmus MC", "UMCG", "LUMC", "Radboudumc", "Maastricht UMC+", "UMC Utrecht"):
        assert name in shown.visible_legend
    assert "Instituut" in shown.tooltip
    assert re.search(r"Afstand tot locatie\s+\d+,\d km", shown.tooltip)  # the distance says its unit
    assert re.search(r"Tekort opleiders \(gebied\)\s+-?[\d.]+\n", shown.tooltip + "\n")  # whole trainers
    assert "geen instituut" not in shown.visible_legend
    gap = render(html, switch_to=2, hover=False)
    assert "Tekort" in gap.visible_legend
    assert "het tekort volgt dan alleen het aantal huisartsen" in gap.visible_legend  # estimated trainers, said
    for suffix in ("_areas.csv", "_areas.xlsx", "_municipalities.csv", "_municipalities.xlsx", ".png"):
        assert any(str(p).endswith(suffix) for p in written)
    areas = pd.read_csv(next(p for p in written if str(p).endswith("_areas.csv")), index_col=0)
    assert sorted(areas.index) == IDS and areas["population"].sum() == nearest.areas["population"].sum()


@pytest.mark.realdata
def test_atlas_section_recruitment(real_data, tmp_path):
    from regio.report.atlas import build_atlas

    items, skipped = build_atlas(tmp_path, sections=["recruitment"], data_dir=real_data, lang="en", progress=False)
    assert skipped == []
    assert {i.kind for i in items} == {"map", "image", "table", "notes"}
    for item in items:
        assert (tmp_path / item.path).is_file(), item.path
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "recruitment_nearest_2024.html" in index
    assert "Recruitment areas" in (tmp_path / "recruitment_nearest_2024.html").read_text(encoding="utf-8")


@pytest.mark.realdata
def test_travel_time_matrix_from_a_file(nearest, real_data, tmp_path):
    # minutes = straight-line km (so the result must equal the nearest method), one institute made far away
    import regio
    from regio.recruitment.run import run_recruitment

    km = rec.distance_matrix(regio.data.population_centres(2024, data_dir=real_data), geodata.institutes())
    minutes = km.copy()
    minutes[["umcu"]] += 500
    minutes.rename_axis("gemeente").reset_index().to_csv(tmp_path / "tt.csv", index=False)
    res = run_recruitment(RecruitmentSpec("nearest", travel_times=read_table(tmp_path / "tt.csv"), margin=5.0),
                          data_dir=real_data)
    assert "umcu" not in set(res.assignment["institute"])
    moved = nearest.assignment.index[nearest.assignment["institute"] == "umcu"]
    same = nearest.assignment.index.difference(moved)
    assert (res.assignment.loc[same, "institute"] == nearest.assignment.loc[same, "institute"]).all()


# ----------------------------------------------------------------------------- messages in Dutch and English

def test_travel_time_problems_are_said_in_dutch_part_by_part():
    """Every problem of a travel-time table is said in the reader's language, the English text unchanged."""
    _, locs = _toy()
    units = ["GM0001", "GM0002"]
    wide = pd.DataFrame({"gemeente": ["GM0001"], "a": ["10"], "z": ["1"]})
    with pytest.raises(InputError) as exc:
        rec.travel_time_matrix(wide, units=units, locations=locs, source="tijden.csv")
    english = str(exc.value)
    assert exc.value.message("en") == english
    assert english.startswith("Travel times in tijden.csv: column 'z' is neither a location (a, b, b-sat)")
    dutch = exc.value.message("nl")
    assert dutch.startswith("Reistijden in tijden.csv: kolom 'z' is geen locatie (a, b, b-sat) en geen instituut; ")
    assert "GM0002" in dutch and "is neither" not in dutch


def test_tied_travel_times_warn_in_dutch_with_a_decimal_comma():
    _, locs = _toy()
    units = ["GM0001", "GM0002"]
    tied = pd.DataFrame({"gemeente": units, "a": ["2.5", "1"], "b": ["2.5", "3"]})
    with pytest.warns(RegioWarning) as caught:
        rec.travel_time_matrix(tied, units=units, locations=locs)
    warning = next(w.message for w in caught if getattr(w.message, "key", None))
    assert "1 of 2 municipalities have the same time" in str(warning) and "2.5 min" in str(warning)
    assert warning.message("nl").startswith("Reistijden: 1 van 2 gemeenten hebben dezelfde reistijd")
    assert "(bijv. GM0001: 2,5 min)" in warning.message("nl")


def test_infeasible_target_is_said_in_dutch_with_dutch_numbers():
    units, locs = _toy()
    idx = units.index
    with pytest.raises(rec.InfeasibleTargetError) as exc:
        rec.assign_capacitated(units, locs, weights=pd.Series([1, 1, 1], index=idx),
                               supply=pd.Series([1000.0, 500.0, 0.0], index=idx),
                               need=pd.Series({"a": 1200.0, "b": 600.0}))
    assert "need 1,800.0 trainers in total" in str(exc.value)
    dutch = exc.value.message("nl")
    assert dutch.startswith("Capaciteitsdoel niet haalbaar: de instituten hebben samen 1.800,0 opleiders nodig")
    assert "een tekort van 300,0" in dutch and "Tekort per instituut (opleiders): " in dutch
