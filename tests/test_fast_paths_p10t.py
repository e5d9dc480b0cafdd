"""The speed round p10t's shortcuts give the answers of the plain paths they stand beside."""

from __future__ import annotations

import random

from geo import tokens


def test_word_and_initial_is_the_word_before_and_the_scan_for_a_sentence_start():
    # _run reads the word before a run and whether the run starts its sentence from one
    # scan (a word before is never initial): the answers of _word_before and the plain
    # backward scan _is_sentence_initial.
    rng = random.Random(11)
    for _ in range(4000):
        text = "".join(rng.choice("aB1 .-,\n\t²éİ\"'") for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        floor = rng.randint(0, start)
        prev, initial = tokens._word_and_initial(text, start, floor)
        assert prev == tokens._word_before(text, start, floor), (text, start, floor)
        assert initial == tokens._is_sentence_initial(text, start, floor), (text, start, floor)
        assert initial == tokens._initial_after(text, start, floor, prev), (text, start, floor)
