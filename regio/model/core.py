"""The national GP supply/demand model of the Capaciteitsorgaan: supply, demand, gap and intake advice.

Pure functions of a :class:`~regio.model.parameters.GPParameters`; no files,
no plotting. Years run from the base year to 20 years later (the outflow of
the current stock is known to 20 years); supply is counted on 1 January.

Supply (persons, by sex ``s``; FTE = persons × FTE factor of ``s`` in that year)

* current stock: ``N · share_s · (1 − outflow_s(t))``, the cumulative outflow
  interpolated linearly between its 5/10/15/20-year values;
* each training cohort: its trainees finish at a steady rate (yearly intake
  × intern rendement) over the period in which the cohort graduates, and a
  graduate is still a working GP ``x`` years later with probability
  ``r_s(x)`` (extern rendement: 1 at graduation, the file's values after
  1/5/10/15 years, linear in between and extrapolated linearly after 15):
  ``persons(t) = intake · share_s · intern · ∫ r_s(t − τ) dτ`` over the
  graduation times ``τ ≤ t`` of the cohort. The cohorts are

  1. in training in the base year: ``n · duration`` trainees, graduating
     over ``(0, d1]`` years;
  2. entering from the base year until the bijsturingsjaar (``m`` years):
     graduating over ``(d2, d2 + m]``;
  3. entering from the bijsturingsjaar on at the intake the advice is about:
     graduating from ``m + d3`` on;

* inflow from abroad: ``n_buitenland`` a year from the base year on, times
  ``rendement_buitenland``, with the extern rendement of cohort 1 (the file
  has none of its own).

Demand (FTE) in year ``t`` (``k = t − base``)::

    demand = B · (1 + onv_vraag) · (1 + demo(k)) · (1 + g · τ(k))

with ``B`` the supply in FTE in the base year, ``demo`` the cumulative
demographic growth interpolated between its 5/10/15/20-year values, ``g`` the
sum of the yearly non-demographic factors of the scenario and
``τ(k) = min(k, trendjaar − base)`` (temporary trend, the Capaciteitsorgaan's
default) or ``k`` (lasting trend). The scenarios (:data:`SCENARIO_FACTORS`)
follow the Capaciteitsorgaan's ladder: demography only (``g = 0``); work
process (``epi + soc + vak + eff + hor``); working time (also ATV,
``1/(1 − tijd) − 1`` a year); full (also vertical substitution ``ver``), with
a temporary or a lasting trend.

The intake advice is the yearly intake from the bijsturingsjaar on that
makes supply equal demand in the equilibrium year (``evenwichtsjaar2``).
Supply is linear in that intake, so it is solved exactly::

    advice = (demand − supply without cohort 3) / FTE per trainee of cohort 3

Examples
--------
>>> from regio.model.parameters import example_parameters
>>> a = intake_advice(example_parameters())
>>> a.year, round(a.advice)
(2043, 1027)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from regio.errors import InputError, said_value
from regio.labels import label as catalogue_label
from regio.model.parameters import GPParameters, apply_overrides

__all__ = [
    "COMPONENTS",
    "SCENARIOS",
    "IntakeAdvice",
    "ProjectionMarks",
    "decompose",
    "decomposition_note",
    "demand",
    "get_scenario",
    "intake_advice",
    "project",
    "projection_marks",
    "rendement_curve",
    "supply",
    "what_if",
]

#: Scenarios, the Capaciteitsorgaan's ladder: demography only; + work-process
#: factors (epidemiology, socio-cultural, professional, efficiency, horizontal
#: substitution); + working time (ATV); + vertical substitution = full (the
#: published advice, temporary trend); and full with a lasting trend.
SCENARIOS = ("demography", "workprocess", "working_time", "full", "full_lasting")

#: Non-demographic factors of each scenario.
SCENARIO_FACTORS = {
    "demography": (),
    "workprocess": ("epi", "soc", "vak", "eff", "hor"),
    "working_time": ("epi", "soc", "vak", "eff", "hor", "tijd"),
    "full": ("epi", "soc", "vak", "eff", "hor", "tijd", "ver"),
    "full_lasting": ("epi", "soc", "vak", "eff", "hor", "tijd", "ver"),
}

_SCENARIO_ALIASES = {
    "demography": "demography", "demografie": "demography", "demo": "demography",
    "workprocess": "workprocess", "werkproces": "workprocess", "work_process": "workprocess",
    "working_time": "working_time", "arbeidstijd": "working_time", "working-time": "working_time",
    "full": "full", "volledig": "full", "tijdelijk": "full", "temporary": "full",
    "full_lasting": "full_lasting", "lasting": "full_lasting", "doorgaand": "full_lasting",
    "volledig_doorgaand": "full_lasting", "full-lasting": "full_lasting",
}

#: Scenario labels (nl, en).
SCENARIO_LABELS = {
    "demography": ("alleen demografie", "demography only"),
    "workprocess": ("werkproces", "work process"),
    "working_time": ("werkproces en arbeidstijd", "work process and working time"),
    "full": ("volledig (tijdelijke trend)", "full (temporary trend)"),
    "full_lasting": ("volledig (doorgaande trend)", "full (lasting trend)"),
}

#: Supply components (column prefixes of :func:`supply`) with labels (nl, en), from the catalogue :mod:`regio.labels`.
COMPONENTS = {code: (catalogue_label(f"model.component.{code}", "nl"), catalogue_label(f"model.component.{code}", "en"))
              for code in ("stock", "training_now", "training_before", "intake", "abroad")}

_SEXES = {"female": "vrouw", "male": "man"}
_STEP = 1.0 / 64  # grid of the cumulative extern rendement (knots 0, 1, 5, 10, 15 lie on it)


def get_scenario(name: str) -> str:
    """Canonical scenario name for ``name`` (Dutch or English).

    Parameters
    ----------
    name
        A scenario of :data:`SCENARIOS` or a Dutch/English alias (``"volledig"``,
        ``"doorgaand"``, ``"lasting"`` ...); case and spaces do not matter.

    Returns
    -------
    str
        One of :data:`SCENARIOS`.

    Raises
    ------
    InputError
        For an unknown name (the message lists the scenarios).

    Examples
    --------
    >>> get_scenario("volledig"), get_scenario("Volledig doorgaand"), get_scenario("demo")
    ('full', 'full_lasting', 'demography')
    >>> get_scenario("maximal")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown scenario 'maximal'; scenarios are demography, workprocess, ...
    """
    key = str(name).strip().lower().replace(" ", "_")
    if key not in _SCENARIO_ALIASES:
        raise InputError(f"Unknown scenario {name!r}; scenarios are {', '.join(SCENARIOS)} "
                         "(or demografie, werkproces, arbeidstijd, volledig, doorgaand).",
                         key="model.unknown_scenario", name=said_value(name), known=", ".join(SCENARIOS))
    return _SCENARIO_ALIASES[key]


def rendement_curve(points: np.ndarray, *, years: float = 21.0) -> tuple[np.ndarray, np.ndarray]:
    """Extern rendement ``r(x)`` on a fine grid of years since graduation, and its integral.

    ``r(0) = 1``; the four points are the values after 1, 5, 10 and 15 years;
    linear in between, extrapolated linearly after 15 years, kept in [0, 1].

    Parameters
    ----------
    points
        The four extern rendement values after 1, 5, 10 and 15 years
        (e.g. :meth:`GPParameters.rendement_points <regio.model.parameters.GPParameters.rendement_points>`).
    years
        How far the grid reaches (years since graduation); the grid step is 1/64 year.

    Returns
    -------
    tuple of numpy.ndarray
        The grid ``x`` and the cumulative integral ``R(x) = ∫₀ˣ r``.

    Examples
    --------
    >>> x, R = rendement_curve(np.array([1.0, 1.0, 1.0, 1.0]))
    >>> float(np.interp(3.5, x, R))
    3.5
    """
    return _rendement_curve(tuple(float(v) for v in np.asarray(points, dtype=float)), float(years))


@functools.lru_cache(maxsize=256)
def _rendement_curve(points: tuple[float, ...], years: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`rendement_curve`, computed once per set of points (the arrays are read-only)."""
    x = np.arange(0.0, years + 2 * _STEP, _STEP)
    knots = np.array([0.0, 1.0, 5.0, 10.0, 15.0])
    vals = np.concatenate([[1.0], np.asarray(points, dtype=float)])
    r = np.interp(x, knots, vals)
    slope = (vals[4] - vals[3]) / 5.0
    r = np.where(x > 15.0, vals[4] + slope * (x - 15.0), r)
    r = np.clip(r, 0.0, 1.0)
    cum = np.concatenate([[0.0], np.cumsum((r[1:] + r[:-1]) * 0.5 * _STEP)])
    x.flags.writeable = False
    cum.flags.writeable = False
    return x, cum


def _cum(curve: tuple[np.ndarray, np.ndarray], upper: np.ndarray) -> np.ndarray:
    """``R(upper)``, zero for ``upper <= 0``."""
    x, cum = curve
    u = np.asarray(upper, dtype=float)
    return np.where(u > 0, np.interp(np.clip(u, 0, None), x, cum), 0.0)


def _years(params: GPParameters) -> np.ndarray:
    return np.arange(params.horizon + 1, dtype=float)


def _resolve_intake(params: GPParameters, intake: float | None) -> float:
    n = params.n_inopleiding_perjaar3 if intake is None else float(intake)
    if not np.isfinite(n) or n < 0:
        raise InputError(f"Intake must be a non-negative number of trainees a year, got {intake!r}.",
                         key="model.bad_intake", value=said_value(intake))
    return n


def supply(params: GPParameters, *, intake: float | None = None) -> pd.DataFrame:
    """Supply of GPs per year in persons (by component and sex) and FTE.

    Parameters
    ----------
    params
        Model parameters.
    intake
        Yearly intake from the bijsturingsjaar on (default: the current intake,
        ``n_inopleiding_perjaar3``).

    Returns
    -------
    pandas.DataFrame
        Indexed by year (base year ... base + 20). Persons per component and sex
        (``stock_female``, ``training_now_male``, ...; components in
        :data:`COMPONENTS`), ``persons_female``, ``persons_male``, ``persons``,
        the FTE factors ``fte_factor_female``/``_male``, FTE per component
        (``fte_stock``, ...) and ``fte`` in total.

    Raises
    ------
    InputError
        If ``intake`` is negative or not a number.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> s = supply(example_parameters())
    >>> round(s.loc[2025, "fte"])
    10769
    """
    n3 = _resolve_intake(params, intake)
    k = _years(params)
    m = float(params.bijsturingsjaar - params.basisjaar)
    steps = [0.0, 5.0, 10.0, 15.0, 20.0]
    columns: dict[str, np.ndarray] = {}  # built in full, then made a frame at once
    fte_by_comp = dict.fromkeys(COMPONENTS, 0.0)
    total_fte = np.zeros_like(k)
    for sex, nl in _SEXES.items():
        women = sex == "female"
        share = params.per_vrouw_basis if women else 1 - params.per_vrouw_basis
        fte = np.interp(k, steps, params.fte_points(nl))
        stock = params.aanbod_personen * share * (1 - np.interp(k, steps, params.outflow_points(nl)))
        curves = [rendement_curve(params.rendement_points(nl, c), years=float(params.horizon) + 1) for c in (1, 2, 3)]

        def cohort_share(sfx: str, women: bool = women) -> float:
            p = getattr(params, f"per_vrouw_opleiding{sfx}")
            return (p if women else 1 - p) * getattr(params, f"intern_rendement{sfx}")

        d1, d2, d3 = params.opleidingsduur, params.opleidingsduur2, params.opleidingsduur3
        now = params.n_inopleiding_perjaar * cohort_share("") * (
            _cum(curves[0], k) - _cum(curves[0], k - np.minimum(k, d1)))
        before = params.n_inopleiding_perjaar2 * cohort_share("2") * (
            _cum(curves[1], k - d2) - _cum(curves[1], k - np.minimum(k, d2 + m)))
        later = n3 * cohort_share("3") * _cum(curves[2], k - m - d3)
        p_bl = params.per_vrouw_buitenland if women else 1 - params.per_vrouw_buitenland
        abroad = params.n_buitenland * p_bl * params.rendement_buitenland * _cum(curves[0], k)
        parts = {"stock": stock, "training_now": now, "training_before": before, "intake": later, "abroad": abroad}
        for comp, persons in parts.items():
            columns[f"{comp}_{sex}"] = persons
            fte_by_comp[comp] = fte_by_comp[comp] + persons * fte
        columns[f"persons_{sex}"] = sum(parts.values())
        columns[f"fte_factor_{sex}"] = fte
        total_fte = total_fte + columns[f"persons_{sex}"] * fte
    columns["persons"] = columns["persons_female"] + columns["persons_male"]
    for comp, values in fte_by_comp.items():
        columns[f"fte_{comp}"] = values
    columns["fte"] = total_fte
    index = pd.Index((params.basisjaar + k).astype(int), name="year")
    out = pd.DataFrame({name: np.broadcast_to(np.asarray(v, dtype=float), k.shape).copy()
                        for name, v in columns.items()}, index=index)
    out.attrs.update({"intake": n3, "raming": params.raming, "variant": params.variant})
    return out


def _trend_years(params: GPParameters, scenario: str) -> np.ndarray:
    k = _years(params)
    if scenario == "demography":
        return np.zeros_like(k)
    if scenario == "full_lasting":
        return k
    return np.minimum(k, float(params.trendjaar - params.basisjaar))


def _demand_parts(params: GPParameters, scenario: str) -> dict[str, np.ndarray | float]:
    base = supply(params, intake=0.0)["fte"].iloc[0]
    k = _years(params)
    demo = np.interp(k, [0.0, 5.0, 10.0, 15.0, 20.0], params.demography_points())
    factors = {f: g for f, g in params.nondemographic_factors.items() if f in SCENARIO_FACTORS[scenario]}
    return {"base": base, "demo": demo, "tau": _trend_years(params, scenario), "factors": factors,
            "g": sum(factors.values())}


def demand(params: GPParameters, *, scenario: str = "full") -> pd.Series:
    """Demand for GPs in FTE per year under ``scenario``.

    ``B · (1 + onv_vraag) · (1 + demo(k)) · (1 + g · τ(k))``; see the module notes.

    Parameters
    ----------
    params
        Model parameters.
    scenario
        Demand scenario, any name :func:`get_scenario` accepts (default ``full``,
        the published one).

    Returns
    -------
    pandas.Series
        FTE demanded, indexed by year (base year ... base + 20), named ``demand_<scenario>``.

    Raises
    ------
    InputError
        For an unknown scenario.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> d = demand(example_parameters(), scenario="demography")
    >>> round(d[2043])
    13018
    """
    sc = get_scenario(scenario)
    p = _demand_parts(params, sc)
    values = p["base"] * (1 + params.onv_vraag) * (1 + p["demo"]) * (1 + p["g"] * p["tau"])
    return pd.Series(values, index=pd.Index(params.basisjaar + _years(params).astype(int), name="year"),
                     name=f"demand_{sc}")


@dataclass(frozen=True)
class IntakeAdvice:
    """The intake that closes the gap in the equilibrium year.

    Attributes
    ----------
    scenario
        Demand scenario.
    year
        Equilibrium year.
    from_year
        First year of the advised intake (the bijsturingsjaar).
    advice
        Trainees a year from ``from_year`` on (unrounded; may be below the
        current intake, or negative in theory).
    current_intake
        The intake the supply projection uses otherwise (``n_inopleiding_perjaar3``).
    demand_fte, supply_fte
        Demand and supply (at the current intake) in the equilibrium year.
    supply_without_intake_fte
        Supply in the equilibrium year without any intake from the bijsturingsjaar on.
    fte_per_trainee
        FTE in the equilibrium year per trainee a year of intake from the bijsturingsjaar on.
    """

    scenario: str
    year: int
    from_year: int
    advice: float
    current_intake: float
    demand_fte: float
    supply_fte: float
    supply_without_intake_fte: float
    fte_per_trainee: float

    @property
    def gap_fte(self) -> float:
        """Demand minus supply at the current intake in the equilibrium year (positive: shortage).

        Returns
        -------
        float
            ``demand_fte - supply_fte``, in FTE.

        Examples
        --------
        >>> from regio.model.parameters import example_parameters
        >>> a = intake_advice(example_parameters())
        >>> round(a.demand_fte), round(a.supply_fte), round(a.gap_fte)
        (16403, 13810, 2592)
        """
        return self.demand_fte - self.supply_fte

    @property
    def rounded(self) -> int:
        """The advice rounded to whole trainees.

        Returns
        -------
        int
            ``round(advice)`` (Python's rounding: halves go to the even number).

        Examples
        --------
        >>> from regio.model.parameters import example_parameters
        >>> a = intake_advice(example_parameters())
        >>> round(a.advice, 2), a.rounded
        (1027.47, 1027)
        """
        return round(self.advice)


def _equilibrium_year(params: GPParameters, year: int | None) -> int:
    y = params.evenwichtsjaar2 if year is None else int(year)
    if not params.basisjaar < y <= params.basisjaar + params.horizon:
        raise InputError(f"Equilibrium year {y} must lie in {params.basisjaar + 1}-"
                         f"{params.basisjaar + params.horizon}.", key="model.bad_equilibrium_year", year=y,
                         first=params.basisjaar + 1, last=params.basisjaar + params.horizon)
    return y


def intake_advice(params: GPParameters, *, scenario: str = "full", year: int | None = None) -> IntakeAdvice:
    """Compute the yearly intake from the bijsturingsjaar that closes the gap in the equilibrium year.

    Parameters
    ----------
    params
        Model parameters.
    scenario
        ``full`` (default, the published advice), ``demography``, ``full_lasting``
        or any other name :func:`get_scenario` accepts.
    year
        Equilibrium year (default ``evenwichtsjaar2``).

    Returns
    -------
    IntakeAdvice
        The advice with the demand and supply it was derived from.

    Raises
    ------
    InputError
        If no trainee of the intake from the bijsturingsjaar can be working by
        the equilibrium year, if ``year`` lies outside the 20 years after the
        base year, or for an unknown scenario.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> a = intake_advice(p)
    >>> a.scenario, a.year, a.from_year, round(a.advice), a.current_intake
    ('full', 2043, 2027, 1027, 718.0)
    >>> intake_advice(p, scenario="demografie").rounded, intake_advice(p, year=2037).rounded
    (623, 1364)
    >>> intake_advice(p, year=2029)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Equilibrium year 2029 comes before the first trainees ... (about 2030.2); choose ...
    """
    sc = get_scenario(scenario)
    y = _equilibrium_year(params, year)
    cur = supply(params)
    unit = supply(params, intake=1.0)
    phi = float(unit.loc[y, "fte_intake"])
    if phi <= 0:
        first = params.bijsturingsjaar + params.opleidingsduur3
        raise InputError(f"Equilibrium year {y} comes before the first trainees of the intake from "
                         f"{params.bijsturingsjaar} can work (about {first:.1f}); choose a later year.",
                         key="model.equilibrium_too_early", year=y, steering=params.bijsturingsjaar, first=first)
    d = float(demand(params, scenario=sc).loc[y])
    without = float(cur.loc[y, "fte"] - cur.loc[y, "fte_intake"])
    return IntakeAdvice(scenario=sc, year=y, from_year=params.bijsturingsjaar, advice=(d - without) / phi,
                        current_intake=float(params.n_inopleiding_perjaar3), demand_fte=d,
                        supply_fte=float(cur.loc[y, "fte"]), supply_without_intake_fte=without,
                        fte_per_trainee=phi)


def project(params: GPParameters, *, intake: float | None = None,
            scenarios: tuple[str, ...] = SCENARIOS, until: int | None = None) -> pd.DataFrame:
    """Tabulate per year: supply at ``intake``, demand, gap and supply at the advice, per scenario.

    Parameters
    ----------
    params
        Model parameters.
    intake
        Yearly intake from the bijsturingsjaar on (default: the current intake).
    scenarios
        Demand scenarios to include.
    until
        Last year of the table (default: the equilibrium year ``evenwichtsjaar2``).

    Returns
    -------
    pandas.DataFrame
        Years from the base year to ``until``: the columns of :func:`supply`,
        and for each scenario ``demand_<s>``,
        ``gap_<s>`` (demand − supply, FTE; positive is a shortage) and
        ``supply_advice_<s>`` (supply in FTE if the intake from the
        bijsturingsjaar were the scenario's advice). ``attrs`` holds the
        advices (``advice_<s>``), the intake and the equilibrium year.

    Raises
    ------
    InputError
        For an unknown scenario, a negative intake, or ``until`` outside the
        20 years after the base year.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> t = project(example_parameters(), scenarios=("full",))
    >>> int(t.index[0]), int(t.index[-1]), round(t.attrs["advice_full"])
    (2025, 2043, 1027)
    >>> t.loc[2043, ["fte", "demand_full", "gap_full", "supply_advice_full"]].round().tolist()
    [13810.0, 16403.0, 2592.0, 16403.0]
    """
    table = supply(params, intake=intake)
    for name in scenarios:
        sc = get_scenario(name)
        table[f"demand_{sc}"] = demand(params, scenario=sc)
        table[f"gap_{sc}"] = table[f"demand_{sc}"] - table["fte"]
        adv = intake_advice(params, scenario=sc)
        table[f"supply_advice_{sc}"] = supply(params, intake=max(adv.advice, 0.0))["fte"]
        table.attrs[f"advice_{sc}"] = adv.advice
    last = _equilibrium_year(params, until)
    attrs = dict(table.attrs)
    table = table.loc[:last].copy()
    table.attrs = attrs
    table.attrs.update({"equilibrium_year": params.evenwichtsjaar2, "bijsturingsjaar": params.bijsturingsjaar,
                        "trendjaar": params.trendjaar, "raming": params.raming, "variant": params.variant})
    return table


@dataclass(frozen=True)
class ProjectionMarks:
    """What a chart of a :func:`project` table labels and marks, as named fields.

    Attributes
    ----------
    intake
        The yearly intake the supply line is projected with.
    advice
        Scenario -> its intake advice (unrounded), for the scenarios projected.
    equilibrium_year
        The equilibrium year (``evenwichtsjaar2``).
    bijsturingsjaar
        The first year of the advised intake.
    """

    intake: float
    advice: dict[str, float]
    equilibrium_year: int
    bijsturingsjaar: int


def projection_marks(table: pd.DataFrame) -> ProjectionMarks:
    """Collect the intake, advices and years that :func:`project` wrote on its table.

    Parameters
    ----------
    table
        From :func:`project`; its keys are read strictly (``KeyError`` for
        another table).

    Returns
    -------
    ProjectionMarks

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> marks = projection_marks(project(example_parameters(), scenarios=("full",)))
    >>> round(marks.intake), {s: round(a) for s, a in marks.advice.items()}, marks.equilibrium_year
    (718, {'full': 1027}, 2043)
    """
    a = table.attrs
    advice = {key.removeprefix("advice_"): float(value) for key, value in a.items() if key.startswith("advice_")}
    return ProjectionMarks(intake=float(a["intake"]), advice=advice, equilibrium_year=int(a["equilibrium_year"]),
                           bijsturingsjaar=int(a["bijsturingsjaar"]))


#: Decomposition factors with labels (nl, en), in the order of the table, from the catalogue :mod:`regio.labels`.
FACTORS = {code: (catalogue_label(f"model.factor.{code}", "nl"), catalogue_label(f"model.factor.{code}", "en"))
           for code in ("uitstroom", "fte_huidig", "onv_vraag", "demografie", "epi", "soc", "vak", "eff", "hor",
                        "tijd", "ver", "nu_in_opleiding", "instroom_voor_bijsturing", "buitenland", "huidige_instroom")}


def decomposition_note(lang: str = "nl") -> str:
    """Say what the columns of :func:`decompose` mean, in Dutch (``"nl"``) or English (for table notes).

    Parameters
    ----------
    lang
        ``"nl"`` for Dutch; anything else gives English.

    Returns
    -------
    str
        One sentence-like note.

    Examples
    --------
    >>> decomposition_note("en").split(";")[0]
    'fte: part of the gap in the equilibrium year'
    """
    return catalogue_label("model.decomposition_note", "nl" if lang == "nl" else "en")


def decompose(params: GPParameters, *, scenario: str = "full", year: int | None = None) -> pd.DataFrame:
    """How many trainees a year of the advice each factor accounts for.

    The gap in the equilibrium year at the current intake is split into the
    growth of demand over the base-year supply ``B`` (unfulfilled demand,
    demography, each non-demographic factor, in that order of the
    multiplicative formula), what leaves (outflow of the current GPs, valued at
    base-year FTE, and the change in FTE per GP of those who stay) and what
    arrives (now in training, intake before the bijsturingsjaar, abroad, and
    the current intake continued from the bijsturingsjaar). Each part in FTE is
    divided by the FTE per trainee of the intake from the bijsturingsjaar.

    Parameters
    ----------
    params
        Model parameters.
    scenario
        Demand scenario (see :func:`get_scenario`); factors outside it count 0.
    year
        Equilibrium year (default ``evenwichtsjaar2``).

    Returns
    -------
    pandas.DataFrame
        Indexed by factor (see :data:`FACTORS`): ``label_nl``, ``label_en``,
        ``fte`` and ``trainees`` (positive: needs trainees; negative: supplies
        them). ``trainees`` sums to ``advice − current intake`` exactly; without
        the last row (``huidige_instroom`` = −current intake) it sums to the advice.

    Raises
    ------
    InputError
        As :func:`intake_advice` (unknown scenario, equilibrium year out of range).

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> d = decompose(p)
    >>> a = intake_advice(p)
    >>> bool(abs(d["trainees"].sum() - (a.advice - a.current_intake)) < 1e-9)
    True
    >>> d.loc[["uitstroom", "demografie", "ver", "huidige_instroom"], "trainees"].round(1).tolist()
    [643.5, 187.5, -171.0, -718.0]
    """
    sc = get_scenario(scenario)
    y = _equilibrium_year(params, year)
    adv = intake_advice(params, scenario=sc, year=y)
    parts = _demand_parts(params, sc)
    i = y - params.basisjaar
    base, demo, tau = parts["base"], parts["demo"][i], parts["tau"][i]
    u = params.onv_vraag
    s = supply(params)
    row = s.loc[y]
    k = float(i)
    out_fte, hours_fte = 0.0, 0.0
    for sex, nl in _SEXES.items():
        share = params.per_vrouw_basis if sex == "female" else 1 - params.per_vrouw_basis
        n0 = params.aanbod_personen * share
        gone = np.interp(k, [0, 5, 10, 15, 20], params.outflow_points(nl))
        f0 = params.fte_points(nl)[0]
        fy = row[f"fte_factor_{sex}"]
        out_fte += n0 * gone * f0
        hours_fte += n0 * (1 - gone) * (f0 - fy)
    fte = {"uitstroom": out_fte, "fte_huidig": hours_fte, "onv_vraag": base * u, "demografie": base * (1 + u) * demo}
    for name in params.nondemographic_factors:
        fte[name] = base * (1 + u) * (1 + demo) * parts["factors"].get(name, 0.0) * tau
    fte.update({"nu_in_opleiding": -row["fte_training_now"], "instroom_voor_bijsturing": -row["fte_training_before"],
                "buitenland": -row["fte_abroad"], "huidige_instroom": -row["fte_intake"]})
    table = pd.DataFrame({"label_nl": [FACTORS[f][0] for f in FACTORS], "label_en": [FACTORS[f][1] for f in FACTORS],
                          "fte": [float(fte[f]) for f in FACTORS]}, index=pd.Index(list(FACTORS), name="factor"))
    table["trainees"] = table["fte"] / adv.fte_per_trainee
    table.attrs.update({"advice": adv.advice, "current_intake": adv.current_intake, "year": y, "scenario": sc,
                        "fte_per_trainee": adv.fte_per_trainee})
    return table


def what_if(params: GPParameters, overrides: dict[str, object], *, scenario: str = "full") -> pd.DataFrame:
    """Compare the advice and key figures before and after changing parameters.

    Parameters
    ----------
    params
        The parameter set to start from (not changed).
    overrides
        Name -> value, as for :func:`regio.model.parameters.apply_overrides`
        (e.g. ``{"uren_per_week": 45}`` or ``{"instroom": 850}``).
    scenario
        Demand scenario of the advice.

    Returns
    -------
    pandas.DataFrame
        Rows ``base``, ``what_if`` and ``difference``; columns ``advice``,
        ``current_intake``, ``demand_fte``, ``supply_fte`` (at the current
        intake, in the equilibrium year) and ``gap_fte``. ``attrs["overrides"]``
        lists the changes, ``attrs["params"]`` holds the new parameter set.

    Raises
    ------
    InputError
        As :func:`~regio.model.parameters.apply_overrides` (unknown names, bad
        values) or :func:`intake_advice`.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> w = what_if(example_parameters(), {"uren_per_week": 45})
    >>> bool(w.loc["difference", "advice"] > 0)
    True
    """
    new = apply_overrides(params, overrides)
    rows = {}
    for label, p in (("base", params), ("what_if", new)):
        a = intake_advice(p, scenario=scenario)
        rows[label] = {"advice": a.advice, "current_intake": a.current_intake, "demand_fte": a.demand_fte,
                       "supply_fte": a.supply_fte, "gap_fte": a.gap_fte}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.loc["difference"] = table.loc["what_if"] - table.loc["base"]
    table.attrs.update({"overrides": dict(overrides), "params": new, "scenario": get_scenario(scenario),
                        "year": new.evenwichtsjaar2})
    return table
