"""The draft's fast paths give the answers of the plain ones they replace."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.check import quotes
from figcheck.check.quotes import QuoteIndex, _inside
from figcheck.document.draft import _Drafter, _negated
from figcheck.document.draft_ids import _ascii
from figcheck.document.draft_quotes import _ClauseEnds, clause_start, words_back
from figcheck.figures.numbers import find_amounts, plain, reads_back

# generated texts and documents against the plain paths: the slow tier
pytestmark = pytest.mark.slow

_WORDS = st.sampled_from(
    ["the", "north", "grew", "12,400", "400", "5", "people", "of", "grain", "a", "(about", "so."]
)
_GAPS = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "  "])


def _text(pairs: list[tuple[str, str]]) -> str:
    return "".join(word + gap for word, gap in pairs)


def _occurrences(text: str, quote: str) -> list[int]:
    """Every place *quote* occurs in *text* that does not start inside a word: the plain way."""
    found = []
    at = text.find(quote)
    while at >= 0:
        if not _inside(text, at, quote):
            found.append(at)
        at = text.find(quote, at + 1)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=80), st.data())
def test_unique_by_word_keys_counts_as_a_plain_search(
    pairs: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = _text(pairs)
    index = QuoteIndex(text, "doc.txt")
    folded = index._kept.text
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    quote = quotes.fold(text[cuts[0] : cuts[1]])
    # word keys of 4 and 16 characters on a short text, as on a long one
    with mock.patch.object(quotes, "_LONG", 0), mock.patch.object(quotes, "_HEAVY", 2):
        first, second = QuoteIndex(text, "doc.txt"), QuoteIndex(text, "doc.txt")
        places = _occurrences(folded, quote) if quote else []
        assert first.unique(quote) is (len(places) == 1)
        span = first._kept.original_span(places[0], places[0] + len(quote)) if places else None
        assert first.span(quote) == span
        # the span asked first, then whether the quote is unique
        assert second.span(quote) == first.span(quote)
        assert second.unique(quote) is (len(places) == 1)
    assert index.unique(quote) is (len(places) == 1)


def test_unique_in_a_long_repetitive_document() -> None:
    phrase = "The north grew 12,400 tonnes of grain and the south "
    text = "".join(f"{phrase}{i % 97} tons. " for i in range(2_000))
    assert len(text) > 50_000
    index = QuoteIndex(text, "doc.txt")
    assert not index.unique(f"{phrase}5 tons")  # regions 5, 102, 199, ...
    assert index.unique(f"tons. {phrase}5 tons. {phrase}6 tons. {phrase}7 tons") is False
    assert index.unique("400 tonnes") is False
    assert index.span("400 tonnes") is None  # inside "12,400"
    once = "The north grew 12,400 tonnes of grain and the south 96 tons. The north"
    assert not index.unique(once)
    assert index.span(once) == (text.index(once), text.index(once) + len(once))


_CLAUSE_PIECES = st.sampled_from(
    ["a", " ", "  ", "\n", "\n\n", " \n \n", ".", ",", ";", "(", ")", " – ", "—", "–", "“", "7"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CLAUSE_PIECES, max_size=60), st.data())
def test_clause_start_looked_up_is_the_clause_start_searched(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    ends = _ClauseEnds(text)
    for _ in range(10):
        at = data.draw(st.integers(0, len(text)))
        lo = data.draw(st.integers(max(0, at - 12), at))
        assert ends.start(lo, at) == clause_start(text, lo, at), (text, lo, at)


def test_clause_start_across_the_window_edge() -> None:
    text = "one – two, three. four five 25"
    ends = _ClauseEnds(text)
    assert [ends.start(lo, 28) for lo in (0, 3, 4, 5, 6)] == [17, 17, 17, 17, 17]
    assert ends.start(0, 9) == 6  # after "one – "
    assert ends.start(4, 9) == clause_start(text, 4, 9) == 4  # from inside " – ": none
    assert ends.start(0, 10) == 10  # the comma before it ends a clause
    assert clause_start(text, 0, 10) == 10


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Région", "Straße", "über", "x-ray", "5th", "ÆON", "", "a b"])))
def test_id_words_remembered_are_the_words_made_afresh(words: list[str]) -> None:
    for word in words:
        assert _ascii(word) == _ascii.__wrapped__(word)
    assert _ascii("Région") == "region"
    assert _ascii("x-ray") == "x_ray"


_SPAN_PIECES = st.sampled_from(["a", "bb", " ", "\n", "  ", "x" * 50, "\u00a0", "."])


@settings(max_examples=500, deadline=None)
@given(st.lists(_SPAN_PIECES, max_size=80))
def test_words_back_from_near_a_figure_are_the_words_from_the_clause_start(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    word = re.compile(r"\S+")
    for start in range(0, len(text) + 1, 7):
        for at in range(start, len(text) + 1, 13):
            plain = [m.start() for m in word.finditer(text, start, at)]  # as quotes were made
            for count in (1, 4):
                expected = plain[-count:][0] if plain else at
                assert words_back(text, start, at, count) == expected


def test_words_back_past_a_long_run_without_spaces() -> None:
    text = "one two " + "x" * 200 + " 25"
    assert words_back(text, 0, len(text) - 2, 4) == 0
    assert words_back(text, 0, len(text) - 2, 1) == 8
    assert words_back(text, 0, 200, 1) == 8  # the long word, cut at 200


_NUMBERS = st.sampled_from(["1,234", "1.234", "12.5%", "$3", "-4", "3 million", "(319)", "two"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_NUMBERS, min_size=1, max_size=12), st.lists(_NUMBERS, max_size=12))
def test_readings_remembered_are_the_readings_made_afresh(
    document: list[str], written: list[str]
) -> None:
    text = " and ".join(document)
    drafter = _Drafter(text, "doc.txt")
    amounts = find_amounts(text)
    for amount in amounts * 2:
        for again in [*written, amount.text]:
            assert drafter.reads_back(again, amount) is reads_back(again, amount)
            assert drafter.reads_back(again, _negated(amount)) is reads_back(
                again, _negated(amount)
            )
    assert [drafter.written(a) for a in amounts] == [
        a.text if reads_back(a.text, a) else plain(a) for a in amounts
    ]
