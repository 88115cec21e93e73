"""Error and warning messages of density (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- rates
    "error.density.bad_norm_inhabitants": {
        "nl": "Een norm in inwoners per arts moet positief zijn, niet {value}.",
        "en": "A norm of inhabitants per physician must be positive, got {value}."},
    "error.density.not_series_pair": {
        "nl": "counts en population moeten pandas Series zijn met de regiocode als index, niet {counts_type} en "
              "{population_type}.",
        "en": "counts and population must be pandas Series indexed by region code, got {counts_type} and "
              "{population_type}."},
    "error.density.duplicate_codes": {
        "nl": "dubbele codes in {name}: {codes}", "en": "duplicate codes in {name}: {codes}"},
    "error.density.counts_without_population": {
        "nl": "aantallen voor codes zonder bevolking: {codes}", "en": "counts for codes without population: {codes}"},
    "error.density.population_without_counts": {
        "nl": "bevolking voor codes zonder aantallen (ontbrekend is niet nul; geef 0 uitdrukkelijk op): {codes}",
        "en": "population for codes without counts (missing is not zero; pass 0 explicitly): {codes}"},
    "error.density.missing_or_negative_counts": {
        "nl": "ontbrekende of negatieve aantallen: {codes}", "en": "missing or negative counts: {codes}"},
    "error.density.zero_population": {
        "nl": "bevolking nul of onbekend: {codes}", "en": "zero or missing population: {codes}"},
    "error.density.cannot_rate": {
        "nl": "Kan geen cijfers per 100.000 inwoners berekenen: {problems}.",
        "en": "Cannot compute rates per 100,000: {problems}."},
    "error.density.bad_bands": {
        "nl": "bands moeten twee oplopende percentages zijn, zoals (75, 110), niet {value}.",
        "en": "bands must be two ascending percentages such as (75, 110), got {value}."},
    "error.density.bad_norm": {
        "nl": "norm_per_100k moet een positief getal zijn, niet {value}.",
        "en": "norm_per_100k must be a positive number, got {value}."},
    "error.density.bad_confidence": {
        "nl": "level moet tussen 0 en 1 liggen (bijvoorbeeld 0.95), niet {value}.",
        "en": "level must be between 0 and 1 (e.g. 0.95), got {value}."},
    "error.density.negative_interval_counts": {
        "nl": "Aantallen voor een betrouwbaarheidsinterval mogen niet negatief zijn.",
        "en": "Counts for an interval must not be negative."},
    "error.density.not_series": {
        "nl": "{name} moet een pandas Series zijn met de regiocode als index, niet {type}.",
        "en": "{name} must be a pandas Series indexed by region code, got {type}."},
    "error.density.counts_not_regions": {
        "nl": "aantallen voor codes die geen regio's van de bevolkingstabel zijn (een ander niveau of de indeling "
              "van een ander jaar?): {codes}",
        "en": "counts for codes that are not regions of the population table (another level or another year's "
              "division?): {codes}"},
    "error.density.negative_counts": {"nl": "negatieve aantallen: {codes}", "en": "negative counts: {codes}"},
    "error.density.zero_population_physicians": {
        "nl": "bevolking nul of onbekend in regio's met artsen: {codes}",
        "en": "zero or missing population for regions with physicians: {codes}"},
    "error.density.cannot_density": {
        "nl": "Kan de dichtheden niet berekenen: {problems}.", "en": "Cannot compute densities: {problems}."},
    "error.density.no_national_rate": {
        "nl": "Geen enkele regio heeft zowel een aantal als een bevolking: geen landelijk cijfer.",
        "en": "No region has both a count and a population: no national rate."},
    # --- smoothing, trends, run
    "error.density.bad_islands": {
        "nl": "islands moet 'nearest' of 'none' zijn, niet {value}.",
        "en": "islands must be 'nearest' or 'none', got {value}."},
    "error.density.trend_same_year": {
        "nl": "Voor een trend zijn twee verschillende jaren nodig; {year} is twee keer opgegeven.",
        "en": "A trend needs two different years, got {year} twice."},
    "error.density.trend_divisions": {
        "nl": "De twee jaren hebben niet dezelfde indeling: codes die maar in een deel van de invoer voorkomen: "
              "{codes}. Zet de aantallen van het vroegste jaar eerst om naar de indeling van het latere jaar "
              "(regio.carry_to).",
        "en": "The two years are not on one division: codes present in some inputs only: {codes}. Carry the "
              "earlier year's counts to the later division first (regio.carry_to)."},
    "error.density.trend_no_common": {
        "nl": "Geen enkele regio heeft aantallen in zowel {y0} als {y1} ({n0} regio's in {y0} en {n1} in {y1}): "
              "er is geen verandering te berekenen. Controleer of de aantallen van beide jaren dezelfde regio's "
              "dekken (een gemeente waarvan de voorgangers geen aantallen hebben, heeft er zelf ook geen).",
        "en": "No region has counts in both {y0} and {y1} (with {n0} in {y0} and {n1} in {y1}): there is no change "
              "to compute. Check that the counts of both years cover the same regions (a municipality whose "
              "predecessors lack counts has none)."},
    "error.density.level_is_not_confidence": {
        "nl": "density_result(level={level}): het regioniveau kiest u in density_inputs(level=...); geef hier het "
              "betrouwbaarheidsniveau op als confidence=0.95.",
        "en": "density_result(level={level}): the region level is chosen in density_inputs(level=...); here give "
              "the confidence level as confidence=0.95."},
    "error.density.years_order": {
        "nl": "Geef het vroegste jaar eerst: {y0} → {y1}.", "en": "Give the earlier year first: {y0} → {y1}."},
    "error.density.regions_differ": {
        "nl": "De regio's van {y0} en {y1} verschillen: {codes}.",
        "en": "The regions of {y0} and {y1} differ: {codes}."},
    # --- placing counts in regions
    "error.density.several_days": {
        "nl": "De aantallen hebben meer dan één peildatum: {days}; neem de aantallen van één moment.",
        "en": "The counts refer to more than one day: {days}; keep the counts of one moment."},
    "error.density.physicians_columns": {
        "nl": "De tabel met artsen mist de kolom(men) {columns}.",
        "en": "The physician table lacks column(s) {columns}."},
    "error.density.duplicate_counts": {
        "nl": "Meerdere aantallen voor dezelfde regio (meer dan één beroep, jaar of sector?): {codes}.",
        "en": "Several counts for the same region (more than one profession, year or sector?): {codes}."},
    "error.density.duplicate_counts_files": {
        "nl": "Meerdere aantallen voor dezelfde regio (meer dan één beroep, jaar of sector; bestanden {files}?): "
              "{codes}.",
        "en": "Several counts for the same region (more than one profession, year or sector; files {files}?): "
              "{codes}."},
    "error.density.unknown_codes": {
        "nl": "Aantallen voor {n} code(s) die geen regio's van niveau {level} in deze indeling zijn: {codes}. "
              "[[python|Zijn het gemeenten van een ander jaar, zet ze dan om met regio.carry_to; verbeter anders de "
              "codes.]][[counts_division,cli|Zijn het gemeenten van een ander jaar, zeg dan welk jaar "
              "(--counts-division JAAR); verbeter anders de codes.]][[cli,!counts_division|Verbeter de codes.]]",
        "en": "Counts for {n} code(s) that are not {level} regions of this division: {codes}. [[python|If they are "
              "municipalities of another year, carry them with regio.carry_to; otherwise correct the "
              "codes.]][[counts_division,cli|If they are municipalities of another year, say which (--counts-division "
              "YEAR); otherwise correct the codes.]][[cli,!counts_division|Correct the codes.]]"},
    "error.density.unknown_codes_in": {
        "nl": "Aantallen in {files} voor {n} code(s) die geen regio's van niveau {level} in deze indeling zijn: "
              "{codes}. [[python|Zijn het gemeenten van een ander jaar, zet ze dan om met regio.carry_to; verbeter "
              "anders de codes.]][[counts_division,cli|Zijn het gemeenten van een ander jaar, zeg dan welk jaar "
              "(--counts-division JAAR); verbeter anders de codes.]][[cli,!counts_division|Verbeter de codes.]]",
        "en": "Counts in {files} for {n} code(s) that are not {level} regions of this division: {codes}. [[python|If "
              "they are municipalities of another year, carry them with regio.carry_to; otherwise correct the "
              "codes.]][[counts_division,cli|If they are municipalities of another year, say which (--counts-division "
              "YEAR); otherwise correct the codes.]][[cli,!counts_division|Correct the codes.]]"},
    "error.density.unknown_municipalities": {
        "nl": "Gemeentelijke aantallen voor {n} code(s) die geen gemeenten van de gebruikte indeling zijn: {codes}. "
              "[[python|Horen ze bij de indeling van een ander jaar, zet ze dan om met regio.carry_to; verbeter anders "
              "de codes.]][[counts_division,cli|Horen ze bij de indeling van een ander jaar, zeg dan welk jaar "
              "(--counts-division JAAR); verbeter anders de codes.]][[cli,!counts_division|Verbeter de codes.]]",
        "en": "Municipal counts for {n} code(s) that are not municipalities of the division used: {codes}. [[python|If "
              "they are of another year's division, carry them with regio.carry_to; otherwise correct the "
              "codes.]][[counts_division,cli|If they are of another year's division, say which (--counts-division "
              "YEAR); otherwise correct the codes.]][[cli,!counts_division|Correct the codes.]]"},
    "error.density.unknown_municipalities_in": {
        "nl": "Gemeentelijke aantallen in {files} voor {n} code(s) die geen gemeenten van de gebruikte indeling zijn: "
              "{codes}. [[python|Horen ze bij de indeling van een ander jaar, zet ze dan om met regio.carry_to; "
              "verbeter anders de codes.]][[counts_division,cli|Horen ze bij de indeling van een ander jaar, zeg dan "
              "welk jaar (--counts-division JAAR); verbeter anders de codes.]][[cli,!counts_division|Verbeter de "
              "codes.]]",
        "en": "Municipal counts in {files} for {n} code(s) that are not municipalities of the division used: {codes}. "
              "[[python|If they are of another year's division, carry them with regio.carry_to; otherwise correct the "
              "codes.]][[counts_division,cli|If they are of another year's division, say which (--counts-division "
              "YEAR); otherwise correct the codes.]][[cli,!counts_division|Correct the codes.]]"},
    "error.density.membership_unknown": {
        "nl": "De indeling deelt gemeenten in bij codes die geen regio's van niveau {level} zijn: {codes}.",
        "en": "Membership maps municipalities to codes that are not {level} regions: {codes}."},
    "error.density.unknown_units": {
        "nl": "Aantallen voor {n} code(s) die geen regio's van niveau {level} in de gebruikte indeling zijn: "
              "{codes}; verbeter de codes.",
        "en": "Counts for {n} code(s) that are not {level} regions of the division used: {codes}; correct the "
              "codes."},
    "error.density.membership_unknown_units": {
        "nl": "De indeling deelt regio's van niveau {from_level} in bij codes die geen regio's van niveau {level} "
              "zijn: {codes}.",
        "en": "Membership maps {from_level} regions to codes that are not {level} regions: {codes}."},
    "error.density.counts_finer": {
        "nl": "De aantallen zijn van niveau {finer}, fijner dan {level} en geen gemeenten (bijvoorbeeld {codes}); "
              "regio kan ze niet in regio's van niveau {level} plaatsen. Tel ze eerst op tot gemeenten of tot "
              "{level}.",
        "en": "The counts are at level {finer}, finer than {level} and not municipalities (e.g. {codes}); regio "
              "cannot place them in {level} regions. Sum them to municipalities or to {level} first."},
    "error.density.lies_in": {"nl": "{code} ligt in {parts}", "en": "{code} lies in {parts}"},
    "error.density.no_counts_no_level": {
        "nl": "Geen aantallen op niveau {level}: de aantallen hebben geen niveau (bijvoorbeeld {codes}) en zijn "
              "niet te verdelen over regio's van niveau {level}. Gebruik --level {level}.",
        "en": "No counts at level {level}: the counts are at no level (e.g. {codes}), which cannot be split into "
              "{level} regions. Use --level {level}."},
    "error.density.no_counts_at_level": {
        "nl": "Geen aantallen op niveau {level}: de aantallen zijn van niveau {present} (bijvoorbeeld {codes}) en "
              "zijn niet te verdelen over regio's van niveau {level}. Gebruik --level {first}, of een niveau dat uit "
              "hele regio's van niveau {first} bestaat.",
        "en": "No counts at level {level}: the counts are at {present} (e.g. {codes}), which cannot be split into "
              "{level} regions. Use --level {first}, or a level made of whole {first} regions."},
    "error.density.no_counts_at_level_split": {
        "nl": "Geen aantallen op niveau {level}: de aantallen zijn van niveau {present} (bijvoorbeeld {codes}) en "
              "zijn niet te verdelen over regio's van niveau {level} ({pieces}{more}). Gebruik --level {first}, of "
              "een niveau dat uit hele regio's van niveau {first} bestaat.",
        "en": "No counts at level {level}: the counts are at {present} (e.g. {codes}), which cannot be split into "
              "{level} regions ({pieces}{more}). Use --level {first}, or a level made of whole {first} regions."},
    # --- inputs
    "error.density.no_population_interpolate": {
        "nl": "Geen bevolkingstabel voor {year}; sta interpolatie toe (--interpolate).",
        "en": "No population table for {year}; allow interpolation (--interpolate)."},
    "error.density.no_municipal_boundaries": {
        "nl": "Geen gemeentegrenzen voor {years}.", "en": "No gemeente boundaries for {years}."},
    "error.density.unknown_source": {
        "nl": "Onbekende bron van aantallen {source}; kies uit {known}.",
        "en": "Unknown source of counts {source}; choose one of {known}."},
    "error.density.file_and_nivel": {
        "nl": "Een bestand met aantallen ({opt_counts_path}) is zelf de bron: laat {opt_source_nivel} weg, of het "
              "bestand.",
        "en": "A counts file ({opt_counts_path}) is its own source: leave out {opt_source_nivel}, or the file."},
    "error.density.gp_counts_only_national": {
        "nl": "Geen aantallen huisartsen per {level} voor {years}: de CBS-aantallen naar woonplaats zijn er voor "
              "{cbs}; de werkzame huisartsen van Nivel (1 januari {nivel}) zijn er alleen voor heel Nederland"
              "[[level_land|: gebruik daarvoor {opt_level_land}]].",
        "en": "No GP counts per {level} for {years}: the CBS counts by place of residence have {cbs}; Nivel's "
              "working GPs (1 January {nivel}) are for the whole country only"
              "[[level_land|: use {opt_level_land} for them]]."},
    "error.density.gp_counts_only_national_no_cbs": {
        "nl": "Geen aantallen huisartsen per {level} voor {years}: er zijn geen CBS-aantallen naar woonplaats; de "
              "werkzame huisartsen van Nivel (1 januari {nivel}) zijn er alleen voor heel Nederland"
              "[[level_land|: gebruik daarvoor {opt_level_land}]].",
        "en": "No GP counts per {level} for {years}: the CBS counts by place of residence have no year; Nivel's "
              "working GPs (1 January {nivel}) are for the whole country only"
              "[[level_land|: use {opt_level_land} for them]]."},
    "error.density.unknown_counts_division": {
        "nl": "Geen gemeentelijke indeling van {division} ({opt_counts_division}): regio kent die van "
              "{known}.",
        "en": "No municipal division of {division} ({opt_counts_division}): regio knows those of "
              "{known}."},
    "error.density.counts_not_of_division": {
        "nl": "Gemeentelijke aantallen van {year} hebben codes die geen gemeenten van {division} zijn: {codes}. "
              "Geef hun indeling op ({opt_counts_division}).",
        "en": "Municipal counts of {year} have codes that are not municipalities of {division}: {codes}. Give "
              "their division ({opt_counts_division})."},
    "error.density.counts_day": {"nl": "{day} {month} {year}", "en": "{day} {month} {year}"},
    "error.density.counts_year": {"nl": "{year} (peildatum onbekend)", "en": "{year} (reference date unknown)"},
    "error.density.no_population_for_counts_nearest": {
        "nl": "Geen bevolking bij de aantallen: aantallen van {when} → bevolking op 1 januari {year} (de "
              "dichtstbijzijnde 1 januari): {inner}",
        "en": "No population for the counts: counts of {when} → population 1 January {year} (the nearest "
              "1 January): {inner}"},
    "error.density.no_population_for_counts": {
        "nl": "Geen bevolking bij de aantallen: aantallen van {when} → bevolking op 1 januari {year}: {inner}",
        "en": "No population for the counts: counts of {when} → population 1 January {year}: {inner}"},
    "error.density.nor_population_same": {
        "nl": " Ook geen bevolking op 1 januari {year} (de andere 1 januari rond de peildatum van de aantallen), om "
              "dezelfde reden.",
        "en": " Nor population 1 January {year} (the other 1 January around the counts' date), for the same "
              "reason."},
    "error.density.nor_population": {
        "nl": " Ook geen bevolking op 1 januari {year} (de andere 1 januari rond de peildatum van de aantallen): "
              "{inner}",
        "en": " Nor population 1 January {year} (the other 1 January around the counts' date): {inner}"},
    "error.density.no_population_pair": {"nl": "{first}{second}", "en": "{first}{second}"},
}

# the months of a counts date (error.density.counts_day: its month is an error of these keys, said in the language)
MESSAGES.update({f"error.density.month.{en.lower()}": {"nl": nl, "en": en} for en, nl in (
    ("January", "januari"), ("February", "februari"), ("March", "maart"), ("April", "april"), ("May", "mei"),
    ("June", "juni"), ("July", "juli"), ("August", "augustus"), ("September", "september"),
    ("October", "oktober"), ("November", "november"), ("December", "december"))})
