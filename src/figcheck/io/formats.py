"""Documents as their readers see them: the text of a Markdown or HTML file, mapped to the file."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from figcheck.io.sources import read_text

FORMATS = ("text", "markdown", "html")
_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_NEWLINE = re.compile(r"\n")


def format_of(path: str | Path, chosen: str | None = None) -> str:
    """The format of the document at *path*: *chosen*, else the one its suffix names."""
    if chosen is not None:
        return chosen
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


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
    stored = read_text(path, allow_empty=allow_empty)
    if fmt == "markdown":
        return markdown_text(stored)
    if fmt == "html":
        return html_text(stored)
    return SourceText(stored, stored)


class _Builder:
    """The text being written, with its map back to the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.length = 0
        self.text_starts: list[int] = []
        self.source_starts: list[int] = []

    def put(self, piece: str, at: int) -> None:
        """Append *piece*, which stands at source offset *at* onwards."""
        if not piece:
            return
        self.pieces.append(piece)
        self.text_starts.append(self.length)
        self.source_starts.append(at)
        self.length += len(piece)

    def ends_with(self, tail: str) -> bool:
        return "".join(self.pieces[-2:]).endswith(tail)

    def finish(self) -> SourceText:
        text = "".join(self.pieces).strip("\n")
        lead = len("".join(self.pieces)) - len("".join(self.pieces).lstrip("\n"))
        starts = [max(s - lead, 0) for s in self.text_starts]
        return SourceText(text + "\n" if text else "", self.source, starts, self.source_starts)


# -- Markdown -----------------------------------------------------------------------------

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
    out = _Builder(source)
    walker = _InlineWalker(source, out)
    first_cell = True
    for token in tokens:
        kind = token.type
        if kind == "inline" and token.map is not None:
            begin, end = token.map
            walker.cursor = max(walker.cursor, line_starts[min(begin, len(line_starts) - 1)])
            limit = line_starts[end] if end < len(line_starts) else len(source)
            walker.walk(token.children or [], limit)
        elif kind in _BLOCK_ENDS:
            out.put("\n\n", walker.cursor)
        elif kind == "tr_open":
            first_cell = True
        elif kind == "tr_close":  # a row is a clause of its own
            out.put("\n\n", walker.cursor)
        elif kind in ("th_open", "td_open"):
            if not first_cell:
                out.put(" | ", walker.cursor)
            first_cell = False
        elif kind == "list_item_close" and not out.ends_with("\n\n"):
            out.put("\n", walker.cursor)
    return out.finish()


class _InlineWalker:
    """Writes a block's inline tokens, each placed at the source text it comes from."""

    def __init__(self, source: str, out: _Builder) -> None:
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
        if name in _SKIPPED_HTML:
            self.skip_html = max(self.skip_html + (-1 if closing else 1), 0)
        elif name == "sup" and not closing and not self.skip_html:
            self.out.put("^", here)
        elif name == "br" and not self.skip_html:
            self.out.put("\n", here)


# -- HTML ---------------------------------------------------------------------------------

_SKIPPED_HTML = frozenset(
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


class _HtmlText(HTMLParser):
    """Collects an HTML page's visible text, each piece placed where it stands in the page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # entities come one by one, with their place
        self.out = _Builder(source)
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.skipping: list[str] = []
        self.first_cell = True

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[0] and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIPPED_HTML:
            self.skipping.append(tag)
        elif tag in _BLOCKS:
            self.out.put("\n\n", self.here())
        elif tag == "br":
            self.out.put("\n", self.here())
        elif tag == "tr":
            self.first_cell = True
        elif tag in ("td", "th"):
            if not self.first_cell:
                self.out.put(" | ", self.here())
            self.first_cell = False
        elif tag == "sup":
            self.out.put("^", self.here())

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
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
            from html import unescape

            self.out.put(unescape(written), self.here())


def html_text(source: str) -> SourceText:
    """The visible text of an HTML page: no head, style, script, navigation, footer, code,
    comments or attributes; entities decoded; each table row a line, its cells apart by `` | ``."""
    parser = _HtmlText(source)
    parser.feed(source)
    parser.close()
    return parser.out.finish()
