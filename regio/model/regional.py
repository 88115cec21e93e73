"""The GP model per region, reconciled so that the regional advices add up to the national advice.

Each region runs the national model with the parameters that differ by
region and the national values for the rest (see :data:`REGIONAL_PARAMETERS`):

* **stock of GPs** (``aanbod_personen``): the national stock times the
  region's share of the GPs in ``inputs["gps"]`` (CBS counts by province of
  residence); the same share of the trainees now in training, of the
  intake before the bijsturingsjaar, of the current intake and of the inflow
  from abroad (trainees are trained in practices, so where the GPs are);
* **share of women** (``per_vrouw_basis``) where ``inputs`` has it;
* **demography** (``demo_5`` ... ``demo_20``): the national demographic
  growth (population and ageing) times the region's population growth
  relative to the nation, extrapolated from the growth between two years
  (``population_start`` → ``population``), and, where ``inputs`` has the
  columns ``ageing_5`` ... ``ageing_20`` (:func:`regio.model.ageing.ageing_factors`
  from the region's age structure; NaN or absent: 1, the region ages as the
  nation), times the region's ageing relative to the nation's::

      1 + demo_r(k) = (1 + demo(k)) · ((1 + g_r) / (1 + g_NL))^k · ageing_r(k)

* **unfulfilled demand** (``onv_vraag``) where ``inputs`` has it, or, with
  ``unfulfilled="density"``, from the GP density relative to the nation:
  ``(1 + onv_vraag) · density_NL / density_r − 1`` (base demand then follows
  population instead of supply). The density sets the GPs against
  ``population_gps`` when the inputs have it (the inhabitants of the 1
  January that goes with the counts, as ``regio density``:
  :func:`regio.model.inputs.load_regional_inputs`), else ``population``.

Each region's unrounded advice is its weight; the national advice, rounded,
is apportioned over the regions by largest remainder
(:func:`regio.apportion.largest_remainder`), so the regional advices are whole
numbers that add up exactly to it.

Examples
--------
>>> import pandas as pd
>>> from regio.model.parameters import example_parameters
>>> inputs = pd.DataFrame({"gps": [600.0, 400.0], "population": [1_100_000, 900_000],
...                        "population_start": [1_000_000, 900_000]}, index=["A", "B"])
>>> out = regional_advice(example_parameters(), inputs, growth_years=10)
>>> int(out["advice"].sum()) == round(out.attrs["national_advice"])
True
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from regio.apportion import largest_remainder
from regio.errors import InputError, RegioWarning, format_codes, said_value
from regio.model.ageing import AGEING_COLUMNS, HORIZONS
from regio.model.core import get_scenario, intake_advice, supply
from regio.model.parameters import COHORT_SUFFIXES, GPParameters, joined
from regio.text import fmt_number

__all__ = ["REGIONAL_PARAMETERS", "REGIONAL_PARAMETERS_NL", "regional_advice", "regional_caveat", "regional_parameters"]

#: Which parameters differ by region, and how.
REGIONAL_PARAMETERS = {
    "aanbod_personen": "regional: national stock × the region's share of GPs (CBS 84777NED, by residence)",
    "n_inopleiding_perjaar, n_inopleiding_perjaar2, n_inopleiding_perjaar3, n_buitenland":
        "regional: national number × the region's share of GPs",
    "per_vrouw_basis": "regional where the inputs give it (no regional sex mix in the data: national)",
    "demo_5, demo_10, demo_15, demo_20": "regional: national demography × relative population growth of the region "
                                         "× its ageing relative to the nation where the inputs give it (ageing_5 ... "
                                         "ageing_20, from its age structure)",
    "onv_vraag": "regional where the inputs give it, or from GP density (unfulfilled='density'); else national",
    "all other parameters": "national: FTE factors, outflow, training duration, intern and extern rendement, "
                            "share of women in training, non-demographic factors, years",
}

#: The same in Dutch.
REGIONAL_PARAMETERS_NL = {
    "aanbod_personen": "regionaal: landelijk aanbod × het aandeel van de regio in de huisartsen (CBS 84777NED, naar "
                       "woonplaats)",
    "n_inopleiding_perjaar, n_inopleiding_perjaar2, n_inopleiding_perjaar3, n_buitenland":
        "regionaal: landelijk aantal × het aandeel van de regio in de huisartsen",
    "per_vrouw_basis": "regionaal waar de invoer het geeft (geen regionale verdeling naar geslacht in de gegevens: "
                       "landelijk)",
    "demo_5, demo_10, demo_15, demo_20": "regionaal: landelijke demografie × relatieve bevolkingsgroei van de regio "
                                         "× haar vergrijzing ten opzichte van het land waar de invoer die geeft "
                                         "(ageing_5 ... ageing_20, uit haar leeftijdsopbouw)",
    "onv_vraag": "regionaal waar de invoer het geeft, of uit de huisartsendichtheid (unfulfilled='density'); anders "
                 "landelijk",
    "alle andere parameters": "landelijk: fte-factoren, uitstroom, opleidingsduur, intern en extern rendement, aandeel "
                              "vrouwen in opleiding, niet-demografische factoren, jaren",
}

_REQUIRED = ("gps", "population", "population_start")


def _check_inputs(inputs: pd.DataFrame) -> None:
    problems = []
    missing = [c for c in _REQUIRED if c not in inputs.columns]
    if missing:
        raise InputError(f"Regional inputs lack column(s) {', '.join(missing)}; they need {', '.join(_REQUIRED)} "
                         "(optional: statnaam, per_vrouw_basis, onv_vraag).", key="model.regional_columns",
                         missing=", ".join(missing), required=", ".join(_REQUIRED))
    if inputs.index.duplicated().any():
        dup = format_codes(inputs.index[inputs.index.duplicated()])
        problems.append(InputError(f"duplicate region codes {dup}", key="model.duplicate_regions", codes=dup))
    for col in _REQUIRED:
        v = pd.to_numeric(inputs[col], errors="coerce")
        bad = v.isna() | ~np.isfinite(v) | (v < 0) | ((v == 0) & (col != "gps"))
        if bad.any():
            codes = format_codes(inputs.index[bad])
            problems.append(InputError(f"column {col!r} has missing, negative or zero values at {codes}",
                                       key="model.column_not_positive", column=said_value(col), codes=codes))
    if not problems and pd.to_numeric(inputs["gps"]).sum() <= 0:
        problems.append(InputError("column 'gps' sums to zero", key="model.no_gps"))
    if "population_gps" in inputs.columns:
        v = pd.to_numeric(inputs["population_gps"], errors="coerce")
        bad = v.isna() | ~np.isfinite(v) | (v <= 0)
        if bad.any():
            codes = format_codes(inputs.index[bad])
            problems.append(InputError(f"column 'population_gps' has missing, negative or zero values at {codes}",
                                       key="model.column_not_positive", column="'population_gps'", codes=codes))
    for col in ("per_vrouw_basis", "onv_vraag", *AGEING_COLUMNS):
        if col in inputs.columns:
            v = pd.to_numeric(inputs[col], errors="coerce")
            if (inputs[col].notna() & v.isna()).any():
                problems.append(InputError(f"column {col!r} has values that are not numbers",
                                           key="model.column_not_numbers", column=said_value(col)))
            elif col in AGEING_COLUMNS and (~np.isfinite(v) | (v <= 0)).any():  # a factor on the demography
                bad = inputs.index[~np.isfinite(v) | (v <= 0)]
                problems.append(InputError(f"column {col!r} must be a finite factor above 0; not at "
                                           f"{format_codes(bad)}", key="model.column_not_factor",
                                           column=said_value(col), codes=format_codes(bad)))
    if len(inputs) == 0:
        problems.append(InputError("no regions", key="model.no_regions"))
    if problems:
        raise InputError(f"Regional inputs: {joined(problems)}.", key="model.bad_regional_inputs",
                         problems=joined(problems))


def _density_population(inputs: pd.DataFrame) -> pd.Series:
    """Inhabitants to set the GPs against: ``population_gps`` (the counts' own 1 January) where given."""
    if "population_gps" in inputs.columns:
        return pd.to_numeric(inputs["population_gps"], errors="coerce").astype(float)
    return inputs["population"].astype(float)


def _regional_onv(params: GPParameters, inputs: pd.DataFrame, unfulfilled: str) -> pd.Series:
    if unfulfilled not in ("national", "density"):
        raise InputError(f"unfulfilled must be 'national' or 'density', got {unfulfilled!r}.",
                         key="model.bad_unfulfilled", value=said_value(unfulfilled))
    onv = pd.Series(params.onv_vraag, index=inputs.index, dtype=float)
    if unfulfilled == "density":
        gps = inputs["gps"].astype(float)
        pop = _density_population(inputs)
        if (gps <= 0).any():
            raise InputError(f"unfulfilled='density' needs GPs in every region; none in "
                             f"{format_codes(inputs.index[gps <= 0])}.", key="model.density_needs_gps",
                             codes=format_codes(inputs.index[gps <= 0]))
        dens_nl = gps.sum() / pop.sum()
        onv = (1 + params.onv_vraag) * dens_nl / (gps / pop) - 1
    if "onv_vraag" in inputs.columns:
        given = pd.to_numeric(inputs["onv_vraag"], errors="coerce")
        onv = given.where(given.notna(), onv)
    return onv


def regional_parameters(
    params: GPParameters,
    inputs: pd.DataFrame,
    *,
    growth_years: float,
    unfulfilled: str = "national",
) -> dict[str, GPParameters]:
    """One parameter set per region (see the module notes for what differs).

    Parameters
    ----------
    params
        National parameters.
    inputs
        Indexed by region code: ``gps`` (GPs, any year: only shares are used),
        ``population`` and ``population_start`` (inhabitants in two years,
        same areas), optional ``population_gps`` (inhabitants of the moment
        the GPs were counted, for their density), ``per_vrouw_basis``,
        ``onv_vraag`` (NaN = national) and ``ageing_5`` ... ``ageing_20``
        (the region's ageing relative to the nation's, NaN = 1).
    growth_years
        Years between ``population_start`` and ``population``.
    unfulfilled
        ``"national"`` or ``"density"`` (see the module notes).

    Returns
    -------
    dict
        Region code -> :class:`GPParameters`.

    Raises
    ------
    InputError
        For missing columns, duplicate codes, missing or negative values,
        ``growth_years`` not positive, or an unknown ``unfulfilled``.

    Examples
    --------
    Region A grows 10 % in 10 years, B not at all; A has 60 % of the GPs:

    >>> import pandas as pd
    >>> from regio.model.parameters import example_parameters
    >>> inputs = pd.DataFrame({"gps": [600.0, 400.0], "population": [1_100_000, 900_000],
    ...                        "population_start": [1_000_000, 900_000]}, index=["A", "B"])
    >>> r = regional_parameters(example_parameters(), inputs, growth_years=10)
    >>> round(r["A"].aanbod_personen, 1), round(r["A"].n_inopleiding_perjaar3, 1)
    (8608.2, 430.8)
    >>> round(float(r["A"].demo_20), 4), round(float(r["B"].demo_20), 4)  # national 0.148
    (0.2536, 0.0361)
    >>> d = regional_parameters(example_parameters(), inputs, growth_years=10, unfulfilled="density")
    >>> round(float(d["A"].onv_vraag), 4), round(float(d["B"].onv_vraag), 4)  # B: fewer GPs per inhabitant
    (-0.0256, 0.1959)
    >>> regional_parameters(example_parameters(), inputs, growth_years=0)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: growth_years must be positive, got 0.
    """
    _check_inputs(inputs)
    if not growth_years > 0:
        raise InputError(f"growth_years must be positive, got {growth_years!r}.", key="model.bad_growth_years",
                         value=said_value(growth_years))
    gps = inputs["gps"].astype(float)
    share = gps / gps.sum()
    pop, start = inputs["population"].astype(float), inputs["population_start"].astype(float)
    g_nl = (pop.sum() / start.sum()) ** (1 / growth_years) - 1
    g_r = (pop / start) ** (1 / growth_years) - 1
    onv = _regional_onv(params, inputs, unfulfilled)
    women = pd.to_numeric(inputs["per_vrouw_basis"], errors="coerce") if "per_vrouw_basis" in inputs else None
    ageing = {k: (pd.to_numeric(inputs[f"ageing_{k}"], errors="coerce").fillna(1.0) if f"ageing_{k}" in inputs
                  else pd.Series(1.0, index=inputs.index)) for k in HORIZONS}
    out = {}
    for code in inputs.index:
        s = float(share[code])
        rel = (1 + g_r[code]) / (1 + g_nl)
        changes: dict[str, object] = {
            "aanbod_personen": params.aanbod_personen * s, "n_buitenland": params.n_buitenland * s,
            "onv_vraag": float(onv[code]), "bron": f"{params.bron}; region {code}",
        }
        for sfx in COHORT_SUFFIXES:
            changes[f"n_inopleiding_perjaar{sfx}"] = getattr(params, f"n_inopleiding_perjaar{sfx}") * s
        for k in (5, 10, 15, 20):
            changes[f"demo_{k}"] = (1 + getattr(params, f"demo_{k}")) * rel**k * float(ageing[k][code]) - 1
        if women is not None and pd.notna(women[code]):
            changes["per_vrouw_basis"] = float(women[code])
        if s == 0:  # a region without GPs has no stock to model; keep the parameter set valid
            changes["aanbod_personen"] = 1e-9
        out[code] = params.replace(**changes)
    return out


def regional_advice(
    params: GPParameters,
    inputs: pd.DataFrame,
    *,
    growth_years: float | None = None,
    scenario: str = "full",
    unfulfilled: str = "national",
) -> pd.DataFrame:
    """Run the model per region and apportion the national advice over the regions.

    Parameters
    ----------
    params
        National parameters.
    inputs
        See :func:`regional_parameters`; not changed.
    growth_years
        Years between ``population_start`` and ``population``; default
        ``inputs.attrs["growth_years"]`` (as :func:`regio.model.inputs.load_regional_inputs` sets it).
    scenario
        Demand scenario.
    unfulfilled
        ``"national"`` (default) or ``"density"``.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``inputs``: ``statnaam`` (if given), ``gps``,
        ``gps_per_100k`` (the GP density of ``unfulfilled="density"``),
        ``stock_share``, ``population``, ``growth_pct`` (population growth a
        year), ``demo_eq`` (demographic growth of demand to the equilibrium
        year), ``onv_vraag``, ``supply_base_fte``, ``demand_eq_fte``,
        ``supply_eq_fte`` (at the region's share of the current intake),
        ``current_intake``, ``raw_advice`` (the region's own model advice),
        ``advice`` (whole trainees a year, apportioned; they sum to the
        national advice rounded) and ``advice_per_100k`` (per 100,000
        inhabitants of ``population``). ``attrs`` has ``national_advice``,
        ``total``, ``scenario``, ``year`` and ``method`` (``method_nl`` in Dutch).

    Raises
    ------
    InputError
        As :func:`regional_parameters`, for an unknown scenario, or when the
        national advice is negative.

    Warns
    -----
    RegioWarning
        If a region's own advice is negative (it gets weight 0).

    Examples
    --------
    >>> import pandas as pd
    >>> from regio.model.parameters import example_parameters
    >>> inputs = pd.DataFrame({"gps": [600.0, 400.0], "population": [1_100_000, 900_000],
    ...                        "population_start": [1_000_000, 900_000]}, index=["A", "B"])
    >>> out = regional_advice(example_parameters(), inputs, growth_years=10)
    >>> out["raw_advice"].round(1).tolist(), out["advice"].tolist(), out.attrs["total"]
    ([713.6, 341.9], [694, 333], 1027)
    >>> regional_advice(example_parameters(), inputs, growth_years=10, unfulfilled="density")["advice"].tolist()
    [601, 426]
    """
    sc = get_scenario(scenario)
    if growth_years is None:
        if "growth_years" not in inputs.attrs:
            raise InputError("growth_years is needed: the years between population_start and population (inputs "
                             "from regio.model.inputs.load_regional_inputs carry it in attrs).",
                             key="model.growth_years_needed")
        growth_years = float(inputs.attrs["growth_years"])
    regional = regional_parameters(params, inputs, growth_years=growth_years, unfulfilled=unfulfilled)
    national = intake_advice(params, scenario=sc)
    y = national.year
    i = y - params.basisjaar
    rows = {}
    for code, p in regional.items():
        a = intake_advice(p, scenario=sc)
        demo = float(np.interp(i, [0, 5, 10, 15, 20], p.demography_points()))
        rows[code] = {"supply_base_fte": float(supply(p, intake=0.0)["fte"].iloc[0]), "demand_eq_fte": a.demand_fte,
                      "supply_eq_fte": a.supply_fte, "current_intake": a.current_intake, "raw_advice": a.advice,
                      "demo_eq": demo, "onv_vraag": p.onv_vraag}
    res = pd.DataFrame.from_dict(rows, orient="index").reindex(inputs.index)
    gps = inputs["gps"].astype(float)
    pop, start = inputs["population"].astype(float), inputs["population_start"].astype(float)
    out = pd.DataFrame(index=inputs.index)
    if "statnaam" in inputs.columns:
        out["statnaam"] = inputs["statnaam"]
    out["gps"] = gps
    out["gps_per_100k"] = gps / _density_population(inputs) * 100_000
    out["stock_share"] = gps / gps.sum()
    out["population"] = inputs["population"]
    out["growth_pct"] = ((pop / start) ** (1 / growth_years) - 1) * 100
    out = out.join(res)
    negative = out["raw_advice"] < 0
    if negative.any():
        codes = format_codes(out.index[negative])
        warnings.warn(RegioWarning(f"Regions {codes} need no intake in the model (negative advice); they get weight 0 "
                                   "in the apportionment.", key="model.negative_regional_advice", codes=codes),
                      stacklevel=2)
    total = national.rounded
    if total < 0:
        raise InputError(f"The national advice is negative ({national.advice:.1f}); nothing to apportion.",
                         key="model.negative_national_advice", advice=national.advice)
    out["advice"] = largest_remainder(total, out["raw_advice"].clip(lower=0))
    out["advice_per_100k"] = out["advice"] / pop * 100_000
    aged = any(c in inputs.columns and pd.to_numeric(inputs[c], errors="coerce").notna().any()
               for c in AGEING_COLUMNS)
    out.attrs.update({
        "national_advice": national.advice, "total": total, "scenario": sc, "year": y,
        "raw_total": float(out["raw_advice"].sum()), "unfulfilled": unfulfilled,
        "method": (f"model per region (regional GP stock share, population growth over {growth_years:g} years "
                   "relative to the nation"
                   + (", ageing relative to the nation from the regions' age structure" if aged else "")
                   + f", unfulfilled demand {unfulfilled}; the rest national); national advice "
                   f"{fmt_number(national.advice, 2, 'en')} rounded to {fmt_number(total, 0, 'en')} and apportioned "
                   "by largest remainder with the regions' own advices as weights"),
        "method_nl": (f"model per regio (regionaal aandeel in de huisartsen, bevolkingsgroei over "
                      f"{fmt_number(growth_years, 0 if float(growth_years).is_integer() else 1, 'nl')} jaar ten "
                      "opzichte van het land, "
                      + ("vergrijzing ten opzichte van het land uit de leeftijdsopbouw van de regio's, " if aged
                         else "")
                      + "onvervulde vraag "
                      f"{'uit de dichtheid' if unfulfilled == 'density' else 'landelijk'}; de rest landelijk); "
                      f"landelijk advies {fmt_number(national.advice, 2, 'nl')} afgerond op "
                      f"{fmt_number(total, 0, 'nl')} en verdeeld naar grootste overschot met de eigen adviezen van de "
                      "regio's als gewicht"),
    })
    return out


def regional_caveat(regional: pd.DataFrame, *, published: float | None = None, lang: str = "nl") -> str:
    """Say what a map of regional model advices shows, and what it does not (its caveat line).

    The regional model gives more intake where many GPs live (more of them
    to replace), so it mirrors today's GP stock; it is no measure of need and
    no official regional advice. Its total is the model's own national
    advice, which may differ from the published one.

    Parameters
    ----------
    regional
        Result of :func:`regional_advice` (``attrs``: ``national_advice``, ``total``).
    published
        The published national advice of the round, if any.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        One or two sentences.

    Examples
    --------
    >>> r = pd.DataFrame({"advice": [600, 427]})
    >>> r.attrs.update({"national_advice": 1027.47, "total": 1027})
    >>> regional_caveat(r, published=1026, lang="en")  # doctest: +NORMALIZE_WHITESPACE
    "Total 1,027 = the model's own national advice (1,027.47; published: 1,026), split by a model per region
    that follows today's GPs (by residence, CBS 2018: more GPs, more to replace): not a measure of need and
    not an official regional advice."
    """
    a = regional.attrs
    own, total = fmt_number(a["national_advice"], 2, lang), fmt_number(a["total"], 0, lang)
    pub_nl = f"; gepubliceerd: {fmt_number(published, 0, 'nl')}" if published is not None else ""
    pub_en = f"; published: {fmt_number(published, 0, 'en')}" if published is not None else ""
    if lang == "nl":
        return (f"Totaal {total} = het eigen landelijke modeladvies ({own}{pub_nl}), verdeeld met een model per "
                "regio dat de huidige huisartsen volgt (naar woonplaats, CBS 2018: meer huisartsen, meer te "
                "vervangen): geen maat voor zorgbehoefte en geen officieel regionaal advies.")
    return (f"Total {total} = the model's own national advice ({own}{pub_en}), split by a model per region that "
            "follows today's GPs (by residence, CBS 2018: more GPs, more to replace): not a measure of need and not "
            "an official regional advice.")
