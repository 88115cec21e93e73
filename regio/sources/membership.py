"""Read published membership tables (municipality -> higher regions)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regio.sources._files import read_table, require_data_dir

__all__ = ["read_membership_table"]

#: Column of the CBS "gebiedsindelingen" table -> regio level name.
_COLUMNS = {
    "provincie": "provincie",
    "corop_gebied": "coropgebied",
    "corop_plus_gebied": "coropplusgebied",
    "landsdeel": "landsdeel",
    "rpa_gebied": "rpagebied",
}


def read_membership_table(year: int, *, data_dir: str | Path | None = None) -> pd.DataFrame | None:
    """Return the CBS membership table of ``year`` if the data directory has one.

    Reads ``tables/gemeente_regio_indeling_{year}.csv`` (CBS gebiedsindelingen:
    one row per municipality with the codes of its province, COROP area, ...).

    Returns
    -------
    pandas.DataFrame or None
        Indexed by municipal code, one column per level that the table covers,
        ``attrs["source"]`` naming the file; ``None`` if there is no table.
    """
    path = require_data_dir(data_dir) / "tables" / f"gemeente_regio_indeling_{int(year)}.csv"
    if not path.is_file():
        return None
    raw = read_table(path)
    out = pd.DataFrame(
        {level: raw[col].str.strip() for col, level in _COLUMNS.items() if col in raw.columns}
    )
    out.index = pd.Index(raw["statcode"].str.strip(), name="statcode")
    out.attrs["source"] = f"tables/{path.name}"
    return out
