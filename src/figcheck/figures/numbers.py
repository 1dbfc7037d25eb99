"""The one number reader: amounts in digits, number words and fractions, in figures and prose."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

from figcheck.errors import FigureError
from figcheck.figures import lexicon
from figcheck.figures.lexicon import folded, folded_sign
from figcheck.records import maker, quick_init
from figcheck.text import trie


@quick_init
@dataclass(frozen=True, slots=True)
class Amount:
    """One amount as written, with its value and the place values of its last digits."""

    start: int
    end: int
    text: str
    value: float  # with its scale, percent not applied
    mantissa: float  # without the scale word
    scale: float
    scale_word: str | None
    percent: bool
    s: float  # place value of the last written digit, times scale
    l: float  # noqa: E741  place value of the last nonzero digit (whole numbers), times scale
    # "digits" | "words" | "fraction" | "ordinal" | "multiple" ("doubled") | "bound", or
    # "unread": a figure seen but not read ("HK$5": a currency the reader lacks)
    form: str
    currency: str | None = None  # the ISO code of a currency sign before it ("£5bn": "GBP")
    guess: str = ""  # why the reading is a guess (a separator that reads two ways), else ""


_new_amount = maker(Amount)  # Amount(...) made faster, for the amounts read by the thousand


_UNITS = lexicon.ONES
_TENS = lexicon.TENS
_SMALL = lexicon.SMALL
_SCALES = lexicon.SCALES
_DENOMINATORS = lexicon.DENOMINATORS
_NUMERATORS = lexicon.NUMERATORS
# longer digit strings are refused before conversion (a float holds at most 309 whole digits)
_MAX_DIGITS = 330


def _alts(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first so no word stops inside a longer one."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# Between the parts of one amount: spaces, with at most one line break (prose wraps lines).
_SP = r"[ \t\u00a0\u2009\u202f]"
_SEP = rf"(?:{_SP}+(?:\r?\n{_SP}*)?|\r?\n{_SP}*)"
_OSEP = rf"{_SP}*(?:\r?\n{_SP}*)?"

_NUMBER_WORDS = list(lexicon.CARDINALS)
_LEX = _alts([*_NUMBER_WORDS, lexicon.HUNDRED, *_SCALES, "and"])
# the longest number in words is 33 words ("nine hundred and ninety-nine trillion and ...");
# the words after the first are read one step at a time, at most _MAX_RUN of them, and only
# while a word may follow the one before (see _word_run)
_MAX_RUN = 40
_STEP = re.compile(rf"(?:{_SEP}|-)({_LEX})\b", re.IGNORECASE)
# What each word of a run is, and what may follow it in a number: "one" takes no "one" or
# "and" after it ("one one one ..." is three amounts, each read in one step), "twenty" takes
# "one", "hundred" takes "and". A word of no kind here may follow and be followed by any.
_KIND = {
    **dict.fromkeys(lexicon.SMALL, "small"),
    **dict.fromkeys(lexicon.TENS, "tens"),
    "zero": "zero",
    lexicon.HUNDRED: "hundred",
    **dict.fromkeys(_SCALES, "scale"),
    "and": "and",
    "a": "a",
}
_FOLLOWS = {
    "small": frozenset({"hundred", "scale"}),
    "tens": frozenset({"small", "hundred", "scale"}),
    "hundred": frozenset({"and", "small", "tens", "scale"}),
    "scale": frozenset({"and", "small", "tens"}),
    "and": frozenset({"small", "tens"}),
    "zero": frozenset(),
    "a": frozenset({"hundred", "scale"}),
}
_NUMERATOR_WORDS = _alts([w for w in lexicon.NUMERATORS if w != "a"])
_SCALE_WORDS = _alts(list(_SCALES))
# words that may follow a fraction such as "a third" (a noun after it makes it an ordinal)
_AFTER_FRACTION = "of|and|or|to|than|more|less|in|per|percent"

_CURRENCIES = lexicon.CURRENCY_SIGNS
_ORDER_WORDS = list(lexicon.ORDER_WORDS)
_VULGAR = "".join(lexicon.VULGAR_FRACTIONS)
_SUFFIXES = lexicon.SCALE_SUFFIXES
_SCALE_NAMES = lexicon.SCALE_NAMES
_AFTER_DIGITS = _SCALES | lexicon.FOREIGN_SCALES
_CURRENCY = _alts(re.escape(sign) for sign in _CURRENCIES)
_CURRENCY_FIRSTS_SET = frozenset(sign[0] for sign in _CURRENCIES)
_CURRENCY_FIRSTS = re.escape("".join(sorted(_CURRENCY_FIRSTS_SET)))
_SUPERSCRIPTS = "⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "-+0123456789")
# A sign touches the number (or its currency): "-1.28%", "−3.2", "–5.4%" (an en dash as a
# minus), "+49,000"; with a space after it, a dash is a bullet or a range, not a sign.
_PREFIX = (
    rf"(?P<sign>[-−–+][\u00a0\u202f]?(?=[0-9.]|{_CURRENCY}))?"
    rf"(?:(?P<cur>{_CURRENCY})(?P<open>\((?=[0-9.]))?(?P<csign>[-−](?=[0-9]))?)?"
)
# Thousands groups of exactly three digits, separated by commas, points, or spaces (a space,
# a no-break space, a thin space); then decimals after a point or a comma.
_GROUPED = (
    r"[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:\.[0-9]{3}(?![0-9]))+(?:,[0-9]+)?"
    r"|[0-9]{1,3}(?:(?:[ \u00a0\u2009\u202f]|&thinsp;|&nbsp;|&#8201;|&#160;)[0-9]{3}(?![0-9]))+"
    r"(?:[.,][0-9]+)?"
)
_EXPONENT = (
    rf"(?:[eE](?P<e1>[-+−]?[0-9]{{1,3}})(?![0-9])"
    rf"|{_SP}*[x×·*]{_SP}*10(?:\^|\*\*|<sup>)(?P<e2>[-+−]?[0-9]{{1,3}})(?![0-9])(?:</sup>)?"
    rf"|{_SP}*[x×·]{_SP}*10(?P<e3>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})"
    rf"|(?<=10)(?P<e4>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})"
    # "10^-4" and "10<sup>-4</sup>": a power of ten written without a mantissa
    rf"|(?<=10)(?:\^|<sup>)(?P<e5>[-+−]?[0-9]{{1,3}})(?![0-9])(?:</sup>)?)"
)
_SUFFIX = _alts(_SUFFIXES)
_RATIO = _alts(lexicon.RATIO_WORDS)
# "5 in 10 years" is no ratio
# "hundreds of", "tens of thousands of": an open lower bound ("of" ends it, or a second word)
_BOUND_WORDS = _alts(lexicon.OPEN_BOUNDS)
_BOUND = (
    rf"(?P<bound>(?:{_BOUND_WORDS})(?:{_SEP}of{_SEP}(?:{_BOUND_WORDS})){{1,3}}\b"
    rf"|(?:{_BOUND_WORDS})(?={_SEP}of\b))(?:{_SEP}of\b)?"
)
_TIME_WORD = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
_PERCENT = rf"{_OSEP}%|{_SEP}per(?:{_SEP})?cent\b"
_OF_N = re.compile(rf"{_OSEP}\({_OSEP}[0-9]+(?:[.,][0-9]+)?{_OSEP}%")
# digits, with thousands groups and decimals; APA decimals ".03" (read case-insensitively);
# the groups are tried only where a mark and a digit, or an entity, follow the first digits
_DIGIT_FORMS = (
    rf"(?=[0-9]{{1,3}}(?:[,. \u00a0\u2009\u202f][0-9]|&[#a-z]))(?:{_GROUPED})"
    r"|[0-9]+(?:\.[0-9]+|,[0-9]{1,2}(?![0-9]|,[0-9]))?|\.[0-9]+"
)

_AMOUNT_BODY = (
    _PREFIX
    # a/b fractions: small numbers only, so dates (12/05/2020) and years (1944/45) are not read
    + rf"(?:(?P<ratio>(?P<rn>[0-9]{{1,3}}|{_RATIO})(?:{_SEP})in{_SEP}(?:every{_SEP})?"
    rf"(?P<rd>[0-9]{{1,3}}(?:,[0-9]{{3}})*|{_RATIO})\b(?![.,]?[0-9])(?!{_SEP}{_TIME_WORD}))"
    r"|(?P<frac>[0-9]{1,3}/(?!0+(?![0-9]))[0-9]{1,3})(?![0-9/]|\.[0-9])"
    # "2¼", "5½", "½": whole digits and a vulgar fraction character, then a scale word
    rf"|(?P<vulgar>[0-9]{{0,3}}[{_VULGAR}])(?:{_SEP}(?P<vscale>{_SCALE_WORDS})\b)?"
    # "three orders of magnitude": a multiple, 10 to that power
    rf"|(?P<oom>[0-9]{{1,2}}|{_alts(_ORDER_WORDS)}){_SEP}orders?{_SEP}of{_SEP}magnitude\b"
    # digits, with thousands groups and decimals; APA decimals ".03"
    rf"|(?P<dig>{_DIGIT_FORMS})"
    rf"(?P<exp>{_EXPONENT})?"
    rf"(?:(?P<ord>(?:st|nd|rd|th)\b)|(?P<suf>(?-i:{_SUFFIX}))(?![^\W_]|[0-9²³/])"
    rf"|(?:{_SEP}|-)(?P<scale>{_alts(_AFTER_DIGITS)})\b)?"  # "188.3-million tonnes" too
    rf"|(?P<mult>{_alts(lexicon.MULTIPLES)})\b"
    rf"|(?P<dozen>a{_SEP}dozen)\b"
    rf"|{_BOUND}"
    rf"|(?P<wfrac>(?:(?:a|one)(?:-|{_SEP}))?half\b"
    rf"|(?:{_NUMERATOR_WORDS})(?:-|{_SEP})(?:thirds?|quarters?)\b"
    # "a third" is a fraction in "a third of" or "a third and", not in "a third factor"
    rf"|a{_SEP}(?:third|quarter)\b(?!{_SEP}(?!{_AFTER_FRACTION}\b)[a-z])"
    rf"|(?:{_NUMERATOR_WORDS})-(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?\b)"
    rf"(?:{_SEP}(?:of{_SEP})?a{_SEP}(?P<fscale>{_SCALE_WORDS})\b)?"
    rf"|(?P<words>(?:{_alts(_NUMBER_WORDS)})\b"
    rf"|a{_SEP}(?:hundred|{_SCALE_WORDS})\b))"
    rf"(?P<pct>{_PERCENT})?"
    r"(?(open)\))"
)
_AMOUNT = re.compile(_AMOUNT_BODY, re.IGNORECASE)
_PERCENT_AFTER = re.compile(_PERCENT, re.IGNORECASE)
# a word of letters, with the case twins that case-blind patterns take for ASCII letters
_TOKEN = re.compile("[A-Za-z\u017f\u0131\u0130\u212a]+")
_SPACES = re.compile(r"\s*")


def _scanner(*, common: bool = True, opening: bool = True) -> re.Pattern[str]:
    """Finds amounts in prose: one character that is no ASCII letter or digit, then an amount.

    Without *common*, the full grammar reads every place (its groups 1 to 3 never match);
    without *opening*, no class of first characters comes before both: the tests hold that
    each finds the same amounts.

    The pattern opens with a character class and a cheap case-explicit test of the first word,
    so the regex engine skips most of the text in C before it tries the full amount grammar.
    Each branch of the test opens with one character, in either case, which the engine
    compares before it tries the branch; the rest of the word is a tree of the words' letters.
    """
    starts = [*_NUMBER_WORDS, "half", *lexicon.MULTIPLES, *lexicon.OPEN_BOUNDS]
    after_a = trie(["hundred", *_SCALES, "half", "third", "quarter", "dozen"])
    firsts = []
    for case in (str.lower, str.upper):
        for first, group in groupby(sorted(starts), key=lambda w: w[0]):
            firsts.append(rf"{case(first)}(?i:{trie(w[1:] for w in group)})\b")
        firsts.append(rf"{case('a')}{_SEP}(?i:{after_a})\b")
    gate = (
        rf"[0-9{_VULGAR}]|(?=[-−–+.{_CURRENCY_FIRSTS}])(?:[-−–+][\u00a0\u202f]?)?"
        rf"(?:(?:{_CURRENCY})\(?[-−]?)?\.?[0-9]|{'|'.join(firsts)}"
    )
    # The common forms come first: digits (group 1) alone, then a percent (group 2) or a scale
    # word (group 3) after them or nothing the grammar reads on with. The grammar reads each
    # the same, to the same end: after digits that open no fraction or ratio ("1/2", "1 in
    # 5"), no exponent, ordinal or suffix, it reads a percent, else a scale word and then a
    # percent. Nothing after bare digits may be what it reads on with (a letter: an exponent,
    # an ordinal, a suffix; "%", a slash: a fraction; an exponent's or a power's mark), nor,
    # after spaces, a word or mark that opens something it reads on with (a scale word, "per
    # cent", "in": a ratio, "x 10^3", "%"). Anywhere else, and wherever these tests fail, the
    # full grammar reads the place.
    words = [*_AFTER_DIGITS, "per", "in", "orders"]
    spaces = r"[ \t\u00a0\u2009\u202f\r\n]"
    marks = r"[\w%/^*<×·⁻⁺]"
    # what each of the three tests needs after the digits, tested once: mostly it is not there
    # ("6,818 tonnes"), and then only a character after the digits remains to be tested
    opens = rf"{spaces}*(?:[x×·*%]|{trie(words)})"
    common_forms = (
        rf"(?=[0-9])(?i:((?>{_DIGIT_FORMS}))(?:(?={opens})(?:({_PERCENT})"
        rf"|{_SEP}({_alts(_AFTER_DIGITS)})\b(?!{_PERCENT})"
        rf"|(?!{marks}|{spaces}+(?:[x×·*%]|{_alts(words)})))"
        rf"|(?!{opens})(?!{marks})(?!-(?:{_alts(_AFTER_DIGITS)})\b)))"
    )
    forms = common_forms if common else "(?!)()()()"
    # every character a match may open with, tested once: after most spaces and marks a word
    # follows that opens no amount, and the engine then goes on without trying either branch
    letters = {case(w[0]) for w in [*starts, "a"] for case in (str.lower, str.upper)}
    firsts_class = re.escape("".join(sorted({*letters, *"-−–+.", *_CURRENCY_FIRSTS_SET, *_VULGAR})))
    opens_with = rf"(?=[0-9{firsts_class}])" if opening else ""
    return re.compile(rf"[^0-9A-Za-z_]{opens_with}(?:{forms}|(?={gate})(?i:{_AMOUNT_BODY}))")


_SCAN = _scanner()


class _TooLarge(FigureError):
    """A number that no float can hold; find_amounts skips it, figures report it."""


@dataclass(frozen=True, slots=True)
class Style:
    """How a document writes numbers: which mark is the decimal one, and whether it is sure.

    ``decimal`` is "." ("1,234.5") or "," ("1.234,5"). ``mixed`` when the document writes
    both kinds: then a form that reads either way ("1,234", "1.234") is a guess.
    """

    decimal: str = "."
    mixed: bool = False


POINT = Style()
COMMA = Style(",")
# unambiguous forms of each style: "1,234,567", "1,234.5", "4.5"; "1.234.567", "1.234,5", "9,5"
_POINT_FORMS = re.compile(
    r"[0-9],[0-9]{3}(?:,[0-9]{3})*\.[0-9]|[0-9],[0-9]{3},[0-9]{3}(?![0-9])"
    r"|(?<![0-9.,])[0-9]+\.[0-9]{1,2}(?![0-9]|\.[0-9])"
)
# each opens with its mark, which the regex engine skips to as a literal (a class of the two
# marks is tested by a call for each character); the digit before is tested after. Neither
# form's match holds the other's mark, so searched apart they match where one alternation does.
_COMMA_FORMS = (
    re.compile(r",[0-9]{1,2}(?![0-9]|,[0-9])"),
    re.compile(r"\.[0-9]{3}\.[0-9]{3}(?![0-9])"),
)


def _commas(text: str) -> int:
    """How many unambiguous decimal-comma forms *text* writes ("9,5", "1.234,5", "1.234.567")."""
    return sum(
        1
        for forms in _COMMA_FORMS
        for m in forms.finditer(text)
        if text[m.start() - 1 : m.start()].isdigit()
    )


def detect_style(text: str) -> Style:
    """The number style *text* writes: decimal commas if it writes more of their unambiguous
    forms than of decimal points'; mixed when it writes both."""
    commas = _commas(text) if "," in text or "." in text else 0
    if not commas:
        return POINT
    points = sum(1 for _ in _POINT_FORMS.finditer(text))
    return Style("," if commas > points else ".", mixed=points > 0)


def read_amount(
    text: str, pos: int = 0, style: Style = POINT, *, prose: bool = False
) -> Amount | None:
    """The amount starting at ``text[pos:]`` after optional spaces, or None if there is none.

    A sign touching the number ("-", "−", an en dash, "+") is read, and a currency sign
    ("£5bn", "$(118,000,000)"). *prose*: read as in a document, where "227/8" is no fraction.
    Raises FigureError when the number is too large or too long to be read as a float.
    """
    spaces = _SPACES.match(text, pos)
    start = spaces.end() if spaces is not None else pos
    m = _AMOUNT.match(text, start)
    if m is None:
        return None
    return _build(text, m, start, style, prose)


def find_amounts(text: str, style: Style | None = None) -> list[Amount]:
    """Every amount mentioned in running prose, in order and not overlapping; the number
    style is the document's own unless *style* is given."""
    if style is None:
        style = detect_style(text)
    found: list[Amount] = []
    tables = "|" in text
    m = _AMOUNT.match(text)
    pos = _add(found, text, m, 0, style, tables) if m is not None else 0
    finditer = _SCAN.finditer
    read = _digit_reader(style)
    append, new = found.append, _new_amount
    # each match is read where the last ended, so the scan goes on from there; where an
    # amount is read to another end (or a match is inside a word), it starts again there
    restart: int | None = pos
    while restart is not None:
        for m in finditer(text, restart):
            start = m.start() + 1
            if text[start - 1].isalnum():  # a non-ASCII letter or digit: inside a word
                restart = start
                break
            if (sign := _lone_sign(text, start)) >= 0:  # "HK$5", "€ 5": see _unknown_currency
                try:
                    found_here = read_amount(text, start, style, prose=True)
                    amount = _unknown_currency(text, sign, found_here)
                except _TooLarge:
                    continue
                if amount is not None:
                    append(amount)
                    if amount.end != m.end():
                        restart = amount.end
                        break
                continue
            if (raw := m[1]) is not None:  # digits in a common form (see _scanner)
                end = m.end()
                try:
                    if (word := m[3]) is not None:  # a scale word after them
                        amount = _scaled(text, raw, word, start, end, style)
                    else:  # as _plain, in the loop: the commonest amount of all
                        value, mantissa, s, lnz, guess = read(raw)
                        amount = new(start, end, text[start:end], value, mantissa, 1.0, None,
                                     m[2] is not None, s, lnz, "digits", None, guess)  # fmt: skip
                except _TooLarge:
                    continue
                append(_in_table(text, amount) if tables else amount)
                continue
            if m.lastgroup == "dig" and m["sign"] is None and m["cur"] is None:
                # digits alone, as _build reads them, without its tests of every other form
                try:
                    amount = _plain(text, m["dig"], start, m.end(), False, read)
                except _TooLarge:
                    continue
                append(_in_table(text, amount) if tables else amount)
                continue
            if (end := _add(found, text, m, start, style, tables)) != m.end():
                restart = end
                break
        else:
            restart = None
    return found


# currency signs that are no letters: the grammar reads them only touching the number
_LONE_SIGNS = frozenset(sign for sign in _CURRENCIES if len(sign) == 1)
# letters an unread figure shows before its sign: "HK$", "NZ$", "R$", or a word ("Bonus$5")
_WORD_BEFORE_SIGN = 24
_SIGN_SPACES = " \u00a0\u202f"


def _lone_sign(text: str, start: int) -> int:
    """Where a currency sign that the grammar did not read is, just before the amount at
    *start* (after a space at most: "€ 5", "R$ 5"), if letters come right before it or a space
    after it; else -1. Costs a test or two for most amounts."""
    sign = start - 1
    if text[sign] in _LONE_SIGNS:
        return sign if sign > 0 and text[sign - 1].isalpha() else -1
    if text[sign] in _SIGN_SPACES and text[sign - 1 : sign] in _LONE_SIGNS:
        return sign - 1
    return -1


def _unknown_currency(text: str, sign: int, amount: Amount | None) -> Amount | None:
    """*amount* with the currency sign at *sign* (and the letters right before it): "€ 5" is
    5 EUR and "US$ 5" 5 USD; but "HK$5 million" names a currency (Hong Kong dollars) that
    neither the sign alone ("$", US dollars) nor a bare number reads, so such a figure is
    listed as unread rather than read as some other money or as none."""
    if amount is None or amount.currency is not None:
        return amount
    first = sign
    while first > 0 and sign - first < _WORD_BEFORE_SIGN and text[first - 1].isalpha():
        first -= 1
    prefix = lexicon.folded_sign(text[first : sign + 1])
    known = prefix in _CURRENCIES
    return dataclasses.replace(
        amount,
        start=first,
        text=text[first : amount.end],
        form=amount.form if known else "unread",
        currency=_CURRENCIES[prefix] if known else None,
    )


def unread_currency(written: str) -> str | None:
    """The letters and sign that open *written* ("HK$" of "HK$5 million"), when they are why
    the figure is unread (see _unknown_currency); else None."""
    for i, char in enumerate(written[: _WORD_BEFORE_SIGN + 1]):
        if char in _LONE_SIGNS:
            return written[: i + 1] if i and written[:i].isalpha() else None
    return None


def _plain(
    text: str,
    raw: str,
    start: int,
    end: int,
    percent: bool,
    read: Callable[[str], tuple[float, float, float, float, str]],
) -> Amount:
    """The amount of digits *raw* from *start* to *end*, a percent if *percent*, as _build
    reads them; raises _TooLarge as *read* does."""
    value, mantissa, s, lnz, guess = read(raw)
    return _new_amount(start, end, text[start:end], value, mantissa, 1.0, None, percent, s,
                       lnz, "digits", None, guess)  # fmt: skip


def _scaled(text: str, raw: str, word: str, start: int, end: int, style: Style) -> Amount:
    """The amount of digits *raw* and the scale *word* after them, as _build reads them."""
    whole, decimals, guess = _cached_split(raw, style)
    scale, scale_word = _scale_after_digits(word)
    value, mantissa, s, lnz = _cached_digits(whole, decimals, scale, 0)
    return _new_amount(start, end, text[start:end], value, mantissa, float(scale), scale_word,
                       False, s, lnz, "digits", None, guess)  # fmt: skip


def _scale_after_digits(word: str) -> tuple[int, str]:
    """The scale a word after digits writes, and the scale word it is shown by ("bn" is
    "billion")."""
    lower = folded(word)
    scale = _AFTER_DIGITS[lower]
    return scale, lower if lower in _SCALES else _SCALE_NAMES[scale]


def _add(
    found: list[Amount], text: str, m: re.Match[str], start: int, style: Style, tables: bool
) -> int:
    """Append the amount that *m* found at *start*; where to look for the next one."""
    try:
        amount = _build(text, m, start, style, True)
    except _TooLarge:
        return m.end()
    found.append(_in_table(text, amount) if tables else amount)
    return amount.end


_CELL_SPACE = " \t"


def _in_table(text: str, amount: Amount) -> Amount:
    """*amount* as a table cell writes it: "| (319) |" is negative (accounting brackets), and a
    cell holding only a currency sign gives the next cell's amount its currency ("| $ | 3 |")."""
    lo = amount.start
    hi = amount.end
    before = text.rfind("|", max(0, lo - 40), lo)
    if before < 0:
        return amount
    bracketed = text[lo - 1 : lo] == "(" and text[hi : hi + 1] == ")"
    if bracketed:
        lo, hi = lo - 1, hi + 1
    after = text.find("|", hi, hi + 40)
    if after < 0 or text[before + 1 : lo].strip(_CELL_SPACE):
        return amount
    if text[hi:after].strip(_CELL_SPACE):
        return amount
    changes: dict[str, object] = {}
    if bracketed and amount.value > 0:
        changes.update(start=lo, end=hi, text=text[lo:hi])
        changes.update(value=-amount.value, mantissa=-amount.mantissa)
    if amount.currency is None:
        cell_start = text.rfind("|", max(0, before - 12), before)
        sign = text[cell_start + 1 : before].strip(_CELL_SPACE) if cell_start >= 0 else ""
        if sign in _CURRENCIES:
            changes["currency"] = _CURRENCIES[sign]
    return dataclasses.replace(amount, **changes) if changes else amount  # type: ignore[arg-type]


_SIGN_OF = {code: sign for sign, code in sorted(_CURRENCIES.items(), key=lambda sc: -len(sc[0]))}


def plain(amount: Amount) -> str:
    """*amount* written so that read_amount reads it back the same in any document: a minus
    sign, the currency sign, a decimal point, the scale word ("-$319", "2509 billion")."""
    if amount.form != "digits":
        return amount.text
    step = amount.s / amount.scale
    places = max(0, round(-math.log10(step))) if 0 < step < 1 else 0
    sign = "-" if amount.value < 0 else ""
    currency = _SIGN_OF.get(amount.currency or "", "")
    text = f"{sign}{currency}{abs(amount.mantissa):.{places}f}"
    if amount.scale_word is not None:
        text += f" {amount.scale_word}"
    return text + ("%" if amount.percent else "")


def reads_back(text: str, amount: Amount) -> bool:
    """Whether *text* alone reads as *amount* (the same value, currency and percent)."""
    try:
        again = read_amount(text)
    except FigureError:
        return False
    return (
        again is not None
        and again.end == len(text)
        and (again.value, again.currency, again.percent, again.s)
        == (amount.value, amount.currency, amount.percent, amount.s)
    )


_GROUP_MARKS = (" ", "\u00a0", "\u2009", "\u202f", "&thinsp;", "&nbsp;", "&#8201;", "&#160;")


def _split(raw: str, style: Style) -> tuple[str, str, str]:
    """(whole digits, decimal digits, guess) of a digit string as *style* reads it; *guess*
    says why the reading is a guess, else it is ""."""
    if raw.isdigit():
        return raw, "", ""
    written = raw
    if not raw.isascii() or " " in raw or "&" in raw:  # spaces between thousands groups
        for space in _GROUP_MARKS:
            raw = raw.replace(space, "")
    comma, point = raw.rfind(","), raw.rfind(".")
    if comma < 0 and point < 0:
        return raw, "", ""
    if comma >= 0 and point >= 0:  # both: the last one is the decimal mark
        mark = "," if comma > point else "."
    else:
        mark = "," if comma >= 0 else "."
    groups = raw.split(mark)  # two or more: *raw* writes the mark
    grouped = len(groups[0]) <= 3 and (
        len(groups[1]) == 3 if len(groups) == 2 else all(len(g) == 3 for g in groups[1:])
    )
    guess = ""
    if (comma >= 0 and point >= 0) or not grouped or raw[0] in "0.":
        decimal = mark  # "1,234.5", "9,5", "0.125", ".03"
        one_mark = comma < 0 or point < 0
        if len(raw) < len(written) and one_mark and mark != style.decimal and len(groups[-1]) == 3:
            # "6 412,267" where "," is no decimal mark: another thousands group, written
            # with a second kind of mark, or two figures side by side in a table row
            guess = f'"{written}" could be read with "{mark}" as a thousands mark'
    elif len(groups) > 2:
        decimal = ""  # "1,234,567" or "1.234.567": thousands groups
    else:  # "1,234" or "1.234": the document's style decides
        decimal = mark if mark == style.decimal else ""
        if style.mixed:
            other = "thousands" if decimal else "decimal"
            guess = f'"{raw}" could be read with "{mark}" as a {other} mark'
    if not decimal:
        return raw.replace(",", "").replace(".", ""), "", guess
    whole, _, decimals = raw.rpartition(decimal)
    return whole.replace(",", "").replace(".", ""), decimals, guess


def _ratio_part(text: str) -> int:
    word = folded(text)
    return lexicon.RATIO_WORDS[word] if word in lexicon.RATIO_WORDS else int(text.replace(",", ""))


def _exponent(m: re.Match[str]) -> int | None:
    for group in ("e1", "e2", "e3", "e4", "e5"):
        if (e := m[group]) is not None:
            return int(e.translate(_FROM_SUPERSCRIPT).replace("−", "-"))
    return None


def _build(
    text: str, m: re.Match[str], start: int, style: Style = POINT, prose: bool = False
) -> Amount:
    """The Amount for a match of the amount grammar whose text starts at *start*; *prose*:
    the text is running prose (a document), not a figure as a claims file writes it."""
    if m.lastgroup == "dig" and m["sign"] is None and m["cur"] is None:
        # the common case, digits alone: no group after them matched, no sign before them
        value, mantissa, s, lnz, guess = _digit_reader(style)(m["dig"])
        end = m.end()
        written = text[start:end]
        return _new_amount(start, end, written, value, mantissa, 1.0, None, False, s, lnz,
                           "digits", None, guess)  # fmt: skip
    end = m.end()
    percent = m["pct"] is not None
    scale = 1
    scale_word: str | None = None
    form = "digits"
    guess = ""
    if m.lastgroup == "words":  # then no other form's group matched: read the words at once
        value, mantissa, s, lnz, end, percent, scale, scale_word = _in_words(text, m)
        form = "words"
    elif (raw := m["dig"]) is not None:
        whole, decimals, guess = _cached_split(raw, style)
        exponent = _exponent(m) if m["exp"] is not None else None
        bare = m["e4"] if m["e4"] is not None else m["e5"]  # a power of ten alone: "10⁶"
        if bare is not None and (whole, decimals) != ("10", ""):
            exponent = None  # "5²" is no power of ten
            end = m.end("dig")
            percent = False
        elif bare is not None:
            whole = "1"
        if m["ord"] is not None:
            form = "ordinal"
            end = m.end("ord")
            percent = False
        elif (suffix := m["suf"]) is not None:
            scale = _SUFFIXES[suffix]
            scale_word = _SCALE_NAMES[scale]
        elif (word := m["scale"]) is not None:
            scale, scale_word = _scale_after_digits(word)
        value, mantissa, s, lnz = _cached_digits(whole, decimals, scale, exponent or 0)
    elif (raw := m["frac"]) is not None and _OF_N.match(text, m.end("frac")) is not None:
        # "45/192 (23.4%)": 45 of 192, a count, and its share after it
        num = raw.partition("/")[0]
        value, mantissa, s, lnz = _digits(num, "", 1)
        end = m.end("frac")
        percent = False
    elif (raw := m["oom"]) is not None:
        power = int(raw) if raw.isdigit() else lexicon.ORDER_WORDS[folded(raw)]
        value = mantissa = float(10**power)
        s = lnz = 0.0
        form = "multiple"
        percent = False
    elif (raw := m["vulgar"]) is not None:
        numerator, denominator = lexicon.VULGAR_FRACTIONS[raw[-1]]
        whole_part = int(raw[:-1] or 0)
        value = mantissa = whole_part + numerator / denominator
        s = lnz = 1 / denominator  # written to the nearest quarter, half ...
        form = "digits" if whole_part else "fraction"
        if (word := m["vscale"]) is not None:  # "2½ million"
            scale_word = folded(word)
            scale = _SCALES[scale_word]
            value, s, lnz = mantissa * scale, s * scale, lnz * scale
    elif (raw := m["frac"]) is not None and prose and _improper(raw):
        # in prose "227/8" (a cricket score), "24/7", "50/50" are no share but two figures
        # by a slash, as "5 in 4" is no ratio; the first is read here, the second after it.
        # A value that writes "9/2" means the fraction.
        num = raw.partition("/")[0]
        value, mantissa, s, lnz = _digits(num, "", 1)
        end = m.start("frac") + len(num)
        percent = False
    elif (raw := m["frac"]) is not None:
        num, _, den = raw.partition("/")
        value = mantissa = int(num) / int(den)
        s = lnz = 0.0
        form = "fraction"
    elif m["ratio"] is not None:
        numerator, denominator = _ratio_part(m["rn"]), _ratio_part(m["rd"])
        if not 0 < numerator <= denominator:
            value, mantissa, s, lnz = _digits(str(numerator), "", 1)
            end = m.end("rn")
            percent = False
        else:
            value = mantissa = numerator / denominator
            s = lnz = 0.0
            form = "fraction"
    elif (raw := m["mult"]) is not None:
        value = mantissa = lexicon.MULTIPLES[folded(raw)]
        s = lnz = 0.0
        form = "multiple"
        percent = False
        end = m.end("mult")
    elif m["dozen"] is not None:
        value = mantissa = s = lnz = 12.0
        form = "words"
    elif (raw := m["bound"]) is not None:
        words = [w for w in _TOKEN.findall(folded(raw)) if w != "of"]
        value = float(math.prod(lexicon.OPEN_BOUNDS[w] for w in words))
        mantissa = s = lnz = value
        form = "bound"
    elif (raw := m["wfrac"]) is not None:
        tokens = _TOKEN.findall(folded(raw))
        numerator = _NUMERATORS[tokens[0]] if len(tokens) == 2 else 1
        denominator = _DENOMINATORS[tokens[-1].removesuffix("s")]
        value = mantissa = numerator / denominator
        s = lnz = 0.0
        form = "fraction"
        if len(tokens) == 2 and (
            numerator >= denominator or _periods(text, start, m.end("wfrac"), tokens[-1])
        ):
            # "four quarters", "in the two quarters to June": a count of periods, no share
            first = _TOKEN.match(raw)
            assert first is not None  # the first token of *raw*, as found above
            end = m.start("wfrac") + first.end()
            value = mantissa = s = lnz = float(numerator)
            form, percent = "words", False
        elif (word := m["fscale"]) is not None:  # "half a million", "a quarter of a million"
            scale_word = folded(word)
            scale = _SCALES[scale_word]
            value = s = lnz = mantissa * scale
            form = "words"
    else:
        value, mantissa, s, lnz, end, percent, scale, scale_word = _in_words(text, m)
        form = "words"
    negative = (m["sign"] or "+")[0] in "-−–" or m["csign"] is not None or m["open"] is not None
    if negative and value:
        value, mantissa = -value, -mantissa
    currency = _CURRENCIES[folded_sign(m["cur"])] if m["cur"] is not None else None
    if m["open"] is not None and end < m.end():
        currency = None  # "$(5" read only in part: no bracket closes it
    return _new_amount(start, end, text[start:end], value, mantissa, float(scale), scale_word,
                       percent, s, lnz, form, currency, guess)  # fmt: skip


def _improper(raw: str) -> bool:
    """Whether the slash fraction *raw* is no share: its numerator at least its denominator."""
    num, _, den = raw.partition("/")
    return int(num) >= int(den)


# what comes before "two quarters" that are periods of a year: "the", "last", "in" ...
_PERIODS_BEFORE = re.compile(
    r"(?<![a-z])(?:the|last|past|next|first|previous|recent|these|those|its|their|our|all"
    r"|both|in|for|during|within|after)[ \t\u00a0]+$",
    re.IGNORECASE,
)
_OF_AFTER = re.compile(rf"{_SEP}of\b", re.IGNORECASE)


def _periods(text: str, start: int, end: int, word: str) -> bool:
    """Whether "N quarters" from *start* to *end* counts quarters of a year: after a word
    such as "the" or "in", and not before "of" ("three quarters of the vote" is a share)."""
    return (
        word == "quarters"
        and _PERIODS_BEFORE.search(text, max(0, start - 16), start) is not None
        and _OF_AFTER.match(text, end) is None
    )


def _in_words(
    text: str, m: re.Match[str]
) -> tuple[float, float, float, float, int, bool, int, str | None]:
    """value, mantissa, s, l, end, percent, scale and scale word of the number in words that
    the amount *m* found."""
    spans = _word_run(text, m)
    total, used, scale = _words([word for word, _ in spans])
    # where the number ends: the run may go on past it ("ten and twelve")
    end = spans[used - 1][1]
    pm = _PERCENT_AFTER.match(text, end)
    percent = pm is not None
    end = end if pm is None else pm.end()
    scale_word = spans[used - 1][0] if scale > 1 else None
    s = float(scale)
    lnz = float(_last_nonzero_place(total // scale) * scale) if total else s
    return float(total), float(total // scale), s, lnz, end, percent, scale, scale_word


# number words folded once each: a document writes the same few again and again
_fold_word = functools.lru_cache(maxsize=1024)(folded)


def _word_run(text: str, m: re.Match[str]) -> list[tuple[str, int]]:
    """The number words from the amount *m* found on, each with where it ends: the first (or
    "a hundred"), then each word that may follow the one before, up to _MAX_RUN more.

    A word that may not follow ("one" after "one") ends the run where the regex's run of any
    number words went on: _words reads neither that word nor any after it, so the amount is
    the same, and each start of a run is read in a step or two, not in _MAX_RUN."""
    found = _TOKEN.finditer(text, m.start("words"), m.end("words"))
    spans = [(_fold_word(t.group()), t.end()) for t in found]
    kind = _KIND.get(spans[-1][0])
    pos = m.end("words")
    for _ in range(_MAX_RUN):
        step = _STEP.match(text, pos)
        if step is None:
            break
        word = _fold_word(step[1])
        after = _KIND.get(word)
        if kind is not None and after is not None and after not in _FOLLOWS[kind]:
            break
        spans.append((word, step.end()))
        kind, pos = after, step.end()
    return spans


@functools.lru_cache(maxsize=8192)
def _cached_split(raw: str, style: Style) -> tuple[str, str, str]:
    return _split(raw, style)  # documents repeat their numbers: each is split once


@functools.lru_cache(maxsize=16)
def _digit_reader(style: Style) -> Callable[[str], tuple[float, float, float, float, str]]:
    """value, mantissa, s, l and guess of digits written alone, in *style*, each string read
    once (a style's hash is computed in Python: the cache for each style is keyed by the
    string alone)."""

    @functools.lru_cache(maxsize=16384)
    def read(raw: str) -> tuple[float, float, float, float, str]:
        # _split and _digits (no scale, no exponent) in one step: most strings are read once
        if raw.isdigit():
            whole, decimals, guess = raw, "", ""
        else:
            whole, decimals, guess = _split(raw, style)
        whole = whole.lstrip("0") or "0"
        _within_caps(whole, decimals)
        digits = int(whole + decimals)
        down = _POWERS[len(decimals)]
        try:
            mantissa = digits / down
        except OverflowError:
            raise _TooLarge("the number is too large") from None
        if decimals or not digits:
            s = 1 / down
            return mantissa, mantissa, s, s, guess
        zeros = len(whole) - len(whole.rstrip("0"))
        return mantissa, mantissa, 1.0, float(_POWERS[zeros]), guess

    return read


def _within_caps(whole: str, decimals: str) -> None:
    """Refuse a digit string no float can hold, before any arithmetic on it."""
    if len(whole) > _MAX_DIGITS:
        raise _TooLarge("the number is too large")
    if len(decimals) > _MAX_DIGITS:
        raise _TooLarge("the number has too many decimal places")


@functools.lru_cache(maxsize=8192)
def _cached_digits(
    whole: str, decimals: str, scale: int, exponent: int
) -> tuple[float, float, float, float]:
    return _digits(whole, decimals, scale, exponent)


def _digits(
    whole: str, decimals: str, scale: int, exponent: int = 0
) -> tuple[float, float, float, float]:
    """value, mantissa, s and l of a digit string times 10**exponent; exact integer
    arithmetic, rounded once."""
    whole = whole.lstrip("0") or "0"
    _within_caps(whole, decimals)
    digits = int(whole + decimals)
    if not exponent:  # the common case, in fewer steps to the same values
        places = len(decimals)
        down = _POWERS[places] if places < len(_POWERS) else 10**places
        try:
            mantissa = digits / down
            value = mantissa if scale == 1 else digits * scale / down
            s = scale / down
        except OverflowError:
            raise _TooLarge("the number is too large") from None
        if decimals or not digits:
            return value, mantissa, s, s
        zeros = len(whole) - len(whole.rstrip("0"))  # the place of the last nonzero digit
        return value, mantissa, s, float(_POWERS[zeros] * scale)
    up, down = 10 ** max(exponent, 0), 10 ** (len(decimals) + max(-exponent, 0))
    try:
        value = digits * scale * up / down  # int / int is correctly rounded, and raises on overflow
        mantissa = digits * up / down
        s = scale * up / down
    except OverflowError:
        raise _TooLarge("the number is too large") from None
    if decimals or not digits or exponent < 0:
        return value, mantissa, s, s
    return value, mantissa, s, float(_last_nonzero_place(digits) * scale * up)


_POWERS = tuple(10**k for k in range(_MAX_DIGITS + 1))


def _last_nonzero_place(n: int) -> int:
    """The place value of the last nonzero digit of the positive integer *n*."""
    place = 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return place


def _words(tokens: list[str]) -> tuple[int, int, int]:
    """(value, tokens used, trailing scale) of the longest number written at the start."""
    if tokens[0] == "zero":
        return 0, 1, 1
    if tokens[0] == "a" and tokens[1:2] and tokens[1] in _SCALES:
        group: tuple[int, int] | None = (1, 1)
    else:
        group = _below_thousand(tokens, 0)
    assert group is not None  # the regex only matches a run that starts with a number
    value, j = group
    total, used, scale = 0, 0, 1
    while True:
        word = tokens[j] if j < len(tokens) else ""
        if word in _SCALES and _SCALES[word] < (scale if used else 10**15):
            scale = _SCALES[word]
            total += value * scale
            used = j + 1
            k = used + 1 if tokens[used : used + 1] == ["and"] else used
            group = _below_thousand(tokens, k)
            if group is None:
                return total, used, scale
            value, j = group
        elif not used:
            return value, j, 1
        elif word in _SCALES:
            # "three million and two million": the second number is a separate amount
            return total, used, scale
        else:
            return total + value, j, 1


def _below_thousand(tokens: list[str], i: int) -> tuple[int, int] | None:
    """(value, next index) of a number below a thousand ("a hundred" only at the start)."""
    if tokens[i : i + 2] == ["a", "hundred"] and i == 0:
        value, j = 1, 1
    else:
        part = _below_hundred(tokens, i)
        if part is None:
            return None
        value, j = part
        if tokens[j : j + 1] != ["hundred"]:
            return value, j
    value, j = value * 100, j + 1
    k = j + 1 if tokens[j : j + 1] == ["and"] else j
    rest = _below_hundred(tokens, k)
    # "one hundred and two hundred": "two" starts the next amount, not this one
    if rest is None or tokens[rest[1] : rest[1] + 1] == ["hundred"]:
        return value, j
    return value + rest[0], rest[1]


def _below_hundred(tokens: list[str], i: int) -> tuple[int, int] | None:
    """(value, next index) of a number below a hundred ("thirty-two", "twelve", "six")."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word in _TENS:
        if i + 1 < len(tokens) and tokens[i + 1] in _UNITS:
            return _TENS[word] + _UNITS[tokens[i + 1]], i + 2
        return _TENS[word], i + 1
    if word in _SMALL:
        return _SMALL[word], i + 1
    return None
