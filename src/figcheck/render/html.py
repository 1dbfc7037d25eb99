"""The annotated document: one self-contained HTML page with every claimed figure highlighted."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from figcheck import __version__
from figcheck.check.verdict import Verdict
from figcheck.figures import notation

if TYPE_CHECKING:
    from figcheck.check.report import DocumentView, Mark, Report, Result
    from figcheck.render import RenderOptions

_SAFE_URL = re.compile(r"https?://", re.IGNORECASE)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _css_class(verdict: Verdict) -> str:
    return f"v-{verdict.value}"


def badge(verdict: Verdict) -> str:
    return f'<span class="badge {_css_class(verdict)}">{verdict.label}</span>'


# -- pieces of the page ----------------------------------------------------------------------


def _line(result: Result) -> int | None:
    """The document line of the result's quote, if it was found."""
    location = result.quote_location
    return location.line if location is not None else None


def _tip_lines(result: Result) -> str:
    rows = [f"<b>{esc(result.id)}</b> {badge(result.verdict)}"]
    if result.stated is not None:
        rows.append(f"stated: {esc(result.stated.text)}")
    if result.formula is not None:
        rows.append(f"formula: <code>{esc(result.formula)}</code>")
    if computed := result.computed:
        rows.append(f"computed: {esc(computed)}")
    for ref in result.references:
        rows.append(f"reference: {esc(ref.reference.value.text)} {ref.verdict.label}")
    verdict = result.quote_verdict
    if verdict is not None and verdict is not Verdict.CONSISTENT:
        quote = esc(result.quote or "")
        rows.append(f"quote “{quote}”: {verdict.label}")
    return "".join(f'<span class="row">{row}</span>' for row in rows)


def _mark_html(mark: Mark, view: DocumentView, by_id: dict[str, Result]) -> str:
    results = [by_id[i] for i in mark.ids]
    first = results[0]
    verdict = max(r.verdict for r in results)
    pin = mark.pin
    tip_id = f"{'p' if pin else 't'}-{first.id}"
    tip = "".join(_tip_lines(r) for r in results)
    label = verdict.symbol if pin else esc(view.text[mark.start : mark.end])
    anchors = "".join(f'<span id="f-{esc(r.id)}"></span>' for r in results[1:])
    kind = "pin" if pin else "fig"
    return (
        f'<span class="mark">{anchors}<a class="{kind} {_css_class(verdict)}" '
        f'id="f-{esc(first.id)}" href="#c-{esc(first.id)}" tabindex="0" '
        f'aria-describedby="{esc(tip_id)}">{label}'
        f'<span class="sym" aria-hidden="true">{"" if pin else verdict.symbol}</span></a>'
        f'<span class="tip" role="tooltip" id="{esc(tip_id)}">{tip}</span></span>'
    )


def _document_html(view: DocumentView, by_id: dict[str, Result]) -> str:
    text = view.text
    items = [(m.start, m.end, _mark_html(m, view, by_id)) for m in view.marks]
    for figure in view.unclaimed:
        kind = figure.category
        items.append(
            (
                figure.start,
                figure.end,
                f'<span class="uncovered c-{kind}" title="no claim covers this {kind}">'
                f"{esc(text[figure.start : figure.end])}</span>",
            )
        )
    items.sort(key=lambda item: (item[0], item[1]))
    out: list[str] = []
    cursor = 0
    for start, end, piece in items:
        out.append(esc(text[cursor:start]))
        out.append(piece)
        cursor = end
    out.append(esc(text[cursor:]))
    return "".join(out)


def _references_cell(result: Result) -> str:
    return "<br>".join(
        f"{badge(ref.verdict)} {esc(ref.reference.value.text)}" for ref in result.references
    )


def _audit_table(report: Report) -> str:
    rows = []
    for result in report.results:
        line = _line(result)
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


def _detail(result: Result, report: Report) -> str:
    where = f"{report.claims_path}:{result.line}" if result.line is not None else report.claims_path
    parts = [_dd("section", esc(result.section or "")), _dd("claims file", esc(where))]
    if result.quote is not None:
        line = _line(result)
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


def _summary(report: Report) -> str:
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


# -- the page --------------------------------------------------------------------------------

_COLORS = {
    Verdict.CONSISTENT: ("#1a7f37", "#dafbe1"),
    Verdict.WITHIN_ROUNDING: ("#9a6700", "#fff1c2"),
    Verdict.INCONSISTENT: ("#cf222e", "#ffe0e0"),
    Verdict.UNCHECKED: ("#57606a", "#eaeef2"),
    Verdict.QUOTE_NOT_FOUND: ("#8250df", "#f1e6ff"),
    Verdict.FIGURE_NOT_IN_QUOTE: ("#bf3989", "#ffe5f1"),
}
_VERDICT_CSS = "".join(f".v-{v.value}{{--fg:{fg};--bg:{bg}}}" for v, (fg, bg) in _COLORS.items())
_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0 auto;
 max-width:72rem;padding:1rem 2rem}
h1{margin-bottom:.2rem}.meta,.dim{color:#57606a}code{font-size:.9em}
.badge{display:inline-block;white-space:nowrap;border-radius:.3em;padding:0 .35em;
 color:var(--fg);background:var(--bg);border:1px solid var(--fg);font-size:.85em}
.counts{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}
.fails{color:#cf222e;font-weight:600}
table.audit{border-collapse:collapse;font-size:.85rem;width:100%}
.audit caption{text-align:left;color:#57606a}
.audit th,.audit td{border-bottom:1px solid #d0d7de;padding:.25rem .4rem;text-align:left;
 vertical-align:top}
.audit td.quote{max-width:22rem}.audit td.num{text-align:right}
.doc{white-space:pre-wrap;font:17px/1.7 Georgia,"Times New Roman",serif;background:#fff;
 border:1px solid #d0d7de;border-radius:6px;padding:1rem 1.5rem;max-width:46rem}
.mark{position:relative}
.fig,.pin{color:inherit;text-decoration:none;background:var(--bg);
 border-bottom:2px solid var(--fg);border-radius:2px;padding:0 1px}
.pin{color:var(--fg);font-weight:700;padding:0 .2em}
.fig:focus,.pin:focus{outline:3px solid var(--fg);outline-offset:1px}
.sym{color:var(--fg);font-size:.7em;vertical-align:super;line-height:0;margin-left:1px;
 font-family:system-ui}
.tip{display:none;position:absolute;left:0;top:1.5em;z-index:10;width:max-content;
 max-width:min(26rem,80vw);white-space:normal;font:13px/1.45 system-ui,sans-serif;color:#1f2328;
 background:#fff;border:1px solid #8c959f;border-radius:6px;padding:.4rem .6rem;
 box-shadow:0 4px 12px rgba(0,0,0,.15)}
.tip .row{display:block}.tip .row+.row b{display:inline-block;margin-top:.3rem}
.mark:hover .tip,.mark:focus-within .tip{display:block}
.uncovered{text-decoration:underline dotted #8c959f;text-underline-offset:3px}
.uncovered.c-year,.uncovered.c-count{text-decoration-color:#d0d7de}
.detail{border-top:1px solid #d0d7de;padding:.3rem 0}.detail h3{margin:.4rem 0;font-size:1rem}
.detail dl{display:grid;grid-template-columns:9rem 1fr;gap:.1rem 1rem;margin:0;font-size:.9rem}
.detail dt{color:#57606a}.detail dd{margin:0}
.detail:target{background:#fff8c5}
@media print{.tip{display:none!important}}
"""
# Escape closes a tooltip (a focused figure keeps it open otherwise); reading needs no script.
_JS = (
    "document.addEventListener('keydown',function(e){if(e.key==='Escape'&&"
    "document.activeElement)document.activeElement.blur()});"
)


def render(report: Report, options: RenderOptions) -> str:
    view = report.view
    title = report.document.title or report.claims_path
    source = report.document.source
    checked = (
        f"Checked by figcheck {esc(__version__)} from <code>{esc(report.claims_path)}</code>"
        + (f" against <code>{esc(source)}</code>." if source else ".")
    )
    if view is not None:
        by_id = {r.id: r for r in report.results}
        document = (
            '<section id="document"><h2>The document</h2>'
            '<p class="dim">Hover over or tab to a highlighted figure to see its check; '
            "select it to jump to its details.</p>"
            f'<div class="doc">{_document_html(view, by_id)}</div></section>'
        )
    else:
        document = '<section id="document"><p>The claims file names no document.</p></section>'
    details = "".join(_detail(r, report) for r in report.results)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>figcheck: {esc(title)}</title>"
        f"<style>{_VERDICT_CSS}{_CSS}</style></head><body>\n"
        f'<header><h1>{esc(title)}</h1><p class="meta">{checked}</p></header>\n'
        f'<section id="summary"><h2>Summary</h2>'
        f"{_summary(report)}</section>\n"
        f'<section id="audit"><h2>Audit</h2>{_audit_table(report)}</section>\n'
        f"{document}\n"
        f'<section id="details"><h2>Details</h2>{details}</section>\n'
        f"<script>{_JS}</script>\n"
        "</body></html>\n"
    )
