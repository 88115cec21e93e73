"""One language in messages (issue 13): option values in the message's numbers, the command's own options, and
the words for what a value is, in Dutch (the default) and English (--lang en)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

import regio
from regio.cli import access, command_options, main, population
from regio.errors import InputError, RegioError, command_line, said_value
from regio.text import said_what, what_words

#: What a message to a command-line user must not say: Python keywords and calls.
PYTHON_WORDS = ("=True", "=False", "level='", "source='", "_path=", "path=", "profession=", "sheet=",
                "regio.population(")


def _invoke(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"REGIO_LANG": None, **(env or {})})


def _error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith(("fout:", "error:"))]
    assert result.exit_code == 2 and len(lines) == 1, result.output
    return lines[0]


def _no_python_words(line: str) -> None:
    said = [word for word in PYTHON_WORDS if word in line]
    assert not said, f"{said} in {line!r}"


# -- 1. option values said in the message's language

@pytest.mark.parametrize(("args", "nl", "en"), [
    (("--bands", 110, 75), "gegeven: (110, 75).", "got (110.0, 75.0)."),
    (("--catchment-km", -3), "moet een positief aantal km zijn, gegeven: -3.", "got -3.0."),
    (("--norm", -3.5), "moet een positief aantal per 10.000 zijn, gegeven: -3,5.", "got -3.5."),
])
def test_option_values_of_access_are_dutch_numbers_in_dutch(tmp_path, args, nl, en):
    line = _error_line(_invoke("--data-dir", tmp_path, "access", *args))
    assert line.startswith("fout: --") and line.endswith(nl), line
    value = line.rsplit("gegeven: ", 1)[1]
    assert ".0" not in value and "3.5" not in value
    assert _error_line(_invoke("--data-dir", tmp_path, "access", *args, "--lang", "en")).endswith(en)


@pytest.mark.realdata
def test_a_margin_in_a_catalogue_text_with_repr_is_a_dutch_number(real_data):
    line = _error_line(_invoke("--data-dir", real_data, "recruit", "--margin", -2.5))
    assert line.endswith("gegeven: -2,5."), line
    line = _error_line(_invoke("--data-dir", real_data, "recruit", "--margin", -2.0))
    assert line.endswith("gegeven: -2."), line


def test_said_value_is_repr_in_english_and_dutch_numbers_in_dutch():
    err = InputError("must be two ascending percentages such as 75 110, got (110.0, 75.0)",
                     key="access.reason_bands", got=said_value((110.0, 75.0)))
    assert str(err).endswith("got (110.0, 75.0)")  # Python users read what Python wrote
    assert err.message("nl").endswith("gegeven: (110, 75)")
    assert [said_value(v).said("nl") for v in (-3.0, 3.5, 1026, [0.5, 2.0], "x", True, float("nan"))] == \
        ["-3", "3,5", "1026", "[0,5, 2]", "'x'", "True", "nan"]


# -- 2. the command line is told its own options, never Python's keywords

@pytest.mark.realdata
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_population_asks_for_interpolate_as_its_option(real_data, lang):
    line = _error_line(_invoke("--data-dir", real_data, "population", "--level", "provincie", "--year", 2005,
                               "--lang", lang))
    assert "--interpolate" in line and "interpolate=True" not in line
    _no_python_words(line)


@pytest.mark.realdata
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_access_does_not_suggest_an_option_it_lacks(real_data, lang):
    line = _error_line(_invoke("--data-dir", real_data, "access", "--year", 2025, "--no-maps", "--lang", lang))
    assert ("2024" in line) and "extrapol" in line  # regio does not extrapolate unless asked ...
    assert "--extrapolate" not in line and "Python" not in line  # ... but regio access cannot be asked
    _no_python_words(line)
    with pytest.raises(RegioError) as raised:
        regio.population("gemeente", 2025)
    assert "extrapolate=True" in raised.value.message("nl")  # in Python the keyword is named


def test_a_message_names_only_the_options_of_the_running_command():
    err = InputError("No population for provincie 2005. Use interpolate=True.", key="data.no_level_population",
                     level="provincie", year=2005, by_age="", known="2012, 2013", also="")
    assert "interpolate=True" in err.message("nl")
    with command_line(command_options(click.Context(population.cli))):
        assert "Gebruik --interpolate om" in err.message("nl") and "Use --interpolate to" in err.message("en")
    options = command_options(click.Context(access.cli))
    assert "--interpolate" not in options and "--catchment-km" in options
    with command_line(options):
        for lang in ("nl", "en"):
            assert "interpolate" not in err.message(lang) and err.message(lang).endswith("2012, 2013.")


@pytest.mark.realdata
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_density_names_level_source_and_counts_as_options(real_data, tmp_path, lang):
    national = _error_line(_invoke("--data-dir", real_data, "density", "--year", 2013, "--lang", lang))
    assert "--level land" in national
    _no_python_words(national)
    counts = tmp_path / "counts.csv"
    counts.write_text("region,year,count\nGM0014,2024,3\n", encoding="utf-8")
    both = _error_line(_invoke("--data-dir", real_data, "density", "--counts", counts, "--source", "nivel",
                               "--year", 2024, "--lang", lang))
    assert "(--counts)" in both and "--source nivel" in both
    _no_python_words(both)
    counts.write_text("region,year,count\n", encoding="utf-8")
    empty = _error_line(_invoke("--data-dir", real_data, "density", "--counts", counts, "--year", 2024,
                                "--lang", lang))
    assert "--counts" in empty
    _no_python_words(empty)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_counts_and_a_counts_file_without_profession_name_options(tmp_path, lang):
    (tmp_path / "physicians").mkdir()
    line = _error_line(_invoke("--data-dir", tmp_path, "density", "--year", 2020, "--lang", lang))
    assert "--counts" in line
    _no_python_words(line)
    (tmp_path / "physicians" / "counts_huisartsen.csv").write_text("gemeente,jaar,aantal\nGM0001,2020,3\n",
                                                                    encoding="utf-8")
    line = _error_line(_invoke("--data-dir", tmp_path, "density", "--year", 2020, "--lang", lang))
    assert "--counts" in line and "--profession" in line
    _no_python_words(line)


# -- 3. what a value is, in the catalogue's words

def test_what_words_come_from_the_catalogue():
    assert what_words("upper bounds", "nl") == "bovengrenzen" and what_words("upper bounds", "en") == "upper bounds"
    assert what_words("Inhabitants", "nl") == "Inwoners"
    phrase = said_what("current distribution")
    assert phrase == "current distribution" and repr(phrase) == "'current distribution'"  # still the English text
    err = InputError(f"Column {phrase!r}: bad.", key="kernel.numbers.bad_cells", column=phrase, where="",
                     problems="x")
    assert err.message("nl").startswith("Kolom 'huidige verdeling'")


@pytest.mark.realdata
@pytest.mark.parametrize(("args", "nl", "en"), [
    (("allocate", "--total", 100, "--upper", "PV20=abc"), "fout: Kolom 'bovengrenzen': ",
     "error: Column 'upper bounds': "),
    (("allocate", "--total", 100, "--current", "PV20=-3"), "fout: Kolom 'huidige verdeling': ",
     "error: Column 'current distribution': "),
    (("trainers", "--intake", "amc=3"), "fout: instroom (aios per instituut): ontbreekt voor",
     "error: intake (trainees per institute): missing for"),
])
def test_what_a_users_values_are_is_said_in_the_chosen_language(real_data, args, nl, en):
    assert _error_line(_invoke("--data-dir", real_data, *args)).startswith(nl)
    assert _error_line(_invoke("--data-dir", real_data, *args, "--lang", "en")).startswith(en)


@pytest.mark.realdata
def test_a_values_file_is_named_with_dutch_words_for_what_it_holds(real_data, tmp_path):
    path = tmp_path / "lower.csv"
    path.write_text("naam\nZeeland\n", encoding="utf-8")
    assert _error_line(_invoke("--data-dir", real_data, "allocate", "--total", 100, "--lower", path)).startswith(
        f"fout: ondergrenzen in {path}: er is een regiokolom nodig")
    assert _error_line(_invoke("--data-dir", real_data, "allocate", "--total", 100, "--lower", path, "--lang",
                               "en")).startswith(f"error: lower bounds in {path}: needs a region column")


def test_no_catalogue_text_tells_a_command_line_user_a_python_keyword():
    import re

    from regio.cli.access import MESSAGES as ACCESS_OPTIONS
    from regio.errors import ASKS, for_reader
    from regio.labels import LABELS

    said_again = {"error.access.supply_needs_list"}  # an OptionError that regio access says in its options
    assert "supply_needs_list" in ACCESS_OPTIONS
    python = re.compile(r"=True|=False|_path=|level='|source='|in Python|regio\.population\(|\bpath=")
    every_option = {cli.split()[0] for _python, cli in ASKS.values() if cli}
    found = []
    with command_line(every_option):
        for key, entry in LABELS.items():
            if key.startswith(("error.", "warning.")) and key not in said_again:
                found += [f"{key} ({lang}): {for_reader(entry[lang])}" for lang in ("nl", "en")
                          if python.search(for_reader(entry[lang]))]
    assert not found, "\n".join(found)


def test_the_model_and_recruit_ask_for_their_own_options():
    from regio.cli import model, recruit

    density = InputError("unfulfilled='density' needs GPs in every region; none in GM0001.",
                         key="model.density_needs_gps", codes="GM0001")
    assert density.message("nl").startswith("unfulfilled='density' heeft huisartsen")
    with command_line(command_options(click.Context(model.cli))):
        assert density.message("nl").startswith("--unfulfilled density heeft huisartsen")
        assert density.message("en").startswith("--unfulfilled density needs GPs")
    inner = InputError("No practices.", key="kernel.text", text="No practices.")
    spread = InputError("No practices. To spread ...", key="recruitment.no_practices_to_spread", inner=inner,
                        gp_year=2018)
    with command_line(command_options(click.Context(recruit.cli))):
        assert spread.message("en").endswith("use --spread population.")
    with command_line(command_options(click.Context(access.cli))):
        assert spread.message("en") == "No practices."


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_what_if_table_is_headed_in_words(real_data, lang):
    res = _invoke("--data-dir", str(real_data), "model", "--set", "uren_per_week=45", "--lang", lang)
    assert res.exit_code == 0, res.output
    for code in ("demand_fte", "supply_fte", "gap_fte", "what_if"):
        assert code not in res.output
    if lang == "nl":
        assert "Vraag (fte)" in res.output and "\nwat-als " in res.output and "\nverschil " in res.output
    else:
        assert "Demand (FTE)" in res.output and "\nwhat-if " in res.output


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_trainer_and_recruitment_numbers_are_named_by_their_options(real_data, lang):
    """The messages named the Python keywords (trainees_per_trainer=) and printed a dict of eight -3.0."""
    cases = [(("trainers", "--trainees-per-trainer", "-3"), "--trainees-per-trainer", "-3"),
             (("recruit", "--target-share", "-3"), "--target-share", "-3"),
             (("trainers", "--target-share", "2"), "--target-share", "2"),
             (("trainers", "--horizon", "2020"), "--horizon", "2020")]
    for args, option, value in cases:
        line = _error_line(_invoke("--data-dir", real_data, *args, "--lang", lang))
        assert option in line and value in line, line
        assert "_" not in line.split(":", 1)[1] and "{" not in line and "-3.0" not in line, line
