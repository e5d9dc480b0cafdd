"""The per-span features' fast paths give exactly the answers of the plain code they replace
(see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import difflib
import random

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
