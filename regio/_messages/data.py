"""Error and warning messages of data (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/data/practices.py
    "error.data.part.column": {"nl": "kolom {names} ({letters})", "en": "column {names} ({letters})"},
    "error.data.part.columns": {"nl": "kolommen {names} ({letters})", "en": "columns {names} ({letters})"},
    "error.data.part.row": {"nl": "rij {row}, {problem}", "en": "row {row}, {problem}"},
    "error.data.practices_level": {
        "nl": "Praktijken worden in gemeenten of PC4-gebieden geplaatst, niet in {level}; [[python|gebruik "
              "practices({level!r}, path=...) om ze tot dat niveau op te tellen]][[cli|tel per gemeente of "
              "PC4-gebied]].",
        "en": "Practices are placed in municipalities or PC4 areas, not {level}; [[python|use practices({level!r}, "
              "path=...) to sum them to that level]][[cli|count per municipality or PC4 area]]."},
    "error.data.part.practice_not_a_municipality": {
        "nl": "{column}: {code} is geen gemeente van {year} ({source}); controleer de code[[year|, of geef het jaar "
              "van de gemeentelijke indeling van de lijst ({opt_year})]].",
        "en": "{column}: {code} is not a municipality of {year} ({source}); check the code[[year|, or pass the year of "
              "the list's municipal division ({opt_year})]]."},
    "error.data.part.every_municipality": {
        "nl": "elke gemeente van {year} ({source}, alleen land)",
        "en": "every municipality of {year} ({source}, land only)"},
    "error.data.part.every_pc4": {"nl": "elk PC4-gebied ({source})", "en": "every PC4 area ({source})"},
    "error.data.part.point_outside_gemeente": {
        "nl": "{column}: het punt ({lon:g}; {lat:g}) ligt {km:.1f} km buiten {where}; controleer de coördinaten, "
              "of geef de postcode of de gemeentecode.",
        "en": "{column}: the point ({lon:g}, {lat:g}) lies {km:.1f} km outside {where}; check the coordinates, or "
              "give the postcode or municipal code."},
    "error.data.part.point_outside": {
        "nl": "{column}: het punt ({lon:g}; {lat:g}) ligt {km:.1f} km buiten {where}; controleer de coördinaten, "
              "of geef de postcode.",
        "en": "{column}: the point ({lon:g}, {lat:g}) lies {km:.1f} km outside {where}; check the coordinates, or "
              "give the postcode."},
    "error.data.part.pc4_no_polygon": {
        "nl": "{column}: PC4 {code} heeft geen vlak in {source} (en is dus niet in een gemeente te plaatsen); geef "
              "lon en lat of de gemeentecode voor deze rij.",
        "en": "{column}: PC4 {code} has no polygon in {source} (so it cannot be placed in a municipality); give lon "
              "and lat or the municipal code for this row."},
    "error.data.part.not_a_pc4": {
        "nl": "{column}: PC4 {code} is geen PC4-gebied van {source}; geef lon en lat voor deze rij.",
        "en": "{column}: PC4 {code} is not a PC4 area of {source}; give lon and lat for this row."},
    "error.data.part.only_municipal_code": {
        "nl": "rij(en) {rows}: alleen een gemeentecode, en die zegt niet in welk PC4-gebied; geef de postcode of "
              "lon en lat[[level_gemeente|, of tel per gemeente ({opt_level_gemeente})]].",
        "en": "row(s) {rows}: only a municipal code, which does not say which PC4 area; give the postcode or lon "
              "and lat[[level_gemeente|, or count per municipality ({opt_level_gemeente})]]."},
    "error.data.practices_not_placed": {
        "nl": "{path}: {n} praktijk(en) niet te plaatsen; er is niets geteld:\n  {problems}",
        "en": "{path}: {n} practice(s) cannot be placed; nothing was counted:\n  {problems}"},
    "error.data.practices_other_division": {
        "nl": "De gedeelde praktijktellingen ({file}) staan in de gemeentelijke indeling van {division} (die van "
              "{same}); {year} heeft een andere indeling.[[python| Gebruik year={division}, of geef uw eigen lijst "
              "(path=...); die wordt geplaatst in de gemeenten van elk jaar met grenzen.]][[cli,year| Gebruik "
              "--year {division}.]][[cli,practices_path| Of geef uw eigen lijst (--practices BESTAND); die wordt "
              "geplaatst in de gemeenten van elk jaar met grenzen.]]",
        "en": "The shared practice counts ({file}) are in the municipal division of {division} (that of {same}); "
              "{year} has another division.[[python| Use year={division}, or pass your own list (path=...), which is "
              "placed in the municipalities of any year with boundaries.]][[cli,year| Use --year {division}.]]"
              "[[cli,practices_path| Or pass your own list (--practices FILE), which is placed in the municipalities "
              "of any year with boundaries.]]"},
    "error.data.practice_counts_incomplete": {
        "nl": "{file} hoort elke gemeente van {division} één keer te noemen (0 waar er geen praktijk is): "
              "ontbrekend {missing}; niet van {division}: {extra}. Zet het bestand terug uit een volledige "
              "gegevensmap zoals shared/data.",
        "en": "{file} should list every municipality of {division} once (0 where none): missing {missing}; not of "
              "{division}: {extra}. Restore it from a full data directory such as shared/data."},
    "error.data.part.none": {"nl": "geen", "en": "none"},
    "error.data.practices_not_per_wijk": {
        "nl": "Praktijken worden geteld per PC4-gebied en gemeente (en de niveaus die uit gemeenten bestaan), niet "
              "per wijk.",
        "en": "Practices are counted per PC4 area and municipality (and the levels made of municipalities), not per "
              "wijk."},
    # regio/data/regions.py
    "error.data.codes_differ": {
        "nl": "De gemeentecodes van {year} verschillen tussen boundaries/gemeente_{year}.geojson en {table}: {codes}.",
        "en": "The municipal codes of {year} differ between boundaries/gemeente_{year}.geojson and {table}: "
              "{codes}."},
    "error.data.can_dissolve": {
        "nl": "{inner}[[python| Regio's die uit hele gemeenten bestaan, zijn samen te voegen uit de gemeenten van "
              "{year}: geef dissolve=True.]]",
        "en": "{inner}[[python| Regions made of whole municipalities can be dissolved from the municipalities of "
              "{year}: pass dissolve=True.]]"},
    "error.data.no_dissolve_division": {
        "nl": "{inner} Ze zijn ook niet uit gemeenten samen te voegen: de gemeentelijke indeling van {year} is "
              "onbekend (bekend: {known}). Gebruik een van die jaren, of voeg de grenzen toe aan de gegevensmap.",
        "en": "{inner} Nor can they be dissolved from municipalities: the municipal division of {year} is unknown "
              "(known: {known}). Use a year of those, or add the boundaries to the data directory."},
    "error.data.no_dissolve_files": {
        "nl": "{inner} Ze zijn ook niet uit gemeenten samen te voegen: er zijn geen gemeentegrenzen van {year} of "
              "later (bestanden: {files}). Gebruik een van die jaren, of voeg de grenzen toe aan de gegevensmap.",
        "en": "{inner} Nor can they be dissolved from municipalities: no municipal boundaries of {year} or later "
              "(files: {files}). Use a year of those, or add the boundaries to the data directory."},
    "error.data.no_boundary_file": {
        "nl": "Geen grensbestand voor niveau {level!r} in {root}/boundaries. Gegevens krijgen: draai online "
              "`regio data fetch --year 2024` (downloadt van CBS StatLine en PDOK naar {root}), of wijs met de "
              "omgevingsvariabele REGIO_DATA_DIR (of `regio --data-dir MAP`) een map aan die is ingedeeld als "
              "shared/data.",
        "en": "No boundary file for level {level!r} in {root}/boundaries. {hint}"},
    "error.data.unknown_division": {
        "nl": "De gemeentelijke indeling van {year} is onbekend. Bekende jaren: {known}.",
        "en": "The municipal division of {year} is unknown. Known years: {known}."},
    "error.data.no_region_for": {
        "nl": "Indeling van {level} {year}: geen regio voor {codes}.",
        "en": "Membership of {level} {year}: no region for {codes}."},
    "error.data.no_later_boundaries": {
        "nl": "Geen gemeentegrenzen voor {year} of later; de gemeenten van dat jaar zijn niet te plaatsen.",
        "en": "No municipal boundaries for {year} or later; cannot place its municipalities."},
    "error.data.membership_levels": {
        "nl": "De indeling bestaat voor niveaus die uit hele gemeenten bestaan ({levels}), niet voor {bad}.",
        "en": "Membership is defined for levels made of whole municipalities ({levels}), not {bad}."},
    "error.data.unit_membership_level": {
        "nl": "unit_membership is voor niveaus fijner dan een gemeente (pc4, wijk), niet voor {level}.",
        "en": "unit_membership is for levels finer than a municipality (pc4, wijk), not {level}."},
    # regio/data/points.py
    "error.data.practices_without_polygon": {
        "nl": "Huisartsenpraktijken liggen in PC4-gebieden zonder vlak in {where}: {codes} ({n} praktijken). "
              "Plaats ze in een aangrenzend PC4-gebied, of geef ze in plaats daarvan een gemeentecode.",
        "en": "GP practices lie in PC4 areas without a polygon in {where}: {codes} ({n} practices). Place them in a "
              "neighbouring PC4 area, or give them a municipal code instead."},
    # regio/data/trainers.py
    "error.data.unknown_hospital_kinds": {
        "nl": "Onbekende soorten ziekenhuis {kinds}; de soorten zijn {known}.",
        "en": "Unknown hospital kinds {kinds}; the kinds are {known}."},
    # regio/data/workforce.py
    "error.data.unknown_counts_source": {
        "nl": "Onbekende bron van artsenaantallen {source!r}; kies uit {choices}.",
        "en": "Unknown source of physician counts {source!r}; choose one of {choices}."},
    "error.data.counts_file_and_nivel": {
        "nl": "Een bestand met aantallen ({opt_counts_file}) is zelf de bron: laat {opt_source_nivel} weg, of het "
              "bestand.",
        "en": "A counts file ({opt_counts_file}) is its own source: leave out {opt_source_nivel}, or the file."},
    "error.data.no_physician_counts": {
        "nl": "Geen artsenaantallen gevonden (gezocht in {path}). Haal online CBS 84777NED op met `regio data "
              "fetch`[[counts|, of geef uw eigen bestand ({opt_counts})]].",
        "en": "No physician counts found (looked in {path}). Fetch CBS 84777NED with `regio data fetch` when "
              "online[[counts|, or pass your own file ({opt_counts})]]."},
    "error.data.nivel_gps_only": {
        "nl": "De reeks van Nivel telt alleen huisartsen (huisarts), niet {profession!r}: gebruik voor andere "
              "beroepen de aantallen van CBS ({opt_source_cbs}).",
        "en": "Nivel's series counts GPs (huisarts) only, not {profession!r}: use the CBS counts "
              "({opt_source_cbs}) for other professions."},
    "error.data.nivel_national_only": {
        "nl": "Nivel telt werkzame huisartsen alleen voor heel Nederland (niveau land), niet per {level}. Gebruik "
              "{opt_level_land} voor de aantallen van Nivel, of voor regio's de aantallen van CBS naar "
              "woonplaats ({opt_source_cbs}): CBS 84777NED heeft huisartsen per provincie voor 2018.",
        "en": "Nivel counts working GPs for the Netherlands as a whole only (level land), not per {level}. Use "
              "{opt_level_land} for Nivel's counts, or the CBS counts by place of residence ({opt_source_cbs}) "
              "for regions: CBS 84777NED has GPs per province for 2018."},
    "error.data.no_nivel_year": {
        "nl": "Geen aantallen werkzame huisartsen van Nivel voor {year}; Nivel heeft 1 januari {first}-{last}.",
        "en": "No Nivel counts of working GPs for {year}; Nivel has 1 January {first}-{last}."},
    "error.data.no_nivel_counts": {
        "nl": "Geen aantallen van Nivel voor {year}.", "en": "No Nivel counts for {year}."},
    "error.data.no_gp_counts_level": {
        "nl": "Geen aantallen huisartsen per {level} voor {year}; er zijn aantallen per {have}.",
        "en": "No GP counts per {level} for {year}; counts exist per {have}."},
    "error.data.no_gp_counts": {
        "nl": "Geen aantallen huisartsen per {level} voor {year}; er zijn geen aantallen per regio.",
        "en": "No GP counts per {level} for {year}; counts exist per nothing."},
    "error.data.gp_counts_twice": {
        "nl": "Aantallen huisartsen van {year}: meer dan één aantal voor {codes}.",
        "en": "GP counts of {year}: more than one count for {codes}."},
    "error.data.profession_not_in_data": {
        "nl": "Geen aantallen voor beroep {profession!r} in de gegevens. Beroepen in de gegevens: {have}. Haal ze "
              "online op (`regio data fetch --what physicians`) of geef uw eigen bestand met aantallen.",
        "en": "No counts for profession {profession!r} in the data. Professions in the data: {have}. Fetch them "
              "when online (`regio data fetch --what physicians`) or pass your own counts file."},
    "error.data.unknown_profession": {
        "nl": "Onbekend beroep {profession!r}. Beroepen in de gegevens: {have}. Bekende beroepen: {professions}.",
        "en": "Unknown profession {profession!r}. Professions in the data: {have}. Known professions: "
              "{professions}."},
    # regio/data/populations.py
    "error.data.no_age_bands_year": {
        "nl": "Geen leeftijdsgroepen voor gemeenten in {year}. Jaren met leeftijdsgroepen: {known}."
              "[[interpolate| Gebruik {opt_interpolate} om de aandelen van de groepen te interpoleren tussen "
              "de dichtstbijzijnde van die jaren en de bevolking van {year} daarover te verdelen.]]",
        "en": "No age bands for municipalities in {year}. Years with age bands: {known}."
              "[[interpolate| Use {opt_interpolate} to interpolate the bands' shares between the nearest of those "
              "years and apportion the population of {year} over them.]]"},
    "error.data.age_structure_back": {
        "nl": "De gemeentelijke leeftijdsopbouw is van {year}; die kan niet terug worden omgezet naar de indeling "
              "van {target}.",
        "en": "The municipal age structure is of {year}; it cannot be carried back to the {target} division."},
    "error.data.unknown_age_bands": {
        "nl": "age_bands={choice!r}: geef True (de kerncijfers), False, of een van {choices}.",
        "en": "age_bands={choice!r}: give True (the kerncijfers), False, or one of {choices}."},
    "error.data.age_structure_before": {
        "nl": "De gemeentelijke leeftijdsopbouw van {structure} kan niet terug worden omgezet naar de indeling van "
              "{year}[[python|; gebruik de kerncijfers (age_bands=True, met interpolate=True tussen hun jaren) of "
              "age_bands='national']][[cli,interpolate|; gebruik {opt_interpolate} tussen de jaren van de "
              "kerncijfers]].",
        "en": "The municipal age structure of {structure} cannot be carried back to the {year} division[[python|; use "
              "the "
              "kerncijfers (age_bands=True, with interpolate=True between their years) or age_bands='national']]"
              "[[cli,interpolate|; use {opt_interpolate} between the years of the kerncijfers]]."},
    "error.data.age_structure_lacks": {
        "nl": "De leeftijdsopbouw van 2020, omgezet naar {year}, mist {codes}.",
        "en": "The 2020 age structure carried to {year} lacks {codes}."},
    "error.data.cannot_interpolate": {
        "nl": "Kan de gemeentelijke bevolking voor {year} niet interpoleren: daarvoor is een jaar ervoor en een "
              "jaar erna nodig (beschikbaar: {known}); regio extrapoleert niet.",
        "en": "Cannot interpolate municipal population for {year}: it needs a year before and after (available: "
              "{known}); regio does not extrapolate."},
    "error.data.interpolation_division": {
        "nl": "Interpoleren van {year} tussen {y0} en {y1} vraagt een indeling van {y1} of later, niet {target} "
              "(aantallen kunnen niet terug in de tijd worden omgezet).",
        "en": "Interpolating {year} between {y0} and {y1} needs a division of {y1} or later, not {target} (counts "
              "cannot be carried backwards)."},
    "error.data.extrapolation_division": {
        "nl": "Extrapoleren van {year} uit {y0} en {y1} vraagt een indeling van {y1} of later, niet {target} "
              "(aantallen kunnen niet terug in de tijd worden omgezet).",
        "en": "Extrapolating {year} from {y0} and {y1} needs a division of {y1} or later, not {target} (counts "
              "cannot be carried backwards)."},
    "error.data.extrapolated_bands_division": {
        "nl": "Geëxtrapoleerde leeftijdsgroepen houden de aandelen van {y1} in de eigen indeling van dat jaar; laat "
              "de indeling weg (niet {target}).",
        "en": "Extrapolated age bands keep the band shares of {y1} in its own division; leave the division out "
              "(not {target})."},
    "error.data.without_age_bands": {
        "nl": "Gemeenten zonder leeftijdsgroepen in {y1}: {codes}; hun geëxtrapoleerde aantal is niet over de "
              "groepen te verdelen (laat age_bands weg).",
        "en": "Municipalities without age bands in {y1}: {codes}; their extrapolated count cannot be split over "
              "the bands (leave age_bands out)."},
    "error.data.no_municipal_population": {
        "nl": "Geen gemeentelijke bevolking in {root}/tables. Gegevens krijgen: draai online `regio data fetch --year "
              "2024` (downloadt van CBS StatLine en PDOK naar {root}), of wijs met de omgevingsvariabele "
              "REGIO_DATA_DIR (of `regio --data-dir MAP`) een map aan die is ingedeeld als shared/data.",
        "en": "No municipal population in {root}/tables. {hint}"},
    "error.data.past_the_last_year": {
        "nl": "Geen bevolking voor {level} {year}. Beschikbare jaren: {known}; het laatste is {last}, en regio "
              "extrapoleert alleen als dat gevraagd wordt. Kies een jaar tot en met {last}[[extrapolate|, of "
              "gebruik {opt_extrapolate} om de trend van {before}-{last} door te trekken naar {year}, aangeduid "
              "als extrapolatie]].",
        "en": "No population for {level} {year}. Years available: {known}; the last is {last}, and regio does not "
              "extrapolate unless asked. Choose a year up to {last}[[extrapolate|, or use {opt_extrapolate} to "
              "extend the trend of {before}-{last} to {year}, labelled an extrapolation]]."},
    "error.data.single_year": {
        "nl": "Bevolking per {level} bestaat alleen voor {only} ({source}), niet voor {year}. Gebruik jaar {only} "
              "(`--year {only}` op de opdrachtregel).",
        "en": "{level} population exists for {only} only ({source}), not {year}. Use year {only} (`--year {only}` "
              "on the command line)."},
    "error.data.part.by_age_band": {"nl": " per leeftijdsgroep", "en": " by age band"},
    "error.data.part.published_totals": {
        "nl": "; gepubliceerde totalen per {level} (zonder leeftijdsgroepen) ook voor {years}",
        "en": "; published {level} totals (without age bands) also for {years}"},
    "error.data.no_level_population": {
        "nl": "Geen bevolking voor {level} {year}{by_age}. Gemeentelijke jaren (op te tellen tot elk niveau): "
              "{known}{also}.[[interpolate| Gebruik {opt_interpolate} om lineair te interpoleren "
              "tussen de dichtstbijzijnde gemeentelijke jaren, omgezet naar één indeling.]]",
        "en": "No population for {level} {year}{by_age}. Municipal years (summed to any level): {known}{also}."
              "[[interpolate| Use {opt_interpolate} to interpolate linearly between the nearest municipal "
              "years, carried to one division.]]"},
    # regio/data/trainers.py
    "error.data.refused_trainer_list": {
        "nl": "{path}: {n} rij(en) van de opleiderslijst geweigerd; er is niets geteld:\n  {problems}",
        "en": "{path}: {n} row(s) of the trainer list refused; nothing was counted:\n  {problems}"},
    "error.data.refused_trainer_counts": {
        "nl": "{path}: {n} rij(en) van de opleidersaantallen geweigerd; er is niets geteld:\n  {problems}",
        "en": "{path}: {n} row(s) of the trainer counts refused; nothing was counted:\n  {problems}"},
    "error.data.refused_intake_table": {
        "nl": "{path}: {n} rij(en) van de instroomtabel geweigerd; er is niets geteld:\n  {problems}",
        "en": "{path}: {n} row(s) of the intake table refused; nothing was counted:\n  {problems}"},
    "error.data.part.and_more": {"nl": "... en nog {n}", "en": "... and {n} more"},
    "error.data.part.unknown_institute": {
        "nl": "rij {row}, {column}: onbekend instituut {value!r}; kies uit {known} (de ids van "
              "geodata/institutes.csv).",
        "en": "row {row}, {column}: unknown institute {value!r}; use one of {known} (the ids of "
              "geodata/institutes.csv)."},
    "error.data.part.trainer_not_a_municipality": {
        "nl": "rij {row}, {column}: {code} is geen gemeente van {year} ({source}); controleer de code, of geef de "
              "postcode.",
        "en": "row {row}, {column}: {code} is not a municipality of {year} ({source}); check the code, or give the "
              "postcode."},
    "error.data.part.trainer_pc4_no_area": {
        "nl": "rij {row}, {column}: PC4 {area} heeft geen gebied in de PC4-grenzen (en is dus niet in een gemeente "
              "te plaatsen); geef de gemeentecode voor deze rij.",
        "en": "row {row}, {column}: PC4 {area} has no area in the PC4 boundaries (so it cannot be placed in a "
              "municipality); give the municipal code (gemeentecode) for this row."},
    "error.data.part.count_not_a_municipality": {
        "nl": "rij {row}, {column}: {code} is geen gemeente van {year} ({source}); controleer de code.",
        "en": "row {row}, {column}: {code} is not a municipality of {year} ({source}); check the code."},
    "error.data.part.unit_twice": {
        "nl": "rij {row}, {column}: {unit} staat er twee keer in (ook in rij {first}); houd er één.",
        "en": "row {row}, {column}: {unit} is given twice (also row {first}); keep one."},
    "error.data.part.intake_twice": {
        "nl": "rij {row}: instituut en jaar twee keer gegeven (anders gespeld); houd er één.",
        "en": "row {row}: institute and year given twice (spelled differently); keep one."},
}
