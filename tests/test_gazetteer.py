"""The bundled gazetteer, offline: real data through the ``gazetteer`` fixture, plus the
index build on a tiny data directory written here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from shapely.geometry import Point

from geo.errors import DataError, NotFoundError
from geo.gazetteer import Gazetteer
from geo.records import NameMatch, Place
from tests.tiny_data import write_data_dir, write_gz


def first(gazetteer, name):
    places = gazetteer.lookup(name)
    assert places, f"nothing found for {name!r}"
    return places[0]


@pytest.mark.parametrize("name", ["Fuzuli", "Füzuli", "Fizuli", "FUZULI"])
def test_fuzuli_spellings_find_the_town(gazetteer, name):
    p = first(gazetteer, name)
    assert (p.id, p.country_code, p.kind) == ("148106", "AZ", "city")


@pytest.mark.parametrize("name", ["Khankendi", "Stepanakert"])
def test_khankendi_and_its_armenian_name(gazetteer, name):
    assert first(gazetteer, name).id == "146970"


def test_tovuz_and_baku_are_in_azerbaijan(gazetteer):
    assert first(gazetteer, "Tovuz").country_code == "AZ"
    baku = first(gazetteer, "Baku")
    assert (baku.country_code, baku.kind) == ("AZ", "city")


def test_district_named_after_its_town_ranks_after_the_town(gazetteer):
    kinds = [p.kind for p in gazetteer.lookup("Fuzuli") if p.country_code == "AZ"]
    assert kinds.index("city") < kinds.index("adm1")


@pytest.mark.parametrize("name", ["Nagorno-Karabakh", "Nagorno Karabakh", "nagorno karabakh"])
def test_nagorno_karabakh_is_a_region_whose_point_is_in_its_outline(gazetteer, name):
    p = first(gazetteer, name)
    assert p.kind == "region"
    outline = gazetteer.outline(p.id)
    assert outline is not None and outline.contains(Point(p.lon, p.lat))
    assert outline.contains(Point(46.75, 39.82))  # Khankendi
    assert not outline.contains(Point(47.14, 39.60))  # Fuzuli was outside the oblast


def test_regions_and_seas(gazetteer):
    assert first(gazetteer, "Karabakh").kind == "region"
    assert first(gazetteer, "South Caucasus").kind == "region"
    assert first(gazetteer, "Black Sea").kind == "physical"
    caucasus = gazetteer.outline(first(gazetteer, "South Caucasus").id)
    assert caucasus.contains(Point(49.87, 40.41))  # Baku


def test_countries(gazetteer):
    az, am = first(gazetteer, "Azerbaijan"), first(gazetteer, "Armenia")
    assert (az.kind, az.country_code, am.kind, am.country_code) == ("country", "AZ", "country", "AM")
    russia = first(gazetteer, "Russia")
    assert russia.country_code == "RU" and abs(russia.lat - 60) < 1 and abs(russia.lon - 100) < 1
    assert gazetteer.country("az") == az
    assert gazetteer.country("ZZ") is None
    assert gazetteer.outline(az.id).contains(Point(az.lon, az.lat))


def test_country_abbreviations_but_not_plain_iso_codes(gazetteer):
    for abbr in ("U.S.", "US", "USA"):
        assert first(gazetteer, abbr).id == "6252001"
    assert first(gazetteer, "UK").country_code == "GB"
    assert all(p.kind != "country" for p in gazetteer.lookup("IT"))
    assert all(p.kind != "country" for p in gazetteer.lookup("IN"))


def test_paris_france_first_and_paris_texas_among_candidates(gazetteer):
    places = gazetteer.lookup("Paris")
    assert places[0].country_code == "FR"
    assert any(p.country_code == "US" and p.admin1 == "Texas" for p in places)
    assert len(gazetteer.lookup("Paris", limit=2)) == 2


def test_georgia_is_the_country_and_the_us_state(gazetteer):
    places = gazetteer.lookup("Georgia")
    assert places[0].kind == "country" and places[0].country_code == "GE"
    assert any(p.kind == "adm1" and p.country_code == "US" for p in places)


def test_texas_point_is_near_geonames(gazetteer):
    texas = first(gazetteer, "Texas")
    assert texas.kind == "adm1" and abs(texas.lat - 31.25) < 1 and abs(texas.lon + 99.25) < 1
    assert first(gazetteer, "TX") == texas


@pytest.mark.parametrize("name, kind, lat, lon", [
    ("Canada", "country", 60.10867, -113.64258),  # GeoNames' point, not the Factbook's 60N 95W
    ("Texas", "adm1", 31.25044, -99.25061),
    ("United States", "country", 39.76, -98.5),
    ("India", "country", 22.0, 79.0),
])
def test_areas_use_geonames_points_where_listed(gazetteer, name, kind, lat, lon):
    p = first(gazetteer, name)
    assert (p.kind, p.lat, p.lon) == (kind, pytest.approx(lat, abs=1e-5), pytest.approx(lon, abs=1e-5))


@pytest.mark.parametrize("abbr, name", [("B.C.", "British Columbia"), ("Ky.", "Kentucky"), ("W.Va.", "West Virginia"),
                                        ("Calif.", "California"), ("N.Y.", "New York"), ("NSW", "New South Wales"),
                                        ("S. Africa", "South Africa")])
def test_news_abbreviations(gazetteer, abbr, name):
    assert first(gazetteer, abbr).name == name
    assert "abbreviation" in {m.match for m in gazetteer.matches(abbr) if m.place.name == name}


@pytest.mark.parametrize("abbr, name", [("BC", "British Columbia"), ("B.C.", "British Columbia"), ("NSW", "New South Wales"),
                                        ("Qld", "Queensland"), ("EU", "European Union"), ("E.U.", "European Union")])
def test_news_short_forms_with_and_without_dots(gazetteer, abbr, name):
    assert first(gazetteer, abbr).name == name


def test_national_capitals(gazetteer):
    assert gazetteer.is_capital("4140963")  # Washington, D.C.
    assert not gazetteer.is_capital("5815135")  # Washington state
    assert not gazetteer.is_capital("2634715")  # Washington, England
    assert not gazetteer.is_capital("no-such-id")
    assert gazetteer.capital("US").id == "4140963"
    assert gazetteer.capital("US").admin1 == "District of Columbia"
    assert gazetteer.capital("FR").name == "Paris"
    assert gazetteer.capital("az").name == "Baku"
    assert gazetteer.capital("ZZ") is None
    assert gazetteer.capital("AQ") is None  # Antarctica has none


@pytest.mark.parametrize("code, name", [("KW", "Kuwait City"), ("MX", "Mexico City"), ("PA", "Panama City"),
                                        ("GT", "Guatemala City"), ("VA", "Vatican City"), ("SG", "Singapore"),
                                        ("MC", "Monaco"), ("LU", "Luxembourg"), ("DJ", "Djibouti"), ("SM", "San Marino"),
                                        ("IN", "New Delhi"), ("KZ", "Astana"), ("PW", "Ngerulmud")])
def test_capitals_named_like_their_country_or_by_another_name(gazetteer, code, name):
    capital = gazetteer.capital(code)
    assert (capital.name, capital.kind, capital.country_code) == (name, "city", code)
    assert gazetteer.is_capital(capital.id)
    assert gazetteer.country(code).id != capital.id


@pytest.mark.parametrize("word, name, kind", [("European", "Europe", "continent"), ("Africans", "Africa", "continent"),
                                              ("Asian", "Asia", "continent"), ("North American", "North America", "continent"),
                                              ("South Americans", "South America", "continent"),
                                              ("Latin American", "Latin America", "macroregion"),
                                              ("Central American", "Central America", "macroregion"),
                                              ("Middle Eastern", "Middle East", "region"), ("Scandinavian", "Scandinavia", "region"),
                                              ("Balkan", "Balkans", "region"), ("Kurdish", "Kurdistan", "region"),
                                              ("Kurds", "Kurdistan", "region"), ("West African", "Western Africa", "macroregion")])
def test_demonyms_of_continents_and_regions(gazetteer, word, name, kind):
    found = [m.place for m in gazetteer.matches(word) if m.match == "demonym"]
    assert (found[0].name, found[0].kind) == (name, kind)
    assert word in gazetteer.demonyms(found[0].id)


def test_regions_by_their_usual_english_names(gazetteer):
    assert first(gazetteer, "West Africa").id == "m49:011"
    assert first(gazetteer, "East Asia").id == "m49:030"
    assert "European" not in [p.name for p in gazetteer.lookup("European")]  # a demonym, not a name


@pytest.mark.parametrize("name, code", [("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG"),
                                        ("Bosnia", "BA"), ("Korea", "KR"), ("North Korea", "KP"),
                                        ("St Kitts and Nevis", "KN")])
def test_countries_by_their_news_short_forms(gazetteer, name, code):
    place = first(gazetteer, name)
    assert (place.kind, place.country_code) == ("country", code)


@pytest.mark.parametrize("name, near", [("Greater Manchester", (53.5, -2.3)), ("West Yorkshire", (53.8, -1.7)),
                                        ("Merseyside", (53.4, -2.9))])
def test_englands_metropolitan_counties_sit_among_their_districts(gazetteer, name, near):
    place = first(gazetteer, name)
    assert (place.country_code, place.admin1) == ("GB", "England")
    assert abs(place.lat - near[0]) < 0.15 and abs(place.lon - near[1]) < 0.15


def test_airports_by_their_names_in_news(gazetteer):
    from geo.pipeline import map_text

    doc = map_text("Flights from Heathrow Airport and Gatwick were cancelled; Dulles Airport stayed open.",
                   gazetteer=gazetteer, outlines=False)
    assert [(r.mention.text, r.place.kind, r.place.country_code) for r in doc.resolutions] == [
        ("Heathrow Airport", "airport", "GB"), ("Gatwick", "airport", "GB"), ("Dulles Airport", "airport", "US")]
    assert {p.kind for p in gazetteer.lookup("Heathrow")} == {"city", "airport"}  # the Florida town, and the airport
    # A common word is no airport's name alone ("Liberty" of Newark Liberty International Airport).
    assert all(p.kind != "airport" for p in gazetteer.lookup("Liberty"))


def test_abbreviations_that_are_common_tokens_are_not_places(gazetteer):
    assert all(p.kind != "adm1" for p in gazetteer.lookup("LA"))
    assert all(p.kind != "adm1" for p in gazetteer.lookup("Man"))


def test_nonsense_name_finds_nothing(gazetteer):
    assert gazetteer.lookup("Xqzzyvlorp") == ()
    assert gazetteer.matches("") == ()


def test_demonym_only_through_matches(gazetteer):
    found = gazetteer.matches("Azerbaijani")
    assert NameMatch(gazetteer.country("AZ"), "demonym") in found
    assert gazetteer.country("AZ") not in gazetteer.lookup("Azerbaijani")
    assert "Azerbaijani" in gazetteer.demonyms(gazetteer.country("AZ").id)


def test_match_kinds(gazetteer):
    kinds = {m.match for m in gazetteer.matches("Fizuli") if m.place.id == "148106"}
    assert kinds == {"alternate"}
    assert "Fizuli" in gazetteer.alternate_names("148106")
    assert {m.match for m in gazetteer.matches("U.S.") if m.place.id == "6252001"} == {"abbreviation"}


def test_known_keys(gazetteer):
    assert gazetteer.known_keys(["fuzuli", "paris", "xqzzyvlorp", "azerbaijani"]) == {"fuzuli", "paris", "azerbaijani"}
    assert gazetteer.known_keys([]) == frozenset()


def test_get_and_unknown_id(gazetteer):
    assert gazetteer.get("148106").name == "Fuzuli"
    assert gazetteer.get("148106") is gazetteer.get("148106")  # cached per instance
    with pytest.raises(NotFoundError, match="'no-such-id'"):
        gazetteer.get("no-such-id")
    with pytest.raises(LookupError):
        gazetteer.alternate_names("no-such-id")


def test_info_counts_every_kind(gazetteer):
    info = gazetteer.info()
    assert info["kinds"]["city"] >= 230_000
    assert info["kinds"]["country"] >= 240
    assert {"adm1", "adm2", "continent", "macroregion", "region", "physical"} <= set(info["kinds"])
    assert info["places"] == sum(info["kinds"].values())


def test_geo_interface(gazetteer):
    feature = gazetteer.get("148106").__geo_interface__
    assert feature["geometry"] == {"type": "Point", "coordinates": (47.14529, 39.60094)}
    assert feature["properties"]["country_code"] == "AZ"


# ----------------------------------------------------------------- index build on tiny data


@pytest.fixture()
def tiny_data(tmp_path):
    return write_data_dir(tmp_path, [
        "1\tLand\tcountry\t10.0\t20.0\tLD\t\t1000",
        "2\tSpringfield\tadm1\t11.0\t21.0\tLD\tSpringfield\t500",
        "3\tSpringfield\tcity\t11.1\t21.1\tLD\tSpringfield\t400",
        "4\tSpringfield\tcity\t12.0\t22.0\tLD\tOther\t900",
    ], names=["1\tdemonym\tLandish", "3\talternate\tSpringvale"],
       outlines=["1\tPOLYGON ((19 9, 21 9, 21 11, 19 11, 19 9))"])


def test_index_is_built_once_into_an_empty_cache_and_reused(tiny_data, tmp_path, capsys):
    cache = tmp_path / "cache"
    g = Gazetteer(tiny_data, cache_dir=cache)
    assert not cache.exists()  # lazy: constructing opened nothing
    assert [p.id for p in g.lookup("springfield")] == ["4", "3", "2"]  # town before its namesake district
    assert "building the gazetteer index" in capsys.readouterr().err
    index = g.index_path()
    assert sorted(cache.iterdir()) == [index.with_suffix(".names"), index]  # no temp files left
    built = index.stat().st_mtime_ns
    again = Gazetteer(tiny_data, cache_dir=cache)
    assert again.lookup("Land")[0] == Place("1", "Land", "country", 10.0, 20.0, "LD", "", 1000)
    assert capsys.readouterr().err == ""
    assert index.stat().st_mtime_ns == built
    assert again.outline("1").contains(Point(20, 10))
    assert again.outline("3") is None
    assert [m.match for m in again.matches("Landish")] == ["demonym"]


_BUILD_AND_LOOK_UP = """
import sys
from geo.gazetteer import Gazetteer
g = Gazetteer(sys.argv[1], cache_dir=sys.argv[2])
print(",".join(p.id for p in g.lookup("Springfield")), g.info()["places"])
"""


def test_two_first_runs_at_once_build_one_sound_index(tiny_data, tmp_path):
    cache = tmp_path / "cache"
    runs = [
        subprocess.Popen([sys.executable, "-c", _BUILD_AND_LOOK_UP, str(tiny_data), str(cache)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0] * 4, outputs
    assert [out for out, _ in outputs] == ["4,3,2 4\n"] * 4
    index = Gazetteer(tiny_data, cache_dir=cache).index_path()
    assert sorted(cache.iterdir()) == [index.with_suffix(".names"), index]
    assert [p.id for p in Gazetteer(tiny_data, cache_dir=cache).lookup("springvale")] == ["3"]


def test_an_index_without_its_name_store_is_rebuilt(tiny_data, tmp_path, capsys):
    cache = tmp_path / "cache"
    index = Gazetteer(tiny_data, cache_dir=cache).ensure_index()
    index.with_suffix(".names").unlink()
    capsys.readouterr()
    assert [p.id for p in Gazetteer(tiny_data, cache_dir=cache).lookup("Land")] == ["1"]
    assert "building the gazetteer index" in capsys.readouterr().err


def test_capitals_of_tiny_data_and_of_data_without_them(tiny_data, tmp_path):
    g = Gazetteer(tiny_data, cache_dir=tmp_path / "cache")
    assert not g.is_capital("4") and g.capital("LD") is None  # built before capitals existed: none
    write_gz(tiny_data / "capitals.tsv.gz", ["country_code\tid\tname", "LD\t4\tSpringfield"])
    g = Gazetteer(tiny_data, cache_dir=tmp_path / "cache")
    assert g.is_capital("4") and not g.is_capital("3")
    assert g.capital(" ld ") == g.get("4")
    assert g.capital("XX") is None


def test_changed_data_gets_a_fresh_index(tiny_data, tmp_path):
    cache = tmp_path / "cache"
    before = Gazetteer(tiny_data, cache_dir=cache).index_path()
    (tiny_data / "manifest.json").write_text(json.dumps({"v": 2}))
    assert Gazetteer(tiny_data, cache_dir=cache).index_path() != before


def test_env_defaults(tiny_data, tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tiny_data))
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "envcache"))
    g = Gazetteer()
    assert g.data_dir == tiny_data and g.cache_dir == tmp_path / "envcache"
    assert g.info()["index"].startswith(str(tmp_path / "envcache"))


def test_missing_data_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="manifest.json"):
        Gazetteer(tmp_path / "nowhere", cache_dir=tmp_path / "c").lookup("Paris")


def test_word_frequency_without_the_artifact_asks_wordfreq(tiny_data, tmp_path, monkeypatch):
    from wordfreq import zipf_frequency

    g = Gazetteer(tiny_data, cache_dir=tmp_path / "cache")  # data built before word_zipf.tsv.gz
    assert g.word_frequency("land") == zipf_frequency("land", "en") > 3
    monkeypatch.setitem(__import__("sys").modules, "wordfreq", None)
    g = Gazetteer(tiny_data, cache_dir=tmp_path / "cache")
    with pytest.raises(DataError, match="word_zipf.tsv.gz"):
        g.word_frequency("land")


def test_word_frequency_reads_the_artifact(tiny_data, tmp_path):
    write_gz(tiny_data / "word_zipf.tsv.gz", ["word\tzipf", "land\t4.96", "springfield\t2.5"])
    g = Gazetteer(tiny_data, cache_dir=tmp_path / "cache")
    assert (g.word_frequency("land"), g.word_frequency("springfield"), g.word_frequency("landish")) == (4.96, 2.5, 0.0)
    g.close()
    assert g._words == {} and g.word_frequency("land") == 4.96


def test_bundled_word_frequencies_are_wordfreqs(gazetteer):
    from wordfreq import zipf_frequency

    for word in ("paris", "council", "new", "york", "saint", "park", "fuzuli", "tovuz"):  # words of names
        assert gazetteer.word_frequency(word) == zipf_frequency(word, "en"), word
    assert gazetteer.word_frequency("trend") == 0.0 < zipf_frequency("trend", "en")  # of no name: not held


def test_a_build_deletes_only_indexes_unused_for_a_month(tiny_data, tmp_path, capsys):
    import os
    import time

    from geo.gazetteer import STALE_AFTER_DAYS

    cache = tmp_path / "cache"
    cache.mkdir()
    month_ago = time.time() - (STALE_AFTER_DAYS + 1) * 86_400
    stale = [cache / "gazetteer-0000000000000001.sqlite", cache / "gazetteer-0000000000000001.names",
             cache / "gazetteer-0000000000000002.sqlite", cache / "gazetteer-0000000000000003.sqlite.x.tmp"]
    recent = [cache / "gazetteer-0000000000000004.sqlite", cache / "gazetteer-0000000000000004.names",
              cache / "notes.txt"]
    for f in stale + recent:
        f.write_bytes(b"old")
    for f in stale + [cache / "notes.txt"]:
        os.utime(f, (month_ago, month_ago))
    g = Gazetteer(tiny_data, cache_dir=cache)
    assert g.lookup("Land")[0].id == "1"
    assert "removed 2 gazetteer index(es)" in capsys.readouterr().err
    index = g.index_path()
    assert sorted(cache.iterdir()) == sorted(recent + [index, index.with_suffix(".names")])


def test_opening_an_old_index_marks_it_used(tiny_data, tmp_path):
    import os
    import time

    cache = tmp_path / "cache"
    index = Gazetteer(tiny_data, cache_dir=cache).ensure_index()
    long_ago = time.time() - 10 * 86_400
    os.utime(index, (long_ago, long_ago))
    Gazetteer(tiny_data, cache_dir=cache).ensure_index()
    assert time.time() - index.stat().st_mtime < 3600
