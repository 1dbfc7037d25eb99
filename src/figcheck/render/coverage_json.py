"""Coverage as JSON (schema 1): every mention, its category and covering claim, and counts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from figcheck import __version__
from figcheck.document.coverage import Category, describe
from figcheck.figures.figure import Qualifier
from figcheck.render.json_text import number, string

if TYPE_CHECKING:
    from figcheck.document.coverage import CoverageReport, Mention
    from figcheck.render import RenderOptions

SCHEMA = 1


def mention_dict(mention: Mention) -> dict[str, Any]:
    return {
        "line": mention.line,
        "column": mention.column,
        "text": mention.text,
        "reads_as": describe(mention),
        "value": mention.value,
        "upper": mention.upper,
        "percent": mention.percent,
        "qualifier": mention.qualifier.value,
        "category": mention.category.value,
        "covered_by": mention.covered_by,
    }


def coverage_dict(report: CoverageReport, *, mentions: bool = True) -> dict[str, Any]:
    """The report as JSON data; without its mentions when *mentions* is false."""
    summary: dict[str, Any] = {}
    for category, key in (
        (Category.QUANTITY, "quantities"),
        (Category.YEAR, "years"),
        (Category.COUNT, "counts"),
        (Category.LABEL, "labels"),
    ):
        covered, total = report.counts(category)
        summary[key] = {"covered": covered, "total": total}
    summary["percent"] = report.percent
    summary["fail_under"] = report.fail_under
    summary["exit_code"] = report.exit_code
    return {
        "schema": SCHEMA,
        "figcheck": __version__,
        "claims_file": report.claims_path,
        "document": {"title": report.document.title, "source": report.document.source},
        "mentions": [mention_dict(m) for m in report.mentions] if mentions else [],
        "unlocated": list(report.unlocated),
        "summary": summary,
    }


# each qualifier's and category's value as json writes it, by the member's identity (an
# enum's own hash is computed in Python)
_QUALIFIERS = {id(q): string(q.value) for q in Qualifier}
_CATEGORIES = {id(c): string(c.value) for c in Category}


def _tail(m: Mention) -> str:
    """``json.dumps(mention_dict(m), ensure_ascii=False)`` without its line and column and its
    opening brace, written straight from the mention (a test compares the two)."""
    return (
        f'"text": {string(m.text)}, "reads_as": {string(describe(m))}, '
        f'"value": {number(m.value)}, "upper": {number(m.upper)}, '
        f'"percent": {"true" if m.percent else "false"}, '
        f'"qualifier": {_QUALIFIERS[id(m.qualifier)]}, "category": {_CATEGORIES[id(m.category)]}, '
        f'"covered_by": {string(m.covered_by)}}}'
    )


def _lines(mentions: tuple[Mention, ...]) -> list[str]:
    """One line of JSON for each mention; all but the line and column are written once for
    each distinct reading (a zero's sign makes no distinct key, so zeros are written each)."""
    tails: dict[tuple[object, ...], str] = {}
    lines: list[str] = []
    append = lines.append
    for m in mentions:
        # members by identity: an enum's own hash is computed in Python
        key = (m.text, m.value, m.upper, m.percent, id(m.qualifier), id(m.category),
               m.covered_by, m.form, m.guess)  # fmt: skip
        tail = tails.get(key) if m.value and m.upper != 0 else None
        if tail is None:
            tail = _tail(m)
            if m.value and m.upper != 0:
                tails[key] = tail
        append(f'    {{"line": {m.line}, "column": {m.column}, {tail}')
    return lines


def render(report: CoverageReport, options: RenderOptions) -> str:
    """Indented, with one mention per line: readable, and fast for big documents (json's C
    encoder only runs without indent). The head and the end are joined to the first and last
    lines, so the listing is written out in one join."""
    data = coverage_dict(report, mentions=False)
    del data["mentions"]
    head = json.dumps(data, indent=2, ensure_ascii=False).removesuffix("\n}")
    lines = _lines(report.mentions)
    if not lines:
        return f'{head},\n  "mentions": []\n}}\n'
    lines[0] = f'{head},\n  "mentions": [\n{lines[0]}'
    lines[-1] += "\n  ]\n}\n"
    return ",\n".join(lines)
