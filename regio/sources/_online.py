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
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import requests

from regio.config import ENV_VAR
from regio.errors import OfflineError, RegioError, SourceError

__all__ = [
    "CBS_URL_ENV",
    "DEFAULT_CBS_URL",
    "DEFAULT_PDOK_URL",
    "PDOK_URL_ENV",
    "atomic_path",
    "base_url",
    "network_errors",
    "sha256",
]

CBS_URL_ENV = "REGIO_CBS_URL"
PDOK_URL_ENV = "REGIO_PDOK_URL"
DEFAULT_CBS_URL = "https://opendata.cbs.nl"
DEFAULT_PDOK_URL = "https://service.pdok.nl/cbs/gebiedsindelingen"

#: Seconds to wait for a connection and for an answer.
TIMEOUT = (15, 300)

OFFLINE_HINT = (
    "`regio data fetch` needs internet access to CBS StatLine and PDOK. Without it, point "
    f"{ENV_VAR} (or `regio --data-dir DIR`) at a folder laid out like shared/data "
    "(boundaries/, tables/, physicians/, ...) that someone fetched or copied for you. Behind a "
    f"proxy set HTTPS_PROXY; for a mirror set {CBS_URL_ENV} / {PDOK_URL_ENV}."
)


def base_url(env: str, default: str) -> str:
    """Return the base URL from environment variable ``env``, else ``default``, without a trailing slash."""
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
    """
    try:
        yield
    except RegioError:
        raise
    except (requests.ConnectionError, requests.Timeout) as exc:
        kind = "timed out" if isinstance(exc, requests.Timeout) else "no connection"
        raise OfflineError(
            f"No connection to {_host(url)} ({kind}; wanted {what} from {url}). {OFFLINE_HINT}"
        ) from exc
    except requests.HTTPError as exc:
        raise SourceError(f"{what}: the server at {_host(url)} answered with an error: {exc}") from exc
    except (ValueError, KeyError, TypeError) as exc:  # not JSON, or JSON of another shape
        raise SourceError(f"{what}: unexpected answer from {_host(url)} ({type(exc).__name__}: {exc}). "
                          f"Is {url} the right address?") from exc


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; move it onto ``path`` only if the block succeeds.

    Readers never see a half-written file, and a failed download leaves the
    old file (if any) in place. The temporary name keeps the suffix so that
    writers which look at it (GDAL) choose the right format.

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
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()
