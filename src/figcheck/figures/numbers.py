"""The one number reader: amounts in digits, number words and fractions, in figures and prose."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from figcheck.errors import FigureError
from figcheck.figures import lexicon


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
    form: str  # "digits" | "words" | "fraction" | "ordinal"


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
# a bounded run keeps prose such as "one one one ..." linear to scan
_MAX_RUN = 40
_RUN = rf"(?:(?:{_SEP}|-)(?:{_LEX})\b){{0,{_MAX_RUN}}}"
_NUMERATOR_WORDS = _alts([*_UNITS, "ten"])
_SCALE_WORDS = _alts(list(_SCALES))
# words that may follow a fraction such as "a third" (a noun after it makes it an ordinal)
_AFTER_FRACTION = "of|and|or|to|than|more|less|in|per|percent"

_AMOUNT_BODY = (
    # a/b fractions: small numbers only, so dates (12/05/2020) and years (1944/45) are not read
    r"(?:(?P<frac>[0-9]{1,3}/(?!0+(?![0-9]))[0-9]{1,3})(?![0-9/]|\.[0-9])"
    # digits, with thousands commas in groups of exactly three, and decimals
    r"|(?P<dig>[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    rf"(?:(?P<ord>(?:st|nd|rd|th)\b)|{_SEP}(?P<scale>{_SCALE_WORDS})\b)?"
    rf"|(?P<wfrac>(?:(?:a|one)(?:-|{_SEP}))?half\b"
    rf"|(?:{_NUMERATOR_WORDS})(?:-|{_SEP})(?:thirds?|quarters?)\b"
    # "a third" is a fraction in "a third of" or "a third and", not in "a third factor"
    rf"|a{_SEP}(?:third|quarter)\b(?!{_SEP}(?!{_AFTER_FRACTION}\b)[a-z])"
    rf"|(?:{_NUMERATOR_WORDS})-(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?\b)"
    rf"|(?P<words>(?:{_alts(_NUMBER_WORDS)})\b{_RUN}"
    rf"|a{_SEP}(?:hundred|{_SCALE_WORDS})\b{_RUN}))"
    rf"(?P<pct>{_OSEP}%|{_SEP}per(?:{_SEP})?cent\b)?"
)
_AMOUNT = re.compile(_AMOUNT_BODY, re.IGNORECASE)
_PERCENT_AFTER = re.compile(rf"{_OSEP}%|{_SEP}per(?:{_SEP})?cent\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+")
_SPACES = re.compile(r"\s*")


def _scanner() -> re.Pattern[str]:
    """Finds amounts in prose: one character that is no ASCII letter or digit, then an amount.

    The pattern opens with a character class and a cheap case-explicit test of the first word,
    so the regex engine skips most of the text in C before it tries the full amount grammar.
    """
    firsts = []
    for first, group in groupby(sorted([*_NUMBER_WORDS, "half"]), key=lambda w: w[0]):
        rests = _alts([w[1:] for w in group])
        firsts.append(rf"[{first}{first.upper()}](?i:{rests})\b")
    after_a = _alts(["hundred", *_SCALES, "half", "third", "quarter"])
    gate = rf"[0-9]|{'|'.join(firsts)}|[aA]{_SEP}(?i:{after_a})\b"
    return re.compile(rf"[^0-9A-Za-z_](?={gate})(?i:{_AMOUNT_BODY})")


_SCAN = _scanner()


class _TooLarge(FigureError):
    """A number that no float can hold; find_amounts skips it, figures report it."""


def read_amount(text: str, pos: int = 0) -> Amount | None:
    """The amount starting at ``text[pos:]`` after optional spaces, or None if there is none.

    A leading minus sign ("-" or "−") is allowed, for claim figures such as "-3 percent".
    Raises FigureError when the number is too large or too long to be read as a float.
    """
    spaces = _SPACES.match(text, pos)
    start = spaces.end() if spaces is not None else pos
    negative = text.startswith(("-", "−"), start)
    m = _AMOUNT.match(text, start + 1 if negative else start)
    if m is None:
        return None
    return _build(text, m, start, negative)


def find_amounts(text: str) -> list[Amount]:
    """Every amount mentioned in running prose, in order and not overlapping (no minus signs)."""
    found: list[Amount] = []
    m = _AMOUNT.match(text)
    pos = _add(found, text, m, 0) if m is not None else 0
    search = _SCAN.search
    while (m := search(text, pos)) is not None:
        start = m.start() + 1
        if text[start - 1].isalnum():  # a non-ASCII letter or digit: inside a word
            pos = start
            continue
        pos = _add(found, text, m, start)
    return found


def _add(found: list[Amount], text: str, m: re.Match[str], start: int) -> int:
    """Append the amount that *m* found at *start*; where to look for the next one."""
    try:
        amount = _build(text, m, start, negative=False)
    except _TooLarge:
        return m.end()
    found.append(amount)
    return amount.end


def _build(text: str, m: re.Match[str], start: int, negative: bool) -> Amount:
    """The Amount for a match of the amount grammar whose number starts at *start*.

    *start* is where the amount's text starts: at a minus sign if *negative*, else at the number.
    """
    end = m.end()
    percent = m["pct"] is not None
    scale = 1
    scale_word: str | None = None
    form = "digits"
    if (raw := m["dig"]) is not None:
        whole, _, decimals = raw.replace(",", "").partition(".")
        if m["ord"] is not None:
            form = "ordinal"
            end = m.end("ord")
            percent = False
        elif (word := m["scale"]) is not None:
            scale_word = word.lower()
            scale = _SCALES[scale_word]
        value, mantissa, s, lnz = _digits(whole, decimals, scale)
    elif (raw := m["frac"]) is not None:
        num, _, den = raw.partition("/")
        value = mantissa = int(num) / int(den)
        s = lnz = 0.0
        form = "fraction"
    elif (raw := m["wfrac"]) is not None:
        tokens = _TOKEN.findall(raw.lower())
        numerator = _NUMERATORS[tokens[0]] if len(tokens) == 2 else 1
        value = mantissa = numerator / _DENOMINATORS[tokens[-1].removesuffix("s")]
        s = lnz = 0.0
        form = "fraction"
    else:
        run = _TOKEN.finditer(text, m.start("words"), m.end("words"))
        spans = [(t.group().lower(), t.end()) for t in run]
        total, used, scale = _words([word for word, _ in spans])
        if used < len(spans):  # the run went on past the number ("ten and twelve")
            end = spans[used - 1][1]
            pm = _PERCENT_AFTER.match(text, end)
            percent = pm is not None
            end = end if pm is None else pm.end()
        if scale > 1:
            scale_word = spans[used - 1][0]
        value, mantissa = float(total), float(total // scale)
        s = float(scale)
        lnz = float(_last_nonzero_place(total // scale) * scale) if total else s
        form = "words"
    if negative and value:
        value, mantissa = -value, -mantissa
    return Amount(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        mantissa=mantissa,
        scale=float(scale),
        scale_word=scale_word,
        percent=percent,
        s=s,
        l=lnz,
        form=form,
    )


def _digits(whole: str, decimals: str, scale: int) -> tuple[float, float, float, float]:
    """value, mantissa, s and l of a digit string; exact integer arithmetic, rounded once."""
    whole = whole.lstrip("0") or "0"
    if len(whole) > _MAX_DIGITS:
        raise _TooLarge("the number is too large")
    if len(decimals) > _MAX_DIGITS:
        raise _TooLarge("the number has too many decimal places")
    digits = int(whole + decimals)
    unit = 10 ** len(decimals)
    try:
        value = digits * scale / unit  # int / int is correctly rounded, and raises on overflow
        mantissa = digits / unit
    except OverflowError:
        raise _TooLarge("the number is too large") from None
    s = scale / unit
    if decimals or not digits:
        return value, mantissa, s, s
    return value, mantissa, s, float(_last_nonzero_place(digits) * scale)


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
