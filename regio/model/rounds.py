"""The rounds of the Capaciteitsorgaan GP model in the data directory, read into :class:`GPParameters`.

The parameter file is read as text by :func:`regio.data.parameter_table`
(:mod:`regio.sources.capaciteitsorgaan`); here one round and variant become
a validated parameter set.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> p = read_parameters(2025, "midden")
>>> p.aanbod_personen, p.n_inopleiding_perjaar3
(14347.0, 718.0)
"""

from __future__ import annotations

import re
from pathlib import Path

from regio import data
from regio.errors import InputError, said_value
from regio.model.parameters import VARIANT_FIELDS, VARIANTS, GPParameters, joined, parameter_fields

__all__ = ["available_rounds", "read_parameters"]

_OPTIONAL = ("werkzame_uren_vrouw", "werkzame_uren_man")


def available_rounds(*, data_dir: str | Path | None = None, path: str | Path | None = None) -> list[int]:
    """List the rounds (years) in the parameter file, in increasing order (:func:`regio.data.parameter_rounds`).

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> available_rounds()
    [2010, 2013, 2016, 2019, 2022, 2025]
    """
    return data.parameter_rounds(data_dir=data_dir, path=path)


def _number(text: str) -> float:
    s = text.strip().replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", s):  # 12.345,6
        s = s.replace(".", "")
    return float(s.replace(",", "."))


def read_parameters(
    raming: int,
    variant: str = "midden",
    *,
    data_dir: str | Path | None = None,
    path: str | Path | None = None,
) -> GPParameters:
    """Read one round and variant into a validated :class:`~regio.model.GPParameters`.

    Parameters
    ----------
    raming
        Round: 2010, 2013, 2016, 2019, 2022 or 2025 (the years in the file).
    variant
        ``laag``, ``midden`` or ``hoog`` (the demand variants).
    data_dir, path
        Data directory, or an explicit file.

    Returns
    -------
    GPParameters

    Raises
    ------
    InputError
        For a round or variant that is not in the file (listing those that
        are), parameters missing from the file or empty for the round, and
        values that are not numbers — all named at once, with the file.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> read_parameters(2025).n_inopleiding_perjaar3
    718.0
    """
    table = data.parameter_table(data_dir=data_dir, path=path)
    src = table.attrs["path"]
    rounds = [c for c in table.columns if isinstance(c, int)]
    try:
        year = int(raming)
    except (TypeError, ValueError):
        raise InputError(f"Round must be a year, got {raming!r}; rounds in {src}: "
                         f"{', '.join(map(str, rounds))}.", key="model.round_not_year", value=said_value(raming),
                         path=src, known=", ".join(map(str, rounds))) from None
    if year not in rounds:
        raise InputError(f"No round {raming} in {src}; rounds available: {', '.join(map(str, rounds))}.",
                         key="model.unknown_round", round=raming, path=src, known=", ".join(map(str, rounds)))
    var = str(variant).strip().lower()
    if var not in VARIANTS:
        raise InputError(f"Unknown variant {variant!r}; variants are {', '.join(VARIANTS)}.",
                         key="model.unknown_variant", variant=said_value(variant), known=", ".join(VARIANTS))
    column = table[year]
    values: dict[str, object] = {"raming": year, "variant": var,
                                 "bron": f"{Path(src).name}, raming {year}, variant {var}"}
    missing: list[str] = []
    empty: list[str] = []
    bad: list[InputError] = []
    for name, kind in parameter_fields().items():
        if name in values:
            continue
        key = f"{name}_{var}" if name in VARIANT_FIELDS else name
        if key not in column.index:
            if name not in _OPTIONAL:
                missing.append(key)
            continue
        text = column[key]
        if text == "":
            if name not in _OPTIONAL:
                empty.append(key)
            continue
        try:
            number = _number(text)
        except ValueError:
            bad.append(InputError(f"{key} = {text!r}", key="model.cell", name=key, text=said_value(text)))
            continue
        if kind is int:
            if not number.is_integer():
                bad.append(InputError(f"{key} = {text!r} (not a whole year)", key="model.cell_not_whole_year",
                                      name=key, text=said_value(text)))
                continue
            number = int(number)
        values[name] = number
    problems = []
    if missing:
        problems.append(InputError(f"parameters missing from the file: {', '.join(missing)}",
                                   key="model.file_lacks_parameters", names=", ".join(missing)))
    if empty:
        problems.append(InputError(f"parameters without a value for round {year}: {', '.join(empty)}",
                                   key="model.parameters_without_value", round=year, names=", ".join(empty)))
    if bad:
        problems.append(InputError(f"values that are not numbers (round {year}): {joined(bad, listed=True)}",
                                   key="model.values_not_numbers", round=year, values=joined(bad, listed=True)))
    if problems:
        raise InputError(f"{src}: {joined(problems)}. Fix the file (decimal comma or point both work).",
                         key="model.bad_parameter_file", path=src, problems=joined(problems))
    return GPParameters(**values)
