"""Spatial access to GP practices per PC4 area and region, and a need-adjusted provision score.

:func:`run_access` runs an :class:`AccessSpec` on the data directory;
:mod:`regio.access.fca` is the two-step floating catchment method on points
(KD-tree pairs, equal to PySAL ``access``), :mod:`regio.access.tables` the PC4
and region tables built on it.
"""

from regio.access.fca import DECAYS, Catchment, catchment_pairs, decay_weights, nearest_distance, two_step_fca
from regio.access.run import AccessFacts, AccessResult, run_access
from regio.access.spec import SUPPLIES, AccessSpec
from regio.access.tables import PER, pc4_access, provision_table, region_access

__all__ = ["DECAYS", "PER", "SUPPLIES", "AccessFacts", "AccessResult", "AccessSpec", "Catchment",
           "catchment_pairs", "decay_weights", "nearest_distance", "pc4_access", "provision_table",
           "region_access", "run_access", "two_step_fca"]
