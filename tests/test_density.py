"""Tests of regio.density: rates, intervals, smoothing, provision and trends."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.density import norm_from_inhabitants, provision
from regio.errors import InputError


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
    t = provision(counts, pop, norm_per_100k=norm, bands=(60, 140), lang="en")
    # norm 100 per 100k: A 50 %, B 150 %, C 0 %
    assert t["provision_pct"].round(6).tolist() == [50.0, 150.0, 0.0]
    assert t["band"].astype(str).tolist() == ["under-supplied", "well supplied", "under-supplied"]
    assert t.loc["A", "needed"] == pytest.approx(5)
    edge = provision(pd.Series({"X": 75}), pd.Series({"X": 100_000}), norm_per_100k=100)
    assert edge.loc["X", "band"] == "rond de norm"  # limits belong to the middle band


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
def test_incomplete_regional_population_page_is_not_used(real_data):
    # CBS 70072ned pages in the data list 2018 for Overijssel only: a province table of one row
    # would silently drop eleven provinces; it must raise and point at interpolation instead.
    import regio
    from regio.errors import UnknownYearError

    with pytest.raises(UnknownYearError, match="interpolate"):
        regio.population("provincie", 2018)
    full = regio.population("provincie", 2018, interpolate=True)
    assert len(full) == 12
    assert len(regio.population("provincie", 2023)) == 12  # a complete page is still used


def test_pc4_code_ending_in_99_is_a_region_not_unplaced(tmp_path):
    # PC4 3999 (Tull en 't Waal) and 9999 (Stitswerd) are inhabited areas; PV99 is CBS's "niet in te delen"
    from regio.sources.physicians import read_counts_file

    path = tmp_path / "counts.csv"
    path.write_text("region,year,profession,count\n3999,2021,huisarts,1\n9999,2021,huisarts,0\n"
                    "1011,2021,huisarts,4\n", encoding="utf-8")
    frame = read_counts_file(path)
    assert frame.set_index("statcode")["kind"].to_dict() == {"3999": "region", "9999": "region", "1011": "region"}
    path.write_text("region,year,profession,count\nPV20,2018,huisarts,5\nPV99,2018,huisarts,1\n", encoding="utf-8")
    assert read_counts_file(path).set_index("statcode")["kind"].to_dict() == {"PV20": "region", "PV99": "unplaced"}
