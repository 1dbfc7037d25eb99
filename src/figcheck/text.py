"""Small text helpers every stage uses: one-line text, shortening, "did you mean", word tries."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from itertools import groupby

_SPACES = re.compile(r"\s+")
MESSAGE_QUOTE = 60  # the longest input text an error message quotes in full
# Above this many known names, a "did you mean" compares only names like the one given, and
# at most _MOST_COMPARED of them.
_MANY_NAMES = 2000
_MOST_COMPARED = 5000


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


def shorten_words(text: str, limit: int) -> str:
    """*text* cut to at most *limit* characters at a word boundary, with an ellipsis; a first
    word longer than that is kept whole."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def in_message(text: str) -> str:
    """*text* as an error message quotes it: in full, or its start and "..."."""
    return shorten(text, MESSAGE_QUOTE, ellipsis="...", keep_spaces=True)


def nearest(name: str, known: Collection[str]) -> str | None:
    """The known name most like *name*, or None: one that differs from it only in case, else
    the closest that is at least 60 % alike. Among many names only those of about its length
    and with its first character are compared, so that a hint in a big file stays quick."""
    import difflib

    lower = name.lower()
    same = sorted(k for k in known if k.lower() == lower)
    if same:
        return same[0]
    pool = known
    if len(known) > _MANY_NAMES:
        pool = [k for k in known if abs(len(k) - len(name)) <= 2 and k[:1] == name[:1]]
    close = difflib.get_close_matches(name, sorted(pool)[:_MOST_COMPARED], n=1)
    return close[0] if close else None


def did_you_mean(
    name: str, known: Collection[str], *, gloss: Callable[[str], str | None] | None = None
) -> str:
    """' (did you mean "x"?)' for the known name nearest *name*, or "" when none is near.

    *gloss* may say what the suggestion is (' (did you mean "Mt", megatonne?)').
    """
    found = nearest(name, known)
    if found is None:
        return ""
    said = gloss(found) if gloss is not None else None
    return f' (did you mean "{found}", {said}?)' if said else f' (did you mean "{found}"?)'


def trie(words: Iterable[str]) -> str:
    """A regex that matches each of *words* (and, in a lookahead, no other), as a tree of their
    common beginnings: each character is tried once for all the words that share it."""
    ordered = sorted(set(words))
    branches = []
    for first, group in groupby((w for w in ordered if w), key=lambda w: w[0]):
        rest = trie(w[1:] for w in group)
        branches.append(re.escape(first) + (f"(?:{rest})" if rest else ""))
    body = "|".join(branches)
    return f"(?:{body})?" if branches and "" in ordered else body
