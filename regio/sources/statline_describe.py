"""What a CBS StatLine table looks like: the metadata summary of the fetch dry run (pure).

:func:`describe_table` lists a table's dimensions, topics and periods as
StatLine serves them (:func:`regio.sources.statline.fetch_metadata`) and what
regio takes from them; :func:`regio.sources.fetch.dry_run` (``regio data fetch
--dry-run``) prints it.
It is also importable as ``regio.sources.statline.describe_table``.
"""

from __future__ import annotations

import re

from regio.errors import InputError, SourceError
from regio.sources.physicians import _kind as _region_kind
from regio.sources.statline import (
    _YEAR_KEY,
    DIMENSION_TYPES,
    StatlineTable,
    _dimension,
    _physician_plan,
    _provisional,
    _title,
    _topic,
)
from regio.text import t

__all__ = ["describe_table"]

#: The roles of fixed dimensions in Dutch (the others, "sector", are the same word).
_ROLES_NL = {"category": "categorie"}


def _widths(cats: list[dict], lang: str = "en") -> str:
    widths = sorted({len(str(c["Key"])) for c in cats})
    if not widths:
        return t(lang, "geen categorieën opgehaald", "no categories fetched")
    if len(widths) == 1:
        return t(lang, f"sleutels {widths[0]} breed", f"keys {widths[0]} wide")
    return t(lang, f"sleutels {' en '.join(map(str, widths))} breed (CBS vult de sleutels van een dimensie aan tot "
                   "één breedte)",
             f"keys {' and '.join(map(str, widths))} wide (CBS pads the keys of one dimension to one width)")


def _prefixes(cats: list[dict]) -> str:
    counts: dict[str, int] = {}
    for c in cats:
        prefix = re.match(r"[A-Za-z]*", str(c["Key"]).strip())[0] or "?"
        counts[prefix] = counts.get(prefix, 0) + 1
    return ", ".join(f"{p} {n}" for p, n in counts.items())


def _periods_summary(cats: list[dict], lang: str = "en") -> str:
    years = {int(m["year"]): c for c in cats if (m := _YEAR_KEY.match(str(c["Key"]).strip()))}
    if not years:
        return t(lang, "geen jaarperioden", "no yearly periods")
    statuses = sorted({repr(c.get("Status")) for c in years.values()})
    newest = [f"{y} {c.get('Title')!r} Status {c.get('Status')!r}" for y, c in sorted(years.items())[-3:]]
    provisional = ", ".join(str(y) for y, c in sorted(years.items()) if _provisional(c)) or t(lang, "geen", "none")
    note = " ".join(str(years[max(years)].get("Description") or "").split())
    note = t(lang, f"; Description van {max(years)}: {note[:80]!r}",
             f"; Description of {max(years)}: {note[:80]!r}") if note else ""
    return t(lang, f"jaren {min(years)}-{max(years)}, Status {'/'.join(statuses)}; nieuwste: {'; '.join(newest)}; "
                   f"regio leest als voorlopig: {provisional}{note}",
             f"years {min(years)}-{max(years)}, Status {'/'.join(statuses)}; newest: {'; '.join(newest)}; "
             f"regio reads as provisional: {provisional}{note}")


def describe_table(table: StatlineTable, *, purpose: str | None = None, lang: str = "en") -> list[str]:
    """Describe a table's metadata as StatLine serves it, and what regio takes from it (pure).

    What a first online user needs to confirm the formats that regio could
    not see before (the open points in ``docs/data.md``, "What the services answer"): every
    dimension with its ``Type``, ``Key``, ``Title``, number of categories and
    key width; the topics with ``Datatype``, ``Unit``, ``Decimals``,
    ``Default``; the periods with their ``Status``; and the dimension,
    category and topic regio picks for ``purpose``.

    Parameters
    ----------
    table
        Metadata with the categories of each dimension (:func:`fetch_metadata`).
    purpose
        ``"physicians"`` (84777NED, 84779NED) or ``"population"`` (70072ned):
        also say which categories and topic regio would use, or why it cannot.
    lang
        Language of regio's own words (``"nl"`` or ``"en"``); what StatLine sends is shown as it is.

    Returns
    -------
    list of str
        Lines of text (keys shown with ``repr`` so that their padding shows).

    Examples
    --------
    The real metadata of 80137ned (recorded; two of its topics):

    >>> table = StatlineTable("80137ned", "https://opendata.cbs.nl/ODataFeed/odata/80137ned/", properties=[
    ...     {"ID": 0, "Position": 0, "Type": "Dimension", "Key": "Persoonskenmerken", "Title": "Persoonskenmerken",
    ...      "Description": None},
    ...     {"ID": 2, "Position": 2, "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden",
    ...      "Description": None},
    ...     {"ID": 3, "Position": None, "Type": "TopicGroup", "Key": "", "Title": "Gemiddeld aantal banen"},
    ...     {"ID": 4, "Position": 3, "Type": "Topic", "Key": "Totaal_1", "Title": "Totaal", "Datatype": "Double",
    ...      "Unit": "1 000 banen", "Decimals": 0, "Default": "Zero", "ParentID": 3}],
    ...     dimensions={"Persoonskenmerken": [{"Key": "1 ", "Title": "Totaal"}, {"Key": "2 ", "Title": "Mannen"}],
    ...                 "Perioden": [{"Key": "2004JJ00", "Title": "2004", "Status": "Definitief"},
    ...                              {"Key": "2005JJ00", "Title": "2005", "Status": "Definitief"}]})
    >>> for line in describe_table(table):
    ...     print(line)
    CBS 80137ned  https://opendata.cbs.nl/ODataFeed/odata/80137ned/
      dimensions (Type Key 'Title': categories):
        Dimension      Persoonskenmerken 'Persoonskenmerken': 2, keys 2 wide, e.g. '1 ' 'Totaal'
        TimeDimension  Perioden 'Perioden': 2, keys 8 wide, e.g. '2004JJ00' '2004'; years 2004-2005, ...
      topics (Key 'Title': Datatype, Unit, Decimals, Default):
        Totaal_1 'Totaal': Double, '1 000 banen', 0, Zero (group 'Gemiddeld aantal banen')
    """
    lines = [f"CBS {table.table_id}  {table.url}",
             t(lang, "  dimensies (Type Key 'Title': categorieën):", "  dimensions (Type Key 'Title': categories):")]
    for p in table.properties:
        if p.get("Type") not in DIMENSION_TYPES:
            continue
        cats = table.dimensions.get(p["Key"], [])
        first = f", {t(lang, 'bijv.', 'e.g.')} {cats[0]['Key']!r} {cats[0].get('Title')!r}" if cats else ""
        extra = ""
        if p["Type"] in ("GeoDimension", "GeoDetail"):
            extra = f"; {t(lang, 'per voorvoegsel van de code', 'by code prefix')}: {_prefixes(cats)}"
        elif p["Type"] == "TimeDimension":
            extra = f"; {_periods_summary(cats, lang)}"
        lines.append(f"    {p['Type']:<14} {p['Key']} {str(p.get('Title'))!r}: {len(cats)}, "
                     f"{_widths(cats, lang)}{first}{extra}")
    groups = {p.get("ID"): p.get("Title") for p in table.properties if p.get("Type") == "TopicGroup"}
    lines.append(t(lang, "  onderwerpen (Key 'Title': Datatype, Unit, Decimals, Default):",
                   "  topics (Key 'Title': Datatype, Unit, Decimals, Default):"))
    for p in table.properties:
        if p.get("Type") == "Topic":
            group = f" ({t(lang, 'groep', 'group')} {groups[p['ParentID']]!r})" if p.get("ParentID") in groups else ""
            lines.append(f"    {p['Key']} {str(p.get('Title'))!r}: {p.get('Datatype')}, {p.get('Unit')!r}, "
                         f"{p.get('Decimals')}, {p.get('Default')}{group}")
    if purpose == "physicians":
        lines += _describe_physician_choice(table, lang)
    elif purpose == "population":
        lines += _describe_population_choice(table, lang)
    return lines


def _describe_physician_choice(table: StatlineTable, lang: str = "en") -> list[str]:
    lines = [t(lang, "  wat regio neemt:", "  what regio takes:")]
    try:
        plan = _physician_plan(table, year=None, professions=None, choices={})
    except (SourceError, InputError) as exc:
        return [*lines, t(lang, "    kan de download niet plannen: ", "    cannot plan the download: ")
                + exc.message(lang)]
    lines.append(t(lang, f"    regio {plan['region']}, periode {plan['period']}, beroep {plan['profession']}",
                   f"    region {plan['region']}, period {plan['period']}, profession {plan['profession']}"))
    lines += [t(lang, f"    beroep {_title(c)!r}: sleutel {c['Key']!r}",
                f"    profession {_title(c)!r}: key {c['Key']!r}") for c in plan["professions"]]
    lines += [t(lang, f"    {_ROLES_NL.get(role, role) or dim} ({dim}) vast op {_title(cat)!r}: sleutel {cat['Key']!r}",
                f"    {role or dim} ({dim}) fixed to {_title(cat)!r}: key {cat['Key']!r}")
              for dim, (role, cat) in plan["fixed"].items()]
    regions = table.dimensions.get(plan["region"], [])
    kinds = {str(c["Key"]): _region_kind(str(c["Key"]).strip(), _title(c)) for c in regions}
    lines += [t(lang, f"    regio {c['Key']!r} {_title(c)!r}: gelezen als het landelijke totaal",
                f"    region {c['Key']!r} {_title(c)!r}: read as the national total") for c in regions
              if kinds[str(c["Key"])] == "total"]
    lines += [t(lang, f"    regio {c['Key']!r} {_title(c)!r}: gelezen als niet in te delen (soort 'unplaced')",
                f"    region {c['Key']!r} {_title(c)!r}: read as not placeable (kind 'unplaced')") for c in regions
              if kinds[str(c["Key"])] == "unplaced"]
    topic = plan["topic"]
    lines.append(f"    {t(lang, 'onderwerp', 'topic')} {topic['Key']} {_title(topic)!r} ({topic.get('Datatype')}, "
                 f"{topic.get('Unit')!r})")
    return lines


def _describe_population_choice(table: StatlineTable, lang: str = "en") -> list[str]:
    lines = [t(lang, "  wat regio neemt:", "  what regio takes:")]
    region, period = _dimension(table, "region"), _dimension(table, "period")
    try:
        topic = _topic(table, r"totale\s+bevolking")
    except SourceError as exc:
        return [*lines, t(lang, "    geen onderwerp met de bevolking: ", "    no population topic: ")
                + exc.message(lang)]
    gm = [c for c in table.dimensions.get(region, []) if str(c["Key"]).strip().startswith("GM")]
    sample = " ".join(repr(c["Key"]) for c in gm[:3])
    lines.append(t(lang, f"    regio {region}: {len(gm)} GM-categorieën ({_widths(gm, lang)}, bijv. {sample}), "
                         f"gefilterd met startswith({region},'GM')",
                   f"    region {region}: {len(gm)} GM categories ({_widths(gm, lang)}, e.g. {sample}), "
                   f"filtered with startswith({region},'GM')"))
    lines.append(t(lang, f"    periode {period}, sleutel 'YYYYJJ00'", f"    period {period}, key 'YYYYJJ00'"))
    lines.append(f"    {t(lang, 'onderwerp', 'topic')} {topic['Key']} {_title(topic)!r} ({topic.get('Datatype')}, "
                 f"{topic.get('Unit')!r})")
    return lines
