"""The findings that CI formats report: one per problem, with a rule, a level and a place."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from figcheck.check.verdict import Verdict
from figcheck.errors import printable

if TYPE_CHECKING:
    from figcheck.check.report import ReferenceResult, Report, Result
    from figcheck.errors import Problem

Level = Literal["error", "warning", "note"]  # note: a problem the claims file accepts


@dataclass(frozen=True, slots=True)
class Rule:
    """A kind of finding, with a stable id that CI tools key on."""

    id: str
    name: str
    verdict: Verdict | None  # None: not a verdict but a claims file that cannot be checked
    short: str
    full: str


RULES: tuple[Rule, ...] = (
    Rule(
        "figcheck/inconsistent",
        "inconsistent",
        Verdict.INCONSISTENT,
        "A stated figure does not follow from the figures it is computed from.",
        "Recomputed from the stated figures of its inputs, the figure falls outside even the "
        "loosest reading of the stated figure, or the check holds nowhere within the inputs' "
        "rounding.",
    ),
    Rule(
        "figcheck/within-rounding",
        "within-rounding",
        Verdict.WITHIN_ROUNDING,
        "A stated figure agrees with its computed value only within rounding.",
        "The computed figure misses the stated figure's strict reading but meets its lenient "
        "reading (or the check holds only somewhere within the inputs' rounding). This fails "
        "under --strict.",
    ),
    Rule(
        "figcheck/bound-only",
        "bound-only",
        Verdict.BOUND_ONLY,
        "A stated figure follows only through an open bound of an input.",
        'The computed figure reaches the stated one only because an input is one-sided ("at '
        'least 22 million" has no upper end): with each bound read as the figure it names, '
        "the stated figure is out of reach. This fails the run like an inconsistent figure.",
    ),
    Rule(
        "figcheck/quote-not-found",
        "quote-not-found",
        Verdict.QUOTE_NOT_FOUND,
        "A claim's quote is not in the document.",
        "The quote recorded in the claims file does not occur in the document, so the claim "
        "may be about text that has changed.",
    ),
    Rule(
        "figcheck/figure-not-in-quote",
        "figure-not-in-quote",
        Verdict.FIGURE_NOT_IN_QUOTE,
        "A claim's stated figure is not in its quote.",
        "The quote is in the document, but the figure the claim states does not appear in it.",
    ),
    Rule(
        "figcheck/reference-inconsistent",
        "reference-inconsistent",
        Verdict.INCONSISTENT,
        "A stated figure disagrees with a cited reference figure.",
        "The figure an outside source gives is outside even the loosest reading of the stated "
        "figure.",
    ),
    Rule(
        "figcheck/reference-within-rounding",
        "reference-within-rounding",
        Verdict.WITHIN_ROUNDING,
        "A stated figure agrees with a cited reference figure only within rounding.",
        "The reference figure misses the stated figure's strict reading but meets its lenient "
        "reading. This fails under --strict.",
    ),
)
RULE_BY_NAME = {rule.name: rule for rule in RULES}
# Reported only for a claims file that cannot be read or checked, so that reports of good
# files keep their six rules.
ERROR_RULE = Rule(
    "figcheck/claims-file-error",
    "claims-file-error",
    None,
    "A claims file cannot be read or checked.",
    "The claims file is not valid: figcheck reports each problem at its line (a formula "
    "naming an unknown id, a figure it cannot read, a key it does not know), and checks "
    "none of its claims until it is fixed.",
)
ERROR_NAME = "claims file"  # what stands for a result's id in an error's finding


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a result, placed in the document or, failing that, the claims file.

    ``key`` tells apart findings of one rule on one result (references), so that
    ``fingerprint`` is unique and does not change when lines move.
    """

    rule: Rule
    level: Level
    result: Result | None  # None for a claims file's error
    message: str
    path: str
    line: int | None
    column: int | None
    key: str = ""

    @property
    def ident(self) -> str:
        """The id of the claim or check, or ``claims file`` for an error."""
        return self.result.id if self.result is not None else ERROR_NAME

    @property
    def accepted(self) -> str | None:
        """The reason the claims file gives for accepting this finding, if it does."""
        return self.result.accepted if self.result is not None else None

    @property
    def fingerprint(self) -> str:
        parts = (self.rule.id, self.ident, self.path, self.key)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def error_findings(report: Report) -> list[Finding]:
    """A finding for each of the claims file's errors, at its line."""
    return [_error(problem, n) for n, problem in enumerate(report.errors)]


def _error(problem: Problem, n: int) -> Finding:
    where = problem.location
    return Finding(
        ERROR_RULE,
        "error",
        None,
        printable(problem.message),
        where.path,
        where.line,
        where.column,
        key=f"{n}\0{problem.message}",
    )


def findings(report: Report) -> list[Finding]:
    """Every finding in *report*: its errors, then its results' in result order;
    fingerprints are unique."""
    out: list[Finding] = error_findings(report)
    seen: set[str] = {f.fingerprint for f in out}
    for result in report.results:
        for finding in _of(result, report):
            key, n = finding.key, 1
            while finding.fingerprint in seen:  # two references alike: number the later ones
                n += 1
                finding = _with_key(finding, f"{key}#{n}")
            seen.add(finding.fingerprint)
            out.append(finding)
    return out


def _with_key(finding: Finding, key: str) -> Finding:
    return Finding(
        finding.rule,
        finding.level,
        finding.result,
        finding.message,
        finding.path,
        finding.line,
        finding.column,
        key,
    )


def _level(verdict: Verdict, report: Report, result: Result) -> Level:
    if result.accepts:
        return "note"
    return "error" if verdict.fails(strict=report.strict) else "warning"


def _place(
    result: Result, report: Report, claims_line: int | None
) -> tuple[str, int | None, int | None]:
    """The quote's place in the document, else the claims file at *claims_line*."""
    loc = result.quote_location
    if loc is not None and loc.line is not None:
        return loc.path, loc.line, loc.column
    return report.claims_path, claims_line, None


def _of(result: Result, report: Report) -> list[Finding]:
    out: list[Finding] = []
    path, line, column = _place(result, report, result.line)
    verdict = result.formula_verdict
    if verdict in (Verdict.INCONSISTENT, Verdict.BOUND_ONLY, Verdict.WITHIN_ROUNDING):
        rule = RULE_BY_NAME[verdict.value]
        message = _formula_message(result, verdict, report)
        out.append(
            Finding(rule, _level(verdict, report, result), result, message, path, line, column)
        )
    verdict = result.quote_verdict
    if verdict in (Verdict.QUOTE_NOT_FOUND, Verdict.FIGURE_NOT_IN_QUOTE):
        rule = RULE_BY_NAME[verdict.value]
        message = _quote_message(result, verdict, report)
        out.append(
            Finding(rule, _level(verdict, report, result), result, message, path, line, column)
        )
    for ref in result.references:
        if ref.verdict not in (Verdict.INCONSISTENT, Verdict.WITHIN_ROUNDING):
            continue
        rule = RULE_BY_NAME[f"reference-{ref.verdict.value}"]
        rpath, rline, rcolumn = _place(result, report, ref.reference.line)
        key = f"{ref.reference.source}\0{ref.reference.value.text}"
        message = _reference_message(result, ref)
        level = _level(ref.verdict, report, result)
        out.append(Finding(rule, level, result, message, rpath, rline, rcolumn, key))
    return out


def with_reason(finding: Finding) -> str:
    """The finding's message, and the reason it is accepted when it is."""
    reason = finding.accepted
    return finding.message if reason is None else f"{finding.message} (accepted: {reason})"


def _head(verdict: Verdict) -> str:
    return verdict.label


def _formula_message(result: Result, verdict: Verdict, report: Report) -> str:
    if result.kind == "check":
        at = f" ({result.computed})" if result.computed else ""
        if verdict is Verdict.INCONSISTENT:
            return (
                f"{_head(verdict)}: {result.formula} fails at the stated figures{at} "
                "and everywhere within their rounding"
            )
        if verdict is Verdict.BOUND_ONLY:
            return (
                f"{_head(verdict)}: {result.formula} fails at the stated figures{at} "
                "and holds only through an open bound of an input"
            )
        return (
            f"{_head(verdict)}: {result.formula} fails at the stated figures{at} "
            "but holds within their rounding"
        )
    stated = result.stated.text if result.stated is not None else ""
    how = f"; {result.how_far_off}" if result.how_far_off else ""
    return (
        f"{_head(verdict)}: the document states {stated}, but {result.formula} gives "
        f"{result.computed}{how}"
    )


def _quote_message(result: Result, verdict: Verdict, report: Report) -> str:
    quote = result.quote or ""
    if verdict is Verdict.QUOTE_NOT_FOUND:
        where = report.document.source or "the document"
        return f'{_head(verdict)}: the quote "{quote}" is not in {where}'
    stated = result.stated.text if result.stated is not None else ""
    return f'{_head(verdict)}: the stated figure "{stated}" is not in the quote "{quote}"'


def _reference_message(result: Result, ref: ReferenceResult) -> str:
    stated = result.stated.text if result.stated is not None else ""
    reference = ref.reference
    date = f" ({reference.date})" if reference.date else ""
    return (
        f"{_head(ref.verdict)} with a reference: the document states {stated}, "
        f"but {reference.source}{date} gives {reference.value.text}"
    )
