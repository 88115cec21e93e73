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


