"""The console script: answers ``--version`` before the command line and its options are built."""

import os
import sys


def main() -> None:
    """Run figcheck; ``figcheck --version`` imports nothing but the version when it succeeds."""
    if sys.argv[1:] == ["--version"]:
        from figcheck import __version__

        line = f"figcheck {__version__}\n"
        try:
            data = line.encode("ascii")
            while data:  # straight to the descriptor: a bare interpreter's cost, no more
                data = data[os.write(1, data) :]
        except OSError:  # closed or full: the output module says why, as for every report
            _version_through_output(line)
        sys.exit(0)
    from figcheck.cli import main as run

    try:
        run()
    except SystemExit as done:
        check = sys.modules.get("figcheck.run")
        if isinstance(done.code, int) and check is not None and check.KEPT:
            # a big report, and cli.main has flushed both streams: leave without the teardown
            # that would free its millions of objects one by one
            os._exit(done.code)
        if isinstance(done.code, int):
            # cli.main has flushed both streams: the interpreter's last collections at exit
            # would only walk every object of every module (about 30 ms for the essay)
            import gc

            gc.freeze()
        raise


def _version_through_output(line: str) -> None:
    from figcheck.io.output import OutputError, finish, guard_standard_streams, say, write_stdout

    guard_standard_streams()
    try:
        write_stdout(line)
    except OutputError as error:
        say(str(error))
        sys.exit(finish(2))
    sys.exit(finish(0))
