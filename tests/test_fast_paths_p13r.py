"""The facts the eighth speed round's shortcuts in resolution rely on (see benchmarks/throughput.py
for the speed)."""

from __future__ import annotations

import random

from geo.coherence import _ANY_COUNTRY, _coherence_facts, _Context
from geo.records import Place


def _places(rng: random.Random) -> list[Place]:
    return [Place(str(i), rng.choice([f"P{i}", "Georgia", "Texas"]),
                  rng.choice(["city", "city", "adm2", "adm1", "country", "physical"]), 0.0, 0.0,
                  rng.choice(["US", "US", "GB", "AZ", ""]), rng.choice(["Georgia", "Texas", "Kent", ""]), 1000)
            for i in range(40)]


def test_a_country_no_name_votes_for_has_no_bonus_in_any_reading():
    # _Reading.best asks for the bonus of a country only where some name votes for it (or for
    # any country): the others have none, by paragraph or not, before and after moves.
    rng = random.Random(7)
    places = _places(rng)
    facts = {p.id: _coherence_facts(p) for p in places}
    countries = ["US", "GB", "AZ", "FR", "", _ANY_COUNTRY]
    unvoted = 0
    for _ in range(300):
        chosen = {(f"n{k}", "place"): rng.choice(places) for k in range(rng.randint(1, 7))}
        blocks = {name: rng.randint(0, 2) for name, _kind in chosen} if rng.random() < 0.5 else None
        context = _Context(dict(chosen), facts, blocks)
        for _ in range(rng.randint(1, 4)):
            for name, _kind in chosen:
                for country in countries:
                    if country not in context.countries and country != _ANY_COUNTRY:
                        unvoted += 1
                        assert context.country_bonus(country, name) is None
            mover = rng.choice(list(chosen))
            new = rng.choice(places)
            context.move(mover[0], chosen[mover], new)
            chosen[mover] = new
    assert unvoted > 1000
