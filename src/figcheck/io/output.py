"""Write reports and messages to the standard streams; a failed write is an error, never lost."""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import IO

from figcheck.errors import FigcheckError, Location

STDOUT = Location("<stdout>")
# a text given in parts, by a function that makes them (again, when called again)
Parts = Callable[[], Iterable[str]]


class OutputError(FigcheckError):
    """A report that could not be written whole: stdout closed, full, or its reader gone."""


def _ascii_fallback() -> dict[int, str]:
    """The one table of ASCII stand-ins, for a stdout whose encoding cannot show the report's
    symbols. Verdict symbols and box lines keep their width, so tables stay aligned."""
    table = {
        ord("✔"): "+",
        ord("≈"): "~",
        ord("✘"): "X",
        ord("–"): "-",
        ord("—"): "-",
        ord("−"): "-",
        ord("…"): ".",
        ord("×"): "x",
        ord("·"): ".",
        ord("•"): "*",
        ord("‘"): "'",
        ord("’"): "'",
        ord("“"): '"',
        ord("”"): '"',
        ord("≤"): "<",
        ord("≥"): ">",
        ord("→"): ">",
        ord("∞"): "~",
        ord("\u00a0"): " ",
    }
    for code in range(0x2500, 0x2580):  # box drawing: rich's table lines
        name = unicodedata.name(chr(code), "")
        straight = " AND " not in name and "ARC" not in name
        across, down = "HORIZONTAL" in name, "VERTICAL" in name
        table[code] = "-" if straight and across else "|" if straight and down else "+"
    return table


ASCII_FALLBACK = _ascii_fallback()


def encoded(text: str, encoding: str) -> bytes:
    """*text* in *encoding*; where that cannot hold a character, its ASCII stand-in, and
    failing that an escape (``\\u2192``), so that nothing is dropped silently."""
    try:
        return text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        pass
    try:
        return text.translate(ASCII_FALLBACK).encode(encoding, errors="backslashreplace")
    except LookupError:
        return text.translate(ASCII_FALLBACK).encode("ascii", errors="backslashreplace")


def write_all(write: Callable[[memoryview], int | None], data: bytes) -> None:
    """Write all of *data* with *write*, which may write only part of it (a pipe whose reader
    left, a disk that filled up): the next call then raises, where one call would drop the
    rest silently."""
    view = memoryview(data)
    while view:
        written = write(view)
        if not written:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


class _Closed(io.TextIOBase):
    """Stands in for a standard stream that was closed when figcheck started: every write
    fails, as it would on the closed descriptor, instead of vanishing."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass


def write_stdout(text: str | Parts) -> None:
    """Write *text* to standard output and flush it; OutputError if it was not all written.
    *text* may be a function giving it in parts (see ``_write_parts``)."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write the report: standard output is closed", STDOUT)
    try:
        buffer: IO[bytes] | None = getattr(stream, "buffer", None)
        if buffer is None:  # a text-only stream (a test's capture): no encoding to choose
            stream.write(text if isinstance(text, str) else "".join(text()))
            stream.flush()
            return
        stream.flush()
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if isinstance(text, str):
            write_all(buffer.write, encoded(text, encoding))
        else:
            _write_parts(buffer, text, encoding)
        buffer.flush()
    except (OSError, ValueError) as err:
        _silence(stream)
        raise OutputError(f"cannot write the report: {reason(err)}", STDOUT) from None


def _write_parts(buffer: IO[bytes], text: Parts, encoding: str) -> None:
    """Write the parts of *text* one by one, in UTF-8, so that a big report's whole text (up
    to four bytes a character) is never held. A first part UTF-8 cannot hold (a lone
    surrogate, from a path), or another encoding, sends the whole text, made again, through
    ``encoded``, whose fallback then applies to all of it; a giver of parts puts any text
    that may hold such characters in its first part (see render.json.parts)."""
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    written = False
    for part in text() if utf8 else ():
        try:
            data = part.encode("utf-8")
        except UnicodeEncodeError:
            if not written:
                break
            data = encoded(part, encoding)
        write_all(buffer.write, data)
        written = True
    if not written:
        write_all(buffer.write, encoded("".join(text()), encoding))


def say(message: str) -> None:
    """Write *message* as one line on standard error; a failure here cannot be reported, so it
    is dropped (the exit code still tells)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        buffer: IO[bytes] | None = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(message + "\n")
            stream.flush()
            return
        stream.flush()
        encoding = getattr(stream, "encoding", None) or "utf-8"
        write_all(buffer.write, encoded(message + "\n", encoding))
        buffer.flush()
    except (OSError, ValueError):
        _silence(stream)


def reason(err: BaseException) -> str:
    """What went wrong writing, in words."""
    if isinstance(err, BrokenPipeError):
        return "its reader closed the pipe"
    if isinstance(err, OSError):
        if err.errno == errno.ENOSPC:
            return "no space left on the device"
        if err.errno == errno.EBADF:
            return "standard output is closed"
        if err.errno:
            return os.strerror(err.errno).lower()
    return "the stream is closed"


def guard_standard_streams() -> None:
    """Put /dev/null on any of fds 0-2 that is closed, so that no file figcheck opens takes
    its number (a report written to fd 1 would land in that file). Python has already set
    such a stream to None; a closed stdout becomes a stream whose every write fails, so that
    nothing written to it (a report, --help) is lost without a word."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                null = os.open(os.devnull, os.O_RDWR)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
    if sys.stdout is None:
        sys.stdout = _Closed()


def finish(code: int) -> int:
    """Flush both streams before exit; a report left unwritten on stdout turns *code* into 2.
    The streams are then silenced, so that the interpreter's own last flush cannot fail."""
    stream = sys.stdout
    if stream is not None:
        try:
            stream.flush()
        except (OSError, ValueError) as err:
            _silence(stream)
            say(f"{STDOUT}: cannot write the report: {reason(err)}")
            code = 2
    stream = sys.stderr
    if stream is not None:
        try:
            stream.flush()
        except (OSError, ValueError):
            _silence(stream)
    return code


def _silence(stream: object) -> None:
    """Point the stream's file descriptor at /dev/null, so that buffered text it still holds
    goes nowhere instead of failing again at exit."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return
    if fd not in (1, 2):
        return  # not a real standard stream (a test's capture)
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
