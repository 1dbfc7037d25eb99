"""The document as a report page shows it: each result's place, and what no claim covers."""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from figcheck.check.report import DocumentView, Mark, Report, Unclaimed
from figcheck.document.coverage import Category, cover

if TYPE_CHECKING:
    from figcheck.check.quotes import QuoteIndex, QuoteMatch
    from figcheck.claims.model import ClaimsFile


def with_view(report: Report, claims_file: ClaimsFile, index: QuoteIndex) -> Report:
    """*report* with its DocumentView, made from the index its quotes were verified with."""
    matches: dict[str, QuoteMatch | None] = {
        claim.id: index.match(claim.quote, claim.stated)
        for claim in claims_file.claims
        if claim.quote is not None
    }
    coverage = cover(claims_file, index, matches=matches)
    by_number = {m.number_start: m for m in coverage.mentions}
    by_span: dict[tuple[int, int], list[str]] = {}
    pins: list[tuple[int, str]] = []
    for result in report.results:
        found = matches.get(result.id) if result.kind == "claim" else None
        if found is None:
            continue
        if found.figure_start is None or found.figure_end is None:
            pins.append((found.start, result.id))
            continue
        # the figure keeps its qualifier and both ends of a range, as far as they lie in the quote
        mention = by_number.get(found.figure_start)
        span = (found.figure_start, found.figure_end)
        if mention is not None:
            span = (max(mention.start, found.start), min(max(mention.end, span[1]), found.end))
        by_span.setdefault(span, []).append(result.id)
    figures: list[Mark] = []
    end = -1
    for (start, stop), ids in sorted(by_span.items(), key=lambda item: (item[0][0], -item[0][1])):
        if start >= end:  # a figure that overlaps an earlier one stays in the details only
            figures.append(Mark(start, stop, tuple(ids)))
            end = stop
    starts = [m.start for m in figures]
    marks = list(figures)
    for at, ident in pins:  # a pin inside a figure goes before it
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and figures[i].start < at < figures[i].end:
            at = figures[i].start
        marks.append(Mark(at, at, (ident,), pin=True))
    marks.sort(key=lambda m: (m.start, m.end))
    unclaimed: list[Unclaimed] = []
    for mention in coverage.mentions:
        if mention.covered_by is not None or mention.category is Category.LABEL:
            continue
        i = bisect.bisect_right(starts, mention.start) - 1
        before = i >= 0 and figures[i].end > mention.start
        after = i + 1 < len(figures) and figures[i + 1].start < mention.end
        if not (before or after):
            unclaimed.append(Unclaimed(mention.start, mention.end, mention.category.value))
    origin = index.origin
    tables = tuple(
        tuple(tuple((c.start, c.end) for c in row) for row in table.rows)
        for table in (origin.tables if origin is not None else ())
    )
    view = DocumentView(
        index.text,
        tuple(marks),
        tuple(unclaimed),
        coverage.text(),
        headings=origin.headings if origin is not None else (),
        tables=tables,
    )
    return dataclasses.replace(report, view=view)
