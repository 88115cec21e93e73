"""Trainer forecast: readers of trainer lists, counts and intake; the pure forecast; where to recruit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio.errors import InputError, OptionError
from regio.sources import trainers as src
from regio.trainers import (
    TrainerSpec,
    available_trainers,
    forecast,
    intake_path,
    recruitment_needed,
    split_intake,
    trainees,
    where_to_recruit,
)

IDS = ["amc", "erasmusmc", "lumc", "mumc", "radboudumc", "umcg", "umcu", "vumc"]


# ----------------------------------------------------------------------------- readers

def test_trainer_list_reads_every_row_once(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("instituut;postcode;gemeentecode;leeftijd;startjaar;aios\n"
                    "amc;1105 AZ;;58;2010;1\nLUMC;;546;;;\n\numcg;9713GZ;;;2001;2\n", encoding="utf-8")
    rows = src.read_trainer_list(path)
    assert rows["row"].tolist() == [2, 3, 5]
    assert rows["statcode"].tolist()[1] == "GM0546"
    assert rows["pc4"].tolist()[0] == "1105"
    assert rows["age"].tolist()[0] == 58
    assert np.isnan(rows["age"].tolist()[1])
    assert rows.attrs["blank_rows"] == [4]


def test_trainer_list_names_every_bad_cell(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("instituut,postcode,geboortejaar,aios\n,1105 AZ,1961,1\namc,11A,19x1,0\numcg,,,\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        src.read_trainer_list(path)
    text = str(err.value)
    assert "bad.csv" in text and "nothing was read" in text
    assert "row 2, column instituut (A): empty" in text
    assert "row 3, column postcode (B): '11A' is not a Dutch postcode" in text
    assert "row 3, column geboortejaar (C): '19x1' is not a birth year" in text
    assert "row 3, column aios (D): '0' is not a number of trainees at once" in text
    assert "row 4: no place" in text


def test_trainer_list_needs_institute_and_place_columns(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("naam,postcode\nA,1105 AZ\n", encoding="utf-8")
    with pytest.raises(InputError, match="no institute column"):
        src.read_trainer_list(path)
    path.write_text("instituut,naam\namc,A\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column says where the practices are"):
        src.read_trainer_list(path)


def test_trainer_list_reads_excel(tmp_path):
    path = tmp_path / "list.xlsx"
    pd.DataFrame({"institute": ["amc", "umcu"], "pc4": [1105, 3584], "birth_year": [1960, 1975]}).to_excel(
        path, index=False)
    rows = src.read_trainer_list(path)
    assert rows["pc4"].tolist() == ["1105", "3584"]
    assert rows["birth_year"].tolist() == [1960.0, 1975.0]


def test_counts_and_intake_readers_refuse_bad_rows(tmp_path):
    counts = tmp_path / "counts.csv"
    counts.write_text("gemeentecode,opleiders\nGM0363,12\nXX,3\nGM0014,-1\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        src.read_trainer_counts(counts)
    assert "row 3, column gemeentecode (A): 'XX' is not a municipal code" in str(err.value)
    assert "row 4, column opleiders (B): '-1' is not a number of trainers" in str(err.value)
    both = tmp_path / "both.csv"
    both.write_text("instituut,gemeentecode,opleiders\namc,GM0363,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="one of the two"):
        src.read_trainer_counts(both)
    intake = tmp_path / "intake.csv"
    intake.write_text("instituut,jaar,aangeboden,gevuld\namc,2024,96,90\namc,2024,96,91\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3: amc 2024 is given twice"):
        src.read_intake(intake)


# ----------------------------------------------------------------------------- forecast

def test_split_intake_sums_exactly_every_year():
    national = intake_path(range(2023, 2036), advised=1026, advised_from=2027, current=718)
    split = split_intake(national, pd.Series(np.arange(1.0, 9.0) ** 1.3, index=IDS))
    assert (split.sum(axis=1) == national).all()
    assert (split.dtypes == "int64").all()


def test_trainees_follow_cohorts_with_dropout():
    intake = pd.DataFrame({"a": [100, 200, 300]}, index=[2023, 2024, 2025])
    t = trainees(intake, years=[2025], rendement=0.9)
    stay = [0.9 ** (k / 3) for k in range(3)]
    assert t["in_practice"].at[2025, "a"] == pytest.approx(300 * stay[0] + 100 * stay[2])
    assert t["in_training"].at[2025, "a"] == pytest.approx(300 * stay[0] + 200 * stay[1] + 100 * stay[2])
    with pytest.raises(InputError, match="lacks the years 2022"):
        trainees(intake, years=[2024], rendement=0.9)


def test_retirement_by_age_and_outflow_by_rate():
    born = pd.DataFrame({"institute": ["a"] * 4, "birth_year": [1950, 1959, 1962, 1990]})
    stay = available_trainers(pd.Series({"a": 100}), years=range(2025, 2031), base_year=2025, outflow_rate=0.1,
                              birth_years=born, retirement_age=67)
    # 1950 (past 67) leaves in 2026, 1959 in 2026, 1962 in 2029, 1990 stays; the 100 of unknown age at 10% a year
    by_age = [4, 2, 2, 2, 1, 1]
    by_rate = [round(100 * 0.9 ** k) for k in range(6)]
    assert stay["a"].tolist() == [a + r for a, r in zip(by_age, by_rate, strict=True)]


def test_recruitment_closes_the_gap_by_the_target_year():
    intake = pd.DataFrame({"a": [300] * 13, "b": [50] * 13}, index=range(2023, 2036))
    table, summary = forecast(intake, pd.Series({"a": 400, "b": 200}), base_year=2025, horizon=2035,
                              target_year=2030, rendement=0.94, outflow_rate=0.05)
    assert (table.xs(2030, level="year")["gap"].drop("NL") <= 0).all()
    assert summary.at["b", "recruit_per_year"] == 0  # b has more trainers than it needs
    assert summary.at["a", "recruit_per_year"] == recruitment_needed(
        float(summary.at["a", "gap_target"]), base_year=2025, target_year=2030, outflow_rate=0.05)
    # one recruit fewer a year would not close it
    assert summary.at["a", "gap_target"] > (summary.at["a", "recruit_per_year"] - 1) * sum(
        0.95 ** (2030 - j) for j in range(2026, 2031))


def test_national_row_is_the_sum_of_the_institutes():
    intake = pd.DataFrame({i: [10 * (k + 1)] * 11 for k, i in enumerate(IDS)}, index=range(2023, 2034))
    table, summary = forecast(intake, pd.Series(dict.fromkeys(IDS, 50)), base_year=2025, horizon=2033,
                              target_year=2030, rendement=0.94, share_target=pd.Series(dict.fromkeys(IDS, 30.0)))
    inst = table.drop(index="NL", level="institute")
    pd.testing.assert_frame_equal(inst.groupby(level="year").sum(), table.loc["NL"], check_dtype=False)
    assert (summary.loc["NL"] == summary.drop("NL").sum()).all()


def test_more_intake_needs_at_least_as_many_trainers():
    weights = pd.Series(np.arange(1.0, 9.0), index=IDS)
    out = {}
    for n in (720, 1026):
        intake = split_intake(intake_path(range(2023, 2041), advised=n, advised_from=2027, current=718), weights)
        out[n] = forecast(intake, pd.Series(dict.fromkeys(IDS, 200)), base_year=2025, horizon=2040,
                          target_year=2030, rendement=0.94)[0]
    later = out[720].index.get_level_values("year") >= 2030
    assert (out[1026].loc[later, "required"] >= out[720].loc[later, "required"]).all()


def test_spec_checks():
    with pytest.raises(OptionError) as err:
        TrainerSpec(key="places")
    assert err.value.kind == "places_without_table"
    with pytest.raises(InputError, match="base year < target year"):
        TrainerSpec(base_year=2030, target_year=2030)
    with pytest.raises(InputError, match="takes a table"):
        TrainerSpec(trainers="opleiders.csv")


# ----------------------------------------------------------------------------- where to recruit

def test_recruit_targets_add_up_to_each_institutes_gap():
    rng = np.random.default_rng(1)
    codes = [f"GM{i:04d}" for i in range(40)]
    inst = rng.choice(["a", "b", "c"], size=40)
    assignment = pd.DataFrame({"institute": inst, "joint": ""}, index=codes)
    practices = pd.Series(rng.integers(0, 30, 40), index=codes)
    trainers = pd.DataFrame({"trainers": rng.integers(0, 20, 40)}, index=codes)
    gps = pd.DataFrame({"gps": rng.integers(1, 60, 40), "gps_estimated": True}, index=codes)
    gap = pd.Series({"a": 37, "b": 0, "c": -4})
    out = where_to_recruit(assignment, population=pd.Series(1000, index=codes), gps=gps, practices=practices,
                           trainers=trainers, gap=gap)
    sums = out.groupby("institute")["recruit_target"].sum()
    assert sums.to_dict() == {"a": 37, "b": 0, "c": 0}
    assert (out["recruitable_practices"] == (practices - trainers["trainers"]).clip(lower=0).reindex(out.index)).all()


def test_trainees_per_trainer_per_institute_divides_the_need():
    intake = pd.DataFrame({"a": [100] * 6, "b": [100] * 6}, index=range(2023, 2029))
    table, _ = forecast(intake, pd.Series({"a": 0, "b": 0}), base_year=2025, horizon=2028, target_year=2028,
                        rendement=1.0, trainees_per_trainer=pd.Series({"a": 1.0, "b": 2.0}))
    row = table.xs(2026, level="year")
    assert row.at["a", "required"] == 200 and row.at["b", "required"] == 100
    with pytest.raises(InputError, match="positive for every institute"):
        forecast(intake, pd.Series({"a": 0, "b": 0}), base_year=2025, horizon=2028, target_year=2028,
                 rendement=1.0, trainees_per_trainer=pd.Series({"a": 1.0}))


def test_after_the_target_year_recruitment_keeps_the_gap_closed():
    intake = pd.DataFrame({"a": [100] * 4 + [200] * 12}, index=range(2023, 2039))
    table, summary = forecast(intake, pd.Series({"a": 150}), base_year=2025, horizon=2038, target_year=2028,
                              rendement=0.94, outflow_rate=0.06)
    a = table.loc["a"]
    assert (a.loc[2028:, "gap"] <= 0).all()
    assert (a.loc[2026:2028, "recruits"] == summary.at["a", "recruit_per_year"]).all()
    assert a.at[2025, "recruits"] == 0
    assert summary.at["a", "recruits_to_horizon"] == a["recruits"].sum()
    # recruits still there = last year's times (1 - outflow) plus this year's, rounded
    stock = 0.0
    for y in a.index:
        stock = stock * 0.94 + a.at[y, "recruits"]
        assert a.at[y, "recruited"] == round(stock)


def test_national_row_keeps_empty_columns_empty_and_sums_shortfalls_not_the_net_gap():
    # made-up intake and base: a is short, b has trainers to spare
    intake = pd.DataFrame({"a": [30] * 11, "b": [5] * 11}, index=range(2023, 2034))
    table, summary = forecast(intake, pd.Series({"a": 10, "b": 80}), base_year=2025, horizon=2033,
                              target_year=2030, rendement=0.94)
    nl = table.loc["NL"]
    assert nl["target_share_trainers"].isna().all() and nl["gap_to_share"].isna().all()  # no 25% target given
    by_hand = table.loc["a", "required"] + table.loc["b", "required"]
    assert nl["required"].tolist() == by_hand.tolist()
    a, b = summary.at["a", "gap_target"], summary.at["b", "gap_target"]
    assert a > 0 > b  # a short, b with trainers to spare
    assert summary.at["NL", "gap_target"] == a + b  # net
    assert summary.at["NL", "shortfall_target"] == a  # what must be recruited: b's surplus does not move to a
    assert summary.at["NL", "recruit_per_year"] == summary.at["a", "recruit_per_year"]


def test_cohorts_are_matched_by_year_not_by_row_order():
    intake = pd.DataFrame({"a": [100.0, 50.0, 100.0]}, index=[2025, 2023, 2024])  # unsorted
    t = trainees(intake, years=[2025], rendement=1.0)
    assert float(t["in_training"].at[2025, "a"]) == 250.0  # 2023 + 2024 + 2025
    assert float(t["in_practice"].at[2025, "a"]) == 150.0  # practice years 1 (2025) and 3 (2023)
