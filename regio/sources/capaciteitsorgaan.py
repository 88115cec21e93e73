"""Read the parameter file of the Capaciteitsorgaan GP model from the data directory, as text.

The file ``capaciteitsorgaan/parameterwaarden_huisartsen_2010_2025.csv`` has
one row per variable and one column per round ("raming"): semicolon
separated, decimal commas, UTF-8 with a byte-order mark. Column
``raming_2019_demo`` is the 2019 round. The variable ``opleidingsduur`` occurs
twice: once among the years (the nominal 3 years, read here as
``opleidingsduur_nominaal``) and once for the cohort in training (the
realised duration, e.g. 3.2 years), which the model uses.

The values stay text here; :func:`regio.model.read_parameters` (through
:func:`regio.data.parameter_table`) reads one round and variant into a
validated :class:`regio.model.GPParameters`.

Examples
--------
Needs the data directory (REGIO_DATA_DIR).
>>> read_parameter_table().loc["n_inopleiding_perjaar3", 2025]
'718'
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from regio.errors import DataNotFoundError, InputError
from regio.sources._files import data_file

__all__ = ["PARAMETER_FILE", "available_rounds", "read_parameter_table"]

#: Location of the parameter file below the data directory.
PARAMETER_FILE = ("capaciteitsorgaan", "parameterwaarden_huisartsen_2010_2025.csv")

_ROUND_COLUMN = re.compile(r"^raming_(\d{4})(?:_\w+)?$")
_META_COLUMNS = {"Categorie1": "categorie1", "Categorie2": "categorie2", "Data_type": "data_type",
                 "Aantal_decimalen": "decimalen", "stata-namen_data_hoofdmodel": "stata_naam",
                 "actual-projection": "soort"}


def _path(data_dir: str | Path | None, path: str | Path | None) -> Path:
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise DataNotFoundError(f"Parameter file not found: {p}", key="src.co_file_not_found", path=p)
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
        raise InputError(f"Cannot read {p}: {exc}. Expected a semicolon-separated UTF-8 file.",
                         key="src.co_cannot_read", path=p, reason=exc) from exc
    raw.columns = [c.strip() for c in raw.columns]
    if "Variabele" not in raw.columns:
        raise InputError(f"{p} has no column 'Variabele' (columns: {', '.join(raw.columns)}).",
                         key="src.co_no_variabele", path=p, columns=", ".join(raw.columns))
    rounds = {c: int(m.group(1)) for c in raw.columns if (m := _ROUND_COLUMN.match(c))}
    if not rounds:
        raise InputError(f"{p} has no round columns named raming_YYYY (columns: {', '.join(raw.columns)}).",
                         key="src.co_no_rounds", path=p, columns=", ".join(raw.columns))
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
                             f"(lines {', '.join(rows)}); make the names unique.", key="src.co_duplicate_names",
                             path=p, names=", ".join(sorted(set(still))), lines=", ".join(rows))
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
