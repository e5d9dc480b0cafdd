"""Named rule: a thing named after a place ("a Hyundai Tucson", "Lassa fever", "a dash of Tabasco").

Cars, diseases, foods and breeds take place names, and a map of them would be wrong. The
words around the name say so, in three ways a reader knows:

- **a maker before it**: a car maker's name right before a name makes the pair a model
  ("Hyundai Tucson", "Chevrolet Colorado", "Toyota Tacoma"), and the maker right before
  a capitalised name is the company, not a town ("Toyota" in "Toyota Sienna");
- **a head noun after it** that makes the pair the name of a kind of thing: a disease
  ("Lassa fever", "Zika virus", "Lyme disease"), a dish or condiment ("Brussels sprouts",
  "Dijon mustard", "Worcestershire sauce"), a breed ("Yorkshire terrier"), a garment
  ("Panama hat"). Nouns of origin stay places: "California wine" and "Kenya coffee" come
  from there, so wine, coffee, tea and cheese are not heads;
- **a measure of a substance before it**: "a dash of Tabasco", "a glass of Champagne",
  "a wedge of Stilton".

Names the team writes are left alone: place heads ("Ford County", "Dodge City") are never
models, and makers that are also common words or places ("Lincoln", "Mercury", "Seat",
"Mini") are not in the list.
"""

from __future__ import annotations

import re

from geo.context_words import GENERIC_HEADS

__all__ = ["names_a_thing", "MAKERS", "THING_HEADS", "MEASURES"]

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
hat hats shorts
""".split())
#: Measures of a substance: "a dash of X" is never a place.
MEASURES = frozenset("""
dash dashes pinch pinches splash splashes wedge wedges slice slices glass glasses bottle bottles
cup cups mug mugs pint pints bowl bowls spoonful spoonfuls teaspoon teaspoons tablespoon tablespoons
jar jars sprinkle drop drops shot shots dollop dollops squeeze wheel wheels sip sips
""".split())
#: Heads that make a maker's name part of a place's name ("Ford County", "Dodge City").
_PLACE_HEADS = GENERIC_HEADS | {"city", "county", "state", "province", "district", "town", "township", "center", "centre"}

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")
_MEASURE_BEFORE = re.compile(r"\b([a-z]+)[ \t]+of[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")


def names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` names a car, a disease, a food or a breed.

    >>> text = "He swapped his Toyota Tacoma for a Chevrolet Colorado."
    >>> names_a_thing(text, 15, 21), names_a_thing(text, 22, 28), names_a_thing(text, 45, 53)
    (True, True, True)
    >>> text = "Brussels sprouts and Dijon mustard, while Brussels voted."
    >>> names_a_thing(text, 0, 8), names_a_thing(text, 21, 26), names_a_thing(text, 42, 50)
    (True, True, False)
    >>> names_a_thing("Add a dash of Tabasco.", 14, 21), names_a_thing("Trucks from Ford County.", 12, 16)
    (True, False)
    """
    before = text[max(0, start - 40) : start]
    word = _WORD_BEFORE.search(before)
    if word and word.group(1) in MAKERS:
        return True  # "Hyundai Tucson"
    after = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    if after:
        following = after.group(1)
        if following in THING_HEADS:
            return True  # "Lassa fever"
        if text[start:end] in MAKERS and following[0].isupper() and following.lower() not in _PLACE_HEADS:
            return True  # "Toyota" of "Toyota Sienna"
    measure = _MEASURE_BEFORE.search(before)
    return bool(measure and measure.group(1) in MEASURES)  # "a dash of Tabasco"
