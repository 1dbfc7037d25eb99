"""The terminal audit table: every claim with its quote, line, figures, formula and verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from figcheck.render.console import string_console
from figcheck.render.rows import audit_rows
from figcheck.render.table import STYLE, fit, how_far_off, measure
from figcheck.text import one_line, shorten_words

if TYPE_CHECKING:
    from rich.console import Console

    from figcheck.check.report import Report
    from figcheck.render import RenderOptions
    from figcheck.render.rows import Row

DEFAULT_WIDTH = 120  # wide enough for a landscape page when not printing to a terminal
SOURCE_LENGTH = 80


HEADERS = ("id / line", "quote", "stated", "formula → computed", "verdict")


def _cells(row: Row) -> tuple[Text, str, str, Text, Text]:
    verdict = Text(row.verdict.label, style=STYLE[row.verdict])
    if row.reference:
        ident = Text("  ↳", style="dim")
        quote = "reference: " + shorten_words(one_line(row.quote), SOURCE_LENGTH)
    else:
        ident = Text(row.id)
        if row.line is not None:
            ident.append(f"\nline {row.line}", style="dim")
        quote = f"“{row.quote}”" if row.quote else ""
    formula = Text(row.formula)
    if row.computed:
        formula.append(("\n" if row.formula else "") + f"→ {row.computed}")
    return ident, quote, row.stated, formula, verdict


def _table(section: str | None, rows: list[Row], widths: list[int] | int) -> Table:
    """The section's table: with *widths* a list, columns of those widths; with an int, rich's
    own layout with that id width, which the audit has always had where it breaks nothing."""
    table = Table(
        title=section,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_lines=True,
        pad_edge=False,
        show_edge=False,
        expand=isinstance(widths, int),
    )
    if isinstance(widths, int):
        table.add_column(HEADERS[0], overflow="fold", width=widths)
        table.add_column(HEADERS[1], ratio=4)
        table.add_column(HEADERS[2], overflow="fold", ratio=2)
        table.add_column(HEADERS[3], overflow="fold", ratio=3)
        table.add_column(HEADERS[4], no_wrap=True)
    else:
        for header, width in zip(HEADERS, widths, strict=True):
            table.add_column(header, width=width, overflow="fold")
    for row in rows:
        table.add_row(*_cells(row))
    return table


def _listing(section: str | None, rows: list[Row]) -> Group:
    """The section as a list, for a terminal too narrow for the table: each claim's id and
    verdict on a line, then one labelled line each for its quote, figure and formula."""
    parts: list[RenderableType] = [Text(section, style="bold")] if section else []
    for row in rows:
        _, quote, stated, formula, verdict = _cells(row)
        head = Text("  ↳ reference" if row.reference else row.id)
        head.append("  ")
        head.append_text(verdict)
        parts.append(head)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, width=13 if row.reference else 9)
        grid.add_column()
        indent = "      " if row.reference else "  "
        if row.line is not None:
            grid.add_row(Text(indent + "line", style="dim"), str(row.line))
        if quote:
            label = "source" if row.reference else "quote"
            grid.add_row(Text(indent + label, style="dim"), quote.removeprefix("reference: "))
        if stated:
            grid.add_row(Text(indent + "stated", style="dim"), stated)
        if formula.plain:
            grid.add_row(Text(indent + "formula", style="dim"), formula)
        parts.append(grid)
    return Group(*parts)


def _widths(
    console: Console, sections: list[tuple[str | None, list[Row]]]
) -> list[int] | int | None:
    """One set of column widths for every section, so the tables line up on the page, that
    breaks no id, line number, word, figure or verdict; None when there is none."""
    width = console.width
    every = [row for _, rows in sections for row in rows]
    longest = max((len(row.id) for row in every), default=0)
    id_width = max(9, min(longest, width // 5))
    plain = [
        [cell.plain if isinstance(cell, Text) else cell for cell in _cells(row)]
        for _, rows in sections
        for row in rows
    ]
    plain.append(list(HEADERS))
    least, most = measure(plain, whole=frozenset({0, 4}))
    least[3] = max(least[3], 10)
    try:  # rich's own layout, when it gives every column its longest word
        ours = _table(None, every, id_width)._calculate_column_widths(console, console.options)
        pads = [1, 2, 2, 2, 1]  # no padding at the outer edges
        if all(w - p >= n for w, p, n in zip(ours, pads, least, strict=True)):
            return id_width
    except Exception:  # another rich: size the columns here
        pass
    room = width - (len(HEADERS) - 1) * 3  # a separator and a space each side between columns
    if sum(least) > room:
        return None
    widths = fit(least, most, room)
    spare = room - sum(widths)
    if spare > 0:  # a full-width page: the quote takes what is left
        widths[1] += spare
    return widths


def render(report: Report, options: RenderOptions) -> str:
    console, buffer = string_console(color=options.color, width=options.width or DEFAULT_WIDTH)
    title = report.document.title or report.claims_path
    console.print(Text(f"Audit: {title}", style="bold"))
    sections = audit_rows(report)
    widths = _widths(console, sections)
    for section, rows in sections:
        console.print()
        if widths is None:  # too narrow for a table that breaks no id or figure
            console.print(_listing(section, rows))
        else:
            console.print(_table(section, rows, widths))
    console.print()
    if (off := how_far_off(list(report.results))) is not None:
        console.print(off)
        console.print()
    summary = Text(report.summary.text())
    if report.exit_code:
        summary.stylize("bold red")
    console.print(summary)
    # rich pads some lines to the full width; trailing blanks only get in the way
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
