"""Read claims files and documents as text, turning every failure into a located error."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from figcheck.errors import InputError, Location

# Far above any document worth checking, far below what would exhaust a CI runner's memory.
MAX_BYTES = 256 * 1024 * 1024


class _NotRegular(OSError):
    """A device, pipe or socket: reading one may never end (/dev/zero, a FIFO)."""


class _TooLarge(OSError):
    """A file above MAX_BYTES."""


def read_text(path: Path, *, shown_as: str | None = None, allow_empty: bool = True) -> str:
    """The file's text, decoded as UTF-8 with any BOM dropped and line ends made ``\\n``.

    Raises InputError located at *shown_as* (default: the path as given).
    """
    where = Location(shown_as if shown_as is not None else str(path))
    data = _located_bytes(path, where)
    if b"\0" in data:  # anywhere: a search at memory speed, so the whole file is tested
        raise InputError("is a binary file, not text", where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[err.start]:02x} at line {line})", where
        ) from None
    if not allow_empty and not text.strip():
        raise InputError("is empty", where)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_binary(path: Path, *, shown_as: str | None = None) -> bytes:
    """The file's bytes (a Word or PDF document); errors as read_text's."""
    return _located_bytes(path, Location(shown_as if shown_as is not None else str(path)))


def _located_bytes(path: Path, where: Location) -> bytes:
    """The bytes of the file at *path*; each failure an InputError located at *where*."""
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where) from None
    except PermissionError:
        raise InputError("permission denied", where) from None
    except _NotRegular:
        raise InputError("is not a regular file (a device, pipe or socket)", where) from None
    except _TooLarge:
        mib, rest = divmod(MAX_BYTES, 1024 * 1024)
        limit = f"{MAX_BYTES:,} bytes" if rest else f"{mib} MiB"
        raise InputError(f"is too large (the limit is {limit})", where) from None
    except OSError as err:
        reason = os.strerror(err.errno) if err.errno else str(err)
        raise InputError(f"cannot read: {reason}", where) from None
    except ValueError:  # the operating system takes no NUL in a path
        raise InputError("cannot read: the path holds a NUL character", where) from None
    return data


def _read_bytes(path: Path) -> bytes:
    """The bytes of the regular file at *path*, at most MAX_BYTES of them.

    Opened without blocking and checked before reading, so that a hostile path (a FIFO with
    no writer, /dev/zero, a huge file) fails at once instead of hanging or filling memory.
    """
    with open(path, "rb", buffering=0, opener=_open_nonblocking) as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular(path)
        if info.st_size > MAX_BYTES:
            raise _TooLarge(path)
        data = handle.read(MAX_BYTES + 1)  # the file may grow after fstat
    if len(data) > MAX_BYTES:
        raise _TooLarge(path)
    return data


def _open_nonblocking(name: str, flags: int) -> int:
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))
