"""English words that, right before a name, say the name is where something is or happens.

A named lexicon for the recognizer (geo.mentions adds the feature "prev governs a place"):
the prepositions of place and direction, and the verbs whose object is a place ("reached
Lampedusa", "shelled Kharkiv", "visited Lourdes"). Each word also keeps its own
"prev=" feature where the training text has it often enough; the lexicon lets the model
learn one weight for the whole class, so a verb the training text never put before a place
still counts. Grammar, not any corpus: a word is here because English uses it so.

>>> "reached" in GOVERNS_PLACE, "said" in GOVERNS_PLACE
(True, False)

It also names the generic words that end a feature's name ("Robben Island", "Hoover Dam"):
after another capitalised word such a word is that name's head, never a place by itself
(so "Island" there is not Iceland's "Island", whatever the gazetteer lists).
"""

from __future__ import annotations

__all__ = ["GOVERNS_PLACE", "GENERIC_HEADS"]

_PREPOSITIONS = """
in at near from to into onto toward towards across through throughout around outside inside
within beyond via off along past between among amid amidst opposite nearby
""".split()

# Verbs (past tense and -ing, as news writes them) whose direct object is usually a place.
_VERBS = """
reached reaching entered entering visited visiting toured touring left leaving fled fleeing
evacuated evacuating shelled shelling bombed bombing struck striking hit hitting captured capturing
retook retaking recaptured seized seizing liberated liberating invaded invading occupied occupying
attacked attacking besieged besieging surrounded surrounding crossed crossing approached approaching
stormed storming raided raiding annexed annexing encircled encircling overran
flew flying drove driving sailed sailing travelled traveled travelling traveling returned returning
moved moving relocated relocating headed heading bound arrived arriving landed landing
governs governed ruled ruling represents represented representing
""".split()

GOVERNS_PLACE = frozenset(_PREPOSITIONS + _VERBS)

#: The head nouns of named features: after a capitalised word they end its name.
GENERIC_HEADS = frozenset("""
island islands isle isles lake lakes river bay dam bridge park mountain mountains valley canyon falls
beach harbor harbour strait straits gulf sea desert forest peninsula reef coast creek glacier crossing
airport airbase castle palace square street road avenue cape point plain plains hills ridge basin
""".split())
