"""Build time and size of regio's web maps against ``GeoDataFrame.explore``, cold and warm cache.

Run: ``REGIO_DATA_DIR=../shared/data python benchmarks/maps_vs_explore.py [--levels gemeente wijk pc4] [--repeat 3]``.

For each level the same population choropleth (quantiles, k=6; tooltips with name and inhabitants) is built
and written as a page, by regio (:func:`regio.maps.core.region_map`, shared arcs) and by
``GeoDataFrame.explore`` (folium's GeoJSON of the shapes), in the same process, interleaved round by round;
the boundaries and population are loaded once before. Times are CPU seconds (``time.process_time``), the
median over the rounds, and the ratio is the median of the per-round ratios regio / explore.

* **cold**: every regio build starts with an empty derived cache (the in-process memo cleared and a new
  ``REGIO_CACHE_DIR``), so it cleans, simplifies and encodes the coverage as a first run does;
* **warm (disk)**: the memo cleared, the cache folder kept: a second run, which reads the coverage's
  topology from ``REGIO_CACHE_DIR``;
* **warm (memo)**: a second map of the same boundaries in the same process (as in the atlas).

Sizes are of the HTML files (Leaflet inlined by regio, linked by explore, as each does by default).
Issue 15's goal: ratio ≤ 0.5 at every level (warm, from disk) and sizes no larger than before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import regio
from regio import derived
from regio.maps.core import Layer, format_number, map_html, region_map
from regio.report.export import write_html

CASES = {"gemeente": (2024, 2024), "wijk": (2022, 2022), "pc4": (2020, 2021)}
TOOLTIP = {"t_name": "Regio", "t_pop": "Inwoners"}


def frame(level: str):
    """Boundaries joined with the population and the tooltip texts, as both builders get them."""
    shape_year, pop_year = CASES[level]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pc4 5028 has no geometry: said once by the loader
        shapes = regio.boundaries(level, shape_year)
        pop = regio.population(level, pop_year)
    out = shapes[["geometry"]].join(pop[["statnaam", "population"]], how="inner")
    out = out[out["population"].notna()]
    out["t_name"] = out["statnaam"].astype(str)
    out["t_pop"] = out["population"].map(lambda v: format_number(v, 0))
    return out


def build_regio(gdf, path: Path) -> tuple[float, int]:
    """CPU seconds and bytes of regio's page."""
    t0 = time.process_time()
    layer = Layer.from_values("Inwoners", gdf["population"], scheme="quantiles", k=6)
    fmap = region_map(gdf, [layer], tooltip=TOOLTIP, title="Inwoners", source="CBS")
    write_html(map_html(fmap, title="Inwoners"), path)
    return time.process_time() - t0, path.stat().st_size


def build_explore(gdf, path: Path) -> tuple[float, int]:
    """CPU seconds and bytes of ``GeoDataFrame.explore``'s page (it needs EPSG:4326)."""
    t0 = time.process_time()
    web = gdf[["geometry", "population", "t_name", "t_pop"]].to_crs("EPSG:4326")
    fmap = web.explore(column="population", scheme="quantiles", k=6, tooltip=list(TOOLTIP))
    fmap.save(str(path))
    return time.process_time() - t0, path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 1 when a warm (disk) ratio is above 0.5.

    Parameters
    ----------
    argv
        Command line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 when every warm (disk) ratio is at most 0.5, else 1.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", nargs="+", default=list(CASES), choices=list(CASES))
    parser.add_argument("--repeat", "-n", type=int, default=3, help="counted rounds (default 3)")
    args = parser.parse_args(argv)
    header = (f"{'level':9s} {'regions':>7s} {'explore s':>9s} {'cold s':>7s} {'ratio':>6s} {'disk s':>7s} "
              f"{'ratio':>6s} {'memo s':>7s} {'ratio':>6s} {'regio KB':>9s} {'explore KB':>10s}")
    print(f"CPU seconds, median of {args.repeat} rounds; ratio = regio / explore (median of the rounds)")
    print(header)
    print("-" * len(header))
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for level in args.levels:
            gdf = frame(level)
            build_explore(gdf, tmp / "warmup.html")  # imports and first-use costs of both, not counted
            build_regio(gdf, tmp / "warmup.html")
            ex, cold, disk, warm = [], [], [], []
            for i in range(args.repeat):
                secs, esize = build_explore(gdf, tmp / f"{level}_explore.html")
                ex.append(secs)
                derived._memo.clear()
                os.environ["REGIO_CACHE_DIR"] = str(tmp / f"cache_{level}_{i}")  # empty: a first run
                secs, _ = build_regio(gdf, tmp / f"{level}_regio.html")
                cold.append(secs)
                derived._memo.clear()
                secs, _ = build_regio(gdf, tmp / f"{level}_regio.html")  # the topology read from the cache folder
                disk.append(secs)
                secs, size = build_regio(gdf, tmp / f"{level}_regio.html")  # and kept in the memo
                warm.append(secs)

            def ratio(times: list[float], ex: list[float] = ex) -> float:
                return statistics.median(t / e for t, e in zip(times, ex, strict=True))

            worst = max(worst, ratio(disk))
            print(f"{level:9s} {len(gdf):7d} {statistics.median(ex):9.2f} {statistics.median(cold):7.2f} "
                  f"{ratio(cold):6.2f} {statistics.median(disk):7.2f} {ratio(disk):6.2f} "
                  f"{statistics.median(warm):7.2f} {ratio(warm):6.2f} {size / 1e3:9.0f} {esize / 1e3:10.0f}")
    print(f"warm (disk) ratios at most {worst:.2f}: {'within' if worst <= 0.5 else 'OVER'} the goal of 0.5")
    return 0 if worst <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
