"""Name keys: the one way geo compares place names, so users can type them as they like.

A key ignores case, diacritics, punctuation between words (hyphens, apostrophes,
dots), repeated spaces, and the St./Saint, Ste./Sainte, Mt./Mount, Ft./Fort
abbreviations. The gazetteer indexes keys; the mention finder looks keys up.

>>> name_key("Füzuli") == name_key("FUZULI") == "fuzuli"
True
>>> name_key("Nagorno-Karabakh") == name_key("Nagorno  Karabakh")
True
>>> name_key("St. Petersburg") == name_key("Saint-Petersburg")
True
>>> name_key("Ft. Worth")
'fort worth'
>>> name_key("  ")
''
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key", "spelling_of", "SPELLING_RATIO"]

# Letters that NFKD does not decompose into base + combining mark.
_FOLD = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "ı": "i",
        "ə": "a",  # Azerbaijani schwa: Şəki is typed Sheki or Saki
        "ʻ": "",
        "ʼ": "",
        "’": "",
        "'": "",
        "`": "",
        "´": "",
    }
)
_NON_WORD = re.compile(r"[^\w]+|_")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def name_key(name: str) -> str:
    """The comparison key of a place name (lower case, ASCII where possible, single spaces)."""
    if name.isascii():
        # Most names in English text are plain ASCII words: nothing to fold, strip or split
        # on. The same key as _folded_key gives (tests/test_names.py checks), far faster.
        lowered = name.lower()
        if lowered.isalpha():
            return _ABBREVIATIONS.get(lowered, lowered)
        words = lowered.split()
        if "".join(words).isalpha():
            return " ".join([_ABBREVIATIONS.get(w, w) for w in words])
    return _folded_key(name)


def _folded_key(name: str) -> str:
    """name_key's general path: any script, any punctuation."""
    if name.isascii():
        stripped = name.lower().translate(_FOLD)
    else:
        folded = unicodedata.normalize("NFKD", name.casefold()).translate(_FOLD)
        stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", stripped).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


#: An alternate name this alike to a place's main name (difflib's ratio of their keys) is a
#: spelling of it ("Lugansk", "Luhansk"; "Kiev", "Kyiv"; "Kelbajar", "Kalbajar"); another
#: name ("Victoria" for Hong Kong) is not.
SPELLING_RATIO = 0.75


def spelling_of(name: str, main: str) -> bool:
    """Is ``name`` a spelling of the main name ``main`` (their keys alike by SPELLING_RATIO)?

    >>> spelling_of("Kiev", "Kyiv"), spelling_of("Victoria", "Hong Kong")
    (True, False)
    """
    a, b = name_key(name), name_key(main)
    size = len(a) + len(b)
    # The cheapest bound first: most alternate names are far longer or shorter than the main name.
    if 2 * min(len(a), len(b)) < SPELLING_RATIO * size:
        return False
    # difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(), its very float, without
    # the matcher: read the way it reads two short keys, at a third of its cost and without
    # importing difflib (tests/test_fast_paths_spanfacts.py checks the two agree).
    return (2.0 * _matched(a, b) / size if size else 1.0) >= SPELLING_RATIO


def _matched(a: str, b: str) -> int:
    """How many characters the matching blocks difflib finds between ``a`` and ``b`` hold."""
    where: dict[str, list[int]] = {}  # each character of b: where it stands, in order
    for j, ch in enumerate(b):
        where.setdefault(ch, []).append(j)
    return _matched_within(a, where, 0, len(a), 0, len(b))


def _matched_within(a: str, where: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int) -> int:
    """_matched of ``a[alo:ahi]`` and ``b[blo:bhi]`` (``where``: b's characters' places):
    difflib's blocks, the longest common block (leftmost in a, then in b) and the blocks
    left and right of it."""
    total = 0
    while alo < ahi and blo < bhi:
        size = best_i = best_j = 0
        ending: dict[int, int] = {}  # j -> length of the common block ending at a[i - 1], b[j]
        for i in range(alo, ahi):
            now = {}
            for j in where.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = now[j] = ending.get(j - 1, 0) + 1
                if k > size:  # (strictly longer: the first found of the longest stays)
                    best_i, best_j, size = i - k + 1, j - k + 1, k
            ending = now
        if not size:
            break
        total += size
        if alo < best_i and blo < best_j:
            total += _matched_within(a, where, alo, best_i, blo, best_j)
        alo, blo = best_i + size, best_j + size  # (then the blocks right of it)
    return total
