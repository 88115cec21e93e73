"""Parts of messages name keys that are in the catalogue, in Dutch and English.

``tests/core/test_messages.py`` checks every ``raise`` and ``warnings.warn``;
a message made of parts (the problems of a table joined into one error with
:func:`regio.data._common.said_list`, a row, a column) also makes errors that
are not raised but passed as values. Every ``key="..."`` given anywhere in the
packages listed here (or either key of ``key="a" if c else "b"``) must be in
the catalogue with both languages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import regio
from regio.labels import LABELS

PACKAGE = Path(regio.__file__).parent
#: Packages whose every key is checked (the others' raise sites are checked by test_messages.py).
CHECKED = ("data", "recruitment")


def _keys(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        key = next((k.value for k in getattr(node, "keywords", []) if k.arg == "key"), None)
        choices = [key] if isinstance(key, ast.Constant) else [key.body, key.orelse] if isinstance(key, ast.IfExp) \
            else []
        out += [(node.lineno, c.value) for c in choices if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return out


@pytest.mark.parametrize("package", CHECKED)
def test_every_message_part_is_in_the_catalogue(package):
    missing = [f"{path.name}:{line} {key}" for path in sorted((PACKAGE / package).glob("*.py"))
               for line, key in _keys(path)
               if set(LABELS.get(f"error.{key}") or LABELS.get(f"warning.{key}") or {}) != {"nl", "en"}]
    assert not missing


def test_the_check_finds_a_key_that_is_not_in_the_catalogue(tmp_path):
    path = tmp_path / "made_up.py"
    path.write_text('InputError("x", key="data.joined")\nInputError("y", key="a" if c else "data.no_such_key")\n')
    keys = _keys(path)
    assert keys == [(1, "data.joined"), (2, "a"), (2, "data.no_such_key")]
    assert [k for _, k in keys if f"error.{k}" not in LABELS] == ["a", "data.no_such_key"]
