"""The files other repositories use to run figcheck: the pre-commit hook definitions."""

from __future__ import annotations

import tomllib
from typing import Any

import yaml

from tests.common import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def hooks() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in data}


def test_hook_definitions() -> None:
    found = hooks()
    assert set(found) == {"figcheck", "figcheck-system"}
    for hook in found.values():
        # every staged text file: a document can be any text file, and the command itself
        # tells which claims files the files involve
        assert hook["entry"] == "figcheck check --changed"
        assert hook["types"] == ["text"]
        assert "files" not in hook
        assert hook.get("pass_filenames", True) is True
        assert hook["require_serial"] is True
        assert hook["minimum_pre_commit_version"] == "3.0.0"
    assert found["figcheck"]["language"] == "python"
    assert found["figcheck-system"]["language"] == "system"


def test_hook_entry_is_the_console_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["figcheck"] == "figcheck.entry:main"
    for hook in hooks().values():
        assert hook["entry"].split()[0] in project["scripts"]
