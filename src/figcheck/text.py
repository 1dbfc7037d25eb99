"""Small text helpers every stage uses: one-line text, shortening, and "did you mean"."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
MESSAGE_QUOTE = 60  # the longest input text an error message quotes in full


def one_line(text: str) -> str:
    """*text* on one line: each run of whitespace one space, none at either end."""
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, limit: int, *, ellipsis: str = "…", keep_spaces: bool = False) -> str:
    """*text* on one line, cut to at most *limit* characters ending in *ellipsis* if longer.

    Error messages pass *keep_spaces* to quote the input as it is (its control characters are
    escaped when the message is shown, so they stay visible).
    """
    if not keep_spaces:
        text = one_line(text)
    if len(text) <= limit:
        return text
    return text[: limit - len(ellipsis)].rstrip() + ellipsis


def in_message(text: str) -> str:
    """*text* as an error message quotes it: in full, or its start and "..."."""
    return shorten(text, MESSAGE_QUOTE, ellipsis="...", keep_spaces=True)
