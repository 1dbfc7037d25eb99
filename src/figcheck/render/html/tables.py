"""The page's summary, audit table and per-result details."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from figcheck.figures import notation
from figcheck.render.html.markup import badge, esc, line_of

if TYPE_CHECKING:
    from figcheck.check.report import Report, Result

_SAFE_URL = re.compile(r"https?://", re.IGNORECASE)


def _references_cell(result: Result) -> str:
    return "<br>".join(
        f"{badge(ref.verdict)} {esc(ref.reference.value.text)}" for ref in result.references
    )


def audit_table(report: Report) -> str:
    rows = []
    for result in report.results:
        line = line_of(result)
        line_cell = f'<a href="#f-{esc(result.id)}">{line}</a>' if line is not None else ""
        stated = result.stated.text if result.stated is not None else ""
        rows.append(
            "<tr>"
            f'<td><a href="#c-{esc(result.id)}">{esc(result.id)}</a></td>'
            f'<td class="quote">{esc(result.quote or "")}</td>'
            f'<td class="num">{line_cell}</td>'
            f"<td>{esc(stated)}</td>"
            f"<td><code>{esc(result.formula or '')}</code></td>"
            f"<td>{esc(result.computed)}</td>"
            f"<td>{badge(result.verdict)}</td>"
            f"<td>{_references_cell(result)}</td>"
            "</tr>"
        )
    head = "".join(
        f'<th scope="col">{name}</th>'
        for name in (
            "id",
            "quote",
            "line",
            "stated",
            "formula",
            "computed",
            "verdict",
            "references",
        )
    )
    return (
        '<table class="audit"><caption>Every claim and check</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _dd(term: str, value: str) -> str:
    return f"<dt>{term}</dt><dd>{value}</dd>" if value else ""


def _link(url: str | None) -> str:
    if not url:
        return ""
    if _SAFE_URL.match(url):
        return f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(url)}</a>'
    return esc(url)


def detail(result: Result, report: Report) -> str:
    where = f"{report.claims_path}:{result.line}" if result.line is not None else report.claims_path
    parts = [_dd("section", esc(result.section or "")), _dd("claims file", esc(where))]
    if result.quote is not None:
        line = line_of(result)
        found = (
            f' <a href="#f-{esc(result.id)}">line {line} of the document</a>'
            if line is not None
            else " <em>(not found in the document)</em>"
        )
        parts.append(_dd("quote", f"“{esc(result.quote)}”{found}"))
    stated = result.stated
    if stated is not None:
        readings = (
            f"{esc(stated.text)} <span class=dim>(strict "
            f"{esc(notation.bracketed(stated.reading.strict, stated))}, lenient "
            f"{esc(notation.bracketed(stated.reading.lenient, stated))})</span>"
        )
        parts.append(_dd("stated", readings))
    if result.formula is not None:
        parts.append(
            _dd(
                "check" if result.kind == "check" else "formula",
                f"<code>{esc(result.formula)}</code>",
            )
        )
    parts.append(_dd("computed", esc(result.computed)))
    if result.formula_verdict is not None:
        parts.append(_dd("formula verdict", badge(result.formula_verdict)))
    if result.quote_verdict is not None:
        parts.append(_dd("quote verdict", badge(result.quote_verdict)))
    for ref in result.references:
        reference = ref.reference
        bits = [f"{badge(ref.verdict)} {esc(reference.value.text)} — {esc(reference.source)}"]
        if reference.date:
            bits.append(f"({esc(reference.date)})")
        if reference.url:
            bits.append(_link(reference.url))
        if reference.note:
            bits.append(f'<br><span class="dim">{esc(reference.note)}</span>')
        parts.append(_dd("reference", " ".join(bits)))
    parts.append(_dd("note", esc(result.note or "")))
    return (
        f'<article class="detail" id="c-{esc(result.id)}">'
        f"<h3>{esc(result.id)} {badge(result.verdict)}</h3><dl>{''.join(parts)}</dl></article>"
    )


def summary(report: Report) -> str:
    counts = "".join(f"<li>{badge(v)} {n}</li>" for v, n in report.summary.counts.items() if n)
    out = [f"<p>{esc(report.summary.text())}.</p>", f'<ul class="counts">{counts}</ul>']
    if report.view is not None and report.view.coverage is not None:
        out.append(
            f"<p>Coverage: {esc(report.view.coverage)}. In the text, figures that no claim "
            'covers are <span class="uncovered c-quantity">underlined faintly</span> '
            '(years and small counts <span class="uncovered c-year">more faintly</span>).</p>'
        )
    if report.exit_code:
        out.append('<p class="fails">figcheck check fails on this report (exit code 1).</p>')
    return "".join(out)
