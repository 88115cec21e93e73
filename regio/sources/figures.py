"""National figures and default weights that regio ships in ``geodata/``, read and checked.

* :func:`national_figures` -- advice and workforce figures to split over
  regions (``regio allocate --figure NAME``), each with its source;
* :func:`gp_contacts_by_age` -- contacts with the GP practice per patient
  by age band (Nivel Zorgregistraties eerste lijn, 2017), the default
  relative use of the need-weighted population key;
* :func:`national_age_profile` -- the national population by 5-year age band
  (1 January 2021, derived from CBS 83502NED), used to weight those rates
  within wider bands.

Each file is verified against its sha256 in ``geodata/registry.json`` by
:mod:`regio.sources.geodata`.

Examples
--------
>>> figs = national_figures()
>>> int(figs.loc["gp_trainees_2027", "value"])
1026
>>> national_figure("gp_vacancies_2025")
904
"""

from __future__ import annotations

import pandas as pd

from regio.errors import InputError
from regio.sources.geodata import read_geodata_table
from regio.text import source_text
from regio.validate import to_numeric

__all__ = ["figure_source", "gp_contacts_by_age", "national_age_profile", "national_figure", "national_figures"]


def national_figures() -> pd.DataFrame:
    """Return the national figures regio ships, indexed by ``name``.

    Returns
    -------
    pandas.DataFrame
        ``value`` (int), ``unit``, ``what``, ``label_nl`` and ``label_en``
        (short labels for titles), ``period``, ``publisher``, ``document``,
        ``source_url``, ``local_copy`` and ``note``. ``attrs["source"]``
        cites the registry entry.

    Raises
    ------
    InputError
        If the shipped file differs from its registry entry (sha256, rows)
        or a value is not a whole number.

    Examples
    --------
    >>> figs = national_figures()
    >>> int(figs.loc["gp_vacancies_2025", "value"]), figs.loc["gp_vacancies_2025", "unit"]
    (904, 'persons')
    >>> figs.loc["gp_trainees_2027", "label_en"]
    'GP trainees a year from 2027 (2025 advice)'
    """
    raw = read_geodata_table("national_figures")
    value = to_numeric(raw["value"], column="value", source="geodata/national_figures.csv", integer=True,
                       codes=raw["name"])
    out = raw.assign(value=value.astype("int64")).set_index("name")
    out.attrs["source"] = raw.attrs["source"]
    return out


def national_figure(name: str) -> int:
    """Return the value of one named national figure.

    Parameters
    ----------
    name
        A name in the index of :func:`national_figures`, e.g. ``gp_trainees_2027``.

    Returns
    -------
    int
        The figure's ``value``.

    Raises
    ------
    InputError
        For an unknown name, listing the known ones with their values.

    Examples
    --------
    >>> national_figure("gp_trainees_2027")
    1026
    >>> national_figure("gp_trainees")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown national figure 'gp_trainees'. Known figures: gp_trainees_2027 (1,026), ...
    """
    figs = national_figures()
    if name not in figs.index:
        known = ", ".join(f"{n} ({v:,})" for n, v in figs["value"].items())
        raise InputError(f"Unknown national figure {name!r}. Known figures: {known}.",
                         key="sources.figures.unknown", name=name, known=known)
    return int(figs.at[name, "value"])


def figure_source(row: pd.Series, *, lang: str = "nl") -> str:
    """Where a national figure comes from, for a reader: publisher, document and web address.

    The web address is given where the registry has one; the stored copy of a
    report (``local_copy``, a path in this project's shared documents) is never
    named, as a user of regio does not have it: the document's title is.

    Parameters
    ----------
    row
        A row of :func:`national_figures`.
    lang
        ``"nl"`` puts regio's own English phrases in the document title into
        Dutch (:func:`regio.text.source_text`); titles stay as published.

    Returns
    -------
    str
        ``publisher, document; url`` (without ``; url`` if there is none).

    Examples
    --------
    >>> figs = national_figures()
    >>> print(figure_source(figs.loc["gp_trainees_2024"]))
    Capaciteitsorgaan, Capaciteitsplan 2024-2027 Deelrapport 2 Huisartsgeneeskunde (vastgesteld 7 december 2022,
    gepubliceerd januari 2023); https://capaciteitsorgaan.nl/capaciteitsplan-2024-2027-deelrapport-2-huisartsgeneeskunde/
    >>> figure_source(figs.loc["gp_vacancies_2025"], lang="en")
    "Capaciteitsorgaan, Capaciteitsplan Huisartsgeneeskunde, raming 2025, Kernrapport (section 'Tekort aan huisartsen')"
    """
    text = source_text(f"{row['publisher']}, {row['document']}", lang)
    url = row.get("source_url")
    return f"{text}; {url}" if isinstance(url, str) and url.strip() else text


def _bands(raw: pd.DataFrame, value: str, source: str, *, integer: bool) -> pd.DataFrame:
    codes = raw["age_from"].astype(str)
    out = pd.DataFrame({
        "age_from": to_numeric(raw["age_from"], column="age_from", source=source, integer=True, codes=codes),
        "age_to": to_numeric(raw["age_to"], column="age_to", source=source, integer=True, allow_missing=True,
                             codes=codes),
        value: to_numeric(raw[value], column=value, source=source, integer=integer, codes=codes),
    })
    out["age_from"] = out["age_from"].astype("int64")
    out.attrs["source"] = raw.attrs["source"]
    return out


def gp_contacts_by_age() -> pd.DataFrame:
    """Return contacts with the GP practice per registered patient by age band (2017).

    Source: Nivel Zorgregistraties eerste lijn, via Staat van Volksgezondheid
    en Zorg (kerncijfer "Huisartscontact: aantal contacten per persoon").

    Returns
    -------
    pandas.DataFrame
        ``age_from``, ``age_to`` (NaN for the open top band) and
        ``contacts_per_patient``.

    Examples
    --------
    >>> gp_contacts_by_age()["contacts_per_patient"].tolist()
    [3.5, 2.3, 3.6, 4.4, 6.0, 8.9, 13.3]
    """
    return _bands(read_geodata_table("gp_contacts_by_age"), "contacts_per_patient",
                  "geodata/gp_contacts_by_age.csv", integer=False)


def national_age_profile() -> pd.DataFrame:
    """Return the national population by 5-year age band on 1 January 2021 (derived from CBS 83502NED).

    Returns
    -------
    pandas.DataFrame
        ``age_from``, ``age_to`` (NaN for 95+) and ``population``.

    Examples
    --------
    >>> int(national_age_profile()["population"].sum())
    17472870
    """
    return _bands(read_geodata_table("age_profile_nl_2021"), "population",
                  "geodata/age_profile_nl_2021.csv", integer=True)
