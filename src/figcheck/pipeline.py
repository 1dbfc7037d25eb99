"""From claims files to finished reports: load, check, place quotes, explain what fails."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from figcheck.collector import paused_gc
from figcheck.errors import FigcheckError, Location, Problem, ProblemsError

if TYPE_CHECKING:
    from figcheck.check.quotes import QuoteIndex
    from figcheck.check.report import FailOn, Reason, Report, Reports
    from figcheck.claims.model import ClaimsFile
    from figcheck.progress import Progress

DEFAULT_ABOUT = 0.10  # the loader's, repeated so that importing this module stays cheap


@dataclass(frozen=True, slots=True)
class Settings:
    """How to check: what fails the run, the default reading of "about", and what the
    chosen format needs besides the results (the document view, the reasons)."""

    fail_on: FailOn = "inconsistent"
    about: float = DEFAULT_ABOUT
    view: bool = False
    reasons: bool = False


def build_report(
    path: Path,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    view: bool = False,
    settings: Settings | None = None,
    shown_as: str | None = None,
) -> Report:
    """The finished report for the claims file at *path*; with *view*, it holds the document
    as a page shows it too (the quote index is built once, for both)."""
    from figcheck.check.checker import check
    from figcheck.check.quotes import index_for
    from figcheck.claims.loader import load
    from figcheck.progress import silent

    if settings is None:
        settings = Settings(fail_on="within-rounding" if strict else "inconsistent", view=view)
    progress = progress or silent
    with paused_gc():
        claims_file = load(path, progress=progress, about=settings.about, shown_as=shown_as)
        progress("quotes", 0, 0)
        index = index_for(claims_file)
        report = check(
            claims_file,
            strict=settings.fail_on == "within-rounding",
            locate=index.locate,
            progress=progress,
        )
        if claims_file.tables:
            report = with_tables(report, claims_file, index)
        if settings.fail_on != "inconsistent":
            report = dataclasses.replace(report, fail_on=settings.fail_on)
        if settings.reasons:
            report = dataclasses.replace(report, reasons=reasons_of(report))
        if not settings.view:
            return report
        from figcheck.document.view import with_view

        return with_view(report, claims_file, index)


def with_tables(report: Report, claims_file: ClaimsFile, index: QuoteIndex) -> Report:
    """*report* with the results of the claims file's [[tables]] checks after its own."""
    from figcheck.check.report import Summary
    from figcheck.check.tables import table_results

    results = report.results + table_results(claims_file, index)
    return dataclasses.replace(report, results=results, summary=Summary.of(results))


def build_reports(
    paths: Sequence[tuple[Path, str]], settings: Settings, progress: Progress | None = None
) -> Reports:
    """The reports of the claims files *paths* (each with the name reports show), in order.
    A claims file with errors gives a report of its errors, so that the others still run."""
    from figcheck.check.report import Report, Reports

    reports: list[Report] = []
    for done, (path, shown) in enumerate(paths):
        if progress is not None and len(paths) > 1:
            progress("files", done, len(paths))
        try:
            reports.append(build_report(path, settings=settings, shown_as=shown, progress=progress))
        except FigcheckError as err:
            reports.append(Report.broken(shown, problems_of(err, shown), about=settings.about))
    if progress is not None and len(paths) > 1:
        progress("files", len(paths), len(paths))
    return Reports(tuple(reports))


def problems_of(err: FigcheckError, shown: str) -> tuple[Problem, ...]:
    """The located problems an error stands for (a lone message is placed at the file)."""
    if isinstance(err, ProblemsError):
        return tuple(err.problems)
    return (Problem(err.location or Location(shown), err.message),)


def reasons_of(report: Report) -> dict[str, Reason]:
    """For each result that is a problem (≈ or worse), what ``figcheck explain`` says of it:
    the one sentence, and what it would take."""
    from figcheck.check.report import Reason
    from figcheck.explain.explanation import explain_each

    ids = [r.id for r in report.results if r.finding and (r.claim or r.check) is not None]
    return {
        e.id: Reason(e.sentence, tuple(n.text for n in e.needs), e.needs_note)
        for e in explain_each(report, ids)
    }
