"""Tests for the reading rules: every row of the reading table, with exact ends and open flags."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.errors import FigureError
from figcheck.figures import readings
from figcheck.figures import readings as R
from figcheck.figures.figure import parse_figure
from figcheck.figures.interval import Interval
from figcheck.figures.readings import Reading, read

INF = math.inf


def iv(lo: float, hi: float, lo_open: bool = False, hi_open: bool = False) -> Interval:
    return Interval(lo, hi, lo_open or lo == -INF, hi_open or hi == INF)


def closed(lo: float, hi: float) -> Interval:
    return iv(lo, hi)


def co(lo: float, hi: float) -> Interval:  # [lo, hi)
    return iv(lo, hi, hi_open=True)


def oc(lo: float, hi: float) -> Interval:  # (lo, hi]
    return iv(lo, hi, lo_open=True)


def oo(lo: float, hi: float) -> Interval:
    return iv(lo, hi, lo_open=True, hi_open=True)


# figure, about -> central, strict, lenient, s, l.
# "120 million": x = 120e6, s = 1e6, l = 1e7; with a = 0.1, a|x| = 12e6; with a = 0.01, 1.2e6.
TABLE: list[tuple[str, float, Reading]] = [
    # x: [x - h, x + h] strictly; leniently rounding at the last nonzero digit, capped at 5 % of
    # x ("trailing zeros"), or truncation toward zero at the written digit ("truncation")
    (
        "208 million",
        0.1,
        Reading(208e6, closed(207.5e6, 208.5e6), co(207.5e6, 209e6), 1e6, 1e6, (R.TRUNCATION,)),
    ),
    (
        "120 million",
        0.1,
        Reading(
            120e6, closed(119.5e6, 120.5e6), closed(115e6, 125e6), 1e6, 10e6, (R.TRAILING_ZEROS,)
        ),
    ),
    ("48.2", 0.1, Reading(48.2, closed(48.15, 48.25), co(48.15, 48.3), 0.1, 0.1, (R.TRUNCATION,))),
    (
        "3,150",
        0.1,
        Reading(
            3150.0, closed(3149.5, 3150.5), closed(3145.0, 3155.0), 1.0, 10.0, (R.TRAILING_ZEROS,)
        ),
    ),
    (
        "2006",
        0.1,
        Reading(2006.0, closed(2005.5, 2006.5), co(2005.5, 2007.0), 1.0, 1.0, (R.TRUNCATION,)),
    ),
    (
        "10 million",
        0.1,
        Reading(10e6, closed(9.5e6, 10.5e6), co(9.5e6, 11e6), 1e6, 10e6, (R.TRUNCATION,)),
    ),
    (
        "two hundred",
        0.1,
        Reading(200.0, closed(199.5, 200.5), closed(190.0, 210.0), 1.0, 100.0, (R.TRAILING_ZEROS,)),
    ),
    ("0", 0.1, Reading(0.0, closed(-0.5, 0.5), oo(-1.0, 1.0), 1.0, 1.0, (R.TRUNCATION,))),
    (
        "one-third",
        0.1,
        Reading(
            1 / 3, closed(1 / 3, 1 / 3), closed(0.31666666666666665, 0.35), 0.0, 0.0, (R.FRACTION,)
        ),
    ),
    ("half", 0.1, Reading(0.5, closed(0.5, 0.5), closed(0.475, 0.525), 0.0, 0.0, (R.FRACTION,))),
    (
        "about 120 million",
        0.1,
        Reading(120e6, closed(108e6, 132e6), closed(108e6, 132e6), 1e6, 10e6, ()),
    ),
    (
        "about 120 million",
        0.01,
        Reading(
            120e6, closed(118.8e6, 121.2e6), closed(115e6, 125e6), 1e6, 10e6, (R.TRAILING_ZEROS,)
        ),
    ),
    (
        "about 120 million",
        0.0,
        Reading(
            120e6, closed(119.5e6, 120.5e6), closed(115e6, 125e6), 1e6, 10e6, (R.TRAILING_ZEROS,)
        ),
    ),
    ("about half", 0.1, Reading(0.5, closed(0.45, 0.55), closed(0.45, 0.55), 0.0, 0.0, ())),
    (
        "about -300",
        0.1,
        Reading(-300.0, closed(-330.0, -270.0), closed(-330.0, -270.0), 1.0, 100.0, ()),
    ),
    ("about 0", 0.1, Reading(0.0, closed(-0.5, 0.5), closed(-0.5, 0.5), 1.0, 1.0, ())),
    (
        "nearly 120 million",
        0.1,
        Reading(120e6, co(108e6, 120e6), co(108e6, 120.5e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "nearly 120 million",
        0.01,
        Reading(120e6, co(118.8e6, 120e6), co(115e6, 120.5e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    ("almost half", 0.1, Reading(0.5, co(0.45, 0.5), co(0.45, 0.5), 0.0, 0.0, ())),
    (
        "just over 120 million",
        0.1,
        Reading(120e6, oc(120e6, 132e6), oc(119.5e6, 132e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "just over 120 million",
        0.01,
        Reading(120e6, oc(120e6, 121.2e6), oc(119.5e6, 125e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "at least 22 million",
        0.1,
        Reading(22e6, iv(22e6, INF), iv(21.5e6, INF), 1e6, 1e6, (R.ROUNDING,)),
    ),
    ("not less than one-third", 0.1, Reading(1 / 3, iv(1 / 3, INF), iv(1 / 3, INF), 0.0, 0.0, ())),
    (
        "over 120 million",
        0.1,
        Reading(120e6, oo(120e6, INF), oo(119.5e6, INF), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "at most 120 million",
        0.1,
        Reading(120e6, iv(-INF, 120e6), iv(-INF, 120.5e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "under 120 million",
        0.1,
        Reading(120e6, oo(-INF, 120e6), oo(-INF, 120.5e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "between 10 and 12 million",
        0.1,
        Reading(11e6, closed(10e6, 12e6), closed(9.5e6, 12.5e6), 1e6, 10e6, (R.ROUNDING,)),
    ),
    (
        "between 48.2 and 50",
        0.1,
        Reading(49.1, closed(48.2, 50.0), closed(48.15, 50.5), 1.0, 10.0, (R.ROUNDING,)),
    ),
    (
        "between a third and a half",
        0.1,
        Reading((1 / 3 + 0.5) / 2, closed(1 / 3, 0.5), closed(1 / 3, 0.5), 0.0, 0.0, ()),
    ),
    (
        "exactly 120 million",
        0.1,
        Reading(120e6, closed(120e6, 120e6), closed(120e6, 120e6), 0.0, 0.0, ()),
    ),
    (
        "20 percent",
        0.1,
        Reading(0.2, closed(0.195, 0.205), closed(0.19, 0.21), 0.01, 0.1, (R.TRAILING_ZEROS,)),
    ),
    (
        "50%",
        0.1,
        Reading(0.5, closed(0.495, 0.505), closed(0.475, 0.525), 0.01, 0.1, (R.TRAILING_ZEROS,)),
    ),
    (
        "48.2 percent",
        0.1,
        Reading(0.482, closed(0.4815, 0.4825), co(0.4815, 0.483), 0.001, 0.001, (R.TRUNCATION,)),
    ),
    ("over 50 percent", 0.1, Reading(0.5, oo(0.5, INF), oo(0.495, INF), 0.01, 0.1, (R.ROUNDING,))),
    (
        "about -3 percent",
        0.1,
        Reading(-0.03, closed(-0.035, -0.025), closed(-0.035, -0.025), 0.01, 0.01, ()),
    ),
    (
        "-3 percent",
        0.1,
        Reading(-0.03, closed(-0.035, -0.025), oc(-0.04, -0.025), 0.01, 0.01, (R.TRUNCATION,)),
    ),
    (
        "between 5 and 10 percent",
        0.1,
        Reading(0.075, closed(0.05, 0.1), closed(0.045, 0.105), 0.01, 0.1, (R.ROUNDING,)),
    ),
]


@pytest.mark.parametrize(("text", "about", "expected"), TABLE)
def test_reading_table(text: str, about: float, expected: Reading) -> None:
    assert read(parse_figure(text), about=about) == expected


# figure, precision -> reading: precision sets s = l (in the reading's units)
PRECISION: list[tuple[str, float, Reading]] = [
    (
        "22 million",
        0.5e6,
        Reading(22e6, closed(21.75e6, 22.25e6), co(21.75e6, 22.5e6), 0.5e6, 0.5e6, (R.TRUNCATION,)),
    ),
    (
        "120 million",
        1e6,
        Reading(120e6, closed(119.5e6, 120.5e6), co(119.5e6, 121e6), 1e6, 1e6, (R.TRUNCATION,)),
    ),
    (
        "20 percent",
        0.001,
        Reading(0.2, closed(0.1995, 0.2005), co(0.1995, 0.201), 0.001, 0.001, (R.TRUNCATION,)),
    ),
    (
        "about 22 million",
        5e6,
        Reading(22e6, closed(19.5e6, 24.5e6), closed(19.5e6, 24.5e6), 5e6, 5e6, ()),
    ),
    (
        "over 22 million",
        0.1e6,
        Reading(22e6, oo(22e6, INF), oo(21.95e6, INF), 0.1e6, 0.1e6, (R.ROUNDING,)),
    ),
    (
        "half",
        0.01,
        Reading(0.5, closed(0.495, 0.505), co(0.495, 0.51), 0.01, 0.01, (R.TRUNCATION,)),
    ),
    ("22 million", 0.0, Reading(22e6, closed(22e6, 22e6), closed(22e6, 22e6), 0.0, 0.0, ())),
    (
        "exactly 22 million",
        1e6,
        Reading(22e6, closed(22e6, 22e6), closed(22e6, 22e6), 0.0, 0.0, ()),
    ),
    (
        "between 10 and 12 million",
        0.1e6,
        Reading(11e6, closed(10e6, 12e6), closed(9.95e6, 12.05e6), 0.1e6, 0.1e6, (R.ROUNDING,)),
    ),
]


@pytest.mark.parametrize(("text", "precision", "expected"), PRECISION)
def test_precision(text: str, precision: float, expected: Reading) -> None:
    assert read(parse_figure(text), precision=precision) == expected


def test_default_about_is_a_tenth() -> None:
    figure = parse_figure("about 120 million")
    assert read(figure) == read(figure, about=0.1)


@pytest.mark.parametrize(
    ("about", "precision", "message"),
    [
        (-0.1, None, "the about setting must be a number from 0 up, not -0.1"),
        (math.nan, None, "the about setting must be a number from 0 up, not nan"),
        (math.inf, None, "the about setting must be a number from 0 up, not inf"),
        (0.1, -1.0, "precision must be a number from 0 up, not -1.0"),
        (0.1, math.nan, "precision must be a number from 0 up, not nan"),
    ],
)
def test_bad_settings(about: float, precision: float | None, message: str) -> None:
    with pytest.raises(FigureError) as info:
        read(parse_figure("5"), about=about, precision=precision)
    assert str(info.value) == message


_QUALIFIED = st.sampled_from(
    ["", "about ", "nearly ", "just over ", "at least ", "over ", "at most ", "under ", "exactly "]
)
_NUMBERS = st.sampled_from(
    ["5", "48.2", "3,150", "120 million", "two hundred", "half", "one-third", "20 percent",
     "0", "-3", "0.001", "999,999,999", "thirty-two million", "2.5 billion", "-0.5 percent"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(_QUALIFIED, _NUMBERS, st.sampled_from([0.0, 0.05, 0.1, 0.5]))
def test_strict_lies_in_lenient(qualifier: str, number: str, about: float) -> None:
    """Every strict reading is inside the lenient one, and the central figure is a bound of both
    or inside both; no reading is empty."""
    r = read(parse_figure(qualifier + number), about=about)
    strict, lenient = r.strict, r.lenient
    assert not strict.empty
    assert not lenient.empty
    assert lenient.lo <= strict.lo
    assert strict.hi <= lenient.hi
    if lenient.lo == strict.lo:
        assert lenient.lo_open <= strict.lo_open
    if lenient.hi == strict.hi:
        assert lenient.hi_open <= strict.hi_open
    assert strict.lo <= r.central <= strict.hi


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "at least ", "over ", "at most ", "under ", "exactly "]),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(["", " thousand", " million", " billion"]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**6).map(float)),
)
def test_float_path_matches_decimal_path(
    qualifier: str, n: int, scale: str, precision: float | None
) -> None:
    """Whole-number figures are read in floats; that must give what exact decimals give."""
    figure = parse_figure(f"{qualifier}{n:,}{scale}")
    with localcontext() as context:
        context.prec = 60
        p = None if precision is None else Decimal(repr(precision))
        x = readings._parts(figure.amount, p)
        exact = readings._reading(figure.qualifier, x, None, Decimal(0), cap=readings.CAP)
    assert read(figure, precision=precision) == exact
