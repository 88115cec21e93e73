"""regio: regional planning of the Dutch medical workforce.

Densities of physicians per 100,000 inhabitants, recruitment areas of the GP
training institutes, disaggregation of national advice into regional numbers
that add up exactly, and maps.

Examples
--------
>>> import regio
>>> regio.get_level("municipality").name
'gemeente'
"""

from regio.config import data_dir, set_data_dir
from regio.data import (
    aggregate_to,
    boundaries,
    carry_to,
    crosswalk,
    divisions,
    membership,
    physicians,
    population,
    population_years,
    region_names,
    unit_membership,
)
from regio.errors import RegioError, RegioWarning
from regio.geography import aggregate, carry, define_level, dissolve
from regio.levels import get_level

__version__ = "0.1.0"

__all__ = [
    "RegioError",
    "RegioWarning",
    "__version__",
    "aggregate",
    "aggregate_to",
    "boundaries",
    "carry",
    "carry_to",
    "crosswalk",
    "data_dir",
    "define_level",
    "dissolve",
    "divisions",
    "get_level",
    "membership",
    "physicians",
    "population",
    "population_years",
    "region_names",
    "set_data_dir",
    "unit_membership",
]
