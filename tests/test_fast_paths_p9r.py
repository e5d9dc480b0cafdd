"""Resolution's memos of the sixth speed round give exactly the answers worked out afresh
(see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import random

from geo.coherence import _at_most_one, _share_of
from geo.evidence import _round4
from geo.neighbours import _with_neighbours, _with_states_named
from geo.records import Candidate, Place

def test_a_memoised_share_is_the_share_rounded():
    rng = random.Random(13)
    for _ in range(2000):
        bonus, share = rng.choice([0.5, 0.35, 0.2317]), rng.choice([0.5, 1.0, 1.5, rng.uniform(0, 2)])
        assert _share_of(bonus, share) == _round4(bonus * _at_most_one(share))


def test_named_states_with_the_bests_neighbours_found_are_those_found_afresh():
    rng = random.Random(14)
    kinds = ("city", "adm1", "adm2", "country")
    gained = 0
    for _ in range(500):
        names, local = [], []
        for n in range(rng.randint(1, 6)):
            cands = tuple(
                Candidate(Place(f"p{n}.{k}", rng.choice(["Texas", "Georgia"]), rng.choice(kinds), rng.uniform(30, 31),
                                rng.uniform(30, 31), rng.choice(["US", "GE"]), rng.choice(["Texas", "Georgia", ""]),
                                rng.choice([0, 900, 10**7])),
                          round(rng.uniform(0, 2), 2))
                for k in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 2)):  # (a name's mentions share its tuple)
                names.append((rng.choice(["texas", "georgia", "paris"]) + str(n), "place"))
                local.append(cands)
        bests: dict = {}
        near = _with_neighbours(names, local, bests)
        assert near == _with_neighbours(names, local)
        named = _with_states_named(names, near, {}, bests)
        assert named == _with_states_named(names, near)
        gained += named != near
    assert gained > 100  # (the named states' evidence was there to find)
