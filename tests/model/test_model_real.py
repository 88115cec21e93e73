"""The GP model on the real parameter file: reading every round, reproducing the published 2025 round."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from regio.errors import InputError
from regio.model import available_rounds, decompose, demand, intake_advice, read_parameters, supply
from regio.model.parameters import VARIANTS, apply_overrides
from regio.model.published import PUBLISHED, compare_rounds, reproduction_2025
from regio.sources.capaciteitsorgaan import PARAMETER_FILE, read_parameter_table

ROUNDS = (2010, 2013, 2016, 2019, 2022, 2025)


def test_every_round_and_variant_reads(real_data):
    assert available_rounds(data_dir=real_data) == list(ROUNDS)
    for raming in ROUNDS:
        for variant in VARIANTS:
            p = read_parameters(raming, variant, data_dir=real_data)
            assert (p.raming, p.variant, p.basisjaar) == (raming, variant, raming)
            assert p.bijsturingsjaar == raming + 2 and p.evenwichtsjaar2 > p.evenwichtsjaar1 > raming
            assert 10_000 < p.aanbod_personen < 15_000
            assert 3.0 <= p.opleidingsduur <= 3.2
            advice = intake_advice(p).advice
            assert 300 < advice < 3000
    # values as printed in the file (decimal commas), 2019 from the column raming_2019_demo
    p19 = read_parameters(2019, "hoog", data_dir=real_data)
    assert (p19.aanbod_personen, p19.onv_vraag, p19.opleidingsduur, p19.werkzame_uren_man) == (12766, 0.05, 3.1, 46.6)
    assert read_parameters(2010, data_dir=real_data).werkzame_uren_vrouw is None  # no time-use survey in 2010
    table = read_parameter_table(data_dir=real_data)
    assert table.loc["opleidingsduur_nominaal", 2025] == "3" and table.loc["opleidingsduur", 2025] == "3,2"


REPRODUCTION = {  # published figures of the 2025 round (Capaciteitsplan huisartsgeneeskunde 2025)
    "base_fte": 10_769, "demand_demography_2043": 13_018, "demand_full_2043": 16_403,
    "supply_2043_current_intake": 13_838, "advice": 1_026,
}


def test_2025_round_reproduced_within_one_percent(real_data):
    p = read_parameters(2025, "midden", data_dir=real_data)
    full, demo = intake_advice(p, scenario="full"), intake_advice(p, scenario="demography")
    assert full.year == 2043 and full.from_year == 2027
    model = {"base_fte": supply(p)["fte"].iloc[0], "demand_demography_2043": demo.demand_fte,
             "demand_full_2043": full.demand_fte, "supply_2043_current_intake": full.supply_fte,
             "advice": full.advice}
    for key, published in REPRODUCTION.items():
        assert model[key] == pytest.approx(published, rel=0.01), key
    table = reproduction_2025(p)
    assert (table["difference_pct"].abs() < 1).all()
    # the unfulfilled demand in FTE is the published vacancy figure (678 FTE)
    assert decompose(p).loc["onv_vraag", "fte"] == pytest.approx(678, abs=1)


def test_2019_published_range_is_work_process_to_working_time(real_data):
    # The 2019 advice was published as 822-935 (preferred 879, their midpoint). The model's work-process
    # scenario and work-process-plus-working-time scenario give the two ends; nothing is fitted.
    p = read_parameters(2019, data_dir=real_data)
    low, high = intake_advice(p, scenario="workprocess").advice, intake_advice(p, scenario="working_time").advice
    assert low == pytest.approx(PUBLISHED[2019].advice_low, rel=0.01)
    assert high == pytest.approx(PUBLISHED[2019].advice_high, rel=0.01)


def test_compare_rounds_lists_published_advice(real_data):
    comp = compare_rounds({r: read_parameters(r, data_dir=real_data) for r in ROUNDS})
    assert list(comp.index) == list(ROUNDS)
    assert comp.loc[2022, "published"] == 1190 and comp.loc[2016, "published"] == 630
    assert np.isnan(comp.loc[2010, "published"])
    assert comp.loc[2025, "difference_pct"] == pytest.approx(
        (intake_advice(read_parameters(2025, data_dir=real_data)).advice / 1026 - 1) * 100)


def test_real_decomposition_and_what_if(real_data):
    p = read_parameters(2025, data_dir=real_data)
    d = decompose(p)
    a = intake_advice(p)
    assert d["trainees"].sum() == pytest.approx(a.advice - a.current_intake)
    assert d.loc["uitstroom", "trainees"] > d.loc["demografie", "trainees"] > 0
    hours = apply_overrides(p, {"uren_per_week": 45})
    assert intake_advice(hours).advice > a.advice
    assert demand(hours).equals(demand(p))  # fewer hours per GP: supply falls, demand stays


# ----------------------------------------------------------------------------- errors naming the problem

@pytest.fixture
def param_copy(real_data, tmp_path):
    target = tmp_path / "capaciteitsorgaan"
    target.mkdir()
    shutil.copy(real_data.joinpath(*PARAMETER_FILE), target / PARAMETER_FILE[1])
    return tmp_path


def _edit(root, fn):
    path = root.joinpath(*PARAMETER_FILE)
    text = path.read_text(encoding="utf-8-sig")
    path.write_text("\ufeff" + fn(text), encoding="utf-8")


def test_missing_round_and_variant_named(real_data):
    with pytest.raises(InputError, match=r"No round 2020 .*rounds available: 2010, 2013, 2016, 2019, 2022, 2025"):
        read_parameters(2020, data_dir=real_data)
    with pytest.raises(InputError, match="Unknown variant 'gemiddeld'"):
        read_parameters(2025, "gemiddeld", data_dir=real_data)


def test_missing_parameter_named(param_copy):
    _edit(param_copy, lambda t: "\n".join(line for line in t.splitlines() if ";epi_midden;" not in line))
    with pytest.raises(InputError, match="parameters missing from the file: epi_midden"):
        read_parameters(2025, data_dir=param_copy)
    assert read_parameters(2025, "hoog", data_dir=param_copy).epi == 0.01  # other variants still read


def test_unparseable_and_empty_values_named(param_copy):
    def corrupt(text):
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if ";intern_rendement3;" in line:
                lines[i] = line.rsplit(";", 1)[0] + ";0,94x"
            if ";fte_man_basis_tien;" in line:
                lines[i] = line.rsplit(";", 1)[0] + ";"
        return "\n".join(lines)

    _edit(param_copy, corrupt)
    with pytest.raises(InputError) as exc:
        read_parameters(2025, data_dir=param_copy)
    msg = str(exc.value)
    assert "intern_rendement3 = '0,94x'" in msg and "fte_man_basis_tien" in msg and "round 2025" in msg
    assert read_parameters(2022, data_dir=param_copy).intern_rendement3 == 0.943


def test_institute_level_without_membership_says_how(real_data):
    from regio.errors import InputError
    from regio.model.inputs import load_regional_inputs

    with pytest.raises(InputError, match=r"membership=institute_membership\(2024\)"):
        load_regional_inputs("instituut", data_dir=real_data)
