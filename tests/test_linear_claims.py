"""Big claims files take time and memory in proportion to their claims, measured against
reading the same file's TOML: figcheck runs in a fresh interpreter that first reads the file
(the baseline), then checks it, and reports its time and peak memory.

As in test_linear, no absolute time is asserted: a ratio to the baseline (generous, for a
shared machine) and a bound in bytes per claim (docs/security.md states both).
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
import json, os, sys, time
args = json.loads(sys.argv[1])
from figcheck.claims.tomlread import read_toml
start = time.process_time()
with open("claims.toml", encoding="utf-8") as handle:
    data = read_toml(handle.read(), "claims.toml")
base = time.process_time() - start
del data
from figcheck.cli import main
sys.argv = ["figcheck", *args]
start = time.process_time()
try:
    main()
except SystemExit as done:
    code = done.code
took = time.process_time() - start
with open("/proc/self/status") as status:
    rss = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:"))
os.write(2, ("\\n" + json.dumps({"code": code, "base": base, "took": took, "rss": rss})).encode())
"""
CLAIMS = 200_000
# figcheck's CPU time at most this many readings of the file's TOML: 8 to 12 measured, and
# a quadratic path over 200,000 claims gives thousands
RATIO = 60
STARTUP_BYTES = 120 * 2**20  # the interpreter, figcheck, pint and rich, before any claim
BYTES_PER_CLAIM = 2_000  # 1,000,000 claims in 2 GB; about 1,300 measured


def measure(folder: Path, claims: str, *argv: str) -> dict[str, float]:
    (folder / "doc.txt").write_text("Nothing is quoted.\n", encoding="utf-8")
    (folder / "claims.toml").write_text(
        '[document]\nsource = "doc.txt"\n\n' + claims, encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, json.dumps(list(argv))],
        cwd=folder,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=SUBPROCESS_TIMEOUT * 6,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    result: dict[str, float] = json.loads(done.stderr.splitlines()[-1])
    ratio = result["took"] / result["base"]
    assert ratio <= RATIO, (result, ratio)
    assert result["rss"] <= STARTUP_BYTES + BYTES_PER_CLAIM * CLAIMS, result
    return result


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_claims_that_all_name_one_claim(tmp_path: Path, fmt: str) -> None:
    """Every claim's formula names the first one: each is judged once, in constant work."""
    claims = '[claims.base]\nvalue = "1,000 tonnes"\n\n' + "".join(
        f'[claims.c{i}]\nvalue = "1,000 tonnes"\nformula = "base"\n\n' for i in range(CLAIMS)
    )
    result = measure(tmp_path, claims, "check", "claims.toml", "-f", fmt)
    assert result["code"] == 0
