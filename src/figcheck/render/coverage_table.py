"""The coverage table: each figure the document mentions, what it reads as, and its claim."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rich.table import Table
from rich.text import Text

from figcheck.document.coverage import Category, describe
from figcheck.render.console import string_console
from figcheck.render.table import fit, measure

if TYPE_CHECKING:
    from rich.console import Console

    from figcheck.document.coverage import CoverageReport, Mention
    from figcheck.render import RenderOptions

STYLE = {
    Category.QUANTITY: "",
    Category.YEAR: "cyan",
    Category.COUNT: "dim",
    Category.LABEL: "dim",
}
NOT_COVERED = "✘ none"  # a quantity no claim covers
NO_CLAIM = "–"  # a year, count or label no claim covers: listed, not counted
LARGE = 200  # above this many mentions, --show auto lists only the uncovered quantities
PLAIN = 500  # above this many rows, plain aligned columns: a rich table would take seconds
HEADERS = ("line", "as written", "reads as", "category", "covered by")


def is_finding(mention: Mention) -> bool:
    return mention.category is Category.QUANTITY and mention.covered_by is None


def _covered(mention: Mention) -> Text:
    if mention.covered_by is not None:
        return Text(mention.covered_by, style="green")
    if mention.category is Category.QUANTITY:
        return Text(NOT_COVERED, style="bold red")
    return Text(NO_CLAIM, style="dim")


def _cells(mention: Mention) -> tuple[str, ...]:
    covered = mention.covered_by or (
        NOT_COVERED if mention.category is Category.QUANTITY else NO_CLAIM
    )
    return (
        str(mention.line),
        mention.text,
        describe(mention),
        mention.category.value,
        covered,
    )


OVERHEAD = 16  # borders and padding of five columns


def _table(heading: str | None, widths: list[int] | None) -> Table:
    table = Table(title=heading, title_justify="left")
    if widths is not None:
        for header, width in zip(HEADERS, widths, strict=True):
            table.add_column(header, width=width, justify="right" if header == "line" else "left")
        return table
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("as written")
    table.add_column("reads as")
    table.add_column("category", no_wrap=True)
    table.add_column("covered by", overflow="fold")
    return table


def _layout(console: Console, rows: list[Mention]) -> list[int] | Literal["rich", "list"]:
    """How to lay the rows out without breaking a line number, figure, category or claim id:
    rich's own table where it breaks none, else columns sized here, else a list."""
    least, most = measure([list(HEADERS), *(list(_cells(m)) for m in rows)], frozenset({0, 3, 4}))
    width = console.width
    if sum(most) + OVERHEAD <= width:
        return "rich"
    try:
        ours = _table(None, None)
        for mention in rows:
            ours.add_row(*_cells(mention))
        widths = ours._calculate_column_widths(console, console.options)
        if all(w - 2 >= n for w, n in zip(widths, least, strict=True)):
            return "rich"
    except Exception:  # another rich: size the columns here
        pass
    room = width - OVERHEAD
    if sum(least) > room:
        return "list"
    return fit(least, most, room)


def _line(mention: Mention) -> Text:
    """One mention on a line of its own, for a narrow terminal."""
    line = Text(f"{mention.line:>5}  ")
    line.append(mention.text)
    line.append(f"  reads {describe(mention)}, {mention.category.value}; ", style="dim")
    line.append_text(_covered(mention))
    return line


def _plain(rows: list[Mention]) -> str:
    """Rows as plain columns, two spaces apart, the line numbers right-aligned."""
    cells = [HEADERS, *map(_cells, rows)]
    a, b, c, d, e = (max(map(len, column)) for column in zip(*cells, strict=True))
    # one format per row: its fields padded as rjust and ljust pad them
    row = f"{{:>{a}}}  {{:<{b}}}  {{:<{c}}}  {{:<{d}}}  {{:<{e}}}".format
    return "\n".join([row(*cells_of).rstrip() for cells_of in cells])


def render(report: CoverageReport, options: RenderOptions) -> str:
    console, buffer = string_console(color=options.color, width=options.width or 100)
    mentions = report.mentions
    only_findings = options.show == "findings" or (options.show == "auto" and len(mentions) > LARGE)
    rows = [m for m in mentions if is_finding(m)] if only_findings else list(mentions)
    title = report.document.title or report.document.source or ""
    heading = f"{title}: figures mentioned" if title else None
    if len(rows) > PLAIN:
        if heading:
            console.print(heading)
        # straight into the buffer: rich would build a Text per line, seconds for 100,000
        # lines; the cells are figures read by the number reader and claim ids, never raw text
        buffer.write(_plain(rows) + "\n")
        rows = []
    layout = _layout(console, rows) if rows else "rich"
    if layout == "list":  # too narrow for a table that breaks no id or figure
        if heading:
            console.print(heading)
        for mention in rows:
            console.print(_line(mention))
        rows = []
    table = _table(heading, None if isinstance(layout, str) else layout)
    for mention in rows:
        style = STYLE[mention.category]
        table.add_row(
            str(mention.line),
            mention.text,
            describe(mention),
            Text(mention.category.value, style=style),
            _covered(mention),
        )
    if rows:
        console.print(table)
    summary = Text(report.text())
    if report.exit_code:
        summary.stylize("bold red")
    console.print(summary)
    if report.unlocated:
        console.print(
            "Quotes not found (run figcheck check): " + ", ".join(report.unlocated), style="yellow"
        )
    if only_findings and options.show == "auto":
        console.print(
            f"Showing only the uncovered quantities of {len(mentions)} mentions; "
            "use --show all to list every one.",
            style="dim",
        )
    return buffer.getvalue()
