"""The ``regio`` command line.

Each subcommand lives in its own module of this package and exposes a click
command (or group) named ``cli``; :data:`COMMAND_TABLE` lists them with their
one-line help, and :data:`COMMANDS` their modules. A command's module is
imported only when that command runs (or its ``--help`` is asked for), so
``regio --help`` and ``regio --version`` load neither geopandas nor the map
libraries. The CLI is the only place that configures logging and progress
output.
"""

from __future__ import annotations

import contextvars
import errno
import functools
import importlib
import logging
import os
import sys
import warnings
from gettext import gettext as _
from pathlib import Path

import click

from regio import __version__
from regio.config import ENV_VAR, set_data_dir, set_user_encoding
from regio.errors import RegioError, RegioWarning, command_line

__all__ = ["COMMANDS", "COMMAND_TABLE", "OUTPUT_OPTIONS", "command_options", "encoding_option", "guard_outputs", "main",
           "said"]

#: The subcommands: name -> (module, attribute, first line of its help). The
#: help lines make ``regio --help`` without importing the modules;
#: ``tests/core/test_startup.py`` checks that they match the commands' own help.
COMMAND_TABLE: dict[str, tuple[str, str, str]] = {
    "atlas": ("regio.cli.atlas", "cli",
              "Build the atlas: maps (HTML, PNG) and tables (CSV, Excel) plus OUT/index.html."),
    "data": ("regio.cli.data", "cli", "Inspect and fetch the data directory."),
    "population": ("regio.cli.population", "cli",
                   "Print inhabitants per region of LEVEL in YEAR, with the source and method."),
    "access": ("regio.cli.access", "cli",
               "Print where GP care is scarcest: access to GP practices and provision for need per region."),
    "density": ("regio.cli.density", "cli",
                "Print physicians per 100,000 inhabitants per region and write the table (CSV, Excel)."),
    "recruit": ("regio.cli.recruit", "cli",
                "Assign municipalities to the 8 GP training institutes and show trainers, targets and gaps per area."),
    "model": ("regio.cli.model", "cli",
              "Run the national GP supply/demand model of one round and print the intake advice."),
    "allocate": ("regio.cli.allocate", "cli",
                 "Split a national number (--total or --figure) over regions by a key, in whole numbers that add up "
                 "exactly."),
    "trainers": ("regio.cli.trainers", "cli",
                 "Forecast GP trainers required and available per training institute and year, and where to "
                 "recruit."),
    "map": ("regio.cli.map", "cli", "Write one interactive HTML map (and its PNG); see each subcommand's --help."),
}

#: Modules with a ``cli`` command; those with a ``map_cli`` too give the ``regio map`` subcommands.
COMMANDS = tuple(module for module, _attribute, _help in COMMAND_TABLE.values())


#: Parameters that say where a command writes: a folder (``--out DIR``, ``--map DIR``) or a file
#: (``regio allocate --out FILE``), whose folder is then the output folder.
OUTPUT_OPTIONS = ("out", "map_dir")


def command_options(ctx: click.Context | None) -> frozenset[str]:
    """Return the options a command line user can give here: those of the command of ``ctx`` and its groups.

    Messages said to the user name only these (:func:`regio.errors.command_line`): ``regio access`` has no
    ``--interpolate``, so its messages do not suggest it.
    """
    options: set[str] = set()
    while ctx is not None:
        for param in ctx.command.params:
            if isinstance(param, click.Option):
                options.update(opt for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--"))
        ctx = ctx.parent
    return frozenset(options)


def said(message: RegioError | RegioWarning, lang: str, ctx: click.Context | None = None) -> str:
    """Return a message of regio in ``lang`` as said to the user of the running command (its own options)."""
    ctx = ctx or click.get_current_context(silent=True)
    options = ctx.meta.get("regio.options") if ctx is not None else None
    with command_line(options if options is not None else command_options(ctx)):
        return message.message(lang)


def _option_name(param: click.Parameter) -> str:
    return max(param.opts, key=len) if param.opts else str(param.name)


def guard_outputs(command: click.Command) -> click.Command:
    """Make ``command`` (each command of a group) write only into its output folders, never over an input.

    For each run, the folders named by its :data:`OUTPUT_OPTIONS` and every
    other parameter that names an existing file (an input: ``--areas``,
    ``--current cur.csv`` ...) become the rules of
    :func:`regio.report.outputs.output_rules`, and the output options are
    checked before the command starts (not inside the data directory, not an
    input). Every writer then refuses a path outside those folders or over an
    input, with one line and exit code 2.

    Parameters
    ----------
    command
        A click command or group; changed in place (once).

    Returns
    -------
    click.Command
        ``command``.
    """
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            guard_outputs(sub)
        return command
    callback = command.callback
    if callback is None or getattr(callback, "_regio_guarded", False):
        return command
    params = {p.name: p for p in command.params}

    @functools.wraps(callback)
    def run(*args, **kwargs):
        ctx = click.get_current_context()
        ctx.meta["regio.options"] = command_options(ctx)  # messages name this command's options (also after it)
        with command_line(ctx.meta["regio.options"]):
            return _guarded(*args, **kwargs)

    def _guarded(*args, **kwargs):
        from regio.report.outputs import check_output, output_rules

        folders: list[Path] = []
        outputs: list[tuple[Path, str]] = []
        inputs: dict[Path, str] = {}
        for name, value in kwargs.items():
            param = params.get(name)
            if value is None or param is None:
                continue
            if name in OUTPUT_OPTIONS:
                path = Path(value)
                is_file = isinstance(param.type, click.Path) and not param.type.dir_okay
                folders.append(path.parent if is_file else path)
                outputs.append((path, _option_name(param)))
                continue
            for item in value if isinstance(value, (tuple, list)) else (value,):
                if isinstance(item, (str, os.PathLike)) and os.path.isfile(item):
                    inputs[Path(item)] = f"{_option_name(param)} {item}"
        if not outputs:
            return callback(*args, **kwargs)
        with output_rules(folders, inputs=inputs):
            for path, option in outputs:
                check_output(path, option=option)
            return callback(*args, **kwargs)

    run._regio_guarded = True
    command.callback = run
    return command


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Show a warning as one line for the user, without Python's source location."""
    text = said(message, _lang()) if isinstance(message, RegioWarning) else str(message)
    if not issubclass(category, RegioWarning):
        text = f"{category.__name__}: {text}"
    click.secho(f"{_WARNING[_lang()]}: {text}", err=True, fg="yellow")


def _lang() -> str:
    """Return the language of messages: the command's ``--lang``, else ``REGIO_LANG``, else Dutch."""
    from regio.cli._common import current_lang

    return current_lang()


class _Group(click.Group):
    """The ``regio`` group: commands imported on first use, :class:`RegioError` as one line and exit code 2.

    Parameters
    ----------
    *args, **kwargs
        As for :class:`click.Group`.
    table
        Name -> (module, attribute, first help line) of the commands loaded
        on demand (:data:`COMMAND_TABLE`).
    """

    def __init__(self, *args, table: dict[str, tuple[str, str, str]] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.table = dict(table or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return the names of all commands, loaded or not, sorted as click sorts them."""
        return sorted(set(self.commands) | set(self.table))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return the command ``cmd_name``, importing its module the first time it is asked for."""
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in self.table:
            module_name, attribute, _help = self.table[cmd_name]
            module = importlib.import_module(module_name)
            command = getattr(module, attribute)
            if cmd_name == "map":  # its subcommands are the map_cli of the other command modules
                module.register(COMMANDS)
            self.add_command(guard_outputs(command), cmd_name)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        """Resolve the command as click does, and note its options for the messages said before it runs."""
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            options = set(command_options(ctx))
            options.update(opt for param in command.params if isinstance(param, click.Option)
                           for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--"))
            ctx.meta["regio.options"] = frozenset(options)
        return name, command, rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their short help as click does, from :attr:`table` for those not loaded."""
        rows = []
        for name in self.list_commands(ctx):
            # a stand-in with the help line shortens it exactly as the real command would
            command = self.commands.get(name) or click.Command(name, help=self.table[name][2])
            if not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _command in rows)
            with formatter.section(_("Commands")):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run as click does, with Click's own error messages in the command line's language (Dutch by default).

        ``--lang nl|en`` anywhere on the command line, else ``REGIO_LANG``, else Dutch: a usage error
        ("Ontbrekende optie '--year'", "-3 ligt niet in het bereik x>0") is said in it
        (:mod:`regio.cli._click_words`); help texts stay English.
        """
        # each command line runs in a copy of the context: the styles and readers it sets (--lang, --csv) end
        # with it, also when it fails before its context closes
        return contextvars.copy_context().run(self._main, args, prog_name, complete_var, standalone_mode, **extra)

    def _main(self, args, prog_name, complete_var, standalone_mode, **extra):
        from regio.cli import _click_words

        _click_words.install()
        # the language is read from the words typed; Click still gets ``args`` as given (None: it expands
        # the command line itself, with the globs, ~ and %VAR% of Windows)
        with _click_words.speaking(list(sys.argv[1:] if args is None else args)):
            if not standalone_mode:
                return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            self._ran = False
            try:
                rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except click.ClickException as exc:
                _click_words.show(exc)
                sys.exit(exc.exit_code)
            except click.exceptions.Abort:
                click.echo(_click_words.said_click("Aborted!"), err=True)
                sys.exit(1)
        # a command that ran to its end exits 0 whatever it returned (as Click's own standalone mode); without
        # one (--help, --version) the code of Click's Exit
        sys.exit(0 if self._ran or not isinstance(rv, int) else rv)

    def invoke(self, ctx: click.Context):
        """Run the command line: a :class:`RegioError` or an :class:`OSError` is one red line and exit code 2."""
        try:
            rv = super().invoke(ctx)
            self._ran = True
            return rv
        except RegioError as exc:  # said in the command's language (--lang, REGIO_LANG), from the catalogue
            lang = _lang_of(ctx)
            click.secho(f"{_ERROR[lang]}: {said(exc, lang, ctx)}", err=True, fg="red")
            sys.exit(2)
        except OSError as exc:  # an output that cannot be written: no permission, a file in the way, a full disk
            lang = _lang_of(ctx)
            click.secho(f"{_ERROR[lang]}: {_os_error_line(exc, lang)}", err=True, fg="red")
            sys.exit(2)


#: The word before an error message, and before a warning.
_ERROR = {"nl": "fout", "en": "error"}
_WARNING = {"nl": "waarschuwing", "en": "warning"}


def _lang_of(ctx: click.Context) -> str:
    """Return the language the command ran in, else ``REGIO_LANG``."""
    lang = ctx.meta.get("regio.lang") or os.environ.get("REGIO_LANG", "nl")
    return lang if lang in _ERROR else "nl"


#: The fix for a file-system error, by its type (English, Dutch).
_OS_FIXES = (
    (PermissionError, ("choose a folder you may write to (--out)", "kies een map waarin u mag schrijven (--out)")),
    ((FileExistsError, NotADirectoryError), ("a part of the path is a file, not a folder: choose another --out",
                                             "een deel van het pad is een bestand, geen map: kies een andere --out")),
    (IsADirectoryError, ("it is a folder: give a file name", "het is een map: geef een bestandsnaam")),
)


def _os_error_line(exc: OSError, lang: str = "en") -> str:
    """One line for an :class:`OSError`: the path, the reason and the fix (``cannot write PATH: reason; fix``)."""
    nl = lang == "nl"
    path = os.path.abspath(exc.filename) if isinstance(exc.filename, str) else exc.filename or (
        "een bestand" if nl else "a file")
    reason = exc.strerror or str(exc)
    fix = next((text[nl] for kinds, text in _OS_FIXES if isinstance(exc, kinds)), None)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        fix = "maak ruimte vrij of kies een andere --out" if nl else "free some space or choose another --out"
    elif exc.errno == errno.EROFS:
        fix = "kies een map op een beschrijfbare schijf (--out)" if nl else "choose a folder on a writable disk (--out)"
    reading = isinstance(exc, FileNotFoundError)
    if nl:
        return f"kan {path} niet {'lezen' if reading else 'schrijven'}: {reason}" + (f"; {fix}." if fix else ".")
    return f"cannot {'read' if reading else 'write'} {path}: {reason}" + (f"; {fix}." if fix else ".")


def _set_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None or ctx.parent is None:  # the command's option overrides the group's, not the reverse
        try:
            set_user_encoding(value)
        except ValueError as exc:  # a RegioError said in the language typed (the group's options come first)
            from regio.cli._click_words import lang_of_args, typed

            text = said(exc, lang_of_args(typed()), ctx) if isinstance(exc, RegioError) else str(exc)
            raise click.BadParameter(text, ctx=ctx, param=param) from None
    return value


def encoding_option() -> callable:
    """Return the ``--encoding`` option: the text encoding of the files a user gives (counts, value files, ...).

    Sets :func:`regio.config.set_user_encoding` for the command; without it a
    file is read as UTF-8, else as Windows-1252 with a warning.
    """
    return click.option("--encoding", default=None, expose_value=False, callback=_set_encoding, is_eager=True,
                        help="Encoding of your own files (counts, --areas, value files, practice lists), e.g. "
                             "cp1252 or latin-1; default UTF-8, else Windows-1252 with a warning. The data "
                             "directory's files are not affected.")


@click.group(cls=_Group, table=COMMAND_TABLE,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="regio")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="REGIO_DATA_DIR",
              help="Data directory (default: $REGIO_DATA_DIR, else the user cache directory).")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars; warnings and errors only.")
@click.option("--lang", "group_lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the command that follows (as its own --lang, which wins; default: $REGIO_LANG, "
                   "else nl).")
@encoding_option()
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, verbose: int, quiet: bool, group_lang: str | None) -> None:
    """Regional planning of the Dutch medical workforce.

    Where GP care is scarcest (access to GP practices and provision for need:
    `regio access`), densities of physicians per 100,000 inhabitants,
    recruitment areas of the GP training institutes and their trainer
    forecast, national advice split into regional numbers, the national GP
    supply/demand model behind the advice, and maps. Start with `regio atlas`;
    `regio data list` shows what data there is.
    """
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    if quiet:
        level = logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    shown_before = warnings.showwarning
    warnings.showwarning = _show_warning  # for this command only
    ctx.call_on_close(lambda: setattr(warnings, "showwarning", shown_before))
    ctx.call_on_close(lambda: set_user_encoding(None))  # --encoding holds for this command only
    if data_dir:  # a value read from REGIO_DATA_DIR is said to come from there in messages
        from_env = ctx.get_parameter_source("data_dir") is click.core.ParameterSource.ENVIRONMENT
        set_data_dir(data_dir, origin=ENV_VAR if from_env else "--data-dir")
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet
    if group_lang:  # `regio --lang en atlas`: the default of the command's own --lang, for this command only
        before = os.environ.get("REGIO_LANG")
        os.environ["REGIO_LANG"] = group_lang
        ctx.meta["regio.lang"] = group_lang
        ctx.call_on_close(lambda: os.environ.pop("REGIO_LANG", None) if before is None
                          else os.environ.__setitem__("REGIO_LANG", before))

