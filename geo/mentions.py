"""Stage 2: toponym recognition — find the spans of a text that name places.

Capitalised word sequences (with the connectors of place names: "Gulf of Mexico",
"Rio de Janeiro") are matched against the gazetteer's name keys, longest first.
Each match is then checked against the classic false places: common words at
the start of a sentence, person names (a title or a given name before it),
organisations and news agencies, titles, months and weekdays. Demonyms and
adjectives ("Azerbaijani", "Armenians") become mentions of kind ``"demonym"``.

The filters are rules over the text and the gazetteer, with no state of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from geo.names import name_key
from geo.records import Mention, NameMatch, Sentence

__all__ = ["find_mentions", "Token", "tokenize", "NameIndex"]


class NameIndex(Protocol):
    """What recognition needs from a gazetteer."""

    def known_keys(self, keys: Iterable[str]) -> frozenset[str]: ...

    def matches(self, name: str) -> tuple[NameMatch, ...]: ...


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


# A word: letters with inner apostrophes; or a dotted abbreviation (U.S., W.Va., N.Y.).
_TOKEN = re.compile(r"(?:[A-Z][a-z]{0,2}\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# What may sit between two words of one name: a space, a hyphen, or a period+space after an abbreviation.
_GAP_IN_NAME = re.compile(r"[ \t]?-?[ \t]?|[ \t]")

#: Lower-case words that occur inside place names.
CONNECTORS = frozenset({"of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
                        "el", "al", "upon", "on", "the", "and", "y", "en", "am", "im", "an", "der", "sur"})
_MAX_WORDS = 6

# Words that are never a place on their own in English news, whatever the gazetteer holds.
_NEVER_ALONE = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms dr sir madam lord lady president minister governor senator mayor colonel general
    captain sergeant lieutenant major deputy head chief director secretary judge officer
    god christmas easter internet
    north south east west northern southern eastern western central
    """.split()
)
# Words that, right before a capitalised name, make it a person: "Colonel Jafarov".
_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev father pastor bishop rabbi imam sheikh
    president pres vice minister premier chancellor governor gov senator sen rep representative
    congressman congresswoman mayor judge justice sheriff officer detective det chief
    colonel col general gen lieutenant lt captain capt major maj sergeant sgt corporal cpl private pvt
    admiral adm commander cmdr coach king queen prince princess pope saint st ambassador amb
    spokesman spokeswoman spokesperson head deputy director secretary
    """.split()
)
# Words that, right after a name, make the whole an organisation or a thing, not a place.
_ORGANISATION_HEADS = frozenset(
    """
    inc corp corporation co company ltd llc group holdings bank airlines airways motors
    university college school academy institute hospital church
    news times post herald tribune journal gazette press agency
    party movement front council committee commission association foundation
    """.split()
)


def tokenize(text: str) -> tuple[Token, ...]:
    """Word tokens with offsets; a trailing possessive is left out of the token.

    >>> [t.text for t in tokenize("Azerbaijan's Tovuz, U.S.-based")]
    ['Azerbaijan', 'Tovuz', 'U.S.', 'based']
    """
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        possessive = _POSSESSIVE.search(word) if "'" in word or "’" in word else None
        if possessive and (word.endswith("s") or word[-1] in "'’"):
            end = start + possessive.start()
            word = word[: possessive.start()]
        if word:
            tokens.append(Token(start, end, word))
    return tuple(tokens)


def _joinable(text: str, left: Token, right: Token) -> bool:
    """Can ``left`` and ``right`` belong to one name? Only whitespace or a hyphen between."""
    gap = text[left.end : right.start]
    return len(gap) <= 3 and _GAP_IN_NAME.fullmatch(gap) is not None and "\n" not in gap


def _runs(text: str, tokens: tuple[Token, ...], sentence_starts: list[int]) -> list[list[Token]]:
    """Maximal sequences of capitalised tokens (with inner connectors) within a sentence."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []  # connectors waiting for a capitalised word
    for token in tokens:
        joined = current and _joinable(text, (pending or current)[-1], token) and _same_sentence(
            sentence_starts, current[-1].start, token.start
        )
        if token.is_capitalised:
            if joined:
                current.extend(pending)
            elif current:
                runs.append(current)
                current = []
            if not joined:
                current = []
            current.append(token)
            pending = []
        elif current and joined and token.text in CONNECTORS and len(pending) < 2:
            pending.append(token)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


def _same_sentence(sentence_starts: list[int], a: int, b: int) -> bool:
    return bisect_right(sentence_starts, a) == bisect_right(sentence_starts, b)


def _span_key(tokens: list[Token]) -> str:
    return name_key(" ".join(t.text for t in tokens))


def _is_sentence_initial(text: str, token: Token, sentence_starts: list[int]) -> bool:
    i = bisect_right(sentence_starts, token.start) - 1
    if i < 0:
        return True
    before = text[sentence_starts[i] : token.start]
    return not any(ch.isalnum() for ch in before)


def find_mentions(text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex) -> tuple[Mention, ...]:
    """Every span of ``text`` that names a place, in text order; ``text[m.start:m.end] == m.text``."""
    tokens = tokenize(text)
    sentence_starts = [s.start for s in sentences] or [0]
    runs = _runs(text, tokens, sentence_starts)
    # One query for every n-gram of every run: the gazetteer answers which keys exist.
    wanted: set[str] = set()
    for run in runs:
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + _MAX_WORDS) + 1):
                wanted.add(_span_key(run[i:j]))
    known = gazetteer.known_keys(wanted)
    mentions: list[Mention] = []
    for run in runs:
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                span = run[i:j]
                if span[-1].text in CONNECTORS or span[0].text in CONNECTORS:
                    continue
                key = _span_key(span)
                if key in known:
                    mention = _accept(text, run, i, j, key, gazetteer, sentence_starts, sentences)
                    if mention is not None:
                        mentions.append(mention)
                    i = j
                    break
            else:
                i += 1
    return tuple(mentions)


def _accept(
    text: str,
    run: list[Token],
    i: int,
    j: int,
    key: str,
    gazetteer: NameIndex,
    sentence_starts: list[int],
    sentences: tuple[Sentence, ...],
) -> Mention | None:
    """The mention for ``run[i:j]``, or None when it is a classic false place."""
    span = run[i:j]
    words = key.split()
    if len(words) == 1 and words[0] in _NEVER_ALONE:
        return None
    before = run[i - 1].text.lower().rstrip(".") if i > 0 else ""
    after = run[j].text.lower().rstrip(".") if j < len(run) else ""
    if before in _TITLES:
        return None
    if after in _ORGANISATION_HEADS and len(words) == 1 and i == 0 and j == len(run) - 1:
        # "Trend News Agency": the place word is the organisation's own name.
        pass
    matches = gazetteer.matches(text[span[0].start : span[-1].end])
    if not matches:
        return None
    kind = "demonym" if all(m.match == "demonym" for m in matches) else "toponym"
    start, end = span[0].start, span[-1].end
    sentence_index = max(0, bisect_right(sentence_starts, start) - 1) if sentences else 0
    return Mention(start, end, text[start:end], sentence_index, kind)
