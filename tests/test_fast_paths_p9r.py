"""Resolution's memos of the sixth speed round give exactly the answers worked out afresh
(see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import random

from geo import resolve as resolve_module
from geo.candidates import candidates_for
from geo.coherence import _at_most_one, _share_of
from geo.evidence import _round4
from geo.mentions import find_mentions
from geo.neighbours import _with_neighbours, _with_states_named
from geo.records import Candidate, Place
from geo.sentences import split_sentences
from tests.fakes import _NAMES, FakeGazetteer

_TEXTS = (
    "We drove to Paris, Texas, then Azerbaijan's Tovuz district.",
    "Shelling hit Tovuz. Azerbaijan said Tovuz was calm.",
    "We flew to Paris. The Azerbaijani army advanced near Tovuz.",
    "Fuzuli district was shelled. Fuzuli itself was calm, Azerbaijan said.",
    "Fuzuli was calm.",
)
# A town and the district named after it: the "X district" rule's towns, and evidence without a qualifier.
_FUZULI_DISTRICT = Place("147622", "Fuzuli", "adm2", 39.53, 47.2, "AZ", "Fuzuli", 30_000)


def _found(text: str, gz: FakeGazetteer):
    mentions = find_mentions(text, split_sentences(text), gz)
    return text, mentions, tuple(candidates_for(m, gz) for m in mentions)


def test_rankings_kept_from_text_to_text_resolve_as_found_afresh():
    gz = FakeGazetteer([*_NAMES, ("Fuzuli", _FUZULI_DISTRICT, "name")])
    found = [_found(text, gz) for text in _TEXTS]
    resolve_module._RANKINGS.clear()
    fresh = [resolve_module.resolve(*args) for args in found]
    assert len(resolve_module._RANKINGS) >= len(_TEXTS)
    # (the same tuples again: their towns and evidence without a qualifier come from the memo)
    assert [resolve_module.resolve(*args) for args in found] == fresh
    # candidates given as lists are made tuples for the memo, never kept as lists
    as_lists = [(text, mentions, tuple(list(cands) for cands in candidates)) for text, mentions, candidates in found]
    assert [resolve_module.resolve(*args) for args in as_lists] == fresh
    assert all(isinstance(ranking.cands, tuple) for ranking in resolve_module._RANKINGS.values())
    assert any(ranking.towns and ranking.unqualified for ranking in resolve_module._RANKINGS.values())


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
