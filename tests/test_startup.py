"""Start-up stays cheap: quick commands load no more than they need, in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from figcheck import __version__

from .common import EXAMPLES, ROOT

# Runs the CLI in this interpreter, then prints which of the heavy modules got imported.
PROGRAM = """
import json, sys
from figcheck.entry import main
sys.argv = ["figcheck", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
heavy = ("pint", "rich", "figcheck.claims.loader", "figcheck.figures.units", "pydantic")
heavy += ("typer", "figcheck.cli", "figcheck.errors", "dataclasses")
loaded = sorted(m for m in sys.modules if m in heavy or m.startswith(("pint.", "rich.")))
print(json.dumps(loaded), file=sys.stderr)
"""
PARTS = str(EXAMPLES / "positive" / "parts-add-up" / "claims.toml")


def loaded_modules(*args: str) -> tuple[str, list[str]]:
    """The output of ``figcheck ARGS`` and the heavy modules it imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return done.stdout, json.loads(done.stderr.splitlines()[-1])


def test_version_loads_neither_the_command_line_nor_pint_nor_rich() -> None:
    out, loaded = loaded_modules("--version")
    assert out == f"figcheck {__version__}\n"
    assert loaded == []


# Prints the modules loaded after the program, with or without figcheck --version first.
MODULES = """
import sys
if sys.argv[1] == "version":
    sys.argv = ["figcheck", "--version"]
    from figcheck.entry import main
    try:
        main()
    except SystemExit:
        pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def test_version_loads_only_its_own_two_modules_beyond_a_bare_interpreter() -> None:
    def loaded(mode: str) -> set[str]:
        done = subprocess.run(
            [sys.executable, "-c", MODULES, mode], capture_output=True, text=True, check=True
        )
        return set(done.stderr.split())

    # not even __future__: each module costs a bare start-up about 2 %
    assert loaded("version") - loaded("bare") == {"figcheck", "figcheck.entry"}


def test_version_on_a_full_disk_says_so_and_exits_2() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "figcheck", "--version"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "<stdout>: cannot write the report: no space left on the device\n",
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (("--help",), ["dataclasses", "figcheck.cli", "figcheck.errors", "typer"]),
        # option values are read without Typer's pydantic adapters
        (("check", "--help"), ["dataclasses", "figcheck.cli", "figcheck.errors", "typer"]),
    ],
)
def test_help_loads_no_pint(args: tuple[str, ...], allowed: list[str]) -> None:
    out, loaded = loaded_modules(*args)
    assert out.startswith("Usage: figcheck")
    assert loaded == allowed


@pytest.mark.slow
def test_machine_formats_never_load_rich() -> None:
    out, loaded = loaded_modules("check", PARTS, "--format", "json")
    assert json.loads(out)["summary"]["total"] == 6
    assert [m for m in loaded if m == "rich" or m.startswith("rich.")] == []
