"""Show computed figures the way the document writes the stated one ("10.7 million people")."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.interval import Interval
    from figcheck.model import ClaimsFile, Stated
    from figcheck.report import Result

RELATION = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}


def number(value: float, *, digits: int = 3) -> str:
    """A plain figure: from 100 up, whole with thousands commas; below, 3 significant digits."""
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0:
        return "0"
    if abs(value) >= 10 ** (digits - 1):
        return f"{round(value):,}".replace("-", "−")
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.{digits + 6}f}".rstrip("0").rstrip(".")
    elif "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


def _in_stated_terms(value: float, stated: Stated) -> float:
    value = value / stated.unit.factor
    if stated.percent:
        return value * 100
    return value / stated.scale


def _unit_suffix(stated: Stated) -> str:
    if stated.percent:
        return " %"
    return f" {stated.unit.text}" if stated.unit.text else ""


def figure(value: float, stated: Stated, *, unit: bool = True) -> str:
    """*value* (base units) in the stated figure's scale and unit."""
    shown = number(_in_stated_terms(value, stated))
    if math.isfinite(value) and stated.scale_word and not stated.percent:
        shown += f" {stated.scale_word}"
    return shown + (_unit_suffix(stated) if unit else "")


def span(interval: Interval, stated: Stated, *, unit: bool = False) -> str:
    """An interval as ``low – high`` in the stated figure's terms; open ends are not marked."""
    low = figure(interval.lo, stated, unit=False)
    high = figure(interval.hi, stated, unit=False)
    text = f"{low} – {high}"
    return text + (_unit_suffix(stated) if unit else "")


def bracketed(interval: Interval, stated: Stated) -> str:
    """An interval with its open and closed ends marked, e.g. ``[207.5, 208.5] million people``."""
    left = "(" if interval.lo_open or math.isinf(interval.lo) else "["
    right = ")" if interval.hi_open or math.isinf(interval.hi) else "]"
    low = number(_in_stated_terms(interval.lo, stated), digits=6)
    high = number(_in_stated_terms(interval.hi, stated), digits=6)
    tail = f" {stated.scale_word}" if stated.scale_word and not stated.percent else ""
    return f"{left}{low}, {high}{right}{tail}{_unit_suffix(stated)}"


def computed(central: float | None, interval: Interval | None, stated: Stated | None) -> str:
    """The computed column, e.g. ``10.7 million people (10.5 million – ∞)``."""
    if central is None or stated is None:
        return ""
    text = figure(central, stated)
    if interval is not None:
        text += f" ({span(interval, stated, unit=stated.percent)})"
    return text


def check_sides(result: Result, claims_file: ClaimsFile | None) -> str:
    """A check's two sides at central figures, e.g. ``44 million ≤ 120 million people``.

    Both sides are shown in the terms of the first claim the check names.
    """
    check = result.check
    if result.sides is None or claims_file is None or check is None:
        return ""
    names = check.assertion.names
    if not names:
        return ""
    stated = claims_file.by_id[names[0]].stated
    lhs, rhs = result.sides
    relation = RELATION[check.assertion.op]
    return f"{figure(lhs, stated, unit=False)} {relation} {figure(rhs, stated)}"
