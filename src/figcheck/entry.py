"""The console script: answers ``--version`` before the command line and its options are built."""

from __future__ import annotations

import sys


def main() -> None:
    """Run figcheck; ``figcheck --version`` imports nothing but the version and the output."""
    if sys.argv[1:] == ["--version"]:
        from figcheck import __version__
        from figcheck.io.output import (
            OutputError,
            finish,
            guard_standard_streams,
            say,
            write_stdout,
        )

        guard_standard_streams()
        try:
            write_stdout(f"figcheck {__version__}\n")
        except OutputError as error:  # closed, full or missing stdout
            say(str(error))
            sys.exit(finish(2))
        sys.exit(finish(0))
    from figcheck.cli import main as run

    run()
