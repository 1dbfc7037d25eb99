"""A big claims file read a part at a time gives what reading it whole gives: the same claims,
checks, problems and TOML errors, and whole reading wherever a part would not read alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims import tomlread
from figcheck.claims.ids import all_valid, valid_id
from figcheck.claims.loader import parse
from figcheck.claims.model import ClaimsFile
from figcheck.errors import ProblemsError

HEAD = '[document]\nsource = "doc.txt"\n\n[units]\nmembers = "person"\n\n'


def claim(i: int, *, formula: bool = True, reference: bool = False) -> str:
    text = f'[claims.c{i}]\nquote = "line {i}"\nvalue = "{i + 1},000 members"\n'
    if formula and i:
        text += f'formula = "c{i - 1} * 2"\n'
    if reference:
        text += f'\n[[claims.c{i}.references]]\nvalue = "{i + 1},001 members"\nsource = "S"\n'
    return text + "\n"


def a_check(i: int) -> str:
    return f'[checks.k{i}]\nassert = "c{i} <= c{i + 1}"\n\n'


def shape(found: ClaimsFile) -> list[object]:
    """What a claims file holds, formulas by their source: comparable field by field."""
    claims = [
        (
            dataclasses.replace(c, formula=None),
            None if c.formula is None else c.formula.source,
        )
        for c in found.claims
    ]
    checks = [
        (dataclasses.replace(c, assertion=None), c.assertion.source)  # type: ignore[arg-type]
        for c in found.checks
    ]
    return [claims, checks, found.document, found.about, list(found.by_id)]


def outcome(text: str) -> list[object] | list[str]:
    try:
        return shape(parse(text, shown="claims.toml", base=Path()))
    except ProblemsError as err:
        return [str(p) for p in err.problems]


def both(text: str, monkeypatch: pytest.MonkeyPatch, size: int = 200) -> tuple[object, object]:
    """The outcome read whole, and read in parts of about *size* characters."""
    whole = outcome(text)
    monkeypatch.setattr(tomlread, "PART_CHARS", size)
    return whole, outcome(text)


def big(n: int = 40) -> str:
    return HEAD + "".join(
        claim(i, reference=i % 7 == 3) + (a_check(i) if i % 5 == 2 else "") for i in range(n)
    )


def test_a_big_file_is_cut_at_claim_headers() -> None:
    text = big()
    found = tomlread.parts(text, 400)
    assert found is not None
    assert all(text.startswith("[claims.c", cut) for cut in found.cuts)
    first_later = int(text[found.cuts[0] + len("[claims.c") :].split("]")[0])
    assert found.later == 40 - first_later
    assert len(found.cuts) >= len(text) // 400 // 2


def test_parts_give_the_claims_reading_whole_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    whole, in_parts = both(big(), monkeypatch)
    assert isinstance(whole, list)
    assert len(whole[0]) == 40
    assert len(whole[1]) == 8
    assert in_parts == whole


def test_small_files_and_declared_sections_are_read_whole() -> None:
    assert tomlread.parts(big(), 10**9) is None
    multiline = big() + '[claims.z]\nvalue = "1"\nnote = """two\nlines"""\n'
    assert tomlread.parts(multiline, 400) is None
    late_section = big() + '[claims]\nz = "1"\n'
    assert tomlread.parts(late_section, 400) is None
    quoted = big() + "[ 'checks' ]\n"
    assert tomlread.parts(quoted, 400) is None
    dotted = 'claims.z.value = "1"\n' + big()
    assert tomlread.parts(dotted, 400) is None
    array = big() + '[[claims]]\nvalue = "1"\n'
    assert tomlread.parts(array, 400) is None


@pytest.mark.parametrize(
    "tail",
    [
        '[settings]\nabout = "5%"\n',
        '[units]\nflurbs = "person"\n',
        '[[tables]]\ntable = 1\ntotal_row = "Total"\n',
        '  [claims.z]\nvalue = "1"\n',
        '[claims.z.extra]\nvalue = "1"\n',
        '[claims.c2.extra]\nvalue = "1"\n',
    ],
    ids=["settings", "units", "tables", "indented", "subtable", "subtable of earlier"],
)
def test_other_tables_in_a_late_part_read_as_whole(
    monkeypatch: pytest.MonkeyPatch, tail: str
) -> None:
    text = big() + tail
    assert tomlread.parts(text, 200) is not None
    whole, in_parts = both(text, monkeypatch)
    assert in_parts == whole


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        (
            claim(3),
            "claims.toml:",
        ),
        ('[claims.z]\nvalue = "1"\nvalue = "2"\n', "claims.toml:"),
        ('[claims.z]\nvalue = "1" oops\n', "claims.toml:"),
        (a_check(2), "claims.toml:"),
    ],
    ids=["claim declared twice", "key twice", "bad value", "check declared twice"],
)
def test_toml_errors_in_a_late_part_are_the_whole_files(
    monkeypatch: pytest.MonkeyPatch, tail: str, message: str
) -> None:
    whole, in_parts = both(big() + tail, monkeypatch)
    assert in_parts == whole
    assert isinstance(whole, list)
    assert len(whole) == 1
    assert isinstance(whole[0], str)
    assert whole[0].startswith(message)
    assert "invalid TOML" in whole[0]


def test_references_of_an_earlier_claim_in_a_later_part(monkeypatch: pytest.MonkeyPatch) -> None:
    """Valid TOML that no part reads alone: the file is read whole, as TOML defines it."""
    tail = '[[claims.c1.references]]\nvalue = "2,002 members"\nsource = "T"\n'
    whole, in_parts = both(big() + tail, monkeypatch)
    assert in_parts == whole
    assert isinstance(whole, list)
    by_id = dict(whole[0])
    first = next(c for c in by_id if c.id == "c1")
    assert [r.source for r in first.references] == ["T"]


def test_problems_in_late_parts_are_reported_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    tail = (
        '[claims.bad]\nvalue = "3 flurbs"\n\n[claims.c_dup]\nvalue = "1"\n\n'
        '[checks.c_dup]\nassert = "c1 <= c2"\n\n[claims.loop]\nvalue = "1"\nformula = "nope"\n'
    )
    whole, in_parts = both(big() + tail, monkeypatch)
    assert in_parts == whole
    assert isinstance(whole, list)
    assert whole == [
        "claims.toml:254: claim 'bad': unknown unit \"flurbs\" "
        "(not built in: define it in [units])",
        'claims.toml:260: duplicate id "c_dup": it is also a claim',
        "claims.toml:263: claim 'loop': unknown id 'nope' in formula",
    ]


@settings(max_examples=40, deadline=None)
@given(
    order=st.lists(
        st.sampled_from(["claim", "ref", "check", "dup", "units", "earlier ref"]),
        min_size=5,
        max_size=30,
    ),
    size=st.integers(min_value=60, max_value=600),
)
def test_any_cut_reads_as_whole(order: list[str], size: int) -> None:
    pieces = [HEAD]
    for i, kind in enumerate(order):
        if kind == "dup" and i:
            pieces.append(claim(i - 1))
        elif kind == "units":
            pieces.append('[units]\nflurbs = "person"\n\n')
        elif kind == "earlier ref" and i:
            pieces.append(f'[[claims.c{i - 1}.references]]\nvalue = "1 members"\nsource = "S"\n\n')
        else:
            pieces.append(claim(i, reference=kind == "ref", formula=i % 3 != 0))
        if kind == "check":
            pieces.append(a_check(i))
    text = "".join(pieces)
    whole = outcome(text)
    original = tomlread.PART_CHARS
    tomlread.PART_CHARS = size
    try:
        assert outcome(text) == whole
    finally:
        tomlread.PART_CHARS = original


_NAME = st.text(alphabet="abz_AZ09\n é", max_size=6) | st.sampled_from(
    ["if", "min", "abs", "None", "a\nb", "", "x1", "_a", "1a"]
)


@given(st.lists(_NAME, max_size=8, unique=True))
def test_ids_told_valid_at_once_as_one_by_one(names: list[str]) -> None:
    assert all_valid(names) == all(valid_id(name) for name in names)
