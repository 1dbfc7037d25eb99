"""The Markdown format: an audit table per section, for GitHub and for print, then the summary."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from figcheck.render.rows import Row, audit_rows
from figcheck.text import shorten

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports
    from figcheck.render import RenderOptions

QUOTE_LENGTH = 60  # longer quotes are cut, so the table stays readable
SOURCE_LENGTH = 60
HEADER = (
    "| id | quote | line | stated | formula | computed | verdict |\n|---|---|--:|---|---|---|---|\n"
)
NO_SECTION = "Unsectioned"

_SPACES = re.compile(r"\s+")
# the characters that start inline Markdown on GitHub: emphasis, code, links, HTML, entities,
# strikethrough, math, a heading's closing #, and | which ends a table cell
_SPECIAL = re.compile(r"([\\`*_\[\]<>&~$#|])")
_BACKTICKS = re.compile(r"`+")


def text(value: str) -> str:
    """Plain text for one table cell: on one line, with Markdown's characters escaped."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", value).strip())


def code(value: str) -> str:
    """A code span for one table cell (ids, formulas); ``|`` is still escaped for the table."""
    value = _SPACES.sub(" ", value).strip()
    if not value:
        return ""
    fence = "`" * (max((len(m) for m in _BACKTICKS.findall(value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}".replace("|", "\\|")


def _row(row: Row, report: Report) -> str:
    verdict = row.verdict.label
    if row.accepted is not None:
        verdict += f" (accepted: {text(row.accepted)})"
    elif row.verdict.fails(strict=report.strict):
        verdict = f"**{verdict}**"
    if row.reference:
        cells = ["↳ reference", text(shorten(row.quote, SOURCE_LENGTH))]
    else:
        quote = f"“{shorten(row.quote, QUOTE_LENGTH)}”" if row.quote else ""
        cells = [code(row.id), text(quote)]
    cells += [
        str(row.line) if row.line is not None else "",
        text(row.stated),
        code(row.formula),
        text(row.computed),
        verdict,
    ]
    return "| " + " | ".join(cells) + " |\n"


def render(report: Report, options: RenderOptions) -> str:
    title = report.document.title or report.claims_path
    out = [f"# {text(title)}\n\n"]
    source = report.document.source
    about = f"Audit of {code(report.claims_path)}"
    out.append(f"{about}, the claims about {code(source)}.\n" if source else f"{about}.\n")
    for section, rows in audit_rows(report):
        out.append(f"\n## {text(section or NO_SECTION)}\n\n")
        out.append(HEADER)
        out.extend(_row(row, report) for row in rows)
    far = [f"- {code(r.id)}: {text(r.how_far_off)}\n" for r in report.results if r.how_far_off]
    if far:
        out.append("\n## How far off\n\n")
        out.extend(far)
    out.append(f"\n## Summary\n\n{text(report.summary.text())}\n")
    return "".join(out)


def render_batch(reports: Reports, options: RenderOptions) -> str:
    """Each claims file's audit in turn, then the run's summary."""
    parts = [render(report, options) for report in reports.reports]
    return "\n".join([*parts, f"# All claims files\n\n{text(reports.text())}\n"])
