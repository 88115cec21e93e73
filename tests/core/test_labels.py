"""The label catalogue: every key in both languages, clear errors."""

import pytest

from regio import labels
from regio.labels import BAND_CODES, COMPARISON_CODES, LABELS, UnknownLabelError, band_label, comparison_label, label


def test_every_key_has_nl_and_en():
    for key, entry in LABELS.items():
        assert set(entry) == set(labels.LANGUAGES), key
        assert all(isinstance(v, str) and v.strip() for v in entry.values()), key


def test_codes_have_words_for_every_reference_and_band_kind():
    assert comparison_label("below", "national", "nl") == "lager dan landelijk"
    assert comparison_label("below", "regions", "nl") == "lager dan het gemiddelde"
    assert [band_label(c, lang="nl") for c in BAND_CODES] == ["ondervoorzien", "rond de norm", "ruim voorzien"]
    assert band_label("around", norm_is_average=True, lang="en") == "around national"
    assert len(COMPARISON_CODES) == 3
    assert label("caveat", "nl").startswith("Woonplaats is niet werkplaats")


def test_unknown_key_or_language_is_a_key_error():
    with pytest.raises(UnknownLabelError, match="No label nope"):
        label("nope", "nl")
    with pytest.raises(KeyError, match="Unknown language 'de'"):
        label("caveat", "de")


def test_the_caveat_words_are_only_in_the_catalogue():
    """Residence is not workplace, density is not shortage: written once, in regio/labels.py."""
    from pathlib import Path

    package = Path(labels.__file__).parent
    words = ("werkplaats", "workplace", "geen tekort", "not shortage")
    found = [f"{path.relative_to(package)}: {w}" for path in sorted(package.rglob("*.py")) if path.name != "labels.py"
             for w in words if w in path.read_text(encoding="utf-8").lower()]
    assert found == []
    assert label("caveat.residence", "en") == "Residence is not workplace."
    assert label("caveat", "en").startswith("Residence is not workplace, and density is not shortage")


def test_the_index_page_and_the_word_columns_use_the_catalogue():
    import pandas as pd

    from regio.report.index_page import index_html

    for lang in labels.LANGUAGES:
        assert label("caveat", lang) in index_html([], [], lang=lang)
    words = labels.comparison_words(pd.Series(["below", None, "similar"]), "regions", "nl")
    assert words.tolist()[0] == "lager dan het gemiddelde" and pd.isna(words[1])
    assert list(words.cat.categories) == list(labels.comparison_labels("regions", "nl").values())
    with pytest.raises(UnknownLabelError, match="No words for the codes lower"):
        labels.band_words(pd.Series(["lower"]))


def test_allocation_key_labels_come_from_the_catalogue():
    from regio.allocation import KEY_LABELS, KEYS

    assert {lang: {k: label(f"key.{k}", lang) for k in KEYS} for lang in labels.LANGUAGES} == KEY_LABELS
    assert KEY_LABELS["nl"]["need"] == "zorgbehoefte (inwoners gewogen naar huisartscontacten per leeftijd)"
    assert KEY_LABELS["en"]["shortfall"] == "shortfall of GPs against the norm"
    # map titles use the shorter name where there is one
    assert [labels.key_label(k, "nl", short=True) for k in KEYS] == ["inwoners", "zorgbehoefte (leeftijd)",
                                                                     "tekort t.o.v. norm", "mix van sleutels"]


#: English words that have no place in a Dutch text of the glossary (none of them is also a Dutch word); an English
#: term is allowed only in brackets after its Dutch wording, as in "empirische Bayes (Empirical Bayes)".
ENGLISH_WORDS = frozenset({
    "the", "and", "or", "with", "without", "file", "files", "below", "similar", "above", "under", "around",
    "catchment", "catchments", "empirical", "estimate", "estimated", "share", "national", "total", "inhabitants",
    "practices", "practice", "trainers", "trainees", "supply", "demand", "need", "distance", "number", "persons",
    "people", "regions", "region", "whole", "rounded", "count", "counts", "source", "sources", "gap", "gaps",
    "target", "advice", "intake", "stock", "mean", "average", "row", "rows", "year", "years", "level", "levels",
    "point", "points", "name", "names"})


def _english_words(text: str) -> set[str]:
    import re

    outside = re.sub(r"\([^()]*\)", " ", text)  # an English term in brackets, after the Dutch one, is allowed
    return {w for w in re.findall(r"[A-Za-z_]+", outside.lower()) if w in ENGLISH_WORDS}


def test_the_dutch_glossary_has_no_english_words():
    import re

    from regio._columns import _MEASURES, _SCENARIOS, _STOCKS, COLUMNS, column_entry

    assert _english_words("Empirical Bayes naar de buren") == {"empirical"}
    assert _english_words("empirische Bayes (Empirical Bayes) naar de buren") == set()
    composed = [*(f"{m}_{s}" for m in _MEASURES for s in _SCENARIOS), *(f"{s}_female" for s in _STOCKS),
                "fte_intake", "count_2018", "population_change"]
    found = {}
    for code in [*COLUMNS, *composed]:
        _kind, label_nl, _label_en, meaning_nl, _meaning_en = column_entry(code)
        words = _english_words(label_nl) | _english_words(meaning_nl)
        if words:
            found[code] = (sorted(words), label_nl, meaning_nl)
    assert not found, found
    # and the cell words that Excel shows in Dutch
    from regio._columns import CELL_WORDS

    cells = {f"{col}.{code}": words[0] for col, codes in CELL_WORDS.items() for code, words in codes.items()
             if _english_words(words[0]) and not re.fullmatch(r"[A-Z+]+", words[0])}
    assert not cells, cells


def _repeated_keys(source: str) -> list[tuple[int, object]]:
    """(line, key) of each key that a dict literal of ``source`` repeats (Python keeps only its last value)."""
    import ast

    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            seen = set()
            for key in node.keys:  # None for a ** unpacking
                if isinstance(key, ast.Constant):
                    if key.value in seen:
                        out.append((key.lineno, key.value))
                    seen.add(key.value)
    return out


def test_the_catalogue_modules_repeat_no_key():
    from pathlib import Path

    import regio

    assert _repeated_keys('{"a": 1, "b": 2, "a": 3}') == [(1, "a")]  # the check finds a repeated key
    assert _repeated_keys('{"a": {"nl": 1, "en": 2}, "b": {"nl": 1, "en": 2}}') == []
    root = Path(regio.__file__).parent
    modules = [root / "labels.py", root / "_columns.py", *sorted((root / "_messages").glob("*.py"))]
    assert len(modules) > 5
    found = {str(p.relative_to(root)): keys for p in modules if (keys := _repeated_keys(p.read_text(encoding="utf-8")))}
    assert not found, found
