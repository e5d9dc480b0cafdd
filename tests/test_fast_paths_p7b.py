"""Resolution's fast paths of the fifth speed round give exactly the answers of the plain
code they replace (random inputs; see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import operator
import random

import pytest

from geo.evidence import _best_of
from geo.records import Candidate, Place


def _random_candidates(rng: random.Random, most: int = 6) -> tuple[Candidate, ...]:
    # Few distinct scores, so that ties (which max() breaks by taking the first) are common.
    return tuple(
        Candidate(Place(f"p{n}", "Paris", rng.choice(["city", "adm1", "country"]), 0.0, 0.0, "US", "", n), rng.choice([0.2, 0.5, 0.5, 1.1, -0.3]))
        for n in range(rng.randint(1, most)))


def test_best_of_in_a_loop_is_the_candidate_max_by_score_picks():
    rng = random.Random(11)
    for _ in range(3000):
        cands = _random_candidates(rng)
        assert _best_of(cands) is max(cands, key=operator.attrgetter("score"))


def test_best_of_no_candidates_is_an_error_as_with_max():
    with pytest.raises(ValueError):
        _best_of(())


def test_candidates_whose_scores_fall_strictly_are_in_rank_order_already():
    from geo.records import candidate_rank
    from geo.resolve import _falling

    rng = random.Random(12)
    fell = 0
    for _ in range(3000):
        cands = list(_random_candidates(rng, 4))
        if _falling(cands):
            fell += 1
            assert sorted(cands, key=candidate_rank) == cands
        else:  # (a pair that does not fall: equal scores, or a rise)
            assert any(not b.score < a.score for a, b in zip(cands, cands[1:]))
    assert fell > 100
