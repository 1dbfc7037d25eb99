"""Tests for the reading rules: every row of the reading table, with exact ends and open flags."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.errors import FigureError
from figcheck.figures import readings
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
    # x: [x - s/2, x + s/2] and [x - l/2, x + max(l/2, s))
    ("208 million", 0.1, Reading(208e6, closed(207.5e6, 208.5e6), co(207.5e6, 209e6), 1e6, 1e6)),
    ("120 million", 0.1, Reading(120e6, closed(119.5e6, 120.5e6), co(115e6, 125e6), 1e6, 1e7)),
    ("48.2", 0.1, Reading(48.2, closed(48.15, 48.25), co(48.15, 48.3), 0.1, 0.1)),
    ("3,150", 0.1, Reading(3150.0, closed(3149.5, 3150.5), co(3145.0, 3155.0), 1.0, 10.0)),
    ("2006", 0.1, Reading(2006.0, closed(2005.5, 2006.5), co(2005.5, 2007.0), 1.0, 1.0)),
    ("10 million", 0.1, Reading(10e6, closed(9.5e6, 10.5e6), co(5e6, 15e6), 1e6, 1e7)),
    ("two hundred", 0.1, Reading(200.0, closed(199.5, 200.5), co(150.0, 250.0), 1.0, 100.0)),
    ("0", 0.1, Reading(0.0, closed(-0.5, 0.5), co(-0.5, 1.0), 1.0, 1.0)),
    # fractions have s = l = 0: the lenient [x, x) would be empty, so it is the point x
    ("one-third", 0.1, Reading(1 / 3, closed(1 / 3, 1 / 3), closed(1 / 3, 1 / 3), 0.0, 0.0)),
    ("half", 0.1, Reading(0.5, closed(0.5, 0.5), closed(0.5, 0.5), 0.0, 0.0)),
    # about x: x ± max(s/2, a|x|) and x ± max(l/2, a|x|), closed
    ("about 120 million", 0.1, Reading(120e6, closed(108e6, 132e6), closed(108e6, 132e6), 1e6,
                                       1e7)),
    ("about 120 million", 0.01, Reading(120e6, closed(118.8e6, 121.2e6), closed(115e6, 125e6),
                                        1e6, 1e7)),
    ("about 120 million", 0.0, Reading(120e6, closed(119.5e6, 120.5e6), closed(115e6, 125e6),
                                       1e6, 1e7)),
    ("about half", 0.1, Reading(0.5, closed(0.45, 0.55), closed(0.45, 0.55), 0.0, 0.0)),
    ("about -300", 0.1, Reading(-300.0, closed(-330.0, -270.0), closed(-350.0, -250.0), 1.0,
                                100.0)),
    ("about 0", 0.1, Reading(0.0, closed(-0.5, 0.5), closed(-0.5, 0.5), 1.0, 1.0)),
    # nearly x: [x - max(s/2, a|x|), x) and [x - max(l/2, a|x|), x + s/2)
    ("nearly 120 million", 0.1, Reading(120e6, co(108e6, 120e6), co(108e6, 120.5e6), 1e6, 1e7)),
    ("nearly 120 million", 0.01, Reading(120e6, co(118.8e6, 120e6), co(115e6, 120.5e6), 1e6,
                                         1e7)),
    ("almost half", 0.1, Reading(0.5, co(0.45, 0.5), co(0.45, 0.5), 0.0, 0.0)),
    # just over x: (x, x + max(s/2, a|x|)] and (x - s/2, x + max(l/2, a|x|)]
    ("just over 120 million", 0.1, Reading(120e6, oc(120e6, 132e6), oc(119.5e6, 132e6), 1e6,
                                           1e7)),
    ("just over 120 million", 0.01, Reading(120e6, oc(120e6, 121.2e6), oc(119.5e6, 125e6), 1e6,
                                            1e7)),
    # at least x: [x, ∞) and [x - s/2, ∞)
    ("at least 22 million", 0.1, Reading(22e6, iv(22e6, INF), iv(21.5e6, INF), 1e6, 1e6)),
    ("not less than one-third", 0.1, Reading(1 / 3, iv(1 / 3, INF), iv(1 / 3, INF), 0.0, 0.0)),
    # over x: (x, ∞) and (x - s/2, ∞)
    ("over 120 million", 0.1, Reading(120e6, oo(120e6, INF), oo(119.5e6, INF), 1e6, 1e7)),
    # at most x: (-∞, x] and (-∞, x + s/2]
    ("at most 120 million", 0.1, Reading(120e6, iv(-INF, 120e6), iv(-INF, 120.5e6), 1e6, 1e7)),
    # under x: (-∞, x) and (-∞, x + s/2)
    ("under 120 million", 0.1, Reading(120e6, oo(-INF, 120e6), oo(-INF, 120.5e6), 1e6, 1e7)),
    # between x and y: [x, y] and [x - s_x/2, y + s_y/2]; central is the midpoint
    ("between 10 and 12 million", 0.1, Reading(11e6, closed(10e6, 12e6), closed(9.5e6, 12.5e6),
                                               1e6, 1e7)),
    ("between 48.2 and 50", 0.1, Reading(49.1, closed(48.2, 50.0), closed(48.15, 50.5), 1.0,
                                         10.0)),
    # the midpoint of the two stated floats, rounded once
    ("between a third and a half", 0.1, Reading((1 / 3 + 0.5) / 2, closed(1 / 3, 0.5),
                                                closed(1 / 3, 0.5), 0.0, 0.0)),
    # exactly x: [x, x] twice, s = l = 0
    ("exactly 120 million", 0.1, Reading(120e6, closed(120e6, 120e6), closed(120e6, 120e6), 0.0,
                                         0.0)),
    # percent: x, s and l are divided by 100
    ("20 percent", 0.1, Reading(0.2, closed(0.195, 0.205), co(0.15, 0.25), 0.01, 0.1)),
    ("50%", 0.1, Reading(0.5, closed(0.495, 0.505), co(0.45, 0.55), 0.01, 0.1)),
    ("48.2 percent", 0.1, Reading(0.482, closed(0.4815, 0.4825), co(0.4815, 0.483), 0.001,
                                  0.001)),
    ("over 50 percent", 0.1, Reading(0.5, oo(0.5, INF), oo(0.495, INF), 0.01, 0.1)),
    ("about -3 percent", 0.1, Reading(-0.03, closed(-0.035, -0.025), closed(-0.035, -0.025),
                                      0.01, 0.01)),
    ("-3 percent", 0.1, Reading(-0.03, closed(-0.035, -0.025), co(-0.035, -0.02), 0.01, 0.01)),
    ("between 5 and 10 percent", 0.1, Reading(0.075, closed(0.05, 0.1), closed(0.045, 0.105),
                                              0.01, 0.1)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "about", "expected"), TABLE)
def test_reading_table(text: str, about: float, expected: Reading) -> None:
    assert read(parse_figure(text), about=about) == expected


# figure, precision -> reading: precision sets s = l (in the reading's units)
PRECISION: list[tuple[str, float, Reading]] = [
    ("22 million", 5e5, Reading(22e6, closed(21.75e6, 22.25e6), co(21.75e6, 22.5e6), 5e5, 5e5)),
    ("120 million", 1e6, Reading(120e6, closed(119.5e6, 120.5e6), co(119.5e6, 121e6), 1e6, 1e6)),
    ("20 percent", 0.001, Reading(0.2, closed(0.1995, 0.2005), co(0.1995, 0.201), 0.001, 0.001)),
    ("about 22 million", 5e6, Reading(22e6, closed(19.5e6, 24.5e6), closed(19.5e6, 24.5e6), 5e6,
                                      5e6)),
    ("over 22 million", 1e5, Reading(22e6, oo(22e6, INF), oo(21.95e6, INF), 1e5, 1e5)),
    ("half", 0.01, Reading(0.5, closed(0.495, 0.505), co(0.495, 0.51), 0.01, 0.01)),
    ("22 million", 0.0, Reading(22e6, closed(22e6, 22e6), closed(22e6, 22e6), 0.0, 0.0)),
    ("exactly 22 million", 1e6, Reading(22e6, closed(22e6, 22e6), closed(22e6, 22e6), 0.0, 0.0)),
    ("between 10 and 12 million", 1e5, Reading(11e6, closed(10e6, 12e6),
                                               closed(9.95e6, 12.05e6), 1e5, 1e5)),
]  # fmt: skip


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
        exact = readings._reading(figure.qualifier, x, None, Decimal(0))
    assert read(figure, precision=precision) == exact
