"""Find the line of each TOML table and key, which the standard parser does not report."""

from __future__ import annotations

import contextlib
import re
import tomllib

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
        # each table's body, by its path (array items end in their index): first line, start
        # and end offsets; () is the text before the first header
        self._body_map: dict[Path, tuple[int, int, int]] = {}
        # the headers as found (path, first body line, body start, header start), made into
        # bodies only when a key is first asked for: most runs never ask
        self._opened: list[tuple[Path, int, int, int]] = []
        if '"""' in text or "'''" in text:
            self._scan_all(text)
        else:
            self._scan_headers(text)

    @property
    def _bodies(self) -> dict[Path, tuple[int, int, int]]:
        if self._opened:
            opened, self._opened = self._opened, []
            ends = [header for _, _, _, header in opened[1:]] + [len(self._text)]
            for (path, first, start, _), end in zip(opened, ends, strict=True):
                self._body_map.setdefault(path, (first, start, end))
        return self._body_map

    @property
    def keys(self) -> dict[Path, int]:
        """Every key's line, by its full dotted path."""
        for body in list(self._bodies):
            self._read_body(body)
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
        if line is not None or not self._bodies:
            return line
        # a key is written in the body of the nearest enclosing table that has a header
        for cut in range(len(path) - 1, -1, -1):
            if path[:cut] in self._bodies:
                self._read_body(path[:cut])
                line = self._keys.get(path)
                if line is not None:
                    return line
        return None

    def _scan_headers(self, text: str) -> None:
        number, last = 1, 0
        # path, first line of the body, where the body starts, where its header starts
        opened: list[tuple[Path, int, int, int]] = [((), 1, 0, 0)]
        for m in _HEADER_LINE.finditer("\n" + text):  # so the first line follows a break too
            start, end = m.start(), m.end() - 1  # the line's offsets in text
            number += text.count("\n", last, start)
            last = start
            plain = m.group(1)
            path: Path | None
            if plain is not None:
                path = tuple(plain.split("."))
                self.tables.setdefault(path, number)
            else:
                path = self._header(text[start:end], number)
            if path is not None:
                opened.append((path, number + 1, end + 1, start))
        self._opened = opened

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

    def _read_body(self, body: Path) -> None:
        found = self._bodies.pop(body, None)
        if found is None:
            return
        first, start, end = found
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
