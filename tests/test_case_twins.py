"""Letters that case-blind patterns take for ASCII ones (ſ, ı, İ, K) read as those letters,
in number words, scale words, qualifiers and currency signs: never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figcheck.figures import lexicon
from figcheck.figures.figure import parse_figure
from figcheck.figures.numbers import find_amounts
from tests.common import run

TWINS = {"s": "\u017f", "i": "\u0131", "k": "\u212a", "I": "\u0130"}
WORDS = sorted({*lexicon.SCALES, *lexicon.OPEN_BOUNDS, *lexicon.RATIO_WORDS, "eight", "dozen"})


def twin(text: str, which: set[str]) -> str:
    return "".join(TWINS[c] if c in which and c in TWINS else c for c in text)


def readings(text: str) -> list[tuple[float, float, str | None, str | None]]:
    return [(a.value, a.scale, a.scale_word, a.currency) for a in find_amounts(text)]


@pytest.mark.parametrize(
    ("text", "value", "scale_word", "currency"),
    [
        ("5 m\u0131ll\u0131on", 5e6, "million", None),
        ("5 million\u017f of", 5e6, "million", None),
        ("us$5", 5.0, None, "USD"),
        ("a$5", 5.0, None, "AUD"),
        ("e\u0131ght people", 8.0, None, None),
        ("about 5 \u212ailo", 5.0, None, None),
    ],
)
def test_twins_read_as_their_letters(
    text: str, value: float, scale_word: str | None, currency: str | None
) -> None:
    amount = find_amounts(text)[0]
    assert (amount.value, amount.scale_word, amount.currency) == (value, scale_word, currency)


def test_a_value_with_a_twin_is_read() -> None:
    figure = parse_figure("a$5")
    assert (figure.amount.value, figure.amount.currency) == (5.0, "AUD")
    assert parse_figure("e\u0131ght").amount.value == 8.0


@pytest.mark.slow
@given(st.sampled_from(WORDS), st.sets(st.sampled_from(sorted(TWINS))), st.booleans())
def test_spelling_with_twins_reads_the_same(word: str, which: set[str], upper: bool) -> None:
    """A twin inside a word reads as its letter; one that opens a word may leave the word
    unread (no reader takes "\u017feven" for a number), but never reads it otherwise."""
    written = word.upper() if upper else word
    inside = written[0] + twin(written[1:], which)
    opened = twin(written, which)
    for text in ("5 {} people", "{} of them", "about {} 7"):
        plain = readings(text.format(written))
        assert readings(text.format(inside)) == plain
        assert set(readings(text.format(opened))) <= set(plain)


def test_a_document_with_twins_gives_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        "It cost 5 million\u017f, us$5 and e\u0131ght m\u0131ll\u0131on.\n", encoding="utf-8"
    )
    (tmp_path / "claims.toml").write_text(
        '[document]\nsource = "doc.txt"\n\n[claims.a]\nquote = "us$5"\nvalue = "US$5"\n',
        encoding="utf-8",
    )
    done = run("coverage", tmp_path / "claims.toml")
    assert "Traceback" not in done.stderr
    assert done.exit_code == 0
    # "us$5" is US$5, in a document as in a value, and the claim covers it
    assert done.stdout.endswith("1 of 3 quantities covered (33.3%)\n")
