"""The HTML page: a summary, the audit table, the document with its figures marked, details."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from figcheck import __version__
from figcheck.check.verdict import Verdict
from figcheck.render.html.document import document_html
from figcheck.render.html.markup import esc
from figcheck.render.html.tables import audit_table, detail, summary

if TYPE_CHECKING:
    from figcheck.check.report import Report
    from figcheck.render import RenderOptions


_COLORS = {
    Verdict.CONSISTENT: ("#1a7f37", "#dafbe1"),
    Verdict.WITHIN_ROUNDING: ("#9a6700", "#fff1c2"),
    Verdict.INCONSISTENT: ("#cf222e", "#ffe0e0"),
    Verdict.UNCHECKED: ("#57606a", "#eaeef2"),
    Verdict.QUOTE_NOT_FOUND: ("#8250df", "#f1e6ff"),
    Verdict.FIGURE_NOT_IN_QUOTE: ("#bf3989", "#ffe5f1"),
}
_VERDICT_CSS = "".join(f".v-{v.value}{{--fg:{fg};--bg:{bg}}}" for v, (fg, bg) in _COLORS.items())
# The stylesheet is package data: read when a page is made, not when figcheck starts.
_CSS = resources.files("figcheck.render.html").joinpath("page.css").read_text(encoding="utf-8")
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
            f'<div class="doc">{document_html(view, by_id)}</div></section>'
        )
    else:
        document = '<section id="document"><p>The claims file names no document.</p></section>'
    details = "".join(detail(r, report) for r in report.results)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>figcheck: {esc(title)}</title>"
        f"<style>{_VERDICT_CSS}{_CSS}</style></head><body>\n"
        f'<header><h1>{esc(title)}</h1><p class="meta">{checked}</p></header>\n'
        f'<section id="summary"><h2>Summary</h2>'
        f"{summary(report)}</section>\n"
        f'<section id="audit"><h2>Audit</h2>{audit_table(report)}</section>\n'
        f"{document}\n"
        f'<section id="details"><h2>Details</h2>{details}</section>\n'
        f"<script>{_JS}</script>\n"
        "</body></html>\n"
    )
