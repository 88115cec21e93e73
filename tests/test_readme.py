"""The README's Python examples run as written, on the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_the_readme_has_python_examples():
    assert len(BLOCKS) >= 4


@pytest.mark.realdata
@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_python_example_runs(number, real_data, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIO_DATA_DIR", str(real_data))
    monkeypatch.chdir(tmp_path)  # examples that write files write here
    exec(compile(BLOCKS[number], f"README.md python block {number + 1}", "exec"), {"__name__": "readme"})
