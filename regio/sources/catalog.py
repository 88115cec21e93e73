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

from regio.sources._files import NO_DATA_HINT
from regio.sources.boundaries import available_boundaries

__all__ = ["MANIFEST", "catalog", "describe_catalog", "provenance"]

MANIFEST = "regio-sources.json"

_KINDS = {
    "tables": "table",
    "physicians": "physicians",
    "crosswalks": "crosswalk",
    "training_institutes": "institutes",
    "capaciteitsorgaan": "model parameters",
}


def provenance(root: Path) -> dict[str, str]:
    """File name (or ``level_year``) -> one line on where it came from."""
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
    return out


#: Columns of the PROVENANCE.md tables that say where a file came from, in the order shown.
_SOURCE_COLUMNS = ("original publisher", "year / reference", "source", "source repo @ snapshot commit : path",
                   "licence (repo / data)")
_SAME = re.compile(r"^(same commit|same|idem)\b\s*:?\s*", re.IGNORECASE)


def _markdown_rows(text: str) -> list[dict[str, str]]:
    """Rows of the markdown tables in ``text`` as dicts keyed by lower-case header.

    A cell reading "idem", "same" or "same commit : path" repeats the cell above it
    (for "same commit : path", the part before the colon with the new path).
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
                if not rest:
                    cell = previous[key]
                elif m.group(1).lower().startswith("same"):  # same repository, another path
                    cell = f"{previous[key].split(' : ')[0]} : {rest}"
                else:
                    cell = f"{previous[key]} {rest}"
            row[key] = cell
            seen.append(cell)
        rows.append(row)
        previous = row
    return rows


def _clean(text: str, limit: int = 200) -> str:
    text = re.sub(r"[`*]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def catalog(root: Path) -> pd.DataFrame:
    """One row per data file: ``kind, name, level, year, path, source``."""
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


def describe_catalog(table: pd.DataFrame, root: Path) -> str:
    """Human-readable summary of :func:`catalog` for ``regio data list``."""
    if table.empty:
        return f"Data directory {root} is empty or missing.\n{NO_DATA_HINT}"
    lines = [f"Data directory: {root}", "", "Boundaries (level: years):"]
    bnd = table[table["kind"] == "boundaries"]
    for level, group in bnd.groupby("level", sort=True):
        years = ", ".join(str(int(y)) for y in sorted(group["year"]))
        lines.append(f"  {level:18s} {years}")
    lines.append("")
    for kind in ["boundaries", *dict.fromkeys(_KINDS.values())]:
        sub = table[table["kind"] == kind]
        if sub.empty:
            continue
        lines.append(f"{kind.capitalize()}:")
        for _, r in sub.iterrows():
            lines.append(f"  {r['name']}")
            if r["source"]:
                lines.append(f"      source: {r['source']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
