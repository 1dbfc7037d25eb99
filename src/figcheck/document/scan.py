"""Scan documents with no claims file: draft them, suggest cued relations, and check those."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar, cast

from figcheck.check.checker import check
from figcheck.check.report import Report, Summary
from figcheck.claims.loader import parse
from figcheck.document.draft import indexed_draft, with_suggestions
from figcheck.errors import InputError, Location
from figcheck.figures.figure import parse_figure
from figcheck.io.formats import DOCUMENT_SUFFIXES, format_of, read_source

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
    _forget()
    read = read_source(path, format_of(path), allow_empty=False)
    shown = str(path)
    drafted, index = indexed_draft(read.text, source=shown, fallback_title=path.stem, origin=read)
    suggested = with_suggestions(drafted, index, cued_only=True)
    claims_file = parse(suggested.toml(), shown=shown, base=path.parent)
    wanted = {c.id for c in claims_file.claims if c.formula is not None}
    for claim in claims_file.claims:
        if claim.formula is not None:
            wanted.update(claim.formula.names)
    for suggested_check in claims_file.checks:  # shares of a whole: sum to 100 %
        wanted.update(suggested_check.assertion.names)
    kept = dataclasses.replace(
        claims_file, claims=tuple(c for c in claims_file.claims if c.id in wanted)
    )
    report = check(kept, strict=strict, locate=index.locate)
    lines = {r.id: r.quote_location.line for r in report.results if r.quote_location}
    first = {c.id: c.assertion.names[0] for c in kept.checks if c.assertion.names}
    results = tuple(
        # placed in the document: a scan has no claims file to point at; a check at its
        # first figure
        dataclasses.replace(r, line=lines.get(r.id, lines.get(first.get(r.id, ""))))
        for r in report.results
        if r.formula is not None
    )
    return dataclasses.replace(report, results=results, summary=Summary.of(results))


_FORGET_EVERY = 256  # documents between clearings of the figure cache
_count = itertools.count(1)


def _forget() -> None:
    """Clear the figure reader's cache now and then: a corpus's figures are mostly its own,
    so the cache would only grow (to its 65,536 entries) and keep a worker's memory rising."""
    if next(_count) % _FORGET_EVERY == 0:
        parse_figure.cache_clear()


def in_order(
    work: Callable[[Path], T], paths: list[Path], *, jobs: int, done: Callable[[int], None]
) -> Iterator[T]:
    """``work(path)`` for each path, in order, on *jobs* processes (1: in this one).

    The worker processes start once, import figcheck and build the unit table once each, and
    take the paths in chunks; results come back as they finish and are put in order here, so
    only the few that finished early wait in memory. *done* is told how many are finished.
    """
    if jobs <= 1 or len(paths) <= 1:
        for i, path in enumerate(paths):
            yield work(path)
            done(i + 1)
        return
    import multiprocessing

    _warm()  # before the workers fork, so that they share what it built
    chunk = max(1, min(_CHUNK, len(paths) // (jobs * 4)))
    with multiprocessing.Pool(jobs, initializer=_start, initargs=(work,)) as pool:
        early: dict[int, T] = {}
        following = 0
        for finished, (i, result) in enumerate(
            pool.imap_unordered(_one, enumerate(paths), chunksize=chunk), start=1
        ):
            early[i] = cast(T, result)
            while following in early:
                yield early.pop(following)
                following += 1
            done(finished)


_CHUNK = 16  # paths a worker takes at a time: fewer round trips, yet an even share at the end
_work: Callable[[Path], object] | None = None  # a worker's task, set once when it starts


def _warm() -> None:
    """Import what a scan uses and build the unit table, once per process."""
    from figcheck.figures.units import unit_table

    unit_table()


def _start(work: Callable[[Path], object]) -> None:
    global _work
    _work = work
    _warm()


def _one(item: tuple[int, Path]) -> tuple[int, object]:
    assert _work is not None  # set by _start in every worker
    return item[0], _work(item[1])
