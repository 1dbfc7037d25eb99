"""Find the line of each TOML table and key, which the standard parser does not report."""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*(\[\[?)\s*(.*?)\s*(\]\]?)\s*(?:#.*)?$")
_KEY_START = re.compile(
    r"\s*((?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
    r"(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*'))*)\s*="
)
_KEY_PART = re.compile(r"\s*([A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')\s*(?:\.|$)")

Path = tuple[str, ...]


def _split_key(text: str) -> Path | None:
    parts: list[str] = []
    pos = 0
    while pos < len(text):
        m = _KEY_PART.match(text, pos)
        if m is None:
            return None
        raw = m.group(1)
        if raw[0] in "\"'":
            raw = raw[1:-1]
        parts.append(raw)
        pos = m.end()
    return tuple(parts)


class LineIndex:
    """Lines (1-based) of table headers and keys, by their dotted path.

    Array-of-tables headers keep one line per element. Lines inside multi-line
    strings are skipped so their text cannot pose as headers.
    """

    def __init__(self, text: str) -> None:
        self.tables: dict[Path, int] = {}
        self.arrays: dict[Path, list[int]] = {}
        self.keys: dict[Path, int] = {}
        current: Path = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line) if line.lstrip().startswith("[") else None
            if header is not None and len(header.group(1)) == len(header.group(3)):
                path = _split_key(header.group(2))
                if path is not None:
                    current = path
                    if header.group(1) == "[[":
                        self.arrays.setdefault(path, []).append(number)
                        current = (*path, str(len(self.arrays[path]) - 1))
                    else:
                        self.tables.setdefault(path, number)
                continue
            key = _KEY_START.match(line)
            if key is not None:
                sub = _split_key(key.group(1))
                if sub is not None:
                    self.keys.setdefault((*current, *sub), number)
                rest = line[key.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
                        break

    def table(self, *path: str) -> int | None:
        """The line that opens the table *path*, whether as a header or as a key."""
        return self.tables.get(path) or self.keys.get(path)

    def key(self, *path: str) -> int | None:
        """The line of the key *path*, falling back to its table's line."""
        line = self.keys.get(path)
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
