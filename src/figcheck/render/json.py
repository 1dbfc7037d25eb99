"""The JSON format (schema 1): every result, with figures in the stated figure's unit."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from figcheck import __version__
from figcheck.check.verdict import Verdict
from figcheck.figures import notation
from figcheck.render import json_text

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports, Result, Summary
    from figcheck.errors import Problem
    from figcheck.figures.interval import Interval
    from figcheck.figures.stated import Stated
    from figcheck.render import RenderOptions

SCHEMA = 2  # 2: the bound-only verdict, and each result's off, slack and wide


def _in_unit(value: float, stated: Stated) -> float | None:
    if not math.isfinite(value):
        return None
    shown = value / stated.unit.factor
    # 15 significant digits drop the noise of the product: 0.285 is 28.5 %, not 28.499999999999996
    return float(f"{shown * 100:.15g}") if stated.percent else shown


def _interval(interval: Interval | None, stated: Stated | None) -> list[float | None] | None:
    if interval is None or stated is None:
        return None
    return [_in_unit(interval.lo, stated), _in_unit(interval.hi, stated)]


def _stated(stated: Stated | None) -> dict[str, Any] | None:
    if stated is None:
        return None
    return {
        "text": stated.text,
        "unit": "percent" if stated.percent else stated.unit.text,
        "central": _in_unit(stated.central, stated),
        "strict": _interval(stated.reading.strict, stated),
        "lenient": _interval(stated.reading.lenient, stated),
    }


def result_dict(result: Result, memo: dict[int, Any] | None = None) -> dict[str, Any]:
    """One result as JSON data; *memo* keeps the data of each stated figure by its id, for
    figures that many results share (it must not outlive the report)."""
    stated = result.stated
    if stated is None or memo is None:
        stated_data = _stated(stated)
    else:
        stated_data = memo.get(id(stated))
        if stated_data is None:
            stated_data = memo[id(stated)] = _stated(stated)
    out: dict[str, Any] = {
        "id": result.id,
        "kind": result.kind,
        "verdict": result.verdict.value,
        "section": result.section,
        "line": result.line,
        "stated": stated_data,
        "formula": result.formula,
        "formula_verdict": result.formula_verdict.value if result.formula_verdict else None,
        "central": (
            _in_unit(result.central, stated)
            if result.central is not None and stated is not None
            else None
        ),
        "range": _interval(result.range, stated),
        "computed": result.computed or None,
        "quote": result.quote,
        "quote_verdict": result.quote_verdict.value if result.quote_verdict else None,
        "location": (
            {
                "path": result.quote_location.path,
                "line": result.quote_location.line,
                "column": result.quote_location.column,
            }
            if result.quote_location is not None
            else None
        ),
        "references": [
            {
                "source": ref.reference.source,
                "value": ref.reference.value.text,
                "verdict": ref.verdict.value,
                "url": ref.reference.url,
                "date": ref.reference.date,
                "note": ref.reference.note,
                **(
                    {"slack": [{"kind": k, "id": i or None} for k, i in ref.slack]}
                    if ref.slack
                    else {}
                ),
            }
            for ref in result.references
        ],
        "note": result.note,
        "off": result.off or None,
    }
    if result.slack:  # only where an ≈ needed slack
        out["slack"] = [{"kind": kind, "id": ident or None} for kind, ident in result.slack]
    if result.wide:
        out["wide"] = True
    if result.accepted is not None:  # only then: files without accept keep their bytes
        out["accepted"] = result.accepted
    return out


def _error(problem: Problem) -> dict[str, Any]:
    where = problem.location
    return {
        "path": where.path,
        "line": where.line,
        "column": where.column,
        "message": problem.message,
    }


def _summary(summary: Summary, exit_code: int) -> dict[str, Any]:
    out: dict[str, Any] = {"total": summary.total}
    out.update({v.value: summary.counts.get(v, 0) for v in Verdict})
    out["without_quote"] = summary.unquoted
    if summary.accepted:
        out["accepted"] = summary.accepted
    out["exit_code"] = exit_code
    return out


def report_dict(report: Report, *, results: bool = True, head: bool = True) -> dict[str, Any]:
    """The report as JSON data; without *head*, no schema and version (a part of a run)."""
    settings: dict[str, Any] = {"about": report.about, "strict": report.strict}
    if report.fail_on != "inconsistent":
        settings["fail_on"] = report.fail_on
    out: dict[str, Any] = {"schema": SCHEMA, "figcheck": __version__} if head else {}
    out.update(
        {
            "claims_file": report.claims_path,
            "document": {
                "title": report.document.title,
                "source": report.document.source,
            },
            "settings": settings,
        }
    )
    if report.errors:
        out["errors"] = [_error(p) for p in report.errors]
    out["results"] = [result_dict(r) for r in report.results] if results else []
    out["summary"] = _summary(report.summary, report.exit_code)
    return out


def render(report: Report, options: RenderOptions) -> str:
    """Indented, with one result per line: json's C encoder writes each result, since with an
    indent json falls back to its Python encoder, which takes seconds for 100,000 results."""
    return "".join(parts(report, options))


def parts(report: Report, options: RenderOptions) -> Iterator[str]:
    """The text ``render`` gives, in parts of some thousand results: a big report is written
    without its whole text (several bytes a character) ever held at once."""
    text = json.dumps(report_dict(report, results=False), indent=2, ensure_ascii=False)
    if not _all_utf8({r.quote_location.path for r in report.results if r.quote_location}):
        # a path with a lone surrogate (from the file system): the text in one part, as the
        # writer's encoding fallback must see all of it
        yield "".join(_result_parts(text, report, "  ")) + "\n"
        return
    yield from _result_parts(text, report, "  ")
    yield "\n"


def _all_utf8(texts: set[str]) -> bool:
    """Whether UTF-8 holds every text. The other text of a result comes from the claims file,
    which is read as UTF-8, and so always does."""
    try:
        for text in texts:
            text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def render_batch(reports: Reports, options: RenderOptions) -> str:
    """The run's reports as ``claims_files``, one object each, and the run's summary."""
    parts = []
    for report in reports.reports:
        text = json.dumps(
            report_dict(report, results=False, head=False), indent=2, ensure_ascii=False
        )
        text = _with_results(text, report, "  ")
        parts.append("    " + text.replace("\n", "\n    "))
    run = {
        "schema": SCHEMA,
        "figcheck": __version__,
        "claims_files": [],
        "summary": _summary(reports.summary, reports.exit_code),
    }
    text = json.dumps(run, indent=2, ensure_ascii=False)
    head, tail = text.split('"claims_files": []', 1)
    return "".join((head, '"claims_files": [\n', ",\n".join(parts), "\n  ]", tail, "\n"))


def _with_results(text: str, report: Report, indent: str) -> str:
    """*text*, a report's JSON without its results, with them put in: one result a line."""
    return "".join(_result_parts(text, report, indent))


_PART = 4096  # results in each part of the text


def _result_parts(text: str, report: Report, indent: str) -> Iterator[str]:
    if not report.results:
        yield text
        return
    encode = json.JSONEncoder(ensure_ascii=False).encode
    memo: dict[int, Any] = {}
    # an encoded string cannot hold this text, so the first match is the key itself
    head, tail = text.split('"results": []', 1)
    inner = ",\n" + indent * 2
    results = report.results
    yield f'{head}"results": [\n{indent * 2}'
    for start in range(0, len(results), _PART):
        part = inner.join([_result_line(r, memo, encode) for r in results[start : start + _PART]])
        yield part if start + _PART >= len(results) else part + inner
    yield f"\n{indent}]{tail}"


_encode = encode_basestring
_columns = notation.columns


_s = json_text.string
_n = json_text.number


# every verdict (and no verdict) and kind as its encoded string, looked up once per result
_VERDICTS: dict[Verdict | None, str] = {v: encode_basestring(v.value) for v in Verdict}
_VERDICTS[None] = "null"
_KINDS = {"claim": '"claim"', "check": '"check"'}


def _figure(value: float, factor: float, percent: bool) -> str:
    """``_n(_in_unit(value, stated))`` from the stated figure's factor and percent: a figure in
    the stated unit as json writes it."""
    if not _finite(value):
        return "null"
    shown = value / factor
    if percent:
        shown = float(f"{shown * 100:.15g}")
    return float.__repr__(shown) if _finite(shown) else _n(shown)


_finite = math.isfinite
_FIGURES = 4096  # formula figures' texts kept at most


def _text_or_null(text: str) -> str:
    return _encode(text) if text else "null"


def _formula_figures(
    memo: dict[Any, Any],
    stated: Stated,
    central: float,
    span: Interval | None,
    factor: float,
    percent: bool,
) -> tuple[str, str, str]:
    """A formula's central figure and range as json writes them, and its computed and off
    columns encoded, kept in *memo* by the stated figure's id and the values (a zero, which
    may be -0.0, is not kept: it equals 0.0 as a key but is written differently)."""
    lo, hi = (None, None) if span is None else (span.lo, span.hi)
    key = (id(stated), central, lo, hi)
    kept: dict[tuple[int, float, float | None, float | None], tuple[str, str, str]] | None = None
    if central != 0 and lo != 0 and hi != 0:
        kept = memo.get("figures")
        if kept is None:
            kept = memo["figures"] = {}
        found = kept.get(key)
        if found is not None:
            return found
    shown = _figure(central, factor, percent)
    if span is None:
        figures = f'"central": {shown}, "range": null'
    else:
        low, high = _figure(span.lo, factor, percent), _figure(span.hi, factor, percent)
        figures = f'"central": {shown}, "range": [{low}, {high}]'
    computed, off = _columns(central, span, stated)
    found = (figures, _text_or_null(computed), _text_or_null(off))
    if kept is not None:
        if len(kept) >= _FIGURES:
            kept.clear()
        kept[key] = found
    return found


_WIDE = ', "wide": true}'


def _pair(interval: Interval | None, stated: Stated | None) -> str:
    if interval is None or stated is None:
        return "null"
    return f"[{_n(_in_unit(interval.lo, stated))}, {_n(_in_unit(interval.hi, stated))}]"


def _result_line(result: Result, memo: dict[Any, Any], encode: Any) -> str:
    """``encode(result_dict(result))``, written straight from the result: the same bytes
    without building the dict (the test of this module compares the two). *memo* keeps each
    shared stated figure's encoded data with its factor and percent, and each path's encoded
    text, by its id; and the last few thousand formula figures' texts, by their stated
    figure's id and values, for files that repeat a figure and formula over many claims."""
    if result.references or result.slack or result.accepted is not None:
        return str(encode(result_dict(result)))
    stated = result.stated
    central = result.central
    span = result.range
    if stated is None:
        stated_text = "null"
        figures = '"central": null, "range": null'
        # both are "" without a central figure, unless a check's sides give the computed one
        computed = "null" if result.sides is None else _text_or_null(result.sides.text)
        off = "null"
    else:
        found = memo.get(id(stated))
        if found is None:
            found = memo[id(stated)] = (
                encode(_stated(stated)),
                stated.unit.factor,
                stated.percent,
            )
        stated_text, factor, percent = found
        if result.sides is not None or central is None:
            shown = "null" if central is None else _figure(central, factor, percent)
            if span is None:
                figures = f'"central": {shown}, "range": null'
            else:
                low, high = _figure(span.lo, factor, percent), _figure(span.hi, factor, percent)
                figures = f'"central": {shown}, "range": [{low}, {high}]'
            computed = "null" if result.sides is None else _text_or_null(result.sides.text)
            off = "null"
        else:
            figures, computed, off = _formula_figures(memo, stated, central, span, factor, percent)
    where = result.quote_location
    if where is None:
        location = "null"
    else:
        path = memo.get(id(where.path))  # one path object, in every location of a report
        if path is None:
            path = memo[id(where.path)] = _s(where.path)
        at, column = where.line, where.column
        location = (
            f'{{"path": {path}, "line": {at if type(at) is int else _n(at)}, '
            f'"column": {column if type(column) is int else _n(column)}}}'
        )
    line = result.line
    section, formula, quote, note = result.section, result.formula, result.quote, result.note
    return (
        f'{{"id": {_encode(result.id)}, "kind": {_KINDS[result.kind]}, '
        f'"verdict": {_VERDICTS[result.verdict]}, '
        f'"section": {"null" if section is None else _encode(section)}, '
        f'"line": {line if type(line) is int else _n(line)}, "stated": {stated_text}, '
        f'"formula": {"null" if formula is None else _encode(formula)}, '
        f'"formula_verdict": {_VERDICTS[result.formula_verdict]}, {figures}, '
        f'"computed": {computed}, '
        f'"quote": {"null" if quote is None else _encode(quote)}, '
        f'"quote_verdict": {_VERDICTS[result.quote_verdict]}, '
        f'"location": {location}, "references": [], '
        f'"note": {"null" if note is None else _encode(note)}, '
        f'"off": {off}{_WIDE if result.wide else "}"}'
    )
