"""Small text helpers shared by analysis, tables and maps: one language switch, one number format.

Analysis code (which must not import :mod:`regio.maps`) and map code format
numbers the same way through :func:`fmt_number`;
:func:`regio.maps.core.format_number` calls it.

Examples
--------
>>> t("nl", "inwoners", "inhabitants")
'inwoners'
>>> fmt_number(10640, 0, "nl", signed=True)
'+10.640'
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["fmt_number", "fmt_percent", "t"]


def t(lang: str, nl: str, en: str) -> str:
    """Pick the Dutch or the English text: ``nl`` when ``lang == "nl"``, else ``en``.

    Examples
    --------
    >>> t("en", "per 100.000", "per 100,000")
    'per 100,000'
    """
    return nl if lang == "nl" else en


def fmt_number(value: float | None, decimals: int = 0, lang: str = "nl", *, signed: bool = False) -> str:
    """Format a number for a reader: Dutch ``12.345,6`` or English ``12,345.6``; ``–`` for no value.

    Parameters
    ----------
    value
        The number (``None`` and NaN give ``–``).
    decimals
        Digits after the decimal separator.
    lang
        ``"nl"``: ``.`` groups thousands and ``,`` separates decimals; any
        other: the English convention.
    signed
        Write ``+`` before positive numbers (for differences).

    Examples
    --------
    >>> fmt_number(12345.678, 1)
    '12.345,7'
    >>> fmt_number(12345.678, 1, "en")
    '12,345.7'
    >>> fmt_number(-10640, 0, "nl", signed=True), fmt_number(float("nan"))
    ('-10.640', '–')
    >>> fmt_number(0, signed=True), fmt_number(-0.4)
    ('0', '0')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return "–"
    value = round(float(value), decimals)
    if value == 0:  # no "+0" or "-0"
        value, signed = 0.0, False
    text = f"{value:{'+' if signed else ''},.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def fmt_percent(fraction: float, lang: str = "nl") -> str:
    """Write a fraction as a percentage with as few decimals as it needs (a confidence level, say).

    Examples
    --------
    >>> fmt_percent(0.95), fmt_percent(0.975), fmt_percent(0.975, "en")
    ('95%', '97,5%', '97.5%')
    """
    value = round(float(fraction) * 100, 6)
    decimals = next(d for d in range(7) if round(value, d) == value)
    return fmt_number(value, decimals, lang) + "%"
