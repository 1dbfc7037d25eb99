"""Numbers and strings written as json writes them, for reports written line by line."""

from __future__ import annotations

import math
from json.encoder import encode_basestring


def string(text: str | None) -> str:
    """*text* as json writes it with ``ensure_ascii=False`` (None as null)."""
    return "null" if text is None else encode_basestring(text)


def number(value: float | int | None) -> str:
    """A number as json writes it (NaN and Infinity as json does too; None as null)."""
    if value is None:
        return "null"
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value) if isinstance(value, float) else int.__repr__(value)
