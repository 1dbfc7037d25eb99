"""The number line of an explanation: each reading and range as a bar on one scale."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from figcheck.explain.model import Bar, NumberLine
from figcheck.figures.interval import Interval

if TYPE_CHECKING:
    from figcheck.check.verdict import Verdict
    from figcheck.explain.model import Role
    from figcheck.figures.notation import Scale


def bar(
    label: str,
    role: Role,
    interval: Interval,
    scale: Scale,
    mark: float | None = None,
    verdict: Verdict | None = None,
) -> Bar:
    shown_mark = None if mark is None or not math.isfinite(mark) else scale.shown(mark)
    return Bar(
        label,
        role,
        scale.shown(interval.lo),
        scale.shown(interval.hi),
        interval.lo_open or math.isinf(interval.lo),
        interval.hi_open or math.isinf(interval.hi),
        shown_mark,
        verdict,
    )


def number_line(bars: list[Bar], scale: Scale) -> NumberLine:
    kept = tuple(b for b in bars if not Interval(b.lo, b.hi, b.lo_open, b.hi_open).empty)
    finite = [v for b in kept for v in (b.lo, b.hi, b.mark) if v is not None and math.isfinite(v)]
    lo, hi = (min(finite), max(finite)) if finite else (-1.0, 1.0)
    span = hi - lo
    pad = span * 0.08 if span > 0 else (abs(lo) * 0.001 or 1.0)
    lo, hi = lo - pad, hi + pad
    return NumberLine(scale.label, lo, hi, kept, ticks(lo, hi), scale.grouping)


def ticks(lo: float, hi: float, count: int = 5) -> tuple[float, ...]:
    """Round figures (1, 2 or 5 times a power of ten apart) between *lo* and *hi*."""
    raw = (hi - lo) / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step)
    ticks = []
    k = first
    while k * step <= hi:
        ticks.append(float(f"{k * step:.12g}"))
        k += 1
    return tuple(ticks)
