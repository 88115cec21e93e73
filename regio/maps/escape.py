"""Text into pages: the one place where regio escapes what it puts into HTML and into a page's scripts.

Names, titles and notes may come from a user's file (a region named
``Zuid</script><script>...``) or a data directory. Every page regio makes —
the maps of :mod:`regio.maps.core` (which all maps draw through), the model's
chart page and the atlas index — puts text into its HTML with
:func:`html_text` and data into its inline ``<script>`` with
:func:`script_json`, so no text can close a tag or a script, or run.
"""

from __future__ import annotations

import html
import json
import re

__all__ = ["html_text", "script_json"]

#: Characters of JSON text that could end the ``<script>`` or confuse an HTML parser or older JavaScript.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def html_text(value: object) -> str:
    """Return ``value`` as HTML text: ``&``, ``<``, ``>``, ``"`` and ``'`` escaped, so it shows as written.

    Examples
    --------
    >>> html_text("Zuid</script><script>alert(1)</script>")
    'Zuid&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
    >>> html_text("'s-Hertogenbosch & Fryslân")
    '&#x27;s-Hertogenbosch &amp; Fryslân'
    """
    return html.escape(str(value), quote=True)


def script_json(obj: object) -> str:
    r"""Return JSON text safe inside an inline ``<script>`` of a page that branca renders with Jinja.

    * ``<``, ``>`` and ``&`` are written as ``\u003c``, ``\u003e`` and
      ``\u0026`` (the "HTML-safe" JSON of Django, Rails and Go), so no ``</``
      — no ``</script>``, no ``<!--`` — can appear and end the script (a
      stronger rule than writing ``</`` as ``<\/``); JavaScript reads the
      same strings;
    * the line separators U+2028 and U+2029 are escaped too (older JavaScript
      did not allow them in strings);
    * branca renders an element's script as a Jinja template a second time, so
      ``{{``, ``{%`` or ``{#`` inside a string would be read as template
      syntax: in compact JSON an object's ``{`` is always followed by ``"`` or
      ``}``, so such a brace lies inside a string and is written as ``\u007b``.

    Parameters
    ----------
    obj
        Anything :func:`json.dumps` takes.

    Returns
    -------
    str
        The JSON text; ``JSON.parse`` (or JavaScript) gives ``obj`` back.

    Examples
    --------
    >>> name = "Zuid</script><script>document.title='PWNED'</script>"
    >>> text = script_json({"name": name, "n": 1})
    >>> print(text)
    {"name":"Zuid\u003c/script\u003e\u003cscript\u003edocument.title='PWNED'\u003c/script\u003e","n":1}
    >>> any(c in text for c in "<>&"), json.loads(text)["name"] == name
    (False, True)
    >>> print(script_json(["{{ x }}", "a & b", "\u2028"]))
    ["\u007b{ x }}","a \u0026 b","\u2028"]
    """
    text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    text = _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group()], text)  # no "<" left, so no "</" either
    return re.sub(r"\{(?=[{%#])", r"\\u007b", text)
