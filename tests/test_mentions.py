from geo.mentions import find_mentions, tokenize
from geo.sentences import split_sentences
from tests.fakes import FakeGazetteer


def mentions(text):
    found = find_mentions(text, split_sentences(text), FakeGazetteer())
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.kind) for m in found]


def test_offsets_are_valid_and_possessives_are_left_out():
    text = "Azerbaijan's Tovuz district lies north of Fuzuli."
    assert mentions(text) == [("Azerbaijan", "toponym"), ("Tovuz", "toponym"), ("Fuzuli", "toponym")]


def test_longest_name_wins_and_hyphens_and_connectors_join_words():
    assert mentions("Storms crossed the Gulf of Mexico toward Texas.") == [
        ("Gulf of Mexico", "toponym"), ("Texas", "toponym")]
    assert mentions("the Nagorno-Karabakh conflict") == [("Nagorno-Karabakh", "toponym")]


def test_a_hyphenated_pair_of_places_gives_two_mentions():
    assert mentions("the second Armenia-Azerbaijan war") == [("Armenia", "toponym"), ("Azerbaijan", "toponym")]


def test_demonyms_are_marked():
    assert mentions("The Azerbaijani president met Armenian officials.") == [
        ("Azerbaijani", "demonym"), ("Armenian", "demonym")]


def test_titles_months_and_lowercase_words_are_not_places():
    assert mentions("Colonel Trend said in July that paris is lovely.") == []


def test_sentence_indices_follow_the_sentences():
    text = "We left Fuzuli. Then we reached Tovuz."
    found = find_mentions(text, split_sentences(text), FakeGazetteer())
    assert [(m.text, m.sentence_index) for m in found] == [("Fuzuli", 0), ("Tovuz", 1)]


def test_names_do_not_join_across_sentences_or_lines():
    text = "They met in Paris.\nTexas was next."
    assert mentions(text) == [("Paris", "toponym"), ("Texas", "toponym")]


def test_tokenize_keeps_dotted_abbreviations_whole():
    assert [t.text for t in tokenize("W.Va. and the U.S. border")] == ["W.Va.", "and", "the", "U.S.", "border"]


def test_a_continent_by_its_own_name_is_kept_whatever_the_model_says():
    from geo.records import Place
    from tests.fakes import AZ

    europe = Place("6255148", "Europe", "continent", 48.69, 9.14, "", "", 0)
    gz = FakeGazetteer([("Europe", europe, "name"), ("Azerbaijan", AZ, "name")])

    class RejectAll:
        def accepts(self, features):
            return False

    text = "Prices rose across Europe and Azerbaijan."
    found = find_mentions(text, split_sentences(text), gz, RejectAll())
    assert [m.text for m in found] == ["Europe"]
