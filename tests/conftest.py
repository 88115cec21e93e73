"""The test tree: folders mirror the package, helpers live in ``tests/_support/``.

``tests/_support/`` (``browser.py``: headless Chromium; ``online_servers.py``: fake CBS and
PDOK servers) is put on ``sys.path`` here, so a test in any folder imports them by name
(``from browser import render``) whatever its depth. The marks ``realdata`` and ``browser``
are set by the project root's ``conftest.py``; the layout is described in
``docs/development.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SUPPORT = Path(__file__).resolve().parent / "_support"
if str(SUPPORT) not in sys.path:
    sys.path.insert(0, str(SUPPORT))
