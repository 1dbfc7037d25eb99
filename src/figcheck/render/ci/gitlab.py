"""GitLab Code Quality: a JSON array of issues, each with a fingerprint stable across edits."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from figcheck.render.ci.findings import ERROR_RULE, findings, with_reason

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports
    from figcheck.render import RenderOptions

SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def render(report: Report, options: RenderOptions) -> str:
    return _dump(issues(report))


def render_batch(reports: Reports, options: RenderOptions) -> str:
    return _dump([issue for report in reports.reports for issue in issues(report)])


def _dump(found: list[dict[str, Any]]) -> str:
    return json.dumps(found, indent=2, ensure_ascii=False) + "\n"


def issues(report: Report) -> list[dict[str, Any]]:
    """One Code Quality issue per finding of *report*."""
    return [
        {
            "type": "issue",
            "description": f"{finding.ident}: {with_reason(finding)}",
            "check_name": finding.rule.id,
            "categories": ["Bug Risk"],
            "fingerprint": finding.fingerprint,
            "severity": "blocker" if finding.rule is ERROR_RULE else SEVERITY[finding.level],
            "location": {
                "path": finding.path,
                # GitLab needs a line; a claim with no known line is shown at the top
                "lines": {"begin": finding.line if finding.line is not None else 1},
            },
        }
        for finding in findings(report)
    ]
