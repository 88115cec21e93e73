"""The words for the column codes of regio's tables: label, meaning and number kind (part of :mod:`regio.labels`).

Tables keep their code names (``rate_per_100k``) in CSV files and in Python;
Excel files for people show the label in the chosen language, format the
numbers by their kind and explain each code in a glossary. The entries live
here, in one table, and :func:`regio.labels.column_label` and friends read
them, so that the catalogue in :mod:`regio.labels` stays one place to look.

Kinds (how a number is shown in Excel):

* ``count`` -- a count of people or places: a whole number (``#,##0``);
* ``target`` -- a number of persons (or practices) that is a target or a gap: rounded *up* to whole numbers;
* ``rate`` -- per 100,000 or per km²: one decimal;
* ``share`` -- a fraction shown as a percentage (``0.0%``);
* ``pct`` -- a number already in percent (``110.3`` for 110.3%);
* ``decimal`` -- a number whose decimals are the point (a quota, a ratio): two decimals;
* ``fte`` -- full-time equivalents or other measured amounts: one decimal;
* ``year`` -- a calendar year (no separator);
* ``text`` -- words, codes, flags.
"""

from __future__ import annotations

import re

__all__ = ["CELL_WORDS", "COLUMNS", "COLUMN_KINDS", "column_entry"]

#: The kinds a column can have (see the module docstring).
COLUMN_KINDS: tuple[str, ...] = ("count", "target", "rate", "share", "pct", "decimal", "fte", "year", "text")

#: code -> (kind, Dutch label, English label, Dutch meaning, English meaning).
COLUMNS: dict[str, tuple[str, str, str, str, str]] = {
    # regions
    "statcode": ("text", "Code", "Code", "CBS-code van de regio (GM gemeente, PV provincie ...)",
                 "CBS code of the region (GM municipality, PV province ...)"),
    "statnaam": ("text", "Naam", "Name", "Naam van de regio", "Name of the region"),
    "kind": ("text", "Soort rij", "Row kind", "regio, totaal of niet in te delen", "region, total or not placed"),
    "provincie": ("text", "Provincie", "Province", "Provincie van de gemeente", "Province of the municipality"),
    "name": ("text", "Naam", "Name", "Naam van het instituut", "Name of the institute"),
    "institute": ("text", "Instituut (code)", "Institute (code)", "Code van het opleidingsinstituut",
                  "Code of the training institute"),
    "institute_name": ("text", "Instituut", "Institute", "Naam van het opleidingsinstituut",
                       "Name of the training institute"),
    "location": ("text", "Locatie", "Location", "Dichtstbijzijnde opleidingslocatie", "Nearest training location"),
    "joint": ("text", "Gezamenlijke zone", "Joint zone",
              "Instituten die binnen de marge even dichtbij liggen (leeg: geen)",
              "Institutes equally near within the margin (empty: none)"),
    "cost": ("fte", "Afstand (km)", "Distance (km)", "Afstand tot de locatie in km", "Distance to the location in km"),
    "method": ("text", "Methode", "Method", "Hoe de gemeente is toegewezen", "How the municipality was assigned"),
    "source": ("text", "Bron", "Source", "Bron van de rij", "Source of the row"),
    "counts_source": ("text", "Bron aantallen", "Counts source",
                      "Herkomst van de aantallen: CBS, Nivel of een eigen bestand (codes cbs, nivel, file)",
                      "Where the counts come from: CBS, Nivel or an own file (codes cbs, nivel, file)"),
    "year": ("year", "Jaar", "Year", "Kalenderjaar", "Calendar year"),
    "raming": ("year", "Raming", "Round", "Jaar van de raming van het Capaciteitsorgaan",
               "Year of the Capaciteitsorgaan's round"),
    "from_year": ("year", "Vanaf jaar", "From year", "Eerste jaar van het advies", "First year of the advice"),
    "equilibrium_year": ("year", "Evenwichtsjaar", "Equilibrium year", "Jaar waarin aanbod en vraag gelijk zijn",
                         "Year in which supply meets demand"),
    # access to GP practices (regio access)
    "practices": ("count", "Praktijken", "Practices", "Huisartsenpraktijken (afgeleide telling, ZorgkaartNederland)",
                  "GP practices (derived count, ZorgkaartNederland)"),
    "practices_per_10k": ("decimal", "Praktijken per 10.000", "Practices per 10,000",
                          "Praktijken per 10.000 inwoners", "Practices per 10,000 inhabitants"),
    "access_per_10k": ("decimal", "Bereikbaar per 10.000 (2SFCA)", "Within reach per 10,000 (2SFCA)",
                       "Aanbod binnen bereik per 10.000 (vraaggewogen gemiddelde van de PC4-gebieden)",
                       "Supply within reach per 10,000 (demand-weighted mean of the PC4 areas)"),
    "effective": ("fte", "Effectief aanbod", "Effective supply",
                  "Bereikbaar × vraag: het deel van het aanbod dat op deze inwoners valt",
                  "Within reach × demand: the share of the supply that falls to these inhabitants"),
    "expected": ("fte", "Verwacht aanbod", "Expected supply", "Zorgbehoefte × norm", "Need × norm"),
    "need": ("count", "Zorgbehoefte (gewogen inwoners)", "Need (weighted inhabitants)",
             "Inwoners gewogen naar huisartscontacten per leeftijd", "Inhabitants weighted by GP contacts by age"),
    "demand": ("count", "Vraag", "Demand", "De vraag in de zoekgebieden: inwoners of zorgbehoefte",
               "The demand in the catchments: inhabitants or need"),
    "supply": ("fte", "Aanbod", "Supply", "Aanbod in de zoekgebieden: praktijken, huisartsen of fte",
               "Supply in the catchments: practices, GPs or FTE"),
    "pc4_population": ("count", "Inwoners PC4 (2021)", "Inhabitants PC4 (2021)",
                       "Som van de PC4-inwoners op 1 januari 2021", "Sum of the PC4 inhabitants on 1 January 2021"),
    "norm_per_10k": ("decimal", "Norm per 10.000", "Norm per 10,000",
                     "Aanbod per 10.000 leeftijdgewogen inwoners waarmee vergeleken wordt",
                     "Supply per 10,000 age-weighted inhabitants compared with"),
    "share_far": ("share", "Aandeel ver", "Share far",
                  "Aandeel inwoners van wie de dichtstbijzijnde praktijk verder dan de drempel ligt (PC4)",
                  "Share of inhabitants whose nearest practice is beyond the threshold (PC4)"),
    "far_population": ("count", "Inwoners ver", "Inhabitants far", "Inwoners verder dan de drempel",
                       "Inhabitants beyond the threshold"),
    "age_65plus_share": ("share", "65-plussers", "Aged 65+", "Aandeel inwoners van 65 jaar en ouder",
                         "Share of inhabitants aged 65 and over"),
    "huisartsenpraktijk_afstand_km": ("fte", "Afstand praktijk (km)", "Distance practice (km)",
                                      "CBS: gemiddelde afstand over de weg tot de dichtstbijzijnde huisartsenpraktijk",
                                      "CBS: mean road distance to the nearest GP practice"),
    "huisartsenpraktijk_binnen_1km": ("fte", "Praktijken binnen 1 km", "Practices within 1 km",
                                      "CBS: gemiddeld aantal praktijken binnen 1 km", "CBS: mean number within 1 km"),
    "huisartsenpraktijk_binnen_3km": ("fte", "Praktijken binnen 3 km", "Practices within 3 km",
                                      "CBS: gemiddeld aantal praktijken binnen 3 km", "CBS: mean number within 3 km"),
    "huisartsenpraktijk_binnen_5km": ("fte", "Praktijken binnen 5 km", "Practices within 5 km",
                                      "CBS: gemiddeld aantal praktijken binnen 5 km", "CBS: mean number within 5 km"),
    "huisartsenpost_afstand_km": ("fte", "Afstand huisartsenpost (km)", "Distance out-of-hours post (km)",
                                  "CBS: gemiddelde afstand tot de dichtstbijzijnde huisartsenpost",
                                  "CBS: mean distance to the nearest GP out-of-hours post"),
    "apotheek_afstand_km": ("fte", "Afstand apotheek (km)", "Distance pharmacy (km)",
                            "CBS: gemiddelde afstand tot de dichtstbijzijnde apotheek",
                            "CBS: mean distance to the nearest pharmacy"),
    "ziekenhuis_afstand_km": ("fte", "Afstand ziekenhuis (km)", "Distance hospital (km)",
                              "CBS: gemiddelde afstand tot het dichtstbijzijnde ziekenhuis",
                              "CBS: mean distance to the nearest hospital"),
    "proximity_year": ("year", "Jaar nabijheid", "Proximity year", "Jaar van de CBS-nabijheidscijfers",
                       "Year of the CBS proximity figures"),
    "gps_lower_per_100k": ("rate", "Huisartsen per 100.000, ondergrens", "GPs per 100,000, lower",
                           "Ondergrens van het 95%-interval", "Lower limit of the 95% interval"),
    "gps_upper_per_100k": ("rate", "Huisartsen per 100.000, bovengrens", "GPs per 100,000, upper",
                           "Bovengrens van het 95%-interval", "Upper limit of the 95% interval"),
    "gps_comparison": ("text", "Huisartsen t.o.v. landelijk", "GPs vs national",
                       "Lager, niet significant afwijkend of hoger dan het landelijke cijfer (codes below, similar, "
                       "above)", "Below, not significantly different or above the national rate (codes below, "
                       "similar, above)"),
    "gemeente": ("text", "Gemeente (code)", "Municipality (code)", "Gemeente met het grootste deel van het gebied",
                 "Municipality holding most of the area"),
    "x": ("decimal", "x (EPSG:28992)", "x (EPSG:28992)", "Oost-coördinaat van het punt in meter",
          "Easting of the point in metres"),
    "y": ("decimal", "y (EPSG:28992)", "y (EPSG:28992)", "Noord-coördinaat van het punt in meter",
          "Northing of the point in metres"),
    "nearest_km": ("fte", "Dichtstbijzijnde praktijk (km)", "Nearest practice (km)",
                   "Hemelsbreed tot het dichtstbijzijnde PC4-punt met een praktijk",
                   "Straight line to the nearest PC4 point with a practice"),
    "far": ("text", "Ver", "Far", "Dichtstbijzijnde praktijk verder dan de drempel",
            "Nearest practice beyond the threshold"),
    # the trainer forecast (regio trainers)
    "intake": ("count", "Instroom", "Intake", "Aios die in het jaar beginnen", "Trainees starting in the year"),
    "in_training": ("fte", "In opleiding", "In training", "Aios in opleiding (na uitval)",
                    "Trainees in training (after dropout)"),
    "in_practice": ("fte", "In de praktijk", "In a practice", "Aios in een praktijkjaar (1 en 3)",
                    "Trainees in a practice year (1 and 3)"),
    "required": ("count", "Opleiders nodig", "Trainers required", "Aios in de praktijk / aios per opleider",
                 "Trainees in a practice / trainees per trainer"),
    "available_without_recruitment": ("count", "Beschikbaar zonder werving", "Available without recruitment",
                                      "Opleiders van het basisjaar die er nog zijn", "Base-year trainers still there"),
    "recruits": ("count", "Geworven", "Recruits", "Nieuwe opleiders in het jaar", "New trainers in the year"),
    "recruited": ("count", "Geworven, nog actief", "Recruited, still active", "Geworven opleiders die er nog zijn",
                  "Recruited trainers still there"),
    "available": ("count", "Beschikbaar", "Available", "Opleiders beschikbaar", "Trainers available"),
    "gap_without_recruitment": ("target", "Tekort zonder werving", "Gap without recruitment",
                                "Nodig min beschikbaar zonder werving", "Required minus available without recruitment"),
    "target_share_trainers": ("target", "Doel 25%", "Target 25%", "Opleiders bij het aandeel van de huisartsen",
                              "Trainers at the share of GPs"),
    "gap_to_share": ("target", "Tekort tot 25%", "Gap to 25%", "Doel min beschikbaar", "Target minus available"),
    "base_trainers": ("count", "Opleiders basisjaar", "Trainers base year", "Opleiders in het basisjaar",
                      "Trainers in the base year"),
    "required_base": ("count", "Nodig basisjaar", "Required base year", "Opleiders nodig in het basisjaar",
                      "Trainers required in the base year"),
    "required_target": ("count", "Nodig doeljaar", "Required target year", "Opleiders nodig in het doeljaar",
                        "Trainers required in the target year"),
    "leaving_by_target": ("count", "Vertrokken tot doeljaar", "Left by target year",
                          "Opleiders van het basisjaar die voor het doeljaar vertrekken",
                          "Base-year trainers who leave before the target year"),
    "gap_target": ("target", "Tekort doeljaar", "Gap target year",
                   "Nodig min beschikbaar zonder werving in het doeljaar (NL: saldo)",
                   "Required minus available without recruitment in the target year (NL: net)"),
    "shortfall_target": ("target", "Tekort doeljaar (som)", "Shortfall target year (sum)",
                         "Het tekort waar het positief is; NL: som van de tekorten per instituut",
                         "The gap where positive; NL: sum of the institutes' shortfalls"),
    "recruit_per_year": ("target", "Werven per jaar", "Recruit a year", "Werving per jaar tot het doeljaar",
                         "Recruitment a year up to the target year"),
    "recruited_by_target": ("count", "Geworven tot doeljaar", "Recruited by target year",
                            "Geworven en nog actief in het doeljaar", "Recruited and still active in the target year"),
    "recruits_to_horizon": ("count", "Geworven tot horizon", "Recruits to horizon", "Alle werving tot de horizon",
                            "All recruitment up to the horizon"),
    "recruiting": ("text", "Werft", "Recruiting", "Instituut of 'gezamenlijk'", "Institute or 'joint'"),
    "trainers_per_practice": ("decimal", "Opleiders per praktijk", "Trainers per practice",
                              "Opleiders / praktijken", "Trainers / practices"),
    "recruitable_practices": ("count", "Wervingspraktijken", "Recruitable practices",
                              "Praktijken zonder opleider (ten hoogste)", "Practices without a trainer (at most)"),
    "recruit_target": ("target", "Wervingsdoel", "Recruitment target",
                       "Het tekort van het instituut verdeeld over zijn gemeenten",
                       "The institute's gap split over its municipalities"),
    # population
    "population": ("count", "Inwoners", "Inhabitants", "Inwoners op 1 januari", "Inhabitants on 1 January"),
    "area_km2": ("fte", "Oppervlakte (km²)", "Area (km²)", "Landoppervlakte op gegeneraliseerde grenzen",
                 "Land area on generalised boundaries"),
    "inwoners_per_km2": ("rate", "Inwoners per km²", "Inhabitants per km²", "Bevolkingsdichtheid",
                         "Population density"),
    "inwoners_per_100km2": ("rate", "Inwoners per 100 km²", "Inhabitants per 100 km²", "Bevolkingsdichtheid × 100",
                            "Population density × 100"),
    "per_km2": ("rate", "Inwoners per km²", "Inhabitants per km²", "Bevolkingsdichtheid", "Population density"),
    # density
    "count": ("count", "Aantal artsen", "Physicians", "Aantal artsen (personen, naar woonplaats)",
              "Number of physicians (persons, by residence)"),
    "rate_per_100k": ("rate", "Per 100.000 inwoners", "Per 100,000 inhabitants", "Artsen per 100.000 inwoners",
                      "Physicians per 100,000 inhabitants"),
    "lower_per_100k": ("rate", "Ondergrens (per 100.000)", "Lower limit (per 100,000)",
                       "Ondergrens van het betrouwbaarheidsinterval", "Lower limit of the confidence interval"),
    "upper_per_100k": ("rate", "Bovengrens (per 100.000)", "Upper limit (per 100,000)",
                       "Bovengrens van het betrouwbaarheidsinterval", "Upper limit of the confidence interval"),
    "ci_method": ("text", "Intervalmethode", "Interval method", "Methode van het interval (Byar, exact)",
                  "Method of the interval (Byar, exact)"),
    "national_per_100k": ("rate", "Landelijk (per 100.000)", "National (per 100,000)",
                          "Landelijke dichtheid (of het gemiddelde van de regio's met gegevens)",
                          "National density (or the mean of the regions with data)"),
    "ratio_to_national": ("decimal", "Verhouding tot landelijk", "Ratio to national",
                          "Dichtheid gedeeld door de landelijke", "Density divided by the national one"),
    # ... when the rate compared with is no national figure (regio.report.density.export_table renames them)
    "mean_of_regions_with_data_per_100k": ("rate", "Gemiddelde regio's met gegevens (per 100.000)",
                                           "Mean of the regions with data (per 100,000)",
                                           "Dichtheid van de regio's met gegevens samen (geen landelijk cijfer)",
                                           "Density of the regions with data together (not a national figure)"),
    "ratio_to_mean_of_regions_with_data": ("decimal", "Verhouding tot het gemiddelde", "Ratio to the mean",
                                           "Dichtheid gedeeld door die van de regio's met gegevens",
                                           "Density divided by that of the regions with data"),
    "comparison": ("text", "Vergelijking (code)", "Comparison (code)",
                   "Vergelijking als code: lager (below), niet significant afwijkend (similar) of hoger (above)",
                   "Comparison as a code: below, similar (not significantly different) or above"),
    "comparison_label": ("text", "Vergelijking", "Comparison", "Vergelijking met landelijk, in woorden",
                         "Comparison with national, in words"),
    "rank": ("count", "Rang", "Rank", "Rang naar dichtheid (1 = hoogste)", "Rank by density (1 = highest)"),
    "eb_per_100k": ("rate", "Gladgestreken (per 100.000)", "Smoothed (per 100,000)",
                    "Gladgestreken met empirische Bayes (Empirical Bayes) naar het landelijke niveau (schatting)",
                    "Empirical Bayes towards the national level (estimate)"),
    "eb_spatial_per_100k": ("rate", "Gladgestreken naar buren (per 100.000)", "Smoothed to neighbours (per 100,000)",
                            "Gladgestreken met empirische Bayes (Empirical Bayes) naar de buurregio's (schatting)",
                            "Empirical Bayes towards the neighbouring regions (estimate)"),
    "norm_per_100k": ("rate", "Norm (per 100.000)", "Norm (per 100,000)", "Norm in artsen per 100.000 inwoners",
                      "Norm in physicians per 100,000 inhabitants"),
    "provision_pct": ("pct", "Voorziening (% van norm of landelijk)", "Provision (% of norm or national)",
                      "In % van de norm; zonder opgegeven norm van het landelijke niveau (een gemiddelde, geen norm)",
                      "In % of the norm; without a given norm of the national level (an average, not a norm)"),
    "band": ("text", "Voorzieningsniveau (code)", "Provision band (code)",
             "Voorzieningsniveau als code: onder (under), rond (around) of boven (over) de grenzen",
             "Provision band as a code: under, around or over the limits"),
    "band_label": ("text", "Voorzieningsniveau", "Provision band", "Voorzieningsniveau in woorden",
                   "Provision band in words"),
    "needed": ("target", "Nodig tot norm of landelijk", "Needed to the norm or national",
               "Extra artsen (of praktijken) tot de norm, zonder norm tot het landelijke niveau (naar boven afgerond)",
               "Extra physicians (or practices) to the norm, without one to the national level (rounded up)"),
    "change": ("count", "Verandering", "Change", "Verschil tussen de jaren", "Difference between the years"),
    # recruitment
    "municipalities": ("count", "Gemeenten", "Municipalities", "Aantal gemeenten in het gebied",
                       "Number of municipalities in the area"),
    "joint_municipalities": ("count", "Gemeenten in gezamenlijke zone", "Municipalities in joint zones",
                             "Gemeenten die ook bij een ander instituut horen",
                             "Municipalities shared with another institute"),
    "gps": ("count", "Huisartsen", "GPs", "Huisartsen (personen, naar woonplaats)", "GPs (persons, by residence)"),
    "gps_estimated": ("text", "Huisartsen geschat", "GPs estimated", "Of het aantal huisartsen een schatting is",
                      "Whether the number of GPs is an estimate"),
    "gps_method": ("text", "Methode huisartsen", "GP method", "Hoe het aantal huisartsen is bepaald",
                   "How the number of GPs was found"),
    "trainers": ("count", "Opleiders", "Trainers", "Huisartsopleiders (personen)", "GP trainers (persons)"),
    "trainers_estimated": ("text", "Opleiders geschat", "Trainers estimated",
                           "Of het aantal opleiders een schatting is", "Whether the number of trainers is an estimate"),
    "trainers_method": ("text", "Methode opleiders", "Trainer method", "Hoe het aantal opleiders is bepaald",
                        "How the number of trainers was found"),
    "trainer_share": ("share", "Aandeel opleiders", "Trainer share", "Opleiders als deel van de huisartsen",
                      "Trainers as a share of the GPs"),
    "trainers_per_100_gps": ("rate", "Opleiders per 100 huisartsen", "Trainers per 100 GPs",
                             "Opleiders per 100 huisartsen", "Trainers per 100 GPs"),
    "target_trainers": ("target", "Doel opleiders", "Target trainers",
                        "Opleiders bij het doel (25% van de huisartsen), naar boven afgerond op hele personen",
                        "Trainers at the target (25% of the GPs), rounded up to whole persons"),
    "gap": ("target", "Tekort opleiders", "Trainer gap",
            "Doel min huidige opleiders, naar boven afgerond op hele personen",
            "Target minus current trainers, rounded up to whole persons"),
    "trainee_capacity": ("count", "Opleidingscapaciteit", "Trainee capacity", "Aios die de opleiders kunnen begeleiden",
                         "Trainees the trainers can supervise"),
    "extra_trainers": ("target", "Extra opleiders nodig", "Extra trainers needed",
                       "Opleiders nodig voor het extra aantal aios", "Trainers needed for the extra trainees"),
    # allocation
    "key": ("count", "Verdeelsleutel", "Key", "Gewicht van de regio in de verdeling (bijv. gewogen inwoners)",
            "Weight of the region in the split (e.g. weighted inhabitants)"),
    "share": ("share", "Aandeel", "Share", "Deel van de sleutel", "Share of the key"),
    "quota": ("decimal", "Quotum", "Quota", "Exact aandeel van het totaal (niet afgerond)",
              "Exact share of the total (not rounded)"),
    "quota_bounded": ("decimal", "Quotum binnen grenzen", "Bounded quota",
                      "Quotum na de grenzen: λ × sleutel voor de vrije regio's, de grens voor de andere",
                      "Quota after the bounds: λ × key for the free regions, the bound for the others"),
    "bound": ("text", "Grens", "Bound", "Welke grens de regio kreeg (lower, upper; leeg: geen)",
              "Which bound the region got (lower, upper; empty: none)"),
    "quotient": ("decimal", "Quotiënt", "Quotient", "Sleutel gedeeld door de deler", "Key divided by the divisor"),
    "rounded": ("count", "Afgerond", "Rounded", "Quotiënt afgerond volgens de delermethode",
                "Quotient rounded by the divisor method"),
    "trainers_needed": ("fte", "Benodigde opleiders", "Trainers needed",
                        "Opleiders die het instituut voor zijn aios nodig heeft (het doel van de capaciteitsindeling)",
                        "Trainers the institute needs for its trainees (the target of the capacitated assignment)"),
    "trainers_held": ("fte", "Opleiders in het gebied", "Trainers in the area",
                      "Opleiders (of hun schatting) in de gemeenten die het instituut toegewezen kreeg",
                      "Trainers (or their estimate) in the municipalities assigned to the institute"),
    "trainer_shortfall": ("fte", "Tekort aan opleiders", "Trainer shortfall",
                          "Benodigde opleiders die het gebied niet heeft (0: gehaald)",
                          "Trainers needed that the area does not hold (0: met)"),
    "floor": ("count", "Heel deel", "Whole part", "Quotum naar beneden afgerond", "Quota rounded down"),
    "remainder": ("decimal", "Rest", "Remainder", "Quotum min ondergrens", "Quota minus floor"),
    "remainder_rank": ("count", "Rang rest", "Remainder rank", "Volgorde waarin de resterende plaatsen gaan",
                       "Order in which the remaining seats go"),
    "extra": ("count", "Extra plaats", "Extra seat", "Resterende plaats toegekend (0 of 1)",
              "Remaining seat given (0 or 1)"),
    "allocated": ("count", "Toegewezen", "Allocated", "Hele aantallen die samen het totaal geven",
                  "Whole numbers that add up to the total"),
    "per_100k": ("rate", "Per 100.000 inwoners", "Per 100,000 inhabitants", "Toegewezen per 100.000 inwoners",
                 "Allocated per 100,000 inhabitants"),
    "current": ("count", "Vergelijking", "Comparison",
                "De verdeling waarmee vergeleken wordt (in de atlas: de verdeling naar inwoners)",
                "The split compared with (in the atlas: the split by inhabitants)"),
    "difference": ("count", "Verschil", "Difference", "Toegewezen min vergelijking", "Allocated minus comparison"),
    "current_per_100k": ("rate", "Vergelijking per 100.000", "Comparison per 100,000",
                         "De vergelijkingsverdeling per 100.000 inwoners",
                         "The compared split per 100,000 inhabitants"),
    "age_0_14": ("count", "Inwoners 0-14", "Inhabitants 0-14", "Inwoners van 0 tot 15 jaar", "Inhabitants aged 0-14"),
    "age_15_24": ("count", "Inwoners 15-24", "Inhabitants 15-24", "Inwoners van 15 tot 25 jaar",
                  "Inhabitants aged 15-24"),
    "age_25_44": ("count", "Inwoners 25-44", "Inhabitants 25-44", "Inwoners van 25 tot 45 jaar",
                  "Inhabitants aged 25-44"),
    "age_45_64": ("count", "Inwoners 45-64", "Inhabitants 45-64", "Inwoners van 45 tot 65 jaar",
                  "Inhabitants aged 45-64"),
    "age_65plus": ("count", "Inwoners 65+", "Inhabitants 65+", "Inwoners van 65 jaar en ouder",
                   "Inhabitants aged 65 and over"),
    # model
    "gps_per_100k": ("rate", "Huisartsen per 100.000", "GPs per 100,000", "Huisartsen per 100.000 inwoners",
                     "GPs per 100,000 inhabitants"),
    "stock_share": ("share", "Aandeel in de voorraad", "Share of the stock", "Deel van de landelijke huisartsen",
                    "Share of the national GPs"),
    "growth_pct": ("pct", "Bevolkingsgroei (%)", "Population growth (%)", "Groei van de bevolking in procenten",
                   "Growth of the population in percent"),
    "supply_base_fte": ("fte", "Aanbod basisjaar (fte)", "Base-year supply (FTE)", "Aanbod in het basisjaar in fte",
                        "Supply in the base year in FTE"),
    "demand_eq_fte": ("fte", "Vraag evenwichtsjaar (fte)", "Demand in equilibrium year (FTE)",
                      "Vraag in het evenwichtsjaar in fte", "Demand in the equilibrium year in FTE"),
    "supply_eq_fte": ("fte", "Aanbod evenwichtsjaar (fte)", "Supply in equilibrium year (FTE)",
                      "Aanbod in het evenwichtsjaar zonder nieuwe instroom, in fte",
                      "Supply in the equilibrium year without new intake, in FTE"),
    "current_intake": ("fte", "Huidige instroom", "Current intake", "Huidige instroom naar aandeel (schatting)",
                       "Current intake by share (estimate)"),
    "demand_fte": ("fte", "Vraag (fte)", "Demand (FTE)", "Vraag in het evenwichtsjaar, in fte",
                   "Demand in the equilibrium year, in FTE"),
    "supply_fte": ("fte", "Aanbod (fte)", "Supply (FTE)",
                   "Aanbod in het evenwichtsjaar bij de huidige instroom, in fte",
                   "Supply in the equilibrium year at the current intake, in FTE"),
    "gap_fte": ("fte", "Tekort (fte)", "Gap (FTE)", "Vraag min aanbod in het evenwichtsjaar, in fte",
                "Demand minus supply in the equilibrium year, in FTE"),
    "raw_advice": ("fte", "Advies (onafgerond)", "Advice (unrounded)", "Regionaal advies voor afronding",
                   "Regional advice before rounding"),
    "demo_eq": ("share", "Demografische groei", "Demographic growth", "Demografische groei tot het evenwichtsjaar",
                "Demographic growth up to the equilibrium year"),
    "onv_vraag": ("share", "Onvervulde vraag", "Unfulfilled demand", "Onvervulde vraag in het basisjaar",
                  "Unfulfilled demand in the base year"),
    "advice": ("count", "Instroomadvies", "Intake advice", "Aios per jaar (hele aantallen)",
               "Trainees a year (whole numbers)"),
    "advice_per_100k": ("rate", "Advies per 100.000", "Advice per 100,000", "Aios per jaar per 100.000 inwoners",
                        "Trainees a year per 100,000 inhabitants"),
    "persons": ("fte", "Personen", "Persons", "Huisartsen in personen (modeluitkomst)",
                "GPs in persons (model output)"),
    "fte": ("fte", "Fte", "FTE", "Aanbod in fte", "Supply in FTE"),
    "published": ("fte", "Gepubliceerd advies", "Published advice", "Advies zoals gepubliceerd",
                  "Advice as published"),
    "published_range": ("text", "Gepubliceerde bandbreedte", "Published range", "Bandbreedte zoals gepubliceerd",
                        "Range as published"),
    "difference_pct": ("pct", "Verschil (%)", "Difference (%)", "Modeladvies t.o.v. gepubliceerd, in procenten",
                       "Model advice against published, in percent"),
    "factor": ("text", "Factor", "Factor", "Onderdeel van het advies", "Part of the advice"),
    "label_nl": ("text", "Omschrijving (nl)", "Description (nl)", "Onderdeel in het Nederlands", "Part in Dutch"),
    "label_en": ("text", "Omschrijving (en)", "Description (en)", "Onderdeel in het Engels", "Part in English"),
    "trainees": ("fte", "Aios per jaar", "Trainees a year", "Bijdrage aan het advies in aios per jaar",
                 "Contribution to the advice in trainees a year"),
    # the sensitivity of the advice (regio model --uncertainty: regio.report.model.sensitivity_table)
    "range": ("text", "Bandbreedte", "Range", "Laag en hoog van de factor, en waar ze vandaan komen",
              "Low and high of the factor, and where they come from"),
    "value_low": ("decimal", "Waarde bij laag", "Value at low", "Waarde van de parameter bij laag (alleen voor een "
                  "factor van één parameter)", "Value of the parameter at low (only for a factor of one parameter)"),
    "value_mid": ("decimal", "Waarde van de raming", "Value of the round", "Waarde van de parameter in de raming "
                  "(alleen voor een factor van één parameter)",
                  "Value of the parameter in the round (only for a factor of one parameter)"),
    "value_high": ("decimal", "Waarde bij hoog", "Value at high", "Waarde van de parameter bij hoog (alleen voor "
                   "een factor van één parameter)", "Value of the parameter at high (only for a factor of one "
                   "parameter)"),
    "advice_low": ("fte", "Advies bij laag", "Advice at low", "Instroomadvies in aios per jaar met de factor op laag",
                   "Intake advice in trainees a year with the factor at low"),
    "advice_mid": ("fte", "Advies van de raming", "Advice of the round",
                   "Instroomadvies in aios per jaar bij de waarden van de raming",
                   "Intake advice in trainees a year at the round's values"),
    "advice_high": ("fte", "Advies bij hoog", "Advice at high",
                    "Instroomadvies in aios per jaar met de factor op hoog",
                    "Intake advice in trainees a year with the factor at high"),
    "effect": ("fte", "Effect (hoog − laag)", "Effect (high − low)",
               "Verschil in advies tussen hoog en laag, in aios per jaar",
               "Difference in the advice between high and low, in trainees a year"),
    # the expansion plan (regio trainers --expand: regio.trainers.expand_run)
    "k": ("count", "Nieuwe locaties", "New locations", "Aantal nieuwe opleidingslocaties in het plan",
          "Number of new training locations in the plan"),
    "place": ("text", "Plaats", "Place", "Plaats van het ziekenhuis", "Town of the hospital"),
    "inhabitants": ("count", "Inwoners", "Inhabitants", "Inwoners van de gemeenten die bij de locatie horen",
                    "Inhabitants of the municipalities served by the location"),
    "objective_inhabitant_km": ("count", "Doelfunctie (inwoner-km)", "Objective (inhabitant-km)",
                                "Som van inwoners × hemelsbrede afstand tot de dichtstbijzijnde locatie (zo klein "
                                "mogelijk)", "Sum of inhabitants × straight-line distance to the nearest location "
                                "(as small as possible)"),
    "mean_distance_km": ("fte", "Gemiddelde afstand (km)", "Mean distance (km)",
                         "Naar inwoners gewogen gemiddelde hemelsbrede afstand tot de locatie",
                         "Inhabitant-weighted mean straight-line distance to the location"),
}

#: column code -> {code in a cell -> (Dutch, English)}: what a person reads in an Excel cell for a code.
#: CSV files keep the codes; Excel files show these words (and yes/no for true/false).
CELL_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {"region": ("regio", "region"), "total": ("totaal", "total"),
             "unplaced": ("niet in te delen", "not placed"),
             "total+unplaced": ("totaal incl. niet in te delen", "total incl. not placed"),
             "source total": ("eigen totaal van de bron", "the source's own total")},
    # the codes of the rows below a density table (regio.density.totals_rows); region codes stay as they are
    "statcode": {"TOTAAL": ("TOTAAL", "TOTAL"), "TOTAAL+": ("TOTAAL+", "TOTAL+"), "BRON": ("BRON", "SOURCE")},
    # a comparison with the national rate of GPs (regio access with own GP counts); neutral words, as the column
    # label says what it is compared with
    "gps_comparison": {"below": ("lager", "below"), "similar": ("niet significant afwijkend",
                                                                "not significantly different"),
                       "above": ("hoger", "above")},
    "counts_source": {"cbs": ("CBS", "CBS"), "nivel": ("Nivel", "Nivel"), "file": ("eigen bestand", "own file")},
    "gps_method": {"counted": ("geteld (eigen bestand)", "counted (own file)"),
                   "province_by_weights": ("SCHATTING: provincietotaal verdeeld naar aandeel praktijken",
                                           "ESTIMATE: province total split by share of practices"),
                   "province_by_population": ("SCHATTING: provincietotaal verdeeld naar aandeel inwoners",
                                              "ESTIMATE: province total split by share of inhabitants"),
                   "national_rate": ("SCHATTING: landelijke dichtheid × inwoners",
                                     "ESTIMATE: national rate × inhabitants")},
    "trainers_method": {"given": ("opgegeven (eigen bestand)", "given (own file)"),
                        "national_by_gp_share": ("SCHATTING: landelijk aantal verdeeld naar aandeel huisartsen",
                                                 "ESTIMATE: national number split by GP share"),
                        "institute_by_gp_share": ("instituutstotaal verdeeld naar aandeel huisartsen (alleen kaart)",
                                                  "institute total split by GP share (map only)")},
    "method": {"nearest": ("dichtstbijzijnde locatie", "nearest location"),
               "capacitated": ("met capaciteit", "with capacity"), "file": ("eigen bestand", "own file")},
}
#: The words for true and false in an Excel cell.
TRUTH_WORDS: dict[bool, tuple[str, str]] = {True: ("ja", "yes"), False: ("nee", "no")}


# The model's scenarios and the parts of its yearly table: composed from these words.
_SCENARIOS = {"demography": ("demografie", "demography"), "workprocess": ("werkproces", "work process"),
              "working_time": ("arbeidstijd", "working time"), "full": ("volledig", "full"),
              "full_lasting": ("volledig, blijvend", "full, lasting")}
_MEASURES = {"demand": ("fte", "Vraag", "Demand", "Vraag in fte", "Demand in FTE"),
             "gap": ("fte", "Tekort", "Gap", "Vraag min aanbod in fte", "Demand minus supply in FTE"),
             "supply_advice": ("fte", "Aanbod met advies", "Supply with advice", "Aanbod in fte met de adviesinstroom",
                               "Supply in FTE with the advised intake"),
             "advice": ("fte", "Advies", "Advice", "Instroomadvies in aios per jaar",
                        "Intake advice in trainees a year")}
_STOCKS = {"stock": ("Voorraad", "Stock"), "training_now": ("In opleiding nu", "In training now"),
           "training_before": ("Eerder in opleiding", "Trained before"), "intake": ("Instroom", "Intake"),
           "abroad": ("Uit buitenland", "From abroad"), "persons": ("Personen", "Persons"),
           "fte_factor": ("Fte per persoon", "FTE per person")}
_SEX = {"female": ("vrouwen", "women"), "male": ("mannen", "men")}
_COMPOSED = re.compile(r"^(?P<measure>demand|gap|supply_advice|advice)_(?P<scenario>" + "|".join(_SCENARIOS) + r")$"
                       r"|^(?P<stock>" + "|".join(_STOCKS) + r")_(?P<sex>female|male)$"
                       r"|^fte_(?P<fte>stock|training_now|training_before|intake|abroad)$"
                       r"|^(?P<base>count|population|rate_per_100k|rate)_(?P<suffix>\d{4}|change|growth_pct)$"
                       r"|^(?P<band>demand|fte|supply_advice)_(?P<quantile>lo95|lo80|median|hi80|hi95)$")
# The bands of the uncertainty (regio model --uncertainty: regio.model.uncertainty BAND_QUANTILES), per year.
_BANDS = {"demand": ("Vraag", "Demand"), "fte": ("Aanbod bij huidige instroom", "Supply at current intake"),
          "supply_advice": ("Aanbod met advies", "Supply with advice")}
_QUANTILES = {"lo95": ("ondergrens 95%-band", "lower limit 95% band"),
              "lo80": ("ondergrens 80%-band", "lower limit 80% band"), "median": ("mediaan", "median"),
              "hi80": ("bovengrens 80%-band", "upper limit 80% band"),
              "hi95": ("bovengrens 95%-band", "upper limit 95% band")}


def column_entry(code: object) -> tuple[str, str, str, str, str] | None:
    """Return (kind, Dutch label, English label, Dutch meaning, English meaning) of a column code, or ``None``.

    Codes of the model's scenarios (``gap_full``), its yearly parts
    (``stock_female``, ``fte_intake``) and of a trend (``count_2018``,
    ``rate_2018``, ``population_change``, ``rate_growth_pct``) are composed from their parts.

    Examples
    --------
    >>> column_entry("rate_per_100k")[:3]
    ('rate', 'Per 100.000 inwoners', 'Per 100,000 inhabitants')
    >>> column_entry("gap_full")[:3]
    ('fte', 'Tekort (volledig)', 'Gap (full)')
    >>> column_entry("count_2018")[1], column_entry("stock_female")[2], column_entry("no such column")
    ('Aantal artsen 2018', 'Stock women', None)
    """
    code = str(code)
    if code in COLUMNS:
        return COLUMNS[code]
    m = _COMPOSED.match(code)
    if m is None:
        return None
    if m["measure"]:
        kind, nl, en, mnl, men = _MEASURES[m["measure"]]
        snl, sen = _SCENARIOS[m["scenario"]]
        return kind, f"{nl} ({snl})", f"{en} ({sen})", f"{mnl}, scenario {snl}", f"{men}, scenario {sen}"
    if m["stock"]:
        nl, en = _STOCKS[m["stock"]]
        snl, sen = _SEX[m["sex"]]
        kind = "decimal" if m["stock"] == "fte_factor" else "fte"
        return kind, f"{nl} {snl}", f"{en} {sen}", f"{nl} ({snl})", f"{en} ({sen})"
    if m["fte"]:
        nl, en = _STOCKS[m["fte"]]
        return "fte", f"{nl} (fte)", f"{en} (FTE)", f"{nl} in fte", f"{en} in FTE"
    if m["band"]:
        (nl, en), (qnl, qen) = _BANDS[m["band"]], _QUANTILES[m["quantile"]]
        return ("fte", f"{nl} (fte), {qnl}", f"{en} (FTE), {qen}", f"{nl} in fte: {qnl} van de trekkingen",
                f"{en} in FTE: {qen} of the draws")
    kind, nl, en, mnl, men = COLUMNS["rate_per_100k" if m["base"] == "rate" else m["base"]]
    if m["suffix"] == "growth_pct":
        return ("pct", f"{nl}: groei (%)", f"{en}: growth (%)", f"{mnl}, groei tussen de jaren in procenten",
                f"{men}, growth between the years in per cent")
    if m["suffix"] == "change":
        return kind, f"{nl}: verandering", f"{en}: change", f"{mnl}, verschil tussen de jaren", f"{men}, difference"
    return kind, f"{nl} {m['suffix']}", f"{en} {m['suffix']}", f"{mnl} ({m['suffix']})", f"{men} ({m['suffix']})"
