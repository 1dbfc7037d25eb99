"""Verdicts and the rules that make them from stated readings and computed ranges."""

from __future__ import annotations

import math
from enum import Enum
from typing import TYPE_CHECKING

from figcheck.figures.interval import Interval

if TYPE_CHECKING:
    from figcheck.claims.formula import Assertion
    from figcheck.figures.readings import Reading


TOLERANCE = 1e-9  # relative: differences below this are float noise, not disagreement


class Verdict(Enum):
    """What figcheck concludes about one claim, check or reference, ordered from best to worst."""

    UNCHECKED = "unchecked"
    CONSISTENT = "consistent"
    WITHIN_ROUNDING = "within-rounding"
    FIGURE_NOT_IN_QUOTE = "figure-not-in-quote"
    QUOTE_NOT_FOUND = "quote-not-found"
    INCONSISTENT = "inconsistent"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank < other.rank

    @property
    def symbol(self) -> str:
        return _SYMBOL[self]

    @property
    def label(self) -> str:
        """The symbol and the name, as every format shows them: ``≈ within-rounding``."""
        return f"{_SYMBOL[self]} {self.value}"

    def fails(self, *, strict: bool = False) -> bool:
        """Whether this verdict makes ``figcheck check`` exit with 1."""
        if self is Verdict.WITHIN_ROUNDING:
            return strict
        return self.rank > Verdict.WITHIN_ROUNDING.rank


_RANK = {v: i for i, v in enumerate(Verdict)}
_SYMBOL = {
    Verdict.UNCHECKED: "?",
    Verdict.CONSISTENT: "✔",
    Verdict.WITHIN_ROUNDING: "≈",
    Verdict.FIGURE_NOT_IN_QUOTE: "¶",
    Verdict.QUOTE_NOT_FOUND: "∅",
    Verdict.INCONSISTENT: "✘",
}


def judge_figure(central: float, span: Interval, stated: Reading) -> Verdict:
    """The tiers for a computed or cited figure against a stated one.

    consistent: *central* lies in the stated strict interval; within-rounding: *span*
    (the loosest reading of the other side) meets the stated lenient interval.
    """
    if not math.isnan(central) and _tolerant(stated.strict).contains(central):
        return Verdict.CONSISTENT
    if span.meets(_tolerant(stated.lenient)):
        return Verdict.WITHIN_ROUNDING
    return Verdict.INCONSISTENT


def _tolerant(interval: Interval) -> Interval:
    """*interval* with its closed finite ends pushed out by float noise (relative 1e-9).

    So ``0.1 + 0.2`` is exactly 0.3, while an open end ("over 50 percent") stays open.
    """
    lo, hi = interval.lo, interval.hi
    width = TOLERANCE * max(
        abs(lo) if math.isfinite(lo) else 0.0, abs(hi) if math.isfinite(hi) else 0.0
    )
    if not width:
        return interval
    # built directly: dataclasses.replace costs more than the whole verdict
    return Interval(
        lo if interval.lo_open else lo - width,
        hi if interval.hi_open else hi + width,
        interval.lo_open,
        interval.hi_open,
    )


def judge_assertion(assertion: Assertion, central: list[float], boxes: list[Interval]) -> Verdict:
    """consistent if the relation holds at central figures, within-rounding if it holds
    somewhere in the lenient box, inconsistent if nowhere."""
    if assertion.holds_at(central):
        return Verdict.CONSISTENT
    if assertion.possible(boxes):
        return Verdict.WITHIN_ROUNDING
    return Verdict.INCONSISTENT
