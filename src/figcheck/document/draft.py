"""Draft a claims file for a document: one claim per quantity it mentions, quoted in context."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from figcheck.check.quotes import QuoteIndex, fold
from figcheck.claims.fields import unwritable
from figcheck.claims.loader import parse
from figcheck.collector import paused_gc
from figcheck.document.coverage import (
    Category,
    Mention,
    attached_word,
    counted,
    find_mentions,
    out_of,
)
from figcheck.document.draft_cells import Cells, cell_quote, is_share, label_words
from figcheck.document.draft_counts import Denominator, denominator, needed_counts
from figcheck.document.draft_ids import Ids
from figcheck.document.draft_quotes import Quoter
from figcheck.document.draft_toml import draft_toml
from figcheck.document.relations import Suggestion, nodes_of, suggest
from figcheck.errors import FigcheckError
from figcheck.figures import lexicon
from figcheck.figures.figure import Qualifier, parse_figure
from figcheck.figures.numbers import Amount, find_amounts, plain, reads_back, unread_currency
from figcheck.figures.units import UnitTable, is_known_word, unit_table
from figcheck.io.formats import SourceText, format_of, read_source

# a sentence ends at a stop, a blank line, or a line that opens with a bullet ("– 25,9 % ...")
_SENTENCE_END = re.compile(r"[.!?](?=\s|\Z)|\n[^\S\n]*\n|\n(?=[^\S\n]*[-–—•*][^\S\n])")
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
# A word before or after a figure that makes it a fall ("fell by 0.4 percentage point",
# "£8.4bn lower", "um 1,3 % zurück"): the value is drafted negative, with a comment.
_SIGN_BEFORE = re.compile(
    r"\b(?P<word>"
    + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in lexicon.SIGN_WORDS_BEFORE)
    + r")\s+\Z",
    re.IGNORECASE,
)
_SIGN_AFTER = re.compile(
    r"(?:[^\S\n]+[^\s.,;:!?()]+){0,2}?[^\S\n]+(?P<word>"
    + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in lexicon.SIGN_WORDS_AFTER)
    + r")\b",
    re.IGNORECASE,
)
_SIGN_NOUN_AFTER = re.compile(
    r"[^\S\n]+(?P<word>" + "|".join(lexicon.SIGN_NOUNS_AFTER) + r")\b", re.IGNORECASE
)
_COMPARED = re.compile(r"\b(?:from|than|compared (?:with|to)|against)[^\S\n]+\Z", re.IGNORECASE)
_UM_BEFORE = re.compile(r"\bum\s+\Z", re.IGNORECASE)
# A unit in a table's column heading: "Median latency (milliseconds)", "Votes %",
# "Operations per second"; a scale the table states: "(in millions except percentages)"
_HEADING_UNIT = re.compile(
    r"\((?P<unit>[^()]+)\)\s*\Z|(?P<percent>%)|(?P<rate>[A-Za-z]+\s+per\s+[A-Za-z]+)\s*\Z"
)
_TABLE_SCALE = re.compile(r"\(\s*in\s+(?P<scale>thousands|millions|billions)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Heading:
    """What a table column's heading says of its cells."""

    unit: str  # a unit the unit table reads, or "%"
    kind: str
    scale: str  # a scale word the table states ("million"), or ""
    unread: str  # a unit the heading names that the unit table cannot read, or ""
    unclear: bool = False  # the heading names "%", but not which column (a cell to 100 asks)


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
    start: int = -1  # where the figure is in the document (its qualifier included)
    end: int = -1


@dataclass(frozen=True, slots=True)
class DraftCheck:
    """A suggested check: a relation among drafted claims that no figure states."""

    id: str
    line: int  # where its first figure is
    assertion: str
    suggested: str  # why it was suggested


@dataclass(frozen=True, slots=True)
class Skipped:
    """A quantity the draft could not make a claim of, and why."""

    line: int
    text: str
    start: int
    end: int
    why: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}" + (f" ({self.why})" if self.why else "")


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted claims file, before it is written as TOML."""

    title: str
    source: str
    units: tuple[tuple[str, str, str], ...]  # (word, definition, comment)
    claims: tuple[DraftClaim, ...]
    skipped: tuple[Skipped, ...] = ()  # quantities whose figure could not be read as a value
    checks: tuple[DraftCheck, ...] = ()  # suggested relations with no figure of their own

    def toml(self) -> str:
        return draft_toml(self)

    def summary(self, target: str) -> str:
        """What init did, e.g. ``wrote 42 claims to claims.toml (3 figures unread: see
        comments)``."""
        n = len(self.claims)
        line = f"wrote {n} claim{'' if n == 1 else 's'} to {target}"
        if self.skipped:
            k = len(self.skipped)
            line += f" ({k} figure{'' if k == 1 else 's'} unread: see comments)"
        return line


def draft_file(document: Path, target: Path | None, *, suggest: bool = True) -> str:
    """The draft claims file, as TOML, for *document*, to be written at *target*."""
    return draft_document(document, target, suggest=suggest).toml()


def draft_document(document: Path, target: Path | None, *, suggest: bool = True) -> Draft:
    """The draft of *document*'s claims file, to be written at *target*.

    The ``source`` path is relative to *target*'s folder (the current folder for stdout).
    """
    read = read_source(document, format_of(document), allow_empty=False)
    folder = target.parent if target is not None else Path()
    source = os.path.relpath(document.resolve(), folder.resolve())
    source = Path(source).as_posix()
    return draft(
        read.text, source=source, fallback_title=document.stem, suggest=suggest, origin=read
    )


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
    with paused_gc():
        drafter = _Drafter(text, source, origin)
        return drafter.run(_title(text) or fallback_title or source), drafter.index


def with_suggestions(drafted: Draft, index: QuoteIndex, *, cued_only: bool = False) -> Draft:
    """*drafted* with the relation finder's best formula for each figure it can derive.

    The draft is read back as ``figcheck check`` reads it, so the suggestions are judged on the
    very readings a check of the draft will use. A suggestion that would close a loop of
    formulas is left out; a cued one that does not hold is kept, and its comment says so.
    """
    with paused_gc():
        claims_file = parse(drafted.toml(), shown="draft", base=Path())
        suggestions = suggest(index.text, nodes_of(claims_file, index), cued_only=cued_only)
    uses: dict[str, tuple[str, ...]] = {}
    chosen: dict[str, Suggestion] = {}
    lines = {c.id: c.line for c in drafted.claims}
    taken = {c.id for c in drafted.claims} | {c.id for c in drafted.checks}
    checks = [
        DraftCheck(s.target, lines.get(s.inputs[0], 0), s.formula, s.comment())
        for s in suggestions
        if s.check and s.target not in taken
    ]
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
    return dataclasses.replace(drafted, claims=claims, checks=(*drafted.checks, *checks))


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
    first, following = _first_lines(text)
    if not first:
        return ""
    runs_on = following[:1].islower()
    if len(first) > 80 or first.endswith((".", ",", ";", ":", "-")) or runs_on:
        return ""
    return "" if unwritable(first, one_line=True) else first  # a title figcheck check refuses


_HEAD = 4096  # characters of a document's start that hold its first lines, as a rule


def _first_lines(text: str) -> tuple[str, str]:
    """The document's first line that is not blank and the line after it, stripped ("" for
    none): read from the document's start, not by splitting all of it into lines."""
    size = _HEAD
    while size < len(text):
        # the last line of a cut may run on past it (or a "\r\n" be cut): it is left out
        lines = text[:size].splitlines()[:-1]
        i = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        if i + 1 < len(lines):
            return lines[i].strip(), lines[i + 1].strip()
        size *= 2
    return _first_lines_plain(text)


def _first_lines_plain(text: str) -> tuple[str, str]:
    """As _first_lines, from every line of *text*."""
    lines = [line.strip() for line in text.splitlines()]
    lines = lines[next((i for i, line in enumerate(lines) if line), len(lines)) :]
    if not lines:
        return "", ""
    return lines[0], lines[1] if len(lines) > 1 else ""


class _Drafter:
    """Drafts one claim per quantity: its value and unit here, its quote and id by helpers."""

    def __init__(self, text: str, source: str, origin: SourceText | None = None) -> None:
        self.text = text
        self.source = source
        self.found = find_amounts(text)  # in order: the mentions are read from them too
        self.amounts = {a.start: a for a in self.found}
        self.starts = sorted(self.amounts)
        self.sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        self.units: dict[str, tuple[str, str]] = {}  # word -> (definition, comment)
        self.index = QuoteIndex(text, source, origin)
        self.quoter = Quoter(text, self.index)
        self.ids = Ids(text, self.sentences)
        # a Markdown, HTML or Word document's table cells: units from headings, ids from labels
        self.cells = Cells(origin.tables) if origin is not None and origin.tables else None
        self._table: tuple[int, UnitTable] | None = None  # (how many [units], their table)
        self._reads: dict[tuple[str, float, str | None, bool, float], bool] = {}
        self._counted: dict[int, tuple[str, str] | None] = {}  # by where a figure ends
        self._cues: _SentenceCues | None = None  # the cues of the sentence last asked
        self.why = ""  # why the last figure could not be drafted
        # where the last figure read as a fall by a word before it ends, the word, its kind
        self.fall: tuple[int, str, tuple[str | None, bool, str]] = (-1, "", (None, False, ""))
        # the last figure with a unit: its sentence, unit, kind and scale word
        self.compared: tuple[int, str, str, str] = (-1, "", "", "")

    def run(self, title: str) -> Draft:
        mentions = find_mentions(self.text, amounts=self.found)
        claims: list[DraftClaim] = []
        skipped: list[Skipped] = []
        previous: list[tuple[int, str, str]] = []  # (sentence, unit word, kind) of quantities
        needed = needed_counts(self.text, mentions)  # bare counts that a relation needs
        by_place: dict[int, DraftClaim] = {}  # by where the figure's number starts
        for i, mention in enumerate(mentions):
            in_cell = self.cells is not None and self.cells.at(mention.number_start) is not None
            if mention.category is not Category.QUANTITY and not (
                (in_cell or mention.number_start in needed) and mention.category is Category.COUNT
            ):
                continue
            if mention.form == "unread":
                why = _unread_why(mention.text)
                skipped.append(
                    Skipped(self.line(mention), mention.text, mention.start, mention.end, why)
                )
                continue
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            self.why = ""
            claim = self.claim(mention, following, previous)
            if claim is None:
                skipped.append(
                    Skipped(self.line(mention), mention.text, mention.start, mention.end, self.why)
                )
            else:
                source = needed.get(mention.number_start)
                if source is not None and (shared := self.unit_of(claim, by_place.get(source))):
                    claim = shared
                by_place[mention.number_start] = claim
                claims.append(claim)
                whole = denominator(self.text, mention) if mention.number_start in needed else None
                if whole is not None and (drafted := self.whole_of(mention, whole)) is not None:
                    # the part quoted from itself, so that no equal figure before it is taken
                    own = self.onward_quote(mention.start, mention.end, claim.value)
                    claims[-1] = dataclasses.replace(claim, quote=own or claim.quote)
                    claims.append(drafted)
        units = tuple((word, d, c) for word, (d, c) in self.units.items())
        return Draft(title, self.source, units, tuple(claims), tuple(skipped))

    def unit_of(self, claim: DraftClaim, source: DraftClaim | None) -> DraftClaim | None:
        """*claim*, a bare count, in the unit of *source* ("from 93 per 1000 … to 41"), or
        None if *source* has none."""
        if source is None:
            return None
        figure = parse_figure(source.value)
        if not figure.unit or figure.percent:
            return None
        comments = [f'unit "{figure.unit}" taken from "{source.value}": verify']
        value = self.checked(f"{claim.value} {figure.unit}", figure.unit, comments)
        if value is None or value == claim.value:
            return None
        return dataclasses.replace(claim, value=value, comments=(*claim.comments, *comments))

    def whole_of(self, mention: Mention, whole: Denominator) -> DraftClaim | None:
        """A claim of the whole *n* of "k/n (p%)": quoted from its slash, where the number
        reader reads it alone."""
        text = self.text
        found = find_amounts(text[whole.start : whole.end])
        if len(found) != 1:
            return None
        value = plain(found[0])
        quote = self.onward_quote(whole.start - 1, whole.end, value)
        if quote is None:
            return None
        part = dataclasses.replace(mention, start=whole.start, end=whole.end, text=value)
        ident = self.ids.new_id(part, "whole", self.quoter.clause(mention))
        return DraftClaim(
            id=ident,
            line=self.line(mention),
            quote=quote,
            value=value,
            comments=(f'the whole of "{mention.text}": verify',),
            start=whole.start,
            end=whole.end,
        )

    def onward_quote(self, lo: int, hi: int, value: str) -> str | None:
        """The words from *lo* through a share in brackets after *hi*, grown onwards until
        unique, if figcheck check finds *value* first in them; else None."""
        text = self.text
        share = _SHARE_AFTER_COUNT.match(text, hi)
        hi = share.end() if share is not None else hi
        quote = fold(text[lo:hi])
        for later in _WORD_AFTER.finditer(text, hi, hi + 400):
            if quote.count(" ") >= _FEWEST_SPACES and self.index.unique(quote):
                break
            quote = fold(text[lo : later.end()])
        if not self.index.unique(quote) or not self.quoter.verified(quote, value):
            return None
        return quote

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
        money = amount.currency is not None
        if not (unit or share or money) and (unknown := _unknown_unit(text, mention.end)):
            self.why = f'"{unknown}" names a unit the unit table lacks'
            return None
        if not (share or money) and (why := _unsure(text, mention, kind)):
            self.why = why
            return None
        if not (kind or share or money) and self.statistic_of_percentages(mention, sentence):
            self.why = "a statistic with no unit written, in a sentence of percentages: in %?"
            return None
        whole = self.amounts.get(following.number_start) if following is not None else None
        if unit or share or money:
            pass
        elif following is not None and whole is not None and out_of(text, mention.end, whole):
            # "six out of the seven million members": the part takes the whole's scale and unit
            if amount.scale_word is None:
                scale = whole.scale_word or ""
            found = self.counted(following.end)
            if found is not None and found[1] in ("unit", "ton", "people"):
                unit, kind = self.register(*found)
            comments.append(f'read as a part of "{following.text}": verify')
        elif amount.scale_word is not None and self.counted(mention.end) is None:
            # "208 million people, including 120 million of employable age"
            earlier = [p for p in previous if p[0] == sentence]
            if earlier:
                unit, kind = earlier[-1][1], earlier[-1][2]
                comments.append(
                    f'unit "{unit}" taken from a figure earlier in the sentence: verify'
                )
        if not (unit or share or money) and _COMPARED.search(
            text, max(0, mention.start - 16), mention.start
        ):
            # "38.8 years -- an increase from 37.4 in 2016": the figure compared takes the
            # unit of the one before it in the sentence, a time unit too
            sentence_before, unit_before, kind_before, scale_before = self.compared
            if sentence_before == sentence and self.counted(mention.end) is None:
                unit, kind = unit_before, kind_before
                taken = f'unit "{unit}"'
                if scale_before and amount.scale_word is None:  # "3.2 million tonnes from 2.9"
                    scale = scale_before
                    taken = f'scale "{scale}" and {taken}'
                comments.append(f"{taken} taken from the figure it is compared with: verify")
        if unit and kind in ("ton", "people", "unit"):
            self.compared = (sentence, unit, kind, amount.scale_word or scale)
            # a later bare figure may take this unit; not a time unit ("over five years funds
            # 14 projects, including a new fire station ($12.5 million)")
            if not _TIME.fullmatch(unit):
                previous.append((sentence, unit, kind))
        heading = self.heading(amount) if not (unit or share) else None
        if heading is None and not (unit or share or money):
            heading = self.aligned_heading(amount)
        if not (unit or share or money) and (sign := _table_currency(text, amount.start)):
            self.why = f'other rows of the table write "{sign}" before their figures: money?'
            return None
        if heading is not None and heading.unread:
            self.why = f'the column heading names "{heading.unread}", which the unit table lacks'
            return None
        if heading is not None and heading.unclear and abs(amount.value) <= 100:
            self.why = (
                'the table heading names "%" on lines that do not tell its columns apart: '
                "is it a percent?"
            )
            return None
        if heading is not None and heading.unit and not money:
            unit, kind = heading.unit, heading.kind
            share = share or unit == "%"
            comments.append(f'unit "{unit}" taken from the column heading: verify')
        if heading is not None and heading.scale and amount.scale_word is None and not share:
            scale = heading.scale
            comments.append(f'scale "{scale}" taken from the table: verify')
        negative = self.sign_word(mention, amount, unit)
        if negative:
            comments.append(f'read as a fall ("{negative}"): verify')
        if mention.guess:  # read as the document's majority style writes it
            comments.append(f"{mention.guess}: verify")
        written = self.value(mention, amount, scale, "" if unit == "%" else unit, bool(negative))
        if unit == "%":
            written += "%"
        place = self.cells.at(mention.number_start) if self.cells is not None else None
        if place is not None and not (unit or share or money) and is_share(place, amount.start):
            share = True
            written += "%"
            comments.append(f'share "%" taken from the column heading "{place.heading}": verify')
        value = self.checked(written, unit, comments)
        if value is None:
            return None
        cue = self.derivation(mention, sentence)
        if cue:
            comments.append(f'{_HINT} ("{cue}")')
        quote = self.quoter.quote(mention, unit)
        if place is not None:  # the cell itself, so that its place is the cell's
            quote = cell_quote(place, self.index) or quote
        if not self.quoter.verified(quote, value):
            return None  # e.g. "twenty-⏎five": the joined quote reads 25, not the 20 found
        noun = self.counted(mention.end) if not (unit or share) else None
        if place is not None:
            ident = self.ids.named(label_words(place, share=share))
        else:
            ident = self.ids.new_id(
                mention,
                unit or ("share" if share else noun[0] if noun else ""),
                self.quoter.clause(mention),
            )
        return DraftClaim(
            id=ident,
            line=self.line(mention),
            quote=quote,
            value=value,
            comments=tuple(comments),
            start=mention.start,
            end=mention.end,
        )

    def statistic_of_percentages(self, mention: Mention, sentence: int) -> bool:
        """Whether *mention* is a summary statistic written with no unit ("25th–75th
        percentile = 0.3–10.9") in a sentence whose other figures are percentages: abstracts
        write the unit once ("ranged from −3.2 to 28.3% (median = 5.1%; ...)")."""
        text = self.text
        if _STATISTIC_IS.search(text, max(0, mention.start - 24), mention.start) is None:
            return False
        sentences = self.sentences
        end = sentences[sentence + 1] if sentence + 1 < len(sentences) else len(text)
        return "%" in text[sentences[sentence] : end]

    def unit(self, mention: Mention, amount: Amount, comments: list[str]) -> tuple[str, str]:
        """The unit word for the value ("" if none) and its kind; notes what is left out."""
        if amount.form == "fraction" or mention.percent:
            return "", ""
        if amount.form == "multiple":
            return "times", "unit"
        if amount.currency is not None:
            return "", ""  # the value writes the currency sign: its unit
        found = self.counted(mention.end)
        if found is None:
            return "", ""
        word, kind = found
        after = _WORD_AFTER.match(self.text, mention.end) if kind == "unit" else None
        if after is not None and after.group().strip() != word:  # "3.3M GPU hours"
            comments.append(f'unit "{word}" read past "{after.group().strip()}": verify')
        if kind == "currency" and word.lower() in ("pound", "pounds") and "£" in self.text:
            # money or mass? a document that writes "£" means money: an assumption to verify
            self.units.setdefault(
                word.lower(), ("GBP", "assumed money (the document writes £): verify")
            )
            return word.lower(), "unit"
        if kind == "currency" and is_known_word(word):
            return word, "unit"  # "5 dollars", "13,90 Euro": built-in currencies
        if kind == "currency" and word.lower() in ("pound", "pounds"):
            comments.append(
                f'"{word}" left out of value: money or mass? map it in [units], e.g. '
                f'{word.lower()} = "GBP" or {word.lower()} = "453.59237 g"'
            )
            return "", ""
        if kind in ("goods", "currency"):
            one = _one(word.lower())  # pint reads "households" as the plural of "household"
            comments.append(
                f'"{word}" left out of value: the unit table cannot read it '
                f'(define it in [units] to check it, e.g. {one} = "[{one}]")'
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

    def sign_word(self, mention: Mention, amount: Amount, unit: str) -> str:
        """The word that makes an unsigned figure a fall, or ""."""
        if amount.value < 0 or amount.text[:1] in "+-−–" or mention.upper is not None:
            return ""
        if amount.form != "digits":
            return ""  # "-a third" is no figure the grammar reads
        text = self.text
        before = _SIGN_BEFORE.search(text, max(0, mention.start - 24), mention.start)
        alike = (amount.currency, mention.percent, unit)
        if before is not None:
            fall = " ".join(before["word"].lower().split())
            self.fall = (mention.end, fall, alike)
            return fall
        # "down $4.33 and $3.40": the word before the first of a pair of alike figures
        fell_end, fell_word, fell_kind = self.fall
        if fell_kind == alike and _PAIR_GAP.fullmatch(text, fell_end, mention.start):
            return fell_word
        if _OR_GAP.fullmatch(text, fell_end, mention.start):
            # "fell 149.0 billion yen, or 18.5%": the same fall, in other terms
            return fell_word
        end = mention.end
        if unit and unit != "%":
            word = _WORD_AFTER.match(text, end)
            end = word.end() if word is not None else end
        after = _SIGN_AFTER.match(text, end, end + 60) or _SIGN_NOUN_AFTER.match(text, end)
        if after is None:
            return ""
        fall = " ".join(after["word"].lower().split())
        if (
            fall.startswith("zur")
            and _UM_BEFORE.search(text, max(0, mention.start - 8), mention.start) is None
        ):
            # German: "um 1,3 % zurück(gegangen)" is a fall; "legten 28 Kilometer zurück"
            # (zurücklegen, to travel) is none
            return ""
        return fall

    def heading(self, amount: Amount) -> Heading | None:
        """What the heading of *amount*'s table column says of it: a unit, and a scale the
        table states ("(in millions except percentages)"), or None outside a table."""
        text = self.text
        line_start = text.rfind("\n", 0, amount.start) + 1
        line_end = text.find("\n", amount.start)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if not line.lstrip().startswith("|"):
            return None
        column = text.count("|", line_start, amount.start)
        # the heading is the table's first line: go up while lines are table rows
        top = line_start
        while top > 0:
            previous = text.rfind("\n", 0, top - 1) + 1
            if not text[previous : top - 1].lstrip().startswith("|"):
                break
            top = previous
        above = text[top:line_start]
        scale = _TABLE_SCALE.search(above)
        scale_word = scale["scale"].lower().rstrip("s") if scale is not None else ""
        if scale_word and _per_unit(line, above):
            scale_word = ""  # "Loss per share" figures are not in the table's millions
        first = text[top : text.find("\n", top) if "\n" in text[top:] else len(text)]
        cells = first.split("|")
        if top == line_start or column >= len(cells):
            return Heading("", "", scale_word, "") if scale_word else None
        found = _HEADING_UNIT.search(_TAG.sub("", cells[column]).strip())
        if found is None:
            return Heading("", "", scale_word, "") if scale_word else None
        if found["percent"] is not None:
            return Heading("%", "unit", scale_word, "")
        named = found["unit"] or found["rate"]
        words = named.split()
        for i in range(len(words) if found["unit"] else 1):  # "GPU hours": the words it reads
            unit = " ".join(words[i:])
            try:
                self.table().lookup(unit)
            except FigcheckError:
                continue
            return Heading(unit, "unit", scale_word, "")
        return Heading("", "", scale_word, named)

    def aligned_heading(self, amount: Amount) -> Heading | None:
        """The heading of *amount*'s column in a table aligned with spaces: rows that end in
        numbers under a heading line that ends in as many column names ("Votes % Seats")."""
        text = self.text
        line_start = text.rfind("\n", 0, amount.start) + 1
        line_end = text.find("\n", amount.start)
        row = text[line_start : len(text) if line_end < 0 else line_end]
        numbers = _trailing_numbers(row)
        if len(numbers) < 2:
            return None
        end = amount.end - line_start
        column = next((i for i, (_, stop) in enumerate(numbers) if stop == end), None)
        if column is None:
            return None
        top = line_start
        for _ in range(_MOST_ROWS):  # up through the rows to the heading
            if top == 0:
                return None
            previous = text.rfind("\n", 0, top - 1) + 1
            line = text[previous : top - 1]
            top = previous
            if not line.strip():
                return None
            if len(_trailing_numbers(line)) == len(numbers):
                continue
            names = line.split()
            if any(ch.isdigit() for ch in line):
                return None
            if len(names) < len(numbers):  # the heading's cells broken a word or so a line
                return _broken_heading(text, previous)
            name = names[len(names) - 1 - column]
            if name == "%":
                return Heading("%", "unit", "", "")
            return None
        return None

    def value(
        self, mention: Mention, amount: Amount, scale: str, unit: str, negative: bool = False
    ) -> str:
        text = self.text
        qualifier = " ".join(text[mention.start : amount.start].split()).lower()
        if amount.form == "bound":
            qualifier = ""  # "hundreds of" is its own qualifier: over 100
        elif not qualifier and mention.qualifier is not Qualifier.PLAIN:
            qualifier = mention.qualifier.value
        written = self.written(amount)
        if negative:
            signed = "-" + written
            written = signed if self.reads_back(signed, _negated(amount)) else "-" + plain(amount)
        if mention.upper is not None and mention.end > amount.end:
            top = self.amounts.get(self._upper_start(amount, mention))
            if top is not None:
                upper = self.written(top)
                qualifier = "between"
                written = f"{written} and {upper}"
        parts = [qualifier, written, scale, unit]
        return " ".join(p for p in parts if p)

    def written(self, amount: Amount) -> str:
        """The amount as the document writes it, if a claims file reads that alike, else plainly
        ("(319)" in a "$" column is "-$319"; "1.234" in a document of decimal commas, "1234")."""
        if amount.form == "multiple":
            return f"{amount.value:g}"  # "doubled" is 2 times
        written = " ".join(self.text[amount.start : amount.end].split())
        return written if self.reads_back(written, amount) else plain(amount)

    def counted(self, end: int) -> tuple[str, str] | None:
        """As coverage.counted(text, end): a figure's unit and its noun ask for it in turn."""
        if end in self._counted:
            return self._counted[end]
        found = self._counted[end] = counted(self.text, end)
        return found

    def reads_back(self, text: str, amount: Amount) -> bool:
        """As numbers.reads_back: each text is read once for each amount it must read as (a
        document repeats its numbers)."""
        key = _reading(text, amount)
        known = self._reads.get(key)
        if known is None:
            known = self._reads[key] = reads_back(text, amount)
        return known

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
        sentences = self.sentences
        end = sentences[sentence + 1] if sentence + 1 < len(sentences) else len(self.text)
        if mention.end <= end:
            if self._cues is None or self._cues.sentence != sentence:
                self._cues = _SentenceCues(self.text, sentence, sentences[sentence], end)
            cue = self._cues.last(mention.end)
        else:  # a figure that runs past its sentence's end
            cue = _last_cue(self.text, sentences[sentence], mention.end)
        if cue is not None:
            return cue
        if mention.percent and _SHARE_AFTER.match(self.text, mention.end):
            return "percent of"
        return None


def _last_cue(text: str, start: int, end: int) -> str | None:
    """The last derivation cue in the words from *start* up to *end*, lowered and their spaces
    folded, or None."""
    cues = _DERIVATION.findall(" ".join(text[start:end].lower().split()))
    return str(cues[-1]) if cues else None


_SPACE_RUN = re.compile(r"\S+")
_LONGEST_CUE = 16  # characters: the longest cue, "the difference", and a few more


class _SentenceCues:
    """The derivation cues of one sentence, found once, so that each figure in it asks for
    the last cue before it at the cost of a lookup, not of reading the sentence up to it.

    As _last_cue(text, start, end) for any *end* up to the sentence's: the words up to *end*
    fold to the first characters of the sentence's folded words (lowering keeps a word's
    length, whatever is around it), and no two cues overlap, so the last cue before *end* is
    the last one of the sentence that ends by then, or one that ends just there (where the
    sentence's next character continues the word it ends in)."""

    def __init__(self, text: str, sentence: int, start: int, end: int) -> None:
        self.sentence = sentence
        self.text = text
        words = [(m.start(), m.end()) for m in _SPACE_RUN.finditer(text, start, end)]
        self.word_starts = [s for s, _ in words]
        self.word_ends = [e for _, e in words]
        lowered = [text[s:e].lower() for s, e in words]
        self.folded = " ".join(lowered)
        # where each word starts in the folded text, and for a word that lowering lengthens
        # ("İ"), the folded length of each of its first characters
        self.folded_starts: list[int] = []
        at = 0
        self.widths: dict[int, list[int]] = {}
        for i, ((s, e), low) in enumerate(zip(words, lowered, strict=True)):
            self.folded_starts.append(at)
            if len(low) != e - s:
                self.widths[i] = [0, *itertools.accumulate(len(c.lower()) for c in text[s:e])]
            at += len(low) + 1
        found = list(_DERIVATION.finditer(self.folded))
        self.cue_ends = [m.end() for m in found]
        self.cues = [m.group(1) for m in found]

    def last(self, end: int) -> str | None:
        """_last_cue(text, start, end) for the sentence's start."""
        k = bisect.bisect_left(self.word_starts, end) - 1  # the last word that starts before
        if k < 0:
            return None
        kept = min(self.word_ends[k], end) - self.word_starts[k]
        widths = self.widths.get(k)
        n = self.folded_starts[k] + (widths[kept] if widths is not None else kept)
        folded = self.folded
        if n < len(folded) and _is_word(folded[n]):
            # a cue that ends at the cut, where the sentence goes on with the same word
            lo = folded.rfind(" ", 0, max(0, n - _LONGEST_CUE)) + 1
            tail = [m for m in _DERIVATION.finditer(folded[lo:n]) if m.end() == n - lo]
            if tail:
                return str(tail[-1].group(1))
        i = bisect.bisect_right(self.cue_ends, n) - 1
        return str(self.cues[i]) if i >= 0 else None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_WORD_AFTER = re.compile(r"[^\S\n]+[^\s.,;:!?()]+")
_FEWEST_SPACES = 3  # a quote of four words at least, as the quoter makes them
_SHARE_AFTER_COUNT = re.compile(r"[^\S\n]*\([^()\n]{0,20}%\)")
_PAIR_GAP = re.compile(r"\s+(?:and|or)\s+", re.IGNORECASE)
_OR_GAP = re.compile(r"(?:[^\S\n]+[^\s,.;:()]+)?,?\s+or\s+", re.IGNORECASE)  # its unit
_TAG = re.compile(r"<[^<>]*>")


_PER_WORD = re.compile(r"\bper\b", re.IGNORECASE)


def _per_unit(row: str, above: str) -> bool:
    """Whether a table row holds figures per unit: its label, or the label of the section
    it is in (the nearest row above with one cell), says "per" ("Loss per share")."""
    cells = [cell.strip() for cell in row.split("|")]
    label = next((cell for cell in cells if cell), "")
    if _PER_WORD.search(label):
        return True
    for line in reversed(above.splitlines()):
        filled = [cell.strip() for cell in line.split("|") if cell.strip()]
        if len(filled) == 1:
            return _PER_WORD.search(filled[0]) is not None
    return False


# Figures a careful reader would not draft without asking: a scale word run into the next word
# ("5.6 millionchildren"), an age with no unit ("M age = 19.8"), a rate whose base is written
# further on ("6 deaths under 5 years per thousand births")
_SCALE_RUN_ON = re.compile(
    rf"[^\S\n]+(?P<word>(?:{'|'.join((lexicon.HUNDRED, *lexicon.SCALES))})"
    r"(?!s?\b|ths?\b|aires?\b)[a-z]+)",
    re.IGNORECASE,
)
# a sum of money with no currency written: "adding billions of extra costs"
_MONEY_AFTER = re.compile(
    r"(?:[^\S\n]+[A-Za-z]+)?[^\S\n]+(?P<noun>costs?|spending|savings|funding|revenues?"
    r"|budgets?|income|expenditures?|profits?|losses|debts?)\b",
    re.IGNORECASE,
)
_STATISTIC_IS = re.compile(
    r"\b(?:percentiles?|quartiles?|IQR|median|mean|average|SD|range)[^\S\n]*[=:][^\S\n]*\Z",
    re.IGNORECASE,
)
_AGE_IS = re.compile(r"\bage[^\S\n]*[=:][^\S\n]*\Z", re.IGNORECASE)
_RATE_LATER = re.compile(
    r"(?:\s+[^\s.,;:!?()]+){1,5}?\s+(?:per|(?:out\s+of|for|in)\s+every)\s+(?P<base>"
    + "|".join(re.escape(b).replace("\\ ", r"\s+") for b in lexicon.RATE_BASES)
    + r")\b",
    re.IGNORECASE,
)


def _unread_why(written: str) -> str:
    """Why init drafts no claim for the unread figure *written*."""
    sign = unread_currency(written)
    if sign is None:
        return "the number reader cannot read it"
    return (
        f'"{sign}" is a currency sign figcheck does not know: write the value with the '
        'currency\'s code, and name the code in [units] (e.g. HKD = "[HKD]")'
    )


def _unsure(text: str, mention: Mention, kind: str) -> str:
    """Why the figure of *mention*, whose unit is of *kind*, cannot be read with confidence,
    or "" if it can."""
    run_on = _SCALE_RUN_ON.match(text, mention.end)
    if run_on is not None:
        return f'"{run_on["word"]}": a scale word run into the next word?'
    if not kind and _AGE_IS.search(text, max(0, mention.start - 16), mention.start):
        return "an age with no unit written (years?)"
    if not kind and (money := _MONEY_AFTER.match(text, mention.end)) is not None:
        return f'a sum of money ("{money["noun"]}") with no currency written'
    if kind != "rate" and (rate := _RATE_LATER.match(text, mention.end)) is not None:
        return f'a rate? "{" ".join(rate.group().split())}" follows, with other words between'
    return ""


# "2.8 gigawatt-hours": a compound whose last part is a unit, that the unit table cannot read
_COMPOUND_AFTER = re.compile(r"[^\S\n]+(?P<word>[A-Za-z]+-(?P<last>[A-Za-z]+))\b")


def _unknown_unit(text: str, end: int) -> str:
    """The unit-like word after a figure that the unit table cannot read, or ""."""
    if text[end : end + 1].isalpha():  # "15.8p", "1.03R": no unit read (see counted)
        return attached_word(text, end)
    found = _COMPOUND_AFTER.match(text, end)
    if found is None or not is_known_word(found["last"]) or len(found["last"]) < 3:
        return ""
    return "" if is_known_word(found["word"]) else found["word"]


_MOST_ROWS = 60  # a table aligned with spaces is looked up this many rows for its heading
_SIGN_CELL = re.compile(
    r"\|[^\S\n]*(?P<sign>"
    + "|".join(re.escape(sign) for sign in lexicon.CURRENCY_SIGNS)
    + r")[^\S\n]*\|"
)


def _table_currency(text: str, at: int) -> str:
    """The currency sign that rows above the table row at *at* write in a cell of its own
    ("| Net loss | $ | (319) |"), when that row writes none: results tables write "$" on the
    first row and the totals only. "" outside a table or when no row above writes one."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    row = text[start : len(text) if end < 0 else end]
    if not row.lstrip().startswith("|") or _SIGN_CELL.search(row):
        return ""
    for _ in range(_MOST_ROWS):
        if start == 0:
            return ""
        start = text.rfind("\n", 0, start - 1) + 1
        line = text[start : text.find("\n", start)]
        if not line.lstrip().startswith("|"):
            return ""
        if (found := _SIGN_CELL.search(line)) is not None:
            return found["sign"]
    return ""


def _broken_heading(text: str, start: int) -> Heading | None:
    """The heading of an aligned table whose heading lines, the last starting at *start*, are
    too short to name a column each ("% of" / "Seats" / "% of" / "Votes"): unclear if one of
    them says "%", since which column it heads cannot be told."""
    for _ in range(_MOST_ROWS):
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end]
        if not line.strip() or any(ch.isdigit() for ch in line):
            return None
        if "%" in line.split():
            return Heading("", "", "", "", unclear=True)
        if start == 0:
            return None
        start = text.rfind("\n", 0, start - 1) + 1
    return None


_CELL_NUMBER = re.compile(r"[-+−–]?[0-9][0-9,.]*%?\Z")


def _trailing_numbers(line: str) -> list[tuple[int, int]]:
    """The spans of the numbers that end *line*, last first ("Fatherland 5,174,169 88.05 98")."""
    found: list[tuple[int, int]] = []
    stop = len(line.rstrip())
    while stop > 0:
        start = line.rfind(" ", 0, stop) + 1
        if not _CELL_NUMBER.match(line, start, stop) or start == stop:
            break
        found.append((start, stop))
        stop = len(line[:start].rstrip())
    return found


def _one(word: str) -> str:
    """The singular of a plural noun, as a [units] key whose plural pint reads too."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _negated(amount: Amount) -> Amount:
    return dataclasses.replace(amount, value=-amount.value, mantissa=-amount.mantissa)


def _reading(text: str, amount: Amount) -> tuple[str, float, str | None, bool, float]:
    """What reads_back(text, amount) depends on: the text, and what it compares of amount."""
    return text, amount.value, amount.currency, amount.percent, amount.s


_BUILTIN = UnitTable()
