"""init's suggestions measured against hand-written derivations of real passages."""

from __future__ import annotations

import pytest

from tests.derivation_corpus import Relation, _same, measure, place_figures

# the measured figures (docs/relations.md); a change to the finder may raise them, never lower
FORMULAS = 91  # the human formulas of the 17 passages
ASSERTS = 2
FOUND = 70
SUGGESTIONS = 73
RIGHT = 70


@pytest.mark.slow
def test_recall_and_precision_do_not_drop() -> None:
    m = measure()
    assert (len(m.passages), m.formulas, m.asserts) == (17, FORMULAS, ASSERTS)
    assert m.found >= FOUND
    assert m.right >= RIGHT
    assert m.right * SUGGESTIONS >= RIGHT * m.suggestions  # precision no lower


def test_a_relation_equals_its_rearrangement() -> None:
    total = Relation("t", "a + b")
    assert _same(total, Relation("a", "t - b"))
    assert _same(total, Relation("t", "b + a"))
    assert not _same(total, Relation("t", "a - b"))
    assert not _same(total, Relation("t", "a + c"))
    assert _same(Relation("p", "(k - n) / n"), Relation("k", "n * (1 + p)"))
    assert not _same(Relation("p", "k / n"), Relation("p", "k / n * 1000"))


def test_figures_are_placed_by_the_words_around_them() -> None:
    text = "Of 40  apples,\n12 (30%) were red; 12 were green."
    spans = place_figures(text, {"k, p": "Of 40 apples, [12] ([30%])", "g": "[12] @2"})
    assert {name: text[a:b] for name, (a, b) in spans.items()} == {
        "k": "12",
        "p": "30%",
        "g": "12",
    }
