"""GitHub Actions workflow commands: one ``::error`` or ``::warning`` annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figcheck.render.ci.findings import findings, with_reason

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports
    from figcheck.render import RenderOptions

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}

# As GitHub's actions toolkit escapes them (toolkit/packages/core/src/command.ts).
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    return text.translate(_DATA)


def escape_property(text: str) -> str:
    return text.translate(_PROPERTY)


def workflow_commands(report: Report) -> list[str]:
    """One workflow command per finding of *report*."""
    lines = []
    for finding in findings(report):
        props = [f"file={escape_property(finding.path)}"]
        if finding.line is not None:
            props.append(f"line={finding.line}")
            if finding.column is not None:
                props.append(f"col={finding.column}")
        props.append(f"title={escape_property(f'figcheck: {finding.ident}')}")
        command = _COMMAND[finding.level]
        lines.append(f"::{command} {','.join(props)}::{escape_data(with_reason(finding))}\n")
    return lines


def render(report: Report, options: RenderOptions) -> str:
    lines = workflow_commands(report)
    # a plain line is only printed in the job log: the summary, for whoever reads it
    if report.errors:
        lines.append(f"figcheck: {escape_data(report.claims_path)}: {report.text()}\n")
    else:
        lines.append(f"figcheck: {report.text()}\n")
    return "".join(lines)


def render_batch(reports: Reports, options: RenderOptions) -> str:
    lines = [line for report in reports.reports for line in workflow_commands(report)]
    for report in reports.reports:
        lines.append(f"figcheck: {escape_data(report.claims_path)}: {report.text()}\n")
    lines.append(f"figcheck: {reports.text()}\n")
    return "".join(lines)
