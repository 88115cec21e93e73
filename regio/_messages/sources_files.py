"""Error and warning messages of the file readers of sources (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
The modules: pdok, physicians, practices, nivel, boundaries, user_values,
trainers, geodata, capaciteitsorgaan and proximity of :mod:`regio.sources`.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # pdok
    "warning.src.pdok_what": {"nl": "PDOK gebiedsindelingen {year}, laag {layer}",
                              "en": "PDOK gebiedsindelingen {year}, layer {layer}"},
    "error.src.pdok_no_layer": {
        "nl": "PDOK gebiedsindelingen heeft geen laag voor het niveau {level!r}. Niveaus met een laag: {known}.",
        "en": "PDOK gebiedsindelingen has no layer for level {level!r}. Levels it has: {known}."},
    "error.src.pdok_404": {
        "nl": "{what}: {url} bestaat niet (HTTP 404). Misschien publiceert PDOK dit jaar (nog) niet; "
              "probeer een ander --year.",
        "en": "{what}: {url} does not exist (HTTP 404). PDOK may not publish this year (yet); try another --year."},
    "error.src.pdok_http": {
        "nl": "{what}: de WFS antwoordde met HTTP {status}: {text}",
        "en": "{what}: the WFS answered HTTP {status}: {text}"},
    "error.src.pdok_not_geojson": {
        "nl": "{what}: het antwoord is geen GeoJSON-FeatureCollection ({body!r}).",
        "en": "{what}: the answer is not a GeoJSON FeatureCollection ({body!r})."},
    "error.src.pdok_no_statcode": {
        "nl": "{what}: een object zonder 'statcode' (eigenschappen: {properties}).",
        "en": "{what}: a feature without 'statcode' (properties: {properties})."},
    "warning.src.pdok_repeated_page": {
        "nl": "{what}: de pagina bij startIndex {start} herhaalde regio's die al binnen waren (de server lijkt "
              "startIndex te negeren) en hij meldt geen numberMatched, dus regio kan niet zeggen of de {n:,} "
              "objecten alle objecten zijn. Controleer het aantal, of haal de gegevens later opnieuw op.",
        "en": "{what}: the page at startIndex {start} repeated regions already received (the server seems to ignore "
              "startIndex) and it reports no numberMatched, so regio cannot tell whether the {n} features are all "
              "of them. Check the count, or fetch again later."},
    "error.src.pdok_too_many_pages": {
        "nl": "{what}: meer dan {pages} pagina's van {page_size}; regio geeft het op.",
        "en": "{what}: more than {pages} pages of {page_size}; giving up."},
    "error.src.pdok_empty_layer": {
        "nl": "{what}: de laag is leeg.",
        "en": "{what}: the layer is empty."},
    "error.src.pdok_incomplete": {
        "nl": "{what}: de dienst meldt {matched:,} objecten (numberMatched) maar gaf er {got:,} in pagina's van "
              "hoogstens {page_size:,}; de download is onvolledig en er is niets geschreven. Probeer het later "
              "opnieuw.",
        "en": "{what}: the service reports {matched} features (numberMatched) but handed out {got} in pages of at most "
              "{page_size}; the download is incomplete, nothing was written. Try again later."},
    "error.src.pdok_incomplete_repeated": {
        "nl": "{what}: de dienst meldt {matched:,} objecten (numberMatched) maar gaf er {got:,} in pagina's van "
              "hoogstens {page_size:,} (de pagina's herhalen zich: de dienst lijkt startIndex te negeren); de "
              "download is onvolledig en er is niets geschreven. Probeer het later opnieuw.",
        "en": "{what}: the service reports {matched} features (numberMatched) but handed out {got} in pages of at most "
              "{page_size} (its pages repeat: it seems to ignore startIndex); the download is incomplete, nothing "
              "was written. Try again later."},
    "error.src.pdok_no_statnaam": {
        "nl": "{source}: de objecten hebben geen 'statnaam'; eigenschappen: {columns}.",
        "en": "{source}: features have no 'statnaam'; properties: {columns}."},
    "error.src.pdok_duplicate_codes": {
        "nl": "{source}: codes komen meer dan eens voor: {codes}.",
        "en": "{source}: codes occur more than once: {codes}."},
    "error.src.pdok_no_crs": {
        "nl": "{layer}: geen CRS; regio kan {path} niet schrijven.",
        "en": "{layer}: no CRS; cannot write {path}."},
    # physicians
    "error.src.not_cbs_extract": {
        "nl": "{source}: geen CBS-extract; daarvoor zijn de kolommen {need} nodig.",
        "en": "{source}: not a CBS extract; needs columns {need}."},
    "error.src.two_region_code_columns": {
        "nl": "{name}: meer dan één regiokolom met regiocodes ({columns}); regio kan niet zien waarvan de aantallen "
              "zijn. Houd er één, of geef de andere een andere naam (bijv. {other}_info).",
        "en": "{name}: more than one region column with region codes ({columns}); regio cannot tell which the counts "
              "are of. Keep one, or rename the others (e.g. {other}_info)."},
    "error.src.two_columns": {
        "nl": "{name}: {n} kolommen voor hetzelfde gegeven ({columns}); regio zou {used!r} gebruiken en de andere "
              "negeren. Houd er één, of geef de andere een andere naam (bijv. {other}_info).",
        "en": "{name}: {n} columns for the {what} ({columns}); regio would use {used!r} and ignore the others. Keep "
              "one, or rename the others (e.g. {other}_info)."},
    "warning.src.names_column_used": {
        "nl": "{name}: regionamen uit de kolom {used!r}; kolom(men) {unused} niet gebruikt.",
        "en": "{name}: region names from column {used!r}; column(s) {unused} not used."},
    "warning.src.hint_profession_dir": {
        "nl": " Een bestand met aantallen in de map physicians/ van de gegevensmap wordt voor elk beroep gelezen, "
              "dus het heeft een kolom met het beroep nodig: voeg er een toe (bijv. profession met huisarts in elke "
              "rij)[[counts,profession|, of haal het bestand uit physicians/ en geef het met {opt_counts}, waarbij "
              "het beroep uit {opt_profession} komt]].",
        "en": " A counts file in the data directory's physicians/ folder is read for every profession, so it needs a "
              "profession column: add one (e.g. profession with huisarts in every row)[[counts,profession|, or "
              "move the file out of physicians/ and pass it with {opt_counts}, where the profession is taken from "
              "{opt_profession}]]."},
    "warning.src.hint_profession": {
        "nl": "[[profession| Zonder kolom met het beroep: zeg welk beroep het bestand bevat ({opt_profession}).]]",
        "en": "[[profession| Without a profession column, say which profession the file holds "
              "({opt_profession}).]]"},
    "warning.src.other_sheets": {
        "nl": " De werkmap heeft de bladen {sheets}: regio leest het eerste; zet de tabel daar[[python| (in "
              "Python: sheet=NAAM)]].",
        "en": " The workbook's sheets are {sheets}: regio reads the first; put the table there[[python| (in "
              "Python: sheet=NAME)]]."},
    "error.src.counts_missing_columns": {
        "nl": "{path}: kolom(men) {missing} ontbreken (geaccepteerde namen: {accepted}). Gevonden kolommen: "
              "{columns}.{sheets}{hint}",
        "en": "{path}: missing column(s) {missing} (accepted names: {accepted}). Columns found: {columns}."
              "{sheets}{hint}"},
    "error.src.counts_no_rows_dir": {
        "nl": "{path} heeft een kopregel ({columns}) maar geen rijen met aantallen. Vul de aantallen in, of haal "
              "het bestand uit physicians/.",
        "en": "{path} has a header ({columns}) but no rows of counts. Fill in the counts, or remove the file from "
              "physicians/."},
    "error.src.counts_no_rows": {
        "nl": "{path} heeft een kopregel ({columns}) maar geen rijen met aantallen. Vul de aantallen in, of laat "
              "--counts weg[[python| (in Python: path=)]] om de CBS-aantallen uit de gegevensmap te gebruiken.",
        "en": "{path} has a header ({columns}) but no rows of counts. Fill in the counts, or leave out --counts"
              "[[python| (in Python: path=)]] to use the CBS counts of the data directory."},
    "warning.src.codes_with_spaces": {
        "nl": "{file}, kolom {column!r}: {n:,} code(s) met spaties geschreven, zonder spaties gelezen (bijv. "
              "{example!r} als {read!r}).",
        "en": "{file}, column {column!r}: {n} code(s) written with spaces, read without them (e.g. {example!r} as "
              "{read!r})."},
    "error.src.counts_bad_codes": {
        "nl": "{file}, kolom {column!r}: geen CBS-regiocode of PC4 in {where}. Gebruik codes als "
              "GM0363, PV27 of postcodes van 4 cijfers (PC6 moet eerst tot PC4 worden opgeteld).",
        "en": "{file}, column {column!r}: not a CBS region code or PC4 at {where}. Use codes like GM0363, PV27 or "
              "4-digit postcodes (PC6 must be summed to PC4 first)."},
    "warning.src.counts_names_read": {
        "nl": "{file}, kolom {column!r}: {n:,} gemeentenaam/-namen gelezen als de codes van de gemeenten van "
              "{division} (bijv. {name!r} als {code} {official}); geef codes om zeker te zijn.",
        "en": "{file}, column {column!r}: {n} municipality name(s) read as the codes of the municipalities of "
              "{division} (e.g. {name!r} as {code} {official}); give codes to be sure."},
    "warning.src.counts_unplaced_rows": {
        "nl": "{file}, kolom {column!r}: {n:,} rij(en) gelezen als 'niet in te delen' (een code van alleen negens "
              "of zo'n naam), {total:,.0f} in geen regio geteld: in de totalen, niet in de dichtheid van een regio, "
              "in {where}. Geef de code van de regio als u die weet.",
        "en": "{file}, column {column!r}: {n} row(s) read as 'niet in te delen' (a code of only nines or such a "
              "name), {total:,.0f} counted in no region: in the totals, not in any region's rate, at {where}. Give "
              "the region's code if you know it."},
    "error.src.counts_unknown_names": {
        "nl": "{file}, kolom {column!r}: geen gemeente van {division} met deze naam in {where}. Schrijf de naam "
              "zoals in de gemeentegrenzen van {division}, of geef de CBS-code (bijv. GM0363).",
        "en": "{file}, column {column!r}: no municipality of {division} of this name at {where}. Write the name "
              "as in the municipal boundaries of {division}, or give the CBS code (e.g. GM0363)."},
    "error.src.counts_no_profession": {
        "nl": "{file}, kolom {column!r}: geen beroep in {where}. Vul deze cellen in.",
        "en": "{file}, column {column!r}: no profession at {where}. Fill these cells."},
    "error.src.counts_duplicate_rows": {
        "nl": "{file}: meer dan één rij voor regio/jaar/beroep {codes}. Tel ze op tot één rij.",
        "en": "{file}: more than one row for region/year/profession {codes}. Sum them into one row."},
    "error.src.physicians_files_differ": {
        "nl": "Verschillende aantallen artsen voor dezelfde regio, hetzelfde jaar en beroep in {files}: {codes}. "
              "Houd één van de bestanden in physicians/.",
        "en": "Different physician counts for the same region, year and profession in {files}: {codes}. Keep one of "
              "the files in physicians/."},
    # practices
    "error.src.problems": {
        "nl": "{path}: {n:,} problemen ({what}); er is niets gelezen:\n  {problems}",
        "en": "{path}: {n} problem(s) in {what}; nothing was read:\n  {problems}"},
    "error.src.problem": {
        "nl": "{path}: 1 probleem ({what}); er is niets gelezen:\n  {problems}",
        "en": "{path}: {n} problem(s) in {what}; nothing was read:\n  {problems}"},
    "error.src.no_practice_counts_level": {
        "nl": "Geen gedeelde aantallen praktijken per {level}: die zijn er per {known}. regio.practices() telt de "
              "gemeentelijke aantallen op tot elk ander niveau.",
        "en": "No shared practice counts per {level}: they exist per {known}. regio.practices() sums the municipal "
              "counts to every other level."},
    "error.src.practice_counts_missing_columns": {
        "nl": "{path}, rij 1 (de kopregel): kolom(men) {missing} ontbreken; de kolommen zijn {columns}. Het bestand "
              "is afgeleid (PROVENANCE.md, sectie 8 'GP practices'): zet het terug uit een volledige gegevensmap "
              "zoals shared/data.",
        "en": "{path}, row 1 (the header): missing column(s) {missing}; the columns are {columns}. The file is derived "
              "(PROVENANCE.md, section 8 'GP practices'): restore it from a full data directory such as shared/data."},
    "error.src.wrong_encoding": {
        "nl": "Kan {path} niet lezen als {encoding}: {reason}. Geef de codering waarin het is opgeslagen "
              "(--encoding[[python|, encoding= in Python]]), of sla het op als UTF-8.",
        "en": "Cannot read {path} as {encoding}: {reason}. Give the encoding it was saved in (--encoding[[python|, "
              "encoding= in Python]]), or save it as UTF-8."},
    "error.src.list_empty_file": {
        "nl": "{path}: het bestand is leeg; rij 1 hoort de kopregel te zijn (bijv. naam,postcode,huisartsen).",
        "en": "{path}: the file is empty; row 1 should be the header (e.g. naam,postcode,huisartsen)."},
    "error.src.not_a_workbook": {
        "nl": "Kan {path} niet lezen als Excel-werkmap ({reason}). Sla het op als .xlsx of .csv.",
        "en": "Cannot read {path} as an Excel workbook ({reason}). Save it as .xlsx or .csv."},
    "error.src.no_sheet": {
        "nl": "{path}: geen blad {sheet!r}; de bladen zijn {sheets}.",
        "en": "{path}: no sheet {sheet!r}; the sheets are {sheets}."},
    "error.src.list_empty_header": {
        "nl": "{path}: rij 1 is leeg; dat hoort de kopregel te zijn (bijv. naam, postcode, huisartsen).",
        "en": "{path}: row 1 is empty; it should be the header (e.g. naam, postcode, huisartsen)."},
    "error.src.list_format": {
        "nl": "{path}: regio leest .xlsx- en .csv-bestanden, geen {suffix}; sla het op als .xlsx of .csv.",
        "en": "{path}: regio reads .xlsx and .csv files, not {suffix}; save it as .xlsx or .csv."},
    "error.src.list_no_location_column": {
        "nl": "{path}, rij 1 (de kopregel): geen kolom zegt waar de praktijken zijn; de kolommen zijn {columns}. "
              "Voeg er een toe: postcode (1011 AB), pc4 (1011), gemeentecode/statcode (GM0363), of lon en lat "
              "(WGS84-graden, bijv. 4.9 en 52.37).",
        "en": "{path}, row 1 (the header): no column says where the practices are; the columns are {columns}. Add one "
              "of: postcode (1011 AB), pc4 (1011), gemeentecode/statcode (GM0363), or lon and lat (WGS84 degrees, "
              "e.g. 4.9 and 52.37)."},
    # nivel
    "error.src.nivel_missing_columns": {
        "nl": "{name}: kolom(men) {missing} ontbreken. Een Nivel-reeksbestand heeft de kolommen {expected}; "
              "gevonden kolommen: {columns}.",
        "en": "{name}: missing column(s) {missing}. A Nivel series file has the columns {expected}; columns found: "
              "{columns}."},
    "error.src.nivel_empty": {
        "nl": "{name}, kolom {column!r}: leeg in {where}. Vul de kolom {column} in elke rij in.",
        "en": "{name}, column {column!r}: empty at {where}. Fill in the {column} of every row."},
    "error.src.nivel_not_whole": {
        "nl": "{name}, kolom 'value': geen geheel getal in {where}. Aantallen personen en praktijken zijn "
              "gehele getallen van ten minste 0.",
        "en": "{name}, column 'value': not a whole number at {where}. Counts of persons and practices are whole "
              "numbers of at least 0."},
    "error.src.nivel_negative": {
        "nl": "{name}, kolom 'value': negatief in {where}. Aantallen personen en praktijken zijn gehele "
              "getallen van ten minste 0.",
        "en": "{name}, column 'value': negative at {where}. Counts of persons and practices are whole numbers of at "
              "least 0."},
    "error.src.nivel_twice": {
        "nl": "{name}: een reeks twee keer in één jaar: {listed}. Houd één rij per jaar en reeks.",
        "en": "{name}: a series twice in one year: {listed}. Keep one row per year and series."},
    "error.src.nivel_missing_file": {
        "nl": "Nivel-bestand ontbreekt: {path}, de landelijke reeks werkende huisartsen (Nivel, Huisartsen en "
              "praktijken in kaart). `regio data fetch` downloadt het niet: kopieer physicians/{file} uit een "
              "volledige gegevensmap, ingedeeld als shared/data.",
        "en": "Missing Nivel file {path}: the national series of working GPs (Nivel, Huisartsen en praktijken in "
              "kaart). `regio data fetch` does not download it: copy physicians/{file} from a full data directory "
              "laid out like shared/data."},
    "error.src.nivel_component_missing": {
        "nl": "{name}: jaar {year} heeft werkende huisartsen {present} maar geen {lacking}. Geef de drie "
              "soorten {components} en hun totaal {total} voor elk jaar, of geen ervan.",
        "en": "{name}: year {year} has working GPs {present} but no {lacking}. Give the three types {components} and "
              "their total {total} for every year, or none of them."},
    "error.src.nivel_components_sum": {
        "nl": "{name}: jaar {year}: de onderdelen tellen niet op tot het totaal: {listed} = {parts:,.0f}, maar "
              "{total} is {value:,.0f} (rij {row}, kolom 'value'; verschil "
              "{difference:+,.0f}). Verbeter de rij die afwijkt van de bron, zodat de drie soorten optellen tot "
              "het totaal.",
        "en": "{name}: year {year}: the components do not add up to the total: {listed} = {parts:,.0f}, but {total} "
              "is {value:,.0f} (row {row}, column 'value'; difference {difference:+,.0f}). Correct the row that "
              "differs from the source, so that the three types add up to the total."},
    "error.src.nivel_no_day": {
        "nl": "{name}, kolom 'peildatum': geen dag in {where}. Geef de dag waarop de telling betrekking "
              "heeft, bijv. '1 januari'.",
        "en": "{name}, column 'peildatum': not a day at {where}. Give the day the count refers to, e.g. "
              "'1 januari'."},
    # boundaries
    "error.src.no_boundary_files": {
        "nl": "Geen grensbestanden in {folder}. Gegevens krijgen: draai online `regio data fetch --year 2024` "
              "(downloadt van CBS StatLine en PDOK naar de gegevensmap), of wijs met de omgevingsvariabele "
              "REGIO_DATA_DIR (of `regio --data-dir MAP`) een map aan die is ingedeeld als shared/data.",
        "en": "No boundary files in {folder}. {hint}"},
    "error.src.no_boundaries_level": {
        "nl": "Geen grenzen voor het niveau {level!r} in de gegevensmap. Niveaus met grenzen: {known}.",
        "en": "No boundaries for level {level!r} in the data directory. Levels with boundaries: {known}."},
    "warning.src.replace_file": {
        "nl": "Vervang het door een volledige kopie.",
        "en": "Replace it with a complete copy."},
    "warning.src.refetch_boundaries": {
        "nl": "Verwijder het en draai online `regio data fetch --year {year} --levels {level} --what boundaries` "
              "(dat schrijft het bestand opnieuw), of kopieer {file} uit een volledige gegevensmap.",
        "en": "Delete it and, when online, run `regio data fetch --year {year} --levels {level} --what boundaries` "
              "(it writes the file again), or copy {file} from a complete data directory."},
    "warning.src.check_polygon_file": {
        "nl": "Controleer of het een volledig bestand met polygonen en een opgegeven CRS is.",
        "en": "Check that it is a complete polygon file with a declared CRS."},
    "error.src.boundary_file_empty": {
        "nl": "Kan {path} niet lezen: het bestand is leeg (0 bytes). {fix}",
        "en": "Cannot read {path}: the file is empty (0 bytes). {fix}"},
    "error.src.boundary_file_unreadable": {
        "nl": "Kan {path} niet lezen: {reason} (leeg, afgebroken of geen GeoJSON-/GeoPackage-bestand?). {fix}",
        "en": "Cannot read {path}: {reason} (empty, truncated or not a GeoJSON/GeoPackage file?). {fix}"},
    "error.src.boundaries_no_statcode": {
        "nl": "boundaries/{level}_{year}: geen kolom 'statcode', en de namen komen niet alle overeen met een andere "
              "jaargang van {level}. Voeg een kolom 'statcode' met CBS-codes toe.",
        "en": "boundaries/{level}_{year}: no 'statcode' column, and its names do not all match another vintage of "
              "{level}. Add a 'statcode' column with CBS codes."},
    "error.src.boundaries_missing_columns": {
        "nl": "{source}: kolom(men) {missing} ontbreken; de kolommen zijn {columns}. Geef ze met "
              "code_column=/name_column=.",
        "en": "{source}: missing column(s) {missing}; columns are {columns}. Pass code_column=/name_column= to name "
              "them."},
    "error.src.boundaries_no_regions": {
        "nl": "{path} heeft geen regio's (geen objecten): het is geen grensbestand in de indeling van regio. {fix}",
        "en": "{path} has no regions (no features): it is not a boundary file of regio's layout. {fix}"},
    "error.src.boundaries_no_column": {
        "nl": "{path} heeft geen kolom {column!r} (kolommen: {columns}): het is geen grensbestand in de indeling "
              "van regio. {fix}",
        "en": "{path} has no {column!r} column (columns: {columns}): it is not a boundary file of regio's layout. "
              "{fix}"},
    # user_values
    "error.src.no_code_column": {
        "nl": "{source}: geen kolom {column!r} (--code-column); kolommen: {columns}.",
        "en": "{source}: no column {column!r} (--code-column); columns: {columns}."},
    "error.src.code_columns_differ": {
        "nl": "{source}: {n} kolommen kunnen de codes bevatten: {listed}, met verschillende codes; regio gokt niet. "
              "Kies er één met --code-column NAAM[[python| (code_column= in Python)]], bijv. --code-column {first}, of "
              "haal "
              "de andere kolom uit het bestand.",
        "en": "{source}: {n} columns could hold {what}: {listed}, with different codes; regio does not guess. Choose "
              "one with --code-column NAME[[python| (code_column= in Python)]], e.g. --code-column {first}, or remove "
              "the other "
              "column from the file."},
    "error.src.areas_no_unit_column": {
        "nl": "{source}: er is een kolom met de gemeentecodes nodig (gemeente, gemeentecode of statcode: GM0363) "
              "en een met de regio; kolommen: {columns}.",
        "en": "{source}: needs a column with the municipality codes (gemeente, gemeentecode or statcode: GM0363) and "
              "one with the region; columns: {columns}."},
    "error.src.areas_no_region_column": {
        "nl": "{source}: er is één regiokolom nodig (region of regio) naast de gemeentekolom {unit!r}; kolommen: "
              "{columns}.",
        "en": "{source}: needs one region column (region or regio) beside the municipality column {unit!r}; "
              "columns: {columns}."},
    "error.src.values_columns": {
        "nl": "{source}: er is een regiokolom nodig ({names}, ...) en één kolom met waarden; kolommen: {columns}.",
        "en": "{source}: needs a region column ({names}, ...) and one value column; columns: {columns}."},
    "error.src.values_columns_named": {
        "nl": "{source}: er is een regiokolom nodig ({names}, ...) en één kolom met waarden (of een kolom met de "
              "naam {column!r}); kolommen: {columns}.",
        "en": "{source}: needs a region column ({names}, ...) and one value column (or a column named {column!r}); "
              "columns: {columns}."},
    "error.src.values_not_mapping": {
        "nl": "{what}: geef de waarden per regio als mapping of Series (bijv. {{'PV20': 30}}), niet {type} {spec!r}; "
              "lees een bestand met table_values(read_table(path), ...).",
        "en": "{what}: give the values per region as a mapping or a Series (e.g. {{'PV20': 30}}), not {type} "
              "{spec!r}; read a file with table_values(read_table(path), ...)."},
    "error.src.region_values_problems": {
        "nl": "{source}: {first}{sep2}{second}{sep3}{third}.",
        "en": "{source}: {first}{sep2}{second}{sep3}{third}."},
    "warning.src.unknown_regions": {
        "nl": "onbekende regio's, die op dit niveau niet bestaan: {codes} (bekend: {known}, codes of namen)",
        "en": "unknown {noun}, that do not exist at this level: {codes} (known: {known}, codes or names)"},
    "warning.src.unknown_institutes": {
        "nl": "onbekende instituten, die op dit niveau niet bestaan: {codes} (bekend: {known}, codes of namen)",
        "en": "unknown {noun}, that do not exist at this level: {codes} (known: {known}, codes or names)"},
    "warning.src.regions_twice": {
        "nl": "regio's meer dan eens gegeven: {codes}",
        "en": "{noun} given more than once: {codes}"},
    "warning.src.institutes_twice": {
        "nl": "instituten meer dan eens gegeven: {codes}",
        "en": "{noun} given more than once: {codes}"},
    "warning.src.values_missing_for": {
        "nl": "ontbreekt voor {codes}",
        "en": "missing for {codes}"},
    "warning.src.what_practice_counts": {"nl": "de aantallen praktijken", "en": "the practice counts"},
    "warning.src.what_practice_list": {"nl": "de praktijkenlijst", "en": "the practice list"},
    # trainers
    "warning.src.what_trainer_list": {"nl": "de opleiderslijst", "en": "the trainer list"},
    "warning.src.what_trainer_counts": {"nl": "de aantallen opleiders", "en": "the trainer counts"},
    "warning.src.what_intake_table": {"nl": "de instroomtabel", "en": "the intake table"},
    "warning.src.why_trainer_institute": {"nl": "het instituut waar de opleider bij hoort",
                                          "en": "which institute the trainer belongs to"},
    "warning.src.why_trainer_number": {"nl": "het aantal opleiders", "en": "the number of trainers"},
    "warning.src.why_institute": {"nl": "welk instituut", "en": "which institute"},
    "warning.src.why_intake_year": {"nl": "het jaar van instroom", "en": "the year of intake"},
    "error.src.trainers_no_column": {
        "nl": "{path}, rij 1 (de kopregel): geen kolom voor {why}; de kolommen zijn {columns}. Voeg een kolom toe "
              "met de naam {names}.",
        "en": "{path}, row 1 (the header): no {role} column ({why}); the columns are {columns}. Add a column named "
              "{names}."},
    "error.src.trainers_no_place_column": {
        "nl": "{path}, rij 1 (de kopregel): geen kolom zegt waar de praktijken zijn; de kolommen zijn {columns}. "
              "Voeg een postcode (1011 AB), pc4 (1011) of gemeentecode (GM0363) van de praktijk toe.",
        "en": "{path}, row 1 (the header): no column says where the practices are; the columns are {columns}. Add a "
              "postcode (1011 AB), pc4 (1011) or gemeentecode (GM0363) of the practice."},
    "error.src.trainer_counts_per": {
        "nl": "{path}, rij 1 (de kopregel): geef opleiders per instituut (kolommen instituut, opleiders) of per "
              "gemeente (gemeentecode, opleiders), één van beide; de kolommen zijn {columns}.",
        "en": "{path}, row 1 (the header): give trainers per institute (columns instituut, opleiders) or per "
              "municipality (gemeentecode, opleiders), one of the two; the columns are {columns}."},
    "error.src.intake_no_places_column": {
        "nl": "{path}, rij 1 (de kopregel): geen kolom aangeboden/offered of gevuld/filled; de kolommen zijn "
              "{columns}.",
        "en": "{path}, row 1 (the header): no aangeboden/offered or gevuld/filled column; the columns are "
              "{columns}."},
    "error.src.hospitals_incomplete": {
        "nl": "{path}: in rij(en) {rows} ontbreekt een ziekenhuisnummer of ontbreken de coördinaten.",
        "en": "{path}: rows {rows} lack a hospital number or coordinates."},
    "error.src.hospitals_twice": {
        "nl": "{path}: ziekenhuisnummers twee keer gegeven: {numbers}.",
        "en": "{path}: hospital numbers given twice: {numbers}."},
    # geodata
    "error.src.geodata_not_installed": {
        "nl": "De eigen geodata van regio (registry.json) zijn niet geïnstalleerd; gezocht in {folders}. "
              "Installeer regio opnieuw (pip install -e . in een checkout).",
        "en": "regio's own geodata (registry.json) is not installed; looked in {folders}. Reinstall regio (pip "
              "install -e . in a checkout)."},
    "error.src.geodata_file_missing": {
        "nl": "geodata {name!r}: bestand {path} ontbreekt. Installeer regio opnieuw.",
        "en": "geodata {name!r}: file {path} is missing. Reinstall regio."},
    "error.src.geodata_sha256": {
        "nl": "geodata {name!r}: {path} heeft sha256 {digest}, het register ({registry}) zegt {expected}. Is het "
              "bestand met opzet veranderd, werk dan zijn regel in het register bij (sha256, rows, retrieved).",
        "en": "geodata {name!r}: {path} has sha256 {digest}, the registry ({registry}) says {expected}. If the file "
              "was changed on purpose, update its entry (sha256, rows, retrieved)."},
    "error.src.geodata_unknown": {
        "nl": "Onbekende geodata {name!r}. Bekend: {known}.",
        "en": "Unknown geodata {name!r}. Known: {known}."},
    "error.src.geodata_rows": {
        "nl": "geodata {name!r}: {n:,} rijen, het register zegt {expected:,}.",
        "en": "geodata {name!r}: {n} rows, the registry says {expected}."},
    # capaciteitsorgaan
    "error.src.co_file_not_found": {
        "nl": "Parameterbestand niet gevonden: {path}",
        "en": "Parameter file not found: {path}"},
    "error.src.co_cannot_read": {
        "nl": "Kan {path} niet lezen: {reason}. Verwacht: een UTF-8-bestand met puntkomma's als scheidingsteken.",
        "en": "Cannot read {path}: {reason}. Expected a semicolon-separated UTF-8 file."},
    "error.src.co_no_variabele": {
        "nl": "{path} heeft geen kolom 'Variabele' (kolommen: {columns}).",
        "en": "{path} has no column 'Variabele' (columns: {columns})."},
    "error.src.co_no_rounds": {
        "nl": "{path} heeft geen kolommen van ramingsronden met de naam raming_JJJJ (kolommen: {columns}).",
        "en": "{path} has no round columns named raming_YYYY (columns: {columns})."},
    "error.src.co_duplicate_names": {
        "nl": "{path}: variabele(n) {names} komen meer dan eens voor (regels {lines}); maak de namen uniek.",
        "en": "{path}: variable(s) {names} occur more than once (lines {lines}); make the names unique."},
    # proximity
    "error.src.proximity_columns": {
        "nl": "{path}: voor de nabijheidsindicatoren zijn de kolommen {missing} nodig (de indeling van "
              "kerncijfers_gemeente_2024.csv); gevonden: {found}, ... Haal het jaar opnieuw op met `regio data "
              "fetch --what proximity --year {year}`.",
        "en": "{path}: the proximity indicators need the columns {missing} (the layout of "
              "kerncijfers_gemeente_2024.csv); found {found}, ... Fetch the year again with `regio data fetch --what "
              "proximity --year {year}`."},
    "error.src.proximity_no_codes": {
        "nl": "{path}: geen gemeentecodes (GM gevolgd door vier cijfers) in de kolom {column}.",
        "en": "{path}: no municipality codes (GM followed by four digits) in the column {column}."},
    "error.src.proximity_negative": {
        "nl": "{path}: negatieve waarden in {column} voor {codes} (alleen −99997 en −99995, de codes van het CBS "
              "voor geheim en onbekend, mogen negatief zijn).",
        "en": "{path}: negative values in {column} for {codes} (only −99997 and −99995, CBS's codes for secret and "
              "unknown, may be negative)."},
    "warning.src.proximity_without_columns": {
        "nl": " ({files} bestaat, maar zonder de kolommen van de nabijheidsindicatoren)",
        "en": " ({files} exists without the proximity columns)"},
    "warning.src.no_years": {"nl": "geen", "en": "none"},
    "error.src.no_proximity": {
        "nl": "Geen CBS-nabijheidsindicatoren voor {year} in {folder}: geprobeerd {tried}{why}. Jaren met "
              "indicatoren: {years}. Draai online `regio data fetch --what proximity --year {year}` (CBS "
              "kerncijfers wijken en buurten via StatLine).",
        "en": "No CBS proximity indicators for {year} in {folder}: tried {tried}{why}. Years with them: {years}. When "
              "online, run `regio data fetch --what proximity --year {year}` (CBS kerncijfers wijken en buurten via "
              "StatLine)."},
    # the problems of a practice or trainer file, one a line (keyed phrases, see regio.sources.practices.said)
    "warning.src.and_more": {"nl": "... en nog {n:,}", "en": "... and {n} more"},
    "warning.src.column": {"nl": "kolom {name} ({letter})", "en": "column {name} ({letter})"},
    "warning.src.restore_derived": {
        "nl": "Het bestand is afgeleid (PROVENANCE.md, sectie 8 'GP practices'): zet het terug uit een volledige "
              "gegevensmap zoals shared/data.",
        "en": "The file is derived (PROVENANCE.md, section 8 'GP practices'): restore it from a full data directory "
              "such as shared/data."},
    "warning.src.p_empty_code": {
        "nl": "rij {row}, kolom {column}: lege code; vul de code in (bijv. {example}).",
        "en": "row {row}, column {column}: empty code; fill in the code (e.g. {example})."},
    "warning.src.p_not_a_code": {
        "nl": "rij {row}, kolom {column}: {code!r} is geen code van het niveau {level} (bijv. {example}).",
        "en": "row {row}, column {column}: {code!r} is not a {level} code (e.g. {example})."},
    "warning.src.p_code_twice": {
        "nl": "rij {row}, kolom {column}: {code} staat ook in rij {other}; houd één rij per code.",
        "en": "row {row}, column {column}: {code} is also in row {other}; keep one row per code."},
    "warning.src.p_count_not_whole": {
        "nl": "rij {row}, kolom {column}: {count!r} is geen geheel aantal praktijken (0 of meer).",
        "en": "row {row}, column {column}: {count!r} is not a whole number of practices (0 or more)."},
    "warning.src.p_count_empty": {
        "nl": "rij {row}, kolom {column}: een lege cel is geen geheel aantal praktijken (0 of meer).",
        "en": "row {row}, column {column}: {count!r} is not a whole number of practices (0 or more)."},
    "warning.src.p_header_twice": {
        "nl": "rij 1 (de kopregel): de kolommen {first} en {second} heten allebei {name!r}: een dubbele kolomnaam; "
              "geef er een een andere naam of verwijder er een.",
        "en": "row 1 (the header): columns {first} and {second} are both named {name!r}: a duplicate header; rename "
              "or delete one."},
    "warning.src.p_role_twice": {
        "nl": "rij 1 (de kopregel): de kolommen {first!r} ({first_letter}) en {name!r} ({letter}) geven hetzelfde "
              "gegeven; houd er één.",
        "en": "row 1 (the header): columns {first!r} ({first_letter}) and {name!r} ({letter}) both give the {role}; "
              "keep one."},
    "warning.src.p_header_repeated": {
        "nl": "rij {row}: herhaalt de kopregel (rij 1), een dubbele kopregel; verwijder de rij.",
        "en": "row {row}: repeats the header (row 1), a duplicate header; delete the row."},
    "warning.src.p_row_no_location": {
        "nl": "rij {rows}: geen locatie. Geef elke praktijk een postcode (1011 AB), pc4 (1011), "
              "gemeentecode/statcode (GM0363), of lon en lat (WGS84-graden, bijv. 4.9 en 52.37).",
        "en": "row {rows}: no location. Give each practice a postcode (1011 AB), pc4 (1011), "
              "gemeentecode/statcode (GM0363), or lon and lat (WGS84 degrees, e.g. 4.9 and 52.37)."},
    "warning.src.p_rows_no_location": {
        "nl": "rijen {rows}: geen locatie. Geef elke praktijk een postcode (1011 AB), pc4 (1011), "
              "gemeentecode/statcode (GM0363), of lon en lat (WGS84-graden, bijv. 4.9 en 52.37).",
        "en": "rows {rows}: no location. Give each practice a postcode (1011 AB), pc4 (1011), "
              "gemeentecode/statcode (GM0363), or lon and lat (WGS84 degrees, e.g. 4.9 and 52.37)."},
    "warning.src.p_not_a_postcode": {
        "nl": "rij {row}, {where}: {text!r} is geen Nederlandse postcode: schrijf 4 cijfers en 2 letters, bijv. "
              "1011 AB.",
        "en": "row {row}, {where}: {text!r} is not a Dutch postcode: write 4 digits and 2 letters, e.g. 1011 AB."},
    "warning.src.p_pc4_differs": {
        "nl": "rij {row}, {where}: PC4 {text} wijkt af van de postcode {postcode!r}; verbeter een van beide.",
        "en": "row {row}, {where}: PC4 {text} differs from the postcode {postcode!r}; correct one of them."},
    "warning.src.p_not_a_pc4": {
        "nl": "rij {row}, {where}: {text!r} is geen PC4-code: schrijf de 4 cijfers van de postcode, bijv. 1011.",
        "en": "row {row}, {where}: {text!r} is not a PC4 code: write the 4 digits of the postcode, e.g. 1011."},
    "warning.src.p_not_a_gm_code": {
        "nl": "rij {row}, {where}: {text!r} is geen gemeentecode: schrijf GM en 4 cijfers, bijv. {example}.",
        "en": "row {row}, {where}: {text!r} is not a municipal code: write GM and 4 digits, e.g. {example}."},
    "warning.src.p_half_a_point": {
        "nl": "rij {row}, {where}: {have} zonder {lack}; geef beide (WGS84-graden), of geen van beide.",
        "en": "row {row}, {where}: {have} without {lack}; give both (WGS84 degrees), or neither."},
    "warning.src.p_not_degrees": {
        "nl": "rij {row}, {where}: {text!r} is geen aantal graden (bijv. {example}).{formula}",
        "en": "row {row}, {where}: {text!r} is not a number of degrees (e.g. {example}).{formula}"},
    "warning.src.hint_rd_coordinates": {
        "nl": "dit lijken RD-coördinaten in meters (EPSG:28992); geef WGS84-graden (bijv. lon 4.9, lat 52.37), of "
              "de postcode",
        "en": "these look like RD coordinates in metres (EPSG:28992); give WGS84 degrees (e.g. lon 4.9, lat 52.37), "
              "or the postcode"},
    "warning.src.hint_swapped": {
        "nl": "lon en lat lijken verwisseld (in Nederland is lon ongeveer 3-7, lat ongeveer 51-53); verwissel ze",
        "en": "lon and lat look swapped (in the Netherlands lon is about 3-7, lat about 51-53); swap them"},
    "warning.src.hint_check_point": {
        "nl": "controleer de coördinaten (WGS84-graden), of geef in plaats daarvan de postcode",
        "en": "check the coordinates (WGS84 degrees), or give the postcode instead"},
    "warning.src.p_outside_nl": {
        "nl": "rij {row}, {where}: {role} {value} ligt buiten Nederland ({low} tot {high}); {hint}.",
        "en": "row {row}, {where}: {role} {value} lies outside the Netherlands ({low} to {high}); {hint}."},
    "warning.src.p_gps_empty": {
        "nl": "rij {row}, {where}: leeg; vul het aantal huisartsen in (0 of meer), of verwijder de kolom om alleen "
              "praktijken te tellen.",
        "en": "row {row}, {where}: empty; fill in the number of GPs (0 or more), or delete the column to count "
              "practices only."},
    "warning.src.p_fte_empty": {
        "nl": "rij {row}, {where}: leeg; vul de fte in (0 of meer), of verwijder de kolom om alleen praktijken te "
              "tellen.",
        "en": "row {row}, {where}: empty; fill in the FTE (0 or more), or delete the column to count practices "
              "only."},
    "warning.src.p_not_gps": {
        "nl": "rij {row}, {where}: {text!r} is geen geheel aantal huisartsen (0 of meer).{formula}",
        "en": "row {row}, {where}: {text!r} is not a whole number of GPs (0 or more).{formula}"},
    "warning.src.p_not_fte": {
        "nl": "rij {row}, {where}: {text!r} is geen aantal fte (0 of meer).{formula}",
        "en": "row {row}, {where}: {text!r} is not a number of FTE (0 or more).{formula}"},
    "warning.src.hint_formula": {
        "nl": " Het is een formule, en regio leest de tekst van een cel zonder die uit te rekenen: plak in plaats "
              "daarvan de waarden (Plakken speciaal > Waarden).",
        "en": " It is a formula, and regio reads a cell's text, never evaluating it: paste the values instead (Paste "
              "special > Values)."},
    "warning.src.p_not_whole_between": {
        "nl": "rij {row}, {where}: {text!r} is geen {what} (een geheel getal van {lo} tot {hi}).{formula}",
        "en": "row {row}, {where}: {text!r} is not {what} (a whole number from {lo} to {hi}).{formula}"},
    "warning.src.p_not_whole_from": {
        "nl": "rij {row}, {where}: {text!r} is geen {what} (een geheel getal van {lo} of meer).{formula}",
        "en": "row {row}, {where}: {text!r} is not {what} (a whole number {lo} or more).{formula}"},
    "warning.src.a_birth_year": {"nl": "geboortejaar", "en": "a birth year"},
    "warning.src.an_age": {"nl": "leeftijd", "en": "an age"},
    "warning.src.a_start_year": {"nl": "beginjaar", "en": "a start year"},
    "warning.src.a_number_of_trainees": {"nl": "aantal aios tegelijk", "en": "a number of trainees at once"},
    "warning.src.a_number_of_trainers": {"nl": "aantal opleiders", "en": "a number of trainers"},
    "warning.src.a_year": {"nl": "jaar", "en": "a year"},
    "warning.src.a_number_of_places": {"nl": "aantal plaatsen", "en": "a number of places"},
    "warning.src.p_no_institute": {
        "nl": "rij {row}, {where}: leeg; geef de code van het instituut (amc, vumc, umcg, lumc, mumc, radboudumc, "
              "erasmusmc, umcu).",
        "en": "row {row}, {where}: empty; give the institute id (amc, vumc, umcg, lumc, mumc, radboudumc, erasmusmc, "
              "umcu)."},
    "warning.src.p_born_and_aged": {
        "nl": "rij {row}, {where} en {where_age}: geboren in {born} en {age} jaar oud spreken elkaar tegen (in "
              "{year}); houd één van beide.",
        "en": "row {row}, {where} and {where_age}: born {born} and aged {age} disagree (in {year}); keep one of "
              "them."},
    "warning.src.p_rows_no_place": {
        "nl": "rijen {rows}: geen plaats. Geef elke opleider een postcode (1011 AB), pc4 (1011) of gemeentecode "
              "(GM0363) van de praktijk.",
        "en": "rows {rows}: no place. Give each trainer a postcode (1011 AB), pc4 (1011) or gemeentecode (GM0363) of "
              "the practice."},
    "warning.src.p_row_no_place": {
        "nl": "rij {rows}: geen plaats. Geef elke opleider een postcode (1011 AB), pc4 (1011) of gemeentecode "
              "(GM0363) van de praktijk.",
        "en": "row {rows}: no place. Give each trainer a postcode (1011 AB), pc4 (1011) or gemeentecode (GM0363) of "
              "the practice."},
    "warning.src.p_empty_institute": {
        "nl": "rij {row}, {where}: leeg; geef de code van het instituut.",
        "en": "row {row}, {where}: empty; give the institute id."},
    "warning.src.p_empty_gm_code": {
        "nl": "rij {row}, {where}: leeg; geef de gemeentecode.",
        "en": "row {row}, {where}: empty; give the municipal code."},
    "warning.src.p_trainers_empty": {
        "nl": "rij {row}, {where}: leeg; vul het aantal opleiders in (0 of meer).",
        "en": "row {row}, {where}: empty; fill in the number of trainers (0 or more)."},
    "warning.src.p_empty_cell": {
        "nl": "rij {row}, {where}: leeg; vul de cel in.",
        "en": "row {row}, {where}: empty; fill it in."},
    "warning.src.p_overfilled": {
        "nl": "rij {row}, {where}: {filled:,} plaatsen gevuld van {offered:,} aangeboden; er kunnen niet meer "
              "plaatsen gevuld zijn dan aangeboden.",
        "en": "row {row}, {where}: {filled} places filled of {offered} offered; filled cannot exceed offered."},
    "warning.src.p_intake_twice": {
        "nl": "rij {row}: {institute} {year} staat er twee keer in (ook rij {other}); houd er één.",
        "en": "row {row}: {institute} {year} is given twice (also row {other}); keep one."},
    # rows and cells named in messages (keyed phrases, see regio.sources._said)
    "warning.src.row": {"nl": "rij {row}", "en": "row {row}"},
    "warning.src.row_code": {"nl": "rij {row} ({code})", "en": "row {row} ({code})"},
    "warning.src.row_code_repr": {"nl": "rij {row} ({code!r})", "en": "row {row} ({code!r})"},
    "warning.src.row_name_nearest": {"nl": "rij {row} ({name!r}; dichtstbij: {nearest})",
                                     "en": "row {row} ({name!r}; nearest: {nearest})"},
    "warning.src.row_with": {"nl": "rij {row} ({what})", "en": "row {row} ({what})"},
    "warning.src.series_rows": {"nl": "{series} {year} ({rows})", "en": "{series} {year} ({rows})"},
    "warning.src.named_row": {"nl": "{name} (rij {row})", "en": "{name} (row {row})"},
    "warning.src.named_value_row": {"nl": "{name} {value:,.0f} (rij {row})", "en": "{name} {value:,.0f} (row {row})"},
    "warning.src.and_more_inline": {"nl": " ... en nog {n:,}", "en": " ... and {n} more"},
    "warning.src.or": {"nl": " of ", "en": " or "},
}
