"""Municipality names in a counts file: matched up to accents and case, or refused naming file, row and column."""

from __future__ import annotations

import json
import warnings

import pytest

from regio.errors import InputError, RegioWarning
from regio.levels import level_of_code
from regio.sources.count_names import codes_of_names, is_name
from regio.sources.physicians import read_counts_file

# made-up municipalities (codes and names of no real division)
_MADE_UP = {"GM9001": "Ákerdam", "GM9002": "Noord-Vlietland", "GM9003": "'s-Testenbosch"}


def _data_dir(tmp_path):
    """A data directory with one made-up municipal boundary file of 2018 (three squares)."""
    features = [{"type": "Feature", "properties": {"statcode": code, "statnaam": name},
                 "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1000, 0], [x + 1000, 1000],
                                                                   [x, 1000], [x, 0]]]}}
                for x, (code, name) in zip((100000, 102000, 104000), _MADE_UP.items(), strict=True)]
    root = tmp_path / "data"
    (root / "boundaries").mkdir(parents=True)
    (root / "boundaries" / "gemeente_2018.geojson").write_text(json.dumps(
        {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
         "features": features}), encoding="utf-8")
    return root


def test_a_name_is_no_code_of_the_level_its_first_letters_spell():
    # "AMSTERDAM" starts with AM (arbeidsmarktregio) and was read as one
    assert level_of_code("AMSTERDAM") is None and level_of_code("AM01") == "arbeidsmarktregio"
    assert is_name("Amsterdam") and not is_name("GM0363") and not is_name("1011AB")


def test_names_are_read_as_codes_up_to_accents_and_case_with_a_warning(tmp_path):
    root = _data_dir(tmp_path)
    path = tmp_path / "counts.csv"
    path.write_text("gemeente,jaar,aantal\nakerdam,2018,10\nNOORD-VLIETLAND ,2018,7\nGM9003,2018,3\n",
                    encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = read_counts_file(path, profession="huisarts", data_dir=root)
    said = [w.message for w in caught if isinstance(w.message, RegioWarning)]
    assert [w.key for w in said] == ["src.counts_names_read"]
    assert "2 municipality name(s)" in str(said[0]) and "'akerdam' as GM9001 Ákerdam" in str(said[0])
    assert "2 gemeentenaam/-namen" in said[0].message("nl")
    assert counts["statcode"].tolist() == ["GM9001", "GM9002", "GM9003"]
    assert counts["statnaam"].tolist()[:2] == ["Ákerdam", "Noord-Vlietland"]
    assert set(counts["level"]) == {"gemeente"}
    assert counts["count"].sum() == 20  # nothing lost


def test_an_unknown_name_names_file_row_column_nearest_and_fix(tmp_path):
    root = _data_dir(tmp_path)
    path = tmp_path / "counts.csv"
    path.write_text("gemeente,jaar,aantal\nAkerdam,2018,10\nden testenbosch,2018,4\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_counts_file(path, profession="huisarts", data_dir=root)
    err = info.value
    assert err.key == "src.counts_unknown_names"
    text = str(err)
    assert "counts.csv, column 'gemeente'" in text and "row 3 ('den testenbosch'; nearest: 's-Testenbosch)" in text
    assert "give the CBS code" in text
    nl = err.message("nl")
    assert "kolom 'gemeente'" in nl and "rij 3" in nl and "dichtstbij: 's-Testenbosch" in nl


def test_codes_of_names_refuses_rather_than_guesses():
    with pytest.raises(InputError, match="Ákerdamm"):
        codes_of_names(["Ákerdamm"], _MADE_UP, file="f.csv", column="gemeente", rows=[2], division=2018)
    assert codes_of_names(["ÁKERDAM"], _MADE_UP, file="f.csv", column="gemeente", rows=[2],
                          division=2018) == ["GM9001"]


def test_a_row_of_only_nines_is_said_as_not_placed_in_both_languages(tmp_path):
    path = tmp_path / "made_up.csv"
    path.write_text("region,year,count\nGM0363,2018,900\nGM9999,2018,3\nGM0518,2018,600\n", encoding="utf-8")
    with pytest.warns(RegioWarning) as caught:
        counts = read_counts_file(path, profession="huisarts")
    said = [w.message for w in caught if w.message.key == "src.counts_unplaced_rows"]
    assert len(said) == 1
    assert str(said[0]).startswith("made_up.csv, column 'region': 1 row(s) read as 'niet in te delen'")
    assert "3 counted in no region" in str(said[0]) and "row 3 (GM9999)" in str(said[0])
    assert "rij 3 (GM9999)" in said[0].message("nl")
    assert counts["count"].sum() == 1503  # kept (in the totals), not dropped
    assert counts.set_index("statcode").loc["GM9999", "kind"] == "unplaced"
