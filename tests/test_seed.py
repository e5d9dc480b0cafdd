"""The customer's seed article, end to end: exactly its places, in the right spots, with their sentences."""

import math
import re
from pathlib import Path

import pytest

from geo.pipeline import map_text

SEED = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"

# name -> (lat, lon) of where the place is; a resolved point must lie within the radius (km).
EXPECTED = {
    "Fuzuli": (39.60, 47.15, 25),
    "Azerbaijan": (40.5, 47.5, 200),
    "Armenia": (40.2, 45.0, 200),
    "Nagorno-Karabakh": (39.8, 46.7, 60),
    "Karabakh": (39.8, 46.9, 120),
    "Russia": (60.0, 100.0, 500),
    "Tovuz": (40.99, 45.63, 30),
    "South Caucasus": (41.5, 45.0, 400),
}


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed(gazetteer):
    text = SEED.read_text(encoding="utf-8")
    return text, map_text(text, gazetteer=gazetteer, doc_id=SEED.stem)


def test_exactly_the_places_of_the_article(seed):
    _, doc = seed
    assert sorted(mp.place.name for mp in doc.places) == sorted(EXPECTED)


def test_each_place_stands_in_the_right_spot(seed):
    _, doc = seed
    for mp in doc.places:
        lat, lon, radius = EXPECTED[mp.place.name]
        assert km(lat, lon, mp.place.lat, mp.place.lon) <= radius, mp.place
    countries = {mp.place.name: mp.place.country_code for mp in doc.places}
    assert countries["Fuzuli"] == countries["Tovuz"] == countries["Nagorno-Karabakh"] == "AZ"


def test_demonyms_attach_to_their_countries(seed):
    _, doc = seed
    demonyms = {(r.mention.text, r.place.name) for r in doc.resolutions if r.mention.kind == "demonym"}
    assert demonyms == {("Armenian", "Armenia"), ("Azerbaijani", "Azerbaijan")}


def test_no_false_places(seed):
    text, doc = seed
    found = {m.text for m in doc.mentions}
    for word in ("Trend", "Jafarov", "Jeyhun", "Colonel", "Deputy", "Head", "Jan", "Sept", "Nov", "July", "War"):
        assert word not in found
    assert all(r.place is not None for r in doc.resolutions)


def test_every_sentence_is_attached_to_the_places_it_names(seed):
    text, doc = seed
    by_sentence = {}
    for r in doc.resolutions:
        by_sentence.setdefault(r.mention.sentence_index, set()).add(r.place.name)
    for s in doc.sentences:
        sentence = text[s.start : s.end]
        named = {name for name in EXPECTED if re.search(rf"\b{re.escape(name)}\b", sentence)}
        named |= {"Armenia" for _ in re.finditer(r"\bArmenian", sentence)}
        named |= {"Azerbaijan" for _ in re.finditer(r"\bAzerbaijani", sentence)}
        if "Nagorno-Karabakh" in named and "Karabakh" in named and "Trend’s Karabakh" not in sentence:
            named.discard("Karabakh")  # "Karabakh" inside "Nagorno-Karabakh"
        assert by_sentence.get(s.index, set()) == named, sentence


def test_mention_offsets_index_the_text(seed):
    text, doc = seed
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
