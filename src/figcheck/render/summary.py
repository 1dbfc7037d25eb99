"""A Markdown job summary (GitHub's $GITHUB_STEP_SUMMARY, a pull-request comment): whether the
run fails, every problem with why and what it would take, then a line per claims file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figcheck.check.report import Reports
from figcheck.render.markdown import code, text

if TYPE_CHECKING:
    from figcheck.check.report import Report, Result
    from figcheck.render import RenderOptions

LIMIT = 200  # problems listed in full; a summary page has a size limit (1 MiB on GitHub)


def render(report: Report, options: RenderOptions) -> str:
    return render_batch(Reports((report,)), options)


def _where(result: Result, report: Report) -> str:
    loc = result.quote_location
    if loc is not None and loc.line is not None:
        return f"{loc.path}:{loc.line}"
    if result.line is not None:
        return f"{report.claims_path}:{result.line}"
    return report.claims_path


def _problem(result: Result, report: Report) -> list[str]:
    fails = report.fails(result)
    label = f"**{result.verdict.label}**" if fails else result.verdict.label
    head = f"- {label} {code(result.id)} at {code(_where(result, report))}: "
    if result.kind == "check":
        head += f"{code(result.formula or '')} ({text(result.computed)})"
    elif result.stated is not None:
        head += f"states {text(result.stated.text)}"
        if result.computed:
            head += f", computed {text(result.computed)}"
        if result.how_far_off:
            head += f" ({text(result.how_far_off)})"
    reason = report.reasons.get(result.id)
    if reason is not None:
        head += f"; {text(reason.sentence)}."
    lines = [head]
    if result.accepts and result.accepted is not None:
        lines.append(f"  - accepted: {text(result.accepted)}")
    if reason is not None:
        if reason.needs_note:
            lines.append(f"  - {text(reason.needs_note)}")
        lines.extend(f"  - what it would take: {text(need)}" for need in reason.needs)
    return lines


def _order(result: Result, report: Report) -> tuple[int, int]:
    """Failing problems first, then the others (≈), then the accepted ones; worst first."""
    group = 0 if report.fails(result) else 2 if result.accepts else 1
    return group, -result.verdict.rank


def render_batch(reports: Reports, options: RenderOptions) -> str:
    code_ = reports.exit_code
    if code_ == 2:
        verdict = "✘ a claims file has errors"
    elif code_ == 1:
        verdict = "✘ the figures do not all add up"
    else:
        verdict = "✔ no problem fails the run"
    out = [f"## figcheck: {verdict}", "", text(reports.text()), ""]
    errors = [(report, p) for report in reports.reports for p in report.errors]
    problems = sorted(
        ((report, r) for report in reports.reports for r in report.results if r.finding),
        key=lambda item: _order(item[1], item[0]),
    )
    if errors:
        out += ["### Claims file errors", ""]
        out += [f"- {code(str(p.location))}: {text(p.message)}" for _, p in errors]
        out.append("")
    if problems:
        out += [f"### Problems ({len(problems)})", ""]
        for report, result in problems[:LIMIT]:
            out += _problem(result, report)
        if len(problems) > LIMIT:
            out.append(f"- … and {len(problems) - LIMIT} more: see the full report")
        out.append("")
    elif not errors:
        out += ["No problems: every figure checked agrees with what it is computed from.", ""]
    out += ["### Claims files", "", "| claims file | document | results |", "|---|---|---|"]
    for report in reports.reports:
        document = report.document.source or ""
        out.append(f"| {code(report.claims_path)} | {code(document)} | {text(report.text())} |")
    return "\n".join(out) + "\n"
