"""Gather the regional inputs of the GP model from the data directory (through :mod:`regio.data`).

The one module of :mod:`regio.model` that reads data (via the facade, which
owns the file access); everything else in the package is pure.

* GPs per region: CBS 84777NED, BIG-registered GPs by province of residence
  (2018). For other levels than the province, a province's GPs are spread
  over its municipalities in whole GPs by their share of its GP practices
  (``spread="practices"``, the default; derived counts of 2026) or of its
  inhabitants (``spread="population"``)
  (:func:`regio.recruitment.run.municipal_gps`, the same estimate as
  ``regio recruit``) and summed to the level — an estimate, said in
  ``attrs["method"]`` (``attrs["spread"]`` names the spread). Provinces keep
  their counts exactly, whatever the spread.
* Institute areas (``regio model --level instituut``) come from
  :func:`regio.recruitment.run.institute_membership`, the one definition of
  that level.
* Population: municipal counts of the two years, the older carried to the
  newer municipal division (:func:`regio.carry_to`) so both refer to the
  same areas, then summed to the level by membership.
* Age structure (``ages``, as the need key's ``--ages``): the municipal
  10-year bands of 1 January 2020 carried to the division (``"2020"``,
  :func:`regio.age_structure`), the CBS kerncijfers' five bands of the year
  (``"kerncijfers"``), or none (``"national"``: every region ages as the
  nation, the fallback); ``"auto"`` (default) takes the 2020 bands where they
  reach the year, else the kerncijfers, else the national profile. Summed to
  the level, they give each region's ageing relative to the nation
  (:func:`regio.model.ageing.ageing_factors`, ``ageing_5`` ... ``ageing_20``),
  said in ``attrs["ages"]`` (``ages_nl``) and ``attrs["age_source"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from regio import data
from regio.allocation.keys import relative_gp_use
from regio.density.run import density_inputs
from regio.errors import DataNotFoundError, InputError, UnknownYearError, format_codes, said_value
from regio.geography import aggregate
from regio.levels import MUNICIPAL_GROUPINGS, get_level
from regio.model.ageing import TOP_AGE, ageing_factors
from regio.model.parameters import joined
from regio.recruitment.run import institute_membership, institute_shapes, municipal_gps
from regio.text import source_text

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["AGE_CHOICES", "level_inputs", "load_region_shapes", "load_regional_inputs"]

#: Where the regional model's age structure comes from (``regio model --ages``), as the need key's ``--ages``.
AGE_CHOICES = ("auto", "kerncijfers", "2020", "national")


def load_regional_inputs(
    level: str = "provincie",
    *,
    year: int = 2024,
    start_year: int = 2014,
    gp_year: int = 2018,
    membership: pd.Series | None = None,
    names: dict[str, str] | None = None,
    spread: str = "practices",
    ages: str = "auto",
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Regional inputs for :func:`regio.model.regional.regional_advice`.

    Parameters
    ----------
    level
        A level made of whole municipalities (default ``provincie``, the only
        level with published GP counts in the data).
    year
        Year of the population (1 January) and of the municipal division.
    start_year
        Earlier year of the population; growth is measured from it to ``year``.
    gp_year
        Year of the GP counts by province.
    membership
        Optional municipality (of ``year``) -> region mapping for a user-defined
        level such as institute areas; ``level`` is then only a label.
    names
        Region names for ``membership`` (default: the codes).
    spread
        How the province GP counts are spread over municipalities for other
        levels: ``"practices"`` (default) or ``"population"``
        (:func:`regio.recruitment.run.municipal_gps`).
    ages
        Where each region's age structure comes from, for its ageing:
        ``"auto"`` (default), ``"2020"``, ``"kerncijfers"`` or ``"national"``
        (none: the nation's ageing everywhere), see the module notes.
    data_dir
        Data directory.

    Returns
    -------
    pandas.DataFrame
        Indexed by region code: ``statnaam``, ``gps``, ``population``,
        ``population_start``, ``population_gps`` (the inhabitants of the
        1 January that goes with the GP counts, for the GP density: 1 January
        2019 for CBS's count of 21 December 2018, as ``regio density``) and,
        unless the ages are national, ``ageing_5`` ... ``ageing_20``;
        ``attrs`` has ``growth_years``, ``level``, ``year``, ``method``
        (``method_nl`` in Dutch), ``source``, ``gps_population_year``,
        ``spread``, ``ages`` (``ages_nl``) and ``age_source``.

    Raises
    ------
    InputError
        For a level not made of whole municipalities, ``start_year`` not
        before ``year``, a ``membership`` that does not list every
        municipality of ``year`` once, or regions without inhabitants.
    DataNotFoundError, UnknownYearError
        When the data directory lacks a file or year needed.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> r = load_regional_inputs("provincie", year=2024, start_year=2014)
    >>> len(r), r.loc["PV20", "statnaam"], int(r.loc["PV20", "gps"])
    (12, 'Groningen', 455)
    >>> r.attrs["growth_years"], r.attrs["gps_population_year"]
    (10.0, 2019)
    """
    if membership is None and str(level).strip().lower() in ("instituut", "institute", "instituutsgebied"):
        raise InputError("Institute areas are not a CBS level: pass their membership, e.g. "
                         "load_regional_inputs('instituut', membership=institute_membership(2024), "
                         "names=...) with regio.recruitment.run.institute_membership (as `regio model --level "
                         "instituut` does).", key="model.institute_not_cbs_level")
    lvl = get_level(level).name if membership is None else str(level)
    lvl_en = get_level(level).label("en").lower() if membership is None else str(level)  # "province", not "provincie"
    if membership is None and lvl not in MUNICIPAL_GROUPINGS:
        raise InputError(f"The regional model runs on levels made of whole municipalities "
                         f"({', '.join(MUNICIPAL_GROUPINGS)}), not {lvl}.", key="model.not_municipal_level",
                         known=", ".join(MUNICIPAL_GROUPINGS), level=lvl)
    if start_year >= year:
        raise InputError(f"start_year {start_year} must come before year {year}.", key="model.start_after_year",
                         start=start_year, year=year)
    pop = data.population("gemeente", year, data_dir=data_dir)
    pop_start = data.carry_to(data.population("gemeente", start_year, data_dir=data_dir)[["population"]],
                              start_year, year, data_dir=data_dir)
    gm = pd.DataFrame({"population": pop["population"].astype(float),
                       "population_start": pop_start["population"].reindex(pop.index).astype(float)})
    if gm["population_start"].isna().any():
        raise InputError(f"Carried population of {start_year} lacks municipalities "
                         f"{format_codes(gm.index[gm['population_start'].isna()])} of {year}.",
                         key="model.carried_lacks", start=start_year, year=year,
                         codes=format_codes(gm.index[gm["population_start"].isna()]))
    province = data.membership(year, levels=["provincie"], data_dir=data_dir)["provincie"]
    if membership is None:
        member = province if lvl == "provincie" else data.membership(year, levels=[lvl], data_dir=data_dir)[lvl]
        names = data.region_names(lvl, year, data_dir=data_dir)
    else:
        member = membership.astype(str)
        unknown = member.index.difference(gm.index)
        missing = gm.index.difference(member.index)
        if len(unknown) or len(missing):
            wrong = [InputError(f"unknown {format_codes(unknown)}", key="model.membership_unknown",
                                codes=format_codes(unknown))] if len(unknown) else []
            wrong += [InputError(f"missing {format_codes(missing)}", key="model.membership_missing",
                                 codes=format_codes(missing))] if len(missing) else []
            raise InputError(f"The membership for {lvl} must list every municipality of {year} once: "
                             f"{joined(wrong)}.", key="model.bad_membership", level=lvl, year=year,
                             problems=joined(wrong))
        names = dict(names or {})
    gps = municipal_gps(pop["population"], year=year, gp_year=gp_year, spread=spread, data_dir=data_dir)
    gm["gps"] = gps["gps"].reindex(gm.index).astype(float)
    regions = aggregate(gm[["gps", "population", "population_start"]], member.reindex(gm.index))
    provinces = lvl == "provincie" and membership is None
    if provinces:  # the estimate keeps each province's count exactly
        gp_method = f"GPs: CBS 84777NED {gp_year} by province of residence"
        gp_method_nl = f"huisartsen: CBS 84777NED {gp_year} naar woonprovincie"
    else:
        gp_method = f"GPs: estimated — {gps.attrs['method']}, summed to {lvl_en}"
        gp_method_nl = f"huisartsen: geschat — {gps.attrs['method_nl']}, opgeteld naar {lvl}"
    # the GP density (unfulfilled="density"): the GPs against the inhabitants of the 1 January nearest to the day
    # they were counted, by the rule of regio density (regio.density.population_year) and, for provinces, with
    # its very numbers; other levels sum their municipalities' inhabitants of that 1 January
    dens = density_inputs("huisarts", level="provincie", year=gp_year, with_shapes=False, data_dir=data_dir)
    gps_pop_year = int(dens.population_year)
    if provinces:
        regions["population_gps"] = dens.population["population"].reindex(regions.index).astype(float)
        gps_pop_source = dens.population.attrs.get("source", "")
    else:
        cpop = data.counts_population(lvl, gps_pop_year, division=year, membership=member.reindex(gm.index),
                                      data_dir=data_dir)
        regions["population_gps"] = cpop["population"].reindex(regions.index).astype(float)
        gps_pop_source = cpop.attrs.get("source", "")
    if regions["population_gps"].isna().any():
        raise InputError(f"No inhabitants of 1 January {gps_pop_year} for "
                         f"{format_codes(regions.index[regions['population_gps'].isna()])}.",
                         key="model.no_inhabitants_gps", year=gps_pop_year,
                         codes=format_codes(regions.index[regions["population_gps"].isna()]))
    regions.insert(0, "statnaam", [names.get(c, c) for c in regions.index])
    age_source, age_texts, ageing = _regional_ageing(ages, year, member.reindex(gm.index), data_dir=data_dir)
    if ageing is not None:
        regions = regions.join(ageing.reindex(regions.index))
    regions.attrs.update({
        "growth_years": float(year - start_year), "level": lvl, "year": year,
        "method": (f"{gp_method}; population {start_year} carried to the municipal division of {year} "
                   f"and summed to {lvl_en} ({pop.attrs.get('source', '')}); GP density against the inhabitants of "
                   f"1 January {gps_pop_year}, the nearest to the day the GPs were counted (as regio density)"
                   f"; ageing: {age_texts[0]}"),
        "method_nl": (f"{gp_method_nl}; inwoners {start_year} overgezet naar de gemeentelijke indeling van {year} "
                      f"en opgeteld naar {lvl} ({source_text(pop.attrs.get('source', ''))}); "
                      f"huisartsendichtheid tegen de inwoners van 1 januari {gps_pop_year}, de 1 januari die het "
                      "dichtst ligt bij de dag dat de huisartsen geteld zijn (als in regio density)"
                      f"; vergrijzing: {age_texts[1]}"),
        "source": f"{gps.attrs['source']}; {pop.attrs.get('source', '')}",
        "gps_year": gp_year, "start_year": start_year, "gps_population_year": gps_pop_year,
        "spread": None if provinces else spread,
        "ages": age_texts[0], "ages_nl": age_texts[1], "age_source": age_source,
        "gps_population_source": gps_pop_source,
    })
    return regions


def _regional_ageing(ages: str, year: int, member: pd.Series, *,
                     data_dir) -> tuple[str, tuple[str, str], pd.DataFrame | None]:
    """Each region's ageing relative to the nation from the municipal age structure chosen by ``ages``.

    Returns the source used (``2020``, ``kerncijfers`` or ``national``), what
    it is in English and Dutch, and the ``ageing_<k>`` columns per region
    (None for ``national``).
    """
    choice = str(ages).strip().lower()
    if choice not in AGE_CHOICES:
        raise InputError(f"ages={ages!r}: use one of {', '.join(AGE_CHOICES)} (command line: --ages).",
                         key="model.bad_ages", value=said_value(ages), known=", ".join(AGE_CHOICES))
    if choice == "auto":
        if year >= 2020 and _has(lambda: data.age_structure(year, data_dir=data_dir)):
            choice = "2020"
        elif _has(lambda: data.population("gemeente", year, age_bands=True, data_dir=data_dir)):
            choice = "kerncijfers"
        else:
            choice = "national"
    if choice == "national":
        return choice, ("none regional: every region ages as the nation (the national age profile; the fallback)",
                        "niet regionaal: elke regio vergrijst als het land (de landelijke leeftijdsopbouw; de "
                        "terugval)"), None
    if choice == "2020":
        frame = data.age_structure(year, data_dir=data_dir)
        what = (f"the municipal age structure of 1 January 2020 in 10-year bands ({frame.attrs['source']}) "
                f"carried to the {year} division",
                f"de gemeentelijke leeftijdsopbouw van 1 januari 2020 in 10-jaarsgroepen "
                f"({source_text(frame.attrs['source'])}) omgezet naar de indeling van {year}")
    else:
        frame = data.population("gemeente", year, age_bands=True, data_dir=data_dir)
        what = (f"the five CBS age bands of the kerncijfers {year} ({frame.attrs.get('source', '')}; an open 65+ band, "
                "so ageing within 65+ is not seen)",
                f"de vijf CBS-leeftijdsgroepen van de kerncijfers {year} "
                f"({source_text(frame.attrs.get('source', ''))}; een open groep 65+, dus vergrijzing binnen 65+ "
                "wordt niet gezien)")
    bands = [c for c in frame.columns if isinstance(c, str) and c.startswith("age_")]
    missing = member.index.difference(frame.index)
    if len(missing):
        raise InputError(f"The age structure ({choice}) lacks municipalities {format_codes(missing)} of {year}.",
                         key="model.ages_lack", choice=choice, codes=format_codes(missing), year=year)
    regional = aggregate(frame.loc[member.index, bands].astype(float), member)
    use = relative_gp_use([f"age_{a}_{a}" for a in range(TOP_AGE - 1)] + [f"age_{TOP_AGE - 1}plus"])
    factors = ageing_factors(regional, use.to_numpy())
    how = ("each region's growth of GP use per inhabitant from ageing over that of the nation (its age bands aged "
           "5-20 years, births as now; GP contacts per age as the need key: regio.model.ageing)",
           "de groei van het huisartsgebruik per inwoner door vergrijzing van elke regio gedeeld door die van het land "
           "(haar leeftijdsgroepen 5-20 jaar ouder, geboorten als nu; huisartscontacten per leeftijd als in de "
           "zorgbehoeftesleutel: regio.model.ageing)")
    return choice, (f"{what[0]}; {how[0]}", f"{what[1]}; {how[1]}"), factors


def _has(load) -> bool:
    """Whether ``load()`` finds its data (no DataNotFoundError or UnknownYearError)."""
    try:
        load()
    except (DataNotFoundError, UnknownYearError):
        return False
    return True


def level_inputs(level: str, *, spread: str = "practices", ages: str = "auto",
                 data_dir: str | Path | None = None) -> tuple[pd.DataFrame, gpd.GeoDataFrame | None]:
    """Regional inputs of one level for ``regio model --level``, with the shapes of the institute areas.

    ``instituut``: the areas of the 8 GP training institutes in 2024 (each
    municipality to the nearest location,
    :func:`regio.recruitment.run.institute_membership`), said in the inputs'
    ``method``; any other level: :func:`load_regional_inputs` of it.

    Parameters
    ----------
    level
        ``instituut`` or a level made of whole municipalities.
    spread
        How the province GP counts are spread over municipalities
        (``"practices"`` or ``"population"``, see :func:`load_regional_inputs`).
    ages
        Where the regions' age structure comes from (see :func:`load_regional_inputs`).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    tuple
        The inputs, and the institute areas' polygons (``None`` for other
        levels: :func:`load_region_shapes` draws them).
    """
    if level != "instituut":
        return load_regional_inputs(level, spread=spread, ages=ages, data_dir=data_dir), None
    member = institute_membership(2024, data_dir=data_dir)
    shapes = institute_shapes(member, year=2024, data_dir=data_dir)
    inputs = load_regional_inputs("instituut", membership=member, names=member.attrs["names"], spread=spread,
                                  ages=ages, data_dir=data_dir)
    inputs.attrs["method"] += f"; institute areas (computed, not official work areas): {member.attrs['method']}"
    inputs.attrs["method_nl"] += ("; instituutsgebieden (berekend, geen officiële werkgebieden): "
                                  f"{member.attrs['method_nl']}")
    return inputs, shapes


def load_region_shapes(level: str, year: int, codes: pd.Index, *, data_dir: str | Path | None = None):
    """Load boundaries of ``codes`` for a map.

    The level's file of ``year``, or of the nearest earlier year with exactly
    these codes (up to 10 years back), else the municipalities of ``year``
    dissolved by membership.

    Parameters
    ----------
    level
        A level name (see :func:`regio.levels.get_level`).
    year
        The year of the regions.
    codes
        The region codes the map shows (e.g. the index of
        :func:`load_regional_inputs`).
    data_dir
        Data directory.

    Returns
    -------
    geopandas.GeoDataFrame
        Boundaries indexed by region code (EPSG:28992), with ``statnaam``.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> import pandas as pd
    >>> codes = pd.Index([f"PV{n}" for n in range(20, 32)])
    >>> shapes = load_region_shapes("provincie", 2024, codes)
    >>> len(shapes), shapes.crs.to_epsg(), shapes.loc["PV20", "statnaam"]
    (12, 28992, 'Groningen')
    """
    lvl = get_level(level).name
    wanted = set(map(str, codes))
    for y in range(int(year), int(year) - 11, -1):
        try:
            shapes = data.boundaries(lvl, y, data_dir=data_dir)
        except (UnknownYearError, DataNotFoundError):
            continue
        if set(shapes.index) == wanted:
            return shapes
    return data.boundaries(lvl, year, dissolve=True, data_dir=data_dir)
