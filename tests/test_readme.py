"""The README shows real output: its report excerpt is checked against the essay's report."""

from __future__ import annotations

import re

import pytest

from tests.common import ROOT, run

EXCERPT = re.compile(r"<!-- report-excerpt.*?```text\n(.*?)```", re.DOTALL)


def test_report_excerpt_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    match = EXCERPT.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match is not None
    command, *shown = match.group(1).splitlines()
    assert command == "$ uv run figcheck check"
    monkeypatch.chdir(ROOT)
    out = run("check", "--color", "never", env={"COLUMNS": "100"})
    assert out.exit_code == 1
    actual = [line.rstrip() for line in out.stdout.splitlines()]
    # the excerpt is runs of consecutive report lines, in order, with "…" between them
    runs = "\n".join(shown).split("\n…\n")
    position = 0
    for run_text in runs:
        lines = run_text.splitlines()
        starts = [i for i in range(position, len(actual)) if actual[i : i + len(lines)] == lines]
        assert starts, run_text
        position = starts[0] + len(lines)
