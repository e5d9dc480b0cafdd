"""Stage 2: toponym recognition — find the spans of a text that name places.

Capitalised word sequences (with the connectors of place names: "Gulf of Mexico",
"Rio de Janeiro") are matched against the gazetteer's name keys, longest first.
Each proposed span is described by named features — the words around it, how
common it is as an English word, whether a title precedes it, what kinds of
place the gazetteer has under that name — and a recognizer model
(geo.recognizer) decides which spans are places. A few hard rules hold whatever
the model says: months, weekdays, titles and bare compass words are never a
place on their own, and a name right after a title is a person ("Colonel
Jafarov"). Demonyms and adjectives ("Azerbaijani", "Armenians") become mentions
of kind ``"demonym"``.

Nothing here keeps state between calls; per-call memos live in local variables.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from geo.names import name_key
from geo.records import Mention, NameMatch, Sentence

__all__ = [
    "find_mentions",
    "propose_spans",
    "SpanCandidate",
    "Token",
    "tokenize",
    "NameIndex",
    "Recognizer",
    "CONNECTORS",
]


class Recognizer(Protocol):
    """What recognition needs from a model (geo.recognizer.RecognizerModel)."""

    def accepts(self, features: Mapping[str, float]) -> bool: ...


class NameIndex(Protocol):
    """What recognition needs from a gazetteer."""

    def known_keys(self, keys: Iterable[str]) -> frozenset[str]: ...

    def matches(self, name: str) -> tuple[NameMatch, ...]: ...


class Token(NamedTuple):
    """A word of the text (a tuple: recognition makes tens of thousands per megabyte)."""

    start: int
    end: int
    text: str
    possessive: bool = False  # the word carried a possessive ('s) that was left out

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


#: Lower-case words that occur inside place names.
CONNECTORS = frozenset(
    "of de del della di da do dos das du des la le les el al upon on the and y en am im an der sur".split()
)
_MAX_WORDS = 6

# A word: letters with inner apostrophes; or a dotted abbreviation (U.S., W.Va., N.Y.).
_WORD = r"(?:[A-Z][a-z]{0,2}\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*['’]?"
_TOKEN = re.compile(_WORD)
# Upper-case letters of the Latin scripts news is written in (re has no \p{Lu}).
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏ"
_CAPITALISED = rf"(?:[A-Z][a-z]{{0,2}}\.){{2,}}|[{_UPPER}][^\W_]*(?:['’][^\W\d_]+)*['’]?"
_SEPARATOR = r"(?:[ \t]+|[ \t]*-[ \t]*)"
_CONNECTOR = "|".join(sorted(CONNECTORS, key=len, reverse=True))
# A run: capitalised words joined by spaces or hyphens, with at most two connectors between two of them.
_RUN = re.compile(
    rf"(?<![\w.])(?:{_CAPITALISED})(?:{_SEPARATOR}(?:(?:{_CONNECTOR}){_SEPARATOR}){{0,2}}(?:{_CAPITALISED}))*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z]+(?![\w])")
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+|\d+|[^\w\s])")

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
# Words that, right before a capitalised name, make it a person: "Colonel Jafarov", "Gov. Cuomo".
_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev father pastor bishop rabbi imam sheikh
    president pres vice minister premier chancellor governor gov senator sen rep representative
    congressman congresswoman mayor judge justice sheriff officer detective det chief
    colonel col general gen lieutenant lt captain capt major maj sergeant sgt corporal cpl private pvt
    admiral adm commander cmdr coach ambassador amb
    spokesman spokeswoman spokesperson deputy director secretary
    """.split()
)
_MATCH_ORDER = ("name", "abbreviation", "alternate", "demonym")
# Capitalised only because they start a sentence, and never a place alone: skipped early.
_FUNCTION_WORDS = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my your
    and but or nor so yet if when while after before as at by for from in into of on to with
    there here what which who whom whose where why how all any both each few more most other
    some such no not only own same than too very can will just should now also however still
    is are was were be been being have has had do does did said says one two three
    """.split()
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Word tokens of ``text[start:end]`` with offsets; a trailing possessive is left out.

    >>> [t.text for t in tokenize("Azerbaijan's Tovuz, U.S.-based")]
    ['Azerbaijan', 'Tovuz', 'U.S.', 'based']
    """
    tokens = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        token_start, token_end = match.span()
        possessive = False
        if word[-1] in "'’" or (word[-2:-1] in ("'", "’") and word[-1] == "s"):
            cut = _POSSESSIVE.search(word)
            word = word[: cut.start()]
            token_end = token_start + len(word)
            possessive = True
        if word:
            tokens.append(Token(token_start, token_end, word, possessive))
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    """A capitalised span the gazetteer knows, with what recognition needs to judge it."""

    start: int
    end: int
    key: str
    matches: tuple[NameMatch, ...]
    features: tuple[tuple[str, float], ...]

    @property
    def is_demonym(self) -> bool:
        """A people or adjective ("Canadian"), even where a small town shares the word."""
        return any(m.match == "demonym" for m in self.matches) and not any(
            m.match != "demonym" and m.place.kind in ("country", "adm1", "continent") for m in self.matches
        )


@dataclass(frozen=True, slots=True)
class _Context:
    """Facts about the whole document that help judge one span."""

    text: str
    sentence_starts: tuple[int, ...]
    lower_words: frozenset[str]  # words the text also uses in lower case ("trend", "park")
    mid_sentence_words: frozenset[str]  # capitalised words seen away from a sentence start
    after_title_words: frozenset[str]  # capitalised words seen right after a title: person names

    def sentence_start(self, offset: int) -> int:
        return self.sentence_starts[max(0, bisect_right(self.sentence_starts, offset) - 1)]

    def is_sentence_initial(self, offset: int) -> bool:
        """Nothing but punctuation and space between the sentence's start and ``offset``."""
        floor, text, i = self.sentence_start(offset), self.text, offset - 1
        while i >= floor and not text[i].isalnum():
            i -= 1
        return i < floor

    def neighbours(self, start: int, end: int) -> tuple[str, str]:
        """The word (or punctuation) before and after ``text[start:end]`` in its sentence.

        Lower case; ``<s>`` and ``</s>`` stand for the sentence's edges, ``<num>`` for a
        number. A period right after the word before is skipped, so "Gov. Cuomo" gives "gov".
        """
        return _word_before(self.text, start, self.sentence_start(start)), _word_after(self.text, end, self.sentence_end(start))

    def sentence_end(self, offset: int) -> int:
        i = bisect_right(self.sentence_starts, offset)
        return self.sentence_starts[i] if i < len(self.sentence_starts) else len(self.text)


def _word_before(text: str, start: int, floor: int) -> str:
    # A backwards scan over a few characters: far cheaper than a regex anchored at the end.
    i = start - 1
    while i >= floor and text[i].isspace():
        i -= 1
    if i < floor:
        return "<s>"
    if text[i] == "." and i > floor and text[i - 1].isalpha():
        i -= 1
    if not text[i].isalnum():
        return text[i]
    j = i
    while j > floor and text[j - 1].isalnum():
        j -= 1
    word = text[j : i + 1]
    return "<num>" if word.isdigit() else word.lower()


def _word_after(text: str, end: int, ceiling: int) -> str:
    match = _FIRST_WORD.match(text, end, min(end + 40, ceiling))
    if match is None:
        return "</s>"
    word = match.group(1)
    return "<num>" if word.isdigit() else word.lower()


def _runs(text: str, context: _Context) -> list[list[Token]]:
    """Capitalised word sequences, cut at sentence starts and after possessives."""
    runs: list[list[Token]] = []
    for match in _RUN.finditer(text):
        word = match.group()
        if word.isalpha():  # most runs are one plain word: no need to tokenize
            if word.lower() not in _FUNCTION_WORDS:
                runs.append([Token(match.start(), match.end(), word)])
            continue
        current: list[Token] = []
        sentence = bisect_right(context.sentence_starts, match.start())
        for token in tokenize(text, match.start(), match.end()):
            new_sentence = bisect_right(context.sentence_starts, token.start)
            if current and (new_sentence != sentence or current[-1].possessive):
                runs.append(current)
                current = []
            sentence = new_sentence
            current.append(token)
        if current:
            runs.append(current)
    return [run for run in runs if len(run) > 1 or run[0].text.lower() not in _FUNCTION_WORDS]


def _context(text: str, sentences: tuple[Sentence, ...], runs: list[list[Token]]) -> _Context:
    starts = tuple(s.start for s in sentences) or (0,)
    base = _Context(text, starts, frozenset(_LOWER_WORD.findall(text)), frozenset(), frozenset())
    mid, titled = set(), set()
    for run in runs:
        for k, token in enumerate(run):
            word = token.text.lower()
            if k > 0 or not base.is_sentence_initial(token.start):
                mid.add(word)
            if k > 0 and run[k - 1].text.lower() in _TITLES:
                titled.add(word)
        first = run[0]
        if _word_before(text, first.start, base.sentence_start(first.start)) in _TITLES:
            titled.add(first.text.lower())
    return _Context(text, starts, base.lower_words, frozenset(mid), frozenset(titled))


def propose_spans(text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex) -> tuple[SpanCandidate, ...]:
    """Every longest capitalised span the gazetteer knows, described by named features."""
    sentences = sentences or (Sentence(0, 0, len(text)),)
    runs = _runs(text, _Context(text, tuple(s.start for s in sentences), frozenset(), frozenset(), frozenset()))
    context = _context(text, sentences, runs)
    word_keys: dict[str, str] = {}
    run_keys: list[list[str]] = []
    wanted: set[str] = set()
    for run in runs:
        keys = []
        for token in run:
            key = word_keys.get(token.text)
            if key is None:
                key = word_keys[token.text] = name_key(token.text)
            keys.append(key)
        run_keys.append(keys)
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + _MAX_WORDS) + 1):
                wanted.add(" ".join(keys[i:j]))
    # One query for every n-gram of every run: the gazetteer answers which keys exist.
    known = gazetteer.known_keys(wanted)
    zipf_memo: dict[str, float] = {}
    gazetteer_memo: dict[str, dict[str, float]] = {}
    spans: list[SpanCandidate] = []
    for run, keys in zip(runs, run_keys):
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                if keys[i] in CONNECTORS or keys[j - 1] in CONNECTORS:
                    continue
                key = " ".join(keys[i:j])
                if key in known:
                    start, end = run[i].start, run[j - 1].end
                    matches = gazetteer.matches(text[start:end])
                    if matches:
                        features = _span_features(run, i, j, key, matches, context, zipf_memo, gazetteer_memo)
                        spans.append(SpanCandidate(start, end, key, matches, features))
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
    features; without one, only the hard rules decide.
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


def _zipf(word: str, memo: dict[str, float]) -> float:
    value = memo.get(word)
    if value is None:
        from wordfreq import zipf_frequency  # imported lazily: its tables load on first use

        value = memo[word] = zipf_frequency(word, "en")
    return value


def _gazetteer_features(
    key: str, matches: tuple[NameMatch, ...], memo: dict[str, dict[str, float]]
) -> dict[str, float]:
    """What the gazetteer says of a name: its kinds of place, how it matched, how big the biggest is."""
    f = memo.get(key)
    if f is not None:
        return f
    f = {}
    if any(m.match == "demonym" for m in matches):
        f["demonym"] = 1.0
    if not all(m.match == "demonym" for m in matches):
        places = [m.place for m in matches if m.match != "demonym"]
        for kind in {p.kind for p in places}:
            f["kind=" + kind] = 1.0
        best_match = min((m.match for m in matches if m.match != "demonym"), key=_MATCH_ORDER.index)
        f["best match=" + best_match] = 1.0
        population = max(p.population for p in places)
        f["population=%d" % int(math.log10(population + 1))] = 1.0
        f["candidates=%d" % min(len(places), 5)] = 1.0
    memo[key] = f
    return f


def _span_features(
    run: list[Token],
    i: int,
    j: int,
    key: str,
    matches: tuple[NameMatch, ...],
    context: _Context,
    zipf_memo: dict[str, float],
    gazetteer_memo: dict[str, dict[str, float]],
) -> tuple[tuple[str, float], ...]:
    words = key.split()
    start, end = run[i].start, run[j - 1].end
    surface = context.text[start:end]
    f: dict[str, float] = {"bias": 1.0}
    if len(words) == 1 and words[0] in _NEVER_ALONE:
        f["rule:never"] = 1.0
    prev, nxt = context.neighbours(start, end)
    if prev in _TITLES and (i > 0 or context.text[start - 2 : start].strip() in (".", "")):
        f["rule:never"] = 1.0  # "Colonel Jafarov", "Gov. Cuomo"
    f["prev=" + prev] = 1.0
    f["next=" + nxt] = 1.0
    f["words=%d" % min(len(words), 3)] = 1.0
    if context.is_sentence_initial(start):
        f["initial"] = 1.0
    if "." in surface:
        f["dotted"] = 1.0
    elif surface.isupper() and len(surface) > 1:
        f["allcaps" if len(surface) > 3 else "acronym"] = 1.0
    if len(words) == 1:
        f["zipf=%d" % int(_zipf(words[0], zipf_memo))] = 1.0
        if surface.lower() in context.lower_words:
            f["also lower case"] = 1.0
        if surface.lower() not in context.mid_sentence_words:
            f["only sentence-initial"] = 1.0
    else:
        f["multi zipf=%d" % int(min(_zipf(w, zipf_memo) for w in words))] = 1.0
    if i > 0:
        f["run before"] = 1.0
    if j < len(run):
        f["run after"] = 1.0
    if surface.lower() in context.after_title_words:
        f["after a title elsewhere"] = 1.0
    if run[j - 1].possessive:
        f["possessive"] = 1.0
    f.update(_gazetteer_features(key, matches, gazetteer_memo))
    return tuple(sorted(f.items()))
