"""The rich console every terminal format renders into: a string, coloured or not."""

from __future__ import annotations

import io

from rich.console import Console


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
    )
    return console, buffer
