"""A claims file's figures read as Stated figures: values, precisions and the about setting."""

from __future__ import annotations

import dataclasses
import math

from figcheck.errors import FigcheckError
from figcheck.figures.figure import parse_figure
from figcheck.figures.interval import Interval, whole_numbers
from figcheck.figures.readings import Reading, read
from figcheck.figures.stated import Stated
from figcheck.figures.units import Unit, UnitTable


def about_setting(value: object) -> float | None:
    """The [settings] about share that *value* writes ("10%", or a number), or None."""
    if isinstance(value, str):
        try:
            figure = parse_figure(value)
        except FigcheckError:
            return None
        if figure.percent and not figure.unit and figure.upper is None:
            return figure.amount.value / 100
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def precision_of(text: str, unit: Unit, units: UnitTable) -> float:
    """A claim's precision, in its value's unit; raises FigcheckError saying what is wrong."""
    try:
        figure = parse_figure(text)
        punit = units.lookup(figure.unit)
    except FigcheckError as err:
        raise FigcheckError(f"precision: {err.message}") from None
    if figure.qualifier.value != "plain" or figure.amount.value <= 0:
        raise FigcheckError(f'precision must be a plain positive figure, not "{text}"')
    if punit.dimension != unit.dimension:
        raise FigcheckError(f"precision is {punit.dimension} but the value is {unit.dimension}")
    amount = figure.amount.value / (100 if figure.percent else 1)
    return amount * punit.factor / unit.factor


def _scaled(reading: Reading, k: float) -> Reading:
    if k == 1.0:
        return reading
    return Reading(
        central=reading.central * k,
        strict=reading.strict.scaled(k),
        lenient=reading.lenient.scaled(k),
        s=reading.s * k,
        l=reading.l * k,
        slack=reading.slack,
        carried=None if reading.carried is None else reading.carried.scaled(k),
        bounded=None
        if reading.bounded is None
        else (reading.bounded[0].scaled(k), reading.bounded[1].scaled(k)),
    )


def stated_from_text(text: str, units: UnitTable, about: float, precision: float | None) -> Stated:
    figure = parse_figure(text)
    unit = units.lookup(figure.unit)
    reading = _scaled(read(figure, about=about, precision=precision), unit.factor)
    shown = figure.upper or figure.amount
    return Stated(
        text=figure.text,
        unit=unit,
        reading=reading,
        scale=shown.scale,
        scale_word=shown.scale_word,
        percent=figure.percent,
        number=figure.amount.value,
        mantissa=figure.amount.mantissa,
        written=figure.amount.text,
    )


def stated_from_number(value: float, unit_text: str, units: UnitTable) -> Stated:
    number = float(value)
    if not math.isfinite(number):
        raise FigcheckError("value is not a number" if number != number else "value is too large")
    unit = units.lookup(unit_text)
    base = number * unit.factor
    point = Interval.point(base)
    text = f"{value} {unit_text}".strip()
    reading = Reading(central=base, strict=point, lenient=point, s=0.0, l=0.0)
    return Stated(text=text, unit=unit, reading=reading, number=number, mantissa=number)


def whole(stated: Stated) -> Stated | None:
    """*stated* read as a whole count: every reading cut to the whole numbers it holds ("12"
    is exactly 12, "about 12" is 11 to 13), and no slack beyond the strict reading for a count
    written to the unit; None when its strict reading holds none."""
    r = stated.reading
    strict = whole_numbers(r.strict)
    if strict.empty:
        return None
    # a count written to the unit has no rounding slack at all: "190" people are 190
    lenient = strict if r.s <= 1 else whole_numbers(r.lenient)
    carried = None if r.carried is None else whole_numbers(r.carried)
    bounded = None
    if r.bounded is not None:
        bounded = (whole_numbers(r.bounded[0]), whole_numbers(r.bounded[1]))
    reading = dataclasses.replace(
        r, strict=strict, lenient=lenient, carried=carried, bounded=bounded
    )
    return dataclasses.replace(stated, reading=reading)
