"""Scan throughput: documents per second on one core and on every core, and peak memory.

    uv run python benchmarks/scan.py                 # 1,000 and 4,000 documents, 3 rounds
    uv run python benchmarks/scan.py --sizes 1000 --rounds 1

Each document is a short report of a dozen sentences with cued relations (sums, shares,
changes), some of them wrong, written into benchmarks/out/scan-N/. Each round runs
``figcheck scan -f jsonl`` on one process and then on every core, as fresh processes, and the
table gives the median wall time, documents per second, the speed-up over one process, and
the peak resident memory of the whole process tree (the parent's and its workers').
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIGCHECK = [sys.executable, "-m", "figcheck"]

_SENTENCES = (
    "The farm grew {a:,} apples and {b:,} pears, {s:,} fruit in all.",
    "Of {n:,} patients, {k:,} patients ({p:.1f}%) recovered.",
    "Revenue rose from {x:.1f} million tonnes to {y:.1f} million tonnes, a rise of {r:.0f}%.",
    "The council met on {d} March to discuss the plan with {c} members.",
    "Output doubled from {u:,} tonnes to {v:,} tonnes.",
)


def document(seed: int) -> str:
    rng = random.Random(seed)
    lines = [f"Report {seed}", ""]
    for _ in range(12):
        a, b = rng.randint(1_000, 90_000), rng.randint(1_000, 90_000)
        n = rng.randint(2_000, 9_000)
        k = rng.randint(100, n // 2)
        x = rng.uniform(10, 90)
        y = x * rng.uniform(1.05, 1.9)
        u = rng.randint(100, 900)
        wrong = rng.random() < 0.2  # one relation in five planted wrong
        values = {
            "a": a,
            "b": b,
            "s": a + b + (rng.randint(5_000, 9_000) if wrong else 0),
            "n": n,
            "k": k,
            "p": 100 * k / n,
            "x": x,
            "y": y,
            "r": 100 * (y - x) / x,
            "d": rng.randint(1, 28),
            "c": rng.randint(3, 20),
            "u": u,
            "v": 2 * u,
        }
        lines.append(rng.choice(_SENTENCES).format(**values))
    return "\n".join(lines) + "\n"


def folder(size: int) -> Path:
    out = HERE / "out" / f"scan-{size}"
    if not out.exists() or len(list(out.iterdir())) != size:
        out.mkdir(parents=True, exist_ok=True)
        for i in range(size):
            (out / f"doc{i:05d}.txt").write_text(document(i), encoding="utf-8")
    return out


# run a command and print the largest resident size of it and its waited-for descendants
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak resident MB of the largest process of one run."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - start
    code, peak = done.stdout.split()
    if code not in ("0", "1"):
        raise SystemExit(f"figcheck scan exited with {code}")
    return wall, int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 4_000])
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    cores = os.cpu_count() or 1
    print("| documents | jobs | median s | documents/s | speed-up | peak MB |")
    print("|--:|--:|--:|--:|--:|--:|")
    for size in options.sizes:
        path = folder(size)
        times: dict[int, list[float]] = {1: [], cores: []}
        peaks: dict[int, float] = {1: 0.0, cores: 0.0}
        for _ in range(options.rounds):
            for jobs in (1, cores):  # interleaved, so both see the same load
                wall, peak = run([*FIGCHECK, "scan", str(path), "-f", "jsonl", "-j", str(jobs)])
                times[jobs].append(wall)
                peaks[jobs] = max(peaks[jobs], peak)
        one = statistics.median(times[1])
        for jobs in (1, cores):
            median = statistics.median(times[jobs])
            print(
                f"| {size:,} | {jobs} | {median:.2f} | {size / median:.0f} | "
                f"{one / median:.2f}× | {peaks[jobs]:.0f} |"
            )


if __name__ == "__main__":
    main()
