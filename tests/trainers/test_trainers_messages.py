"""Errors of regio.trainers in Dutch and English: from Python (the catalogue says what the raise site says) and
through the command line (Dutch by default, English with --lang en)."""

from __future__ import annotations

import pandas as pd
import pytest

from regio.errors import InputError
from regio.trainers import TrainerSpec
from regio.trainers.expand import expansion_core
from regio.trainers.forecast import available_trainers, intake_path, recruitment_needed, split_intake, trainees
from tests._support.said import assert_said_in_both, cli_in_both

_COST = pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0]}, index=["GM1", "GM2"])
_INTAKE = pd.DataFrame({"x": [10, 10]}, index=[2024, 2025])


@pytest.mark.parametrize(("make", "dutch"), [
    (lambda: TrainerSpec(key="seats"), ["Onbekende verdeelsleutel voor de instroom 'seats'; gebruik need of places"]),
    (lambda: TrainerSpec(key="places"), ["heeft een instroomtabel nodig"]),
    (lambda: TrainerSpec(target_year=2020),
     ["gegeven: basisjaar 2025 (base_year=), doeljaar 2020 (target_year=), horizon 2035 (horizon=)"]),
    (lambda: TrainerSpec(trainers=[1, 2]), ["trainers= verwacht een tabel", "list [1, 2]"]),
    (lambda: TrainerSpec(intake=-3), ["aantal aios per jaar", "niet -3"]),
    (lambda: TrainerSpec(national_trainers=-1), ["landelijke aantal opleiders", "gegeven: -1"]),
    (lambda: intake_path([2025], advised=-1, advised_from=2027, current=718), ["De instroom advised= moet"]),
    (lambda: split_intake(pd.Series({2027: 10}), pd.Series({"a": 0, "b": 0})), ["niet overal 0"]),
    (lambda: trainees(_INTAKE, years=[2025], training_years=0), ["training_years moet een geheel getal"]),
    (lambda: trainees(_INTAKE, years=[2025], practice_years=(4,)), ["1 tot en met 3", "[4]"]),
    (lambda: trainees(_INTAKE, years=[2025], rendement=1.5), ["intern rendement", "gegeven: 1,5"]),
    (lambda: trainees(_INTAKE, years=[2025]), ["De instroom mist de jaren 2023", "vanaf 2023 begonnen"]),
    (lambda: available_trainers(pd.Series({"x": 10}), years=[2025], base_year=2025, outflow_rate=1.0),
     ["De uitstroom moet in [0, 1) liggen"]),
    (lambda: available_trainers(pd.Series({"x": 10}), years=[2024], base_year=2025, outflow_rate=0.05),
     ["Jaren vóór het basisjaar 2025: [2024]"]),
    (lambda: recruitment_needed(10, base_year=2025, target_year=2025, outflow_rate=0.05),
     ["Het doeljaar (2025) moet na het basisjaar (2025) komen."]),
    (lambda: expansion_core(_COST, pd.Series({"GM1": 1.0, "GM2": 1.0}), existing=["c"], k=1),
     ["niet in de kostenmatrix staan: c"]),
    (lambda: expansion_core(_COST, pd.Series({"GM1": 1.0, "GM2": 1.0}), existing=[], k=1),
     ["minstens één bestaande locatie"]),
    (lambda: expansion_core(_COST, pd.Series({"GM1": -1.0, "GM2": 1.0}), existing=["a"], k=1),
     ["Gewichten ontbreken of zijn negatief voor GM1."]),
    (lambda: expansion_core(_COST, pd.Series({"GM1": 1.0, "GM2": 1.0}), existing=["a"], k=2),
     ["k moet een geheel getal van 0 tot 1 zijn", "gegeven: 2"]),
])
def test_a_trainer_error_is_said_in_dutch_and_in_the_raise_sites_english(make, dutch):
    with pytest.raises(InputError) as exc:
        make()
    assert_said_in_both(exc.value, *dutch)


def test_the_trainers_command_says_its_error_in_dutch_by_default_and_in_english_when_asked(monkeypatch):
    nl, en = cli_in_both(["trainers", "--target-year", "2020"], monkeypatch)
    assert nl.startswith("fout: Het basisjaar moet vóór het doeljaar liggen"), nl
    assert "gegeven: basisjaar 2025 (--base-year), doeljaar 2020 (--target-year), horizon 2035 (--horizon)." in nl
    assert en == ("error: Need base year < target year <= horizon; got base year 2025 (--base-year), target year "
                  "2020 (--target-year), horizon 2035 (--horizon).\n"), en
