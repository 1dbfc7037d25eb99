"""Run every benchmark: wall time, peak memory and the ratio against its floor, as medians.

    uv run python benchmarks/run.py              # everything, 5 runs each (several minutes)
    uv run python benchmarks/run.py --quick      # no 100k files, 3 runs: a quick look
    uv run python benchmarks/run.py --write      # also write the results into README.md

Each case runs as a fresh process, interleaved with its floor in the same round, so that the
ratios compare runs made under the same load. Peak memory is the child's ru_maxrss.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import synth

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
SIZES = (1_000, 10_000, 100_000)
DOCUMENT_MB = 8.0
# figcheck with the faster TOML readers hidden, to measure the standard library's tomllib
STDLIB_TOML = (
    "import sys; sys.modules['rtoml'] = None; "
    "from figcheck.cli import main; sys.argv[0] = 'figcheck'; main()"
)
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None  # GNU time, for peaks
QUICK_ROUNDS = 10
BEGIN, END = "<!-- results -->", "<!-- /results -->"


@dataclass
class Case:
    """One command, its floor (if any), and what it measured."""

    name: str
    command: list[str]
    floor: list[str] | None = None
    floor_name: str = ""
    target: float | None = None  # the highest allowed ratio against the floor
    times: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + system seconds
    peaks: list[int] = field(default_factory=list)  # KiB
    floor_times: list[float] = field(default_factory=list)
    floor_cpus: list[float] = field(default_factory=list)
    size: int = 0  # claims, or bytes of the document for coverage
    quick: bool = False  # a start-up case: run QUICK_ROUNDS times as often

    @property
    def time(self) -> float:
        return statistics.median(self.times)

    @property
    def peak_mb(self) -> float:
        return max(self.peaks) / 1024

    @property
    def ratio(self) -> float | None:
        if not self.floor_times:
            return None
        return self.time / statistics.median(self.floor_times)

    @property
    def cpu_ratio(self) -> float | None:
        if not self.floor_cpus:
            return None
        return statistics.median(self.cpus) / statistics.median(self.floor_cpus)


def figcheck(*args: str) -> list[str]:
    script = Path(PYTHON).parent / "figcheck"
    return [str(script), *args] if script.exists() else [PYTHON, "-m", "figcheck", *args]


def measure(command: Sequence[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident KiB of one run of *command* (output
    discarded). CPU time varies far less than wall time on a machine others are using.

    The peak comes from GNU time where it is installed: a child forked straight from this
    Python process inherits its resident size in ru_maxrss, which would hide small peaks.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as peak_file:
        wrapper = [TIME, "-f", "%M", "-o", peak_file.name] if TIME else []
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*wrapper, *command], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{errors}")
        peak = int(peak_file.read().split()[-1]) if TIME else usage.ru_maxrss
    return elapsed, usage.ru_utime + usage.ru_stime, peak


def has_rtoml() -> bool:
    found = subprocess.run([PYTHON, "-c", "import rtoml"], capture_output=True, check=False)
    return found.returncode == 0


def has_command(name: str) -> bool:
    found = subprocess.run(figcheck(name, "--help"), capture_output=True, check=False)
    return found.returncode == 0


def data(out: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """The generated claims files, written once and kept in *out*."""
    paths = {}
    for n in sizes:
        folder = out / f"claims-{n}"
        path = folder / "claims.toml"
        if not path.exists():
            print(f"generating {n:,} claims ...", file=sys.stderr)
            synth.write(n, folder)
        paths[n] = path
    return paths


def big_document(out: Path) -> Path:
    folder = out / f"document-{DOCUMENT_MB:g}mb"
    path = folder / "claims.toml"
    if not path.exists():
        print(f"generating a {DOCUMENT_MB:g} MB document ...", file=sys.stderr)
        synth.write(1_000, folder, document_bytes=int(DOCUMENT_MB * 1e6))
    return path


def cases(out: Path, sizes: Sequence[int], rtoml: bool, coverage: bool) -> list[Case]:
    floor_check = [PYTHON, str(HERE / "floor_check.py")]
    floor_startup = [PYTHON, str(HERE / "floor_startup.py"), "claims.toml"]
    floor_version = [PYTHON, str(HERE / "floor_version.py")]
    found: list[Case] = [
        Case(
            "figcheck --version",
            figcheck("--version"),
            [PYTHON, "-c", "pass"],
            "bare Python",
            1.2,
            quick=True,
        ),
        Case(
            "figcheck --help",
            figcheck("--help"),
            [*floor_version, "--help"],
            "bare Typer app --help",
            quick=True,
        ),
        Case(
            "figcheck check (the essay)",
            figcheck("check"),
            floor_startup,
            "start-up floor",
            0.7,
            quick=True,
        ),
    ]
    for n, path in data(out, sizes).items():
        rel = str(path.relative_to(ROOT))
        found.append(
            Case(
                f"check --format json, {n:,} claims",
                figcheck("check", rel, "-f", "json"),
                [*floor_check, "--rtoml", rel] if rtoml else [*floor_check, rel],
                "rtoml floor" if rtoml else "check floor",
                3.0 if n == 100_000 else None,
                size=n,
            )
        )
        if n == 1_000_000:
            continue  # the JSON report alone: the targets at a million claims are its time and peak
        found.append(
            Case(
                f"check (table), {n:,} claims",
                figcheck("check", rel),
                [*floor_check, rel],
                "check floor",
                size=n,
            )
        )
        if rtoml and n >= 10_000:
            plain = [PYTHON, "-c", STDLIB_TOML, "check", rel, "-f", "json"]
            found.append(
                Case(
                    f"check --format json, {n:,} claims, tomllib",
                    plain,
                    [*floor_check, rel],
                    "check floor",
                    size=n,
                )
            )
    if coverage:
        path = big_document(out)
        size = (path.parent / "document.txt").stat().st_size
        rel = str(path.relative_to(ROOT))
        found.append(
            Case(
                f"coverage, {size / 1e6:.1f} MB document",
                figcheck("coverage", rel, "-f", "json"),
                size=size,
            )
        )
    return found


def run(found: list[Case], runs: int) -> None:
    """*runs* rounds (QUICK_ROUNDS times as many for the start-up cases, short and noisy ones);
    within a round a case and its floor run back to back, in alternating order."""
    for round_ in range(runs * QUICK_ROUNDS):
        for case in found:
            if round_ >= runs and not case.quick:
                continue
            print(f"round {round_ + 1}: {case.name}", file=sys.stderr)
            floor_first = case.floor is not None and round_ % 2 == 1
            if floor_first:
                measure_floor(case)
            elapsed, cpu, peak = measure(case.command)
            case.times.append(elapsed)
            case.cpus.append(cpu)
            case.peaks.append(peak)
            if not floor_first:
                measure_floor(case)


def measure_floor(case: Case) -> None:
    if case.floor is not None:
        elapsed, cpu, _ = measure(case.floor)
        case.floor_times.append(elapsed)
        case.floor_cpus.append(cpu)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def report(found: list[Case], runs: int, rtoml: bool, coverage: bool) -> str:
    lines = [
        f"Machine: {machine()}; rtoml {'installed' if rtoml else 'not installed'}; "
        f"medians of {runs} runs ({runs * QUICK_ROUNDS} for the start-up cases), "
        f"{time.strftime('%Y-%m-%d')}. Ratios are against the floor measured in the same rounds; "
        "the target is judged on wall time, CPU time is shown because it varies less.",
        "",
        "| case | time | CPU | peak memory | floor | floor time | ratio | CPU ratio | target |",
        "|---|---:|---:|---:|---|---:|---:|---:|---|",
    ]
    for case in found:
        ratio, cpu_ratio = case.ratio, case.cpu_ratio
        if case.name.startswith("coverage"):
            rate = case.size / 1e6 / case.time
            target = f"≥ 5 MB/s: {rate:.1f} MB/s {'✔' if rate >= 5 else '✘'}"
        elif case.target is not None and ratio is not None:
            target = f"≤ {case.target}× {'✔' if ratio <= case.target else '✘'}"
        else:
            target = ""
        floor = (
            f"{case.floor_name} | {statistics.median(case.floor_times):.2f} s | {ratio:.2f}× | "
            f"{cpu_ratio:.2f}×"
            if ratio is not None and cpu_ratio is not None
            else " | | |"
        )
        lines.append(
            f"| {case.name} | {case.time:.2f} s | {statistics.median(case.cpus):.2f} s | "
            f"{case.peak_mb:.0f} MB | {floor} | {target} |"
        )
    json_times = {
        case.size: case.time
        for case in found
        if case.name.startswith("check --format json") and "tomllib" not in case.name
    }
    if {1_000, 10_000, 100_000} <= json_times.keys():
        t1, t10, t100 = json_times[1_000], json_times[10_000], json_times[100_000]
        growth = (t100 / 100_000) / (t10 / 10_000)
        marginal = ((t100 - t10) / 90_000) / ((t10 - t1) / 9_000)
        lines += [
            "",
            f"Time per claim, JSON: {t10 * 100:.0f} µs at 10k, {t100 * 10:.0f} µs at 100k: "
            f"{growth:.2f}× (target ≤ 1.25× {'✔' if growth <= 1.25 else '✘'}). Without the "
            f"fixed start-up cost: {(t10 - t1) * 1e6 / 9_000:.0f} µs per claim from 1k to 10k, "
            f"{(t100 - t10) * 1e6 / 90_000:.0f} µs from 10k to 100k ({marginal:.2f}×).",
        ]
    if {100_000, 1_000_000} <= json_times.keys():
        t100, t1m = json_times[100_000], json_times[1_000_000]
        growth = (t1m / 1_000_000) / (t100 / 100_000)
        lines.append(
            f"Time per claim, JSON: {t100 * 10:.0f} µs at 100k, {t1m:.0f} µs at 1M: {growth:.2f}× "
            f"(target ≤ 1.25× {'✔' if growth <= 1.25 else '✘'})."
        )
    big = [c for c in found if c.size >= 100_000 and c.name.startswith("check --format json")]
    for case in big:
        most = 1024 if case.size == 100_000 else 2048
        ok = "✔" if case.peak_mb <= most else "✘"
        lines.append(
            f"Peak memory, {case.name}: {case.peak_mb:.0f} MB (target ≤ {most // 1024} GB {ok})."
        )
    if not coverage:
        lines.append("`figcheck coverage` is not available in this build: not measured.")
    return "\n".join(lines) + "\n"


def write_readme(text: str) -> None:
    readme = HERE / "README.md"
    old = readme.read_text(encoding="utf-8")
    start, end = old.index(BEGIN) + len(BEGIN), old.index(END)
    readme.write_text(old[:start] + "\n" + text + old[end:], encoding="utf-8")


def compile_bytecode() -> None:
    """Compile figcheck and its dependencies first, as an installed tool has them.

    Where PYTHONDONTWRITEBYTECODE is set, nothing is cached on import, and every start-up
    would otherwise pay for compiling each module again (about twice what users see).
    """
    paths = [str(ROOT / "src"), sysconfig.get_paths()["purelib"]]
    subprocess.run([PYTHON, "-m", "compileall", "-q", "-j", "0", *paths], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="runs per case (default 5)")
    parser.add_argument("--quick", action="store_true", help="skip the 100k files; 3 runs")
    parser.add_argument("--million", action="store_true", help="add a 1,000,000-claim case")
    parser.add_argument("--write", action="store_true", help="write the table into README.md")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="generated files")
    parser.add_argument(
        "--only", default="", help="run only the cases whose name contains this text"
    )
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    sizes = SIZES[:2] if args.quick else SIZES + ((1_000_000,) if args.million else ())
    compile_bytecode()
    rtoml = has_rtoml()
    coverage = has_command("coverage")
    found = [c for c in cases(args.out, sizes, rtoml, coverage) if args.only in c.name]
    run(found, runs)
    text = report(found, runs, rtoml, coverage)
    print(text)
    if args.write:
        write_readme(text)


if __name__ == "__main__":
    main()
