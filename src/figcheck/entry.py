"""The console script: answers ``--version`` before the command line and its options are built."""

from __future__ import annotations

import contextlib
import sys


def main() -> None:
    """Run figcheck; ``figcheck --version`` imports nothing but the version."""
    if sys.argv[1:] == ["--version"]:
        from figcheck import __version__

        try:
            sys.stdout.write(f"figcheck {__version__}\n")
            sys.stdout.flush()
        except (OSError, ValueError, AttributeError) as error:  # closed, full or missing stdout
            reason = getattr(error, "strerror", None) or "standard output is closed"
            with contextlib.suppress(OSError, ValueError, AttributeError):
                sys.stderr.write(f"figcheck: cannot write the version: {reason}\n")
            sys.exit(2)
        return
    from figcheck.cli import main as run

    run()
