"""Region levels: their names, aliases, CBS code prefixes and labels.

One canonical name per level (the CBS "rubriek" where one exists). Users may
type an alias in Dutch or English; :func:`get_level` resolves it and lists the
known names when it cannot.

Examples
--------
>>> get_level("province").name
'provincie'
>>> get_level("GGD").code_prefix
'GG'
>>> level_of_code("GM0363")
'gemeente'
>>> level_of_code("1011")
'pc4'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from regio.errors import UnknownLevelError

__all__ = [
    "FINER_THAN_GEMEENTE",
    "LEVELS",
    "MUNICIPAL_GROUPINGS",
    "PROVINCES",
    "Level",
    "get_level",
    "level_of_code",
]


@dataclass(frozen=True)
class Level:
    """A kind of region.

    Attributes
    ----------
    name
        Canonical name, used in file names (``boundaries/{name}_{year}.geojson``).
    code_prefix
        Prefix of the CBS code (``GM``, ``PV``, ...); empty for PC4.
    label_nl, label_en
        Singular labels for tables and maps.
    aliases
        Other spellings accepted by :func:`get_level`.
    """

    name: str
    code_prefix: str
    label_nl: str
    label_en: str
    aliases: tuple[str, ...] = field(default=())

    def label(self, lang: str = "nl") -> str:
        """Return the label in Dutch (``"nl"``) or English (``"en"``).

        Parameters
        ----------
        lang
            ``"nl"`` for Dutch; any other value gives English.

        Returns
        -------
        str
            The singular label, for table headers and map legends.

        Examples
        --------
        >>> lvl = get_level("ggd")
        >>> lvl.label(), lvl.label("en")
        ('GGD-regio', 'public health region')
        """
        return self.label_nl if lang == "nl" else self.label_en


LEVELS: dict[str, Level] = {
    lvl.name: lvl
    for lvl in (
        Level("gemeente", "GM", "gemeente", "municipality",
              ("gemeenten", "municipality", "municipalities", "gm")),
        Level("provincie", "PV", "provincie", "province",
              ("provincies", "province", "provinces", "pv")),
        Level("ggdregio", "GG", "GGD-regio", "public health region",
              ("ggd", "ggd-regio", "ggdregios", "ggd_regio", "gg")),
        Level("coropgebied", "CR", "COROP-gebied", "COROP region",
              ("corop", "corop-gebied", "coropgebieden", "nuts3", "cr")),
        Level("veiligheidsregio", "VR", "veiligheidsregio", "safety region",
              ("veiligheidsregios", "safety_region", "vr")),
        Level("zorgkantoorregio", "ZK", "zorgkantoorregio", "care office region",
              ("zorgkantoor", "zorgkantoorregios", "zk")),
        Level("landsdeel", "LD", "landsdeel", "part of the country",
              ("landsdelen", "nuts1", "ld")),
        Level("coropplusgebied", "CP", "COROP-plusgebied", "COROP-plus region",
              ("coropplus", "cp")),
        Level("rpagebied", "RP", "RPA-gebied", "RPA region", ("rpa", "rp")),
        Level("arbeidsmarktregio", "AM", "arbeidsmarktregio", "labour market region",
              ("arbeidsmarktregios", "arbeidsmarktregio's", "labour_market_region", "labour-market region", "am")),
        Level("regioplusarbeidsmarktregio", "RA", "Regioplus-arbeidsmarktregio", "Regioplus labour market region",
              ("regioplus", "regioplus-arbeidsmarktregio", "regioplus_arbeidsmarktregio", "ra")),
        Level("wijk", "WK", "wijk", "district", ("wijken", "district", "districts", "wk")),
        Level("pc4", "", "postcodegebied (PC4)", "postcode area (PC4)",
              ("postcode", "postcode4", "pc-4", "postal_code")),
        Level("land", "NL", "Nederland", "the Netherlands", ("nederland", "nl", "national")),
    )
}

#: Levels built from whole municipalities (aggregation targets of gemeente counts).
MUNICIPAL_GROUPINGS = (
    "provincie",
    "ggdregio",
    "coropgebied",
    "veiligheidsregio",
    "zorgkantoorregio",
    "landsdeel",
    "coropplusgebied",
    "rpagebied",
    "arbeidsmarktregio",
    "regioplusarbeidsmarktregio",
    "land",
)

#: The twelve provinces with their CBS codes and official names (Fryslân since 1997).
PROVINCES = {
    "PV20": "Groningen",
    "PV21": "Fryslân",
    "PV22": "Drenthe",
    "PV23": "Overijssel",
    "PV24": "Flevoland",
    "PV25": "Gelderland",
    "PV26": "Utrecht",
    "PV27": "Noord-Holland",
    "PV28": "Zuid-Holland",
    "PV29": "Zeeland",
    "PV30": "Noord-Brabant",
    "PV31": "Limburg",
}

#: Levels finer than a municipality.
FINER_THAN_GEMEENTE = ("wijk", "pc4")

_ALIASES = {alias: lvl.name for lvl in LEVELS.values() for alias in (lvl.name, *lvl.aliases)}
_PC4 = re.compile(r"^\d{4}$")


def get_level(name: str | Level) -> Level:
    """Resolve a level name or alias (case-insensitive).

    Parameters
    ----------
    name
        A canonical name (``"gemeente"``), an alias in Dutch or English
        (``"municipalities"``, ``"GGD"``, ``"nuts3"``) or a :class:`Level`,
        which is returned as it is. Surrounding spaces are ignored.

    Returns
    -------
    Level
        The level, with its canonical ``name``.

    Raises
    ------
    UnknownLevelError
        Naming the known levels.

    Examples
    --------
    >>> get_level(" Municipalities ").name
    'gemeente'
    >>> get_level("nuts3").label("en")
    'COROP region'
    >>> get_level("county")
    Traceback (most recent call last):
    ...
    regio.errors.UnknownLevelError: Unknown region level 'county'. Known levels: gemeente, provincie, ...
    """
    if isinstance(name, Level):
        return name
    key = str(name).strip().lower()
    if key not in _ALIASES:
        raise UnknownLevelError(f"Unknown region level {name!r}. Known levels: {', '.join(LEVELS)}.",
                                key="unknown_level", name=name, known=", ".join(LEVELS))
    return LEVELS[_ALIASES[key]]


def level_of_code(code: str) -> str | None:
    """Return the level a CBS region code belongs to, or ``None`` if unrecognised.

    Parameters
    ----------
    code
        A CBS region code such as ``"GM0363"`` or ``"PV27"`` (prefix matched
        case-insensitively), or four digits for a PC4 area.

    Returns
    -------
    str or None
        The canonical level name, or ``None`` for a code of no known level.

    Examples
    --------
    >>> level_of_code("PV27"), level_of_code("gg3406"), level_of_code(" WK036300 ")
    ('provincie', 'ggdregio', 'wijk')
    >>> level_of_code("NL01"), level_of_code("1011")
    ('land', 'pc4')
    >>> level_of_code("XX12") is None, level_of_code("Amsterdam") is None
    (True, True)
    """
    code = str(code).strip()
    if _PC4.match(code):
        return "pc4"
    for lvl in LEVELS.values():  # a prefix and digits: "AMSTERDAM" is no labour market region
        if lvl.code_prefix and re.fullmatch(lvl.code_prefix + r"\d+", code.upper()):
            return lvl.name
    return None
