"""Short text and HTML views of result objects, for terminals and notebooks.

A result holds frames of hundreds of rows and shapes of thousands of
vertices; its ``repr`` says what it is and which attributes to look at, and
in a notebook ``_repr_html_`` shows the head of its main table and its notes.
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["result_html", "result_repr"]


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
