"""The terminal rendering of ``figcheck explain``: derivation, sentence, number line, needs."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from figcheck.figures import notation
from figcheck.render.console import string_console
from figcheck.render.table import STYLE

if TYPE_CHECKING:
    from figcheck.explain.model import Bar, Explanation, NumberLine

MAX_WIDTH = 100  # wider lines are hard to read, even on a wide terminal
LABEL_WIDTH = 12
INDENT = "  "
LEGEND = "[ ] closed end   ( ) open end   ← → no bound   ● central figure"
ROLE_STYLE = {
    "strict": "bold cyan",
    "lenient": "cyan",
    "left": "cyan",
    "right": "magenta",
}


def render(explanation: Explanation, *, color: bool = False, width: int | None = None) -> str:
    """The explanation as terminal text, at most *width* (default 80) columns wide."""
    width = min(width or 80, MAX_WIDTH)
    console, buffer = string_console(color=color, width=width)
    verdict = explanation.verdict
    title = Text(f"{explanation.id}  ", style="bold")
    title.append(verdict.label, style=STYLE[verdict])
    console.print(title)
    console.print()
    console.print(_derivation(explanation))
    console.print()
    why = Text("In short: ", style="bold")
    why.append(explanation.sentence + ".")
    console.print(why)
    if explanation.picture is not None:
        console.print()
        for line in picture_lines(explanation.picture, width):
            console.print(line, no_wrap=True, crop=True)
    if explanation.needs or explanation.needs_note:
        console.print()
        console.print(Text("What it would take", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        if explanation.needs_note:
            console.print(Padding(explanation.needs_note, (0, 0, 0, len(INDENT))))
        for need in explanation.needs:
            grid.add_row(INDENT + "•", Text(need.text, style="" if need.possible else "dim"))
        if explanation.needs:
            console.print(grid)
    # rich pads grid rows to the full width; trailing blanks only get in the way
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _derivation(explanation: Explanation) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, width=LABEL_WIDTH)
    grid.add_column(overflow="fold")
    for entry in explanation.entries:
        label = Text(INDENT * entry.depth + entry.label, style="bold" if entry.depth == 0 else "")
        text = Text(entry.text)
        if entry.verdict is not None:
            text.stylize(STYLE[entry.verdict])
        grid.add_row(label, text)
    return grid


def picture_lines(line: NumberLine, width: int) -> list[Text]:
    """The number line as rows of text no wider than *width*."""
    label_width = max(len(bar.label) for bar in line.bars) + 2 if line.bars else 0
    track = max(width - len(INDENT) - label_width, 10)  # a narrow terminal still gets a line
    rows = [Text(f"Number line, in {line.unit}" if line.unit else "Number line")]
    for bar in line.bars:
        row = Text(INDENT + bar.label.ljust(label_width))
        style = STYLE[bar.verdict] if bar.verdict is not None else ROLE_STYLE.get(bar.role, "")
        row.append(draw_bar(line, bar, track), style=style)
        rows.append(row)
    pad = INDENT + " " * label_width
    axis, labels = axis_rows(line, track)
    rows.append(Text(pad + axis, style="dim"))
    rows.append(Text(pad + labels))
    rows.append(Text(INDENT + LEGEND, style="dim"))
    return rows


def draw_bar(line: NumberLine, bar: Bar, width: int) -> str:
    """One bar as *width* characters: ends ``[ ( ←`` and ``] ) →``, fill ``━``, mark ``●``."""
    cells = [" "] * width
    start, end = line.column(bar.lo, width), line.column(bar.hi, width)
    if end <= start:
        cells[start] = "│"
    else:
        for i in range(start + 1, end):
            cells[i] = "━"
        cells[start] = "←" if bar.lo == -math.inf else "(" if bar.lo_open else "["
        cells[end] = "→" if bar.hi == math.inf else ")" if bar.hi_open else "]"
    if bar.mark is not None:
        at = line.column(bar.mark, width)
        if end - start >= 2 and at in (start, end):
            # a mark on an end would hide the bracket: a bound stays a bracket, a figure
            # just inside the end moves one column in
            at = -1 if bar.mark in (bar.lo, bar.hi) else at + (1 if at == start else -1)
        if at >= 0:
            cells[at] = "●"
    return "".join(cells).rstrip()


def tick_labels(ticks: tuple[float, ...], *, grouping: bool = True) -> list[str]:
    """The ticks as figures, with just enough digits to tell them apart."""
    labels: list[str] = []
    for digits in range(3, 16):
        labels = [notation.number(t, digits=digits, grouping=grouping) for t in ticks]
        if len(set(labels)) == len(labels):
            break
    return labels


def axis_rows(line: NumberLine, width: int) -> tuple[str, str]:
    """The axis with a tick ``┬`` at each round figure, and the figures under it."""
    axis = ["─"] * width
    labels = [" "] * width
    free = 0  # the first column a label may use
    texts = tick_labels(line.ticks, grouping=line.grouping)
    for tick, text in zip(line.ticks, texts, strict=True):
        col = line.column(tick, width)
        axis[col] = "┬"
        at = min(max(col - len(text) // 2, free), width - len(text))
        if at < free or at > col:
            continue  # no room for this label next to the previous one
        labels[at : at + len(text)] = text
        free = at + len(text) + 1
    return "".join(axis), "".join(labels).rstrip()
