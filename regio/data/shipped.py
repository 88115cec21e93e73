"""What regio ships in ``geodata/``, for the analysis: the training institutes, national figures and age weights.

The readers are in :mod:`regio.sources.geodata` and :mod:`regio.sources.figures`
(each file checked against its sha256); the analysis packages reach them
through here, so that only :mod:`regio.data` imports :mod:`regio.sources`.

Examples
--------
>>> len(institutes()), national_figure("gp_trainees_2027")
(11, 1026)
"""

from __future__ import annotations

from regio.sources.figures import (
    figure_source,
    gp_contacts_by_age,
    national_age_profile,
    national_figure,
    national_figures,
)
from regio.sources.geodata import institutes

__all__ = ["figure_source", "gp_contacts_by_age", "institutes", "national_age_profile", "national_figure",
           "national_figures"]
