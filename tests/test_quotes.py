"""Quote verification: folding, finding quotes, the figure in the quote, and their verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.check.quotes import QuoteIndex, fold, states_figure
from figcheck.figures.figure import parse_figure
from figcheck.figures.numbers import find_amounts
from figcheck.figures.readings import read
from figcheck.figures.stated import Stated
from figcheck.figures.units import UnitTable
from tests.common import ESSAY_CLAIMS, ROOT, claims_file, run

ESSAY = ROOT / "seeds" / "a-historic-chance-missed.txt"

# Where each of the essay's quotes starts: (line, column) in seeds/a-historic-chance-missed.txt
ESSAY_LOCATIONS = {
    "population": (45, 45),
    "employable": (46, 9),
    "cooperative_workers": (46, 50),
    "home_farm_workers": (48, 55),
    "collective_farmers": (49, 44),
    "plot_time_share": (50, 36),
    "plot_equivalent": (51, 50),
    "self_producing": (52, 55),
    "meat_total": (54, 10),
    "collective_meat": (55, 1),
    "state_meat": (55, 62),
    "private_meat_share": (57, 10),
    "milk_total": (58, 22),
    "private_milk_share": (59, 12),
    "private_house_share": (64, 47),
    "independent_share": (67, 25),
    "partly_independent_share": (69, 1),
    "improving_share": (195, 55),
    "party_1956": (98, 10),
    "party_1941": (99, 24),
    "war_death_share": (100, 25),
    "joined_after_1941": (101, 22),
    "leadership_contenders": (241, 25),
    "congress_year": (7, 32),
    "essay_year": (2, 1),
    "years_since_question": (20, 1),
    "years_since_summary": (67, 1),
    "years_since_lessons": (23, 22),
}


def stated(value: str) -> Stated:
    """A claim's stated figure, read as the loader reads it."""
    figure = parse_figure(value)
    return Stated(
        text=value,
        unit=UnitTable().lookup("people" if figure.unit else ""),
        reading=read(figure),
        percent=figure.percent,
        number=figure.amount.value,
        mantissa=figure.amount.mantissa,
    )


def check_json(path: Path) -> tuple[int, dict[str, Any]]:
    out = run("check", path, "--format", "json")
    assert out.stderr == ""
    return out.exit_code, out.json()


# -- folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("at least 22\nmillion people", "at least 22 million people"),
        ("  two \t million\r\n  people  ", "two million people"),
        ("Stalin’s “thaw”", 'Stalin\'s "thaw"'),
        ("‘single’ „low“ ″double″ ′prime′", "'single' \"low\" \"double\" 'prime'"),
        ("post-\nindustrial", "post-industrial"),
        ("post-  \n   industrial", "post-industrial"),
        ("figures –\nshould", "figures – should"),  # a dash, not a broken word
        ("a -\nb", "a - b"),  # a hyphen after a space is no broken word
        ("produc\u00adtion", "production"),  # soft hyphen
        ("produc\u00ad\ntion", "production"),
        ("zero\u200bwidth", "zerowidth"),
        ("non\u00a0breaking\u2009spaces", "non breaking spaces"),
        ("plain ascii text", "plain ascii text"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


# -- finding quotes --------------------------------------------------------------------------

DOCUMENT = (
    "The post-\n"
    "industrial reforms of the produc-\n"
    "tion sector counted at least 22\n"
    "million people, and “about half” of them.\n"
    "Ten million people. Ten million people again.\n"
)


@pytest.mark.parametrize(
    ("quote", "span", "where"),
    [
        ("The post-industrial reforms", (0, 28), (1, 1)),
        ("production sector", (36, 55), (2, 27)),  # the hyphen dropped, in the second index
        ("at least 22 million people", (64, 90), (3, 21)),
        ('"about half" of them', (96, 116), (4, 21)),
        ("“about half”", (96, 108), (4, 21)),
        ("Ten million people", (118, 136), (5, 1)),  # the first of two
        ("million people again", (142, 162), (5, 25)),
    ],
)
def test_span_and_location(quote: str, span: tuple[int, int], where: tuple[int, int]) -> None:
    index = QuoteIndex(DOCUMENT, "doc.txt")
    found = index.span(quote)
    assert found == span
    assert index.line_column(span[0]) == where


@pytest.mark.parametrize(
    "quote",
    [
        "at least 22 Million people",  # case-sensitive
        "illion people",  # starts inside a word
        "post industrial",  # the hyphen is kept or dropped, never a space
        "sixty",
        "",
        "   ",
    ],
)
def test_not_found(quote: str) -> None:
    assert QuoteIndex(DOCUMENT, "doc.txt").span(quote) is None


@pytest.mark.parametrize("batched", [False, True])
def test_a_quote_does_not_start_inside_a_number_or_word(batched: bool) -> None:
    text = "In all 12,400 people and 3.400 more; then 400 people and 1,400 people came.\n"
    quotes = ["400 people and 1,400 people came", "400 people and 3.400 more; then"]
    quotes += [f"filler quote number {i} that is absent" for i in range(250)]
    index = QuoteIndex(text, "doc.txt")
    if batched:
        index.prepare(quotes)
    assert index.span(quotes[0]) == (text.index("400 people and 1,"), len(text) - 2)
    assert index.span(quotes[1]) is None  # only inside "12,400 people and 3.400 more"
    assert index.span("ople and 3.400") is None


@pytest.mark.parametrize(
    ("quote", "unique"),
    [("Ten million people", False), ("Ten million people again", True), ("absent", False)],
)
def test_unique(quote: str, unique: bool) -> None:
    assert QuoteIndex(DOCUMENT, "doc.txt").unique(quote) is unique


def test_many_quotes_are_found_in_one_pass_with_the_same_results() -> None:
    lines = [
        f"Region r{i} had {i % 97 + 3} million\npeople (in {1900 + i % 50})." for i in range(400)
    ]
    text = "\n".join(lines)
    quotes = [f"had {i % 97 + 3} million people (in {1900 + i % 50})" for i in range(400)]
    quotes += [f"r{i} had" for i in range(0, 400, 7)] + ["absent quote that is long enough"]
    one_by_one = QuoteIndex(text, "doc.txt")
    expected = [one_by_one.span(q) for q in quotes]
    batched = QuoteIndex(text, "doc.txt")
    batched.prepare(quotes)
    assert [batched.span(q) for q in quotes] == expected
    first = text.index("had 3 million")
    assert expected[0] == (first, first + len("had 3 million\npeople (in 1900)"))
    assert expected[-1] is None


WORDS = st.sampled_from(["ten", "million", "people", "post-", "half", "22", "Soviet’s", "“a”"])
SPACES = st.sampled_from([" ", "  ", "\n", " \n  ", "\t"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=30), st.data())
def test_a_slice_of_the_document_is_found_where_it_folds_the_same(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = "".join(word + space for word, space in parts)
    starts = [sum(len(w) + len(s) for w, s in parts[:i]) for i in range(len(parts))]
    start = data.draw(st.sampled_from(starts))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(text)))
    quote = text[start:end]
    index = QuoteIndex(text, "doc.txt")
    span = index.span(quote)
    if not fold(quote):
        assert span is None
        return
    assert span is not None
    found = text[span[0] : span[1]]
    # the match folds the same way, hyphens broken over a line end joined or dropped
    assert fold(found) == fold(quote) or fold(found).replace("-", "") == fold(quote).replace(
        "-", ""
    )


# -- the figure in the quote -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "value", "states"),
    [
        ("The thirty-two million members", "32 million people", True),
        ("six out of the seven million members", "6 million people", True),
        ("Since about half of these members died", "about half", True),
        ("at least 22", "at least 22 million people", True),  # scale word left out
        ("stood at 208 million people", "208,000,000 people", True),
        ("over 50\npercent of all meat", "over 50 percent", True),
        ("fell by 3 percent", "-3 percent", True),  # no minus sign needed
        ("not less than one-third of their time", "not less than one-third", True),
        ("between 10 and 12 million", "between 10 and 12 million people", True),
        ("stood at 208 thousand people", "208 million people", False),
        ("50 percent of the budget", "50 people", False),  # a percentage states a percentage
        ("the 20th Congress", "20 people", False),  # an ordinal states no amount
        ("two million worked", "three million people", False),
        ("no figure here", "5 people", False),
    ],
)
def test_states_figure(quote: str, value: str, states: bool) -> None:
    figure = stated(value)
    assert any(states_figure(a, figure) for a in find_amounts(fold(quote))) is states


@pytest.mark.parametrize(
    ("quote", "value", "figure"),
    [
        ("at least 22 million people", "at least 22 million people", (73, 83)),
        ("at least 22", "22 million people", (73, 75)),
        ("Ten million people again", "10 million people", (138, 149)),
        ('"about half" of them', "about half", (103, 107)),
        ("Ten million people again", "3 million people", None),
    ],
)
def test_match_finds_the_figure(quote: str, value: str, figure: tuple[int, int] | None) -> None:
    found = QuoteIndex(DOCUMENT, "doc.txt").match(quote, stated(value))
    assert found is not None
    got = None if found.figure_start is None else (found.figure_start, found.figure_end)
    assert got == figure


# -- figcheck check --------------------------------------------------------------------------


def test_every_essay_claim_is_quote_verified_at_its_place() -> None:
    code, data = check_json(ESSAY_CLAIMS)
    claims = [r for r in data["results"] if r["kind"] == "claim"]
    assert {r["quote_verdict"] for r in claims} == {None}
    got = {r["id"]: (r["location"]["line"], r["location"]["column"]) for r in claims}
    assert got == ESSAY_LOCATIONS
    assert {r["location"]["path"] for r in claims} == {str(ESSAY)}
    assert data["summary"]["quote-not-found"] == 0
    assert data["summary"]["figure-not-in-quote"] == 0
    assert data["summary"]["without_quote"] == 0
    # each location is where the quote's first word is
    lines = ESSAY.read_text(encoding="utf-8").splitlines()
    quotes = {r["id"]: r["quote"] for r in claims}
    for cid, (line, column) in got.items():
        assert lines[line - 1][column - 1 :].startswith(quotes[cid].split()[0]), cid
    assert code == 1  # party_1941 is inconsistent with a reference, not because of quotes


def test_the_table_shows_where_each_quote_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = run("check", "--show", "all", "--color", "never", env={"COLUMNS": "160"})
    lines = out.stdout.splitlines()
    [at] = [i for i, line in enumerate(lines) if line.startswith("│ self_producing ")]
    # the place goes under the id, on the row's second line
    assert lines[at + 1].startswith("│ a-historic-chance-missed.txt:52 ")


BODY = """
[claims.apples]
quote = "about 10 apples"
value = "10 apples"

[claims.pears]
quote = "and 20 plums"
value = "20 pears"

[claims.fruit]
quote = "30 fruit in all"
value = "31 fruit"

[claims.unquoted]
value = "10 apples"
"""
UNITS = '[units]\napples = "[fruit]"\npears = "apples"\nfruit = "apples"\n'


def test_quote_verdicts_are_shown_counted_and_fail(tmp_path: Path) -> None:
    path = claims_file(tmp_path, UNITS + BODY)
    code, data = check_json(path)
    results = {r["id"]: r for r in data["results"]}
    assert {cid: r["verdict"] for cid, r in results.items()} == {
        "apples": "unchecked",
        "pears": "quote-not-found",
        "fruit": "figure-not-in-quote",
        "unquoted": "unchecked",
    }
    assert results["apples"]["location"] == {
        "path": str(tmp_path / "doc.txt"),
        "line": 1,
        "column": 18,
    }
    assert results["pears"]["location"] is None
    assert results["fruit"]["location"] == {
        "path": str(tmp_path / "doc.txt"),
        "line": 1,
        "column": 48,
    }
    assert results["unquoted"]["location"] is None
    summary = data["summary"]
    assert (summary["quote-not-found"], summary["figure-not-in-quote"]) == (1, 1)
    assert summary["without_quote"] == 1
    assert code == 1
    table = run("check", path, "--color", "never", "--show", "all", env={"COLUMNS": "200"})
    assert table.exit_code == 1
    assert "∅ quote-not-found" in table.stdout
    assert "¶ figure-not-in-quote" in table.stdout
    assert table.stdout.rstrip().endswith(
        "4 results: 2 unchecked, 1 figure-not-in-quote, 1 quote-not-found; 1 without a quote"
    )


def test_crlf_and_bom_are_fine(tmp_path: Path) -> None:
    path = claims_file(tmp_path, UNITS + BODY)
    raw = "\ufeffFirst line.\r\nA short document about 10 apples and 20 pears, 30 fruit.\r\n"
    (tmp_path / "doc.txt").write_bytes(raw.encode("utf-8"))
    _, data = check_json(path)
    apples = next(r for r in data["results"] if r["id"] == "apples")
    assert apples["location"] == {"path": str(tmp_path / "doc.txt"), "line": 2, "column": 18}


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (None, 'source "doc.txt": no such file'),
        (b"", 'source "doc.txt": is empty'),
        (b" \n\t\n", 'source "doc.txt": is empty'),
        (b"\x00\x01binary", 'source "doc.txt": is a binary file, not text'),
        (b"caf\xe9 au lait", 'source "doc.txt": is not UTF-8 text (byte 0xe9 at line 1)'),
        ("dir", 'source "doc.txt": is a directory, not a file'),
    ],
)
@pytest.mark.parametrize("command", ["check", "coverage"])
def test_bad_documents_exit_2_naming_the_source_line(
    tmp_path: Path, write: bytes | str | None, message: str, command: str
) -> None:
    path = claims_file(tmp_path, '[claims.a]\nquote = "10 apples"\nvalue = "10 people"\n')
    doc = tmp_path / "doc.txt"
    doc.unlink()
    if write == "dir":
        doc.mkdir()
    elif isinstance(write, bytes):
        doc.write_bytes(write)
    out = run(command, path)
    assert out.exit_code == 2
    assert out.stdout == ""
    assert out.stderr == f"{path}:3: {message}\n"


def test_bad_claims_are_reported_before_the_document_is_read(tmp_path: Path) -> None:
    path = claims_file(tmp_path, '[claims.a]\nvalue = "lots"\n')
    (tmp_path / "doc.txt").unlink()
    out = run("check", path)
    assert out.exit_code == 2
    assert out.stderr.startswith(f"{path}:5: claim 'a': cannot read figure")


def test_the_location_path_is_the_source_as_the_claims_file_resolves_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    out = run("check", "claims.toml", "--format", "json")
    first = out.json()["results"][0]
    assert first["location"] == {
        "path": "seeds/a-historic-chance-missed.txt",
        "line": 45,
        "column": 45,
    }


@pytest.mark.parametrize(
    ("quote", "written", "found"),
    [
        ("some 22 million people", "22 million", True),
        ("the 12,400 residents", "400", False),
        ("about 2.5 tonnes", "2", False),
        ("twenty-two million", "two million", False),
        ("one-third of it", "one", False),
        ("in 2006.", "2006", True),
        ("1/3 of them", "1", False),
        ("(50 percent)", "50 percent", True),
        ("", "5", False),
    ],
)
def test_written_in(quote: str, written: str, found: bool) -> None:
    from figcheck.check.quotes import _written_in

    assert _written_in(quote, written) is found
