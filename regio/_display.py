"""Short text and HTML views of result objects, for terminals and notebooks.

A result holds frames of hundreds of rows and shapes of thousands of
vertices; its ``repr`` says what it is and which attributes to look at, and
in a notebook ``_repr_html_`` shows the head of its main table and its notes.
"""

from __future__ import annotations

import dataclasses
import html
import re
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["fit_columns", "result_html", "result_repr", "spec_repr", "table_text"]

#: Longest text shown in a terminal table cell; longer texts end in "…".
CELL_WIDTH = 44


def fit_columns(frame: pd.DataFrame, width: int = 100, *, prefer: Sequence[object] = (),
                headers: Mapping[object, str] | None = None) -> tuple[pd.DataFrame, list[object]]:
    """Choose the columns of a table that fit in ``width`` characters on a terminal, in their order.

    Texts longer than :data:`CELL_WIDTH` are cut (ending in ``…``). The
    first column is always kept; each next column is added when the table
    still fits, so a narrow column after a wide one can still be shown.
    The columns named in ``prefer`` (the answers: rate, comparison, band,
    what is needed) get room first, in the order of ``prefer``; details (interval limits, smoothed
    rates, the steps of an apportionment) get the room that is left after
    the other columns. The columns shown keep their order.

    Parameters
    ----------
    frame
        The table as it will be printed (numbers already formatted as text, say).
    width
        Characters per line.
    prefer
        Columns to keep before the others.
    headers
        The words shown above the columns (see :func:`table_text`); without, the
        table is measured as pandas prints it.

    Returns
    -------
    tuple
        The table to print and the columns left out (to name them).

    Examples
    --------
    >>> table = pd.DataFrame({"name": ["Groningen"], "a_long_column_name": ["x" * 50], "rank": [3]},
    ...                      index=pd.Index(["PV20"], name="statcode"))
    >>> shown, hidden = fit_columns(table, width=30)
    >>> list(shown.columns), hidden
    (['name', 'rank'], ['a_long_column_name'])
    >>> max(len(line) for line in shown.to_string().splitlines()) <= 30
    True
    >>> fit_columns(table, width=200)[0]["a_long_column_name"].iloc[0] == "x" * 43 + "…"
    True
    """
    table = frame.copy()
    table.attrs = {}
    for i in range(table.shape[1]):
        column = table.iloc[:, i]
        if column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            table.isetitem(i, column.astype(object).map(lambda v: v[:CELL_WIDTH - 1] + "…"
                                         if isinstance(v, str) and len(v) > CELL_WIDTH else v))

    def fits(columns: list) -> bool:
        part = table.iloc[:, columns]
        text = table_text(part, headers) if headers is not None else part.to_string()
        return max((len(line) for line in text.splitlines()), default=0) <= width

    keep: list[int] = []
    detail = [i for i in range(table.shape[1]) if str(table.columns[i]).startswith(_DETAIL)]
    rank = {c: n for n, c in enumerate(prefer)}  # the answers in the order of ``prefer``
    first = sorted((i for i in range(table.shape[1]) if table.columns[i] in rank), key=lambda i: rank[table.columns[i]])
    rest = [i for i in range(table.shape[1]) if i not in detail and i not in first]
    for i in [*first, *rest, *detail]:  # the answers first, the details (intervals ...) last
        if not keep or fits(sorted([*keep, i])):
            keep.append(i)
    keep.sort()
    hidden = [table.columns[i] for i in range(table.shape[1]) if i not in keep]
    return table.iloc[:, keep], hidden


#: A cell that reads as a number (``12.345,6``, ``-3``, ``110%``): such columns are aligned right.
_NUMBER = re.compile(r"^[-+−]?[\d.,\s]*\d[\d.,]*\s?%?$")

#: At most this many lines for a column's header; a longer header makes its column wider.
HEADER_LINES = 3
#: A header this long or shorter stays on one line (a narrow column of numbers widens for it).
HEADER_WIDTH = 12


def table_text(frame: pd.DataFrame, headers: Mapping[object, str] | None = None) -> str:
    """Return a table as terminal text, with readable headers wrapped over up to three lines.

    The index comes first, left-aligned; columns of numbers are aligned right,
    other columns left; empty cells stay empty. A header is the word in
    ``headers`` for its column (or index) name, else the name itself; it is
    wrapped at the column's width, and a column is widened only as far as
    its header needs to fit :data:`HEADER_LINES` lines (a header of up to
    :data:`HEADER_WIDTH` characters stays on one line).

    Parameters
    ----------
    frame
        The table, numbers already formatted as text (say).
    headers
        Column (and index) name -> the words shown above it.

    Returns
    -------
    str
        Lines joined by newlines, columns two spaces apart.

    Examples
    --------
    >>> table = pd.DataFrame({"statnaam": ["Groningen", "Fryslân"], "rate": ["77,9", "61,0"]},
    ...                      index=pd.Index(["PV20", "PV21"], name="statcode"))
    >>> print(table_text(table, {"statcode": "Code", "statnaam": "Naam", "rate": "Per 100.000 inwoners"}))
                 Per 100.000
    Code  Naam      inwoners
    PV20  Groningen         77,9
    PV21  Fryslân           61,0
    """
    headers = headers or {}
    names = [n if n is not None else "" for n in frame.index.names]
    index = frame.index.tolist() if frame.index.nlevels > 1 else [(v,) for v in frame.index]
    columns: list[tuple[str, list[str], bool]] = []
    for level, name in enumerate(names):
        columns.append((headers.get(name, str(name)), [_cell_text(row[level]) for row in index], False))
    for i, name in enumerate(frame.columns):
        cells = [_cell_text(v) for v in frame.iloc[:, i]]
        filled = [c for c in cells if c]
        columns.append((headers.get(name, str(name)), cells, bool(filled) and all(_NUMBER.match(c) for c in filled)))
    blocks = []
    for header, cells, right in columns:
        longest_word = max((len(w) for w in header.split()), default=0)
        width = max([len(c) for c in cells] + [min(len(header), max(longest_word, HEADER_WIDTH)), 1])
        lines = textwrap.wrap(header, width) or [""]
        while len(lines) > HEADER_LINES:
            width += 1
            lines = textwrap.wrap(header, width)
        width = max(width, *(len(line) for line in lines))
        blocks.append((lines, cells, right, width))
    depth = max(len(lines) for lines, *_ in blocks)
    out = []
    for row in range(depth):
        parts = []
        for lines, _cells, right, width in blocks:
            line = lines[row - (depth - len(lines))] if row >= depth - len(lines) else ""
            parts.append(line.rjust(width) if right else line.ljust(width))
        out.append("  ".join(parts).rstrip())
    for r in range(len(frame)):
        parts = [(cells[r].rjust(width) if right else cells[r].ljust(width)) for _l, cells, right, width in blocks]
        out.append("  ".join(parts).rstrip())
    return "\n".join(out)


def _cell_text(value: object) -> str:
    """Return the text of a cell: empty for a missing value."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value)


#: Columns shown only when there is room after the others: interval limits, smoothed rates, methods.
_DETAIL = ("lower_", "upper_", "eb_", "ci_", "remainder", "floor", "quota")


def result_repr(kind: str, what: str, table: pd.DataFrame, fields: list[str]) -> str:
    """Return a one-line description of a result: what it is, its size, and its attributes.

    Parameters
    ----------
    kind
        Class name.
    what
        What was computed, in a few words.
    table
        Its main table.
    fields
        Attribute names worth looking at.

    Returns
    -------
    str

    Examples
    --------
    >>> result_repr("DensityResult", "huisarts, provincie 2018", pd.DataFrame({"a": [1, 2]}), ["table", "notes"])
    '<DensityResult huisarts, provincie 2018: 2 rows; see .table, .notes>'
    """
    return f"<{kind} {what}: {len(table)} rows; see {', '.join('.' + f for f in fields)}>"


def result_html(kind: str, what: str, table: pd.DataFrame, notes: list[str], rows: int = 12) -> str:
    """Return an HTML view of a result for notebooks: a heading, the head of its table and its notes.

    Parameters
    ----------
    kind, what
        As :func:`result_repr`.
    table
        Its main table (only the first ``rows`` rows are shown).
    notes
        Its notes, one line each.
    rows
        Rows of the table to show.

    Returns
    -------
    str

    Examples
    --------
    >>> page = result_html("AllocationResult", "1,026 over provincie", pd.DataFrame({"a": [1]}), ["Key: need."])
    >>> page.startswith("<div><b>AllocationResult</b>") and "<li>Key: need.</li>" in page
    True
    """
    shown = table.head(rows).copy()
    shown.attrs = {}  # attrs may hold frames, which the HTML writer cannot compare
    more = f"<p>… {len(table) - rows} more rows</p>" if len(table) > rows else ""
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    return (f"<div><b>{html.escape(kind)}</b> {html.escape(what)}{shown.to_html()}{more}"
            + (f"<ul>{items}</ul>" if items else "") + "</div>")


def spec_repr(spec: object) -> str:
    """Return the fields of a spec (a dataclass) that differ from their defaults, tables in a few words.

    Parameters
    ----------
    spec
        A dataclass instance such as :class:`regio.allocation.AllocationSpec`.

    Returns
    -------
    str
        ``Kind(name=value, ...)``; a DataFrame or Series as ``<DataFrame 342 rows from areas.csv>``.

    Examples
    --------
    >>> from dataclasses import dataclass, field
    >>> @dataclass
    ... class Spec:
    ...     total: int | None = None
    ...     key: str = "population"
    ...     areas: pd.DataFrame | None = None
    >>> frame = pd.DataFrame({"gemeente": ["GM0014"], "region": ["Noord"]})
    >>> frame.attrs["path"] = "/tmp/areas.csv"
    >>> spec_repr(Spec(total=100, areas=frame))
    'Spec(total=100, areas=<DataFrame 1 rows from areas.csv>)'
    """
    shown = []
    for f in dataclasses.fields(spec):
        value = getattr(spec, f.name)
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING)
        if isinstance(value, (pd.DataFrame, pd.Series)):
            path = value.attrs.get("path") or (value.attrs.get("region_values") or {}).get("path")
            text = f"<{type(value).__name__} {len(value)} rows" + (f" from {Path(path).name}>" if path else ">")
        elif value is default or (not isinstance(default, (pd.DataFrame, pd.Series)) and value == default):
            continue
        else:
            text = repr(value)
        shown.append(f"{f.name}={text}")
    return f"{type(spec).__name__}({', '.join(shown)})"
