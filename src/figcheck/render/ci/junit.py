"""JUnit XML: one testcase per claim and check; failures for what fails, skipped for unchecked."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from figcheck.check.verdict import Verdict
from figcheck.render.ci.findings import ERROR_RULE, Finding, findings, with_reason

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports, Result
    from figcheck.render import RenderOptions

# characters XML 1.0 does not allow at all, even escaped
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


def text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value).translate(_TEXT)


def attr(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value).translate(_ATTR)


def _testcase(result: Result, found: list[Finding], report: Report) -> list[str]:
    where = f' file="{attr(report.claims_path)}"'
    if result.line is not None:
        where += f' line="{result.line}"'
    classname = result.section or ("checks" if result.kind == "check" else "claims")
    head = f'    <testcase name="{attr(result.id)}" classname="{attr(classname)}"{where}'
    failing = [f for f in found if f.level == "error"]
    warnings = [f for f in found if f.level != "error"]
    body: list[str] = []
    if failing:
        first = failing[0]
        message = "; ".join(f.message for f in failing)
        detail = "\n".join(f"{f.path}:{f.line or ''}: {f.message}" for f in failing)
        body.append(
            f'      <failure message="{attr(message)}" type="{attr(first.rule.id)}">'
            f"{text(detail)}</failure>"
        )
    elif result.verdict is Verdict.UNCHECKED:
        body.append('      <skipped message="unchecked: no formula or reference to check"/>')
    if warnings:
        notes = "\n".join(with_reason(f) for f in warnings)
        body.append(f"      <system-out>{text(notes)}</system-out>")
    if not body:
        return [f"{head}/>"]
    return [f"{head}>", *body, "    </testcase>"]


def _errors_case(report: Report, errors: list[Finding]) -> list[str]:
    """The claims file's errors as one test case in error."""
    message = "; ".join(f.message for f in errors)
    detail = "\n".join(f"{f.path}:{f.line or ''}: {f.message}" for f in errors)
    return [
        f'    <testcase name="claims file" classname="claims file" '
        f'file="{attr(report.claims_path)}">',
        f'      <error message="{attr(message)}" type="{ERROR_RULE.id}">{text(detail)}</error>',
        "    </testcase>",
    ]


def _suite(report: Report) -> tuple[list[str], tuple[int, int, int, int]]:
    """The test suite of one claims file, and its counts: tests, failures, errors, skipped."""
    by_result: dict[int, list[Finding]] = defaultdict(list)
    errors: list[Finding] = []
    for finding in findings(report):
        if finding.result is None:
            errors.append(finding)
        else:
            by_result[id(finding.result)].append(finding)
    cases: list[str] = _errors_case(report, errors) if errors else []
    failures = skipped = 0
    for result in report.results:
        found = by_result.get(id(result), [])
        failures += any(f.level == "error" for f in found)
        skipped += not found and result.verdict is Verdict.UNCHECKED
        cases.extend(_testcase(result, found, report))
    counts = (len(report.results) + bool(errors), failures, int(bool(errors)), skipped)
    name = attr(report.document.title or report.claims_path)
    return [f'  <testsuite name="{name}" {_counts(counts)}>', *cases, "  </testsuite>"], counts


def _counts(counts: tuple[int, int, int, int]) -> str:
    tests, failures, errors, skipped = counts
    return f'tests="{tests}" failures="{failures}" errors="{errors}" skipped="{skipped}"'


def _document(suites: list[tuple[list[str], tuple[int, int, int, int]]]) -> str:
    total = tuple(sum(c[i] for _, c in suites) for i in range(4))
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuites name="figcheck" {_counts(total)}>',  # type: ignore[arg-type]
            *(line for lines, _ in suites for line in lines),
            "</testsuites>",
            "",
        ]
    )


def render(report: Report, options: RenderOptions) -> str:
    return _document([_suite(report)])


def render_batch(reports: Reports, options: RenderOptions) -> str:
    return _document([_suite(report) for report in reports.reports])
