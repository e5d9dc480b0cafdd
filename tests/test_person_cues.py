"""A two-word person's name whose first word names a place is no place (geo.person_cues)."""

import pytest

from geo import map_text
from geo.person_cues import person_named_like_a_place

_GIVEN = frozenset({"orlando", "savannah", "kenya", "austin", "chelsea", "edward"})
_SURNAMES = frozenset({"bloom", "crosby", "martin", "butler", "snowden", "nutt", "street", "post", "hall", "dayton", "akron", "canton"})
_WORDS = frozenset({"street", "post", "hall", "mayor"})


def _person(text, name, before="<s>"):
    start = text.index(name)
    split = start + next(k for k, c in enumerate(name) if c in " -")
    return person_named_like_a_place(text, (start, split), (split + 1, start + len(name)), before, 0, len(text),
                                     _GIVEN, _SURNAMES, _WORDS)


@pytest.mark.parametrize("text, name, before", [
    ("Sydney Crosby, 35, signed a new contract.", "Sydney Crosby", "<s>"),  # an age
    ("Phoenix Martin, a 24-year-old nurse, was hurt.", "Phoenix Martin", "<s>"),
    ("Orlando Bloom flew to London with his son.", "Orlando Bloom", "<s>"),  # a pronoun
    ("The singer Aurora Martin released an album.", "Aurora Martin", "singer"),  # a role
    ("Kenya Moore said the show was over.", "Kenya Moore", "<s>"),  # only a person says
    ("Chelsea Manning and Edward Snowden were named.", "Chelsea Manning", "<s>"),  # listed with a person
    ("Lima Nutt won. Nutt thanked the crowd.", "Lima Nutt", "<s>"),  # the surname alone again
])
def test_a_place_named_person_with_a_name_clue_and_a_text_clue_is_a_person(text, name, before):
    assert _person(text, name, before)


@pytest.mark.parametrize("text, name, before", [
    ("Sydney Crosby signed a new contract.", "Sydney Crosby", "<s>"),  # no text clue
    ("Readers of the Boston Post said he lied.", "Boston Post", "the"),  # after an article
    ("Akron-Canton said it would rebuild.", "Akron-Canton", "<s>"),  # a hyphen, not a space
    ("Dallas Street was closed, he said.", "Dallas Street", "<s>"),  # a word, not a surname
    ("Tulsa Mayor said he would run.", "Tulsa Mayor", "<s>"),
    ("Denver Hall said she was proud.", "Denver Hall", "<s>"),  # 'hall' is an English word
    ("Tulsa Police said he fled.", "Tulsa Police", "<s>"),  # an organisation's head
    ("Dayton June said he came.", "Dayton June", "<s>"),  # a month
    ("The Dayton resident said his car was stolen.", "The Dayton", "<s>"),  # no given name
    ("Two Akron officers said he fled.", "Two Akron", "<s>"),
])
def test_what_news_writes_after_a_place_is_no_person(text, name, before):
    assert not _person(text, name, before)


def _places(text, gazetteer):
    return [m.text for m in map_text(text, gazetteer=gazetteer, outlines=False).mentions]


def test_people_named_like_places_are_not_found_and_the_places_beside_them_are(gazetteer):
    assert _places("Sydney Crosby, 35, signed a new contract with the club.", gazetteer) == []
    assert _places("Orlando Bloom flew to London with his son.", gazetteer) == ["London"]
    assert _places("Savannah Chrisley told fans she was moving to Nashville.", gazetteer) == ["Nashville"]
    assert _places("Houston Nutt said his team was ready for Arkansas.", gazetteer) == ["Arkansas"]
    # Both words go: 'Rivers' is a Nigerian state, but not here.
    assert _places("Phoenix Rivers, a 19-year-old diver, trains in Sydney.", gazetteer) == ["Sydney"]
    # A role that starts the sentence is no part of the name.
    assert _places("Singer Florida Martin said she would tour Texas.", gazetteer) == ["Texas"]


def test_a_place_before_an_organisation_word_is_still_found(gazetteer):
    assert _places("Paris Police said he was arrested near the station.", gazetteer) == ["Paris"]
    assert _places("Kenya Airways said its flights to Nairobi would resume.", gazetteer) == ["Kenya", "Nairobi"]
    assert _places("In London, he said, prices rose.", gazetteer) == ["London"]
