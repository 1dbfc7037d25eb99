"""Init's fast paths give the answers of the plain forms they replace."""

from __future__ import annotations

import gc
import itertools
import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.document import draft_ids, draft_quotes, relations
from figcheck.document.coverage import counted, find_mentions
from figcheck.document.draft import (
    _Drafter,
    _first_lines,
    _first_lines_plain,
    _last_cue,
    _SentenceCues,
    draft,
    indexed_draft,
)
from figcheck.document.draft_ids import (
    _TOKEN,
    Ids,
    _nearest,
    _nearest_plain,
    _of_phrase,
    _singular,
    _tokens_before,
    _tokens_before_plain,
)
from figcheck.document.draft_quotes import _SPAN_WORD, _last_word
from figcheck.document.relations import _cues, _past_unit, nodes_of

# generated texts against the plain paths: the slow tier
pytestmark = pytest.mark.slow

_LINE_PIECES = st.sampled_from(
    ["Title", "a title", " ", "\t", "\n", "\r\n", "\r", "\u2028", "\x0c", "end.", "x" * 30, ""]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=40), st.integers(1, 12))
def test_first_lines_from_the_start_are_the_first_of_all_lines(
    pieces: list[str], head: int
) -> None:
    text = "".join(pieces)
    with mock.patch("figcheck.document.draft._HEAD", head):  # cuts anywhere, "\r\n" too
        assert _first_lines(text) == _first_lines_plain(text)


def test_first_lines_of_a_long_document() -> None:
    text = "\n" * 10_000 + "  Report on grain  \r\nnext line\n" + "body. " * 1_000
    assert _first_lines(text) == ("Report on grain", "next line") == _first_lines_plain(text)
    assert _first_lines("\n \n") == ("", "") == _first_lines_plain("\n \n")


_TOKEN_PIECES = st.sampled_from(
    ["the", "grain", "of", "12,400", "x" * 90, " ", "  ", ", ", ". ", "(", "“", "\n", ";"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TOKEN_PIECES, max_size=80), st.data())
def test_tokens_before_from_near_the_figure_are_the_last_tokens_of_all(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    count = data.draw(st.integers(1, 8))
    back = data.draw(st.sampled_from([1, 5, 20, 80]))
    with mock.patch.object(draft_ids, "_BACK", back):
        fast = _tokens_before(text, cuts[0], cuts[1], count)
    assert fast == _tokens_before_plain(text, cuts[0], cuts[1], count)


def _topic_plain(ids: Ids, mention: object, unit: str, clause: tuple[int, int]) -> list[str]:
    """Ids.topic as written before the tokens were read only as far as needed."""
    import bisect

    text = ids.text
    start_of = mention.start  # type: ignore[attr-defined]
    end_of = mention.end  # type: ignore[attr-defined]
    i = bisect.bisect_right(ids.sentences, start_of)
    sentence = (ids.sentences[i - 1], ids.sentences[i] if i < len(ids.sentences) else len(text))
    words: list[str] = []
    for start, end in (clause, sentence):
        after = [m.group() for m in _TOKEN.finditer(text, end_of, end)]
        if after and unit and after[0].lower() == unit.split()[0].lower():
            after = after[1:]
        if after and after[0].lower() == "of":
            words = _of_phrase(after[1:])
        if not words:
            before = [m.group() for m in _TOKEN.finditer(text, start, start_of)]
            words = _nearest_plain(before, after, unit)
        if words:
            break
    if words and unit:
        words[-1] = _singular(words[-1])
    return words


_TOPIC_WORDS = st.sampled_from(
    ["the", "of", "the", "farms", "tons", "grain", "members", "42", "7.5", "rose", "and", "all"]
)
_TOPIC_GAPS = st.sampled_from([" ", " ", ", ", ". ", "; ", " (", ") "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_TOPIC_WORDS, _TOPIC_GAPS), min_size=1, max_size=60), st.data())
def test_topic_from_the_first_tokens_is_the_topic_from_all(
    pairs: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = "".join(w + g for w, g in pairs)
    sentences = [0, *(m.end() for m in re.finditer(r"\.(?=\s|\Z)", text))]
    mentions = find_mentions(text)
    if not mentions:
        return
    mention = data.draw(st.sampled_from(mentions))
    unit = data.draw(st.sampled_from(["", "tons", "members of"]))
    lo = data.draw(st.integers(0, mention.start))
    hi = data.draw(st.integers(mention.end, len(text)))
    ids = Ids(text, sentences)
    assert ids.topic(mention, unit, (lo, hi)) == _topic_plain(ids, mention, unit, (lo, hi))


def test_counted_remembered_is_counted_afresh() -> None:
    text = "We sold 5 tons of grain, 12 people came, 3 kg and 7 households (40%). " * 3
    drafter = _Drafter(text, "doc.txt")
    for end in range(len(text) + 1):
        assert drafter.counted(end) == counted(text, end)
        assert drafter.counted(end) == counted(text, end)  # asked again: remembered


def test_cues_remembered_are_the_cues_read_afresh() -> None:
    text = (
        "Sales rose from $40 million to $52 million, up 30%, and 1,200 people, about 3 times "
        "as many, in total 5,000 units; the rest, 800 units, were lost. "
    ) * 4
    drafted, index = indexed_draft(text, source="doc.txt")
    from pathlib import Path

    from figcheck.claims.loader import parse

    nodes = nodes_of(parse(drafted.toml(), shown="draft", base=Path()), index)
    assert len(nodes) > 10
    finder = relations._Finder(text.lower(), nodes)
    low = text.lower()
    for _ in range(2):  # the second round is remembered
        for a, b in itertools.pairwise(nodes):
            assert finder.between(a, b) == _cues(_past_unit(a, low[a.end : b.start]))
        for node in nodes:
            for reach in (24, 60, 80):
                assert finder.before(node, reach) == _cues(
                    low[max(0, node.start - reach) : node.start]
                )
                assert finder.after(node, reach) == _cues(
                    _past_unit(node, low[node.end : node.end + reach])
                )


def test_a_short_quote_is_not_looked_up_by_short_keys() -> None:
    # labels such as "Region 2200" start quotes too short to stand: no index of 4-character
    # keys is built over the document for them
    text = "".join(
        f"Region {2200 + i}: sales rose by {i % 97}.5% to {i * 7} tons.\n" for i in range(3000)
    )
    drafted, index = indexed_draft(text, source="doc.txt")
    assert len(drafted.claims) > 3000
    assert {size for _, size in index._keys} == {16}


@pytest.mark.parametrize("enabled", [True, False])
def test_a_draft_restores_the_collector(enabled: bool) -> None:
    before = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        draft("Sales rose 5% to 12 tons.", source="doc.txt", suggest=True)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if before else gc.disable)()


def test_an_of_phrase_past_the_first_tokens() -> None:
    # determiners run on past the tokens read at first: the phrase is read from all of them
    text = "They sold 42 of " + "the all " * 12 + "collective farms. Then more."
    mention = next(m for m in find_mentions(text) if m.text == "42")
    ids = Ids(text, [0, text.index("Then")])
    clause = (0, text.index("."))
    assert ids.topic(mention, "", clause) == ["collective", "farms"]
    assert _topic_plain(ids, mention, "", clause) == ["collective", "farms"]


_NEAR_WORDS = st.sampled_from(["the", "tons", "ton", "grain", "Farms", "farm", "rose", "of", "x"])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_NEAR_WORDS, max_size=10),
    st.lists(_NEAR_WORDS, max_size=10),
    st.sampled_from(["", "tons", "farms", "x"]),
)
def test_nearest_words_picked_by_distance_are_the_nearest_sorted(
    before: list[str], after: list[str], unit: str
) -> None:
    assert _nearest(before, after, unit) == _nearest_plain(before, after, unit)


_WALK_PIECES = st.sampled_from(
    ["a", "word", "x" * 50, "y" * 90, " ", "  ", " " * 85, "\n", "\u00a0"]
)


def _walked_back_plain(text: str, lo: int, steps: int) -> list[int]:
    out = []
    for _ in range(steps):
        earlier = _last_word(text, lo)
        out.append(earlier)
        lo = earlier if earlier >= 0 else lo
    return out


def _walked_on_plain(text: str, hi: int, steps: int) -> list[int]:
    out = []
    for _ in range(steps):
        later = _SPAN_WORD.search(text, hi, hi + 80)
        out.append(later.end() if later is not None else -1)
        hi = later.end() if later is not None else hi
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(_WALK_PIECES, max_size=60), st.data())
def test_quotes_grown_from_stretches_read_at_once_grow_word_by_word(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    at = data.draw(st.integers(0, len(text)))
    stretch = data.draw(st.sampled_from([1, 7, 32, 256]))
    steps = 70
    with mock.patch.object(draft_quotes, "_STRETCH", stretch):
        back, on = draft_quotes._Back(text, at), draft_quotes._On(text, at)
    lo = hi = at
    walked_back, walked_on = [], []
    for _ in range(steps):
        earlier, later = back.step(lo), on.step(hi)
        walked_back.append(earlier)
        walked_on.append(later)
        lo = earlier if earlier >= 0 else lo
        hi = later if later >= 0 else hi
    assert walked_back == _walked_back_plain(text, at, steps)
    assert walked_on == _walked_on_plain(text, at, steps)


_CUE_PIECES = st.sampled_from(
    [
        "in total", "In Total", "totalling", "in totality", "a total of", "the sum of", "the rest",
        "restful", "remaining", "on average", "an average of", "net of", "the difference", "in",
        "all", "İ", "ΑΣ", "Σ", "_", "x", "5", " ", "  ", "\n", "\t", "-", ".", "in all", "al",
    ]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_CUE_PIECES, max_size=30), st.data())
def test_cues_of_a_sentence_found_once_are_the_cues_read_up_to_each_figure(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    cues = _SentenceCues(text, 0, start, len(text))
    for end in range(start, len(text) + 1):
        assert cues.last(end) == _last_cue(text, start, end), end


@pytest.mark.parametrize(
    "text", ["İ-remaining 5", "x İİ-in total", "ΑΣ-remaining", "in totalİ 5", "the rest_ 4"]
)
def test_cues_after_letters_that_lowering_lengthens(text: str) -> None:
    cues = _SentenceCues(text, 0, 0, len(text))
    found = [cues.last(end) for end in range(len(text) + 1)]
    assert found == [_last_cue(text, 0, end) for end in range(len(text) + 1)]


def test_cues_of_one_long_sentence_take_linear_time() -> None:
    # one sentence of 3,000 figures: each figure's cue is looked up, not read from its start
    text = "the index rose to 12.5 and then " * 3_000 + "in total 40 remaining. "
    drafter = _Drafter(text, "doc.txt")
    mentions = find_mentions(text)
    found = [drafter.derivation(m, 0) for m in mentions]
    assert found[:3] == [None, None, None]
    assert found[-1] == "in total"
    assert drafter._cues is not None
    assert drafter._cues.sentence == 0
