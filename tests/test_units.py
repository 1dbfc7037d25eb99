"""Tests for the unit table: built-in words, [units] extras, messages, and lazy pint."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.errors import UnitError
from figcheck.figures.dimension import DIMENSIONLESS, Dimension
from figcheck.figures.units import Unit, UnitTable, _builtins, is_known_word

MASS = Dimension.from_mapping({"[mass]": 1})
PERSON = Dimension.from_mapping({"[person]": 1})
TIME = Dimension.from_mapping({"[time]": 1})
POINTS = Dimension.from_mapping({"[percentage_point]": 1})
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "INR", "CHF", "CNY")
LENGTH = Dimension.from_mapping({"[length]": 1})
INFORMATION = Dimension.from_mapping({"[information]": 1})
BUILT_IN_DIMENSIONS = (
    {MASS, PERSON, TIME, POINTS, DIMENSIONLESS}
    | {Dimension.from_mapping({f"[{code}]": 1}) for code in CURRENCIES}
    | {
        LENGTH,
        LENGTH**2,  # area
        LENGTH**3,  # volume
        LENGTH / TIME,  # speed
        TIME**-1,  # frequency
        MASS * LENGTH**2 / TIME**2,  # energy
        MASS * LENGTH**2 / TIME**3,  # power
        INFORMATION,
        INFORMATION / TIME,
    }
)
MASS_PER_PERSON = Dimension.from_mapping({"[mass]": 1, "[person]": -1})
MASS_PER_PERSON_TIME = Dimension.from_mapping({"[mass]": 1, "[person]": -1, "[time]": -1})
YEAR = 365.25 * 86400.0

TABLE = UnitTable()


@pytest.mark.parametrize(
    ("text", "factor", "dimension", "shown"),
    [
        ("", 1.0, DIMENSIONLESS, "dimensionless"),
        ("people", 1.0, PERSON, "[person]"),
        ("person", 1.0, PERSON, "[person]"),
        ("persons", 1.0, PERSON, "[person]"),
        ("tonne", 1e6, MASS, "[mass]"),
        ("tonnes", 1e6, MASS, "[mass]"),
        ("t", 1e6, MASS, "[mass]"),
        ("kilotonnes", 1e9, MASS, "[mass]"),
        ("kt", 1e9, MASS, "[mass]"),
        ("Mt", 1e12, MASS, "[mass]"),
        ("kg", 1e3, MASS, "[mass]"),
        ("gram", 1.0, MASS, "[mass]"),
        ("percent", 0.01, DIMENSIONLESS, "dimensionless"),
        ("tonne / person", 1e6, MASS_PER_PERSON, "[mass] / [person]"),
        ("kg per person", 1e3, MASS_PER_PERSON, "[mass] / [person]"),
        ("years", YEAR, TIME, "[time]"),
        # beyond the required list
        ("megatonnes", 1e12, MASS, "[mass]"),
        ("Gt", 1e15, MASS, "[mass]"),
        ("kilogram", 1e3, MASS, "[mass]"),
        ("kilos", 1e3, MASS, "[mass]"),
        ("metric tons", 1e6, MASS, "[mass]"),
        ("metric_ton", 1e6, MASS, "[mass]"),
        ("short tons", 907184.74, MASS, "[mass]"),
        ("Tonnes", 1e6, MASS, "[mass]"),
        ("PEOPLE", 1.0, PERSON, "[person]"),
        ("%", 0.01, DIMENSIONLESS, "dimensionless"),
        ("per cent", 0.01, DIMENSIONLESS, "dimensionless"),
        ("kg per capita", 1e3, MASS_PER_PERSON, "[mass] / [person]"),
        ("kg/person", 1e3, MASS_PER_PERSON, "[mass] / [person]"),
        ("tonne person⁻¹", 1e6, MASS_PER_PERSON, "[mass] / [person]"),
        (
            "tonnes per year",
            1e6 / YEAR,
            Dimension.from_mapping({"[mass]": 1, "[time]": -1}),
            "[mass] / [time]",
        ),
        (
            "tonnes per person per year",
            1e6 / YEAR,
            MASS_PER_PERSON_TIME,
            "[mass] / ([person] * [time])",
        ),
        (
            "tonne / (person * year)",
            1e6 / YEAR,
            MASS_PER_PERSON_TIME,
            "[mass] / ([person] * [time])",
        ),
        ("kg ** 2", 1e6, MASS**2, "[mass]**2"),
        ("kg²", 1e6, MASS**2, "[mass]**2"),
        ("kg·person", 1e3, MASS * PERSON, "[mass] * [person]"),
        ("hours", 3600.0, TIME, "[time]"),
        ("days", 86400.0, TIME, "[time]"),
        ("weeks", 604800.0, TIME, "[time]"),
        ("months", YEAR / 12, TIME, "[time]"),
        ("decades", 10 * YEAR, TIME, "[time]"),
        ("centuries", 100 * YEAR, TIME, "[time]"),
        ("  ", 1.0, DIMENSIONLESS, "dimensionless"),
    ],
)
def test_lookup(text: str, factor: float, dimension: Dimension, shown: str) -> None:
    assert TABLE.lookup(text) == Unit(text, factor, dimension)
    assert str(TABLE.lookup(text).dimension) == shown


def test_kilotonne_is_a_thousand_tonnes() -> None:
    assert TABLE.lookup("kilotonne").factor == 1000 * TABLE.lookup("tonne").factor


def test_lookup_is_cached() -> None:
    table = UnitTable()
    assert table.lookup("tonnes") is table.lookup("tonnes")


AMBIGUOUS_TONS = (
    'ambiguous unit "tons": map it in [units], e.g. tons = "tonne" (metric) '
    'or tons = "907.18474 kg" (short)'
)
HINT = 'a unit is words joined by "*", "/" or "per", with powers like "**2"'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "ton",
            'ambiguous unit "ton": map it in [units], e.g. ton = "tonne" (metric) '
            'or ton = "907.18474 kg" (short)',
        ),
        ("tons", AMBIGUOUS_TONS),
        ("tons per person", AMBIGUOUS_TONS),
        (
            "Tons",
            'ambiguous unit "Tons": map it in [units], e.g. tons = "tonne" (metric) '
            'or tons = "907.18474 kg" (short)',
        ),
        (
            "kilotons",
            'ambiguous unit "kilotons": map it in [units], e.g. kilotons = "kilotonne" '
            '(metric) or kilotons = "907184.74 kg" (short)',
        ),
        ("peple", 'unknown unit "peple" (did you mean "people"?)'),
        ("kg per peple", 'unknown unit "peple" (did you mean "people"?)'),
        ("tonnnes", 'unknown unit "tonnnes" (did you mean "tonnes"?)'),
        ("MT", 'unknown unit "MT" (did you mean "Mt", megatonne?)'),
        ("Kg", 'unknown unit "Kg" (did you mean "kg", kilogram?)'),
        ("CO2", 'unknown unit "CO2" (not built in: define it in [units])'),
        # prefixes are not pint prefixes: no femtotonnes, attotonnes or milliseconds
        ("at", 'unknown unit "at" (did you mean "watt"?)'),
        ("msx", 'unknown unit "msx" (did you mean "ms", millisecond?)'),
        ("dimensionless", 'unknown unit "dimensionless" (not built in: define it in [units])'),
        (
            "million tons",
            'unit "million tons" contains the number "million"; '
            "numbers belong in the figure, not the unit",
        ),
        (
            "1000 tonne",
            'unit "1000 tonne" contains the number "1000"; '
            "numbers belong in the figure, not the unit",
        ),
        ("5%", 'unit "5%" contains the number "5"; numbers belong in the figure, not the unit'),
        ("kg + g", f'cannot read unit "kg + g": unexpected "+"; {HINT}'),
        (
            "degC; offset: 273.15",
            f'cannot read unit "degC; offset: 273.15": unexpected ";"; {HINT}',
        ),
        ("kg /", f'cannot read unit "kg /": unexpected end; {HINT}'),
        ("(kg", f'cannot read unit "(kg": unexpected end; {HINT}'),
        ("kg)", f'cannot read unit "kg)": unexpected ")"; {HINT}'),
        ("per person", f'cannot read unit "per person": unexpected "per"; {HINT}'),
        ("**2 kg", f'cannot read unit "**2 kg": unexpected "**2"; {HINT}'),
        (
            "tonne / person year",
            'cannot read unit "tonne / person year": after "/" or "per", join units with "*" '
            'inside brackets, e.g. "tonne / (person * year)"',
        ),
        (
            "kg ** 11",
            'cannot read unit "kg ** 11": powers must be whole numbers from -10 to 10',
        ),
    ],
)
def test_lookup_errors(text: str, message: str) -> None:
    table = UnitTable()
    for _ in range(2):  # the second time comes from the cache
        with pytest.raises(UnitError) as caught:
            table.lookup(text)
        assert caught.value.message == message
        assert caught.value.location is None


@pytest.mark.parametrize(
    ("extra", "text", "factor", "dimension"),
    [
        ({"tons": "tonne"}, "tons", 1e6, MASS),
        ({"tons": "tonne"}, "Tons", 1e6, MASS),
        ({"tons": "tonne"}, "tons per person", 1e6, MASS_PER_PERSON),
        ({"ton": "tonne"}, "tons", 1e6, MASS),
        ({"tons": "907.18474 kg"}, "tons", 907.18474 * 1000.0, MASS),
        ({"kt_coal": "kilotonne"}, "kt_coal", 1e9, MASS),
        ({"gross": "144"}, "gross", 144.0, DIMENSIONLESS),
        ({"tpc": "tonne per person"}, "tpc", 1e6, MASS_PER_PERSON),
        ({"a": "kg", "b": "a**2 / 4"}, "b", 250000.0, MASS**2),
        (
            {"household": "[household]"},
            "tonnes per household",
            1e6,
            Dimension.from_mapping({"[mass]": 1, "[household]": -1}),
        ),
        (
            {"plot": "[area]", "field": "0.40468564224 plot"},
            "fields",
            0.40468564224,
            Dimension.from_mapping({"[area]": 1}),
        ),
    ],
)
def test_extra_units(extra: dict[str, str], text: str, factor: float, dimension: Dimension) -> None:
    assert UnitTable(extra).lookup(text) == Unit(text, factor, dimension)


def test_extra_ton_does_not_make_numbers_units() -> None:
    table = UnitTable({"tons": "tonne"})
    assert table.lookup("tons").factor == 1e6
    with pytest.raises(UnitError) as caught:
        table.lookup("million tons")
    assert caught.value.message == (
        'unit "million tons" contains the number "million"; '
        "numbers belong in the figure, not the unit"
    )


def test_extra_does_not_change_the_shared_registry() -> None:
    assert UnitTable({"tons": "tonne", "ton_x": "kg"}).lookup("ton_x").factor == 1e3
    with pytest.raises(UnitError) as caught:
        UnitTable().lookup("tons")
    assert caught.value.message == AMBIGUOUS_TONS
    with pytest.raises(UnitError) as caught:
        UnitTable().lookup("ton_x")
    assert caught.value.message == 'unknown unit "ton_x" (did you mean "tonne"?)'


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"tons": "tonnne"},
            '[units] tons: cannot read "tonnne": unknown unit "tonnne" (did you mean "tonne"?)',
        ),
        (
            {"tons": "ton"},
            '[units] tons: cannot read "ton": ambiguous unit "ton": map it in [units], '
            'e.g. ton = "tonne" (metric) or ton = "907.18474 kg" (short)',
        ),
        ({"tonne": "t"}, '[units] tonne: "tonne" is already a unit; choose another name'),
        ({"kts": "t"}, '[units] kts: "kts" is already a unit; choose another name'),
        (
            {"metric tons": "t"},
            '[units] metric tons: a unit name is one word of letters, digits and "_", '
            "starting with a letter",
        ),
        ({"million": "1e6"}, '[units] million: "million" is a number word, not a unit'),
        (
            {"x": "million t"},
            '[units] x: cannot read "million t": "million" is a number word; '
            "write numbers in digits",
        ),
        ({"x": "0 t"}, '[units] x: cannot read "0 t": the number "0" cannot be part of a unit'),
        ({"x": "kg +"}, f'[units] x: cannot read "kg +": unexpected "+"; {HINT}'),
        (
            {"x": "kelvin; offset: 273.15"},
            f'[units] x: cannot read "kelvin; offset: 273.15": unexpected ";"; {HINT}',
        ),
        (
            {"x": "1e300 * 1e300 * t"},
            '[units] x: cannot read "1e300 * 1e300 * t": the unit is too large or too small',
        ),
        ({"x": " "}, '[units] x: empty; write what x equals, e.g. x = "tonne"'),
        (
            {"x": "[mass]"},
            '[units] x: [mass] is already the dimension of "gram"; define x from that unit instead',
        ),
        ({"dimensionless": "t"}, '[units] dimensionless: "dimensionless" cannot be a unit name'),
        (
            {"b": "a", "a": "kg"},
            '[units] b: cannot read "a": unknown unit "a" (did you mean "ha", hectare?)',
        ),
    ],
)
def test_bad_extra_units(extra: dict[str, str], message: str) -> None:
    with pytest.raises(UnitError) as caught:
        UnitTable(extra)
    assert caught.value.message == message


@pytest.mark.parametrize(
    "word",
    [
        "tonnes",
        "Tonnes",
        "kt",
        "Mt",
        "kilotonnes",
        "people",
        "persons",
        "capita",
        "kg",
        "kilograms",
        "%",
        "percent",
        "years",
        "yrs",
        "hrs",
        "metric_ton",
    ],
)
def test_is_known_word(word: str) -> None:
    assert is_known_word(word) is True


@pytest.mark.parametrize(
    "word", ["ton", "tons", "at", "as", "Ms", "MT", "the", "million", "per", "", "m", "B", "TB"]
)
def test_is_not_known_word(word: str) -> None:
    assert is_known_word(word) is False


def test_known_words_are_what_pint_reads() -> None:
    # is_known_word reads units.txt without pint; every word it knows must be a pint unit.
    table = UnitTable()
    for word in sorted(_builtins().words):
        assert table.lookup(word).dimension in BUILT_IN_DIMENSIONS, word


@pytest.mark.slow
def test_import_does_not_import_pint() -> None:
    code = textwrap.dedent(
        """
        import sys
        from figcheck.figures.units import UnitTable, is_known_word
        table = UnitTable({})
        assert table.lookup("").factor == 1.0
        assert is_known_word("tonnes")
        assert "pint" not in sys.modules, "pint imported too early"
        table.lookup("tonnes")
        UnitTable({"tons": "tonne", "members": "person"}).lookup("tons / members")
        assert "pint" not in sys.modules, "the generated table knows these"
        UnitTable({"µx": "tonne"})
        assert "pint" in sys.modules, "pint reads a name that is not an ASCII identifier"
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


WORDS = ["tonnes", "kg", "Mt", "people", "years", "percent", "hours", "g"]


@pytest.mark.slow
@settings(deadline=None)  # the first example may import pint and build the registry
@given(st.sampled_from(WORDS), st.sampled_from(WORDS), st.integers(-3, 3))
def test_compound_units_combine_their_words(a: str, b: str, power: int) -> None:
    ua, ub = TABLE.lookup(a), TABLE.lookup(b)
    quotient = TABLE.lookup(f"{a} / {b}")
    assert quotient.factor == ua.factor / ub.factor
    assert quotient.dimension == ua.dimension / ub.dimension
    product = TABLE.lookup(f"{a} * {b} ** {power}")
    assert product.factor == ua.factor * ub.factor**power
    assert product.dimension == ua.dimension * ub.dimension**power


def test_a_refused_dimensionless_leaves_the_table_whole() -> None:
    # Redefining pint's "dimensionless" broke pint itself: the next word crashed inside pint.
    failed: list[tuple[str, str]] = []
    table = UnitTable({"dimensionless": "tonne", "crate": "12 kg"}, failed=failed)
    assert failed == [
        ("dimensionless", '[units] dimensionless: "dimensionless" cannot be a unit name')
    ]
    assert table.lookup("crates").factor == 12000.0  # in grams, the base unit
    with pytest.raises(UnitError) as caught:
        table.lookup("dimensionlesss")
    assert (
        caught.value.message == 'unknown unit "dimensionlesss" (not built in: define it in [units])'
    )


@pytest.mark.parametrize("word", ["has", "B", "TB", "m", "in", "bn"])
def test_words_that_follow_numbers_in_prose_are_no_units(word: str) -> None:
    # "Census 2022 has ...", "7B", "10 million TB cases", "£33m", "5 in 10": never a unit
    assert is_known_word(word) is False
