"""Error and warning messages of access (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/access/fca.py
    "error.access.demand_shape": {
        "nl": "De vraagpunten moeten een array met vorm (n, 2) zijn, met x en y in meters (EPSG:28992); "
              "de vorm is {shape}.",
        "en": "demand points must be an array of shape (n, 2) with x and y in metres (EPSG:28992); got shape {shape}.",
    },
    "error.access.supply_shape": {
        "nl": "De aanbodpunten moeten een array met vorm (n, 2) zijn, met x en y in meters (EPSG:28992); "
              "de vorm is {shape}.",
        "en": "supply points must be an array of shape (n, 2) with x and y in metres (EPSG:28992); got shape {shape}.",
    },
    "error.access.demand_not_finite": {
        "nl": "Vraagpunten zonder geldige (eindige) coördinaten op posities {positions}; laat ze eerst weg (of geef "
              "ze een locatie).",
        "en": "demand points has points without finite coordinates at positions {positions}; drop them (or give "
              "them a location) first.",
    },
    "error.access.supply_not_finite": {
        "nl": "Aanbodpunten zonder geldige (eindige) coördinaten op posities {positions}; laat ze eerst weg (of geef "
              "ze een locatie).",
        "en": "supply points has points without finite coordinates at positions {positions}; drop them (or give "
              "them a location) first.",
    },
    "error.access.unknown_decay": {
        "nl": "Onbekend afstandsverval {decay!r}; kies uit {known}.",
        "en": "Unknown decay {decay!r}; choose one of {known}.",
    },
    "error.access.bad_radius": {
        "nl": "De straal van het verzorgingsgebied moet een positief aantal meters zijn; gegeven: {radius}.",
        "en": "The catchment radius must be a positive number of metres; got {radius}.",
    },
    "error.access.demand_not_1d": {
        "nl": "De vraag moet één waarde per punt zijn.",
        "en": "demand must be one value per point.",
    },
    "error.access.supply_not_1d": {
        "nl": "Het aanbod moet één waarde per punt zijn.",
        "en": "supply must be one value per point.",
    },
    "error.access.demand_negative": {
        "nl": "De vraag moet eindig zijn en niet negatief; op posities {positions} is ze dat niet.",
        "en": "demand must be finite and not negative; positions {positions} are not.",
    },
    "error.access.supply_negative": {
        "nl": "Het aanbod moet eindig zijn en niet negatief; op posities {positions} is het dat niet.",
        "en": "supply must be finite and not negative; positions {positions} are not.",
    },
    "error.access.pairs_beyond_points": {
        "nl": "De paren verwijzen naar meer punten dan er vraag of aanbod is gegeven; maak ze van dezelfde punten.",
        "en": "The pairs refer to more points than the demand or supply given; build them from the same points.",
    },
    "error.access.no_supply_point": {
        "nl": "Er is geen aanbodpunt om een afstand toe te meten.",
        "en": "There is no supply point to measure a distance to.",
    },
    # regio/access/spec.py
    "error.access.invalid": {
        "nl": "{option}= {reason}.",
        "en": "{option}= {reason}.",
    },
    "error.access.reason_km": {
        "nl": "moet een positief aantal km zijn, gegeven: {got}",
        "en": "must be a positive number of km, got {got}",
    },
    "error.access.reason_one_of": {
        "nl": "moet een van {known} zijn, gegeven: {got}",
        "en": "must be one of {known}, got {got}",
    },
    "error.access.reason_bands": {
        "nl": "moet twee oplopende percentages zijn, zoals 75 110, gegeven: {got}",
        "en": "must be two ascending percentages such as 75 110, got {got}",
    },
    "error.access.reason_norm": {
        "nl": "moet een positief aantal per 10.000 zijn, gegeven: {got}",
        "en": "must be a positive number per 10,000, got {got}",
    },
    "error.access.supply_needs_list": {
        "nl": "supply={supply!r} vraagt om een eigen lijst van praktijken met een kolom {supply} (practices_path=).",
        "en": "supply={supply!r} needs a list of your own practices with a {supply} column (practices_path=).",
    },
    # regio/access/run.py
    "error.access.no_wijk": {
        "nl": "De toegang wordt per PC4-gebied berekend en opgeteld tot gemeenten en de niveaus die daaruit bestaan; "
              "er zijn geen praktijken per wijk. Gebruik --level pc4 of gemeente.",
        "en": "Access is computed per PC4 area and summed to municipalities and the levels made of them; there are "
              "no practices per wijk. Use --level pc4 or gemeente.",
    },
    "error.access.list_lacks_supply": {
        "nl": "De praktijkenlijst {path} heeft geen kolom {supply}; gebruik --supply practices of voeg de kolom toe.",
        "en": "The practice list {path} has no {supply} column; use --supply practices or add the column.",
    },
    "error.access.municipality_without_point": {
        "nl": "Gemeenten van {year} zonder PC4-punt: {codes}; hun inwoners zijn niet te plaatsen. Controleer de "
              "bestanden met de PC4- en gemeentegrenzen.",
        "en": "Municipalities of {year} without a PC4 point: {codes}; their inhabitants cannot be placed. Check the "
              "PC4 and municipal boundary files.",
    },
    "error.access.gps_not_pc4": {
        "nl": "Aantallen huisartsen (--gps) gelden per gemeente of een grover niveau, niet per PC4-gebied.",
        "en": "GP counts (--gps) are per municipality or a coarser level, not per PC4 area.",
    },
    # regio/access/tables.py
    "error.access.points_columns": {
        "nl": "De punten hebben de kolommen x, y, population en {supply} nodig; er ontbreekt: {missing}.",
        "en": "The points need the columns x, y, population and {supply}; missing {missing}.",
    },
    "error.access.need_without_bands": {
        "nl": "Vraag gewogen naar zorgbehoefte heeft inwoners per leeftijdsgroep nodig (kolommen age_0_4 … "
              "age_95plus).",
        "en": "Need-weighted demand needs inhabitants per age band (columns age_0_4 … age_95plus).",
    },
    "error.access.supply_bad_values": {
        "nl": "De aanbodkolom {supply!r} heeft lege of negatieve waarden bij {where}.",
        "en": "The supply column {supply!r} has missing or negative values at {where}.",
    },
    "error.access.no_supply": {
        "nl": "Er is geen aanbod ({supply} telt op tot 0): er is geen toegang te meten.",
        "en": "There is no supply ({supply} sums to 0): nothing to measure access to.",
    },
    "error.access.pc4_without_region": {
        "nl": "PC4-gebieden met inwoners of aanbod horen bij geen enkele regio: {codes}.",
        "en": "PC4 areas with inhabitants or supply have no region: {codes}.",
    },
    "error.access.provision_without_inhabitants": {
        "nl": "Regio's zonder inwoners kunnen geen voorzieningsgraad hebben: {codes}.",
        "en": "Regions without inhabitants cannot have a provision: {codes}.",
    },
}
