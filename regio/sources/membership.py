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
    r"""Return the CBS membership table of ``year`` if the data directory has one.

    Reads ``tables/gemeente_regio_indeling_{year}.csv`` (CBS gebiedsindelingen:
    one row per municipality with the codes of its province, COROP area, ...).

    Parameters
    ----------
    year
        Year of the municipal division.
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame or None
        Indexed by municipal code, one column per level that the table covers,
        ``attrs["source"]`` naming the file; ``None`` if there is no table.

    Raises
    ------
    DataNotFoundError
        If the data directory does not exist.

    Examples
    --------
    CBS column names become regio level names; codes are stripped:

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "tables").mkdir()
    >>> _ = (root / "tables" / "gemeente_regio_indeling_2015.csv").write_text(
    ...     "statcode,statnaam,provincie,corop_gebied,landsdeel\n"
    ...     "GM0003 ,Appingedam,PV20,CR02,LD01\n"
    ...     "GM0363,Amsterdam,PV27,CR23,LD03\n")
    >>> table = read_membership_table(2015, data_dir=root)
    >>> table
             provincie coropgebied landsdeel
    statcode
    GM0003        PV20        CR02      LD01
    GM0363        PV27        CR23      LD03
    >>> table.attrs["source"]
    'tables/gemeente_regio_indeling_2015.csv'
    >>> read_membership_table(2024, data_dir=root) is None
    True
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
