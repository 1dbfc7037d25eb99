"""The figure grammar: an optional qualifier, one amount (or two, for "between") and unit text."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TypeAlias

from figcheck.errors import FigureError
from figcheck.figures.lexicon import folded
from figcheck.figures.numbers import Amount, read_amount
from figcheck.records import quick_init
from figcheck.text import in_message


class Qualifier(Enum):
    """How a figure relates to its amount; values are the canonical names used in JSON/docs."""

    PLAIN = "plain"
    ABOUT = "about"
    NEARLY = "nearly"
    JUST_OVER = "just over"
    AT_LEAST = "at least"
    OVER = "over"
    AT_MOST = "at most"
    UNDER = "under"
    BETWEEN = "between"
    EXACTLY = "exactly"


@quick_init
@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as a claims file or a document writes it."""

    text: str  # as written (stripped)
    qualifier: Qualifier
    qualifier_text: str  # as written, "" for plain
    amount: Amount  # the amount (the lower one for BETWEEN)
    upper: Amount | None  # the upper amount for BETWEEN, else None
    unit: str  # the unit text after the amount, stripped, "" if none
    percent: bool


# The one qualifier table, for figures and for prose; phrases are matched case-insensitively.
QUALIFIER_PHRASES: tuple[tuple[str, Qualifier], ...] = (
    ("at least", Qualifier.AT_LEAST),
    ("not less than", Qualifier.AT_LEAST),
    ("no less than", Qualifier.AT_LEAST),
    ("not fewer than", Qualifier.AT_LEAST),
    ("no fewer than", Qualifier.AT_LEAST),
    ("a minimum of", Qualifier.AT_LEAST),
    (">=", Qualifier.AT_LEAST),
    ("≥", Qualifier.AT_LEAST),
    ("over", Qualifier.OVER),
    ("more than", Qualifier.OVER),
    ("above", Qualifier.OVER),
    ("greater than", Qualifier.OVER),
    ("in excess of", Qualifier.OVER),
    (">", Qualifier.OVER),
    ("at most", Qualifier.AT_MOST),
    ("not more than", Qualifier.AT_MOST),
    ("no more than", Qualifier.AT_MOST),
    ("up to", Qualifier.AT_MOST),
    ("a maximum of", Qualifier.AT_MOST),
    ("<=", Qualifier.AT_MOST),
    ("≤", Qualifier.AT_MOST),
    ("under", Qualifier.UNDER),
    ("less than", Qualifier.UNDER),
    ("fewer than", Qualifier.UNDER),
    ("below", Qualifier.UNDER),
    ("<", Qualifier.UNDER),
    ("about", Qualifier.ABOUT),
    ("around", Qualifier.ABOUT),
    ("approximately", Qualifier.ABOUT),
    ("roughly", Qualifier.ABOUT),
    ("some", Qualifier.ABOUT),
    ("circa", Qualifier.ABOUT),
    ("~", Qualifier.ABOUT),
    ("≈", Qualifier.ABOUT),
    ("nearly", Qualifier.NEARLY),
    ("almost", Qualifier.NEARLY),
    ("just under", Qualifier.NEARLY),
    ("just over", Qualifier.JUST_OVER),
    ("exactly", Qualifier.EXACTLY),
    ("between", Qualifier.BETWEEN),
    ("close to", Qualifier.NEARLY),
    ("exceeds", Qualifier.OVER),
    ("an estimated", Qualifier.ABOUT),
    # German
    ("rund", Qualifier.ABOUT),
    ("etwa", Qualifier.ABOUT),
    ("ungefähr", Qualifier.ABOUT),
    ("fast", Qualifier.NEARLY),
    ("knapp", Qualifier.NEARLY),
    ("mehr als", Qualifier.OVER),
    ("über", Qualifier.OVER),
    ("mindestens", Qualifier.AT_LEAST),
    ("bis zu", Qualifier.AT_MOST),
    ("höchstens", Qualifier.AT_MOST),
    ("weniger als", Qualifier.UNDER),
    # French
    ("environ", Qualifier.ABOUT),
    ("de l'ordre de", Qualifier.ABOUT),
    ("de l’ordre de", Qualifier.ABOUT),
    ("près de", Qualifier.NEARLY),
    ("presque", Qualifier.NEARLY),
    ("plus de", Qualifier.OVER),
    ("au moins", Qualifier.AT_LEAST),
    ("jusqu'à", Qualifier.AT_MOST),
    ("jusqu’à", Qualifier.AT_MOST),
    ("moins de", Qualifier.UNDER),
)
_BY_PHRASE = dict(QUALIFIER_PHRASES)
# builds the error for the figure being read, from the reason alone
_Fail: TypeAlias = Callable[[str], FigureError]


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: any spaces between its words, whole words only."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if phrase[0].isalpha():
        body = r"\b" + body
    if phrase[-1].isalpha():
        body += r"\b"
    return body


# Longest first, so "not less than" wins over "less than" and "just over" over "over".
_QUALIFIERS = "|".join(
    _phrase_pattern(phrase)
    for phrase, _ in sorted(QUALIFIER_PHRASES, key=lambda pq: (-len(pq[0]), pq[0]))
)
_QUALIFIER_AT_START = re.compile(rf"(?P<q>{_QUALIFIERS})\s*", re.IGNORECASE)


def _first_cases(char: str) -> str:
    """A character class of the characters that *char* matches when case is ignored."""
    candidates = {char, char.lower(), char.upper(), char.title(), *"\u212a\u017f\u0130\u0131"}
    matching = (c for c in candidates if re.fullmatch(re.escape(char), c, re.IGNORECASE))
    return "[" + "".join(re.escape(c) for c in sorted(matching)) + "]"


def _qualifiers_at_end() -> re.Pattern[str]:
    """The qualifier phrases just before the end, grouped by their first character.

    The same matches as one alternation of _phrase_pattern's, longest first: only one phrase
    can match from a place to the end (none is another with its case or spaces changed), so
    their order does not matter. A phrase that opens with a letter opens at a word's start
    and the rest with their sign, so the search tries phrases only at those places; there the
    regex engine compares the first character, in either case, with each group's before it
    tries the group."""
    groups: dict[str, list[str]] = {}
    for phrase, _ in QUALIFIER_PHRASES:
        words = phrase.split()
        rest = re.escape(words[0][1:]) + "".join(rf"\s+{re.escape(w)}" for w in words[1:])
        groups.setdefault(phrase[0], []).append(rest + (r"\b" if phrase[-1].isalpha() else ""))
    signs = "".join(sorted(re.escape(first) for first in groups if not first.isalpha()))
    alternatives = "|".join(
        f"(?-i:{_first_cases(first)})(?:{'|'.join(sorted(rests, key=lambda r: (-len(r), r)))})"
        for first, rests in sorted(groups.items())
    )
    return re.compile(rf"(?:(?<!\w)(?=\w)|(?=[{signs}]))(?P<q>{alternatives})\s*\Z", re.IGNORECASE)


_QUALIFIER_AT_END = _qualifiers_at_end()
_AND = re.compile(r"\s*\band\b\s*", re.IGNORECASE)
_EXPONENT = re.compile(r"[eE][+-]?[0-9]")
_EXPECTED = 'expected a number such as "22 million", "about half" or "over 50 percent"'
_UNIT_MARKS = frozenset(" /*^()-._°²³")
_RATE = re.compile(r"\bper\s+(?:1,?000|100,?000)\s*\Z", re.IGNORECASE)
_COMPARED = re.compile(
    r"(?P<unit>times|fold)\s+(?:more|higher|larger|greater|as\s+(?:much|many|large|high))",
    re.IGNORECASE,
)
_RANGE = re.compile(r"[-–—]\s*[0-9]")  # "5-10 people" is a range, not 5 "-10 people"
# the longest qualifier phrase, with room for extra spaces between its words
_LOOKBACK = 2 * max(len(phrase) for phrase, _ in QUALIFIER_PHRASES)


def _canonical(written: str) -> Qualifier:
    return _BY_PHRASE[" ".join(folded(written).split())]


def qualifier_before(text: str, end: int) -> tuple[Qualifier, int] | None:
    """The qualifier written just before ``text[end]`` (spaces allowed between), and its start."""
    m = _QUALIFIER_AT_END.search(text, max(0, end - _LOOKBACK), end)
    if m is None:
        return None
    return _canonical(m["q"]), m.start()


@functools.lru_cache(maxsize=65536)
def parse_figure(text: str) -> Figure:
    """Read a figure such as "about 22 million people"; raises FigureError if it cannot."""
    written = text.strip()
    if not written:
        raise FigureError('cannot read figure "": it is empty')
    shown = in_message(written)

    def fail(reason: str) -> FigureError:
        return FigureError(f'cannot read figure "{shown}": {reason}')

    def amount_at(pos: int) -> Amount | None:
        try:
            amount = read_amount(written, pos)
        except FigureError as error:
            raise fail(error.message) from None
        if amount is None:
            return None
        if amount.form == "ordinal":
            raise fail(f'"{amount.text}" is an ordinal, not an amount')
        if amount.form == "digits" and _EXPONENT.match(written, amount.end):
            raise fail(_EXPECTED)  # exponent notation ("1e400") is not in the grammar
        return amount

    qualifier, qualifier_text, pos = Qualifier.PLAIN, "", 0
    if (q := _QUALIFIER_AT_START.match(written)) is not None:
        qualifier, qualifier_text, pos = _canonical(q["q"]), q["q"], q.end()
    amount = amount_at(pos)
    if amount is None:
        raise fail(f'expected a number after "{qualifier_text}"' if qualifier_text else _EXPECTED)
    if amount.form == "bound":  # "hundreds of": over 100, open above
        if qualifier is not Qualifier.PLAIN:
            raise fail(f'"{amount.text}" is an open bound already: drop "{qualifier_text}"')
        qualifier = Qualifier.OVER
    upper = None
    last = amount
    if qualifier is Qualifier.BETWEEN:
        joint = _AND.match(written, amount.end)
        if joint is None:
            raise fail(f'expected "and" after "{amount.text}"')
        upper = amount_at(joint.end())
        if upper is None:
            raise fail('expected a second amount after "and"')
        amount, upper = _share(amount, upper, fail)
        if amount.percent != upper.percent:
            raise fail("both amounts must be percentages, or neither")
        if amount.value > upper.value:
            raise fail(f"the lower bound {amount.text} is above the upper bound {upper.text}")
        last = upper
    unit = written[last.end :].strip()
    if unit[:1] == "-" and unit[1:2].isalpha():
        unit = unit[1:]  # "2.5-fold", "a 5-year plan"
    if unit in ("x", "×"):
        unit = "times"  # "4x": a multiple
    elif (multiple := _COMPARED.fullmatch(unit)) is not None:
        unit = multiple["unit"]  # "three times more", "8 times higher": three times, as init reads
    if unit:
        _check_unit(unit, last, fail)
    currency = amount.currency or last.currency
    if currency is not None:
        if last.currency not in (None, currency) or amount.currency not in (None, currency):
            raise fail("both amounts must be in the same currency")
        unit = f"{currency} {unit}" if unit else currency  # "£5bn a year": "GBP a year"
    return Figure(
        text=written,
        qualifier=qualifier,
        qualifier_text=qualifier_text,
        amount=amount,
        upper=upper,
        unit=unit,
        percent=amount.percent,
    )


def _check_unit(unit: str, amount: Amount, fail: _Fail) -> None:
    """Unit text is letters, spaces and the marks of unit expressions ("tonne / person", "m^2")."""
    if amount.percent:
        raise fail(f'unexpected "{unit}" after the percentage')
    if _RANGE.match(unit):
        raise fail(f'unexpected "{unit}" after the amount; write a range as "between X and Y"')
    rate = _RATE.search(unit)  # "per 1000": the one number a unit may hold
    if rate is not None:
        unit = unit[: rate.start()] + " per"
    for i, ch in enumerate(unit):
        if ch.isalpha() or ch in _UNIT_MARKS or ("0" <= ch <= "9" and _digit_allowed(unit, i)):
            continue
        bad = unit[i:]
        raise fail(
            f'unexpected "{bad}" after the unit' if i else f'unexpected "{bad}" after the amount'
        )


def _digit_allowed(unit: str, i: int) -> bool:
    """A digit in unit text follows a letter ("CO2"), a digit, "_", or an exponent ("m^-2")."""
    before = unit[i - 1 : i]
    if before == "-":
        return unit[i - 2 : i - 1] in ("^", "*")
    return before != "" and (before.isalpha() or before in "0123456789^*_")


_SCALABLE = frozenset({"digits", "words"})


def _share(lower: Amount, upper: Amount, fail: _Fail) -> tuple[Amount, Amount]:
    """In "between 10 and 12 million" an amount with no scale word or percent takes the other's."""
    if lower.form in _SCALABLE and upper.form in _SCALABLE:
        if lower.scale_word is None and upper.scale_word is not None:
            lower = _rescale(lower, upper, fail)
        elif upper.scale_word is None and lower.scale_word is not None:
            upper = _rescale(upper, lower, fail)
    if lower.percent and not upper.percent and upper.form != "fraction":
        upper = dataclasses.replace(upper, percent=True)
    elif upper.percent and not lower.percent and lower.form != "fraction":
        lower = dataclasses.replace(lower, percent=True)
    return lower, upper


def _rescale(amount: Amount, other: Amount, fail: _Fail) -> Amount:
    """*amount* read with *other*'s scale word (exact decimal arithmetic, rounded once)."""
    scale = Decimal(int(other.scale))
    value = float(Decimal(repr(amount.mantissa)) * scale)
    if not math.isfinite(value):
        raise fail("the number is too large")
    return dataclasses.replace(
        amount,
        value=value,
        scale=other.scale,
        scale_word=other.scale_word,
        s=float(Decimal(repr(amount.s)) * scale),
        l=float(Decimal(repr(amount.l)) * scale),
    )
