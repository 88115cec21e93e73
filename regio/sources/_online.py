"""Helpers shared by the online sources: base URLs, error wording, atomic writes, hashes.

The base URLs of CBS StatLine and PDOK can be redirected with environment
variables (for a mirror, a proxy that rewrites hosts, or a test server):

``REGIO_CBS_URL``
    Root of CBS StatLine open data (default ``https://opendata.cbs.nl``);
    tables are read below ``{root}/ODataFeed/odata/{table}/``.
``REGIO_PDOK_URL``
    Root of the PDOK CBS gebiedsindelingen services (default
    ``https://service.pdok.nl/cbs/gebiedsindelingen``); the WFS of a year is
    ``{root}/{year}/wfs/v1_0``.

Examples
--------
>>> base_url("REGIO_NOT_SET_ANYWHERE", "https://example.org/")
'https://example.org'
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import requests

from regio.config import ENV_VAR
from regio.errors import OfflineError, RegioError, SourceError

__all__ = [
    "CBS_URL_ENV",
    "DEFAULT_CBS_URL",
    "DEFAULT_PDOK_URL",
    "DRY_RUN_COMMAND",
    "PDOK_URL_ENV",
    "Pager",
    "atomic_path",
    "base_url",
    "network_errors",
    "sha256",
]

log = logging.getLogger(__name__)

CBS_URL_ENV = "REGIO_CBS_URL"
PDOK_URL_ENV = "REGIO_PDOK_URL"
DEFAULT_CBS_URL = "https://opendata.cbs.nl"
DEFAULT_PDOK_URL = "https://service.pdok.nl/cbs/gebiedsindelingen"

#: The command that shows what the online sources serve, without writing anything
#: (:func:`regio.sources.fetch.dry_run`); named in messages that ask to check a table.
DRY_RUN_COMMAND = "regio data fetch --dry-run --year YEAR"

#: Seconds to wait for a connection and for an answer.
TIMEOUT = (15, 300)
#: Times one page (one request) is sent before a dropped connection counts as a failed part.
ATTEMPTS = 3
#: Seconds before the second attempt; doubled before each further one.
BACKOFF = 1.0
#: Pages of one data set (one chain of ``odata.nextLink`` or WFS ``startIndex``) at most: 2,000 pages of
#: 10,000 rows is 20 million rows, more than any CBS table regio reads; a server that keeps sending a
#: nextLink stops here with an error instead of looping forever.
MAX_PAGES = 2000
#: HTTP statuses worth another attempt (a gateway or an overloaded server).
RETRY_STATUS = (429, 502, 503, 504)

OFFLINE_HINT = (
    "`regio data fetch` needs internet access to CBS StatLine and PDOK. Without it, point "
    f"{ENV_VAR} (or `regio --data-dir DIR`) at a folder laid out like shared/data "
    "(boundaries/, tables/, physicians/, ...) that someone fetched or copied for you. Behind a "
    f"proxy set HTTPS_PROXY; for a mirror set {CBS_URL_ENV} / {PDOK_URL_ENV}."
)


def base_url(env: str, default: str) -> str:
    """Return the base URL from environment variable ``env``, else ``default``, without a trailing slash.

    Parameters
    ----------
    env
        Name of the environment variable (``REGIO_CBS_URL``, ``REGIO_PDOK_URL``);
        unset or empty means ``default``.
    default
        The URL to use otherwise.

    Returns
    -------
    str
        The URL without trailing ``/``.

    Examples
    --------
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"REGIO_CBS_URL": "http://localhost:8080/cbs/"}):
    ...     base_url("REGIO_CBS_URL", DEFAULT_CBS_URL)
    'http://localhost:8080/cbs'
    >>> with mock.patch.dict(os.environ, {"REGIO_CBS_URL": ""}):
    ...     base_url("REGIO_CBS_URL", DEFAULT_CBS_URL)
    'https://opendata.cbs.nl'
    """
    return (os.environ.get(env) or default).rstrip("/")


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


@contextlib.contextmanager
def network_errors(what: str, url: str) -> Iterator[None]:
    """Turn network failures of ``requests`` into :class:`OfflineError` / :class:`SourceError`.

    Parameters
    ----------
    what
        What was being fetched, for the message (e.g. ``"CBS StatLine table 70072ned"``).
    url
        The URL (or base URL) asked for.

    Yields
    ------
    None
        The block runs inside; regio's own errors pass through unchanged.

    Raises
    ------
    OfflineError
        For a failed connection or a timeout (saying what to do offline).
    SourceError
        For an HTTP error status, or an answer that is not JSON of the
        expected shape (``ValueError``, ``KeyError``, ``TypeError`` in the block).

    Examples
    --------
    >>> with network_errors("CBS StatLine table 70072ned", "https://opendata.cbs.nl/ODataFeed/odata/70072ned/"):
    ...     raise requests.ConnectionError("connection refused")
    Traceback (most recent call last):
    ...
    regio.errors.OfflineError: No connection to opendata.cbs.nl (wanted CBS StatLine table 70072ned ...
    >>> with network_errors("PDOK gebiedsindelingen 2025", "https://service.pdok.nl/cbs/gebiedsindelingen"):
    ...     {"type": "FeatureCollection"}["features"]
    Traceback (most recent call last):
    ...
    regio.errors.SourceError: PDOK gebiedsindelingen 2025: unexpected answer from service.pdok.nl (KeyError: ...
    """
    try:
        yield
    except RegioError:
        raise
    except (requests.ConnectionError, requests.Timeout) as exc:
        timed_out = isinstance(exc, requests.Timeout)
        kind = "timed out; " if timed_out else ""  # "No connection to ..." already says the rest
        raise OfflineError(
            f"No connection to {_host(url)} ({kind}wanted {what} from {url}). {OFFLINE_HINT}",
            key="sources.online.timed_out" if timed_out else "sources.online.no_connection",
            host=_host(url), what=what, url=url, data_env=ENV_VAR, cbs_env=CBS_URL_ENV, pdok_env=PDOK_URL_ENV,
        ) from exc
    except requests.HTTPError as exc:
        raise SourceError(f"{what}: the server at {_host(url)} answered with an error: {exc}",
                          key="sources.online.http_error", what=what, host=_host(url), reason=exc) from exc
    except requests.RequestException as exc:  # an answer cut short, too many redirects, ...: this part failed
        raise SourceError(f"{what}: the download from {_host(url)} failed ({type(exc).__name__}: {exc}); nothing "
                          "of it was written. Run the fetch again later.", key="sources.online.download_failed",
                          what=what, host=_host(url), kind=type(exc).__name__, reason=exc) from exc
    except (ValueError, KeyError, TypeError) as exc:  # not JSON, or JSON of another shape
        raise SourceError(f"{what}: unexpected answer from {_host(url)} ({type(exc).__name__}: {exc}). "
                          f"Is {url} the right address?", key="sources.online.unexpected_answer", what=what,
                          host=_host(url), kind=type(exc).__name__, reason=exc, url=url) from exc


def _dropped(exc: BaseException) -> bool:
    """Whether a ``requests`` error is a connection that dropped (worth another attempt), not one never made.

    A refused connection, an unknown host or a connect timeout mean the server cannot be reached at all
    (:class:`OfflineError`, no retry); a connection reset or closed in the middle of an answer, an answer
    cut short and a read timeout are one failed page.

    Examples
    --------
    >>> _dropped(requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead(10 bytes read)"))
    True
    >>> _dropped(requests.ConnectionError("HTTPConnectionPool: Max retries exceeded (NewConnectionError: refused)"))
    False
    >>> _dropped(requests.ConnectionError("('Connection aborted.', RemoteDisconnected('closed without response'))"))
    True
    """
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    if isinstance(exc, (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError,
                        requests.exceptions.ReadTimeout)):
        return True
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        return not any(word in text for word in ("NewConnectionError", "NameResolutionError", "Failed to resolve",
                                                 "Name or service not known", "Connection refused"))
    return False


class Pager:
    """Send the requests of one download page by page: each page retried, the pages of one chain bounded.

    One :class:`Pager` per thing fetched (a CBS table, a PDOK layer). Every
    request goes through :meth:`send`: a connection that drops in the middle
    of an answer (or an answer cut short, a read timeout, HTTP 429/502/503/504)
    is sent again up to :data:`ATTEMPTS` times with a doubling pause from
    :data:`BACKOFF` seconds; if it still fails, a :class:`SourceError` names
    what was being fetched, which page and how far it got (a failed part: the
    caller writes nothing of it, and ``regio data fetch`` goes on with the next
    part). A connection never made is an :class:`OfflineError` at once. The
    pages of one path (one ``odata.nextLink`` chain, one WFS layer) are at most
    ``max_pages``; a server that keeps sending a nextLink ends in a
    :class:`SourceError`, not in a loop.

    Parameters
    ----------
    what
        What is being fetched, for messages (``"CBS StatLine table 70072ned"``).
    max_pages, attempts, backoff
        Default :data:`MAX_PAGES`, :data:`ATTEMPTS`, :data:`BACKOFF`.
    sleep
        The pause function (tests pass one that does not wait).

    Examples
    --------
    >>> pager = Pager("CBS StatLine table 70072ned", max_pages=2)
    >>> pager.count("https://opendata.cbs.nl/ODataFeed/odata/70072ned/TypedDataSet?$format=json")
    1
    >>> pager.count("https://opendata.cbs.nl/ODataFeed/OData/70072ned/TypedDataSet?$format=json&$skip=10000")
    2
    >>> pager.count("https://opendata.cbs.nl/ODataFeed/OData/70072ned/TypedDataSet?$format=json&$skip=20000")
    Traceback (most recent call last):
    ...
    regio.errors.SourceError: CBS StatLine table 70072ned: more than 2 pages of TypedDataSet (20,000 rows so far) \
and the server still sends a next page (odata.nextLink); stopped. The server pages without end: try again later, \
or ask fewer rows.
    """

    def __init__(self, what: str, *, max_pages: int | None = None, attempts: int | None = None,
                 backoff: float | None = None, sleep: Callable[[float], object] = time.sleep) -> None:
        self.what = what
        self.max_pages = MAX_PAGES if max_pages is None else int(max_pages)
        self.attempts = max(1, ATTEMPTS if attempts is None else int(attempts))
        self.backoff = BACKOFF if backoff is None else float(backoff)
        self.sleep = sleep
        self.pages: dict[str, int] = {}
        self.retries = 0

    @staticmethod
    def _where(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return parts.path.lower().rstrip("/"), parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.netloc

    @staticmethod
    def _received(url: str) -> int | None:
        """Rows (or features) received before this page, from its ``$skip`` or ``startIndex``."""
        for key, value in reversed(parse_qsl(urlsplit(url).query)):
            if key.lower() in ("$skip", "startindex") and value.isdigit():
                return int(value)
        return None

    def _far(self, url: str, page: int) -> str:
        got = self._received(url)
        rows = f"{got:,} rows or features received before it" if got is not None else "none received before it"
        return f"page {page} ({rows})"

    def count(self, url: str) -> int:
        """Count a page of ``url``'s chain; raise once the chain is longer than ``max_pages``."""
        key, name = self._where(url)
        self.pages[key] = self.pages.get(key, 0) + 1
        if self.pages[key] > self.max_pages:
            got = self._received(url)
            so_far = f" ({got:,} rows so far)" if got is not None else ""
            raise SourceError(
                f"{self.what}: more than {self.max_pages} pages of {name}{so_far} and the server still sends a "
                "next page (odata.nextLink); stopped. The server pages without end: try again later, or ask "
                "fewer rows.", key="sources.online.endless_rows" if got is not None else "sources.online.endless",
                what=self.what, max_pages=self.max_pages, name=name, got=got)
        return self.pages[key]

    def send(self, send: Callable[[], requests.Response], url: str) -> requests.Response:
        """Call ``send()`` (one request of ``url``, its body read) with retries; return the response.

        Parameters
        ----------
        send
            Sends the request and returns the response with its body read
            (``stream=False``), so a connection dropped mid-answer raises here.
        url
            The URL sent, for the page count and for messages.

        Returns
        -------
        requests.Response
            The first answer that arrived whole (its status is for the caller
            to judge, except that 429/502/503/504 are tried again first).

        Raises
        ------
        SourceError
            The connection dropped on every attempt (naming what, the page
            and how far it got).
        OfflineError
            No connection could be made (through :func:`network_errors`).
        """
        page = self.count(url)
        last: BaseException | None = None
        for attempt in range(self.attempts):
            if attempt:
                self.retries += 1
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                resp = send()
            except requests.RequestException as exc:
                if not _dropped(exc):
                    raise
                last = exc
                log.info("%s: %s failed (%s), attempt %d of %d", self.what, self._far(url, page),
                         type(exc).__name__, attempt + 1, self.attempts)
                continue
            if resp.status_code in RETRY_STATUS and attempt + 1 < self.attempts:
                log.info("%s: %s answered HTTP %d, attempt %d of %d", self.what, self._far(url, page),
                         resp.status_code, attempt + 1, self.attempts)
                continue
            return resp
        got = self._received(url)
        raise SourceError(
            f"{self.what}: the connection dropped during {self._far(url, page)} on each of {self.attempts} "
            f"attempts ({type(last).__name__}: {last}); nothing of it was written. Run the fetch again later "
            f"(URL {url}).", key="sources.online.dropped_rows" if got is not None else "sources.online.dropped",
            what=self.what, page=page, got=got, attempts=self.attempts, kind=type(last).__name__, reason=last,
            url=url,
        ) from last


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; move it onto ``path`` only if the block succeeds.

    Readers never see a half-written file, and a failed download leaves the
    old file (if any) in place. The temporary name keeps the suffix so that
    writers which look at it (GDAL) choose the right format.

    Parameters
    ----------
    path
        The file to write; its folder is created if needed.

    Yields
    ------
    pathlib.Path
        The temporary file to write (``.{stem}.part-{pid}{suffix}`` next to ``path``).

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.part-{os.getpid()}{path.suffix}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def sha256(path: str | Path, *, chunk: int = 1 << 20) -> str:
    """Return the hex SHA-256 of a file, read in chunks.

    Parameters
    ----------
    path
        The file.
    chunk
        Bytes read at a time.

    Returns
    -------
    str
        64 hexadecimal digits, as ``sha256sum`` prints them (and as the
        manifest ``regio-sources.json`` records them).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "abc.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> sha256(path)
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    >>> sha256(path, chunk=1) == sha256(path)
    True
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()
