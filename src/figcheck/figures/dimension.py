"""Physical dimensions as exponent maps, so formulas are checked without pint."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Dimension:
    """A product of base dimensions, e.g. ``[mass] / [person]``; empty means dimensionless."""

    exponents: tuple[tuple[str, Fraction], ...] = ()

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, float | int | Fraction]) -> Dimension:
        items = ((name, Fraction(exp).limit_denominator(1000)) for name, exp in mapping.items())
        return cls(tuple(sorted((name, exp) for name, exp in items if exp != 0)))

    def __mul__(self, other: Dimension) -> Dimension:
        merged = dict(self.exponents)
        for name, exp in other.exponents:
            merged[name] = merged.get(name, Fraction(0)) + exp
        return Dimension.from_mapping(merged)

    def __truediv__(self, other: Dimension) -> Dimension:
        return self * other**-1

    def __pow__(self, power: int) -> Dimension:
        return Dimension.from_mapping({name: exp * power for name, exp in self.exponents})

    def __str__(self) -> str:
        if not self.exponents:
            return "dimensionless"
        up = [_term(name, exp) for name, exp in self.exponents if exp > 0]
        down = [_term(name, -exp) for name, exp in self.exponents if exp < 0]
        text = " * ".join(up) if up else "1"
        if down:
            text += " / " + (down[0] if len(down) == 1 else "(" + " * ".join(down) + ")")
        return text


DIMENSIONLESS = Dimension()


def _term(name: str, exp: Fraction) -> str:
    return name if exp == 1 else f"{name}**{exp}"
