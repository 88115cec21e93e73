"""Small text helpers shared by analysis, tables and maps: one language switch, one number format.

Analysis code (which must not import :mod:`regio.maps`) and map code format
numbers the same way through :func:`fmt_number`;
:func:`regio.maps.core.format_number` calls it.

Examples
--------
>>> t("nl", "inwoners", "inhabitants")
'inwoners'
>>> fmt_number(10640, 0, "nl", signed=True)
'+10.640'
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pandas as pd

from regio.errors import Phrase, RegioError, RegioWarning

__all__ = ["cite", "fmt_number", "fmt_percent", "joined", "round_half_up", "said_what", "source_text", "t",
           "what_words"]


def t(lang: str, nl: str, en: str) -> str:
    """Pick the Dutch or the English text: ``nl`` when ``lang == "nl"``, else ``en``.

    Parameters
    ----------
    lang
        The output language; only ``"nl"`` selects Dutch.
    nl, en
        The Dutch and the English wording.

    Returns
    -------
    str
        ``nl`` or ``en``.

    Examples
    --------
    >>> t("en", "per 100.000", "per 100,000")
    'per 100,000'
    """
    return nl if lang == "nl" else en


#: What callers read, as they name it in English (``what="lower bounds"``) -> key of its words in the catalogue
#: (``error.what.<key>``): messages say it in their language (a ``what`` value of a message is looked up here).
WHAT: dict[str, str] = {
    "lower bounds": "lower_bounds", "upper bounds": "upper_bounds", "current distribution": "current",
    "relative use": "use", "GP counts": "gp_counts", "mix": "mix", "need": "need",
    "need (trainers per institute)": "need_per_institute_trainers", "need per institute": "need_per_institute",
    "intake (trainees per institute)": "intake", "recruitment (trainers a year per institute)": "recruitment",
    "population": "population", "inhabitants": "inhabitants", "GPs": "gps", "trainers": "trainers",
    "trainers per institute": "trainers_per_institute", "trainer capacity (supply)": "trainer_capacity",
    "the municipality codes": "municipality_codes", "the region codes": "region_codes",
    "GP practice counts": "practice_counts", "boundaries": "boundaries", "physicians": "physicians",
    "proximity": "proximity",
}


def what_words(what: str, lang: str) -> str:
    """Return ``what`` (``"lower bounds"``, ``"Inhabitants"``) in ``lang`` from the catalogue; else as given.

    Examples
    --------
    >>> what_words("lower bounds", "nl"), what_words("Inhabitants", "nl"), what_words("something", "nl")
    ('ondergrenzen', 'Inwoners', 'something')
    """
    key = WHAT.get(what)
    capital = key is None and what[:1].isupper() and what[:1].lower() + what[1:] in WHAT
    if capital:
        key = WHAT[what[:1].lower() + what[1:]]
    if key is None:
        return what
    from regio.labels import LABELS

    words = LABELS.get(f"error.what.{key}", {}).get(lang, what)
    return words[:1].upper() + words[1:] if capital else words


def said_what(what: str) -> str:
    """Return ``what`` as words of a message said in its language (a :class:`~regio.errors.Phrase`), else as given.

    For a ``what`` that goes into a message under another name (a column
    label), or into a phrase of its own (``"lower bounds in f.csv"``).

    Examples
    --------
    >>> said_what("lower bounds"), said_what("lower bounds").message("nl"), said_what("something else")
    ('lower bounds', 'ondergrenzen', 'something else')
    """
    key = WHAT.get(what)
    return what if key is None or isinstance(what, Phrase) else Phrase(what, f"what.{key}")


# English phrases that regio itself writes into source descriptions (regular expressions), with their Dutch
# wording. Titles of documents and names of files are left as published.
_SOURCE_NL = (
    (r"rounded percentages apportioned over the population", "afgeronde percentages verdeeld over de inwoners"),
    (r"; age bands: ", "; leeftijdsgroepen: "),
    (r"via the certegis R package; summed by regio", "via het R-pakket certegis; opgeteld door regio"),
    (r"PC4 inhabitants (\d{4}) \((.*)\) at representative points of the PC4 areas",
     r"inwoners per pc4 \1 (\2) op representatieve punten van de pc4-gebieden"),
    (r"ZorgkaartNederland listing of (\d{4})-(\d{2})-(\d{2}), practices counted per PC4 \(derived\)",
     lambda m: f"vermelding van ZorgkaartNederland van {int(m[3])}-{int(m[2])}-{m[1]}, praktijken geteld per PC4 "
               "(afgeleid)"),
    (r"largest area overlap of (.+?) with ", r"grootste overlap in oppervlak van \1 met "),
    (r"representative points of ", "representatieve punten van "),
    (r"; nearest region for ", "; dichtstbijzijnde regio voor "),
    (r"\ball municipalities\b", "alle gemeenten"),
    (r"\(municipalities of ", "(gemeenten van "),
    (r" via their largest successor in ", " via hun grootste opvolger in "),
    (r"dissolved from gemeente (\d{4}) boundaries", r"samengevoegd uit de gemeentegrenzen van \1"),
    (r"\(division of (\d{4}) = (\d{4})\)", r"(indeling van \1 = \2)"),
    (r"\(boundaries of (\d{4})\)", r"(grenzen van \1)"),
    (r"\(chapter '([^']*)' and chapter (\d+)\)", r"(hoofdstuk '\1' en hoofdstuk \2)"),
    (r"; chapter on the advice\)", "; hoofdstuk over het advies)"),
    (r"\(section '([^']*)'\)", r"(paragraaf '\1')"),
    (r", published ", ", gepubliceerd "),
    (r"cabinet decision of ", "kabinetsbesluit van "),
    (r"\bMinistries of ", "ministeries van "),
    # dates regio or its registry write: "1 January 2021", "gepubliceerd January 2023" -- not a month inside a
    # file name ("huisartsen March 2024.csv"), which stays as the user named it
    (r"\b(\d{1,2} |gepubliceerd )(January|February|March|April|May|June|July|August|September|October|November|"
     r"December) (\d{4})\b(?![^;()]*\.(?:csv|xlsx?|geojson|json|txt)\b)",
     lambda m: f"{m[1]}{_MONTHS_NL[m[2]]} {m[3]}"),
)
_MONTHS_NL = {
    "January": "januari", "February": "februari", "March": "maart", "April": "april", "May": "mei",
    "June": "juni", "July": "juli", "August": "augustus", "September": "september", "October": "oktober",
    "November": "november", "December": "december",
}


def source_text(source: str, lang: str = "nl") -> str:
    """Return a source description in ``lang``: regio's own English phrases in Dutch for ``"nl"``.

    Source descriptions are written once, in English, where the data is read; notes in Dutch
    pass them through this function. Titles and file names stay as published.

    Parameters
    ----------
    source
        A source description as written by regio (in English).
    lang
        ``"nl"`` translates regio's own phrases (and English month names in
        dates) into Dutch; any other value returns ``source`` unchanged.

    Returns
    -------
    str
        The description in ``lang``.

    Examples
    --------
    >>> source_text("kerncijfers_gemeente_2024.csv (rounded percentages apportioned over the population)")
    'kerncijfers_gemeente_2024.csv (afgeronde percentages verdeeld over de inwoners)'
    >>> source_text("Deelrapport 2 (vastgesteld 7 december 2022, published January 2023)")
    'Deelrapport 2 (vastgesteld 7 december 2022, gepubliceerd januari 2023)'
    >>> source_text("huisartsen March 2024.csv; CBS 83502NED, 1 January 2021")  # file names stay as named
    'huisartsen March 2024.csv; CBS 83502NED, 1 januari 2021'
    >>> source_text("CBS 83502NED, 1 January 2021", "en")
    'CBS 83502NED, 1 January 2021'
    """
    if lang != "nl":
        return source
    for en, nl in _SOURCE_NL:
        source = re.sub(en, nl, source)
    return source


#: Where a copy was read from: "(via ValenteMendez/population-dynamics-netherlands)", "(via tmap 4.2 NLD_muni)".
_MIRROR = re.compile(r"\s*\(via [^()]*\)")
#: A file name in brackets: "(cbs84777NED_huisartsen_woonregio_provincie_2018.csv)", "(regio geodata/x.csv)".
_FILE_IN_BRACKETS = re.compile(r"\s*\((?:regio geodata/)?(?:[\w.-]+/)*[\w .-]+\."
                               r"(?:csv|xlsx?|geojson|json|txt|parquet|rda)\)")
#: A file of the data directory standing for its boundaries: "boundaries/gemeente_2024.geojson".
_BOUNDARY_FILE = re.compile(r"\bboundaries/([a-z]+)_(\d{4})\.geojson\b")
#: A file name as one item of a list: "Capaciteitsorgaan, parameterwaarden_huisartsen_2010_2025.csv, raming 2025".
_FILE_ITEM = re.compile(r",\s*[\w.-]+\.(?:csv|xlsx?|geojson|json|txt)(?=,|;|$)")
#: Copies named outright in a source line (the PROVENANCE of the data directory names them; the notes keep them).
_COPIES = re.compile(r"\s*\((?:VZinfo \d{4}, )?nl-hugo/mapNL\)|\bregio geodata\b\s*")


def cite(source: str, lang: str = "nl") -> str:
    """Cite the publisher and its table, not the copy read: for map title boxes and the atlas index.

    The full source line (with the public mirror a file was copied from and
    the file names) belongs in the notes beside each table; the boxes on
    maps and the index page name the publisher and the table, e.g. ``CBS
    37259eng``, ``CBS/Kadaster grenzen gemeente 2024``, ``Capaciteitsorgaan``.

    Parameters
    ----------
    source
        A source line as regio writes it (see :func:`source_text`).
    lang
        ``"nl"`` or ``"en"`` (for the words regio adds).

    Returns
    -------
    str
        The line without mirrors (``(via ...)``), bracketed file names and
        file items; a boundary file of the data directory is named as the
        CBS/Kadaster boundaries of its level and year.

    Examples
    --------
    >>> cite("Bron: CBS 37259eng (via ValenteMendez/population-dynamics-netherlands); "
    ...      "boundaries/gemeente_2024.geojson")
    'Bron: CBS 37259eng; CBS/Kadaster grenzen gemeente 2024'
    >>> cite("Source: CBS 84777NED (cbs84777NED_huisartsen_woonregio_provincie_2018.csv) (2018)", "en")
    'Source: CBS 84777NED (2018)'
    >>> cite("Bron: Capaciteitsorgaan, parameterwaarden_huisartsen_2010_2025.csv, raming 2025, variant midden")
    'Bron: Capaciteitsorgaan, raming 2025, variant midden'
    >>> cite("Bron: CBS bevolking 1-1-2024; Capaciteitsorgaan (regio geodata/national_figures.csv)")
    'Bron: CBS bevolking 1-1-2024; Capaciteitsorgaan'
    >>> cite("instituten: regio geodata (VZinfo 2016, nl-hugo/mapNL)")
    'instituten: RIVM VZinfo 2016'
    """
    text = _MIRROR.sub("", str(source))
    text = re.sub(r"\bregio geodata \(VZinfo (\d{4}), nl-hugo/mapNL\)", r"RIVM VZinfo \1", text)
    text = _FILE_IN_BRACKETS.sub("", text)
    text = _BOUNDARY_FILE.sub(lambda m: t(lang, f"CBS/Kadaster grenzen {m[1]} {m[2]}",
                                         f"CBS/Kadaster boundaries {m[1]} {m[2]}"), text)
    text = _FILE_ITEM.sub("", text)
    text = _COPIES.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round as a reader does: halves away from zero, on the number as written (``repr``).

    Python's ``round`` and ``format`` round halves to even (``round(2.5) == 2``,
    ``f"{70.25:.1f}" == "70.2"``); tables and maps show ``3`` and ``70,3``.

    Parameters
    ----------
    value
        The number; NaN and infinities are returned unchanged.
    decimals
        Digits after the decimal point.

    Returns
    -------
    float
        The rounded number.

    Examples
    --------
    >>> round_half_up(2.5), round_half_up(70.25, 1), round_half_up(-0.125, 2), round_half_up(2.675, 2)
    (3.0, 70.3, -0.13, 2.68)
    >>> round_half_up(1e308, 1), round_half_up(-2.5e20, -3)  # beyond Decimal's default 28 digits
    (1e+308, -2.5e+20)
    """
    value = float(value)
    if not math.isfinite(value):
        return value
    step = Decimal(1).scaleb(-int(decimals))
    with localcontext() as context:  # room for every digit of the largest float (1.8e308) and the decimals
        context.prec = 320 + max(int(decimals), 0)
        return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def round_up(value: float) -> float:
    """Whole persons, rounded up, as the terminal and Excel show a target or gap (76.5 trainers need 77).

    A value within 1e-9 above a whole number is that number (sums of floats); NaN is returned unchanged.
    A total is rounded up as itself (its unrounded value rounded up), the same rule as every region's figure:
    it can be below the sum of the regions' rounded-up figures.

    Examples
    --------
    >>> round_up(863.09), round_up(117.0000000001), round_up(0.0)
    (864.0, 117.0, 0.0)
    """
    value = float(value)
    return value if math.isnan(value) else float(math.ceil(value - 1e-9))


def fmt_number(value: float | None, decimals: int = 0, lang: str = "nl", *, signed: bool = False) -> str:
    """Format a number for a reader: Dutch ``12.345,6`` or English ``12,345.6``; ``–`` for no value.

    Parameters
    ----------
    value
        The number (``None`` and NaN give ``–``).
    decimals
        Digits after the decimal separator.
    lang
        ``"nl"``: ``.`` groups thousands and ``,`` separates decimals; any
        other: the English convention.
    signed
        Write ``+`` before positive numbers (for differences).

    Returns
    -------
    str
        The number rounded to ``decimals`` (halves away from zero,
        :func:`round_half_up`) with thousands grouped; ``0`` never carries a
        sign (no ``+0`` or ``-0``).

    Examples
    --------
    >>> fmt_number(12345.678, 1)
    '12.345,7'
    >>> fmt_number(12345.678, 1, "en")
    '12,345.7'
    >>> fmt_number(-10640, 0, "nl", signed=True), fmt_number(float("nan"))
    ('-10.640', '–')
    >>> fmt_number(0, signed=True), fmt_number(-0.4)
    ('0', '0')
    >>> fmt_number(70.25, 1), fmt_number(2.5)  # halves away from zero, as a reader rounds
    ('70,3', '3')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return "–"
    value = round_half_up(value, decimals)
    if value == 0:  # no "+0" or "-0"
        value, signed = 0.0, False
    text = f"{value:{'+' if signed else ''},.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def fmt_percent(fraction: float, lang: str = "nl") -> str:
    """Write a fraction as a percentage with as few decimals as it needs (a confidence level, say).

    Parameters
    ----------
    fraction
        The fraction (``0.95`` for 95%); rounded to at most six decimals of a percent.
    lang
        ``"nl"`` for a decimal comma, any other for a decimal point.

    Returns
    -------
    str
        The percentage with a ``%`` sign, formatted by :func:`fmt_number`.

    Examples
    --------
    >>> fmt_percent(0.95), fmt_percent(0.975), fmt_percent(0.975, "en")
    ('95%', '97,5%', '97.5%')
    """
    value = round(float(fraction) * 100, 6)
    decimals = next(d for d in range(7) if round(value, d) == value)
    return fmt_number(value, decimals, lang) + "%"


def joined(parts: list[RegioError | str], *, sep: str = "; ") -> RegioError | str:
    """Join messages that are said in the user's language into one, as ``sep.join`` does with their English.

    For an error whose problems are gathered first and raised once: each
    problem is a :class:`~regio.errors.RegioError` with its own key (not
    raised), and the joined value is passed as a parameter of the error that
    is raised, so that every part is said in the same language.

    Parameters
    ----------
    parts
        At least one message.
    sep
        ``"; "`` (key ``kernel.joined``), ``" "`` (``kernel.joined_space``), ``", "`` (``kernel.joined_comma``)
        ``" or "`` (``kernel.joined_or``), a newline and two spaces (one part a line, ``kernel.joined_lines``)
        or ``""`` (``kernel.joined_tight``); any other separator is the same in every language.
        A part may be plain text or a keyed warning used as a phrase.

    Returns
    -------
    RegioError or str
        Whose English is ``sep.join(str(p) for p in parts)``; ``""`` for no parts.

    Examples
    --------
    >>> from regio.errors import InputError
    >>> both = joined([InputError("a", key="x"), InputError("b", key="y")])
    >>> str(both), both.message("nl")
    ('a; b', 'a; b')
    """
    if not parts:
        return ""
    if len(parts) == 1:
        if isinstance(parts[0], (RegioError, RegioWarning)):
            return parts[0]
        return RegioError(str(parts[0]), key="kernel.text", text=str(parts[0]))
    rest = joined(parts[1:], sep=sep)
    key = {"; ": "kernel.joined", " ": "kernel.joined_space", ", ": "kernel.joined_comma",
           " or ": "kernel.joined_or", "\n  ": "kernel.joined_lines", "": "kernel.joined_tight"}.get(sep)
    if key is None:  # any other separator (" + ", " / "): the same in every language
        return RegioError(str(parts[0]) + sep + str(rest), key="kernel.joined_by", first=parts[0], sep=sep, rest=rest)
    return RegioError(str(parts[0]) + sep + str(rest), key=key, first=parts[0], rest=rest)

