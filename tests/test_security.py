"""Hostile claims files: known sandbox escapes are refused, run nothing, and change nothing.

The corpus is tests/security/escapes.txt; the exact refusal of each payload, as a formula, an
assert, one side of an assert and a value, is tests/security/escapes.expected.json. After
changing the corpus, write the expectations again with ``uv run python -m tests.test_security``
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.common import ROOT, run
from tests.hostile import figcheck_process, toml_str

pytestmark = pytest.mark.slow

SECURITY = Path(__file__).resolve().parent / "security"
CORPUS = SECURITY / "escapes.txt"
EXPECTED = SECURITY / "escapes.expected.json"
MARKER = "figcheck-pwned"  # the file each payload tries to create, in the working directory
ENV_MARKER = "FIGCHECK_PWNED"
# a payload as a claim's formula, as a check's whole assert, as one side of a check's
# comparison (so that the payload itself is walked), and as a claim's value
CONTEXTS = ("formula", "assert", "compared", "value")


def payloads() -> list[str]:
    """The corpus, one payload a line, with MARKER standing for the marker file."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [
        line.replace("MARKER", MARKER)
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


PAYLOADS = payloads()


def claims_text(payload: str, context: str) -> tuple[str, int, str]:
    """A claims file with *payload* in *context*; the line and the owner of the problem."""
    head = '[document]\nsource = "doc.txt"\n\n[claims.a]\nvalue = "10 people"\n\n'
    if context == "formula":
        body = f'[claims.b]\nvalue = "20 people"\nformula = {toml_str(payload)}\n'
        return head + body, 7, "claim 'b': formula: "
    if context in ("assert", "compared"):
        source = payload if context == "assert" else f"a <= {payload}"
        return head + f"[checks.b]\nassert = {toml_str(source)}\n", 7, "check 'b': assert: "
    return head + f"[claims.b]\nvalue = {toml_str(payload)}\n", 7, "claim 'b': "


def refusal(tmp_path: Path, payload: str, context: str) -> str:
    """figcheck's one-line refusal of *payload* in *context*, without its location."""
    text, line, owner = claims_text(payload, context)
    (tmp_path / "doc.txt").write_text("10 people and 20 people.\n", encoding="utf-8")
    (tmp_path / "claims.toml").write_text(text, encoding="utf-8")
    out = run("check", "claims.toml")
    assert out.exit_code == 2, (payload, context, out.stdout)
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1, lines
    prefix = f"claims.toml:{line}: {owner}"
    assert lines[0].startswith(prefix), lines[0]
    return lines[0][len(prefix) :]


def expected() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return found


def test_the_corpus_is_all_expected() -> None:
    assert len(PAYLOADS) == len(set(PAYLOADS)) >= 80
    assert list(expected()) == PAYLOADS


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_is_refused_and_runs_nothing(
    payload: str, context: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_MARKER, raising=False)
    assert refusal(tmp_path, payload, context) == expected()[payload][context]
    assert not (tmp_path / MARKER).exists()
    assert ENV_MARKER not in os.environ


def test_every_escape_at_once_in_a_subprocess(tmp_path: Path) -> None:
    """The whole corpus in one file, run as a real process: every payload refused, one line
    each, and no marker file anywhere the payloads could write it."""
    parts = ['[document]\nsource = "doc.txt"\n']
    for i, payload in enumerate(PAYLOADS):
        parts.append(f'[claims.f{i}]\nvalue = "1"\nformula = {toml_str(payload)}\n')
        parts.append(f"[claims.v{i}]\nvalue = {toml_str(payload)}\n")
        parts.append(f"[checks.k{i}]\nassert = {toml_str(payload)}\n")
        # a payload as a quote is only text to look for in the document
        parts.append(f'[claims.q{i}]\nvalue = "1"\nquote = {toml_str(payload)}\n')
    (tmp_path / "claims.toml").write_text("\n".join(parts), encoding="utf-8")
    (tmp_path / "doc.txt").write_text("\n".join(PAYLOADS) + "\n", encoding="utf-8")
    done = figcheck_process("check", "claims.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 3 * len(PAYLOADS)
    assert all(line.startswith("claims.toml:") for line in lines)
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.toml", "doc.txt"]
    assert not (ROOT / MARKER).exists()


def write_expected() -> None:
    """Record how figcheck refuses each payload now (run as a module; review the diff)."""
    import tempfile

    found: dict[str, dict[str, str]] = {}
    old = Path.cwd()
    try:
        for payload in PAYLOADS:
            found[payload] = {}
            for context in CONTEXTS:
                with tempfile.TemporaryDirectory() as tmp:
                    os.chdir(tmp)
                    found[payload][context] = refusal(Path(tmp), payload, context)
    finally:
        os.chdir(old)
    text = json.dumps(found, indent=1, ensure_ascii=False) + "\n"
    EXPECTED.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_expected()


# -- text from the claims file is shown, never interpreted ------------------------------------

MARKUP = "[bold]b[/bold] [/x] [link=file:///etc/passwd]y[/link] <script>z</script> %0A"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "claims.toml", "--show", "all", "--color", "always"],
        ["check", "claims.toml", "--format", "markdown"],
        ["check", "claims.toml", "--format", "html"],
        ["check", "claims.toml", "--format", "github"],
        ["check", "claims.toml", "--format", "junit"],
        ["audit", "claims.toml", "--color", "always"],
        ["explain", "a", "claims.toml", "--color", "always"],
        ["coverage", "claims.toml", "--show", "all", "--color", "always"],
    ],
)
def test_markup_in_the_claims_file_is_not_interpreted(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text("We counted 10 people.\n", encoding="utf-8")
    claims = (
        f'[document]\ntitle = {toml_str(MARKUP)}\nsource = "doc.txt"\n\n'
        f'[claims.a]\nvalue = "10 people"\nquote = "We counted 10 people"\n'
        f"section = {toml_str(MARKUP)}\nnote = {toml_str(MARKUP)}\n\n"
        f'[[claims.a.references]]\nvalue = "11 people"\nsource = {toml_str(MARKUP)}\n'
    )
    (tmp_path / "claims.toml").write_text(claims, encoding="utf-8")
    out = run(*args)
    assert out.exit_code in (0, 1), out.stderr
    assert out.stderr == ""
    fmt = args[args.index("--format") + 1] if "--format" in args else "terminal"
    if fmt == "terminal":  # the markup is shown as written, not read as rich markup
        assert "[/x]" in out.stdout
    elif fmt == "html":
        assert "<script>z" not in out.stdout
        assert "&lt;script&gt;z&lt;/script&gt;" in out.stdout
    elif fmt == "github":  # "%0A" in the text must not become a line break in the log
        assert "%0A" not in out.stdout.replace("%250A", "")
