"""Hostile values: huge integers, odd floats, NUL in a path, overflowing units and bad [units]
entries are each read exactly or refused with one located line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.claims.values import toml_number
from figcheck.errors import FigcheckError
from tests.common import claims_file, run

BIG = "1" + "0" * 400  # 10**400: no float holds it


def errors(tmp_path: Path, body: str) -> list[str]:
    out = run("check", claims_file(tmp_path, body))
    assert (out.exit_code, out.stdout) == (2, "")
    return out.stderr.replace(f"{tmp_path}/", "").splitlines()


def test_huge_integers_in_every_numeric_field(tmp_path: Path) -> None:
    body = f"""\
        [settings]
        about = {BIG}

        [claims.a]
        value = {BIG}

        [claims.b]
        value = 5

        [[claims.b.references]]
        source = "x"
        value = {BIG}

        [claims.c]
        value = 9007199254740993
        """
    assert errors(tmp_path, body) == [
        'claims.toml:6: [settings]: about must be a percentage such as "10%" (0 to 99%), not '
        + "1"
        + "0" * 56
        + "...",
        "claims.toml:8: claim 'a': value is too large",
        "claims.toml:14: claim 'b': reference 1: value is too large",
        "claims.toml:18: claim 'c': value has more digits than figcheck reads exactly; write "
        'it as a string (such as "1.2e20")',
    ]


def test_an_integer_past_pythons_digit_limit_is_a_toml_error(tmp_path: Path) -> None:
    body = "[claims.a]\nvalue = 1" + "0" * 5000 + "\n"
    assert errors(tmp_path, body) == [
        "claims.toml:6: invalid TOML: a number has too many digits to read"
    ]


@pytest.mark.parametrize(
    ("value", "read"),
    [(10**16, 1e16), (2**1000, 2.0**1000), (5e-320, 5e-320), (-0.0, 0.0), (7, 7.0)],
)
def test_numbers_a_float_holds_are_read_exactly(value: float, read: float) -> None:
    assert toml_number(value) == read


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "value is not a number"),
        (float("inf"), "value is too large"),
        (-float("inf"), "value is too large"),
        (10**400, "value is too large"),
        (-(10**400), "value is too large"),
        (2**53 + 1, "value has more digits than figcheck reads exactly"),
    ],
)
def test_numbers_no_float_holds_are_refused(value: float, message: str) -> None:
    with pytest.raises(FigcheckError) as refused:
        toml_number(value)
    assert refused.value.message.startswith(message)


def test_a_subnormal_value_checks(tmp_path: Path) -> None:
    out = run("check", claims_file(tmp_path, "[claims.a]\nvalue = 5e-320\n"), "-f", "json")
    assert out.exit_code == 0, out.stderr
    assert out.json()["results"][0]["stated"]["central"] == 5e-320


def test_a_nul_in_the_source(tmp_path: Path) -> None:
    body = '[claims.a]\nvalue = "1"\n'
    path = claims_file(tmp_path, body, header=False)
    path.write_text('[document]\nsource = "doc\\u0000.txt"\n\n' + body, encoding="utf-8")
    for command in ("check", "coverage", "audit"):
        out = run(command, path)
        assert (out.exit_code, out.stderr.replace(f"{tmp_path}/", "")) == (
            2,
            'claims.toml:2: source "doc\\x00.txt": cannot read: the path holds a NUL character\n',
        )


def test_a_value_that_overflows_in_base_units(tmp_path: Path) -> None:
    body = """\
        [claims.a]
        value = "1e308 petatonne"

        [claims.b]
        value = 1e308
        unit = "petatonne"

        [claims.c]
        value = "1e300 tonne"

        [claims.r]
        value = "1"
        formula = "c / c"
        """
    assert errors(tmp_path, body) == [
        "claims.toml:5: claim 'a': value is too large: \"1e308 petatonne\" overflows in base units",
        "claims.toml:8: claim 'b': value is too large: 1e+308 petatonne overflows in base units",
    ]
    body = body.split("[claims.c]")[1]
    out = run("check", claims_file(tmp_path, "[claims.c]" + body), "-f", "json")
    assert out.exit_code == 0, out.stderr
    assert [r["verdict"] for r in out.json()["results"]] == ["unchecked", "consistent"]


def test_every_bad_units_entry_is_reported_once(tmp_path: Path) -> None:
    body = """\
        [units]
        x = "kg ** 2.5"
        y = "kg ^ 1e1"
        z = "kg ** 2"
        bad = "flurb"
        bad2 = "kg **"
        also = "x * 2"

        [claims.a]
        value = "1 z"

        [claims.b]
        value = "1 x"
        """
    hint = 'a unit is words joined by "*", "/" or "per", with powers like "**2"'
    assert errors(tmp_path, body) == [
        'claims.toml:6: [units] x: cannot read "kg ** 2.5": powers must be whole numbers from '
        '-10 to 10 (found "2.5")',
        'claims.toml:7: [units] y: cannot read "kg ^ 1e1": powers must be whole numbers from '
        '-10 to 10 (found "1e1")',
        'claims.toml:9: [units] bad: cannot read "flurb": unknown unit "flurb" (not built in: '
        "define it in [units])",
        f'claims.toml:10: [units] bad2: cannot read "kg **": unexpected "*"; {hint}',
    ]


@pytest.mark.slow
def test_a_long_unit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    unit = "kg*" * 400_000 + "kg"  # 1.2 MB; the slow tier tries 10 MB against a plain read
    body = f'[units]\nhuge = "{unit}"\n\n[claims.a]\nvalue = "1 {unit}"\n'
    shown = "kg*" * 19 + "..."
    assert errors(tmp_path, body) == [
        f'claims.toml:6: [units] huge: cannot read "{shown}": a unit is at most 1,000 '
        "characters long",
        f"claims.toml:8: claim 'a': cannot read unit \"{shown}\": a unit is at most 1,000 "
        "characters long",
    ]


REFERENCE = (
    '[claims.a]\nvalue = 5\n\n[[claims.a.references]]\nsource = "x"\nvalue = 5\ndate = "{date}"\n'
)


@pytest.mark.parametrize("date", ["2026-02-30", "0000", "2026-13", "2023-02-29"])
def test_an_impossible_reference_date_is_refused(tmp_path: Path, date: str) -> None:
    body = REFERENCE.format(date=date)
    assert errors(tmp_path, body) == [
        f"claims.toml:8: claim 'a': reference 1: date \"{date}\" does not exist"
    ]


def test_real_reference_dates_are_kept(tmp_path: Path) -> None:
    for date in ("2024-02-29", "1999", "2026-12", "0001-01-01"):
        body = REFERENCE.format(date=date)
        out = run("check", claims_file(tmp_path, body))
        assert (out.exit_code, out.stderr) == (0, ""), date


def test_a_nul_after_the_first_8_kb_makes_a_binary_file(tmp_path: Path) -> None:
    path = claims_file(tmp_path, '[claims.a]\nvalue = "1"\n', document="x" * 9000 + "\0 1\n")
    out = run("check", path)
    assert out.exit_code == 2
    assert out.stderr.endswith('source "doc.txt": is a binary file, not text\n')


def test_control_characters_reach_html_as_escapes(tmp_path: Path) -> None:
    document = "x " * 5000 + "10 people \x01\x1b[31m red\x7f end\n"
    path = claims_file(
        tmp_path, '[claims.a]\nvalue = "10"\nquote = "10 people"\n', document=document
    )
    out = run("check", path, "-f", "html")
    assert out.exit_code == 0, out.stderr
    page = out.stdout
    assert not any(ch in page for ch in "\x01\x1b\x7f")
    assert " \\x01\\x1b[" in page  # "31m" is a span of its own: a number
    assert " red\\x7f end" in page


def test_a_formula_in_fullwidth_letters_reads_as_its_ascii_form(tmp_path: Path) -> None:
    """NFKC, as Python reads names: "ａ" is "a", which names a claim, so nothing else is
    reached; the verdict is that of "a * 2"."""
    body = '[claims.a]\nvalue = "10"\n\n[claims.b]\nvalue = "20"\nformula = "ａ * 2"\n'
    out = run("check", claims_file(tmp_path, body), "-f", "json")
    assert out.exit_code == 0, out.stderr
    assert [r["verdict"] for r in out.json()["results"]] == ["unchecked", "consistent"]
