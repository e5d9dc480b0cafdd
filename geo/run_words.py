"""The word lists runs are read with (geo.tokens): the connectors of place names, the
articles and particles that may open one, the titles before a person's name, and the
function words that are capitalised only because they start a sentence.

>>> sorted(_OPENERS & {"of", "the", "des", "on"})
['des', 'the']
"""

from __future__ import annotations

__all__ = ["CONNECTORS"]


#: Lower-case words that occur inside place names. All written in lower case: recognition
#: tests a word of a text by membership alone ("Of" in a headline is none).
CONNECTORS = frozenset(
    "of de del della di da do dos das du des la le les el al upon on the and y en am im an der sur au aux".split()
)
# The connectors that, capitalised, may open a name (see geo.tokens._grams): articles and particles
# ("The Bronx", "La Paz", "Des Moines", "Al-Hasakah", "An Najaf"), not "Of", "And" or "On",
# which are capitalised only in headlines.
_OPENERS = CONNECTORS - frozenset("of and on upon sur y en au aux am im".split())


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
