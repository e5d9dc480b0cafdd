"""What lets geo.mentions._named_spans pass by the words of the runs without a span (but those
after a title): no word of such a run is a span of one word anywhere in the text."""

from __future__ import annotations

import random
import sys

from geo import tokens as runs
from geo.names import name_key
from geo.sentences import split_sentences
from tests.fakes import FakeGazetteer


def test_a_words_key_follows_from_its_lower_case():
    # Two words with one lower case have one key: a word that is a span alone somewhere has a
    # key the gazetteer knows wherever it stands. (Words are letters: every alphanumeric character.)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isalnum():
            for word in (char, "Ab" + char + "c", char + "’s"):
                assert name_key(word) == name_key(word.lower()), hex(code)


def test_a_piece_with_a_known_key_has_a_span():
    rng = random.Random(111)
    words = ["port", "land", "of", "the", "new", "u s", "de", "x"]
    for _ in range(5000):
        keys = tuple(rng.choice(words) for _ in range(rng.randint(1, 8)))
        opens = tuple(i for i, k in enumerate(keys) if k in runs.CONNECTORS and rng.random() < 0.5) if len(keys) > 1 else ()
        wanted: set[str] = set()
        by_start = runs._grams(keys, wanted, opens)
        known = frozenset(g for g in wanted if rng.random() < 0.3)
        spans = runs._longest_known(keys, known, by_start)
        if any(key in known and key not in runs.CONNECTORS for key in keys):
            assert spans, (keys, opens, known)
        assert all(keys[i] not in runs.CONNECTORS for i, j, _ in spans if j == i + 1), (keys, opens, known)


def test_no_word_of_a_spanless_run_stands_alone_as_a_span():
    rng = random.Random(112)
    words = ["Paris", "PARIS", "paris", "Texas", "Gulf", "of", "Mexico", "The", "the", "Trend", "Füzuli", "FÜZULI",
             "Azerbaijan's", "Mr", "New", "Tovuz", "Land", "said", "in", ".", ",", "De", "La", "Nagorno-Karabakh"]
    gazetteer = FakeGazetteer()
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 16)))
        starts = tuple(s.start for s in split_sentences(text)) or (0,)
        lone, spanless = set(), set()
        for piece, _, _ in runs._pieces(text, starts):
            wanted: set[str] = set()
            by_start = runs._grams(piece.keys, wanted, piece.opens)
            spans = runs._longest_known(piece.keys, gazetteer.known_keys(wanted), by_start)
            lone.update(piece.lower[i] for i, j, _ in spans if j == i + 1)
            if not spans:
                spanless.update(piece.lower)
        assert lone.isdisjoint(spanless), text
