"""Density's errors in Dutch and English: on the command line (default Dutch, ``--lang en``) and for lists of
problems, said item by item in the language of the error."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from regio.cli import main
from regio.density import density_table, provision
from regio.errors import InputError, UnknownCodeError


def _density(data_dir, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), "density", *args], env={"REGIO_LANG": None})


def test_density_errors_are_dutch_by_default_and_english_with_lang_en(real_data, tmp_path):
    counts = tmp_path / "tellingen.csv"
    counts.write_text("statcode,year,count\nGM0363,2024,100\n", encoding="utf-8")
    cases = (
        (["--year", "2012", "--level", "provincie"],
         "fout: Geen aantallen huisartsen per provincie voor 2012: de CBS-aantallen naar woonplaats",
         "error: No GP counts per provincie for 2012: the CBS counts by place of residence"),
        (["--counts", str(counts), "--source", "nivel", "--year", "2024"],
         "fout: Een bestand met aantallen (--counts) is zelf de bron",
         "error: A counts file (--counts) is its own source"),
        (["--counts", str(counts), "--counts-division", "1990", "--year", "2024", "--out", str(tmp_path)],
         "fout: Geen gemeentelijke indeling van 1990 (--counts-division): regio kent die van",
         "error: No municipal division of 1990 (--counts-division): regio knows those of"),
    )
    for args, dutch, english in cases:
        nl, en = _density(real_data, *args), _density(real_data, *args, "--lang", "en")
        assert nl.exit_code == 2 and dutch in nl.output, nl.output
        assert en.exit_code == 2 and english in en.output, en.output
        assert len(nl.output.strip().splitlines()) == 1  # one line, no traceback


def test_every_problem_of_the_rates_is_said_in_the_language_of_the_error():
    counts = pd.Series([5.0, -1.0, 3.0], index=["A", "B", "C"])
    population = pd.Series([1000.0, 2000.0, 0.0, 500.0], index=["A", "B", "C", "D"])
    with pytest.raises(InputError) as caught:
        provision(counts, population)
    en, nl = str(caught.value), caught.value.message("nl")
    assert en.startswith("Cannot compute rates per 100,000: population for codes without counts")
    assert "missing or negative counts: B" in en and "zero or missing population: C" in en
    assert nl.startswith("Kan geen cijfers per 100.000 inwoners berekenen: bevolking voor codes zonder aantallen")
    assert "ontbrekende of negatieve aantallen: B; bevolking nul of onbekend: C." in nl


def test_unknown_codes_of_a_density_table_are_said_in_dutch():
    with pytest.raises(UnknownCodeError) as caught:
        density_table(pd.Series([5.0, 1.0], index=["A", "X"]), pd.Series([1000.0], index=["A"]))
    assert "another level or another year's division?): X" in str(caught.value)
    assert caught.value.message("nl") == ("Kan de dichtheden niet berekenen: aantallen voor codes die geen regio's van "
                                          "de bevolkingstabel zijn (een ander niveau of de indeling van een ander "
                                          "jaar?): X.")
