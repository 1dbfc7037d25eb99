"""The small text helpers every stage shares: one-line text, shortening, "did you mean"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figcheck.text import did_you_mean, in_message, nearest, one_line, shorten


def test_one_line() -> None:
    assert one_line("  at least 22\n\tmillion  people ") == "at least 22 million people"


def test_shorten_cuts_with_an_ellipsis_and_no_space_before_it() -> None:
    assert shorten("Great Soviet Encyclopedia", 60) == "Great Soviet Encyclopedia"
    assert shorten("x" * 61, 60) == "x" * 59 + "…"
    assert shorten("Great Soviet Encyclopedia", 14) == "Great Soviet…"
    assert shorten("a reference\nover two lines", 60) == "a reference over two lines"


def test_messages_keep_the_input_as_it_is() -> None:
    assert shorten("kg\tper  person", 60, ellipsis="...", keep_spaces=True) == "kg\tper  person"
    assert shorten("9" * 400, 60, ellipsis="...", keep_spaces=True) == "9" * 57 + "..."


@pytest.mark.slow
@given(st.text(), st.integers(min_value=3, max_value=80), st.sampled_from(["…", "..."]))
def test_shorten_laws(text: str, limit: int, ellipsis: str) -> None:
    shown = shorten(text, limit, ellipsis=ellipsis)
    whole = one_line(text)
    assert len(shown) <= limit
    if len(whole) <= limit:
        assert shown == whole
    else:
        assert shown.endswith(ellipsis)
        kept = shown[: -len(ellipsis)]
        assert whole.startswith(kept)
        assert kept == kept.rstrip()


def test_in_message() -> None:
    assert in_message("kg\tper person") == "kg\tper person"
    assert in_message("about " + "9" * 400) == "about " + "9" * 51 + "..."


def test_did_you_mean_quotes_the_nearest_name_one_way() -> None:
    assert did_you_mean("totl", ["total", "population"]) == ' (did you mean "total"?)'
    assert did_you_mean("formla", ("section", "formula")) == ' (did you mean "formula"?)'
    assert did_you_mean("zzz", ["total"]) == ""
    symbols = {"Mt": "megatonne"}
    assert did_you_mean("MT", ["Mt", "t"], gloss=symbols.get) == ' (did you mean "Mt", megatonne?)'
    assert did_you_mean("peple", ["people"], gloss=symbols.get) == ' (did you mean "people"?)'


def test_nearest_prefers_a_name_that_differs_only_in_case() -> None:
    assert nearest("Kg", ["kg", "g", "Kg2"]) == "kg"
    assert nearest("TOTAL", ["total", "totals"]) == "total"


def test_nearest_among_many_names_compares_those_like_it() -> None:
    known = {f"claim_{i}" for i in range(5000)} | {"population"}
    assert nearest("populaton", known) == "population"
    assert nearest("claim_49999", known) == "claim_4999"
    assert nearest("xpopulation", known) is None  # another first letter: not compared
