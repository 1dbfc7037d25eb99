"""The essay's whole JSON report, byte for byte, against tests/golden/essay.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.common import ROOT, run

GOLDEN = Path(__file__).resolve().parent / "golden" / "essay.json"


def test_the_essay_json_report_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every byte of `figcheck check -f json` on ./claims.toml, the essay, as a user runs it
    from the repository root: paths in the report are relative to it ("claims.toml",
    "seeds/..."), so the test runs there and does not depend on where the checkout is.

    When a change to the report is intended (a new field, a fixed verdict, a new version),
    regenerate the golden file from the repository root and review its diff before committing:

        COLUMNS=120 uv run figcheck check -f json > tests/golden/essay.json
        git diff tests/golden/essay.json
    """
    monkeypatch.chdir(ROOT)
    out = run("check", "-f", "json", env={"COLUMNS": "120"})
    assert out.exit_code == 1  # the essay has one inconsistent figure
    assert out.stderr == ""
    expected = GOLDEN.read_bytes().decode("utf-8")
    assert out.stdout == expected, "the essay's report changed: see this test's docstring"
