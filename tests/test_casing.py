"""Lower-case text and hashtags (geo.casing): names found where case says nothing of them."""

from geo.casing import cased_view, hashtag_words, is_caseless, known_without_case
from geo.gazetteer import NameSummary
from geo.mentions import find_mentions
from geo.pipeline import map_text
from geo.records import Place
from geo.sentences import split_sentences
from tests.fakes import AZ, FUZULI, MEXICO, NK, TEXAS, FakeGazetteer

_NEW_YORK = Place("5128581", "New York City", "city", 40.71, -74.0, "US", "New York", 8_804_190)
_NICE = Place("2990440", "Nice", "city", 43.70, 7.27, "FR", "", 342_669)
_PR = Place("4566966", "Puerto Rico", "country", 18.25, -66.5, "PR", "", 3_195_153)


def _gazetteer():
    return FakeGazetteer([("Azerbaijan", AZ, "name"), ("Fuzuli", FUZULI, "name"), ("Texas", TEXAS, "name"),
                          ("TX", TEXAS, "abbreviation"), ("Nagorno-Karabakh", NK, "name"), ("Mexico", MEXICO, "name"),
                          ("New York City", _NEW_YORK, "name"), ("Nice", _NICE, "name"), ("Puerto Rico", _PR, "name")])


def _found(text):
    found = find_mentions(text, split_sentences(text), _gazetteer())
    for m in found:
        assert text[m.start : m.end] == m.text
    return [m.text for m in found]


def test_text_with_ordinary_case_and_no_hashtag_is_read_as_it_is():
    text = "Fighting near Fuzuli, Azerbaijan, went on."
    assert cased_view(text, split_sentences(text), _gazetteer()) is None
    assert cased_view("the price of bread rose.", (), _gazetteer()) is None  # caseless, but no name in it
    # A sentence with ordinary case and no name in it is not caseless: "nice" stays a word.
    assert _found("What a nice day it was in the end.") == []
    assert _found("Prices rose in mexico.") == []


def test_a_name_written_as_one_word_is_parted_where_its_case_changes_if_the_gazetteer_knows_it_so():
    text = "Flying NewYork to Fuzuli tomorrow"
    found = find_mentions(text, split_sentences(text), _gazetteer())
    assert [(m.text, m.name) for m in found] == [("Fuzuli", "")]  # this gazetteer has no "New York"
    gz = FakeGazetteer([("New York", _NEW_YORK, "name"), ("DeKalb", _NICE, "name")])
    text = "Flying NewYork to DeKalb tomorrow"
    found = find_mentions(text, split_sentences(text), gz)
    assert [(m.text, m.name) for m in found] == [("NewYork", "New York"), ("DeKalb", "")]  # DeKalb: a name whole


def test_a_caseless_text_is_one_with_no_capital_but_at_a_sentence_start():
    assert is_caseless("floods hit texas and mexico")
    assert not is_caseless("Floods hit the coast overnight.")  # ordinary case, no name
    assert is_caseless("Floods hit texas. more rain in mexico", (0, 18))
    assert is_caseless("i think i'll go to texas") and is_caseless("then I went to texas, I think")  # "I" is no name
    assert is_caseless("heavy snow #PrayForTexas")  # a hashtag's capitals are its own
    assert not is_caseless("Floods hit Texas")
    assert not is_caseless("12 34 !")


def test_names_a_reader_knows_without_capitals_are_found_in_lower_case_text():
    assert _found("floods hit texas and mexico overnight") == ["texas", "mexico"]
    assert _found("marathon in new york city today") == ["new york city"]
    assert _found("fighting near fuzuli in nagorno-karabakh") == ["fuzuli", "nagorno-karabakh"]


def test_a_common_given_name_stays_a_word_in_lower_case_text():
    gz = _gazetteer()
    gz.given_names = lambda: frozenset({"fuzuli"})
    text = "off with fuzuli and friends"
    assert find_mentions(text, split_sentences(text), gz) == ()
    text = "off with fuzuli to azerbaijan"
    assert [m.text for m in find_mentions(text, split_sentences(text), gz)] == ["azerbaijan"]
    text = "snow in fuzuli today"  # after a preposition of place it is the place
    assert [m.text for m in find_mentions(text, split_sentences(text), gz)] == ["fuzuli"]


def test_a_word_commoner_than_its_places_size_explains_stays_a_word_in_lower_case_text():
    assert _found("what a nice day in texas") == ["texas"]  # Nice (340,000 people) is "nice"
    assert _found("the tx was sent") == []  # an abbreviation needs its capitals
    zipf = {"nice": 5.4, "tokyo": 4.3, "new": 6.2, "york": 4.9}.get
    big = NameSummary(kinds=(("city", frozenset({"name"})),), population=24_000_000, places=1, demonym=False)
    assert known_without_case(big, ["tokyo"], zipf)
    assert not known_without_case(big._replace(population=340_000), ["nice"], zipf)
    assert known_without_case(big, ["new", "york"], zipf)  # a phrase is rarer than its rarest word
    assert not known_without_case(big, ["may"], lambda w: 3.0)  # months and function words never


def test_a_hashtag_is_split_where_its_case_changes_and_read_as_its_words():
    assert [("NewYorkCity"[i:j]) for i, j in hashtag_words("NewYorkCity")] == ["New", "York", "City"]
    text = "Marathon day! #NewYorkCity and #Texas"
    found = find_mentions(text, split_sentences(text), _gazetteer())
    assert [(m.text, m.name) for m in found] == [("NewYorkCity", "New York City"), ("Texas", "")]
    assert _found("Heavy snow in #Texas today") == ["Texas"]


def test_a_lower_case_hashtag_is_parted_where_the_gazetteer_has_a_name():
    text = "Help for #puertorico now"
    found = find_mentions(text, split_sentences(text), _gazetteer())
    assert [(m.text, m.name) for m in found] == [("puertorico", "Puerto Rico")]
    assert _found("Prayers for #texas") == ["texas"]
    assert _found("We love C# and &#39; entities") == []


def test_lower_case_text_and_hashtags_map_end_to_end(gazetteer):
    doc = map_text("floods in bangladesh and nepal", gazetteer=gazetteer)
    assert [(r.mention.text, r.place.country_code) for r in doc.resolutions] == [("bangladesh", "BD"), ("nepal", "NP")]
    doc = map_text("#PuertoRico needs help", gazetteer=gazetteer)
    assert [(r.mention.text, r.place.name) for r in doc.resolutions] == [("PuertoRico", "Puerto Rico")]
