"""Markdown documents as rendered: CommonMark and pipe tables, placed in the file as stored."""

from __future__ import annotations

import re

from figcheck.io.formats import Builder, SourceText
from figcheck.io.html_text import SKIPPED_HTML

_NEWLINE = re.compile(r"\n")

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n(---|\.\.\.|\+\+\+)[ \t]*(\n|\Z)", re.S)
_BLOCK_ENDS = {"paragraph_close", "heading_close", "table_close", "blockquote_close"}


def _blank_front_matter(source: str) -> str:
    """*source* with its YAML or TOML front matter made spaces, so offsets stay the same."""
    found = _FRONT_MATTER.match(source)
    if found is None:
        return source
    blank = re.sub(r"[^\n]", " ", found.group())
    return blank + source[found.end() :]


def markdown_text(source: str) -> SourceText:
    """The text of a CommonMark document with pipe tables, as its reader sees it.

    Code, front matter, raw HTML, link targets and images are left out; emphasis is
    transparent; each table row is a line with its cells apart by `` | ``.
    """
    from markdown_it import MarkdownIt  # imported here: the plain-text path never needs it

    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(_blank_front_matter(source))
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
    out = Builder(source)
    walker = _InlineWalker(source, out)
    first_cell = True
    heading: tuple[int, int] | None = None  # where the open heading's text starts
    for token in tokens:
        kind = token.type
        if kind == "inline" and token.map is not None:
            begin, end = token.map
            walker.cursor = max(walker.cursor, line_starts[min(begin, len(line_starts) - 1)])
            limit = line_starts[end] if end < len(line_starts) else len(source)
            walker.walk(token.children or [], limit)
        elif kind == "heading_open":
            heading = out.mark()
        elif kind in _BLOCK_ENDS:
            if kind == "heading_close" and heading is not None:
                out.end_heading(heading)
            elif kind == "table_close":
                out.close_table()
            out.put("\n\n", walker.cursor)
        elif kind == "tr_open":
            first_cell = True
        elif kind == "tr_close":  # a row is a clause of its own
            out.close_row()
            out.put("\n\n", walker.cursor)
        elif kind in ("th_open", "td_open"):
            out.close_cell()
            if not first_cell:
                out.put(" | ", walker.cursor)
            first_cell = False
            out.open_cell()
        elif kind == "list_item_close" and not out.ends_with("\n\n"):
            out.put("\n", walker.cursor)
    return out.finish()


class _InlineWalker:
    """Writes a block's inline tokens, each placed at the source text it comes from."""

    def __init__(self, source: str, out: Builder) -> None:
        self.source = source
        self.out = out
        self.cursor = 0
        self.skip_html = 0  # depth inside raw HTML left out (<code>, <script>)

    def walk(self, children: list, limit: int) -> None:  # type: ignore[type-arg]
        for child in children:
            kind = child.type
            if kind == "text":
                if not self.skip_html:
                    self.text(child.content, limit)
            elif kind in ("softbreak", "hardbreak"):
                at = self.source.find("\n", self.cursor, limit)
                self.out.put("\n", at if at >= 0 else self.cursor)
                if at >= 0:
                    self.cursor = at + 1
            elif kind == "code_inline":
                self.skip(child.content, limit)
            elif kind == "image":
                self.skip_link("![", limit)
            elif kind == "link_close":
                self.skip_target(limit)
            elif kind == "html_inline":
                self.html(child.content, limit)

    def text(self, content: str, limit: int) -> None:
        at = self.source.find(content, self.cursor, limit)
        if at >= 0:
            self.out.put(content, at)
            self.cursor = at + len(content)
            return
        for ch in content:  # an entity or escape changed the text: place it char by char
            at = self.source.find(ch, self.cursor, limit)
            self.out.put(ch, at if at >= 0 else self.cursor)
            if at >= 0:
                self.cursor = at + 1

    def skip(self, content: str, limit: int) -> None:
        at = self.source.find(content, self.cursor, limit)
        if at >= 0:
            self.cursor = at + len(content)

    def skip_link(self, opening: str, limit: int) -> None:
        at = self.source.find(opening, self.cursor, limit)
        if at >= 0:
            self.cursor = at + len(opening)
            close = self.source.find("]", self.cursor, limit)
            if close >= 0:
                self.cursor = close + 1
                self.skip_target(limit)

    def skip_target(self, limit: int) -> None:
        """Past a link's ``](target "title")`` or ``]`` (reference links)."""
        if self.source.startswith("]", self.cursor):
            self.cursor += 1
        if self.source.startswith("(", self.cursor):
            close = self.source.find(")", self.cursor, limit)
            if close >= 0:
                self.cursor = close + 1
        elif self.source.startswith("[", self.cursor):
            close = self.source.find("]", self.cursor, limit)
            if close >= 0:
                self.cursor = close + 1

    def html(self, tag: str, limit: int) -> None:
        at = self.source.find(tag, self.cursor, limit)
        here = at if at >= 0 else self.cursor
        if at >= 0:
            self.cursor = at + len(tag)
        name = tag.strip("<>/ ").split()[0].lower() if tag.strip("<>/ ") else ""
        closing = tag.startswith("</")
        if name in SKIPPED_HTML:
            self.skip_html = max(self.skip_html + (-1 if closing else 1), 0)
        elif name == "sup" and not closing and not self.skip_html:
            self.out.put("^", here)
        elif name == "br" and not self.skip_html:
            self.out.put("\n", here)
