"""Show computed figures the way the document writes the stated one ("10.7 million people")."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.figures.interval import Interval
    from figcheck.figures.stated import Stated

RELATION = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}


def number(value: float, *, digits: int = 3, grouping: bool = True) -> str:
    """A plain figure: from 10**(digits-1) up, whole (with thousands commas unless *grouping*
    is off); below, *digits* significant digits."""
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0:
        return "0"
    if abs(value) >= 10 ** (digits - 1):
        return (f"{round(value):,}" if grouping else f"{round(value)}").replace("-", "−")
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.{digits + 6}f}".rstrip("0").rstrip(".")
    elif "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


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


def computed(central: float | None, interval: Interval | None, stated: Stated | None) -> str:
    """The computed column, e.g. ``10.7 million people (10.5 million – ∞)``."""
    if central is None or stated is None:
        return ""
    scale = Scale.of(stated)
    text = scale.text(central)
    if interval is not None:
        text += f" ({scale.span(interval, unit=stated.percent)})"
    return text
