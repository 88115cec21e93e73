"""What every part of the data facade shares: the data directory and the 'as published' wording."""

from __future__ import annotations

import logging
from pathlib import Path

from regio.sources._files import require_data_dir

log = logging.getLogger(__name__)

PathLike = str | Path | None


def _root(data_dir: PathLike) -> str:
    return str(require_data_dir(data_dir).resolve())


_AS_PUBLISHED = ("as published", "zoals gepubliceerd")


#: How :func:`said_list` joins parts, and the key of its words in the catalogue.
_JOINS = {"; ": "data.joined", ", ": "data.listed", "\n  ": "data.lines"}


def said_list(parts: list[object], *, sep: str = "; ") -> object:
    """Join the parts of a message so that each part is said in the reader's language.

    A part is a :class:`~regio.errors.RegioError` made as a piece of a message
    (with its own ``key``) or plain text; the result is such a piece too (or
    ``""`` for no parts), to be passed as a parameter of the error raised: the
    command line then says every part in Dutch or English.

    Parameters
    ----------
    parts
        The parts, in order.
    sep
        ``"; "`` (key ``data.joined``), ``", "`` (``data.listed``) or a newline and two spaces (one part a
        line, ``data.lines``).

    Returns
    -------
    RegioError or str
        The joined parts (``str()`` of it is the English text).

    Examples
    --------
    >>> from regio.errors import InputError
    >>> joined = said_list([InputError("2 rows", key="k", n=2), "GM1"])
    >>> str(joined), joined.message("nl")
    ('2 rows; GM1', '2 rows; GM1')
    """
    from regio.errors import RegioError

    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        out = RegioError(f"{out}{sep}{part}", key=_JOINS[sep], first=out, then=part)
    return out
