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


def test_round4_near_halves_and_near_zero_is_the_float_round_gives():
    # round4 takes the quick way only where the part rounded away squares under 0.2499 (far
    # from a half), and a value that rounds to zero keeps its sign (x * 0.0), as round's does.
    import math
    import struct

    from geo.rounding import round4

    rng = random.Random(8)
    values = [0.0, -0.0, 5e-324, -5e-324, 4.9999e-5, -4.9999e-5, 5e-5, -5e-5, 1e300, float("inf"), float("-inf")]
    for _ in range(50_000):
        half = (rng.randint(-10**9, 10**9) + 0.5) / 10_000
        values += [half, math.nextafter(half, math.inf), math.nextafter(half, -math.inf),
                   rng.uniform(-1e-4, 1e-4), rng.uniform(-10, 10) * 10 ** rng.randint(-8, 6)]
    for x in values:
        assert struct.pack("<d", round4(x)) == struct.pack("<d", round(x, 4)), x
