"""Compiled formulas and assertions: postfix programs over claim ids, evaluated at the
central figures and over intervals, and the dimensions of their results."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from figcheck.errors import UnitError
from figcheck.figures.dimension import DIMENSIONLESS, Dimension
from figcheck.figures.interval import (
    Interval,
    add,
    div,
    iabs,
    imax,
    imin,
    intersect,
    ipow,
    mul,
    neg,
    sub,
)

_NAN = math.nan
_INF = math.inf


@dataclass(frozen=True, slots=True)
class Formula:
    """A compiled formula: its distinct input ids and a postfix program over them."""

    source: str
    names: tuple[str, ...]
    program: tuple[tuple[object, ...], ...]
    # the input slots the program loads more than once, whose ranges interval arithmetic widens
    repeated: tuple[int, ...] = field(default=(), init=False, compare=False, repr=False)
    # a share formula's form with its repeated id once, valid where that id is not 0: the
    # id's slot and the formula (set by the compiler)
    share: tuple[int, Formula] | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        seen: set[int] = set()
        twice: list[int] = []
        for op in self.program:
            if op[0] == "load":
                slot = cast(int, op[1])
                if slot in seen and slot not in twice:
                    twice.append(slot)
                seen.add(slot)
        object.__setattr__(self, "repeated", tuple(twice))

    def renamed(self, source: str, names: tuple[str, ...]) -> Formula:
        """This formula's program under another *source* and input *names* (as many, in the
        same slots): what it repeats is known, so it is not worked out again."""
        other = object.__new__(Formula)
        for key, value in (
            ("source", source),
            ("names", names),
            ("program", self.program),
            ("repeated", self.repeated),
            ("share", None),
        ):
            object.__setattr__(other, key, value)
        return other

    def span(self, boxes: Sequence[Interval]) -> tuple[Interval, bool]:
        """A sound range over the input *boxes*, and whether it may still be wider than the truth.

        An input the formula uses more than once is fixed at the end of its box where the
        formula is monotone in it (checked by interval derivatives), splitting its box in
        halves where that cannot be shown on the whole, so ``(a - b) / a`` gets the range
        ``1 - b / a`` gets; only what is still not shown monotone leaves it wide.
        """
        plain = _span(self.program, boxes)
        if not self.repeated or plain.empty:
            return plain, False
        share = self.share
        if share is not None and _excludes_zero(boxes[share[0]]):
            exact = intersect(plain, _span(share[1].program, boxes))
            if not exact.empty:
                return exact, False
        budget = [_PIECES]
        found, wide = _tight(self.program, list(boxes), self.repeated, budget)
        tight = intersect(plain, found)
        return (plain, True) if tight.empty else (tight, wide)

    def evaluate(
        self, central: Sequence[float], boxes: Sequence[Interval]
    ) -> tuple[float, Interval]:
        """The value at the *central* inputs and a sound range over the input *boxes*.

        Inputs are indexed like ``names``. The central value is nan where it is undefined
        (division by zero, inf - inf) and ±inf on overflow; nothing here raises.
        """
        vals: list[float] = []
        ivs: list[Interval] = []
        push_v, push_i, pop_v, pop_i = vals.append, ivs.append, vals.pop, ivs.pop
        for op in self.program:
            kind = op[0]
            if kind == "load":
                i = cast(int, op[1])
                push_v(central[i])
                push_i(boxes[i])
            elif kind == "const":
                push_v(cast(float, op[1]))
                push_i(cast(Interval, op[2]))
            elif kind == "add":
                y = pop_v()
                vals[-1] += y
                b = pop_i()
                ivs[-1] = add(ivs[-1], b)
            elif kind == "sub":
                y = pop_v()
                vals[-1] -= y
                b = pop_i()
                ivs[-1] = sub(ivs[-1], b)
            elif kind == "mul":
                y = pop_v()
                vals[-1] *= y
                b = pop_i()
                ivs[-1] = mul(ivs[-1], b)
            elif kind == "div":
                y = pop_v()
                vals[-1] = vals[-1] / y if y != 0.0 else _NAN
                b = pop_i()
                ivs[-1] = div(ivs[-1], b)
            elif kind == "neg":
                vals[-1] = -vals[-1]
                ivs[-1] = neg(ivs[-1])
            elif kind == "pow":
                n = cast(int, op[1])
                vals[-1] = _power(vals[-1], n)
                ivs[-1] = ipow(ivs[-1], n)
            elif kind == "abs":
                vals[-1] = abs(vals[-1])
                ivs[-1] = iabs(ivs[-1])
            else:  # "min" or "max" with a count
                k = cast(int, op[1])
                args = vals[-k:]
                boxes_k = ivs[-k:]
                del vals[-k:], ivs[-k:]
                if kind == "min":
                    push_v(_NAN if any(x != x for x in args) else min(args))
                    push_i(imin(*boxes_k))
                else:
                    push_v(_NAN if any(x != x for x in args) else max(args))
                    push_i(imax(*boxes_k))
        return vals[-1], ivs[-1]

    def value(self, central: Sequence[float]) -> float:
        """The value at the *central* inputs alone (nan where undefined, never raises)."""
        vals: list[float] = []
        push, pop = vals.append, vals.pop
        for op in self.program:
            kind = op[0]
            if kind == "load":
                push(central[cast(int, op[1])])
            elif kind == "const":
                push(cast(float, op[1]))
            elif kind == "add":
                y = pop()
                vals[-1] += y
            elif kind == "sub":
                y = pop()
                vals[-1] -= y
            elif kind == "mul":
                y = pop()
                vals[-1] *= y
            elif kind == "div":
                y = pop()
                vals[-1] = vals[-1] / y if y != 0.0 else _NAN
            elif kind == "neg":
                vals[-1] = -vals[-1]
            elif kind == "pow":
                vals[-1] = _power(vals[-1], cast(int, op[1]))
            elif kind == "abs":
                vals[-1] = abs(vals[-1])
            else:
                k = cast(int, op[1])
                args = vals[-k:]
                del vals[-k:]
                if any(x != x for x in args):
                    push(_NAN)
                else:
                    push(min(args) if kind == "min" else max(args))
        return vals[-1]

    def dimension(self, dims: Sequence[Dimension]) -> Dimension:
        """The result's dimension, given the inputs' (indexed like ``names``).

        Raises UnitError when + - min max combine different dimensions. A literal 0 fits any
        dimension (``max(a, 0)``); other numeric literals are dimensionless.
        """
        found = _dimension(self.program, dims)
        return DIMENSIONLESS if found is None else found


@dataclass(frozen=True, slots=True)
class Assertion:
    """A compiled comparison between two formulas, such as ``a + b <= total``."""

    source: str
    op: str
    names: tuple[str, ...]
    lhs: Formula
    rhs: Formula
    difference: Formula

    def holds_at(self, central: Sequence[float]) -> bool:
        """Whether the comparison is true at the central figures (an undefined side: False)."""
        left = self.lhs.value(central)
        right = self.rhs.value(central)
        op = self.op
        if op == "<":
            return left < right
        if op == "<=":
            return left <= right
        if op == ">":
            return left > right
        return left >= right

    def certain(self, boxes: Sequence[Interval]) -> bool:
        """Whether every point of the boxes satisfies the comparison (False when unsure)."""
        d, _ = self.difference.span(boxes)
        if d.empty:
            return False
        op = self.op
        if op == "<":
            return d.hi < 0.0 or (d.hi == 0.0 and d.hi_open)
        if op == "<=":
            return d.hi <= 0.0
        if op == ">":
            return d.lo > 0.0 or (d.lo == 0.0 and d.lo_open)
        return d.lo >= 0.0

    def possible(self, boxes: Sequence[Interval]) -> bool:
        """Whether some point of the boxes may satisfy the comparison (True when unsure)."""
        d, _ = self.difference.span(boxes)
        if not d.lo < d.hi and d.empty:
            return False
        op = self.op
        if op == "<":
            return d.lo < 0.0
        if op == "<=":
            return d.lo < 0.0 or (d.lo == 0.0 and not d.lo_open)
        if op == ">":
            return d.hi > 0.0
        return d.hi > 0.0 or (d.hi == 0.0 and not d.hi_open)

    def dimension(self, dims: Sequence[Dimension]) -> Dimension:
        """The dimension both sides share; UnitError when they differ."""
        left = _dimension(self.lhs.program, dims)
        right = _dimension(self.rhs.program, dims)
        if left is not None and right is not None and left != right:
            raise UnitError(f"assertion compares {left} with {right}")
        found = left if left is not None else right
        return DIMENSIONLESS if found is None else found


def _span(program: tuple[tuple[object, ...], ...], boxes: Sequence[Interval]) -> Interval:
    """The plain interval range of *program* over *boxes*."""
    ivs: list[Interval] = []
    push, pop = ivs.append, ivs.pop
    for op in program:
        kind = op[0]
        if kind == "load":
            push(boxes[cast(int, op[1])])
        elif kind == "const":
            push(cast(Interval, op[2]))
        elif kind == "add":
            b = pop()
            ivs[-1] = add(ivs[-1], b)
        elif kind == "sub":
            b = pop()
            ivs[-1] = sub(ivs[-1], b)
        elif kind == "mul":
            b = pop()
            ivs[-1] = mul(ivs[-1], b)
        elif kind == "div":
            b = pop()
            ivs[-1] = div(ivs[-1], b)
        elif kind == "neg":
            ivs[-1] = neg(ivs[-1])
        elif kind == "pow":
            ivs[-1] = ipow(ivs[-1], cast(int, op[1]))
        elif kind == "abs":
            ivs[-1] = iabs(ivs[-1])
        else:
            k = cast(int, op[1])
            args = ivs[-k:]
            del ivs[-k:]
            push(imin(*args) if kind == "min" else imax(*args))
    return ivs[-1]


def _excludes_zero(box: Interval) -> bool:
    return box.lo > 0.0 or box.hi < 0.0 or (box.lo == 0.0 and box.lo_open)


_PIECES = 256  # the most pieces a repeated input's box is split into, per range


def _tight(
    program: tuple[tuple[object, ...], ...],
    boxes: list[Interval],
    repeated: tuple[int, ...],
    budget: list[int],
) -> tuple[Interval, bool]:
    """The range over *boxes* with each repeated input fixed at an end where the formula is
    monotone in it; where it is not shown monotone, its box is halved while *budget* lasts."""
    plain = _span(program, boxes)
    grads = _gradients(program, boxes, repeated)
    if grads is None or plain.empty:
        return plain, True
    low = list(boxes)
    high = list(boxes)
    lo_open = hi_open = False
    loose: list[int] = []
    for slot, g in zip(repeated, grads, strict=True):
        box = boxes[slot]
        if g.lo >= 0.0:
            down, down_open, up, up_open = box.lo, box.lo_open, box.hi, box.hi_open
        elif g.hi <= 0.0:
            down, down_open, up, up_open = box.hi, box.hi_open, box.lo, box.lo_open
        else:
            loose.append(slot)
            continue
        if -_INF < down < _INF:
            low[slot] = Interval(down, down)
            lo_open = lo_open or down_open
        else:
            loose.append(slot)
        if -_INF < up < _INF:
            high[slot] = Interval(up, up)
            hi_open = hi_open or up_open
        elif slot not in loose:
            loose.append(slot)
    finite = [s for s in loose if -_INF < boxes[s].lo < boxes[s].hi < _INF]
    if finite and budget[0] > 1:
        # halve the widest box that is not shown monotone, and join the halves' ranges
        slot = max(finite, key=lambda s: boxes[s].hi - boxes[s].lo)
        box = boxes[slot]
        mid = box.lo + (box.hi - box.lo) / 2
        budget[0] -= 1
        left = list(boxes)
        left[slot] = Interval(box.lo, mid, box.lo_open, False)
        right = list(boxes)
        right[slot] = Interval(mid, box.hi, False, box.hi_open)
        a, wide_a = _tight(program, left, repeated, budget)
        b, wide_b = _tight(program, right, repeated, budget)
        return intersect(plain, _hull(a, b)), wide_a or wide_b
    bottom = _span(program, low)
    top = _span(program, high)
    if bottom.empty or top.empty:
        return plain, True
    tight = Interval(
        bottom.lo,
        top.hi,
        bottom.lo_open or (lo_open and bottom.lo != -_INF),
        top.hi_open or (hi_open and top.hi != _INF),
    )
    found = intersect(plain, tight)
    return (plain, True) if found.empty else (found, bool(loose))


def _hull(a: Interval, b: Interval) -> Interval:
    """The smallest interval holding both *a* and *b*."""
    if a.empty:
        return b
    if b.empty:
        return a
    if a.lo < b.lo or (a.lo == b.lo and not a.lo_open):
        lo, lo_open = a.lo, a.lo_open
    else:
        lo, lo_open = b.lo, b.lo_open
    if a.hi > b.hi or (a.hi == b.hi and not a.hi_open):
        hi, hi_open = a.hi, a.hi_open
    else:
        hi, hi_open = b.hi, b.hi_open
    return Interval(lo, hi, lo_open, hi_open)


_ZERO = Interval(0.0, 0.0)
_ONE = Interval(1.0, 1.0)


def _gradients(
    program: tuple[tuple[object, ...], ...], boxes: Sequence[Interval], slots: tuple[int, ...]
) -> list[Interval] | None:
    """Ranges of the program's partial derivatives in *slots* over *boxes* (forward mode);
    None where the program uses abs, min or max, whose derivatives jump."""
    stack: list[tuple[Interval, list[Interval]]] = []
    push, pop = stack.append, stack.pop
    for op in program:
        kind = op[0]
        if kind == "load":
            i = cast(int, op[1])
            push((boxes[i], [_ONE if s == i else _ZERO for s in slots]))
        elif kind == "const":
            push((cast(Interval, op[2]), [_ZERO] * len(slots)))
        elif kind in ("add", "sub", "mul", "div"):
            b, gb = pop()
            a, ga = pop()
            if kind == "add":
                push((add(a, b), [add(x, y) for x, y in zip(ga, gb, strict=True)]))
            elif kind == "sub":
                push((sub(a, b), [sub(x, y) for x, y in zip(ga, gb, strict=True)]))
            elif kind == "mul":
                g = [add(mul(x, b), mul(a, y)) for x, y in zip(ga, gb, strict=True)]
                push((mul(a, b), g))
            else:
                v = div(a, b)
                push((v, [div(sub(x, mul(v, y)), b) for x, y in zip(ga, gb, strict=True)]))
        elif kind == "neg":
            a, ga = pop()
            push((neg(a), [neg(x) for x in ga]))
        elif kind == "pow":
            n = cast(int, op[1])
            a, ga = pop()
            factor = mul(Interval(float(n), float(n)), ipow(a, n - 1))
            push((ipow(a, n), [mul(factor, x) for x in ga]))
        else:
            return None
    return stack[-1][1]


def _power(x: float, n: int) -> float:
    """``x ** n`` for the central value: nan for 0 ** negative, ±inf on overflow."""
    if n < 0 and x == 0.0:
        return _NAN
    try:
        return float(x**n)
    except OverflowError:
        return -_INF if x < 0.0 and n % 2 else _INF


def _dimension(
    program: tuple[tuple[object, ...], ...], dims: Sequence[Dimension]
) -> Dimension | None:
    """The dimension of a program's result; None for a literal 0, which fits any dimension."""
    stack: list[Dimension | None] = []
    push, pop = stack.append, stack.pop
    for op in program:
        kind = op[0]
        if kind == "load":
            push(dims[cast(int, op[1])])
        elif kind == "const":
            push(None if op[1] == 0.0 else DIMENSIONLESS)
        elif kind in ("add", "sub"):
            right, left = pop(), pop()
            if left is not None and right is not None and left != right:
                if kind == "add":
                    raise UnitError(f"formula adds {right} to {left}")
                raise UnitError(f"formula subtracts {right} from {left}")
            push(left if left is not None else right)
        elif kind in ("mul", "div"):
            right, left = pop(), pop()
            if left is None or right is None:
                push(None)  # 0 * x and 0 / x are 0, which fits any dimension
            else:
                push(left * right if kind == "mul" else left / right)
        elif kind == "pow":
            base = pop()
            push(None if base is None else base ** cast(int, op[1]))
        elif kind in ("neg", "abs"):
            pass
        else:
            k = cast(int, op[1])
            args = stack[-k:]
            del stack[-k:]
            first: Dimension | None = None
            for arg in args:
                if arg is None:
                    continue
                if first is None:
                    first = arg
                elif arg != first:
                    raise UnitError(f"formula compares {first} with {arg} in {kind}()")
            push(first)
    return stack[-1]
