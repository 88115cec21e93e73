"""Population past the last year: refused unless asked, then the last years' trend, labelled an extrapolation."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import regio
from regio.errors import UnknownYearError


@pytest.mark.realdata
@pytest.mark.parametrize("interpolate", [False, True])
def test_past_the_last_year_is_refused_naming_the_last_year_and_the_option(real_data, interpolate):
    last = max(regio.population_years("gemeente", data_dir=real_data))
    for level in ("gemeente", "provincie", "ggdregio"):
        with pytest.raises(UnknownYearError, match=f"the last is {last}.*extrapolate=True .command line: "
                                                   "regio population --extrapolate."):
            regio.population(level, last + 1, interpolate=interpolate, data_dir=real_data)


@pytest.mark.realdata
def test_extrapolation_extends_the_trend_of_the_last_two_years(real_data):
    years = regio.population_years("gemeente", data_dir=real_data)
    y0, y1 = years[-2], years[-1]
    p1 = regio.population("gemeente", y1, data_dir=real_data)["population"]
    p0 = regio.carry_to(regio.population("gemeente", y0, data_dir=real_data)[["population"]], y0, y1,
                        data_dir=real_data)["population"].reindex(p1.index)
    k = 3
    ext = regio.population("gemeente", y1 + k, extrapolate=True, data_dir=real_data)
    line = (p1 + (p1 - p0) * k).clip(lower=0)
    assert ext.index.equals(p1.index) and ext["population"].dtype == "int64"
    assert (ext["population"] - line).abs().max() < 1  # whole people by largest remainder around the line
    assert int(ext["population"].sum()) == round(float(line.sum()))
    assert ext.attrs["extrapolation"] is True and ext.attrs["extrapolated_from"] == (y0, y1)
    assert ext.attrs["method"].startswith("EXTRAPOLATION") and ext.attrs["method_nl"].startswith("EXTRAPOLATIE")
    parts = ext.attrs["source"].split("; ")
    assert len(parts) == len(set(parts))  # both years from one table: the source said once
    # coarser levels are the municipal extrapolation summed, and say so
    prov = regio.population("provincie", y1 + k, extrapolate=True, data_dir=real_data)
    assert int(prov["population"].sum()) == int(ext["population"].sum()) and len(prov) == 12
    assert prov.attrs["method"].startswith("EXTRAPOLATION")
    # within the years the option changes nothing: published counts stay published
    same = regio.population("gemeente", y1, extrapolate=True, data_dir=real_data)
    assert same["population"].equals(p1) and same.attrs["method"] == "as published"


@pytest.mark.realdata
def test_extrapolated_age_bands_keep_the_last_years_shares(real_data):
    last = max(regio.population_years("gemeente", data_dir=real_data))
    ext = regio.population("gemeente", last + 1, extrapolate=True, age_bands=True, data_dir=real_data)
    bands = [c for c in ext.columns if c.startswith("age_")]
    assert len(bands) == 5 and (ext[bands].sum(axis=1) == ext["population"]).all()
    assert f"band shares of {last} kept" in ext.attrs["ages"]


@pytest.mark.realdata
def test_cli_population_extrapolate(real_data):
    from regio.cli import main

    last = max(regio.population_years("gemeente", data_dir=real_data))
    runner = CliRunner()
    refused = runner.invoke(main, ["--data-dir", str(real_data), "population", "--year", str(last + 2), "--lang",
                                   "en"])
    assert refused.exit_code == 2 and "--extrapolate" in refused.output and f"the last is {last}" in refused.output
    assert refused.output.startswith("error: No population for provincie")
    refused = runner.invoke(main, ["--data-dir", str(real_data), "population", "--year", str(last + 2)])  # Dutch
    assert refused.exit_code == 2 and refused.output.startswith(f"fout: Geen bevolking voor provincie {last + 2}.")
    assert f"het laatste is {last}" in refused.output and "--extrapolate" in refused.output
    res = runner.invoke(main, ["--data-dir", str(real_data), "population", "--year", str(last + 2), "--extrapolate",
                               "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "method: EXTRAPOLATION" in res.output
