"""Start-up time of the command line: ``python -m regio --help`` and ``--version`` against ``python -c pass``.

Run: ``python benchmarks/startup.py [--repeat 15] [--target 10] [--root CHECKOUT]``. No data needed.

Each round runs the anchor (``python -c pass``, the interpreter's own start-up) and then each regio
command once, as whole processes with the same interpreter, so the machine's drift touches all alike.
The table gives the median wall time of each and the median over the rounds of its ratio to the
anchor of the same round. The exit status is 1 when a ratio exceeds ``--target`` (default 10: with
the command modules imported on first use, ``--help`` and ``--version`` load click and regio's
configuration only; importing every command, geopandas and matplotlib included, is over 100 times
the anchor). ``--root`` times another checkout, e.g. the one before a change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANCHOR = ("-c", "pass")
COMMANDS = {"--help": ("-m", "regio", "--help"), "--version": ("-m", "regio", "--version")}


def _wall(args: tuple[str, ...], env: dict[str, str], cwd: Path) -> float:
    """Wall seconds of one run of ``python args`` (its output discarded), failing if it fails.

    Parameters
    ----------
    args
        The interpreter's arguments.
    env, cwd
        Environment and working directory of the process.

    Returns
    -------
    float
        Seconds from start to exit.
    """
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def measure(root: Path, repeat: int, warmup: int = 2) -> dict[str, tuple[float, float]]:
    """Time the anchor and the regio commands, interleaved round by round.

    Parameters
    ----------
    root
        Checkout whose ``regio`` is timed (put first on ``PYTHONPATH``).
    repeat
        Counted rounds.
    warmup
        Rounds run first and not counted (file caches, byte code).

    Returns
    -------
    dict
        Label -> (median wall seconds, median ratio to the anchor of the same round); the anchor's
        ratio is 1.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH"))))}
    runs = {"python -c pass": ANCHOR, **{f"python -m regio {k}": v for k, v in COMMANDS.items()}}
    walls: dict[str, list[float]] = {label: [] for label in runs}
    for i in range(warmup + repeat):
        for label, args in runs.items():
            seconds = _wall(args, env, root)
            if i >= warmup:
                walls[label].append(seconds)
    anchor = walls["python -c pass"]
    return {label: (statistics.median(times), statistics.median(t / a for t, a in zip(times, anchor, strict=True)))
            for label, times in walls.items()}


def main(argv: list[str] | None = None) -> int:
    """Print the table and return 1 when a command exceeds the target ratio.

    Parameters
    ----------
    argv
        Command line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 when every ratio is within ``--target``, else 1.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", "-n", type=int, default=15, help="counted rounds (default 15)")
    parser.add_argument("--target", type=float, default=10.0,
                        help="largest ratio to `python -c pass` allowed (default 10)")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to time (default: this one)")
    args = parser.parse_args(argv)
    results = measure(args.root.resolve(), args.repeat)
    header = f"{'command':26s} {'median ms':>10s} {'x anchor':>9s} {'target':>7s}"
    print(f"{args.repeat} rounds, {sys.executable}, regio from {args.root.resolve()}")
    print(header)
    print("-" * len(header))
    over = []
    for label, (seconds, ratio) in results.items():
        anchor = label == "python -c pass"
        flag = "" if anchor or ratio <= args.target else "  OVER TARGET"
        if flag:
            over.append(label)
        target = "" if anchor else f"{args.target:g}"
        print(f"{label:26s} {seconds * 1e3:10.0f} {ratio:9.1f} {target:>7s}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
