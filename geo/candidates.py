"""Stage 3: the places each mention could refer to, scored by the gazetteer's prior.

The prior says how likely a name means a place before reading the rest of the
text: areas that govern themselves first (a country, then a first-level
subdivision), big cities before small ones, a place's own name before one of
its alternate names. Each candidate keeps the features that make its score, so
the map can say why a place won.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Protocol

from geo.records import CURATED_KINDS, Candidate, Mention, NameMatch, Place

__all__ = ["candidates_for", "prior_features", "KIND_PRIOR", "MAX_CANDIDATES"]

#: The prior of a place by kind, before its size: a country or continent named outright
#: is nearly always meant; a town must be big to compete with a state of the same name;
#: a sea, river or region of the curated supplement outranks a province that shares its
#: name by more than the province's size can add ("the Red Sea", not Sudan's Red Sea state;
#: "the Sahel", not Burkina Faso's Sahel region), so only the text can bring the province in.
KIND_PRIOR = {
    "country": 1.6,
    "continent": 1.5,
    "adm1": 1.0,
    "region": 1.2,
    "physical": 1.2,
    "macroregion": 0.9,
    "airport": 0.9,
    "adm2": 0.2,
    "city": 0.2,
}
#: How much size adds, by kind, for a population of 10 million or more (log scale).
POPULATION_WEIGHT = {"city": 0.8, "adm2": 0.6, "adm1": 0.2}
#: Matching by an alternate name is weaker evidence than the main name ("Atlantic" is
#: an alternate name of Atlantic County). Not for areas and features, whose alternate
#: names are the curated ones people use ("Atlantic" for the Atlantic Ocean).
MATCH_PENALTY = {"name": 0.0, "abbreviation": 0.0, "demonym": 0.0, "alternate": -0.3}
#: A national capital of 100,000 people or more is what news usually means by a name it
#: shares with a state ("Washington"); small capitals of dependencies get only a little. Among
#: towns alone the capital gets nothing: London, Ontario stays possible in a Canadian story.
CAPITAL_BONUS = (0.4, 0.1)
MAX_CANDIDATES = 15
_MEMO_LIMIT = 100_000  # names whose ranking a gazetteer's derived memo keeps
_KIND_FEATURES = {kind: ("kind " + kind, prior) for kind, prior in KIND_PRIOR.items()}  # ("kind city", 0.2)


class CandidateSource(Protocol):
    def matches(self, name: str) -> tuple[NameMatch, ...]: ...

    def is_capital(self, place_id: str) -> bool: ...


def prior_features(place: Place, match: str, capital: bool = False) -> tuple[tuple[str, float], ...]:
    """The prior of ``place`` matched by a name of kind ``match``, as named features.

    >>> big = Place("1", "Paris", "city", 48.85, 2.35, "FR", "Île-de-France", 2_138_551)
    >>> small = Place("2", "Paris", "city", 33.66, -95.56, "US", "Texas", 24_171)
    >>> sum(v for _, v in prior_features(big, "name")) > sum(v for _, v in prior_features(small, "name"))
    True
    """
    kind = place.kind
    # rank() asks this of every match: the kind's feature is made once, and the common case
    # (a name match, no capital) is one small tuple.
    features: tuple[tuple[str, float], ...] = (_KIND_FEATURES.get(kind) or ("kind " + kind, 0.2),)
    weight = POPULATION_WEIGHT.get(kind, 0.0)
    if weight and place.population > 0:
        # log scale: a town of 1,000 adds 0.34 of 0.8, a city of a million 0.69
        features += (("population", round(weight * min(1.0, math.log10(place.population) / 7), 4)),)
    if capital:
        features += (("national capital", CAPITAL_BONUS[0] if place.population >= 100_000 else CAPITAL_BONUS[1]),)
    if MATCH_PENALTY.get(match) and kind not in CURATED_KINDS:
        features += ((match + " name", MATCH_PENALTY[match]),)
    return features


def candidates_for(mention: Mention, gazetteer: CandidateSource) -> tuple[Candidate, ...]:
    """Candidates for ``mention``, best prior first; demonyms match only demonym names.

    A gazetteer with a ``derived_memo`` (geo.gazetteer.Gazetteer) keeps each name's
    ranking, so a name met again in a later document costs a dict lookup.
    """
    demonym = mention.kind == "demonym"
    name = mention.name or mention.text
    derived_memo = getattr(gazetteer, "derived_memo", None)
    memo = derived_memo("candidates") if derived_memo is not None else None
    if memo is not None:
        hit = memo.get((name, demonym))
        if hit is not None:
            return hit
    is_capital = getattr(gazetteer, "is_capital", None)
    ranked = rank(gazetteer.matches(name), demonym=demonym, is_capital=is_capital)
    if memo is not None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[(name, demonym)] = ranked
    return ranked


def rank(
    matches: Iterable[NameMatch], *, demonym: bool = False, is_capital: Callable[[str], bool] | None = None
) -> tuple[Candidate, ...]:
    # The gazetteer ranks by kind and size already: past its first few dozen, no place can
    # climb into the top MAX_CANDIDATES on its prior.
    matches = [m for m in matches if (m.match == "demonym") == demonym][: 2 * MAX_CANDIDATES]
    shares_a_state = any(m.place.kind == "adm1" for m in matches)
    # (score, features, place) per place id, its best match kept; records only for the winners.
    best: dict[str, tuple[float, tuple[tuple[str, float], ...], Place]] = {}
    for m in matches:
        place = m.place
        capital = (shares_a_state and place.kind == "city" and is_capital is not None
                   and is_capital(place.id))
        features = prior_features(place, m.match, capital)
        score = 0.0
        for _, value in features:  # sum()'s order and rounding, without a generator per place
            score += value
        score = round(score, 4)
        seen = best.get(place.id)
        if seen is None or score > seen[0]:
            best[place.id] = (score, features, place)
    ranked = sorted(best.values(), key=lambda c: (-c[0], -c[2].population, c[2].id))
    return tuple(Candidate(place, score, features) for score, features, place in ranked[:MAX_CANDIDATES])

