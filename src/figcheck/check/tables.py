"""Table checks: parts add up to the total row, shares to 100 % and to their counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from figcheck.check.report import Result
from figcheck.check.verdict import Verdict
from figcheck.errors import InputError, Location
from figcheck.figures.numbers import find_amounts

if TYPE_CHECKING:
    from figcheck.check.quotes import QuoteIndex
    from figcheck.claims.model import ClaimsFile, TableCheck
    from figcheck.io.formats import Cell, Table

_SLUG = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class _Figure:
    """A number read from a cell: its value and the half-width its rounding allows."""

    value: float
    half: float
    cell: Cell


def _figures(cell: Cell) -> list[_Figure]:
    """The numbers of *cell*: "352 (6.9)" is 352 and 6.9; words and ordinals are not read."""
    return [
        _Figure(a.value, a.s / 2, cell)
        for a in find_amounts(cell.text)
        if a.form in ("digits", "fraction")
    ]


def _slug(text: str, words: int = 3) -> str:
    return "_".join(_SLUG.findall(text.lower())[:words]) or "table"


def _verdict(value: float, half: float, target: float, target_half: float) -> Verdict:
    """Consistent if equal, within rounding if the two rounding ranges meet, else not."""
    if abs(value - target) <= 1e-9 * max(1.0, abs(target)):
        return Verdict.CONSISTENT
    if abs(value - target) <= half + target_half + 1e-9:
        return Verdict.WITHIN_ROUNDING
    return Verdict.INCONSISTENT


def _number(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def find_table(tables: tuple[Table, ...], name: str) -> Table | None:
    """The table *name* stands for: its number (1 for the first), or the heading above it."""
    if name.isdigit():
        i = int(name) - 1
        return tables[i] if 0 <= i < len(tables) else None
    wanted = name.strip().lower()
    for table in tables:
        if table.heading.lower() == wanted:
            return table
    for table in tables:
        if wanted in table.heading.lower():
            return table
    return None


def table_results(claims_file: ClaimsFile, index: QuoteIndex) -> tuple[Result, ...]:
    """The results of the claims file's [[tables]] checks, each placed at its cell."""
    origin = index.origin
    tables = origin.tables if origin is not None else ()
    results: list[Result] = []
    for spec in claims_file.tables:
        table = find_table(tables, spec.table)
        if table is None:
            raise InputError(
                f'[[tables]]: no table "{spec.table}" in {claims_file.document.source}'
                " (name it by the heading above it or by its number)",
                Location(claims_file.path, spec.line),
            )
        where = Location(claims_file.path, spec.line)
        results.extend(_TableChecker(spec, table, index, where).results())
    return tuple(results)


class _TableChecker:
    """The checks of one table."""

    def __init__(self, spec: TableCheck, table: Table, index: QuoteIndex, where: Location) -> None:
        self.spec = spec
        self.index = index
        self.header = table.rows[0]
        self.body = list(table.rows[1:])
        self.name = _slug(spec.table if not spec.table.isdigit() else f"table {spec.table}")
        self.total: tuple[Cell, ...] | None = None
        if spec.total_row is not None:
            wanted = spec.total_row.strip().lower()
            for row in self.body:
                if row and row[0].text.strip("*_ ").lower() == wanted:
                    self.total = row
            if self.total is None:
                raise InputError(
                    f'[[tables]]: table "{spec.table}" has no row "{spec.total_row}"',
                    where,
                )
            self.body = [row for row in self.body if row is not self.total]

    def column(self, j: int) -> str:
        return self.header[j].text if j < len(self.header) else f"column {j + 1}"

    def is_share(self, j: int) -> bool:
        shares = self.spec.shares
        return shares is not None and shares in self.column(j)

    def results(self) -> list[Result]:
        out: list[Result] = []
        width = max(len(row) for row in [self.header, *self.body])
        for j in range(1, width):
            cells = [row[j] if j < len(row) else None for row in self.body]
            read = [_figures(cell) if cell is not None else [] for cell in cells]
            total = self.total[j] if self.total is not None and j < len(self.total) else None
            totals = _figures(total) if total is not None else []
            counts = [f[0] for f in read if f]
            if totals and counts:
                out.append(self.sum_result(j, counts, totals[0]))
            if not self.is_share(j):
                continue
            pairs = [
                (row, f[0], f[1]) for row, f in zip(self.body, read, strict=True) if len(f) >= 2
            ]
            if pairs:  # "352 (6.9)": a count and its share of the column's total count
                shares = [share for _, _, share in pairs]
                if len(totals) >= 2:
                    out.append(self.sum_result(j, shares, totals[1]))
                else:
                    out.append(self.hundred_result(j, shares))
                whole = totals[0] if totals else _sum([count for _, count, _ in pairs])
                out.extend(self.share_result(row, j, c, s, whole) for row, c, s in pairs)
            elif counts and not totals:
                out.append(self.hundred_result(j, counts))
        return out

    def result(self, ident: str, verdict: Verdict, cell: Cell, formula: str, note: str) -> Result:
        return Result(
            id=ident,
            kind="check",
            verdict=verdict,
            line=self.spec.line,
            formula=formula,
            formula_verdict=verdict,
            quote=cell.text,
            quote_location=self.index.location(cell.start),
            quote_span=(cell.start, cell.end),
            note=note,
        )

    def sum_result(self, j: int, parts: list[_Figure], total: _Figure) -> Result:
        value, half = _sum(parts).value, _sum(parts).half
        verdict = _verdict(value, half, total.value, total.half)
        formula = " + ".join(_number(p.value) for p in parts) + f" = {_number(total.value)}"
        note = (
            f"{self.column(j)}: the rows add up to {_number(value)}, the {self.spec.total_row}"
            f" row states {_number(total.value)}"
        )
        ident = f"{self.name}_{_slug(self.column(j))}_total"
        return self.result(ident, verdict, total.cell, formula, note)

    def hundred_result(self, j: int, parts: list[_Figure]) -> Result:
        value, half = _sum(parts).value, _sum(parts).half
        verdict = _verdict(value, half, 100.0, 0.0)
        formula = " + ".join(_number(p.value) for p in parts) + " = 100 %"
        note = f"{self.column(j)}: the shares add up to {_number(value)} %"
        ident = f"{self.name}_{_slug(self.column(j))}_sum"
        return self.result(ident, verdict, self.header[j], formula, note)

    def share_result(
        self, row: tuple[Cell, ...], j: int, count: _Figure, share: _Figure, whole: _Figure
    ) -> Result:
        computed = count.value / whole.value * 100
        # the share's range from the count's and the total's rounding
        low = (count.value - count.half) / (whole.value + whole.half) * 100
        high = (count.value + count.half) / max(whole.value - whole.half, 1e-300) * 100
        half = max(computed - low, high - computed)
        verdict = _verdict(computed, half, share.value, share.half)
        formula = f"{_number(count.value)} / {_number(whole.value)} = {_number(share.value)} %"
        note = (
            f"{row[0].text}: {_number(count.value)} of {_number(whole.value)} is "
            f"{computed:.3g} %, the table states {_number(share.value)} %"
        )
        ident = f"{self.name}_{_slug(row[0].text)}_{_slug(self.column(j))}_share"
        return self.result(ident, verdict, share.cell, formula, note)


def _sum(figures: list[_Figure]) -> _Figure:
    """The sum of *figures*, with the widest range their rounding allows."""
    return _Figure(sum(f.value for f in figures), sum(f.half for f in figures), figures[-1].cell)
