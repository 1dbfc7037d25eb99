"""Rules across claims: every id a formula names is a claim, no formula depends on itself,
and each formula's dimension fits its value's unit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from figcheck.claims.formula import Assertion, Formula
from figcheck.claims.model import Check, Claim
from figcheck.claims.tomllines import LineIndex
from figcheck.errors import FigcheckError
from figcheck.figures.dimension import Dimension
from figcheck.figures.units import Unit
from figcheck.text import did_you_mean

# Records one problem: its line in the claims file, and the message.
Note = Callable[[int | None, str], None]


def unknown_ids(
    note: Note,
    what: str,
    line: int | None,
    names: Iterable[str],
    known: set[str],
    check_ids: set[str],
) -> None:
    for name in names:
        if name in known:
            continue
        if name in check_ids:
            note(line, f"{what}: '{name}' is a check, not a claim with a figure")
            continue
        hint = did_you_mean(name, known)
        note(line, f"{what}: unknown id '{name}' in formula{hint}")


def cycles(note: Note, lines: LineIndex, formulas: Mapping[str, Formula]) -> None:
    """Report each cycle among formulas once, iteratively (files may chain deeply)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root, formula in formulas.items():
        if root in state:
            continue
        # the common case: every input stated or done, so the walk below would only step
        # past them (a formula naming itself is not: it is not done yet)
        for name in formula.names:
            if name in formulas and state.get(name) != 2:
                break
        else:
            state[root] = 2
            continue
        path: list[str] = [root]
        iters = [iter(formulas[root].names)]
        state[root] = 1
        while iters:
            node = next(iters[-1], None)
            if node is None:
                state[path.pop()] = 2
                iters.pop()
                continue
            if node not in formulas:
                continue
            if state.get(node) == 1:
                cycle = [*path[path.index(node) :], node]
                note(
                    lines.table("claims", node),
                    "formula cycle: " + " -> ".join(cycle),
                )
            elif node not in state:
                state[node] = 1
                path.append(node)
                iters.append(iter(formulas[node].names))


def dimensions(note: Note, claims: Mapping[str, Claim], checks: Iterable[Check]) -> None:
    """Each formula's and check's dimensions, worked out once per shape and units."""
    # a formula's dimension depends only on its program and the units involved, and files
    # repeat a few shapes over the same units: each combination is worked out once
    found: dict[tuple[object, ...], str | None] = {}  # the problem, or None
    # and by the formula's and unit's identity: claims that repeat one formula and figure
    # (the same objects, which live through this loop) name the same inputs
    same: dict[tuple[int, int], str | None] = {}
    for claim in claims.values():
        formula = claim.formula
        if formula is None:
            continue
        unit = claim.stated.unit
        ident = (id(formula), id(unit))
        if ident in same:
            message = same[ident]
        elif not all(n in claims for n in formula.names):
            message = same[ident] = None
        else:
            inputs = [claims[n].stated.unit for n in formula.names]
            key = (formula.program, unit.text, *[u.text for u in inputs])
            if key not in found:
                found[key] = _formula_dimension(formula, [u.dimension for u in inputs], unit)
            message = same[ident] = found[key]
        if message is not None:
            note(claim.line, f"claim '{claim.id}': {message}")
    for check in checks:
        assertion: Assertion = check.assertion
        if not all(n in claims for n in assertion.names):
            continue
        inputs = [claims[n].stated.unit for n in assertion.names]
        key = (assertion.lhs.program, assertion.rhs.program, *[u.text for u in inputs])
        if key not in found:
            try:
                assertion.dimension([u.dimension for u in inputs])
                found[key] = None
            except FigcheckError as err:
                found[key] = err.message
        if (message := found[key]) is not None:
            note(check.line, f"check '{check.id}': {message}")


def _formula_dimension(formula: Formula, inputs: list[Dimension], unit: Unit) -> str | None:
    """What is wrong with the dimensions of *formula* for a value in *unit*, if anything."""
    try:
        dim = formula.dimension(inputs)
    except FigcheckError as err:
        return err.message
    if dim != unit.dimension:
        return f"formula gives {dim} but the value is {unit.dimension}"
    return None
