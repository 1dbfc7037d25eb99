"""The pre-commit hook, run by pre-commit itself (``pre-commit try-repo``) in a temporary git
repository: it fires when a document is edited, checks every claims file involved, and fails
the commit when one fails.

The ``figcheck-system`` hook runs the figcheck on PATH, so these tests need no network: the
hooks repository is a local git repository holding only .pre-commit-hooks.yaml, and the
figcheck is the one this test runs with. The ``figcheck`` hook (``language: python``) makes
pre-commit build a virtualenv and install figcheck and its dependencies from the package
index; its test is in the slow tier.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.common import FRUIT_CLAIMS, FRUIT_DOCUMENT, ROOT

# each case runs git and figcheck as subprocesses: seconds, not milliseconds
pytestmark = pytest.mark.slow

DOC = FRUIT_DOCUMENT.format(total=30)
CLAIMS = FRUIT_CLAIMS.replace("{total}", "30")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)  # where this figcheck and pre-commit are
    return {
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }


@pytest.fixture
def hooks_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "hooks"
    repo.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", repo)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "hooks")
    return repo


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository with two documents, each with its claims file in docs/."""
    repo = tmp_path / "project"
    (repo / "docs").mkdir(parents=True)
    for name in ("one", "two"):
        (repo / "docs" / f"{name}.txt").write_text(DOC, encoding="utf-8")
        (repo / "docs" / f"{name}.claims.toml").write_text(
            CLAIMS.format(doc=f"{name}.txt"), encoding="utf-8"
        )
    (repo / "README.md").write_text("notes\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")
    return repo


def try_repo(project: Path, hooks: Path, hook: str, env: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), hook, "--verbose"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def test_hook_fails_when_a_document_edit_breaks_a_figure(
    project: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    doc = project / "docs" / "two.txt"
    doc.write_text(DOC.replace("30 fruit", "45 fruit"), encoding="utf-8")
    git(project, "add", "docs/two.txt")
    code, out = try_repo(project, hooks_repo, "figcheck-system", env)
    assert code == 1, out
    assert "Failed" in out
    assert "docs/two.claims.toml" in out  # the claims file whose document changed
    assert "docs/one.claims.toml" not in out  # not involved
    # the quote no longer matches: the hook says so, it does not skip
    assert "∅ quote-not-found" in out


def test_hook_checks_a_claims_file_when_its_document_changes_and_passes(
    project: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    (project / "docs" / "one.txt").write_text(DOC + "More text.\n", encoding="utf-8")
    git(project, "add", "docs/one.txt")
    code, out = try_repo(project, hooks_repo, "figcheck-system", env)
    assert code == 0, out
    assert "Passed" in out
    assert "Skipped" not in out
    assert "3 results: 2 unchecked, 1 consistent" in out


def test_hook_checks_every_staged_claims_file(
    project: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    for name, total in (("one", "30"), ("two", "31")):
        path = project / "docs" / f"{name}.claims.toml"
        text = CLAIMS.format(doc=f"{name}.txt").replace('value = "30"', f'value = "{total}"')
        text = text.replace('"30 fruit"', f'"{total} fruit"')
        path.write_text(text + f'note = "edited {name}"\n', encoding="utf-8")
    (project / "docs" / "two.txt").write_text(DOC.replace("30 fruit", "31 fruit"), "utf-8")
    # two claims files: both are checked, one fails under the project's strict config
    (project / "figcheck.toml").write_text('fail-on = "within-rounding"\n', encoding="utf-8")
    git(project, "add", ".")
    code, out = try_repo(project, hooks_repo, "figcheck-system", env)
    assert code == 1, out
    assert "docs/one.claims.toml" in out
    assert "docs/two.claims.toml" in out
    assert "2 claims files, 6 results: 4 unchecked, 1 consistent, 1 within-rounding" in out


def test_hook_passes_when_nothing_involves_a_claims_file(
    project: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    (project / "README.md").write_text("more notes\n", encoding="utf-8")
    git(project, "add", "README.md")
    code, out = try_repo(project, hooks_repo, "figcheck-system", env)
    assert code == 0, out
    assert "Passed" in out


def test_hook_fails_on_a_broken_claims_file(
    project: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    path = project / "docs" / "one.claims.toml"
    path.write_text(path.read_text(encoding="utf-8") + "[claims.c]\n", encoding="utf-8")
    git(project, "add", ".")
    code, out = try_repo(project, hooks_repo, "figcheck-system", env)
    assert code == 1, out  # pre-commit reports any failing exit code as 1
    assert "- exit code: 2" in out
    assert "docs/one.claims.toml:16: claim 'c': missing value" in out


@pytest.mark.slow
def test_python_hook_installs_figcheck_from_the_repository(
    tmp_path: Path, project: Path, env: dict[str, str]
) -> None:
    """``language: python``: pre-commit pip-installs this repository into its own virtualenv
    (figcheck's dependencies and the build backend come from the package index)."""
    repo = tmp_path / "figcheck"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not name.startswith(("tests/", "benchmarks/")):
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "figcheck")
    (project / "docs" / "two.txt").write_text(DOC.replace("30 fruit", "45 fruit"), "utf-8")
    git(project, "add", "docs/two.txt")
    env = {**env, "PATH": os.environ.get("PATH", "")}  # not this figcheck: pre-commit's own
    code, out = try_repo(project, repo, "figcheck", env)
    assert code == 1, out
    assert "∅ quote-not-found" in out
