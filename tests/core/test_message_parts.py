"""Parts of messages name keys that are in the catalogue, in Dutch and English.

``tests/core/test_messages.py`` checks every ``raise`` and ``warnings.warn``;
a message made of parts (the problems of a table joined into one error with
:func:`regio.text.joined`, a row, a column) also makes errors that
are not raised but passed as values. Every ``key="..."`` given anywhere in the
package (or either key of ``key="a" if c else "b"``) must be in
the catalogue with both languages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import regio
from regio.labels import LABELS

PACKAGE = Path(regio.__file__).parent
#: Every module of the package but the catalogue itself.
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "_messages" not in p.parts)


def _keys(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        func = getattr(node, "func", None)
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if not name.endswith(("Error", "Warning")):  # key= of an error or a warning; other key= are not messages
            continue
        key = next((k.value for k in getattr(node, "keywords", []) if k.arg == "key"), None)
        choices = [key] if isinstance(key, ast.Constant) else [key.body, key.orelse] if isinstance(key, ast.IfExp) \
            else []
        out += [(node.lineno, c.value) for c in choices if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_message_part_is_in_the_catalogue(path):
    missing = [f"{path.name}:{line} {key}" for line, key in _keys(path)
               if set(LABELS.get(f"error.{key}") or LABELS.get(f"warning.{key}") or {}) != {"nl", "en"}]
    assert not missing


def test_the_check_finds_a_key_that_is_not_in_the_catalogue(tmp_path):
    path = tmp_path / "made_up.py"
    path.write_text('InputError("x", key="kernel.joined")\nInputError("y", key="a" if c else "data.no_such_key")\n')
    keys = _keys(path)
    assert keys == [(1, "kernel.joined"), (2, "a"), (2, "data.no_such_key")]
    assert [k for _, k in keys if f"error.{k}" not in LABELS] == ["a", "data.no_such_key"]
