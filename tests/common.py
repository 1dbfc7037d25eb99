"""Shared test helpers: write a claims file, run the CLI, read verdicts in one line each."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from figcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
ESSAY_CLAIMS = ROOT / "claims.toml"
EXAMPLES = Path(__file__).resolve().parent / "example-files"

DOCUMENT = "A short document about 10 apples and 20 pears, 30 fruit in all.\n"

# A document whose total may be wrong, and its claims file: fill in {total} (and {doc}).
FRUIT_DOCUMENT = "We have 10 apples and 20 pears: {total} fruit in all.\n"
FRUIT_CLAIMS = """\
[document]
source = "{doc}"

[claims.a]
quote = "10 apples"
value = "10"

[claims.b]
quote = "20 pears"
value = "20"

[claims.total]
quote = "{total} fruit"
value = "{total}"
formula = "a + b"
"""


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """Run the figcheck CLI in-process and capture its streams separately."""
    runner = CliRunner()
    result = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def claims_file(
    tmp_path: Path, body: str, *, document: str = DOCUMENT, header: bool = True
) -> Path:
    """Write a claims file (with a [document] table unless *header* is false) and its document."""
    (tmp_path / "doc.txt").write_text(document, encoding="utf-8")
    text = textwrap.dedent(body)
    if header:
        text = '[document]\ntitle = "Test"\nsource = "doc.txt"\n\n' + text
    path = tmp_path / "claims.toml"
    path.write_text(text, encoding="utf-8")
    return path


def verdicts(path: Path, *extra: str) -> dict[str, str]:
    """Map each id to its verdict, via the JSON format."""
    out = run("check", path, "--format", "json", *extra)
    assert out.exit_code in (0, 1), out.stderr
    return {r["id"]: r["verdict"] for r in out.json()["results"]}


def errors(path: Path) -> list[str]:
    """The error lines figcheck prints for a bad file (asserting exit code 2)."""
    out = run("check", path)
    assert out.exit_code == 2, (out.exit_code, out.stdout)
    assert out.stdout == ""
    return out.stderr.splitlines()


def widths(fast: list[int], slow: list[int]) -> list[Any]:
    """Terminal widths to run a layout test at: *fast* in the fast tier, the others only in
    the full run (as CI runs it), since each renders the essay again."""
    return [*fast, *(pytest.param(width, marks=pytest.mark.slow) for width in slow)]
