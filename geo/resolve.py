"""Stage 4: choose one place (or none) per mention, using what the document itself says.

Evidence added to each candidate's prior (geo.candidates):
- an explicit qualifier: "Fuzuli, Azerbaijan", "Paris, Texas", "Azerbaijan's Tovuz";
- coherence: the countries and first-level subdivisions the document is about
  (named outright, or holding the places it names unambiguously) pull their own
  towns, so Tovuz lands in Azerbaijan in an article about Azerbaijan;
- a town over the district named after it: "Fuzuli" is the town unless the text
  says "Fuzuli district";
- one sense per document: the same name resolves to the same place throughout.

Every resolution keeps its score, the runner-up candidates and a short reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from geo.names import name_key
from geo.records import Candidate, Mention, Place, Resolution

__all__ = [
    "resolve",
    "QUALIFIER_BONUS",
    "COUNTRY_CONTEXT_BONUS",
    "ADMIN1_CONTEXT_BONUS",
    "TOWN_OVER_DISTRICT_BONUS",
    "ADMIN_WORDS",
]

QUALIFIER_BONUS = 0.8
COUNTRY_CONTEXT_BONUS = 0.35
ADMIN1_CONTEXT_BONUS = 0.3
TOWN_OVER_DISTRICT_BONUS = 0.6
#: Words after a name that make it the administrative area rather than the town.
ADMIN_WORDS = frozenset(
    "district districts province provinces region regions county counties state states rayon oblast "
    "governorate prefecture municipality department parish territory canton krai okrug voivodeship".split()
)
_AREA_KINDS = ("country", "adm1")
_COMMA_GAP = re.compile(r"\s*,\s*")
_POSSESSIVE_GAP = re.compile(r"\s*['’]s?\s+")
_NEXT_WORD = re.compile(r"\W*(\w+)")


def _contains(area: Place, place: Place) -> bool:
    """Does ``area`` (a country or first-level subdivision) contain ``place``?"""
    if area.id == place.id or not place.country_code or place.country_code != area.country_code:
        return False
    if area.kind == "country":
        return True
    return area.kind == "adm1" and name_key(place.admin1) == name_key(area.name)


def _qualifier_pairs(text: str, mentions: tuple[Mention, ...]) -> dict[int, list[int]]:
    """For each mention index, the indices of mentions that qualify it.

    "X, Y" (Y qualifies X) and "Y's X" (Y qualifies X).
    """
    pairs: dict[int, list[int]] = {}
    for i in range(len(mentions) - 1):
        left, right = mentions[i], mentions[i + 1]
        gap = text[left.end : right.start]
        if _COMMA_GAP.fullmatch(gap):
            pairs.setdefault(i, []).append(i + 1)
        elif _POSSESSIVE_GAP.fullmatch(gap):
            pairs.setdefault(i + 1, []).append(i)
    return pairs


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    p = math.pi / 180
    h = math.sin((b.lat - a.lat) * p / 2) ** 2 + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin(
        (b.lon - a.lon) * p / 2
    ) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _document_areas(candidates: tuple[tuple[Candidate, ...], ...]) -> tuple[Counter, Counter]:
    """Countries and first-level subdivisions the document is about, with weights.

    An area named outright counts 1; a place whose best reading clearly beats the
    runner-up counts for its country (0.5) and its subdivision (0.5).
    """
    countries: Counter[str] = Counter()
    admin1: Counter[tuple[str, str]] = Counter()
    for cands in candidates:
        if not cands:
            continue
        top = cands[0].place
        if top.kind == "country":
            countries[top.country_code] += 1
        elif top.kind == "adm1":
            admin1[(top.country_code, name_key(top.name))] += 1
            countries[top.country_code] += 0.5
        elif len(cands) == 1 or cands[0].score - cands[1].score > 0.15:
            if top.country_code:
                countries[top.country_code] += 0.5
            if top.admin1:
                admin1[(top.country_code, name_key(top.admin1))] += 0.5
    return countries, admin1


def resolve(
    text: str, mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...]
) -> tuple[Resolution, ...]:
    """One resolution per mention, in the same order; ``candidates[i]`` belong to ``mentions[i]``."""
    if len(mentions) != len(candidates):
        raise ValueError(f"need one candidate tuple per mention, got {len(candidates)} for {len(mentions)}")
    qualifiers = _qualifier_pairs(text, mentions)
    countries, admin1 = _document_areas(candidates)

    rescored: list[tuple[Candidate, ...]] = []
    for i, (mention, cands) in enumerate(zip(mentions, candidates)):
        if not cands:
            rescored.append(cands)
            continue
        # A list of countries ("France, Germany") is not a qualifier; a town's country or state is.
        areas = []
        if cands[0].place.kind != "country":
            areas = [candidates[q][0].place for q in qualifiers.get(i, ()) if candidates[q]
                     and candidates[q][0].place.kind in _AREA_KINDS]
        next_word = _NEXT_WORD.match(text, mention.end)
        admin_word_follows = next_word is not None and next_word.group(1).lower() in ADMIN_WORDS
        towns = [c.place for c in cands if c.place.kind == "city"]
        # "Fuzuli" the town vs "Füzuli" the district around it; not "Armenia" the Colombian town vs the country.
        district_rule = all(c.place.kind in ("city", "adm1", "adm2") for c in cands)
        updated = []
        for cand in cands:
            place, extra = cand.place, []
            qualifier = next((a for a in areas if _contains(a, place)), None)
            if qualifier is not None:
                extra.append(("qualified by " + qualifier.name, QUALIFIER_BONUS))
            if place.kind not in ("country", "continent", "macroregion"):
                # Own mentions of an area do not count as context for that same area.
                weight = countries.get(place.country_code, 0) - (1 if place.kind == "country" else 0)
                if weight > 0:
                    extra.append(("country named in text", round(COUNTRY_CONTEXT_BONUS * min(1.0, weight), 4)))
            if place.kind in ("city", "adm2") and admin1.get((place.country_code, name_key(place.admin1)), 0) > 0:
                extra.append(("state/province named in text", ADMIN1_CONTEXT_BONUS))
            if (
                district_rule
                and place.kind == "city"
                and not admin_word_follows
                and any(c.place.kind in ("adm1", "adm2") and c.place.country_code == place.country_code
                        and _km(c.place, place) < 100 for c in cands[:5])
            ):
                extra.append(("town, not the district named after it", TOWN_OVER_DISTRICT_BONUS))
            elif district_rule and place.kind in ("adm1", "adm2") and admin_word_follows and towns:
                extra.append(("followed by " + next_word.group(1).lower(), TOWN_OVER_DISTRICT_BONUS))
            if extra:
                cand = replace(cand, score=round(cand.score + sum(v for _, v in extra), 4),
                               features=cand.features + tuple(extra))
            updated.append(cand)
        updated.sort(key=lambda c: (-c.score, -c.place.population, c.place.id))
        rescored.append(tuple(updated))

    # One sense per document: a name keeps the reading with the best total score.
    by_name: dict[tuple[str, str], Counter[str]] = {}
    for mention, cands in zip(mentions, rescored):
        totals = by_name.setdefault((name_key(mention.text), mention.kind), Counter())
        for c in cands:
            totals[c.place.id] += c.score
    resolutions = []
    for mention, cands in zip(mentions, rescored):
        if not cands:
            resolutions.append(Resolution(mention, None, 0.0, (), "no gazetteer entry"))
            continue
        totals = by_name[(name_key(mention.text), mention.kind)]
        best = max(cands, key=lambda c: (totals[c.place.id], c.score))
        ordered = (best,) + tuple(c for c in cands if c is not best)
        reason = ", ".join(name for name, _ in best.features)
        resolutions.append(Resolution(mention, best.place, best.score, ordered, reason))
    return tuple(resolutions)
