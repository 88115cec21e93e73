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
    "DRY_RUN_COMMAND",
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

#: The command that shows what the online sources serve, without writing anything
#: (:func:`regio.sources.fetch.dry_run`); named in messages that ask to check a table.
DRY_RUN_COMMAND = "regio data fetch --dry-run --year YEAR"

#: Seconds to wait for a connection and for an answer.
TIMEOUT = (15, 300)

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
    regio.errors.OfflineError: No connection to opendata.cbs.nl (no connection; wanted CBS StatLine table 70072ned ...
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
