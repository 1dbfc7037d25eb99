"""Output and environment: a report that cannot be written whole is one line on stderr and
exit 2, never a traceback; odd locales, widths, terminals and folders still give a report;
signals during a write leave no temporary file behind."""

from __future__ import annotations

import json
import os
import shlex
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from figcheck.cli import _width, use_color
from figcheck.io import atomic
from figcheck.io.atomic import Terminated, remove_stale, write_atomic
from figcheck.io.output import ASCII_FALLBACK, encoded
from figcheck.render.progress_bar import wanted
from tests.common import ROOT, run
from tests.hostile import SUBPROCESS_TIMEOUT, watchdog
from tests.test_atomic import CLAIMS, DOCUMENT  # the same three-claim file

CLOSED = "<stdout>: cannot write the report: standard output is closed"
FULL = "<stdout>: cannot write the report: no space left on the device"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "claims.toml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    return tmp_path


def shell(
    command: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run *command*, a shell line in which ``figcheck`` is this checkout's figcheck."""
    figcheck = f"{shlex.quote(sys.executable)} -m figcheck"
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        ["sh", "-c", command.replace("figcheck", figcheck)],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )


COMMANDS = [
    "check claims.toml",
    "check claims.toml -f json",
    "explain total claims.toml",
    "audit claims.toml",
    "coverage claims.toml",
    "schema",
    "init doc.txt -o -",
    "scan doc.txt -f jsonl",
    "--version",
    "--help",
]


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_closed_stdout_is_one_line_and_exit_2(folder: Path, command: str) -> None:
    done = shell(f"figcheck {command} >&-", folder)
    message = CLOSED if command != "--help" else "<stdout>: cannot write: standard output is closed"
    assert (done.returncode, done.stderr) == (2, message + "\n")


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_full_stdout_is_one_line_and_exit_2(folder: Path, command: str) -> None:
    done = shell(f"figcheck {command} > /dev/full", folder)
    message = FULL if command != "--help" else "<stdout>: cannot write: no space left on the device"
    assert (done.returncode, done.stderr) == (2, message + "\n")


@pytest.mark.slow  # a figcheck process per case
def test_closed_stdout_with_an_output_file_writes_the_file(folder: Path) -> None:
    done = shell("figcheck check claims.toml -f json -o out.json >&-", folder)
    assert (done.returncode, done.stderr) == (0, "")
    report = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in report["results"]] == ["a", "b", "total"]
    done = shell("figcheck --version > /dev/full", folder)
    assert (done.returncode, done.stderr) == (2, FULL + "\n")


@pytest.mark.slow  # a figcheck process per case
def test_closed_stdout_never_lends_its_number_to_an_output_file(folder: Path) -> None:
    """With fd 1 closed, the temporary file would get fd 1, and the report printed to
    stdout would land in it: /dev/null takes the number first."""
    done = shell("figcheck init doc.txt -o drafted.toml >&- 2>&-", folder)
    assert done.returncode == 0
    assert (folder / "drafted.toml").read_text(encoding="utf-8").startswith("# Draft claims for")


@pytest.mark.slow
def test_a_report_cut_short_by_its_reader_says_so(folder: Path) -> None:
    parts = "".join(f'[claims.p{i}]\nvalue = "{i} people"\n\n' for i in range(3000))
    (folder / "big.toml").write_text('[document]\nsource = "doc.txt"\n\n' + parts, "utf-8")
    done = shell("figcheck check big.toml -f json | head -c 10 > /dev/null; exit 0", folder)
    assert done.returncode == 0
    done = shell(
        "(figcheck check big.toml -f json; echo $? > code) | head -c 10 > /dev/null", folder
    )
    assert (folder / "code").read_text().strip() == "2"
    assert done.stderr == "<stdout>: cannot write the report: its reader closed the pipe\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        pytest.param(
            {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, marks=pytest.mark.slow
        ),
    ],
)
def test_an_ascii_stdout_gets_ascii_symbols(folder: Path, env: dict[str, str]) -> None:
    done = shell("COLUMNS=80 figcheck check claims.toml", folder, env)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.isascii()
    lines = done.stdout.splitlines()
    total = next(line for line in lines if line.startswith("| total "))
    assert total.endswith(" - 32) | + consistent |")  # "(28.5 - 32)": an en dash before
    assert lines[-1] == "3 results: 2 unchecked, 1 consistent"
    assert len({len(line) for line in lines[1:-1]}) == 1  # the table's lines stay aligned


def test_the_ascii_stand_ins() -> None:
    assert "✔ ≈ ✘ ? ┃━┏┳╇│ – ∞".translate(ASCII_FALLBACK) == "+ ~ X ? |-+++| - ~"
    assert encoded("✔ 中", "ascii") == b"+ \\u4e2d"  # no stand-in: an escape, never dropped
    assert encoded("✔ 中", "utf-8") == "✔ 中".encode()
    assert encoded("✔", "no-such-codec") == b"+"


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        *[("²", None), ("①", None), ("٣٠", None), ("0", 20), ("7", 20), ("120", 120)],
        *[("99999999999999999999", 1000), (" 80 ", 80), ("-5", None), ("", None)],
    ],
)
def test_columns(monkeypatch: pytest.MonkeyPatch, columns: str, width: int | None) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert _width() == width  # None: the terminal's width, and pytest's stdout has none


@pytest.mark.parametrize("columns", ["²", "①", "0", "99999999999999999999"])
def test_odd_columns_still_give_a_report(folder: Path, columns: str) -> None:
    for command in ("check", "audit", "coverage"):
        out = run(command, folder / "claims.toml", env={"COLUMNS": columns, "LINES": columns})
        assert out.exit_code == 0, (columns, command, out.stderr)


def test_term_dumb_means_no_colour_and_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color("auto", Terminal()) is True
    assert wanted(Terminal(), Terminal(), to_file=False) is True
    monkeypatch.setenv("TERM", "dumb")
    assert use_color("auto", Terminal()) is False
    assert wanted(Terminal(), Terminal(), to_file=False) is False
    assert use_color("always", Terminal()) is True  # asked for: given


@pytest.mark.slow  # a figcheck process per case
def test_a_missing_home(folder: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "HOME"}
    done = subprocess.run(
        [sys.executable, "-m", "figcheck", "check", "claims.toml", "-f", "json"],
        cwd=folder,
        env={**env, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    "command",
    ["init doc.txt -o out.toml", pytest.param("check claims.toml", marks=pytest.mark.slow)],
)
def test_a_deleted_working_folder(folder: Path, command: str) -> None:
    (folder / "gone").mkdir()
    command = command.replace("doc.txt", str(folder / "doc.txt"))
    command = command.replace("claims.toml", str(folder / "claims.toml"))
    done = shell(f"cd gone && rmdir ../gone && figcheck {command}", folder)
    message = ".: the current folder no longer exists (deleted or moved); run figcheck from another"
    assert (done.returncode, done.stderr, done.stdout) == (2, message + "\n", "")


@pytest.mark.slow
def test_a_pipe_nobody_reads_is_refused_at_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "PIPE_WAIT", 0.1)  # the wait for a late reader, shortened
    os.mkfifo(folder / "pipe")
    with watchdog(20):
        out = run("check", folder / "claims.toml", "-o", folder / "pipe")
    assert (out.exit_code, out.stderr) == (2, f"{folder / 'pipe'}: is a pipe that nothing reads\n")
    assert stat.S_ISFIFO((folder / "pipe").stat().st_mode)


@pytest.mark.parametrize("command", ["check", "coverage", "init"])
def test_an_output_ending_in_a_slash_names_a_folder(folder: Path, command: str) -> None:
    first = folder / ("doc.txt" if command == "init" else "claims.toml")
    out = run(command, first, "-o", "dir/")
    assert (out.exit_code, out.stderr) == (
        2,
        "dir/: names a folder, not a file; give the file to write\n",
    )
    assert not (Path("dir")).exists()


# -- signals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_writing_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")

    def killed(fd: int) -> None:
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(os, "fsync", killed)
    before = signal.getsignal(signum)
    with pytest.raises(Terminated) as stop:
        write_atomic(target, "new\n")
    assert stop.value.signum == signum
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert signal.getsignal(signum) == before


PROGRAM = """
import os, signal, sys
import figcheck.io.atomic as atomic
from figcheck.cli import main
atomic.os.fsync = lambda fd: os.kill(os.getpid(), signal.{name})
sys.argv = ["figcheck", "check", "claims.toml", "-f", "json", "-o", "out.json"]
main()
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["SIGTERM", *(pytest.param(n, marks=pytest.mark.slow) for n in ("SIGHUP", "SIGINT"))]
)
def test_a_signal_stops_figcheck_and_cleans_up(folder: Path, name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROGRAM.format(name=name))],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    signum = getattr(signal, name)
    if name == "SIGINT":  # Ctrl-C: exit 130, as the shell reports it
        assert (done.returncode, done.stderr) == (130, "")
    else:
        assert (done.returncode, done.stderr) == (
            128 + signum,
            f"figcheck: stopped by signal {signum}\n",
        )
    assert sorted(p.name for p in folder.iterdir()) == ["claims.toml", "doc.txt"]


@pytest.mark.slow  # a figcheck process per case
def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = int(gone.stdout)
    names = [
        f".out.json.{dead}.abcd_123.tmp",  # its writer was killed: removed
        f".out.json.{os.getppid()}.abcd_123.tmp",  # a live process's: kept
        ".out.json.x.tmp",  # not figcheck's naming: kept
        f".other.json.{dead}.abcd_123.tmp",  # another file's: kept
    ]
    for name in names:
        (tmp_path / name).write_text("part", encoding="utf-8")
    remove_stale(tmp_path / "out.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])
    write_atomic(tmp_path / "other.json", "{}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names[1:3], "other.json"])
