"""Where outputs may go and how they reach the disk: safe names, the folders allowed, atomic writes.

Every file regio writes for a user — tables, notes, Excel, maps, images, the
atlas index — goes through :func:`write_atomic` (by way of
:mod:`regio.report.export`), which

* refuses a path inside the data directory, a path that is one of the
  command's input files, and a path outside the output folders in force
  (:func:`check_output`);
* writes into a temporary file beside the target and renames it into place
  (:func:`os.replace`), so a failed write (a full disk, a file size limit,
  a killed process) leaves the previous file as it was;
* turns an :class:`OSError` into one :class:`regio.errors.OutputError` that
  names the file and the fix.

File names built from user strings (a profession, a region level, a figure)
go through :func:`safe_stem`, and :func:`inside` joins a name to a folder
only if the result stays in that folder. The command line sets the rules
(:func:`output_rules`: its ``--out`` folder, its input files) for the run of
each command; :func:`regio.report.atlas.build_atlas` sets its atlas folder.
This module imports no pandas, so the command line can use it at start-up.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from regio.config import data_dir, data_dir_origin
from regio.errors import OutputError
from regio.text import joined

__all__ = ["check_output", "inside", "output_file", "output_rules", "safe_stem", "write_atomic"]

_UNSAFE = re.compile(r"[^\w-]+")
#: Names Windows keeps for devices (``CON``, ``NUL.csv`` ...): a stem that is one gets an underscore.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
#: Longest stem in bytes (UTF-8): file names may have 255, and suffixes such as ``_municipalities.notes.txt`` follow.
_MAX_STEM_BYTES = 150


def safe_stem(text: object, *, default: str = "regio") -> str:
    r"""Make a file name stem of any text: letters, digits, ``_`` and ``-`` only, never a path.

    Every run of other characters (``/``, ``\``, ``.``, spaces, ``:``, control
    characters ...) becomes one ``_``; leading and trailing ``_`` and ``-`` go,
    the stem is at most 150 bytes, and a device name of Windows gets an ``_``.

    Parameters
    ----------
    text
        E.g. a profession, a level or a figure given by the user.
    default
        The stem when nothing is left.

    Returns
    -------
    str

    Examples
    --------
    >>> safe_stem("density_huisarts_provincie_2024")  # regio's own stems stay as they are
    'density_huisarts_provincie_2024'
    >>> safe_stem("x/../../../escaped"), safe_stem("Súdwest-Fryslân 2024"), safe_stem("../.."), safe_stem("NUL")
    ('x_escaped', 'Súdwest-Fryslân_2024', 'regio', 'NUL_')
    """
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", str(text))).strip("_-")
    stem = stem.encode("utf-8")[:_MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip("_-")
    if not stem:
        return default
    return stem + "_" if stem.lower() in _RESERVED else stem


def _resolve(path: str | os.PathLike[str]) -> Path:
    """Where ``path`` really is: its folder resolved (links followed), its own name kept.

    The name is kept because :func:`os.replace` replaces a link at the target
    rather than the file it points to.
    """
    p = Path(os.path.abspath(Path(path).expanduser()))
    return Path(os.path.realpath(p.parent)) / p.name


def _within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def inside(folder: str | os.PathLike[str], name: str | os.PathLike[str]) -> Path:
    """``folder / name``, if that stays inside ``folder`` (no ``..``, no absolute name, no link out of it).

    Parameters
    ----------
    folder
        The output folder.
    name
        A file name or a relative path in ``folder``.

    Returns
    -------
    pathlib.Path
        ``folder / name``.

    Raises
    ------
    regio.errors.OutputError
        If the path would lie outside ``folder``.

    Examples
    --------
    >>> inside("maps", "tables/density.csv").as_posix()
    'maps/tables/density.csv'
    >>> inside("maps", "../escaped.csv")
    Traceback (most recent call last):
    ...
    regio.errors.OutputError: Cannot write maps/../escaped.csv: it lies outside the output folder maps. ...
    """
    path = Path(folder) / name
    root = Path(os.path.realpath(Path(folder).expanduser()))
    if not _within(Path(os.path.realpath(path.expanduser())), root):
        raise OutputError(f"Cannot write {path}: it lies outside the output folder {folder}. Output names are made "
                          "of letters, digits, '_' and '-'; remove links out of the folder or choose another --out.",
                          key="report.output.outside", path=path, folder=folder)
    return path


def output_file(folder: str | os.PathLike[str], stem: object, suffix: str = "") -> Path:
    """Return the file ``<folder>/<safe stem><suffix>``: the stem made safe (:func:`safe_stem`), kept inside ``folder``.

    Parameters
    ----------
    folder
        The output folder.
    stem
        The name without suffix, possibly made of user strings.
    suffix
        ``".html"``, ``".png"``, ``""`` (for :func:`regio.report.export.write_table`, which adds its own) ...

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> output_file("maps", "density_x/../../../escaped_provincie_2024", ".html").as_posix()
    'maps/density_x_escaped_provincie_2024.html'
    """
    if not re.fullmatch(r"(\.?[\w-]+)*", suffix):
        raise OutputError(f"Output suffix {suffix!r}: use letters, digits, '_', '-' and dots only.",
                          key="report.output.suffix", suffix=suffix)
    return inside(folder, safe_stem(stem) + suffix)


@dataclass(frozen=True)
class _Rules:
    folder_sets: tuple[tuple[Path, ...], ...] = ()  # a path must lie in one folder of each set
    inputs: tuple[tuple[Path, str], ...] = ()  # input file, how it was given (e.g. --current)
    data_dirs: tuple[Path, ...] = ()


_NO_RULES = _Rules()
_RULES: contextvars.ContextVar[_Rules | None] = contextvars.ContextVar("regio_output_rules", default=None)


def _rules() -> _Rules:
    return _RULES.get() or _NO_RULES


@contextlib.contextmanager
def output_rules(folders: Iterable[str | os.PathLike[str]] | None = None, *,
                 inputs: Mapping[str | os.PathLike[str], str] | None = None,
                 data_dirs: Iterable[str | os.PathLike[str]] = ()) -> Iterator[None]:
    """Within the block, outputs must lie in one of ``folders`` and must not be one of ``inputs``.

    Rules nest: an inner block narrows (a path must satisfy every block's
    folders) and adds inputs and data directories. The data directory in use
    (:func:`regio.config.data_dir`) is always refused, rules or not.

    Parameters
    ----------
    folders
        Output folders (``None``: no folder rule in this block).
    inputs
        Input files of the command -> how they were given (``"--current"``), for the message.
    data_dirs
        Further data directories to refuse (e.g. the atlas's ``data_dir=``).

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> with output_rules([out / "maps"], inputs={out / "cur.csv": "--current"}):
    ...     check_output(out / "maps" / "a.html") == out.resolve() / "maps" / "a.html"
    True
    >>> with output_rules([out / "maps"], inputs={out / "cur.csv": "--current"}):
    ...     check_output(out / "cur.csv")
    Traceback (most recent call last):
    ...
    regio.errors.OutputError: Cannot write .../cur.csv: it is one of this command's inputs (--current) ...
    """
    current = _rules()
    added = tuple(_resolve(f) for f in folders) if folders is not None else None
    rules = _Rules(folder_sets=current.folder_sets + ((added,) if added is not None else ()),
                   inputs=current.inputs + tuple((Path(os.path.realpath(p)), how)  # the file read
                                                 for p, how in (inputs or {}).items()),
                   data_dirs=current.data_dirs + tuple(Path(os.path.realpath(d)) for d in data_dirs))
    token = _RULES.set(rules)
    try:
        yield
    finally:
        _RULES.reset(token)


def _data_dirs() -> list[tuple[Path, str]]:
    """Return the data directories to refuse, with how each was set."""
    found = [(Path(os.path.realpath(data_dir())), data_dir_origin())]
    found += [(d, "data_dir") for d in _rules().data_dirs]
    return found


def check_output(path: str | os.PathLike[str], *, option: str | None = None) -> Path:
    """Check that ``path`` may be written; return where it lies (its folder resolved).

    Refused: a path inside the data directory, one of the command's input
    files (same path or same file), a path outside the output folders of
    :func:`output_rules`.

    Parameters
    ----------
    path
        The output file (or folder).
    option
        The option that named it (``"--out"``), for the message.

    Returns
    -------
    pathlib.Path
        The resolved path.

    Raises
    ------
    regio.errors.OutputError
        Naming the path, why and the fix.
    """
    target = _resolve(path)
    what = f"{path} ({option})" if option else str(path)
    for root, origin in _data_dirs():
        if _within(target, root):
            how = "" if origin == "data_dir" else f" ({origin})"
            raise OutputError(f"Cannot write {what}: it lies inside the data directory {root}{how}, which regio "
                              "reads and only `regio data fetch` fills; writing there would change what every "
                              f"command reads. Choose an --out outside it, e.g. --out ./{Path(path).name}.",
                              key=("report.output.in_data_dir" if origin == "data_dir"
                                   else "report.output.in_data_dir_by"),
                              what=what, root=root, origin=origin, name=Path(path).name)
    rules = _rules()
    for source, how in rules.inputs:
        same = target == source
        if not same and target.exists() and not target.is_symlink() and source.exists():
            with contextlib.suppress(OSError):
                same = os.path.samefile(target, source)
        if same:
            raise OutputError(f"Cannot write {what}: it is one of this command's inputs ({how}) and would be "
                              f"replaced. Choose another --out, e.g. --out {Path(path).stem}_regio{Path(path).suffix}.",
                              key="report.output.over_input", what=what, how=how,
                              name=f"{Path(path).stem}_regio{Path(path).suffix}")
    for folders in rules.folder_sets:
        if not any(_within(target, f) for f in folders):
            raise OutputError(f"Cannot write {what}: it lies outside the output folder "
                              f"{' or '.join(map(str, folders))}. Choose another --out or remove the link out of it.",
                              key="report.output.outside_folders", what=what,
                              folders=joined([str(f) for f in folders], sep=" or "))
    return target


def _hint(exc: OSError) -> OutputError:
    """Return the fix for an :class:`OSError` while writing, as a phrase said in the message's language."""
    if exc.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return OutputError("Free disk space (or raise the file size limit) and run again.",
                           key="report.output.hint.space")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError("Choose a folder you may write to with --out.", key="report.output.hint.permission")
    if exc.errno in (errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
        return OutputError("A part of the path is a file where a folder is needed (or the reverse): choose another "
                           "--out.", key="report.output.hint.file_in_the_way")
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError("Choose a shorter --out.", key="report.output.hint.long_name")
    return OutputError("Check the folder and run again.", key="report.output.hint.check")


#: System errors whose reason regio says in Dutch too (errno -> message key part).
_REASONS = {errno.ENOENT: "no_such_file", errno.EACCES: "permission", errno.EPERM: "permission",
            errno.ENOSPC: "no_space", errno.EROFS: "read_only", errno.ENOTDIR: "not_a_folder",
            errno.EISDIR: "is_a_folder", errno.ENAMETOOLONG: "long_name"}


def failed_write(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """Return the error for an :class:`OSError` while writing ``path``: the file, the reason and the fix."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in _REASONS:  # the system's own words are English: said in the message's language
        reason = OutputError(reason, key=f"report.output.reason.{_REASONS[exc.errno]}")
    hint = _hint(exc)
    return OutputError(f"Could not write {path}: {reason}; the file there before, if any, is unchanged. {hint}",
                       key="report.output.failed_write", path=path, reason=reason, hint=hint)


def _mode(path: Path) -> int:
    """Permissions for a new output: those of the file it replaces, else the usual ones (0666 less the umask)."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o7777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | os.PathLike[str], fill: Callable[[Path], object]) -> Path:
    """Write ``path`` by ``fill(temporary_path)`` and rename it into place: all of it or none of it.

    The temporary file lies in the target's folder (``.<stem>.<random>.part<suffix>``,
    so a rename cannot cross file systems) and is removed when ``fill``
    fails. The target is checked first (:func:`check_output`) and its folder
    is created when missing.

    Parameters
    ----------
    path
        The output file.
    fill
        Writes the whole file at the path it is given (e.g. ``lambda p: p.write_bytes(data)``).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    regio.errors.OutputError
        If the target is refused, or an :class:`OSError` (a full disk ...) ends the write; the
        previous file is then unchanged.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "kaarten" / "a.txt"
    >>> _ = write_atomic(target, lambda p: p.write_text("one"))
    >>> def broken(p):
    ...     p.write_text("half")
    ...     raise OSError(errno.ENOSPC, "No space left on device")
    >>> write_atomic(target, broken)
    Traceback (most recent call last):
    ...
    regio.errors.OutputError: Could not write .../a.txt: No space left on device; the file there before, ...
    >>> target.read_text(), [p.name for p in target.parent.iterdir()]  # the old file, no temporary left
    ('one', ['a.txt'])
    """
    path = Path(path)
    check_output(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.stem[:60]}.", suffix=f".part{path.suffix}", dir=path.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            fill(tmp)
            with open(tmp, "rb+") as fh:  # on disk before the rename, so a crash leaves old or new, not empty
                os.fsync(fh.fileno())
            os.chmod(tmp, _mode(path))
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise failed_write(path, exc) from None
    return path
