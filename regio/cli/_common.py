"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import click
import numpy as np
import pandas as pd

from regio.levels import LEVELS
from regio.text import fmt_number, t

__all__ = ["CSV_ENV", "LANG_ENV", "csv_option", "current_lang", "echo_parts", "echo_written", "lang_option",
           "level_option", "out_option", "print_table", "progress_enabled", "wide_option", "year_option"]

#: Environment variables for the defaults of ``--lang`` and ``--csv``.
LANG_ENV, CSV_ENV = "REGIO_LANG", "REGIO_CSV"
#: Width the terminal tables fit in without ``--wide``.
TABLE_WIDTH = 100
#: Columns that answer the question (name, rate, comparison, provision, what is needed): shown before the others.
PREFERRED_COLUMNS = ("statnaam", "name", "rate_per_100k", "rate_change", "rate_growth_pct", "comparison", "band",
                     "needed", "allocated", "difference", "gap", "target_trainers", "advice", "advice_per_100k",
                     "key", "share", "quota", "floor", "remainder", "extra")


def current_lang() -> str:
    """Return the language of the command being run: its ``--lang``, else ``REGIO_LANG``, else Dutch."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get("regio.lang") if ctx is not None else None
    if lang is None:
        lang = os.environ.get(LANG_ENV, "nl")
    return lang if lang in ("nl", "en") else "nl"


def _set_style(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Remember ``--lang``/``--csv`` for this command: messages, and the tables it writes (its atlas too)."""
    from regio.report.export import reset_table_style, set_table_style

    name = "lang" if param.name == "lang" else "csv"
    ctx.meta[f"regio.{name}"] = value
    token = set_table_style(**{name: value})  # undone when the command closes (each run has its own context)
    ctx.call_on_close(lambda: reset_table_style(token))
    return value


def lang_option(help_: str = "Language of labels, texts, tables and messages.") -> callable:
    """``--lang nl|en`` (default ``REGIO_LANG``, else ``nl``): words of outputs, messages and Excel headers."""
    return click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, envvar=LANG_ENV,
                        show_envvar=True, is_eager=True, callback=_set_style, help=help_)


def csv_option() -> callable:
    """``--csv standard|nl`` (default ``REGIO_CSV``, else ``standard``): the dialect of the CSV files written."""
    return click.option("--csv", "csv_dialect", type=click.Choice(["standard", "nl"]), default="standard",
                        show_default=True, envvar=CSV_ENV, show_envvar=True, expose_value=False, callback=_set_style,
                        help="CSV files: standard (comma, decimal point, UTF-8) or nl (semicolon, decimal comma, "
                             "UTF-8 with BOM: opens in columns in a Dutch Excel).")


def _set_wide(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta["regio.wide"] = bool(value)
    return value


def wide_option() -> callable:
    """``--wide``: print every column of the terminal tables (default: those that fit in 100 characters)."""
    return click.option("--wide", is_flag=True, expose_value=False, callback=_set_wide,
                        help=f"Print every column of the tables (default: fit them in {TABLE_WIDTH} characters).")


def echo_written(path: object, lang: str | None = None) -> None:
    """Say that a file was written: ``geschreven: PATH`` (Dutch) or ``wrote PATH``."""
    lang = lang or current_lang()
    click.echo(t(lang, f"geschreven: {path}", f"wrote {path}"))


def level_option(default: str = "provincie", help_: str = "Region level.") -> callable:
    """``--level`` with the known level names (aliases accepted)."""
    return click.option("--level", "-l", default=default, show_default=True,
                        help=f"{help_} One of: {', '.join(LEVELS)} (Dutch or English aliases accepted).")


def year_option(default: int | None = None, help_: str = "Year.") -> callable:
    """``--year``."""
    return click.option("--year", "-y", type=int, default=default, show_default=default is not None, help=help_)


def out_option(default: str = "maps") -> callable:
    """``--out`` directory."""
    return click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path(default),
                        show_default=True, help="Output directory.")


def progress_enabled() -> bool:
    """Whether progress bars should show (not with ``--quiet``)."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return not (root and root.obj and root.obj.get("quiet"))


def print_table(frame: pd.DataFrame, *, lang: str = "nl", max_rows: int = 60) -> None:
    """Print a frame readably on the terminal, numbers in the reader's convention.

    Dutch (``lang="nl"``): ``12.345,6``; English: ``12,345.6``. Each numeric
    column gets as many decimals as its values need (at most four; two when
    they need more), so whole numbers show none. Years (columns named
    ``year``, ``*_year``, ``jaar``, ``*_jaar`` with whole values) have no separator.
    The table fits in :data:`TABLE_WIDTH` characters (the columns that fit,
    long texts cut; a line names those left out) unless the command got ``--wide``.
    Headers are the columns' labels in ``lang`` (:func:`column_headers`);
    codes in cells read as the words the Excel file shows (:func:`regio.labels.cell_words`:
    the kind of row, the source of the counts, yes/no for true/false); targets and gaps
    (persons, practices) are rounded up to whole numbers, and a line says so.
    """
    from regio.labels import cell_words, column_kind, label

    frame = frame.copy()
    frame.attrs = {}  # attrs may hold frames, which pandas cannot compare while converting
    for c in frame.columns:  # codes as the words Excel shows ("totaal", not "total"); the CSV keeps the codes
        if not pd.api.types.is_numeric_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c]):
            frame[c] = cell_words(c, frame[c], lang)
    rounded = []
    for c in frame.select_dtypes("number").columns:
        known = frame[c].dropna().astype(float)
        if column_kind(c) == "target" and not np.allclose(known, known.round(), rtol=0, atol=1e-9):
            frame[c] = np.ceil(frame[c].astype(float) - 1e-9)  # persons: a target or a gap rounded up
            known = frame[c].dropna()
            rounded.append(c)
        if _is_year(c, known):  # 2028, not 2.028
            frame[c] = frame[c].map(lambda v: "" if pd.isna(v) else str(int(v))).astype(object)
            continue
        decimals = next((d for d in range(5) if np.allclose(known, known.round(d), rtol=0, atol=1e-9)), 2)
        frame[c] = frame[c].map(lambda v, d=decimals: "" if pd.isna(v) else fmt_number(v, d, lang)).astype(object)
    from regio._display import fit_columns, table_text

    headers = column_headers([*frame.index.names, *frame.columns], lang)
    ctx = click.get_current_context(silent=True)
    hidden: list = []
    if not (ctx is not None and ctx.meta.get("regio.wide")):  # fit 100 characters unless --wide
        frame, hidden = fit_columns(frame, TABLE_WIDTH, prefer=PREFERRED_COLUMNS, headers=headers)
    if len(frame) > max_rows:  # the first and last rows, as pandas shows a long frame
        half = max_rows // 2
        text = table_text(pd.concat([frame.head(half), frame.tail(half)]), headers).splitlines()
        depth = len(text) - 2 * half
        text.insert(depth + half, "…")
        click.echo("\n".join(text))
    else:
        click.echo(table_text(frame, headers))
    import textwrap

    if rounded:
        names = ", ".join(headers.get(c, str(c)) for c in rounded)
        click.echo(textwrap.fill(label("table.rounded_up", lang, names=names), TABLE_WIDTH))
    if hidden:

        names = ", ".join(headers.get(c, str(c)) for c in hidden)
        line = t(lang, f"(niet getoond: {names}; --wide toont alle kolommen, het tabelbestand heeft ze ook)",
                 f"(not shown: {names}; --wide shows every column, and the table file has them)")
        click.echo(textwrap.fill(line, TABLE_WIDTH))


def column_headers(names: Iterable[object], lang: str = "nl") -> dict[object, str]:
    """Return the words above each column of a terminal table: its label from the catalogue, else its name.

    The terminal shows words where the code columns of a file hold codes, so a
    label's "(code)" is left off.

    Examples
    --------
    >>> column_headers(["statnaam", "rate_per_100k", "band", "Regio"], "en")
    {'statnaam': 'Name', 'rate_per_100k': 'Per 100,000 inhabitants', 'band': 'Provision band', 'Regio': 'Regio'}
    """
    from regio.labels import column_label

    return {name: column_label(name, lang).removesuffix(" (code)") for name in names if name is not None}


def echo_parts(parts: Iterable[str | pd.DataFrame], *, lang: str = "nl") -> None:
    """Print a report's terminal summary: each line as it is, each table with :func:`print_table`."""
    for part in parts:
        if isinstance(part, pd.DataFrame):
            print_table(part, lang=lang)
        else:
            click.echo(part)


def _is_year(column: object, values: pd.Series) -> bool:
    """Whether a column holds calendar years (by its name, with whole values between 1800 and 2200)."""
    name = str(column).lower()
    named = name in ("year", "jaar") or name.endswith(("_year", "_jaar")) or name.startswith(("year_", "jaar_"))
    return bool(named and len(values) and (values == values.round()).all() and values.between(1800, 2200).all())
