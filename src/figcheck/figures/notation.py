"""Show computed figures the way the document writes the stated one ("10.7 million people")."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from figcheck.records import quick_init

if TYPE_CHECKING:
    from figcheck.figures.interval import Interval
    from figcheck.figures.stated import Stated

RELATION = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}
_INF = math.inf


_LIMIT = {d: 10 ** (d - 1) for d in range(1, 25)}  # from here up a figure is shown whole
_SPEC = {d: f".{d}g" for d in range(1, 25)}
_FIXED = {d: f".{d + 6}f" for d in range(1, 25)}


def number(value: float, *, digits: int = 3, grouping: bool = True) -> str:
    """A plain figure: from 10**(digits-1) up, whole (with thousands commas unless *grouping*
    is off); below, *digits* significant digits."""
    return _number_at(value, digits, grouping)


def _number_at(value: float, digits: int, grouping: bool) -> str:
    """number, its arguments by position (the distinct-digits loop calls it most)."""
    if value == 0:
        return "0"
    if value != value:
        return "undefined"
    size = value if value > 0 else -value
    if size == _INF:
        return "∞" if value > 0 else "−∞"
    limit = _LIMIT.get(digits)
    if limit is None:  # digits no figure uses: the same rules, worked out here
        return _number(value, digits, grouping)
    if size >= limit:
        text = f"{round(value):,}" if grouping else f"{round(value)}"
    else:
        text = format(value, _SPEC[digits])
        if "e" in text:
            text = format(value, _FIXED[digits]).rstrip("0").rstrip(".")
        elif "." in text:
            text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−") if value < 0 else text


def _number(value: float, digits: int, grouping: bool) -> str:
    if abs(value) >= 10 ** (digits - 1):
        return (f"{round(value):,}" if grouping else f"{round(value)}").replace("-", "−")
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.{digits + 6}f}".rstrip("0").rstrip(".")
    elif "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


@quick_init
@dataclass(frozen=True, slots=True)
class Scale:
    """How figures are shown: in a stated figure's scale word and unit ("10.7 million people")."""

    factor: float = 1.0  # base units per shown unit
    word: str = ""  # scale word, e.g. "million"
    unit: str = ""  # unit text, or "%"
    grouping: bool = True  # thousands commas, unless the figure is written without ("1956")

    @classmethod
    def of(cls, stated: Stated | None) -> Scale:
        if stated is None:
            return cls()
        if stated.percent:
            return cls(stated.unit.factor / 100, "", "%")
        word = stated.scale_word or ""
        grouping = bool(word) or "," in stated.text or abs(stated.mantissa) >= 10_000
        return cls(stated.unit.factor * stated.scale, word, stated.unit.text, grouping)

    def shown(self, value: float) -> float:
        """*value* (base units) as a number in this scale."""
        return value / self.factor

    def text(self, value: float, *, digits: int = 3, unit: bool = True) -> str:
        """*value* as the document would write it, e.g. ``10.7 million people``."""
        out = number(self.shown(value), digits=digits, grouping=self.grouping)
        if self.word and math.isfinite(value):
            out += f" {self.word}"
        if unit and self.unit:
            out += f" {self.unit}"
        return out

    @property
    def label(self) -> str:
        """The unit words, e.g. ``million people`` or ``%``."""
        return " ".join(part for part in (self.word, self.unit) if part)

    def span(self, interval: Interval, *, unit: bool = False) -> str:
        """An interval as ``low – high``; open ends are not marked."""
        low = self.text(interval.lo, unit=False)
        high = self.text(interval.hi, unit=unit)
        return f"{low} – {high}"

    def bracketed(self, interval: Interval) -> str:
        """An interval with open and closed ends marked, e.g. ``[207.5, 208.5] million people``."""
        left = "(" if interval.lo_open or math.isinf(interval.lo) else "["
        right = ")" if interval.hi_open or math.isinf(interval.hi) else "]"
        low = number(self.shown(interval.lo), digits=6, grouping=self.grouping)
        high = number(self.shown(interval.hi), digits=6, grouping=self.grouping)
        tail = f" {self.label}" if self.label else ""
        return f"{left}{low}, {high}{right}{tail}"


def bracketed(interval: Interval, stated: Stated) -> str:
    """An interval in the stated figure's terms with its ends marked."""
    return Scale.of(stated).bracketed(interval)


def distinct_digits(scale: Scale, values: list[float], *, least: int = 3, most: int = 9) -> int:
    """The fewest significant digits (from *least*) that show different *values* differently,
    so 15.067 billion against 15.1 billion is not "15.1 billion" twice."""
    return _distinct(scale, values, least, most)[0]


def _distinct(
    scale: Scale,
    values: list[float],
    least: int = 3,
    most: int = 9,
    tried: list[dict[float, str]] | None = None,
    known: list[dict[float, str]] | None = None,
) -> tuple[int, dict[float, str]]:
    """distinct_digits, with each finite value's number at those digits. Each digits' texts
    from *least* on are added to *tried*; *known* holds such texts of a call in the same
    scale over more values, which are taken from it rather than worked out again."""
    factor, grouping = scale.factor, scale.grouping
    shown = [(v, v / factor) for v in {v for v in values if math.isfinite(v)}]
    texts: dict[float, str] = {}
    for digits in range(least, most + 1):
        step = digits - least
        if known is not None and step < len(known):
            at = known[step]
            texts = {v: at[v] for v, _ in shown}
        else:
            texts = {v: _number_at(x, digits, grouping) for v, x in shown}
        if tried is not None:
            tried.append(texts)
        if len(set(texts.values())) == len(texts):
            return digits, texts
    return most, texts


def _text(scale: Scale, value: float, shown: str | None, *, unit: bool = True) -> str:
    """Scale.text of *value*, given its number when already worked out."""
    if shown is None:
        return scale.text(value, digits=9, unit=unit)  # only non-finite values come here
    if scale.word:
        shown += f" {scale.word}"
    if unit and scale.unit:
        shown += f" {scale.unit}"
    return shown


# The last texts of each column, by the stated figure's identity and the values shown: files
# repeat one figure and formula over many claims (each distinct value text is read into one
# Stated), and a column's text is worked out once for them. Each entry holds its Stated, so
# the identity cannot be reused by another figure while the entry is kept.
_MEMO_SIZE = 4096
_K = TypeVar("_K")
_computed_memo: dict[tuple[int, float, float | None, float | None], tuple[Stated, str]] = {}
_off_memo: dict[tuple[int, float], tuple[Stated, str]] = {}


def computed(central: float | None, interval: Interval | None, stated: Stated | None) -> str:
    """The computed column, e.g. ``10.7 million people (10.5 million – ∞)``, with enough
    digits that the figure, its range's ends and the stated figure look different."""
    if central is None or stated is None:
        return ""
    key: tuple[int, float, float | None, float | None] = (
        (id(stated), central, None, None)
        if interval is None
        else (id(stated), central, interval.lo, interval.hi)
    )
    known = _computed_memo.get(key)
    if known is not None and known[0] is stated:
        return known[1]
    return _keep(_computed_memo, key, stated, _computed(central, interval, stated))


def _keep(memo: dict[_K, tuple[Stated, str]], key: _K, stated: Stated, text: str) -> str:
    """*text* kept in *memo* under *key* with its figure (the memo starts again when full)."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = (stated, text)
    return text


def _computed(
    central: float,
    interval: Interval | None,
    stated: Stated,
    scale: Scale | None = None,
    tried: list[dict[float, str]] | None = None,
) -> str:
    scale = Scale.of(stated) if scale is None else scale
    values = [central, stated.central]
    if interval is not None:
        values += [interval.lo, interval.hi]
    _, texts = _distinct(scale, values, tried=tried)
    text = _text(scale, central, texts.get(central))
    if interval is not None:
        low = _text(scale, interval.lo, texts.get(interval.lo), unit=False)
        high = _text(scale, interval.hi, texts.get(interval.hi), unit=stated.percent)
        text += f" ({low} – {high})"
    return text


def columns(central: float, interval: Interval | None, stated: Stated) -> tuple[str, str]:
    """``(computed(central, interval, stated), off(stated, central))``, worked out together:
    the off column's two figures are among the computed column's, in the same scale, so
    their numbers at each digits are made once."""
    key: tuple[int, float, float | None, float | None] = (
        (id(stated), central, None, None)
        if interval is None
        else (id(stated), central, interval.lo, interval.hi)
    )
    known = _computed_memo.get(key)
    shown = _off_memo.get((id(stated), central))
    if known is not None and known[0] is stated and shown is not None and shown[0] is stated:
        return known[1], shown[1]
    scale = Scale.of(stated)
    tried: list[dict[float, str]] = []
    computed_text = _keep(
        _computed_memo, key, stated, _computed(central, interval, stated, scale, tried)
    )
    off_text = _keep(_off_memo, (id(stated), central), stated, _off(stated, central, scale, tried))
    return computed_text, off_text


def off(stated: Stated, central: float) -> str:
    """How far a computed figure is from the stated one: the two, their difference (in
    percentage points for percentages) and their ratio, e.g. ``20 % stated, 10.6 % computed:
    9.42 percentage points, 1.89×``."""
    key = (id(stated), central)
    known = _off_memo.get(key)
    if known is not None and known[0] is stated:
        return known[1]
    return _keep(_off_memo, key, stated, _off(stated, central))


def _off(
    stated: Stated,
    central: float,
    scale: Scale | None = None,
    known: list[dict[float, str]] | None = None,
) -> str:
    scale = Scale.of(stated) if scale is None else scale
    s = stated.central
    if not math.isfinite(central):
        return f"{scale.text(s)} stated, {scale.text(central)} computed"
    _, texts = _distinct(scale, [s, central], known=known)
    carried = stated.reading.carried
    # a qualified figure is shown as written ("over 50 percent"); the gap is to its central
    # figure, the bound of a one-sided one
    said = stated.text if carried is not None and carried.lo < carried.hi else None
    shown = said or _text(scale, s, texts.get(s))
    head = f"{shown} stated, {_text(scale, central, texts.get(central))} computed"
    if central == s:
        return f"{head}: the same"
    gap = abs(s - central)
    if stated.percent:
        size = f"{number(gap * 100 / stated.unit.factor)} percentage points"
    else:
        size = scale.text(gap)
    if s and central and (s > 0) == (central > 0):
        ratio = max(abs(s), abs(central)) / min(abs(s), abs(central))
        for digits in range(3, 10):
            times = _number_at(ratio, digits, True)
            if times != "1":
                break
        size += f", {times}×"
    return f"{head}: {size}"


def slack_text(slack: tuple[tuple[str, str], ...]) -> str:
    """Slack pairs as words: ``truncation of plot_equivalent; trailing zeros of the stated
    figure``, kinds in order, each with the ids that needed it."""
    whose: dict[str, list[str]] = {}
    for kind, ident in slack:
        name = {"": "the stated figure", "cited": "the cited figure"}.get(ident, ident)
        whose.setdefault(kind, []).append(name)
    return "; ".join(f"{kind} of {', '.join(ids)}" for kind, ids in whose.items())
