"""The CBS proximity indicators per municipality: regio.sources.proximity and the regio.data facade."""

from __future__ import annotations

import math
import warnings

import pandas as pd
import pytest

import regio.data
from regio.errors import DataNotFoundError, InputError
from regio.sources import proximity as src

HEADER = ["year_of_kerncijfers", "gemeentecode", "gemeentenaam", *src.COLUMNS.values(), "jaar"]


def _write(root, name, rows, header=HEADER):
    (root / "tables").mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=header).to_csv(root / "tables" / name, index=False)
    return root / "tables" / name


def test_fetched_file_is_read_with_cbs_missing_codes_as_nan(tmp_path):
    _write(tmp_path, "proximity_gemeente_2023.csv", [
        [2023, "GM0014", "Groningen", 0.9, 1.8, 13.3, 26.0, 5.9, 1.1, 3.3, 2023],
        [2023, "GM0088", "Schiermonnikoog", -99997, 0.0, 0.0, 0.0, -99995, 0.6, 24.1, 2023],
    ])
    table = regio.data.proximity(2023, data_dir=tmp_path)
    assert list(table.columns) == [*regio.data.PROXIMITY_COLUMNS, "year"]
    assert table.index.name == "statcode" and list(table.index) == ["GM0014", "GM0088"]
    assert table.loc["GM0014", "huisartsenpraktijk_binnen_3km"] == 13.3
    assert math.isnan(table.loc["GM0088", "huisartsenpraktijk_afstand_km"])
    assert math.isnan(table.loc["GM0088", "huisartsenpost_afstand_km"])
    assert table.loc["GM0088", "huisartsenpraktijk_binnen_1km"] == 0.0  # a real zero stays zero
    assert (table["year"] == 2023).all()
    assert "2023" in table.attrs["source"] and "proximity_gemeente_2023.csv" in table.attrs["source"]
    assert regio.data.proximity_years(data_dir=tmp_path) == [2023]


def test_non_municipal_rows_are_left_out_and_copies_are_fresh(tmp_path):
    _write(tmp_path, "kerncijfers_gemeente_2021.csv", [
        [2021, "NL00", "Nederland", 1.0, 1.0, 5.0, 10.0, 7.0, 1.0, 5.0, 2021],
        [2021, "GM0014", "Groningen", 0.9, 1.8, 13.3, 26.0, 5.9, 1.1, 3.3, 2021],
    ])
    first = regio.data.proximity(2021, data_dir=tmp_path)
    assert list(first.index) == ["GM0014"]
    first.loc["GM0014", "apotheek_afstand_km"] = 99.0
    assert regio.data.proximity(2021, data_dir=tmp_path).loc["GM0014", "apotheek_afstand_km"] == 1.1


def test_kerncijfers_without_proximity_columns_falls_back_to_the_fetched_file(tmp_path):
    _write(tmp_path, "kerncijfers_gemeente_2022.csv", [["GM0014", "Groningen", 1]],
           header=["statcode", "statnaam", "population"])
    with pytest.raises(DataNotFoundError) as err:
        regio.data.proximity(2022, data_dir=tmp_path)
    message = str(err.value)
    assert "kerncijfers_gemeente_2022.csv exists without the proximity columns" in message
    assert "regio data fetch --what proximity --year 2022" in message
    _write(tmp_path, "proximity_gemeente_2022.csv", [
        [2022, "GM0014", "Groningen", 0.8, 1.9, 13.0, 25.0, 6.0, 1.0, 3.0, 2022]])
    assert regio.data.proximity(2022, data_dir=tmp_path).loc["GM0014", "huisartsenpraktijk_afstand_km"] == 0.8


def test_missing_year_names_the_years_there_are(tmp_path):
    _write(tmp_path, "proximity_gemeente_2023.csv", [
        [2023, "GM0014", "Groningen", 0.9, 1.8, 13.3, 26.0, 5.9, 1.1, 3.3, 2023]])
    with pytest.raises(DataNotFoundError, match=r"No CBS proximity indicators for 2021 .*Years with them: 2023"):
        regio.data.proximity(2021, data_dir=tmp_path)


@pytest.mark.parametrize(("value", "match"), [("abc", "non-numeric"), ("-3", "negative values")])
def test_bad_values_are_named(tmp_path, value, match):
    _write(tmp_path, "proximity_gemeente_2023.csv", [
        [2023, "GM0014", "Groningen", value, 1.8, 13.3, 26.0, 5.9, 1.1, 3.3, 2023]])
    with pytest.raises(InputError, match=match) as err:
        regio.data.proximity(2023, data_dir=tmp_path)
    assert "huisartsenpraktijk_gemiddelde_afstand_in_km" in str(err.value)


def test_duplicate_codes_are_refused(tmp_path):
    row = [2023, "GM0014", "Groningen", 0.9, 1.8, 13.3, 26.0, 5.9, 1.1, 3.3, 2023]
    _write(tmp_path, "proximity_gemeente_2023.csv", [row, row])
    with pytest.raises(InputError, match="GM0014"):
        regio.data.proximity(2023, data_dir=tmp_path)


def test_real_2024_matches_the_kerncijfers_file(real_data):
    table = regio.data.proximity(2024, data_dir=real_data)
    raw = pd.read_csv(real_data / "tables" / "kerncijfers_gemeente_2024.csv", dtype={"gemeentecode": str})
    raw = raw.set_index("gemeentecode")
    assert len(table) == 342 == len(raw)  # 342 municipalities on 1 January 2024 (CBS)
    for name, column in src.COLUMNS.items():
        pd.testing.assert_series_equal(table[name], raw.loc[table.index, column].astype(float),
                                       check_names=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        regio.data.proximity(2024, data_dir=real_data)
    # the Wadden islands are among the farthest from a hospital
    far = table["ziekenhuis_afstand_km"].nlargest(5).index
    # Schiermonnikoog, Terschelling, Vlieland, Ameland, Texel
    islands = {"GM0088", "GM0093", "GM0096", "GM0060", "GM0448"}
    assert len(islands & set(far)) >= 3
