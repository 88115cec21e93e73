"""Physician density per 100,000 inhabitants: rates, intervals, smoothing, norms and trends.

Pure analysis over pandas objects: counts and population go in, tables come
out. Nothing here reads files or draws maps: :mod:`regio.density.inputs` gathers
the inputs through :mod:`regio.data`, :mod:`regio.density.run` computes the
results, :mod:`regio.maps` draws and :mod:`regio.report` writes.

* :func:`density_table` -- count, population, rate per 100,000 with a
  confidence interval (:func:`poisson_interval`), national rate, ratio and
  comparison with the national rate;
* :func:`eb_global`, :func:`eb_spatial` -- empirical Bayes smoothed rates for
  small areas, towards the national rate or the neighbours' rate
  (:func:`queen_neighbours`);
* :func:`provision` -- supply against a norm, bands and physicians needed;
* :func:`trend` -- change between two years on one division;
* :func:`place_counts` -- which counts of a tidy physician table belong to the
  regions of a level, which cannot be placed, and the source's own total
  (one sector: :func:`choose_sector`);
* :func:`population_year` -- the 1 January nearest to the counts' reference
  date (:func:`counts_reference_date`), whose population goes with them.

Examples
--------
>>> import pandas as pd
>>> counts = pd.Series({"A": 50, "B": 150})
>>> pop = pd.Series({"A": 100_000, "B": 100_000})
>>> t = provision(counts, pop)
>>> t[["rate_per_100k", "norm_per_100k", "provision_pct", "needed"]]
   rate_per_100k  norm_per_100k  provision_pct  needed
A           50.0          100.0           50.0    50.0
B          150.0          100.0          150.0     0.0
"""

from regio.density.facts import DensityFacts, density_facts
from regio.density.inputs import DensityInputs, density_inputs
from regio.density.placing import (
    PlacedCounts,
    analyse,
    counts_reference_date,
    place_counts,
    population_year,
    population_years_for_counts,
)
from regio.density.rates import (
    density_table,
    norm_from_inhabitants,
    poisson_interval,
    provision,
    totals_rows,
)
from regio.density.run import DensityResult, density_result, trend_result
from regio.density.smoothing import eb_global, eb_spatial, queen_neighbours
from regio.density.trends import trend
from regio.sectors import SectorChoice, choose_sector

__all__ = [
    "DensityFacts",
    "DensityInputs",
    "DensityResult",
    "PlacedCounts",
    "SectorChoice",
    "analyse",
    "choose_sector",
    "counts_reference_date",
    "density_facts",
    "density_inputs",
    "density_result",
    "density_table",
    "eb_global",
    "eb_spatial",
    "norm_from_inhabitants",
    "place_counts",
    "poisson_interval",
    "population_year",
    "population_years_for_counts",
    "provision",
    "queen_neighbours",
    "totals_rows",
    "trend",
    "trend_result",
]
