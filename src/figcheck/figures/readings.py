"""The reading rules: the central figure and the strict and lenient intervals a figure states."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import TypeVar

from figcheck.errors import FigureError
from figcheck.figures.figure import Figure, Qualifier
from figcheck.figures.interval import Interval
from figcheck.figures.numbers import Amount

_INF = math.inf
_EXACT = 2.0**50  # below this, sums of whole numbers and their halves are exact floats
_WIDENED = frozenset({Qualifier.ABOUT, Qualifier.NEARLY, Qualifier.JUST_OVER})  # use a·|x|

# floats when every step is exact, else decimals
_N = TypeVar("_N", float, Decimal)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure states: its central value and the intervals it allows."""

    central: float
    strict: Interval
    lenient: Interval
    s: float  # after percent and precision
    l: float  # noqa: E741


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
        return _reading(figure.qualifier, x, y, _dec(about) * abs(x[0]))


def _float_exact(figure: Figure, precision: float | None) -> bool:
    """Whether float arithmetic reads *figure* exactly: whole numbers, no percent, no a·|x|."""
    if figure.qualifier in _WIDENED or figure.percent:
        return False
    if precision is not None and not (precision.is_integer() and precision < _EXACT):
        return False
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
    q: Qualifier, amount: tuple[_N, _N, _N], upper: tuple[_N, _N, _N] | None, spread: _N
) -> Reading:
    """The table of the design brief, from (x, s, l) of the amount(s) and *spread* = a·|x|."""
    x, s, lnz = amount
    if q is Qualifier.EXACTLY:
        s = lnz = s * 0
    central = x
    hs, hl = s / 2, lnz / 2
    ws, wl = max(hs, spread), max(hl, spread)
    if q is Qualifier.PLAIN:
        strict = _interval(x - hs, x + hs)
        lenient = _interval(x - hl, x + max(hl, s), hi_open=True)
    elif q is Qualifier.ABOUT:
        strict = _interval(x - ws, x + ws)
        lenient = _interval(x - wl, x + wl)
    elif q is Qualifier.NEARLY:
        strict = _interval(x - ws, x, hi_open=True)
        lenient = _interval(x - wl, x + hs, hi_open=True)
    elif q is Qualifier.JUST_OVER:
        strict = _interval(x, x + ws, lo_open=True)
        lenient = _interval(x - hs, x + wl, lo_open=True)
    elif q is Qualifier.AT_LEAST:
        strict = _interval(x, _INF)
        lenient = _interval(x - hs, _INF)
    elif q is Qualifier.OVER:
        strict = _interval(x, _INF, lo_open=True)
        lenient = _interval(x - hs, _INF, lo_open=True)
    elif q is Qualifier.AT_MOST:
        strict = _interval(-_INF, x)
        lenient = _interval(-_INF, x + hs)
    elif q is Qualifier.UNDER:
        strict = _interval(-_INF, x, hi_open=True)
        lenient = _interval(-_INF, x + hs, hi_open=True)
    elif q is Qualifier.BETWEEN:
        assert upper is not None  # the grammar gives "between" an upper amount
        y, sy, ly = upper
        strict = _interval(x, y)
        lenient = _interval(x - hs, y + sy / 2)
        central = (x + y) / 2
        s, lnz = max(s, sy), max(lnz, ly)
    else:  # exactly
        strict = lenient = _interval(x, x)
    return Reading(
        central=float(central) + 0.0, strict=strict, lenient=lenient, s=float(s), l=float(lnz)
    )


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
