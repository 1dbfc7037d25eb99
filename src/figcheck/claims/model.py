"""The claims file as data: documents, claims, checks and references."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from figcheck.records import quick_init

if TYPE_CHECKING:
    from figcheck.claims.formula import Assertion, Formula
    from figcheck.figures.stated import Stated


@dataclass(frozen=True, slots=True)
class Reference:
    """A figure from an outside source that the stated figure is compared with."""

    value: Stated
    source: str
    line: int | None
    url: str | None = None
    date: str | None = None
    note: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Claim:
    """One figure the document states, with the formula that should produce it."""

    id: str
    line: int | None
    stated: Stated
    section: str | None = None
    quote: str | None = None
    formula: Formula | None = None
    note: str | None = None
    precision: str | None = None
    references: tuple[Reference, ...] = ()
    suggested: str | None = None  # why init suggested the formula, and what else it considered
    accept: str | None = None  # why a failing verdict is accepted
    integer: bool = False  # a whole count: its readings and its computed range hold whole numbers


@dataclass(frozen=True, slots=True)
class Check:
    """A relation among stated figures that has no figure of its own."""

    id: str
    line: int | None
    assertion: Assertion
    section: str | None = None
    note: str | None = None
    accept: str | None = None
    suggested: str | None = None  # why init suggested the check, and what else it considered


@dataclass(frozen=True, slots=True)
class Document:
    """The text the claims are about; ``path`` is resolved, ``source`` as written."""

    title: str
    source: str | None
    path: str | None
    line: int | None = None
    format: str | None = None  # None: by the source's suffix
    numbers: str | None = None  # "1,234.5" or "1.234,5": how the document writes numbers


@dataclass(frozen=True, slots=True)
class TableCheck:
    """A ``[[tables]]`` entry: checks of one table of the document, by its cells.

    *table* names it by the heading above it or by its number (1 for the first); each
    number column's parts must add up to the *total_row*; a column whose header holds
    *shares* (e.g. "(%)") must add up to 100 %, and its cells must be their row's count
    over the count column's total.
    """

    table: str
    line: int | None
    total_row: str | None = None
    shares: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimsFile:
    """A whole, validated claims file."""

    path: str
    document: Document
    about: float
    claims: tuple[Claim, ...]
    checks: tuple[Check, ...]
    by_id: dict[str, Claim] = field(compare=False, repr=False, default_factory=dict)
    tables: tuple[TableCheck, ...] = ()
