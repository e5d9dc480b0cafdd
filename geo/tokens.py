"""Tokens and runs: the words of a text and the capitalised word sequences that may name places.

The first job of recognition (geo.mentions): a *run* is a sequence of capitalised words within
a sentence, joined by spaces, hyphens and the connectors of place names ("Gulf of Mexico",
"Rio de Janeiro", "Port-au-Prince"); a run is cut into *pieces* after possessives (joined
again where the gazetteer knows a name across the "'s": :func:`_possessive_joints`), and the
spans of a piece that the gazetteer knows are found longest first (:func:`_longest_known`),
a capitalised article or particle opening a name the gazetteer holds whole ("Des Moines",
"The Bronx"). Everything here is a pure function of the text (memoised, bounded), the
gazetteer's answers given.

>>> [t.text for t in tokenize("Azerbaijan's Tovuz, U.S.-based")]
['Azerbaijan', 'Tovuz', 'U.S.', 'based']
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from geo.names import _ABBREVIATIONS, name_key
from geo.run_words import _FUNCTION_WORDS, _OPENERS, _TITLES, CONNECTORS

__all__ = ["Token", "tokenize", "CONNECTORS"]


class Token(NamedTuple):
    """A word of the text (a tuple: recognition makes tens of thousands per megabyte)."""

    start: int
    end: int
    text: str
    possessive: bool = False  # the word carried a possessive ('s) that was left out

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


# The words of runs and pieces are plain (start, end, text, possessive) tuples, Token's fields read
# by these indices: the garbage collector stops tracking a tuple of plain values at the first
# collection it survives, never a named tuple, and the run memo keeps thousands of pieces.
_W_START, _W_END, _W_TEXT, _W_POSSESSIVE = range(4)
_Word = tuple[int, int, str, bool]


_MAX_WORDS = 6

# "St. Louis", "Mt. Vernon", "Ft. Worth": the abbreviated first word of a name, one word
# with its dot when a capitalised word follows (name_key reads it as saint/mount/fort).
_NAME_PREFIX = r"(?:S[Tt][Ee]?|M[Tt]|F[Tt])\.(?=[ \t]+[A-Z])"
# A word: letters with inner apostrophes; or a dotted abbreviation (U.S., W.Va., N.Y.).
_WORD = rf"(?:[A-Z][a-z]{{0,2}}\.){{2,}}|{_NAME_PREFIX}|[^\W\d_]+(?:['’][^\W\d_]+)*['’]?"
_TOKEN = re.compile(_WORD)
# Upper-case letters of the Latin scripts news is written in (re has no \p{Lu}).
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏ"
# (The run patterns' possessive quantifiers, *+ ++ {m,n}+, never give back what they took:
# nothing that follows one can start with what it takes, so giving back is only retries.)
_CAPITALISED = rf"(?:[A-Z][a-z]{{0,2}}+\.){{2,}}|{_NAME_PREFIX}|[{_UPPER}][^\W_]*+(?:['’][^\W\d_]++)*+['’]?"
# A capitalised word behind an elided particle joins a name after a hyphen ("Les
# Sables-d'Olonne", "Port-d'Envaux"); the gazetteer's key writes it as one word ("dolonne").
_ELIDED = rf"-[dl]['’][{_UPPER}][^\W\d_]*"
_SEPARATOR = r"(?:[ \t]++|[ \t]*+-[ \t]*+)"
# Spanish "los"/"las" join a name's words in lower case ("San Cristóbal de las Casas"), but are
# no connectors for spans: capitalised they are the name's first word ("Los Angeles", "Las Vegas").
# Grouped by first letter ("d(?:ella|el|...)|l(?:as|...)|..."): the engine tests a letter
# per group, not every word, at each gap between a run's words. (Order among the words is
# immaterial: a separator must follow, so of two that start alike only one can be taken.)
_CONNECTOR = "|".join(
    first + "(?:" + "|".join(sorted((word[1:] for word in CONNECTORS | {"los", "las"} if word[0] == first),
                                    key=len, reverse=True)) + ")"
    for first in sorted({word[0] for word in CONNECTORS | {"los", "las"}})
)
# _CAPITALISED after its first (upper-case) letter: each alternative's rest, behind a look at that letter.
_CAPITALISED_REST = (
    r"(?<=[A-Z])[a-z]{0,2}+\.(?:[A-Z][a-z]{0,2}+\.)++"
    r"|(?:(?<=S)[Tt][Ee]?|(?<=[MF])[Tt])\.(?=[ \t]+[A-Z])"
    r"|[^\W_]*+(?:['’][^\W\d_]++)*+['’]?"
)
# A run: capitalised words joined by spaces or hyphens, with at most two connectors between two of them.
# It starts with the first letter's class, so the engine skips to the next upper-case letter
# in C before trying anything; the look-behind then checks the character before that letter
# (none, or no word character or dot: "(?<![\w.])" at the run's start).
_RUN = re.compile(
    rf"[{_UPPER}](?<![\w.].)(?:{_CAPITALISED_REST})"
    rf"(?:{_SEPARATOR}(?:(?:{_CONNECTOR}){_SEPARATOR}){{0,2}}(?:{_CAPITALISED})|{_ELIDED})*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
# The lower-case words _Context.used_in_lower_case looks for (it finds them with str.find).
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+|\d+|[^\w\s])")


# Token(start, end, text, possessive) without the Python-level __new__ NamedTuple generates
# (a frame per call): tokenize makes one per word (and recognition a _Piece per piece, a _Run
# per run holding a span, the same way).
_new_tuple = tuple.__new__


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
            tokens.append(_new_tuple(Token, (token_start, token_end, word, possessive)))
    return tuple(tokens)


def _is_sentence_initial(text: str, offset: int, floor: int) -> bool:
    """Nothing but punctuation and space between the sentence's start ``floor`` and ``offset``."""
    i = offset - 1
    while i >= floor and not text[i].isalnum():
        i -= 1
    return i < floor


def _initial_after(text: str, offset: int, floor: int, prev: str) -> bool:
    """``_is_sentence_initial(text, offset, floor)``, mostly read off ``prev``, the word before
    (see _word_before): "<s>" means only space before, a word or number means not initial."""
    return not prev.isalnum() and (prev == "<s>" or len(prev) == 1 and _is_sentence_initial(text, offset, floor))


def _word_before(text: str, start: int, floor: int) -> str:
    """The word (or punctuation) before ``text[start:]`` in its sentence: see _word_and_initial."""
    return _word_and_initial(text, start, floor)[0]


def _word_and_initial(text: str, start: int, floor: int) -> tuple[str, bool]:
    """The word (or punctuation) before ``text[start:]`` in its sentence, lower case (``<s>``
    for the sentence's start, ``<num>`` for a number; a period right after the word before is
    skipped: "Gov. Cuomo" gives "gov"), and whether ``start`` is sentence-initial
    (_initial_after's answer: a word before never is, the sentence's start always)."""
    # A backwards scan over a few characters: far cheaper than a regex anchored at the end.
    i = start - 1
    if i < floor:
        return "<s>", True
    # The commonest: one space after a word of letters or digits, taken whole back to the space before it.
    word = text[text.rfind(" ", floor, i) + 1 or floor : i] if text[i] == " " else ""
    if not word.isalnum():
        while i >= floor and text[i].isspace():
            i -= 1
        if i < floor:
            return "<s>", True
        if text[i] == "." and i > floor and text[i - 1].isalpha():
            i -= 1
        if not text[i].isalnum():  # punctuation: what comes before it decides
            return text[i], _initial_after(text, start, floor, text[i])
        # The word mostly starts after the last space: taken whole when all of it is letters
        # or digits (the scan would stop at that space too), else scanned for.
        j = text.rfind(" ", floor, i) + 1 or floor
        word = text[j : i + 1]
        if not word.isalnum():
            j = i
            while j > floor and text[j - 1].isalnum():
                j -= 1
            word = text[j : i + 1]
    return ("<num>" if word.isdigit() else word.lower()), False


def _word_after(text: str, end: int, ceiling: int) -> str:
    """The word (or punctuation) after ``text[:end]`` before ``ceiling``; ``</s>`` at the sentence's end."""
    if end < ceiling:
        # Punctuation right after the span (a comma, a period) is the answer the pattern
        # gives (neither a word character nor a space): no regex needed.
        ch = text[end]
        if not (ch.isalnum() or ch.isspace() or ch == "_"):
            return ch.lower()
    match = _FIRST_WORD.match(text, end, min(end + 40, ceiling))
    if match is None:
        return "</s>"
    word = match.group(1)
    return "<num>" if word.isdigit() else word.lower()


class _Piece(NamedTuple):
    """Words of a run that may form one name (a run is cut after possessives), with what
    recognition needs of them; offsets count from the start of the run's text."""

    tokens: tuple[_Word, ...]
    keys: tuple[str, ...]  # name_key of each token
    lower: tuple[str, ...]  # each token in lower case
    after_title: tuple[str, ...]  # the lower-case tokens right after a title token ("Colonel Jafarov")
    opens: tuple[int, ...] = ()  # where a capitalised connector stands: it may open a name (_grams)
    humps: tuple[int, ...] = ()  # where a word's case changes inside it ("NewYork"): see find_mentions


def _piece(tokens: Iterable[_Word], words: list[str] | None = None) -> _Piece:
    """The piece of these tokens (``words``: their texts, when the caller has them), kept as
    plain tuples (a Token of tokenize's becomes one)."""
    tokens = tuple([tuple(token) for token in tokens])
    if words is None:
        words = [token[_W_TEXT] for token in tokens]
    return _piece_of(tokens, words, tuple(map(str.lower, words)), tuple(map(_word_key, words)), " ".join(words))


def _piece_of(tokens: tuple[_Word, ...], words: list[str], lower: tuple[str, ...], keys: tuple[str, ...],
              joined: str) -> _Piece:
    """The piece of these tokens, given their texts ``words``, those in lower case, their keys
    and the words joined by single spaces."""
    # Most runs hold no title: the pairs are walked only when one does.
    after_title = () if _TITLES.isdisjoint(lower[:-1]) else tuple(
        word for previous, word in zip(lower, lower[1:]) if previous in _TITLES)
    # Most runs hold no connector: the words are walked only when one does.
    opens = () if _OPENERS.isdisjoint(keys) else tuple(
        i for i, (key, word) in enumerate(zip(keys, words)) if key in _OPENERS and word[:1].isupper())
    # Most runs have no word whose case changes inside it (none if title-cased): their words
    # are walked only otherwise.
    humps = () if joined.istitle() or _HUMP.search(joined) is None else tuple(
        i for i, word in enumerate(words) if _humped(word))
    return _new_tuple(_Piece, (tokens, keys, lower, after_title, opens, humps))


# A lower-case letter right before a capital: a word whose case changes inside it ("NewYork").
_HUMP = re.compile(r"[a-z][A-Z]")


def _humped(word: str) -> bool:
    """Does the word of letters change case inside it, a lower-case letter right before a
    capital ("NewYork", "McAllen"; Latin letters without accents, as such names are typed)?"""
    return word.isalpha() and _HUMP.search(word) is not None


class _Run(NamedTuple):
    """A capitalised word sequence within one sentence, with the facts its spans share."""

    tokens: tuple[_Word, ...]  # offsets count from base
    keys: tuple[str, ...]  # name_key of each token
    base: int  # where the offsets of its tokens count from
    floor: int  # its sentence's start
    ceiling: int  # its sentence's end
    initial: bool  # its first word starts the sentence
    prev: str  # the word before it (see _word_before)


def _pieces(text: str, sentence_starts: tuple[int, ...],
            shared: list[int] | None = None) -> list[tuple[_Piece, int, int]]:
    """Every capitalised word sequence of the text in pieces (cut at sentence starts and after
    possessives), each with where its offsets count from and how many sentences start at or
    before it. ``shared``, when given, gets the index of every piece whose offsets may count
    from where the next piece's do (the pieces :func:`_possessive_joints` looks at): those of
    a run in pieces, and those counted from the text's start."""
    found: list[tuple[_Piece, int, int]] = []
    append = found.append
    # n: sentences that start at or before the run (runs come in text order: counted on);
    # the next one starts at next_start (past the text's end after the last).
    n = 0
    starts = (*sentence_starts, len(text) + 1)
    next_start = starts[0]
    for match in _RUN.finditer(text):
        # Remembered per run text, offsets from its start: names repeat. A run with no piece
        # (a lone function word: "The", "It's", the commonest runs) has none however
        # sentences cut it (cuts only split pieces further), so it is passed by at once.
        pieces = _run_pieces(match[0])
        if not pieces:
            continue
        start, end = match.span()
        if next_start < end:  # a sentence starts before the run ends (most runs' count holds: no test)
            while next_start <= start:
                n += 1
                next_start = starts[n]
            if next_start < end:  # a sentence starts inside the run (rare)
                first = len(found)
                for tokens in _split_run(text, start, end, sentence_starts):
                    append((_piece(tokens), 0, bisect_right(sentence_starts, tokens[0][_W_START])))
                if shared is not None:  # (offsets from the text's start, 0, as those of a run that starts it)
                    shared.extend(range(first, len(found)))
                continue
        if type(pieces) is _Piece:  # most runs: one piece
            if not start and shared is not None:  # (one at the text's start counts from 0: see shared)
                shared.append(len(found))
            append((pieces, start, n))
        else:
            if shared is not None:
                shared.extend(range(len(found), len(found) + len(pieces)))
            for piece in pieces:  # (one count serves every piece: no sentence starts inside the run)
                append((piece, start, n))
    return found


def _possessive_joints(text: str, pieces: list[tuple[_Piece, int, int]],
                       shared: Iterable[int] | None = None) -> list[tuple[int, _Piece, tuple[str, ...]]]:
    """(k, joined piece, keys it would add) for each piece ``k`` of a run that ends in a
    possessive ("King's") right before the run's next piece ("Lynn"): a name may hold the
    possessive ("King's Lynn", "Martha's Vineyard", "Prince George's County"), which only the
    gazetteer can tell from a possessor ("Azerbaijan's Tovuz"). The joined piece writes the
    word with its "'s"; its keys are those of the n-grams that cross the joint.
    ``shared``: the only pieces to look at, in order (those _pieces says may share a run), else all."""
    joints = []
    if shared is None:
        shared = range(len(pieces) - 1)
    for k in shared:
        if k + 1 == len(pieces):  # (the last piece has no next one)
            break
        (one, base, n), (other, other_base, other_n) = pieces[k], pieces[k + 1]
        # (pieces of one run share its base: neighbours of two runs are ruled out first)
        if other_base != base or other_n != n or not one.tokens[-1][_W_POSSESSIVE]:
            continue
        last_end = one.tokens[-1][_W_END]
        suffix = text[base + last_end : base + last_end + 2]
        if suffix not in ("'s", "\u2019s") or text[base + last_end + 2 : base + other.tokens[0][_W_START]].strip():
            continue
        joints.append((k, *_joined(one, other, suffix)))
    return joints


@functools.lru_cache(maxsize=1 << 12)
def _joined(one: _Piece, other: _Piece, suffix: str) -> tuple[_Piece, tuple[str, ...]]:
    """The piece ``one``, whose last word's possessive is written ``suffix``, and the next
    piece ``other`` made one, and the keys of its n-grams that cross the joint (see
    _possessive_joints). Memoised (a pure function; bounded): runs repeat across documents."""
    start, end, word, _ = one.tokens[-1]
    joined = _piece((*one.tokens[:-1], (start, end + 2, word + suffix, False), *other.tokens))
    cut = len(one.tokens)
    keys = tuple(" ".join(joined.keys[i:j]) for i in range(max(0, cut - 3), cut)
                 for j in range(cut + 1, min(len(joined.keys), cut + 3) + 1))
    return joined, keys


def _join_known(pieces: list[tuple[_Piece, int, int]], joints: list[tuple[int, _Piece, tuple[str, ...]]],
                known: frozenset[str]) -> list[tuple[_Piece, int, int]]:
    """The pieces with each joint (:func:`_possessive_joints`) some of whose keys the gazetteer
    knows made one piece."""
    joined = {k: piece for k, piece, keys in joints if not known.isdisjoint(keys)}
    if not joined:
        return pieces
    out = []
    skip = False
    for k, (piece, base, n) in enumerate(pieces):
        if skip:
            skip = False
            continue
        if k in joined:  # (a joint is of a piece and the next one: k + 1 exists)
            out.append((joined[k], base, n))
            skip = True  # its second half is in the joined piece (a chain joins its first pair)
        else:
            out.append((piece, base, n))
    return out


def _run_between(text: str, floor: int, ceiling: int, piece: _Piece, base: int) -> _Run:
    """A piece in its sentence ``text[floor:ceiling]``, with the word before it."""
    prev, initial = _word_and_initial(text, base + piece.tokens[0][_W_START], floor)
    return _new_tuple(_Run, (piece.tokens, piece.keys, base, floor, ceiling, initial, prev))


# A few thousand runs: the garbage collector scans every memoised piece (three or four tracked
# objects each) at each full collection, and the pipeline makes no cycles for it to find. Over
# the three dev corpora in one process, 4096 runs keep 96% of the hits of 32768 and a third
# fewer tracked objects (72k against 114k), and its full collections cost about 15 ms, not 60-75.
@functools.lru_cache(maxsize=1 << 12)
def _run_pieces(run: str) -> _Piece | tuple[_Piece, ...]:
    """The pieces of a run's text, offsets from its start: cut after possessives, a lone
    function word dropped (what _split_run gives for a run no sentence starts inside); the
    piece itself when there is one (most runs: no tuple around it to make and keep).
    Memoised (a pure function; bounded): common names repeat across documents."""
    if run.isalpha():  # most runs are one plain word: no need to tokenize
        lower = run.lower()
        if lower in _FUNCTION_WORDS:
            return ()
        # (_piece_of for one word of letters, written out: the commonest first-seen run; a run
        # starts with a capital, so an opener's key is an opener written with one)
        humps = () if run.istitle() or _HUMP.search(run) is None else (0,)  # "NewYork" (all letters)
        lowers = (lower,)
        key = _letters_key(run, lower)
        opens = (0,) if key in _OPENERS else ()
        return _new_tuple(_Piece, (((0, len(run), run, False),), lowers if key is lower else (key,),
                                   lowers, (), opens, humps))
    if run[-2:] in ("'s", "’s") and run[:-2].isalpha():  # "Shreveport's", "That's": a word and its possessive
        word = run[:-2]
        lower = word.lower()
        if lower in _FUNCTION_WORDS:
            return ()
        return _piece_of(((0, len(word), word, True),), [word], (lower,),
                         (_letters_key(word, lower),), word)
    # Most other runs are plain words between single spaces or hyphens ("Los Angeles",
    # "Nagorno-Karabakh"): each is one whole token (letters only: no dot, apostrophe or
    # possessive for the word pattern to treat apart), and the run is one piece.
    spaced = run.replace("-", " ")
    words = spaced.split(" ")
    if all(map(str.isalpha, words)):
        return _plain_piece(spaced, words)
    # Many of the rest are such words whose last carries a possessive ("San Francisco's",
    # "Tamil Tigers'"): one piece, as the word pattern reads it.
    cut = 2 if run[-2:] in ("'s", "’s") else 1 if run[-1] in "'’" else 0
    if cut and len(words) > 1 and words[-1][:-cut].isalpha() and all(map(str.isalpha, words[:-1])):
        return _plain_piece(spaced[:-cut], [*words[:-1], words[-1][:-cut]], possessive=True)
    pieces: list[list[Token]] = []
    current: list[Token] = []
    for token in tokenize(run):
        if current and current[-1].possessive:
            pieces.append(current)
            current = []
        current.append(token)
    if current:
        pieces.append(current)
    kept = tuple(_piece(piece) for piece in pieces if len(piece) > 1 or piece[0].text.lower() not in _FUNCTION_WORDS)
    return kept[0] if len(kept) == 1 else kept


def _plain_piece(spaced: str, words: list[str], possessive: bool = False) -> _Piece:
    """``_piece`` of a run of plain words (letters only) between single spaces or hyphens,
    ``spaced``: the run with its hyphens made spaces (``words``: it split at its spaces);
    ``possessive``: the last word carried a possessive, left out of ``spaced`` and ``words``."""
    if len(words) == 2:  # most of these runs: their two tokens built at once
        first, second = words
        cut = len(first)
        tokens = ((0, cut, first, False), (cut + 1, len(spaced), second, possessive))
    else:
        built = []
        start = 0
        for word in words:
            end = start + len(word)
            built.append((start, end, word, False))
            start = end + 1
        if possessive:
            built[-1] = (*built[-1][:3], True)
        tokens = tuple(built)
    # The run's lower case split is its words' lower case (a space ends a word for str.lower's
    # final sigma as the word's end does); an ASCII word's key is its lower case, abbreviations
    # read out (as name_key does).
    lower = tuple(spaced.lower().split(" "))
    if not spaced.isascii():
        keys = tuple(map(_word_key, words))
    elif _NOTABLE.isdisjoint(lower):
        # Most of these runs: keys are the lower case, and no title, capitalised connector or
        # (title-cased) case change inside a word to look for.
        if spaced.istitle():
            return _new_tuple(_Piece, (tokens, lower, lower, (), (), ()))
        keys = lower
    elif _ABBREVIATIONS.keys().isdisjoint(lower):
        keys = lower
    else:
        keys = tuple([_ABBREVIATIONS.get(word, word) for word in lower])
    return _piece_of(tokens, words, lower, keys, spaced)


# The lower-case words that give a piece of ASCII words other keys than its lower case
# (abbreviations), words after a title or a connector that may open a name (see _piece_of).
_NOTABLE = _TITLES | _OPENERS | frozenset(_ABBREVIATIONS)


def _split_run(text: str, start: int, end: int, sentence_starts: tuple[int, ...]) -> list[list[Token]]:
    """The tokens of ``text[start:end]`` in runs, cut at sentence starts and after possessives
    (a lone function word dropped)."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    sentence = bisect_right(sentence_starts, start)
    # Tokens before the next sentence's start share the run's sentence: no bisection for them.
    next_start = sentence_starts[sentence] if sentence < len(sentence_starts) else end
    for token in tokenize(text, start, end):
        new_sentence = sentence if token.start < next_start else bisect_right(sentence_starts, token.start)
        if current and (new_sentence != sentence or current[-1].possessive):
            runs.append(current)
            current = []
        sentence = new_sentence
        current.append(token)
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1 or run[0].text.lower() not in _FUNCTION_WORDS]


def _letters_key(word: str, lower: str) -> str:
    """``name_key`` of a word of letters, ``lower`` its lower case: read off that lower case
    when the word is ASCII (abbreviations read out, as name_key does), else _word_key's."""
    return _ABBREVIATIONS.get(lower, lower) if word.isascii() else _word_key(word)


@functools.lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """``name_key`` of one word: memoised (a pure function; bounded), words repeat across documents."""
    return name_key(word)


def _grams(keys: tuple[str, ...], wanted: set[str], opens: tuple[int, ...] = ()) -> list[list[str | None] | tuple] | None:
    """The n-grams of up to _MAX_WORDS of ``keys`` by where they start (``grams[i][k]`` joins
    ``keys[i : i + k + 1]``; None in place of one that ends with a connector, and none where a
    connector starts): each that is not None is added to ``wanted`` (the only ones
    _longest_known asks about). None for a one-word piece, which needs no joining.

    A connector written with a capital (at ``opens``) may start a name of two words or more:
    an article or particle that is part of the name ("Des Moines", "La Coruña", "El Alto",
    "The Bronx", "Al-Hasakah", "Del Rio"), which only the gazetteer's keys admit; in lower
    case it is a joint between names ("the Gulf of Mexico"), never a start.
    """
    if len(keys) == 1:  # most runs
        if keys[0] not in CONNECTORS:
            wanted.add(keys[0])
        return None
    if len(keys) == 2 and CONNECTORS.isdisjoint(keys):  # most of the others: what the loop gives, at once
        first, last = keys
        gram = f"{first} {last}"
        wanted.update((first, gram, last))
        return [[first, gram], [last]]
    by_start: list[list[str | None] | tuple] = []
    for i, first in enumerate(keys):
        if first in CONNECTORS:
            if i not in opens:
                by_start.append(())
                continue
            grams = [None]
        else:
            grams = [first]
            wanted.add(first)
        gram = first
        for last in keys[i + 1 : i + _MAX_WORDS]:
            gram = f"{gram} {last}"  # (one string built, where two + would build two)
            if last in CONNECTORS:
                grams.append(None)
            else:
                grams.append(gram)
                wanted.add(gram)
        by_start.append(grams)
    return by_start


def _longest_known(
    keys: tuple[str, ...], known: frozenset[str], by_start: list[list[str | None] | tuple] | None
) -> tuple[tuple[int, int, str], ...]:
    """(i, j, key) of each longest span ``keys[i:j]`` whose key is ``known``, left to right
    (``by_start``: the n-grams of ``keys`` as _grams gives them)."""
    if len(keys) == 1:  # most runs
        return ((0, 1, keys[0]),) if keys[0] in known and keys[0] not in CONNECTORS else ()
    spans = []
    i = 0
    count = len(keys)
    while i < count:
        grams = by_start[i]
        # Most starts begin no known key (one C-level test for all their grams).
        if known.isdisjoint(grams):
            i += 1
            continue
        k = len(grams) - 1
        while grams[k] not in known:  # longest first (one is known: the test above says so)
            k -= 1
        j = i + k + 1
        # An article or particle that opens a name (see _grams) is the name's only when the
        # name without it reaches no further: "Des Moines", but not "The Rock" in "The Rock Hill".
        if keys[i] in CONNECTORS and _longest_end(by_start[i + 1], known, i + 1) > j:
            i += 1
            continue
        spans.append((i, j, grams[k]))
        i = j
    return tuple(spans)


def _longest_end(grams: list[str | None] | tuple, known: frozenset[str], i: int) -> int:
    """The end of the longest known of ``grams``, those of start ``i`` as _grams gives them; 0 when none is known."""
    if known.isdisjoint(grams):
        return 0
    k = len(grams) - 1
    while grams[k] not in known:  # longest first (one is known)
        k -= 1
    return i + k + 1
