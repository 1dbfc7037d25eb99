"""The fast paths of reading a document find what the plain forms they stand for find.

Coverage reads every figure of a document, so its regexes are written for the regex engine's
quick paths (a first character to skip to, a common form tried first, a word's first letter
compared before its alternatives) and its tests are cheap ones made before the searches.
Each test here holds a fast form to the plain one it replaces, on the same text: the number
scanner to the full grammar alone, the qualifier search to one alternation of the phrases,
the folds, the digit runs and the digit arithmetic to their plain formulas.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from array import array
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from figcheck.check import quotes
from figcheck.document import coverage
from figcheck.figures import figure, numbers
from figcheck.figures.numbers import COMMA, POINT, Style
from figcheck.text import shorten

# thousands of generated texts against the plain forms: the slow tier
pytestmark = pytest.mark.slow

# Pieces of prose around numbers: every form the scanner's common branch stands in for, and
# what may follow digits and change their reading (scale words, percents, exponents,
# ordinals, suffixes, ratios, fractions), with the spaces and case changes between them.
_PIECES = st.sampled_from(
    [" ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u202f", "\r\n", "-", "–", "−", "+",
     ",", ".", "/", "%", ":", "(", ")", "|", "^", "*", "x", "×", "·", "&thinsp;", "&#160;",
     "<sup>", "0", "1", "5", "10", "12", "99", "100", "999", "1000", "2020", "3,150",
     "1,234,567", "1.234", "1.234,5", "9,5", "0.125", ".03", "1 000", "45/192", "1/2",
     "1e5", "2E-3", "10^6", "10⁶", "²", "k", "K", "m", "M", "mn", "bn", "B", "tn", "T",
     "st", "nd", "th", "e", "£", "$", "US$", "€", "in", "IN", "İn", "ın", "every", "years",
     "per", "per cent", "Percent", "percentage", "thousand", "Million", "millions", "mio",
     "mrd", "milliards", "trillion", "billions", "billionaire", "thousands", "tonnes",
     "people", "and", "a", "one", "twenty-one", "hundred", "half", "a third", "dozen",
     "doubled", "about", "more than", "between", "ſome", "\u212aelvin", "é", "_", "٣"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)
_STYLES = st.sampled_from([None, POINT, COMMA, Style(".", mixed=True), Style(",", mixed=True)])


_FULL_GRAMMAR = {"common": False}  # the scanner without its common digit forms tried first
_NO_OPENING = {"opening": False}  # the scanner without its class of first characters


@functools.cache
def _scanner(options: tuple[tuple[str, bool], ...]) -> Any:
    return numbers._scanner(**dict(options))


def _amounts_with(options: dict[str, bool], text: str, style: Style | None) -> list[numbers.Amount]:
    """The amounts find_amounts reads with the scanner built with *options*."""
    saved = numbers._SCAN
    numbers._SCAN = _scanner(tuple(options.items()))
    try:
        return numbers.find_amounts(text, style)
    finally:
        numbers._SCAN = saved


@settings(max_examples=600, deadline=None)
@given(_TEXTS, _STYLES)
def test_the_scanners_common_forms_read_as_the_full_grammar_does(
    text: str, style: Style | None
) -> None:
    assert numbers.find_amounts(text, style) == _amounts_with(_FULL_GRAMMAR, text, style)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, _STYLES)
def test_the_scanners_class_of_first_characters_holds_every_amounts_first(
    text: str, style: Style | None
) -> None:
    assert numbers.find_amounts(text, style) == _amounts_with(_NO_OPENING, text, style)


@pytest.mark.parametrize(
    "text",
    [
        "It grew 2×10³ times, 5 x 10^4, 3·10⁵ and 10⁶ (not 5²).",
        "6,818 tonnes, 58.8 percent, 4 per cent, 22\nmillion, 1.3 million percent, 7 Mrd",
        "1 in 5, 1 in every 10 years, 5 in the spring, 3/4 and 45/192 (23.4%), 12/05/2020",
        "1st, 2nd, 3K, 4k, 5M, 6bn, 7T, 8km, 9 km, 1e5, 2E-3, 3 İn 4, 5 ınch, 6 ſome",
        "| 1,234 | (319) | $ | 3 |\n| 5 000 | 1&thinsp;000 | 7&#160;000 |",
        "Figures run on: 100 000 000, 1.234.567, 1.234,5, 9,5 and 0,125.",
    ],
)
def test_common_forms_in_prose_read_as_the_full_grammar_does(text: str) -> None:
    for style in (None, POINT, COMMA, Style(",", mixed=True)):
        assert numbers.find_amounts(text, style) == _amounts_with(_FULL_GRAMMAR, text, style)


def _split_plainly(raw: str, style: Style) -> tuple[str, str, str]:
    """numbers._split as first written: every space mark removed, every group length tested."""
    if raw.isdigit():
        return raw, "", ""
    written = raw
    for space in (" ", "\u00a0", "\u2009", "\u202f", "&thinsp;", "&nbsp;", "&#8201;", "&#160;"):
        raw = raw.replace(space, "")
    comma, point = raw.rfind(","), raw.rfind(".")
    if comma < 0 and point < 0:
        return raw, "", ""
    mark = (
        ("," if comma > point else ".") if comma >= 0 and point >= 0 else "," if comma >= 0 else "."
    )
    groups = raw.split(mark)
    grouped = len(groups) > 1 and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    guess = ""
    if (comma >= 0 and point >= 0) or not grouped or raw[0] in "0.":
        decimal = mark
        one_mark = comma < 0 or point < 0
        if raw != written and one_mark and mark != style.decimal and len(groups[-1]) == 3:
            guess = f'"{written}" could be read with "{mark}" as a thousands mark'
    elif len(groups) > 2:
        decimal = ""
    else:
        decimal = mark if mark == style.decimal else ""
        if style.mixed:
            other = "thousands" if decimal else "decimal"
            guess = f'"{raw}" could be read with "{mark}" as a {other} mark'
    if not decimal:
        return raw.replace(",", "").replace(".", ""), "", guess
    whole, _, decimals = raw.rpartition(decimal)
    return whole.replace(",", "").replace(".", ""), decimals, guess


def _digits_plainly(whole: str, decimals: str, scale: int) -> tuple[float, float, float, float]:
    """numbers._digits as first written, for no exponent."""
    whole = whole.lstrip("0") or "0"
    digits = int(whole + decimals)
    down = 10 ** len(decimals)
    value, mantissa, s = digits * scale / down, digits / down, scale / down
    if decimals or not digits:
        return value, mantissa, s, s
    place = 1
    while digits % 10 == 0:
        digits //= 10
        place *= 10
    return value, mantissa, s, float(place * scale)


_DIGIT_STRINGS = st.one_of(
    st.from_regex(r"[0-9]{1,3}(?:[,.][0-9]{3}){0,3}(?:[.,][0-9]{1,4})?", fullmatch=True),
    st.from_regex(
        r"[0-9]{1,3}(?:(?: |\u00a0|&thinsp;|&#160;)[0-9]{3}){1,3}(?:[.,][0-9]{1,4})?",
        fullmatch=True,
    ),
    st.from_regex(r"0*[0-9]{1,40}(?:\.[0-9]{1,40})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}0{1,30}", fullmatch=True),
)


@settings(max_examples=400, deadline=None)
@given(
    _DIGIT_STRINGS,
    _STYLES.filter(lambda s: s is not None),
    st.sampled_from([1, 10**3, 10**6, 10**9, 10**12]),
)
def test_digits_are_split_and_valued_as_their_plain_formulas(
    raw: str, style: Style, scale: int
) -> None:
    split = numbers._split(raw, style)
    assert split == _split_plainly(raw, style)
    whole, decimals, _ = split
    assert numbers._digits(whole, decimals, scale) == _digits_plainly(whole, decimals, scale)


def test_digits_too_large_are_refused_on_the_fast_path_too() -> None:
    with pytest.raises(numbers._TooLarge):
        numbers._digits("9" * 309, "", 10**3)
    assert math.isfinite(numbers._digits("9" * 300, "", 1)[0])


# -- the qualifier search ------------------------------------------------------------------

_PLAIN_QUALIFIER_AT_END = re.compile(rf"(?P<q>{figure._QUALIFIERS})\s*\Z", re.IGNORECASE)
_QUALIFIER_PIECES = st.sampled_from(
    [*(phrase for phrase, _ in figure.QUALIFIER_PHRASES), " ", "  ", "\n", "x", "5", "_",
     "é", "AT LEAST", "More  Than", "ſome", "\u212anapp", "İn excess of", "ın excess of",
     "moreover", "about5", "-", ">", "=", "'", "’"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_QUALIFIER_PIECES, max_size=8).map("".join))
def test_the_qualifier_search_finds_what_one_alternation_finds(text: str) -> None:
    for end in range(len(text) + 1):
        lo = max(0, end - figure._LOOKBACK)
        fast = figure._QUALIFIER_AT_END.search(text, lo, end)
        plain = _PLAIN_QUALIFIER_AT_END.search(text, lo, end)
        assert (fast and (fast.span(), fast["q"])) == (plain and (plain.span(), plain["q"]))


@pytest.mark.slow
def test_each_phrases_first_character_class_holds_all_its_cases() -> None:
    firsts = sorted({phrase[0] for phrase, _ in figure.QUALIFIER_PHRASES})
    any_first = re.compile("[" + "".join(map(re.escape, firsts)) + "]", re.IGNORECASE)
    chars = [chr(c) for c in range(sys.maxunicode + 1) if any_first.fullmatch(chr(c))]
    for first in firsts:
        cases = re.compile(figure._first_cases(first))
        matching = {c for c in chars if re.fullmatch(re.escape(first), c, re.IGNORECASE)}
        assert {c for c in chars if cases.fullmatch(c)} == matching, first


# -- folding and digit runs ----------------------------------------------------------------

_HYPHENS = "-\u2010\u00ad"
_FOLD_PIECES = st.sampled_from(
    ["a", "b", "5", " ", "  ", "\n", "\n\n", "\t", " \n ", "\u00a0", "\u2028", "-", "\u2010",
     "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "_", "é", "-\n", "x-\n  y"]
)  # fmt: skip


def _plain_folds(hyphens: str) -> re.Pattern[str]:
    """The folds as first written: each fold's alternative in turn at every place."""
    drop = "".join(quotes._DROPPED)
    return re.compile(
        rf"(?<=\w)(?P<hyphen>[{hyphens}][^\S\n]*\n\s*)|(?P<space>\s{{2,}})|(?P<drop>[{drop}]+)"
    )


@settings(max_examples=600, deadline=None)
@given(st.lists(_FOLD_PIECES, max_size=30).map("".join))
def test_the_folds_are_found_where_their_plain_pattern_finds_them(text: str) -> None:
    def folds(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]

    rare = "\u2010" in text or "\u00ad" in text
    invisible = rare or any(char in text for char in quotes._DROPPED)
    chosen = quotes._ANY_FOLDS if rare else quotes._INVISIBLE_FOLDS if invisible else quotes._FOLDS
    assert folds(chosen) == folds(_plain_folds(_HYPHENS if rare else "-"))
    assert folds(quotes._ANY_FOLDS) == folds(_plain_folds(_HYPHENS))
    assert folds(quotes._INVISIBLE_FOLDS) == folds(_plain_folds("-"))


def test_a_fold_keeps_its_offset_map() -> None:
    folded, hyphens = quotes._fold("post-\n  industrial  text\u200b here", keep_hyphen=True)
    assert folded.text == "post-industrial text here"
    assert hyphens == 1
    assert (folded.folded_starts, folded.original_starts) == (
        array("q", [0, 5, 16, 20]),
        array("q", [0, 8, 20, 25]),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "23", "a", "_", "é", "٣", " ", ",", "."]), max_size=30))
def test_digit_runs_start_where_no_letter_or_digit_is_before_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = re.compile(r"(?<![^\W_])[0-9]+")
    assert [m.span() for m in coverage._DIGIT_RUN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


# -- coverage's reading --------------------------------------------------------------------


def _with_unread_plainly(text: str, mentions: list[coverage.Mention]) -> list[coverage.Mention]:
    """coverage._with_unread as first written: every digit run tested against the mentions."""
    unread: list[coverage.Mention] = []
    i = 0
    line, line_start, pos = 1, 0, 0
    for m in re.finditer(r"(?<![^\W_])[0-9]+", text):
        at = m.start()
        while i < len(mentions) and mentions[i].end <= at:
            i += 1
        if i < len(mentions) and mentions[i].start <= at:
            continue
        line += text.count("\n", pos, at)
        line_start = max(line_start, text.rfind("\n", pos, at) + 1)
        pos = at
        unread.append(
            coverage.Mention(line, at - line_start + 1, shorten(m.group(), 40), 0.0,
                             coverage.Category.QUANTITY, None, at, m.end(), at, form="unread")
        )  # fmt: skip
    return sorted([*mentions, *unread], key=lambda mention: mention.start) if unread else mentions


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no numbers at all",
        "A run too long for a float: " + "9" * 400 + " and another\n" + "8" * 350 + ".",
        "_5 and x_12 are no amounts; 1944-45 and 3.11.10 are, " + "7" * 331,
        "9" * 340 + "\n" * 3 + "12 then " + "5" * 400,
    ],
)
def test_unread_digit_runs_are_those_no_mention_holds(text: str) -> None:
    mentions = coverage.find_mentions(text)
    read = [m for m in mentions if m.form != "unread"]
    assert coverage._with_unread(text, read) == _with_unread_plainly(text, read)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_unread_runs_in_any_text(text: str) -> None:
    read = [m for m in coverage.find_mentions(text) if m.form != "unread"]
    assert coverage._with_unread(text, read) == _with_unread_plainly(text, read)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ageprsny-.#№ ", max_size=12))
def test_the_tails_tables_test_as_endswith_does(before: str) -> None:
    for ends in (
        coverage._LABEL_ENDS,
        coverage._QUALIFIER_ENDS,
        coverage._AGE_ENDS,
        ("per", "every"),
    ):
        table = coverage._tails(ends)
        assert before.endswith(table.get(before[-1:], ())) == before.endswith(ends)


# -- records and quote lookups -------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_amounts_and_mentions_are_the_records_their_constructors_make(text: str) -> None:
    for amount in numbers.find_amounts(text):
        fields = [getattr(amount, name) for name in numbers.Amount.__slots__]
        made = numbers.Amount(*fields)
        assert type(amount) is numbers.Amount
        assert (amount, repr(amount), hash(amount)) == (made, repr(made), hash(made))
    for mention in coverage.find_mentions(text):
        fields = [getattr(mention, name) for name in coverage.Mention.__slots__]
        built = coverage.Mention(*fields)
        assert type(mention) is coverage.Mention
        assert (mention, repr(mention), hash(mention)) == (built, repr(built), hash(built))


_QUOTE_PIECES = st.sampled_from(
    ["1", "12", "1,2", "apple", "pineapple", " ", ", ", ".", "x", "_1", "é", "-\n"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_QUOTE_PIECES, min_size=1, max_size=6).map("".join), st.integers(0, 3))
def test_a_long_documents_plain_searches_find_what_its_word_keys_find(
    quote: str, limit: int
) -> None:
    body = "The yield was 12 apple, 1,2 pineapple _1 x1 é1 and 1 apple. " * 1_000
    index = quotes.QuoteIndex(body, "d.txt")
    folded = quotes.fold(quote)
    assume(folded)  # an empty quote is never looked up
    assert len(index._kept.text) >= quotes._LONG
    for start in (0, 5, 30_000):
        searched = quotes._search(index._kept.text, folded, start, limit + 1)
        keyed = quotes.QuoteIndex(body, "d.txt")
        keyed._searches = quotes._SEARCHES  # straight to the word keys
        by_keys = keyed._occurrences(keyed._kept, folded, start, limit + 1)
        if searched is not None:
            assert searched == by_keys
        plain: list[int] = []
        at = quotes._first(index._kept.text, folded, start)
        while at >= 0 and len(plain) < limit + 1:
            plain.append(at)
            at = quotes._first(index._kept.text, folded, at + 1)
        assert by_keys == plain
        assert index._occurrences(index._kept, folded, start, limit + 1) == plain


@settings(max_examples=400, deadline=None)
@given(_DIGIT_STRINGS, _STYLES.filter(lambda s: s is not None))
def test_the_digit_reader_reads_as_split_and_digits_do(raw: str, style: Style) -> None:
    whole, decimals, guess = numbers._split(raw, style)
    read = numbers._digit_reader(style).__wrapped__  # type: ignore[attr-defined]
    assert read(raw) == (*numbers._digits(whole, decimals, 1), guess)


def test_the_digit_reader_refuses_what_digits_refuse() -> None:
    read = numbers._digit_reader(POINT).__wrapped__  # type: ignore[attr-defined]
    for raw in ("9" * 331, "0." + "1" * 331, "9" * 320):
        with pytest.raises(numbers._TooLarge):
            numbers._digits(raw.partition(".")[0], raw.partition(".")[2], 1)
        with pytest.raises(numbers._TooLarge):
            read(raw)
    assert read("0" * 400 + "5") == (5.0, 5.0, 1.0, 1.0, "")


_BEFORE_PIECES = st.sampled_from(
    [*(phrase for phrase, _ in figure.QUALIFIER_PHRASES), *coverage._LABEL_ENDS, " ", "  ",
     "\n", "\t", "\u00a0", "x", "5", "_", "é", "AT LEAST", "More  Than", "İn excess of",
     "ſome", "aged", "per", "Σ", "ΑΣ", "moreover", "-", "No."]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_BEFORE_PIECES, max_size=10).map("".join))
def test_the_words_before_a_figure_are_read_as_before_by_their_window(text: str) -> None:
    for s in range(len(text) + 1):
        before = " ".join(text[max(0, s - 24) : s].lower().split())
        tail = before[-1:]
        special = before.endswith(coverage._SPECIAL_TAILS.get(tail, ()))
        qualifying = special and before.endswith(coverage._QUALIFIER_TAILS.get(tail, ()))
        assert coverage._before(text[max(0, s - 24) : s]) == (before, tail, special, qualifying)
        window = text[max(0, s - figure._LOOKBACK - 1) : s]
        kept = coverage._qualifier_ending(window)
        plain = figure.qualifier_before(text, s)
        assert (kept and (kept[0], s - len(window) + kept[1])) == plain


def test_every_whitespace_character_but_a_space_is_unprintable() -> None:
    # what the mention's text skips folding on: no space and every character printable
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert len(spaces) > 20
    assert all(c == " " or not c.isprintable() for c in spaces)


def test_the_pairs_after_a_figure_hold_every_case_of_the_words_searched_for() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    chars = [chr(c) for c in range(sys.maxunicode + 1) if letters.fullmatch(chr(c))]
    for word in coverage._AFTER_WORDS:
        for letter in word[:2]:
            matching = {c for c in chars if re.fullmatch(re.escape(letter), c, re.IGNORECASE)}
            assert coverage._cases(letter) == matching, letter
    searched = re.compile(
        r"(?i:years|seconds|minutes|hours|days|weeks|months|CI|confidence|credible)"
    )
    for first in coverage._AFTER_FIRSTS:
        for second in "aeioruAEIORUİıK_5 ":
            pair = first + second
            opens = any(searched.match(pair + word[2:]) for word in coverage._AFTER_WORDS)
            assert (pair in coverage._AFTER_PAIRS) == opens, pair


# the digit forms as first written: the groups tried wherever a mark or an entity follows
_DIGIT_FORMS_PLAINLY = re.compile(
    rf"(?=[0-9]{{1,3}}(?:[,. \u00a0\u2009\u202f]|&[#a-z])[0-9#a-z])(?:{numbers._GROUPED})"
    r"|[0-9]+(?:\.[0-9]+|,[0-9]{1,2}(?![0-9]|,[0-9]))?|\.[0-9]+",
    re.IGNORECASE,
)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_the_digit_forms_match_as_first_written(text: str) -> None:
    fast = re.compile(numbers._DIGIT_FORMS, re.IGNORECASE)
    for at in range(len(text)):
        quick, plain = fast.match(text, at), _DIGIT_FORMS_PLAINLY.match(text, at)
        assert (quick and quick.span()) == (plain and plain.span())


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_an_amount_in_words_matches_no_other_forms_group(text: str) -> None:
    # what _build's first test rests on: the words' group closes last only when no other
    # form's group matched
    others = ("dig", "frac", "ratio", "mult", "dozen", "bound", "wfrac")
    for at in range(len(text)):
        m = numbers._AMOUNT.match(text, at)
        if m is not None and m.lastgroup == "words":
            assert all(m[group] is None for group in others), (text, at)


_PLAIN_COMMA_FORMS = re.compile(r",[0-9]{1,2}(?![0-9]|,[0-9])|\.[0-9]{3}\.[0-9]{3}(?![0-9])")


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(["1", "23", "456", ",", ".", "²", "٣", " ", "a", ",5"]), max_size=30)
)
def test_the_comma_forms_searched_apart_count_as_one_alternation_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = sum(
        1 for m in _PLAIN_COMMA_FORMS.finditer(text) if text[m.start() - 1 : m.start()].isdigit()
    )
    assert numbers._commas(text) == plain


def test_the_whitespace_marks_are_every_one_but_the_space() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    assert set(quotes._WHITESPACE) == spaces
    assert all(re.fullmatch(r"\s", c) for c in spaces)


_PLAIN_FOLD_PIECES = st.sampled_from(
    ["a", "b", "5", " ", "  ", "\n", "\n\n", "\t", " \n ", "\u00a0", "\u2028", "\u3000", "-",
     "_", "é", "-\n", "x-\n  y", "\r\n", "- \n", "-  ", "\x85", "\x1c", "ab-", " -\n"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PLAIN_FOLD_PIECES, max_size=30).map("".join))
def test_the_plain_folds_searched_for_are_those_their_pattern_finds(text: str) -> None:
    found = [(m.start(), m.end(), m.lastgroup) for m in quotes._FOLDS.finditer(text)]
    assert list(quotes._plain_folds(text)) == found
    assert list(quotes._fold_matches(quotes._FOLDS, text)) == found
