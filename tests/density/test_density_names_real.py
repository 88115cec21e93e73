"""A counts file of municipality names on the command line: read as codes, counts conserved, unknown names refused."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

from regio.cli import main


def _run(real_data, *args):
    with warnings.catch_warnings():  # the command prints its warnings (as a user sees them)
        warnings.simplefilter("always")
        return CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--level", "gemeente", "-y", "2018",
                                         *map(str, args)], env={"REGIO_LANG": None, "COLUMNS": "120"})


@pytest.mark.realdata
def test_names_are_placed_in_their_municipalities_and_the_total_is_kept(real_data, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("gemeente,jaar,aantal\nAmsterdam,2018,900\nSudwest-Fryslan,2018,50\nGM0518,2018,600\n"
                    "GM9999,2018,3\n", encoding="utf-8")
    out = tmp_path / "out"
    run = _run(real_data, "--counts", path, "--out", out, "--lang", "en")
    assert run.exit_code == 0, run.output
    assert "2 municipality name(s) read as the codes of the municipalities of 2018" in run.output
    assert "1 row(s) read as 'niet in te delen'" in run.output and "row 5 (GM9999)" in run.output
    table = pd.read_csv(next(out.glob("density_*_gemeente_2018.csv"))).set_index("statcode")
    assert table.loc[["GM0363", "GM1900", "GM0518"], "count"].tolist() == [900, 50, 600]
    regions = table[table["kind"] == "region"]
    assert regions["count"].sum() == table.loc["TOTAAL", "count"] == 1550  # conserved through the join
    assert table.loc["TOTAAL+", "count"] == 1553  # with the row that cannot be placed
    assert "AM" not in "".join(regions.index.str[:2].unique())


@pytest.mark.realdata
def test_an_unknown_name_is_refused_with_the_nearest_in_dutch_and_english(real_data, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("gemeente,jaar,aantal\nAmsterdam,2018,900\nden bosch,2018,40\n", encoding="utf-8")
    nl = _run(real_data, "--counts", path, "--out", tmp_path / "out")
    assert nl.exit_code == 2
    assert ("fout: names.csv, kolom 'gemeente': geen gemeente van 2018 met deze naam in rij 3 ('den bosch'; "
            "dichtstbij: 's-Hertogenbosch") in nl.output
    en = _run(real_data, "--counts", path, "--out", tmp_path / "out", "--lang", "en")
    assert "error: names.csv, column 'gemeente': no municipality of 2018 of this name at row 3" in en.output
    assert "or give the CBS code (e.g. GM0363)" in en.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
