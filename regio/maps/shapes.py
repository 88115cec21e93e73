"""Compact web geometry: clean, simplify without gaps, reproject, round, share borders.

Two outputs for the web maps:

* :func:`prepare_shapes` — a simplified coverage as a GeoDataFrame in
  EPSG:4326 (for GeoJSON, outlines and anything that wants geometries);
* :func:`topology` — the same coverage as a TopoJSON-like structure: each
  border between two regions is stored once as an *arc*, its vertices are
  quantised to integers on a ``precision`` grid, delta-encoded and written as
  short ASCII strings (the polyline encoding: 5 bits per character); regions
  list the arcs of their rings. A few lines of JavaScript in the page
  (:data:`DECODE_JS`) turn it back into GeoJSON. Neighbours share the very
  same arc, so no gap or overlap can appear between them.

Why cleaning matters for size: the CBS coverages are not edge-matched (the PC4
coverage has about 25,000 sliver gaps between neighbours). Every place where a
shared border turns into a gap is a node that simplification must keep, so
the borders break into tens of thousands of tiny arcs that cannot be
simplified. Snapping vertices within ``snap`` metres and closing gaps narrower
than ``gap_width`` metres before simplifying removes those nodes (PC4: from
87,000 arcs to 15,000).

Examples
--------
>>> import geopandas as gpd
>>> from shapely import box
>>> gdf = gpd.GeoDataFrame({"name": ["a", "b"]}, index=["A", "B"],
...                        geometry=[box(150_000, 450_000, 151_000, 451_000),
...                                  box(151_000, 450_000, 152_000, 451_000)], crs="EPSG:28992")
>>> topo = topology(gdf, tolerance=0, precision=1e-4)
>>> len(topo["arcs"])          # the shared border is stored once
3
>>> [f[0] for f in topo["features"]]
['A', 'B']
"""

from __future__ import annotations

import functools
import itertools
import json

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer

from regio import derived
from regio.validate import RD_NEW, WGS84, check_crs

__all__ = ["DECODE_JS", "clean_coverage", "decode_ints", "decode_topology", "encode_ints", "prepare_shapes",
           "topology"]

#: JavaScript that decodes :func:`topology` output to a GeoJSON FeatureCollection
#: (defines ``regioDecode(topo)``; features get ``properties`` ``{id, k, t}``).
DECODE_JS = """
function regioInts(s) {
  var out = [], i = 0, n = s.length;
  while (i < n) {
    var r = 0, sh = 0, b;
    do { b = s.charCodeAt(i++) - 63; r |= (b & 31) << sh; sh += 5; } while (b >= 32);
    out.push(r & 1 ? ~(r >> 1) : r >> 1);
  }
  return out;
}
function regioDecode(topo) {
  var sx = topo.scale, tx = topo.translate;
  var arcs = topo.arcs.map(function(s) {
    var d = regioInts(s), x = 0, y = 0, pts = [];
    for (var i = 0; i < d.length; i += 2) { x += d[i]; y += d[i + 1]; pts.push([x * sx + tx[0], y * sx + tx[1]]); }
    return pts;
  });
  function ring(s) {
    var refs = regioInts(s), pts = [], prev = 0;
    refs.forEach(function(r) {
      r += prev; prev = r;
      var a = r >= 0 ? arcs[r] : arcs[~r].slice().reverse();
      pts = pts.length ? pts.concat(a.slice(1)) : a.slice();
    });
    return pts;
  }
  return {type: 'FeatureCollection', features: topo.features.map(function(f) {
    return {type: 'Feature', properties: {id: f[0], k: f[1], t: f[2]},
            geometry: {type: 'MultiPolygon', coordinates: f[3].map(function(p) { return p.map(ring); })}};
  })};
}
"""


def _encode_many(values: np.ndarray, lengths: np.ndarray) -> list[str]:
    """Encode consecutive runs of signed integers (``lengths`` values each) as one string per run, vectorised."""
    v = np.asarray(values, dtype=np.int64).ravel()
    z = np.where(v < 0, ~(v << 1), v << 1).astype(np.uint64)  # zigzag: small magnitudes first
    rounds = max(1, int(np.ceil(int(z.max()).bit_length() / 5))) if len(z) else 1
    shifts = (np.arange(rounds, dtype=np.uint64) * np.uint64(5))[None, :]
    rest = z[:, None] >> shifts  # (values, rounds): what is left before each 5-bit chunk
    present = rest > 0
    present[:, 0] = True  # every number has at least one character
    more = np.zeros_like(present)
    more[:, :-1] = present[:, 1:]  # a chunk followed by another carries the continuation bit
    chars = ((rest & np.uint64(0x1F)) | np.where(more, np.uint64(0x20), np.uint64(0))) + np.uint64(63)
    text = chars[present].astype(np.uint8).tobytes().decode("ascii")  # row-major: number by number
    bounds = np.r_[0, np.cumsum(present.sum(axis=1))][np.r_[0, np.cumsum(lengths)]]  # characters per run
    starts, ends = bounds[:-1], bounds[1:]
    return [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


def encode_ints(values: np.ndarray | list[int]) -> str:
    """Encode signed integers as an ASCII string, 5 bits per character (polyline encoding).

    Characters are ``?`` (63) to ``~`` (126); small numbers take one
    character. ``regioInts`` in :data:`DECODE_JS` decodes it.

    Parameters
    ----------
    values
        Signed integers (e.g. coordinate deltas on the quantisation grid).

    Returns
    -------
    str
        The encoded text; :func:`decode_ints` gives the numbers back.

    Examples
    --------
    >>> encode_ints([0, 1, -1, 15, -16, 16, 1000])
    '?A@]^_@o}@'
    >>> encode_ints([])
    ''
    """
    v = np.asarray(values, dtype=np.int64).ravel()
    if not len(v):
        return ""
    return _encode_many(v, np.array([len(v)]))[0]


def decode_ints(text: str) -> list[int]:
    """Decode :func:`encode_ints` (the Python twin of ``regioInts`` in :data:`DECODE_JS`).

    Parameters
    ----------
    text
        Text made by :func:`encode_ints`.

    Returns
    -------
    list of int
        The numbers, in order.

    Examples
    --------
    >>> decode_ints(encode_ints([3, -7, 123456]))
    [3, -7, 123456]
    """
    out, shift, acc = [], 0, 0
    for ch in text:
        b = ord(ch) - 63
        acc |= (b & 0x1F) << shift
        shift += 5
        if b < 0x20:
            out.append(~(acc >> 1) if acc & 1 else acc >> 1)
            shift, acc = 0, 0
    return out


def decode_topology(topo: dict) -> gpd.GeoSeries:
    """Decode :func:`topology` output to (multi)polygons in EPSG:4326, indexed by code.

    The Python twin of ``regioDecode`` in :data:`DECODE_JS`, for tests and checks.

    Parameters
    ----------
    topo
        The output of :func:`topology`.

    Returns
    -------
    geopandas.GeoSeries
        One MultiPolygon per feature, indexed by region code, in EPSG:4326.

    Examples
    --------
    Two 1 km squares side by side come back as two squares of 1 km² each:

    >>> import geopandas as gpd
    >>> from shapely import box
    >>> gdf = gpd.GeoDataFrame(index=["A", "B"], crs="EPSG:28992",
    ...                        geometry=[box(150_000, 450_000, 151_000, 451_000),
    ...                                  box(151_000, 450_000, 152_000, 451_000)])
    >>> back = decode_topology(topology(gdf, tolerance=0))
    >>> back.crs.to_string(), back.index.tolist()
    ('EPSG:4326', ['A', 'B'])
    >>> [round(float(a) / 1e6, 2) for a in back.to_crs("EPSG:28992").area]  # km², on the 1e-4 degree grid
    [1.0, 1.0]
    """
    scale, (tx, ty) = topo["scale"], topo["translate"]
    arcs = []
    for text in topo["arcs"]:
        d = np.cumsum(np.asarray(decode_ints(text), dtype=np.int64).reshape(-1, 2), axis=0)
        arcs.append(d * scale + [tx, ty])

    def ring(text: str) -> np.ndarray:
        refs = np.cumsum(decode_ints(text))
        parts = [arcs[r] if r >= 0 else arcs[~r][::-1] for r in refs]
        return np.concatenate([parts[0], *[p[1:] for p in parts[1:]]])

    geoms = [shapely.MultiPolygon([shapely.Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in f[3]])
             for f in topo["features"]]
    return gpd.GeoSeries(geoms, index=[f[0] for f in topo["features"]], crs=WGS84)


def _auto(value: float | None, tolerance: float, fraction: float, cap: float) -> float:
    return float(value) if value is not None else min(cap, tolerance * fraction)


def clean_coverage(geoms: np.ndarray, *, snap: float = 0.0, gap_width: float = 0.0) -> np.ndarray:
    """Make polygons an edge-matched coverage (no overlaps; shared borders identical).

    Parameters
    ----------
    geoms
        Polygons (no missing or empty ones) in a metric CRS.
    snap
        Vertices closer than this are snapped together (0: GEOS picks a tiny
        distance).
    gap_width
        Gaps between polygons narrower than this (their largest inscribed
        circle) are given to the neighbour sharing the longest border with
        them. ``shapely.coverage_clean`` only snaps here (with no gap width);
        the few gaps it leaves are closed by one coverage union (PC4: 0.9 s
        less than ``coverage_clean`` closing them, the same maps).

    Returns
    -------
    numpy.ndarray
        Cleaned polygons, same length. A polygon that cleaning would remove
        entirely (a tiny one snapped away) keeps its original shape.

    Examples
    --------
    An overlap of 1 m is given to one of the two squares, and a sliver gap of
    half a metre is closed by snapping:

    >>> import numpy as np
    >>> import shapely
    >>> overlapping = np.array([shapely.box(0, 0, 100, 100), shapely.box(99, 0, 200, 100)])
    >>> cleaned = clean_coverage(overlapping)
    >>> bool(shapely.coverage_is_valid(overlapping)), bool(shapely.coverage_is_valid(cleaned))
    (False, True)
    >>> [float(a) for a in shapely.area(cleaned)]
    [10000.0, 10000.0]
    >>> apart = np.array([shapely.box(0, 0, 100, 100), shapely.box(100.5, 0, 200, 100)])
    >>> left, right = clean_coverage(apart, snap=1)
    >>> left.touches(right), float(left.intersection(right).length)
    (True, 100.0)

    A slot 5 m wide between two regions is closed (given to the one around it); a hole inside one region
    is closed when narrow, kept when wide (as ``shapely.coverage_clean`` does):

    >>> slot = np.array([shapely.box(0, 0, 50, 100),
    ...                  shapely.box(50, 0, 100, 100).difference(shapely.box(50, 10, 55, 90))])
    >>> left, right = clean_coverage(slot, snap=1, gap_width=10)
    >>> float(left.area + right.area), len(right.interiors)
    (10000.0, 0)
    >>> holed = [shapely.box(0, 0, 50, 100).difference(shapely.box(20, 20, 20 + w, 20 + w)) for w in (5, 25)]
    >>> [len(clean_coverage(np.array([h]), snap=1, gap_width=10)[0].interiors) for h in holed]
    [0, 1]
    """
    cleaned = shapely.coverage_clean(geoms, snapping_distance=snap if snap > 0 else -1, gap_width=0)
    lost = shapely.is_missing(cleaned) | shapely.is_empty(cleaned)
    cleaned[lost] = geoms[lost]
    if gap_width > 0:  # the gaps of the coverage without the polygons given back
        cleaned[~lost] = _close_gaps(cleaned[~lost], gap_width)
    return cleaned


def _close_gaps(cover: np.ndarray, gap_width: float) -> np.ndarray:
    """Give each gap of a clean coverage narrower than ``gap_width`` to the neighbour it shares most border with.

    What ``shapely.coverage_clean(..., gap_width=)`` does, in a fraction of its time on the CBS coverages: the
    gaps left after snapping are the holes of the coverage's union (noded with their neighbours by the
    cleaning), few of them (PC4: about 4,000 of the 25,000 before snapping); a gap is narrow when its largest
    inscribed circle is narrower than ``gap_width``, and a gap with a region inside it is left alone.
    """
    union = shapely.coverage_union_all(cover)
    rings = shapely.get_interior_ring(*np.broadcast_arrays(*_interior_ring_args(union)))
    if not len(rings):
        return cover
    holes = shapely.polygons(rings)
    narrow = 2 * np.sqrt(shapely.area(holes) / np.pi) < gap_width  # a circle inside has at most the hole's area
    wide = np.flatnonzero(~narrow)
    narrow[wide] = 2 * shapely.length(shapely.maximum_inscribed_circle(holes[wide], gap_width / 20)) < gap_width
    holes = holes[narrow]
    if not len(holes):
        return cover
    tree = shapely.STRtree(cover)
    inside = tree.query(holes, predicate="contains_properly")
    holes = np.delete(holes, np.unique(inside[0]))
    gap, region = tree.query(holes, predicate="intersects")
    shared = shapely.length(shapely.intersection(shapely.boundary(holes[gap]), shapely.boundary(cover[region])))
    order = np.lexsort((-shared, gap))  # per gap, the longest shared border first
    gap, region = gap[order], region[order]
    first = np.r_[True, gap[1:] != gap[:-1]]
    gap, region = gap[first], region[first]
    # one row per receiving region: the region, then its gaps (rows padded with None); unioned row by row in one
    # call (a coverage union keeps every vertex, so the region still matches its other neighbours)
    receivers, row, counts = np.unique(region, return_inverse=True, return_counts=True)
    by_row = np.argsort(row, kind="stable")
    col = np.arange(len(row)) - np.r_[0, np.cumsum(counts)[:-1]][row[by_row]]
    table = np.full((len(receivers), int(counts.max()) + 1), None, dtype=object)
    table[:, 0] = cover[receivers]
    table[row[by_row], col + 1] = holes[gap[by_row]]
    out = cover.copy()
    out[receivers] = shapely.coverage_union_all(table, axis=1)
    return out


def _interior_ring_args(union: shapely.Geometry) -> tuple[np.ndarray, np.ndarray]:
    """(polygon, ring index) of every interior ring of ``union``'s polygons."""
    parts = shapely.get_parts(union)
    counts = shapely.get_num_interior_rings(parts)
    return np.repeat(parts, counts), np.concatenate([np.arange(c) for c in counts]) if len(counts) else np.zeros(0, int)


def _simplified(gdf: gpd.GeoDataFrame, tolerance: float, snap: float | None,
                gap_width: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Clean and coverage-simplify the drawable rows; return (mask of drawable rows, shapes).

    Kept by :func:`regio.derived.cached` under the content of the shapes and the parameters: the same
    boundaries are cleaned once (once at all, with the store of :mod:`regio.sources.cache` on disk).
    The shapes returned are the kept ones: callers do not change the array.
    """
    geoms = gdf.geometry.to_numpy()
    has = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    sub = geoms[has]
    if not len(sub) or tolerance <= 0:
        return has, sub
    snap_m, gap_m = _auto(snap, tolerance, 0.1, 10.0), _auto(gap_width, tolerance, 0.2, 20.0)

    def compute() -> np.ndarray:
        cleaned = clean_coverage(sub, snap=snap_m, gap_width=gap_m)
        simple = shapely.coverage_simplify(cleaned, tolerance)
        lost = shapely.is_missing(simple) | shapely.is_empty(simple)
        simple[lost] = cleaned[lost]
        return simple

    key = derived.content_key("coverage", sub, float(tolerance), snap_m, gap_m)
    return has, derived.cached("coverage", key, compute, dumps=lambda g: derived.dump_geometries(g),
                               loads=lambda b: derived.load_geometries(b)[0])


def prepare_shapes(gdf: gpd.GeoDataFrame, *, tolerance: float = 100.0, precision: float = 1e-5,
                   snap: float | None = None, gap_width: float | None = None) -> gpd.GeoDataFrame:
    """Return shapes ready for a web map: a simplified coverage in EPSG:4326.

    The polygons are first made into a clean coverage (shared borders made
    identical, slivers and overlaps removed, gaps narrower than ``gap_width``
    closed), then simplified as a coverage, so neighbours keep touching: no
    gaps or overlaps appear between them. Coordinates are rounded to
    ``precision`` degrees (1e-5 deg is about 1 m).

    Parameters
    ----------
    gdf
        Polygons in EPSG:28992 (RD New).
    tolerance
        Simplification tolerance in metres (Visvalingam-Whyatt: about the
        square root of the area of the triangles removed); 0 keeps the shapes.
    precision
        Grid size of the rounded coordinates, in degrees.
    snap, gap_width
        Cleaning: snapping distance and widest gap closed, in metres
        (default: a tenth and a fifth of ``tolerance``, at most 10 and 20 m).

    Returns
    -------
    geopandas.GeoDataFrame
        A copy in EPSG:4326; rows without geometry are kept, with no geometry.

    Raises
    ------
    regio.errors.CRSError
        If ``gdf`` has no CRS or is not in EPSG:28992.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely import box
    >>> gdf = gpd.GeoDataFrame({"name": ["Noord", "Zuid"]}, index=["A", "B"], crs="EPSG:28992",
    ...                        geometry=[box(150_000, 451_000, 151_000, 452_000),
    ...                                  box(150_000, 450_000, 151_000, 451_000)])
    >>> web = prepare_shapes(gdf, tolerance=0)
    >>> web.crs.to_string(), web["name"].tolist()
    ('EPSG:4326', ['Noord', 'Zuid'])
    >>> north, south = web.geometry
    >>> north.touches(south), north.intersection(south).geom_type  # still neighbours after rounding
    (True, 'LineString')
    >>> prepare_shapes(web)
    Traceback (most recent call last):
    ...
    regio.errors.CRSError: 'shapes' is in EPSG:4326, expected EPSG:28992. ...
    """
    check_crs(gdf, name="shapes", expected=RD_NEW)
    out = gdf.copy()
    has, sub = _simplified(gdf, tolerance, snap, gap_width)
    shaped = gdf.geometry.to_numpy().copy()
    shaped[has] = sub
    out = out.set_geometry(gpd.GeoSeries(shaped, index=out.index, crs=gdf.crs)).to_crs(WGS84)
    rounded = out.geometry.to_numpy()
    ok = ~(shapely.is_missing(rounded) | shapely.is_empty(rounded))
    rounded[ok] = shapely.make_valid(shapely.set_precision(rounded[ok], precision), method="structure")
    out = out.set_geometry(gpd.GeoSeries(rounded, index=out.index, crs=WGS84))
    return out


def _rings(geoms: np.ndarray):
    """Vertices of all rings: (coords, ring id per vertex, feature per polygon, polygon per ring)."""
    polys, feat_of_poly = shapely.get_parts(geoms, return_index=True)
    keep = ~shapely.is_empty(polys)
    polys, feat_of_poly = polys[keep], feat_of_poly[keep]
    rings, poly_of_ring = shapely.get_rings(polys, return_index=True)
    coords, ring_of_coord = shapely.get_coordinates(rings, return_index=True)
    return coords, ring_of_coord, feat_of_poly, poly_of_ring, len(rings)


def _arcs(coords: np.ndarray, ring_of_coord: np.ndarray, n_rings: int):
    """Cut rings into arcs between junctions; return (vertices, arcs as id lists, arc refs per ring).

    A vertex is a junction when the rings through it do not all have the same
    two neighbours there (where a shared border starts or ends). Arcs are
    deduplicated, a reversed copy referenced as ``~index``.
    """
    # unique vertices in (x, y) order: as complex numbers (sorted by real, then imaginary part), much faster
    # than np.unique(axis=0)
    as_complex = np.ascontiguousarray(coords, dtype=np.float64).view(np.complex128).ravel()
    uniq, vid = np.unique(as_complex, return_inverse=True)
    verts = np.column_stack([uniq.real, uniq.imag]) if len(uniq) else np.zeros((0, 2))
    vid = vid.ravel()
    counts = np.bincount(ring_of_coord, minlength=n_rings)
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    last = starts + counts - 1
    keep = np.ones(len(vid), bool)
    keep[last[counts > 0]] = False  # drop the closing vertex of each ring
    ids, ring = vid[keep], ring_of_coord[keep]
    n = np.bincount(ring, minlength=n_rings)
    s = np.r_[0, np.cumsum(n)[:-1]]
    base = np.repeat(s, n)
    size = np.repeat(n, n)
    pos = np.arange(len(ids)) - base
    prev = ids[base + (pos - 1) % np.maximum(size, 1)]
    nxt = ids[base + (pos + 1) % np.maximum(size, 1)]
    # distinct (vertex, neighbour pair) triples, packed in one integer (21 bits each) when they fit
    lo, hi = np.minimum(prev, nxt).astype(np.int64), np.maximum(prev, nxt).astype(np.int64)
    if len(verts) < 1 << 21:
        packed = np.unique((ids.astype(np.int64) << 42) | (lo << 21) | hi)
        first_of_pair = packed >> 42
    else:
        first_of_pair = np.unique(np.stack([ids, lo, hi], axis=1), axis=0)[:, 0]
    junction = np.bincount(first_of_pair, minlength=len(verts)) > 1
    arcs: list[tuple[int, ...]] = []
    index: dict[tuple[int, ...], int] = {}

    def ref(key: tuple[int, ...]) -> int:
        if key in index:
            return index[key]
        rev = key[::-1]
        if rev in index:
            return ~index[rev]
        index[key] = len(arcs)
        arcs.append(key)
        return index[key]

    ring_refs: list[list[int]] = []
    id_list = ids.tolist()
    for r in range(n_rings):
        ring_ids = id_list[s[r]: s[r] + n[r]]
        if not ring_ids:
            ring_refs.append([])
            continue
        jpos = [i for i, v in enumerate(ring_ids) if junction[v]]
        if not jpos:  # a ring that touches nothing, or one whole shared border: canonical rotation
            m = ring_ids.index(min(ring_ids))
            fwd = ring_ids[m:] + ring_ids[:m]
            # (the reversed tuple of a canonical closed key is canonical too, so ref() finds it)
            ring_refs.append([ref((*fwd, fwd[0]))])
            continue
        rot = ring_ids[jpos[0]:] + ring_ids[:jpos[0]] + [ring_ids[jpos[0]]]
        cut = [i for i, v in enumerate(rot) if junction[v]]
        ring_refs.append([ref(tuple(rot[a:b + 1])) for a, b in itertools.pairwise(cut)])
    return verts, arcs, ring_refs


def topology(gdf: gpd.GeoDataFrame, *, tolerance: float = 100.0, precision: float = 1e-4,
             snap: float | None = None, gap_width: float | None = None) -> dict:
    """Encode regions as shared, quantised, delta-encoded arcs for a web map.

    Parameters
    ----------
    gdf
        Polygons in EPSG:28992 (cleaned and simplified here) or already
        prepared shapes in EPSG:4326 (from :func:`prepare_shapes`; only
        encoded).
    tolerance, snap, gap_width
        As in :func:`prepare_shapes` (ignored for EPSG:4326 input).
    precision
        Grid of the quantised coordinates in degrees (1e-4 deg: about 11 m
        north-south, 7 m east-west).

    Returns
    -------
    dict
        ``{"scale": precision, "translate": [lon0, lat0], "arcs": [str, ...],
        "features": [[code, [], [], polygons], ...]}`` where each polygon is a
        list of rings and each ring a string of delta-encoded arc references
        (``~i``: arc ``i`` reversed). Rows without geometry are left out.
        Decode with :data:`DECODE_JS`; slots 1 and 2 of a feature are for
        the caller's class indices and tooltip texts.

    Raises
    ------
    regio.errors.CRSError
        If ``gdf`` has no CRS, or one other than EPSG:28992 and EPSG:4326.

    Examples
    --------
    Three 1 km squares in a row make six arcs: the outer side of each end
    square, the top and the bottom of the middle one, and the two shared
    borders, each stored once:

    >>> import geopandas as gpd
    >>> from shapely import box
    >>> gdf = gpd.GeoDataFrame(index=["W", "M", "O"], crs="EPSG:28992",
    ...                        geometry=[box(150_000 + i * 1_000, 450_000, 151_000 + i * 1_000, 451_000)
    ...                                  for i in range(3)])
    >>> topo = topology(gdf, tolerance=0)
    >>> len(topo["arcs"]), [f[0] for f in topo["features"]], topo["scale"]
    (6, ['W', 'M', 'O'], 0.0001)
    >>> topology(gdf.set_crs(None, allow_override=True))
    Traceback (most recent call last):
    ...
    regio.errors.CRSError: 'shapes' has no CRS. ...
    """
    check_crs(gdf, name="shapes", expected=None)
    web_input = CRS.from_user_input(gdf.crs) == CRS.from_user_input(WGS84)
    if not web_input:
        check_crs(gdf, name="shapes", expected=RD_NEW)
    geoms = gdf.geometry.to_numpy()
    key = derived.content_key("topology", geoms, gdf.index, web_input, float(tolerance), float(precision),
                              snap, gap_width)
    kept = derived.cached("topology", key, lambda: _topology(gdf, web_input, tolerance, precision, snap, gap_width),
                          dumps=lambda v: json.dumps(v, separators=(",", ":")).encode(), loads=json.loads)
    return {"scale": kept["scale"], "translate": list(kept["translate"]), "arcs": list(kept["arcs"]),
            "features": [[code, [], [], [list(rings) for rings in polys]] for code, polys in kept["features"]]}


def _topology(gdf: gpd.GeoDataFrame, web_input: bool, tolerance: float, precision: float, snap: float | None,
              gap_width: float | None) -> dict:
    """:func:`topology` without its cache: features as ``[code, polygons]``."""
    if web_input:
        geoms = gdf.geometry.to_numpy()
        has = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        sub = geoms[has]
    else:
        has, sub = _simplified(gdf, tolerance, snap, gap_width)
    codes = [str(c) for c in gdf.index[has]]
    coords, ring_of_coord, feat_of_poly, poly_of_ring, n_rings = _rings(sub)
    verts, arcs, ring_refs = _arcs(coords, ring_of_coord, n_rings)
    if web_input:
        lonlat = verts
    else:
        tr = _to_web()
        lonlat = np.column_stack(tr.transform(verts[:, 0], verts[:, 1])) if len(verts) else verts
    origin = np.floor(lonlat.min(axis=0) / precision) * precision if len(lonlat) else np.zeros(2)
    q = np.rint((lonlat - origin) / precision).astype(np.int64)
    enc_arcs = _encode_arcs(q, arcs)
    # features -> polygons -> rings (delta-encoded arc refs)
    ring_lengths = np.array([len(refs) for refs in ring_refs], dtype=np.int64)
    flat = np.fromiter(itertools.chain.from_iterable(ring_refs), dtype=np.int64, count=int(ring_lengths.sum()))
    starts = np.r_[0, np.cumsum(ring_lengths)[:-1]]
    deltas = np.diff(flat, prepend=0) if len(flat) else flat
    if len(flat):
        first = starts[ring_lengths > 0]
        deltas[first] = flat[first]  # each ring's references start from 0
    ring_texts = _encode_many(deltas, ring_lengths)
    polys_of_feat: list[list[list[str]]] = [[] for _ in codes]
    rings_of_poly: list[list[str]] = [[] for _ in range(len(feat_of_poly))]
    for r, text in enumerate(ring_texts):
        if ring_lengths[r]:
            rings_of_poly[poly_of_ring[r]].append(text)
    for p, f in enumerate(feat_of_poly.tolist()):
        if rings_of_poly[p]:
            polys_of_feat[f].append(rings_of_poly[p])
    return {
        "scale": float(precision),
        "translate": [round(float(origin[0]), 10), round(float(origin[1]), 10)],
        "arcs": enc_arcs,
        "features": [[code, polys] for code, polys in zip(codes, polys_of_feat, strict=True)],
    }


@functools.lru_cache(maxsize=1)
def _to_web() -> Transformer:
    """Return the RD New -> WGS84 transformer, made once (making one takes longer than a map's transform)."""
    return Transformer.from_crs(RD_NEW, WGS84, always_xy=True)


def _encode_arcs(q: np.ndarray, arcs: list[tuple[int, ...]]) -> list[str]:
    """Delta-encode every arc's quantised vertices at once (repeated points inside an arc dropped, ends kept)."""
    if not arcs:
        return []
    lengths = np.fromiter((len(a) for a in arcs), dtype=np.int64, count=len(arcs))
    ids = np.fromiter(itertools.chain.from_iterable(arcs), dtype=np.int64, count=int(lengths.sum()))
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    first = np.zeros(len(ids), bool)
    first[starts] = True
    last = np.zeros(len(ids), bool)
    last[starts + lengths - 1] = True
    pts = q[ids]
    same = np.r_[False, np.all(pts[1:] == pts[:-1], axis=1)]
    keep = ~(same & ~first & ~last)
    pts, first = pts[keep], first[keep]
    kept = np.add.reduceat(keep.astype(np.int64), starts)
    d = np.diff(pts, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    d[first] = pts[first]
    return _encode_many(d.ravel(), 2 * kept)
