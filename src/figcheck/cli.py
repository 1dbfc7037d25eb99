"""The command line: parse options, build the report, render it, and set the exit code."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from figcheck import __version__
from figcheck.errors import FigcheckError
from figcheck.render import REPORTER_BY_NAME, Show

if TYPE_CHECKING:
    from figcheck.report import Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
Format = Enum("Format", {name: name for name in REPORTER_BY_NAME}, type=str)  # type: ignore[misc]
Color = Literal["auto", "always", "never"]

app = typer.Typer(
    name="figcheck",
    help="Check that the figures a document states add up.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"figcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Check that the figures a document states add up."""


PathArg = Annotated[
    Path,
    typer.Argument(help="The claims file (TOML).", show_default=True),
]
ColorOpt = Annotated[
    Color,
    typer.Option(
        "--color",
        help="Colour the output: auto (a terminal, unless NO_COLOR is set), always, never.",
    ),
]


def use_color(choice: str, stream: object) -> bool:
    """--color wins; then NO_COLOR, then FORCE_COLOR; then whether *stream* is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def fail(err: FigcheckError) -> typer.Exit:
    """Print an input error the one way figcheck does, and give exit code 2."""
    print(str(err), file=sys.stderr)
    return typer.Exit(EXIT_ERROR)


def build_report(path: Path, *, strict: bool) -> Report:
    from figcheck.checker import check
    from figcheck.loader import load

    return check(load(path), strict=strict)


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from figcheck.atomic import write_atomic

    write_atomic(output, text)


@app.command()
def check(
    path: PathArg = Path("claims.toml"),
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", envvar="FIGCHECK_FORMAT", help="Output format."),
    ] = Format.table,  # type: ignore[attr-defined]
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail on within-rounding verdicts.")
    ] = False,
    show: Annotated[
        Show,
        typer.Option(
            "--show",
            help="Table rows: all, only findings, or auto (findings only above 200 results).",
        ),
    ] = "auto",
    color: ColorOpt = "auto",
) -> None:
    """Recompute the figures of a claims file and report a verdict for each."""
    from figcheck.render import RenderOptions, get_reporter

    try:
        report = build_report(path, strict=strict)
        options = RenderOptions(
            color=use_color(color, sys.stdout) and output is None and fmt.value == "table",
            width=_width(),
            show=show,
        )
        emit(get_reporter(fmt.value)(report, options), output)
    except FigcheckError as err:
        raise fail(err) from None
    raise typer.Exit(report.exit_code)


def _width() -> int | None:
    columns = os.environ.get("COLUMNS")
    if columns and columns.isdigit():
        return int(columns)
    try:
        return max(os.get_terminal_size(sys.stdout.fileno()).columns, 60)
    except (OSError, ValueError):
        return None


def main() -> None:
    """The console script."""
    try:
        app()
    except KeyboardInterrupt:
        print("figcheck: interrupted", file=sys.stderr)
        sys.exit(130)
