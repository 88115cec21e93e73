"""Recruitment areas of the GP training institutes: assignment, trainer capacity and gaps.

An institute area is a user-defined region level: every municipality belongs
to one *primary* institute (which leads trainer recruitment there) and may
have *joint* institutes (recruiting together; the GP then chooses). Three ways
to make that table all return the same frame (:data:`ASSIGNMENT_COLUMNS`):

* :func:`assign_from_agreement` -- from a table agreed between the institutes
  (the 2009 agreements were made municipality by municipality);
* :func:`assign_nearest` -- the nearest location (main or satellite) by
  straight-line distance in EPSG:28992 or by a travel-time matrix, with joint
  zones where the second-nearest institute is within a margin;
* :func:`assign_capacitated` -- each area must hold the trainers its intake
  needs, at the least population-weighted distance (a p-median with the 8
  fixed institutes and capacity constraints, solved as an integer programme
  with HiGHS through :func:`scipy.optimize.milp`).

Per area, :func:`area_summary` sums inhabitants, GPs and trainers, and
computes the target at a share of GPs (default 25%), the gap, the trainee
capacity and the split of a national extra-trainer target in whole numbers.

All functions are pure: frames in, new frames out; numbers are computed here
once and only drawn by :mod:`regio.maps.recruitment`. The numeric cores
(:func:`nearest_core`, :func:`capacitated_core`) work on cost matrices and
are tested with hand-made matrices; thin adapters build the matrices from
geometries.

Examples
--------
>>> import pandas as pd
>>> cost = pd.DataFrame({"a": [1.0, 9.0, 5.0], "b": [8.0, 2.0, 6.0]}, index=["GM1", "GM2", "GM3"])
>>> nearest_core(cost, institute_of={"a": "A", "b": "B"}, margin=1.5)[["institute", "joint"]]
    institute joint
GM1         A
GM2         B
GM3         A     B
"""

from regio.recruitment.assign import (
    assign_capacitated,
    assign_nearest,
    capacitated_core,
    distance_matrix,
    nearest_core,
    travel_time_matrix,
)
from regio.recruitment.counts import SPREADS, area_summary, estimate_gps, municipal_trainers
from regio.recruitment.institutes import (
    ASSIGNMENT_COLUMNS,
    DEFAULT_TARGET_SHARE,
    NATIONAL_TRAINERS_2009,
    NATIONAL_TRAINERS_TARGET,
    InfeasibleTargetError,
    assign_from_agreement,
    institute_aliases,
    joint_list,
    resolve_institutes,
    resolve_municipalities,
)
from regio.recruitment.run import (
    GP_YEAR,
    METHODS,
    RecruitmentResult,
    RecruitmentSpec,
    institute_membership,
    institute_shapes,
    municipal_gps,
    read_institute_values,
    run_recruitment,
)

__all__ = [
    "ASSIGNMENT_COLUMNS",
    "DEFAULT_TARGET_SHARE",
    "GP_YEAR",
    "METHODS",
    "NATIONAL_TRAINERS_2009",
    "NATIONAL_TRAINERS_TARGET",
    "SPREADS",
    "InfeasibleTargetError",
    "RecruitmentResult",
    "RecruitmentSpec",
    "area_summary",
    "assign_capacitated",
    "assign_from_agreement",
    "assign_nearest",
    "capacitated_core",
    "distance_matrix",
    "estimate_gps",
    "institute_aliases",
    "institute_membership",
    "institute_shapes",
    "joint_list",
    "municipal_gps",
    "municipal_trainers",
    "nearest_core",
    "read_institute_values",
    "resolve_institutes",
    "resolve_municipalities",
    "run_recruitment",
    "travel_time_matrix",
]
