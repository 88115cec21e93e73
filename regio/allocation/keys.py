"""Keys (population, need, shortfall, mix) and the allocation of a national total over regions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from regio.apportion import apportion_details, normalise_method
from regio.density import provision
from regio.errors import InputError, UnknownCodeError, format_codes
from regio.labels import LANGUAGES, column_label, key_label
from regio.text import fmt_number, joined, source_text, t

#: The keys regio knows (``regio allocate --key``).
KEYS = ("population", "need", "shortfall", "mix")

#: Short labels of the keys, per language: language -> key -> words (from the catalogue :mod:`regio.labels`).
KEY_LABELS: dict[str, dict[str, str]] = {lang: {k: key_label(k, lang) for k in KEYS} for lang in LANGUAGES}

_BAND = re.compile(r"^age_(\d+)_(\d+)$")
_OPEN = re.compile(r"^age_(\d+)plus$")
_TOP_AGE = 100  # single years of age 0..99 carry the profile; open bands end here


def band_range(column: str) -> tuple[int, int | None]:
    """Return the ages (first, last) of an age band column; last is None for an open band.

    Parameters
    ----------
    column
        An age band column name: ``age_<from>_<to>`` or ``age_<from>plus``.

    Returns
    -------
    tuple
        ``(first, last)`` ages, both included; ``last`` is ``None`` for an
        open top band.

    Raises
    ------
    InputError
        If ``column`` is not an age band name or the band ends before it starts.

    Examples
    --------
    >>> band_range("age_15_24"), band_range("age_65plus")
    ((15, 24), (65, None))
    >>> band_range("population")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: 'population' is not an age band column; expected age_<from>_<to> or ...
    """
    if m := _BAND.match(column):
        lo, hi = int(m.group(1)), int(m.group(2))
        if hi < lo:
            raise InputError(f"Age band {column!r} ends before it starts.", key="allocation.band_reversed",
                             column=column)
        return lo, hi
    if m := _OPEN.match(column):
        return int(m.group(1)), None
    raise InputError(f"{column!r} is not an age band column; expected age_<from>_<to> or age_<from>plus "
                     "(as regio.population(..., age_bands=True) returns).", key="allocation.not_a_band",
                     column=column)


def _per_year(table: pd.DataFrame, value: str, *, spread: bool) -> np.ndarray:
    """Spread a table of age bands over single years 0..99 (evenly if ``spread``, else repeat the value)."""
    out = np.full(_TOP_AGE, np.nan)
    for lo, hi, v in zip(table["age_from"], table["age_to"], table[value], strict=True):
        end = _TOP_AGE - 1 if pd.isna(hi) else min(int(hi), _TOP_AGE - 1)
        width = end - int(lo) + 1
        out[int(lo):end + 1] = float(v) / width if spread else float(v)
    return out


def relative_gp_use(
    bands: Sequence[str],
    *,
    rates: pd.DataFrame | None = None,
    profile: pd.DataFrame | None = None,
) -> pd.Series:
    """Relative GP use per age band: the band's contact rate over the national average rate.

    Parameters
    ----------
    bands
        Age band columns such as ``age_0_14`` ... ``age_65plus`` (CBS's five
        municipal bands) or ``age_0_4`` ... ``age_95plus`` (PC4, 5-year bands).
    rates
        ``age_from``, ``age_to`` (NaN = open) and ``contacts_per_patient``.
        Default: :func:`regio.sources.figures.gp_contacts_by_age` (Nivel
        Zorgregistraties eerste lijn, 2017: 0-4 3.5, 5-17 2.3, 18-44 3.6,
        45-64 4.4, 65-74 6.0, 75-84 8.9, 85+ 13.3 contacts per patient).
    profile
        ``age_from``, ``age_to``, ``population``: the age profile that
        weights the rates inside a band that spans several rate bands.
        Default: :func:`regio.sources.figures.national_age_profile` (national
        population by 5-year band, 1 January 2021).

    Returns
    -------
    pandas.Series
        Relative use per band (1 = the national average person), with
        ``attrs["contacts"]`` (contacts per person per band), ``attrs["mean"]``
        and ``attrs["source"]``.

    Raises
    ------
    InputError
        If ``rates`` or ``profile`` lack their columns or do not cover every
        age from 0 up to an open top band, or a band name is not an age band.

    Notes
    -----
    Each 5-year profile band is spread evenly over its single years of age
    (95+ over 95-99) and each year gets the contact rate of the rate band it
    falls in. The rate of a band is the population-weighted mean over its
    years; the national mean is the same over all years. Where the bands
    match the rate bands (45-64) this is just the published rate; the CBS band
    15-24 mixes 5-17 (ages 15-17) and 18-44 (18-24); 65+ mixes 65-74, 75-84
    and 85+ by the national profile, so regions with relatively many over-85s
    are slightly under-weighted.

    Examples
    --------
    >>> rates = pd.DataFrame({"age_from": [0, 50], "age_to": [49, None], "contacts_per_patient": [2.0, 6.0]})
    >>> profile = pd.DataFrame({"age_from": [0, 50], "age_to": [49, None], "population": [50, 50]})
    >>> relative_gp_use(["age_0_49", "age_50plus"], rates=rates, profile=profile).tolist()
    [0.5, 1.5]
    """
    if rates is None or profile is None:
        from regio.data.shipped import gp_contacts_by_age, national_age_profile

        rates = gp_contacts_by_age() if rates is None else rates
        profile = national_age_profile() if profile is None else profile
    for name, table, col in (("rates", rates, "contacts_per_patient"), ("profile", profile, "population")):
        missing = [c for c in ("age_from", "age_to", col) if c not in table.columns]
        if missing:
            raise InputError(f"{name} needs columns age_from, age_to and {col}; missing {', '.join(missing)}.",
                             key="allocation.band_table_columns", name=name, column=col, missing=", ".join(missing))
    r = _per_year(rates, "contacts_per_patient", spread=False)
    p = _per_year(profile, "population", spread=True)
    uncovered = np.flatnonzero(np.isnan(r) | np.isnan(p))
    if len(uncovered):
        raise InputError(f"The contact rates or the age profile do not cover ages "
                         f"{uncovered.min()}-{uncovered.max()}; give bands from 0 up to an open top band.",
                         key="allocation.ages_uncovered", low=int(uncovered.min()), high=int(uncovered.max()))
    mean = float((r * p).sum() / p.sum())
    contacts = {}
    for band in bands:
        lo, hi = band_range(band)
        end = _TOP_AGE if hi is None else min(hi + 1, _TOP_AGE)
        w = p[lo:end]
        contacts[band] = float((r[lo:end] * w).sum() / w.sum())
    out = pd.Series({b: c / mean for b, c in contacts.items()}, name="relative_use")
    rates_src = getattr(rates, "attrs", {}).get("source")
    profile_src = getattr(profile, "attrs", {}).get("source")
    rates_nl = source_text(rates_src) if rates_src else "opgegeven contactcijfers"
    profile_nl = source_text(profile_src) if profile_src else "opgegeven leeftijdsopbouw"
    out.attrs.update({"contacts": contacts, "mean": mean,
                      "source": f"{rates_src or 'given rates'}; weighted by {profile_src or 'given age profile'}",
                      "source_nl": f"{rates_nl}; gewogen met {profile_nl}"})
    return out


def _age_bands(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if isinstance(c, str) and (_BAND.match(c) or _OPEN.match(c))]


def population_key(population: pd.DataFrame | pd.Series) -> pd.Series:
    """Key: inhabitants per region.

    Parameters
    ----------
    population
        A Series of inhabitants, or a frame with a ``population`` column
        (as :func:`regio.population` returns), indexed by region code.

    Returns
    -------
    pandas.Series
        Named ``key``, floats (text that is not a number becomes NaN);
        ``attrs`` describe the key for :func:`audit_notes`.

    Examples
    --------
    >>> pop = pd.DataFrame({"statnaam": ["Groningen", "Fryslân"], "population": [601_347, 661_904]},
    ...                    index=["PV20", "PV21"])
    >>> key = population_key(pop)
    >>> key.to_dict(), key.attrs["description"]
    ({'PV20': 601347.0, 'PV21': 661904.0}, 'inhabitants')
    >>> allocate(10, key)["allocated"].to_dict()
    {'PV20': 5, 'PV21': 5}
    """
    pop = population["population"] if isinstance(population, pd.DataFrame) else population
    out = pd.to_numeric(pop, errors="coerce").astype(float).rename("key")
    out.attrs = {"key": "population", "description": "inhabitants", "description_nl": "inwoners"}
    return out


def need_key(population: pd.DataFrame, *, use: Mapping[str, float] | pd.Series | None = None) -> pd.Series:
    """Key: need-weighted inhabitants, Σ over age bands of inhabitants × relative GP use.

    Parameters
    ----------
    population
        Indexed by region code, with age band columns (``age_0_14`` ...
        ``age_65plus``; :func:`regio.population` with ``age_bands=True``).
    use
        Relative use per band column. Default :func:`relative_gp_use` (Nivel
        contacts per patient by age, 2017, weighted within bands by the
        national age profile of 2021). A user's mapping must name every band.

    Returns
    -------
    pandas.Series
        Named ``key``; ``attrs["use"]`` holds the weights used and
        ``attrs["source"]`` (``source_nl`` in Dutch) where they come from.

    Raises
    ------
    InputError
        No age band columns; missing band counts (naming the regions); a
        ``use`` that misses bands, names unknown ones or is negative.

    Examples
    --------
    >>> pop = pd.DataFrame({"age_0_49": [100, 50], "age_50plus": [0, 50]}, index=["A", "B"])
    >>> need_key(pop, use={"age_0_49": 0.5, "age_50plus": 1.5}).tolist()
    [50.0, 100.0]
    """
    bands = _age_bands(population)
    if not bands:
        raise InputError("The need key needs inhabitants per age band (columns age_0_14 ... age_65plus); "
                         "use regio.population(level, year, age_bands=True).", key="allocation.need_without_bands")
    counts = population[bands].apply(pd.to_numeric, errors="coerce").astype(float)
    bad = counts.index[counts.isna().any(axis=1) | (counts < 0).any(axis=1)]
    if len(bad):
        raise InputError(f"Missing or negative age band counts for {format_codes(bad)} (missing is not zero: "
                         "CBS suppresses small counts; fill them explicitly or use a coarser level).",
                         key="allocation.band_counts_bad", codes=format_codes(bad))
    if use is None:
        weights = relative_gp_use(bands)
        source, source_nl = weights.attrs["source"], weights.attrs["source_nl"]
    else:
        weights = pd.Series(use, dtype=float) if not isinstance(use, pd.Series) else use.astype(float)
        problems = []
        if missing := [b for b in bands if b not in weights.index]:
            problems.append(InputError(f"no weight for {', '.join(missing)}", key="allocation.no_weight",
                                       names=", ".join(missing)))
        if extra := [b for b in weights.index if b not in bands]:
            problems.append(InputError(
                f"weights for bands that are not in the population table: {', '.join(map(str, extra))} "
                f"(bands there: {', '.join(bands)})", key="allocation.use_extra_bands",
                extra=", ".join(map(str, extra)), bands=", ".join(bands)))
        if (weights.dropna() < 0).any() or weights.isna().any():
            problems.append(InputError("weights must be non-negative numbers", key="allocation.use_negative"))
        if problems:
            said = joined(list(problems))
            raise InputError(f"Relative GP use per age band: {said}.", key="allocation.use_problems",
                             problems=said)
        source, source_nl = "given by the user", "opgegeven door de gebruiker"
    w = weights.reindex(bands)
    out = (counts * w).sum(axis=1).rename("key")
    out.attrs = {"key": "need", "use": {b: float(w[b]) for b in bands}, "source": source, "source_nl": source_nl,
                 "description": "Σ inhabitants per age band × relative GP use of the band",
                 "description_nl": "Σ inwoners per leeftijdsgroep × relatief huisartsgebruik van de groep"}
    return out


def shortfall_key(
    counts: pd.Series,
    population: pd.Series,
    *,
    norm_per_100k: float | None = None,
) -> pd.Series:
    """Key: physicians each region lacks to reach the national rate (or a norm).

    ``needed = max(0, population × norm / 100,000 − count)`` from
    :func:`regio.density.provision`; regions at or above the norm weigh 0.

    Parameters
    ----------
    counts
        Physicians per region (e.g. GPs by place of residence, CBS 84777NED).
    population
        Inhabitants per region, same codes and the same year as the counts.
    norm_per_100k
        Physicians per 100,000 inhabitants to reach. Default: the national
        rate (total count / total population).

    Returns
    -------
    pandas.Series
        Named ``key``; ``attrs["provision"]`` is the provision table and
        ``attrs["norm_per_100k"]`` the norm used.

    Raises
    ------
    InputError
        If no region falls short (the key would be zero everywhere), or the
        inputs are invalid (see :func:`regio.density.provision`).

    Examples
    --------
    >>> key = shortfall_key(pd.Series({"A": 50, "B": 150}), pd.Series({"A": 100_000, "B": 100_000}))
    >>> key.tolist(), key.attrs["norm_per_100k"]
    ([50.0, 0.0], 100.0)
    """
    table = provision(counts, population, norm_per_100k=norm_per_100k)
    out = table["needed"].astype(float).rename("key")
    norm = float(table.attrs["norm_per_100k"])
    if not (out > 0).any():
        raise InputError(f"No region falls short of the norm of {norm:.1f} per 100,000 inhabitants, so the shortfall "
                         f"key is zero for {format_codes(out.index)}. Choose a higher norm or another key.",
                         key="allocation.no_shortfall", norm=norm, codes=format_codes(out.index))
    out.attrs = {"key": "shortfall", "norm_per_100k": norm, "provision": table,
                 "description": f"max(0, population × {fmt_number(norm, 2, 'en')} / 100,000 − count)",
                 "description_nl": f"max(0, inwoners × {fmt_number(norm, 2, 'nl')} / 100.000 − aantal)"}
    return out


def mix_key(keys: Mapping[str, pd.Series], weights: Mapping[str, float]) -> pd.Series:
    """Key: a weighted mix of other keys' shares, ``Σ α_k · key_k / Σ key_k`` divided by ``Σ α_k``.

    Each key is first turned into shares (so keys in different units mix
    fairly); the result is a share per region that sums to 1.

    Parameters
    ----------
    keys
        Name -> key (Series over the same regions).
    weights
        Name -> non-negative weight α (need not add up to 1).

    Returns
    -------
    pandas.Series
        Named ``key``; ``attrs["components"]`` is a frame with each key's share.

    Raises
    ------
    InputError
        No keys; weights missing, unknown, negative or all zero; keys over
        different regions or zero everywhere (every problem in one message).

    Examples
    --------
    >>> a = pd.Series({"X": 3.0, "Y": 1.0})
    >>> b = pd.Series({"X": 1.0, "Y": 1.0})
    >>> mix_key({"population": a, "shortfall": b}, {"population": 1, "shortfall": 1}).tolist()
    [0.625, 0.375]
    """
    if not keys:
        raise InputError("A mix needs at least one key.", key="allocation.mix_empty")
    alpha = pd.Series(weights, dtype=float)
    problems = []
    if unknown := [k for k in alpha.index if k not in keys]:
        problems.append(InputError(f"weights for keys that were not computed: {', '.join(unknown)}",
                                   key="allocation.mix_unknown_keys", names=", ".join(unknown)))
    if missing := [k for k in keys if k not in alpha.index]:
        problems.append(InputError(f"no weight for {', '.join(missing)}", key="allocation.no_weight",
                                   names=", ".join(missing)))
    if alpha.isna().any() or (alpha < 0).any():
        problems.append(InputError("mix weights must be non-negative numbers", key="allocation.mix_negative"))
    elif alpha.sum() <= 0:
        problems.append(InputError("mix weights are all zero", key="allocation.mix_all_zero"))
    first = next(iter(keys.values())).index
    for name, key in keys.items():
        if not key.index.sort_values().equals(first.sort_values()):
            codes = format_codes(key.index.symmetric_difference(first))
            problems.append(InputError(f"key {name!r} covers other regions: {codes}",
                                       key="allocation.mix_other_regions", name=name, codes=codes))
        elif key.sum() <= 0:
            problems.append(InputError(f"key {name!r} is zero everywhere", key="allocation.mix_key_zero", name=name))
    if problems:
        said = joined(list(problems))
        raise InputError(f"Cannot mix keys: {said}.", key="allocation.mix_problems", problems=said)
    shares = pd.DataFrame({f"share_{k}": keys[k].reindex(first) / keys[k].sum() for k in keys}, index=first)
    a = alpha.reindex(list(keys)) / alpha.sum()
    out = sum(shares[f"share_{k}"] * a[k] for k in keys).rename("key")
    out.attrs = {"key": "mix", "weights": {k: float(a[k]) for k in keys}, "components": shares,
                 "description": " + ".join(f"{a[k]:.3g} × share of {k}" for k in keys),
                 "description_nl": " + ".join(f"{a[k]:.3g}".replace(".", ",")
                                             + f" × aandeel {KEY_LABELS['nl'].get(k, k).split(' (')[0]}"
                                             for k in keys)}
    return out


def _aligned_values(values: pd.Series | Mapping | None, index: pd.Index, *, what: str,
                    allow_missing: bool = False) -> pd.Series | None:
    if values is None:
        return None
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    problems = []
    if unknown := list(s.index.difference(index)):
        raise UnknownCodeError(f"{what.capitalize()} for regions that are not in the allocation: "
                               f"{format_codes(unknown)}. Regions: {format_codes(index, limit=12)}.",
                               key="allocation.population_unknown" if what == "population"
                               else "allocation.current_unknown",
                               codes=format_codes(unknown), regions=format_codes(index, limit=12))
    num = pd.to_numeric(s, errors="coerce").astype(float).reindex(index)
    missing = index[num.isna()]
    if len(missing) and not allow_missing:
        problems.append(InputError(f"no value for {format_codes(missing)} (missing is not zero: give 0 explicitly)",
                                   key="allocation.no_value", codes=format_codes(missing)))
    if (num.dropna() < 0).any():
        problems.append(InputError(f"negative for {format_codes(num.index[num < 0])}", key="allocation.negative_for",
                                   codes=format_codes(num.index[num < 0])))
    if problems:
        said = joined(list(problems))
        raise InputError(f"{what.capitalize()}: {said}.",
                         key="allocation.population_problems" if what == "population"
                         else "allocation.current_problems", problems=said)
    return num


def per_100k_rounding_only(allocated: pd.Series, population: pd.Series) -> bool:
    """Whether allocated numbers differ per 100,000 only by rounding to whole numbers.

    True when every inhabited region is within one place of the national
    number per inhabitant (as with the population key): a map must then not
    colour the differences per 100,000 as regional ones.

    Parameters
    ----------
    allocated
        Allocated number per region.
    population
        Inhabitants per region, indexed alike.

    Returns
    -------
    bool

    Examples
    --------
    >>> pop = pd.Series({"A": 590_000, "B": 650_000, "C": 500_000})
    >>> per_100k_rounding_only(pd.Series({"A": 34, "B": 37, "C": 29}), pop)
    True
    >>> per_100k_rounding_only(pd.Series({"A": 50, "B": 30, "C": 20}), pop)
    False
    """
    inhabited = population > 0
    national = allocated[inhabited].sum() / population[inhabited].sum()
    return bool(inhabited.any() and ((allocated[inhabited] - national * population[inhabited]).abs() < 1).all())


def allocate(
    total: int,
    key: pd.Series,
    *,
    method: str = "hamilton",
    lower: pd.Series | Mapping | None = None,
    upper: pd.Series | Mapping | None = None,
    population: pd.Series | None = None,
    current: pd.Series | Mapping | None = None,
    names: Mapping[str, str] | pd.Series | None = None,
    components: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Split a national total over regions by a key and return the audit table.

    Parameters
    ----------
    total
        The national number (a non-negative whole number).
    key
        Weights per region (from a key function), indexed by region code.
    method
        ``"hamilton"`` (largest remainder, default), ``"sainte-lague"`` or
        ``"dhondt"`` (see :func:`regio.apportion.apportion_details`).
    lower, upper
        Optional bounds per region (e.g. current training capacity), honoured exactly.
    population
        Inhabitants per region, for ``per_100k`` (all regions).
    current
        A current distribution (e.g. current intake per institute) to compare
        with: every region needs a value (0 where there is none).
    names
        Region names for the ``statnaam`` column.
    components
        Extra columns that explain the key (e.g. age band counts), joined
        before ``key``.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``key``: ``statnaam``, the component columns, ``key``
        and the columns of :func:`regio.apportion.apportion_details`
        (``share``, ``quota``, ``floor``, ``remainder_rank``, ``extra``, ...,
        ``allocated``), then ``population`` and ``per_100k`` (allocated per
        100,000 inhabitants), and ``current``, ``difference`` (allocated −
        current) and ``current_per_100k`` when a current distribution is given.
        ``attrs``: ``total``, ``method``, ``key_sum``, ``left_over``,
        ``divisor``, the key's own attrs under ``key`` and, with a
        population, ``per_100k_rounding_only`` (every region within one place
        of the national number per inhabitant: differences per 100,000 are
        rounding only).

    Raises
    ------
    InputError, UnknownCodeError
        Bad weights, totals or bounds (see :func:`regio.apportion.apportion_details`),
        population or current values that miss regions, name unknown ones or are negative.

    Examples
    --------
    >>> key = pd.Series({"A": 2.0, "B": 1.0})
    >>> t = allocate(5, key, population=pd.Series({"A": 200_000, "B": 100_000}), current={"A": 2, "B": 2})
    >>> t[["quota", "allocated", "per_100k", "current", "difference"]].round(2)
              quota  allocated  per_100k  current  difference
    statcode
    A          3.33          3       1.5        2           1
    B          1.67          2       2.0        2           0
    """
    normalise_method(method)
    if not isinstance(key, pd.Series):
        raise InputError(f"The key must be a pandas Series indexed by region code, got {type(key).__name__}.",
                         key="allocation.key_not_series", type=type(key).__name__)
    details = apportion_details(total, key, method=method, lower=lower, upper=upper)
    out = details.rename(columns={"weight": "key"})
    if components is not None:
        comp = components.reindex(key.index)
        clash = [c for c in comp.columns if c in out.columns]
        if clash:
            raise InputError(f"Component columns clash with the audit table: {', '.join(clash)}.",
                             key="allocation.component_clash", columns=", ".join(clash))
        out = comp.join(out)
    if names is not None:
        nm = pd.Series(names) if not isinstance(names, pd.Series) else names
        out.insert(0, "statnaam", nm.reindex(key.index).fillna(pd.Series(key.index, index=key.index)).astype(str))
    pop = _aligned_values(population, key.index, what="population")
    if pop is not None:
        out["population"] = pop
        # a region without inhabitants (an industrial estate, a lake) has no number per 100,000
        out["per_100k"] = (out["allocated"] / pop.where(pop > 0) * 1e5).astype(float)
        rounding_only = per_100k_rounding_only(out["allocated"], pop)
    cur = _aligned_values(current, key.index, what="current distribution")
    if cur is not None:
        if (cur == cur.round()).all():
            cur = cur.astype("int64")
        out["current"] = cur
        out["difference"] = out["allocated"] - cur
        if pop is not None:
            out["current_per_100k"] = (cur / pop.where(pop > 0) * 1e5).astype(float)
    out.index.name = "statcode"
    out.attrs = {**details.attrs, "key_sum": details.attrs["weight_sum"], "key": dict(getattr(key, "attrs", {}))}
    if pop is not None:
        out.attrs["per_100k_rounding_only"] = rounding_only
    out.attrs.pop("weight_sum", None)
    return out


def with_total_row(table: pd.DataFrame, *, lang: str = "nl") -> pd.DataFrame:
    """Append a national total row (``NL``) for printing and export: sums of counts, ratios recomputed.

    Parameters
    ----------
    table
        An audit table from :func:`allocate`.
    lang
        Language of the total row's ``statnaam`` (``"nl"`` or ``"en"``).

    Returns
    -------
    pandas.DataFrame
        A new table with the row ``NL`` appended: key, shares, quotas, counts,
        population and age bands summed; ``per_100k`` and ``current_per_100k``
        recomputed from the sums (not summed); other columns empty. Whole-number
        columns become ``Int64``; ``attrs`` are kept.

    Examples
    --------
    >>> t = allocate(5, pd.Series({"A": 2.0, "B": 1.0}), population=pd.Series({"A": 200_000, "B": 100_000}))
    >>> row = with_total_row(t, lang="en").loc["NL"]
    >>> int(row["allocated"]), float(row["share"]), round(float(row["per_100k"]), 3)
    (5, 1.0, 1.667)
    >>> t = allocate(5, pd.Series({"A": 2.0, "B": 1.0}), names={"A": "Noord", "B": "Zuid"})
    >>> with_total_row(t)[["statnaam", "allocated", "remainder_rank"]]
                        statnaam  allocated  remainder_rank
    statcode
    A                      Noord          3               2
    B                       Zuid          2               1
    NL        Nederland (totaal)          5            <NA>
    >>> with_total_row(allocate(5, pd.Series({"NL": 2.0, "B": 1.0})))
    Traceback (most recent call last):
    ...
    regio.errors.InputError: A region is called 'NL', the code of the national total row: rename the region ...
    """
    clash = [str(c) for c in table.index if str(c).strip().casefold() == "nl"]
    if clash:
        raise InputError(f"A region is called {clash[0]!r}, the code of the national total row: rename the region "
                         "(e.g. 'NL-deel') in your grouping, so that the table keeps the two apart.",
                         key="allocation.region_called_nl", name=clash[0])
    sums = [c for c in ("key", "share", "quota", "quota_bounded", "floor", "extra", "allocated", "population",
                        "current", "difference") if c in table.columns]
    sums += [c for c in table.columns if _BAND.match(str(c)) or _OPEN.match(str(c))]
    row = {c: table[c].sum() for c in sums}
    if "statnaam" in table.columns:
        row["statnaam"] = "Nederland (totaal)" if lang == "nl" else "Netherlands (total)"
    if "population" in table.columns:
        row["per_100k"] = row["allocated"] / row["population"] * 1e5
        if "current" in table.columns:
            row["current_per_100k"] = row["current"] / row["population"] * 1e5
    total = pd.DataFrame([row], index=pd.Index(["NL"], name=table.index.name))
    out = pd.concat([table, total.reindex(columns=table.columns)])
    for c in ("allocated", "floor", "extra", "remainder_rank", "lower", "upper", "rounded"):
        if c in out.columns:
            out[c] = out[c].astype("Int64")
    if "bound" in out.columns:
        out["bound"] = out["bound"].fillna("")
    out.attrs = dict(table.attrs)
    return out


def _band_words(band: str, lang: str) -> str:
    """Say an age band code as years: ``age_0_14`` -> ``0-14``, ``age_65plus`` -> ``65+`` (else the code)."""
    found = re.fullmatch(r"age_(\d+)_(\d+)", band) or re.fullmatch(r"age_(\d+)plus", band)
    if found is None:
        return band
    return f"{found.group(1)}-{found.group(2)}" if found.lastindex == 2 else f"{found.group(1)}+"


def audit_notes(table: pd.DataFrame, *, lang: str = "nl") -> list[str]:
    """How to read and recompute the audit table, one line each (for the notes sheet and the terminal).

    In Dutch (``lang="nl"``, the default) or English; each column is named
    as Excel and the terminal head it, with its code (the CSV's) in brackets
    at its first mention.

    Parameters
    ----------
    table
        An audit table from :func:`allocate` (its ``attrs`` say the total,
        method and key).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    list of str
        The total and method, the key (and its age weights or mix weights),
        the formulas for ``share`` and ``quota``, how the rounding went (bounds,
        left-over units or the divisor) and, where present, ``per_100k`` and
        ``difference``.

    Examples
    --------
    >>> t = allocate(5, pd.Series({"A": 2.0, "B": 1.0}))
    >>> audit_notes(t, lang="en")[0]
    'Total 5 split by largest remainder (Hamilton) over 2 regions; key sum 3.'
    >>> audit_notes(t)[0]
    "Totaal 5 verdeeld volgens grootste overschot (Hamilton) over 2 regio's; som van de sleutel 3."
    >>> print(audit_notes(t, lang="en")[-1])  # doctest: +NORMALIZE_WHITESPACE
    Whole part [floor] = whole part of Quota; the 1 unit left over goes to the region with Remainder rank
    [remainder_rank] 1 (largest remainder; ties: larger key, then code), marked Extra seat [extra] = 1;
    Allocated [allocated] = whole part + extra seat.
    """
    a = table.attrs
    nl = lang == "nl"
    method_label = {"hamilton": t(lang, "grootste overschot (Hamilton)", "largest remainder (Hamilton)"),
                    "sainte-lague": t(lang, "Sainte-Laguë (delermethode)", "Sainte-Laguë (divisor method)"),
                    "dhondt": t(lang, "D'Hondt (delermethode)", "D'Hondt (divisor method)")}[a["method"]]
    key_sum = a.get("key_sum", float(table["key"].sum()))
    key_sum_text = fmt_number(key_sum, 0, lang) if key_sum >= 1e6 else f"{key_sum:,.6g}"
    if nl and key_sum < 1e6:
        key_sum_text = key_sum_text.replace(",", "_").replace(".", ",").replace("_", ".")
    total = fmt_number(a["total"], 0, lang)
    lines = [t(lang, f"Totaal {total} verdeeld volgens {method_label} over {len(table)} regio's; som van de sleutel "
                     f"{key_sum_text}.",
               f"Total {total} split by {method_label} over {len(table)} regions; key sum {key_sum_text}.")]
    info = a.get("key", {})
    description = info.get("description_nl" if nl else "description") or info.get("description")
    if description:
        lines.append(t(lang, "Sleutel", "Key") + f" {key_label(info.get('key', 'population'), lang, short=True)}: "
                     f"{description}.")
    if info.get("use"):
        lines.append(t(lang, "Relatief huisartsgebruik per leeftijdsgroep: ", "Relative GP use per age band: ")
                     + ", ".join(f"{_band_words(b, lang)} {fmt_number(u, 4, lang)}" for b, u in info["use"].items())
                     + f" ({t(lang, 'bron', 'source')}: "
                     + f"{info.get('source_nl' if nl else 'source') or info.get('source', '')}).")
    if info.get("weights"):
        lines.append(t(lang, "Gewichten van de mix: ", "Mix weights: ")
                     + ", ".join(f"{k} {fmt_number(w, 3, lang)}" for k, w in info["weights"].items()) + ".")
    def col(code: str) -> str:  # a column as Excel and the terminal head it, with the CSV's code
        return f"{column_label(code, lang)} [{code}]"

    share, quota, floor, rank = column_label("share", lang), col("quota"), col("floor"), col("remainder_rank")
    extra, allocated = col("extra"), col("allocated")
    lines.append(t(lang, f"{col('share')} = {col('key')} / som van de sleutel; {quota} = totaal × {share}.",
                   f"{col('share')} = {col('key')} / key sum; {quota} = total × {share}."))
    if a["method"] == "hamilton":
        if "quota_bounded" in table.columns:
            lines.append(t(lang,
                           f"Grenzen: regio's met {col('bound')} lower/upper krijgen die grens; de rest wordt verdeeld "
                           f"naar rato van de sleutel ({col('quota_bounded')} = λ × sleutel, één λ voor alle vrije "
                           "regio's, zodat alles optelt tot het totaal).",
                           f"Bounds: regions with {col('bound')} lower/upper get that bound; the rest is shared in "
                           f"proportion to the key ({col('quota_bounded')} = λ × key, one λ for all free regions, so "
                           "that everything adds up to the total)."))
            q = column_label("quota_bounded", lang)
        else:
            q = column_label("quota", lang)
        left = a["left_over"]
        if left == 1:
            lines.append(t(lang,
                           f"{floor} = geheel deel van {q}; de 1 overgebleven eenheid gaat naar de regio met "
                           f"{rank} 1 (grootste overschot; bij gelijkspel de grootste sleutel, dan de code), "
                           f"aangegeven met {extra} = 1; {allocated} = heel deel + extra plaats.",
                           f"{floor} = whole part of {q}; the 1 unit left over goes to the region with {rank} 1 "
                           f"(largest remainder; ties: larger key, then code), marked {extra} = 1; "
                           f"{allocated} = whole part + extra seat."))
        elif left:
            lines.append(t(lang,
                           f"{floor} = geheel deel van {q}; de {left} overgebleven eenheden gaan één voor één naar "
                           f"de regio's met {rank} 1..{left} (grootste overschot; bij gelijkspel de grootste "
                           f"sleutel, dan de code), aangegeven met {extra} = 1; {allocated} = heel deel + extra "
                           "plaats.",
                           f"{floor} = whole part of {q}; the {left} units left over go one each to the regions "
                           f"with {rank} 1..{left} (largest remainder; ties: larger key, then code), marked "
                           f"{extra} = 1; {allocated} = whole part + extra seat."))
        else:
            lines.append(t(lang,
                           f"{floor} = geheel deel van {q}; de hele delen tellen op tot het totaal, er blijft niets "
                           f"over: {allocated} = heel deel.",
                           f"{floor} = whole part of {q}; the whole parts add up to the total, so nothing is left "
                           f"over: {allocated} = whole part."))
    else:
        divisor = f"{a['divisor']:,.6g}"
        if nl:
            divisor = divisor.replace(",", "_").replace(".", ",").replace("_", ".")
        lines.append(t(lang,
                       f"{col('quotient')} = sleutel / deler (deler {divisor}), "
                       + ("afgerond op het dichtstbijzijnde gehele getal" if a["method"] == "sainte-lague"
                          else "naar beneden afgerond")
                       + f" ({col('rounded')}); {allocated} = afgerond, binnen de grenzen als die er zijn "
                         "(gelijkspel om de laatste eenheid: grootste sleutel, dan de code).",
                       f"{col('quotient')} = key / divisor (divisor {divisor}), "
                       + ("rounded to the nearest whole number" if a["method"] == "sainte-lague" else "rounded down")
                       + f" ({col('rounded')}); {allocated} = rounded, kept within the bounds if any (ties for the "
                         "last unit: larger key, then code)."))
    if "per_100k" in table.columns:
        lines.append(t(lang, f"{col('per_100k')} = toegewezen / inwoners × 100.000.",
                       f"{col('per_100k')} = allocated / population × 100,000."))
    if "difference" in table.columns:
        what = a.get("current_label")
        lines.append(t(lang, f"{col('difference')} = toegewezen − {col('current')} ({column_label('current', lang)}: "
                             f"{what or 'de huidige verdeling'}).",
                       f"{col('difference')} = allocated − {col('current')} ({column_label('current', lang)}: "
                       f"{what or 'the current distribution'})."))
    return lines
