"""The rich console every terminal format renders into: a string, coloured or not."""

from __future__ import annotations

import io
import os

from rich.console import Console


def safe_environ() -> dict[str, str]:
    """The environment for rich, without COLUMNS and LINES unless they are plain ASCII numbers:
    rich reads them with str.isdigit, which passes "²" and "①" and then fails in int()."""
    return {
        key: value
        for key, value in os.environ.items()
        if key not in ("COLUMNS", "LINES") or (value.isascii() and value.isdigit())
    }


def string_console(*, color: bool, width: int) -> tuple[Console, io.StringIO]:
    """A console writing into the returned buffer, with ANSI colours only when *color*."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,  # text from the claims file may hold "[/x]", which is not markup
        _environ={},  # width and colour are given: nothing to read from the environment
    )
    return console, buffer
