"""Recompute every derived figure and make each claim's and check's verdict."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from figcheck.check.report import CheckSides, ReferenceResult, Report, Result, Summary
from figcheck.check.verdict import (
    BOUND_TIER,
    CONSISTENT_TIER,
    INPUTS_TIER,
    STATED_TIER,
    Boxes,
    Verdict,
    figure_tier,
    tier_verdict,
    tolerant,
)
from figcheck.claims.formula import Assertion, Formula
from figcheck.claims.model import Check, Claim, ClaimsFile
from figcheck.errors import Location
from figcheck.figures.interval import EMPTY, Interval, intersect, unbounded, within
from figcheck.figures.notation import Scale
from figcheck.figures.readings import OPEN_BOUND, QUALIFIER, ROUNDING, Reading
from figcheck.progress import STEP as PROGRESS_STEP
from figcheck.progress import Progress, silent

# A claim's quote verdict (None: verified or no quote), its location and its span in the text.
Located = tuple[Verdict | None, Location | None, tuple[int, int] | None]
QuoteLocator = Callable[[Claim], Located]
# what slack an ≈ needed, and whose: (kind, id), with "" for the stated figure itself
Slack = tuple[tuple[str, str], ...]

_INF = math.inf
_CARRIED, _STRICT, _LENIENT, _BSTRICT, _BLENIENT, _OPEN, _CENTRAL = range(7)
_CONSISTENT, _UNCHECKED = Verdict.CONSISTENT, Verdict.UNCHECKED
_POINTS = 4096  # plain formulas' points kept at most


def check(
    claims_file: ClaimsFile,
    *,
    strict: bool = False,
    locate: QuoteLocator | None = None,
    progress: Progress = silent,
) -> Report:
    """The report for *claims_file*; *locate* verifies quotes against the document."""
    claims = claims_file.claims
    judge = _Judge(claims_file, locate)
    claim = judge.claim
    results: list[Result] = []
    for start in range(0, len(claims), PROGRESS_STEP):
        progress("checking", start, len(claims))
        results.extend(map(claim, claims[start : start + PROGRESS_STEP]))
    progress("checking", len(claims), len(claims))
    results.extend(map(judge.check, claims_file.checks))
    done = tuple(results)
    return Report(
        claims_path=claims_file.path,
        document=claims_file.document,
        about=claims_file.about,
        results=done,
        summary=Summary.of(done),
        strict=strict,
    )


def boxes_of(reading: Reading) -> Any:
    """The five ranges a stated figure is carried as (see ``Boxes``), then its central figure."""
    carried = reading.carried
    central = reading.central
    if carried is None:
        carried = Interval(central, central)
    if reading.bounded is None:
        return (carried, reading.strict, reading.lenient, reading.strict, reading.lenient, False,
                central)  # fmt: skip
    bstrict, blenient = reading.bounded
    return (carried, reading.strict, reading.lenient, bstrict, blenient, True, central)


class _Judge:
    """Judges claims and checks, reading each derived input as its stated reading intersected
    with what its own formula gives, so that the document's own figures pin it.

    A derived input's carried and lenient ranges are worked out when it is first used; its
    strict and bounded ones only when a verdict downstream needs them (most are ✔ without).
    """

    def __init__(self, cf: ClaimsFile, locate: QuoteLocator | None = None) -> None:
        self.by_id = cf.by_id
        self.locate = locate
        # what each input is carried as: a stated figure's Boxes, or a derived input's, with
        # None for a range not yet needed
        self.known: dict[str, Any] = {}
        # a derived input's formula ranges, worked out before its own turn came
        self.worked: dict[str, tuple[tuple[float, Boxes, bool], bool]] = {}
        self.used: set[str] = set()
        # a plain formula's figure, range and whether its figure is inside the stated
        # reading, by the identity of the formula, the reading and the inputs' boxes (which
        # all live as long as the judge): files repeat a formula over one input and figure.
        # None once such repeats proved too rare to pay for the keys
        self.points: dict[tuple[int, ...], tuple[float, Interval, bool]] | None = {}
        self.point_hits = 0
        for c in cf.claims:
            if c.formula is not None:
                self.used.update(c.formula.names)

    def boxes(self, claim: Claim, *, full: bool = False) -> Boxes:
        """What *claim* is carried as when it is an input; *full*: with every range known."""
        found = self.known.get(claim.id)
        if found is None:
            if claim.formula is None:
                found = self.known[claim.id] = boxes_of(claim.stated.reading)
                return found  # type: ignore[no-any-return]
            self._pin(claim, full)
            found = self.known[claim.id]
        return found  # type: ignore[no-any-return]

    def _ready(self, claim: Claim, full: bool = False) -> bool:
        return claim.id in self.known

    def _pin(self, claim: Claim, full: bool) -> None:
        """Work out the derived inputs under *claim*, deepest first, without recursion."""
        by_id = self.by_id
        stack = [claim]
        while stack:
            top = stack[-1]
            formula = top.formula
            assert formula is not None
            waiting = [
                by_id[n]
                for n in formula.names
                if by_id[n].formula is not None and not self._ready(by_id[n], full)
            ]
            waiting = [w for w in waiting if w is not top and w not in stack]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            if not self._ready(top, full):
                inputs = [self.boxes(by_id[n], full=full) for n in formula.names]
                central = [by_id[n].stated.reading.central for n in formula.names]
                found = _ranges(formula, central, inputs, full=full)
                self.worked[top.id] = (found, full)
                self.known[top.id] = _pinned(boxes_of(top.stated.reading), found[1], full)

    def _keep_point(self, key: tuple[int, ...], found: tuple[float, Interval, bool]) -> None:
        points = self.points
        assert points is not None
        if len(points) >= _POINTS:
            if self.point_hits * 4 < len(points):
                self.points = None
                return
            points.clear()
            self.point_hits = 0
        points[key] = found

    def claim(self, claim: Claim) -> Result:
        formula = claim.formula
        if formula is None:
            return self._result(claim, None, None, None)
        slack: Slack = ()
        wide = False
        reached: Interval | None = None
        reading = claim.stated.reading
        by_id = self.by_id
        names = formula.names
        known = self.known
        # boxes are non-empty tuples, so a known one is truthy
        inputs = [known.get(n) or self.boxes(by_id[n]) for n in names]
        values = [b[6] for b in inputs]  # _CENTRAL
        worked = self.worked
        early = worked.pop(claim.id, None) if worked else None
        if early is not None:
            central, ranges, wide = early[0]
        elif formula.repeated or claim.integer or not _points_of(inputs):
            central, ranges, wide = _ranges(formula, values, inputs, full=False)
        else:
            # the hot path of a big file: plain inputs, ✔ at a point
            points = self.points
            key = None
            found = None
            if points is not None:
                key = (id(formula), id(reading), *[id(b) for b in inputs])
                found = points.get(key)
            if found is None:
                central, span = formula.evaluate(values, [b[2] for b in inputs])  # _LENIENT
                inside = _point_inside(central, reading)
                if key is not None:
                    self._keep_point(key, (central, span, inside))
            else:
                self.point_hits += 1
                central, span, inside = found
            if inside:
                if claim.id in self.used and claim.id not in known:
                    base = boxes_of(reading)
                    cut = (Interval(central, central), span, span, span, span, False)
                    known[claim.id] = _pinned(base, cut, False)
                return self._result(claim, central, span, _CONSISTENT)
            carried = Interval(central, central) if -_INF < central < _INF else EMPTY
            ranges = (carried, span, span, span, span, False)
        span = ranges[_LENIENT]
        full = not _inside(ranges[_CARRIED], reading, claim.integer)
        if full:
            inputs = [self.boxes(by_id[n], full=True) for n in names]
            central, ranges, wide = _ranges(formula, values, inputs, full=True)
            tier = figure_tier(ranges, reading, integer=claim.integer)
            span = ranges[_LENIENT]
            reached = ranges[_BSTRICT if tier == STATED_TIER else _BLENIENT]
            formula_verdict = tier_verdict(tier)
            if tier in (INPUTS_TIER, STATED_TIER):
                slack = _slack(formula, tier, inputs, [by_id[n] for n in names], claim)
        else:
            formula_verdict = _CONSISTENT
        cid = claim.id
        if cid in self.used and cid not in known:
            known[cid] = _pinned(boxes_of(reading), ranges, full)
        return self._result(claim, central, span, formula_verdict, slack, wide, reached)

    def _result(
        self,
        claim: Claim,
        central: float | None,
        span: Interval | None,
        formula_verdict: Verdict | None,
        slack: Slack = (),
        wide: bool = False,
        reached: Interval | None = None,
    ) -> Result:
        # the worst of the formula's, the references' and the quote's verdicts
        verdict = formula_verdict
        references: tuple[ReferenceResult, ...] = ()
        if claim.references:
            reading = claim.stated.reading
            references = tuple(
                ReferenceResult(ref, *_reference(ref.value.reading, reading, claim.integer))
                for ref in claim.references
            )
            for ref in references:
                if verdict is None or verdict < ref.verdict:
                    verdict = ref.verdict
        locate = self.locate
        if locate is None:
            quote_verdict = quote_location = quote_span = None
        else:
            quote_verdict, quote_location, quote_span = locate(claim)
            if quote_verdict is not None and (verdict is None or verdict < quote_verdict):
                verdict = quote_verdict
        formula = claim.formula
        # every field in order (one per claim: keywords cost a third more)
        return Result(
            claim.id,  # id
            "claim",  # kind
            _UNCHECKED if verdict is None else verdict,
            claim.line,
            claim.section,
            claim.stated,
            formula.source if formula is not None else None,  # formula
            central,
            span,  # range
            formula_verdict,
            claim.quote,
            quote_location,
            quote_verdict,
            quote_span,
            references,
            claim.note,
            None,  # sides
            claim.accept,  # accepted
            claim,
            None,  # check
            slack,
            wide,
            reached,
        )

    def check(self, check: Check) -> Result:
        assertion = check.assertion
        by_id = self.by_id
        claims = [by_id[name] for name in assertion.names]
        stated = [c.stated for c in claims]
        central = [s.reading.central for s in stated]
        if (_points([s.reading for s in stated]) and assertion.holds_at(central)) or (
            assertion.certain([self.boxes(c)[_CARRIED] for c in claims])
        ):
            verdict: Verdict = Verdict.CONSISTENT
            slack: Slack = ()
        else:
            inputs = [self.boxes(c, full=True) for c in claims]
            verdict, slack = _assertion(assertion, central, inputs, claims)
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
            accepted=check.accept,
            check=check,
            slack=slack,
        )


def _points_of(inputs: list[Any]) -> bool:
    """Whether every input is carried as a point."""
    for b in inputs:
        c = b[0]  # _CARRIED
        if c.lo != c.hi:
            return False
    return True


def _point_inside(value: float, stated: Reading) -> bool:
    """Whether *value* lies in the stated strict reading, up to float noise."""
    st = stated.strict
    if st.lo < value < st.hi:  # well inside: no tolerance needed
        return True
    return tolerant(st, stated.s).contains(value)


def _points(readings: list[Reading]) -> bool:
    """Whether every reading is carried as a point (a plain or exact figure)."""
    for r in readings:
        c = r.carried
        if c is not None and c.lo != c.hi:
            return False
    return True


def _inside(carried: Interval, stated: Reading, integer: bool) -> bool:
    """Whether the carried range lies in the stated strict reading, up to float noise."""
    if integer:
        return figure_tier((carried,) * 5 + (False,), stated, integer=True) == CONSISTENT_TIER
    lo, hi = carried.lo, carried.hi
    if not lo <= hi:
        return False
    st = stated.strict
    slo, shi = st.lo, st.hi
    if slo < lo and hi < shi:  # well inside: no tolerance needed
        return True
    return within(carried, tolerant(st, stated.s)) and not carried.empty


def _ranges(
    formula: Formula, central: Sequence[float], inputs: Sequence[Boxes], *, full: bool
) -> tuple[float, Boxes, bool]:
    """The formula at the central figures, and its five ranges over *inputs*.

    Unless *full*, only the carried and lenient ranges are worked out (the others repeat the
    lenient one): enough for ✔, the hot path of a big file.
    """
    value, lenient = formula.evaluate(central, [b[2] for b in inputs])  # _LENIENT
    wide = False
    points = True
    for b in inputs:
        c = b[0]  # _CARRIED
        if c.lo != c.hi:
            points = False
            break
    if formula.repeated:
        lenient, wide = formula.span([b[_LENIENT] for b in inputs])
        carried = formula.span([b[_CARRIED] for b in inputs])[0]
    elif points:
        carried = Interval(value, value) if -_INF < value < _INF else EMPTY
    else:
        carried = formula.span([b[_CARRIED] for b in inputs])[0]
    if not full:
        return value, (carried, lenient, lenient, lenient, lenient, False), wide
    strict = formula.span([b[_STRICT] for b in inputs])[0]
    if any(b[_OPEN] for b in inputs):
        bstrict = formula.span([b[_BSTRICT] for b in inputs])[0]
        blenient = formula.span([b[_BLENIENT] for b in inputs])[0]
        return value, (carried, strict, lenient, bstrict, blenient, True), wide
    return value, (carried, strict, lenient, strict, lenient, False), wide


def _pinned(base: Any, ranges: Boxes, full: bool) -> Any:
    """A derived input's stated ranges, each intersected with what its formula gives; the
    stated ranges alone where the two do not meet (the input itself is then wrong).

    Unless *full*, only the carried and lenient ranges were worked out; the strict and bounded
    ones are then cut by the lenient one alone, which is wider than the truth but sound, and
    needs no second pass down a chain of derived figures.
    """
    lenient = intersect(base[_LENIENT], ranges[_LENIENT])
    if lenient.empty:
        return base
    carried = _meet(base[_CARRIED], ranges[_CARRIED])
    still_open = base[_OPEN] and (lenient.lo == -_INF or lenient.hi == _INF)
    cut = ranges if full else (lenient,) * 5
    strict = _meet(_meet(base[_STRICT], lenient), cut[_STRICT])
    if not still_open:  # bounded now: the formula closed the open bound
        return (carried, strict, lenient, strict, lenient, False, base[_CENTRAL])
    bstrict = _meet(_meet(base[_BSTRICT], lenient), cut[_BSTRICT])
    blenient = _meet(base[_BLENIENT], cut[_BLENIENT])
    return (carried, strict, lenient, bstrict, blenient, True, base[_CENTRAL])


def _meet(stated: Interval, computed: Interval) -> Interval:
    found = intersect(stated, computed)
    return stated if found.empty else found


def _reference(cited: Reading, stated: Reading, integer: bool) -> tuple[Verdict, Slack]:
    """A cited figure's verdict and the slack an ≈ needed; one that meets the stated figure
    only through its own open bound does not support it, and is inconsistent."""
    tier = figure_tier(boxes_of(cited)[:6], stated, integer=integer)
    if tier == BOUND_TIER:
        return Verdict.INCONSISTENT, ()
    if tier == INPUTS_TIER:
        st = tolerant(stated.strict, stated.s)
        if cited.strict.meets(st):
            kind = (
                QUALIFIER
                if cited.carried is not None and cited.carried.lo < cited.carried.hi
                else ROUNDING
            )
            return Verdict.WITHIN_ROUNDING, ((kind, "cited"),)
        return Verdict.WITHIN_ROUNDING, tuple((k, "cited") for k in cited.slack)
    if tier == STATED_TIER:
        return Verdict.WITHIN_ROUNDING, tuple((k, "") for k in stated.slack)
    return tier_verdict(tier), ()


def _slack(
    formula: Formula, tier: int, inputs: list[Boxes], claims: list[Claim], target: Claim
) -> Slack:
    """What an ≈ needed: each input read as tightly as still reaches the stated figure, and
    the stated figure's own slack when the inputs' strict readings only meet its lenient one."""
    stated = target.stated.reading
    if tier == INPUTS_TIER:
        goal = tolerant(stated.strict, stated.s)
        widest = _BLENIENT
        found: list[tuple[str, str]] = []
    else:
        goal = tolerant(stated.lenient, stated.s)
        widest = _BSTRICT
        found = [(kind, "") for kind in stated.slack]
    found += _tightest(
        inputs, claims, widest, lambda trial: _reaches(formula, trial, goal, target.integer)
    )
    if not found:
        # it meets as carried, but an open bound keeps the claim from following
        found = [(OPEN_BOUND, c.id) for c, b in zip(claims, inputs, strict=True) if b[_OPEN]]
    return _unique(found)


def _strict_kind(reading: Reading) -> str:
    """What an input's strict reading adds to its carried one: a qualifier's width, or
    rounding at the written digit."""
    carried = reading.carried
    return QUALIFIER if carried is not None and carried.lo < carried.hi else ROUNDING


def _reaches(formula: Formula, boxes: list[Interval], goal: Interval, integer: bool) -> bool:
    from figcheck.figures.interval import whole_numbers

    span = formula.span(boxes)[0]
    if integer:
        span = whole_numbers(tolerant(span, 0.0))
    return span.meets(goal)


def _unique(found: list[tuple[str, str]]) -> Slack:
    return tuple(dict.fromkeys(found))


def _assertion(
    assertion: Assertion, central: list[float], inputs: list[Boxes], claims: list[Claim]
) -> tuple[Verdict, Slack]:
    """✔ if the relation holds over every carried figure, ? if the difference has no bound,
    ≈ if it holds somewhere in the lenient readings with open bounds cut, bound-only if only
    an open bound lets it hold, ✘ if it holds nowhere."""
    carried = [b[_CARRIED] for b in inputs]
    if all(c.lo == c.hi for c in carried):
        if assertion.holds_at(central):
            return Verdict.CONSISTENT, ()
    elif assertion.certain(carried):
        return Verdict.CONSISTENT, ()
    lenient = [b[_LENIENT] for b in inputs]
    if unbounded(assertion.difference.span(lenient)[0]):
        return Verdict.UNCHECKED, ()
    bounded = [b[_BLENIENT] for b in inputs]
    if not assertion.possible(bounded):
        if any(b[_OPEN] for b in inputs) and assertion.possible(lenient):
            return Verdict.BOUND_ONLY, ()
        return Verdict.INCONSISTENT, ()
    found = _tightest(inputs, claims, _BLENIENT, assertion.possible)
    return Verdict.WITHIN_ROUNDING, _unique(found)


def _tightest(
    inputs: list[Boxes],
    claims: list[Claim],
    widest: int,
    reaches: Callable[[list[Interval]], bool],
) -> list[tuple[str, str]]:
    """Each input in turn read as tightly as still *reaches* the goal, the others as chosen so
    far (no reading wider than *widest*), and the slack each input needed for it."""
    found: list[tuple[str, str]] = []
    chosen = [b[widest] for b in inputs]
    for i, box in enumerate(inputs):
        for level in (_CARRIED, _BSTRICT, _BLENIENT):
            if level > widest:
                break
            trial = chosen.copy()
            trial[i] = box[level]
            if level == widest or reaches(trial):
                chosen = trial
                if level == _BSTRICT:
                    found.append((_strict_kind(claims[i].stated.reading), claims[i].id))
                elif level == _BLENIENT:
                    found.extend((k, claims[i].id) for k in claims[i].stated.reading.slack)
                break
    return found
