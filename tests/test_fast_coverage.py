"""Coverage's quick paths on small inputs: records made without their constructor, quotes in
a long document found by plain search, the scanner's class of first characters."""

from __future__ import annotations

import dataclasses

import pytest

from figcheck.check import quotes
from figcheck.document import coverage
from figcheck.document.coverage import Category, Mention
from figcheck.figures import numbers
from figcheck.figures.figure import Qualifier
from figcheck.figures.numbers import Amount
from figcheck.records import maker


def test_a_made_mention_is_the_one_its_constructor_makes() -> None:
    fields = (3, 7, "about 5", 5.0, Category.COUNT, "q", 10, 17, 16, Qualifier.ABOUT, 6.0,
              True, "words", "a guess")  # fmt: skip
    made, built = coverage._new_mention(*fields), Mention(*fields)
    assert type(made) is Mention
    assert (made, repr(made), hash(made)) == (built, repr(built), hash(built))
    assert coverage._new_mention(*fields[:9]) == Mention(*fields[:9])  # the defaults
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.line = 4  # type: ignore[misc]
    assert dataclasses.replace(made, covered_by=None).covered_by is None


def test_a_made_amount_is_the_one_its_constructor_makes() -> None:
    fields = (0, 2, "5k", 5000.0, 5.0, 1000.0, "thousand", False, 1000.0, 1000.0, "digits")
    made, built = numbers._new_amount(*fields), Amount(*fields)
    assert type(made) is Amount
    assert (made, repr(made), hash(made)) == (built, repr(built), hash(built))
    assert made.currency is None
    assert made.guess == ""


def test_a_record_of_another_layout_is_made_by_its_constructor() -> None:
    @dataclasses.dataclass(frozen=True)
    class Loose:
        a: int

    assert maker(Loose) is Loose


def test_a_quote_in_a_long_document_is_found_by_plain_search_as_by_its_word_keys() -> None:
    text = "xabcx 12,400 " * 5_000 + "abc 400 then abc."
    searched = quotes.QuoteIndex(text, "d.txt")
    keyed = quotes.QuoteIndex(text, "d.txt")
    keyed._searches = quotes._SEARCHES
    for quote, limit in (("abc", 2), ("400", 1), ("abc 400", 1), ("x", 3), ("zq", 1)):
        assert searched._occurrences(searched._kept, quote, 0, limit) == keyed._occurrences(
            keyed._kept, quote, 0, limit
        )
    # "abc" inside words: the plain search gives way to the keys, with the same places
    assert quotes._search(text, "abc", 0, 1) is None
    assert searched._occurrences(searched._kept, "abc", 0, 2) == [len(text) - 17, len(text) - 4]


def test_the_scanners_class_of_first_characters_changes_no_amount() -> None:
    text = "Nine of 10, twenty-one, a third, -5%, +3, .5, £5bn, US$5, A$6, x5, half a million"
    plain = numbers._scanner(opening=False)
    found = [(m.span(), m.groups()) for m in numbers._SCAN.finditer(" " + text)]
    assert found == [(m.span(), m.groups()) for m in plain.finditer(" " + text)]
    assert len(found) >= 10


def test_a_text_with_few_places_to_fold_is_folded_as_by_its_pattern() -> None:
    text = "A line-\nbreak,  two spaces,\n\nand a para\u00a0 graph. " * 50 + "x" * 100_000
    matches = quotes._fold_matches(quotes._FOLDS, text)
    assert getattr(matches, "gi_code", None) is quotes._plain_folds.__code__  # not the regex
    found = [(m.start(), m.end(), m.lastgroup) for m in quotes._FOLDS.finditer(text)]
    assert list(matches) == found
    assert len(found) == 200
