"""Error and warning messages of recruitment (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/recruitment/spec.py
    "error.recruitment.unknown_method": {
        "nl": "Onbekende methode {method!r}; kies uit {choices}.",
        "en": "Unknown method {method!r}; use one of {choices}."},
    "error.recruitment.table_wanted": {
        "nl": "{name}= verwacht een tabel (een DataFrame), geen {kind} {value!r}: lees het bestand met "
              "regio.data.user_files.{reader}.",
        "en": "{name}= takes a table (a DataFrame), not {kind} {value!r}: read the file with "
              "regio.data.user_files.{reader}."},
    "error.recruitment.values_wanted": {
        "nl": "{name}= verwacht waarden per instituut als mapping of Series (bijv. {{'amc': 80}}), geen {kind} "
              "{value!r}: lees een bestand met regio.data.user_files.table_values(read_table(path), ...) (de "
              "opdrachtregel leest bestanden en tekst als 'amc=80' voor u).",
        "en": "{name}= takes values per institute as a mapping or a Series (e.g. {{'amc': 80}}), not {kind} "
              "{value!r}: read a file with regio.data.user_files.table_values(read_table(path), ...) (the command "
              "line reads files and 'amc=80' text for you)."},
    "error.recruitment.unknown_spread": {
        "nl": "spread={spread!r}: kies uit {choices} (hoe de huisartsenaantallen per provincie van 2018 over de "
              "gemeenten worden verdeeld).",
        "en": "spread={spread!r}: use one of {choices} (how the 2018 province GP counts are spread over the "
              "municipalities)."},
    "error.recruitment.agreement_missing": {
        "nl": "Methode 'agreement' heeft een tabel met de afspraken nodig (agreement=, een DataFrame).",
        "en": "method 'agreement' needs an agreement table (agreement=, a DataFrame)."},
    "error.recruitment.negative_trainers": {
        "nl": "Het landelijke aantal opleiders mag niet negatief zijn; gegeven: {n}.",
        "en": "The national number of trainers must be non-negative, got {n}."},
    # regio/recruitment/institutes.py
    "error.recruitment.agreement_lacks": {
        "nl": "De tabel met afspraken{where} mist {lacking}; de kolommen: {columns}.",
        "en": "Agreement table{where} lacks {lacking}; its columns: {columns}."},
    "error.recruitment.agreement_lacks_both": {
        "nl": "De tabel met afspraken{where} mist een kolom met de gemeente ({code_names}) en een kolom met het "
              "hoofdinstituut ({primary_names}); de kolommen: {columns}.",
        "en": "Agreement table{where} lacks a municipality column ({code_names}) and a primary institute column "
              "({primary_names}); its columns: {columns}."},
    "error.recruitment.part.code_column": {
        "nl": "een kolom met de gemeente ({names})", "en": "a municipality column ({names})"},
    "error.recruitment.part.primary_column": {
        "nl": "een kolom met het hoofdinstituut ({names})", "en": "a primary institute column ({names})"},
    "error.recruitment.part.unknown_institutes": {
        "nl": "onbekende instituten {codes} (bekend: {known})",
        "en": "unknown institutes {codes} (known: {known})"},
    "error.recruitment.part.mapping": {"nl": "{inner}", "en": "{inner}"},
    "error.recruitment.bad_agreement": {
        "nl": "Tabel met afspraken{where}: {problems}. Herstel de tabel: één rij per gemeente van het grensjaar "
              "({n} gemeenten), elk met een bekend hoofdinstituut.",
        "en": "Agreement table{where}: {problems}. Fix the table: one row per municipality of the boundary year "
              "({n} municipalities), each with a known primary institute."},
    # regio/recruitment/assign.py
    "error.recruitment.travel_no_code_column": {
        "nl": "Reistijden{where}: geen kolom met de gemeente ({names}); kolommen: {columns}.",
        "en": "Travel times{where}: no municipality column ({names}); columns: {columns}."},
    "error.recruitment.travel_pairs_twice": {
        "nl": "Reistijden{where}: paren twee keer gegeven voor {codes}.",
        "en": "Travel times{where}: pairs given twice for {codes}."},
    "error.recruitment.part.travel_column": {
        "nl": "kolom {column!r} is geen locatie ({locations}) en geen instituut",
        "en": "column {column!r} is neither a location ({locations}) nor an institute"},
    "error.recruitment.part.travel_uncovered": {
        "nl": "geen kolom voor instituut/instituten {institutes}: geef voor elke gemeente een reistijd naar elk "
              "instituut (of naar een van zijn locaties)",
        "en": "no column for institute(s) {institutes}: give a time to each institute (or to one of its locations) "
              "for every municipality"},
    "error.recruitment.bad_travel_times": {
        "nl": "Reistijden{where}: {problems}.", "en": "Travel times{where}: {problems}."},
    "warning.recruitment.travel_ties_all": {
        "nl": "Reistijden{where}: elke gemeente heeft dezelfde reistijd naar elke locatie (bijv. {example}: "
              "{minutes:g} min), dus beslist de volgorde en gaan ze naar {first}, het instituut dat als eerste komt: "
              "{codes}. Controleer het bestand (alles nul?).",
        "en": "Travel times{where}: every municipality has the same time to every location (e.g. {example}: "
              "{minutes:g} min), so the tie-break decides and they go to {first}, the institute that sorts first: "
              "{codes}. Check the file (all zero?)."},
    "warning.recruitment.travel_ties": {
        "nl": "Reistijden{where}: {n} van {of} gemeenten hebben dezelfde reistijd naar elke locatie (bijv. "
              "{example}: {minutes:g} min), dus beslist de volgorde en gaan ze naar {first}, het instituut dat als "
              "eerste komt: {codes}. Controleer het bestand (alles nul?).",
        "en": "Travel times{where}: {n} of {of} municipalities have the same time to every location (e.g. "
              "{example}: {minutes:g} min), so the tie-break decides and they go to {first}, the institute that "
              "sorts first: {codes}. Check the file (all zero?)."},
    "error.recruitment.bad_margin": {
        "nl": "De marge voor gezamenlijke gemeenten moet een niet-negatief getal zijn; gegeven: {margin!r}.",
        "en": "The joint margin must be a non-negative number, got {margin!r}."},
    "error.recruitment.costs_missing": {
        "nl": "Kosten (afstanden of reistijden) ontbreken voor {codes}.", "en": "Costs missing for {codes}."},
    "error.recruitment.locations_without_institute": {
        "nl": "Locaties zonder instituut: {codes}.", "en": "Locations without an institute: {codes}."},
    "error.recruitment.bad_shape": {
        "nl": "{label} heeft vorm {shape}, verwacht ({size},).",
        "en": "{label} has shape {shape}, expected ({size},)."},
    "error.recruitment.not_finite": {
        "nl": "{label} moet eindig en niet-negatief zijn.", "en": "{label} must be finite and non-negative."},
    "error.recruitment.costs_not_finite": {
        "nl": "Kosten moeten eindig en niet-negatief zijn.", "en": "Costs must be finite and non-negative."},
    "error.recruitment.not_solved": {
        "nl": "Het capaciteitsprogramma is niet op te lossen: {reason}",
        "en": "The capacity programme could not be solved: {reason}"},
    "error.recruitment.institutes_without_cost": {
        "nl": "Geen kosten voor instituten {codes}: geef reistijden naar elk instituut.",
        "en": "No cost for institutes {codes}: give travel times to each institute."},
    "error.recruitment.infeasible_total": {
        "nl": "Capaciteitsdoel niet haalbaar: de instituten hebben samen {need:,.1f} opleiders nodig, de gemeenten "
              "hebben er {supply:,.1f}, een tekort van {short:,.1f}. Tekort per instituut (opleiders): {per}. "
              "Verlaag de behoefte (of het aantal aios per opleider), verhoog het doelaandeel of geef meer opleiders.",
        "en": "Capacity target infeasible: the institutes need {need:,.1f} trainers in total, the municipalities "
              "hold {supply:,.1f}, short by {short:,.1f}. Shortfall per institute (trainers): {per}. Lower the needs "
              "(or the trainees per trainer), raise the target share, or give more trainers."},
    "error.recruitment.infeasible_split": {
        "nl": "Capaciteitsdoel niet haalbaar: samen hebben de gemeenten genoeg ({supply:,.1f} voor {need:,.1f}), "
              "maar geen indeling van hele gemeenten haalt elke behoefte; tekort {short_sum:,.1f}. Tekort per "
              "instituut (opleiders): {per}. Verlaag de behoefte (of het aantal aios per opleider), verhoog het "
              "doelaandeel of geef meer opleiders.",
        "en": "Capacity target infeasible: in total the municipalities hold enough ({supply:,.1f} for {need:,.1f}), "
              "but no assignment of whole municipalities meets every need; short by {short_sum:,.1f}. Shortfall per "
              "institute (trainers): {per}. Lower the needs (or the trainees per trainer), raise the target share, "
              "or give more trainers."},
    "error.recruitment.part.shortfall": {"nl": "{institute} {short:,.1f}", "en": "{institute} {short:,.1f}"},
    "error.recruitment.part.unknown_municipality": {
        "nl": "onbekende gemeentecodes {codes}", "en": "unknown municipality codes {codes}"},
    "error.recruitment.part.unknown_institute": {
        "nl": "onbekende instituutcodes {codes}", "en": "unknown institute codes {codes}"},
    "error.recruitment.part.missing_for": {"nl": "ontbreekt voor {codes}", "en": "missing for {codes}"},
    "error.recruitment.part.non_numeric": {
        "nl": "ontbreekt of is geen getal voor {codes}", "en": "missing or non-numeric for {codes}"},
    "error.recruitment.part.negative": {"nl": "negatief voor {codes}", "en": "negative for {codes}"},
    "error.recruitment.part.inhabitants": {"nl": "Inwoners", "en": "Inhabitants"},
    "error.recruitment.part.gps": {"nl": "Huisartsen", "en": "Gps"},
    "error.recruitment.part.trainers_per_institute": {"nl": "Opleiders per instituut", "en": "Trainers per institute"},
    "error.recruitment.part.need_per_institute": {"nl": "Behoefte per instituut", "en": "Need per institute"},
    "error.recruitment.part.trainer_capacity": {
        "nl": "Opleiderscapaciteit (aanbod)", "en": "Trainer capacity (supply)"},
    "error.recruitment.part.practices_derived": {
        "nl": "Huisartsenpraktijken (afgeleide tellingen)", "en": "Gp practices (derived counts)"},
    "error.recruitment.bad_values": {"nl": "{what}: {problems}.", "en": "{what}: {problems}."},
    # regio/recruitment/counts.py
    "error.recruitment.weights_without_provinces": {
        "nl": "estimate_gps: weights verdeelt de aantallen per provincie; geef province_counts (met province_of), "
              "of laat weights weg voor national_rate.",
        "en": "estimate_gps: weights split province counts; give province_counts (with province_of), or leave "
              "weights out for national_rate."},
    "error.recruitment.province_of_missing": {
        "nl": "estimate_gps met province_counts heeft province_of nodig (de provincie van elke gemeente).",
        "en": "estimate_gps with province_counts needs province_of (province per municipality)."},
    "error.recruitment.no_province": {
        "nl": "Geen provincie voor de gemeenten {codes}.", "en": "No province for municipalities {codes}."},
    "error.recruitment.no_province_count": {
        "nl": "Geen aantal huisartsen voor de provincies {codes}.", "en": "No GP count for provinces {codes}."},
    "error.recruitment.negative_rate": {
        "nl": "national_rate mag niet negatief zijn; gegeven: {rate}.",
        "en": "national_rate must be non-negative, got {rate}."},
    "error.recruitment.no_gp_basis": {
        "nl": "estimate_gps heeft province_counts (met province_of) of national_rate nodig.",
        "en": "estimate_gps needs province_counts (with province_of) or national_rate."},
    "error.recruitment.bad_target_share": {
        "nl": "{opt_target_share} (het aandeel van de huisartsen dat opleider is) moet groter dan 0 en hoogstens 1 "
              "zijn; gegeven: {share}.",
        "en": "{opt_target_share} (the share of the GPs who are trainers) must be in (0, 1], got {share}."},
    "error.recruitment.bad_trainees_per_trainer": {
        "nl": "{opt_trainees_per_trainer} (aios per opleider) moet positief zijn; gegeven: {n}.",
        "en": "{opt_trainees_per_trainer} (trainees per trainer) must be positive, got {n}."},
    "error.recruitment.unknown_assigned_institutes": {
        "nl": "Onbekende instituten in de indeling: {codes} (bekend: {known}).",
        "en": "Unknown institutes in the assignment: {codes} (known: {known})."},
    "error.recruitment.without_institute": {
        "nl": "Gemeenten zonder instituut: {codes}.", "en": "Municipalities without an institute: {codes}."},
    "error.recruitment.no_counts_for_assigned": {
        "nl": "Geen aantallen voor de ingedeelde gemeenten {codes}.",
        "en": "No counts for assigned municipalities {codes}."},
    "error.recruitment.counts_not_assigned": {
        "nl": "Gemeenten met aantallen maar zonder indeling: {codes}.",
        "en": "Municipalities with counts but no assignment: {codes}."},
    "error.recruitment.municipal_columns_missing": {
        "nl": "De gemeentetabel mist de kolom(men) {columns}.", "en": "Municipal table lacks column(s) {columns}."},
    "error.recruitment.unknown_split_by": {
        "nl": "split_by moet een van {choices} zijn; gegeven: {split_by!r}.",
        "en": "split_by must be one of {choices}, got {split_by!r}."},
    "error.recruitment.nothing_to_split_by": {
        "nl": "Geen enkel gebied heeft een positieve {split_by}; verdeel de extra opleiders dan naar 'gps'.",
        "en": "No area has a positive {split_by}; split the extra trainers by 'gps' instead."},
    # regio/recruitment/run.py
    "error.recruitment.membership_differs": {
        "nl": "De indeling bij de instituten en de gemeenten van {year} verschillen in {codes}.",
        "en": "Institute membership and the municipalities of {year} differ in {codes}."},
    "error.recruitment.unknown_spread_option": {
        "nl": "spread={spread!r}: kies uit {choices} (opdrachtregel: --spread).",
        "en": "spread={spread!r}: use one of {choices} (command line: --spread)."},
    "error.recruitment.no_practices_to_spread": {
        "nl": "{inner}[[spread_population| Om de huisartsen van {gp_year} in plaats daarvan naar inwoners te "
              "verdelen: gebruik {opt_spread_population}.]]",
        "en": "{inner}[[spread_population| To spread the GPs of {gp_year} by population instead, use "
              "{opt_spread_population}.]]"},
    "error.recruitment.no_municipal_gps": {
        "nl": "{path}: geen aantallen huisartsen per gemeente (GMxxxx); het bestand heeft {found} (beroep (jaren)). "
              "Geef aantallen huisartsen per gemeente met beroep huisarts (of zonder kolom beroep).",
        "en": "{path}: no municipal (GMxxxx) counts of huisartsen (GPs); the file has {found} (profession "
              "(years)). Give GP counts per municipality with profession huisarts (or no profession column)."},
    "error.recruitment.no_gp_rows": {
        "nl": "{path}: geen aantallen huisartsen per gemeente (GMxxxx); het bestand heeft geen rijen. "
              "Geef aantallen huisartsen per gemeente met beroep huisarts (of zonder kolom beroep).",
        "en": "{path}: no municipal (GMxxxx) counts of huisartsen (GPs); the file has no rows (profession "
              "(years)). Give GP counts per municipality with profession huisarts (or no profession column)."},
    "error.recruitment.part.not_in_year_carry": {
        "nl": "niet in {year}: {codes} (zet ze om met regio.carry_to)",
        "en": "not in {year}: {codes} (carry them with regio.carry_to)"},
    "error.recruitment.part.not_in_year": {"nl": "niet in {year}: {codes}", "en": "not in {year}: {codes}"},
    "error.recruitment.part.missing": {"nl": "ontbrekend: {codes}", "en": "missing: {codes}"},
    "error.recruitment.part.twice": {"nl": "twee keer: {codes}", "en": "twice: {codes}"},
    "error.recruitment.gps_cover": {
        "nl": "{path}: de aantallen huisartsen ({newest}) moeten de {n} gemeenten van {year} dekken; {problems}.",
        "en": "{path}: GP counts ({newest}) must cover the {n} municipalities of {year}; {problems}."},
    "error.recruitment.no_population_year": {
        "nl": "Geen gemeentelijke bevolking voor {year}: opleidingsregio's hebben de grenzen en inwoners van één "
              "jaar nodig (--year); jaren met beide: {known}.",
        "en": "No municipal population for {year}: recruitment areas need the boundaries and inhabitants of one "
              "year (--year); years with both: {known}."},
    "error.recruitment.trainer_columns": {
        "nl": "{path}: opleiders hebben een kolom met het instituut of de gemeente nodig en een kolom met het "
              "aantal opleiders (trainers, opleiders); kolommen: {columns}.",
        "en": "{path}: trainers need an institute or municipality column and a trainers column (trainers, "
              "opleiders); columns: {columns}."},
    "error.recruitment.trainers_cover": {
        "nl": "{path}: de opleiders per gemeente moeten elk van de {n} gemeenten van {year} één keer dekken; "
              "{problems}.",
        "en": "{path}: trainers per municipality must cover the {n} municipalities of {year} once; {problems}."},
    "error.recruitment.population_boundaries_differ": {
        "nl": "Bevolking en grenzen van {year} verschillen in {codes}.",
        "en": "Population and boundaries of {year} differ in {codes}."},
}
