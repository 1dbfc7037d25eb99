"""Quotes for drafted claims: the clause around a figure, grown word by word until unique,
and whether figcheck check will verify it."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right

from figcheck.check.quotes import QuoteIndex, fold, quote_states
from figcheck.claims.fields import unwritable
from figcheck.document.coverage import Mention, words
from figcheck.figures.figure import parse_figure

# Where clauses end: punctuation that closes a clause, a dash between spaces, a blank line.
_CLAUSE_END = re.compile(r"[;:!?()\[\]\"“”]|[.,](?=\s|\Z)|\s[–—]\s|\n[^\S\n]*\n")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_QUOTE_WORDS = (4, 6)  # at most this many words before and after the figure, to start with
_LONGEST_QUOTE = 60  # words: a quote grows to be unique, but no further
_ONE_BY_ONE = 4  # growth steps of one word a side before the steps double
_FEWEST_SPACES = 3  # a quote has at least four words, to be read in context
# words a quote should not end on
_DANGLING = frozenset(
    words(
        """
        a an and are as at be been but by for from had has have her his in is its not of on or
        same than that the their these this those to was were which with
        """
    )
)
_SPAN_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_NEAR = 120  # characters before a figure that hold its first few words, as a rule
_SHARE_AFTER = re.compile(r"[^\S\n]*\([^()\n]{0,20}%\)")


def _last_word(text: str, end: int) -> int:
    r"""Where the last word before *end* starts, at most 80 characters back (cut there), or -1:
    as a search for ``\S+(?=\s*\Z)`` finds it, but from the end, not tried at every place."""
    start = max(0, end - 80)
    window = text[start:end].rstrip()  # str whitespace is the regex's \s
    return start + len(window) - len(window.rsplit(None, 1)[-1]) if window else -1


_STRETCH = 256  # characters of words read at once when a quote grows
_REACH = 80  # a word a quote grows by is looked for this many characters away at most


class _Back:
    """Where a quote starts as it grows a word back at a time: the successive answers of
    _last_word, each from the last, taken from the words of a stretch read at once (a word
    beyond reach, or one that may run on past the stretch, is looked for as _last_word does)."""

    __slots__ = ("floor", "k", "starts", "text")

    def __init__(self, text: str, lo: int) -> None:
        self.text = text
        self.floor = max(0, lo - _STRETCH)
        self.starts = [m.start() for m in _SPAN_WORD.finditer(text, self.floor, lo)]
        self.k = len(self.starts) - 1  # the last word that starts before where the quote does

    def step(self, lo: int) -> int:
        """_last_word(text, lo), where *lo* is the last answer (or the first start)."""
        k = self.k
        if k >= 0:
            at = self.starts[k]
            # a word within reach that starts after the stretch does is whole
            if at >= lo - _REACH and (at > self.floor or not self.floor):
                self.k = k - 1
                return at
        found = _last_word(self.text, lo)
        if found >= 0:
            starts = self.starts
            while k >= 0 and starts[k] >= found:
                k -= 1
            self.k = k
        return found


class _On:
    """Where a quote ends as it grows a word on at a time: the successive ends of
    ``_SPAN_WORD.search(text, hi, hi + _REACH)``, each from the last (-1 if none), taken
    from the words of a stretch read at once."""

    __slots__ = ("ends", "k", "text", "top")

    def __init__(self, text: str, hi: int) -> None:
        self.text = text
        self.top = min(len(text), hi + _STRETCH)
        self.ends = [m.end() for m in _SPAN_WORD.finditer(text, hi, self.top)]
        self.k = 0  # the first word that ends after where the quote does

    def step(self, hi: int) -> int:
        """The end of ``_SPAN_WORD.search(text, hi, hi + _REACH)``, or -1, where *hi* is the
        last answer (or the first end)."""
        k = self.k
        ends = self.ends
        if k < len(ends):
            at = ends[k]
            # a word within reach that ends before the stretch does is whole
            if at <= hi + _REACH and (at < self.top or self.top == len(self.text)):
                self.k = k + 1
                return at
        found = _SPAN_WORD.search(self.text, hi, hi + _REACH)
        if found is None:
            return -1
        end = found.end()
        while k < len(ends) and ends[k] <= end:
            k += 1
        self.k = k
        return end


def clause_start(text: str, lo: int, at: int) -> int:
    """Where the last clause end from *lo* up to *at* ends (*lo* if none): the clause of a
    figure at *at* starts there."""
    start = lo
    for m in _CLAUSE_END.finditer(text, lo, at):
        start = m.end()
    return start


def words_back(text: str, start: int, at: int, count: int) -> int:
    """Where the *count*-th last word from *start* up to *at* starts (the first, if fewer;
    *at* if none): the words are looked for after a space shortly before *at* first, not from
    *start* (up to 400 characters back)."""
    near = max(start, at - _NEAR)
    if near > start:
        space = _SPACE.search(text, near, at)  # no word runs across it
        near = space.start() if space is not None else start
    starts = [m.start() for m in _SPAN_WORD.finditer(text, near, at)]
    if len(starts) < count and near > start:
        starts = [m.start() for m in _SPAN_WORD.finditer(text, start, at)]
    return starts[-count:][0] if starts else at


class _ClauseEnds:
    """The clause ends of a whole text, found in one pass, so that the clause start before a
    figure is looked up rather than searched for each figure again.

    A search from *lo* up to *at* finds the ends the whole pass finds between them, but for
    two: a stop or comma just before *at* ends a clause there (the search sees the text end
    after it), and an end running across *lo* is not found from *lo*; that case searches.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _CLAUSE_END.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def start(self, lo: int, at: int) -> int:
        """As clause_start(text, lo, at)."""
        text = self.text
        if at > lo and text[at - 1] in ".,":
            return at
        starts, ends = self.starts, self.ends
        across = bisect_right(starts, lo) - 1  # the last end found from lo or before
        if across >= 0 and starts[across] < lo < ends[across]:
            return clause_start(text, lo, at)
        last = bisect_right(ends, at) - 1
        return ends[last] if last >= 0 and starts[last] >= lo else lo


class Quoter:
    """Makes the quotes of a document's drafted claims, unique in the document."""

    def __init__(self, text: str, index: QuoteIndex) -> None:
        self.text = text
        self.index = index
        self._ends: _ClauseEnds | None = None
        self._last: tuple[int, int, tuple[int, int]] = (-1, -1, (0, 0))  # a figure's clause

    def clause(self, mention: Mention) -> tuple[int, int]:
        """Where the clause around *mention* starts and ends (at most 400 characters off)."""
        last_start, last_end, known = self._last
        if (mention.start, mention.end) == (last_start, last_end):
            return known  # its quote and its id both ask
        text = self.text
        if self._ends is None:
            self._ends = _ClauseEnds(text)
        start = self._ends.start(max(0, mention.start - 400), mention.start)
        end_match = _CLAUSE_END.search(text, mention.end, mention.end + 400)
        end = end_match.start() if end_match is not None else min(len(text), mention.end + 400)
        self._last = (mention.start, mention.end, (start, end))
        return start, end

    def quote(self, mention: Mention, unit: str) -> str:
        """A few words of the clause around the figure, grown word by word until unique."""
        text = self.text
        start, end = self.clause(mention)
        core = mention.end  # the figure, and its unit word if that comes next
        share = _SHARE_AFTER.match(text, core) if "/" in mention.text else None
        if share is not None:
            core = share.end()  # "11/34 (32.4%)": a count of a whole reads so only with its share
        next_word = _WORD.search(text, mention.end, mention.end + 40)
        if unit and next_word is not None and next_word.group().lower() == unit.lower():
            core = next_word.end()
        words = _SPAN_WORD.finditer(text, core, max(core, end))
        after = [(m.end(), m.group()) for m in itertools.islice(words, _QUOTE_WORDS[1])]
        # a quote that ends on "of", "the" or "and" reads as cut off
        while after and after[-1][1].lower() in _DANGLING:
            after.pop()
        lo = words_back(text, start, mention.start, _QUOTE_WORDS[0])
        hi = after[-1][0] if after else core
        quote = fold(text[lo:hi])
        grown = 0
        back: _Back | None = None  # where the quote starts and ends as it grows
        on: _On | None = None
        while grown < _LONGEST_QUOTE:
            # the count first: a quote too short to stand is not looked up (a short one may
            # be looked up by shorter keys, built for the whole document)
            if quote.count(" ") >= _FEWEST_SPACES and self.index.unique(quote):
                break
            # a word a side at first; then twice as many each time, so that a clause repeated
            # through the document costs a few lookups, not one per word
            step = 1 if grown < _ONE_BY_ONE else grown - _ONE_BY_ONE + 1
            moved = False
            if (back is None or on is None) and grown >= _ONE_BY_ONE:
                # grown past a few words: the words around are read a stretch at a time
                back, on = _Back(text, lo), _On(text, hi)
            for _ in range(min(step, _LONGEST_QUOTE - grown)):
                if back is None or on is None:
                    earlier = _last_word(text, lo)
                    found = _SPAN_WORD.search(text, hi, hi + _REACH)
                    later = found.end() if found is not None else -1
                else:
                    earlier, later = back.step(lo), on.step(hi)
                if earlier < 0 and later < 0:
                    break
                moved = True
                lo = earlier if earlier >= 0 else lo
                hi = later if later >= 0 else hi
                grown += 1
            if not moved:
                break
            quote = fold(text[lo:hi])
        trimmed = quote.rstrip(".,;:")
        return trimmed if trimmed != quote and self.index.unique(trimmed) else quote

    def verified(self, quote: str, value: str) -> bool:
        """Whether figcheck check will find *quote* and the figure of *value* in it."""
        if unwritable(quote):  # e.g. an escape sequence: the claims file may not hold it
            return False
        amount = parse_figure(value).amount
        return self.index.span(quote) is not None and quote_states(
            fold(quote),
            amount.value,
            amount.mantissa,
            percent=amount.percent,
            written=amount.text,
            style=self.index.style,
        )
