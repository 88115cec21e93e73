"""Run expansion planning on the data directory: hospitals as candidates, municipalities weighted by inhabitants.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> res = run_expansion(range(0, 3))
>>> res.table["k"].tolist()[:1], res.table.groupby("k")["objective_inhabitant_km"].first().is_monotonic_decreasing
([0], True)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from regio import data
from regio.data.shipped import institutes
from regio.data.trainers import hospitals
from regio.recruitment import distance_matrix
from regio.text import t
from regio.trainers.expand import Expansion, expansion_plan

__all__ = ["ExpansionResult", "run_expansion"]


@dataclass
class ExpansionResult:
    """Expansion planning for each k.

    Attributes
    ----------
    table
        Per ``k`` and new location: the hospital's name and place, the
        institute it joins, the municipalities and inhabitants it takes
        over, the objective (inhabitant-weighted km) and the mean distance (km).
    solves
        The :class:`~regio.trainers.expand.Expansion` per ``k``.
    municipal
        Per municipality: the institute of the nearest existing location
        (``k = 0``) and the location serving it at the largest ``k``.
    notes
        Method and sources.
    """

    table: pd.DataFrame
    solves: dict[int, Expansion]
    municipal: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def run_expansion(ks: Iterable[int] = range(0, 6), *, year: int = 2024, kinds: tuple[str, ...] | None = None,
                  satellites: bool = True, data_dir: str | Path | None = None, lang: str = "nl") -> ExpansionResult:
    """Choose k new training locations among the hospitals, the existing locations fixed.

    Parameters
    ----------
    ks
        Numbers of new locations to try.
    year
        Municipal division and population year.
    kinds
        Hospital kinds to consider (:func:`regio.data.trainers.hospitals`; all 265 by default).
    satellites
        Count the satellite locations as existing.
    data_dir
        Data directory.
    lang
        Language of the notes.

    Returns
    -------
    ExpansionResult
    """
    ks = sorted({int(k) for k in ks})
    shapes = data.boundaries("gemeente", year, data_dir=data_dir)
    pop = data.population("gemeente", year, data_dir=data_dir)["population"].reindex(shapes.index).astype(float)
    centres = data.population_centres(year, data_dir=data_dir).loc[shapes.index]
    loc = institutes()
    if not satellites:
        loc = loc[loc["kind"] == "main"]
    cand = hospitals(kinds=kinds, data_dir=data_dir)
    cand = cand.to_crs(loc.crs)[["name", "place", "kind", cand.geometry.name]]
    points = pd.concat([loc[[loc.geometry.name]], cand[[cand.geometry.name]]])
    cost = distance_matrix(centres, points)
    existing = list(loc.index)
    institute_of = loc["institute_id"].astype(str).to_dict()
    table, solves = expansion_plan(cost, pop, existing=existing, institute_of=institute_of, ks=ks)
    table.insert(2, "name", table["location"].map(cand["name"]).fillna(""))
    table.insert(3, "place", table["location"].map(cand["place"]).fillna(""))
    table["objective"] = table["objective"].round(0)
    table["mean_distance_km"] = table.pop("mean_distance").round(2)
    table = table.rename(columns={"weight": "inhabitants", "objective": "objective_inhabitant_km"})
    municipal = pd.DataFrame({"statnaam": shapes["statnaam"],
                              "institute_k0": solves[ks[0]].location.map(institute_of) if ks[0] == 0 else "",
                              f"location_k{ks[-1]}": solves[ks[-1]].location}, index=shapes.index)
    notes = [t(lang, f"Kandidaten: {len(cand)} ziekenhuizen (VZinfo/RIVM 2016); bestaande {len(existing)} locaties "
                     "vast; minimaliseert de naar inwoners gewogen hemelsbrede afstand (EPSG:28992) van het "
                     "zwaartepunt van elke gemeente tot de dichtstbijzijnde locatie (p-median, HiGHS via "
                     "scipy.optimize.milp).",
               f"Candidates: {len(cand)} hospitals (VZinfo/RIVM 2016); the {len(existing)} existing locations fixed; "
               "minimises the inhabitant-weighted straight-line distance (EPSG:28992) from each municipality's "
               "population-weighted centre to its nearest location (p-median, HiGHS via scipy.optimize.milp).")]
    return ExpansionResult(table=table, solves=solves, municipal=municipal, notes=notes)
