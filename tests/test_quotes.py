"""Quote verification: folding, finding quotes, the figure in the quote, and their verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.check import quotes as quotes_module
from figcheck.check.checker import check
from figcheck.check.quotes import QuoteIndex, fold, index_for, quote_states, stating_amount
from figcheck.claims.loader import load
from figcheck.figures.figure import parse_figure
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
    "veterans": (76, 52),
    "amnesty_released": (79, 1),
    "occupied_citizens": (84, 51),
    "forced_workers": (87, 17),
    "independent_people": (194, 43),
    "rural_migrants": (197, 18),
    "new_apartments": (282, 47),
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
        written=figure.amount.text,
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


@pytest.mark.parametrize("per_prefix", [0, quotes_module._CHARACTERS_PER_PREFIX])
def test_many_quotes_are_found_in_one_pass_with_the_same_results(
    per_prefix: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quotes_module, "_CHARACTERS_PER_PREFIX", per_prefix)  # 0: by regex
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


# words that start keys in several ways: repeated ("the the"), joined by "_" or digits, after
# punctuation, inside numbers ("12,400"), and with non-ASCII letters
KEY_WORDS = st.sampled_from(
    ["the", "the_", "north", "Region", "(the", "12,400", "400", "é400", "x.the", "r12.", "—", ""]
)
KEY_GAPS = st.sampled_from([" ", " ", " ", "\n", ", "])


@pytest.mark.slow
@pytest.mark.parametrize("regex", [True, False], ids=["regex", "every word"])
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(KEY_WORDS, KEY_GAPS), min_size=1, max_size=40), st.data())
def test_many_quotes_at_once_are_found_where_each_alone_is_found(
    regex: bool, parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = "".join(word + gap for word, gap in parts)
    cuts = st.integers(0, len(text))
    quotes = [text[a : a + n] for a, n in data.draw(st.lists(st.tuples(cuts, st.integers(0, 40))))]
    quotes += ["the north Region the", "north north north north"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes_module, "_MOST_PREFIXES", 2_000 if regex else 0)
        patch.setattr(quotes_module, "_CHARACTERS_PER_PREFIX", 0)  # even in a short text
        many = quotes_module._first_many(text, quotes)
    assert many == {quote: quotes_module._first(text, quote) for quote in quotes}


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
        # a scale word written in the quote must agree, whether the value is in digits or words
        ("two hundred doctors", "two", False),
        ("two hundred doctors", "200", True),
        ("3 million residents", "3", False),
        ("3 million residents", "3 million", True),
        ("3 million residents", "3,000,000", True),
        ("3 thousand residents", "3 million", False),
        # a percentage states only a percentage, with a sign, a word or two words
        ("5 percent of 40", "5", False),
        ("5 percent of 40", "40", True),
        ("5% of them", "5", False),
        ("5 % of them", "5", False),
        ("5 per cent of them", "5", False),
        ("5 per cent of them", "5 percent", True),
        # the amount the reader reads, not a piece of it
        ("the 12,400 residents", "400", False),
        ("about 2.5 tonnes", "2", False),
        ("1/3 of them", "1", False),
        ("the 1st of them", "1", False),
        ("5%2 of them", "2", False),
        ("twenty-two million", "two million", False),
    ],
)
def test_states_figure(quote: str, value: str, states: bool) -> None:
    """The one rule: the quick test (the amount as written) and the full reading agree."""
    figure = stated(value)
    folded = fold(quote)
    full = stating_amount(folded, figure.number, figure.mantissa, percent=figure.percent)
    assert (full is not None) is states
    assert (
        quote_states(
            folded,
            figure.number,
            figure.mantissa,
            percent=figure.percent,
            written=figure.written,
        )
        is states
    )


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
        ("one-third of it", "one", False),  # words are left to the reader
        ("in 2006.", "2006", True),
        ("1/3 of them", "1", False),
        ("(50 percent)", "50 percent", True),
        ("3 million residents", "3", False),
        ("5 percent of 40", "5", False),
        ("5 % of 40", "5", False),
        ("5 per cent", "5", False),
        ("3 millions", "3", False),  # "6 millions de dollars": a scale word after digits
        ("3 moments", "3", True),
        ("3 millionaires", "3", True),
        ("3rd", "3", False),
        ("5%2", "2", False),
        ("x_5", "5", False),
        ("", "5", False),
    ],
)
def test_stands_alone(quote: str, written: str, found: bool) -> None:
    from figcheck.check.quotes import _stands_alone

    assert _stands_alone(quote, written) is found


# -- one states-figure rule: what check says is what the page can place ------------------------

SCALED_DOCUMENT = """\
The clinic had two hundred doctors on its staff.
The region has 3 million residents today.
Prices rose by 5 percent of 40 in a year.
"""
SCALED_CLAIMS = """
[claims.doctors]
quote = "two hundred doctors"
value = "two"

[claims.residents]
quote = "3 million residents"
value = "3"

[claims.rise]
quote = "5 percent of 40"
value = "5"
"""


def test_a_scale_word_or_a_percent_in_the_quote_must_agree(tmp_path: Path) -> None:
    """A quote that writes "hundred", "million" or "percent" after the number does not state
    the bare number: figure-not-in-quote, located at the quote, and the figure is not placed."""
    path = claims_file(tmp_path, SCALED_CLAIMS, document=SCALED_DOCUMENT)
    claims = load(path)
    index = index_for(claims)
    report = check(claims, locate=index.locate)
    got = {}
    for r in report.results:
        assert r.quote_location is not None
        got[r.id] = (r.verdict.value, (r.quote_location.line, r.quote_location.column))
    assert got == {
        "doctors": ("figure-not-in-quote", (1, 16)),
        "residents": ("figure-not-in-quote", (2, 16)),
        "rise": ("figure-not-in-quote", (3, 16)),
    }
    assert report.exit_code == 1
    # the figure's place in the document agrees: there is none to highlight
    for claim in claims.claims:
        assert claim.quote is not None
        found = index.match(claim.quote, claim.stated)
        assert found is not None
        assert (found.figure_start, found.figure_end) == (None, None)

    code, data = check_json(path)
    assert code == 1
    assert [(r["id"], r["verdict"], r["quote_verdict"]) for r in data["results"]] == [
        ("doctors", "figure-not-in-quote", "figure-not-in-quote"),
        ("residents", "figure-not-in-quote", "figure-not-in-quote"),
        ("rise", "figure-not-in-quote", "figure-not-in-quote"),
    ]
    assert data["summary"]["figure-not-in-quote"] == 3
    table = run("check", path, "--color", "never", env={"COLUMNS": "100"})
    assert table.exit_code == 1
    rows = [line for line in table.stdout.splitlines() if "¶ figure-not-in-quote" in line]
    assert [row.split()[1] for row in rows] == ["doctors", "residents", "rise"]
    assert table.stdout.rstrip().endswith("3 results: 3 figure-not-in-quote")


def test_the_agreeing_figures_pass(tmp_path: Path) -> None:
    body = SCALED_CLAIMS.replace('"two"', '"two hundred"').replace('"3"', '"3 million"')
    body = body.replace('value = "5"', 'value = "5 percent"')
    path = claims_file(tmp_path, body, document=SCALED_DOCUMENT)
    code, data = check_json(path)
    assert [(r["id"], r["verdict"]) for r in data["results"]] == [
        ("doctors", "unchecked"),
        ("residents", "unchecked"),
        ("rise", "unchecked"),
    ]
    assert code == 0


# spellings of 22 million, with and without grouping, scale word and percent
_SCALES = {"": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9}


def _spell(n: int, scale_word: str, *, commas: bool) -> str:
    """*n* units of *scale_word* in digits, e.g. "22 million", "22,000,000"."""
    digits = f"{n:,}" if commas else str(n)
    return f"{digits} {scale_word}".strip()


_MANTISSAS = st.integers(min_value=1, max_value=999_999)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    _MANTISSAS,
    st.sampled_from(sorted(_SCALES)),
    st.sampled_from(sorted(_SCALES)),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", "people ", "of the ", "(", "about "]),
    st.sampled_from(["", " people", " of them", ".", ")", ", or"]),
)
def test_a_figure_in_any_spelling_of_its_number_is_stated(
    mantissa: int,
    value_scale: str,
    quote_scale: str,
    value_commas: bool,
    quote_commas: bool,
    before: str,
    after: str,
) -> None:
    """A quote states the figure when it writes the same number, in any grouping and with
    any scale word that keeps the number; or its number without the scale word."""
    number = mantissa * _SCALES[value_scale]
    figure = stated(_spell(mantissa, value_scale, commas=value_commas))
    # the same number written with the quote's scale word, when it divides evenly
    if number % _SCALES[quote_scale] == 0:
        same = _spell(number // _SCALES[quote_scale], quote_scale, commas=quote_commas)
        quote = f"{before}{same}{after}"
        assert _states(quote, figure), quote
    # the number without its scale word
    bare = f"{before}{_spell(mantissa, '', commas=quote_commas)}{after}"
    assert _states(bare, figure), bare


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    _MANTISSAS,
    st.sampled_from(sorted(_SCALES)),
    st.sampled_from(["thousand", "million", "billion", "percent", "%", " %", "per cent"]),
    st.booleans(),
    st.sampled_from(["", " people", " of them", "."]),
)
def test_another_scale_word_or_a_percent_is_not_stated(
    mantissa: int, value_scale: str, written_after: str, commas: bool, after: str
) -> None:
    """The figure's mantissa followed by a scale word that changes the number, or by a
    percent when the figure is no percentage, does not state it."""
    figure = stated(_spell(mantissa, value_scale, commas=commas))
    joined = "" if written_after.startswith(("%", " %")) else " "
    quote = f"{_spell(mantissa, '', commas=commas)}{joined}{written_after}{after}"
    if written_after == value_scale:
        assert _states(quote, figure), quote
    else:
        assert not _states(quote, figure), quote


_PIECES = st.sampled_from(
    [
        "22", "2", "22 million", "22,000,000", "2.2", "220", "1/2", "2nd", "two", "twenty-two",
        "million", "thousand", "hundred", "percent", "per cent", "%", "and", "a", "people",
        "of", ",", ".", "/", "-", "(", ")", "_", "x",
    ]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(_PIECES, st.sampled_from(["", " "])), max_size=8),
    st.sampled_from(["22", "2", "22 million", "22,000,000", "2.2", "220", "1/2", "2 percent"]),
)
def test_the_quick_test_accepts_only_what_the_reader_reads(
    pieces: list[tuple[str, str]], value: str
) -> None:
    """quote_states answers as the full rule does, whether or not the value's amount as
    written is found on its own: the quick test is no second rule."""
    quote = fold("".join(piece + space for piece, space in pieces))
    figure = stated(value)
    full = stating_amount(quote, figure.number, figure.mantissa, percent=figure.percent)
    quick = quote_states(
        quote, figure.number, figure.mantissa, percent=figure.percent, written=figure.written
    )
    assert quick is (full is not None), quote


def _states(quote: str, figure: Stated) -> bool:
    folded = fold(quote)
    full = stating_amount(folded, figure.number, figure.mantissa, percent=figure.percent)
    quick = quote_states(
        folded, figure.number, figure.mantissa, percent=figure.percent, written=figure.written
    )
    assert quick is (full is not None), quote
    return quick


def test_a_long_document_finds_quotes_by_word_keys_as_a_short_one_does() -> None:
    # above 50,000 characters quotes are looked up by word keys: the answers must not change
    filler = "The committee met again and agreed the minutes of the meeting. " * 900
    text = filler + "In total 12,400 residents of the county moved away. " + filler
    text += "the county moved away in 2019, and (about 5 people) said so."
    index = QuoteIndex(text, "doc.txt")
    short = QuoteIndex(text[len(filler) :], "doc.txt")
    assert len(text) > 50_000
    for quote in (
        "In total 12,400 residents of the county",
        "residents of the county moved away",
        "the county moved away",
        "(about 5 people) said so",
        "agreed the minutes of the meeting",
        "400 residents of the county moved",
        "not in the document at all",
    ):
        assert index.unique(quote) == short.unique(quote) or "minutes" in quote, quote
        found, near = index.span(quote), short.span(quote)
        assert (found is None) == (near is None), quote
    assert index.unique("In total 12,400 residents of the county")
    assert not index.unique("agreed the minutes of the meeting")
    assert index.span("400 residents of the county moved") is None  # inside "12,400"
    assert index.span("residents of the county moved away") == (
        len(filler) + 16,
        len(filler) + 50,
    )


def test_a_long_document_finds_a_quote_shorter_than_a_word_key() -> None:
    # a quote under 16 characters is looked up by keys of 4, and one under 4 searched for
    filler = "The committee met again and agreed the minutes of the meeting. " * 900
    text = filler + "In all 5 people moved away. " + filler
    index = QuoteIndex(text, "doc.txt")
    assert len(text) > 50_000
    assert index.span("5 people") == (len(filler) + 7, len(filler) + 15)
    assert index.unique("5 people")
    assert not index.unique("the meeting")
    assert index.span("6 people") is None
    assert index.span("all 5") == (len(filler) + 3, len(filler) + 8)
    assert index.unique("5")  # shorter than the shortest key: searched for
    assert not index.unique("agreed the")


def test_a_phrase_repeated_through_a_long_document_is_told_apart_further_on() -> None:
    # the places of a key held many times are told apart by the characters after it
    phrase = "The committee met again and agreed the minutes of meeting number "
    text = "".join(f"{phrase}{i}. " for i in range(1000))
    index = QuoteIndex(text, "doc.txt")
    assert len(text) > 50_000
    at = text.index(f"{phrase}617.")
    assert index.span(f"{phrase}617.") == (at, at + len(phrase) + 4)
    assert index.unique(f"{phrase}617.")
    assert not index.unique(f"{phrase}61")  # also in "611." to "619."
    assert index.span(f"{phrase}1000.") is None
    assert index.span("agreed the minutes of meeting number 999") == (
        len(text) - len(phrase) - 5 + 28,
        len(text) - 2,
    )


def test_original_span_maps_both_ends_across_folds() -> None:
    from figcheck.check.quotes import _fold

    text = "one  two co-\nop three\u00adfour  five"
    folded, _ = _fold(text, keep_hyphen=True)
    assert folded.text == "one two co-op threefour five"
    n = len(folded.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            expected = (folded.original(start), folded.original(end - 1) + 1)
            assert folded.original_span(start, end) == expected
    # "two co-op" folds a run of spaces before it and a broken hyphen inside it
    start = folded.text.index("two co-op")
    assert folded.original_span(start, start + len("two co-op")) == (5, 15)
    assert text[5:15] == "two co-\nop"
