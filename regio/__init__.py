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

from __future__ import annotations

import importlib

from regio.config import data_dir, set_data_dir
from regio.errors import RegioError, RegioWarning
from regio.levels import get_level

#: Public names loaded on first use (PEP 562), so that ``import regio`` (and the
#: command line's ``--help``) does not import geopandas: name -> module.
_LAZY = {
    **dict.fromkeys(("age_structure", "aggregate_to", "boundaries", "carry_to", "crosswalk", "divisions", "membership",
                     "physicians", "population", "population_years", "region_names", "unit_membership",
                     "practices"),
                    "regio.data"),
    **dict.fromkeys(("aggregate", "carry", "define_level", "dissolve"), "regio.geography"),
    **dict.fromkeys(("TrainerSpec", "run_trainers"), "regio.trainers.run"),
}

__version__ = "0.1.0"

__all__ = [
    "RegioError",
    "RegioWarning",
    "TrainerSpec",
    "__version__",
    "age_structure",
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
    "practices",
    "region_names",
    "run_trainers",
    "set_data_dir",
    "unit_membership",
]


def __getattr__(name: str):
    """Import a public name of :data:`_LAZY` from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups do not come here again
    return value


def __dir__() -> list[str]:
    """List the module's names, the lazily imported ones included."""
    return sorted(set(globals()) | set(_LAZY))
