"""The Capaciteitsorgaan's published GP figures per round, and the model beside them.

Only figures found in the project's source documents are listed, each with
where it comes from; rounds without a published figure there (2010, 2013)
have none.

Examples
--------
>>> PUBLISHED[2025].advice
1026
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from regio.errors import InputError
from regio.model.core import SCENARIOS, get_scenario, intake_advice, supply
from regio.model.parameters import GPParameters

__all__ = ["PUBLISHED", "Published", "compare_rounds", "reproduction_2025"]

_PLAN_2025 = ("Capaciteitsplan huisartsgeneeskunde 2025, Kernrapport "
              "(shared/docs/sources/capaciteitsplan_huisartsgeneeskunde_2025.txt)")


@dataclass(frozen=True)
class Published:
    """Published figures of one round (``None`` where not published in the sources)."""

    raming: int
    advice: int | None
    source: str
    advice_low: int | None = None
    advice_high: int | None = None
    from_year: int | None = None
    equilibrium_year: int | None = None
    base_fte: float | None = None
    demand_demography_fte: float | None = None
    demand_full_fte: float | None = None
    supply_fte: float | None = None
    current_intake: float | None = None


PUBLISHED: dict[int, Published] = {
    2025: Published(2025, 1026, _PLAN_2025, from_year=2027, equilibrium_year=2043, base_fte=10769,
                    demand_demography_fte=13018, demand_full_fte=16403, supply_fte=13838, current_intake=720),
    2022: Published(2022, 1190, "Capaciteitsplan 2024-2027 deelrapport 2 huisartsgeneeskunde (7 Dec 2022), cited as "
                    "'het vorige advies van 1.190 uit 2022' in the 2025 Kernrapport; "
                    "physicians/national_gp_workforce_and_training_facts.csv", from_year=2024),
    2019: Published(2019, 879, "LHV news on the Capaciteitsorgaan advice (822-935, preferred 879, from 2021); "
                    "physicians/national_gp_workforce_and_training_facts.csv", advice_low=822, advice_high=935,
                    from_year=2021),
    2016: Published(2016, 630, "LHV news ('advies 2016: 630 aios/jaar'); "
                    "physicians/national_gp_workforce_and_training_facts.csv"),
}


def reproduction_2025(params: GPParameters) -> pd.DataFrame:
    """Put the model's 2025 figures beside the published ones (``params`` must be round 2025).

    Parameters
    ----------
    params
        Parameters of round 2025, variant midden (the published figures are
        of that round and variant); what-if changes of other values are fine.

    Returns
    -------
    pandas.DataFrame
        One row per figure: ``model``, ``published``, ``difference_pct``;
        ``attrs["source"]`` names the Kernrapport.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> t = reproduction_2025(example_parameters())
    >>> t.loc["intake_advice", ["model", "published"]].round(1).tolist()
    [1027.5, 1026.0]
    >>> t["difference_pct"].abs().round(2).tolist()
    [0.0, 0.0, 0.0, 0.2, 0.14]
    >>> reproduction_2025(example_parameters().replace(raming=2019))
    Traceback (most recent call last):
    ...
    regio.errors.InputError: The published 2025 figures are of round 2025, variant midden; these parameters ...
    """
    if (int(params.raming), str(params.variant)) != (2025, "midden"):
        raise InputError(f"The published 2025 figures are of round 2025, variant midden; these parameters are of "
                         f"round {params.raming}, variant {params.variant}. Compare other rounds with "
                         "compare_rounds().", key="model.published_other_round", round=params.raming,
                         variant=params.variant)
    pub = PUBLISHED[2025]
    full = intake_advice(params, scenario="full")
    demo = intake_advice(params, scenario="demography")
    y = full.year
    rows = {
        "supply_base_fte": (float(supply(params)["fte"].iloc[0]), pub.base_fte),
        f"demand_demography_{y}_fte": (demo.demand_fte, pub.demand_demography_fte),
        f"demand_full_{y}_fte": (full.demand_fte, pub.demand_full_fte),
        f"supply_{y}_current_intake_fte": (full.supply_fte, pub.supply_fte),
        "intake_advice": (full.advice, float(pub.advice)),
    }
    table = pd.DataFrame(rows, index=["model", "published"]).T
    table["difference_pct"] = (table["model"] / table["published"] - 1) * 100
    table.index.name = "figure"
    table.attrs["source"] = pub.source
    return table


def compare_rounds(params: Mapping[int, GPParameters], *, scenario: str = "full") -> pd.DataFrame:
    """Put the model's advice per round, in every scenario, beside the published advice.

    Parameters
    ----------
    params
        Round -> parameter set (e.g. from :func:`regio.model.read_parameters`).
    scenario
        The scenario compared with the published advice in ``difference_pct``.

    Returns
    -------
    pandas.DataFrame
        Indexed by round: ``equilibrium_year``, ``from_year``, one column per
        scenario (``advice_full``, ``advice_demography``, ...), ``published``
        (the preferred value), ``published_range``, ``difference_pct``
        (``scenario`` vs published) and ``source``.

    Raises
    ------
    InputError
        For an unknown scenario.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> c = compare_rounds({2025: p, 2013: p.replace(raming=2013)})
    >>> int(c.loc[2025, "published"]), round(c.loc[2025, "advice_full"]), round(float(c.loc[2025, "difference_pct"]), 2)
    (1026, 1027, 0.14)
    >>> c.loc[2013, "source"]
    "no published advice in the project's sources"
    """
    sc = get_scenario(scenario)
    rows = {}
    for raming in sorted(params):
        p = params[raming]
        advices = {s: intake_advice(p, scenario=s).advice for s in SCENARIOS}
        pub = PUBLISHED.get(raming)
        rng = (f"{pub.advice_low}-{pub.advice_high}" if pub and pub.advice_low is not None else "")
        row: dict[str, object] = {"equilibrium_year": p.evenwichtsjaar2, "from_year": p.bijsturingsjaar}
        row.update({f"advice_{s}": a for s, a in advices.items()})
        row.update({
            "published": pub.advice if pub else None, "published_range": rng,
            "difference_pct": (advices[sc] / pub.advice - 1) * 100 if pub and pub.advice else None,
            "source": pub.source if pub else "no published advice in the project's sources",
        })
        rows[raming] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "raming"
    out.attrs["scenario"] = sc
    return out
