"""Word frequencies for the recognizer's features: from the gazetteer's table when it has
one (and then only from it), else from wordfreq."""

from __future__ import annotations

from wordfreq import zipf_frequency

from tests.fakes import FakeGazetteer
from geo.mentions import propose_spans
from geo.sentences import split_sentences

TEXT = "Officials in Tovuz met the Trend council. The Gulf of Mexico was calm."


class WordTableGazetteer(FakeGazetteer):
    """The fake with a word table and a derived memo, as geo.gazetteer.Gazetteer has."""

    def __init__(self, table):
        super().__init__()
        self.table, self.asked, self.memos = table, [], {}

    def word_frequency(self, word: str) -> float:
        self.asked.append(word)
        return self.table.get(word, 0.0)

    def derived_memo(self, purpose):
        return self.memos.setdefault(purpose, {})


def _zipf_features(gazetteer):
    return {TEXT[s.start : s.end]: sorted(f for f, _ in s.features if "zipf=" in f)
            for s in propose_spans(TEXT, split_sentences(TEXT), gazetteer)}


def test_spans_take_word_frequencies_from_the_gazetteer():
    g = WordTableGazetteer({"trend": 1.2, "gulf": 7.9, "of": 7.5, "mexico": 2.4})
    assert _zipf_features(g) == {"Tovuz": ["zipf=0"], "Trend": ["zipf=1"], "Gulf of Mexico": ["multi zipf=2"]}
    assert set(g.asked) == {"tovuz", "trend", "gulf", "of", "mexico"}  # the words of known keys only
    assert g.memos["zipf labels"] == {"tovuz": "zipf=0", "trend": "zipf=1"}  # kept per gazetteer instance
    g.table["trend"] = 3.0  # a label is remembered by the instance ...
    assert _zipf_features(g)["Trend"] == ["zipf=1"]
    assert _zipf_features(WordTableGazetteer({"trend": 3.0}))["Trend"] == ["zipf=3"]  # ... not across instances


def test_a_gazetteer_without_a_table_gets_wordfreqs_numbers():
    features = _zipf_features(FakeGazetteer())
    assert features["Trend"] == ["zipf=%d" % int(zipf_frequency("trend", "en"))]
    low = min(zipf_frequency(w, "en") for w in ("gulf", "of", "mexico"))
    assert features["Gulf of Mexico"] == ["multi zipf=%d" % int(low)]
