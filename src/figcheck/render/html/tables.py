"""The page's summary, problems list, audit table and per-result details."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from figcheck.figures import notation
from figcheck.render.html.markup import badge, esc, line_of

if TYPE_CHECKING:
    from figcheck.check.report import Report, Result

_SAFE_URL = re.compile(r"https?://", re.IGNORECASE)
AUDIT_COLUMNS = ("id", "verdict", "quote", "line", "stated", "formula", "computed", "references")


def _references_cell(result: Result) -> str:
    return "<br>".join(
        f"{badge(ref.verdict)} {esc(ref.reference.value.text)}" for ref in result.references
    )


def _cell(label: str, body: str, css: str = "") -> str:
    # the label heads the cell when a narrow screen shows each row as a card
    klass = f' class="{css}"' if css else ""
    return f'<td data-label="{label}"{klass}>{body}</td>'


def audit_table(report: Report, prefix: str = "") -> str:
    rows = []
    for result in report.results:
        ident = esc(result.id)
        line = line_of(result)
        line_cell = f'<a href="#{prefix}f-{ident}">{line}</a>' if line is not None else ""
        stated = result.stated.text if result.stated is not None else ""
        verdict = badge(result.verdict) + (
            ' <span class="accepted">accepted</span>' if result.accepts else ""
        )
        rows.append(
            "<tr>"
            + _cell("id", f'<a href="#{prefix}c-{ident}">{ident}</a>', "id")
            + _cell("verdict", verdict)
            + _cell("quote", esc(result.quote or ""), "quote")
            + _cell("line", line_cell, "num")
            + _cell("stated", esc(stated))
            + _cell("formula", f"<code>{esc(result.formula)}</code>" if result.formula else "")
            + _cell("computed", esc(result.computed))
            + _cell("references", _references_cell(result))
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{name}</th>' for name in AUDIT_COLUMNS)
    return (
        '<div class="wide"><table class="audit"><caption>Every claim and check</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _dd(term: str, value: str) -> str:
    return f"<dt>{term}</dt><dd>{value}</dd>" if value else ""


def _link(url: str | None) -> str:
    if not url:
        return ""
    if _SAFE_URL.match(url):
        return f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(url)}</a>'
    return esc(url)


def _take(result: Result, report: Report) -> str:
    """What it would take, as explain says it: a note and a list of needs."""
    reason = report.reasons.get(result.id)
    if reason is None or not (reason.needs or reason.needs_note):
        return ""
    note = f"<p>{esc(reason.needs_note)}</p>" if reason.needs_note else ""
    needs = "".join(f"<li>{esc(need)}</li>" for need in reason.needs)
    return note + (f"<ul>{needs}</ul>" if needs else "")


def detail(result: Result, report: Report, prefix: str = "") -> str:
    where = f"{report.claims_path}:{result.line}" if result.line is not None else report.claims_path
    parts = [_dd("section", esc(result.section or "")), _dd("claims file", esc(where))]
    reason = report.reasons.get(result.id)
    if reason is not None:
        parts.append(_dd("why", esc(reason.sentence) + "."))
        parts.append(_dd("what it would take", _take(result, report)))
    if result.accepts and result.accepted is not None:
        parts.append(_dd("accepted", esc(result.accepted)))
    if result.quote is not None:
        line = line_of(result)
        found = (
            f' <a href="#{prefix}f-{esc(result.id)}">line {line} of the document</a>'
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
    if result.how_far_off:
        parts.append(_dd("how far off", esc(result.how_far_off)))
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
        f'<article class="detail" id="{prefix}c-{esc(result.id)}">'
        f"<h3>{esc(result.id)} {badge(result.verdict)}</h3><dl>{''.join(parts)}</dl></article>"
    )


def problem_order(result: Result, report: Report) -> tuple[int, int]:
    """Failing problems first, then those that do not fail the run (≈), then accepted ones;
    the worst verdict first within each."""
    group = 0 if report.fails(result) else 2 if result.accepts else 1
    return group, -result.verdict.rank


def problem(result: Result, report: Report, prefix: str = "") -> str:
    """One problem: its verdict and id, where it is, why, and what it would take."""
    ident = esc(result.id)
    line = line_of(result)
    where = f' <a class="dim" href="#{prefix}f-{ident}">line {line}</a>' if line is not None else ""
    reason = report.reasons.get(result.id)
    why = f'<p class="why">{esc(reason.sentence)}.</p>' if reason is not None else ""
    take = _take(result, report)
    if take:
        take = f'<div class="take"><p class="label">What it would take</p>{take}</div>'
    accepted = ""
    if result.accepts and result.accepted is not None:
        accepted = f'<p class="accepted">Accepted: {esc(result.accepted)}</p>'
    return (
        f'<li class="problem" id="{prefix}pr-{ident}"><p class="head">{badge(result.verdict)} '
        f'<a href="#{prefix}c-{ident}"><code>{ident}</code></a>{where}</p>'
        f"{why}{take}{accepted}</li>"
    )


def problems(report: Report, prefix: str = "") -> str:
    found = sorted((r for r in report.results if r.finding), key=lambda r: problem_order(r, report))
    if not found:
        return "<p>No problems: every figure checked agrees with what it is computed from.</p>"
    return f'<ol class="problems">{"".join(problem(r, report, prefix) for r in found)}</ol>'


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
        out.append(
            f'<p class="fails">figcheck check fails on this report (exit code '
            f"{report.exit_code}).</p>"
        )
    return "".join(out)
