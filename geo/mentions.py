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

import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from geo.names import name_key
from geo.records import Mention, NameMatch, Sentence

__all__ = ["find_mentions", "propose_spans", "SpanCandidate", "Token", "tokenize", "NameIndex", "Recognizer"]


class Recognizer(Protocol):
    """What recognition needs from a model (geo.recognizer.RecognizerModel)."""

    def accepts(self, features: dict[str, float]) -> bool: ...


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


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    """A capitalised span the gazetteer knows, with what recognition needs to judge it."""

    tokens: tuple[Token, ...]
    key: str
    matches: tuple[NameMatch, ...]
    features: tuple[tuple[str, float], ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def is_demonym(self) -> bool:
        return all(m.match == "demonym" for m in self.matches)


def propose_spans(text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex) -> tuple[SpanCandidate, ...]:
    """Every longest capitalised span the gazetteer knows, described by named features."""
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
    document = _DocumentContext.of(text, tokens, sentence_starts)
    spans: list[SpanCandidate] = []
    for run in runs:
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                span = run[i:j]
                if span[-1].text in CONNECTORS or span[0].text in CONNECTORS:
                    continue
                key = _span_key(span)
                if key in known:
                    matches = gazetteer.matches(text[span[0].start : span[-1].end])
                    if matches:
                        features = _span_features(text, run, i, j, key, matches, document)
                        spans.append(SpanCandidate(tuple(span), key, matches, features))
                    i = j
                    break
            else:
                i += 1
    return tuple(spans)


def find_mentions(
    text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex, model: Recognizer | None = None
) -> tuple[Mention, ...]:
    """Every span of ``text`` that names a place, in text order; ``text[m.start:m.end] == m.text``.

    With a ``model`` (geo.recognizer), a span is kept when the model accepts its
    features; without one, only the hard rules below decide.
    """
    sentence_starts = [s.start for s in sentences] or [0]
    mentions = []
    for span in propose_spans(text, sentences, gazetteer):
        features = dict(span.features)
        if "rule:never" in features:
            continue
        if model is not None and not model.accepts(features):
            continue
        sentence_index = max(0, bisect_right(sentence_starts, span.start) - 1) if sentences else 0
        kind = "demonym" if span.is_demonym else "toponym"
        mentions.append(Mention(span.start, span.end, text[span.start : span.end], sentence_index, kind))
    return tuple(mentions)


@dataclass(frozen=True, slots=True)
class _DocumentContext:
    """Facts about the whole document that help judge one span."""

    lower_words: frozenset[str]  # words the text also uses in lower case ("trend", "park")
    mid_sentence_keys: frozenset[str]  # capitalised words seen away from a sentence start
    after_title_keys: frozenset[str]  # capitalised words seen right after a title: person names
    sentence_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, tokens: tuple[Token, ...], sentence_starts: list[int]) -> "_DocumentContext":
        lower, mid, titled = set(), set(), set()
        previous: Token | None = None
        for token in tokens:
            if token.is_capitalised:
                if not _is_sentence_initial(text, token, sentence_starts):
                    mid.add(token.text.lower())
                if previous is not None and previous.text.lower().rstrip(".") in _TITLES and previous.is_capitalised:
                    titled.add(token.text.lower())
            else:
                lower.add(token.text)
            previous = token
        return cls(frozenset(lower), frozenset(mid), frozenset(titled), tuple(sentence_starts))


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # imported lazily: its tables load on first use

    return zipf_frequency(word, "en")


_LAST_WORD = re.compile(r"([^\W\d_]+|\d+|[^\w\s])\W*$")
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+|\d+|[^\w\s])")


def _neighbour(text: str, start: int, end: int, document: _DocumentContext) -> tuple[str, str]:
    """The word (or punctuation) before and after ``text[start:end]`` in its sentence, lower case.

    ``<s>`` and ``</s>`` stand for the sentence's edges.
    """
    sentence_start = document.sentence_starts[max(0, bisect_right(document.sentence_starts, start) - 1)]
    before = _LAST_WORD.search(text, max(sentence_start, start - 40), start)
    after = _FIRST_WORD.match(text, end, end + 40)
    return (before.group(1).lower() if before else "<s>", after.group(1).lower() if after else "</s>")


def _span_features(
    text: str,
    run: list[Token],
    i: int,
    j: int,
    key: str,
    matches: tuple[NameMatch, ...],
    document: _DocumentContext,
) -> tuple[tuple[str, float], ...]:
    span = run[i:j]
    words = key.split()
    surface = text[span[0].start : span[-1].end]
    f: dict[str, float] = {"bias": 1.0}
    if len(words) == 1 and words[0] in _NEVER_ALONE:
        f["rule:never"] = 1.0
    prev, nxt = _neighbour(text, span[0].start, span[-1].end, document)
    if prev in _TITLES and i > 0:
        f["rule:never"] = 1.0  # "Colonel Jafarov"
    f["prev=" + prev] = 1.0
    f["next=" + nxt] = 1.0
    f["words=%d" % min(len(words), 3)] = 1.0
    if _is_sentence_initial(text, span[0], list(document.sentence_starts)):
        f["initial"] = 1.0
    if "." in surface:
        f["dotted"] = 1.0
    elif surface.isupper() and len(surface) > 1:
        f["allcaps"] = 1.0 if len(surface) > 3 else 0.0
        f["acronym"] = 1.0 if len(surface) <= 3 else 0.0
    if len(words) == 1:
        zipf = _zipf(words[0])
        f["zipf=%d" % int(zipf)] = 1.0
        if words[0] in document.lower_words or surface.lower() in document.lower_words:
            f["also lower case"] = 1.0
    else:
        f["multi zipf=%d" % int(min(_zipf(w) for w in words))] = 1.0
    if i > 0:
        f["run before"] = 1.0
    if j < len(run):
        f["run after"] = 1.0
    if surface.lower() in document.after_title_keys or (len(words) == 1 and words[0] in document.after_title_keys):
        f["after a title elsewhere"] = 1.0
    if len(words) == 1 and span[0].text.lower() not in document.mid_sentence_keys:
        f["only sentence-initial"] = 1.0
    match_kinds = {m.match for m in matches}
    if match_kinds == {"demonym"}:
        f["demonym"] = 1.0
    else:
        places = [m.place for m in matches if m.match != "demonym"]
        kinds = {p.kind for p in places}
        for kind in kinds:
            f["kind=" + kind] = 1.0
        f["best match=" + min((m.match for m in matches if m.match != "demonym"), key=_MATCH_ORDER.index)] = 1.0
        population = max((p.population for p in places), default=0)
        f["population=%d" % int(math.log10(population + 1))] = 1.0
        f["candidates=%d" % min(len(places), 5)] = 1.0
    if text[span[-1].end : span[-1].end + 1] in ("'", "’"):
        f["possessive"] = 1.0
    return tuple(sorted(f.items()))


_MATCH_ORDER = ["name", "abbreviation", "alternate", "demonym"]
