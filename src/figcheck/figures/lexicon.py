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
# scale suffixes written on the digits ("£5bn", "3.8K", "7B", "4k", "2.0T", "£33m")
SCALE_SUFFIXES: Final = {
    "k": 10**3,
    "K": 10**3,
    "m": 10**6,
    "M": 10**6,
    "mn": 10**6,
    "bn": 10**9,
    "B": 10**9,
    "tn": 10**12,
    "T": 10**12,
}
# scale words after digits in other languages, and plurals ("6 millions de dollars")
FOREIGN_SCALES: Final = {
    "millions": 10**6,
    "billions": 10**9,
    "millionen": 10**6,
    "milliarden": 10**9,
    "mio": 10**6,
    "mrd": 10**9,
    "milliards": 10**9,
}
# the canonical word for each scale, as computed figures are shown ("£5 billion")
SCALE_NAMES: Final = {value: word for word, value in SCALES.items()}
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
# the words of "three orders of magnitude" (a thousand times)
ORDER_WORDS: Final = ONES | {"ten": 10}
# the vulgar fraction characters, as (numerator, denominator): "2¼ per cent", "5½"
VULGAR_FRACTIONS: Final = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
}  # fmt: skip
# the bases a rate is written per: "6 deaths per 1,000 births", "for every hundred thousand"
RATE_BASES: Final = {
    "1,000": 1000,
    "1000": 1000,
    "thousand": 1000,
    "100,000": 100_000,
    "100000": 100_000,
    "hundred thousand": 100_000,
}
# verbs that state a ratio between two figures: "doubled" is twice the figure before
MULTIPLES: Final = {
    "doubled": 2.0,
    "doubling": 2.0,
    "tripled": 3.0,
    "tripling": 3.0,
    "trebled": 3.0,
    "quadrupled": 4.0,
    "halved": 0.5,
    "halving": 0.5,
}

# the currency signs written before an amount, and the ISO code each stands for
CURRENCY_SIGNS: Final = {
    "US$": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
}
# Letters that a case-blind pattern takes for ASCII ones (Python's re, as Unicode defines case):
# the long s for s, the dotless and dotted i for i, the Kelvin sign for k. The readers match
# words and signs case-blind, so each looks a match up by this folding, never by lower() alone,
# and "5 mıllıon" reads as "5 million" where it would otherwise find no entry.
_CASE_TWINS: Final = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})


def folded(word: str) -> str:
    """*word* as the lexicon's tables key it: lower case, with the case twins of ASCII letters
    read as those letters."""
    return word.translate(_CASE_TWINS).lower()


_SIGNS_FOLDED: Final = {folded(sign): sign for sign in CURRENCY_SIGNS}


def folded_sign(sign: str) -> str:
    """The currency sign of CURRENCY_SIGNS that *sign* writes in any case ("us$" is "US$")."""
    return _SIGNS_FOLDED.get(folded(sign), sign)


# composite words that write an amount: "a dozen"
DOZENS: Final = {"dozen": 12}
# "hundreds of", "tens of thousands of": an open lower bound, the product of its words
OPEN_BOUNDS: Final = {
    "tens": 10,
    "dozens": 12,
    f"{HUNDRED}s": 100,
    **{f"{word}s": value for word, value in SCALES.items()},
}
# "1 in 5", "one in five": a ratio, whose words are the small cardinals
RATIO_WORDS: Final = {**SMALL, **TENS}

# words that make a figure a fall: "fell by 3 percent" is -3 percent where the claim says so
SIGN_WORDS_BEFORE: Final = (
    "fell by", "fallen by", "dropped by", "declined by", "decreased by", "shrank by",
    "revised down by", "down by", "cut by", "reduced by", "down", "a fall of", "a drop of",
    "a decline of", "a decrease of", "declined", "fell", "dropped", "decreased",
    "dipped by", "dipped", "slipped by", "slipped", "slid by", "slid", "plunged by", "plunged",
    "tumbled by", "tumbled", "sank by", "sank", "contracted by", "shrank",
    "fall by", "drop by", "decline by", "decrease by", "shrink by",
)  # fmt: skip
SIGN_WORDS_AFTER: Final = ("lower", "down", "less than before", "zurück", "zurückgegangen")
# nouns of a fall, right after the figure: "a 4% decrease in numbers" is -4 %
SIGN_NOUNS_AFTER: Final = ("decrease", "decline", "drop", "fall", "reduction", "cut")

# Words that write an amount and so never name a unit or make an id.
AMOUNT_WORDS: Final = frozenset(
    (
        *CARDINALS,
        HUNDRED,
        *SCALES,
        *PLURALS,
        *SCALE_ABBREVIATIONS,
        *FOREIGN_SCALES,
        *DOZENS,
        *OPEN_BOUNDS,
    )
)
# words before "half" that make it a period, not a fraction: "the first half of 2023"
PERIOD_ORDINALS: Final = ("first", "second", "last", "final", "latter", "former")
# the fraction words a drafted id leaves out as well ("half" is an amount, not a name)
FRACTION_WORDS: Final = frozenset((*DENOMINATORS, "halves", "thirds", "quarters"))
