"""The bare counts a relation needs: counts with no unit that the draft claims all the same."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from figcheck.document.coverage import Category, Mention

# "(32.4%)" after a count: the count's share of a whole
_SHARE_AFTER = re.compile(r"[^\S\n]*\([^\S\n]*[-+−]?[0-9][0-9.,]*[^\S\n]*%[^\S\n]*\)")
# "352 of 5,091 (6.9%)": between the part and the whole
_OF = re.compile(r"[^\S\n]+(?:of|out[^\S\n]+of)[^\S\n]+\Z", re.IGNORECASE)
# "599 (301 intervention, 298 control)": between the whole and its bracket, a few words
_BEFORE_PARTS = re.compile(r"[^\S\n]+(?:[A-Za-z][\w-]*[^\S\n]+){0,6}?\([^\S\n]*\Z")
# a part inside the bracket: its label, then a comma, "and" or the closing bracket
_PART_LABEL = re.compile(r"[^\S\n]+[A-Za-z][\w-]*(?:[^\S\n]+[A-Za-z][\w-]*){0,2}")
_PART_GAP = re.compile(r"[^\S\n]*(?:,|;|and\b)[^\S\n]*\Z|[^\S\n]*,[^\S\n]*and[^\S\n]*\Z")
# "A total of 88 participants were excluded: 57 …": a total, then its parts after a colon
_TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether)[^\S\n]+\Z", re.I)
_COLON_AFTER = re.compile(r"[^\d.;:\n]{0,60}:")
_STOP = re.compile(r"[.!?](?=\s|\Z)|\n[^\S\n]*\n")
# "from 93 … to 41": the later end of a change
_FROM = re.compile(r"\bfrom[^\S\n]+\Z", re.IGNORECASE)
_TO = re.compile(r"[^\S\n]+(?:[^\s.,;:!?()]+[^\S\n]+){0,8}?to[^\S\n]+\Z", re.IGNORECASE)
# a table line that ends in numbers, and a Total line
_CELL = re.compile(r"[-+−–]?[0-9][0-9,.]*%?\Z")
_TOTAL = re.compile(r"[^\S\n]*(?:grand[^\S\n]+)?total\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Denominator:
    """The whole of a "k/n (p%)" count, which the number reader reads as k alone."""

    start: int
    end: int


def needed_counts(text: str, mentions: Sequence[Mention]) -> dict[int, int | None]:
    """The places (number starts) of the bare counts that a relation of the text needs: the
    part and whole of a share ("11/34 (32.4%)", "352 of 5,091 (6.9%)", "45 (23%)"), a whole
    and its parts in brackets, the end of a change "from A to B", and the cells of a table
    column that a Total line sums. Labels, years and ordinals are never counts here.

    Each maps to the place of the figure whose unit it shares ("to 41" after "from 93 deaths
    per 1000", a part in brackets after its whole), or None."""
    out: dict[int, int | None] = {}
    counts = [m.category is Category.COUNT and m.form == "digits" for m in mentions]
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if counts[i] and _SHARE_AFTER.match(text, m.end):
            out[m.number_start] = None  # "45/192 (23.4%)", "45 (23.4%)"
        if (
            following is not None
            and _OF.search(text, m.end, following.start)
            and _SHARE_AFTER.match(text, following.end)
        ):
            pair = ((m, counts[i]), (following, counts[i + 1]))
            out.update((x.number_start, None) for x, c in pair if c)
        parts = _bracketed(text, mentions, i)
        if len(parts) >= 2:
            if counts[i]:
                out[m.number_start] = None
            # the parts are counted in the whole's unit ("187 participants (120 female, …")
            out.update((mentions[j].number_start, m.number_start) for j in parts if counts[j])
        if counts[i] and (start := _changed(text, mentions, i)) is not None:
            out[m.number_start] = start
        for j in _listed(text, mentions, i):
            if counts[j]:  # the parts of "a total of 88 participants were excluded: …"
                out[mentions[j].number_start] = m.number_start
    bare = {m.number_start for m, c in zip(mentions, counts, strict=True) if c}
    out.update((at, None) for at in _totalled(text, mentions, bare))
    return out


def denominator(text: str, mention: Mention) -> Denominator | None:
    """The whole of a count written "k/n" before its share ("11/34 (32.4%)"), or None."""
    slash = text.find("/", mention.number_start, mention.end)
    if slash < 0 or not _SHARE_AFTER.match(text, mention.end):
        return None
    start = slash + 1
    return Denominator(start, mention.end) if text[start : mention.end].isdigit() else None


def _bracketed(text: str, mentions: Sequence[Mention], i: int) -> list[int]:
    """The parts of the whole *mentions[i]* written in brackets after it, each with a label
    ("599 (301 intervention, 298 control)"): their indices, or [] if there are fewer than two."""
    m = mentions[i]
    if m.category is not Category.COUNT and not _countable(m):
        return []
    parts: list[int] = []
    gap_start = m.end
    for j in range(i + 1, min(len(mentions), i + 8)):
        n = mentions[j]
        gap = text[gap_start : n.start]
        first = not parts
        if first and not _BEFORE_PARTS.fullmatch(gap):
            return []
        if not first and not _PART_GAP.search(gap):
            break
        if n.category is not Category.COUNT or n.form != "digits":
            return []
        label = _PART_LABEL.match(text, n.end)
        if label is None:
            return []
        parts.append(j)
        gap_start = label.end()
        close = text[gap_start : gap_start + 2].lstrip()[:1]
        if close == ")" or (close == ";" and len(parts) >= 2):  # "(120 female, 67 male; …)"
            return parts
    return []


def _listed(text: str, mentions: Sequence[Mention], i: int) -> list[int]:
    """The figures listed after a colon that follows a total ("A total of 88 participants
    were excluded: 57 …, 21 …, and 1 …"), up to the end of the sentence: their indices."""
    m = mentions[i]
    if not _TOTAL_BEFORE.search(text, max(0, m.start - 24), m.start):
        return []
    colon = _COLON_AFTER.match(text, m.end)
    if colon is None:
        return []
    stop = _STOP.search(text, colon.end())
    end = stop.start() if stop is not None else len(text)
    out = []
    for j in range(i + 1, len(mentions)):
        if mentions[j].start >= end:
            break
        if mentions[j].start >= colon.end():
            out.append(j)
    return out


def _countable(m: Mention) -> bool:
    return m.category is Category.QUANTITY and m.form == "digits" and not m.percent


def _changed(text: str, mentions: Sequence[Mention], i: int) -> int | None:
    """Where A starts if *mentions[i]* is the later end B of "from A … to B": A a figure just
    before, with nothing but its words, a year or its rate base between ("from 93 deaths per
    1000 live births in 1990 to 41"); else None."""
    b = mentions[i]
    for a in reversed(mentions[max(0, i - 3) : i]):
        if a.category in (Category.YEAR, Category.LABEL):
            continue
        if not _FROM.search(text, max(0, a.start - 12), a.start):
            return None
        gap = text[a.end : b.start]
        if "\n" in gap or "." in gap or _TO.fullmatch(gap) is None:
            return None
        return a.number_start
    return None


def _totalled(text: str, mentions: Sequence[Mention], counts: set[int]) -> set[int]:
    """The count cells of a plain-text table's column that a Total line sums: lines that end
    in the same number of figures, and below them a line that opens with "Total"; its last
    figure sums the rows' last column, and so on leftwards."""
    by_line: dict[int, list[Mention]] = {}
    for m in mentions:
        by_line.setdefault(m.line, []).append(m)
    out: set[int] = set()
    for line, row in by_line.items():
        start = text.rfind("\n", 0, row[0].start) + 1
        if not _TOTAL.match(text, start):
            continue
        cells = _trailing(text, row)
        if not cells:
            continue
        above: list[list[Mention]] = []
        k = line - 1
        while k in by_line:
            got = _trailing(text, by_line[k])
            if len(got) < max(2, len(cells)):
                break
            above.append(got)
            k -= 1
        if len(above) < 2:
            continue
        width = min(len(r) for r in above)
        for back in range(1, len(cells) + 1):
            if back > width:
                break
            column = [cells[-back], *(r[-back] for r in above)]
            out.update(c.number_start for c in column if c.number_start in counts)
    return out


def _trailing(text: str, row: list[Mention]) -> list[Mention]:
    """The figures that end a line of text, in order, each a cell set apart by spaces."""
    end = text.find("\n", row[-1].end)
    end = len(text) if end < 0 else end
    if text[row[-1].end : end].strip():
        return []
    cells: list[Mention] = []
    for m in reversed(row):
        if not _CELL.match(text[m.start : m.end]):
            break
        if cells and text[m.end : cells[0].start].strip():
            break
        if not text[m.start - 1 : m.start].isspace():
            break
        cells.insert(0, m)
    return cells
