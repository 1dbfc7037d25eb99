"""A scan's reports, one per document, as one output in any format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from figcheck import __version__
from figcheck.errors import InputError
from figcheck.render import RenderOptions, get_reporter

if TYPE_CHECKING:
    from figcheck.check.report import Report

SCHEMA = 1


def combine(name: str, reports: list[Report], *, color: bool, width: int | None) -> str:
    """The reports of a scan in format *name*: one document as ``check`` shows it, many as one
    listing, log or page set whose parts keep each document's own locations."""
    options = RenderOptions(color=color, width=width, show="all")
    reporter = get_reporter(name)
    if len(reports) == 1:
        return reporter(reports[0], options)
    if name == "json":
        from figcheck.render.json import report_dict

        data = {
            "schema": SCHEMA,
            "figcheck": __version__,
            "documents": [report_dict(r) for r in reports],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if name == "sarif":
        logs = [json.loads(reporter(r, options)) for r in reports]
        merged: dict[str, Any] = logs[0] if logs else {}
        if logs:
            merged["runs"] = [run for log in logs for run in log["runs"]]
        return json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    if name == "gitlab":
        issues = [issue for r in reports for issue in json.loads(reporter(r, options))]
        return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
    if name == "junit":
        root = ET.Element("testsuites", name="figcheck")
        for r in reports:
            root.extend(ET.fromstring(reporter(r, options)).findall("testsuite"))
        for key in ("tests", "failures", "errors", "skipped"):
            root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
    if name == "html":
        raise InputError("--format html shows one document: scan one at a time for a page")
    return "".join(reporter(r, options) for r in reports)
