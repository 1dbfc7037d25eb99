"""Interval soundness through the public API: sampled points always fall in the computed range.

Formulas are written over claim-like ids and compiled as a claims file compiles them (the ids
found in the text, in order), so the shape cache that renames ids is exercised too. Input
ranges include unbounded, open-ended and zero-straddling intervals.
"""

from __future__ import annotations

import math
from itertools import product
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.figure import parse_figure
from figcheck.formula import compile_assertion, compile_formula
from figcheck.interval import Interval
from figcheck.readings import read
from figcheck.verdict import Verdict, judge_assertion, judge_figure

INF = math.inf
NAMES = ("population_1959", "x", "share_pct", "tonnes2", "Total")
Tree = tuple[Any, ...]

_END = st.one_of(
    st.sampled_from([0.0, 1.0, -1.0, 0.5, 3.0, -2.5, 1e6]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_subnormal=False),
)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = sorted((draw(_END), draw(_END)))
    kind = draw(st.sampled_from(["finite", "straddle", "point", "below", "above", "whole"]))
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if kind == "point" or a == b:
        return Interval(a, a)
    if kind == "below":
        return Interval(-INF, b, True, hi_open)
    if kind == "above":
        return Interval(a, INF, lo_open, True)
    if kind == "whole":
        return Interval(-INF, INF, True, True)
    if kind == "straddle":
        return Interval(-abs(a) - 0.5, abs(b) + 0.5, lo_open, hi_open)
    return Interval(a, b, lo_open, hi_open)


LEAVES = st.one_of(
    st.integers(0, len(NAMES) - 1).map(lambda i: ("id", i)),
    st.sampled_from([0.0, 1.0, 2.5, -3.0, 100.0]).map(lambda c: ("const", c)),
)


def extend(children: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    return st.one_of(
        st.tuples(st.just("bin"), st.sampled_from("+-*/"), children, children),
        st.tuples(st.just("neg"), children),
        st.tuples(st.just("abs"), children),
        st.tuples(st.just("pow"), children, st.integers(-3, 4)),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(children, min_size=1, max_size=3)),
    )


TREES = st.recursive(LEAVES, extend, max_leaves=8)


def source(tree: Tree) -> str:
    kind = tree[0]
    if kind == "id":
        return NAMES[tree[1]]
    if kind == "const":
        return repr(tree[1])
    if kind == "bin":
        return f"({source(tree[2])}) {tree[1]} ({source(tree[3])})"
    if kind == "neg":
        return f"-({source(tree[1])})"
    if kind == "abs":
        return f"abs({source(tree[1])})"
    if kind == "pow":
        return f"({source(tree[1])}) ** {tree[2]}"
    return f"{kind}({', '.join(source(child) for child in tree[1])})"


def value(tree: Tree, point: dict[str, float]) -> float | None:
    """Plain evaluation, independent of figcheck; None where undefined or not finite."""
    kind = tree[0]
    result: float | None
    if kind == "id":
        result = point[NAMES[tree[1]]]
    elif kind == "const":
        result = float(tree[1])
    elif kind in ("min", "max"):
        args = [value(child, point) for child in tree[1]]
        if any(arg is None for arg in args):
            return None
        found = [arg for arg in args if arg is not None]
        result = min(found) if kind == "min" else max(found)
    elif kind == "bin":
        x, y = value(tree[2], point), value(tree[3], point)
        if x is None or y is None or (tree[1] == "/" and y == 0):
            return None
        op = tree[1]
        result = x + y if op == "+" else x - y if op == "-" else x * y if op == "*" else x / y
    else:
        x = value(tree[1], point)
        if x is None:
            return None
        if kind == "neg":
            result = -x
        elif kind == "abs":
            result = abs(x)
        elif x == 0 and tree[2] < 0:
            return None
        else:
            try:
                result = float(x ** tree[2])
            except OverflowError:
                return None
    return result if math.isfinite(result) else None


def samples(box: Interval) -> list[float]:
    """Points of *box*: its closed ends, points just inside, 0 if inside, far points if open."""
    lo, hi = box.lo, box.hi
    if lo == -INF and hi == INF:
        return [-1e3, -1.0, 0.0, 2.0, 1e3]
    if lo == -INF:
        found = [hi - 1e3, hi - 1.0, math.nextafter(hi, -INF), hi]
    elif hi == INF:
        found = [lo, math.nextafter(lo, INF), lo + 1.0, lo + 1e3]
    else:
        found = [lo, hi, lo + (hi - lo) / 3, math.nextafter(lo, INF), math.nextafter(hi, -INF)]
        found.append(0.0)
    return sorted({x for x in found if box.contains(x)})


def inside(x: float, box: Interval) -> bool:
    """*x* in *box*, allowing the float rounding the interval arithmetic documents."""
    slack = 1e-9 * max(1.0, abs(x))
    return box.lo - slack <= x <= box.hi + slack


@settings(max_examples=300, deadline=None)
@given(TREES, st.lists(intervals(), min_size=len(NAMES), max_size=len(NAMES)))
def test_ranges_hold_every_sampled_point(tree: Tree, boxes: list[Interval]) -> None:
    formula = compile_formula(source(tree))  # ids in the order the text names them
    given_boxes = dict(zip(NAMES, boxes, strict=True))
    inputs = [given_boxes[name] for name in formula.names]
    for chosen in product(*(samples(box) for box in inputs)):
        point = dict(zip(formula.names, chosen, strict=True))
        expected = value(tree, {**dict.fromkeys(NAMES, 0.0), **point})
        central, box = formula.evaluate(list(chosen), inputs)
        assert not math.isnan(box.lo)
        assert not math.isnan(box.hi)
        if expected is None:
            continue
        assert central == expected
        assert inside(expected, box), (source(tree), point, str(box))


@settings(max_examples=300, deadline=None)
@given(
    TREES,
    TREES,
    st.sampled_from(["<", "<=", ">", ">="]),
    st.lists(intervals(), min_size=len(NAMES), max_size=len(NAMES)),
)
def test_assertions_that_hold_somewhere_are_possible(
    left: Tree, right: Tree, op: str, boxes: list[Interval]
) -> None:
    assertion = compile_assertion(f"{source(left)} {op} {source(right)}")
    given_boxes = dict(zip(NAMES, boxes, strict=True))
    inputs = [given_boxes[name] for name in assertion.names]
    possible = assertion.possible(inputs)
    for chosen in product(*(samples(box) for box in inputs)):
        point = {**dict.fromkeys(NAMES, 0.0), **dict(zip(assertion.names, chosen, strict=True))}
        lhs, rhs = value(left, point), value(right, point)
        if lhs is None or rhs is None:
            continue
        holds = {"<": lhs < rhs, "<=": lhs <= rhs, ">": lhs > rhs, ">=": lhs >= rhs}[op]
        assert assertion.holds_at(list(chosen)) == holds
        if holds and abs(lhs - rhs) > 1e-9 * max(1.0, abs(lhs), abs(rhs)):
            assert possible, (assertion.source, point)
        if holds:
            assert judge_assertion(assertion, list(chosen), inputs) is Verdict.CONSISTENT


FIGURES = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(0, 10**6).map(lambda n: f"about {n}"),
    st.integers(1, 999).map(lambda n: f"{n} million"),
    st.integers(0, 999).map(lambda n: f"{n / 10}"),
    st.integers(0, 100).map(lambda n: f"over {n}"),
    st.integers(0, 100).map(lambda n: f"under {n}%"),
    st.integers(0, 100).map(lambda n: f"nearly {n} percent"),
    st.tuples(st.integers(0, 100), st.integers(0, 100)).map(
        lambda t: f"between {min(t)} and {max(t)}"
    ),
    st.sampled_from(["half", "a third", "two-thirds", "exactly 7", "at least 3", "at most 9"]),
)


def stated(text: str) -> Any:
    return read(parse_figure(text))


@settings(max_examples=300, deadline=None)
@given(TREES, st.lists(FIGURES, min_size=len(NAMES), max_size=len(NAMES)), FIGURES)
def test_no_false_inconsistent(tree: Tree, inputs_written: list[str], written: str) -> None:
    """If the formula, at some point of its inputs' loosest readings, gives a figure in the
    stated figure's loosest reading, the verdict is never inconsistent."""
    formula = compile_formula(source(tree))
    readings = dict(zip(NAMES, map(stated, inputs_written), strict=True))
    target = stated(written)
    used = [readings[name] for name in formula.names]
    central, box = formula.evaluate([r.central for r in used], [r.lenient for r in used])
    verdict = judge_figure(central, box, target)
    for chosen in product(*(samples(r.lenient) for r in used)):
        point = {**dict.fromkeys(NAMES, 0.0), **dict(zip(formula.names, chosen, strict=True))}
        reached = value(tree, point)
        if reached is not None and target.lenient.contains(reached):
            assert verdict is not Verdict.INCONSISTENT, (source(tree), point, written)


def test_sampling_sees_open_and_unbounded_ends() -> None:
    tiny = math.nextafter(0.0, -INF)
    assert samples(Interval(-INF, 0.0, True, True)) == [-1000.0, -1.0, tiny]
    assert samples(Interval(1.0, 2.0, True, False)) == [
        math.nextafter(1.0, INF),
        1.0 + 1.0 / 3,
        math.nextafter(2.0, -INF),
        2.0,
    ]
    assert samples(Interval(-1.0, 1.0)) == [
        -1.0,
        math.nextafter(-1.0, INF),
        -1.0 + 2.0 / 3,
        0.0,
        math.nextafter(1.0, -INF),
        1.0,
    ]
