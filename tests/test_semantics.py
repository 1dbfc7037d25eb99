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


# ---------------------------------------------------------------------------------------------
# 2. A derived input is pinned by its own formula; an open bound alone is bound-only
# ---------------------------------------------------------------------------------------------

ESSAY_SHAPE = """
[claims.cooperative]
value = "two million people"

[claims.home]
value = "10 million people"

[claims.farmers]
value = "thirty-two million people"

[claims.plot_share]
value = "not less than one-third"

[claims.plot]
value = "10 million people"
formula = "farmers * plot_share"

[claims.population]
value = "208 million people"

[claims.self_producing]
value = "at least 22 million people"
{formula}

[claims.target]
value = "20 percent"
formula = "self_producing / population"
"""


def test_the_essays_independent_share_fails_because_its_own_formula_pins_the_22_million() -> None:
    body = ESSAY_SHAPE.format(formula='formula = "cooperative + home + plot"')
    r = result(body)
    assert r.verdict.value == "inconsistent"
    # "at least 22 million" read as 21.5 to 25 million: the sum of 2, 10 and 10 million
    assert r.range == Interval(21.5e6 / 209e6, 25e6 / 207.5e6, True, True)
    assert r.off == "20 % stated, 10.6 % computed: 9.42 percentage points, 1.89×"
    assert verdict(body, "self_producing") == "consistent"


def test_the_same_share_from_a_bare_lower_bound_is_bound_only() -> None:
    r = result(ESSAY_SHAPE.format(formula=""))
    assert r.verdict.value == "bound-only"
    assert r.verdict.symbol == "⇥"
    assert r.verdict.fails()
    # with the bound read as the 22 million it names (21.5 to 23 million), at most 11.08 %
    assert r.reached == Interval(21.5e6 / 209e6, 23e6 / 207.5e6, True, True)


def test_an_input_its_formula_contradicts_is_read_as_stated() -> None:
    body = claims(a="10", b="50") + (
        '[claims.b2]\nvalue = "50"\nformula = "a * 2"\n\n'
        '[claims.target]\nvalue = "100"\nformula = "b2 * 2"\n'
    )
    assert verdict(body, "b2") == "inconsistent"
    assert verdict(body) == "consistent"  # b2 = 50 as the document states it


# ---------------------------------------------------------------------------------------------
# 3. Whole counts: integer = true
# ---------------------------------------------------------------------------------------------


def test_12_members_are_not_5_plus_4_plus_2_when_counted() -> None:
    plain = derived("12 members", "a + b + c", a="5 members", b="4 members", c="2 members")
    assert verdict('[units]\nmembers = "person"\n\n' + plain) == "within-rounding"
    whole = plain.replace('members"\n', 'members"\ninteger = true\n')
    assert verdict('[units]\nmembers = "person"\n\n' + whole) == "inconsistent"


def test_a_table_total_of_190_over_96_plus_96_fails_as_a_count() -> None:
    body = (
        '[claims.a]\nvalue = "96"\ninteger = true\n\n[claims.b]\nvalue = "96"\ninteger = true\n\n'
        '[claims.target]\nvalue = "190"\nformula = "a + b"\ninteger = true\n'
    )
    assert verdict(body) == "inconsistent"
    assert verdict(derived("190", "a + b", a="96", b="96")) == "within-rounding"


@pytest.mark.parametrize(("mean", "expected"), [("3.45", "inconsistent"), ("3.4", "consistent")])
def test_grim_a_mean_of_3_45_from_10_whole_answers_is_impossible(mean: str, expected: str) -> None:
    body = (
        f'[claims.mean]\nvalue = "{mean}"\n\n[claims.n]\nvalue = "10"\ninteger = true\n\n'
        '[claims.target]\nvalue = "between 10 and 50"\nformula = "mean * n"\ninteger = true\n'
    )
    assert verdict(body) == expected  # 34.45 to 34.55 holds no whole number; 34 is one


def test_a_whole_count_reads_as_the_whole_numbers_in_its_readings() -> None:
    r = result('[claims.target]\nvalue = "about 12 people"\ninteger = true\n')
    assert r.stated is not None
    assert (r.stated.reading.strict, r.stated.reading.lenient) == (
        Interval(11.0, 13.0),
        Interval(11.0, 13.0),
    )


def test_integer_must_be_a_boolean_and_the_figure_must_hold_a_whole_number() -> None:
    from figcheck.errors import ProblemsError

    with pytest.raises(ProblemsError) as bad:
        report(
            '[claims.a]\nvalue = "3.45"\ninteger = true\n\n[claims.b]\nvalue = "2"\ninteger = 1\n'
        )
    assert [p.message for p in bad.value.problems] == [
        "claim 'a': integer = true, but \"3.45\" holds no whole number",
        "claim 'b': integer must be true or false, not an integer",
    ]


# ---------------------------------------------------------------------------------------------
# 5. ✔ means the claim follows: qualified and one-sided inputs are carried as ranges
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("figure", ["nearly half", "over 56 %", "under 5 percent"])
def test_a_restated_qualified_figure_is_consistent(figure: str) -> None:
    assert verdict(derived(figure, "first", first=figure)) == "consistent"


def test_at_least_22_of_208_million_does_not_make_under_15_percent_consistent() -> None:
    body = derived("under 15 percent", "part / whole", part="at least 22 million",
                   whole="208 million")  # fmt: skip
    r = result(body)
    assert r.verdict.value == "within-rounding"  # possible, since 22 of 208 is 10.6 %
    assert r.slack_text == "an open bound of part"
    assert r.formula_verdict is not None
    assert r.formula_verdict.value != "consistent"


# ---------------------------------------------------------------------------------------------
# 6. The verdict does not depend on how the formula is spelled
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("(collected - landfilled) / collected", "1 - landfilled / collected"),
        ("collected / (collected + landfilled)", "1 / (1 + landfilled / collected)"),
    ],
)
@pytest.mark.parametrize("stated", ["25.4 percent", "74.6 percent", "about 26 percent", "57 %"])
def test_equal_formulas_give_equal_verdicts_and_ranges(one: str, other: str, stated: str) -> None:
    inputs = {"collected": "about 2,145 tonnes", "landfilled": "1,600 tonnes"}
    a, b = result(derived(stated, one, **inputs)), result(derived(stated, other, **inputs))
    assert a.verdict == b.verdict
    assert a.range is not None
    assert b.range is not None
    assert a.range.lo == pytest.approx(b.range.lo, rel=1e-15)
    assert a.range.hi == pytest.approx(b.range.hi, rel=1e-15)
    assert (a.wide, b.wide) == (False, False)


def test_the_landfill_share_is_within_rounding_however_it_is_spelled() -> None:
    inputs = {"collected": "2,145 tonnes", "landfilled": "1,600 tonnes"}
    for formula in ("(collected - landfilled) / collected", "1 - landfilled / collected"):
        assert verdict(derived("25.4 percent", formula, **inputs)) == "consistent"
        # 1,600 may be rounded to hundreds: 1,550 to 1,650 gives 23.1 to 27.8 %
        assert verdict(derived("25.6 percent", formula, **inputs)) == "within-rounding"
        assert verdict(derived("29 percent", formula, **inputs)) == "inconsistent"


def test_a_range_that_may_be_wider_than_the_truth_is_flagged() -> None:
    r = result(derived("5", "abs(a) - a", a="about 1"))  # abs: no derivative to go by
    assert r.wide
    assert r.range == Interval(-1.0, 1.0)  # "about 1" is 0.5 to 1.5; the truth is 0
    # a * a - 2 * a is monotone on each half of [0.5, 1.5]: split, its range is exact
    r = result(derived("5", "a * a - 2 * a", a="about 1"))
    assert r.range is not None
    assert (r.range.lo, r.range.hi, r.wide) == (-1.0, -0.75, False)
    assert result(derived("5", "(a - b) / a", a="10", b="5")).wide is False


# ---------------------------------------------------------------------------------------------
# 7. Float tolerance is tied to the written precision
# ---------------------------------------------------------------------------------------------


def test_a_10000_dollar_gap_at_31_4_trillion_written_to_the_dollar_fails() -> None:
    body = derived("31,412,345,678,901", "a", a="31,412,345,668,901")
    assert verdict(body) == "inconsistent"


def test_float_noise_is_not_a_difference() -> None:
    assert verdict(derived("exactly 0.3", "a + b", a="exactly 0.1", b="exactly 0.2")) == (
        "consistent"
    )


# ---------------------------------------------------------------------------------------------
# 8. A range unbounded on both sides is unchecked, and explain agrees with every verdict
# ---------------------------------------------------------------------------------------------


def test_a_range_with_no_bound_is_unchecked() -> None:
    r = result(derived("5", "a / b", a="10", b="0"))
    assert (r.verdict.value, r.range) == ("unchecked", Interval(-INF, INF, True, True))


def test_explain_agrees_with_the_verdict() -> None:
    from figcheck.explain.explanation import explain

    rep = report(ESSAY_SHAPE.format(formula='formula = "cooperative + home + plot"'))
    sentence = explain(rep, "target").sentence
    assert sentence == (
        "the inputs give 10.6 %, and even their loosest reading gives at most 12.05 %, but the "
        "document says 20 percent (19.5 to 20.5 % as written, 19 to 21 % at its loosest)"
    )
    rep = report(derived("5", "a / b", a="10", b="0"))
    assert explain(rep, "target").sentence == (
        "the formula is undefined at the inputs' central figures, so “5” cannot follow"
    )
    rep = report(derived("5", "a / b", a="10", b="between 0 and 4"))
    assert explain(rep, "target").sentence.endswith("so “5” cannot be checked")


# ---------------------------------------------------------------------------------------------
# Every ≈ names its slack; every formula says how far off it is, with enough digits
# ---------------------------------------------------------------------------------------------


def test_an_approximate_figure_names_the_slack_and_the_inputs_that_needed_it() -> None:
    r = result(derived("half", "a / b", a="611", b="1,234"))
    assert r.slack == (("a rounded fraction word", ""),)
    assert r.slack_text == "a rounded fraction word of the stated figure"
    r = result(derived("30", "a + b", a="10.3", b="20.3"))  # 30.6: both inputs rounded down
    assert r.verdict.value == "within-rounding"
    assert r.slack == (
        ("rounding at the written digit", "a"),
        ("rounding at the written digit", "b"),
    )
    r = result(derived("43.5", "a * 2", a="21"))  # 21.75 written 21: truncation
    assert (r.verdict.value, r.slack) == ("within-rounding", (("truncation", "a"),))
    r = result(derived("208 million", "a", a="208.8 million"))  # the stated figure truncates
    assert (r.verdict.value, r.slack) == ("within-rounding", (("truncation", ""),))
    r = result(derived("20", "a", a="20.7"))  # "20" may be rounded to tens, by at most 1
    assert (r.verdict.value, r.slack) == ("within-rounding", (("trailing zeros", ""),))


def test_how_far_off_shows_enough_digits_to_see_the_difference() -> None:
    r = result(derived("15.1 billion", "a + b", a="10.045 billion", b="5.022 billion"))
    assert r.computed == "15.067 billion (15.066 billion – 15.069 billion)"
    assert r.off == "15.1 billion stated, 15.07 billion computed: 0.033 billion, 1.002×"


def test_a_reference_within_rounding_names_its_slack() -> None:
    body = (
        '[claims.target]\nvalue = "50 million tons"\n\n[[claims.target.references]]\n'
        'value = "approximately 49 million tons"\nsource = "CIA"\n\n'
        '[claims.other]\nvalue = "208 million people"\n\n[[claims.other.references]]\n'
        'value = "208,826,650 people"\nsource = "census"\n'
    )
    body = '[units]\ntons = "tonne"\n\n' + body
    (milk,) = result(body).references
    assert (milk.verdict.value, milk.slack) == (
        "within-rounding",
        (("the qualifier's width", "cited"),),
    )
    (census,) = result(body, "other").references
    assert (census.verdict.value, census.slack_text) == (
        "within-rounding",
        "truncation of the stated figure",
    )


def test_a_count_unit_makes_its_figures_whole_counts() -> None:
    units = '[units]\nmembers = { unit = "person", count = true }\n\n'
    body = units + derived("12 members", "a + b + c", a="5 members", b="4 members", c="2 members")
    assert verdict(body) == "inconsistent"
    # integer = false still reads one figure as continuous
    loose = body.replace('value = "12 members"', 'value = "12 members"\ninteger = false')
    assert verdict(loose) == "inconsistent"  # the inputs are still exact counts: 11
    assert verdict(units + derived("11 members", "a + b", a="5 members", b="6 members")) == (
        "consistent"
    )


def test_a_malformed_count_unit_is_an_error() -> None:
    from figcheck.errors import ProblemsError

    with pytest.raises(ProblemsError) as bad:
        report('[units]\nmembers = { unit = "person", counted = true }\n')
    assert [p.message for p in bad.value.problems] == [
        '[units] members: must be a string or a table such as { unit = "person", count = true }'
    ]
