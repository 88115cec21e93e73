"""Start-up of the command line: ``import regio.cli``, ``regio --help`` and ``--version`` stay light.

The command modules are imported only when their command runs, so the heavy
libraries (geopandas, shapely, matplotlib, folium, scipy) must not load before
that. Each check runs in a fresh interpreter, since this test process has them
loaded already. How fast start-up is, is measured by ``benchmarks/startup.py``,
not here.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from regio.cli import COMMAND_TABLE, COMMANDS, main

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("geopandas", "shapely", "matplotlib", "folium", "scipy")


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    """Run this Python with ``args``, the checkout first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


def _imported(importtime_log: str) -> set[str]:
    """The top-level packages named in the output of ``python -X importtime``."""
    names = set()
    for line in importtime_log.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header line
                names.add(name.split(".")[0])
    return names


def test_import_regio_cli_loads_no_heavy_library():
    script = f"import sys, regio.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = _python("-c", script)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_python_dash_m_regio_help_and_version_load_no_heavy_library(option):
    out = _python("-X", "importtime", "-m", "regio", option)
    assert out.returncode == 0, out.stderr
    assert "regio" in out.stdout
    loaded = _imported(out.stderr)
    assert "regio" in loaded  # the log was read
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_the_click_main_loads_no_heavy_library_nor_command_module(option):
    script = ("import sys\nfrom regio.cli import main\n"
              f"main([{option!r}], prog_name='regio', standalone_mode=False)\n"
              f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
              "print(sorted(m for m in sys.modules if m.startswith('regio.cli.') and m != 'regio.cli._click_words'))\n")
    out = _python("-c", script)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-2:] == ["[]", "[]"]


def test_asking_for_one_command_imports_only_its_module():
    script = ("import sys\nfrom regio.cli import main\n"
              "main(['population', '--help'], prog_name='regio', standalone_mode=False)\n"
              "print(sorted(m for m in sys.modules if m.startswith('regio.cli.')\n"
              "             and m not in ('regio.cli._common', 'regio.cli._click_words')))\n")
    out = _python("-c", script)
    assert out.returncode == 0, out.stderr
    assert "Print inhabitants per region" in out.stdout
    assert out.stdout.splitlines()[-1] == "['regio.cli.population']"


@pytest.mark.parametrize("name", sorted(COMMAND_TABLE))
def test_the_table_help_line_is_the_commands_own(name):
    module, attribute, help_line = COMMAND_TABLE[name]
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command)
    assert command.name == name
    assert help_line == (command.short_help or command.help.splitlines()[0])
    stand_in = click.Command(name, help=help_line)  # what `regio --help` shortens
    for limit in (20, 45, 60, 94, 200):
        assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit), limit


def test_top_level_help_lists_the_commands_as_click_would():
    lazy = CliRunner().invoke(main, ["--help"], prog_name="regio").output
    eager = click.Group("regio", params=main.params, help=main.help, context_settings=main.context_settings)
    for name, (module, attribute, _help) in COMMAND_TABLE.items():
        eager.add_command(getattr(importlib.import_module(module), attribute), name)
    assert lazy == CliRunner().invoke(eager, ["--help"], prog_name="regio").output
    assert tuple(module for module, _attribute, _help in COMMAND_TABLE.values()) == COMMANDS


def test_map_subcommands_are_there():
    res = CliRunner().invoke(main, ["map", "--help"])
    assert res.exit_code == 0, res.output
    assert "allocation" in res.output and "density" in res.output
    res = CliRunner().invoke(main, ["map", "density", "--help"])
    assert res.exit_code == 0 and "Usage:" in res.output


def test_an_unknown_command_is_refused_as_before():
    res = CliRunner().invoke(main, ["nonsense"], env={"REGIO_LANG": None})
    assert res.exit_code == 2
    assert "fout: Onbekende opdracht 'nonsense'." in res.output  # Click's own message, in Dutch by default
    res = CliRunner().invoke(main, ["--lang", "en", "nonsense"])
    assert res.exit_code == 2 and "No such command 'nonsense'" in res.output


def test_a_command_that_returns_a_value_still_exits_0():
    """Click never takes a callback's return value as the exit code; regio's main must not either."""
    probe = click.Command("probe-returns", callback=lambda: 5)
    main.add_command(probe, "probe-returns")
    try:
        res = CliRunner().invoke(main, ["probe-returns"])
    finally:
        main.commands.pop("probe-returns", None)
    assert res.exit_code == 0, res.output
    assert CliRunner().invoke(main, ["--version"]).exit_code == 0
    assert CliRunner().invoke(main, ["density"]).exit_code == 2  # a usage error


def test_the_encoding_error_is_said_in_the_language_typed():
    en = CliRunner().invoke(main, ["--lang", "en", "--encoding", "klingon", "data", "path"], env={"REGIO_LANG": None})
    assert en.exit_code == 2 and "Unknown encoding 'klingon'" in en.output and "Onbekende" not in en.output
    nl = CliRunner().invoke(main, ["--encoding", "klingon", "data", "path"], env={"REGIO_LANG": None})
    assert "Onbekende tekencodering 'klingon'" in nl.output and nl.output.count("fout:") == 1
