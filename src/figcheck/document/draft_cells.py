"""Drafting figures in table cells: the unit from the column heading, ids from the labels."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from figcheck.figures.numbers import find_amounts

if TYPE_CHECKING:
    from figcheck.check.quotes import QuoteIndex
    from figcheck.io.formats import Cell, Table

_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_SHARE_HEADING = re.compile(r"%|\bpercent\b|\bper cent\b", re.I)
_DROPPED_WORDS = frozenset({"a", "an", "the", "of", "no", "n", "number", "and", "or", "in"})


@dataclass(frozen=True, slots=True)
class Place:
    """A figure's table cell: the table, its row and column (0-based), and the cell."""

    table: Table
    row: int
    column: int
    cell: Cell

    @property
    def heading(self) -> str:
        header = self.table.rows[0]
        return header[self.column].text if self.column < len(header) else ""

    @property
    def label(self) -> str:
        return self.table.rows[self.row][0].text


class Cells:
    """The body cells of a document's tables (not the header row, not the row labels)."""

    def __init__(self, tables: tuple[Table, ...]) -> None:
        places = [
            Place(table, r, c, cell)
            for table in tables
            for r, row in enumerate(table.rows)
            if r > 0
            for c, cell in enumerate(row)
            if c > 0
        ]
        self.places = sorted(places, key=lambda p: p.cell.start)
        self.starts = [p.cell.start for p in self.places]

    def at(self, offset: int) -> Place | None:
        """The body cell that holds the text offset *offset*, or None."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.places[i].cell.start <= offset < self.places[i].cell.end:
            return self.places[i]
        return None


def is_share(place: Place, offset: int) -> bool:
    """Whether the figure at text *offset* is a share by its column heading ("no. of patients
    (%)"): the cell's only figure, or the one after a count ("352 (6.9)")."""
    if not _SHARE_HEADING.search(place.heading):
        return False
    amounts = [a for a in find_amounts(place.cell.text) if a.form == "digits"]
    at = offset - place.cell.start
    if len(amounts) == 1:
        return amounts[0].start <= at < max(amounts[0].end, amounts[0].start + 1)
    return len(amounts) >= 2 and any(a.start <= at < a.end for a in amounts[1:])


def label_words(place: Place, *, share: bool) -> list[str]:
    """Words for the id of the figure in *place*: its row's label, then its column's heading,
    then ``pct`` for a share (``death_any_intensive_pct``)."""
    row = [w.lower() for w in _LABEL_WORD.findall(place.label)]
    column = [w.lower() for w in _LABEL_WORD.findall(re.sub(r"\([^)]*\)", " ", place.heading))]
    words = [w for w in row if w not in _DROPPED_WORDS][:2]
    words += [w for w in column if w not in _DROPPED_WORDS][:1]
    return [*words, "pct"] if share else words


def cell_quote(place: Place, index: QuoteIndex) -> str | None:
    """The cell's own text as the quote, grown by the cells after it in its row until it is
    unique in the document; None if the row's end comes first."""
    row = place.table.rows[place.row]
    for end in range(place.column + 1, len(row) + 1):
        quote = " | ".join(c.text for c in row[place.column : end])
        if index.unique(quote):
            return quote
    return None
