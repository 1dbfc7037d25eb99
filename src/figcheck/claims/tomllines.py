"""Find the line of each TOML table and key, which the standard parser does not report."""

from __future__ import annotations

import contextlib
import re
import tomllib
from bisect import bisect_left

# one space quantifier on each side of the lazy key: "\s*(.*?)\s*" backtracks cubically on
# a long run of spaces (a nested array line "[      ...      1],")
# (lines keep the "\r" of a CRLF line end)
_HEADER = re.compile(r"[ \t]*(\[\[?)(.*?)(\]\]?)[ \t]*(?:#.*)?\r?$")
# a line that may be a header, with the line break before it; group 1 is a plain
# "[a.b]" table header, read without _HEADER
_HEADER_LINE = re.compile(
    r"\n[ \t]*\[(?:([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\][ \t]*(?=\r?\n|\r?\Z))?[^\n]*"
)
_KEY_START = re.compile(
    r"\s*((?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
    r"(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*'))*)\s*="
)
_BARE_PATH = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_KEY_PART = re.compile(r"\s*([A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')\s*(?:\.|$)")

Path = tuple[str, ...]


def _split_key(text: str) -> Path | None:
    if _BARE_PATH.fullmatch(text):  # the common case, without the loop
        return tuple(text.split("."))
    parts: list[str] = []
    pos = 0
    while pos < len(text):
        m = _KEY_PART.match(text, pos)
        if m is None:
            return None
        raw = m.group(1)
        if raw[0] in "\"'":
            quoted, raw = raw, raw[1:-1]
            if quoted[0] == '"' and "\\" in raw:  # a basic string with escapes: TOML reads them
                with contextlib.suppress(tomllib.TOMLDecodeError):
                    raw = tomllib.loads(f"k = {quoted}")["k"]
        parts.append(raw)
        pos = m.end()
    return tuple(parts)


class LineIndex:
    """Lines (1-based) of table headers and keys, by their dotted path.

    Array-of-tables headers keep one line per element. Lines inside multi-line
    strings are skipped so their text cannot pose as headers.

    Keys are only needed for error messages, so in a file without multi-line strings the
    headers are found with one regex pass and each table's keys are read when first asked for:
    a 100,000-claim file is indexed in a fraction of the time a line-by-line pass takes.
    """

    def __init__(self, text: str) -> None:
        self.tables: dict[Path, int] = {}
        self.arrays: dict[Path, list[int]] = {}
        self._keys: dict[Path, int] = {}
        self._text = text
        # the headers as found: each one's path (array items end in their index), its first
        # body line, where its body starts and where the header starts, from () for the text
        # before the first header; a table's body runs to the next header. Found by its
        # header's line: no index by path is made for the few keys a run asks for
        self._paths: list[Path] = []
        self._firsts: list[int] = []
        self._starts: list[int] = []
        self._heads: list[int] = []
        self._read: set[int] = set()  # the bodies read for their keys, by index
        if '"""' in text or "'''" in text:
            self._scan_all(text)
        else:
            self._scan_headers(text)

    @property
    def keys(self) -> dict[Path, int]:
        """Every key's line, by its full dotted path."""
        for index, path in enumerate(self._paths):
            if self._body(path) == index:
                self._read_body(index)
        return self._keys

    def table(self, *path: str) -> int | None:
        """The line that opens the table *path*, whether as a header or as a key."""
        return self.tables.get(path) or self._key(path)

    def key(self, *path: str) -> int | None:
        """The line of the key *path*, falling back to its table's line."""
        line = self._key(path)
        if line is not None:
            return line
        for cut in range(len(path) - 1, 0, -1):
            found = self.table(*path[:cut])
            if found is not None:
                return found
        return None

    def array_item(self, path: Path, index: int) -> int | None:
        lines = self.arrays.get(path)
        if lines is not None and index < len(lines):
            return lines[index]
        return self.key(*path)

    # -- reading -------------------------------------------------------------------------

    def _key(self, path: Path) -> int | None:
        line = self._keys.get(path)
        if line is not None:
            return line
        # a key is written in the body of the nearest enclosing table that has a header
        for cut in range(len(path) - 1, -1, -1):
            index = self._body(path[:cut])
            if index >= 0 and index not in self._read:
                self._read_body(index)
                line = self._keys.get(path)
                if line is not None:
                    return line
        return None

    def _body(self, path: Path) -> int:
        """The index of the first body of the table *path*, or -1 when it has none."""
        if not self._paths:
            return -1
        if not path:
            return 0
        index = self._at(self.tables.get(path), path)
        last = path[-1]
        if index < 0 and last.isascii() and last.isdigit():  # an array item: its header's line
            lines = self.arrays.get(path[:-1])
            if lines is not None and int(last) < len(lines):
                index = self._at(lines[int(last)], path)
        return index

    def _at(self, line: int | None, path: Path) -> int:
        """The index of the body whose header is on *line*, if it is the table *path*'s."""
        if line is None:
            return -1
        index = bisect_left(self._firsts, line + 1)
        return index if index < len(self._paths) and self._paths[index] == path else -1

    def _scan_headers(self, text: str) -> None:
        number, last = 1, 0
        count, setdefault = text.count, self.tables.setdefault
        paths, firsts, starts, heads = self._paths, self._firsts, self._starts, self._heads
        paths.append(())
        firsts.append(1)
        starts.append(0)
        heads.append(0)
        for m in _HEADER_LINE.finditer("\n" + text):  # so the first line follows a break too
            start, end = m.span()  # the line's offsets in text, and the start of the next
            number += count("\n", last, start)
            last = start
            plain = m.group(1)
            path: Path | None
            if plain is not None:
                path = tuple(plain.split("."))
                setdefault(path, number)
            else:
                path = self._header(text[start : end - 1], number)
            if path is not None:
                paths.append(path)
                firsts.append(number + 1)
                starts.append(end)
                heads.append(start)

    def _header(self, line: str, number: int) -> Path | None:
        """Record the header on *line*; its table's path (array items end in their index)."""
        header = _HEADER.match(line)
        if header is None or len(header.group(1)) != len(header.group(3)):
            return None
        path = _split_key(header.group(2).strip())
        if path is None:
            return None
        if header.group(1) == "[[":
            self.arrays.setdefault(path, []).append(number)
            return (*path, str(len(self.arrays[path]) - 1))
        self.tables.setdefault(path, number)
        return path

    def _read_body(self, index: int) -> None:
        self._read.add(index)
        body = self._paths[index]
        first, start = self._firsts[index], self._starts[index]
        heads = self._heads
        end = heads[index + 1] if index + 1 < len(heads) else len(self._text)
        for number, line in enumerate(self._text[start:end].split("\n"), start=first):
            if line.lstrip().startswith("["):
                continue
            key = _KEY_START.match(line)
            if key is not None:
                sub = _split_key(key.group(1))
                if sub is not None:
                    self._keys.setdefault((*body, *sub), number)

    def _scan_all(self, text: str) -> None:
        """Line by line, following multi-line strings so that their text is skipped."""
        current: Path = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.split("\n"), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if line.lstrip().startswith("["):
                header = _HEADER.match(line)
                if header is not None and len(header.group(1)) == len(header.group(3)):
                    path = self._header(line, number)
                    if path is not None:
                        current = path
                    continue
            key = _KEY_START.match(line)
            if key is not None:
                sub = _split_key(key.group(1))
                if sub is not None:
                    self._keys.setdefault((*current, *sub), number)
                rest = line[key.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
                        break
