"""The GitHub Action: action.yml's inputs and steps, and its script run here as the runner
would run it, with the job summary, SARIF and outputs written to files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.common import FRUIT_CLAIMS, FRUIT_DOCUMENT, ROOT
from tests.test_render_ci import SARIF_SCHEMA

# each case runs git and figcheck as subprocesses: seconds, not milliseconds
pytestmark = pytest.mark.slow

FIGCHECK = Path(sys.executable).parent / "figcheck"
DOC = FRUIT_DOCUMENT
CLAIMS = FRUIT_CLAIMS.replace("{doc}", "doc.txt")


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def test_action_inputs_and_steps() -> None:
    data = action()
    assert set(data["inputs"]) == {
        "claims",
        "fail-on",
        "version",
        "sarif",
        "sarif-file",
        "working-directory",
    }
    runs = data["runs"]
    assert runs["using"] == "composite"
    steps = {step["name"]: step for step in runs["steps"]}
    assert steps["Set up uv"]["uses"].startswith("astral-sh/setup-uv@")
    assert "action/install.sh" in steps["Install figcheck"]["run"]
    check = steps["Check the figures"]
    assert "action/run.sh" in check["run"]
    assert check["env"] == {
        "INPUT_CLAIMS": "${{ inputs.claims }}",
        "INPUT_FAIL_ON": "${{ inputs.fail-on }}",
        "INPUT_SARIF": "${{ inputs.sarif }}",
        "INPUT_SARIF_FILE": "${{ inputs.sarif-file }}",
    }
    upload = steps["Upload SARIF"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    # uploaded even when the check fails the job, but only when asked for and written
    assert upload["if"].startswith("always() && inputs.sarif == 'true'")
    assert data["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"


def test_readme_workflow_uses_the_action_inputs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("name: figures")
    workflow = yaml.safe_load(readme[start : readme.index("```", start)])
    [job] = workflow["jobs"].values()
    step = job["steps"][-1]
    assert step["uses"] == "OWNER/figcheck@COMMIT"
    assert set(step["with"]) <= set(action()["inputs"])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_text(DOC.format(total=45), encoding="utf-8")
    (tmp_path / "claims.toml").write_text(CLAIMS.format(total=45), encoding="utf-8")
    return tmp_path


def run_action(repo: Path, **inputs: str) -> tuple[int, str, str, dict[str, str]]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    summary, output = repo / "summary.md", repo / "output.txt"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "FIGCHECK": str(FIGCHECK),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "COLUMNS": "100",
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    done = subprocess.run(
        [bash, str(ROOT / "action" / "run.sh")],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    text = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return done.returncode, done.stdout, text, outputs


def test_the_action_annotates_summarises_and_fails(repo: Path) -> None:
    code, stdout, summary, outputs = run_action(repo, sarif="true")
    assert code == 1
    assert outputs == {"exit-code": "1", "sarif": "written"}
    lines = stdout.splitlines()
    assert lines[0].startswith("::error file=doc.txt,line=1,col=33,title=figcheck%3A total::")
    assert lines[-1] == "figcheck: 3 results: 2 unchecked, 1 inconsistent"
    assert summary.splitlines()[:3] == [
        "## figcheck: ✘ the figures do not all add up",
        "",
        "1 claims file, 3 results: 2 unchecked, 1 inconsistent",
    ]
    # problems come first, before the line per claims file
    assert summary.index("### Problems (1)") < summary.index("### Claims files")
    assert (
        "- **✘ inconsistent** `total` at `doc.txt:1`: states 45, computed 30 (28.5 – 32) "
        "(45 stated, 30 computed: 15, 1.5×); "
    ) in summary
    assert "what it would take: a would need to be between 24.5 and 25.5" in summary
    sarif = json.loads((repo / "figcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["figcheck/inconsistent"]


def test_the_action_takes_fail_on_and_claims(repo: Path) -> None:
    other = repo / "docs"
    other.mkdir()
    (other / "doc.txt").write_text(DOC.format(total=30), encoding="utf-8")
    (other / "good.claims.toml").write_text(CLAIMS.format(total=30), encoding="utf-8")
    code, _stdout, summary, outputs = run_action(repo, claims="docs", fail_on="inconsistent")
    assert (code, outputs) == (0, {"exit-code": "0"})
    assert not (repo / "figcheck.sarif").exists()
    assert summary.startswith("## figcheck: ✔ no problem fails the run\n")
    assert "No problems" in summary
    code, _, _, outputs = run_action(repo, fail_on="never")
    assert (code, outputs["exit-code"]) == (0, "0")


def test_the_action_reports_a_broken_claims_file(repo: Path) -> None:
    (repo / "claims.toml").write_text(CLAIMS.format(total=45) + "[claims.c]\n", "utf-8")
    code, stdout, summary, _outputs = run_action(repo, sarif="true")
    assert code == 2
    assert stdout.startswith(
        "::error file=claims.toml,line=16,title=figcheck%3A claims file::claim 'c': missing value"
    )
    assert "### Claims file errors" in summary
    assert "`claims.toml:16`: claim 'c': missing value" in summary
    sarif = json.loads((repo / "figcheck.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "figcheck/claims-file-error"
