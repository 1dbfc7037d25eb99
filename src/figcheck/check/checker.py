"""Recompute every derived figure and make each claim's and check's verdict."""

from __future__ import annotations

from collections.abc import Callable

from figcheck.check.report import CheckSides, ReferenceResult, Report, Result, Summary
from figcheck.check.verdict import Verdict, judge_assertion, judge_figure
from figcheck.claims.model import Check, Claim, ClaimsFile
from figcheck.errors import Location
from figcheck.figures.notation import Scale
from figcheck.progress import STEP as PROGRESS_STEP
from figcheck.progress import Progress, silent

# A claim's quote verdict (None: verified or no quote), its location and its span in the text.
Located = tuple[Verdict | None, Location | None, tuple[int, int] | None]
QuoteLocator = Callable[[Claim], Located]


def check(
    claims_file: ClaimsFile,
    *,
    strict: bool = False,
    locate: QuoteLocator | None = None,
    progress: Progress = silent,
) -> Report:
    """The report for *claims_file*; *locate* verifies quotes against the document."""
    claims = claims_file.claims
    results: list[Result] = []
    for start in range(0, len(claims), PROGRESS_STEP):
        progress("checking", start, len(claims))
        batch = claims[start : start + PROGRESS_STEP]
        results.extend(_claim(c, claims_file, locate) for c in batch)
    progress("checking", len(claims), len(claims))
    results.extend(_check(c, claims_file) for c in claims_file.checks)
    done = tuple(results)
    return Report(
        claims_path=claims_file.path,
        document=claims_file.document,
        about=claims_file.about,
        results=done,
        summary=Summary.of(done),
        strict=strict,
    )


def _claim(claim: Claim, cf: ClaimsFile, locate: QuoteLocator | None) -> Result:
    # the hot loop of a big file: no lists or generators where none are needed
    verdicts: list[Verdict] = []
    central: float | None = None
    span = None
    formula_verdict: Verdict | None = None
    reading = claim.stated.reading
    formula = claim.formula
    if formula is not None:
        by_id = cf.by_id
        inputs = [by_id[name].stated.reading for name in formula.names]
        central, span = formula.evaluate([r.central for r in inputs], [r.lenient for r in inputs])
        formula_verdict = judge_figure(central, span, reading)
        verdicts.append(formula_verdict)
    references: tuple[ReferenceResult, ...] = ()
    if claim.references:
        references = tuple(
            ReferenceResult(
                ref, judge_figure(ref.value.central, ref.value.reading.lenient, reading)
            )
            for ref in claim.references
        )
        verdicts.extend(r.verdict for r in references)
    quote_verdict, quote_location, quote_span = (
        locate(claim) if locate is not None else (None, None, None)
    )
    if quote_verdict is not None:
        verdicts.append(quote_verdict)
    return Result(
        id=claim.id,
        kind="claim",
        verdict=max(verdicts) if verdicts else Verdict.UNCHECKED,
        line=claim.line,
        section=claim.section,
        stated=claim.stated,
        formula=formula.source if formula is not None else None,
        central=central,
        range=span,
        formula_verdict=formula_verdict,
        quote=claim.quote,
        quote_location=quote_location,
        quote_verdict=quote_verdict,
        quote_span=quote_span,
        references=references,
        note=claim.note,
        claim=claim,
    )


def _check(check: Check, cf: ClaimsFile) -> Result:
    assertion = check.assertion
    stated = [cf.by_id[name].stated for name in assertion.names]
    central = [s.reading.central for s in stated]
    verdict = judge_assertion(assertion, central, [s.reading.lenient for s in stated])
    # both sides in the terms of the first input that has the check's dimension
    dimension = assertion.dimension([s.unit.dimension for s in stated])
    scale = Scale.of(next((s for s in stated if s.unit.dimension == dimension), None))
    left, right = assertion.lhs.value(central), assertion.rhs.value(central)
    sides = CheckSides(left, right, assertion.op, scale)
    return Result(
        id=check.id,
        kind="check",
        verdict=verdict,
        line=check.line,
        section=check.section,
        formula=check.assertion.source,
        formula_verdict=verdict,
        note=check.note,
        sides=sides,
        check=check,
    )
