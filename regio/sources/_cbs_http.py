"""How regio drives cbsodata: its base URL, the proxies and timeout, and every page through a Pager.

Used by :mod:`regio.sources.statline` (and its helpers); nothing here knows a table.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import cbsodata
import requests

from regio.sources._online import TIMEOUT, Pager

__all__: list[str] = []


@contextlib.contextmanager
def _cbsodata_at(base: str) -> Iterator[str]:
    """Point cbsodata at ``base``: yield its ``catalog_url`` and set ``options.use_https``."""
    parts = urlsplit(base if "://" in base else f"https://{base}")
    catalog = (parts.netloc + parts.path).rstrip("/")
    old = cbsodata.options.use_https
    cbsodata.options.use_https = parts.scheme != "http"
    try:
        yield catalog
    finally:
        cbsodata.options.use_https = old


@contextlib.contextmanager
def _paged(what: str) -> Iterator[Pager]:
    """Send cbsodata's requests through a :class:`~regio.sources._online.Pager` while the block runs.

    cbsodata sends every page (every ``odata.nextLink``) with a new
    ``requests.Session``; the session class it uses is replaced for the block by
    one whose ``send`` goes through the pager: each page retried when the
    connection drops, the pages of one data set bounded.
    """
    pager = Pager(what)

    class _Session(requests.Session):
        def send(self, request, **kwargs):
            return pager.send(lambda: requests.Session.send(self, request, **kwargs), request.url)

    module = sys.modules[cbsodata.download_data.__module__]
    old = module.Session
    module.Session = _Session
    try:
        yield pager
    finally:
        module.Session = old


def _request_kwargs(url: str) -> dict:
    """Keyword arguments cbsodata hands to ``requests``: a timeout and the proxies for ``url``.

    cbsodata sends prepared requests itself, which skips the proxy variables of
    the environment except the lower-case ones it read at import; so regio
    passes those that apply to ``url`` (``HTTPS_PROXY``, ``NO_PROXY``, ...).
    """
    if requests.utils.should_bypass_proxies(url, no_proxy=None):
        proxies: dict = {}
    else:
        proxies = requests.utils.get_environ_proxies(url) or dict(cbsodata.options.requests.get("proxies") or {})
    return {"timeout": TIMEOUT, "proxies": proxies}
