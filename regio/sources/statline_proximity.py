"""CBS proximity indicators per municipality from StatLine, in the layout of ``kerncijfers_gemeente_2024.csv``.

CBS publishes the proximity indicators (nabijheid voorzieningen) of a year in
its own table, "Nabijheid voorzieningen; afstand locatie, wijk- en
buurtcijfers {year}" (:data:`PROXIMITY_TABLES`); the table "Kerncijfers wijken
en buurten" of the year (85984NED for 2024) carries only the distance to the
nearest GP practice and four other distances, not the number of practices
within 1, 3 and 5 km nor the distances to a huisartsenpost, pharmacy and
hospital. The table has no period dimension; its region dimension
``WijkenEnBuurten`` holds the country, municipalities, wijken and buurten
(keys ``GM0363`` padded to 10).

The topics are recognised as :mod:`regio.sources.statline` does, by their
``Title`` or the stem of their ``Key`` (the name without the ``_5`` suffix, a
position that changes between years), never by a full key:

* ``Afstand tot huisartsenpraktijk`` (``AfstandTotHuisartsenpraktijk``);
* ``Binnen 1 km`` / ``3 km`` / ``5 km`` (``Binnen1Km``...) that follow it,
  before the next distance topic;
* ``Afstand tot huisartsenpost``, ``Afstand tot apotheek``;
* ``Afstand tot ziekenhuis``: the one whose title or topic group says "incl."
  (buitenpolikliniek), else the first (CBS lists "incl." first, as the column
  order of ``kerncijfers_gemeente_2024.csv`` shows).

:func:`fetch_proximity` writes nothing; ``regio data fetch --what proximity``
(:func:`regio.sources.fetch.fetch_data`) writes its frame to
``tables/proximity_gemeente_{year}.csv``, which
:func:`regio.sources.proximity.read_proximity` reads.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from regio.errors import SourceError, UnknownYearError, format_codes
from regio.sources._online import DRY_RUN_COMMAND
from regio.sources.proximity import CODE_COLUMN, COLUMNS, MISSING_CODES, NAME_COLUMN
from regio.sources.statline import StatlineTable, _dimension, _number, _title, fetch_metadata, fetch_table
from regio.text import t

__all__ = ["PROXIMITY_TABLES", "describe_proximity", "fetch_proximity", "proximity_from_table", "proximity_plan",
           "proximity_table"]

#: CBS "Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers {year}", per year.
PROXIMITY_TABLES = {2022: "85560NED", 2023: "85830NED", 2024: "86134NED", 2025: "86270NED"}

#: What each regio column is recognised by: (title pattern, key stem).
_DISTANCES = {
    "huisartsenpraktijk_afstand_km": (r"afstand\s+tot\s+huisartsenpraktijk", "AfstandTotHuisartsenpraktijk"),
    "huisartsenpost_afstand_km": (r"afstand\s+tot\s+huisartsenpost", "AfstandTotHuisartsenpost"),
    "apotheek_afstand_km": (r"afstand\s+tot\s+apothe", "AfstandTotApotheek"),
    "ziekenhuis_afstand_km": (r"afstand\s+tot\s+ziekenhuis", "AfstandTotZiekenhuis"),
}
_WITHIN = {f"huisartsenpraktijk_binnen_{k}km": k for k in (1, 3, 5)}


def proximity_table(year: int, table: str | None = None) -> str:
    """Return the CBS table of the proximity indicators of ``year`` (``table`` if given).

    Examples
    --------
    >>> proximity_table(2023), proximity_table(2021, "85231NED")
    ('85830NED', '85231NED')
    >>> proximity_table(2019)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownYearError: regio knows the CBS proximity tables of 2022, 2023, 2024, 2025, not of 2019. ...
    """
    if table:
        return str(table).strip()
    if int(year) not in PROXIMITY_TABLES:
        known = ", ".join(map(str, PROXIMITY_TABLES))
        raise UnknownYearError(
            f"regio knows the CBS proximity tables of {known}, not of {year}. Look up the table "
            f"'Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers {year}' on StatLine and pass its "
            "id with --proximity-table (table= in Python).", key="sources.proximity.unknown_year", known=known,
            year=year)
    return PROXIMITY_TABLES[int(year)]


def _stem(key: str) -> str:
    return re.sub(r"_\d+$", "", str(key or ""))


def _is(prop: dict, pattern: str, stem: str) -> bool:
    return bool(re.match(pattern, _title(prop), re.I)) or _stem(prop.get("Key")) == stem


def _groups(table: StatlineTable, prop: dict) -> str:
    """Return the titles of a topic's groups, innermost first (``ParentID`` chain)."""
    by_id = {p.get("ID"): p for p in table.properties if p.get("Type") == "TopicGroup"}
    out, parent, seen = [], prop.get("ParentID"), set()
    while parent in by_id and parent not in seen:
        seen.add(parent)
        out.append(_title(by_id[parent]))
        parent = by_id[parent].get("ParentID")
    return " / ".join(out)


def proximity_plan(table: StatlineTable) -> dict[str, dict]:
    """Return the topic (a ``DataProperties`` entry) of each proximity column of regio (pure).

    Parameters
    ----------
    table
        Metadata of a proximity table (:func:`regio.sources.statline.fetch_metadata`).

    Returns
    -------
    dict
        regio column (:data:`regio.sources.proximity.COLUMNS`) -> its topic.

    Raises
    ------
    SourceError
        If a column has no topic, naming it, the topics there are and the dry run.

    Examples
    --------
    >>> props = [{"ID": 1, "Type": "Topic", "Key": "AfstandTotHuisartsenpraktijk_5",
    ...           "Title": "Afstand tot huisartsenpraktijk"},
    ...          *({"ID": n, "Type": "Topic", "Key": f"Binnen{k}Km_{n}", "Title": f"Binnen {k} km"}
    ...            for k, n in ((1, 6), (3, 7), (5, 8))),
    ...          {"ID": 9, "Type": "Topic", "Key": "AfstandTotHuisartsenpost_9", "Title": "Afstand tot huisartsenpost"},
    ...          {"ID": 10, "Type": "Topic", "Key": "AfstandTotApotheek_10", "Title": "Afstand tot apotheek"},
    ...          {"ID": 11, "Type": "Topic", "Key": "AfstandTotZiekenhuis_11", "Title": "Afstand tot ziekenhuis"}]
    >>> plan = proximity_plan(StatlineTable("86134NED", "", props, {}))
    >>> {name: topic["Key"] for name, topic in plan.items()}["huisartsenpraktijk_binnen_3km"]
    'Binnen3Km_7'
    >>> proximity_plan(StatlineTable("86134NED", "", props[:1], {}))
    Traceback (most recent call last):
    ...
    regio.errors.SourceError: CBS 86134NED: no topic for huisartsenpost_afstand_km (a topic titled like ...
    """
    topics = [p for p in table.properties if p.get("Type") == "Topic"]
    plan: dict[str, dict] = {}
    missing: list[str] = []
    for name, (pattern, stem) in _DISTANCES.items():
        hits = [p for p in topics if _is(p, pattern, stem)]
        if name == "ziekenhuis_afstand_km" and len(hits) > 1:
            text = {id(p): f"{_title(p)} {_groups(table, p)}".lower() for p in hits}
            incl = [p for p in hits if re.search(r"\bincl", text[id(p)])]
            hits = incl or [p for p in hits if not re.search(r"\bexcl", text[id(p)])] or hits
        if hits:
            plan[name] = hits[0]
        else:
            missing.append(f"{name} (a topic titled like {pattern!r} or keyed {stem}_N)")
    gp = plan.get("huisartsenpraktijk_afstand_km")
    after = topics[topics.index(gp) + 1:] if gp is not None else []
    block = []
    for p in after:  # the topics that follow the GP distance, up to the next distance
        if re.match(r"afstand\s+tot", _title(p), re.I) or _stem(p.get("Key")).startswith("AfstandTot"):
            break
        block.append(p)
    for name, km in _WITHIN.items():
        hits = [p for p in block if re.match(rf"binnen\s+{km}\s*km", _title(p), re.I) or _stem(p.get("Key")) ==
                f"Binnen{km}Km"]
        if hits:
            plan[name] = hits[0]
        else:
            missing.append(f"{name} (Binnen {km} km after the distance to a huisartsenpraktijk)")
    if missing:
        listed = "; ".join(f"{p['Key']} ({_title(p)})" for p in topics[:25])
        wanted = ", ".join(missing)
        raise SourceError(f"CBS {table.table_id}: no topic for {wanted}. Topics: {listed or 'none'}. "
                          f"Is it a table 'Nabijheid voorzieningen; wijk- en buurtcijfers'? See `{DRY_RUN_COMMAND} "
                          "--what proximity`.",
                          key="sources.proximity.no_topic" if listed else "sources.proximity.no_topics",
                          table=table.table_id, missing=wanted, listed=listed,
                          command=DRY_RUN_COMMAND)
    return {name: plan[name] for name in COLUMNS}


def proximity_from_table(data: StatlineTable, year: int) -> pd.DataFrame:
    """Return the municipalities of a downloaded proximity table in the layout of ``kerncijfers_gemeente_2024.csv``.

    Parameters
    ----------
    data
        Metadata and rows (:func:`regio.sources.statline.fetch_table`).
    year
        The table's year.

    Returns
    -------
    pandas.DataFrame
        Columns ``year_of_kerncijfers, gemeentecode, gemeentenaam``, the seven
        proximity columns under their names in ``kerncijfers_gemeente_2024.csv``
        (floats; NaN where CBS has no figure, ``null`` or −99997/−99995),
        ``jrstatcode`` and ``jaar``; one row per municipality, sorted by code.

    Raises
    ------
    SourceError
        No municipality in the answer, a municipality twice, or a topic missing.
    """
    plan = proximity_plan(data)
    region = _dimension(data, "region")
    if region is None:
        raise SourceError(f"CBS {data.table_id}: no region dimension (WijkenEnBuurten) in DataProperties.",
                          key="sources.proximity.no_region_dimension", table=data.table_id)
    names = data.titles(region)
    name_topic = next((p["Key"] for p in data.properties if p.get("Type") == "Topic"
                       and re.match(r"gemeentena", _title(p), re.I)), None)
    records = []
    for row in data.rows:
        code = str(row.get(region, "")).strip()
        if not re.fullmatch(r"GM\d{4}", code):
            continue
        name = str(row.get(name_topic) or "").strip() if name_topic else ""
        record = {"year_of_kerncijfers": int(year), CODE_COLUMN: code, NAME_COLUMN: name or names.get(code, code)}
        for column, topic in plan.items():
            value = _number(row.get(topic["Key"]))
            record[COLUMNS[column]] = np.nan if value in MISSING_CODES else value
        record["jrstatcode"] = f"{int(year)}{code}"
        record["jaar"] = int(year)
        records.append(record)
    if not records:
        raise SourceError(f"CBS {data.table_id}: no municipality (region keys GM....) in the answer.",
                          key="sources.proximity.no_municipality", table=data.table_id)
    out = pd.DataFrame(records)
    dup = out[CODE_COLUMN][out[CODE_COLUMN].duplicated()]
    if len(dup):
        codes = format_codes(dup)
        raise SourceError(f"CBS {data.table_id}: more than one row for {codes}.",
                          key="sources.proximity.region_twice", table=data.table_id, codes=codes)
    return out.sort_values(CODE_COLUMN, ignore_index=True)


def fetch_proximity(year: int, *, table: str | None = None, base: str | None = None) -> tuple[pd.DataFrame, str]:
    """Download the proximity indicators of ``year`` per municipality from StatLine.

    Sends ``$filter=startswith(WijkenEnBuurten,'GM')`` (the region key taken
    from ``DataProperties``) and ``$select`` of the region and the seven topics
    of :func:`proximity_plan`; the filter is applied again locally.

    Parameters
    ----------
    year
        Year of the table (:data:`PROXIMITY_TABLES`).
    table
        Another CBS table id (a year regio does not list).
    base
        StatLine root (default ``REGIO_CBS_URL`` or https://opendata.cbs.nl).

    Returns
    -------
    tuple
        The frame of :func:`proximity_from_table` and the table's Feed URL.

    Raises
    ------
    UnknownYearError
        For a year without a known table and no ``table``.
    OfflineError, SourceError
        No connection; an answer not in the StatLine format or without the topics.

    Examples
    --------
    >>> frame, url = fetch_proximity(2023)  # doctest: +SKIP
    >>> len(frame), frame.columns[3]  # doctest: +SKIP
    (342, 'huisartsenpraktijk_gemiddelde_afstand_in_km')
    """
    table_id = proximity_table(year, table)
    meta = fetch_metadata(table_id, base=base, dimensions=False)
    plan = proximity_plan(meta)
    region = _dimension(meta, "region")
    if region is None:
        raise SourceError(f"CBS {table_id}: no region dimension (WijkenEnBuurten) in DataProperties.",
                          key="sources.proximity.no_region_dimension", table=table_id)
    name_topic = [p["Key"] for p in meta.properties if p.get("Type") == "Topic"
                  and re.match(r"gemeentena", _title(p), re.I)][:1]
    data = fetch_table(table_id, filters=f"startswith({region},'GM')",
                       select=[region, *name_topic, *(t["Key"] for t in plan.values())], base=base)
    return proximity_from_table(data, year), data.url


def describe_proximity(table: StatlineTable, *, lang: str = "en") -> list[str]:
    """Say which topic regio takes for each proximity column, or why it cannot (for the dry run; pure).

    Examples
    --------
    >>> describe_proximity(StatlineTable("86134NED", "", [], {}))[1][:56]
    '    cannot plan the download: CBS 86134NED: no topic for'
    """
    lines = [t(lang, "  wat regio neemt:", "  what regio takes:")]
    try:
        plan = proximity_plan(table)
    except SourceError as exc:
        return [*lines, t(lang, "    kan de download niet plannen: ", "    cannot plan the download: ")
                + exc.message(lang)]
    region = _dimension(table, "region")
    lines.append(t(lang, f"    regio {region}: gemeenten met startswith({region},'GM')",
                   f"    region {region}: municipalities by startswith({region},'GM')"))
    for name, topic in plan.items():
        group = _groups(table, topic)
        in_group = f", {t(lang, 'groep', 'group')} {group!r}" if group else ""
        lines.append(f"    {name} <- {topic['Key']} {_title(topic)!r} ({topic.get('Unit')!r}{in_group}) -> "
                     f"{t(lang, 'kolom', 'column')} {COLUMNS[name]}")
    return lines
