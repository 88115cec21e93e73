"""Fake CBS StatLine (OData v3 Feed) and PDOK WFS servers on 127.0.0.1 for the online tests.

They serve the MADE-UP fixtures of ``tests/fixtures/online/`` in the formats of the real
services (see each fixture's ``_comment`` for where each detail comes from). They answer
only on the loopback interface, on a free port, and stop when the test ends.

Knobs (attributes of :class:`FakeServers`): ``page_size`` (rows per StatLine answer before
an ``odata.nextLink``), ``ignore_filters`` (answer as if ``$filter``/``$select`` were not
supported), ``pdok_max`` (features per WFS answer whatever ``count`` asks), ``pdok_crs``
(declare a ``crs`` member or not). ``requests`` logs every request as ``(path, query)``.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "online"


def load(name: str) -> dict:
    """A fixture file without its documentation keys (those starting with ``_``)."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


# ----------------------------------------------------------------------------- a small OData $filter

_TOKEN = re.compile(r"\s*(?:(?P<p>[(),])|'(?P<s>(?:[^']|'')*)'|(?P<w>[A-Za-z_][A-Za-z0-9_]*))")


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse $filter at {text[pos:]!r}")
        kind = m.lastgroup
        out.append((kind, m.group(kind).replace("''", "'") if kind == "s" else m.group(kind)))
        pos = m.end()
    return out


def compile_filter(text: str):
    """Compile the OData subset regio sends: ``eq``, ``and``, ``or``, parentheses, ``startswith``."""
    toks = _tokens(text)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else (None, None)

    def take(kind=None, value=None):
        nonlocal pos
        tok = peek()
        if tok[0] is None or (kind and tok[0] != kind) or (value and tok[1].lower() != value):
            raise ValueError(f"unexpected {tok} in $filter {text!r}")
        pos += 1
        return tok[1]

    def expr():
        left = term()
        while peek()[1] and peek()[1].lower() == "or":
            take()
            right, prev = term(), left
            left = (lambda a, b: lambda r: a(r) or b(r))(prev, right)
        return left

    def term():
        left = factor()
        while peek()[1] and peek()[1].lower() == "and":
            take()
            right, prev = factor(), left
            left = (lambda a, b: lambda r: a(r) and b(r))(prev, right)
        return left

    def factor():
        if peek() == ("p", "("):
            take()
            inner = expr()
            take("p", ")")
            return inner
        name = take("w")
        if name.lower() == "startswith":
            take("p", "(")
            col = take("w")
            take("p", ",")
            prefix = take("s")
            take("p", ")")
            return lambda r: str(r.get(col, "")).startswith(prefix)
        take("w", "eq")
        value = take("s")
        return lambda r: str(r.get(name)) == value

    pred = expr()
    if pos != len(toks):
        raise ValueError(f"trailing tokens in $filter {text!r}")
    return pred


# ----------------------------------------------------------------------------- the servers

class FakeServers:
    """Both fake services behind one HTTP server; use as a context manager."""

    def __init__(self) -> None:
        self.tables = {name.split("_", 1)[1].removesuffix(".json").lower(): load(name)
                       for name in ("statline_84777NED.json", "statline_84779NED.json",
                                    "statline_70072ned.json")}
        self.pdok = load("pdok_gebiedsindelingen.json")["years"]
        self.page_size = 4
        self.ignore_filters = False
        self.pdok_max = 3
        self.pdok_crs = True
        self.requests: list[tuple[str, dict[str, str]]] = []
        servers = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
                servers.requests.append((parts.path, query))
                try:
                    status, ctype, body = servers.answer(parts.path, query)
                except ValueError as exc:
                    status, ctype, body = 400, "text/plain", str(exc)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def __enter__(self) -> FakeServers:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    @property
    def pdok_url(self) -> str:
        return f"{self.url}/cbs/gebiedsindelingen"

    def data_requests(self, table: str) -> list[dict[str, str]]:
        """Queries of the requests for a table's TypedDataSet, in order."""
        return [q for p, q in self.requests if p.lower().endswith(f"/{table.lower()}/typeddataset")]

    # -- routing
    def answer(self, path: str, query: dict[str, str]) -> tuple[int, str, str]:
        m = re.fullmatch(r"/ODataFeed/odata/([^/]+)/?(.*)", path)
        if m:
            return self._statline(m[1], m[2], query)
        m = re.fullmatch(r"/cbs/gebiedsindelingen/(\d{4})/wfs/v1_0", path)
        if m:
            return self._wfs(m[1], query)
        return 404, "text/plain", "Not Found"

    # -- CBS StatLine, OData v3 Feed
    def _statline(self, table_id: str, entity: str, query: dict[str, str]) -> tuple[int, str, str]:
        table = self.tables.get(table_id.lower())
        if table is None:
            return 404, "application/json", json.dumps({"odata.error": {"code": "", "message": {
                "lang": "nl-NL", "value": f"Table {table_id} not found (fake server)."}}})
        root = f"{self.url}/ODataFeed/odata/{table_id}/"
        if entity == "":
            names = ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups",
                     *(p["Key"] for p in table["DataProperties"] if p["Type"] != "Topic" and p["Key"])]
            return self._json({"odata.metadata": f"{root}$metadata",
                               "value": [{"name": n, "url": root + n} for n in names]})
        if entity in ("TypedDataSet", "UntypedDataSet"):
            rows = table["TypedDataSet"]
            if not self.ignore_filters:
                if query.get("$filter"):
                    pred = compile_filter(query["$filter"])
                    rows = [r for r in rows if pred(r)]
                if query.get("$select"):
                    cols = [c.strip() for c in query["$select"].split(",")]
                    rows = [{c: r[c] for c in cols if c in r} for r in rows]
            if entity == "UntypedDataSet":  # text values, right-aligned, '.' for no figure
                rows = [{k: (v if isinstance(v, str) or k == "ID" else
                             f"{'.' if v is None else v:>8}") for k, v in r.items()} for r in rows]
        elif entity in table:
            rows = table[entity]
        else:
            return 404, "application/json", json.dumps({"odata.error": {"message": {"value": "No such set"}}})
        start = int(query.get("$skiptoken", "0"))
        page = rows[start:start + self.page_size]
        out = {"odata.metadata": f"{root}$metadata#Cbs.OData.WebAPI.{entity}", "value": page}
        if start + self.page_size < len(rows):
            keep = {k: v for k, v in query.items() if k != "$skiptoken"}
            out["odata.nextLink"] = f"{root}{entity}?{urlencode({**keep, '$skiptoken': start + self.page_size})}"
        return self._json(out)

    # -- PDOK WFS 2.0
    def _wfs(self, year: str, query: dict[str, str]) -> tuple[int, str, str]:
        layers = self.pdok.get(year)
        if layers is None:
            return 404, "text/html", "<html><body>404 Not Found</body></html>"
        typename = query.get("typeNames") or query.get("typeName") or ""
        layer = typename.removeprefix("gebiedsindelingen:").removesuffix("_gegeneraliseerd")
        if query.get("request") != "GetFeature" or layer not in layers:
            return 400, "text/xml", (
                '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport '
                'xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:Exception '
                'exceptionCode="InvalidParameterValue" locator="typenames"><ows:ExceptionText>'
                f"Feature type {typename} unknown (fake server)</ows:ExceptionText></ows:Exception>"
                "</ows:ExceptionReport>")
        features = layers[layer]
        start = int(query.get("startIndex", "0"))
        n = min(int(query.get("count", "1000")), self.pdok_max)
        page = features[start:start + n]
        out = {"type": "FeatureCollection", "name": f"{layer}_gegeneraliseerd",
               "numberMatched": start + len(page), "numberReturned": len(page), "features": page}
        if self.pdok_crs:
            out["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
        return 200, "application/json; subtype=geojson", json.dumps(out)

    @staticmethod
    def _json(obj: dict) -> tuple[int, str, str]:
        return 200, "application/json;odata=minimalmetadata;streaming=true;charset=utf-8", json.dumps(obj)
