"""Where regio finds its data and keeps its caches.

The data directory is chosen, in this order, by

1. an explicit path (the ``data_dir=`` argument of a loader or ``--data-dir``
   on the command line, which calls :func:`set_data_dir`);
2. the environment variable ``REGIO_DATA_DIR``;
3. the user cache directory, e.g. ``~/.cache/regio/data`` on Linux, which
   ``regio data fetch`` fills when online.

Its layout is ``boundaries/{level}_{year}.geojson``, ``tables/``,
``physicians/``, ``crosswalks/``, ``training_institutes/`` and
``capaciteitsorgaan/``.

Examples
--------
>>> import os
>>> from pathlib import Path
>>> from regio.config import data_dir
>>> data_dir("/tmp/some/where") == Path("/tmp/some/where")
True
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = [
    "DATA_SUBDIRS",
    "ENV_VAR",
    "cache_dir",
    "check_encoding",
    "data_dir",
    "data_dir_origin",
    "default_data_dir",
    "set_data_dir",
    "set_user_encoding",
    "user_encoding",
]

ENV_VAR = "REGIO_DATA_DIR"
DATA_SUBDIRS = (
    "boundaries",
    "tables",
    "physicians",
    "crosswalks",
    "training_institutes",
    "capaciteitsorgaan",
)

_override: Path | None = None
_override_origin = "--data-dir"
_user_encoding: str | None = None


def set_user_encoding(encoding: str | None) -> None:
    """Set the text encoding of the files a user gives (counts, ``--areas``, value files, practice lists).

    The command line's ``--encoding`` calls it; ``None`` restores the default
    (UTF-8, else Windows-1252 with a warning). Files of the data directory are
    not affected.

    Parameters
    ----------
    encoding
        A Python codec name (``"cp1252"``, ``"latin-1"``, ``"utf-8"``), or None.

    Raises
    ------
    regio.errors.InputError
        For a name Python has no codec for (an InputError is a ValueError).

    Examples
    --------
    >>> set_user_encoding("latin-1"); user_encoding()
    'latin-1'
    >>> set_user_encoding(None); user_encoding() is None
    True
    >>> set_user_encoding("klingon")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown encoding 'klingon': give a Python codec name such as utf-8, cp1252 or latin-1.
    """
    global _user_encoding
    if encoding is not None:
        check_encoding(encoding)
    _user_encoding = encoding


def check_encoding(encoding: str, *, where: str = "") -> str:
    """Return ``encoding`` if Python has a codec of that name; else raise naming it (and ``where``).

    Examples
    --------
    >>> check_encoding("cp1252")
    'cp1252'
    >>> check_encoding("klingon", where=" for counts.csv")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: Unknown encoding 'klingon' for counts.csv: give a Python codec name such as utf-8, ...
    """
    import codecs

    from regio.errors import InputError  # a ValueError

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"Unknown encoding {encoding!r}{where}: give a Python codec name such as utf-8, cp1252 or "
                         "latin-1.", key="kernel.unknown_encoding", encoding=encoding, where=where) from None
    return encoding


def user_encoding() -> str | None:
    """Return the encoding set by :func:`set_user_encoding` (``--encoding``), or None for the default.

    Examples
    --------
    >>> user_encoding() is None
    True
    """
    return _user_encoding


def default_data_dir() -> Path:
    """Return the per-user default data directory (inside the user cache directory).

    This is where ``regio data fetch`` puts the data and where the loaders look
    when neither an explicit path nor ``REGIO_DATA_DIR`` is given.

    Returns
    -------
    pathlib.Path
        ``<user cache directory>/regio/data`` (e.g. ``~/.cache/regio/data`` on
        Linux); not created here.

    Examples
    --------
    >>> import platformdirs
    >>> path = default_data_dir()
    >>> path.name, path.parent == Path(platformdirs.user_cache_dir("regio", appauthor=False))
    ('data', True)
    """
    return Path(platformdirs.user_cache_dir("regio", appauthor=False)) / "data"


def set_data_dir(path: str | os.PathLike[str] | None, *, origin: str = "--data-dir") -> None:
    """Set (or with ``None`` reset) the data directory for this process.

    Parameters
    ----------
    path
        A directory laid out like ``../shared/data``; ``None`` restores the
        default lookup (``REGIO_DATA_DIR``, then the user cache directory).
        A leading ``~`` is expanded.
    origin
        Where the path came from (``"--data-dir"``, or ``"REGIO_DATA_DIR"``
        when the command line read it from the environment), for messages
        (:func:`data_dir_origin`).

    Returns
    -------
    None
        The choice is kept for the process; :func:`data_dir` returns it
        until it is reset.

    Examples
    --------
    >>> set_data_dir("/srv/regio-data")  # what --data-dir does
    >>> data_dir().as_posix()
    '/srv/regio-data'
    >>> data_dir("/elsewhere").as_posix()  # an explicit path still wins
    '/elsewhere'
    >>> set_data_dir(None)
    >>> data_dir().as_posix() == "/srv/regio-data"
    False
    """
    global _override, _override_origin
    _override = None if path is None else Path(path).expanduser()
    _override_origin = origin


def data_dir_origin(path: str | os.PathLike[str] | None = None) -> str:
    """Say how the data directory in use was chosen (for messages about a missing or wrong directory).

    Parameters
    ----------
    path
        An explicit directory, as passed to :func:`data_dir`.

    Returns
    -------
    str
        ``"data_dir"`` (an explicit path), ``"--data-dir"`` (or the origin
        given to :func:`set_data_dir`), ``"REGIO_DATA_DIR"`` or ``"default"``
        (the user cache directory).

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> data_dir_origin("/srv/regio-data")
    'data_dir'
    >>> with mock.patch.dict(os.environ, {ENV_VAR: "../shared/data"}):
    ...     data_dir_origin()
    'REGIO_DATA_DIR'
    >>> with mock.patch.dict(os.environ, clear=True):
    ...     data_dir_origin()
    'default'
    """
    if path is not None:
        return "data_dir"
    if _override is not None:
        return _override_origin
    return ENV_VAR if os.environ.get(ENV_VAR) else "default"


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data directory.

    Parameters
    ----------
    path
        An explicit directory; wins over everything else.

    Returns
    -------
    pathlib.Path
        The directory (not checked for existence here; the loaders say what is
        missing and how to get it): ``path`` if given, else the one set with
        :func:`set_data_dir`, else ``REGIO_DATA_DIR``, else
        :func:`default_data_dir`.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> data_dir("~/regio-data") == Path.home() / "regio-data"
    True
    >>> with mock.patch.dict(os.environ, {ENV_VAR: "/data/regio"}):
    ...     data_dir().as_posix()
    '/data/regio'
    >>> with mock.patch.dict(os.environ, clear=True):  # nothing set: the user cache directory
    ...     data_dir() == default_data_dir()
    True
    """
    if path is not None:
        return Path(path).expanduser()
    if _override is not None:
        return _override
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def cache_dir() -> Path:
    """Return the directory for computed caches (memberships, simplified geometries).

    Kept apart from the data directory, which may be read-only. Set
    ``REGIO_CACHE_DIR`` to move it.

    Returns
    -------
    pathlib.Path
        ``REGIO_CACHE_DIR`` if set, else ``<user cache directory>/regio/derived``;
        not created here.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"REGIO_CACHE_DIR": "/tmp/regio-cache"}):
    ...     cache_dir().as_posix()
    '/tmp/regio-cache'
    >>> with mock.patch.dict(os.environ, clear=True):
    ...     cache_dir().name
    'derived'
    """
    env = os.environ.get("REGIO_CACHE_DIR")
    path = Path(env) if env else Path(platformdirs.user_cache_dir("regio", appauthor=False)) / "derived"
    return path
