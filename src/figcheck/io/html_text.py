"""HTML documents as rendered: the visible text of a page, placed in the file as stored."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from figcheck.io.formats import Builder, SourceText

_NEWLINE = re.compile(r"\n")

SKIPPED_HTML = frozenset(
    {"head", "title", "style", "script", "template", "noscript", "nav", "footer", "code", "pre"}
    | {"svg", "iframe", "object", "canvas", "math", "button", "select", "textarea"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"table", "thead", "tbody", "tfoot", "caption", "section", "article", "main", "aside"}
    | {"header", "blockquote", "figure", "figcaption", "body", "html", "hr", "address"}
)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _HtmlText(HTMLParser):
    """Collects an HTML page's visible text, each piece placed where it stands in the page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # entities come one by one, with their place
        self.out = Builder(source)
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.skipping: list[str] = []
        self.first_cell = True
        self.heading: tuple[int, int] | None = None  # where the open heading's text starts

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[0] and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in SKIPPED_HTML:
            self.skipping.append(tag)
        elif tag in _BLOCKS:
            if tag in _HEADINGS:
                self.heading = self.out.mark()
            self.out.put("\n\n", self.here())
        elif tag == "br":
            self.out.put("\n", self.here())
        elif tag == "tr":
            self.out.close_row()
            self.first_cell = True
        elif tag in ("td", "th"):
            self.out.close_cell()
            if not self.first_cell:
                self.out.put(" | ", self.here())
            self.first_cell = False
            self.out.open_cell()
        elif tag == "sup":
            self.out.put("^", self.here())

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag in ("td", "th"):
            self.out.close_cell()
        elif tag == "tr":
            self.out.close_row()
        elif tag == "table":
            self.out.close_table()
        elif tag in _HEADINGS and self.heading is not None:
            self.out.end_heading(self.heading)
        if tag in _BLOCKS or tag == "tr":
            self.out.put("\n\n", self.here())

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.put(data, self.here())

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, written: str) -> None:
        if not self.skipping:
            self.out.put(unescape(written), self.here())


def html_text(source: str) -> SourceText:
    """The visible text of an HTML page: no head, style, script, navigation, footer, code,
    comments or attributes; entities decoded; each table row a line, its cells apart by `` | ``."""
    parser = _HtmlText(source)
    parser.feed(source)
    parser.close()
    return parser.out.finish()
