"""What a mention's own sentence says about where it is: qualifiers (part of geo.resolve).

A qualifier is another name of the text that says which area a name lies in:
- "X, Y" ("Paris, Texas"; "Fuzuli, Azerbaijan"; "Marshall, Harrison County, Texas");
- "Y's X" ("Azerbaijan's Tovuz");
- definitional phrases, said in so many words: "X is a city in Y", "X, the capital of Y",
  "X, a village in northern Y", "X is the largest town in the US state of Y";
- "X in northern Y" (a direction says X lies in Y), "X, in Y" and "X, in southern Y";
- "X (Y)" ("Paris (Texas)");
- "the Y town of X" ("the Texas city of Tyler", "the Ukrainian city of Luhansk").
A qualifier of a qualifier qualifies too ("X is a city in Harrison County, Texas").
:func:`qualifier_pairs` finds who qualifies whom; :func:`qualifying_areas` which of the
qualifier's readings is meant: the area that holds a place the qualified name can be.
"""

from __future__ import annotations

import re

from geo.distance import haversine_km
from geo.evidence import _key
from geo.records import Candidate, Mention, Place

__all__ = ["qualifier_pairs", "read_gaps", "qualifying_areas", "sentence_areas", "listed_areas", "contains", "QUALIFIER_REACH", "PLACE_NOUNS",
           "SENTENCE_NAMES", "COUNTY_KM"]

_AREA_KINDS = ("country", "adm1")
# What a qualifier can be read as: an area, or a county ("Reading, Berkshire").
_QUALIFIER_KINDS = ("country", "adm1", "adm2")
#: How far from a county's point its towns may lie (the gazetteer has no county of a town).
COUNTY_KM = 60.0
#: The nouns definitional phrases use for a place ("X is a *town* in Y").
PLACE_NOUNS = (
    "city town village hamlet suburb municipality community borough port capital settlement commune "
    "district county province region state island resort neighbourhood neighborhood township seat "
    "oblast governorate prefecture".split()
)
# (The lookahead on first letters is implied by the alternation: one test of a class rules
# out most words before the engine tries each noun in turn.)
_NOUN = "(?=[" + "".join(sorted({noun[0] for noun in PLACE_NOUNS})) + "])(?:" + "|".join(PLACE_NOUNS) + ")"
# A direction within an area: "northern", "north-eastern", "northeast", "central", "upstate".
_DIRECTION = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|upstate|downstate|coastal|rural)"
# Up to three words before the noun ("a small coastal town"), none of them a conjunction
# ("Dayton, and the state of Ohio" lists, it does not define).
_WORDS = r"(?:(?!(?:and|or|but|while|as|with)\b)[\w'’.-]+\s+){0,3}?"
# After "in"/"of": "the", a direction ("northern", "the north of"), "the US state of".
_WITHIN = (r"(?:the\s+)?(?:(?:far\s+)?" + _DIRECTION + r"\s+(?:part\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?)?)?"
           r"(?:(?:[\w.]+\s+){0,2}(?:state|province|region|country|republic)\s+of\s+(?:the\s+)?)?")
# "X, Y" (the group comma), "X and Y" ("and", "or" or "&": the group listed; a comma lists
# too) or "Y's X": one pattern, so most gaps, which are none of them, cost one match.
_SHORT_GAP = re.compile(r"\s*(?:(?P<comma>,)\s*|(?P<listed>(?i:and|or)|&)\s*|['’]s?\s+)")
# X ... Y: "X is a city in Y", "X, the capital of Y", "X, a village in northern Y".
_DEFINES = (r"(?:\s*,\s*|\s+(?:is|was|remains|became|lies|sits)\s+)(?:(?:a|an|the)\s+)?" + _WORDS + _NOUN
            + r"\s+(?:in|of|on)\s+" + _WITHIN)
# X ... Y: "X in northern Y", "X in the north of Y".
# X ... Y: "X, in Y" (an aside that places X), "X, in southern Y". (Every phrase here has a
# word "in", "of" or "on" between spaces: not ",in Y", unless an "of" follows, as in
# ",in the north of Y"; the lookahead asks that of the only branch that could lack one.)
_IN_DIRECTION = (
    r"(?:\s+in\s+(?:the\s+)?(?:far\s+)?" + _DIRECTION + r"\s+(?:part\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?)?"
    r"|\s*,(?=[\s\S]*?\s(?:in|of|on)\s)\s*in\s+(?:the\s+)?(?:(?:far\s+)?" + _DIRECTION + r"\s+(?:part\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?)?)?)")
# Y ... X: "the Texas city of Tyler".
_NOUN_OF = r"\s+" + _NOUN + r"\s+of\s+"
_CLOSE_BRACKET = re.compile(r"\s*\)")
# A gap within a sentence, matched once: the short gaps (_SHORT_GAP, "Y's X" the match
# without a group), "X (Y)" (the group bracket, before the closing bracket), the phrases that
# say Y holds X (held) and "the Texas city of X" (noun_of). No gap is two of them: a phrase
# holds a place noun or "in", and no "(".
_GAP_IN_A_SENTENCE = re.compile(
    "(?-i:" + _SHORT_GAP.pattern + r")|(?P<bracket>\s*\(\s*)|(?P<held>" + _DEFINES + "|" + _IN_DIRECTION
    + ")|(?P<noun_of>" + _NOUN_OF + ")", re.IGNORECASE)


def contains(area: Place, place: Place) -> bool:
    """Does ``area`` (a country, a first- or second-level subdivision) contain ``place``?

    The gazetteer records each place's country and state, not its county: a county holds
    the towns and districts of its state within COUNTY_KM of its point.
    """
    # (another country first: the usual answer)
    if place.country_code != area.country_code or not place.country_code or area.id == place.id:
        return False
    kind = area.kind
    if kind == "country":
        return True
    if kind == "adm1":
        return _key(place.admin1) == _key(area.name)
    return (kind == "adm2" and place.kind in ("city", "adm2") and place.admin1 == area.admin1
            and abs(place.lat - area.lat) < COUNTY_KM / 110 and haversine_km(area.lat, area.lon, place.lat, place.lon) <= COUNTY_KM)




def qualifier_pairs(text: str, mentions: tuple[Mention, ...]) -> dict[int, list[int]]:
    """For each mention index, the indices of mentions that qualify it (see the module doc).

    >>> text = "Tyler is a city in Texas."
    >>> qualifier_pairs(text, (Mention(0, 5, "Tyler", 0), Mention(19, 24, "Texas", 0)))
    {0: [1]}
    """
    return read_gaps(text, mentions)[0]


def read_gaps(text: str, mentions: tuple[Mention, ...]) -> tuple[dict[int, list[int]], list[int], list[list[int]]]:
    """What the gaps between the mentions say, in one pass over each mention and the next:
    the qualifier pairs (:func:`qualifier_pairs`); the indices ``i`` (ascending) of the
    mentions listed with the next one ("X, Y", "X and Y", "X or Y", "X & Y": see
    :func:`listed_areas`); the runs of two or more mentions that share a sentence (see
    :func:`sentence_areas`). The mentions come in text order, as find_mentions gives them.

    >>> read_gaps("Paris, Texas and Ohio. Rome", (Mention(0, 5, "Paris", 0), Mention(7, 12, "Texas", 0),
    ...                                           Mention(17, 21, "Ohio", 0), Mention(23, 27, "Rome", 1)))
    ({0: [1]}, [0, 1], [[0, 1, 2]])
    """
    pairs: dict[int, list[int]] = {}
    listed: list[int] = []
    runs: list[list[int]] = []
    run = [-1]  # the last run (none yet)
    for i, right in enumerate(mentions[1:]):  # (each mention ``i`` and the next)
        left = mentions[i]
        # Matched in place (pos, endpos): the gap between two far mentions is never copied.
        start, end = left.end, right.start
        if left.sentence_index != right.sentence_index:  # (only a list runs across sentences)
            short = _SHORT_GAP.fullmatch(text, start, end)
            if short is not None and short.lastgroup is not None:
                listed.append(i)
            continue
        if run[-1] == i:
            run.append(i + 1)
        else:
            run = [i, i + 1]
            runs.append(run)
        # (Each pattern fails within a gap's first words: prose, most gaps, costs little.)
        gap = _GAP_IN_A_SENTENCE.fullmatch(text, start, end)
        if gap is None:
            continue
        joint = gap.lastgroup
        if joint == "comma":  # "X, Y" (and a list)
            listed.append(i)
            pairs.setdefault(i, []).append(i + 1)
        elif joint is None:  # "Y's X"
            pairs.setdefault(i + 1, []).append(i)
        elif joint == "listed":
            listed.append(i)
        elif end - start > 120:  # (no phrase below is this long)
            continue
        elif joint == "held":  # "X is a city in Y", "X in northern Y"
            pairs.setdefault(i, []).append(i + 1)
        elif joint == "bracket":  # "X (Y)"
            if _CLOSE_BRACKET.match(text, right.end):
                pairs.setdefault(i, []).append(i + 1)
        elif text[max(0, left.start - 4):left.start].lower().endswith("the "):  # "the Y city of X"
            pairs.setdefault(i + 1, []).append(i)
    return pairs, listed, runs


#: How far below the best reading of a qualifier ("Georgia" in "Macon, Georgia") an area it can
#: be may lie and still be the one meant, when it holds a place the qualified name can be.
QUALIFIER_REACH = 0.8


def qualifying_areas(
    text: str, mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...], pairs: dict[int, list[int]],
    listed: list[int] | None = None,
) -> tuple[dict[int, list[Place]], dict[int, dict[str, str]]]:
    """For "X, Y" and "Y's X": per X, the areas Y stands for; per Y, {area id: X's name}.

    Y stands for the best of its readings as a country, state or county (within QUALIFIER_REACH of
    its best reading) that holds a place X can be: "Macon, Georgia" is the US state, and
    names both. A name that is first a country is qualified only by a state, and not in a
    list ("Russia, Ohio"; not "France, Germany" nor "Chile, Peru, Georgia").
    ``listed``: the mentions listed with the next (from :func:`read_gaps`), if found already.
    """
    areas_of: dict[int, list[Place]] = {}
    holds: dict[int, dict[str, str]] = {}
    for i, qualifying in pairs.items():
        x = candidates[i]
        if not x:
            continue
        country_first = x[0].place.kind == "country"
        if country_first:
            if listed is None:
                listed = read_gaps(text, mentions)[1]
            if _in_list(listed, i):
                continue
        kinds = ("adm1", "adm2") if country_first else _QUALIFIER_KINDS
        # A qualifier's own qualifier qualifies too ("a city in Harrison County, Texas").
        for q in qualifying + [z for q in qualifying for z in pairs.get(q, ()) if z != i]:
            y = candidates[q]
            if not y:
                continue
            area = _first_area_holding(y, y[0].score - QUALIFIER_REACH, kinds, x)
            if area is not None:
                areas_of.setdefault(i, []).append(area)
                holds.setdefault(q, {})[area.id] = mentions[i].text
    return areas_of, holds


def _first_area_holding(y: tuple[Candidate, ...], floor: float, kinds: tuple[str, ...],
                        x: tuple[Candidate, ...]) -> Place | None:
    """The first reading of ``y`` of one of ``kinds`` and scored ``floor`` or more that holds
    a reading of ``x``, or None. (Loops: no generator made per qualifier and reading.)"""
    for c in y:
        if c.score >= floor and c.place.kind in kinds:
            area = c.place
            for xc in x:
                if contains(area, xc.place):
                    return area
    return None


# A name whose second reading is this far behind its first is settled whatever its sentence
# says (more than all evidence but a qualifier can add).
_CONTESTED_WITHIN = 1.6
#: At most this many names of one sentence are read against each other (a list of 40 towns
#: says little of each, and pairs grow as the square).
SENTENCE_NAMES = 12


def sentence_areas(
    mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...], qualified: dict[int, list[Place]],
    runs: list[list[int]],
) -> dict[int, dict[str, str]]:
    """Per mention, {place id: name}: its readings that another name of the same sentence
    holds or that hold another name of the sentence, with that name. Weaker than a qualifier,
    nearer than the rest of the text: "Ireland's government in Dublin", "in Greece, Athens",
    "the president of Georgia flew from Tbilisi" (Georgia the country holds Tbilisi).

    The other name is read as a country or state within QUALIFIER_REACH of its best reading;
    a country speaks for the towns and districts in it, not for its states ("the United
    States and Georgia" is no evidence for the state), and a name first read as a country
    or state is not made a town. A name a qualifier placed (``qualified``, from
    :func:`qualifying_areas`) is left to its qualifier. ``runs``: the runs of mentions that
    share a sentence (:func:`read_gaps`).
    """
    found: dict[int, dict[str, str]] = {}
    area_readings: dict[int, list[Place]] = {}  # id(candidates) -> its readings as an area
    # (id(candidates), where) -> its readings there: see _readings_in
    readings_in: dict[tuple[int, tuple[str, ...]], list[Place]] = {}
    every_name_read = all(candidates)  # (else a sentence's names without a reading are left out)
    for members in runs:
        if not every_name_read:
            members = [i for i in members if candidates[i]]
            if len(members) < 2:
                continue
        if len(members) > SENTENCE_NAMES:
            continue
        # The sentence's names evidence can move: with more than one reading in reach (a
        # sentence with none has nothing to say; most sentences have one name). A name that
        # is first a country or state is not made a town by its sentence ("England and
        # Wales", "Kansas and Illinois"): only a qualifier can do that. So only the other
        # contested names can be placed; without one the sentence says nothing.
        placeable = [p for p in members if candidates[p][0].place.kind not in _AREA_KINDS and p not in qualified
                     and _contested(candidates[p])]
        if not placeable:
            continue
        # Per member: its readings as an area (within reach of its best). Most sentences
        # have no area at all.
        areas_of: dict[int, list[Place]] = {}
        for a in members:
            y = candidates[a]
            areas = area_readings.get(id(y))
            if areas is None:  # (mentions of a name share their candidates: found once)
                floor = y[0].score - QUALIFIER_REACH  # (kinds first: most readings in reach are towns)
                areas = area_readings[id(y)] = [c.place for c in y if c.place.kind in _AREA_KINDS and c.score >= floor]
            if areas:
                areas_of[a] = areas
        for a, areas in areas_of.items():
            key_a = _key(mentions[a].text)
            for p in placeable:
                if p == a or _key(mentions[p].text) == key_a:
                    continue
                cands = candidates[p]
                for area in areas:
                    where = (area.country_code,) if area.kind == "country" else (area.country_code, _key(area.name))
                    within = readings_in.get((id(cands), where))
                    if within is None:
                        within = readings_in[(id(cands), where)] = _readings_in(cands, where)
                    if not within:  # (most areas hold none of the name's readings)
                        continue
                    held = [place for place in within if place.id != area.id]
                    if 0 < len(held) <= 2:  # (an area that holds many of them tells them apart no more)
                        for place in held:
                            found.setdefault(p, {}).setdefault(place.id, f"with {mentions[a].text} in its sentence")
                        if _contested(candidates[a]):
                            found.setdefault(a, {}).setdefault(area.id, f"with {mentions[p].text} in its sentence")
    return found


def _contested(cands: tuple[Candidate, ...]) -> bool:
    """Has a name more than one reading in reach of its first, so that evidence can move it?"""
    return len(cands) > 1 and cands[1].score >= cands[0].score - _CONTESTED_WITHIN


def _readings_in(cands: tuple[Candidate, ...], where: tuple[str, ...]) -> list[Place]:
    """The readings among ``cands`` that lie in an area: ``(country code,)``, the towns and
    districts of a country; ``(country code, state key)``, the places of a state."""
    country = where[0]
    if not country:
        return []
    if len(where) == 1:
        return [c.place for c in cands if c.place.country_code == country and c.place.kind in ("city", "adm2")]
    return [c.place for c in cands
            if c.place.country_code == country and c.place.admin1 and _key(c.place.admin1) == where[1]]


def listed_areas(
    text: str, mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...], found: dict[int, dict[str, str]],
    listed: list[int] | None = None,
) -> dict[int, dict[str, str]]:
    """Add to ``found`` (see :func:`sentence_areas`) the readings of names listed beside a
    country or state ("Germany and Poland", "Florida, Georgia and Alabama") as the same kind
    of area: names joined by "and", "or" or a comma are alike. Not "X, Y" where Y holds X
    (a qualifier, found before), and only for names with such a reading in reach.
    ``listed``: the mentions listed with the next (from :func:`read_gaps`), if found already."""
    if listed is None:
        listed = read_gaps(text, mentions)[1]
    for i in listed:
        for p, a in ((i, i + 1), (i + 1, i)):
            ours, theirs = candidates[p], candidates[a]
            # (ours has several readings, theirs is first an area)
            if len(ours) < 2 or not theirs or theirs[0].place.kind not in _AREA_KINDS:
                continue
            kind = theirs[0].place.kind
            floor = ours[0].score - _CONTESTED_WITHIN
            alike = [c.place for c in ours if c.place.kind == kind and c.score >= floor]
            if alike:
                for place in alike:
                    found.setdefault(p, {}).setdefault(place.id, f"listed with {mentions[a].text}")
    return found


def _in_list(listed: list[int], i: int) -> bool:
    """Is mention ``i`` one of a list of three or more names ("Chile, Peru, Georgia and Cuba"),
    by ``listed``, the mentions listed with the next (:func:`read_gaps`)?"""
    return i - 1 in listed or i + 1 in listed
