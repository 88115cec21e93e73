"""Render regio's HTML maps in headless Chromium, offline, and report what a person would see.

The page is served from 127.0.0.1 with its CDN assets (Leaflet) taken from the
``folium-offline`` package and map tiles answered by a blank tile, so the
test needs no internet and any other outside request shows up as an error.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import re
import shutil
import socketserver
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# 1x1 transparent PNG for tiles
_TILE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
_TILE_URL = re.compile(r"https://(?:\{s\}\.)?(?:tile\.openstreetmap\.org|basemaps\.cartocdn\.com/light_all)"
                       r"/\{z\}/\{x\}/\{y\}(?:\{r\})?\.png")
ARTIFACTS = Path(os.environ.get("REGIO_ARTIFACTS", Path(__file__).parents[1] / "artifacts"))  # tests/artifacts/


@functools.lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    from offlinefolium.elements import _res  # CDN URL -> file content

    return dict(_res)


def browser_available() -> tuple[bool, str]:
    """Whether Chromium and ChromeDriver are installed (the reason if not)."""
    for exe in (CHROMIUM, CHROMEDRIVER):
        if not Path(exe).exists():
            return False, f"{exe} not installed (Debian packages chromium, chromium-driver)"
    try:
        import offlinefolium  # noqa: F401
        import selenium  # noqa: F401
    except ImportError as exc:
        return False, f"{exc.name} not installed (pip install -e '.[test]')"
    return True, ""


def localise(html: str, base: str) -> tuple[str, dict[str, bytes]]:
    """Point CDN links of ``html`` at ``base`` and return the routes to serve."""
    routes: dict[str, bytes] = {}
    for i, (url, content) in enumerate(_assets().items()):
        if url in html:
            route = f"/asset/{i}/{url.rsplit('/', 1)[-1]}"
            html = html.replace(url, base + route)
            routes[route] = content.encode("utf-8")
    html = _TILE_URL.sub(base + "/tiles/{z}/{x}/{y}.png", html)
    return html, routes


@dataclass
class Rendered:
    """What the browser showed."""

    regions: int
    legends: int
    visible_legend: str
    title: str
    tooltip: str
    markers: int
    outlines: int
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    switch_labels: list[str] = field(default_factory=list)
    screenshot: Path | None = None
    checked: str = ""  # the label of the layer whose radio button is checked (none: a map of one layer)
    tooltip_box: dict | None = None  # the hovered tooltip's bounding box: top, left, bottom, right (px)
    viewport: tuple[int, int] = (0, 0)  # width, height of the window's inner area
    hovered: str = ""  # the name in the tooltip's first row
    lang: str = ""  # the page's lang attribute
    requests: list[str] = field(default_factory=list)  # every URL the page asked for, but its own file


@contextmanager
def _serve(files: dict[str, bytes]):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path = self.path.split("?")[0]
            if path.startswith("/tiles/"):
                body, ctype = _TILE, "image/png"
            elif path in files:
                body = files[path]
                ctype = ("text/css" if path.endswith(".css") else "application/javascript" if path.endswith(".js")
                         else "text/html; charset=utf-8")
            else:
                self.send_error(404)
                return
            try:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the browser closed before the tile arrived
                pass

        def log_message(self, *args):  # quiet
            pass

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def render(html_path: Path, *, screenshot: str | None = None, hover: bool | str = True,
           switch_to: int | None = None, offline: bool = False) -> Rendered:
    """Open a map in headless Chromium and collect regions, legend, tooltip and console errors.

    By default the page is served from 127.0.0.1 with CDN assets and tiles answered locally. With
    ``offline`` it is opened as a file (``file://``), as a person opens a map they were sent, with every
    host name unresolvable: the page must work with what it holds (failed background tiles are not
    counted as errors; ``requests`` lists what it asked for all the same). ``hover`` moves the mouse onto
    a sizeable region near the middle of the window (``True``) or onto the northernmost region
    (``"north"``, where a tall tooltip would stick out at the top).
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    html = Path(html_path).read_text(encoding="utf-8")
    files: dict[str, bytes] = {}
    with _serve(files) as base:
        page, routes = localise(html, base)
        # what the page would load from elsewhere (scripts, styles, images), not links a person may click
        external = sorted(set(re.findall(
            r"<(?:script|img|iframe|link)\b[^>]*?\b(?:src|href)=[\"'](https?://(?!127\.0\.0\.1)[^\"']+)", page)))
        files.update(routes)
        files["/map.html"] = page.encode("utf-8")
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1200,900"):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        if offline:
            opts.add_argument("--host-resolver-rules=MAP * ~NOTFOUND")
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        try:
            driver.get(Path(html_path).resolve().as_uri() if offline else base + "/map.html")
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return document.querySelectorAll('path.regio-region').length") > 0)
            tooltip, tooltip_box = "", None
            checked = driver.execute_script("""
                var c = document.querySelector('.regio-switch input:checked');
                return c ? c.parentElement.innerText.trim() : '';""")
            if switch_to is not None:
                driver.find_elements(By.CSS_SELECTOR, ".regio-switch input")[switch_to].click()
            if hover:
                # hover a sizeable region near the middle of the window, at a point inside it
                target = driver.execute_script("""
                    var W = window.innerWidth / 2, H = window.innerHeight / 2, north = arguments[0] === 'north';
                    var ps = Array.from(document.querySelectorAll('path.regio-region')).filter(function(p) {
                      var r = p.getBoundingClientRect(); return r.width > 12 && r.height > 12; });
                    function d(p) { var r = p.getBoundingClientRect();
                      return north ? r.y : Math.hypot(r.x + r.width / 2 - W, r.y + r.height / 2 - H); }
                    ps.sort(function(a, b) { return d(a) - d(b); });
                    // a point inside the region where nothing (a marker, a tooltip) lies on top of it
                    for (var j = 0; j < ps.length; j++) {
                      var p = ps[j], len = p.getTotalLength(), svg = p.ownerSVGElement, ctm = p.getScreenCTM();
                      var r = p.getBoundingClientRect(), c = svg.createSVGPoint();
                      c.x = r.x + r.width / 2; c.y = r.y + r.height / 2;
                      var centre = c.matrixTransform(ctm.inverse());
                      for (var i = 0; i <= 40; i++) {
                        var q = p.getPointAtLength(len * i / 40), s = svg.createSVGPoint(), w = i === 0 ? 0 : 0.35;
                        s.x = centre.x * (1 - w) + q.x * w; s.y = centre.y * (1 - w) + q.y * w;
                        if (!p.isPointInFill(s)) { continue; }
                        var screen = s.matrixTransform(ctm);
                        if (document.elementFromPoint(screen.x, screen.y) === p) { return [screen.x, screen.y]; }
                      }
                    }
                    return null;""", hover)
                move = ActionBuilder(driver)
                move.pointer_action.move_to_location(int(target[0]), int(target[1]))
                move.perform()
                WebDriverWait(driver, 10).until(
                    lambda d: d.execute_script("return document.querySelector('.leaflet-tooltip') !== null"))
                tooltip = driver.find_element(By.CSS_SELECTOR, ".leaflet-tooltip").text
                tooltip_box = driver.execute_script("""
                    var r = document.querySelector('.leaflet-tooltip').getBoundingClientRect();
                    return {top: r.top, left: r.left, bottom: r.bottom, right: r.right};""")
            info = driver.execute_script("""
                var vis = Array.from(document.querySelectorAll('.regio-legend'))
                    .filter(function(e) { return e.offsetParent !== null; });
                return {regions: document.querySelectorAll('path.regio-region').length,
                        legends: document.querySelectorAll('.regio-legend').length,
                        visible: vis.map(function(e) { return e.innerText; }).join('\\n') +
                            Array.from(document.querySelectorAll('.regio-marker-legend'))
                                .map(function(e) { return '\\n' + e.innerText; }).join(''),
                        title: (document.querySelector('.regio-title') || {}).innerText || '',
                        markers: document.querySelectorAll('path.regio-marker').length,
                        outlines: document.querySelectorAll('path.regio-outline').length,
                        switches: Array.from(document.querySelectorAll('.regio-switch label'))
                            .map(function(e) { return e.innerText.trim(); }),
                        viewport: [window.innerWidth, window.innerHeight],
                        lang: document.documentElement.getAttribute('lang') || ''};""")
            shot = None
            if screenshot:
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                shot = ARTIFACTS / screenshot
                driver.save_screenshot(str(shot))
            logs = driver.get_log("browser")
            page_url = driver.current_url
            requests = []
            for entry in driver.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message.get("method") == "Network.requestWillBeSent":
                    url = message["params"]["request"]["url"]
                    if url != page_url and not url.startswith("data:"):
                        requests.append(url)
        finally:
            driver.quit()
    errors = [e["message"] for e in logs if e.get("level") == "SEVERE"
              and not (offline and ("tile.openstreetmap.org" in e["message"] or "cartocdn.com" in e["message"]))]
    return Rendered(regions=info["regions"], legends=info["legends"], visible_legend=info["visible"],
                    title=info["title"], tooltip=tooltip, markers=info["markers"], outlines=info["outlines"],
                    errors=errors, external=external, switch_labels=info["switches"], screenshot=shot,
                    checked=checked, tooltip_box=tooltip_box, viewport=tuple(info["viewport"]),
                    hovered=tooltip.split("\n")[0].split(" ", 1)[-1].strip() if tooltip else "",
                    lang=info["lang"], requests=requests)


def require_browser() -> None:
    """Skip (or, under CI, fail through conftest) when no browser is installed."""
    ok, reason = browser_available()
    if not ok:
        pytest.skip(reason)
