"""Error and warning messages of kernel (part of the catalogue :data:`regio.labels.LABELS`).

Keys are ``error.<key>`` / ``warning.<key>``, where ``<key>`` is the ``key=`` of the
raise site; the English entry says what the raise site's own English message says.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # regio.text.WHAT: what a caller reads, named in messages (what=...)
    "error.what.lower_bounds": {"nl": "ondergrenzen", "en": "lower bounds"},
    "error.what.upper_bounds": {"nl": "bovengrenzen", "en": "upper bounds"},
    "error.what.current": {"nl": "huidige verdeling", "en": "current distribution"},
    "error.what.use": {"nl": "relatief gebruik", "en": "relative use"},
    "error.what.gp_counts": {"nl": "aantallen huisartsen", "en": "GP counts"},
    "error.what.mix": {"nl": "mix", "en": "mix"},
    "error.what.need": {"nl": "behoefte", "en": "need"},
    "error.what.need_per_institute_trainers": {"nl": "behoefte (opleiders per instituut)",
                                               "en": "need (trainers per institute)"},
    "error.what.need_per_institute": {"nl": "behoefte per instituut", "en": "need per institute"},
    "error.what.intake": {"nl": "instroom (aios per instituut)", "en": "intake (trainees per institute)"},
    "error.what.recruitment": {"nl": "werving (opleiders per jaar per instituut)",
                               "en": "recruitment (trainers a year per institute)"},
    "error.what.population": {"nl": "bevolking", "en": "population"},
    "error.what.inhabitants": {"nl": "inwoners", "en": "inhabitants"},
    "error.what.gps": {"nl": "huisartsen", "en": "GPs"},
    "error.what.trainers": {"nl": "opleiders", "en": "trainers"},
    "error.what.trainers_per_institute": {"nl": "opleiders per instituut", "en": "trainers per institute"},
    "error.what.trainer_capacity": {"nl": "opleidingscapaciteit (aanbod)", "en": "trainer capacity (supply)"},
    "error.what.municipality_codes": {"nl": "de gemeentecodes", "en": "the municipality codes"},
    "error.what.region_codes": {"nl": "de regiocodes", "en": "the region codes"},
    "error.what.practice_counts": {"nl": "aantallen huisartsenpraktijken", "en": "GP practice counts"},
    "error.what.boundaries": {"nl": "grenzen", "en": "boundaries"},
    "error.what.physicians": {"nl": "artsen", "en": "physicians"},
    "error.what.proximity": {"nl": "nabijheid", "en": "proximity"},
    "error.src.what_in": {"nl": "{what} in {path}", "en": "{what} in {path}"},
    "error.src.statline_what": {"nl": "CBS StatLine-tabel {table}", "en": "CBS StatLine table {table}"},
    # regio.validate: messages joined from parts (each part said in the same language)
    "error.kernel.joined": {"nl": "{first}; {rest}", "en": "{first}; {rest}"},
    "error.kernel.joined_space": {"nl": "{first} {rest}", "en": "{first} {rest}"},
    "error.kernel.joined_comma": {"nl": "{first}, {rest}", "en": "{first}, {rest}"},
    "error.kernel.joined_or": {"nl": "{first} of {rest}", "en": "{first} or {rest}"},
    "error.kernel.joined_lines": {"nl": "{first}\n  {rest}", "en": "{first}\n  {rest}"},
    "error.kernel.joined_tight": {"nl": "{first}{rest}", "en": "{first}{rest}"},
    "error.kernel.joined_by": {"nl": "{first}{sep}{rest}", "en": "{first}{sep}{rest}"},
    "error.kernel.text": {"nl": "{text}", "en": "{text}"},
    # regio.apportion
    "error.kernel.apportion.unknown_method": {
        "nl": "Onbekende verdeelmethode {method!r}; kies uit {known}.",
        "en": "Unknown apportionment method {method!r}; use one of {known}.",
    },
    "error.kernel.apportion.total_type": {
        "nl": "Het totaal moet een niet-negatief heel getal zijn, niet {total!r} ({type}).",
        "en": "The total must be a non-negative whole number, got {total!r} ({type}).",
    },
    "error.kernel.apportion.total_whole": {"nl": "Het totaal moet een heel getal zijn, niet {total!r}.",
                                           "en": "The total must be a whole number, got {total!r}."},
    "error.kernel.apportion.total_negative": {"nl": "Het totaal mag niet negatief zijn, maar is {total}.",
                                              "en": "The total must be non-negative, got {total}."},
    "error.kernel.apportion.total_large": {
        "nl": "Het totaal {total:,} is te groot: hoogstens {maximum:,} (2**53) kan exact verdeeld worden. Geef een "
              "kleiner totaal.",
        "en": "The total {total:,} is too large: at most {maximum:,} (2**53) can be apportioned exactly. Give a "
              "smaller total.",
    },
    "error.kernel.apportion.rows_differ": {
        "nl": "De totalen en de gewichten moeten dezelfde rijen hebben (dezelfde index, in dezelfde volgorde).",
        "en": "The totals and the weights must have the same rows (the same index, in the same order).",
    },
    "error.kernel.apportion.columns_duplicate": {"nl": "Dubbele kolommen in de gewichten: {codes}.",
                                                 "en": "Duplicate columns in the weights: {codes}."},
    "error.kernel.apportion.row_all_zero": {
        "nl": "Alle gewichten zijn nul voor {code}; kan {total:,} niet verdelen over {codes}.",
        "en": "All weights are zero for {code}; cannot apportion {total:,} over {codes}.",
    },
    "error.kernel.apportion.weights_type": {
        "nl": "De gewichten moeten een pandas Series met regiocodes als index zijn, niet een {type}.",
        "en": "Weights must be a pandas Series indexed by region code, got {type}.",
    },
    "error.kernel.apportion.weights_duplicate": {"nl": "Dubbele regiocodes in de gewichten: {codes}.",
                                                 "en": "Duplicate region codes in the weights: {codes}."},
    "error.kernel.apportion.weights_missing": {"nl": "ontbrekend, niet-numeriek of oneindig voor {codes}",
                                               "en": "missing, non-numeric or infinite for {codes}"},
    "error.kernel.apportion.negative_for": {"nl": "negatief voor {codes}", "en": "negative for {codes}"},
    "error.kernel.apportion.not_number_for": {"nl": "geen getal voor {codes}", "en": "not a number for {codes}"},
    "error.kernel.apportion.fraction_for": {"nl": "geen heel getal voor {codes}",
                                            "en": "not a whole number for {codes}"},
    "error.kernel.apportion.infinite_for": {"nl": "oneindig voor {codes}", "en": "infinite for {codes}"},
    "error.kernel.apportion.larger_for": {"nl": "groter dan {maximum:,} (2**53) voor {codes}",
                                          "en": "larger than {maximum:,} (2**53) for {codes}"},
    "error.kernel.apportion.bad_weights": {
        "nl": "Gewichten moeten eindig en niet-negatief zijn; foute gewichten: {problems}.",
        "en": "Weights must be finite and non-negative; bad weights: {problems}.",
    },
    "error.kernel.apportion.weights_large": {
        "nl": "Gewichten te groot: hun som overschrijdt het grootste getal ({largest:.3g}). Schaal ze omlaag "
              "(alleen hun verhoudingen tellen).",
        "en": "Weights too large: their sum exceeds the largest number ({largest:.3g}). Scale them down (only their "
              "ratios matter).",
    },
    "error.kernel.apportion.lower_duplicate": {"nl": "Dubbele regiocodes in de ondergrenzen: {codes}.",
                                               "en": "Duplicate region codes in the lower bounds: {codes}."},
    "error.kernel.apportion.upper_duplicate": {"nl": "Dubbele regiocodes in de bovengrenzen: {codes}.",
                                               "en": "Duplicate region codes in the upper bounds: {codes}."},
    "error.kernel.apportion.lower_unknown": {
        "nl": "Ondergrenzen voor {n:,} regio('s) die niet bij de te verdelen regio's horen: {codes}. Bekende "
              "regio's: {known}.",
        "en": "Lower bounds for {n:,} region(s) that are not among the regions apportioned over: {codes}. Known "
              "regions: {known}.",
    },
    "error.kernel.apportion.upper_unknown": {
        "nl": "Bovengrenzen voor {n:,} regio('s) die niet bij de te verdelen regio's horen: {codes}. Bekende "
              "regio's: {known}.",
        "en": "Upper bounds for {n:,} region(s) that are not among the regions apportioned over: {codes}. Known "
              "regions: {known}.",
    },
    "error.kernel.apportion.lower_bad": {
        "nl": "Ondergrenzen moeten niet-negatieve hele getallen zijn (leeg = geen grens): {problems}.",
        "en": "Lower bounds must be non-negative whole numbers (empty = no bound): {problems}.",
    },
    "error.kernel.apportion.upper_bad": {
        "nl": "Bovengrenzen moeten niet-negatieve hele getallen zijn (leeg = geen grens): {problems}.",
        "en": "Upper bounds must be non-negative whole numbers (empty = no bound): {problems}.",
    },
    "error.kernel.apportion.pair": {"nl": "{code} (onder {lower:,} > boven {upper:,})",
                                    "en": "{code} (lower {lower} > upper {upper})"},
    "error.kernel.apportion.crossed": {"nl": "Grenzen spreken elkaar tegen: {pairs}.",
                                       "en": "Bounds contradict each other: {pairs}."},
    "error.kernel.apportion.no_regions": {"nl": "Kan {total:,} niet verdelen over geen enkele regio.",
                                          "en": "Cannot apportion {total} over no regions."},
    "error.kernel.apportion.lower_too_high": {
        "nl": "Onmogelijke grenzen: de ondergrenzen tellen op tot {low:,}, {over:,} meer dan het totaal {total:,}. "
              "Verlaag enkele grenzen of verhoog het totaal.",
        "en": "Infeasible bounds: the lower bounds add up to {low:,}, {over:,} more than the total {total:,}. Lower "
              "some bounds or raise the total.",
    },
    "error.kernel.apportion.all_zero": {"nl": "Alle gewichten zijn nul; kan {total:,} niet verdelen over {codes}.",
                                        "en": "All weights are zero; cannot apportion {total:,} over {codes}."},
    "error.kernel.apportion.upper_too_low": {
        "nl": "Onmogelijke grenzen: binnen de bovengrenzen passen hoogstens {reach:,}, {short:,} minder dan het "
              "totaal {total:,}. Verhoog enkele bovengrenzen of verlaag het totaal.",
        "en": "Infeasible bounds: at most {reach:,} can be placed within the upper bounds, {short:,} short of the "
              "total {total:,}. Raise some upper bounds or lower the total.",
    },
    "error.kernel.apportion.upper_too_low_zero": {
        "nl": "Onmogelijke grenzen: binnen de bovengrenzen passen hoogstens {reach:,}, {short:,} minder dan het "
              "totaal {total:,}. Verhoog enkele bovengrenzen of verlaag het totaal. Regio's met gewicht nul krijgen "
              "niet meer dan hun ondergrens: {codes}.",
        "en": "Infeasible bounds: at most {reach:,} can be placed within the upper bounds, {short:,} short of the "
              "total {total:,}. Raise some upper bounds or lower the total. Regions with weight zero take no more "
              "than their lower bound: {codes}.",
    },
    # regio.geography, regio.demography, regio.sectors
    "error.kernel.of_source": {"nl": " van {source}", "en": " of {source}"},
    "warning.kernel.placed_nearest": {
        "nl": "{n:,} van {of:,} eenheden{units_source} liggen in geen enkele regio{regions_source}; geplaatst in "
              "de dichtstbijzijnde regio: {codes}. Controleer of beide bestanden hetzelfde gebied beslaan in "
              "dezelfde coördinaten (CRS).",
        "en": "{n} of {of} units{units_source} lie in no region{regions_source}; placed in the nearest region: "
              "{codes}. Check that both cover the same area in the same coordinates (CRS).",
    },
    "error.kernel.no_geometry_units": {
        "nl": "Eenheden zonder geometrie kunnen niet geplaatst worden: {codes}. Geef ze in plaats daarvan een regio "
              "in een indelingstabel.",
        "en": "Cannot place units without geometry: {codes}. Give them a region in a membership table instead.",
    },
    "error.kernel.mapping.no_column": {"nl": "Indeling{where} heeft geen kolom {column!r}; kolommen: {columns}.",
                                       "en": "Mapping{where} has no column {column!r}; columns: {columns}."},
    "error.kernel.mapping.twice": {"nl": "meer dan eens ingedeeld: {codes}", "en": "assigned more than once: {codes}"},
    "error.kernel.mapping.unknown": {"nl": "niet in de indeling: {codes}", "en": "not in the division: {codes}"},
    "error.kernel.mapping.unassigned": {"nl": "zonder regio: {codes}", "en": "without a region: {codes}"},
    "error.kernel.mapping.bad": {"nl": "Indeling{where}: eenheden {problems}. Verbeter de indelingstabel.",
                                 "en": "Mapping{where}: units {problems}. Fix the mapping table."},
    "error.kernel.no_membership": {
        "nl": "{n:,} eenhe(i)d(en) hebben geen regio in de indeling: {codes}. Zet de aantallen eerst om naar de "
              "gemeentelijke indeling van die indeling (regio.carry_to), of vul de indeling aan.",
        "en": "{n} unit(s) have no region in the membership: {codes}. Carry the counts to the membership's division "
              "first (regio.carry_to), or complete the mapping.",
    },
    "error.kernel.no_region": {"nl": "{n:,} eenhe(i)d(en) hebben geen regio: {codes}.",
                               "en": "{n} unit(s) have no region: {codes}."},
    "error.kernel.needs_population": {"nl": "population_density heeft een kolom 'population' nodig.",
                                      "en": "population_density needs a 'population' column."},
    "error.kernel.no_shape_for": {"nl": "geen vorm voor {codes}", "en": "no shape for {codes}"},
    "error.kernel.no_population_for": {"nl": "geen bevolking voor {codes}", "en": "no population for {codes}"},
    "error.kernel.population_shapes": {
        "nl": "Bevolking en vormen beslaan niet dezelfde regio's: {problems}. Gebruik voor beide één indeling "
              "(bijv. hetzelfde jaar).",
        "en": "Population and shapes do not cover the same regions: {problems}. Use one division for both (e.g. the "
              "same year).",
    },
    "error.kernel.sector.not_split": {"nl": "Geen sector {sector!r}: deze aantallen zijn niet naar sector verdeeld.",
                                      "en": "No sector {sector!r}: these counts are not split by sector."},
    "error.kernel.sector.unknown": {"nl": "Geen aantallen voor sector {sector!r}. Sectoren in de gegevens: {known}.",
                                    "en": "No counts for sector {sector!r}. Sectors in the data: {known}."},
    "error.kernel.sector.no_total": {
        "nl": "De aantallen zijn naar sector verdeeld zonder totaal over alle sectoren: {known}. Kies er één"
              "[[sector| ({opt_sector})]].",
        "en": "The counts are split by sector without a total over all sectors: {known}. Choose one[[sector| "
              "({opt_sector})]].",
    },
    "error.kernel.sector.two_totals": {
        "nl": "Aantallen voor meer dan één sectortotaal ({totals}), bijv. uit twee CBS-tabellen; kies er één"
              "[[sector| ({opt_sector})]] of houd één van de bestanden.",
        "en": "Counts for more than one sector total ({totals}), e.g. from two CBS tables; choose one"
              "[[sector| ({opt_sector})]] or keep one of the files.",
    },
    # regio.mergers
    "error.kernel.mergers.before_whole": {
        "nl": "De aantallen vóór 1 januari moeten hele aantallen mensen zijn; niet voor {codes}.",
        "en": "The counts before 1 January must be whole numbers of people; not for {codes}.",
    },
    "error.kernel.mergers.after_whole": {
        "nl": "De aantallen na 1 januari moeten hele aantallen mensen zijn; niet voor {codes}.",
        "en": "The counts after 1 January must be whole numbers of people; not for {codes}.",
    },
    "error.kernel.mergers.not_same_people": {
        "nl": "De aantallen vóór en na 1 januari verschillen in totaal {delta:+,} mensen: het zijn niet dezelfde "
              "mensen (geef de bevolking op 31 december en op de volgende 1 januari).",
        "en": "The counts before and after 1 January differ by {delta:+,} people in total: they are not the same "
              "people (give the population on 31 December and on the next 1 January).",
    },
    "error.kernel.mergers.search_limit": {
        "nl": "Het afleiden van de gemeentelijke herindelingen kostte meer dan {steps:,} zoekstappen ({losing:,} "
              "gemeenten die inwoners verliezen, {gaining:,} die er winnen): beperk de opvolgers waar elk naartoe "
              "mag gaan (allowed=).",
        "en": "Deriving the municipal changes took more than {steps:,} search steps ({losing} municipalities losing "
              "people, {gaining} gaining): limit the successors each may go to (allowed=).",
    },
    "error.kernel.mergers.no_assignment": {
        "nl": "Geen toewijzing van de {n:,} gemeenten die inwoners verliezen ({losing}) aan de gemeenten die er "
              "winnen ({gaining}) binnen de toegestane opvolgers verklaart de aantallen.",
        "en": "No assignment of the {n} municipalities losing people ({losing}) to those gaining ({gaining}) within "
              "the allowed successors explains the counts.",
    },
    "error.kernel.mergers.step": {"nl": "omzetting {start}->{end}", "en": "crosswalk {start}->{end}"},
    "error.kernel.mergers.step_part": {"nl": "omzetting {start}->{end} (deel van de gebiedsoverlay {start}->{full})",
                                       "en": "crosswalk {start}->{end} (part of the area overlay {start}->{full})"},
    "error.kernel.mergers.no_successor": {
        "nl": "{label}: de gemeenten {codes} verdwijnen, maar de gebiedsoverlay heeft geen opvolger voor ze.",
        "en": "{label}: municipalities {codes} disappear but the area overlay has no successor for them.",
    },
    "error.kernel.mergers.stray": {
        "nl": "{label}: de omzettabel leidt naar codes die niet in de nieuwe indeling staan: {codes}.",
        "en": "{label}: the crosswalk leads to codes that are not in the new division: {codes}.",
    },
    "error.kernel.mergers.cut_step": {
        "nl": "{label}: gemeenten die toen al verdwenen waren ({vanished}) leiden in de overlay naar gemeenten die "
              "pas daarna gevormd zijn ({formed}), dus de stap kan daar niet gesneden worden. Zet de aantallen in "
              "plaats daarvan om naar een jaar aan het eind van de overlaystap.",
        "en": "{label}: municipalities that vanished by then ({vanished}) lead in the overlay to municipalities "
              "formed only after it ({formed}), so the step cannot be cut there. Carry the counts to a year at the "
              "end of the overlay step instead.",
    },
    "error.kernel.mergers.backwards": {
        "nl": "Aantallen kunnen niet terug van {from_year} naar {to_year}: het splitsen van samengevoegde gemeenten "
              "is niet terug te draaien. Zet beide jaren vooruit om naar de latere indeling.",
        "en": "Cannot carry counts back from {from_year} to {to_year}: splitting merged municipalities cannot be "
              "undone. Carry both years forward to the later division.",
    },
    "error.kernel.mergers.unknown_division": {
        "nl": "De gemeentelijke indeling van {year} is onbekend (bekend: {known}).",
        "en": "The municipal division of {year} is unknown (known: {known}).",
    },
    "error.kernel.mergers.no_step": {
        "nl": "Geen stap in de omzettabel begint in {year} (op weg van {from_year} naar {to_year}).",
        "en": "No crosswalk step starts in {year} (on the way from {from_year} to {to_year}).",
    },
    "error.kernel.mergers.overlay_unknown": {
        "nl": "Geen omzetting van {year} naar {to_year}: de gebiedsoverlay gaat van {year} naar {next}, een "
              "gemeentelijke indeling die onbekend is (bekend: {known}). Zet de grenzen of bevolking van {next} in "
              "de datamap, of zet om naar een ander jaar.",
        "en": "No crosswalk from {year} to {to_year}: the area overlay goes from {year} to {next}, a municipal "
              "division that is unknown (known: {known}). Add the boundaries or population of {next} to the data "
              "directory, or carry to another year.",
    },
    "error.kernel.mergers.division_unknown": {"nl": "De gemeentelijke indeling van {year} is onbekend.",
                                              "en": "The municipal division of {year} is unknown."},
    "error.kernel.mergers.not_in_crosswalk": {
        "nl": "{n:,} code(s){source} staan niet in de omzettabel: {codes}. Ze bestaan niet in de indeling van het "
              "beginjaar; controleer het jaar van de gegevens.",
        "en": "{n} code(s){source} are not in the crosswalk: {codes}. They do not exist in the division of the start "
              "year; check the year of the data.",
    },
    "error.kernel.mergers.not_in_crosswalk_odd": {
        "nl": "{n:,} code(s){source} staan niet in de omzettabel: {codes}. Gemeentecodes worden geschreven als "
              "GM0363 (Amsterdam), niet {odd!r}: maak van de index zulke CBS-codes.",
        "en": "{n} code(s){source} are not in the crosswalk: {codes}. Municipal codes are written like GM0363 "
              "(Amsterdam), not {odd!r}: make the index such CBS codes.",
    },
    # regio.config
    "error.kernel.unknown_encoding": {
        "nl": "Onbekende tekencodering {encoding!r}{where}: geef de naam van een Python-codec, zoals utf-8, cp1252 of "
              "latin-1.",
        "en": "Unknown encoding {encoding!r}{where}: give a Python codec name such as utf-8, cp1252 or latin-1.",
    },
    # regio.validate.to_numeric
    "error.kernel.numbers.ambiguous": {
        "nl": "Kolom {column!r}{where}: dubbelzinnige getallen bij {rows} (bijv. {example!r}: een scheidingsteken "
              "voor duizendtallen of een decimaalteken?). Schrijf hele getallen zonder scheidingstekens, "
              "bijv. {plain!r}.",
        "en": "Column {column!r}{where}: ambiguous numbers at {rows} (e.g. {example!r}: a thousands separator or a "
              "decimal one?). Write whole numbers without separators, e.g. {plain!r}.",
    },
    "warning.kernel.numbers.decimal_commas": {
        "nl": "Kolom {column!r}{where} gebruikt decimale komma's (bijv. {example!r}); gelezen als decimale "
              "getallen. Exporteer met een decimale punt om deze waarschuwing te voorkomen.",
        "en": "Column {column!r}{where} uses decimal commas (e.g. {example!r}); read as decimal numbers. Export "
              "with a decimal point to silence this warning.",
    },
    "error.kernel.numbers.non_numeric": {"nl": "niet-numerieke waarden bij {rows} (bijv. {example!r})",
                                         "en": "non-numeric values at {rows} (e.g. {example!r})"},
    "error.kernel.numbers.infinite": {"nl": "oneindige waarden bij {rows}", "en": "infinite values at {rows}"},
    "error.kernel.numbers.too_large": {
        "nl": "te grote waarden bij {rows} (bijv. {example!r}; hoogstens {maximum:,.0f})",
        "en": "values too large at {rows} (e.g. {example!r}; at most {maximum:,.0f})",
    },
    "error.kernel.numbers.missing": {"nl": "ontbrekende waarden bij {rows}", "en": "missing values at {rows}"},
    "error.kernel.numbers.negative": {"nl": "negatieve waarden bij {rows}", "en": "negative values at {rows}"},
    "error.kernel.numbers.fractional": {"nl": "gebroken waarden bij {rows} (aantallen moeten hele getallen zijn)",
                                        "en": "fractional values at {rows} (counts must be whole numbers)"},
    "error.kernel.numbers.bad_cells": {
        "nl": "Kolom {column!r}{where}: {problems}. Verbeter deze cellen (een ontbrekend aantal is geen nul: "
              "vul alleen 0 in waar het 0 is).",
        "en": "Column {column!r}{where}: {problems}. Fix these cells (a missing count is not zero: enter 0 only "
              "where it is 0).",
    },
    # regio.validate: codes, CRS, extent, repairs
    "error.kernel.duplicate_codes": {
        "nl": "Dubbele codes in kolom {column!r}{where}: {codes}. Elke regio mag maar één keer voorkomen; voeg de "
              "dubbele rijen eerst samen of tel ze op.",
        "en": "Duplicate codes in column {column!r}{where}: {codes}. Each region must occur once; dissolve or sum "
              "the duplicate rows first.",
    },
    "error.kernel.not_geodataframe": {"nl": "{name!r} moet een GeoDataFrame zijn, maar is een {got}.",
                                      "en": "{name!r} should be a GeoDataFrame, got {got}."},
    "error.kernel.crs.missing": {
        "nl": "{name!r} heeft geen CRS. regio rekent in {rd} (RD New). Zijn de coördinaten RD New, roep dan "
              "gdf.set_crs({rd!r}) aan; zijn het lengte-/breedtegraden, dan gdf.set_crs({wgs84!r}).to_crs({rd!r}).",
        "en": "{name!r} has no CRS. regio computes in {rd} (RD New). If the coordinates are RD New, call "
              "gdf.set_crs({rd!r}); if they are longitude/latitude, gdf.set_crs({wgs84!r}).to_crs({rd!r}).",
    },
    "error.kernel.crs.other": {
        "nl": "{name!r} is in {crs}, verwacht is {expected}. Projecteer om met gdf.to_crs({expected!r}).",
        "en": "{name!r} is in {crs}, expected {expected}. Reproject with gdf.to_crs({expected!r}).",
    },
    "error.kernel.crs.mismatch": {
        "nl": "CRS verschillen ({shown}). Projecteer alles om naar {rd} met .to_crs({rd!r}).",
        "en": "CRS mismatch ({shown}). Reproject all to {rd} with .to_crs({rd!r}).",
    },
    "error.kernel.extent.swapped": {
        "nl": "{source}: de coördinaten lijken breedte-/lengtegraden met verwisselde assen (x {x0:,.2f}..{x1:,.2f}, "
              "y {y0:,.2f}..{y1:,.2f}) onder het opgegeven {declared}: schrijf eerst de lengtegraad (x = "
              "lengtegraad), zoals GeoJSON vereist.",
        "en": "{source}: the coordinates look like latitude/longitude with the axes swapped (x {x0:,.2f}..{x1:,.2f}, "
              "y {y0:,.2f}..{y1:,.2f}) under the declared {declared}: write them longitude first (x = longitude), "
              "as GeoJSON requires.",
    },
    "error.kernel.extent.outside": {
        "nl": "{source}: de coördinaten (x {x0:,.2f}..{x1:,.2f}, y {y0:,.2f}..{y1:,.2f}) liggen niet in Nederland "
              "in het opgegeven CRS {declared}. Controleer de crs van het bestand: regio verwacht {wgs84} (lengte "
              "3..7,3, breedte 50,7..53,7) of {rd} (x 0..300.000, y 289.000..630.000).",
        "en": "{source}: the coordinates (x {x0:,.2f}..{x1:,.2f}, y {y0:,.2f}..{y1:,.2f}) do not lie in the "
              "Netherlands in the declared CRS {declared}. Check the file's crs: regio expects {wgs84} (lon 3..7.3, "
              "lat 50.7..53.7) or {rd} (x 0..300,000, y 289,000..630,000).",
    },
    "error.kernel.extent.mislabelled_lonlat": {
        "nl": "{source}: de coördinaten lijken lengte-/breedtegraden (x {x0:,.2f}..{x1:,.2f}, y {y0:,.2f}..{y1:,.2f}) "
              "maar het bestand geeft {declared} op: zet de crs op {fix} (bijv. ogr2ogr -a_srs {fix} out.geojson "
              "{name}[[python|, of in Python gdf.set_crs({fix!r}, allow_override=True)]]).",
        "en": "{source}: the coordinates look like longitude/latitude (x {x0:,.2f}..{x1:,.2f}, y {y0:,.2f}..{y1:,.2f}) "
              "but the file declares {declared}: set its crs to {fix} (e.g. ogr2ogr -a_srs {fix} out.geojson "
              "{name}[[python|, or in Python gdf.set_crs({fix!r}, allow_override=True)]]).",
    },
    "error.kernel.extent.mislabelled_rd": {
        "nl": "{source}: de coördinaten lijken RD New-meters (x {x0:,.2f}..{x1:,.2f}, y {y0:,.2f}..{y1:,.2f}) maar "
              "het bestand geeft {declared} op: zet de crs op {fix} (bijv. ogr2ogr -a_srs {fix} out.geojson "
              "{name}[[python|, of in Python gdf.set_crs({fix!r}, allow_override=True)]]).",
        "en": "{source}: the coordinates look like RD New metres (x {x0:,.2f}..{x1:,.2f}, y {y0:,.2f}..{y1:,.2f}) but "
              "the file declares {declared}: set its crs to {fix} (e.g. ogr2ogr -a_srs {fix} out.geojson "
              "{name}[[python|, or in Python gdf.set_crs({fix!r}, allow_override=True)]]).",
    },
    "warning.kernel.repaired": {
        "nl": "{n:,} ongeldige geometrie(ën){where} hersteld: {codes}.",
        "en": "Repaired {n:,} invalid geometry(ies){where}: {codes}.",
    },
    "warning.kernel.empty_geometry": {
        "nl": "{n:,} regio('s){where} hebben een lege geometrie en kunnen niet getekend worden: {codes}. Hun "
              "aantallen blijven behouden.",
        "en": "{n:,} region(s){where} have an empty geometry and cannot be drawn: {codes}. Their counts are kept.",
    },
    "warning.kernel.repair_recorded": {"nl": "{message}", "en": "{message}"},
}
