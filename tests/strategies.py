"""Hypothesis strategies shared by the soundness tests: intervals, formula trees, samples."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from figcheck.figures.interval import Interval

INF = math.inf
NAMES = ("population_1959", "x", "share_pct", "tonnes2", "Total")
Tree = tuple[Any, ...]

ENDS = st.one_of(
    st.sampled_from([0.0, 1.0, -1.0, 0.5, 3.0, -2.5, 1e6]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_subnormal=False),
)


@st.composite
def intervals(draw: st.DrawFn, ends: st.SearchStrategy[float] = ENDS) -> Interval:
    """Finite, zero-straddling, point, half-unbounded and whole ranges, open or closed."""
    a, b = sorted((draw(ends), draw(ends)))
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


def trees(names: int = len(NAMES)) -> st.SearchStrategy[Tree]:
    """Formula trees over the first *names* of NAMES, constants, and every allowed operation."""
    leaves = st.one_of(
        st.integers(0, names - 1).map(lambda i: ("id", i)),
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

    return st.recursive(leaves, extend, max_leaves=8)


def source(tree: Tree) -> str:
    """The formula text of *tree*."""
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


def value(tree: Tree, point: Mapping[str, float]) -> float | None:
    """Plain evaluation, independent of figcheck; None where undefined or not finite."""
    kind = tree[0]
    result: float | None
    if kind == "id":
        result = point[NAMES[tree[1]]]
    elif kind == "const":
        result = float(tree[1])
    elif kind in ("min", "max"):
        args = [value(child, point) for child in tree[1]]
        found = [arg for arg in args if arg is not None]
        if len(found) < len(args):
            return None
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
