"""The municipal age structure of 2020 (10-year bands): reader, carrying, and the need key's age source."""

from __future__ import annotations

import pandas as pd
import pytest

import regio
from regio.data.populations import age_structure, split_bands
from regio.errors import InputError, UnknownYearError
from regio.sources.population import AGE_BANDS_10, AGE_STRUCTURE, read_age_structure

HEADER = "date,statcode,statnaam,veiligheidsregio," + ",".join(AGE_BANDS_10) + ",population_total\n"


def _write(tmp_path, rows: list[str]):
    path = tmp_path.joinpath(*AGE_STRUCTURE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return tmp_path


GOOD = "2020-01-01,GM0001,A,VR01,1,2,3,4,5,6,7,8,9,10,55"


def test_reader_reads_a_small_file(tmp_path):
    ages = read_age_structure(data_dir=_write(tmp_path, [GOOD]))
    assert ages.columns.tolist() == ["statnaam", "population", *AGE_BANDS_10]
    assert ages.loc["GM0001"].tolist() == ["A", 55, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


@pytest.mark.parametrize(("row", "where"), [
    ("2020-01-01,GM0002,B,VR01,1,2,3,4,5,6,7,8,9,x,55", "row 3, column age_90plus"),
    ("2020-01-01,GM0002,B,VR01,1,2.5,3,4,5,6,7,8,9,10,55", "row 3, column age_10_19"),
    ("2020-01-01,GM0002,B,VR01,1,2,3,4,5,6,7,8,9,10,56", "row 3, column population_total"),
    ("2020-01-01,GM0001,B,VR01,1,2,3,4,5,6,7,8,9,10,55", "row 2, column statcode"),
])
def test_a_bad_file_names_file_row_and_column(tmp_path, row, where):
    with pytest.raises(InputError) as exc:
        read_age_structure(data_dir=_write(tmp_path, [GOOD, row]))
    assert AGE_STRUCTURE[1] in str(exc.value) and where in str(exc.value), str(exc.value)


def test_a_missing_column_is_named(tmp_path):
    path = _write(tmp_path, [GOOD]).joinpath(*AGE_STRUCTURE)
    frame = pd.read_csv(path).drop(columns="age_50_59")
    frame.to_csv(path, index=False)
    with pytest.raises(InputError, match="missing column.s. age_50_59"):
        read_age_structure(data_dir=tmp_path)


def test_split_bands_keeps_people_and_halves_the_straddling_bands():
    ten = pd.DataFrame({b: [100] for b in AGE_BANDS_10})
    cbs = split_bands(ten).iloc[0]
    assert cbs.to_dict() == {"age_0_14": 150.0, "age_15_24": 100.0, "age_25_44": 200.0, "age_45_64": 200.0,
                             "age_65plus": 350.0}
    assert cbs.sum() == ten.sum(axis=1).iloc[0]


@pytest.mark.realdata
def test_the_2020_file_is_cbs(real_data):
    ages = read_age_structure(data_dir=real_data)
    assert len(ages) == 355 and int(ages["population"].sum()) == 17_407_585
    pub = regio.population("gemeente", 2020, data_dir=real_data)["population"]
    assert ages["population"].sort_index().equals(pub.sort_index().astype("int64"))


@pytest.mark.realdata
@pytest.mark.parametrize("division", [2021, 2022, 2023, 2024])
def test_carried_the_total_and_every_band_are_kept(real_data, division):
    st20 = age_structure(data_dir=real_data)
    st = age_structure(division, data_dir=real_data)
    assert int(st["population"].sum()) == 17_407_585
    assert st[list(AGE_BANDS_10)].sum().equals(st20[list(AGE_BANDS_10)].sum())
    assert (st[list(AGE_BANDS_10)].sum(axis=1) == st["population"]).all()
    assert set(st.index) == set(regio.population("gemeente", division, data_dir=real_data).index)
    assert st.attrs["division"] == division and "carried from the 2020" in st.attrs["method"]
    with pytest.raises(UnknownYearError, match="cannot be carried back"):
        age_structure(2019, data_dir=real_data)


@pytest.mark.realdata
def test_population_with_the_2020_structure(real_data):
    gm = regio.population("gemeente", 2023, age_bands="2020", data_dir=real_data)
    pub = regio.population("gemeente", 2023, data_dir=real_data)["population"]
    assert gm["population"].equals(pub.reindex(gm.index))  # the year's published population
    bands = ["age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65plus"]
    assert (gm[bands].sum(axis=1) == gm["population"]).all()
    assert gm.attrs["age_source"] == "2020" and "carried to the 2023 division" in gm.attrs["ages"]
    prov = regio.population("provincie", 2023, age_bands="auto", data_dir=real_data)
    assert prov.attrs["age_source"] == "2020" and int(prov["population"].sum()) == 17_811_291
    assert regio.population("provincie", 2024, age_bands="auto", data_dir=real_data).attrs["age_source"] == \
        "kerncijfers"
    assert regio.population("provincie", 2019, age_bands="auto", data_dir=real_data).attrs["age_source"] == \
        "national"


@pytest.mark.realdata
@pytest.mark.parametrize("year", [2021, 2023])
def test_need_key_with_the_2020_structure(real_data, year):
    from regio.allocation.run import run_allocation
    from regio.allocation.spec import AllocationSpec

    need = run_allocation(AllocationSpec(total=1026, level="provincie", year=year, key="need"),
                          data_dir=real_data, with_shapes=False, lang="en")
    pop = run_allocation(AllocationSpec(total=1026, level="provincie", year=year),
                         data_dir=real_data, with_shapes=False, lang="en")
    assert int(need.table["allocated"].sum()) == 1026
    assert any("Age bands of the need key: the municipal age structure of 1 January 2020" in n
               and f"carried to the {year} division" in n and "an assumption" in n for n in need.notes)
    # older regions get more: the difference follows the share of over-65s
    ratio = need.table["quota"] / pop.table["quota"] - 1  # more (> 0) or less per inhabitant than by population
    old = need.table["age_65plus"] / need.table["population"]
    assert ratio.corr(old) > 0.9
    assert need.table.loc["PV31", "allocated"] > pop.table.loc["PV31", "allocated"]  # Limburg more
    assert need.table.loc["PV28", "allocated"] < pop.table.loc["PV28", "allocated"]  # Zuid-Holland less
    nl = run_allocation(AllocationSpec(total=1026, level="provincie", year=year, key="need"),
                        data_dir=real_data, with_shapes=False, lang="nl")
    assert any("leeftijdsopbouw van 1 januari 2020" in n for n in nl.notes)


@pytest.mark.realdata
def test_need_key_age_source_is_a_choice(real_data):
    from regio.allocation.run import run_allocation
    from regio.allocation.spec import AllocationSpec

    kern = run_allocation(AllocationSpec(total=1026, year=2024, key="need"), data_dir=real_data, with_shapes=False,
                          lang="en")
    st = run_allocation(AllocationSpec(total=1026, year=2024, key="need", ages="2020"), data_dir=real_data,
                        with_shapes=False, lang="en")
    nat = run_allocation(AllocationSpec(total=1026, year=2024, key="need", ages="national"), data_dir=real_data,
                         with_shapes=False, lang="en")
    assert any("the kerncijfers of 2024" in n for n in kern.notes)
    assert any("carried to the 2024 division" in n for n in st.notes)
    assert any("national age profile" in n and "fallback" in n for n in nat.notes)
    # two municipal sources agree within a few places per province; the national profile follows the population
    assert (kern.table["allocated"] - st.table["allocated"]).abs().max() <= 2
    popkey = run_allocation(AllocationSpec(total=1026, year=2024), data_dir=real_data, with_shapes=False).table
    assert (nat.table["allocated"] - popkey["allocated"]).abs().max() <= 1
    with pytest.raises(InputError, match="ages="):
        AllocationSpec(total=10, key="need", ages="2019")


@pytest.mark.realdata
def test_cli_population_with_the_2020_structure(real_data):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "population", "--level", "provincie", "--year",
                                    "2023", "--age-bands", "--ages", "2020", "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "65+" in res.output and "17,811,291" in res.output
    assert "carried to the 2023 division" in res.output
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "population", "--ages", "2020"])
    assert res.exit_code == 2 and "--age-bands" in res.output


@pytest.mark.realdata
def test_without_municipal_age_bands_the_need_key_falls_back_to_the_national_profile(data_without):
    from regio.allocation.run import run_allocation
    from regio.allocation.spec import AllocationSpec
    from regio.errors import DataNotFoundError

    root = data_without("tables/population_gemeente_agebands10_2020.csv", "tables/kerncijfers_gemeente_2024.csv")
    res = run_allocation(AllocationSpec(total=100, year=2024, key="need"), data_dir=root, with_shapes=False,
                         lang="en")
    assert int(res.table["allocated"].sum()) == 100
    assert any("national age profile" in n and "as fallback" in n for n in res.notes)
    with pytest.raises(DataNotFoundError, match="agebands10_2020"):
        run_allocation(AllocationSpec(total=100, year=2024, key="need", ages="2020"), data_dir=root,
                       with_shapes=False)
