"""The model's errors and words in Dutch and English: on the command line (default Dutch, ``--lang en``) and
for lists of problems, which are said item by item in the language of the error."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from regio.cli import main
from regio.errors import InputError
from regio.labels import LABELS
from regio.model import apply_overrides, example_parameters
from regio.model.sweep import sweep


def _model(*args: str):
    return CliRunner().invoke(main, ["model", *args], env={"REGIO_LANG": None})


@pytest.mark.parametrize(("args", "dutch", "english"), [
    (["--set", "bogus=1"], "fout: De parameterwijzigingen zijn niet toe te passen: Onbekende modelparameter 'bogus'.",
     "error: Cannot apply the parameter changes: Unknown model parameter 'bogus'."),
    (["--round", "2020"], "fout: Geen raming 2020 in ", "error: No round 2020 in "),
    (["--scenario", "maximal"], "fout: Onbekend scenario 'maximal'; kies uit ", "error: Unknown scenario 'maximal'"),
    (["--set", "tijd=2"], "tijd = 2 moet kleiner zijn dan 1", "tijd = 2.0 must be below 1"),
])
def test_model_errors_are_dutch_by_default_and_english_with_lang_en(real_data, args, dutch, english):
    nl, en = _model(*args), _model(*args, "--lang", "en")
    assert nl.exit_code == 2 and dutch in nl.output and "Unknown" not in nl.output, nl.output
    assert en.exit_code == 2 and english in en.output, en.output
    assert len(nl.output.strip().splitlines()) == 1  # one line, no traceback


def test_every_problem_of_a_list_is_said_in_the_language_of_the_error():
    with pytest.raises(InputError) as caught:
        example_parameters().replace(tijd=2.0, n_buitenland=-5.0)
    err = caught.value
    assert str(err).startswith("Invalid GP model parameters (round 2025, variant midden): ")
    assert "n_buitenland = -5.0 must not be negative" in str(err) and "tijd = 2.0 must be below 1" in str(err)
    nl = err.message("nl")
    assert nl.startswith("Ongeldige parameters van het huisartsenmodel (raming 2025, variant midden): ")
    assert "n_buitenland = -5 mag niet negatief zijn" in nl and "tijd = 2 moet kleiner zijn dan 1" in nl
    assert "must" not in nl


def test_wrapped_errors_keep_their_own_words_in_each_language():
    with pytest.raises(InputError) as caught:
        apply_overrides(example_parameters(), {"bogus": 1, "instroom": 850, "n_inopleiding_perjaar3": 900})
    en, nl = str(caught.value), caught.value.message("nl")
    assert en.startswith("Cannot apply the parameter changes: Unknown model parameter 'bogus'")
    assert "instroom and n_inopleiding_perjaar3 are both n_inopleiding_perjaar3: give it once." in en
    assert nl.startswith("De parameterwijzigingen zijn niet toe te passen: Onbekende modelparameter 'bogus'")
    assert nl.endswith("instroom en n_inopleiding_perjaar3 zijn allebei n_inopleiding_perjaar3: geef het één keer op.")


def test_every_rule_of_a_sweep_has_words_in_both_languages():
    # each row breaks other rules; every rule broken is said in Dutch, with the rows
    frame = pd.DataFrame({"tijd": [2.0, 0.0], "n_buitenland": [-1.0, 0.0], "onv_vraag": [0.0, -2.0],
                          "demo_5": [-2.0, 0.0], "aanbod_personen": [0.0, 1.0], "opleidingsduur3": [0.0, 3.0],
                          "bijsturingsjaar": [2020.0, 2027.0], "trendjaar": [2020.0, 2035.0],
                          "evenwichtsjaar2": [2100.0, 2043.0], "werkzame_uren_vrouw": [150.0, 40.0],
                          "fte_vrouw_basis": [2.0, 0.8], "per_vrouw_basis": [1.5, 0.5]})
    with pytest.raises(InputError) as caught:
        sweep(example_parameters(), frame)
    nl = caught.value.message("nl")
    assert str(caught.value).startswith("Invalid GP model parameters: ") and nl.startswith("Ongeldige parameters")
    assert " in row(s) " not in nl and "in rij(en) 0" in nl and "in rij(en) 1" in nl
    used = {k for k in LABELS if k.startswith("error.model.rows_")}
    assert {"error.model.rows_not_share", "error.model.rows_equilibrium", "error.model.rows_not_hours"} <= used


def test_model_in_english_says_no_dutch_terms_and_in_dutch_dutch_headers(real_data):
    en = _model("--lang", "en")
    assert en.exit_code == 0, en.output
    assert "bijsturingsjaar" not in en.output and "(midden," not in en.output
    assert "intake before the adjustment year" in en.output and "reproduction of the published 2025 round (middle" \
        in en.output
    nl = _model()
    assert nl.exit_code == 0, nl.output
    assert "instroom tot bijsturingsjaar" in nl.output and "Aios per" in nl.output and "gepubliceerd" in nl.output
    for english in ("trainees", "published", "difference_pct", "supply_base_fte", "label_nl"):
        assert english not in nl.output, english


def test_notes_in_english_name_the_round_in_english(real_data, tmp_path):
    res = _model("--lang", "en", "--out", str(tmp_path))
    assert res.exit_code == 0, res.output
    notes = (tmp_path / "model_2025_midden_decompositie.notes.txt").read_text(encoding="utf-8")
    assert "round 2025, variant midden (middle)" in notes and "raming" not in notes
    assert "adjustment year" in notes and "bijsturingsjaar" not in notes
