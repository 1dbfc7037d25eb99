"""Audit rows: one per claim, check and reference, shared by the audit table and Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.check.report import Report, Result
    from figcheck.check.verdict import Verdict


@dataclass(frozen=True, slots=True)
class Row:
    """One audit row; a reference row has no id and names its source in ``quote``."""

    id: str
    quote: str
    line: int | None  # the quote's line in the document
    stated: str
    formula: str
    computed: str
    verdict: Verdict
    reference: bool = False


def audit_rows(report: Report) -> list[tuple[str | None, list[Row]]]:
    """The rows of each section, in order; each claim is followed by its references."""
    out: list[tuple[str | None, list[Row]]] = []
    for section, results in report.sections():
        rows: list[Row] = []
        for result in results:
            rows.append(_row(result))
            rows.extend(_reference_rows(result))
        out.append((section, rows))
    return out


def _row(result: Result) -> Row:
    location = result.quote_location
    line = location.line if location is not None else None
    if result.kind == "check":
        return Row(result.id, "", None, "", result.formula or "", result.computed, result.verdict)
    return Row(
        id=result.id,
        quote=result.quote or "",
        line=line,
        stated=result.stated.text if result.stated is not None else "",
        formula=result.formula or "",
        computed=result.computed,
        verdict=result.verdict,
    )


def _reference_rows(result: Result) -> list[Row]:
    rows = []
    for ref in result.references:
        source = ref.reference.source
        if ref.reference.date:
            source += f" ({ref.reference.date})"
        rows.append(Row("", source, None, ref.reference.value.text, "", "", ref.verdict, True))
    return rows
