"""Evidence from names read together (part of geo.resolve): neighbours and named states.

Names that share a neighbourhood are a strong clue in local news, where a town and its
county or the next town are named together and the state goes without saying ("Paris and
Henry County" meet in Tennessee); a town lies in a state another name can be ("Albany ...
Georgia"), whichever each would be alone.
"""

from __future__ import annotations

import math
import operator

from geo.coherence import ADMIN1_CONTEXT_BONUS, COUNTRY_CONTEXT_BONUS, _coherence_facts
from geo.distance import EARTH_RADIUS_KM, haversine_km
from geo.evidence import _POINT_KINDS, _best_of, _outclassed, _with
from geo.records import Candidate, Place

__all__ = ["NEIGHBOUR_BONUS", "NEIGHBOUR_KM", "STATE_NAMED_BONUS"]

#: For a town or district lying within NEIGHBOUR_KM of a town or district another name of
#: the text can be ("Paris and Henry County": the Paris in Henry County, Tennessee).
NEIGHBOUR_BONUS = 0.3
NEIGHBOUR_KM = 30.0
#: For a town or district in a state that another name of the text can be, and for that
#: state: "Albany" and "Georgia" are read together, whichever each would be alone.
STATE_NAMED_BONUS = 0.1
_first = operator.itemgetter(0)
# The kinds that are or lie in a state (see _coherence_facts): the others have none.
_IN_A_STATE = frozenset(("adm1", "city", "adm2"))
# The haversine h = sin^2(dlat/2) + cos(lat1) cos(lat2) sin^2(dlon/2) of NEIGHBOUR_KM, a
# millionth over so that rounding never rules out a pair haversine_km puts within reach.
_NEIGHBOUR_HAVERSINE = math.sin(NEIGHBOUR_KM / EARTH_RADIUS_KM / 2) ** 2 * (1 + 1e-6)
# Radians per degree: ``x * _RADIAN`` is ``math.radians(x)`` to the bit (the product it
# computes), without a call in the comparisons' inner loop.
_RADIAN = math.pi / 180.0


def _with_neighbours(
    names: list[tuple[str, str]], local: list[tuple[Candidate, ...]],
    bests: dict[tuple[str, int], Candidate] | None = None,
) -> list[tuple[Candidate, ...]]:
    """Candidates with evidence for lying near a candidate of another name of the text.

    Names that share a neighbourhood are a strong clue in local news, where a town and
    its county or the next town are named together and the state goes without saying.
    Only towns and districts that could still win count (a few dozen a document); sorted
    by latitude, each is compared only with those less than NEIGHBOUR_KM further north.
    ``bests``: (name, id(candidates)) -> _best_of() of them, filled in (named states need
    them too: see _with_states_named).
    """
    reach = COUNTRY_CONTEXT_BONUS + ADMIN1_CONTEXT_BONUS + NEIGHBOUR_BONUS
    points: list[tuple[float, str, Place]] = []
    if bests is None:
        bests = {}
    padded: dict[str, str] = {}  # name -> " name ", for each name with a point
    for (key, _kind), cands in zip(names, local):
        if not cands:
            continue
        group = (key, id(cands))
        if group in bests:  # (collected already)
            continue
        best = bests[group] = _best_of(cands)
        floor = best.score - reach
        before = len(points)
        guarded = best.place.kind == "country"  # (else no candidate is outclassed)
        for c in cands:
            if c.score >= floor and c.place.kind in _POINT_KINDS and not (guarded and _outclassed(c, best)):
                points.append((c.place.lat, key, c.place))
        if len(points) > before and key not in padded:
            padded[key] = f" {key} "
    if len(padded) < 2:
        return local
    points.sort(key=_first)
    max_dlat = NEIGHBOUR_KM / 110.0  # a degree of latitude is at least 110 km
    nearest: dict[tuple[str, str], tuple[float, str]] = {}  # (name, place id) -> (km, the neighbour's name)
    count = len(points)
    for i, ((lat, key, place), (next_lat, _, _)) in enumerate(zip(points, points[1:])):
        if next_lat - lat > max_dlat:  # (most points have no other less than max_dlat further north)
            continue
        lon = place.lon
        # cos(lat): with it a pair far apart in longitude is ruled out without haversine_km.
        cos_lat = math.cos(lat * _RADIAN)
        for j in range(i + 1, count):
            other_lat, other_key, other = points[j]
            if other_lat - lat > max_dlat:
                break
            # (a name's own candidates, the usual echo, need no substring search)
            if other_key is key or other.id == place.id:
                continue
            # The haversine term of the longitude alone is at most the whole: past the limit, too far.
            if cos_lat * math.cos(other_lat * _RADIAN) * math.sin((other.lon - lon) * _RADIAN / 2) ** 2 > _NEIGHBOUR_HAVERSINE:
                continue
            if _echoes(padded[key], padded[other_key]):
                continue
            km = haversine_km(lat, lon, other_lat, other.lon)
            if km <= NEIGHBOUR_KM:  # evidence for both; each keeps its nearest neighbour
                for here, found in (((key, place.id), (km, other.name)), ((other_key, other.id), (km, place.name))):
                    if here not in nearest or found < nearest[here]:
                        nearest[here] = found
    if not nearest:
        return local

    near_names = {key for key, _ in nearest}

    def evidence(key: str, cands: tuple[Candidate, ...]) -> list[tuple[tuple[str, float], ...]]:
        if len(cands) < 2 or key not in near_names:  # a name with one candidate has nothing to choose
            return []
        return [(("near " + n[1], NEIGHBOUR_BONUS),) if n else ()
                for c in cands for n in [nearest.get((key, c.place.id))]]

    return _with_name_evidence(names, local, evidence, near_names)


def _with_name_evidence(names: list[tuple[str, str]], local: list[tuple[Candidate, ...]], evidence,
                        gaining: set[str] | dict) -> list[tuple[Candidate, ...]]:
    """``local`` with ``evidence(name key, candidates)`` (extra features per candidate) added,
    worked out once per distinct name and candidates tuple; a tuple that gains nothing is kept
    as it is, so the mentions that share it still do. Names not in ``gaining`` gain nothing
    (most names of a text): they are passed over without a look."""
    done: dict[tuple[str, int], tuple[Candidate, ...]] = {}
    result = list(local)  # (the mentions of names that gain nothing, most, keep their tuples as they are)
    for i, (key, _kind) in enumerate(names):
        if key not in gaining:
            continue
        cands = local[i]
        group = (key, id(cands))
        hit = done.get(group)
        if hit is None:
            extras = evidence(key, cands)
            hit = tuple([_with(c, extra) if extra else c for c, extra in zip(cands, extras)]) if any(extras) else cands
            done[group] = hit
        result[i] = hit
    return result


def _with_states_named(
    names: list[tuple[str, str]], local: list[tuple[Candidate, ...]],
    facts: dict[str, tuple[str, tuple[str, str] | None]] | None = None,
    bests: dict[tuple[str, int], Candidate] | None = None,
) -> list[tuple[Candidate, ...]]:
    """Candidates with evidence for a town lying in a state another name can be, and for
    that state. The rounds of coherence see only each name's current reading, so "Albany
    ... Georgia" could stay New York and the Caucasus; this sees the pair whatever either
    is alone. ``facts``: place id -> _coherence_facts(place), filled in as found (the caller's
    coherence needs them too: found once per text). ``bests``: (name, id(candidates)) ->
    _best_of() of them, as _with_neighbours left it for the candidates it was given (they
    must have lived while those given here were made, so that an id names one tuple), with
    those of the tuples given here that it lacks added."""
    if facts is None:
        facts = {}
    reach = COUNTRY_CONTEXT_BONUS + ADMIN1_CONTEXT_BONUS + NEIGHBOUR_BONUS + STATE_NAMED_BONUS
    states: dict[tuple[str, str], list[str]] = {}  # state -> names that can be it
    # (name, id(candidates)) -> (them, floor, the best of them)
    groups: dict[tuple[str, int], tuple[tuple[Candidate, ...], float, Candidate]] = {}
    for (key, _kind), cands in zip(names, local):
        if len(cands) < 2:
            continue
        group = (key, id(cands))
        if group in groups:
            continue
        best = bests.get(group) if bests else None
        if best is None:  # (a tuple neighbours made: its best is kept for the caller too)
            best = _best_of(cands)
            if bests is not None:
                bests[group] = best
        floor = best.score - reach
        groups[group] = (cands, floor, best)
        for c in cands:
            if c.place.kind == "adm1" and c.score >= floor and c.place.country_code:
                place = c.place
                fact = facts.get(place.id)
                if fact is None:
                    fact = facts[place.id] = _coherence_facts(place)
                states.setdefault(fact[1], []).append(key)
    # Most texts name no state any name can be (about half of LGL's): then no town needs looking at.
    if not states:
        return local
    towns: dict[tuple[str, str], list[str]] = {}  # state -> names that can be a town in it
    # (name, id(candidates)) -> {a candidate's index: the state it is or lies in}, for the
    # candidates in (or being) a state some name can be: the evidence below asks only for those
    rows_of: dict[tuple[str, int], dict[int, tuple[str, str]]] = {}
    countries = {country for country, _ in states}  # (the few countries of those states)
    for group, (cands, floor, best) in groups.items():
        rows = rows_of[group] = {}
        for i, c in enumerate(cands):
            place = c.place
            # (a place in a country none of whose states is named, the usual case, or a country,
            # a sea: none to look up)
            if place.country_code not in countries or place.kind not in _IN_A_STATE:
                continue
            fact = facts.get(place.id)
            if fact is None:
                fact = facts[place.id] = _coherence_facts(place)
            state = fact[1]  # the state it is, or the one a town or district lies in
            # (most lie in no state a name can be, and None is none: nothing to note)
            if state in states:
                rows[i] = state
                if (place.kind != "adm1" and c.score >= floor
                        and not (best.place.kind == "country" and _outclassed(c, best))):
                    towns.setdefault(state, []).append(group[0])
    if not towns:  # (its states are those both some name can be and some name can lie in)
        return local

    def evidence(key: str, cands: tuple[Candidate, ...]) -> list[tuple[tuple[str, float], ...]]:
        rows = rows_of.get((key, id(cands)))
        if rows is None or towns.keys().isdisjoint(rows.values()):
            return []
        padded = f" {key} "
        extras = [()] * len(cands)
        for i, state in rows.items():
            if state in towns:
                if cands[i].place.kind == "adm1":
                    if any(not _echoes(padded, f" {other} ") for other in towns[state]):
                        extras[i] = (("holds a town the text names", STATE_NAMED_BONUS),)
                elif any(not _echoes(padded, f" {other} ") for other in states[state]):
                    extras[i] = (("in a state the text names", STATE_NAMED_BONUS),)
        return extras

    # (only a name that can be a town in, or be, a state both named and lived in can gain)
    gaining = {key for (key, _), rows in rows_of.items() if not towns.keys().isdisjoint(rows.values())}
    return _with_name_evidence(names, local, evidence, gaining)


def _echoes(padded_key: str, padded_other: str) -> bool:
    """Is one name part of the other ("Richmond", "City of Richmond")? Such names find
    namesakes side by side in every state: no evidence of where either is. (Keys padded
    with a space each side, so only whole words match.)"""
    return padded_other in padded_key or padded_key in padded_other
