"""Word documents as read: paragraphs and table cells in order, each one line of the source."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from figcheck.errors import InputError, Location
from figcheck.io.formats import Builder, SourceText

if TYPE_CHECKING:
    from collections.abc import Iterator


def docx_text(data: bytes, where: Location) -> SourceText:
    """The text of the Word (.docx) document *data*.

    Its source, for locations, has one line per paragraph and per table cell in reading
    order, so that ``report.docx:12`` is the document's twelfth paragraph.
    """
    import docx  # imported here: only a Word document needs python-docx (and lxml)

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(f"is not a Word (.docx) document ({err})", where) from None
    lines: list[str] = []
    blocks: list[tuple[str, Any]] = list(_blocks(document))
    for kind, block in blocks:
        if kind == "p":
            lines.append(_one_line(block.text))
        else:
            lines.extend(_one_line(cell.text) for row in _rows(block) for cell in row)
    source = "\n".join(lines) + "\n"
    out = Builder(source)
    offset = 0  # where the next line starts in the source

    def put_line(text: str) -> None:
        nonlocal offset
        out.put(text, offset)
        offset += len(text) + 1

    for kind, block in blocks:
        if kind == "p":
            text = _one_line(block.text)
            start = out.mark()
            put_line(text)
            if block.style is not None and block.style.name.startswith(("Heading", "Title")):
                out.end_heading(start)
            out.put("\n\n", offset - 1)
            continue
        for row in _rows(block):
            for j, cell in enumerate(row):
                out.close_cell()
                if j:
                    out.put(" | ", offset - 1)
                out.open_cell()
                put_line(_one_line(cell.text))
            out.close_row()
            out.put("\n\n", offset - 1)
        out.close_table()
    return out.finish()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _blocks(document: Any) -> Iterator[tuple[str, Any]]:
    """The document's paragraphs and tables in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", Paragraph(child, document)
        elif tag == "tbl":
            yield "tbl", Table(child, document)


def _rows(table: Any) -> list[list[Any]]:
    """The table's rows of cells; a merged cell once, where it starts."""
    rows: list[list[Any]] = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell)
        rows.append(cells)
    return rows
