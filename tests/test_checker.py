"""Verdicts on small claims files: each tier, each reading, units and checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.common import claims_file, run, verdicts


def one(tmp_path: Path, stated: str, formula: str, **inputs: str) -> str:
    """The verdict on a claim *stated* = *formula* over *inputs* (id -> value)."""
    body = "".join(f'[claims.{k}]\nvalue = "{v}"\n\n' for k, v in inputs.items())
    body += f'[claims.target]\nvalue = "{stated}"\nformula = "{formula}"\n'
    return verdicts(claims_file(tmp_path, body))["target"]


@pytest.mark.parametrize(
    ("stated", "formula", "inputs", "expected"),
    [
        # plain figures: strict [x - s/2, x + s/2], lenient [x - l/2, x + max(l/2, s))
        ("30 people", "a + b", {"a": "10 people", "b": "20 people"}, "consistent"),
        ("31 people", "a + b", {"a": "10 people", "b": "20 people"}, "within-rounding"),
        # trailing zeros widen by at most 5 % of the figure: 10 is [9.5, 11), 20 is [19.5, 21)
        ("36 people", "a + b", {"a": "10 people", "b": "20 people"}, "inconsistent"),
        ("45 people", "a + b", {"a": "10 people", "b": "20 people"}, "inconsistent"),
        ("208 million people", "a", {"a": "208.4 million people"}, "consistent"),
        ("208 million people", "a", {"a": "208.8 million people"}, "within-rounding"),
        ("208 million people", "a", {"a": "209.1 million people"}, "inconsistent"),
        # about x: x ± max(s/2, a·|x|) with a = 10 %
        ("about 100 people", "a", {"a": "109 people"}, "consistent"),
        ("about 100 people", "a", {"a": "about 115 people"}, "within-rounding"),
        ("about 100 people", "a", {"a": "112 people"}, "inconsistent"),
        ("about 100 people", "a", {"a": "exactly 151 people"}, "inconsistent"),
        ("about 123 people", "a", {"a": "130 people"}, "consistent"),
        ("about 123 people", "a", {"a": "140 people"}, "within-rounding"),
        ("about 123 people", "a", {"a": "exactly 140 people"}, "inconsistent"),
        # one-sided qualifiers
        ("at least 22 million people", "a", {"a": "22 million people"}, "consistent"),
        ("over 22 million people", "a", {"a": "22 million people"}, "within-rounding"),
        ("over 22 million people", "a", {"a": "exactly 22 million people"}, "within-rounding"),
        ("over 22 million people", "a", {"a": "exactly 21 million people"}, "inconsistent"),
        ("under 10 people", "a", {"a": "9 people"}, "consistent"),
        ("at most 10 people", "a", {"a": "exactly 11 people"}, "inconsistent"),
        ("nearly 100 people", "a", {"a": "95 people"}, "consistent"),
        ("nearly 100 people", "a", {"a": "exactly 100 people"}, "within-rounding"),
        ("just over 100 people", "a", {"a": "105 people"}, "consistent"),
        ("between 10 and 20 people", "a", {"a": "15 people"}, "consistent"),
        ("between 10 and 20 people", "a", {"a": "exactly 20.4 people"}, "within-rounding"),
        ("exactly 12 people", "a", {"a": "exactly 12 people"}, "consistent"),
        # fractions and percentages are dimensionless: 20 percent == 0.2
        ("about half", "a / b", {"a": "52 people", "b": "100 people"}, "consistent"),
        ("20 percent", "a / b", {"a": "exactly 1 people", "b": "exactly 5 people"}, "consistent"),
        ("one-third", "a / b", {"a": "exactly 1 people", "b": "exactly 3 people"}, "consistent"),
        # units convert: kilotonnes against tonnes
        ("4 kilotonnes", "a + b", {"a": "1,500 tonnes", "b": "2,500 tonnes"}, "consistent"),
        ("5 kilotonnes", "a + b", {"a": "1,500 tonnes", "b": "2,500 tonnes"}, "inconsistent"),
        # division by a range that contains zero is unbounded, never an error
        ("10 people", "a / b", {"a": "10 people", "b": "exactly 0"}, "unchecked"),
    ],
)
def test_tiers(
    tmp_path: Path, stated: str, formula: str, inputs: dict[str, str], expected: str
) -> None:
    assert one(tmp_path, stated, formula, **inputs) == expected


def test_inputs_use_stated_not_computed_figures(tmp_path: Path) -> None:
    # b is computed wrongly from a, yet c is judged from b's stated figure
    path = claims_file(
        tmp_path,
        """
        [claims.a]
        value = "10 people"
        [claims.b]
        value = "50 people"
        formula = "a * 2"
        [claims.c]
        value = "100 people"
        formula = "b * 2"
        """,
    )
    assert verdicts(path) == {"a": "unchecked", "b": "inconsistent", "c": "consistent"}


def test_precision_sets_s_and_l(tmp_path: Path) -> None:
    body = """
        [claims.a]
        value = "1,234,000 people"
        [claims.b]
        value = "1 million people"
        formula = "a"
        precision = "{}"
        """
    # without precision: "1 million" has s = 1 million, so 1.234 million is consistent
    assert verdicts(claims_file(tmp_path, body.replace('precision = "{}"', "")))["b"] == (
        "consistent"
    )
    # rounded to the 100,000: strict [0.95, 1.05] million, lenient [0.95, 1.05) million
    assert verdicts(claims_file(tmp_path, body.format("100,000 people")))["b"] == "inconsistent"


def test_checks(tmp_path: Path) -> None:
    path = claims_file(
        tmp_path,
        """
        [claims.a]
        value = "10 people"
        [claims.b]
        value = "10 people"
        [claims.c]
        value = "exactly 30 people"
        [checks.fits]
        assert = "a + b <= c"
        [checks.tight]
        assert = "a > b"
        [checks.never]
        assert = "a + b > c"
        """,
    )
    assert verdicts(path) == {
        "a": "unchecked",
        "b": "unchecked",
        "c": "unchecked",
        "fits": "consistent",
        "tight": "within-rounding",
        "never": "inconsistent",
    }


def test_json_result_values(tmp_path: Path) -> None:
    path = claims_file(
        tmp_path,
        """
        [claims.a]
        value = "32 million people"
        [claims.b]
        value = "not less than one-third"
        [claims.c]
        section = "Labour"
        value = "10 million people"
        formula = "a * b"
        note = "a judgement"
        """,
    )
    out = run("check", path, "--format", "json")
    assert out.exit_code == 0
    data = out.json()
    assert data["schema"] == 2
    assert data["document"] == {"title": "Test", "source": "doc.txt"}
    c = data["results"][2]
    assert c["id"] == "c"
    assert c["kind"] == "claim"
    assert c["verdict"] == "within-rounding"
    assert c["section"] == "Labour"
    assert c["formula"] == "a * b"
    assert c["central"] == pytest.approx(32e6 / 3)
    assert c["range"] == [pytest.approx(31.5e6 / 3), None]
    assert c["computed"] == "10.7 million people (10.5 million – ∞)"
    assert c["stated"] == {
        "text": "10 million people",
        "unit": "people",
        "central": 10e6,
        "strict": [9.5e6, 10.5e6],
        "lenient": [9.5e6, 11e6],
    }
    assert c["note"] == "a judgement"
    assert data["summary"]["total"] == 3
    assert data["summary"]["within-rounding"] == 1
    assert data["summary"]["unchecked"] == 2
    assert data["summary"]["exit_code"] == 0


@pytest.mark.parametrize(
    ("stated", "formula", "expected"),
    [
        ("exactly 0.3", "a + b", "consistent"),  # 0.1 + 0.2 is 0.30000000000000004 in floats
        ("at most 0.3", "a + b", "consistent"),
        ("under 0.3", "a + b", "within-rounding"),  # an open end stays open
    ],
)
def test_float_noise_is_not_disagreement(
    tmp_path: Path, stated: str, formula: str, expected: str
) -> None:
    assert one(tmp_path, stated, formula, a="exactly 0.1", b="exactly 0.2") == expected
