"""Validation helpers: one place that checks inputs and words the errors.

Every check names the file (``source``), the column and the offending codes or
rows, and says how to fix it. Problems of one kind are gathered and raised
once, not one at a time.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS
from shapely.geometry import box as _box

from regio.apportion import MAX_NUMBER
from regio.errors import CRSError, InputError, RegioError, RegioWarning, format_codes
from regio.text import joined

__all__ = [
    "MAX_NUMBER",
    "RD_NEW",
    "WGS84",
    "check_crs",
    "check_extent",
    "check_unique_codes",
    "coverage_problems",
    "ensure_rd",
    "repair_geometries",
    "to_numeric",
    "warn_repairs",
]

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"

_THOUSANDS_AND_COMMA = re.compile(r"^-?\d{1,3}(\.\d{3})+,\d+$")
_COMMA_DECIMAL = re.compile(r"^-?\d+,\d+$")
#: "1.000", "1,026", "12.345.678": a thousands separator or a decimal separator? Ambiguous for whole numbers.
_GROUPED = re.compile(r"^-?\d{1,3}([.,])\d{3}(\1\d{3})*$")


def _where(source: str | None) -> str:
    return f" in {source}" if source else ""


def _named(labels: pd.Series, *, limit: int = 20) -> str | RegioError:
    """List the labels of rows for a message, sorted and truncated as :func:`~regio.errors.format_codes` does.

    A label may be a keyed phrase (a :class:`~regio.errors.RegioWarning`, e.g. "row 2 (PV20)" from the
    catalogue entry ``warning.src.row_code``); the list is then said in the language of the message it is
    part of ("rij 2 (PV20)" in Dutch). Plain codes give the plain text of :func:`format_codes`.

    Examples
    --------
    >>> _named(pd.Series(["GM0002", "GM0001"]))
    'GM0001, GM0002'
    >>> row = RegioWarning("row 2 (PV20)", key="src.row_code", row=2, code="PV20")
    >>> listed = _named(pd.Series([row], dtype=object))
    >>> str(listed), listed.message("nl")
    ('row 2 (PV20)', 'rij 2 (PV20)')
    """
    items = list(labels)
    if not any(isinstance(item, RegioWarning) for item in items):
        return format_codes(items, limit=limit)
    distinct: dict[str, object] = {}
    for item in items:
        distinct.setdefault(str(item), item)
    order = sorted(distinct)
    parts: list = [distinct[text] for text in order[:limit]]
    if len(order) > limit:
        parts.append(f"… (+{len(order) - limit})")  # the same in every language, as in format_codes
    return joined(parts, sep=", ")


def to_numeric(
    values: pd.Series,
    *,
    column: str,
    source: str | None = None,
    allow_negative: bool = False,
    allow_missing: bool = False,
    integer: bool = False,
    codes: pd.Series | Callable[[], pd.Series] | None = None,
    maximum: float = MAX_NUMBER,
) -> pd.Series:
    """Parse a column of counts, accepting Dutch decimal commas with a warning.

    Infinite values (``inf``) and values beyond ``maximum`` (by default
    :data:`MAX_NUMBER`, 2**53: floats above it skip whole numbers and int64
    sums wrap) are refused, with the cells named.

    For whole numbers (``integer=True``) a value such as ``"1.000"`` or
    ``"1,026"`` is ambiguous (a thousands separator in Dutch or English, or a
    decimal separator) and is refused with the cell named, rather than guessed.

    Parameters
    ----------
    values
        The raw column (strings or numbers).
    column
        Its name, for messages.
    source
        The file it came from, for messages.
    allow_negative, allow_missing
        Whether negative or empty values are accepted (default: neither).
    integer
        Require whole numbers.
    codes
        Region codes of the rows, aligned with ``values``; named in messages.
        A label may be a keyed phrase (a :class:`~regio.errors.RegioWarning`
        such as "row 2 (PV20)"), said in the language of the message. May be
        a function that returns them, called only when a message needs them
        (labels of millions of rows are not built for nothing).
    maximum
        The largest absolute value accepted.

    Returns
    -------
    pandas.Series
        Floats (NaN only where ``allow_missing``).

    Raises
    ------
    InputError
        Listing the rows (or codes) with non-numeric, infinite, too large,
        missing, negative or fractional values.

    Examples
    --------
    >>> import pandas as pd
    >>> to_numeric(pd.Series(["1", "2.5"]), column="fte").tolist()
    [1.0, 2.5]
    >>> to_numeric(pd.Series(["1.000"]), column="count", integer=True)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Column 'count': ambiguous numbers at 0 (e.g. '1.000': a thousands separator ...
    >>> to_numeric(pd.Series(["12", "inf", "1e308"]), column="count", source="counts.csv", integer=True)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Column 'count' in counts.csv: infinite values at 1; values too large at 2 (e.g. ...
    """
    labels: list[pd.Series] = []

    def at_rows(mask: np.ndarray) -> str | RegioError:
        """Name the rows of ``mask`` by their labels (built on first use)."""
        if not labels:
            given = codes() if callable(codes) else codes
            labels.append(given if given is not None else pd.Series(values.index, index=values.index))
        return _named(labels[0][mask])

    def at(mask: np.ndarray) -> str | RegioError:
        """Name the rows whose value is one of ``mask`` (a flag per distinct value)."""
        return at_rows(rows(mask))

    # Each distinct text is judged once (a column of millions of counts has a few thousand distinct ones);
    # ``inverse`` takes the verdicts back to the rows, -1 for an empty cell.
    inverse, distinct = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    empty_cell = inverse < 0

    def rows(mask: np.ndarray, *, empty: bool = False) -> np.ndarray:
        return np.where(empty_cell, empty, mask[np.maximum(inverse, 0)] if len(mask) else empty)

    text = pd.Series(distinct, dtype=object).astype("string").str.strip()
    blank = (text == "").fillna(True).to_numpy(dtype=bool)
    # only values with a separator can be ambiguous or written with a decimal comma: match those alone
    separated = (text.str.contains(",", regex=False) | text.str.contains(".", regex=False)).fillna(False)
    separated = separated.to_numpy(dtype=bool)

    def matching(*patterns: re.Pattern) -> np.ndarray:
        out = np.zeros(len(text), dtype=bool)
        if separated.any():
            some = text[separated]
            for pattern in patterns:
                out[separated] |= some.str.match(pattern.pattern).fillna(False).to_numpy(dtype=bool)
        return out

    def example(mask: np.ndarray) -> str:
        return str(text[mask].iloc[0])  # distinct values are in the order of their first row

    if integer:
        grouped = matching(_GROUPED)
        if grouped.any():
            first = example(grouped)
            plain = first.replace('.', '').replace(',', '')
            raise InputError(
                f"Column {column!r}{_where(source)}: ambiguous numbers at {at(grouped)} "
                f"(e.g. {first!r}: a thousands separator or a decimal one?). Write whole numbers without "
                f"separators, e.g. {plain!r}.",
                key="kernel.numbers.ambiguous", column=column, where=_where(source), rows=at(grouped),
                example=first, plain=plain,
            )
    has_comma = matching(_COMMA_DECIMAL, _THOUSANDS_AND_COMMA)
    if has_comma.any():
        warnings.warn(
            RegioWarning(
                f"Column {column!r}{_where(source)} uses decimal commas (e.g. {example(has_comma)!r}); "
                "read as decimal numbers. Export with a decimal point to silence this warning.",
                key="kernel.numbers.decimal_commas", column=column, where=_where(source),
                example=example(has_comma),
            ),
            stacklevel=2,
        )
        text = text.where(~has_comma, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    parsed = pd.to_numeric(text, errors="coerce").astype(float).to_numpy()
    problems = []
    bad = np.isnan(parsed) & ~blank
    if bad.any():
        problems.append(InputError(f"non-numeric values at {at(bad)} (e.g. {example(bad)!r})",
                                   key="kernel.numbers.non_numeric", rows=at(bad), example=example(bad)))
    infinite = np.isinf(parsed)
    if infinite.any():
        problems.append(InputError(f"infinite values at {at(infinite)}", key="kernel.numbers.infinite",
                                   rows=at(infinite)))
    huge = ~infinite & (np.abs(parsed) > maximum)
    if huge.any():
        problems.append(InputError(f"values too large at {at(huge)} (e.g. {example(huge)!r}; at most {maximum:,.0f})",
                                   key="kernel.numbers.too_large", rows=at(huge), example=example(huge),
                                   maximum=maximum))
    parsed = np.where(infinite | huge, np.nan, parsed)  # not judged again as negative or fractional
    missing = rows(blank, empty=True)
    if missing.any() and not allow_missing:
        problems.append(InputError(f"missing values at {at_rows(missing)}", key="kernel.numbers.missing",
                                   rows=at_rows(missing)))
    if not allow_negative and (parsed < 0).any():
        problems.append(InputError(f"negative values at {at(parsed < 0)}", key="kernel.numbers.negative",
                                   rows=at(parsed < 0)))
    if integer:
        frac = ~np.isnan(parsed) & (np.floor(parsed) != parsed)
        if frac.any():
            problems.append(InputError(f"fractional values at {at(frac)} (counts must be whole numbers)",
                                       key="kernel.numbers.fractional", rows=at(frac)))
    if problems:
        raise InputError(
            f"Column {column!r}{_where(source)}: " + "; ".join(str(p) for p in problems)
            + ". Fix these cells (a missing count is not zero: enter 0 only where it is 0).",
            key="kernel.numbers.bad_cells", column=column, where=_where(source), problems=joined(problems),
        )
    return pd.Series(rows(parsed, empty=np.nan).astype(float), index=values.index)


def coverage_problems(
    codes: Iterable[object],
    expected: Iterable[object],
    *,
    twice: str = "given twice",
    unknown: str = "not in the division",
    missing: str | None = "missing",
    also_missing: Iterable[object] = (),
    keys: tuple[str, str, str] | None = None,
) -> list:
    """List how ``codes`` fail to cover ``expected`` once each: codes twice, unknown codes, codes left out.

    Returns messages only, so that the caller gathers them with its own
    problems and raises once, with its own prefix (the file, the table).

    Parameters
    ----------
    codes
        The codes given (a column of a user's table).
    expected
        The codes that must each occur once (e.g. the municipalities of the boundary year).
    twice, unknown, missing
        Wording of each kind of problem; ``missing=None`` allows codes to be left out.
    also_missing
        Codes given but without a value, reported with the missing ones.
    keys
        Catalogue keys (``error.<key>``, with the placeholder ``{codes}``) of
        the three kinds, to get the messages as :class:`~regio.errors.InputError`
        (not raised; for :func:`regio.text.joined`) that the command line says
        in the user's language; their English is the same text.

    Returns
    -------
    list of str or InputError
        One message per kind of problem found, in the order twice, unknown, missing; empty when all is well.

    Examples
    --------
    >>> coverage_problems(["GM1", "GM1", "GM9"], ["GM1", "GM2"])
    ['given twice: GM1', 'not in the division: GM9', 'missing: GM2']
    >>> coverage_problems(["GM1", "GM2"], ["GM1", "GM2"])
    []
    """
    given = pd.Series([str(c) for c in codes], dtype=object)
    want = {str(c) for c in expected}
    out = []

    def said(kind: int, words: str, codes: str) -> str | InputError:
        text = f"{words}: {codes}"
        return text if keys is None else InputError(text, key=keys[kind], codes=codes)

    dup = given[given.duplicated(keep=False)]
    if len(dup):
        out.append(said(0, twice, format_codes(dup)))
    stray = sorted(set(given) - want)
    if stray:
        out.append(said(1, unknown, format_codes(stray)))
    absent = sorted((want - set(given)) | {str(c) for c in also_missing})
    if absent and missing:
        out.append(said(2, missing, format_codes(absent)))
    return out


def check_unique_codes(codes: pd.Series | pd.Index, *, column: str = "statcode", source: str | None = None) -> None:
    """Raise if a region code occurs more than once.

    Parameters
    ----------
    codes
        The region codes (a column or an index).
    column
        Their column name, for the message.
    source
        The file they came from, for the message.

    Returns
    -------
    None
        Returns quietly when every code occurs once.

    Raises
    ------
    InputError
        Listing each duplicated code once.

    Examples
    --------
    >>> check_unique_codes(pd.Index(["GM0001", "GM0002"]))  # unique: nothing happens
    >>> check_unique_codes(pd.Index(["GM0001", "GM0001"]))
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Duplicate codes in column 'statcode': GM0001. Each region must occur once; ...
    """
    codes = pd.Series(codes)
    dup = codes[codes.duplicated(keep=False)]
    if len(dup):
        raise InputError(
            f"Duplicate codes in column {column!r}{_where(source)}: {format_codes(dup)}. "
            "Each region must occur once; dissolve or sum the duplicate rows first.",
            key="kernel.duplicate_codes", column=column, where=_where(source), codes=format_codes(dup),
        )


def check_crs(gdf: gpd.GeoDataFrame, *, name: str = "frame", expected: str | None = RD_NEW) -> None:
    """Refuse a GeoDataFrame without CRS, or with another CRS than ``expected``.

    Parameters
    ----------
    gdf
        The frame to check.
    name
        What to call it in messages (e.g. the argument name).
    expected
        The CRS it must be in (anything :class:`pyproj.CRS` reads); ``None``
        accepts any CRS as long as one is set.

    Returns
    -------
    None
        Returns quietly when the CRS is right.

    Raises
    ------
    CRSError
        Saying how to fix it (``set_crs`` when the CRS is known but not
        recorded, ``to_crs`` to reproject).
    InputError
        If ``gdf`` is not a GeoDataFrame.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> rd = gpd.GeoDataFrame(geometry=[box(0, 0, 1_000, 1_000)], crs="EPSG:28992")
    >>> check_crs(rd, name="shapes")  # RD New: nothing happens
    >>> check_crs(rd.to_crs("EPSG:4326"), name="shapes")
    Traceback (most recent call last):
    ...
    regio.errors.CRSError: 'shapes' is in EPSG:4326, expected EPSG:28992. Reproject with gdf.to_crs('EPSG:28992').
    >>> check_crs(gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)]), name="points")
    Traceback (most recent call last):
    ...
    regio.errors.CRSError: 'points' has no CRS. regio computes in EPSG:28992 (RD New). If the coordinates are ...
    """
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InputError(f"{name!r} should be a GeoDataFrame, got {type(gdf).__name__}.",
                         key="kernel.not_geodataframe", name=name, got=type(gdf).__name__)
    if gdf.crs is None:
        raise CRSError(
            f"{name!r} has no CRS. regio computes in {RD_NEW} (RD New). If the coordinates are "
            f"RD New, call gdf.set_crs({RD_NEW!r}); if they are longitude/latitude, "
            f"gdf.set_crs({WGS84!r}).to_crs({RD_NEW!r}).",
            key="kernel.crs.missing", name=name, rd=RD_NEW, wgs84=WGS84,
        )
    if expected is not None and CRS.from_user_input(gdf.crs) != CRS.from_user_input(expected):
        raise CRSError(
            f"{name!r} is in {gdf.crs.to_string()}, expected {expected}. "
            f"Reproject with gdf.to_crs({expected!r}).",
            key="kernel.crs.other", name=name, crs=gdf.crs.to_string(), expected=expected,
        )


#: Where the Netherlands lies, with a margin for coastal waters and generalised lines: (xmin, ymin, xmax, ymax).
NL_BOUNDS = {RD_NEW: (-25_000.0, 280_000.0, 310_000.0, 640_000.0), WGS84: (2.9, 50.6, 7.4, 53.8)}


def _inside(bounds: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    return bool(box[0] <= bounds[0] and box[1] <= bounds[1] and bounds[2] <= box[2] and bounds[3] <= box[3])


def check_extent(gdf: gpd.GeoDataFrame, *, source: str) -> None:
    """Refuse coordinates that do not lie in the Netherlands in the CRS the file declares, saying the likely fix.

    Lon/lat numbers under a declared EPSG:28992 (or RD New metres under a
    declared EPSG:4326) are the usual slip: the file's ``crs`` is wrong, not
    its coordinates; regio would otherwise place every region in one corner.
    Empty frames and frames without any geometry pass.

    Parameters
    ----------
    gdf
        The frame as read, with its declared CRS (see :func:`check_crs` for a missing one).
    source
        The file, for the message.

    Returns
    -------
    None
        Returns quietly when the coordinates lie in the Netherlands (EPSG:28992
        x 0..300,000 and y 289,000..630,000; EPSG:4326 lon 3..7.3 and lat
        50.7..53.7; with a margin; other CRSs are judged in lon/lat).

    Raises
    ------
    CRSError
        Naming the file, the bounds found, the CRS declared and the one the
        coordinates look like.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> utrecht = box(5.0, 52.0, 5.2, 52.1)
    >>> check_extent(gpd.GeoDataFrame(geometry=[utrecht], crs=WGS84), source="u.geojson")
    >>> check_extent(gpd.GeoDataFrame(geometry=[utrecht], crs=RD_NEW), source="u.geojson")
    Traceback (most recent call last):
    ...
    regio.errors.CRSError: u.geojson: the coordinates look like longitude/latitude (x 5.00..5.20, y 52.00..52.10) \
but the file declares EPSG:28992: set its crs to EPSG:4326 ...
    """
    if gdf.crs is None or gdf.empty:
        return
    bounds = tuple(float(b) for b in gdf.total_bounds)
    if not all(np.isfinite(bounds)):
        return  # no geometry at all; the repairs name the empty ones
    crs = CRS.from_user_input(gdf.crs)
    declared = crs.to_string()
    if crs == CRS.from_user_input(RD_NEW):
        judged = bounds
        fits = _inside(bounds, NL_BOUNDS[RD_NEW])
    elif crs.is_geographic and crs.to_epsg() in (4326, 4258, 4289):
        judged = bounds
        fits = _inside(bounds, NL_BOUNDS[WGS84])
    else:
        try:
            judged = tuple(float(b) for b in gpd.GeoSeries([_box(*bounds)], crs=crs).to_crs(WGS84).total_bounds)
        except Exception:  # a CRS pyproj cannot transform: the reprojection after this says so
            return
        fits = all(np.isfinite(judged)) and _inside(judged, NL_BOUNDS[WGS84])
    if fits:
        return
    shown = f"x {bounds[0]:,.2f}..{bounds[2]:,.2f}, y {bounds[1]:,.2f}..{bounds[3]:,.2f}"
    x0, y0, x1, y1 = bounds
    if _inside(bounds, NL_BOUNDS[WGS84]):
        looks, fix = "longitude/latitude", WGS84
    elif _inside(bounds, NL_BOUNDS[RD_NEW]):
        looks, fix = "RD New metres", RD_NEW
    elif _inside((bounds[1], bounds[0], bounds[3], bounds[2]), NL_BOUNDS[WGS84]):
        raise CRSError(f"{source}: the coordinates look like latitude/longitude with the axes swapped ({shown}) "
                       f"under the declared {declared}: write them longitude first (x = longitude), as GeoJSON "
                       "requires.", key="kernel.extent.swapped", source=source, shown=shown, declared=declared,
                       x0=x0, x1=x1, y0=y0, y1=y1)
    else:
        raise CRSError(f"{source}: the coordinates ({shown}) do not lie in the Netherlands in the declared CRS "
                       f"{declared}. Check the file's crs: regio expects {WGS84} (lon 3..7.3, lat 50.7..53.7) or "
                       f"{RD_NEW} (x 0..300,000, y 289,000..630,000).",
                       key="kernel.extent.outside", source=source, shown=shown, declared=declared,
                       x0=x0, x1=x1, y0=y0, y1=y1, wgs84=WGS84, rd=RD_NEW)
    raise CRSError(f"{source}: the coordinates look like {looks} ({shown}) but the file declares {declared}: "
                   f"set its crs to {fix} (e.g. ogr2ogr -a_srs {fix} out.geojson {Path(source).name}, or in Python "
                   f"gdf.set_crs({fix!r}, allow_override=True)).",
                   key="kernel.extent.mislabelled_lonlat" if fix == WGS84 else "kernel.extent.mislabelled_rd",
                   source=source, shown=shown, declared=declared, x0=x0, x1=x1, y0=y0, y1=y1, fix=fix,
                   name=Path(source).name)


def ensure_rd(gdf: gpd.GeoDataFrame, *, name: str = "frame") -> gpd.GeoDataFrame:
    """Return ``gdf`` in RD New, reprojecting from a known CRS; refuse a missing one.

    Parameters
    ----------
    gdf
        A GeoDataFrame with its CRS set.
    name
        What to call it in messages.

    Returns
    -------
    geopandas.GeoDataFrame
        ``gdf`` itself when already in EPSG:28992, else a reprojected copy.

    Raises
    ------
    CRSError
        If ``gdf`` has no CRS (it cannot be reprojected without one).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> dam = gpd.GeoDataFrame(geometry=[Point(4.8930, 52.3731)], crs="EPSG:4326")  # the Dam, Amsterdam
    >>> rd = ensure_rd(dam, name="locations")
    >>> rd.crs.to_string(), round(float(rd.geometry.x[0]) / 1000), round(float(rd.geometry.y[0]) / 1000)  # km
    ('EPSG:28992', 121, 487)
    >>> ensure_rd(rd) is rd
    True
    """
    check_crs(gdf, name=name, expected=None)
    if CRS.from_user_input(gdf.crs) == CRS.from_user_input(RD_NEW):
        return gdf
    return gdf.to_crs(RD_NEW)


def check_same_crs(*frames: tuple[str, gpd.GeoDataFrame]) -> None:
    """Raise :class:`CRSError` if named frames do not share one CRS, showing each.

    Parameters
    ----------
    *frames
        ``(name, GeoDataFrame)`` pairs; the names are used in the message.

    Returns
    -------
    None
        Returns quietly when all frames have the same CRS.

    Raises
    ------
    CRSError
        If the CRSs differ or any frame has none.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> regions = gpd.GeoDataFrame(geometry=[box(0, 0, 1_000, 1_000)], crs="EPSG:28992")
    >>> check_same_crs(("regions", regions), ("sites", regions.copy()))
    >>> check_same_crs(("regions", regions), ("sites", regions.to_crs("EPSG:4326")))
    Traceback (most recent call last):
    ...
    regio.errors.CRSError: CRS mismatch (regions: EPSG:28992, sites: EPSG:4326). Reproject all to EPSG:28992 ...
    """
    crss = {name: (g.crs.to_string() if g.crs is not None else None) for name, g in frames}
    if len(set(crss.values())) > 1 or None in crss.values():
        shown = ", ".join(f"{n}: {c}" for n, c in crss.items())
        raise CRSError(f"CRS mismatch ({shown}). Reproject all to {RD_NEW} with .to_crs({RD_NEW!r}).",
                       key="kernel.crs.mismatch", shown=shown, rd=RD_NEW)


def repair_geometries(gdf: gpd.GeoDataFrame, *, source: str | None = None, warn: bool = True) -> gpd.GeoDataFrame:
    """Return a copy with invalid geometries made valid; warn naming the codes.

    Empty or missing geometries are kept (the region exists; it is drawn as
    having no shape) and reported in a warning. The messages are also kept in
    ``attrs["repairs"]`` so that a cached frame can report them again
    (:func:`warn_repairs`).

    Parameters
    ----------
    gdf
        Region shapes indexed by region code.
    source
        The file they came from, for the messages.
    warn
        Emit the messages as :class:`~regio.errors.RegioWarning` (default);
        with ``False`` they are only recorded.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy with each invalid geometry replaced by its valid polygonal part
        and the messages in ``attrs["repairs"]`` (empty when nothing was wrong).

    Examples
    --------
    >>> import geopandas as gpd, pandas as pd
    >>> from shapely.geometry import Polygon, box
    >>> bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # self-intersecting
    >>> shapes = gpd.GeoDataFrame(geometry=[bowtie, box(20, 0, 30, 10), None],
    ...                           index=pd.Index(["GM0001", "GM0002", "GM0003"]), crs="EPSG:28992")
    >>> fixed = repair_geometries(shapes, source="shapes.geojson", warn=False)
    >>> fixed.geometry.is_valid.tolist(), fixed.geometry.area.tolist()
    ([True, True, False], [50.0, 100.0, nan])
    >>> for message in fixed.attrs["repairs"]:
    ...     print(message)
    Repaired 1 invalid geometry in shapes.geojson: GM0001.
    1 region(s) in shapes.geojson have an empty geometry and cannot be drawn: GM0003. Their counts are kept.
    """
    out = gdf.copy()
    geom = out.geometry
    missing = geom.isna() | geom.is_empty
    invalid = ~missing & ~geom.is_valid
    messages = []
    said = []  # the same as catalogue keys and values, so that the warnings follow the user's language
    if invalid.any():
        n, codes = int(invalid.sum()), format_codes(out.index[invalid])
        messages.append(
            f"Repaired {n} invalid geometr{'y' if n == 1 else 'ies'}"
            f"{_where(source)}: {codes}."
        )
        said.append({"kind": "repaired", "n": n, "where": _where(source), "codes": codes})
        fixed = geom[invalid].make_valid()
        # make_valid may yield collections with lines/points; keep the areal part
        fixed = fixed.apply(_polygonal)
        out.loc[invalid, out.geometry.name] = fixed
    if missing.any():
        n, codes = int(missing.sum()), format_codes(out.index[missing])
        messages.append(
            f"{n} region(s){_where(source)} have an empty geometry and cannot be "
            f"drawn: {codes}. Their counts are kept."
        )
        said.append({"kind": "empty", "n": n, "where": _where(source), "codes": codes})
    out.attrs["repairs"] = messages
    out.attrs["repairs_said"] = said
    if warn:
        warn_repairs(out, stacklevel=3)
    return out


def warn_repairs(gdf: gpd.GeoDataFrame, *, stacklevel: int = 2, key: str | None = None, **params: object) -> None:
    """Emit the repair messages recorded in ``gdf.attrs["repairs"]`` as :class:`RegioWarning`.

    Parameters
    ----------
    gdf
        A frame returned by :func:`repair_geometries` (or a cached copy of one
        with its ``attrs``); without recorded repairs nothing is emitted.
    stacklevel
        Passed on to :func:`warnings.warn` (plus one for this function), so
        that the warning points at the caller's caller.
    key, **params
        Accepted for callers that name a message key and values: the messages
        of :func:`repair_geometries` carry their own keys
        (``warning.kernel.repaired``, ``warning.kernel.empty_geometry``), so
        ``key`` is only recorded (as the value ``asked``) and ``params`` are
        added to the values of each message.

    Returns
    -------
    None

    Examples
    --------
    >>> import warnings
    >>> import geopandas as gpd
    >>> from shapely.geometry import Polygon
    >>> shapes = gpd.GeoDataFrame(geometry=[Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])],
    ...                           index=["GM0001"], crs="EPSG:28992")
    >>> fixed = repair_geometries(shapes, warn=False)  # e.g. when building a cache
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_repairs(fixed)  # e.g. when reading the cache again
    >>> [(w.category.__name__, str(w.message)) for w in caught]
    [('RegioWarning', 'Repaired 1 invalid geometry: GM0001.')]
    """
    said = gdf.attrs.get("repairs_said", [])
    for i, message in enumerate(gdf.attrs.get("repairs", [])):
        if i >= len(said):  # English only (recorded by an older regio): said as it was recorded
            warnings.warn(RegioWarning(str(message), key="kernel.repair_recorded", message=str(message),
                                       asked=key, **params), stacklevel=stacklevel + 1)
            continue
        values = {**said[i], **params}
        kind = values.pop("kind")
        warnings.warn(RegioWarning(str(message),
                                   key="kernel.repaired" if kind == "repaired" else "kernel.empty_geometry", **values),
                      stacklevel=stacklevel + 1)


def _polygonal(geom):
    from shapely.geometry import GeometryCollection, MultiPolygon, Polygon

    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    if isinstance(geom, GeometryCollection):
        polys = []
        for part in geom.geoms:
            if isinstance(part, Polygon):
                polys.append(part)
            elif isinstance(part, MultiPolygon):
                polys.extend(part.geoms)
        return MultiPolygon(polys) if len(polys) != 1 else polys[0]
    return geom
