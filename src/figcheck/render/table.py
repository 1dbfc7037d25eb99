"""The terminal table: verdicts grouped by section, coloured, with a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from figcheck.check.verdict import Verdict
from figcheck.render.console import string_console
from figcheck.text import shorten

if TYPE_CHECKING:
    from figcheck.check.report import Report, Result
    from figcheck.render import RenderOptions

STYLE = {
    Verdict.CONSISTENT: "green",
    Verdict.WITHIN_ROUNDING: "yellow",
    Verdict.INCONSISTENT: "bold red",
    Verdict.UNCHECKED: "dim",
    Verdict.QUOTE_NOT_FOUND: "magenta",
    Verdict.FIGURE_NOT_IN_QUOTE: "bright_magenta",
}
LARGE = 200  # above this many results the table shows only the findings


def verdict_text(verdict: Verdict) -> Text:
    return Text(verdict.label, style=STYLE[verdict])


def _where(result: Result) -> str:
    loc = result.quote_location
    if loc is None or loc.line is None:
        return ""
    return f"{loc.path.rsplit('/', 1)[-1]}:{loc.line}"


def is_finding(result: Result) -> bool:
    return result.verdict not in (Verdict.CONSISTENT, Verdict.UNCHECKED)


def render(report: Report, options: RenderOptions) -> str:
    console, buffer = string_console(color=options.color, width=options.width or 100)
    results = list(report.results)
    shown_only_findings = options.show == "findings" or (
        options.show == "auto" and len(results) > LARGE
    )
    table = Table(title=report.document.title or None, title_justify="left", show_lines=False)
    table.add_column("id and place", no_wrap=True, max_width=40, overflow="ellipsis")
    table.add_column("stated", min_width=10)
    table.add_column("computed", min_width=12)
    table.add_column("verdict", no_wrap=True)
    for section, group in report.sections():
        rows = [r for r in group if is_finding(r)] if shown_only_findings else group
        if not rows:
            continue
        if section is not None:
            table.add_row(Text(section, style="bold underline"), end_section=False)
        for result in rows:
            ident = Text(result.id)
            where = _where(result)
            if where:
                ident.append(f"\n{where}", style="dim")
            stated = result.stated.text if result.stated else result.formula or ""
            table.add_row(ident, stated, result.computed, verdict_text(result.verdict))
            for ref in result.references:
                table.add_row(
                    Text("  └ reference", style="dim"),
                    ref.reference.value.text,
                    Text(shorten(ref.reference.source, 40), style="dim"),
                    verdict_text(ref.verdict),
                )
    console.print(table)
    summary = Text(report.summary.text())
    if report.exit_code:
        summary.stylize("bold red")
    console.print(summary)
    if shown_only_findings and options.show == "auto":
        console.print(
            f"Showing only the findings of {len(results)} results; "
            "use --show all to see every result.",
            style="dim",
        )
    return buffer.getvalue()
