"""Fake CBS StatLine (OData v3 Feed) and PDOK WFS servers on 127.0.0.1 for the online tests.

They serve the MADE-UP fixtures of ``tests/fixtures/online/`` in the formats of the real
services, as real recorded answers show them (``shared/docs/online_formats/``; each fixture's
``_comment`` says where each detail comes from). They answer only on the loopback interface,
on a free port, and stop when the test ends.

StatLine, as CBS answers (recorded 80137ned/83599NED answers, cbsodata PR #15, cbsodataR #17):

* tables below ``/ODataFeed/odata/{id}/`` in any case of ``odata`` and of the table id (root
  entity urls say ``odata``, ``odata.metadata`` and recorded nextLinks say ``OData``; clients
  write ``70072ned`` and ``70072NED``); entity set names exactly, with or without a trailing ``/``;
* ``odata.metadata`` = ``{root}/ODataFeed/OData/{id}/$metadata#Cbs.OData.WebAPI.{Set}``;
* pages of ``page_size`` rows (10,000 like CBS), continued by ``odata.nextLink`` = the request's
  path with its query options repeated in order (values percent-encoded, ``$`` literal) and a
  literal ``$skip=N`` appended;
* ``$filter`` with ``eq``/``ne``/``and``/``or``/``startswith`` on the exact (padded) keys, ``$select``.

``replay`` maps a request (lower-case path without trailing ``/``, query pairs) to a recorded
answer served verbatim, host rewritten: the two recorded pages of 83599NED are registered.

PDOK WFS as PDOK's MapServer answers (see the PDOK fixture's ``_comment``): at most ``pdok_max``
(1000) features, ``numberMatched`` the total (absent if ``pdok_number_matched`` is False), no
``numberReturned``, top-level ``bbox``, ``crs`` (``pdok_crs``), ``Content-Type:
application/json; charset=utf-8``; parameter names in any case.

Other knobs: ``ignore_filters`` (answer as if ``$filter``/``$select`` were not supported);
``drop`` maps a fragment of the path and query (``"TypedDataSet"``, ``"startIndex=2"``, or a
pattern with ``*`` such as ``"*TypedDataSet*$skip=4"``) to how many of the next answers to it
are cut off in the middle: the full ``Content-Length`` is announced, half the body is sent,
and the connection is closed (as a connection that drops mid-response); ``loop_next_link``
(True, or the name of one entity set) makes every StatLine answer (of that set) end with an
``odata.nextLink`` to a further ``$skip``, for ever (a server that keeps sending nextLink);
``pdok_ignore_start`` answers every WFS request from the first feature (a server that ignores
``startIndex``).
``requests`` logs every request as :class:`Request` ``(path, query, raw)``.
"""

from __future__ import annotations

import fnmatch
import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, urlsplit

FIXTURES = Path(__file__).parents[1] / "fixtures" / "online"  # tests/fixtures/online/
RECORDED = FIXTURES / "recorded"
#: The host of the recorded answers, rewritten to the fake server's when they are replayed.
CBS_HOST = "https://opendata.cbs.nl"
#: Rows per StatLine answer: CBS pages at 10,000 (83599NED page 1 ends at ID 9999 with $skip=10000).
CBS_PAGE = 10_000
#: Features per WFS answer at most (wfs_maxfeatures of PDOK's MapServer).
PDOK_MAX = 1000


class Request(NamedTuple):
    """One request to the fake servers: path, query (last value of each option), raw query string."""

    path: str
    query: dict[str, str]
    raw: str


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
    """Compile an OData subset: ``eq``, ``ne``, ``and``, ``or``, parentheses, ``startswith`` (exact keys)."""
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
        op = take("w").lower()
        if op not in ("eq", "ne"):
            raise ValueError(f"operator {op!r} not supported by the fake server in $filter {text!r}")
        value = take("s")
        if op == "ne":
            return lambda r: str(r.get(name)) != value
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
                                    "statline_70072ned.json", "statline_85830NED.json")}
        self.pdok = load("pdok_gebiedsindelingen.json")["years"]
        self.page_size = CBS_PAGE
        self.ignore_filters = False
        self.drop: dict[str, int] = {}
        self.loop_next_link: bool | str = False
        self.pdok_ignore_start = False
        self.pdok_max = PDOK_MAX
        self.pdok_crs = True
        self.pdok_number_matched: bool | int = True
        self.replay: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}
        for page, query in (("page1", (("$format", "json"),)),
                            ("page2", (("$format", "json"), ("$skip", "10000")))):
            body = (RECORDED / f"cbs_83599NED_UntypedDataSet_{page}_cut.json").read_text(encoding="utf-8")
            self.replay[("/odatafeed/odata/83599ned/untypeddataset", query)] = body
        self.requests: list[Request] = []
        servers = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                pairs = parse_qsl(parts.query, keep_blank_values=True)
                servers.requests.append(Request(parts.path, dict(pairs), parts.query))
                try:
                    status, ctype, body = servers.answer(parts.path, pairs)
                except ValueError as exc:
                    status, ctype, body = 400, "text/plain", str(exc)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if servers.take_drop(self.path):
                    self.wfile.write(data[: len(data) // 2])   # half the answer, then the connection is gone
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
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

    def take_drop(self, path: str) -> bool:
        """Whether this answer to ``path`` (with its query) is cut off; counts down the matching ``drop`` entry."""
        for fragment, left in self.drop.items():
            pattern = fragment.lower() if "*" in fragment else f"*{fragment.lower()}*"
            if left > 0 and fnmatch.fnmatchcase(path.lower(), pattern):
                self.drop[fragment] = left - 1
                return True
        return False

    @property
    def pdok_url(self) -> str:
        return f"{self.url}/cbs/gebiedsindelingen"

    def data_requests(self, table: str) -> list[dict[str, str]]:
        """Queries of the requests for a table's TypedDataSet, in order."""
        return [r.query for r in self.requests
                if r.path.lower().rstrip("/").endswith(f"/{table.lower()}/typeddataset")]

    # -- routing
    def answer(self, path: str, pairs: list[tuple[str, str]]) -> tuple[int, str, str]:
        recorded = self.replay.get((path.lower().rstrip("/"), tuple(pairs)))
        if recorded is not None:
            return 200, STATLINE_TYPE, recorded.replace(CBS_HOST, self.url)
        m = re.fullmatch(r"/ODataFeed/OData/([^/]+)/?(.*?)/?", path, re.I)
        if m:
            return self._statline(path, m[1], m[2], pairs)
        m = re.fullmatch(r"/cbs/gebiedsindelingen/(\d{4})/wfs/v1_0", path)
        if m:
            return self._wfs(m[1], {k.lower(): v for k, v in pairs})
        return 404, "text/plain", "Not Found"

    # -- CBS StatLine, OData v3 Feed
    def _statline(self, path: str, table_id: str, entity: str,
                  pairs: list[tuple[str, str]]) -> tuple[int, str, str]:
        table = self.tables.get(table_id.lower())
        if table is None:
            return 404, "application/json", json.dumps({"odata.error": {"code": "", "message": {
                "lang": "nl-NL", "value": f"Table {table_id} not found (fake server)."}}})
        query = dict(pairs)
        metadata = f"{self.url}/ODataFeed/OData/{table_id}/$metadata"
        if entity == "":
            names = ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups",
                     *(p["Key"] for p in table["DataProperties"] if p["Type"] != "Topic" and p["Key"])]
            return self._json({"odata.metadata": metadata, "value": [
                {"name": n, "url": f"{self.url}/ODataFeed/odata/{table_id}/{n}"} for n in names]})
        if entity in ("TypedDataSet", "UntypedDataSet"):
            rows = table["TypedDataSet"]
            if not self.ignore_filters:
                if query.get("$filter"):
                    pred = compile_filter(query["$filter"])
                    rows = [r for r in rows if pred(r)]
                if query.get("$select"):
                    cols = [c.strip() for c in query["$select"].split(",")]
                    rows = [{c: r[c] for c in cols if c in r} for r in rows]
            if entity == "UntypedDataSet":  # text right-aligned in 8, '.' for no figure
                decimals = {p["Key"]: p.get("Decimals") or 0 for p in table["DataProperties"]
                            if p["Type"] == "Topic"}
                rows = [{k: (f"{'.':>8}" if v is None else f"{v:>8.{decimals[k]}f}") if k in decimals else v
                         for k, v in r.items()} for r in rows]
        elif entity in table:
            rows = table[entity]
        else:
            return 404, "application/json", json.dumps({"odata.error": {"message": {"value": "No such set"}}})
        start = int(query.get("$skip", "0"))
        page = rows[start:start + self.page_size]
        out = {"odata.metadata": f"{metadata}#Cbs.OData.WebAPI.{entity}", "value": page}
        looping = self.loop_next_link is True or self.loop_next_link == entity
        if start + self.page_size < len(rows) or looping:
            out["odata.nextLink"] = self.next_link(path, pairs, start + self.page_size)
        return self._json(out)

    def next_link(self, path: str, pairs: list[tuple[str, str]], skip: int) -> str:
        """The request's URL with its query options repeated (``$`` literal) and ``$skip={skip}`` appended."""
        options = "".join(f"{k}={quote(v, safe='')}&" for k, v in pairs if k != "$skip")
        return f"{self.url}{path}?{options}$skip={skip}"

    # -- PDOK WFS 2.0 (MapServer)
    def _wfs(self, year: str, query: dict[str, str]) -> tuple[int, str, str]:
        layers = self.pdok.get(year)
        if layers is None:
            return 404, "text/html", "<html><body>404 Not Found</body></html>"
        typename = query.get("typenames") or query.get("typename") or ""
        layer = typename.removeprefix("gebiedsindelingen:").removesuffix("_gegeneraliseerd")
        if query.get("request", "").lower() != "getfeature" or layer not in layers:
            return 400, "text/xml", (
                '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport '
                'xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:Exception '
                'exceptionCode="InvalidParameterValue" locator="typenames"><ows:ExceptionText>'
                f"Feature type {typename} unknown (fake server)</ows:ExceptionText></ows:Exception>"
                "</ows:ExceptionReport>")
        features = layers[layer]
        start = 0 if self.pdok_ignore_start else int(query.get("startindex", "0"))
        n = min(int(query.get("count", str(self.pdok_max))), self.pdok_max)
        page = features[start:start + n]
        out: dict = {"type": "FeatureCollection", "name": f"{layer}_gegeneraliseerd"}
        if self.pdok_number_matched is True:
            out["numberMatched"] = len(features)
        elif self.pdok_number_matched is not False:        # a test's own number (a server that is wrong)
            out["numberMatched"] = self.pdok_number_matched
        if self.pdok_crs:
            out["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
        boxes = [f["bbox"] for f in page if f.get("bbox")]
        if boxes:
            out["bbox"] = [min(b[0] for b in boxes), min(b[1] for b in boxes),
                           max(b[2] for b in boxes), max(b[3] for b in boxes)]
        out["features"] = page
        return 200, "application/json; charset=utf-8", json.dumps(out)

    @staticmethod
    def _json(obj: dict) -> tuple[int, str, str]:
        return 200, STATLINE_TYPE, json.dumps(obj)


#: Content type of the StatLine answers (ASP.NET Web API OData v3, JSON light; not in the recordings).
STATLINE_TYPE = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8"
