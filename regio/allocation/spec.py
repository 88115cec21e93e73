"""What one disaggregation is asked to do: :class:`AllocationSpec`, the input of ``run_allocation``.

A spec holds structured values only: numbers, names, mappings region ->
value, Series and DataFrames (:func:`regio.allocation.run.run_allocation`
runs it). Reading a CSV/Excel file or command-line text
such as ``"PV20=30,PV21=25"`` happens before: the command line does it in
:mod:`regio.cli._parse`, a Python user with
:func:`regio.data.user_files.read_table` and
:func:`regio.data.user_files.table_values`. The checks that need no data
(a total or a figure, the key and the options it uses, the mix weights, the
rounding method, the form of the counts date) run when the spec is made; the
run checks the rest against the data, after the year and the level.

Examples
--------
>>> spec = AllocationSpec(figure="gp_trainees_2027", key="need", upper={"PV30": 150})
>>> spec
AllocationSpec(figure='gp_trainees_2027', key='need', upper={'PV30': 150})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from regio._display import spec_repr
from regio.allocation.keys import KEYS
from regio.apportion import normalise_method
from regio.data.shipped import national_figures
from regio.errors import InputError, OptionError, RegioError, said_value
from regio.text import joined

__all__ = ["OPTION_KEYS", "AllocationSpec", "check_total_or_figure", "read_counts_date"]

#: The key each key-specific option belongs to.
OPTION_KEYS = {"mix": "mix", "use": "need", "ages": "need", "norm_per_100k": "shortfall", "counts": "shortfall",
               "counts_date": "shortfall"}

_MIXABLE = ("population", "need", "shortfall")


def read_counts_date(value: object, *, year: int) -> tuple[pd.Timestamp, int]:
    """Read when counts were counted: ``(reference day or NaT, year of the counts)``.

    ``value`` is a day (``"2018-12-21"``, a Timestamp), a year (``2018`` or
    ``"2018"``: the day is not known) or None (the day is not known; the counts
    are of ``year``).

    Parameters
    ----------
    value
        The day, the year or None.
    year
        The year of the counts when ``value`` is None.

    Returns
    -------
    tuple
        ``(day, year)``: the day normalised to midnight, or ``NaT`` when only
        the year is known.

    Raises
    ------
    InputError
        If ``value`` is neither a day nor a four-digit year.

    Examples
    --------
    >>> read_counts_date("2018-12-21", year=2024)
    (Timestamp('2018-12-21 00:00:00'), 2018)
    >>> read_counts_date(2018, year=2024)
    (NaT, 2018)
    >>> read_counts_date(None, year=2024)
    (NaT, 2024)
    >>> read_counts_date("21-12-2018x", year=2024)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Counts date '21-12-2018x' is not a date: give a day (YYYY-MM-DD, e.g. 2018-12-21) ...
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return pd.NaT, int(year)
    text = str(value).strip()
    if isinstance(value, (int, np.integer)) or text.isdigit():
        if len(text) != 4:
            raise InputError(f"Counts date {value!r}: give a day (YYYY-MM-DD, e.g. 2018-12-21) or a year (YYYY).",
                             key="allocation.counts_date_digits", value=said_value(value))
        return pd.NaT, int(text)
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise InputError(f"Counts date {value!r} is not a date: give a day (YYYY-MM-DD, e.g. 2018-12-21) or a "
                         "year (YYYY).", key="allocation.counts_date_not_a_date", value=said_value(value)) from None
    return day.normalize(), int(day.year)


def known_figures() -> RegioError:
    """Return the named national figures with their values for a message (numbers in the message's language).

    Examples
    --------
    >>> figures = known_figures()
    >>> "gp_trainees_2027 (1,026)" in str(figures), "gp_trainees_2027 (1.026)" in figures.message("nl")
    (True, True)
    """
    figs = national_figures()
    return joined([InputError(f"{n} ({v:,})", key="allocation.figure_value", name=n, value=int(v))
                    for n, v in figs["value"].items()], sep=", ")


def check_total_or_figure(total: int | None, figure: str | None) -> None:
    """Refuse neither or both of a total and a named figure (:class:`~regio.errors.OptionError` ``total_figure``).

    Parameters
    ----------
    total, figure
        As :class:`AllocationSpec`.

    Raises
    ------
    OptionError
        Kind ``total_figure``, details ``both`` (bool) and ``known`` (the
        named figures with their values).

    Examples
    --------
    >>> check_total_or_figure(100, None)
    >>> check_total_or_figure(None, None)
    Traceback (most recent call last):
    ...
    regio.errors.OptionError: Give either a total (total=N) or a named national figure (figure=NAME), not neither. ...
    """
    if (total is None) == (figure is None):
        known = known_figures()
        both = total is not None
        raise OptionError(f"Give either a total (total=N) or a named national figure (figure=NAME), not "
                          f"{'both' if both else 'neither'}. Named figures: {known}.", kind="total_figure",
                          key="allocation.total_and_figure" if both else "allocation.total_or_figure",
                          both=both, known=known)


def _refuse_unused(parts: list[str], **options: object) -> None:
    """Refuse options that the chosen key(s) would ignore, naming the key they belong to."""
    unused = [name for name, value in options.items() if value is not None and OPTION_KEYS[name] not in parts]
    if unused:
        first = OPTION_KEYS[unused[0]]
        uses = joined([OptionError(f"{n}= is used only by the {OPTION_KEYS[n]} key", kind="part",
                                   key="allocation.used_only_by", option=n, key_name=OPTION_KEYS[n]) for n in unused])
        chosen = " + ".join(parts)
        raise OptionError(f"{uses}, not by {chosen}: choose that key (key={first!r}"
                          + (", or key='mix' with it in mix=" if first != "mix" else "")
                          + ") or leave the option out.", kind="unused",
                          key="allocation.unused" if first != "mix" else "allocation.unused_mix",
                          unused=unused, parts=list(parts), uses=uses, chosen=chosen, first=first)


def _values(name: str, value: object) -> Mapping | pd.Series | None:
    """Values per region as given (a mapping is copied); a path or a text is refused: read it first."""
    if value is None or isinstance(value, pd.Series):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    raise InputError(f"{name}= takes values per region as a mapping or a Series (e.g. {{'PV20': 30}}), not "
                     f"{type(value).__name__} {value!r}: read a file with regio.data.user_files.table_values("
                     "read_table(path), ...) (the command line reads files and 'PV20=30' text for you).",
                     key="allocation.values_not_mapping", name=name, type=type(value).__name__, value=said_value(value))


def _numbers(name: str, value: object, what: str) -> dict[str, float] | None:
    """Return a mapping name -> number (numbers as written are read), or None."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InputError(f"{name}= takes a mapping name -> number (e.g. {{'population': 0.5, 'need': 0.5}}), not "
                         f"{type(value).__name__} {value!r}.", key="allocation.numbers_not_mapping", name=name,
                         type=type(value).__name__, value=said_value(value))
    out = {}
    for k, v in value.items():
        try:
            out[str(k)] = float(v)
        except (TypeError, ValueError):
            raise InputError(f"{what} for {k!r} is not a number: {v!r}.",
                             key="allocation.mix_not_a_number" if name == "mix" else "allocation.use_not_a_number",
                             name=said_value(k), value=said_value(v)) from None
    return out


@dataclass(frozen=True, eq=False, repr=False)
class AllocationSpec:
    """One disaggregation: the total, the regions, the key and the bounds, as structured values.

    Made once and checked on construction (the checks that need no data);
    :func:`regio.allocation.run.run_allocation` runs it on the data.

    Parameters
    ----------
    total, figure
        The national number, or the name of a figure in
        ``geodata/national_figures.csv`` (e.g. ``gp_trainees_2027`` = 1,026):
        one of the two.
    level, year
        Region level (a CBS level, name or alias, or ``instituut`` for the
        areas of the 8 GP training institutes) and the year of the inhabitants.
    key
        ``population``, ``need``, ``shortfall`` or ``mix`` (case and spaces
        do not matter).
    method
        ``hamilton`` (largest remainder), ``sainte-lague`` or ``dhondt``, or
        an alias of :data:`regio.apportion.METHODS`; kept as the canonical name.
    lower, upper, current
        Values per region: a mapping or a Series keyed by code, name or
        (institutes) other spelling, values numbers (or numbers as written in
        a file, :func:`regio.data.user_files.table_values`). Bounds are whole
        numbers; regions left out have none. ``current`` (e.g. the current
        intake) must give every region.
    current_label
        What ``current`` is when it is not the current distribution (e.g. "de
        verdeling naar inwoners"), for the notes.
    use
        Relative GP use per age band for the need key, a mapping band ->
        number; default from Nivel contact rates
        (:func:`regio.allocation.relative_gp_use`).
    ages
        Where the need key's age bands come from: ``"auto"`` (default, also
        None): the kerncijfers of ``year``, else (with ``interpolate``) their
        shares interpolated between the nearest years, else the municipal
        structure of 2020 carried to the year's division, else the national
        age profile; or ``"kerncijfers"``, ``"2020"``, ``"national"`` (see
        :func:`regio.population`, ``age_bands=``). The notes say which.
    norm_per_100k
        Norm of the shortfall key (default: the national rate).
    counts
        GP counts per region for the shortfall key, as ``lower`` (default CBS
        84777NED 2018, provinces only).
    counts_date
        When ``counts`` were counted: the day (``"2018-12-21"``, a Timestamp)
        or, when the day is not known, the year (``2018``); default ``year``
        (:func:`read_counts_date`). Without ``counts``, a year chooses the CBS
        counts (their day is in the data).
    mix
        Weights of the keys in a mix, a mapping such as ``{"population": 0.5,
        "need": 0.3, "shortfall": 0.2}``; stored as floats.
    areas
        An own grouping of the municipalities of ``year`` to allocate over
        instead of ``level``: a DataFrame with columns ``gemeente`` and
        ``region`` (e.g. :func:`regio.data.user_files.read_table` of a file,
        whose ``attrs["path"]`` the notes name) or a Series region per
        municipal code.
    interpolate
        For a year without a population table, interpolate the inhabitants
        between the nearest years (as ``regio population --interpolate``).

    Raises
    ------
    OptionError
        Options that do not go together, each with its ``kind``:
        ``total_figure`` (neither or both of ``total`` and ``figure``),
        ``mix_missing`` (the mix key without weights) and ``unused`` (an
        option the key would ignore, e.g. ``use`` with the population key).
        :func:`~regio.allocation.run.run_allocation` raises two more, once
        the regions are known: ``counts_level`` (the shortfall key without
        ``counts`` at a level other than the provinces) and
        ``counts_date_day`` (a day for the CBS counts, which know their own).
    InputError
        An unknown key, method or mix key, a weight that is no number, a
        counts date that is neither a day nor a year, or values given as a
        path or a text instead of a mapping, Series or DataFrame.

    Examples
    --------
    >>> spec = AllocationSpec(total=100, key="Mix", mix={"population": "0.5", "need": 0.5}, method="largest_remainder")
    >>> spec.key, spec.mix, spec.method
    ('mix', {'population': 0.5, 'need': 0.5}, 'hamilton')
    >>> AllocationSpec(total=100, use={"age_0_14": 0.6})
    Traceback (most recent call last):
    ...
    regio.errors.OptionError: use= is used only by the need key, not by population: choose that key (key='need', ...
    >>> AllocationSpec(total=100, lower="PV20=30")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: lower= takes values per region as a mapping or a Series (e.g. {'PV20': 30}), not str ...

    A spec is frozen; :func:`dataclasses.replace` makes a changed copy (checked again):

    >>> import dataclasses
    >>> dataclasses.replace(spec, total=200).total
    200
    """

    total: int | None = None
    figure: str | None = None
    level: str = "provincie"
    year: int = 2024
    key: str = "population"
    method: str = "hamilton"
    lower: Mapping[str, int] | pd.Series | None = None
    upper: Mapping[str, int] | pd.Series | None = None
    current: Mapping[str, int] | pd.Series | None = None
    current_label: str | None = None
    use: Mapping[str, float] | None = None
    ages: str | None = None
    norm_per_100k: float | None = None
    counts: Mapping[str, int] | pd.Series | None = None
    counts_date: str | int | pd.Timestamp | None = None
    mix: Mapping[str, float] | None = None
    areas: pd.DataFrame | pd.Series | None = None
    interpolate: bool = False

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        check_total_or_figure(self.total, self.figure)
        key = str(self.key).strip().lower()
        if key not in KEYS:
            raise InputError(f"Unknown key {key!r}; use one of {', '.join(KEYS)}.", key="allocation.unknown_key",
                             name=key, known=", ".join(KEYS))
        put("key", key)
        mix = None
        if key == "mix":
            if self.mix is None:
                raise OptionError("The mix key needs weights, e.g. mix={'population': 0.5, 'need': 0.3, "
                                  "'shortfall': 0.2}.", kind="mix_missing", key="allocation.mix_missing")
            mix = _numbers("mix", self.mix, "Mix weight")
            bad = [k for k in mix if k not in _MIXABLE]
            if bad:
                raise InputError(f"Mix of unknown keys {', '.join(bad)}; mix population, need and shortfall.",
                                 key="allocation.mix_of_unknown", names=", ".join(bad))
        parts = list(mix) if mix else [key]
        if self.ages is not None:
            ages = str(self.ages).strip().lower()
            if ages not in ("auto", "kerncijfers", "2020", "national"):
                raise InputError(f"ages={self.ages!r}: use 'auto', 'kerncijfers', '2020' or 'national'.",
                                 key="allocation.bad_ages", value=said_value(self.ages))
            put("ages", ages)
        _refuse_unused(parts, mix=self.mix if key != "mix" else None, use=self.use, ages=self.ages,
                       norm_per_100k=self.norm_per_100k, counts=self.counts, counts_date=self.counts_date)
        put("mix", mix)
        put("use", _numbers("use", self.use, "Relative use"))
        put("method", normalise_method(self.method))
        for name in ("lower", "upper", "current", "counts"):
            put(name, _values(name, getattr(self, name)))
        if self.areas is not None and not isinstance(self.areas, (pd.DataFrame, pd.Series)):
            raise InputError(f"areas= takes the grouping as a DataFrame (columns gemeente, region) or a Series "
                             f"region per municipality, not {type(self.areas).__name__} {self.areas!r}: read a "
                             "file with regio.data.user_files.read_table(path).", key="allocation.areas_not_a_table",
                             type=type(self.areas).__name__, value=said_value(self.areas))
        read_counts_date(self.counts_date, year=self.year)  # a day or a year (whether it fits the counts: the run)

    @property
    def parts(self) -> list[str]:
        """The keys this spec computes: the mixed ones for ``mix``, else the key itself.

        Examples
        --------
        >>> AllocationSpec(total=10, key="mix", mix={"need": 1, "shortfall": 1}).parts
        ['need', 'shortfall']
        """
        return list(self.mix) if self.key == "mix" and self.mix else [self.key]

    def __repr__(self) -> str:
        return spec_repr(self)
