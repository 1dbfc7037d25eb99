"""The fields of a claims file's tables: keys, types and text, each problem kept with its line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from figcheck.claims.tomllines import LineIndex
from figcheck.errors import Location, Problem
from figcheck.text import did_you_mean

TOP_KEYS = ("document", "settings", "units", "claims", "checks", "tables")
TABLE_KEYS = ("table", "total_row", "shares")
DOCUMENT_KEYS = ("title", "source", "format", "numbers")
SETTINGS_KEYS = ("about",)
CLAIM_KEYS = (
    "section",
    "quote",
    "value",
    "unit",
    "formula",
    "suggested",
    "note",
    "precision",
    "references",
    "accept",
    "integer",
)
REFERENCE_KEYS = ("value", "unit", "source", "url", "date", "note")
CHECK_KEYS = ("assert", "suggested", "section", "note", "accept")

# Reports print these strings to terminals and CI logs: no characters that start an escape
# sequence or move the cursor back (ESC, C1 controls, backspace, carriage return), and line
# breaks only in free text and formulas: a title or section line of its own could read as a
# CI command such as "::error::"
_CONTROL = re.compile(r"[\x08\r\x1b\x80-\x9f]")
_LINE_BREAK = re.compile(r"[\n\u2028\u2029]")
_MULTILINE_KEYS = frozenset({"quote", "note", "source", "formula", "assert"})


def unwritable(text: str, *, one_line: bool = False) -> bool:
    """Whether a claims file may not hold *text*: it has a character that starts an escape
    sequence or moves the cursor back, or (for a *one_line* key) a line break."""
    return _CONTROL.search(text) is not None or (one_line and _LINE_BREAK.search(text) is not None)


# the keys of a claim that the common case holds: strings (references aside) checked at once
_PLAIN_CLAIM_KEYS = frozenset({"section", "quote", "value", "formula", "note", "references"})


def plain_claim(table: Mapping[str, Any]) -> bool:
    """Whether a claim's *table* holds only strings (and references) under the common keys,
    none with a character it may not hold: then no string field has a problem to report."""
    if not table.keys() <= _PLAIN_CLAIM_KEYS:
        return False
    texts = []
    for key, value in table.items():
        if type(value) is not str:
            if key == "references":
                continue
            return False
        texts.append(value)
    if _CONTROL.search("".join(texts)) is not None:
        return False
    section = table.get("section")
    return section is None or _LINE_BREAK.search(section) is None


def type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class Fields:
    """Reads the fields of parsed TOML, recording problems instead of stopping at the first."""

    def __init__(self, shown: str, lines: LineIndex) -> None:
        self.shown = shown
        self.lines = lines
        self.problems: list[Problem] = []
        # [units] words whose definition failed: reported once, not again for each claim
        self.failed_units: frozenset[str] = frozenset()
        self.count_units: frozenset[str] = frozenset()  # [units] words for whole counts

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(Location(self.shown, line), message))

    def table(self, value: object, line: int | None, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(line, f"{what} must be a table, not {type_name(value)}")
        return None

    def string(self, table: Mapping[str, Any], key: str, line: int | None, what: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(line, f"{what}: {key} must be a string, not {type_name(value)}")
            return None
        where = f"{what}: " if what else ""
        if (bad := _CONTROL.search(value)) is not None:
            self.problem(line, f'{where}{key} contains a control character ("{bad.group()}")')
            return None
        if key not in _MULTILINE_KEYS and (bad := _LINE_BREAK.search(value)) is not None:
            self.problem(line, f'{where}{key} must be one line (found "{bad.group()}")')
            return None
        return value

    def reason(self, table: Mapping[str, Any], line: int | None, what: str) -> str | None:
        """The ``accept`` key: a reason, never a bare flag, so a report can say why."""
        value = table.get("accept")
        if value is not None and not isinstance(value, str):
            self.problem(
                line,
                f"{what}: accept must be a string saying why the verdict is accepted, "
                f"not {type_name(value)}",
            )
            return None
        reason = self.string(table, "accept", line, what)
        if reason is not None and not reason.strip():
            self.problem(line, f"{what}: accept must say why the verdict is accepted")
            return None
        return reason

    def unknown_keys(
        self, table: Mapping[str, Any], allowed: Iterable[str], path: tuple[str, ...], what: str
    ) -> None:
        allowed = tuple(allowed)
        for key in table:
            if key in allowed:
                continue
            hint = did_you_mean(key, allowed)
            where = f"{what}: " if what else ""
            choices = ", ".join(allowed)
            self.problem(
                self.lines.key(*path, key),
                f'{where}unknown key "{key}"{hint}; allowed keys are {choices}',
            )
