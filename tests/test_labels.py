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
