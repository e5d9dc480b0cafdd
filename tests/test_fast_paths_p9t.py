"""The sentence splitter's space skipping and the run walk's sentence count, held to the plain scans."""

from __future__ import annotations

import random
from bisect import bisect_right

from geo import sentences, tokens
from tests.test_fast_paths import stripped_spans

_GAPS = [" ", "  ", "\n", "\n\n", "\n            ", " \n\t", "\u2028", "\x85 ", "\u3000", "\r\n", "\n \n  "]
_WORDS = ["Baku", "said", "Jan.", "U.S.", "it", "26", "Tovuz", "Gov.", "J.", "end.", "Why?", "No!", "(Ganja", "“Quote.”", "a,"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 14))) + rng.choice(["", " ", "\n"])
            for _ in range(count)]


def _plain_split(text: str) -> list[tuple[int, int]]:
    """_split_at_cuts' sentences, each stripped by a scan per character (the cuts found as it finds them)."""
    cuts = {0, len(text)}
    if "\n" in text:
        for block in sentences._BLANK_LINE.finditer(text):
            cuts.update(block.span())
        newline = -1
        for line in text.split("\n")[:-1]:
            newline += len(line) + 1
            if line.rstrip() and not line.rstrip()[-1].islower() and line.rstrip()[-1] not in ",;:-(":
                cuts.add(newline)
    for boundary in sentences._PERIOD_BOUNDARY.finditer(text):
        start, end = boundary.span()
        if start and text[start - 1] in "!?":
            continue
        mark = text[start:end]
        if "!" in mark or "?" in mark or not sentences._is_abbreviation(text, start + mark.rfind(".")):
            cuts.add(end)
    for boundary in sentences._MARK_BOUNDARY.finditer(text):
        if not (boundary.start() and text[boundary.start() - 1] == "."):
            cuts.add(boundary.end())
    return stripped_spans(text, cuts)


def test_sentences_are_the_plain_split():
    for text in _texts(3000, seed=9):
        got = [(s.start, s.end) for s in sentences._split_at_cuts(text)]
        assert got == _plain_split(text), repr(text)
        assert [s.index for s in sentences._split_at_cuts(text)] == list(range(len(got)))


def test_pieces_count_the_sentences_before_them():
    # _pieces' n: how many sentences start at or before the piece's run (bisect_right).
    rng = random.Random(5)
    for text in _texts(1500, seed=10):
        starts = tuple(sorted({0, *(rng.randint(0, len(text)) for _ in range(rng.randint(0, 4)))}))
        for piece, base, n in tokens._pieces(text, starts):
            if base:  # (a run no sentence starts inside: counted where the run starts)
                run_start = base
            else:
                run_start = piece.tokens[0][0]  # (the first word's start)
            assert n == bisect_right(starts, run_start), (text, starts, piece)
