"""What one recruitment run is asked to do: :class:`RecruitmentSpec`, the input of ``run_recruitment``.

A spec holds structured values only: numbers, names, mappings institute ->
value and tables already read (:func:`regio.recruitment.run.run_recruitment`
runs it). Reading the agreement, travel-time, GP-count and trainer files, and
command-line text such as ``"amc=80,vumc=120"``, happens before: the command
line does it in :mod:`regio.cli._parse`, a Python user with
:func:`regio.data.user_files.read_table` and
:func:`regio.data.user_files.read_counts_file`.

Examples
--------
>>> RecruitmentSpec(margin=10, satellites=False)
RecruitmentSpec(margin=10, satellites=False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from regio._display import spec_repr
from regio.errors import InputError, OptionError
from regio.recruitment.counts import SPREADS
from regio.recruitment.institutes import DEFAULT_TARGET_SHARE, NATIONAL_TRAINERS_2009, NATIONAL_TRAINERS_TARGET

__all__ = ["METHODS", "RecruitmentSpec"]

#: How municipalities are assigned to institutes.
METHODS = ("nearest", "agreement", "capacitated")

_TABLES = {"agreement": "read_table(path)", "travel_times": "read_table(path)",
           "gps": "read_counts_file(path, profession='huisarts')", "trainers": "read_table(path)"}


@dataclass(frozen=True, eq=False, repr=False)
class RecruitmentSpec:
    """One recruitment analysis: how to assign municipalities to institutes, and the counts to set against them.

    Made once and checked on construction (the checks that need no data);
    :func:`regio.recruitment.run.run_recruitment` runs it on the data.

    Parameters
    ----------
    method
        ``nearest``, ``agreement`` or ``capacitated``.
    year
        Boundary year (population of 1 January of that year).
    agreement
        Agreement table for ``method="agreement"``: columns gemeente (code or
        name), primary, joint (:func:`regio.data.user_files.read_table`,
        whose ``attrs["path"]`` the notes and messages name).
    travel_times
        Travel-time matrix (gemeente x location or institute) instead of
        straight-line distances, a table as ``agreement``.
    margin
        Joint zone margin (km, or minutes with ``travel_times``) for ``nearest``.
    satellites
        Use the satellite locations (Hengelo, Zwolle, Den Haag).
    gps
        Municipal GP counts, the tidy frame of
        :func:`regio.data.user_files.read_counts_file` (``profession="huisarts"``
        for a file without a profession column); without it GPs are
        estimated from the 2018 province counts (flagged), spread by ``spread``.
    spread
        How that estimate spreads a province's count over its municipalities:
        ``"practices"`` (default: by their share of its GP practices,
        :func:`regio.practices`, derived counts of 2026 in the 2024 division)
        or ``"population"`` (by their share of its inhabitants), see
        :func:`regio.recruitment.run.municipal_gps`.
    trainers
        Trainers per institute (columns institute, trainers) or per
        municipality (gemeente, trainers), a table as ``agreement``; without
        it the national ``national_trainers`` is split by GP share (flagged).
    national_trainers
        Trainers in the country when ``trainers`` is not given (default 1700,
        the 2009 count).
    target_share, trainees_per_trainer, extra_trainers, split_by
        See :func:`regio.recruitment.area_summary`.
    need, intake
        For ``capacitated``: trainers needed per institute, or trainee intake
        per institute (need = intake / trainees per trainer), each a mapping
        or Series institute -> number (id, ``HAO-`` id, short name, UMC or
        city as key, :func:`regio.recruitment.institute_aliases`).
    need_total
        For ``capacitated`` without ``need`` and ``intake``: the national
        need, split by the inhabitants of each institute's nearest area (flagged).
    allow_shortfall
        Return an infeasible capacitated assignment with its shortfall
        instead of raising :class:`regio.recruitment.InfeasibleTargetError`.

    Raises
    ------
    OptionError
        Kind ``agreement_missing``: ``method="agreement"`` without an
        agreement table.
    InputError
        An unknown method, a negative ``national_trainers``, or a file's path
        or a text where a table or a mapping belongs.

    Examples
    --------
    >>> spec = RecruitmentSpec("capacitated", need={"amc": 80, "Leiden": "60"})
    >>> spec.method, spec.need
    ('capacitated', {'amc': 80, 'Leiden': '60'})
    >>> RecruitmentSpec("voronoi")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown method 'voronoi'; use one of nearest, agreement, capacitated.
    >>> RecruitmentSpec("agreement")
    Traceback (most recent call last):
    ...
    regio.errors.OptionError: method 'agreement' needs an agreement table (agreement=, a DataFrame).
    >>> RecruitmentSpec(spread="area")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: spread='area': use one of practices, population (how the 2018 province GP counts ...
    >>> RecruitmentSpec(trainers="opleiders.csv")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: trainers= takes a table (a DataFrame), not str 'opleiders.csv': read the file with ...
    """

    method: str = "nearest"
    year: int = 2024
    agreement: pd.DataFrame | None = None
    travel_times: pd.DataFrame | None = None
    margin: float = 5.0
    satellites: bool = True
    gps: pd.DataFrame | None = None
    spread: str = "practices"
    trainers: pd.DataFrame | None = None
    national_trainers: int = NATIONAL_TRAINERS_2009
    target_share: float = DEFAULT_TARGET_SHARE
    trainees_per_trainer: float = 1.0
    extra_trainers: int | None = NATIONAL_TRAINERS_TARGET - NATIONAL_TRAINERS_2009
    split_by: str = "gap"
    need: Mapping[str, float] | pd.Series | None = None
    intake: Mapping[str, float] | pd.Series | None = None
    need_total: float = NATIONAL_TRAINERS_TARGET
    allow_shortfall: bool = False

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise InputError(f"Unknown method {self.method!r}; use one of {', '.join(METHODS)}.",
                             key="recruitment.unknown_method", method=self.method, choices=", ".join(METHODS))
        for name, reader in _TABLES.items():
            value = getattr(self, name)
            if value is not None and not isinstance(value, pd.DataFrame):
                raise InputError(f"{name}= takes a table (a DataFrame), not {type(value).__name__} {value!r}: read "
                                 f"the file with regio.data.user_files.{reader}.", key="recruitment.table_wanted",
                                 name=name, kind=type(value).__name__, value=value, reader=reader)
        for name in ("need", "intake"):
            value = getattr(self, name)
            if isinstance(value, Mapping):
                object.__setattr__(self, name, dict(value))
            elif value is not None and not isinstance(value, pd.Series):
                raise InputError(f"{name}= takes values per institute as a mapping or a Series (e.g. {{'amc': 80}}), "
                                 f"not {type(value).__name__} {value!r}: read a file with "
                                 "regio.data.user_files.table_values(read_table(path), ...) (the command line reads "
                                 "files and 'amc=80' text for you).", key="recruitment.values_wanted", name=name,
                                 kind=type(value).__name__, value=value)
        if self.spread not in SPREADS:
            raise InputError(f"spread={self.spread!r}: use one of {', '.join(SPREADS)} (how the 2018 province GP "
                             "counts are spread over the municipalities).", key="recruitment.unknown_spread",
                             spread=self.spread, choices=", ".join(SPREADS))
        if self.method == "agreement" and self.agreement is None:
            raise OptionError("method 'agreement' needs an agreement table (agreement=, a DataFrame).",
                              kind="agreement_missing", key="recruitment.agreement_missing")
        if self.trainers is None and self.national_trainers < 0:
            raise InputError(f"The national number of trainers must be non-negative, got {self.national_trainers}.",
                             key="recruitment.negative_trainers", n=self.national_trainers)

    def __repr__(self) -> str:
        return spec_repr(self)
