"""Error and warning messages of allocation (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/allocation/keys.py
    "error.allocation.band_reversed": {
        "nl": "Leeftijdsgroep {column!r} eindigt voordat ze begint.",
        "en": "Age band {column!r} ends before it starts.",
    },
    "error.allocation.not_a_band": {
        "nl": "{column!r} is geen kolom met een leeftijdsgroep; verwacht age_<van>_<tot> of age_<van>plus"
              "[[python| (zoals regio.population(..., age_bands=True) teruggeeft)]].",
        "en": "{column!r} is not an age band column; expected age_<from>_<to> or age_<from>plus"
              "[[python| (as regio.population(..., age_bands=True) returns)]].",
    },
    "error.allocation.band_table_columns": {
        "nl": "{name} heeft de kolommen age_from, age_to en {column} nodig; er ontbreekt: {missing}.",
        "en": "{name} needs columns age_from, age_to and {column}; missing {missing}.",
    },
    "error.allocation.ages_uncovered": {
        "nl": "De contactfrequenties of de leeftijdsopbouw dekken de leeftijden {low}-{high} niet; geef groepen "
              "vanaf 0 tot en met een open bovenste groep.",
        "en": "The contact rates or the age profile do not cover ages {low}-{high}; give bands from 0 up to an "
              "open top band.",
    },
    "error.allocation.need_without_bands": {
        "nl": "De sleutel zorgbehoefte (need) heeft inwoners per leeftijdsgroep nodig (kolommen age_0_14 ... "
              "age_65plus)[[python|; gebruik regio.population(level, year, age_bands=True)]].",
        "en": "The need key needs inhabitants per age band (columns age_0_14 ... age_65plus)"
              "[[python|; use regio.population(level, year, age_bands=True)]].",
    },
    "error.allocation.band_counts_bad": {
        "nl": "Lege of negatieve aantallen per leeftijdsgroep voor {codes} (leeg is niet nul: het CBS laat kleine "
              "aantallen weg; vul ze zelf in of kies een grover niveau).",
        "en": "Missing or negative age band counts for {codes} (missing is not zero: CBS suppresses small counts; "
              "fill them explicitly or use a coarser level).",
    },
    "error.allocation.no_weight": {
        "nl": "geen gewicht voor {names}",
        "en": "no weight for {names}",
    },
    "error.allocation.use_extra_bands": {
        "nl": "gewichten voor leeftijdsgroepen die niet in de bevolkingstabel staan: {extra} (groepen daarin: "
              "{bands})",
        "en": "weights for bands that are not in the population table: {extra} (bands there: {bands})",
    },
    "error.allocation.use_negative": {
        "nl": "de gewichten moeten getallen van 0 of meer zijn",
        "en": "weights must be non-negative numbers",
    },
    "error.allocation.use_problems": {
        "nl": "Relatief huisartsgebruik per leeftijdsgroep: {problems}.",
        "en": "Relative GP use per age band: {problems}.",
    },
    "error.allocation.no_shortfall": {
        "nl": "Geen enkele regio zit onder de norm van {norm:.1f} per 100.000 inwoners, dus de sleutel tekort "
              "(shortfall) is nul voor {codes}. Kies een hogere norm of een andere sleutel.",
        "en": "No region falls short of the norm of {norm:.1f} per 100,000 inhabitants, so the shortfall key is "
              "zero for {codes}. Choose a higher norm or another key.",
    },
    "error.allocation.mix_empty": {
        "nl": "Een mix heeft minstens één sleutel nodig.",
        "en": "A mix needs at least one key.",
    },
    "error.allocation.mix_unknown_keys": {
        "nl": "gewichten voor sleutels die niet berekend zijn: {names}",
        "en": "weights for keys that were not computed: {names}",
    },
    "error.allocation.mix_negative": {
        "nl": "de gewichten van de mix moeten getallen van 0 of meer zijn",
        "en": "mix weights must be non-negative numbers",
    },
    "error.allocation.mix_all_zero": {
        "nl": "de gewichten van de mix zijn alle 0",
        "en": "mix weights are all zero",
    },
    "error.allocation.mix_other_regions": {
        "nl": "sleutel {name!r} dekt andere regio's: {codes}",
        "en": "key {name!r} covers other regions: {codes}",
    },
    "error.allocation.mix_key_zero": {
        "nl": "sleutel {name!r} is overal nul",
        "en": "key {name!r} is zero everywhere",
    },
    "error.allocation.mix_problems": {
        "nl": "De sleutels zijn niet te mengen: {problems}.",
        "en": "Cannot mix keys: {problems}.",
    },
    "error.allocation.population_unknown": {
        "nl": "Inwoners voor regio's die niet in de verdeling zitten: {codes}. Regio's: {regions}.",
        "en": "Population for regions that are not in the allocation: {codes}. Regions: {regions}.",
    },
    "error.allocation.current_unknown": {
        "nl": "Huidige verdeling voor regio's die niet in de verdeling zitten: {codes}. Regio's: {regions}.",
        "en": "Current distribution for regions that are not in the allocation: {codes}. Regions: {regions}.",
    },
    "error.allocation.no_value": {
        "nl": "geen waarde voor {codes} (leeg is niet nul: geef zelf 0 op)",
        "en": "no value for {codes} (missing is not zero: give 0 explicitly)",
    },
    "error.allocation.negative_for": {
        "nl": "negatief voor {codes}",
        "en": "negative for {codes}",
    },
    "error.allocation.population_problems": {
        "nl": "Inwoners: {problems}.",
        "en": "Population: {problems}.",
    },
    "error.allocation.current_problems": {
        "nl": "Huidige verdeling: {problems}.",
        "en": "Current distribution: {problems}.",
    },
    "error.allocation.key_not_series": {
        "nl": "De sleutel moet een pandas Series zijn met de regiocode als index, gegeven: {type}.",
        "en": "The key must be a pandas Series indexed by region code, got {type}.",
    },
    "error.allocation.component_clash": {
        "nl": "Kolommen van de onderdelen vallen samen met die van de verantwoordingstabel: {columns}.",
        "en": "Component columns clash with the audit table: {columns}.",
    },
    "error.allocation.region_called_nl": {
        "nl": "Een regio heet {name!r}, de code van de landelijke totaalrij: geef die regio in uw indeling een "
              "andere naam (bijvoorbeeld 'NL-deel'), zodat de tabel de twee uit elkaar houdt.",
        "en": "A region is called {name!r}, the code of the national total row: rename the region (e.g. "
              "'NL-deel') in your grouping, so that the table keeps the two apart.",
    },
    # regio/allocation/spec.py
    "error.allocation.figure_value": {
        "nl": "{name} ({value:,})",
        "en": "{name} ({value:,})",
    },
    "error.allocation.counts_date_digits": {
        "nl": "Peildatum van de aantallen {value}: geef een dag (JJJJ-MM-DD, bijvoorbeeld 2018-12-21) of een jaar "
              "(JJJJ).",
        "en": "Counts date {value}: give a day (YYYY-MM-DD, e.g. 2018-12-21) or a year (YYYY).",
    },
    "error.allocation.counts_date_not_a_date": {
        "nl": "Peildatum van de aantallen {value} is geen datum: geef een dag (JJJJ-MM-DD, bijvoorbeeld "
              "2018-12-21) of een jaar (JJJJ).",
        "en": "Counts date {value} is not a date: give a day (YYYY-MM-DD, e.g. 2018-12-21) or a year (YYYY).",
    },
    "error.allocation.total_and_figure": {
        "nl": "Geef een totaal (total=N) of een landelijk cijfer met naam (figure=NAAM), niet allebei. "
              "Cijfers met naam: {known}.",
        "en": "Give either a total (total=N) or a named national figure (figure=NAME), not both. "
              "Named figures: {known}.",
    },
    "error.allocation.total_or_figure": {
        "nl": "Geef een totaal (total=N) of een landelijk cijfer met naam (figure=NAAM); er is geen van beide "
              "gegeven. Cijfers met naam: {known}.",
        "en": "Give either a total (total=N) or a named national figure (figure=NAME), not neither. "
              "Named figures: {known}.",
    },
    "error.allocation.used_only_by": {
        "nl": "{option}= wordt alleen door de sleutel {key_name} gebruikt",
        "en": "{option}= is used only by the {key_name} key",
    },
    "error.allocation.unused": {
        "nl": "{uses}, niet door {chosen}: kies die sleutel (key={first!r}, of key='mix' met de sleutel in mix=) "
              "of laat de optie weg.",
        "en": "{uses}, not by {chosen}: choose that key (key={first!r}, or key='mix' with it in mix=) or leave "
              "the option out.",
    },
    "error.allocation.unused_mix": {
        "nl": "{uses}, niet door {chosen}: kies die sleutel (key={first!r}) of laat de optie weg.",
        "en": "{uses}, not by {chosen}: choose that key (key={first!r}) or leave the option out.",
    },
    "error.allocation.values_not_mapping": {
        "nl": "{name}= verwacht waarden per regio als mapping of Series (bijvoorbeeld {{'PV20': 30}}), geen {type} "
              "{value}: lees een bestand met regio.data.user_files.table_values(read_table(path), ...) (de "
              "opdrachtregel leest bestanden en tekst als 'PV20=30' zelf).",
        "en": "{name}= takes values per region as a mapping or a Series (e.g. {{'PV20': 30}}), not {type} {value}: "
              "read a file with regio.data.user_files.table_values(read_table(path), ...) (the command line reads "
              "files and 'PV20=30' text for you).",
    },
    "error.allocation.numbers_not_mapping": {
        "nl": "{name}= verwacht een mapping naam -> getal (bijvoorbeeld {{'population': 0.5, 'need': 0.5}}), geen "
              "{type} {value}.",
        "en": "{name}= takes a mapping name -> number (e.g. {{'population': 0.5, 'need': 0.5}}), not {type} {value}.",
    },
    "error.allocation.mix_not_a_number": {
        "nl": "Het gewicht in de mix voor {name} is geen getal: {value}.",
        "en": "Mix weight for {name} is not a number: {value}.",
    },
    "error.allocation.use_not_a_number": {
        "nl": "Het relatieve gebruik voor {name} is geen getal: {value}.",
        "en": "Relative use for {name} is not a number: {value}.",
    },
    "error.allocation.unknown_key": {
        "nl": "Onbekende verdeelsleutel {name!r}; kies uit {known}.",
        "en": "Unknown key {name!r}; use one of {known}.",
    },
    "error.allocation.mix_missing": {
        "nl": "De sleutel mix heeft gewichten nodig, bijvoorbeeld mix={{'population': 0.5, 'need': 0.3, "
              "'shortfall': 0.2}}.",
        "en": "The mix key needs weights, e.g. mix={{'population': 0.5, 'need': 0.3, 'shortfall': 0.2}}.",
    },
    "error.allocation.mix_of_unknown": {
        "nl": "Mix van onbekende sleutels {names}; meng population, need en shortfall.",
        "en": "Mix of unknown keys {names}; mix population, need and shortfall.",
    },
    "error.allocation.bad_ages": {
        "nl": "ages={value}: kies uit 'auto', 'kerncijfers', '2020' of 'national'.",
        "en": "ages={value}: use 'auto', 'kerncijfers', '2020' or 'national'.",
    },
    "error.allocation.areas_not_a_table": {
        "nl": "areas= verwacht de indeling als DataFrame (kolommen gemeente, region) of als Series met de regio per "
              "gemeente, geen {type} {value}: lees een bestand met regio.data.user_files.read_table(path).",
        "en": "areas= takes the grouping as a DataFrame (columns gemeente, region) or a Series region per "
              "municipality, not {type} {value}: read a file with regio.data.user_files.read_table(path).",
    },
    # regio/allocation/run.py
    "error.allocation.unknown_figure": {
        "nl": "Onbekend landelijk cijfer {figure!r}. Cijfers met naam: {known}.",
        "en": "Unknown national figure {figure!r}. Known figures: {known}.",
    },
    "error.allocation.population_boundaries_differ": {
        "nl": "Inwoners en grenzen van {label} {year} verschillen in {codes}.",
        "en": "Population and boundaries of {label} {year} differ in {codes}.",
    },
    "error.allocation.counts_level": {
        "nl": "De gegevens hebben aantallen huisartsen per regio alleen voor provincies (CBS 84777NED, "
              "{counts_year}), niet voor {level}. Verdeel over provincies, of geef eigen aantallen per regio "
              "(counts=, een mapping of Series regio -> aantal).",
        "en": "GP counts per region exist in the data only for provinces (CBS 84777NED, {counts_year}), not for "
              "{level}. Allocate over provinces, or give your own counts per region (counts=, a mapping or Series "
              "region -> count).",
    },
    "error.allocation.counts_date_day": {
        "nl": "counts_date= geeft de dag van uw eigen counts=; de CBS-aantallen in de gegevens kennen hun dag. "
              "Geef alleen een jaar om de CBS-aantallen te kiezen (bijvoorbeeld counts_date={year}).",
        "en": "counts_date= gives the day of your own counts=; the CBS counts in the data know their day. Give only "
              "a year to choose the CBS counts (e.g. counts_date={year}).",
    },
    "error.allocation.year_problem": {
        "nl": "1-1-{year}: {inner}",
        "en": "1-1-{year}: {inner}",
    },
    "error.allocation.no_counts_population": {
        "nl": "Geen inwoners voor de aantallen van {day}: {problems}",
        "en": "No inhabitants for the counts of {day}: {problems}",
    },
    "error.allocation.counts_regions_differ": {
        "nl": "Aantallen huisartsen en regio's verschillen in {codes} (leeg is niet nul: geef zelf 0 op).",
        "en": "GP counts and regions differ in {codes} (missing is not zero: give 0 explicitly).",
    },
    "error.allocation.current_missing": {
        "nl": "Huidige verdeling: geen waarde voor {codes} (leeg is niet nul: geef zelf 0 op).",
        "en": "Current distribution: no value for {codes} (missing is not zero: give 0 explicitly).",
    },
}
