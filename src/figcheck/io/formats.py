"""Documents as their readers see them: a document's text, mapped to the file as stored."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from figcheck.io.sources import read_binary, read_text

FORMATS = ("text", "markdown", "html", "docx", "pdf")
_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# the files a folder is searched for: plain text and every format a reader is kept for
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", *_SUFFIXES})


def format_of(path: str | Path, chosen: str | None = None) -> str:
    """The format of the document at *path*: *chosen*, else the one its suffix names."""
    if chosen is not None:
        return chosen
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text, and where that text is in the document's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the document: the heading above it, and its rows (the header row first)."""

    heading: str
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class SourceText:
    """A document's text as read, and where each of its characters stands in the stored file.

    *source* is the file as stored (BOM dropped, line ends made ``\\n``). The map is a list
    of breakpoints: text offset ``text_starts[i]`` onwards stands at ``source_starts[i]``
    onwards, one character for one. A plain-text document is its own source: no map.
    """

    text: str
    source: str
    text_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    tables: tuple[Table, ...] = ()
    pages: tuple[int, ...] = ()  # a PDF's: the 0-based source line each page starts at
    headings: tuple[tuple[int, int], ...] = ()  # where each heading's text is in text

    def source_offset(self, offset: int) -> int:
        """The offset in the stored file of the text character at *offset*."""
        if not self.text_starts:
            return offset
        i = bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return 0
        return min(self.source_starts[i] + offset - self.text_starts[i], len(self.source))


def read_source(path: Path, fmt: str, *, allow_empty: bool = True) -> SourceText:
    """The document at *path* read in format *fmt* (one of FORMATS); errors as read_text's."""
    if fmt in ("docx", "pdf"):
        from figcheck.errors import InputError, Location

        where = Location(str(path))
        if fmt == "docx":
            from figcheck.io.docx_text import docx_text

            read = docx_text(read_binary(path), where)
        else:
            from figcheck.io.pdf_text import pdf_text

            read = pdf_text(read_binary(path), where)
        if not allow_empty and not read.text.strip():
            raise InputError("is empty", where)
        return read
    stored = read_text(path, allow_empty=allow_empty)
    if fmt == "markdown":  # each reader imported only when its format is read
        from figcheck.io.markdown_text import markdown_text

        return markdown_text(stored)
    if fmt == "html":
        from figcheck.io.html_text import html_text

        return html_text(stored)
    return SourceText(stored, stored)


class Builder:
    """The text being written, with its map back to the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.length = 0
        self.text_starts: list[int] = []
        self.source_starts: list[int] = []
        self.tables: list[Table] = []
        self.heading = ""  # the text of the last heading, which names the tables below it
        self.headings: list[tuple[int, int]] = []
        self._rows: list[tuple[Cell, ...]] = []
        self._row: list[Cell] = []
        self._cell: tuple[int, int] | None = None  # the open cell's (offset, piece index)

    def put(self, piece: str, at: int) -> None:
        """Append *piece*, which stands at source offset *at* onwards."""
        if not piece:
            return
        self.pieces.append(piece)
        self.text_starts.append(self.length)
        self.source_starts.append(at)
        self.length += len(piece)

    def end_heading(self, mark: tuple[int, int]) -> None:
        """The heading begun at *mark* ends here: it names the tables below it."""
        raw = self.since(mark)
        self.heading = " ".join(raw.split())
        lead = len(raw) - len(raw.lstrip())
        if self.heading:
            self.headings.append((mark[0] + lead, mark[0] + len(raw.rstrip())))

    def mark(self) -> tuple[int, int]:
        """Where the text written next starts: its offset and its piece's index."""
        return self.length, len(self.pieces)

    def since(self, mark: tuple[int, int]) -> str:
        """The text written since *mark*."""
        return "".join(self.pieces[mark[1] :])

    def open_cell(self) -> None:
        self._cell = self.mark()

    def close_cell(self) -> None:
        if self._cell is None:
            return
        start = self._cell[0]
        raw = self.since(self._cell)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        self._row.append(Cell(" ".join(text.split()), start + lead, start + lead + len(text)))
        self._cell = None

    def close_row(self) -> None:
        self.close_cell()
        if self._row:
            self._rows.append(tuple(self._row))
        self._row = []

    def close_table(self) -> None:
        self.close_row()
        if self._rows:
            self.tables.append(Table(self.heading, tuple(self._rows)))
        self._rows = []

    def ends_with(self, tail: str) -> bool:
        return "".join(self.pieces[-2:]).endswith(tail)

    def finish(self) -> SourceText:
        whole = "".join(self.pieces)
        text = whole.strip("\n")
        lead = len(whole) - len(whole.lstrip("\n"))
        starts = [max(s - lead, 0) for s in self.text_starts]
        tables = tuple(
            Table(
                t.heading,
                tuple(
                    tuple(Cell(c.text, c.start - lead, c.end - lead) for c in row) for row in t.rows
                ),
            )
            for t in self.tables
        )
        headings = tuple((a - lead, b - lead) for a, b in self.headings)
        return SourceText(
            text + "\n" if text else "",
            self.source,
            starts,
            self.source_starts,
            tables,
            headings=headings,
        )
