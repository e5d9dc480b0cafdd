"""The sentence splitter's cuts with where the text after them starts, held to the plain scan."""

from __future__ import annotations

import random

from geo import sentences

_GAPS = [" ", "  ", "\n", "\n\n", "\n   ", " \n\t", "\u2028", "\x85 ", "\u3000", "\r\n", "\n \n  ", "\t", "\n\r\n"]
_WORDS = ["Baku", "said", "Jan.", "U.S.", "it", "26", "Tovuz", "Gov.", "J.", "end.", "Why?", "No!", "(Ganja",
          "“Quote.”", "a,", 'x."', "Y!.", ".", "?", "!", '"A', "lower:", "B-", "("]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(["", *_GAPS]) + "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 12)))
            + rng.choice(["", " ", "\n", "."]) for _ in range(count)]


def test_where_the_text_after_a_cut_starts_is_its_first_character_that_is_no_space():
    # _split_at_cuts starts a sentence where _cuts says the text after its cut starts, when
    # it says: that must be the first character at or after the cut that is no space (the
    # sentences themselves are held to the plain split by tests/test_fast_paths_p9t.py).
    said = 0
    for text in _texts(20000, seed=13):
        for cut, after in sentences._cuts(text).items():
            if after is not None:
                i = cut
                while i < len(text) and text[i].isspace():
                    i += 1
                assert after == i, (text, cut)
                said += 1
    assert said > 20000
