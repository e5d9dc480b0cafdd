"""Resolution's fast paths give exactly the answers of the plain code they replace
(random inputs; see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import random
import re

from geo import neighbours, qualifiers
from geo.coherence import _coherence_facts
from geo.evidence import _with, _with_each
from geo.records import Candidate, Mention, Place
from geo.local_evidence import _TOWN_RULE_KINDS, _towns

_KINDS = ("city", "adm1", "adm2", "country", "region", "physical")


def _random_candidates(rng: random.Random, most: int = 5) -> tuple[Candidate, ...]:
    cands = []
    for n in range(rng.randint(0, most)):
        kind = rng.choice(_KINDS)
        place = Place(f"p{n}", rng.choice(["Georgia", "Paris", "Gaza"]), kind, rng.uniform(-60, 60),
                      rng.uniform(-170, 170), rng.choice(["", "US", "GE"]), rng.choice(["", "Texas", "Georgia"]),
                      rng.choice([0, 900, 60_000]))
        features = rng.choice([(), (("prior", 0.5),), (("prior", 0.4), ("alternate name", -0.2))])
        cands.append(Candidate(place, round(rng.uniform(0, 2), 2), features))
    return tuple(cands)


def test_towns_in_one_pass_are_those_of_the_rule_read_off_the_set_of_kinds():
    def plain(cands):
        kinds = {c.place.kind for c in cands}
        if "city" not in kinds or len(kinds) == 1 or not kinds <= _TOWN_RULE_KINDS:
            return []
        return [c.place for c in cands
                if c.place.kind == "city" and all(name != "alternate name" for name, _ in c.features)]

    rng = random.Random(5)
    for _ in range(3000):
        cands = _random_candidates(rng)
        assert _towns(cands) == plain(cands), cands


def test_with_each_keeps_the_tuple_when_no_candidate_gains():
    rng = random.Random(6)
    for _ in range(500):
        cands = _random_candidates(rng)
        extras = [rng.choice([[], [], [("near Paris", 0.3)]]) for _ in cands]
        found = _with_each(cands, extras)
        assert found == tuple(_with(c, extra) if extra else c for c, extra in zip(cands, extras))
        if not any(extras):
            assert found is cands


def test_listed_areas_read_each_name_once_as_the_pairwise_test_did():
    def may_be_listed_as(ours, theirs):  # more than one reading, beside a name first an area
        return len(ours) > 1 and bool(theirs) and theirs[0].place.kind in ("country", "adm1")

    def plain(text, mentions, candidates):
        found = {}
        for i in range(len(mentions) - 1):
            left, right = candidates[i], candidates[i + 1]
            if not (may_be_listed_as(left, right) or may_be_listed_as(right, left)):
                continue
            if not re.fullmatch(r"\s*(?:,|and|or|&)\s*", text[mentions[i].end:mentions[i + 1].start], re.IGNORECASE):
                continue
            for p, a in ((i, i + 1), (i + 1, i)):
                ours, theirs = candidates[p], candidates[a]
                if not may_be_listed_as(ours, theirs):
                    continue
                kind = theirs[0].place.kind
                floor = ours[0].score - qualifiers._CONTESTED_WITHIN
                for place in [c.place for c in ours if c.place.kind == kind and c.score >= floor]:
                    found.setdefault(p, {}).setdefault(place.id, f"listed with {mentions[a].text}")
        return found

    rng = random.Random(7)
    for _ in range(2000):
        words, mentions, candidates, text = rng.randint(0, 5), [], [], ""
        for n in range(words):
            if n:
                text += rng.choice([", ", " and ", " in ", " or "])
            name = rng.choice(["Georgia", "Paris", "Gaza", "Texas"])
            mentions.append(Mention(len(text), len(text) + len(name), name, 0))
            candidates.append(_random_candidates(rng, 3))
            text += name
        mentions, candidates = tuple(mentions), tuple(candidates)
        assert qualifiers.listed_areas(text, mentions, candidates, {}) == plain(text, mentions, candidates)


def test_only_towns_districts_and_states_have_a_state_and_it_lies_in_their_country():
    # (what lets named states pass over a place of another kind or country without a look)
    rng = random.Random(8)
    for _ in range(1000):
        for cand in _random_candidates(rng):
            state = _coherence_facts(cand.place)[1]
            if cand.place.kind not in neighbours._IN_A_STATE:
                assert state is None
            elif state is not None:
                assert state[0] == cand.place.country_code


def test_local_features_with_their_shortcuts_are_the_plain_rules():
    from geo.local_evidence import (QUALIFIER_BONUS, TOWN_OVER_DISTRICT_BONUS, _holds_most_of, _local_features,
                                    _named_after, _NOT_WITHIN, _outgrown)
    from geo.evidence import _round4
    from geo.qualifiers import contains

    def plain(admin_word, cands, areas, towns):
        named, standing = set(), {}
        if towns and not admin_word:
            for district in cands:
                if district.place.kind not in ("adm1", "adm2"):
                    continue
                for town in towns:
                    if _named_after(district.place, town):
                        named.add(id(district.place))
                        if _holds_most_of(town, district.place) and district.score > standing.get(id(town), 0.0) \
                                and not _outgrown(district.place, town, cands):
                            standing[id(town)] = district.score
        result = []
        for cand in cands:
            place, extra = cand.place, []
            if areas:
                qualifier = next((a for a in areas if contains(a, place)), None)
                if qualifier is not None:
                    extra.append(("qualified by " + qualifier.name, QUALIFIER_BONUS))
                elif place.kind not in _NOT_WITHIN:
                    extra.append(("not in " + areas[0].name, -QUALIFIER_BONUS))
            if admin_word and towns and place.kind in ("adm1", "adm2"):
                extra.append(("followed by " + admin_word, TOWN_OVER_DISTRICT_BONUS))
            elif id(place) in named:
                extra.append(("a district named after its town", -TOWN_OVER_DISTRICT_BONUS))
            elif id(place) in standing and standing[id(place)] > cand.score:
                extra.append(("stands for its district", _round4(standing[id(place)] - cand.score)))
            result.append(extra)
        return result

    rng = random.Random(9)
    for _ in range(3000):
        cands = []
        for n in range(rng.randint(1, 6)):
            place = Place(f"p{n}", "Gaza", rng.choice(("city", "adm1", "adm2", "country")), rng.uniform(30, 32.5),
                          rng.uniform(30, 32.5), rng.choice(["PS", "MZ"]), rng.choice(["Gaza", "North"]),
                          rng.choice([0, 40_000, 90_000, 600_000]))
            cands.append(Candidate(place, round(rng.uniform(0, 2), 2)))
        cands = tuple(cands)
        towns = _towns(cands)
        areas = rng.choice([[], [], [c.place for c in cands if c.place.kind in ("country", "adm1")][:1]])
        admin_word = rng.choice(["", "", "district"])
        assert _local_features(admin_word, cands, areas, towns) == plain(admin_word, cands, areas, towns)
