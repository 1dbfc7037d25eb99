"""The reading rules: the central figure and the strict and lenient intervals a figure states."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import TypeVar

from figcheck.errors import FigureError
from figcheck.figures.figure import Figure, Qualifier
from figcheck.figures.interval import Interval, intersect
from figcheck.figures.numbers import Amount
from figcheck.records import quick_init

_INF = math.inf
_EXACT = 2.0**50  # below this, sums of whole numbers and their halves are exact floats
_WIDENED = frozenset({Qualifier.ABOUT, Qualifier.NEARLY, Qualifier.JUST_OVER})  # use a·|x|
# trailing zeros and fraction words widen a figure by at most this share of itself
CAP = Decimal("0.05")
_YEAR_UNITS = frozenset({"", "year"})
_ONE_SIDED = frozenset({Qualifier.AT_LEAST, Qualifier.OVER, Qualifier.AT_MOST, Qualifier.UNDER})

# what a lenient reading allows beyond the strict one, named in every ≈
TRUNCATION = "truncation"
TRAILING_ZEROS = "trailing zeros"
FRACTION = "a rounded fraction word"
QUALIFIER = "the qualifier's width"
ROUNDING = "rounding at the written digit"
OPEN_BOUND = "an open bound"  # a one-sided input that a claim needs more of than it states

# floats when every step is exact, else decimals
_N = TypeVar("_N", float, Decimal)


@quick_init
@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure states: its central value and the intervals it allows."""

    central: float
    strict: Interval
    lenient: Interval
    s: float  # after percent and precision
    l: float  # noqa: E741
    slack: tuple[str, ...] = ()  # what the lenient reading allows beyond the strict one
    # what a formula carries for its own verdict: a plain or exact figure's central point, the
    # range a qualifier states ("nearly half" is [0.45, 0.5)); None: the central point
    carried: Interval | None = field(default=None, compare=False)
    # strict and lenient with an open bound cut at the bound's own plain reading ("at least 22
    # million" as [22, 22.5] and [21.5, 23) million); None where nothing is open
    bounded: tuple[Interval, Interval] | None = field(default=None, compare=False)


def read(figure: Figure, *, about: float = 0.1, precision: float | None = None) -> Reading:
    """The reading of *figure*; *about* is the "about" setting a, *precision* sets s = l.

    The ends are worked out exactly from the figures as written and rounded once, so "48.2"
    reads as [48.15, 48.25], not [48.150000000000006, ...]: in floats when every step is exact
    (whole numbers, no percent, no a·|x|), else in decimal arithmetic.
    """
    if not (math.isfinite(about) and about >= 0):
        raise FigureError(f"the about setting must be a number from 0 up, not {about!r}")
    if precision is not None and not (math.isfinite(precision) and precision >= 0):
        raise FigureError(f"precision must be a number from 0 up, not {precision!r}")
    upper = figure.upper
    if precision is None and calendar_year(figure):
        precision = figure.amount.s  # a year is never widened at its trailing zeros
    fraction = figure.amount.form == "fraction" and precision is None
    if _float_exact(figure, precision):
        return _reading(
            figure.qualifier,
            _float_parts(figure.amount, precision),
            None if upper is None else _float_parts(upper, precision),
            0.0,
        )
    with localcontext() as context:
        context.prec = 60  # enough for every sum here to be exact
        p = None if precision is None else _dec(precision)
        x = _parts(figure.amount, p)
        y = None if upper is None else _parts(upper, p)
        return _reading(figure.qualifier, x, y, _dec(about) * abs(x[0]), fraction=fraction, cap=CAP)


def calendar_year(figure: Figure) -> bool:
    """Whether *figure* reads as a calendar year: four bare digits from 1000 to 2999, with no
    unit or the unit "year". "2000" is the year 2000, not a figure rounded to thousands."""
    amount = figure.amount
    return (
        figure.qualifier is not Qualifier.BETWEEN
        and amount.form == "digits"
        and amount.scale_word is None
        and not amount.percent
        and figure.unit.lower() in _YEAR_UNITS
        and amount.text.isdigit()
        and len(amount.text) == 4
        and 1000 <= amount.value <= 2999
    )


def _float_exact(figure: Figure, precision: float | None) -> bool:
    """Whether float arithmetic reads *figure* exactly: whole numbers, no percent, no a·|x|,
    and trailing zeros within the cap (l/2 at most 5 % of x), so no end needs a product."""
    if figure.qualifier in _WIDENED or figure.percent:
        return False
    if precision is not None:
        return precision.is_integer() and precision < _EXACT and _whole(figure)
    return _whole(figure) and all(
        a.l * 10 <= abs(a.value) or a.l == a.s for a in (figure.amount, figure.upper) if a
    )


def _whole(figure: Figure) -> bool:
    return all(
        a.value.is_integer() and abs(a.value) < _EXACT and a.s.is_integer() and a.l < _EXACT
        for a in (figure.amount, figure.upper)
        if a is not None
    )


def _float_parts(amount: Amount, precision: float | None) -> tuple[float, float, float]:
    """x, s and l of a whole-number amount that is no percentage, with precision applied."""
    if precision is not None:
        return amount.value, precision, precision
    return amount.value, amount.s, amount.l


def _dec(x: float) -> Decimal:
    """The shortest decimal that reads back as *x*: the figure as written, not its binary twin."""
    return Decimal(repr(x))


def _parts(amount: Amount, precision: Decimal | None) -> tuple[Decimal, Decimal, Decimal]:
    """x, s and l (named lnz here) of an amount, with percent and precision applied."""
    x, s, lnz = _dec(amount.value), _dec(amount.s), _dec(amount.l)
    if amount.percent:
        x, s, lnz = x.scaleb(-2), s.scaleb(-2), lnz.scaleb(-2)
    if precision is not None:
        s = lnz = precision
    return x, s, lnz


def _reading(
    q: Qualifier,
    amount: tuple[_N, _N, _N],
    upper: tuple[_N, _N, _N] | None,
    spread: _N,
    *,
    fraction: bool = False,
    cap: Decimal | None = None,
) -> Reading:
    """The reading table, from (x, s, l) of the amount(s) and *spread* = a·|x|.

    h = s/2 is rounding at the written digit; z is rounding at the last nonzero digit, capped
    at *cap*·|x| (5 %) and never below h; truncation goes toward zero by up to s. A fraction
    word (s = 0) is rounded too: z = 5 % of x.
    """
    x, s, lnz = amount
    if q is Qualifier.EXACTLY:
        s = lnz = s * 0
        fraction = False
    central = x
    hs = s / 2
    z = _capped(x, hs, lnz / 2, cap)
    if fraction and cap is not None:
        z = abs(x) * cap  # type: ignore[operator]  # the fraction path is decimal
    ws, wl = max(hs, spread), max(z, spread)
    slack = _slack(x, s, hs, z, fraction)
    if q is Qualifier.PLAIN:
        strict = _interval(x - hs, x + hs)
        if fraction:
            lenient = _interval(x - z, x + z)
        elif x > 0:
            lenient = _interval(x - z, x + max(z, s), hi_open=s > z)
        elif x < 0:
            lenient = _interval(x - max(z, s), x + z, lo_open=s > z)
        else:
            lenient = _interval(x - s, x + s, lo_open=True, hi_open=True)
    elif q is Qualifier.ABOUT:
        strict = _interval(x - ws, x + ws)
        lenient = _interval(x - wl, x + wl)
        slack = (TRAILING_ZEROS if z > hs else FRACTION,) if wl > ws else ()
    elif q in (Qualifier.NEARLY, Qualifier.JUST_OVER):
        # the width is the about setting's share of the figure, whatever its scale word: "nearly
        # 3 million" is 2.7 to 3 million; crossing over x is at most rounding, and half a width
        near = spread or hs or z
        cross = min(hs, spread / 2)
        far = max(z, near)
        if q is Qualifier.NEARLY:
            strict = _interval(x - near, x, hi_open=True)
            lenient = _interval(x - far, x + cross, hi_open=True)
        else:
            strict = _interval(x, x + near, lo_open=True)
            lenient = _interval(x - cross, x + far, lo_open=True)
        slack = (ROUNDING,) if far > near or cross else ()
    elif q is Qualifier.AT_LEAST:
        strict = _interval(x, _INF)
        lenient = _interval(x - hs, _INF)
        slack = (ROUNDING,) if hs else ()
    elif q is Qualifier.OVER:
        strict = _interval(x, _INF, lo_open=True)
        lenient = _interval(x - hs, _INF, lo_open=True)
        slack = (ROUNDING,) if hs else ()
    elif q is Qualifier.AT_MOST:
        strict = _interval(-_INF, x)
        lenient = _interval(-_INF, x + hs)
        slack = (ROUNDING,) if hs else ()
    elif q is Qualifier.UNDER:
        strict = _interval(-_INF, x, hi_open=True)
        lenient = _interval(-_INF, x + hs, hi_open=True)
        slack = (ROUNDING,) if hs else ()
    elif q is Qualifier.BETWEEN:
        assert upper is not None  # the grammar gives "between" an upper amount
        y, sy, ly = upper
        strict = _interval(x, y)
        lenient = _interval(x - hs, y + sy / 2)
        central = (x + y) / 2
        s, lnz = max(s, sy), max(lnz, ly)
        slack = (ROUNDING,) if hs or sy else ()
    else:  # exactly
        strict = lenient = _interval(x, x)
        slack = ()
    carried = _interval(x, x) if q in (Qualifier.PLAIN, Qualifier.EXACTLY) else strict
    bounded = None
    if q in _ONE_SIDED:
        top = max(z, s) if x > 0 else z
        bottom = max(z, s) if x < 0 else z
        bounded = (
            _cut(strict, _interval(x - hs, x + hs)),
            _cut(lenient, _interval(x - bottom, x + top, lo_open=bottom > z, hi_open=top > z)),
        )
    return Reading(
        central=float(central) + 0.0,
        strict=strict,
        lenient=lenient,
        s=float(s),
        l=float(lnz),
        slack=slack,
        carried=carried,
        bounded=bounded,
    )


def _cut(reading: Interval, plain: Interval) -> Interval:
    """A one-sided reading cut at its bound's plain reading; the bound itself if that is empty."""
    cut = intersect(reading, plain)
    if cut.empty:
        bound = reading.lo if reading.hi == _INF else reading.hi
        return Interval(bound, bound)
    return cut


def _capped(x: _N, hs: _N, hz: _N, cap: Decimal | None) -> _N:
    """Half the trailing-zero rounding place, at most *cap*·|x| and at least *hs*."""
    if hz <= hs:
        return hs
    if cap is not None:
        hz = min(hz, abs(x) * cap)  # type: ignore[operator]
    return max(hs, hz)


def _slack(x: _N, s: _N, hs: _N, z: _N, fraction: bool) -> tuple[str, ...]:
    """What a plain figure's lenient reading allows beyond its strict one."""
    if fraction:
        return (FRACTION,) if z else ()
    kinds: list[str] = []
    if z > hs:
        kinds.append(TRAILING_ZEROS)
    if s > z:
        kinds.append(TRUNCATION)
    return tuple(kinds)


def _interval(
    lo: Decimal | float, hi: Decimal | float, *, lo_open: bool = False, hi_open: bool = False
) -> Interval:
    """The interval between two exact ends, each rounded once; infinite ends are open.

    A zero-width reading ("half" read leniently, s = l = 0) is the point itself, not empty.
    """
    flo, fhi = float(lo) + 0.0, float(hi) + 0.0
    if flo == fhi:
        lo_open = hi_open = False
    return Interval(flo, fhi, lo_open or flo == -_INF, hi_open or fhi == _INF)
