"""Build the atlas: every map and table regio can make from the data, plus an index page.

Each section of the atlas lives in a module of :mod:`regio.report.sections`
with a function ``build(ctx: AtlasContext) -> SectionPage`` that computes
its numbers once (pure analysis functions), writes maps and tables into
``ctx.out`` and returns its heading, the sentence that answers its question
and what it wrote (:class:`regio.report.items.SectionPage`). :data:`SECTIONS`
lists the modules in the order of the index page
(:func:`regio.report.index_page.index_html`): a new section is one more
entry there, and one module. A section whose data is missing is listed on the
index page with the reason, not dropped silently.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from tqdm.auto import tqdm

from regio.errors import DataNotFoundError, UnknownYearError
from regio.report.items import AtlasContext, AtlasItem, SectionPage, SkippedSection, section_title, table_items

__all__ = ["SECTIONS", "AtlasContext", "AtlasItem", "SectionPage", "SkippedSection", "build_atlas", "table_items"]

log = logging.getLogger(__name__)

#: (section name, module) in the order of the index page.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("access", "regio.report.sections.access"),
    ("population", "regio.report.sections.population"),
    ("density", "regio.report.sections.density"),
    ("recruitment", "regio.report.sections.recruitment"),
    ("trainers", "regio.report.sections.trainers"),
    ("allocation", "regio.report.sections.allocation"),
    ("model", "regio.report.sections.model"),
)


def _load(name: str) -> Callable[[AtlasContext], SectionPage | list[AtlasItem]]:
    """Return the ``build`` of a section, its module imported on first use (``regio atlas --help`` stays quick).

    The sections import their shared types from :mod:`regio.report.items`, not
    from this module, so there is no import cycle.
    """
    return importlib.import_module(dict(SECTIONS)[name]).build


def _page(name: str, built: SectionPage | list[AtlasItem], lang: str) -> SectionPage:
    """Return a section's page; a section that returns only its files gets its heading and no headline."""
    if isinstance(built, SectionPage):
        return built
    return SectionPage(name, section_title(name, lang), "", tuple(built))


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
    >>> items, [skip.section for skip in skipped], skipped[0].reason  # the reason in the atlas's language
    ([], ['population'], 'Geen jaar met zowel gemeentelijke bevolking als gemeentegrenzen.')
    >>> sorted(p.name for p in out.iterdir())
    ['index.html']
    >>> build_atlas(out, sections=["population", "weather"])
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown atlas section(s) weather; known: access, population, density, ...
    """
    from regio.report.export import write_html
    from regio.report.index_page import index_html
    from regio.report.outputs import check_output, failed_write, output_rules

    out = Path(out)
    wanted = list(sections) if sections is not None else [name for name, _ in SECTIONS]
    known = dict(SECTIONS)
    unknown = [s for s in wanted if s not in known]
    if unknown:
        from regio.errors import InputError

        raise InputError(f"Unknown atlas section(s) {', '.join(unknown)}; known: {', '.join(known)}.",
                         key="report.atlas.unknown_sections", sections=", ".join(unknown), known=", ".join(known))
    ctx = AtlasContext(out=out, data_dir=Path(data_dir) if data_dir else None, lang=lang, progress=progress)
    items: list[AtlasItem] = []
    pages: list[SectionPage] = []
    skipped: list[SkippedSection] = []
    # every file goes into out (and not into the data directory); each is written whole or not at all
    with output_rules([out], data_dirs=[data_dir] if data_dir else ()):
        check_output(out, option="--out")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise failed_write(out, exc) from None
        for name in tqdm(wanted, desc="atlas", unit="sectie" if lang == "nl" else "section", disable=not progress):
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                page = _page(name, _load(name)(ctx), lang)
                pages.append(page)
                items.extend(page.items)
            except (DataNotFoundError, UnknownYearError) as exc:
                log.info("atlas section %s skipped: %s", name, exc)  # the index page and the command say it
                skipped.append(SkippedSection(name, exc.message(lang)))  # in the language of the atlas
            # shown with `regio -v atlas`: where the time of a build goes (benchmarks/atlas_time.py sums it)
            log.info("atlas section %s: %.2f s CPU, %.2f s wall", name, time.process_time() - cpu,
                     time.perf_counter() - wall)
        # last, so that the index links only files written whole; a failure above leaves the old index
        from regio.config import data_dir as configured

        data = str(Path(data_dir) if data_dir else configured())
        write_html(index_html(pages, skipped, lang=lang, data=data), out / "index.html")
    return items, skipped
