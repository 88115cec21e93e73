"""What one trainer forecast is asked to do: :class:`TrainerSpec`, the input of :func:`regio.trainers.run.run_trainers`.

A spec holds structured values only (numbers, mappings institute -> value,
tables already read). Files are read before: a trainer list with
:func:`regio.data.trainers.trainer_list`, counts with
:func:`regio.data.trainers.trainer_counts`, an intake table with
:func:`regio.data.trainers.intake_table` (the command line does this).

Examples
--------
>>> TrainerSpec(intake=720, horizon=2040)
TrainerSpec(horizon=2040, intake=720)
>>> TrainerSpec(key="seats")
Traceback (most recent call last):
...
regio.errors.InputError: Unknown intake key 'seats'; use need or places.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from regio._display import spec_repr
from regio.errors import InputError, OptionError, said_value
from regio.recruitment.institutes import DEFAULT_TARGET_SHARE, NATIONAL_TRAINERS_2009
from regio.trainers.forecast import (
    DEFAULT_OUTFLOW_RATE,
    DEFAULT_RETIREMENT_AGE,
    PRACTICE_YEARS,
    TRAINING_YEARS,
)

__all__ = ["KEYS", "TrainerSpec"]

#: How a national intake is split over the institutes: ``need`` (inhabitants of each institute's recruitment
#: area) or ``places`` (each institute's share of the places filled in the last year of an intake table).
KEYS = ("need", "places")


@dataclass(frozen=True, eq=False, repr=False)
class TrainerSpec:
    """One trainer forecast: the intake path, the training, the trainers and how they leave.

    Parameters
    ----------
    base_year, horizon, target_year
        First and last year of the forecast, and the year by which the gap
        should be closed.
    intake
        Trainees a year from ``intake_from``: a national number (default: the
        Capaciteitsorgaan's advice of 1,026 from 2027) split over the
        institutes by ``key``, or a mapping institute -> trainees a year.
    intake_from
        First year of ``intake``; before it the current intake.
    current_intake
        National intake before ``intake_from`` (default: the model round's
        current intake, 718 in round 2025).
    intake_table
        Places per institute and year (:func:`regio.data.trainers.intake_table`):
        the years it covers use its filled places (else offered) per institute.
    key
        ``need`` or ``places`` (:data:`KEYS`); default ``places`` with an
        intake table, else ``need``.
    training_years, practice_years
        The training: 3 years, of which years 1 and 3 in a practice.
    rendement
        Share of trainees finishing; default the model round's intern rendement.
    model_round
        The round of the national model the defaults come from.
    trainees_per_trainer
        Trainees one trainer takes at once.
    trainers
        A trainer list (:func:`regio.data.trainers.trainer_list`) or counts
        per institute or municipality (:func:`regio.data.trainers.trainer_counts`);
        without it the national ``national_trainers`` split by GP share (an estimate).
    national_trainers
        Trainers in the country without ``trainers`` (default 1,700, the 2009 count).
    retirement_age, outflow_rate
        How base-year trainers leave: at the retirement age where their age
        is known, else at the yearly outflow rate (default 5%, an assumption).
    recruitment
        Recruits a year per institute (a plan); default the number needed
        to close the gap by ``target_year``.
    target_share
        Trainers as a share of GPs per area (the 2009 agreement: 25%), the
        second yardstick.
    year, margin, satellites
        Municipal division, joint-zone margin (km) and satellite locations
        of the recruitment areas (:func:`regio.recruitment.assign_nearest`).

    Raises
    ------
    InputError
        For an unknown key, years out of order, a negative intake or
        national trainers, or a file path where a table belongs.
    OptionError
        Kind ``places_without_table``: key ``places`` without an intake table.
    """

    base_year: int = 2025
    horizon: int = 2035
    target_year: int = 2030
    intake: float | Mapping[str, float] | None = None
    intake_from: int = 2027
    current_intake: float | None = None
    intake_table: pd.DataFrame | None = None
    key: str | None = None
    training_years: int = TRAINING_YEARS
    practice_years: tuple[int, ...] = PRACTICE_YEARS
    rendement: float | None = None
    model_round: int = 2025
    trainees_per_trainer: float = 1.0
    trainers: pd.DataFrame | pd.Series | None = None
    national_trainers: int = NATIONAL_TRAINERS_2009
    retirement_age: int = DEFAULT_RETIREMENT_AGE
    outflow_rate: float = DEFAULT_OUTFLOW_RATE
    recruitment: Mapping[str, float] | None = None
    target_share: float = DEFAULT_TARGET_SHARE
    year: int = 2024
    margin: float = 5.0
    satellites: bool = True

    def __post_init__(self) -> None:
        if self.key is not None and self.key not in KEYS:
            raise InputError(f"Unknown intake key {self.key!r}; use {' or '.join(KEYS)}.", key="trainers.unknown_key",
                             name=self.key, first=KEYS[0], second=KEYS[1])
        if self.key == "places" and self.intake_table is None:
            raise OptionError("key 'places' needs an intake table (intake_table=, places per institute and year).",
                              kind="places_without_table", key="trainers.places_without_table")
        if not self.base_year < self.target_year <= self.horizon:
            raise InputError(f"Need base year < target year <= horizon; got base year {self.base_year} (base_year=), "
                             f"target year {self.target_year} (target_year=), horizon {self.horizon} (horizon=).",
                             key="trainers.year_order", base_year=self.base_year,
                             target_year=self.target_year, horizon=self.horizon)
        share = float(self.target_share)
        if not 0 < share <= 1:  # the same rule as the recruitment areas' target
            raise InputError(f"target_share= (the share of the GPs who are trainers) must be in (0, 1], got "
                             f"{self.target_share!r}.",
                             key="recruitment.bad_target_share", share=said_value(self.target_share))
        for name in ("trainers", "intake_table"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, pd.DataFrame | pd.Series):
                raise InputError(f"{name}= takes a table read with regio.data.trainers, not {type(value).__name__} "
                                 f"{value!r}.", key="trainers.not_a_table", name=name, type=type(value).__name__,
                                 value=said_value(value))
        if isinstance(self.intake, Mapping):
            object.__setattr__(self, "intake", dict(self.intake))
        elif self.intake is not None and not (isinstance(self.intake, int | float) and self.intake >= 0):
            raise InputError(f"intake= takes a number of trainees a year (e.g. 1026) or a mapping institute -> "
                             f"number, not {self.intake!r}.", key="trainers.bad_intake", value=said_value(self.intake))
        if self.national_trainers < 0:
            raise InputError(f"The national number of trainers must be at least 0, got {self.national_trainers}.",
                             key="trainers.national_negative", n=self.national_trainers)
        object.__setattr__(self, "practice_years", tuple(int(k) for k in self.practice_years))

    def __repr__(self) -> str:
        return spec_repr(self)
