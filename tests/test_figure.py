"""Tests for the figure grammar: qualifiers, amounts, "between", unit text and error messages."""

from __future__ import annotations

import pytest

from figcheck.errors import FigureError
from figcheck.figures.figure import Figure, Qualifier, parse_figure, qualifier_before
from figcheck.figures.numbers import Amount

Q = Qualifier
EXPECTED = 'expected a number such as "22 million", "about half" or "over 50 percent"'

# Every qualifier phrase of the design brief, and what it means.
PHRASES: list[tuple[str, Qualifier]] = [
    ("at least", Q.AT_LEAST),
    ("not less than", Q.AT_LEAST),
    ("no less than", Q.AT_LEAST),
    ("not fewer than", Q.AT_LEAST),
    ("no fewer than", Q.AT_LEAST),
    ("a minimum of", Q.AT_LEAST),
    (">=", Q.AT_LEAST),
    ("≥", Q.AT_LEAST),
    ("over", Q.OVER),
    ("more than", Q.OVER),
    ("above", Q.OVER),
    ("greater than", Q.OVER),
    ("in excess of", Q.OVER),
    (">", Q.OVER),
    ("at most", Q.AT_MOST),
    ("not more than", Q.AT_MOST),
    ("no more than", Q.AT_MOST),
    ("up to", Q.AT_MOST),
    ("a maximum of", Q.AT_MOST),
    ("<=", Q.AT_MOST),
    ("≤", Q.AT_MOST),
    ("under", Q.UNDER),
    ("less than", Q.UNDER),
    ("fewer than", Q.UNDER),
    ("below", Q.UNDER),
    ("<", Q.UNDER),
    ("about", Q.ABOUT),
    ("around", Q.ABOUT),
    ("approximately", Q.ABOUT),
    ("roughly", Q.ABOUT),
    ("some", Q.ABOUT),
    ("circa", Q.ABOUT),
    ("~", Q.ABOUT),
    ("≈", Q.ABOUT),
    ("nearly", Q.NEARLY),
    ("almost", Q.NEARLY),
    ("just under", Q.NEARLY),
    ("just over", Q.JUST_OVER),
    ("exactly", Q.EXACTLY),
]


@pytest.mark.parametrize(("phrase", "qualifier"), PHRASES)
def test_qualifier_phrases(phrase: str, qualifier: Qualifier) -> None:
    figure = parse_figure(f"{phrase} 22 million people")
    assert (figure.qualifier, figure.qualifier_text) == (qualifier, phrase)
    assert (figure.amount.text, figure.amount.value, figure.unit) == ("22 million", 22e6, "people")
    assert (figure.upper, figure.percent) == (None, False)


@pytest.mark.parametrize(("phrase", "qualifier"), PHRASES)
def test_qualifier_phrases_any_case(phrase: str, qualifier: Qualifier) -> None:
    written = phrase.upper().replace(" ", "  ")
    figure = parse_figure(f"{written} half")
    assert (figure.qualifier, figure.qualifier_text, figure.amount.value) == (
        qualifier,
        written,
        0.5,
    )


@pytest.mark.parametrize(("phrase", "qualifier"), [pq for pq in PHRASES if not pq[0][0].isalpha()])
def test_symbol_qualifiers_touch_the_number(phrase: str, qualifier: Qualifier) -> None:
    figure = parse_figure(f"{phrase}5")
    assert (figure.qualifier, figure.qualifier_text, figure.amount.text) == (qualifier, phrase, "5")


@pytest.mark.parametrize("text", ["overall 5", "somewhat 5", "just 5", "not 5", "uptown 5"])
def test_a_qualifier_is_whole_words(text: str) -> None:
    with pytest.raises(FigureError) as info:
        parse_figure(text)
    assert str(info.value) == f'cannot read figure "{text}": {EXPECTED}'


# text -> (amount text, value, mantissa, scale, s, l, form, percent, unit)
FIGURES: list[tuple[str, tuple[str, float, float, float, float, float, str, bool, str]]] = [
    ("208", ("208", 208.0, 208.0, 1.0, 1.0, 1.0, "digits", False, "")),
    ("3,150 t", ("3,150", 3150.0, 3150.0, 1.0, 1.0, 10.0, "digits", False, "t")),
    ("48.2 kg", ("48.2", 48.2, 48.2, 1.0, 0.1, 0.1, "digits", False, "kg")),
    ("208 million people", ("208 million", 208e6, 208.0, 1e6, 1e6, 1e6, "digits", False, "people")),
    ("2.5 billion USD", ("2.5 billion", 2.5e9, 2.5, 1e9, 1e8, 1e8, "digits", False, "USD")),
    ("two", ("two", 2.0, 2.0, 1.0, 1.0, 1.0, "words", False, "")),
    ("thirty-two million members", (
        "thirty-two million", 32e6, 32.0, 1e6, 1e6, 1e6, "words", False, "members")),
    ("one hundred and five", ("one hundred and five", 105.0, 105.0, 1.0, 1.0, 1.0, "words",
                              False, "")),
    ("two hundred thousand", ("two hundred thousand", 2e5, 200.0, 1e3, 1e3, 1e5, "words", False,
                              "")),
    ("a million tonnes", ("a million", 1e6, 1.0, 1e6, 1e6, 1e6, "words", False, "tonnes")),
    ("a hundred", ("a hundred", 100.0, 100.0, 1.0, 1.0, 100.0, "words", False, "")),
    ("half", ("half", 0.5, 0.5, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("a half", ("a half", 0.5, 0.5, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("one-half", ("one-half", 0.5, 0.5, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("one-third", ("one-third", 1 / 3, 1 / 3, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("a third", ("a third", 1 / 3, 1 / 3, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("two-thirds", ("two-thirds", 2 / 3, 2 / 3, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("a quarter", ("a quarter", 0.25, 0.25, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("one quarter", ("one quarter", 0.25, 0.25, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("three-quarters", ("three-quarters", 0.75, 0.75, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("1/3", ("1/3", 1 / 3, 1 / 3, 1.0, 0.0, 0.0, "fraction", False, "")),
    ("50 percent", ("50 percent", 50.0, 50.0, 1.0, 1.0, 10.0, "digits", True, "")),
    ("50%", ("50%", 50.0, 50.0, 1.0, 1.0, 10.0, "digits", True, "")),
    ("12.5 per cent", ("12.5 per cent", 12.5, 12.5, 1.0, 0.1, 0.1, "digits", True, "")),
    ("-3 percent", ("-3 percent", -3.0, -3.0, 1.0, 1.0, 1.0, "digits", True, "")),
    ("  10 tonne / person  ", ("10", 10.0, 10.0, 1.0, 1.0, 10.0, "digits", False,
                                "tonne / person")),
    ("5 km^2", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "km^2")),
    ("5 m**-2", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "m**-2")),
    ("5 s^-1", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "s^-1")),
    ("5 m3_water", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "m3_water")),
    ("5 kg/(person*year)", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "kg/(person*year)")),
    ("3,150 t CO2", ("3,150", 3150.0, 3150.0, 1.0, 1.0, 10.0, "digits", False, "t CO2")),
    ("20 degree_Celsius", ("20", 20.0, 20.0, 1.0, 1.0, 10.0, "digits", False, "degree_Celsius")),
    ("20 °C", ("20", 20.0, 20.0, 1.0, 1.0, 10.0, "digits", False, "°C")),
    ("5 m²", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "m²")),
    ("5km", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "km")),
    ("5 t.", ("5", 5.0, 5.0, 1.0, 1.0, 1.0, "digits", False, "t.")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_plain_figures(
    text: str, expected: tuple[str, float, float, float, float, float, str, bool, str]
) -> None:
    figure = parse_figure(text)
    a = figure.amount
    assert (figure.qualifier, figure.qualifier_text, figure.upper) == (Q.PLAIN, "", None)
    assert figure.text == text.strip()
    got = (a.text, a.value, a.mantissa, a.scale, a.s, a.l, a.form, figure.percent, figure.unit)
    assert got == expected


def test_figure_fields() -> None:
    assert parse_figure("About 22 million people") == Figure(
        text="About 22 million people",
        qualifier=Q.ABOUT,
        qualifier_text="About",
        amount=Amount(
            start=6,
            end=16,
            text="22 million",
            value=22e6,
            mantissa=22.0,
            scale=1e6,
            scale_word="million",
            percent=False,
            s=1e6,
            l=1e6,
            form="digits",
        ),
        upper=None,
        unit="people",
        percent=False,
    )


# text -> (lower: text, value, scale_word, s, l, percent), (upper: ...), unit
Bound = tuple[str, float, str | None, float, float, bool]
BETWEEN: list[tuple[str, Bound, Bound, str]] = [
    ("between 10 and 12", ("10", 10.0, None, 1.0, 10.0, False), ("12", 12.0, None, 1.0, 1.0,
                                                                  False), ""),
    ("between 10 and 12 million people", ("10", 10e6, "million", 1e6, 1e7, False),
     ("12 million", 12e6, "million", 1e6, 1e6, False), "people"),
    ("Between 2.5 million and 3", ("2.5 million", 2.5e6, "million", 1e5, 1e5, False),
     ("3", 3e6, "million", 1e6, 1e6, False), ""),
    ("between ten and twelve million", ("ten", 10e6, "million", 1e6, 1e7, False),
     ("twelve million", 12e6, "million", 1e6, 1e6, False), ""),
    ("between 500 thousand and 1.2 million", ("500 thousand", 5e5, "thousand", 1e3, 1e5, False),
     ("1.2 million", 1.2e6, "million", 1e5, 1e5, False), ""),
    ("between 5 and 10 percent", ("5", 5.0, None, 1.0, 1.0, True),
     ("10 percent", 10.0, None, 1.0, 10.0, True), ""),
    ("between 5% and 10", ("5%", 5.0, None, 1.0, 1.0, True), ("10", 10.0, None, 1.0, 10.0, True),
     ""),
    ("between a third and a half", ("a third", 1 / 3, None, 0.0, 0.0, False),
     ("a half", 0.5, None, 0.0, 0.0, False), ""),
    ("between one hundred and two hundred", ("one hundred", 100.0, None, 1.0, 100.0, False),
     ("two hundred", 200.0, None, 1.0, 100.0, False), ""),
    ("between -5 and -3 kg", ("-5", -5.0, None, 1.0, 1.0, False),
     ("-3", -3.0, None, 1.0, 1.0, False), "kg"),
    ("between 5 and 5", ("5", 5.0, None, 1.0, 1.0, False), ("5", 5.0, None, 1.0, 1.0, False), ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lower", "upper", "unit"), BETWEEN)
def test_between(text: str, lower: Bound, upper: Bound, unit: str) -> None:
    figure = parse_figure(text)
    assert figure.qualifier is Q.BETWEEN
    assert figure.qualifier_text == text.split()[0]
    assert figure.upper is not None
    for amount, expected in ((figure.amount, lower), (figure.upper, upper)):
        got = (amount.text, amount.value, amount.scale_word, amount.s, amount.l, amount.percent)
        assert got == expected
    assert (figure.unit, figure.percent) == (unit, lower[5])


def _cannot(text: str, reason: str) -> str:
    return f'cannot read figure "{text}": {reason}'


ERRORS: list[tuple[str, str]] = [
    ("lots", _cannot("lots", EXPECTED)),
    ("", 'cannot read figure "": it is empty'),
    ("   ", 'cannot read figure "": it is empty'),
    ("between 5 and", _cannot("between 5 and", 'expected a second amount after "and"')),
    ("between 9 and 5", _cannot("between 9 and 5", "the lower bound 9 is above the upper bound 5")),
    (
        "between 12 and 10 million",
        _cannot(
            "between 12 and 10 million", "the lower bound 12 is above the upper bound 10 million"
        ),
    ),
    ("between 5 or 6", _cannot("between 5 or 6", 'expected "and" after "5"')),
    ("between", _cannot("between", 'expected a number after "between"')),
    ("between lots and 5", _cannot("between lots and 5", 'expected a number after "between"')),
    (
        "between a third and 40 percent",
        _cannot("between a third and 40 percent", "both amounts must be percentages, or neither"),
    ),
    ("about", _cannot("about", 'expected a number after "about"')),
    ("About lots", _cannot("About lots", 'expected a number after "About"')),
    ("5 people; rm", _cannot("5 people; rm", 'unexpected "; rm" after the unit')),
    ("5 people $(rm)", _cannot("5 people $(rm)", 'unexpected "$(rm)" after the unit')),
    ("5 6 people", _cannot("5 6 people", 'unexpected "6 people" after the amount')),
    ("1, 2", _cannot("1, 2", 'unexpected ", 2" after the amount')),
    ("5 ;x", _cannot("5 ;x", 'unexpected ";x" after the amount')),
    (
        "5-10 people",
        _cannot(
            "5-10 people",
            'unexpected "-10 people" after the amount; write a range as "between X and Y"',
        ),
    ),
    (
        "5 – 10",
        _cannot("5 – 10", 'unexpected "– 10" after the amount; write a range as "between X and Y"'),
    ),
    ("5 kg-2", _cannot("5 kg-2", 'unexpected "2" after the unit')),
    ("5 kg 2", _cannot("5 kg 2", 'unexpected "2" after the unit')),
    ("5 per 1000 people", _cannot("5 per 1000 people", 'unexpected "1000 people" after the unit')),
    ("5 percent people", _cannot("5 percent people", 'unexpected "people" after the percentage')),
    ("5% of GDP", _cannot("5% of GDP", 'unexpected "of GDP" after the percentage')),
    ("nan", _cannot("nan", EXPECTED)),
    ("inf", _cannot("inf", EXPECTED)),
    ("-inf", _cannot("-inf", EXPECTED)),
    ("1e400", _cannot("1e400", "the number is too large")),
    (
        "between $1 and £2",
        _cannot("between $1 and £2", "both amounts must be in the same currency"),
    ),
    ("9" * 400, _cannot("9" * 57 + "...", "the number is too large")),
    ("about " + "9" * 400 + " t", _cannot("about " + "9" * 51 + "...", "the number is too large")),
    ("20th", _cannot("20th", '"20th" is an ordinal, not an amount')),
    ("over 19th century", _cannot("over 19th century", '"19th" is an ordinal, not an amount')),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(FigureError) as info:
        parse_figure(text)
    assert str(info.value) == message
    assert info.value.location is None


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        # from the essay
        ("spent not less than one-third of", 20, (Q.AT_LEAST, 6)),
        ("As a result, at least 22\nmillion people", 22, (Q.AT_LEAST, 13)),
        ("produced over 50\npercent of all meat", 14, (Q.OVER, 9)),
        ("accounted for more than 50 percent.", 24, (Q.OVER, 14)),
        ("a fact that not less than\nhalf of all the workers", 26, (Q.AT_LEAST, 12)),
        ("Since about half of these members", 12, (Q.ABOUT, 6)),
        ("a fact that not less than 50\npercent", 26, (Q.AT_LEAST, 12)),
        # others
        ("no more than 5", 13, (Q.AT_MOST, 0)),
        ("just over 5", 10, (Q.JUST_OVER, 0)),
        ("JUST UNDER 5", 11, (Q.NEARLY, 0)),
        ("x ~5", 3, (Q.ABOUT, 2)),
        ("x>=5", 3, (Q.AT_LEAST, 1)),
        ("between 10 and 12", 8, (Q.BETWEEN, 0)),
        ("in some 20 countries", 8, (Q.ABOUT, 3)),
        ("moreover 5", 9, None),
        ("the 5", 4, None),
        ("about the 5", 10, None),
        ("5", 0, None),
    ],
)
def test_qualifier_before(text: str, end: int, expected: tuple[Qualifier, int] | None) -> None:
    assert qualifier_before(text, end) == expected


def test_qualifier_values_are_canonical_names() -> None:
    assert [q.value for q in Qualifier] == [
        "plain", "about", "nearly", "just over", "at least", "over", "at most", "under",
        "between", "exactly",
    ]  # fmt: skip


def test_parse_figure_is_cached() -> None:
    assert parse_figure("about 5 t") is parse_figure("about 5 t")


# Real-world forms (issue 13): text -> (value, scale word, qualifier, unit text, percent)
REAL_WORLD: list[tuple[str, tuple[float, str | None, Q, str, bool]]] = [
    # scale suffixes
    ("£5bn", (5e9, "billion", Q.PLAIN, "GBP", False)),
    ("£33m", (33e6, "million", Q.PLAIN, "GBP", False)),
    ("3.8K", (3800.0, "thousand", Q.PLAIN, "", False)),
    ("3.3M GPU hours", (3.3e6, "million", Q.PLAIN, "GPU hours", False)),
    ("7B", (7e9, "billion", Q.PLAIN, "", False)),
    ("70B", (70e9, "billion", Q.PLAIN, "", False)),
    ("4k", (4000.0, "thousand", Q.PLAIN, "", False)),
    ("2.0T", (2e12, "trillion", Q.PLAIN, "", False)),
    ("4M tokens", (4e6, "million", Q.PLAIN, "tokens", False)),
    ("$1.2bn", (1.2e9, "billion", Q.PLAIN, "USD", False)),
    ("€5 million", (5e6, "million", Q.PLAIN, "EUR", False)),
    ("33m", (33e6, "million", Q.PLAIN, "", False)),
    # qualifiers before a currency
    ("At least £467m", (467e6, "million", Q.AT_LEAST, "GBP", False)),
    ("up to £1.1bn", (1.1e9, "billion", Q.AT_MOST, "GBP", False)),
    ("more than $1 billion", (1e9, "billion", Q.OVER, "USD", False)),
    # currencies
    ("US$5", (5.0, None, Q.PLAIN, "USD", False)),
    ("¥300", (300.0, None, Q.PLAIN, "JPY", False)),
    ("$3.40 per share", (3.4, None, Q.PLAIN, "USD per share", False)),
    ("13,90 Euro", (13.9, None, Q.PLAIN, "Euro", False)),
    # signs
    ("-1.28%", (-1.28, None, Q.PLAIN, "", True)),
    ("−3.2", (-3.2, None, Q.PLAIN, "", False)),
    ("–5.4%", (-5.4, None, Q.PLAIN, "", True)),
    ("$(118,000,000)", (-118e6, None, Q.PLAIN, "USD", False)),
    ("$(3.97)", (-3.97, None, Q.PLAIN, "USD", False)),
    ("-$319", (-319.0, None, Q.PLAIN, "USD", False)),
    ("+49,000", (49000.0, None, Q.PLAIN, "", False)),
    # separators
    ("over 7 000", (7000.0, None, Q.OVER, "", False)),
    ("508\u00a0000 lives", (508000.0, None, Q.PLAIN, "lives", False)),
    ("450\u2009000 Euro", (450000.0, None, Q.PLAIN, "Euro", False)),
    ("9,5 %", (9.5, None, Q.PLAIN, "", True)),
    ("2 509,0 Milliarden Euro", (2509e9, "billion", Q.PLAIN, "Euro", False)),
    ("1.234.567", (1234567.0, None, Q.PLAIN, "", False)),
    ("1.234,5", (1234.5, None, Q.PLAIN, "", False)),
    # percentage points, rates, multiples
    ("0.6 percentage points", (0.6, None, Q.PLAIN, "percentage points", False)),
    ("1.0 p.p.", (1.0, None, Q.PLAIN, "p.p.", False)),
    ("+2.8 pp", (2.8, None, Q.PLAIN, "pp", False)),
    ("82 per 1000", (82.0, None, Q.PLAIN, "per 1000", False)),
    ("2.5-fold", (2.5, None, Q.PLAIN, "fold", False)),
    ("300,000-fold", (300000.0, None, Q.PLAIN, "fold", False)),
    ("4x", (4.0, None, Q.PLAIN, "times", False)),
    ("three times more", (3.0, None, Q.PLAIN, "times", False)),
    ("almost 8 times higher", (8.0, None, Q.NEARLY, "times", False)),
    ("more than doubled", (2.0, None, Q.OVER, "", False)),
    ("nearly doubling", (2.0, None, Q.NEARLY, "", False)),
    # scientific notation and APA decimals
    ("1.5e-4", (1.5e-4, None, Q.PLAIN, "", False)),
    ("1.5E3 people", (1500.0, None, Q.PLAIN, "people", False)),
    ("1.5 × 10^-4", (1.5e-4, None, Q.PLAIN, "", False)),
    ("3.0 x 10<sup>-4</sup>", (3e-4, None, Q.PLAIN, "", False)),
    ("10⁶", (1e6, None, Q.PLAIN, "", False)),
    ("10^-4", (1e-4, None, Q.PLAIN, "", False)),
    (".03", (0.03, None, Q.PLAIN, "", False)),
    ("< .001", (0.001, None, Q.UNDER, "", False)),
    # trailing zeros
    ("539.00", (539.0, None, Q.PLAIN, "", False)),
    # open lower bounds: "hundreds of" is over 100
    ("hundreds of", (100.0, None, Q.OVER, "", False)),
    ("hundreds of pollutants", (100.0, None, Q.OVER, "pollutants", False)),
    ("tens of thousands of people", (1e4, None, Q.OVER, "people", False)),
    ("Hundreds of thousands", (1e5, None, Q.OVER, "", False)),
    ("hundreds of millions of dollars", (1e8, None, Q.OVER, "dollars", False)),
    ("dozens of ships", (12.0, None, Q.OVER, "ships", False)),
]


@pytest.mark.parametrize(("text", "expected"), REAL_WORLD)
def test_real_world_forms(text: str, expected: tuple[float, str | None, Q, str, bool]) -> None:
    figure = parse_figure(text)
    got = (figure.amount.value, figure.amount.scale_word, figure.qualifier, figure.unit)
    assert (*got, figure.percent) == expected


def test_an_open_bound_takes_no_second_qualifier() -> None:
    with pytest.raises(FigureError) as error:
        parse_figure("over hundreds of people")
    assert error.value.message == (
        'cannot read figure "over hundreds of people": "hundreds of" is an open bound already: '
        'drop "over"'
    )


@pytest.mark.parametrize(
    ("text", "unit", "dimension"),
    [
        ("£5bn", "GBP", "[GBP]"),
        ("413 dollars", "dollars", "[USD]"),
        ("13,90 Euro", "Euro", "[EUR]"),
        ("0.6 percentage points", "percentage points", "[percentage_point]"),
        ("25 basis points", "basis points", "[percentage_point]"),
        ("82 per 1000", "per 1000", "dimensionless"),
    ],
)
def test_real_world_units(text: str, unit: str, dimension: str) -> None:
    from figcheck.figures.units import UnitTable

    figure = parse_figure(text)
    assert figure.unit == unit
    assert str(UnitTable().lookup(figure.unit).dimension) == dimension
