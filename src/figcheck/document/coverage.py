"""Coverage: every figure a document mentions, its category, and the claim that covers it."""

from __future__ import annotations

import dataclasses
import functools
import heapq
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING

from figcheck.figures import lexicon
from figcheck.figures.figure import _LOOKBACK, QUALIFIER_PHRASES, Qualifier, qualifier_before
from figcheck.figures.numbers import Amount, Style, find_amounts
from figcheck.figures.units import is_known_word
from figcheck.records import maker, quick_init
from figcheck.text import shorten

if TYPE_CHECKING:
    from figcheck.check.quotes import QuoteIndex, QuoteMatch
    from figcheck.claims.model import ClaimsFile, Document


class Category(Enum):
    """What kind of figure a mention is; only quantities count against coverage."""

    QUANTITY = "quantity"  # a scale word, a unit, a percent or a share; or it counts people/goods
    YEAR = "year"  # 1956, 1944-45, the 1950s
    COUNT = "count"  # a small count of anything else: "five factors"
    LABEL = "label"  # an ordinal or a label: "20th Congress", "Lesson one", "No. 2", "1)"


# The members used for every figure, as module constants: an enum member is looked up on its
# class through the enum's own __getattr__, several times slower than a global
_QUANTITY, _YEAR = Category.QUANTITY, Category.YEAR
_COUNT, _LABEL = Category.COUNT, Category.LABEL
_PLAIN, _OVER = Qualifier.PLAIN, Qualifier.OVER
_ABOUT, _BETWEEN = Qualifier.ABOUT, Qualifier.BETWEEN


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """One figure as the document writes it, read with the one number reader."""

    line: int  # 1-based, of the figure's first character (its qualifier's, if any)
    column: int
    text: str  # as written, with its qualifier, whitespace folded: "at least 22 million"
    value: float  # the number with its scale word, percent not applied (50 for "50 percent")
    category: Category
    covered_by: str | None  # the id of the claim whose quote covers it
    start: int  # offsets in the document text, qualifier included
    end: int
    number_start: int  # where the (first) number starts
    qualifier: Qualifier = Qualifier.PLAIN
    upper: float | None = None  # the upper end of a range ("1944-45" -> 1945)
    percent: bool = False
    form: str = "digits"  # "digits" | "words" | "fraction" | "ordinal" | "multiple" | "unread"
    guess: str = ""  # why the reading is a guess ("1,234" in a document of both styles)

    @property
    def counted(self) -> bool:
        """Whether the mention counts as covered: a claim covers it, and it was read without
        a guess (a mention read only in part, or by a guess, always counts against)."""
        return self.covered_by is not None and not self.guess and self.form != "unread"


_new_mention = maker(Mention)  # Mention(...) made faster, for the mentions read by the thousand


@dataclass(frozen=True, slots=True)
class CoverageReport:
    """Every mention in a claims file's document and which claims cover them."""

    claims_path: str
    document: Document
    mentions: tuple[Mention, ...]
    unlocated: tuple[str, ...] = ()  # ids of claims whose quote is not in the document
    fail_under: float | None = None  # --fail-under: the least quantity coverage, in percent
    # (covered, total, guessed, unread) by category, counted once on first use
    _tally: dict[Category, tuple[int, int, int, int]] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def of(self, category: Category) -> list[Mention]:
        return [m for m in self.mentions if m.category is category]

    def _counted(self, category: Category) -> tuple[int, int, int, int]:
        if not self._tally:
            tally = {id(c): [0, 0, 0, 0] for c in Category}  # an enum's hash runs in Python
            for m in self.mentions:
                counts = tally[id(m.category)]
                counts[1] += 1
                if m.covered_by is not None or m.guess or m.form == "unread":
                    counts[0] += m.counted
                    counts[2] += bool(m.guess)
                    counts[3] += m.form == "unread"
            self._tally.update((c, tuple(tally[id(c)])) for c in Category)  # type: ignore[misc]
        return self._tally[category]

    def counts(self, category: Category) -> tuple[int, int]:
        """(covered, total) mentions of *category*."""
        return self._counted(category)[:2]

    @property
    def unsure(self) -> tuple[int, int]:
        """(guessed, unread) quantity mentions: they count against the percentage."""
        return self._counted(Category.QUANTITY)[2:]

    @property
    def percent(self) -> float:
        """Quantity coverage in percent; 100 when the document has no quantities."""
        covered, total = self.counts(Category.QUANTITY)
        return 100.0 if not total else 100.0 * covered / total

    @property
    def exit_code(self) -> int:
        """1 when quantity coverage is below ``fail_under`` (compared exactly), else 0."""
        if self.fail_under is None:
            return 0
        covered, total = self.counts(Category.QUANTITY)
        return int(covered * 100 < self.fail_under * total)

    def text(self) -> str:
        """One line, e.g. ``24 of 26 quantities covered (92.3%); also listed: 9 years (2
        covered), 4 counts (0 covered), 3 ordinals or labels``."""
        covered, total = self.counts(Category.QUANTITY)
        line = f"{covered} of {total} quantities covered ({_percent(self.percent)}%)"
        guessed, unread = self.unsure
        if guessed or unread:
            parts = [f"{guessed} guessed"] if guessed else []
            parts += [f"{unread} unread"] if unread else []
            line += f" ({', '.join(parts)}: not counted as covered)"
        others = []
        for category, name in ((Category.YEAR, "year"), (Category.COUNT, "count")):
            done, n = self.counts(category)
            if n:
                others.append(f"{_plural(n, name)} ({done} covered)")
        labels = self.counts(Category.LABEL)[1]
        if labels:
            others.append(_plural(labels, "ordinal or label", "ordinals or labels"))
        if others:
            line += "; also listed: " + ", ".join(others)
        if self.unlocated:
            line += f"; {_plural(len(self.unlocated), 'quote')} not found"
        return line


def _percent(value: float) -> str:
    """A coverage percentage to one decimal, without a trailing ".0" ("92.3", "100");
    never "100" when something is not covered."""
    shown = f"{value:.1f}"
    if shown == "100.0" and value < 100:
        shown = "99.9"
    return shown.removesuffix(".0")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


# -- what a figure counts ------------------------------------------------------------------


def words(text: str) -> tuple[str, ...]:
    """The words of *text*: lets word lists be written as readable blocks."""
    return tuple(text.split())


# Nouns that count people: a figure before one of them is a quantity, and figcheck init maps
# them to "person" (as an assumption to verify).
PEOPLE_NOUNS = frozenset(
    words(
        """
    adults applicants babies beneficiaries believers boys candidates casualties children
    citizens civilians claimants clients colonists communists consumers contenders customers
    deaths delegates deputies doctors emigrants employees employers engineers executives
    farmers fans girls graduates immigrants individuals infants inhabitants
    inmates kids labourers laborers managers members men migrants nationals nurses officers
    officials owners participants passengers patients peasants pensioners physicians prisoners
    pupils readers recipients recruits refugees residents respondents retirees scientists
    settlers shareholders soldiers specialists staff students subscribers survivors taxpayers
    teachers tenants tourists troops users veterans victims viewers visitors volunteers voters
    women workers
    """
    )
)
# Nouns that count goods, groups and other things, and measures the unit table lacks: a figure
# before one is a quantity, but figcheck init names them in a comment instead of the value.
# (A measure the unit table has, "km", "acres", is a unit: counted() reads it as one.)
GOODS_NOUNS = frozenset(
    words(
        """
    aircraft apartments barrels beds bottles buildings businesses cars cattle chickens
    companies computers copies cows doses dwellings enterprises factories farms firms flats
    goats guns head homes horses hospitals houses items jobs loaves machines missiles
    phones pigs planes rifles rooms schools seats sheep ships shops stores tanks tickets
    tractors trees trucks vaccines vehicles votes weapons families households gallons
    """
    )
)
CURRENCY_WORDS = frozenset(
    words("dollars euros pounds rubles roubles yen yuan francs pesos rupees")
)
TON_WORDS = re.compile(r"(?:kilo|mega|giga)?tons?", re.IGNORECASE)

# the words after a figure, on its line or the next (prose wraps), up to four
_SEP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_WORDS_AFTER = re.compile(rf"(?:{_SEP}[A-Za-z][A-Za-z'’-]*){{1,4}}")
_FOUR_WORDS = re.compile(rf"(?:{_SEP}[A-Za-z][A-Za-z'’-]*){{4}}")  # as many as it reads
_LABEL_WORDS = words(
    """
    lesson chapter section part article art. figure fig. table item step page p. pp. vol.
    volume book act scene phase stage round question exhibit appendix annex clause paragraph
    para. rule grade level class room line version issue number episode season track route
    highway ward district precinct floor box form schedule amendment resolution bill decree
    order model type series game match verse psalm canto rfc iso python cpython week day wave
    lap heat
    """
)
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|no|nos|Nr|nr)\.|\bNo|#|№|(?i:\b(?:"
    + "|".join(re.escape(word) for word in _LABEL_WORDS)
    + r")))[^\S\n]*\Z"
)


def _tails(ends: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """*ends* by their last character: ``before.endswith(tails.get(before[-1:], ()))`` tests
    ``before.endswith(tuple(ends))`` with a few comparisons instead of one for each end."""
    table: dict[str, list[str]] = {}
    for end in ends:
        table.setdefault(end[-1], []).append(end)
    return {last: tuple(group) for last, group in table.items()}


# What a label or a qualifier ends with, lowercased: a cheap test before the regex searches.
_LABEL_ENDS = (*_LABEL_WORDS, "no.", "nos.", "nr.", "no", "#", "№")
_QUALIFIER_ENDS = tuple(phrase for phrase, _ in QUALIFIER_PHRASES)
_LABEL_TAILS = _tails(_LABEL_ENDS)
_QUALIFIER_TAILS = _tails(_QUALIFIER_ENDS)
_LIST_START = re.compile(r"(?:\A|\n)[^\S\n]*\(?\Z")
_RANGE_GAP = re.compile(r"[^\S\n]*[-–—][^\S\n]*\Z|\s+to\s+\Z")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:the\s+)?\Z")
_DATE_AFTER = re.compile(r"[-/][0-9]")
_CODE_AFTER = re.compile(r"[-/][0-9]+[-/][0-9]")  # "2020-05-12", "555-123-4567"
_PHONE_AFTER = re.compile(r"-[0-9]{4}(?![0-9])")  # "691-5902"
# What makes a number no figure: a tag's or an entity's content ("CO<sub>2</sub>", "&#10007;"),
# an age bracket ("aged 70", "under-five", "5 years of age"), a time ago ("20 minutes ago"),
# a confidence level ("95% CI"), a reporting period ("three months ended")
_TAG_OR_ENTITY_BEFORE = re.compile(r"(?:<su[bp]>|&#x?)\Z", re.IGNORECASE)
_DENOMINATOR_BEFORE = re.compile(r"\b(?:per|every)[^\S\n]+\Z", re.IGNORECASE)
_AGE_ENDS = ("age", "ages", "aged", "under-", "over-")
_AGE_TAILS = _tails(_AGE_ENDS)
_PERIOD_TAILS = _tails(lexicon.PERIOD_ORDINALS)
_RATE_TAILS = _tails(("per", "every"))
# whether the words before a figure end as any of those: most end as none, tested at once
_SPECIAL_TAILS = _tails(
    (*_QUALIFIER_ENDS, *_AGE_ENDS, *lexicon.PERIOD_ORDINALS, "per", "every", *_LABEL_ENDS)
)
_AGE_BEFORE = re.compile(r"(?:\bage[sd]?[^\S\n]+|\b(?:under|over)-)\Z", re.IGNORECASE)
_AFTER_NOT_FIGURE = re.compile(
    r"[^\S\n]*(?:years?[^\S\n]+(?:of[^\S\n]+age|old|and[^\S\n]+(?:older|over|above))\b"
    r"|(?:seconds?|minutes?|hours?)[^\S\n]+ago\b"
    r"|(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)[^\S\n]+ended\b"
    r"|(?:CI|confidence[^\S\n]+interval|credible[^\S\n]+interval)\b)",
    re.IGNORECASE,
)
_AND_GAP = re.compile(r"\s+and\s+\Z")


# Units of more than one word after a figure: "0.4 percentage points", "1.0 p.p.", a rate
# ("93 deaths per 1000 live births", "320 out of every 1000"): the rate is the figure
_UNIT_PHRASE_AFTER = re.compile(
    r"(?P<unit>[^\S\n]+(?:percentage|basis)[^\S\n]+points?\b|[^\S\n]*p\.[^\S\n]?p\.)"
    r"|(?:[^\S\n]+[A-Za-z]+){0,3}?[^\S\n]+(?:per|(?:out[^\S\n]+of|for|in)[^\S\n]+every)"
    r"[^\S\n]+(?P<rate>1[,\u00a0\u2009\u202f ]?000|thousand|100[,\u00a0\u2009\u202f ]?000"
    r"|hundred[^\S\n]+thousand)\b",
    re.IGNORECASE,
)
_OF = frozenset({"of", "de", "d'", "d’"})
# a capitalised abbreviation that says what a unit is of: "GPU hours", "CPU days"
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def out_of(text: str, end: int, whole: Amount) -> bool:
    """Whether the figure ending at *end* is a part "out of (the)" *whole*, a scaled amount."""
    return whole.scale_word is not None and _OUT_OF.match(text, end, whole.start) is not None


def counted(text: str, end: int) -> tuple[str, str] | None:
    """The unit or noun a figure ending at *end* counts, and its kind, or None.

    Kinds: "unit" (the unit table reads it), "ton" (ambiguous, needs a [units] entry),
    "people", "goods", "currency". The noun is the next word, or, for people, one of the
    next four words ("seven million full and candidate members").
    """
    if text[end : end + 1].isalpha():  # "3kg", "4.5GHz": a unit written against the number
        return attached_unit(text, end)
    window = text[end : end + 48]
    cheap = "per" in window or "every" in window or "point" in window or "p." in window
    special = _UNIT_PHRASE_AFTER.match(text, end) if cheap else None
    if special is not None:
        if special["rate"] is not None:
            rate = special["rate"].lower()
            key = " ".join(rate.split()) if rate[0].isalpha() else re.sub(r"\D", "", rate)
            base = lexicon.RATE_BASES[key]  # "100 000" and "100,000" are "100000"
            return ("per 1000" if base == 1000 else f"per {base:,}"), "rate"
        return " ".join(special["unit"].lower().split()), "unit"
    if "/" in window and (slashed := _SLASHED_UNIT.match(text, end)) is not None:
        found = attached_unit(text, slashed.start(1))  # "50 km/h"
        if found is not None:
            return found
    m = _WORDS_AFTER.match(text, end)
    if m is None:
        return None
    following = m.group().split()
    if following[0].lower() in _OF and len(following) > 1 and _kind(following[1]) == "currency":
        following = following[1:]  # "6 millions de dollars", "millions of dollars"
    first = following[0]
    kind = _kind(first)
    if kind is not None:
        return first, kind
    if _ACRONYM.fullmatch(first) and len(following) > 1 and _kind(following[1]) == "unit":
        return following[1], "unit"  # "3.3M GPU hours": hours, of GPUs
    for word in following[1:]:
        if word.lower() in PEOPLE_NOUNS:
            return word, "people"
    return None


# a unit of two words joined by a slash after a figure: "50 km/h", "940 MB/s"
_SLASHED_UNIT = re.compile(r"[^\S\n]+([A-Za-zµμ]+/[A-Za-z]+)\b")
# letters written against a number, and a "/" and letters after them ("MB/s")
_ATTACHED = re.compile(r"[A-Za-zµμ]+(?:/[A-Za-z]+)?")


def attached_word(text: str, end: int) -> str:
    """The letters written against the number that ends at *end* ("GHz" of "4.5GHz")."""
    m = _ATTACHED.match(text, end)
    return "" if m is None else m.group()


def attached_unit(text: str, end: int) -> tuple[str, str] | None:
    """The unit written against a figure's number ("kg" of "3kg"), if the unit table reads
    it: a word of two letters or more, and of any after a "/" ("MB/s")."""
    word = attached_word(text, end)
    parts = word.split("/")
    if len(parts[0]) >= 2 and all(is_known_word(part) for part in parts):
        return word, "unit"
    return None


@functools.lru_cache(maxsize=4096)  # the words after figures repeat: each is looked up once
def _kind(word: str) -> str | None:
    lower = word.lower()
    if lower in PEOPLE_NOUNS:
        return "people"
    if lower in GOODS_NOUNS:
        return "goods"
    if lower in CURRENCY_WORDS:
        return "currency"
    if TON_WORDS.fullmatch(word):
        return "ton"
    if len(word) >= 2 and lower != "percent" and is_known_word(word):
        return "unit"
    return None


# -- finding mentions ----------------------------------------------------------------------


def _decade(text: str, amount: Amount) -> bool:
    """A decade, "1950s": a year with an "s" after it."""
    end = amount.end
    return text.startswith("s", end) and not text[end + 1 : end + 2].isalnum()


def _is_year(amount: Amount) -> bool:
    return (
        amount.form == "digits"
        and amount.scale_word is None
        and not amount.percent
        and len(amount.text) == 4
        and amount.text.isdigit()
        and 1000 <= amount.value <= 2199
    )


_RANGE_GAP_MOST = 12  # characters between the two amounts of a range, at most


def _upper(text: str, lower: Amount, upper: Amount, qualifier: Qualifier) -> float | None:
    """The upper end if *lower* and *upper* form a range ("1989-1991", "5 to 10"), else None."""
    gap_start = lower.end
    if upper.start - gap_start > _RANGE_GAP_MOST:
        return None
    if upper.form == "ordinal" or lower.form == "ordinal" or _in_code(text, lower):
        return None
    if lower.percent and not upper.percent:
        return None  # "fall by about 23% to 4.4m tonnes": a change, then a level
    if qualifier is _BETWEEN:
        if _AND_GAP.match(text, gap_start, upper.start) is None:
            return None
    elif (
        _RANGE_GAP.match(text, gap_start, upper.start) is None
        or _DATE_AFTER.match(text, upper.end) is not None  # "2020-05-12" is a date
    ):
        return None
    if _is_year(lower) and not _is_year(upper) and len(upper.text) != 2:
        return None  # "from 2.5 billion in 1950 to 5.6 billion": no range of years
    value = upper.value
    dash = text[gap_start : upper.start].strip() in ("-", "–", "—")
    if _is_year(lower) and upper.form == "digits" and len(upper.text) == 2 and dash:
        value = lower.value // 100 * 100 + upper.value  # "1944-45"
        if value <= lower.value:
            value += 100
    if value <= lower.value:
        return None
    return value


# A reading of one mention, apart from its line and column: start, end, text as written,
# value, category, qualifier, upper, percent, form, guess
_Reading = tuple[int, int, str, float, Category, Qualifier, "float | None", bool, str, str]

# Readings are kept by the text around a figure: every search the reader makes for a figure
# that is no part of a range stays within this many characters of it, once the checks in
# _memo_safe pass (the qualifier lookback and its age noun come first, a few characters spare)
_MEMO_BEFORE = 64
_MEMO_AFTER = 64
_MEMO_SIZE = 20_000  # contexts kept, bounding memory
_MEMO_TRIAL = 2_000  # figures read before giving up on a text whose contexts do not repeat
# What no search after a figure reads past, unless _memo_safe finds one that might
_WORDS_END = re.compile(r"[^\sA-Za-z'’-]")
_CHEAP_WORDS = ("per", "every", "point", "p.")


def _memo_key(text: str, amount: Amount, after: Amount | None) -> tuple[object, ...] | None:
    """What the reading of *amount* depends on, given the amount *after* it; None when a
    search may reach beyond the text around it (a large amount far after it: "out of")."""
    s, e = amount.start, amount.end
    if after is None:
        nearby: object = None
    elif after.start - e <= 16:
        nearby = (after.start - e, after.text, after.form, after.value, after.scale_word,
                  after.percent, text[after.end : after.end + 2])  # fmt: skip
    elif after.scale_word is None:
        nearby = True
    else:
        return None
    return (
        text[s - _MEMO_BEFORE : e + _MEMO_AFTER],
        e - s,
        amount.value,
        amount.scale_word,
        amount.percent,
        amount.form,
        amount.currency,
        amount.guess,
        nearby,
    )


def _memo_safe(text: str, amount: Amount, end: int) -> bool:
    """Whether the reading of *amount*, a mention ending at *end*, read nothing beyond its key:
    no search that may run on (a date or code after it, "years of age", a unit phrase), and
    within the key's text a character that stops the words after it, or the end of the four
    words that are all the words it reads."""
    s, e = amount.start, amount.end
    following = text[e : e + 1]
    if text[s - 1 : s] in _JOINS or following in _JOINS or following.isalpha():
        return False
    if text[e + 1 : e + 2] in _AFTER_FIRSTS and following in " \t\u00a0":
        return False
    window = text[end : end + 48]
    if any(word in window for word in _CHEAP_WORDS):
        return False
    if _WORDS_END.search(text, end, e + _MEMO_AFTER) is not None:
        return True
    # words only, to the key's end ("one one one ..."): counted() reads four words at most
    words = _FOUR_WORDS.match(text, end)
    return words is not None and words.end() < e + _MEMO_AFTER


_MISSING: _Reading = (0, 0, "", 0.0, Category.COUNT, Qualifier.PLAIN, None, False, "", "")


def find_mentions(
    text: str, style: Style | None = None, amounts: list[Amount] | None = None
) -> list[Mention]:
    """Every figure *text* mentions, in order, each with its category (none covered yet);
    numbers are read in *style*, else in the style the text's own forms show. *amounts* are
    the text's amounts, if they have been found already (as find_amounts finds them)."""
    if amounts is None:
        amounts = find_amounts(text, style)
    mentions: list[Mention] = []
    line, line_start, pos = 1, 0, 0
    i, n = 0, len(amounts)
    # readings by the text around each figure: a text that repeats itself is read once for
    # each distinct context; a text whose contexts do not repeat stops keeping them
    memo: dict[tuple[object, ...], _Reading | None] | None = {}
    tried = hits = 0
    last = len(text) - _MEMO_AFTER
    label = _LABEL
    after_label = False  # whether the mention before is a label (it may start a list)
    count, rfind, append, new = text.count, text.rfind, mentions.append, _new_mention
    while i < n:
        amount = amounts[i]
        i += 1
        s = amount.start
        key = None
        if memo is not None and s >= _MEMO_BEFORE and amount.end <= last and not after_label:
            key = _memo_key(text, amount, amounts[i] if i < n else None)
        if key is not None and memo is not None:
            tried += 1
            kept = memo.get(key, _MISSING)
            if kept is _MISSING or kept is None:
                at = i
                reading, i = _read(text, amounts, i, mentions)
                if kept is _MISSING and len(memo) < _MEMO_SIZE:
                    e = amount.end
                    safe = i == at and _memo_safe(text, amount, reading[1])
                    memo[key] = (reading[0] - s, reading[1] - e, *reading[2:]) if safe else None
            else:
                hits += 1
                reading = (s + kept[0], amount.end + kept[1], *kept[2:])
            if tried >= _MEMO_TRIAL and hits * 8 < tried:
                memo = None  # contexts hardly repeat: reading each costs less than keying it
        else:
            reading, i = _read(text, amounts, i, mentions)
        start = reading[0]
        # lines and columns, counting each stretch of text once
        if start > pos:
            line += count("\n", pos, start)
            newline = rfind("\n", pos, start)
            if newline >= 0:
                line_start = newline + 1
            pos = start
        category = reading[4]
        append(
            new(line, start - line_start + 1, reading[2], reading[3], category, None,
                start, reading[1], s, reading[5], reading[6], reading[7], reading[8],
                reading[9])
        )  # fmt: skip
        after_label = category is label
    return _with_unread(text, mentions)


def _read(
    text: str, amounts: list[Amount], i: int, mentions: list[Mention]
) -> tuple[_Reading, int]:
    """The reading of the mention whose (first) amount is ``amounts[i - 1]``, after
    *mentions*; and the index of the amount after it (a range reads two).

    Read for every figure of a document: each search is made only after a cheap test says
    it may find something, and the common tests are made here rather than in helpers."""
    amount = amounts[i - 1]
    n = len(amounts)
    s, e, form = amount.start, amount.end, amount.form
    if form == "unread":  # a figure the reader sees but cannot read: a quantity, unread
        return (s, e, amount.text, 0.0, _QUANTITY, _PLAIN, None, False, form, ""), i
    digits = form == "digits"
    # the words just before, folded: a cheap test before the qualifier and label searches
    before, tail, special, qualifying = _before(text[max(0, s - 24) : s])
    qualifier, start = _PLAIN, s
    if qualifying:
        window = text[max(0, s - _LOOKBACK - 1) : s]
        q = _qualifier_ending(window)
        if q is not None:
            qualifier, start = q[0], s - len(window) + q[1]
    if form == "bound":  # "hundreds of" is over 100, whatever came before
        qualifier, start = _OVER, s
    top: Amount | None = None  # the upper amount of a range
    upper = None
    if i < n and amounts[i].start - e <= _RANGE_GAP_MOST:  # else no range (see _upper)
        upper = _upper(text, amount, amounts[i], qualifier)
        if upper is not None:
            top = amounts[i]
            i += 1
    if upper is None and qualifier is _BETWEEN:
        qualifier, start = _PLAIN, s
    end = e if top is None else top.end
    value = amount.value
    year = 1000 <= value <= 2199 and _is_year(amount)
    if upper is None and year and _decade(text, amount):
        upper, end = value + 9, end + 1  # "the 1950s"
    preceding, following = text[s - 1 : s], text[e : e + 1]
    if (
        form == "ordinal"
        # _in_code's own first test, made here: most numbers are joined to nothing
        or (
            digits
            and (preceding in _JOINS or following in _JOINS or following.isalpha())
            and _in_code(text, amount)
        )
        or (
            # _is_label's cheap tests, made here: most figures pass none of them
            (
                special
                or preceding in _TAG_ENDS
                or following in _MARKER_ENDS
                or (text[e + 1 : e + 3] in _AFTER_PAIRS and following in " \t\u00a0")
            )
            and _is_label(text, amount, before, tail, special)
        )
    ):
        category = _LABEL
    else:
        category = _category(text, amount, top, qualifier, end, year)
    if (
        category is _QUANTITY
        and qualifier is not _PLAIN
        and _age_bracket(text, start, amount, qualifier)
    ):
        category = _LABEL
    if (
        mentions
        and mentions[-1].category is _LABEL
        and category is not _LABEL
        and _LIST_GAP.fullmatch(text, mentions[-1].end, start) is not None
        and digits
        and mentions[-1].form == "digits"
        and len(amount.text) == len(mentions[-1].text.split()[-1])
    ):
        category = _LABEL  # "CPython 3.10, 3.11, and 3.12": a list of labels
    if category is _COUNT and i < n and out_of(text, end, amounts[i]):
        category = _QUANTITY  # "six out of the seven million members"
    percent = amount.percent
    guess = amount.guess
    if top is not None:
        percent = percent or top.percent
        if amount.scale_word is None and top.scale_word is not None:
            value = amount.mantissa * top.scale  # "12-13 million"
        guess = guess or top.guess
    written = text[start:end]
    if " " in written or not written.isprintable():  # else it holds no whitespace to fold
        written = " ".join(written.split())
    return (start, end, written, value, category, qualifier, upper, percent, form,
            guess), i  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _before(window: str) -> tuple[str, str, bool, bool]:
    """The words of *window* (the text just before a figure) folded, their last character,
    whether they end as any of _SPECIAL_TAILS, and whether as a qualifier: kept by the window,
    since prose writes the same words before its figures again and again."""
    before = " ".join(window.lower().split())
    tail = before[-1:]
    special = before.endswith(_SPECIAL_TAILS.get(tail, ()))
    return before, tail, special, special and before.endswith(_QUALIFIER_TAILS.get(tail, ()))


@functools.lru_cache(maxsize=4096)
def _qualifier_ending(window: str) -> tuple[Qualifier, int] | None:
    """qualifier_before at the end of *window*, the text before a figure from a character
    before the qualifier search's lookback (which its word-start test reads): kept by it."""
    return qualifier_before(window, len(window))


# a digit run that is no part of a word: if no mention holds it, the reader could not read it
# (its first digit first, which the regex engine skips to in C, then the test of the
# character before it)
_DIGIT_RUN = re.compile(r"[0-9](?<![^\W_][0-9])[0-9]*")


def _with_unread(text: str, mentions: list[Mention]) -> list[Mention]:
    """*mentions* and, in order among them, each run of digits that no mention holds (one too
    long for a float): listed as unread quantities, so that coverage never hides them."""
    unread: list[Mention] = []
    line, line_start, pos = 1, 0, 0  # lines counted on from the last unread number
    search, whole = _DIGIT_RUN.search, _DIGIT_RUN.match
    # A run is held by the first mention that ends after its start, if that mention starts at
    # or before it: so the runs no mention holds are those that start in a gap, from the
    # furthest end of the mentions before one up to that one's start (and after the last).
    # Each gap is searched on its own, so no search runs on past the text between mentions.
    reach = 0
    for mention in itertools.chain(mentions, (None,)):
        stop = len(text) if mention is None else mention.start
        while reach < stop and (m := search(text, reach, stop)) is not None:
            at = m.start()
            if m.end() == stop:  # the run may go on past the gap
                m = whole(text, at)
                assert m is not None
            reach = m.end()
            line += text.count("\n", pos, at)
            line_start = max(line_start, text.rfind("\n", pos, at) + 1)
            pos = at
            column = at - line_start + 1
            written = shorten(m.group(), 40)
            unread.append(
                Mention(line, column, written, 0.0, Category.QUANTITY, None, at, m.end(), at,
                        form="unread")
            )  # fmt: skip
        if mention is not None and mention.end > reach:
            reach = mention.end
    if not unread:
        return mentions
    return sorted([*mentions, *unread], key=lambda mention: mention.start)


def _category(
    text: str, amount: Amount, top: Amount | None, qualifier: Qualifier, end: int, year: bool
) -> Category:
    """The category of a figure that is no ordinal or label. *end* is where the figure ends;
    *year*, whether its amount is written as a year."""
    currency = amount.currency is not None
    about = qualifier is _PLAIN or qualifier is _ABOUT  # "about 1900", "circa 1850"
    years = year and (
        (top is None and (about or (qualifier is _OVER and _OVER_A_YEAR.match(text, end))))
        or top is not None
    )
    if years and not currency:
        return _QUANTITY if counted(text, end) is not None else _YEAR
    last = top or amount
    if (
        last.scale_word is not None
        or last.percent
        or amount.form in ("fraction", "multiple")
        or currency
        or qualifier is not _PLAIN
        or not amount.value.is_integer()
        or abs(last.value) >= 1000
        or counted(text, end) is not None
    ):
        return _QUANTITY
    return _COUNT


# "3 per cent over 2021 and 5½ per cent over 2022.": "over" a year, then a year or a stop
_OVER_A_YEAR = re.compile(r"\s*(?:[,.;:)]|$|(?:and|to|-|–)\s*(?:1[89]|2[01])\d\d\b)")
_AGO = re.compile(r"[^\S\n]+(?:days?|weeks?|months?|years?)[^\S\n]+ago\b", re.IGNORECASE)
_SHORT_LINE = 30
_AFTER_FIRSTS = frozenset("ysmhdwcCYSMHDW")
# the words those searches read after a figure: "years of age", "minutes ago", "95% CI"
_AFTER_WORDS = ("years", "seconds", "minutes", "hours", "days", "weeks", "months", "ci",
                "confidence", "credible")  # fmt: skip


def _cases(letter: str) -> set[str]:
    """The characters that *letter* matches when case is ignored (the twins "ſ", "ı", "İ" and
    the Kelvin sign among them)."""
    candidates = {letter, letter.lower(), letter.upper(), *"\u212a\u017f\u0130\u0131"}
    return {c for c in candidates if re.fullmatch(re.escape(letter), c, re.IGNORECASE)}


# The first two letters of those words, as _AFTER_FIRSTS allows the first: a figure followed
# by a space and no such pair is no label by a word after it (the pair is tested at once).
_AFTER_PAIRS = frozenset(
    first + second
    for word in _AFTER_WORDS
    for first in _AFTER_FIRSTS & _cases(word[0])
    for second in _cases(word[1])
)


def _line_length(text: str, at: int) -> int:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (len(text) if end < 0 else end) - start


_LIST_GAP = re.compile(r",[^\S\n]*(?:and[^\S\n]+|or[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+")
_AGE_OF = re.compile(
    r"\b(?:children|infants|babies|kids|girls|boys|adults|women|men|people|those|deaths)\s+\Z",
    re.IGNORECASE,
)
_AGE_QUALIFIERS = frozenset(
    {Qualifier.UNDER, Qualifier.OVER, Qualifier.AT_LEAST, Qualifier.AT_MOST}
)


def _age_bracket(text: str, start: int, amount: Amount, qualifier: Qualifier) -> bool:
    """ "children under 5": an age bracket after a noun for people, not a figure of them."""
    if qualifier not in _AGE_QUALIFIERS or amount.form not in ("digits", "words"):
        return False
    if amount.scale_word is not None or amount.percent or not 0 < amount.value < 130:
        return False
    return _AGE_OF.search(text, max(0, start - 16), start) is not None


_JOINS = frozenset("-/.:")
_TAG_ENDS = (">", "#", "x", "X")  # what a tag or an entity ends with, before its number
_MARKER_ENDS = (")", ".")  # what a list marker ends with, after its number


def _in_code(text: str, amount: Amount) -> bool:
    """A part of a date, version or code: "2020-05-12", "3.11.10", "01.21.2020", "8:30",
    "691-5902" (a phone number), "arXiv:1908.08962v2"."""
    start, end = amount.start, amount.end
    preceding, following = text[start - 1 : start], text[end : end + 1]
    if preceding not in _JOINS and following not in _JOINS and not following.isalpha():
        return False  # the common case: nothing joins the number to more digits
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if len(before) == 2 and before[1] in "-/.:" and (before[0].isdigit() or before[1] == ":"):
        return before[1] != ":" or before[0].isalnum()  # "8:30", "arXiv:1908"
    if len(after) == 2 and after[0] in ".:" and after[1].isdigit():
        return True
    if after[:1].isalpha() and after[1:].isdigit():
        return True  # "08962v2": digits and letters of one identifier
    if _CODE_AFTER.match(text, end) is not None:
        return True
    phone = amount.text[-3:].isdigit() and not amount.text[-4:-3].isdigit()
    return phone and _PHONE_AFTER.match(text, end) is not None


def _is_label(text: str, amount: Amount, before: str, tail: str, special: bool) -> bool:
    """A label: "No. 2", "Lesson one", "page 5"; a list marker, "1)" or "2." opening a line
    (a part of a date or code, "2020-05-12", is tested first: see _read). *before* is the
    words just before, folded, and *tail* its last character; *special*, whether *before*
    ends as any of _SPECIAL_TAILS."""
    start, end = amount.start, amount.end
    # each search only after a cheap test of the words just before
    if text[start - 1 : start] in _TAG_ENDS and _TAG_OR_ENTITY_BEFORE.search(
        text, max(0, start - 6), start
    ):
        return True
    if special and _after_label_words(text, amount, before, tail):
        return True
    # "years of age", "minutes ago", "CI": a word after that starts with one of these letters
    if text[end + 1 : end + 2] in _AFTER_FIRSTS and text[end : end + 1] in " \t\u00a0":
        if _AFTER_NOT_FIGURE.match(text, end) is not None:
            return True
        # the line is looked at only after "ago": a search back to the line's start for
        # every figure would grow with the square of a long line
        if (
            _AGO.match(text, end) is not None
            and not text[text.rfind("\n", 0, start) + 1 : start].strip()
            and _line_length(text, start) <= _SHORT_LINE
        ):
            return True  # "1 year ago": a page's timestamp, on a line of its own
    if amount.form != "digits" or amount.value >= 100:
        return False
    after = text[amount.end : amount.end + 2]
    marker = after[:1] == ")" or (after[:1] == "." and (after[1:] in ("", " ", "\n")))
    return marker and _LIST_START.search(text, max(0, start - 8), start) is not None


def _after_label_words(text: str, amount: Amount, before: str, tail: str) -> bool:
    """Whether the words before *amount* make it a label: an age ("aged 70"), a period ("the
    first half"), a rate's base ("per 1000"), a label word ("No. 2", "page 5")."""
    start = amount.start
    if before.endswith(_AGE_TAILS.get(tail, ())) and _AGE_BEFORE.search(
        text, max(0, start - 8), start
    ):
        return True
    if before.endswith(_PERIOD_TAILS.get(tail, ())) and amount.text.lower() == "half":
        return True  # "in the first half of 2023": a period, not a fraction
    if before.endswith(_RATE_TAILS.get(tail, ())) and _DENOMINATOR_BEFORE.search(
        text, max(0, start - 8), start
    ):
        return True  # "82 per 1000", "320 out of every 1000": the rate is the figure
    return before.endswith(_LABEL_TAILS.get(tail, ())) and (
        _LABEL_BEFORE.search(text, max(0, start - 12), start) is not None
    )


# -- coverage ------------------------------------------------------------------------------


def cover(
    claims_file: ClaimsFile,
    index: QuoteIndex,
    *,
    fail_under: float | None = None,
    matches: dict[str, QuoteMatch | None] | None = None,
) -> CoverageReport:
    """The mentions in *index*'s document, each with the claim that covers it, if any.

    A claim covers the mention whose number its quote states (the figure found when the quote
    was verified: *matches* holds those already made, by claim id); failing that, a mention is
    covered by a claim whose quote contains the start of its number (of several, the one whose
    quote ends soonest).
    """
    exact: dict[int, str] = {}
    spans: list[tuple[int, int, str]] = []
    unlocated: list[str] = []
    for claim in claims_file.claims:
        if claim.quote is None:
            continue
        if matches is not None and claim.id in matches:
            found = matches[claim.id]
        else:
            found = index.match(claim.quote, claim.stated)
        if found is None:
            unlocated.append(claim.id)
            continue
        spans.append((found.start, found.end, claim.id))
        if found.figure_start is not None:
            exact.setdefault(found.figure_start, claim.id)
    spans.sort(key=lambda span: span[0])
    # a sweep over mentions and quote spans, both in document order: linear, but for the heap
    open_spans: list[tuple[int, int, str]] = []  # (end, order, id) of spans begun so far
    j = 0
    mentions: list[Mention] = []
    for mention in find_mentions(index.text, index.style):
        at = mention.number_start
        while j < len(spans) and spans[j][0] <= at:
            heapq.heappush(open_spans, (spans[j][1], j, spans[j][2]))
            j += 1
        while open_spans and open_spans[0][0] <= at:
            heapq.heappop(open_spans)
        by = exact.get(at) or (open_spans[0][2] if open_spans else None)
        mentions.append(mention if by is None else dataclasses.replace(mention, covered_by=by))
    return CoverageReport(
        claims_path=claims_file.path,
        document=claims_file.document,
        mentions=tuple(mentions),
        unlocated=tuple(unlocated),
        fail_under=fail_under,
    )


# What mentions read as, by what it depends on: a document states the same figures again and
# again (an enum's hash runs in Python: the qualifier is keyed by its id, which is its own)
_DESCRIBED: dict[tuple[object, ...], str] = {}
_DESCRIBED_MOST = 8192


def describe(mention: Mention) -> str:
    """What a mention reads as, e.g. ``at least 22,000,000``, ``over 50%``, ``1944–1945``."""
    if mention.form == "unread":
        return "unread"  # a number the reader could not read
    category = mention.category
    year = category is Category.YEAR or category is Category.LABEL
    key = (mention.value, mention.upper, mention.percent, id(mention.qualifier), mention.form,
           year, bool(mention.guess))  # fmt: skip
    shown = _DESCRIBED.get(key)
    if shown is None:
        shown = _described(mention)
        if mention.guess:
            shown += " (a guess)"
        if len(_DESCRIBED) < _DESCRIBED_MOST:
            _DESCRIBED[key] = shown
    return shown


def _described(mention: Mention) -> str:
    year = mention.category in (Category.YEAR, Category.LABEL)  # no thousands commas
    if mention.form == "fraction":
        fraction = Fraction(mention.value).limit_denominator(1000)
        shown = f"{fraction.numerator}/{fraction.denominator}"
    else:
        shown = _plain(mention.value, year=year)
    if mention.upper is not None:
        shown += "–" + _plain(mention.upper, year=year)
    if mention.percent:
        shown += "%"
    if mention.qualifier not in (Qualifier.PLAIN, Qualifier.BETWEEN):
        shown = f"{mention.qualifier.value} {shown}"
    return shown


def _plain(value: float, *, year: bool = False) -> str:
    """A number in full: thousands commas (none in years), every decimal the document wrote."""
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value)}" if year else f"{int(value):,}"
    return f"{value:,}"
