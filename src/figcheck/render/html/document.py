"""The document on the page: its text with each claimed figure marked and a tooltip."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figcheck.check.verdict import Verdict
from figcheck.render.html.markup import badge, css_class, esc

if TYPE_CHECKING:
    from figcheck.check.report import DocumentView, Mark, Result


def _tip_lines(result: Result) -> str:
    rows = [f"<b>{esc(result.id)}</b> {badge(result.verdict)}"]
    if result.stated is not None:
        rows.append(f"stated: {esc(result.stated.text)}")
    if result.formula is not None:
        rows.append(f"formula: <code>{esc(result.formula)}</code>")
    if computed := result.computed:
        rows.append(f"computed: {esc(computed)}")
    if how := result.how_far_off:
        rows.append(f"how far off: {esc(how)}")
    for ref in result.references:
        rows.append(f"reference: {esc(ref.reference.value.text)} {ref.verdict.label}")
    verdict = result.quote_verdict
    if verdict is not None and verdict is not Verdict.CONSISTENT:
        quote = esc(result.quote or "")
        rows.append(f"quote “{quote}”: {verdict.label}")
    return "".join(f'<span class="row">{row}</span>' for row in rows)


def _mark_html(mark: Mark, view: DocumentView, by_id: dict[str, Result], prefix: str) -> str:
    results = [by_id[i] for i in mark.ids]
    first = results[0]
    verdict = max(r.verdict for r in results)
    pin = mark.pin
    tip_id = f"{prefix}{'p' if pin else 't'}-{first.id}"
    tip = "".join(_tip_lines(r) for r in results)
    label = verdict.symbol if pin else esc(view.text[mark.start : mark.end])
    anchors = "".join(f'<span id="{prefix}f-{esc(r.id)}"></span>' for r in results[1:])
    kind = "pin" if pin else "fig"
    return (
        f'<span class="mark">{anchors}<a class="{kind} {css_class(verdict)}" '
        f'id="{prefix}f-{esc(first.id)}" href="#{prefix}c-{esc(first.id)}" tabindex="0" '
        f'aria-describedby="{esc(tip_id)}">{label}'
        f'<span class="sym" aria-hidden="true">{"" if pin else verdict.symbol}</span></a>'
        f'<span class="tip" role="tooltip" id="{esc(tip_id)}">{tip}</span></span>'
    )


def document_html(view: DocumentView, by_id: dict[str, Result], prefix: str = "") -> str:
    """The document's text with its marks; *prefix* keeps ids unique on a page of several."""
    text = view.text
    items = [(m.start, m.end, _mark_html(m, view, by_id, prefix)) for m in view.marks]
    for figure in view.unclaimed:
        kind = figure.category
        items.append(
            (
                figure.start,
                figure.end,
                f'<span class="uncovered c-{kind}" title="no claim covers this {kind}">'
                f"{esc(text[figure.start : figure.end])}</span>",
            )
        )
    items.sort(key=lambda item: (item[0], item[1]))
    if not (view.headings or view.tables):
        return _marked(text, items, 0, len(text))
    return _structured(view, items)


Item = tuple[int, int, str]


def _marked(text: str, items: list[Item], lo: int, hi: int) -> str:
    """text[lo:hi] escaped, with the items that lie in it."""
    out: list[str] = []
    cursor = lo
    for start, end, piece in items:
        if start < lo or end > hi:
            continue
        out.append(esc(text[cursor:start]))
        out.append(piece)
        cursor = end
    out.append(esc(text[cursor:hi]))
    return "".join(out)


def _structured(view: DocumentView, items: list[Item]) -> str:
    """The text with its headings and tables shown as such; a region that a mark crosses
    is shown as plain text, so that no mark is lost."""
    text = view.text
    Rows = tuple[tuple[tuple[int, int], ...], ...]
    regions: list[tuple[int, int, str, Rows]] = [(a, b, "h", ()) for a, b in view.headings]
    for rows in view.tables:
        cells = [c for row in rows for c in row]
        if cells:
            regions.append((cells[0][0], cells[-1][1], "t", rows))
    regions.sort(key=lambda r: r[0])
    out: list[str] = []
    cursor = 0
    for start, end, kind, rows in regions:
        crossed = any(a < start < b or a < end < b for a, b, _ in items)
        if kind == "t" and not crossed:  # a mark between cells would be lost
            spans = [c for row in rows for c in row]
            crossed = any(
                start <= a < end and not any(c <= a and b <= d for c, d in spans)
                for a, b, _ in items
            )
        if start < cursor or crossed:
            continue
        out.append(_marked(text, items, cursor, start))
        if kind == "h":
            out.append(f'<strong class="heading">{_marked(text, items, start, end)}</strong>')
        else:
            out.append(_table(text, items, rows))
        cursor = end
    out.append(_marked(text, items, cursor, len(text)))
    return "".join(out)


def _table(text: str, items: list[Item], rows: tuple[tuple[tuple[int, int], ...], ...]) -> str:
    body = []
    for i, row in enumerate(rows):
        tag = "th" if i == 0 else "td"
        cells = "".join(f"<{tag}>{_marked(text, items, a, b)}</{tag}>" for a, b in row)
        body.append(f"<tr>{cells}</tr>")
    return f'<table class="doc-table">{"".join(body)}</table>'
