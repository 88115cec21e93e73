"""What a user gives: tables (CSV, Excel), values per region (a mapping, a table's columns) and counts files.

The readers are in :mod:`regio.sources` (:mod:`~regio.sources._files`,
:mod:`~regio.sources.user_values`, :mod:`~regio.sources.physicians`); the
analysis packages and the command line reach them through here, so that only :mod:`regio.data`
imports :mod:`regio.sources`.

Examples
--------
>>> import pandas as pd
>>> read_region_values({"PV20": "30", "Fryslân": 25}, index=pd.Index(["PV20", "PV21"]), names={"PV21": "Fryslân"},
...                    what="lower bounds").to_dict()
{'PV20': 30.0, 'PV21': 25.0}
"""

from __future__ import annotations

from regio.sources._files import read_table
from regio.sources.physicians import read_counts_file
from regio.sources.user_values import CODE_COLUMNS, areas_mapping, code_column_of, read_region_values, table_values

__all__ = ["CODE_COLUMNS", "areas_mapping", "code_column_of", "read_counts_file", "read_region_values", "read_table",
           "table_values"]
