"""The data layer: boundaries, population, physicians and geography for any level and year.

This facade joins the readers of :mod:`regio.sources` (the only code that
touches files or the network) with the pure functions of
:mod:`regio.geography`. Everything is keyed by CBS code, computed once per
process and returned as a fresh copy, so callers may change what they get.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> import regio
>>> prov = regio.population("provincie", 2024)
>>> int(prov["population"].sum())
17942942
"""

from regio.data.populations import population, population_years
from regio.data.practices import pc4_municipalities, place_practices, practices
from regio.data.regions import (
    aggregate_to,
    boundaries,
    carry_to,
    crosswalk,
    divisions,
    membership,
    nearest_boundary_year,
    population_centres,
    region_names,
    unit_membership,
)
from regio.data.workforce import gp_counts, physicians

__all__ = [
    "aggregate_to",
    "boundaries",
    "carry_to",
    "crosswalk",
    "divisions",
    "gp_counts",
    "membership",
    "nearest_boundary_year",
    "pc4_municipalities",
    "physicians",
    "place_practices",
    "population",
    "population_centres",
    "population_years",
    "practices",
    "region_names",
    "unit_membership",
]
