"""HTML pieces every part of the page uses: escaping, verdict badges, links."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.check.report import Result
    from figcheck.check.verdict import Verdict


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def css_class(verdict: Verdict) -> str:
    return f"v-{verdict.value}"


def badge(verdict: Verdict) -> str:
    return f'<span class="badge {css_class(verdict)}">{verdict.label}</span>'


def line_of(result: Result) -> int | None:
    """The document line of the result's quote, if it was found."""
    location = result.quote_location
    return location.line if location is not None else None
