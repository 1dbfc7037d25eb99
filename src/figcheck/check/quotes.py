"""Quote verification: find each claim's quote in the document and the figure in the quote."""

from __future__ import annotations

import functools
import itertools
import math
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from figcheck.check.verdict import Verdict
from figcheck.errors import InputError, Location
from figcheck.figures import lexicon
from figcheck.figures.numbers import (
    COMMA,
    POINT,
    Amount,
    Style,
    detect_style,
    find_amounts,
    read_amount,
)
from figcheck.io.formats import SourceText, format_of, read_source
from figcheck.text import trie

if TYPE_CHECKING:
    from figcheck.check.checker import Located
    from figcheck.claims.model import Claim, ClaimsFile
    from figcheck.figures.stated import Stated

# Curly quotes and apostrophes read as straight ones: one character for one, so offsets hold.
_QUOTE_FOLDS = (
    *((c, "'") for c in "‘’‚‛′ʼ"),
    *((c, '"') for c in "“”„‟″"),
)
# Every whitespace character but the plain space reads as a space (one for one).
_OTHER_SPACES = (
    *"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000",
    *map(chr, range(0x2000, 0x200B)),
)
_SOFT_HYPHEN = "\u00ad"
_DROPPED = (_SOFT_HYPHEN, "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_NEWLINE = re.compile(r"\n")
_WORD = re.compile(r"\w+")
_EDGES = "\"'()[]{}.,;:!?-–—…*"  # punctuation that ends or starts a word in prose
# Above this many distinct quotes, one pass over the document's words beats a find per quote.
_MANY_QUOTES = 200
# Quotes are looked up in that pass by their first _KEY characters from their first word.
_KEY = 16
_KEYS = 8  # of a quote's words, at most this many are looked up
_SHORT_KEY = 4  # the keys of a quote shorter than _KEY
# Many quotes are looked for by one regex of their keys' first _PREFIX characters, if they
# have at most _MOST_PREFIXES of them: its compile time grows with them (2,000: about 40 ms),
# and in a short text looking at every word costs less (its pass saves some 30 ns a character
# against some 45 µs of compiling a prefix: one prefix for each _CHARACTERS_PER_PREFIX)
_PREFIX = 6
_MOST_PREFIXES = 2_000
_CHARACTERS_PER_PREFIX = 1_500


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote is in the document, and where in it the claim's figure is stated.

    Offsets index the document text as read (BOM dropped, line ends made ``\\n``).
    """

    start: int
    end: int
    figure_start: int | None  # None: the quote does not state the figure
    figure_end: int | None


@dataclass(frozen=True, slots=True)
class _Folded:
    """A folded text and the map back to the original: breakpoints where the offset shifts."""

    text: str
    folded_starts: Sequence[int]
    original_starts: Sequence[int]

    def original(self, offset: int) -> int:
        """The original offset of the folded character at *offset*."""
        i = bisect_right(self.folded_starts, offset) - 1
        return self.original_starts[i] + offset - self.folded_starts[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded characters from *start* up to *end* (not empty):
        ``(original(start), original(end - 1) + 1)``, with one search when no fold lies
        between them (the common case: a quote is short)."""
        starts = self.folded_starts
        i = bisect_right(starts, start) - 1
        last = end - 1
        j = i if i + 1 == len(starts) or last < starts[i + 1] else bisect_right(starts, last) - 1
        origins = self.original_starts
        return origins[i] + start - starts[i], origins[j] + last - starts[j] + 1


def _one_for_one(text: str) -> str:
    """Straight quotes for curly ones and a space for every other whitespace character.

    ``str.replace`` per character that occurs: much faster than ``str.translate`` on big texts.
    """
    for old, new in _QUOTE_FOLDS:
        if old in text:
            text = text.replace(old, new)
    ascii_only = text.isascii()
    for old in _OTHER_SPACES:
        if (old < "\x80" or not ascii_only) and old in text:
            text = text.replace(old, " ")
    return text


# The length-changing folds in one pattern, found in one pass over the original text: a
# hyphen broken over a line end after a letter or digit (its spaces with it), a run of
# whitespace, and a run of invisible characters, which are dropped. The first that matches
# at a place wins, so a hyphen break takes the spaces after it (and is its own soft hyphen).
# The pattern opens with the class of every character a fold starts with, which the regex
# engine skips to in C; each fold then looks back at that character. A hyphen or a space
# folds only before whitespace, tested first (most spaces are single); the invisible
# characters are left out of the pattern for a text that writes none.
_INVISIBLE = "".join(_DROPPED)


def _folds(hyphens: str, *, invisible: bool) -> re.Pattern[str]:
    drop = rf"|(?<=[{_INVISIBLE}])(?P<drop>[{_INVISIBLE}]*)" if invisible else ""
    return re.compile(
        rf"[{hyphens}\s{_INVISIBLE if invisible else ''}](?:(?=\s)(?:(?<=\w[{hyphens}])"
        rf"(?P<hyphen>[^\S\n]*\n\s*)|(?<=\s)(?P<space>\s+)){drop})"
    )


_FOLDS = _folds("-", invisible=False)
# every character but the space that the regex engine's \s (and str.isspace) takes for one
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_RUN = re.compile(r"\s+")
# _FOLDS tries a match at every space; a text whose places to fold are this rare among its
# characters is searched for them instead (a literal search for each mark runs in C)
_RARE_FOLDS = 100
_INVISIBLE_FOLDS = _folds("-", invisible=True)
_ANY_FOLDS = _folds("\\-\u2010\u00ad", invisible=True)
_JOIN_EVERY = 65_536  # pieces held before they are joined: a bound on memory, not on time


def _plain_folds(text: str) -> Iterator[tuple[int, int, str | None]]:
    """What _FOLDS finds in *text*, as (start, end, group): each whitespace run holds a mark
    other than the space or two spaces, so the runs are found by searching for those; a run
    of two or more is a space fold, and one after a hyphen after a word character is a hyphen
    fold if it holds a line break."""
    needles = [c for c in _WHITESPACE if c in text]
    needles.append("  ")
    nexts = [text.find(needle) for needle in needles]
    pos = 0
    run = _RUN.match
    while True:
        at = min((n for n in nexts if n >= 0), default=-1)
        if at < 0:
            return
        # a space before the mark found starts the run (two spaces would have been found)
        start = at - 1 if at > pos and text[at - 1] == " " else at
        whole = run(text, at)
        assert whole is not None
        end = whole.end()
        hyphen = start >= 2 and text[start - 1] == "-" and _is_word(text[start - 2])
        if hyphen and "\n" in text[start:end]:
            yield start - 1, end, "hyphen"
        elif end - start >= 2:
            yield start, end, "space"
        pos = end
        for i, n in enumerate(nexts):
            if 0 <= n < pos:
                nexts[i] = text.find(needles[i], pos)


def _fold_matches(folds: re.Pattern[str], text: str) -> Iterator[tuple[int, int, str | None]]:
    """The folds *folds* finds in *text*, as (start, end, group)."""
    if folds is _FOLDS:
        places = text.count("  ") + sum(text.count(c) for c in _WHITESPACE if c in text)
        if places * _RARE_FOLDS < len(text):
            return _plain_folds(text)
    return ((m.start(), m.end(), m.lastgroup) for m in folds.finditer(text))


def _fold(text: str, *, keep_hyphen: bool) -> tuple[_Folded, int]:
    """*text* folded for matching, and how many hyphens were broken over a line end.

    One pass, with memory bounded by the input: the offset map is two arrays of machine
    integers (8 bytes per fold), and the pieces are joined every _JOIN_EVERY of them."""
    rare = "\u2010" in text or _SOFT_HYPHEN in text
    # (a character above U+00FF is looked for at once in a text that writes none)
    invisible = rare or any(char in text for char in _DROPPED)
    folds = _ANY_FOLDS if rare else _INVISIBLE_FOLDS if invisible else _FOLDS
    folded_starts = array("q", [0])
    original_starts = array("q", [0])
    chunks: list[str] = []
    pieces: list[str] = []
    pos = length = hyphens = 0
    for start, end, group in _fold_matches(folds, text):
        if group == "hyphen":
            hyphens += 1
            replacement = "-" if keep_hyphen and text[start] != _SOFT_HYPHEN else ""
        elif group == "space":
            replacement = " "
        else:
            replacement = ""
        pieces.append(text[pos:start])
        pieces.append(replacement)
        # the replacement maps onto the start of what it replaces; after it, the shift changes
        length += start - pos + len(replacement)
        folded_starts.append(length)
        original_starts.append(end)
        pos = end
        if len(pieces) >= _JOIN_EVERY:
            chunks.append("".join(pieces))
            pieces.clear()
    pieces.append(text[pos:])
    chunks.append("".join(pieces))
    del pieces
    # the one-for-one folds last: they keep every offset, so the map above still holds
    return _Folded(_one_for_one("".join(chunks)), folded_starts, original_starts), hyphens


def fold(text: str) -> str:
    """*text* as quotes are compared: whitespace runs as one space, straight quotes, no
    soft hyphens, a hyphen broken over a line end joined, and no space at either end."""
    if text.isascii() and text.isprintable() and "  " not in text:
        # the common case, nothing to fold: ASCII whitespace but the space does not print
        return text.strip(" ")
    return _fold(text, keep_hyphen=True)[0].text.strip(" ")


def states_number(amount: Amount, number: float, mantissa: float, *, percent: bool) -> bool:
    """The states-figure rule for one amount read from a quote, given the figure's number
    with its scale word (*number*) and without it (*mantissa*).

    The scale word may be left out of the quote ("22" for "22 million"), but a scale word the
    quote writes must agree ("22 thousand" does not state "22 million"); a minus sign may be
    left out ("fell by 3 percent" for "-3 percent"); a percentage states only a percentage,
    and an ordinal states no amount.
    """
    if amount.form == "ordinal" or (amount.percent and not percent):
        return False
    if _signed_same(amount.value, number):
        return True
    return amount.scale_word is None and _signed_same(amount.value, mantissa)


def _signed_same(written: float, number: float) -> bool:
    """A quote's amount states *number* if equal, or if it writes no sign and equals its size
    ("fell by 3 percent" for -3 percent); a negative amount states only a negative number."""
    return _same(written, number) or (written >= 0 and _same(written, abs(number)))


def stating_amount(
    quote: str, number: float, mantissa: float, *, percent: bool, style: Style | None = None
) -> Amount | None:
    """The first amount of the folded *quote* that states the figure, or None; numbers are
    read in the document's *style* (else the quote's own)."""
    for amount in find_amounts(quote, style):
        if states_number(amount, number, mantissa, percent=percent):
            return amount
    return None


def quote_states(
    quote: str,
    number: float,
    mantissa: float,
    *,
    percent: bool,
    written: str = "",
    style: Style | None = None,
) -> bool:
    """Whether the folded *quote* states the figure: whether some amount read from it passes
    states_number. *written* is the amount as the value writes it ("22 million"); where it
    stands alone in the quote the answer is known without reading the quote's amounts."""
    if _stands_alone(quote, written):
        return True
    return stating_amount(quote, number, mantissa, percent=percent, style=style) is not None


def _stands_alone(quote: str, written: str) -> bool:
    """Whether the amount *written* in digits is one of the amounts the number reader reads in
    *quote*, exactly as written; then it states the figure it was read from.

    A quick test that spares reading every number of the quote, so it must never accept
    what the reader reads otherwise: nothing may join the amount to what is before it ("2" is
    not an amount of "12,400", "1/2" or "5%2"), and the reader must not take more of what
    follows ("3 million", "5 percent", "2.5", "1st"). Amounts written in words are left to the
    reader ("two" is not the amount of "two hundred" or "twenty-two").
    """
    if not "0" <= written[:1] <= "9":
        return False
    at = quote.find(written)
    while at >= 0:
        end = at + len(written)
        before = quote[at - 1] if at else " "
        after = quote[end : end + 2]
        if not (
            before.isalnum()
            or before in "_-,./%−–"
            or (before in _GROUP_SPACES and quote[at - 2 : at - 1].isdigit() and _group(written))
            or after[:1].isalnum()
            or after[:1] == "_"
            or (after[:1] in ",.-/" and after[1:2].isalnum())
            or after[:1] == "/"  # "1/2/": the reader reads no fraction before a slash
            or _continues(quote[end : end + _LONGEST_TAIL])
        ):
            return True
        at = quote.find(written, at + 1)
    return False


_GROUP_SPACES = " \u00a0\u2009\u202f"


def _group(written: str) -> bool:
    """Whether *written* opens with a group of three digits, as after a thousands space."""
    return written[:3].isdigit() and not written[3:4].isdigit()


# A scale word or "per cent" after an amount, with one character to show that the word ends.
_LONGEST_TAIL = max(map(len, (*lexicon.SCALES, *lexicon.FOREIGN_SCALES))) + 2


@functools.lru_cache(maxsize=4096)
def _continues(tail: str) -> bool:
    """Whether the number reader reads *tail* as more of an amount in digits just before it:
    a scale word, a percent sign or word, decimals, thousands, a fraction or an ordinal."""
    if not tail:
        return False
    amount = read_amount("1" + tail)
    return amount is None or amount.end > 1  # never None: it starts with a digit


def _same(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=1e-12)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _inside(text: str, at: int, quote: str) -> bool:
    """Whether *quote* at *at* starts inside a word or a number ("400" in "12,400")."""
    if at == 0 or not _is_word(quote[0]):
        return False
    before = text[at - 1]
    if _is_word(before):
        return True
    return quote[0].isdigit() and before in ",." and at >= 2 and text[at - 2].isdigit()


def _first(text: str, quote: str, start: int = 0) -> int:
    """The first occurrence of *quote* in *text* that does not start inside a word, or -1."""
    at = text.find(quote, start)
    while at > 0 and _inside(text, at, quote):
        at = text.find(quote, at + 1)
    return at


def _search(text: str, quote: str, start: int, limit: int) -> list[int] | None:
    """Where *quote* occurs from *start* as _first finds it, at most *limit* places; None once
    the search has passed more than _REJECTS places inside words."""
    found: list[int] = []
    rejects = 0
    at = text.find(quote, start)
    while at >= 0 and len(found) < limit:
        if at > 0 and _inside(text, at, quote):
            rejects += 1
            if rejects > _REJECTS:
                return None
        else:
            found.append(at)
        at = text.find(quote, at + 1)
    return found


def _first_many(text: str, quotes: list[str]) -> dict[str, int]:
    """The first occurrences (as _first) of many quotes, in one pass over *text*'s words.

    Each quote is keyed by _KEY characters from the start of its first word; the pass looks
    at the words of *text* that begin some key, so its cost grows with the text, not with
    text times quotes. Quotes too short for a key are found one by one.
    """
    found: dict[str, int] = {}
    by_key: dict[str, list[tuple[str, int]]] = {}  # key -> (quote, offset of its first word)
    first_words: set[str] = set()
    for quote in quotes:
        word = _WORD.search(quote)
        if word is None or len(quote) - word.start() < _KEY:
            found[quote] = _first(text, quote)
            continue
        by_key.setdefault(quote[word.start() : word.start() + _KEY], []).append(
            (quote, word.start())
        )
        first_words.add(word.group())
    if not by_key:
        return found
    hits: dict[str, list[int]] = {}
    starts = {key[:_PREFIX] for key in by_key}
    if len(starts) <= _MOST_PREFIXES and len(starts) * _CHARACTERS_PER_PREFIX <= len(text):
        # the places where a word starts with some key's first characters, found by one
        # regex, whose engine skips in C to the characters that open a key
        firsts = re.escape("".join(sorted({key[0] for key in starts})))
        pattern = re.compile(rf"(?=[{firsts}])\b(?={trie(starts)})")
        for m in pattern.finditer(text):
            at = m.start()
            key = text[at : at + _KEY]
            if key in by_key:
                hits.setdefault(key, []).append(at)
    else:  # too many to compile in good time, or a short text: every word of the text is read
        _words_with_keys(text, by_key, first_words, hits)
    for key, group in by_key.items():
        found.update(_resolve(text, group, hits.get(key, [])))
    return found


def _words_with_keys(
    text: str,
    by_key: dict[str, list[tuple[str, int]]],
    first_words: set[str],
    hits: dict[str, list[int]],
) -> None:
    """Add to *hits*, in order, each place in *text* where a word of *first_words* starts a
    key of *by_key*: one look at every word of *text*."""

    def hit(at: int) -> None:
        key = text[at : at + _KEY]
        if key in by_key:
            hits.setdefault(key, []).append(at)

    pos = 0
    for token in text.split(" "):
        if token in first_words:
            hit(pos)
        elif not token.isalnum():  # punctuation: at the ends ("(about", "r12."), or inside
            core = token.strip(_EDGES)
            if core in first_words:
                hit(pos + len(token) - len(token.lstrip(_EDGES)))
            elif core and not core.isalnum():
                for m in _WORD.finditer(token):
                    if m.group() in first_words:
                        hit(pos + m.start())
        pos += len(token) + 1


def _resolve(text: str, group: list[tuple[str, int]], places: list[int]) -> dict[str, int]:
    """Where each quote of *group* (quote, offset of its key) first occurs, given the sorted
    *places* where their shared key occurs; quotes are told apart by slicing at each place."""
    shapes: dict[tuple[int, int], set[str]] = {}  # (offset, length) -> quotes of that shape
    for quote, offset in group:
        shapes.setdefault((offset, len(quote)), set()).add(quote)
    found = dict.fromkeys((quote for quote, _ in group), -1)
    left = len(found)
    for at in places:
        for (offset, length), quotes in shapes.items():
            start = at - offset
            piece = text[start : start + length]
            if start < 0 or piece not in quotes or found[piece] >= 0:
                continue
            if not _inside(text, start, piece):
                found[piece] = start
                left -= 1
        if not left:
            break
    return found


# Above this many characters, quotes are looked up by word keys rather than found by search.
_LONG = 50_000
# The first few lookups in a long document are plain searches (a claims file of a quote or two
# needs no keys over all its words): each gives way to the keys after passing this many places
# inside words, so their cost stays a few passes over the document in C.
_SEARCHES = 8
_REJECTS = 64


# A key held in more places than this has its places told apart by the _KEY characters that
# follow, and so on down (a trie of keys, built only where lookups go), at most _DEPTH levels.
_HEAVY = 32
_DEPTH = 8
_FEW = 4  # a key held in this few places is rare enough to compare them all


class _Keys:
    """Where each word of a text starts, by the *size* characters from there, and, for a key
    held in many places, by the characters after it: a lookup compares a few places, however
    often a phrase repeats through the document."""

    def __init__(self, text: str, size: int = _KEY) -> None:
        self.text = text
        self.size = size
        keys: dict[str, list[int]] = {}
        for m in _WORD.finditer(text):
            at = m.start()
            keys.setdefault(text[at : at + size], []).append(at)
        self.roots = keys
        self._deeper: dict[str, dict[str, list[int]]] = {}  # prefix -> next key -> places

    def places(self, quote: str, offset: int) -> Sequence[int]:
        """The places (in text order) where the text from a word start agrees with *quote*
        from *offset* for as many whole keys as *quote* holds, at most _DEPTH of them."""
        size = self.size
        places: Sequence[int] = self.roots.get(quote[offset : offset + size], ())
        depth = size
        while (
            len(places) > _HEAVY and len(quote) - offset >= depth + size and depth < size * _DEPTH
        ):
            prefix = quote[offset : offset + depth]
            children = self._deeper.get(prefix)
            if children is None:
                text = self.text
                children = self._deeper[prefix] = {}
                for at in places:
                    children.setdefault(text[at + depth : at + depth + size], []).append(at)
            places = children.get(quote[offset + depth : offset + depth + size], ())
            depth += size
        return places


class QuoteIndex:
    """A document folded once for quote matching, with a map back to lines and columns.

    Quotes are folded the same way and matched case-sensitively, at their first occurrence
    that does not start inside a word. A hyphen broken over a line end is read as joined both
    ways: kept ("post-industrial") and, in a second index built only when the document has
    such hyphens, dropped ("production").
    """

    def __init__(
        self,
        text: str,
        path: str,
        origin: SourceText | None = None,
        *,
        style: Style | None = None,
    ) -> None:
        self.text = text
        self.path = path
        # a Markdown or HTML document: locations are placed in the file as stored
        self.origin = origin if origin is not None and origin.text_starts else None
        # quotes read numbers the way the document writes them: as [document] numbers says,
        # else as the document's own forms show
        self.style = style if style is not None else detect_style(text)
        self._kept, hyphens = _fold(text, keep_hyphen=True)
        self._dropped: _Folded | None = None
        self._has_hyphens = hyphens > 0
        self._line_starts: list[int] | None = None
        self._spans: dict[str, tuple[int, int, _Folded] | None] = {}
        self._keys: dict[tuple[int, int], _Keys] = {}  # per index and size: word keys, when long
        self._searches = 0  # lookups made by plain search in a long document (see _SEARCHES)
        # by folded quote: a document that repeats itself asks the same questions many times
        self._unique: dict[str, bool] = {}
        self._stating: dict[tuple[str, float, float, bool], Amount | None] = {}

    def _indexes(self) -> tuple[_Folded, ...]:
        if not self._has_hyphens:
            return (self._kept,)
        if self._dropped is None:
            self._dropped = _fold(self.text, keep_hyphen=False)[0]
        return (self._kept, self._dropped)

    def prepare(self, quotes: Iterable[str]) -> None:
        """Find many quotes at once (one pass over the document for each index)."""
        todo = [q for q in dict.fromkeys(map(fold, quotes)) if q and q not in self._spans]
        if len(todo) <= _MANY_QUOTES:
            return  # found one by one, when asked
        for index in self._indexes():
            for quote, at in _first_many(index.text, todo).items():
                if at >= 0:
                    self._spans[quote] = (at, at + len(quote), index)
            todo = [q for q in todo if q not in self._spans]
        self._spans.update(dict.fromkeys(todo))

    def _occurrences(self, index: _Folded, quote: str, start: int = 0, limit: int = 1) -> list[int]:
        """Where *quote* occurs in *index* from *start* (as _first finds it), at most *limit*
        places. In a long document a quote is looked up by the key of its first word, so the
        cost of one lookup does not grow with the document."""
        text = index.text
        # the keys of the quote's first few words: enough to find a rare one, and the cost of
        # a lookup stays the same however long the quote grows; a quote shorter than a key
        # has keys of _SHORT_KEY characters, and one shorter still is searched for
        n = len(quote)
        size = 0
        first = None
        if len(text) >= _LONG:
            for size in (_KEY, _SHORT_KEY):
                if n >= size and (first := _WORD.search(quote, 0, n - size + 1)) is not None:
                    break
        if first is None:
            found: list[int] = []
            at = _first(text, quote, start)
            while at >= 0 and len(found) < limit:
                found.append(at)
                at = _first(text, quote, at + 1)
            return found
        if not self._keys and self._searches < _SEARCHES:
            self._searches += 1
            searched = _search(text, quote, start, limit)
            if searched is not None:
                return searched
        keys = self._keys.get((id(index), size))
        if keys is None:
            keys = self._keys[id(index), size] = _Keys(text, size)
        # the quote's rarest key: its places are the fewest to compare; a key held in a few
        # places is rare enough, and the keys after it are not looked up
        places: Sequence[int] = ()
        offset = -1
        for word in itertools.islice(_WORD.finditer(quote, first.start(), n - size + 1), _KEYS):
            o = word.start()
            held = keys.places(quote, o)
            if offset < 0 or len(held) < len(places):
                places, offset = held, o
                if len(held) <= _FEW:
                    break
        found = []
        for i in range(bisect_left(places, start + offset), len(places)):
            at = places[i] - offset
            if text.startswith(quote, at) and not _inside(text, at, quote):
                found.append(at)
                if len(found) == limit:
                    break
        return found

    def _find(self, quote: str) -> tuple[int, int, _Folded] | None:
        """The folded span of the folded *quote* in the first index that holds it."""
        if quote in self._spans:
            return self._spans[quote]
        result: tuple[int, int, _Folded] | None = None
        if quote:
            for index in self._indexes():
                found = self._occurrences(index, quote)
                if found:
                    result = (found[0], found[0] + len(quote), index)
                    break
        self._spans[quote] = result
        return result

    def span(self, quote: str) -> tuple[int, int] | None:
        """The original span of *quote* in the document, or None."""
        found = self._find(fold(quote))
        if found is None:
            return None
        start, end, index = found
        return index.original_span(start, end)

    def unique(self, quote: str) -> bool:
        """Whether *quote* occurs exactly once (as matched) in the document."""
        folded = fold(quote)
        known = self._unique.get(folded)
        if known is not None:
            return known
        once = False
        if folded in self._spans:
            found = self._spans[folded]
            if found is not None:
                start, _, index = found
                once = not self._occurrences(index, folded, start + 1)
        else:
            # one lookup finds where the quote is and whether it is anywhere else
            result: tuple[int, int, _Folded] | None = None
            for index in self._indexes() if folded else ():
                places = self._occurrences(index, folded, limit=2)
                if places:
                    result = (places[0], places[0] + len(folded), index)
                    once = len(places) == 1
                    break
            self._spans[folded] = result
        self._unique[folded] = once
        return once

    def match(self, quote: str, stated: Stated) -> QuoteMatch | None:
        """Where *quote* is and where it states *stated*; None if the quote is not there."""
        folded = fold(quote)
        found = self._find(folded)
        if found is None:
            return None
        start, end, index = found
        original = index.original
        asked = (folded, stated.number, stated.mantissa, stated.percent)
        if asked in self._stating:
            amount = self._stating[asked]
        else:
            amount = self._stating[asked] = stating_amount(
                folded, stated.number, stated.mantissa, percent=stated.percent, style=self.style
            )
        if amount is None:
            return QuoteMatch(original(start), original(end - 1) + 1, None, None)
        return QuoteMatch(
            start=original(start),
            end=original(end - 1) + 1,
            figure_start=original(start + amount.start),
            figure_end=original(start + amount.end - 1) + 1,
        )

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the original *offset*, in the file as stored."""
        if self._line_starts is None:
            stored = self.text if self.origin is None else self.origin.source
            self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(stored))]
        if self.origin is not None:
            offset = self.origin.source_offset(offset)
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def location(self, offset: int) -> Location:
        line, column = self.line_column(offset)
        if self.origin is not None and self.origin.pages:
            # a PDF: the page, as a PDF link names it, and the line on that page
            pages = self.origin.pages
            page = bisect_right(pages, line - 1)
            return Location(f"{self.path}#page={page}", line - pages[page - 1], column)
        return Location(self.path, line, column)

    def locate(self, claim: Claim) -> Located:
        """The quote verdict, location and span for *claim* (a checker.QuoteLocator)."""
        if claim.quote is None:
            return None, None, None
        folded = fold(claim.quote)
        found = self._find(folded)
        if found is None:
            return Verdict.QUOTE_NOT_FOUND, None, None
        start, end, index = found
        span = index.original_span(start, end)
        where = self.location(span[0])
        stated = claim.stated
        if quote_states(
            folded,
            stated.number,
            stated.mantissa,
            percent=stated.percent,
            written=stated.written,
            style=self.style,
        ):
            return None, where, span
        return Verdict.FIGURE_NOT_IN_QUOTE, where, span


def read_document(claims_file: ClaimsFile) -> str:
    """The text of the claims file's document; errors point at its ``source`` line.

    e.g. ``claims.toml:3: source "seeds/x.txt": no such file``.
    """
    return read_source_document(claims_file).text


def read_source_document(claims_file: ClaimsFile) -> SourceText:
    """The claims file's document read in its format, with the map back to the stored file."""
    document = claims_file.document
    where = Location(claims_file.path, document.line)
    if document.path is None:
        raise InputError('[document]: missing source = "..." (the document\'s path)', where)
    try:
        fmt = format_of(document.path, document.format)
        return read_source(Path(document.path), fmt, allow_empty=False)
    except InputError as err:
        raise InputError(f'source "{document.source}": {err.message}', where) from None


def index_for(claims_file: ClaimsFile) -> QuoteIndex:
    """Read the claims file's document and index it for the claims' quotes."""
    numbers = claims_file.document.numbers
    style = None if numbers is None else (COMMA if numbers.endswith(",5") else POINT)
    source = read_source_document(claims_file)
    index = QuoteIndex(source.text, claims_file.document.path or "", source, style=style)
    index.prepare(c.quote for c in claims_file.claims if c.quote is not None)
    return index
