"""Write files atomically: a temporary file in the same directory, then a rename."""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from figcheck.errors import InputError, Location
from figcheck.io.output import Parts, write_all

# The signals that remove the temporary file before figcheck ends (SIGINT already raises
# KeyboardInterrupt). SIGKILL cannot be caught: the next write to the same file removes it.
CLEANED_ON = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
PIPE_WAIT = 2.0  # seconds a named pipe given as the output may wait for its reader


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written (a BaseException, like
    KeyboardInterrupt, so that nothing on the way swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def write_atomic(
    path: Path, text: str | Parts, *, overwrite: bool = True, inputs: Iterable[Path] = ()
) -> None:
    """Replace *path* with *text* so that readers see the old file or the new one, never a part.
    *text* may be a function giving it in parts, written one by one (never held whole).

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
        _write_through(path, text if isinstance(text, str) else "".join(text()), where)
        return
    path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    with _signals_raise():
        _write_new(path, directory, text, overwrite=overwrite, where=where)


def _write_new(
    path: Path, directory: Path, text: str | Parts, *, overwrite: bool, where: Location
) -> None:
    remove_stale(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=directory)
    except OSError as err:
        raise InputError(f"cannot write: {err.strerror}", where) from None
    try:
        try:
            for part in [text] if isinstance(text, str) else text():
                write_all(functools.partial(os.write, fd), part.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
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


def _prefix(path: Path) -> str:
    """Temporary files are named ``.NAME.PID.XXXXXXXX.tmp``: the process id tells a stale
    one (its writer is gone, killed by SIGKILL or a power cut) from one being written."""
    return f".{path.name}.{os.getpid()}."


def remove_stale(path: Path) -> None:
    """Remove the temporary files of *path* that figcheck left when it was killed."""
    pattern = os.path.join(glob.escape(str(path.parent)), glob.escape(f".{path.name}.") + "*.tmp")
    for name in glob.glob(pattern, include_hidden=True):
        middle = os.path.basename(name)[len(path.name) + 2 : -len(".tmp")]
        pid, _, rest = middle.partition(".")
        if not (pid.isascii() and pid.isdigit() and len(rest) == 8) or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # one of ours, written right now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise Terminated, so that the temporary file
    is removed on the way out; the handlers in place before are restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    previous = {}
    for signum in CLEANED_ON:
        with contextlib.suppress(OSError, ValueError):
            previous[signum] = signal.signal(signum, terminate)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


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
    """Write to a device or pipe in place: renaming a file over it would destroy it. Opened
    without blocking, so that a pipe nobody reads is refused at once instead of hanging."""
    waited = 0.0
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
            break
        except OSError as err:
            if err.errno != errno.ENXIO:
                raise InputError(f"cannot write: {err.strerror}", where) from None
            if waited >= PIPE_WAIT:
                raise InputError("is a pipe that nothing reads", where) from None
        time.sleep(0.02)  # a reader started just before figcheck may not have opened it yet
        waited += 0.02
    try:
        os.set_blocking(fd, True)  # a reader is there: wait for it as a pipe should
        write_all(functools.partial(os.write, fd), text.encode("utf-8"))
    except OSError as err:
        raise InputError(f"cannot write: {err.strerror}", where) from None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def _same_file(path: Path, other: Path) -> bool:
    """Whether the two paths name one file (through links too, when both exist)."""
    try:
        return os.path.samefile(path, other)
    except OSError:  # one of them does not exist (yet): compare where they point
        return path.resolve() == other.resolve()
