"""Disaggregate national advice into regional numbers: distribution keys and the audit table.

The Capaciteitsorgaan's advice is national (e.g. 1,026 GP trainees a year
from 2027). To split it over regions in a way that can be defended, a
*key* gives each region a weight, :mod:`regio.apportion` turns the shares
into whole numbers that add up to exactly the national total, and
:func:`allocate` returns an audit table from which every region's number can
be recomputed by hand.

Keys (each a pure function returning weights per region, for any level --
province, GGD region, COROP area, municipality, institute area -- as long as
the inputs are at that level):

* :func:`population_key` -- inhabitants;
* :func:`need_key` -- need-weighted inhabitants: inhabitants per age band
  times the relative GP use of that band (:func:`relative_gp_use`; default
  from Nivel contact rates by age, 2017), because older people visit the GP
  more;
* :func:`shortfall_key` -- the physicians a region lacks to reach the
  national rate or a norm (:func:`regio.density.provision`, column
  ``needed``);
* :func:`mix_key` -- a weighted mix of the shares of other keys.

Examples
--------
>>> import pandas as pd
>>> pop = pd.Series({"A": 600_000, "B": 300_000, "C": 100_000}, name="population")
>>> t = allocate(10, population_key(pop), population=pop)
>>> t[["share", "quota", "allocated", "per_100k"]]
          share  quota  allocated  per_100k
statcode
A           0.6    6.0          6       1.0
B           0.3    3.0          3       1.0
C           0.1    1.0          1       1.0
"""

from regio.allocation.keys import (
    KEY_LABELS,
    KEYS,
    allocate,
    audit_notes,
    band_range,
    mix_key,
    need_key,
    per_100k_rounding_only,
    population_key,
    relative_gp_use,
    shortfall_key,
    with_total_row,
)
from regio.allocation.run import (
    GP_COUNTS_YEAR,
    INSTITUTE_LEVEL,
    AllocationResult,
    counts_population,
    read_counts_date,
    read_region_values,
    region_inputs,
    resolve_total,
    run_allocation,
)
from regio.allocation.spec import AllocationSpec

__all__ = [
    "GP_COUNTS_YEAR",
    "INSTITUTE_LEVEL",
    "KEYS",
    "KEY_LABELS",
    "AllocationResult",
    "AllocationSpec",
    "allocate",
    "audit_notes",
    "band_range",
    "counts_population",
    "mix_key",
    "need_key",
    "per_100k_rounding_only",
    "population_key",
    "read_counts_date",
    "read_region_values",
    "region_inputs",
    "relative_gp_use",
    "resolve_total",
    "run_allocation",
    "shortfall_key",
    "with_total_row",
]
