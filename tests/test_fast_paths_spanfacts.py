"""The per-span features' fast paths give exactly the answers of the plain code they replace
(see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import difflib
import random

from geo import mentions, span_features, tokens
from geo.names import SPELLING_RATIO, _matched, name_key, spelling_of


def _plain_spelling_of(name: str, main: str) -> bool:
    # The reference: difflib's matcher, its two cheap upper bounds first.
    matcher = difflib.SequenceMatcher(None, name_key(name), name_key(main), autojunk=False)
    return matcher.real_quick_ratio() >= SPELLING_RATIO and matcher.quick_ratio() >= SPELLING_RATIO \
        and matcher.ratio() >= SPELLING_RATIO


def test_the_matched_characters_are_difflibs():
    rng = random.Random(5)
    # Few letters, so that blocks tie and repeat: difflib's choice among them decides the sum.
    for alphabet, longest in (("ab", 12), ("abc", 16), ("ab ", 20), ("abcdefgh", 25), ("aab", 30)):
        for _ in range(4000):
            a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(longest)))
            b = "".join(rng.choice(alphabet) for _ in range(rng.randrange(longest)))
            blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
            assert _matched(a, b) == sum(block.size for block in blocks), (a, b)


def test_a_spelling_is_difflibs():
    rng = random.Random(7)
    alphabet = "aeiknrsv -'Éé"
    pairs = [("Kiev", "Kyiv"), ("Victoria", "Hong Kong"), ("Kelbajar", "Kalbajar"), ("", ""), ("", "A"),
             ("Montreal East", "Montréal-Est"), ("MORE", "Morez"), ("Barnabas", "Varnávas")]
    pairs += [("".join(rng.choice(alphabet) for _ in range(rng.randrange(10))),
               "".join(rng.choice(alphabet) for _ in range(rng.randrange(10)))) for _ in range(20000)]
    for name, main in pairs:
        assert spelling_of(name, main) is _plain_spelling_of(name, main), (name, main)


def _strings(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_the_word_before_a_later_word_of_a_run_is_the_scans():
    # _span_features reads the word before a run's later word off the run's previous token
    # where it can: the answer _word_before's scan of the text gives.
    rng = random.Random(11)
    texts = _strings("AaBb1 -.,'\t\nofde", 4000, 24, seed=12) + [
        "Port Land", "Gulf of Mexico", "U.S. Land", "St. Louis Land", "B52 Land", "x-Ab Cd", "Ab  Cd", "Ab\tCd"]
    for text in texts:
        for match in tokens._RUN.finditer(text):
            words = tokens.tokenize(text, *match.span())
            for i in range(1, len(words)):
                start = words[i].start
                floor = rng.randint(0, start)  # (the sentence may start within the run)
                run = tokens._Run(words, tuple(map(tokens._word_key, (w.text for w in words))), 0, floor, len(text),
                                  False, "<s>")
                lower = words[i].text.lower()
                facts = span_features._SurfaceFacts(lower, True, ("bias", "words=1", "zipf=3"), False, True, lower, False)
                features = span_features._span_features(run, i, i + 1, start, facts, mentions._Context(
                    text, frozenset(), frozenset()), False)
                prev = tokens._word_before(text, start, floor)
                assert "prev=" + prev in features, (text, i, floor)
                initial = words[i - 1].start < floor and tokens._is_sentence_initial(text, start, floor)
                assert ("initial" in features) == initial, (text, i, floor)
