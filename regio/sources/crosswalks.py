"""Read the municipal crosswalks ("grenswijzigingen") from the data directory.

* ``crosswalks/grenswijzigingen_gemeente_2016_2024.csv`` -- for each pair of
  consecutive years 2016->2017 ... 2023->2024 the changed municipalities, with
  the number of addresses moving from an old code to a new one. Unchanged
  municipalities are not listed (they map 1:1).
* ``crosswalks/DERIVED_area_overlay_gemeente_2014_2024.csv`` -- area overlap
  between boundary vintages (2014->2015->2017->...), derived from the boundary
  files; used only before 2016: to limit the successors of the steps derived
  from the population (:func:`regio.geography.derive_step`), and to carry a
  year that cannot be derived (by area share).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from regio.errors import InputError
from regio.sources._files import read_table, require_data_dir
from regio.validate import to_numeric

__all__ = ["read_area_overlay", "read_grenswijzigingen"]

GRENS = ("crosswalks", "grenswijzigingen_gemeente_2016_2024.csv")
OVERLAY = ("crosswalks", "DERIVED_area_overlay_gemeente_2014_2024.csv")


def _read(parts: tuple[str, ...], data_dir, weight: str) -> pd.DataFrame:
    path = require_data_dir(data_dir).joinpath(*parts)
    cols = ["from_year", "to_year", "from_code", "to_code", "weight"]
    if not path.is_file():
        return pd.DataFrame(columns=cols)
    raw = read_table(path)
    need = {"from_year", "to_year", "from_code", "to_code", weight}
    if not need <= set(raw.columns):
        raise InputError(f"{path}: needs columns {sorted(need)}, has {list(raw.columns)}.",
                         key="sources.needs_columns", path=path, need=sorted(need), has=list(raw.columns))
    out = pd.DataFrame({
        "from_year": to_numeric(raw["from_year"], column="from_year", source=path.name, integer=True).astype(int),
        "to_year": to_numeric(raw["to_year"], column="to_year", source=path.name, integer=True).astype(int),
        "from_code": raw["from_code"].str.strip(),
        "to_code": raw["to_code"].str.strip(),
        "weight": to_numeric(raw[weight], column=weight, source=path.name, codes=raw["from_code"]),
    })
    out.attrs["source"] = f"{parts[0]}/{parts[1]}"
    return out


def read_grenswijzigingen(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the address-weighted steps between consecutive years (changed municipalities only).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Columns ``from_year, to_year, from_code, to_code, weight`` where
        ``weight`` is the number of addresses moving; empty (same columns)
        when the file is absent. ``attrs["last_year"]`` is the last year the
        file covers (years without rows had no changes).

    Raises
    ------
    DataNotFoundError
        If the data directory does not exist.
    InputError
        If the file lacks a column or holds a value that is not a number.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> steps = read_grenswijzigingen()
    >>> haaren = steps[steps["from_code"] == "GM0788"]  # Haaren, split up on 1 January 2021
    >>> haaren.set_index("to_code")["weight"].astype(int).to_dict()
    {'GM0757': 840, 'GM0824': 2369, 'GM0855': 469, 'GM0865': 1916}
    >>> steps.attrs["last_year"]
    2024
    """
    out = _read(GRENS, data_dir, "n_addresses")
    # The file name states the years it covers (..._2016_2024.csv): years without rows had no changes.
    m = re.search(r"_(\d{4})_(\d{4})\.csv$", GRENS[1])
    if m:
        out.attrs["last_year"] = int(m.group(2))
    return out


def read_area_overlay(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the area-overlap steps between boundary vintages (derived; approximate).

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame
        Columns ``from_year, to_year, from_code, to_code, weight`` where
        ``weight`` is the share of the old area lying in the new municipality
        (shares below 0.10 were dropped by the file's authors); empty (same
        columns) when the file is absent.

    Raises
    ------
    DataNotFoundError
        If the data directory does not exist.
    InputError
        If the file lacks a column or holds a value that is not a number.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> overlay = read_area_overlay()
    >>> overlay[["from_year", "to_year"]].drop_duplicates().to_numpy().tolist()
    [[2014, 2015], [2015, 2017], [2017, 2021], [2021, 2022], [2022, 2024]]
    >>> haaren = overlay[(overlay["from_code"] == "GM0788") & (overlay["to_year"] == 2021)]
    >>> haaren.set_index("to_code")["weight"].round(2).to_dict()  # no GM0757: below 0.10
    {'GM0824': 0.27, 'GM0855': 0.18, 'GM0865': 0.46}
    """
    return _read(OVERLAY, data_dir, "share_of_from_area")
