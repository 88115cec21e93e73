"""Errors of regio.access in Dutch and English: from Python (the catalogue says what the raise site says) and
through the command line (Dutch by default, English with --lang en)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.access import AccessSpec
from regio.access.fca import catchment_pairs, nearest_distance, two_step_fca
from regio.access.tables import pc4_access, provision_table
from regio.errors import InputError
from tests._support.said import assert_said_in_both, cli_in_both


def _error(call, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as exc:
        call(*args, **kwargs)
    return exc.value


@pytest.mark.parametrize(("make", "dutch"), [
    (lambda: AccessSpec(bands=(110, 75)), ["bands= moet twee oplopende percentages zijn", "gegeven: (110, 75)"]),
    (lambda: AccessSpec(catchment_km=-1), ["catchment_km= moet een positief aantal km zijn, gegeven: -1"]),
    (lambda: AccessSpec(decay="linear"), ["decay= moet een van gaussian, none zijn, gegeven: 'linear'"]),
    (lambda: AccessSpec(supply="gps"), ["eigen lijst van praktijken met een kolom gps"]),
    (lambda: catchment_pairs(np.zeros((1, 3)), np.zeros((1, 2)), 5000), ["vraagpunten", "(1, 3)"]),
    (lambda: catchment_pairs(np.zeros((1, 2)), np.full((1, 2), np.nan), 5000), ["Aanbodpunten", "[0]"]),
    (lambda: catchment_pairs(np.zeros((1, 2)), np.zeros((1, 2)), 0), ["positief aantal meters"]),
    (lambda: two_step_fca(np.array([-1.0]), np.array([1.0]), catchment_pairs(np.zeros((1, 2)), np.zeros((1, 2)), 5000)),
     ["De vraag moet eindig zijn en niet negatief", "[0]"]),
    (lambda: nearest_distance(np.zeros((1, 2)), np.zeros((0, 2))), ["geen aanbodpunt"]),
    (lambda: pc4_access(pd.DataFrame({"x": [0.0], "y": [0.0]}), catchment_km=5), ["population", "ontbreekt"]),
    (lambda: pc4_access(pd.DataFrame({"x": [0.0], "y": [0.0], "population": [10], "n_practices": [0]}),
                        catchment_km=5), ["Er is geen aanbod (n_practices telt op tot 0)"]),
    (lambda: provision_table(pd.DataFrame({"effective": [1.0], "need": [0.0]}, index=["GM0001"])),
     ["Regio's zonder inwoners", "GM0001"]),
])
def test_an_access_error_is_said_in_dutch_and_in_the_raise_sites_english(make, dutch):
    assert_said_in_both(_error(make), *dutch)


def test_the_access_command_says_its_error_in_dutch_by_default_and_in_english_when_asked(monkeypatch):
    nl, en = cli_in_both(["access", "--level", "wijk"], monkeypatch)
    assert nl.startswith("fout: De toegang wordt per PC4-gebied berekend"), nl
    assert "er zijn geen praktijken per wijk. Gebruik --level pc4 of gemeente." in nl
    assert en.startswith("error: Access is computed per PC4 area"), en
    assert "there are no practices per wijk. Use --level pc4 or gemeente." in en
