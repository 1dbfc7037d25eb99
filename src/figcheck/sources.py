"""Read claims files and documents as text, turning every failure into a located error."""

from __future__ import annotations

import os
from pathlib import Path

from figcheck.errors import InputError, Location


def read_text(path: Path, *, shown_as: str | None = None, allow_empty: bool = True) -> str:
    """The file's text, decoded as UTF-8 with any BOM dropped and line ends made ``\\n``.

    Raises InputError located at *shown_as* (default: the path as given).
    """
    where = Location(shown_as if shown_as is not None else str(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where) from None
    except PermissionError:
        raise InputError("permission denied", where) from None
    except OSError as err:
        raise InputError(f"cannot read: {os.strerror(err.errno or 0) or err}", where) from None
    if b"\0" in data[:8192]:
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
