"""GP practices per region of any level: the shared ZorgkaartNederland counts, or a user's own list.

Practices, not GPs. The shared counts (``practices/DERIVED_*``) are derived:
counted per PC4 area from the ZorgkaartNederland listing of 2026-03-11 and
placed in the 2024 municipality holding most of each PC4 area; every other
level sums the municipalities by their membership. A listing, not a register
(Nivel counted 4,837 practices on 1 January 2024).

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> prov = practices("provincie")
>>> len(prov), int(prov["n_practices"].sum()), prov.attrs["derived"]
(12, 4866, True)
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from regio import derived, geography
from regio.data._common import PathLike, _root
from regio.data._placing import largest_overlap, lonlat_points, points_in
from regio.data.regions import (
    _division_year_with_file,
    boundaries,
    divisions,
    membership,
    nearest_boundary_year,
    region_names,
)
from regio.errors import InputError, UnknownYearError
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.sources import boundaries as _bnd
from regio.sources import practices as _src
from regio.sources.cache import cache_key
from regio.text import joined, source_text

__all__ = ["TOLERANCE_M", "pc4_municipalities", "place_practices", "practices"]

#: A practice's point outside every polygon goes to the nearest one at most this far away (metres): the
#: municipal boundaries are of land only, and generalised.
TOLERANCE_M = 250.0

_NOTE = ("GP practices (huisartsenpraktijken), not GPs or FTE; the shared counts are a listing, not a register "
         "(Nivel counted 4,837 practices on 1 January 2024)")


# ----------------------------------------------------------------------------- PC4 areas

@functools.lru_cache(maxsize=4)
def _pc4_areas(year: int, root: str) -> gpd.GeoDataFrame:
    """PC4 polygons of the file nearest to ``year`` (one, 5028, has no geometry: it is kept, and cannot be placed)."""
    return _bnd.read_boundaries("pc4", nearest_boundary_year("pc4", year, data_dir=root), data_dir=root, warn=False)


@functools.lru_cache(maxsize=4)
def _pc4_table(year: int, root: str) -> pd.DataFrame:
    pc4 = _pc4_areas(year, root)
    gm = boundaries("gemeente", year, data_dir=root)
    table = largest_overlap(pc4, gm).rename(columns={"region": "gemeente"})
    table.attrs = {"source": f"largest area overlap of {pc4.attrs['source']} with {gm.attrs['source']} "
                             "(EPSG:28992)", "year": int(year)}
    return table


@functools.lru_cache(maxsize=4)
def _pc4_geometry(year: int, root: str) -> pd.DataFrame:
    """Return every PC4 area's representative point and municipality, kept in the derived cache.

    Indexed by PC4 code: ``drawn`` (the area has a polygon), ``x``, ``y`` (EPSG:28992, metres; NaN when not
    drawn) and ``gemeente`` (the municipality of ``year`` holding most of its area); ``attrs`` ``areas`` and
    ``municipality`` name the sources. Reading the PC4 polygons and overlaying them with the municipalities
    takes most of a second, and depends only on the two boundary files and the code: kept by
    :func:`regio.sources.cache.cache_key` of both files (paths, sizes, modification times) and
    :func:`regio.derived.code_key` of the modules that make it (the floats go through JSON exactly).
    """
    from regio import validate
    from regio.data import _placing

    pc4_year = nearest_boundary_year("pc4", year, data_dir=root)
    gm_year = _division_year_with_file("gemeente", year, root) or year
    paths = [_bnd.boundary_path("pc4", pc4_year, data_dir=root), _bnd.boundary_path("gemeente", gm_year, data_dir=root)]
    key = derived.content_key("pc4points", int(year), cache_key(*paths),
                              derived.code_key(sys.modules[__name__], _placing, _bnd, validate))
    return derived.cached("pc4points", key, lambda: _pc4_points_table(year, root), dumps=_dump_points,
                          loads=_load_points)


def _pc4_points_table(year: int, root: str) -> pd.DataFrame:
    """Compute the table of :func:`_pc4_geometry` from the PC4 polygons and their largest-overlap municipality."""
    areas = _pc4_areas(year, root)
    member = pc4_municipalities(year, data_dir=root)
    drawn = ~(areas.geometry.isna() | areas.geometry.is_empty)
    points = areas.geometry[drawn].representative_point()
    out = pd.DataFrame({"drawn": drawn.to_numpy()}, index=pd.Index(areas.index, name="statcode"))
    out["x"] = points.x.reindex(areas.index).to_numpy(dtype=float)
    out["y"] = points.y.reindex(areas.index).to_numpy(dtype=float)
    out["gemeente"] = member["gemeente"].reindex(areas.index).where(out["drawn"]).to_numpy(dtype=object)
    out.attrs = {"areas": areas.attrs.get("source", "the PC4 areas"), "municipality": member.attrs["source"]}
    return out


def _dump_points(table: pd.DataFrame) -> bytes:
    """Return the PC4 points table as JSON bytes for the derived cache."""
    return json.dumps({"statcode": table.index.tolist(), "drawn": table["drawn"].tolist(),
                       "x": table["x"].tolist(), "y": table["y"].tolist(),
                       "gemeente": [None if g != g else g for g in table["gemeente"]], "attrs": table.attrs},
                      allow_nan=True).encode("utf-8")


def _load_points(data: bytes) -> pd.DataFrame:
    kept = json.loads(data.decode("utf-8"))
    out = pd.DataFrame({"drawn": np.array(kept["drawn"], dtype=bool), "x": np.array(kept["x"], dtype=float),
                        "y": np.array(kept["y"], dtype=float),
                        "gemeente": np.array([np.nan if g is None else g for g in kept["gemeente"]], dtype=object)},
                       index=pd.Index(kept["statcode"], name="statcode"))
    out.attrs = kept["attrs"]
    return out


def pc4_municipalities(year: int = 2024, *, data_dir: PathLike = None) -> pd.DataFrame:
    """Return the municipality of ``year`` holding most of each PC4 area's area.

    PC4 polygons (the file nearest to ``year``: 2020) are overlaid with the
    municipal polygons of ``year`` in EPSG:28992; each PC4 area goes to the
    municipality with the largest share of it. Computed once per process.

    Parameters
    ----------
    year
        Year of the municipal division.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by PC4 code (``statcode``): ``gemeente`` (municipal code) and
        ``share`` (of the PC4 area's area in it). PC4 areas without geometry
        (5028) are absent. ``attrs["source"]`` says how.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> table = pc4_municipalities(2024)
    >>> table.loc["1011", "gemeente"], table.loc["9711", "gemeente"], len(table)
    ('GM0363', 'GM0014', 4067)
    >>> table.attrs["source"]
    'largest area overlap of boundaries/pc4_2020.geojson with boundaries/gemeente_2024.geojson (EPSG:28992)'
    """
    table = _pc4_table(int(year), _root(data_dir))
    out = table.copy()
    out.attrs = dict(table.attrs)
    return out


# ----------------------------------------------------------------------------- a user's list

#: "none", in a list of codes of a message.
_NONE = InputError("none", key="data.part.none")


def _label(frame: pd.DataFrame, *roles: str) -> str:
    """Name the columns of ``roles`` as the list has them: ``column gemeentecode (C)``, ``columns lon/lat (D/E)``."""
    cols, letters = frame.attrs.get("columns", {}), frame.attrs.get("column_letters", {})
    have = [r for r in roles if r in cols]
    names, where = "/".join(cols[r] for r in have), "/".join(letters.get(r, "?") for r in have)
    return InputError(f"column{'s' if len(have) > 1 else ''} {names} ({where})",
                      key="data.part.columns" if len(have) > 1 else "data.part.column", names=names, letters=where)


def place_practices(path: str | Path, *, level: str = "gemeente", year: int = 2024,
                    data_dir: PathLike = None) -> pd.DataFrame:
    r"""Place each practice of a user's list in a municipality (or PC4 area) of ``year``.

    For a municipality, the row's municipal code is taken as given; else its
    longitude and latitude, reprojected to EPSG:28992, are placed in the
    municipal polygon containing them (a point at most :data:`TOLERANCE_M`
    metres outside every polygon goes to the nearest: the boundaries are of
    land, generalised); else its PC4 (from the postcode) goes to the
    municipality holding most of the PC4 area (:func:`pc4_municipalities`).
    For a PC4 area: the row's PC4, else its point in the PC4 polygons.

    Parameters
    ----------
    path
        The list (CSV or Excel; see :func:`regio.sources.practices.read_practice_list`).
    level
        ``gemeente`` or ``pc4``: the units the practices are placed in.
    year
        Year of the municipal division (and of the PC4 file nearest to it).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        The rows of the list (``row`` is the spreadsheet row) with
        ``placed_in`` (the unit's code), ``placed_by`` (``"municipal code"``,
        ``"lon/lat"``, ``"PC4 area"``, ``"PC4"``) and ``distance_m`` (metres
        outside the polygon for a point placed in the nearest, else 0; NaN
        for rows not placed by a point). ``attrs`` those of the list plus
        ``level``, ``year`` and ``method``.

    Raises
    ------
    InputError
        Once, naming file, rows and columns: municipal codes not of the
        division of ``year``, PC4 codes without an area in the PC4 file,
        points outside every unit, rows that cannot be placed at ``level``
        (a municipal code only, for PC4); and the problems of the list itself.
    UnknownYearError
        No municipal boundaries of ``year`` (or of a year with its division).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "made_up_list.csv"
    >>> _ = path.write_text("naam,postcode,gemeentecode,lon,lat\nA,1011 AB,,,\nB,,GM0014,,\nC,,,4.9,52.37\n")
    >>> place_practices(path)[["row", "placed_in", "placed_by"]]
       row placed_in       placed_by
    0    2    GM0363        PC4 area
    1    3    GM0014  municipal code
    2    4    GM0363         lon/lat
    """
    lvl = get_level(level).name
    if lvl not in ("gemeente", "pc4"):
        raise InputError(f"Practices are placed in municipalities or PC4 areas, not {lvl}; use practices("
                         f"{lvl!r}, path=...) to sum them to that level.", key="data.practices_level", level=lvl)
    root = _root(data_dir)
    year = int(year)
    rows = _src.read_practice_list(path)
    n = len(rows)
    number = rows["row"].to_numpy()
    placed = np.full(n, None, dtype=object)
    how = np.full(n, None, dtype=object)
    distance = np.full(n, np.nan)
    problems: list[tuple[int, InputError]] = []  # (row, message), shown in row order

    def problem(i: int, text: InputError) -> None:
        problems.append((int(number[i]), InputError(f"row {number[i]}, {text}", key="data.part.row",
                                                    row=int(number[i]), problem=text)))

    if lvl == "gemeente":
        gm = boundaries("gemeente", year, data_dir=root)
        by_code = rows["statcode"].notna().to_numpy()
        unknown = by_code & ~rows["statcode"].isin(gm.index).to_numpy()
        for i in np.flatnonzero(unknown):
            column, code = _label(rows, "statcode"), rows["statcode"].iat[i]
            problem(i, InputError(f"{column}: {code} is not a municipality of {year} ({gm.attrs['source']}); check "
                                  "the code, or pass the year of the list's municipal division (year=...).",
                                  key="data.part.practice_not_a_municipality", column=column, code=code, year=year,
                                  source=gm.attrs["source"]))
        placed[by_code & ~unknown] = rows["statcode"].to_numpy()[by_code & ~unknown]
        how[by_code] = "municipal code"
        polygons, where = gm, InputError(f"every municipality of {year} ({gm.attrs['source']}, land only)",
                                         key="data.part.every_municipality", year=year, source=gm.attrs["source"])
    else:
        polygons = _pc4_areas(year, root)
        where = InputError(f"every PC4 area ({polygons.attrs['source']})", key="data.part.every_pc4",
                           source=polygons.attrs["source"])
    # points: rows not placed by a municipal code
    by_point = pd.isna(how) & rows["lon"].notna().to_numpy()
    if by_point.any():
        pts = lonlat_points(rows["lon"][by_point], rows["lat"][by_point], index=np.flatnonzero(by_point))
        hit = points_in(pts, polygons, tolerance=TOLERANCE_M)
        for i, region, dist, pt in zip(hit.index, hit["region"], hit["distance"], pts, strict=True):
            how[i] = "lon/lat"
            if pd.isna(region):
                outside = polygons.geometry.distance(pt).min()
                column, lon, lat = _label(rows, "lon", "lat"), rows["lon"].iat[i], rows["lat"].iat[i]
                km = outside / 1000
                problem(i, InputError(
                    f"{column}: the point ({lon:g}, {lat:g}) lies {km:.1f} km outside {where}; check the "
                    "coordinates, or give the postcode" + (" or municipal code." if lvl == "gemeente" else "."),
                    key="data.part.point_outside_gemeente" if lvl == "gemeente" else "data.part.point_outside",
                    column=column, lon=lon, lat=lat, km=km, where=where))
            else:
                placed[i], distance[i] = region, dist
    # PC4 areas: rows with neither code nor point
    by_pc4 = pd.isna(how) & rows["pc4"].notna().to_numpy()
    if by_pc4.any():
        areas = _pc4_areas(year, root)
        if lvl == "gemeente":
            known, label = _pc4_table(year, root)["gemeente"], "PC4 area"
            why = f"has no polygon in {areas.attrs['source']} (so it cannot be placed in a municipality)"
        else:
            known, label = pd.Series(areas.index, index=areas.index), "PC4"
            why = f"is not a PC4 area of {areas.attrs['source']}"
        for i in np.flatnonzero(by_pc4):
            code = rows["pc4"].iat[i]
            how[i] = label
            if code in known.index:
                placed[i] = known[code]
            else:
                column = _label(rows, "postcode", "pc4")
                problem(i, InputError(f"{column}: PC4 {code} {why}; give lon and lat"
                                      + (" or the municipal code" if lvl == "gemeente" else "") + " for this row.",
                                      key="data.part.pc4_no_polygon" if lvl == "gemeente" else "data.part.not_a_pc4",
                                      column=column, code=code, source=areas.attrs["source"]))
    rest = np.flatnonzero(pd.isna(how))
    if len(rest):  # at PC4 level: rows with only a municipal code
        listed = ", ".join(map(str, number[rest]))
        problems.append((int(number[rest[0]]), InputError(
            f"row(s) {listed}: only a municipal code, which does not say which PC4 area; give the postcode or lon "
            "and lat, or count per municipality (level='gemeente').", key="data.part.only_municipal_code",
            rows=listed)))
    if problems:  # one problem may list several rows (only a municipal code): count the rows, not the problems
        shown = [text for _, text in sorted(problems, key=lambda p: p[0])]
        n_rows = len(problems) - (1 if len(rest) else 0) + len(rest)
        raise InputError(f"{path}: {n_rows} practice(s) cannot be placed; nothing was counted:\n  "
                         + "\n  ".join(map(str, shown)), key="data.practices_not_placed", path=path,
                         n=n_rows, problems=joined(shown, sep="\n  "))
    out = rows.copy()
    out["placed_in"] = placed
    out["placed_by"] = how
    out["distance_m"] = distance.round(1)
    out.attrs = {**rows.attrs, "level": lvl, "year": year, **_placement_method(out, lvl, year, root)}
    return out


def _placement_method(placed: pd.DataFrame, level: str, year: int, root: str) -> dict[str, str]:
    counts = placed["placed_by"].value_counts()
    near = int((placed["distance_m"] > 0).sum())
    unit, unit_nl = ("municipality", "gemeente") if level == "gemeente" else ("PC4 area", "PC4-gebied")
    parts, parts_nl = [], []
    if counts.get("municipal code"):
        parts.append(f"{counts['municipal code']} by their municipal code")
        parts_nl.append(f"{counts['municipal code']} naar hun gemeentecode")
    if counts.get("lon/lat"):
        extra = (f", {near} of them at most {TOLERANCE_M:g} m outside it in the nearest" if near else "")
        extra_nl = (f", waarvan {near} hoogstens {TOLERANCE_M:g} m erbuiten in de dichtstbijzijnde" if near else "")
        parts.append(f"{counts['lon/lat']} by the {unit} containing their lon/lat (in EPSG:28992){extra}")
        parts_nl.append(f"{counts['lon/lat']} in de {unit_nl} waarin hun lon/lat ligt (in EPSG:28992){extra_nl}")
    if counts.get("PC4 area"):
        parts.append(f"{counts['PC4 area']} in the municipality holding most of their PC4 area "
                     f"({_pc4_table(year, root).attrs['source']})")
        parts_nl.append(f"{counts['PC4 area']} in de gemeente met het grootste deel van hun PC4-gebied")
    if counts.get("PC4"):
        parts.append(f"{counts['PC4']} by their PC4")
        parts_nl.append(f"{counts['PC4']} naar hun PC4")
    return {"method": f"each practice of the list placed in a {unit} of {year}: " + "; ".join(parts),
            "method_nl": f"elke praktijk van de lijst in een {unit_nl} van {year} geplaatst: " + "; ".join(parts_nl)}


# ----------------------------------------------------------------------------- counts per region

def _shared(level: str, year: int, root: str) -> tuple[pd.DataFrame, dict]:
    """Return the shared counts per PC4 area or municipality of ``year``, every unit present (0 where none)."""
    counts = _src.read_practice_counts(level, data_dir=root)
    if level == "pc4":
        areas = _pc4_geometry(year, root)
        codes = areas.index.union(counts.index)
        out = pd.DataFrame({"statnaam": codes, "n_practices": counts["n_practices"].reindex(codes, fill_value=0)},
                           index=pd.Index(codes, name="statcode"))
        method = ("as published (derived): the practices listed per PC4 of their postcode; PC4 areas of "
                  f"{areas.attrs['areas']} without one are 0",
                  "zoals gepubliceerd (afgeleid): de vermelde praktijken per PC4 van hun postcode; PC4-gebieden van "
                  f"{areas.attrs['areas']} zonder praktijk zijn 0")
        return out, {"source": counts.attrs["source"], "division": None, "method": method[0], "method_nl": method[1]}
    divs = divisions(data_dir=root)
    base = divs[_src.DIVISION]
    if divs.get(year) != base:
        same = ", ".join(str(y) for y, codes in divs.items() if codes == base)
        raise UnknownYearError(
            f"The shared practice counts ({counts.attrs['file']}) are in the municipal division of {_src.DIVISION} "
            f"(that of {same}); {year} has another division. Use year={_src.DIVISION}, or pass your own list "
            "(path=...), which is placed in the municipalities of any year with boundaries.",
            key="data.practices_other_division", file=counts.attrs["file"], division=_src.DIVISION, same=same,
            year=year)
    missing, extra = sorted(base - set(counts.index)), sorted(set(counts.index) - base)
    if missing or extra:
        raise InputError(f"{counts.attrs['file']} should list every municipality of {_src.DIVISION} once (0 where "
                         f"none): missing {', '.join(missing) or 'none'}; not of {_src.DIVISION}: "
                         f"{', '.join(extra) or 'none'}. Restore it from a full data directory such as shared/data.",
                         key="data.practice_counts_incomplete", file=counts.attrs["file"], division=_src.DIVISION,
                         missing=", ".join(missing) or _NONE, extra=", ".join(extra) or _NONE)
    names = region_names("gemeente", year, data_dir=root)
    out = counts[["n_practices"]].sort_index()
    out.insert(0, "statnaam", out.index.map(names))
    method = ("as published (derived): each practice in the 2024 municipality holding most of the area of its PC4",
              "zoals gepubliceerd (afgeleid): elke praktijk in de gemeente van 2024 met het grootste deel van de "
              "oppervlakte van haar PC4")
    return out, {"source": counts.attrs["source"], "division": int(year), "method": method[0],
                 "method_nl": method[1]}


def _listed(path: str | Path, level: str, year: int, root: str) -> tuple[pd.DataFrame, dict]:
    """Count a user's list per PC4 area or municipality of ``year``, every unit present (0 where none)."""
    placed = place_practices(path, level=level, year=year, data_dir=root)
    units = (_pc4_geometry(year, root) if level == "pc4" else boundaries("gemeente", year, data_dir=root)).index
    sums = {"n_practices": placed.groupby("placed_in").size()}
    for col in ("gps", "fte"):
        if col in placed.columns:
            sums[col] = placed.groupby("placed_in")[col].sum()
    out = pd.DataFrame(index=pd.Index(sorted(units), name="statcode"))
    out.insert(0, "statnaam", out.index if level == "pc4" else out.index.map(region_names("gemeente", year,
                                                                                          data_dir=root)))
    for col, values in sums.items():
        out[col] = values.reindex(out.index, fill_value=0).astype("float" if col == "fte" else "int64")
    return out, {"source": placed.attrs["source"], "derived": False, "division": None if level == "pc4" else year,
                 "method": placed.attrs["method"], "method_nl": placed.attrs["method_nl"]}


def _grouping(level: str, year: int, root: str) -> tuple[pd.Series, str]:
    """Region of ``level`` per municipality of ``year``, and how it was found."""
    if level in MUNICIPAL_GROUPINGS:
        member = membership(year, levels=[level], data_dir=root)
        return member[level], member.attrs["sources"][level]
    # a level of whole municipalities that membership() does not know (the labour-market regions where
    # regio.levels does not list them): each municipality's representative point in the level's polygons
    gm = boundaries("gemeente", year, data_dir=root)
    regions = boundaries(level, nearest_boundary_year(level, year, data_dir=root), data_dir=root)
    member = geography.membership_by_points(gm, regions)["region"]
    return member, f"representative points of {gm.attrs['source']} in {regions.attrs['source']}"


def practices(level: str = "gemeente", year: int = 2024, *, path: str | Path | None = None,
              data_dir: PathLike = None) -> pd.DataFrame:
    """Count GP practices per region of ``level``: the shared counts, or those of your own list.

    Practices, not GPs. Without ``path``, the data directory's derived counts
    of the ZorgkaartNederland listing of 2026-03-11 (4,866 practices): per PC4
    area as listed, per municipality of 2024 as published (each practice in
    the municipality holding most of its PC4 area), and per region of any
    other level summed from the municipalities by their membership in the
    2024 division. Regions without practices are 0, never missing; every
    level sums to the same total.

    With ``path``, a CSV or Excel list of your own practices (one per row; see
    :func:`regio.sources.practices.read_practice_list`) is placed in the
    municipalities (or PC4 areas) of ``year`` (see :func:`place_practices`)
    and counted, with the sums of its ``gps`` and ``fte`` columns if it has them.

    Parameters
    ----------
    level
        ``gemeente``, ``pc4``, ``provincie``, ``ggdregio``, ``coropgebied``,
        ``veiligheidsregio``, ``zorgkantoorregio``, ``landsdeel``,
        ``arbeidsmarktregio``, ``regioplusarbeidsmarktregio``, ``land``, ...
        (Dutch or English aliases accepted; not ``wijk``).
    year
        Year of the municipal division. The shared counts are in that of 2024
        (2023 and 2025 have the same); a list of your own may use any year
        with municipal boundaries.
    path
        Your own list of practices instead of the shared counts.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by code (``statcode``; PC4 codes at ``pc4``), sorted:
        ``statnaam``, ``n_practices`` (int64) and, for a list that has them,
        ``gps`` (int64) and ``fte`` (float). ``attrs``: ``source`` (marked
        derived for the shared counts), ``derived`` (True for the shared
        counts), ``level``, ``year``, ``division``, ``method`` and
        ``method_nl`` (how the practices were placed and summed), ``note``
        (practices, not GPs).

    Raises
    ------
    InputError
        For ``wijk``, or a list with problems (naming file, rows and columns).
    UnknownYearError
        For the shared counts in a year of another municipal division.
    DataNotFoundError
        If the data directory or a file is missing.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> gm = practices("gemeente", 2024)
    >>> len(gm), int(gm["n_practices"].sum()), int(gm.loc["GM0363", "n_practices"])
    (342, 4866, 268)
    >>> gm.attrs["source"]
    'ZorgkaartNederland listing of 2026-03-11, practices counted per PC4 (derived): practices/DERIVED_gp_practices_per_gemeente_2026_zorgkaart.csv'
    >>> practices("land")
             statnaam  n_practices
    statcode
    NL01     Nederland         4866
    """  # noqa: E501
    lvl = get_level(level).name
    if lvl == "wijk":
        raise InputError("Practices are counted per PC4 area and municipality (and the levels made of "
                         "municipalities), not per wijk.", key="data.practices_not_per_wijk")
    root = _root(data_dir)
    year = int(year)
    base = "pc4" if lvl == "pc4" else "gemeente"
    units, attrs = _shared(base, year, root) if path is None else _listed(path, base, year, root)
    if lvl == base:
        out = units
    else:
        member, how = _grouping(lvl, year, root)
        cols = [c for c in units.columns if c != "statnaam"]
        out = geography.aggregate(units[cols], member)
        names = region_names(lvl, year, data_dir=root)
        out.insert(0, "statnaam", out.index.map(lambda c: names.get(c, c)))
        attrs["method"] += f"; summed from the municipalities to {lvl} by their membership of {year} ({how})"
        attrs["method_nl"] += (f"; opgeteld van de gemeenten naar {lvl} naar hun lidmaatschap van {year} "
                               f"({source_text(how)})")
    if int(out["n_practices"].sum()) != int(units["n_practices"].sum()):  # aggregate() conserves totals
        raise AssertionError(f"practices per {lvl}: the total changed in summing")
    out = out.copy()
    out.attrs = {"source": attrs["source"], "derived": attrs.get("derived", path is None), "level": lvl,
                 "year": year, "division": attrs["division"], "method": attrs["method"],
                 "method_nl": attrs["method_nl"], "note": _NOTE}
    return out
