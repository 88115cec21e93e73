"""Compare the tables of two output folders (an atlas built before and after a change).

Every CSV of the first folder must exist in the second with the same rows and columns, and
every number must be equal (to 1e-9, relative). Text cells are compared too unless
``--numbers-only`` (for a Dutch and an English build, whose words differ by design), or
except in the columns named by ``--ignore-columns`` (e.g. ``statnaam,comparison_label,band_label``
for a Dutch and an English build: the codes, such as ``comparison`` and ``band``, must still agree).
Columns are matched by name; a column only in one of the tables is a difference, and the
columns both have are still compared.

    python benchmarks/compare_outputs.py BEFORE AFTER [--numbers-only] [--ignore-columns A,B] [--pages]

``--pages`` also compares the HTML pages and PNG images: the images pixel for pixel (decoded, an opaque
RGBA image equal to the same pixels in RGB, so that a change of PNG encoding alone is no difference), the
pages after taking out the random names that folium (``map_<32 hex digits>``) and matplotlib's SVG
(``p``/``m`` and 10 hex digits) give each build and with the PNG images they embed compared as pixels, so
that two builds of the same maps compare equal.

Exit status 0 when they agree, 1 with one line per difference otherwise.
"""

from __future__ import annotations

import argparse
import base64
import io
import re
import sys
from collections.abc import Sequence
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


def compare_tables(a: pd.DataFrame, b: pd.DataFrame, *, numbers_only: bool = False,
                   ignore: Sequence[str] = ()) -> list[str]:
    """Differences between two tables read as text: rows, columns, and every cell (numbers to 1e-9).

    Columns are matched by name (with ``numbers_only`` and the same number of columns under other
    names, by position); the columns in ``ignore`` are left out.
    """
    a = a.drop(columns=[c for c in ignore if c in a])
    b = b.drop(columns=[c for c in ignore if c in b])
    if len(a) != len(b):
        return [f"shape {a.shape} != {b.shape}"]
    problems = []
    if numbers_only and a.shape == b.shape and set(a.columns) != set(b.columns):
        pairs = list(zip(a.columns, b.columns, strict=True))  # headers in another language: by position
    else:
        only_a = [c for c in a.columns if c not in b.columns]
        only_b = [c for c in b.columns if c not in a.columns]
        if only_a or only_b:
            problems.append(f"columns only in the first: {only_a}, only in the second: {only_b}")
        elif list(a.columns) != list(b.columns):
            problems.append(f"columns {list(a.columns)} != {list(b.columns)}")
        pairs = [(c, c) for c in a.columns if c in b.columns]
    for i, (ca, cb) in enumerate(pairs):
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


def compare_folders(before: Path, after: Path, *, numbers_only: bool = False,
                    ignore: Sequence[str] = ()) -> list[str]:
    """One line per difference between the CSV files of two folders."""
    out = []
    names_a = {p.name for p in before.glob("*.csv")}
    names_b = {p.name for p in after.glob("*.csv")}
    out += [f"{n}: only in {before}" for n in sorted(names_a - names_b)]
    out += [f"{n}: only in {after}" for n in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        out += [f"{name}: {p}" for p in compare_tables(_read(before / name), _read(after / name),
                                                        numbers_only=numbers_only, ignore=ignore)]
    return out


def _pixels(data: bytes) -> np.ndarray:
    """The pixels of a PNG file as RGBA (an RGB image as opaque RGBA)."""
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def _same_image(a: bytes, b: bytes) -> bool:
    """Whether two PNG files have the same pixels (whatever their encoding)."""
    if a == b:
        return True
    pa, pb = _pixels(a), _pixels(b)
    return pa.shape == pb.shape and bool((pa == pb).all())


_EMBEDDED_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")


def _same_page(a: str, b: str) -> bool:
    """Whether two pages agree beyond the random names, their embedded PNG images compared as pixels."""
    images_a, images_b = _EMBEDDED_PNG.findall(a), _EMBEDDED_PNG.findall(b)
    if len(images_a) != len(images_b) or not all(
            _same_image(base64.b64decode(x), base64.b64decode(y)) for x, y in zip(images_a, images_b, strict=True)):
        return False
    def plain(text: str) -> str:
        return _RANDOM_NAMES.sub("ID", _EMBEDDED_PNG.sub("data:image/png;base64,IMAGE", text))
    return plain(a) == plain(b)


_RANDOM_NAMES = re.compile(r"_[0-9a-f]{32}|(?<=id=\")[mp][0-9a-f]{10}|(?<=#)[mp][0-9a-f]{10}")


def compare_pages(before: Path, after: Path) -> list[str]:
    """One line per HTML page or PNG image of ``before`` that differs in ``after`` (or is missing there)."""
    out = []
    for path in sorted([*before.glob("*.html"), *before.glob("*.png")]):
        other = after / path.name
        if not other.is_file():
            out.append(f"{path.name}: only in {before}")
        elif path.suffix == ".png" and not _same_image(path.read_bytes(), other.read_bytes()):
            out.append(f"{path.name}: the images differ")
        elif path.suffix == ".html" and not _same_page(path.read_text(encoding="utf-8"),
                                                       other.read_text(encoding="utf-8")):
            out.append(f"{path.name}: the pages differ (beyond folium's and matplotlib's random names)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--numbers-only", action="store_true", help="compare numbers only (e.g. nl against en)")
    parser.add_argument("--ignore-columns", default="", metavar="A,B",
                        help="columns to leave out (e.g. the words of nl against en: statnaam,comparison_label)")
    parser.add_argument("--pages", action="store_true", help="compare the HTML pages and PNG images too")
    args = parser.parse_args(argv)
    ignore = [c.strip() for c in args.ignore_columns.split(",") if c.strip()]
    problems = compare_folders(args.before, args.after, numbers_only=args.numbers_only, ignore=ignore)
    n = len(list(args.before.glob("*.csv")))
    for p in problems:
        print(p)
    print(f"{n} tables compared: " + ("equal" if not problems else f"{len(problems)} differences"))
    if args.pages:
        pages = compare_pages(args.before, args.after)
        for p in pages:
            print(p)
        count = len([*args.before.glob("*.html"), *args.before.glob("*.png")])
        print(f"{count} pages and images compared: " + ("equal" if not pages else f"{len(pages)} differences"))
        problems += pages
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
