"""Lower bounds: what the unmet speed targets leave for figcheck's own work, measured.

    uv run python benchmarks/bounds.py            # 3 interleaved rounds
    uv run python benchmarks/bounds.py --runs 5

Two targets are not met (benchmarks/README.md, "Gaps"). This script measures, on the same
inputs as run.py and reading.py, the part of each target's budget that is spent before
figcheck does any work of its own:

- ``check --format json`` on 100,000 claims, target 3.0x the rtoml floor (CPU). The report's
  bytes are fixed (a golden test pins them), so the budget must at least pay for encoding
  them with json's C encoder from ready-made dicts, and for the floor's own start-up and
  rtoml parse. What is left is the budget for reading 100,000 figures, compiling their
  formulas, locating their quotes and judging them.
- ``init`` at 5 MB/s on the dense document. A draft reads every figure as coverage reads it,
  so the budget must at least pay for coverage's reading. What is left is the budget for
  drafting each claim: its quote, made unique, its id and its TOML.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import reading  # noqa: E402
import synth  # noqa: E402

from figcheck.check.checker import check  # noqa: E402
from figcheck.check.quotes import index_for  # noqa: E402
from figcheck.claims.loader import load  # noqa: E402
from figcheck.document.draft import draft  # noqa: E402
from figcheck.render.json import result_dict  # noqa: E402

PYTHON = sys.executable
CLAIMS = 100_000
TARGET_CHECK = 3.0  # x the rtoml floor
TARGET_INIT = 5.0  # MB/s


def child_cpu(argv: list[str]) -> float:
    """The CPU time (user and system) of one run of *argv*, its output thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, check=False)
    if done.returncode not in (0, 1):  # 1: some claims are inconsistent, as synth makes them
        raise SystemExit(f"{argv[0]} exited {done.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cpu() -> float:
    return time.process_time()


def result_dicts(path: Path) -> list[dict[str, object]]:
    """The report's results for the claims file *path*, as the dicts json encodes."""
    claims = load(path)
    report = check(claims, strict=False, locate=index_for(claims).locate)
    return [result_dict(r) for r in report.results]


def encode_time(dicts: list[dict[str, object]]) -> float:
    """The CPU time to encode *dicts* as figcheck's JSON lines and write them to /dev/null."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    gc.disable()
    start = cpu()
    text = ",\n    ".join([encode(d) for d in dicts])
    with open(os.devnull, "wb") as sink:
        sink.write(text.encode("utf-8"))
    spent = cpu() - start
    gc.enable()
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out = HERE / "out"
    folder = out / f"claims-{CLAIMS}"
    if not (folder / "claims.toml").exists():
        synth.write(CLAIMS, folder)
    claims = folder / "claims.toml"
    floor = [PYTHON, str(HERE / "floor_check.py"), "--rtoml", str(claims)]
    figcheck = [PYTHON, "-m", "figcheck", "check", "--format", "json", str(claims)]
    dicts = result_dicts(claims)

    big = reading.document(out)
    text = reading.first_megabyte(big)
    megabytes = len(text.encode("utf-8")) / 1e6
    drafted = len(draft(text, source="document.txt").claims)

    rows: dict[str, list[float]] = {k: [] for k in ("floor", "figcheck", "encode", "cov", "init")}
    for _ in range(args.runs):
        rows["floor"].append(child_cpu(floor))
        rows["figcheck"].append(child_cpu(figcheck))
        rows["encode"].append(encode_time(dicts))
        rows["cov"].append(reading.timed(reading.coverage, text))
        rows["init"].append(reading.timed(reading.init, text))
    med = {k: statistics.median(v) for k, v in rows.items()}

    budget = TARGET_CHECK * med["floor"]
    left = budget - med["encode"] - med["floor"]
    print(f"check --format json, {CLAIMS:,} claims (CPU, medians of {args.runs} rounds):")
    print(
        f"  rtoml floor {med['floor']:.2f} s; figcheck {med['figcheck']:.2f} s "
        f"({med['figcheck'] / med['floor']:.1f}x); budget at {TARGET_CHECK}x {budget:.2f} s"
    )
    print(
        f"  encoding the report's {len(dicts):,} results from ready dicts and writing them: "
        f"{med['encode']:.2f} s ({med['encode'] / budget:.0%} of the budget)"
    )
    print(
        f"  left once the output and the floor's own start-up and parse are paid: {left:.2f} s, "
        f"{left / CLAIMS * 1e6:.1f} us a claim; figcheck spends "
        f"{(med['figcheck'] - med['encode'] - med['floor']) / CLAIMS * 1e6:.1f} us"
    )

    budget = megabytes / TARGET_INIT
    left = budget - med["cov"]
    print(f"init on the dense document's first {megabytes:.1f} MB ({drafted:,} claims drafted):")
    print(
        f"  init {med['init']:.2f} s ({megabytes / med['init']:.1f} MB/s); budget at "
        f"{TARGET_INIT} MB/s {budget:.2f} s"
    )
    print(
        f"  coverage's reading of the same text {med['cov']:.2f} s "
        f"({med['cov'] / budget:.0%} of the budget)"
    )
    print(
        f"  left for drafting: {left:.3f} s, {left / drafted * 1e6:.1f} us a claim; init "
        f"spends {(med['init'] - med['cov']) / drafted * 1e6:.0f} us"
    )


if __name__ == "__main__":
    main()
