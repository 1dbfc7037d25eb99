"""Read and validate a claims file into the model, collecting every located problem."""

from __future__ import annotations

import difflib
import functools
import keyword
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from figcheck.claims.formula import Assertion, Formula, compile_assertion, compile_formula
from figcheck.claims.model import Check, Claim, ClaimsFile, Document, Reference
from figcheck.claims.tomllines import LineIndex
from figcheck.errors import FigcheckError, Location, Problem, ProblemsError
from figcheck.figures.dimension import Dimension
from figcheck.figures.figure import parse_figure
from figcheck.figures.interval import Interval
from figcheck.figures.readings import Reading, read
from figcheck.figures.stated import Stated
from figcheck.figures.units import Unit, UnitTable, unit_table
from figcheck.io.sources import read_text
from figcheck.progress import STEP as PROGRESS_STEP
from figcheck.progress import Progress, silent

TOP_KEYS = ("document", "settings", "units", "claims", "checks")
DOCUMENT_KEYS = ("title", "source")
SETTINGS_KEYS = ("about",)
CLAIM_KEYS = (
    "section",
    "quote",
    "value",
    "unit",
    "formula",
    "suggested",
    "note",
    "precision",
    "references",
    "accept",
)
REFERENCE_KEYS = ("value", "unit", "source", "url", "date", "note")
CHECK_KEYS = ("assert", "section", "note", "accept")
RESERVED_IDS = frozenset({"min", "max", "abs"})
DEFAULT_ABOUT = 0.10

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_NESTING = re.compile(r"[\n\"'#\[\]{}\\]")
_DECLARED_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_QUOTED_PART = re.compile(r"'([^']*)'")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Reports print these strings to terminals and CI logs: no characters that start an escape
# sequence or move the cursor back (ESC, C1 controls, backspace, carriage return), and line
# breaks only in free text and formulas: a title or section line of its own could read as a
# CI command such as "::error::"
_CONTROL = re.compile(r"[\x08\r\x1b\x80-\x9f]")
_LINE_BREAK = re.compile(r"[\n\u2028\u2029]")
_MULTILINE_KEYS = frozenset({"quote", "note", "source", "formula", "assert"})


def unwritable(text: str, *, one_line: bool = False) -> bool:
    """Whether a claims file may not hold *text*: it has a character that starts an escape
    sequence or moves the cursor back, or (for a *one_line* key) a line break."""
    return _CONTROL.search(text) is not None or (one_line and _LINE_BREAK.search(text) is not None)


def load(
    path: Path,
    *,
    shown_as: str | None = None,
    progress: Progress = silent,
    about: float = DEFAULT_ABOUT,
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
    about: float = DEFAULT_ABOUT,
) -> ClaimsFile:
    """Build a ClaimsFile from TOML *text*; *base* resolves the document path."""
    progress("reading", 0, 0)
    try:
        data = _read_toml(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        at = _TOML_AT.search(message)
        line = int(at.group(1)) if at else None
        column = int(at.group(2)) if at else None
        detail = message[: at.start()] if at else message
        raise ProblemsError(
            [Problem(Location(shown, line, column), f"invalid TOML: {_toml_detail(detail)}")]
        ) from None
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        message = "invalid TOML: arrays or inline tables are nested too deeply"
        raise ProblemsError([Problem(Location(shown, _deep_line(text)), message)]) from None
    return _Builder(shown, LineIndex(text), base, progress, about).build(data)


@functools.cache
def _fast_loads() -> Callable[[str], Any] | None:
    """rtoml's reader, about eight times faster than tomllib on a 100,000-claim file (None
    where it cannot be imported); imported lazily, as --version and --help never need it."""
    try:
        import rtoml
    except ImportError:
        return None
    loads: Callable[[str], Any] = rtoml.loads
    return loads


def _read_toml(text: str) -> dict[str, Any]:
    """The TOML data; a file the fast reader refuses is read again by tomllib, whose messages
    give line and column."""
    fast = _fast_loads()
    if fast is not None:
        try:
            data = fast(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # any failure, even a panic in compiled code: tomllib decides
            data = None
        if isinstance(data, dict):
            return data
    return tomllib.loads(text)


def _deep_line(text: str, depth: int = 100) -> int | None:
    """The line where brackets outside strings and comments first nest more than *depth*
    deep (best effort, for the message about nesting too deep)."""
    level, line, quote, comment, skip = 0, 1, "", False, -1
    for m in _NESTING.finditer(text):
        ch = m.group()
        if ch == "\n":
            line += 1
            comment = False
        elif m.start() == skip or comment:
            continue
        elif quote:
            if ch == "\\" and quote == '"':
                skip = m.end()  # the escaped character, perhaps a quote
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            comment = True
        elif ch in "[{":
            level += 1
            if level > depth:
                return line
        elif ch in "]}":
            level -= 1
    return None


ABOUT_MESSAGE = 'about must be a percentage such as "10%" (0 to 99%)'


def about_value(value: object) -> float | None:
    """The reading of "about" that *value* ("10%", or a fraction such as 0.1) gives, or None
    when it is not a percentage from 0 to 99 %."""
    about: float | None = None
    if isinstance(value, str):
        try:
            figure = parse_figure(value)
        except FigcheckError:
            figure = None
        if figure is not None and figure.percent and not figure.unit and figure.upper is None:
            about = figure.amount.value / 100
    elif isinstance(value, int | float) and not isinstance(value, bool):
        about = float(value)
    if about is None or not 0 <= about < 1:
        return None
    return about


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _toml_detail(detail: str) -> str:
    """tomllib's message, with its duplicate-table one said in claims-file terms."""
    twice = _DECLARED_TWICE.fullmatch(detail)
    if twice is not None:
        path = ".".join(_QUOTED_PART.findall(twice.group(1)))
        return f"[{path}] is declared twice (each table, and so each id, may appear only once)"
    return _lower_first(detail)


def _type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class _Builder:
    """One pass over the parsed TOML that records problems instead of stopping at the first."""

    def __init__(
        self,
        shown: str,
        lines: LineIndex,
        base: Path,
        progress: Progress = silent,
        default_about: float = DEFAULT_ABOUT,
    ) -> None:
        self.shown = shown
        self.default_about = default_about
        self.lines = lines
        self.base = base
        self.problems: list[Problem] = []
        self.progress = progress
        # each distinct value string (with its precision) is read once: files repeat figures
        self.readings: dict[tuple[str, float | None], Stated] = {}

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(Location(self.shown, line), message))

    # -- structure -----------------------------------------------------------------------

    def table(self, value: object, line: int | None, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(line, f"{what} must be a table, not {_type_name(value)}")
        return None

    def string(self, table: Mapping[str, Any], key: str, line: int | None, what: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(line, f"{what}: {key} must be a string, not {_type_name(value)}")
            return None
        where = f"{what}: " if what else ""
        if (bad := _CONTROL.search(value)) is not None:
            self.problem(line, f'{where}{key} contains a control character ("{bad.group()}")')
            return None
        if key not in _MULTILINE_KEYS and (bad := _LINE_BREAK.search(value)) is not None:
            self.problem(line, f'{where}{key} must be one line (found "{bad.group()}")')
            return None
        return value

    def reason(self, table: Mapping[str, Any], line: int | None, what: str) -> str | None:
        """The ``accept`` key: a reason, never a bare flag, so a report can say why."""
        value = table.get("accept")
        if value is not None and not isinstance(value, str):
            self.problem(
                line,
                f"{what}: accept must be a string saying why the verdict is accepted, "
                f"not {_type_name(value)}",
            )
            return None
        reason = self.string(table, "accept", line, what)
        if reason is not None and not reason.strip():
            self.problem(line, f"{what}: accept must say why the verdict is accepted")
            return None
        return reason

    def unknown_keys(
        self, table: Mapping[str, Any], allowed: Iterable[str], path: tuple[str, ...], what: str
    ) -> None:
        allowed = tuple(allowed)
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            where = f"{what}: " if what else ""
            choices = ", ".join(allowed)
            self.problem(
                self.lines.key(*path, key),
                f'{where}unknown key "{key}"{hint}; allowed keys are {choices}',
            )

    # -- the whole file ------------------------------------------------------------------

    def build(self, data: dict[str, Any]) -> ClaimsFile:
        self.unknown_keys(data, TOP_KEYS, (), "")
        document = self.document(data.get("document"))
        about = self.about(data.get("settings"))
        units = self.units(data.get("units"))
        claims_data = self.section_table(data, "claims")
        checks_data = self.section_table(data, "checks")

        for cid in claims_data.keys() & checks_data.keys():
            self.problem(
                self.lines.table("checks", cid), f'duplicate id "{cid}": it is also a claim'
            )
        claims: dict[str, Claim] = {}
        formulas: dict[str, Formula] = {}
        for done, (cid, raw) in enumerate(claims_data.items()):
            if not done % PROGRESS_STEP:
                self.progress("loading", done, len(claims_data))
            claim = self.claim(cid, raw, units, about)
            if claim is not None:
                claims[cid] = claim
                if claim.formula is not None:
                    formulas[cid] = claim.formula
        self.progress("loading", len(claims_data), len(claims_data))
        checks: list[Check] = []
        for cid, raw in checks_data.items():
            if cid in claims_data:
                continue
            check = self.check(cid, raw)
            if check is not None:
                checks.append(check)

        known = set(claims_data)
        check_ids = set(checks_data)  # once: building it per formula is quadratic
        for cid, formula in formulas.items():
            if not known.issuperset(formula.names):
                line = self.lines.table("claims", cid)
                self.resolve(f"claim '{cid}'", line, formula.names, known, check_ids)
        for check in checks:
            if not known.issuperset(check.assertion.names):
                self.resolve(
                    f"check '{check.id}'", check.line, check.assertion.names, known, check_ids
                )
        self.find_cycles(formulas, claims)
        self.dimensions(claims, checks)

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
        )

    def section_table(self, data: Mapping[str, Any], name: str) -> dict[str, Any]:
        raw = data.get(name, {})
        table = self.table(raw, self.lines.table(name) or self.lines.key(name), f"[{name}]")
        return table if table is not None else {}

    def document(self, raw: object) -> Document:
        line = self.lines.table("document")
        if raw is None:
            self.problem(1, 'missing [document] table (it needs at least source = "...")')
            return Document(title="", source=None, path=None)
        table = self.table(raw, line, "[document]")
        if table is None:
            return Document(title="", source=None, path=None)
        self.unknown_keys(table, DOCUMENT_KEYS, ("document",), "[document]")
        source = self.string(table, "source", self.lines.key("document", "source"), "[document]")
        title = self.string(table, "title", self.lines.key("document", "title"), "[document]")
        if source is None and "source" not in table:
            self.problem(line, '[document]: missing source = "..." (the document\'s path)')
        path = str(self.base / source) if source else None
        return Document(
            title=title or (Path(source).stem if source else ""),
            source=source,
            path=path,
            line=self.lines.key("document", "source"),
        )

    def about(self, raw: object) -> float:
        if raw is None:
            return self.default_about
        table = self.table(raw, self.lines.table("settings"), "[settings]")
        if table is None or "about" not in table:
            if table is not None:
                self.unknown_keys(table, SETTINGS_KEYS, ("settings",), "[settings]")
            return self.default_about
        self.unknown_keys(table, SETTINGS_KEYS, ("settings",), "[settings]")
        value = table["about"]
        line = self.lines.key("settings", "about")
        about = about_value(value)
        if about is None:
            self.problem(line, f"[settings]: {ABOUT_MESSAGE}, not {value!r}")
            return self.default_about
        return about

    def units(self, raw: object) -> UnitTable:
        if raw is None:
            return UnitTable()
        line = self.lines.table("units")
        table = self.table(raw, line, "[units]")
        extra: dict[str, str] = {}
        for word, value in (table or {}).items():
            if isinstance(value, str):
                extra[word] = value
            else:
                self.problem(
                    self.lines.key("units", word),
                    f"[units] {word}: must be a string, not {_type_name(value)}",
                )
        try:
            return unit_table(extra)
        except FigcheckError as err:
            self.problem(line, err.message)
            return UnitTable()

    # -- claims and checks ---------------------------------------------------------------

    def check_id(self, cid: str, line: int | None, kind: str) -> bool:
        if not _ID.fullmatch(cid) or keyword.iskeyword(cid) or cid in RESERVED_IDS:
            self.problem(
                line,
                f'{kind} id "{cid}" must start with a letter and use only letters, digits and '
                "underscores, and must not be a Python keyword or min, max, abs",
            )
            return False
        return True

    def claim(self, cid: str, raw: object, units: UnitTable, about: float) -> Claim | None:
        line = self.lines.table("claims", cid)
        what = f"claim '{cid}'"
        table = self.table(raw, line, what)
        if table is None or not self.check_id(cid, line, "claim"):
            return None
        before = len(self.problems)
        self.unknown_keys(table, CLAIM_KEYS, ("claims", cid), what)
        section = self.string(table, "section", line, what)
        quote = self.string(table, "quote", line, what)
        note = self.string(table, "note", line, what)
        accept = self.reason(table, line, what)
        suggested = self.string(table, "suggested", line, what)
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
        references = self.references(cid, table.get("references"), units, about, stated)
        if stated is None or len(self.problems) > before:
            return None
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
            accept=accept,
            suggested=suggested,
        )

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
            self.problem(line, f"{what}: unit must be a string, not {_type_name(unit_text)}")
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
                    found = _stated_from_text(value, units, about, precision)
                    self.readings[value, precision] = found
                return found
            if isinstance(value, int | float) and not isinstance(value, bool):
                return _stated_from_number(value, unit_text or "", units)
        except FigcheckError as err:
            self.problem(line, f"{what}: {err.message}")
            return None
        self.problem(line, f"{what}: value must be a string or a number, not {_type_name(value)}")
        return None

    def precision(
        self, text: str, unit: Unit, units: UnitTable, line: int | None, what: str
    ) -> float | None:
        try:
            figure = parse_figure(text)
            punit = units.lookup(figure.unit)
        except FigcheckError as err:
            self.problem(line, f"{what}: precision: {err.message}")
            return None
        if figure.qualifier.value != "plain" or figure.amount.value <= 0:
            self.problem(line, f'{what}: precision must be a plain positive figure, not "{text}"')
            return None
        if punit.dimension != unit.dimension:
            self.problem(
                line,
                f"{what}: precision is {punit.dimension} but the value is {unit.dimension}",
            )
            return None
        amount = figure.amount.value / (100 if figure.percent else 1)
        return amount * punit.factor / unit.factor

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
                f"([[claims.{cid}.references]]), not {_type_name(raw)}",
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
        )

    # -- cross-claim rules ---------------------------------------------------------------

    def resolve(
        self,
        what: str,
        line: int | None,
        names: Iterable[str],
        known: set[str],
        check_ids: set[str],
    ) -> None:
        for name in names:
            if name in known:
                continue
            if name in check_ids:
                self.problem(line, f"{what}: '{name}' is a check, not a claim with a figure")
                continue
            hint = _did_you_mean(name, known)
            self.problem(line, f"{what}: unknown id '{name}' in formula{hint}")

    def find_cycles(self, formulas: Mapping[str, Formula], claims: Mapping[str, Claim]) -> None:
        """Report each cycle among formulas once, iteratively (files may chain deeply)."""
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        for root in formulas:
            if root in state:
                continue
            path: list[str] = [root]
            iters = [iter(formulas[root].names)]
            state[root] = 1
            while iters:
                node = next(iters[-1], None)
                if node is None:
                    state[path.pop()] = 2
                    iters.pop()
                    continue
                if node not in formulas:
                    continue
                if state.get(node) == 1:
                    cycle = [*path[path.index(node) :], node]
                    self.problem(
                        self.lines.table("claims", node),
                        "formula cycle: " + " -> ".join(cycle),
                    )
                elif node not in state:
                    state[node] = 1
                    path.append(node)
                    iters.append(iter(formulas[node].names))

    def dimensions(self, claims: Mapping[str, Claim], checks: Iterable[Check]) -> None:
        # a formula's dimension depends only on its program and the units involved, and files
        # repeat a few shapes over the same units: each combination is worked out once
        found: dict[tuple[object, ...], str | None] = {}  # the problem, or None
        for claim in claims.values():
            formula = claim.formula
            if formula is None or not all(n in claims for n in formula.names):
                continue
            unit = claim.stated.unit
            inputs = [claims[n].stated.unit for n in formula.names]
            key = (formula.program, unit.text, *[u.text for u in inputs])
            if key not in found:
                found[key] = _formula_dimension(formula, [u.dimension for u in inputs], unit)
            if (message := found[key]) is not None:
                self.problem(claim.line, f"claim '{claim.id}': {message}")
        for check in checks:
            assertion: Assertion = check.assertion
            if not all(n in claims for n in assertion.names):
                continue
            inputs = [claims[n].stated.unit for n in assertion.names]
            key = (assertion.lhs.program, assertion.rhs.program, *[u.text for u in inputs])
            if key not in found:
                try:
                    assertion.dimension([u.dimension for u in inputs])
                    found[key] = None
                except FigcheckError as err:
                    found[key] = err.message
            if (message := found[key]) is not None:
                self.problem(check.line, f"check '{check.id}': {message}")


def _formula_dimension(formula: Formula, inputs: list[Dimension], unit: Unit) -> str | None:
    """What is wrong with the dimensions of *formula* for a value in *unit*, if anything."""
    try:
        dim = formula.dimension(inputs)
    except FigcheckError as err:
        return err.message
    if dim != unit.dimension:
        return f"formula gives {dim} but the value is {unit.dimension}"
    return None


def _did_you_mean(name: str, known: set[str]) -> str:
    """A "did you mean" hint; in big files only ids of about the same length are compared."""
    pool = known
    if len(known) > 2000:
        pool = {k for k in known if abs(len(k) - len(name)) <= 2 and k[:1] == name[:1]}
    close = difflib.get_close_matches(name, sorted(pool)[:5000], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _scaled(reading: Reading, k: float) -> Reading:
    if k == 1.0:
        return reading
    return Reading(
        central=reading.central * k,
        strict=reading.strict.scaled(k),
        lenient=reading.lenient.scaled(k),
        s=reading.s * k,
        l=reading.l * k,
    )


def _stated_from_text(text: str, units: UnitTable, about: float, precision: float | None) -> Stated:
    figure = parse_figure(text)
    unit = units.lookup(figure.unit)
    reading = _scaled(read(figure, about=about, precision=precision), unit.factor)
    shown = figure.upper or figure.amount
    return Stated(
        text=figure.text,
        unit=unit,
        reading=reading,
        scale=shown.scale,
        scale_word=shown.scale_word,
        percent=figure.percent,
        number=figure.amount.value,
        mantissa=figure.amount.mantissa,
        written=figure.amount.text,
    )


def _stated_from_number(value: float, unit_text: str, units: UnitTable) -> Stated:
    number = float(value)
    if not math.isfinite(number):
        raise FigcheckError("value is not a number" if number != number else "value is too large")
    unit = units.lookup(unit_text)
    base = number * unit.factor
    point = Interval.point(base)
    text = f"{value} {unit_text}".strip()
    reading = Reading(central=base, strict=point, lenient=point, s=0.0, l=0.0)
    return Stated(text=text, unit=unit, reading=reading, number=number, mantissa=number)
