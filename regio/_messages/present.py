"""Error and warning messages of present (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio.cli: an option error of a spec said again in the command's options
    "error.cli.option": {"nl": "{said}", "en": "{said}"},
    # regio data fetch
    "error.cli.data.fetch_needs_year": {
        "nl": "Geef --year (het jaar van de grenzen en de bevolking); alleen --what proximity zonder andere delen "
              "heeft een standaardjaar.",
        "en": "Give --year (the year of the boundaries and the population); only --what proximity alone has a "
              "default year."},
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
    "error.cli.density.compare_year_order": {
        "nl": "--compare-year {compare} ligt niet vóór --year {year}: de verandering loopt van een eerder jaar naar "
              "--year. Geef een eerder --compare-year (bijv. {before}), of wissel ze om.",
        "en": "--compare-year {compare} is not before --year {year}: the change is shown from an earlier year to "
              "--year. Give an earlier --compare-year (e.g. {before}), or swap them.",
    },
    "error.cli.model.set_form": {
        "nl": "--set vraagt NAAM=WAARDE (bijv. --set uren_per_week=45 of --set instroom=850); gekregen: {got}.",
        "en": "--set takes NAME=VALUE (e.g. --set uren_per_week=45 or --set instroom=850); got {got}.",
    },
    "error.cli.model.set_twice": {
        "nl": "--set meer dan eens gegeven voor {names}: geef elke parameter één keer.",
        "en": "--set given more than once for {names}: give each parameter once.",
    },
    # regio.maps
    "error.maps.chart.no_column": {
        "nl": "De jaartabel heeft geen kolom {column!r}; maak die met regio.model.project().",
        "en": "The yearly table has no column {column!r}; make it with regio.model.project().",
    },
    "error.maps.unknown_tiles": {
        "nl": "Onbekende achtergrondkaart {tiles!r}: kies uit positron, osm of none (--tiles of {env}).",
        "en": "Unknown background map {tiles!r}: use positron, osm or none (--tiles or {env}).",
    },
    "error.maps.unknown_scheme": {
        "nl": "Onbekende klassenindeling {scheme!r}; kies uit quantiles, fisher_jenks, equal_interval of bands.",
        "en": "Unknown class scheme {scheme!r}; use quantiles, fisher_jenks, equal_interval or bands.",
    },
    "error.maps.bands_need_bins": {"nl": "scheme='bands' vraagt bins= (de bovengrenzen van de klassen).",
                                   "en": "scheme='bands' needs bins= (upper edges of the classes)."},
    "error.maps.labels_classes": {"nl": "{n:,} labels voor {k:,} klassen.", "en": "{n} labels for {k} classes."},
    "error.maps.colours_classes": {"nl": "{n:,} kleuren voor {k:,} klassen.", "en": "{n} colours for {k} classes."},
    "error.maps.no_layer": {"nl": "Een kaart heeft minstens één laag nodig.", "en": "A map needs at least one layer."},
    "error.maps.tooltip_columns": {"nl": "Kolommen van de tooltip staan niet in het frame: {columns}.",
                                   "en": "Tooltip columns not in the frame: {columns}."},
    "error.maps.unknown_encoding": {"nl": "Onbekende codering van de kaart {encoding!r}; kies 'topology' of 'geojson'.",
                                    "en": "Unknown map encoding {encoding!r}; use 'topology' or 'geojson'."},
    "error.maps.stray_layer": {
        "nl": "Laag {title!r} heeft waarden voor regio's die niet op de kaart staan: {codes}; geef de waarden van de "
              "laag dezelfde codes als de regio's.",
        "en": "Layer {title!r} has values for regions not on the map: {codes}; index the layer's values by the same "
              "codes as the regions.",
    },
    "warning.maps.leaflet_online": {
        "nl": "De kaart haalt Leaflet nog van internet ({links}): regio levert alleen Leaflet 1.9.3 mee, dus deze "
              "pagina opent niet offline. Installeer een folium die Leaflet 1.9.3 gebruikt of werk "
              "regio/maps/assets bij.",
        "en": "The map still links Leaflet from the internet ({links}): regio ships Leaflet 1.9.3 only, so this page "
              "will not open offline. Install a folium that uses Leaflet 1.9.3 or update regio/maps/assets.",
    },
    "error.maps.unknown_assets": {
        "nl": "Kaartbestanden {how!r}: kies 'inline' (pagina's die offline openen) of 'cdn' (zet {env}[[python| of "
              "assets=]]).",
        "en": "Map assets {how!r}: use 'inline' (pages that open offline) or 'cdn' (set {env}[[python| or assets=]]).",
    },
    "error.maps.density.unknown_scheme": {
        "nl": "Onbekende klassenindeling {scheme!r}; kies uit {known} (beleidsbanden zijn de laag voorziening).",
        "en": "Unknown class scheme {scheme!r}; choose one of {known} (policy bands are the provision layer).",
    },
    "error.maps.density.no_facts": {"nl": "Geen dichtheidsgegevens voor {years}.",
                                    "en": "No density facts for {years}."},
    "error.maps.density.no_results": {"nl": "Geen dichtheidsresultaten om te tekenen.",
                                      "en": "No density results to draw."},
    "error.maps.density.no_shapes": {
        "nl": "Geen vormen om te tekenen[[python|: verzamel de invoer met with_shapes=True]].",
        "en": "No shapes to draw[[python|: gather the inputs with with_shapes=True]].",
    },
    "error.maps.density.same_year": {"nl": "Elk resultaat moet van een ander jaar zijn.",
                                     "en": "Each result must be of another year."},
    "error.maps.density.other_regions": {
        "nl": "De regio's van {year} verschillen van die van de andere jaren: zet de aantallen eerst om naar één "
              "indeling.",
        "en": "The regions of {year} differ from those of the other years: carry the counts to one division first.",
    },
    "error.maps.trainers.no_national": {
        "nl": "De prognosetabel heeft geen landelijke rijen (instituut NL); maak die met "
              "regio.trainers.forecast.national_row.",
        "en": "The forecast table has no national rows (institute NL); make them with "
              "regio.trainers.forecast.national_row.",
    },
    # regio.report
    "error.report.access.over_budget": {
        "nl": "{name} is {size:,} bytes, boven het budget van {limit:,} voor niveau {level}.",
        "en": "{name} is {size:,} bytes, over its budget of {limit:,} for level {level}.",
    },
    "error.report.atlas.unknown_sections": {"nl": "Onbekende atlasonderde(e)l(en) {sections}; bekend: {known}.",
                                            "en": "Unknown atlas section(s) {sections}; known: {known}."},
    "error.report.density.over_budget": {
        "nl": "{name} is {size:,} bytes, boven het budget van {limit:,} voor niveau {level}; verhoog de tolerantie "
              "van de vereenvoudiging.",
        "en": "{name} is {size:,} bytes, over its budget of {limit:,} for level {level}; raise the simplification "
              "tolerance.",
    },
    "error.report.density.no_counts": {
        "nl": "Geen aantallen artsen die de regio's van een niveau dekken: {left_out}.",
        "en": "No physician counts that cover the regions of a level: {left_out}.",
    },
    "error.report.density.no_counts_at_all": {
        "nl": "Geen aantallen artsen die de regio's van een niveau dekken: geen gevonden.",
        "en": "No physician counts that cover the regions of a level: none found.",
    },
    "warning.report.atlas.year_without_boundaries": {
        "nl": "De atlas toont de gemeenten van {year}, niet van {newest}: {years} heeft bevolking maar geen "
              "gemeentegrenzen ({reason}). Zet boundaries/gemeente_{newest}.geojson in de gegevensmap (met internet: "
              "`regio data fetch --year {newest} --what boundaries`) om {newest} te tonen.",
        "en": "The atlas maps the municipalities of {year}, not of {newest}: {years} has population but no municipal "
              "boundaries ({reason}). Add boundaries/gemeente_{newest}.geojson to the data directory (when online: "
              "`regio data fetch --year {newest} --what boundaries`) to map {newest}.",
    },
    "warning.report.atlas.years_without_boundaries": {
        "nl": "De atlas toont de gemeenten van {year}, niet van {newest}: {years} hebben bevolking maar geen "
              "gemeentegrenzen ({reason}). Zet boundaries/gemeente_{newest}.geojson in de gegevensmap (met internet: "
              "`regio data fetch --year {newest} --what boundaries`) om {newest} te tonen.",
        "en": "The atlas maps the municipalities of {year}, not of {newest}: {years} have population but no municipal "
              "boundaries ({reason}). Add boundaries/gemeente_{newest}.geojson to the data directory (when online: "
              "`regio data fetch --year {newest} --what boundaries`) to map {newest}.",
    },
    "error.report.atlas.no_year": {
        "nl": "Geen jaar met zowel gemeentelijke bevolking als gemeentegrenzen.",
        "en": "No year with both municipal population and boundaries.",
    },
    "error.report.atlas.no_year_passed": {
        "nl": "Geen jaar met zowel gemeentelijke bevolking als gemeentegrenzen. Jaren met bevolking: {years}; het "
              "nieuwste heeft geen gemeentegrenzen ({reason}).",
        "en": "No year with both municipal population and boundaries. Years with population: {years}; the newest has "
              "no municipal boundaries ({reason}).",
    },
    "error.report.output.failed_write": {
        "nl": "Kan {path} niet schrijven: {reason}; het bestand dat er stond, als er een was, is ongewijzigd. {hint}",
        "en": "Could not write {path}: {reason}; the file there before, if any, is unchanged. {hint}"},
    "error.report.output.reason.no_such_file": {"nl": "het bestand of de map bestaat niet",
                                                "en": "No such file or directory"},
    "error.report.output.reason.permission": {"nl": "geen toestemming", "en": "Permission denied"},
    "error.report.output.reason.no_space": {"nl": "geen ruimte meer op de schijf", "en": "No space left on device"},
    "error.report.output.reason.read_only": {"nl": "alleen-lezen bestandssysteem", "en": "Read-only file system"},
    "error.report.output.reason.not_a_folder": {"nl": "een deel van het pad is geen map", "en": "Not a directory"},
    "error.report.output.reason.is_a_folder": {"nl": "het is een map", "en": "Is a directory"},
    "error.report.output.reason.long_name": {"nl": "de naam is te lang", "en": "File name too long"},
    "error.report.output.hint.space": {
        "nl": "Maak schijfruimte vrij (of verhoog de grens voor de bestandsgrootte) en probeer het opnieuw.",
        "en": "Free disk space (or raise the file size limit) and run again."},
    "error.report.output.hint.permission": {"nl": "Kies met --out een map waarin u mag schrijven.",
                                            "en": "Choose a folder you may write to with --out."},
    "error.report.output.hint.file_in_the_way": {
        "nl": "Een deel van het pad is een bestand waar een map nodig is (of andersom): kies een andere --out.",
        "en": "A part of the path is a file where a folder is needed (or the reverse): choose another --out."},
    "error.report.output.hint.long_name": {"nl": "Kies een kortere --out.", "en": "Choose a shorter --out."},
    "error.report.output.hint.check": {"nl": "Controleer de map en probeer het opnieuw.",
                                       "en": "Check the folder and run again."},
    "error.report.output.outside": {
        "nl": "Kan {path} niet schrijven: het ligt buiten de uitvoermap {folder}. Namen van uitvoer bestaan uit "
              "letters, cijfers, '_' en '-'; verwijder koppelingen naar buiten de map of kies een andere --out.",
        "en": "Cannot write {path}: it lies outside the output folder {folder}. Output names are made of letters, "
              "digits, '_' and '-'; remove links out of the folder or choose another --out.",
    },
    "error.report.output.suffix": {
        "nl": "Achtervoegsel van de uitvoer {suffix!r}: gebruik alleen letters, cijfers, '_', '-' en punten.",
        "en": "Output suffix {suffix!r}: use letters, digits, '_', '-' and dots only.",
    },
    "error.report.output.in_data_dir": {
        "nl": "Kan {what} niet schrijven: het ligt in de gegevensmap {root}, die regio leest en die alleen `regio "
              "data fetch` vult; daar schrijven zou veranderen wat elke opdracht leest. Kies een --out daarbuiten, "
              "bijv. --out ./{name}.",
        "en": "Cannot write {what}: it lies inside the data directory {root}, which regio reads and only `regio data "
              "fetch` fills; writing there would change what every command reads. Choose an --out outside it, e.g. "
              "--out ./{name}.",
    },
    "error.report.output.in_data_dir_by": {
        "nl": "Kan {what} niet schrijven: het ligt in de gegevensmap {root} ({origin}), die regio leest en die alleen "
              "`regio data fetch` vult; daar schrijven zou veranderen wat elke opdracht leest. Kies een --out "
              "daarbuiten, bijv. --out ./{name}.",
        "en": "Cannot write {what}: it lies inside the data directory {root} ({origin}), which regio reads and only "
              "`regio data fetch` fills; writing there would change what every command reads. Choose an --out "
              "outside it, e.g. --out ./{name}.",
    },
    "error.report.output.over_input": {
        "nl": "Kan {what} niet schrijven: het is een van de invoerbestanden van deze opdracht ({how}) en zou "
              "overschreven worden. Kies een andere --out, bijv. --out {name}.",
        "en": "Cannot write {what}: it is one of this command's inputs ({how}) and would be replaced. Choose another "
              "--out, e.g. --out {name}.",
    },
    "error.report.output.outside_folders": {
        "nl": "Kan {what} niet schrijven: het ligt buiten de uitvoermap {folders}. Kies een andere --out of verwijder "
              "de koppeling naar buiten de map.",
        "en": "Cannot write {what}: it lies outside the output folder {folders}. Choose another --out or remove the "
              "link out of it.",
    },
    "error.cli.model.level": {
        "nl": "Het regionale model rekent op niveaus van hele gemeenten ({known}) of instituut, niet op {level}.",
        "en": "The regional model runs on levels made of whole municipalities ({known}) or instituut, not {level}.",
    },
}
