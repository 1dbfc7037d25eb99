"""HTML pieces every part of the page uses: escaping, verdict badges, links."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.check.report import Result
    from figcheck.check.verdict import Verdict


# Control characters but tab and line feed are not allowed in HTML text: shown as escapes
# ("\x01"), as messages show them, so that a document's stray bytes are seen, not sent raw.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def esc(text: str) -> str:
    """*text* as HTML text: markup escaped, and control characters written as escapes."""
    escaped = html.escape(text, quote=True)
    if _CONTROLS.search(escaped) is None:
        return escaped
    return _CONTROLS.sub(lambda m: repr(m.group())[1:-1], escaped)


def css_class(verdict: Verdict) -> str:
    return f"v-{verdict.value}"


def badge(verdict: Verdict) -> str:
    return f'<span class="badge {css_class(verdict)}">{verdict.label}</span>'


def line_of(result: Result) -> int | None:
    """The document line of the result's quote, if it was found."""
    location = result.quote_location
    return location.line if location is not None else None
