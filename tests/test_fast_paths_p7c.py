"""Fast paths of the front of recognition (geo.tokens._pieces, geo.mentions._named_spans) agree
with the plain readings they replace."""

from __future__ import annotations

import random
from bisect import bisect_right
from types import SimpleNamespace

from geo import mentions
from geo import tokens as runs
from geo.sentences import split_sentences
from tests.fakes import FakeGazetteer


def test_named_spans_build_each_run_as_run_does():
    # _pieces counts the sentences before each run on from the last run's count instead of
    # bisecting, and _named_spans reads the sentence's bounds off a tuple made once: each run
    # it builds is the one built from the bisected count's sentence, and its first word is
    # noted where the plain reading notes it: away from a sentence start, after a title.
    rng = random.Random(51)
    words = ["Paris", "Texas", "Tovuz", "Fuzuli", "Gov.", "Mr", "Colonel", "the", "in", "said", "of", "Gulf",
             "Mexico", "Trend", "trend", "Azerbaijani", "(", "\"", ",", ".", "1990", "Azerbaijan's", "St.", "-"]
    gazetteer = FakeGazetteer()
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        sentences = split_sentences(text)
        starts = tuple(s.start for s in sentences) or (0,)
        spans, context = mentions._named_spans(text, sentences, gazetteer)
        mid, titled = set(), set()
        for run, *_ in spans:
            n = bisect_right(starts, run.base + run.tokens[0][0])  # (the first word's start)
            floor = starts[n - 1] if n else starts[0]
            ceiling = starts[n] if n < len(starts) else len(text)
            plain = runs._run_between(text, floor, ceiling, SimpleNamespace(tokens=run.tokens, keys=run.keys), run.base)
            assert run == plain, text
            first = run.tokens[0][2].lower()  # (the first word's text)
            if not plain.initial:
                mid.add(first)
            if plain.prev in runs._TITLES:
                titled.add(first)
            found += 1
        assert mid <= context.mid_sentence_words and titled <= context.after_title_words, text
    assert found > 3000
