"""What the command line reads from its options' text: ``code=value`` pairs, files or text, and option names.

The run functions take specs of structured values
(:class:`regio.allocation.AllocationSpec`,
:class:`regio.recruitment.RecruitmentSpec`); this module turns what a user
types into those values, and says the specs' errors in the command's option
names (``--mix``, not ``mix=``):

* :func:`parse_pairs` -- ``"PV20=30,PV21=25"`` into a mapping;
* :func:`region_values` -- an option that is a CSV/Excel file or such pairs;
* :func:`table` -- an option that is a CSV/Excel file (read through
  :mod:`regio.data.user_files`);
* :func:`said_as_options` -- an :class:`~regio.errors.OptionError` of a spec
  said again in option names.

Examples
--------
>>> parse_pairs("PV20=30, PV21=25", what="lower bounds")
{'PV20': '30', 'PV21': '25'}
>>> region_values("Zeeland=30", what="lower bounds", column="lower")
{'Zeeland': '30'}
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from regio.config import user_encoding
from regio.data.user_files import areas_mapping, read_table, table_values
from regio.errors import InputError, OptionError
from regio.text import joined, said_what

__all__ = ["areas", "parse_pairs", "region_values", "said_as_options", "table"]


def parse_pairs(text: str, *, what: str) -> dict[str, str]:
    """Parse ``"a=1,b=2"`` (commas or semicolons) into a mapping, values kept as text.

    Parameters
    ----------
    text
        Pairs ``name=value`` separated by commas or semicolons.
    what
        What the values are, for the error message.

    Returns
    -------
    dict
        Name -> value text, in the order given.

    Raises
    ------
    InputError
        A part without ``=``, or a name given twice, naming it.

    Examples
    --------
    >>> parse_pairs("population=0.5, need=0.5", what="mix")
    {'population': '0.5', 'need': '0.5'}
    >>> parse_pairs("population", what="mix")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: mix: write name=value pairs separated by commas (e.g. population=0.5,need=0.5), ...
    >>> parse_pairs("PV20=10,PV20=12", what="lower bounds")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: lower bounds: given more than once: PV20 (10 and 12). Give each once.
    """
    out: dict[str, str] = {}
    twice = []
    for part in str(text).replace(";", ",").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise InputError(f"{what}: write name=value pairs separated by commas (e.g. population=0.5,need=0.5), "
                             f"not {part.strip()!r}.", key="cli.pairs.no_equals", what=said_what(what),
                             part=part.strip())
        k, v = part.split("=", 1)
        if k.strip() in out:
            twice.append(InputError(f"{k.strip()} ({out[k.strip()]} and {v.strip()})", key="cli.pairs.twice_item",
                                    name=k.strip(), first=out[k.strip()], second=v.strip()))
        out[k.strip()] = v.strip()
    if twice:
        raise InputError(f"{what}: given more than once: {', '.join(map(str, twice))}. Give each once.",
                         key="cli.pairs.twice", what=said_what(what), names=joined(twice, sep=", "))
    return out


def region_values(text: str | None, *, what: str, column: str | None = None,
                  code_column: str | None = None) -> dict[str, str] | pd.Series | None:
    r"""Read an option of values per region: ``"PV20=30,Fryslân=25"``, or a CSV/Excel file with such values.

    Text with ``=`` that is not the name of a file is pairs; anything else is
    a file: its region column and one value column
    (:func:`regio.data.user_files.table_values`). The values stay as written,
    so that the run names the cells it cannot read.

    Parameters
    ----------
    text
        The option's text, or None.
    what
        What the values are (``"lower bounds"``), for messages.
    column
        The preferred value column of a file (``"lower"`` in a file with both bounds).
    code_column
        The region column of a file, when more than one could be it (``--code-column``).

    Returns
    -------
    dict, pandas.Series or None
        Value per region key, as :class:`regio.allocation.AllocationSpec`
        and :class:`regio.recruitment.RecruitmentSpec` take them.

    Raises
    ------
    InputError
        Pairs without ``=``, a file without a region and a value column.
    DataNotFoundError
        A file that does not exist.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "bounds.csv"
    >>> _ = path.write_text("provincie,lower,upper\nPV20,30,40\nFryslân,,25\n", encoding="utf-8")
    >>> region_values(str(path), what="lower bounds", column="lower").to_dict()
    {'PV20': '30'}
    >>> region_values("PV20=30;PV21=25", what="lower bounds")
    {'PV20': '30', 'PV21': '25'}
    """
    if text is None:
        return None
    if "=" in text and not Path(text).is_file():
        return parse_pairs(text, what=what)
    return table_values(read_table(text, encoding=user_encoding()), what=what, column=column,
                        code_column=code_column)


def areas(path: str | Path | None, *, code_column: str | None = None) -> pd.DataFrame | None:
    r"""Read ``--areas`` (municipality -> region) into the columns ``gemeente`` and ``region``, or None.

    See :func:`regio.data.user_files.areas_mapping`: two columns that could
    hold the municipality codes are an error naming them and ``--code-column``.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "areas.csv"
    >>> _ = path.write_text("statcode,gemeentecode,region\nGM0014,GM0014,Noord\nGM0034,GM0037,Midden\n")
    >>> areas(path)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: --areas .../areas.csv: 2 columns could hold the municipality codes: 'statcode' and ...
    >>> areas(path, code_column="gemeentecode")["gemeente"].tolist()
    ['GM0014', 'GM0037']
    """
    return None if path is None else areas_mapping(table(path), code_column=code_column)


def table(path: str | Path | None) -> pd.DataFrame | None:
    """Read an option's CSV/Excel file (``attrs["path"]`` names it), or None.

    Parameters
    ----------
    path
        The file, or None.

    Returns
    -------
    pandas.DataFrame or None
        The table as text (:func:`regio.data.user_files.read_table`).

    Examples
    --------
    >>> table(None) is None
    True
    """
    return None if path is None else read_table(path, encoding=user_encoding())


@contextmanager
def said_as_options(messages: Mapping[str, Callable[..., str]]) -> Iterator[None]:
    """Say an :class:`~regio.errors.OptionError` again in the command's option names.

    An error of a kind in ``messages`` is raised again as an
    :class:`~regio.errors.InputError` with the message that function makes
    from the error's details; other errors pass unchanged.

    Parameters
    ----------
    messages
        Kind -> function of the error's details returning the message: a
        :class:`~regio.errors.RegioError` with a catalogue key (not raised;
        its words are said in the user's language) or plain text.

    Yields
    ------
    None

    Raises
    ------
    InputError
        The error of a known kind, in option names.

    Examples
    --------
    >>> with said_as_options({"mix_missing": lambda: "The mix key needs --mix."}):
    ...     raise OptionError("The mix key needs mix=.", kind="mix_missing")
    Traceback (most recent call last):
    ...
    regio.errors.InputError: The mix key needs --mix.
    """
    try:
        yield
    except OptionError as exc:
        say = messages.get(exc.kind)
        if say is None:
            raise
        said = say(**exc.details)  # a RegioError is said in the user's language, a text as it is
        raise InputError(str(said), key="cli.option", said=said) from None
