"""Where to recruit: per municipality of each institute's area, the trainers, practices and a recruitment target.

"Wie gaat waar werven?" (2009): each municipality has a primary institute,
or several recruiting jointly ("gezamenlijk"; the GP then chooses). Here the
primary institute's gap is split over its municipalities in whole trainers
(:func:`regio.apportion.largest_remainder`, exact sums), by the recruitable
practices (practices without a trainer, at most practices − trainers), or by
GPs where an area has no recruitable practice.

Examples
--------
>>> assignment = pd.DataFrame({"institute": ["a", "a", "b"], "joint": ["", "b", ""]}, index=["GM1", "GM2", "GM3"])
>>> gps = pd.DataFrame({"gps": [40, 20, 10], "gps_estimated": True}, index=assignment.index)
>>> out = where_to_recruit(assignment, population=pd.Series([5e4, 3e4, 1e4], index=assignment.index), gps=gps,
...                        practices=pd.Series([20, 10, 5], index=assignment.index),
...                        trainers=pd.DataFrame({"trainers": [8, 2, 5]}, index=assignment.index),
...                        gap=pd.Series({"a": 10, "b": -3}))
>>> out["recruiting"].tolist(), out["recruitable_practices"].tolist(), out["recruit_target"].tolist()
(['a', 'a; b', 'b'], [12, 8, 0], [6, 4, 0])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from regio.apportion import largest_remainder
from regio.errors import InputError, format_codes

__all__ = ["WHERE_COLUMNS", "where_to_recruit"]

#: Columns of :func:`where_to_recruit`.
WHERE_COLUMNS = ["institute", "joint", "recruiting", "population", "gps", "gps_estimated", "practices", "trainers",
                 "trainers_estimated", "trainers_per_practice", "trainers_per_100_gps", "recruitable_practices",
                 "recruit_target"]


def where_to_recruit(assignment: pd.DataFrame, *, population: pd.Series, gps: pd.DataFrame, practices: pd.Series,
                     trainers: pd.DataFrame, gap: pd.Series) -> pd.DataFrame:
    """Per municipality: the recruiting institutes, counts, trainers per practice and the recruitment target.

    Parameters
    ----------
    assignment
        ``institute`` (primary) and ``joint`` per municipality.
    population, practices
        Inhabitants and GP practices per municipality.
    gps
        ``gps`` (and ``gps_estimated``) per municipality.
    trainers
        ``trainers`` (and ``trainers_estimated``) per municipality.
    gap
        Trainers short per institute (negative or 0: no target).

    Returns
    -------
    pandas.DataFrame
        :data:`WHERE_COLUMNS` per municipality (index ``statcode``), sorted
        by institute and then target (largest first); ``recruiting`` is
        ``"amc"`` or ``"amc; vumc"`` (joint). Per institute the targets add
        up exactly to its positive gap.

    Raises
    ------
    InputError
        For municipalities missing from a count, or a gap for an institute
        without municipalities.
    """
    idx = assignment.index
    for name, values in (("population", population), ("gps", gps), ("practices", practices),
                         ("trainers", trainers)):
        missing = idx.difference(values.index)
        if len(missing):
            raise InputError(f"No {name} for municipalities {format_codes(missing)}.", key="trainers.no_values",
                             name=name, codes=format_codes(missing))
    out = pd.DataFrame(index=pd.Index(idx, name="statcode"))
    out["institute"] = assignment["institute"].astype(str)
    out["joint"] = ["; ".join(p.strip() for p in str(j).replace(",", ";").split(";") if p.strip())
                    for j in assignment["joint"].fillna("")]
    out["recruiting"] = [i if not j else f"{i}; {j}" for i, j in zip(out["institute"], out["joint"], strict=True)]
    out["population"] = population.reindex(idx).astype("int64")
    out["gps"] = gps["gps"].reindex(idx).astype("int64")
    out["gps_estimated"] = gps["gps_estimated"].reindex(idx) if "gps_estimated" in gps else False
    out["practices"] = practices.reindex(idx).astype("int64")
    out["trainers"] = trainers["trainers"].reindex(idx).astype("int64")
    out["trainers_estimated"] = (trainers["trainers_estimated"].reindex(idx) if "trainers_estimated" in trainers
                                 else False)
    out["trainers_per_practice"] = (out["trainers"] / out["practices"]).where(out["practices"] > 0)
    out["trainers_per_100_gps"] = (out["trainers"] / out["gps"] * 100).where(out["gps"] > 0)
    out["recruitable_practices"] = (out["practices"] - out["trainers"]).clip(lower=0).astype("int64")
    target = pd.Series(0, index=idx, dtype="int64")
    for inst, short in pd.Series(gap).items():
        n = int(max(round(float(short)), 0))
        here = out.index[out["institute"] == inst]
        if not len(here):
            if n:
                raise InputError(f"Institute {inst} has a gap of {n} but no municipalities.",
                                 key="trainers.gap_without_municipalities", institute=inst, n=n)
            continue
        w = out.loc[here, "recruitable_practices"].astype(float)
        if w.sum() <= 0:
            w = out.loc[here, "gps"].astype(float)
        if w.sum() <= 0:
            w = pd.Series(np.ones(len(here)), index=here)
        target[here] = largest_remainder(n, w).to_numpy()
    out["recruit_target"] = target
    return out.sort_values(["institute", "recruit_target"], ascending=[True, False], kind="stable")
