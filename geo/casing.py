"""Text whose letter case says nothing of names, made readable to the mention finder.

The mention finder (geo.mentions) looks for names among capitalised words, as English
writes them. Some real text does not: a tweet or a search typed all in lower case
("floods in bangladesh and nepal"), and hashtags ("#PuertoRico", "#detroit",
"#PrayForParis"). For such text :func:`cased_view` makes a copy that reads like edited
prose, and maps the copy's offsets back to the text's:

- a hashtag's ``#`` becomes a space, and its words are parted where the case changes
  ("#NewYorkCity" -> "New York City") or, in a hashtag all in one case, where the
  gazetteer's names part them ("#puertorico" -> "puerto rico");
- in a *caseless* text (no capitalised word anywhere but at a sentence's start) and in a
  lower-case hashtag, the names a reader would know without a capital are capitalised:
  a place the gazetteer names (by its name or a variant, not an abbreviation) whose words
  are no commoner in English than the place's size explains (:func:`known_without_case`:
  "tokyo", "bangladesh", "new york", but not "nice", "reading" or "may").

A name written as one capitalised word ("NewYork", "SanFrancisco") is parted the same way
by :func:`joined_view`, which the mention finder asks only about such words that no name of
the text covers.

The recognizer then judges the copy's capitalised names as it judges any others.
Text with ordinary case and no hashtag is left alone (``cased_view`` returns None).

>>> from tests.fakes import FakeGazetteer
>>> view = cased_view("fighting near fuzuli and #NagornoKarabakh", (), FakeGazetteer())
>>> view.text
'fighting near Fuzuli and  Nagorno Karabakh'
>>> start = view.text.index("Nagorno"); view.original(start), view.original_end(start + 16)
(26, 41)
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

from geo.names import name_key
from geo.records import Sentence

__all__ = ["CasedView", "cased_view", "joined_view", "is_caseless", "known_without_case", "hashtag_words"]

_MAX_WORDS = 6
# A hashtag: '#' not inside a word (not "C#", not "&#39;"), then a letter and word characters.
# (The '#' comes first and the look back over it after: a pattern that opens with a literal is
# searched for that character alone, one that opens with a look back tries every offset.)
_HASHTAG = re.compile(r"#(?<![\w&]#)([^\W\d_][^\W_]*(?:_[^\W_]+)*)")
# A word of letters (inner apostrophes kept), as the mention finder reads one.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Lower-case words that never start or end a name written without capitals: English's function
# words, the joints of names, months and weekdays (whatever small places share them).
_NEVER_CASELESS = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my your me us him them
    and but or nor so yet if when while after before as at by for from in into of on to with up down out over
    there here what which who whom whose where why how all any both each few more most other
    some such no not only own same than too very can will just should now also however still
    is are was were be been being have has had do does did said says one two three
    de del della di da do dos das du des la le les el al upon the am im an der sur y en
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
# Prepositions of place: after one, a lower-case given name is read as the place ("in dallas").
_LOCATIVE = frozenset("in at from to near across around outside into toward towards through via".split())
# Words of a name that stay lower case inside it when it is capitalised ("Rio de Janeiro").
_JOINTS = frozenset("of de del della di da do dos das du des la le les el al upon on the and y en am im an der sur".split())


# A capital letter after a lower-case letter or a comma and one space: surely mid-sentence.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )(?!I\b|I['’])[A-Z]")


class CasedView(NamedTuple):
    """A copy of a text for the mention finder, and where its characters come from."""

    text: str
    sentences: tuple[Sentence, ...]
    # The copy's offsets of the spaces put in, in order: None when the copy has the text's
    # length and offsets (only letters' case and '#' changed). A character of the copy is the
    # original's that many places before it as spaces were put in before it; a space put in
    # stands for the character after it.
    put_in: tuple[int, ...] | None

    def original(self, start: int) -> int:
        """The original offset of a span that starts at ``start`` in the copy."""
        return start if self.put_in is None else start - bisect_left(self.put_in, start)

    def original_end(self, end: int) -> int:
        """The original offset of a span that ends at ``end`` in the copy (end > 0)."""
        return end if self.put_in is None else end - bisect_left(self.put_in, end - 1)


def is_caseless(text: str, sentence_starts: Iterable[int] = (0,)) -> bool:
    """Does ``text`` have no capitalised word but at a sentence's start (and "I"), and some
    sentence that starts in lower case? (A sentence with ordinary case and no name in it has
    its capital at the start: "They opened a bottle of champagne.")

    >>> is_caseless("quake near tokyo"), is_caseless("Quake near tokyo. more later", (0, 18))
    (True, True)
    >>> is_caseless("Quake near Tokyo"), is_caseless(""), is_caseless("We sipped champagne.")
    (False, False, False)
    """
    # Most texts have ordinary case, which a capital right after a lower-case word or a comma
    # shows at once (a scan in C); only a text without one is read word by word.
    if _MID_SENTENCE_CAPITAL.search(text) is not None:
        return False
    starts = set(sentence_starts) | {0}
    lower_start = False
    for match in _WORD.finditer(text):
        word = match.group()
        if match.start() and text[match.start() - 1] == "#":
            continue  # a hashtag's capitals are its own (see hashtag_words)
        lower = not word[0].isupper()
        if (lower and lower_start) or word in ("I", "I'm", "I’m", "I'll", "I’ll", "I've", "I’ve", "I'd", "I’d"):
            continue
        i = match.start() - 1
        while i >= 0 and not text[i].isalnum():
            i -= 1
        initial = i < 0 or _starts_sentence(text, i + 1, match.start(), starts)
        if lower:
            lower_start = initial
        elif not initial:
            return False  # caseless text capitalises only a sentence's first word
    return lower_start


def _starts_sentence(text: str, after: int, start: int, starts: set[int]) -> bool:
    # A sentence starts between the last word character before the word and the word itself,
    # or punctuation that ends one stands there.
    return any(p in starts for p in range(after, start + 1)) or any(ch in ".!?\n" for ch in text[after:start])


def known_without_case(summary, words: list[str], zipf: Callable[[str], float]) -> bool:
    """Would a reader know the place of these key ``words`` written without a capital?

    A named rule: the gazetteer names a place by them (its name or a variant, not only an
    abbreviation or a demonym), none is a function word, month or joint of names, and the
    rarest of them is no commoner in English than the biggest place's size explains:
    Zipf frequency below 2 + log10(population) / 2 ("tokyo" 4.3 < 5.7 for 24 million,
    "nice" 5.4 > 4.8 for 340,000), a name of several words one point more (the phrase is far
    rarer than its rarest word).
    """
    if summary is None or not summary.places or words[0] in _NEVER_CASELESS or words[-1] in _NEVER_CASELESS:
        return False
    if all(matches == frozenset({"abbreviation"}) for _, matches in summary.kinds):
        return False
    rarest = min(zipf(w) for w in words) - (1.0 if len(words) > 1 else 0.0)
    return rarest < 2.0 + math.log10(summary.population + 1) / 2.0


def hashtag_words(body: str) -> list[tuple[int, int]]:
    """The words of a hashtag's body as (start, end), parted where its case or script changes.

    >>> b = "NewYorkCity"; [b[i:j] for i, j in hashtag_words(b)]
    ['New', 'York', 'City']
    >>> b = "USAToday_2024"; [b[i:j] for i, j in hashtag_words(b)]
    ['USA', 'Today', '2024']
    """
    words = []
    start = 0
    n = len(body)
    for i in range(1, n + 1):
        if i == n:
            cut = True
        else:
            a, b = body[i - 1], body[i]
            c = body[i + 1] if i + 1 < n else ""
            cut = (b == "_" or a == "_" or (a.islower() and b.isupper()) or (a.isupper() and b.isupper() and c.islower())
                   or a.isdigit() != b.isdigit())
        if cut:
            if body[start:i] and body[start:i] != "_":
                words.append((start, i))
            start = i
    return [(i, j) for i, j in words if body[i:j] != "_"]


def cased_view(text: str, sentences: tuple[Sentence, ...], gazetteer) -> CasedView | None:
    """The copy of ``text`` the mention finder reads (see the module doc); None when the text
    has ordinary case and no hashtag, the common case, which costs one scan for '#' and the
    text's first capital away from a sentence's start."""
    has_tag = "#" in text and _HASHTAG.search(text) is not None
    # Most texts have ordinary case, which is_caseless sees at once (no sentence starts needed).
    if not has_tag and _MID_SENTENCE_CAPITAL.search(text) is not None:
        return None
    starts = tuple(s.start for s in sentences) or (0,)
    caseless = is_caseless(text, starts)
    if not has_tag and not caseless:
        return None
    zipf = getattr(gazetteer, "word_frequency", None) or _wordfreq_zipf
    summary_of = getattr(gazetteer, "summary", None)
    if summary_of is None:
        from geo.gazetteer import summarize_matches

        def summary_of(name: str):
            return summarize_matches(gazetteer.matches(name))

    upper: set[int] = set()  # offsets of letters to capitalise
    spaces: set[int] = set()  # offsets of '#' that become a space
    inserts: set[int] = set()  # offsets before which a space goes in
    # Lower-case words that may be names: every word of a caseless text, a lower-case hashtag's body.
    groups: list[list[tuple[int, int, str]]] = []  # runs of words a name may span: (start, end, key)
    tag_spans: list[tuple[int, int]] = []
    for match in _HASHTAG.finditer(text) if has_tag else ():
        spaces.add(match.start())
        body_start = match.start(1)
        body = match.group(1)
        tag_spans.append((body_start, match.end(1)))
        parts = hashtag_words(body)
        for i, _ in parts[1:]:
            inserts.add(body_start + i)
        if body.islower():
            if len(parts) == 1:
                groups.append(_split_by_names(body, body_start, gazetteer, inserts))
            else:
                groups.append([(body_start + i, body_start + j, name_key(body[i:j])) for i, j in parts])
    if caseless:
        groups.extend(_word_groups(text, starts, tag_spans))
    given_names = getattr(gazetteer, "given_names", None)
    _capitalise_known(groups, gazetteer, summary_of, zipf, upper, given_names() if given_names is not None else frozenset())
    return _view(text, sentences, upper, spaces, inserts)


def joined_view(text: str, sentences: tuple[Sentence, ...], cuts: Iterable[int]) -> CasedView | None:
    """The copy of ``text`` with a space put in at each of ``cuts``: where the mention finder
    parts a name written as one capitalised word ("NewYork", "SanFrancisco") because the
    gazetteer knows it parted and not whole ("McAllen", "DeKalb" and "LaSalle" are names
    whole); None when there is no cut.

    >>> view = joined_view("Flying NewYork today", (), [10]); view.text, view.original_end(15)
    ('Flying New York today', 14)
    """
    return _view(text, sentences, set(), set(), set(cuts))


def _view(text: str, sentences: tuple[Sentence, ...], upper: set[int], spaces: set[int], inserts: set[int]) -> CasedView | None:
    """The copy of ``text`` with the letters at ``upper`` capitalised, the characters at
    ``spaces`` made spaces and a space put in before each offset of ``inserts``; None when
    there is nothing to change."""
    if not upper and not spaces and not inserts:
        return None
    changed = text  # (a copy of characters only where some change: slices of it make the rest)
    if upper or spaces:
        chars = list(text)
        for i in spaces:
            chars[i] = " "
        for i in upper:
            capital = chars[i].upper()
            if len(capital) == 1:
                chars[i] = capital
        changed = "".join(chars)
    if not inserts:
        return CasedView(changed, tuple(sentences), None)
    cuts = sorted(inserts)
    pieces = [changed[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]  # the text between the spaces put in
    # Where an original offset went: the copy's offset of the original character (after a
    # space put in before it), as many places on as spaces were put in at or before it. A
    # sentence that ends before the first space put in keeps its offsets.
    moved = tuple(s if s.end < cuts[0] else
                  Sentence(s.index, s.start + bisect_right(cuts, s.start), s.end + bisect_right(cuts, s.end))
                  for s in sentences)
    return CasedView(" ".join(pieces), moved, tuple([cut + k for k, cut in enumerate(cuts)]))


def _wordfreq_zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # a gazetteer without word_frequency (test fakes)

    return zipf_frequency(word, "en")


def _word_groups(text: str, starts: tuple[int, ...], skip: list[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
    """Runs of lower-case words joined by one space or hyphen, within a sentence (a name can
    span them), each word as (start, end, key); hashtags' bodies in ``skip`` left out."""
    groups: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    starts_set = set(starts)
    skipped = {start for start, _ in skip}
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        joined = current and text[current[-1][1] : start] in (" ", "-") and start not in starts_set
        if not joined and current:
            groups.append(current)
            current = []
        if start in skipped or not word.islower():
            if current:
                groups.append(current)
                current = []
            continue
        current.append((start, end, name_key(word)))
    if current:
        groups.append(current)
    return groups


def _split_by_names(body: str, offset: int, gazetteer, inserts: set[int]) -> list[tuple[int, int, str]]:
    """A one-case hashtag body as words: whole when the gazetteer knows it, else parted in two
    or three where that makes a name it knows ("puertorico" -> "puerto rico"); the cuts go
    into ``inserts``."""
    whole = [(offset, offset + len(body), name_key(body))]
    n = len(body)
    if n < 4:
        return whole
    splits: dict[str, tuple[int, ...]] = {}
    for i in range(2, n - 1):
        splits.setdefault(f"{body[:i]} {body[i:]}", (i,))
    if n <= 24:
        for i in range(2, n - 3):
            for j in range(i + 2, n - 1):
                splits.setdefault(f"{body[:i]} {body[i:j]} {body[j:]}", (i, j))
    known = gazetteer.known_keys([name_key(body), *splits])
    if name_key(body) in known:
        return whole
    for key, cuts in splits.items():
        if key in known:
            bounds = [0, *cuts, n]
            for cut in cuts:
                inserts.add(offset + cut)
            return [(offset + a, offset + b, name_key(body[a:b])) for a, b in zip(bounds, bounds[1:])]
    return whole


def _capitalise_known(groups, gazetteer, summary_of, zipf, upper: set[int], given: frozenset[str] = frozenset()) -> None:
    """Add to ``upper`` the first letters of the longest names, left to right, that the
    gazetteer knows in each group of words and that a reader knows without a capital: not a
    one-word name that is also a common given name (``given``: "jordan", "georgia", "chelsea"
    in lower case are as likely people) unless a preposition of place stands before it
    ("in dallas")."""
    wanted: set[str] = set()
    for group in groups:
        keys = [key for _, _, key in group]
        for i in range(len(keys)):
            for j in range(i + 1, min(len(keys), i + _MAX_WORDS) + 1):
                wanted.add(" ".join(keys[i:j]))
    if not wanted:
        return
    known = gazetteer.known_keys(wanted)
    if not known:
        return
    for group in groups:
        keys = [key for _, _, key in group]
        i = 0
        while i < len(keys):
            for j in range(min(len(keys), i + _MAX_WORDS), i, -1):
                key = " ".join(keys[i:j])
                if key in known and (j > i + 1 or key not in given or (i and keys[i - 1] in _LOCATIVE)) \
                        and known_without_case(summary_of(key), keys[i:j], zipf):
                    for start, _, word_key in group[i:j]:
                        if word_key not in _JOINTS or start == group[i][0]:
                            upper.add(start)
                    i = j
                    break
            else:
                i += 1
