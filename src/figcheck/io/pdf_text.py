"""PDF documents as read: each page's lines, without running headers, footers and page numbers."""

from __future__ import annotations

import io
import re

from figcheck.errors import InputError, Location
from figcheck.io.formats import Builder, SourceText

# a page number alone on its line: "7", "- 7 -", "Page 7", "7 of 12", "Page 7 of 12"
_PAGE_NUMBER = re.compile(r"(?i)\s*[-–]?\s*(page\s+)?\d{1,4}(\s+(of|/)\s+\d{1,4})?\s*[-–]?\s*")
_DIGITS = re.compile(r"\d+")


def pdf_text(data: bytes, where: Location) -> SourceText:
    """The text of the PDF document *data*: its text boxes in layout order, each a paragraph.

    Its source, for locations, is the pages' text lines, and ``pages`` lists the line each
    page starts at, so that a place is given as page and line. A line repeated at the top
    or bottom of two or more pages (digits aside), and a page number there, are left out.
    """
    from pdfminer.high_level import extract_pages  # imported here: only a PDF needs it
    from pdfminer.layout import LTTextContainer, LTTextLine
    from pdfminer.pdfparser import PDFSyntaxError

    pages: list[list[list[str]]] = []  # page -> boxes -> lines
    try:
        for page in extract_pages(io.BytesIO(data)):
            boxes: list[list[str]] = []
            for box in page:
                if isinstance(box, LTTextContainer):
                    lines = [
                        " ".join(line.get_text().split())
                        for line in box
                        if isinstance(line, LTTextLine)
                    ]
                    if any(lines):
                        boxes.append([line for line in lines if line])
            pages.append(boxes)
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as err:
        raise InputError(f"is not a readable PDF document ({err})", where) from None
    except Exception as err:  # pdfminer raises its own PSException family for broken files
        if type(err).__module__.startswith("pdfminer"):
            raise InputError(f"is not a readable PDF document ({err})", where) from None
        raise
    running = _running(pages)
    source_lines: list[str] = []
    page_starts: list[int] = []
    for boxes in pages:
        page_starts.append(len(source_lines))
        source_lines.extend(line for lines in boxes for line in lines)
    source = "\n".join(source_lines) + "\n"
    out = Builder(source)
    offset = 0
    for boxes in pages:
        for i, lines in enumerate(boxes):
            edge = i == 0 or i == len(boxes) - 1
            skip = edge and len(lines) == 1 and _is_running(lines[0], running)
            for line in lines:
                if not skip:
                    out.put(line, offset)
                    out.put("\n", offset + len(line))
                offset += len(line) + 1
            if not skip:
                out.put("\n", offset - 1)
    read = out.finish()
    return SourceText(
        read.text,
        read.source,
        read.text_starts,
        read.source_starts,
        read.tables,
        tuple(page_starts),
    )


def _running(pages: list[list[list[str]]]) -> set[str]:
    """The one-line boxes at the top or bottom of two or more pages, digits made ``#``."""
    seen: dict[str, int] = {}
    for boxes in pages:
        edges = {_shape(box[0]) for box in (boxes[:1] + boxes[-1:]) if len(box) == 1}
        for shape in edges:
            seen[shape] = seen.get(shape, 0) + 1
    return {shape for shape, count in seen.items() if count >= 2}


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line)


def _is_running(line: str, running: set[str]) -> bool:
    return _PAGE_NUMBER.fullmatch(line) is not None or _shape(line) in running
