"""Cited reference figures: parsed, judged by the same tiers, reported, and counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.common import ESSAY_CLAIMS, claims_file, errors, run

BODY = """
[claims.parts]
value = "10 million people"

[claims.total]
value = "208 million people"
formula = "parts * 20.8"
{refs}
"""


def ref(value: str, source: str = "Census bureau", extra: str = "") -> str:
    return f'[[claims.total.references]]\nvalue = "{value}"\nsource = "{source}"\n{extra}\n'


def result(tmp_path: Path, refs: str) -> tuple[int, dict[str, Any]]:
    out = run("check", claims_file(tmp_path, BODY.format(refs=refs)), "--format", "json")
    assert out.stderr == ""
    return out.exit_code, out.json()["results"][1]


def test_reference_tiers(tmp_path: Path) -> None:
    refs = (
        ref("208,300,000 people", "A")  # in the strict [207.5, 208.5] million
        + ref("208,826,650 people", "B")  # only in the lenient [207.5, 209) million
        + ref("215 million people", "C")  # far off
        + ref("approximately 230 million people", "D")  # ± 23 million: lenient ends meet
    )
    code, total = result(tmp_path, refs)
    assert [(r["source"], r["value"], r["verdict"]) for r in total["references"]] == [
        ("A", "208,300,000 people", "consistent"),
        ("B", "208,826,650 people", "within-rounding"),
        ("C", "215 million people", "inconsistent"),
        ("D", "approximately 230 million people", "within-rounding"),
    ]
    # the formula alone is consistent (208 million); the claim takes the worst verdict
    assert total["formula_verdict"] == "consistent"
    assert total["verdict"] == "inconsistent"
    assert code == 1


def test_reference_fields_and_overall_verdict(tmp_path: Path) -> None:
    extra = 'url = "https://example.org/c"\ndate = "1959-01-15"\nnote = "press release"'
    code, total = result(tmp_path, ref("208,826,650 people", "Census", extra))
    assert total["references"] == [
        {
            "source": "Census",
            "value": "208,826,650 people",
            "verdict": "within-rounding",
            "url": "https://example.org/c",
            "date": "1959-01-15",
            "note": "press release",
            # 208.8 million written "208 million": the stated figure truncates
            "slack": [{"kind": "truncation", "id": None}],
        }
    ]
    assert total["verdict"] == "within-rounding"
    assert code == 0


def test_claim_without_formula_is_judged_by_its_references(tmp_path: Path) -> None:
    path = claims_file(
        tmp_path,
        """
        [claims.members]
        value = "seven million people"
        [[claims.members.references]]
        value = "7,215,505 people"
        source = "Encyclopedia"
        """,
    )
    out = run("check", path, "--format", "json")
    assert out.exit_code == 0
    [members] = out.json()["results"]
    assert members["verdict"] == "consistent"
    assert members["formula_verdict"] is None


def test_reference_errors_are_located(tmp_path: Path) -> None:
    path = claims_file(
        tmp_path,
        """
        [claims.members]
        value = "seven million people"
        [[claims.members.references]]
        value = "7 million tonnes"
        source = "Wrong unit"
        [[claims.members.references]]
        value = "7 million people"
        date = "15 Jan 1959"
        """,
    )
    assert errors(path) == [
        f"{path}:8: claim 'members': reference 1: [mass] does not match the value's [person]",
        f"{path}:11: claim 'members': reference 2: missing source (who published the figure)",
        f"{path}:11: claim 'members': reference 2: date must be YYYY, YYYY-MM or YYYY-MM-DD, "
        'not "15 Jan 1959"',
    ]


def test_table_shows_reference_sub_rows(tmp_path: Path) -> None:
    out = run(
        "check",
        claims_file(tmp_path, BODY.format(refs=ref("215 million people", "Census bureau"))),
        "--color",
        "never",
    )
    assert out.exit_code == 1
    lines = [line for line in out.stdout.splitlines() if "reference" in line]
    assert len(lines) == 1
    assert "215 million people" in lines[0]
    assert "Census bureau" in lines[0]
    assert "✘ inconsistent" in lines[0]


def test_essay_reference_verdicts() -> None:
    out = run("check", ESSAY_CLAIMS, "--format", "json")
    refs = {
        (r["id"], ref["value"]): ref["verdict"]
        for r in out.json()["results"]
        for ref in r["references"]
    }
    assert refs == {
        ("population", "208,826,650 people"): "within-rounding",
        ("milk_total", "approximately 49 million tons"): "within-rounding",
        ("party_1956", "7,215,505 members"): "consistent",
        ("party_1941", "2,515,481 members"): "within-rounding",
        ("party_1941", "3,876,885 members"): "inconsistent",
        ("congress_year", "1956 year"): "consistent",
    }
