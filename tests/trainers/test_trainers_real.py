"""Trainer forecast on the real data directory: intake 1,026 against 720, a trainer list, where to recruit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regio import data
from regio.data.trainers import trainer_counts, trainer_list
from regio.errors import InputError
from regio.trainers.run import TrainerSpec, run_trainers

IDS = ["amc", "erasmusmc", "lumc", "mumc", "radboudumc", "umcg", "umcu", "vumc"]


@pytest.fixture(scope="module")
def runs(real_data):
    return {n: run_trainers(TrainerSpec(intake=n, horizon=2040), data_dir=real_data) for n in (720, 1026)}


def test_1026_needs_at_least_as_many_trainers_as_720_from_2030(runs):
    a, b = runs[1026].table, runs[720].table
    later = a.index.get_level_values("year") >= 2030
    assert (a.loc[later, "required"] >= b.loc[later, "required"]).all()
    assert (a.loc[later, "required"] > b.loc[later, "required"]).any()


def test_national_row_is_the_sum_of_the_8_institutes(runs):
    for res in runs.values():
        table = res.table
        assert sorted(set(table.index.get_level_values("institute")) - {"NL"}) == IDS
        inst = table.drop(index="NL", level="institute").groupby(level="year").sum()
        pd.testing.assert_frame_equal(inst, table.loc["NL"], check_dtype=False)


def test_estimated_base_is_the_national_1700_split_by_gp_share(runs):
    res = runs[1026]
    assert res.estimated
    assert int(res.summary.loc["NL", "base_trainers"]) == 1700
    assert any("ESTIMATE" in n or "SCHATTING" in n for n in res.notes)
    assert res.municipal["trainers_estimated"].all()


def test_intake_splits_exactly_over_the_institutes(runs):
    nl = runs[1026].table.loc["NL"]
    assert (nl.loc[2027:, "intake"] == 1026).all()
    assert (nl.loc[:2026, "intake"] == 718).all()  # the current intake of round 2025


def test_recruit_targets_add_up_to_each_gap_and_practices_are_real(runs):
    res = runs[1026]
    mun = res.municipal
    assert len(mun) == 342
    assert int(mun["practices"].sum()) == 4866
    sums = mun.groupby("institute")["recruit_target"].sum()
    gaps = res.summary["gap_target"].drop("NL").clip(lower=0)
    assert sums.reindex(gaps.index, fill_value=0).to_dict() == gaps.to_dict()


def test_a_list_of_n_rows_gives_n_base_trainers_in_the_right_institute(real_data, tmp_path):
    pc4 = data.pc4_municipalities(2024, data_dir=real_data)
    member = run_trainers(TrainerSpec(), data_dir=real_data).municipal["institute"]
    some = pc4.index[:: max(len(pc4) // 25, 1)][:25]
    rows = [(IDS[k % 8], code, 1950 + k) for k, code in enumerate(some)]
    path = tmp_path / "made_up_list.csv"
    path.write_text("instituut,pc4,geboortejaar\n" + "".join(f"{i},{c},{b}\n" for i, c, b in rows), encoding="utf-8")
    listed = trainer_list(path, data_dir=real_data)
    assert len(listed) == len(rows)
    res = run_trainers(TrainerSpec(trainers=listed), data_dir=real_data)
    assert not res.estimated
    base = res.summary["base_trainers"]
    expected = pd.Series([i for i, _, _ in rows]).value_counts().reindex(IDS, fill_value=0)
    assert base.drop("NL").to_dict() == expected.to_dict()
    assert int(base["NL"]) == len(rows)
    # each trainer in the municipality of its PC4 area, once
    assert int(res.municipal["trainers"].sum()) == len(rows)
    assert set(listed["statcode"]) <= set(member.index)


def test_unknown_institute_and_place_rows_are_refused_by_row(real_data, tmp_path):
    path = tmp_path / "bad_list.csv"
    path.write_text("instituut,gemeentecode,pc4\namc,GM0363,\nGroningen,GM0014,\numcg,GM9999,\nlumc,,5028\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        trainer_list(path, data_dir=real_data)
    text = str(err.value)
    assert "3 row(s) of the trainer list refused" in text
    assert "row 3, column instituut (A): unknown institute 'Groningen'" in text
    assert "row 4, column gemeentecode (B): GM9999 is not a municipality of 2024" in text
    assert "row 5, column pc4 (C): PC4 5028 has no area" in text


def test_counts_per_municipality_sum_into_the_areas(real_data, tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("gemeentecode,opleiders\nGM0363,40\nGM0014,30\nGM0935,20\n", encoding="utf-8")
    counts = trainer_counts(path, data_dir=real_data)
    res = run_trainers(TrainerSpec(trainers=counts), data_dir=real_data)
    assert int(res.summary.loc["NL", "base_trainers"]) == 90
    assert int(res.summary.loc["mumc", "base_trainers"]) == 20


def test_command_writes_tables_chart_and_map(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    out = {}
    for n in ("720", "1026"):
        folder = tmp_path / n
        result = CliRunner().invoke(main, ["--data-dir", str(real_data), "trainers", "--intake", n, "--lang", "en",
                                           "--out", str(folder)])
        assert result.exit_code == 0, result.output
        assert "ESTIMATE" in result.output
        out[n] = pd.read_csv(folder / "trainers_2025_2035_forecast.csv", index_col=["institute", "year"])
        for name in ("summary.csv", "summary.xlsx", "where_to_recruit.xlsx", "chart.png", "chart.html",
                     "map.html", "map.png"):
            assert (folder / f"trainers_2025_2035_{name}").is_file(), name
        html = (folder / "trainers_2025_2035_chart.html").read_text(encoding="utf-8")
        # self-contained: the chart is the PNG, embedded
        assert "<img src='data:image/png;base64," in html and "http" not in html.split("<img")[0]
    for table in out.values():
        inst = table.drop(index="NL", level="institute").groupby(level="year").sum()
        assert (inst["required"] == table.loc["NL", "required"]).all()
    later = out["1026"].index.get_level_values("year") >= 2030
    assert (out["1026"].loc[later, "required"] >= out["720"].loc[later, "required"]).all()


def test_command_refuses_bad_intake(real_data):
    from click.testing import CliRunner

    from regio.cli import main

    result = CliRunner().invoke(main, ["--data-dir", str(real_data), "trainers", "--key", "places"])
    assert result.exit_code == 2
    assert "fout: --key places vraagt een instroomtabel" in result.output  # Dutch by default
    result = CliRunner().invoke(main, ["--data-dir", str(real_data), "trainers", "--key", "places", "--lang", "en"])
    assert result.exit_code == 2 and "--key places needs an intake table" in result.output


def test_the_lists_trainees_at_once_divide_the_institutes_need(real_data, tmp_path):
    path = tmp_path / "made_up_aios.csv"
    path.write_text("instituut,gemeentecode,aios\nlumc,GM0546,2\nlumc,GM0518,2\numcg,GM0014,\n", encoding="utf-8")
    listed = trainer_list(path, data_dir=real_data)
    with_list = run_trainers(TrainerSpec(trainers=listed), data_dir=real_data).table
    without = run_trainers(TrainerSpec(), data_dir=real_data).table
    lumc = with_list.loc["lumc"]
    assert (lumc["required"] == np.ceil(lumc["in_practice"] / 2 - 1e-9)).all()
    assert (lumc["required"] < without.loc["lumc", "required"]).all()
    assert (with_list.loc["umcg", "required"] == without.loc["umcg", "required"]).all()


def test_command_takes_a_list_and_an_intake_table(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    trainers = tmp_path / "made_up_list.csv"
    trainers.write_text("instituut;postcode;leeftijd\n" + "".join(f"{i};3584 CX;{40 + k}\n"
                                                               for k, i in enumerate(IDS * 3)), encoding="utf-8")
    intake = tmp_path / "made_up_intake.csv"
    intake.write_text("instituut,jaar,aangeboden,gevuld\n" + "".join(f"{i},2025,100,{50 + 5 * k}\n"
                                                                     for k, i in enumerate(IDS)), encoding="utf-8")
    folder = tmp_path / "out"
    result = CliRunner().invoke(main, ["--data-dir", str(real_data), "trainers", "--trainers", str(trainers),
                                       "--intake", str(intake), "--lang", "en", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    summary = pd.read_csv(folder / "trainers_2025_2035_summary.csv", index_col="institute")
    assert summary["base_trainers"].drop("NL").tolist() == [3] * 8
    forecast = pd.read_csv(folder / "trainers_2025_2035_forecast.csv", index_col=["institute", "year"])
    filled = {i: 50 + 5 * k for k, i in enumerate(IDS)}
    assert forecast.xs(2025, level="year")["intake"].drop("NL").to_dict() == filled
    # from 2027 the advice of 1,026, split by the filled places of 2025
    later = forecast.xs(2027, level="year")["intake"]
    assert int(later["NL"]) == 1026 and later.drop("NL").is_monotonic_increasing
    assert "ESTIMATE — the national" not in result.output


def test_command_takes_a_recruitment_plan(real_data):
    from click.testing import CliRunner

    from regio.cli import main

    plan = ",".join(f"{i}=10" for i in IDS)
    result = CliRunner().invoke(main, ["--data-dir", str(real_data), "trainers", "--recruit", plan, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "recruit 80 a year" in result.output
    bad = CliRunner().invoke(main, ["--data-dir", str(real_data), "trainers", "--recruit", "amc=10"])
    assert bad.exit_code != 0 and "lumc" in bad.output


def test_counts_per_institute_are_told_by_their_codes_not_by_attrs(real_data):
    counts = pd.Series(dict.fromkeys(IDS, 100))  # built in Python: no attrs say what the codes are
    res = run_trainers(TrainerSpec(trainers=counts), data_dir=real_data)
    assert (res.summary.loc[IDS, "base_trainers"] == 100).all()
    with pytest.raises(InputError, match="institute id"):
        run_trainers(TrainerSpec(trainers=pd.Series({"nowhere": 3})), data_dir=real_data)


def test_dutch_notes_say_how_the_gps_were_estimated_in_dutch(real_data):
    """The second yardstick's GP method was English inside the Dutch notes ("GPs per province (by residence)")."""
    nl = run_trainers(TrainerSpec(intake=1026), data_dir=real_data, lang="nl").notes
    en = run_trainers(TrainerSpec(intake=1026), data_dir=real_data, lang="en").notes
    yard_nl = next(n for n in nl if n.startswith("Tweede maat"))
    yard_en = next(n for n in en if n.startswith("Second yardstick"))
    assert "huisartsen per provincie (naar woonplaats)" in yard_nl and "GPs per province" not in yard_nl
    assert "spread over" not in yard_nl and "(schatting)" in yard_nl
    assert "GPs per province (by residence)" in yard_en
