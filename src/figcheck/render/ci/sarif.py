"""SARIF 2.1.0 for code scanning: one result per finding, one rule per kind of finding."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from figcheck import __version__
from figcheck.render.ci.findings import RULES, Finding, findings

if TYPE_CHECKING:
    from figcheck.check.report import Report
    from figcheck.render import RenderOptions

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "SRCROOT"  # relative paths are relative to the checkout; the consumer supplies it
_RULE_INDEX = {rule.id: i for i, rule in enumerate(RULES)}


def _rule(index: int) -> dict[str, Any]:
    rule = RULES[index]
    level = "warning" if rule.name.endswith("within-rounding") else "error"
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.full},
        "defaultConfiguration": {"level": level},
        "properties": {"verdict": rule.verdict.value},
    }


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
    return {
        "ruleId": finding.rule.id,
        "ruleIndex": _RULE_INDEX[finding.rule.id],
        "level": finding.level,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"figcheck/v1": finding.fingerprint},
        "properties": {"id": finding.result.id, "verdict": finding.result.verdict.value},
    }


def render(report: Report, options: RenderOptions) -> str:
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "figcheck",
                        "version": __version__,
                        "rules": [_rule(i) for i in range(len(RULES))],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f) for f in findings(report)],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
