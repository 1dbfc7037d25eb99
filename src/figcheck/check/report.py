"""The finished report: one result per claim and check, computed once, rendered many ways."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from figcheck.check.verdict import Verdict
from figcheck.figures import notation

if TYPE_CHECKING:
    from figcheck.claims.model import Check, Claim, Document, Reference
    from figcheck.errors import Location
    from figcheck.figures.interval import Interval
    from figcheck.figures.notation import Scale
    from figcheck.figures.stated import Stated


@dataclass(frozen=True, slots=True)
class ReferenceResult:
    """A cited figure and its verdict against the stated one."""

    reference: Reference
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class CheckSides:
    """A check's two sides at central figures, in the terms of its first input of the check's
    dimension: ``100 tonnes ≤ 90 tonnes``."""

    left: float  # base units
    right: float
    op: str  # "<", "<=", ">" or ">="
    scale: Scale

    @property
    def text(self) -> str:
        relation = notation.RELATION[self.op]
        return f"{self.scale.text(self.left)} {relation} {self.scale.text(self.right)}"


@dataclass(frozen=True, slots=True)
class Result:
    """The verdict on one claim or check, with everything needed to show how it was made.

    ``central`` and ``range`` are in base units; ``stated`` knows how to show them.
    """

    id: str
    kind: Literal["claim", "check"]
    verdict: Verdict
    line: int | None
    section: str | None = None
    stated: Stated | None = None
    formula: str | None = None
    central: float | None = None
    range: Interval | None = None
    formula_verdict: Verdict | None = None
    quote: str | None = None
    quote_location: Location | None = None
    quote_verdict: Verdict | None = None
    quote_span: tuple[int, int] | None = None  # the quote's offsets in the document text
    references: tuple[ReferenceResult, ...] = ()
    note: str | None = None
    sides: CheckSides | None = None
    claim: Claim | None = field(default=None, compare=False, repr=False)
    check: Check | None = field(default=None, compare=False, repr=False)

    @property
    def computed(self) -> str:
        """The computed column every format shows: a claim's figure and range, e.g.
        ``10.7 million people (10.5 million – ∞)``, or a check's two sides."""
        if self.sides is not None:
            return self.sides.text
        return notation.computed(self.central, self.range, self.stated)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of results by verdict."""

    total: int
    counts: dict[Verdict, int]
    quoted: int
    unquoted: int

    @classmethod
    def of(cls, results: tuple[Result, ...]) -> Summary:
        counts = Counter(r.verdict for r in results)
        claims = [r for r in results if r.kind == "claim"]
        quoted = sum(1 for r in claims if r.quote is not None)
        return cls(
            total=len(results),
            counts={v: counts.get(v, 0) for v in Verdict},
            quoted=quoted,
            unquoted=len(claims) - quoted,
        )

    def text(self) -> str:
        """One line, e.g. ``28 results: 20 consistent, 2 within-rounding, 1 inconsistent``."""
        parts = [f"{n} {v.value}" for v, n in self.counts.items() if n]
        line = f"{self.total} results: " + ", ".join(parts) if parts else "no results"
        if self.unquoted:
            line += f"; {self.unquoted} without a quote"
        return line


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of the document that shows results: a claimed figure, or a pin at a quote
    whose figure could not be placed (``start == end``)."""

    start: int
    end: int
    ids: tuple[str, ...]
    pin: bool = False


@dataclass(frozen=True, slots=True)
class Unclaimed:
    """A figure in the document that no claim covers, with its coverage category."""

    start: int
    end: int
    category: str  # "quantity", "year" or "count"


@dataclass(frozen=True, slots=True)
class DocumentView:
    """The document as a page shows it: its text, where each result shows in it, the figures
    no claim covers, and the coverage line."""

    text: str
    marks: tuple[Mark, ...]  # in document order, not overlapping
    unclaimed: tuple[Unclaimed, ...] = ()
    coverage: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``figcheck check`` found, ready for any renderer."""

    claims_path: str
    document: Document
    about: float
    results: tuple[Result, ...]
    summary: Summary
    strict: bool = False
    view: DocumentView | None = field(default=None, compare=False, repr=False)

    @property
    def exit_code(self) -> int:
        """0 when nothing fails, 1 when something does (within-rounding too under --strict)."""
        return int(any(r.verdict.fails(strict=self.strict) for r in self.results))

    def sections(self) -> list[tuple[str | None, list[Result]]]:
        """Results grouped by section, in order of first appearance."""
        groups: dict[str | None, list[Result]] = {}
        for result in self.results:
            groups.setdefault(result.section, []).append(result)
        return list(groups.items())
