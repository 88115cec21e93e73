"""Physicians needed: the terminal and the Excel file show the same rounded-up figures, and the notes say the rule."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from click.testing import CliRunner

from regio.cli import main


@pytest.mark.realdata
def test_terminal_and_excel_agree_on_the_rounded_up_needed(real_data, tmp_path):
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "-y", "2018", "--lang", "en",
                                    "--out", str(out)], env={"COLUMNS": "120"})
    assert run.exit_code == 0, run.output
    exact = pd.read_csv(next(out.glob("density_*.csv"))).set_index("statcode")
    excel = pd.read_excel(next(out.glob("density_*.xlsx"))).set_index("Code")
    needed = "Needed to the norm or national"
    regions = exact.index[exact["kind"] == "region"]
    # each region and the total: the unrounded figure rounded up, in the Excel file ...
    for code in [*regions, "TOTAAL"]:  # the CSV's code TOTAAL reads TOTAL in English
        row = "TOTAL" if code == "TOTAAL" else code
        assert excel.loc[row, needed] == math.ceil(exact.loc[code, "needed"] - 1e-9)
    # ... and on the terminal
    shown = {m[0]: int(m[1].replace(",", "")) for m in re.findall(r"^(PV[23]\d|TOTAL) .* ([\d,]+)$", run.output,
                                                                      flags=re.MULTILINE)}
    assert shown and all(shown[c] == excel.loc[c, needed] for c in shown)
    assert "TOTAL" in shown
    # totals conserved: the exact total is the regions' sum; the note names the rule and both figures
    assert exact.loc["TOTAAL", "needed"] == pytest.approx(exact.loc[regions, "needed"].sum())
    added = sum(math.ceil(v - 1e-9) for v in exact.loc[regions, "needed"])
    total = math.ceil(exact.loc["TOTAAL", "needed"] - 1e-9)
    assert f"total: {total:,} (rounded up like every figure of the column" in run.output
    assert f"the regions' rounded figures add up to {added:,})" in run.output


@pytest.mark.realdata
def test_access_says_the_total_short_rounded_up_as_its_excel_file(real_data, tmp_path):
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["--data-dir", str(real_data), "access", "--lang", "en", "--no-maps",
                                    "--out", str(out)], env={"COLUMNS": "120"})
    assert run.exit_code == 0, run.output
    exact = pd.read_csv(out / "access_gemeente_2024.csv").set_index("statcode")
    excel = pd.read_excel(out / "access_gemeente_2024.xlsx").set_index("Code")
    total = exact.index[exact["kind"] == "total"][0]
    assert exact.loc[total, "practices"] == 4866  # the published number of practices: none lost on the way
    said = int(re.search(r"together ([\d,]+) practices short", run.output)[1].replace(",", ""))
    assert said == math.ceil(exact.loc[total, "needed"] - 1e-9) == excel.loc[total].filter(like="Needed").iloc[0]
