"""A thing named after a place is no place: a car model, a disease, a dish (geo.product_cues)."""

import pytest

from geo import map_text
from geo.product_cues import names_a_thing


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
    ("Pour a glass of Champagne for the guests.", "Champagne"),  # a measure of a substance
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
