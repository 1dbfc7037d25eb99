"""Tests for the one number reader: amounts in figures (read_amount) and in prose (find_amounts)."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.errors import FigureError
from figcheck.figures.numbers import Amount, detect_style, find_amounts, read_amount

ESSAY = Path(__file__).resolve().parent.parent / "seeds" / "a-historic-chance-missed.txt"

# text -> (value, mantissa, scale, scale_word, percent, s, l, form)
AMOUNTS: list[tuple[str, tuple[float, float, float, str | None, bool, float, float, str]]] = [
    # digits
    ("208", (208.0, 208.0, 1.0, None, False, 1.0, 1.0, "digits")),
    ("120", (120.0, 120.0, 1.0, None, False, 1.0, 10.0, "digits")),
    ("2006", (2006.0, 2006.0, 1.0, None, False, 1.0, 1.0, "digits")),
    ("0", (0.0, 0.0, 1.0, None, False, 1.0, 1.0, "digits")),
    ("3,150", (3150.0, 3150.0, 1.0, None, False, 1.0, 10.0, "digits")),
    ("208,826,650", (208826650.0, 208826650.0, 1.0, None, False, 1.0, 10.0, "digits")),
    ("48.2", (48.2, 48.2, 1.0, None, False, 0.1, 0.1, "digits")),
    ("2.50", (2.5, 2.5, 1.0, None, False, 0.01, 0.01, "digits")),
    ("1,000.5", (1000.5, 1000.5, 1.0, None, False, 0.1, 0.1, "digits")),
    # digits with a scale word
    ("208 million", (208e6, 208.0, 1e6, "million", False, 1e6, 1e6, "digits")),
    ("10 million", (10e6, 10.0, 1e6, "million", False, 1e6, 1e7, "digits")),
    ("2.5 million", (2.5e6, 2.5, 1e6, "million", False, 1e5, 1e5, "digits")),
    ("3 thousand", (3e3, 3.0, 1e3, "thousand", False, 1e3, 1e3, "digits")),
    ("1.2 billion", (1.2e9, 1.2, 1e9, "billion", False, 1e8, 1e8, "digits")),
    ("4 trillion", (4e12, 4.0, 1e12, "trillion", False, 1e12, 1e12, "digits")),
    ("7 Million", (7e6, 7.0, 1e6, "million", False, 1e6, 1e6, "digits")),
    # number words
    ("six", (6.0, 6.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("zero", (0.0, 0.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("ten", (10.0, 10.0, 1.0, None, False, 1.0, 10.0, "words")),
    ("nineteen", (19.0, 19.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("thirty-two", (32.0, 32.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("Thirty-two", (32.0, 32.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("ninety nine", (99.0, 99.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("two hundred", (200.0, 200.0, 1.0, None, False, 1.0, 100.0, "words")),
    ("a hundred", (100.0, 100.0, 1.0, None, False, 1.0, 100.0, "words")),
    ("one hundred and five", (105.0, 105.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("one hundred five", (105.0, 105.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("twenty-five hundred", (2500.0, 2500.0, 1.0, None, False, 1.0, 100.0, "words")),
    ("one thousand and one", (1001.0, 1001.0, 1.0, None, False, 1.0, 1.0, "words")),
    ("one thousand two hundred", (1200.0, 1200.0, 1.0, None, False, 1.0, 100.0, "words")),
    # number words with a scale word
    ("two million", (2e6, 2.0, 1e6, "million", False, 1e6, 1e6, "words")),
    ("ten million", (10e6, 10.0, 1e6, "million", False, 1e6, 1e7, "words")),
    ("thirty-two million", (32e6, 32.0, 1e6, "million", False, 1e6, 1e6, "words")),
    ("THIRTY-TWO MILLION", (32e6, 32.0, 1e6, "million", False, 1e6, 1e6, "words")),
    ("a million", (1e6, 1.0, 1e6, "million", False, 1e6, 1e6, "words")),
    ("a thousand", (1e3, 1.0, 1e3, "thousand", False, 1e3, 1e3, "words")),
    ("two hundred thousand", (2e5, 200.0, 1e3, "thousand", False, 1e3, 1e5, "words")),
    ("a hundred thousand", (1e5, 100.0, 1e3, "thousand", False, 1e3, 1e5, "words")),
    (
        "one million two hundred thousand",
        (1.2e6, 1200.0, 1e3, "thousand", False, 1e3, 1e5, "words"),
    ),
    ("five billion", (5e9, 5.0, 1e9, "billion", False, 1e9, 1e9, "words")),
    # fractions
    ("half", (0.5, 0.5, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("a half", (0.5, 0.5, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("one-half", (0.5, 0.5, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("one half", (0.5, 0.5, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("one-third", (1 / 3, 1 / 3, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("a third", (1 / 3, 1 / 3, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("two-thirds", (2 / 3, 2 / 3, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("two thirds", (2 / 3, 2 / 3, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("a quarter", (0.25, 0.25, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("one quarter", (0.25, 0.25, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("three-quarters", (0.75, 0.75, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("one-fifth", (0.2, 0.2, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("three-tenths", (0.3, 0.3, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("1/3", (1 / 3, 1 / 3, 1.0, None, False, 0.0, 0.0, "fraction")),
    ("3/4", (0.75, 0.75, 1.0, None, False, 0.0, 0.0, "fraction")),
    # percent after any amount
    ("50 percent", (50.0, 50.0, 1.0, None, True, 1.0, 10.0, "digits")),
    ("50%", (50.0, 50.0, 1.0, None, True, 1.0, 10.0, "digits")),
    ("50 %", (50.0, 50.0, 1.0, None, True, 1.0, 10.0, "digits")),
    ("12.5 per cent", (12.5, 12.5, 1.0, None, True, 0.1, 0.1, "digits")),
    ("fifty Percent", (50.0, 50.0, 1.0, None, True, 1.0, 10.0, "words")),
    ("half percent", (0.5, 0.5, 1.0, None, True, 0.0, 0.0, "fraction")),
    ("1/3 %", (1 / 3, 1 / 3, 1.0, None, True, 0.0, 0.0, "fraction")),
    ("2 million percent", (2e6, 2.0, 1e6, "million", True, 1e6, 1e6, "digits")),
    # signs (figures only)
    ("-3 percent", (-3.0, -3.0, 1.0, None, True, 1.0, 1.0, "digits")),
    ("−2.5", (-2.5, -2.5, 1.0, None, False, 0.1, 0.1, "digits")),
    ("-0", (0.0, 0.0, 1.0, None, False, 1.0, 1.0, "digits")),
    # digit ordinals are amounts of their own form
    ("20th", (20.0, 20.0, 1.0, None, False, 1.0, 10.0, "ordinal")),
    ("1st", (1.0, 1.0, 1.0, None, False, 1.0, 1.0, "ordinal")),
    # an open lower bound: over the product of its words
    ("hundreds of", (100.0, 100.0, 1.0, None, False, 100.0, 100.0, "bound")),
    ("tens of thousands of", (1e4, 1e4, 1.0, None, False, 1e4, 1e4, "bound")),
]


def _fields(a: Amount) -> tuple[float, float, float, str | None, bool, float, float, str]:
    return (a.value, a.mantissa, a.scale, a.scale_word, a.percent, a.s, a.l, a.form)


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_read_amount_forms(
    text: str, expected: tuple[float, float, float, str | None, bool, float, float, str]
) -> None:
    amount = read_amount(text)
    assert amount is not None
    assert (amount.start, amount.end, amount.text) == (0, len(text), text)
    assert _fields(amount) == expected


# s and l as the design brief lists them
@pytest.mark.parametrize(
    ("text", "s", "l"),
    [
        ("208 million", 1e6, 1e6),
        ("48.2", 0.1, 0.1),
        ("3,150", 1.0, 10.0),
        ("two million", 1e6, 1e6),
        ("120", 1.0, 10.0),
        ("10 million", 1e6, 1e7),
        ("2006", 1.0, 1.0),
        ("thirty-two million", 1e6, 1e6),
        ("one hundred and five", 1.0, 1.0),
        ("one-third", 0.0, 0.0),
        ("1/3", 0.0, 0.0),
        ("50 percent", 1.0, 10.0),
    ],
)
def test_s_and_l(text: str, s: float, l: float) -> None:  # noqa: E741
    amount = read_amount(text)
    assert amount is not None
    assert (amount.s, amount.l) == (s, l)


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("about 22 million people", 5, (6, 16, "22 million")),
        ("x = 5 people", 3, (4, 5, "5")),
        ("between 10 and 12", 14, (15, 17, "12")),
        ("48.2%.", 0, (0, 5, "48.2%")),
        ("five and six", 0, (0, 4, "five")),  # "and" only joins "hundred and five"
        ("one hundred and two hundred", 0, (0, 11, "one hundred")),
        ("three million and two million", 0, (0, 13, "three million")),
        ("one million and five", 0, (0, 20, "one million and five")),
        ("ten and twelve percent", 0, (0, 3, "ten")),
        ("1,0000", 0, (0, 1, "1")),  # thousands groups have exactly three digits
        ("1, 2", 0, (0, 1, "1")),
        ("1944-45", 0, (0, 4, "1944")),
        ("12/05/2020", 0, (0, 2, "12")),  # a date, not a fraction
        ("1/0", 0, (0, 1, "1")),
        ("5km", 0, (0, 1, "5")),
    ],
)
def test_read_amount_span(text: str, pos: int, expected: tuple[int, int, str]) -> None:
    amount = read_amount(text, pos)
    assert amount is not None
    assert (amount.start, amount.end, amount.text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "lots", "a", "a lot", "third", "the third", "second", "hundred", "million", "-",
     "millions", "someone", "often", "nan", "inf", "infinity", "-inf", "a third party"],
)  # fmt: skip
def test_read_amount_none(text: str) -> None:
    assert read_amount(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9" * 400, "the number is too large"),
        ("9" * 300 + " billion", "the number is too large"),
        ("0." + "0" * 400 + "1", "the number has too many decimal places"),
        ("1e400", "the number is too large"),
    ],
)
def test_read_amount_too_large(text: str, message: str) -> None:
    with pytest.raises(FigureError) as info:
        read_amount(text)
    assert info.value.message == message


def test_large_but_finite() -> None:
    amount = read_amount("9" * 300)
    assert amount is not None
    assert amount.value == float("9" * 300)
    assert amount.l == 1.0


# ---- prose ---------------------------------------------------------------------------------

CENSUS = """According to a 1959 census, which collected data for the year 1956
as well, the population of the Soviet Union stood at 208 million
people, including 120 million of employable age. Of these 120
million available workers, two million worked in producer
cooperative societies and in the handicraft industry. Another 10
million people worked on their home farms. The thirty-two million
members of Soviet collective farms spent not less than one-third of
their time tilling their personal plots of land. This made an
equivalent of another 10 million people. As a result, at least 22
million people were able to produce for themselves."""

MEAT = """In 1956, of the 12 million tons of meat produced in the country,
collective farms accounted for only four million tons, while state
farms added an additional one million tons. Compare these figures
with the non-Communist forms of farming that produced over 50
percent of all meat. Of the 50 million tons of milk produced in the
same year, private farms accounted for more than 50 percent."""

PARTY = """In 1956, the Communist Party was comprised of seven million full
and candidate members. In 1941, there were only two million members
within its ranks. Since about half of these members died in the
war, this means that six out of the seven million members joined
the party after 1941. These new members were not involved in the
revolutionary terror, the collectivization programs or the
reprisals of 1937."""

PROSE: list[tuple[str, list[tuple[str, float]]]] = [
    (
        CENSUS,
        [
            ("1959", 1959.0),
            ("1956", 1956.0),
            ("208 million", 208e6),
            ("120 million", 120e6),
            ("120\nmillion", 120e6),
            ("two million", 2e6),
            ("10\nmillion", 10e6),
            ("thirty-two million", 32e6),
            ("one-third", 1 / 3),
            ("10 million", 10e6),
            ("22\nmillion", 22e6),
        ],
    ),
    (
        MEAT,
        [
            ("1956", 1956.0),
            ("12 million", 12e6),
            ("four million", 4e6),
            ("one million", 1e6),
            ("50\npercent", 50.0),
            ("50 million", 50e6),
            ("50 percent", 50.0),
        ],
    ),
    (
        PARTY,
        [
            ("1956", 1956.0),
            ("seven million", 7e6),
            ("1941", 1941.0),
            ("two million", 2e6),
            ("half", 0.5),
            ("six", 6.0),
            ("seven million", 7e6),
            ("1941", 1941.0),
            ("1937", 1937.0),
        ],
    ),
    (
        "I wrote that Stalin\nmissed a historic chance to start reforming socialism in 1944-45.",
        [("1944", 1944.0), ("45", 45.0)],
    ),
    (
        "This approach is fully applicable to the assessment of the 20th Congress",
        [("20th", 20.0)],
    ),
    (
        "Yet it was a fact that not less than\nhalf of all the workers had a constantly",
        [("half", 0.5)],
    ),
    (
        "Additionally, the millions of\npeople who fought in the war got accustomed",
        [("millions of", 1e6)],  # an open lower bound: over a million
    ),
    ("Third, the nation as a whole was in a state of historical\noptimism.", []),
    ("The second factor that prompted the breakaway from Communism", []),
    ("The third factor preventing post-industrial reforms was the\npeople themselves.", []),
    ("creating a prototype of a two-party system", [("two", 2.0)]),
    ("By\nthe time of the 1989-1991 post-industrial reforms", [("1989", 1989.0), ("1991", 1991.0)]),
    ("No. 2 2006 April/June", [("2", 2.0), ("2006", 2006.0)]),
    ("in the mid-1950s was its", [("1950", 1950.0)]),
    ("Lesson one. The variant of reforms", [("one", 1.0)]),
]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_find_amounts_in_the_essay(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(a.text, a.value) for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("someone often tone money none alone attention", []),
        ("a lot of a few a good many", []),
        ("thousands, hundreds, millions and billions of them", [("billions of", 1e9)]),
        ("in the thousands, by the hundreds; millions more", []),
        ("the first, the second, the third and the fourth", []),
        ("tenth, fourteenth, nineteenth, thirtieth", []),
        ("a third party, a third of them, a third more, a quarter.", [
            ("a third", 1 / 3), ("a third", 1 / 3), ("a quarter", 0.25)]),
        ("one and a half", [("one", 1.0), ("a half", 0.5)]),
        ("ten and twelve", [("ten", 10.0), ("twelve", 12.0)]),
        ("between one hundred and two hundred", [("one hundred", 100.0), ("two hundred", 200.0)]),
        ("one hundred and five", [("one hundred and five", 105.0)]),
        ("A million, a hundred", [("A million", 1e6), ("a hundred", 100.0)]),
        ("-5 and −6", [("-5", -5.0), ("−6", -6.0)]),  # a sign touching the number
        ("H2O, A4, x1, é5, 3D", [("3", 3.0)]),  # digits inside words are not amounts
        ("in 1956.", [("1956", 1956.0)]),
        ("(3,150)", [("3,150", 3150.0)]),
        ("12/05/2020", [("12", 12.0), ("05", 5.0), ("2020", 2020.0)]),
        ("1/3 of them", [("1/3", 1 / 3)]),
        ("the 19th and 1st", [("19th", 19.0), ("1st", 1.0)]),
        ("9" * 400 + " and 5", [("5", 5.0)]),  # no non-finite amounts
        ("Seven Million", [("Seven Million", 7e6)]),
        ("fifty per cent, 5%", [("fifty per cent", 50.0), ("5%", 5.0)]),
        ("", []),
    ],
)  # fmt: skip
def test_find_amounts_edges(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(a.text, a.value) for a in find_amounts(text)] == expected


def test_find_amounts_forms() -> None:
    text = "six out of the seven million, 20th, half and 50 percent"
    got = [(a.text, a.form, a.percent, a.start, a.end) for a in find_amounts(text)]
    assert got == [
        ("six", "words", False, 0, 3),
        ("seven million", "words", False, 15, 28),
        ("20th", "ordinal", False, 30, 34),
        ("half", "fraction", False, 36, 40),
        ("50 percent", "digits", True, 45, 55),
    ]


def test_find_amounts_whole_essay() -> None:
    essay = ESSAY.read_text(encoding="utf-8")
    amounts = find_amounts(essay)
    assert len(amounts) == 75
    assert sum(a.form == "ordinal" for a in amounts) == 6
    assert sum(a.form == "bound" for a in amounts) == 7  # "millions of people", 7 times
    assert [a.text for a in amounts if "million" in a.text and a.form != "bound"] == [
        "208 million", "120 million", "120\nmillion", "two million", "10\nmillion",
        "thirty-two million", "10 million", "22\nmillion", "12 million", "four million",
        "one million", "50 million", "seven million", "two million", "seven million",
    ]  # fmt: skip


_PIECES = st.sampled_from(
    [" ", "\n", "-", ",", ".", "/", "%", "a", "and", "one", "two", "twenty", "hundred",
     "thousand", "million", "half", "third", "quarter", "percent", "per cent", "of", "th",
     "some", "0", "1", "5", "12", "3,150", "999", "e", "é", "x"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_find_amounts_laws(text: str) -> None:
    amounts = find_amounts(text)
    end = 0
    for a in amounts:
        assert end <= a.start < a.end <= len(text)
        assert a.text == text[a.start : a.end]
        assert math.isfinite(a.value)
        assert math.isfinite(a.s)
        assert math.isfinite(a.l)
        assert a.value >= 0 or a.text.startswith(("-", "−"))
        assert 0 <= a.s <= a.l
        assert a.start == 0 or not text[a.start - 1].isalnum()
        again = read_amount(text, a.start, detect_style(text), prose=True)
        assert again is not None
        assert _fields(again) == _fields(a)
        end = a.end


@pytest.mark.slow
def test_number_words_are_written_in_one_lexicon() -> None:
    """Every reader takes its number words from figures/lexicon.py; no module keeps its own list."""
    import ast
    from pathlib import Path

    from figcheck.figures import lexicon

    package = Path(__file__).resolve().parent.parent / "src" / "figcheck"
    words = {*lexicon.ONES, *lexicon.TEENS, *lexicon.TENS, *lexicon.SCALES, *lexicon.MULTIPLES}

    def lists_a_number_word(node: ast.AST) -> bool:
        """A list, tuple, set or dict written out with a number word in it (a lookup such as
        ``SCALES["thousand"]`` uses the lexicon; it does not keep a list)."""
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        else:
            return False
        return any(isinstance(i, ast.Constant) and i.value in words for i in items)

    holders = sorted(
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if any(map(lists_a_number_word, ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    )
    assert holders == ["figures/lexicon.py"]


# ---- real-world forms (issue 13) -----------------------------------------------------------

# prose -> the amounts read: (text, value, currency, scale word, percent)
PROSE_FORMS: list[tuple[str, list[tuple[str, float, str | None, str | None, bool]]]] = [
    # scale suffixes, with and without a currency
    ("a £5.2bn black hole", [("£5.2bn", 5.2e9, "GBP", "billion", False)]),
    ("At least £467m", [("£467m", 467e6, "GBP", "million", False)]),
    ("sizes 7B, 13B and 70B", [("7B", 7e9, None, "billion", False),
                               ("13B", 13e9, None, "billion", False),
                               ("70B", 70e9, None, "billion", False)]),
    ("| 4k | 2.0T |", [("4k", 4e3, None, "thousand", False),
                       ("2.0T", 2e12, None, "trillion", False)]),
    ("3.3M GPU hours", [("3.3M", 3.3e6, None, "million", False)]),
    ("US$1.2bn and €5 million", [("US$1.2bn", 1.2e9, "USD", "billion", False),
                                 ("€5 million", 5e6, "EUR", "million", False)]),
    ("5kg and 4km", [("5", 5.0, None, None, False), ("4", 4.0, None, None, False)]),
    # signs touch the number; a spaced dash is a bullet or a range
    ("rose -1.28% and −3.2", [("-1.28%", -1.28, None, None, True),
                              ("−3.2", -3.2, None, None, False)]),
    ("| –5.4% | +0.6% |", [("–5.4%", -5.4, None, None, True), ("+0.6%", 0.6, None, None, True)]),
    ("– 3,4 Millionen", [("3,4 Millionen", 3.4e6, None, "million", False)]),
    ("aged 20-64, 9–29%", [("20", 20.0, None, None, False), ("64", 64.0, None, None, False),
                          ("9", 9.0, None, None, False), ("29%", 29.0, None, None, True)]),
    ("COVID-19", [("19", 19.0, None, None, False)]),
    ("a loss of $(118,000,000)", [("$(118,000,000)", -118e6, "USD", None, False)]),
    ("| Net loss | $ | (319) |", [("(319)", -319.0, "USD", None, False)]),
    ("| Gain | 3 | 1 |", [("3", 3.0, None, None, False), ("1", 1.0, None, None, False)]),
    ("Peter (77) said", [("77", 77.0, None, None, False)]),
    # separators
    ("over 7 000 a day", [("7 000", 7000.0, None, None, False)]),
    ("508\u00a0000 lives", [("508\u00a0000", 508000.0, None, None, False)]),
    ("450\u2009000 Euro", [("450\u2009000", 450000.0, None, None, False)]),
    ("um 9,5 % höhere Miete", [("9,5 %", 9.5, None, None, True)]),
    ("in 2016 300 people", [("2016", 2016.0, None, None, False),
                            ("300", 300.0, None, None, False)]),
    # scientific notation, APA decimals, trailing zeros
    ("a rate of 3e-4 or 1.5 × 10^-4", [("3e-4", 3e-4, None, None, False),
                                      ("1.5 × 10^-4", 1.5e-4, None, None, False)]),
    ("3.0 x 10<sup>-4</sup>", [("3.0 x 10<sup>-4</sup>", 3e-4, None, None, False)]),
    ("10⁶ cells", [("10⁶", 1e6, None, None, False)]),
    # a power of ten alone, with a caret or as a Markdown/HTML superscript; 110^2 is no power
    ("a rate of 10^-4 per year", [("10^-4", 1e-4, None, None, False)]),
    ("a rate of 10<sup>-4</sup>", [("10<sup>-4</sup>", 1e-4, None, None, False)]),
    ("a 110^2 grid", [("110", 110.0, None, None, False), ("2", 2.0, None, None, False)]),
    ("p < .001 and r = .03", [(".001", 0.001, None, None, False),
                              (".03", 0.03, None, None, False)]),
    ("539.00 and 5.0", [("539.00", 539.0, None, None, False), ("5.0", 5.0, None, None, False)]),
    # open lower bounds: "hundreds of" (WHO), "billions of" (LGA); no "of", no bound
    ("a mix of hundreds of pollutants", [("hundreds of", 100.0, None, None, False)]),
    ("adding \"billions of extra costs", [("billions of", 1e9, None, None, False)]),
    ("Hundreds of thousands died", [("Hundreds of thousands", 1e5, None, None, False)]),
    ("hundreds\nof people", [("hundreds\nof", 100.0, None, None, False)]),
    ("thousands died; costs run to millions.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PROSE_FORMS)
def test_real_world_forms_in_prose(
    text: str, expected: list[tuple[str, float, str | None, str | None, bool]]
) -> None:
    got = [(a.text, a.value, a.currency, a.scale_word, a.percent) for a in find_amounts(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "decimal", "mixed", "amounts"),
    [
        ("1,234 and 3.5", ".", False, [1234.0, 3.5]),  # English
        ("1,234 und 9,5", ",", False, [1.234, 9.5]),  # German: a comma is the decimal mark
        ("1.234 und 9,5", ",", False, [1234.0, 9.5]),
        ("1,234 and 3.5 but 9,5 and 7,25", ",", True, [1.234, 3.5, 9.5, 7.25]),
        ("1,234", ".", False, [1234.0]),  # nothing says otherwise
    ],
)
def test_number_style(text: str, decimal: str, mixed: bool, amounts: list[float]) -> None:
    style = detect_style(text)
    assert (style.decimal, style.mixed) == (decimal, mixed)
    assert [a.value for a in find_amounts(text)] == amounts


def test_a_separator_that_reads_both_ways_in_a_mixed_document_is_a_guess() -> None:
    first = find_amounts("1,234 and 3.5 but 9,5 and 7,25")[0]
    assert first.guess == '"1,234" could be read with "," as a thousands mark'
    assert find_amounts("1,234 and 3.5")[0].guess == ""


@pytest.mark.parametrize(
    ("text", "value", "guess"),
    [
        # spaces between thousands, then three digits after a mark the document does not use
        # as its decimal one: a second kind of thousands mark, or two figures in a table row
        (
            "The cohort had 1,204 people. | SNP 6 412,267 |",
            6412.267,
            '"6 412,267" could be read with "," as a thousands mark',
        ),
        (
            "1.234,5 Euro und 9,5 % und 1 234.567 Euro",
            1234.567,
            '"1 234.567" could be read with "." as a thousands mark',
        ),
        # the document's own decimal mark after space groups: read as written
        ("9,5 % und 6 412,267 Euro", 6412.267, ""),
        ("They paid 3.5 and 1 234.567 dollars", 1234.567, ""),
        # one or two decimals after space groups are decimals in either style
        ("They paid 3.5 and then 2 509,0 dollars", 2509.0, ""),
        ("over 7 000 a day", 7000.0, ""),
    ],
)
def test_a_space_grouped_figure_with_the_other_decimal_mark_is_a_guess(
    text: str, value: float, guess: str
) -> None:
    spaced = [a for a in find_amounts(text) if re.search("[0-9] [0-9]", a.text)]
    assert [(a.value, a.guess) for a in spaced] == [(value, guess)]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("| $ | (319) |", "-$319"),
        ("£5bn", "£5 billion"),
        ("2 509,0 Milliarden", "2509.0 billion"),
        ("−3.2", "-3.2"),
        ("539.00", "539.00"),
        ("9,5 %", "9.5%"),
    ],
)
def test_plain(text: str, plain: str) -> None:
    from figcheck.figures.numbers import plain as plainly

    amount = find_amounts(text)[0]
    assert plainly(amount) == plain
    again = read_amount(plain)
    assert again is not None
    assert again.value == amount.value


@pytest.mark.parametrize(
    ("text", "written", "value", "form"),
    [
        # quarters of a year, counted: after "the", "last", "in" and the like, with no "of"
        ("Revenue grew in the two quarters to June.", "two", 2.0, "words"),
        ("It rose in each of the past two quarters.", "two", 2.0, "words"),
        ("Over the last three quarters, margins fell.", "three", 3.0, "words"),
        # no share holds four quarters or three thirds: a count of them
        ("Four quarters make a year.", "Four", 4.0, "words"),
        # shares: before "of", or with no word before that says periods
        ("Three quarters of the voters stayed home.", "Three quarters", 0.75, "fraction"),
        ("In the three quarters of cases, it held.", "three quarters", 0.75, "fraction"),
        ("Turnout was three quarters.", "three quarters", 0.75, "fraction"),
        ("Two thirds of them agreed.", "Two thirds", 2 / 3, "fraction"),
    ],
)
def test_quarters_of_a_year_are_counted_and_quarters_of_a_whole_are_shares(
    text: str, written: str, value: float, form: str
) -> None:
    [amount] = find_amounts(text)
    assert (amount.text, amount.value, amount.form) == (written, value, form)


@pytest.mark.parametrize(
    ("text", "written", "value", "s", "percent"),
    [
        # a central bank's forecasts (Reserve Bank of Australia, 2021): whole and fraction
        ("GDP growth of 5½ per cent in 2022", "5½ per cent", 5.5, 0.5, True),
        ("inflation of around 2¼ per cent", "2¼ per cent", 2.25, 0.25, True),
        ("a rate of 4¾%", "4¾%", 4.75, 0.25, True),
        ("It took ½ an hour.", "½", 0.5, 0.5, False),
        ("a 2½ million gap", "2½ million", 2_500_000.0, 500_000.0, False),
        ("⅔ of them", "⅔", 2 / 3, 1 / 3, False),
    ],
)
def test_a_vulgar_fraction_is_read_with_its_whole_number(
    text: str, written: str, value: float, s: float, percent: bool
) -> None:
    amount = find_amounts(text)[0]
    assert (amount.text, amount.value, amount.s, amount.percent) == (written, value, s, percent)
    assert read_amount(written) == dataclasses.replace(amount, start=0, end=len(written))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Sri Lanka 227/8 (50.0 ov)", ["227", "8", "50.0"]),  # a cricket score: runs/wickets
        ("Open 24/7.", ["24", "7"]),
        ("About 1/3 of them", ["1/3"]),  # a proper fraction stays one
    ],
)
def test_a_slash_fraction_above_one_is_two_figures(text: str, written: list[str]) -> None:
    assert [a.text for a in find_amounts(text)] == written


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three orders of magnitude", 1000.0),
        ("2 orders of magnitude", 100.0),
        ("one order of magnitude", 10.0),
    ],
)
def test_orders_of_magnitude_read_as_a_multiple(text: str, value: float) -> None:
    amount = read_amount(text)
    assert amount is not None
    assert (amount.text, amount.value, amount.form) == (text, value, "multiple")


@pytest.mark.parametrize(
    ("text", "value", "scale_word"),
    [
        # BHP production report: a scale word joined to the number by a hyphen
        ("Iron ore output was 188.3-million tonnes.", 188_300_000.0, "million"),
        ("a 2-billion-year-old rock", 2_000_000_000.0, "billion"),
    ],
)
def test_a_scale_word_joined_by_a_hyphen_is_read(text: str, value: float, scale_word: str) -> None:
    amount = find_amounts(text)[0]
    assert (amount.value, amount.scale_word) == (value, scale_word)
