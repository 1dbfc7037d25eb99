"""Sound interval arithmetic over the reals, with open or closed ends and infinite ends."""

from __future__ import annotations

import math
from dataclasses import dataclass

from figcheck.records import quick_init

_INF = math.inf
_MAX = 1.7976931348623157e308  # the largest finite float; stands in for an overflowed finite end


@quick_init
@dataclass(frozen=True, slots=True)
class Interval:
    """A set of reals between ``lo`` and ``hi``; an infinite end is always treated as open.

    Arithmetic is sound up to float rounding: a result never leaves out a value the operation
    can take over its arguments (ends are rounded to nearest, not outward).
    """

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, x: float) -> Interval:
        """The one-point interval ``[x, x]`` (empty when *x* is infinite)."""
        if x != x:
            raise ValueError("an interval end cannot be nan")
        return cls(x, x)

    @property
    def empty(self) -> bool:
        return _void(self)

    def contains(self, x: float) -> bool:
        """Whether the real number *x* lies in the interval (nan and infinities never do)."""
        lo, hi = self.lo, self.hi
        if not -_INF < x < _INF:
            return False
        if x < lo or x > hi:
            return False
        if x == lo and self.lo_open:
            return False
        return not (x == hi and self.hi_open)

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one real number."""
        return _overlap(self, other) is not None

    def scaled(self, k: float) -> Interval:
        """The interval multiplied by a finite positive constant (a unit factor)."""
        if not 0.0 < k < _INF:
            raise ValueError(f"scale factor must be finite and positive, not {k!r}")
        if _void(self):
            return EMPTY
        return _mk(self.lo * k, self.lo_open, self.hi * k, self.hi_open)

    def __str__(self) -> str:
        left = "(" if self.lo_open or self.lo == -_INF else "["
        right = ")" if self.hi_open or self.hi == _INF else "]"
        return f"{left}{self.lo:g}, {self.hi:g}{right}"


WHOLE = Interval(-_INF, _INF, True, True)
EMPTY = Interval(_INF, -_INF, True, True)


def _void(x: Interval) -> bool:
    """Whether *x* holds no real number (a nan end counts as empty)."""
    lo, hi = x.lo, x.hi
    if lo < hi:
        return False
    return not (lo == hi and not x.lo_open and not x.hi_open and -_INF < lo < _INF)


def _mk(lo: float, lo_open: bool, hi: float, hi_open: bool) -> Interval:
    """The result of an operation on non-empty arguments, from its computed ends.

    Infinite ends are open, overflowed finite ends stay sound, and a range that rounding
    squeezed to one float keeps that float rather than becoming empty.
    """
    if lo == -_INF:
        lo_open = True
    elif lo == _INF:  # a finite lower end overflowed: the true end is above _MAX
        lo, lo_open = _MAX, True
    if hi == _INF:
        hi_open = True
    elif hi == -_INF:
        hi, hi_open = -_MAX, True
    if lo == hi:
        lo_open = hi_open = False
    # adding 0.0 turns a -0.0 end into 0.0
    return Interval(lo + 0.0, hi + 0.0, lo_open, hi_open)


def add(a: Interval, b: Interval) -> Interval:
    """The range of ``x + y`` for x in *a*, y in *b*."""
    if not (a.lo < a.hi and b.lo < b.hi) and (_void(a) or _void(b)):
        return EMPTY
    lo = a.lo + b.lo
    hi = a.hi + b.hi
    if lo >= -_MAX and hi <= _MAX and lo < hi:
        return Interval(lo, hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)
    return _mk(lo, a.lo_open or b.lo_open, hi, a.hi_open or b.hi_open)


def sub(a: Interval, b: Interval) -> Interval:
    """The range of ``x - y`` for x in *a*, y in *b*."""
    if not (a.lo < a.hi and b.lo < b.hi) and (_void(a) or _void(b)):
        return EMPTY
    lo = a.lo - b.hi
    hi = a.hi - b.lo
    if lo >= -_MAX and hi <= _MAX and lo < hi:
        return Interval(lo, hi, a.lo_open or b.hi_open, a.hi_open or b.lo_open)
    return _mk(lo, a.lo_open or b.hi_open, hi, a.hi_open or b.lo_open)


def neg(a: Interval) -> Interval:
    """The range of ``-x`` for x in *a*."""
    # 0.0 - x rather than -x, so that a zero end stays +0.0
    return Interval(0.0 - a.hi, 0.0 - a.lo, a.hi_open, a.lo_open)


def _extremes(c: list[tuple[float, bool]]) -> Interval:
    """The hull of candidate ends; an end is open only if every candidate reaching it is open."""
    lo, lo_open = c[0]
    hi, hi_open = lo, lo_open
    for v, o in c[1:]:
        if v < lo:
            lo, lo_open = v, o
        elif v == lo:
            lo_open = lo_open and o
        if v > hi:
            hi, hi_open = v, o
        elif v == hi:
            hi_open = hi_open and o
    return _mk(lo, lo_open, hi, hi_open)


def _ends(a: Interval) -> tuple[tuple[float, bool], tuple[float, bool]]:
    lo, hi = a.lo, a.hi
    return (lo, a.lo_open or lo == -_INF), (hi, a.hi_open or hi == _INF)


def mul(a: Interval, b: Interval) -> Interval:
    """The range of ``x * y`` for x in *a*, y in *b* (a 0·∞ corner counts as 0)."""
    alo, ahi, blo, bhi = a.lo, a.hi, b.lo, b.hi
    if not (alo < ahi and blo < bhi) and (_void(a) or _void(b)):
        return EMPTY
    if alo > 0.0 and blo > 0.0 and ahi <= _MAX and bhi <= _MAX:
        # the common case: two positive figures
        lo, hi = alo * blo, ahi * bhi
        if lo < hi <= _MAX:
            return Interval(lo, hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)
        return _mk(lo, a.lo_open or b.lo_open, hi, a.hi_open or b.hi_open)
    if 0.0 not in (alo, ahi, blo, bhi) and min(alo, blo) >= -_MAX and max(ahi, bhi) <= _MAX:
        # finite ends, none of them 0: a corner is reached iff both its ends are
        ao, Ao, bo, Bo = a.lo_open, a.hi_open, b.lo_open, b.hi_open
        return _hull4(
            alo * blo, ao or bo, alo * bhi, ao or Bo, ahi * blo, Ao or bo, ahi * bhi, Ao or Bo
        )
    corners: list[tuple[float, bool]] = []
    for x, xo in _ends(a):
        for y, yo in _ends(b):
            if x == 0.0 or y == 0.0:
                # 0·y is 0 for every y; attained if the zero end is closed
                corners.append((0.0, not ((x == 0.0 and not xo) or (y == 0.0 and not yo))))
            else:
                corners.append((x * y, xo or yo))
    return _extremes(corners)


def _hull4(
    p: float, po: bool, q: float, qo: bool, r: float, ro: bool, s: float, so: bool
) -> Interval:
    """``_extremes`` for exactly four corners, without building a list."""
    lo, lo_open, hi, hi_open = p, po, p, po
    for v, o in ((q, qo), (r, ro), (s, so)):
        if v < lo:
            lo, lo_open = v, o
        elif v == lo:
            lo_open = lo_open and o
        if v > hi:
            hi, hi_open = v, o
        elif v == hi:
            hi_open = hi_open and o
    return _mk(lo, lo_open, hi, hi_open)


def _straddles_zero(b: Interval) -> bool:
    """Whether *b* holds 0, or reaches 0 at a closed end."""
    return (b.lo < 0.0 < b.hi) or (b.lo == 0.0 and not b.lo_open) or (b.hi == 0.0 and not b.hi_open)


def div(a: Interval, b: Interval) -> Interval:
    """The range of ``x / y``; the whole line when y can be 0."""
    alo, ahi, blo, bhi = a.lo, a.hi, b.lo, b.hi
    if not (alo < ahi and blo < bhi) and (_void(a) or _void(b)):
        return EMPTY
    if alo > 0.0 and blo > 0.0 and ahi <= _MAX and bhi <= _MAX:
        # the common case: two positive figures
        lo, hi = alo / bhi, ahi / blo
        if lo < hi <= _MAX:
            return Interval(lo, hi, a.lo_open or b.hi_open, a.hi_open or b.lo_open)
        return _mk(lo, a.lo_open or b.hi_open, hi, a.hi_open or b.lo_open)
    if _straddles_zero(b):
        return WHOLE
    if 0.0 not in (alo, ahi, blo, bhi) and min(alo, blo) >= -_MAX and max(ahi, bhi) <= _MAX:
        ao, Ao, bo, Bo = a.lo_open, a.hi_open, b.lo_open, b.hi_open
        return _hull4(
            alo / blo, ao or bo, alo / bhi, ao or Bo, ahi / blo, Ao or bo, ahi / bhi, Ao or Bo
        )
    # b is now wholly on one side of 0; an open zero end stands for 1/y -> ±inf
    side = _INF if b.hi > 0.0 else -_INF
    corners: list[tuple[float, bool]] = []
    for x, xo in _ends(a):
        for y, yo in _ends(b):
            if x == 0.0:
                value = 0.0
            elif y == 0.0:
                value = side if x > 0.0 else -side
            elif y == _INF or y == -_INF:
                value = 0.0  # x/±inf is 0, and inf/inf counts as a 0·∞ corner
            else:
                value = x / y
            corners.append((value, not ((x == 0.0 and not xo) or (not xo and not yo))))
    return _extremes(corners)


def _fpow(x: float, n: int) -> float:
    """``x ** n`` in floats, with overflow to ±inf and 0 ** negative to inf (never raises)."""
    try:
        return float(x**n)
    except OverflowError:
        return -_INF if x < 0.0 and n % 2 else _INF
    except ZeroDivisionError:
        return _INF


def ipow(a: Interval, n: int) -> Interval:
    """The range of ``x ** n`` for an integer *n*; negative n is 1 / x ** |n|."""
    if _void(a):
        return EMPTY
    if n == 0:
        return Interval(1.0, 1.0)
    if n < 0 and _straddles_zero(a):
        return WHOLE
    (lo, lo_open), (hi, hi_open) = _ends(a)
    if lo >= 0.0:
        ends = (_pw(lo, n), lo_open, _pw(hi, n), hi_open)
    elif hi <= 0.0:
        # mirror onto the positive side; odd powers keep the sign
        plo, phi = _pw(0.0 - hi, n), _pw(0.0 - lo, n)
        ends = (0.0 - phi, lo_open, 0.0 - plo, hi_open) if n % 2 else (plo, hi_open, phi, lo_open)
    elif n % 2:
        ends = (_pw(lo, n), lo_open, _pw(hi, n), hi_open)
    else:
        # an even power over a zero-straddling box: 0 is attained inside
        top, top_open = _abs_top(lo, lo_open, hi, hi_open)
        return _mk(0.0, False, _pw(top, n), top_open)
    if n < 0 and ends[0] > ends[2]:  # negative powers reverse the order on each side
        ends = (ends[2], ends[3], ends[0], ends[1])
    return _mk(*ends)


def _pw(x: float, n: int) -> float:
    """``x ** n`` for the extended reals: inf ** -n is 0, 0 ** -n is inf (x >= 0 or n odd)."""
    if x == _INF:
        return _INF if n > 0 else 0.0
    if x == -_INF:
        if n > 0:
            return -_INF if n % 2 else _INF
        return 0.0
    return _fpow(x, n)


def _abs_top(lo: float, lo_open: bool, hi: float, hi_open: bool) -> tuple[float, bool]:
    """The largest ``abs(x)`` over an interval with lo < 0 < hi, and whether it is open."""
    if -lo > hi:
        return -lo, lo_open
    if hi > -lo:
        return hi, hi_open
    return hi, lo_open and hi_open


def iabs(a: Interval) -> Interval:
    """The range of ``abs(x)`` for x in *a*."""
    if _void(a):
        return EMPTY
    if a.lo >= 0.0:
        return a
    if a.hi <= 0.0:
        return neg(a)
    top, top_open = _abs_top(a.lo, a.lo_open, a.hi, a.hi_open)
    return _mk(0.0, False, top, top_open)


def _min2(a: Interval, b: Interval) -> Interval:
    # the low end is reached if either argument reaches it; the high end only if all reaching
    # it can sit there together
    if a.lo < b.lo:
        lo, lo_open = a.lo, a.lo_open
    elif b.lo < a.lo:
        lo, lo_open = b.lo, b.lo_open
    else:
        lo, lo_open = a.lo, a.lo_open and b.lo_open
    if a.hi < b.hi:
        hi, hi_open = a.hi, a.hi_open
    elif b.hi < a.hi:
        hi, hi_open = b.hi, b.hi_open
    else:
        hi, hi_open = a.hi, a.hi_open or b.hi_open
    return _mk(lo, lo_open, hi, hi_open)


def imin(*xs: Interval) -> Interval:
    """The range of ``min(x1, x2, ...)`` for each x in its interval."""
    if not xs:
        raise ValueError("imin() needs at least one interval")
    if any(_void(x) for x in xs):
        return EMPTY
    result = xs[0]
    for x in xs[1:]:
        result = _min2(result, x)
    return result


def imax(*xs: Interval) -> Interval:
    """The range of ``max(x1, x2, ...)`` for each x in its interval."""
    if not xs:
        raise ValueError("imax() needs at least one interval")
    if any(_void(x) for x in xs):
        return EMPTY
    result = neg(xs[0])
    for x in xs[1:]:
        result = _min2(result, neg(x))
    return neg(result)


def intersect(a: Interval, b: Interval) -> Interval:
    """The reals in both *a* and *b* (EMPTY when they share none)."""
    # the common cases first: one interval strictly inside the other
    if b.lo < a.lo and a.hi < b.hi and a.lo < a.hi:
        return a
    if a.lo < b.lo and b.hi < a.hi and b.lo < b.hi:
        return b
    found = _overlap(a, b)
    return EMPTY if found is None else Interval(*found)


def _overlap(a: Interval, b: Interval) -> tuple[float, float, bool, bool] | None:
    """The bounds and open ends of the reals in both *a* and *b*, or None if they share none."""
    if a.lo > b.lo:
        lo, lo_open = a.lo, a.lo_open
    elif a.lo < b.lo:
        lo, lo_open = b.lo, b.lo_open
    else:
        lo, lo_open = a.lo, a.lo_open or b.lo_open
    if a.hi < b.hi:
        hi, hi_open = a.hi, a.hi_open
    elif a.hi > b.hi:
        hi, hi_open = b.hi, b.hi_open
    else:
        hi, hi_open = a.hi, a.hi_open or b.hi_open
    if lo < hi or (lo == hi and not lo_open and not hi_open and -_INF < lo < _INF):
        return lo, hi, lo_open, hi_open
    return None


def whole_numbers(a: Interval) -> Interval:
    """The smallest interval holding every whole number in *a* (EMPTY when there is none)."""
    if _void(a):
        return EMPTY
    lo = a.lo if a.lo == -_INF else float(math.ceil(a.lo))
    if a.lo_open and lo == a.lo and lo != -_INF:
        lo += 1.0
    hi = a.hi if a.hi == _INF else float(math.floor(a.hi))
    if a.hi_open and hi == a.hi and hi != _INF:
        hi -= 1.0
    if lo > hi:
        return EMPTY
    return Interval(lo, hi, lo == -_INF, hi == _INF)


def within(a: Interval, b: Interval) -> bool:
    """Whether every real in the non-empty *a* lies in *b*."""
    if a.lo < b.lo or (a.lo == b.lo and b.lo_open and not a.lo_open):
        return False
    return not (a.hi > b.hi or (a.hi == b.hi and b.hi_open and not a.hi_open))


def unbounded(a: Interval) -> bool:
    """Whether *a* is the whole line: no bound on either side."""
    return a.lo == -_INF and a.hi == _INF
