"""Reading a claims file's TOML: the fast reader when it takes the text, else tomllib, whose
messages give line and column."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterator
from typing import Any

from figcheck.errors import Location, Problem, ProblemsError

_NESTING = re.compile(r"[\n\"'#\[\]{}\\]")
_DECLARED_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_QUOTED_PART = re.compile(r"'([^']*)'")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def read_toml(text: str, shown: str) -> dict[str, Any]:
    """The data of the TOML *text*; a ProblemsError, located in the file *shown*, if invalid."""
    try:
        return _loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        at = _TOML_AT.search(message)
        line = int(at.group(1)) if at else None
        column = int(at.group(2)) if at else None
        detail = message[: at.start()] if at else message
        raise ProblemsError(
            [Problem(Location(shown, line, column), f"invalid TOML: {_toml_detail(detail)}")]
        ) from None
    except ValueError:  # an integer past Python's limit on digits, such as 10**5000
        message = "invalid TOML: a number has too many digits to read"
        raise ProblemsError([Problem(Location(shown, _long_number_line(text)), message)]) from None
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        message = "invalid TOML: arrays or inline tables are nested too deeply"
        raise ProblemsError([Problem(Location(shown, _deep_line(text)), message)]) from None


@functools.cache
def _fast_loads() -> Callable[[str], Any] | None:
    """rtoml's reader, about eight times faster than tomllib on a 100,000-claim file (None
    where it cannot be imported); imported lazily, as --version and --help never need it."""
    try:
        import rtoml
    except ImportError:
        return None
    loads: Callable[[str], Any] = rtoml.loads
    return loads


def _loads(text: str) -> dict[str, Any]:
    """The TOML data; a file the fast reader refuses is read again by tomllib, whose messages
    give line and column."""
    fast = _fast_loads()
    if fast is not None:
        try:
            data = fast(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # any failure, even a panic in compiled code: tomllib decides
            data = None
        if isinstance(data, dict):
            return data
    return tomllib.loads(text)


# A big file is read a part at a time, each part's claims built and let go before the next is
# read, so that the parsed TOML of a million claims is never held whole. A part starts at a
# plain [claims.ID] header. Each later part must hold only claim and check tables (anything
# else, or an id an earlier part holds, sends the file to the whole reading); the [claims] and
# [checks] tables themselves may be declared only before the first cut, where TOML sees them
# all, so that parts that read alone read as the whole file does.
PART_CHARS = 4_000_000
_CLAIM_HEADER = re.compile(r"^\[claims\.[A-Za-z0-9_-]+\][ \t]*\r?$", re.MULTILINE)
_SECTION_HEADER = re.compile(r"(?:claims|checks)[\"']?[ \t]*\]")  # "[claims]", perhaps quoted
_SECTION_KEY = re.compile(r"^[ \t]*[\"']?(?:claims|checks)[\"']?[ \t]*[.=]", re.MULTILINE)


class PartFailed(Exception):
    """A part of a big file does not read alone as claim tables: the file is read whole."""


class Parts:
    """A big claims file cut at claim headers: the first part's data, then each later part's
    claims, parsed only when asked for."""

    def __init__(self, text: str, cuts: list[int], later: int) -> None:
        self.text = text
        self.cuts = cuts
        self.later = later  # about how many claims the later parts hold
        self.read = 0  # later parts read so far

    def first(self) -> dict[str, Any]:
        data = self._part(0, self.cuts[0])
        if not isinstance(data.get("claims", {}), dict) or not isinstance(
            data.get("checks", {}), dict
        ):
            raise PartFailed
        return data

    def tables(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """Each later part's claim tables and check tables, in the file's order."""
        ends = [*self.cuts[1:], len(self.text)]
        for start, end in zip(self.cuts, ends, strict=True):
            data = self._part(start, end)
            claims, checks = data.pop("claims", None), data.pop("checks", {})
            if data or not isinstance(claims, dict) or not isinstance(checks, dict):
                raise PartFailed
            self.read += 1
            yield claims, checks

    @property
    def done(self) -> bool:
        return self.read == len(self.cuts)

    def _part(self, start: int, end: int) -> dict[str, Any]:
        try:
            return _loads(self.text[start:end])
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            raise PartFailed from None


def parts(text: str, size: int | None = None) -> Parts | None:
    """*text* cut into parts of about *size* characters at claim headers (None: read it
    whole)."""
    size = PART_CHARS if size is None else size
    if len(text) < 2 * size or '"""' in text or "'''" in text:
        return None
    cuts: list[int] = []
    header = _CLAIM_HEADER.search(text, size)
    while header is not None:
        cuts.append(header.start())
        header = _CLAIM_HEADER.search(text, header.start() + size)
    if (
        not cuts
        or _SECTION_HEADER.search(text, cuts[0]) is not None
        or _SECTION_KEY.search(text, 0, cuts[0]) is not None
    ):
        return None
    # about how many claims the later parts hold, for progress
    later = text.count("[claims.", cuts[0]) - text.count("[[claims.", cuts[0])
    return Parts(text, cuts, later)


_LONG_NUMBER = re.compile(r"[0-9_]{1000}")


def _long_number_line(text: str) -> int | None:
    """The line of the first run of a thousand digits (best effort, for the message)."""
    found = _LONG_NUMBER.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _deep_line(text: str, depth: int = 100) -> int | None:
    """The line where brackets outside strings and comments first nest more than *depth*
    deep (best effort, for the message about nesting too deep)."""
    level, line, quote, comment, skip = 0, 1, "", False, -1
    for m in _NESTING.finditer(text):
        ch = m.group()
        if ch == "\n":
            line += 1
            comment = False
        elif m.start() == skip or comment:
            continue
        elif quote:
            if ch == "\\" and quote == '"':
                skip = m.end()  # the escaped character, perhaps a quote
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            comment = True
        elif ch in "[{":
            level += 1
            if level > depth:
                return line
        elif ch in "]}":
            level -= 1
    return None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _toml_detail(detail: str) -> str:
    """tomllib's message, with its duplicate-table one said in claims-file terms."""
    twice = _DECLARED_TWICE.fullmatch(detail)
    if twice is not None:
        path = ".".join(_QUOTED_PART.findall(twice.group(1)))
        return f"[{path}] is declared twice (each table, and so each id, may appear only once)"
    return _lower_first(detail)
