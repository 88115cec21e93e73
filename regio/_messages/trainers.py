"""Error and warning messages of trainers (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/trainers/expand.py
    "error.trainers.existing_not_in_cost": {
        "nl": "Bestaande locaties die niet in de kostenmatrix staan: {codes}",
        "en": "Existing locations not in the cost matrix: {codes}",
    },
    "error.trainers.no_existing": {
        "nl": "Voor het plannen van uitbreiding is minstens één bestaande locatie nodig.",
        "en": "Expansion planning needs at least one existing location.",
    },
    "error.trainers.cost_bad_values": {
        "nl": "De kostenmatrix heeft lege of negatieve waarden.",
        "en": "The cost matrix has missing or negative values.",
    },
    "error.trainers.weights_bad": {
        "nl": "Gewichten ontbreken of zijn negatief voor {codes}.",
        "en": "Weights missing or negative for {codes}.",
    },
    "error.trainers.bad_k": {
        "nl": "k moet een geheel getal van 0 tot {n} zijn (het aantal kandidaten), gegeven: {k}.",
        "en": "k must be a whole number from 0 to {n} (the candidates), got {k}.",
    },
    # regio/trainers/forecast.py
    "error.trainers.intake_negative": {
        "nl": "De instroom {name}= moet een getal van minstens 0 zijn, gegeven: {value}.",
        "en": "The {name} intake must be a number of at least 0, got {value}.",
    },
    "error.trainers.intake_key_bad": {
        "nl": "De verdeelsleutel van de instroom moet voor elk opleidingsinstituut minstens 0 zijn en niet overal 0, "
              "gegeven: {got}.",
        "en": "The intake key must be at least 0 for every institute and not all 0, got {got}.",
    },
    "error.trainers.bad_training_years": {
        "nl": "training_years moet een geheel getal van minstens 1 zijn, gegeven: {got}.",
        "en": "training_years must be a whole number of at least 1, got {got}.",
    },
    "error.trainers.bad_practice_years": {
        "nl": "practice_years moeten jaren van de opleiding zijn (1 tot en met {training_years}), gegeven: {got}.",
        "en": "practice_years must be years of the training (1 to {training_years}), got {got}.",
    },
    "error.trainers.bad_rendement": {
        "nl": "Het intern rendement (het deel dat de opleiding afmaakt) moet in (0, 1] liggen, gegeven: {got}.",
        "en": "The intern rendement (share finishing the training) must be in (0, 1], got {got}.",
    },
    "error.trainers.intake_lacks_years": {
        "nl": "De instroom mist de jaren {years}; de aios van {first} zijn vanaf {start} begonnen.",
        "en": "The intake lacks the years {years}; the trainees of {first} started from {start} on.",
    },
    "error.trainers.bad_outflow": {
        "nl": "De uitstroom moet in [0, 1) liggen, gegeven: {got}.",
        "en": "The outflow rate must be in [0, 1), got {got}.",
    },
    "error.trainers.years_before_base": {
        "nl": "Jaren vóór het basisjaar {base_year}: {years}.",
        "en": "Years before the base year {base_year}: {years}.",
    },
    "error.trainers.target_before_base": {
        "nl": "Het doeljaar ({target_year}) moet na het basisjaar ({base_year}) komen.",
        "en": "The target year ({target_year}) must come after the base year ({base_year}).",
    },
    "error.trainers.bad_trainees_per_trainer": {
        "nl": "{opt_trainees_per_trainer} (aios per opleider) moet voor elk opleidingsinstituut positief zijn; "
              "gegeven: {got}.",
        "en": "{opt_trainees_per_trainer} (trainees per trainer) must be positive for every institute, got {got}.",
    },
    "error.trainers.year_order": {
        "nl": "Het basisjaar moet vóór het doeljaar liggen en het doeljaar niet na de horizon; gegeven: basisjaar "
              "{base_year} ({opt_base_year}), doeljaar {target_year} ({opt_target_year}), horizon {horizon} "
              "({opt_horizon}).",
        "en": "Need base year < target year <= horizon; got base year {base_year} ({opt_base_year}), target year "
              "{target_year} ({opt_target_year}), horizon {horizon} ({opt_horizon}).",
    },
    # regio/trainers/run.py
    "error.trainers.counts_index": {
        "nl": "Aantallen opleiders ({name}) moeten per opleidingsinstituut ({ids}) of per gemeentecode van {year} "
              "zijn gegeven; onbekend: {stray}.",
        "en": "Trainer counts ({name}) must be indexed by institute id ({ids}) or by municipal code of {year}; "
              "unknown: {stray}.",
    },
    "error.trainers.no_inhabitants": {
        "nl": "Geen inwoners voor {n} gemeenten van {year}.",
        "en": "No inhabitants for {n} municipalities of {year}.",
    },
    # regio/trainers/spec.py
    "error.trainers.unknown_key": {
        "nl": "Onbekende verdeelsleutel voor de instroom {name!r}; gebruik {first} of {second}.",
        "en": "Unknown intake key {name!r}; use {first} or {second}.",
    },
    "error.trainers.places_without_table": {
        "nl": "De sleutel 'places' heeft een instroomtabel nodig (intake_table=, opleidingsplaatsen per instituut "
              "en jaar).",
        "en": "key 'places' needs an intake table (intake_table=, places per institute and year).",
    },
    "error.trainers.not_a_table": {
        "nl": "{name}= verwacht een tabel gelezen met regio.data.trainers, geen {type} {value}.",
        "en": "{name}= takes a table read with regio.data.trainers, not {type} {value}.",
    },
    "error.trainers.bad_intake": {
        "nl": "intake= verwacht een aantal aios per jaar (bijvoorbeeld 1026) of een koppeling instituut -> aantal, "
              "niet {value}.",
        "en": "intake= takes a number of trainees a year (e.g. 1026) or a mapping institute -> number, not {value}.",
    },
    "error.trainers.national_negative": {
        "nl": "Het landelijke aantal opleiders moet minstens 0 zijn, gegeven: {n}.",
        "en": "The national number of trainers must be at least 0, got {n}.",
    },
    # regio/trainers/where.py
    "error.trainers.no_values": {
        "nl": "Geen waarden in {name} voor de gemeenten {codes}.",
        "en": "No {name} for municipalities {codes}.",
    },
    "error.trainers.gap_without_municipalities": {
        "nl": "Opleidingsinstituut {institute} heeft een tekort van {n} maar geen gemeenten.",
        "en": "Institute {institute} has a gap of {n} but no municipalities.",
    },
}
