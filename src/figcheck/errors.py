"""The one exception family: input problems that carry their own location."""

from __future__ import annotations

import re
from dataclasses import dataclass

from figcheck.records import quick_init

# C0 and C1 controls, DEL, line and paragraph separators, bidi controls and invisible
# characters: written as escapes so that a message stays on one line, shows what is there,
# and cannot drive a terminal or a CI log ("\n::error::")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\xad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def printable(text: str) -> str:
    """*text* with its control characters written as escapes (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


@quick_init
@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file, and a 1-based line and column when known."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class FigcheckError(Exception):
    """Base of every error figcheck reports; the CLI turns it into a message and exit code 2.

    Readers of files raise it with the location they know (a file, and a line where there is
    one); the claims loader collects its problems as Problems in one ProblemsError.
    """

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return printable(self.message)
        return printable(f"{self.location}: {self.message}")


class FigureError(FigcheckError):
    """A figure string that the grammar cannot read."""


class FormulaError(FigcheckError):
    """A formula or assertion that is not allowed, too big, or badly formed."""


class UnitError(FigcheckError):
    """A unit that is unknown, ambiguous, or of the wrong dimension."""


class InputError(FigcheckError):
    """A file that cannot be read or does not follow the claims-file format."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One located input problem; a file may have many, reported together."""

    location: Location
    message: str

    def __str__(self) -> str:
        return printable(f"{self.location}: {self.message}")


class ProblemsError(FigcheckError):
    """Several problems found in one input, all reported in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def __str__(self) -> str:
        return self.message
