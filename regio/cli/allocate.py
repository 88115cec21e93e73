"""``regio allocate``: split national advice into regional numbers that add up exactly, with an audit table."""

from __future__ import annotations

from pathlib import Path

import click

from regio.allocation import KEYS
from regio.allocation.run import GP_COUNTS_YEAR, AllocationResult, AllocationSpec, run_allocation
from regio.allocation.spec import OPTION_KEYS
from regio.apportion import METHODS
from regio.cli import encoding_option
from regio.cli._common import csv_option, echo_written, lang_option, print_table, wide_option
from regio.cli._parse import areas as areas_table
from regio.cli._parse import parse_pairs, region_values, said_as_options
from regio.errors import InputError
from regio.report.allocation import allocation_stem, figure_lines, terminal_table, write_audit_table, write_maps
from regio.report.outputs import output_file
from regio.text import joined

__all__ = ["MESSAGES", "cli", "map_cli", "spec_from_options"]

#: The options of the keys, as this command names them (the spec calls them ``mix=``, ``use=``, ...).
_FLAGS = {"mix": "--mix / mix=", "use": "--use / use=", "ages": "--ages / ages=",
          "norm_per_100k": "--norm / norm_per_100k=", "counts": "--counts / counts=",
          "counts_date": "--counts-date / counts_date="}


def _unused(unused: list[str], parts: list[str], **_: object) -> InputError:
    first = OPTION_KEYS[unused[0]]
    each = [InputError(f"{_FLAGS[n]} is used only by the {OPTION_KEYS[n]} key", key="cli.allocate.used_only_by",
                       option=_FLAGS[n], option_key=OPTION_KEYS[n]) for n in unused]
    text = ("; ".join(map(str, each))
            + f", not by {' + '.join(parts)}: choose that key (--key {first}"
            + (", or --key mix with it in --mix" if first != "mix" else "")
            + ") or leave the option out.")
    return InputError(text, key="cli.allocate.unused" if first != "mix" else "cli.allocate.unused_mix",
                      options=joined(each), parts=" + ".join(parts), first=first)


#: The :class:`~regio.errors.OptionError` kinds of :class:`~regio.allocation.AllocationSpec`, said with options.
MESSAGES = {
    "total_figure": lambda both, known, **_: InputError(
        "Give either a total (--total N) or a named national figure (--figure "
        f"NAME), not {'both' if both else 'neither'}. Named figures: {known}.",
        key="cli.allocate.total_and_figure" if both else "cli.allocate.total_or_figure", known=known),
    "mix_missing": lambda **_: InputError(
        "The mix key needs weights, e.g. --mix population=0.5,need=0.3,shortfall=0.2.", key="cli.allocate.mix_missing"),
    "unused": _unused,
    "counts_level": lambda level, **_: InputError(
        f"GP counts per region exist in the data only for provinces (CBS 84777NED, {GP_COUNTS_YEAR}), not for "
        f"{level}. "
        "Allocate over provinces, or give your own counts per region (--counts FILE with a region and a count "
        "column).", key="cli.allocate.counts_level", year=GP_COUNTS_YEAR, level=level),
    "counts_date_day": lambda year, **_: InputError(
        "--counts-date gives the day of your own --counts; the CBS counts in the data know their day. Give only a "
        f"year to choose the CBS counts (e.g. --counts-date {year}).", key="cli.allocate.counts_date_day", year=year),
}


def _options(f):
    opts = [
        click.option("--total", "-t", type=int, default=None, help="The national number to split (whole number)."),
        click.option("--figure", "-f", default=None,
                     help="A named national figure shipped in geodata/ instead of --total, e.g. gp_trainees_2027 "
                          "(1,026), gp_trainees_2024 (1,190), medical_places_2025 (3,330), medical_places_funded "
                          "(3,015), gp_vacancies_2025 (904). `regio allocate --list-figures` lists them."),
        click.option("--level", "-l", default="provincie", show_default=True,
                     help="Region level: provincie, ggdregio, coropgebied, zorgkantoorregio, veiligheidsregio, "
                          "gemeente, ... or instituut (areas of the 8 GP training institutes, nearest location)."),
        click.option("--areas", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
                     help="Own grouping of municipalities (CSV/Excel, columns gemeente, region) instead of --level."),
        click.option("--code-column", default=None,
                     help="The column of region (or, in --areas, municipality) codes in your files, when more than "
                          "one could be it (e.g. statcode and gemeentecode with different codes)."),
        click.option("--year", "-y", type=int, default=2024, show_default=True,
                     help="Year of the inhabitants (1 January)."),
        click.option("--interpolate", is_flag=True,
                     help="If --year has no population table, interpolate linearly between the nearest years "
                          "(as regio population --interpolate; said in the notes). Off unless asked."),
        click.option("--key", "-k", type=click.Choice(KEYS), default="population", show_default=True,
                     help="Distribution key."),
        click.option("--method", "-m", default="hamilton", show_default=True,
                     help=f"Rounding: {', '.join(METHODS)} (largest remainder, Sainte-Laguë, D'Hondt)."),
        click.option("--lower", default=None,
                     help="Lower bounds per region: CSV/Excel (region + value column, or a 'lower' column) or "
                          "'PV20=30,PV21=25'."),
        click.option("--upper", default=None, help="Upper bounds per region (as --lower; or an 'upper' column)."),
        click.option("--current", default=None,
                     help="Current distribution to compare with (e.g. current intake per region), as --lower."),
        click.option("--use", default=None,
                     help="Need key: relative GP use per age band, e.g. 'age_0_14=0.6,age_15_24=0.7,...' "
                          "(default: Nivel contacts by age, 2017)."),
        click.option("--ages", type=click.Choice(["auto", "kerncijfers", "2020", "national"]), default=None,
                     help="Need key: where the age bands come from. auto (default): the kerncijfers of --year, "
                          "else (with --interpolate) their shares interpolated, else the municipal age structure "
                          "of 1 January 2020 carried to the year's division, else the national age profile; "
                          "said in the notes."),
        click.option("--norm", "norm", type=float, default=None,
                     help="Shortfall key: norm in GPs per 100,000 inhabitants (default: the national rate)."),
        click.option("--counts", default=None,
                     help="Shortfall key: GP counts per region (CSV/Excel or pairs) instead of CBS 84777NED 2018."),
        click.option("--counts-date", default=None,
                     help="When --counts were counted: the day (YYYY-MM-DD) or, if not known, the year (YYYY); "
                          "default --year. The GP rate sets them against the inhabitants of the nearest 1 January, "
                          "as regio density does: 2018-12-21 (CBS 84777NED 2018, the last Friday before "
                          "Christmas) goes with 1-1-2019, a year alone with 1 January of that year. Without "
                          "--counts, a year chooses the CBS counts."),
        click.option("--mix", default=None, help="Mix key weights, e.g. 'population=0.5,need=0.3,shortfall=0.2'."),
        lang_option("Language of labels."), csv_option(), wide_option(),
        encoding_option(),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def spec_from_options(*, total, figure, level, areas, year, interpolate, key, method, lower, upper, current, use,
                      norm, counts, counts_date, mix, ages=None, code_column=None) -> AllocationSpec:
    """Make the :class:`~regio.allocation.AllocationSpec` of the options: files read, pairs parsed.

    Parameters
    ----------
    total, figure, level, areas, year, interpolate, key, method
        The options' values as click gives them (numbers, names, the path of ``--areas``).
    lower, upper, current, use, norm, counts, counts_date, mix, ages
        The key's options and the values per region, as typed (pairs or a file's path).
    code_column
        ``--code-column``: the column of codes in those files (and ``--areas``), when more than one could be it.

    Returns
    -------
    AllocationSpec

    Raises
    ------
    InputError
        Text or files that cannot be read, and the spec's errors, said with
        this command's options (:data:`MESSAGES`).

    Examples
    --------
    >>> spec = spec_from_options(total=100, figure=None, level="provincie", areas=None, year=2024,
    ...                          interpolate=False, key="mix", method="hamilton", lower="PV20=3", upper=None,
    ...                          current=None, use=None, norm=None, counts=None, counts_date=None,
    ...                          mix="population=0.5,need=0.5")
    >>> spec.lower, spec.mix
    ({'PV20': '3'}, {'population': 0.5, 'need': 0.5})
    >>> spec_from_options(total=100, figure=None, level="provincie", areas=None, year=2024, interpolate=False,
    ...                   key="population", method="hamilton", lower=None, upper=None, current=None,
    ...                   use="age_0_14=1", norm=None, counts=None, counts_date=None, mix=None)
    Traceback (most recent call last):
    ...
    regio.errors.InputError: --use / use= is used only by the need key, not by population: choose that key ...
    """
    with said_as_options(MESSAGES):
        return AllocationSpec(
            total=total, figure=figure, level=level, areas=areas_table(areas, code_column=code_column), year=year,
            interpolate=interpolate, key=key, method=method,
            lower=region_values(lower, what="lower bounds", column="lower", code_column=code_column),
            upper=region_values(upper, what="upper bounds", column="upper", code_column=code_column),
            current=region_values(current, what="current distribution", column="current", code_column=code_column),
            use=None if use is None else parse_pairs(use, what="relative use"),
            ages=ages,
            norm_per_100k=norm,
            counts=region_values(counts, what="GP counts", column="count", code_column=code_column),
            counts_date=counts_date,
            mix=None if mix is None else parse_pairs(mix, what="mix"))


def _run(total, figure, level, areas, year, interpolate, key, method, lower, upper, current, use, norm, counts,
         counts_date, mix, lang, with_shapes, ages=None, code_column=None) -> AllocationResult:
    spec = spec_from_options(total=total, figure=figure, level=level, areas=areas, year=year,
                             interpolate=interpolate, key=key, method=method, lower=lower, upper=upper,
                             current=current, use=use, norm=norm, counts=counts, counts_date=counts_date, mix=mix,
                             ages=ages, code_column=code_column)
    with said_as_options(MESSAGES):
        return run_allocation(spec, lang=lang, with_shapes=with_shapes)


@click.command("allocate")
@_options
@click.option("--list-figures", is_flag=True,
              help="List the named national figures with their sources (in --lang) and stop.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the audit table to this path (.csv and .xlsx, with a notes sheet).")
@click.option("--map", "map_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write the map (HTML and PNG) into this directory.")
def cli(total, figure, level, areas, year, interpolate, key, method, lower, upper, current, use, ages, norm, counts,
        counts_date, mix, lang, list_figures, out, map_dir, code_column=None) -> None:
    """Split a national number (--total or --figure) over regions by a key, in whole numbers that add up exactly.

    Prints the audit table: key value, share, quota, floor, remainder rank,
    final number, per 100,000 inhabitants and the difference to a current
    distribution, then how to recompute each row.
    """
    if list_figures:
        for line in figure_lines(lang):
            click.echo(line)
        return
    res = _run(total, figure, level, areas, year, interpolate, key, method, lower, upper, current, use, norm, counts,
               counts_date, mix, lang, with_shapes=map_dir is not None, ages=ages, code_column=code_column)
    print_table(terminal_table(res, lang), lang=lang)
    for line in res.notes:
        click.echo(line)
    if out:
        for p in write_audit_table(res, out, notes=res.notes, lang=lang):
            echo_written(p, lang)
    if map_dir:
        for p in write_maps(res, map_dir, stem=allocation_stem(res), lang=lang):
            echo_written(p, lang)


@click.command("allocation")
@_options
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("maps"),
              show_default=True, help="Output directory.")
def map_cli(total, figure, level, areas, year, interpolate, key, method, lower, upper, current, use, ages, norm,
            counts, counts_date, mix, lang, out, code_column=None) -> None:
    """Map of an allocation (per 100,000, numbers as labels, difference to --current): HTML, PNG and table."""
    res = _run(total, figure, level, areas, year, interpolate, key, method, lower, upper, current, use, norm, counts,
               counts_date, mix, lang, with_shapes=True, ages=ages, code_column=code_column)
    stem = allocation_stem(res)
    written = write_maps(res, out, stem=stem, lang=lang)
    written += write_audit_table(res, output_file(out, stem), notes=res.notes, lang=lang)
    for p in written:
        echo_written(p, lang)
