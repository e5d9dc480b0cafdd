"""A thing named after a place is no place: a car model, a disease, a dish (geo.product_cues)."""

import pytest

from geo import map_text
from geo.mentions import find_mentions
from geo.product_cues import names_a_thing
from geo.records import Place
from geo.sentences import split_sentences
from tests.fakes import FakeGazetteer


def _places(text, gazetteer):
    return [m.text for m in map_text(text, gazetteer=gazetteer, outlines=False).mentions]


def _thing(text, name):
    start = text.index(name)
    return names_a_thing(text, start, start + len(name))


@pytest.mark.parametrize("text, name", [
    ("Police found the stolen Kia Sedona behind a mall.", "Sedona"),  # a model after its maker
    ("Police found the stolen Kia Sedona behind a mall.", "Kia"),
    ("He traded in his Toyota Tacoma last spring.", "Toyota"),  # the maker before a model
    ("Cases of Zika virus were confirmed in the south.", "Zika"),  # a disease
    ("Doctors confirmed a case of Lyme disease.", "Lyme"),
    ("The chef serves Buffalo wings with blue cheese.", "Buffalo"),  # a dish
    ("She owns two Yorkshire terriers.", "Yorkshire"),  # a breed
    ("Dengue and Rift Valley fever spread after the rains.", "Rift Valley"),
])
def test_things_named_after_places(text, name):
    assert _thing(text, name)


@pytest.mark.parametrize("text, name", [
    ("Snow closed the schools in Sedona on Monday.", "Sedona"),
    ("The Toyota plant in Georgetown, Kentucky, hired 500 workers.", "Georgetown"),
    ("Ranchers in Ford County sold their cattle early.", "Ford"),  # a place's head after a maker
    ("Tourists filled Dodge City for the rodeo.", "Dodge"),
    ("California wine sales rose by a third.", "California"),  # origin, not a kind of thing
    ("Buffalo schools reopened after the storm.", "Buffalo"),
    ("The bottle plant in Toledo closed.", "Toledo"),
])
def test_places_stay_places(text, name):
    assert not _thing(text, name)


def test_the_pipeline_drops_things_and_keeps_the_places_beside_them(gazetteer):
    text = "A man from Tucson, Arizona, drove his Chevrolet Colorado to a clinic treating Lassa fever in Sierra Leone."
    assert _places(text, gazetteer) == ["Tucson", "Arizona", "Sierra Leone"]


def test_a_compound_of_the_name_or_a_measure_makes_a_thing():
    from tests.fakes import PARIS

    brussels = Place("2800866", "Brussels", "city", 50.85, 4.35, "BE", "", 1_019_022)
    bordeaux = Place("3031582", "Bordeaux", "city", 44.84, -0.58, "FR", "", 231_844)
    nino = Place("9999005", "El Niño", "city", 20.0, -100.0, "MX", "", 8_999)
    gz = FakeGazetteer([("Brussels", brussels, "name"), ("Bordeaux", bordeaux, "name"), ("El Niño", nino, "name"),
                        ("Paris", PARIS, "name")])

    def found(text):  # no model: only the hard rules decide
        return [m.text for m in find_mentions(text, split_sentences(text), gz)]

    assert found("The Brussels sprouts were overcooked in Paris.") == ["Paris"]
    assert found("Talks in Brussels ended; Brussels said no.") == ["Brussels", "Brussels"]
    assert found("He ordered a glass of Bordeaux in Paris.") == ["Paris"]
    assert found("The mayor of Bordeaux spoke.") == ["Bordeaux"]
    assert found("A strong El Niño warms the Pacific.") == []
    assert found("Add a dash of Bordeaux to the sauce in Paris.") == ["Paris"]


def test_maker_before_is_the_pattern_answer():
    # The hand-walked scan gives what the plain pattern gives on the 40 characters before a
    # span: the word right before the spaces that end them, from its first ASCII letter.
    import random
    import re

    from geo.product_cues import MAKERS, _maker_before

    pattern = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")
    pieces = [*"ab Tt\t\nx-'’_9é.(W", "Toyota", "VW", "Citroën", "BMW", "Ford", "  ", "his ", "x" * 12, " " * 12]
    rng = random.Random(7)
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for start in range(len(text) + 1):
            match = pattern.search(text[max(0, start - 40) : start])
            expected = match is not None and match.group(1) in MAKERS
            assert _maker_before(text, start) == expected, (text, start)
            found += expected
    assert found > 1000  # the makers were met, not only their absence


def test_names_a_thing_answers_as_its_rules_read_plainly():
    # Its shortcuts (no call where the word before ends no maker's name, no pattern where no
    # blank follows the name) give what the rules give read in full.
    import random
    import re

    from geo.product_cues import _PLACE_HEADS, MAKERS, THING_HEADS, _maker_before

    word_after = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")

    def plain(text, start, end):
        if _maker_before(text, start):
            return True
        after = word_after.match(text, end, min(len(text), end + 40))
        if after is None:
            return False
        following = after.group(1)
        return following in THING_HEADS or (
            text[start:end] in MAKERS and following[0].isupper() and following.lower() not in _PLACE_HEADS)

    pieces = [*"ab T\t\n-.,", "Toyota", "Kia", "Ford", "fever", "Sienna", "County", "his ", "  "]
    rng = random.Random(5)
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        for start in range(len(text) + 1):
            for end in range(start, min(len(text), start + 6) + 1):
                expected = plain(text, start, end)
                assert names_a_thing(text, start, end) == expected, (text, start, end)
                found += expected
    assert found > 1000
