"""Short text and HTML views of result objects, for terminals and notebooks.

A result holds frames of hundreds of rows and shapes of thousands of
vertices; its ``repr`` says what it is and which attributes to look at, and
in a notebook ``_repr_html_`` shows the head of its main table and its notes.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["fit_columns", "result_html", "result_repr", "spec_repr"]

#: Longest text shown in a terminal table cell; longer texts end in "…".
CELL_WIDTH = 44


def fit_columns(frame: pd.DataFrame, width: int = 100, *,
                prefer: Sequence[object] = ()) -> tuple[pd.DataFrame, list[object]]:
    """Choose the columns of a table that fit in ``width`` characters on a terminal, in their order.

    Texts longer than :data:`CELL_WIDTH` are cut (ending in ``…``). The
    first column is always kept; each next column is added when the table
    still fits, so a narrow column after a wide one can still be shown.
    The columns named in ``prefer`` (the answers: rate, comparison, band,
    what is needed) get room first; details (interval limits, smoothed
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
        text = table.iloc[:, columns].to_string()
        return max((len(line) for line in text.splitlines()), default=0) <= width

    keep: list[int] = []
    detail = [i for i in range(table.shape[1]) if str(table.columns[i]).startswith(_DETAIL)]
    first = [i for i in range(table.shape[1]) if table.columns[i] in set(prefer)]
    rest = [i for i in range(table.shape[1]) if i not in detail and i not in first]
    for i in [*first, *rest, *detail]:  # the answers first, the details (intervals ...) last
        if not keep or fits(sorted([*keep, i])):
            keep.append(i)
    keep.sort()
    hidden = [table.columns[i] for i in range(table.shape[1]) if i not in keep]
    return table.iloc[:, keep], hidden


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
