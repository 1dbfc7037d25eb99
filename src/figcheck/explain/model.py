"""What ``figcheck explain`` shows, as data: derivation entries, a number line and needs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from figcheck.check.verdict import Verdict

_INF = math.inf

Role = Literal["strict", "lenient", "computed", "reference", "left", "right"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a derivation: a label, its text, its nesting depth and an optional verdict."""

    label: str
    text: str
    depth: int = 0
    verdict: Verdict | None = None


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of the number line: an interval (in the line's scale) and an optional mark."""

    label: str
    role: Role
    lo: float  # may be -inf (drawn as an arrow)
    hi: float  # may be inf
    lo_open: bool = False
    hi_open: bool = False
    mark: float | None = None  # a central figure
    verdict: Verdict | None = None


@dataclass(frozen=True, slots=True)
class NumberLine:
    """The geometry of the picture: a linear scale from ``lo`` to ``hi``, its bars and ticks."""

    unit: str
    lo: float
    hi: float
    bars: tuple[Bar, ...]
    ticks: tuple[float, ...]
    grouping: bool = True  # thousands commas in tick labels

    def column(self, x: float, width: int) -> int:
        """The 0-based column of *x* on a track *width* columns wide (infinities at the ends)."""
        if x == -_INF:
            return 0
        if x == _INF:
            return width - 1
        at = round((x - self.lo) / (self.hi - self.lo) * (width - 1))
        return min(max(at, 0), width - 1)


@dataclass(frozen=True, slots=True)
class Need:
    """The figure one input would need, the others held at their central figures."""

    id: str
    lo: float | None  # base units; None: no lower bound
    hi: float | None  # None: no upper bound
    possible: bool
    text: str


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything ``figcheck explain`` shows about one claim or check."""

    id: str
    kind: Literal["claim", "check"]
    verdict: Verdict
    entries: tuple[Entry, ...]
    sentence: str
    picture: NumberLine | None
    needs: tuple[Need, ...] = ()
    needs_note: str | None = None
