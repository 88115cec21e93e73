"""``regio -v atlas`` says how long each section took."""

from __future__ import annotations

import logging

from regio.report.atlas import build_atlas


def test_each_section_logs_its_cpu_and_wall_time(tmp_path, caplog):
    empty = tmp_path / "data"
    empty.mkdir()
    with caplog.at_level(logging.INFO, logger="regio.report.atlas"):
        build_atlas(tmp_path / "out", sections=["population", "model"], data_dir=empty, progress=False)
    lines = [r.getMessage() for r in caplog.records if " s CPU" in r.getMessage()]  # skipped ones too
    assert [line.split(":")[0] for line in lines] == ["atlas section population", "atlas section model"]
    assert all(" s CPU, " in line and line.endswith(" s wall") for line in lines)
