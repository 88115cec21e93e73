"""What a user gives: tables (CSV, Excel), values per region (``"PV20=30,PV21=25"``, a file) and counts files.

The readers are in :mod:`regio.sources` (:mod:`~regio.sources._files`,
:mod:`~regio.sources.user_values`, :mod:`~regio.sources.physicians`); the
analysis packages and the command line reach them through here, so that only :mod:`regio.data`
imports :mod:`regio.sources`.

Examples
--------
>>> parse_pairs("PV20=30, PV21=25", what="lower")
{'PV20': '30', 'PV21': '25'}
"""

from __future__ import annotations

from regio.sources._files import read_table
from regio.sources.physicians import read_counts_file
from regio.sources.user_values import CODE_COLUMNS, parse_pairs, read_region_values, table_values

__all__ = ["CODE_COLUMNS", "parse_pairs", "read_counts_file", "read_region_values", "read_table", "table_values"]
