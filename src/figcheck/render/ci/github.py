"""GitHub Actions workflow commands: one ``::error`` or ``::warning`` annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figcheck.render.ci.findings import findings

if TYPE_CHECKING:
    from figcheck.check.report import Report
    from figcheck.render import RenderOptions

# As GitHub's actions toolkit escapes them (toolkit/packages/core/src/command.ts).
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    return text.translate(_DATA)


def escape_property(text: str) -> str:
    return text.translate(_PROPERTY)


def render(report: Report, options: RenderOptions) -> str:
    lines = []
    for finding in findings(report):
        props = [f"file={escape_property(finding.path)}"]
        if finding.line is not None:
            props.append(f"line={finding.line}")
            if finding.column is not None:
                props.append(f"col={finding.column}")
        props.append(f"title={escape_property(f'figcheck: {finding.result.id}')}")
        lines.append(f"::{finding.level} {','.join(props)}::{escape_data(finding.message)}\n")
    # a plain line is only printed in the job log: the summary, for whoever reads it
    lines.append(f"figcheck: {report.summary.text()}\n")
    return "".join(lines)
