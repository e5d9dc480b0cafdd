"""Named rule: a person who carries a place's name ("Paris Hilton", "Israel Adesanya").

A two-word name whose first word names a place and whose second word is a surname is a
person in English copy, whatever the first word could mean alone. Nothing in a name's
spelling says which of "Brooklyn Beckham" and "Brooklyn Bridge" is a person, so the rule
asks for two clues, one from the name and one from the sentence or the text:

- **the name**: the first word is a common given name, or the second a common surname
  (the US Census tables recognition already reads: ``given_names``, ``surnames``);
- **the text**: a personal pronoun after the name in its sentence ("... from her kitchen",
  "... and his wife"), a verb only a person's subject takes ("... said", "... is writing"),
  another person's name in the same list ("Sydney Sweeney and Austin Butler"), an age in
  apposition ("Phoenix Rivers, a 19-year-old swimmer", "Ariel Vega, 22,"), a word for a
  person's role right before it ("the author Washington Irving"), or the surname standing
  alone elsewhere in the text, the way news names a person again ("... Hilton said").

Both words of the name are then no place ("Phoenix Rivers": no Nigerian state either).

What it leaves alone, because news marks the place there: a run of more than two words
("Akron High School", "Tulsa Mayor Ann Reed"), words joined by a hyphen
("Akron-Canton"), a name after an article ("the Dayton Post", "the Macon Herald":
a person takes none), and a second word that is a common English word or the head of an
organisation's or a place's name ("Detroit Police", "Tulsa Mayor", "Lincoln Park";
``ORGANISATION_HEADS``, the dictionary's lower-case words and geo.context_words.GENERIC_HEADS).
The dev corpora mark the city in such names ("Macon Herald", "Tulsa Mayor", "Dayton
Council"), and none of the places the rule removes there is marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from geo.context_words import GENERIC_HEADS
from geo.tokens import _W_END, _W_POSSESSIVE, _W_START, _W_TEXT, _TITLES, CONNECTORS, _Word

__all__ = ["person_in_run", "person_named_like_a_place", "ORGANISATION_HEADS", "PERSON_ROLES"]

#: Words that end the name of an organisation, a body, a title or a kind of place after a
#: place's name: never a surname there ("Kenya Airways", "Chicago Tribune", "Ohio Senate").
ORGANISATION_HEADS = frozenset("""
police council university college school academy institute airport airways airlines air county city
town township village borough district state province region republic street avenue road boulevard
lane drive way square plaza park center centre mall market station port harbour harbor press post
times tribune herald journal gazette news daily star sun telegraph mail observer chronicle courier
board court house senate assembly parliament congress chamber cabinet ministry department office
bureau agency authority commission committee union league association society club federation
foundation trust fund bank group company corporation inc ltd plc co corp fc united city rovers
wanderers athletic mayor sheriff governor senator minister president deputy chief commissioner
high junior senior middle elementary primary grammar central north south east west northern
southern eastern western upper lower new old great greater little metro international national
general memorial hospital clinic church cathedral temple mosque museum library theatre theater
zoo stadium arena hall fire rescue water energy power gas electric telecom tech technology
""".split()) | GENERIC_HEADS

#: Lower-case words for a person's role that stand right before a person's name
#: ("the author Washington Irving", "actress Sydney Sweeney").
PERSON_ROLES = frozenset("""
author writer novelist poet playwright screenwriter journalist reporter columnist editor
actor actress singer songwriter rapper musician guitarist drummer pianist composer comedian
model star celebrity socialite heiress influencer designer artist painter photographer chef
director producer presenter host anchor broadcaster
player striker forward defender midfielder goalkeeper winger quarterback receiver linebacker
pitcher catcher shortstop outfielder coach boxer fighter wrestler swimmer runner sprinter
golfer driver cyclist skier skater gymnast athlete teammate rookie veteran
billionaire businessman businesswoman entrepreneur founder investor lawyer attorney doctor
activist campaigner student teacher professor scientist economist historian
wife husband son daughter brother sister mother father uncle aunt cousin grandson granddaughter
boyfriend girlfriend fiance fiancee widow widower
""".split())

_PRONOUNS = frozenset("he she his her him himself herself".split())
_WORD = re.compile(r"[A-Za-z]+")
# A surname is written with one capital (with "Mc", "O'" and the like): not "TIGER", not "FC".
_SURNAME_SHAPE = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’)?[A-Z][a-z]+")
# An age in apposition right after the name: ", 22," / ", a 19-year-old" / " (22)".
_AGE = re.compile(r"(?:,\s*(?:an?\s+)?\d{1,3}(?:-year-old\b|,)|\s*\(\d{1,3}\))")
_ARTICLES = frozenset(("the", "a", "an"))
# What only a person does right after being named: speaking, writing, posting ("Kenya Barris
# said", "... is writing", "... tweeted").
_SPEAKS = re.compile(r"(?:\s+(?:is|was|has|had|also|then))?\s+(?:said|says|told|tells|added|wrote|writes|writing|"
                     r"tweeted|tweets|posted|recalled|admitted|explained|married|starred|stars|sang|sings)\b")
# Another two-word name listed right after or right before this one.
_LISTED_AFTER = re.compile(r"(?:,| and| &)\s+([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")
_LISTED_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)(?:,| and| &)\s+$")
# Capitalised words that start a run without being anyone's given name.
_NOT_GIVEN = frozenset("""
the a an this that these those his her their its our my your some many several all both each every
no other another one two three four five six seven eight nine ten downtown suburban rural greater local
in on at for from to by with of after before when while as if but and or so then though although because
since until during under over across into near outside inside meanwhile however also now today
north south east west northern southern eastern western central upper lower new old
""".split()) | _TITLES
# Never a surname: the months and the days ("Dayton June 4").
_NOT_SURNAMES = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split()) | _TITLES


def person_in_run(
    text: str, tokens: Sequence[_Word], base: int, i: int, prev: str, sentence: tuple[int, int],
    given_names: Collection[str], surnames: Collection[str], english_words: Collection[str],
    after_title_words: Collection[str], names_a_place: Callable[[str], bool],
) -> bool:
    """Is the one-word span ``tokens[i]`` of a capitalised run (offsets from ``base``; ``prev``:
    the word before the run, lower case; ``sentence``: its bounds) a word of a two-word
    person's name (person_named_like_a_place)? The two words stand between the run's ends
    or connectors ("Sydney Sweeney and Austin Butler"); the other word, where the span is
    the second, must be a given name or a name the gazetteer knows (``names_a_place``)."""
    lo, hi = i, i + 1
    # (every connector is written in lower case: a word among them is one)
    while lo > 0 and tokens[lo - 1][_W_TEXT] not in CONNECTORS:
        lo -= 1
    while hi < len(tokens) and tokens[hi][_W_TEXT] not in CONNECTORS:
        hi += 1
    if hi - lo == 3 and i > lo and tokens[lo][_W_TEXT].lower() in PERSON_ROLES:
        lo += 1  # a role that starts the sentence: "Actress Sydney Sweeney said ..."
    if hi - lo != 2 or tokens[lo][_W_POSSESSIVE]:
        return False
    first = (base + tokens[lo][_W_START], base + tokens[lo][_W_END])
    return person_named_like_a_place(
        text, first, (base + tokens[lo + 1][_W_START], base + tokens[lo + 1][_W_END]),
        prev if lo == 0 else tokens[lo - 1][_W_TEXT].lower(), sentence[0], sentence[1], given_names, surnames,
        english_words, after_title_words, i == lo or names_a_place(text[first[0] : first[1]]))


def person_named_like_a_place(
    text: str, first: tuple[int, int], second: tuple[int, int], before: str, floor: int, ceiling: int,
    given_names: Collection[str], surnames: Collection[str], english_words: Collection[str],
    after_title_words: Collection[str] = frozenset(), first_names_a_place: bool = True,
) -> bool:
    """Is the two-word capitalised run ``text[first]`` ``text[second]`` (its words' offsets)
    a person's name (see the module doc)? ``before``: the word before the run, lower case
    (geo.tokens._word_before); ``floor``/``ceiling``: its sentence's bounds; ``given_names``,
    ``surnames``: lower case; ``english_words``: words the dictionary writes in lower case only;
    ``after_title_words``: capitalised words the text writes after a title ("Ms. Hilton");
    ``first_names_a_place``: the gazetteer knows the first word alone (else it must be a given name).

    >>> t = "Phoenix Rivers, a 19-year-old swimmer, broke the record."
    >>> person_named_like_a_place(t, (0, 7), (8, 14), "<s>", 0, len(t), set(), {"rivers"}, set())
    True
    >>> t = "Phoenix Rivers broke the record."
    >>> person_named_like_a_place(t, (0, 7), (8, 14), "<s>", 0, len(t), set(), {"rivers"}, set())
    False
    """
    if text[first[1] : second[0]] != " " or before in _ARTICLES:
        return False
    surname = text[second[0] : second[1]]
    lower = surname.lower()
    if _SURNAME_SHAPE.fullmatch(surname) is None or lower in ORGANISATION_HEADS or lower in english_words \
            or lower in _NOT_SURNAMES:
        return False
    given = text[first[0] : first[1]]
    if given.lower() in given_names:
        pass
    elif (not first_names_a_place or lower not in surnames or _SURNAME_SHAPE.fullmatch(given) is None
          or given.lower() in _NOT_GIVEN):
        return False  # "The Dayton resident", "Two Akron officers", "Downtown Macon"
    return (before in PERSON_ROLES or _AGE.match(text, second[1], ceiling) is not None
            or _SPEAKS.match(text, second[1], ceiling) is not None
            or _pronoun_after(text, second[1], ceiling) or lower in after_title_words
            or _beside_a_person(text, first[0], second[1], floor, ceiling, given_names, surnames)
            or _stands_alone_elsewhere(text, surname))


def _beside_a_person(text: str, start: int, end: int, floor: int, ceiling: int,
                     given_names: Collection[str], surnames: Collection[str]) -> bool:
    """Is the name listed with a person's name, a common given name and a common surname
    ("Sydney Sweeney and Austin Butler", "Tom Hanks, Paris Jackson and ...")?"""
    after = _LISTED_AFTER.match(text, end, ceiling)
    pairs = [after.groups()] if after else []
    before = _LISTED_BEFORE.search(text, max(floor, start - 40), start)
    if before is not None:
        pairs.append(before.groups())
    return any(g.lower() in given_names and f.lower() in surnames for g, f in pairs)


def _pronoun_after(text: str, end: int, ceiling: int) -> bool:
    """Does a personal pronoun follow ``end`` in its sentence ("... from her kitchen")?"""
    return any(m.group().lower() in _PRONOUNS for m in _WORD.finditer(text, end, ceiling))


def _stands_alone_elsewhere(text: str, surname: str) -> bool:
    """Does the text write ``surname`` alone elsewhere, the way news names a person again
    ("Hilton said"): not within another capitalised run, not after an article ("the Post")."""
    size = len(surname)
    i = text.find(surname)
    while i >= 0:
        if not _capitalised_beside(text, i, i + size):  # (the name itself has its given name before it)
            return True
        i = text.find(surname, i + 1)
    return False


def _capitalised_beside(text: str, start: int, end: int) -> bool:
    # Part of a longer word, of a capitalised run, or after an article: not the name alone.
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        return True
    if end < len(text) and (text[end].isalnum() or text[end] == "-"):
        return True
    after = text[end : end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return True
    head = text[max(0, start - 20) : start].rstrip()
    if head and head[-1:].isalpha():
        word = head.rsplit(None, 1)[-1]
        if word[:1].isupper() or word.lower() in _ARTICLES:
            return True
    return False
