"""The files other repositories use to run figcheck: the pre-commit hook definition."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.common import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def hook_fields() -> dict[str, str]:
    """The hook's ``key: value`` lines (the file holds one hook; no YAML parser is needed)."""
    fields: dict[str, str] = {}
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        m = re.fullmatch(r"(?:- |  )(\w+): (.*)", line)
        if m is not None:
            fields[m.group(1)] = m.group(2)
    return fields


def test_hook_definition() -> None:
    assert hook_fields() == {
        "id": "figcheck",
        "name": "figcheck",
        "description": "Check that the figures a document states add up (figcheck check).",
        "entry": "figcheck check",
        "language": "python",
        "files": r"(^|/)([^/]*[._-])?claims\.toml$",
        "pass_filenames": "false",
        "require_serial": "true",
        "minimum_pre_commit_version": '"3.0.0"',
    }


def test_hook_entry_is_the_console_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["figcheck"] == "figcheck.cli:main"
    assert hook_fields()["entry"].split()[0] in project["scripts"]


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("claims.toml", True),
        ("docs/claims.toml", True),
        ("docs/essay.claims.toml", True),
        ("essay-claims.toml", True),
        ("essay_claims.toml", True),
        ("myclaims.toml", False),
        ("claims.toml.bak", False),
        ("pyproject.toml", False),
        ("claims.txt", False),
    ],
)
def test_hook_runs_on_claims_files(path: str, runs: bool) -> None:
    assert (re.search(hook_fields()["files"], path) is not None) is runs
