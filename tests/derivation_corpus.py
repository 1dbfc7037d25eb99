"""Precision and recall of init's suggested formulas against hand-written derivations.

Each file in tests/corpus/derivations/ names the figures of one real passage by the words
around them (the figure in brackets) and gives the formulas a careful reader writes. The
measurement drafts the passage as ``figcheck init`` does, places each drafted claim in the
text, and compares every suggestion with the human formulas: the same relation over the same
figures, equal up to commutativity and rearrangement (checked by evaluating both on random
positive inputs). Print the figures with ``uv run python -m tests.derivation_corpus``.
"""

from __future__ import annotations

import ast
import operator
import random
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from figcheck.claims.loader import parse
from figcheck.document.draft import indexed_draft, with_suggestions
from figcheck.document.relations import nodes_of
from figcheck.io.formats import format_of, read_source

CORPUS = Path(__file__).parent / "corpus"
DERIVATIONS = CORPUS / "derivations"
_TRIALS = 6
_BRACKET = re.compile(r"\[([^\]]*)\]")
_OCCURRENCE = re.compile(r"\s+@(\d+)$")


@dataclass(frozen=True, slots=True)
class Relation:
    """target = formula, over named figures."""

    target: str
    formula: str

    def names(self) -> frozenset[str]:
        return frozenset({self.target, *_names(self.formula)})


@dataclass(frozen=True, slots=True)
class Passage:
    """One passage's measurement."""

    name: str
    formulas: int  # the human formulas
    found: tuple[str, ...]  # the human formulas (targets) a suggestion matches
    missed: tuple[str, ...]  # the human formulas no suggestion matches
    unplaced: tuple[str, ...]  # human figures that no drafted claim covers
    out_of_reach: int  # human formulas over a figure the draft makes no claim of
    asserts: int  # human checks; init writes none
    suggestions: int
    wrong: tuple[str, ...]  # suggestions that match no human formula, as "target = formula"


@dataclass(frozen=True, slots=True)
class Measurement:
    passages: tuple[Passage, ...]

    @property
    def formulas(self) -> int:
        return sum(p.formulas for p in self.passages)

    @property
    def found(self) -> int:
        return sum(len(p.found) for p in self.passages)

    @property
    def out_of_reach(self) -> int:
        return sum(p.out_of_reach for p in self.passages)

    @property
    def asserts(self) -> int:
        return sum(p.asserts for p in self.passages)

    @property
    def suggestions(self) -> int:
        return sum(p.suggestions for p in self.passages)

    @property
    def right(self) -> int:
        return self.suggestions - sum(len(p.wrong) for p in self.passages)


def measure() -> Measurement:
    return Measurement(tuple(measure_one(path) for path in sorted(DERIVATIONS.glob("*.toml"))))


def measure_one(path: Path) -> Passage:
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    document = CORPUS / spec["passage"]
    read = read_source(document, format_of(document), allow_empty=False)  # as init reads it
    text = read.text
    spans = place_figures(read.source, spec["figures"])  # the words as the file stores them
    human = [Relation(t, f) for t, f in spec.get("formulas", {}).items()]
    drafted, index = indexed_draft(
        text, source=document.name, fallback_title=document.stem, origin=read
    )
    suggested = with_suggestions(drafted, index)
    claims_file = parse(suggested.toml(), shown="draft", base=CORPUS)
    placed = {
        n.id: (read.source_offset(n.start), read.source_offset(n.end - 1) + 1)
        for n in nodes_of(claims_file, index)
    }
    # each human figure is the drafted claim whose figure covers it
    rename = {}
    for name, (start, end) in spans.items():
        for ident, (lo, hi) in placed.items():
            if lo < end and start < hi:
                rename[name] = ident
                break
    machine = [
        Relation(c.id, c.formula.source) for c in claims_file.claims if c.formula is not None
    ]
    mapped = [_renamed(r, rename) for r in human]
    found = [
        h.target
        for h, m in zip(human, mapped, strict=True)
        if m is not None and any(_same(m, s) for s in machine)
    ]
    wrong = [
        f"{s.target} = {s.formula}"
        for s in machine
        if not any(m is not None and _same(m, s) for m in mapped)
    ]
    return Passage(
        path.stem,
        len(human),
        tuple(found),
        tuple(h.target for h in human if h.target not in found),
        tuple(name for name in spans if name not in rename),
        sum(m is None for m in mapped),
        len(spec.get("asserts", {})),
        len(machine),
        tuple(wrong),
    )


def place_figures(text: str, figures: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """The span in *text* of each named figure: ``"a, b" = "words [1] and [2] @N"`` names the
    bracketed figures of the Nth place (default: the only one) where the words stand, with
    runs of whitespace matching any run of whitespace."""
    folded, where = _fold(text)
    out = {}
    for key, anchor in figures.items():
        names = [n.strip() for n in key.split(",")]
        m = _OCCURRENCE.search(anchor)
        nth = int(m[1]) if m else None
        anchor = anchor[: m.start()] if m else anchor
        plain, _ = _fold(_BRACKET.sub(r"\1", anchor))
        marks = []  # (start, end) of each bracketed figure in the folded anchor
        rest = anchor
        for b in _BRACKET.finditer(anchor):
            start = len(_fold(_BRACKET.sub(r"\1", rest[: b.start()]))[0])
            marks.append((start, start + len(b[1])))
        hits = [i for i in range(len(folded)) if folded.startswith(plain, i)]
        if nth is None and len(hits) != 1:
            raise ValueError(f"{key}: {len(hits)} places for {anchor!r}")
        at = hits[(nth or 1) - 1]
        if len(marks) != len(names):
            raise ValueError(f"{key}: {len(names)} names for {len(marks)} figures")
        for name, (lo, hi) in zip(names, marks, strict=True):
            out[name] = (where[at + lo], where[at + hi - 1] + 1)
    return out


def _fold(text: str) -> tuple[str, list[int]]:
    """*text* with each run of whitespace as one space, and where each character came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def _renamed(r: Relation, rename: Mapping[str, str]) -> Relation | None:
    if not r.names() <= rename.keys():
        return None  # a figure the draft makes no claim of: out of every suggestion's reach
    formula = r.formula
    for k, n in re.findall(r"\b([A-Za-z_]\w*) / ([A-Za-z_]\w*)\b", formula):
        if rename[k] == rename[n]:  # "11/34" drafted as one figure: the fraction itself
            formula = formula.replace(f"{k} / {n}", k)
    formula = re.sub(r"[A-Za-z_]\w*", lambda m: rename.get(m[0], m[0]), formula)
    return Relation(rename[r.target], formula)


def _same(a: Relation, b: Relation) -> bool:
    """The same relation: the same figures, and every point that satisfies *b* satisfies *a*
    (so ``t = x + y`` is ``x = t - y``, and ``p = k / n`` is ``p = (k / n)``)."""
    if a.names() != b.names():
        return False
    rng = random.Random(15)
    for _ in range(_TRIALS):
        values = {n: rng.uniform(1.0, 10.0) for n in b.names() - {b.target}}
        try:
            values[b.target] = _evaluate(b.formula, values)
            got = _evaluate(a.formula, values)
        except ZeroDivisionError:
            return False
        want = values[a.target]
        if abs(got - want) > 1e-9 * max(1.0, abs(want)):
            return False
    return True


_OPERATORS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}


def _evaluate(formula: str, values: Mapping[str, float]) -> float:
    def value(node: ast.expr) -> float:
        if isinstance(node, ast.BinOp):
            return _OPERATORS[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand)
        if isinstance(node, ast.Name):
            return values[node.id]
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        raise ValueError(f"not a plain formula: {formula}")

    return value(ast.parse(formula, mode="eval").body)


def _names(formula: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(formula, mode="eval")) if isinstance(n, ast.Name)}


def main() -> None:
    m = measure()
    for p in m.passages:
        print(
            f"{p.name}: found {len(p.found)} of {p.formulas}, right {p.suggestions - len(p.wrong)}"
            f" of {p.suggestions}, asserts {p.asserts}"
        )
        for target in p.missed:
            print(f"  missed {target}")
        if p.unplaced:
            print(f"  not drafted: {', '.join(p.unplaced)}")
        for s in p.wrong:
            print(f"  wrong  {s}")
    print(
        f"recall {m.found}/{m.formulas} = {m.found / m.formulas:.1%}; precision"
        f" {m.right}/{m.suggestions} = {m.right / m.suggestions:.1%}; asserts {m.asserts};"
        f" formulas over an undrafted figure {m.out_of_reach}"
    )


if __name__ == "__main__":
    main()
