"""The registry of output formats: one module per format, each rendering a finished Report."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from figcheck.check.report import Report

Show = Literal["auto", "all", "findings"]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: colour, width for terminal formats, and which rows a table shows."""

    color: bool = False
    width: int | None = None
    show: Show = "auto"


class Reporter(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


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
}


# Formats that show the document itself: their report carries its DocumentView.
NEEDS_VIEW = frozenset({"html"})


def get_reporter(name: str) -> Reporter:
    module_name, _, attr = REPORTER_BY_NAME[name].partition(":")
    reporter: Reporter = getattr(importlib.import_module(module_name), attr)
    return reporter
