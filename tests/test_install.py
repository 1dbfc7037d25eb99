"""figcheck installed as another project would: the built wheel holds every data file, and in
a fresh virtual environment outside this repository the README's own commands work."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.common import ROOT

REPORT = """\
Annual report

The library lent 12,400 books in 2023, up from 11,000 the year before.
About 60 percent of the loans were children's books, and 3 branches opened on Sundays.
"""
SECTION = re.compile(
    r"## Start a claims file for your own document\n.*?```console\n(.*?)```", re.DOTALL
)
DATA_FILES = (
    "figcheck/figures/units.txt",
    "figcheck/render/html/page.css",
    "figcheck/claims/claims.schema.json",
)


def readme_commands() -> list[str]:
    match = SECTION.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match is not None
    return [line.split("#", 1)[0].strip() for line in match.group(1).splitlines() if line]


def test_readme_starts_with_the_installed_command() -> None:
    commands = readme_commands()
    assert [c.split()[:2] for c in commands] == [
        ["figcheck", "init"],
        ["figcheck", "check"],
        ["figcheck", "coverage"],
    ]


def _uv() -> str:
    found = shutil.which("uv")
    if found is None:
        pytest.skip("uv is not installed")
    return found


@pytest.mark.slow
def test_the_wheel_installs_and_runs_outside_the_repository(tmp_path: Path) -> None:
    uv = _uv()
    dist = tmp_path / "dist"
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = dist.glob("figcheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in DATA_FILES:
        assert name in names, name
    # every file in the package folder is in the wheel, data files and all
    package = ROOT / "src"
    shipped = {
        p.relative_to(package).as_posix()
        for p in (package / "figcheck").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped <= names, shipped - names

    venv = tmp_path / "venv"
    subprocess.run(
        [uv, "venv", "--python", sys.executable, str(venv)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = [uv, "pip", "install", "--python", str(python), str(wheel)]
    # from uv's cache when it has the dependencies; else from the package index
    done = subprocess.run([*install, "--offline"], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        subprocess.run(install, check=True, capture_output=True, timeout=600)
    bin_dir = python.parent
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "report.txt").write_text(REPORT, encoding="utf-8")
    env = {
        "PATH": str(bin_dir) + os.pathsep + "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    outputs = []
    for command in readme_commands():
        done = subprocess.run(
            shlex.split(command), cwd=work, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        outputs.append(done.stdout)
    claims = (work / "claims.toml").read_text(encoding="utf-8")
    assert 'source = "report.txt"' in claims
    assert "3 results: 3 unchecked" in outputs[1]
    assert "3 of 3 quantities covered (100%)" in outputs[2]
    # the installed figcheck is the wheel's, not this repository's
    where = subprocess.run(
        [str(python), "-c", "import figcheck; print(figcheck.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=work,
        env=env,
    ).stdout
    assert str(venv) in where
