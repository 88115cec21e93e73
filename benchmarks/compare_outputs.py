"""Compare the tables of two output folders (an atlas built before and after a change).

Every CSV of the first folder must exist in the second with the same rows and columns, and
every number must be equal (to 1e-9, relative). Text cells are compared too unless
``--numbers-only`` (for a Dutch and an English build, whose words differ by design).

    python benchmarks/compare_outputs.py BEFORE AFTER [--numbers-only]

Exit status 0 when they agree, 1 with one line per difference otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", sep=None, engine="python")


def _as_numbers(col: pd.Series) -> pd.Series | None:
    values = pd.to_numeric(col.replace("", np.nan), errors="coerce")
    if values.notna().sum() == (col != "").sum():
        return values
    return None


def compare_tables(a: pd.DataFrame, b: pd.DataFrame, *, numbers_only: bool = False) -> list[str]:
    """Differences between two tables read as text: shape, and every cell (numbers to 1e-9)."""
    if a.shape != b.shape:
        return [f"shape {a.shape} != {b.shape}"]
    problems = []
    if not numbers_only and list(a.columns) != list(b.columns):
        problems.append(f"columns {list(a.columns)} != {list(b.columns)}")
    for i, (ca, cb) in enumerate(zip(a.columns, b.columns, strict=True)):
        xa, xb = _as_numbers(a[ca]), _as_numbers(b[cb])
        if xa is not None and xb is not None:
            same = np.isclose(xa, xb, rtol=1e-9, atol=0, equal_nan=True)
            if not same.all():
                row = int(np.flatnonzero(~same)[0])
                problems.append(f"column {ca!r} (#{i}): {int((~same).sum())} numbers differ, first in row {row + 2}: "
                                f"{a[ca].iloc[row]} != {b[cb].iloc[row]}")
        elif (xa is None) != (xb is None):
            problems.append(f"column {ca!r} (#{i}): numbers in one, text in the other")
        elif not numbers_only and not a[ca].equals(b[cb]):
            row = int(np.flatnonzero((a[ca] != b[cb]).to_numpy())[0])
            problems.append(f"column {ca!r}: text differs, first in row {row + 2}: "
                            f"{a[ca].iloc[row]!r} != {b[cb].iloc[row]!r}")
    return problems


def compare_folders(before: Path, after: Path, *, numbers_only: bool = False) -> list[str]:
    """One line per difference between the CSV files of two folders."""
    out = []
    names_a = {p.name for p in before.glob("*.csv")}
    names_b = {p.name for p in after.glob("*.csv")}
    out += [f"{n}: only in {before}" for n in sorted(names_a - names_b)]
    out += [f"{n}: only in {after}" for n in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        out += [f"{name}: {p}" for p in compare_tables(_read(before / name), _read(after / name),
                                                        numbers_only=numbers_only)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--numbers-only", action="store_true", help="compare numbers only (e.g. nl against en)")
    args = parser.parse_args(argv)
    problems = compare_folders(args.before, args.after, numbers_only=args.numbers_only)
    n = len(list(args.before.glob("*.csv")))
    for p in problems:
        print(p)
    print(f"{n} tables compared: " + ("equal" if not problems else f"{len(problems)} differences"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
