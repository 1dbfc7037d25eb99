"""The HTML page: a summary, the problems with why and what it would take, every result, the
document with its figures marked, and the details."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from figcheck import __version__
from figcheck.check.verdict import Verdict
from figcheck.render.html.document import document_html
from figcheck.render.html.markup import esc
from figcheck.render.html.tables import audit_table, detail, problems, summary

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports
    from figcheck.render import RenderOptions

# Each verdict's text colour and tint, light and dark; every pair, and the page's text on each
# tint, is at least 4.5:1 (WCAG AA), as tests/test_render_html.py computes.
COLORS = {
    Verdict.CONSISTENT: ("#116329", "#dafbe1"),
    Verdict.WITHIN_ROUNDING: ("#6f4400", "#fff1c2"),
    Verdict.INCONSISTENT: ("#a40e26", "#ffe0e0"),
    Verdict.BOUND_ONLY: ("#953800", "#fff1e5"),
    Verdict.UNCHECKED: ("#424a53", "#eaeef2"),
    Verdict.QUOTE_NOT_FOUND: ("#6639ba", "#f1e6ff"),
    Verdict.FIGURE_NOT_IN_QUOTE: ("#99286e", "#ffe5f1"),
}
DARK_COLORS = {
    Verdict.CONSISTENT: ("#56d364", "#0f2d1a"),
    Verdict.WITHIN_ROUNDING: ("#e3b341", "#3a2a00"),
    Verdict.INCONSISTENT: ("#ff7b72", "#3d1114"),
    Verdict.BOUND_ONLY: ("#ffa657", "#3d1d00"),
    Verdict.UNCHECKED: ("#9198a1", "#21262d"),
    Verdict.QUOTE_NOT_FOUND: ("#d2a8ff", "#2a1a45"),
    Verdict.FIGURE_NOT_IN_QUOTE: ("#ff9bce", "#3b1530"),
}
# The page's own colours: text, dim text, background, paper (the document), lines, the
# highlight of a targeted detail, and links.
PALETTE = {
    "text": "#1f2328",
    "dim": "#57606a",
    "page": "#ffffff",
    "paper": "#ffffff",
    "line": "#d0d7de",
    "target": "#fff8c5",
    "link": "#0550ae",
    "fails": "#a40e26",
}
DARK_PALETTE = {
    "text": "#e6edf3",
    "dim": "#9ea7b3",
    "page": "#0d1117",
    "paper": "#161b22",
    "line": "#30363d",
    "target": "#3a3000",
    "link": "#79c0ff",
    "fails": "#ff7b72",
}


def _variables(palette: dict[str, str], colors: dict[Verdict, tuple[str, str]]) -> str:
    page = ":root{" + "".join(f"--{k}:{v};" for k, v in palette.items()) + "}"
    verdicts = "".join(f".v-{v.value}{{--fg:{fg};--bg:{bg}}}" for v, (fg, bg) in colors.items())
    return page + verdicts


_VARIABLES = (
    _variables(PALETTE, COLORS)
    + "@media (prefers-color-scheme:dark){"
    + _variables(DARK_PALETTE, DARK_COLORS)
    + "}"
)
# The stylesheet is package data: read when a page is made, not when figcheck starts.
_CSS = resources.files("figcheck.render.html").joinpath("page.css").read_text(encoding="utf-8")
# Escape closes a tooltip (a focused figure keeps it open otherwise); reading needs no script.
_JS = (
    "document.addEventListener('keydown',function(e){if(e.key==='Escape'&&"
    "document.activeElement)document.activeElement.blur()});"
)


def _checked(report: Report) -> str:
    source = report.document.source
    return f"Checked by figcheck {esc(__version__)} from <code>{esc(report.claims_path)}</code>" + (
        f" against <code>{esc(source)}</code>." if source else "."
    )


def _document(report: Report, prefix: str, level: int) -> str:
    view = report.view
    h = f"h{level}"
    if view is None:
        return f'<section id="{prefix}document"><p>The claims file names no document.</p></section>'
    by_id = {r.id: r for r in report.results}
    return (
        f'<section id="{prefix}document"><{h}>The document</{h}>'
        '<p class="dim">Hover over or tab to a highlighted figure to see its check; '
        "select it to jump to its details.</p>"
        f'<div class="doc">{document_html(view, by_id, prefix)}</div></section>'
    )


def _count(report: Report) -> int:
    return sum(1 for r in report.results if r.finding)


def _body(report: Report, prefix: str = "", level: int = 2) -> str:
    """Everything about one report, from its problems to its details."""
    h = f"h{level}"
    details = "".join(detail(r, report, prefix) for r in report.results)
    return (
        f'<section id="{prefix}problems"><{h}>Problems ({_count(report)})</{h}>'
        f"{problems(report, prefix)}</section>\n"
        f'<section id="{prefix}audit"><{h}>All results</{h}>'
        f"{audit_table(report, prefix)}</section>\n"
        f"{_document(report, prefix, level)}\n"
        f'<section id="{prefix}details"><{h}>Details</{h}>{details}</section>\n'
    )


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>figcheck: {esc(title)}</title>"
        f"<style>{_VARIABLES}{_CSS}</style></head><body>\n"
        f"{body}"
        f"<script>{_JS}</script>\n"
        "</body></html>\n"
    )


def render(report: Report, options: RenderOptions) -> str:
    title = report.document.title or report.claims_path
    body = (
        f'<header><h1>{esc(title)}</h1><p class="meta">{_checked(report)}</p></header>\n'
        f'<section id="summary"><h2>Summary</h2>{summary(report)}</section>\n'
        f"{_body(report)}"
    )
    return _page(title, body)


def render_batch(reports: Reports, options: RenderOptions) -> str:
    """One page for a run: its summary, then each claims file under its own heading, ids
    prefixed so that they stay unique on the page."""
    files = "".join(
        f'<li><a href="#r{n}-top">{esc(r.claims_path)}</a>: {esc(r.text())}</li>'
        for n, r in enumerate(reports.reports, 1)
    )
    parts = [
        '<header><h1>figcheck</h1><p class="meta">Checked by figcheck '
        f"{esc(__version__)}.</p></header>\n",
        f'<section id="summary"><h2>Summary</h2><p>{esc(reports.text())}.</p>'
        f"<ul>{files}</ul></section>\n",
    ]
    for n, report in enumerate(reports.reports, 1):
        prefix = f"r{n}-"
        title = report.document.title or report.claims_path
        parts.append(
            f'<section class="report" id="{prefix}top"><h2>{esc(title)}</h2>'
            f'<p class="meta">{_checked(report)}</p>{summary(report)}\n'
            f"{_body(report, prefix, 3)}</section>\n"
        )
    return _page("several claims files", "".join(parts))
