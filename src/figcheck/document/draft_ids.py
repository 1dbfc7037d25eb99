"""Ids for drafted claims: the words that say what a figure is about, made unique."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable

from figcheck.claims.ids import valid_id
from figcheck.document.coverage import Mention, words
from figcheck.figures import lexicon

_ID_WORDS = 2  # words from the context in an id, before the unit word
_DETERMINERS = frozenset({"the", "a", "an", "all", "these", "those", "this", "its", "their", "our"})
_STOPWORDS = frozenset(
    words(
        """
    a about above after again against ago all almost also although am among an and another any
    are as at be because been before being below between both but by can could did do does
    during each either else even ever every few for from further had has have having he her
    here hers him his how however i if in into is it its itself just least less made make
    makes many may me means might more most much must my near nearly neither no nor not now
    of off on once one only or other our ours out over own per percent per cent perhaps
    rather same shall she should since so some such than that the their theirs them then
    there these they this those though through thus to too under until up upon us very was
    we were what when where whether which while who whom whose why will with within without
    would yet you your additional only stood being able themselves himself herself itself
    ourselves yourselves
    """
    )
)
_NUMBER_WORDS = lexicon.AMOUNT_WORDS | lexicon.FRACTION_WORDS
_TOKEN = re.compile(r"[^\s.,;:!?()\[\]\"“”]+")
_NEAR = 6  # words either side of a figure that may name it


class Ids:
    """Makes each drafted claim's id: a few words from its clause or sentence, and its unit."""

    def __init__(self, text: str, sentences: list[int]) -> None:
        self.text = text
        self.sentences = sentences  # where each sentence starts
        self.ids: set[str] = set()
        self.counts: dict[str, int] = {}

    def new_id(self, mention: Mention, unit: str, clause: tuple[int, int]) -> str:
        """A new id for the figure of *mention*, named from *clause* (its start and end) or
        its sentence."""
        words = self.topic(mention, unit, clause)
        return self.named([*words, unit.lower()] if unit else words)

    def named(self, parts: list[str]) -> str:
        """A new id made of the words *parts*, numbered when it is taken."""
        base = "_".join(a for a in map(_ascii, parts) if a) or "figure"
        if not base[0].isalpha():
            base = "figure_" + base
        base = base[:48].rstrip("_")
        n = self.counts.get(base, 1)  # the last number tried for this base: linear in ids
        cid = base if n == 1 else f"{base}_{n}"
        while cid in self.ids or not valid_id(cid):
            n += 1
            cid = f"{base}_{n}"
        self.counts[base] = n
        self.ids.add(cid)
        return cid

    def topic(self, mention: Mention, unit: str, clause: tuple[int, int]) -> list[str]:
        """Up to two words that say what the figure is about: an "of" phrase right after it
        ("tons of meat"), else the content words nearest to it in its clause, else in its
        sentence. The last word is made singular before a unit ("collective_farm_members")."""
        text = self.text
        i = bisect.bisect_right(self.sentences, mention.start)
        sentence = (
            self.sentences[i - 1],
            self.sentences[i] if i < len(self.sentences) else len(text),
        )
        words: list[str] = []
        for start, end in (clause, sentence):
            # the tokens after the figure, read only as far as the id reads them
            tokens = (m.group() for m in _TOKEN.finditer(text, mention.end, end))
            after = _past_unit(list(itertools.islice(tokens, _NEAR + 1)), unit)
            if after and after[0].lower() == "of":
                words = _of_phrase(itertools.chain(after[1:], tokens))
            if not words:
                before = _tokens_before(text, start, mention.start, _NEAR)
                words = _nearest(before, after, unit)
            if words:
                break
        if words and unit:
            words[-1] = _singular(words[-1])
        return words


_DELIMITER = re.compile(r"[\s.,;:!?()\[\]\"“”]")  # a character no token holds
_BACK = 80  # characters before a figure that hold its nearest tokens, as a rule


def _past_unit(after: list[str], unit: str) -> list[str]:
    """The tokens *after* a figure without its unit word, if the first is that."""
    if after and unit and after[0].lower() == unit.split()[0].lower():
        return after[1:]
    return after


def _tokens_before(text: str, start: int, at: int, count: int) -> list[str]:
    """The last *count* tokens from *start* up to *at*: looked for after a delimiter shortly
    before *at* first (no token runs across it), and from *start* if too few are there."""
    near = max(start, at - _BACK)
    if near > start:
        delimiter = _DELIMITER.search(text, near, at)
        near = delimiter.start() if delimiter is not None else start
    found = [m.group() for m in _TOKEN.finditer(text, near, at)]
    if len(found) < count and near > start:
        found = [m.group() for m in _TOKEN.finditer(text, start, at)]
    return found[-count:]


def _tokens_before_plain(text: str, start: int, at: int, count: int) -> list[str]:
    """As _tokens_before, from every token from *start*."""
    return [m.group() for m in _TOKEN.finditer(text, start, at)][-count:]


def _of_phrase(after: Iterable[str]) -> list[str]:
    """The content words of an "of" phrase, at most the last two ("Soviet collective farms")."""
    words: list[str] = []
    for word in after:
        lower = word.lower()
        if not words and lower in _DETERMINERS:
            continue
        if not _content(lower):
            break
        words.append(lower)
        if len(words) == 3:
            break
    return words[-_ID_WORDS:]


def _nearest(before: list[str], after: list[str], unit: str) -> list[str]:
    """The content words nearest to a figure, in text order; before it wins a tie."""
    # by distance, the word before the figure first: -1, 0, -2, 1, ... (positions before the
    # figure are negative); the first content words are picked, then put in text order
    lower = unit.lower()
    unit_words = (lower, _singular(lower))
    back = before[: -_NEAR - 1 : -1]
    ahead = after[:_NEAR]
    picked: list[tuple[int, str]] = []
    for d in range(max(len(back), len(ahead))):
        for position, side in ((-d - 1, back), (d, ahead)):
            if d < len(side):
                word = side[d].lower()
                if _content(word) and word not in unit_words:
                    picked.append((position, word))
                    if len(picked) == _ID_WORDS:
                        return [w for _, w in sorted(picked)]
    return [w for _, w in sorted(picked)]


def _nearest_plain(before: list[str], after: list[str], unit: str) -> list[str]:
    """As _nearest, by sorting every word near the figure."""
    nearby = [(d, -d - 1, w.lower()) for d, w in enumerate(reversed(before[-_NEAR:]))]
    nearby += [(d, d, w.lower()) for d, w in enumerate(after[:_NEAR])]
    unit_words = {unit.lower(), _singular(unit.lower())}
    picked = [
        (position, word)
        for _, position, word in sorted(nearby)
        if _content(word) and word not in unit_words
    ][:_ID_WORDS]
    return [word for _, word in sorted(picked)]


@functools.lru_cache(maxsize=65536)  # the words around figures repeat through a document
def _content(word: str) -> bool:
    return (
        len(word) >= 3
        and word.replace("-", "").isalpha()
        and word not in _STOPWORDS
        and word not in _NUMBER_WORDS
        and not _verb_like(word)
    )


def _verb_like(word: str) -> bool:
    return word.endswith(("ed", "ing")) and len(word) > 3


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=4096)  # a document names its topics with the same words again
def _ascii(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")
