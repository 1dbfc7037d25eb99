"""Bounded time and memory: hostile sizes end with a clear error or a correct answer.

Nothing here asserts a time. Real processes run under a generous timeout and in-process work
under a watchdog (tests/hostile.py), so that a hang fails the test instead of stalling CI.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from figcheck.claims.compiler import compile_formula
from figcheck.claims.tomllines import LineIndex
from figcheck.figures.interval import WHOLE, Interval, div
from figcheck.figures.numbers import find_amounts
from tests.common import ROOT, run
from tests.hostile import figcheck_process, toml_str, watchdog

pytestmark = pytest.mark.slow

HEAD = '[document]\nsource = "doc.txt"\n\n[claims.a]\nvalue = "10 people"\n\n'

# (formula, the refusal figcheck prints for it)
FORMULAS = [
    ("9**9**9", 'exponent must be a whole number between -10 and 10 (found "9**9")'),
    (
        "10**4000000 * 10**4000000",
        'exponent must be a whole number between -10 and 10 (found "4000000")',
    ),
    ("a + " * 25_000, "formula is too long (100000 characters; the limit is 10000)"),
    (
        "(" * 10_000 + "a" + ")" * 10_000,
        "formula is too long (20001 characters; the limit is 10000)",
    ),
    ("(" * 4_000 + "a" + ")" * 4_000, "formula nests brackets more than 100 levels deep"),
    ("-" * 100_000 + "a", "formula is too long (100001 characters; the limit is 10000)"),
    ("-" * 5_000 + "a", "formula has more than 100 signs in a row"),
    ("a*-(" * 100 + "a" + ")" * 100, "formula is nested more than 200 levels deep"),
    ("a" + "+a" * 4_000, "formula is too complex to parse"),
    ("1" * 5_000, "number has too many digits"),
    ("1e400 * a", "number 1e400 is too large"),
]


def write(folder: Path, claims: str, document: str = "10 people.\n") -> None:
    (folder / "doc.txt").write_text(document, encoding="utf-8")
    (folder / "claims.toml").write_text(claims, encoding="utf-8")


def test_hostile_formulas_are_refused_in_a_process(tmp_path: Path) -> None:
    claims = HEAD + "".join(
        f'[claims.f{i}]\nvalue = "1 people"\nformula = {toml_str(source)}\n\n'
        for i, (source, _) in enumerate(FORMULAS)
    )
    write(tmp_path, claims)
    done = figcheck_process("check", "claims.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"claims.toml:{7 + 4 * i}: claim 'f{i}': formula: {message}"
        for i, (_, message) in enumerate(FORMULAS)
    ]


def test_a_sum_of_500_claims_is_checked(tmp_path: Path) -> None:
    parts = "".join(f'[claims.p{i}]\nvalue = "{i} people"\n\n' for i in range(500))
    total = " + ".join(f"p{i}" for i in range(500))
    claims = f'[document]\nsource = "doc.txt"\n\n{parts}[claims.total]\nvalue = "124,750 people"\n'
    write(tmp_path, claims + f'formula = "{total}"\n')
    done = figcheck_process("check", "claims.toml", "--format", "json", cwd=tmp_path)
    assert done.stderr == ""
    assert done.returncode == 0
    result = json.loads(done.stdout)["results"][-1]
    assert (result["id"], result["verdict"], result["central"]) == ("total", "consistent", 124750.0)
    # the sum of the parts' lenient readings, [i - z, i + max(z, 1)) with z = max(1/2, min(l/2,
    # i/20)) and l the place of the last nonzero digit (10 for 10 to 90, 100 for 100 to 400, 1
    # otherwise); 0 reads as (-1, 1)
    assert result["range"] == [124271.5, 125454.0]


def chain(n: int, *, reverse: bool = False, cycle: bool = False) -> str:
    """Claims c0 .. c(n-1), each the one before plus 1: a formula chain n claims deep."""
    first = f'formula = "c{n - 1} + 1"\n' if cycle else ""
    blocks = ['[claims.c0]\nvalue = "1"\n' + first]
    blocks += [f'[claims.c{i}]\nvalue = "{i + 1}"\nformula = "c{i - 1} + 1"\n' for i in range(1, n)]
    if reverse:
        blocks.reverse()
    return '[document]\nsource = "doc.txt"\n\n' + "\n".join(blocks)


@pytest.mark.parametrize("reverse", [False, True])
def test_a_chain_10000_claims_deep_is_checked(tmp_path: Path, reverse: bool) -> None:
    write(tmp_path, chain(10_000, reverse=reverse))
    done = figcheck_process("check", "claims.toml", "--format", "json", cwd=tmp_path)
    assert done.stderr == ""
    assert done.returncode == 0
    verdicts = {r["id"]: r["verdict"] for r in json.loads(done.stdout)["results"]}
    assert len(verdicts) == 10_000
    assert verdicts.pop("c0") == "unchecked"
    assert set(verdicts.values()) == {"consistent"}


def test_explaining_the_end_of_a_deep_chain(tmp_path: Path) -> None:
    write(tmp_path, chain(10_000))
    done = figcheck_process("explain", "c9999", "claims.toml", cwd=tmp_path)
    assert done.stderr == ""
    assert done.returncode == 0
    assert done.stdout.startswith("c9999  ✔ consistent\n")


def test_a_cycle_10000_claims_long_is_one_problem(tmp_path: Path) -> None:
    write(tmp_path, chain(10_000, cycle=True))
    done = figcheck_process("check", "claims.toml", cwd=tmp_path)
    assert done.returncode == 2
    ring = " -> ".join(f"c{i}" for i in (0, *range(9_999, -1, -1)))
    assert done.stderr == f"claims.toml:4: formula cycle: {ring}\n"


def test_a_50_mb_document(tmp_path: Path) -> None:
    essay = (ROOT / "seeds" / "a-historic-chance-missed.txt").read_text(encoding="utf-8")
    copies = 50_000_000 // len(essay.encode()) + 1
    document = essay * copies + "\nThe final tally was 123,457 people in all.\n"
    assert len(document.encode()) > 50_000_000
    last_line = document.count("\n")
    claims = (
        '[document]\nsource = "doc.txt"\n\n'
        '[claims.tally]\nvalue = "123,457 people"\n'
        'quote = "The final tally was 123,457 people in all."\n\n'
        '[claims.missing]\nvalue = "5 people"\nquote = "nowhere in the document: 5 people"\n'
    )
    write(tmp_path, claims, document)
    done = figcheck_process("check", "claims.toml", "--format", "json", cwd=tmp_path)
    assert done.stderr == ""
    assert done.returncode == 1
    results = {r["id"]: r for r in json.loads(done.stdout)["results"]}
    assert results["tally"]["verdict"] == "unchecked"
    assert results["tally"]["location"] == {
        "path": "doc.txt",
        "line": last_line,
        "column": 1,
    }
    assert results["missing"]["verdict"] == "quote-not-found"


def test_division_by_a_figure_that_may_be_zero(tmp_path: Path) -> None:
    claims = (
        '[document]\nsource = "doc.txt"\n\n[claims.zero]\nvalue = "0 people"\n\n'
        '[claims.ten]\nvalue = "10 people"\n\n'
        '[claims.ratio]\nvalue = "5"\nformula = "ten / zero"\n\n'
        '[claims.inverse]\nvalue = "5 person**-1"\nformula = "zero ** -1"\n'
    )
    write(tmp_path, claims)
    done = figcheck_process("check", "claims.toml", "--format", "json", cwd=tmp_path)
    assert done.stderr == ""
    assert done.returncode == 0
    results = {r["id"]: r for r in json.loads(done.stdout)["results"]}
    for cid in ("ratio", "inverse"):
        # undefined at the central figures, unbounded on both sides over the readings: a
        # range with no bound checks nothing, so the claim is unchecked, not within rounding
        assert results[cid]["central"] is None
        assert results[cid]["range"] == [None, None]
        assert results[cid]["verdict"] == "unchecked"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Interval(1.0, 2.0), Interval(-1.0, 1.0)),
        (Interval(1.0, 2.0), Interval(0.0, 0.0)),
        (Interval(-3.0, 2.0), Interval(0.0, 5.0)),
        (Interval(1.0, 2.0), Interval(-math.inf, 0.0, True, False)),
        (Interval(-math.inf, math.inf, True, True), Interval(-1.0, 0.0)),
    ],
)
def test_division_by_a_range_holding_zero_is_unbounded(a: Interval, b: Interval) -> None:
    assert div(a, b) == WHOLE
    value, box = compile_formula("x / y").evaluate([1.0, 0.0], [a, b])
    assert math.isnan(value)
    assert box == WHOLE


# -- text that once made a regex backtrack for minutes ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x = [\n  [" + " " * 100_000 + "1],\n]\n",
        "x = [\n  [" + "] " * 50_000 + "1],\n]\n",
        "[" + " " * 100_000 + "a" + " " * 100_000 + "]\nb = 1\n",
        'x = """\n"""\n[' + " " * 100_000 + "a" + " " * 100_000 + "]\nb = 1\n",
        "a" + " ." * 50_000 + " = 1\n",
    ],
)
def test_line_index_is_linear(text: str) -> None:
    with watchdog():
        LineIndex(text).key("a", "b")


def test_numbers_in_words_are_found_in_linear_time() -> None:
    with watchdog():
        found = find_amounts("one " * 20_000 + "thirty-two")
    assert len(found) == 20_001
    assert [a.value for a in found[-2:]] == [1.0, 32.0]


def test_the_longest_number_in_words_is_read_whole() -> None:
    text = " and ".join(
        f"nine hundred and ninety-nine {scale}" for scale in ("trillion", "billion", "million")
    )
    found = find_amounts(text + " nine hundred and ninety-nine thousand nine hundred people")
    assert [a.value for a in found] == [999_999_999_999_900.0]


@pytest.mark.parametrize("columns", ["1", "7", "99999"])
@pytest.mark.parametrize(
    "args",
    [
        ["check", "claims.toml", "--show", "all"],
        ["explain", "b", "claims.toml"],
        ["audit", "claims.toml"],
        ["coverage", "claims.toml", "--show", "all"],
    ],
)
def test_any_terminal_width(
    args: list[str], columns: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    claims = HEAD + '[claims.b]\nvalue = "20 people"\nquote = "20 people"\nformula = "a * 2"\n'
    write(tmp_path, claims, "10 people and 20 people.\n")
    out = run(*args, env={"COLUMNS": columns})
    assert out.exit_code == 0, out.stderr
    assert out.stderr == ""
    assert out.stdout
