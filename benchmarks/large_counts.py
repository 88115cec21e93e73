"""Time and peak memory of reading a large counts file, per million rows, against plain ``pandas.read_csv``.

Run: ``python benchmarks/large_counts.py [--rows 1000000]``. No data needed: the file is made up
(PC4 codes 1000-9999 by year, one profession, a count and an FTE per row, ``;``-separated as Excel
writes it, about 31 bytes a row) and written to a temporary folder. Each reader runs in a fresh
Python process, so that its peak resident memory (``ru_maxrss``) is its own; the memory shown is
the rise above that process's memory after its imports. Both readers read the same file in the
same run, so the ratio holds across machines; the seconds and MB are this machine's.

    rows       reader                      seconds  s/M rows   peak MB  MB/M rows
    1,000,000  pandas.read_csv               ...
    1,000,000  pandas.read_csv(dtype=str)    ...     (every column text, as regio reads a table)
    1,000,000  regio read_counts_file        ...
    ratio regio / pandas.read_csv: time ...x, memory ...x
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def write_counts(path: Path, rows: int) -> None:
    """Write ``rows`` made-up rows: every PC4 code 1000-9999 per year from 2000 on, whole counts, FTE."""
    codes = np.arange(1000, 10000)
    index = np.arange(rows)
    rng = np.random.default_rng(0)
    count = rng.integers(0, 60, rows)
    fte = (count * rng.uniform(0.6, 1.0, rows)).round(1)
    with path.open("w", encoding="utf-8") as out:
        out.write("pc4;jaar;beroep;aantal;fte\n")
        step = 500_000
        for start in range(0, rows, step):
            i = index[start:start + step]
            lines = [f"{c};{y};huisarts;{n};{f}" for c, y, n, f in
                     zip(codes[i % len(codes)], 2000 + i // len(codes), count[i], fte[i], strict=True)]
            out.write("\n".join(lines) + "\n")


def _child(reader: str, path: str) -> None:
    """Read ``path`` with ``reader`` and print seconds, peak and baseline memory (KB) as JSON."""
    import pandas as pd

    from regio.sources.physicians import read_counts_file

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    if reader == "plain":
        frame = pd.read_csv(path, sep=";")
    elif reader == "text":
        frame = pd.read_csv(path, sep=";", dtype=str)
    else:
        frame = read_counts_file(path)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kb": peak, "base_kb": base, "rows": len(frame)}))


def _measure(reader: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", reader, str(path)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="Rows of the made-up file (default 1,000,000).")
    parser.add_argument("--child", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "counts_large.csv"
        write_counts(path, args.rows)
        size = path.stat().st_size / 1e6
        print(f"made-up counts file: {args.rows:,} rows, {size:,.0f} MB")
        print(f"{'rows':>10}  {'reader':<27} {'seconds':>8} {'s/M rows':>9} {'peak MB':>8} {'MB/M rows':>10}")
        results = {}
        for reader, label in (("plain", "pandas.read_csv"), ("text", "pandas.read_csv(dtype=str)"),
                              ("regio", "regio read_counts_file")):
            r = _measure(reader, path)
            assert r["rows"] == args.rows, r
            mb = (r["peak_kb"] - r["base_kb"]) / 1024
            per = 1e6 / args.rows
            results[reader] = (r["seconds"], mb)
            print(f"{args.rows:>10,}  {label:<27} {r['seconds']:>8.2f} {r['seconds'] * per:>9.2f} {mb:>8.0f} "
                  f"{mb * per:>10.0f}")
        for reader, label in (("plain", "pandas.read_csv"), ("text", "pandas.read_csv(dtype=str)")):
            (t_ref, m_ref), (t_regio, m_regio) = results[reader], results["regio"]
            print(f"ratio regio / {label}: time {t_regio / t_ref:.1f}x, memory {m_regio / max(m_ref, 1):.1f}x")


if __name__ == "__main__":
    main()
