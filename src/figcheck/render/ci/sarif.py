"""SARIF 2.1.0 for code scanning: one result per finding, one rule per kind of finding."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from figcheck import __version__
from figcheck.render.ci.findings import ERROR_RULE, RULES, Finding, Rule, findings

if TYPE_CHECKING:
    from figcheck.check.report import Report, Reports
    from figcheck.render import RenderOptions

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "SRCROOT"  # relative paths are relative to the checkout; the consumer supplies it
_RULE_INDEX = {rule.id: i for i, rule in enumerate((*RULES, ERROR_RULE))}


def _rule(rule: Rule) -> dict[str, Any]:
    level = "warning" if rule.name.endswith("within-rounding") else "error"
    out: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.full},
        "defaultConfiguration": {"level": level},
    }
    if rule.verdict is not None:
        out["properties"] = {"verdict": rule.verdict.value}
    return out


def _artifact(path: str) -> dict[str, Any]:
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + quote(posix)}
    return {"uri": quote(posix), "uriBaseId": SRCROOT}


def _result(finding: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(finding.path)}
    if finding.line is not None:
        region: dict[str, Any] = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        physical["region"] = region
    out: dict[str, Any] = {
        "ruleId": finding.rule.id,
        "ruleIndex": _RULE_INDEX[finding.rule.id],
        "level": finding.level,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"figcheck/v1": finding.fingerprint},
    }
    result = finding.result
    if result is not None:
        out["properties"] = {"id": result.id, "verdict": result.verdict.value}
    if finding.accepted is not None:
        # accepted in the claims file: SARIF's own way to say a result is known and allowed
        out["suppressions"] = [{"kind": "inSource", "justification": finding.accepted}]
    return out


def render(report: Report, options: RenderOptions) -> str:
    return _log(findings(report))


def render_batch(reports: Reports, options: RenderOptions) -> str:
    return _log([finding for report in reports.reports for finding in findings(report)])


def _log(found: list[Finding]) -> str:
    rules = (*RULES, ERROR_RULE) if any(f.rule is ERROR_RULE for f in found) else RULES
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "figcheck",
                        "version": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f) for f in found],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
