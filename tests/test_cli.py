"""The command line: exit codes 0/1/2, error messages, colour, version and output files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from figcheck import __version__
from tests.common import ROOT, claims_file, errors, run

OK = """
[claims.a]
value = "10 people"
[claims.b]
value = "20 people"
[claims.total]
value = "30 people"
formula = "a + b"
"""
ROUNDED = OK.replace('"30 people"', '"31 people"')
WRONG = OK.replace('"30 people"', '"45 people"')


def test_exit_0_when_consistent(tmp_path: Path) -> None:
    out = run("check", claims_file(tmp_path, OK), "--color", "never")
    assert out.exit_code == 0
    assert "✔ consistent" in out.stdout
    assert out.stdout.rstrip().endswith("3 results: 2 unchecked, 1 consistent; 3 without a quote")


def test_exit_1_when_inconsistent(tmp_path: Path) -> None:
    out = run("check", claims_file(tmp_path, WRONG), "--color", "never")
    assert out.exit_code == 1
    assert "✘ inconsistent" in out.stdout
    assert "3 results: 2 unchecked, 1 inconsistent" in out.stdout


def test_strict_fails_on_within_rounding(tmp_path: Path) -> None:
    path = claims_file(tmp_path, ROUNDED)
    assert run("check", path).exit_code == 0
    assert run("check", path, "--strict").exit_code == 1


def test_exit_2_and_located_message_for_a_bad_file(tmp_path: Path) -> None:
    path = claims_file(tmp_path, OK.replace("a + b", "a + bb"))
    assert errors(path) == [
        f"{path}:10: claim 'total': unknown id 'bb' in formula (did you mean \"b\"?)"
    ]


def test_exit_2_for_a_missing_claims_file(tmp_path: Path) -> None:
    assert errors(tmp_path / "nope.toml") == [f"{tmp_path / 'nope.toml'}: no such file"]


def test_default_path_is_claims_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims_file(tmp_path, WRONG)
    monkeypatch.chdir(tmp_path)
    out = run("check", "--format", "json")
    assert out.exit_code == 1
    assert out.json()["claims_file"] == "claims.toml"


def test_bad_option_is_a_usage_error(tmp_path: Path) -> None:
    out = run("check", claims_file(tmp_path, OK), "--format", "yaml")
    assert out.exit_code == 2
    assert "'yaml' is not one of" in out.stderr


def test_format_from_environment(tmp_path: Path) -> None:
    out = run("check", claims_file(tmp_path, OK), env={"FIGCHECK_FORMAT": "json"})
    assert out.exit_code == 0
    assert out.json()["summary"]["consistent"] == 1


def test_version() -> None:
    out = run("--version")
    assert out.exit_code == 0
    assert out.stdout == f"figcheck {__version__}\n"


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ([], {}, False),  # not a terminal
        (["--color", "always"], {"NO_COLOR": "1"}, True),
    ],
)
def test_color(tmp_path: Path, args: list[str], env: dict[str, str], colored: bool) -> None:
    base = {"NO_COLOR": "", "FORCE_COLOR": ""}
    out = run("check", claims_file(tmp_path, OK), *args, env={**base, **env})
    assert out.exit_code == 0
    assert ("\x1b[" in out.stdout) is colored


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    out = run("check", claims_file(tmp_path, WRONG), "--format", "json", "-o", target)
    assert out.exit_code == 1
    assert out.stdout == ""
    assert '"inconsistent": 1' in target.read_text(encoding="utf-8")


@pytest.mark.slow
def test_python_dash_m_and_essay_report() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "figcheck", "check", "--color", "never"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"COLUMNS": "120", "PATH": "", "NO_COLOR": "1"},
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert "A Historic Chance Missed" in proc.stdout
    assert "independent_share" in proc.stdout
