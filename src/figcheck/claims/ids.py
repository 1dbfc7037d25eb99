"""Claim and check ids: what an id may be, and the names formulas keep for their functions."""

from __future__ import annotations

import keyword
import re

# The functions a formula may call; no claim or check may take their names.
FUNCTIONS = frozenset({"min", "max", "abs"})
RESERVED_IDS = FUNCTIONS

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def valid_id(name: str) -> bool:
    """Whether *name* may be an id: a letter, then letters, digits and underscores; neither a
    Python keyword nor a formula's function."""
    if _ID.fullmatch(name) is None:
        return False
    return not keyword.iskeyword(name) and name not in RESERVED_IDS
