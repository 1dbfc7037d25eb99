"""Draft a claims file for a document: one claim per quantity it mentions, quoted in context."""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path

from figcheck.check.quotes import QuoteIndex
from figcheck.claims.fields import unwritable
from figcheck.claims.loader import parse
from figcheck.document.coverage import (
    CURRENCY_SYMBOLS,
    Category,
    Mention,
    counted,
    find_mentions,
    out_of,
)
from figcheck.document.draft_ids import Ids
from figcheck.document.draft_quotes import Quoter
from figcheck.document.draft_toml import draft_toml
from figcheck.document.relations import Suggestion, nodes_of, suggest
from figcheck.errors import FigcheckError
from figcheck.figures.figure import parse_figure
from figcheck.figures.numbers import Amount, find_amounts
from figcheck.figures.units import UnitTable, is_known_word, unit_table
from figcheck.io.formats import SourceText, format_of, read_source

_SENTENCE_END = re.compile(r"[.!?](?=\s|\Z)|\n[^\S\n]*\n")
# Words that suggest a figure is derived from others; "percent of" only right at the figure.
_DERIVATION = re.compile(
    r"\b(as a result|in total|in all|altogether|a total of|totall?ing|equivalent of|the sum of|"
    r"the rest|remaining|on average|an average of|combined|net of|the difference)\b"
)
_PER = re.compile(r"\s+(?P<unit>[A-Za-z]+)\s+per\s+(?P<per>[A-Za-z]+)\b")
_TIME = re.compile(
    r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?|s|sec|min|h|hr|d|yr",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(r"\s*(?:of|out of)\b")
_HINT = "TODO formula?"  # a comment on a figure whose words suggest it is derived
# an ambiguous ton, drafted as the metric one (an assumption the draft marks)
_TON_METRIC = {
    f"{prefix}ton{plural}": f"{prefix}tonne"
    for prefix in ("", "kilo", "mega", "giga")
    for plural in ("", "s")
}


@dataclass(frozen=True, slots=True)
class DraftClaim:
    """One drafted claim: its id, the document's words and the figure as parsed."""

    id: str
    line: int
    quote: str
    value: str
    comments: tuple[str, ...] = ()
    formula: str | None = None  # a suggested derivation
    suggested: str | None = None  # why, and what else was considered


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted claims file, before it is written as TOML."""

    title: str
    source: str
    units: tuple[tuple[str, str, str], ...]  # (word, definition, comment)
    claims: tuple[DraftClaim, ...]
    skipped: tuple[str, ...] = ()  # quantities whose figure could not be read as a value

    def toml(self) -> str:
        return draft_toml(self)


def draft_file(document: Path, target: Path | None, *, suggest: bool = True) -> str:
    """The draft claims file, as TOML, for *document*, to be written at *target*.

    The ``source`` path is relative to *target*'s folder (the current folder for stdout).
    """
    read = read_source(document, format_of(document), allow_empty=False)
    folder = target.parent if target is not None else Path()
    source = os.path.relpath(document.resolve(), folder.resolve())
    source = Path(source).as_posix()
    return draft(
        read.text, source=source, fallback_title=document.stem, suggest=suggest, origin=read
    ).toml()


def draft(
    text: str,
    *,
    source: str,
    fallback_title: str = "",
    suggest: bool = False,
    origin: SourceText | None = None,
) -> Draft:
    """Draft claims for the document *text* (as read by sources.read_text); with *suggest*,
    each figure that may follow from others gets a suggested formula. *origin* maps the
    text of a Markdown or HTML document back to its file."""
    drafted, index = indexed_draft(
        text, source=source, fallback_title=fallback_title, origin=origin
    )
    return with_suggestions(drafted, index) if suggest else drafted


def indexed_draft(
    text: str, *, source: str, fallback_title: str = "", origin: SourceText | None = None
) -> tuple[Draft, QuoteIndex]:
    """The draft of *text* and the quote index it was made with, to check it against."""
    drafter = _Drafter(text, source, origin)
    return drafter.run(_title(text) or fallback_title or source), drafter.index


def with_suggestions(drafted: Draft, index: QuoteIndex, *, cued_only: bool = False) -> Draft:
    """*drafted* with the relation finder's best formula for each figure it can derive.

    The draft is read back as ``figcheck check`` reads it, so the suggestions are judged on the
    very readings a check of the draft will use. A suggestion that would close a loop of
    formulas is left out; a cued one that does not hold is kept, and its comment says so.
    """
    claims_file = parse(drafted.toml(), shown="draft", base=Path())
    suggestions = suggest(index.text, nodes_of(claims_file, index), cued_only=cued_only)
    uses: dict[str, tuple[str, ...]] = {}
    chosen: dict[str, Suggestion] = {}
    for s in sorted(suggestions, key=lambda s: -s.score):
        if s.check or any(_reaches(uses, name, s.target) for name in s.inputs):
            continue
        uses[s.target] = s.inputs
        chosen[s.target] = s
    claims = tuple(
        dataclasses.replace(
            c,
            formula=chosen[c.id].formula,
            suggested=chosen[c.id].comment(),
            # the suggestion replaces the bare hint that a formula may be wanted
            comments=tuple(x for x in c.comments if not x.startswith(_HINT)),
        )
        if c.id in chosen
        else c
        for c in drafted.claims
    )
    return dataclasses.replace(drafted, claims=claims)


def _reaches(uses: dict[str, tuple[str, ...]], start: str, goal: str) -> bool:
    """Whether *goal* is *start* or one of the ids its chosen formula depends on."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(uses.get(name, ()))
    return False


def _title(text: str) -> str:
    """The document's first line, if it reads as a title: short, no closing punctuation, and
    no sentence running on into the next line."""
    lines = [line.strip() for line in text.splitlines()]
    lines = lines[next((i for i, line in enumerate(lines) if line), len(lines)) :]
    if not lines:
        return ""
    first, following = lines[0], lines[1] if len(lines) > 1 else ""
    runs_on = following[:1].islower()
    if len(first) > 80 or first.endswith((".", ",", ";", ":", "-")) or runs_on:
        return ""
    return "" if unwritable(first, one_line=True) else first  # a title figcheck check refuses


class _Drafter:
    """Drafts one claim per quantity: its value and unit here, its quote and id by helpers."""

    def __init__(self, text: str, source: str, origin: SourceText | None = None) -> None:
        self.text = text
        self.source = source
        self.amounts = {a.start: a for a in find_amounts(text)}
        self.starts = sorted(self.amounts)
        self.sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        self.units: dict[str, tuple[str, str]] = {}  # word -> (definition, comment)
        self.index = QuoteIndex(text, source, origin)
        self.quoter = Quoter(text, self.index)
        self.ids = Ids(text, self.sentences)
        self._table: tuple[int, UnitTable] | None = None  # (how many [units], their table)

    def run(self, title: str) -> Draft:
        mentions = find_mentions(self.text)
        claims: list[DraftClaim] = []
        skipped: list[str] = []
        previous: list[tuple[int, str, str]] = []  # (sentence, unit word, kind) of quantities
        for i, mention in enumerate(mentions):
            if mention.category is not Category.QUANTITY:
                continue
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            claim = self.claim(mention, following, previous)
            if claim is None:
                skipped.append(f"line {self.line(mention)}: {mention.text}")
            else:
                claims.append(claim)
        units = tuple((word, d, c) for word, (d, c) in self.units.items())
        return Draft(title, self.source, units, tuple(claims), tuple(skipped))

    def line(self, mention: Mention) -> int:
        """The line of *mention* in the document's file as stored."""
        if self.index.origin is None:
            return mention.line
        return self.index.line_column(mention.start)[0]

    # -- one claim -----------------------------------------------------------------------

    def claim(
        self, mention: Mention, following: Mention | None, previous: list[tuple[int, str, str]]
    ) -> DraftClaim | None:
        text = self.text
        amount = self.amounts[mention.number_start]
        sentence = bisect.bisect_right(self.sentences, mention.start) - 1
        comments: list[str] = []
        unit, kind = self.unit(mention, amount, comments)
        scale = ""
        share = amount.form == "fraction" or mention.percent
        money = text[amount.start - 1 : amount.start] in CURRENCY_SYMBOLS
        whole = self.amounts[following.number_start] if following is not None else None
        if unit or share or money:
            pass
        elif following is not None and whole is not None and out_of(text, mention.end, whole):
            # "six out of the seven million members": the part takes the whole's scale and unit
            if amount.scale_word is None:
                scale = whole.scale_word or ""
            found = counted(text, following.end)
            if found is not None and found[1] in ("unit", "ton", "people"):
                unit, kind = self.register(*found)
            comments.append(f'read as a part of "{following.text}": verify')
        elif amount.scale_word is not None:
            # "208 million people, including 120 million of employable age"
            earlier = [p for p in previous if p[0] == sentence]
            if earlier:
                unit, kind = earlier[-1][1], earlier[-1][2]
                comments.append(
                    f'unit "{unit}" taken from a figure earlier in the sentence: verify'
                )
        # a later bare figure may take this unit; not a time unit ("over five years funds
        # 14 projects, including a new fire station ($12.5 million)")
        if unit and kind in ("ton", "people", "unit") and not _TIME.fullmatch(unit):
            previous.append((sentence, unit, kind))
        value = self.checked(self.value(mention, amount, scale, unit), unit, comments)
        if value is None:
            return None
        cue = self.derivation(mention, sentence)
        if cue:
            comments.append(f'{_HINT} ("{cue}")')
        quote = self.quoter.quote(mention, unit)
        if not self.quoter.verified(quote, value):
            return None  # e.g. "twenty-⏎five": the joined quote reads 25, not the 20 found
        noun = counted(text, mention.end) if not (unit or share) else None
        return DraftClaim(
            id=self.ids.new_id(
                mention,
                unit or ("share" if share else noun[0] if noun else ""),
                self.quoter.clause(mention),
            ),
            line=self.line(mention),
            quote=quote,
            value=value,
            comments=tuple(comments),
        )

    def unit(self, mention: Mention, amount: Amount, comments: list[str]) -> tuple[str, str]:
        """The unit word for the value ("" if none) and its kind; notes what is left out."""
        if amount.form == "fraction" or mention.percent:
            return "", ""
        before = self.text[amount.start - 1 : amount.start]
        if before in CURRENCY_SYMBOLS:
            comments.append(
                f'"{before}" left out of value: the unit table cannot read it '
                f'(define e.g. {CURRENCY_SYMBOLS[before]} = "[money]" in [units] and add it)'
            )
            return "", ""
        found = counted(self.text, mention.end)
        if found is None:
            return "", ""
        word, kind = found
        if kind in ("goods", "currency"):
            comments.append(
                f'"{word}" left out of value: the unit table cannot read it '
                f'(define it in [units] to check it, e.g. {word.lower()} = "[{word.lower()}]")'
            )
            return "", ""
        per = _PER.match(self.text, mention.end)
        if per is not None and per["unit"] == word:
            if not is_known_word(per["per"]):
                comments.append(
                    f'"{word} per {per["per"]}" left out of value: the unit table cannot read '
                    f'"{per["per"]}" (define it in [units] to check it)'
                )
                return "", ""
            unit, kind = self.register(word, kind)
            return f"{unit} per {per['per']}", kind
        return self.register(word, kind)

    def register(self, word: str, kind: str) -> tuple[str, str]:
        """The unit word as the value writes it; ambiguous and people words go in [units]."""
        if kind == "ton":
            word = word.lower()
            self.units.setdefault(word, (_TON_METRIC[word], "assumed metric: verify"))
        elif kind == "people":
            word = word.lower()
            self.units.setdefault(word, ("person", "assumed: counts people, one each: verify"))
        return word, kind

    def value(self, mention: Mention, amount: Amount, scale: str, unit: str) -> str:
        text = self.text
        qualifier = " ".join(text[mention.start : amount.start].split()).lower()
        written = " ".join(text[amount.start : amount.end].split())
        if mention.upper is not None and mention.end > amount.end:
            top = self.amounts.get(self._upper_start(amount, mention))
            if top is not None:
                upper = " ".join(text[top.start : top.end].split())
                qualifier = "between"
                written = f"{written} and {upper}"
        parts = [qualifier, written, scale, unit]
        return " ".join(p for p in parts if p)

    def _upper_start(self, amount: Amount, mention: Mention) -> int:
        starts = self.starts
        i = bisect.bisect_right(starts, amount.start)
        return starts[i] if i < len(starts) and starts[i] < mention.end else -1

    def checked(self, value: str, unit: str, comments: list[str]) -> str | None:
        """*value* if the claims file will read it; without its unit if only that fails."""
        table = self.table()
        try:
            figure = parse_figure(value)
            table.lookup(figure.unit)
        except FigcheckError:
            if not unit or not value.endswith(unit):
                return None
            comments.append(f'"{unit}" left out of value: the unit table cannot read it')
            return self.checked(value[: -len(unit)].rstrip(), "", comments)
        return value

    def table(self) -> UnitTable:
        """The unit table the draft's [units] make, built again only when they change."""
        if self._table is None or self._table[0] != len(self.units):
            units = {word: definition for word, (definition, _) in self.units.items()}
            self._table = (len(self.units), unit_table(units) if units else _BUILTIN)
        return self._table[1]

    def derivation(self, mention: Mention, sentence: int) -> str | None:
        start = self.sentences[sentence]
        window = " ".join(self.text[start : mention.end].lower().split())
        cues = _DERIVATION.findall(window)
        if cues:
            return str(cues[-1])
        if mention.percent and _SHARE_AFTER.match(self.text, mention.end):
            return "percent of"
        return None


_BUILTIN = UnitTable()
