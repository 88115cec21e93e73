"""`regio model --uncertainty` on the real parameter file."""

from __future__ import annotations

import re

from click.testing import CliRunner

from regio.cli import main
from regio.model import intake_advice, read_parameters


def test_cli_uncertainty_prints_interval_and_writes_charts(real_data, tmp_path):
    result = CliRunner().invoke(main, ["model", "--uncertainty", "2000", "--seed", "3", "--lang", "en",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    out = result.output
    m = re.search(r"advice ([\d,]+) trainees a year \(median; at the round's values ([\d,]+)\); "
                  r"80% interval ([\d,]+) - ([\d,]+); 95% interval ([\d,]+) - ([\d,]+)", out)
    assert m, out
    med, mid, lo80, hi80, lo95, hi95 = (int(g.replace(",", "")) for g in m.groups())
    assert mid == round(intake_advice(read_parameters(2025)).advice)
    assert lo95 < lo80 < med < hi80 < hi95 and lo80 < mid < hi80
    assert "sensitivity: the advice when one factor moves" in out
    for stem in ("onzekerheid_grafiek.png", "onzekerheid_grafiek.html", "gevoeligheid_grafiek.png",
                 "gevoeligheid.csv", "gevoeligheid.xlsx"):
        assert (tmp_path / f"model_2025_midden_{stem}").exists(), stem


def test_round_with_differing_variants_uses_them(real_data):
    from regio.model.uncertainty import uncertainty_factors

    p = read_parameters(2022)
    factors = {f.name: f for f in uncertainty_factors(p, low=read_parameters(2022, "laag"),
                                                      high=read_parameters(2022, "hoog"))}
    assert factors["soc"].kind == "variants"
    assert factors["soc"].low == (read_parameters(2022, "laag").soc,)
    assert factors["uitstroom"].kind == "relative"  # no variants in the file: regio's assumption
    result = CliRunner().invoke(main, ["model", "--round", "2022", "--uncertainty", "100", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "the round's laag/hoog (low/high) variants" in result.output
