"""regio.density.trends: the change between two years on one division (over mergers: test_density_real)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.density import trend
from regio.errors import InputError, UnknownCodeError


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
