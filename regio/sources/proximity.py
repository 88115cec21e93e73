"""Read the CBS proximity indicators (nabijheid) per municipality from the kerncijfers wijken en buurten.

The CBS table "Kerncijfers wijken en buurten" (85984NED for 2024) gives per
municipality the average road distance of its inhabitants to the nearest GP
practice (huisartsenpraktijk), the average number of practices within 1, 3 and
5 km, and the distance to a GP out-of-hours post (huisartsenpost), a pharmacy
(apotheek) and a hospital (ziekenhuis, including outpatient clinics).

Sources, per year, the first that has the proximity columns:

* ``tables/kerncijfers_gemeente_{year}.csv`` -- the full gemeente-level table
  (2024 in the shared data directory);
* ``tables/proximity_gemeente_{year}.csv`` -- the same layout, the proximity
  columns only, as ``regio data fetch --what proximity --year Y`` writes it.

CBS marks secret and unknown values with −99997 and −99995; they become NaN
(the 2024 copy has them empty already).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from regio.errors import DataNotFoundError, InputError, RegioWarning
from regio.sources._files import read_table, require_data_dir
from regio.validate import check_unique_codes, to_numeric

__all__ = ["CODE_COLUMN", "COLUMNS", "FETCHED_NAME", "MISSING_CODES", "file_candidates", "proximity_years",
           "read_proximity"]

#: The region code column of the kerncijfers layout.
CODE_COLUMN = "gemeentecode"
#: The name column of the kerncijfers layout.
NAME_COLUMN = "gemeentenaam"
#: regio's name of each proximity column -> its name in the kerncijfers layout.
COLUMNS = {
    "huisartsenpraktijk_afstand_km": "huisartsenpraktijk_gemiddelde_afstand_in_km",
    "huisartsenpraktijk_binnen_1km": "huisartsenpraktijk_gemiddeld_aantal_binnen_1_km",
    "huisartsenpraktijk_binnen_3km": "huisartsenpraktijk_gemiddeld_aantal_binnen_3_km",
    "huisartsenpraktijk_binnen_5km": "huisartsenpraktijk_gemiddeld_aantal_binnen_5_km",
    "huisartsenpost_afstand_km": "huisartsenpost_gemiddelde_afstand_in_km",
    "apotheek_afstand_km": "apotheek_gemiddelde_afstand_in_km",
    "ziekenhuis_afstand_km": "ziekenhuis_incl_buitenpolikliniek_gem_afst_in_km",
}
#: CBS's codes for a secret (−99997) or unknown (−99995) value.
MISSING_CODES = (-99997.0, -99995.0)
#: The file ``regio data fetch --what proximity`` writes (``{year}`` filled in).
FETCHED_NAME = "proximity_gemeente_{year}.csv"
_NAMES = ("kerncijfers_gemeente_{year}.csv", FETCHED_NAME)


def file_candidates(year: int, root: Path) -> list[Path]:
    """Return the files that may hold the proximity indicators of ``year``, in the order they are tried.

    Examples
    --------
    >>> [p.as_posix() for p in file_candidates(2023, Path("/data"))]
    ['/data/tables/kerncijfers_gemeente_2023.csv', '/data/tables/proximity_gemeente_2023.csv']
    """
    return [root / "tables" / name.format(year=int(year)) for name in _NAMES]


def _has_columns(path: Path) -> bool:
    with path.open("rb") as handle:
        header = handle.readline().decode("utf-8-sig", errors="replace")
    return all(column in header for column in COLUMNS.values())


def proximity_years(data_dir: str | Path | None = None) -> list[int]:
    """Return the years whose proximity indicators are in the data directory.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> 2024 in proximity_years()
    True
    """
    root = require_data_dir(data_dir)
    years = set()
    for path in (root / "tables").glob("*_gemeente_*.csv"):
        stem = path.stem.rsplit("_", 1)
        if (stem[0] in ("kerncijfers_gemeente", "proximity_gemeente") and stem[-1].isdigit()
                and _has_columns(path)):
            years.add(int(stem[-1]))
    return sorted(years)


def _stamp(path: Path) -> tuple[str, float, int]:
    st = path.stat()
    return str(path), st.st_mtime, st.st_size


@functools.lru_cache(maxsize=8)
def _read(path: str, mtime: float, size: int, year: int) -> pd.DataFrame:
    raw = read_table(path)
    src = Path(path).name
    missing = [c for c in (CODE_COLUMN, *COLUMNS.values()) if c not in raw.columns]
    if missing:
        raise InputError(f"{path}: the proximity indicators need the columns {', '.join(missing)} (the layout of "
                         f"kerncijfers_gemeente_2024.csv); found {', '.join(raw.columns[:8])}, ... Fetch the year "
                         f"again with `regio data fetch --what proximity --year {year}`.",
                         key="src.proximity_columns", path=path, missing=", ".join(missing),
                         found=", ".join(raw.columns[:8]), year=year)
    codes = raw[CODE_COLUMN].astype(str).str.strip().str.upper()
    keep = codes.str.fullmatch(r"GM\d{4}")  # a table may also hold the country, provinces, wijken or buurten
    raw, codes = raw[keep.to_numpy()], codes[keep]
    if raw.empty:
        raise InputError(f"{path}: no municipality codes (GM followed by four digits) in the column {CODE_COLUMN}.",
                         key="src.proximity_no_codes", path=path, column=CODE_COLUMN)
    check_unique_codes(codes, column=CODE_COLUMN, source=src)
    out = pd.DataFrame(index=pd.Index(codes.to_numpy(), name="statcode"))
    for name, column in COLUMNS.items():
        values = to_numeric(raw[column], column=column, source=src, allow_negative=True, allow_missing=True,
                            codes=codes)
        values = values.where(~values.isin(MISSING_CODES))
        if (values < 0).any():
            bad = codes[(values < 0).to_numpy()].tolist()
            raise InputError(f"{path}: negative values in {column} for {', '.join(bad[:5])} (only −99997 and "
                             "−99995, CBS's codes for secret and unknown, may be negative).",
                             key="src.proximity_negative", path=path, column=column, codes=", ".join(bad[:5]))
        out[name] = values.to_numpy(dtype=float)
    out["year"] = int(year)
    out.attrs["source"] = f"CBS kerncijfers wijken en buurten {year} ({src})"
    return out


def read_proximity(year: int = 2024, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    r"""Return the CBS proximity indicators of ``year`` per municipality.

    Parameters
    ----------
    year
        Year of the kerncijfers wijken en buurten (and of the municipal division).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode`` (GM codes of ``year``'s division), with the
        float columns of :data:`COLUMNS` (km, or the average number of
        practices within reach; secret or unknown values NaN) and ``year``;
        ``attrs["source"]`` names the table and file. A fresh copy.

    Raises
    ------
    DataNotFoundError
        If no file of ``year`` has the proximity columns, naming the files
        tried, the years that have them and ``regio data fetch --what proximity``.
    InputError
        If the file has duplicate codes or values that are not numbers.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()); (root / "tables").mkdir()
    >>> header = ",".join(["gemeentecode", "gemeentenaam", *COLUMNS.values()])
    >>> _ = (root / "tables" / "proximity_gemeente_2023.csv").write_text(
    ...     header + "\nGM0014,Groningen,0.9,1.8,13.3,26,5.9,1.1,3.3\nGM0088,Schiermonnikoog,-99997,0,0,0,"
    ...     "24.1,0.6,-99995\n")
    >>> table = read_proximity(2023, data_dir=root)
    >>> table.loc["GM0014", ["huisartsenpraktijk_afstand_km", "huisartsenpraktijk_binnen_5km", "year"]].tolist()
    [0.9, 26.0, 2023.0]
    >>> table.loc["GM0088", ["huisartsenpraktijk_afstand_km", "ziekenhuis_afstand_km"]].isna().tolist()
    [True, True]
    """
    root = require_data_dir(data_dir)
    tried = file_candidates(year, root)
    for path in tried:
        if path.is_file() and _has_columns(path):
            return _read(*_stamp(path), int(year)).copy()
    have = proximity_years(root)
    present = [p.name for p in tried if p.is_file()]
    # the optional parts as keyed phrases (RegioWarning, not emitted), said in the language of the error
    why = (RegioWarning(f" ({', '.join(present)} exists without the proximity columns)",
                        key="src.proximity_without_columns", files=", ".join(present)) if present else "")
    years = ", ".join(map(str, have)) or RegioWarning("none", key="src.no_years")
    raise DataNotFoundError(
        f"No CBS proximity indicators for {year} in {root / 'tables'}: tried {', '.join(p.name for p in tried)}"
        f"{why}. Years with them: {years}. When online, run `regio data fetch "
        f"--what proximity --year {year}` (CBS kerncijfers wijken en buurten via StatLine).",
        key="src.no_proximity", year=year, folder=root / "tables", tried=", ".join(p.name for p in tried), why=why,
        years=years,
    )

