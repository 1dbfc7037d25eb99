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


def _written(monkeypatch: pytest.MonkeyPatch, text: object, encoding: str) -> bytes:
    import io
    import sys

    from figcheck.io.output import write_stdout

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    monkeypatch.setattr(sys, "stdout", stream)
    write_stdout(text)  # type: ignore[arg-type]
    return raw.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "latin-1"])
@pytest.mark.parametrize("odd", ["", "claims path", "location path"])
def test_a_report_written_in_parts_has_the_bytes_of_its_whole_text(
    monkeypatch: pytest.MonkeyPatch, encoding: str, odd: str
) -> None:
    """In parts or whole, the same bytes: also where a path holds a lone surrogate (a file
    name that is not UTF-8), which sends the whole text through the ASCII fallback."""
    from figcheck.render import RenderOptions
    from figcheck.render import json as json_format

    monkeypatch.chdir(ROOT)
    report = build_report(Path("claims.toml"))
    if odd == "claims path":
        report = dataclasses.replace(report, claims_path="cl\udcffaims.toml")
    if odd == "location path":
        first = next(i for i, r in enumerate(report.results) if r.quote_location is not None)
        result = report.results[first]
        assert result.quote_location is not None
        where = dataclasses.replace(result.quote_location, path="do\udcffc.txt")
        results = list(report.results)
        results[first] = dataclasses.replace(result, quote_location=where)
        report = dataclasses.replace(report, results=tuple(results))
    monkeypatch.setattr(json_format, "_PART", 7)  # many parts, even for the essay
    options = RenderOptions()
    whole = _written(monkeypatch, json_format.render(report, options), encoding)
    parts = _written(monkeypatch, lambda: json_format.parts(report, options), encoding)
    assert parts == whole
    assert (b"\\udcff" in whole) == (odd != "")
    assert ("–".encode() in whole) == (encoding == "utf-8" and odd == "")
