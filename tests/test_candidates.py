"""The prior (geo.candidates): how well known a place is, beside its kind and size.

Sentences are the team's own; the places are the bundled gazetteer's.
"""

import pytest

from geo.candidates import _spelling_of, candidates_for, candidates_for_each, rank
from geo.gazetteer import Gazetteer
from geo.pipeline import map_text
from geo.records import Mention
from tests.tiny_data import write_data_dir


def places(text, gazetteer):
    return [(r.mention.text, r.place.country_code, r.place.kind) for r in map_text(text, gazetteer=gazetteer, outlines=False).resolutions]


def test_the_index_counts_each_places_other_names(tmp_path):
    data = write_data_dir(
        tmp_path,
        ["1\tLourdes\tcity\t43.09\t-0.05\tFR\tOccitanie\t15786", "2\tLourdes\tcity\t15.47\t120.73\tPH\tCentral Luzon\t11155"],
        ["1\talternate\tLorda", "1\talternate\tLourde", "1\tdemonym\tLourdais", "1\tabbreviation\tLRD"],
    )
    gz = Gazetteer(data, cache_dir=tmp_path / "cache")
    assert [m.place.id for m in gz.matches("Lourdes")] == ["1", "2"]
    assert gz.alternate_name_counts("Lourdes") == (2 + 1, 0)  # alternates and abbreviations, not demonyms
    assert gz.alternate_name_count("2") == 0
    assert gz.alternate_name_counts("Nowhere") == ()


def test_a_well_known_town_outranks_a_bigger_namesake(gazetteer):
    # Fátima in Brazil has more people than the Portuguese one; the world names the Portuguese one.
    (fatima,) = candidates_for(Mention(0, 6, "Fatima", 0), gazetteer)[:1]
    assert fatima.place.country_code == "PT"
    assert any(name == "well known" for name, _ in fatima.features)


def test_two_pilgrimage_towns_stay_where_the_pilgrims_go(gazetteer):
    assert places("Pilgrims visited Lourdes and Fatima last spring.", gazetteer) == [
        ("Lourdes", "FR", "city"), ("Fatima", "PT", "city")]


def test_a_spelling_of_a_big_citys_name_outranks_a_village_called_by_it(gazetteer):
    (lugansk,) = places("Shelling hit Lugansk overnight.", gazetteer)
    assert lugansk[1:] == ("UA", "city")


def test_an_older_spelling_of_a_big_citys_name_beats_a_smaller_namesake(gazetteer):
    (odessa,) = places("Missiles struck Odessa overnight.", gazetteer)
    assert odessa[1:] == ("UA", "city")


def test_a_city_of_millions_beats_the_state_named_like_it(gazetteer):
    assert places("Traffic in São Paulo came to a halt.", gazetteer) == [("São Paulo", "BR", "city")]


def test_a_small_province_does_not_outrank_a_big_city(gazetteer):
    # Manchester is also a parish of Jamaica (62,000 people): the English city is meant.
    (manchester,) = places("Manchester is bidding to host the games.", gazetteer)
    assert manchester[1:] == ("GB", "city")
    # ... while a big province keeps its name ("Quebec" below), and so does a US state.
    (wyoming,) = places("Wyoming voted on Tuesday.", gazetteer)
    assert wyoming[1:] == ("US", "adm1")


def test_a_smaller_city_leaves_its_province_alone(gazetteer):
    assert places("Quebec voted on Monday.", gazetteer) == [("Quebec", "CA", "adm1")]


def test_the_text_still_says_otherwise(gazetteer):
    # "the state of São Paulo" is the text's business (recognition); a qualifier is resolution's:
    assert ("Paris", "US", "city") in places("He grew up in Paris, Texas.", gazetteer)


def test_a_famous_city_called_by_another_name_is_still_famous(gazetteer):
    assert places("Pilgrims gathered in Mecca for the hajj.", gazetteer) == [("Mecca", "SA", "city")]


def test_another_name_of_a_city_does_not_make_it_the_capital(gazetteer):
    # Hong Kong's old name "Victoria" must not carry Hong Kong's capital status.
    (victoria,) = places("In Victoria, police said the roads were closed.", gazetteer)
    assert victoria[1:] == ("AU", "adm1")


@pytest.mark.parametrize("name, main, alike", [
    ("Lugansk", "Luhansk", True), ("Kiev", "Kyiv", True), ("Basra", "Basrah", True),
    ("Victoria", "Hong Kong", False), ("Mecca", "Makkah", False), ("Bombay", "Mumbai", False),
])
def test_a_spelling_is_told_from_another_name(name, main, alike):
    assert _spelling_of(name, main) is alike


def test_rank_without_counts_gives_no_prominence(gazetteer):
    ranked = rank(gazetteer.matches("Fatima"))
    assert all(name != "well known" for c in ranked for name, _ in c.features)


def test_candidates_for_each_is_candidates_for_of_each_mention(gazetteer):
    mentions = (Mention(0, 5, "Paris", 0), Mention(10, 17, "Georgia", 0), Mention(20, 25, "Paris", 0),
                Mention(30, 39, "Georgians", 0, "demonym"), Mention(40, 47, "Nowhere", 0))
    each = candidates_for_each(mentions, gazetteer)
    assert each == tuple(candidates_for(m, gazetteer) for m in mentions)
    assert each[0][0].place.country_code == "FR" and each[4] == ()
    assert each[0] is each[2]  # mentions of one name share one tuple: resolution works once per name
    assert each[3][0].place.kind == "country"  # a demonym ranks its demonym matches: the country


def test_candidates_for_each_looks_up_the_name_a_mention_stands_for(gazetteer):
    # A mention's name, where the recognizer gives one, is what is looked up, as candidates_for does;
    # the memo entry of the same text as another name's mention is not it.
    plain, named = Mention(0, 5, "Paris", 0), Mention(10, 15, "Paris", 0, name="Lyon")
    each = candidates_for_each((plain, named), gazetteer)
    assert each == (candidates_for(plain, gazetteer), candidates_for(named, gazetteer))
    assert each[1][0].place.name == "Lyon" and each[0][0].place.name == "Paris"


def test_candidates_for_each_works_without_a_memo():
    class Plain:  # a candidate source with no derived memo: each mention is ranked afresh
        def matches(self, name):
            return gz_matches(name)

    from geo.gazetteer import default_gazetteer
    gz_matches = default_gazetteer().matches
    mentions = (Mention(0, 4, "Baku", 0), Mention(6, 10, "Baku", 0))
    first, second = candidates_for_each(mentions, Plain())
    assert first == second and first[0].place.country_code == "AZ"


def test_a_province_named_for_the_city_that_dominates_it_yields_the_name_to_that_city():
    from geo.records import NameMatch, Place

    oblast = Place("1", "Mykolaivska oblast", "adm1", 47.45, 31.78, "UA", "Mykolaivska oblast", 1_130_000)
    city = Place("2", "Mykolayiv", "city", 46.98, 31.99, "UA", "Mykolaivska oblast", 470_011)
    ranked = rank([NameMatch(oblast, "alternate"), NameMatch(city, "alternate")], name="Mykolaiv")
    assert [c.place.id for c in ranked] == ["2", "1"]
    assert ("named for its city", -0.3) in ranked[1].features
    # A city with a small share of its province's people ("Quebec", 7% of 8 million) does not.
    province = Place("3", "Quebec", "adm1", 52.0, -72.0, "CA", "Quebec", 8_164_361)
    capital = Place("4", "Québec", "city", 46.81, -71.21, "CA", "Quebec", 528_595)
    assert [c.place.id for c in rank([NameMatch(province, "name"), NameMatch(capital, "name")], name="Quebec")][0] == "3"


def test_a_province_named_for_its_city_takes_nothing_from_namesakes_elsewhere():
    from geo.records import NameMatch, Place

    region = Place("1", "Lima", "adm1", -12.0, -76.8, "PE", "Lima", 1_000_000)
    lima = Place("2", "Lima", "city", -12.04, -77.03, "PE", "Lima", 7_737_002)
    ohio = Place("3", "Lima", "city", 40.74, -84.11, "US", "Ohio", 37_000)
    ranked = {c.place.id: c for c in rank([NameMatch(p, "name") for p in (region, lima, ohio)], name="Lima")}
    # Only the province pays; the city it is named for and the Ohio town gain nothing from it.
    assert [name for name, _ in ranked["1"].features].count("named for its city") == 1
    assert all(name != "named for its city" for c in (ranked["2"], ranked["3"]) for name, _ in c.features)
    assert ranked["1"].score < ranked["2"].score
