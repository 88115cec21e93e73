"""What the atlas sections and the atlas share: the context a section builds in and the items it returns.

Each section of :mod:`regio.report.sections` imports these types from here
(not from :mod:`regio.report.atlas`, which imports the sections), so the
dependency runs one way: ``items`` <- ``sections`` <- ``atlas``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["AtlasContext", "AtlasItem", "SectionPage", "SkippedSection", "Thumbnail", "section_title", "table_items",
           "thumbnails"]


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
class Thumbnail:
    """A picture on the index page (a section's PNG) that links to its map or chart.

    Attributes
    ----------
    image
        Path of the PNG, relative to the atlas directory.
    link
        Path of the page it opens (the interactive map or chart).
    caption
        What it shows (the map's title).
    """

    image: str
    link: str
    caption: str


@dataclass(frozen=True)
class SectionPage:
    """What a section gives the index page: its heading, the one sentence that answers its question, and its files.

    Every section's ``build(ctx)`` returns one; the index lays them out in
    the order of :data:`regio.report.atlas.SECTIONS` (title, headline,
    thumbnails, then the files).

    Attributes
    ----------
    section
        Section name (``population``, ``density`` ...).
    title
        Heading on the index page (:func:`section_title`).
    headline
        One or two sentences with the numbers: the answer to the section's question.
    items
        The files written (maps, images, tables, notes).
    pictures
        The thumbnails; when empty, :func:`thumbnails` finds them in ``items``.
    """

    section: str
    title: str
    headline: str
    items: tuple[AtlasItem, ...]
    pictures: tuple[Thumbnail, ...] = ()

    @property
    def thumbnails(self) -> tuple[Thumbnail, ...]:
        """The thumbnails given, else one per PNG of :attr:`items` that has its map or chart beside it."""
        return self.pictures or thumbnails(self.items)


def thumbnails(items: Iterable[AtlasItem]) -> tuple[Thumbnail, ...]:
    """One thumbnail per image among ``items``, linking to the map or chart of the same name.

    Examples
    --------
    >>> thumbnails([AtlasItem("model", "Advies", "m.html", "map"), AtlasItem("model", "Advies (PNG)", "m.png",
    ...            "image"), AtlasItem("model", "Tabel", "m.csv", "table")])
    (Thumbnail(image='m.png', link='m.html', caption='Advies'),)
    """
    items = list(items)
    pages = {Path(it.path).with_suffix("").as_posix(): it for it in items if it.kind in ("map", "chart")}
    out = []
    for it in items:
        if it.kind == "image":
            page = pages.get(Path(it.path).with_suffix("").as_posix())
            out.append(Thumbnail(it.path, page.path if page else it.path, page.title if page else it.title))
    return tuple(out)


#: Headings of the sections on the index page; a section without one is headed by its name.
SECTION_TITLES = {
    "nl": {"access": "Waar is de huisartsenzorg het krapst?", "population": "Bevolking",
           "density": "Artsendichtheid", "recruitment": "Wervingsgebieden en opleiders",
           "trainers": "Opleiders: prognose en werving", "allocation": "Verdeling van het landelijke advies",
           "model": "Ramingsmodel huisartsen"},
    "en": {"access": "Where is GP care scarcest?", "population": "Population", "density": "Physician density",
           "recruitment": "Recruitment areas and trainers", "trainers": "Trainers: forecast and recruitment",
           "allocation": "National advice split over regions", "model": "GP forecasting model"},
}


def section_title(section: str, lang: str = "nl") -> str:
    """Return the heading of a section on the index page.

    Examples
    --------
    >>> section_title("density"), section_title("density", "en"), section_title("weather")
    ('Artsendichtheid', 'Physician density', 'weather')
    """
    return SECTION_TITLES.get(lang, SECTION_TITLES["en"]).get(section, section)


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
