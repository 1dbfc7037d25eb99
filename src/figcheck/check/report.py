"""The finished report: one result per claim and check, computed once, rendered many ways."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from figcheck.check.verdict import Verdict
from figcheck.claims.model import Document
from figcheck.figures import notation
from figcheck.records import quick_init

if TYPE_CHECKING:
    from figcheck.claims.model import Check, Claim, Reference
    from figcheck.errors import Location, Problem
    from figcheck.figures.interval import Interval
    from figcheck.figures.notation import Scale
    from figcheck.figures.stated import Stated


@dataclass(frozen=True, slots=True)
class ReferenceResult:
    """A cited figure and its verdict against the stated one."""

    reference: Reference
    verdict: Verdict
    # what an ≈ needed: (kind, whose), whose "" for the stated figure, "cited" for the reference
    slack: tuple[tuple[str, str], ...] = ()

    @property
    def slack_text(self) -> str:
        return notation.slack_text(self.slack)


@quick_init
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


@quick_init
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
    accepted: str | None = None  # the claims file's reason for accepting a failing verdict
    claim: Claim | None = field(default=None, compare=False, repr=False)
    check: Check | None = field(default=None, compare=False, repr=False)
    # what an ≈ needed: (kind, id) pairs, id "" for the stated figure itself
    slack: tuple[tuple[str, str], ...] = ()
    wide: bool = False  # the computed range may be wider than the truth (a repeated input)
    # the range that decided a formula verdict short of ✔: for ≈ the one that met the stated
    # figure, for bound-only and ✘ the one read with open bounds cut
    reached: Interval | None = None

    @property
    def off(self) -> str:
        """How far off a formula's figure is, in the reader's terms, e.g. ``20 % stated,
        10.6 % computed: 9.42 percentage points, 1.89×``; "" for a claim without a formula."""
        if self.stated is None or self.central is None or self.sides is not None:
            return ""
        return notation.off(self.stated, self.central)

    @property
    def how_far_off(self) -> str:
        """The "how far off" line every format shows for a formula short of ✔, e.g. ``20 %
        stated, 10.6 % computed: 9.42 percentage points, 1.89×``, with what an ≈ needed and
        whether the range may be too wide; "" for a ✔, a ? and a result without a formula."""
        if self.formula_verdict in (None, Verdict.CONSISTENT, Verdict.UNCHECKED):
            return ""
        if not self.off and not self.slack:
            return ""
        parts = [self.off or self.computed]
        if self.slack:
            parts.append(f"≈ by {self.slack_text}")
        if self.wide:
            parts.append("the range may be wider than the truth")
        return "; ".join(parts)

    @property
    def slack_text(self) -> str:
        """What an ≈ needed, e.g. ``truncation of plot_equivalent; trailing zeros of the
        stated figure``; "" when nothing did."""
        return notation.slack_text(self.slack)

    @property
    def computed(self) -> str:
        """The computed column every format shows: a claim's figure and range, e.g.
        ``10.7 million people (10.5 million – ∞)``, or a check's two sides."""
        if self.sides is not None:
            return self.sides.text
        return notation.computed(self.central, self.range, self.stated)

    @property
    def finding(self) -> bool:
        """Whether the verdict is a problem to show: anything but ✔ and ?."""
        return self.verdict not in (Verdict.CONSISTENT, Verdict.UNCHECKED)

    @property
    def accepts(self) -> bool:
        """Whether the claims file accepts this result's problem (``accept = "reason"``)."""
        return self.accepted is not None and self.finding


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of results by verdict."""

    total: int
    counts: dict[Verdict, int]
    quoted: int
    unquoted: int
    accepted: int = 0  # results whose problem the claims file accepts

    @classmethod
    def of(cls, results: tuple[Result, ...]) -> Summary:
        counts = Counter([r.verdict for r in results])
        claims = sum(1 for r in results if r.kind == "claim")
        quoted = sum(1 for r in results if r.quote is not None and r.kind == "claim")
        return cls(
            total=len(results),
            counts={v: counts.get(v, 0) for v in Verdict},
            quoted=quoted,
            unquoted=claims - quoted,
            accepted=sum(1 for r in results if r.accepted is not None and r.accepts),
        )

    @classmethod
    def merged(cls, summaries: list[Summary]) -> Summary:
        """The counts of several reports added up."""
        return cls(
            total=sum(s.total for s in summaries),
            counts={v: sum(s.counts.get(v, 0) for s in summaries) for v in Verdict},
            quoted=sum(s.quoted for s in summaries),
            unquoted=sum(s.unquoted for s in summaries),
            accepted=sum(s.accepted for s in summaries),
        )

    def text(self) -> str:
        """One line, e.g. ``28 results: 20 consistent, 2 within-rounding, 1 inconsistent``."""
        parts = [f"{n} {v.value}" for v, n in self.counts.items() if n]
        results = "result" if self.total == 1 else "results"
        line = f"{self.total} {results}: " + ", ".join(parts) if parts else "no results"
        if self.accepted:
            line += f"; {self.accepted} accepted"
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
    # a Markdown, HTML or Word document's structure: heading spans, and each table's rows of
    # cell spans, as offsets in text
    headings: tuple[tuple[int, int], ...] = ()
    tables: tuple[tuple[tuple[tuple[int, int], ...], ...], ...] = ()


# the verdicts that fail a run, without and with --strict: all of them are findings, whose
# acceptance is their accepted reason
_FAILING = {s: frozenset(v for v in Verdict if v.fails(strict=s)) for s in (False, True)}
FailOn = Literal["inconsistent", "within-rounding", "never"]
FAIL_ON: tuple[FailOn, ...] = ("inconsistent", "within-rounding", "never")
EXIT_ERROR = 2  # a claims file that cannot be read or checked


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a result has its verdict, in words, and what it would take to change it: what
    ``figcheck explain`` says, carried by the report for formats that show it."""

    sentence: str
    needs: tuple[str, ...] = ()
    needs_note: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``figcheck check`` found, ready for any renderer.

    A claims file that could not be read is a report too: no results, and its ``errors``,
    so that CI formats can show them where they are.
    """

    claims_path: str
    document: Document
    about: float
    results: tuple[Result, ...]
    summary: Summary
    strict: bool = False  # within-rounding verdicts are errors, not warnings
    view: DocumentView | None = field(default=None, compare=False, repr=False)
    errors: tuple[Problem, ...] = ()
    fail_on: FailOn = "inconsistent"
    reasons: Mapping[str, Reason] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def broken(cls, claims_path: str, errors: tuple[Problem, ...], *, about: float) -> Report:
        """The report of a claims file that has *errors*."""
        return cls(
            claims_path=claims_path,
            document=Document(title="", source=None, path=None),
            about=about,
            results=(),
            summary=Summary.of(()),
            errors=errors,
        )

    def fails(self, result: Result) -> bool:
        """Whether *result* makes the run fail: a failing verdict that is not accepted."""
        if self.fail_on == "never" or result.accepts:
            return False
        return result.verdict.fails(strict=self.strict or self.fail_on == "within-rounding")

    @property
    def exit_code(self) -> int:
        """2 when the claims file has errors; 0 when nothing fails, 1 when something does
        (within-rounding too under --strict; never under ``--fail-on never``)."""
        if self.errors:
            return EXIT_ERROR
        if self.fail_on == "never":
            return 0
        # self.fails of each result, with its verdict looked up: a big report has a million
        failing = _FAILING[self.strict or self.fail_on == "within-rounding"]
        for result in self.results:
            if result.verdict in failing and result.accepted is None:
                return 1
        return 0

    def text(self) -> str:
        """The summary line, or for a claims file with errors how many it has."""
        if self.errors:
            n = len(self.errors)
            return f"{n} error{'s' if n != 1 else ''} in the claims file; nothing checked"
        return self.summary.text()

    def sections(self) -> list[tuple[str | None, list[Result]]]:
        """Results grouped by section, in order of first appearance."""
        groups: dict[str | None, list[Result]] = {}
        for result in self.results:
            groups.setdefault(result.section, []).append(result)
        return list(groups.items())


@dataclass(frozen=True, slots=True)
class Reports:
    """The reports of one run over several claims files, in the order they were named."""

    reports: tuple[Report, ...]

    @property
    def exit_code(self) -> int:
        """The worst of the reports' exit codes: 2 for any claims file with errors."""
        return max((r.exit_code for r in self.reports), default=0)

    @property
    def summary(self) -> Summary:
        return Summary.merged([r.summary for r in self.reports])

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for r in self.reports for p in r.errors)

    def text(self) -> str:
        """The run in one line: ``2 claims files, 40 results: …``."""
        files = len(self.reports)
        broken = sum(1 for r in self.reports if r.errors)
        head = f"{files} claims file{'s' if files != 1 else ''}"
        if broken:
            head += f" ({broken} with errors)"
        return f"{head}, {self.summary.text()}"
