"""A stated figure: the text as written, read into a unit and a reading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from figcheck.records import quick_init

if TYPE_CHECKING:
    from figcheck.figures.readings import Reading
    from figcheck.figures.units import Unit


@quick_init
@dataclass(frozen=True, slots=True)
class Stated:
    """A figure as the document writes it, read into base units.

    ``scale``, ``scale_word`` and ``percent`` remember how it was written, so computed
    figures can be shown the same way ("10.7 million people", "58.3 %").
    """

    text: str
    unit: Unit
    reading: Reading
    scale: float = 1.0
    scale_word: str | None = None
    percent: bool = False
    number: float = 0.0  # the written number with its scale word, before percent and units
    mantissa: float = 0.0  # the written number without its scale word
    written: str = ""  # the amount as written ("22 million"), for finding it in a quote

    @property
    def central(self) -> float:
        return self.reading.central
