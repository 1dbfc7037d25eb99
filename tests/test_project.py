"""Using figcheck in a project: config discovery, globs, many claims files in one run, accepted
findings, --fail-on, and broken claims files that still give CI reports."""

from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from figcheck.claims.config import claims_files, find
from figcheck.claims.targets import document_of, involved
from figcheck.pipeline import DEFAULT_ABOUT
from tests.common import FRUIT_CLAIMS, FRUIT_DOCUMENT, run
from tests.test_render_ci import SARIF_SCHEMA

DOC = FRUIT_DOCUMENT
GOOD = FRUIT_CLAIMS


def write(folder: Path, name: str, total: int = 30, doc: str = "doc.txt") -> Path:
    """A claims file *name* in *folder* about *doc*, whose total is right when it is 30."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / doc).write_text(DOC.format(total=total), encoding="utf-8")
    path = folder / name
    path.write_text(GOOD.format(doc=doc, total=total), encoding="utf-8")
    return path


def project(tmp_path: Path, config: str, *, pyproject: bool = True) -> None:
    if pyproject:
        text = '[project]\nname = "docs"\n\n[tool.figcheck]\n' + textwrap.dedent(config)
        (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    else:
        (tmp_path / "figcheck.toml").write_text(textwrap.dedent(config), encoding="utf-8")


# -- config discovery ----------------------------------------------------------------------------


def test_config_is_found_from_a_subfolder_and_globs_are_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "docs" / "a", "report.claims.toml")
    write(tmp_path / "docs" / "b" / "deep", "claims.toml", total=45)
    write(tmp_path / "other", "claims.toml")  # not listed
    project(tmp_path, 'claims = ["docs/**/*.claims.toml", "docs/**/claims.toml"]\n')
    sub = tmp_path / "docs" / "b"
    monkeypatch.chdir(sub)
    config = find()
    assert config is not None
    assert config.path == tmp_path / "pyproject.toml"
    assert claims_files(config) == [
        tmp_path / "docs/a/report.claims.toml",
        tmp_path / "docs/b/deep/claims.toml",
    ]
    out = run("check", "--format", "json")
    assert out.exit_code == 1  # the second file's total is wrong
    data = out.json()
    assert [f["claims_file"] for f in data["claims_files"]] == [
        "../a/report.claims.toml",
        "deep/claims.toml",
    ]
    assert [f["summary"]["exit_code"] for f in data["claims_files"]] == [0, 1]
    assert data["summary"]["total"] == 6
    assert data["summary"]["inconsistent"] == 1
    assert data["summary"]["exit_code"] == 1


def test_figcheck_toml_wins_over_pyproject_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, 'claims = ["nothing.toml"]\n')
    project(tmp_path, 'claims = ["x.claims.toml"]\nfail-on = "never"\n', pyproject=False)
    write(tmp_path, "x.claims.toml", total=45)
    monkeypatch.chdir(tmp_path)
    config = find()
    assert config is not None
    assert (config.path.name, config.fail_on) == ("figcheck.toml", "never")
    out = run("check", "--format", "json")
    assert out.exit_code == 0  # fail-on never: the wrong total does not fail the run
    assert out.json()["settings"]["fail_on"] == "never"


def test_a_pyproject_without_the_table_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    monkeypatch.chdir(inner)
    assert find() is None


def test_config_defaults_format_about_and_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "claims.toml", total=31)  # 31 against 30: within rounding of "about"?
    project(tmp_path, 'format = "json"\nstrict = true\nabout = "5%"\n')
    monkeypatch.chdir(tmp_path)
    out = run("check")
    data = out.json()  # the config's format
    assert data["settings"] == {"about": 0.05, "strict": True, "fail_on": "within-rounding"}
    verdict = {r["id"]: r["verdict"] for r in data["results"]}["total"]
    assert verdict == "within-rounding"
    assert out.exit_code == 1  # strict from the config
    # the command line wins over the config
    assert run("check", "--fail-on", "inconsistent", "-f", "json").exit_code == 0


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            'claim = ["a.toml"]\n',
            'pyproject.toml:5: [tool.figcheck]: unknown key "claim" (did you mean "claims"?); '
            "allowed keys are claims, format, strict, about, fail-on",
        ),
        (
            'fail-on = "sometimes"\n',
            "pyproject.toml:5: [tool.figcheck]: fail-on must be one of inconsistent, "
            'within-rounding, never, not "sometimes"',
        ),
        (
            'claims = ["docs/*.claims.toml"]\n',
            'pyproject.toml:5: claims: "docs/*.claims.toml" matches no claims file',
        ),
        ('claims = ["gone.toml"]\n', 'pyproject.toml:5: claims: "gone.toml": no such file'),
        (
            'format = "yaml"\n',
            "pyproject.toml:5: format must be one of table, json, markdown, github, junit, "
            'sarif, gitlab, html, summary, not "yaml"',
        ),
        (
            "about = 2\n",
            "pyproject.toml:5: [tool.figcheck]: about must be a percentage such "
            'as "10%" (0 to 99%), not 2',
        ),
    ],
)
def test_a_bad_config_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, message: str
) -> None:
    write(tmp_path, "claims.toml")
    project(tmp_path, config)
    monkeypatch.chdir(tmp_path)
    out = run("check")
    assert (out.exit_code, out.stdout, out.stderr.splitlines()) == (2, "", [message])


def test_the_default_about_agrees_with_the_loader() -> None:
    from figcheck.claims.settings import DEFAULT_ABOUT as LOADER

    assert DEFAULT_ABOUT == LOADER


# -- several claims files --------------------------------------------------------------------


def test_two_files_in_one_run_give_one_report_and_the_worst_exit_code(tmp_path: Path) -> None:
    good = write(tmp_path / "one", "claims.toml")
    bad = write(tmp_path / "two", "claims.toml", total=45)
    assert run("check", good).exit_code == 0
    both = run("check", good, bad, "--format", "json")
    assert both.exit_code == 1
    data = both.json()
    assert [f["claims_file"] for f in data["claims_files"]] == [str(good), str(bad)]
    assert data["summary"]["exit_code"] == 1
    # every format groups by claims file and gives the same exit code
    table = run("check", good, bad, "--color", "never", env={"COLUMNS": "100"})
    assert table.exit_code == 1
    lines = table.stdout.splitlines()
    assert lines[0] == str(good)
    assert str(bad) in lines
    assert lines[-1] == "2 claims files, 6 results: 4 unchecked, 1 consistent, 1 inconsistent"
    junit = ET.fromstring(run("check", good, bad, "-f", "junit").stdout)
    assert [s.get("tests") for s in junit.iter("testsuite")] == ["3", "3"]
    assert junit.get("failures") == "1"
    github = run("check", good, bad, "-f", "github").stdout.splitlines()
    assert github[-3:] == [
        f"figcheck: {good}: 3 results: 2 unchecked, 1 consistent",
        f"figcheck: {bad}: 3 results: 2 unchecked, 1 inconsistent",
        "figcheck: 2 claims files, 6 results: 4 unchecked, 1 consistent, 1 inconsistent",
    ]
    markdown = run("check", good, bad, "-f", "markdown").stdout
    assert markdown.count("\n## Summary\n") == 2
    assert markdown.endswith(
        "# All claims files\n\n2 claims files, 6 results: 4 unchecked, 1 consistent, "
        "1 inconsistent\n"
    )


def test_a_folder_means_every_claims_file_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "docs", "a.claims.toml")
    write(tmp_path / "docs" / "sub", "claims.toml", total=45)
    write(tmp_path / "docs" / ".hidden", "claims.toml", total=45)
    (tmp_path / "docs" / "notes.toml").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run("check", "docs", "-f", "json")
    files = [f["claims_file"] for f in out.json()["claims_files"]]
    assert files == ["docs/a.claims.toml", "docs/sub/claims.toml"]  # not .hidden
    assert out.exit_code == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    out = run("check", "empty")
    assert (out.exit_code, out.stderr) == (
        2,
        "empty: no claims files in this folder (claims.toml or *.claims.toml)\n",
    )


def test_a_single_file_report_is_unchanged_by_the_run(tmp_path: Path) -> None:
    """One claims file gives its own report, not a run of one."""
    path = write(tmp_path, "claims.toml")
    data = run("check", path, "-f", "json").json()
    assert "claims_files" not in data
    assert data["claims_file"] == str(path)
    assert set(data) == {
        "schema",
        "figcheck",
        "claims_file",
        "document",
        "settings",
        "results",
        "summary",
    }
    assert data["settings"] == {"about": 0.1, "strict": False}
    assert "accepted" not in data["results"][0]


# -- accept ------------------------------------------------------------------------------------


ACCEPTED = GOOD + 'accept = "the essay rounds generously; checked by hand"\n'


def test_an_accepted_finding_is_reported_with_its_reason_and_does_not_fail(
    tmp_path: Path,
) -> None:
    (tmp_path / "doc.txt").write_text(DOC.format(total=45), encoding="utf-8")
    path = tmp_path / "claims.toml"
    path.write_text(ACCEPTED.format(doc="doc.txt", total=45), encoding="utf-8")
    out = run("check", path, "-f", "json")
    assert out.exit_code == 0
    total = {r["id"]: r for r in out.json()["results"]}["total"]
    assert total["verdict"] == "inconsistent"
    assert total["accepted"] == "the essay rounds generously; checked by hand"
    assert out.json()["summary"]["accepted"] == 1
    table = run("check", path, "--color", "never", env={"COLUMNS": "100"}).stdout
    assert "✘ inconsistent" in table
    assert "└ accepted" in table
    assert "the essay rounds generously;" in table
    assert table.splitlines()[-1] == "3 results: 2 unchecked, 1 inconsistent; 1 accepted"
    github = run("check", path, "-f", "github").stdout
    assert github.startswith(f"::notice file={tmp_path / 'doc.txt'},line=1,col=33,")
    assert "(accepted: the essay rounds generously; checked by hand)" in github
    sarif = json.loads(run("check", path, "-f", "sarif").stdout)
    result = sarif["runs"][0]["results"][0]
    assert result["level"] == "note"
    assert result["suppressions"] == [
        {"kind": "inSource", "justification": "the essay rounds generously; checked by hand"}
    ]
    gitlab = json.loads(run("check", path, "-f", "gitlab").stdout)
    assert [i["severity"] for i in gitlab] == ["info"]
    junit = ET.fromstring(run("check", path, "-f", "junit").stdout)
    assert junit.get("failures") == "0"
    # without accept the same file fails
    path.write_text(GOOD.format(doc="doc.txt", total=45), encoding="utf-8")
    assert run("check", path).exit_code == 1


def test_accept_on_a_check_and_its_validation(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(DOC.format(total=30), encoding="utf-8")
    path = tmp_path / "claims.toml"
    body = GOOD.format(doc="doc.txt", total=30)
    path.write_text(body + '[checks.more]\nassert = "a > b"\naccept = "known"\n', "utf-8")
    out = run("check", path, "-f", "json")
    assert out.exit_code == 0
    more = {r["id"]: r for r in out.json()["results"]}["more"]
    assert (more["verdict"], more["accepted"]) == ("inconsistent", "known")
    path.write_text(body + '[checks.more]\nassert = "a > b"\naccept = true\n', "utf-8")
    out = run("check", path)
    assert out.exit_code == 2
    assert out.stderr.splitlines() == [
        f"{path}:16: check 'more': accept must be a string saying why the verdict is "
        "accepted, not a boolean"
    ]


# -- --fail-on ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "args", "code"),
    [
        (31, [], 0),  # within rounding passes by default
        (31, ["--fail-on", "within-rounding"], 1),
        (31, ["--strict"], 1),
        (31, ["--fail-on", "inconsistent"], 0),
        (45, [], 1),
        (45, ["--fail-on", "never"], 0),
        (45, ["--exit-zero"], 0),
        (30, ["--fail-on", "within-rounding"], 0),
    ],
)
def test_fail_on(tmp_path: Path, total: int, args: list[str], code: int) -> None:
    path = write(tmp_path, "claims.toml", total=total)
    out = run("check", path, "-f", "json", *args)
    assert out.exit_code == code
    assert out.json()["summary"]["exit_code"] == (code if "--exit-zero" not in args else 1)


def test_strict_and_a_different_fail_on_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "claims.toml")
    out = run("check", path, "--strict", "--fail-on", "never")
    assert (out.exit_code, out.stderr) == (
        2,
        "--strict means --fail-on within-rounding, not never\n",
    )


def test_fail_on_never_still_fails_a_broken_file_but_exit_zero_does_not(tmp_path: Path) -> None:
    path = tmp_path / "claims.toml"
    path.write_text('[document]\nsource = "doc.txt"\n[claims.a]\nvalue = "x y z"\n', "utf-8")
    assert run("check", path, "--fail-on", "never").exit_code == 2
    out = run("check", path, "--exit-zero")
    assert out.exit_code == 0
    assert out.stderr.startswith(f"{path}:")


def test_quiet_shows_only_problems_and_the_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "claims.toml", total=45)
    out = run("check", path, "-q", "--color", "never", env={"COLUMNS": "100"})
    assert out.exit_code == 1
    assert "total" in out.stdout
    assert "│ a " not in out.stdout
    assert "│ b " not in out.stdout
    assert "Showing only" not in out.stdout
    verbose = run("check", path, "-v", "--color", "never")
    assert "│ a " in verbose.stdout
    assert verbose.stderr.startswith("figcheck: ")
    assert f"checking {path}" in verbose.stderr


# -- broken claims files in CI formats ---------------------------------------------------------

BROKEN = """\
[document]
source = "doc.txt"

[claims.a]
value = "10"

[claims.total]
value = "30"
formula = "a + bb"
"""


def broken(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_text("10 and 30\n", encoding="utf-8")
    path = tmp_path / "claims.toml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


MESSAGE = "claim 'total': unknown id 'bb' in formula"


def test_a_broken_file_still_writes_valid_sarif_junit_gitlab_and_json(tmp_path: Path) -> None:
    path = broken(tmp_path)
    shown = str(path)
    sarif_out = run("check", path, "-f", "sarif")
    assert sarif_out.exit_code == 2
    assert sarif_out.stderr == f"{shown}:7: {MESSAGE}\n"  # the terminal line, as ever
    sarif = json.loads(sarif_out.stdout)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run_ = sarif["runs"][0]
    assert run_["tool"]["driver"]["rules"][-1]["id"] == "figcheck/claims-file-error"
    [result] = run_["results"]
    assert result["ruleId"] == "figcheck/claims-file-error"
    assert result["ruleIndex"] == 7
    assert result["level"] == "error"
    assert result["message"]["text"] == MESSAGE
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}

    junit = ET.fromstring(run("check", path, "-f", "junit").stdout)
    assert junit.get("errors") == "1"
    [error] = junit.iter("error")
    assert error.get("message") == MESSAGE
    assert error.text == f"{shown}:7: {MESSAGE}"

    gitlab_out = run("check", path, "-f", "gitlab")
    assert gitlab_out.exit_code == 2
    [issue] = json.loads(gitlab_out.stdout)
    assert issue["check_name"] == "figcheck/claims-file-error"
    assert issue["severity"] == "blocker"
    assert issue["location"] == {"path": shown, "lines": {"begin": 7}}
    assert issue["description"] == f"claims file: {MESSAGE}"

    data = run("check", path, "-f", "json").json()
    assert data["errors"] == [{"path": shown, "line": 7, "column": None, "message": MESSAGE}]
    assert data["results"] == []
    assert data["summary"]["exit_code"] == 2

    github = run("check", path, "-f", "github")
    assert github.exit_code == 2
    assert github.stdout.splitlines()[0] == (
        f"::error file={shown},line=7,title=figcheck%3A claims file::{MESSAGE}"
    )


def test_a_broken_file_replaces_a_stale_report(tmp_path: Path) -> None:
    path = broken(tmp_path)
    target = tmp_path / "figcheck.sarif"
    target.write_text("stale", encoding="utf-8")
    out = run("check", path, "-f", "sarif", "-o", target)
    assert out.exit_code == 2
    assert (
        json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"]
        == "figcheck/claims-file-error"
    )


def test_a_broken_file_among_good_ones(tmp_path: Path) -> None:
    good = write(tmp_path / "good", "claims.toml")
    bad = broken(tmp_path)
    out = run("check", good, bad, "-f", "json")
    assert out.exit_code == 2
    files = out.json()["claims_files"]
    assert [len(f["results"]) for f in files] == [3, 0]
    assert files[1]["errors"][0]["line"] == 7
    # a terminal format prints only the errors, as for one file
    table = run("check", good, bad)
    assert (table.exit_code, table.stdout) == (2, "")
    assert table.stderr == f"{bad}:7: {MESSAGE}\n"


# -- which claims files a change involves ------------------------------------------------------


def names(found: list[tuple[Path, str]]) -> list[Path]:
    """The claims files of what a change involves."""
    return [p for p, _ in found]


def test_changed_files_involve_their_claims_files(tmp_path: Path) -> None:
    one = write(tmp_path / "docs", "one.claims.toml", doc="one.txt")
    two = write(tmp_path / "docs", "two.claims.toml", doc="two.txt")
    assert document_of(one) == tmp_path / "docs" / "one.txt"
    assert names(involved([tmp_path / "docs" / "two.txt"], None, tmp_path)) == [two]
    assert names(involved([one], None, tmp_path)) == [one]
    assert names(involved([tmp_path / "README.md"], None, tmp_path)) == []
    broken_file = tmp_path / "docs" / "broken.claims.toml"
    broken_file.write_text("[document\n", encoding="utf-8")
    # a claims file whose document cannot be told is checked whatever changed
    assert names(involved([tmp_path / "README.md"], None, tmp_path)) == [broken_file]
