"""CBS region boundaries ("gebiedsindelingen") from PDOK, into ``boundaries/{level}_{year}.geojson``.

PDOK publishes the CBS gebiedsindelingen of each year as a WFS at
``https://service.pdok.nl/cbs/gebiedsindelingen/{year}/wfs/v1_0`` (the root is
``REGIO_PDOK_URL``), with one feature type per level, e.g.
``gebiedsindelingen:gemeente_gegeneraliseerd`` (generalised boundaries).
Features carry ``statcode``, ``statnaam``, ``jrstatcode`` (year + code) and
``rubriek`` (the level); their native CRS is RD New (EPSG:28992).

regio asks for GeoJSON (``outputFormat=application/json``) in EPSG:28992 and
pages with WFS 2.0 ``count``/``startIndex``. The service is MapServer with
PDOK's configuration (see ``docs/data.md``, "What the services answer"): at most 1000 features
per answer whatever ``count`` asks (``wfs_maxfeatures``), no
``numberReturned``, ``numberMatched`` only when the server computes it and
then the total, a ``crs`` member (``urn:ogc:def:crs:EPSG::28992``) and a
``bbox``. So paging moves on by the length of each answer and stops at the
first empty one; when ``numberMatched`` is given, fewer features than that is
an error. Features are kept by ``statcode``, so overlapping pages do not
duplicate regions.

Written files are RFC 7946 GeoJSON in EPSG:4326 (coordinates rounded to 1e-6
degrees, about 0.1 m), like the rest of the data directory; the boundary
reader turns them back into EPSG:28992.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import requests
from pyproj import CRS

from regio.errors import InputError, RegioWarning, SourceError, format_codes
from regio.levels import get_level
from regio.sources._online import (
    DEFAULT_PDOK_URL,
    PDOK_URL_ENV,
    TIMEOUT,
    Pager,
    atomic_path,
    base_url,
    network_errors,
)
from regio.text import t
from regio.validate import RD_NEW, WGS84

__all__ = [
    "DEFAULT_LEVELS",
    "PDOK_LEVELS",
    "describe_answer",
    "download_boundaries",
    "features_to_frame",
    "fetch_features",
    "pdok_url",
    "sample_answer",
    "type_name",
    "wfs_url",
    "write_geojson",
]

log = logging.getLogger(__name__)

#: regio levels with a gebiedsindelingen layer (``{level}_gegeneraliseerd``).
PDOK_LEVELS = (
    "gemeente",
    "provincie",
    "ggdregio",
    "coropgebied",
    "veiligheidsregio",
    "zorgkantoorregio",
    "landsdeel",
    "coropplusgebied",
    "wijk",
)
#: Levels that ``regio data fetch`` downloads unless told otherwise.
DEFAULT_LEVELS = ("gemeente", "provincie", "ggdregio", "coropgebied", "veiligheidsregio", "zorgkantoorregio")

PAGE_SIZE = 1000
MAX_PAGES = 500
KEEP = ("statcode", "statnaam", "jrstatcode", "rubriek")


def pdok_url() -> str:
    """Return the root of the gebiedsindelingen services: ``REGIO_PDOK_URL`` or PDOK's.

    Returns
    -------
    str
        The root URL without trailing ``/``.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"REGIO_PDOK_URL": ""}):
    ...     pdok_url()
    'https://service.pdok.nl/cbs/gebiedsindelingen'
    >>> with mock.patch.dict(os.environ, {"REGIO_PDOK_URL": "http://localhost:8081/"}):
    ...     wfs_url(2025)
    'http://localhost:8081/2025/wfs/v1_0'
    """
    return base_url(PDOK_URL_ENV, DEFAULT_PDOK_URL)


def wfs_url(year: int, *, base: str | None = None) -> str:
    """Return the URL of the WFS of one year.

    Parameters
    ----------
    year
        Year of the gebiedsindelingen.
    base
        Root URL (default :func:`pdok_url`).

    Returns
    -------
    str
        ``{base}/{year}/wfs/v1_0``.

    Examples
    --------
    >>> wfs_url(2025, base="https://service.pdok.nl/cbs/gebiedsindelingen")
    'https://service.pdok.nl/cbs/gebiedsindelingen/2025/wfs/v1_0'
    """
    return f"{(base or pdok_url()).rstrip('/')}/{int(year)}/wfs/v1_0"


def type_name(level: str) -> str:
    """Return the WFS feature type of a level, e.g. ``gebiedsindelingen:gemeente_gegeneraliseerd``.

    Parameters
    ----------
    level
        Level name or alias (see :data:`PDOK_LEVELS`).

    Returns
    -------
    str
        The generalised layer of the level.

    Raises
    ------
    UnknownLevelError
        For a name that is not a level.
    InputError
        For a level PDOK publishes no layer for (``pc4``, ``rpagebied``, ``land``).

    Examples
    --------
    >>> type_name("corop")
    'gebiedsindelingen:coropgebied_gegeneraliseerd'
    >>> type_name("pc4")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: PDOK gebiedsindelingen has no layer for level 'pc4'. Levels it has: gemeente, ...
    """
    lvl = get_level(level).name
    if lvl not in PDOK_LEVELS:
        raise InputError(f"PDOK gebiedsindelingen has no layer for level {lvl!r}. Levels it has: "
                         f"{', '.join(PDOK_LEVELS)}.", key="src.pdok_no_layer", level=lvl,
                         known=", ".join(PDOK_LEVELS))
    return f"gebiedsindelingen:{lvl}_gegeneraliseerd"


def _what(year: int, typename: str) -> RegioWarning:
    """Return what is fetched, for messages: a keyed phrase, said in the language of the message it is part of."""
    return RegioWarning(f"PDOK gebiedsindelingen {year}, layer {typename}", key="src.pdok_what", year=year,
                        layer=typename)


def _exception_text(body: str) -> str:
    texts = re.findall(r"<(?:ows:)?ExceptionText>\s*(.*?)\s*</(?:ows:)?ExceptionText>", body, re.S)
    return " ".join(texts) or body.strip()[:300]


def _get_page(session: requests.Session, url: str, params: dict, what: str | RegioWarning, info: dict | None = None,
              pager: Pager | None = None) -> dict:
    """One WFS answer; a connection dropped mid-answer is tried again (:class:`~regio.sources._online.Pager`)."""
    pager = pager or Pager(what)
    asked = requests.Request("GET", url, params=params).prepare().url
    with network_errors(what, url):
        resp = pager.send(lambda: session.get(url, params=params, timeout=TIMEOUT), asked)
        body = resp.text
        if info is not None:
            info.update(content_type=resp.headers.get("Content-Type"), url=resp.url)
        if resp.status_code == 404:
            raise SourceError(f"{what}: {url} does not exist (HTTP 404). PDOK may not publish this year "
                              "(yet); try another --year.", key="src.pdok_404", what=what, url=url)
        if resp.status_code != 200 or body.lstrip().startswith("<"):
            raise SourceError(f"{what}: the WFS answered HTTP {resp.status_code}: {_exception_text(body)}",
                              key="src.pdok_http", what=what, status=resp.status_code, text=_exception_text(body))
        page = resp.json()
        if not isinstance(page, dict) or "features" not in page:
            raise SourceError(f"{what}: the answer is not a GeoJSON FeatureCollection ({body[:200]!r}).",
                              key="src.pdok_not_geojson", what=what, body=body[:200])
        return page


def _number_matched(page: dict) -> int | None:
    """Return the total number of features a WFS 2.0 answer reports (``numberMatched``), if a number.

    MapServer sends it only when it computes it, and WFS 2.0 allows ``"unknown"``.

    Examples
    --------
    >>> _number_matched({"type": "FeatureCollection", "numberMatched": 342, "features": []})
    342
    >>> _number_matched({"numberMatched": "unknown"}), _number_matched({"features": []})
    (None, None)
    """
    value = page.get("numberMatched")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _declared_crs(page: dict, default: str) -> str:
    name = ((page.get("crs") or {}).get("properties") or {}).get("name")
    if not name:
        return default
    epsg = CRS.from_user_input(name).to_epsg()
    return f"EPSG:{epsg}" if epsg else name


def fetch_features(
    level: str,
    year: int,
    *,
    base: str | None = None,
    page_size: int = PAGE_SIZE,
    srs: str = RD_NEW,
    on_page: Callable[[int], object] | None = None,
    session: requests.Session | None = None,
) -> tuple[list[dict], str, str]:
    """Download every feature of a level and year from the WFS, page by page.

    Parameters
    ----------
    level, year
        Level (see :data:`PDOK_LEVELS`) and year of the gebiedsindelingen.
    base
        Root URL (default ``REGIO_PDOK_URL`` or PDOK's).
    page_size
        ``count`` asked for per request (the server may hand out fewer).
    srs
        ``srsName`` asked for.
    on_page
        Called with the number of features of each page (for a progress bar).
    session
        A ``requests.Session`` to send the requests with (default a new one).

    Returns
    -------
    tuple
        ``(features, crs, url)``: GeoJSON features (one per ``statcode``), the
        CRS they are in, and the request URL without paging parameters.

    Raises
    ------
    OfflineError
        No connection (the message says what to do instead).
    SourceError
        The year or layer does not exist, the service reports an exception,
        a feature has no ``statcode``, or fewer features came than the
        ``numberMatched`` of the first answer.
    InputError
        For a level without a PDOK layer.

    Examples
    --------
    >>> features, crs, url = fetch_features("provincie", 2025)  # doctest: +SKIP
    >>> len(features), crs  # doctest: +SKIP
    (12, 'EPSG:28992')
    >>> features_to_frame(features, crs, source=url)["statcode"].iloc[0]  # doctest: +SKIP
    'PV20'
    """
    url, typename = wfs_url(year, base=base), type_name(level)
    what = _what(year, typename)
    params = {"service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": typename,
              "outputFormat": "application/json", "srsName": srs}
    request_url = requests.Request("GET", url, params=params).prepare().url
    session = session or requests.Session()
    by_code: dict[str, dict] = {}
    crs, start, matched, received, repeated = srs, 0, None, 0, False
    pager = Pager(what, max_pages=MAX_PAGES + 1)  # the loop below says it first, in its own words
    for _ in range(MAX_PAGES):
        page = _get_page(session, url, {**params, "count": page_size, "startIndex": start}, what, pager=pager)
        features = page.get("features") or []
        if matched is None:
            matched = _number_matched(page)
        if not features:
            break
        received += len(features)
        crs = _declared_crs(page, srs)
        before = len(by_code)
        for feat in features:
            code = (feat.get("properties") or {}).get("statcode")
            if not code:
                raise SourceError(f"{what}: a feature without 'statcode' (properties: "
                                  f"{sorted(feat.get('properties') or {})}).", key="src.pdok_no_statcode",
                                  what=what, properties=sorted(feat.get("properties") or {}))
            by_code[str(code).strip()] = feat
        if on_page is not None:
            on_page(len(features))
        start += len(features)
        if len(by_code) == before:  # a server that ignores startIndex repeats itself: stop
            repeated = True
            if matched is None:  # with numberMatched, the check below tells whether anything is missing
                warnings.warn(RegioWarning(
                    f"{what}: the page at startIndex {start - len(features)} repeated regions already "
                    f"received (the server seems to ignore startIndex) and it reports no numberMatched, "
                    f"so regio cannot tell whether the {len(by_code)} features are all of them. Check "
                    "the count, or fetch again later.", key="src.pdok_repeated_page", what=what,
                    start=start - len(features), n=len(by_code)), stacklevel=2)
            break
    else:
        raise SourceError(f"{what}: more than {MAX_PAGES} pages of {page_size}; giving up.",
                          key="src.pdok_too_many_pages", what=what, pages=MAX_PAGES, page_size=page_size)
    if not by_code:
        raise SourceError(f"{what}: the layer is empty.", key="src.pdok_empty_layer", what=what)
    if matched is not None and (received < matched or (repeated and len(by_code) < matched)):
        got = len(by_code) if repeated else received
        why = " (its pages repeat: it seems to ignore startIndex)" if repeated else ""
        raise SourceError(f"{what}: the service reports {matched} features (numberMatched) but handed out "
                          f"{got} in pages of at most {page_size}{why}; the download is incomplete, nothing "
                          "was written. Try again later.",
                          key="src.pdok_incomplete_repeated" if repeated else "src.pdok_incomplete",
                          what=what, matched=matched, got=got, page_size=page_size)
    log.info("%s: %d features", what, len(by_code))
    return list(by_code.values()), crs, request_url


def sample_answer(level: str, year: int, *, base: str | None = None, srs: str = RD_NEW) -> tuple[dict, str, str]:
    """Ask the WFS for one feature of a level and year (``count=1``), to see the form of its answers.

    Parameters
    ----------
    level, year
        Level (see :data:`PDOK_LEVELS`) and year of the gebiedsindelingen.
    base
        Root URL (default ``REGIO_PDOK_URL`` or PDOK's).
    srs
        ``srsName`` asked for.

    Returns
    -------
    tuple
        ``(answer, content_type, url)``: the parsed FeatureCollection, the
        ``Content-Type`` it came with and the URL asked.

    Raises
    ------
    OfflineError, SourceError, InputError
        As :func:`fetch_features`.

    Examples
    --------
    >>> answer, ctype, url = sample_answer("gemeente", 2025)  # doctest: +SKIP
    >>> describe_answer(answer, ctype, url)[3]  # doctest: +SKIP
    '  numberMatched 342, numberReturned absent; 1 feature(s) in this answer'
    """
    url, typename = wfs_url(year, base=base), type_name(level)
    params = {"service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": typename,
              "outputFormat": "application/json", "srsName": srs, "count": 1}
    info: dict = {}
    page = _get_page(requests.Session(), url, params, _what(year, typename), info)
    return page, str(info.get("content_type")), str(info.get("url"))


def describe_answer(page: dict, content_type: str, url: str, *, lang: str = "en") -> list[str]:
    """Describe one WFS GeoJSON answer: its members, paging counts, CRS and first feature (pure).

    What a first online user needs to confirm the form of PDOK's answers
    (the open points in ``docs/data.md``, "What the services answer").

    Parameters
    ----------
    page
        The parsed FeatureCollection (:func:`sample_answer`).
    content_type, url
        Its ``Content-Type`` and the URL asked.

    Returns
    -------
    list of str
        Lines of text.

    Examples
    --------
    >>> page = {"type": "FeatureCollection", "name": "gemeente_gegeneraliseerd", "numberMatched": 342,
    ...         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
    ...         "bbox": [13565.4, 306846.2, 278026.1, 619352.4],
    ...         "features": [{"type": "Feature", "id": "gemeente_gegeneraliseerd.1", "bbox": [0, 0, 1, 1],
    ...                       "properties": {"statcode": "GM0014", "jrstatcode": "2024GM0014",
    ...                                      "statnaam": "Groningen", "rubriek": "gemeente", "id": 1},
    ...                       "geometry": {"type": "MultiPolygon", "coordinates": []}}]}
    >>> for line in describe_answer(page, "application/json; charset=utf-8", "https://service.pdok.nl/..."):
    ...     print(line)
    PDOK https://service.pdok.nl/...
      Content-Type: application/json; charset=utf-8
      members: type, name, numberMatched, crs, bbox, features
      numberMatched 342, numberReturned absent; 1 feature(s) in this answer
      crs 'urn:ogc:def:crs:EPSG::28992'; bbox [13565.4, 306846.2, 278026.1, 619352.4]
      first feature: id 'gemeente_gegeneraliseerd.1', geometry MultiPolygon, own bbox yes
      properties: statcode str 'GM0014', jrstatcode str '2024GM0014', statnaam str 'Groningen', ...
    """
    features = page.get("features") or []
    crs = ((page.get("crs") or {}).get("properties") or {}).get("name")
    returned = f"numberReturned {page['numberReturned']}" if "numberReturned" in page else "numberReturned absent"
    matched = f"numberMatched {page['numberMatched']!r}" if "numberMatched" in page else "numberMatched absent"
    nl = lang == "nl"
    if nl:
        returned, matched = (returned.replace(" absent", " ontbreekt"), matched.replace(" absent", " ontbreekt"))
    lines = [f"PDOK {url}", f"  Content-Type: {content_type}",
             f"  {t(lang, 'onderdelen', 'members')}: {', '.join(page)}",
             t(lang, f"  {matched}, {returned}; {len(features)} feature(s) in dit antwoord",
               f"  {matched}, {returned}; {len(features)} feature(s) in this answer"),
             f"  crs {crs!r}; bbox {page.get('bbox', t(lang, 'ontbreekt', 'absent'))}"]
    if features:
        feat = features[0]
        props = feat.get("properties") or {}
        geometry = (feat.get("geometry") or {}).get("type")
        own = ("ja" if nl else "yes") if "bbox" in feat else ("nee" if nl else "no")
        lines.append(t(lang, f"  eerste feature: id {feat.get('id')!r}, geometrie {geometry}, eigen bbox {own}",
                       f"  first feature: id {feat.get('id')!r}, geometry {geometry}, own bbox {own}"))
        lines.append(t(lang, "  eigenschappen: ", "  properties: ")
                     + ", ".join(f"{k} {type(v).__name__} {v!r}" for k, v in props.items()))
    return lines


def features_to_frame(features: list[dict], crs: str, *, source: str) -> gpd.GeoDataFrame:
    """Turn GeoJSON features into a GeoDataFrame with ``statcode, statnaam, jrstatcode, rubriek`` (pure).

    Parameters
    ----------
    features
        GeoJSON features as the WFS hands them out (see :func:`fetch_features`).
    crs
        The CRS their coordinates are in.
    source
        What they are, for messages.

    Returns
    -------
    geopandas.GeoDataFrame
        Those of the four columns that the features have, and ``geometry``;
        other properties dropped, codes stripped, sorted by ``statcode``.

    Raises
    ------
    SourceError
        If ``statnaam`` is missing or a code occurs twice.

    Examples
    --------
    Two features in the form of the WFS answer (made-up 15 x 30 km rectangles in RD New; properties in the
    order PDOK's layers have them):

    >>> def feature(code, name, x):
    ...     ring = [[x, 440000], [x + 15000, 440000], [x + 15000, 470000], [x, 470000], [x, 440000]]
    ...     return {"type": "Feature", "id": f"gemeente_gegeneraliseerd.{code}",
    ...             "bbox": [x, 440000, x + 15000, 470000],
    ...             "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
    ...             "properties": {"statcode": code, "jrstatcode": f"2025{code}", "statnaam": name,
    ...                            "rubriek": "gemeente", "id": 1}}
    >>> features = [feature("GM0363", "Amsterdam", 155000), feature("GM0344", "Utrecht", 140000)]
    >>> gdf = features_to_frame(features, "EPSG:28992", source="PDOK example")
    >>> gdf.drop(columns="geometry")
      statcode   statnaam  jrstatcode   rubriek
    0   GM0344    Utrecht  2025GM0344  gemeente
    1   GM0363  Amsterdam  2025GM0363  gemeente
    >>> gdf.crs.to_epsg(), (gdf.area / 1e6).tolist()
    (28992, [450.0, 450.0])
    >>> features_to_frame(features + features[:1], "EPSG:28992", source="PDOK example")
    Traceback (most recent call last):
    ...
    regio.errors.SourceError: PDOK example: codes occur more than once: GM0363.
    """
    gdf = gpd.GeoDataFrame.from_features(features, crs=crs)
    if "statnaam" not in gdf.columns:
        raise SourceError(f"{source}: features have no 'statnaam'; properties: {', '.join(gdf.columns)}.",
                          key="src.pdok_no_statnaam", source=source, columns=", ".join(gdf.columns))
    gdf["statcode"] = gdf["statcode"].astype(str).str.strip()
    dup = gdf["statcode"][gdf["statcode"].duplicated()]
    if len(dup):
        raise SourceError(f"{source}: codes occur more than once: {format_codes(dup)}.",
                          key="src.pdok_duplicate_codes", source=source, codes=format_codes(dup))
    cols = [c for c in KEEP if c in gdf.columns]
    return gdf[[*cols, "geometry"]].sort_values("statcode", ignore_index=True)


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path, *, layer: str) -> Path:
    """Write ``gdf`` as RFC 7946 GeoJSON in EPSG:4326 (1e-6 degrees), atomically.

    Parameters
    ----------
    gdf
        The regions, in any declared CRS.
    path
        The file to write; an existing file is replaced only when writing succeeds.
    layer
        Layer name in the file (e.g. ``gemeente_2025``).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    SourceError
        If ``gdf`` has no CRS.

    Examples
    --------
    >>> import json, tempfile
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"statcode": ["GM0363"], "statnaam": ["Amsterdam"]},
    ...                        geometry=[box(120000, 480000, 125000, 490000)], crs=RD_NEW)
    >>> path = write_geojson(gdf, Path(tempfile.mkdtemp()) / "gemeente_2025.geojson", layer="gemeente_2025")
    >>> back = gpd.read_file(path)
    >>> back.crs.to_epsg(), back["statcode"].tolist()
    (4326, ['GM0363'])
    >>> lon, lat = json.loads(path.read_text())["features"][0]["geometry"]["coordinates"][0][0]
    >>> [len(str(v).split(".")[1]) <= 6 for v in (lon, lat)]
    [True, True]
    """
    if gdf.crs is None:
        raise SourceError(f"{layer}: no CRS; cannot write {path}.", key="src.pdok_no_crs", layer=layer, path=path)
    out = gdf.to_crs(WGS84)
    with atomic_path(path) as tmp:
        out.to_file(tmp, driver="GeoJSON", layer=layer, COORDINATE_PRECISION=6, RFC7946="YES")
    return Path(path)


def download_boundaries(
    level: str,
    year: int,
    path: str | Path,
    *,
    base: str | None = None,
    page_size: int = PAGE_SIZE,
    on_page: Callable[[int], object] | None = None,
) -> dict:
    """Download one level and year from PDOK into ``path`` (GeoJSON, EPSG:4326).

    Parameters
    ----------
    level
        Level name or alias (see :data:`PDOK_LEVELS`).
    year
        Year of the gebiedsindelingen.
    path
        File to write (see :func:`write_geojson`).
    base
        Root URL (default ``REGIO_PDOK_URL`` or PDOK's).
    page_size
        ``count`` asked for per request.
    on_page
        Called with the number of features of each page (for a progress bar).

    Returns
    -------
    dict
        What the manifest records: ``source``, ``url``, ``table`` (feature
        type), ``features``, ``crs`` (as written and as served).

    Raises
    ------
    OfflineError, SourceError, InputError
        As :func:`fetch_features` and :func:`features_to_frame`.

    Examples
    --------
    >>> info = download_boundaries("provincie", 2025, "boundaries/provincie_2025.geojson")  # doctest: +SKIP
    >>> info["features"], info["table"]  # doctest: +SKIP
    (12, 'gebiedsindelingen:provincie_gegeneraliseerd')
    """
    lvl = get_level(level).name
    features, crs, url = fetch_features(lvl, year, base=base, page_size=page_size, on_page=on_page)
    gdf = features_to_frame(features, crs, source=f"PDOK {type_name(lvl)} {year}")
    write_geojson(gdf, path, layer=f"{lvl}_{int(year)}")
    return {
        "source": f"CBS gebiedsindelingen {int(year)} via PDOK WFS ({type_name(lvl)}), CC BY 4.0",
        "url": url,
        "table": type_name(lvl),
        "features": len(gdf),
        "crs": f"{WGS84} (served in {crs}, reprojected by regio)",
    }

