"""Density outputs: the table as written (CSV, Excel with notes), the map (HTML, PNG) and what the terminal shows.

Shared by ``regio density``, ``regio map density`` and the atlas section
(:mod:`regio.report.sections.density`); the maps are drawn in memory by
:mod:`regio.maps.density` and written by :mod:`regio.report.export`.

The analysis table holds codes (``comparison``: below / similar / above,
``band``: under / around / over), the same in every language; the words come
from the catalogue :mod:`regio.labels` here: the terminal shows the words in
place of the codes, the table files keep the codes and add the words beside
them (``comparison_label``, ``band_label``), so that a CSV's numbers and codes
are the same whatever ``--lang``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from regio.labels import band_words, cell_words, comparison_words, label
from regio.maps.core import map_html
from regio.maps.density import INSTITUTES_LEGEND, density_map
from regio.maps.static import static_map
from regio.report.export import write_html, write_image, write_table
from regio.report.outputs import output_file, safe_stem

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from regio.density.run import DensityResult

__all__ = ["SHOWN", "density_stem", "export_table", "table_words", "terminal_tables", "totals_words", "write_density"]

#: Columns of the density table shown on the terminal (when present), in this order.
SHOWN = ["statnaam", "count", "population", "rate_per_100k", "lower_per_100k", "upper_per_100k", "comparison",
         "rank", "eb_per_100k", "eb_spatial_per_100k", "provision_pct", "band", "needed"]


def density_stem(results: Sequence[DensityResult]) -> str:
    """File name (without suffix) of density outputs: ``density_<profession>_<level>_<year>[_<year>...]``.

    Parameters
    ----------
    results
        One result per year, oldest first; profession and level are the newest's.

    Returns
    -------
    str
        E.g. ``density_huisarts_provincie_2018``; made safe for a file name
        (:func:`regio.report.outputs.safe_stem`), as the profession of a
        user's counts file may be any text.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> result = lambda year: NS(inputs=NS(profession="huisarts", level="provincie", year=year))
    >>> density_stem([result(2018)]), density_stem([result(2017), result(2018)])
    ('density_huisarts_provincie_2018', 'density_huisarts_provincie_2017_2018')
    """
    inp = results[-1].inputs
    return safe_stem(f"density_{inp.profession}_{inp.level}_{'_'.join(str(r.inputs.year) for r in results)}")


def table_words(table: pd.DataFrame, lang: str = "nl") -> dict[str, pd.Series]:
    """Look up the words of a density table's code columns in :mod:`regio.labels`.

    Parameters
    ----------
    table
        From :func:`regio.density.analyse` (``attrs["reference"]`` and
        ``attrs["norm_is_average"]`` choose the words).
    lang
        ``"nl"`` or ``"en"``.

    Returns
    -------
    dict
        Column -> words (ordered categoricals, indexed like ``table``) for
        ``comparison`` and ``band``, those the table has.

    Examples
    --------
    >>> from regio.density import analyse
    >>> tab = analyse(pd.Series({"A": 3, "B": 200}), pd.Series({"A": 10_000, "B": 100_000}))
    >>> tab["comparison"].tolist(), table_words(tab)["comparison"].tolist()
    (['below', 'similar'], ['lager dan landelijk', 'niet significant afwijkend'])
    >>> tab["band"].tolist(), table_words(tab, "en")["band"].tolist()
    (['under', 'around'], ['well below national', 'around national'])
    """
    out = {}
    if "comparison" in table:
        out["comparison"] = comparison_words(table["comparison"], table.attrs.get("reference", "national"), lang)
    if "band" in table:
        out["band"] = band_words(table["band"], norm_is_average=bool(table.attrs.get("norm_is_average")), lang=lang)
    return out


def totals_words(totals: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """Return the total rows with their names in ``lang``: the words of each ``kind`` from the catalogue.

    :func:`regio.density.totals_rows` gives codes and numbers; the name of
    each row ("Totaal regio's", "NL01 Nederland (eigen totaal van de bron)")
    is ``totals.<kind>`` in :mod:`regio.labels`.

    Examples
    --------
    >>> rows = pd.DataFrame({"statnaam": [None, None], "kind": ["total", "source total"]}, index=["TOTAAL", "BRON"])
    >>> rows.attrs["source_total"] = ("NL01", "Nederland")
    >>> totals_words(rows, "en")["statnaam"].tolist()
    ['Total of regions', 'NL01 Nederland (total of the source)']
    """
    out = totals.copy()
    code, name = totals.attrs.get("source_total") or ("", "")
    out["statnaam"] = [label(f"totals.{kind}", lang, code=code, name=name) for kind in totals["kind"]]
    return out


def terminal_tables(result: DensityResult, lang: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the region table and the total rows as the terminal shows them.

    The columns of :data:`SHOWN` that the table has (without comparison and
    rank when one region has data: compared with nothing), the comparison and
    band in words (:func:`table_words`); the physicians needed keep their decimals, which
    :func:`regio.cli._common.print_table` rounds up as Excel does (:func:`regio.text.round_up`).

    Parameters
    ----------
    result
        From :func:`regio.density.run.density_result`.
    lang
        ``"nl"`` or ``"en"`` for the words; default the result's language.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(regions, totals)``.
    """
    lang = lang or result.lang
    single = result.table.attrs.get("reference", "national") is None  # one region with data: compared with nothing
    shown = result.table[[c for c in SHOWN if c in result.table and not (single and c in ("comparison", "rank"))]]
    shown = shown.assign(**{c: w for c, w in table_words(result.table, lang).items() if c in shown})
    # physicians needed are persons: print_table rounds them up, each region and the total as itself, as Excel does
    # (regio.text.round_up); the table files keep the decimals
    totals = totals_words(result.totals, lang)
    totals.index = cell_words("statcode", pd.Series(totals.index, dtype=object), lang).to_numpy()  # TOTAL in English
    return shown, totals


def export_table(result: DensityResult, lang: str | None = None) -> pd.DataFrame:
    """Return the table as written to CSV and Excel: the regions (``kind`` ``region``), then the total rows.

    When the rate compared with is not national, the national columns are
    renamed for what they are (the mean of the regions with data); with one
    region of data they are left out. The codes of ``comparison`` and
    ``band`` are kept, the same in every language, each followed by its words
    in ``lang`` (``comparison_label``, ``band_label``; :func:`table_words`).
    The last two columns say where the counts come from, the same in every
    language: ``counts_source``, a code (``cbs``: BIG registrations by place
    of residence; ``nivel``: Nivel's working GPs; ``file``: a user's file;
    words in :mod:`regio.labels` as ``counts.<code>``), and ``source``, the
    source as named where it was read.

    Parameters
    ----------
    result
        From :func:`regio.density.run.density_result`.
    lang
        ``"nl"`` or ``"en"`` for the words; default the result's language.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``statcode``.
    """
    lang = lang or result.lang
    t = result.table.copy()
    for col, w in table_words(t, lang).items():
        t.insert(t.columns.get_loc(col) + 1, f"{col}_label", w)
    reference = t.attrs.get("reference", "national")
    if reference == "regions":  # not a national figure: the columns say what it is
        t = t.rename(columns={"national_per_100k": "mean_of_regions_with_data_per_100k",
                              "ratio_to_national": "ratio_to_mean_of_regions_with_data"})
    elif reference is None:  # one region with data: compared with nothing
        t = t.drop(columns=["national_per_100k", "ratio_to_national", "comparison", "comparison_label", "rank"])
    t.insert(0, "kind", "region")
    totals = totals_words(result.totals, lang)
    out = pd.concat([t, totals], axis=0)
    out.index.name = "statcode"
    out["counts_source"] = result.inputs.counts_source
    out["source"] = result.inputs.physician_source
    for col in ("comparison", "comparison_label", "band", "band_label"):
        if col in out:
            out[col] = out[col].astype(object)
    return out


def write_density(
    results: Sequence[DensityResult],
    out: str | Path,
    stem: str,
    *,
    scheme: str = "auto",
    k: int = 5,
    institutes: gpd.GeoDataFrame | None = None,
    lang: str = "nl",
    html_map: bool = True,
    png: bool = True,
    tables: bool = True,
    **map_options,
) -> dict[str, Path | list[Path]]:
    """Write the map (HTML), its first layer as PNG and each year's table (CSV, Excel with notes).

    The map is drawn by :func:`regio.maps.density.density_map` and
    :func:`regio.maps.static.static_map` and written by :mod:`regio.report.export`.

    Parameters
    ----------
    results
        :class:`regio.density.run.DensityResult` per year, oldest first, all
        on the same regions.
    out
        Output folder (created when missing).
    stem
        File name without suffix; with more than one year the tables get
        ``_<year>`` appended.
    scheme, k
        Class scheme and number of classes of the rate layers.
    institutes
        Points of the training institutes, drawn as markers and PNG points.
    lang
        ``"nl"`` or ``"en"``.
    html_map, png, tables
        Which files to write.
    map_options
        Passed to :func:`regio.maps.core.region_map` (``tolerance``, ...).

    Returns
    -------
    dict
        ``{"html": path, "png": path, "tables": [paths]}`` for what was written.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).

    >>> import tempfile
    >>> from regio.density.run import density_inputs, density_result
    >>> result = density_result(density_inputs("huisarts", level="provincie", year=2018))
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = write_density([result], tmp, "dichtheid", png=False)
    ...     sorted(written), [p.name for p in written["tables"]]
    (['html', 'tables'], ['dichtheid.csv', 'dichtheid.notes.txt', 'dichtheid.xlsx'])
    """
    out = Path(out)
    written: dict[str, Path | list[Path]] = {}
    fmap, frame, layers, (title, source, caveat) = density_map(results, scheme=scheme, k=k,
                                                               institutes=institutes, lang=lang, **map_options)
    if html_map:
        written["html"] = write_html(map_html(fmap, title=title), output_file(out, stem, ".html"))
    if png:
        points = institutes.to_crs(frame.crs) if institutes is not None and len(institutes) else None
        written["png"] = write_image(static_map(frame, layers[0], title=title, source=source, caveat=caveat,
                                                points=points, points_label=INSTITUTES_LEGEND[lang]),
                                     output_file(out, stem, ".png"))
    if tables:
        paths: list[Path] = []
        for r in results:
            name = stem if len(results) == 1 else f"{stem}_{r.inputs.year}"
            paths += write_table(export_table(r, lang), output_file(out, name), sheet=str(r.inputs.year), lang=lang,
                                 notes=[title, r.source_full, *r.notes])
        written["tables"] = paths
    return written
