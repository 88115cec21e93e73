"""Size and build time of regio's web maps per level, against geopandas.explore on the same data.

Run: ``REGIO_DATA_DIR=../shared/data python benchmarks/map_size.py [--levels provincie gemeente pc4]``.

For each level the same population choropleth (one layer, quantiles, tooltips with name and inhabitants)
is written three ways: regio's default (shared arcs, quantised and delta-encoded, decoded in the page),
regio with ``encoding="geojson"`` (the same cleaned and simplified coverage as plain GeoJSON) and
``GeoDataFrame.explore`` (folium's GeoJson of the unsimplified shapes). Sizes are of the HTML files.
Budgets (issue 3): municipal < 400 KB, PC4 < 2 MB.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import shapely

import regio
from regio.maps.core import Layer, format_number, map_html, region_map
from regio.maps.density import SIZE_BUDGETS
from regio.maps.shapes import topology
from regio.report.export import write_html

CASES = {"provincie": (2022, 2022), "gemeente": (2024, 2024), "pc4": (2020, 2021)}


def _frame(level: str):
    shape_year, pop_year = CASES[level]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pc4 5028 has no geometry: said once by the loader
        shapes = regio.boundaries(level, shape_year)
    pop = regio.population(level, pop_year)
    frame = shapes[["geometry"]].join(pop, how="inner")
    frame["t_name"] = frame["statnaam"].astype(str)
    frame["t_pop"] = frame["population"].map(lambda v: format_number(v, 0))
    return frame


def _regio(frame, path: Path, encoding: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    layer = Layer.from_values("Inwoners", frame["population"], scheme="quantiles", k=6)
    fmap = region_map(frame, [layer], tooltip={"t_name": "Regio", "t_pop": "Inwoners"}, title="Inwoners",
                      source="CBS", encoding=encoding)
    write_html(map_html(fmap), path)
    return path.stat().st_size, time.perf_counter() - t0


def _explore(frame, path: Path) -> tuple[int, float]:
    t0 = time.perf_counter()
    web = frame[["geometry", "population", "t_name", "t_pop"]].to_crs("EPSG:4326")
    fmap = web.explore(column="population", scheme="quantiles", k=6, tooltip=["t_name", "t_pop"])
    fmap.save(str(path))
    return path.stat().st_size, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", nargs="+", default=list(CASES), choices=list(CASES))
    args = parser.parse_args()
    header = (f"{'level':10s} {'regions':>7s} {'vertices':>9s} {'arcs':>6s} {'regio KB':>9s} {'s':>5s} "
              f"{'geojson KB':>10s} {'s':>5s} {'explore KB':>10s} {'s':>5s} {'regio/explore':>13s} {'budget KB':>9s}")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for level in args.levels:
            frame = _frame(level)
            vertices = int(shapely.get_num_coordinates(frame.geometry.to_numpy()).sum())
            arcs = len(topology(frame[["geometry"]])["arcs"])
            size, secs = _regio(frame, Path(tmp) / f"{level}_regio.html", "topology")
            gsize, gsecs = _regio(frame, Path(tmp) / f"{level}_geojson.html", "geojson")
            esize, esecs = _explore(frame, Path(tmp) / f"{level}_explore.html")
            budget = SIZE_BUDGETS.get(level, SIZE_BUDGETS["default"])
            flag = "" if size < budget else "  OVER BUDGET"
            print(f"{level:10s} {len(frame):7d} {vertices:9d} {arcs:6d} {size / 1e3:9.0f} {secs:5.1f} "
                  f"{gsize / 1e3:10.0f} {gsecs:5.1f} {esize / 1e3:10.0f} {esecs:5.1f} {size / esize:13.2f} "
                  f"{budget / 1e3:9.0f}{flag}")


if __name__ == "__main__":
    main()
