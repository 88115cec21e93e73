"""Carrying counts between municipal divisions: the crosswalk and :func:`carry_to`.

Split from :mod:`regio.data.regions` (boundaries, divisions and membership); the
rules are in ``docs/data.md`` ("Mergers before 2016") and ``docs/python.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pandas as pd

from regio import geography
from regio.data._common import PathLike, _root, log
from regio.data.regions import _divisions, _exact_span, region_names
from regio.errors import DataNotFoundError, InputError, UnknownYearError
from regio.sources import crosswalks as _cw
from regio.sources import population as _pop

# ----------------------------------------------------------------------------- crosswalks

#: What a derived step was worked out from (its ``basis``, shown in the crosswalk's path).
_BY_POPULATION = "population"
_BY_POPULATION_AND_BOUNDARIES = "population and boundaries"


def _overlay_successors(overlay: pd.DataFrame, year: int, new: frozenset[str]) -> pd.DataFrame | None:
    """Return the successors each municipality of ``year`` may go to: its area overlay step, within ``new``."""
    rows = overlay[overlay["from_year"] == year]
    if rows.empty:
        return None
    rows = rows[(rows["to_year"] == rows["to_year"].min()) & rows["to_code"].isin(new)]
    return rows.rename(columns={"weight": "share"})[["from_code", "to_code", "share"]]


_DERIVED_COLUMNS = ["from_year", "to_year", "from_code", "to_code", "weight", "rule", "basis"]


@functools.lru_cache(maxsize=16)
def _derived_step(year: int, root: str) -> pd.DataFrame | None:
    """Return the step ``year`` -> ``year`` + 1 derived from the population (geography.derive_step), or None.

    Derived where the population on 31 December of ``year`` (CBS 37259eng) and
    on the next 1 January cover both divisions, its successors limited to the
    area overlay where there are boundaries of both years. None leaves the
    year to the area overlay (said in the log).
    """
    divs = _divisions(root)
    if year not in divs or year + 1 not in divs:
        return None
    end = _pop.read_year_end_population(data_dir=root)
    before = end[end["year"] == year].set_index("statcode")["population"]
    after = _pop.read_municipal_population(year + 1, data_dir=root)["population"]
    if set(before.index) != divs[year] or set(after.index) != divs[year + 1]:
        log.info("municipal step %s->%s not derived: no population on 31 December %s and 1 January %s of "
                 "both divisions", year, year + 1, year, year + 1)
        return None
    allowed = _overlay_successors(_cw.read_area_overlay(data_dir=root), year, divs[year + 1])
    basis = _BY_POPULATION if allowed is None else _BY_POPULATION_AND_BOUNDARIES
    try:
        try:
            step = geography.derive_step(before, after, allowed=allowed)
        except InputError:
            if allowed is None:
                raise
            step, basis = geography.derive_step(before, after), _BY_POPULATION
            log.info("municipal step %s->%s derived from the population alone: within the area overlay no "
                     "assignment explains it", year, year + 1)
    except InputError as exc:
        log.warning("municipal step %s->%s not derived from the population (%s); the area overlay is used",
                    year, year + 1, exc)
        return None
    if step.attrs["ties"]:
        log.warning("municipal step %s->%s: %d other assignment(s) fit the population equally well; the first "
                    "is used", year, year + 1, step.attrs["ties"])
    return step.assign(from_year=year, to_year=year + 1, basis=basis)[_DERIVED_COLUMNS]


def _derived(from_year: int, to_year: int, exact: pd.DataFrame, root: str) -> tuple[pd.DataFrame, list[int]]:
    """Return the derived steps from ``from_year`` to ``to_year`` (years without a CBS change file)."""
    span = _exact_span(exact)
    steps = {y: _derived_step(y, root) for y in range(from_year, to_year) if not span[0] <= y < span[1]}
    steps = {y: step for y, step in steps.items() if step is not None}
    frame = (pd.concat(steps.values(), ignore_index=True) if steps
             else pd.DataFrame(columns=_DERIVED_COLUMNS))
    frame.attrs["source"] = "/".join(_pop.REGISTER)
    return frame, sorted(steps)


@functools.lru_cache(maxsize=32)
def _crosswalk(from_year: int, to_year: int, root: str) -> pd.DataFrame:
    exact = _cw.read_grenswijzigingen(data_dir=root)
    overlay = _cw.read_area_overlay(data_dir=root)
    derived, derived_years = _derived(from_year, to_year, exact, root)
    cw = geography.build_crosswalk(
        from_year, to_year, divisions=_divisions(root), exact=exact, overlay=overlay, exact_span=_exact_span(exact),
        derived=derived, derived_years=derived_years,
    )
    path = cw.attrs["path"]
    used: list[str | None] = []
    for step in path:
        if "grenswijzigingen" in step:
            used.append(exact.attrs.get("source"))
        elif "derived" in step:
            used += [derived.attrs["source"]] + ([overlay.attrs.get("source")] if "boundaries" in step else [])
        else:
            used.append(overlay.attrs.get("source"))
    method = _carry_method(path, from_year, to_year)
    cw.attrs.update({"source": "; ".join(dict.fromkeys(u for u in used if u)) or "no change",
                     "method": method[0], "method_nl": method[1]})
    return cw


def _carry_method(path: list[str], from_year: int, to_year: int) -> tuple[str, str]:
    """How counts are carried from one municipal division to another: (English, Dutch)."""
    if not path:
        return (f"the {from_year} municipal division (nothing to carry)",
                f"de gemeentelijke indeling van {from_year} (niets om te zetten)")
    derived = [step for step in path if "derived" in step]
    kinds = {}
    for step in path:
        if "grenswijzigingen" in step:
            kinds[("CBS grenswijzigingen, weighted by addresses", "CBS-grenswijzigingen, gewogen naar adressen")] = None
        elif "derived" in step:
            kinds[_derived_method(derived)] = None
        else:
            kinds[("area overlay of boundary files", "oppervlakte-overlap van grensbestanden")] = None
    en = ", then ".join(k[0] for k in kinds)
    nl = ", daarna ".join(k[1] for k in kinds)
    return (f"carried from the {from_year} to the {to_year} municipal division ({en}; whole numbers kept whole by "
            "largest remainder)",
            f"omgezet van de gemeentelijke indeling van {from_year} naar die van {to_year} ({nl}; hele aantallen "
            "blijven heel, naar grootste overschot)")


def _derived_method(steps: list[str]) -> tuple[str, str]:
    """Name the rule of the derived steps in ``steps`` (path entries ``2014->2015 (derived from ...)``)."""
    first, last = steps[0].split("->")[0], steps[-1].split("->")[1].split(" ")[0]
    bounded = any("boundaries" in s for s in steps)
    return (f"{first}-{last} derived from the CBS population (37259eng): a municipality that disappears goes "
            "wholly to the successor in which its people of 31 December reappear on 1 January, a split one by "
            "the numbers of people its successors gain"
            + (" (successors limited to those its area overlaps in the boundary files)" if bounded else ""),
            f"{first}-{last} afgeleid uit de CBS-bevolking (37259eng): een opgeheven gemeente gaat geheel naar de "
            "opvolger waarin haar inwoners van 31 december op 1 januari terugkomen, een gesplitste naar de "
            "aantallen inwoners die haar opvolgers erbij krijgen"
            + (" (alleen opvolgers waarmee haar oppervlak in de grensbestanden overlapt)" if bounded else ""))


def crosswalk(from_year: int, to_year: int, *, data_dir: PathLike = None) -> pd.DataFrame:
    """Crosswalk from the municipal division of ``from_year`` to that of ``to_year``.

    Uses the address-weighted grenswijzigingen for 2016-2024. Before 2016
    (no CBS change file) each yearly step is derived from the population
    (:func:`regio.geography.derive_step`; path entries ``derived from ...``):
    the people counted on 31 December in the old division (CBS 37259eng) are
    those counted on 1 January in the new one, so a municipality that
    disappears goes wholly to the successor in which its people reappear, and
    one that was split (Boarnsterhim in 2014, Maasdonk in 2015) goes to its
    successors in the numbers of people they gained. Where boundaries of both
    years exist (2014-2016) a municipality may only go to successors its area
    overlaps; 2012-2014 rest on the population alone. A year that cannot be
    derived (no year-end counts) uses the area overlay between boundary
    vintages, as before: municipalities keeping their code map to
    themselves, vanished ones are split by area share, and the 2016 division
    (inside the overlay step 2015-2017) is reached by the part of that step
    for the municipalities that vanished by 2016.

    Parameters
    ----------
    from_year, to_year
        The municipal divisions (1 January); ``to_year`` not earlier than
        ``from_year``.
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        ``from_code, to_code, share`` (a long table: RangeIndex);
        ``attrs["path"]`` lists the steps, ``attrs["source"]`` the crosswalk
        files used and ``attrs["method"]`` (``method_nl``) says how.

    Raises
    ------
    UnknownYearError
        If ``to_year`` is earlier, a division is unknown, or no chain of steps
        connects the years.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> cw = crosswalk(2022, 2024)
    >>> cw[cw["from_code"] != cw["to_code"]]  # Weesp to Amsterdam, three into Voorne aan Zee, a boundary fix
        from_code to_code     share
    57     GM0232  GM0269  0.000067
    137    GM0457  GM0363  1.000000
    144    GM0501  GM1992  1.000000
    152    GM0530  GM1992  1.000000
    173    GM0614  GM1992  1.000000
    >>> cw.attrs["path"]
    ['2022->2023 (grenswijzigingen)', '2023->2024 (grenswijzigingen)']
    >>> crosswalk(2014, 2018).attrs["path"]  # doctest: +NORMALIZE_WHITESPACE
    ['2014->2015 (derived from population and boundaries)', '2015->2016 (derived from population and boundaries)',
     '2016->2017 (grenswijzigingen)', '2017->2018 (grenswijzigingen)']
    >>> cw = crosswalk(2015, 2016)  # Bussum, Muiden and Naarden wholly into Gooise Meren
    >>> cw[cw["to_code"] == "GM1942"].set_index("from_code")["share"].to_dict()
    {'GM0381': 1.0, 'GM0424': 1.0, 'GM0425': 1.0}
    >>> cw = crosswalk(2014, 2015)  # Maasdonk split by the people 's-Hertogenbosch and Oss gained
    >>> cw[cw["from_code"] == "GM1671"].set_index("to_code")["share"].round(3).to_dict()
    {'GM0796': 0.592, 'GM0828': 0.408}
    >>> crosswalk(2012, 2014).attrs["path"]  # no boundaries of 2012 and 2013: the population alone
    ['2012->2013 (derived from population)', '2013->2014 (derived from population)']
    """
    cw = _crosswalk(int(from_year), int(to_year), _root(data_dir))
    out = cw.copy()
    out.attrs = dict(cw.attrs)
    return out


def carry_to(frame: pd.DataFrame | pd.Series, from_year: int, to_year: int, *,
             columns: Iterable[str] | None = None, data_dir: PathLike = None) -> pd.DataFrame:
    """Carry municipal counts of ``from_year`` into the division of ``to_year``.

    Totals are conserved exactly (whole numbers stay whole). A municipality
    that merged whole goes wholly to its successor, also before 2016, where
    the steps are derived from the population (see :func:`crosswalk`). Names
    of the new division are added as ``statnaam`` when a boundary file or
    population table gives them.

    Parameters
    ----------
    frame
        Counts indexed by municipal code of ``from_year`` (a Series is taken
        as one column).
    from_year, to_year
        The divisions to carry from and to (see :func:`crosswalk`).
    columns
        Columns to carry (default: all numeric columns).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    pandas.DataFrame
        Indexed by municipal code of ``to_year`` (``statcode``), with
        ``statnaam`` where known and the carried columns; whole-number columns
        stay whole (split by largest remainder), others are split in
        proportion. ``attrs``: the input's ``source`` (and ``level``,
        ``year``) kept; ``method`` and ``method_nl`` the input's method with
        how the counts were carried added; ``division`` (``to_year``);
        ``crosswalk`` (the steps); ``incomplete`` and ``unplaced`` (new
        municipalities without a value because a predecessor had none, and
        what the others contributed to them; see :func:`regio.geography.carry`).

    Raises
    ------
    UnknownCodeError
        Listing codes that are not municipalities of ``from_year``.
    UnknownYearError
        If the two divisions cannot be connected (see :func:`crosswalk`).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> counts = pd.DataFrame({"gps": [410, 12], "fte": [301.5, 9.25]}, index=["GM0363", "GM0457"])
    >>> carry_to(counts, 2021, 2024)  # Weesp joined Amsterdam in 2022
               statnaam  gps     fte
    statcode
    GM0363    Amsterdam  422  310.75
    >>> from regio.data import population
    >>> pop = carry_to(population("gemeente", 2017)[["population"]], 2017, 2024)
    >>> pop.attrs["source"] == population("gemeente", 2017).attrs["source"], pop.attrs["method"][:70]
    (True, 'as published; carried from the 2017 to the 2024 municipal division (CB')
    >>> pop14 = population("gemeente", 2014)["population"]  # Bussum, Muiden, Naarden: Gooise Meren in 2016
    >>> int(carry_to(pop14, 2014, 2016).loc["GM1942", "population"]), int(pop14[["GM0381", "GM0424", "GM0425"]].sum())
    (56123, 56123)
    >>> carry_to(counts, 2023, 2024)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownCodeError: 1 code(s) of counts of 2023 are not in the crosswalk: GM0457. ...
    """
    cw = crosswalk(from_year, to_year, data_dir=data_dir)
    out = geography.carry(frame, cw, columns=columns, source=f"counts of {from_year}")
    try:
        names = region_names("gemeente", to_year, data_dir=data_dir)
        out.insert(0, "statnaam", out.index.map(names))
    except (UnknownYearError, DataNotFoundError):
        pass
    before = frame.attrs.get("method")
    steps = [before, cw.attrs["method"] if cw.attrs["path"] else None]
    steps_nl = [frame.attrs.get("method_nl", before), cw.attrs["method_nl"] if cw.attrs["path"] else None]
    out.attrs = {
        **{k: frame.attrs[k] for k in ("source", "level", "year") if k in frame.attrs},
        "division": int(to_year),
        "method": "; ".join(m for m in steps if m) or cw.attrs["method"],
        "method_nl": "; ".join(m for m in steps_nl if m) or cw.attrs["method_nl"],
        "crosswalk": cw.attrs["path"],
        "carry_method": cw.attrs["method"],  # how it was carried alone, without the input's own method
        "carry_method_nl": cw.attrs["method_nl"],
        "incomplete": out.attrs.get("incomplete", {}),
        "incomplete_by_column": out.attrs.get("incomplete_by_column", {}),
        "unplaced": out.attrs.get("unplaced", {}),
    }
    return out
