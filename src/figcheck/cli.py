"""The command line: parse options, build the report, render it, and set the exit code."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import typer

from figcheck import __version__
from figcheck.errors import FigcheckError, InputError, Location, printable
from figcheck.render import REPORTER_BY_NAME, Show

if TYPE_CHECKING:
    from figcheck.check.report import Report
    from figcheck.progress import Progress

EXIT_ERROR = 2  # bad input or command line; 0 and 1 come from the report (Report.exit_code)


def _lean_option_values() -> None:
    """Read option values without a pydantic adapter per option, whose import and build cost
    about 0.1 s of every run (Typer 0.26+ builds one for each option it reads, even one left
    unset). A value Typer's own functions read exactly is read by them; anything else, and
    every value they refuse, goes to the adapter Typer builds, so values and messages are
    Typer's. Where Typer's internals differ, Typer is left as it is."""
    try:
        from typer import core
        from typer._coercion import RuntimeParam, TypeDescriptor
        from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
        from typer._typing import is_literal_type, literal_values
    except ImportError:  # pragma: no cover - another Typer
        return
    found = vars(core).get("build_runtime_param")
    if found is None or getattr(found, "lean", False):  # pragma: no cover
        return
    build: Callable[[TypeDescriptor], RuntimeParam] = found
    Read = Callable[[Any, Any, Any], Any]  # (value, ctx, param) -> the value read

    def leaf(descriptor: TypeDescriptor, annotation: Any) -> Read | None:
        """How to read one item of *annotation* with Typer's functions (None: its adapter)."""
        info = descriptor.parameter_info
        if info.parser is not None:
            return None
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            choices: tuple[Any, ...] = tuple(annotation)
        elif is_literal_type(annotation):
            choices = literal_values(annotation)
        elif annotation is str:
            return lambda value, ctx, param: value if type(value) is str else _defer()
        elif annotation is Path and info.path_type is None and routes_to_path(annotation, info):
            # pydantic reads a str as Path(value); the checks after it are Typer's own
            return lambda value, ctx, param: coerce_cli_path(
                Path(value) if type(value) is str else _defer(),
                info,
                path_type=Path,
                param=param,
                ctx=ctx,
            )
        else:
            return None
        case_sensitive = info.case_sensitive
        return lambda value, ctx, param: coerce_cli_choice(
            value, choices=choices, case_sensitive=case_sensitive, ctx=ctx
        )

    @dataclass(frozen=True)
    class Lean(RuntimeParam):
        descriptor: TypeDescriptor
        read: Read | None
        listed: bool
        built: list[RuntimeParam] = field(default_factory=list, compare=False)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.read is not None:
                try:
                    if not self.listed:
                        return self.read(value, ctx, param)
                    items = value if isinstance(value, list | tuple) else [value]
                    return [self.read(item, ctx, param) for item in items]
                except Exception:  # refused or unsure: Typer's adapter reads it and says why
                    pass
            if not self.built:
                self.built.append(build(self.descriptor))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)

    def lean(descriptor: TypeDescriptor) -> RuntimeParam:
        read = None
        listed = descriptor.is_list
        if descriptor.file_annotation is None and not descriptor.is_tuple:
            if listed:
                args = typing.get_args(descriptor.annotation)
                read = leaf(descriptor, args[0]) if len(args) == 1 else None
            else:
                read = leaf(descriptor, descriptor.annotation)
        return Lean(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
            read=read,
            listed=listed,
        )

    lean.lean = True  # type: ignore[attr-defined]
    core.build_runtime_param = lean  # type: ignore[attr-defined]


def _defer() -> NoReturn:
    raise TypeError("left to Typer's adapter")


_lean_option_values()
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
        raise typer.Exit(_print_version())


def _print_version() -> int:
    from figcheck.io.output import write_stdout

    try:
        write_stdout(f"figcheck {__version__}\n")
    except FigcheckError as err:
        _say(str(err))
        return EXIT_ERROR
    return 0


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
    """--color wins; then NO_COLOR (or TERM=dumb), then FORCE_COLOR; then whether *stream*
    is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def command(func: Callable[..., int | None]) -> Callable[..., None]:
    """A command of the app whose return value is its exit code. The one error path: an input
    error is printed the one way figcheck does, on one line, and gives exit code 2."""

    @functools.wraps(func)
    def run(*args: object, **kwargs: object) -> None:
        try:
            _require_cwd()
            code = func(*args, **kwargs)
        except FigcheckError as err:
            _say(str(err))
            raise typer.Exit(EXIT_ERROR) from None
        except OSError as err:  # the system failed us outside any one file's reading
            where = err.filename if isinstance(err.filename, str) else "figcheck"
            _say(printable(f"{where}: {os.strerror(err.errno) if err.errno else err}"))
            raise typer.Exit(EXIT_ERROR) from None
        raise typer.Exit(code or 0)

    app.command()(run)
    return run


def _require_cwd() -> None:
    """Refuse to run from a folder that was deleted: every relative path would fail later."""
    try:
        os.getcwd()
    except OSError:
        raise InputError(
            "the current folder no longer exists (deleted or moved); run figcheck from another",
            Location("."),
        ) from None


def build_report(
    path: Path, *, strict: bool, progress: Progress | None = None, view: bool = False
) -> Report:
    """The finished report for the claims file at *path* (see figcheck.pipeline)."""
    from figcheck.pipeline import build_report as build

    return build(path, strict=strict, progress=progress, view=view)


def emit(text: str, output: Path | None, inputs: tuple[Path, ...] = ()) -> None:
    """Print *text*, or write it to *output*, which may not be one of the run's *inputs*."""
    from figcheck.run import emit as write

    write(text, output, inputs)


def _say(message: str) -> None:
    from figcheck.io.output import say

    say(message)


def output_path(raw: str | None) -> Path | None:
    """The file an ``--output`` names. One ending in a slash names a folder (``-o dir/``);
    Path would drop the slash and write a file named ``dir``, so it is refused."""
    if raw is None:
        return None
    if raw.endswith(("/", os.sep)) or raw in ("", ".", ".."):
        raise InputError("names a folder, not a file; give the file to write", Location(raw))
    return Path(raw)


def inputs_of(path: Path, document_path: str | None) -> tuple[Path, ...]:
    """The files a run reads, which figcheck never writes over: claims file and document."""
    return (path,) if document_path is None else (path, Path(document_path))


FailOnChoice = Literal["inconsistent", "within-rounding", "never"]


@command
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Claims files, or folders holding them (default: the claims files the "
            "config lists, else claims.toml).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", envvar="FIGCHECK_FORMAT", help="Output format.", show_default=False
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically)."),
    ] = None,
    fail_on: Annotated[
        FailOnChoice | None,
        typer.Option(
            "--fail-on",
            help="What makes the run fail (exit 1): inconsistent (the default), "
            "within-rounding too, or never.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail on within-rounding verdicts.")
    ] = False,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit with 0 even when the run fails or a claims file has errors "
            "(the report still shows them).",
        ),
    ] = False,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="PATHS are changed files: check the claims files among them and those "
            "whose document is one of them (for pre-commit).",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Show only the problems and the summary.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Show every result, and say which files were read."),
    ] = False,
    show: Annotated[
        Show,
        typer.Option(
            "--show",
            help="Table rows: all, only findings, or auto (findings only above 200 results).",
        ),
    ] = "auto",
    color: ColorOpt = "auto",
) -> int:
    """Recompute the figures of claims files and report a verdict for each."""
    from figcheck.run import Request, run_check

    request = Request(
        paths=tuple(paths or ()),
        fmt=fmt.value if fmt is not None else None,
        output=output_path(output),
        fail_on=fail_on,
        strict=strict,
        exit_zero=exit_zero,
        changed=changed,
        quiet=quiet,
        verbose=verbose,
        show=show,
        color=use_color(color, sys.stdout),
        width=_width(),
    )
    return run_check(request)


@command
def explain(
    ident: Annotated[str, typer.Argument(metavar="CLAIM", help="The id of a claim or check.")],
    path: PathArg = Path("claims.toml"),
    color: ColorOpt = "auto",
) -> int:
    """Show how one claim's or check's verdict was made, and what it would take to change it."""
    from figcheck.collector import paused_gc
    from figcheck.explain.explanation import explain as explain_one
    from figcheck.render.explain_text import render

    with paused_gc(freeze=True):  # the report lives until the process ends
        explanation = explain_one(build_report(path, strict=False), ident)
    emit(render(explanation, color=use_color(color, sys.stdout), width=_width()), None)
    return 0


@command
def audit(path: PathArg = Path("claims.toml"), color: ColorOpt = "auto") -> int:
    """Print every claim with its quote, line, stated figure, formula and verdict."""
    from figcheck.render import RenderOptions
    from figcheck.render.audit import render

    report = build_report(path, strict=False)
    options = RenderOptions(color=use_color(color, sys.stdout), width=_width(), show="all")
    emit(render(report, options), None)
    return 0


@command
def coverage(
    path: PathArg = Path("claims.toml"),
    fmt: Annotated[
        Literal["table", "json"], typer.Option("--format", "-f", help="Output format.")
    ] = "table",
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            min=0,
            max=100,
            metavar="PERCENT",
            help="Exit with 1 when fewer than PERCENT of the quantities are covered.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the listing to this file (atomically)."),
    ] = None,
    show: Annotated[
        Show,
        typer.Option(
            "--show",
            help="Table rows: all, only uncovered quantities (findings), or auto "
            "(findings only above 200 mentions).",
        ),
    ] = "auto",
    color: ColorOpt = "auto",
) -> int:
    """List every figure the document mentions and the claim that covers it."""
    from figcheck.check.quotes import index_for
    from figcheck.claims.loader import load
    from figcheck.collector import paused_gc
    from figcheck.document.coverage import cover
    from figcheck.render import RenderOptions
    from figcheck.render.progress_bar import ProgressBar, wanted

    output_file = output_path(output)
    bar = wanted(sys.stderr, sys.stdout, to_file=output is not None)
    with ProgressBar() if bar else contextlib.nullcontext() as progress, paused_gc(freeze=True):
        claims_file = load(path, progress=progress) if progress is not None else load(path)
        if progress is not None:
            progress("covering", 0, 0)
        report = cover(claims_file, index_for(claims_file), fail_under=fail_under)
    if fmt == "json":
        from figcheck.render.coverage_json import render
    else:
        from figcheck.render.coverage_table import render
    options = RenderOptions(
        color=use_color(color, sys.stdout) and output is None and fmt == "table",
        width=_width(),
        show=show,
    )
    emit(render(report, options), output_file, inputs_of(path, claims_file.document.path))
    return report.exit_code


@command
def init(
    document: Annotated[Path, typer.Argument(help="The plain-text document to draft claims for.")],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE", help='Where to write the draft ("-": stdout).'
        ),
    ] = "claims.toml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    no_suggest: Annotated[
        bool,
        typer.Option("--no-suggest", help="Draft no formulas: values and quotes only."),
    ] = False,
) -> int:
    """Draft a claims file for DOCUMENT: one claim per quantity it mentions."""
    from figcheck.document.draft import draft_document
    from figcheck.io.atomic import refuse_existing, write_atomic

    target = None if output == "-" else output_path(output)
    if target is not None and not force:
        refuse_existing(target)  # before the work of drafting
    from figcheck.render.progress_bar import ProgressBar, wanted

    bar = wanted(sys.stderr, sys.stdout, to_file=target is not None)
    with ProgressBar() if bar else contextlib.nullcontext() as progress:
        if progress is not None:
            progress("drafting", 0, 0)
        drafted = draft_document(document, target, suggest=not no_suggest)
    text = drafted.toml()
    if target is None:
        emit(text, None)
    else:
        write_atomic(target, text, overwrite=force, inputs=(document,))
    _say(drafted.summary("stdout" if target is None else str(target)))
    return 0


@command
def schema() -> int:
    """Print the JSON Schema of the claims file, for editors with a TOML language server."""
    from importlib import resources

    text = resources.files("figcheck.claims").joinpath("claims.schema.json").read_text("utf-8")
    emit(text, None)
    return 0


ScanFormat = Enum(  # type: ignore[misc]
    "ScanFormat", {name: name for name in (*REPORTER_BY_NAME, "jsonl")}, type=str
)


@command
def scan(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Documents, or folders to scan for text, Markdown, HTML, Word and PDF files."
        ),
    ],
    fmt: Annotated[
        ScanFormat,
        typer.Option("--format", "-f", help="Output format; jsonl: one JSON report a line."),
    ] = ScanFormat.table,  # type: ignore[attr-defined]
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail on within-rounding verdicts.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes to use (default: every core)."),
    ] = None,
    color: ColorOpt = "auto",
) -> int:
    """Check the cued relations in documents that have no claims file."""
    from figcheck.document.scan import documents, in_order
    from figcheck.io.output import write_stdout
    from figcheck.render.progress_bar import ProgressBar, wanted
    from figcheck.render.scan import combine

    output_file = output_path(output)
    found = documents(paths)
    workers = jobs or os.cpu_count() or 1
    name = fmt.value
    bar = wanted(sys.stderr, sys.stdout, to_file=output is not None)
    items: list[tuple[object, int, str | None]] = []
    with ProgressBar() if bar else contextlib.nullcontext() as progress:

        def done(n: int) -> None:
            if progress is not None:
                progress("scanning", n, len(found))

        work = functools.partial(_scanned, strict=strict, line=name == "jsonl")
        for item in in_order(work, found, jobs=workers, done=done):
            if name == "jsonl" and output is None and item[2] is None:
                write_stdout(str(item[0]))  # streamed: a folder never sits in memory
                items.append((None, item[1], None))
            else:
                items.append(item)
    for _, _, error in items:
        if error is not None:
            _say(error)
    if name == "jsonl":
        if output is not None:
            emit("".join(str(r) for r, _, e in items if e is None), output_file, tuple(found))
    else:
        reports = [r for r, _, e in items if e is None]
        color_on = use_color(color, sys.stdout) and output is None and name == "table"
        text = combine(name, reports, color=color_on, width=_width())  # type: ignore[arg-type]
        emit(text, output_file, tuple(found))
    if any(e is not None for _, _, e in items):
        return EXIT_ERROR
    return max((code for _, code, _ in items), default=0)


def _scanned(path: Path, *, strict: bool, line: bool) -> tuple[object, int, str | None]:
    """One document scanned in a worker: its report (or JSON line), exit code, and the error
    message that stopped it, if any (sent back as text, so it keeps its location)."""
    from figcheck.document.scan import scan as scan_one

    try:
        report = scan_one(path, strict=strict)
    except FigcheckError as err:
        return None, EXIT_ERROR, str(err)
    if not line:
        return report, report.exit_code, None
    import json

    from figcheck.render.json import report_dict

    text = json.dumps(report_dict(report), ensure_ascii=False) + "\n"
    return text, report.exit_code, None


MIN_WIDTH, MAX_WIDTH = 20, 1000  # COLUMNS outside these is taken as the nearest


def _width() -> int | None:
    """The width to render for: COLUMNS when it is a number (ASCII digits only: ``²`` and
    ``①`` pass str.isdigit), else the terminal's, else None (the renderer's default)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns and columns.isascii() and columns.isdigit():
        return min(max(int(columns[:6]), MIN_WIDTH), MAX_WIDTH)
    try:
        return max(os.get_terminal_size(1).columns, 60)
    except (OSError, ValueError):
        return None


def main() -> None:
    """The command line (figcheck.entry answers a bare ``--version`` before it is imported):
    every outcome, even a failed write, ends in one exit code."""
    from figcheck.io.output import finish, guard_standard_streams

    guard_standard_streams()
    sys.exit(finish(_main()))


def _main() -> int:
    from figcheck.io.atomic import Terminated

    try:
        app()
    except SystemExit as done:
        return _code(done.code)
    except KeyboardInterrupt:
        _say("figcheck: interrupted")
        return 130
    except Terminated as stop:  # SIGTERM or SIGHUP while writing: the file is cleaned up
        _say(f"figcheck: stopped by signal {stop.signum}")
        return 128 + stop.signum
    except OSError as err:  # the command line's own output (--help, usage) failed
        from figcheck.io.output import STDOUT, reason

        _say(f"{STDOUT}: cannot write: {reason(err)}")
        return EXIT_ERROR
    return 0


def _code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    _say(str(code))
    return 1
