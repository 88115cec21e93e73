"""How uncertain the intake advice is: draws of the parameters from stated ranges, and a sensitivity (tornado) table.

Every uncertain *factor* moves one parameter or a group of parameters that
belong together (the four demography points, the 24 extern rendement values)
between a low and a high value, with the round's value in the middle:

* where the round's file has laag/midden/hoog variants that differ
  (:data:`VARIANT_FACTORS`: unfulfilled demand, demography and the
  non-demographic factors), low and high are the laag and hoog values
  (``kind == "variants"``);
* otherwise an assumed range around the round's value (:data:`ASSUMED`):
  ``"absolute"`` (± a number, e.g. ±0.003 a year for epidemiology) or
  ``"relative"`` (± a share of the value, e.g. ±10% of the outflow). These
  ranges are assumptions of regio, not of the Capaciteitsorgaan, and every
  output says so.

Values are kept valid (shares in [0, 1], FTE factors in (0, 1.5]).

:func:`draw_uncertainty` draws each factor independently from a triangular
distribution on [low, high] with its mode at the round's value (a position
``z`` in [-1, 1]: ``value = mid + z·(high − mid)`` for ``z ≥ 0``, ``mid +
z·(mid − low)`` below) and runs :func:`regio.model.sweep` on all draws at
once. :func:`sensitivity` moves one factor at a time to its low and to its
high value, the others at the round's value, ordered by the effect on the
advice (the tornado).

Examples
--------
>>> from regio.model.parameters import example_parameters
>>> p = example_parameters()
>>> factors = uncertainty_factors(p)
>>> [f.name for f in factors][:4], factors[0].kind, factors[0].spread
(['onv_vraag', 'demografie', 'epi', 'soc'], 'absolute', 0.02)
>>> u = draw_uncertainty(p, factors, n=2000, seed=1)
>>> bool(u.lo95 < u.lo80 < u.median < u.hi80 < u.hi95)
True
>>> s = sensitivity(p, factors)
>>> s.index[0], bool(s["effect"].is_monotonic_decreasing)
('fte_toekomst', True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from regio.errors import InputError
from regio.model.core import get_scenario
from regio.model.parameters import COHORT_SUFFIXES, GPParameters
from regio.model.sweep import sweep, sweep_paths

__all__ = [
    "ASSUMED",
    "BAND_DRAWS",
    "BAND_QUANTILES",
    "VARIANT_FACTORS",
    "UncertainFactor",
    "Uncertainty",
    "draw_uncertainty",
    "sensitivity",
    "uncertainty_factors",
]

_STEPS5 = ("vijf", "tien", "vijftien", "twintig")
_STEPS_R = ("1jaar", "5jaar", "10jaar", "15jaar")

#: Factor -> (fields it moves, kind ``absolute``/``relative``, spread): the ranges regio assumes where the
#: round's file gives no differing laag/hoog variants. Absolute spreads of the yearly growth factors are
#: about half the distance between the laag and hoog variants of the 2022 round (0.002-0.006 a year).
ASSUMED: dict[str, tuple[tuple[str, ...], str, float]] = {
    "onv_vraag": (("onv_vraag",), "absolute", 0.02),
    "demografie": (("demo_5", "demo_10", "demo_15", "demo_20"), "relative", 0.10),
    "epi": (("epi",), "absolute", 0.003),
    "soc": (("soc",), "absolute", 0.003),
    "vak": (("vak",), "absolute", 0.003),
    "eff": (("eff",), "absolute", 0.003),
    "hor": (("hor",), "absolute", 0.003),
    "tijd": (("tijd",), "absolute", 0.003),
    "ver": (("ver",), "absolute", 0.003),
    "fte_toekomst": (tuple(f"fte_{s}_basis_{t}" for s in ("vrouw", "man") for t in _STEPS5), "relative", 0.05),
    "uitstroom": (tuple(f"uitstroom_{s}_basis_{t}" for s in ("vrouw", "man") for t in _STEPS5), "relative", 0.10),
    "intern_rendement": (tuple(f"intern_rendement{sfx}" for sfx in COHORT_SUFFIXES), "absolute", 0.03),
    "extern_rendement": (tuple(f"extern_rendement_{s}_{t}{sfx}" for sfx in COHORT_SUFFIXES
                               for s in ("vrouw", "man") for t in _STEPS_R), "relative", 0.03),
    "buitenland": (("n_buitenland",), "relative", 0.50),
    "aanbod": (("aanbod_personen",), "relative", 0.02),
}

#: Factors the round's file gives in laag/midden/hoog variants.
VARIANT_FACTORS = ("onv_vraag", "demografie", "epi", "soc", "vak", "eff", "hor", "tijd", "ver")

#: The yearly bands of the chart come from the first this many draws (the advice's interval from all of them):
#: 2,000 draws leave 50 in each tail of the 95% band, and the 21 years of every draw cost 20 times one year.
BAND_DRAWS = 2_000

#: Quantiles reported: the median and the 80% and 95% intervals.
BAND_QUANTILES = {"lo95": 0.025, "lo80": 0.10, "median": 0.5, "hi80": 0.90, "hi95": 0.975}

_SHARES = ("uitstroom", "intern_rendement", "extern_rendement")


@dataclass(frozen=True)
class UncertainFactor:
    """One uncertain factor: the fields it moves and their low, middle and high values.

    Attributes
    ----------
    name
        Code of the factor (a key of :data:`ASSUMED`); words in :mod:`regio.labels` (``uncertainty.factor.<name>``).
    fields
        Parameter fields it moves together.
    low, mid, high
        Values of those fields at the low end, at the round's value and at the high end.
    kind
        ``variants`` (laag/hoog of the round), ``absolute`` or ``relative`` (assumed ranges).
    spread
        For assumed ranges the ± (a number or a share); NaN for variants.
    """

    name: str
    fields: tuple[str, ...]
    low: tuple[float, ...]
    mid: tuple[float, ...]
    high: tuple[float, ...]
    kind: str
    spread: float

    @property
    def assumed(self) -> bool:
        """Whether the range is regio's assumption (not the round's variants).

        Examples
        --------
        >>> from regio.model.parameters import example_parameters
        >>> uncertainty_factors(example_parameters())[0].assumed
        True
        """
        return self.kind != "variants"

    def values(self, z: np.ndarray) -> dict[str, np.ndarray]:
        """Give the fields' values at positions ``z`` in [-1, 1] (-1 low, 0 the round's value, 1 high).

        Parameters
        ----------
        z
            Positions, one per scenario.

        Returns
        -------
        dict of str to numpy.ndarray

        Examples
        --------
        >>> from regio.model.parameters import example_parameters
        >>> f = uncertainty_factors(example_parameters())[2]
        >>> f.name, f.values(np.array([-1.0, 0.0, 0.5]))["epi"].round(4).tolist()
        ('epi', [0.007, 0.01, 0.0115])
        """
        z = np.asarray(z, dtype=float)
        return {name: np.where(z >= 0, m + z * (h - m), m + z * (m - lo))
                for name, lo, m, h in zip(self.fields, self.low, self.mid, self.high, strict=True)}


def _limits(field: str) -> tuple[float, float]:
    if field.startswith(("uitstroom_", "intern_rendement", "extern_rendement", "per_vrouw", "rendement_")):
        return 0.0, 1.0
    if field.startswith("fte_"):
        return 1e-6, 1.5
    if field == "tijd":
        return -np.inf, 0.999
    if field in ("n_buitenland", "aanbod_personen"):
        return 0.0, np.inf
    return -np.inf, np.inf


def uncertainty_factors(params: GPParameters, *, low: GPParameters | None = None,
                        high: GPParameters | None = None) -> list[UncertainFactor]:
    """List the uncertain factors of ``params`` with their low and high values.

    Parameters
    ----------
    params
        The parameters run (the middle of every range).
    low, high
        The round's laag and hoog variants (e.g. ``read_parameters(round, "laag")``). Where both are
        given and differ from ``params`` in a factor of :data:`VARIANT_FACTORS`, they are its low and high
        values; otherwise the factor gets its assumed range (:data:`ASSUMED`).

    Returns
    -------
    list of UncertainFactor
        In the order of :data:`ASSUMED`.

    Raises
    ------
    InputError
        When ``low`` or ``high`` is of another round than ``params``.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> lo, hi = p.replace(variant="laag", epi=0.005), p.replace(variant="hoog", epi=0.012)
    >>> f = {f.name: f for f in uncertainty_factors(p, low=lo, high=hi)}
    >>> f["epi"].kind, f["epi"].low, f["epi"].high, f["soc"].kind
    ('variants', (0.005,), (0.012,), 'absolute')
    """
    for other in (low, high):
        if other is not None and other.raming != params.raming:
            raise InputError(f"The variants for the ranges must be of round {params.raming}, not {other.raming}.",
                             key="model.ranges_other_round", round=params.raming, other=other.raming)
    out = []
    for name, (fields, kind, spread) in ASSUMED.items():
        mid = tuple(float(getattr(params, f)) for f in fields)
        if name in VARIANT_FACTORS and low is not None and high is not None:
            lo_v = tuple(float(getattr(low, f)) for f in fields)
            hi_v = tuple(float(getattr(high, f)) for f in fields)
            if lo_v != mid or hi_v != mid:
                out.append(UncertainFactor(name, fields, lo_v, mid, hi_v, "variants", float("nan")))
                continue
        if kind == "absolute":
            lo_v, hi_v = tuple(m - spread for m in mid), tuple(m + spread for m in mid)
        else:
            lo_v, hi_v = tuple(m * (1 - spread) for m in mid), tuple(m * (1 + spread) for m in mid)
        lo_v = tuple(float(np.clip(v, *_limits(f))) for v, f in zip(lo_v, fields, strict=True))
        hi_v = tuple(float(np.clip(v, *_limits(f))) for v, f in zip(hi_v, fields, strict=True))
        out.append(UncertainFactor(name, fields, lo_v, mid, hi_v, kind, float(spread)))
    return out


def _frame(factors: list[UncertainFactor], z: np.ndarray, index: pd.Index) -> pd.DataFrame:
    """Parameter values for positions ``z`` (scenarios × factors)."""
    cols: dict[str, np.ndarray] = {}
    for j, f in enumerate(factors):
        cols.update(f.values(z[:, j]))
    return pd.DataFrame(cols, index=index)


@dataclass(frozen=True)
class Uncertainty:
    """The advice over draws of the uncertain parameters.

    Attributes
    ----------
    table
        One row per draw: the position ``z`` of each factor (columns ``z_<factor>``) and the columns of
        :func:`regio.model.sweep` (``advice``, ``demand_fte``, ``supply_fte``, ...).
    bands
        Per year (index): quantiles of demand (``demand_<q>``), of supply at the current intake
        (``fte_<q>``) and at the advice (``supply_advice_<q>``), ``q`` in :data:`BAND_QUANTILES`,
        over the first ``band_draws`` draws.
    factors
        The factors drawn.
    n, seed, scenario
        Number of draws, seed of the random numbers, demand scenario.
    band_draws
        How many draws the yearly bands come from (at most :data:`BAND_DRAWS`).
    median, lo80, hi80, lo95, hi95
        The median advice and the bounds of its 80% and 95% intervals (quantiles 10/90 and 2.5/97.5%).
    round_advice
        The advice at the round's values (all factors in the middle).
    """

    table: pd.DataFrame
    bands: pd.DataFrame
    factors: tuple[UncertainFactor, ...]
    n: int
    seed: int | None
    scenario: str
    median: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    round_advice: float
    band_draws: int


def draw_uncertainty(params: GPParameters, factors: list[UncertainFactor], *, n: int = 10_000,
                     seed: int | None = 0, scenario: str = "full") -> Uncertainty:
    """Draw every factor ``n`` times and compute the advice of every draw (vectorised).

    Parameters
    ----------
    params
        The parameters run.
    factors
        From :func:`uncertainty_factors`.
    n
        Number of draws (at least 10).
    seed
        Seed of :func:`numpy.random.default_rng` (the same seed gives the same draws).
    scenario
        Demand scenario of the advice.

    Returns
    -------
    Uncertainty

    Raises
    ------
    InputError
        For fewer than 10 draws or an unknown scenario.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> u = draw_uncertainty(p, uncertainty_factors(p), n=500, seed=3)
    >>> len(u.table), round(u.round_advice), list(u.bands.columns[:3])
    (500, 1027, ['demand_lo95', 'demand_lo80', 'demand_median'])
    """
    sc = get_scenario(scenario)
    if int(n) < 10:
        raise InputError(f"--uncertainty needs at least 10 draws, got {n}.", key="model.too_few_draws", n=n)
    n = int(n)
    rng = np.random.default_rng(seed)
    z = rng.triangular(-1.0, 0.0, 1.0, size=(n, len(factors)))
    index = pd.RangeIndex(n, name="draw")
    frame = _frame(factors, z, index)
    result = sweep(params, frame, scenario=sc)
    table = pd.concat([pd.DataFrame(z, index=index, columns=[f"z_{f.name}" for f in factors]), result], axis=1)
    paths = sweep_paths(params, frame.iloc[:BAND_DRAWS], scenario=sc)
    qs = list(BAND_QUANTILES.values())
    bands = {}
    for key, col in (("demand", "demand"), ("supply", "fte"), ("supply_advice", "supply_advice")):
        values = np.quantile(paths[key].to_numpy(), qs, axis=0)
        for name, row in zip(BAND_QUANTILES, values, strict=True):
            bands[f"{col}_{name}"] = row
    bands_frame = pd.DataFrame(bands, index=paths["demand"].columns)
    q = dict(zip(BAND_QUANTILES, np.quantile(result["advice"].to_numpy(), qs), strict=True))
    mid = float(sweep(params, pd.DataFrame(index=[0]), scenario=sc)["advice"].iloc[0])
    return Uncertainty(table=table, bands=bands_frame, factors=tuple(factors), n=n, seed=seed, scenario=sc,
                       median=float(q["median"]), lo80=float(q["lo80"]), hi80=float(q["hi80"]),
                       lo95=float(q["lo95"]), hi95=float(q["hi95"]), round_advice=mid,
                       band_draws=min(n, BAND_DRAWS))


def sensitivity(params: GPParameters, factors: list[UncertainFactor], *, scenario: str = "full") -> pd.DataFrame:
    """Move one factor at a time to its low and to its high value: the advice at each, ordered by effect.

    Parameters
    ----------
    params
        The parameters run.
    factors
        From :func:`uncertainty_factors`.
    scenario
        Demand scenario of the advice.

    Returns
    -------
    pandas.DataFrame
        Indexed by factor, largest effect first: ``kind``, ``spread``, ``advice_low`` (factor at its low
        value), ``advice_high``, ``advice_mid`` (the round's advice), ``value_low``, ``value_mid``,
        ``value_high`` (the parameter's values, for factors of one parameter; else NaN), ``effect``
        (``|high − low|``) and ``low_minus_mid``, ``high_minus_mid``.

    Examples
    --------
    >>> from regio.model.parameters import example_parameters
    >>> p = example_parameters()
    >>> s = sensitivity(p, uncertainty_factors(p))
    >>> s.loc["epi", ["advice_low", "advice_high"]].round().tolist()
    [981.0, 1074.0]
    """
    sc = get_scenario(scenario)
    k = len(factors)
    z = np.zeros((2 * k, k))
    z[np.arange(k), np.arange(k)] = -1.0
    z[k + np.arange(k), np.arange(k)] = 1.0
    advice = sweep(params, _frame(factors, z, pd.RangeIndex(2 * k)), scenario=sc)["advice"].to_numpy()
    mid = float(sweep(params, pd.DataFrame(index=[0]), scenario=sc)["advice"].iloc[0])
    table = pd.DataFrame({"kind": [f.kind for f in factors], "spread": [f.spread for f in factors],
                          "advice_low": advice[:k], "advice_high": advice[k:], "advice_mid": mid},
                         index=pd.Index([f.name for f in factors], name="factor"))
    single = [len(f.fields) == 1 for f in factors]
    for key, attr in (("value_low", "low"), ("value_mid", "mid"), ("value_high", "high")):
        table[key] = [getattr(f, attr)[0] if one else np.nan for f, one in zip(factors, single, strict=True)]
    table["effect"] = (table["advice_high"] - table["advice_low"]).abs()
    table["low_minus_mid"] = table["advice_low"] - mid
    table["high_minus_mid"] = table["advice_high"] - mid
    return table.sort_values("effect", ascending=False, kind="stable")
