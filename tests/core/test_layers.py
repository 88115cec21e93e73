"""Data flows one way: sources -> data -> analysis -> maps -> report -> cli.

Every module under ``regio/`` is parsed (:mod:`ast`, the whole tree, so imports
inside functions count too, and so do ``importlib.import_module("regio...")``
calls with a literal name) and each import of a regio module is checked
against the layer of the importing module:

* ``regio.sources`` (files, network) imports nothing of data, analysis, maps,
  report or cli;
* ``regio.data`` (the data-directory facade) imports no analysis, maps, report
  or cli;
* the analysis (density, allocation, recruitment, model, demography) imports
  no ``regio.sources`` (it reads through ``regio.data``), maps, report or cli;
* ``regio.maps`` (drawing in memory) imports no report or cli;
* ``regio.report`` (files and words) imports no cli.

Below them all lies a kernel of pure helpers that import none of the layers:
errors, config, levels, names, text, validate, labels (with its tables _columns and _messages), sectors, the display
helpers, and the pure algorithms ``regio.geography`` (dissolve, crosswalks,
carry, aggregate) and ``regio.apportion`` (largest remainder and divisor
methods), and ``regio.derived`` (the content-keyed cache of derived geometry;
``regio.sources.cache`` gives it its store on disk). The data facade is built on those two (it dissolves, carries and
sums municipalities), so they are kernel, not analysis: they may be used by
every layer and themselves import no layer at all — a stricter rule than the
analysis rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "regio"

ANALYSIS = ("density", "allocation", "recruitment", "model", "demography", "access", "trainers")
KERNEL = ("errors", "config", "levels", "names", "text", "validate", "labels", "_columns", "sectors", "_display",
          "geography", "mergers", "apportion", "derived", "_messages")
LAYERS = ("sources", "data", "analysis", "maps", "report", "cli")

#: What each layer must not import.
FORBIDDEN = {
    "kernel": set(LAYERS),
    "sources": {"data", "analysis", "maps", "report", "cli"},
    "data": {"analysis", "maps", "report", "cli"},
    "analysis": {"sources", "maps", "report", "cli"},
    "maps": {"report", "cli"},
    "report": {"cli"},
    "cli": set(),
    "entry": set(),
}

#: Edges (importing module, imported module) tolerated for now, each with its reason. Keep it empty.
ALLOWED: set[tuple[str, str]] = set()


def layer_of(module: str) -> str | None:
    """Return the layer of a regio module name, ``None`` for a name outside regio."""
    parts = module.split(".")
    if parts[0] != "regio":
        return None
    if len(parts) == 1:
        return "entry"  # regio/__init__.py: the public names, loaded lazily by name (PEP 562)
    top = parts[1]
    if top == "__main__":
        return "entry"
    if top in ANALYSIS:
        return "analysis"
    if top in KERNEL:
        return "kernel"
    if top in ("sources", "data", "maps", "report", "cli"):
        return top
    raise AssertionError(f"{module}: not in any layer; add it to KERNEL, ANALYSIS or a layer package")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every regio module ``tree`` imports, anywhere in it: ``(line, module name)``."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package of this module
                base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
            out.append((node.lineno, base))
            # `from regio import data` imports the module regio.data
            out += [(node.lineno, f"{base}.{alias.name}") for alias in node.names if base == "regio"]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            out.append((node.lineno, node.args[0].value))
    return [(line, name) for line, name in out if name == "regio" or name.startswith("regio.")]


def _known(name: str) -> bool:
    """Whether ``name`` is a module or package of regio (not a function imported from ``regio``)."""
    rel = Path(*name.split(".")[1:]) if "." in name else Path()
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def edges() -> list[tuple[str, int, str, str, str]]:
    """``(module, line, imported module, its layer, the module's layer)`` for every import of a regio module."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported(tree, module, path.name == "__init__.py"):
            if name.startswith("regio.") and not _known(name):
                continue  # `from regio import get_level`: a name of regio/__init__.py, checked as regio
            out.append((module, line, name, layer_of(name), layer_of(module)))
    return out


def test_every_module_has_a_layer():
    modules = [module_name(p) for p in PACKAGE.rglob("*.py")]
    assert len(modules) > 50
    assert {layer_of(m) for m in modules} == {"entry", "kernel", *LAYERS}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_run_one_way(layer):
    wrong = [f"{module}:{line} ({own}) imports {name} ({theirs})"
             for module, line, name, theirs, own in edges()
             if own == layer and theirs in FORBIDDEN[own] and (module, name) not in ALLOWED]
    assert wrong == []


def test_the_atlas_sections_import_no_command_line_and_not_the_atlas():
    sections = [(m, n) for m, _, n, _, _ in edges() if m.startswith("regio.report.sections.")]
    assert sections  # they are seen
    assert [(m, n) for m, n in sections if n.startswith("regio.cli") or n == "regio.report.atlas"] == []


def test_allowed_edges_still_exist():
    # an allowed edge that was fixed must leave ALLOWED, so that the list stays honest
    present = {(module, name) for module, _, name, _, _ in edges()}
    assert present >= ALLOWED


def test_the_checker_sees_lazy_and_relative_imports():
    tree = ast.parse("def f():\n    from regio.cli import main\n    from . import rates\n"
                     "    import importlib\n    importlib.import_module('regio.report.atlas')\n")
    assert imported(tree, "regio.density.placing", False) == [
        (2, "regio.cli"), (3, "regio.density"), (5, "regio.report.atlas")]
    assert layer_of("regio.density.run") == "analysis" and layer_of("regio.geography") == "kernel"
