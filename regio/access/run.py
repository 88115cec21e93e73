"""Run an access analysis from the data directory: :func:`run_access` and its :class:`AccessResult`.

Gathers the PC4 points (inhabitants 2021, practices), computes the 2SFCA
access per PC4 area, sums it to the regions of the chosen level, adds the
need-adjusted provision, the practices per 10,000, the 65+ share and the CBS
proximity indicators, and keeps what was assumed as typed facts. The words
(notes, column labels) are made at report time (:mod:`regio.report.access`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from regio._display import result_html, result_repr
from regio.access.spec import AccessSpec
from regio.access.tables import PER, pc4_access, provision_table, region_access
from regio.errors import InputError

__all__ = ["AccessFacts", "AccessResult", "run_access"]


@dataclass(frozen=True)
class AccessFacts:
    """What an access analysis used and decided, for the maps and reports.

    Attributes
    ----------
    spec
        The spec that was run.
    level
        The level of :attr:`AccessResult.regions` (canonical name).
    norm_per_10k
        The norm the provision compares with (per 10,000 need-weighted inhabitants).
    norm_is_average
        Whether the norm is the national level (no norm was given).
    national_access_per_10k
        Supply per 10,000 inhabitants (demand) over the whole country.
    supply_total, supply_reached
        All supply, and the supply with demand within reach (the rest serves
        no one within the catchment).
    needed_total
        Σ needed over the regions (supply needed to bring every region to the norm).
    suppressed, unplaced
        PC4 areas whose counts CBS suppressed (counted as 0 inhabitants), and
        those with inhabitants but no polygon (left out).
    derived
        Whether the practice counts are derived (the shared listing).
    proximity_year
        Year of the CBS proximity indicators (None when not joined).
    sources
        What → source, for the notes.
    """

    spec: AccessSpec
    level: str
    norm_per_10k: float
    norm_is_average: bool
    national_access_per_10k: float
    supply_total: float
    supply_reached: float
    needed_total: float
    suppressed: tuple[str, ...]
    unplaced: tuple[str, ...]
    derived: bool
    proximity_year: int | None
    sources: dict[str, str]


@dataclass(frozen=True)
class AccessResult:
    """Access per PC4 area and per region, with the facts behind them.

    Attributes
    ----------
    pc4
        One row per PC4 area with a point: ``x``, ``y`` (EPSG:28992),
        ``gemeente``, ``population``, ``need``, ``demand``, ``supply``,
        ``access_per_10k``, ``effective``, ``nearest_km``, ``far`` and the
        region columns of :func:`run_access` (provision NaN where no one lives).
    regions
        One row per region of the level: see :func:`run_access`.
    facts
        :class:`AccessFacts`.
    """

    pc4: pd.DataFrame
    regions: pd.DataFrame
    facts: AccessFacts

    def __repr__(self) -> str:
        """Show the lowest provision first."""
        return result_repr("AccessResult", f"{self.facts.level} {self.facts.spec.year}",
                           self.regions.sort_values("provision_pct")[_SHOWN], ["pc4", "regions", "facts"])

    def _repr_html_(self) -> str:
        return result_html("AccessResult", f"{self.facts.level} {self.facts.spec.year}",
                           self.regions.sort_values("provision_pct")[_SHOWN], [])


_SHOWN = ["statnaam", "practices", "practices_per_10k", "access_per_10k", "provision_pct", "band", "needed"]


def _weighted_mean(values: pd.DataFrame, weights: pd.Series, groups: pd.Series) -> pd.DataFrame:
    w = weights.reindex(values.index).astype(float)
    ok = values.notna()
    num = values.mul(w, axis=0).where(ok).groupby(groups.reindex(values.index).to_numpy()).sum(min_count=1)
    den = ok.mul(w, axis=0).groupby(groups.reindex(values.index).to_numpy()).sum()
    return num / den.replace(0, np.nan)


def run_access(spec: AccessSpec | None = None, *, data_dir=None) -> AccessResult:
    """Compute spatial access to GP practices and the need-adjusted provision per region.

    Parameters
    ----------
    spec
        What to compute (default :class:`AccessSpec`: 2024 municipalities, 5 km,
        Gaussian decay, practices).
    data_dir
        Data directory (default: ``REGIO_DATA_DIR`` or the user cache).

    Returns
    -------
    AccessResult
        ``regions`` is indexed by region code with ``statnaam``,
        ``population`` (CBS, 1 January of the year; PC4 inhabitants 2021 at
        ``pc4``), ``practices`` (practices counted in the region) and
        ``practices_per_10k``; the PC4 sums ``pc4_population``, ``need``,
        ``demand``, ``supply``, ``effective`` and ``access_per_10k``; the
        provision ``norm_per_10k``, ``expected``, ``provision_pct``, ``band``,
        ``needed``; the distance flag ``share_far``; ``age_65plus_share``;
        with ``gps_path``, ``gps``, ``gps_per_100k`` with ``gps_lower_per_100k``
        and ``gps_upper_per_100k`` (95% interval) and ``gps_comparison``
        (below / similar / above national); and (not at ``pc4``) the CBS proximity indicators of
        :data:`regio.data.PROXIMITY_COLUMNS` (population-weighted means above
        the municipality) with ``proximity_year``.

    Raises
    ------
    InputError
        For ``wijk`` (no practices per wijk), or inputs that do not fit.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> result = run_access(AccessSpec(decay="none"))
    >>> len(result.regions), int(result.regions["practices"].sum()), round(result.facts.supply_reached)
    (342, 4866, 4866)
    >>> round(float(result.regions["provision_pct"].mul(result.regions["expected"]).sum()
    ...             / result.regions["expected"].sum()), 6)  # the country is at 100% by construction
    100.0
    """
    from regio import data
    from regio.levels import get_level

    spec = spec or AccessSpec()
    level = get_level(spec.level).name
    if level == "wijk":
        raise InputError("Access is computed per PC4 area and summed to municipalities and the levels made of "
                         "them; there are no practices per wijk. Use --level pc4 or gemeente.", key="access.no_wijk")
    gathered = data.pc4_points(spec.year, practices_path=spec.practices_path, data_dir=data_dir)
    points = gathered.frame
    supply_col = spec.supply_column
    if supply_col not in points.columns:
        raise InputError(f"The practice list {spec.practices_path} has no {spec.supply} column; "
                         f"use --supply practices or add the column.", key="access.list_lacks_supply",
                         path=spec.practices_path, supply=spec.supply)
    pc4 = pc4_access(points, catchment_km=spec.catchment_km, decay=spec.decay, need=spec.need,
                     supply=supply_col, far_km=spec.far_km)
    sources = dict(gathered.sources)
    gm_pop = data.population("gemeente", spec.year, age_bands=True, data_dir=data_dir)
    sources["population_year"] = gm_pop.attrs.get("source", "")
    by_pc4 = _pc4_regions(pc4, points, spec)
    if level == "pc4":
        regions = by_pc4
    else:
        by_gm = region_access(pc4, pc4["gemeente"])
        pointless = gm_pop.index.difference(by_gm.index)
        if len(pointless):  # a municipality without any PC4 point would drop out of the table without a word
            raise InputError(f"Municipalities of {spec.year} without a PC4 point: {', '.join(pointless[:10])}; "
                             "their inhabitants cannot be placed. Check the PC4 and municipal boundary files.",
                             key="access.municipality_without_point", year=spec.year,
                             codes=", ".join(pointless[:10]))
        gm = by_gm.rename(columns={"population": "pc4_population"})
        gm["population"] = gm_pop["population"].reindex(gm.index).astype(float)
        gm["age_65plus"] = gm_pop["age_65plus"].reindex(gm.index).astype(float)
        sums = ["pc4_population", "need", "demand", "supply", "effective", "far_population", "population",
                "age_65plus"]
        if level == "gemeente":
            regions = gm[sums].copy()
            regions.insert(0, "statnaam", gm_pop["statnaam"].reindex(regions.index))
        else:
            regions = data.aggregate_to(gm[sums], level, year=spec.year, data_dir=data_dir)
        regions["access_per_10k"] = regions["effective"] / regions["demand"] * PER
        regions["share_far"] = regions["far_population"] / regions["pc4_population"]
        regions["age_65plus_share"] = regions["age_65plus"] / regions["population"]
        regions = regions.drop(columns=["age_65plus"])
        counted = data.practices(level, spec.year, path=spec.practices_path, data_dir=data_dir)
        regions["practices"] = counted["n_practices"].reindex(regions.index).fillna(0).astype(np.int64)
        regions["practices_per_10k"] = regions["practices"] / regions["population"] * PER
        regions = provision_table(regions, norm_per_10k=spec.norm_per_10k, bands=spec.bands)
    proximity_year = None
    if level != "pc4":
        prox = data.proximity(spec.year, data_dir=data_dir)
        proximity_year = int(prox["year"].iloc[0])
        cols = list(data.PROXIMITY_COLUMNS)
        if level == "gemeente":
            joined = prox[cols].reindex(regions.index)
        else:
            groups = data.membership(spec.year, levels=[level], data_dir=data_dir)[level]
            joined = _weighted_mean(prox[cols], gm_pop["population"].astype(float), groups).reindex(regions.index)
        regions = regions.join(joined)
        regions["proximity_year"] = proximity_year
        sources["proximity"] = prox.attrs.get("source", "")
    if spec.gps_path is not None:
        regions = regions.join(_gp_density(spec, level, data_dir).reindex(regions.index))
        sources["gps"] = str(spec.gps_path)
    if abs(float(regions["supply"].sum()) - float(pc4["supply"].sum())) > 1e-6 or (
            int(regions["practices"].sum()) != int(points["n_practices"].sum())):
        raise AssertionError("access: supply was lost between the PC4 areas and the regions")
    facts = AccessFacts(
        spec=spec, level=level,
        norm_per_10k=float(regions["norm_per_10k"].iloc[0]),
        norm_is_average=spec.norm_per_10k is None,
        national_access_per_10k=float(pc4["supply"].sum() / pc4["demand"].sum() * PER),
        supply_total=float(pc4["supply"].sum()),
        supply_reached=float(pc4["effective"].sum()),
        needed_total=float(regions["needed"].sum()),
        suppressed=gathered.suppressed, unplaced=gathered.unplaced, derived=gathered.derived,
        proximity_year=proximity_year, sources=sources,
    )
    return AccessResult(pc4=by_pc4, regions=regions, facts=facts)


def _gp_density(spec: AccessSpec, level: str, data_dir) -> pd.DataFrame:
    """GPs per 100,000 with their interval from a counts file of the user's (regio.density)."""
    from regio.density.run import density_results

    if level == "pc4":
        raise InputError("GP counts (--gps) are per municipality or a coarser level, not per PC4 area.",
                         key="access.gps_not_pc4")
    (result,) = density_results([spec.year], "huisarts", level=level, counts_path=spec.gps_path, spatial=False,
                                data_dir=data_dir)
    t = result.table
    return pd.DataFrame({"gps": t["count"], "gps_per_100k": t["rate_per_100k"],
                         "gps_lower_per_100k": t["lower_per_100k"], "gps_upper_per_100k": t["upper_per_100k"],
                         "gps_comparison": t["comparison"].astype(object)}, index=t.index)


def _pc4_regions(pc4: pd.DataFrame, points: pd.DataFrame, spec: AccessSpec) -> pd.DataFrame:
    """Add the region columns to the PC4 table: practices, 65+ share and the provision (NaN without inhabitants)."""
    out = pc4.copy()
    out.insert(0, "statnaam", pc4.index.astype(str))
    out["pc4_population"] = out["population"]
    out["practices"] = points["n_practices"].reindex(out.index).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["practices_per_10k"] = out["practices"] / out["population"].where(out["population"] > 0) * PER
        bands = points[[c for c in points.columns if c.startswith("age_")]].reindex(out.index)
        old = bands[[c for c in bands.columns if int(c.split("_")[1].removesuffix("plus")) >= 65]].sum(axis=1)
        out["age_65plus_share"] = old / out["population"].where(out["population"] > 0)
    out["share_far"] = out["far"].astype(float)
    lived = out["need"] > 0
    scored = provision_table(out[lived], norm_per_10k=spec.norm_per_10k, bands=spec.bands)
    for col in ("norm_per_10k", "expected", "provision_pct", "band", "needed"):
        out[col] = scored[col].reindex(out.index)
    return out
