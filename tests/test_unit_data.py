"""The generated unit table answers as pint does: pint defines and checks every entry."""

from __future__ import annotations

import keyword
from pathlib import Path

import pytest

from figcheck.errors import UnitError
from figcheck.figures import unit_data
from figcheck.figures.units import (
    UnitTable,
    _KnownUnits,
    _PintUnits,
    generated_source,
)

PINT = _PintUnits()
KNOWN = _KnownUnits()
NAMES = sorted(unit_data.UNITS)


def test_the_generated_table_is_what_pint_reads_from_units_txt() -> None:
    text = Path(unit_data.__file__).read_text(encoding="utf-8")
    assert generated_source() == text, "run `uv run python -m figcheck.figures.units`"


def test_the_table_holds_every_name_symbol_and_alias_of_the_registry() -> None:
    assert sorted(PINT.names()) == NAMES
    assert len(NAMES) == 206
    assert unit_data.UNITS["kt"] == (1e9, (("[mass]", 1),))
    assert unit_data.UNITS["%"] == (0.01, ())
    assert unit_data.UNITS["km"] == (1000.0, (("[length]", 1),))
    assert unit_data.UNITS["GHz"] == (1e9, (("[time]", -1),))
    assert unit_data.UNITS["kWh"] == (3.6e9, (("[length]", 2), ("[mass]", 1), ("[time]", -2)))
    assert unit_data.UNITS["MB"] == (1e6, (("[information]", 1),))


def _variants(word: str) -> set[str]:
    return {
        word,
        word + "s",
        word + "ss",
        word[:-1],
        word[1:],
        word.upper(),
        word.lower(),
        word.capitalize(),
        word.swapcase(),
    }


WORDS = sorted(
    set().union(*(_variants(name) for name in NAMES))
    | {"", "s", "ss", "gs", "ts", "dimensionless", "dimensionlesss", "ton", "tons", "pound"}
    | {"metric_tons", "per_thousands", "Fold", "x", "xs", "foo", "kgss", "µgs", "%s"}
)


def test_every_word_reads_as_pint_reads_it() -> None:
    # plurals of names of two letters or more, never of one ("gs"), and exact names first
    assert KNOWN.word("gs") is None
    assert KNOWN.word("mss") == PINT.word("mss") == KNOWN.word("ms")
    assert len(WORDS) == 1332
    mismatched = [word for word in WORDS if KNOWN.word(word) != PINT.word(word)]
    assert mismatched == []


KEYS = [
    *sorted(keyword.kwlist),
    *("e", "pi", "inf", "nan", "j", "x", "xs", "m", "mi", "u", "tonn", "tonns", "gs", "s_"),
    *("dimensionless", "per", "thousand", "tonnes", "kgs", "Kg", "KT", "µx", "x²", "tōn"),
    *("members", "tons", "fruit", "widget", "in_", "Pint", "UnitsContainer", "_hidden"),
    *("NaN", "Nan", "nan_x", "a__b", "obra__", "squared", "cubic", "square", "sq", "cubed"),
]
VALUES = ["1000", "tonne / (person * year)", "[widget]", "[x²]"]  # with "tonne" in _sweep


HAND_MADE = [
    {"tons": "tonne", "members": "person"},
    {"apples": "[fruit]", "pears": "apples", "fruit": "apples"},
    {"widget": "[widget]", "kwidget": "1000 widget", "widgets_per_head": "widget / person"},
    {"m": "tonne", "ms": "kg"},
    {"tonn": "tonne", "tonns": "kg", "x": "tonns / tonn"},
]


def _read(table: UnitTable, text: str) -> tuple[object, ...]:
    try:
        unit = table.lookup(text)
    except UnitError as error:
        return ("refused", error.message)
    except KeyError as error:  # pint fails on "dimensionlesss" once "dimensionless" is a unit
        return ("failed", repr(error))
    return (unit.factor, unit.dimension)


def _mismatches(tables: list[dict[str, str]]) -> list[dict[str, str]]:
    """The tables whose definitions or words the generated table reads otherwise than pint."""
    found = []
    for extra in tables:
        failed: list[tuple[str, str]] = []
        by_pint: list[tuple[str, str]] = []
        table = UnitTable(extra, failed)
        authority = UnitTable(extra, by_pint, pint=True)
        texts = ["tonnes", "ton", "kg / person", "foo", "dimensionless"]
        for key in extra:
            texts += [key, key + "s", key + "ss", key.upper(), f"kg / {key}", f"{key} * year"]
        ours = [_read(table, text) for text in texts]
        if failed != by_pint or ours != [_read(authority, text) for text in texts]:
            found.append(extra)
    return found


def _sweep(keys: list[str]) -> list[dict[str, str]]:
    """Each key as a unit, as a new dimension another unit is built on, and built on another."""
    tables = [{key: "tonne"} for key in keys]
    tables += [{key: "[widget]", "later": f"1000 {key}"} for key in keys]
    return tables + [{"first": "kg", key: "first * 2"} for key in keys]


# Names pint may read otherwise, and names whose plurals meet built-in words.
FEW = ["in", "None", "nan", "NaN", "dimensionless", "m", "tonn", "gs", "µx", "a__b", "e", "sq"]


@pytest.mark.slow
def test_units_tables_read_as_pint_reads_them() -> None:
    assert _mismatches([*HAND_MADE, *_sweep(FEW)]) == []


@pytest.mark.slow
def test_every_definition_of_every_name_reads_as_pint_reads_it() -> None:
    tables = _sweep(KEYS) + [{key: value} for key in KEYS for value in VALUES]
    assert _mismatches(tables) == []
