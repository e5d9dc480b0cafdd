"""Qualifiers and definitional sentences (geo.qualifiers, geo.resolve).

Mentions are built by hand here, so these tests hold whatever recognition finds; the
sentences are the team's own.
"""

import pytest

from geo.candidates import candidates_for
from geo.qualifiers import qualifier_pairs
from geo.records import Mention
from geo.resolve import resolve


def mentions_of(text, *names):
    found, start = [], 0
    for name in names:
        at = text.index(name, start)
        found.append(Mention(at, at + len(name), name, 0))
        start = at + len(name)
    return tuple(found)


def resolved(text, gazetteer, *names):
    mentions = mentions_of(text, *names)
    rs = resolve(text, mentions, tuple(candidates_for(m, gazetteer) for m in mentions))
    return [(r.place.name, r.place.kind, r.place.country_code, r.place.admin1) for r in rs]


@pytest.mark.parametrize("text, names, pairs", [
    ("Paris, Texas", ("Paris", "Texas"), {0: [1]}),
    ("Texas's Paris", ("Texas", "Paris"), {1: [0]}),
    ("Tyler is a city in Texas.", ("Tyler", "Texas"), {0: [1]}),
    ("Tyler was a small town in East Texas.", ("Tyler", "East Texas"), {0: [1]}),
    ("Kharkiv is the second-largest city of Ukraine.", ("Kharkiv", "Ukraine"), {0: [1]}),
    ("Springfield, the capital of Illinois, flooded.", ("Springfield", "Illinois"), {0: [1]}),
    ("Kerch, a port in the east of Crimea, froze.", ("Kerch", "Crimea"), {0: [1]}),
    ("Tyler is the seat of Smith County.", ("Tyler", "Smith County"), {0: [1]}),
    ("Lima in northwestern Ohio", ("Lima", "Ohio"), {0: [1]}),
    ("Lima in the north-west of Ohio", ("Lima", "Ohio"), {0: [1]}),
    ("Paris (Texas) votes.", ("Paris", "Texas"), {0: [1]}),
    ("Lagos, in southern Portugal, is sunny.", ("Lagos", "Portugal"), {0: [1]}),
    ("Richmond, in Virginia, voted.", ("Richmond", "Virginia"), {0: [1]}),
    ("the Texas city of Tyler", ("Texas", "Tyler"), {1: [0]}),
    ("Lugansk is a city in the Ukrainian region of Donbas.", ("Lugansk", "Donbas"), {0: [1]}),
    # not qualifiers
    ("Paris in June", ("Paris", "June"), {}),
    ("Paris and Texas", ("Paris", "Texas"), {}),
    ("Paris, and the state of Texas", ("Paris", "Texas"), {}),
    ("Paris (the capital) and Texas", ("Paris", "Texas"), {}),
    ("a Texas man from Tyler", ("Texas", "Tyler"), {}),
    ("Paris is a city. In Texas it rains.", ("Paris", "Texas"), {}),
])
def test_who_qualifies_whom(text, names, pairs):
    assert qualifier_pairs(text, mentions_of(text, *names)) == pairs


def test_a_definition_carries_its_area_to_the_town(gazetteer):
    text = "Paris is a small city in Texas, and Paris has a replica of the Eiffel Tower."
    assert resolved(text, gazetteer, "Paris", "Texas", "Paris") == [
        ("Paris", "city", "US", "Texas"), ("Texas", "adm1", "US", "Texas"), ("Paris", "city", "US", "Texas")]


def test_the_capital_of(gazetteer):
    text = "Springfield, the capital of Illinois, cleared the snow."
    assert resolved(text, gazetteer, "Springfield", "Illinois")[0][3] == "Illinois"


def test_a_direction_within_a_state(gazetteer):
    text = "Lima in northern Ohio builds tanks, and Peru buys none."
    assert resolved(text, gazetteer, "Lima", "Ohio", "Peru")[0][2:] == ("US", "Ohio")


def test_a_definition_through_a_county(gazetteer):
    text = "Marshall is a city in Harrison County, Texas."
    marshall, county, texas = resolved(text, gazetteer, "Marshall", "Harrison County", "Texas")
    assert marshall[2:] == ("US", "Texas") and county[3] == "Texas"


def test_a_bracket_qualifies(gazetteer):
    assert resolved("Paris (Texas) is far from Berlin.", gazetteer, "Paris", "Texas", "Berlin")[0][3] == "Texas"


def test_the_state_town_of(gazetteer):
    text = "The Texas city of Tyler grows roses; so does Portland."
    assert resolved(text, gazetteer, "Texas", "Tyler", "Portland")[1][2:] == ("US", "Texas")


def test_a_recognised_name_a_person_could_have_resolves_to_its_town(gazetteer):
    # Item 2's resolution side: once recognition finds "Tyler" and "Gary", their states place them.
    assert resolved("Tyler, Texas, is known for roses.", gazetteer, "Tyler", "Texas")[0][2:] == ("US", "Texas")
    assert resolved("Gary, Indiana, lost its mill.", gazetteer, "Gary", "Indiana")[0][2:] == ("US", "Indiana")


def test_a_qualifier_overrules_a_famous_namesake(gazetteer):
    # However well known Lima, Peru is, the sentence says Ohio.
    assert resolved("Lima, Ohio, hired a police chief.", gazetteer, "Lima", "Ohio")[0][2:] == ("US", "Ohio")


def test_a_county_qualifies_the_towns_near_its_point(gazetteer):
    # Two Richmonds in England: the one in North Yorkshire (54.4 N), not the one by London (51.5 N).
    text = "Richmond, in North Yorkshire, is a market town."
    mentions = mentions_of(text, "Richmond", "North Yorkshire")
    richmond, county = resolve(text, mentions, tuple(candidates_for(m, gazetteer) for m in mentions))
    assert richmond.place.country_code == "GB" and richmond.place.lat > 54
    assert "qualified by North Yorkshire" in richmond.reason and "holds Richmond" in county.reason
    text = "He farms near Springfield, Sangamon County."
    assert resolved(text, gazetteer, "Springfield", "Sangamon County")[0][2:] == ("US", "Illinois")


def test_readings_in_an_area_are_those_an_index_of_all_readings_gives():
    """sentence_areas looks up a name's readings in each area its sentence names; an index
    of all its readings by what holds them gives the same places in the same order."""
    import random

    from geo.evidence import _key
    from geo.qualifiers import _readings_in
    from geo.records import Candidate, Place

    rng = random.Random(7)
    for _ in range(200):
        cands = tuple(
            Candidate(Place(str(n), "P", rng.choice(("city", "adm2", "adm1", "country")), 0.0, 0.0,
                            rng.choice(("US", "GB", "")), rng.choice(("Texas", "texas", "Ohio", "")), 1), 1.0)
            for n in range(rng.randrange(6)))
        index = {}
        for c in cands:
            place = c.place
            if not place.country_code:
                continue
            if place.kind in ("city", "adm2"):
                index.setdefault((place.country_code,), []).append(place)
            if place.admin1:
                index.setdefault((place.country_code, _key(place.admin1)), []).append(place)
        for where in (("US",), ("GB",), ("",), ("US", "texas"), ("GB", "ohio"), ("", "texas")):
            assert _readings_in(cands, where) == index.get(where, [])
