"""figcheck coverage: the figures a document mentions, their categories and covering claims."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from figcheck.document.coverage import Category, describe, find_mentions
from figcheck.figures.figure import Qualifier
from figcheck.figures.numbers import find_amounts
from tests.common import ESSAY_CLAIMS, EXAMPLES, ROOT, claims_file, run

Row = tuple[str, str, str]  # (as written, reads as, category)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # ordinals and labels
        ("approach to the 20th Congress of the party", [("20th", "20", "label")]),
        ("Lesson one. The variant of reforms", [("one", "1", "label")]),
        ("No. 2 2006 April/June", [("2", "2", "label"), ("2006", "2006", "year")]),
        (
            "questions:\n\n1) What made it possible\n2. What stood",
            [("1", "1", "label"), ("2", "2", "label")],
        ),
        ("see page 12 and chapter 3", [("12", "12", "label"), ("3", "3", "label")]),
        # a period, not a fraction: "the first half"; "half of them" is a share
        (
            "in the first half of 2023, and half of them left",
            [("half", "1/2", "label"), ("2023", "2023", "year"), ("half", "1/2", "quantity")],
        ),
        # open lower bounds: "hundreds of" is over 100
        (
            "a mix of hundreds of pollutants; tens of thousands of people",
            [
                ("hundreds of", "over 100", "quantity"),
                ("tens of thousands of", "over 10,000", "quantity"),
            ],
        ),
        (
            "on 2020-05-12 at noon",
            [("2020", "2020", "label"), ("05", "5", "label"), ("12", "12", "label")],
        ),
        # years and ranges of years
        (
            "In 1956, of the 12 million tons of meat",
            [("1956", "1956", "year"), ("12 million", "12,000,000", "quantity")],
        ),
        ("to start reforming socialism in 1944-45.", [("1944-45", "1944–1945", "year")]),
        ("the 1989-1991 post-industrial reforms", [("1989-1991", "1989–1991", "year")]),
        ("in the mid-1950s was", [("1950s", "1950–1959", "year")]),
        # counts
        ("there were five factors that made this decision", [("five", "5", "count")]),
        ("two colors", [("two", "2", "count")]),
        # quantities: a scale word, a percent, a share, a unit, people or goods, a qualifier
        (
            "at least 22\nmillion people were able",
            [("at least 22 million", "at least 22,000,000", "quantity")],
        ),
        ("produced over 50\npercent of all meat", [("over 50 percent", "over 50%", "quantity")]),
        ("Since about half of these members died", [("about half", "about 1/2", "quantity")]),
        ("of three contenders for leadership", [("three", "3", "quantity")]),
        (
            "a capital budget of $88 million over five years",
            [("$88 million", "88,000,000", "quantity"), ("over five", "over 5", "quantity")],
        ),
        ("an average of 2.6 people per household", [("2.6", "2.6", "quantity")]),
        ("reforms 50 years ago", [("50", "50", "quantity")]),
        ("1 year ago 32\nCity council", [("1", "1", "label"), ("32", "32", "count")]),
        ("Children under 18 made up", [("under 18", "under 18", "label")]),  # an age bracket
        ("under 18 made up", [("under 18", "under 18", "quantity")]),
        ("the 3,204 it employed", [("3,204", "3,204", "quantity")]),
        (
            "six out of the seven million members",
            [("six", "6", "quantity"), ("seven million", "7,000,000", "quantity")],
        ),
        # ranges
        (
            "between 10 and 12 million people",
            [("between 10 and 12 million", "10,000,000–12,000,000", "quantity")],
        ),
        ("from 5 to 10 percent", [("5 to 10 percent", "5–10%", "quantity")]),
        ("5-10 people were hurt", [("5-10", "5–10", "quantity")]),
    ],
)
def test_mentions_and_categories(text: str, rows: list[Row]) -> None:
    got = [(m.text, describe(m), m.category.value) for m in find_mentions(text)]
    assert got == rows


def test_a_mention_keeps_its_place_and_reading() -> None:
    text = "Heading\n\nThey said not less than\nhalf, and then 12,400 residents."
    first, second = find_mentions(text)
    assert (first.line, first.column, first.start, first.number_start) == (3, 11, 19, 33)
    assert (first.qualifier, first.value, first.form) == (Qualifier.AT_LEAST, 0.5, "fraction")
    assert (second.line, second.column, second.value, second.covered_by) == (4, 16, 12400.0, None)


def coverage_json(path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    out = run("coverage", path, "--format", "json", *extra)
    assert out.stderr == ""
    return out.exit_code, out.json()


def test_the_essay_covers_every_quantity() -> None:
    code, data = coverage_json(ESSAY_CLAIMS, "--fail-under", "100")
    assert code == 0
    assert data["summary"] == {
        "quantities": {"covered": 35, "total": 35},
        "years": {"covered": 4, "total": 14},
        "counts": {"covered": 0, "total": 9},
        "labels": {"covered": 1, "total": 15},
        "percent": 100.0,
        "fail_under": 100.0,
        "exit_code": 0,
    }
    assert data["unlocated"] == []
    covered = {
        (m["line"], m["column"], m["text"]): m["covered_by"]
        for m in data["mentions"]
        if m["category"] == "quantity"
    }
    assert len(covered) == 35
    assert covered[(46, 19, "120 million")] == "employable"
    assert covered[(46, 59, "120 million")] == "cooperative_workers"  # within its quote
    assert covered[(101, 22, "six")] == "joined_after_1941"
    assert covered[(101, 37, "seven million")] == "joined_after_1941"
    assert covered[(241, 25, "three")] == "leadership_contenders"


def test_the_essay_table_and_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = run("coverage", "--color", "never", env={"COLUMNS": "120"})
    assert out.exit_code == 0
    lines = [line.rstrip() for line in out.stdout.splitlines()]
    assert lines[0] == "A Historic Chance Missed: figures mentioned"
    assert lines[-1] == (
        "35 of 35 quantities covered (100%); also listed: 14 years (4 covered), "
        "9 counts (0 covered), 15 ordinals or labels"
    )
    row = next(line for line in lines if "at least 22 million" in line)
    assert row.split("│")[1:6] == [
        "   52 ",
        " at least 22 million      ",
        " at least 22,000,000 ",
        " quantity ",
        " self_producing           ",
    ]


@pytest.mark.parametrize(
    ("case", "summary", "unlocated", "uncovered"),
    [
        (
            "budget-summary",
            "19 of 20 quantities covered (95%); also listed: 2 years (0 covered), "
            "2 counts (1 covered); 1 quote not found",
            ["debt_service"],
            [(13, "$31.6 million")],
        ),
        (
            "census-note",
            "14 of 15 quantities covered (93.3%); also listed: 5 years (4 covered), "
            "1 count (1 covered), 1 ordinal or label",
            [],
            [(9, "5,120")],
        ),
    ],
)
def test_example_documents(
    case: str,
    summary: str,
    unlocated: list[str],
    uncovered: list[tuple[int, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(EXAMPLES / "positive" / case)
    code, data = coverage_json(Path("claims.toml"))
    assert code == 0
    assert data["unlocated"] == unlocated
    missing = [
        (m["line"], m["text"])
        for m in data["mentions"]
        if m["category"] == "quantity" and m["covered_by"] is None
    ]
    assert missing == uncovered
    table = run("coverage", "--color", "never", env={"COLUMNS": "200"})
    assert summary in table.stdout


@pytest.mark.parametrize(
    ("threshold", "code"),
    [("93.33", 0), ("93.3", 0), ("93.34", 1), ("100", 1), ("0", 0)],
)
def test_fail_under(threshold: str, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "positive" / "census-note")
    got, data = coverage_json(Path("claims.toml"), "--fail-under", threshold)
    assert got == code
    assert data["summary"]["exit_code"] == code


@pytest.mark.parametrize("threshold", ["101", "-1", "lots"])
def test_fail_under_must_be_a_percentage(threshold: str) -> None:
    out = run("coverage", ESSAY_CLAIMS, "--fail-under", threshold)
    assert out.exit_code == 2
    assert out.stdout == ""
    assert "--fail-under" in out.stderr


def test_a_document_without_quantities_is_fully_covered(tmp_path: Path) -> None:
    path = claims_file(tmp_path, "", document="In 1956 there were five factors.\n")
    code, data = coverage_json(path, "--fail-under", "100")
    assert code == 0
    assert data["summary"]["quantities"] == {"covered": 0, "total": 0}
    assert data["summary"]["percent"] == 100.0
    assert [(m["text"], m["category"]) for m in data["mentions"]] == [
        ("1956", "year"),
        ("five", "count"),
    ]


@pytest.mark.slow
def test_the_percentage_never_rounds_up_to_100(tmp_path: Path) -> None:
    figures = " ".join(f"{n} tons." for n in range(1001, 3002))  # 2001 quantities
    body = '[units]\ntons = "tonne"\n\n' + "".join(
        f'[claims.c{n}]\nquote = "{n} tons"\nvalue = "{n} tons"\n' for n in range(1001, 3001)
    )
    path = claims_file(tmp_path, body, document=figures)
    code, data = coverage_json(path, "--fail-under", "99.95")
    assert data["summary"]["quantities"] == {"covered": 2000, "total": 2001}
    assert code == 0
    assert coverage_json(path, "--fail-under", "99.96")[0] == 1
    table = run("coverage", path, "--show", "findings", "--color", "never")
    assert "2000 of 2001 quantities covered (99.9%)" in table.stdout


def test_many_rows_are_printed_as_plain_columns(tmp_path: Path) -> None:
    figures = "\n".join(f"{n} million people" for n in range(1, 602))
    path = claims_file(tmp_path, "", document=figures)
    out = run("coverage", path, "--show", "all", "--color", "never")
    lines = out.stdout.splitlines()
    assert lines[1].split() == ["line", "as", "written", "reads", "as", "category", "covered", "by"]
    assert lines[2].split() == ["1", "1", "million", "1,000,000", "quantity", "✘", "none"]
    assert lines[-1] == "0 of 601 quantities covered (0%)"
    auto = run("coverage", path, "--color", "never")
    assert auto.stdout.splitlines()[-1] == (
        "Showing only the uncovered quantities of 601 mentions; use --show all to list every one."
    )


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "coverage.json"
    out = run("coverage", ESSAY_CLAIMS, "--format", "json", "-o", target)
    assert (out.exit_code, out.stdout) == (0, "")
    assert '"quantities": {\n      "covered": 35' in target.read_text(encoding="utf-8")


def test_categories_are_the_four_documented() -> None:
    assert [c.value for c in Category] == ["quantity", "year", "count", "label"]


def test_a_number_the_reader_cannot_read_counts_against_coverage(tmp_path: Path) -> None:
    # a claim's quote holds it, but the reader could not read it: never 100 %
    long = "9" * 400
    path = claims_file(
        tmp_path,
        '[claims.sold]\nquote = "They sold 12 million cars"\nvalue = "12 million"\n',
        document=f"They sold 12 million cars and {long} bikes.\n",
    )
    code, data = coverage_json(path, "--fail-under", "100")
    assert code == 1
    assert data["summary"]["quantities"] == {"covered": 1, "total": 2}
    out = run("coverage", path, "--color", "never", env={"COLUMNS": "200"})
    assert "1 of 2 quantities covered (50%) (1 unread: not counted as covered)" in out.stdout


def test_a_guessed_reading_is_listed_and_counts_against_coverage() -> None:
    # the document writes both styles: "1,234" reads two ways, and is read as a guess
    text = "Sales were 1,234 tonnes, then 3.5 tonnes, 9,5 tonnes and 7,25 tonnes.\n"
    mentions = find_mentions(text)
    assert [(m.text, m.guess) for m in mentions] == [
        ("1,234", '"1,234" could be read with "," as a thousands mark'),
        ("3.5", ""),
        ("9,5", ""),
        ("7,25", ""),
    ]
    assert mentions[0].value == 1.234


@pytest.mark.parametrize(
    ("numbers", "first", "summary"),
    [
        (None, 1.234, "0 of 4 quantities covered (0%) (1 guessed: not counted as covered)"),
        ('"1.234,5"', 1.234, "0 of 4 quantities covered (0%)"),
        ('"1,234.5"', 1234.0, "0 of 4 quantities covered (0%)"),
    ],
)
def test_the_document_numbers_setting_decides_a_figure_that_reads_both_ways(
    tmp_path: Path, numbers: str | None, first: float, summary: str
) -> None:
    setting = f"numbers = {numbers}\n" if numbers else ""
    path = tmp_path / "claims.toml"
    (tmp_path / "doc.txt").write_text(
        "Sales were 1,234 tonnes, then 3.5 tonnes, 9,5 tonnes and 7,25 tonnes.\n",
        encoding="utf-8",
    )
    path.write_text(f'[document]\nsource = "doc.txt"\n{setting}', encoding="utf-8")
    code, data = coverage_json(path)
    assert code == 0
    assert data["mentions"][0]["value"] == first
    out = run("coverage", path, "--color", "never", env={"COLUMNS": "200"})
    assert summary in out.stdout


def test_the_document_numbers_setting_names_a_style(tmp_path: Path) -> None:
    path = claims_file(tmp_path, "", header=False)
    path.write_text('[document]\nsource = "doc.txt"\nnumbers = "1 234,5"\n', encoding="utf-8")
    out = run("coverage", path)
    assert out.exit_code == 2
    assert out.stderr == (
        f'{path}:3: [document] numbers must be "1,234.5" (a decimal point) or "1.234,5" (a '
        'decimal comma), not "1 234,5"\n'
    )


def test_unread_and_guessed_mentions_say_so() -> None:
    text = "Sales were 1,234 tonnes, then 3.5 tonnes, 9,5 tonnes and 7,25 tonnes. " + "9" * 400
    shown = [describe(m) for m in find_mentions(text)]
    assert shown == ["1.234 (a guess)", "3.5", "9.5", "7.25", "unread"]


CORPUS = ROOT / "tests" / "corpus"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            (CORPUS / "01-bls-employment-situation-2021-01.txt").read_text(encoding="utf-8") * 3,
            id="a passage three times",
        ),
        pytest.param(
            (CORPUS / "26-orjson-readme-performance.md").read_text(encoding="utf-8") * 3,
            id="a table three times",
        ),
        # contexts that repeat within the text kept for them, and differ beyond it
        pytest.param(
            "".join(
                f"{'x' * 70} saw {figure}{' ' * 70}{after}\n"
                for after in ("people.", "things.", "per 1000 births.", "per 7.")
                for figure in ("5", "6", "5 years", "5-", "5-123")
            )
            * 10
            + "".join(f"{'x' * 70} six out of the{' ' * 70}{w} seven\n" for w in ("", "1 million"))
            * 10
            + "At least 5, 6 and 7 -- 3.10, 3.11, and 3.12 version 1, 2. " * 40,
            id="contexts that differ beyond the text around them",
        ),
        # words only after a figure, its noun among the first four of them or past them
        pytest.param(
            "".join(
                f"{'x' * 70} saw {figure} {words}{' ' * gap}{noun}\n"
                for figure in ("5", "five", "one")
                for words in ("big red juicy", "big red", "big", "long-lived old ones")
                for gap in (1, 40, 70)
                for noun in ("members", "things", "tonnes")
            )
            * 10
            + "one " * 300,
            id="words only after a figure",
        ),
    ],
)
def test_repeated_contexts_read_the_same_as_each_on_its_own(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from figcheck.document import coverage

    kept = find_mentions(text)
    monkeypatch.setattr(coverage, "_MEMO_SIZE", 0)  # every figure read in full
    assert kept == find_mentions(text)
    assert len(kept) > 60


def test_a_json_row_is_written_as_json_writes_it() -> None:
    import dataclasses
    import json

    from figcheck.render import coverage_json

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))
    mentions = find_mentions(text + ' He said "12 \\ 5" at 3\u2028and 1944–45, over 50%.')
    first = mentions[0]
    odd = [
        dataclasses.replace(first, value=value, upper=upper, covered_by=by, text=written)
        for value, upper, by, written in [
            (math.inf, None, 'a"b', "∞"),
            (-math.inf, -0.0, None, "\x7f\u2028"),
            (math.nan, 1e300, "c\\d", "é"),
            (-0.0, 5e-324, "", "0"),
        ]
    ]
    assert len(mentions) > 300
    for mention in [*mentions, *odd]:
        row = coverage_json.mention_dict(mention)
        del row["line"], row["column"]
        assert coverage_json._tail(mention) == json.dumps(row, ensure_ascii=False)[1:]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # signs after letters name currencies the reader lacks: Hong Kong, New Zealand,
        # Singapore and Taiwan dollars, Brazilian reais
        ("Profit rose to HK$5 million.", "HK$5 million"),
        ("It sold for NZ$5 each.", "NZ$5"),
        ("Debt fell to S$3.2 billion.", "S$3.2 billion"),
        ("A ticket costs NT$100.", "NT$100"),
        ("O lucro foi de R$ 3,5 por ação.", "R$ 3,5"),
    ],
)
def test_a_figure_in_a_currency_the_reader_lacks_is_unread(text: str, written: str) -> None:
    [mention] = find_mentions(text)
    assert (mention.text, mention.form, mention.category) == (written, "unread", Category.QUANTITY)
    assert describe(mention) == "unread"


@pytest.mark.parametrize(
    ("text", "written", "currency"),
    [
        ("It cost US$5.", "US$5", "USD"),
        ("It cost C$5.", "C$5", "CAD"),
        ("It cost $5.", "$5", "USD"),
    ],
)
def test_a_currency_sign_the_reader_has_is_read(text: str, written: str, currency: str) -> None:
    [mention] = find_mentions(text)
    assert (mention.text, mention.form, mention.value) == (written, "digits", 5.0)
    assert find_amounts(text)[0].currency == currency


def test_every_repetition_of_an_unknown_currency_is_unread() -> None:
    # a text that repeats itself is read once a context: each copy must stay unread
    mentions = find_mentions("Each cost HK$5 and then 7 apples. " * 2_000)
    assert {(m.text, m.form) for m in mentions[::2]} == {("HK$5", "unread")}
    assert {(m.text, m.form) for m in mentions[1::2]} == {("7", "digits")}


def test_coverage_counts_an_unknown_currency_against_it(tmp_path: Path) -> None:
    path = claims_file(
        tmp_path,
        '[claims.usd]\nquote = "or US$0.64 million"\nvalue = "US$0.64 million"\n',
        document="It cost HK$5 million, or US$0.64 million.\n",
    )
    out = run("coverage", path, "--color", "never", env={"COLUMNS": "200"})
    assert out.stdout.endswith(
        "1 of 2 quantities covered (50%) (1 unread: not counted as covered)\n"
    )
    assert out.exit_code == 0


@pytest.mark.parametrize(
    ("text", "written", "currency"),
    [
        ("Het kost € 5 per dag.", "€ 5", "EUR"),
        ("It cost US$ 5 a day.", "US$ 5", "USD"),
        ("It cost us$5 a day.", "us$5", "USD"),  # a sign's letters in any case, as in a value
        ("The £\u00a03.2bn gap.", "£\u00a03.2bn", "GBP"),
    ],
)
def test_a_currency_sign_a_space_before_its_number_is_read(
    text: str, written: str, currency: str
) -> None:
    [amount] = find_amounts(text)
    assert (amount.text, amount.currency, amount.form) == (written, currency, "digits")


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "over" a year is a period: "3 per cent over 2021 and ... 2½ per cent over 2023."
        (
            "Growth of 5½ per cent over 2022, and 2½ per cent over 2023.",
            [
                ("5½ per cent", "quantity"),
                ("over 2022", "year"),
                ("2½ per cent", "quantity"),
                ("over 2023", "year"),
            ],
        ),
        ("It grew over 2021 to 2023.", [("over 2021 to 2023", "year")]),
        # a count after "over" stays one
        ("Sales rose to over 2000 people.", [("over 2000", "quantity")]),
        ("They sold over 2021 cars.", [("over 2021", "quantity")]),
    ],
)
def test_over_a_year_is_a_period(text: str, rows: list[tuple[str, str]]) -> None:
    assert [(m.text, m.category.value) for m in find_mentions(text)] == rows


def test_a_count_with_a_unit_written_against_it_is_a_quantity() -> None:
    mentions = find_mentions("It weighs 3kg, runs at 4GHz and has 3 cores.\n")
    assert [(m.text, m.category.value) for m in mentions] == [
        ("3", "quantity"),
        ("4", "quantity"),
        ("3", "count"),
    ]
