"""CBS proximity indicators per municipality: distance to the nearest GP practice, post, pharmacy and hospital.

The reader is :func:`regio.sources.proximity.read_proximity` (the kerncijfers
wijken en buurten of a year, or what ``regio data fetch --what proximity``
wrote); the analysis reaches it through here.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> table = proximity(2024)
>>> len(table), int(table["year"].iloc[0])
(342, 2024)
"""

from __future__ import annotations

from regio.data._common import PathLike
from regio.sources import proximity as _src

__all__ = ["PROXIMITY_COLUMNS", "proximity", "proximity_years"]

#: The indicator columns of :func:`proximity`, in order.
PROXIMITY_COLUMNS = tuple(_src.COLUMNS)


def proximity(year: int = 2024, *, data_dir: PathLike = None):
    """Return the CBS proximity indicators of ``year`` per municipality (of ``year``'s division).

    Parameters
    ----------
    year
        Year of the CBS kerncijfers wijken en buurten.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode``; columns ``huisartsenpraktijk_afstand_km``
        (average road distance of the inhabitants to the nearest GP practice),
        ``huisartsenpraktijk_binnen_1km``, ``_3km``, ``_5km`` (average number of
        practices within reach), ``huisartsenpost_afstand_km``,
        ``apotheek_afstand_km``, ``ziekenhuis_afstand_km`` (hospital including
        outpatient clinics), all floats with NaN where CBS keeps the value
        secret or unknown, and ``year``; ``attrs["source"]`` names the table.
        A fresh copy.

    Raises
    ------
    DataNotFoundError
        If the data directory has no proximity indicators for ``year`` (the
        message names the years it has and ``regio data fetch --what proximity``).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> table = proximity(2024)
    >>> list(table.columns) == [*PROXIMITY_COLUMNS, "year"]
    True
    >>> bool((table["huisartsenpraktijk_binnen_5km"] >= table["huisartsenpraktijk_binnen_1km"]).all())
    True
    """
    return _src.read_proximity(year, data_dir=data_dir)


def proximity_years(*, data_dir: PathLike = None) -> list[int]:
    """Return the years with proximity indicators in the data directory.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> 2024 in proximity_years()
    True
    """
    return _src.proximity_years(data_dir)
