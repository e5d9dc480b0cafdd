"""The gazetteer's packed index on a tiny data directory: the candidate cap, records built
without their constructors, known_keys() in chunks and through the memo."""

from __future__ import annotations

import dataclasses

import pytest

import geo.index_build as index_build_module
from geo.gazetteer import Gazetteer
from geo.records import NameMatch, Place
from tests.tiny_data import write_data_dir


@pytest.fixture()
def data(tmp_path):
    towns = [f"{i}\tSpringfield\tcity\t{i}.5\t-{i}.25\tUS\tState {i}\t{1000 - i}" for i in range(1, 6)]
    return write_data_dir(tmp_path, ["10\tLand\tcountry\t10.0\t20.0\tLD\t\t5000", *towns],
                          names=["10\tdemonym\tLandish", "10\tabbreviation\tL.D.", "3\talternate\tSpringvale"])


def test_candidates_are_capped_after_ranking(data, tmp_path, monkeypatch):
    full = Gazetteer(data, cache_dir=tmp_path / "full")
    assert [p.id for p in full.lookup("Springfield")] == ["1", "2", "3", "4", "5"]  # largest first
    monkeypatch.setattr(index_build_module, "MAX_CANDIDATES", 3)  # (the build keeps the best)
    capped = Gazetteer(data, cache_dir=tmp_path / "capped")
    assert [p.id for p in capped.lookup("Springfield")] == ["1", "2", "3"]
    assert capped.info()["names"] == full.info()["names"] == 9  # (key, place) pairs, counted before the cap


def test_records_equal_constructed_ones_and_stay_frozen(data, tmp_path):
    g = Gazetteer(data, cache_dir=tmp_path / "c")
    land = Place("10", "Land", "country", 10.0, 20.0, "LD", "", 5000)
    assert g.matches("L.D.") == (NameMatch(land, "abbreviation"),)
    assert g.matches("Landish") == (NameMatch(land, "demonym"),) and g.lookup("Landish") == ()
    found = g.lookup("Land")[0]
    assert found == land and hash(found) == hash(land) and repr(found) == repr(land)
    assert dataclasses.astuple(found) == dataclasses.astuple(land)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.name = "Other"
    # one Place object per place, whichever name found it
    assert g.lookup("Springvale")[0] is g.lookup("Springfield")[2] is g.get("3")


def test_lookup_by_the_same_name_is_remembered_and_stays_correct(data, tmp_path):
    g = Gazetteer(data, cache_dir=tmp_path / "c")
    first = g.lookup("springfield")
    assert g.lookup("SPRINGFIELD") is first and g.lookup("springfield", limit=2) == first[:2]
    assert g.lookup("Nowhere") == () and g.matches("Nowhere") == ()


def test_known_keys_in_chunks_and_from_the_memo(data, tmp_path):
    g = Gazetteer(data, cache_dir=tmp_path / "c")
    g.lookup("Springfield")
    g.lookup("Nowhere")
    misses = [f"miss {i}" for i in range(1200)]  # more than one query's worth of parameters
    keys = ["springfield", "nowhere", "land", "l d", "landish", *misses]
    assert g.known_keys(keys) == {"springfield", "land", "l d", "landish"}
    assert g.known_keys(iter(["land"])) == {"land"}


def test_lookup_and_matches_share_records_built_once(data, tmp_path):
    g = Gazetteer(data, cache_dir=tmp_path / "c")
    places = g.lookup("Springfield")
    assert g.lookup("SPRINGFIELD") is places  # one memo entry per key
    matches = g.matches("springfield")
    assert [m.place for m in matches if m.match != "demonym"] == list(places)
    assert all(a is b for a, b in zip((m.place for m in matches), places))
    assert g.matches("Springfield") is matches
    assert g.lookup("nowhere at all") == () and g.matches("nowhere at all") == ()
    assert g.lookup("Landish") == () and g.matches("Landish")[0].place is g.lookup("Land")[0]  # demonym: matches only
