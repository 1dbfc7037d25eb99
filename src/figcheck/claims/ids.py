"""Claim and check ids: what an id may be, and the names formulas keep for their functions."""

from __future__ import annotations

import keyword
import re
from collections.abc import Collection

# The functions a formula may call; no claim or check may take their names.
FUNCTIONS = frozenset({"min", "max", "abs"})
RESERVED_IDS = FUNCTIONS

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_IDS = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\n[A-Za-z][A-Za-z0-9_]*)*")  # one a line
_NOT_IDS = frozenset(keyword.kwlist) | RESERVED_IDS


def valid_id(name: str) -> bool:
    """Whether *name* may be an id: a letter, then letters, digits and underscores; neither a
    Python keyword nor a formula's function."""
    if _ID.fullmatch(name) is None:
        return False
    return not keyword.iskeyword(name) and name not in RESERVED_IDS


def all_valid(names: Collection[str]) -> bool:
    """Whether every one of *names* may be an id, as valid_id says, asked of all at once: a big
    file's ids are told valid in one match rather than one call each."""
    if not names:
        return True
    joined = "\n".join(names)
    return (
        joined.count("\n") == len(names) - 1  # no name holds a line break of its own
        and _IDS.fullmatch(joined) is not None
        and _NOT_IDS.isdisjoint(names)
    )
