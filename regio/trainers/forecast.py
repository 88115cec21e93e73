"""The trainer forecast: pure functions from intake, training and trainers to the gap per institute and year.

Conventions (every year is a calendar year, values are the situation during it):

* a cohort that starts in year ``y`` is in training year ``k`` (1, 2, 3) in
  year ``y + k - 1``; it is in a practice in the practice years (1 and 3 of
  the 3-year GP training);
* dropout (1 - intern rendement) is spread evenly over the training years:
  the share of a cohort still in training in training year ``k`` is
  ``rendement ** ((k - 1) / training_years)``;
* trainers required = trainees in a practice at once / trainees per trainer,
  rounded up to whole trainers per institute (the national row is the sum of
  the institutes);
* trainers of the base year leave by retirement (the year they reach the
  retirement age, where their age is known) or at a yearly outflow rate
  (where it is not), whole trainers by rounding;
* recruits start in the years after the base year, and leave at the outflow
  rate: the same number a year up to the target year (enough to close the
  gap then), and after it each year just enough to keep the gap closed.

Examples
--------
>>> years = range(2025, 2031)
>>> intake = split_intake(intake_path(range(2023, 2031), advised=1026, advised_from=2027, current=718),
...                       pd.Series({"a": 3.0, "b": 1.0}))
>>> intake.loc[2027].to_dict()
{'a': 770, 'b': 256}
>>> t = trainees(intake, years=years, rendement=0.94)
>>> int(t["in_practice"].loc[2030].sum())
2010
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from regio.apportion import largest_remainder
from regio.errors import InputError, said_value

__all__ = ["DEFAULT_OUTFLOW_RATE", "DEFAULT_RETIREMENT_AGE", "FORECAST_COLUMNS", "PRACTICE_YEARS", "TRAINING_YEARS",
           "available_trainers", "forecast", "intake_path", "national_row", "recruitment_needed", "split_intake",
           "trainees"]

#: Years of GP training, and those of them spent in a practice (with a trainer).
TRAINING_YEARS = 3
PRACTICE_YEARS = (1, 3)
#: Retirement age of a trainer whose age is known (an assumption: the AOW age is 67).
DEFAULT_RETIREMENT_AGE = 67
#: Yearly outflow of trainers whose age is not known: an ASSUMPTION (no published rate was found); with a
#: trainer career of about 20 years, 1/20 = 5% a year.
DEFAULT_OUTFLOW_RATE = 0.05

#: Columns of the forecast table (index: institute, year).
FORECAST_COLUMNS = ["intake", "in_training", "in_practice", "required", "available_without_recruitment",
                    "recruits", "recruited", "available", "gap", "gap_without_recruitment", "target_share_trainers",
                    "gap_to_share"]


def intake_path(years: Iterable[int], *, advised: float, advised_from: int, current: float) -> pd.Series:
    """National intake per year: ``current`` before ``advised_from``, ``advised`` from then on.

    Examples
    --------
    >>> intake_path(range(2025, 2029), advised=1026, advised_from=2027, current=718).tolist()
    [718, 718, 1026, 1026]
    """
    ys = list(years)
    for name, value in (("advised", advised), ("current", current)):
        if not value >= 0:
            raise InputError(f"The {name} intake must be a number of at least 0, got {value!r}.",
                             key="trainers.intake_negative", name=name, value=said_value(value))
    return pd.Series([round(advised) if y >= advised_from else round(current) for y in ys],
                     index=pd.Index(ys, name="year"), dtype="int64", name="intake")


def split_intake(national: pd.Series, weights: pd.Series) -> pd.DataFrame:
    """Split each year's national intake over the institutes in whole trainees (largest remainder).

    Parameters
    ----------
    national
        Intake per year.
    weights
        The key per institute (share of places, or the areas' need); not all zero.

    Returns
    -------
    pandas.DataFrame
        Year x institute, int64; each row sums to that year's national intake exactly.

    Examples
    --------
    >>> split_intake(pd.Series({2027: 10}), pd.Series({"a": 2, "b": 1})).loc[2027].to_dict()
    {'a': 7, 'b': 3}
    """
    w = pd.Series(weights, dtype=float)
    if w.isna().any() or (w < 0).any() or w.sum() <= 0:
        raise InputError(f"The intake key must be at least 0 for every institute and not all 0, got {w.to_dict()}.",
                         key="trainers.intake_key_bad", got=str(w.to_dict()))
    rows = {int(y): largest_remainder(int(n), w) for y, n in national.items()}
    out = pd.DataFrame(rows).T.astype("int64")
    out.index.name, out.columns.name = "year", "institute"
    return out


def _check_training(training_years: int, practice_years: Sequence[int], rendement: float) -> None:
    if int(training_years) != training_years or training_years < 1:
        raise InputError(f"training_years must be a whole number of at least 1, got {training_years!r}.",
                         key="trainers.bad_training_years", got=said_value(training_years))
    bad = [k for k in practice_years if not 1 <= k <= training_years]
    if bad or not practice_years:
        raise InputError(f"practice_years must be years of the training (1 to {training_years}), got "
                         f"{list(practice_years)!r}.", key="trainers.bad_practice_years",
                         training_years=int(training_years), got=said_value(list(practice_years)))
    if not 0 < rendement <= 1:
        raise InputError(f"The intern rendement (share finishing the training) must be in (0, 1], got {rendement!r}.",
                         key="trainers.bad_rendement", got=said_value(rendement))


def trainees(intake: pd.DataFrame, *, years: Iterable[int], training_years: int = TRAINING_YEARS,
             practice_years: Sequence[int] = PRACTICE_YEARS, rendement: float = 1.0) -> dict[str, pd.DataFrame]:
    """Trainees in training and in a practice per year and institute, from the intake of the cohorts.

    Parameters
    ----------
    intake
        Year x institute; must hold the years from ``min(years) - training_years + 1``.
    years
        Years to compute.
    training_years, practice_years
        Length of the training and its years in a practice (1-based).
    rendement
        Share of a cohort finishing the training (the model's intern rendement).

    Returns
    -------
    dict
        ``in_training`` and ``in_practice``: year x institute, floats (expected numbers).

    Examples
    --------
    >>> intake = pd.DataFrame({"a": [100, 100, 100]}, index=[2023, 2024, 2025])
    >>> t = trainees(intake, years=[2025], rendement=1.0)
    >>> float(t["in_training"].at[2025, "a"]), float(t["in_practice"].at[2025, "a"])
    (300.0, 200.0)
    """
    _check_training(training_years, practice_years, rendement)
    ys = list(years)
    need = range(min(ys) - training_years + 1, max(ys) + 1)
    missing = [y for y in need if y not in intake.index]
    if missing:
        raise InputError(f"The intake lacks the years {', '.join(map(str, missing))}; the trainees of "
                         f"{min(ys)} started from {min(ys) - training_years + 1} on.",
                         key="trainers.intake_lacks_years", years=", ".join(map(str, missing)), first=min(ys),
                         start=min(ys) - training_years + 1)
    stay = {k: rendement ** ((k - 1) / training_years) for k in range(1, training_years + 1)}
    frame = intake.astype(float)

    def cohort(k: int) -> pd.DataFrame:  # who started k - 1 years before each year, matched by year, not by row
        started = frame.reindex([y - (k - 1) for y in ys])
        started.index = ys
        return started.mul(stay[k])

    in_training = sum(cohort(k) for k in range(1, training_years + 1))
    in_practice = sum(cohort(k) for k in practice_years)
    return {"in_training": in_training, "in_practice": in_practice}


def available_trainers(base: pd.Series, *, years: Iterable[int], base_year: int, outflow_rate: float,
                       birth_years: pd.DataFrame | None = None,
                       retirement_age: int = DEFAULT_RETIREMENT_AGE) -> pd.DataFrame:
    """Base-year trainers still training in each year: retirement by age where known, else an outflow rate.

    Parameters
    ----------
    base
        Trainers per institute in the base year (with ``birth_years`` these
        are the trainers of unknown age only).
    years
        Years from the base year on.
    base_year
        The year of the count.
    outflow_rate
        Share leaving a year (trainers of unknown age).
    birth_years
        One row per trainer of known age: ``institute`` and ``birth_year``.
        Each leaves in the year they reach ``retirement_age`` (those already
        past it, in the year after the base year).
    retirement_age
        Age at which a trainer stops.

    Returns
    -------
    pandas.DataFrame
        Year x institute, int64 (the rate part rounded to whole trainers).

    Examples
    --------
    >>> born = pd.DataFrame({"institute": ["a", "a", "b"], "birth_year": [1960, 1980, 1958]})
    >>> available_trainers(pd.Series({"a": 0, "b": 10}), years=range(2025, 2028), base_year=2025,
    ...                    outflow_rate=0.1, birth_years=born, retirement_age=67)
    institute  a   b
    year
    2025       2  11
    2026       2   9
    2027       1   8
    """
    if not 0 <= outflow_rate < 1:
        raise InputError(f"The outflow rate must be in [0, 1), got {outflow_rate!r}.", key="trainers.bad_outflow",
                         got=said_value(outflow_rate))
    ys = list(years)
    steps = np.array([y - base_year for y in ys], dtype=float)
    if (steps < 0).any():
        raise InputError(f"Years before the base year {base_year}: {[y for y in ys if y < base_year]}.",
                         key="trainers.years_before_base", base_year=base_year,
                         years=str([y for y in ys if y < base_year]))
    b = pd.Series(base, dtype=float)
    rate_part = pd.DataFrame(np.outer((1 - outflow_rate) ** steps, b.to_numpy()), index=pd.Index(ys, name="year"),
                             columns=pd.Index(b.index, name="institute")).round().astype("int64")
    if birth_years is None or birth_years.empty:
        return rate_part
    leave = np.maximum(birth_years["birth_year"].to_numpy(dtype=float) + retirement_age, base_year + 1)
    aged = pd.DataFrame({y: (leave > y).astype("int64") for y in ys}, index=birth_years.index)
    by_age = aged.groupby(birth_years["institute"].to_numpy()).sum().T
    by_age = by_age.reindex(index=ys, columns=b.index, fill_value=0)
    by_age.index.name, by_age.columns.name = "year", "institute"
    return (rate_part + by_age).astype("int64")


def _stay_sum(first: int, last: int, year: int, rate: float) -> float:
    """How many of one recruit a year from ``first`` to ``last`` are still there in ``year``."""
    return sum((1 - rate) ** (year - j) for j in range(first, min(last, year) + 1))


def recruitment_needed(gap: float, *, base_year: int, target_year: int, outflow_rate: float) -> int:
    """Whole recruits a year (from the year after the base year to the target year) to close ``gap`` by then.

    Recruits leave at ``outflow_rate`` too, so more than ``gap / years`` are needed.

    Examples
    --------
    >>> recruitment_needed(100, base_year=2025, target_year=2030, outflow_rate=0.0)
    20
    >>> recruitment_needed(100, base_year=2025, target_year=2030, outflow_rate=0.05)
    23
    >>> recruitment_needed(-5, base_year=2025, target_year=2030, outflow_rate=0.05)
    0
    """
    if target_year <= base_year:
        raise InputError(f"The target year ({target_year}) must come after the base year ({base_year}).",
                         key="trainers.target_before_base", target_year=target_year, base_year=base_year)
    if gap <= 0:
        return 0
    return math.ceil(gap / _stay_sum(base_year + 1, target_year, target_year, outflow_rate) - 1e-9)


def _recruit_path(per_year: pd.Series, short: pd.DataFrame, *, years: list[int], base_year: int,
                  target_year: int | None, outflow_rate: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the new recruits a year and the recruits still there, per year and institute.

    ``per_year`` recruits a year from the year after the base year: up to
    ``target_year``, and after it each year just enough to keep the gap
    closed (``short`` = required - base trainers left); without
    ``target_year`` (a plan given) ``per_year`` up to the last year.
    """
    new = pd.DataFrame(0, index=pd.Index(years, name="year"), columns=per_year.index, dtype="int64")
    kept = pd.DataFrame(0, index=new.index, columns=per_year.index, dtype="int64")
    stock = pd.Series(0.0, index=per_year.index)
    for y in years:
        stock = stock * (1 - outflow_rate)
        if y > base_year:
            if target_year is None or y <= target_year:
                new.loc[y] = per_year.to_numpy()
            else:
                need = np.ceil(short.loc[y] - stock - 1e-9).clip(lower=0)
                new.loc[y] = need.astype("int64").to_numpy()
        stock = stock + new.loc[y]
        kept.loc[y] = stock.round().astype("int64").to_numpy()
    return new, kept


def national_row(table: pd.DataFrame) -> pd.DataFrame:
    """Return the national rows (``institute == "NL"``): the sum of the institutes' counts per year.

    Examples
    --------
    >>> t = pd.DataFrame({"required": [1, 2, 3, 4]},
    ...                  index=pd.MultiIndex.from_product([["a", "b"], [2025, 2026]], names=["institute", "year"]))
    >>> national_row(t)["required"].tolist()
    [4, 6]
    """
    nums = table.select_dtypes("number")
    out = nums.groupby(level="year").sum(min_count=1)  # a column empty for every institute stays empty
    out.index = pd.MultiIndex.from_product([["NL"], out.index], names=["institute", "year"])
    return out


def forecast(
    intake: pd.DataFrame,
    base: pd.Series,
    *,
    base_year: int,
    horizon: int,
    target_year: int,
    rendement: float,
    training_years: int = TRAINING_YEARS,
    practice_years: Sequence[int] = PRACTICE_YEARS,
    trainees_per_trainer: float | pd.Series = 1.0,
    outflow_rate: float = DEFAULT_OUTFLOW_RATE,
    birth_years: pd.DataFrame | None = None,
    retirement_age: int = DEFAULT_RETIREMENT_AGE,
    recruitment: pd.Series | None = None,
    share_target: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Trainees, trainers required and available, the gap and the recruitment needed, per institute and year.

    Parameters
    ----------
    intake
        Year x institute from ``base_year - training_years + 1`` to ``horizon``.
    base
        Trainers per institute in the base year whose age is not known (all
        of them without ``birth_years``).
    base_year, horizon, target_year
        First and last year, and the year by which the gap should be closed.
    rendement, training_years, practice_years
        See :func:`trainees`.
    trainees_per_trainer
        Trainees one trainer takes at once: one number, or one per
        institute (e.g. the mean of a trainer list's ``aios`` column).
    outflow_rate, birth_years, retirement_age
        See :func:`available_trainers`.
    recruitment
        Recruits a year per institute (a plan, up to the horizon); default:
        the number needed to close each institute's gap by ``target_year``
        (:func:`recruitment_needed`), and after it each year the number that
        keeps the gap closed.
    share_target
        Trainers per institute at the target share of GPs (e.g. 25%), the
        second yardstick; constant over the years.

    Returns
    -------
    tuple of pandas.DataFrame
        The table (index institute, year; :data:`FORECAST_COLUMNS`, whole
        numbers except ``in_training`` and ``in_practice``, and the national
        rows ``NL`` = sum of the institutes) and the summary per institute
        (and ``NL``): ``base_trainers``, ``required_base``,
        ``required_target``, ``leaving_by_target``, ``gap_target``
        (without recruitment; NL: net of surpluses), ``shortfall_target``
        (the gap where positive; NL: the sum of the institutes' shortfalls,
        as trainers do not move between institutes), ``recruit_per_year`` (up to the target
        year), ``recruited_by_target`` (still there then) and
        ``recruits_to_horizon`` (all new recruits up to the horizon).

    Examples
    --------
    >>> intake = pd.DataFrame({"a": [100] * 8}, index=range(2023, 2031))
    >>> table, summary = forecast(intake, pd.Series({"a": 150}), base_year=2025, horizon=2030, target_year=2030,
    ...                           rendement=1.0, outflow_rate=0.0)
    >>> table.loc["a"].loc[[2025, 2030], ["in_practice", "required", "available", "gap"]]
          in_practice  required  available  gap
    year
    2025        200.0       200        150   50
    2030        200.0       200        200    0
    >>> int(summary.at["a", "recruit_per_year"])
    10
    """
    inst = list(intake.columns)
    per = (pd.Series(trainees_per_trainer, dtype=float).reindex(inst) if isinstance(trainees_per_trainer, pd.Series)
           else pd.Series(float(trainees_per_trainer), index=inst))
    if per.isna().any() or not (per > 0).all():
        bad = per[per.isna() | ~(per > 0)]
        got = (said_value(float(bad.iloc[0])) if bad.nunique(dropna=False) == 1 and len(bad) == len(per)
               else said_value({str(i): float(v) for i, v in bad.items()}))  # one number for all, else which
        raise InputError(f"trainees_per_trainer= (trainees per trainer) must be positive for every institute, got "
                         f"{got}.",
                         key="trainers.bad_trainees_per_trainer", got=got)
    if not base_year < target_year <= horizon:
        raise InputError(f"Need base year < target year <= horizon; got base year {base_year} (base_year=), target "
                         f"year {target_year} (target_year=), horizon {horizon} (horizon=).",
                         key="trainers.year_order", base_year=base_year, target_year=target_year, horizon=horizon)
    years = list(range(base_year, horizon + 1))
    t = trainees(intake, years=years, training_years=training_years, practice_years=practice_years,
                 rendement=rendement)
    required = np.ceil(t["in_practice"].div(per, axis=1) - 1e-9).astype("int64")
    stay = available_trainers(pd.Series(base, dtype=float).reindex(inst, fill_value=0), years=years,
                              base_year=base_year, outflow_rate=outflow_rate, birth_years=birth_years,
                              retirement_age=retirement_age)
    gap_target = required.loc[target_year] - stay.loc[target_year]
    if recruitment is None:
        per_year = pd.Series({i: recruitment_needed(float(gap_target[i]), base_year=base_year,
                                                    target_year=target_year, outflow_rate=outflow_rate)
                              for i in inst}, dtype="int64")
    else:
        per_year = pd.Series(recruitment, dtype=float).reindex(inst, fill_value=0).round().astype("int64")
    recruits, recruited = _recruit_path(per_year, required - stay, years=years, base_year=base_year,
                                        target_year=target_year if recruitment is None else None,
                                        outflow_rate=outflow_rate)
    available = stay + recruited
    share = (pd.Series(share_target, dtype=float).reindex(inst) if share_target is not None
             else pd.Series(np.nan, index=inst))
    parts = {"intake": intake.loc[years], "in_training": t["in_training"], "in_practice": t["in_practice"],
             "required": required, "available_without_recruitment": stay, "recruits": recruits,
             "recruited": recruited,
             "available": available, "gap": required - available, "gap_without_recruitment": required - stay}
    long = pd.concat({k: v.stack() for k, v in parts.items()}, axis=1)
    long.index.names = ["year", "institute"]
    long = long.swaplevel().sort_index()
    share_round = np.ceil(share - 1e-9)
    long["target_share_trainers"] = long.index.get_level_values("institute").map(share_round).astype(float)
    long["gap_to_share"] = long["target_share_trainers"] - long["available_without_recruitment"]
    for col in ("intake", "required", "available_without_recruitment", "recruits", "recruited", "available", "gap",
                "gap_without_recruitment"):
        long[col] = long[col].astype("int64")
    if share_target is not None:
        for col in ("target_share_trainers", "gap_to_share"):
            long[col] = long[col].astype("int64")
    table = pd.concat([long, national_row(long)])[FORECAST_COLUMNS]
    summary = pd.DataFrame({
        "base_trainers": stay.loc[base_year],
        "required_base": required.loc[base_year],
        "required_target": required.loc[target_year],
        "leaving_by_target": stay.loc[base_year] - stay.loc[target_year],
        "gap_target": gap_target,
        "shortfall_target": gap_target.clip(lower=0),  # trainers do not move between institutes: NL sums shortfalls
        "recruit_per_year": per_year,
        "recruited_by_target": recruited.loc[target_year],
        "recruits_to_horizon": recruits.sum(),
    }).astype("int64")
    summary.loc["NL"] = summary.sum()
    summary.index.name = "institute"
    return table, summary
