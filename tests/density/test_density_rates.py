"""regio.density.rates (and analyse): provision and norms, Poisson intervals, the density table, its totals rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, stats

from regio.density import analyse, density_table, norm_from_inhabitants, poisson_interval, provision, totals_rows
from regio.errors import InputError, UnknownCodeError
from regio.labels import band_words, comparison_words
from regio.report.density import table_words

# ----------------------------------------------------------------------------- provision

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


# ----------------------------------------------------------------------------- intervals

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
    # codes and numbers only: the names are the report's words (regio.report.density.totals_words)
    assert rows["statnaam"].isna().all() and rows.attrs["source_total"] == ("NL01", "Nederland")


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


def test_exact_interval_quantiles_are_scipy_stats_to_the_bit():
    # rates uses scipy.special (quick to import) for what scipy.stats.chi2.ppf and norm.ppf compute
    from scipy import special, stats

    from regio.density.rates import _chi2_ppf

    df = np.r_[np.arange(0, 400, 0.5), [np.nan, -2.0, 1e6]]
    for q in (0.005, 0.025, 0.05, 0.95, 0.975, 0.995):
        assert np.array_equal(_chi2_ppf(q, df), stats.chi2.ppf(q, df), equal_nan=True)
        assert special.ndtri(q) == stats.norm.ppf(q)
