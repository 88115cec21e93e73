"""CBS StatLine online, through the ``cbsodata`` package: physician counts and municipal population.

Tables
------
``84777NED``
    Medisch geschoolden; specialisme, arbeidspositie, sector, woonregio
    (BIG-registered professionals by place of residence).
``84779NED``
    Medisch geschoolden; specialisme, arbeidspositie, leeftijd, woonregio.
``70072ned``
    Regionale kerncijfers Nederland; topic ``TotaleBevolking_1`` is the
    population on 1 January per region (``RegioS``) and year (``Perioden``).

The format (CBS open data, OData version 3, the "Feed" service that cbsodata
reads at ``{root}/ODataFeed/odata/{table}/``), as real recorded answers show it
(80137ned and 83599NED; see ``docs/data.md``, "What the services answer"):

* the table root lists its entity sets (``{"name", "url"}``): ``TableInfos``,
  ``UntypedDataSet``, ``TypedDataSet``, ``DataProperties``,
  ``CategoryGroups`` and one set per dimension;
* ``DataProperties`` describes the columns: ``Type`` (``Dimension``,
  ``GeoDimension``, ``GeoDetail``, ``TimeDimension``, ``TopicGroup``,
  ``Topic``), ``Key`` (the column name in the data) and ``Title``; topics
  have ``Datatype`` ``"Double"`` (so values arrive as floats, ``7559.0``),
  ``Unit`` and ``Decimals``; ``Description`` is ``null`` when empty and a
  ``TopicGroup`` has ``Position`` ``null``;
* a dimension set lists its categories with ``Key`` and ``Title``; keys of
  one dimension are padded with spaces to one width (``'NL01  '`` and
  ``'PV22  '`` in a 6-wide ``RegioS``, ``'300010 '`` in a 7-wide SBI), and
  ``$filter`` must quote them padded; titles may end in a space (``'2024 '``);
* ``Perioden`` categories (``YYYYJJ00`` for years) carry ``Status``:
  ``Definitief``, or ``Voorlopig`` / ``NaderVoorlopig`` for provisional years,
  whose titles have no ``*``; in 70072ned every ``Status`` is ``null``;
* ``TypedDataSet`` has one row per combination of dimension categories: the
  dimension columns hold category keys (padded), the topic columns numbers
  or ``null``; ``UntypedDataSet`` the same as text (``'   135.5'``);
* every answer is ``{"odata.metadata": ..., "value": [...]}``, continued by
  ``"odata.nextLink"`` after 10,000 rows: the request's URL with its query
  options repeated and ``$skip=10000`` appended, under
  ``/ODataFeed/OData/`` (capital D; CBS accepts either case).

Keys of dimensions, categories and topics differ between tables and vintages,
so nothing here hard-codes them beyond the period codes (``YYYYJJ00``) and
region prefixes (``GM``) that CBS documents: dimensions are recognised by
their ``Type`` and by words in their ``Key`` or ``Title``, categories by their
``Title`` (e.g. "Arts; huisartsgeneeskunde"), topics by their ``Title``
("Medisch geschoolden", "Totale bevolking"). Filters (``$filter``) and column
selections (``$select``) are sent to the server and applied again locally, so
a server that ignores them gives the same result. Counts must be whole
numbers: ``7559.0`` is read as 7559, a value such as ``7559.5`` is refused
(:class:`~regio.errors.SourceError` naming the row), for it means the topic is
not a count (an average population has halves).

Every request cbsodata sends goes through a :class:`regio.sources._online.Pager`:
a page whose connection drops mid-answer is sent again (3 attempts, pauses of
1 and 2 s), and still failing it is a :class:`~regio.errors.SourceError`
naming the table, the page and the rows received before it; one chain of
``odata.nextLink`` has at most 2,000 pages.

The base URL is ``REGIO_CBS_URL`` (default ``https://opendata.cbs.nl``),
handed to cbsodata as its ``catalog_url`` (with ``cbsodata.options.use_https``
following the URL's scheme).
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

import cbsodata
import numpy as np
import pandas as pd

from regio.errors import InputError, Phrase, RegioWarning, SourceError, UnknownYearError, format_codes
from regio.sources._cbs_http import _cbsodata_at, _paged, _request_kwargs
from regio.sources._online import CBS_URL_ENV, DEFAULT_CBS_URL, DRY_RUN_COMMAND, base_url, network_errors
from regio.sources.physicians import PROFESSIONS, normalise_profession, tidy_cbs_extract

__all__ = [
    "PHYSICIAN_TABLES",
    "POPULATION_TABLE",
    "StatlineTable",
    "cbs_url",
    "describe_table",  # noqa: F822 (in regio.sources.statline_describe, loaded by __getattr__)
    "fetch_metadata",
    "fetch_physician_extract",
    "fetch_physicians",
    "fetch_population",
    "fetch_table",
    "period_years",
    "physician_years",
    "population_from_table",
    "table_url",
]

log = logging.getLogger(__name__)

#: The CBS tables of BIG-registered professionals by place of residence.
PHYSICIAN_TABLES = {
    "84777NED": "Medisch geschoolden; specialisme, arbeidspositie, sector, woonregio",
    "84779NED": "Medisch geschoolden; specialisme, arbeidspositie, leeftijd, woonregio",
}
#: Regionale kerncijfers Nederland.
POPULATION_TABLE = "70072ned"

DIMENSION_TYPES = ("Dimension", "GeoDimension", "GeoDetail", "TimeDimension")

#: Roles of dimensions, recognised by words in their Key or Title.
_ROLE_WORDS = {
    "profession": r"beroep|specialism",
    "sector": r"sector",
    "category": r"sociaal\s*-?economisch|arbeidspositie",
    "age": r"leeftijd",
}
#: Default category of a role; roles without one take the category titled "Totaal...".
_ROLE_DEFAULTS = {"category": "Werknemer of zelfstandige"}

_YEAR_KEY = re.compile(r"^(?P<year>\d{4})JJ00$")
_SUFFIX = re.compile(r"\s*\((?:gemeente|[A-Z]{2})\)\s*$")
_MISSING_TEXT = {"", ".", "-", "x", "?"}


def cbs_url() -> str:
    """Return the StatLine root in use: ``REGIO_CBS_URL`` or ``https://opendata.cbs.nl``.

    Returns
    -------
    str
        The root URL without trailing ``/``.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"REGIO_CBS_URL": ""}):
    ...     cbs_url()
    'https://opendata.cbs.nl'
    >>> with mock.patch.dict(os.environ, {"REGIO_CBS_URL": "http://mirror.example:8080/"}):
    ...     table_url("70072ned")
    'http://mirror.example:8080/ODataFeed/odata/70072ned/'
    """
    return base_url(CBS_URL_ENV, DEFAULT_CBS_URL)


def table_url(table_id: str, *, base: str | None = None) -> str:
    """Return the URL of a table in the Feed service (the one cbsodata reads).

    Parameters
    ----------
    table_id
        StatLine table identifier, e.g. ``70072ned``.
    base
        StatLine root (default :func:`cbs_url`).

    Returns
    -------
    str
        ``{base}/ODataFeed/odata/{table_id}/``.

    Examples
    --------
    >>> table_url("70072ned", base="https://opendata.cbs.nl")
    'https://opendata.cbs.nl/ODataFeed/odata/70072ned/'
    """
    return f"{(base or cbs_url()).rstrip('/')}/ODataFeed/odata/{table_id}/"


@dataclass(frozen=True)
class StatlineTable:
    """A StatLine table as downloaded: its metadata and (possibly filtered) rows.

    Attributes
    ----------
    table_id, url
        Table identifier and the Feed URL it was read from.
    properties
        ``DataProperties`` entries (``Type``, ``Key``, ``Title``, ...).
    dimensions
        Dimension ``Key`` -> its categories (``Key``, ``Title``, ...).
    rows
        Rows of ``TypedDataSet`` (empty when only metadata was fetched).
    """

    table_id: str
    url: str
    properties: list[dict]
    dimensions: dict[str, list[dict]]
    rows: list[dict] = field(default_factory=list)

    def dimension_keys(self) -> list[str]:
        """Return the keys of the dimension columns, in table order.

        Returns
        -------
        list of str
            ``Key`` of each ``DataProperties`` entry of type ``Dimension``,
            ``GeoDimension``, ``GeoDetail`` or ``TimeDimension`` (not topics).

        Examples
        --------
        ``DataProperties`` of 70072ned, trimmed to the fields regio reads:

        >>> table = StatlineTable("70072ned", "https://opendata.cbs.nl/ODataFeed/odata/70072ned/", properties=[
        ...     {"ID": 0, "Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
        ...     {"ID": 1, "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
        ...     {"ID": 2, "Type": "TopicGroup", "Key": "", "Title": "Bevolking"},
        ...     {"ID": 3, "Type": "Topic", "Key": "TotaleBevolking_1", "Title": "Totale bevolking"}],
        ...     dimensions={})
        >>> table.dimension_keys()
        ['RegioS', 'Perioden']
        """
        return [p["Key"] for p in self.properties if p.get("Type") in DIMENSION_TYPES]

    def titles(self, dimension: str) -> dict[str, str]:
        """Return category key (stripped) -> title of one dimension.

        Parameters
        ----------
        dimension
            Dimension key, e.g. ``RegioS``.

        Returns
        -------
        dict
            Keys without their padding spaces; a category without ``Title``
            is titled by its key. Empty for an unknown dimension or one whose
            categories were not fetched.

        Examples
        --------
        Keys of one dimension share one width (here 6, as ``RegioS`` of
        83599NED), titles may end in a space:

        >>> table = StatlineTable("70072ned", "https://opendata.cbs.nl/ODataFeed/odata/70072ned/", properties=[],
        ...     dimensions={"RegioS": [{"Key": "GM0344", "Title": "Utrecht (gemeente)", "Description": None},
        ...                            {"Key": "PV26  ", "Title": "Utrecht (PV) ", "Description": None}]})
        >>> table.titles("RegioS")
        {'GM0344': 'Utrecht (gemeente)', 'PV26': 'Utrecht (PV)'}
        >>> table.titles("Perioden")
        {}
        """
        return {str(c["Key"]).strip(): _title(c) for c in self.dimensions.get(dimension, [])}


def fetch_metadata(table_id: str, *, base: str | None = None, dimensions: bool = True) -> StatlineTable:
    """Download ``DataProperties`` and (if ``dimensions``) the categories of every dimension.

    Parameters
    ----------
    table_id
        StatLine table identifier, e.g. ``70072ned`` or ``84777NED``.
    base
        StatLine root (default ``REGIO_CBS_URL`` or https://opendata.cbs.nl).
    dimensions
        Also download the categories of each dimension (one request each).

    Returns
    -------
    StatlineTable
        Its ``properties`` and ``dimensions`` (empty if not asked for); no rows.

    Raises
    ------
    OfflineError
        No connection (with what to do instead).
    SourceError
        The table does not exist or the answer is not in the StatLine format.

    Examples
    --------
    >>> meta = fetch_metadata("70072ned", dimensions=False)  # doctest: +SKIP
    >>> meta.dimension_keys()  # doctest: +SKIP
    ['RegioS', 'Perioden']
    """
    base = base or cbs_url()
    url = table_url(table_id, base=base)
    what = Phrase(f"CBS StatLine table {table_id}", "src.statline_what", table=table_id)  # said in the message's words
    with network_errors(what, url), _cbsodata_at(base) as catalog, _paged(what):
        props = cbsodata.get_meta(table_id, "DataProperties", catalog_url=catalog, **_request_kwargs(url))
        dims = {}
        if dimensions:
            for p in props:
                if p.get("Type") in DIMENSION_TYPES:
                    dims[p["Key"]] = cbsodata.get_meta(table_id, p["Key"], catalog_url=catalog,
                                                       **_request_kwargs(url))
    return StatlineTable(table_id, url, list(props), dims)


def fetch_table(
    table_id: str,
    *,
    filters: str | None = None,
    select: list[str] | None = None,
    base: str | None = None,
) -> StatlineTable:
    """Download a table's metadata and rows with ``cbsodata.download_data``.

    ``filters`` and ``select`` are OData ``$filter`` / ``$select`` expressions
    evaluated by the server; cbsodata follows ``odata.nextLink`` until every
    page is in. Dimension columns keep their category keys (``cbsodata.get_data``
    would replace them by titles).

    Parameters
    ----------
    table_id
        StatLine table identifier.
    filters
        OData ``$filter`` expression, e.g. ``"Perioden eq '2024JJ00'"``.
    select
        Columns to download (``$select``); default all.
    base
        StatLine root (default ``REGIO_CBS_URL`` or https://opendata.cbs.nl).

    Returns
    -------
    StatlineTable
        Metadata, the categories of the dimensions, and the rows of
        ``TypedDataSet`` (dimension keys still padded with spaces).

    Raises
    ------
    OfflineError
        No connection (with what to do instead).
    SourceError
        The table does not exist or the answer is not in the StatLine format.

    Examples
    --------
    >>> data = fetch_table("70072ned", filters="Perioden eq '2024JJ00' and startswith(RegioS,'GM')",
    ...                    select=["RegioS", "Perioden", "TotaleBevolking_1"])  # doctest: +SKIP
    >>> len(population_from_table(data, 2024))  # doctest: +SKIP
    342
    """
    base = base or cbs_url()
    url = table_url(table_id, base=base)
    what = Phrase(f"CBS StatLine table {table_id}", "src.statline_what", table=table_id)  # said in the message's words
    with network_errors(what, url), _cbsodata_at(base) as catalog, _paged(what):
        # download_data(typed=False) downloads "TypedDataSet" in cbsodata 1.3.5 (it drops the
        # *other* data set from the list it walks); take whichever of the two came back.
        data = cbsodata.download_data(table_id, filters=filters, select=select, catalog_url=catalog,
                                      **_request_kwargs(url))
        props = data["DataProperties"]
        rows = data["TypedDataSet"] if "TypedDataSet" in data else data["UntypedDataSet"]
        dims = {p["Key"]: data.get(p["Key"], []) for p in props if p.get("Type") in DIMENSION_TYPES}
    log.info("CBS %s: %d rows (filter %s)", table_id, len(rows), filters)
    return StatlineTable(table_id, url, list(props), dims, list(rows))


# ----------------------------------------------------------------------------- metadata lookups

def _text(prop: dict) -> str:
    return f"{prop.get('Key', '')} {prop.get('Title') or ''}"


def _title(entry: dict) -> str:
    """Title of a category or property without padding (titles can end in a space); its key if it has none."""
    return str(entry.get("Title") or entry.get("Key") or "").strip()


def _dimension(table: StatlineTable, role: str) -> str | None:
    """Key of the dimension playing ``role`` (region, period, profession, sector, category, age)."""
    props = [p for p in table.properties if p.get("Type") in DIMENSION_TYPES]
    if role == "region":
        hits = [p for p in props if p["Type"] in ("GeoDimension", "GeoDetail")] or \
               [p for p in props if re.search(r"regio", _text(p), re.I)]
    elif role == "period":
        hits = [p for p in props if p["Type"] == "TimeDimension"] or \
               [p for p in props if re.search(r"perio", _text(p), re.I)]
    else:
        hits = [p for p in props if p["Type"] == "Dimension" and re.search(_ROLE_WORDS[role], _text(p), re.I)]
    if len(hits) > 1:
        found = ", ".join(h["Key"] for h in hits)
        raise SourceError(f"CBS {table.table_id}: more than one dimension looks like the {role} "
                          f"({found}); pass choices by dimension key.", key="sources.statline.dimension_twice",
                          table=table.table_id, role=role, found=found)
    return hits[0]["Key"] if hits else None


def _topic(table: StatlineTable, pattern: str) -> dict:
    topics = [p for p in table.properties if p.get("Type") == "Topic"]
    hits = [p for p in topics if re.match(pattern, _title(p), re.I)]
    if len(hits) == 1:
        return hits[0]
    if not hits and len(topics) == 1:
        return topics[0]
    listed = "; ".join(f"{p['Key']} ({p.get('Title')})" for p in topics[:20])
    raise SourceError(f"CBS {table.table_id}: expected one topic titled like {pattern!r}, found "
                      f"{len(hits)}. Topics: {listed or 'none'}.",
                      key="sources.statline.topic_count" if listed else "sources.statline.topic_count_none",
                      table=table.table_id, pattern=pattern, n=len(hits), listed=listed)


def _role_of(dimension: str, table: StatlineTable) -> str | None:
    prop = next(p for p in table.properties if p.get("Key") == dimension)
    for role, words in _ROLE_WORDS.items():
        if re.search(words, _text(prop), re.I):
            return role
    return None


def period_years(table: StatlineTable) -> dict[int, dict]:
    """Return year -> period category (``Key``, ``Title``, ``Status``) of the yearly periods (``YYYYJJ00``).

    Parameters
    ----------
    table
        A table with the categories of its period dimension (the
        ``TimeDimension``, else a dimension named like "Perioden").

    Returns
    -------
    dict
        Year (int) -> its category as StatLine lists it; quarters, months
        and other periods are left out. Empty without a period dimension.

    Examples
    --------
    Provisional years carry ``Status`` "Voorlopig" or "NaderVoorlopig", not a
    ``*`` in the title (which may end in a space):

    >>> table = StatlineTable("84777NED", "https://opendata.cbs.nl/ODataFeed/odata/84777NED/",
    ...     properties=[{"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"}],
    ...     dimensions={"Perioden": [{"Key": "2022JJ00", "Title": "2022", "Description": None, "Status": "Definitief"},
    ...                              {"Key": "2023JJ00", "Title": "2023 ", "Description": None,
    ...                               "Status": "NaderVoorlopig"},
    ...                              {"Key": "2023KW01", "Title": "2023 1e kwartaal", "Description": None,
    ...                               "Status": "Voorlopig"}]})
    >>> {year: cat["Status"] for year, cat in period_years(table).items()}
    {2022: 'Definitief', 2023: 'NaderVoorlopig'}
    """
    dim = _dimension(table, "period")
    out = {}
    for cat in table.dimensions.get(dim, []) if dim else []:
        m = _YEAR_KEY.match(str(cat["Key"]).strip())
        if m:
            out[int(m["year"])] = cat
    return out


def _provisional(cat: dict) -> bool:
    status = str(cat.get("Status") or "").lower()
    return "voorlopig" in status or "*" in str(cat.get("Title", ""))


def _number(value: object) -> float:
    """Return a topic value as float; ``null`` and CBS's text markers for "no figure" become NaN."""
    if value is None:
        return np.nan
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    return np.nan if text in _MISSING_TEXT else float(text)


def _count(value: float, *, table: str, topic: dict, row: str) -> int:
    """Return a topic value (as :func:`_number` gives it) as a whole count; refuse a fraction.

    CBS topics are ``Datatype`` "Double", so counts arrive as ``7559.0``; a
    value with a fraction is not a count of people (70072ned-like tables have
    average populations such as ``17533043.5``), so it is refused rather than
    rounded.

    Examples
    --------
    >>> topic = {"Key": "TotaleBevolking_1", "Title": "Totale bevolking", "Decimals": 0}
    >>> _count(7559.0, table="70072ned", topic=topic, row="GM0363 2024")
    7559
    >>> _count(7559.5, table="70072ned", topic=topic, row="GM0363 2024")
    Traceback (most recent call last):
    ...
    regio.errors.SourceError: CBS 70072ned, topic TotaleBevolking_1 (Totale bevolking): 7559.5 for GM0363 2024 ...
    """
    whole = round(value)
    if abs(value - whole) > 1e-9 * max(1.0, abs(value)):
        title, decimals = str(topic.get("Title") or "").strip(), topic.get("Decimals")
        raise SourceError(
            f"CBS {table}, topic {topic.get('Key')} ({title}): {value!r} for {row} "
            f"is not a whole number, so this topic is not a count (Decimals {decimals!r}). Check the "
            f"table's topics with `{DRY_RUN_COMMAND}`.", key="sources.statline.not_a_count", table=table,
            topic=topic.get("Key"), title=title, value=value, row=row, decimals=decimals, command=DRY_RUN_COMMAND)
    return int(whole)


def _or(dimension: str, keys: Iterable[str]) -> str:
    return "(" + " or ".join(f"{dimension} eq '{k}'" for k in keys) + ")"


def _clean_name(title: str) -> str:
    """Drop a trailing level marker: ``"Utrecht (PV)"`` -> ``"Utrecht"``, ``"Utrecht (gemeente)"`` too."""
    return _SUFFIX.sub("", str(title)).strip()


# ----------------------------------------------------------------------------- physicians

def _choose(table: StatlineTable, dimension: str, role: str | None, choices: dict[str, str]) -> dict:
    cats = table.dimensions.get(dimension, [])
    wanted = choices.get(dimension) or (choices.get(role) if role else None) or _ROLE_DEFAULTS.get(role or "")
    if wanted is not None:
        hit = [c for c in cats if str(c.get("Title", "")).strip().lower() == str(wanted).strip().lower()
               or str(c["Key"]).strip() == str(wanted).strip()]
    else:
        hit = [c for c in cats if str(c.get("Title", "")).strip().lower().startswith("totaal")][:1]
    if not hit:
        titles = "; ".join(str(c.get("Title")) for c in cats[:30])
        what = f"category {wanted!r}" if wanted else "'Totaal' category"
        raise InputError(f"CBS {table.table_id}, dimension {dimension}: no {what}. Categories: {titles}. "
                         f"Choose one with choices={{'{role or dimension}': TITLE}}.",
                         key="sources.statline.no_category" if wanted else "sources.statline.no_total_category",
                         table=table.table_id, dimension=dimension, wanted=wanted, titles=titles,
                         choice=role or dimension)
    return hit[0]


def _physician_plan(table: StatlineTable, *, year: int | None, professions: Iterable[str] | None,
                    choices: dict[str, str]) -> dict:
    region, period, prof = (_dimension(table, r) for r in ("region", "period", "profession"))
    missing = [r for r, d in (("region", region), ("period", period), ("profession", prof)) if d is None]
    if missing:
        dims = ", ".join(f"{p['Key']} ({p.get('Title')})" for p in table.properties if p.get("Type") in DIMENSION_TYPES)
        roles = ", ".join(missing)
        raise SourceError(f"CBS {table.table_id}: cannot tell which dimension is the {roles}. "
                          f"Dimensions: {dims}.", key="sources.statline.which_dimension", table=table.table_id,
                          roles=roles, dims=dims)
    years = period_years(table)
    if year is not None and int(year) not in years:
        known = ", ".join(map(str, sorted(years)))
        raise UnknownYearError(f"CBS {table.table_id} has no figures for {year}. Years in the table: "
                               f"{known or 'none'}.",
                               key="sources.statline.no_year" if known else "sources.statline.no_years",
                               table=table.table_id, year=year, known=known)
    periods = [years[int(year)]] if year is not None else list(years.values())
    wanted = ({normalise_profession(p) for p in professions} if professions is not None else set(PROFESSIONS))
    prof_cats = [c for c in table.dimensions.get(prof, []) if normalise_profession(c.get("Title", "")) in wanted]
    if not prof_cats:
        titles = "; ".join(str(c.get("Title")) for c in table.dimensions.get(prof, [])[:30])
        raise InputError(f"CBS {table.table_id}: none of the professions {sorted(wanted)} is in the table. "
                         f"Professions there: {titles}.", key="sources.statline.no_profession",
                         table=table.table_id, wanted=sorted(wanted), titles=titles)
    fixed = {}
    for dim in table.dimension_keys():
        if dim in (region, period, prof):
            continue
        role = _role_of(dim, table)
        fixed[dim] = (role, _choose(table, dim, role, choices))
    return {"region": region, "period": period, "profession": prof, "periods": periods,
            "professions": prof_cats, "fixed": fixed, "topic": _topic(table, r"medisch\s+geschoolden")}


def _keep(rows: list[dict], allowed: dict[str, set[str]]) -> list[dict]:
    return [r for r in rows if all(str(r.get(dim, "")).strip() in keys for dim, keys in allowed.items())]


def fetch_physician_extract(
    *,
    table: str = "84777NED",
    year: int | None = None,
    professions: Iterable[str] | None = None,
    choices: dict[str, str] | None = None,
    base: str | None = None,
) -> pd.DataFrame:
    """Download BIG-registered professionals by place of residence as a CBS extract frame.

    The frame has the layout of the files in ``physicians/`` (read by
    :func:`regio.sources.physicians.read_cbs_extract`): ``cbs_table, period,
    beroep_specialisme, sector, region_code, woonregio, medisch_geschoolden,
    selection, source_url``; ``period`` carries a ``*`` when CBS marks the
    year provisional.

    Parameters
    ----------
    table
        ``84777NED`` (by sector) or ``84779NED`` (by age).
    year
        One year, or ``None`` for every year in the table.
    professions
        regio profession keys or CBS titles (default: those of
        :data:`regio.sources.physicians.PROFESSIONS`).
    choices
        The category to keep of each other dimension, by role (``sector``,
        ``category``, ``age``) or dimension key, as its CBS title. Defaults:
        category "Werknemer of zelfstandige", every other dimension its
        "Totaal..." category (e.g. "Totaal inclusief geen sector").
    base
        StatLine root (default ``REGIO_CBS_URL`` or https://opendata.cbs.nl).

    Raises
    ------
    UnknownYearError
        The year is not in the table (the message lists those that are).
    OfflineError, SourceError
        No connection; an answer not in the StatLine format.

    Warns
    -----
    RegioWarning
        Rows without a figure (``null``), which are left out, naming them.

    Returns
    -------
    pandas.DataFrame
        One row per region, year and profession, all values as in a CBS
        extract file (counts as text).

    Examples
    --------
    >>> extract = fetch_physician_extract(year=2018, professions=["huisarts"])  # doctest: +SKIP
    >>> extract.columns.tolist()  # doctest: +SKIP
    ['cbs_table', 'period', 'beroep_specialisme', 'sector', 'region_code', 'woonregio',
     'medisch_geschoolden', 'selection', 'source_url']
    >>> extract.to_csv("physicians/cbs84777NED_woonregio_2018.csv", index=False)  # doctest: +SKIP
    """
    meta = fetch_metadata(table, base=base)
    plan = _physician_plan(meta, year=year, professions=professions, choices=dict(choices or {}))
    region, period, prof = plan["region"], plan["period"], plan["profession"]
    allowed = {period: {str(c["Key"]).strip() for c in plan["periods"]},
               prof: {str(c["Key"]).strip() for c in plan["professions"]}}
    allowed |= {dim: {str(cat["Key"]).strip()} for dim, (_, cat) in plan["fixed"].items()}
    clauses = [_or(prof, [c["Key"] for c in plan["professions"]])]
    clauses += [f"{dim} eq '{cat['Key']}'" for dim, (_, cat) in plan["fixed"].items()]
    if year is not None:
        clauses.insert(0, _or(period, [c["Key"] for c in plan["periods"]]))
    topic = plan["topic"]["Key"]
    data = fetch_table(table, filters=" and ".join(clauses), select=[region, period, prof, *plan["fixed"], topic],
                       base=base)
    rows = _keep(data.rows, allowed)
    regions = data.titles(region) or meta.titles(region)
    profs = meta.titles(prof)
    per = {str(c["Key"]).strip(): c for c in plan["periods"]}
    sector = next((cat.get("Title") for dim, (role, cat) in plan["fixed"].items() if role == "sector"), None)
    selection = "; ".join(f"{_title(next(p for p in meta.properties if p['Key'] == dim))}: {_title(cat)}"
                          for dim, (_, cat) in plan["fixed"].items())
    records, empty = [], []
    for r in rows:
        code = str(r[region]).strip()
        cat = per[str(r[period]).strip()]
        value = _number(r.get(topic))
        year_ = _YEAR_KEY.match(str(cat["Key"]).strip())["year"]
        if np.isnan(value):
            empty.append(f"{code} {year_} {profs.get(str(r[prof]).strip())}")
            continue
        records.append({
            "cbs_table": table,
            "period": year_ + ("*" if _provisional(cat) else ""),
            "beroep_specialisme": profs.get(str(r[prof]).strip(), str(r[prof]).strip()),
            **({"sector": str(sector).strip()} if sector is not None else {}),
            "region_code": code,
            "woonregio": _clean_name(regions.get(code, code)),
            "medisch_geschoolden": str(_count(value, table=table, topic=plan["topic"],
                                              row=f"{code} {year_} {profs.get(str(r[prof]).strip())}")),
            "selection": selection,
            "source_url": data.url,
        })
    if empty:
        left = format_codes(empty, limit=10)
        warnings.warn(RegioWarning(f"CBS {table}: no figure (null) for {len(empty)} row(s), left out: {left}.",
                                   key="sources.statline.null_rows", table=table, n=len(empty), rows=left),
                      stacklevel=2)
    cols = ["cbs_table", "period", "beroep_specialisme", *(["sector"] if sector is not None else []),
            "region_code", "woonregio", "medisch_geschoolden", "selection", "source_url"]
    out = pd.DataFrame(records, columns=cols)
    key = out[["region_code", "period", "beroep_specialisme"]].astype(str).agg("/".join, axis=1)
    if key.duplicated().any():
        codes = format_codes(key[key.duplicated()])
        raise SourceError(f"CBS {table}: more than one row per region, year and profession after the "
                          f"selection ({codes}); a dimension was not fixed.", key="sources.statline.rows_twice",
                          table=table, codes=codes)
    return out


def fetch_physicians(
    *,
    table: str = "84777NED",
    year: int | None = None,
    professions: Iterable[str] | None = None,
    choices: dict[str, str] | None = None,
    base: str | None = None,
) -> pd.DataFrame:
    """Return physician counts from StatLine as the tidy frame of :data:`regio.sources.physicians.COLUMNS`.

    Same parameters as :func:`fetch_physician_extract`, whose frame this tidies
    exactly as :func:`regio.sources.physicians.read_cbs_extract` tidies the file
    it is written to. Rows that CBS cannot place ("Niet in te delen") have
    ``kind="unplaced"``, the national row ``kind="total"``.

    Parameters
    ----------
    table, year, professions, choices, base
        As :func:`fetch_physician_extract`.

    Returns
    -------
    pandas.DataFrame
        The tidy frame of :data:`regio.sources.physicians.COLUMNS`.

    Raises
    ------
    UnknownYearError, InputError, OfflineError, SourceError
        As :func:`fetch_physician_extract`.

    Examples
    --------
    >>> gps = fetch_physicians(year=2023, professions=["huisarts"])   # doctest: +SKIP
    >>> gps.groupby("kind")["count"].sum()                              # doctest: +SKIP
    """
    extract = fetch_physician_extract(table=table, year=year, professions=professions, choices=choices, base=base)
    return tidy_cbs_extract(extract, source=extract["source_url"].iloc[0] if len(extract) else table)


def physician_years(table: str = "84777NED", *, base: str | None = None) -> dict[int, bool]:
    """Return the years in a physician table -> whether CBS marks them provisional.

    Parameters
    ----------
    table
        ``84777NED`` or ``84779NED``.
    base
        StatLine root (default ``REGIO_CBS_URL`` or https://opendata.cbs.nl).

    Returns
    -------
    dict
        Year (int) -> ``True`` when its ``Status`` is "Voorlopig" or
        "NaderVoorlopig" (or its title has a ``*``, as on the cbs.nl pages);
        ``False`` for "Definitief" and for ``null`` (every period of
        70072ned); sorted by year.

    Raises
    ------
    OfflineError, SourceError
        As :func:`fetch_metadata`.

    Examples
    --------
    2023 was still provisional (cbs.nl showed "2023*") when the files in ``physicians/`` were stored:

    >>> years = physician_years("84777NED")  # doctest: +SKIP
    >>> years[2018], years[2023]  # doctest: +SKIP
    (False, True)
    """
    meta = fetch_metadata(table, base=base)
    return {y: _provisional(c) for y, c in sorted(period_years(meta).items())}


# ----------------------------------------------------------------------------- population

def population_from_table(data: StatlineTable, year: int) -> pd.DataFrame:
    """Municipal population of ``year`` from a downloaded 70072ned-like table (pure).

    Keeps the ``GM`` regions of period ``{year}JJ00`` that have a figure: the
    table lists every municipal code CBS ever issued and leaves those that did
    not exist in a year empty, so empty rows are not counts lost.

    Parameters
    ----------
    data
        A table with a region and a period dimension, one topic titled
        "Totale bevolking ..." and its rows (as :func:`fetch_table` returns).
    year
        The year (its period ``{year}JJ00``).

    Returns
    -------
    pandas.DataFrame
        Columns ``year, statcode, statnaam, population, source`` (the schema
        of ``tables/population_gemeente_timeseries.csv``), sorted by code;
        names without a level marker such as "(gemeente)".

    Raises
    ------
    UnknownYearError
        If no municipality has a figure for the year (saying whether the
        period exists but is still empty, and listing the years there are).
    SourceError
        If a municipality occurs twice, or the topic cannot be told.

    Examples
    --------
    A tiny answer of 70072ned (made-up figures, in the real form: keys of one
    width, values as floats, ``Status`` null): the country is not a
    municipality, and Haaren (dissolved in 2021) is listed but empty.

    >>> table = StatlineTable("70072ned", "https://opendata.cbs.nl/ODataFeed/odata/70072ned/", properties=[
    ...     {"Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
    ...     {"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
    ...     {"Type": "Topic", "Key": "TotaleBevolking_1", "Title": "Totale bevolking"}],
    ...     dimensions={"RegioS": [{"Key": "NL01  ", "Title": "Nederland"},
    ...                            {"Key": "GM0344", "Title": "Utrecht (gemeente)"},
    ...                            {"Key": "GM0363", "Title": "Amsterdam"},
    ...                            {"Key": "GM0788", "Title": "Haaren"}],
    ...                 "Perioden": [{"Key": "2025JJ00", "Title": "2025", "Status": None},
    ...                              {"Key": "2026JJ00", "Title": "2026", "Status": None}]},
    ...     rows=[{"ID": 0, "RegioS": "NL01  ", "Perioden": "2025JJ00", "TotaleBevolking_1": 3300.0},
    ...           {"ID": 1, "RegioS": "GM0344", "Perioden": "2025JJ00", "TotaleBevolking_1": 1200.0},
    ...           {"ID": 2, "RegioS": "GM0363", "Perioden": "2025JJ00", "TotaleBevolking_1": 2100.0},
    ...           {"ID": 3, "RegioS": "GM0788", "Perioden": "2025JJ00", "TotaleBevolking_1": None},
    ...           {"ID": 4, "RegioS": "GM0363", "Perioden": "2026JJ00", "TotaleBevolking_1": None}])
    >>> pop = population_from_table(table, 2025)
    >>> pop[["year", "statcode", "statnaam", "population"]]
       year statcode   statnaam  population
    0  2025   GM0344    Utrecht        1200
    1  2025   GM0363  Amsterdam        2100
    >>> print(pop["source"][0])
    CBS StatLine 70072ned TotaleBevolking_1 (Totale bevolking, 1 January 2025)
    >>> population_from_table(table, 2026)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownYearError: CBS 70072ned has no municipal population for 2026: the period exists but ...
    """
    region, period = _dimension(data, "region"), _dimension(data, "period")
    topic = _topic(data, r"totale\s+bevolking")
    key = f"{int(year)}JJ00"
    names = data.titles(region)
    rows = [r for r in data.rows if str(r.get(period, "")).strip() == key
            and str(r.get(region, "")).strip().startswith("GM")]
    values = [(_number(r.get(topic["Key"])), str(r[region]).strip()) for r in rows]
    have = [(v, c) for v, c in values if not np.isnan(v)]
    if not have:
        years = period_years(data)
        listed = int(year) in years
        state = ("the period exists but holds no municipal figures yet (CBS lists periods before it "
                 "publishes them)" if listed else "the period is not in the table")
        known = ", ".join(map(str, sorted(years))) or "unknown"
        raise UnknownYearError(
            f"CBS {data.table_id} has no municipal population for {year}: {state}. Years in the table: "
            f"{known}. Choose an earlier --year.",
            key="sources.statline.population_not_yet" if listed else "sources.statline.population_no_period",
            table=data.table_id, year=year, known=known)
    out = pd.DataFrame({
        "year": int(year),
        "statcode": [c for _, c in have],
        "statnaam": [_clean_name(names.get(c, c)) for _, c in have],
        "population": [_count(v, table=data.table_id, topic=topic, row=f"{c} {year}") for v, c in have],
        "source": f"CBS StatLine {data.table_id} {topic['Key']} ({topic.get('Title', '').strip()}, 1 January {year})",
    })
    dup = out["statcode"][out["statcode"].duplicated()]
    if len(dup):
        codes = format_codes(dup)
        raise SourceError(f"CBS {data.table_id}: more than one row for {codes} in {year}.",
                          key="sources.statline.region_twice", table=data.table_id, codes=codes, year=year)
    log.info("CBS %s %s: %d municipalities with population, %d empty codes left out",
             data.table_id, year, len(out), len(values) - len(have))
    return out.sort_values("statcode", ignore_index=True)


def fetch_population(year: int, *, table: str = POPULATION_TABLE, base: str | None = None) -> pd.DataFrame:
    """Municipal population on 1 January of ``year`` from StatLine (70072ned).

    Sends ``$filter=Perioden eq '{year}JJ00' and startswith(RegioS,'GM')`` and
    ``$select`` of the region, period and population columns (their keys taken
    from ``DataProperties``). See :func:`population_from_table` for the result.

    Parameters
    ----------
    year
        The year (population on 1 January).
    table
        StatLine table (default ``70072ned``).
    base
        StatLine root (default ``REGIO_CBS_URL`` or https://opendata.cbs.nl).

    Returns
    -------
    pandas.DataFrame
        Columns ``year, statcode, statnaam, population, source``, one row per
        municipality of that year.

    Raises
    ------
    UnknownYearError
        If the table has no municipal figures for the year (yet).
    OfflineError, SourceError
        No connection; an answer not in the StatLine format.

    Examples
    --------
    >>> pop = fetch_population(2024)  # doctest: +SKIP
    >>> pop.columns.tolist()  # doctest: +SKIP
    ['year', 'statcode', 'statnaam', 'population', 'source']
    >>> len(pop)  # doctest: +SKIP
    342
    """
    meta = fetch_metadata(table, base=base, dimensions=False)
    region, period = _dimension(meta, "region"), _dimension(meta, "period")
    if region is None or period is None:
        raise SourceError(f"CBS {table}: no region or period dimension in DataProperties.",
                          key="sources.statline.no_region_period", table=table)
    topic = _topic(meta, r"totale\s+bevolking")["Key"]
    data = fetch_table(table, filters=f"{period} eq '{int(year)}JJ00' and startswith({region},'GM')",
                       select=[region, period, topic], base=base)
    return population_from_table(data, year)


def __getattr__(name: str):
    """Load ``describe_table`` from :mod:`regio.sources.statline_describe` (which imports this module) on use."""
    if name == "describe_table":
        from regio.sources.statline_describe import describe_table
        return describe_table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
