"""``figcheck check`` as a whole: settle the options (command line, then environment, then the
project config), find the claims files, build their reports, write one report, exit once."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from figcheck.errors import InputError
from figcheck.io.output import Parts, say, write_stdout

if TYPE_CHECKING:
    from figcheck.check.report import FailOn, Reports
    from figcheck.claims.config import Config
    from figcheck.render import Show

EXIT_ERROR = 2
# A big run's reports and text: the console script then leaves with os._exit, which frees
# them at once, where returning would free their millions of objects one by one.
KEPT: list[object] = []
BIG = 10_000  # results from which that teardown takes measurable time


@dataclass(frozen=True, slots=True)
class Request:
    """The check command's arguments, as given (None: not given)."""

    paths: tuple[Path, ...] = ()
    fmt: str | None = None
    output: Path | None = None
    fail_on: str | None = None
    strict: bool = False
    exit_zero: bool = False
    changed: bool = False
    quiet: bool = False
    verbose: bool = False
    show: Show = "auto"
    color: bool = False  # whether a terminal format may colour its output
    width: int | None = None


def settle_fail_on(request: Request, config: Config | None) -> FailOn:
    """--fail-on, or --strict (its alias for within-rounding), else the config's."""
    if request.fail_on is not None and request.strict and request.fail_on != "within-rounding":
        raise InputError(f"--strict means --fail-on within-rounding, not {request.fail_on}")
    if request.fail_on is not None:
        return request.fail_on  # type: ignore[return-value]
    if request.strict:
        return "within-rounding"
    if config is not None:
        if config.fail_on is not None:
            return config.fail_on  # type: ignore[return-value]
        if config.strict:
            return "within-rounding"
    return "inconsistent"


def settle_format(request: Request, config: Config | None) -> str:
    from figcheck.render import REPORTER_BY_NAME

    if request.fmt is not None:
        return request.fmt
    if config is not None and config.format is not None:
        if config.format not in REPORTER_BY_NAME:
            choices = ", ".join(REPORTER_BY_NAME)
            raise InputError(
                f'format must be one of {choices}, not "{config.format}"',
                config.location("format"),
            )
        return config.format
    return "table"


def run_check(request: Request) -> int:
    """Run the check command; its exit code."""
    from figcheck.claims import config as project
    from figcheck.claims.targets import involved, targets
    from figcheck.collector import paused_gc
    from figcheck.pipeline import Settings, build_reports
    from figcheck.render import NEEDS_REASONS, NEEDS_VIEW, SHOWS_ERRORS, RenderOptions
    from figcheck.render import render_parts as render
    from figcheck.render.progress_bar import ProgressBar, wanted

    config = project.find()
    fmt = settle_format(request, config)
    fail_on = settle_fail_on(request, config)
    if request.changed:
        files = involved(request.paths, config)
        if not files:
            if request.verbose:
                say("figcheck: no claims file involves these files")
            return 0
    else:
        files = targets(request.paths, config)
    if request.verbose:
        _tell(config, [shown for _, shown in files])
    settings = Settings(
        fail_on=fail_on,
        about=config.about if config is not None and config.about is not None else 0.10,
        view=fmt in NEEDS_VIEW,
        reasons=fmt in NEEDS_REASONS,
    )
    bar = wanted(sys.stderr, sys.stdout, to_file=request.output is not None)
    with ProgressBar() if bar else contextlib.nullcontext() as progress, paused_gc(freeze=True):
        reports = build_reports(files, settings, progress)
        errors = reports.errors
        for problem in errors:
            say(str(problem))
        if errors and fmt not in SHOWS_ERRORS:
            return 0 if request.exit_zero else EXIT_ERROR
        if progress is not None:
            progress("rendering", 0, 0)
        show: Show = "all" if request.verbose else "findings" if request.quiet else request.show
        options = RenderOptions(
            color=request.color and request.output is None and fmt == "table",
            width=request.width,
            show=show,
            quiet=request.quiet,
        )
        # a hook's run names the claims files it found, even when it is one
        text = render(fmt, reports, options, batch=request.changed)
    with paused_gc():  # a text given in parts is made while it is written
        emit(text, request.output, _inputs(reports))
    if sum(r.summary.total for r in reports.reports) >= BIG:
        KEPT[:] = [reports, text]  # freed at exit, all at once, not object by object here
    if request.verbose and len(reports.reports) > 1:
        say(f"figcheck: {reports.text()}")
    return 0 if request.exit_zero else reports.exit_code


def _tell(config: Config | None, files: list[str]) -> None:
    from figcheck.claims.config import shown

    where = f"config {shown(config.path)}" if config is not None else "no config file"
    say(f"figcheck: {where}; checking {', '.join(files)}")


def _inputs(reports: Reports) -> tuple[Path, ...]:
    """The files a run reads, which figcheck never writes over: claims files and documents."""
    out: list[Path] = []
    for report in reports.reports:
        out.append(Path(report.claims_path))
        if report.document.path is not None:
            out.append(Path(report.document.path))
    return tuple(out)


def emit(text: str | Parts, output: Path | None, inputs: tuple[Path, ...] = ()) -> None:
    """Print *text*, or write it to *output*, which may not be one of the run's *inputs*."""
    if output is None:
        write_stdout(text)
        return
    from figcheck.io.atomic import write_atomic

    write_atomic(output, text, inputs=inputs)
