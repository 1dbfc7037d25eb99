"""Acceptance: every case under example-files/ gives its recorded verdicts or errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.common import EXAMPLES, run

POSITIVE = sorted(p.name for p in (EXAMPLES / "positive").iterdir())
NEGATIVE = sorted(p.name for p in (EXAMPLES / "negative").iterdir())


@pytest.mark.parametrize("case", POSITIVE)
def test_positive(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = EXAMPLES / "positive" / case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(folder)
    out = run("check", "claims.toml", "--format", "json")
    assert out.stderr == ""
    assert out.exit_code == expected["exit_code"]
    got = {r["id"]: r["verdict"] for r in out.json()["results"]}
    assert got == expected["verdicts"]


@pytest.mark.parametrize("case", NEGATIVE)
def test_negative(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = EXAMPLES / "negative" / case
    monkeypatch.chdir(folder)
    out = run("check", "claims.toml")
    assert out.exit_code == 2
    assert out.stdout == ""
    assert out.stderr == (folder / "expected.txt").read_text(encoding="utf-8")
    assert "Traceback" not in out.stderr


def test_every_case_has_its_expectation() -> None:
    for case in POSITIVE:
        assert Path(EXAMPLES / "positive" / case / "expected.json").is_file(), case
    for case in NEGATIVE:
        assert Path(EXAMPLES / "negative" / case / "expected.txt").is_file(), case
