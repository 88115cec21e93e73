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

__all__ = ["BAND_CODES", "COMPARISON_CODES", "LABELS", "LANGUAGES", "REFERENCES", "UnknownLabelError",
           "band_label", "band_labels", "band_words", "comparison_label", "comparison_labels", "comparison_words",
           "key_label", "label", "reference_name"]

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
    # what a comparison is with
    "reference.national": {"nl": "landelijk", "en": "national"},
    "reference.regions": {"nl": "het gemiddelde van de regio's met gegevens",
                          "en": "the mean of the regions with data"},
}


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


def band_words(codes: pd.Series, *, norm_is_average: bool = False, lang: str = "nl") -> pd.Series:
    """Put a ``band`` column of codes in words (:func:`band_label`), a categorical as :func:`comparison_words`.

    Examples
    --------
    >>> band_words(pd.Series(["under", "over"]), norm_is_average=True).tolist()
    ['ruim onder landelijk', 'ruim boven landelijk']
    """
    return _as_words(codes, band_labels(norm_is_average=norm_is_average, lang=lang))
