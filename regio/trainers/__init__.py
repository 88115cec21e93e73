"""The trainer forecast ("prognose-instrument") and recruitment planning per GP training institute.

Per institute and year: trainees in training from the intake path, the
trainers they need in a practice, the trainers available (a list or counts,
minus retirement or outflow, plus recruitment), the gap and the recruitment a
year that closes it by a target year (:mod:`regio.trainers.forecast`); and per
municipality where to recruit (:mod:`regio.trainers.where`).
:func:`regio.trainers.run.run_trainers` runs it on the data directory; the
command is ``regio trainers``.

Examples
--------
>>> import pandas as pd
>>> intake = pd.DataFrame({"a": [100] * 6}, index=range(2023, 2029))
>>> table, summary = forecast(intake, pd.Series({"a": 150}), base_year=2025, horizon=2028, target_year=2028,
...                           rendement=1.0, outflow_rate=0.0)
>>> int(summary.at["a", "gap_target"]), int(summary.at["a", "recruit_per_year"])
(50, 17)
"""

from regio.trainers.forecast import (
    DEFAULT_OUTFLOW_RATE,
    DEFAULT_RETIREMENT_AGE,
    FORECAST_COLUMNS,
    PRACTICE_YEARS,
    TRAINING_YEARS,
    available_trainers,
    forecast,
    intake_path,
    national_row,
    recruitment_needed,
    split_intake,
    trainees,
)
from regio.trainers.spec import KEYS, TrainerSpec
from regio.trainers.where import WHERE_COLUMNS, where_to_recruit

__all__ = [
    "DEFAULT_OUTFLOW_RATE",
    "DEFAULT_RETIREMENT_AGE",
    "FORECAST_COLUMNS",
    "KEYS",
    "PRACTICE_YEARS",
    "TRAINING_YEARS",
    "WHERE_COLUMNS",
    "TrainerSpec",
    "available_trainers",
    "forecast",
    "intake_path",
    "national_row",
    "recruitment_needed",
    "split_intake",
    "trainees",
    "where_to_recruit",
]
