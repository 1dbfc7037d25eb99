"""The cycle collector paused while figcheck makes objects that live until its output is written."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

FREEZE_AT = 100_000  # objects made while paused, from which freezing them beats collecting


@contextlib.contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cycle collector: a big file or document makes millions of objects that all
    live until the report or draft is written, and collections that walk them all cost seconds
    (more per megabyte the bigger the input) and free nothing.
    With *freeze* (for a run whose objects live until the process ends), a pause that made
    many objects hands them to the permanent generation, which no collection walks: else the
    first collection after the pause walks them all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze and gc.get_count()[0] >= FREEZE_AT:
                gc.freeze()
            gc.enable()
