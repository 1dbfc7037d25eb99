"""The one exception family: input problems that carry their own location."""

from __future__ import annotations

from dataclasses import dataclass


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

    Core code raises it with only a message; the loader adds the location.
    """

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def at(self, location: Location) -> FigcheckError:
        """The same error, placed at *location* (keeps the subclass)."""
        return type(self)(self.message, location)

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


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
        return f"{self.location}: {self.message}"


class ProblemsError(FigcheckError):
    """Several problems found in one input, all reported in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def __str__(self) -> str:
        return self.message
