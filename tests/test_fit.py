"""Terminal output that fits its width: the table keeps every verdict and cuts no word or
number; audit and coverage never split an id or a figure."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from figcheck.check.verdict import Verdict
from figcheck.render.table import fit_words
from figcheck.text import shorten_words
from tests.common import ESSAY_CLAIMS, run, widths
from tests.test_render_ci import golden

LABELS = [v.label for v in Verdict]
_BOX = re.compile(r"[│┃━─┏┓┗┛┡┩╇┳┻┼┬┴└┘┌┐╋]")


def essay(command: str, width: int, *extra: str) -> list[str]:
    out = run(command, ESSAY_CLAIMS, "--color", "never", *extra, env={"COLUMNS": str(width)})
    assert out.exit_code in (0, 1), out.stderr
    return out.stdout.splitlines()


def words_of(lines: list[str]) -> set[str]:
    return {w for line in lines for w in _BOX.sub(" ", line).split()}


def source_words() -> set[str]:
    """Every word the essay's results hold: ids, figures, formulas, places and sources."""
    data = run("check", ESSAY_CLAIMS, "-f", "json").json()
    words: set[str] = set()
    for r in data["results"]:
        words.add(r["id"])
        for text in (
            r["stated"]["text"] if r["stated"] else "",
            r["formula"] or "",
            r["computed"] or "",
            r["section"] or "",
        ):
            words.update(text.split())
        if r["location"]:
            words.add(f"{r['location']['path'].rsplit('/', 1)[-1]}:{r['location']['line']}")
            words.add(str(r["location"]["line"]))
        for ref in r["references"]:
            words.update(ref["value"].split())
            words.update(ref["source"].split())
    return words


def test_the_essay_table_at_80_columns() -> None:
    """Pinned: the 80-column table for the essay (tests/golden/essay-table-80.txt)."""
    lines = essay("check", 80)
    golden("essay-table-80.txt", "\n".join(lines) + "\n")


@pytest.mark.parametrize("width", widths([60, 100], [70, 80, 90, 120, 160]))
def test_the_table_keeps_every_verdict_and_cuts_no_word(width: int) -> None:
    lines = essay("check", width)
    assert max(cell_len(line) for line in lines) <= width
    shown = words_of(lines)
    known = source_words()
    data = run("check", ESSAY_CLAIMS, "-f", "json").json()
    text = "\n".join(lines)
    # every result's verdict, whole: as many labels as results and references
    labels = sum(text.count(label) for label in LABELS)
    assert labels == len(data["results"]) + sum(len(r["references"]) for r in data["results"])
    for r in data["results"]:
        assert r["id"] in shown, (width, r["id"])
    # a word shown is a whole word of the results, headers, labels or summary, or a source
    # shortened at a word with an ellipsis
    allowed = known | {w for label in LABELS for w in label.split()}
    allowed |= {
        "id",
        "id,",
        "and",
        "place",
        "place,",
        "verdict",
        "stated",
        "computed",
        "└",
        "reference",
        "line",
    }
    # the how-far-off and slack lines of the rows short of ✔
    for r in data["results"]:
        allowed |= set((r["off"] or "").split())
        allowed |= {w for s in r.get("slack", []) for w in f"{s['kind']} of {s['id']}".split()}
    allowed |= {"≈", "by", "the", "stated", "figure", "How", "far", "off"}
    allowed |= {f"{w};" for w in allowed} | {f"{r['id']}:" for r in data["results"]}
    allowed |= set(lines[0].split()) | set(lines[-1].split())  # the title, the summary
    allowed |= set(" ".join(lines[-2:]).split())  # a summary wrapped on two lines
    for word in shown - allowed:
        assert word.endswith("…"), (width, word)
        assert any(k.startswith(word[:-1]) for k in known), (width, word)


def test_the_table_at_80_gives_up_the_range_before_the_verdict() -> None:
    lines = essay("check", 80)
    text = "\n".join(lines)
    assert "≈ within-rounding" in text
    assert "10.7 million people" in text
    assert "(10.5 million – ∞)" not in text  # the computed range went first
    assert "line 51" in text  # the document's name before the line, next


def test_a_wide_terminal_keeps_the_full_table() -> None:
    lines = essay("check", 160)
    text = "\n".join(lines)
    assert "10.7 million people (10.5 million – ∞)" in text
    assert "a-historic-chance-missed.txt:51" in text
    assert lines[2].startswith("┃ id and place")


@pytest.mark.parametrize("width", widths([60], [80, 100]))
def test_coverage_never_splits_an_id_or_a_figure(width: int) -> None:
    lines = essay("coverage", width, "--show", "all")
    assert max(cell_len(line) for line in lines) <= width
    shown = words_of(lines)
    data = run("coverage", ESSAY_CLAIMS, "--format", "json").json()
    for mention in data["mentions"]:
        if mention["covered_by"]:
            assert mention["covered_by"] in shown, (width, mention["covered_by"])
        for word in mention["text"].split():
            assert word in shown or word.rstrip(",.;") in shown, (width, word)


def test_word_shortening() -> None:
    assert shorten_words("Central Statistical Administration of the USSR", 25) == (
        "Central Statistical…"
    )
    assert shorten_words("short", 25) == "short"
    assert fit_words("Central Statistical Administration of the USSR", 14, 2) == (
        "Central\nStatistical…"
    )
    assert fit_words("Great Soviet Encyclopedia", 30, 2) == "Great Soviet Encyclopedia"
    assert fit_words("Supercalifragilistic", 5, 2) == "…"
