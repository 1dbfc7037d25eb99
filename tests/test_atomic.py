"""Nothing lost: every file figcheck writes is replaced whole or not at all, and its inputs
(the claims file and the document) are never changed."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from figcheck.errors import InputError
from figcheck.io.atomic import write_atomic
from tests.common import run

OLD = "the old report\n"
CLAIMS = """\
[document]
title = "Test"
source = "doc.txt"

[claims.a]
value = "10 people"
quote = "10 apples"

[claims.b]
value = "20 people"
quote = "20 pears"

[claims.total]
value = "30 people"
quote = "30 fruit"
formula = "a + b"
"""
DOCUMENT = "A short document about 10 apples and 20 pears, 30 fruit in all.\n"


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def fail_with(error: BaseException) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    return fail


# -- write_atomic --------------------------------------------------------------------------------


def test_writes_a_new_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.txt", "new\n")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "new\n"
    assert listing(tmp_path) == ["out.txt"]


def test_replaces_an_old_file_keeping_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert listing(tmp_path) == ["out.txt"]


FAILURES = [
    (OSError(28, "No space left on device"), "out.txt: cannot write: No space left on device"),
    (PermissionError(13, "Permission denied"), "out.txt: cannot write: Permission denied"),
    (KeyboardInterrupt(), None),
]


@pytest.mark.parametrize(("error", "message"), FAILURES)
@pytest.mark.parametrize("step", ["replace", "fsync", "write", "chmod"])
def test_a_failure_keeps_the_old_file_and_leaves_no_temporary(
    step: str,
    error: BaseException,
    message: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("out.txt")
    path.write_text(OLD, encoding="utf-8")
    if step == "write":
        monkeypatch.setattr(os, "write", fail_with(error))
    elif step == "chmod" and isinstance(error, KeyboardInterrupt):
        monkeypatch.setattr(os, "chmod", fail_with(error))
    elif step == "chmod":
        # a failing chmod is not worth losing the report for: the write goes on
        monkeypatch.setattr(os, "chmod", fail_with(error))
        write_atomic(path, "new\n")
        assert path.read_text(encoding="utf-8") == "new\n"
        assert listing(tmp_path) == ["out.txt"]
        return
    else:
        monkeypatch.setattr(os, step, fail_with(error))
    if message is None:
        with pytest.raises(KeyboardInterrupt):
            write_atomic(path, "new\n")
    else:
        with pytest.raises(InputError) as caught:
            write_atomic(path, "new\n")
        assert str(caught.value) == message
    assert path.read_text(encoding="utf-8") == OLD
    assert listing(tmp_path) == ["out.txt"]


def test_no_temporary_file_can_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out.txt").write_text(OLD, encoding="utf-8")
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(PermissionError(13, "Permission denied")))
    with pytest.raises(InputError) as caught:
        write_atomic(Path("out.txt"), "new\n")
    assert str(caught.value) == "out.txt: cannot write: Permission denied"
    assert Path("out.txt").read_text(encoding="utf-8") == OLD


def test_a_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        write_atomic(Path("nope/out.txt"), "new\n")
    assert str(caught.value) == "nope/out.txt: cannot write: No such file or directory"
    assert listing(tmp_path) == []


def test_a_folder_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out").mkdir()
    with pytest.raises(InputError) as caught:
        write_atomic(Path("out"), "new\n")
    assert str(caught.value) == "out: is a directory, not a file"
    assert listing(tmp_path) == ["out"]


def test_a_link_is_followed_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("real.json").write_text(OLD, encoding="utf-8")
    Path("link.json").symlink_to("real.json")
    write_atomic(Path("link.json"), "new\n")
    assert os.readlink("link.json") == "real.json"
    assert Path("real.json").read_text(encoding="utf-8") == "new\n"
    assert listing(tmp_path) == ["link.json", "real.json"]


def test_a_dangling_link_gets_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("link.json").symlink_to("missing.json")
    write_atomic(Path("link.json"), "new\n")
    assert os.readlink("link.json") == "missing.json"
    assert Path("missing.json").read_text(encoding="utf-8") == "new\n"
    assert listing(tmp_path) == ["link.json", "missing.json"]


def test_without_overwrite_a_dangling_link_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("link.json").symlink_to("missing.json")
    with pytest.raises(InputError) as caught:
        write_atomic(Path("link.json"), "new\n", overwrite=False)
    assert str(caught.value) == "link.json: already exists (use --force to overwrite it)"
    assert listing(tmp_path) == ["link.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_written_to_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe")
    received: list[str] = []
    reader = threading.Thread(
        target=lambda: received.append(Path("pipe").read_text("utf-8")), daemon=True
    )
    reader.start()
    write_atomic(Path("pipe"), "new\n")
    reader.join(timeout=10)
    assert received == ["new\n"]
    assert stat.S_ISFIFO(os.stat("pipe").st_mode)
    assert listing(tmp_path) == ["pipe"]


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full here")
def test_a_device_that_fails_is_reported_and_kept() -> None:
    with pytest.raises(InputError) as caught:
        write_atomic(Path("/dev/full"), "new\n")
    assert str(caught.value) == "/dev/full: cannot write: No space left on device"
    assert Path("/dev/full").is_char_device()


def test_without_overwrite_an_existing_file_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out.txt").write_text(OLD, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_atomic(Path("out.txt"), "new\n", overwrite=False)
    assert str(caught.value) == "out.txt: already exists (use --force to overwrite it)"
    assert Path("out.txt").read_text(encoding="utf-8") == OLD


def test_without_overwrite_a_file_that_appears_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        Path("out.txt").write_text(OLD, encoding="utf-8")  # another writer wins the race

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(InputError) as caught:
        write_atomic(Path("out.txt"), "new\n", overwrite=False)
    assert str(caught.value) == "out.txt: already exists (use --force to overwrite it)"
    assert Path("out.txt").read_text(encoding="utf-8") == OLD
    assert listing(tmp_path) == ["out.txt"]


# -- the commands that write files ---------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.toml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [["check", "claims.toml", "-f", "json"], ["coverage", "claims.toml", "-f", "json"]],
)
@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (
            OSError(28, "No space left on device"),
            2,
            "out.json: cannot write: No space left on device\n",
        ),
        (KeyboardInterrupt(), 130, ""),
    ],
)
def test_output_failure_keeps_the_old_report(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    error: BaseException,
    code: int,
    message: str,
) -> None:
    (folder / "out.json").write_text(OLD, encoding="utf-8")
    monkeypatch.setattr(os, "replace", fail_with(error))
    out = run(*command, "-o", "out.json")
    assert out.exit_code == code
    assert out.stderr == message
    assert (folder / "out.json").read_text(encoding="utf-8") == OLD
    assert listing(folder) == ["claims.toml", "doc.txt", "out.json"]


def test_output_is_written_whole(folder: Path) -> None:
    (folder / "out.json").write_text(OLD, encoding="utf-8")
    out = run("check", "claims.toml", "-f", "json", "-o", "out.json")
    assert out.exit_code == 0
    assert out.stdout == ""
    assert (folder / "out.json").read_text(encoding="utf-8") == run(
        "check", "claims.toml", "-f", "json"
    ).stdout
    assert listing(folder) == ["claims.toml", "doc.txt", "out.json"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "claims.toml", "-o", "claims.toml"],
            "claims.toml: is an input of this run (claims.toml); write the output to another file",
        ),
        (
            ["check", "claims.toml", "-o", "./doc.txt"],
            "doc.txt: is an input of this run (doc.txt); write the output to another file",
        ),
        (
            ["coverage", "claims.toml", "-o", "link.toml"],
            "link.toml: is an input of this run (claims.toml); write the output to another file",
        ),
        (
            ["init", "doc.txt", "-o", "doc.txt", "--force"],
            "doc.txt: is an input of this run (doc.txt); write the output to another file",
        ),
    ],
)
def test_inputs_are_never_written_over(folder: Path, args: list[str], message: str) -> None:
    (folder / "link.toml").symlink_to("claims.toml")
    out = run(*args)
    assert out.exit_code == 2
    assert out.stderr == message + "\n"
    assert (folder / "claims.toml").read_text(encoding="utf-8") == CLAIMS
    assert (folder / "doc.txt").read_text(encoding="utf-8") == DOCUMENT
    assert listing(folder) == ["claims.toml", "doc.txt", "link.toml"]


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


@pytest.mark.parametrize(
    "args",
    [
        ["check", "claims.toml"],
        ["check", "claims.toml", "-f", "html", "-o", "report.html"],
        ["audit", "claims.toml"],
        ["explain", "total", "claims.toml"],
        ["coverage", "claims.toml"],
        ["init", "doc.txt", "-o", "-"],
        ["init", "doc.txt", "-o", "draft.toml"],
    ],
)
def test_the_claims_file_and_document_are_never_changed(folder: Path, args: list[str]) -> None:
    before = fingerprint(folder)
    out = run(*args)
    assert out.exit_code == 0, out.stderr
    after = fingerprint(folder)
    assert {name: after[name] for name in before} == before
    written = {"report.html", "draft.toml"} & set(args)
    assert set(after) == set(before) | written


# -- init -----------------------------------------------------------------------------------------


def test_init_never_overwrites_without_force(folder: Path) -> None:
    (folder / "draft.toml").write_text(OLD, encoding="utf-8")
    out = run("init", "doc.txt", "-o", "draft.toml")
    assert out.exit_code == 2
    assert out.stderr == "draft.toml: already exists (use --force to overwrite it)\n"
    assert (folder / "draft.toml").read_text(encoding="utf-8") == OLD
    assert listing(folder) == ["claims.toml", "doc.txt", "draft.toml"]


def test_init_never_writes_through_a_dangling_link(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "draft.toml").symlink_to("elsewhere.toml")
    monkeypatch.setattr("figcheck.document.draft.draft_file", fail_with(AssertionError("drafted")))
    out = run("init", "doc.txt", "-o", "draft.toml")
    assert out.exit_code == 2
    assert out.stderr == "draft.toml: already exists (use --force to overwrite it)\n"
    assert listing(folder) == ["claims.toml", "doc.txt", "draft.toml"]


def test_init_with_force_replaces_the_file_whole(folder: Path) -> None:
    (folder / "draft.toml").write_text(OLD, encoding="utf-8")
    out = run("init", "doc.txt", "-o", "draft.toml", "--force")
    assert out.exit_code == 0
    assert (folder / "draft.toml").read_text(encoding="utf-8") == run(
        "init", "doc.txt", "-o", "-"
    ).stdout
    assert listing(folder) == ["claims.toml", "doc.txt", "draft.toml"]


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (
            OSError(28, "No space left on device"),
            2,
            "draft.toml: cannot write: No space left on device\n",
        ),
        (KeyboardInterrupt(), 130, ""),
    ],
)
def test_init_failure_keeps_the_old_file(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    code: int,
    message: str,
) -> None:
    (folder / "draft.toml").write_text(OLD, encoding="utf-8")
    monkeypatch.setattr(os, "replace", fail_with(error))
    out = run("init", "doc.txt", "-o", "draft.toml", "--force")
    assert out.exit_code == code
    assert out.stderr == message
    assert (folder / "draft.toml").read_text(encoding="utf-8") == OLD
    assert listing(folder) == ["claims.toml", "doc.txt", "draft.toml"]
