"""Read the parameters of the Capaciteitsorgaan GP model from the data directory.

The file ``capaciteitsorgaan/parameterwaarden_huisartsen_2010_2025.csv`` has
one row per variable and one column per round ("raming"): semicolon
separated, decimal commas, UTF-8 with a byte-order mark. Column
``raming_2019_demo`` is the 2019 round. The variable ``opleidingsduur`` occurs
twice: once among the years (the nominal 3 years, read here as
``opleidingsduur_nominaal``) and once for the cohort in training (the
realised duration, e.g. 3.2 years), which the model uses.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> p = read_parameters(2025, "midden")
>>> p.aanbod_personen, p.n_inopleiding_perjaar3
(14347.0, 718.0)
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from regio.errors import DataNotFoundError, InputError
from regio.model.parameters import VARIANT_FIELDS, VARIANTS, GPParameters, parameter_fields
from regio.sources._files import data_file

__all__ = ["PARAMETER_FILE", "available_rounds", "read_parameter_table", "read_parameters"]

#: Location of the parameter file below the data directory.
PARAMETER_FILE = ("capaciteitsorgaan", "parameterwaarden_huisartsen_2010_2025.csv")

_ROUND_COLUMN = re.compile(r"^raming_(\d{4})(?:_\w+)?$")
_OPTIONAL = ("werkzame_uren_vrouw", "werkzame_uren_man")
_META_COLUMNS = {"Categorie1": "categorie1", "Categorie2": "categorie2", "Data_type": "data_type",
                 "Aantal_decimalen": "decimalen", "stata-namen_data_hoofdmodel": "stata_naam",
                 "actual-projection": "soort"}


def _path(data_dir: str | Path | None, path: str | Path | None) -> Path:
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise DataNotFoundError(f"Parameter file not found: {p}")
        return p
    return data_file(*PARAMETER_FILE, data_dir=data_dir, what="Capaciteitsorgaan parameter")


def read_parameter_table(*, data_dir: str | Path | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Read the parameter file as text: one row per variable, one column per round.

    Parameters
    ----------
    data_dir
        Data directory (default: the configured one).
    path
        Read this file instead of the data directory's.

    Returns
    -------
    pandas.DataFrame
        Indexed by variable name (``opleidingsduur_nominaal`` for the nominal
        training length); metadata columns ``categorie1``, ``categorie2``,
        ``data_type``, ``decimalen``, ``stata_naam``, ``soort`` and one text
        column per round, named by its year (int). ``attrs["path"]`` is the file.

    Raises
    ------
    InputError
        If the file has no ``Variabele`` column or no round columns, or a
        variable occurs twice in a way this reader does not know.
    DataNotFoundError
        If the file does not exist.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> table = read_parameter_table()
    >>> table.loc[["opleidingsduur_nominaal", "opleidingsduur"], ["categorie1", 2019, 2025]]
                            categorie1 2019 2025
    variabele
    opleidingsduur_nominaal       Jaar    3    3
    opleidingsduur           Opleiding  3,1  3,2
    """
    p = _path(data_dir, path)
    try:
        text = p.read_text(encoding="utf-8-sig")
        raw = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError, ValueError) as exc:
        raise InputError(f"Cannot read {p}: {exc}. Expected a semicolon-separated UTF-8 file.") from exc
    raw.columns = [c.strip() for c in raw.columns]
    if "Variabele" not in raw.columns:
        raise InputError(f"{p} has no column 'Variabele' (columns: {', '.join(raw.columns)}).")
    rounds = {c: int(m.group(1)) for c in raw.columns if (m := _ROUND_COLUMN.match(c))}
    if not rounds:
        raise InputError(f"{p} has no round columns named raming_YYYY (columns: {', '.join(raw.columns)}).")
    names = raw["Variabele"].str.strip()
    dup = names.duplicated(keep=False)
    if dup.any():
        # the nominal training length sits among the years; the model's duration among the cohorts
        nominal = dup & raw.get("Categorie1", pd.Series("", index=raw.index)).str.strip().eq("Jaar")
        names = names.where(~nominal, names + "_nominaal")
        still = names[names.duplicated(keep=False)]
        if len(still):
            rows = [str(i + 2) for i in still.index]
            raise InputError(f"{p}: variable(s) {', '.join(sorted(set(still)))} occur more than once "
                             f"(lines {', '.join(rows)}); make the names unique.")
    table = raw.rename(columns={**_META_COLUMNS, **rounds})
    keep = [c for c in _META_COLUMNS.values() if c in table.columns] + sorted(rounds.values())
    table = table[keep].set_axis(pd.Index(names, name="variabele"), axis=0)
    for y in rounds.values():
        table[y] = table[y].str.strip()
    table.attrs["path"] = str(p)
    return table


def available_rounds(*, data_dir: str | Path | None = None, path: str | Path | None = None) -> list[int]:
    """List the rounds (years) in the parameter file.

    Parameters
    ----------
    data_dir
        Data directory (default: the configured one).
    path
        Read this file instead of the data directory's.

    Returns
    -------
    list of int
        The years of the ``raming_YYYY`` columns, in increasing order.

    Raises
    ------
    DataNotFoundError, InputError
        As :func:`read_parameter_table`.

    Examples
    --------
    Needs the data directory (REGIO_DATA_DIR).
    >>> available_rounds()
    [2010, 2013, 2016, 2019, 2022, 2025]
    """
    return [c for c in read_parameter_table(data_dir=data_dir, path=path).columns if isinstance(c, int)]


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
    table = read_parameter_table(data_dir=data_dir, path=path)
    src = table.attrs["path"]
    rounds = [c for c in table.columns if isinstance(c, int)]
    try:
        year = int(raming)
    except (TypeError, ValueError):
        raise InputError(f"Round must be a year, got {raming!r}; rounds in {src}: "
                         f"{', '.join(map(str, rounds))}.") from None
    if year not in rounds:
        raise InputError(f"No round {raming} in {src}; rounds available: {', '.join(map(str, rounds))}.")
    var = str(variant).strip().lower()
    if var not in VARIANTS:
        raise InputError(f"Unknown variant {variant!r}; variants are {', '.join(VARIANTS)}.")
    column = table[year]
    values: dict[str, object] = {"raming": year, "variant": var,
                                 "bron": f"{Path(src).name}, raming {year}, variant {var}"}
    missing, empty, bad = [], [], []
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
            bad.append(f"{key} = {text!r}")
            continue
        if kind is int:
            if not number.is_integer():
                bad.append(f"{key} = {text!r} (not a whole year)")
                continue
            number = int(number)
        values[name] = number
    problems = []
    if missing:
        problems.append(f"parameters missing from the file: {', '.join(missing)}")
    if empty:
        problems.append(f"parameters without a value for round {year}: {', '.join(empty)}")
    if bad:
        problems.append(f"values that are not numbers (round {year}): {', '.join(bad)}")
    if problems:
        raise InputError(f"{src}: " + "; ".join(problems) + ". Fix the file (decimal comma or point both work).")
    return GPParameters(**values)
