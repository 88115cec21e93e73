"""Error and warning messages of sources (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio/sources/fetch.py: notes and failures of `regio data fetch` (phrases of FetchResult)
    "error.sources.fetch.label.boundaries": {"nl": "grenzen {level} {year}", "en": "boundaries {level} {year}"},
    "error.sources.fetch.label.population": {"nl": "bevolking {year}", "en": "population {year}"},
    "error.sources.fetch.label.physicians": {"nl": "artsen {table}", "en": "physicians {table}"},
    "error.sources.fetch.label.proximity": {"nl": "nabijheid {year}", "en": "proximity {year}"},
    "error.sources.fetch.failure": {"nl": "{label}: {reason}", "en": "{label}: {reason}"},
    "error.sources.fetch.note_part": {"nl": "{part}: {note}", "en": "{part}: {note}"},
    "error.sources.fetch.note_physician_year": {
        "nl": "artsen: CBS {table} heeft {year} nog niet; het nieuwste jaar, {chosen}, is opgehaald.[[physician_year| "
              "Kies een ander jaar met {opt_physician_year}.]]",
        "en": "physicians: CBS {table} has no {year} yet; fetched its newest year {chosen}.[[physician_year| Use "
              "{opt_physician_year} to choose another.]]"},
    "error.sources.fetch.note_physician_year_provisional": {
        "nl": "artsen: CBS {table} heeft {year} nog niet; het nieuwste jaar, {chosen} (voorlopig), is opgehaald."
              "[[physician_year| Kies een ander jaar met {opt_physician_year}.]]",
        "en": "physicians: CBS {table} has no {year} yet; fetched its newest year {chosen} (provisional)."
              "[[physician_year| Use {opt_physician_year} to choose another.]]"},
    "error.sources.fetch.note_replaced": {
        "nl": "bevolking: {n} rijen van {year} vervangen in {file}.",
        "en": "population: replaced {n} rows of {year} in {file}."},
    "error.sources.fetch.note_codes_differ": {
        "nl": "gemeente {year}: grenzen en bevolking verschillen in de codes {codes}; regio weigert ze te combineren "
              "tot ze overeenkomen.",
        "en": "gemeente {year}: boundaries and population differ in codes {codes}; regio will refuse to combine them "
              "until they agree."},
    # regio.sources: the data directory and the files in it (regio/sources/_files.py)
    "error.sources.no_data_dir.relative_found": {
        "nl": "Geen regio-gegevensmap op {path} ({origin}): een relatief pad geldt vanaf de huidige map {cwd}; dat "
              "geeft {resolved}, en die map bestaat niet (vanaf een bovenliggende map zou het {found} zijn, en die "
              "bestaat wel). Geef een absoluut pad, bijvoorbeeld {example}{found}.",
        "en": "No regio data directory at {path} ({origin}): a relative path is taken relative to the current folder "
              "{cwd}, which gives {resolved}, and that does not exist (from a parent folder it would be {found}, "
              "which exists). Give an absolute path, e.g. {example}{found}."},
    "error.sources.no_data_dir.relative": {
        "nl": "Geen regio-gegevensmap op {path} ({origin}): een relatief pad geldt vanaf de huidige map {cwd}; dat "
              "geeft {resolved}, en die map bestaat niet. Geef {name} een absoluut pad (van een bestaande map die is "
              "ingedeeld als shared/data).",
        "en": "No regio data directory at {path} ({origin}): a relative path is taken relative to the current folder "
              "{cwd}, which gives {resolved}, and that does not exist. Give {name} an absolute path (of an existing "
              "folder laid out like shared/data)."},
    "error.sources.missing_file": {
        "nl": "Bestand ontbreekt: {path}. Gegevens krijgen: draai online `regio data fetch --year 2024` (downloadt "
              "van CBS StatLine en PDOK naar {root}), of wijs met de omgevingsvariabele REGIO_DATA_DIR (of `regio "
              "--data-dir MAP`) een map aan die is ingedeeld als shared/data ({layout}).",
        "en": "Missing {label}file {path}. How to get data: when online, run `regio data fetch --year 2024` (CBS "
              "StatLine and PDOK downloads into {root}); or point the environment variable REGIO_DATA_DIR (or "
              "`regio --data-dir DIR`) at a folder laid out like shared/data ({layout})."},
    "error.sources.missing_file.cache": {
        "nl": "Bestand ontbreekt: {path}. Gegevens krijgen: draai online `regio data fetch --year 2024` (downloadt "
              "van CBS StatLine en PDOK naar de gebruikerscachemap {root}), of wijs met de omgevingsvariabele "
              "REGIO_DATA_DIR (of `regio --data-dir MAP`) een map aan die is ingedeeld als shared/data ({layout}).",
        "en": "Missing {label}file {path}. How to get data: when online, run `regio data fetch --year 2024` (CBS "
              "StatLine and PDOK downloads into the user cache directory {root}); or point the environment variable "
              "REGIO_DATA_DIR (or `regio --data-dir DIR`) at a folder laid out like shared/data ({layout})."},
    "error.sources.missing_file.not_fetched": {
        "nl": "Bestand ontbreekt: {path}. `regio data fetch` downloadt dit bestand niet: wijs REGIO_DATA_DIR (of "
              "`regio --data-dir MAP`) een volledige gegevensmap aan, ingedeeld als shared/data, of kopieer {inside} "
              "uit zo'n map naar {root}.",
        "en": "Missing {label}file {path}. `regio data fetch` does not download it: point REGIO_DATA_DIR (or `regio "
              "--data-dir DIR`) at a full data directory laid out like shared/data, or copy {inside} from one into "
              "{root}."},
    "error.sources.cannot_parse": {"nl": "Kan {path} niet als tabel lezen: {reason}",
                                   "en": "Cannot read {path}: {reason}"},
    "error.sources.unknown_encoding": {
        "nl": "Onbekende tekenset (encoding) {encoding!r} voor {path}: geef de naam van een Python-codec, zoals "
              "utf-8, cp1252 of latin-1.",
        "en": "Unknown encoding {encoding!r} for {path}: give a Python codec name such as utf-8, cp1252 or latin-1."},
    "error.sources.not_utf8_nor_cp1252": {
        "nl": "{path} is geen UTF-8 (byte 0x{byte:02x} op positie {position}) en ook geen Windows-1252 (byte "
              "0x{other_byte:02x} op positie {other_position}): sla het bestand op als UTF-8 (in Excel: Opslaan als, "
              "CSV UTF-8), of geef met --encoding de tekenset waarin het is opgeslagen[[python| (encoding= in "
              "Python)]].",
        "en": "{path} is not UTF-8 (byte 0x{byte:02x} at position {position}) nor Windows-1252 (byte "
              "0x{other_byte:02x} at position {other_position}): save it as UTF-8 (in Excel: Save as, CSV UTF-8), or "
              "give the encoding it was saved in with --encoding[[python| (encoding= in Python)]]."},
    "warning.sources.read_as_cp1252": {
        "nl": "{path} is geen UTF-8 (byte 0x{byte:02x} op positie {position}): gelezen als Windows-1252 (cp1252), "
              "zoals Excel CSV schrijft op Windows. Controleer de namen met accenten; geef --encoding (bijv. "
              "--encoding latin-1[[python|; encoding= in Python]]) als het bestand een andere tekenset heeft, of sla "
              "het op als "
              "UTF-8 (in Excel: Opslaan als, CSV UTF-8); dan verdwijnt deze waarschuwing.",
        "en": "{path} is not UTF-8 (byte 0x{byte:02x} at position {position}): read as Windows-1252 (cp1252), as "
              "Excel writes CSV on Windows. Check the names with accents; give --encoding (e.g. --encoding "
              "latin-1[[python|; encoding= in Python]]) if it is another, or save it as UTF-8 (in Excel: Save as, CSV "
              "UTF-8) to silence "
              "this warning."},
    "error.sources.wrong_encoding": {
        "nl": "Kan {path} niet lezen als {encoding}: {reason}. Sla het bestand op als UTF-8, of geef de tekenset "
              "waarin het is opgeslagen (--encoding[[python|, encoding= in Python]]).",
        "en": "Cannot read {path} as {encoding}: {reason}. Save it as UTF-8, or give the encoding it was saved in "
              "(--encoding[[python|, encoding= in Python]])."},
    "error.sources.excel.html": {
        "nl": "{path} is geen Excel-werkmap ({kind}: {reason}); het lijkt een HTML-pagina. Is het CSV-tekst, hernoem "
              "het dan naar {csv}; open het anders in Excel en sla het op als .xlsx.",
        "en": "{path} is not an Excel workbook ({kind}: {reason}); it looks like an HTML page. If it is CSV text, "
              "rename it to {csv}; else open it in Excel and save it as .xlsx."},
    "error.sources.excel.text": {
        "nl": "{path} is geen Excel-werkmap ({kind}: {reason}); het lijkt tekst (CSV?). Is het CSV-tekst, hernoem "
              "het dan naar {csv}; open het anders in Excel en sla het op als .xlsx.",
        "en": "{path} is not an Excel workbook ({kind}: {reason}); it looks like text (CSV?). If it is CSV text, "
              "rename it to {csv}; else open it in Excel and save it as .xlsx."},
    "error.sources.excel.other": {
        "nl": "{path} is geen Excel-werkmap ({kind}: {reason}); het lijkt ook geen tekst of HTML-pagina. Is het "
              "CSV-tekst, hernoem het dan naar {csv}; open het anders in Excel en sla het op als .xlsx.",
        "en": "{path} is not an Excel workbook ({kind}: {reason}); it looks like something else. If it is CSV text, "
              "rename it to {csv}; else open it in Excel and save it as .xlsx."},
    "error.sources.excel.no_sheet": {"nl": "{path} heeft geen werkblad {sheet!r}; de werkbladen zijn {sheets}.",
                                     "en": "{path} has no sheet {sheet!r}; its sheets are {sheets}."},
    "error.sources.excel.no_sheet_number": {
        "nl": "{path} heeft geen werkblad nummer {sheet} (geteld vanaf 0); de werkbladen zijn {sheets}.",
        "en": "{path} has no sheet number {sheet} (counting from 0); its sheets are {sheets}."},
    "warning.sources.excel.first_sheet_empty": {
        "nl": "{path}: het eerste werkblad {first!r} is leeg; gelezen is werkblad {sheet!r}, het enige met gegevens. "
              "Zet de tabel op het eerste werkblad; dan verdwijnt deze waarschuwing.",
        "en": "{path}: the first sheet {first!r} is empty; read the sheet {sheet!r}, the only one with data. Put the "
              "table on the first sheet to silence this warning."},
    "error.sources.excel.several_sheets": {
        "nl": "{path}: het eerste werkblad {first!r} is leeg en meerdere andere werkbladen hebben gegevens ({sheets}): "
              "zet de tabel op het eerste werkblad (regio leest het eerste)[[python|, of geef in Python sheet=NAAM]].",
        "en": "{path}: the first sheet {first!r} is empty and several others have data ({sheets}): put the table on "
              "the first sheet (regio reads the first)[[python|, or in Python pass sheet=NAME]]."},
    "error.sources.needs_columns": {"nl": "{path}: de kolommen {need} zijn nodig; het bestand heeft {has}.",
                                    "en": "{path}: needs columns {need}, has {has}."},
    # CBS StatLine (regio/sources/statline.py, statline_proximity.py)
    "error.sources.statline.dimension_twice": {
        "nl": "CBS {table}: meer dan één dimensie past bij de rol {role!r} ({found}); geef choices per "
              "dimensiesleutel.",
        "en": "CBS {table}: more than one dimension looks like the {role} ({found}); pass choices by dimension key."},
    "error.sources.statline.topic_count": {
        "nl": "CBS {table}: één onderwerp verwacht met een titel als {pattern!r}, gevonden: {n}. Onderwerpen: "
              "{listed}.",
        "en": "CBS {table}: expected one topic titled like {pattern!r}, found {n}. Topics: {listed}."},
    "error.sources.statline.topic_count_none": {
        "nl": "CBS {table}: één onderwerp verwacht met een titel als {pattern!r}, gevonden: {n}. De tabel heeft geen "
              "onderwerpen.",
        "en": "CBS {table}: expected one topic titled like {pattern!r}, found {n}. Topics: none."},
    "error.sources.statline.not_a_count": {
        "nl": "CBS {table}, onderwerp {topic} ({title}): {value!r} voor {row} is geen geheel getal, dus dit onderwerp "
              "is geen aantal (Decimals {decimals!r}). Bekijk de onderwerpen van de tabel met `{command}`.",
        "en": "CBS {table}, topic {topic} ({title}): {value!r} for {row} is not a whole number, so this topic is not "
              "a count (Decimals {decimals!r}). Check the table's topics with `{command}`."},
    "error.sources.statline.no_category": {
        "nl": "CBS {table}, dimensie {dimension}: geen categorie {wanted!r}. Categorieën: {titles}. Kies er een met "
              "choices={{'{choice}': TITEL}}.",
        "en": "CBS {table}, dimension {dimension}: no category {wanted!r}. Categories: {titles}. Choose one with "
              "choices={{'{choice}': TITLE}}."},
    "error.sources.statline.no_total_category": {
        "nl": "CBS {table}, dimensie {dimension}: geen categorie 'Totaal'. Categorieën: {titles}. Kies er een met "
              "choices={{'{choice}': TITEL}}.",
        "en": "CBS {table}, dimension {dimension}: no 'Totaal' category. Categories: {titles}. Choose one with "
              "choices={{'{choice}': TITLE}}."},
    "error.sources.statline.which_dimension": {
        "nl": "CBS {table}: niet te zien welke dimensie hoort bij de rol(len) {roles}. Dimensies: {dims}.",
        "en": "CBS {table}: cannot tell which dimension is the {roles}. Dimensions: {dims}."},
    "error.sources.statline.no_year": {"nl": "CBS {table} heeft geen cijfers voor {year}. Jaren in de tabel: {known}.",
                                       "en": "CBS {table} has no figures for {year}. Years in the table: {known}."},
    "error.sources.statline.no_years": {"nl": "CBS {table} heeft geen cijfers voor {year}. De tabel heeft geen jaren.",
                                        "en": "CBS {table} has no figures for {year}. Years in the table: none."},
    "error.sources.statline.no_profession": {
        "nl": "CBS {table}: geen van de beroepen {wanted} staat in de tabel. Beroepen in de tabel: {titles}.",
        "en": "CBS {table}: none of the professions {wanted} is in the table. Professions there: {titles}."},
    "warning.sources.statline.null_rows": {
        "nl": "CBS {table}: geen cijfer (null) voor {n} rij(en), weggelaten: {rows}.",
        "en": "CBS {table}: no figure (null) for {n} row(s), left out: {rows}."},
    "error.sources.statline.rows_twice": {
        "nl": "CBS {table}: meer dan één rij per regio, jaar en beroep na de selectie ({codes}); een dimensie is niet "
              "vastgelegd.",
        "en": "CBS {table}: more than one row per region, year and profession after the selection ({codes}); a "
              "dimension was not fixed."},
    "error.sources.statline.population_not_yet": {
        "nl": "CBS {table} heeft geen gemeentelijke bevolking voor {year}: de periode bestaat, maar bevat nog geen "
              "gemeentecijfers (CBS noemt perioden al voordat het de cijfers publiceert). Jaren in de tabel: {known}. "
              "Kies een eerder jaar met --year.",
        "en": "CBS {table} has no municipal population for {year}: the period exists but holds no municipal figures "
              "yet (CBS lists periods before it publishes them). Years in the table: {known}. Choose an earlier "
              "--year."},
    "error.sources.statline.population_no_period": {
        "nl": "CBS {table} heeft geen gemeentelijke bevolking voor {year}: de periode staat niet in de tabel. Jaren in "
              "de tabel: {known}. Kies een eerder jaar met --year.",
        "en": "CBS {table} has no municipal population for {year}: the period is not in the table. Years in the "
              "table: {known}. Choose an earlier --year."},
    "error.sources.statline.region_twice": {"nl": "CBS {table}: meer dan één rij voor {codes} in {year}.",
                                            "en": "CBS {table}: more than one row for {codes} in {year}."},
    "error.sources.statline.no_region_period": {
        "nl": "CBS {table}: geen regio- of periodedimensie in DataProperties.",
        "en": "CBS {table}: no region or period dimension in DataProperties."},
    "error.sources.proximity.unknown_year": {
        "nl": "regio kent de CBS-tabellen over nabijheid van voorzieningen van {known}, niet van {year}. Zoek op "
              "StatLine de tabel 'Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers {year}' op en geef "
              "het id met --proximity-table[[python| (table= in Python)]].",
        "en": "regio knows the CBS proximity tables of {known}, not of {year}. Look up the table 'Nabijheid "
              "voorzieningen; afstand locatie, wijk- en buurtcijfers {year}' on StatLine and pass its id with "
              "--proximity-table[[python| (table= in Python)]]."},
    "error.sources.proximity.no_topic": {
        "nl": "CBS {table}: geen onderwerp voor {missing}. Onderwerpen: {listed}. Is het een tabel 'Nabijheid "
              "voorzieningen; wijk- en buurtcijfers'? Zie `{command} --what proximity`.",
        "en": "CBS {table}: no topic for {missing}. Topics: {listed}. Is it a table 'Nabijheid voorzieningen; wijk- "
              "en buurtcijfers'? See `{command} --what proximity`."},
    "error.sources.proximity.no_topics": {
        "nl": "CBS {table}: geen onderwerp voor {missing}; de tabel heeft geen onderwerpen. Is het een tabel "
              "'Nabijheid voorzieningen; wijk- en buurtcijfers'? Zie `{command} --what proximity`.",
        "en": "CBS {table}: no topic for {missing}. Topics: none. Is it a table 'Nabijheid voorzieningen; wijk- en "
              "buurtcijfers'? See `{command} --what proximity`."},
    "error.sources.proximity.no_region_dimension": {
        "nl": "CBS {table}: geen regiodimensie (WijkenEnBuurten) in DataProperties.",
        "en": "CBS {table}: no region dimension (WijkenEnBuurten) in DataProperties."},
    "error.sources.proximity.no_municipality": {
        "nl": "CBS {table}: geen gemeente (regiosleutels GM....) in het antwoord.",
        "en": "CBS {table}: no municipality (region keys GM....) in the answer."},
    "error.sources.proximity.region_twice": {"nl": "CBS {table}: meer dan één rij voor {codes}.",
                                             "en": "CBS {table}: more than one row for {codes}."},
    # the population tables (regio/sources/population.py)
    "error.sources.population.register_columns": {
        "nl": "{path}: kolom(men) {missing} ontbreken (aanwezig: {has}); verwacht is de export van CBS 37259eng met "
              "de kolommen level, statcode, year, population_total.",
        "en": "{path}: missing column(s) {missing} (has {has}); expected the CBS 37259eng export with columns level, "
              "statcode, year, population_total."},
    "error.sources.population.not_whole": {
        "nl": "{path}, rij {row}, kolom {column}: {value!r} is geen geheel getal ({code}); verbeter of verwijder de "
              "rij.",
        "en": "{path}, row {row}, column {column}: {value!r} is not a whole number ({code}); fix or remove the row."},
    "error.sources.population.code_year_twice": {
        "nl": "{path}, rij {row}, kolom statcode: {code} komt twee keer voor in {year}; houd één rij per code en jaar.",
        "en": "{path}, row {row}, column statcode: {code} appears twice in {year}; keep one row per code and year."},
    "error.sources.population.no_municipal_table": {
        "nl": "De tabel met de bevolking per gemeente ontbreekt: {path}.",
        "en": "Missing municipal population table {path}."},
    "error.sources.population.pc4_bands_partial": {
        "nl": "{path}: voor PC4 {codes} ontbreken sommige leeftijdsklassen, maar niet alle.",
        "en": "{path}: some but not all age bands are missing for PC4 {codes}."},
    "error.sources.population.no_pc4_table": {"nl": "De tabel met de bevolking per PC4 ontbreekt: {path}.",
                                              "en": "Missing PC4 population table {path}."},
    "error.sources.population.age_columns": {
        "nl": "{path}: kolom(men) {missing} ontbreken (aanwezig: {has}); verwacht: statcode, {bands}, "
              "population_total.",
        "en": "{path}: missing column(s) {missing} (has {has}); expected statcode, {bands}, population_total."},
    "error.sources.population.not_count": {
        "nl": "{path}, rij {row}, kolom {column}: {value!r} is geen geheel getal van 0 of meer ({code}); verbeter of "
              "verwijder de rij.",
        "en": "{path}, row {row}, column {column}: {value!r} is not a non-negative whole number ({code}); fix or "
              "remove the row."},
    "error.sources.population.code_twice": {
        "nl": "{path}, rij {row}, kolom statcode: {code} komt twee keer voor; houd één rij per gemeente.",
        "en": "{path}, row {row}, column statcode: {code} appears twice; keep one row per municipality."},
    "error.sources.population.bands_sum": {
        "nl": "{path}, rij {row}, kolom population_total: {total:,}, maar de leeftijdsklassen tellen op tot {bands:,} "
              "({code}); de klassen moeten optellen tot het totaal.",
        "en": "{path}, row {row}, column population_total: {total:,} but the age bands add up to {bands:,} ({code}); "
              "the bands must add up to the total."},
    "error.sources.population.no_age_structure": {"nl": "De leeftijdsopbouw per gemeente ontbreekt: {path}.",
                                                  "en": "Missing municipal age structure {path}."},
    # downloads (regio/sources/_online.py, fetch.py)
    "error.sources.online.timed_out": {
        "nl": "Geen verbinding met {host} (time-out; gevraagd: {what} van {url}). `regio data fetch` heeft "
              "internettoegang tot CBS StatLine en PDOK nodig. Zonder internet: wijs {data_env} (of `regio --data-dir "
              "MAP`) een map aan die is ingedeeld als shared/data (boundaries/, tables/, physicians/, ...) en die "
              "iemand voor u heeft gedownload of gekopieerd. Achter een proxy: zet HTTPS_PROXY; voor een mirror: zet "
              "{cbs_env} / {pdok_env}.",
        "en": "No connection to {host} (timed out; wanted {what} from {url}). `regio data fetch` needs internet access "
              "to CBS StatLine and PDOK. Without it, point {data_env} (or `regio --data-dir DIR`) at a folder laid out "
              "like shared/data (boundaries/, tables/, physicians/, ...) that someone fetched or copied for you. "
              "Behind a proxy set HTTPS_PROXY; for a mirror set {cbs_env} / {pdok_env}."},
    "error.sources.online.no_connection": {
        "nl": "Geen verbinding met {host} (gevraagd: {what} van {url}). `regio data fetch` heeft internettoegang tot "
              "CBS StatLine en PDOK nodig. Zonder internet: wijs {data_env} (of `regio --data-dir MAP`) een map aan "
              "die is ingedeeld als shared/data (boundaries/, tables/, physicians/, ...) en die iemand voor u heeft "
              "gedownload of gekopieerd. Achter een proxy: zet HTTPS_PROXY; voor een mirror: zet {cbs_env} / "
              "{pdok_env}.",
        "en": "No connection to {host} (wanted {what} from {url}). `regio data fetch` needs internet "
              "access to CBS StatLine and PDOK. Without it, point {data_env} (or `regio --data-dir DIR`) at a folder "
              "laid out like shared/data (boundaries/, tables/, physicians/, ...) that someone fetched or copied for "
              "you. Behind a proxy set HTTPS_PROXY; for a mirror set {cbs_env} / {pdok_env}."},
    "error.sources.online.http_error": {"nl": "{what}: de server op {host} antwoordde met een fout: {reason}",
                                        "en": "{what}: the server at {host} answered with an error: {reason}"},
    "error.sources.online.download_failed": {
        "nl": "{what}: het downloaden van {host} is mislukt ({kind}: {reason}); er is niets van weggeschreven. Draai "
              "de fetch later opnieuw.",
        "en": "{what}: the download from {host} failed ({kind}: {reason}); nothing of it was written. Run the fetch "
              "again later."},
    "error.sources.online.unexpected_answer": {
        "nl": "{what}: onverwacht antwoord van {host} ({kind}: {reason}). Is {url} het goede adres?",
        "en": "{what}: unexpected answer from {host} ({kind}: {reason}). Is {url} the right address?"},
    "error.sources.online.endless_rows": {
        "nl": "{what}: meer dan {max_pages} pagina's van {name} ({got:,} rijen tot nu toe) en de server stuurt nog "
              "steeds een volgende pagina (odata.nextLink); gestopt. De server blijft pagina's sturen: probeer het "
              "later opnieuw, of vraag minder rijen.",
        "en": "{what}: more than {max_pages} pages of {name} ({got:,} rows so far) and the server still sends a next "
              "page (odata.nextLink); stopped. The server pages without end: try again later, or ask fewer rows."},
    "error.sources.online.endless": {
        "nl": "{what}: meer dan {max_pages} pagina's van {name} en de server stuurt nog steeds een volgende pagina "
              "(odata.nextLink); gestopt. De server blijft pagina's sturen: probeer het later opnieuw, of vraag "
              "minder rijen.",
        "en": "{what}: more than {max_pages} pages of {name} and the server still sends a next page "
              "(odata.nextLink); stopped. The server pages without end: try again later, or ask fewer rows."},
    "error.sources.online.dropped_rows": {
        "nl": "{what}: de verbinding viel weg tijdens pagina {page} ({got:,} rijen of objecten ontvangen daarvoor), "
              "bij elk van de {attempts} pogingen ({kind}: {reason}); er is niets van weggeschreven. Draai de fetch "
              "later opnieuw (URL {url}).",
        "en": "{what}: the connection dropped during page {page} ({got:,} rows or features received before it) on "
              "each of {attempts} attempts ({kind}: {reason}); nothing of it was written. Run the fetch again later "
              "(URL {url})."},
    "error.sources.online.dropped": {
        "nl": "{what}: de verbinding viel weg tijdens pagina {page} (daarvoor niets ontvangen), bij elk van de "
              "{attempts} pogingen ({kind}: {reason}); er is niets van weggeschreven. Draai de fetch later opnieuw "
              "(URL {url}).",
        "en": "{what}: the connection dropped during page {page} (none received before it) on each of {attempts} "
              "attempts ({kind}: {reason}); nothing of it was written. Run the fetch again later (URL {url})."},
    "error.sources.fetch.not_writable": {
        "nl": "Kan niet schrijven in de gegevensmap {path} ({reason}). `regio data fetch` schrijft in de gegevensmap "
              "die in gebruik is; kies een map waarin regio mag schrijven met `regio --data-dir MAP data fetch ...` "
              "(of REGIO_DATA_DIR), bijvoorbeeld de standaardmap {default}.",
        "en": "Cannot write to the data directory {path} ({reason}). `regio data fetch` writes into the data "
              "directory in use; choose a writable folder with `regio --data-dir DIR data fetch ...` (or "
              "REGIO_DATA_DIR), e.g. the default {default}."},
    "error.sources.fetch.bad_json": {"nl": "{path} is geen geldige JSON ({reason}); verwijder of herstel het bestand.",
                                     "en": "{path} is not valid JSON ({reason}); remove or repair it."},
    "error.sources.fetch.manifest_not_object": {
        "nl": "{path} hoort een object te bevatten (bestandsnaam -> bron); het bevat een {kind}.",
        "en": "{path} should hold an object (file name -> source); it holds {kind}."},
    "error.sources.fetch.unknown_part": {"nl": "Onbekende delen om op te halen: {parts}. Kies uit {choices}.",
                                         "en": "Unknown part(s) to fetch: {parts}. Choose from {choices}."},
    "error.sources.fetch.unknown_dry_run_part": {"nl": "Onbekende delen: {parts}. Kies uit {choices}.",
                                                 "en": "Unknown part(s): {parts}. Choose from {choices}."},
    # national figures, crosswalks, memberships (regio/sources/figures.py, crosswalks.py, membership.py)
    "error.sources.figures.unknown": {"nl": "Onbekend landelijk cijfer {name!r}. Bekende cijfers: {known}.",
                                      "en": "Unknown national figure {name!r}. Known figures: {known}."},
    "error.sources.membership.missing_column": {"nl": "{path}: kolom {column} ontbreekt (aanwezig: {has}).",
                                                "en": "{path}: missing column {column} (has {has})."},
    "error.sources.membership.empty_code": {
        "nl": "{path}, rij {row}, kolom {column}: lege code; vul de regiocode in.",
        "en": "{path}, row {row}, column {column}: empty code; fill in the region code."},
}
