"""The findings that CI formats report: one per problem, with a rule, a level and a place."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from figcheck.check.verdict import Verdict

if TYPE_CHECKING:
    from figcheck.check.report import ReferenceResult, Report, Result

Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A kind of finding, with a stable id that CI tools key on."""

    id: str
    name: str
    verdict: Verdict
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


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a result, placed in the document or, failing that, the claims file.

    ``key`` tells apart findings of one rule on one result (references), so that
    ``fingerprint`` is unique and does not change when lines move.
    """

    rule: Rule
    level: Level
    result: Result
    message: str
    path: str
    line: int | None
    column: int | None
    key: str = ""

    @property
    def fingerprint(self) -> str:
        parts = (self.rule.id, self.result.id, self.path, self.key)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def findings(report: Report) -> list[Finding]:
    """Every finding in *report*, in result order; fingerprints are unique."""
    out: list[Finding] = []
    seen: set[str] = set()
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


def _level(verdict: Verdict, strict: bool) -> Level:
    return "error" if verdict.fails(strict=strict) else "warning"


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
    if verdict in (Verdict.INCONSISTENT, Verdict.WITHIN_ROUNDING):
        rule = RULE_BY_NAME[verdict.value]
        message = _formula_message(result, verdict, report)
        out.append(
            Finding(rule, _level(verdict, report.strict), result, message, path, line, column)
        )
    verdict = result.quote_verdict
    if verdict in (Verdict.QUOTE_NOT_FOUND, Verdict.FIGURE_NOT_IN_QUOTE):
        rule = RULE_BY_NAME[verdict.value]
        message = _quote_message(result, verdict, report)
        out.append(
            Finding(rule, _level(verdict, report.strict), result, message, path, line, column)
        )
    for ref in result.references:
        if ref.verdict not in (Verdict.INCONSISTENT, Verdict.WITHIN_ROUNDING):
            continue
        rule = RULE_BY_NAME[f"reference-{ref.verdict.value}"]
        rpath, rline, rcolumn = _place(result, report, ref.reference.line)
        key = f"{ref.reference.source}\0{ref.reference.value.text}"
        message = _reference_message(result, ref)
        level = _level(ref.verdict, report.strict)
        out.append(Finding(rule, level, result, message, rpath, rline, rcolumn, key))
    return out


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
        return (
            f"{_head(verdict)}: {result.formula} fails at the stated figures{at} "
            "but holds within their rounding"
        )
    stated = result.stated.text if result.stated is not None else ""
    return (
        f"{_head(verdict)}: the document states {stated}, but {result.formula} gives "
        f"{result.computed}"
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
