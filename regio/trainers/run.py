"""Run the trainer forecast on the data directory: the facade of ``regio trainers``.

Loads the municipalities, inhabitants, GP estimate, practices and institutes
(:mod:`regio.data`, :mod:`regio.recruitment`), the model round's intern
rendement and current intake (:mod:`regio.model`), calls the pure functions
of :mod:`regio.trainers.forecast` and :mod:`regio.trainers.where` and returns
the tables with notes on sources, assumptions and estimates.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> res = run_trainers(TrainerSpec(intake=1026), lang="en")
>>> nl = res.table.loc["NL"]
>>> int(nl.at[2025, "available"] - nl.at[2025, "recruited"]), res.estimated
(1700, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from regio import data
from regio._display import result_html, result_repr
from regio.apportion import largest_remainder
from regio.data.shipped import institutes, national_figure
from regio.errors import InputError
from regio.geography import dissolve
from regio.model import read_parameters
from regio.recruitment import assign_nearest, municipal_gps, municipal_trainers
from regio.recruitment.run import read_institute_values
from regio.text import fmt_number, fmt_percent, t
from regio.trainers.forecast import forecast, intake_path, split_intake
from regio.trainers.spec import TrainerSpec
from regio.trainers.where import where_to_recruit

__all__ = ["TrainerResult", "TrainerSpec", "municipal_gp_estimate", "run_trainers"]


@dataclass
class TrainerResult:
    """Everything one forecast computes, ready to print, draw and export.

    Attributes
    ----------
    table
        Per institute (and ``NL``, the sum) and year:
        :data:`regio.trainers.forecast.FORECAST_COLUMNS`.
    summary
        Per institute and ``NL``: base trainers, required in the base and
        target year, leaving by the target year, the gap then (without
        recruitment), recruits a year needed, and the name.
    municipal
        Where to recruit (:func:`regio.trainers.where.where_to_recruit`) with
        names, per municipality.
    shapes, area_shapes
        Municipal polygons and the institute areas dissolved from them
        (EPSG:28992), for the map.
    base_year, target_year, horizon
        The years of the forecast.
    estimated
        Whether the base trainers are an estimate (no list or counts given).
    notes
        Sources, assumptions and estimates, one line each, in the run's language.
    """

    table: pd.DataFrame
    summary: pd.DataFrame
    municipal: pd.DataFrame
    shapes: gpd.GeoDataFrame
    area_shapes: gpd.GeoDataFrame
    base_year: int
    target_year: int
    horizon: int
    estimated: bool
    notes: list[str] = field(default_factory=list)

    def _what(self) -> str:
        return f"{self.base_year}-{self.horizon}, target {self.target_year}" + (" (estimate)" if self.estimated else "")

    def __repr__(self) -> str:
        return result_repr("TrainerResult", self._what(), self.summary, ["table", "summary", "municipal", "notes"])

    def _repr_html_(self) -> str:
        return result_html("TrainerResult", self._what(), self.summary, self.notes)


def municipal_gp_estimate(population: pd.Series, *, year: int, data_dir: str | Path | None = None) -> pd.DataFrame:
    """GPs per municipality: the one estimate the forecast uses (swap it here).

    Today :func:`regio.recruitment.municipal_gps` (the 2018 province counts
    spread over the municipalities by their share of the province's GP
    practices, an estimate; its ``gps_method`` says so).

    Returns
    -------
    pandas.DataFrame
        ``gps`` (int), ``gps_estimated``, ``gps_method``; ``attrs["method"]``.
    """
    return municipal_gps(population, year=year, data_dir=data_dir)


def _intake(spec: TrainerSpec, *, ids: list[str], need_key: pd.Series, current: float, lang: str,
            notes: list[str]) -> pd.DataFrame:
    """Year x institute intake from ``base_year - training_years + 1`` to the horizon."""
    years = range(spec.base_year - spec.training_years + 1, spec.horizon + 1)
    table = spec.intake_table
    key_name = spec.key or ("places" if table is not None else "need")
    if key_name == "places":
        last = int(table["year"].max())
        rows = table[table["year"] == last].set_index("institute")
        values = rows["filled"].where(rows["filled"].notna(), rows["offered"])
        key = values.reindex(ids, fill_value=0).astype(float)
        notes.append(t(lang, f"Verdeelsleutel instroom: aandeel gevulde plaatsen per instituut in {last} "
                             f"({Path(table.attrs.get('path', 'intake')).name}).",
                       f"Intake key: each institute's share of the places filled in {last} "
                       f"({Path(table.attrs.get('path', 'intake')).name})."))
    else:
        key = need_key.reindex(ids).astype(float)
        notes.append(t(lang, "Verdeelsleutel instroom: inwoners van het wervingsgebied van elk instituut "
                             "(dichtstbijzijnde locatie).",
                       "Intake key: inhabitants of each institute's recruitment area (nearest location)."))
    if isinstance(spec.intake, dict):
        per = read_institute_values(spec.intake, locations=institutes(), what="intake (trainees per institute)")
        advised = float(per.sum())
    else:
        per = None
        advised = float(spec.intake if spec.intake is not None else national_figure("gp_trainees_2027"))
    national = intake_path(years, advised=advised, advised_from=spec.intake_from, current=current)
    out = split_intake(national, key)
    if per is not None:
        for y in out.index[out.index >= spec.intake_from]:
            out.loc[y] = per.reindex(ids).round().astype("int64").to_numpy()
    if table is not None:
        for _, row in table.iterrows():
            y = int(row["year"])
            if y in out.index:
                value = row["filled"] if pd.notna(row["filled"]) else row["offered"]
                out.at[y, row["institute"]] = int(value)
    f = lambda v: fmt_number(v, 0, lang)  # noqa: E731
    notes.append(t(lang, f"Instroom: {f(current)} per jaar tot {spec.intake_from - 1}, daarna {f(advised)} per jaar"
                         + (" (per instituut opgegeven)" if per is not None else "")
                         + (" (advies Capaciteitsorgaan 2025)" if spec.intake is None else "")
                         + ("; jaren van de instroomtabel naar de gevulde plaatsen" if table is not None else "")
                         + "; per jaar in hele aios verdeeld (grootste overschot).",
                   f"Intake: {f(current)} a year up to {spec.intake_from - 1}, then {f(advised)} a year"
                   + (" (given per institute)" if per is not None else "")
                   + (" (Capaciteitsorgaan advice 2025)" if spec.intake is None else "")
                   + ("; the years of the intake table by their filled places" if table is not None else "")
                   + "; split in whole trainees each year (largest remainder)."))
    return out


def _base(spec: TrainerSpec, *, ids: list[str], member: pd.Series, gps: pd.Series, lang: str,
          notes: list[str]) -> tuple[pd.Series, pd.DataFrame | None, pd.DataFrame, bool]:
    """Return the base trainers of unknown age per institute, birth years of the others, trainers per municipality."""
    trainers = spec.trainers
    birth = None
    if isinstance(trainers, pd.DataFrame):
        name = Path(trainers.attrs.get("path", "trainers")).name
        born = trainers["birth_year"].where(trainers["birth_year"].notna(), spec.base_year - trainers["age"])
        known = born.notna()
        birth = pd.DataFrame({"institute": trainers.loc[known, "institute"], "birth_year": born[known]})
        base = trainers.loc[~known, "institute"].value_counts().reindex(ids, fill_value=0)
        by_mun = trainers["statcode"].value_counts().reindex(member.index, fill_value=0)
        mun = pd.DataFrame({"trainers": by_mun.astype("int64"), "trainers_estimated": False})
        notes.append(t(lang, f"Opleiders: lijst {name}, {len(trainers)} opleiders; {int(known.sum())} met leeftijd "
                             f"(met pensioen op {spec.retirement_age}), {int((~known).sum())} zonder "
                             f"(uitstroom {fmt_percent(spec.outflow_rate, lang)} per jaar, AANNAME).",
                       f"Trainers: list {name}, {len(trainers)} trainers; {int(known.sum())} with an age (retiring "
                       f"at {spec.retirement_age}), {int((~known).sum())} without (outflow "
                       f"{fmt_percent(spec.outflow_rate, lang)} a year, ASSUMPTION)."))
        return base, birth, mun, False
    outflow = t(lang, f"uitstroom {fmt_percent(spec.outflow_rate, lang)} per jaar (AANNAME, geen gepubliceerd cijfer)",
                f"outflow {fmt_percent(spec.outflow_rate, lang)} a year (ASSUMPTION, no published rate)")
    if isinstance(trainers, pd.Series):
        name = Path(trainers.attrs.get("path", "trainers")).name
        codes = set(map(str, trainers.index))
        as_institutes, as_municipalities = codes <= set(ids), codes <= set(map(str, member.index))
        if not (as_institutes or as_municipalities):
            stray = sorted(codes - set(ids) - set(map(str, member.index)))[:10]
            raise InputError(f"Trainer counts ({name}) must be indexed by institute id ({', '.join(ids)}) or by "
                             f"municipal code of {spec.year}; unknown: {', '.join(stray)}.",
                             key="trainers.counts_index", name=name, ids=", ".join(ids), year=spec.year,
                             stray=", ".join(stray))
        if as_institutes:  # decided by the codes, not by attrs (which pandas may drop)
            base = trainers.reindex(ids, fill_value=0)
            parts = [largest_remainder(int(base[i]), gps[member == i]) for i in ids if (member == i).any()]
            mun = pd.DataFrame({"trainers": pd.concat(parts).reindex(member.index).astype("int64"),
                                "trainers_estimated": True})
            notes.append(t(lang, f"Opleiders: per instituut opgegeven ({name}); per gemeente verdeeld naar aandeel "
                                 f"huisartsen (SCHATTING, alleen voor de werving); {outflow}.",
                           f"Trainers: given per institute ({name}); split over municipalities by GP share "
                           f"(ESTIMATE, for where to recruit only); {outflow}."))
        else:
            by_mun = trainers.reindex(member.index, fill_value=0)
            base = by_mun.groupby(member).sum().reindex(ids, fill_value=0)
            mun = pd.DataFrame({"trainers": by_mun.astype("int64"), "trainers_estimated": False})
            notes.append(t(lang, f"Opleiders: per gemeente opgegeven ({name}); {outflow}.",
                           f"Trainers: given per municipality ({name}); {outflow}."))
        return base, None, mun, False
    split = municipal_trainers(gps, national_total=spec.national_trainers)
    base = split["trainers"].groupby(member).sum().reindex(ids, fill_value=0)
    n = fmt_number(spec.national_trainers, 0, lang)
    notes.append(t(lang, f"Opleiders: SCHATTING — de landelijke {n} (nieuwsbrief 2009) verdeeld naar aandeel "
                         f"huisartsen; er zijn geen aantallen opleiders per instituut gevonden; {outflow}.",
                   f"Trainers: ESTIMATE — the national {n} (2009 newsletter) split by GP share; no trainer counts "
                   f"per institute were found; {outflow}."))
    return base, None, split[["trainers", "trainers_estimated"]], True


def run_trainers(spec: TrainerSpec, *, data_dir: str | Path | None = None, lang: str = "nl") -> TrainerResult:
    """Forecast trainees and trainers per institute and year, and where to recruit.

    Parameters
    ----------
    spec
        What to run (:class:`~regio.trainers.spec.TrainerSpec`).
    data_dir
        Data directory.
    lang
        Language of the notes.

    Returns
    -------
    TrainerResult

    Raises
    ------
    TypeError
        If ``spec`` is no :class:`TrainerSpec`.
    InputError
        For intake or recruitment per institute that does not name every
        institute, or trainers in municipalities not of ``spec.year``.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> res = run_trainers(TrainerSpec(intake=720))
    >>> int(res.summary.loc["NL", "base_trainers"]), int(res.municipal["recruit_target"].sum()) == int(
    ...     res.summary["gap_target"].drop("NL").clip(lower=0).sum())
    (1700, True)
    """
    if not isinstance(spec, TrainerSpec):
        raise TypeError(f"run_trainers takes a TrainerSpec, e.g. run_trainers(TrainerSpec(intake=1026)), not "
                        f"{type(spec).__name__}.")
    notes: list[str] = []
    year = spec.year
    params = read_parameters(spec.model_round, data_dir=data_dir)
    rendement = float(spec.rendement if spec.rendement is not None else params.intern_rendement3)
    current = float(spec.current_intake if spec.current_intake is not None else params.n_inopleiding_perjaar3)
    shapes = data.boundaries("gemeente", year, data_dir=data_dir)
    pop = data.population("gemeente", year, data_dir=data_dir)["population"].reindex(shapes.index)
    if pop.isna().any():
        raise InputError(f"No inhabitants for {int(pop.isna().sum())} municipalities of {year}.",
                         key="trainers.no_inhabitants", n=int(pop.isna().sum()), year=year)
    locations = institutes()
    ids = sorted(set(locations["institute_id"].astype(str)))
    names = locations[locations["kind"] == "main"].set_index("institute_id")["short_name"]
    centres = data.population_centres(year, data_dir=data_dir).loc[shapes.index]
    centres.attrs["centre"] = "population-weighted centre (PC4 inhabitants 2021)"
    centres.attrs["centre_nl"] = "naar inwoners gewogen middelpunt (PC4-inwoners 2021)"
    assignment = assign_nearest(centres, locations, margin=spec.margin, satellites=spec.satellites)
    member = assignment["institute"].astype(str)
    gps = municipal_gp_estimate(pop, year=year, data_dir=data_dir)
    practices = data.practices("gemeente", year, data_dir=data_dir)["n_practices"].reindex(shapes.index,
                                                                                         fill_value=0)
    need_key = pop.groupby(member).sum()
    intake = _intake(spec, ids=ids, need_key=need_key, current=current, lang=lang, notes=notes)
    base, birth, mun_trainers, estimated = _base(spec, ids=ids, member=member, gps=gps["gps"], lang=lang, notes=notes)
    per_trainer: float | pd.Series = spec.trainees_per_trainer
    if isinstance(spec.trainers, pd.DataFrame) and spec.trainers["trainees"].notna().any():
        given = spec.trainers["trainees"].fillna(spec.trainees_per_trainer)
        per_trainer = given.groupby(spec.trainers["institute"]).mean().reindex(ids).fillna(spec.trainees_per_trainer)
        notes.append(t(lang, "Aios per opleider: per instituut het gemiddelde van de lijst (kolom aios; leeg = "
                             f"{fmt_number(spec.trainees_per_trainer, 1, lang)}).",
                       "Trainees per trainer: per institute the mean of the list (column aios; empty = "
                       f"{fmt_number(spec.trainees_per_trainer, 1, lang)})."))
    share_target = (gps["gps"].groupby(member).sum().reindex(ids, fill_value=0) * spec.target_share)
    table, summary = forecast(
        intake, base, base_year=spec.base_year, horizon=spec.horizon, target_year=spec.target_year,
        rendement=rendement, training_years=spec.training_years, practice_years=spec.practice_years,
        trainees_per_trainer=per_trainer, outflow_rate=spec.outflow_rate, birth_years=birth,
        retirement_age=spec.retirement_age,
        recruitment=None if spec.recruitment is None else read_institute_values(
            spec.recruitment, locations=locations, what="recruitment (trainers a year per institute)"),
        share_target=share_target)
    summary.insert(0, "name", names.reindex(summary.index).fillna(t(lang, "Nederland", "Netherlands")))
    summary["target_share_trainers"] = table.xs(spec.base_year, level="year")["target_share_trainers"].reindex(
        summary.index)
    municipal = where_to_recruit(
        assignment, population=pop, gps=gps, practices=practices, trainers=mun_trainers,
        gap=summary["gap_target"].drop("NL"))
    municipal.insert(0, "statnaam", shapes["statnaam"].reindex(municipal.index))
    municipal.insert(2, "institute_name", municipal["institute"].map(names))
    per = fmt_number(spec.trainees_per_trainer, 1 if spec.trainees_per_trainer % 1 else 0, lang)
    prac = ", ".join(map(str, spec.practice_years))
    notes += [
        t(lang, f"Opleiding: {spec.training_years} jaar, praktijkjaren {prac}; intern rendement "
                f"{fmt_percent(rendement, lang)} (model, raming {spec.model_round}), uitval gelijk over de jaren "
                f"verdeeld; benodigde opleiders = aios in een praktijk / aios per opleider ({per}), naar boven "
                "afgerond per instituut.",
          f"Training: {spec.training_years} years, practice years {prac}; internal completion rate (intern "
          f"rendement) {fmt_percent(rendement, lang)} (model, round {spec.model_round}), dropout spread evenly over "
          f"the years; trainers required = trainees in a practice / trainees per trainer ({per}), rounded up per "
          "institute."),
        t(lang, f"Werving: per jaar {spec.base_year + 1}–{spec.target_year} het aantal dat het tekort in "
                f"{spec.target_year} sluit (nieuwe opleiders vertrekken met dezelfde uitstroom); daarna elk jaar "
                f"net genoeg om het tekort gesloten te houden, tot {spec.horizon}.",
          f"Recruitment: each year {spec.base_year + 1}–{spec.target_year} the number that closes the gap in "
          f"{spec.target_year} (recruits leave at the same outflow rate); after it each year just enough to keep "
          f"the gap closed, up to {spec.horizon}."),
        t(lang, f"Tweede maat: {fmt_percent(spec.target_share, lang)} van de huisartsen per gebied opleider "
                f"(afspraak 2009); huisartsen: {gps.attrs.get('method_nl') or gps.attrs.get('method', '')}.",
          f"Second yardstick: {fmt_percent(spec.target_share, lang)} of the GPs per area as trainers (2009 "
          f"agreement); GPs: {gps.attrs.get('method', '')}."),
        t(lang, "Gebieden: dichtstbijzijnde opleidingslocatie; " + assignment.attrs.get("description_nl", "") + ".",
          "Areas: nearest training location; " + assignment.attrs.get("description", "") + "."),
        t(lang, "Praktijken: ZorgkaartNederland 2026 (AFGELEID: geteld per PC4); praktijken, geen huisartsen. "
                "Werfbare praktijken = praktijken − opleiders (hoogstens; een praktijk kan meer opleiders hebben).",
          "Practices: ZorgkaartNederland 2026 (DERIVED: counted per PC4); practices, not GPs. Recruitable "
          "practices = practices − trainers (at most; a practice may have several trainers)."),
    ]
    area_shapes = dissolve(shapes, member, names=names.to_dict())
    return TrainerResult(table=table, summary=summary, municipal=municipal, shapes=shapes, area_shapes=area_shapes,
                         base_year=spec.base_year, target_year=spec.target_year, horizon=spec.horizon,
                         estimated=estimated, notes=notes)
