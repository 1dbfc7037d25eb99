"""GitLab Code Quality: a JSON array of issues, each with a fingerprint stable across edits."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from figcheck.render.ci.findings import findings

if TYPE_CHECKING:
    from figcheck.check.report import Report
    from figcheck.render import RenderOptions

SEVERITY = {"error": "major", "warning": "minor"}


def render(report: Report, options: RenderOptions) -> str:
    issues: list[dict[str, Any]] = [
        {
            "type": "issue",
            "description": f"{finding.result.id}: {finding.message}",
            "check_name": finding.rule.id,
            "categories": ["Bug Risk"],
            "fingerprint": finding.fingerprint,
            "severity": SEVERITY[finding.level],
            "location": {
                "path": finding.path,
                # GitLab needs a line; a claim with no known line is shown at the top
                "lines": {"begin": finding.line if finding.line is not None else 1},
            },
        }
        for finding in findings(report)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
