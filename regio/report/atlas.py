"""Build the atlas: every map and table regio can make from the data, plus an index page.

Each section of the atlas lives in a module of :mod:`regio.report.sections`
with a function ``build(ctx: AtlasContext) -> list[AtlasItem]`` that computes
its numbers once (pure analysis functions), writes maps and tables into
``ctx.out`` and returns what it wrote. :data:`SECTIONS` lists the modules in
the order of the index page. A section whose data is missing is listed on the
index page with the reason, not dropped silently.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm.auto import tqdm

from regio.errors import DataNotFoundError, UnknownYearError

__all__ = ["SECTIONS", "AtlasContext", "AtlasItem", "SkippedSection", "build_atlas", "table_items"]

log = logging.getLogger(__name__)

#: (section name, module) in the order of the index page.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("population", "regio.report.sections.population"),
    ("density", "regio.report.sections.density"),
    ("recruitment", "regio.report.sections.recruitment"),
    ("allocation", "regio.report.sections.allocation"),
    ("model", "regio.report.sections.model"),
)


@dataclass(frozen=True)
class AtlasItem:
    """One file of the atlas.

    Attributes
    ----------
    section
        Section name (``population``, ``density`` ...).
    title
        Title on the index page.
    path
        Path relative to the atlas directory.
    kind
        ``"map"`` (interactive HTML), ``"image"``, ``"table"``, ``"chart"`` or
        ``"notes"`` (the source and method lines beside a table, ``.notes.txt``).
    description
        One or two sentences: what it shows, source and year.
    """

    section: str
    title: str
    path: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class SkippedSection:
    """A section that could not be built, with the reason shown on the index page."""

    section: str
    reason: str


@dataclass
class AtlasContext:
    """What a section needs to build its part of the atlas.

    Attributes
    ----------
    out
        Atlas directory (created).
    data_dir
        Data directory (``None``: the configured default).
    lang
        ``"nl"`` or ``"en"`` for labels.
    progress
        Whether to show progress bars.
    options
        Free-form options per section (e.g. ``{"density": {...}}``).
    """

    out: Path
    data_dir: Path | None = None
    lang: str = "nl"
    progress: bool = True
    options: dict = field(default_factory=dict)

    def path(self, name: str) -> Path:
        """Absolute path of a file in the atlas directory, creating its folder.

        Parameters
        ----------
        name
            Path relative to :attr:`out` (may contain folders).

        Returns
        -------
        pathlib.Path
            ``out / name``; its parent folder exists afterwards.

        Examples
        --------
        >>> import tempfile
        >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()))
        >>> p = ctx.path("tables/density.csv")
        >>> p.relative_to(ctx.out).as_posix(), p.parent.is_dir(), p.exists()
        ('tables/density.csv', True, False)
        """
        p = self.out / name
        p.parent.mkdir(parents=True, exist_ok=True)
        return p


def table_items(section: str, title: str, paths: Iterable[Path], out: Path, *, lang: str = "nl",
                description: str = "") -> list[AtlasItem]:
    """Index entries for the files :func:`regio.report.export.write_table` wrote: CSV, Excel and notes.

    Sections list what ``write_table`` returned, so that the index links
    every file written, the notes beside a table included.

    Parameters
    ----------
    section
        Section name.
    title
        Title of the table; the format is added (``(CSV)``, ``(Excel)``,
        ``(toelichting)`` / ``(notes)``).
    paths
        The files written, inside ``out``.
    out
        The atlas directory (paths are made relative to it).
    lang
        ``"nl"`` or ``"en"``.
    description
        Shown under the CSV entry.

    Returns
    -------
    list of AtlasItem
        One per file, in the order CSV, Excel, notes.

    Examples
    --------
    >>> out = Path("/tmp/atlas")
    >>> items = table_items("model", "Modeluitkomsten per jaar", [out / "jaren.csv", out / "jaren.notes.txt",
    ...                     out / "jaren.xlsx"], out)
    >>> [(it.title, it.path, it.kind) for it in items]  # doctest: +NORMALIZE_WHITESPACE
    [('Modeluitkomsten per jaar (CSV)', 'jaren.csv', 'table'),
     ('Modeluitkomsten per jaar (Excel)', 'jaren.xlsx', 'table'),
     ('Modeluitkomsten per jaar (toelichting)', 'jaren.notes.txt', 'notes')]
    """
    formats = {".csv": (0, "table", "CSV"), ".xlsx": (1, "table", "Excel"),
               ".notes.txt": (2, "notes", "toelichting" if lang == "nl" else "notes")}
    items = []
    for path in paths:
        path = Path(path)
        suffix = ".notes.txt" if path.name.endswith(".notes.txt") else path.suffix
        order, kind, label = formats.get(suffix, (3, "table", suffix.lstrip(".")))
        try:
            rel = path.relative_to(out).as_posix()
        except ValueError:  # already relative to the atlas directory
            rel = path.as_posix()
        items.append((order, AtlasItem(section, f"{title} ({label})", rel, kind,
                                       description if suffix == ".csv" else "")))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _load(module: str) -> Callable[[AtlasContext], list[AtlasItem]]:
    return importlib.import_module(module).build


def build_atlas(
    out: str | Path = "maps",
    *,
    sections: Iterable[str] | None = None,
    data_dir: str | Path | None = None,
    lang: str = "nl",
    progress: bool = True,
) -> tuple[list[AtlasItem], list[SkippedSection]]:
    """Build the atlas into ``out`` and write ``out/index.html`` linking every file.

    Parameters
    ----------
    out
        Atlas directory.
    sections
        Names of sections to build (default: all of :data:`SECTIONS`).
    data_dir
        Data directory.
    lang
        Label language, ``"nl"`` or ``"en"``.
    progress
        Show a progress bar over the sections.

    Returns
    -------
    tuple
        The items written (list of :class:`AtlasItem`) and the sections
        skipped for lack of data (list of :class:`SkippedSection`).

    Raises
    ------
    InputError
        For an unknown section name (before anything is built).

    Examples
    --------
    A section whose data is missing is skipped with its reason, and the index
    page is written all the same:

    >>> import tempfile
    >>> out, empty = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> items, skipped = build_atlas(out, sections=["population"], data_dir=empty, progress=False)
    >>> items, skipped
    ([], [SkippedSection(section='population', reason='No year with both municipal population and boundaries.')])
    >>> sorted(p.name for p in out.iterdir())
    ['index.html']
    >>> build_atlas(out, sections=["population", "weather"])
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown atlas section(s) weather; known: population, density, recruitment, ...
    """
    from regio.maps.index_page import index_html
    from regio.report.export import write_html

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = list(sections) if sections is not None else [name for name, _ in SECTIONS]
    known = dict(SECTIONS)
    unknown = [s for s in wanted if s not in known]
    if unknown:
        from regio.errors import InputError

        raise InputError(f"Unknown atlas section(s) {', '.join(unknown)}; known: {', '.join(known)}.")
    ctx = AtlasContext(out=out, data_dir=Path(data_dir) if data_dir else None, lang=lang, progress=progress)
    items: list[AtlasItem] = []
    skipped: list[SkippedSection] = []
    for name in tqdm(wanted, desc="atlas", unit="section", disable=not progress):
        try:
            items.extend(_load(known[name])(ctx))
        except (DataNotFoundError, UnknownYearError) as exc:
            log.warning("atlas section %s skipped: %s", name, exc)
            skipped.append(SkippedSection(name, str(exc)))
    write_html(index_html(items, skipped, lang=lang), out / "index.html")
    return items, skipped
