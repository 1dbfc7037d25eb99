"""The registry of output formats: one module per format, each rendering a finished Report."""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from figcheck.check.report import Report, Reports

Show = Literal["auto", "all", "findings"]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: colour, width for terminal formats, and which rows a table shows
    (*quiet*: only the problems and the summary)."""

    color: bool = False
    width: int | None = None
    show: Show = "auto"
    quiet: bool = False


class Reporter(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


class BatchReporter(Protocol):
    def __call__(self, reports: Reports, options: RenderOptions) -> str: ...


# Keys are the --format choices; values are "module:function", imported only when chosen so
# that machine formats never load rich.
REPORTER_BY_NAME: dict[str, str] = {
    "table": "figcheck.render.table:render",
    "json": "figcheck.render.json:render",
    "markdown": "figcheck.render.markdown:render",
    "github": "figcheck.render.ci.github:render",
    "junit": "figcheck.render.ci.junit:render",
    "sarif": "figcheck.render.ci.sarif:render",
    "gitlab": "figcheck.render.ci.gitlab:render",
    "html": "figcheck.render.html:render",
    "summary": "figcheck.render.summary:render",
}

# Formats that can give one report's text in parts, so that a big one is never held whole.
PARTS_BY_NAME: dict[str, str] = {"json": "figcheck.render.json:parts"}


# Formats that show the document itself: their report carries its DocumentView.
NEEDS_VIEW = frozenset({"html"})
# Formats that say why each problem is one: their report carries what explain says.
NEEDS_REASONS = frozenset({"html", "summary"})
# Formats that report a claims file's errors as findings at their lines, so that CI shows them
# (the others print the errors alone, on stderr).
SHOWS_ERRORS = frozenset({"json", "github", "junit", "sarif", "gitlab", "summary"})


def get_reporter(name: str) -> Reporter:
    module_name, _, attr = REPORTER_BY_NAME[name].partition(":")
    reporter: Reporter = getattr(importlib.import_module(module_name), attr)
    return reporter


def get_batch_reporter(name: str) -> BatchReporter:
    """The renderer of a run over several claims files: each format's ``render_batch``."""
    module_name, _, _ = REPORTER_BY_NAME[name].partition(":")
    reporter: BatchReporter = importlib.import_module(module_name).render_batch
    return reporter


def render_reports(
    name: str, reports: Reports, options: RenderOptions, *, batch: bool = False
) -> str:
    """*reports* in format *name*: one claims file exactly as its own report (unless *batch*),
    several in the format's combined form, grouped by claims file."""
    if len(reports.reports) == 1 and not batch:
        return get_reporter(name)(reports.reports[0], options)
    return get_batch_reporter(name)(reports, options)


def render_parts(
    name: str, reports: Reports, options: RenderOptions, *, batch: bool = False
) -> str | Callable[[], Iterable[str]]:
    """``render_reports``, or where the format writes one report in parts, a function giving
    that text in parts (called as it is written, perhaps twice: see io.output)."""
    if len(reports.reports) == 1 and not batch and name in PARTS_BY_NAME:
        module_name, _, attr = PARTS_BY_NAME[name].partition(":")
        make = getattr(importlib.import_module(module_name), attr)
        return functools.partial(make, reports.reports[0], options)
    return render_reports(name, reports, options, batch=batch)
