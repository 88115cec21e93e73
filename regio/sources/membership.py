"""Read published membership tables (municipality -> higher regions)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regio.sources._files import read_table, require_data_dir

__all__ = ["LABOUR_MARKET", "read_labour_market_membership", "read_membership_table"]

#: The derived membership of the two labour-market levels (2024 municipalities).
LABOUR_MARKET = ("crosswalks", "DERIVED_gemeente_2024_arbeidsmarktregio_membership.csv")

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


def read_labour_market_membership(*, data_dir: str | Path | None = None) -> pd.DataFrame | None:
    """Return the derived membership of 2024 municipalities in the labour-market regions.

    Reads ``crosswalks/DERIVED_gemeente_2024_arbeidsmarktregio_membership.csv``
    (columns ``statcode, am_code, ra_code``, ...): each municipality placed in
    the arbeidsmarktregio and Regioplus-arbeidsmarktregio with which it shares
    most area. The source is labelled derived.

    Parameters
    ----------
    data_dir
        Data directory (default: the one in use).

    Returns
    -------
    pandas.DataFrame or None
        Indexed by municipal code; columns ``arbeidsmarktregio`` and
        ``regioplusarbeidsmarktregio``; ``attrs["source"]`` names the file
        as derived. ``None`` if the file is absent.

    Raises
    ------
    InputError
        If a column is missing or a code is empty (naming file, row and column).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> lm = read_labour_market_membership()
    >>> len(lm), lm["arbeidsmarktregio"].nunique(), lm["regioplusarbeidsmarktregio"].nunique()
    (342, 35, 28)
    """
    from regio.errors import InputError

    path = require_data_dir(data_dir).joinpath(*LABOUR_MARKET)
    if not path.is_file():
        return None
    raw = read_table(path)
    for col in ("statcode", "am_code", "ra_code"):
        if col not in raw.columns:
            raise InputError(f"{path}: missing column {col} (has {', '.join(raw.columns)}).",
                             key="sources.membership.missing_column", path=path, column=col,
                             has=", ".join(raw.columns))
        empty = raw[col].fillna("").str.strip() == ""
        if empty.any():
            i = int(empty.to_numpy().nonzero()[0][0])
            raise InputError(f"{path}, row {i + 2}, column {col}: empty code; fill in the region code.",
                             key="sources.membership.empty_code", path=path, row=i + 2, column=col)
    out = pd.DataFrame({"arbeidsmarktregio": raw["am_code"].str.strip().to_numpy(),
                        "regioplusarbeidsmarktregio": raw["ra_code"].str.strip().to_numpy()},
                       index=pd.Index(raw["statcode"].str.strip(), name="statcode"))
    out.attrs["source"] = (f"{'/'.join(LABOUR_MARKET)} (derived: largest area overlap of the 2024 municipalities "
                           "with the labour-market regions of 2024)")
    return out
