"""Interval soundness through the public API: sampled points always fall in the computed range.

Formulas are written over claim-like ids and compiled as a claims file compiles them (the ids
found in the text, in order), so the shape cache that renames ids is exercised too. Input
ranges include unbounded, open-ended and zero-straddling intervals.
"""

from __future__ import annotations

import math
from itertools import product
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.check.verdict import Verdict, judge_assertion, judge_figure
from figcheck.claims.compiler import compile_assertion, compile_formula
from figcheck.figures.figure import parse_figure
from figcheck.figures.interval import Interval
from figcheck.figures.readings import read
from tests.strategies import INF, NAMES, Tree, inside, intervals, samples, source, trees, value

pytestmark = pytest.mark.slow

TREES = trees()


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


@settings(max_examples=300, deadline=None)
@given(TREES, st.lists(intervals(), min_size=len(NAMES), max_size=len(NAMES)))
def test_tightened_ranges_hold_every_sampled_point(tree: Tree, boxes: list[Interval]) -> None:
    """The range with repeated inputs fixed where the formula is monotone in them is still
    sound: it holds the formula's value at every sampled point of the input box."""
    formula = compile_formula(source(tree))
    given_boxes = dict(zip(NAMES, boxes, strict=True))
    inputs = [given_boxes[name] for name in formula.names]
    box, _ = formula.span(inputs)
    for chosen in product(*(samples(b) for b in inputs)):
        point = dict(zip(formula.names, chosen, strict=True))
        expected = value(tree, {**dict.fromkeys(NAMES, 0.0), **point})
        if expected is None:
            continue
        assert inside(expected, box), (source(tree), point, str(box))


WRITTEN = st.one_of(
    st.integers(1, 5000).map(str),
    st.integers(1, 999).map(lambda n: f"{n / 10}"),
    st.integers(1, 5000).map(lambda n: f"about {n}"),
    st.integers(1, 5000).map(lambda n: f"at least {n}"),
    st.integers(1, 5000).map(lambda n: f"under {n}"),
    st.integers(1, 50).map(lambda n: f"between {n} and {2 * n}"),
    st.integers(1, 99).map(lambda n: f"{n} million"),
)
SHARES = st.one_of(
    st.integers(0, 100).map(lambda n: f"{n} percent"),
    st.integers(0, 1000).map(lambda n: f"{n / 10} percent"),
    st.integers(0, 100).map(lambda n: f"about {n} percent"),
    st.integers(0, 100).map(lambda n: f"over {n} percent"),
    st.integers(0, 100).map(lambda n: f"nearly {n} percent"),
    st.sampled_from(["half", "a third", "two-thirds", "a quarter"]),
)
SPELLINGS = [
    ("(a - b) / a", "1 - b / a"),
    ("a / (a + b)", "1 / (1 + b / a)"),
]


@settings(max_examples=300, deadline=None)
@given(WRITTEN, WRITTEN, SHARES, st.sampled_from(SPELLINGS))
def test_equal_formulas_give_equal_verdicts(
    a: str, b: str, stated: str, spellings: tuple[str, str]
) -> None:
    """Spelling independence: ``(a-b)/a`` and ``1-b/a``, ``a/(a+b)`` and ``1/(1+b/a)`` give the
    same verdict on any stated share, whatever the inputs' qualifiers."""
    from pathlib import Path

    from figcheck.check.checker import check
    from figcheck.claims.loader import parse

    found = []
    for formula in spellings:
        text = (
            '[document]\nsource = "doc.txt"\n\n'
            f'[claims.a]\nvalue = "{a}"\n\n[claims.b]\nvalue = "{b}"\n\n'
            f'[claims.t]\nvalue = "{stated}"\nformula = "{formula}"\n'
        )
        report = check(parse(text, shown="claims.toml", base=Path(".")))
        found.append(next(r.verdict for r in report.results if r.id == "t"))
    assert found[0] == found[1], (a, b, stated, spellings)
