"""The regional model's supply per region: the province GP counts spread by practices (default) or population."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from regio.apportion import largest_remainder


@pytest.mark.realdata
def test_provinces_keep_their_counts_whatever_the_spread(real_data):
    from regio import data
    from regio.model.inputs import load_regional_inputs

    counts = data.gp_counts(2018, level="provincie", data_dir=real_data).astype(float)
    for spread in ("practices", "population"):
        inputs = load_regional_inputs("provincie", spread=spread, data_dir=real_data)
        assert inputs["gps"].to_dict() == counts.to_dict()
        assert "CBS 84777NED 2018 by province of residence" in inputs.attrs["method"]


@pytest.mark.realdata
def test_institute_areas_follow_the_practices_and_say_so(real_data):
    from regio import data
    from regio.model.inputs import level_inputs
    from regio.recruitment.run import institute_membership

    by_practices, _ = level_inputs("instituut", data_dir=real_data)
    by_population, _ = level_inputs("instituut", spread="population", data_dir=real_data)
    assert by_practices["gps"].sum() == by_population["gps"].sum() == 12_210
    assert (by_practices["gps"] != by_population["gps"]).sum() >= 6
    assert by_practices.attrs["spread"] == "practices" and by_population.attrs["spread"] == "population"
    method = by_practices.attrs["method"]
    assert "GPs: estimated" in method and "GP practices" in method and "(derived)" in method
    assert "(schatting)" in by_practices.attrs["method_nl"] and "afgeleid" in by_practices.attrs["method_nl"]
    # the population spread is today's estimate, recomputed here: province by province over inhabitants
    pop = data.population("gemeente", 2024, data_dir=real_data)["population"]
    prov = data.membership(2024, levels=["provincie"], data_dir=real_data)["provincie"].reindex(pop.index)
    counts = data.gp_counts(2018, level="provincie", data_dir=real_data)
    gm = pd.concat([largest_remainder(int(counts[p]), pop[prov == p]) for p in sorted(set(prov))])
    member = institute_membership(2024, data_dir=real_data)
    expected = gm.groupby(member.reindex(gm.index)).sum().astype(float)
    assert by_population["gps"].to_dict() == expected.reindex(by_population.index).to_dict()


@pytest.mark.realdata
def test_cli_model_spread(real_data):
    from regio.cli import main

    runner = CliRunner()
    a = runner.invoke(main, ["--data-dir", str(real_data), "model", "--level", "instituut", "--lang", "en"])
    b = runner.invoke(main, ["--data-dir", str(real_data), "model", "--level", "instituut", "--spread",
                             "population", "--lang", "en"])
    assert a.exit_code == 0 and b.exit_code == 0, a.output + b.output
    assert "GP practices" in a.output and "by population share" in b.output
    assert a.output.split("per institute area")[1] != b.output.split("per institute area")[1]
