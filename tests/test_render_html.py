"""The annotated HTML report: highlighted figures, coverage, escaping and a well-formed page."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from figcheck.cli import build_report
from figcheck.errors import InputError
from figcheck.render import RenderOptions
from figcheck.render.html import render
from tests.reports import CLAIMS, sample_report
from tests.test_render_ci import golden

# a highlighted figure: its verdict class, its text and its symbol
_FIG = re.compile(
    r'<a class="fig v-([a-z-]+)" id="f-(\w+)"[^>]*>(.*?)'
    r'<span class="sym" aria-hidden="true">(.)</span></a>',
    re.DOTALL,
)
_PIN = re.compile(r'<a class="pin v-([a-z-]+)" id="f-(\w+)"[^>]*>(.)<span')
_UNCOVERED = re.compile(r'<span class="uncovered c-(\w+)" title="[^"]*">(.*?)</span>')
_VOID = {"meta", "br", "link", "img", "input", "hr"}


class _Balance(HTMLParser):
    """Checks that every element is closed, in order, and collects attribute names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.urls: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src"):
                self.urls.append(value or "")
            if name == "id":
                self.ids.append(value or "")
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def page(tmp_path: Path, *, located: bool = True) -> str:
    report = sample_report(tmp_path, located=located, view=True, reasons=True)
    return render(report, RenderOptions())


def test_sample_matches_golden(tmp_path: Path) -> None:
    golden("sample.html", page(tmp_path))


def test_page_is_well_formed_and_self_contained(tmp_path: Path) -> None:
    parser = _Balance()
    parser.feed(page(tmp_path))
    parser.close()
    assert (parser.errors, parser.stack) == ([], [])
    # every link stays in the page: no network assets, no external stylesheets or scripts
    assert all(url.startswith("#") for url in parser.urls)
    assert len(parser.ids) == len(set(parser.ids))
    # every in-page link has its target
    assert {url[1:] for url in parser.urls} <= set(parser.ids)


def test_claimed_figures_are_highlighted_in_their_verdict(tmp_path: Path) -> None:
    html = page(tmp_path)
    assert [m.groups() for m in _FIG.finditer(html)] == [
        ("unchecked", "apples", "10", "?"),
        ("inconsistent", "pears", "20", "✘"),
        ("consistent", "fruit", "30", "✔"),
        ("inconsistent", "sold", "95 percent", "✘"),
        ("within-rounding", "cart", "32", "≈"),
    ]
    assert [m.groups() for m in _PIN.finditer(html)] == [("figure-not-in-quote", "sheds", "¶")]
    # "4" is inside the quote "4 barns", so it counts as covered
    assert _UNCOVERED.findall(html) == [
        ("count", "7"),
        ("year", "1990"),
        ("quantity", "12 percent"),
    ]
    assert (
        "Coverage: 1 of 2 quantities covered (50%); also listed: 1 year (0 covered), "
        "6 counts (5 covered); 1 quote not found."
    ) in html


def test_without_quote_locations_quotes_are_searched_for(tmp_path: Path) -> None:
    html = page(tmp_path, located=False)
    assert [m.groups() for m in _FIG.finditer(html)] == [
        ("unchecked", "apples", "10", "?"),
        ("inconsistent", "pears", "20", "✘"),
        ("consistent", "fruit", "30", "✔"),
        ("inconsistent", "sold", "95 percent", "✘"),
        ("within-rounding", "cart", "32", "≈"),
    ]
    # the quote "4 barns" is found, the figure 7 is not in it: a pin marks the quote
    assert [m.groups() for m in _PIN.finditer(html)] == [("unchecked", "sheds", "?")]


def test_document_and_claim_text_are_escaped(tmp_path: Path) -> None:
    html = page(tmp_path)
    assert html.count("<script>") == 1  # the page's own, which only closes tooltips
    assert "&lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt; &amp; " in html
    assert "<dt>note</dt><dd>&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;</dd>" in html
    assert "<title>figcheck: Fruit &lt;b&gt;report&lt;/b&gt;</title>" in html


def test_tooltip_tells_stated_computed_formula_and_verdict(tmp_path: Path) -> None:
    html = page(tmp_path)
    tip = re.search(
        r'<span class="tip" role="tooltip" id="t-sold">(.*?</span>)</span></span>', html
    )
    assert tip is not None
    assert tip.group(1) == (
        '<span class="row"><b>sold</b> <span class="badge v-inconsistent">✘ inconsistent</span>'
        '</span><span class="row">stated: 95 percent</span>'
        '<span class="row">formula: <code>apples / fruit</code></span>'
        '<span class="row">computed: 33.3 % (30.2 – 38.6 %)</span>'
        '<span class="row">how far off: 95 % stated, 33.3 % computed: 61.7 percentage points, '
        "2.85×</span>"
    )


DOC_CASES = [
    # (document, quote, value, highlighted text)
    (
        "They had 208\nmillion people.",
        "had 208 million people",
        "208 million people",
        "208\nmillion",
    ),
    (
        "At least 22 million people were able.",
        "At least 22 million people",
        "at least 22 million people",
        "At least 22 million",
    ),
    (
        "Output was between 10 and 12 million tons.",
        "between 10 and 12 million tons",
        "between 10 and 12 million tons",
        "between 10 and 12 million",
    ),
    (
        "They spent not less than one-third of their time.",
        "spent not less than one-third of their time",
        "not less than one-third",
        "not less than one-third",
    ),
    ("It’s 50 percent now.", "It's 50 percent", "50 percent", "50 percent"),
    ("In 1956, 7 of 9 agreed.", "In 1956, 7 of 9 agreed", "7", "7"),
    (
        "The post-\nindustrial share: about\nhalf.",
        "post-industrial share: about half",
        "about half",
        "about\nhalf",
    ),
]


@pytest.mark.parametrize(("document", "quote", "value", "shown"), DOC_CASES)
def test_figure_is_found_inside_its_quote(
    tmp_path: Path, document: str, quote: str, value: str, shown: str
) -> None:
    (tmp_path / "doc.txt").write_text(document, encoding="utf-8")
    toml = textwrap.dedent(
        f"""\
        [document]
        source = "doc.txt"

        [units]
        tons = "tonne"

        [claims.x]
        quote = "{quote}"
        value = "{value}"
        """
    )
    (tmp_path / "claims.toml").write_text(toml, encoding="utf-8")
    report = build_report(tmp_path / "claims.toml", strict=False, view=True)
    html = render(report, RenderOptions())
    assert [m.group(3) for m in _FIG.finditer(html)] == [shown]


def test_a_missing_document_is_an_input_error(tmp_path: Path) -> None:
    claims = CLAIMS.replace('source = "doc.txt"', 'source = "gone.txt"')
    (tmp_path / "claims.toml").write_text(claims, encoding="utf-8")
    with pytest.raises(InputError) as err:
        build_report(tmp_path / "claims.toml", strict=False, view=True)
    assert str(err.value).endswith('claims.toml:3: source "gone.txt": no such file')


def test_no_document_still_gives_a_page(tmp_path: Path) -> None:
    report = sample_report(tmp_path)
    bare = type(report.document)(title="T", source=None, path=None)
    html = render(
        type(report)(report.claims_path, bare, report.about, report.results, report.summary),
        RenderOptions(),
    )
    assert "<p>The claims file names no document.</p>" in html
    assert _FIG.findall(html) == []


def test_the_page_is_made_from_the_report_alone(tmp_path: Path) -> None:
    """The renderer reads no file: with the document gone, the page is the same."""
    report = sample_report(tmp_path, view=True)
    before = render(report, RenderOptions())
    (tmp_path / "doc.txt").unlink()
    assert render(report, RenderOptions()) == before
    assert [m.groups()[1:3] for m in _FIG.finditer(before)] == [
        ("apples", "10"),
        ("pears", "20"),
        ("fruit", "30"),
        ("sold", "95 percent"),
        ("cart", "32"),
    ]


def test_a_report_without_a_view_shows_no_document(tmp_path: Path) -> None:
    html = render(sample_report(tmp_path), RenderOptions())
    assert "<p>The claims file names no document.</p>" in html
    assert "Coverage:" not in html
    assert _FIG.findall(html) == []


def test_the_html_report_reads_and_indexes_the_document_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotes, coverage and the page share one read and one index of the document."""
    from figcheck.check import quotes
    from figcheck.io import formats, sources

    reads: list[Path] = []
    indexes: list[str] = []
    real_read, real_init = sources.read_text, quotes.QuoteIndex.__init__

    def read(path: Path, **kwargs: Any) -> str:
        reads.append(path)
        return real_read(path, **kwargs)

    def init(
        self: quotes.QuoteIndex, text: str, path: str, origin: Any = None, **kwargs: Any
    ) -> None:
        indexes.append(path)
        real_init(self, text, path, origin, **kwargs)

    monkeypatch.setattr(formats, "read_text", read)
    monkeypatch.setattr(quotes.QuoteIndex, "__init__", init)
    sample_report(tmp_path)  # writes the document
    (tmp_path / "claims.toml").write_text(CLAIMS, encoding="utf-8")
    report = build_report(tmp_path / "claims.toml", strict=False, view=True)
    page = render(report, RenderOptions())
    assert reads == [tmp_path / "doc.txt"]
    assert indexes == [str(tmp_path / "doc.txt")]
    assert page.count('class="fig ') == 5


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "https://example.org/a?b=1&c=2",
            '<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer noopener">'
            "https://example.org/a?b=1&amp;c=2</a>",
        ),
        ("javascript:alert(1)", "javascript:alert(1)"),
    ],
)
def test_a_reference_url_is_a_link_only_when_it_is_http(
    tmp_path: Path, url: str, shown: str
) -> None:
    claims = CLAIMS.replace('source = "Market survey"', f'source = "Market survey"\nurl = "{url}"')
    html = render(sample_report(tmp_path, claims=claims, view=True), RenderOptions())
    assert f"(2024-05) {shown}</dd>" in html
    assert 'href="javascript' not in html


# -- problems first, with why and what it would take -------------------------------------------

_PROBLEM = re.compile(
    r'<li class="problem" id="pr-(\w+)"><p class="head"><span class="badge v-([a-z-]+)">'
)


def test_problems_come_first_failing_ones_first_with_their_reasons(tmp_path: Path) -> None:
    html = page(tmp_path)
    order = [html.index(f'<section id="{name}">') for name in ("summary", "problems", "audit")]
    assert order == sorted(order)
    assert html.index('<section id="problems">') < html.index('<section id="document">')
    assert [m.groups() for m in _PROBLEM.finditer(html)] == [
        ("pears", "inconsistent"),
        ("sold", "inconsistent"),
        ("too_few", "inconsistent"),
        ("barns", "quote-not-found"),
        ("sheds", "figure-not-in-quote"),
        ("cart", "within-rounding"),  # ≈ does not fail the run: after the failing ones
        ("trucks", "within-rounding"),
    ]
    problems = html[html.index('<section id="problems">') : html.index('<section id="audit">')]
    assert (
        '<p class="why">the inputs give 33.3 %, and even their loosest reading gives at most '
        "38.6 %, but the document says 95 percent (94.5 to 95.5 % as written, 94.5 to 96 % at "
        "its loosest).</p>"
    ) in problems
    assert (
        "<li>apples would need to be between 28.3 and 28.6; the document says 10</li>" in problems
    )
    assert '<p class="why">the quote was not found in the document.</p>' in problems
    # the same sentence and needs in the result's details
    details = html[html.index('<section id="details">') :]
    assert "<dt>why</dt><dd>the inputs give 30, outside what “32” states" in details
    assert "<li>pears would need to be between 21.5 and 22.5; the document says 20</li>" in (
        details
    )


def test_the_reasons_are_explains_own(tmp_path: Path) -> None:
    from figcheck.explain.explanation import explain

    report = sample_report(tmp_path, view=True, reasons=True)
    html = render(report, RenderOptions())
    for ident in ("sold", "cart", "too_few", "pears"):
        explanation = explain(report, ident)
        assert f'<p class="why">{explanation.sentence}.</p>' in html.replace("&quot;", '"')
        for need in explanation.needs:
            assert f"<li>{need.text}</li>" in html


def test_an_accepted_problem_comes_last_with_its_reason(tmp_path: Path) -> None:
    claims = CLAIMS.replace(
        'formula = "apples / fruit"\n', 'formula = "apples / fruit"\naccept = "a typo: 33"\n'
    )
    report = sample_report(tmp_path, view=True, reasons=True, claims=claims)
    html = render(report, RenderOptions())
    ids = [m.group(1) for m in _PROBLEM.finditer(html)]
    assert ids[-1] == "sold"
    assert '<p class="accepted">Accepted: a typo: 33</p>' in html


def test_a_page_of_several_claims_files_keeps_ids_unique(tmp_path: Path) -> None:
    from figcheck.check.report import Reports
    from figcheck.render.html.page import render_batch

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    one = sample_report(tmp_path / "a", view=True, reasons=True)
    two = sample_report(tmp_path / "b", view=True, reasons=True)
    html = render_batch(Reports((one, two)), RenderOptions())
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert (parser.errors, parser.stack) == ([], [])
    assert len(parser.ids) == len(set(parser.ids))
    assert {url[1:] for url in parser.urls} <= set(parser.ids)
    assert 'id="r1-pr-sold"' in html
    assert 'id="r2-pr-sold"' in html


# -- fits a phone, reads in light and dark -------------------------------------------------------


def _luminance(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_all_text_meets_4_5_to_1(scheme: str) -> None:
    from figcheck.render.html.page import COLORS, DARK_COLORS, DARK_PALETTE, PALETTE

    palette = PALETTE if scheme == "light" else DARK_PALETTE
    colors = COLORS if scheme == "light" else DARK_COLORS
    grounds = [palette["page"], palette["paper"], palette["target"]]
    for name in ("text", "dim", "link", "fails"):
        for ground in grounds:
            assert contrast(palette[name], ground) >= 4.5, (name, ground)
    for verdict, (fg, bg) in colors.items():
        assert contrast(fg, bg) >= 4.5, verdict  # a badge, a pin, a figure's symbol
        assert contrast(palette["text"], bg) >= 4.5, verdict  # a highlighted figure's text
        for ground in grounds[:2]:
            assert contrast(fg, ground) >= 4.5, verdict  # "accepted", a verdict outside a badge


def test_the_page_follows_the_dark_scheme_and_fits_a_phone(tmp_path: Path) -> None:
    html = page(tmp_path)
    assert '<meta name="color-scheme" content="light dark">' in html
    dark = html[html.index("@media (prefers-color-scheme:dark){") :]
    assert dark.startswith("@media (prefers-color-scheme:dark){:root{--text:#e6edf3;")
    assert ".v-inconsistent{--fg:#ff7b72;--bg:#3d1114}" in dark
    # no colour is written into the stylesheet but through the variables
    css = html[html.index("<style>") : html.index("</style>")]
    rules = css[css.index("\nbody{") :]
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", rules) == []
    # on a narrow screen the audit table becomes one card per result, each cell labelled
    assert "@media (max-width:40rem){" in html
    assert '<td data-label="verdict"><span class="badge v-inconsistent">' in html
