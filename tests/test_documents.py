"""Markdown and HTML documents: their text as a reader sees it, placed in the file as stored."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from figcheck.io.formats import format_of
from figcheck.io.html_text import html_text
from figcheck.io.markdown_text import markdown_text
from tests.common import EXAMPLES, run

CASES = sorted(p.name for p in (EXAMPLES / "documents").iterdir())


@pytest.mark.parametrize("case", CASES)
def test_init_drafts_the_figures_and_check_places_them_in_the_file(
    case: str, tmp_path: Path
) -> None:
    folder = EXAMPLES / "documents" / case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    document = folder / expected["document"]
    claims = tmp_path / "claims.toml"
    assert run("init", document, "--no-suggest", "-o", claims).exit_code == 0
    drafted = claims.read_text(encoding="utf-8")
    data = tomllib.loads(drafted)
    assert data["document"]["title"] == "Trial results"
    lines = dict(re.findall(r"^\[claims\.(\w+)\]  # line (\d+)$", drafted, re.M))
    assert [
        [ident, claim["value"], int(lines[ident])] for ident, claim in data["claims"].items()
    ] == [row[:3] for row in expected["draft"]]
    out = run("check", claims, "--format", "json")
    assert out.exit_code == 0
    results = out.json()["results"]
    assert [r["quote_verdict"] for r in results] == [None] * len(expected["draft"])
    assert [[r["id"], r["location"]["line"], r["location"]["column"]] for r in results] == [
        [row[0], row[3], row[4]] for row in expected["draft"]
    ]
    assert {Path(r["location"]["path"]).resolve() for r in results} == {document.resolve()}


def test_a_wrong_figure_is_annotated_on_its_markdown_line(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(
        "---\nrevision: 9\n---\n# Notes\n\nWe saw **10 apples** and\n20 pears: `x = 1`,"
        " 50 fruit in all.\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.toml").write_text(
        '[document]\nsource = "notes.md"\n\n[claims.a]\nquote = "10 apples"\nvalue = "10"\n\n'
        '[claims.b]\nquote = "20 pears"\nvalue = "20"\n\n[claims.total]\n'
        'quote = "50 fruit in all"\nvalue = "50"\nformula = "a + b"\n',
        encoding="utf-8",
    )
    out = run("check", tmp_path / "claims.toml", "--format", "github")
    assert out.exit_code == 1
    annotations = [line.split(",title=")[0] for line in out.stdout.splitlines()]
    assert annotations[:1] == [f"::error file={tmp_path / 'notes.md'},line=7,col=20"]


def test_markdown_leaves_out_code_front_matter_urls_and_images() -> None:
    source = (
        "---\nversion: 3.2\n---\n# **Model** details\n\nSee [the 2019 table](http://x.org/2021)"
        " ![fig 4](img/5.png) and `n = 6` for *7 cases*.\n\n```\n8 lines\n```\n"
    )
    read = markdown_text(source)
    assert read.text == "Model details\n\nSee the 2019 table  and  for 7 cases.\n"
    assert source[read.source_offset(read.text.index("7 cases")) :].startswith("7 cases")
    assert source[read.source_offset(read.text.index("Model")) :].startswith("Model")


def test_markdown_entities_and_superscripts() -> None:
    source = "Rates of 10<sup>-4</sup> &amp; CO<sub>2</sub> at 5&nbsp;%.\n"
    read = markdown_text(source)
    assert read.text == "Rates of 10^-4 & CO2 at 5\xa0%.\n"
    assert source[read.source_offset(read.text.index("5\xa0")) :].startswith("5&nbsp;%")
    assert source[read.source_offset(read.text.index("%")) :].startswith("%")


def test_init_drafts_a_count_and_its_share_from_one_cell(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(
        "# Deaths\n\n| outcome | intensive, no. of patients (%) | standard (%) |\n"
        "|---|---|---|\n| death, any cause | 352 (6.9) | 401 (7.9) |\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.toml"
    assert run("init", tmp_path / "d.md", "--no-suggest", "-o", claims).exit_code == 0
    data = tomllib.loads(claims.read_text(encoding="utf-8"))["claims"]
    assert {ident: (c["quote"], c["value"]) for ident, c in data.items()} == {
        "death_any_intensive": ("352 (6.9)", "352"),
        "death_any_intensive_pct": ("352 (6.9)", "6.9%"),
        "death_any_standard": ("401 (7.9)", "401"),
        "death_any_standard_pct": ("401 (7.9)", "7.9%"),
    }
    results = run("check", claims, "--format", "json").json()["results"]
    assert [
        (r["quote_verdict"], r["location"]["line"], r["location"]["column"]) for r in results
    ] == [
        (None, 5, 22),
        (None, 5, 22),
        (None, 5, 34),
        (None, 5, 34),
    ]


def test_markdown_table_rows_are_clauses_of_their_own() -> None:
    source = "| group | n (%) |\n|---|---|\n| a | 352 (6.9) |\n| b | 12 (0.2) |\n"
    read = markdown_text(source)
    assert read.text == "group | n (%)\n\na | 352 (6.9)\n\nb | 12 (0.2)\n"
    assert read.source_offset(read.text.index("12")) == source.index("12")


def test_html_leaves_out_head_scripts_navigation_comments_and_attributes() -> None:
    source = (
        "<html><head><title>Report 2</title><style>p{margin:3pt}</style></head><body>"
        '<nav>Page 4</nav><p class="x5">We saw <b>6</b> &amp; <!-- 7 -->8<br>cases.</p>'
        "<script>var n = 9;</script><footer>&copy; 2025</footer></body></html>"
    )
    read = html_text(source)
    assert read.text == "We saw 6 & 8\ncases.\n"
    assert source[read.source_offset(read.text.index("8")) :].startswith("8<br>")
    assert source[read.source_offset(read.text.index("&")) :].startswith("&amp;")


def test_the_format_is_chosen_by_suffix_unless_named() -> None:
    assert [format_of(p) for p in ("a.md", "b.MARKDOWN", "c.html", "d.htm", "e.txt", "f")] == [
        "markdown",
        "markdown",
        "html",
        "html",
        "text",
        "text",
    ]
    assert format_of("notes.txt", "markdown") == "markdown"


TABLES = EXAMPLES / "positive" / "markdown-table-checks"


def test_table_checks_are_placed_at_their_cells_in_every_ci_format(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(TABLES)
    github = run("check", "claims.toml", "--format", "github")
    assert github.exit_code == 1
    assert [line.split(",title=")[0] for line in github.stdout.splitlines()[:3]] == [
        "::error file=report.md,line=7,col=11",
        "::warning file=report.md,line=19,col=12",
        "::error file=report.md,line=19,col=26",
    ]
    assert "60 + 30 + 20 = 100 %25 fails at the stated figures" in github.stdout
    sarif = run("check", "claims.toml", "--format", "sarif").json()
    regions = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in sarif["runs"][0]["results"]
    ]
    assert regions == [7, 19, 19]
    gitlab = run("check", "claims.toml", "--format", "gitlab").json()
    assert [(f["location"]["path"], f["location"]["lines"]["begin"]) for f in gitlab] == [
        ("report.md", 7),
        ("report.md", 19),
        ("report.md", 19),
    ]
    results = run("check", "claims.toml", "--format", "json").json()["results"]
    total = next(r for r in results if r["id"] == "enrolment_patients_total")
    assert total["note"] == "patients: the rows add up to 5,100, the Total row states 5,200"
    assert total["location"] == {"path": "report.md", "line": 7, "column": 11}


def test_html_tables_have_cells_and_the_heading_above(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(
        "<h2>Deaths <em>by</em> arm</h2>\n<table>\n<tr><th>arm</th><th>n (%)</th></tr>\n"
        "<tr><td>a</td><td>3 (30)</td></tr>\n<tr><td>b</td><td>7 (20)</td></tr>\n</table>\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.toml").write_text(
        '[document]\nsource = "t.html"\n\n[[tables]]\ntable = "deaths by arm"\nshares = "(%)"\n',
        encoding="utf-8",
    )
    results = run("check", tmp_path / "claims.toml", "--format", "json").json()["results"]
    assert [(r["id"], r["verdict"], r["location"]["line"]) for r in results] == [
        ("deaths_by_arm_n_sum", "inconsistent", 3),
        ("deaths_by_arm_a_n_share", "consistent", 4),
        ("deaths_by_arm_b_n_share", "inconsistent", 5),
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'table = "Nowhere"\ntotal_row = "Total"\n',
            'claims.toml:4: [[tables]]: no table "Nowhere" in t.md (name it by the heading above'
            " it or by its number)\n",
        ),
        (
            'total_row = "Total"\n',
            'claims.toml:4: [[tables]] 1: missing table = "..." (its heading or its number)\n',
        ),
        (
            "table = 1\n",
            "claims.toml:4: [[tables]] 1: nothing to check (add total_row or shares)\n",
        ),
        (
            'table = 1\ntotal_row = "All"\n',
            'claims.toml:4: [[tables]]: table "1" has no row "All"\n',
        ),
    ],
)
def test_a_table_check_that_cannot_run_is_an_error(
    entry: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "t.md").write_text("| a | n |\n|---|---|\n| x | 1 |\n", encoding="utf-8")
    (tmp_path / "claims.toml").write_text(
        f'[document]\nsource = "t.md"\n\n[[tables]]\n{entry}', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    out = run("check", "claims.toml")
    assert (out.exit_code, out.stderr) == (2, message)


def _word_document(path: Path) -> None:
    """A Word document holding the Markdown example's figures, and a table with a bad total."""
    import docx

    document = docx.Document()
    document.add_heading("Trial results", level=1)
    paragraph = document.add_paragraph("The trial enrolled ")
    paragraph.add_run("5,100 patients").bold = True
    paragraph.add_run(" in 12 countries. Of these, 352 died within 90 days.")
    document.add_paragraph("Costs rose by 18% & more.")
    document.add_heading("Enrolment", level=2)
    rows = [
        ["arm", "patients", "share (%)"],
        ["intensive", "2,550", "50"],
        ["standard", "2,550", "50"],
        ["Total", "5,200", "100"],
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))


def test_a_word_document_is_drafted_and_placed_by_paragraph(tmp_path: Path) -> None:
    _word_document(tmp_path / "report.docx")
    claims = tmp_path / "claims.toml"
    assert run("init", tmp_path / "report.docx", "--no-suggest", "-o", claims).exit_code == 0
    data = tomllib.loads(claims.read_text(encoding="utf-8"))
    assert data["document"]["title"] == "Trial results"
    # a cell's id is its row and column labels; a share column's cells are percentages
    assert {ident: c["value"] for ident, c in data["claims"].items()} == {
        "trial_country_patients": "5,100 patients",
        "days": "90 days",
        "costs_rose_share": "18%",
        "intensive_patients": "2,550",
        "intensive_share_pct": "50%",
        "standard_patients": "2,550",
        "standard_share_pct": "50%",
        "total_patients": "5,200",
        "total_share_pct": "100%",
    }
    out = run("check", claims, "--format", "json")
    results = out.json()["results"]
    assert [r["quote_verdict"] for r in results] == [None] * 9
    # paragraphs count from 1, and each table cell is one: the heading is 1, "intensive" is 8;
    # a cell whose text is unique is its own quote, placed at the cell (5,200 is 15)
    assert [(r["location"]["line"], r["location"]["column"]) for r in results] == [
        (2, 1),
        (2, 62),
        (3, 1),
        (8, 1),
        (8, 1),
        (11, 1),
        (11, 1),
        (15, 1),
        (16, 1),
    ]


def test_a_word_table_total_is_checked_at_its_cell(tmp_path: Path) -> None:
    _word_document(tmp_path / "report.docx")
    (tmp_path / "claims.toml").write_text(
        '[document]\nsource = "report.docx"\n\n[[tables]]\ntable = "Enrolment"\n'
        'total_row = "Total"\n',
        encoding="utf-8",
    )
    out = run("check", tmp_path / "claims.toml", "--format", "github")
    assert out.exit_code == 1
    assert out.stdout.splitlines()[0].split(",title=")[0] == (
        f"::error file={tmp_path / 'report.docx'},line=15,col=1"
    )


def test_a_file_that_is_not_a_word_document_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_text("plain text\n", encoding="utf-8")
    (tmp_path / "claims.toml").write_text(
        '[document]\nsource = "report.docx"\n\n[claims.a]\nvalue = "1"\n', encoding="utf-8"
    )
    out = run("check", tmp_path / "claims.toml")
    assert out.exit_code == 2
    assert out.stderr.startswith(
        f'{tmp_path / "claims.toml"}:2: source "report.docx": is not a Word (.docx) document'
    )


def _pdf_document(path: Path) -> None:
    """A two-page PDF with the example's figures, a running header and page numbers."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for page in (1, 2):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.set_y(8)
        pdf.cell(0, 8, "Trial report 2024, interim", align="C")
        pdf.ln(14)
        if page == 1:
            pdf.set_font("helvetica", "B", 16)
            pdf.cell(0, 10, "Trial results")
            pdf.ln(14)
            pdf.set_font("helvetica", size=12)
            pdf.multi_cell(
                0,
                7,
                "The trial enrolled 5,100 patients in 12 countries.\n"
                "Of these, 352 died within 90 days.",
            )
        else:
            pdf.multi_cell(0, 7, "Costs rose by 18% & more.")
        pdf.set_y(-20)
        pdf.cell(0, 8, f"Page {page}", align="C")
    pdf.output(str(path))


@pytest.mark.slow  # pdfminer lays out every page: about a second
def test_a_pdf_is_drafted_and_placed_by_page_and_line(tmp_path: Path) -> None:
    _pdf_document(tmp_path / "report.pdf")
    claims = tmp_path / "claims.toml"
    assert run("init", tmp_path / "report.pdf", "--no-suggest", "-o", claims).exit_code == 0
    data = tomllib.loads(claims.read_text(encoding="utf-8"))
    assert data["document"]["title"] == "Trial results"
    # nothing from the running header ("2024") or the page numbers
    assert [c["value"] for c in data["claims"].values()] == ["5,100 patients", "90 days", "18%"]
    results = run("check", claims, "--format", "json").json()["results"]
    assert [r["quote_verdict"] for r in results] == [None] * 3
    pdf = str(tmp_path / "report.pdf")
    assert [r["location"] for r in results] == [
        {"path": f"{pdf}#page=1", "line": 3, "column": 1},
        {"path": f"{pdf}#page=1", "line": 4, "column": 11},
        {"path": f"{pdf}#page=2", "line": 2, "column": 1},
    ]


def test_a_file_that_is_not_a_pdf_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_text("plain text\n", encoding="utf-8")
    (tmp_path / "claims.toml").write_text(
        '[document]\nsource = "report.pdf"\n\n[claims.a]\nvalue = "1"\n', encoding="utf-8"
    )
    out = run("check", tmp_path / "claims.toml")
    assert out.exit_code == 2
    assert out.stderr.startswith(
        f'{tmp_path / "claims.toml"}:2: source "report.pdf": is not a readable PDF document'
    )


def test_the_html_report_shows_headings_and_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TABLES)
    page = run("check", "claims.toml", "--format", "html").stdout
    assert page.count('<strong class="heading">') == 3
    assert page.count('<table class="doc-table">') == 3
    assert (
        "<tr><th>arm</th><th>patients</th><th>share (%)</th></tr><tr><td>intensive</td><td>" in page
    )


def test_the_html_report_keeps_every_mark_in_a_table(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(
        "# Deaths\n\n| outcome | intensive (%) |\n|---|---|\n| death, any cause | 352 (6.9) |\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.toml"
    assert run("init", tmp_path / "d.md", "--no-suggest", "-o", claims).exit_code == 0
    page = run("check", claims, "--format", "html").stdout
    assert "<td>death, any cause</td><td>" in page
    assert page.count('class="fig ') == 2
