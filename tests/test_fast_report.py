"""The fast paths of checking and of the JSON format give what the plain ones give."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.check.report import Report, Result, Summary
from figcheck.check.verdict import Verdict
from figcheck.pipeline import build_report
from figcheck.render.json import _figure, _in_unit, _n
from tests.common import EXAMPLES, ROOT
from tests.test_fast_load import _CLAIM, _toml

FILES = [ROOT / "claims.toml", *sorted((EXAMPLES / "positive").glob("*/claims.toml"))]


def _report(path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(path.parent)
    return build_report(Path(path.name))


def _worst(result: Result) -> Verdict:
    """A claim's verdict the plain way: the worst of everything that judged it."""
    verdicts = [] if result.formula_verdict is None else [result.formula_verdict]
    verdicts += [r.verdict for r in result.references]
    if result.quote_verdict is not None:
        verdicts.append(result.quote_verdict)
    return max(verdicts, key=lambda v: list(Verdict).index(v), default=Verdict.UNCHECKED)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name or "essay")
def test_a_claim_has_the_worst_of_its_verdicts(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(path, monkeypatch)
    claims = [r for r in report.results if r.kind == "claim"]
    assert claims or report.results
    assert [r.verdict for r in claims] == [_worst(r) for r in claims]


def test_the_essay_has_claims_judged_every_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above sees formulas, references and quotes that decide a verdict."""
    report = _report(ROOT / "claims.toml", monkeypatch)
    claims = [r for r in report.results if r.kind == "claim"]
    assert any(r.formula_verdict is None for r in claims)
    assert any(r.references for r in claims)
    assert any(r.formula_verdict not in (None, Verdict.CONSISTENT) for r in claims)
    assert {r.verdict for r in claims} > {Verdict.CONSISTENT, Verdict.UNCHECKED}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name or "essay")
def test_the_summary_counts_as_plain_counting_does(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = _report(path, monkeypatch).results
    accepted = (dataclasses.replace(r, accepted="known") for r in results[::3])
    results = (*results, *accepted)
    summary = Summary.of(results)
    counts = Counter(r.verdict for r in results)
    claims = [r for r in results if r.kind == "claim"]
    assert summary.total == len(results)
    assert summary.counts == {v: counts.get(v, 0) for v in Verdict}
    assert summary.quoted == sum(1 for r in claims if r.quote is not None)
    assert summary.unquoted == len(claims) - summary.quoted
    assert summary.accepted == sum(1 for r in results if r.accepts)


def test_verdicts_order_and_hash_as_members() -> None:
    ordered = list(Verdict)
    assert sorted(ordered[3:] + ordered[:3]) == ordered
    assert max(ordered[2::-1]) is Verdict.WITHIN_ROUNDING
    assert Verdict.CONSISTENT < Verdict.INCONSISTENT
    assert not Verdict.INCONSISTENT < Verdict.INCONSISTENT
    assert {v: v.value for v in Verdict}[Verdict.BOUND_ONLY] == "bound-only"
    assert Verdict("consistent") in {Verdict.CONSISTENT}
    assert [v.rank for v in ordered] == list(range(len(ordered)))


VALUES = [0.0, -0.0, 1.0, 0.285, 0.1 + 0.2, -12.5, 1e-300, 1e300, 1e308, 6818.0, 1 / 3]
ODD = [math.nan, math.inf, -math.inf]


def test_a_figure_in_its_unit_is_written_as_json_writes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every stated figure of the essay (percent ones too), and its factor made tiny so
    that a finite figure overflows in its unit."""
    report = _report(ROOT / "claims.toml", monkeypatch)
    stateds = [r.stated for r in report.results if r.stated is not None]
    assert any(s.percent for s in stateds)
    assert any(not s.percent for s in stateds)
    units = {(s.unit.factor, s.percent): s for s in stateds}
    tiny = next(iter(units.values()))
    tiny = dataclasses.replace(tiny, unit=dataclasses.replace(tiny.unit, factor=1e-300))
    written = []
    for stated in [*units.values(), tiny]:
        for value in [*VALUES, *ODD, *(-v for v in VALUES)]:
            fast = _figure(value, stated.unit.factor, stated.percent)
            assert fast == _n(_in_unit(value, stated))
            written.append(fast)
    assert "null" in written
    assert "Infinity" in written
    assert "-0.0" in written
    assert "28.5" in written  # 0.285 as a percentage, without the product's noise


def _plain_exit_code(report: Report) -> int:
    return int(any(report.fails(r) for r in report.results))


@pytest.mark.parametrize("fail_on", ["inconsistent", "within-rounding", "never"])
@pytest.mark.parametrize("path", FILES[:4], ids=lambda p: p.parent.name or "essay")
def test_the_exit_code_is_the_plain_one(
    path: Path, fail_on: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = dataclasses.replace(_report(path, monkeypatch), fail_on=fail_on)  # type: ignore[arg-type]
    results = report.results
    shapes = [
        results,
        results[::2],
        tuple(dataclasses.replace(r, accepted="known") if r.finding else r for r in results),
        tuple(r for r in results if not r.finding),
    ]
    seen: set[int] = set()
    for shape in shapes:
        for strict in (False, True):
            one = dataclasses.replace(report, results=shape, strict=strict)
            seen.add(one.exit_code)
            assert one.exit_code == _plain_exit_code(one)
    if fail_on == "never":
        assert seen == {0}
    elif path == FILES[0]:  # the essay fails, and passes without its findings or accepting them
        assert seen == {0, 1}


def test_kept_formula_figures_are_written_afresh_where_they_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Repeated figures come from the memo; a zero's sign and a full memo do not change a line."""
    import json

    from figcheck.figures.interval import Interval
    from figcheck.render import json as json_format

    report = _report(ROOT / "claims.toml", monkeypatch)
    claim = next(
        r
        for r in report.results
        if r.formula is not None and r.stated is not None and not r.references and not r.slack
    )
    odd = []
    for central in (0.0, -0.0, 1.5, -0.0, 0.0, 1.5, claim.central):
        for span in (None, Interval(-0.0, 0.0), Interval(0.0, 2.0), Interval(-0.0, 2.0)):
            odd.append(dataclasses.replace(claim, central=central, range=span))
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for size in (2, 4096):
        monkeypatch.setattr(json_format, "_FIGURES", size)
        memo: dict[object, object] = {}
        fast = [json_format._result_line(r, memo, encode) for r in odd * 2]
        assert fast == [encode(json_format.result_dict(r)) for r in odd * 2]
        assert '"central": -0.0, "range": [-0.0, 0.0]' in fast[5]
        assert '"central": 0.0, "range": [0.0, 2.0]' in fast[2]


def _judged(text: str, *, points: bool, monkeypatch: pytest.MonkeyPatch) -> list[Result]:
    from figcheck.check import checker
    from figcheck.claims.loader import parse
    from figcheck.errors import ProblemsError

    try:
        claims_file = parse(text, shown="claims.toml", base=Path("."))
    except ProblemsError:
        return []
    real = checker._Judge.__init__

    def init(self: checker._Judge, *args: Any) -> None:
        real(self, *args)
        if not points:
            self.points = None

    with monkeypatch.context() as patch:
        patch.setattr(checker._Judge, "__init__", init)
        return list(checker.check(claims_file).results)


@pytest.mark.slow
@pytest.mark.parametrize("kept", [1, 4096])
@settings(deadline=None)
@given(claims=st.lists(_CLAIM, max_size=10))
def test_kept_points_judge_as_the_plain_judge_does(
    kept: int, claims: list[dict[str, object]]
) -> None:
    from figcheck.check import checker

    text = _toml(claims * 3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checker, "_POINTS", kept)
        fast = _judged(text, points=True, monkeypatch=patch)
        plain = _judged(text, points=False, monkeypatch=patch)
    assert fast == plain


def test_a_repeated_formula_is_judged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from figcheck.check import checker

    text = _toml([{"value": "1,000 tonnes", "formula": "base"}] * 4)
    hits: list[int] = []
    real = checker._Judge.claim

    def claim(self: checker._Judge, c: Any) -> Result:
        out = real(self, c)
        hits.append(self.point_hits)
        return out

    monkeypatch.setattr(checker._Judge, "claim", claim)
    results = _judged(text, points=True, monkeypatch=monkeypatch)
    assert hits == [0, 0, 0, 1, 2, 3]
    assert [r.verdict for r in results] == [Verdict.UNCHECKED, Verdict.UNCHECKED] + [
        Verdict.CONSISTENT
    ] * 4
    assert {r.central for r in results[2:]} == {1e9}
