"""Stage 3: the places each mention could refer to, scored by the gazetteer's prior.

The prior says how likely a name means a place before reading the rest of the
text: areas that govern themselves first (a country, then a first-level
subdivision), big cities before small ones, a place's own name before one of
its alternate names, and the well known before its namesakes. How well known a
place is shows in what the sources record of it: its size, whether it is a
national capital, and how many names the world has given it (Lourdes in France
has eight, the Lourdes of the Philippines none; Luhansk twenty). A city of
millions called by its own name outranks the state or province named like it
("São Paulo"), unless the text says otherwise. Each candidate keeps the features
that make its score, so the map can say why a place won.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Callable, Iterable
from typing import Protocol

from geo.names import SPELLING_RATIO, spelling_of
from geo.records import CURATED_KINDS, PLACE_KINDS, Candidate, Mention, NameMatch, Place, draft_class
from geo.rounding import round4 as _round4

__all__ = [
    "candidates_for", "candidates_for_each", "prior_features", "KIND_PRIOR", "MAX_CANDIDATES", "PROMINENCE_WEIGHT", "PROMINENCE_NAMES",
    "METROPOLIS_BONUS", "METROPOLIS_FROM", "SPELLING_RATIO", "SMALL_STATE", "SMALL_STATE_PENALTY",
    "SEAT_SHARE", "SEAT_PENALTY", "SEAT_FROM",
]

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
#: A state or province with fewer people than this loses SMALL_STATE_PENALTY of its kind's
#: prior per tenfold fewer: a parish of Jamaica called Manchester (62,000 people) does not
#: outrank Manchester, England; the smallest US states (500,000 and more) keep all of it.
SMALL_STATE = 300_000
SMALL_STATE_PENALTY = 0.25
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
#: How much being well known adds at most, from the number of names a place has besides its
#: main name (log scale, full at PROMINENCE_NAMES): Paris has 56, Paris, Texas one. For towns
#: and districts only: the sources list few names for states and provinces, and those by
#: chance (their size tells them apart better); the curated kinds have a stronger prior already.
PROMINENCE_WEIGHT = 0.2
PROMINENCE_NAMES = 50
#: A city of millions, named by its own name (or a spelling of it), is what news means by a
#: name it shares with a state or province: this much more, when the name is also a state's (log scale from METROPOLIS_FROM people, full at four times that).
METROPOLIS_BONUS = 0.3
METROPOLIS_FROM = 500_000
#: A state or province named for a city of it that holds at least this share of its people
#: (Mykolaiv, Aleppo, Idlib) yields the name to that city unless the text says otherwise: it
#: loses SEAT_PENALTY. Only against its own city: namesakes elsewhere keep their chances
#: (a Lima, Ohio story stays in Ohio). A capital among many cities ("Quebec", a province of
#: 8 million) keeps the province first.
SEAT_SHARE = 0.25
SEAT_PENALTY = -0.3
SEAT_FROM = 100_000
MAX_CANDIDATES = 15
_MEMO_LIMIT = 100_000  # names whose ranking a gazetteer's derived memo keeps
_PROMINENCE_KINDS = frozenset(("city", "adm2"))
#: An alternate name this alike to the place's main name is a spelling of it, and counts as
#: the place's own name for being a capital or a city of millions (geo.names.spelling_of).
#: Spellings are looked for among the alternate names of capitals and of cities this big
#: (where they can change a ranking: "Odessa" is Odesa before Odessa, Texas).
SPELLING_CITY = 100_000
# The prominence feature by a place's count of other names, up to PROMINENCE_NAMES (a count
# beyond it gets that one: the full weight).
_PROMINENCE = tuple(("well known", round(PROMINENCE_WEIGHT * min(1.0, math.log1p(names) / math.log1p(PROMINENCE_NAMES)), 4))
                    for names in range(PROMINENCE_NAMES + 1))
_LOG_METROPOLIS_SPAN = math.log10(4)


class CandidateSource(Protocol):
    def matches(self, name: str) -> tuple[NameMatch, ...]: ...

    def is_capital(self, place_id: str) -> bool: ...


def _small_state(population: int) -> float:
    return -round(SMALL_STATE_PENALTY * math.log10(SMALL_STATE / max(population, 1)), 4)


def _spelling_of(name: str, main: str) -> bool:
    """Is ``name`` a spelling of the main name ``main`` (see SPELLING_RATIO)?"""
    return spelling_of(name, main)


def _kind_facts(kind: str) -> tuple[tuple[str, float], float, bool, bool]:
    """What a place's kind brings to its prior: its feature (``("kind city", 0.2)``), the
    weight of its size (POPULATION_WEIGHT), whether being well known counts for it, and
    whether its alternate names are curated (CURATED_KINDS: no alternate-name doubt)."""
    return (("kind " + kind, KIND_PRIOR.get(kind, 0.2)), POPULATION_WEIGHT.get(kind, 0.0), kind in _PROMINENCE_KINDS,
            kind in CURATED_KINDS)


_KIND_FACTS = {kind: _kind_facts(kind) for kind in PLACE_KINDS}


def prior_features(
    place: Place, match: str, capital: bool = False, names: int = 0, spelling: bool = False, state_too: bool = False,
    named_for_its_city: bool = False,
) -> tuple[tuple[str, float], ...]:
    """The prior of ``place`` matched by a name of kind ``match``, as named features;
    ``names``: how many names the place has besides its main name; ``spelling``: an
    alternate name that is a spelling of the main name (see SPELLING_RATIO); ``state_too``:
    the name is also a state's or province's; ``named_for_its_city``: the place is a state or
    province, and a city of it named like it holds SEAT_SHARE or more of its people. Being a capital or a city of millions (this
    against a state only) counts for a place called by its own name or a spelling of it;
    being well known, by any of its names ("Mecca" is Makkah, not the town in California).

    >>> big = Place("1", "Paris", "city", 48.85, 2.35, "FR", "Île-de-France", 2_138_551)
    >>> small = Place("2", "Paris", "city", 33.66, -95.56, "US", "Texas", 24_171)
    >>> sum(v for _, v in prior_features(big, "name")) > sum(v for _, v in prior_features(small, "name"))
    True
    >>> lourdes = Place("3", "Lourdes", "city", 43.09, -0.05, "FR", "Occitanie", 15_786)
    >>> prior_features(lourdes, "name", names=8)
    (('kind city', 0.2), ('population', 0.4798), ('well known', 0.1118))
    """
    return _prior(place, match, capital, names, spelling, state_too, named_for_its_city)[0]


def _prior(
    place: Place, match: str, capital: bool, names: int, spelling: bool, state_too: bool, named_for_its_city: bool,
) -> tuple[tuple[tuple[str, float], ...], float]:
    """prior_features(...) and their sum, added in their order as sum() adds them (not rounded)."""
    kind, population = place.kind, place.population
    kind_feature, weight, prominent, curated = _KIND_FACTS.get(kind) or _kind_facts(kind)
    features = [kind_feature]
    score = kind_feature[1]  # (a positive float: what sum() makes of 0 + it)
    if kind == "adm1" and population < SMALL_STATE:
        # A state or province of few people is no better known than a town of its size.
        value = _small_state(population)
        features.append(("small state", value))
        score += value
    if weight and population > 0:
        # log scale: a town of 1,000 adds 0.34 of 0.8, a city of a million 0.69
        share = math.log10(population) / 7
        value = _round4(weight * share if share < 1.0 else weight)
        features.append(("population", value))
        score += value
    # (Being a city of millions or a capital counts by the place's own name or a spelling of
    # it: asked only of a city whose name a state shares, or of a capital.)
    if state_too and kind == "city" and (match != "alternate" or spelling) and population > METROPOLIS_FROM:
        ramp = min(1.0, math.log10(population / METROPOLIS_FROM) / _LOG_METROPOLIS_SPAN)
        value = round(METROPOLIS_BONUS * ramp, 4)
        features.append(("city of millions", value))
        score += value
    if named_for_its_city:
        features.append(("named for its city", SEAT_PENALTY))
        score += SEAT_PENALTY
    if capital and (match != "alternate" or spelling):
        value = CAPITAL_BONUS[0] if population >= 100_000 else CAPITAL_BONUS[1]
        features.append(("national capital", value))
        score += value
    if names > 0 and prominent:
        feature = _PROMINENCE[names if names < PROMINENCE_NAMES else PROMINENCE_NAMES]
        features.append(feature)
        score += feature[1]
    if not curated:
        penalty = MATCH_PENALTY.get(match)
        if penalty:
            # A spelling of a city's own name ("Odessa" for Odesa) is half the doubt another name is.
            value = penalty / 2 if spelling else penalty
            features.append((match + " name", value))
            score += value
    return tuple(features), score


def candidates_for(mention: Mention, gazetteer: CandidateSource) -> tuple[Candidate, ...]:
    """Candidates for ``mention``, best prior first; demonyms match only demonym names.

    A gazetteer with a ``derived_memo`` (geo.gazetteer.Gazetteer) keeps each name's
    ranking, so a name met again in a later document costs a dict lookup.
    """
    key = (mention.name or mention.text, mention.kind == "demonym")
    derived_memo = getattr(gazetteer, "derived_memo", None)
    memo = derived_memo("candidates") if derived_memo is not None else None
    if memo is not None:
        hit = memo.get(key)
        if hit is not None:
            return hit
    return _ranked(key, gazetteer, memo)


def _ranked(key: tuple[str, bool], gazetteer: CandidateSource, memo: dict | None) -> tuple[Candidate, ...]:
    """The candidates of a name met first, ``key`` its ``(name, demonym)``, ranked, and kept
    in ``memo`` (the gazetteer's memo of rankings, when it has one)."""
    name, demonym = key
    is_capital = getattr(gazetteer, "is_capital", None)
    counted_matches = getattr(gazetteer, "counted_matches", None)
    if counted_matches is not None:  # (geo.gazetteer.Gazetteer: rank's input read off its rows)
        ranked = _rank(counted_matches(name, demonym, _RANKED_MATCHES), is_capital, name)
    else:
        counts = getattr(gazetteer, "alternate_name_counts", None)
        ranked = rank(gazetteer.matches(name), demonym=demonym, is_capital=is_capital,
                      names=counts(name) if counts is not None else None, name=name)
    if memo is not None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[key] = ranked
    return ranked


def candidates_for_each(mentions: Iterable[Mention], gazetteer: CandidateSource) -> tuple[tuple[Candidate, ...], ...]:
    """``candidates_for`` of each mention, in order: the gazetteer's memo of rankings is
    found once per text, not once per mention (most mentions are names met before).

    Mentions of one name share one candidates tuple (later stages rely on that to work
    once per name).
    """
    derived_memo = getattr(gazetteer, "derived_memo", None)
    if derived_memo is None:
        return tuple([candidates_for(m, gazetteer) for m in mentions])
    memo = derived_memo("candidates")
    found = []
    for mention in mentions:
        key = (mention.name or mention.text, mention.kind == "demonym")  # (candidates_for's key)
        hit = memo.get(key)
        found.append(hit if hit is not None else _ranked(key, gazetteer, memo))
    return tuple(found)


def rank(
    matches: Iterable[NameMatch], *, demonym: bool = False, is_capital: Callable[[str], bool] | None = None,
    names: Iterable[int] | None = None, name: str = "",
) -> tuple[Candidate, ...]:
    """``matches`` (of ``name``) as candidates, best prior first; ``names``, if given, holds
    for each match how many names its place has besides its main name
    (Gazetteer.alternate_name_counts)."""
    counted = zip(matches, names if names is not None else itertools.repeat(0))
    return _rank([(m.place, m.match, n) for m, n in counted if (m.match == "demonym") == demonym][:_RANKED_MATCHES],
                 is_capital, name)


# The gazetteer ranks by kind and size already: past its first few dozen matches, no place
# can climb into the top MAX_CANDIDATES on its prior.
_RANKED_MATCHES = 2 * MAX_CANDIDATES


def _rank(kept: list[tuple[Place, str, int]], is_capital: Callable[[str], bool] | None, name: str) -> tuple[Candidate, ...]:
    """rank() of the ``(place, match, names)`` of the matches it keeps."""
    shares_a_state = False
    for place, _, _ in kept:
        if place.kind == "adm1":
            shares_a_state = True
            break
    # The states and provinces named for a city of theirs that the name also names (by country
    # and the province's name, as a city's admin1 gives it), when that city is big enough.
    named_for_a_city = set()
    if shares_a_state:
        states = {(place.country_code, place.name): place.population for place, _, _ in kept if place.kind == "adm1"}
        for place, match, _ in kept:
            if place.kind == "city" and place.population >= SEAT_FROM:
                people = states.get((place.country_code, place.admin1))
                if people is not None and place.population >= SEAT_SHARE * people and (
                        match != "alternate" or _spelling_of(name, place.name)):
                    named_for_a_city.add((place.country_code, place.admin1))
    # (-score, -population, id, features, place) per place id, its best match kept; records only for the winners.
    best: dict[str, tuple[float, int, str, tuple[tuple[str, float], ...], Place]] = {}
    for place, match, n in kept:
        kind = place.kind
        capital = (shares_a_state and kind == "city" and is_capital is not None
                   and is_capital(place.id))
        # (asked only where it can matter: a city that may be a capital or a city of millions)
        spelling = (match == "alternate" and kind == "city" and bool(name)
                    and (capital or place.population >= SPELLING_CITY)
                    and _spelling_of(name, place.name))
        # (a set only when the name also names a state, and mostly empty: tested first)
        named_for_its_city = named_for_a_city and kind == "adm1" and (place.country_code, place.name) in named_for_a_city
        features, score = _prior(place, match, capital, n, spelling, shares_a_state, named_for_its_city)
        score = _round4(score)  # (sum()'s order and rounding)
        seen = best.get(place.id)
        if seen is None or -score < seen[0]:
            best[place.id] = (-score, -place.population, place.id, features, place)
    # Ordered by score, then size, then id (unique in ``best``: the tuples never compare further).
    ranked = sorted(best.values())
    return _candidates(ranked[:MAX_CANDIDATES])


# Candidate records built as drafts, filled and made Candidates (geo.records.draft_class):
# the same records Candidate(...) builds, without the frozen class's checked __setattr__ per
# field (rank builds a dozen per name).
_CandidateDraft = draft_class(Candidate)
_FAST_CANDIDATE = (tuple(f.name for f in dataclasses.fields(Candidate)) == ("place", "score", "features")
                   and _CandidateDraft is not None)
if _FAST_CANDIDATE:

    def _candidates(ranked: list[tuple], _new=object.__new__, _draft=_CandidateDraft, _cls=Candidate) -> tuple[Candidate, ...]:
        """The Candidate of each of rank()'s ``(-score, -population, id, features, place)``."""
        made = []
        for negative, _, _, features, place in ranked:
            cand = _new(_draft)
            cand.place = place
            cand.score = -negative
            cand.features = features
            cand.__class__ = _cls
            made.append(cand)
        return tuple(made)
else:  # pragma: no cover - only if records.py changes shape

    def _candidates(ranked: list[tuple]) -> tuple[Candidate, ...]:
        return tuple([Candidate(place, -negative, features) for negative, _, _, features, place in ranked])

