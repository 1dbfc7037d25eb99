"""figcheck explain: derivations, sentences, the number line and what it would take."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from rich.cells import cell_len

from figcheck.check.checker import check
from figcheck.claims.loader import load
from figcheck.explain.explanation import explain
from figcheck.explain.model import Bar, Explanation, NumberLine
from figcheck.explain.solver import solve
from figcheck.figures.interval import Interval
from figcheck.render.explain_text import axis_rows, draw_bar, render, tick_labels
from tests.common import ESSAY_CLAIMS, claims_file, run

ESSAY = load(ESSAY_CLAIMS, shown_as="claims.toml")
ESSAY_IDS = [c.id for c in ESSAY.claims] + [c.id for c in ESSAY.checks]
ESSAY_REPORT = check(ESSAY)

POLL_DOCUMENT = """\
Of 104 people asked, 31 people said yes:
over 50 percent, or over 100 percent of those who answered.
"""
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

[claims.yes_share]
section = "Shares"
quote = "over 50 percent"
value = "over 50 percent"
formula = "yes / asked"

[claims.answered_share]
section = "Shares"
quote = "over 100 percent of those who answered"
value = "over 100 percent"
formula = "yes / (yes + asked)"

[checks.most_said_yes]
section = "Shares"
assert = "yes >= asked"
"""


@pytest.fixture
def poll(tmp_path: Path) -> Path:
    return claims_file(tmp_path, POLL, document=POLL_DOCUMENT, header=False)


def essay(ident: str) -> Explanation:
    return explain(ESSAY_REPORT, ident)


def poll_explanation(path: Path, ident: str) -> Explanation:
    return explain(check(load(path)), ident)


# -- the essay ---------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("ident", ESSAY_IDS)
def test_every_essay_id_explains_within_80_columns(ident: str) -> None:
    out = run("explain", ident, ESSAY_CLAIMS, env={"COLUMNS": "80"})
    assert (out.exit_code, out.stderr) == (0, "")
    lines = out.stdout.splitlines()
    assert lines[0].startswith(f"{ident}  ")
    assert max(cell_len(line) for line in lines) <= 80
    assert max(len(line) for line in lines) <= 80
    assert "In short: " in out.stdout
    assert "Number line" in out.stdout


@pytest.mark.parametrize(
    ("ident", "sentence"),
    [
        (
            "plot_equivalent",
            "the inputs give 10.7 million people, outside what “10 million people” states "
            "(9.5 million to 10.5 million people), but allowing for rounding at the written "
            "digit of collective_farmers their range (10.5 million to 11.6 million people) "
            "meets it",
        ),
        (
            # the 22 million is pinned by its own formula (2 + 10 + 10 million, at most 25
            # million), so no reading reaches the 41.6 million that 20 % of 208 million needs
            "independent_share",
            "the inputs give 10.6 %, and even their loosest reading gives at most 12.05 %, but "
            "the document says 20 percent (19.5 to 20.5 % as written, 19 to 21 % at its "
            "loosest)",
        ),
        (
            "joined_after_1941",
            "the inputs give 6 million members, which lies in what “6 million members” states "
            "(5.5 million to 6.5 million members)",
        ),
        (
            "party_1941",
            "the cited 3,876,885 members lies outside even the loosest reading of “two million "
            "members” (1.5 million to 3 million members)",
        ),
        (
            "population",
            "the cited 208,826,650 people lies outside what “208 million people” states (207.5 "
            "million to 208.5 million people), but meets it allowing for truncation of the "
            "stated figure",
        ),
        (
            "essay_year",
            "the document states 2006 year, and no formula or reference checks it; it is an "
            "input to years_since_question, years_since_summary and years_since_lessons",
        ),
        (
            "parts_fit_workforce",
            "at the central figures the left side, 44 million people, is at most the right "
            "side, 120 million people",
        ),
    ],
)
def test_essay_sentences(ident: str, sentence: str) -> None:
    assert essay(ident).sentence == sentence


@pytest.mark.parametrize(
    ("ident", "needs", "note"),
    [
        (
            "plot_equivalent",
            [
                "collective_farmers would need to be between 28.5 million and 31.5 million "
                "members; the document says thirty-two million members",
                "plot_time_share would need to be between 0.297 and 0.328; the document says "
                "not less than one-third",
            ],
            None,
        ),
        (
            "independent_share",
            [
                "self_producing would need to be between 40.6 million and 42.6 million people; "
                "the document says at least 22 million people",
                "population would need to be between 107 million and 113 million people; the "
                "document says 208 million people",
            ],
            None,
        ),
        ("joined_after_1941", [], None),
        (
            "party_1941",
            [
                "to agree with the cited 2,515,481 members, the document would need to state "
                "2.52 million members",
                "to agree with the cited 3,876,885 members, the document would need to state "
                "3.88 million members",
            ],
            "no formula derives this figure, so there is no input to change",
        ),
    ],
)
def test_essay_what_it_would_take(ident: str, needs: list[str], note: str | None) -> None:
    explanation = essay(ident)
    assert [n.text for n in explanation.needs] == needs
    assert explanation.needs_note == note


def test_independent_share_derivation() -> None:
    entries = [(e.label, e.text, e.depth) for e in essay("independent_share").entries]
    assert entries[2:] == [
        ("stated", "20 percent (central figure 20 %)", 0),
        ("strict", "[19.5, 20.5] %", 0),
        ("lenient", "[19, 21] %", 0),
        ("formula", "self_producing / population", 0),
        ("input", "self_producing = at least 22 million people", 0),
        ("quote", "“at least 22 million people were able to produce for themselves”", 1),
        ("strict", "[22, ∞) million people", 1),
        ("lenient", "[21.5, ∞) million people", 1),
        (
            "pinned",
            "[21.5, 25) million people by its formula cooperative_workers + home_farm_workers "
            "+ plot_equivalent",
            1,
        ),
        ("input", "population = 208 million people", 0),
        ("quote", "“stood at 208 million people”", 1),
        ("strict", "[207.5, 208.5] million people", 1),
        ("lenient", "[207.5, 209) million people", 1),
        ("worked out", "22 million / 208 million = 10.6 %", 0),
        ("computed", "10.6 %; over the inputs' lenient readings (10.2871, 12.0482) %", 0),
        ("how far off", "20 % stated, 10.6 % computed: 9.42 percentage points, 1.89×", 0),
        ("formula", "✘ inconsistent", 0),
        ("note", ESSAY.by_id["independent_share"].note, 0),
        ("verdict", "✘ inconsistent", 0),
    ]
    assert entries[0][:2] == ("defined at", "claims.toml:133, section “Independence”")


def test_independent_share_picture() -> None:
    picture = essay("independent_share").picture
    assert picture is not None
    assert picture.unit == "%"
    assert picture.ticks == (10.0, 15.0, 20.0)
    assert [(b.label, b.lo, b.hi, b.lo_open, b.hi_open) for b in picture.bars] == [
        ("stated strict", 19.5, 20.5, False, False),
        ("stated lenient", 19.0, 21.0, False, False),
        (
            "computed",
            pytest.approx(10.287081339712918),
            pytest.approx(12.048192771084336),
            True,
            True,
        ),
    ]
    text = render(essay("independent_share"), width=80)
    picture_text = text[text.index("Number line") :].split("\n\n")[0]
    assert picture_text.splitlines() == [
        "Number line, in %",
        "  stated strict                                                    [━━●━]",
        "  stated lenient                                                 [━━━━━━━━━]",
        "  computed            (━●━━━━━━)",
        "                  ───┬───────────────────────┬────────────────────────┬─────────",
        "                    10                      15                       20",
        "  [ ] closed end   ( ) open end   ← → no bound   ● central figure",
    ]


def test_a_check_substitutes_only_the_ids_its_side_uses() -> None:
    entries = {e.label: e.text for e in essay("independence_shares_fit").entries}
    assert entries["left side"] == (
        "independent_share + partly_independent_share = 20 % + 30 % = 50 %"
    )
    assert entries["right side"] == "1 = 100 %"
    assert entries["at central"] == "50 % <= 100 %: holds"
    assert entries["loosest"] == "left side [47.5, 52.5] %; right side [100, 100] %"


def test_years_have_no_thousands_commas() -> None:
    entries = {e.label: e.text for e in essay("years_since_question").entries}
    assert entries["worked out"] == "2006 - 1956 = 50 years"


# -- a small file ------------------------------------------------------------------------------


POLL_YES_SHARE = """\
yes_share  ✘ inconsistent

defined at   claims.toml:13, section “Shares”
quote        “over 50 percent” (doc.txt:2)
stated       over 50 percent (central figure 50 %)
strict       (50, ∞) %
lenient      (49.5, ∞) %
formula      yes / asked
input        yes = 31 people
  quote      “31 people said yes” (doc.txt:1)
  strict     [30.5, 31.5] people
  lenient    [30.5, 32) people
input        asked = 104 people
  quote      “104 people asked” (doc.txt:1)
  strict     [103.5, 104.5] people
  lenient    [103.5, 105) people
worked out   31 / 104 = 29.8 %
computed     29.8 %; over the inputs' lenient readings (29.0476, 30.9179) %
how far off  over 50 percent stated, 29.8 % computed: 20.2 percentage points,
             1.68×
formula      ✘ inconsistent
verdict      ✘ inconsistent

In short: the inputs give 29.8 %, and even their loosest reading gives at most
30.92 %, but the document says over 50 percent (more than 50 % as written, more
than 49.5 % at its loosest).

Number line, in %
  stated strict                                                            (━━━→
  stated lenient                                                          (━━━━→
  computed            (━●━━)
                  ───────┬───────────┬────────────┬───────────┬────────────┬────
                        30          35           40          45           50
  [ ] closed end   ( ) open end   ← → no bound   ● central figure

What it would take
  • yes would need to be at least 52 people; the document says 31 people
  • asked would need to be at most 62 people; the document says 104 people
"""


def test_poll_full_output(poll: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(poll.parent)
    out = run("explain", "yes_share", env={"COLUMNS": "80"})
    assert (out.exit_code, out.stderr) == (0, "")
    assert out.stdout == POLL_YES_SHARE


@pytest.mark.parametrize(
    ("ident", "sentence", "needs"),
    [
        (
            "yes_share",
            "the inputs give 29.8 %, and even their loosest reading gives at most 30.92 %, but "
            "the document says over 50 percent (more than 50 % as written, more than 49.5 % at "
            "its loosest)",
            [(True, 52.0, None), (True, None, 62.0)],
        ),
        (
            "answered_share",
            "the inputs give 23 %, and even their loosest reading gives at most 23.62 %, but the "
            "document says over 100 percent (more than 100 % as written, more than 99.5 % at its "
            "loosest)",
            [(False, None, None), (False, None, None)],
        ),
        (
            "most_said_yes",
            "the left side, 31 people, should be at least the right side, 104 people, but even "
            "at their loosest readings the left side is at most 32 people and the right side "
            "at least 103.5 people",
            [(True, 104.0, None), (True, None, 31.0)],
        ),
    ],
)
def test_poll_sentences_and_needs(
    poll: Path, ident: str, sentence: str, needs: list[tuple[bool, float | None, float | None]]
) -> None:
    explanation = poll_explanation(poll, ident)
    assert explanation.sentence == sentence
    got = [
        (
            n.possible,
            None if n.lo is None else pytest.approx(n.lo, rel=1e-9),
            None if n.hi is None else pytest.approx(n.hi, rel=1e-9),
        )
        for n in explanation.needs
    ]
    assert got == needs


@pytest.mark.parametrize(
    ("ident", "texts"),
    [
        (
            "answered_share",
            [
                "no value of yes would do it, with the other inputs at their central figures; "
                "the document says 31 people",
                "no value of asked would do it, with the other inputs at their central figures; "
                "the document says 104 people",
            ],
        ),
        (
            "most_said_yes",
            [
                "yes would need to be at least 104 people; the document says 31 people",
                "asked would need to be at most 31 people; the document says 104 people",
            ],
        ),
    ],
)
def test_poll_need_texts(poll: Path, ident: str, texts: list[str]) -> None:
    assert [n.text for n in poll_explanation(poll, ident).needs] == texts


def test_consistent_and_unchecked_have_no_needs(poll: Path) -> None:
    explanation = poll_explanation(poll, "asked")
    assert explanation.needs == ()
    assert explanation.needs_note is None
    assert explanation.sentence == (
        "the document states 104 people, and no formula or reference checks it; it is an "
        "input to yes_share, answered_share and most_said_yes"
    )


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("ask", "unknown id 'ask' (did you mean \"asked\"?)\n"),
        ("yes_shares", "unknown id 'yes_shares' (did you mean \"yes_share\"?)\n"),
        ("zzz", "unknown id 'zzz'\n"),
    ],
)
def test_unknown_id(poll: Path, ident: str, message: str) -> None:
    out = run("explain", ident, poll)
    assert (out.exit_code, out.stdout, out.stderr) == (2, "", message)


def test_missing_claims_file(tmp_path: Path) -> None:
    out = run("explain", "x", tmp_path / "nope.toml")
    assert out.exit_code == 2
    assert out.stdout == ""
    assert "Traceback" not in out.stderr


# -- solving -----------------------------------------------------------------------------------


def closed(lo: float, hi: float) -> Interval:
    return Interval(lo, hi)


@pytest.mark.parametrize(
    ("name", "target", "x", "expected"),
    [
        ("double", closed(9.5, 10.5), 3.0, (4.75, 5.25)),
        ("double", Interval(20.0, math.inf, False, True), 3.0, (10.0, None)),
        ("double", Interval(-math.inf, 1.0, True, False), 3.0, (None, 0.5)),
        ("inverse", closed(0.195, 0.205), 208.0, (22 / 0.205, 22 / 0.195)),
        ("square", closed(16.0, 25.0), 10.0, (4.0, 5.0)),
        ("shifted", closed(2.0, 2.0), 7.0, (5.0, 5.0)),
    ],
)
def test_solve(
    name: str, target: Interval, x: float, expected: tuple[float | None, float | None]
) -> None:
    functions = {
        "double": lambda v: 2 * v,
        "inverse": lambda v: 22 / v,
        "square": lambda v: v * v,
        "shifted": lambda v: v - 3,
    }
    found = solve(functions[name], target, x, 1.0)
    assert found is not None
    assert [None if v is None else pytest.approx(v, rel=1e-12) for v in found] == list(expected)


@pytest.mark.parametrize(
    ("name", "target", "x"),
    [
        ("share", Interval(1.0, math.inf, True, True), 31.0),  # v / (v + 104) never exceeds 1
        ("constant", closed(5.0, 6.0), 1.0),
        ("positive", Interval(-math.inf, 0.0, True, True), 3.0),  # needs a sign change
    ],
)
def test_solve_impossible(name: str, target: Interval, x: float) -> None:
    functions = {
        "share": lambda v: v / (v + 104),
        "constant": lambda v: 3.0,
        "positive": lambda v: v,
    }
    assert solve(functions[name], target, x, 1.0) is None


# -- drawing -----------------------------------------------------------------------------------


LINE = NumberLine("people", 0.0, 10.0, (), (0.0, 5.0, 10.0))


@pytest.mark.parametrize(
    ("bar", "drawn"),
    [
        (Bar("b", "strict", 2.0, 8.0), "  [━━━━━]"),
        (Bar("b", "strict", 2.0, 8.0, True, True, 5.0), "  (━━●━━)"),
        (Bar("b", "strict", 2.0, math.inf, False, True, 2.0), "  [━━━━━━━→"),
        (Bar("b", "strict", -math.inf, 3.0, True, False), "←━━]"),
        (Bar("b", "computed", 4.0, 4.0, mark=4.0), "    ●"),
        (Bar("b", "computed", 4.0, 4.0), "    │"),
        (Bar("b", "computed", 2.1, 8.0, mark=2.1), "  [━━━━━]"),
        (Bar("b", "computed", 2.0, 8.0, mark=2.3), "  [●━━━━]"),
    ],
)
def test_draw_bar(bar: Bar, drawn: str) -> None:
    assert draw_bar(LINE, bar, 11) == drawn


def test_axis_rows() -> None:
    assert axis_rows(LINE, 21) == ("┬─────────┬─────────┬", "0         5        10")


@pytest.mark.parametrize(
    ("ticks", "labels"),
    [
        ((10.0, 15.0, 20.0), ["10", "15", "20"]),
        ((207.5, 208.0, 208.5), ["207.5", "208", "208.5"]),
        ((0.05, 0.1), ["0.05", "0.1"]),
    ],
)
def test_tick_labels(ticks: tuple[float, ...], labels: list[str]) -> None:
    assert tick_labels(ticks) == labels


EDGES = """\
[document]
source = "doc.txt"

[claims.a]
value = "10"

[claims.b]
value = "0"

[claims.ratio]
value = "5"
formula = "a / b"

[claims.distance]
value = "exactly 7"
formula = "abs(a - 20)"

[checks.above]
assert = "a - 20 > b"
"""


@pytest.mark.parametrize(
    ("ident", "sentence", "needs"),
    [
        (
            "ratio",
            "the formula is undefined at the inputs' central figures, so “5” cannot follow",
            [
                "no value of a would do it, with the other inputs at their central figures; "
                "the document says 10",
                "b would need to be between 1.82 and 2.22; the document says 0",
            ],
        ),
        (
            "distance",
            "the inputs give 10, and even their loosest reading gives at least 9, but the "
            "document says exactly 7 (exactly 7)",
            ["a would need to be 13; the document says 10"],
        ),
        (
            "above",
            "the left side, −10, should be more than the right side, 0, but even at their "
            "loosest readings the left side is at most −9 and the right side at least −1",
            [
                "a would need to be at least 20; the document says 10",
                "b would need to be at most −10; the document says 0",
            ],
        ),
    ],
)
def test_edge_cases(tmp_path: Path, ident: str, sentence: str, needs: list[str]) -> None:
    explanation = poll_explanation(claims_file(tmp_path, EDGES, header=False), ident)
    assert explanation.sentence == sentence
    assert [n.text for n in explanation.needs] == needs


def test_an_undefined_figure_draws_an_unbounded_range(tmp_path: Path) -> None:
    explanation = poll_explanation(claims_file(tmp_path, EDGES, header=False), "ratio")
    assert explanation.picture is not None
    computed = explanation.picture.bars[-1]
    assert (computed.lo, computed.hi, computed.mark) == (-math.inf, math.inf, None)
    assert draw_bar(explanation.picture, computed, 8) == "←━━━━━━→"
