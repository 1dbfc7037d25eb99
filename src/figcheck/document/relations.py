"""The relation finder: how each figure of a document may follow from others, cued or found."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from figcheck.check.verdict import Verdict, judge_assertion, judge_figure
from figcheck.claims.compiler import compile_assertion, compile_formula
from figcheck.figures import lexicon
from figcheck.figures.figure import QUALIFIER_PHRASES
from figcheck.figures.interval import Interval

if TYPE_CHECKING:
    from figcheck.check.quotes import QuoteIndex
    from figcheck.claims.formula import Formula
    from figcheck.claims.model import ClaimsFile
    from figcheck.figures.stated import Stated

Kind = Literal[
    "sum",
    "share",
    "product",
    "change",
    "difference",
    "ratio",
    "rate",
    "remainder",
    "restatement",
    "whole",
]

# currency signs stand between a cue and its figure ("from £20m"); cues are read without them
_CURRENCY = re.compile(r"(?:us|a|c|nz|hk)?[$£€¥]")
_SPACES = re.compile(r"\s+")
# a sentence ends at a stop, a blank line, and before and after a bulleted line ("– 25,9 % ...")
_SENTENCE_END = re.compile(
    r"(?m)^[^\S\n]*[-–—•*][^\S\n][^\n]*\n|[.!?](?=\s|\Z)|\n[^\S\n]*\n"
    r"|\n(?=[^\S\n]*[-–—•*][^\S\n])"
)
# a heading: a short line that opens the text or a paragraph, with no closing punctuation,
# before a line that opens with a capital ("350 000 emplois créés …⏎Du fait des embauches")
_HEADING_LINE = re.compile(
    r"(?:^|(?<=\n\n))[^\S\n]*[^\s][^\n]{0,78}[^\s.!?:;,]\n(?=[^\S\n]*[A-ZÀ-Þ])"
)
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n")
_WINDOW = 8  # earlier figures a sum may draw on
_MOST_PARTS = 6
_RESTATED = 0.2  # a restatement differs from the first statement by at most a fifth
_UNCUED_WIDTH = 0.05  # an uncued guess needs a target stated to within 5 % (a rarer match)

# -- cues, matched in the text between figures (lower-cased) ----------------------------------
_SUM_BEFORE = re.compile(
    r"\b(as a result|in total|in all|altogether|all told|a total of|totall?ing|together|"
    r"combined|the sum of|overall)\b[^.;]*$"
)
_SUM_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(in all|in total|altogether|all told|together|combined)\b"
)
_EQUIVALENT = re.compile(
    r"\b(an? equivalent of|equivalent to|amounting to|which comes to|which makes|that is)\b\W*"
    r"(?:\w+\s+){0,2}$"
)
_REMAINDER = re.compile(
    r"\b(the rest|the remaining|remaining|the remainder|the others?|other)\b\W*$"
)
_OF_WHICH = re.compile(r"^\W*(?:of which|of whom|davon|dont)\b")
_OPEN_PAREN = re.compile(r"^\s*(?:[a-z][\w-]*\s+){0,3}?\(\s*$")
_CLOSE = re.compile(r"^\s*\)")
_OF = re.compile(r"^\s*(?:of|out of|among)\s+(?:the\s+|all\s+)?$")
_SLASH = re.compile(r"^\s*/\s*$")
_FROM = re.compile(r"\bfrom\s*$")
# a qualifier the figure after "to" may have: the figure's place is its number's
_QUALIFIERS = "|".join(
    re.escape(p) for p in sorted((p for p, _ in QUALIFIER_PHRASES), key=len, reverse=True)
)
# "from 93 … in 1990 to", "von 28 900 Todesfällen im Jahr 2003 auf rund"
_TO = re.compile(rf"^\s*(?:\w+\s+){{0,7}}?(?:to|auf)(?:\s+(?:{_QUALIFIERS}))?\s*$")
_RISE = re.compile(
    r"^\W*(?:(?:an?|the)\s+)?(?P<word>rise|increase|growth|jump|gain|fall|drop|decline|decrease|"
    r"reduction|cut|up|down)(?:\s+of|\s+by)?\s*$"
)
_UP_FROM = re.compile(
    r"^\W*(?:[\w’']+\W+){0,6}?(?P<word>up|down|rising|falling|increasing|decreasing)\s*(?:by\s*)?$"
)
_BY_BEFORE = re.compile(
    r"\b(?P<word>rise|rose|risen|increased?|grew|grown|growth|gained?|up|fell|fallen|fall|drop|dropped|declined?|decreased?|reduction|reduced|cut|down|lower|higher)\s+(?:by|of)\s*$"
    r"|\b(?P<um>um)\s*$"  # "um 17 % zurückgegangen": the sign as read says which way
)
_THEN_FROM = re.compile(r"^\W*(?:[\w’']+\W+){0,3}?(?:from|von)\s*$")
_FROM_ONLY = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?from(?:\s+[\w’']+){0,3}\s*$")
_BY = re.compile(
    r"^\W*(?:(?:an?|the)\s+)?(?P<word>rise|increase|fall|drop|up|down|more|less|fewer)"
    r"?\s*(?:of|by)\s*$"
)
_COLON_AFTER = re.compile(r"[^\d.;:\n]{0,60}:")
_TOTAL_JUST_BEFORE = re.compile(r"\b(?:a total of|in total|in all|altogether),?\s*$")
_OR_AMOUNT = re.compile(r"^\s*,?\s*(?:or|oder|ou|soit)\s*$")
_OR = re.compile(r"^\s*,?\s*(?:or|about|some|roughly|nearly|almost|around|just)?\s*$")
_SHARE_OF = re.compile(
    r"^\s*(?:percent|per cent)?\s*of\s+(?:the\s+|all\s+|its\s+|their\s+|total\s+)*"
    r"(?P<noun>[a-z]{3,})"
)
_MORE_THAN = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?(?P<word>more|fewer|less|higher|lower|larger|smaller)\s+than\b"
    r"(?:\s+\w+){0,3}\s*$"
)
_VERSUS = re.compile(r"^\s*(?:vs\.?|versus|against|compared with|compared to)\s*$")
_PAREN_CHANGE = re.compile(
    r"^\W*(?:[a-z][\w-]*\s+){0,2}?(?P<word>reduction|decrease|less|lower|fewer|smaller|cut|"
    r"increase|more|higher|larger|greater|rise)\b\s*\(\s*$"
)
_TIMES = re.compile(
    r"^\s*(?:(?:times|-fold|fold|x)\s+)?(?:as\s+\w+\s+as|more\s+than|higher\s+than|"
    r"larger\s+than|bigger\s+than|greater\s+than|the)\b"
)
_MULTIPLE = re.compile(r"\b(doubled|tripled|trebled|quadrupled|halved)\s+(?:from\s+)?$")
_MULTIPLE_FACTOR = lexicon.MULTIPLES
# shares that make a whole: the list's last share is "the rest" ("… and 21% to others", "the
# remaining 21%"); the parts of the list are set apart by commas or "and", with no other figure
_REST_BEFORE = re.compile(r"\b(the rest|the remaining|the remainder|the others?|all others?)\W*$")
_REST_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:the\s+)?(rest|others|remainder|other\s+[a-z]+)\s*(?:[.;:!?]|$)"
)
_LISTED = re.compile(r"^[^;:()\d%]{0,50}$")  # the words between two shares of one list
_LIST_JOIN = re.compile(r",|\band\b|\bwhile\b")
_NOT_SHARE = re.compile(
    r"\b(?:up|down|rise|rose|fall|fell|increase|decrease|grew|growth|drop|dropped|by|"
    r"points?|than|from)\W*$"
)
_OF_WHOLE = re.compile(r"^\s*(?:percent|per cent)?\s*of\s+(?:the\s+|all\s+)?(?P<noun>[a-z]+)")
_SHARES_SUM = (0.75, 1.25)  # a list of shares far from 100 % is not read as one whole
_PER = re.compile(
    r"^\s*(?:[a-z]+\s+)?per\s+(?P<per>person|head|capita|1,000|1000|thousand|"
    r"100,000|100000|hundred thousand)\b"
)
_FALLING = frozenset(
    {
        "fall",
        "drop",
        "decline",
        "decrease",
        "reduction",
        "cut",
        "down",
        "falling",
        "decreasing",
        "less",
        "fewer",
        "lower",
        "smaller",
    }
)
_FALLING_BY = _FALLING | {"fell", "fallen", "dropped", "declined", "decreased", "reduced"}
_PER_FACTOR = lexicon.RATE_BASES


@dataclass(frozen=True, slots=True)
class Node:
    """A claimed figure where the document states it."""

    id: str
    stated: Stated
    start: int  # the figure's span in the document text
    end: int
    sentence: int
    paragraph: int
    line: int
    row: tuple[str, int] | None = None  # (row label, column) when it stands in a table row


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed derivation of one figure (a formula) or a relation among figures (a check)."""

    target: str  # the id the formula derives, or a check id
    kind: Kind
    formula: str  # for a check: the assertion
    inputs: tuple[str, ...]
    cue: str | None  # the words that cue it; None for a relation found by search
    verdict: Verdict  # as read, before review
    score: float
    check: bool = False
    alternatives: tuple[str, ...] = ()

    @property
    def holds(self) -> bool:
        return self.verdict in (Verdict.CONSISTENT, Verdict.WITHIN_ROUNDING)

    def comment(self) -> str:
        """What was suggested and why, whether it holds as read, and what else was considered:
        the draft's ``suggested`` key."""
        why = f'cue "{self.cue}"' if self.cue else "no cue: found by search"
        text = f"{self.kind}, {why}"
        if not self.holds:
            text += "; it does not hold as read: check it"
        if self.alternatives:
            text += "; also considered: " + ", ".join(self.alternatives[:3])
        return text + "; verify"


def nodes_of(claims_file: ClaimsFile, index: QuoteIndex) -> list[Node]:
    """The claimed figures of *claims_file* that can be placed in *index*'s document."""
    text = index.text
    sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    headings = [m.end() for m in _HEADING_LINE.finditer(text)]
    if headings:  # a heading ends where its line does, with no full stop
        sentences = sorted({*sentences, *headings})
    paragraphs = [0, *(m.end() for m in _PARAGRAPH_END.finditer(text))]
    rows = _Rows(text)
    out = []
    for claim in claims_file.claims:
        if claim.quote is None:
            continue
        found = index.match(claim.quote, claim.stated)
        if found is None or found.figure_start is None or found.figure_end is None:
            continue
        start, end = found.figure_start, found.figure_end
        line, _ = index.line_column(start)
        out.append(
            Node(
                claim.id,
                claim.stated,
                start,
                end,
                _position(sentences, start),
                _position(paragraphs, start),
                line,
                rows.at(start),
            )
        )
    out.sort(key=lambda n: n.start)
    return _apart_spans(text, out)


def _apart_spans(text: str, nodes: list[Node]) -> list[Node]:
    """*nodes* with a "k/n" count's span ending at its slash where its whole *n* is a figure
    of its own ("11/34 (32.4%)": 11, then 34)."""
    out = list(nodes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.start < b.start < a.end and text[b.start - 1] == "/":
            out[i] = dataclasses.replace(a, end=b.start - 1)
    return out


def suggest(text: str, nodes: Sequence[Node], *, cued_only: bool = False) -> list[Suggestion]:
    """The best suggestion for each figure that may follow from others, in document order.

    Cued relations come from the document's words and always count, holding or not (where they
    do not hold is where the errors are); relations found by search only when they hold and are
    unlikely to be chance, and never with *cued_only*.
    """
    low = text.lower()
    finder = _Finder(low, list(nodes))
    found: dict[str, list[Suggestion]] = {}
    for suggestion in itertools.chain(
        finder.shares(),
        finder.named_shares(),
        finder.differences(),
        finder.changes(),
        finder.stated_rises(),
        finder.sums(),
        finder.bracketed_parts(),
        finder.parts_of_which(),
        finder.remainders(),
        finder.products(),
        finder.ratios(),
        finder.multiples(),
        finder.rates(),
        finder.totals(),
        finder.wholes(),
        # by name only for review: a scan has none, and names alike are a weak cue
        finder.restatements(by_name=not cued_only),
        finder.relatives(),
    ):
        found.setdefault(suggestion.target, []).append(suggestion)
    if not cued_only:
        for suggestion in finder.searched(set(found)):
            found.setdefault(suggestion.target, []).append(suggestion)
    best = []
    for options in found.values():
        options.sort(key=lambda s: -s.score)
        top = options[0]
        others = tuple(dict.fromkeys(o.formula for o in options[1:] if o.formula != top.formula))
        best.append(_with_alternatives(top, others))
    order = {n.id: n.start for n in nodes}
    best.sort(key=lambda s: order.get(s.target, order.get(s.inputs[-1], 0) if s.inputs else 0))
    return best


# -- the finder ----------------------------------------------------------------------------


class _Finder:
    def __init__(self, low: str, nodes: list[Node]) -> None:
        self.low = low
        self.nodes = nodes
        self.by_id = {n.id: n.stated for n in nodes}
        # the words around a figure, read once: many finders ask for them
        self._cued: dict[tuple[int, int, str, int], str] = {}

    def judged(
        self, target: Node, kind: Kind, formula: str, cue: str | None, weight: float
    ) -> Suggestion:
        """The candidate with its verdict as read (the formula over the inputs' lenient
        readings), scored by its cue's weight and how well it holds."""
        compiled = compile_formula(formula)  # made of the document's own ids: always compiles
        verdict = _verdict(compiled, target.stated, self.by_id)
        names = compiled.names
        return Suggestion(target.id, kind, formula, names, cue, verdict, weight + _fit(verdict))

    # the words around figures, as cues read them: no currency signs, spaces folded
    def between(self, a: Node, b: Node) -> str:
        key = (a.end, b.start, a.stated.text, -1)
        cued = self._cued.get(key)
        if cued is None:
            cued = self._cued[key] = _cues(_past_unit(a, self.low[a.end : b.start]))
        return cued

    def before(self, node: Node, reach: int = 80) -> str:
        key = (node.start, reach, "", -2)
        cued = self._cued.get(key)
        if cued is None:
            cued = self._cued[key] = _cues(self.low[max(0, node.start - reach) : node.start])
        return cued

    def after(self, node: Node, reach: int = 60) -> str:
        key = (node.end, reach, node.stated.text, -3)
        cued = self._cued.get(key)
        if cued is None:
            end = node.end
            cued = self._cued[key] = _cues(_past_unit(node, self.low[end : end + reach]))
        return cued

    def triples(self) -> Iterable[tuple[Node, Node, Node]]:
        nodes = self.nodes
        for i in range(len(nodes) - 2):
            a, b, c = nodes[i], nodes[i + 1], nodes[i + 2]
            if a.sentence == c.sentence:
                yield a, b, c

    def pairs(self) -> Iterable[tuple[Node, Node]]:
        nodes = self.nodes
        for i in range(len(nodes) - 1):
            if nodes[i].sentence == nodes[i + 1].sentence:
                yield nodes[i], nodes[i + 1]

    # "352 of 5,091 (6.9%)", "45/192 (23.4%)", "352 (6.9%)" with the whole earlier
    def shares(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        for i, (k, p) in enumerate(itertools.pairwise(nodes)):
            if not _percent(p) or _fraction(k) or not _OPEN_PAREN.match(self.between(k, p)):
                continue
            if not _CLOSE.match(self.after(p)):
                continue
            earlier = nodes[i - 1] if i >= 1 else None
            if earlier is not None and earlier.sentence == k.sentence:
                gap = self.between(earlier, k)
                if _OF.match(gap) or _SLASH.match(gap):  # "45/192 (23.4%)": earlier is the part
                    continue
            whole = nodes[i + 2] if i + 2 < len(nodes) else None
            gap = self.between(k, whole) if whole is not None and whole.start < p.start else ""
            if (
                whole is not None
                and whole.start < p.start
                and (_OF.match(gap) or _SLASH.match(gap))
            ):
                continue  # handled below as a triple
            # the whole is an earlier figure of the same kind, larger than the part
            wholes = [
                n
                for n in reversed(nodes[max(0, i - _WINDOW) : i])
                if n.sentence >= k.sentence - 1
                and _same(n, k)
                and n.stated.central > k.stated.central
            ]
            if wholes:
                options = [self.judged(p, "share", f"{k.id} / {w.id}", "(p%)", 2.0) for w in wholes]
                yield max(options, key=lambda s: (s.holds, s.score))
        for k, n, p in self.triples():
            gap = self.between(k, n)
            cue = "k of n (p%)" if _OF.match(gap) else "k/n (p%)" if _SLASH.match(gap) else None
            if cue is None or not _percent(p) or _percent(k) or not _same(k, n):
                continue
            if _OPEN_PAREN.match(self.between(n, p)) and _CLOSE.match(self.after(p)):
                yield self.judged(p, "share", f"{k.id} / {n.id}", cue, 3.0)

    # "$158.9 million, or 38.5 percent of the budget": the whole is named by its noun
    def named_shares(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        for i, (k, p) in enumerate(itertools.pairwise(nodes)):
            if not _percent(p) or _fraction(k) or not _OR.match(self.between(k, p)):
                continue
            m = _SHARE_OF.match(self.after(p, 50))
            if m is None:
                continue
            noun = m["noun"].removesuffix("s")
            wholes = [
                n
                for n in reversed(nodes[max(0, i - 4 * _WINDOW) : i])
                if noun in n.id and _same(n, k) and n.stated.central > k.stated.central
            ]
            if wholes:
                yield self.judged(
                    p, "share", f"{k.id} / {wholes[0].id}", f"of the {m['noun']}", 2.5
                )

    # "of the votes, 48% went to Labour, 31% to the Conservatives and 21% to others": the
    # shares of one whole, the last the rest, sum to 100 % (a check: no figure states the sum)
    def wholes(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        ids = {n.id for n in nodes}
        for i, last in enumerate(nodes):
            if not self.share_like(last) or i == 0:
                continue
            before = self.between(nodes[i - 1], last)
            closing = _REST_BEFORE.search(before) or _REST_AFTER.match(self.after(last, 40))
            if closing is None:
                continue
            parts = [last]
            for n in reversed(nodes[:i]):
                gap = self.between(n, parts[0])
                if n.sentence != last.sentence or not self.share_like(n):
                    break
                if not (_LISTED.match(gap) and _LIST_JOIN.search(gap)):
                    break
                parts.insert(0, n)
            if len(parts) < 2 or len(parts) > _WINDOW:
                continue
            # shares of wholes named apart ("48% of men and 31% of women") are no one whole
            nouns = {m["noun"] for n in parts if (m := _OF_WHOLE.match(self.after(n, 30)))}
            if len(nouns) > 1:
                continue
            total = math.fsum(n.stated.central for n in parts)
            if not _SHARES_SUM[0] <= total <= _SHARES_SUM[1]:
                continue
            name = f"{parts[0].id}_whole"
            while name in ids:
                name += "_"
            ids.add(name)
            assertion = f"abs({' + '.join(n.id for n in parts)} - 1) <= 0"
            yield self.asserted(name, assertion, closing[1], 3.0)

    def share_like(self, node: Node) -> bool:
        """A percentage that may be a share of a whole: not a change ("up 4%") nor bracketed
        ("352 (6.9%)"), and no range or bound."""
        if not _percent(node) or node.stated.central < 0 or _width(node) > 0.5:
            return False
        before = self.before(node, 30)
        return not _NOT_SHARE.search(before) and before.count("(") <= before.count(")")

    def asserted(self, name: str, assertion: str, cue: str, weight: float) -> Suggestion:
        """A check suggested by its cue, with its verdict as read (the inputs' lenient
        readings)."""
        compiled = compile_assertion(assertion)  # made of the document's own ids
        inputs = [self.by_id[n] for n in compiled.names]
        verdict = judge_assertion(
            compiled, [s.reading.central for s in inputs], [s.reading.lenient for s in inputs]
        )
        return Suggestion(
            name, "whole", assertion, compiled.names, cue, verdict, weight + _fit(verdict), True
        )

    # "3,412 staff, 118 more than the 3,204 it employed": the difference of the two
    def differences(self) -> Iterable[Suggestion]:
        for b, x, a in self.triples():
            m = _MORE_THAN.match(self.between(x, a))
            if m is None or not (_same(a, b) and _same(a, x)) or _percent(x):
                continue
            if _multiple(x) and not _dimensionless(x):  # "8 times higher than": a ratio
                continue
            falling = m["word"] in _FALLING
            formula = f"{a.id} - {b.id}" if falling else f"{b.id} - {a.id}"
            yield self.judged(x, "difference", formula, f"{m['word']} than", 3.0)

    # "from £20m to £33m, a rise of 65%", "£33m, up 65% from £20m", "800 vs 2800 (71% less)"
    def changes(self) -> Iterable[Suggestion]:
        for a, b, c in self.triples():
            if _FROM.search(self.before(a)) and _TO.match(self.between(a, b)) and _same(a, b):
                rise = _RISE.match(self.between(b, c))
                if rise and _percent(c) and not _percent(a):
                    falling = rise["word"] in _FALLING
                    formula = (
                        f"({a.id} - {b.id}) / {a.id}" if falling else f"({b.id} - {a.id}) / {a.id}"
                    )
                    yield self.judged(c, "change", formula, f"from … to …, {rise['word']}", 3.0)
                elif rise and _same(a, c):
                    formula = f"{a.id} - {b.id}" if rise["word"] in _FALLING else f"{b.id} - {a.id}"
                    yield self.judged(c, "difference", formula, f"from … to …, {rise['word']}", 3.0)
            up = _UP_FROM.match(self.between(a, b))
            if up and _percent(b) and _FROM_ONLY.match(self.between(b, c)) and _same(a, c):
                falling = up["word"] in _FALLING
                formula = (
                    f"({c.id} - {a.id}) / {c.id}" if falling else f"({a.id} - {c.id}) / {c.id}"
                )
                yield self.judged(b, "change", formula, f"{up['word']} … from", 3.0)
            elif up and _FROM_ONLY.match(self.between(b, c)) and _same(a, b) and _same(a, c):
                formula = f"{c.id} - {a.id}" if up["word"] in _FALLING else f"{a.id} - {c.id}"
                yield self.judged(b, "difference", formula, f"{up['word']} … from", 3.0)
                # "revised down by 87,000, from -140,000 to -227,000": the change, then its ends
            by = _BY_BEFORE.search(self.before(a, 40))
            if (
                by
                and _THEN_FROM.match(self.between(a, b))
                and _TO.match(self.between(b, c))
                and _same(b, c)
            ):
                # a fall read with its sign (-87,000) is the new less the old; one read as a
                # size ("a drop of 87,000") the old less the new
                word = by["word"] or by["um"]
                falling = word in _FALLING_BY and a.stated.central >= 0
                gap = f"{b.id} - {c.id}" if falling else f"{c.id} - {b.id}"
                cue = "um …, von … auf …" if by["um"] else f"{word} by …, from … to …"
                if _percent(a) and not _percent(b):
                    yield self.judged(a, "change", f"({gap}) / {b.id}", cue, 3.0)
                elif _same(a, b):
                    yield self.judged(a, "difference", gap, cue, 3.0)
            # "a 41.4% reduction (800 vs 2800 bits)": the change first, then old and new
            word = _PAREN_CHANGE.match(self.between(a, b))
            if word and _percent(a) and _VERSUS.match(self.between(b, c)) and _same(b, c):
                if word["word"] in _FALLING:
                    formula = f"1 - {b.id} / {c.id}"
                else:
                    formula = f"{b.id} / {c.id} - 1"
                yield self.judged(a, "change", formula, f"{word['word']} (… vs …)", 3.0)

    # "debt stood at £2,509bn … up 2.6% or £63.9bn": the change over the level before it,
    # the level less the amount; the level is the nearest earlier figure of its paragraph
    # of the amount's kind, larger, and no amount of change itself
    def stated_rises(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        pairs = [
            (i, p, amount)
            for i, (p, amount) in enumerate(itertools.pairwise(nodes))
            if p.sentence == amount.sentence
            and _percent(p)
            and not _percent(amount)
            and _OR_AMOUNT.match(self.between(p, amount))
        ]
        changes = {amount.id for _, _, amount in pairs}  # amounts of change, no levels
        for i, p, amount in pairs:
            levels = [
                n
                for n in reversed(nodes[max(0, i - _WINDOW) : i])
                if n.id not in changes
                and n.paragraph == p.paragraph
                and _same(n, amount)
                and abs(n.stated.central) > abs(amount.stated.central)
            ]
            if not levels:
                continue
            t, a = levels[0].id, amount.id
            if p.stated.central < 0 <= amount.stated.central:  # a fall read with its sign
                formula = f"-{a} / ({t} + {a})"
            else:
                formula = f"{a} / ({t} - {a})"
            yield self.judged(p, "change", formula, "p% or amount", 2.0)

    # "… 10 million … As a result, at least 22 million", "10 apples and 20 pears, 30 in all"
    def sums(self) -> Iterable[Suggestion]:
        for i, target in enumerate(self.nodes):
            cue = None
            previous = self.nodes[i - 1] if i else None
            gap = self.between(previous, target) if previous is not None else self.before(target)
            m = _SUM_BEFORE.search(gap[-120:])
            if m is not None:
                cue = m[1]
            else:
                m = _SUM_AFTER.match(self.after(target, 40))
                if m is not None:
                    cue = m[1]
            if cue is None:
                continue
            listed = (
                self.listed(i, target) if _TOTAL_JUST_BEFORE.search(self.before(target, 24)) else []
            )
            if len(listed) >= 2:  # "a total of 88 were excluded: 57 …, 21 …": all of them
                formula = " + ".join(n.id for n in listed)
                yield self.judged(target, "sum", formula, f"{cue} …:", 3.0)
                continue
            parts = self.earlier_same(i, target)
            if len(parts) < 2:
                continue
            found = _best_sum(target, parts, cue)
            if found is not None:
                yield found

    # "About 73% of deaths … in two regions, Africa (48%) and South-East Asia (25%)",
    # "599 (301 intervention, 298 control)": a whole, then its parts in brackets
    def bracketed_parts(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        for i, target in enumerate(nodes):
            parts = []
            for n in nodes[i + 1 :]:
                if n.sentence != target.sentence or not _same(n, target):
                    break
                inside = self.low[target.end : n.start]
                if inside.count("(") <= inside.count(")") or abs(n.stated.central) > abs(
                    target.stated.central
                ):
                    break
                parts.append(n)
            if len(parts) < 2:
                continue
            formula = " + ".join(p.id for p in parts)
            found = self.judged(target, "sum", formula, "parts in brackets", 2.0)
            if found.holds:  # brackets need not hold parts: offered only where they add up
                yield found

    # "940 tonnes, of which 412 tonnes in spring and 528 tonnes in summer": a whole, then its
    # parts; a list after "of which" may be partial, so it is offered only where it adds up
    def parts_of_which(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        for i, target in enumerate(nodes):
            if not _OF_WHICH.match(self.after(target, 30)):
                continue
            parts = []
            for n in nodes[i + 1 : i + 1 + _MOST_PARTS]:
                if n.sentence != target.sentence or not _same(n, target):
                    break
                if abs(n.stated.central) > abs(target.stated.central):
                    break
                parts.append(n)
            if len(parts) < 2:
                continue
            formula = " + ".join(p.id for p in parts)
            found = self.judged(target, "sum", formula, "of which", 2.0)
            if found.holds:
                yield found

    def listed(self, i: int, target: Node) -> list[Node]:
        """The figures of the target's kind listed after a colon that follows it, in its
        sentence ("88 participants were excluded: 57 …, 21 …")."""
        if not _COLON_AFTER.match(self.low, target.end):
            return []
        return [
            n for n in self.nodes[i + 1 :] if n.sentence == target.sentence and _same(n, target)
        ]

    def earlier_same(self, i: int, target: Node, *, parts: bool = True) -> list[Node]:
        """Earlier figures of the target's kind in its paragraph, nearest last; with *parts*
        only those that could be parts of it (not much larger)."""
        out = []
        for n in reversed(self.nodes[max(0, i - 3 * _WINDOW) : i]):
            if n.paragraph != target.paragraph:
                break
            small = abs(n.stated.central) <= abs(target.stated.central) * 1.5  # falls too
            if _same(n, target) and (small or not parts):
                out.append(n)
            if len(out) == _WINDOW:
                break
        out.reverse()
        return out

    # "of 120 million, … the remaining 40 million": the whole less the parts between
    def remainders(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        for i, target in enumerate(nodes):
            m = _REMAINDER.search(self.before(target, 40))
            if m is None:
                continue
            # the parts: figures of its kind earlier in its sentence (or the one before)
            earlier = [n for n in nodes[max(0, i - _WINDOW) : i] if _same(n, target)]
            parts = [n for n in earlier if n.sentence >= target.sentence - 1]
            taken = math.fsum(n.stated.central for n in parts) + target.stated.central
            # the whole: an earlier figure, near, at least as large as the parts and the rest
            wholes = [
                n
                for n in reversed(nodes[max(0, i - 3 * _WINDOW) : i])
                if _same(n, target)
                and n not in parts
                and n.paragraph >= target.paragraph - 2
                and n.stated.central >= 0.9 * taken
            ]
            if not wholes and _percent(target):
                continue  # shares with no whole stated split 100 %: a check (wholes) says so
            while parts and not wholes:  # the largest "part" may be the whole itself
                whole = max(parts, key=lambda n: n.stated.central)
                parts = [n for n in parts if n.start > whole.start]
                if parts:
                    wholes = [whole]
            if not parts or not wholes:
                continue
            rest = " - ".join(p.id for p in parts)
            options = [
                self.judged(target, "remainder", f"{w.id} - {rest}", m[1], 2.5 - 0.05 * k)
                for k, w in enumerate(wholes[:4])
            ]
            yield max(options, key=lambda s: s.score)

    # "32 million members spent one-third of their time … an equivalent of 10 million people"
    def products(self) -> Iterable[Suggestion]:
        for i, target in enumerate(self.nodes):
            m = _EQUIVALENT.search(self.before(target, 60))
            if m is None or _percent(target):
                continue
            window = [
                n for n in self.nodes[max(0, i - _WINDOW) : i] if n.paragraph == target.paragraph
            ]
            shares = [n for n in window if _fraction(n)]
            wholes = [n for n in window if _same(n, target)]
            if not shares:
                continue
            share = shares[-1]
            # the whole the share is of: the nearest figure of the target's kind before it
            wholes = [n for n in wholes if n.start < share.start][-2:]
            options = [
                self.judged(target, "product", f"{w.id} * {share.id}", m[1], 2.5 - 0.1 * k)
                for k, w in enumerate(reversed(wholes))
            ]
            if options:
                yield max(options, key=lambda s: s.score)

    # "2.5 times more than the 40 billion of imports, at 100 billion": the larger over the other
    def ratios(self) -> Iterable[Suggestion]:
        nodes = self.nodes
        for i, x in enumerate(nodes[:-1]):
            if not _multiple(x) or not _TIMES.match(self.after(x, 40)):
                continue
            other = nodes[i + 1]
            # the figure compared is the nearest to the multiple ("76.5, almost 8 times …")
            options = [
                self.judged(x, "ratio", f"{n.id} / {other.id}", "times", 2.5 - 0.05 * abs(j - i))
                for j, n in enumerate(nodes[max(0, i - 2) : i + 4], start=max(0, i - 2))
                if n is not x and n is not other and n.sentence == x.sentence and _same(n, other)
            ]
            if options:
                yield max(options, key=lambda s: s.score)

    # "doubled from 40 to 80": the later figure is a multiple of the earlier
    def multiples(self) -> Iterable[Suggestion]:
        for a, b in self.pairs():
            m = _MULTIPLE.search(self.before(a, 40))
            if m is None or not _TO.match(self.between(a, b)) or not _same(a, b):
                continue
            word = self.word_node(a, m[1])
            if word is not None:  # "doubled" drafted as a figure: it is the ratio of the two
                yield self.judged(word, "ratio", f"{b.id} / {a.id}", m[1], 3.0)
                continue
            factor = _MULTIPLE_FACTOR[m[1]]
            formula = f"{a.id} / {1 / factor:g}" if factor < 1 else f"{a.id} * {factor:g}"
            yield self.judged(b, "ratio", formula, m[1], 3.0)

    def word_node(self, a: Node, word: str) -> Node | None:
        """The figure just before *a* written as the cue *word* ("doubled")."""
        for n in self.nodes:
            if a.start - 40 <= n.start < a.start and word in self.low[n.start : n.end]:
                return n
        return None

    # "1,200 deaths among 40,000 people, 30 per 1,000"
    def rates(self) -> Iterable[Suggestion]:
        for a, b, rate in self.triples():
            m = _PER.match(self.after(rate, 30))
            if m is None or not (_same(a, rate) or _dimensionless(rate)):
                continue
            factor = _PER_FACTOR.get(m["per"], 1)
            formula = f"{a.id} / {b.id}" + (f" * {factor}" if factor != 1 else "")
            yield self.judged(rate, "rate", formula, f"per {m['per']}", 2.0)

    # a "Relative (latency)" column: each row's latency over that of the row whose cell is 1
    def relatives(self) -> Iterable[Suggestion]:
        if "relative" not in self.low:
            return
        tables: dict[int, list[Node]] = {}
        tops: dict[int, int | None] = {}  # by line start: each table is walked up once
        for node in self.nodes:
            if node.row is not None and node.row[1] > 0:
                top = _table_top(self.low, node.start, tops)
                if top is not None:
                    tables.setdefault(top, []).append(node)
        for top, cells in tables.items():
            heading = _heading_cells(self.low, top)
            for column, name in enumerate(heading):
                m = _RELATIVE.search(name)
                if m is None:
                    continue
                word = m[1] or m[2]
                measured = [
                    k for k, h in enumerate(heading) if k != column and re.search(rf"\b{word}\b", h)
                ]
                if len(measured) != 1:
                    continue  # the measure must be named by one column only
                by_line: dict[int, dict[int, Node]] = {}
                for n in cells:
                    if n.row is not None and n.row[1] in (column, measured[0]):
                        by_line.setdefault(n.line, {})[n.row[1]] = n
                rows = [r for r in by_line.values() if len(r) == 2]
                bases = [r for r in rows if r[column].stated.central == 1]
                if len(bases) != 1:
                    continue
                base = bases[0][measured[0]]
                for r in rows:
                    target, value = r[column], r[measured[0]]
                    if r is bases[0] or not _same(value, base) or not _dimensionless(target):
                        continue
                    formula = f"{value.id} / {base.id}"
                    yield self.judged(target, "ratio", formula, name.strip(), 2.5)

    # a Total row: each of its figures is the sum of the figures above it in its column
    def totals(self) -> Iterable[Suggestion]:
        column: dict[int, list[Node]] = {}
        last_line = -2
        for node in self.nodes:
            if node.row is None:
                column.clear()
                continue
            label, col = node.row
            if node.line > last_line + 1 and node.line != last_line:
                column = {} if node.line > last_line + 2 else column
            last_line = node.line
            above = column.setdefault(col, [])
            if re.match(r"\W*(?:grand\s+)?total\b", label):
                parts = [n for n in above if _same(n, node)]
                if len(parts) >= 2 and _percent(node) and node.stated.central == 1:
                    # shares over a Total of 100 %: exactly 100, not a round figure read leniently
                    terms = " + ".join(p.id for p in parts)
                    yield self.asserted(
                        f"{node.id}_whole", f"abs({terms} - 1) <= 0", "Total row of 100%", 3.0
                    )
                elif len(parts) >= 2:
                    formula = " + ".join(p.id for p in parts)
                    yield self.judged(node, "sum", formula, "Total row", 3.0)
                above.clear()
            else:
                above.append(node)

    # the same figure stated twice of the same thing: the later one restates the earlier
    def restatements(self, *, by_name: bool = True) -> Iterable[Suggestion]:
        """Later figures that restate earlier ones: the very same figure written again, a
        rounder one nearby, and (*by_name*) one drafted under the same id."""
        first: dict[tuple[str, object], Node] = {}
        for node in self.nodes:
            if node.row is not None:
                continue  # a table's cells repeat figures by design
            if _PRIOR_PERIOD.search(self.low, max(0, node.start - 24), node.start):
                continue  # "(2015: £567.2m)": the figure of another period, by its own words
            base = re.sub(r"_\d{1,2}$", "", node.id)  # the draft's "roads", "roads_2"
            # a name of generic words only ("figure", "people_share") says no topic: two
            # figures so named are restatements only when written the same
            named = by_name and not _GENERIC_NAME_WORDS.issuperset(base.split("_"))
            key = (base if named else f"={node.id}", node.stated.unit.dimension)
            # the very same figure written again ("£5.2bn" in the headline and the text)
            written = ("=", _written(node))
            # the very same figure first: an id's earlier figure may be another one
            earlier = (first.get(written) if _telling(node) else None) or first.get(key)
            first.setdefault(written, node)
            if earlier is None:
                first[key] = node
                continue
            if node.stated.percent != earlier.stated.percent or _small_count(node):
                continue
            if node.sentence == earlier.sentence or _apart(node, earlier) > _RESTATED:
                continue  # figures of one sentence, or far apart, are different figures
            yield self.judged(node, "restatement", earlier.id, f"restates {earlier.id}", 1.5)
        yield from self.rounded()

    # "3.3M GPU hours" in the text and "3311616" in the table: the rounder one rounds the other
    def rounded(self) -> Iterable[Suggestion]:
        digits = {n.id: len(_significant(n)) for n in self.nodes}
        # by paragraph and count of digits, in order of the central value: the figures a
        # reading may round are found by bisection, not by pairing every two of a paragraph
        near: dict[tuple[int, int], tuple[list[float], list[tuple[int, Node]]]] = {}
        placed = [(k, n) for k, n in enumerate(self.nodes) if not math.isnan(n.stated.central)]
        for k, n in sorted(placed, key=lambda kn: kn[1].stated.central):
            centrals, nodes = near.setdefault((n.paragraph, digits[n.id]), ([], []))
            centrals.append(n.stated.central)
            nodes.append((k, n))
        most = max(digits.values(), default=0)
        for r in self.nodes:
            if r.row is not None or digits[r.id] < 2:
                continue
            strict = r.stated.reading.strict
            for paragraph in (r.paragraph - 1, r.paragraph, r.paragraph + 1):
                found: list[tuple[int, Node]] = []
                # two digits fewer at least: "1.8bn" rounding a nearby "1.78bn" is often chance
                for count in range(digits[r.id] + 2, most + 1):
                    centrals, nodes = near.get((paragraph, count), ([], []))
                    lo = bisect.bisect_left(centrals, strict.lo)
                    found += nodes[lo : bisect.bisect_right(centrals, strict.hi, lo)]
                for _, p in sorted(found, key=lambda kn: kn[0]):
                    if p.sentence == r.sentence:
                        continue
                    if not _same(r, p) or r.stated.unit.text != p.stated.unit.text:
                        continue
                    if strict.lo <= p.stated.central <= strict.hi:
                        yield self.judged(r, "restatement", p.id, f"rounds {p.id}", 1.5)

    # sums and shares that hold within the strict readings, for init's review only
    def searched(self, taken: set[str]) -> Iterable[Suggestion]:
        # each sentence's figures that are no shares, found once: a scan of every figure for
        # each share would grow with the square of the document
        by_sentence: dict[int, list[tuple[int, Node]]] = {}
        for k, node in enumerate(self.nodes):
            if not _percent(node):
                by_sentence.setdefault(node.sentence, []).append((k, node))
        for i, target in enumerate(self.nodes):
            if target.id in taken or _width(target) > _UNCUED_WIDTH:
                continue
            if _percent(target):
                # the nearest few, in document order: pairs of them grow with the square
                row = by_sentence.get(target.sentence, [])
                at = bisect.bisect_left(row, i, key=lambda kn: kn[0])
                same = [n for _, n in row[max(0, at - _WINDOW // 2) : at + _WINDOW // 2]]
                for part, whole in itertools.permutations(same, 2):
                    if _same(part, whole) and part.stated.central < whole.stated.central:
                        s = self.judged(target, "share", f"{part.id} / {whole.id}", None, 1.0)
                        if s.verdict is Verdict.CONSISTENT:
                            yield s
                continue
            if target.row is not None:
                continue  # small counts of a table add up by chance; its sums are cued by "Total"
            parts = [n for n in self.earlier_same(i, target) if n.sentence >= target.sentence - 1]
            found = _best_sum(target, parts, None)
            if found is not None and found.verdict is Verdict.CONSISTENT:
                yield found


# -- judging a candidate -------------------------------------------------------------------


def _verdict(compiled: Formula, stated: Stated, by_id: dict[str, Stated]) -> Verdict:
    try:
        inputs = [by_id[name] for name in compiled.names]
    except KeyError:  # an input the finder cannot place
        return Verdict.UNCHECKED
    central, span = compiled.evaluate(
        [s.reading.central for s in inputs], [s.reading.lenient for s in inputs]
    )
    return judge_figure(central, span, stated.reading)


def _best_sum(target: Node, parts: list[Node], cue: str | None) -> Suggestion | None:
    """The subset of *parts* (2 to 6, nearest first) whose sum best meets *target*."""
    best: tuple[tuple[int, float, int, int], tuple[Node, ...], Verdict] | None = None
    reading = target.stated.reading
    for size in range(2, min(_MOST_PARTS, len(parts)) + 1):
        for subset in itertools.combinations(parts, size):
            central = math.fsum(n.stated.reading.central for n in subset)
            lo = math.fsum(n.stated.reading.lenient.lo for n in subset)
            hi = math.fsum(n.stated.reading.lenient.hi for n in subset)
            if math.isnan(lo) or math.isnan(hi):
                continue
            verdict = judge_figure(central, Interval(lo, hi), reading)
            # prefer what holds, then the closest sum, the parts nearest the total, fewer parts
            miss = abs(central - reading.central) / (abs(reading.central) or 1.0)
            key = (int(2 * _fit(verdict)), -round(miss, 6), subset[0].start, -size)
            if best is None or key > best[0]:
                best = (key, subset, verdict)
    if best is None:
        return None
    _, subset, verdict = best
    if verdict is Verdict.INCONSISTENT:
        if cue is None:
            return None
        subset = tuple(parts[-min(len(parts), _MOST_PARTS) :])  # a cued sum that fails: all of them
        verdict = Verdict.INCONSISTENT
    formula = " + ".join(n.id for n in subset)
    score = (3.0 if cue else 1.0) + _fit(verdict)
    return Suggestion(target.id, "sum", formula, tuple(n.id for n in subset), cue, verdict, score)


def _fit(verdict: Verdict) -> float:
    """How much a candidate's verdict adds to its score: holding beats failing."""
    return {Verdict.CONSISTENT: 1.0, Verdict.WITHIN_ROUNDING: 0.5}.get(verdict, 0.0)


def _with_alternatives(s: Suggestion, others: tuple[str, ...]) -> Suggestion:
    return Suggestion(
        s.target, s.kind, s.formula, s.inputs, s.cue, s.verdict, s.score, s.check, others
    )


# -- small predicates ----------------------------------------------------------------------


def _past_unit(node: Node, text: str) -> str:
    """*text* after a figure without the figure's own unit and scale words ("400 people, up")."""
    own = set(node.stated.text.lower().split())
    words = text.split(" ")
    i = 0
    while i < len(words) and (not words[i] or words[i].strip(",.;:") in own):
        i += 1
        if i > 3:
            break
    return (" " if i else "") + " ".join(words[i:]) if i else text


def _cues(text: str) -> str:
    return _SPACES.sub(" ", _CURRENCY.sub("", text))


def _percent(node: Node) -> bool:
    return node.stated.percent


def _fraction(node: Node) -> bool:
    """A share of a whole: a percentage, or a plain figure below one ("one-third")."""
    return node.stated.percent or (_dimensionless(node) and 0 < node.stated.central < 1)


def _multiple(node: Node) -> bool:
    """A plain number or one written as a multiple ("8 times", "10x")."""
    unit = node.stated.unit.text.lower()
    return _dimensionless(node) or (not node.stated.percent and unit in ("times", "x", "fold"))


def _dimensionless(node: Node) -> bool:
    return not node.stated.percent and not node.stated.unit.text


def _same(a: Node, b: Node) -> bool:
    """Figures that may be added: the same dimension, and both shares or neither."""
    return (
        a.stated.percent == b.stated.percent and a.stated.unit.dimension == b.stated.unit.dimension
    )


def _apart(a: Node, b: Node) -> float:
    """How far apart two figures are, relative to the larger."""
    x, y = a.stated.central, b.stated.central
    return abs(x - y) / (max(abs(x), abs(y)) or 1.0)


def _width(node: Node) -> float:
    strict = node.stated.reading.strict
    central = abs(node.stated.reading.central)
    if not central or not (math.isfinite(strict.lo) and math.isfinite(strict.hi)):
        return math.inf
    return (strict.hi - strict.lo) / central


def _written(node: Node) -> tuple[str, bool, object, float]:
    """The figure as written, whatever its words: "6.3%" and "6.3 percent" are one."""
    digits = re.sub(r"\D", "", node.stated.written or node.stated.text)
    return digits, node.stated.percent, node.stated.unit.dimension, node.stated.central


# a comparative of another period before a figure, in brackets: "(2015: £567.2m)"
_PRIOR_PERIOD = re.compile(r"\(\s*(?:fy\s*)?(?:1[89]|2[01])\d\d(?:/\d\d)?\s*:\s*[^\s()]*$")
# the words of a drafted id that name no topic: its fallback, a bare count noun, a unit kind
_GENERIC_NAME_WORDS = frozenset(
    {"figure", "people", "person", "share", "number", "total", "amount", "percent"}
)


def _telling(node: Node) -> bool:
    """A figure too particular to be written twice by chance: two significant digits or more
    ("£5.2bn", "49,000"), so never a round "10 million" or "50%"."""
    return len(_significant(node)) >= 2


def _significant(node: Node) -> str:
    return re.sub(r"\D", "", node.stated.written or node.stated.text).strip("0")


def _small_count(node: Node) -> bool:
    return not node.stated.unit.text and not node.stated.percent and abs(node.stated.central) < 100


def _position(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


class _Rows:
    """(row label, column) of a figure in a table row: a Markdown pipe row, a row that ends
    in figures (its columns counted from the right), or a line whose cells are set apart by
    tabs or runs of spaces. Each line is read once, however many figures it holds, so that
    a document written as one long line costs one reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
        self._lines: dict[int, _Line] = {}

    def at(self, offset: int) -> tuple[str, int] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[i]
        line = self._lines.get(start)
        if line is None:
            end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
            line = self._lines[start] = _Line.read(self.text[start:end])
        at = offset - start
        if line.pipes is not None:
            return line.label or "", bisect.bisect_left(line.pipes, at)  # the pipes before it
        trailing = line.trailing
        k = bisect.bisect_right(trailing, (at, math.inf)) - 1
        if k >= 0 and at < trailing[k][1]:
            return line.trailing_label, k - len(trailing)
        if line.label is None:
            return None
        before = self.text[start:offset]
        return line.label, len([c for c in re.split(r"\t|\s{3,}", before.strip()) if c])


@dataclass(frozen=True, slots=True)
class _Line:
    """What makes a line a table row, read once for all the figures on it."""

    label: str | None  # of a pipe row, or of a row of cells; None: no such row
    pipes: list[int] | None  # where a pipe row's pipes are; None: no pipe row
    trailing: list[tuple[int, int]]  # the figures that end the line, when they make a row
    trailing_label: str

    @staticmethod
    def read(line: str) -> _Line:
        if line.lstrip().startswith("|"):
            parts = line.split("|")
            first = parts[1].strip().lower() if len(parts) > 1 else ""
            return _Line(first, [m.start() for m in re.finditer(r"\|", line)], [], "")
        if line.count(" | ") >= 1 and line.count("|") >= 2:  # as rendered: "Total | 3 | 4"
            first = line.split("|")[0].strip().lower()
            return _Line(first, [m.start() for m in re.finditer(r"\|", line)], [], "")
        trailing = _trailing_cells(line)
        # a row that ends in figures ("Party of Patriots 44,175 0.75 0"), its columns counted
        # from the right, where a Total line with fewer figures still lines up
        apart = len(trailing) >= 2 or "\t" in line or "   " in line.strip()
        if not (trailing and (apart or _TOTAL_LABEL.match(line))):
            trailing = []
        trailing_label = line[: trailing[0][0]].strip().lower() if trailing else ""
        cells: list[str] = []
        if "\t" in line or "   " in line.strip():
            cells = [c for c in re.split(r"\t|\s{3,}", line.strip()) if c]
        label = cells[0].lower() if len(cells) >= 2 else None
        return _Line(label, None, trailing, trailing_label)


_CELL = re.compile(r"[-+−–]?[0-9][0-9,.]*%?")
_TOTAL_LABEL = re.compile(r"\W*(?:grand\s+)?total\b", re.IGNORECASE)


def _trailing_cells(line: str) -> list[tuple[int, int]]:
    """The spans of the figures that end *line*, set apart by spaces, in order."""
    found: list[tuple[int, int]] = []
    stop = len(line.rstrip())
    while stop > 0:
        start = line.rfind(" ", 0, stop) + 1
        if start == stop or not _CELL.fullmatch(line, start, stop):
            break
        found.append((start, stop))
        stop = start  # back over the spaces before it, as line[:start].rstrip() ends
        while stop > 0 and line[stop - 1].isspace():
            stop -= 1
    found.reverse()
    return found


# a column of ratios to one row: "Relative (latency)", "relative latency"
_RELATIVE = re.compile(r"\brelative\s*(?:\(\s*([a-z]+)\s*\)|([a-z]+))")


def _table_top(text: str, offset: int, tops: dict[int, int | None]) -> int | None:
    """Where the pipe table holding *offset* starts (its heading line), or None: a Markdown
    table as written, or as rendered (cells set apart by bars, rows maybe by blank lines).
    *tops* holds the answers found so far, by line start."""
    first = start = text.rfind("\n", 0, offset) + 1
    if first in tops:
        return tops[first]
    end = text.find("\n", start)
    if not _bar_line(text[start : end if end >= 0 else len(text)]):
        tops[first] = None
        return None
    top: int | None = start
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        if previous in tops and tops[previous] is not None:
            top = tops[previous]
            break
        line = text[previous : start - 1]
        if _bar_line(line):
            top = previous
        elif line.strip() or previous == 0:
            break
        start = previous
    tops[first] = top
    return top


def _bar_line(line: str) -> bool:
    return line.lstrip().startswith("|") or (line.count(" | ") >= 1 and line.count("|") >= 2)


def _heading_cells(text: str, top: int) -> list[str]:
    """The heading line's cells of the pipe table that starts at *top*, by column number."""
    end = text.find("\n", top)
    line = text[top : end if end >= 0 else len(text)]
    return line.split("|")
