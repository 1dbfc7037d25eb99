"""The loader's fast paths give what the plain ones give: the cycle walk that steps past done
formulas, the claims kept by their table's shape, and the line index's bodies read lazily."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims import loader, rules
from figcheck.claims.tomllines import LineIndex
from figcheck.errors import ProblemsError


def _plain_cycles(formulas: Mapping[str, SimpleNamespace]) -> list[tuple[int | None, str]]:
    """The walk without its shortcut, as the rules wrote it before."""
    notes: list[tuple[int | None, str]] = []
    state: dict[str, int] = {}
    for root in formulas:
        if root in state:
            continue
        path = [root]
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
                notes.append((len(cycle), "formula cycle: " + " -> ".join(cycle)))
            elif node not in state:
                state[node] = 1
                path.append(node)
                iters.append(iter(formulas[node].names))
    return notes


class _Lines:
    def table(self, *path: str) -> int:
        return 0


_GRAPHS = st.dictionaries(
    st.sampled_from([f"c{i}" for i in range(8)]),
    st.lists(st.sampled_from([f"c{i}" for i in range(10)]), max_size=3),
    max_size=8,
)


@pytest.mark.slow
@settings(deadline=None)
@given(_GRAPHS)
def test_the_cycle_walk_notes_what_the_plain_walk_notes(graph: dict[str, list[str]]) -> None:
    formulas = {cid: SimpleNamespace(names=tuple(names)) for cid, names in graph.items()}
    notes: list[tuple[int | None, str]] = []
    rules.cycles(lambda _, message: notes.append((0, message)), _Lines(), formulas)  # type: ignore[arg-type]
    assert [m for _, m in notes] == [m for _, m in _plain_cycles(formulas)]


def test_the_cycle_walk_finds_cycles_past_done_formulas() -> None:
    graph = {"a": ("x",), "b": ("a", "c"), "c": ("b",), "d": ("d",), "e": ("a", "d")}
    formulas = {cid: SimpleNamespace(names=names) for cid, names in graph.items()}
    notes: list[str] = []
    rules.cycles(lambda _, message: notes.append(message), _Lines(), formulas)  # type: ignore[arg-type]
    assert notes == ["formula cycle: b -> c -> b", "formula cycle: d -> d"]


_CLAIM = st.fixed_dictionaries(
    {
        "value": st.sampled_from(
            ["1,000 tonnes", "about 5 percent", "12 members", "over 3 million", "2.5 kg", "x"]
        ),
    },
    optional={
        "section": st.sampled_from(["Region 0", "Region 1"]),
        "quote": st.sampled_from(["the north produced 1,000 tonnes", "12 people"]),
        "formula": st.sampled_from(["base", "crowd * 2", "base / base", "nope +", "missing"]),
        "note": st.sampled_from(["a note"]),
        "integer": st.booleans(),
        "precision": st.sampled_from(["1 tonne"]),
    },
)


def _toml(claims: list[dict[str, object]]) -> str:
    out = ['[document]\nsource = "doc.txt"\n\n[units]']
    out.append('members = { unit = "person", count = true }\n')
    out.append('[claims.base]\nvalue = "1,000 tonnes"\n\n[claims.crowd]\nvalue = "10 members"\n')
    for i, claim in enumerate(claims):
        out.append(f"[claims.c{i}]")
        for key, value in claim.items():
            written = str(value).lower() if isinstance(value, bool) else f'"{value}"'
            out.append(f"{key} = {written}")
        out.append("")
    return "\n".join(out)


def _load(text: str) -> object:
    try:
        return loader.parse(text, shown="claims.toml", base=Path("."))
    except ProblemsError as err:
        return [(p.location.line, p.message) for p in err.problems]


@pytest.mark.slow
@pytest.mark.parametrize("kept", [0, 2, 2048])
@settings(deadline=None)
@given(claims=st.lists(_CLAIM, max_size=12))
def test_claims_kept_by_shape_are_the_claims_made_afresh(
    kept: int, claims: list[dict[str, object]]
) -> None:
    text = _toml(claims * 3)
    fresh = _load(text)
    original = loader._SHAPES
    loader._SHAPES = kept
    try:
        shaped = _load(text)
    finally:
        loader._SHAPES = original
    assert shaped == fresh


def test_a_repeated_claim_is_made_from_its_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _toml([{"value": "12 members", "formula": "crowd", "section": "S"}] * 5)
    builder_shapes: list[int] = []
    real = loader._Builder.build

    def build(self: loader._Builder, *args: Any) -> Any:
        out = real(self, *args)
        builder_shapes.append(self.shape_hits)
        return out

    monkeypatch.setattr(loader._Builder, "build", build)
    claims = loader.parse(text, shown="claims.toml", base=Path(".")).claims
    assert builder_shapes == [4]
    assert [c.id for c in claims] == ["base", "crowd", "c0", "c1", "c2", "c3", "c4"]
    assert [c.line for c in claims] == [7, 10, 13, 18, 23, 28, 33]
    assert {c.stated.text for c in claims[2:]} == {"12 members"}
    assert all(c.integer for c in claims[1:])
    assert all(c.section == "S" and c.formula is claims[2].formula for c in claims[2:])


_LINES = st.lists(
    st.sampled_from(
        [
            "[a]",
            "[a.b]",
            "[[c]]",
            "[[c]] # again",
            "[[a.b]]",
            "[ f . g ]",
            '["q.r"]',
            "x = 1",
            "y.z = 2",
            '"k" = 3',
            "",
            "# [not]",
            "[e] # c",
            "  [d]",
            "[bad",
        ]
    ),
    max_size=20,
    unique=True,  # a table declared twice is invalid TOML: its first body holds its keys
)
_ASKS = st.lists(
    st.lists(st.sampled_from([*"abcdefgxyzk", "q.r", "0"]), max_size=3),
    max_size=8,
)


@pytest.mark.slow
@settings(deadline=None)
@given(_LINES, _ASKS)
def test_lazy_bodies_give_the_lines_a_line_by_line_pass_gives(
    lines: list[str], asks: list[list[str]]
) -> None:
    text = "\n".join(lines)
    lazy = LineIndex(text)
    plain = LineIndex(text + '\n# """')  # a multi-line string mark: read line by line
    for path in asks:
        assert lazy.key(*path) == plain.key(*path)
        assert lazy.table(*path) == plain.table(*path)
    assert lazy.keys == plain.keys
    assert lazy.tables == plain.tables
    assert lazy.arrays == plain.arrays


def _plain_dimensions(claims: Mapping[str, Any]) -> list[tuple[int | None, str]]:
    """The formulas' dimension notes, each worked out on its own."""
    notes: list[tuple[int | None, str]] = []
    for claim in claims.values():
        formula = claim.formula
        if formula is None or not all(n in claims for n in formula.names):
            continue
        inputs = [claims[n].stated.unit.dimension for n in formula.names]
        message = rules._formula_dimension(formula, inputs, claim.stated.unit)
        if message is not None:
            notes.append((claim.line, f"claim '{claim.id}': {message}"))
    return notes


_VALUES = ["1,000 tonnes", "12 people", "5 percent", "3 kg per person", "7"]
_FORMULAS = [None, "a", "a + b", "a / b", "a * b", "c", "a + missing"]


@pytest.mark.slow
@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_VALUES), st.sampled_from(_FORMULAS)), max_size=12))
def test_dimension_notes_are_the_ones_worked_out_alone(
    claims: list[tuple[str, str | None]],
) -> None:
    from figcheck.claims.compiler import compile_formula
    from figcheck.claims.model import Claim
    from figcheck.claims.values import stated_from_text
    from figcheck.figures.units import UnitTable

    units = UnitTable()
    stated = {text: stated_from_text(text, units, 0.1, None) for text in _VALUES}
    made = {
        cid: Claim(
            cid, line, stated[value], formula=None if source is None else compile_formula(source)
        )
        for line, (cid, (value, source)) in enumerate(zip("abcdefghijkl", claims, strict=False))
    }
    notes: list[tuple[int | None, str]] = []
    rules.dimensions(lambda line, message: notes.append((line, message)), made, ())
    assert notes == _plain_dimensions(made)


def test_a_repeated_formula_with_wrong_dimensions_is_noted_for_each_claim() -> None:
    text = _toml([{"value": "1,000 tonnes", "formula": "crowd"}] * 3)
    problems = _load(text)
    assert problems == [
        (line, f"claim 'c{i}': formula gives [person] but the value is [mass]")
        for i, line in enumerate((13, 17, 21))
    ]


_PIECES = st.lists(
    st.sampled_from(["  ", "if", "_x", "a.b", "1e3"])
    | st.sampled_from(
        [*"ab+-*/(),<> ", "c_1", "n0", "n1", "max", "abs", "2", "0.5", "<=", ">=", "==", "="],
    ),
    min_size=1,
    max_size=12,
)


def _facts(assertion: Any) -> tuple[object, ...]:
    sides = (assertion.lhs, assertion.rhs, assertion.difference)
    return (
        assertion.source,
        assertion.op,
        assertion.names,
        *[(f.source, f.names, f.program, f.repeated, f.share) for f in sides],
    )


@pytest.mark.slow
@settings(deadline=None, max_examples=400)
@given(_PIECES)
def test_an_assertion_by_its_shape_is_the_one_compiled_afresh(pieces: list[str]) -> None:
    from figcheck.claims import compiler
    from figcheck.errors import FormulaError

    text = "".join(pieces).strip() or "a"
    shaped = compiler._assertion_by_shape(text)
    try:
        fresh = compiler._compile_assertion(text)
    except FormulaError:
        assert shaped is None
        return
    if shaped is not None:
        assert _facts(shaped) == _facts(fresh)


def test_assertions_by_shape() -> None:
    from figcheck.claims import compiler

    for text in ["a + b <= total", "n1 * 2 > n0", "max(a, b) >= abs(c - a)", "(x + y) < x / 2"]:
        shaped = compiler._assertion_by_shape(text)
        assert shaped is not None
        assert _facts(shaped) == _facts(compiler._compile_assertion(text))
    assert compiler._assertion_by_shape("a <= b <= c") is None
    assert compiler._assertion_by_shape("a ≤ b") is None
