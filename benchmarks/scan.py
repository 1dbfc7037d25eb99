"""Scan throughput: documents per second on one core and on every core, CPU and peak memory.

    uv run python benchmarks/scan.py                       # 250, 500 and 1,000 documents
    uv run python benchmarks/scan.py --sizes 1000 --rounds 5

Each document is a short report of a dozen sentences with cued relations (sums, shares,
changes), some of them wrong, written into benchmarks/out/scan-N/. Each round runs
``figcheck scan -f jsonl`` with ``--jobs 1`` (in one process) and then on every core, as fresh
processes, one after the other, so that both see the same load. The table gives the median
wall time, documents per second, the median of the rounds' speed-ups, the CPU seconds per
document summed over the process and its workers (what the parallel path costs beyond the
work itself), and the peak resident memory of the largest process (the parent or a worker).
The machine's load average is printed before and after.
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


# run a command; print its exit code, the largest resident size of it and its waited-for
# descendants (the pool's workers are waited for), and their CPU seconds summed
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(done.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime)"
)


def run(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, the peak resident MB of the largest process and the CPU seconds of one
    run."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - start
    code, peak, cpu = done.stdout.split()
    if code not in ("0", "1"):
        raise SystemExit(f"figcheck scan exited with {code}")
    return wall, int(peak) / 1024, float(cpu)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    many = options.jobs
    print(f"load average before: {load()} ({os.cpu_count()} cores)")
    print("| documents | jobs | median s | documents/s | speed-up | CPU ms/document | peak MB |")
    print("|--:|--:|--:|--:|--:|--:|--:|")
    for size in options.sizes:
        path = folder(size)
        walls: dict[int, list[float]] = {1: [], many: []}
        cpus: dict[int, list[float]] = {1: [], many: []}
        peaks: dict[int, float] = {1: 0.0, many: 0.0}
        for _ in range(options.rounds):
            for jobs in (1, many):  # interleaved, so both see the same load
                command = [*FIGCHECK, "scan", str(path), "-f", "jsonl", "-j", str(jobs)]
                wall, peak, cpu = run(command)
                walls[jobs].append(wall)
                cpus[jobs].append(cpu)
                peaks[jobs] = max(peaks[jobs], peak)
        ratios = [one / other for one, other in zip(walls[1], walls[many], strict=True)]
        for jobs in (1, many):
            median = statistics.median(walls[jobs])
            speed = statistics.median(ratios) if jobs == many else 1.0
            cpu = 1000 * statistics.median(cpus[jobs]) / size
            print(
                f"| {size:,} | {jobs} | {median:.2f} | {size / median:.0f} | "
                f"{speed:.2f}× | {cpu:.1f} | {peaks[jobs]:.0f} |"
            )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
