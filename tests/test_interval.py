"""Interval arithmetic: exact results with open ends and infinities, and soundness laws."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.figures.interval import (
    EMPTY,
    WHOLE,
    Interval,
    add,
    div,
    iabs,
    imax,
    imin,
    ipow,
    mul,
    neg,
    sub,
)
from tests.strategies import intervals

INF = math.inf
MAX = 1.7976931348623157e308


def iv(text: str) -> Interval:
    """An interval from its usual notation, e.g. ``[1, 2)`` or ``(-inf, 0]``."""
    lo, hi = (float(part) for part in text[1:-1].split(","))
    return Interval(lo, hi, text[0] == "(", text[-1] == ")")


def same(got: Interval, want: Interval) -> bool:
    """Equal ends and flags, with zeros compared by sign too (no -0.0 ends)."""
    return got == want and all(
        math.copysign(1.0, x) == math.copysign(1.0, y)
        for x, y in ((got.lo, want.lo), (got.hi, want.hi))
    )


BINARY: dict[str, Callable[[Interval, Interval], Interval]] = {
    "+": add,
    "-": sub,
    "*": mul,
    "/": div,
}


@pytest.mark.parametrize(
    ("a", "op", "b", "want"),
    [
        ("[1, 2]", "+", "[3, 4]", "[4, 6]"),
        ("[1, 2)", "+", "(3, 4]", "(4, 6)"),
        ("[1, inf)", "+", "[0, 0]", "[1, inf)"),
        ("(-inf, 1]", "+", "[2, inf)", "(-inf, inf)"),
        ("[1e308, 1e308]", "+", "[1e308, 1e308]", f"({MAX}, inf)"),
        ("[-1e308, -1e308]", "+", "[-1e308, -1e308]", f"(-inf, {-MAX})"),
        ("[1, 2]", "-", "[3, 4]", "[-3, -1]"),
        ("[1, 2)", "-", "(3, 4]", "[-3, -1)"),
        ("[0, inf)", "-", "[0, inf)", "(-inf, inf)"),
        ("[1, 2]", "-", "[1, 2]", "[-1, 1]"),
        ("[1, 2]", "*", "[3, 4]", "[3, 8]"),
        ("[1, 2)", "*", "(3, 4]", "(3, 8)"),
        ("[-2, 3]", "*", "[-1, 5]", "[-10, 15]"),
        ("(-2, 3]", "*", "[-1, 5)", "(-10, 15)"),
        ("(-2, 3]", "*", "[-5, 1)", "[-15, 10)"),
        ("[-2, -1]", "*", "[-4, -3]", "[3, 8]"),
        ("[0, 0]", "*", "[1, inf)", "[0, 0]"),
        ("[0, 0]", "*", "(-inf, inf)", "[0, 0]"),
        ("[0, 1]", "*", "[1, inf)", "[0, inf)"),
        ("(0, 1]", "*", "[1, inf)", "(0, inf)"),
        ("[-1, 0]", "*", "[0, inf)", "(-inf, 0]"),
        ("(0, 1]", "*", "(-inf, -1]", "(-inf, 0)"),
        ("[-2, -1]", "*", "(0, 3]", "[-6, 0)"),
        ("[-1, 0]", "*", "(0, 1)", "(-1, 0]"),
        ("[2, 2]", "*", "(-inf, inf)", "(-inf, inf)"),
        ("(-inf, inf)", "*", "(-inf, inf)", "(-inf, inf)"),
        ("[1e200, 1e200]", "*", "[1e200, 1e200]", f"({MAX}, inf)"),
        ("[1, 2]", "/", "[0, 2]", "(-inf, inf)"),
        ("[1, 2]", "/", "[-1, 1]", "(-inf, inf)"),
        ("[1, 2]", "/", "[0, 0]", "(-inf, inf)"),
        ("[1, 2]", "/", "[-2, 0]", "(-inf, inf)"),
        ("[0, 0]", "/", "[0, 1]", "(-inf, inf)"),
        ("[1, 2]", "/", "[4, 8]", "[0.125, 0.5]"),
        ("[1, 2)", "/", "(4, 8]", "[0.125, 0.5)"),
        ("[-1, 2]", "/", "[-4, -2]", "[-1, 0.5]"),
        ("[1, 2]", "/", "(0, 2]", "[0.5, inf)"),
        ("[-2, -1]", "/", "[-1, 0)", "[1, inf)"),
        ("[-1, 1]", "/", "(0, 1]", "(-inf, inf)"),
        ("[0, 1]", "/", "(0, 1]", "[0, inf)"),
        ("[1, 2]", "/", "[1, inf)", "(0, 2]"),
        ("[0, 1]", "/", "[1, inf)", "[0, 1]"),
        ("[1, inf)", "/", "[1, inf)", "(0, inf)"),
        ("[1, inf)", "/", "[-2, -1]", "(-inf, -0.5]"),
        ("[0, 0]", "/", "(0, 1]", "[0, 0]"),
        ("[1e300, 1e300]", "/", "[1e-300, 1e-300]", f"({MAX}, inf)"),
    ],
)
def test_binary(a: str, op: str, b: str, want: str) -> None:
    got = BINARY[op](iv(a), iv(b))
    assert same(got, iv(want)), str(got)


@pytest.mark.parametrize(
    ("a", "n", "want"),
    [
        ("[-2, 3]", 2, "[0, 9]"),
        ("[-3, 2]", 2, "[0, 9]"),
        ("(-3, 3)", 2, "[0, 9)"),
        ("[-3, 3)", 2, "[0, 9]"),
        ("(-3, 2]", 4, "[0, 81)"),
        ("[-2, 3]", 3, "[-8, 27]"),
        ("(-2, 3)", 3, "(-8, 27)"),
        ("[-3, -2)", 2, "(4, 9]"),
        ("[-3, -2)", 3, "[-27, -8)"),
        ("[0, 2)", 2, "[0, 4)"),
        ("(0, 2]", 2, "(0, 4]"),
        ("(-inf, -1]", 2, "[1, inf)"),
        ("(-inf, -1]", 3, "(-inf, -1]"),
        ("[1e200, 1e200]", 2, f"({MAX}, inf)"),
        ("[-1e200, -1e200]", 3, f"(-inf, {-MAX})"),
        ("(-inf, inf)", 0, "[1, 1]"),
        ("[2, 4]", 1, "[2, 4]"),
        ("[2, 4]", -1, "[0.25, 0.5]"),
        ("[2, 4)", -2, "(0.0625, 0.25]"),
        ("[-4, -2]", -1, "[-0.5, -0.25]"),
        ("[-4, -2]", -2, "[0.0625, 0.25]"),
        ("(0, 2]", -1, "[0.5, inf)"),
        ("(0, 2)", -2, "(0.25, inf)"),
        ("[-2, 0)", -1, "(-inf, -0.5]"),
        ("[-2, 0)", -2, "[0.25, inf)"),
        ("[1, inf)", -1, "(0, 1]"),
        ("(-inf, -1]", -2, "(0, 1]"),
        ("[-1, 1]", -2, "(-inf, inf)"),
        ("[0, 2]", -1, "(-inf, inf)"),
        ("[-2, 0]", -3, "(-inf, inf)"),
        ("[0, 0]", -1, "(-inf, inf)"),
        ("[1e-200, 1e-200]", -2, f"({MAX}, inf)"),
    ],
)
def test_ipow(a: str, n: int, want: str) -> None:
    got = ipow(iv(a), n)
    assert same(got, iv(want)), str(got)


@pytest.mark.parametrize(
    ("a", "want"),
    [
        ("[-3, 2]", "[0, 3]"),
        ("[-2, 3)", "[0, 3)"),
        ("(-3, 3)", "[0, 3)"),
        ("(-3, 3]", "[0, 3]"),
        ("[-3, -1)", "(1, 3]"),
        ("[1, 2)", "[1, 2)"),
        ("[-2, 0]", "[0, 2]"),
        ("(-inf, -1]", "[1, inf)"),
        ("(-inf, inf)", "[0, inf)"),
    ],
)
def test_iabs(a: str, want: str) -> None:
    assert same(iabs(iv(a)), iv(want))


@pytest.mark.parametrize(
    ("a", "want"),
    [
        ("[1, 2)", "(-2, -1]"),
        ("[0, 1]", "[-1, 0]"),
        ("[-1, 0]", "[0, 1]"),
        ("[3, inf)", "(-inf, -3]"),
    ],
)
def test_neg(a: str, want: str) -> None:
    assert same(neg(iv(a)), iv(want))


@pytest.mark.parametrize(
    ("fn", "args", "want"),
    [
        (imin, ["[1, 3]", "[2, 4]"], "[1, 3]"),
        (imin, ["[1, 3)", "[1, 3]"], "[1, 3)"),
        (imin, ["(1, 3]", "[1, 5]"], "[1, 3]"),
        (imin, ["(1, 3]", "(1, 5]"], "(1, 3]"),
        (imin, ["(-inf, inf)", "[0, 1]"], "(-inf, 1]"),
        (imin, ["[5, 6]", "[1, 2)", "[0, 9]"], "[0, 2)"),
        (imin, ["[1, 2)"], "[1, 2)"),
        (imax, ["[1, 3]", "[2, 4]"], "[2, 4]"),
        (imax, ["(1, 3]", "[1, 3)"], "(1, 3]"),
        (imax, ["[1, 3)", "[0, 3)"], "[1, 3)"),
        (imax, ["[0, 1]", "(-inf, inf)"], "[0, inf)"),
        (imax, ["[5, 6]", "[1, 2)", "[0, 9)"], "[5, 9)"),
    ],
)
def test_min_max(fn: Callable[..., Interval], args: list[str], want: str) -> None:
    assert same(fn(*(iv(a) for a in args)), iv(want))


@pytest.mark.parametrize("fn", [add, sub, mul, div, imin, imax])
def test_empty_arguments_give_empty(fn: Callable[..., Interval]) -> None:
    assert fn(iv("[1, 1)"), iv("[0, 1]")) == EMPTY
    assert fn(iv("[0, 1]"), iv("[3, 1]")) == EMPTY


@pytest.mark.parametrize("fn", [iabs, lambda a: ipow(a, 2), lambda a: ipow(a, -1)])
def test_empty_argument_gives_empty_unary(fn: Callable[[Interval], Interval]) -> None:
    assert fn(iv("(2, 2]")) == EMPTY


@pytest.mark.parametrize(
    ("a", "want"),
    [
        ("[1, 2]", False),
        ("[1, 1]", False),
        ("[1, 1)", True),
        ("(1, 1]", True),
        ("[2, 1]", True),
        ("[inf, inf]", True),
        ("[-inf, -inf]", True),
        ("(-inf, inf)", False),
    ],
)
def test_empty(a: str, want: bool) -> None:
    assert iv(a).empty is want


@pytest.mark.parametrize(
    ("a", "x", "want"),
    [
        ("[1, 2)", 1.0, True),
        ("[1, 2)", 2.0, False),
        ("(1, 2]", 1.0, False),
        ("(1, 2]", 2.0, True),
        ("(1, 2]", 1.5, True),
        ("(1, 2]", 0.5, False),
        ("(-inf, inf)", 1e308, True),
        ("(-inf, inf)", INF, False),
        ("(-inf, inf)", -INF, False),
        ("(-inf, inf)", math.nan, False),
        ("[1, 1]", 1.0, True),
        ("[2, 1]", 1.5, False),
    ],
)
def test_contains(a: str, x: float, want: bool) -> None:
    assert iv(a).contains(x) is want


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("[1, 2)", "[2, 3]", False),
        ("[1, 2]", "[2, 3]", True),
        ("(1, 2]", "[0, 1]", False),
        ("(1, 2]", "[0, 1.5)", True),
        ("(-inf, inf)", "[5, 5]", True),
        ("[0, 10]", "[3, 4]", True),
        ("[0, 10]", "(10, inf)", False),
        ("[1, 1)", "[0, 2]", False),
        ("[3, 1]", "[0, 5]", False),
        ("(-inf, 0)", "(-inf, 0)", True),
    ],
)
def test_meets(a: str, b: str, want: bool) -> None:
    assert iv(a).meets(iv(b)) is want
    assert iv(b).meets(iv(a)) is want


def test_constructors_and_scaling() -> None:
    assert Interval.point(2.5) == Interval(2.5, 2.5, False, False)
    assert Interval(-INF, INF, True, True) == WHOLE
    assert iv("[1, 2)").scaled(1000) == Interval(1000.0, 2000.0, False, True)
    assert iv("(-inf, 2]").scaled(0.5) == Interval(-INF, 1.0, True, False)
    assert iv("[1, 2]").scaled(1e308) == Interval(1e308, INF, False, True)
    assert iv("[2, 3]").scaled(1e308) == Interval(MAX, INF, True, True)
    assert str(iv("[1, inf)")) == "[1, inf)"


@pytest.mark.parametrize("k", [0.0, -1.0, INF, math.nan])
def test_scaled_rejects_bad_factors(k: float) -> None:
    with pytest.raises(ValueError, match="scale factor must be finite and positive"):
        iv("[1, 2]").scaled(k)


def test_point_rejects_nan() -> None:
    with pytest.raises(ValueError, match="nan"):
        Interval.point(math.nan)


# --- soundness laws -------------------------------------------------------------------------

# ends are small dyadic numbers (and infinities), so float results are exact and open ends
# can be checked exactly with Fractions
DYADIC = st.sampled_from([-4.0, -2.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 3.0, 4.0])


def samples(box: Interval) -> list[Fraction]:
    """Points of *box*: closed ends, and points inside (and far out along infinite ends)."""
    lo, hi = box.lo, box.hi
    if lo == -INF and hi == INF:
        return [Fraction(v) for v in (-1000, -1, 0, 1, 1000)]
    if lo == -INF:
        inner = [hi - 1000, hi - 1, hi - 0.125]
        return [Fraction(v) for v in [*inner, *([] if box.hi_open else [hi])]]
    if hi == INF:
        inner = [lo + 0.125, lo + 1, lo + 1000]
        return [Fraction(v) for v in [*([] if box.lo_open else [lo]), *inner]]
    points = [Fraction(lo) + (Fraction(hi) - Fraction(lo)) * k / 64 for k in (1, 8, 32, 56, 63)]
    if lo == hi:
        points = []
    if not box.lo_open:
        points.insert(0, Fraction(lo))
    if not box.hi_open:
        points.append(Fraction(hi))
    if lo < 0 < hi:
        points.append(Fraction(0))
    return points


def inside(value: Fraction, box: Interval) -> bool:
    """Membership that respects open ends exactly; the only slack is an end's own rounding.

    Results here are exact except for quotients, whose ends are rounded to nearest: a value
    that is not the float end itself but rounds to it counts as inside.
    """
    lo, hi = box.lo, box.hi
    rounded = float(value)
    above = lo == -INF or value > Fraction(lo) or (value == Fraction(lo) and not box.lo_open)
    below = hi == INF or value < Fraction(hi) or (value == Fraction(hi) and not box.hi_open)
    above = above or (rounded == lo and value != Fraction(lo))
    below = below or (rounded == hi and value != Fraction(hi))
    return above and below


def _fdiv(x: Fraction, y: Fraction) -> Fraction | None:
    return None if y == 0 else x / y


def _fpow(x: Fraction, n: int) -> Fraction | None:
    return None if x == 0 and n < 0 else x**n


EXACT: dict[str, Callable[[Fraction, Fraction], Fraction | None]] = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "/": _fdiv,
    "min": min,
    "max": max,
}
INTERVAL: dict[str, Callable[[Interval, Interval], Interval]] = {
    **BINARY,
    "min": imin,
    "max": imax,
}


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(intervals(DYADIC), st.sampled_from(sorted(EXACT)), intervals(DYADIC))
def test_binary_ops_are_sound_and_exact_about_open_ends(a: Interval, op: str, b: Interval) -> None:
    got = INTERVAL[op](a, b)
    assert not math.isnan(got.lo)
    assert not math.isnan(got.hi)
    for x, y in product(samples(a), samples(b)):
        value = EXACT[op](x, y)
        if value is not None:
            assert inside(value, got), (str(a), op, str(b), str(got), value)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(intervals(DYADIC), st.integers(-4, 4), st.sampled_from(["pow", "abs", "neg"]))
def test_unary_ops_are_sound(a: Interval, n: int, op: str) -> None:
    got = ipow(a, n) if op == "pow" else iabs(a) if op == "abs" else neg(a)
    for x in samples(a):
        value = _fpow(x, n) if op == "pow" else abs(x) if op == "abs" else -x
        if value is not None:
            assert inside(value, got), (str(a), op, n, str(got), value)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(intervals(DYADIC), st.sampled_from(sorted(EXACT)), intervals(DYADIC))
def test_closed_finite_results_are_attained(a: Interval, op: str, b: Interval) -> None:
    """Exactness: each closed finite end of a result is the value at some sampled corner."""
    got = INTERVAL[op](a, b)
    exact = (EXACT[op](x, y) for x, y in product(samples(a), samples(b)))
    values = {float(v) for v in exact if v is not None}
    for end, is_open in ((got.lo, got.lo_open), (got.hi, got.hi_open)):
        if not is_open and abs(end) < INF and got != WHOLE:
            assert end in values, (str(a), op, str(b), str(got))
