"""The parameters of the Capaciteitsorgaan GP model: one typed, validated set per round and variant.

Field names are the variable names of the Capaciteitsorgaan's parameter file
(``capaciteitsorgaan/parameterwaarden_huisartsen_2010_2025.csv``), so that a
value can be traced to its row. Variables that exist per variant in the file
(``onv_vraag_midden``, ``demo_5_midden``, ``epi_midden`` ...) are fields
without the variant suffix (``onv_vraag``, ``demo_5``, ``epi``); the variant
chosen is recorded in :attr:`GPParameters.variant`.

A parameter set is immutable. What-if questions make a new one with
:func:`apply_overrides` (field names, the file's names, or the friendly
aliases in :data:`ALIASES`, plus the derived ``uren_per_week``).

Examples
--------
>>> p = example_parameters()
>>> p.basisjaar, p.evenwichtsjaar2
(2025, 2043)
>>> apply_overrides(p, {"instroom": "850"}).n_inopleiding_perjaar3
850.0
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from regio.errors import InputError, RegioWarning, said_value
from regio.validate import to_numeric

__all__ = [
    "ALIASES",
    "COHORT_SUFFIXES",
    "DERIVED",
    "VARIANTS",
    "VARIANT_FIELDS",
    "WHOLE_FIELDS",
    "GPParameters",
    "apply_overrides",
    "example_parameters",
    "parameter_fields",
    "parse_value",
]

#: Variants of the demand parameters in the file.
VARIANTS = ("laag", "midden", "hoog")

#: Suffix of the cohort variables: "" now in training, "2" entering before the
#: bijsturingsjaar, "3" entering from it (the decision variable).
COHORT_SUFFIXES = ("", "2", "3")

#: Fields whose file variable carries the variant as suffix (``onv_vraag_midden``).
VARIANT_FIELDS = ("onv_vraag", "demo_5", "demo_10", "demo_15", "demo_20",
                  "epi", "soc", "vak", "eff", "hor", "tijd", "ver")

#: Friendly names accepted by :func:`apply_overrides`.
ALIASES = {
    "instroom": "n_inopleiding_perjaar3",
    "intake": "n_inopleiding_perjaar3",
    "evenwichtsjaar": "evenwichtsjaar2",
    "equilibrium_year": "evenwichtsjaar2",
    "onvervulde_vraag": "onv_vraag",
    "aandeel_vrouw": "per_vrouw_basis",
    "atv": "tijd",
}

#: Derived overrides: they change several fields at once (see :func:`apply_overrides`).
DERIVED = {
    "uren_per_week": "average hours a week of a GP from 5 years after the base year on; scales the "
                     "future FTE factors (fte_*_basis_vijf ... _twintig) by hours / hours in the base year",
}

_SEXES = ("vrouw", "man")
_STEPS5 = ("vijf", "tien", "vijftien", "twintig")
_STEPS_RENDEMENT = ("1jaar", "5jaar", "10jaar", "15jaar")


@dataclass(frozen=True)
class GPParameters:
    """Parameters of one round and variant of the Capaciteitsorgaan GP model.

    Shares are fractions (0.66, not 66). Outflow and extern rendement are
    cumulative: ``uitstroom_vrouw_basis_tien`` is the share of the women
    working in the base year who no longer work as GP 10 years later;
    ``extern_rendement_man_5jaar`` the share of male graduates still working
    as GP 5 years after graduating. Demand growth rates are per year
    (``epi`` ... ``ver``, ``tijd``) or cumulative from the base year
    (``demo_5`` ... ``demo_20``).

    Attributes
    ----------
    raming, variant, bron
        Round (2010 ... 2025), variant (laag/midden/hoog) and where the values came from.
    basisjaar, bijsturingsjaar, trendjaar, evenwichtsjaar1, evenwichtsjaar2
        Base year; first year an intake decision takes effect; last year of the
        temporary non-demographic trend; short and long equilibrium year (the
        advice closes the gap in ``evenwichtsjaar2``, 18 years after the base year).
    aanbod_personen, per_vrouw_basis
        GPs working in the base year and the share of women among them.
    fte_vrouw_basis ... fte_man_basis_twintig
        FTE per GP by sex in the base year and 5/10/15/20 years later.
    uitstroom_vrouw_basis_vijf ... uitstroom_man_basis_twintig
        Cumulative outflow of the base-year stock after 5/10/15/20 years.
    n_inopleiding_perjaar, per_vrouw_opleiding, opleidingsduur, intern_rendement
        Cohort now in training: yearly intake (so ``n × opleidingsduur`` are in
        training), share of women, training years, share finishing.
    extern_rendement_vrouw_1jaar ... extern_rendement_man_15jaar
        Share of graduates working as GP 1/5/10/15 years after graduating.
    ...2, ...3
        The same for the cohort entering before the bijsturingsjaar (suffix 2)
        and from it (suffix 3: ``n_inopleiding_perjaar3`` is the intake that the
        advice is about; its file value is the current intake).
    n_buitenland, per_vrouw_buitenland, rendement_buitenland
        GPs arriving from abroad per year, share of women, share who stay.
    onv_vraag
        Unfulfilled demand in the base year (vacancies) as a share of supply.
    demo_5 ... demo_20
        Cumulative growth of demand from demography after 5/10/15/20 years.
    epi, soc, vak, eff, hor, ver
        Non-demographic demand growth per year: epidemiology, socio-cultural,
        professional (vakinhoudelijk), efficiency, horizontal and vertical substitution.
    tijd
        Change of working time per year (arbeidstijdverandering, ATV); adds
        ``1/(1 - tijd) - 1`` a year to demand.
    werkzame_uren_vrouw, werkzame_uren_man
        Hours a week by sex from the time-use survey (TBO), where the round has them.
    """

    raming: int
    variant: str
    basisjaar: int
    bijsturingsjaar: int
    trendjaar: int
    evenwichtsjaar1: int
    evenwichtsjaar2: int
    # current stock
    aanbod_personen: float
    per_vrouw_basis: float
    fte_vrouw_basis: float
    fte_vrouw_basis_vijf: float
    fte_vrouw_basis_tien: float
    fte_vrouw_basis_vijftien: float
    fte_vrouw_basis_twintig: float
    fte_man_basis: float
    fte_man_basis_vijf: float
    fte_man_basis_tien: float
    fte_man_basis_vijftien: float
    fte_man_basis_twintig: float
    uitstroom_vrouw_basis_vijf: float
    uitstroom_vrouw_basis_tien: float
    uitstroom_vrouw_basis_vijftien: float
    uitstroom_vrouw_basis_twintig: float
    uitstroom_man_basis_vijf: float
    uitstroom_man_basis_tien: float
    uitstroom_man_basis_vijftien: float
    uitstroom_man_basis_twintig: float
    # cohort 1: in training in the base year
    n_inopleiding_perjaar: float
    per_vrouw_opleiding: float
    opleidingsduur: float
    intern_rendement: float
    extern_rendement_vrouw_1jaar: float
    extern_rendement_vrouw_5jaar: float
    extern_rendement_vrouw_10jaar: float
    extern_rendement_vrouw_15jaar: float
    extern_rendement_man_1jaar: float
    extern_rendement_man_5jaar: float
    extern_rendement_man_10jaar: float
    extern_rendement_man_15jaar: float
    # cohort 2: entering between the base year and the bijsturingsjaar
    n_inopleiding_perjaar2: float
    per_vrouw_opleiding2: float
    opleidingsduur2: float
    intern_rendement2: float
    extern_rendement_vrouw_1jaar2: float
    extern_rendement_vrouw_5jaar2: float
    extern_rendement_vrouw_10jaar2: float
    extern_rendement_vrouw_15jaar2: float
    extern_rendement_man_1jaar2: float
    extern_rendement_man_5jaar2: float
    extern_rendement_man_10jaar2: float
    extern_rendement_man_15jaar2: float
    # cohort 3: entering from the bijsturingsjaar on (the intake the advice is about)
    n_inopleiding_perjaar3: float
    per_vrouw_opleiding3: float
    opleidingsduur3: float
    intern_rendement3: float
    extern_rendement_vrouw_1jaar3: float
    extern_rendement_vrouw_5jaar3: float
    extern_rendement_vrouw_10jaar3: float
    extern_rendement_vrouw_15jaar3: float
    extern_rendement_man_1jaar3: float
    extern_rendement_man_5jaar3: float
    extern_rendement_man_10jaar3: float
    extern_rendement_man_15jaar3: float
    # inflow from abroad
    n_buitenland: float
    per_vrouw_buitenland: float
    rendement_buitenland: float
    # demand (of the chosen variant)
    onv_vraag: float
    demo_5: float
    demo_10: float
    demo_15: float
    demo_20: float
    epi: float
    soc: float
    vak: float
    eff: float
    hor: float
    tijd: float
    ver: float
    # time-use survey (not in every round)
    werkzame_uren_vrouw: float | None = None
    werkzame_uren_man: float | None = None
    bron: str = ""

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise InputError(
                f"Invalid GP model parameters (round {self.raming}, variant {self.variant}): {joined(problems)}.",
                key="model.invalid_parameters", round=self.raming, variant=self.variant, problems=joined(problems))

    # -- convenience views used by the model ---------------------------------------------
    @property
    def horizon(self) -> int:
        """Years after the base year the model runs (20: outflow is known to 20 years).

        Returns
        -------
        int
            Always 20; the equilibrium years must lie within it.

        Examples
        --------
        >>> p = example_parameters()
        >>> p.horizon, p.basisjaar + p.horizon
        (20, 2045)
        """
        return 20

    @property
    def nondemographic_factors(self) -> dict[str, float]:
        """Yearly non-demographic growth per factor; ATV as ``1/(1 - tijd) - 1``.

        Returns
        -------
        dict of str to float
            Factor (``epi``, ``soc``, ``vak``, ``eff``, ``hor``, ``tijd``, ``ver``)
            -> growth of demand per year.

        Examples
        --------
        >>> p = example_parameters()
        >>> p.nondemographic_factors["epi"]
        0.01
        >>> round(p.replace(tijd=0.01).nondemographic_factors["tijd"], 6)  # 1/(1 - 0.01) - 1
        0.010101
        """
        return {"epi": self.epi, "soc": self.soc, "vak": self.vak, "eff": self.eff, "hor": self.hor,
                "tijd": 1.0 / (1.0 - self.tijd) - 1.0, "ver": self.ver}

    def fte_points(self, sex: str) -> np.ndarray:
        """FTE factor of ``sex`` at 0, 5, 10, 15 and 20 years.

        Parameters
        ----------
        sex
            ``"vrouw"`` or ``"man"``.

        Returns
        -------
        numpy.ndarray
            Five FTE factors, base year first.

        Examples
        --------
        >>> example_parameters().fte_points("man").tolist()
        [0.81, 0.81, 0.81, 0.81, 0.81]
        """
        return np.array([getattr(self, f"fte_{sex}_basis")]
                        + [getattr(self, f"fte_{sex}_basis_{s}") for s in _STEPS5], dtype=float)

    def outflow_points(self, sex: str) -> np.ndarray:
        """Cumulative outflow of the stock of ``sex`` at 0, 5, 10, 15 and 20 years.

        Parameters
        ----------
        sex
            ``"vrouw"`` or ``"man"``.

        Returns
        -------
        numpy.ndarray
            Five shares of the base-year stock that have left, starting with 0.

        Examples
        --------
        >>> example_parameters().outflow_points("man").tolist()
        [0.0, 0.226, 0.373, 0.502, 0.632]
        """
        return np.array([0.0] + [getattr(self, f"uitstroom_{sex}_basis_{s}") for s in _STEPS5], dtype=float)

    def rendement_points(self, sex: str, cohort: int) -> np.ndarray:
        """Extern rendement of ``sex`` in cohort 1, 2 or 3 at 1, 5, 10 and 15 years after graduating.

        Parameters
        ----------
        sex
            ``"vrouw"`` or ``"man"``.
        cohort
            1 (in training in the base year), 2 (entering before the
            bijsturingsjaar) or 3 (entering from it).

        Returns
        -------
        numpy.ndarray
            Four shares of graduates still working as GP.

        Examples
        --------
        >>> example_parameters().rendement_points("vrouw", 3).tolist()
        [0.989, 0.943, 0.889, 0.851]
        """
        sfx = COHORT_SUFFIXES[cohort - 1]
        return np.array([getattr(self, f"extern_rendement_{sex}_{s}{sfx}") for s in _STEPS_RENDEMENT], dtype=float)

    def demography_points(self) -> np.ndarray:
        """Cumulative demographic growth at 0, 5, 10, 15 and 20 years.

        Returns
        -------
        numpy.ndarray
            ``[0, demo_5, demo_10, demo_15, demo_20]``.

        Examples
        --------
        >>> example_parameters().demography_points().tolist()
        [0.0, 0.043, 0.086, 0.121, 0.148]
        """
        return np.array([0.0, self.demo_5, self.demo_10, self.demo_15, self.demo_20], dtype=float)

    @property
    def base_hours(self) -> float | None:
        """Average hours a week in the base year (TBO hours weighted by the share of women).

        Returns
        -------
        float or None
            None when the round has no TBO hours (``werkzame_uren_vrouw``/``_man``).

        Examples
        --------
        >>> p = example_parameters()
        >>> round(p.base_hours, 3)  # 0.66 * 46.6 + 0.34 * 50.7
        47.994
        >>> p.replace(werkzame_uren_man=None).base_hours is None
        True
        """
        if self.werkzame_uren_vrouw is None or self.werkzame_uren_man is None:
            return None
        return self.per_vrouw_basis * self.werkzame_uren_vrouw + (1 - self.per_vrouw_basis) * self.werkzame_uren_man

    def replace(self, **changes) -> GPParameters:
        """Return a copy with ``changes`` (validated again).

        Unlike :func:`apply_overrides` this takes field names and typed values only.

        Parameters
        ----------
        **changes
            Field name -> new value.

        Returns
        -------
        GPParameters
            The new parameter set; ``self`` is not changed.

        Raises
        ------
        InputError
            When the new values are invalid (every problem named).
        TypeError
            For a name that is not a field.

        Examples
        --------
        >>> p = example_parameters()
        >>> p.replace(n_inopleiding_perjaar3=850.0).n_inopleiding_perjaar3, p.n_inopleiding_perjaar3
        (850.0, 718.0)
        >>> p.replace(per_vrouw_basis=66)
        Traceback (most recent call last):
        ...
        regio.errors.InputError: Invalid GP model parameters (...): per_vrouw_basis = 66 is not a share between 0 and 1.
        """
        return dataclasses.replace(self, **changes)

    def to_series(self) -> pd.Series:
        """All values as a Series indexed by field name (for tables).

        Returns
        -------
        pandas.Series
            One value per field (dtype object), in field order.

        Examples
        --------
        >>> s = example_parameters().to_series()
        >>> s[["raming", "variant", "aanbod_personen"]].tolist()
        [2025, 'midden', 14347.0]
        """
        return pd.Series({f.name: getattr(self, f.name) for f in fields(self)}, dtype=object)


def parameter_fields() -> dict[str, type]:
    """Field name -> kind (``int``, ``float``, ``str``) of :class:`GPParameters`.

    Returns
    -------
    dict of str to type
        Every field in order; optional hours (``float | None``) count as ``float``.

    Examples
    --------
    >>> kinds = parameter_fields()
    >>> len(kinds), kinds["raming"], kinds["variant"], kinds["werkzame_uren_man"]
    (81, <class 'int'>, <class 'str'>, <class 'float'>)
    """
    kinds = {}
    for f in fields(GPParameters):
        t = str(f.type)
        kinds[f.name] = int if t == "int" else str if t == "str" else float
    return kinds


_INT_FIELDS = ("raming", "basisjaar", "bijsturingsjaar", "trendjaar", "evenwichtsjaar1", "evenwichtsjaar2")


def _share_fields() -> list[str]:
    names = ["per_vrouw_basis", "per_vrouw_buitenland", "rendement_buitenland"]
    names += [f"uitstroom_{s}_basis_{t}" for s in _SEXES for t in _STEPS5]
    for sfx in COHORT_SUFFIXES:
        names += [f"per_vrouw_opleiding{sfx}", f"intern_rendement{sfx}"]
        names += [f"extern_rendement_{s}_{t}{sfx}" for s in _SEXES for t in _STEPS_RENDEMENT]
    return names


def joined(problems: list[InputError], *, sentences: bool = False, listed: bool = False) -> InputError:
    """Say several problems as one error, one after the other ("a; b"), in the language it is said in.

    Each problem is an error with its own message key; the result can be
    passed to a raise site as a value (``problems=joined(problems)``).
    ``sentences``: the problems are whole sentences (wrapped errors), which
    Dutch puts one after the other instead of between semicolons.
    ``listed``: the parts are items of one list ("a, b").

    Examples
    --------
    >>> a = InputError("demo_5 ... demo_20 must be above -1", key="model.demography_above_minus_one")
    >>> b = InputError("n_buitenland = -1 must not be negative", key="model.not_negative", name="n_buitenland",
    ...                value=-1)
    >>> str(joined([a, b]))
    'demo_5 ... demo_20 must be above -1; n_buitenland = -1 must not be negative'
    >>> joined([a, b]).message("nl")
    'demo_5 ... demo_20 moeten groter zijn dan -1; n_buitenland = -1 mag niet negatief zijn'
    """
    if sentences:  # Dutch says whole sentences one after the other, English between semicolons
        first, *rest = problems
        if not rest:
            return first
        tail = joined(rest, sentences=True)
        return InputError(f"{first}; {tail}", key="model.sentences", first=first, rest=tail)
    from regio.text import joined as joined_parts

    return joined_parts(list(problems), sep=", " if listed else "; ")


def _clause(exc: InputError) -> InputError:
    """Return ``exc`` as a part of a list of problems (English without its full stop; other languages as said)."""
    return InputError(str(exc).rstrip("."), key="model.clause", inner=exc)


def _problems(p: GPParameters) -> list[InputError]:
    """Everything wrong with ``p``, each naming the field and value."""
    out: list[InputError] = []
    kinds = parameter_fields()
    for name, kind in kinds.items():
        value = getattr(p, name)
        if name in ("werkzame_uren_vrouw", "werkzame_uren_man") and value is None:
            continue
        if kind is str:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            out.append(InputError(f"{name} must be a number, got {value!r}", key="model.not_a_number", name=name,
                                  value=said_value(value)))
        elif not math.isfinite(float(value)):
            out.append(InputError(f"{name} must be finite, got {value!r}", key="model.not_finite", name=name,
                                  value=said_value(value)))
        elif kind is int and float(value) != int(value):
            out.append(InputError(f"{name} must be a whole year, got {value!r}", key="model.not_whole_year",
                                  name=name, value=said_value(value)))
    if out:
        return out
    if p.variant not in VARIANTS:
        out.append(InputError(f"variant must be one of {', '.join(VARIANTS)}, got {p.variant!r}",
                              key="model.variant_field", known=", ".join(VARIANTS), value=said_value(p.variant)))
    for name in _share_fields():
        v = getattr(p, name)
        if not 0.0 <= v <= 1.0:
            out.append(InputError(f"{name} = {v} is not a share between 0 and 1", key="model.not_share", name=name,
                                  value=v))
    for sex in _SEXES:
        pts = p.fte_points(sex)
        for label, v in zip(("basis", *_STEPS5), pts, strict=True):
            if not 0.0 < v <= 1.5:
                name = f"fte_{sex}_basis{'' if label == 'basis' else '_' + label}"
                out.append(InputError(f"{name} = {v} is not an FTE factor between 0 and 1.5", key="model.not_fte",
                                      name=name, value=v))
        flow = p.outflow_points(sex)
        if np.any(np.diff(flow) < 0):
            got = ", ".join(f"{v:g}" for v in flow[1:])
            out.append(InputError(f"uitstroom_{sex}_basis_* must not decrease over 5/10/15/20 years, got {got} "
                                  "(they are cumulative)", key="model.outflow_decreases", sex=sex, values=got))
    if p.aanbod_personen <= 0:
        out.append(InputError(f"aanbod_personen = {p.aanbod_personen} must be positive", key="model.not_positive",
                              name="aanbod_personen", value=p.aanbod_personen))
    for sfx in COHORT_SUFFIXES:
        n, d = getattr(p, f"n_inopleiding_perjaar{sfx}"), getattr(p, f"opleidingsduur{sfx}")
        if n < 0:
            out.append(InputError(f"n_inopleiding_perjaar{sfx} = {n} must not be negative", key="model.not_negative",
                                  name=f"n_inopleiding_perjaar{sfx}", value=n))
        if not 0 < d <= 10:
            out.append(InputError(f"opleidingsduur{sfx} = {d} must be between 0 and 10 years",
                                  key="model.bad_duration", name=f"opleidingsduur{sfx}", value=d))
    if p.n_buitenland < 0:
        out.append(InputError(f"n_buitenland = {p.n_buitenland} must not be negative", key="model.not_negative",
                              name="n_buitenland", value=p.n_buitenland))
    if p.onv_vraag <= -1:
        out.append(InputError(f"onv_vraag = {p.onv_vraag} must be above -1", key="model.above_minus_one",
                              name="onv_vraag", value=p.onv_vraag))
    if np.any(p.demography_points() <= -1):
        out.append(InputError("demo_5 ... demo_20 must be above -1", key="model.demography_above_minus_one"))
    if p.tijd >= 1:
        out.append(InputError(f"tijd = {p.tijd} must be below 1 (it is a yearly share of working time)",
                              key="model.tijd_below_one", value=p.tijd))
    for name in ("werkzame_uren_vrouw", "werkzame_uren_man"):
        v = getattr(p, name)
        if v is not None and not 0 < v < 100:
            out.append(InputError(f"{name} = {v} is not a number of hours a week", key="model.not_hours", name=name,
                                  value=v))
    base = p.basisjaar
    if not p.bijsturingsjaar > base:
        out.append(InputError(f"bijsturingsjaar {p.bijsturingsjaar} must come after basisjaar {base}",
                              key="model.steering_after_base", year=p.bijsturingsjaar, base=base))
    if p.trendjaar < base:
        out.append(InputError(f"trendjaar {p.trendjaar} must not come before basisjaar {base}",
                              key="model.trend_before_base", year=p.trendjaar, base=base))
    for name in ("evenwichtsjaar1", "evenwichtsjaar2"):
        year = getattr(p, name)
        if not base < year <= base + p.horizon:
            out.append(InputError(f"{name} {year} must lie in {base + 1}-{base + p.horizon} "
                                  f"(the model runs {p.horizon} years from the base year)",
                                  key="model.equilibrium_field", name=name, year=year, first=base + 1,
                                  last=base + p.horizon, horizon=p.horizon))
    return out


# ----------------------------------------------------------------------------- overrides

#: Counts of persons: whole numbers, so "1,026" or "1.000" is ambiguous (a thousands separator or a decimal one?).
WHOLE_FIELDS = frozenset({"aanbod_personen", "n_buitenland", *(f"n_inopleiding_perjaar{s}" for s in COHORT_SUFFIXES)})


def parse_value(text: object, *, name: str, whole: bool | None = None, label: str | None = None) -> float:
    """Parse a parameter value given as text, by the rules of :func:`regio.validate.to_numeric`.

    A decimal comma (``"0,72"``) is read with a :class:`~regio.errors.RegioWarning`.
    For the counts of persons (:data:`WHOLE_FIELDS`: ``instroom`` =
    ``n_inopleiding_perjaar3``, ``aanbod_personen``, ...) a fraction is refused,
    and so is ``"1,026"`` or ``"1.000"``, which may mean 1026 and 1000
    (thousands separators) or a decimal number: the message asks for ``1026``.
    Numbers (not text) are taken as they are.

    Parameters
    ----------
    text
        The value (text or a number).
    name
        The parameter (field name), for messages and to decide ``whole``.
    whole
        Whether the value must be a whole number (default: ``name`` in :data:`WHOLE_FIELDS`).
    label
        How messages name the parameter (default ``name``; e.g. ``"instroom (n_inopleiding_perjaar3)"``).

    Returns
    -------
    float
        The value.

    Raises
    ------
    InputError
        Not a number; for whole-number parameters a fraction or an ambiguous grouping.

    Examples
    --------
    >>> parse_value("0.72", name="fte_vrouw_basis")
    0.72
    >>> parse_value(850, name="n_inopleiding_perjaar3")
    850.0
    >>> parse_value(1.026, name="n_inopleiding_perjaar3")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Value 1.026 for n_inopleiding_perjaar3: a number of persons must be whole, ...
    >>> parse_value("1,026", name="n_inopleiding_perjaar3")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Value '1,026' for n_inopleiding_perjaar3: ambiguous ... e.g. '1026'.
    """
    whole = name in WHOLE_FIELDS if whole is None else whole
    label = label or name
    if isinstance(text, (int, float, np.integer, np.floating)) and not isinstance(text, bool):
        value = float(text)
        if whole and np.isfinite(value) and not value.is_integer():  # 1.026 trainees is a slip for 1,026
            raise InputError(f"Value {text!r} for {label}: a number of persons must be whole, not a fraction "
                             f"(did you mean {round(value * 1000):,}?)." if value < 10 else
                             f"Value {text!r} for {label}: a number of persons must be whole, not a fraction.",
                             key="model.persons_fraction_thousands" if value < 10 else "model.persons_fraction",
                             text=said_value(text), label=label, guess=round(value * 1000))
        return value
    s = str(text).strip().replace("\u2212", "-")
    if not s or not _NUMBER.match(s):
        raise InputError(f"Value {text!r} for {label} is not a number (write e.g. {'850' if whole else '0.72'}).",
                         key="model.value_not_number", text=said_value(text), label=label,
                         example=said_value(850 if whole else 0.72))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RegioWarning)
        try:
            value = float(to_numeric(pd.Series([s]), column=name, allow_negative=True, integer=whole,
                                     codes=pd.Series([s])).iloc[0])
        except InputError as exc:
            detail = str(exc).split(": ", 1)[-1].split(". Fix these cells")[0].rstrip(".")
            raise InputError(f"Value {text!r} for {label}: {detail}.", key="model.value_unreadable",
                             text=said_value(text), label=label, detail=detail) from None
    if any(issubclass(w.category, RegioWarning) for w in caught):
        warnings.warn(RegioWarning(f"Value {text!r} for {label} read with a decimal comma as {value:g}; write "
                                   f"{value:g} to silence this warning.", key="model.decimal_comma",
                                   text=said_value(text), label=label, value=f"{value:g}"), stacklevel=3)
    return value


# digits with an optional decimal part, "." or "," groups (judged by to_numeric), exponent
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def _resolve(name: str, variant: str) -> str:
    kinds = parameter_fields()
    key = name.strip()
    if key in ("raming", "variant", "bron"):
        raise InputError(f"{key!r} describes where the parameters come from and cannot be set; read another "
                         "round or variant instead (--round, --variant)", key="model.provenance_field",
                         name=said_value(key))
    if key in kinds or key in DERIVED:
        return key
    if key in ALIASES:
        return ALIASES[key]
    for v in VARIANTS:  # a file name with variant suffix, e.g. epi_midden
        if key.endswith(f"_{v}") and key[: -len(v) - 1] in VARIANT_FIELDS:
            if v != variant:
                raise InputError(f"Parameter {name!r} belongs to variant {v!r}, but the model runs variant "
                                 f"{variant!r}; set {key[: -len(v) - 1]!r} instead (or choose --variant {v}).",
                                 key="model.other_variant", name=said_value(name), other=said_value(v),
                                 variant=said_value(variant),
                                 field=said_value(key[: -len(v) - 1]), choice=v)
            return key[: -len(v) - 1]
    known = [*kinds, *ALIASES, *DERIVED]
    close = difflib.get_close_matches(key, known, n=4, cutoff=0.6)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"Unknown model parameter {name!r}.{hint} Parameters are the field names of "
                     "regio.model.GPParameters (the Capaciteitsorgaan's variable names), aliases "
                     f"{', '.join(sorted(ALIASES))}, or {', '.join(DERIVED)}.",
                     key="model.unknown_parameter_close" if close else "model.unknown_parameter", name=said_value(name),
                     close=", ".join(close), aliases=", ".join(sorted(ALIASES)), derived=", ".join(DERIVED))


def apply_overrides(params: GPParameters, overrides: Mapping[str, object]) -> GPParameters:
    """Return a new parameter set with ``overrides`` applied (the input is not changed).

    Parameters
    ----------
    params
        The parameter set to start from.
    overrides
        Name -> value (numbers or text such as ``"0,72"``). Names are field
        names of :class:`GPParameters` (the Capaciteitsorgaan's variable names),
        the file's variant names (``epi_midden`` when running ``midden``), the
        aliases of :data:`ALIASES` (``instroom`` = ``n_inopleiding_perjaar3``),
        or ``uren_per_week``: the average working week of a GP from five years
        after the base year on, which scales the future FTE factors of both
        sexes by ``uren / base_hours`` (the base year's factors stay, because
        demand is anchored on base-year supply).

    Returns
    -------
    GPParameters
        Validated; every problem is reported at once.

    Raises
    ------
    InputError
        For unknown names (with suggestions), values that are not numbers,
        or values the parameter set does not accept.

    Examples
    --------
    >>> p = example_parameters()
    >>> q = apply_overrides(p, {"uren_per_week": 45})
    >>> round(q.fte_vrouw_basis_twintig / p.fte_vrouw_basis_twintig * p.base_hours, 6)
    45.0
    >>> apply_overrides(p, {"instroom": 850, "n_inopleiding_perjaar3": 900})
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Cannot apply the parameter changes: instroom and n_inopleiding_perjaar3 are both ...
    """
    changes: dict[str, object] = {}
    problems: list[InputError] = []
    kinds = parameter_fields()
    hours = None
    named: dict[str, str] = {}  # field -> the name it was given as
    for name, raw in overrides.items():
        try:
            key = _resolve(str(name), params.variant)
            if key in named:  # instroom and n_inopleiding_perjaar3 are one field: which value is meant?
                raise InputError(f"{named[key]} and {name} are both {key}: give it once", key="model.given_twice",
                                 first=named[key], second=name, field=key)
            named[key] = str(name)
            if kinds.get(key) is str:
                changes[key] = str(raw)
                continue
            value = parse_value(raw, name=key, label=key if key == str(name).strip() else f"{name} ({key})")
            if key == "uren_per_week":
                hours = value
                continue
            if kinds[key] is int:
                if not float(value).is_integer():
                    raise InputError(f"{key} must be a whole year, got {raw!r}", key="model.whole_year_given",
                                     name=key, value=said_value(raw))
                value = int(value)
            changes[key] = value
        except InputError as exc:
            problems.append(_clause(exc))
    if problems:
        said = joined(problems, sentences=True)
        raise InputError(f"Cannot apply the parameter changes: {said}.", key="model.cannot_apply", problems=said)
    new = dataclasses.replace(params, **changes) if changes else params
    if hours is not None:
        base = new.base_hours
        if base is None:
            raise InputError(f"Round {params.raming} has no working hours (werkzame_uren_vrouw/man) to scale; "
                             "set the FTE factors fte_vrouw_basis_vijf ... fte_man_basis_twintig directly.",
                             key="model.no_working_hours", round=params.raming)
        if not 0 < hours < 100:
            raise InputError(f"uren_per_week must be a number of hours a week, got {hours}.", key="model.bad_hours",
                             value=hours)
        scale = hours / base
        scaled = {f"fte_{s}_basis_{t}": getattr(new, f"fte_{s}_basis_{t}") * scale for s in _SEXES for t in _STEPS5}
        new = dataclasses.replace(new, **scaled)
    return new


def example_parameters() -> GPParameters:
    """Return the 2025 round, variant midden, typed in from the Capaciteitsorgaan's file.

    For doctests and examples that must run without the data directory; the
    real reader is :func:`regio.model.read_parameters`.

    Returns
    -------
    GPParameters
        A validated parameter set (women and men keep their base-year FTE factor).

    Examples
    --------
    >>> p = example_parameters()
    >>> p.raming, p.variant, p.aanbod_personen, p.n_inopleiding_perjaar3
    (2025, 'midden', 14347.0, 718.0)
    """
    er_v = (0.989, 0.943, 0.889, 0.851)
    er_m = (0.992, 0.959, 0.931, 0.905)
    values: dict[str, object] = {
        "raming": 2025, "variant": "midden", "basisjaar": 2025, "bijsturingsjaar": 2027, "trendjaar": 2035,
        "evenwichtsjaar1": 2037, "evenwichtsjaar2": 2043, "aanbod_personen": 14347.0, "per_vrouw_basis": 0.66,
        "n_buitenland": 14.0, "per_vrouw_buitenland": 1.0, "rendement_buitenland": 1.0,
        "onv_vraag": 0.063, "demo_5": 0.043, "demo_10": 0.086, "demo_15": 0.121, "demo_20": 0.148,
        "epi": 0.01, "soc": 0.019, "vak": -0.003, "eff": -0.005, "hor": 0.016, "tijd": 0.0, "ver": -0.011,
        "werkzame_uren_vrouw": 46.6, "werkzame_uren_man": 50.7, "bron": "example (2025 round, midden)",
    }
    for sex, fte in (("vrouw", 0.72), ("man", 0.81)):
        values[f"fte_{sex}_basis"] = fte
        for t in _STEPS5:
            values[f"fte_{sex}_basis_{t}"] = fte
    for t, v, m in zip(_STEPS5, (0.116, 0.232, 0.371, 0.51), (0.226, 0.373, 0.502, 0.632), strict=True):
        values[f"uitstroom_vrouw_basis_{t}"] = v
        values[f"uitstroom_man_basis_{t}"] = m
    for sfx in COHORT_SUFFIXES:
        values.update({f"n_inopleiding_perjaar{sfx}": 718.0, f"per_vrouw_opleiding{sfx}": 0.74,
                       f"opleidingsduur{sfx}": 3.2, f"intern_rendement{sfx}": 0.94})
        for t, v, m in zip(_STEPS_RENDEMENT, er_v, er_m, strict=True):
            values[f"extern_rendement_vrouw_{t}{sfx}"] = v
            values[f"extern_rendement_man_{t}{sfx}"] = m
    return GPParameters(**values)
