"""Behaviour at size: big reports, progress, the lazy line index and the fast TOML reader."""

from __future__ import annotations

import gc
import json
import threading
import time
from pathlib import Path

import pytest

from figcheck.check import checker
from figcheck.claims import loader, tomlread
from figcheck.claims.tomllines import LineIndex
from figcheck.collector import FREEZE_AT, paused_gc
from figcheck.errors import ProblemsError
from figcheck.render import progress_bar
from figcheck.render.progress_bar import ProgressBar, wanted

from .common import claims_file, run

# A multi-line string anywhere makes the index read every line, as it did before keys were
# read lazily; appended at the end, it changes no line above it.
FORCE_FULL_SCAN = '\nforce_full_scan = """\n"""\n'

INDEX_TEXTS = [
    '[document]\nsource = "doc.txt"\n\n[claims.a]\nvalue = "1"\nformula = "b"\n',
    'title = "top"\n[claims.a]\nvalue = "1"\n[[claims.a.references]]\nvalue = "2"\n'
    '[[claims.a.references]]\nsource = "x"\n',
    '[claims]\na.value = "1"\ninline = { value = "2" }\n"quoted-id".value = "3"\n',
    '[claims."quoted-id"]\nvalue = "1"  # note\n  [claims.b]   # indented header\nvalue = "2"\n',
    "[claims.a]\r\nvalue = '1'\r\nlist = [\r\n  [1, 2],\r\n]\r\n"
    "[checks.c]\r\nassert = 'a <= 2'\r\n",
    "[claims.a]\nvalue = \"1\"\n[not a header\n[claims.b]\nvalue = '2'\n",
    "",
]


@pytest.mark.parametrize("text", INDEX_TEXTS)
def test_lazy_line_index_matches_a_full_scan(text: str) -> None:
    lazy = LineIndex(text)
    full = LineIndex(text + FORCE_FULL_SCAN)
    assert lazy.tables == full.tables
    assert lazy.arrays == full.arrays
    paths = [p for p in full.keys if p[-1] != "force_full_scan"]
    assert [lazy.key(*p) for p in paths] == [full.key(*p) for p in paths]
    assert [lazy.table(*p) for p in paths] == [full.table(*p) for p in paths]
    assert lazy.keys == {p: full.keys[p] for p in paths}


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_line_index_reads_either_line_end(end: str) -> None:
    text = end.join(
        ["[claims.a]", 'value = "1"', "[claims.b]  # note", "[[claims.b.references]]", ""]
    )
    index = LineIndex(text)
    assert index.tables == {("claims", "a"): 1, ("claims", "b"): 3}
    assert index.arrays == {("claims", "b", "references"): [4]}
    assert index.key("claims", "a", "value") == 2


def test_lazy_line_index_lines() -> None:
    index = LineIndex(INDEX_TEXTS[1])
    assert index.key("title") == 1
    assert index.table("claims", "a") == 2
    assert index.key("claims", "a", "value") == 3
    assert index.array_item(("claims", "a", "references"), 1) == 6
    assert index.key("claims", "a", "references", "1", "source") == 7
    assert index.key("claims", "a", "formula") == 2  # not written: its table's line
    assert index.table("claims", "b") is None


def claims(n: int, wrong: int = -1) -> str:
    """*n* claims, a_i = 1 + 2, with claim *wrong* stated as 9 (inconsistent)."""
    parts = ['[claims.one]\nvalue = "1 person"\n[claims.two]\nvalue = "2 people"\n']
    for i in range(n - 2):
        value = "9 people" if i == wrong else "3 people"
        parts.append(f'[claims.a{i}]\nvalue = "{value}"\nformula = "one + two"\n')
    return "".join(parts)


def test_json_holds_every_result_one_per_line(tmp_path: Path) -> None:
    out = run("check", claims_file(tmp_path, claims(250, wrong=7)), "--format", "json")
    data = out.json()
    assert out.exit_code == 1
    assert len(data["results"]) == 250
    assert [r["id"] for r in data["results"]][:3] == ["one", "two", "a0"]
    assert data["summary"]["consistent"] == 247
    assert data["summary"]["inconsistent"] == 1
    lines = out.stdout.splitlines()
    assert sum(line.startswith('    {"id": ') for line in lines) == 250
    assert json.loads(lines[13].rstrip(",")) == data["results"][0]


def test_large_table_shows_findings_and_how_to_see_all(tmp_path: Path) -> None:
    path = claims_file(tmp_path, claims(250, wrong=7))
    out = run("check", path, "--color", "never", env={"COLUMNS": "120"})
    cells = [line.split("│") for line in out.stdout.splitlines() if "│" in line]
    assert [c[1].strip() for c in cells if c[1].strip()] == ["a7"]
    assert "9 people stated, 3 people computed: 6 people, 3×" in out.stdout  # how far off
    assert out.stdout.splitlines()[-2:] == [
        "250 results: 2 unchecked, 247 consistent, 1 inconsistent; 250 without a quote",
        "Showing only the findings of 250 results; use --show all to see every result.",
    ]
    everything = run("check", path, "--show", "all", "--color", "never", env={"COLUMNS": "120"})
    rows = [line for line in everything.stdout.splitlines() if "│" in line]
    rows = [row for row in rows if row.split("│")[1].strip()]  # not the how-far-off lines
    assert len(rows) == 250
    assert "Showing only" not in everything.stdout


def test_core_reports_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "PROGRESS_STEP", 2)
    monkeypatch.setattr(checker, "PROGRESS_STEP", 2)
    seen: list[tuple[str, int, int]] = []

    def record(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))

    claims_file_ = loader.load(claims_file(tmp_path, claims(5)), progress=record)
    checker.check(claims_file_, progress=record)
    assert seen == [
        ("reading", 0, 0),
        ("loading", 0, 5),
        ("loading", 2, 5),
        ("loading", 4, 5),
        ("loading", 5, 5),
        ("checking", 0, 5),
        ("checking", 2, 5),
        ("checking", 4, 5),
        ("checking", 5, 5),
    ]


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("stderr", "stdout", "to_file", "ci", "expected"),
    [
        (True, True, False, "", True),
        (True, False, True, "", True),  # -o FILE, in any format: stdout is not used
        (True, False, False, "", False),  # piped
        (False, True, False, "", False),  # stderr redirected
        (False, False, True, "", False),  # stderr redirected, writing a file
        (True, True, False, "true", False),  # CI
    ],
)
def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
    stderr: bool,
    stdout: bool,
    to_file: bool,
    ci: str,
    expected: bool,
) -> None:
    monkeypatch.setenv("CI", ci)
    assert wanted(Stream(stderr), Stream(stdout), to_file=to_file) is expected


def test_progress_bar_never_shows_for_quick_work() -> None:
    with ProgressBar(delay=60) as bar:
        bar("loading", 10, 100)
    assert bar.shown is False
    time.sleep(0.05)
    assert bar.shown is False


def test_progress_bar_shows_after_its_delay_and_goes(capfd: pytest.CaptureFixture[str]) -> None:
    appeared = threading.Event()
    with ProgressBar(delay=0.01) as bar:
        bar("checking", 5, 10)
        for _ in range(1000):  # up to 10 s on a busy machine
            if bar.shown:
                appeared.set()
                break
            time.sleep(0.01)
    assert appeared.is_set()
    assert bar.shown is False
    assert capfd.readouterr().out == ""  # the bar only ever writes to stderr
    assert progress_bar.LABELS["checking"] == "Checking"


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_collector(enabled: bool) -> None:
    before = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with paused_gc():
            assert gc.isenabled() is False
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if before else gc.disable)()


@pytest.mark.slow
def test_a_big_pause_hands_its_objects_to_the_permanent_generation() -> None:
    before = gc.isenabled()
    gc.enable()
    kept: list[list[int]] = []
    try:
        frozen = gc.get_freeze_count()
        gc.collect()
        with paused_gc(freeze=True):
            # twice the line: objects that another thread frees meanwhile lower the count
            kept.extend([i] for i in range(2 * FREEZE_AT))
        assert gc.isenabled() is True
        assert gc.get_freeze_count() >= frozen + 2 * FREEZE_AT
        frozen = gc.get_freeze_count()
        with paused_gc(freeze=True):  # a small pause is left to the collector
            kept.extend([i] for i in range(100))
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        (gc.enable if before else gc.disable)()


GOOD = '[document]\nsource = "doc.txt"\n[claims.a]\nvalue = "2 people"\n'
BAD = '[document]\nsource = "doc.txt"\n[claims.a]\nvalue = "2 people\n'


def _refuses(text: str) -> object:
    raise ValueError("a fast reader's own message")


@pytest.mark.parametrize(
    "fast",
    [None, _refuses, tomlread._fast_loads()],
    ids=["tomllib only", "fast reader refuses", "installed reader"],
)
def test_any_toml_reader_gives_the_same_data_and_located_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast: object
) -> None:
    monkeypatch.setattr(tomlread, "_fast_loads", lambda: fast)
    good = loader.parse(GOOD, shown="claims.toml", base=tmp_path)
    assert [(c.id, c.stated.text, c.line) for c in good.claims] == [("a", "2 people", 3)]
    if fast is _refuses:
        return  # a refused good file is read by tomllib: checked above
    with pytest.raises(ProblemsError) as caught:
        loader.parse(BAD, shown="claims.toml", base=tmp_path)
    assert str(caught.value) == "claims.toml:4:18: invalid TOML: illegal character '\\n'"


def test_claims_with_the_same_figure_share_one_reading(tmp_path: Path) -> None:
    claims_file_ = loader.load(claims_file(tmp_path, claims(4)))
    a0, a1 = claims_file_.by_id["a0"].stated, claims_file_.by_id["a1"].stated
    assert a0 is a1
    assert claims_file_.by_id["one"].stated is not a0


def test_progress_bar_ends_each_stage_full_and_clears() -> None:
    """Drawn on a terminal console: the checking stage reaches 10/10 (100 %) even though the
    last report said 7/10, before the next stage and before the bar goes; then it clears."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with ProgressBar(delay=0, console=console) as bar:
        for _ in range(1000):
            if bar.shown:
                break
            time.sleep(0.01)
        assert bar.shown
        bar("checking", 7, 10)
        bar("rendering", 0, 0)
        bar("files", 1, 2)
    out = buffer.getvalue()
    assert "Checking" in out
    assert "10/10" in out
    assert "100%" in out
    assert "2/2" in out  # the last stage too, when the run ends
    assert out.index("7/10") < out.index("10/10") < out.index("Writing the report")
    # transient: the last thing written moves back over the bar and erases it
    assert out.endswith("\r\x1b[1A\x1b[2K")
    assert bar.shown is False
