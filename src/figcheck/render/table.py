"""The terminal table: verdicts grouped by section, coloured, with a summary line.

The table fits the width it is given without cutting a word, a number or the verdict: when
rich's own layout would cut one, the columns are sized here, and the table gives up, in turn,
the computed range, the document name before each line number, its outer edges, the verdict's
own column (the verdict goes under the id), the words of long reference sources, and the
check formulas; only past all that does it cut.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from figcheck.check.verdict import Verdict
from figcheck.figures import notation
from figcheck.render.console import string_console
from figcheck.text import shorten_words

if TYPE_CHECKING:
    from rich.console import Console

    from figcheck.check.report import Report, Reports, Result
    from figcheck.render import RenderOptions

STYLE = {
    Verdict.CONSISTENT: "green",
    Verdict.WITHIN_ROUNDING: "yellow",
    Verdict.INCONSISTENT: "bold red",
    Verdict.BOUND_ONLY: "red",
    Verdict.UNCHECKED: "dim",
    Verdict.QUOTE_NOT_FOUND: "magenta",
    Verdict.FIGURE_NOT_IN_QUOTE: "bright_magenta",
}
LARGE = 200  # above this many results the table shows only the findings
SOURCE_LENGTH = 40  # a reference's source is shortened to this many characters, at a word
HEADERS = ("id and place", "stated", "computed", "verdict")
# the ways to save width, in the order they are given up
_LEVELS = ("range", "place", "edge", "stack", "source", "formula")


def verdict_text(verdict: Verdict) -> Text:
    return Text(verdict.label, style=STYLE[verdict])


def _where(result: Result, short: bool) -> str:
    loc = result.quote_location
    if loc is None or loc.line is None:
        return ""
    return f"line {loc.line}" if short else f"{loc.path.rsplit('/', 1)[-1]}:{loc.line}"


def is_finding(result: Result) -> bool:
    return result.verdict not in (Verdict.CONSISTENT, Verdict.UNCHECKED)


@dataclass(frozen=True, slots=True)
class _Row:
    cells: tuple[Text, ...]
    section: bool = False
    source: str | None = None  # a reference's whole source, shortened once widths are known


def _stacked(row: _Row) -> _Row:
    """The row with its verdict under the id, in three columns."""
    ident, stated, computed, verdict = row.cells
    if verdict.plain:
        ident = ident.copy()
        # a reference's verdict goes under its arrow
        ident.append("\n    " if ident.plain.startswith("  └") else "\n")
        ident.append_text(verdict)
    return _Row((ident, stated, computed), row.section, row.source)


def _rows(report: Report, results: list[Result], saving: frozenset[str]) -> Iterator[_Row]:
    shown = set(map(id, results))
    for section, group in report.sections():
        rows = [r for r in group if id(r) in shown]
        if not rows:
            continue
        if section is not None:
            yield _Row((Text(section, style="bold underline"), Text(), Text(), Text()), True)
        for result in rows:
            ident = Text(result.id)
            where = _where(result, "place" in saving)
            if where:
                ident.append(f"\n{where}", style="dim")
            if result.stated is not None:
                stated = result.stated.text
            else:
                stated = "" if "formula" in saving else result.formula or ""
            if "range" in saving and result.sides is None:
                computed = notation.computed(result.central, None, result.stated)
            else:
                computed = result.computed
            yield _Row((ident, Text(stated), Text(computed), verdict_text(result.verdict)))
            for ref in result.references:
                source = shorten_words(ref.reference.source, SOURCE_LENGTH)
                yield _Row(
                    (
                        Text("  └ reference", style="dim"),
                        Text(ref.reference.value.text),
                        Text(source, style="dim"),
                        verdict_text(ref.verdict),
                    ),
                    source=source if "source" in saving else None,
                )
            if result.accepts and result.accepted is not None:
                yield _Row(
                    (
                        Text("  └ accepted", style="dim"),
                        Text(result.accepted, style="dim"),
                        Text(),
                        Text(),
                    )
                )


def _measure(rows: list[_Row], headers: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Each column's narrowest width (its longest word) and its natural width (longest line)."""
    least = [max(cell_len(w) for w in h.split()) for h in headers]
    most = [cell_len(h) for h in headers]
    whole = {0, 3}  # ids, places and verdicts are never broken
    for row in rows:
        for i, cell in enumerate(row.cells):
            if i == 2 and row.source is not None:  # cut to fit, at a word, later
                first = row.source.split()[0] if row.source.split() else ""
                least[i] = max(least[i], cell_len(first) + 1)
                most[i] = max(most[i], cell_len(row.source))
                continue
            for line in cell.plain.split("\n"):
                most[i] = max(most[i], cell_len(line))
                if i in whole and not row.section:
                    least[i] = max(least[i], cell_len(line))
                else:
                    least[i] = max([least[i], *(cell_len(w) for w in line.split())])
    return least, most


def fit_words(text: str, width: int, lines: int = 2) -> str:
    """*text* wrapped at words into at most *lines* lines of *width*, ending with an ellipsis
    when words are left out; words are never cut."""
    out: list[str] = []
    words = text.split()
    cut = False
    for word in words:
        if out and cell_len(out[-1]) + 1 + cell_len(word) <= width:
            out[-1] += " " + word
        elif len(out) < lines and cell_len(word) <= width:
            out.append(word)
        else:
            cut = True
            break
    if not cut:
        return "\n".join(out)
    while out:
        last = out[-1].rstrip(" ,;:")
        if cell_len(last) + 1 <= width:
            out[-1] = last + "…"
            return "\n".join(out)
        if " " in last:
            out[-1] = last[: last.rindex(" ")]
        else:
            out.pop()
    return "…"


def _overhead(columns: int, edge: bool) -> int:
    """Columns taken by borders and padding: ┃ x ┃ … with edges, x ┃ … without."""
    if edge:
        return columns + 1 + 2 * columns
    return columns - 1 + 2 * columns - 2


def measure(
    rows: list[list[str]], whole: frozenset[int] = frozenset()
) -> tuple[list[int], list[int]]:
    """Each column's narrowest width (its longest word, or its longest line for the columns in
    *whole*) and its natural width (its longest line), over *rows* of plain cells."""
    columns = len(rows[0]) if rows else 0
    least, most = [1] * columns, [1] * columns
    for row in rows:
        for i, cell in enumerate(row):
            for line in cell.split("\n"):
                most[i] = max(most[i], cell_len(line))
                words = [line] if i in whole else line.split()
                least[i] = max([least[i], *(cell_len(w) for w in words)])
    return least, most


def fit(least: list[int], most: list[int], room: int) -> list[int]:
    """Public name of the column sizing: see _widths."""
    return _widths(least, most, room)


def _widths(least: list[int], most: list[int], room: int) -> list[int]:
    """Column widths between *least* and *most* that add up to at most *room*, as rich sizes
    them but never below a column's longest word: the widest column gives way first."""
    widths = list(most)
    excess = sum(widths) - room
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > least[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _table(
    report: Report,
    rows: list[_Row],
    widths: list[int] | None,
    edge: bool,
    headers: tuple[str, ...] = HEADERS,
) -> Table:
    table = Table(
        title=report.document.title or None,
        title_justify="left",
        show_lines=False,
        show_edge=edge,
        pad_edge=edge,
    )
    if widths is None:  # rich's own layout, as the table has always looked when it fits
        table.add_column(HEADERS[0], no_wrap=True, max_width=40, overflow="ellipsis")
        table.add_column(HEADERS[1], min_width=10)
        table.add_column(HEADERS[2], min_width=12)
        table.add_column(HEADERS[3], no_wrap=True)
    else:
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, width=width, overflow="fold")
    for row in rows:
        cells = row.cells
        if row.source is not None and widths is not None:
            source = Text(fit_words(row.source, widths[2], 3), style="dim")
            cells = (*cells[:2], source, *cells[3:])
        table.add_row(*cells, end_section=False)
    return table


def _rich_fits(console: Console, table: Table, least: list[int]) -> bool:
    """Whether rich's own layout gives every column at least its narrowest width."""
    try:
        widths = table._calculate_column_widths(console, console.options)
    except Exception:  # another rich: size the columns here
        return False
    return all(w - 2 >= n for w, n in zip(widths, least, strict=True))


def render_into(console: Console, report: Report, options: RenderOptions) -> None:
    """The table and summary of *report*, printed on *console*."""
    results = list(report.results)
    shown_only_findings = options.show == "findings" or (
        options.show == "auto" and len(results) > LARGE
    )
    if shown_only_findings:
        results = [r for r in results if is_finding(r)]
    width = console.width
    rows = list(_rows(report, results, frozenset()))
    least, most = _measure(rows, HEADERS)
    table = _table(report, rows, None, True)
    if sum(most) + _overhead(4, True) > width and not _rich_fits(console, table, least):
        saving: set[str] = set()
        for level in (None, *_LEVELS):
            if level is not None:
                saving.add(level)
            rows = list(_rows(report, results, frozenset(saving)))
            headers: tuple[str, ...] = HEADERS
            if "stack" in saving:
                rows = [_stacked(row) for row in rows]
                headers = ("id, place and verdict", *HEADERS[1:3])
            least, most = _measure(rows, headers)
            edge = "edge" not in saving
            room = width - _overhead(len(headers), edge)
            if sum(least) <= room or level == _LEVELS[-1]:
                table = _table(report, rows, _widths(least, most, room), edge, headers)
                break
    console.print(table)
    off = how_far_off(results)
    if off:
        console.print(off)
    summary = Text(report.summary.text())
    if report.exit_code:
        summary.stylize("bold red")
    console.print(summary)
    if shown_only_findings and options.show == "auto" and not options.quiet:
        console.print(
            f"Showing only the findings of {len(report.results)} results; "
            "use --show all to see every result.",
            style="dim",
        )


def how_far_off(results: list[Result]) -> Text | None:
    """How far off each formula short of ✔ is, in the reader's terms, and what an ≈ needed."""
    lines = Text()
    for result in results:
        if how := result.how_far_off:
            lines.append(f"  {result.verdict.symbol} {result.id}: {how}\n")
    if not lines:
        return None
    lines.rstrip()
    return Text("How far off\n", style="bold") + lines


def render(report: Report, options: RenderOptions) -> str:
    console, buffer = string_console(color=options.color, width=options.width or 100)
    render_into(console, report, options)
    return buffer.getvalue()


def render_batch(reports: Reports, options: RenderOptions) -> str:
    """Each claims file's table under its name, then the run's summary."""
    console, buffer = string_console(color=options.color, width=options.width or 100)
    for report in reports.reports:
        console.print(Text(report.claims_path, style="bold"))
        render_into(console, report, options)
        console.print()
    summary = Text(reports.text())
    if reports.exit_code:
        summary.stylize("bold red")
    console.print(summary)
    return buffer.getvalue()
