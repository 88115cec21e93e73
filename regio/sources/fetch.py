"""``regio data fetch``: download boundaries, population and physician counts into the data directory.

What goes where (the layout of ``shared/data``):

=========================================  ===============================================
``boundaries/{level}_{year}.geojson``      PDOK CBS gebiedsindelingen (:mod:`regio.sources.pdok`)
``tables/population_gemeente_timeseries``  CBS 70072ned, municipal population on 1 January;
``.csv``                                   the fetched year replaces that year's rows, other
                                           years stay (:mod:`regio.sources.statline`)
``physicians/cbs{table}_woonregio_{year}``  CBS 84777NED / 84779NED in the layout of a CBS
``.csv``                                   extract (read by ``regio.physicians``)
``tables/proximity_gemeente_{year}.csv``   CBS nabijheid voorzieningen of the year (only with
                                           ``--what proximity``), in the layout of
                                           ``kerncijfers_gemeente_2024.csv`` (read by
                                           ``regio.data.proximity``; :mod:`regio.sources.statline_proximity`)
``regio-sources.json``                     manifest: file -> source, URL, table, retrieval
                                           time, sha256 (shown by ``regio data list``)
=========================================  ===============================================

Every file is written to a temporary name and moved into place when complete,
and the manifest is updated after each file, so an interrupted fetch leaves
complete files only. Each page of a download is tried again when the
connection drops (:class:`regio.sources._online.Pager`); a part whose page
keeps failing is reported in :attr:`FetchResult.failures` (what, which page,
how far it got) and the other parts are still fetched.

``regio data fetch --dry-run --year YEAR`` (or ``python -m regio.sources.fetch --dry-run``; :func:`dry_run`)
writes nothing: it prints what the sources serve (dimensions, keys and their
widths, topics, period statuses, one WFS answer) and what regio would take,
so that a first online user can confirm the open points of ``docs/data.md``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from regio.config import data_dir as resolve_data_dir
from regio.config import default_data_dir
from regio.errors import InputError, OfflineError, Phrase, RegioError, RegioWarning, format_codes
from regio.levels import get_level
from regio.sources import pdok, statline, statline_describe, statline_proximity
from regio.sources._files import read_table
from regio.sources._online import atomic_path, sha256
from regio.sources.catalog import MANIFEST
from regio.sources.population import TIMESERIES
from regio.sources.proximity import FETCHED_NAME as PROXIMITY_NAME
from regio.text import t

__all__ = [
    "DEFAULT_PARTS",
    "PARTS",
    "FetchResult",
    "check_writable",
    "dry_run",
    "fetch_data",
    "merge_population",
    "read_manifest",
    "update_manifest",
]

log = logging.getLogger(__name__)

#: The word before a part that failed: English, Dutch (``FAILED[lang == "nl"]``).
FAILED = ("failed", "mislukt")
#: What ``fetch_data`` can fetch.
PARTS = ("boundaries", "population", "physicians", "proximity")
#: What it fetches unless told (the proximity indicators only when asked for: CBS has them for some years only).
DEFAULT_PARTS = ("boundaries", "population", "physicians")
POPULATION_COLUMNS = ["year", "statcode", "statnaam", "population", "source"]


@dataclass
class FetchResult:
    """What a fetch wrote, noted and failed to get.

    Attributes
    ----------
    root
        The data directory written to.
    written
        Files written, relative to ``root`` (``boundaries/gemeente_2024.geojson``).
    notes
        Things to tell the user (a year replaced, an earlier physician year taken).
    failures
        Parts that failed, each with the reason.

    Each note and failure is a :class:`~regio.errors.Phrase`: its text is the
    English, and ``note.message("nl")`` says it in Dutch (as ``regio data
    fetch`` does with ``--lang nl``).
    """

    root: Path
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _label(part: str, english: str, **params: object) -> Phrase:
    """Return what a step of the fetch gets (``boundaries gemeente 2025``), said in the language of its message."""
    return Phrase(english, f"sources.fetch.label.{part}", **params)


def check_writable(root: str | Path) -> Path:
    """Create ``root`` if needed and make sure regio can write there.

    Parameters
    ----------
    root
        The data directory (a leading ``~`` is expanded).

    Returns
    -------
    pathlib.Path
        ``root``, which now exists; the probe file written there is removed.

    Raises
    ------
    InputError
        If the folder cannot be created or written, saying which folder to use instead.

    Examples
    --------
    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> root = check_writable(base / "regio" / "data")
    >>> root.is_dir(), list(root.iterdir())
    (True, [])
    >>> _ = (base / "a-file").write_text("")
    >>> check_writable(base / "a-file" / "data")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Cannot write to the data directory .../a-file/data (...). `regio data fetch` writes ...
    """
    root = Path(root).expanduser()
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / f".regio-write-test-{os.getpid()}"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise InputError(
            f"Cannot write to the data directory {root} ({exc.strerror or exc}). `regio data fetch` writes "
            f"into the data directory in use; choose a writable folder with `regio --data-dir DIR data fetch ...` "
            f"(or REGIO_DATA_DIR), e.g. the default {default_data_dir()}.", key="sources.fetch.not_writable",
            path=root, reason=exc.strerror or exc, default=default_data_dir(),
        ) from exc
    return root


def read_manifest(root: str | Path) -> dict[str, dict]:
    """Read the manifest ``regio-sources.json`` of a data directory (empty if absent).

    Parameters
    ----------
    root
        The data directory.

    Returns
    -------
    dict
        File name -> its entry (``path``, ``source``, ``url``, ``table``,
        ``retrieved``, ``sha256``, ...); ``{}`` without a manifest.

    Raises
    ------
    InputError
        If the manifest is not valid JSON or not an object.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> read_manifest(root)
    {}
    >>> _ = (root / MANIFEST).write_text('["gemeente_2025.geojson"]')
    >>> read_manifest(root)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: .../regio-sources.json should hold an object (file name -> source); it holds list.
    """
    path = Path(root) / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON ({exc}); remove or repair it.", key="sources.fetch.bad_json",
                         path=path, reason=exc) from exc
    if not isinstance(data, dict):
        raise InputError(f"{path} should hold an object (file name -> source); it holds {type(data).__name__}.",
                         key="sources.fetch.manifest_not_object", path=path, kind=type(data).__name__)
    return data


def update_manifest(root: str | Path, entries: dict[str, dict]) -> Path:
    """Add or replace manifest entries (file name -> description), keeping the others.

    The manifest is written sorted by file name, atomically.

    Parameters
    ----------
    root
        The data directory.
    entries
        File name -> entry; an entry for a name already listed replaces it.

    Returns
    -------
    pathlib.Path
        The manifest file.

    Raises
    ------
    InputError
        If the existing manifest cannot be read (see :func:`read_manifest`).

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> update_manifest(root, {"provincie_2025.geojson": {"table": "gebiedsindelingen:provincie_gegeneraliseerd"}}).name
    'regio-sources.json'
    >>> _ = update_manifest(root, {"gemeente_2025.geojson": {"table": "gebiedsindelingen:gemeente_gegeneraliseerd"}})
    >>> list(read_manifest(root))
    ['gemeente_2025.geojson', 'provincie_2025.geojson']
    """
    manifest = read_manifest(root)
    manifest.update(entries)
    path = Path(root) / MANIFEST
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(dict(sorted(manifest.items())), indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    return path


def _entry(root: Path, path: Path, info: dict) -> dict[str, dict]:
    return {path.name: {
        "path": path.relative_to(root).as_posix(),
        **info,
        "retrieved": datetime.now(UTC).isoformat(timespec="seconds"),
        "sha256": sha256(path),
    }}


def merge_population(existing: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    """Replace the years of ``new`` in a population time series, keeping the other years (pure).

    Parameters
    ----------
    existing
        The time series as read (text columns), or ``None``.
    new
        Rows ``year, statcode, statnaam, population, source`` of one or more years.

    Returns
    -------
    pandas.DataFrame
        Sorted by year and code; values as text, as they are written.

    Examples
    --------
    >>> old = pd.DataFrame({"year": ["2024", "2025"], "statcode": ["GM1", "GM1"], "statnaam": ["A", "A"],
    ...                     "population": ["10", "11"], "source": ["x", "x"]})
    >>> new = pd.DataFrame({"year": [2025], "statcode": ["GM1"], "statnaam": ["A"], "population": [12],
    ...                     "source": ["y"]})
    >>> merge_population(old, new)["population"].tolist()
    ['10', '12']
    """
    fresh = new.reindex(columns=POPULATION_COLUMNS).astype(str)
    if existing is None or existing.empty:
        out = fresh
    else:
        old = existing.astype(str)
        keep = old[~old["year"].str.strip().isin(set(fresh["year"]))]
        out = pd.concat([keep, fresh], ignore_index=True)
    order = out.assign(_y=out["year"].astype(int)).sort_values(["_y", "statcode"]).index
    return out.loc[order].reset_index(drop=True)


def _physician_year(years: dict[int, bool], year: int, wanted: int | None, table: str, notes: list[str]) -> int:
    if wanted is not None:
        return int(wanted)  # fetch_physician_extract says which years exist if it is not one
    if year in years:
        return year
    earlier = [y for y in years if y < year]
    if not earlier:
        return year  # let the fetch raise, listing the years there are
    chosen = max(earlier)
    provisional = bool(years[chosen])
    notes.append(Phrase(f"physicians: CBS {table} has no {year} yet; fetched its newest year {chosen}"
                        f"{' (provisional)' if provisional else ''}. Use --physician-year to choose another.",
                        "sources.fetch.note_physician_year_provisional" if provisional
                        else "sources.fetch.note_physician_year", table=table, year=year, chosen=chosen))
    return chosen


def fetch_data(
    year: int,
    *,
    levels: Iterable[str] = pdok.DEFAULT_LEVELS,
    parts: Iterable[str] = DEFAULT_PARTS,
    data_dir: str | Path | None = None,
    physician_tables: Iterable[str] = ("84777NED",),
    physician_year: int | None = None,
    proximity_table: str | None = None,
    progress: bool = False,
) -> FetchResult:
    """Fetch boundaries, population and physician counts of ``year`` into the data directory.

    Parameters
    ----------
    year
        Year of the boundaries and of the population (1 January).
    levels
        Boundary levels (default :data:`regio.sources.pdok.DEFAULT_LEVELS`).
    parts
        Any of ``boundaries``, ``population``, ``physicians``, ``proximity``
        (default the first three).
    data_dir
        Where to write (default: the data directory in use, see :func:`regio.config.data_dir`).
    physician_tables
        ``84777NED`` and/or ``84779NED``.
    physician_year
        Year of the physician counts; default ``year``, or the newest year the
        table has before it (said in the notes).
    proximity_table
        CBS table of the proximity indicators, for a year regio does not list
        (:data:`regio.sources.statline_proximity.PROXIMITY_TABLES`).
    progress
        Show progress bars (on standard error).

    Returns
    -------
    FetchResult
        Files written, notes, and the parts that failed (with the reason).

    Raises
    ------
    OfflineError
        At the first source that cannot be reached: nothing else will work either.
    InputError
        For a data directory that cannot be written, or unknown parts or levels.

    Examples
    --------
    >>> result = fetch_data(2024, parts=["population"], data_dir="my-data")  # doctest: +SKIP
    >>> result.written, result.failures  # doctest: +SKIP
    (['tables/population_gemeente_timeseries.csv'], [])
    >>> fetch_data(2024, parts=["wijken"])
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown part(s) to fetch: wijken. Choose from boundaries, population, physicians, \
proximity.
    """
    parts = [p.strip().lower() for p in parts]
    bad = [p for p in parts if p not in PARTS]
    if bad:
        raise InputError(f"Unknown part(s) to fetch: {', '.join(bad)}. Choose from {', '.join(PARTS)}.",
                         key="sources.fetch.unknown_part", parts=", ".join(bad), choices=", ".join(PARTS))
    levels = [get_level(lv).name for lv in levels]
    for lv in levels:
        pdok.type_name(lv)  # raises for a level PDOK does not publish
    root = check_writable(resolve_data_dir(data_dir))
    result = FetchResult(root=root)
    year = int(year)
    steps = (levels if "boundaries" in parts else []) + (["population"] if "population" in parts else []) \
        + ([f"physicians {t}" for t in physician_tables] if "physicians" in parts else []) \
        + (["proximity"] if "proximity" in parts else [])
    overall = tqdm(total=len(steps), desc="regio data fetch", unit="file", disable=not progress, position=0)

    def done(path: Path, info: dict) -> None:
        update_manifest(root, _entry(root, path, info))
        result.written.append(path.relative_to(root).as_posix())
        overall.update(1)

    def attempt(label: Phrase, job) -> None:
        overall.set_postfix_str(label)
        try:
            job()
        except OfflineError:
            raise
        except RegioError as exc:
            result.failures.append(Phrase(f"{label}: {exc}", "sources.fetch.failure", label=label, reason=exc))
            log.info("%s failed: %s", label, exc)  # the caller reports result.failures
            overall.update(1)

    try:
        if "boundaries" in parts:
            for lvl in levels:
                def job(lvl=lvl):
                    path = root / "boundaries" / f"{lvl}_{year}.geojson"
                    with tqdm(desc=f"  {lvl} {year}", unit=" features", disable=not progress,
                              leave=False, position=1) as bar:
                        info = pdok.download_boundaries(lvl, year, path, on_page=bar.update)
                    done(path, info)
                attempt(_label("boundaries", f"boundaries {lvl} {year}", level=lvl, year=year), job)
        if "population" in parts:
            def population_job():
                new = statline.fetch_population(year)
                path = root.joinpath(*TIMESERIES)
                existing = read_table(path) if path.is_file() else None
                replaced = 0 if existing is None else int((existing["year"].str.strip() == str(year)).sum())
                merged = merge_population(existing, new)
                with atomic_path(path) as tmp:
                    merged.to_csv(tmp, index=False)
                if replaced:
                    result.notes.append(Phrase(f"population: replaced {replaced} rows of {year} in {path.name}.",
                                               "sources.fetch.note_replaced", n=replaced, year=year, file=path.name))
                done(path, {
                    "source": f"CBS StatLine {statline.POPULATION_TABLE} (Regionale kerncijfers Nederland), "
                              f"population on 1 January {year} per municipality, for the year {year}; other "
                              "years of this file from earlier sources",
                    "url": statline.table_url(statline.POPULATION_TABLE),
                    "table": statline.POPULATION_TABLE,
                    "year": year,
                    "rows": len(new),
                    "total": int(new["population"].sum()),
                })
            attempt(_label("population", f"population {year}", year=year), population_job)
        if "physicians" in parts:
            for table in physician_tables:
                def physicians_job(table=table):
                    years = statline.physician_years(table)
                    py = _physician_year(years, year, physician_year, table, result.notes)
                    with warnings.catch_warnings(record=True) as caught:
                        warnings.simplefilter("always", RegioWarning)
                        extract = statline.fetch_physician_extract(table=table, year=py)
                    part = _label("physicians", f"physicians {table}", table=table)
                    result.notes += [Phrase(f"{part}: {w.message}", "sources.fetch.note_part", part=part,
                                            note=w.message) for w in caught]
                    path = root / "physicians" / f"cbs{table}_woonregio_{py}.csv"
                    with atomic_path(path) as tmp:
                        extract.to_csv(tmp, index=False)
                    done(path, {
                        "source": f"CBS StatLine {table} ({statline.PHYSICIAN_TABLES.get(table, '')}), {py}; "
                                  + (extract["selection"].iloc[0] if len(extract) else ""),
                        "url": statline.table_url(table),
                        "table": table,
                        "year": py,
                        "rows": len(extract),
                    })
                attempt(_label("physicians", f"physicians {table}", table=table), physicians_job)
        if "proximity" in parts:
            def proximity_job():
                frame, url = statline_proximity.fetch_proximity(year, table=proximity_table)
                path = root / "tables" / PROXIMITY_NAME.format(year=year)
                with atomic_path(path) as tmp:
                    frame.to_csv(tmp, index=False)
                table_id = statline_proximity.proximity_table(year, proximity_table)
                done(path, {
                    "source": f"CBS StatLine {table_id} (Nabijheid voorzieningen; afstand locatie, wijk- en "
                              f"buurtcijfers {year}), municipalities",
                    "url": url,
                    "table": table_id,
                    "year": year,
                    "rows": len(frame),
                })
            attempt(_label("proximity", f"proximity {year}", year=year), proximity_job)
    finally:
        overall.close()
    _check_codes(root, year, result)
    return result


def _check_codes(root: Path, year: int, result: FetchResult) -> None:
    """Note when fetched municipal boundaries and population of a year hold different codes."""
    bnd, pop = root / "boundaries" / f"gemeente_{year}.geojson", root.joinpath(*TIMESERIES)
    if not (f"boundaries/{bnd.name}" in result.written and "/".join(TIMESERIES) in result.written):
        return
    import geopandas as gpd

    codes_b = set(gpd.read_file(bnd, columns=["statcode"])["statcode"].astype(str))
    ts = read_table(pop)
    codes_p = set(ts.loc[ts["year"].str.strip() == str(year), "statcode"].str.strip())
    if codes_b != codes_p:
        result.notes.append(Phrase(
            f"gemeente {year}: boundaries and population differ in codes {format_codes(codes_b ^ codes_p)}; "
            "regio will refuse to combine them until they agree.", "sources.fetch.note_codes_differ", year=year,
            codes=format_codes(codes_b ^ codes_p)))


# ----------------------------------------------------------------------------- dry run

def dry_run(
    year: int,
    *,
    levels: Iterable[str] = pdok.DEFAULT_LEVELS,
    parts: Iterable[str] = DEFAULT_PARTS,
    physician_tables: Iterable[str] = tuple(statline.PHYSICIAN_TABLES),
    proximity_table: str | None = None,
    lang: str = "en",
) -> list[str]:
    """Show what the online sources serve and what regio would take from them; write nothing.

    For each CBS table: its metadata (dimensions with keys and key widths,
    topics with ``Datatype``/``Unit``/``Decimals``, periods with ``Status``) and
    the categories and topic regio would use; for PDOK: one answer of one
    feature per level (members, ``numberMatched``, ``crs``, ``bbox``,
    ``Content-Type``, properties). Only metadata and single features are
    downloaded. Run it as ``python -m regio.sources.fetch --dry-run --year YEAR``.

    Parameters
    ----------
    year
        Year of the boundaries (PDOK).
    levels
        Boundary levels to sample.
    parts
        Any of ``boundaries``, ``population``, ``physicians``, ``proximity``.
    physician_tables
        CBS tables of BIG-registered professionals to describe.
    proximity_table
        CBS table of the proximity indicators (default that of ``year``).
    lang
        Language of regio's own words (``"nl"`` or ``"en"``); what the services
        answer (keys, titles, types) is shown as they send it.

    Returns
    -------
    list of str
        The lines to print; a source that fails adds a ``failed:`` line (``mislukt:`` in Dutch).

    Raises
    ------
    OfflineError
        At the first source that cannot be reached.
    InputError
        For unknown parts or levels.

    Examples
    --------
    >>> for line in dry_run(2025, parts=["population"]):  # doctest: +SKIP
    ...     print(line)
    CBS 70072ned  https://opendata.cbs.nl/ODataFeed/odata/70072ned/
      dimensions (Type Key 'Title': categories):
        GeoDimension   RegioS "Regio's": ...
    """
    parts = [p.strip().lower() for p in parts]
    bad = [p for p in parts if p not in PARTS]
    if bad:
        raise InputError(f"Unknown part(s): {', '.join(bad)}. Choose from {', '.join(PARTS)}.",
                         key="sources.fetch.unknown_dry_run_part", parts=", ".join(bad), choices=", ".join(PARTS))
    levels = [get_level(lv).name for lv in levels]
    for lv in levels:
        pdok.type_name(lv)
    lines = [t(lang, f"Proefdraaien: er wordt niets geschreven. CBS StatLine {statline.cbs_url()}, PDOK "
                     f"{pdok.pdok_url()}",
               f"Dry run: nothing is written. CBS StatLine {statline.cbs_url()}, PDOK {pdok.pdok_url()}"), ""]

    def attempt(label: str, job) -> None:
        try:
            lines.extend(job())
        except OfflineError:
            raise
        except RegioError as exc:
            lines.append(f"{FAILED[lang == 'nl']}: {label}: {exc.message(lang)}")
        lines.append("")

    tables = ([(t, "physicians") for t in physician_tables] if "physicians" in parts else []) + \
        ([(statline.POPULATION_TABLE, "population")] if "population" in parts else [])
    for table, purpose in tables:
        attempt(f"CBS {table}", lambda tb=table, pu=purpose: statline_describe.describe_table(
            statline.fetch_metadata(tb), purpose=pu, lang=lang))
    if "proximity" in parts:
        def describe_proximity() -> list[str]:
            table_id = statline_proximity.proximity_table(int(year), proximity_table)
            meta = statline.fetch_metadata(table_id)
            path = f"tables/{PROXIMITY_NAME.format(year=int(year))}"
            return [*statline_describe.describe_table(meta, lang=lang),
                    *statline_proximity.describe_proximity(meta, lang=lang),
                    t(lang, f"  zou {path} schrijven (gemeenten van {table_id})",
                      f"  would write {path} (municipalities of {table_id})")]
        attempt(t(lang, f"CBS nabijheid {year}", f"CBS proximity {year}"), describe_proximity)
    if "boundaries" in parts:
        for lvl in levels:
            attempt(f"PDOK {lvl} {year}", lambda lv=lvl: pdok.describe_answer(*pdok.sample_answer(lv, int(year)),
                                                                            lang=lang))
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m regio.sources.fetch --dry-run --year YEAR``: print :func:`dry_run`; exit 2 on failures."""
    parser = argparse.ArgumentParser(
        prog="python -m regio.sources.fetch",
        description="Show what CBS StatLine and PDOK serve and what regio would take from it, writing nothing. "
                    "(`regio data fetch` downloads.)")
    parser.add_argument("--dry-run", action="store_true", required=True, help="Write nothing (required).")
    parser.add_argument("--year", "-y", type=int, required=True, help="Year of the boundaries.")
    parser.add_argument("--levels", default=",".join(pdok.DEFAULT_LEVELS[:2]),
                        help="Boundary levels to sample, comma separated (default: %(default)s).")
    parser.add_argument("--what", default=",".join(DEFAULT_PARTS), help="boundaries, population, physicians, "
                        "proximity.")
    parser.add_argument("--physician-table", dest="physician_tables", action="append",
                        help="CBS table(s) to describe (default: 84777NED and 84779NED).")
    args = parser.parse_args(argv)
    try:
        lines = dry_run(args.year, levels=[lv for lv in args.levels.split(",") if lv.strip()],
                        parts=[p for p in args.what.split(",") if p.strip()],
                        physician_tables=args.physician_tables or tuple(statline.PHYSICIAN_TABLES))
    except RegioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 2 if any(line.startswith("failed:") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
