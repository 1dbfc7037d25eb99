"""The file-wide tables of a claims file: [document], [settings] and [units]."""

from __future__ import annotations

import re
from pathlib import Path

from figcheck.claims.fields import DOCUMENT_KEYS, SETTINGS_KEYS, Fields, type_name
from figcheck.claims.model import Document
from figcheck.claims.values import about_setting
from figcheck.errors import FigcheckError
from figcheck.figures.units import UnitTable, unit_table
from figcheck.io.formats import FORMATS
from figcheck.text import in_message

DEFAULT_ABOUT = 0.10


def document(fields: Fields, raw: object, base: Path) -> Document:
    """The [document] table; *base* is the folder its source is relative to."""
    line = fields.lines.table("document")
    if raw is None:
        fields.problem(1, 'missing [document] table (it needs at least source = "...")')
        return Document(title="", source=None, path=None)
    table = fields.table(raw, line, "[document]")
    if table is None:
        return Document(title="", source=None, path=None)
    fields.unknown_keys(table, DOCUMENT_KEYS, ("document",), "[document]")
    source = fields.string(table, "source", fields.lines.key("document", "source"), "[document]")
    title = fields.string(table, "title", fields.lines.key("document", "title"), "[document]")
    fmt = fields.string(table, "format", fields.lines.key("document", "format"), "[document]")
    if fmt is not None and fmt not in FORMATS:
        names = ", ".join(f'"{name}"' for name in FORMATS)
        fields.problem(
            fields.lines.key("document", "format"),
            f'[document]: format must be one of {names}, not "{fmt}"',
        )
        fmt = None
    if source is None and "source" not in table:
        fields.problem(line, '[document]: missing source = "..." (the document\'s path)')
    path = str(base / source) if source else None
    numbers_line = fields.lines.key("document", "numbers")
    numbers = fields.string(table, "numbers", numbers_line, "[document]")
    if numbers is not None and numbers not in NUMBER_STYLES:
        fields.problem(
            numbers_line or line,
            f'[document] numbers must be "1,234.5" (a decimal point) or "1.234,5" (a decimal '
            f'comma), not "{numbers}"',
        )
        numbers = None
    return Document(
        title=title or (Path(source).stem if source else ""),
        source=source,
        path=path,
        line=fields.lines.key("document", "source"),
        format=fmt,
        numbers=numbers,
    )


# how [document] numbers names a number style: the mark between thousands, then the decimal
NUMBER_STYLES = ("1,234.5", "1.234,5")


ABOUT_MESSAGE = 'about must be a percentage such as "10%" (0 to 99%)'


def about_share(value: object) -> float | None:
    """The about share *value* gives ("10%", 0.1), or None unless it is from 0 to 99 %."""
    share = about_setting(value)
    return share if share is not None and 0 <= share < 1 else None


def about(fields: Fields, raw: object, default: float = DEFAULT_ABOUT) -> float:
    """The [settings] about share: how loosely "about" reads (*default*, 10 %, unless set)."""
    if raw is None:
        return default
    table = fields.table(raw, fields.lines.table("settings"), "[settings]")
    if table is None or "about" not in table:
        if table is not None:
            fields.unknown_keys(table, SETTINGS_KEYS, ("settings",), "[settings]")
        return default
    fields.unknown_keys(table, SETTINGS_KEYS, ("settings",), "[settings]")
    value = table["about"]
    line = fields.lines.key("settings", "about")
    share = about_share(value)
    if share is None:
        fields.problem(line, f"[settings]: {ABOUT_MESSAGE}, not {in_message(repr(value))}")
        return default
    return share


def units(fields: Fields, raw: object) -> UnitTable:
    """The unit table: the built-in units and those the [units] table defines."""
    if raw is None:
        return UnitTable()
    line = fields.lines.table("units")
    table = fields.table(raw, line, "[units]")
    extra: dict[str, str] = {}
    for word, value in (table or {}).items():
        if isinstance(value, dict):
            # members = { unit = "person", count = true }: a unit word for whole counts
            value = _counted(fields, word, value)
            if value is None:
                continue
        if isinstance(value, str):
            extra[word] = value
        else:
            fields.problem(
                fields.lines.key("units", word),
                f"[units] {word}: must be a string, not {type_name(value)}",
            )
    try:
        return unit_table(extra)
    except FigcheckError:
        pass
    # one message for each [units] line that fails; the others still define their words
    failed: list[tuple[str, str]] = []
    try:
        table_ = UnitTable(extra, failed)
    except FigcheckError as err:
        fields.problem(line, err.message)
        return UnitTable()
    done: frozenset[str] = frozenset()
    for word, message in failed:
        if not follows_from_units(message, done):  # "gadget = widget * 2" after widget failed
            fields.problem(fields.lines.key("units", word) or line, message)
        done |= {word.lower()}
    fields.failed_units = done
    return table_


def _counted(fields: Fields, word: str, value: dict[str, object]) -> str | None:
    """The unit expression of a [units] table entry, recording the word as a count word when
    it has ``count = true``; None (with a problem) when the entry is malformed."""
    line = fields.lines.key("units", word)
    unknown = sorted(set(value) - {"unit", "count"})
    unit, count = value.get("unit"), value.get("count", False)
    if unknown or not isinstance(unit, str) or not isinstance(count, bool):
        fields.problem(
            line,
            f'[units] {word}: must be a string or a table such as {{ unit = "person", '
            "count = true }",
        )
        return None
    if count:
        fields.count_units = fields.count_units | {word.lower()}
    return unit


_UNKNOWN_UNIT = re.compile(r'unknown unit "(?P<word>[^"]+)"')


def follows_from_units(message: str, failed: frozenset[str]) -> bool:
    """Whether a message's unknown unit is a [units] word whose definition already failed."""
    found = _UNKNOWN_UNIT.search(message)
    if found is None or not failed:
        return False
    word = found["word"].lower()
    return word in failed or word.removesuffix("s") in failed or f"{word}s" in failed
