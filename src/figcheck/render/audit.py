"""The terminal audit table: every claim with its quote, line, figures, formula and verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from figcheck.render.console import string_console
from figcheck.render.rows import audit_rows
from figcheck.render.table import STYLE
from figcheck.text import shorten

if TYPE_CHECKING:
    from figcheck.check.report import Report
    from figcheck.render import RenderOptions
    from figcheck.render.rows import Row

DEFAULT_WIDTH = 120  # wide enough for a landscape page when not printing to a terminal
SOURCE_LENGTH = 80


def _table(section: str | None, rows: list[Row], id_width: int) -> Table:
    table = Table(
        title=section,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_lines=True,
        pad_edge=False,
        show_edge=False,
        expand=True,
    )
    table.add_column("id / line", overflow="fold", width=id_width)
    table.add_column("quote", ratio=4)
    table.add_column("stated", overflow="fold", ratio=2)
    table.add_column("formula → computed", overflow="fold", ratio=3)
    table.add_column("verdict", no_wrap=True)
    for row in rows:
        verdict = Text(row.verdict.label, style=STYLE[row.verdict])
        if row.reference:
            ident = Text("  ↳", style="dim")
            quote = "reference: " + shorten(row.quote, SOURCE_LENGTH)
        else:
            ident = Text(row.id)
            if row.line is not None:
                ident.append(f"\nline {row.line}", style="dim")
            quote = f"“{row.quote}”" if row.quote else ""
        formula = Text(row.formula)
        if row.computed:
            formula.append(("\n" if row.formula else "") + f"→ {row.computed}")
        table.add_row(ident, quote, row.stated, formula, verdict)
    return table


def render(report: Report, options: RenderOptions) -> str:
    console, buffer = string_console(color=options.color, width=options.width or DEFAULT_WIDTH)
    title = report.document.title or report.claims_path
    console.print(Text(f"Audit: {title}", style="bold"))
    sections = audit_rows(report)
    # one id width for every section, so the tables line up on the page
    longest = max((len(row.id) for _, rows in sections for row in rows), default=0)
    id_width = max(9, min(longest, console.width // 5))
    for section, rows in sections:
        console.print()
        console.print(_table(section, rows, id_width))
    console.print()
    summary = Text(report.summary.text())
    if report.exit_code:
        summary.stylize("bold red")
    console.print(summary)
    # rich pads some lines to the full width; trailing blanks only get in the way
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
