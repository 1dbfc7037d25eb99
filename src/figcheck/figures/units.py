"""The unit table: unit words as written in claims, read from a table pint generates."""

from __future__ import annotations

import functools
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from figcheck.errors import UnitError
from figcheck.figures import lexicon
from figcheck.figures.dimension import DIMENSIONLESS, Dimension
from figcheck.text import did_you_mean, in_message

if TYPE_CHECKING:
    from pint.facets import PlainRegistry

__all__ = ["Unit", "UnitTable", "is_known_word"]


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as written, and what one of it is in base units (gram, person, second)."""

    text: str  # as written ("" for a plain number)
    factor: float  # multiply a number in this unit by factor to get base units
    dimension: Dimension


# Written forms that pint cannot read as one word.
_PHRASES: Final = re.compile(
    r"\b(?:(?P<percent>per\s+cent)|(?P<kind>metric|short|long)\s+ton(?:ne)?s?"
    r"|(?P<points>percentage|basis)\s+points?|(?P<pp>p\.\s?p\.|pp\.)"
    r"|per\s+(?:(?P<thousand>1,?000|thousand)|(?P<lakh>100,?000|hundred\s+thousand))\s*\Z)"
    r"(?!\w)"
    r"|(?<=[0-9])-(?=fold\b)",
    re.IGNORECASE,
)
_SUPERSCRIPT: Final = re.compile(r"[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT_DIGITS: Final = str.maketrans("⁺⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "+-0123456789")

_TOKEN: Final = re.compile(
    r"\s*(?:"
    r"(?P<pow>(?:\*\*|\^)\s*(?P<exp>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))"
    r"|(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<word>[^\W\d]\w*|%)"
    r"|(?P<mul>[*·⋅×])"
    r"|(?P<div>[/÷])"
    r"|(?P<open>\()"
    r"|(?P<close>\))"
    r")"
)
_SYNTAX_HINT: Final = 'a unit is words joined by "*", "/" or "per", with powers like "**2"'
_MAX_POWER: Final = 10
_MAX_DEPTH: Final = 20  # brackets nest this deep at most; the parser recurses per level
_MAX_TOKENS: Final = 100  # words, numbers and signs in one unit; real units use a handful
_MAX_LENGTH: Final = 1000  # characters in one unit, checked before it is read at all

# Number words never name a unit; the figure grammar reads them before the unit.
_NUMBER_WORDS: Final = lexicon.AMOUNT_WORDS

# "ton" is metric, short or long depending on who writes it, so it must be mapped in [units].
_TON: Final = re.compile(r"(?P<prefix>kilo|mega|giga)?tons?", re.IGNORECASE)
_TON_CHOICES: Final = {
    "": ("tonne", "907.18474 kg"),
    "kilo": ("kilotonne", "907184.74 kg"),
    "mega": ("megatonne", "907184740 kg"),
    "giga": ("gigatonne", "907184740000 kg"),
}

_EXTRA_KEY: Final = re.compile(r"[^\W\d_]\w*")
_NEW_DIMENSION: Final = re.compile(r"\s*\[(?P<name>[^\W\d_]\w*)\]\s*")


@dataclass(frozen=True, slots=True)
class _Builtins:
    """What units.txt defines, read without pint (for is_known_word and suggestions)."""

    words: frozenset[str]  # every name, alias and symbol, and their plurals
    suggestions: frozenset[str]  # the same without plurals of symbols ("mgs"), for "did you mean"
    folded: frozenset[str]  # names and aliases that may be written in any case
    base_units: Mapping[str, str]  # "[mass]" -> "gram"
    symbols: Mapping[str, str]  # "Mt" -> "megatonne", to explain a suggested symbol


@functools.cache
def _builtins() -> _Builtins:
    from figcheck.figures import unit_data as data

    return _Builtins(
        frozenset(data.WORDS),
        frozenset(data.SUGGESTIONS),
        frozenset(data.FOLDED),
        dict(data.BASE_UNITS),
        dict(data.SYMBOLS),
    )


@functools.cache
def _definition_lines() -> tuple[str, ...]:
    """The lines of units.txt, which pint reads."""
    from importlib import resources  # lazily, like difflib: both are slow to import

    text = resources.files("figcheck").joinpath("figures", "units.txt").read_text(encoding="utf-8")
    return tuple(text.splitlines())


def _read_definitions(lines: Iterable[str]) -> tuple[list[str], _Builtins]:
    """Every name, symbol and alias *lines* define (what pint adds to its registry), and what
    they tell without pint."""
    names: list[str] = []
    words: set[str] = set()
    suggestions: set[str] = set()
    folded: set[str] = set()
    base_units: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for line in lines:
        fields = [field.strip() for field in line.split("#", 1)[0].split("=")]
        if len(fields) < 2:
            continue
        name, value, *others = fields
        symbols_here = [others[0]] if others and others[0] != "_" else []
        names_here = [name, *others[1:]]
        names += [name, *symbols_here, *others[1:]]
        words.update(_with_plurals([*names_here, *symbols_here]))
        suggestions.update(_with_plurals(names_here), symbols_here)
        folded.update(_with_plurals(word for word in names_here if len(word) >= 3))
        symbols.update(dict.fromkeys(symbols_here, name))
        if value.startswith("["):
            base_units[value] = name
    found = _Builtins(
        frozenset(words), frozenset(suggestions), frozenset(folded), base_units, symbols
    )
    return names, found


# plurals pint would read that are English words, so never units after a number in prose:
# "Census 2022 has ..." is no 2022 hectares
_ENGLISH_PLURALS = frozenset({"has"})


def _with_plurals(words: Iterable[str]) -> set[str]:
    """*words* and the plurals pint reads by adding "s" (not to one-letter or non-word symbols,
    nor where the plural is an English word)."""
    out: set[str] = set()
    for word in words:
        out.add(word)
        plural = word + "s"
        if (
            len(word) >= 2
            and word.replace("_", "").isalpha()
            and not word.endswith("s")
            and plural not in _ENGLISH_PLURALS
        ):
            out.add(plural)
    return out


def is_known_word(word: str) -> bool:
    """True if *word* alone names a built-in unit (e.g. "tonnes", "kt", "people"); no pint."""
    builtins = _builtins()
    return word in builtins.words or word.lower() in builtins.folded


class _PintUnits:
    """A pint registry and what each of its words is in base units, cached per word."""

    __slots__ = ("_registry", "_words")

    def __init__(self) -> None:
        from pint.facets import PlainRegistry  # lazily: importing pint takes about 0.25 s

        self._registry: PlainRegistry = PlainRegistry(
            list(_definition_lines()), on_redefinition="raise"
        )
        self._words: dict[str, tuple[float, Dimension] | None] = {}

    def word(self, word: str) -> tuple[float, Dimension] | None:
        """Factor and dimension of one unit word, or None if pint does not know it."""
        try:
            return self._words[word]
        except KeyError:
            pass
        from pint.errors import UndefinedUnitError

        registry = self._registry
        try:
            name = registry.get_name(word)
        except UndefinedUnitError:
            name = ""
        found: tuple[float, Dimension] | None = None
        if name:  # get_name gives "" for pint's "dimensionless", which is not a unit word here
            container = registry.UnitsContainer({name: 1})
            try:
                factor, _ = registry.get_root_units(container)
            except Exception:  # pint's many error kinds: the word is what the user can change
                raise UnitError(f'unit "{in_message(word)}" cannot be read') from None
            if factor is None:
                raise UnitError(
                    f'unit "{word}" has an offset (like °C); only units that scale from zero '
                    "can be checked"
                )
            dimensions = registry.get_dimensionality(container)
            exponents = {dim: _real(exponent) for dim, exponent in dimensions.items()}
            found = (_real(factor), Dimension.from_mapping(exponents))
        self._words[word] = found
        return found

    def define(self, key: str, definition: str, factor: float, dimension: Dimension) -> None:
        """Define *key* as *definition* says (pint works out its factor and dimension)."""
        self._registry.define(definition)
        self._words.clear()  # a word pint did not know may now be a plural of the new unit

    def names(self) -> list[str]:
        """Every name, symbol and alias of the registry."""
        return list(self._registry._units)


class _KnownUnits:
    """The words of the generated table (unit_data.py), read as pint reads a word: a name,
    symbol or alias as written, else a plural: a name of two letters or more and "s"."""

    __slots__ = ("_names",)

    def __init__(self) -> None:
        from figcheck.figures.unit_data import UNITS

        self._names: dict[str, tuple[float, tuple[tuple[str, int], ...]]] = dict(UNITS)

    def word(self, word: str) -> tuple[float, Dimension] | None:
        """Factor and dimension of one unit word, or None if the table does not know it."""
        if word == "dimensionless":  # pint's word for no unit at all
            return None
        found = self._names.get(word)
        if found is None and len(word) > 2 and word[-1] == "s":
            found = self._names.get(word[:-1])
        if found is None:
            return None
        return found[0], _dimension(found[1])

    def define(self, key: str, definition: str, factor: float, dimension: Dimension) -> None:
        exponents = tuple((name, int(exponent)) for name, exponent in dimension.exponents)
        self._names[key] = (factor, exponents)


@functools.cache
def _dimension(exponents: tuple[tuple[str, int], ...]) -> Dimension:
    return Dimension.from_mapping(dict(exponents))


def _needs_pint(key: object, value: object) -> bool:
    """True if pint must read this [units] definition, because pint may read its name as more
    than a name; the table reads the rest as pint does (tests/test_unit_data.py)."""
    if not isinstance(key, str) or not isinstance(value, str):
        return False  # refused before any unit is defined
    new = _NEW_DIMENSION.fullmatch(value)
    return not _plain_name(key) or (new is not None and not _plain_name(new["name"]))


def _plain_name(name: str) -> bool:
    """An ASCII identifier that pint gives no meaning of its own: not "dimensionless", not
    NaN (pint reads "nan" in an expression as the number), no "__" (its bracket escapes)."""
    return (
        name.isascii()
        and name.isidentifier()
        and "__" not in name
        and name.lower() != "nan"
        and name != "dimensionless"
    )


def _real(number: object) -> float:
    """A number from pint as a float (pint types its numbers loosely)."""
    if isinstance(number, numbers.Real):
        return float(number)
    raise TypeError(f"pint gave a non-real number: {number!r}")


@functools.cache
def _shared_units() -> _KnownUnits:
    """The built-in table, read once per process and never changed."""
    return _KnownUnits()


def unit_table(extra: Mapping[str, str] | None = None) -> UnitTable:
    """The unit table for these [units] definitions: built once for each distinct set, since
    building a registry costs far more than a check (tables answer the same for the same
    definitions, whichever file asks)."""
    return _table(tuple(extra.items()) if extra else ())


@functools.lru_cache(maxsize=64)
def _table(extra: tuple[tuple[str, str], ...]) -> UnitTable:
    return UnitTable(dict(extra))


class UnitTable:
    """The units a claims file may use: the built-in ones and those of its [units] table."""

    __slots__ = ("_base_units", "_cache", "_extra", "_folded", "_pint", "_suggestions")

    def __init__(
        self,
        extra: Mapping[str, str] | None = None,
        failed: list[tuple[str, str]] | None = None,
        *,
        pint: bool = False,
    ) -> None:
        """The table of *extra* definitions; with *failed*, a definition that fails is left out
        and its (key, message) appended there, instead of raising UnitError. With *pint*,
        every word is read by a pint registry, the authority the generated table is checked
        against; pint also reads the definitions the table cannot (see _needs_pint)."""
        builtins = _builtins()
        self._cache: dict[str, Unit | str] = {}  # a str is the message of a unit that failed
        self._extra: dict[str, str] = {}  # key -> its pint definition
        self._folded = builtins.folded
        self._suggestions: list[str] = sorted(builtins.suggestions)
        self._base_units = dict(builtins.base_units)
        # None until the first lookup (then the shared table); a table with extras has its own
        # so that the shared one never changes.
        self._pint: _PintUnits | _KnownUnits | None = None
        if pint or (extra and any(_needs_pint(key, value) for key, value in extra.items())):
            self._pint = _PintUnits()
        elif extra:
            self._pint = _KnownUnits()
        if extra:
            for key, value in extra.items():
                if failed is None:
                    self._define(key, value)
                    continue
                try:
                    self._define(key, value)
                except UnitError as error:
                    failed.append((key, error.message))
            self._folded = builtins.folded | _with_plurals(
                key for key in self._extra if key.islower() and len(key) >= 3
            )
            self._suggestions = sorted(builtins.suggestions | set(self._extra))

    def lookup(self, text: str) -> Unit:
        """The unit *text* names; "" is a plain number. Raises UnitError."""
        found = self._cache.get(text)
        if found is None:
            try:
                found = self._read(text)
            except UnitError as error:
                found = error.message
            self._cache[text] = found
        if isinstance(found, str):
            raise UnitError(found)
        return found

    # -- reading -------------------------------------------------------------------------

    def _read(self, text: str) -> Unit:
        if not text.strip():
            return Unit(text, 1.0, DIMENSIONLESS)
        factor, dimension = _Parser(text, self._word, definition=False).parse()
        return Unit(text, factor, dimension)

    def _units(self) -> _PintUnits | _KnownUnits:
        if self._pint is None:
            self._pint = _shared_units()
        return self._pint

    def _word(self, word: str) -> tuple[float, Dimension]:
        units = self._units()
        found = units.word(word)
        if found is not None:
            return found
        lower = word.lower()
        if lower != word and lower in self._folded:
            found = units.word(lower)
            if found is not None:
                return found
        ton = _TON.fullmatch(word)
        if ton is not None:
            metric, short = _TON_CHOICES[(ton["prefix"] or "").lower()]
            raise UnitError(
                f'ambiguous unit "{word}": map it in [units], e.g. {lower} = "{metric}" (metric) '
                f'or {lower} = "{short}" (short)'
            )
        if lower in ("pound", "pounds"):
            raise UnitError(
                f'ambiguous unit "{word}": map it in [units], e.g. {lower} = "GBP" (money) or '
                f'{lower} = "453.59237 g" (mass)'
            )
        # a symbol is suggested with its name, so that "Mt" is not taken for "metric ton"
        hint = did_you_mean(word, self._suggestions, gloss=_builtins().symbols.get)
        raise UnitError(
            f'unknown unit "{in_message(word)}"' + (hint or " (not built in: define it in [units])")
        )

    # -- the [units] table ---------------------------------------------------------------

    def _define(self, key: str, value: str) -> None:
        units = self._units()
        if not isinstance(key, str) or not _EXTRA_KEY.fullmatch(key):
            raise UnitError(
                f'[units] {key}: a unit name is one word of letters, digits and "_", '
                "starting with a letter"
            )
        if key.lower() in _NUMBER_WORDS or key.lower() == "per":
            raise UnitError(f'[units] {key}: "{key}" is a number word, not a unit')
        if units.word(key) is not None:
            raise UnitError(f'[units] {key}: "{key}" is already a unit; choose another name')
        if not isinstance(value, str):
            raise UnitError(f'[units] {key}: must be a string such as "tonne"')
        if not value.strip():
            raise UnitError(f'[units] {key}: empty; write what {key} equals, e.g. {key} = "tonne"')
        new = _NEW_DIMENSION.fullmatch(value)
        if new is not None:
            dimension = f"[{new['name']}]"
            if dimension in self._base_units:
                raise UnitError(
                    f"[units] {key}: {dimension} is already the dimension of "
                    f'"{self._base_units[dimension]}"; define {key} from that unit instead'
                )
            self._base_units[dimension] = key
            base = Dimension.from_mapping({dimension: 1})
            self._define_unit(key, f"{key} = {dimension}", 1.0, base)
            return
        try:
            factor, dim = _Parser(value, self._word, definition=True).parse()
        except UnitError as error:
            raise UnitError(
                f'[units] {key}: cannot read "{in_message(value)}": {error.message}'
            ) from None
        terms = [repr(factor)]
        for name, exponent in dim.exponents:
            power = str(exponent) if exponent.denominator == 1 else repr(float(exponent))
            terms.append(f"{self._base_units[name]} ** {power}")
        self._define_unit(key, f"{key} = {' * '.join(terms)}", factor, dim)

    def _define_unit(self, key: str, definition: str, factor: float, dimension: Dimension) -> None:
        if key == "dimensionless":  # pint's name for no unit: redefining it breaks pint itself
            raise UnitError(f'[units] {key}: "{key}" cannot be a unit name')
        units = self._units()
        try:
            units.define(key, definition, factor, dimension)
        except Exception:  # pint's many error kinds; the key is what the user can change
            raise UnitError(f'[units] {key}: "{key}" cannot be a unit name') from None
        if units.word(key) is None:  # pint gives words such as "dimensionless" a meaning
            raise UnitError(f'[units] {key}: "{key}" cannot be a unit name')
        self._extra[key] = definition


class _Parser:
    """Reads a unit expression: words and numbers joined by *, / ("per"), powers and brackets.

    Written here rather than left to pint, whose expression errors are of many kinds and
    whose messages do not say what is allowed.
    """

    __slots__ = ("_at", "_definition", "_text", "_tokens", "_word")

    def __init__(
        self, text: str, word: Callable[[str], tuple[float, Dimension]], *, definition: bool
    ) -> None:
        self._text = text
        self._word = word
        self._definition = definition  # a [units] value: numbers are allowed
        if len(text) > _MAX_LENGTH:
            raise self._error(f"a unit is at most {_MAX_LENGTH:,} characters long")
        self._tokens = self._tokenize(text)
        self._at = 0

    def parse(self) -> tuple[float, Dimension]:
        if len(self._tokens) > _MAX_TOKENS:
            raise self._error(f"a unit has at most {_MAX_TOKENS} words, numbers and signs")
        depth = 0
        for kind, _ in self._tokens:
            depth += (kind == "open") - (kind == "close")
            if depth > _MAX_DEPTH:
                raise self._error(f"brackets are nested more than {_MAX_DEPTH} levels deep")
        factor, dimension = self._product()
        if self._at < len(self._tokens):
            raise self._unexpected()
        if not 0 < factor < math.inf:
            raise self._error("the unit is too large or too small")
        return factor, dimension

    def _tokenize(self, text: str) -> list[tuple[str, str]]:
        text = _PHRASES.sub(_phrase, text)
        text = _SUPERSCRIPT.sub(lambda m: "**" + m[0].translate(_SUPERSCRIPT_DIGITS), text)
        tokens: list[tuple[str, str]] = []
        at = 0
        end = len(text.rstrip())
        while at < end:
            match = _TOKEN.match(text, at)
            if match is None:
                raise self._error(f'unexpected "{text[at:].lstrip()[0]}"; {_SYNTAX_HINT}')
            kind = match.lastgroup or ""
            token = match["exp"] if kind == "pow" else match[kind]
            if kind == "word" and token.lower() == "per":
                kind = "div"
            tokens.append((kind, "percent" if token == "%" else token))
            at = match.end()
        return tokens

    def _product(self) -> tuple[float, Dimension]:
        factor, dimension = self._power()
        divided = False
        while self._at < len(self._tokens):
            kind = self._tokens[self._at][0]
            if kind in ("mul", "div"):
                self._at += 1
            elif kind in ("word", "number", "open"):
                if divided:  # pint reads "kg / m s" as kg·s/m, which nobody means
                    raise self._error(
                        'after "/" or "per", join units with "*" inside brackets, '
                        'e.g. "tonne / (person * year)"'
                    )
            else:
                break
            right, right_dimension = self._power()
            if kind == "div":
                factor, dimension = factor / right, dimension / right_dimension
                divided = True
            else:
                factor, dimension = factor * right, dimension * right_dimension
        return factor, dimension

    def _power(self) -> tuple[float, Dimension]:
        factor, dimension = self._atom()
        if self._at < len(self._tokens) and self._tokens[self._at][0] == "pow":
            exponent = self._tokens[self._at][1]
            if not exponent.lstrip("+-").isdigit():  # "kg ** 2.5" is no whole power
                raise self._error(
                    f"powers must be whole numbers from -{_MAX_POWER} to {_MAX_POWER}"
                    f' (found "{exponent}")'
                )
            # int() refuses digit strings beyond a few thousand digits: check the length first
            long = len(exponent.lstrip("+-").lstrip("0")) > 6
            power = _MAX_POWER + 1 if long else int(exponent)
            self._at += 1
            if abs(power) > _MAX_POWER:
                raise self._error(
                    f"powers must be whole numbers from -{_MAX_POWER} to {_MAX_POWER}"
                )
            try:
                factor, dimension = factor**power, dimension**power
            except OverflowError:
                raise self._error("the unit is too large or too small") from None
        return factor, dimension

    def _atom(self) -> tuple[float, Dimension]:
        if self._at >= len(self._tokens):
            raise self._unexpected()
        kind, token = self._tokens[self._at]
        if kind == "open":
            self._at += 1
            value = self._product()
            if self._at >= len(self._tokens) or self._tokens[self._at][0] != "close":
                raise self._unexpected()
            self._at += 1
            return value
        if kind == "word" and token.lower() in _NUMBER_WORDS:
            if self._definition:
                raise self._error(f'"{token}" is a number word; write numbers in digits')
            raise self._number(token)
        if kind == "word":
            self._at += 1
            return self._word(token)
        if kind == "number":
            if not self._definition:
                raise self._number(token)
            number = float(token)
            if not 0 < number < math.inf:
                raise self._error(f'the number "{token}" cannot be part of a unit')
            self._at += 1
            return number, DIMENSIONLESS
        raise self._unexpected()

    def _unexpected(self) -> UnitError:
        if self._at >= len(self._tokens):
            return self._error(f"unexpected end; {_SYNTAX_HINT}")
        kind, token = self._tokens[self._at]
        shown = f"**{token}" if kind == "pow" else token
        return self._error(f'unexpected "{shown}"; {_SYNTAX_HINT}')

    def _number(self, token: str) -> UnitError:
        return UnitError(
            f'unit "{in_message(self._text)}" contains the number "{in_message(token)}"; '
            "numbers belong in the figure, not the unit"
        )

    def _error(self, detail: str) -> UnitError:
        # In a [units] value the caller names the key and the value.
        if self._definition:
            return UnitError(detail)
        return UnitError(f'cannot read unit "{in_message(self._text)}": {detail}')


def _phrase(match: re.Match[str]) -> str:
    if match["percent"]:
        return "percent"
    if match["kind"]:
        return f"{match['kind'].lower()}_ton"
    if match["points"]:
        return f"{match['points'].lower()}_point"
    if match["pp"]:
        return "pp"
    if match["thousand"]:
        return "per_thousand"
    if match["lakh"]:
        return "per_hundred_thousand"
    return ""  # the hyphen of "2.5-fold"


# -- the generated table ------------------------------------------------------------------

GENERATED = "src/figcheck/figures/unit_data.py"


def generated_source() -> str:
    """The source of unit_data.py: units.txt read by pint, for a run that needs no pint."""
    names, builtins = _read_definitions(_definition_lines())
    pint = _PintUnits()
    if sorted(names) != sorted(pint.names()):
        raise AssertionError("units.txt defines other names than pint's registry holds")
    out = [
        '"""The built-in units, worked out by pint from units.txt: generated, do not edit."""',
        "",
        "# `uv run python -m figcheck.figures.units` writes this file again; a test checks that",
        "# it is what pint reads now.",
        "",
        "# Each name, symbol and alias: its factor to base units, and its dimension.",
        "UNITS: dict[str, tuple[float, tuple[tuple[str, int], ...]]] = {",
    ]
    for name in sorted(names):
        found = pint.word(name)
        if found is None:
            raise AssertionError(f"pint does not read {name!r}")
        factor, dimension = found
        exponents = []
        for base, exponent in dimension.exponents:
            if exponent.denominator != 1:
                raise AssertionError(f"{name!r} has a fractional power")
            exponents.append(f"({_quoted(base)}, {exponent.numerator})")
        dims = "(" + ", ".join(exponents) + ("," if len(exponents) == 1 else "") + ")"
        number = repr(factor).replace("e+", "e")  # as the formatter writes it
        out.append(f"    {_quoted(name)}: ({number}, {dims}),")
    out.append("}")
    for title, constant, words in (
        ("# Every name, alias and symbol, and their plurals.", "WORDS", builtins.words),
        (
            '# The same without plurals of symbols ("mgs"), for "did you mean".',
            "SUGGESTIONS",
            builtins.suggestions,
        ),
        ("# Names and aliases that may be written in any case.", "FOLDED", builtins.folded),
    ):
        out += ["", title, f"{constant} = ("]
        out += [f"    {_quoted(word)}," for word in sorted(words)]
        out.append(")")
    for title, constant, mapping in (
        ("# The base unit of each dimension.", "BASE_UNITS", builtins.base_units),
        ("# The name of each symbol, to explain a suggested symbol.", "SYMBOLS", builtins.symbols),
    ):
        out += ["", title, f"{constant} = {{"]
        out += [f"    {_quoted(k)}: {_quoted(v)}," for k, v in sorted(mapping.items())]
        out.append("}")
    return "\n".join(out) + "\n"


def _quoted(text: str) -> str:
    if '"' in text or "\\" in text or not text.isprintable():
        raise AssertionError(f"cannot write {text!r} in the generated table")
    return f'"{text}"'


if __name__ == "__main__":
    from pathlib import Path

    Path(GENERATED).write_text(generated_source(), encoding="utf-8")
