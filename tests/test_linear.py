"""Linear time and bounded memory on hostile text, measured against a plain pass over the same
input: figcheck runs in a fresh interpreter that first reads the document and runs one regex
over it (the baseline), then runs the command and reports its time and peak memory.

No absolute time is asserted: only the ratio to the baseline (generous, for a shared machine),
and a memory bound in bytes per input byte (docs/security.md states both).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.common import ROOT
from tests.hostile import SUBPROCESS_TIMEOUT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc"),
]

PROGRAM = """
import json, os, re, sys, time
args = json.loads(sys.argv[1])
start = time.perf_counter()
with open(args["doc"], encoding="utf-8") as handle:
    text = handle.read()
words = sum(1 for _ in re.finditer(r"\\S+", text))
base = time.perf_counter() - start
del text
from figcheck.cli import main
sys.argv = ["figcheck", *args["argv"]]
start = time.perf_counter()
try:
    main()
except SystemExit as done:
    code = done.code
took = time.perf_counter() - start
# this process's own peak (ru_maxrss would include the forked parent's, kept across exec)
with open("/proc/self/status") as status:
    rss = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:"))
os.write(2, ("\\n" + json.dumps({"code": code, "base": base, "took": took, "rss": rss})).encode())
"""
BASE_FLOOR = 0.25  # seconds: a smaller baseline is taken as this (start-up alone is about that)
RATIO = 60  # figcheck's time at most this many plain passes (quadratic paths give thousands)
STARTUP_BYTES = 120 * 2**20  # the interpreter, figcheck, pint and rich, before any input
BYTES_PER_BYTE = 30  # memory for each byte of the document, on top of the start-up
# coverage lists every figure of its document, each read and sorted in Python: on text packed
# with figures (one every two characters in "1,1,1,...", about 140 bytes a byte) its time and
# memory grow with the figures, against a regex pass over the words
MENTIONS_RATIO = 150
MENTION_BYTES = 200


def measure(
    folder: Path,
    document: str,
    claims: str,
    *argv: str,
    ratio: float = RATIO,
    bytes_per_byte: float = BYTES_PER_BYTE,
) -> dict[str, float]:
    (folder / "doc.txt").write_text(document, encoding="utf-8")
    (folder / "claims.toml").write_text(
        '[document]\nsource = "doc.txt"\n\n' + claims, encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, json.dumps({"doc": "doc.txt", "argv": list(argv)})],
        cwd=folder,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=SUBPROCESS_TIMEOUT * 3,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    result: dict[str, float] = json.loads(done.stderr.splitlines()[-1])
    size = len(document.encode("utf-8"))
    took = result["took"] / max(result["base"], BASE_FLOOR)
    assert took <= ratio, (result, took)
    assert result["rss"] <= STARTUP_BYTES + bytes_per_byte * size, (result, size)
    return result


QUOTE = '[claims.q]\nvalue = "1"\nquote = "1 apple"\n'
SIZE = 4_000_000


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("a" + "  " * (SIZE // 2) + " 1 apple", id="double spaces"),
        pytest.param("a" + "\u200b" * (SIZE // 3) + " 1 apple", id="zero-width run"),
        pytest.param("ab\u200b" * (SIZE // 5) + " 1 apple", id="zero-width between words"),
        pytest.param("ab-\n" * (SIZE // 4) + " 1 apple", id="hyphens over line ends"),
        pytest.param("ab\u00ad\n" * (SIZE // 4) + ". 1 apple", id="soft hyphens"),
    ],
)
def test_folding_is_linear_and_bounded(tmp_path: Path, document: str) -> None:
    result = measure(tmp_path, document, QUOTE, "check", "claims.toml")
    assert result["code"] == 0


def test_a_quote_found_only_inside_words(tmp_path: Path) -> None:
    result = measure(tmp_path, "xabcx " * (SIZE // 6), QUOTE.replace("1 apple", "abc"), "check")
    assert result["code"] == 1  # quote-not-found


def test_two_thousand_absent_short_quotes(tmp_path: Path) -> None:
    claims = "".join(f'[claims.q{i}]\nvalue = "1"\nquote = "zq{i}"\n\n' for i in range(2000))
    result = measure(tmp_path, "lorem ipsum " * (SIZE // 12), claims, "check")
    assert result["code"] == 1


def test_a_thousand_long_quotes_sharing_a_first_word(tmp_path: Path) -> None:
    claims = "".join(
        f'[claims.q{i}]\nvalue = "1"\nquote = "the {"word " * 50}x{i}"\n\n' for i in range(1000)
    )
    result = measure(tmp_path, "the " + "word " * (SIZE // 5), claims, "check")
    assert result["code"] == 1


def test_init_on_mixed_number_text(tmp_path: Path) -> None:
    sentence = "In 2020, 1,234 people (12.5%) and one hundred 3 million kg. "
    result = measure(tmp_path, sentence * 400, "", "init", "doc.txt", "-o", "-")
    assert result["code"] == 0


def test_init_on_200_kb_of_mixed_number_text(tmp_path: Path) -> None:
    # one sentence over and over: no quote is ever unique, and every figure rounds no other
    sentence = "In 2020, 1,234 people (12.5%) and one hundred 3 million kg. "
    document = sentence * (200_000 // len(sentence))
    result = measure(tmp_path, document, "", "init", "doc.txt", "-o", "-")
    assert result["code"] == 0


@pytest.mark.parametrize(
    ("document", "ratio"),
    [
        # a figure's reading is kept by its context: these read at 14, 11 and 8 plain passes
        pytest.param("one " * 250_000, RATIO, id="number words in a row"),
        pytest.param("1," * 500_000, RATIO, id="ones and commas"),
        pytest.param(
            "The yield was 1 apple. " * 1_000_000, RATIO, id="a million copies of a quote"
        ),
        pytest.param("5 days " * 150_000, MENTIONS_RATIO, id="figures on one long line"),
    ],
)
def test_coverage_on_text_packed_with_figures(tmp_path: Path, document: str, ratio: float) -> None:
    result = measure(
        tmp_path,
        document,
        QUOTE,
        "coverage",
        "claims.toml",
        ratio=ratio,
        bytes_per_byte=MENTION_BYTES,
    )
    assert result["code"] == 0


def test_a_ten_megabyte_unit_is_refused_at_once(tmp_path: Path) -> None:
    unit = "kg*" * 3_500_000 + "kg"
    claims = f'[units]\nhuge = "{unit}"\n\n[claims.a]\nvalue = "1 {unit}"\n'
    result = measure(tmp_path, unit, claims, "check")  # the baseline reads as much text
    assert result["code"] == 2
