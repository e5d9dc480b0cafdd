"""What a sentence says outright of a name (geo.place_cues), and how recognition uses it."""

from geo.mentions import find_mentions
from geo.place_cues import defined_as_place, famous_alone, qualified_by_its_state
from geo.records import Place
from geo.sentences import split_sentences
from tests.fakes import TEXAS, FakeGazetteer

_TYLER = Place("4738214", "Tyler", "city", 32.35, -95.3, "US", "Texas", 104_798)
_TYLER_MN = Place("5052467", "Tyler", "city", 44.28, -96.13, "US", "Minnesota", 1_143)
_INDIANA = Place("4921868", "Indiana", "adm1", 40.0, -86.25, "US", "Indiana", 6_483_802)
_BIG = Place("4990729", "Detroit", "city", 42.33, -83.05, "US", "Michigan", 677_116)
_MOBILE = Place("4076598", "Mobile", "city", 30.69, -88.04, "US", "Alabama", 195_111)


def _gazetteer():
    return FakeGazetteer([("Tyler", _TYLER, "name"), ("Tyler", _TYLER_MN, "name"), ("Texas", TEXAS, "name"),
                          ("Tex.", TEXAS, "abbreviation"), ("Indiana", _INDIANA, "name"), ("Detroit", _BIG, "name"),
                          ("Mobile", _MOBILE, "name")])


class _Unsure:
    """A recognizer that accepts nothing: what is found is found by the sentence's own say."""

    def accepts(self, features):
        return False


def _found(text):
    return [m.text for m in find_mentions(text, split_sentences(text), _gazetteer(), _Unsure())]


def test_a_name_followed_by_a_state_that_holds_a_place_of_that_name_is_that_place():
    gz = _gazetteer()
    t = "Tyler, Texas, is known for roses."
    assert qualified_by_its_state("Tyler", t, 5, len(t), gz)
    t = "Tyler, Tex. is known for roses."
    assert qualified_by_its_state("Tyler", t, 5, len(t), gz)
    t = "Tyler, Indiana, is known for roses."  # no Tyler in Indiana
    assert not qualified_by_its_state("Tyler", t, 5, len(t), gz)
    t = "Tyler, Texas's senator, spoke."  # a possessive, not a qualifier
    assert not qualified_by_its_state("Tyler", t, 5, len(t), gz)
    assert _found("Tyler, Texas, is known for roses.") == ["Tyler", "Texas"]  # Texas: famous (below)


def test_a_name_the_sentence_defines_as_a_kind_of_place_is_a_place():
    for text, end in [("Marshall is a city in Harrison County.", 8), ("Tyler, a small town near Dallas", 5),
                      ("Tyler was the county seat.", 5), ("Tyler is an old port, they say", 5)]:
        assert defined_as_place(text, end, len(text)), text
    for text, end in [("Tyler is a city boy.", 5), ("Tyler, the city's planner, spoke.", 5),
                      ("Tyler, a lobbyist for the city, spoke.", 5), ("Tyler is a good coach.", 5)]:
        assert not defined_as_place(text, end, len(text)), text
    assert _found("Tyler is a city in the east.") == ["Tyler"]


def test_a_famous_place_standing_alone_is_a_place_unless_its_neighbours_say_person():
    gz = _gazetteer()
    zipf = {"detroit": 4.35, "mobile": 4.85}.get
    assert famous_alone("Detroit", gz.matches("Detroit"), ["prev=<s>", "initial"], zipf)
    assert not famous_alone("Mobile", gz.matches("Mobile"), ["prev=<s>"], zipf)  # too small for its word
    assert not famous_alone("Detroit", gz.matches("Detroit"), ["run after"], zipf)  # "Detroit Pistons"
    assert not famous_alone("DETROIT", gz.matches("DETROIT"), [], zipf)  # capitals are the model's to read
    assert _found("Detroit has a new mayor.") == ["Detroit"]
    assert _found("Detroit Pistons won again.") == []
    assert _found("Mobile has a new mayor.") == []


def test_a_person_is_not_made_a_place_by_what_follows_the_name():
    assert _found("Nick Tyler is a self-proclaimed city boy.") == []
    assert _found("Nick Tyler, Texas, spoke.") == ["Texas"]  # a run of names says person first
