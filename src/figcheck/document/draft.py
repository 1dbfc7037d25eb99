"""Draft a claims file for a document: one claim per quantity it mentions, quoted in context."""

from __future__ import annotations

import bisect
import dataclasses
import keyword
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from figcheck.check.quotes import QuoteIndex, fold, states_number
from figcheck.claims.loader import parse, unwritable
from figcheck.document.coverage import (
    CURRENCY_SYMBOLS,
    Category,
    Mention,
    counted,
    find_mentions,
    out_of,
    words,
)
from figcheck.document.relations import Suggestion, nodes_of, suggest
from figcheck.errors import FigcheckError, printable
from figcheck.figures.figure import parse_figure
from figcheck.figures.numbers import Amount, find_amounts
from figcheck.figures.units import UnitTable, is_known_word, unit_table
from figcheck.io.sources import read_text

# Where clauses end: punctuation that closes a clause, a dash between spaces, a blank line.
_CLAUSE_END = re.compile(r"[;:!?()\[\]\"“”]|[.,](?=\s|\Z)|\s[–—]\s|\n[^\S\n]*\n")
_SENTENCE_END = re.compile(r"[.!?](?=\s|\Z)|\n[^\S\n]*\n")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
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
_QUOTE_WORDS = (4, 6)  # at most this many words before and after the figure, to start with
_LONGEST_QUOTE = 60  # words: a quote grows to be unique, but no further
_FEWEST_SPACES = 3  # a quote has at least four words, to be read in context
_ID_WORDS = 2  # words from the context in an id, before the unit word
_DETERMINERS = frozenset({"the", "a", "an", "all", "these", "those", "this", "its", "their", "our"})
_STOPWORDS = frozenset(
    words(
        """
    a about above after again against ago all almost also although am among an and another any
    are as at be because been before being below between both but by can could did do does
    during each either else even ever every few for from further had has have having he her
    here hers him his how however i if in into is it its itself just least less made make
    makes many may me means might more most much must my near nearly neither no nor not now
    of off on once one only or other our ours out over own per percent per cent perhaps
    rather same shall she should since so some such than that the their theirs them then
    there these they this those though through thus to too under until up upon us very was
    we were what when where whether which while who whom whose why will with within without
    would yet you your additional only stood being able themselves himself herself itself
    ourselves yourselves
    """
    )
)
# words a quote should not end on
_DANGLING = frozenset(
    words(
        """
        a an and are as at be been but by for from had has have her his in is its not of on or
        same than that the their these this those to was were which with
        """
    )
)
_NUMBER_WORDS = frozenset(
    words(
        """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion half halves third thirds quarter quarters
    """
    )
)
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
        return _toml(self)


def draft_file(document: Path, target: Path | None, *, suggest: bool = True) -> str:
    """The draft claims file, as TOML, for *document*, to be written at *target*.

    The ``source`` path is relative to *target*'s folder (the current folder for stdout).
    """
    text = read_text(document, allow_empty=False)
    folder = target.parent if target is not None else Path()
    source = os.path.relpath(document.resolve(), folder.resolve())
    source = Path(source).as_posix()
    return draft(text, source=source, fallback_title=document.stem, suggest=suggest).toml()


def draft(text: str, *, source: str, fallback_title: str = "", suggest: bool = False) -> Draft:
    """Draft claims for the document *text* (as read by sources.read_text); with *suggest*,
    each figure that may follow from others gets a suggested formula."""
    drafted, index = indexed_draft(text, source=source, fallback_title=fallback_title)
    return with_suggestions(drafted, index) if suggest else drafted


def indexed_draft(text: str, *, source: str, fallback_title: str = "") -> tuple[Draft, QuoteIndex]:
    """The draft of *text* and the quote index it was made with, to check it against."""
    drafter = _Drafter(text, source)
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
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.index = QuoteIndex(text, source)
        self.source = source
        self.amounts = {a.start: a for a in find_amounts(text)}
        self.starts = sorted(self.amounts)
        self.sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        self.units: dict[str, tuple[str, str]] = {}  # word -> (definition, comment)
        self.ids: set[str] = set()
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
                skipped.append(f"line {mention.line}: {mention.text}")
            else:
                claims.append(claim)
        units = tuple((word, d, c) for word, (d, c) in self.units.items())
        return Draft(title, self.source, units, tuple(claims), tuple(skipped))

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
        quote = self.quote(mention, unit)
        if not self.verified(quote, value):
            return None  # e.g. "twenty-⏎five": the joined quote reads 25, not the 20 found
        noun = counted(text, mention.end) if not (unit or share) else None
        return DraftClaim(
            id=self.new_id(mention, unit or ("share" if share else noun[0] if noun else "")),
            line=mention.line,
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

    def verified(self, quote: str, value: str) -> bool:
        """Whether figcheck check will find *quote* and the figure of *value* in it."""
        if unwritable(quote):  # e.g. an escape sequence: the claims file may not hold it
            return False
        figure = parse_figure(value)
        number, mantissa = figure.amount.value, figure.amount.mantissa
        return self.index.span(quote) is not None and any(
            states_number(a, number, mantissa, percent=figure.percent)
            for a in find_amounts(fold(quote))
        )

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

    # -- quotes and ids ------------------------------------------------------------------

    def clause(self, mention: Mention) -> tuple[int, int]:
        text = self.text
        lo = max(0, mention.start - 400)
        start = lo
        for m in _CLAUSE_END.finditer(text, lo, mention.start):
            start = m.end()
        end_match = _CLAUSE_END.search(text, mention.end, mention.end + 400)
        end = end_match.start() if end_match is not None else min(len(text), mention.end + 400)
        return start, end

    def quote(self, mention: Mention, unit: str) -> str:
        """A few words of the clause around the figure, grown word by word until unique."""
        text = self.text
        start, end = self.clause(mention)
        core = mention.end  # the figure, and its unit word if that comes next
        next_word = _WORD.search(text, mention.end, mention.end + 40)
        if unit and next_word is not None and next_word.group().lower() == unit.lower():
            core = next_word.end()
        before = [m.start() for m in _SPAN_WORD.finditer(text, start, mention.start)]
        after = [(m.end(), m.group()) for m in _SPAN_WORD.finditer(text, core, max(core, end))]
        after = after[: _QUOTE_WORDS[1]]
        # a quote that ends on "of", "the" or "and" reads as cut off
        while after and after[-1][1].lower() in _DANGLING:
            after.pop()
        lo = before[-_QUOTE_WORDS[0] :][0] if before else mention.start
        hi = after[-1][0] if after else core
        quote = fold(text[lo:hi])
        for _ in range(_LONGEST_QUOTE):
            if self.index.unique(quote) and quote.count(" ") >= _FEWEST_SPACES:
                break
            earlier = _LAST_WORD.search(text, max(0, lo - 80), lo)
            later = _SPAN_WORD.search(text, hi, hi + 80)
            if earlier is None and later is None:
                break
            lo = earlier.start() if earlier is not None else lo
            hi = later.end() if later is not None else hi
            quote = fold(text[lo:hi])
        trimmed = quote.rstrip(".,;:")
        return trimmed if self.index.unique(trimmed) else quote

    def new_id(self, mention: Mention, unit: str) -> str:
        words = self.topic(mention, unit)
        parts = [*words, unit.lower()] if unit else words
        base = "_".join(_ascii(p) for p in parts if _ascii(p)) or "figure"
        if not base[0].isalpha():
            base = "figure_" + base
        base = base[:48].rstrip("_")
        cid, n = base, 1
        while cid in self.ids or keyword.iskeyword(cid) or cid in ("min", "max", "abs"):
            n += 1
            cid = f"{base}_{n}"
        self.ids.add(cid)
        return cid

    def topic(self, mention: Mention, unit: str) -> list[str]:
        """Up to two words that say what the figure is about: an "of" phrase right after it
        ("tons of meat"), else the content words nearest to it in its clause, else in its
        sentence. The last word is made singular before a unit ("collective_farm_members")."""
        text = self.text
        i = bisect.bisect_right(self.sentences, mention.start)
        sentence = (
            self.sentences[i - 1],
            self.sentences[i] if i < len(self.sentences) else len(text),
        )
        words: list[str] = []
        for start, end in (self.clause(mention), sentence):
            after = [m.group() for m in _TOKEN.finditer(text, mention.end, end)]
            if after and unit and after[0].lower() == unit.split()[0].lower():
                after = after[1:]
            if after and after[0].lower() == "of":
                words = _of_phrase(after[1:])
            if not words:
                before = [m.group() for m in _TOKEN.finditer(text, start, mention.start)]
                words = _nearest(before, after, unit)
            if words:
                break
        if words and unit:
            words[-1] = _singular(words[-1])
        return words


def _of_phrase(after: list[str]) -> list[str]:
    """The content words of an "of" phrase, at most the last two ("Soviet collective farms")."""
    words: list[str] = []
    for word in after:
        lower = word.lower()
        if not words and lower in _DETERMINERS:
            continue
        if not _content(lower):
            break
        words.append(lower)
        if len(words) == 3:
            break
    return words[-_ID_WORDS:]


def _nearest(before: list[str], after: list[str], unit: str) -> list[str]:
    """The content words nearest to a figure, in text order; before it wins a tie."""
    # (distance, position, word): before the figure at -1, -2, ..., after at 0, 1, ...
    nearby = [(d, -d - 1, w.lower()) for d, w in enumerate(reversed(before[-_NEAR:]))]
    nearby += [(d, d, w.lower()) for d, w in enumerate(after[:_NEAR])]
    unit_words = {unit.lower(), _singular(unit.lower())}
    picked = [
        (position, word)
        for _, position, word in sorted(nearby)
        if _content(word) and word not in unit_words
    ][:_ID_WORDS]
    return [word for _, word in sorted(picked)]


_SPAN_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[^\s.,;:!?()\[\]\"“”]+")
_NEAR = 6  # words either side of a figure that may name it
_LAST_WORD = re.compile(r"\S+(?=\s*\Z)")
_BUILTIN = UnitTable()


def _content(word: str) -> bool:
    return (
        len(word) >= 3
        and word.replace("-", "").isalpha()
        and word not in _STOPWORDS
        and word not in _NUMBER_WORDS
        and not _verb_like(word)
    )


def _verb_like(word: str) -> bool:
    return word.endswith(("ed", "ing")) and len(word) > 3


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _ascii(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


# -- TOML ----------------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """*text* as a TOML basic string."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml(draft: Draft) -> str:
    lines = [
        f"# Draft claims for {toml_string(draft.title)}, written by figcheck init.",
        "# One claim per quantity the document mentions, quoted in its own words. Check each",
        "# value and unit, add a formula where a figure follows from others, and delete what is",
        "# not a claim. `figcheck check` reads this file as it is.",
        "",
        "[document]",
        f"title = {toml_string(draft.title)}",
        f"source = {toml_string(draft.source)}",
    ]
    if draft.units:
        lines += ["", "[units]"]
        lines += [f"{word} = {toml_string(d)}  # {comment}" for word, d, comment in draft.units]
    if not draft.claims and not draft.skipped:
        lines += [
            "",
            "# The document mentions no quantities (years, counts and labels get no claim).",
        ]
    for claim in draft.claims:
        lines += ["", f"[claims.{claim.id}]  # line {claim.line}"]
        lines.append(f"quote = {toml_string(claim.quote)}")
        lines.append(f"value = {toml_string(claim.value)}")
        if claim.formula is not None:
            lines.append(f"formula = {toml_string(claim.formula)}")
        if claim.suggested is not None:
            lines.append(f"suggested = {toml_string(claim.suggested)}")
        lines += [f"# {comment}" for comment in claim.comments]
    if draft.skipped:
        lines += ["", "# Quantities not drafted (no value or no quote could be made to read them):"]
        lines += [f"#   {printable(item)}" for item in draft.skipped]  # on one comment line
    return "\n".join(lines) + "\n"
