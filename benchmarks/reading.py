"""Reading speed: init and coverage on the dense benchmark document, against a regex pass.

    uv run python benchmarks/reading.py            # 1 MB and 8 MB, 3 interleaved rounds
    uv run python benchmarks/reading.py --runs 5

The document is the coverage case's 8 MB document (figures among prose, about one per 60
characters); the 1 MB case is its first megabyte. Each round times, in one process and in
turn: the floor (one ``re.findall`` of digit runs over the text), coverage's reading (the
document folded for quotes and every mention read and sorted into categories, with the cycle
collector paused as the command pauses it) and init's draft without suggested formulas.
Medians are shown; the floor's speed is shown so that the figures can be judged on another
machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from figcheck.check.quotes import QuoteIndex  # noqa: E402
from figcheck.collector import paused_gc  # noqa: E402
from figcheck.document.coverage import find_mentions  # noqa: E402
from figcheck.document.draft import draft  # noqa: E402

DOCUMENT_MB = 8
_DIGITS = re.compile(r"[0-9][0-9,.]*")


def document(out: Path) -> str:
    folder = out / f"document-{DOCUMENT_MB}mb"
    path = folder / "document.txt"
    if not path.exists():
        print(f"generating a {DOCUMENT_MB} MB document ...", file=sys.stderr)
        synth.write(1_000, folder, document_bytes=DOCUMENT_MB * 1_000_000)
    return path.read_text(encoding="utf-8")


def first_megabyte(text: str) -> str:
    """The text up to the paragraph end nearest after its first million characters."""
    end = text.find("\n", 1_000_000)
    return text if end < 0 else text[: end + 1]


def floor(text: str) -> None:
    _DIGITS.findall(text)


def coverage(text: str) -> None:
    with paused_gc():  # as the coverage command reads (draft pauses the collector itself)
        QuoteIndex(text, "document.txt")
        find_mentions(text)


def init(text: str) -> None:
    draft(text, source="document.txt")


def timed(func: Callable[[str], None], text: str) -> float:
    start = time.perf_counter()
    func(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    big = document(HERE / "out")
    texts = {"1 MB": first_megabyte(big), f"{DOCUMENT_MB} MB": big}
    cases = {"floor": floor, "coverage": coverage, "init": init}
    times: dict[tuple[str, str], list[float]] = {}
    coverage(texts["1 MB"][:20_000])  # imports and caches, before anything is timed
    for _ in range(args.runs):
        for size, text in texts.items():
            for name, func in cases.items():
                times.setdefault((size, name), []).append(timed(func, text))
    print("| case | size | median time | MB/s | × floor time | time per MB vs 1 MB |")
    print("|---|---:|---:|---:|---:|---:|")
    per_mb: dict[str, float] = {}
    for (size, name), found in times.items():
        mb = len(texts[size].encode("utf-8")) / 1e6
        median = statistics.median(found)
        ratio = median / statistics.median(times[size, "floor"])
        if size == "1 MB":
            per_mb[name] = median / mb
        linear = (median / mb) / per_mb[name]
        print(
            f"| {name} | {mb:.1f} MB | {median:.3f} s | {mb / median:.1f} | {ratio:.0f}× "
            f"| {linear:.2f}× |"
        )


if __name__ == "__main__":
    main()
