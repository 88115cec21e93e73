"""Fixtures and hooks for every test, the package's docstring examples included.

* Docstring examples that use the real data say so with the marker line
  ``Needs the data directory (REGIO_DATA_DIR).`` just above them; without the data
  directory they are skipped with that reason.
* Under CI (``REGIO_CI=1``, set by ``.ci/run``) every skip is a failure: nothing may be
  silently left out. Examples marked ``# doctest: +SKIP`` (online downloads) are exempt.
* Computed caches go to a temporary folder, never the user's cache directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

from regio.config import ENV_VAR, set_data_dir

CI = os.environ.get("REGIO_CI") == "1"
NEEDS_DATA = "Needs the data directory (REGIO_DATA_DIR)."


def real_data_dir() -> Path | None:
    """The real data directory from ``REGIO_DATA_DIR`` (absolute), or None without it."""
    env = os.environ.get(ENV_VAR)
    if env and (Path(env) / "boundaries").is_dir():
        return Path(env).resolve()  # absolute: tests link to it from temporary folders
    return None


#: Fixtures that need the real data directory: a test using any of them is a real-data test.
REAL_DATA_FIXTURES = frozenset({"real_data", "data_without"})


def _needs_real_data(item: pytest.Item) -> bool:
    if isinstance(item, DoctestItem):
        return NEEDS_DATA in (item.dtest.docstring or "")
    return bool(REAL_DATA_FIXTURES & set(getattr(item, "fixturenames", ()))) or item.get_closest_marker("realdata")


def _drives_a_browser(item: pytest.Item) -> bool:
    function = getattr(item, "function", None)
    return function is not None and "render" in function.__code__.co_names  # tests/_support/browser.py's render()


def pytest_collection_modifyitems(config, items):
    """Mark every test by what it needs, so ``-m "not realdata and not browser"`` is the unit suite.

    A test that uses the real data directory (a fixture of :data:`REAL_DATA_FIXTURES`, or a
    docstring example with the marker line) gets ``realdata``; one that calls
    ``tests/_support/browser.py``'s ``render`` gets ``browser`` (and needs Chromium).
    """
    have_data = real_data_dir() is not None
    skip = pytest.mark.skip(reason=f"docstring example needs the real data directory: set {ENV_VAR}")
    for item in items:
        if _needs_real_data(item):
            item.add_marker(pytest.mark.realdata)
            if isinstance(item, DoctestItem) and not have_data:
                item.add_marker(skip)
        if _drives_a_browser(item):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def real_data() -> Path:
    """The real data directory; skips without it (fails under CI)."""
    root = real_data_dir()
    if root is None:
        pytest.skip(f"needs the real data directory: set {ENV_VAR} (e.g. {ENV_VAR}=../shared/data)")
    return root


@pytest.fixture
def data_without(real_data, tmp_path):
    """Build a copy of the real data directory (links, not copies) that lacks some files.

    ``data_without("boundaries/gemeente_2018.geojson")`` returns the folder, so a test can
    pin a behaviour (a year without a file) whatever the real inventory holds.
    """

    def build(*left_out: str) -> Path:
        root = tmp_path / "data_without"
        skip = {Path(p) for p in left_out}
        missing = [p for p in skip if not (real_data / p).exists()]
        assert not missing, f"not in the data directory: {missing}"
        for path in real_data.rglob("*"):
            rel = path.relative_to(real_data)
            if path.is_dir() or rel in skip:
                continue
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).symlink_to(path)
        return root

    return build


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep computed caches out of the user's cache directory; undo a `--data-dir` a CLI test set."""
    monkeypatch.setenv("REGIO_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    yield
    set_data_dir(None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if CI and report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if "skipped by +SKIP option" in reason:  # a docstring example that downloads (illustration only)
            return
        report.outcome = "failed"
        report.longrepr = f"skipped under CI (REGIO_CI=1), which must run every test: {reason}"
