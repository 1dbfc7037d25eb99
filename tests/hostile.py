"""Helpers for the hostile-input tests: a watchdog, TOML strings, and figcheck in a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from tests.common import ROOT

# Generous bounds: a hang fails the test instead of stalling the suite. No test asserts a
# time; these only turn "never finishes" into a failure.
WATCHDOG_SECONDS = float(os.environ.get("FIGCHECK_WATCHDOG", "30"))
SUBPROCESS_TIMEOUT = 60.0


class Hung(BaseException):
    """A block ran longer than its watchdog allows (a BaseException: nothing swallows it)."""


@contextmanager
def watchdog(seconds: float = WATCHDOG_SECONDS) -> Iterator[None]:
    """Raise Hung in the main thread if the block runs longer than *seconds*."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"still running after {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def toml_str(text: str) -> str:
    """A TOML basic string holding *text* exactly."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def figcheck_process(
    *args: str, cwd: Path, timeout: float = SUBPROCESS_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """figcheck as a real process (``python -m figcheck``); a hang raises TimeoutExpired."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "figcheck", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
