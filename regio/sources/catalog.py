"""What the data directory holds and where each file came from.

Provenance comes from ``regio-sources.json`` (written by ``regio data fetch``:
file -> source URL, table, date) or, for a folder like ``shared/data``, from
the lines of its ``PROVENANCE.md`` that name the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from regio.sources.boundaries import available_boundaries

__all__ = ["MANIFEST", "catalog", "provenance"]

MANIFEST = "regio-sources.json"

_KINDS = {
    "tables": "table",
    "physicians": "physicians",
    "crosswalks": "crosswalk",
    "training_institutes": "institutes",
    "capaciteitsorgaan": "model parameters",
    "practices": "practices",
}


def provenance(root: Path) -> dict[str, str]:
    r"""Return file name -> one line on where it came from.

    Entries of the manifest come first (``source; table: ...; url: ...;
    retrieved: ...``); ``PROVENANCE.md`` adds the files its tables name in
    their first column (a cell reading "idem" or "same" repeats the one
    above), and those a paragraph begins with (`` `nivel_gp_workforce.csv`
    (93 rows): Nivel ...``, its sentences up to the limit), without
    overriding the manifest.

    Parameters
    ----------
    root
        The data directory.

    Returns
    -------
    dict
        File name (``gemeente_2024.geojson``, ``kerncijfers_gemeente_2024.csv``)
        -> source line (at most 600 characters); empty when neither file exists.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / MANIFEST).write_text(json.dumps({"gemeente_2025.geojson": {
    ...     "path": "boundaries/gemeente_2025.geojson", "source": "CBS gebiedsindelingen 2025 via PDOK",
    ...     "table": "gebiedsindelingen:gemeente_gegeneraliseerd", "retrieved": "2025-06-01T12:00:00+00:00",
    ...     "sha256": "0123abcd"}}))
    >>> _ = (root / "PROVENANCE.md").write_text(
    ...     "| file | original publisher | source |\n"
    ...     "|---|---|---|\n"
    ...     "| `kerncijfers_gemeente_2024.csv` | CBS | Kerncijfers wijken en buurten 2024 |\n"
    ...     "| `kerncijfers_gemeente_2022.csv` | idem | Kerncijfers wijken en buurten 2022 |\n"
    ...     "\n`physicians/nivel_gp.csv` (12 rows): Nivel, working GPs.\nTranscribed from `a/b` @ 0123.\n")
    >>> for name, line in provenance(root).items():
    ...     print(f"{name}: {line}")
    gemeente_2025.geojson: CBS gebiedsindelingen 2025 via PDOK; table: gebiedsindelingen:gemeente_gegeneraliseerd;
        retrieved: 2025-06-01T12:00:00+00:00
    kerncijfers_gemeente_2024.csv: CBS; Kerncijfers wijken en buurten 2024
    kerncijfers_gemeente_2022.csv: CBS; Kerncijfers wijken en buurten 2022
    nivel_gp.csv: (12 rows): Nivel, working GPs. Transcribed from a/b @ 0123.
    """
    out: dict[str, str] = {}
    manifest = root / MANIFEST
    if manifest.is_file():
        for name, entry in json.loads(manifest.read_text(encoding="utf-8")).items():
            out[name] = entry if isinstance(entry, str) else "; ".join(
                str(v) if k == "source" else f"{k}: {v}"
                for k, v in entry.items() if k in ("source", "table", "url", "retrieved"))
    prov = root / "PROVENANCE.md"
    if prov.is_file():
        for row in _markdown_rows(prov.read_text(encoding="utf-8")):
            first = next(iter(row.values()), "")
            # "gp_training_institutes.csv / .geojson": the second name shares the stem of the first
            first = re.sub(r"([\w.-]+?)\.(\w+)\s*/\s*\.(\w+)", r"\1.\2 \1.\3", first)
            names = re.findall(r"[\w.-]+\.(?:geojson|csv|json)", first)
            # rows that list several boundary files by stem ("provincie_2015, coropgebied_2015 (40)")
            names += [f"{stem}.geojson" for stem in re.findall(r"\b([a-z]+_\d{4})\b(?!\.)", first)]
            line = _clean("; ".join(row[k] for k in _SOURCE_COLUMNS if row.get(k)))
            for name in names:
                out.setdefault(name, line)
        for name, line in _paragraph_files(prov.read_text(encoding="utf-8")):
            out.setdefault(name, line)
    return out


_PARAGRAPH_FILE = re.compile(r"`(?:[\w.-]+/)*([\w.-]+\.(?:geojson|csv|json))`\s*")


def _paragraph_files(text: str, limit: int = 600) -> list[tuple[str, str]]:
    """``(file name, text)`` of each paragraph of ``text`` that begins with a file name in backticks.

    The text is the rest of the paragraph, cut after its last whole sentence
    within ``limit`` characters (``…`` when one sentence is longer).
    """
    out = []
    for para in re.split(r"\n\s*\n", text):
        hit = _PARAGRAPH_FILE.match(para)
        if not hit:
            continue
        rest = _clean(para[hit.end():], limit=10 * limit)
        if len(rest) > limit:
            end = rest.rfind(". ", 0, limit)
            rest = rest[: end + 1] if end > 0 else rest[: limit - 1] + "…"
        out.append((hit.group(1), rest))
    return out


#: Columns of the PROVENANCE.md tables that say where a file came from, in the order shown.
_SOURCE_COLUMNS = ("original publisher", "year / reference", "source", "source repo @ snapshot commit : path",
                   "licence (repo / data)")
_SAME = re.compile(r"^(same commit|same|idem)\b\s*:?\s*", re.IGNORECASE)


def _markdown_rows(text: str) -> list[dict[str, str]]:
    """Rows of the markdown tables in ``text`` as dicts keyed by lower-case header.

    A cell reading "idem", "same" or "same commit : path" repeats the cell above it
    (for "same commit : path", the part before the colon with the new path). As in
    shared/data's PROVENANCE.md, "idem" means the same source as the row above, for the
    file of its own row: where both rows name one file (``zorgkantoorregio_2024.geojson``
    above ``veiligheidsregio_2024.geojson``), the layer or file name of the row above in the
    repeated text (``zorgkantoorregio_gegeneraliseerd``) becomes that of the row's own file
    (``veiligheidsregio_gegeneraliseerd``).
    """
    rows: list[dict[str, str]] = []
    seen: list[str] = []  # every cell so far, to resolve "X (see above)"
    header: list[str] | None = None
    previous: dict[str, str] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("|"):
            header, previous = None, {}
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if i + 1 < len(lines) and lines[i + 1].startswith("|---"):
            header, previous = [c.lower() for c in cells], {}
            continue
        if line.startswith("|---") or header is None:
            continue
        row = {}
        for key, cell in zip(header, cells, strict=False):
            above = re.fullmatch(r"`?([\w.-]+)`?\s*\(see above\)", cell)
            if above:  # "ties (see above)": the repository named earlier
                hit = next((c for c in seen if re.search(rf"\b{re.escape(above.group(1))}\b", c) and " @ " in c), None)
                cell = hit.split(" : ")[0] if hit else cell
            m = _SAME.match(cell)
            if m and previous.get(key):
                rest = cell[m.end():]
                above_cell = _own_file(previous[key], previous.get(header[0], ""), row.get(header[0], ""))
                if not rest:
                    cell = above_cell
                elif m.group(1).lower().startswith("same"):  # same repository, another path
                    cell = f"{previous[key].split(' : ')[0]} : {rest}"
                else:
                    cell = f"{above_cell} {rest}"
            row[key] = cell
            seen.append(cell)
        rows.append(row)
        previous = row
    return rows


_FILE_STEM = re.compile(r"\b([A-Za-z][\w-]*?)_(\d{4})\b")


def _own_file(text: str, above: str, own: str) -> str:
    """``text`` repeated from the row naming ``above`` for the row naming ``own``: its file's name or layer.

    Examples
    --------
    >>> _own_file("CBS gebiedsindelingen 2024 (zorgkantoorregio_gegeneraliseerd)",
    ...           "zorgkantoorregio_2024.geojson", "veiligheidsregio_2024.geojson")
    'CBS gebiedsindelingen 2024 (veiligheidsregio_gegeneraliseerd)'
    >>> _own_file("GPL-3 / CBS open data", "gemeente_2014.geojson", "provincie_2014.geojson")
    'GPL-3 / CBS open data'
    """
    before = {m[0] for m in _FILE_STEM.findall(re.sub(r"[`*]", "", above))}
    after = {m[0] for m in _FILE_STEM.findall(re.sub(r"[`*]", "", own))}
    if len(before) != 1 or len(after) != 1 or before == after:
        return text  # not one file each (or the same name): nothing to put in its place
    (old,), (new,) = before, after
    return re.sub(rf"\b{re.escape(old)}_", f"{new}_", text)


def _clean(text: str, limit: int = 600) -> str:
    text = re.sub(r"[`*]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def catalog(root: Path) -> pd.DataFrame:
    """List the data files, one row each: ``kind, name, level, year, path, source``.

    Boundary files (``boundaries/{level}_{year}.*``) get their level and
    year; files in ``tables/``, ``physicians/``, ``crosswalks/``,
    ``training_institutes/``, ``capaciteitsorgaan/`` and ``practices/`` their kind. The
    source comes from :func:`provenance`.

    Parameters
    ----------
    root
        The data directory.

    Returns
    -------
    pandas.DataFrame
        Columns ``kind`` (``boundaries``, ``table``, ``physicians``,
        ``crosswalk``, ``institutes``, ``model parameters``, ``practices``), ``name``,
        ``level`` and ``year`` (boundaries only), ``path``, ``source`` ("" if
        unknown); no rows when ``root`` does not exist.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for part in ("boundaries/gemeente_2024.geojson", "boundaries/gemeente_2025.geojson",
    ...              "tables/population_gemeente_timeseries.csv"):
    ...     (root / part).parent.mkdir(exist_ok=True)
    ...     _ = (root / part).write_text("")
    >>> table = catalog(root)
    >>> table[["kind", "name"]]
             kind                                name
    0  boundaries               gemeente_2024.geojson
    1  boundaries               gemeente_2025.geojson
    2       table  population_gemeente_timeseries.csv
    >>> bnd = table[table["kind"] == "boundaries"]
    >>> list(zip(bnd["level"], bnd["year"].astype(int).tolist()))
    [('gemeente', 2024), ('gemeente', 2025)]
    >>> catalog(root / "missing").empty
    True
    """
    cols = ["kind", "name", "level", "year", "path", "source"]
    if not root.is_dir():
        return pd.DataFrame(columns=cols)
    prov = provenance(root)
    rows = []
    for _, r in available_boundaries(root).iterrows():
        name = Path(r["path"]).name
        rows.append({"kind": "boundaries", "name": name, "level": r["level"], "year": int(r["year"]),
                     "path": r["path"], "source": prov.get(name, "")})
    for sub, kind in _KINDS.items():
        folder = root / sub
        if folder.is_dir():
            for p in sorted(folder.iterdir()):
                if p.is_file():
                    rows.append({"kind": kind, "name": p.name, "level": None, "year": None, "path": p,
                                 "source": prov.get(p.name, "")})
    return pd.DataFrame(rows, columns=cols)
