"""Tests of regio.density: rates, intervals, smoothing, provision and trends."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.density import norm_from_inhabitants, provision
from regio.errors import DataNotFoundError, InputError
from regio.labels import band_words, comparison_words
from regio.report.density import export_table, table_words

#: CBS 37259eng in the data directory; tests of interpolation leave it out.
REGISTER = "tables/population_regions_1jan_2012_2024_cbs37259eng.csv"


@pytest.fixture
def small():
    counts = pd.Series({"A": 5, "B": 30, "C": 0}, name="count")
    pop = pd.Series({"A": 10_000, "B": 20_000, "C": 4_000}, name="population")
    return counts, pop


def test_provision_columns_and_formulas(small):
    counts, pop = small
    t = provision(counts, pop)
    assert list(t.columns) == ["count", "population", "rate_per_100k", "norm_per_100k",
                               "provision_pct", "band", "needed"]
    national = 35 / 34_000 * 1e5
    assert t["norm_per_100k"].eq(national).all()
    assert t.loc["A", "rate_per_100k"] == pytest.approx(50.0)
    expected_a = 10_000 * national / 1e5
    assert t.loc["A", "provision_pct"] == pytest.approx(5 / expected_a * 100)
    assert t.loc["A", "needed"] == pytest.approx(expected_a - 5)
    assert t.loc["B", "needed"] == 0
    assert t.loc["C", "needed"] == pytest.approx(4_000 * national / 1e5)
    # with the national rate as norm the shortfalls and surpluses balance
    surplus = (t["count"] - t["population"] * national / 1e5).clip(lower=0).sum()
    assert t["needed"].sum() == pytest.approx(surplus)
    assert t.attrs["needed_total"] == pytest.approx(t["needed"].sum())


def test_provision_bands_and_norm(small):
    counts, pop = small
    norm = norm_from_inhabitants(1000)
    t = provision(counts, pop, norm_per_100k=norm, bands=(60, 140))
    # norm 100 per 100k: A 50 %, B 150 %, C 0 %
    assert t["provision_pct"].round(6).tolist() == [50.0, 150.0, 0.0]
    assert t["band"].astype(str).tolist() == ["under", "over", "under"]  # codes, the same in every language
    assert list(t["band"].cat.categories) == ["under", "around", "over"] and t["band"].cat.ordered
    assert band_words(t["band"], lang="en").tolist() == ["under-supplied", "well supplied", "under-supplied"]
    assert t.loc["A", "needed"] == pytest.approx(5)
    edge = provision(pd.Series({"X": 75}), pd.Series({"X": 100_000}), norm_per_100k=100)
    assert edge.loc["X", "band"] == "around"  # limits belong to the middle band
    assert band_words(edge["band"]).tolist() == ["rond de norm"]


def test_provision_does_not_mutate(small):
    counts, pop = small
    c0, p0 = counts.copy(), pop.copy()
    provision(counts, pop)
    pd.testing.assert_series_equal(counts, c0)
    pd.testing.assert_series_equal(pop, p0)


def test_provision_bad_input_names_codes():
    with pytest.raises(InputError, match=r"zero or missing population: B"):
        provision(pd.Series({"A": 1, "B": 2}), pd.Series({"A": 10, "B": 0}))
    with pytest.raises(InputError, match=r"without population: Z.*without counts.*: B"):
        provision(pd.Series({"A": 1, "Z": 2}), pd.Series({"A": 10, "B": 5}))
    with pytest.raises(InputError, match="bands"):
        provision(pd.Series({"A": 1}), pd.Series({"A": 10}), bands=(110, 75))
    with pytest.raises(InputError, match="norm_per_100k"):
        provision(pd.Series({"A": 1}), pd.Series({"A": 10}), norm_per_100k=0)
    zero = provision(pd.Series({"A": 0}), pd.Series({"A": 10}), norm_per_100k=5)
    assert np.isfinite(zero["needed"]).all()


@pytest.mark.realdata
def test_incomplete_regional_population_page_is_not_used(real_data, data_without):
    # CBS 70072ned pages in the data list 2018 for Overijssel only: a province table of one row
    # would silently drop eleven provinces; it must raise and point at interpolation instead.
    import regio
    from regio.errors import UnknownYearError

    root = data_without(REGISTER)  # with CBS 37259eng every year 2012-2024 is complete
    with pytest.raises(UnknownYearError, match="interpolate"):
        regio.population("provincie", 2018, data_dir=root)
    full = regio.population("provincie", 2018, interpolate=True, data_dir=root)
    assert len(full) == 12
    assert len(regio.population("provincie", 2023, data_dir=root)) == 12  # a complete page is still used


def test_codes_ending_in_99_are_regions_not_unplaced(tmp_path):
    # PC4 3999 (Tull en 't Waal) and 9999 (Stitswerd) are inhabited areas; PV99 is CBS's "niet in te delen"
    from regio.sources.physicians import read_counts_file

    path = tmp_path / "counts.csv"
    path.write_text("region,year,profession,count\n3999,2021,huisarts,1\n9999,2021,huisarts,0\n"
                    "1011,2021,huisarts,4\n", encoding="utf-8")
    frame = read_counts_file(path)
    assert frame.set_index("statcode")["kind"].to_dict() == {"3999": "region", "9999": "region", "1011": "region"}
    path.write_text("region,year,profession,count\nPV20,2018,huisarts,5\nPV99,2018,huisarts,1\n"
                    "GM0599,2018,huisarts,400\nGM0299,2018,huisarts,20\nGM9999,2018,huisarts,2\n", encoding="utf-8")
    kinds = read_counts_file(path).set_index("statcode")["kind"].to_dict()
    assert kinds == {"PV20": "region", "PV99": "unplaced", "GM0599": "region", "GM0299": "region",
                     "GM9999": "unplaced"}  # Rotterdam and Zevenaar are municipalities


# ----------------------------------------------------------------------------- intervals

from scipy import optimize, stats  # noqa: E402

from regio.density import (  # noqa: E402
    analyse,
    density_table,
    eb_global,
    eb_spatial,
    place_counts,
    poisson_interval,
    queen_neighbours,
    totals_rows,
    trend,
)
from regio.errors import UnknownCodeError  # noqa: E402


def _garwood_by_root(k: int, level: float) -> tuple[float, float]:
    """Exact Poisson limits found independently: the means at which the tail probabilities equal alpha/2."""
    a = (1 - level) / 2
    lower = 0.0 if k == 0 else optimize.brentq(lambda m: stats.poisson.sf(k - 1, m) - a, 1e-9, 10 * k + 10)
    upper = optimize.brentq(lambda m: stats.poisson.cdf(k, m) - a, 1e-9, 10 * k + 50)
    return lower, upper


@pytest.mark.parametrize("level", [0.95, 0.99, 0.9])
def test_exact_interval_below_ten_agrees_with_poisson_tails(level):
    ci = poisson_interval(pd.Series(range(10)), level=level)
    assert (ci["method"] == "exact").all()
    for k in range(10):
        lo, hi = _garwood_by_root(k, level)
        assert ci.loc[k, "lower"] == pytest.approx(lo, rel=1e-6, abs=1e-9)
        assert ci.loc[k, "upper"] == pytest.approx(hi, rel=1e-6)
        # and with the chi-square form
        assert ci.loc[k, "upper"] == pytest.approx(stats.chi2.ppf(1 - (1 - level) / 2, 2 * k + 2) / 2)


def test_byar_from_ten_is_close_to_exact_and_wider_for_higher_level():
    counts = pd.Series([10, 25, 100, 455, 2395])
    ci = poisson_interval(counts)
    assert (ci["method"] == "Byar").all()
    z = stats.norm.ppf(0.975)
    o = counts.astype(float)
    assert ci["lower"].to_numpy() == pytest.approx((o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3).to_numpy())
    for k, lo, hi in zip(counts, ci["lower"], ci["upper"], strict=True):
        elo, ehi = _garwood_by_root(int(k), 0.95)
        assert lo == pytest.approx(elo, rel=0.01) and hi == pytest.approx(ehi, rel=0.01)
    wide = poisson_interval(counts, level=0.99)
    assert ((wide["lower"] < ci["lower"]) & (wide["upper"] > ci["upper"])).all()


def test_interval_rejects_bad_level_and_negative_counts():
    with pytest.raises(InputError, match="level"):
        poisson_interval([1], level=95)
    with pytest.raises(InputError, match="negative"):
        poisson_interval([-1])


def test_zero_count_gets_the_exact_interval_whatever_the_threshold():
    ci = poisson_interval([0, 12], exact_below=0)
    assert ci["method"].tolist() == ["exact", "Byar"]
    assert ci.loc[0, "lower"] == 0 and ci.loc[0, "upper"] == pytest.approx(-np.log(0.025))  # 3.689


# ----------------------------------------------------------------------------- density table

def test_density_table_by_hand():
    counts = pd.Series({"A": 3, "B": 200, "C": np.nan})
    pop = pd.Series({"A": 10_000, "B": 100_000, "C": 5_000})
    t = density_table(counts, pop, names={"A": "Aa", "B": "Bee"})
    national = 203 / 110_000 * 1e5  # C has no data: out of both sums
    assert t.attrs["national_per_100k"] == pytest.approx(national)
    assert t.loc["A", "rate_per_100k"] == pytest.approx(30.0)
    assert t.loc["B", "ratio_to_national"] == pytest.approx(200 / national)
    lo, hi = _garwood_by_root(3, 0.95)
    assert t.loc["A", "lower_per_100k"] == pytest.approx(lo / 10_000 * 1e5, rel=1e-6)
    assert t.loc["A", "upper_per_100k"] == pytest.approx(hi / 10_000 * 1e5, rel=1e-6)
    assert t.loc["A", "comparison"] == "below"  # 87.7 < 184.5, the mean of A and B (C has no data)
    assert t.loc["B", "comparison"] == "similar"
    assert pd.isna(t.loc["C", "rate_per_100k"]) and pd.isna(t.loc["C", "comparison"])
    en = comparison_words(t["comparison"], t.attrs["reference"], "en")
    assert en["A"] == "below the mean" and en["B"] == "not significantly different" and pd.isna(en["C"])
    assert t.attrs["no_data"] == ["C"]
    assert t["statnaam"].tolist() == ["Aa", "Bee", "C"]
    assert t["rank"].tolist()[:2] == [2, 1]


def test_density_table_errors_name_the_codes():
    pop = pd.Series({"GM0001": 1000, "GM0002": 0, "GM0003": np.nan})
    with pytest.raises(UnknownCodeError, match="GM9999"):
        density_table(pd.Series({"GM0001": 1, "GM9999": 2}), pop)
    with pytest.raises(InputError, match=r"zero or missing population for regions with physicians: GM0002, GM0003"):
        density_table(pd.Series({"GM0001": 1, "GM0002": 2, "GM0003": 1}), pop)
    # no physicians where nobody lives: no data, not an error
    t = density_table(pd.Series({"GM0001": 1, "GM0002": 0, "GM0003": 0}), pop)
    assert t.attrs["no_data"] == ["GM0002", "GM0003"]


def test_density_table_and_analyse_do_not_mutate():
    counts = pd.Series({"A": 3.0, "B": 200.0})
    pop = pd.Series({"A": 10_000, "B": 100_000})
    c0, p0 = counts.copy(), pop.copy()
    nb = pd.DataFrame({"focal": ["A", "B"], "neighbour": ["B", "A"]})
    nb0 = nb.copy()
    analyse(counts, pop, neighbours=nb)
    pd.testing.assert_series_equal(counts, c0)
    pd.testing.assert_series_equal(pop, p0)
    pd.testing.assert_frame_equal(nb, nb0)


def test_totals_rows_keep_unplaced_and_source_total():
    t = analyse(pd.Series({"A": 10, "B": 30}), pd.Series({"A": 10_000, "B": 20_000}))
    rows = totals_rows(t, unplaced=pd.Series({"PV99": 5.0}), source_total=("NL01", "Nederland", 44.0))
    assert rows.loc["TOTAAL", "count"] == 40 and rows.loc["PV99", "count"] == 5
    assert rows.loc["TOTAAL+", "count"] == 45
    assert rows.loc["TOTAAL+", "rate_per_100k"] == pytest.approx(45 / 30_000 * 1e5)
    assert rows.loc["BRON", "count"] == 44 and rows.loc["BRON", "kind"] == "source total"
    assert rows.loc["TOTAAL", "needed"] == pytest.approx(t["needed"].sum())


# ----------------------------------------------------------------------------- smoothing

def test_eb_is_between_crude_and_prior_and_clips_variance():
    counts = pd.Series({"a": 0, "b": 3, "c": 70, "d": 90, "e": 1})
    pop = pd.Series({"a": 1_000, "b": 1_500, "c": 100_000, "d": 100_000, "e": 800})
    eb = eb_global(counts, pop)
    crude = counts / pop * 1e5
    prior = eb.attrs["prior_per_100k"]
    assert prior == pytest.approx(counts.sum() / pop.sum() * 1e5)
    lo, hi = np.minimum(crude, prior), np.maximum(crude, prior)
    assert ((eb["eb_per_100k"] >= lo - 1e-9) & (eb["eb_per_100k"] <= hi + 1e-9)).all()
    # identical rates: the between-region variance is negative before clipping -> all at the prior
    flat = eb_global(pd.Series({"x": 1, "y": 10}), pd.Series({"x": 1000, "y": 10_000}))
    assert flat.attrs["prior_variance"] == 0
    assert flat["eb_per_100k"].to_numpy() == pytest.approx([100.0, 100.0])


def test_queen_neighbours_on_a_grid_and_islands():
    from shapely import box

    cells = {f"{i}{j}": box(i, j, i + 1, j + 1) for i in range(3) for j in range(3)}
    cells["island"] = box(10, 10, 11, 11)
    g = gpd.GeoDataFrame(geometry=list(cells.values()), index=list(cells), crs="EPSG:28992")
    pairs = queen_neighbours(g, distance=0)
    degree = pairs.groupby("focal").size()
    assert degree["11"] == 8 and degree["00"] == 3 + 0 and degree["01"] == 5
    assert set(map(tuple, pairs.to_numpy())) == {(b, a) for a, b in pairs.to_numpy()}  # symmetric
    assert not (pairs["focal"] == pairs["neighbour"]).any()
    assert pairs.attrs["islands"] == ["island"]
    assert pairs.loc[pairs["focal"] == "island", "neighbour"].tolist() == ["22"]
    assert "island" not in set(queen_neighbours(g, distance=0, islands="none")["focal"])


import geopandas as gpd  # noqa: E402


@pytest.fixture(scope="module")
def municipal(real_data):
    import regio

    pop = regio.population("gemeente", 2024)
    shapes = regio.boundaries("gemeente", 2024)
    return pop, shapes


@pytest.mark.realdata
def test_smoothing_pulls_small_municipalities_and_leaves_large_ones(municipal):
    pop, shapes = municipal
    p = pop["population"]
    rng = np.random.default_rng(3)
    # made-up counts with real differences between municipalities: true rates ~ Gamma(mean 70, sd 14)
    true_rate = rng.gamma(25, 70 / 25, size=len(p)) / 1e5
    counts = pd.Series(rng.poisson(p * true_rate), index=p.index).astype(float)
    small = p.nsmallest(5).index  # Schiermonnikoog, Vlieland, Ameland, Terschelling, Rozendaal
    counts[small[0]] = 0  # an empty island ...
    counts[small[1]] = 3  # ... and one with three GPs on about 1,200 inhabitants (250 per 100,000)
    large = p.nlargest(5).index
    crude = counts / p * 1e5
    national = counts.sum() / p.sum() * 1e5
    eb = eb_global(counts, p)["eb_per_100k"]
    pulled = (eb[small] - national).abs() / (crude[small] - national).abs()
    assert (pulled < 0.5).all(), pulled  # small ones at least halfway to the national rate
    assert ((eb[large] - crude[large]).abs() < 0.05 * crude[large]).all()  # large ones within 5 %
    nb = queen_neighbours(shapes)
    assert set(nb["focal"]) == set(p.index)  # everyone has a neighbour ...
    assert "GM0060" in nb.attrs["islands"]  # ... Ameland through the nearest-region fallback
    local = eb_spatial(counts, p, nb)
    assert local["eb_spatial_per_100k"].notna().all()
    shrink = local["shrinkage"]
    assert shrink[small].min() > shrink[large].max()
    assert ((local["eb_spatial_per_100k"][large] - crude[large]).abs() < 0.1 * crude[large]).all()


# ----------------------------------------------------------------------------- trend

def test_trend_identities():
    c0, c1 = pd.Series({"A": 100.0, "B": 50.0}), pd.Series({"A": 110.0, "B": 50.0})
    p0, p1 = pd.Series({"A": 100_000, "B": 40_000}), pd.Series({"A": 125_000, "B": 38_000})
    t = trend(c0, p0, c1, p1, years=(2018, 2024))
    lhs = 1 + t["rate_growth_pct"] / 100
    rhs = (1 + t["count_growth_pct"] / 100) / (1 + t["population_growth_pct"] / 100)
    assert lhs.to_numpy() == pytest.approx(rhs.to_numpy())
    assert t.loc["A", "rate_2024"] < t.loc["A", "rate_2018"]  # grew in GPs, fell in rate
    assert t.attrs["national_count_growth_pct"] == pytest.approx(10 / 150 * 100)
    with pytest.raises(UnknownCodeError, match="carry"):
        trend(c0, p0, pd.Series({"A": 1.0, "Z": 1.0}), p1, years=(2018, 2024))


def test_trend_without_a_region_with_counts_in_both_years_is_an_error():
    pop = pd.Series({"A": 1000.0, "B": 2000.0})
    with pytest.raises(InputError, match="No region has counts in both 2017 and 2022.*1 in 2017 and 1 in 2022"):
        trend(pd.Series({"A": 3.0, "B": np.nan}), pop, pd.Series({"A": np.nan, "B": 4.0}), pop, years=(2017, 2022))


@pytest.mark.realdata
def test_trend_over_mergers_conserves_counts(real_data, tmp_path):
    import regio
    from regio.density.run import trend_result

    p17 = regio.population("gemeente", 2017)
    p24 = regio.population("gemeente", 2024)
    rng = np.random.default_rng(5)
    rows = [("gemeente", 2017, p17), ("gemeente", 2024, p24)]
    lines = ["region,year,profession,count"]
    totals = {}
    for _, year, pop in rows:
        counts = rng.poisson(pop["population"] * 70e-5)
        totals[year] = int(counts.sum())
        lines += [f"{code},{year},huisarts,{n}" for code, n in zip(pop.index, counts, strict=True)]
    path = tmp_path / "counts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    table, notes = trend_result("huisarts", level="gemeente", years=(2017, 2024), counts_path=path)
    assert len(table) == 342 and len(p17) == 388  # 2017 carried to the 2024 division
    assert table["count_2017"].sum() == pytest.approx(totals[2017])
    assert table["count_2024"].sum() == pytest.approx(totals[2024])
    assert table["population_2017"].sum() == pytest.approx(p17["population"].sum())
    prov, _ = trend_result("huisarts", level="provincie", years=(2017, 2024), counts_path=path)
    assert len(prov) == 12 and prov["count_2017"].sum() == pytest.approx(totals[2017])
    assert any("2024" in n for n in notes)


@pytest.mark.realdata
def test_a_merged_municipality_missing_a_predecessor_count_is_no_data(real_data, tmp_path):
    """Haren (GM0017) merged into Groningen (GM0014) in 2019: without Haren's 2017 count, Groningen has none."""
    import regio
    from regio.density.run import trend_result

    p17 = regio.population("gemeente", 2017).drop(index="GM0017")
    p24 = regio.population("gemeente", 2024)
    lines = ["region,year,profession,count"]
    lines += [f"{code},2017,huisarts,{round(n * 70e-5)}" for code, n in p17["population"].items()]
    lines += [f"{code},2024,huisarts,{round(n * 70e-5)}" for code, n in p24["population"].items()]
    path = tmp_path / "counts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    table, notes = trend_result("huisarts", level="gemeente", years=(2017, 2024), counts_path=path)
    assert pd.isna(table.loc["GM0014", "count_2017"]) and table.loc["GM0014", "count_2024"] > 0
    text = " ".join(notes)
    assert "GM0014" in text and "GM0017" in text
    # the counts of Groningen's other predecessors (old Groningen, Ten Boer) are reported as not placed
    cw = regio.crosswalk(2017, 2024)
    others = sorted(set(cw.loc[cw["to_code"] == "GM0014", "from_code"]) - {"GM0017"})
    assert others == ["GM0009", "GM0014"]
    unplaced = sum(round(p17.loc[c, "population"] * 70e-5) for c in others)
    assert f"{unplaced} getelde artsen" in text
    assert table["count_2017"].sum() + unplaced == sum(round(n * 70e-5) for n in p17["population"])


# ----------------------------------------------------------------------------- placing counts

def _phys(rows):
    return pd.DataFrame(rows, columns=["statcode", "statnaam", "level", "count", "kind"])


def test_place_counts_errors_and_unplaced():
    regions = pd.Index(["PV20", "PV21"])
    phys = _phys([("PV20", "Groningen", "provincie", 5, "region"), ("PV77", "?", "provincie", 1, "region")])
    with pytest.raises(UnknownCodeError, match="PV77"):
        place_counts(phys, level="provincie", regions=regions)
    pc4 = _phys([("1011", "1011", "pc4", 5, "region"), ("1012", "1012", "pc4", 1, "region")])
    with pytest.raises(InputError, match=r"finer than provincie.*1011"):
        place_counts(pc4, level="provincie", regions=regions)
    prov = _phys([("PV20", "Groningen", "provincie", 5, "region")])
    with pytest.raises(InputError, match="cannot be split into gemeente"):
        place_counts(prov, level="gemeente", regions=pd.Index(["GM0014"]))
    gm = _phys([("GM0014", "Groningen", "gemeente", 5, "region"), ("GM0080", "Leeuwarden", "gemeente", 3, "region"),
                ("GM9999", "Niet in te delen", "gemeente", 2, "unplaced")])
    placed = place_counts(gm, level="provincie", regions=regions,
                          membership=pd.Series({"GM0014": "PV20", "GM0080": "PV21"}), lang="en")
    assert placed.counts.to_dict() == {"PV20": 5.0, "PV21": 3.0}
    assert placed.unplaced.to_dict() == {"GM9999": 2.0}
    assert placed.from_level == "gemeente"
    assert any("not placed" in n for n in placed.notes)


@pytest.mark.realdata
def test_density_result_level_is_the_confidence_and_a_region_level_there_says_where_it_belongs(real_data):
    from regio.density.run import density_inputs, density_result

    inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
    with pytest.raises(InputError, match=r"region level is chosen in density_inputs\(level=\.\.\.\)"):
        density_result(inputs, level="gemeente", spatial=False)
    wide = density_result(inputs, confidence=0.99, spatial=False).table
    old_name = density_result(inputs, level=0.99, spatial=False).table
    pd.testing.assert_series_equal(wide["lower_per_100k"], old_name["lower_per_100k"])
    assert (wide["lower_per_100k"] < density_result(inputs, spatial=False).table["lower_per_100k"]).all()


def test_unknown_profession_is_an_error(real_data):
    import regio

    with pytest.raises(InputError, match="Unknown profession 'tandarts'.*huisarts"):
        regio.physicians("tandarts")
    # a profession regio knows but the data directory lacks says how to get it
    with pytest.raises(DataNotFoundError, match=r"No counts for profession 'basisarts'.*regio data fetch"):
        regio.physicians("basisarts")


# ----------------------------------------------------------------------------- real data end to end

@pytest.fixture(scope="module")
def gp2018(real_data):
    from regio.density.run import density_inputs, density_result

    return density_result(density_inputs("huisarts", level="provincie", year=2018))


def _population_2019_by_hand(data_dir) -> pd.Series:
    """Inhabitants per province on 1 January 2019, straight from the 2017 and 2022 rows of the timeseries.

    Linear between 1-1-2017 and 1-1-2022 (2019 is 2/5 of the way); municipalities summed to their 2022
    province. Between 2017 and 2022 only Leerdam and Zederik changed province (into Vijfheerenlanden,
    Utrecht, 2019); every other merger stayed within one province.
    """
    import regio

    ts = pd.read_csv(data_dir / "tables" / "population_gemeente_timeseries.csv", dtype={"statcode": str})
    sums = {}
    for year in (2017, 2022):
        rows = ts[ts["year"] == year].set_index("statcode")["population"]
        province = regio.membership(year, levels=["provincie"])["provincie"].astype(str)
        if year == 2017:
            province = province.copy()
            province[["GM0545", "GM0707"]] = "PV26"
        assert rows.index.isin(province.index).all()
        sums[year] = rows.groupby(province.reindex(rows.index).to_numpy()).sum().astype(float)
    return sums[2017] + (sums[2022] - sums[2017]) * (2019 - 2017) / (2022 - 2017)


@pytest.mark.realdata
def test_gp_2018_rates_recomputed_by_hand(gp2018, real_data):
    import regio

    raw = pd.read_csv(regio.data_dir() / "physicians" / "cbs84777NED_huisartsen_woonregio_provincie_2018.csv",
                      dtype={"region_code": str}).set_index("region_code")["medisch_geschoolden"]
    # counted on Friday 21 December 2018: the population of 1 January 2019 (ten days later) goes with them
    assert gp2018.inputs.reference_date == pd.Timestamp("2018-12-21") and gp2018.inputs.population_year == 2019
    assert gp2018.table.attrs["population_date"] == pd.Timestamp("2019-01-01")
    reg = pd.read_csv(real_data / REGISTER, dtype={"statcode": str})
    pop = reg[(reg["level"] == "provincie") & (reg["year"] == 2019)].set_index("statcode")["population_total"]
    t = gp2018.table
    assert len(t) == 12
    assert (t["population"] == pop.reindex(t.index)).all()  # CBS 37259eng, 1 January 2019, as published
    for code in t.index:
        assert t.loc[code, "count"] == raw[code]
        assert t.loc[code, "rate_per_100k"] == pytest.approx(raw[code] / pop[code] * 100_000, rel=1e-4)
    provinces = raw.drop(["NL01", "PV99"])
    assert t.attrs["national_per_100k"] == pytest.approx(provinces.sum() / pop.sum() * 100_000, rel=1e-5)
    assert provinces.sum() == 12_210
    assert pop.sum() == 17_282_163  # CBS, 1 January 2019
    # the counts are large: Byar; it agrees with the exact chi-square interval to within 0.5 %
    lo = stats.chi2.ppf(0.025, 2 * t["count"]) / 2 / t["population"] * 1e5
    assert (t["ci_method"] == "Byar").all()
    assert t["lower_per_100k"].to_numpy() == pytest.approx(lo.to_numpy(), rel=0.005)
    assert t.loc["PV24", "comparison"] == "below"  # Flevoland, 34.8 per 100,000
    written = export_table(gp2018)
    assert written.loc["PV24", "comparison"] == "below"
    assert written.loc["PV24", "comparison_label"] == "lager dan landelijk"
    assert export_table(gp2018, "en").loc["PV24", "comparison_label"] == "below national"
    assert t.loc["PV26", "rank"] == 1  # Utrecht


@pytest.mark.realdata
def test_gp_2018_rates_without_the_register_interpolate_the_population(real_data, data_without):
    from regio.density.run import density_inputs, density_result

    root = data_without(REGISTER)
    inputs = density_inputs("huisarts", level="provincie", year=2018, data_dir=root)
    assert inputs.population_interpolated
    t = density_result(inputs).table
    pop = _population_2019_by_hand(root)
    # regio rounds each interpolated municipality to whole people: within 1 per municipality of the exact line
    assert (t["population"] - pop.reindex(t.index)).abs().max() < 10


@pytest.mark.realdata
def test_the_national_rate_is_one_number_at_every_level(gp2018, real_data):
    """The country, landsdelen and provinces use the same (interpolated) population, so 'landelijk' agrees."""
    from regio.density.run import density_inputs, density_result

    national = gp2018.table.attrs["national_per_100k"]
    for level in ("land", "landsdeel"):
        res = density_result(density_inputs("huisarts", level=level, year=2018, with_shapes=False), spatial=False)
        assert res.table["population"].sum() == gp2018.table["population"].sum()
        assert res.totals.loc["TOTAAL", "rate_per_100k"] == pytest.approx(national)
    assert len(res.totals.index.unique()) == len(res.totals)


@pytest.mark.realdata
def test_gp_2018_unplaced_and_cbs_total_are_reported(gp2018):
    totals = gp2018.totals
    assert totals.loc["PV99", "count"] == 45 and totals.loc["PV99", "kind"] == "unplaced"
    assert totals.loc["TOTAAL+", "count"] == 12_255
    assert totals.loc["BRON", "count"] == 12_245 and totals.loc["BRON", "kind"] == "source total"
    text = " ".join(gp2018.notes)
    assert "PV99" in text and "12.245" in text and "12.210" in text
    assert "21-12-2018" in text and "1-1-2019" in text
    assert "17.282.163" in text  # CBS's national population of 1 January 2019
    assert "Woonplaats is niet werkplaats" in text
    assert "37259eng" in gp2018.source and "1-1-2019" in gp2018.source


@pytest.mark.realdata
def test_cli_density_prints_and_writes(real_data, data_without, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "huisarts",
                                    "--level", "provincie", "--year", "2018", "--out", str(tmp_path), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Flevoland" in res.output and "PV99" in res.output and "NL01" in res.output
    written = pd.read_csv(tmp_path / "density_huisarts_provincie_2018.csv", dtype={"statcode": str})
    assert written.loc[written["kind"] == "region", "count"].sum() == 12_210
    assert (tmp_path / "density_huisarts_provincie_2018.xlsx").is_file()
    bad = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "tandarts",
                                    "--year", "2018", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "tandarts" in bad.output
    no_interp = CliRunner().invoke(main, ["--data-dir", str(data_without(REGISTER)), "density", "--year", "2018",
                                          "--no-interpolate", "--out", str(tmp_path)])
    assert no_interp.exit_code == 2 and "interpolate" in no_interp.output


@pytest.mark.realdata
def test_density_csv_has_the_same_numbers_and_codes_in_every_language(real_data, tmp_path):
    """Only words differ between --lang nl and en: the names of the total rows and the *_label columns."""
    from click.testing import CliRunner

    from regio.cli import main

    tables, shown = {}, {}
    for lang in ("nl", "en"):
        res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--year", "2018",
                                        "--out", str(tmp_path / lang), "--lang", lang])
        assert res.exit_code == 0, res.output
        shown[lang] = res.output
        tables[lang] = pd.read_csv(tmp_path / lang / "density_huisarts_provincie_2018.csv", dtype=str,
                                   keep_default_na=False)
    nl, en = tables["nl"], tables["en"]
    assert list(nl.columns) == list(en.columns)
    words = ["statnaam", "comparison_label", "band_label"]
    assert {"comparison", "comparison_label", "band", "band_label"} <= set(nl.columns)
    same = [c for c in nl.columns if c not in words]
    pd.testing.assert_frame_equal(nl[same], en[same])  # every number and every code, as written
    regions = nl["kind"] == "region"
    assert set(nl.loc[regions, "comparison"]) <= {"below", "similar", "above"}
    assert set(nl.loc[regions, "band"]) <= {"under", "around", "over"}
    assert nl.loc[regions, "statnaam"].equals(en.loc[regions, "statnaam"])  # region names are names
    flevoland = nl.index[nl["statcode"] == "PV24"][0]
    assert nl.loc[flevoland, "comparison"] == "below"
    assert nl.loc[flevoland, "comparison_label"] == "lager dan landelijk"
    assert en.loc[flevoland, "comparison_label"] == "below national"
    assert en.loc[flevoland, "band_label"] == "well below national"
    # people read words: the terminal and the Excel file
    assert "lager dan landelijk" in shown["nl"] and "below national" in shown["en"]
    assert "below national" not in shown["nl"]
    xlsx = pd.read_excel(tmp_path / "en" / "density_huisarts_provincie_2018.xlsx", index_col=0)
    assert xlsx.loc["PV24", "comparison"] == "below" and xlsx.loc["PV24", "comparison_label"] == "below national"


# ----------------------------------------------------------------------------- review findings

def test_unplaced_rows_of_other_levels_are_not_added():
    # a real 84777NED fetch has a "niet in te delen" row per level: PV99 and LD99 count the same people twice
    phys = _phys([("NL01", "Nederland", "land", 110, "total"), ("PV20", "Groningen", "provincie", 60, "region"),
                  ("PV21", "Fryslân", "provincie", 40, "region"), ("PV99", "Niet in te delen", "provincie", 5,
                                                                   "unplaced"),
                  ("LD01", "Noord", "landsdeel", 100, "region"), ("LD99", "Niet in te delen", "landsdeel", 5,
                                                                  "unplaced")])
    placed = place_counts(phys, level="provincie", regions=pd.Index(["PV20", "PV21"]), lang="en")
    assert placed.unplaced.to_dict() == {"PV99": 5.0}
    assert "LD99" in " ".join(placed.notes)  # reported, not added
    table = analyse(placed.counts, pd.Series({"PV20": 100_000, "PV21": 100_000}))
    rows = totals_rows(table, unplaced=placed.unplaced, source_total=placed.source_total)
    assert rows.loc["TOTAAL+", "count"] == 105 and "LD99" not in rows.index
    by_land = place_counts(phys, level="landsdeel", regions=pd.Index(["LD01"]))
    assert by_land.unplaced.to_dict() == {"LD99": 5.0}
    # summed from municipalities: only the municipal "niet in te delen" belongs to those counts
    gm = _phys([("GM0014", "Groningen", "gemeente", 5, "region"), ("GM9999", "Niet in te delen", "gemeente", 2,
                                                                    "unplaced"),
                ("PV99", "Niet in te delen", "provincie", 3, "unplaced")])
    placed = place_counts(gm, level="provincie", regions=pd.Index(["PV20"]), membership=pd.Series({"GM0014": "PV20"}))
    assert placed.unplaced.to_dict() == {"GM9999": 2.0}


def test_a_region_with_a_municipality_without_count_is_no_data():
    phys = _phys([("GM0001", "A", "gemeente", 10, "region"), ("GM0002", "B", "gemeente", 20, "region"),
                  ("GM0004", "D", "gemeente", 7, "region")])
    member = pd.Series({"GM0001": "PV1", "GM0002": "PV1", "GM0003": "PV1", "GM0004": "PV2"})
    before = phys.copy()
    placed = place_counts(phys, level="provincie", regions=pd.Index(["PV1", "PV2"]), membership=member, lang="en")
    pd.testing.assert_frame_equal(phys, before)
    assert pd.isna(placed.counts["PV1"])  # not 30: missing is not zero
    assert placed.counts["PV2"] == 7
    assert placed.incomplete == {"PV1": ["GM0003"]}
    text = " ".join(placed.notes)
    assert "PV1" in text and "GM0003" in text and "30" in text  # the counted 30 are named, not lost
    t = density_table(placed.counts, pd.Series({"PV1": 1000, "PV2": 1000}))
    assert t.attrs["no_data"] == ["PV1"]


def test_sector_total_by_default_and_a_single_sector_says_so():
    rows = []
    for sector, n in (("Totaal inclusief geen sector", 100), ("Universitair medische centra", 30),
                      ("Huisartsenpraktijk", 50)):
        rows += [("NL01", "Nederland", "land", 2 * n, "total", sector), ("PV20", "Groningen", "provincie", n,
                                                                         "region", sector),
                 ("PV21", "Fryslân", "provincie", n, "region", sector)]
    phys = pd.DataFrame(rows, columns=["statcode", "statnaam", "level", "count", "kind", "sector"])
    regions = pd.Index(["PV20", "PV21"])
    placed = place_counts(phys, level="provincie", regions=regions, lang="en")
    assert placed.counts.to_dict() == {"PV20": 100.0, "PV21": 100.0} and placed.sector_is_total
    assert placed.source_total[2] == 200
    umc = place_counts(phys, level="provincie", regions=regions, sector="universitair medische centra", lang="en")
    assert umc.counts.to_dict() == {"PV20": 30.0, "PV21": 30.0}
    assert umc.sector == "Universitair medische centra" and not umc.sector_is_total
    assert any("Universitair medische centra" in n for n in umc.notes)
    with pytest.raises(InputError, match="Tandarts.*Huisartsenpraktijk"):
        place_counts(phys, level="provincie", regions=regions, sector="Tandarts")
    # no sector total: a choice is needed, the sectors are named
    parts = phys[phys["sector"] != "Totaal inclusief geen sector"]
    with pytest.raises(InputError, match="sector.*Huisartsenpraktijk, Universitair medische centra"):
        place_counts(parts, level="provincie", regions=regions)
    only_umc = phys[phys["sector"] == "Universitair medische centra"]
    alone = place_counts(only_umc, level="provincie", regions=regions, lang="en")
    assert alone.sector == "Universitair medische centra" and not alone.sector_is_total
    assert any("not the total of all sectors" in n for n in alone.notes)


def test_uncoded_regions_are_reported_not_placed(tmp_path):
    from regio.sources.physicians import read_cbs_extract

    path = tmp_path / "cbs84779NED_test.csv"
    path.write_text(
        "cbs_table,period,leeftijd,beroep_specialisme,sociaaleconomische_categorie,woonregio,medisch_geschoolden\n"
        "84779NED,2022*,Totaal leeftijd,Arts; huisartsgeneeskunde,Werknemer of zelfstandige,Gelderland (PV),40\n"
        "84779NED,2022*,Totaal leeftijd,Arts; huisartsgeneeskunde,Werknemer of zelfstandige,Achterhoek (RA),15\n"
        "84779NED,2022*,Totaal leeftijd,Arts; huisartsgeneeskunde,Werknemer of zelfstandige,"
        "Midden-Gelderland (RA),12\n",
        encoding="utf-8")
    phys = read_cbs_extract(path)
    assert phys["kind"].tolist() == ["region", "uncoded", "uncoded"]
    assert phys["statnaam"].tolist() == ["Gelderland", "Achterhoek (RA)", "Midden-Gelderland (RA)"]
    placed = place_counts(phys, level="provincie", regions=pd.Index(["PV25", "PV26"]), lang="en")
    assert placed.counts.to_dict() == {"PV25": 40.0}
    assert placed.uncoded["statnaam"].tolist() == ["Achterhoek (RA)", "Midden-Gelderland (RA)"]
    text = " ".join(placed.notes)
    assert "Achterhoek (RA)" in text and "Midden-Gelderland (RA)" in text and path.name in text
    one = place_counts(phys.iloc[:2], level="provincie", regions=pd.Index(["PV25"]))  # used to raise TypeError
    assert one.counts.to_dict() == {"PV25": 40.0} and len(one.uncoded) == 1


def test_reference_date_and_population_year():
    from regio.density import counts_reference_date, population_year
    from regio.sources.physicians import reference_date

    assert reference_date("2018 (peilmoment: laatste vrijdag voor kerst)", 2018) == pd.Timestamp("2018-12-21")
    assert reference_date("2020 (peilmoment: laatste vrijdag voor kerst)", 2020) == pd.Timestamp("2020-12-18")
    assert reference_date("2021", 2021, table="84777NED") == pd.Timestamp("2021-12-24")  # Christmas on Saturday
    assert reference_date("2019 (peildatum 1 januari)", 2019) == pd.Timestamp("2019-01-01")
    assert pd.isna(reference_date("2022*", 2022, table="84779NED"))
    assert population_year(pd.Timestamp("2018-12-21"), year=2018) == 2019
    assert population_year(pd.Timestamp("2018-06-30"), year=2018) == 2018
    assert population_year(pd.NaT, year=2018) == 2018
    phys = pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", "2018-12-21", None])})
    assert counts_reference_date(phys) == pd.Timestamp("2018-12-21")
    with pytest.raises(InputError, match="2018-12-14.*2018-12-21"):
        counts_reference_date(pd.DataFrame({"reference_date": pd.to_datetime(["2018-12-21", "2018-12-14"])}))


def test_source_total_difference_is_written_the_dutch_way():
    phys = _phys([("NL01", "Nederland", "land", 28_575, "total"), ("PV20", "Groningen", "provincie", 17_935,
                                                                   "region")])
    nl = " ".join(place_counts(phys, level="provincie", regions=pd.Index(["PV20"])).notes)
    assert "verschil +10.640" in nl and "+10,640" not in nl
    en = " ".join(place_counts(phys, level="provincie", regions=pd.Index(["PV20"]), lang="en").notes)
    assert "difference +10,640" in en


@pytest.mark.realdata
def test_umc_sector_2023_is_named_partial_and_not_added_up_over_levels(real_data, tmp_path):
    # the 2023 extract holds one sector (UMCs) for 8 of 12 provinces, with PV and LD rows
    from click.testing import CliRunner

    from regio.cli import main
    from regio.density.run import density_inputs, density_result
    from regio.maps.density import _titles

    result = density_result(density_inputs("big_totaal", level="provincie", year=2023))
    assert result.inputs.sector == "Universitair medische centra"
    assert result.inputs.population_year == 2024  # counted on 22 December 2023
    title, _, caveat = _titles([result], "nl")
    assert "alleen sector Universitair medische centra" in title
    assert "niet in te delen" not in caveat  # LD99 (465) is a landsdeel row, not a province's
    assert "Geen aantal voor 4 van de 12" in caveat and "niet met heel Nederland" in caveat
    assert "LD99" not in result.totals.index and "TOTAAL+" not in result.totals.index
    assert result.table["count"].notna().sum() == 8 and result.table["count"].sum() == 17_470
    text = " ".join(result.notes)
    assert "8 van de 12" in text and "geen landelijk cijfer" in text and "LD99" in text
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                    "--year", "2023", "--out", str(tmp_path), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Universitair medische centra only" in res.output and "8 of 12 regions" in res.output
    wrong = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                      "--year", "2023", "--sector", "Huisartsenpraktijk", "--out", str(tmp_path)])
    assert wrong.exit_code == 2 and "Universitair medische centra" in wrong.output


@pytest.mark.realdata
def test_arbeidsmarktregio_rows_are_reported_not_a_crash(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                    "--year", "2022", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "Zuid-West Gelderland (RA)" in res.output and "Midden-Gelderland (RA)" in res.output
    assert "cbs84779NED_big_gelderland_2022_PARTIAL.csv" in res.output
    written = pd.read_csv(tmp_path / "density_big_totaal_provincie_2022.csv", dtype={"statcode": str})
    assert written.loc[written["kind"] == "region", "count"].sum() == 43_975  # Gelderland only, no RA added


@pytest.mark.realdata
def test_map_tooltip_and_legend_follow_the_confidence_level(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "map", "density", "--year", "2018",
                                    "--confidence", "0.9", "--no-institutes", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "density_huisarts_provincie_2018.html").read_text(encoding="utf-8")
    assert "Per 100.000 (90%-interval)" in page and "90%-interval t.o.v." in page
    assert "95%" not in page
    assert "Aantallen van 21-12-2018 met de bevolking op 1-1-2019" in page


# ----------------------------------------------------------------------------- newest counts (second review)

@pytest.fixture(scope="module")
def data_2024(real_data, tmp_path_factory):
    """A data directory like the real one whose GP extract also holds the 2018 counts relabelled as 2024.

    Built at test time from the real files (never committed): every folder is linked, except
    ``physicians/`` which holds the real 2018 file and a copy with period "2024 (peilmoment: laatste vrijdag
    voor kerst)" - counted on Friday 20 December 2024, ten days before 1 January 2025, which has no table.
    """
    root = tmp_path_factory.mktemp("data_2024")
    for entry in real_data.iterdir():
        if entry.name != "physicians":
            (root / entry.name).symlink_to(entry.resolve())
    phys = root / "physicians"
    phys.mkdir()
    name = "cbs84777NED_huisartsen_woonregio_provincie_2018.csv"
    text = (real_data / "physicians" / name).read_text(encoding="utf-8")
    (phys / name).write_text(text, encoding="utf-8")
    relabelled = text.replace("84777NED,2018 (peilmoment", "84777NED,2024 (peilmoment")
    assert relabelled.count("2024 (peilmoment") == text.count("2018 (peilmoment") > 10
    (phys / name.replace("2018", "2024")).write_text(relabelled, encoding="utf-8")
    return root


@pytest.mark.realdata
def test_newest_counts_fall_back_to_the_population_of_their_own_year(data_2024):
    import regio
    from regio.density.run import density_inputs, density_result

    inputs = density_inputs("huisarts", level="provincie", year=2024, data_dir=data_2024)
    assert inputs.reference_date == pd.Timestamp("2024-12-20")
    assert inputs.nearest_population_year == 2025 and inputs.population_year == 2024  # no 2025, no extrapolation
    published = regio.population("provincie", 2024, data_dir=data_2024)["population"]
    pd.testing.assert_series_equal(inputs.population["population"], published, check_names=False)
    result = density_result(inputs)
    assert result.table.attrs["population_date"] == pd.Timestamp("2024-01-01")
    assert result.table.attrs["population_nearest_date"] == pd.Timestamp("2025-01-01")
    assert result.table.attrs["population_fallback"]
    assert result.table["count"].sum() == 12_210
    text = " ".join(result.notes)
    assert "20-12-2024" in text and "1-1-2025" in text and "1-1-2024" in text
    assert "1-1-2024" in result.source
    en = density_result(density_inputs("huisarts", level="provincie", year=2024, lang="en", data_dir=data_2024),
                        lang="en")
    assert "1 January 2025" in " ".join(en.notes) and "1 January 2024" in " ".join(en.notes)
    # the 2018 counts still take the nearest 1 January (2019, interpolated): no fallback
    old = density_inputs("huisarts", level="provincie", year=2018, data_dir=data_2024)
    assert old.population_year == old.nearest_population_year == 2019


@pytest.mark.realdata
def test_newest_counts_on_the_command_line_and_in_the_atlas(data_2024, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main
    from regio.report.atlas import build_atlas

    res = CliRunner().invoke(main, ["--data-dir", str(data_2024), "density", "--year", "2024",
                                    "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "1-1-2025" in res.output and "Flevoland" in res.output
    items, skipped = build_atlas(tmp_path / "atlas", sections=["density"], data_dir=data_2024, progress=False)
    assert skipped == []
    maps = sorted(it.path for it in items if it.kind == "map")
    assert maps == ["density_huisarts_provincie_2018.html", "density_huisarts_provincie_2024.html"]
    newest = next(it for it in items if it.path == "density_huisarts_provincie_2024.html")
    assert "bevolking op 1-1-2024 (er is geen bevolking voor 1-1-2025)" in newest.description
    page = (tmp_path / "atlas" / newest.path).read_text(encoding="utf-8")
    assert "Aantallen van 20-12-2024 met de bevolking op 1-1-2024: er is geen bevolking voor 1-1-2025" in page


@pytest.mark.realdata
def test_population_errors_name_the_counts_date_and_the_population_date(real_data, data_without):
    from regio.density.run import density_inputs
    from regio.errors import UnknownYearError

    with pytest.raises(UnknownYearError, match=r"counts of 21 December 2018 → population 1 January 2019") as err:
        density_inputs("huisarts", level="pc4", year=2018)
    assert "1 January 2018" in str(err.value) and "2021" in str(err.value)  # the fallback tried, and what exists
    with pytest.raises(UnknownYearError, match=r"counts of 21 December 2018 → population 1 January 2019.*interpolat"):
        density_inputs("huisarts", level="provincie", year=2018, interpolate=False, data_dir=data_without(REGISTER))


# ----------------------------------------------------------------------------- counts summed to coarser levels

def _nesting():
    """Three municipalities: two in PV20 and PV21 of landsdeel LD01, one in PV22 of LD02; all in NL01."""
    return pd.DataFrame({"provincie": ["PV20", "PV21", "PV22"], "landsdeel": ["LD01", "LD01", "LD02"],
                         "land": ["NL01"] * 3}, index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"))


def test_province_counts_are_summed_to_landsdelen_and_the_country():
    phys = _phys([("NL01", "Nederland", "land", 120, "total"), ("PV20", "Groningen", "provincie", 60, "region"),
                  ("PV21", "Fryslân", "provincie", 40, "region"), ("PV22", "Drenthe", "provincie", 10, "region"),
                  ("PV99", "Niet in te delen", "provincie", 5, "unplaced")])
    before, nesting = phys.copy(), _nesting()
    nesting_before = nesting.copy()
    placed = place_counts(phys, level="landsdeel", regions=pd.Index(["LD01", "LD02"]), nesting=nesting, lang="en")
    assert placed.counts.to_dict() == {"LD01": 100.0, "LD02": 10.0}
    assert placed.from_level == "provincie" and placed.unplaced.to_dict() == {"PV99": 5.0}  # still not placed
    assert any("3 provincie counts summed to landsdeel" in n for n in placed.notes)
    land = place_counts(phys, level="land", regions=pd.Index(["NL01"]), nesting=nesting)
    assert land.counts.to_dict() == {"NL01": 110.0} and land.unplaced.sum() == 5
    assert land.source_total == ("NL01", "Nederland", 120.0)
    pd.testing.assert_frame_equal(phys, before)
    pd.testing.assert_frame_equal(nesting, nesting_before)
    # a landsdeel missing one of its provinces is no data, not undercounted
    partial = place_counts(phys[phys["statcode"] != "PV21"], level="landsdeel", regions=pd.Index(["LD01", "LD02"]),
                           nesting=nesting, lang="en")
    assert pd.isna(partial.counts["LD01"]) and partial.counts["LD02"] == 10
    assert partial.incomplete == {"LD01": ["PV21"]}


def test_counts_are_not_summed_to_regions_that_split_them():
    phys = _phys([("PV20", "Groningen", "provincie", 60, "region"), ("PV21", "Fryslân", "provincie", 40, "region")])
    split = pd.DataFrame({"provincie": ["PV20", "PV21", "PV21"], "ggdregio": ["GG1", "GG2", "GG3"]},
                         index=pd.Index(["GM1", "GM2", "GM3"], name="statcode"))
    with pytest.raises(InputError, match=r"PV21 lies in GG2, GG3.*Use --level provincie"):
        place_counts(phys, level="ggdregio", regions=pd.Index(["GG1", "GG2", "GG3"]), nesting=split)
    with pytest.raises(InputError, match="cannot be split into gemeente"):  # no nesting given: as before
        place_counts(phys, level="gemeente", regions=pd.Index(["GM1"]))


@pytest.mark.realdata
def test_gp_2018_by_landsdeel_and_for_the_country(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main
    from regio.density.run import density_inputs, density_result

    raw = pd.read_csv(real_data / "physicians" / "cbs84777NED_huisartsen_woonregio_provincie_2018.csv",
                      dtype={"region_code": str}).set_index("region_code")["medisch_geschoolden"]
    parts = {"LD01": ["PV20", "PV21", "PV22"], "LD02": ["PV23", "PV24", "PV25"],
             "LD03": ["PV26", "PV27", "PV28", "PV29"], "LD04": ["PV30", "PV31"]}  # CBS landsdelen
    ld = density_result(density_inputs("huisarts", level="landsdeel", year=2018))
    assert ld.table["count"].to_dict() == {code: float(raw[pv].sum()) for code, pv in parts.items()}
    assert ld.totals.loc["PV99", "count"] == 45 and ld.totals.loc["TOTAAL+", "count"] == 12_255
    nl = density_result(density_inputs("huisarts", level="land", year=2018))
    assert nl.table["count"].to_dict() == {"NL01": 12_210.0}
    assert nl.table.loc["NL01", "rate_per_100k"] == pytest.approx(12_210 / nl.table["population"].sum() * 1e5)
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--year", "2018", "--level",
                                    "landsdeel", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "Noord-Nederland" in res.output and "12 aantallen per provincie opgeteld tot landsdeel" in res.output


# ----------------------------------------------------------------------------- partial counts: no national reference

def test_partial_counts_are_compared_with_the_mean_of_the_regions_with_data():
    counts = pd.Series({"A": 3, "B": 200, "C": np.nan})
    pop = pd.Series({"A": 10_000, "B": 100_000, "C": 5_000})
    t = density_table(counts, pop)
    assert t.attrs["reference"] == "regions"  # C has no data: 184.5 is not a national figure
    assert list(t["comparison"].cat.categories) == ["below", "similar", "above"]  # codes: no reference in them
    assert t.loc["A", "comparison"] == "below"
    nl = table_words(t)["comparison"]
    labels = [str(c) for c in nl.cat.categories]
    assert not any("landelijk" in c for c in labels) and "lager dan het gemiddelde" in labels
    assert nl["A"] == "lager dan het gemiddelde"
    assert table_words(t, "en")["comparison"]["A"] == "below the mean"
    # all regions, but one sector: not national either
    sector = density_table(pd.Series({"A": 3, "B": 200}), pd.Series({"A": 10_000, "B": 100_000}),
                           whole_profession=False)
    assert sector.attrs["reference"] == "regions"
    whole = density_table(pd.Series({"A": 3, "B": 200}), pd.Series({"A": 10_000, "B": 100_000}))
    assert whole.attrs["reference"] == "national" and whole.loc["A", "comparison"] == "below"
    assert table_words(whole)["comparison"]["A"] == "lager dan landelijk"


def test_a_single_region_is_compared_with_nothing():
    t = density_table(pd.Series({"A": 40, "B": np.nan}), pd.Series({"A": 10_000, "B": 5_000}))
    assert t.attrs["reference"] is None
    assert t["comparison"].isna().all() and t["ratio_to_national"].isna().all() and t["rank"].isna().all()
    assert t.loc["A", "rate_per_100k"] == pytest.approx(400.0)  # the rate and its interval stay
    one = analyse(pd.Series({"NL01": 12_210}), pd.Series({"NL01": 17_282_163}))
    assert one["comparison"].isna().all() and "band" not in one and "needed" not in one


def test_no_provision_against_a_mean_of_some_regions_unless_a_norm_is_given():
    counts, pop = pd.Series({"A": 30, "B": 200, "C": np.nan}), pd.Series({"A": 100_000, "B": 100_000, "C": 50_000})
    t = analyse(counts, pop)
    assert not {"norm_per_100k", "provision_pct", "band", "needed"} & set(t.columns)
    assert t.attrs["provision"] is False
    assert "needed" not in totals_rows(t).columns
    normed = analyse(counts, pop, norm_per_100k=100)
    assert normed.attrs["provision"] is True
    assert normed.loc["A", "band"] == "under" and normed.loc["A", "needed"] == pytest.approx(70)
    assert table_words(normed)["band"]["A"] == "ondervoorzien"  # a norm: the words of a norm
    assert pd.isna(normed.loc["C", "needed"])
    sector = analyse(pd.Series({"A": 30, "B": 200}), pd.Series({"A": 1e5, "B": 1e5}), whole_profession=False)
    assert "band" not in sector
    assert "band" in analyse(pd.Series({"A": 30, "B": 200}), pd.Series({"A": 1e5, "B": 1e5}))


@pytest.mark.realdata
def test_umc_sector_2023_has_no_national_wording_and_no_provision(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main
    from regio.density.run import density_inputs, density_result
    from regio.maps.density import density_map

    args = ["--data-dir", str(real_data), "density", "--profession", "big_totaal", "--year", "2023",
            "--out", str(tmp_path)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    out = res.output
    assert "dan landelijk" not in out and "ondervoorzien" not in out and "1.931" not in out
    assert "lager dan het gemiddelde" in out and "het gemiddelde van de 8 van de 12 regio's met gegevens" in out
    assert "Geen voorzieningsgraad" in out and "--norm-per-100k" in out
    written = pd.read_csv(tmp_path / "density_big_totaal_provincie_2023.csv")
    assert "national_per_100k" not in written and "needed" not in written
    rows = written[(written["kind"] == "region") & written["count"].notna()]
    mean = rows["count"].sum() / rows["population"].sum() * 1e5  # over the 8 provinces with a count
    assert rows["count"].sum() == 17_470 and written["mean_of_regions_with_data_per_100k"].dropna().iloc[0] == \
        pytest.approx(mean)
    normed = CliRunner().invoke(main, [*args, "--norm-per-100k", "150"])
    assert normed.exit_code == 0 and "ondervoorzien" in normed.output and "norm 150,0" in normed.output
    result = density_result(density_inputs("big_totaal", level="provincie", year=2023))
    _, frame, layers, _ = density_map([result], tiles=None)
    titles = [la.title for la in layers]
    assert "Vergeleken met het gemiddelde van de regio's met gegevens" in titles
    assert not any("landelijk" in ti or "Voorzieningsgraad" in ti for ti in titles)
    assert "t_need" not in frame and "t_prov" not in frame
    assert not any("landelijk" in la.note for la in layers)


@pytest.mark.realdata
def test_one_region_of_data_is_not_compared_with_itself(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                    "--year", "2022", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "niet significant afwijkend" not in res.output and "rond de norm" not in res.output
    assert "geen vergelijking" in res.output
    land = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--year", "2018", "--level", "land",
                                     "--out", str(tmp_path)])
    assert land.exit_code == 0, land.output
    assert "niet significant afwijkend" not in land.output and "rond de norm" not in land.output


# ----------------------------------------------------------------------------- Dutch output, one and many

def _inputs_by_hand(counts: dict, pop: dict, *, sector_is_total: bool = True):
    from regio.density import PlacedCounts
    from regio.density.run import DensityInputs

    placed = PlacedCounts(counts=pd.Series(counts, dtype=float), unplaced=pd.Series(dtype=float), source_total=None,
                          from_level="provincie", sector=None if sector_is_total else "UMC",
                          sector_is_total=sector_is_total)
    population = pd.DataFrame({"statnaam": list(pop), "population": list(pop.values())}, index=list(pop))
    population.attrs.update({"source": "by hand", "method": "by hand", "method_nl": "met de hand"})
    return DensityInputs(profession="huisarts", level="provincie", year=2024, placed=placed, population=population,
                         shapes=None, physician_source="by hand", population_year=2024)


@pytest.mark.parametrize(("missing", "nl", "en"), [(1, "1 regio heeft geen aantal", "1 region has no count"),
                                                   (2, "2 regio's hebben geen aantal", "2 regions have no count")])
def test_notes_count_regions_in_the_singular_and_plural(missing, nl, en):
    from regio.density.run import density_result

    pop = {f"R{i}": 100_000 for i in range(5)}
    counts = {f"R{i}": 50 + i for i in range(5 - missing)}
    assert nl in " ".join(density_result(_inputs_by_hand(counts, pop), spatial=False).notes)
    assert en in " ".join(density_result(_inputs_by_hand(counts, pop), spatial=False, lang="en").notes)
    if missing == 1:
        assert "1 regio's" not in " ".join(density_result(_inputs_by_hand(counts, pop), spatial=False).notes)


def test_one_municipal_count_is_singular():
    gm = _phys([("GM0014", "Groningen", "gemeente", 5, "region")])
    placed = place_counts(gm, level="provincie", regions=pd.Index(["PV20"]), membership=pd.Series({"GM0014": "PV20"}))
    assert "1 gemeentelijk aantal opgeteld" in " ".join(placed.notes)
    en = place_counts(gm, level="provincie", regions=pd.Index(["PV20"]), membership=pd.Series({"GM0014": "PV20"}),
                      lang="en")
    assert "1 municipal count summed" in " ".join(en.notes)


@pytest.mark.realdata
def test_compare_year_summary_is_dutch_in_dutch(data_2024, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    args = ["--data-dir", str(data_2024), "density", "--year", "2024", "--compare-year", "2018",
            "--out", str(tmp_path)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert "national:" not in res.output and "per 100,000" not in res.output
    # the same 12,210 GPs, against 1-1-2019 and 1-1-2024 inhabitants
    line = next(ln for ln in res.output.splitlines() if ln.startswith("- Landelijk van 2018 naar 2024"))
    assert "aantal 0,0%" in line and "+0" not in line and "-0" not in line
    rate_2018 = f"{12_210 / 17_282_163 * 1e5:.1f}".replace(".", ",")  # against CBS's 1 January 2019
    assert "inwoners +" in line and f"dichtheid {rate_2018} → " in line and "per 100.000" in line
    en = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert en.exit_code == 0, en.output
    assert any(ln.startswith("- National from 2018 to 2024: count 0.0%") for ln in en.output.splitlines())


@pytest.mark.realdata
def test_interpolation_note_is_dutch_in_dutch(real_data, data_without):
    from regio.density.run import density_inputs, density_result

    # was "Er is geen bevolkingstabel voor 2019: linear interpolation between 2017 and 2022 ..."
    gps = density_result(density_inputs("huisarts", level="provincie", year=2018,
                                        data_dir=data_without(REGISTER)), spatial=False)
    note = next(n for n in gps.notes if n.startswith("Er is geen bevolkingstabel voor 2019"))
    assert "linear interpolation" not in note and "summed from" not in note
    assert "2017" in note and "2022" in note and "geïnterpoleerd" in note


# ----------------------------------------------------------------------------- the national series (Nivel)

NIVEL = "physicians/nivel_gp_workforce_nl_2012_2025.csv"


def _nivel_by_hand(real_data) -> pd.DataFrame:
    """Working GPs and inhabitants on 1 January, straight from the two files: Nivel's total and CBS 37259eng."""
    nivel = pd.read_csv(real_data / NIVEL)
    gps = nivel[nivel["series"] == "werkzame_huisartsen_totaal"].set_index("year")["value"]
    pop = pd.read_csv(real_data / REGISTER, dtype={"statcode": str})
    pop = pop[(pop["level"] == "land") & (pop["date"] == pop["year"].astype(str) + "-01-01")]
    out = pd.DataFrame({"gps": gps, "population": pop.set_index("year")["population_total"]}).dropna()
    out["rate"] = out["gps"] / out["population"] * 100_000
    return out


@pytest.mark.realdata
def test_nivel_gives_every_year_2012_2023_at_land(real_data):
    from regio.density.run import density_inputs, density_result

    expected = _nivel_by_hand(real_data)
    assert list(expected.index) == list(range(2012, 2024))
    for year, row in expected.iterrows():
        result = density_result(density_inputs("huisarts", level="land", year=year, with_shapes=False,
                                               source="nivel"), spatial=False, lang="en")
        assert result.inputs.counts_source == "nivel", year
        assert result.inputs.population_year == year and result.inputs.reference_date == pd.Timestamp(year, 1, 1)
        table = result.table
        assert table.loc["NL01", "count"] == row["gps"] and table.loc["NL01", "population"] == row["population"]
        assert table.loc["NL01", "rate_per_100k"] == pytest.approx(row["rate"])
    # by default too, except 2018, which CBS has (test_2018_at_land_is_cbs_by_default_and_names_nivel)
    auto = density_inputs("huisarts", level="land", year=2012, with_shapes=False)
    assert auto.counts_source == "nivel" and auto.placed.counts["NL01"] == expected.loc[2012, "gps"]
    # the figures, as a check of the files
    assert expected.loc[2012, ["gps", "population"]].tolist() == [11_133, 16_730_348]
    assert expected.loc[2023, ["gps", "population"]].tolist() == [14_102, 17_811_291]
    assert round(expected.loc[2012, "rate"], 1) == 66.5 and round(expected.loc[2023, "rate"], 1) == 79.2


@pytest.mark.realdata
def test_nivel_counts_are_labelled_working_gps_in_notes_and_csv(real_data, tmp_path):
    from regio.density.run import density_inputs, density_result
    from regio.maps.density import density_title
    from regio.report.density import write_density

    for lang, words in (("nl", "werkzame huisartsen (Nivel)"), ("en", "working GPs (Nivel)")):
        result = density_result(density_inputs("huisarts", level="land", year=2023, with_shapes=lang == "en",
                                               lang=lang), spatial=False, lang=lang)
        text = " ".join(result.notes)
        assert words in text and "Nivel" in result.source
        assert ("2019" in text and "2020" in text) and ("herziening" in text or "revision" in text)
        assert ("Woonplaats is niet werkplaats" not in text and "Residence is not workplace" not in text)
        assert density_title([result], lang).lower().startswith(words.lower())
    written = write_density([result], tmp_path, "nivel", html_map=False, png=False)
    csv = pd.read_csv(tmp_path / "nivel.csv", dtype={"statcode": str})
    assert set(csv["counts_source"]) == {"nivel"}
    assert csv["source"].str.startswith("Nivel, Huisartsen en praktijken in kaart").all()
    assert csv.loc[csv["statcode"] == "NL01", "count"].tolist() == [14_102]
    notes = (tmp_path / "nivel.notes.txt").read_text(encoding="utf-8")
    assert "working GPs (Nivel)" in notes and len(written["tables"]) == 3


@pytest.mark.realdata
def test_2018_at_land_is_cbs_by_default_and_names_nivel(real_data):
    """The rule: CBS where CBS has the year (2018: provinces by residence), Nivel on --source nivel."""
    from regio.density.run import density_inputs, density_result

    expected = _nivel_by_hand(real_data)
    cbs = density_result(density_inputs("huisarts", level="land", year=2018, with_shapes=False, lang="en"),
                         spatial=False, lang="en")
    assert cbs.inputs.counts_source == "cbs" and cbs.table.loc["NL01", "count"] == 12_210
    text = " ".join(cbs.notes)
    assert "BIG registrations by place of residence (CBS)" in text and "working GPs (Nivel)" in text
    assert f"{expected.loc[2018, 'gps']:,.0f} on 1 January 2018" in text and "--source nivel" in text
    assert "--source auto takes CBS where CBS has the year" in text
    nivel = density_result(density_inputs("huisarts", level="land", year=2018, with_shapes=False,
                                          source="nivel"), spatial=False)
    assert nivel.inputs.counts_source == "nivel" and nivel.inputs.population_year == 2018
    assert nivel.table.loc["NL01", "rate_per_100k"] == pytest.approx(expected.loc[2018, "rate"])
    rate, pop = nivel.table.loc["NL01", "rate_per_100k"], expected.loc[2018, "population"]
    assert f"{rate:.1f} per 100,000 with the {pop:,.0f} inhabitants" in text


@pytest.mark.realdata
def test_nivel_is_refused_below_the_country(real_data):
    from regio.density.run import density_inputs
    from regio.errors import UnknownYearError

    with pytest.raises(InputError, match="Netherlands as a whole only .level land., not per provincie"):
        density_inputs("huisarts", level="provincie", year=2018, source="nivel", with_shapes=False)
    with pytest.raises(UnknownYearError, match="use --level land"):  # auto: only Nivel has 2012
        density_inputs("huisarts", level="provincie", year=2012, with_shapes=False)
    with pytest.raises(InputError, match="GPs .huisarts. only"):
        density_inputs("basisarts", level="land", year=2012, source="nivel", with_shapes=False)


@pytest.mark.realdata
def test_the_national_trend_2012_2023_is_one_series(real_data):
    from regio.density.run import trend_result

    expected = _nivel_by_hand(real_data)
    table, notes = trend_result("huisarts", level="land", years=(2012, 2023), lang="en")
    assert table.loc["NL01", "count_2012"] == expected.loc[2012, "gps"]
    assert table.loc["NL01", "rate_2023"] == pytest.approx(expected.loc[2023, "rate"])
    assert notes[-1] == "National from 2012 to 2023: count +26.7%, population +6.5%, rate 66.5 → 79.2 per 100,000."
    # CBS has 2018, Nivel both years: a trend never mixes the two
    table, notes = trend_result("huisarts", level="land", years=(2018, 2023), lang="en")
    assert table.loc["NL01", "count_2018"] == expected.loc[2018, "gps"]
    assert "category revision" in " ".join(notes)
