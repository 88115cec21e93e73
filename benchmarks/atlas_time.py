"""CPU time of ``regio atlas`` (all sections), cold and warm cache, against anchors measured in the same run.

Run: ``REGIO_DATA_DIR=../shared/data python benchmarks/atlas_time.py [--repeat 2] [--target 8] [--root CHECKOUT]``
(``--root`` times another checkout, e.g. the one before a change; ``--against OTHER`` times ``OTHER`` too, its runs
taking turns with those of ``--root``, so that both see the same load of a shared machine).

Every run is a whole process (``python -m regio -v atlas --out TMP``) with the same interpreter; its CPU
time (user + system, from ``resource.getrusage`` of the children) is taken, less that of ``python -c pass``
measured in the same round (the interpreter's start-up, which the target excludes). The derived cache
goes to a new temporary folder (``REGIO_CACHE_DIR``): the first run of a round is *cold* (every coverage
cleaned, every dissolve made) and the next ones *warm* (what a second ``regio atlas`` costs). The
per-section CPU times come from the ``-v`` log lines ("atlas section NAME: ... s CPU").

The anchor is a fixed piece of work (sorting 2,000,000 random floats 10 times with numpy in a fresh
process, less its start-up); the ratio atlas / anchor compares machines, as the other benchmarks do. The exit
status is 1 when the median warm atlas takes more than ``--target`` CPU seconds (default 8, issue 15).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANCHOR = "import numpy as np\nr = np.random.default_rng(0).random(2_000_000)\nfor _ in range(10): np.sort(r)\n"
_SECTION = re.compile(r"atlas section (\w+): ([\d.]+) s CPU")


def _cpu(args: list[str], env: dict[str, str], root: Path = ROOT) -> tuple[float, str]:
    """CPU seconds (user + system) of one child process and its standard error; fails if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, *args], env=env, cwd=root, check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 1 when the warm atlas is over the target.

    Parameters
    ----------
    argv
        Command line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 within the target, else 1.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", "-n", type=int, default=2, help="warm runs after the cold one (default 2)")
    parser.add_argument("--target", type=float, default=8.0, help="CPU seconds allowed, warm (default 8)")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to time (default: this one)")
    parser.add_argument("--against", type=Path, default=None,
                        help="a second checkout, timed in turns with --root (e.g. main before a change)")
    args = parser.parse_args(argv)
    roots = [args.root.resolve()] + ([args.against.resolve()] if args.against else [])
    rows: dict[Path, list] = {root: [] for root in roots}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1 + args.repeat):
            for n, root in enumerate(roots):  # in turns: a burst of load on the machine hits both alike
                env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(root),
                                                                                  os.environ.get("PYTHONPATH")))),
                       "REGIO_CACHE_DIR": str(Path(tmp) / f"cache{n}")}
                start, _ = _cpu(["-c", "pass"], env, root)
                anchor, _ = _cpu(["-c", ANCHOR], env, root)
                atlas, log = _cpu(["-m", "regio", "-v", "atlas", "--out", str(Path(tmp) / f"atlas{n}_{i}")], env,
                                  root)
                sections = {m[1]: float(m[2]) for m in _SECTION.finditer(log)}
                rows[root].append(("cold" if i == 0 else "warm", atlas - start, anchor - start, start, sections))
    names = list(rows[roots[0]][0][4])
    header = (f"{'run':5s} {'atlas s':>8s} {'anchor s':>9s} {'ratio':>6s} {'start s':>8s} "
              + " ".join(f"{n[:11]:>11s}" for n in names))
    print(f"CPU seconds (user + system), start-up of `python -c pass` subtracted; {sys.executable}")
    verdicts = []
    for root in roots:
        print(f"regio from {root}")
        print(header)
        print("-" * len(header))
        for run, atlas, anchor, start, sections in rows[root]:
            print(f"{run:5s} {atlas:8.2f} {anchor:9.2f} {atlas / anchor:6.1f} {start:8.2f} "
                  + " ".join(f"{sections.get(n, float('nan')):11.2f}" for n in names))
        runs = rows[root]
        warm = statistics.median(r[1] for r in runs[1:]) if len(runs) > 1 else runs[0][1]
        median = {n: statistics.median(r[4].get(n, float("nan")) for r in runs[1:] or runs) for n in names}
        print(f"{'med':5s} {warm:8.2f} {'':9s} {'':6s} {'':8s} " + " ".join(f"{median[n]:11.2f}" for n in names))
        verdicts.append(warm)
    warm = verdicts[0]
    verdict = "within" if warm <= args.target else "OVER"
    print(f"warm median {warm:.2f} s CPU: {verdict} the target of {args.target:g} s")
    return 0 if warm <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
