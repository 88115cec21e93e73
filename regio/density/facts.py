"""The decisions of a density analysis as named, typed fields: what the maps and reports read.

:func:`regio.density.analyse` writes its table; the few scalars that decide how
it is shown (the rate compared with and its reference, the confidence level,
the provision norm and bands, what could not be placed or had no count) are
collected once into a frozen :class:`DensityFacts` by :func:`density_facts`,
and carried as :attr:`regio.density.run.DensityResult.facts`. A misspelt field
is an ``AttributeError``, not a silent default. The table's ``attrs`` keep the
provenance (sources, methods, dates) for the CSV notes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["DensityFacts", "density_facts"]


@dataclass(frozen=True)
class DensityFacts:
    """What a density analysis decided, for the maps and reports.

    Attributes
    ----------
    reference
        What the regions are compared with: ``"national"``, ``"regions"``
        (the mean of the regions with data, not a national figure) or
        ``None`` (one region with data, compared with nothing).
    national_per_100k
        The rate compared with (national or over the regions with data).
    confidence
        Confidence level of the intervals (0.95).
    bands
        Provision bands in % of the norm (lower, upper).
    norm_per_100k
        The provision norm; ``None`` without provision.
    norm_is_average
        Whether the norm is the national average (no norm was given).
    provision
        Whether the table has a provision level (``band``, ``needed``).
    unplaced_total
        Sum of the counts that cannot be placed (not on the map).
    no_data
        Codes of the regions without a count.
    """

    reference: str | None
    national_per_100k: float
    confidence: float
    bands: tuple[float, float]
    norm_per_100k: float | None
    norm_is_average: bool
    provision: bool
    unplaced_total: float = 0.0
    no_data: tuple[str, ...] = ()


def density_facts(table: pd.DataFrame, *, unplaced_total: float = 0.0,
                  bands: tuple[float, float] = (75, 110)) -> DensityFacts:
    """Collect the decisions :func:`regio.density.analyse` wrote on its table.

    Parameters
    ----------
    table
        From :func:`regio.density.analyse`. Its keys are read strictly: a
        table that is not one raises ``KeyError``.
    unplaced_total
        Sum of the counts that cannot be placed (``attrs`` of
        :func:`regio.density.totals_rows`).
    bands
        The bands asked for, kept when the table has no provision.

    Returns
    -------
    DensityFacts

    Examples
    --------
    >>> from regio.density import analyse
    >>> tab = analyse(pd.Series({"A": 2, "B": 120}), pd.Series({"A": 2_000, "B": 100_000}))
    >>> facts = density_facts(tab)
    >>> facts.reference, round(facts.national_per_100k, 1), facts.bands, facts.norm_is_average, facts.no_data
    ('national', 119.6, (75.0, 110.0), True, ())
    """
    a = table.attrs
    provision = bool(a["provision"])
    return DensityFacts(
        reference=a["reference"],
        national_per_100k=float(a["national_per_100k"]),
        confidence=float(a["level"]),
        bands=tuple(float(b) for b in (a["bands"] if provision else bands)),
        norm_per_100k=float(a["norm_per_100k"]) if provision else None,
        norm_is_average=bool(a["norm_is_average"]) if provision else False,
        provision=provision,
        unplaced_total=float(unplaced_total),
        no_data=tuple(a["no_data"]),
    )
