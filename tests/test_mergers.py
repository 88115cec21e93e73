"""Municipal changes before 2016 derived from the population: whole mergers go wholly to their successor.

Made-up steps (the rule of ``geography.derive_step``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from regio import geography
from regio.errors import InputError

# ----------------------------------------------------------------------------- made-up steps

# MADE-UP counts of one 1 January, not real municipalities. On 31 December (``before``) GM0001..GM0008;
# on 1 January (``after``): GM0002 + GM0003 merged into the new GM0009; GM0004 joined GM0001 whole;
# GM0005 was split between GM0001 (300 people) and GM0009 (200); GM0006 was renamed GM0010;
# GM0007 handed 40 people to GM0008 in a boundary correction.
MADE_UP_BEFORE = pd.Series({"GM0001": 10_000, "GM0002": 2_000, "GM0003": 1_500, "GM0004": 700,
                            "GM0005": 500, "GM0006": 3_000, "GM0007": 900, "GM0008": 1_200})
MADE_UP_AFTER = pd.Series({"GM0001": 11_000, "GM0007": 860, "GM0008": 1_240, "GM0009": 3_700, "GM0010": 3_000})


def test_made_up_step_whole_mergers_split_renaming_and_a_boundary_correction():
    step = geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER)
    got = {(f, t): (w, r) for f, t, w, r in step[["from_code", "to_code", "weight", "rule"]].itertuples(index=False)}
    assert got == {
        ("GM0002", "GM0009"): (2000, "whole"), ("GM0003", "GM0009"): (1500, "whole"),
        ("GM0004", "GM0001"): (700, "whole"), ("GM0006", "GM0010"): (3000, "whole"),
        ("GM0005", "GM0001"): (300, "split"), ("GM0005", "GM0009"): (200, "split"),
        ("GM0007", "GM0007"): (860, "boundary"), ("GM0007", "GM0008"): (40, "boundary"),
    }
    assert step.attrs["ties"] == 0 and step.attrs["split"] == ["GM0005"]
    # every old municipality's people are all accounted for, and every new one's
    assert step.groupby("from_code")["weight"].sum().to_dict() == {
        c: MADE_UP_BEFORE[c] for c in step["from_code"].unique()}


def test_made_up_step_the_area_overlay_decides_which_municipality_was_split():
    # GM0001 (300) and GM0002 (500) disappear; the new GM0009 gains 650 and GM0005 150.
    before = pd.Series({"GM0001": 300, "GM0002": 500, "GM0005": 1000})
    after = pd.Series({"GM0005": 1150, "GM0009": 650})
    alone = geography.derive_step(before, after)  # the counts alone: the smaller one split (fewer people split)
    assert alone.attrs["split"] == ["GM0001"]
    # the boundaries say GM0001 lies only in GM0009: then GM0002 was split
    allowed = pd.DataFrame({"from_code": ["GM0001", "GM0002", "GM0002", "GM0005"],
                            "to_code": ["GM0009", "GM0009", "GM0005", "GM0005"]})
    bounded = geography.derive_step(before, after, allowed=allowed)
    assert bounded.attrs["split"] == ["GM0002"]
    assert bounded.set_index(["from_code", "to_code"])["weight"].to_dict() == {
        ("GM0001", "GM0009"): 300, ("GM0002", "GM0005"): 150, ("GM0002", "GM0009"): 350}


def test_made_up_step_that_the_counts_cannot_decide_reports_the_ties():
    before = pd.Series({"GM0001": 100, "GM0002": 100})
    after = pd.Series({"GM0008": 100, "GM0009": 100})
    assert geography.derive_step(before, after).attrs["ties"] == 1


def test_made_up_counts_of_different_days_are_refused():
    with pytest.raises(InputError, match="differ by -5 people"):
        geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER - pd.Series({"GM0001": 5}).reindex(MADE_UP_AFTER.index,
                                                                                               fill_value=0))
    allowed = pd.DataFrame({"from_code": ["GM0002"], "to_code": ["GM0001"]})
    with pytest.raises(InputError, match="No assignment"):
        geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER, allowed=allowed)


def test_derived_steps_compose_with_the_exact_ones_in_a_crosswalk():
    step = geography.derive_step(MADE_UP_BEFORE, MADE_UP_AFTER).assign(from_year=2014, to_year=2015,
                                                                       basis="population")
    exact = pd.DataFrame({"from_year": [2016], "to_year": [2017], "from_code": ["GM0010"], "to_code": ["GM0001"],
                          "weight": [5]})
    divs = geography.derive_divisions({2014: MADE_UP_BEFORE.index, 2015: MADE_UP_AFTER.index}, exact,
                                      span=(2015, 2017))
    cw = geography.build_crosswalk(2014, 2017, divisions=divs, exact=exact, exact_span=(2016, 2017),
                                   derived=step, derived_years=[2014, 2015])
    assert cw.attrs["path"] == ["2014->2015 (derived from population)", "2015->2016 (derived from population)",
                                "2016->2017 (grenswijzigingen)"]
    shares = cw.set_index(["from_code", "to_code"])["share"]
    assert shares[("GM0002", "GM0009")] == 1 and shares[("GM0005", "GM0001")] == pytest.approx(0.6)
    assert shares[("GM0006", "GM0001")] == 1  # renamed in 2015, merged in 2017
    assert shares[("GM0007", "GM0008")] == pytest.approx(40 / 900)
