"""Stage 4: choose one place (or none) per mention, using what the document itself says.

Evidence added to each candidate's prior:
- an explicit qualifier: "Fuzuli, Azerbaijan", "Paris, Texas", "Azerbaijan's Tovuz";
- coherence: countries (and first-level subdivisions) the document names pull
  their own towns, so Tovuz lands in Azerbaijan in an article about Azerbaijan;
- one sense per document: the same name resolves to the same place throughout.

Every resolution keeps its score, the runner-up candidates and a short reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from geo.names import name_key
from geo.records import Candidate, Mention, Place, Resolution

__all__ = ["resolve", "QUALIFIER_BONUS", "COUNTRY_CONTEXT_BONUS", "ADMIN1_CONTEXT_BONUS"]

QUALIFIER_BONUS = 0.8
COUNTRY_CONTEXT_BONUS = 0.3
ADMIN1_CONTEXT_BONUS = 0.25
_AREA_KINDS = ("country", "adm1")
_COMMA_GAP = re.compile(r"\s*,\s*")
_POSSESSIVE_GAP = re.compile(r"\s*['’]s?\s+")


def _contains(area: Place, place: Place) -> bool:
    """Does ``area`` (a country or first-level subdivision) contain ``place``?"""
    if area.id == place.id or not place.country_code:
        return False
    if area.kind == "country":
        return place.country_code == area.country_code
    if area.kind == "adm1":
        return place.country_code == area.country_code and name_key(place.admin1) == name_key(area.name)
    return False


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


def _top_area(candidates: tuple[Candidate, ...]) -> Place | None:
    if candidates and candidates[0].place.kind in _AREA_KINDS:
        return candidates[0].place
    return None


def resolve(
    text: str, mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...]
) -> tuple[Resolution, ...]:
    """One resolution per mention, in the same order; ``candidates[i]`` belong to ``mentions[i]``."""
    if len(mentions) != len(candidates):
        raise ValueError(f"need one candidate tuple per mention, got {len(candidates)} for {len(mentions)}")
    qualifiers = _qualifier_pairs(text, mentions)

    # Areas the document names, by their best prior reading: the context for everything else.
    context_countries: Counter[str] = Counter()
    context_admin1: Counter[tuple[str, str]] = Counter()
    for cands in candidates:
        top = cands[0].place if cands else None
        if top is None:
            continue
        if top.kind == "country":
            context_countries[top.country_code] += 1
        elif top.kind == "adm1":
            context_admin1[(top.country_code, name_key(top.name))] += 1
            context_countries[top.country_code] += 0.5

    rescored: list[tuple[Candidate, ...]] = []
    for i, (mention, cands) in enumerate(zip(mentions, candidates)):
        areas = [a for q in qualifiers.get(i, []) if (a := _top_area(candidates[q])) is not None]
        updated = []
        for cand in cands:
            place, extra = cand.place, []
            if any(_contains(area, place) for area in areas):
                extra.append(("qualified by " + next(a.name for a in areas if _contains(a, place)), QUALIFIER_BONUS))
            if place.kind not in ("country", "continent", "macroregion") and context_countries.get(place.country_code):
                extra.append(("country named in text", COUNTRY_CONTEXT_BONUS))
            if place.kind in ("city", "adm2") and context_admin1.get((place.country_code, name_key(place.admin1))):
                extra.append(("state/province named in text", ADMIN1_CONTEXT_BONUS))
            if extra:
                cand = replace(cand, score=round(cand.score + sum(v for _, v in extra), 4), features=cand.features + tuple(extra))
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
        best = max(cands, key=lambda c: (totals[c.place.id], c.score, -int(c.place.id.isdigit())))
        ordered = (best,) + tuple(c for c in cands if c is not best)
        reason = ", ".join(name for name, _ in best.features)
        resolutions.append(Resolution(mention, best.place, best.score, ordered, reason))
    return tuple(resolutions)
