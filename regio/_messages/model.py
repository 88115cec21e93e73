"""Error and warning messages of model (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- lists of problems (regio.model.parameters.joined)
    "error.model.sentences": {"nl": "{first} {rest}", "en": "{first}; {rest}"},
    "error.model.clause": {"nl": "{inner}", "en": "{inner}"},
    # --- parameters
    "error.model.invalid_parameters": {
        "nl": "Ongeldige parameters van het huisartsenmodel (raming {round}, variant {variant}): {problems}.",
        "en": "Invalid GP model parameters (round {round}, variant {variant}): {problems}."},
    "error.model.not_a_number": {"nl": "{name} moet een getal zijn, niet {value}",
                                 "en": "{name} must be a number, got {value}"},
    "error.model.not_finite": {"nl": "{name} moet een eindig getal zijn, niet {value}",
                               "en": "{name} must be finite, got {value}"},
    "error.model.not_whole_year": {"nl": "{name} moet een heel jaartal zijn, niet {value}",
                                   "en": "{name} must be a whole year, got {value}"},
    "error.model.whole_year_given": {"nl": "{name} moet een heel jaartal zijn, niet {value}.",
                                     "en": "{name} must be a whole year, got {value}"},
    "error.model.variant_field": {"nl": "variant moet een van {known} zijn, niet {value}",
                                  "en": "variant must be one of {known}, got {value}"},
    "error.model.not_share": {"nl": "{name} = {value} is geen aandeel tussen 0 en 1",
                              "en": "{name} = {value} is not a share between 0 and 1"},
    "error.model.not_fte": {"nl": "{name} = {value} is geen fte-factor tussen 0 en 1,5",
                            "en": "{name} = {value} is not an FTE factor between 0 and 1.5"},
    "error.model.outflow_decreases": {
        "nl": "uitstroom_{sex}_basis_* mag niet afnemen over 5/10/15/20 jaar, maar is {values} (de waarden zijn "
              "cumulatief)",
        "en": "uitstroom_{sex}_basis_* must not decrease over 5/10/15/20 years, got {values} (they are cumulative)"},
    "error.model.not_positive": {"nl": "{name} = {value} moet positief zijn",
                                 "en": "{name} = {value} must be positive"},
    "error.model.not_negative": {"nl": "{name} = {value} mag niet negatief zijn",
                                 "en": "{name} = {value} must not be negative"},
    "error.model.bad_duration": {"nl": "{name} = {value} moet tussen 0 en 10 jaar liggen",
                                 "en": "{name} = {value} must be between 0 and 10 years"},
    "error.model.above_minus_one": {"nl": "{name} = {value} moet groter zijn dan -1",
                                    "en": "{name} = {value} must be above -1"},
    "error.model.demography_above_minus_one": {"nl": "demo_5 ... demo_20 moeten groter zijn dan -1",
                                               "en": "demo_5 ... demo_20 must be above -1"},
    "error.model.tijd_below_one": {
        "nl": "tijd = {value} moet kleiner zijn dan 1 (het is een jaarlijks aandeel van de werktijd)",
        "en": "tijd = {value} must be below 1 (it is a yearly share of working time)"},
    "error.model.not_hours": {"nl": "{name} = {value} is geen aantal uren per week",
                              "en": "{name} = {value} is not a number of hours a week"},
    "error.model.steering_after_base": {"nl": "bijsturingsjaar {year} moet na basisjaar {base} komen",
                                        "en": "bijsturingsjaar {year} must come after basisjaar {base}"},
    "error.model.trend_before_base": {"nl": "trendjaar {year} mag niet voor basisjaar {base} liggen",
                                      "en": "trendjaar {year} must not come before basisjaar {base}"},
    "error.model.equilibrium_field": {
        "nl": "{name} {year} moet in {first}-{last} liggen (het model rekent {horizon} jaar vanaf het basisjaar)",
        "en": "{name} {year} must lie in {first}-{last} (the model runs {horizon} years from the base year)"},
    "error.model.persons_fraction_thousands": {
        "nl": "Waarde {text} voor {label}: een aantal personen moet een heel getal zijn, geen breuk (bedoelde u "
              "{guess:,}?).",
        "en": "Value {text} for {label}: a number of persons must be whole, not a fraction (did you mean "
              "{guess:,}?)."},
    "error.model.persons_fraction": {
        "nl": "Waarde {text} voor {label}: een aantal personen moet een heel getal zijn, geen breuk.",
        "en": "Value {text} for {label}: a number of persons must be whole, not a fraction."},
    "error.model.value_not_number": {
        "nl": "Waarde {text} voor {label} is geen getal (schrijf bijvoorbeeld {example}).",
        "en": "Value {text} for {label} is not a number (write e.g. {example})."},
    "error.model.value_unreadable": {"nl": "Waarde {text} voor {label}: {detail}.",
                                     "en": "Value {text} for {label}: {detail}."},
    "warning.model.decimal_comma": {
        "nl": "Waarde {text} voor {label} gelezen met een decimale komma als {value}; schrijf {value} om deze "
              "waarschuwing te voorkomen.",
        "en": "Value {text} for {label} read with a decimal comma as {value}; write {value} to silence this "
              "warning."},
    "error.model.provenance_field": {
        "nl": "{name} zegt waar de parameters vandaan komen en is niet in te stellen; lees in plaats daarvan een "
              "andere raming of variant (--round, --variant).",
        "en": "{name} describes where the parameters come from and cannot be set; read another round or variant "
              "instead (--round, --variant)"},
    "error.model.other_variant": {
        "nl": "Parameter {name} hoort bij variant {other}, maar het model rekent met variant {variant}; stel in "
              "plaats daarvan {field} in (of kies --variant {choice}).",
        "en": "Parameter {name} belongs to variant {other}, but the model runs variant {variant}; set {field} "
              "instead (or choose --variant {choice})."},
    "error.model.unknown_parameter": {
        "nl": "Onbekende modelparameter {name}. Parameters zijn de veldnamen van regio.model.GPParameters (de "
              "variabelenamen van het Capaciteitsorgaan), de aliassen {aliases}, of {derived}.",
        "en": "Unknown model parameter {name}. Parameters are the field names of regio.model.GPParameters (the "
              "Capaciteitsorgaan's variable names), aliases {aliases}, or {derived}."},
    "error.model.unknown_parameter_close": {
        "nl": "Onbekende modelparameter {name}. Bedoelde u {close}? Parameters zijn de veldnamen van "
              "regio.model.GPParameters (de variabelenamen van het Capaciteitsorgaan), de aliassen {aliases}, of "
              "{derived}.",
        "en": "Unknown model parameter {name}. Did you mean {close}? Parameters are the field names of "
              "regio.model.GPParameters (the Capaciteitsorgaan's variable names), aliases {aliases}, or {derived}."},
    "error.model.given_twice": {"nl": "{first} en {second} zijn allebei {field}: geef het één keer op.",
                                "en": "{first} and {second} are both {field}: give it once"},
    "error.model.cannot_apply": {
        "nl": "De parameterwijzigingen zijn niet toe te passen: {problems}",
        "en": "Cannot apply the parameter changes: {problems}."},
    "error.model.no_working_hours": {
        "nl": "Raming {round} heeft geen werkzame uren (werkzame_uren_vrouw/man) om te schalen; stel de "
              "fte-factoren fte_vrouw_basis_vijf ... fte_man_basis_twintig direct in.",
        "en": "Round {round} has no working hours (werkzame_uren_vrouw/man) to scale; set the FTE factors "
              "fte_vrouw_basis_vijf ... fte_man_basis_twintig directly."},
    "error.model.bad_hours": {"nl": "uren_per_week moet een aantal uren per week zijn, niet {value}.",
                              "en": "uren_per_week must be a number of hours a week, got {value}."},
    # --- sweep (rows of a frame of parameter changes)
    "error.model.sweep_text": {"nl": "{column} is tekst en kan in een sweep niet variëren.",
                               "en": "{column} is text and cannot vary in a sweep"},
    "error.model.sweep_not_finite": {"nl": "{column} is geen eindig getal in rij(en) {rows}.",
                                     "en": "{column} is not a finite number in row(s) {rows}"},
    "error.model.sweep_not_whole_year": {"nl": "{column} moet een heel jaartal zijn in rij(en) {rows}.",
                                         "en": "{column} must be a whole year in row(s) {rows}"},
    "error.model.cannot_sweep": {"nl": "De parameterwijzigingen van de sweep zijn niet toe te passen: {problems}",
                                 "en": "Cannot sweep the parameter changes: {problems}."},
    "error.model.sweep_bad_hours": {
        "nl": "uren_per_week moet een aantal uren per week zijn; dat is het niet in rij(en) {rows}.",
        "en": "uren_per_week must be a number of hours a week; not in row(s) {rows}."},
    "error.model.rows_not_share": {"nl": "{name} is geen aandeel tussen 0 en 1 in rij(en) {rows}",
                                   "en": "{name} is not a share between 0 and 1 in row(s) {rows}"},
    "error.model.rows_not_fte": {"nl": "{name} is geen fte-factor tussen 0 en 1,5 in rij(en) {rows}",
                                 "en": "{name} is not an FTE factor between 0 and 1.5 in row(s) {rows}"},
    "error.model.rows_outflow_decreases": {
        "nl": "uitstroom_{sex}_basis_* neemt af (de waarden zijn cumulatief) in rij(en) {rows}",
        "en": "uitstroom_{sex}_basis_* decreases (they are cumulative) in row(s) {rows}"},
    "error.model.rows_not_positive": {"nl": "{name} is niet positief in rij(en) {rows}",
                                      "en": "{name} is not positive in row(s) {rows}"},
    "error.model.rows_negative": {"nl": "{name} is negatief in rij(en) {rows}",
                                  "en": "{name} is negative in row(s) {rows}"},
    "error.model.rows_bad_duration": {"nl": "{name} ligt niet tussen 0 en 10 jaar in rij(en) {rows}",
                                      "en": "{name} is not between 0 and 10 years in row(s) {rows}"},
    "error.model.rows_above_minus_one": {"nl": "{name} is niet groter dan -1 in rij(en) {rows}",
                                         "en": "{name} is not above -1 in row(s) {rows}"},
    "error.model.rows_tijd_below_one": {"nl": "tijd is niet kleiner dan 1 in rij(en) {rows}",
                                        "en": "tijd is not below 1 in row(s) {rows}"},
    "error.model.rows_not_hours": {"nl": "{name} is geen aantal uren per week in rij(en) {rows}",
                                   "en": "{name} is not a number of hours a week in row(s) {rows}"},
    "error.model.rows_steering_after_base": {"nl": "bijsturingsjaar komt niet na basisjaar in rij(en) {rows}",
                                             "en": "bijsturingsjaar does not come after basisjaar in row(s) {rows}"},
    "error.model.rows_trend_before_base": {"nl": "trendjaar ligt voor basisjaar in rij(en) {rows}",
                                           "en": "trendjaar comes before basisjaar in row(s) {rows}"},
    "error.model.rows_equilibrium": {"nl": "{name} ligt niet binnen {horizon} jaar na basisjaar in rij(en) {rows}",
                                     "en": "{name} is not within {horizon} years of basisjaar in row(s) {rows}"},
    "error.model.invalid_sweep_parameters": {"nl": "Ongeldige parameters van het huisartsenmodel: {problems}.",
                                             "en": "Invalid GP model parameters: {problems}."},
    "error.model.sweep_equilibrium": {
        "nl": "Het evenwichtsjaar moet binnen {horizon} jaar na het basisjaar liggen; dat is niet zo in rij(en) "
              "{rows}.",
        "en": "Equilibrium year must lie within {horizon} years after the base year; not in row(s) {rows}."},
    "error.model.sweep_too_early": {
        "nl": "Het evenwichtsjaar valt vóór het jaar waarin de eerste aios van de instroom vanaf het bijsturingsjaar "
              "aan het werk kunnen, in rij(en) {rows}; kies een later jaar.",
        "en": "The equilibrium year comes before the first trainees of the intake from the bijsturingsjaar can work "
              "in row(s) {rows}; choose a later year."},
    "error.model.sweep_one_base_year": {
        "nl": "sweep_paths heeft één basisjaar voor alle rijen nodig (basisjaar kan niet variëren).",
        "en": "sweep_paths needs one base year for all rows (basisjaar cannot vary)."},
    # --- rounds (the parameter file)
    "error.model.round_not_year": {"nl": "De raming moet een jaartal zijn, niet {value}; ramingen in {path}: {known}.",
                                   "en": "Round must be a year, got {value}; rounds in {path}: {known}."},
    "error.model.unknown_round": {"nl": "Geen raming {round} in {path}; beschikbare ramingen: {known}.",
                                  "en": "No round {round} in {path}; rounds available: {known}."},
    "error.model.unknown_variant": {"nl": "Onbekende variant {variant}; kies uit {known}.",
                                    "en": "Unknown variant {variant}; variants are {known}."},
    "error.model.cell": {"nl": "{name} = {text}", "en": "{name} = {text}"},
    "error.model.cell_not_whole_year": {"nl": "{name} = {text} (geen heel jaartal)",
                                        "en": "{name} = {text} (not a whole year)"},
    "error.model.file_lacks_parameters": {"nl": "parameters die in het bestand ontbreken: {names}",
                                          "en": "parameters missing from the file: {names}"},
    "error.model.parameters_without_value": {"nl": "parameters zonder waarde voor raming {round}: {names}",
                                             "en": "parameters without a value for round {round}: {names}"},
    "error.model.values_not_numbers": {"nl": "waarden die geen getal zijn (raming {round}): {values}",
                                       "en": "values that are not numbers (round {round}): {values}"},
    "error.model.bad_parameter_file": {
        "nl": "{path}: {problems}. Verbeter het bestand (een decimale komma en een decimale punt werken allebei).",
        "en": "{path}: {problems}. Fix the file (decimal comma or point both work)."},
    # --- regional model
    "error.model.regional_columns": {
        "nl": "De regionale invoer mist de kolom(men) {missing}; nodig zijn {required} (optioneel: statnaam, "
              "per_vrouw_basis, onv_vraag).",
        "en": "Regional inputs lack column(s) {missing}; they need {required} (optional: statnaam, "
              "per_vrouw_basis, onv_vraag)."},
    "error.model.duplicate_regions": {"nl": "dubbele regiocodes {codes}", "en": "duplicate region codes {codes}"},
    "error.model.column_not_positive": {"nl": "kolom {column} heeft ontbrekende, negatieve of nulwaarden bij {codes}",
                                        "en": "column {column} has missing, negative or zero values at {codes}"},
    "error.model.no_gps": {"nl": "kolom 'gps' telt op tot nul", "en": "column 'gps' sums to zero"},
    "error.model.column_not_numbers": {"nl": "kolom {column} heeft waarden die geen getal zijn",
                                       "en": "column {column} has values that are not numbers"},
    "error.model.column_not_factor": {
        "nl": "kolom {column} moet een eindige factor groter dan 0 zijn; dat is niet zo bij {codes}",
        "en": "column {column} must be a finite factor above 0; not at {codes}"},
    "error.model.no_regions": {"nl": "geen regio's", "en": "no regions"},
    "error.model.bad_regional_inputs": {"nl": "Regionale invoer: {problems}.", "en": "Regional inputs: {problems}."},
    "error.model.bad_unfulfilled": {"nl": "unfulfilled moet 'national' of 'density' zijn, niet {value}.",
                                    "en": "unfulfilled must be 'national' or 'density', got {value}."},
    "error.model.density_needs_gps": {
        "nl": "{opt_unfulfilled_density} heeft huisartsen in elke regio nodig; er zijn er geen in {codes}.",
        "en": "{opt_unfulfilled_density} needs GPs in every region; none in {codes}."},
    "error.model.bad_growth_years": {"nl": "growth_years moet positief zijn, niet {value}.",
                                     "en": "growth_years must be positive, got {value}."},
    "error.model.growth_years_needed": {
        "nl": "growth_years is nodig: het aantal jaren tussen population_start en population (invoer van "
              "regio.model.inputs.load_regional_inputs heeft het in attrs).",
        "en": "growth_years is needed: the years between population_start and population (inputs from "
              "regio.model.inputs.load_regional_inputs carry it in attrs)."},
    "warning.model.negative_regional_advice": {
        "nl": "De regio's {codes} hebben in het model geen instroom nodig (negatief advies); ze krijgen gewicht 0 "
              "in de verdeling.",
        "en": "Regions {codes} need no intake in the model (negative advice); they get weight 0 in the "
              "apportionment."},
    "error.model.negative_national_advice": {
        "nl": "Het landelijke advies is negatief ({advice:.1f}); er valt niets te verdelen.",
        "en": "The national advice is negative ({advice:.1f}); nothing to apportion."},
    # --- ageing
    "error.model.no_age_bands": {
        "nl": "De leeftijdsopbouw heeft geen kolommen met leeftijdsgroepen (age_<van>_<tot>, age_<van>plus).",
        "en": "The age structure has no age band columns (age_<from>_<to>, age_<from>plus)."},
    "error.model.bad_age_band": {"nl": "Leeftijdsgroep {band}: ontbrekende of negatieve aantallen voor {codes}.",
                                 "en": "Age band {band}: missing or negative counts for {codes}."},
    "error.model.age_bands_cover": {
        "nl": "De leeftijdsgroepen {bands} dekken niet elke leeftijd van 0 tot een open bovenste groep precies één "
              "keer (leeftijden {first}-{last}).",
        "en": "The age bands {bands} do not cover every age from 0 to an open top band once (ages {first}-{last})."},
    "error.model.bad_use": {"nl": "use heeft {n} positieve waarden nodig, één per leeftijdsjaar 0-{last}.",
                            "en": "use needs {n} positive values, one per year of age 0-{last}."},
    "error.model.bad_horizons": {"nl": "Horizons moeten in 1-{last} jaar liggen, niet {value}.",
                                 "en": "Horizons must lie in 1-{last} years, got {value}."},
    "error.model.no_inhabitants_ages": {"nl": "Geen inwoners in de leeftijdsopbouw van {codes}.",
                                        "en": "No inhabitants in the age structure of {codes}."},
    # --- the national model
    "error.model.unknown_scenario": {
        "nl": "Onbekend scenario {name}; kies uit demografie, werkproces, arbeidstijd, volledig, doorgaand (of "
              "{known}).",
        "en": "Unknown scenario {name}; scenarios are {known} (or demografie, werkproces, arbeidstijd, volledig, "
              "doorgaand)."},
    "error.model.bad_intake": {
        "nl": "De instroom moet een niet-negatief aantal aios per jaar zijn, niet {value}.",
        "en": "Intake must be a non-negative number of trainees a year, got {value}."},
    "error.model.bad_equilibrium_year": {"nl": "Evenwichtsjaar {year} moet in {first}-{last} liggen.",
                                         "en": "Equilibrium year {year} must lie in {first}-{last}."},
    "error.model.equilibrium_too_early": {
        "nl": "Evenwichtsjaar {year} valt vóór het jaar waarin de eerste aios van de instroom vanaf {steering} aan "
              "het werk kunnen (rond {first:.1f}); kies een later jaar.",
        "en": "Equilibrium year {year} comes before the first trainees of the intake from {steering} can work "
              "(about {first:.1f}); choose a later year."},
    "error.model.published_other_round": {
        "nl": "De gepubliceerde cijfers van 2025 horen bij raming 2025, variant midden; deze parameters zijn van "
              "raming {round}, variant {variant}. Vergelijk andere ramingen met compare_rounds().",
        "en": "The published 2025 figures are of round 2025, variant midden; these parameters are of round "
              "{round}, variant {variant}. Compare other rounds with compare_rounds()."},
    "error.model.ranges_other_round": {
        "nl": "De varianten voor de bandbreedtes moeten van raming {round} zijn, niet van {other}.",
        "en": "The variants for the ranges must be of round {round}, not {other}."},
    "error.model.too_few_draws": {"nl": "--uncertainty heeft minstens 10 trekkingen nodig, niet {n}.",
                                  "en": "--uncertainty needs at least 10 draws, got {n}."},
    # --- regional inputs
    "error.model.institute_not_cbs_level": {
        "nl": "Instituutsgebieden zijn geen CBS-niveau: geef hun indeling mee, bijvoorbeeld "
              "load_regional_inputs('instituut', membership=institute_membership(2024), names=...) met "
              "regio.recruitment.run.institute_membership (zoals `regio model --level instituut` doet).",
        "en": "Institute areas are not a CBS level: pass their membership, e.g. load_regional_inputs('instituut', "
              "membership=institute_membership(2024), names=...) with regio.recruitment.run.institute_membership "
              "(as `regio model --level instituut` does)."},
    "error.model.not_municipal_level": {
        "nl": "Het regionale model rekent op niveaus die uit hele gemeenten bestaan ({known}), niet op {level}.",
        "en": "The regional model runs on levels made of whole municipalities ({known}), not {level}."},
    "error.model.start_after_year": {"nl": "start_year {start} moet vóór jaar {year} liggen.",
                                     "en": "start_year {start} must come before year {year}."},
    "error.model.carried_lacks": {
        "nl": "De omgezette bevolking van {start} mist de gemeenten {codes} van {year}.",
        "en": "Carried population of {start} lacks municipalities {codes} of {year}."},
    "error.model.membership_unknown": {"nl": "onbekend: {codes}", "en": "unknown {codes}"},
    "error.model.membership_missing": {"nl": "ontbrekend: {codes}", "en": "missing {codes}"},
    "error.model.bad_membership": {
        "nl": "De indeling voor {level} moet elke gemeente van {year} precies één keer noemen: {problems}.",
        "en": "The membership for {level} must list every municipality of {year} once: {problems}."},
    "error.model.no_inhabitants_gps": {"nl": "Geen inwoners op 1 januari {year} voor {codes}.",
                                       "en": "No inhabitants of 1 January {year} for {codes}."},
    "error.model.bad_ages": {"nl": "ages={value}: kies uit {known} (opdrachtregel: --ages).",
                             "en": "ages={value}: use one of {known} (command line: --ages)."},
    "error.model.ages_lack": {"nl": "De leeftijdsopbouw ({choice}) mist de gemeenten {codes} van {year}.",
                              "en": "The age structure ({choice}) lacks municipalities {codes} of {year}."},
}
