"""The JSON format writes each result straight to text: the same bytes as encoding its data."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from figcheck.check.report import Report
from figcheck.check.verdict import Verdict
from figcheck.figures.interval import Interval
from figcheck.pipeline import build_report
from figcheck.render.json import _result_line, result_dict
from tests.common import EXAMPLES, ROOT

FILES = [ROOT / "claims.toml", *sorted((EXAMPLES / "positive").glob("*/claims.toml"))]


def _lines(report: Report) -> tuple[list[str], list[str]]:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    memo: dict[int, str] = {}
    fast = [_result_line(r, memo, encode) for r in report.results]
    slow = [encode(result_dict(r)) for r in report.results]
    return fast, slow


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name or "essay")
def test_each_result_line_is_its_data_encoded(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent)
    report = build_report(Path(path.name))
    fast, slow = _lines(report)
    assert len(fast) == len(report.results) > 0
    assert fast == slow


def test_odd_results_are_written_as_json_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide ranges, ends at infinity, a quote without a location, text that json escapes."""
    monkeypatch.chdir(ROOT)
    report = build_report(Path("claims.toml"))
    claim = next(r for r in report.results if r.formula is not None and r.stated is not None)
    odd = [
        dataclasses.replace(claim, wide=True),
        dataclasses.replace(claim, range=Interval(-math.inf, math.inf)),
        dataclasses.replace(claim, quote_location=None, quote_verdict=Verdict.QUOTE_NOT_FOUND),
        dataclasses.replace(claim, note='say "so"\n\\ tab\t ✔', section=None, line=None),
        dataclasses.replace(claim, central=math.nan),
        dataclasses.replace(claim, slack=(("rounding", ""),)),
    ]
    fast, slow = _lines(dataclasses.replace(report, results=tuple(odd)))
    assert fast == slow
    assert '"wide": true}' in fast[0]
    assert '"range": [null, null]' in fast[1]
    assert '"location": null' in fast[2]
    assert '"note": "say \\"so\\"\\n\\\\ tab\\t ✔"' in fast[3]
