"""Error and warning messages of present (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio.cli: an option error of a spec said again in the command's options
    "error.cli.option": {"nl": "{said}", "en": "{said}"},
    # regio.cli._parse: what the values of an option are
    "error.cli.what.lower_bounds": {"nl": "ondergrenzen", "en": "lower bounds"},
    "error.cli.what.upper_bounds": {"nl": "bovengrenzen", "en": "upper bounds"},
    "error.cli.what.current": {"nl": "huidige verdeling", "en": "current distribution"},
    "error.cli.what.use": {"nl": "relatief gebruik", "en": "relative use"},
    "error.cli.what.gp_counts": {"nl": "aantallen huisartsen", "en": "GP counts"},
    "error.cli.what.mix": {"nl": "mix", "en": "mix"},
    "error.cli.what.need": {"nl": "behoefte (opleiders per instituut)", "en": "need (trainers per institute)"},
    "error.cli.what.intake": {"nl": "instroom (aios per instituut)", "en": "intake (trainees per institute)"},
    "error.cli.what.recruitment": {"nl": "werving (opleiders per jaar per instituut)",
                                   "en": "recruitment (trainers a year per institute)"},
    "error.cli.pairs.no_equals": {
        "nl": "{what}: schrijf paren naam=waarde, gescheiden door komma's (bijv. population=0.5,need=0.5), niet "
              "{part!r}.",
        "en": "{what}: write name=value pairs separated by commas (e.g. population=0.5,need=0.5), not {part!r}.",
    },
    "error.cli.pairs.twice_item": {"nl": "{name} ({first} en {second})", "en": "{name} ({first} and {second})"},
    "error.cli.pairs.twice": {"nl": "{what}: meer dan eens gegeven: {names}. Geef elk één keer.",
                              "en": "{what}: given more than once: {names}. Give each once."},
    # regio cli access / recruit / trainers / allocate / density / model
    "error.cli.access.invalid": {"nl": "{option} {reason}.", "en": "{option} {reason}."},
    "error.cli.access.supply_needs_list": {
        "nl": "--supply {supply} vraagt een eigen lijst van praktijken met een kolom {supply} (--practices BESTAND).",
        "en": "--supply {supply} needs a list of your own practices with a {supply} column (--practices FILE).",
    },
    "error.cli.recruit.agreement_missing": {
        "nl": "Methode 'agreement' vraagt een afsprakentabel (--agreement BESTAND).",
        "en": "method 'agreement' needs an agreement table (--agreement FILE).",
    },
    "error.cli.trainers.places_without_table": {
        "nl": "--key places vraagt een instroomtabel (--intake BESTAND met plaatsen per instituut en jaar).",
        "en": "--key places needs an intake table (--intake FILE with places per institute and year).",
    },
    "error.cli.trainers.intake_grouped": {
        "nl": "--intake {text!r}: schrijf het aantal aios per jaar zonder scheidingsteken voor duizendtallen (1026), "
              "of geef een bestand of 'amc=120,...'.",
        "en": "--intake {text!r}: write trainees a year without a thousands separator (1026), or give a file or "
              "'amc=120,...'.",
    },
    "error.cli.trainers.intake_unreadable": {
        "nl": "--intake {text!r} is geen aantal aios per jaar (bijv. 1026), geen 'amc=120,...' en geen bestand (een "
              "instroomtabel met instituut, jaar, aangeboden, gevuld).",
        "en": "--intake {text!r} is not a number of trainees a year (e.g. 1026), not 'amc=120,...' and not a file (an "
              "intake table with instituut, jaar, aangeboden, gevuld).",
    },
    "error.cli.allocate.total_or_figure": {
        "nl": "Geef een totaal (--total N) of een benoemd landelijk cijfer (--figure NAAM); u gaf geen van beide. "
              "Benoemde cijfers: {known}.",
        "en": "Give either a total (--total N) or a named national figure (--figure NAME), not neither. Named "
              "figures: {known}.",
    },
    "error.cli.allocate.total_and_figure": {
        "nl": "Geef een totaal (--total N) of een benoemd landelijk cijfer (--figure NAAM), niet allebei. Benoemde "
              "cijfers: {known}.",
        "en": "Give either a total (--total N) or a named national figure (--figure NAME), not both. Named figures: "
              "{known}.",
    },
    "error.cli.allocate.mix_missing": {
        "nl": "De sleutel mix vraagt gewichten, bijv. --mix population=0.5,need=0.3,shortfall=0.2.",
        "en": "The mix key needs weights, e.g. --mix population=0.5,need=0.3,shortfall=0.2.",
    },
    "error.cli.allocate.used_only_by": {"nl": "{option} wordt alleen gebruikt door de sleutel {option_key}",
                                        "en": "{option} is used only by the {option_key} key"},
    "error.cli.allocate.unused": {
        "nl": "{options}, niet door {parts}: kies die sleutel (--key {first}, of --key mix met deze sleutel in "
              "--mix) of laat de optie weg.",
        "en": "{options}, not by {parts}: choose that key (--key {first}, or --key mix with it in --mix) or leave "
              "the option out.",
    },
    "error.cli.allocate.unused_mix": {
        "nl": "{options}, niet door {parts}: kies die sleutel (--key {first}) of laat de optie weg.",
        "en": "{options}, not by {parts}: choose that key (--key {first}) or leave the option out.",
    },
    "error.cli.allocate.counts_level": {
        "nl": "Aantallen huisartsen per regio staan in de gegevens alleen per provincie (CBS 84777NED, {year}), niet "
              "per {level}. Verdeel over provincies, of geef eigen aantallen per regio (--counts BESTAND met een "
              "kolom regio en een kolom aantal).",
        "en": "GP counts per region exist in the data only for provinces (CBS 84777NED, {year}), not for {level}. "
              "Allocate over provinces, or give your own counts per region (--counts FILE with a region and a count "
              "column).",
    },
    "error.cli.allocate.counts_date_day": {
        "nl": "--counts-date geeft de dag van uw eigen --counts; de CBS-aantallen in de gegevens kennen hun dag al. "
              "Geef alleen een jaar om de CBS-aantallen te kiezen (bijv. --counts-date {year}).",
        "en": "--counts-date gives the day of your own --counts; the CBS counts in the data know their day. Give only "
              "a year to choose the CBS counts (e.g. --counts-date {year}).",
    },
    "error.cli.density.two_norms": {
        "nl": "Geef --norm-per-100k of --norm-inhabitants, niet allebei.",
        "en": "Give either --norm-per-100k or --norm-inhabitants, not both.",
    },
    "error.cli.model.set_form": {
        "nl": "--set vraagt NAAM=WAARDE (bijv. --set uren_per_week=45 of --set instroom=850); gekregen: {got}.",
        "en": "--set takes NAME=VALUE (e.g. --set uren_per_week=45 or --set instroom=850); got {got}.",
    },
    "error.cli.model.set_twice": {
        "nl": "--set meer dan eens gegeven voor {names}: geef elke parameter één keer.",
        "en": "--set given more than once for {names}: give each parameter once.",
    },
    "error.cli.model.level": {
        "nl": "Het regionale model rekent op niveaus van hele gemeenten ({known}) of instituut, niet op {level}.",
        "en": "The regional model runs on levels made of whole municipalities ({known}) or instituut, not {level}.",
    },
}
