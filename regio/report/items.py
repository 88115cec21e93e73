"""What the atlas sections and the atlas share: the context a section builds in and the items it returns.

Each section of :mod:`regio.report.sections` imports these types from here
(not from :mod:`regio.report.atlas`, which imports the sections), so the
dependency runs one way: ``items`` <- ``sections`` <- ``atlas``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["AtlasContext", "AtlasItem", "SkippedSection", "table_items"]


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
    said
        Warnings already given in this build (a warning two sections would
        give is given once).
    """

    out: Path
    data_dir: Path | None = None
    lang: str = "nl"
    progress: bool = True
    options: dict = field(default_factory=dict)
    said: set = field(default_factory=set)

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

        Raises
        ------
        regio.errors.OutputError
            If ``out / name`` lies outside :attr:`out`, or its folder cannot be made.

        Examples
        --------
        >>> import tempfile
        >>> ctx = AtlasContext(out=Path(tempfile.mkdtemp()))
        >>> p = ctx.path("tables/density.csv")
        >>> p.relative_to(ctx.out).as_posix(), p.parent.is_dir(), p.exists()
        ('tables/density.csv', True, False)
        """
        from regio.report.outputs import failed_write, inside

        p = inside(self.out, name)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise failed_write(p, exc) from None
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
