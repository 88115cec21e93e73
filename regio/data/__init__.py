"""The data layer: boundaries, population, physicians and geography for any level and year.

This facade joins the readers of :mod:`regio.sources` (the only code that
touches files or the network) with the pure functions of
:mod:`regio.geography`; it is the analysis packages' only way to the
sources (:mod:`regio.data.shipped` for what regio ships in ``geodata/``,
:mod:`regio.data.user_files` for files a user gives). Everything is keyed by CBS code, computed once per
process and returned as a fresh copy, so callers may change what they get.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> import regio
>>> prov = regio.population("provincie", 2024)
>>> int(prov["population"].sum())
17942942
"""

from regio.data.carry import carry_to, crosswalk
from regio.data.points import PC4Points, pc4_points
from regio.data.populations import (
    age_structure,
    counts_population,
    population,
    population_years,
    published_or_interpolated,
)
from regio.data.practices import pc4_municipalities, place_practices, practices
from regio.data.proximity import PROXIMITY_COLUMNS, proximity, proximity_years
from regio.data.regions import (
    aggregate_to,
    boundaries,
    divisions,
    membership,
    nearest_boundary_year,
    population_centres,
    region_names,
    unit_membership,
)
from regio.data.shipped import (
    figure_source,
    gp_contacts_by_age,
    institutes,
    national_age_profile,
    national_figure,
    national_figures,
)
from regio.data.workforce import (
    SectorChoice,
    choose_sector,
    gp_counts,
    nivel_gps,
    normalise_profession,
    parameter_rounds,
    parameter_table,
    physicians,
)

__all__ = [
    "PROXIMITY_COLUMNS",
    "PC4Points",
    "SectorChoice",
    "age_structure",
    "aggregate_to",
    "boundaries",
    "carry_to",
    "choose_sector",
    "counts_population",
    "crosswalk",
    "divisions",
    "figure_source",
    "gp_contacts_by_age",
    "gp_counts",
    "institutes",
    "membership",
    "national_age_profile",
    "national_figure",
    "national_figures",
    "nearest_boundary_year",
    "nivel_gps",
    "normalise_profession",
    "parameter_rounds",
    "parameter_table",
    "pc4_municipalities",
    "pc4_points",
    "physicians",
    "place_practices",
    "population",
    "population_centres",
    "population_years",
    "practices",
    "proximity",
    "proximity_years",
    "published_or_interpolated",
    "region_names",
    "unit_membership",
]
