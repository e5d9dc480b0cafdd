"""Fast paths of recognition (geo.tokens, geo.mentions, geo.sentences) agree with the plain ones."""

from __future__ import annotations

import dataclasses
import random

import pytest

from geo import mentions
from geo import tokens as runs
from geo.records import Mention


def test_mentions_made_without_init_are_the_records_the_constructor_makes():
    made = mentions._new_mention(1, 5, "Baku", 0, "toponym")
    assert type(made) is Mention and made == Mention(1, 5, "Baku", 0) and hash(made) == hash(Mention(1, 5, "Baku", 0))
    assert repr(made) == repr(Mention(1, 5, "Baku", 0))
    assert mentions._new_mention(0, 3, "Bar", 2, "demonym", "bar") == Mention(0, 3, "Bar", 2, "demonym", "bar")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 2


def test_plain_words_with_a_possessive_are_pieced_as_the_word_pattern_reads_them():
    # A run of plain words whose last carries a possessive ("San Francisco's", "Tamil Tigers'")
    # is one piece: the one _split_run and _piece make of its tokens.
    rng = random.Random(21)
    words = ["San", "Francisco", "Mr", "La", "Des", "of", "the", "NewYork", "USA", "Élan", "Sé", "A", "It", "St"]
    texts = [rng.choice([" ", "-"]).join(rng.choice(words) for _ in range(rng.randint(1, 5)))
             + rng.choice(["'s", "’s", "'", "’"]) for _ in range(4000)]
    found = 0
    for text in texts:
        for match in runs._RUN.finditer(text):
            start, end = match.span()
            # (offsets from the run's start, as _run_pieces counts them)
            expected = tuple(
                runs._piece([runs.Token(t.start - start, t.end - start, t.text, t.possessive) for t in tokens])
                for tokens in runs._split_run(text, start, end, (0,)))
            got = runs._run_pieces(match.group())
            assert ((got,) if type(got) is runs._Piece else got) == expected, text
            found += match.group()[-1] in "s'’" and len(expected) == 1 and len(expected[0].tokens) > 1
    assert found > 1000
