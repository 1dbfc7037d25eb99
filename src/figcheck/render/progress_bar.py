"""A progress bar on stderr for long runs: shown after about a second, on a terminal only;
each counted stage is drawn complete before the next, and the bar clears when the run ends."""

from __future__ import annotations

import os
import threading
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds of work before the bar appears: quick runs never show it
LABELS = {
    "reading": "Reading claims",
    "loading": "Loading claims",
    "quotes": "Finding quotes",
    "checking": "Checking",
    "rendering": "Writing the report",
    "scanning": "Scanning documents",
}


def wanted(stderr: object, stdout: object, *, to_file: bool) -> bool:
    """Whether to draw a bar: stderr a terminal, and the report going to a terminal or a file
    (never when it is piped), outside CI and on no dumb terminal."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stderr) and (to_file or _isatty(stdout))


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressBar:
    """A progress callback that draws a rich bar on stderr once *delay* seconds have passed.

    rich is imported only when the bar appears, by a timer thread; until then each report only
    stores the latest state. Use as a context manager: leaving it removes the bar.
    """

    def __init__(self, *, delay: float = DELAY, console: Console | None = None) -> None:
        self._console = console  # where to draw (default: stderr)
        self._lock = threading.Lock()
        self._state: tuple[str, int, int] = ("reading", 0, 0)
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._closed = False
        self._timer = threading.Timer(delay, self._show)
        self._timer.daemon = True

    def __enter__(self) -> ProgressBar:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            last, _, last_total = self._state
            if last != stage and last_total:  # the stage before ends full, never at 98 %
                self._state = (last, last_total, last_total)
                self._redraw()
            self._state = (stage, done, total)
            self._redraw()

    def _redraw(self) -> None:
        if self._bar is not None and self._task is not None:
            self._draw(self._bar, self._task)
            self._bar.refresh()

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def close(self) -> None:
        """Remove the bar (if it appeared) and make sure it never appears later."""
        self._timer.cancel()
        with self._lock:
            self._closed = True
            stage, done, total = self._state
            if total and done < total:  # the run is over: its last stage is done
                self._state = (stage, total, total)
            self._redraw()
            bar, self._bar = self._bar, None
        if bar is not None:
            bar.stop()

    def _show(self) -> None:
        try:
            bar = _make_bar(self._console)
        except Exception:  # a bar that cannot be drawn is no reason to fail the run
            return
        with self._lock:
            if self._closed:
                return
            self._bar = bar
            self._task = bar.add_task(LABELS["reading"], total=None)
            bar.start()
            self._draw(bar, self._task)

    def _draw(self, bar: Progress, task: TaskID) -> None:
        stage, done, total = self._state
        label = LABELS.get(stage, stage.capitalize())
        bar.update(task, description=label, completed=done, total=total or None)


def _make_bar(console: Console | None = None) -> Progress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from figcheck.render.console import safe_environ

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True, _environ=safe_environ()),
        transient=True,
    )
