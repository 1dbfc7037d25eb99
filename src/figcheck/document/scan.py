"""Scan documents with no claims file: draft them, suggest cued relations, and check those."""

from __future__ import annotations

import dataclasses
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from figcheck.check.checker import check
from figcheck.check.report import Report, Summary
from figcheck.claims.loader import parse
from figcheck.document.draft import indexed_draft, with_suggestions
from figcheck.errors import InputError, Location
from figcheck.io.formats import format_of, read_source

# what a folder is scanned for: the documents figcheck reads
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
_AHEAD = 4  # documents in flight per worker: enough to keep it busy, few enough to stay small

T = TypeVar("T")


def documents(paths: Iterable[Path]) -> list[Path]:
    """The documents named: files as given, and every document file below each folder."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)
            out.extend(sorted(p for p in found if p.is_file()))
        elif path.exists():
            out.append(path)
        else:
            raise InputError("no such file or folder", Location(str(path)))
    return out


def scan(path: Path, *, strict: bool = False) -> Report:
    """The report of the cued relations and restatements in the document at *path*.

    Only cued relations are checked: a scan runs without review, so it makes no guesses. Each
    result is placed at its figure in the document, and the report holds no other result.
    """
    read = read_source(path, format_of(path), allow_empty=False)
    shown = str(path)
    drafted, index = indexed_draft(read.text, source=shown, fallback_title=path.stem, origin=read)
    suggested = with_suggestions(drafted, index, cued_only=True)
    claims_file = parse(suggested.toml(), shown=shown, base=path.parent)
    wanted = {c.id for c in claims_file.claims if c.formula is not None}
    for claim in claims_file.claims:
        if claim.formula is not None:
            wanted.update(claim.formula.names)
    kept = dataclasses.replace(
        claims_file, claims=tuple(c for c in claims_file.claims if c.id in wanted)
    )
    report = check(kept, strict=strict, locate=index.locate)
    results = tuple(
        # placed in the document: a scan has no claims file to point at
        dataclasses.replace(r, line=r.quote_location.line if r.quote_location else None)
        for r in report.results
        if r.formula is not None
    )
    return dataclasses.replace(report, results=results, summary=Summary.of(results))


def in_order(
    work: Callable[[Path], T], paths: list[Path], *, jobs: int, done: Callable[[int], None]
) -> Iterator[T]:
    """``work(path)`` for each path, in order, on *jobs* processes (1: in this one).

    At most a few documents per worker are in flight, so the results of a large folder never
    wait in memory all at once; *done* is told how many are finished.
    """
    if jobs <= 1 or len(paths) <= 1:
        for i, path in enumerate(paths):
            yield work(path)
            done(i + 1)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[T]] = deque()
        todo = iter(paths)
        finished = 0
        for path in itertools.islice(todo, jobs * _AHEAD):
            pending.append(pool.submit(work, path))
        while pending:
            result = pending.popleft().result()
            following = next(todo, None)
            if following is not None:
                pending.append(pool.submit(work, following))
            finished += 1
            yield result
            done(finished)
