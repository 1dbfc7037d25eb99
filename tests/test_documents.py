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
