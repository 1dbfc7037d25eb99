"""Progress of long work: a callback the core reports to and the command line may draw."""

from __future__ import annotations

from typing import Protocol

STEP = 4096  # items between two reports: often enough to draw, rare enough to cost nothing


class Progress(Protocol):
    """Told that *done* of *total* items of *stage* ("loading", "checking") are finished."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


def silent(stage: str, done: int, total: int) -> None:
    """The progress callback that ignores every report."""
