"""The command line's own errors and the option errors of the specs, said in Dutch by default and in English with
--lang en (or REGIO_LANG=en): each message comes from the catalogue, not from English text."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from regio.cli import access, allocate, main, recruit, trainers
from regio.cli._parse import said_as_options
from regio.errors import InputError, OptionError
from regio.labels import LABELS


def _invoke(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"REGIO_LANG": None, **(env or {})})


def _error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith(("fout:", "error:"))]
    assert len(lines) == 1, result.output
    return lines[0]


def test_total_and_figure_together_is_dutch_by_default_and_english_with_lang_en():
    nl = _invoke("allocate", "--total", 100, "--figure", "gp_trainees_2027")
    assert nl.exit_code == 2
    assert _error_line(nl).startswith("fout: Geef een totaal (--total N) of een benoemd landelijk cijfer (--figure "
                                      "NAAM), niet allebei. Benoemde cijfers: gp_trainees_2027")
    en = _invoke("allocate", "--total", 100, "--figure", "gp_trainees_2027", "--lang", "en")
    assert en.exit_code == 2
    assert _error_line(en).startswith("error: Give either a total (--total N) or a named national figure (--figure "
                                      "NAME), not both.")
    by_env = _invoke("allocate", "--total", 100, "--figure", "gp_trainees_2027", env={"REGIO_LANG": "en"})
    assert _error_line(by_env) == _error_line(en)


def test_an_option_of_another_key_names_the_option_in_both_languages():
    nl = _invoke("allocate", "--total", 100, "--key", "population", "--mix", "population=1")
    assert _error_line(nl) == ("fout: --mix / mix= wordt alleen gebruikt door de sleutel mix, niet door population: "
                               "kies die sleutel (--key mix) of laat de optie weg.")
    en = _invoke("allocate", "--total", 100, "--key", "population", "--mix", "population=1", "--lang", "en")
    assert _error_line(en) == ("error: --mix / mix= is used only by the mix key, not by population: choose that key "
                               "(--key mix) or leave the option out.")


def test_pairs_given_twice_are_said_with_dutch_words_for_what_they_are():
    nl = _invoke("allocate", "--total", 100, "--lower", "PV20=1,PV20=2")
    assert _error_line(nl) == "fout: ondergrenzen: meer dan eens gegeven: PV20 (1 en 2). Geef elk één keer."
    en = _invoke("allocate", "--total", 100, "--lower", "PV20=1,PV20=2", "--lang", "en")
    assert _error_line(en) == "error: lower bounds: given more than once: PV20 (1 and 2). Give each once."


def test_model_set_and_trainers_intake_errors_follow_the_language():
    nl = _invoke("model", "--set", "foo")
    assert _error_line(nl) == ("fout: --set vraagt NAAM=WAARDE (bijv. --set uren_per_week=45 of --set "
                               "instroom=850); gekregen: 'foo'.")
    assert _error_line(_invoke("model", "--set", "foo", "--lang", "en")).startswith("error: --set takes NAME=VALUE")
    nl = _invoke("trainers", "--intake", "abc")
    assert _error_line(nl).startswith("fout: --intake 'abc' is geen aantal aios per jaar (bijv. 1026)")
    en = _invoke("trainers", "--intake", "abc", "--lang", "en")
    assert _error_line(en).startswith("error: --intake 'abc' is not a number of trainees a year (e.g. 1026)")


def test_an_unknown_encoding_is_said_in_dutch():
    nl = _invoke("--encoding", "klingon", "data", "path")
    assert nl.exit_code == 2 and "Onbekende tekencodering 'klingon'" in nl.output
    en = _invoke("--encoding", "klingon", "data", "path", env={"REGIO_LANG": "en"})
    assert en.exit_code == 2 and "Unknown encoding 'klingon'" in en.output


# Details of each OptionError kind as the specs raise them (the values are made up).
_DETAILS = {
    "invalid": {"option": "catchment_km", "reason": "must be positive"},
    "supply_needs_list": {"supply": "gps"},
    "agreement_missing": {},
    "places_without_table": {},
    "total_figure": {"both": False, "known": "a (1)"},
    "mix_missing": {},
    "unused": {"unused": ["use", "mix"], "parts": ["population"]},
    "counts_level": {"level": "gemeente"},
    "counts_date_day": {"year": 2018},
}


@pytest.mark.parametrize("module", [access, allocate, recruit, trainers], ids=lambda m: m.__name__)
def test_every_option_message_of_a_command_has_a_key_in_both_languages(module):
    for kind, say in module.MESSAGES.items():
        details = _DETAILS[kind]
        said = say(**details, extra="a detail a spec may add")  # details the command does not use are allowed
        assert isinstance(said, InputError) and f"error.{said.key}" in LABELS, (module.__name__, kind)
        # in Dutch other words than in English ("invalid" is the option and the spec's reason, said by the spec)
        assert said.message("nl") != str(said) or kind == "invalid", (kind, said.message("nl"))
        assert said.message("en") == str(said)
        # said_as_options raises it with its key, so that the command line says it in Dutch
        with pytest.raises(InputError) as caught, said_as_options(module.MESSAGES):
            raise OptionError("in keyword names", kind=kind, **details)
        assert caught.value.message("en") == str(said) and caught.value.message("nl") == said.message("nl")


@pytest.mark.parametrize("compare", [2022, 2018])
def test_a_compare_year_not_before_the_year_is_refused_before_any_file_is_written(tmp_path, compare):
    out = tmp_path / "out"
    nl = _invoke("density", "--year", 2018, "--compare-year", compare, "--out", out)
    assert nl.exit_code == 2
    assert _error_line(nl) == (f"fout: --compare-year {compare} ligt niet vóór --year 2018: de verandering loopt van "
                               "een eerder jaar naar --year. Geef een eerder --compare-year (bijv. 2017), of wissel "
                               "ze om.")
    en = _invoke("density", "--year", 2018, "--compare-year", compare, "--out", out, "--lang", "en")
    assert _error_line(en).startswith(f"error: --compare-year {compare} is not before --year 2018")
    assert not out.exists() or not any(out.iterdir())  # nothing was written
