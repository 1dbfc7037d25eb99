"""The hard cases of verdict semantics v2: each gets the verdict a careful reader defends."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest

from figcheck.check.checker import check
from figcheck.check.report import Report, Result
from figcheck.claims.loader import parse
from figcheck.figures.figure import parse_figure
from figcheck.figures.interval import Interval
from figcheck.figures.readings import read

INF = math.inf


def report(body: str) -> Report:
    """The report on a claims file whose claims and checks are *body* (no document needed)."""
    text = '[document]\ntitle = "Test"\nsource = "doc.txt"\n\n' + textwrap.dedent(body)
    return check(parse(text, shown="claims.toml", base=Path(".")))


def result(body: str, rid: str = "target") -> Result:
    return next(r for r in report(body).results if r.id == rid)


def verdict(body: str, rid: str = "target") -> str:
    return result(body, rid).verdict.value


def claims(**values: str) -> str:
    """Claims with plain values: ``claims(a="10 people")``."""
    return "".join(f'[claims.{k}]\nvalue = "{v}"\n\n' for k, v in values.items())


def derived(stated: str, formula: str, **inputs: str) -> str:
    """A claim *target* stating *stated* with *formula* over plain *inputs*."""
    return claims(**inputs) + f'[claims.target]\nvalue = "{stated}"\nformula = "{formula}"\n'


# ---------------------------------------------------------------------------------------------
# 1. Trailing zeros widen a figure by at most 5 % of itself; calendar years are never widened
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lenient"),
    [
        ("10 million", Interval(9.5e6, 11e6, False, True)),  # not 5 to 15 million
        ("100%", Interval(0.95, 1.05)),  # not 50 to 150 %
        ("10,000", Interval(9500.0, 10500.0)),  # not 5,000 to 15,000
        ("2000", Interval(1999.5, 2001.0, False, True)),  # the year 2000, not 1500 to 2499
        ("2000 year", Interval(1999.5, 2001.0, False, True)),
        ("12,400", Interval(12350.0, 12450.0)),
        ("30 years", Interval(28.5, 31.5)),  # a duration: its trailing zero widens by 5 %
    ],
)
def test_trailing_zeros_are_capped(text: str, lenient: Interval) -> None:
    assert read(parse_figure(text)).lenient == lenient


def test_an_increase_of_about_90_percent_from_10000_to_12400_fails() -> None:
    body = derived("about 90 percent", "(now - before) / before", now="12,400", before="10,000")
    assert verdict(body) == "inconsistent"  # the truth is 24 %


def test_a_stated_100_percent_does_not_pass_a_computed_60_percent() -> None:
    assert verdict(derived("100%", "part / whole", part="60", whole="exactly 100")) == (
        "inconsistent"
    )


@pytest.mark.parametrize("stated", ["a rise of 30%", "a rise of 120%"])
def test_a_rise_from_20_to_33_million_is_neither_30_nor_120_percent(stated: str) -> None:
    body = derived(stated.removeprefix("a rise of "), "after / before - 1", before="20 million",
                   after="33 million")  # fmt: skip
    assert verdict(body) == "inconsistent"  # the truth is 65 %


def test_ten_percent_a_year_for_five_years_is_not_fifty_percent_in_all() -> None:
    body = derived("50%", "(1 + rate) ** 5 - 1", rate="10%")
    assert verdict(body) == "inconsistent"  # 61 %, and at least 57.4 % over the rounding


def test_a_50_30_30_percent_budget_does_not_fit_in_100_percent() -> None:
    body = claims(a="50%", b="30%", c="30%") + '[checks.target]\nassert = "a + b + c <= 1"\n'
    assert verdict(body) == "inconsistent"  # at least 104.5 % over the rounding


def test_2020_minus_2000_is_not_30_years() -> None:
    body = (
        claims(start="2000 year", end="2020 year")
        + '[claims.target]\nvalue = "30 years"\nformula = "end - start"\n'
    )
    assert verdict(body) == "inconsistent"  # at most 21.5 years


# ---------------------------------------------------------------------------------------------
# 4. Fraction words are rounded figures; truncation goes toward zero
# ---------------------------------------------------------------------------------------------


def test_half_reads_as_a_rounded_fraction() -> None:
    r = read(parse_figure("half"))
    assert (r.strict, r.lenient) == (Interval(0.5, 0.5), Interval(0.475, 0.525))


def test_611_of_1234_is_half_within_rounding() -> None:
    assert verdict(derived("half", "a / b", a="611", b="1,234")) == "within-rounding"  # 49.5 %


def test_42_of_123_is_a_third_within_rounding() -> None:
    assert verdict(derived("a third", "a / b", a="42", b="123")) == "within-rounding"  # 34.1 %


def test_a_fall_of_3_79_percent_reads_as_minus_3_percent_by_truncation() -> None:
    assert read(parse_figure("-3 percent")).lenient == Interval(-0.04, -0.025, True, False)
    body = derived("-3 percent", "after / before - 1", before="exactly 100", after="96.21")
    assert verdict(body) == "within-rounding"
    body = derived("3 percent", "1 - after / before", before="exactly 100", after="96.21")
    assert verdict(body) == "within-rounding"


# ---------------------------------------------------------------------------------------------
# 9. Direction words: widths bounded by the figure's size, not only its scale word
# ---------------------------------------------------------------------------------------------


def test_nearly_3_million_is_within_a_tenth_below() -> None:
    r = read(parse_figure("nearly 3 million"))
    assert r.strict == Interval(2.7e6, 3e6, False, True)
    assert r.lenient == Interval(2.5e6, 3.15e6, False, True)


def test_2_56_million_is_not_consistent_with_nearly_3_million() -> None:
    assert verdict(derived("nearly 3 million", "a", a="2.56 million")) == "within-rounding"


def test_3_4_million_is_not_nearly_3_million() -> None:
    assert verdict(derived("nearly 3 million", "a", a="3.4 million")) == "inconsistent"


def test_just_over_mirrors_nearly() -> None:
    r = read(parse_figure("just over 3 million"))
    assert r.strict == Interval(3e6, 3.3e6, True, False)
    assert r.lenient == Interval(2.85e6, 3.5e6, True, False)
