"""The regional model's demography from the regions' age structure, with the nation's ageing as fallback."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from regio.errors import InputError
from regio.model.ageing import AGEING_COLUMNS, ageing_factors, single_years
from regio.model.parameters import example_parameters
from regio.model.regional import regional_advice, regional_parameters

USE = pd.Series(np.linspace(1, 5, 100))  # GP use rising with age


def test_single_years_spread_the_bands_and_keep_the_totals():
    frame = pd.DataFrame({"age_0_9": [10, 0], "age_10_89": [800, 80], "age_90plus": [20, 10]}, index=["A", "B"])
    years = single_years(frame)
    assert years.shape == (2, 100) and years.sum(axis=1).tolist() == [830, 90]
    assert years.loc["A", 0] == 1 and years.loc["A", 50] == 10 and years.loc["A", 95] == 2


@pytest.mark.parametrize(("frame", "message"), [
    (pd.DataFrame({"population": [1]}), "no age band columns"),
    (pd.DataFrame({"age_0_9": [1], "age_20plus": [1]}), "do not cover every age.*ages 10-19"),
    (pd.DataFrame({"age_0_49": [1], "age_40plus": [1]}), "do not cover every age"),
    (pd.DataFrame({"age_0_49": [-1], "age_50plus": [1]}), "negative"),
])
def test_bad_age_structures_are_refused(frame, message):
    with pytest.raises(InputError, match=message):
        single_years(frame)


def test_a_region_like_the_nation_ages_as_the_nation_and_old_regions_age_faster():
    same = pd.DataFrame({"age_0_49": [100, 300], "age_50plus": [40, 120]}, index=["A", "B"])
    assert np.allclose(ageing_factors(same, USE).to_numpy(), 1.0)
    # many people just below the ages of high use: faster ageing than the nation; many young: slower
    frame = pd.DataFrame({"age_0_29": [100, 400], "age_30_59": [200, 200], "age_60_69": [400, 100],
                          "age_70plus": [100, 100]}, index=["old", "young"])
    f = ageing_factors(frame, USE)
    assert list(f.columns) == list(AGEING_COLUMNS)
    assert (f.loc["old"] > 1).all() and (f.loc["young"] < 1).all()
    # only shares count: every count ten times as large, or the use on another scale, gives the same factors
    assert np.allclose(ageing_factors(frame * 10, USE).to_numpy(), f.to_numpy())
    assert np.allclose(ageing_factors(frame, USE * 3).to_numpy(), f.to_numpy())
    with pytest.raises(InputError, match="100 positive values"):
        ageing_factors(frame, USE[:50])


def _inputs():
    return pd.DataFrame({"gps": [600.0, 400.0], "population": [1_100_000, 900_000],
                         "population_start": [1_000_000, 900_000]}, index=["A", "B"])


def test_without_ageing_columns_the_demography_is_the_old_formula_exactly():
    params = example_parameters()
    inputs = _inputs()
    r = regional_parameters(params, inputs, growth_years=10)
    g_nl = (2_000_000 / 1_900_000) ** 0.1 - 1
    for code, g in (("A", 1.1 ** 0.1 - 1), ("B", 0.0)):
        for k in (5, 10, 15, 20):
            old = (1 + getattr(params, f"demo_{k}")) * ((1 + g) / (1 + g_nl)) ** k - 1
            assert getattr(r[code], f"demo_{k}") == old
    with_ones = inputs.assign(**dict.fromkeys(AGEING_COLUMNS, 1.0))
    assert regional_advice(params, with_ones, growth_years=10)["advice"].equals(
        regional_advice(params, inputs, growth_years=10)["advice"])


def test_ageing_columns_multiply_the_demography():
    params = example_parameters()
    aged = _inputs().assign(ageing_5=[1.01, 0.99], ageing_10=[1.02, 0.98], ageing_15=[1.03, 0.97],
                            ageing_20=[1.04, 0.96])
    plain = regional_parameters(params, _inputs(), growth_years=10)
    r = regional_parameters(params, aged, growth_years=10)
    assert 1 + r["A"].demo_20 == pytest.approx((1 + plain["A"].demo_20) * 1.04, rel=1e-12)
    assert 1 + r["B"].demo_10 == pytest.approx((1 + plain["B"].demo_10) * 0.98, rel=1e-12)
    out = regional_advice(params, aged, growth_years=10)
    assert "ageing relative to the nation" in out.attrs["method"] and "vergrijzing" in out.attrs["method_nl"]
    assert int(out["advice"].sum()) == out.attrs["total"]


def test_ageing_factors_must_be_finite_and_above_zero():
    params = example_parameters()
    for bad in (0.0, -1.0, float("inf")):
        aged = _inputs().assign(**dict.fromkeys(AGEING_COLUMNS, 1.0)).assign(ageing_10=[1.0, bad])
        with pytest.raises(InputError, match="ageing_10.*finite factor above 0"):
            regional_parameters(params, aged, growth_years=10)


# ----------------------------------------------------------------------------- on the real data

@pytest.mark.realdata
def test_regional_inputs_take_the_2020_structure_by_default_and_say_which(real_data):
    from regio.model.inputs import load_regional_inputs

    auto = load_regional_inputs("provincie", data_dir=real_data)
    assert auto.attrs["age_source"] == "2020" and "1 January 2020" in auto.attrs["ages"]
    assert "ageing: the municipal age structure of 1 January 2020" in auto.attrs["method"]
    assert "vergrijzing: de gemeentelijke leeftijdsopbouw" in auto.attrs["method_nl"]
    f = auto[list(AGEING_COLUMNS)]
    # the oldest province (Limburg) ages faster than the nation, the youngest (Flevoland) slower
    assert (f.loc["PV31"] > 1).all() and (f.loc["PV24"] < 1).all()
    # weighted by inhabitants of 2020, the regions age as the nation on average (within a few per mille)
    assert np.allclose((f.mul(auto["population"], axis=0).sum() / auto["population"].sum()).to_numpy(), 1, atol=5e-3)
    kern = load_regional_inputs("provincie", ages="kerncijfers", data_dir=real_data)
    assert kern.attrs["age_source"] == "kerncijfers" and "65+" in kern.attrs["ages"]
    national = load_regional_inputs("provincie", ages="national", data_dir=real_data)
    assert national.attrs["age_source"] == "national" and not set(AGEING_COLUMNS) & set(national.columns)
    assert "every region ages as the nation" in national.attrs["method"]
    with pytest.raises(InputError, match="ages='1990': use one of auto, kerncijfers, 2020, national"):
        load_regional_inputs("provincie", ages="1990", data_dir=real_data)


@pytest.mark.realdata
def test_cli_model_ages(real_data):
    from regio.cli import main

    runner = CliRunner()
    base = ["--data-dir", str(real_data), "model", "--level", "provincie", "--lang", "en"]
    auto = runner.invoke(main, base)
    national = runner.invoke(main, [*base, "--ages", "national"])
    assert auto.exit_code == 0 and national.exit_code == 0, auto.output + national.output
    assert "ageing: the municipal age structure of 1 January 2020" in auto.output
    assert "ageing: none regional: every region ages as the nation" in national.output
    table = lambda out: out.split("per province")[1].split("sum of regional advices")[0]  # noqa: E731
    assert table(auto.output) != table(national.output)
