"""A drafted claims file written as TOML that figcheck check reads as it is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from figcheck.errors import printable

if TYPE_CHECKING:
    from figcheck.document.draft import Draft

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_TO_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(text: str) -> str:
    """*text* as a TOML basic string."""
    if _TO_ESCAPE.search(text) is None:
        return f'"{text}"'  # the common case: nothing to escape, found in one pass
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def draft_toml(draft: Draft) -> str:
    """The claims file *draft* drafts, with a comment on what to check."""
    lines = [
        f"# Draft claims for {toml_string(draft.title)}, written by figcheck init.",
        "# One claim per quantity the document mentions, quoted in its own words. Check each",
        "# value and unit, add a formula where a figure follows from others, and delete what is",
        "# not a claim. `figcheck check` reads this file as it is.",
        "",
        "[document]",
        f"title = {toml_string(draft.title)}",
        f"source = {toml_string(draft.source)}",
    ]
    if draft.units:
        lines += ["", "[units]"]
        lines += [f"{word} = {toml_string(d)}  # {comment}" for word, d, comment in draft.units]
    if not draft.claims and not draft.skipped:
        lines += [
            "",
            "# The document mentions no quantities (years, counts and labels get no claim).",
        ]
    for claim in draft.claims:
        lines += ["", f"[claims.{claim.id}]  # line {claim.line}"]
        lines.append(f"quote = {toml_string(claim.quote)}")
        lines.append(f"value = {toml_string(claim.value)}")
        if claim.formula is not None:
            lines.append(f"formula = {toml_string(claim.formula)}")
        if claim.suggested is not None:
            lines.append(f"suggested = {toml_string(claim.suggested)}")
        lines += [f"# {comment}" for comment in claim.comments]
    for check in draft.checks:
        lines += ["", f"[checks.{check.id}]  # line {check.line}"]
        lines.append(f"assert = {toml_string(check.assertion)}")
        lines.append(f"suggested = {toml_string(check.suggested)}")
    if draft.skipped:
        lines += ["", "# Quantities not drafted (no value or no quote could be made to read them):"]
        lines += [f"#   {printable(str(item))}" for item in draft.skipped]  # on one comment line
    return "\n".join(lines) + "\n"
