"""What a sentence says outright of a name: that it is a place, whatever else it could be.

The recognizer (geo.recognizer) weighs a span's context as a news corpus taught it. A few
things a sentence can say settle the question for any English reader, and are named
rules here, each tested (tests/test_place_cues.py). The other way, a thing named after a place
("Brussels sprouts", "a Hyundai Tucson") is geo.product_cues'.

- **qualified by its own state or country**: "Tyler, Texas, is known for roses",
  "Gary, Ind." — the name is followed by ", " and a state or country that holds a
  place of that name (a person's name followed by a state holds no such place);
- **defined as a place**: "Marshall is a city in Texas", "Tyler, a town of 100,000" —
  the name is followed by "is a / was the / , a" and a word for a kind of place;
- **a famous place standing alone**: "Detroit has a new mayor." — a place of a quarter of a
  million people or more, which the name means by its own name, whose word is no commoner
  in English than the place's size explains (geo.casing.known_without_case: "Detroit",
  not "Mobile" or "Reading"), and nothing around it says person, team or company (no
  capitalised word beside it, no title or given name before it anywhere in the text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from geo.casing import known_without_case
from geo.names import name_key

__all__ = ["defined_as_place", "qualified_by_its_state", "famous_alone", "PLACE_NOUNS", "PERSON_OR_GROUP",
           "FAMOUS_POPULATION", "famous_by_name", "places_named"]

#: How many people a place needs to be famous standing alone (famous_alone).
FAMOUS_POPULATION = 250_000
#: Words for a kind of place that a definition names ("X is a city ...").
PLACE_NOUNS = (
    "city town village hamlet suburb borough municipality county parish district province region state "
    "country nation capital seat port island community township settlement neighbourhood neighborhood commune"
)
# "is a / was the / , a", up to three words that are no function word ("small", "port",
# "coastal"), the kind of place, and then no more of the noun phrase ("a city boy", "the
# city's planner" are no definition): punctuation, the end, or a word that goes on the sentence.
_DEFINITION = re.compile(
    r"(?: (?:is|was|remains|became|has been)| ?,)\s+(?:a|an|the)\s+"
    r"(?:(?!(?:for|of|the|a|an|in|on|at|to|by|with|from|and|or|who|whose)\b)[a-z][\w-]*\s+){0,3}?"
    rf"(?:{'|'.join(PLACE_NOUNS.split())})"
    r"(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:in|of|on|near|about|with|that|which|where|whose|located|known|founded|"
    r"and|outside|close|just|some|across|along|at|by|for|to|north|south|east|west|between|famous|best|"
    r"home|located|situated|called|named)\b)"
)
# ", " and then the state or country: up to three capitalised words or a dotted abbreviation,
# that end there (punctuation or a lower-case word next: not "Canada's", not "U.S. Rep.").
_QUALIFIER = re.compile(
    r",\s+((?:[A-Z][a-z]{0,3}\.)+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?![\w-]|\.\w)"
    r"(?=\s*(?:[,.;:!?)—–]|$)|\s+[a-z])"
)
# "lies on the southern shore of", "sits at the mouth of", "is situated in the foothills of": a
# verb of lying somewhere and a feature of the land only places lie on ("Gary sits on the
# shore of Lake Michigan"; not "Gary sits on the board").
_SITUATION = re.compile(
    r" (?:lies|lay|sits|sat|is located|was located|is situated|was situated|straddles|straddled)\s+"
    r"(?:on|in|at|along|near|beside|astride|by|across|between)?\s*(?:the\s+|both\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:shores?|banks?|coast|coastline|edge|outskirts|foot|foothills|mouth|border|borders|confluence|slopes?|"
    r"tip|delta|estuary|plain|plateau|valley|headwaters|peninsula)\b"
)
#: What the span's features (geo.mentions) say of a person, a team or a company.
PERSON_OR_GROUP = ("run after", "run before", "after a title elsewhere", "after a given name",
                   "given name before a name")


def defined_as_place(text: str, end: int, ceiling: int) -> bool:
    """Does the sentence define the name that ends at ``end`` as a kind of place?

    >>> t = "Marshall is a city in Texas."; defined_as_place(t, 8, len(t))
    True
    >>> t = "Tyler, a small town near Dallas"; defined_as_place(t, 5, len(t))
    True
    >>> t = "Marshall is a good coach."; defined_as_place(t, 8, len(t))
    False
    >>> t = "Gary sits on the southern shore of Lake Michigan."; defined_as_place(t, 4, len(t))
    True
    >>> t = "Gary sits on the board of the bank."; defined_as_place(t, 4, len(t))
    False
    """
    # Most names are followed by none of the openers: a test in C spares the pattern.
    if not text.startswith(_DEFINITION_OPENERS, end):
        return False
    return _DEFINITION.match(text, end, ceiling) is not None or _SITUATION.match(text, end, ceiling) is not None


# What a definition starts with right after the name (as _DEFINITION reads it).
_DEFINITION_OPENERS = (",", " ,", " is ", " was ", " remains ", " became ", " has been ", " lies ", " lay ", " sits ",
                        " sat ", " straddle")


def qualified_by_its_state(surface: str, text: str, end: int, ceiling: int, gazetteer, memo: dict | None = None) -> bool:
    """Is the name ``surface`` (ending at ``end``) followed by ", " and a state or country
    that holds a place of that name ("Tyler, Texas", "Gary, Ind.", "Fuzuli, Azerbaijan")?"""
    match = _QUALIFIER.match(text, end, ceiling)
    if match is None:
        return False
    words = match.group(1).split()
    key = (surface, match.group(1))
    if memo is not None and key in memo:
        return memo[key]
    found = False
    # The longest qualifier first ("New York" before "New"). (The name's own places are read
    # only once a qualifier names a state or country: most qualifiers of a person name none.)
    for n in range(len(words), 0, -1):
        qualifier = " ".join(words[:n]).rstrip(",")
        areas = [a for a in places_named(qualifier, gazetteer) if a.kind in ("country", "adm1")]
        if areas:
            places = places_named(surface, gazetteer)
            found = any(p.country_code == a.country_code and (a.kind == "country" or (p.admin1 and p.admin1 == a.admin1))
                        and p.id != a.id for p in places for a in areas)
            break
    if memo is not None:
        if len(memo) >= 50_000:
            memo.clear()
        memo[key] = found
    return found


def places_named(name: str, gazetteer) -> tuple:
    """The places ``name`` names other than as a demonym, best first: ``[m.place for m in
    gazetteer.matches(name) if m.match != "demonym"]``, read with no record per match when the
    gazetteer offers ``lookup`` (geo.gazetteer.Gazetteer)."""
    lookup = getattr(gazetteer, "lookup", None)
    if lookup is not None:
        return lookup(name)
    return tuple([m.place for m in gazetteer.matches(name) if m.match != "demonym"])


def famous_alone(name: str, matches, features, zipf: Callable[[str], float]) -> bool:
    """Is the one-word ``name`` a famous place standing alone (see the module doc)?
    ``matches``: the gazetteer's for it; ``features``: the span's (geo.mentions), which say
    whether anything around it says person or group."""
    if any(cue in features for cue in PERSON_OR_GROUP) or "possessive" in features:
        return False
    return famous_by_name(name, matches, zipf)


def famous_by_name(name: str, matches, zipf: Callable[[str], float], name_zipf: float | None = None) -> bool:
    """What famous_alone asks of the name itself, wherever it stands: written with one capital,
    a place of FAMOUS_POPULATION people or more by its own name, its word no commoner than
    the place's size explains (geo.mentions remembers it per name). ``name_zipf``: the
    frequency of the rarest word of the name's key when the caller knows it (a NameSummary's
    ``zipf``): of a key of one word, that word's, which ``zipf`` then need not be asked."""
    if not name[1:].islower():
        return False
    biggest = max((m.place.population for m in matches
                   if m.match == "name" and m.place.kind in ("city", "adm1", "country", "continent")), default=0)
    if biggest < FAMOUS_POPULATION:
        return False
    key = name_key(name)
    if name_zipf is not None and " " not in key:
        zipf = {key: name_zipf}.__getitem__
    return known_without_case(_Size(biggest), [key], zipf)


class _Size(NamedTuple):
    """The little of a NameSummary that known_without_case reads of a famous place."""

    population: int
    places: int = 1
    kinds: tuple = (("city", frozenset({"name"})),)


