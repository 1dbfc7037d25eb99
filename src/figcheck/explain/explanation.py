"""Explain one verdict: its derivation, a plain sentence, a number line and what it would take."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from figcheck.check.verdict import Verdict
from figcheck.errors import InputError
from figcheck.explain.model import Entry, Explanation, Need
from figcheck.explain.number_line import bar, number_line
from figcheck.explain.solver import needs as needs_for
from figcheck.figures import notation
from figcheck.figures.interval import Interval, intersect
from figcheck.figures.notation import Scale
from figcheck.text import did_you_mean

if TYPE_CHECKING:
    from figcheck.check.report import ReferenceResult, Report, Result
    from figcheck.claims.formula import Assertion, Formula
    from figcheck.claims.model import Check, Claim
    from figcheck.errors import Location
    from figcheck.figures.stated import Stated

_INF = math.inf
_IDENT = re.compile(r"\b([A-Za-z_]\w*)\b", re.ASCII)
_RELATION_WORDS = {"<": "less than", "<=": "at most", ">": "more than", ">=": "at least"}
# what a check's difference (left - right) must be for the relation to hold
_RELATION_TARGET = {
    "<": Interval(-_INF, 0.0, True, True),
    "<=": Interval(-_INF, 0.0, True, False),
    ">": Interval(0.0, _INF, True, True),
    ">=": Interval(0.0, _INF, False, True),
}
_FAILING = (Verdict.WITHIN_ROUNDING, Verdict.BOUND_ONLY, Verdict.INCONSISTENT)


@dataclass(frozen=True, slots=True)
class _Claims:
    """What an explanation needs of the claims file, taken from the report's results."""

    path: str
    by_id: dict[str, Claim]
    claims: tuple[Claim, ...]
    checks: tuple[Check, ...]

    @classmethod
    def of(cls, report: Report) -> _Claims:
        claims = tuple(r.claim for r in report.results if r.claim is not None)
        checks = tuple(r.check for r in report.results if r.check is not None)
        return cls(report.claims_path, {c.id: c for c in claims}, claims, checks)


def explain(report: Report, ident: str) -> Explanation:
    """The explanation of the claim or check *ident*; InputError for an unknown id."""
    return next(explain_each(report, (ident,)))


def explain_each(report: Report, idents: Iterable[str]) -> Iterator[Explanation]:
    """The explanation of each of *idents*, in order; the report is indexed once for all."""
    results = {r.id: r for r in report.results}
    cf = _Claims.of(report)
    for ident in idents:
        result = results.get(ident)
        if result is None:
            raise InputError(unknown_id(ident, list(results)))
        if result.check is not None:
            yield _explain_check(result, result.check, cf, results)
        elif result.claim is None:
            raise InputError(f"'{ident}' has no claim or check to explain")
        else:
            yield _explain_claim(result, result.claim, cf, results)


def unknown_id(ident: str, known: Sequence[str]) -> str:
    """The message for an id that is neither a claim nor a check, with a near miss if any."""
    return f"unknown id '{ident}'{did_you_mean(ident, known)}"


# -- claims ------------------------------------------------------------------------------------


def _explain_claim(
    result: Result, claim: Claim, cf: _Claims, results: dict[str, Result]
) -> Explanation:
    stated = claim.stated
    scale = Scale.of(stated)
    entries = [_where(cf, claim.line, claim.section)]
    entries.append(Entry("quote", _quote_text(claim.quote, result.quote_location)))
    entries.append(Entry("stated", f"{stated.text} (central figure {scale.text(stated.central)})"))
    entries.extend(_stated_entries(stated))
    formula = claim.formula
    bars = [
        bar("stated strict", "strict", stated.reading.strict, scale, stated.central),
        bar("stated lenient", "lenient", stated.reading.lenient, scale),
    ]
    needs: tuple[Need, ...] = ()
    needs_note: str | None = None
    if formula is not None and result.central is not None and result.range is not None:
        entries.append(Entry("formula", formula.source))
        if claim.suggested:
            entries.append(Entry("suggested", claim.suggested))
        entries.extend(_input_entries(formula.names, cf, results))
        central, span = result.central, result.range
        entries.append(Entry("worked out", f"{_substituted(formula, cf)} = {scale.text(central)}"))
        entries.append(
            Entry(
                "computed",
                f"{scale.text(central)}; over the inputs' lenient readings "
                f"{notation.bracketed(span, stated)}",
            )
        )
        if result.off:
            entries.append(Entry("how far off", result.off))
        if result.slack:
            entries.append(Entry("slack", f"≈ by {result.slack_text}"))
        if result.wide:
            entries.append(
                Entry(
                    "wide", "an input appears more than once: the range may be wider than the truth"
                )
            )
        entries.append(_verdict_entry("formula", result.formula_verdict))
        bars.append(
            bar("computed", "computed", span, scale, central, verdict=result.formula_verdict)
        )
        if result.formula_verdict in (*_FAILING, Verdict.UNCHECKED):
            needs = needs_for(
                formula, formula.names, _inputs(formula.names, cf), stated.reading.strict
            )
        elif result.verdict in _FAILING:
            needs_note = "the formula agrees with the stated figure; the verdict comes from " + (
                "its references" if result.references else "its quote"
            )
            needs = _restate(result, scale)
    elif result.verdict in _FAILING:
        needs = _restate(result, scale)
        needs_note = "no formula derives this figure, so there is no input to change"
        if not needs:
            needs_note += "; the verdict comes from its quote"
    for i, ref in enumerate(result.references, 1):
        entries.extend(_reference_entries(ref))
        value = ref.reference.value
        label = "reference" if len(result.references) == 1 else f"reference {i}"
        bars.append(
            bar(label, "reference", value.reading.lenient, scale, value.central, ref.verdict)
        )
    if result.quote_verdict is not None:
        entries.append(_verdict_entry("quote check", result.quote_verdict))
    if claim.note:
        entries.append(Entry("note", claim.note))
    entries.append(_verdict_entry("verdict", result.verdict))
    return Explanation(
        id=claim.id,
        kind="claim",
        verdict=result.verdict,
        entries=tuple(entries),
        sentence=_claim_sentence(result, claim, cf, scale),
        picture=number_line(bars, scale),
        needs=needs,
        needs_note=needs_note,
    )


def _restate(result: Result, scale: Scale) -> tuple[Need, ...]:
    """What the stated figure would need to say to agree with each disagreeing reference.

    Three significant figures suffice: their strict reading always contains the cited figure.
    """
    return tuple(
        Need(
            result.id,
            ref.reference.value.central,
            ref.reference.value.central,
            True,
            f"to agree with the cited {ref.reference.value.text}, the document would need to "
            f"state {scale.text(ref.reference.value.central)}",
        )
        for ref in result.references
        if ref.verdict in _FAILING
    )


def _claim_sentence(result: Result, claim: Claim, cf: _Claims, scale: Scale) -> str:
    """One plain sentence about what decided the verdict."""
    worst = result.verdict
    if result.formula_verdict is not None and result.formula_verdict == worst:
        return _formula_sentence(result, claim.stated, scale)
    for ref in result.references:
        if ref.verdict == worst:
            return _reference_sentence(ref, claim.stated, scale)
    if result.quote_verdict is Verdict.QUOTE_NOT_FOUND:
        return "the quote was not found in the document"
    if result.quote_verdict is Verdict.FIGURE_NOT_IN_QUOTE:
        return f"the quote does not contain the figure “{claim.stated.text}”"
    users = [c.id for c in cf.claims if c.formula is not None and claim.id in c.formula.names]
    users += [c.id for c in cf.checks if claim.id in c.assertion.names]
    tail = f"; it is an input to {_and(users)}" if users else ", and nothing uses it"
    return f"the document states {claim.stated.text}, and no formula or reference checks it{tail}"


def _formula_sentence(result: Result, stated: Stated, scale: Scale) -> str:
    central, span = result.central, result.range
    assert central is not None
    assert span is not None
    strict, lenient = stated.reading.strict, stated.reading.lenient
    text = stated.text
    verdict = result.formula_verdict
    if math.isnan(central):
        return f"the formula is undefined at the inputs' central figures, so “{text}” cannot follow"
    gives = f"the inputs give {scale.text(central, digits=_digits(scale, central, stated))}"
    if verdict is Verdict.CONSISTENT:
        return f"{gives}, which lies in what “{text}” states ({_words(strict, scale)})"
    if verdict is Verdict.UNCHECKED:
        return (
            f"{gives}, but over the inputs' readings the formula can give any figure at all "
            f"(a division by a range that holds zero), so “{text}” cannot be checked"
        )
    reached = result.reached if result.reached is not None else span
    if verdict is Verdict.WITHIN_ROUNDING:
        needed = result.slack_text or "rounding at the written digit"
        if any(ident == "" for _, ident in result.slack):
            return (
                f"{gives}, outside what “{text}” states ({_words(strict, scale)}); read as "
                f"written, the inputs give {_words(reached, scale, 3)}, which meets what it "
                f"can mean after {needed} ({_words(lenient, scale)})"
            )
        return (
            f"{gives}, outside what “{text}” states ({_words(strict, scale)}), but allowing "
            f"for {needed} their range ({_words(reached, scale, 3)}) meets it"
        )
    if reached.empty:
        return (
            f"{gives}, and their loosest readings give no figure at all; the document says {text}"
        )
    if reached.hi <= strict.lo:
        bound = f"at most {_bound(reached.hi, strict.lo, scale, up=True)}"
    else:
        bound = f"at least {_bound(reached.lo, strict.hi, scale, up=False)}"
    if verdict is Verdict.BOUND_ONLY:
        return (
            f"{gives}; only an open bound (“at least”, “over”, …) of an input reaches “{text}”: "
            f"with each bound read as the figure it names, their loosest reading gives {bound}, "
            f"outside what “{text}” states ({_words(strict, scale)})"
        )
    if strict == lenient:
        readings = _words(strict, scale)
    else:
        readings = f"{_words(strict, scale)} as written, {_words(lenient, scale)} at its loosest"
    return (
        f"{gives}, and even their loosest reading gives {bound}, but the document says "
        f"{text} ({readings})"
    )


def _digits(scale: Scale, central: float, stated: Stated) -> int:
    return notation.distinct_digits(scale, [central, stated.central])


def _reference_sentence(ref: ReferenceResult, stated: Stated, scale: Scale) -> str:
    cited = ref.reference.value
    head = f"the cited {cited.text}"
    strict, lenient = stated.reading.strict, stated.reading.lenient
    if ref.verdict is Verdict.CONSISTENT:
        return f"{head} lies in what “{stated.text}” states ({_words(strict, scale)})"
    if ref.verdict is Verdict.WITHIN_ROUNDING:
        return (
            f"{head} lies outside what “{stated.text}” states ({_words(strict, scale)}), "
            f"but meets it allowing for {ref.slack_text or 'rounding'}"
        )
    return (
        f"{head} lies outside even the loosest reading of “{stated.text}” "
        f"({_words(lenient, scale)})"
    )


# -- checks ------------------------------------------------------------------------------------


def _explain_check(
    result: Result, check: Check, cf: _Claims, results: dict[str, Result]
) -> Explanation:
    assertion = check.assertion
    scale = Scale.of(_side_stated(assertion, cf))
    names = assertion.names
    central = [cf.by_id[n].stated.central for n in names]
    boxes = [cf.by_id[n].stated.reading.lenient for n in names]
    left, left_span = assertion.lhs.evaluate(central, boxes)
    right, right_span = assertion.rhs.evaluate(central, boxes)
    entries = [_where(cf, check.line, check.section), Entry("assert", assertion.source)]
    if check.suggested:
        entries.append(Entry("suggested", check.suggested))
    entries.extend(_input_entries(names, cf, results))
    entries.append(Entry("left side", _side_text(assertion.lhs, cf, scale, left)))
    entries.append(Entry("right side", _side_text(assertion.rhs, cf, scale, right)))
    holds = assertion.holds_at(central)
    entries.append(
        Entry(
            "at central",
            f"{scale.text(left)} {assertion.op} {scale.text(right)}: "
            + ("holds" if holds else "does not hold"),
        )
    )
    entries.append(
        Entry(
            "loosest",
            f"left side {scale.bracketed(left_span)}; right side {scale.bracketed(right_span)}",
        )
    )
    if check.note:
        entries.append(Entry("note", check.note))
    entries.append(_verdict_entry("verdict", result.verdict))
    needs: tuple[Need, ...] = ()
    if result.verdict in _FAILING:
        target = _RELATION_TARGET[assertion.op]
        needs = needs_for(assertion.difference, names, _inputs(names, cf), target)
    bars = [
        bar("left side", "left", left_span, scale, left),
        bar("right side", "right", right_span, scale, right),
    ]
    return Explanation(
        id=check.id,
        kind="check",
        verdict=result.verdict,
        entries=tuple(entries),
        sentence=_check_sentence(
            assertion, result.verdict, scale, (left, left_span), (right, right_span)
        ),
        picture=number_line(bars, scale),
        needs=needs,
    )


def _check_sentence(
    assertion: Assertion,
    verdict: Verdict,
    scale: Scale,
    left: tuple[float, Interval],
    right: tuple[float, Interval],
) -> str:
    words = _RELATION_WORDS[assertion.op]
    left_text, right_text = scale.text(left[0]), scale.text(right[0])

    def sides(verb: str) -> str:
        return f"the left side, {left_text}, {verb} {words} the right side, {right_text}"

    if verdict is Verdict.CONSISTENT:
        return "at the central figures " + sides("is")
    if verdict is Verdict.WITHIN_ROUNDING:
        return (
            f"at the central figures {sides('is not')}, but it can be within their loosest readings"
        )
    head = sides("should be")
    if assertion.op in ("<", "<="):
        low, high = scale.text(left[1].lo, digits=6), scale.text(right[1].hi, digits=6)
        loose = f"the left side is at least {low} and the right side at most {high}"
    else:
        low, high = scale.text(left[1].hi, digits=6), scale.text(right[1].lo, digits=6)
        loose = f"the left side is at most {low} and the right side at least {high}"
    return f"{head}, but even at their loosest readings {loose}"


def _inputs(names: Sequence[str], cf: _Claims) -> list[Stated]:
    return [cf.by_id[n].stated for n in names]


def _side_stated(assertion: Assertion, cf: _Claims) -> Stated | None:
    """The first input whose unit has the check's dimension: its scale shows both sides."""
    stated = [cf.by_id[n].stated for n in assertion.names]
    dimension = assertion.dimension([s.unit.dimension for s in stated])
    return next((s for s in stated if s.unit.dimension == dimension), None)


def _side_text(formula: Formula, cf: _Claims, scale: Scale, value: float) -> str:
    # a side's Formula carries every input of the check: look at the ids its text uses
    used = set(_IDENT.findall(formula.source)) & set(formula.names)
    if not used or formula.source in used:
        return f"{formula.source} = {scale.text(value)}"
    return f"{formula.source} = {_substituted(formula, cf)} = {scale.text(value)}"


# -- derivation pieces -------------------------------------------------------------------------


def _where(cf: _Claims, line: int | None, section: str | None) -> Entry:
    text = f"{cf.path}:{line}" if line is not None else cf.path
    if section:
        text += f", section “{section}”"
    return Entry("defined at", text)


def _quote_text(quote: str | None, location: Location | None) -> str:
    if quote is None:
        return "none recorded"
    text = f"“{quote}”"
    if location is not None and location.line is not None:
        text += f" ({location.path.rsplit('/', 1)[-1]}:{location.line})"
    return text


def _stated_entries(stated: Stated, depth: int = 0) -> list[Entry]:
    return [
        Entry("strict", notation.bracketed(stated.reading.strict, stated), depth),
        Entry("lenient", notation.bracketed(stated.reading.lenient, stated), depth),
    ]


def _input_entries(names: Sequence[str], cf: _Claims, results: dict[str, Result]) -> list[Entry]:
    entries: list[Entry] = []
    for name in names:
        claim = cf.by_id[name]
        result = results.get(name)
        location = result.quote_location if result is not None else None
        entries.append(Entry("input", f"{name} = {claim.stated.text}"))
        entries.append(Entry("quote", _quote_text(claim.quote, location), 1))
        entries.extend(_stated_entries(claim.stated, 1))
        if claim.formula is not None and result is not None and result.range is not None:
            pinned = intersect(claim.stated.reading.lenient, result.range)
            if not pinned.empty and pinned != claim.stated.reading.lenient:
                # a derived input is read as its own formula pins it
                text = f"{notation.bracketed(pinned, claim.stated)} by its formula"
                entries.append(Entry("pinned", f"{text} {claim.formula.source}", 1))
    return entries


def _reference_entries(ref: ReferenceResult) -> list[Entry]:
    r = ref.reference
    entries = [
        Entry(
            "reference",
            f"{r.value.text}: {ref.verdict.label}" + (f" by {ref.slack_text}" if ref.slack else ""),
            0,
            ref.verdict,
        ),
        Entry("source", r.source, 1),
    ]
    if r.date:
        entries.append(Entry("date", r.date, 1))
    if r.url:
        entries.append(Entry("url", r.url, 1))
    if r.note:
        entries.append(Entry("note", r.note, 1))
    return entries


def _verdict_entry(label: str, verdict: Verdict | None) -> Entry:
    verdict = verdict or Verdict.UNCHECKED
    return Entry(label, verdict.label, 0, verdict)


def _substituted(formula: Formula, cf: _Claims) -> str:
    """The formula with each id replaced by its central figure (percentages keep their %)."""

    def figure(match: re.Match[str]) -> str:
        claim = cf.by_id.get(match.group(1))
        if claim is None or match.group(1) not in formula.names:
            return match.group(0)
        stated = claim.stated
        return Scale.of(stated).text(stated.central, unit=stated.percent)

    return _IDENT.sub(figure, formula.source)


# -- words -------------------------------------------------------------------------------------


def _words(interval: Interval, scale: Scale, digits: int = 6) -> str:
    """An interval in words: ``9.5 million to 10.5 million people``, ``more than 50 %``."""
    lo, hi = interval.lo, interval.hi
    if lo == -_INF and hi == _INF:
        return "any figure"
    if hi == _INF:
        low = scale.text(lo, digits=digits)
        return f"more than {low}" if interval.lo_open else f"{low} or more"
    if lo == -_INF:
        high = scale.text(hi, digits=digits)
        return f"less than {high}" if interval.hi_open else f"{high} or less"
    if lo == hi:
        return f"exactly {scale.text(lo, digits=digits)}"
    return f"{scale.text(lo, digits=digits, unit=False)} to {scale.text(hi, digits=digits)}"


def _distinct(value: float, other: float, scale: Scale) -> str:
    """*value* with just enough digits not to look equal to *other*."""
    for digits in range(3, 9):
        text = scale.text(value, digits=digits)
        if text != scale.text(other, digits=digits):
            return text
    return scale.text(value, digits=9)


def _bound(value: float, other: float, scale: Scale, *, up: bool) -> str:
    """A bound with just enough digits not to look equal to *other*, rounded outward (up for
    "at most", down for "at least") so that what it says stays true."""
    shown = scale.shown(value)
    for digits in range(3, 10):
        if abs(shown) >= 10 ** (digits - 1):
            rounded = float(round(shown))
        else:
            rounded = float(f"{shown:.{digits}g}")
        text = scale.text(value, digits=digits)
        if (rounded >= shown if up else rounded <= shown) and text != scale.text(
            other, digits=digits
        ):
            return text
    return scale.text(value, digits=9)


def _and(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + f" and {items[-1]}"
