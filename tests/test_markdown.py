"""The Markdown format and the audit table: exact rows, escaping, and the essay's sections."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from figcheck.check.checker import Located, check
from figcheck.check.report import Report
from figcheck.check.verdict import Verdict
from figcheck.claims.loader import parse
from figcheck.claims.model import Claim
from figcheck.errors import Location
from figcheck.render import RenderOptions, get_reporter
from figcheck.render.markdown import code, text
from figcheck.render.rows import Row, audit_rows
from tests.common import ESSAY_CLAIMS, claims_file, run, widths
from tests.test_render_ci import golden

DOCUMENT = "10 apples, 20 pears: 30 fruit.\nNot 50.\n"
CLAIMS = textwrap.dedent(
    """\
    [document]
    title = "Fruit | *stats* <b>"
    source = "doc.txt"

    [claims.apples]
    section = "Fruit_and `veg`"
    quote = "10 apples | *fresh*\\nfrom the farm"
    value = "10"

    [[claims.apples.references]]
    value = "12"
    source = "Ledger [p. 2] & notes"
    date = "2024-05"

    [claims.pears]
    section = "Fruit_and `veg`"
    quote = "20 pears, a quote that goes on and on well beyond sixty characters"
    value = "20"

    [claims.fruit]
    section = "Fruit_and `veg`"
    quote = "30 fruit"
    value = "over 35"
    formula = "apples + pears"

    [claims.total]
    quote = "Not 50"
    value = "50"
    formula = "apples + pears"

    [checks.apples_fit]
    section = "Fruit_and `veg`"
    assert = "apples <= pears"
    """
)
LINES = {"apples": 1, "pears": 1, "fruit": 1, "total": 2}


def locate(claim: Claim) -> Located:
    """A fixed stand-in for the quote locator, so the golden file does not depend on it."""
    return None, Location("doc.txt", LINES[claim.id], 1), None


def sample(tmp_path: Path) -> Report:
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    return check(parse(CLAIMS, shown="claims.toml", base=tmp_path), locate=locate)


def test_markdown_golden(tmp_path: Path) -> None:
    golden("audit.md", get_reporter("markdown")(sample(tmp_path), RenderOptions()))


def test_audit_rows(tmp_path: Path) -> None:
    rows = audit_rows(sample(tmp_path))
    assert rows == [
        (
            "Fruit_and `veg`",
            [
                Row(
                    "apples",
                    "10 apples | *fresh*\nfrom the farm",
                    1,
                    "10",
                    "",
                    "",
                    Verdict.INCONSISTENT,  # 12 is not 10 after rounding: 10 reads as [9.5, 11)
                ),
                Row(
                    "",
                    "Ledger [p. 2] & notes (2024-05)",
                    None,
                    "12",
                    "",
                    "",
                    Verdict.INCONSISTENT,
                    True,
                ),
                Row(
                    "pears",
                    "20 pears, a quote that goes on and on well beyond sixty characters",
                    1,
                    "20",
                    "",
                    "",
                    Verdict.UNCHECKED,
                ),
                Row(
                    "fruit",
                    "30 fruit",
                    1,
                    "over 35",
                    "apples + pears",
                    "30 (28.5 – 32)",
                    Verdict.INCONSISTENT,
                ),
                Row("apples_fit", "", None, "", "apples <= pears", "10 ≤ 20", Verdict.CONSISTENT),
            ],
        ),
        (
            None,
            [
                Row(
                    "total",
                    "Not 50",
                    2,
                    "50",
                    "apples + pears",
                    "30 (28.5 – 32)",
                    Verdict.INCONSISTENT,
                )
            ],
        ),
    ]


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("line one\nline two", "line one line two"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("`code`", "\\`code\\`"),
        ("[link](x) <b> &amp;", "\\[link\\](x) \\<b\\> \\&amp;"),
        ("$x$ ~s~ \\", "\\$x\\$ \\~s\\~ \\\\"),
        ("Item #", "Item \\#"),
        ("  spaced\t out  ", "spaced out"),
        ("10.7 million – ∞", "10.7 million – ∞"),
    ],
)
def test_text_escapes(raw: str, escaped: str) -> None:
    assert text(raw) == escaped


@pytest.mark.parametrize(
    ("raw", "span"),
    [
        ("a + b", "`a + b`"),
        ("a | b", "`a \\| b`"),
        ("a `b` c", "``a `b` c``"),
        ("`a`", "`` `a` ``"),
        ("", ""),
        ("a\nb", "`a b`"),
    ],
)
def test_code_spans(raw: str, span: str) -> None:
    assert code(raw) == span


def test_markdown_tables_have_one_row_shape(tmp_path: Path) -> None:
    out = get_reporter("markdown")(sample(tmp_path), RenderOptions())
    # every table line has the seven cells of the header: no stray pipe splits a cell
    for line in out.splitlines():
        if line.startswith("|"):
            cells = line.replace("\\|", "").split("|")
            assert len(cells) == 9, line


def test_essay_markdown_has_every_section() -> None:
    out = run("check", ESSAY_CLAIMS, "--format", "markdown")
    assert out.exit_code == 1
    assert out.stderr == ""
    lines = out.stdout.splitlines()
    assert lines[0] == "# A Historic Chance Missed"
    sections = [line for line in lines if line.startswith("## ")]
    assert sections == [
        "## Population and labour",
        "## Meat and milk",
        "## Independence",
        "## The party",
        "## Dates",
        "## How far off",
        "## Summary",
    ]
    far = lines[lines.index("## How far off") + 2 : lines.index("## Summary") - 1]
    assert far == [
        "- `plot_equivalent`: 10 million people stated, 10.7 million people computed: 0.667 "
        "million people, 1.07×; ≈ by rounding at the written digit of collective\\_farmers",
        "- `independent_share`: 20 % stated, 10.6 % computed: 9.42 percentage points, 1.89×",
    ]
    for heading in sections[:-2]:
        at = lines.index(heading)
        assert lines[at + 2] == "| id | quote | line | stated | formula | computed | verdict |"
    assert lines[-1] == "43 results: 22 unchecked, 16 consistent, 3 within-rounding, 2 inconsistent"
    assert (
        "| `independent_share` | “20 percent of the Soviet population were completely "
        "economi…” | 67 | 20 percent | `self_producing / population` | 10.6 % (10.3 – 12 %) "
        "| **✘ inconsistent** |"
    ) in lines
    assert (
        '| ↳ reference | Great Soviet Encyclopedia, "Eighteenth All-Union Conference… | '
        " | 3,876,885 members |  |  | **✘ inconsistent** |"
    ) in lines


POLL = """\
[document]
title = "Poll"
source = "doc.txt"

[claims.asked]
quote = "104 people asked"
value = "104 people"

[claims.yes]
quote = "31 people said yes"
value = "31 people"

[[claims.yes.references]]
value = "33 people"
source = "Second count"

[claims.yes_share]
section = "Shares"
quote = "over 50 percent"
value = "over 50 percent"
formula = "yes / asked"

[checks.most_said_yes]
section = "Shares"
assert = "yes >= asked"
"""
POLL_DOCUMENT = "Of 104 people asked, 31 people said yes:\nover 50 percent.\n"
POLL_AUDIT = """\
Audit: Poll

id / line       quote                          stated          formula → computed     verdict
────────────────────────────────────────────────────────────────────────────────────────────────────
asked           “104 people asked”             104 people                             ? unchecked
line 1

yes             “31 people said yes”           31 people                              ✘ inconsistent
line 1

  ↳             reference: Second count        33 people                              ✘ inconsistent

Shares
id / line       quote                          stated          formula → computed     verdict
────────────────────────────────────────────────────────────────────────────────────────────────────
yes_share       “over 50 percent”              over 50         yes / asked            ✘ inconsistent
line 2                                         percent         → 29.8 % (29 – 30.9
                                                               %)

most_said_yes                                                  yes >= asked           ✘ inconsistent
                                                               → 31 people ≥ 104
                                                               people

How far off
  ✘ yes_share: over 50 percent stated, 29.8 % computed: 20.2 percentage points, 1.68×

4 results: 1 unchecked, 3 inconsistent
"""


def test_audit_command(tmp_path: Path) -> None:
    path = claims_file(tmp_path, POLL, document=POLL_DOCUMENT, header=False)
    out = run("audit", path, env={"COLUMNS": "100"})
    assert (out.exit_code, out.stderr) == (0, "")
    assert out.stdout == POLL_AUDIT


@pytest.mark.parametrize("width", widths([60], [80, 100, 120, 160]))
def test_audit_essay_fits_its_width_without_breaking_an_id_or_a_figure(width: int) -> None:
    out = run("audit", ESSAY_CLAIMS, env={"COLUMNS": str(width)})
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    words = {w for line in lines for w in line.split()}
    data = run("check", ESSAY_CLAIMS, "-f", "json").json()
    for result in data["results"]:
        assert result["id"] in words, result["id"]  # whole, never folded
        stated = result["stated"]
        for token in stated["text"].split() if stated else []:
            assert any(token in w for w in words), token  # "2,515,481" never as "2,515,4"
        for ref in result["references"]:
            for token in ref["value"].split():
                assert any(token in w for w in words), token
    assert out.stdout.count("↳") == 6
