"""Every error and warning regio raises on purpose can be said in Dutch and English.

Read from the source (the AST of every module of the package): each
``raise X(...)`` of a :class:`~regio.errors.RegioError` subclass and each
``warnings.warn(...)`` names a message key (``key="..."``) whose entry is in the
catalogue in both languages, and fills every placeholder of those texts. At
run time: a keyed message is said in Dutch with Dutch numbers, values that are
themselves regio errors are said in the same language, and the command line
prints errors and warnings in the command's language.
"""

from __future__ import annotations

import ast
import string
import warnings
from pathlib import Path

import pytest

import regio
from regio.errors import InputError, RegioError, RegioWarning
from regio.labels import LABELS

PACKAGE = Path(regio.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "_messages" not in p.parts)


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in MODULES}


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of RegioError and of every class of the package derived from it (to a fixpoint)."""
    names = {"RegioError"}
    grown = True
    while grown:
        grown = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grown = True
    return names


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _fields(text: str) -> set[str]:
    """The placeholders a raise site fills (``{opt_<name>}``, how to ask for an option, is filled for the reader)."""
    return {name.split(".")[0].split("[")[0] for _lit, name, _spec, _conv in string.Formatter().parse(text)
            if name and not name.startswith("opt_")}


def _problems(call: ast.Call, group: str) -> list[str]:
    """What is wrong with one keyed call: no key, a key not in the catalogue, a placeholder not filled."""
    keywords = {k.arg: k.value for k in call.keywords}
    key = keywords.get("key")
    if key is None:
        return ["no key="]
    if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
        if isinstance(key, ast.IfExp) and all(isinstance(v, ast.Constant) for v in (key.body, key.orelse)):
            keys = [key.body.value, key.orelse.value]
        else:
            return ["key= is not a string literal (or a choice between two)"]
    else:
        keys = [key.value]
    problems = []
    splat = None in keywords  # **params: the names cannot be read from the source
    for k in keys:
        entry = LABELS.get(f"{group}.{k}")
        if entry is None or set(entry) != {"nl", "en"}:
            problems.append(f"{group}.{k} is not in the catalogue with nl and en")
            continue
        if not splat:
            missing = (_fields(entry["nl"]) | _fields(entry["en"])) - set(keywords)
            if missing:
                problems.append(f"{group}.{k}: placeholders {sorted(missing)} not given")
    return problems


def _sites(path: Path, trees: dict[Path, ast.Module], errors: set[str]) -> list[tuple[int, str, ast.Call]]:
    sites = []
    for node in ast.walk(trees[path]):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _name(node.exc.func) in errors:
            sites.append((node.lineno, "error", node.exc))
        if isinstance(node, ast.Call) and _name(node.func) == "warn" and isinstance(node.func, ast.Attribute) \
                and getattr(node.func.value, "id", None) == "warnings":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Call) and _name(first.func) == "RegioWarning":
                sites.append((node.lineno, "warning", first))
            else:
                sites.append((node.lineno, "warning-instance", node))
    return sites


TREES = _trees()
ERRORS = _error_classes(TREES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_error_and_warning_has_a_message_in_both_languages(path):
    problems = []
    for line, group, call in _sites(path, TREES, ERRORS):
        if group == "warning-instance":
            problems.append(f"line {line}: warnings.warn without RegioWarning(..., key=...) as its message")
            continue
        problems += [f"line {line}: {p}" for p in _problems(call, group)]
    assert not problems, f"{path.relative_to(PACKAGE)}:\n" + "\n".join(problems)


def test_the_checker_finds_a_missing_key_and_an_unfilled_placeholder():
    tree = ast.parse('raise InputError("x")\nraise InputError("y", key="unknown_level", name="a")\n')
    calls = [node.exc for node in ast.walk(tree) if isinstance(node, ast.Raise)]
    assert _problems(calls[0], "error") == ["no key="]
    assert _problems(calls[1], "error") == ["error.unknown_level: placeholders ['known'] not given"]


def test_a_keyed_error_is_said_in_dutch_with_dutch_numbers():
    err = InputError("x", key="unknown_year", what="tellingen", year=2019, known=f"{12345.5:,}")
    assert err.message("nl") == "Geen gegevens (tellingen) voor 2019; beschikbare jaren: 12,345.5."  # text: as given
    LABELS["error.test_numbers"] = {"nl": "{n:,} rijen, {share:.1f}%", "en": "{n:,} rows, {share:.1f}%"}
    try:
        err = InputError("12,345 rows, 3.5%", key="test_numbers", n=12345, share=3.5)
        assert err.message("nl") == "12.345 rijen, 3,5%"
        assert err.message("en") == "12,345 rows, 3.5%"
    finally:
        del LABELS["error.test_numbers"]


def test_an_error_inside_an_error_is_said_in_the_same_language():
    inner = InputError("Unknown region level 'x'. Known levels: a.", key="unknown_level", name="x", known="a")
    LABELS["error.test_wrapped"] = {"nl": "In {path}: {inner}", "en": "In {path}: {inner}"}
    try:
        outer = RegioError("In f.csv: Unknown region level 'x'. Known levels: a.", key="test_wrapped",
                           path="f.csv", inner=inner)
        assert outer.message("nl") == "In f.csv: Onbekend regioniveau 'x'. Bekende niveaus: a."
    finally:
        del LABELS["error.test_wrapped"]


def test_an_unknown_key_falls_back_to_english():
    assert InputError("plain English", key="no_such_key_anywhere").message("nl") == "plain English"


def test_a_warning_is_said_in_the_language_of_the_command(monkeypatch):
    from click.testing import CliRunner

    from regio.cli import _show_warning

    LABELS["warning.test_left_out"] = {"nl": "{n} rijen weggelaten", "en": "{n} rows left out"}
    try:
        import click

        @click.command()
        def cmd():
            _show_warning(RegioWarning("3 rows left out", key="test_left_out", n=3), RegioWarning, "f", 1)

        monkeypatch.setenv("REGIO_LANG", "nl")
        result = CliRunner().invoke(cmd, [])
        assert "waarschuwing: 3 rijen weggelaten" in result.output
        monkeypatch.setenv("REGIO_LANG", "en")
        assert "warning: 3 rows left out" in CliRunner().invoke(cmd, []).output
    finally:
        del LABELS["warning.test_left_out"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn(RegioWarning("w", key="k"), stacklevel=1)
    assert caught[0].category is RegioWarning and caught[0].message.key == "k"
