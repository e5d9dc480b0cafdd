"""Named rules: a thing named after a place ("a Hyundai Tucson", "Lassa fever", "a dash of Tabasco").

Cars, diseases, foods and breeds take place names, and a map of them would be wrong. The
words around the name say so, in four ways a reader knows:

- **an English compound of that very name** (:func:`named_after_a_place`): "Brussels
  sprouts", "a Panama hat", "French fries", "El Niño" (the curated table EPONYMS, from
  common English usage: no rule tells a Panama hat from a Panama port);
- **a maker before it**: a car maker's name right before a name makes the pair a model
  ("Hyundai Tucson", "Chevrolet Colorado", "Toyota Tacoma"), and the maker right before
  a capitalised name is the company, not a town ("Toyota" in "Toyota Sienna");
- **a head noun after it** that makes the pair the name of a kind of thing: a disease
  ("Lassa fever", "Zika virus", "Lyme disease"), a dish or condiment ("Brussels sprouts",
  "Dijon mustard", "Worcestershire sauce"), a breed ("Yorkshire terrier"). Nouns of origin stay places: "California wine" and "Kenya coffee" come
  from there, so wine, coffee, tea and cheese are not heads;
- **a measure of a substance before it** (:func:`named_after_a_place`): "a dash of
  Tabasco", "a glass of Bordeaux", "a wedge of Stilton".

The first and the last are cheap and asked of every span (geo.span_features); the other
two only of spans that would otherwise be places.

Names the team writes are left alone: place heads ("Ford County", "Dodge City") are never
models, and makers that are also common words or places ("Lincoln", "Mercury", "Seat",
"Mini") are not in the list.
"""

from __future__ import annotations

import re

from geo.context_words import GENERIC_HEADS, GOVERNS_PLACE
from geo.tokens import _FUNCTION_WORDS

__all__ = ["names_a_thing", "named_after_a_place", "EPONYMS", "MAKERS", "THING_HEADS", "MEASURES"]

#: Car makers whose names come right before a model's ("Hyundai Tucson"), as copy writes them.
MAKERS = frozenset("""
Acura Audi BMW Buick Cadillac Chevrolet Chevy Chrysler Citroen Citroën Dacia Daewoo Daihatsu Datsun
Dodge Ferrari Fiat Ford GMC Holden Honda Hummer Hyundai Infiniti Isuzu Jeep Kia Lada Lamborghini
Lexus Maserati Mazda Mercedes Mitsubishi Nissan Oldsmobile Opel Peugeot Plymouth Pontiac Porsche
Renault Rover Skoda Subaru Suzuki Tesla Toyota Vauxhall Volkswagen VW Volvo
""".split())
#: Lower-case nouns after a place name that make the pair the name of a kind of thing.
THING_HEADS = frozenset("""
fever fevers virus viruses flu disease diseases syndrome encephalitis
sauce sauces pepper peppers mustard sprouts wings sausage sausages ham duck pudding buns chowder
terrier terriers spaniel spaniels retriever retrievers hound hounds mastiff
""".split())
#: Measures of a food or a drink: "a dash of X", "a glass of X" is never a place.
MEASURES = frozenset("""
dash dashes pinch pinches splash splashes wedge wedges slice slices glass glasses bottle bottles
cup cups mug mugs pint pints bowl bowls plate spoonful spoonfuls teaspoon teaspoons tablespoon
tablespoons jar jars can cans bar pot carafe dram sprinkle drop drops shot shots dollop dollops
squeeze wheel wheels sip sips
""".split())
#: Heads that make a maker's name part of a place's name ("Ford County", "Dodge City").
_PLACE_HEADS = GENERIC_HEADS | {"city", "county", "state", "province", "district", "town", "township", "center", "centre"}

_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MAKER_TAILS = frozenset(maker[-2:] for maker in MAKERS)  # the last two letters of the makers' names
_BLANKS = (" ", "\t")  # what _WORD_AFTER must find first
# A word ends in a maker's name only when it ends in one of their last letters, and then in the
# last three letters of one of three or more letters or in one of two ("VW").
_MAKER_LAST_LETTERS = frozenset(maker[-1] for maker in MAKERS)
_MAKER_ENDINGS = frozenset(maker[-3:] for maker in MAKERS if len(maker) >= 3)
_SHORT_MAKERS = frozenset(maker for maker in MAKERS if len(maker) < 3)
assert min(map(len, MAKERS)) >= 2


def _maker_before(text: str, start: int) -> bool:
    """Is the word right before the spaces or tabs that end ``text[:start]`` (within 40
    characters, from its first ASCII letter) a maker's name? Read in place, backwards: most
    spans end the scan at the last two letters before them, which end no maker's name.

    >>> t = "He swapped his Toyota Tacoma (Toyota Sienna), not a-Ford Ranger"
    >>> _maker_before(t, 15), _maker_before(t, 22), _maker_before(t, 37), _maker_before(t, 57)  # "a-Ford": no maker
    (False, True, True, False)
    """
    # (the commonest first: one space after a word that ends in no maker's name)
    if start > 3 and text[start - 1] == " ":
        last = text[start - 2]
        if last not in _BLANKS and (last not in _MAKER_LAST_LETTERS or text[start - 4 : start - 1] not in _MAKER_ENDINGS
                                    and text[start - 3 : start - 1] not in _SHORT_MAKERS):
            return False
    floor = max(0, start - 40)
    end = start
    if end > floor and text[end - 1] == "\n":
        end -= 1
    j = end
    while j > floor and text[j - 1] in " \t":
        j -= 1
    if j == end or j - floor < 2 or text[j - 2 : j] not in _MAKER_TAILS:
        return False
    k = j - 1
    while k > floor and (text[k - 1].isalnum() or text[k - 1] in "_'’-"):
        k -= 1
    for i in range(k, j):
        if text[i] in _ASCII_LETTERS:
            return text[i:j] in MAKERS
    return False


def _ends_no_maker(word: str) -> bool:
    # Neither ends the other in lower case: a maker's name that ends right before a run holds
    # the word before the run (geo.tokens._word_before, which stops at the sentence's start)
    # at its end, or that word holds the name at its end ("9ford").
    return not any(maker.lower().endswith(word) or word.endswith(maker.lower()) for maker in MAKERS)


#: Words before a capitalised run, as geo.tokens._word_before gives them, that show that no maker's
#: name ends right before the run: words that end no maker's name and that no maker's name ends
#: ("in", "the", not "a": "Kia"), a number ("<num>") and punctuation (_word_before's last
#: character before the run that is not a space: a maker's name ends in a letter).
NO_MAKER_BEFORE = frozenset(word for word in _FUNCTION_WORDS | GOVERNS_PLACE if _ends_no_maker(word)) | frozenset(
    "<num> , . ; : ! ? ( ) [ ] { } \" ' “ ” ‘ ’ - – — / & * % $ # @".split())

_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
# The first three letters of the head nouns: names_a_thing's gate reads three letters after a name.
_HEAD_OPENINGS = frozenset(head[:3] for head in THING_HEADS)
assert min(map(len, THING_HEADS)) >= 3  # (a shorter head would slip past the gate)


def names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` names a car, or a disease, a food or a breed by a
    head noun after it.

    >>> text = "He swapped his Toyota Tacoma for a Chevrolet Colorado."
    >>> names_a_thing(text, 15, 21), names_a_thing(text, 22, 28), names_a_thing(text, 45, 53)
    (True, True, True)
    >>> text = "Brussels sprouts and Dijon mustard, while Brussels voted."
    >>> names_a_thing(text, 0, 8), names_a_thing(text, 21, 26), names_a_thing(text, 42, 50)
    (True, True, False)
    >>> names_a_thing("Trucks from Ford County.", 12, 16)
    False
    """
    if _maker_before(text, start):
        return True  # "Hyundai Tucson"
    if text[end : end + 1] not in _BLANKS:  # (most names: no word right after, so no head noun)
        return False
    # (after one blank, a head noun must start right there, unless the name is a maker's: most
    # names are neither)
    if text[end + 1 : end + 4] not in _HEAD_OPENINGS and text[end + 1 : end + 2] not in _BLANKS \
            and text[start:end] not in MAKERS:
        return False
    after = _WORD_AFTER.match(text, end, end + 40)
    if after:
        following = after.group(1)
        if following in THING_HEADS:
            return True  # "Lassa fever"
        if text[start:end] in MAKERS and following[0].isupper() and following.lower() not in _PLACE_HEADS:
            return True  # "Toyota" of "Toyota Sienna"
    return False


#: English compounds that name a thing after a place, by the place's name (lower case): the
#: words that follow it in the compound, or () where the name alone is the thing's ("El Niño").
#: A curated table (common English usage; no rule tells a Panama hat from a Panama port).
EPONYMS: dict[str, frozenset[str]] = {
    name: frozenset(heads.split())
    for name, heads in {
        "brussels": "sprout sprouts", "panama": "hat hats", "bermuda": "shorts grass", "dijon": "mustard",
        "french": "fries fry toast horn kiss press doors door dressing bread", "danish": "pastry pastries",
        "jersey": "cow cows cattle", "guernsey": "cow cows", "lyme": "disease", "west nile": "virus fever",
        "ebola": "virus", "zika": "virus", "marburg": "virus", "spanish": "flu omelette omelet",
        "hong kong": "flu", "stockholm": "syndrome", "swiss": "cheese chard roll", "turkish": "delight coffee",
        "russian": "roulette doll dolls dressing", "boston": "terrier terriers fern", "labrador": "retriever retrievers",
        "yorkshire": "terrier terriers pudding puddings", "cheddar": "cheese", "parma": "ham", "cornish": "pasty pasties",
        "irish": "coffee setter stew", "german": "shepherd shepherds measles", "siamese": "cat cats twins",
        "persian": "cat cats rug rugs", "brazil": "nut nuts", "china": "plate plates cup cups cabinet", "india": "ink",
        "scotch": "egg eggs tape whisky", "turkey": "dinner sandwich sandwiches breast legs leg burger burgers roast",
        "buffalo": "wings wing", "caesar": "salad", "waldorf": "salad", "hamburg": "steak", "bikini": "wax",
        "aurora": "borealis australis", "java": "script", "pekingese": "dog dogs", "manhattan": "cocktail cocktails",
        "el nino": "", "la nina": "",
    }.items()
}
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
# The last three letters of the measures: a word that ends otherwise is none (its letters are
# those of a measure, one for one, when it is one in lower case).
_MEASURE_ENDINGS = frozenset(measure[-3:] for measure in MEASURES)
assert min(map(len, MEASURES)) >= 3


def named_after_a_place(key: str, text: str, start: int, end: int, prev: str) -> bool:
    """Does the name of key ``key`` at ``text[start:end]`` name a thing after a place (see the
    module doc)? ``prev``: the word before it, lower case (geo.mentions' "prev=").

    >>> t = "Brussels sprouts and a glass of Bordeaux"
    >>> named_after_a_place("brussels", t, 0, 8, "<s>"), named_after_a_place("bordeaux", t, 32, 40, "of")
    (True, True)
    >>> t = "Talks in Brussels ended."; named_after_a_place("brussels", t, 9, 17, "in")
    False
    """
    heads = EPONYMS.get(key)
    if heads is not None:
        if not heads:
            return True
        match = _NEXT_WORD.match(text, end)
        if match is not None and match.group(1) in heads:
            return True
    if prev == "of":
        # "a glass of Bordeaux": the word before "of" is a measure.
        i = start - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        j = i - 2  # i ends "of"
        while j >= 0 and text[j].isspace():
            j -= 1
        if text[j - 2 : j + 1].lower() not in _MEASURE_ENDINGS:  # (most words before "of" end no measure)
            return False
        k = j
        while k >= 0 and text[k].isalpha():
            k -= 1
        return text[k + 1 : j + 1].lower() in MEASURES
    return False
