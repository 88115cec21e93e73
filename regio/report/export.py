"""Write files for users: tables (CSV in UTF-8 for any tool, Excel for people), HTML pages and images.

This is where regio's outputs reach the disk. The presentation code in
:mod:`regio.maps` draws maps and charts into memory (an HTML string, PNG
bytes); the functions here write them, creating the folder when needed.
Nothing here imports folium or matplotlib.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["write_html", "write_image", "write_table"]


def write_table(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    formats: Sequence[str] = ("csv", "xlsx"),
    sheet: str = "regio",
    notes: Sequence[str] = (),
) -> list[Path]:
    """Write ``frame`` as ``path.csv`` and/or ``path.xlsx`` (the suffix of ``path`` is replaced).

    Parameters
    ----------
    frame
        The table; its index is written as the first column.
    path
        Target path; its suffix is ignored.
    formats
        ``"csv"`` and/or ``"xlsx"``.
    sheet
        Excel sheet name.
    notes
        Lines (source, method, caveats) written to a second sheet ``notes`` in
        Excel and to a ``<name>.notes.txt`` beside the CSV.

    Returns
    -------
    list of pathlib.Path
        The files written. Missing parent directories are created.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> from pathlib import Path
    >>> frame = pd.DataFrame({"statnaam": ["Amsterdam", "Súdwest-Fryslân"], "population": [931_298, 90_765]},
    ...                      index=pd.Index(["GM0363", "GM1900"], name="statcode"))
    >>> folder = Path(tempfile.mkdtemp())
    >>> written = write_table(frame, folder / "out" / "population.txt", notes=["Source: CBS, 1 January 2024"])
    >>> [p.name for p in written]
    ['population.csv', 'population.notes.txt', 'population.xlsx']
    >>> print((folder / "out" / "population.csv").read_text(encoding="utf-8"), end="")
    statcode,statnaam,population
    GM0363,Amsterdam,931298
    GM1900,Súdwest-Fryslân,90765
    >>> pd.read_excel(written[2], sheet_name="notes")["notes"].tolist()
    ['Source: CBS, 1 January 2024']
    >>> [p.name for p in write_table(frame, folder / "only", formats=["csv"])]  # no notes: no notes file
    ['only.csv']
    """
    frame = _whole_counts(frame)
    base = Path(path).with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    if "csv" in formats:
        p = base.with_suffix(".csv")
        frame.to_csv(p, encoding="utf-8")
        written.append(p)
        if notes:
            n = base.with_name(base.name + ".notes.txt")
            n.write_text("\n".join(notes) + "\n", encoding="utf-8")
            written.append(n)
    if "xlsx" in formats:
        p = base.with_suffix(".xlsx")
        with pd.ExcelWriter(p, engine="openpyxl") as xl:
            frame.to_excel(xl, sheet_name=sheet[:31])
            if notes:
                pd.DataFrame({"notes": list(notes)}).to_excel(xl, sheet_name="notes", index=False)
        written.append(p)
    return written


#: Columns that hold counts of people or places (by name): written as whole numbers when they are whole.
_COUNT_COLUMN = re.compile(r"^(count|population|allocated|current|difference|floor|extra|gps|trainers|"
                           r"municipalities|joint_municipalities|extra_trainers|inhabitants|inwoners|aantal)"
                           r"(_\d{4})?$|^(count|population)_(change|\d{4})$")


def _whole_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Write counts held as floats (a missing value makes them float) as whole numbers: 455, not 455.0."""
    change = {}
    for col in frame.columns:
        values = frame[col]
        if (isinstance(col, str) and _COUNT_COLUMN.match(col) and pd.api.types.is_float_dtype(values)
                and values.notna().any() and (values.dropna() == values.dropna().round()).all()
                and np.isfinite(values.dropna()).all()):
            change[col] = "Int64"
    if not change:
        return frame
    # astype joins the columns again, which compares their attrs; attrs may hold frames (an allocation's inputs),
    # whose comparison is ambiguous: convert without them and give them back
    out = frame.copy()
    out.attrs = {}
    out = out.astype(change)
    out.attrs = frame.attrs
    return out


def write_html(html: str, path: str | Path) -> Path:
    """Write an HTML page as UTF-8, creating its folder.

    The text is written as is (no newline translation), so the file holds
    exactly the page that :func:`regio.maps.core.map_html` or another
    presentation function returned.

    Parameters
    ----------
    html
        The page.
    path
        Target file (its folder is created when missing).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = write_html("<p>Fryslân</p>", Path(tmp) / "kaarten" / "f.html")
    ...     p.name, p.read_text(encoding="utf-8"), p.stat().st_size  # â takes two bytes in UTF-8
    ('f.html', '<p>Fryslân</p>', 15)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(html.encode("utf-8"))
    return path


def write_image(data: bytes, path: str | Path) -> Path:
    """Write an image (e.g. the PNG bytes of :func:`regio.maps.static.static_map`), creating its folder.

    Parameters
    ----------
    data
        The encoded image.
    path
        Target file (its folder is created when missing).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> png = bytes([137, 80, 78, 71, 13, 10, 26, 10])  # the signature that starts every PNG
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = write_image(png, Path(tmp) / "kaarten" / "f.png")
    ...     p.read_bytes() == png
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path
