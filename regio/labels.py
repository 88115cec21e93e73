"""The one nl/en label catalogue: words for the codes the analysis returns.

The analysis (:mod:`regio.density`, ...) returns numbers and codes that are
the same in every language; the code that writes for people (maps, printed
tables, table files, the atlas) looks the words up here at output time
(:func:`comparison_words`, :func:`band_words` for a column of codes). The
catalogue also holds the caveats (``caveat``: residence is not workplace and
density is not shortage; ``caveat.working`` for Nivel's working GPs, which are
not by residence; ``caveat.residence``; ``caveat.gps_by_residence``), what the
physician counts are (``counts.cbs``, ``counts.nivel``: "werkzame huisartsen
(Nivel)", ``counts.file``) and the names of the allocation keys
(:func:`key_label`), each written once.

Codes
-----
Comparison of a region's rate with a reference (``comparison`` column of
:func:`regio.density.density_table`), :data:`COMPARISON_CODES`:

* ``below`` -- the whole confidence interval lies below the reference;
* ``similar`` -- the interval contains the reference (not significantly different);
* ``above`` -- the whole interval lies above the reference.

The reference is ``national`` (the country) or ``regions`` (the mean of the
regions with data, when that is no national figure); the words differ
("lager dan landelijk" / "lager dan het gemiddelde"), the codes do not.

Provision band (``band`` column of :func:`regio.density.provision`),
:data:`BAND_CODES`:

* ``under`` -- below the lower limit (% of the norm);
* ``around`` -- between the limits (both included);
* ``over`` -- above the upper limit.

With a norm the words are those of a norm ("ondervoorzien"); when the "norm"
is the national average itself the words only say below/around/above the
average ("ruim onder landelijk"): an average is no norm.

Examples
--------
>>> label("caveat", "en")
'Residence is not workplace, and density is not shortage: shortage is supply relative to demand.'
>>> label("caveat.residence", "nl")
'Woonplaats is niet werkplaats.'
>>> comparison_label("below", "national", "nl"), comparison_label("below", "regions", "nl")
('lager dan landelijk', 'lager dan het gemiddelde')
>>> band_label("under", lang="en"), band_label("under", norm_is_average=True, lang="en")
('under-supplied', 'well below national')
>>> label("comparison.national.middle", "nl")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
regio.labels.UnknownLabelError: No label comparison.national.middle; known keys start with: ...
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from regio._columns import column_entry
from regio._messages import MESSAGES

__all__ = [
    "BAND_CODES",
    "COMPARISON_CODES",
    "LABELS",
    "LANGUAGES",
    "REFERENCES",
    "UnknownLabelError",
    "band_label",
    "band_labels",
    "band_words",
    "column_kind",
    "column_label",
    "column_meaning",
    "comparison_label",
    "comparison_labels",
    "comparison_words",
    "key_label",
    "label",
    "reference_name",
]

#: Languages of the catalogue.
LANGUAGES: tuple[str, ...] = ("nl", "en")

#: Codes of the comparison with a reference, in order (lowest first).
COMPARISON_CODES: tuple[str, str, str] = ("below", "similar", "above")
#: Codes of the provision bands, in order (lowest first).
BAND_CODES: tuple[str, str, str] = ("under", "around", "over")
#: What a comparison can be with (``attrs["reference"]`` of a density table).
REFERENCES: tuple[str, str] = ("national", "regions")


class UnknownLabelError(KeyError):
    """A label key or language that is not in the catalogue."""

    def __str__(self) -> str:  # KeyError would quote the message again
        return str(self.args[0]) if self.args else ""


# The counts of physicians are by place of residence: said once, used by both caveats below.
_RESIDENCE = {"nl": "Woonplaats is niet werkplaats", "en": "Residence is not workplace"}
# Density is not shortage: said once, with the caveat of either kind of counts.
_SHORTAGE = {"nl": "dichtheid is geen tekort: een tekort is aanbod ten opzichte van vraag",
             "en": "density is not shortage: shortage is supply relative to demand"}

#: key -> {language: words}. Keys are dotted: ``group.variant.code``.
LABELS: dict[str, dict[str, str]] = {
    # with every density map and table, the allocation's shortfall key and the atlas index
    "caveat": {lang: f"{_RESIDENCE[lang]}, {'en' if lang == 'nl' else 'and'} {_SHORTAGE[lang]}."
               for lang in ("nl", "en")},
    # ... and with Nivel's counts of working GPs, which are not by residence
    "caveat.working": {
        "nl": f"Werkzame huisartsen zijn personen, geen fte, en {_SHORTAGE['nl']}.",
        "en": f"Working GPs are persons, not FTE, and {_SHORTAGE['en']}.",
    },
    # where GP counts by residence are used but no density is shown (recruitment's estimate of GPs)
    "caveat.residence": {lang: f"{words}." for lang, words in _RESIDENCE.items()},
    # the allocation map of a key that uses GP counts (shortfall, mix)
    "caveat.gps_by_residence": {"nl": "Huisartsen naar woonplaats, niet werkplaats.",
                                "en": "GPs by place of residence, not workplace."},
    # how a province's GP count is spread over its municipalities (regio.recruitment.SPREADS): an estimate
    "spread.practices": {"nl": "verdeeld naar aandeel huisartsenpraktijken (afgeleid, ZorgkaartNederland 2026)",
                         "en": "spread by share of GP practices (derived, ZorgkaartNederland 2026)"},
    "spread.population": {"nl": "verdeeld naar inwoneraandeel", "en": "spread by population share"},
    # what the physician counts are (DensityInputs.counts_source: cbs, nivel, file)
    "counts.cbs": {"nl": "BIG-geregistreerden naar woonplaats (CBS)",
                   "en": "BIG registrations by place of residence (CBS)"},
    "counts.nivel": {"nl": "werkzame huisartsen (Nivel)", "en": "working GPs (Nivel)"},
    "counts.file": {"nl": "aantallen uit het opgegeven bestand", "en": "counts from the given file"},
    # the types of working GPs in Nivel's series (regio.data.NIVEL_COMPONENTS)
    "nivel.praktijkhouders": {"nl": "praktijkhouders", "en": "practice owners"},
    "nivel.hidha_en_vaste_waarnemers": {"nl": "hidha's en vaste waarnemers",
                                        "en": "GPs employed by a practice (hidha) and regular locums"},
    "nivel.wisselende_waarnemers": {"nl": "wisselende waarnemers", "en": "itinerant locums"},
    # the rows below a density table (regio.density.totals_rows: kind, and the code of the row)
    "totals.total": {"nl": "Totaal regio's", "en": "Total of regions"},
    "totals.unplaced": {"nl": "Niet in te delen", "en": "Not placed"},
    "totals.total+unplaced": {"nl": "Totaal incl. niet in te delen", "en": "Total incl. not placed"},
    "totals.source total": {"nl": "{code} {name} (eigen totaal van de bron)",
                            "en": "{code} {name} (total of the source)"},
    # (their codes as a person reads them, TOTAL in English: regio._columns.CELL_WORDS["statcode"])
    # the sheets of the Excel files (regio.report.export.write_table, regio.report.excel.workbook)
    "sheet.table": {"nl": "tabel", "en": "table"},
    "sheet.notes": {"nl": "toelichting", "en": "notes"},
    "sheet.columns": {"nl": "kolommen", "en": "columns"},
    "sheet.allocation": {"nl": "verdeling", "en": "allocation"},
    "sheet.forecast": {"nl": "prognose", "en": "forecast"},
    "sheet.summary": {"nl": "samenvatting", "en": "summary"},
    "sheet.where_to_recruit": {"nl": "waar werven", "en": "where to recruit"},
    "sheet.expansion": {"nl": "uitbreiding", "en": "expansion"},
    "sheet.areas": {"nl": "gebieden", "en": "areas"},
    "sheet.municipalities": {"nl": "gemeenten", "en": "municipalities"},
    # ... the headings of the notes and columns sheets, and the note on rounding
    "excel.notes": {"nl": "Toelichting", "en": "Notes"},
    "excel.column": {"nl": "Kolom", "en": "Column"},
    "excel.meaning": {"nl": "Betekenis", "en": "Meaning"},
    "excel.rounded_up": {"nl": "Doelen en tekorten ({names}) zijn naar boven afgerond op hele aantallen; het "
                               "CSV-bestand houdt de onafgeronde waarden.",
                         "en": "Targets and gaps ({names}) are rounded up to whole numbers; the CSV file keeps the "
                               "unrounded values."},
    # ... and the line under a terminal table that rounds them up (regio.cli._common.print_table)
    "table.rounded_up": {"nl": "({names}: naar boven afgerond op hele aantallen)",
                         "en": "({names}: rounded up to whole numbers)"},
    # comparison with the national rate
    "comparison.national.below": {"nl": "lager dan landelijk", "en": "below national"},
    "comparison.national.similar": {"nl": "niet significant afwijkend", "en": "not significantly different"},
    "comparison.national.above": {"nl": "hoger dan landelijk", "en": "above national"},
    # comparison with the mean of the regions with data (one sector, or regions without a count)
    "comparison.regions.below": {"nl": "lager dan het gemiddelde", "en": "below the mean"},
    "comparison.regions.similar": {"nl": "niet significant afwijkend", "en": "not significantly different"},
    "comparison.regions.above": {"nl": "hoger dan het gemiddelde", "en": "above the mean"},
    # provision against a norm
    "band.norm.under": {"nl": "ondervoorzien", "en": "under-supplied"},
    "band.norm.around": {"nl": "rond de norm", "en": "around the norm"},
    "band.norm.over": {"nl": "ruim voorzien", "en": "well supplied"},
    # the "norm" is the national average: no norm, so no under-supply either
    "band.average.under": {"nl": "ruim onder landelijk", "en": "well below national"},
    "band.average.around": {"nl": "rond landelijk", "en": "around national"},
    "band.average.over": {"nl": "ruim boven landelijk", "en": "well above national"},
    # what the colours of a map say (the legend notes of regio.maps)
    "map.rate_colours": {"nl": "rood: lager dan {what} ({rate}), blauw: hoger",
                         "en": "red: below {what} ({rate}), blue: above"},
    "map.comparison_colours": {"nl": "rood: lager, blauw: hoger", "en": "red: below, blue: above"},
    "map.advice_colours": {"nl": "donkerder: meer aios nodig per 100.000 inwoners",
                           "en": "darker: more trainees needed per 100,000 inhabitants"},
    "map.advice_number_colours": {"nl": "donkerder: meer aios nodig", "en": "darker: more trainees needed"},
    "map.quantiles": {"nl": "kwantielen", "en": "quantiles"},
    "map.names_and_numbers": {"nl": "op de kaart: naam en toegewezen aantal",
                              "en": "on the map: name and allocated number"},
    "map.rounding_runs": {"nl": "wat alleen door afronding op hele aantallen verschilt in één klasse",
                          "en": "what differs only by rounding to whole numbers in one class"},
    # allocation keys (regio allocate --key), as the notes name them
    "key.population": {"nl": "inwoners", "en": "inhabitants"},
    "key.need": {"nl": "zorgbehoefte (inwoners gewogen naar huisartscontacten per leeftijd)",
                 "en": "need (inhabitants weighted by GP contacts per age)"},
    "key.shortfall": {"nl": "tekort aan huisartsen t.o.v. de norm", "en": "shortfall of GPs against the norm"},
    "key.mix": {"nl": "mix van sleutels", "en": "mix of keys"},
    # ... and, shorter, as map titles name them (where there is a shorter name)
    "key.short.need": {"nl": "zorgbehoefte (leeftijd)", "en": "need (age)"},
    "key.short.shortfall": {"nl": "tekort t.o.v. norm", "en": "shortfall against the norm"},
    # the trainer forecast (regio.trainers): the lines of its chart, and the caveat of estimated trainers
    "trainers.required": {"nl": "opleiders nodig", "en": "trainers required"},
    "trainers.available_without_recruitment": {"nl": "beschikbaar zonder werving",
                                               "en": "available without recruitment"},
    "trainers.available": {"nl": "beschikbaar met werving", "en": "available with recruitment"},
    "trainers.target_share_trainers": {"nl": "doel: aandeel huisartsen", "en": "target: share of GPs"},
    "trainers.estimate": {"nl": "opleiders zijn een SCHATTING (landelijk aantal naar aandeel huisartsen)",
                          "en": "trainers are an ESTIMATE (national number by GP share)"},
    # what a comparison is with
    "reference.national": {"nl": "landelijk", "en": "national"},
    "reference.regions": {"nl": "het gemiddelde van de regio's met gegevens",
                          "en": "the mean of the regions with data"},
    # messages of errors (RegioError.key; the English text is the message the error is raised with)
    "error.no_data_dir.default": {
        "nl": "Geen regio-gegevensmap op {path} (de gebruikerscachemap: --data-dir noch REGIO_DATA_DIR is gezet). "
              "Gegevens krijgen: draai online `regio data fetch --year 2024` (downloadt van CBS StatLine en PDOK "
              "naar {path}), of wijs met de omgevingsvariabele REGIO_DATA_DIR (of `regio --data-dir MAP`) een map "
              "aan die is ingedeeld als shared/data ({layout}).",
        "en": "No regio data directory at {path} (the user cache directory: neither --data-dir nor REGIO_DATA_DIR is "
              "set). Run `regio data fetch --year 2024` when online, or point REGIO_DATA_DIR (or `regio --data-dir "
              "DIR`) at a folder laid out like shared/data ({layout})."},
    "error.no_data_dir.given": {
        "nl": "Geen regio-gegevensmap op {path} ({origin}). Geef een bestaande map die is ingedeeld als shared/data "
              "({layout}), of draai online `regio data fetch --year 2024` om de gegevens naar {path} te downloaden.",
        "en": "No regio data directory at {path} ({origin}). Give an existing folder laid out like shared/data "
              "({layout}), or run `regio data fetch --year 2024` when online to download the data into {path}."},
    "error.missing_file": {
        "nl": "Bestand ontbreekt: {path}. Draai online `regio data fetch --year 2024`, of wijs REGIO_DATA_DIR (of "
              "`regio --data-dir MAP`) een volledige gegevensmap aan, ingedeeld als shared/data.",
        "en": "Missing file {path}. Run `regio data fetch --year 2024` when online, or point REGIO_DATA_DIR (or "
              "`regio --data-dir DIR`) at a full data directory laid out like shared/data."},
    "error.unknown_level": {"nl": "Onbekend regioniveau {name!r}. Bekende niveaus: {known}.",
                            "en": "Unknown region level {name!r}. Known levels: {known}."},
    "error.unknown_year": {"nl": "Geen gegevens ({what}) voor {year}; beschikbare jaren: {known}.",
                           "en": "No {what} for {year}; years: {known}."},
    "error.no_population_year": {
        "nl": "Geen gemeentelijke bevolking voor {year}. Beschikbare jaren: {known}. Gebruik --interpolate om "
              "lineair te interpoleren tussen de dichtstbijzijnde jaren (op één gemeentelijke indeling).",
        "en": "No municipal population for {year}. Years available: {known}. Use --interpolate."},
    "error.no_level_population_year": {
        "nl": "Geen bevolking voor {level} {year}. Gemeentelijke jaren (op te tellen tot elk niveau): "
              "{known}. Gebruik --interpolate om lineair te interpoleren tussen de dichtstbijzijnde "
              "gemeentelijke jaren (op één gemeentelijke indeling).",
        "en": "No population for {level} {year}. Municipal years: {known}. Use --interpolate."},
    "error.no_boundaries_year": {"nl": "Geen grenzen voor {level} {year}. Beschikbare jaren voor {level}: {known}.",
                                 "en": "No boundaries for {level} {year}. Years available for {level}: {known}."},
    "error.no_counts_year": {"nl": "Geen aantallen voor {year}; beschikbare jaren: {known}.",
                             "en": "No counts for {year}; years available: {known}."},
    "error.cannot_read": {"nl": "Kan {path} niet lezen: {reason}. Geef regio een bestand dat het mag lezen.",
                          "en": "Cannot read {path}: {reason}. Give regio a file it may read."},
    "error.file_not_found": {"nl": "Bestand niet gevonden: {path}", "en": "File not found: {path}"},
    "error.empty_file": {"nl": "{path} is leeg: er is geen kopregel (de kolomnamen) en geen rij.",
                         "en": "{path} is empty: it has no header line (the column names) and no rows."},
    "error.csv_dialect": {"nl": "Onbekend CSV-dialect {name!r}; kies uit {choices}.",
                          "en": "Unknown CSV dialect {name!r}; choose one of {choices}."},
    "error.atlas_no_data": {
        "nl": "Geen atlas: er zijn geen gegevens in de gegevensmap {path} ({origin}). Wijs met de omgevingsvariabele "
              "REGIO_DATA_DIR (of `regio --data-dir MAP`) een map aan die is ingedeeld als shared/data, of draai "
              "online `regio data fetch --year 2024`.",
        "en": "No atlas: there is no data in the data directory {path} ({origin}). Point the environment variable "
              "REGIO_DATA_DIR (or `regio --data-dir DIR`) at a folder laid out like shared/data, or run `regio data "
              "fetch --year 2024` when online."},
    "origin.--data-dir": {"nl": "gegeven met --data-dir", "en": "given with --data-dir"},
    "origin.REGIO_DATA_DIR": {"nl": "uit REGIO_DATA_DIR", "en": "from REGIO_DATA_DIR"},
    "origin.data_dir": {"nl": "gegeven als data_dir", "en": "given as data_dir"},
    "origin.default": {"nl": "de gebruikerscachemap: --data-dir noch REGIO_DATA_DIR is gezet",
                       "en": "the user cache directory: neither --data-dir nor REGIO_DATA_DIR is set"},
    # spatial access to GP practices (regio access, the atlas's first section)
    "access.title": {"nl": "Waar is de huisartsenzorg het krapst?", "en": "Where is GP care scarcest?"},
    "access.caveat": {
        "nl": "Praktijken, geen huisartsen of fte (afgeleide telling van een vermelding, geen register); "
              "hemelsbrede afstand tussen PC4-punten; een schatting van bereikbaarheid, geen gemeten tekort.",
        "en": "Practices, not GPs or FTE (a derived count of a listing, not a register); straight-line "
              "distance between PC4 points; an estimate of access, not a measured shortage."},
    "access.layer.band": {"nl": "Voorziening naar zorgbehoefte", "en": "Provision for need"},
    "access.layer.access": {"nl": "Bereikbare praktijken per 10.000 (2SFCA)",
                            "en": "Practices within reach per 10,000 (2SFCA)"},
    "access.layer.distance": {"nl": "Afstand tot huisartsenpraktijk (CBS, km)",
                              "en": "Distance to a GP practice (CBS, km)"},
    "access.layer.practices": {"nl": "Praktijken per 10.000 inwoners", "en": "Practices per 10,000 inhabitants"},
    "access.layer.old": {"nl": "Aandeel 65-plussers", "en": "Share aged 65 and over"},
    "access.col.statnaam": {"nl": "Regio", "en": "Region"},
    "access.col.population": {"nl": "Inwoners", "en": "Inhabitants"},
    "access.col.practices": {"nl": "Praktijken", "en": "Practices"},
    "access.col.practices_per_10k": {"nl": "Praktijken per 10.000", "en": "Practices per 10,000"},
    "access.col.access_per_10k": {"nl": "Bereikbaar per 10.000 (2SFCA)", "en": "Within reach per 10,000 (2SFCA)"},
    "access.col.provision_pct": {"nl": "Voorziening (% van landelijk, naar behoefte)",
                                 "en": "Provision (% of national, for need)"},
    "access.col.provision_pct_norm": {"nl": "Voorzieningsgraad (% van de norm)", "en": "Provision (% of the norm)"},
    "access.col.band": {"nl": "Klasse", "en": "Band"},
    "access.col.needed": {"nl": "Praktijken nodig tot landelijk niveau", "en": "Practices needed to reach national"},
    "access.col.needed_norm": {"nl": "Praktijken nodig tot de norm", "en": "Practices needed to reach the norm"},
    "access.col.huisartsenpraktijk_afstand_km": {"nl": "Afstand tot praktijk (CBS, km)",
                                                 "en": "Distance to a practice (CBS, km)"},
    "access.col.share_far": {"nl": "Inwoners verder dan {km} km (PC4)", "en": "Inhabitants farther than {km} km (PC4)"},
    "access.col.age_65plus_share": {"nl": "65-plussers", "en": "Aged 65+"},
    "access.col.huisartsenpost_afstand_km": {"nl": "Afstand tot huisartsenpost (CBS, km)",
                                             "en": "Distance to a GP out-of-hours post (CBS, km)"},
    "access.institutes": {"nl": "huisartsopleiding (locatie bij benadering)",
                          "en": "GP training institute (approximate location)"},
    "access.derived": {"nl": "afgeleid", "en": "derived"},
    # the regions of a level, counted in the headline ("65 van de 342 gemeenten")
    "access.regions.gemeente": {"nl": "gemeenten", "en": "municipalities"},
    "access.regions.pc4": {"nl": "PC4-gebieden", "en": "PC4 areas"},
    "access.regions.provincie": {"nl": "provincies", "en": "provinces"},
    "access.regions.ggdregio": {"nl": "GGD-regio's", "en": "GGD regions"},
    "access.regions.other": {"nl": "regio's ({level})", "en": "regions ({level})"},
    # short column heads for the terminal (fit 100 columns)
    "access.note.average": {"nl": "landelijk {norm} per 10.000 (leeftijdgewogen; een gemiddelde, geen norm)",
                            "en": "national {norm} per 10,000 (age-weighted; an average, not a norm)"},
    "access.note.norm": {"nl": "norm {norm} per 10.000 (leeftijdgewogen)",
                         "en": "norm {norm} per 10,000 (age-weighted)"},
    "access.note.quantiles": {"nl": "kwantielen", "en": "quantiles"},
    "access.decay.gaussian": {"nl": "Gaussisch", "en": "Gaussian"},
    "access.decay.none": {"nl": "geen", "en": "none"},
    "access.note.catchment": {"nl": "binnen {km} km hemelsbreed, afstandsverval {decay}; kwantielen",
                              "en": "within {km} km straight line, distance decay {decay}; quantiles"},
    "access.note.cbs_distance": {"nl": "gemiddelde afstand over de weg per inwoner, CBS {year}; kwantielen",
                                 "en": "mean road distance per inhabitant, CBS {year}; quantiles"},
    "access.source": {"nl": "Bron", "en": "Source"},
    # the notes beside the access tables (regio.report.access.access_notes)
    "access.note.method": {
        "nl": "Methode: tweestaps-zoekgebiedmethode (2SFCA) op PC4-punten (representatief punt van elk PC4-gebied, "
              "EPSG:28992), hemelsbreed binnen {km} km, afstandsverval {decay}; aanbod: {supply}; vraag: {demand}.",
        "en": "Method: two-step floating catchment (2SFCA) at PC4 points (the representative point of each PC4 area, "
              "EPSG:28992), straight line within {km} km, distance decay {decay}; supply: {supply}; demand: {demand}."},
    "access.note.sources": {"nl": "Bronnen: {sources}", "en": "Sources: {sources}"},
    # ... what each source of the access figures is for (the keys of AccessFacts.sources)
    "access.source_of.points": {"nl": "punten", "en": "points"},
    "access.source_of.population": {"nl": "inwoners", "en": "population"},
    "access.source_of.practices": {"nl": "praktijken", "en": "practices"},
    "access.source_of.municipality": {"nl": "gemeente", "en": "municipality"},
    "access.source_of.population_year": {"nl": "inwoners per gemeente", "en": "municipal population"},
    "access.source_of.proximity": {"nl": "nabijheid", "en": "proximity"},
    "access.source_of.gps": {"nl": "huisartsen", "en": "GPs"},
    "access.source.practices": {"nl": "huisartsenpraktijken ZorgkaartNederland 11-3-2026 ({derived})",
                                "en": "GP practices ZorgkaartNederland 2026-03-11 ({derived})"},
    "access.source.population": {"nl": "inwoners per PC4 CBS 83502NED 1-1-2021",
                                 "en": "inhabitants per PC4 CBS 83502NED 1 Jan 2021"},
    "access.source.proximity": {"nl": "nabijheid CBS kerncijfers wijken en buurten {year}",
                                "en": "proximity CBS kerncijfers wijken en buurten {year}"},
    # the uncertain factors of the GP model (regio.model.uncertainty.ASSUMED) ...
    "uncertainty.factor.onv_vraag": {"nl": "onvervulde vraag", "en": "unfulfilled demand"},
    "uncertainty.factor.demografie": {"nl": "demografie (groei van de vraag)", "en": "demography (growth of demand)"},
    "uncertainty.factor.epi": {"nl": "epidemiologie", "en": "epidemiology"},
    "uncertainty.factor.soc": {"nl": "sociaal-cultureel", "en": "socio-cultural"},
    "uncertainty.factor.vak": {"nl": "vakinhoudelijk", "en": "professional developments"},
    "uncertainty.factor.eff": {"nl": "efficiëntie", "en": "efficiency"},
    "uncertainty.factor.hor": {"nl": "horizontale substitutie", "en": "horizontal substitution"},
    "uncertainty.factor.tijd": {"nl": "arbeidstijdverandering", "en": "change in working time"},
    "uncertainty.factor.ver": {"nl": "verticale substitutie", "en": "vertical substitution"},
    "uncertainty.factor.fte_toekomst": {"nl": "fte per huisarts in de komende jaren",
                                        "en": "FTE per GP in the coming years"},
    "uncertainty.factor.uitstroom": {"nl": "uitstroom huidige huisartsen", "en": "outflow of current GPs"},
    "uncertainty.factor.intern_rendement": {"nl": "intern rendement (deel dat de opleiding afmaakt)",
                                            "en": "intern rendement (share finishing training)"},
    "uncertainty.factor.extern_rendement": {"nl": "extern rendement (deel dat als huisarts blijft werken)",
                                            "en": "extern rendement (share still working as GP)"},
    "uncertainty.factor.buitenland": {"nl": "instroom uit het buitenland", "en": "inflow from abroad"},
    "uncertainty.factor.aanbod": {"nl": "huidig aantal huisartsen", "en": "current number of GPs"},
    # the parts of the GP model's advice (regio.model.core.FACTORS) and of its supply (regio.model.core.COMPONENTS);
    # the Capaciteitsorgaan's bijsturingsjaar is the "adjustment year" in English
    "model.factor.uitstroom": {"nl": "uitstroom huidige huisartsen", "en": "outflow of current GPs"},
    "model.factor.fte_huidig": {"nl": "verandering fte per huisarts (huidige groep)",
                                "en": "change in FTE per GP (current GPs)"},
    "model.factor.onv_vraag": {"nl": "onvervulde vraag", "en": "unfulfilled demand"},
    "model.factor.demografie": {"nl": "demografie", "en": "demography"},
    "model.factor.epi": {"nl": "epidemiologie", "en": "epidemiology"},
    "model.factor.soc": {"nl": "sociaal-cultureel", "en": "socio-cultural"},
    "model.factor.vak": {"nl": "vakinhoudelijk", "en": "professional developments"},
    "model.factor.eff": {"nl": "efficiëntie", "en": "efficiency"},
    "model.factor.hor": {"nl": "horizontale substitutie", "en": "horizontal substitution"},
    "model.factor.tijd": {"nl": "arbeidstijdverandering", "en": "change in working time"},
    "model.factor.ver": {"nl": "verticale substitutie", "en": "vertical substitution"},
    "model.factor.nu_in_opleiding": {"nl": "nu in opleiding", "en": "now in training"},
    "model.factor.instroom_voor_bijsturing": {"nl": "instroom tot bijsturingsjaar",
                                              "en": "intake before the adjustment year"},
    "model.factor.buitenland": {"nl": "instroom uit buitenland", "en": "inflow from abroad"},
    "model.factor.huidige_instroom": {"nl": "huidige instroom vanaf bijsturingsjaar",
                                      "en": "current intake from the adjustment year"},
    "model.component.stock": {"nl": "huidige huisartsen", "en": "current GPs"},
    "model.component.training_now": {"nl": "nu in opleiding", "en": "now in training"},
    "model.component.training_before": {"nl": "instroom tot bijsturingsjaar",
                                        "en": "intake before the adjustment year"},
    "model.component.intake": {"nl": "instroom vanaf bijsturingsjaar", "en": "intake from the adjustment year"},
    "model.component.abroad": {"nl": "buitenland", "en": "from abroad"},
    "model.decomposition_note": {
        "nl": "fte: deel van het tekort in het evenwichtsjaar; trainees: aios per jaar van het advies (fte / fte per "
              "aios van de instroom vanaf het bijsturingsjaar); samen advies − huidige instroom",
        "en": "fte: part of the gap in the equilibrium year; trainees: trainees a year of the advice (fte / fte per "
              "trainee of the intake from the adjustment year); together advice − current intake"},
    "model.decomposition_part": {"nl": "onderdeel", "en": "part"},
    "model.source": {"nl": "{file}, raming {round}, variant {variant}",
                     "en": "{file}, round {round}, variant {variant} ({variant_en})"},
    # the published figures of round 2025 beside the model's (regio.model.published.reproduction_2025)
    "model.figure": {"nl": "cijfer", "en": "figure"},
    "model.figure.model": {"nl": "model", "en": "model"},
    "model.figure.published": {"nl": "gepubliceerd", "en": "published"},
    "model.figure.supply_base": {"nl": "aanbod {year} (fte)", "en": "supply {year} (FTE)"},
    "model.figure.demand_demography": {"nl": "vraag {year}, alleen demografie (fte)",
                                       "en": "demand {year}, demography only (FTE)"},
    "model.figure.demand_full": {"nl": "vraag {year}, volledig scenario (fte)",
                                 "en": "demand {year}, full scenario (FTE)"},
    "model.figure.supply_current_intake": {"nl": "aanbod {year} bij de huidige instroom (fte)",
                                           "en": "supply {year} at the current intake (FTE)"},
    "model.figure.intake_advice": {"nl": "instroomadvies (aios per jaar)", "en": "intake advice (trainees a year)"},
    "model.reproduction_2025": {"nl": "reproductie van de gepubliceerde raming 2025 (midden, volledig scenario):",
                                "en": "reproduction of the published 2025 round (middle, full scenario):"},
    # ... where their ranges come from (kind), with {spread} filled in
    "uncertainty.kind.variants": {"nl": "laag/hoog-variant van de raming",
                                  "en": "the round's laag/hoog (low/high) variants"},
    "uncertainty.kind.absolute": {"nl": "aanname: ±{spread} (absoluut)", "en": "assumption: ±{spread} (absolute)"},
    "uncertainty.kind.relative": {"nl": "aanname: ±{spread}% van de waarde",
                                  "en": "assumption: ±{spread}% of the value"},
    # what regio model --uncertainty prints and writes
    "uncertainty.heading": {"nl": "onzekerheid van het advies ({n} trekkingen, seed {seed}, scenario {scenario}):",
                            "en": "uncertainty of the advice ({n} draws, seed {seed}, scenario {scenario}):"},
    "uncertainty.interval": {
        "nl": "advies {median} aios per jaar (mediaan; bij de waarden van de raming {mid}); 80%-interval {lo80} - "
              "{hi80}; 95%-interval {lo95} - {hi95}",
        "en": "advice {median} trainees a year (median; at the round's values {mid}); 80% interval {lo80} - "
              "{hi80}; 95% interval {lo95} - {hi95}"},
    "uncertainty.method": {
        "nl": "elke factor onafhankelijk getrokken uit een driehoeksverdeling tussen laag en hoog, met de top bij de "
              "waarde van de raming; de bandbreedtes gemarkeerd 'aanname' zijn aannames van regio, niet van het "
              "Capaciteitsorgaan",
        "en": "each factor drawn independently from a triangular distribution between low and high, peaking at the "
              "round's value; the ranges marked 'assumption' are regio's assumptions, not the Capaciteitsorgaan's"},
    "uncertainty.bands": {"nl": "banden: 80% en 95% van de eerste {k} trekkingen, per jaar",
                          "en": "bands: 80% and 95% of the first {k} draws, per year"},
    "uncertainty.band.demand": {"nl": "vraag: 80%- en 95%-band", "en": "demand: 80% and 95% band"},
    "uncertainty.band.supply": {"nl": "aanbod bij huidige instroom: 80%- en 95%-band",
                                "en": "supply at current intake: 80% and 95% band"},
    "uncertainty.band95.demand": {"nl": "vraag: 95%-band", "en": "demand: 95% band"},
    "uncertainty.band95.fte": {"nl": "aanbod bij huidige instroom: 95%-band",
                               "en": "supply at current intake: 95% band"},
    "uncertainty.chart_title": {"nl": "Huisartsen: aanbod en vraag in fte met onzekerheid, raming {round}",
                                "en": "GPs: supply and demand in FTE with uncertainty, round {round}"},
    "uncertainty.sensitivity": {"nl": "gevoeligheid: het advies als één factor naar laag of hoog gaat, de rest "
                                      "op de waarde van de raming (grootste effect eerst):",
                                "en": "sensitivity: the advice when one factor moves to low or high, the others at "
                                      "the round's value (largest effect first):"},
    "uncertainty.tornado_title": {"nl": "Gevoeligheid van het instroomadvies, raming {round} (aios per jaar)",
                                  "en": "Sensitivity of the intake advice, round {round} (trainees a year)"},
    "uncertainty.low": {"nl": "factor laag", "en": "factor low"},
    "uncertainty.high": {"nl": "factor hoog", "en": "factor high"},
    "uncertainty.advice_axis": {"nl": "instroomadvies (aios per jaar)", "en": "intake advice (trainees a year)"},
    "uncertainty.column.factor": {"nl": "factor", "en": "factor"},
    "uncertainty.column.range": {"nl": "bandbreedte", "en": "range"},
    "uncertainty.column.advice_low": {"nl": "advies bij laag", "en": "advice at low"},
    "uncertainty.column.advice_high": {"nl": "advies bij hoog", "en": "advice at high"},
    "uncertainty.column.effect": {"nl": "effect (hoog − laag)", "en": "effect (high − low)"},
}

# The error and warning messages, kept per part of the package in regio._messages; one catalogue all the same.
_clash = sorted(set(LABELS) & set(MESSAGES))
if _clash:  # pragma: no cover - a programming error caught by the tests
    raise AssertionError(f"keys both in regio.labels and regio._messages: {', '.join(_clash)}")
LABELS.update(MESSAGES)


def label(key: str, lang: str = "nl", **fmt: object) -> str:
    """Return the words of ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``.

    Parameters
    ----------
    key
        A key of :data:`LABELS` (e.g. ``"caveat"``, ``"band.norm.under"``).
    lang
        ``"nl"`` or ``"en"``.
    fmt
        Values for placeholders in the text (none of the current labels has one).

    Returns
    -------
    str

    Raises
    ------
    UnknownLabelError
        For a key or a language that is not in the catalogue (a ``KeyError``).

    Examples
    --------
    >>> label("reference.regions", "en")
    'the mean of the regions with data'
    >>> label("caveat", "de")
    Traceback (most recent call last):
    ...
    regio.labels.UnknownLabelError: Unknown language 'de' for label caveat; choose one of nl, en.
    """
    entry = LABELS.get(key)
    if entry is None:
        groups = ", ".join(sorted({k.split(".")[0] for k in LABELS}))
        raise UnknownLabelError(f"No label {key}; known keys start with: {groups}.")
    if lang not in entry:
        raise UnknownLabelError(f"Unknown language {lang!r} for label {key}; choose one of {', '.join(LANGUAGES)}.")
    text = entry[lang]
    return text.format(**fmt) if fmt else text


def comparison_label(code: str, reference: str | None = "national", lang: str = "nl") -> str:
    """Words of a comparison code (:data:`COMPARISON_CODES`) against ``reference``.

    Parameters
    ----------
    code
        ``"below"``, ``"similar"`` or ``"above"``.
    reference
        ``"national"`` or ``"regions"`` (``attrs["reference"]`` of the
        table); anything but ``"national"`` uses the words of the mean.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> comparison_label("above", "regions", "en")
    'above the mean'
    """
    return label(f"comparison.{'national' if reference == 'national' else 'regions'}.{code}", lang)


def comparison_labels(reference: str | None = "national", lang: str = "nl") -> dict[str, str]:
    """Code -> words of all comparison codes, in order.

    Examples
    --------
    >>> comparison_labels("national", "nl")["below"]
    'lager dan landelijk'
    """
    return {code: comparison_label(code, reference, lang) for code in COMPARISON_CODES}


def band_label(code: str, *, norm_is_average: bool = False, lang: str = "nl") -> str:
    """Words of a provision band code (:data:`BAND_CODES`).

    Parameters
    ----------
    code
        ``"under"``, ``"around"`` or ``"over"``.
    norm_is_average
        Whether the "norm" is the national average (``attrs["norm_is_average"]``):
        then the words compare with the average, not with a norm.
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> band_label("around"), band_label("around", norm_is_average=True)
    ('rond de norm', 'rond landelijk')
    """
    return label(f"band.{'average' if norm_is_average else 'norm'}.{code}", lang)


def band_labels(*, norm_is_average: bool = False, lang: str = "nl") -> dict[str, str]:
    """Code -> words of all band codes, in order.

    Examples
    --------
    >>> list(band_labels(lang="en").values())
    ['under-supplied', 'around the norm', 'well supplied']
    """
    return {code: band_label(code, norm_is_average=norm_is_average, lang=lang) for code in BAND_CODES}


def reference_name(reference: str, lang: str = "nl") -> str:
    """Name what a comparison is with: ``"national"`` -> "landelijk", ``"regions"`` -> "het gemiddelde ...".

    Examples
    --------
    >>> reference_name("national", "en")
    'national'
    """
    return label(f"reference.{reference}", lang)


def key_label(key: str, lang: str = "nl", *, short: bool = False) -> str:
    """Name an allocation key (``population``, ``need``, ``shortfall``, ``mix``) in words.

    Parameters
    ----------
    key
        A key of :data:`regio.allocation.KEYS`.
    lang
        ``"nl"`` or ``"en"``.
    short
        The shorter name of a map title (the full name where there is no shorter one).

    Examples
    --------
    >>> key_label("need", "en"), key_label("need", "en", short=True), key_label("mix", short=True)
    ('need (inhabitants weighted by GP contacts per age)', 'need (age)', 'mix van sleutels')
    """
    return label(f"key.short.{key}" if short and f"key.short.{key}" in LABELS else f"key.{key}", lang)


def _as_words(codes: pd.Series, words: Mapping[str, str]) -> pd.Series:
    """``codes`` as an ordered categorical of their ``words`` (in the order of ``words``); missing stays missing."""
    values = pd.Series(codes)
    known = values.dropna().astype(str)
    unknown = sorted(set(known) - set(words))
    if unknown:
        raise UnknownLabelError(f"No words for the codes {', '.join(unknown)}; known codes: {', '.join(words)}.")
    cat = pd.Categorical(values.astype(object).where(values.notna()), categories=list(words), ordered=True)
    return pd.Series(cat.rename_categories(list(words.values())), index=values.index, name=values.name)


def comparison_words(codes: pd.Series, reference: str | None = "national", lang: str = "nl") -> pd.Series:
    """Put a ``comparison`` column of codes in words, as maps and table files show it.

    Parameters
    ----------
    codes
        Codes of :data:`COMPARISON_CODES` (a column of
        :func:`regio.density.density_table`); missing values stay missing.
    reference
        ``attrs["reference"]`` of the table (:func:`comparison_label`).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    pandas.Series
        Same index and name, an ordered categorical of the words (all
        three, lowest first, also when not every code occurs).

    Raises
    ------
    UnknownLabelError
        For a value that is not a comparison code.

    Examples
    --------
    >>> words = comparison_words(pd.Series(["above", None], index=["A", "B"]), "national", "en")
    >>> words.tolist(), list(words.cat.categories)
    (['above national', nan], ['below national', 'not significantly different', 'above national'])
    """
    return _as_words(codes, comparison_labels(reference, lang))


def band_words(codes: pd.Series, *, norm_is_average: bool = False, lang: str = "nl",
               limits: tuple[float, float] | None = None) -> pd.Series:
    """Put a ``band`` column of codes in words (:func:`band_label`), a categorical as :func:`comparison_words`.

    With ``limits`` (the bands' lower and upper limit in %) each word says its
    range, as a map legend does: ``ondervoorzien (< 75%)``.

    Examples
    --------
    >>> band_words(pd.Series(["under", "over"]), norm_is_average=True).tolist()
    ['ruim onder landelijk', 'ruim boven landelijk']
    >>> band_words(pd.Series(["around"]), limits=(75, 110)).tolist()
    ['rond de norm (75–110%)']
    """
    words = band_labels(norm_is_average=norm_is_average, lang=lang)
    if limits is not None:
        lo, hi = limits
        ranges = {"under": f"< {lo:g}%", "around": f"{lo:g}–{hi:g}%", "over": f"> {hi:g}%"}
        words = {code: f"{text} ({ranges[code]})" for code, text in words.items()}
    return _as_words(codes, words)


def column_label(code: object, lang: str = "nl") -> str:
    """Return the header a person reads for a column code (Excel files); the code itself when the catalogue has none.

    The words are in :mod:`regio._columns` (one table of code, kind, labels and meanings).

    Examples
    --------
    >>> column_label("rate_per_100k"), column_label("target_trainers", "en"), column_label("x_y")
    ('Per 100.000 inwoners', 'Target trainers', 'x_y')
    """
    entry = column_entry(code)
    return str(code) if entry is None else entry[1 if lang == "nl" else 2]


def column_meaning(code: object, lang: str = "nl") -> str:
    """Return what a column holds, in a few words (the glossary of an Excel file); ``""`` when unknown.

    Examples
    --------
    >>> column_meaning("gap", "en")
    'Target minus current trainers, rounded up to whole persons'
    """
    entry = column_entry(code)
    return "" if entry is None else entry[3 if lang == "nl" else 4]


def column_kind(code: object) -> str | None:
    """Return how a column's numbers are shown (:data:`regio._columns.COLUMN_KINDS`).

    Examples
    --------
    >>> column_kind("provision_pct"), column_kind("share"), column_kind("needed"), column_kind("no such column")
    ('pct', 'share', 'target', None)
    """
    entry = column_entry(code)
    return None if entry is None else entry[0]


def cell_words(code: object, values: pd.Series, lang: str = "nl") -> pd.Series:
    """Return a column's cells as a person reads them: the words for its codes, yes/no for true/false.

    For Excel files (CSV files keep the codes). Values without words stay as
    they are; a column whose code has no words is returned unchanged, except
    that a column of booleans reads yes/no.

    Examples
    --------
    >>> cell_words("kind", pd.Series(["region", "total", "other"]), "nl").tolist()
    ['regio', 'totaal', 'other']
    >>> cell_words("gps_estimated", pd.Series([True, False]), "en").tolist()
    ['yes', 'no']
    >>> cell_words("statnaam", pd.Series(["Fryslân"]), "en").tolist()
    ['Fryslân']
    """
    from regio._columns import CELL_WORDS, TRUTH_WORDS

    at = 0 if lang == "nl" else 1
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.map({k: v[at] for k, v in TRUTH_WORDS.items()}).astype(object)
    words = CELL_WORDS.get(str(code))
    if words is None:
        return values
    return values.map(lambda v: words[v][at] if isinstance(v, str) and v in words else v).astype(object)
