"""Read what regio ships in ``geodata/``: small registries of facts with their sources.

Each file is described in ``geodata/registry.json`` (in the style of
geodatasets' ``database.json``): source urls, licence, attribution, retrieval
date, rows and the file's sha256. Loaders verify the hash, so a changed file
is noticed, and an unknown name is answered with the names that exist.

In a checkout (editable install) the files are read from the repository's
``geodata/``; an installed wheel carries them as ``regio/_geodata`` (see
``[tool.hatch.build.targets.wheel.force-include]`` in ``pyproject.toml``).

Examples
--------
>>> "institutes" in registry()
True
>>> inst = institutes()
>>> len(inst), int((inst["kind"] == "main").sum()), inst.crs.to_epsg()
(11, 8, 28992)
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio.errors import DataNotFoundError, InputError, format_codes
from regio.validate import RD_NEW, WGS84, to_numeric

__all__ = [
    "GEODATA_DIRS",
    "geodata_dir",
    "geodata_path",
    "institutes",
    "read_geodata_table",
    "registry",
]

_PACKAGE = Path(__file__).resolve().parents[1]
#: Where the shipped files are looked for: inside an installed wheel, then in a checkout.
GEODATA_DIRS = (_PACKAGE / "_geodata", _PACKAGE.parent / "geodata")
REGISTRY = "registry.json"


def geodata_dir() -> Path:
    """Return the folder holding ``registry.json``.

    That is the wheel's ``regio/_geodata`` or, in a checkout, ``geodata/``.

    Returns
    -------
    pathlib.Path
        The first of :data:`GEODATA_DIRS` that has a ``registry.json``.

    Raises
    ------
    DataNotFoundError
        If neither has one (a broken installation).

    Examples
    --------
    >>> folder = geodata_dir()
    >>> folder in GEODATA_DIRS, (folder / "registry.json").is_file()
    (True, True)
    """
    for folder in GEODATA_DIRS:
        if (folder / REGISTRY).is_file():
            return folder
    raise DataNotFoundError(
        "regio's own geodata (registry.json) is not installed; looked in "
        f"{', '.join(map(str, GEODATA_DIRS))}. "
        "Reinstall regio (pip install -e . in a checkout).", key="src.geodata_not_installed",
        folders=", ".join(map(str, GEODATA_DIRS)),
    )


@functools.lru_cache(maxsize=4)
def _registry(folder: str) -> dict:
    return json.loads((Path(folder) / REGISTRY).read_text(encoding="utf-8"))


def registry() -> dict[str, dict]:
    """Return name -> registry entry (filename, url, license, retrieved, rows, sha256, ...).

    Returns
    -------
    dict
        A fresh copy of ``registry.json``, safe to change.

    Raises
    ------
    DataNotFoundError
        If regio's geodata is not installed.

    Examples
    --------
    >>> reg = registry()
    >>> sorted(reg)
    ['age_profile_nl_2021', 'gp_contacts_by_age', 'institutes', 'national_figures']
    >>> reg["national_figures"]["filename"], reg["national_figures"]["rows"]
    ('national_figures.csv', 5)
    """
    return json.loads(json.dumps(_registry(str(geodata_dir()))))


@functools.lru_cache(maxsize=16)
def _verified_bytes(folder: str, name: str) -> bytes:
    entry = _registry(folder)[name]
    path = Path(folder) / entry["filename"]
    if not path.is_file():
        raise DataNotFoundError(f"geodata {name!r}: file {path} is missing. Reinstall regio.",
                                key="src.geodata_file_missing", name=name, path=path)
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if digest != entry["sha256"]:
        raise InputError(
            f"geodata {name!r}: {path} has sha256 {digest}, the registry "
            f"({Path(folder) / REGISTRY}) says {entry['sha256']}. If the file was changed on "
            "purpose, update its entry (sha256, rows, retrieved).", key="src.geodata_sha256", name=name, path=path,
            digest=digest, registry=Path(folder) / REGISTRY, expected=entry["sha256"],
        )
    return content


def geodata_path(name: str) -> Path:
    """Return the path of the shipped file ``name`` after checking its sha256.

    Parameters
    ----------
    name
        A registry name (see :func:`registry`).

    Returns
    -------
    pathlib.Path
        The file in :func:`geodata_dir`.

    Raises
    ------
    InputError
        If ``name`` is not in the registry (listing the known names) or the
        file's hash differs from the registry's.
    DataNotFoundError
        If the file is missing.

    Examples
    --------
    >>> geodata_path("gp_contacts_by_age").name
    'gp_contacts_by_age.csv'
    >>> geodata_path("gp_contacts")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown geodata 'gp_contacts'. Known: age_profile_nl_2021, gp_contacts_by_age, ...
    """
    folder = geodata_dir()
    known = _registry(str(folder))
    if name not in known:
        raise InputError(f"Unknown geodata {name!r}. Known: {format_codes(known)}.", key="src.geodata_unknown",
                         name=name, known=format_codes(known))
    _verified_bytes(str(folder), name)
    return folder / known[name]["filename"]


def read_geodata_table(name: str) -> pd.DataFrame:
    """Read a shipped CSV table (as text columns), verified against its registry entry.

    The number of rows must equal the registry's ``rows``.

    Parameters
    ----------
    name
        A registry name of a CSV file (see :func:`registry`).

    Returns
    -------
    pandas.DataFrame
        Text columns (empty cells NaN); ``attrs["source"]`` names the file
        and its attribution.

    Raises
    ------
    InputError
        For an unknown name, a hash or row count that differs from the registry.
    DataNotFoundError
        If the file is missing.

    Examples
    --------
    >>> table = read_geodata_table("gp_contacts_by_age")
    >>> table[["age_from", "age_to", "contacts_per_patient"]].head(2)
      age_from age_to contacts_per_patient
    0        0      4                  3.5
    1        5     17                  2.3
    >>> table["age_to"].isna().tolist()[-1]  # the open top band, 85+
    True
    >>> print(table.attrs["source"])
    regio geodata/gp_contacts_by_age.csv (Nivel Zorgregistraties eerste lijn, ...)
    """
    path = geodata_path(name)
    content = _verified_bytes(str(path.parent), name)
    frame = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, na_values=[""],
                        encoding="utf-8")
    entry = registry()[name]
    if "rows" in entry and len(frame) != int(entry["rows"]):
        raise InputError(f"geodata {name!r}: {len(frame)} rows, the registry says {entry['rows']}.",
                         key="src.geodata_rows", name=name, n=len(frame), expected=int(entry["rows"]))
    frame.attrs["source"] = f"regio geodata/{entry['filename']} ({entry.get('attribution', '')})"
    return frame


def institutes() -> gpd.GeoDataFrame:
    """Return the 8 GP training institutes and their satellite locations as points (EPSG:28992).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per location, indexed by ``location_id``; columns
        ``institute_id`` (``amc``, ``vumc``, ``umcg``, ``lumc``, ``mumc``,
        ``radboudumc``, ``erasmusmc``, ``umcu``), ``kind`` (``main`` or
        ``satellite``), ``institute``, ``short_name``, ``city``,
        ``gemeente_code``, ``site``, ``address``, ``lon``, ``lat`` (WGS84) and
        sources. ``attrs["source"]`` cites the registry entry.

    Examples
    --------
    >>> inst = institutes()
    >>> inst.loc[inst["kind"] == "satellite", "city"].tolist()
    ['Hengelo', 'Zwolle', 'Den Haag']
    """
    raw = read_geodata_table("institutes")
    ids = raw["location_id"]
    src = "geodata/institutes.csv"
    lon = to_numeric(raw["lon"], column="lon", source=src, allow_negative=True, codes=ids)
    lat = to_numeric(raw["lat"], column="lat", source=src, allow_negative=True, codes=ids)
    frame = raw.assign(lon=lon, lat=lat).set_index("location_id")
    out = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lon, lat), crs=WGS84).to_crs(RD_NEW)
    out.attrs["source"] = raw.attrs["source"]
    return out
