"""GPs and trainers per municipality and per recruitment area."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from regio.apportion import largest_remainder
from regio.errors import InputError, UnknownCodeError, format_codes, said_value
from regio.recruitment.assign import _validated
from regio.recruitment.institutes import DEFAULT_TARGET_SHARE, NATIONAL_TRAINERS_2009

#: How a province's GP count is spread over its municipalities where no municipal counts exist:
#: by their share of GP practices (:func:`regio.practices`, the default) or by their share of inhabitants.
SPREADS = ("practices", "population")

# ----------------------------------------------------------------------------- counts

#: Codes of ``gps_method``: how a municipality's number of GPs was found (words in :data:`regio._columns.CELL_WORDS`).
GPS_METHODS = ("counted", "province_by_weights", "province_by_population", "national_rate")
#: Codes of ``trainers_method``.
TRAINERS_METHODS = ("given", "national_by_gp_share", "institute_by_gp_share")


def estimate_gps(
    population: pd.Series,
    *,
    province_counts: pd.Series | None = None,
    province_of: pd.Series | None = None,
    national_rate: float | None = None,
    weights: pd.Series | None = None,
    weights_name: str = "practices",
) -> pd.DataFrame:
    """Estimate GPs per municipality where no municipal counts exist.

    Two methods, both flagged as estimates:

    * ``province_counts`` + ``province_of``: each province's count split over
      its municipalities by their share of ``weights`` (e.g. GP practices:
      the spread ``practices`` of :data:`SPREADS`), or by population share
      without ``weights`` (the spread ``population``); whole GPs by largest
      remainder, every province's total kept exactly. A province whose
      municipalities all weigh 0 is split by population (``gps_method`` says so);
    * ``national_rate`` (GPs per 100,000 inhabitants): the national total
      ``rate x population`` rounded and split by population share.

    Parameters
    ----------
    population
        Inhabitants per municipality.
    province_counts
        GPs per province code (e.g. CBS 84777NED 2018, by residence).
    province_of
        Province code per municipality.
    national_rate
        GPs per 100,000 inhabitants (e.g. 76).
    weights
        Non-negative weight per municipality (every municipality of
        ``population``) to split the province counts by, e.g. GP practices
        (:func:`regio.practices`); None: by population.
    weights_name
        What ``weights`` are, for the messages of errors (``"practices"``).

    Returns
    -------
    pandas.DataFrame
        ``gps`` (int), ``gps_estimated`` (True) and ``gps_method``, a code
        (:data:`GPS_METHODS`): ``province_by_weights`` (split by ``weights``),
        ``province_by_population`` (by population: no weights, or none in the
        province) or ``national_rate``; the report words it.

    Raises
    ------
    InputError
        Without either method's inputs, for municipalities without a
        province, provinces without a count, a negative rate, missing or
        negative inhabitants or weights, or ``weights`` with ``national_rate``.

    Examples
    --------
    >>> pop = pd.Series({"GM1": 300, "GM2": 100, "GM3": 50})
    >>> prov = pd.Series({"GM1": "PV1", "GM2": "PV1", "GM3": "PV2"})
    >>> est = estimate_gps(pop, province_counts=pd.Series({"PV1": 10, "PV2": 3}), province_of=prov)
    >>> est["gps"].to_dict()
    {'GM1': 8, 'GM2': 2, 'GM3': 3}
    >>> by_practices = estimate_gps(pop, province_counts=pd.Series({"PV1": 10, "PV2": 3}), province_of=prov,
    ...                             weights=pd.Series({"GM1": 2, "GM2": 3, "GM3": 1}))
    >>> by_practices["gps"].to_dict(), by_practices["gps_method"].iloc[0]
    ({'GM1': 4, 'GM2': 6, 'GM3': 3}, 'province_by_weights')
    """
    pop = _validated(population, what="inhabitants", index=pd.Index(population.index.astype(str)))
    if weights is not None:
        if province_counts is None:
            raise InputError("estimate_gps: weights split province counts; give province_counts (with "
                             "province_of), or leave weights out for national_rate.",
                             key="recruitment.weights_without_provinces")
        w = _validated(weights, what=weights_name, index=pop.index)
    if province_counts is not None:
        if province_of is None:
            raise InputError("estimate_gps with province_counts needs province_of (province per municipality).",
                             key="recruitment.province_of_missing")
        prov = pd.Series(province_of).astype(str).reindex(pop.index)
        if prov.isna().any() or (prov == "nan").any():
            lost = pop.index[prov.isna() | (prov == "nan")]
            raise InputError(f"No province for municipalities {format_codes(lost)}.",
                             key="recruitment.no_province", codes=format_codes(lost))
        counts = pd.Series(province_counts)
        lacking = sorted(set(prov) - set(counts.index.astype(str)))
        if lacking:
            raise InputError(f"No GP count for provinces {format_codes(lacking)}.",
                             key="recruitment.no_province_count", codes=format_codes(lacking))
        key = pop if weights is None else w
        parts, by_population = [], []
        method = pd.Series("province_by_population" if weights is None else "province_by_weights", index=pop.index,
                           dtype=object)
        for p in sorted(set(prov)):
            inside = (prov == p).to_numpy()
            share = key[inside]
            if weights is not None and float(share.sum()) <= 0:
                share = pop[inside]  # no practice in the whole province: the population decides
                by_population.append(p)
            parts.append(largest_remainder(round(float(counts[p])), share))
        gps = pd.concat(parts).reindex(pop.index)
        method[prov.isin(by_population).to_numpy()] = "province_by_population"
    elif national_rate is not None:
        if national_rate < 0:
            raise InputError(f"national_rate must be non-negative, got {national_rate}.",
                             key="recruitment.negative_rate", rate=national_rate)
        total = round(national_rate * pop.sum() / 100_000)
        gps = largest_remainder(total, pop)
        method = "national_rate"
    else:
        raise InputError("estimate_gps needs province_counts (with province_of) or national_rate.",
                         key="recruitment.no_gp_basis")
    return pd.DataFrame({"gps": gps.astype("int64"), "gps_estimated": True, "gps_method": method}, index=pop.index)


def municipal_trainers(gps: pd.Series, *, national_total: int = NATIONAL_TRAINERS_2009) -> pd.DataFrame:
    """Split a national number of trainers over municipalities by GP share (estimate).

    Parameters
    ----------
    gps
        GPs per municipality code.
    national_total
        Trainers to split (default :data:`NATIONAL_TRAINERS_2009`, 1700);
        whole trainers by largest remainder.

    Returns
    -------
    pandas.DataFrame
        ``trainers`` (int, summing to ``national_total``), ``trainers_estimated``
        (True) and ``trainers_method`` ``"national_by_gp_share"`` (a code, :data:`TRAINERS_METHODS`).

    Raises
    ------
    InputError
        For missing, non-numeric or negative GP counts.

    Examples
    --------
    >>> municipal_trainers(pd.Series({"GM1": 30, "GM2": 10}), national_total=10)["trainers"].to_dict()
    {'GM1': 8, 'GM2': 2}
    """
    g = _validated(gps, what="GPs", index=pd.Index(gps.index.astype(str)))
    t = largest_remainder(int(national_total), g)
    return pd.DataFrame({"trainers": t, "trainers_estimated": True,
                         "trainers_method": "national_by_gp_share"},
                        index=g.index)


def area_summary(
    assignment: pd.DataFrame,
    municipal: pd.DataFrame,
    *,
    institutes: Iterable[str],
    institute_trainers: pd.Series | None = None,
    target_share: float = DEFAULT_TARGET_SHARE,
    trainees_per_trainer: float = 1.0,
    extra_trainers: int | None = None,
    split_by: str = "gap",
) -> pd.DataFrame:
    """Inhabitants, GPs, trainers, target and gap per institute area.

    Each municipality counts once, in its primary institute's area (joint
    zones are counted with the primary institute and listed separately).

    Parameters
    ----------
    assignment
        From one of the ``assign_*`` functions.
    municipal
        Per municipality: ``population``, ``gps`` (with ``gps_estimated``)
        and, unless ``institute_trainers`` is given, ``trainers`` (with
        ``trainers_estimated``).
    institutes
        All institute ids (areas without municipalities are kept, with zeros).
    institute_trainers
        Trainers per institute (overrides municipal trainers).
    target_share
        Target trainers as a share of GPs (default 0.25).
    trainees_per_trainer
        Trainees one trainer can train at a time (capacity = trainers x this).
    extra_trainers
        A national number of extra trainers (e.g. 300) to split over the areas
        in whole numbers (largest remainder) by ``split_by``.
    split_by
        The weights of that split: ``"gap"`` (default; the positive gaps),
        ``"gps"`` or ``"population"``.

    Returns
    -------
    pandas.DataFrame
        Indexed by institute id: ``municipalities``, ``joint_municipalities``,
        ``population``, ``gps``, ``gps_estimated``, ``trainers``,
        ``trainers_estimated``, ``trainer_share`` (trainers / GPs),
        ``trainers_per_100_gps`` (the same per 100 GPs, as maps show it;
        empty where an area has no GPs), ``target_trainers``,
        ``gap`` (target - trainers; positive is a shortfall),
        ``trainee_capacity`` and, with ``extra_trainers``, ``extra_trainers``.
        Totals of counts equal the municipal totals.

    Raises
    ------
    InputError
        For ``target_share`` outside (0, 1], ``trainees_per_trainer`` not
        positive, municipalities without an institute, missing columns or
        bad numbers, an unknown ``split_by``, or extra trainers to split by
        weights that are all zero.
    UnknownCodeError
        For institutes not in ``institutes``, or municipalities in the
        assignment but not in ``municipal`` (or the other way round).

    Examples
    --------
    >>> assignment = pd.DataFrame({"institute": ["a", "a", "b"], "joint": ["", "b", ""]},
    ...                           index=["GM1", "GM2", "GM3"])
    >>> municipal = pd.DataFrame({"population": [50_000, 30_000, 20_000], "gps": [40, 20, 20],
    ...                           "trainers": [8, 4, 3]}, index=["GM1", "GM2", "GM3"])
    >>> s = area_summary(assignment, municipal, institutes=["a", "b", "c"], extra_trainers=10)
    >>> s[["municipalities", "gps", "trainers", "target_trainers", "gap", "extra_trainers"]]
               municipalities  gps  trainers  target_trainers  gap  extra_trainers
    institute
    a                       2   60        12             15.0  3.0               6
    b                       1   20         3              5.0  2.0               4
    c                       0    0         0              0.0  0.0               0
    >>> s["joint_municipalities"].tolist()
    [1, 0, 0]
    >>> s["trainers_per_100_gps"].tolist()  # c has no GPs
    [20.0, 15.0, nan]
    """
    if not 0 < target_share <= 1:
        raise InputError(f"target_share= (the share of the GPs who are trainers) must be in (0, 1], got "
                         f"{target_share!r}.", key="recruitment.bad_target_share",
                         share=said_value(target_share))
    if not trainees_per_trainer > 0:
        raise InputError(f"trainees_per_trainer= (trainees per trainer) must be positive, got "
                         f"{trainees_per_trainer!r}.",
                         key="recruitment.bad_trainees_per_trainer", n=said_value(trainees_per_trainer))
    ids = pd.Index([str(i) for i in institutes], name="institute")
    unknown = sorted(set(assignment["institute"].dropna()) - set(ids))
    if unknown:
        raise UnknownCodeError(f"Unknown institutes in the assignment: {format_codes(unknown)} "
                               f"(known: {', '.join(ids)}).", key="recruitment.unknown_assigned_institutes",
                               codes=format_codes(unknown), known=", ".join(ids))
    none = assignment.index[assignment["institute"].isna()]
    if len(none):
        raise InputError(f"Municipalities without an institute: {format_codes(none)}.",
                         key="recruitment.without_institute", codes=format_codes(none))
    missing = assignment.index.difference(municipal.index)
    if len(missing):
        raise UnknownCodeError(f"No counts for assigned municipalities {format_codes(missing)}.",
                               key="recruitment.no_counts_for_assigned", codes=format_codes(missing))
    stray = municipal.index.difference(assignment.index)
    if len(stray):
        raise UnknownCodeError(f"Municipalities with counts but no assignment: {format_codes(stray)}.",
                               key="recruitment.counts_not_assigned", codes=format_codes(stray))
    cols = ["population", "gps"] + (["trainers"] if institute_trainers is None else [])
    lacking = [c for c in cols if c not in municipal.columns]
    if lacking:
        raise InputError(f"Municipal table lacks column(s) {', '.join(lacking)}.",
                         key="recruitment.municipal_columns_missing", columns=", ".join(lacking))
    for c in cols:
        _validated(municipal[c], what=c, index=municipal.index)
    primary = assignment["institute"].reindex(municipal.index)
    grouped = municipal[cols].groupby(primary.to_numpy())
    out = grouped.sum().reindex(ids, fill_value=0)
    out.insert(0, "municipalities", primary.value_counts().reindex(ids, fill_value=0).astype("int64"))
    has_joint = assignment["joint"].fillna("").astype(str) != ""
    out.insert(1, "joint_municipalities",
               primary[has_joint.reindex(municipal.index)].value_counts().reindex(ids, fill_value=0).astype("int64"))
    flag = lambda col: (municipal[col].astype(bool).groupby(primary.to_numpy()).any()  # noqa: E731
                        .reindex(ids, fill_value=False) if col in municipal else pd.Series(False, index=ids))
    out["gps_estimated"] = flag("gps_estimated")
    if institute_trainers is not None:
        out["trainers"] = _validated(institute_trainers, what="trainers per institute", index=ids,
                                     unit_label="institute")
        out["trainers_estimated"] = False
    else:
        out["trainers_estimated"] = flag("trainers_estimated")
    out = out[["municipalities", "joint_municipalities", "population", "gps", "gps_estimated",
               "trainers", "trainers_estimated"]]
    gps = out["gps"].astype(float)
    out["trainer_share"] = (out["trainers"] / gps).where(gps > 0)
    out["trainers_per_100_gps"] = (out["trainers"] / gps * 100).where(gps > 0)
    out["target_trainers"] = target_share * gps
    out["gap"] = out["target_trainers"] - out["trainers"]
    out["trainee_capacity"] = out["trainers"] * trainees_per_trainer
    if extra_trainers is not None:
        keys = {"gap": out["gap"].clip(lower=0), "gps": gps, "population": out["population"].astype(float)}
        if split_by not in keys:
            raise InputError(f"split_by must be one of {', '.join(keys)}, got {split_by!r}.",
                             key="recruitment.unknown_split_by", choices=", ".join(keys), split_by=split_by)
        weights = keys[split_by]
        if int(extra_trainers) > 0 and weights.sum() <= 0:
            raise InputError(f"No area has a positive {split_by}; split the extra trainers by 'gps' instead.",
                             key="recruitment.nothing_to_split_by", split_by=split_by)
        out["extra_trainers"] = largest_remainder(int(extra_trainers), weights)
    out.attrs.update({"target_share": target_share, "trainees_per_trainer": trainees_per_trainer,
                      "split_by": split_by, "method": assignment.attrs.get("method", "")})
    return out
