"""What it would take: the figure each input would need for a verdict to change."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from figcheck.explain.model import Need
from figcheck.figures.notation import Scale

if TYPE_CHECKING:
    from figcheck.claims.formula import Formula
    from figcheck.figures.interval import Interval
    from figcheck.figures.stated import Stated

_PROBES = 200  # doublings searched each way: a factor of 2**200 covers any real figure
_BISECTIONS = 200


def needs(
    formula: Formula, names: Sequence[str], inputs: Sequence[Stated], target: Interval
) -> tuple[Need, ...]:
    """For each input, the figures that bring *formula* into *target*, others held central."""
    central = [s.central for s in inputs]
    found_needs = []
    for i, (name, stated) in enumerate(zip(names, inputs, strict=True)):

        def g(v: float, i: int = i) -> float:
            values = list(central)
            values[i] = v
            return formula.value(values)

        base = stated.reading.s or stated.reading.l or stated.unit.factor
        found = solve(g, target, central[i], base)
        found_needs.append(_need(name, stated, found))
    return tuple(found_needs)


def _need(name: str, stated: Stated, found: tuple[float | None, float | None] | None) -> Need:
    says = f"the document says {stated.text}"
    if found is None:
        return Need(
            name,
            None,
            None,
            False,
            f"no value of {name} would do it, with the other inputs at their central figures; "
            + says,
        )
    lo, hi = found
    scale = Scale.of(stated)
    if lo is None and hi is not None:
        what = f"at most {scale.text(hi)}"
    elif hi is None and lo is not None:
        what = f"at least {scale.text(lo)}"
    elif lo is not None and hi is not None:
        low, high = scale.text(lo), scale.text(hi)
        if low == high:
            what = low if lo == hi else f"about {low}"
        else:
            what = f"between {scale.text(lo, unit=False)} and {high}"
    else:
        what = "any figure"
    return Need(name, lo, hi, True, f"{name} would need to be {what}; {says}")


def solve(
    g: Callable[[float], float], target: Interval, x: float, base: float
) -> tuple[float | None, float | None] | None:
    """The values v nearest *x* with ``g(v)`` in *target*, as (low, high); None = unbounded.

    Searches outward from *x* by doublings, keeping the sign of *x* (a count stays positive),
    then bisects to each edge. Returns None when no value in reach will do.
    """
    best: tuple[float, tuple[float | None, float | None]] | None = None
    for direction in (1, -1):
        found = _walk(g, target, x, _probes(x, direction, base))
        if found is None:
            continue
        entry, leave = found
        span: tuple[float | None, float | None] = (
            (entry, leave) if direction > 0 else (leave, entry)
        )
        distance = abs(entry - x)
        if best is None or distance < best[0]:
            best = (distance, span)
    return None if best is None else best[1]


def _probes(x: float, direction: int, base: float) -> Iterator[float]:
    """Points ever farther from *x* in *direction*, never crossing zero from a nonzero *x*."""
    if x == 0.0:
        step = abs(base) or 1.0
        for k in range(-30, _PROBES):
            yield direction * step * 2.0**k
    elif (x > 0) == (direction > 0):
        for k in range(1, _PROBES):
            yield x * 2.0**k
    else:
        for k in range(1, _PROBES):
            yield x / 2.0**k


def _side(g: Callable[[float], float], target: Interval, v: float) -> int | None:
    """-1 below *target*, 0 in it, 1 above, None where g is undefined or overflows."""
    y = g(v)
    if not math.isfinite(y):
        return None
    if target.contains(y):
        return 0
    return -1 if y <= target.lo else 1


def _bisect(pred: Callable[[float], bool], good: float, bad: float) -> float:
    """The last point from *good* towards *bad* where *pred* still holds."""
    for _ in range(_BISECTIONS):
        mid = (good + bad) / 2
        if mid in (good, bad):
            break
        if pred(mid):
            good = mid
        else:
            bad = mid
    return good


def _walk(
    g: Callable[[float], float], target: Interval, x: float, probes: Iterator[float]
) -> tuple[float, float | None] | None:
    """Where g enters *target* along *probes*, and where it leaves it again (None: never)."""
    prev, prev_side = x, _side(g, target, x)
    for v in probes:
        side = _side(g, target, v)
        if side == prev_side:
            prev = v
            continue
        if side == 0:
            entry = _bisect(lambda m: _side(g, target, m) == 0, v, prev)
            return entry, _leave(g, target, v, probes)
        # g jumped past the target between two probes: find where it crossed
        was = prev_side

        def moved(m: float, was: int | None = was) -> bool:
            return _side(g, target, m) != was

        cross = _bisect(moved, v, prev)
        crossed = _side(g, target, cross)
        if crossed == 0:  # the target lies between the probes: it ends before v
            return cross, _bisect(lambda m: _side(g, target, m) == 0, cross, v)
        if target.lo == target.hi and was is not None and crossed == -was:
            return cross, cross  # a one-point target: the crossing is the answer
        prev, prev_side = v, side
    return None


def _leave(
    g: Callable[[float], float], target: Interval, inside: float, probes: Iterator[float]
) -> float | None:
    for v in probes:
        if _side(g, target, v) != 0:
            return _bisect(lambda m: _side(g, target, m) == 0, inside, v)
        inside = v
    return None
