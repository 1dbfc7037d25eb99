"""Verdicts and the rules that make them from stated readings and computed ranges."""

from __future__ import annotations

import math
from enum import Enum
from typing import TYPE_CHECKING, Any

from figcheck.figures.interval import Interval, unbounded, whole_numbers, within

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
    BOUND_ONLY = "bound-only"
    INCONSISTENT = "inconsistent"

    # a member is its own identity, so hashing it is object's, in C: Enum's hashes the name in
    # Python, and verdicts key the dicts that every result of a big report goes through
    __hash__ = object.__hash__

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return _RANK[self] < _RANK[other]

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
    Verdict.BOUND_ONLY: "⇥",
    Verdict.INCONSISTENT: "✘",
}


def judge_figure(central: float, span: Interval, stated: Reading) -> Verdict:
    """The tiers for a computed or cited figure against a stated one.

    consistent: *central* lies in the stated strict interval; within-rounding: *span*
    (the loosest reading of the other side) meets the stated lenient interval.
    """
    if not math.isnan(central) and tolerant(stated.strict, stated.s).contains(central):
        return Verdict.CONSISTENT
    if span.meets(tolerant(stated.lenient, stated.s)):
        return Verdict.WITHIN_ROUNDING
    return Verdict.INCONSISTENT


def judge_assertion(assertion: Assertion, central: list[float], boxes: list[Interval]) -> Verdict:
    """consistent if the relation holds at central figures, within-rounding if it holds
    somewhere in the lenient box, inconsistent if nowhere."""
    if assertion.holds_at(central):
        return Verdict.CONSISTENT
    if assertion.possible(boxes):
        return Verdict.WITHIN_ROUNDING
    return Verdict.INCONSISTENT


# Noise of float arithmetic, relative: a few units in the last place of the figures compared.
NOISE = 4e-15
# A gap this small next to the written digit is float noise, not disagreement.
DIGIT_SHARE = 1e-3


def tolerant(interval: Interval, s: float) -> Interval:
    """*interval* with its closed finite ends pushed out by float noise, tied to the precision
    the figure is written to (*s*, its last digit's place), not to its size alone.

    So ``0.1 + 0.2`` is exactly 0.3, while 31,400,000,010,000 dollars written to the dollar is
    not 31,400,000,000,000: the gap is 10,000 dollars, far over a thousandth of a dollar.
    """
    lo, hi = interval.lo, interval.hi
    size = max(abs(lo) if lo != -math.inf else 0.0, abs(hi) if hi != math.inf else 0.0)
    width = max(size * NOISE, min(size * TOLERANCE, s * DIGIT_SHARE))
    if not width:
        return interval
    return Interval(
        lo if interval.lo_open else lo - width,
        hi if interval.hi_open else hi + width,
        interval.lo_open,
        interval.hi_open,
    )


# The five ranges a figure is carried as, in formulas and checks: what a formula carries for
# ✔ (a plain figure's central point, a qualified figure's strict reading), the strict and the
# lenient readings, the same two with an open bound cut at the bound's own reading, and whether
# any bound is open.
Boxes = tuple[Any, ...]  # Interval × 5, then bool (and a central float for an input)

# The tiers of a figure's verdict, with what made it.
CONSISTENT_TIER = 0
INPUTS_TIER = 1  # the inputs' readings meet the stated strict reading
STATED_TIER = 2  # the inputs' strict readings meet the stated lenient reading
BOUND_TIER = 3  # only an open bound of an input reaches the stated figure
NO_TIER = 4
UNCHECKED_TIER = 5

_TIER_VERDICT = {
    CONSISTENT_TIER: Verdict.CONSISTENT,
    INPUTS_TIER: Verdict.WITHIN_ROUNDING,
    STATED_TIER: Verdict.WITHIN_ROUNDING,
    BOUND_TIER: Verdict.BOUND_ONLY,
    NO_TIER: Verdict.INCONSISTENT,
    UNCHECKED_TIER: Verdict.UNCHECKED,
}


def tier_verdict(tier: int) -> Verdict:
    return _TIER_VERDICT[tier]


def figure_tier(ranges: Boxes, stated: Reading, *, integer: bool = False) -> int:
    """The tier of a computed or cited figure, given as its five ranges, against *stated*.

    ✔ when the carried range lies in the stated strict reading; ≈ when one side's slack
    suffices, the other side read strictly (the inputs' lenient readings meet the stated
    strict one, or their strict readings meet the stated lenient one), with open bounds cut;
    bound-only when that needs an open bound; ? when the range has no bound at all.
    """
    carried, strict, lenient, bstrict, blenient, is_open = ranges
    if integer:
        # widened by float noise first, so a computed 12.000000000000002 is the count 12
        carried, strict, lenient, bstrict, blenient = (
            whole_numbers(tolerant(r, 0.0)) for r in (carried, strict, lenient, bstrict, blenient)
        )
    st = tolerant(stated.strict, stated.s)
    if carried.lo <= carried.hi and within(carried, st) and not carried.empty:
        return CONSISTENT_TIER
    if unbounded(lenient):
        return UNCHECKED_TIER
    le = tolerant(stated.lenient, stated.s)
    if blenient.meets(st):
        return INPUTS_TIER
    if bstrict.meets(le):
        return STATED_TIER
    if is_open and (lenient.meets(st) or strict.meets(le)):
        return BOUND_TIER
    return NO_TIER
