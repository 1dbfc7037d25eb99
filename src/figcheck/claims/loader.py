"""Read and validate a claims file into the model, collecting every located problem."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from figcheck.claims import rules, settings
from figcheck.claims.compiler import compile_assertion, compile_formula
from figcheck.claims.fields import (
    CHECK_KEYS,
    CLAIM_KEYS,
    REFERENCE_KEYS,
    TABLE_KEYS,
    TOP_KEYS,
    Fields,
    plain_claim,
    type_name,
)
from figcheck.claims.formula import Formula
from figcheck.claims.ids import all_valid, valid_id
from figcheck.claims.model import Check, Claim, ClaimsFile, Reference, TableCheck
from figcheck.claims.tomllines import LineIndex
from figcheck.claims.tomlread import PartFailed, Parts, parts, read_toml
from figcheck.claims.values import precision_of, stated_from_number, stated_from_text, whole
from figcheck.errors import FigcheckError, ProblemsError
from figcheck.figures.stated import Stated
from figcheck.figures.units import Unit, UnitTable
from figcheck.io.sources import read_text
from figcheck.progress import STEP as PROGRESS_STEP
from figcheck.progress import Progress, silent

_SHAPES = 2048  # claim shapes kept at most; after as many new ones, kept only if 1 in 4 repeat
# a claim as its table gives it, without its id and line: Claim's fields from stated on
_Shape = tuple[
    Stated, str | None, str | None, Formula | None, str | None, None, tuple[()], None, None, bool
]
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def load(
    path: Path,
    *,
    shown_as: str | None = None,
    progress: Progress = silent,
    about: float = settings.DEFAULT_ABOUT,
) -> ClaimsFile:
    """Read the claims file at *path*; raise ProblemsError listing everything wrong with it.
    *about* is the reading of "about" where the file's [settings] do not give one."""
    shown = shown_as if shown_as is not None else str(path)
    text = read_text(path, shown_as=shown)
    return parse(text, shown=shown, base=path.parent, progress=progress, about=about)


def parse(
    text: str,
    *,
    shown: str,
    base: Path,
    progress: Progress = silent,
    about: float = settings.DEFAULT_ABOUT,
) -> ClaimsFile:
    """Build a ClaimsFile from TOML *text*; *base* resolves the document path."""
    progress("reading", 0, 0)
    lines = LineIndex(text)
    split = parts(text)
    if split is not None:
        try:
            return _Builder(shown, lines, base, progress, about).build(split.first(), split)
        except PartFailed:
            pass  # a part that does not read alone: the whole file decides what is wrong
        except FigcheckError:
            if not split.done:
                read_toml(text, shown)  # invalid TOML is reported as such, before other problems
            raise
    data = read_toml(text, shown)
    return _Builder(shown, lines, base, progress, about).build(data)


class _Builder(Fields):
    """One pass over the parsed TOML that records problems instead of stopping at the first."""

    def __init__(
        self,
        shown: str,
        lines: LineIndex,
        base: Path,
        progress: Progress = silent,
        default_about: float = settings.DEFAULT_ABOUT,
    ) -> None:
        super().__init__(shown, lines)
        self.default_about = default_about
        self.base = base
        self.progress = progress
        # each distinct value string (with its precision) is read once: files repeat figures
        self.readings: dict[tuple[str, float | None], Stated] = {}
        # what a plain claim's table gives (all but its id and line), by the table's items:
        # files repeat whole claims under many ids; None once the repeats proved too rare
        self.shapes: dict[tuple[tuple[str, str], ...], _Shape] | None = {}
        self.shape_misses = self.shape_hits = 0

    # -- the whole file ------------------------------------------------------------------

    def build(self, data: dict[str, Any], later: Parts | None = None) -> ClaimsFile:
        """The claims file *data* holds, with the claims of a big file's *later* parts."""
        self.unknown_keys(data, TOP_KEYS, (), "")
        document = settings.document(self, data.get("document"), self.base)
        about = settings.about(self, data.get("settings"), self.default_about)
        units = settings.units(self, data.get("units"))
        tables = self.tables(data.get("tables"))
        claims_data = self.section_table(data, "claims")
        checks_data = self.section_table(data, "checks")

        claims: dict[str, Claim] = {}
        formulas: dict[str, Formula] = {}
        known = set(claims_data)
        total = len(claims_data) + (later.later if later is not None else 0)
        done = 0
        pieces = itertools.chain(((claims_data, {}),), later.tables() if later is not None else ())
        for part, more_checks in pieces:
            if part is not claims_data:
                if not known.isdisjoint(part) or not checks_data.keys().isdisjoint(more_checks):
                    raise PartFailed  # a table declared twice: TOML's message says where
                known.update(part)
                checks_data.update(more_checks)
            valid = all_valid(part)
            for cid in list(part):
                if not done % PROGRESS_STEP:
                    self.progress("loading", done, max(done, total))
                done += 1
                # each raw table is let go once read: a big file's parsed TOML is never held
                # whole beside the claims made from it
                claim = self.claim(cid, part.pop(cid), units, about, valid=valid)
                if claim is not None:
                    claims[cid] = claim
                    if claim.formula is not None:
                        formulas[cid] = claim.formula
        self.progress("loading", done, max(done, total))
        for cid in known & checks_data.keys():
            self.problem(
                self.lines.table("checks", cid), f'duplicate id "{cid}": it is also a claim'
            )
        checks: list[Check] = []
        for cid, raw in checks_data.items():
            if cid in known:
                continue
            check = self.check(cid, raw)
            if check is not None:
                checks.append(check)

        check_ids = set(checks_data)  # once: building it per formula is quadratic
        for cid, formula in formulas.items():
            if not known.issuperset(formula.names):
                line = self.lines.table("claims", cid)
                rules.unknown_ids(
                    self.problem, f"claim '{cid}'", line, formula.names, known, check_ids
                )
        for check in checks:
            if not known.issuperset(check.assertion.names):
                rules.unknown_ids(
                    self.problem,
                    f"check '{check.id}'",
                    check.line,
                    check.assertion.names,
                    known,
                    check_ids,
                )
        rules.cycles(self.problem, self.lines, formulas)
        rules.dimensions(self.problem, claims, checks)

        if self.problems:
            self.problems.sort(key=lambda p: p.location.line or 0)
            raise ProblemsError(self.problems)
        return ClaimsFile(
            path=self.shown,
            document=document,
            about=about,
            claims=tuple(claims.values()),
            checks=tuple(checks),
            by_id=claims,
            tables=tables,
        )

    def tables(self, raw: object) -> tuple[TableCheck, ...]:
        """The [[tables]] entries: each names a table and what to check in it."""
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(self.lines.key("tables"), "[[tables]] must be an array of tables")
            return ()
        out: list[TableCheck] = []
        for i, item in enumerate(raw):
            line = self.lines.array_item(("tables",), i)
            what = f"[[tables]] {i + 1}"
            if not isinstance(item, dict):
                self.problem(line, f"{what} must be a table, not {type_name(item)}")
                continue
            self.unknown_keys(item, TABLE_KEYS, ("tables",), what)
            name = item.get("table")
            if isinstance(name, int) and not isinstance(name, bool) and name >= 1:
                name = str(name)
            if not isinstance(name, str) or not name:
                self.problem(line, f'{what}: missing table = "..." (its heading or its number)')
                continue
            total = self.string(item, "total_row", line, what)
            shares = self.string(item, "shares", line, what)
            if total is None and shares is None:
                self.problem(line, f"{what}: nothing to check (add total_row or shares)")
                continue
            out.append(TableCheck(name, line, total, shares))
        return tuple(out)

    def section_table(self, data: Mapping[str, Any], name: str) -> dict[str, Any]:
        raw = data.get(name, {})
        table = self.table(raw, self.lines.table(name) or self.lines.key(name), f"[{name}]")
        return table if table is not None else {}

    # -- claims and checks ---------------------------------------------------------------

    def check_id(self, cid: str, line: int | None, kind: str) -> bool:
        if not valid_id(cid):
            self.problem(
                line,
                f'{kind} id "{cid}" must start with a letter and use only letters, digits and '
                "underscores, and must not be a Python keyword or min, max, abs",
            )
            return False
        return True

    def claim(
        self, cid: str, raw: object, units: UnitTable, about: float, *, valid: bool = False
    ) -> Claim | None:
        """The claim *cid* of the raw TOML table *raw*; *valid*: its id is known to be valid."""
        line = self.lines.table("claims", cid)
        what = f"claim '{cid}'"
        table = self.table(raw, line, what)
        if table is None or not (valid or self.check_id(cid, line, "claim")):
            return None
        before = len(self.problems)
        section: str | None
        quote: str | None
        note: str | None
        formula_text: str | None
        suggested = accept = precision_text = None
        shape_key = None
        if plain_claim(table):  # the common case: no key or string to report
            shapes = self.shapes
            if shapes is not None and "references" not in table:
                shape_key = tuple(table.items())  # every value a string: plain_claim says so
                shape = shapes.get(shape_key)
                if shape is not None:
                    self.shape_hits += 1
                    return Claim(cid, line, *shape)
                self._missed_shape()
            get = table.get
            section, quote, note, formula_text = (
                get("section"),
                get("quote"),
                get("note"),
                get("formula"),
            )
        else:
            self.unknown_keys(table, CLAIM_KEYS, ("claims", cid), what)
            section = self.string(table, "section", line, what)
            quote = self.string(table, "quote", line, what)
            note = self.string(table, "note", line, what)
            suggested = self.string(table, "suggested", line, what)
            accept = self.reason(table, line, what)
            formula_text = self.string(table, "formula", line, what)
            precision_text = self.string(table, "precision", line, what)
        if "value" not in table:
            self.problem(line, f'{what}: missing value (the figure as written, e.g. "22 million")')
            return None
        precision: float | None = None
        stated = self.stated(table, line, what, units, about, None)
        if stated is not None and precision_text is not None:
            precision = self.precision(precision_text, stated.unit, units, line, what)
            if precision is not None:
                stated = self.stated(table, line, what, units, about, precision)
        formula: Formula | None = None
        if formula_text is not None:
            try:
                formula = compile_formula(formula_text)
            except FigcheckError as err:
                self.problem(line, f"{what}: formula: {err.message}")
        integer = self.integer(table, line, what, stated)
        if integer and stated is not None:
            counted = whole(stated)
            if counted is None:
                self.problem(
                    line, f'{what}: integer = true, but "{stated.text}" holds no whole number'
                )
            stated = counted
        references = self.references(cid, table.get("references"), units, about, stated)
        if stated is None or len(self.problems) > before:
            return None
        if shape_key is not None and self.shapes is not None:
            self.shapes[shape_key] = (
                stated,
                section,
                quote,
                formula,
                note,
                None,
                (),
                None,
                None,
                integer,
            )
        return Claim(
            id=cid,
            line=line,
            stated=stated,
            section=section,
            quote=quote,
            formula=formula,
            note=note,
            precision=precision_text,
            references=references,
            suggested=suggested,
            accept=accept,
            integer=integer,
        )

    def _missed_shape(self) -> None:
        """Count a claim whose shape was new; keeping shapes stops where few repeat."""
        assert self.shapes is not None
        self.shape_misses += 1
        if len(self.shapes) >= _SHAPES:
            self.shapes.clear()
        if self.shape_misses >= _SHAPES and self.shape_hits * 4 < self.shape_misses:
            self.shapes = None

    def integer(
        self, table: Mapping[str, Any], line: int | None, what: str, stated: Stated | None
    ) -> bool:
        """The claim's ``integer`` flag: true for a whole count, by default when its unit is a
        [units] word with ``count = true``."""
        counted = stated is not None and stated.unit.text.lower() in self.count_units
        value = table.get("integer", counted)
        if not isinstance(value, bool):
            self.problem(line, f"{what}: integer must be true or false, not {type_name(value)}")
            return False
        return value

    def stated(
        self,
        table: Mapping[str, Any],
        line: int | None,
        what: str,
        units: UnitTable,
        about: float,
        precision: float | None,
    ) -> Stated | None:
        value = table.get("value")
        unit_text = table.get("unit")
        if unit_text is not None and not isinstance(unit_text, str):
            self.problem(line, f"{what}: unit must be a string, not {type_name(unit_text)}")
            return None
        try:
            if isinstance(value, str):
                if unit_text is not None:
                    self.problem(
                        line, f"{what}: unit goes inside the value string when value is a string"
                    )
                    return None
                found = self.readings.get((value, precision))
                if found is None:
                    found = stated_from_text(value, units, about, precision)
                    self.readings[value, precision] = found
                return found
            if isinstance(value, int | float) and not isinstance(value, bool):
                return stated_from_number(value, unit_text or "", units)
        except FigcheckError as err:
            if not settings.follows_from_units(err.message, self.failed_units):
                self.problem(line, f"{what}: {err.message}")
            return None
        self.problem(line, f"{what}: value must be a string or a number, not {type_name(value)}")
        return None

    def precision(
        self, text: str, unit: Unit, units: UnitTable, line: int | None, what: str
    ) -> float | None:
        try:
            return precision_of(text, unit, units)
        except FigcheckError as err:
            self.problem(line, f"{what}: {err.message}")
            return None

    def references(
        self, cid: str, raw: object, units: UnitTable, about: float, stated: Stated | None
    ) -> tuple[Reference, ...]:
        if raw is None:
            return ()
        path = ("claims", cid, "references")
        if not isinstance(raw, list):
            self.problem(
                self.lines.key(*path),
                f"claim '{cid}': references must be an array of tables "
                f"([[claims.{cid}.references]]), not {type_name(raw)}",
            )
            return ()
        out: list[Reference] = []
        for index, item in enumerate(raw):
            line = self.lines.array_item(path, index)
            what = f"claim '{cid}': reference {index + 1}"
            table = self.table(item, line, what)
            if table is None:
                continue
            self.unknown_keys(table, REFERENCE_KEYS, (*path, str(index)), what)
            source = self.string(table, "source", line, what)
            if not source:
                self.problem(line, f"{what}: missing source (who published the figure)")
            if "value" not in table:
                self.problem(line, f"{what}: missing value")
                continue
            value = self.stated(table, line, what, units, about, None)
            date = self.string(table, "date", line, what)
            if date is not None and not _DATE.fullmatch(date):
                self.problem(
                    line, f'{what}: date must be YYYY, YYYY-MM or YYYY-MM-DD, not "{date}"'
                )
            elif date is not None and not _real_date(date):
                self.problem(line, f'{what}: date "{date}" does not exist')
            if value is None or not source:
                continue
            if stated is not None and value.unit.dimension != stated.unit.dimension:
                self.problem(
                    line,
                    f"{what}: {value.unit.dimension} does not match the value's "
                    f"{stated.unit.dimension}",
                )
                continue
            out.append(
                Reference(
                    value=value,
                    source=source,
                    line=line,
                    url=self.string(table, "url", line, what),
                    date=date,
                    note=self.string(table, "note", line, what),
                )
            )
        return tuple(out)

    def check(self, cid: str, raw: object) -> Check | None:
        line = self.lines.table("checks", cid)
        what = f"check '{cid}'"
        table = self.table(raw, line, what)
        if table is None or not self.check_id(cid, line, "check"):
            return None
        self.unknown_keys(table, CHECK_KEYS, ("checks", cid), what)
        source = self.string(table, "assert", line, what)
        if source is None:
            if "assert" not in table:
                self.problem(line, f'{what}: missing assert (a comparison such as "a <= b")')
            return None
        try:
            assertion = compile_assertion(source)
        except FigcheckError as err:
            self.problem(line, f"{what}: assert: {err.message}")
            return None
        return Check(
            id=cid,
            line=line,
            assertion=assertion,
            section=self.string(table, "section", line, what),
            note=self.string(table, "note", line, what),
            accept=self.reason(table, line, what),
            suggested=self.string(table, "suggested", line, what),
        )


def _real_date(text: str) -> bool:
    """Whether a YYYY, YYYY-MM or YYYY-MM-DD date names a real year, month or day (years 1 to
    9999: "0000" and "2026-02-30" are none)."""
    import datetime

    year, month, day = (int(part) for part in (text + "-01-01").split("-")[:3])
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
