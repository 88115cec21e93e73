"""The Capaciteitsorgaan's national GP supply/demand model, its intake advice, and the same per region.

Pure code: parameters come in as a :class:`GPParameters` (read from the data
directory by :func:`read_parameters`, :mod:`regio.model.rounds`), numbers
go out as frames. See :mod:`regio.model.core` for the formulas.

Examples
--------
>>> from regio.model import example_parameters, intake_advice
>>> round(intake_advice(example_parameters()).advice)
1027
"""

from regio.model.core import (
    COMPONENTS,
    FACTORS,
    SCENARIO_FACTORS,
    SCENARIO_LABELS,
    SCENARIOS,
    IntakeAdvice,
    decompose,
    decomposition_note,
    demand,
    get_scenario,
    intake_advice,
    project,
    supply,
    what_if,
)
from regio.model.parameters import GPParameters, apply_overrides, example_parameters
from regio.model.rounds import available_rounds, read_parameters
from regio.model.sweep import sweep, sweep_paths

__all__ = [
    "COMPONENTS",
    "FACTORS",
    "SCENARIOS",
    "SCENARIO_FACTORS",
    "SCENARIO_LABELS",
    "GPParameters",
    "IntakeAdvice",
    "apply_overrides",
    "available_rounds",
    "decompose",
    "decomposition_note",
    "demand",
    "example_parameters",
    "get_scenario",
    "intake_advice",
    "project",
    "read_parameters",
    "supply",
    "sweep",
    "sweep_paths",
    "what_if",
]
