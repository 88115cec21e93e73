"""Errors of regio.allocation in Dutch and English: from Python (the catalogue says what the raise site says,
also for messages made of several problems) and through the command line (Dutch by default, English with
--lang en)."""

from __future__ import annotations

import pandas as pd
import pytest

from regio.allocation import AllocationSpec
from regio.allocation.keys import allocate, band_range, mix_key, need_key, shortfall_key, with_total_row
from regio.allocation.spec import read_counts_date
from regio.errors import InputError, UnknownYearError
from regio.text import joined
from tests._support.said import assert_said_in_both, cli_in_both

_KEY = pd.Series({"A": 1.0, "B": 1.0})
_BANDS = pd.DataFrame({"age_0_14": [10, 20], "age_15plus": [30, 40]}, index=["A", "B"])


@pytest.mark.parametrize(("make", "dutch"), [
    (lambda: band_range("age_9_4"), ["Leeftijdsgroep 'age_9_4' eindigt voordat ze begint."]),
    (lambda: band_range("population"), ["'population' is geen kolom met een leeftijdsgroep"]),
    (lambda: need_key(pd.DataFrame({"population": [1]})), ["inwoners per leeftijdsgroep nodig"]),
    (lambda: need_key(_BANDS, use={"age_0_14": -1.0, "age_80plus": 1.0}),
     ["Relatief huisartsgebruik per leeftijdsgroep: geen gewicht voor age_15plus; gewichten voor leeftijdsgroepen",
      "age_80plus (groepen daarin: age_0_14, age_15plus); de gewichten moeten getallen van 0 of meer zijn."]),
    (lambda: shortfall_key(pd.Series({"A": 100, "B": 100}), pd.Series({"A": 100_000, "B": 100_000}),
                           norm_per_100k=50.5),
     ["norm van 50,5 per 100.000 inwoners", "nul voor A, B"]),
    (lambda: mix_key({}, {}), ["Een mix heeft minstens één sleutel nodig."]),
    (lambda: mix_key({"population": _KEY, "need": pd.Series({"A": 0.0, "B": 0.0})},
                     {"population": -1, "shortfall": 1}),
     ["De sleutels zijn niet te mengen: gewichten voor sleutels die niet berekend zijn: shortfall; geen gewicht "
      "voor need; de gewichten van de mix moeten getallen van 0 of meer zijn; sleutel 'need' is overal nul."]),
    (lambda: allocate(5, _KEY, population={"A": 10, "B": -1}), ["Inwoners: negatief voor B."]),
    (lambda: allocate(5, _KEY, current={"A": 1, "Q": 2}), ["Huidige verdeling voor regio's die niet", "Q"]),
    (lambda: allocate(5, [1, 2]), ["De sleutel moet een pandas Series zijn", "list"]),
    (lambda: with_total_row(allocate(5, pd.Series({"NL": 2.0, "B": 1.0}))), ["Een regio heet 'NL'"]),
    (lambda: read_counts_date("21-12-2018x", year=2024), ["Peildatum van de aantallen '21-12-2018x' is geen datum"]),
    (lambda: read_counts_date(18, year=2024), ["Peildatum van de aantallen 18: geef een dag (JJJJ-MM-DD"]),
    (lambda: AllocationSpec(total=10, figure="gp_trainees_2027"), ["niet allebei", "gp_trainees_2027 (1.026)"]),
    (lambda: AllocationSpec(), ["er is geen van beide gegeven", "gp_trainees_2024 (1.190)"]),
    (lambda: AllocationSpec(total=10, key="need", norm_per_100k=76, counts={"A": 1}),
     ["norm_per_100k= wordt alleen door de sleutel shortfall gebruikt; counts= wordt alleen door de sleutel "
      "shortfall gebruikt, niet door need: kies die sleutel (key='shortfall', of key='mix'"]),
    (lambda: AllocationSpec(total=10, key="zeal"), ["Onbekende verdeelsleutel 'zeal'; kies uit population, need"]),
    (lambda: AllocationSpec(total=10, key="mix"), ["De sleutel mix heeft gewichten nodig"]),
    (lambda: AllocationSpec(total=10, key="mix", mix={"need": "x"}), ["gewicht in de mix voor 'need' is geen getal"]),
    (lambda: AllocationSpec(total=10, key="mix", mix={"age": 1}), ["Mix van onbekende sleutels age"]),
    (lambda: AllocationSpec(total=10, key="need", ages="1990"), ["ages='1990': kies uit 'auto'"]),
    (lambda: AllocationSpec(total=10, upper="PV20=3"), ["upper= verwacht waarden per regio", "str 'PV20=3'"]),
    (lambda: AllocationSpec(total=10, areas="x.csv"), ["areas= verwacht de indeling als DataFrame"]),
])
def test_an_allocation_error_is_said_in_dutch_and_in_the_raise_sites_english(make, dutch):
    with pytest.raises(InputError) as exc:
        make()
    assert_said_in_both(exc.value, *dutch)


def test_an_inner_error_in_a_part_is_said_in_the_language_of_the_whole():
    inner = UnknownYearError("No population for 2019; years: 2020.", key="unknown_year", what="bevolking",
                             year=2019, known="2020")
    parts = joined([InputError(f"1-1-2019: {inner}", key="allocation.year_problem", year=2019, inner=inner)],
                    sep=" ")
    err = UnknownYearError(f"No inhabitants for the counts of 2018-12-21: {parts}",
                           key="allocation.no_counts_population", day="2018-12-21", problems=parts)
    assert str(err) == "No inhabitants for the counts of 2018-12-21: 1-1-2019: No population for 2019; years: 2020."
    assert_said_in_both(err, "Geen inwoners voor de aantallen van 2018-12-21: 1-1-2019: Geen gegevens (bevolking) "
                             "voor 2019; beschikbare jaren: 2020.")


def test_the_allocate_command_says_its_error_in_dutch_by_default_and_in_english_when_asked(monkeypatch):
    nl, en = cli_in_both(["allocate", "--figure", "x"], monkeypatch)
    assert nl.startswith("fout: Onbekend landelijk cijfer 'x'. Cijfers met naam: "), nl
    assert "gp_trainees_2027 (1.026)" in nl  # Dutch numbers
    assert en.startswith("error: Unknown national figure 'x'. Known figures: "), en
    assert "gp_trainees_2027 (1,026)" in en


@pytest.mark.realdata
def test_a_message_of_several_problems_is_dutch_on_the_command_line(real_data, monkeypatch):
    nl, en = cli_in_both(["--data-dir", str(real_data), "allocate", "--total", "10", "--key", "need",
                          "--use", "age_0_14=-1"], monkeypatch)
    assert nl.startswith("fout: Relatief huisartsgebruik per leeftijdsgroep: geen gewicht voor "), nl
    assert nl.rstrip().endswith("; de gewichten moeten getallen van 0 of meer zijn."), nl
    assert en.startswith("error: Relative GP use per age band: no weight for "), en
    assert en.rstrip().endswith("; weights must be non-negative numbers."), en
