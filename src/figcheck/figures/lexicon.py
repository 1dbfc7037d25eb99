"""The one lexicon of number words: cardinals, scales, fractions and multiples, for every reader."""

from __future__ import annotations

from typing import Final

ONES: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: Final = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SMALL: Final = ONES | TEENS
# the cardinal words below a hundred, with zero: each starts an amount in words
CARDINALS: Final = (*SMALL, *TENS, "zero")
HUNDRED: Final = "hundred"
SCALES: Final = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# "hundreds of", "millions of": plural scale words, which never name a unit either
PLURALS: Final = tuple(f"{word}s" for word in (HUNDRED, *SCALES))
SCALE_ABBREVIATIONS: Final = ("bn", "mn")
# a fraction's denominator as a word: "a third", "two-fifths"
DENOMINATORS: Final = {
    "half": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
NUMERATORS: Final = ONES | {"a": 1, "ten": 10}
# verbs that state a ratio between two figures: "doubled" is twice the figure before
MULTIPLES: Final = {
    "doubled": 2.0,
    "tripled": 3.0,
    "trebled": 3.0,
    "quadrupled": 4.0,
    "halved": 0.5,
}

# Words that write an amount and so never name a unit or make an id.
AMOUNT_WORDS: Final = frozenset((*CARDINALS, HUNDRED, *SCALES, *PLURALS, *SCALE_ABBREVIATIONS))
# the fraction words a drafted id leaves out as well ("half" is an amount, not a name)
FRACTION_WORDS: Final = frozenset((*DENOMINATORS, "halves", "thirds", "quarters"))
