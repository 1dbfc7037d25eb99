"""Every bad input gets located, one-line messages and exit code 2: the exact messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from figcheck.claims import tomlread
from figcheck.io import sources
from tests.common import run
from tests.hostile import watchdog

HEAD = '[document]\nsource = "doc.txt"\n'
DOCUMENT = "A document with 10 people and 20 tonnes.\n"

# (case, claims file, every line figcheck prints to stderr)
CASES: list[tuple[str, str, list[str]]] = [
    # -- TOML itself
    (
        "toml syntax",
        HEAD + '[claims.a]\nvalue = "10 people\n',
        ["claims.toml:4:19: invalid TOML: illegal character '\\n'"],
    ),
    (
        "toml key set twice",
        HEAD + '[claims.a]\nvalue = "10 people"\nvalue = "11 people"\n',
        ["claims.toml:5:20: invalid TOML: cannot overwrite a value"],
    ),
    (
        "toml table declared twice",
        HEAD + '[claims.a]\nvalue = "10 people"\n[claims.a]\nvalue = "11 people"\n',
        [
            "claims.toml:5:10: invalid TOML: [claims.a] is declared twice "
            "(each table, and so each id, may appear only once)"
        ],
    ),
    (
        "toml nested too deeply",
        "x = " + "[" * 5000 + "]" * 5000 + "\n",
        ["claims.toml:1: invalid TOML: arrays or inline tables are nested too deeply"],
    ),
    (
        "toml inline tables nested too deeply",
        HEAD + '# "[[[[ in a comment\nx = "[[[[" \ny = ' + "{a=" * 5000 + "1" + "}" * 5000 + "\n",
        ["claims.toml:5: invalid TOML: arrays or inline tables are nested too deeply"],
    ),
    # -- wrong types
    (
        "claims = 5",
        "claims = 5\n" + HEAD,
        ["claims.toml:1: [claims] must be a table, not an integer"],
    ),
    (
        "checks = [1]",
        "checks = [1]\n" + HEAD,
        ["claims.toml:1: [checks] must be a table, not an array"],
    ),
    (
        "document = 5",
        "document = 5\n",
        ["claims.toml:1: [document] must be a table, not an integer"],
    ),
    (
        "value = true",
        HEAD + "[claims.a]\nvalue = true\n",
        ["claims.toml:3: claim 'a': value must be a string or a number, not a boolean"],
    ),
    (
        "a claim that is a number",
        HEAD + "[claims]\na = 5\n",
        ["claims.toml:4: claim 'a' must be a table, not an integer"],
    ),
    (
        "formula = 5",
        HEAD + '[claims.a]\nvalue = "1"\nformula = 5\n',
        ["claims.toml:3: claim 'a': formula must be a string, not an integer"],
    ),
    (
        "source = 5",
        '[document]\nsource = 5\n[claims.a]\nvalue = "1"\n',
        ["claims.toml:2: [document]: source must be a string, not an integer"],
    ),
    (
        "references = 5",
        HEAD + '[claims.a]\nvalue = "1"\nreferences = 5\n',
        [
            "claims.toml:5: claim 'a': references must be an array of tables "
            "([[claims.a.references]]), not an integer"
        ],
    ),
    (
        "value = inf",
        HEAD + "[claims.a]\nvalue = inf\n",
        ["claims.toml:3: claim 'a': value is too large"],
    ),
    (
        "value = 1e400",
        HEAD + "[claims.a]\nvalue = 1e400\n",
        ["claims.toml:3: claim 'a': value is too large"],
    ),
    (
        "value = nan",
        HEAD + "[claims.a]\nvalue = nan\n",
        ["claims.toml:3: claim 'a': value is not a number"],
    ),
    (
        "missing value",
        HEAD + '[claims.a]\nquote = "x"\n',
        ["claims.toml:3: claim 'a': missing value (the figure as written, e.g. \"22 million\")"],
    ),
    # -- unknown keys, with "did you mean"
    (
        "unknown claim key",
        HEAD + '[claims.a]\nvalue = "1"\nformla = "2"\n',
        [
            'claims.toml:5: claim \'a\': unknown key "formla" (did you mean "formula"?); '
            "allowed keys are section, quote, value, unit, formula, suggested, note, precision, "
            "references, accept, integer"
        ],
    ),
    (
        "unknown top-level key",
        "claim = 1\n" + HEAD,
        [
            'claims.toml:1: unknown key "claim" (did you mean "claims"?); '
            "allowed keys are document, settings, units, claims, checks, tables"
        ],
    ),
    (
        "unknown document key",
        HEAD + 'titel = "x"\n',
        [
            'claims.toml:3: [document]: unknown key "titel" (did you mean "title"?); '
            "allowed keys are title, source, format, numbers"
        ],
    ),
    # -- ids
    (
        "duplicate id",
        HEAD + '[claims.a]\nvalue = "1"\n[checks.a]\nassert = "a > 0"\n',
        ['claims.toml:5: duplicate id "a": it is also a claim'],
    ),
    (
        "bad ids",
        HEAD
        + '[claims."1a"]\nvalue = "1"\n[claims.min]\nvalue = "1"\n[claims.class]\nvalue = "1"\n',
        [
            f'claims.toml:{line}: claim id "{cid}" must start with a letter and use only letters, '
            "digits and underscores, and must not be a Python keyword or min, max, abs"
            for line, cid in ((3, "1a"), (5, "min"), (7, "class"))
        ],
    ),
    (
        "unknown id in a formula",
        HEAD + '[claims.total]\nvalue = "1"\n[claims.b]\nvalue = "2"\nformula = "totl + 1"\n',
        ["claims.toml:5: claim 'b': unknown id 'totl' in formula (did you mean \"total\"?)"],
    ),
    (
        "unknown id in an assert",
        HEAD + '[claims.total]\nvalue = "1"\n[checks.c]\nassert = "totals > 0"\n',
        ["claims.toml:5: check 'c': unknown id 'totals' in formula (did you mean \"total\"?)"],
    ),
    (
        "cycle",
        HEAD + '[claims.a]\nvalue = "1"\nformula = "b"\n[claims.b]\nvalue = "1"\nformula = "a"\n',
        ["claims.toml:3: formula cycle: a -> b -> a"],
    ),
    (
        "a claim in its own formula",
        HEAD + '[claims.a]\nvalue = "1"\nformula = "a + 1"\n',
        ["claims.toml:3: formula cycle: a -> a"],
    ),
    # -- units
    (
        "unit mismatch",
        HEAD
        + '[claims.a]\nvalue = "10 people"\n[claims.b]\nvalue = "20 tonnes"\nformula = "a * 2"\n',
        ["claims.toml:5: claim 'b': formula gives [person] but the value is [mass]"],
    ),
    (
        "adding different units",
        HEAD
        + '[claims.a]\nvalue = "10 people"\n[claims.b]\nvalue = "20 tonnes"\n'
        + '[claims.c]\nvalue = "30 people"\nformula = "a + b"\n',
        ["claims.toml:7: claim 'c': formula adds [mass] to [person]"],
    ),
    (
        "comparing different units",
        HEAD + '[claims.a]\nvalue = "10 people"\n[claims.b]\nvalue = "20 tonnes"\n'
        '[checks.c]\nassert = "a < b"\n',
        ["claims.toml:7: check 'c': assertion compares [person] with [mass]"],
    ),
    (
        "ambiguous unit",
        HEAD + '[claims.a]\nvalue = "10 tons"\n',
        [
            "claims.toml:3: claim 'a': ambiguous unit \"tons\": map it in [units], e.g. "
            'tons = "tonne" (metric) or tons = "907.18474 kg" (short)'
        ],
    ),
    (
        "unknown unit",
        HEAD + '[claims.a]\nvalue = "10 peeple"\n',
        ['claims.toml:3: claim \'a\': unknown unit "peeple" (did you mean "people"?)'],
    ),
    (
        "precision in another unit",
        HEAD + '[claims.a]\nvalue = "10 people"\nprecision = "1 tonne"\n',
        ["claims.toml:3: claim 'a': precision is [mass] but the value is [person]"],
    ),
    (
        "brackets nested too deeply in a unit",
        HEAD + '[claims.a]\nvalue = "1 ' + "(" * 30 + "kg" + ")" * 30 + '"\n',
        [
            "claims.toml:3: claim 'a': cannot read unit \""
            + "(" * 30
            + "kg"
            + ")" * 25
            + '...": brackets are nested more than 20 levels deep'
        ],
    ),
    (
        "a huge unit exponent",
        HEAD + '[claims.a]\nvalue = "1 kg**' + "9" * 900 + '"\n',
        [
            "claims.toml:3: claim 'a': cannot read unit \"kg**"
            + "9" * 53
            + '...": powers must be whole numbers from -10 to 10'
        ],
    ),
    (
        "a unit too long to read",
        HEAD + '[claims.a]\nvalue = "1 kg**' + "9" * 5000 + '"\n',
        [
            "claims.toml:3: claim 'a': cannot read unit \"kg**"
            + "9" * 53
            + '...": a unit is at most 1,000 characters long'
        ],
    ),
    (
        "a unit of three hundred words",
        HEAD + '[claims.a]\nvalue = "1 ' + "kg " * 300 + '"\n',
        [
            "claims.toml:3: claim 'a': cannot read unit \""
            + "kg " * 18
            + 'kg...": a unit has at most 100 words, numbers and signs'
        ],
    ),
    # -- figures
    (
        "no figure",
        HEAD + '[claims.a]\nvalue = "lots"\n',
        [
            "claims.toml:3: claim 'a': cannot read figure \"lots\": expected a number such as "
            '"22 million", "about half" or "over 50 percent"'
        ],
    ),
    (
        "one bad [units] line is reported once",
        HEAD
        + '[units]\nwidget = "[widget"\ngadget = "widget * 2"\nstaff = "person"\n'
        + '[claims.a]\nvalue = "5 widgets"\n[claims.b]\nvalue = "7 gadgets"\n'
        + '[claims.c]\nvalue = "10 staff"\n',
        [
            'claims.toml:4: [units] widget: cannot read "[widget": unexpected "["; a unit is '
            'words joined by "*", "/" or "per", with powers like "**2"'
        ],
    ),
    (
        "1e400 people",
        HEAD + '[claims.a]\nvalue = "1e400 people"\n',
        ["claims.toml:3: claim 'a': cannot read figure \"1e400 people\": the number is too large"],
    ),
    (
        "nan as a figure",
        HEAD + '[claims.a]\nvalue = "nan"\n',
        [
            "claims.toml:3: claim 'a': cannot read figure \"nan\": expected a number such as "
            '"22 million", "about half" or "over 50 percent"'
        ],
    ),
    (
        "an empty figure",
        HEAD + '[claims.a]\nvalue = ""\n',
        ["claims.toml:3: claim 'a': cannot read figure \"\": it is empty"],
    ),
    (
        "a reversed range",
        HEAD + '[claims.a]\nvalue = "between 5 and 3 people"\n',
        [
            "claims.toml:3: claim 'a': cannot read figure \"between 5 and 3 people\": "
            "the lower bound 5 is above the upper bound 3"
        ],
    ),
    (
        "too many digits",
        HEAD + '[claims.a]\nvalue = "' + "9" * 400 + ' people"\n',
        [
            "claims.toml:3: claim 'a': cannot read figure \""
            + "9" * 57
            + '...": the number is too large'
        ],
    ),
    (
        "a figure over two lines",
        HEAD + '[claims.a]\nvalue = "lots\\nof people"\n',
        [
            "claims.toml:3: claim 'a': cannot read figure \"lots\\nof people\": expected a number "
            'such as "22 million", "about half" or "over 50 percent"'
        ],
    ),
    (
        "about out of range",
        HEAD + '[settings]\nabout = "150%"\n',
        [
            'claims.toml:4: [settings]: about must be a percentage such as "10%" (0 to 99%), '
            "not '150%'"
        ],
    ),
    # -- text that reports print
    (
        "an escape sequence in the title",
        '[document]\ntitle = "a\\u001b[31m"\nsource = "doc.txt"\n',
        ['claims.toml:2: [document]: title contains a control character ("\\x1b")'],
    ),
    (
        "a line break in a section",
        HEAD + '[claims.a]\nvalue = "1"\nsection = "x\\n::error::y"\n',
        ["claims.toml:3: claim 'a': section must be one line (found \"\\n\")"],
    ),
    (
        "a carriage return in a quote",
        HEAD + '[claims.a]\nvalue = "1"\nquote = "x\\ry"\n',
        ["claims.toml:3: claim 'a': quote contains a control character (\"\\r\")"],
    ),
    (
        "a key with an escape sequence",
        HEAD + '[claims.a]\nvalue = "1"\n"x\\u001b]0;t\\u0007" = 1\n',
        [
            "claims.toml:5: claim 'a': unknown key \"x\\x1b]0;t\\x07\"; allowed keys are "
            "section, quote, value, unit, formula, suggested, note, precision, references, accept, "
            "integer"
        ],
    ),
    # -- the document
    (
        "missing document",
        '[document]\nsource = "nope.txt"\n[claims.a]\nvalue = "1"\n',
        ['claims.toml:2: source "nope.txt": no such file'],
    ),
    (
        "document is a directory",
        '[document]\nsource = "."\n[claims.a]\nvalue = "1"\n',
        ['claims.toml:2: source ".": is a directory, not a file'],
    ),
    (
        "binary document",
        '[document]\nsource = "bin.dat"\n[claims.a]\nvalue = "1"\n',
        ['claims.toml:2: source "bin.dat": is a binary file, not text'],
    ),
    (
        "document not UTF-8",
        '[document]\nsource = "latin.txt"\n[claims.a]\nvalue = "1"\n',
        ['claims.toml:2: source "latin.txt": is not UTF-8 text (byte 0xe9 at line 2)'],
    ),
    (
        "empty document",
        '[document]\nsource = "empty.txt"\n[claims.a]\nvalue = "1"\n',
        ['claims.toml:2: source "empty.txt": is empty'],
    ),
    (
        "no source",
        '[document]\ntitle = "x"\n',
        ['claims.toml:1: [document]: missing source = "..." (the document\'s path)'],
    ),
    (
        "no document",
        "",
        ['claims.toml:1: missing [document] table (it needs at least source = "...")'],
    ),
    # -- several problems, all in one run
    (
        "several problems",
        HEAD
        + '[claims.a]\nvalue = true\n[claims.b]\nvalue = "20 peeple"\n'
        + '[claims.c]\nvalue = "lots"\nformula = "a +"\n[checks.d]\nassert = "a = b"\n'
        + '[claims.e]\nvalue = "1"\nformula = "e.__class__"\n',
        [
            "claims.toml:3: claim 'a': value must be a string or a number, not a boolean",
            'claims.toml:5: claim \'b\': unknown unit "peeple" (did you mean "people"?)',
            "claims.toml:7: claim 'c': cannot read figure \"lots\": expected a number such as "
            '"22 million", "about half" or "over 50 percent"',
            "claims.toml:7: claim 'c': formula: syntax error at the end: invalid syntax",
            "claims.toml:10: check 'd': assert: syntax error at column 3: invalid syntax",
            "claims.toml:12: claim 'e': formula: attribute access is not allowed (\"e.__class__\")",
        ],
    ),
]


def write_inputs(folder: Path, claims: str) -> Path:
    (folder / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    (folder / "bin.dat").write_bytes(b"ab\0cd")
    (folder / "latin.txt").write_bytes(b"ok\ncaf\xe9\n")
    (folder / "empty.txt").write_bytes(b"")
    path = folder / "claims.toml"
    path.write_text(claims, encoding="utf-8")
    return path


def errors_in(folder: Path, *args: str) -> list[str]:
    out = run(*args)
    assert out.exit_code == 2, (out.exit_code, out.stdout)
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    return out.stderr.splitlines()


@pytest.mark.parametrize(("claims", "lines"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_claims_file(
    claims: str, lines: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, claims)
    assert errors_in(tmp_path, "check", "claims.toml") == lines


@pytest.mark.parametrize("command", [["audit"], ["explain", "a"], ["coverage"]])
def test_every_command_reports_the_same_problems(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    case = next(c for c in CASES if c[0] == "several problems")
    write_inputs(tmp_path, case[1])
    assert errors_in(tmp_path, *command, "claims.toml") == case[2]


# -- the claims file itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nope.toml", None, "nope.toml: no such file"),
        ("folder", b"", "folder: no claims files in this folder (claims.toml or *.claims.toml)"),
        ("bin.toml", b"[document]\0", "bin.toml: is a binary file, not text"),
        ("latin.toml", b"# caf\xe9\n", "latin.toml: is not UTF-8 text (byte 0xe9 at line 1)"),
        (
            "cr.toml",
            b"[document]\r\nsource = 5\r\n",
            "cr.toml:2: [document]: source must be a string, not an integer",
        ),
    ],
)
def test_unreadable_claims_file(
    name: str,
    content: bytes | None,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    if name == "folder":
        (tmp_path / name).mkdir()
    elif content is not None:
        (tmp_path / name).write_bytes(content)
    assert errors_in(tmp_path, "check", name) == [message]


def fail_to_open(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    """Make opening the file called *name* fail with *error* (a permission problem even for
    root, who reads files whatever their mode)."""
    real = os.open

    def open_(path: str, flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name == name:
            raise error
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def deny(monkeypatch: pytest.MonkeyPatch, denied: str) -> None:
    fail_to_open(monkeypatch, denied, PermissionError(13, "Permission denied", denied))


def test_unreadable_claims_file_by_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, HEAD + '[claims.a]\nvalue = "1"\n')
    deny(monkeypatch, "claims.toml")
    assert errors_in(tmp_path, "check", "claims.toml") == ["claims.toml: permission denied"]


def test_unreadable_document_by_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, HEAD + '[claims.a]\nvalue = "1"\n')
    deny(monkeypatch, "doc.txt")
    assert errors_in(tmp_path, "check", "claims.toml") == [
        'claims.toml:2: source "doc.txt": permission denied'
    ]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their mode; the monkeypatched tests above cover this",
)
@pytest.mark.parametrize("denied", ["claims.toml", "doc.txt"])
def test_unreadable_by_mode(denied: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, HEAD + '[claims.a]\nvalue = "1"\n')
    (tmp_path / denied).chmod(0)
    try:
        lines = errors_in(tmp_path, "check", "claims.toml")
    finally:
        (tmp_path / denied).chmod(0o644)
    if denied == "claims.toml":
        assert lines == ["claims.toml: permission denied"]
    else:
        assert lines == ['claims.toml:2: source "doc.txt": permission denied']


def test_other_read_failures_are_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, HEAD + '[claims.a]\nvalue = "1"\n')
    fail_to_open(monkeypatch, "doc.txt", OSError(5, "Input/output error"))
    assert errors_in(tmp_path, "check", "claims.toml") == [
        'claims.toml:2: source "doc.txt": cannot read: Input/output error'
    ]


# -- files that are no text to read: reading them could hang or fill memory -------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "/dev/zero",
            'claims.toml:2: source "/dev/zero": is not a regular file (a device, pipe or socket)',
        ),
        ("fifo", 'claims.toml:2: source "fifo": is not a regular file (a device, pipe or socket)'),
    ],
)
def test_a_device_or_pipe_is_refused_at_once(
    source: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, f'[document]\nsource = "{source}"\n[claims.a]\nvalue = "1"\n')
    os.mkfifo(tmp_path / "fifo")  # no writer: opening it to read would block for ever
    with watchdog():
        assert errors_in(tmp_path, "check", "claims.toml") == [message]


def test_a_claims_file_that_is_a_pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "claims.toml")
    with watchdog():
        assert errors_in(tmp_path, "check", "claims.toml") == [
            "claims.toml: is not a regular file (a device, pipe or socket)"
        ]


def test_a_document_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, HEAD + '[claims.a]\nvalue = "1"\n')
    (tmp_path / "doc.txt").write_text(DOCUMENT * 100, encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    assert errors_in(tmp_path, "check", "claims.toml") == [
        'claims.toml:2: source "doc.txt": is too large (the limit is 1,000 bytes)'
    ]


class Panic(BaseException):
    """What a panic in a compiled TOML reader raises (pyo3's PanicException)."""


@pytest.mark.parametrize(
    ("claims", "lines"),
    [
        (
            HEAD + '[claims.a]\nvalue = "10 people\n',
            ["claims.toml:4:19: invalid TOML: illegal character '\\n'"],
        ),
        (
            HEAD + "[claims.a]\nvalue = true\n",
            ["claims.toml:3: claim 'a': value must be a string or a number, not a boolean"],
        ),
    ],
)
def test_a_failing_fast_toml_reader_leaves_it_to_tomllib(
    claims: str, lines: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path, claims)

    def panic(text: str) -> object:
        raise Panic("a bug in the fast reader")

    monkeypatch.setattr(tomlread, "_fast_loads", lambda: panic)
    assert errors_in(tmp_path, "check", "claims.toml") == lines


def test_quick_init_keeps_the_dataclass_contract() -> None:
    from dataclasses import FrozenInstanceError, dataclass

    from figcheck.figures.interval import Interval
    from figcheck.records import quick_init

    i = Interval(1.0, 2.0)
    assert (i.lo, i.hi, i.lo_open, i.hi_open) == (1.0, 2.0, False, False)
    assert Interval(1.0, 2.0, hi_open=True) == Interval(1.0, 2.0, False, True)
    assert repr(Interval(1.0, 2.0, True)) == (
        "Interval(lo=1.0, hi=2.0, lo_open=True, hi_open=False)"
    )
    with pytest.raises(FrozenInstanceError):
        i.lo = 3.0  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"Interval.__init__\(\) missing 1 required positional"):
        Interval(1.0)  # type: ignore[call-arg]

    @dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="Checked: quick_init takes plain fields only"):
        quick_init(Checked)
