"""Coherence that does not overrule the obvious (geo.resolve), on the bundled gazetteer.

Sentences are the team's own. The text's other names pull a name towards their country
and state; they must not turn a country into a village, nor outvote a mention's own words.
"""

from geo.pipeline import map_text


def readings(text, gazetteer):
    return [(r.mention.text, r.place.country_code, r.place.kind, r.place.admin1)
            for r in map_text(text, gazetteer=gazetteer, outlines=False).resolutions]


def place_of(text, name, gazetteer, nth=0):
    found = [r.place for r in map_text(text, gazetteer=gazetteer, outlines=False).resolutions if r.mention.text == name]
    return found[nth]


def test_small_towns_around_do_not_make_a_big_country_a_village(gazetteer):
    text = "Dairy farmers from Bangor, Lewiston and Waterville said their sales to China fell by half."
    assert place_of(text, "China", gazetteer).kind == "country"
    text = "Workers from Dayton and Sidney heard that the plant's owner, a firm in Russia, would shut it."
    assert place_of(text, "Russia", gazetteer).country_code == "RU"


def test_the_mention_itself_can_make_a_country_a_village(gazetteer):
    russia = place_of("The post office in Russia, Ohio, closes early on Fridays.", "Russia", gazetteer)
    assert (russia.country_code, russia.admin1, russia.kind) == ("US", "Ohio", "city")
    lebanon = place_of("She teaches in Lebanon, Tennessee.", "Lebanon", gazetteer)
    assert (lebanon.country_code, lebanon.admin1) == ("US", "Tennessee")


def test_a_qualifier_reads_as_the_state_that_holds_the_town(gazetteer):
    text = "Growers in Macon, Georgia, said they would ship pecans to Egypt and Jordan."
    assert readings(text, gazetteer) == [
        ("Macon", "US", "city", "Georgia"), ("Georgia", "US", "adm1", "Georgia"),
        ("Egypt", "EG", "country", ""), ("Jordan", "JO", "country", "")]
    # ... and as the country where the country holds it.
    assert place_of("Batumi, Georgia, drew tourists.", "Georgia", gazetteer).kind == "country"


def test_a_list_of_countries_is_not_a_qualifier(gazetteer):
    text = "Buyers in Chile, Peru, Georgia and Cuba placed orders."
    assert [kind for _, _, kind, _ in readings(text, gazetteer)] == ["country"] * 4


def test_one_sense_per_text_yields_to_a_mentions_own_words(gazetteer):
    text = ("Trade talks in Paris, France, ended on Monday. A county fair opened in Paris, Tennessee, "
            "the same day, and Paris, France, will host the next round.")
    places = [r.place for r in map_text(text, gazetteer=gazetteer, outlines=False).resolutions if r.mention.text == "Paris"]
    assert [(p.country_code, p.admin1) for p in places] == [("FR", "Île-de-France"), ("US", "Tennessee"), ("FR", "Île-de-France")]


def test_a_qualified_mention_still_carries_the_others(gazetteer):
    text = "Growers in Macon, Georgia, met on Monday. Georgia's governor did not attend."
    georgias = [r.place for r in map_text(text, gazetteer=gazetteer, outlines=False).resolutions if r.mention.text == "Georgia"]
    assert [p.kind for p in georgias] == ["adm1", "adm1"]
