"""Write tables for users: CSV (UTF-8, for any tool) and Excel (for people)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["write_table"]


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
