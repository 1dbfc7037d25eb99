"""Write files atomically: a temporary file in the same directory, then a rename."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from figcheck.errors import InputError, Location


def write_atomic(
    path: Path, text: str, *, overwrite: bool = True, inputs: Iterable[Path] = ()
) -> None:
    """Replace *path* with *text* so that readers see the old file or the new one, never a part.

    A failure (or Ctrl-C) leaves the old file as it was and no temporary file behind.
    With ``overwrite=False`` an existing file is an error and is not touched. *path* may not
    be one of the run's *inputs* (the claims file, the document): figcheck never changes them.
    A symbolic link is followed, so the link stays and the file it names is replaced; a
    device, pipe or socket (``/dev/stdout``) cannot be replaced and is written to directly.
    """
    where = Location(str(path))
    if path.is_dir():
        raise InputError("is a directory, not a file", where)
    for source in inputs:
        if _same_file(path, source):
            raise InputError(
                f"is an input of this run ({source}); write the output to another file", where
            )
    if not overwrite:
        refuse_existing(path)
    if _is_special(path):
        _write_through(path, text, where)
        return
    path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise InputError(f"cannot write: {err.strerror}", where) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the file appeared meanwhile: never clobber
            os.unlink(tmp)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, FileExistsError):
            raise InputError("already exists (use --force to overwrite it)", where) from None
        if isinstance(err, OSError):
            raise InputError(f"cannot write: {err.strerror}", where) from None
        raise


def refuse_existing(path: Path) -> None:
    """Fail if *path* names a file or a link, even a dangling one; checked again as the file
    is written, so one that appears meanwhile is kept too."""
    if path.exists() or path.is_symlink():
        raise InputError("already exists (use --force to overwrite it)", Location(str(path)))


def _is_special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:  # missing (a new file) or unreadable: the rename path reports it
        return False


def _write_through(path: Path, text: str, where: Location) -> None:
    """Write to a device or pipe in place: renaming a file over it would destroy it."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as err:
        raise InputError(f"cannot write: {err.strerror}", where) from None


def _same_file(path: Path, other: Path) -> bool:
    """Whether the two paths name one file (through links too, when both exist)."""
    try:
        return os.path.samefile(path, other)
    except OSError:  # one of them does not exist (yet): compare where they point
        return path.resolve() == other.resolve()
